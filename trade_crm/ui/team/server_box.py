"""The "Team server" box on Settings › Data: which book is open, and the way to another one."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from trade_crm.keystore import KeyStore
from trade_crm.store.postgres import server_label
from trade_crm.ui.common.i18n import fill
from trade_crm.ui.team.connect_dialog import ConnectDialog


class TeamServerBox(QGroupBox):
    """`book_chosen(url)`: the user connected to a server ("postgresql://…") or chose this computer ("")."""

    book_chosen = Signal(str)

    def __init__(self, server_url: str = "", *, keystore: KeyStore | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setTitle(self.tr("Team server"))
        self._server_url, self._keystore = server_url, keystore
        self.dialog: ConnectDialog | None = None
        self.open_label = QLabel(fill(self.tr("Open now: %1"), server_label(server_url) if server_url
                                      else self.tr("the customer book on this computer")))
        self.open_label.setWordWrap(True)
        self.connect_button = QPushButton(self.tr("Connect to a team server…"))
        self.connect_button.clicked.connect(self.open_connect_dialog)
        row = QHBoxLayout()
        row.addWidget(self.open_label, 1)
        row.addWidget(self.connect_button)
        note = QLabel(self.tr("On a team server the company keeps every customer, and colleagues share them. "
                              "Trade CRM starts again on the book you choose here."))
        note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(note)

    def open_connect_dialog(self) -> ConnectDialog:
        self.dialog = ConnectDialog(current_url=self._server_url, keystore=self._keystore, parent=self)
        self.dialog.book_chosen.connect(self.book_chosen)
        self.dialog.open()
        return self.dialog
