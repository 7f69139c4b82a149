"""Settings › Data › Connect to a team server…: the login, a test connection, Connect, or back to this computer.

The connection is tried in a worker (a server that does not answer takes the connect timeout); the answer
is one line under the form. Connect keeps the typed password in the keyring (never the settings or the
book), saves the server's URL as a setting and asks for the window to open that book; "Use the book on
this computer" clears the setting. The laptop's own book is never touched by either.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from trade_crm.domain.errors import ValidationError
from trade_crm.domain.team.connect import ServerLogin, check_connection, connect, login_of, server_login
from trade_crm.keystore import KeyStore
from trade_crm.store.errors import DatabaseError
from trade_crm.store.postgres import DEFAULT_PORT
from trade_crm.ui.common.workers import Job

OK_STYLE, ERROR_STYLE = "color: #1b5e20;", "color: #b3261e;"


class ConnectDialog(QDialog):
    """`book_chosen(url)` once the user connected (the server's URL) or went back to this computer ("")."""

    book_chosen = Signal(str)
    checked = Signal(bool, str)  # a test or a connect attempt ended: worked, the line shown

    def __init__(self, *, current_url: str = "", keystore: KeyStore | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Connect to a team server"))
        self._keystore = keystore or KeyStore()
        self._job: Job | None = None
        self.chosen_url: str | None = None
        login = login_of(current_url)
        self.host_edit = QLineEdit(login.host if login else "")
        self.host_edit.setPlaceholderText("crm.example.com")
        self.port_spin = QSpinBox()
        self.port_spin.setRange(1, 65535)
        self.port_spin.setValue(login.port if login else DEFAULT_PORT)
        self.database_edit = QLineEdit(login.database if login else "")
        self.database_edit.setPlaceholderText("trade_book")
        self.user_edit = QLineEdit(login.user if login else "")
        self.password_edit = QLineEdit()
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_edit.setPlaceholderText(self.tr("Leave empty to use the one kept in the keyring"))
        form = QFormLayout()
        form.addRow(self.tr("Server:"), self.host_edit)
        form.addRow(self.tr("Port:"), self.port_spin)
        form.addRow(self.tr("Database:"), self.database_edit)
        form.addRow(self.tr("User:"), self.user_edit)
        form.addRow(self.tr("Password:"), self.password_edit)
        note = QLabel(self.tr("The password is kept in this computer's keyring, never in the settings or the "
                              "customer book. Your customer book on this computer stays as it is."))
        note.setWordWrap(True)
        self.result_label = QLabel()
        self.result_label.setWordWrap(True)
        self.result_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.test_button = QPushButton(self.tr("Test connection"))
        self.test_button.clicked.connect(self.on_test_button_clicked)
        self.local_button = QPushButton(self.tr("Use the book on this computer"))
        self.local_button.setVisible(login is not None)
        self.local_button.clicked.connect(self.on_local_button_clicked)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.connect_button = self.buttons.addButton(self.tr("Connect"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.connect_button.setDefault(True)
        self.buttons.addButton(self.test_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.local_button, QDialogButtonBox.ButtonRole.ResetRole)
        self.buttons.accepted.connect(self.on_connect_button_clicked)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.result_label)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(520)

    def login(self) -> ServerLogin | None:
        """The login in the form, or None after saying (under the form) which field is wrong."""
        try:
            return server_login(self.host_edit.text(), self.port_spin.value(), self.database_edit.text(),
                                self.user_edit.text())
        except ValidationError as exc:
            names = {"host": self.tr("Server"), "port": self.tr("Port"), "database": self.tr("Database"),
                     "user": self.tr("User")}
            widget = {"host": self.host_edit, "port": self.port_spin, "database": self.database_edit,
                      "user": self.user_edit}.get(exc.field)
            if widget is not None:
                widget.setFocus()
            self.show_result(False, f"{names.get(exc.field, exc.field)}: {exc.message}")
            return None

    def show_result(self, ok: bool, line: str) -> None:
        self.result_label.setStyleSheet(OK_STYLE if ok else ERROR_STYLE)
        self.result_label.setText(line)

    def _busy(self, busy: bool) -> None:
        for button in (self.test_button, self.connect_button, self.local_button):
            button.setEnabled(not busy)

    def _start(self, function, on_finished, waiting: str) -> Job | None:
        login = self.login()
        if login is None:
            return None
        password = self.password_edit.text()
        self._job = Job(lambda _ctx: function(login, password), parent=self, uses_database=False,
                        expected=(DatabaseError,), title=self.tr("Connecting to a team server"))
        self._job.finished.connect(lambda line: on_finished(login, line))
        self._job.report_to(self)
        self._job.done.connect(lambda: self._busy(False))
        self._busy(True)
        self.show_result(True, waiting)
        self.result_label.setStyleSheet("")
        self._job.start()
        return self._job

    def on_test_button_clicked(self) -> Job | None:
        return self._start(lambda login, password: check_connection(login, password, keystore=self._keystore),
                           self.on_test_job_finished, self.tr("Connecting…"))

    def on_test_job_finished(self, _login: ServerLogin, line: str) -> None:
        self._busy(False)  # before `checked`: whoever hears it may press again (the job's `done` comes later)
        self.show_result(True, line)
        self.checked.emit(True, line)

    def on_connect_button_clicked(self) -> Job | None:
        return self._start(lambda login, password: connect(login, password, self._keystore),
                           self.on_connect_job_finished, self.tr("Connecting…"))

    def on_connect_job_finished(self, login: ServerLogin, line: str) -> None:
        self.show_result(True, line)
        self.checked.emit(True, line)
        self.chosen_url = login.url
        self.book_chosen.emit(login.url)
        self.accept()

    def on_job_failed(self, exc: BaseException) -> None:
        line = " ".join(str(exc).split()) or type(exc).__name__
        self._busy(False)
        self.show_result(False, line)
        self.checked.emit(False, line)

    def on_local_button_clicked(self) -> None:
        self.chosen_url = ""
        self.book_chosen.emit("")
        self.accept()
