"""The compose dialog's widgets and layout: From, To (one row per message), Cc, Bcc, template and language,
subject and text with their merge errors beside them, the files, when to send, and the selected recipient's
preview. The dialog (compose_dialog.py) owns the behaviour."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QBrush, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from trade_crm.domain.greetings.templates import LANGUAGE_NAMES, LANGUAGES
from trade_crm.domain.mail.accounts import MailAccount
from trade_crm.domain.mail.merge import Preview, Recipient
from trade_crm.domain.mail.templates import GREETING, MailTemplate, list_templates, template_kind
from trade_crm.ui.common.i18n import fill
from trade_crm.ui.mail.compose_files import AttachmentList
from trade_crm.ui.mail.compose_plan import MORNING, NOW

ERROR_STYLE = "color: #b3261e;"
RECIPIENT, CUSTOMER, LANGUAGE, WHEN = range(4)


def occasion_names(tr) -> dict[str, str]:
    """The built-in greetings' occasions in the UI's language (a greeting the user added shows its id)."""
    return {"default": tr("any holiday"), "new_year": tr("New Year"), "christmas": tr("Christmas"),
            "lunar_new_year": tr("Lunar New Year"), "eid_al_fitr": tr("Eid al-Fitr"), "eid_al_adha": tr("Eid al-Adha"),
            "diwali": tr("Diwali"), "holi": tr("Holi"), "nowruz": tr("Nowruz"), "thanksgiving": tr("Thanksgiving"),
            "mid_autumn": tr("Mid-Autumn Festival"), "rosh_hashanah": tr("Rosh Hashanah"),
            "national_day": tr("National Day")}


def template_label(template: MailTemplate, tr) -> str:
    kind = template_kind(template.key)
    if kind == GREETING:
        occasion = template.key.partition(".")[2]
        name = occasion_names(tr).get(occasion) or occasion.replace("_", " ")
        return fill(tr("Greeting: %1"), name)
    return {"thank_you_fair": tr("Thank-you after a fair"), "quotation_chaser": tr("Quotation chaser"),
            "sample_follow_up": tr("Sample follow-up"), "blank": tr("Blank letter")}.get(kind, template.key)


def error_label() -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.setStyleSheet(ERROR_STYLE)
    label.hide()
    return label


class ComposeForm(QObject):
    """The widgets, laid out in `dialog`; the form itself is their holder, not a widget."""

    def __init__(self, dialog: QWidget):
        super().__init__(dialog)
        self.account_combo = QComboBox()
        self.to_button = QPushButton(self.tr("To…"))
        self.to_button.setToolTip(self.tr("Choose among the contacts' addresses: one message each"))
        self.remove_button = QPushButton(self.tr("Remove"))
        self.recipients_table = QTableWidget(0, 4)
        self.recipients_table.setHorizontalHeaderLabels([self.tr("Recipient"), self.tr("Customer"),
                                                         self.tr("Language"), self.tr("Sends")])
        self.recipients_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.recipients_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.recipients_table.verticalHeader().hide()
        self.recipients_table.setWordWrap(False)
        header = self.recipients_table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(RECIPIENT, QHeaderView.ResizeMode.Stretch)
        self.cc_edit, self.bcc_edit = QLineEdit(), QLineEdit()
        self.cc_edit.setPlaceholderText(self.tr("Addresses, separated by commas (copied on every message)"))
        self.bcc_edit.setPlaceholderText(self.tr("e.g. your own address, for your records"))
        self.template_combo = QComboBox()
        self.language_combo = QComboBox()
        self.language_combo.addItem(self.tr("Each recipient's language"), "")
        for code in LANGUAGES:
            self.language_combo.addItem(LANGUAGE_NAMES[code], code)
        self.template_note = QLabel()
        self.template_note.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.subject_edit = QLineEdit()
        self.subject_error = error_label()
        self.body_edit = QPlainTextEdit()
        self.body_edit.setPlaceholderText(self.tr("Write here; merge fields like {contact.first_name} are filled "
                                                  "in for each recipient."))
        self.body_error = error_label()
        self.html_check = QCheckBox(self.tr("Also send a simple HTML version"))
        self.files = AttachmentList()
        self.when_combo = QComboBox()
        self.when_combo.addItem(self.tr("Send now"), NOW)
        self.when_combo.addItem(self.tr("At each recipient's local morning (9–11, not on their weekend or "
                                        "holidays)"), MORNING)
        self.preview_title = QLabel()
        self.preview_title.setWordWrap(True)
        self.preview_subject = QLabel()
        self.preview_subject.setWordWrap(True)
        self.preview_subject.setTextFormat(Qt.TextFormat.PlainText)
        self.preview_subject.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.preview_text = QTextBrowser()
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        self.send_button = QPushButton(self.tr("Send"))
        self.send_button.setDefault(True)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self._layout(dialog)

    def _layout(self, dialog: QWidget) -> None:
        to_buttons = QVBoxLayout()
        to_buttons.addWidget(self.to_button)
        to_buttons.addWidget(self.remove_button)
        to_buttons.addStretch(1)
        to_row = QHBoxLayout()
        to_row.addWidget(self.recipients_table, 1)
        to_row.addLayout(to_buttons)
        template_row = QHBoxLayout()
        template_row.addWidget(self.template_combo, 2)
        template_row.addWidget(self.language_combo, 1)
        form = QFormLayout()
        form.addRow(self.tr("From"), self.account_combo)
        form.addRow(self.tr("To"), to_row)
        form.addRow(self.tr("Cc"), self.cc_edit)
        form.addRow(self.tr("Bcc"), self.bcc_edit)
        form.addRow(self.tr("Template"), template_row)
        form.addRow("", self.template_note)
        form.addRow(self.tr("Subject"), self.subject_edit)
        form.addRow("", self.subject_error)
        left = QWidget()
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(form)
        column.addWidget(self.body_edit, 1)
        column.addWidget(self.body_error)
        column.addWidget(self.html_check)
        files_form = QFormLayout()
        files_form.addRow(self.tr("Files"), self.files)
        files_form.addRow(self.tr("When"), self.when_combo)
        column.addLayout(files_form)
        preview_box = QGroupBox(self.tr("Preview"))
        preview_column = QVBoxLayout(preview_box)
        preview_column.addWidget(self.preview_title)
        preview_column.addWidget(self.preview_subject)
        preview_column.addWidget(self.preview_text, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(preview_box)
        splitter.setSizes([760, 420])
        buttons = QHBoxLayout()
        buttons.addWidget(self.status_label, 1)
        buttons.addWidget(self.send_button)
        buttons.addWidget(self.cancel_button)
        outer = QVBoxLayout(dialog)
        outer.addWidget(splitter, 1)
        outer.addLayout(buttons)

    # --- filling ---------------------------------------------------------------------------------

    def fill_accounts(self, accounts: Sequence[MailAccount], chosen: int | None) -> None:
        self.accounts = {a.id: a for a in accounts}
        for account in accounts:
            text = account.email if account.smtp_host else fill(self.tr("%1 (not set up for sending)"), account.email)
            self.account_combo.addItem(text, account.id)
        ready = [a.id for a in accounts if a.smtp_host]
        wanted = chosen if chosen in self.accounts else (ready[0] if ready else None)
        if wanted is not None:
            self.account_combo.setCurrentIndex(self.account_combo.findData(wanted))

    def current_account(self) -> MailAccount | None:
        return self.accounts.get(self.account_combo.currentData())

    def fill_templates(self, chosen: str) -> None:
        self.template_combo.addItem(self.tr("No template: write it here"), "")
        for template in list_templates("en"):
            self.template_combo.addItem(template_label(template, self.tr), template.key)
        if chosen:
            self.template_combo.setCurrentIndex(max(0, self.template_combo.findData(chosen)))

    def show_recipients(self, recipients: Sequence[Recipient]) -> None:
        table = self.recipients_table
        row_before = max(0, self.current_row())
        table.setRowCount(len(recipients))
        for row, who in enumerate(recipients):
            name = f"{who.contact_name} <{who.email}>" if who.contact_name and who.email else \
                (who.email or fill(self.tr("%1 (no email address)"), who.contact_name or who.customer_name))
            cells = (name, who.customer_name, LANGUAGE_NAMES.get(who.language, who.language), "")
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                table.setItem(row, column, item)
        if recipients:
            table.selectRow(min(row_before, len(recipients) - 1))
        self.remove_button.setEnabled(bool(recipients))

    def show_times(self, texts: Sequence[str]) -> None:
        for row, text in enumerate(texts):
            item = self.recipients_table.item(row, WHEN)
            if item is not None:
                item.setText(text)
                item.setToolTip(text)

    def mark_recipients(self, fine: Sequence[bool]) -> None:
        red = QBrush(Qt.GlobalColor.red)
        for row, ok in enumerate(fine):
            item = self.recipients_table.item(row, RECIPIENT)
            if item is not None:
                item.setForeground(QBrush() if ok else red)

    def current_row(self) -> int:
        rows = self.recipients_table.selectionModel().selectedRows()
        return rows[0].row() if rows else -1

    def show_field_errors(self, subject: Sequence[str], body: Sequence[str]) -> None:
        for label, errors in ((self.subject_error, subject), (self.body_error, body)):
            shown = list(errors[:3]) + ([fill(self.tr("… and %1 more"), len(errors) - 3)] if len(errors) > 3 else [])
            label.setText("\n".join(shown))
            label.setVisible(bool(errors))

    def show_preview(self, item: Preview | None) -> None:
        if item is None:
            self.preview_title.setText(self.tr("Choose a recipient to see their mail."))
            self.preview_subject.clear()
            self.preview_text.clear()
            return
        self.preview_title.setText(fill(self.tr("For %1"), item.recipient.label))
        if not item.ok:
            self.preview_subject.setText(item.error)
            self.preview_subject.setStyleSheet(ERROR_STYLE)
            self.preview_text.clear()
            return
        self.preview_subject.setStyleSheet("")
        self.preview_subject.setText(fill(self.tr("Subject: %1"), item.subject))
        if item.html:
            self.preview_text.setHtml(item.html)
        else:
            self.preview_text.setPlainText(item.text)

    def set_direction(self, rtl: bool) -> None:
        direction = Qt.LayoutDirection.RightToLeft if rtl else Qt.LayoutDirection.LeftToRight
        for widget in (self.subject_edit, self.body_edit):
            widget.setLayoutDirection(direction)
