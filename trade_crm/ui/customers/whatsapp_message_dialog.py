"""Send WhatsApp message…: a template's text filled in for one of the customer's contacts (the same merge fields
as email), editable, opened in WhatsApp through its wa.me link; "I sent it" logs it on the timeline (a greeting
as the customer's greeting). WhatsApp sends it, not the app: nothing is logged until the user says it went."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from trade_crm.domain.chats.wa_link import (
    DEFAULT_TEMPLATE,
    WhatsAppMessage,
    log_whatsapp_sent,
    reachable_contacts,
    wa_link,
    whatsapp_message,
    whatsapp_numbers,
)
from trade_crm.domain.clock import Clock
from trade_crm.domain.errors import DomainError
from trade_crm.domain.greetings.templates import LANGUAGE_NAMES, LANGUAGES
from trade_crm.domain.mail.merge import Holiday, MissingValueError, fields_in
from trade_crm.domain.mail.templates import (
    GREETING,
    GREETING_DEFAULT,
    QUOTATION_CHASER,
    RTL_LANGUAGES,
    SAMPLE_FOLLOW_UP,
    THANK_YOU,
    get_template,
    list_templates,
    template_kind,
)
from trade_crm.domain.world.phones import format_phone
from trade_crm.store.errors import AccessDenied
from trade_crm.ui.common.field_errors import FieldError

OCCASION_FIELDS = ("holiday.name", "fair.name", "entry.summary", "entry.date")  # what the dialog asks for


class WhatsAppMessageDialog(QDialog):
    message_logged = Signal(int)  # the customer whose timeline has the new entry

    def __init__(self, customer_id: int, clock: Clock, parent: QWidget | None = None, *,
                 contact_id: int | None = None, template_key: str = DEFAULT_TEMPLATE,
                 open_url: Callable[[QUrl], object] = QDesktopServices.openUrl):
        super().__init__(parent)
        self._customer_id, self._clock, self.open_url = customer_id, clock, open_url
        self._message: WhatsAppMessage | None = None
        self._filling = False
        self.setWindowTitle(self.tr("Send WhatsApp message"))
        self.resize(620, 520)
        self.contact_combo = QComboBox()
        for contact in reachable_contacts(customer_id):
            number = format_phone(whatsapp_numbers(contact)[0])
            self.contact_combo.addItem(f"{contact.name or self.tr('(no name)')} — {number}", contact.id)
        if contact_id is not None and self.contact_combo.findData(contact_id) >= 0:
            self.contact_combo.setCurrentIndex(self.contact_combo.findData(contact_id))
        self.template_combo = QComboBox()
        for template in list_templates():
            self.template_combo.addItem(self.template_label(template.key), template.key)
        index = self.template_combo.findData(template_key)
        self.template_combo.setCurrentIndex(index if index >= 0 else max(0, self.template_combo.findData(GREETING_DEFAULT)))
        self.language_combo = QComboBox()
        self.language_combo.addItem(self.tr("The customer's language"), "")
        for code in LANGUAGES:
            self.language_combo.addItem(LANGUAGE_NAMES[code], code)
        self.occasion_edits = {field: QLineEdit() for field in OCCASION_FIELDS}
        self.occasion_edits["holiday.name"].setPlaceholderText(self.tr("e.g. Eid al-Fitr"))
        self.occasion_edits["fair.name"].setPlaceholderText(self.tr("e.g. Canton Fair"))
        self.occasion_edits["entry.date"].setPlaceholderText(self.tr("YYYY-MM-DD"))
        self.text_edit = QPlainTextEdit()
        self.error_label = FieldError()
        self.hint_label = QLabel(self.tr("WhatsApp sends the message: after sending it there, come back and "
                                         "click “I sent it” to log it on the timeline."))
        self.hint_label.setWordWrap(True)
        self.open_button = QPushButton(self.tr("Open WhatsApp"))
        self.sent_button = QPushButton(self.tr("I sent it"))
        self.sent_button.setEnabled(False)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.addButton(self.open_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.sent_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.form = QFormLayout()
        self.form.addRow(self.tr("To"), self.contact_combo)
        self.form.addRow(self.tr("Template"), self.template_combo)
        self.form.addRow(self.tr("Language"), self.language_combo)
        for field, caption in zip(OCCASION_FIELDS, (self.tr("Holiday"), self.tr("Trade fair"), self.tr("About"),
                                                    self.tr("Date")), strict=True):
            self.form.addRow(caption, self.occasion_edits[field])
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.text_edit, 1)
        layout.addWidget(self.error_label)
        layout.addWidget(self.hint_label)
        layout.addWidget(self.buttons)
        self.contact_combo.currentIndexChanged.connect(self.on_choice_changed)
        self.template_combo.currentIndexChanged.connect(self.on_choice_changed)
        self.language_combo.currentIndexChanged.connect(self.on_choice_changed)
        for edit in self.occasion_edits.values():
            edit.textEdited.connect(self.on_choice_changed)
        self.text_edit.textChanged.connect(self.on_text_edit_text_changed)
        self.open_button.clicked.connect(self.on_open_button_clicked)
        self.sent_button.clicked.connect(self.on_sent_button_clicked)
        self.buttons.rejected.connect(self.reject)
        self.on_choice_changed()

    def template_label(self, key: str) -> str:
        kind = template_kind(key)
        if key == GREETING_DEFAULT:
            return self.tr("Greeting (any holiday)")
        if kind == GREETING:
            return self.tr("Greeting: %1").replace("%1", key.split(".", 1)[1].replace("_", " ").capitalize())
        return {THANK_YOU: self.tr("Thank you for visiting our booth"), QUOTATION_CHASER: self.tr("Quotation chaser"),
                SAMPLE_FOLLOW_UP: self.tr("Sample follow-up")}.get(kind, self.tr("Blank"))

    def missing_value_text(self, exc: MissingValueError) -> str:
        field = "{" + exc.merge_field + "}"
        if exc.merge_field in OCCASION_FIELDS:
            text = self.tr("%1: no value for %2. Fill it in above, or pick another template.")
        else:
            text = self.tr("%1: no value for %2. Add it to the contact or the customer, or pick another template.")
        return text.replace("%1", exc.recipient).replace("%2", field)

    # --- filling in -------------------------------------------------------------------------------

    def _show_error(self, message: str) -> None:
        self.error_label.show_message(message)

    def _show_occasion_rows(self, key: str, language: str) -> None:
        try:
            needed = set(fields_in(get_template(key, language or "en").text))
        except DomainError:
            needed = set()
        for field, edit in self.occasion_edits.items():
            self.form.setRowVisible(edit, field in needed)

    def on_choice_changed(self, *_args) -> None:
        """Fill the template in again for the chosen contact, template, language and occasion."""
        key, language = self.template_combo.currentData(), self.language_combo.currentData()
        holiday = self.occasion_edits["holiday.name"].text().strip()
        extra = {f: e.text() for f, e in self.occasion_edits.items() if f != "holiday.name" and e.text().strip()}
        message, error = None, ""
        if self.contact_combo.count() == 0:
            error = self.tr("No contact of this customer has a WhatsApp or phone number: add one to a contact first.")
        else:
            try:
                message = whatsapp_message(self._customer_id, self.contact_combo.currentData(), key, language or None,
                                           holiday=Holiday(holiday) if holiday else None, extra=extra)
            except MissingValueError as exc:  # names the field and the contact: never "Dear ,"
                error = self.missing_value_text(exc)
            except DomainError as exc:
                error = exc.message
        self._show_occasion_rows(key, language or (message.language if message else ""))
        self._message = message
        rtl = message is not None and message.language in RTL_LANGUAGES
        direction = Qt.LayoutDirection.RightToLeft if rtl else Qt.LayoutDirection.LeftToRight
        self.text_edit.setLayoutDirection(direction)
        option = self.text_edit.document().defaultTextOption()
        option.setTextDirection(direction)
        option.setAlignment((Qt.AlignmentFlag.AlignRight if rtl else Qt.AlignmentFlag.AlignLeft)
                            | Qt.AlignmentFlag.AlignAbsolute)
        self.text_edit.document().setDefaultTextOption(option)
        self._filling = True
        self.text_edit.setPlainText(message.text if message else "")
        self._filling = False
        self._show_error(error)
        self.sent_button.setEnabled(False)
        self._update_buttons()

    def on_text_edit_text_changed(self) -> None:
        if not self._filling:
            self.sent_button.setEnabled(False)  # a new text: open it before saying it went
            self._update_buttons()

    def _update_buttons(self) -> None:
        self.open_button.setEnabled(self._message is not None and bool(self.text_edit.toPlainText().strip()))

    def link(self) -> str:
        """The wa.me link with the text as it stands in the editor ("" when there is nothing to open)."""
        if self._message is None or not self.text_edit.toPlainText().strip():
            return ""
        return wa_link(self._message.number, self.text_edit.toPlainText().strip())

    # --- sending ----------------------------------------------------------------------------------

    def on_open_button_clicked(self) -> None:
        link = self.link()
        if not link:
            return
        self.open_url(QUrl.fromEncoded(link.encode("ascii")))
        self.sent_button.setEnabled(True)

    def on_sent_button_clicked(self) -> None:
        message = self._message
        if message is None:
            return
        try:
            log_whatsapp_sent(self._customer_id, message.contact_id, self.text_edit.toPlainText(), self._clock,
                              template_key=message.template_key, number=message.number)
        except (DomainError, AccessDenied) as exc:
            self._show_error(str(exc))
            return
        self.message_logged.emit(self._customer_id)
        self.accept()
