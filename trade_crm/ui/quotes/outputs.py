"""A quotation's or PI's document out of the app: Save PDF…, Save Excel… (the built-in sheet, or the user's own
template filled in), Email PDF… (the compose dialog with the PDF attached; the outbox's purpose lets the
quotes domain record the sending when the mail really leaves) and Sent by hand (WhatsApp, a printed copy:
the timeline gets the entry with the PDF at once). The language of the printed labels is picked beside them.

Rendering runs in a worker (ui/common/workers.Job): the document is built from the rows there and written by
exchange/documents; the dialog's buttons wait, and a failure is one line in the status label."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from platformdirs import PlatformDirs
from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QMenu, QPushButton, QWidget

from trade_crm import APP_ID
from trade_crm.domain.clock import Clock
from trade_crm.domain.errors import DomainError
from trade_crm.ui.common.file_dialogs import open_file, save_file
from trade_crm.ui.common.i18n import fill
from trade_crm.ui.common.workers import Job
from trade_crm.ui.quotes import rendering

Target = Callable[[], tuple[str, int | None]]  # ("quotation" | "proforma", id)


def documents_folder() -> Path:
    """Where a PDF to be emailed waits until the outbox sends it (the outbox reads the file at sending time)."""
    return Path(PlatformDirs(appname=APP_ID, appauthor=False).user_data_dir) / "documents"


def file_stem(number: str) -> str:
    """A document number as a file name, as the mail's attachment is named: "Q261205-3 v2" stays, "PI 2026/7"
    becomes "PI 2026_7" (no character a file system refuses)."""
    return re.sub(r'[\\/:*?"<>|\x00-\x1f]+', "_", number).strip(" ._") or "document"


class DocumentOutputs(QObject):
    """The output buttons of one editor; `composer(customer_id, contact_id, pdf, purpose, subject)` opens the mail
    compose dialog (the main window's mail controller; None where the app has no mail: the button hides)."""

    written = Signal(str)  # the path of a file just written
    sent = Signal()  # marked sent by hand: the timeline has the entry

    def __init__(self, clock: Clock, parent: QObject | None = None, *, composer: Callable | None = None,
                 folder: Path | None = None, root: Path | None = None):
        super().__init__(parent)
        self._clock = clock
        self.composer = composer
        self.root = root  # the book's attachments folder: images printed, and the PDF kept with the entry
        self.folder = folder or documents_folder()
        self.job: Job | None = None

    def bar(self, target: Target, before: Callable[[], bool], after_sent: Callable[[], None]) -> QWidget:
        """The row of output buttons for an editor: `before()` saves what must be saved first (False: stop)."""
        bar = QWidget()
        bar.setObjectName("output_bar")
        row = QHBoxLayout(bar)
        row.setContentsMargins(0, 0, 0, 0)
        bar.language_combo = QComboBox()
        bar.language_combo.addItem(self.tr("English"), "en")
        bar.language_combo.addItem("中文", "zh")
        bar.pdf_button = QPushButton(self.tr("Save PDF…"))
        bar.excel_button = QPushButton(self.tr("Save Excel…"))
        excel_menu = QMenu(bar.excel_button)
        bar.excel_builtin = excel_menu.addAction(self.tr("Built-in layout…"))
        bar.excel_template = excel_menu.addAction(self.tr("From my template…"))
        bar.excel_button.setMenu(excel_menu)
        bar.email_button = QPushButton(self.tr("Email PDF…"))
        bar.email_button.setVisible(self.composer is not None)
        bar.sent_button = QPushButton(self.tr("Sent by hand"))
        bar.sent_button.setToolTip(self.tr("Sent another way (WhatsApp, print): put it on the timeline with its PDF"))
        bar.status_label = QLabel()
        row.addWidget(QLabel(self.tr("Document language")))
        row.addWidget(bar.language_combo)
        for button in (bar.pdf_button, bar.excel_button, bar.email_button, bar.sent_button):
            row.addWidget(button)
        row.addWidget(bar.status_label, 1)

        def go(action: str) -> None:
            if not before():  # a draft's edits are saved first: the document is what is stored
                return
            kind, ident = target()
            self.run(bar, action, kind, ident, after_sent)

        bar.pdf_button.clicked.connect(lambda: go("pdf"))
        bar.excel_builtin.triggered.connect(lambda: go("xlsx"))
        bar.excel_template.triggered.connect(lambda: go("template"))
        bar.email_button.clicked.connect(lambda: go("email"))
        bar.sent_button.clicked.connect(lambda: go("sent"))
        return bar

    def enable(self, bar: QWidget, enabled: bool) -> None:
        for button in (bar.pdf_button, bar.excel_button, bar.email_button, bar.sent_button):
            button.setEnabled(enabled)

    def run(self, bar: QWidget, action: str, kind: str, ident: int, after_sent: Callable[[], None]) -> Job | None:
        language = bar.language_combo.currentData()
        number = rendering.document_label(kind, ident)
        template = None
        if action == "pdf":
            out = save_file(bar, self.tr("Save PDF"), f"{file_stem(number)}.pdf", self.tr("PDF (*.pdf)"))
        elif action in ("xlsx", "template"):
            if action == "template":
                template = open_file(bar, self.tr("Excel template"), self.tr("Excel workbook (*.xlsx)"))
                if template is None:
                    return None
            out = save_file(bar, self.tr("Save Excel"), f"{file_stem(number)}.xlsx",
                            self.tr("Excel workbook (*.xlsx)"))
        else:
            out = self.folder / f"{file_stem(number)}.pdf"
        if out is None:
            return None
        self.enable(bar, False)
        bar.status_label.setText(self.tr("Writing the document…"))
        function = {"pdf": rendering.write_pdf, "xlsx": rendering.write_xlsx, "template": rendering.write_template,
                    "email": rendering.write_pdf, "sent": rendering.write_pdf}[action]
        args = (kind, ident, language, self.root, out) + ((template,) if template is not None else ())
        self.job = Job(function, *args, parent=self, title="Writing a document")
        self.job.finished.connect(lambda path: self.on_written(bar, action, kind, ident, Path(path), after_sent))
        self.job.failed.connect(lambda error: self.on_failed(bar, error))
        self.job.start()
        return self.job

    def on_written(self, bar: QWidget, action: str, kind: str, ident: int, path: Path,
                   after_sent: Callable[[], None]) -> None:
        self.enable(bar, True)
        bar.status_label.setText(fill(self.tr("Written: %1"), path.name))
        self.written.emit(str(path))
        if action == "email" and self.composer is not None:
            try:
                mail = rendering.prepare_mail(kind, ident, path, self.root)
            except (DomainError, OSError) as exc:
                bar.status_label.setText(getattr(exc, "message", "") or str(exc))
                return
            customer_id, contact_id = rendering.addressee(kind, ident)
            self.composer(customer_id, contact_id, Path(mail.path), mail.purpose, mail.subject)
        elif action == "sent":
            try:
                rendering.mark_sent(kind, ident, path, self._clock, self.root)
            except (DomainError, OSError) as exc:
                bar.status_label.setText(getattr(exc, "message", "") or str(exc))
                return
            bar.status_label.setText(self.tr("Marked sent: the timeline has it with the PDF"))
            self.sent.emit()
            after_sent()

    def on_failed(self, bar: QWidget, error: BaseException) -> None:
        self.enable(bar, True)
        bar.status_label.setText(getattr(error, "message", "") or str(error))
