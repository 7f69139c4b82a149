"""The window's shortcuts win over a text field's Emacs keys (Linux gives a QLineEdit Ctrl+E = end of line),
while the field keeps its editing keys."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLineEdit, QMainWindow, QVBoxLayout, QWidget

from trade_crm.ui.common.shortcuts import WindowShortcutsFirst


class EmacsLineEdit(QLineEdit):
    """A field that claims every Ctrl key, as the X11/GNOME/KDE key schemes make a QLineEdit claim Ctrl+E
    (offscreen has the Windows scheme, where it does not)."""

    def event(self, event):
        if event.type() == QEvent.Type.ShortcutOverride and event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            event.accept()
            return True
        return super().event(event)


def window_with_field(qtbot, *, fix: bool):
    window = QMainWindow()
    qtbot.addWidget(window)
    body = QWidget()
    field = EmacsLineEdit()
    QVBoxLayout(body).addWidget(field)
    window.setCentralWidget(body)
    export = QAction("Export", window)
    export.setShortcut(QKeySequence("Ctrl+E"))
    copy = QAction("Copy customers", window)
    copy.setShortcut(QKeySequence.StandardKey.Copy)
    window.addActions([export, copy])
    if fix:
        WindowShortcutsFirst(window)
    window.show()
    qtbot.waitExposed(window)
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)
    return window, field, export, copy


def test_a_field_that_claims_ctrl_e_swallows_the_export_shortcut_without_the_filter(qtbot):
    _window, field, export, _copy = window_with_field(qtbot, fix=False)
    fired = []
    export.triggered.connect(lambda: fired.append(True))
    QTest.keyClick(field, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert fired == []


def test_ctrl_e_exports_while_the_search_box_has_focus(qtbot):
    _window, field, export, _copy = window_with_field(qtbot, fix=True)
    fired = []
    export.triggered.connect(lambda: fired.append(True))
    QTest.keyClick(field, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert fired == [True]


def test_the_field_keeps_its_editing_keys(qtbot):
    _window, field, _export, copy = window_with_field(qtbot, fix=True)
    fired = []
    copy.triggered.connect(lambda: fired.append(True))
    QTest.keyClick(field, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert fired == []
