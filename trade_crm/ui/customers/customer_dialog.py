"""Create or edit a customer: company fields, contacts, tags and custom fields, saved together on OK."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

from PySide6.QtCore import QStringListModel, Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from trade_crm.domain.clock import Clock, today
from trade_crm.domain.customers.form import (
    ContactEdit,
    choice_key,
    contact_input_of,
    resolve_customer_form,
    save_customer,
)
from trade_crm.domain.customers.records import RATINGS, SOURCES, all_tags, custom_field_names, get_customer
from trade_crm.domain.errors import EditConflict, ValidationError
from trade_crm.domain.team import access
from trade_crm.domain.world.countries import UnknownCountryError, normalize_country
from trade_crm.store.errors import AccessDenied
from trade_crm.ui.common.conflict_dialog import ConflictDialog
from trade_crm.ui.common.country_combo import CountryPicker, country_combo
from trade_crm.ui.common.dates import qdate
from trade_crm.ui.common.popup_clicks import click_through
from trade_crm.ui.customers.contact_dialog import (
    ContactsEditor,
    FieldError,
    contact_error_message,
    date_format,
    split_list,
    with_error,
)
from trade_crm.ui.customers.duplicate_hint import DuplicateHint

LINE_FIELDS = ("name", "alt_name", "city", "address", "website", "industry", "products", "company_size",
               "preferred_language")
CURRENCIES = ("USD", "EUR", "CNY", "GBP", "JPY", "AUD", "CAD", "CHF", "AED", "RUB", "INR", "BRL", "HKD")


class TagCompleter(QCompleter):
    """Completes the tag being typed after the last comma, not the whole line."""

    def splitPath(self, path: str) -> list[str]:  # noqa: N802 - Qt override
        return [path.split(",")[-1].strip()]

    def pathFromIndex(self, index) -> str:  # noqa: N802 - Qt override
        head = self.widget().text().rsplit(",", 1)
        prefix = f"{head[0]}, " if len(head) == 2 else ""
        return prefix + index.data()


class CustomerDialog(QDialog):
    """Every customer field; a ValidationError from the domain shows under its field and nothing is saved."""

    customer_saved = Signal(int)
    duplicate_open_requested = Signal(int)  # "already exists — open it?" clicked: that customer's id

    def __init__(self, clock: Clock, customer_id: int | None = None, parent: QWidget | None = None, *,
                 save: Callable[..., int] = save_customer):
        super().__init__(parent)
        self._clock = clock
        self._customer_id = customer_id
        # How the form is saved: save_customer, or one with the same arguments that does more in the same
        # transaction (a customer made from mail also files the sender's waiting mail: domain/mail/triage).
        self._save = save
        self.saved_customer_id: int | None = None
        self._base = None  # the customer as loaded: a save writes what changed since, merged with others' saves
        self.conflict_dialog: ConflictDialog | None = None
        self.refusal_box: QMessageBox | None = None
        self.setWindowTitle(self.tr("New customer") if customer_id is None else self.tr("Edit customer"))
        self.errors: dict[str, FieldError] = {}
        self.tabs = QTabWidget()
        self.tabs.addTab(self._company_tab(), self.tr("Company"))
        self.contacts_editor = ContactsEditor(self.region)
        self.tabs.addTab(self.contacts_editor, self.tr("Contacts"))
        self.tabs.addTab(self._more_tab(), self.tr("Tags and custom fields"))
        self.errors["contacts"] = self.contacts_editor.error
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.duplicate_hint = DuplicateHint(self.duplicate_query)
        self.duplicate_hint.open_requested.connect(self.duplicate_open_requested)
        if customer_id is None:  # a new customer: point out one that probably exists already
            for signal in (self.edits["name"].textChanged, self.edits["website"].textChanged,
                           self.country_combo.currentTextChanged, self.contacts_editor.table.model().dataChanged,
                           self.contacts_editor.table.model().rowsRemoved):
                signal.connect(self.duplicate_hint.schedule)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(self.duplicate_hint)
        layout.addWidget(buttons)
        if customer_id is not None:
            self._load(customer_id)
        self.resize(820, 560)

    # --- building ---------------------------------------------------------------------------------

    def _error_cell(self, key: str, widget: QWidget) -> QWidget:
        self.errors[key] = FieldError()
        return with_error(widget, self.errors[key])

    def _company_tab(self) -> QWidget:
        labels = {
            "name": self.tr("Company name"), "alt_name": self.tr("Other name"), "city": self.tr("City"), "address": self.tr("Address"),
            "website": self.tr("Website"), "industry": self.tr("Industry"), "products": self.tr("Products"),
            "company_size": self.tr("Company size"), "preferred_language": self.tr("Preferred language"),
        }
        self.edits = {key: QLineEdit() for key in LINE_FIELDS}
        self.country_combo = self._country_combo()
        self.source_combo = QComboBox()
        source_labels = {"trade_show": self.tr("Trade show"), "website": self.tr("Website inquiry"),
                         "marketplace": self.tr("Marketplace (Alibaba, …)"), "referral": self.tr("Referral"),
                         "other": self.tr("Other")}
        for source in SOURCES:
            self.source_combo.addItem(source_labels.get(source, source), source)
        self.source_combo.setCurrentIndex(self.source_combo.findData("other"))
        self.rating_combo = QComboBox()
        self.rating_combo.addItem(self.tr("Not rated"), "")
        for rating in RATINGS:
            self.rating_combo.addItem(rating, rating)
        self.currency_combo = QComboBox()
        self.currency_combo.setEditable(True)
        self.currency_combo.addItems(("", *CURRENCIES))
        self.follow_up_check = QCheckBox(self.tr("Planned"))
        self.follow_up_edit = QDateEdit()
        self.follow_up_edit.setCalendarPopup(True)
        self.follow_up_edit.setDisplayFormat(date_format(self.locale()))
        self.follow_up_edit.setDate(qdate(today(self._clock) + timedelta(days=7)))
        self.follow_up_edit.setEnabled(False)
        self.follow_up_check.toggled.connect(self.follow_up_edit.setEnabled)
        self.lost_check = QCheckBox(self.tr("Lost customer (no more follow-ups)"))
        self.notes_edit = QPlainTextEdit()

        left, right = QFormLayout(), QFormLayout()
        left.addRow(labels["name"], self._error_cell("name", self.edits["name"]))
        self.edits["alt_name"].setPlaceholderText(self.tr("In another script or language, e.g. 阿克米贸易有限公司"))
        left.addRow(labels["alt_name"], self._error_cell("alt_name", self.edits["alt_name"]))
        left.addRow(self.tr("Country"), self._error_cell("country", self.country_combo))
        for key in ("city", "address", "website", "industry", "products"):
            left.addRow(labels[key], self._error_cell(key, self.edits[key]))
        right.addRow(self.tr("Source"), self._error_cell("source", self.source_combo))
        right.addRow(self.tr("Rating"), self._error_cell("rating", self.rating_combo))
        right.addRow(labels["company_size"], self._error_cell("company_size", self.edits["company_size"]))
        right.addRow(labels["preferred_language"],
                     self._error_cell("preferred_language", self.edits["preferred_language"]))
        right.addRow(self.tr("Currency"), self._error_cell("currency", self.currency_combo))
        follow_up = QHBoxLayout()
        follow_up.addWidget(self.follow_up_check)
        follow_up.addWidget(self.follow_up_edit, 1)
        follow_up_box = QWidget()
        follow_up_box.setLayout(follow_up)
        follow_up.setContentsMargins(0, 0, 0, 0)
        right.addRow(self.tr("Next follow-up"), self._error_cell("follow_up_on", follow_up_box))
        right.addRow("", self.lost_check)
        columns = QHBoxLayout()
        columns.addLayout(left, 1)
        columns.addSpacing(12)
        columns.addLayout(right, 1)
        tab = QWidget()
        layout = QVBoxLayout(tab)
        layout.addLayout(columns)
        layout.addWidget(QLabel(self.tr("Notes")))
        layout.addWidget(self._error_cell("notes", self.notes_edit), 1)
        return tab

    def _country_combo(self) -> CountryPicker:
        return country_combo(self.locale(), self.tr("Type to search, e.g. Germany or 德国"))

    def _more_tab(self) -> QWidget:
        self.tags_edit = QLineEdit()
        self.tags_edit.setPlaceholderText(self.tr("Separate tags with commas, e.g. VIP, Canton Fair 2026"))
        completer = TagCompleter(QStringListModel(all_tags(), self), self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.tags_edit.setCompleter(completer)
        click_through(completer)  # Save clicked with the list open saves, not only closes the list
        self.custom_form = QFormLayout()
        self.custom_edits: dict[str, QLineEdit] = {}
        self.no_custom_label = QLabel(self.tr("No custom fields yet. Add one for anything this form lacks, "
                                              "such as the port of discharge or a customs code."))
        self.no_custom_label.setWordWrap(True)
        self.no_custom_label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        for name in custom_field_names():
            self._add_custom_row(name)
        self.new_field_edit = QLineEdit()
        self.new_field_edit.setPlaceholderText(self.tr("New field name, e.g. Port of discharge"))
        self.new_field_edit.returnPressed.connect(self.on_add_field_button_clicked)
        add_button = QPushButton(self.tr("Add field"))
        add_button.clicked.connect(self.on_add_field_button_clicked)
        new_row = QHBoxLayout()
        new_row.addWidget(self.new_field_edit, 1)
        new_row.addWidget(add_button)
        tab = QWidget()
        layout = QFormLayout(tab)
        layout.addRow(self.tr("Tags"), self.tags_edit)
        custom_title = QLabel(self.tr("Custom fields"))
        font = custom_title.font()
        font.setBold(True)
        custom_title.setFont(font)
        layout.addRow(custom_title)
        layout.addRow(self.no_custom_label)
        layout.addRow(self.custom_form)
        layout.addRow(new_row)
        layout.addRow(self._error_cell("custom_fields", QWidget()))
        return tab

    def _add_custom_row(self, name: str) -> QLineEdit:
        edit = QLineEdit()
        self.custom_edits[name] = edit
        self.custom_form.addRow(name, edit)
        self.no_custom_label.hide()
        return edit

    def on_add_field_button_clicked(self) -> None:
        name = " ".join(self.new_field_edit.text().split())
        if not name:
            return
        edit = self.custom_edits.get(name) or self._add_custom_row(name)
        self.new_field_edit.clear()
        edit.setFocus()

    # --- loading and saving -----------------------------------------------------------------------

    def _load(self, customer_id: int) -> None:
        customer = get_customer(customer_id)
        self._base = customer
        for key, edit in self.edits.items():
            edit.setText(getattr(customer, key))
        if customer.country:
            self.country_combo.set_code(customer.country)
        self.source_combo.setCurrentIndex(max(0, self.source_combo.findData(customer.source)))
        self.rating_combo.setCurrentIndex(max(0, self.rating_combo.findData(customer.rating or "")))
        self.currency_combo.setCurrentText(customer.currency)
        if customer.follow_up_on is not None:
            self.follow_up_check.setChecked(True)
            self.follow_up_edit.setDate(qdate(customer.follow_up_on))
        self.lost_check.setChecked(customer.lost)
        self.notes_edit.setPlainText(customer.notes)
        self.contacts_editor.set_contacts([ContactEdit(c.id, contact_input_of(c)) for c in customer.contacts])
        self.tags_edit.setText(", ".join(customer.tags))
        for name, value in customer.custom_fields.items():
            (self.custom_edits.get(name) or self._add_custom_row(name)).setText(value)

    def prefill(self, fields: dict, contacts: list[ContactEdit]) -> None:
        """A new customer's form filled with a proposal (from mail, say), every field still editable."""
        for key, value in fields.items():
            if key in self.edits:
                self.edits[key].setText(value or "")
            elif key == "country" and value:
                self.country_combo.set_code(value)
        self.contacts_editor.set_contacts(list(contacts))

    def country_code(self) -> str:
        """The chosen country's code, or the typed text for the domain to recognise (or refuse)."""
        code = self.country_combo.code()  # any name or code the picker knows
        return code if code is not None else self.country_combo.currentText().strip()

    def region(self) -> str | None:
        """The country code phone numbers are read in, if the country field names one."""
        try:
            return normalize_country(self.country_code() or None)
        except UnknownCountryError:
            return None

    def duplicate_query(self) -> dict:
        """What the duplicate hint looks for (domain.duplicates.probable_duplicates)."""
        return {"name": self.edits["name"].text(), "country": self.country_code(),
                "website": self.edits["website"].text(), "contacts": [e.data for e in self.contacts_editor.contacts()]}

    def field_values(self) -> dict:
        values = {key: edit.text() for key, edit in self.edits.items()}
        follow_up: date | None = None
        if self.follow_up_check.isChecked():
            picked = self.follow_up_edit.date()
            follow_up = date(picked.year(), picked.month(), picked.day())
        values.update(country=self.country_code(), source=self.source_combo.currentData(),
                      rating=self.rating_combo.currentData(), currency=self.currency_combo.currentText(),
                      notes=self.notes_edit.toPlainText(), follow_up_on=follow_up, lost=self.lost_check.isChecked())
        return values

    def accept(self) -> None:
        for error in self.errors.values():
            error.clear_message()
        try:
            customer_id = self._save(
                self._clock, self._customer_id, self.field_values(), contacts=self.contacts_editor.contacts(),
                tags=split_list(self.tags_edit.text()),
                custom_fields={name: edit.text() for name, edit in self.custom_edits.items()}, base=self._base,
            )
        except ValidationError as exc:
            self.show_error(exc)
            return
        except EditConflict as conflict:
            self._show_conflict(conflict)
            return
        except AccessDenied as exc:  # a team server's rule: say whose customer it is, keep the form open
            self._show_refusal(exc)
            return
        self._saved(customer_id)

    def _show_refusal(self, exc: AccessDenied) -> None:
        line = str(access.refusal(self._customer_id) if self._customer_id is not None else exc)
        self.refusal_box = QMessageBox(QMessageBox.Icon.Warning, self.windowTitle(),
                                       self.tr("The team server did not save this customer: %1").replace("%1", line),
                                       QMessageBox.StandardButton.Ok, self)
        self.refusal_box.open()

    def _saved(self, customer_id: int) -> None:
        self.saved_customer_id = customer_id
        self.customer_saved.emit(customer_id)
        super().accept()

    def _show_conflict(self, conflict: EditConflict) -> None:
        """Someone saved this customer since it was opened: ask per field, then save the choices."""
        self.conflict_dialog = ConflictDialog(conflict, self._clock.zone, self)
        self.conflict_dialog.accepted.connect(self.on_conflict_dialog_accepted)
        self.conflict_dialog.open()

    def on_conflict_dialog_accepted(self) -> None:
        dialog = self.conflict_dialog
        if dialog is None:
            return
        try:
            customer_id = resolve_customer_form(self._clock, dialog.conflict, dialog.choices(choice_key))
        except ValidationError as exc:
            self.show_error(exc)
            return
        except EditConflict as again:  # yet another save came in between: ask again about that one
            self._show_conflict(again)
            return
        except AccessDenied as exc:
            self._show_refusal(exc)
            return
        self._saved(customer_id)

    def show_error(self, exc: ValidationError) -> None:
        """Put the message under the field it is about, and bring that field into view."""
        if exc.field.startswith("contacts"):
            row = int(exc.field[9:].split("]")[0]) if exc.field.startswith("contacts[") else -1
            message = contact_error_message(exc)
            if row >= 0:
                self.contacts_editor.select_row(row)
                message = self.tr("Contact %1: %2").replace("%1", str(row + 1)).replace("%2", message)
            self.errors["contacts"].show_message(message)
            self.tabs.setCurrentWidget(self.contacts_editor)
            return
        messages = {
            "name": self.tr("The customer needs a name."),
            "country": self.tr("Unknown country: pick one from the list."),
            "currency": self.tr("Use a 3-letter currency code such as USD."),
            "custom_fields": self.tr("A custom field needs a name."),
        }
        error = self.errors.get(exc.field, self.errors["name"])
        error.show_message(messages.get(exc.field, exc.message))
        page = error.parentWidget()
        while page is not None and self.tabs.indexOf(page) < 0:
            page = page.parentWidget()
        if page is not None:
            self.tabs.setCurrentWidget(page)
