"""What an empty customer book shows: the ways to start (add a customer, load the demo book, ...).

Importing a trade-show list arrives with the import wizard: that issue registers its File menu
action with `add_action_button(action, description)` (MainWindow.add_file_action(..., first_run=True)),
which puts it first on this page.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QAction, QFont, QResizeEvent
from PySide6.QtWidgets import QCommandLinkButton, QLabel, QVBoxLayout, QWidget

from trade_crm.ui.common.icons import app_icon, icon


class EntryButton(QCommandLinkButton):
    """A command link as tall as its description needs at the width it got: the layout gave it the height
    of a shorter text, so a description that wraps lost its second line."""

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        needed = self.heightForWidth(event.size().width())
        if needed > self.minimumHeight():
            self.setMinimumHeight(needed)


class FirstRunPage(QWidget):
    add_customer_requested = Signal()
    demo_requested = Signal()

    def __init__(self, *, demo_available: bool, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("first_run_page")
        logo = QLabel()
        logo.setPixmap(app_icon().pixmap(64))
        logo.setAlignment(Qt.AlignmentFlag.AlignCenter)
        title = QLabel(self.tr("Welcome to Trade CRM"))
        font = QFont(title.font())
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        title.setFont(font)
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        intro = QLabel(self.tr("Your customer book is empty. Start in one of these ways:"))
        intro.setAlignment(Qt.AlignmentFlag.AlignCenter)
        intro.setWordWrap(True)
        self.add_button = self._button(
            "customer_add", self.tr("Add a customer"),
            self.tr("Type in a company and its contacts by hand."))
        self.add_button.clicked.connect(lambda: self.add_customer_requested.emit())
        self.demo_button = self._button(
            "demo", self.tr("Load the demo book"),
            self.tr("Try Trade CRM with a few hundred sample customers."))
        self.demo_button.clicked.connect(lambda: self.demo_requested.emit())
        self.demo_button.setVisible(demo_available)
        column = QWidget()
        column.setMaximumWidth(640)
        self._column = QVBoxLayout(column)
        self._column.setSpacing(12)
        for widget in (logo, title, intro):
            self._column.addWidget(widget)
        self._column.addSpacing(12)
        self._buttons_start = self._column.count()
        self._column.addWidget(self.add_button)
        self._column.addWidget(self.demo_button)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        outer.addWidget(column, 0, Qt.AlignmentFlag.AlignHCenter)
        outer.addStretch(2)

    def _button(self, icon_name: str, text: str, description: str) -> QCommandLinkButton:
        button = EntryButton(text, description)
        button.setIcon(icon(icon_name))
        button.setIconSize(QSize(32, 32))
        button.setMinimumWidth(520)
        return button

    def add_action_button(self, action: QAction, description: str = "") -> QCommandLinkButton:
        """A big button for `action` (e.g. "Import a trade-show list…"), placed first."""
        # "&Import…" and the Chinese "导入(&I)…" both become plain labels.
        label = re.sub(r"\(&\w\)", "", action.text()).replace("&", "")
        button = self._button("", label, description)
        button.setIcon(action.icon())
        button.clicked.connect(action.trigger)
        self._column.insertWidget(self._buttons_start, button)
        return button
