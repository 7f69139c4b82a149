"""Who a composed mail goes to: the picker of the contacts' addresses (To…), one message per address ticked."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QObject, QStringListModel, Qt
from PySide6.QtWidgets import (
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from trade_crm.ui.mail.compose_drafts import ContactEmail


class RecipientPickerDialog(QDialog):
    """Tick the addresses to write to; each ticked address gets its own message."""

    def __init__(self, choices: Sequence[ContactEmail], chosen: set[str], parent: QWidget | None = None):
        super().__init__(parent)
        self.choices = list(choices)
        self.setWindowTitle(self.tr("Choose recipients"))
        intro = QLabel(self.tr("Each address ticked gets its own message, filled in for that contact."))
        intro.setWordWrap(True)
        self.filter_edit = QLineEdit()
        self.filter_edit.setPlaceholderText(self.tr("Filter by name, company or address"))
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.textChanged.connect(self.on_filter_edit_text_changed)
        self.list = QListWidget()
        for number, choice in enumerate(self.choices):
            who = f"{choice.contact_name} <{choice.email}>" if choice.contact_name else choice.email
            item = QListWidgetItem(f"{who} — {choice.customer_name}")
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if choice.email in chosen else Qt.CheckState.Unchecked)
            item.setData(Qt.ItemDataRole.UserRole, number)
            self.list.addItem(item)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.filter_edit)
        layout.addWidget(self.list, 1)
        layout.addWidget(buttons)
        self.resize(520, 420)

    def on_filter_edit_text_changed(self, text: str) -> None:
        words = text.casefold().split()
        for row in range(self.list.count()):
            item = self.list.item(row)
            item.setHidden(not all(w in item.text().casefold() for w in words))

    def set_checked(self, emails: set[str]) -> None:
        for row in range(self.list.count()):
            item = self.list.item(row)
            choice = self.choices[item.data(Qt.ItemDataRole.UserRole)]
            item.setCheckState(Qt.CheckState.Checked if choice.email in emails else Qt.CheckState.Unchecked)

    def picked(self) -> list[ContactEmail]:
        return [self.choices[self.list.item(row).data(Qt.ItemDataRole.UserRole)] for row in range(self.list.count())
                if self.list.item(row).checkState() == Qt.CheckState.Checked]


class AddressCompleter(QObject):
    """Cc and Bcc offer the contacts' addresses as the user types the next one after a comma."""

    def __init__(self, edit: QLineEdit, emails: Sequence[str]):
        super().__init__(edit)
        self.edit = edit
        self.completer = QCompleter(QStringListModel(list(dict.fromkeys(emails)), self), self)
        self.completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.completer.setWidget(edit)
        self.completer.activated.connect(self.on_completer_activated)
        edit.textEdited.connect(self.on_edit_text_edited)

    def words(self) -> tuple[str, str]:
        """(what comes before the word being typed, that word)."""
        text = self.edit.text()
        cut = max(text.rfind(","), text.rfind(";"))
        return text[:cut + 1], text[cut + 1:].strip()

    def on_edit_text_edited(self, _text: str) -> None:
        _, word = self.words()
        if len(word) < 2:
            self.completer.popup().hide()
            return
        self.completer.setCompletionPrefix(word)
        if self.completer.completionCount():
            self.completer.complete()
        else:
            self.completer.popup().hide()

    def on_completer_activated(self, email: str) -> None:
        before, _ = self.words()
        self.edit.setText(f"{before} {email}, ".lstrip() if before else f"{email}, ")

