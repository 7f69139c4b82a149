"""The small dialog for one contact person."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date

from PySide6.QtCore import QCoreApplication, QDate, QLocale
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from trade_crm.domain.customers.contacts import ContactInput
from trade_crm.domain.customers.form import ContactEdit, validate_contact
from trade_crm.domain.errors import ValidationError
from trade_crm.domain.world.phones import format_phone
from trade_crm.ui.common.field_errors import FieldError, split_list, with_error


def date_format(locale: QLocale) -> str:
    """The locale's short date format with a four-digit year, for date edits."""
    text = locale.dateFormat(QLocale.FormatType.ShortFormat)
    return text if "yyyy" in text else text.replace("yy", "yyyy")


def contact_error_message(exc: ValidationError) -> str:
    """A translated message for the mistakes a person makes in a contact; the domain's text otherwise."""
    field = exc.field.rsplit(".", 1)[-1]
    bad = exc.message.split('"')[1] if exc.message.count('"') >= 2 else ""
    if field == "email":
        return QCoreApplication.translate("ContactDialog", "This is not an email address: %1").replace("%1", bad)
    if field == "whatsapp":
        return QCoreApplication.translate(
            "ContactDialog", "WhatsApp needs a phone number with its country code: %1").replace("%1", bad)
    if field == "name":
        return QCoreApplication.translate("ContactDialog", "Give the contact a name or a way to reach them.")
    return exc.message


class ContactDialog(QDialog):
    """Edit one person: name, title, emails, phones, chat ids, birthday and notes.

    OK checks the values with the domain and keeps the dialog open, the message under the
    field, while anything is invalid. Nothing is saved here: the customer dialog saves on its OK.
    """

    def __init__(self, data: ContactInput | None = None, region: str | None = None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Contact"))
        self._region = region
        self._primary = data.is_primary if data else False
        self.name_edit = QLineEdit()
        self.title_edit = QLineEdit()
        self.emails_edit = QLineEdit()
        self.emails_edit.setPlaceholderText(self.tr("name@example.com, another@example.com"))
        self.phones_edit = QLineEdit()
        self.phones_edit.setPlaceholderText(self.tr("+49 40 1234567, +49 170 1234567"))
        self.whatsapp_edit = QLineEdit()
        self.whatsapp_edit.setPlaceholderText(self.tr("+49 170 1234567"))
        self.wechat_edit = QLineEdit()
        self.skype_edit = QLineEdit()
        self.linkedin_edit = QLineEdit()
        self.birthday_check = QCheckBox(self.tr("Known"))
        self.birthday_edit = QDateEdit()
        self.birthday_edit.setCalendarPopup(True)
        self.birthday_edit.setDisplayFormat(date_format(self.locale()))
        self.birthday_edit.setDate(QDate(1980, 1, 1))
        self.birthday_edit.setEnabled(False)
        self.birthday_check.toggled.connect(self.birthday_edit.setEnabled)
        self.notes_edit = QPlainTextEdit()
        self.notes_edit.setFixedHeight(70)
        self.errors = {key: FieldError() for key in ("name", "email", "whatsapp", "other")}

        form = QFormLayout()
        form.addRow(self.tr("Name"), with_error(self.name_edit, self.errors["name"]))
        form.addRow(self.tr("Title"), self.title_edit)
        form.addRow(self.tr("Emails"), with_error(self.emails_edit, self.errors["email"]))
        form.addRow(self.tr("Phones"), self.phones_edit)
        form.addRow(self.tr("WhatsApp"), with_error(self.whatsapp_edit, self.errors["whatsapp"]))
        form.addRow(self.tr("WeChat"), self.wechat_edit)
        form.addRow(self.tr("Skype"), self.skype_edit)
        form.addRow(self.tr("LinkedIn"), self.linkedin_edit)
        birthday = QHBoxLayout()
        birthday.addWidget(self.birthday_check)
        birthday.addWidget(self.birthday_edit, 1)
        form.addRow(self.tr("Birthday"), birthday)
        form.addRow(self.tr("Notes"), self.notes_edit)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.errors["other"])
        layout.addWidget(buttons)
        self.resize(440, self.sizeHint().height())
        if data is not None:
            self._load(data)

    def _load(self, data: ContactInput) -> None:
        self.name_edit.setText(data.name)
        self.title_edit.setText(data.title)
        self.emails_edit.setText(", ".join(data.emails))
        self.phones_edit.setText(", ".join(data.phones))
        self.whatsapp_edit.setText(data.whatsapp)
        self.wechat_edit.setText(data.wechat)
        self.skype_edit.setText(data.skype)
        self.linkedin_edit.setText(data.linkedin)
        if data.birthday is not None:
            self.birthday_check.setChecked(True)
            self.birthday_edit.setDate(QDate(data.birthday.year, data.birthday.month, data.birthday.day))
        self.notes_edit.setPlainText(data.notes)

    def contact_input(self) -> ContactInput:
        birthday: date | None = None
        if self.birthday_check.isChecked():
            picked = self.birthday_edit.date()
            birthday = date(picked.year(), picked.month(), picked.day())
        return ContactInput(
            name=self.name_edit.text(), title=self.title_edit.text(),
            emails=split_list(self.emails_edit.text()), phones=split_list(self.phones_edit.text()),
            whatsapp=self.whatsapp_edit.text(), wechat=self.wechat_edit.text(),
            skype=self.skype_edit.text(), linkedin=self.linkedin_edit.text(), birthday=birthday,
            is_primary=self._primary, notes=self.notes_edit.toPlainText(),
        )

    def show_error(self, exc: ValidationError) -> None:
        field = exc.field.rsplit(".", 1)[-1]
        self.errors.get(field, self.errors["other"]).show_message(contact_error_message(exc))
        widget = {"email": self.emails_edit, "whatsapp": self.whatsapp_edit}.get(field, self.name_edit)
        widget.setFocus()

    def accept(self) -> None:
        for error in self.errors.values():
            error.clear_message()
        try:
            validate_contact(self.contact_input(), self._region)
        except ValidationError as exc:
            self.show_error(exc)
            return
        super().accept()


class ContactsEditor(QWidget):
    """The contacts of a customer being edited: a table and Add, Edit, Remove, Set primary.

    Works on a copy (`ContactEdit`s); the customer dialog saves them with the customer on OK.
    `region` gives the country phone numbers are read in while a contact is checked.
    """

    def __init__(self, region: Callable[[], str | None] = lambda: None, parent: QWidget | None = None):
        super().__init__(parent)
        self._region = region
        self._edits: list[ContactEdit] = []
        self.contact_dialog: ContactDialog | None = None
        self._editing: int | None = None
        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels([self.tr("Name"), self.tr("Title"), self.tr("Email"),
                                              self.tr("Phone / WhatsApp"), self.tr("Primary")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        self.table.doubleClicked.connect(self.on_edit_button_clicked)
        self.error = FieldError()
        self.add_button = QPushButton(self.tr("Add…"))
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.remove_button = QPushButton(self.tr("Remove"))
        self.primary_button = QPushButton(self.tr("Set primary"))
        buttons = QHBoxLayout()
        for button, slot in ((self.add_button, self.on_add_button_clicked),
                             (self.edit_button, self.on_edit_button_clicked),
                             (self.remove_button, self.on_remove_button_clicked),
                             (self.primary_button, self.on_primary_button_clicked)):
            button.clicked.connect(slot)
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.error)
        layout.addLayout(buttons)

    def contacts(self) -> list[ContactEdit]:
        return list(self._edits)

    def set_contacts(self, edits: list[ContactEdit]) -> None:
        self._edits = list(edits)
        self._fill()

    def _fill(self) -> None:
        self.table.setRowCount(len(self._edits))
        for row, edit in enumerate(self._edits):
            data = edit.data
            phones = [data.whatsapp] if data.whatsapp else []
            phones = [format_phone(p) for p in phones + [p for p in data.phones if p != data.whatsapp]]
            cells = (data.name, data.title, ", ".join(data.emails), ", ".join(phones),
                     self.tr("Primary") if data.is_primary else "")
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))

    def selected_row(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].row() if rows else None

    def select_row(self, row: int) -> None:
        if 0 <= row < self.table.rowCount():
            self.table.selectRow(row)

    def add(self, data: ContactInput) -> None:
        primary = data.is_primary or not self._edits
        self._edits.append(ContactEdit(None, replace(data, is_primary=primary)))
        if primary:
            self._set_primary(len(self._edits) - 1)
        else:
            self._fill()

    def _set_primary(self, row: int) -> None:
        self._edits = [replace(e, data=replace(e.data, is_primary=(i == row))) for i, e in enumerate(self._edits)]
        self._fill()
        self.select_row(row)

    def _open_dialog(self, data: ContactInput | None, row: int | None) -> None:
        self._editing = row
        self.contact_dialog = ContactDialog(data, self._region(), self)
        self.contact_dialog.accepted.connect(self.on_contact_dialog_accepted)
        self.contact_dialog.open()

    def on_add_button_clicked(self) -> None:
        self._open_dialog(None, None)

    def on_edit_button_clicked(self) -> None:
        row = self.selected_row()
        if row is not None:
            self._open_dialog(self._edits[row].data, row)

    def on_contact_dialog_accepted(self) -> None:
        data = self.contact_dialog.contact_input()
        self.error.clear_message()
        if self._editing is None:
            self.add(data)
        else:
            self._edits[self._editing] = replace(self._edits[self._editing], data=data)
            self._fill()
        self.contact_dialog.deleteLater()
        self.contact_dialog = None

    def on_remove_button_clicked(self) -> None:
        row = self.selected_row()
        if row is None:
            return
        self.error.clear_message()
        was_primary = self._edits.pop(row).data.is_primary
        if was_primary and self._edits:
            self._set_primary(0)
        else:
            self._fill()

    def on_primary_button_clicked(self) -> None:
        row = self.selected_row()
        if row is not None:
            self._set_primary(row)
