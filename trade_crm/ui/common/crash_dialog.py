"""The one "Something went wrong" dialog for failures nobody expected, and the reporter that shows it.

trade_crm.logs.report_failure logs the traceback and calls `CrashReporter.report` from whatever
thread failed; the reporter hops to the GUI thread by a queued signal and shows the dialog after
the failing slot has returned. While the dialog is open, further failures (a burst: a timer that
fails every second, a table that fails on every row) are added to it instead of opening more.

    reporter = CrashReporter(log_dir)
    uninstall = install_exception_hooks(reporter.report)
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from trade_crm.ui.common.i18n import fill

OpenUrl = Callable[[QUrl], object]


def open_log_folder(log_dir: Path, open_url: OpenUrl | None = None) -> None:
    """Show the log folder in the file manager (created first: it may not exist before the first line)."""
    log_dir.mkdir(parents=True, exist_ok=True)
    (open_url or QDesktopServices.openUrl)(QUrl.fromLocalFile(str(log_dir)))


class CrashDialog(QDialog):
    """Says what the user was doing when it failed, with Copy details and Open log folder."""

    def __init__(self, what: str, details: str, log_dir: Path, *, open_url: OpenUrl | None = None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self._log_dir, self._open_url = log_dir, open_url
        self.failures = 0
        self.setWindowTitle(self.tr("Something went wrong"))
        sign = QLabel()
        sign.setPixmap(self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxCritical).pixmap(48))
        sign.setAlignment(Qt.AlignmentFlag.AlignTop)
        heading = QLabel(f"<b>{self.tr('Something went wrong')}</b>")
        doing = self.tr("Trade CRM ran into a problem it did not expect.")
        if what:
            doing += "\n" + fill(self.tr("What you were doing: %1"), what)
        self.message_label = QLabel(doing + "\n\n" + self.tr(
            "What was saved before is still in your customer book. The details were written to the log; "
            "if it happens again, copy them and send them with a note of what you did."))
        self.message_label.setWordWrap(True)
        self.count_label = QLabel()
        self.count_label.hide()
        self.details_edit = QPlainTextEdit()
        self.details_edit.setReadOnly(True)
        self.details_edit.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.details_edit.setMaximumHeight(160)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.copy_button = buttons.addButton(self.tr("Copy details"), QDialogButtonBox.ButtonRole.ActionRole)
        self.folder_button = buttons.addButton(self.tr("Open log folder"), QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.clicked.connect(self.on_copy_button_clicked)
        self.folder_button.clicked.connect(self.on_folder_button_clicked)
        buttons.rejected.connect(self.reject)
        text = QVBoxLayout()
        for widget in (heading, self.message_label, self.count_label):
            text.addWidget(widget)
        row = QHBoxLayout()
        row.addWidget(sign)
        row.addLayout(text, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.details_edit)
        layout.addWidget(buttons)
        self.setMinimumWidth(560)
        self.add_failure(what, details)

    def add_failure(self, what: str, details: str) -> None:
        """One more failure in the same burst: its traceback below the others, and the count."""
        self.failures += 1
        if self.failures > 1:
            self.details_edit.appendPlainText("\n" + (f"[{what}]\n" if what else ""))
            self.count_label.setText(self.tr("%n more problem(s) followed the first.", "", self.failures - 1))
            self.count_label.show()
        self.details_edit.appendPlainText(details.rstrip())
        self.details_edit.moveCursor(self.details_edit.textCursor().MoveOperation.Start)

    @property
    def details(self) -> str:
        return self.details_edit.toPlainText()

    def on_copy_button_clicked(self) -> None:
        QGuiApplication.clipboard().setText(self.details)

    def on_folder_button_clicked(self) -> None:
        open_log_folder(self._log_dir, self._open_url)


class CrashReporter(QObject):
    """Receives failures from any thread and shows one CrashDialog per burst on the GUI thread."""

    failure_reported = Signal(str, str)  # what the user was doing, the traceback (any thread)
    dialog_shown = Signal(object)  # the CrashDialog, when a new one opens

    def __init__(self, log_dir: Path, *, parent_window: QWidget | None = None,
                 open_url: OpenUrl | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self._log_dir, self._parent_window, self._open_url = log_dir, parent_window, open_url
        self.dialog: CrashDialog | None = None
        # Queued even on the GUI thread: the dialog opens after the failing slot has unwound.
        self.failure_reported.connect(self.on_failure_reported, Qt.ConnectionType.QueuedConnection)

    def report(self, what: str, details: str) -> None:
        """A trade_crm.logs failure listener; safe from any thread."""
        self.failure_reported.emit(what, details)

    def on_failure_reported(self, what: str, details: str) -> None:
        if self.dialog is not None and self.dialog.isVisible():
            self.dialog.add_failure(what, details)
            return
        if not what:  # a slot that raised: the window the user was working in says what they were doing
            active = QApplication.activeWindow()
            what = active.windowTitle() if active is not None else ""
        if self.dialog is not None:
            self.dialog.deleteLater()  # the last burst's, closed
        self.dialog = CrashDialog(what, details, self._log_dir, open_url=self._open_url, parent=self._parent_window)
        self.dialog.show()
        self.dialog_shown.emit(self.dialog)
