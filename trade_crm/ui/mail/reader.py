"""The message reader: one synced message whole, inside the app.

Headers, the text (as the sync stored it: plain, the HTML made text), the problems met reading it, the
attachments (names and sizes; Open and Save fetch the part from the server on demand) and, when the server
is reachable, "Show formatted": the HTML original in a SafeTextBrowser that loads no remote content.
Offline, everything synced stays readable and the reader says what needs the server.
"""

from __future__ import annotations

import re
import tempfile
from collections.abc import Callable
from datetime import tzinfo
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QPalette
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from trade_crm.domain.mail.messages import AUTO_BOUNCE, AUTO_REPLY, Address, AttachmentInfo
from trade_crm.domain.mail.reading import MailView
from trade_crm.ui.common.dates import short_date_time
from trade_crm.ui.common.file_dialogs import save_file
from trade_crm.ui.common.i18n import fill
from trade_crm.ui.common.icons import icon
from trade_crm.ui.common.workers import Job
from trade_crm.ui.mail.fetching import MailFetcher, MailUnavailable, fetch_html_job, fetch_part_job
from trade_crm.ui.mail.safe_browser import SafeTextBrowser

SaveAsk = Callable[[QWidget, str], Path | None]


def _ask_save_path(parent: QWidget, name: str) -> Path | None:
    return save_file(parent, QCoreApplication.translate("MessageReaderDialog", "Save attachment"), name,
                     QCoreApplication.translate("MessageReaderDialog", "All files (*)"))


def address_text(address: Address) -> str:
    return f"{address.name} <{address.email}>" if address.name else address.email


def safe_file_name(name: str) -> str:
    """An attachment's name as a file name on this computer: no folders, no characters a system refuses."""
    cleaned = re.sub(r'[\\/:*?"<>|\x00-\x1f]', "_", name).strip(" .")
    return cleaned[:150] or "attachment"


class MessageReaderDialog(QDialog):
    """One message; `fetcher` None means offline (attachments and the formatted original need the server)."""

    customer_open_requested = Signal(int)
    message_open_requested = Signal(int)  # another message of the thread

    def __init__(self, view: MailView, zone: tzinfo, parent: QWidget | None = None, *,
                 fetcher: MailFetcher | None = None, open_url: Callable[[QUrl], object] = QDesktopServices.openUrl,
                 ask_save_path: SaveAsk = _ask_save_path):
        super().__init__(parent)
        self.view, self._zone, self._fetcher = view, zone, fetcher
        self.open_url, self.ask_save_path = open_url, ask_save_path
        self.jobs: list[Job] = []
        self.html: str | None = None
        self.saved_path: Path | None = None  # where the last attachment fetched was written
        self.setWindowTitle(view.subject or self.tr("(no subject)"))
        self.subject_label = QLabel(view.subject or self.tr("(no subject)"))
        font = self.subject_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.subject_label.setFont(font)
        self.subject_label.setWordWrap(True)
        self.subject_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(self)
        layout.addWidget(self.subject_label)
        layout.addLayout(self._headers())
        note = self._note()
        self.note_label = QLabel(note)
        self.note_label.setWordWrap(True)
        self.note_label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.note_label.setVisible(bool(note))
        layout.addWidget(self.note_label)
        self.plain = SafeTextBrowser()
        self.plain.setPlainText(view.text if view.text else self.tr("(this message has no text)"))
        self.plain.link_clicked.connect(self.on_browser_link_clicked)
        self.formatted = SafeTextBrowser()
        self.formatted.link_clicked.connect(self.on_browser_link_clicked)
        self.text_stack = QStackedWidget()
        self.text_stack.addWidget(self.plain)
        self.text_stack.addWidget(self.formatted)
        layout.addWidget(self.text_stack, 1)
        self.attachments = QListWidget()
        for attachment in view.attachments:
            item = QListWidgetItem(icon("attachment"), self._attachment_text(attachment))
            item.setData(Qt.ItemDataRole.UserRole, attachment)
            self.attachments.addItem(item)
        self.attachments.setMaximumHeight(110)
        self.attachments.itemActivated.connect(lambda _item: self.on_open_button_clicked())
        self.attachments.currentRowChanged.connect(self._enable)
        self.open_button = QPushButton(self.tr("Open"))
        self.open_button.clicked.connect(self.on_open_button_clicked)
        self.save_button = QPushButton(self.tr("Save…"))
        self.save_button.clicked.connect(self.on_save_button_clicked)
        files = QWidget()
        files_layout = QHBoxLayout(files)
        files_layout.setContentsMargins(0, 0, 0, 0)
        files_layout.addWidget(self.attachments, 1)
        buttons_column = QVBoxLayout()
        buttons_column.addWidget(self.open_button)
        buttons_column.addWidget(self.save_button)
        buttons_column.addStretch(1)
        files_layout.addLayout(buttons_column)
        files.setVisible(bool(view.attachments))
        if view.attachments:
            layout.addWidget(QLabel(self.tr("Attachments (%n)", "", len(view.attachments))))
        layout.addWidget(files)
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        layout.addWidget(self.status_label)
        self.formatted_button = QPushButton(self.tr("Show formatted"))
        self.formatted_button.setCheckable(True)
        self.formatted_button.setToolTip(self.tr("Show the message as its sender formatted it; "
                                                 "remote images are never loaded"))
        self.formatted_button.toggled.connect(self.on_formatted_button_toggled)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.formatted_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        if view.attachments:
            self.attachments.setCurrentRow(0)
        self._enable()
        self.resize(760, 640)

    # --- building ---------------------------------------------------------------------------------

    def _headers(self) -> QFormLayout:
        view, locale = self.view, self.locale()
        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        rows = [(self.tr("From"), address_text(view.sender)),
                (self.tr("To"), ", ".join(address_text(a) for a in view.to))]
        if view.cc:
            rows.append((self.tr("Cc"), ", ".join(address_text(a) for a in view.cc)))
        rows.append((self.tr("Date"), short_date_time(view.sent_at.astimezone(self._zone), locale)))
        self.header_labels: dict[str, QLabel] = {}
        for name, value in rows:
            label = QLabel(value)
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            form.addRow(name, label)
            self.header_labels[name] = label
        if view.customers:
            links = ", ".join(f'<a href="customer:{c.customer_id}">{_escape(c.name)}</a>' for c in view.customers)
            self.customers_label = QLabel(links)
            self.customers_label.linkActivated.connect(self.on_customers_label_link_activated)
            form.addRow(self.tr("Customer"), self.customers_label)
        if len(view.thread) > 1:
            self.thread_label = QLabel(self._thread_links())
            self.thread_label.setWordWrap(True)
            self.thread_label.linkActivated.connect(self.on_thread_label_link_activated)
            form.addRow(self.tr("Thread"), self.thread_label)
        return form

    def _thread_links(self) -> str:
        locale, parts = self.locale(), []
        for message in self.view.thread:
            when = _escape(short_date_time(message.sent_at.astimezone(self._zone), locale))
            arrow = "→" if message.direction == "out" else "←"
            if message.id == self.view.id:
                parts.append(f"<b>{arrow} {when}</b>")
            else:
                parts.append(f'<a href="message:{message.id}">{arrow} {when}</a>')
        return fill(self.tr("%n message(s): %1", "", len(self.view.thread)), " · ".join(parts))

    def _note(self) -> str:
        view, lines = self.view, []
        if view.direction == "out":
            lines.append(self.tr("Sent by you."))
        if view.auto == AUTO_REPLY:
            lines.append(self.tr("An automatic reply: logged, but it changes no reminder."))
        elif view.auto == AUTO_BOUNCE:
            lines.append(self.tr("A delivery failure notice: logged, but it changes no reminder."))
        if view.text_truncated:
            lines.append(self.tr("Only the beginning of this long message was kept."))
        for problem in view.problems:
            lines.append(fill(self.tr("Could not read everything: %1"), problem))
        return "\n".join(lines)

    def _attachment_text(self, attachment: AttachmentInfo) -> str:
        size = self.locale().formattedDataSize(attachment.size, 1, QLocale.DataSizeFormat.DataSizeTraditionalFormat)
        return f"{attachment.name or self.tr('(no name)')}  ({size})"

    def _enable(self, *_args) -> None:
        busy = any(job.is_running for job in self.jobs)
        chosen = self.attachments.currentItem() is not None
        self.open_button.setEnabled(chosen and not busy)
        self.save_button.setEnabled(chosen and not busy)
        self.formatted_button.setEnabled(not busy and (self._fetcher is not None or self.html is not None))
        if self._fetcher is None and self.html is None:
            self.formatted_button.setToolTip(self.tr("Offline: the formatted original is on the mail server"))

    # --- attachments ------------------------------------------------------------------------------

    def current_attachment(self) -> AttachmentInfo | None:
        item = self.attachments.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    def on_open_button_clicked(self) -> None:
        attachment = self.current_attachment()
        if attachment is not None:
            self._fetch_part(attachment, None)

    def on_save_button_clicked(self) -> None:
        attachment = self.current_attachment()
        if attachment is None:
            return
        target = self.ask_save_path(self, safe_file_name(attachment.name))
        if target is not None:
            self._fetch_part(attachment, target)

    def _fetch_part(self, attachment: AttachmentInfo, target: Path | None) -> None:
        if self._fetcher is None:
            self.status_label.setText(self.tr("Offline: attachments are fetched from the mail server when "
                                              "you are online."))
            return
        self.status_label.setText(fill(self.tr("Fetching %1 from the mail server…"), attachment.name))
        job = Job(fetch_part_job, self._fetcher, self.view.locations, attachment.part, parent=self,
                  title="Fetching an attachment", expected=(MailUnavailable,))
        job.finished.connect(lambda data: self.on_part_job_finished(attachment, target, data))
        job.failed.connect(self.on_fetch_job_failed)
        job.done.connect(self._enable)
        self._start(job)

    def on_part_job_finished(self, attachment: AttachmentInfo, target: Path | None, data: bytes) -> None:
        try:
            if target is None:
                folder = Path(tempfile.mkdtemp(prefix="trade-crm-mail-"))
                target = folder / safe_file_name(attachment.name)
            target.write_bytes(data)
        except OSError as exc:
            self.status_label.setText(fill(self.tr("Could not write %1: %2"), target, exc.strerror or exc))
            return
        self.saved_path = target
        self.status_label.setText(fill(self.tr("Saved %1"), target))
        self.open_url(QUrl.fromLocalFile(str(target)))

    def on_fetch_job_failed(self, exc: BaseException) -> None:
        if isinstance(exc, MailUnavailable):
            self.status_label.setText(fill(self.tr("Offline: %1"), exc))
        else:
            self.status_label.setText(fill(self.tr("The mail server did not answer: %1"), exc))
        if self.html is None:
            self.formatted_button.setChecked(False)

    # --- the formatted original -------------------------------------------------------------------

    def on_formatted_button_toggled(self, checked: bool) -> None:
        if not checked:
            self.text_stack.setCurrentWidget(self.plain)
            return
        if self.html is not None:
            self.show_html(self.html)
            return
        if self._fetcher is None:
            self.status_label.setText(self.tr("Offline: the formatted original is on the mail server."))
            self.formatted_button.setChecked(False)
            return
        self.status_label.setText(self.tr("Fetching the formatted original…"))
        job = Job(fetch_html_job, self._fetcher, self.view.locations, parent=self,
                  title="Fetching a message", expected=(MailUnavailable,))
        job.finished.connect(self.on_html_job_finished)
        job.failed.connect(self.on_fetch_job_failed)
        job.done.connect(self._enable)
        self._start(job)

    def on_html_job_finished(self, html: str | None) -> None:
        if html is None:
            self.status_label.setText(self.tr("This message has no formatted version: it was sent as plain text."))
            self.formatted_button.setChecked(False)
            return
        self.show_html(html)

    def show_html(self, html: str) -> None:
        """Show `html` formatted, loading nothing remote; say so when the message asked for remote content."""
        self.html = html
        self.formatted.set_mail_html(html)
        self.text_stack.setCurrentWidget(self.formatted)
        if not self.formatted_button.isChecked():
            self.formatted_button.blockSignals(True)
            self.formatted_button.setChecked(True)
            self.formatted_button.blockSignals(False)
        refused = len(self.formatted.refused)
        self.status_label.setText(self.tr("%n remote image(s) or file(s) not loaded, to protect your privacy.", "",
                                          refused) if refused else "")
        self._enable()

    # --- links ------------------------------------------------------------------------------------

    def on_browser_link_clicked(self, url: QUrl) -> None:
        if url.scheme().lower() in ("http", "https", "mailto"):
            self.open_url(url)

    def on_customers_label_link_activated(self, link: str) -> None:
        self.customer_open_requested.emit(int(link.partition(":")[2]))

    def on_thread_label_link_activated(self, link: str) -> None:
        self.message_open_requested.emit(int(link.partition(":")[2]))

    def _start(self, job: Job) -> None:
        self.jobs = [j for j in self.jobs if j.is_running] + [job]
        job.start()
        self._enable()


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
