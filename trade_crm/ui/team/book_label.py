"""Which book the window shows, in its title and at the right of its status bar."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QMainWindow


def show_open_book(window: QMainWindow, label: str, tooltip: str = "") -> QLabel:
    """Title the window after the book ("ann @ crm.example.com / trade_book") and name it in the status bar."""
    window.setWindowTitle(label)  # Qt adds the application's name after it
    status = QLabel(label)
    status.setObjectName("open_book_label")
    status.setToolTip(tooltip or label)
    window.statusBar().addPermanentWidget(status)
    return status
