"""Prepare greetings: the customers a holiday reminder lists, a text per customer, copy / mail / greeted.

The text comes from the template for the holiday and the customer's language, with the contact's name
filled in; it can be edited for one customer, or saved back as the template for that language. Ticking
"Greeted" logs a greeting on the customer's timeline; when all are ticked the reminder is done.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QLocale, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from trade_crm.domain.clock import Clock
from trade_crm.domain.errors import DomainError
from trade_crm.domain.greetings.prepare import (
    GreetingPlan,
    GreetingRecipient,
    greeting_plan,
    mailto_url,
    mark_greeted,
)
from trade_crm.domain.greetings.templates import LANGUAGE_NAMES, LANGUAGES
from trade_crm.domain.mail.merge import Holiday, MergeError, Recipient, sender_profile
from trade_crm.domain.mail.templates import (
    RTL_LANGUAGES,
    get_template,
    greeting_key,
    render_template,
    save_template,
)
from trade_crm.domain.world.countries import country_name
from trade_crm.ui.common.dates import qdate

COLUMNS = ("greeted", "customer", "contact", "language")
NAME_FIELD = "{contact.name|customer.name}"  # what the contact's name becomes in a text saved as the template


def _copy_to_clipboard(text: str) -> None:
    QGuiApplication.clipboard().setText(text)


class GreetingsDialog(QDialog):
    customer_greeted = Signal(int)  # a greeting was logged on this customer's timeline
    reminder_completed = Signal(int)  # every customer is greeted: the reminder is done

    def __init__(self, reminder_id: int, clock: Clock, parent: QWidget | None = None, *,
                 open_url: Callable[[QUrl], object] = QDesktopServices.openUrl,
                 copy_text: Callable[[str], None] = _copy_to_clipboard):
        super().__init__(parent)
        self._reminder_id, self._clock = reminder_id, clock
        self.open_url, self.copy_text = open_url, copy_text
        self._plan: GreetingPlan = greeting_plan(reminder_id)
        self._languages: dict[int, str] = {}
        self._sender = sender_profile()
        self.setWindowTitle(self.tr("Prepare greetings"))
        self.resize(980, 560)
        self.heading = QLabel()
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.heading.setFont(font)
        self.progress_label = QLabel()
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels([self.tr("Greeted"), self.tr("Customer"), self.tr("Contact"),
                                              self.tr("Language")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.language_combo = QComboBox()
        for code in LANGUAGES:
            self.language_combo.addItem(LANGUAGE_NAMES[code], code)
        self.to_label = QLabel()
        self.to_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.subject_edit = QLineEdit()
        self.body_edit = QPlainTextEdit()
        self.copy_button = QPushButton(self.tr("Copy text"))
        self.mail_button = QPushButton(self.tr("Open mail draft"))
        self.greeted_button = QPushButton(self.tr("Mark as greeted"))
        self.save_template_button = QPushButton(self.tr("Save as template"))
        self.save_template_button.setToolTip(self.tr(
            "Use this text for every customer greeted in this language; the contact's name becomes a merge field."))
        self.status_label = QLabel()
        self._build_layout()
        self.table.itemSelectionChanged.connect(self.on_table_selection_changed)
        self.table.itemChanged.connect(self.on_table_item_changed)
        self.language_combo.currentIndexChanged.connect(self.on_language_combo_changed)
        self.copy_button.clicked.connect(self.on_copy_button_clicked)
        self.mail_button.clicked.connect(self.on_mail_button_clicked)
        self.greeted_button.clicked.connect(self.on_greeted_button_clicked)
        self.save_template_button.clicked.connect(self.on_save_template_button_clicked)
        self._fill()

    def _build_layout(self) -> None:
        form = QFormLayout()
        form.addRow(self.tr("To"), self.to_label)
        form.addRow(self.tr("Language"), self.language_combo)
        form.addRow(self.tr("Subject"), self.subject_edit)
        buttons = QHBoxLayout()
        for button in (self.copy_button, self.mail_button, self.greeted_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.save_template_button)
        right = QWidget()
        column = QVBoxLayout(right)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(form)
        column.addWidget(self.body_edit, 1)
        column.addLayout(buttons)
        column.addWidget(self.status_label)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.table)
        splitter.addWidget(right)
        splitter.setSizes([430, 550])
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.progress_label)
        layout.addWidget(splitter, 1)
        layout.addWidget(close)

    # --- filling ---------------------------------------------------------------------------------

    def _fill(self) -> None:
        plan = self._plan
        where = country_name(plan.country) if plan.country else ""
        day = self.locale().toString(qdate(plan.on), QLocale.FormatType.LongFormat) if plan.on else ""
        self.heading.setText(" — ".join(filter(None, (plan.holiday, ", ".join(filter(None, (where, day)))))))
        self.table.blockSignals(True)
        self.table.setRowCount(len(plan.recipients))
        for row, person in enumerate(plan.recipients):
            tick = QTableWidgetItem()
            tick.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                          | (Qt.ItemFlag.NoItemFlags if person.greeted else Qt.ItemFlag.ItemIsUserCheckable))
            tick.setCheckState(Qt.CheckState.Checked if person.greeted else Qt.CheckState.Unchecked)
            tick.setData(Qt.ItemDataRole.UserRole, person.customer_id)
            self.table.setItem(row, 0, tick)
            self.table.setItem(row, 1, QTableWidgetItem(person.company))
            self.table.setItem(row, 2, QTableWidgetItem(person.contact_name or "—"))
            language = self._languages.get(person.customer_id, person.language)
            self.table.setItem(row, 3, QTableWidgetItem(LANGUAGE_NAMES.get(language, language)))
        self.table.blockSignals(False)
        self._update_progress()
        if plan.recipients and not self.table.selectedItems():
            self.table.selectRow(0)
        elif not plan.recipients:
            self._show_text(None)

    def _update_progress(self) -> None:
        total, done = len(self._plan.recipients), self._plan.greeted_count
        self.progress_label.setText(self.tr("%1 of %2 customers greeted").replace("%1", str(done))
                                    .replace("%2", str(total)))

    def current(self) -> GreetingRecipient | None:
        rows = self.table.selectionModel().selectedRows()
        return self._plan.recipients[rows[0].row()] if rows else None

    def language_of(self, person: GreetingRecipient) -> str:
        return self._languages.get(person.customer_id, person.language)

    def _show_text(self, person: GreetingRecipient | None) -> None:
        for widget in (self.copy_button, self.mail_button, self.greeted_button, self.save_template_button,
                       self.subject_edit, self.body_edit, self.language_combo):
            widget.setEnabled(person is not None)
        if person is None:
            self.to_label.clear()
            self.subject_edit.clear()
            self.body_edit.clear()
            return
        language = self.language_of(person)
        self.language_combo.blockSignals(True)
        self.language_combo.setCurrentIndex(max(0, self.language_combo.findData(language)))
        self.language_combo.blockSignals(False)
        subject, body = self._text(person, language)
        direction = Qt.LayoutDirection.RightToLeft if language in RTL_LANGUAGES else Qt.LayoutDirection.LeftToRight
        self.subject_edit.setLayoutDirection(direction)
        self.body_edit.setLayoutDirection(direction)
        option = self.body_edit.document().defaultTextOption()
        option.setTextDirection(direction)
        option.setAlignment((Qt.AlignmentFlag.AlignRight if language in RTL_LANGUAGES else Qt.AlignmentFlag.AlignLeft)
                            | Qt.AlignmentFlag.AlignAbsolute)
        self.body_edit.document().setDefaultTextOption(option)
        self.subject_edit.setText(subject)
        self.body_edit.setPlainText(body)
        who = person.contact_name or person.company
        self.to_label.setText(f"{who} <{person.email}>" if person.email else
                              self.tr("%1 (no email address)").replace("%1", who))
        self.mail_button.setEnabled(bool(person.email))
        self.greeted_button.setEnabled(not person.greeted)

    # --- slots -----------------------------------------------------------------------------------

    def on_table_selection_changed(self) -> None:
        self._show_text(self.current())

    def on_language_combo_changed(self, _index: int) -> None:
        person = self.current()
        if person is not None:
            self._languages[person.customer_id] = self.language_combo.currentData()
            self.table.item(self.table.currentRow(), 3).setText(self.language_combo.currentText())
            self._show_text(person)

    def on_copy_button_clicked(self) -> None:
        self.copy_text(self.body_edit.toPlainText())
        self.status_label.setText(self.tr("Text copied."))

    def on_mail_button_clicked(self) -> None:
        person = self.current()
        if person is not None and person.email:
            self.open_url(QUrl.fromEncoded(mailto_url(person.email, self.subject_edit.text(),
                                                      self.body_edit.toPlainText()).encode("ascii")))
            self.status_label.setText(self.tr("Mail draft opened."))

    def on_greeted_button_clicked(self) -> None:
        person = self.current()
        if person is not None:
            self.greet(person.customer_id)

    def on_table_item_changed(self, item: QTableWidgetItem) -> None:
        if item.column() == 0 and item.checkState() == Qt.CheckState.Checked:
            self.greet(item.data(Qt.ItemDataRole.UserRole))

    def greet(self, customer_id: int) -> None:
        person = next((p for p in self._plan.recipients if p.customer_id == customer_id), None)
        if person is None or person.greeted:
            return
        row = self.table.currentRow()
        try:
            finished = mark_greeted(self._reminder_id, customer_id, self._clock, contact_id=person.contact_id)
        except DomainError as exc:
            self.status_label.setText(str(exc))
            return
        self._plan = greeting_plan(self._reminder_id)
        self._fill()
        if row >= 0:
            self.table.selectRow(row)
        self.status_label.setText(self.tr("Greeting logged on %1's timeline.").replace("%1", person.company))
        self.customer_greeted.emit(customer_id)
        if finished:
            self.status_label.setText(self.tr("Everyone is greeted: the reminder is done."))
            self.reminder_completed.emit(self._reminder_id)

    def _text(self, person: GreetingRecipient, language: str) -> tuple[str, str]:
        """The greeting mail template filled in for this person, else the template as written and why not."""
        plan = self._plan
        recipient = Recipient(person.customer_id, person.company, person.country, "", language, person.contact_id,
                              person.contact_name, "", person.email)
        try:
            mail = render_template(greeting_key(plan.greeting_id), recipient, self._sender,
                                   holiday=Holiday(plan.holiday, plan.on, plan.country), language=language)
        except MergeError as exc:
            self.status_label.setText(str(exc))
            tpl = get_template(greeting_key(plan.greeting_id), language)
            return tpl.subject, tpl.text
        return mail.subject, mail.text

    def on_save_template_button_clicked(self) -> None:
        person = self.current()
        if person is None:
            return
        subject, body = self.subject_edit.text(), self.body_edit.toPlainText()
        signature = self._sender.signature.strip()
        if signature and signature in body:
            body = body.replace(signature, "{my.signature}")
        name = person.contact_name or person.company
        if name:
            subject, body = subject.replace(name, NAME_FIELD), body.replace(name, NAME_FIELD)
        try:
            save_template(greeting_key(self._plan.greeting_id), self.language_of(person), subject=subject, text=body)
        except DomainError as exc:
            self.status_label.setText(str(exc))
            return
        self.status_label.setText(self.tr("Template saved for %1.").replace(
            "%1", LANGUAGE_NAMES.get(self.language_of(person), "")))
