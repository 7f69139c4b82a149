"""File › Publish this book to a team server…: ask where, copy in a worker with a progress dialog, show the summary.

The copy is domain/team/publish.py's `publish_to` in a Job (ui/common/workers.py): the worker reads this
computer's book on its own connection and writes the server in one transaction, so Cancel (or a server
that goes away) leaves the server as it was. The server's address is the one the user published to
last, else the one Settings › Data › Connect saved; the password, when the keyring holds none, is asked
here and used for this publish only.

    controller = install_publish_action(window, clock, settings)
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QSettings, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressDialog,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from trade_crm.domain.clock import Clock
from trade_crm.domain.errors import DomainError
from trade_crm.store.errors import DatabaseError
from trade_crm.store.postgres import is_server_url
from trade_crm.ui.common.i18n import fill
from trade_crm.ui.common.workers import Job, cancellable_progress

if TYPE_CHECKING:  # the publisher loads when the user publishes, not at start
    from trade_crm.domain.team.publish import PublishSummary

LAST_URL_KEY = "team/publish_url"  # where this computer's book was published last
SERVER_URL_KEY = "data/server_url"  # the server Settings › Data › Connect saved (ui/shell/settings_dialog.py)
PLACEHOLDER = "postgresql://ann@crm.example.com:5432/trade_book"


def publish_job(context, url: str, password: str | None, now):
    """On the worker thread: the whole publish, its progress as (rows done, rows, table)."""
    from trade_crm.domain.team.publish import publish_to  # lazy: start-up, loaded when the user publishes

    return publish_to(url, password=password or None, now=now,
                      progress=lambda table, done, total: context.progress(done, total, table))


def table_labels() -> dict[str, str]:
    def tr(text: str) -> str:
        return QCoreApplication.translate("PublishSummaryDialog", text)

    return {"tag": tr("Tags"), "custom_field": tr("Custom fields"), "customer": tr("Customers"),
            "contact": tr("Contacts"), "contact_channel": tr("Emails, phones and chats"),
            "interaction": tr("Timeline"), "opportunity": tr("Opportunities"), "orders": tr("Orders"),
            "reminder": tr("Reminders"), "import_batch": tr("Import history"),
            "not_duplicate": tr("Not duplicates"), "search": tr("Search index")}


class PublishDialog(QDialog):
    """Where to publish: the server book's address and, when the keyring has none, the password."""

    def __init__(self, url: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Publish this book to a team server"))
        intro = QLabel(self.tr("Copies every customer of this book, with contacts, timeline, orders, reminders and "
                               "import history, to the team server under your login. Publishing again adds only "
                               "what is new or changed; nothing on the server is deleted, and this book stays "
                               "as it is."))
        intro.setWordWrap(True)
        self.url_edit = QLineEdit(url)
        self.url_edit.setPlaceholderText(PLACEHOLDER)
        self.password_edit = QLineEdit()
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_edit.setPlaceholderText(self.tr("from the keyring, if saved there"))
        self.error_label = QLabel()
        self.error_label.setStyleSheet("color: #b00020")
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        form = QFormLayout()
        form.addRow(self.tr("Server book:"), self.url_edit)
        form.addRow(self.tr("Password:"), self.password_edit)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Publish"))
        self.buttons.accepted.connect(self.on_buttons_accepted)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(520)

    @property
    def url(self) -> str:
        return self.url_edit.text().strip()

    @property
    def password(self) -> str:
        return self.password_edit.text()

    def on_buttons_accepted(self) -> None:
        if not is_server_url(self.url):
            self.error_label.setText(fill(self.tr("Give the server book as %1"), PLACEHOLDER))
            self.error_label.show()
            self.url_edit.setFocus()
            return
        self.accept()


class PublishSummaryDialog(QDialog):
    """What the publish did, table by table."""

    COLUMNS = ("created", "updated", "unchanged", "kept_server", "skipped")

    def __init__(self, summary: PublishSummary, url: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Published"))
        self.headline = headline = QLabel(fill(self.tr("This book was published to %1 as %2 in %3 s."), url, summary.owner,
                               f"{summary.seconds:.1f}"))
        headline.setWordWrap(True)
        headers = [self.tr("Created"), self.tr("Updated"), self.tr("Unchanged"), self.tr("Server's kept"),
                   self.tr("Skipped")]
        labels = table_labels()
        shown = [t for t in summary.tables if any(getattr(t, c) for c in self.COLUMNS)]
        self.table = QTableWidget(len(shown), len(headers))
        self.table.setHorizontalHeaderLabels(headers)
        self.table.setVerticalHeaderLabels([labels.get(t.table, t.table) for t in shown])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        for row, counts in enumerate(shown):
            for column, name in enumerate(self.COLUMNS):
                item = QTableWidgetItem(f"{getattr(counts, name):,}")
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(row, column, item)
        notes = []
        if summary.kept_server:
            notes.append(fill(self.tr("%1 customer(s) changed here and on the server since the last publish: "
                                      "the server's copy was kept."), f"{len(summary.kept_server):,}"))
        if any(t.skipped for t in summary.tables):
            notes.append(self.tr("Skipped: what belongs to customers deleted on the server since the last publish."))
        self.note_label = QLabel("\n".join(notes))
        self.note_label.setWordWrap(True)
        self.note_label.setVisible(bool(notes))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(headline)
        layout.addWidget(self.table)
        layout.addWidget(self.note_label)
        layout.addWidget(buttons)
        rows_height = sum(self.table.rowHeight(r) for r in range(len(shown)))
        self.table.setMinimumHeight(rows_height + self.table.horizontalHeader().sizeHint().height() + 4)
        self.resize(640, self.sizeHint().height())


class PublishController(QObject):
    """The File menu's action, the job it starts and the dialogs around it."""

    def __init__(self, window, clock: Clock, settings: QSettings):
        super().__init__(window)
        self._window, self._clock, self._settings = window, clock, settings
        self.job: Job | None = None
        self.progress_dialog: QProgressDialog | None = None
        self.summary_dialog: PublishSummaryDialog | None = None
        self.url = ""
        self.action = QAction(self.tr("&Publish this book to a team server…"), window)
        self.action.setStatusTip(self.tr("Copy every customer of this book to the team server, under your login"))
        self.action.triggered.connect(self.on_action_triggered)

    def saved_url(self) -> str:
        for key in (LAST_URL_KEY, SERVER_URL_KEY):
            value = self._settings.value(key, "")
            if isinstance(value, str) and is_server_url(value):
                return value
        return ""

    def on_action_triggered(self) -> None:
        if getattr(self._window, "server_url", ""):
            self._window.show_error(self.tr("The book open now is on the team server already. Open the book on "
                                            "this computer (Settings › Data) to publish it."))
            return
        dialog = PublishDialog(self.saved_url(), self._window)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.start(dialog.url, dialog.password)

    def start(self, url: str, password: str = "") -> Job:
        self.url = url
        self._settings.setValue(LAST_URL_KEY, url)
        self.job = job = Job(publish_job, url, password, self._clock.now(), title=self.tr("Publishing the book"),
                             expected=(DatabaseError,))
        self.progress_dialog = cancellable_progress(job, self._window, self.tr("Connecting to the team server…"),
                                                    self.tr("Publish"), self.tr("Cancel"))
        job.report_to(self)
        self.action.setEnabled(False)
        job.start()
        return job

    def on_job_progressed(self, done: int, total: int, table: str) -> None:
        dialog = self.progress_dialog
        if dialog is None:
            return
        dialog.setMaximum(max(total, 1))
        dialog.setValue(min(done, max(total, 1)))
        dialog.setLabelText(fill(self.tr("Publishing %1: %2 of %3…"), table_labels().get(table, table),
                                 f"{done:,}", f"{total:,}"))

    def on_job_finished(self, summary: PublishSummary) -> None:
        self._close_progress()
        self._window.statusBar().showMessage(
            fill(self.tr("Published to %1: %2 rows created, %3 updated"), self.url, f"{summary.created:,}",
                 f"{summary.updated:,}"), 15_000)
        self.summary_dialog = PublishSummaryDialog(summary, self.url, self._window)
        self.summary_dialog.open()

    def on_job_failed(self, exc: Exception) -> None:
        self._close_progress()
        one_line = isinstance(exc, DomainError | DatabaseError)  # they say what happened, and what to do
        self._window.show_error(str(exc) if one_line else fill(self.tr("Publishing failed: %1"), exc))

    def on_job_cancelled(self) -> None:
        self._window.statusBar().showMessage(self.tr("Publishing cancelled; nothing was published."), 10_000)

    def on_job_done(self) -> None:
        self._close_progress()
        self.action.setEnabled(True)

    def _close_progress(self) -> None:
        if self.progress_dialog is not None:
            self.progress_dialog.canceled.disconnect()  # closing a progress dialog emits canceled
            self.progress_dialog.close()
            self.progress_dialog.deleteLater()
            self.progress_dialog = None


def install_publish_action(window, clock: Clock, settings: QSettings) -> PublishController:
    """Add File › Publish this book to a team server… to the main window."""
    controller = PublishController(window, clock, settings)
    window.add_file_action(controller.action)
    window.publish_controller = controller
    return controller
