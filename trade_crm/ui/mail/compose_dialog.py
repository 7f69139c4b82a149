"""Write email: from a customer, a contact, a reminder or a list selection, one message per recipient.

The subject and text may hold merge fields ({contact.first_name}, {customer.name} …); a template fills them
in each recipient's language (the customer's preferred one) until the text is edited, then the edited text
goes to everyone. The preview shows the selected recipient's mail as it will go out; a recipient missing a
value is named next to the field, and Send stays off until every message can be filled in — never "Dear ,".
Send queues the messages in the outbox (domain/mail/outbox.queue_drafts, one transaction): now, or each at
the recipient's local morning (the plan's time shown in their zone and the user's).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QDialog, QWidget

from trade_crm.domain.clock import Clock
from trade_crm.domain.errors import DomainError, ValidationError
from trade_crm.domain.greetings.templates import LANGUAGE_NAMES
from trade_crm.domain.mail.accounts import list_accounts
from trade_crm.domain.mail.merge import Holiday, Preview, Recipient, fields_in, preview, sender_profile
from trade_crm.domain.mail.outbox import queue_drafts
from trade_crm.domain.mail.templates import get_template, preview_template
from trade_crm.ui.common.i18n import fill
from trade_crm.ui.mail.compose_drafts import (
    ContactEmail,
    build_drafts,
    parse_addresses,
    recipients_for,
    simple_html,
)
from trade_crm.ui.mail.compose_form import ComposeForm, template_label
from trade_crm.ui.mail.compose_plan import MORNING, NOW, plan_times
from trade_crm.ui.mail.compose_recipients import AddressCompleter, RecipientPickerDialog
from trade_crm.ui.mail.outbox_text import when_text, zone_of

PREVIEW_DELAY_MS = 150


class ComposeDialog(QDialog):
    queued = Signal(list)  # the outbox entries' ids

    def __init__(self, clock: Clock, recipients: Sequence[Recipient], parent: QWidget | None = None, *,
                 choices: Sequence[ContactEmail] = (), template_key: str = "", holiday: Holiday | None = None,
                 purpose: str = "manual", greeting_id: str = "", extra: Mapping[str, str] | None = None,
                 account_id: int | None = None, queue: Callable = queue_drafts):
        super().__init__(parent)
        self._clock, self._holiday, self._purpose, self._queue = clock, holiday, purpose, queue
        self._greeting_id, self._extra = greeting_id, extra
        self.recipients: list[Recipient] = list(recipients)
        self.choices = list(choices)
        self.previews: list[Preview] = []
        self.send_times: dict = {}
        self.edited = False  # the template's text was changed by hand: the edited text goes to everyone
        self._filling = False
        self.setWindowTitle(self.tr("Write email"))
        self.form = ComposeForm(self)
        self.form.fill_accounts(list_accounts(), account_id)
        self.form.fill_templates(template_key)
        emails = [c.email for c in self.choices]
        self.completers = [AddressCompleter(self.form.cc_edit, emails), AddressCompleter(self.form.bcc_edit, emails)]
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(PREVIEW_DELAY_MS)
        self.timer.timeout.connect(self.refresh_previews)
        f = self.form
        f.to_button.clicked.connect(self.on_to_button_clicked)
        f.remove_button.clicked.connect(self.on_remove_button_clicked)
        f.recipients_table.itemSelectionChanged.connect(self.show_preview)
        f.template_combo.currentIndexChanged.connect(self.on_template_combo_current_index_changed)
        f.language_combo.currentIndexChanged.connect(self.on_template_combo_current_index_changed)
        f.subject_edit.textEdited.connect(self.on_text_edited)
        f.body_edit.textChanged.connect(self.on_text_edited)
        f.html_check.toggled.connect(self.timer.start)
        f.account_combo.currentIndexChanged.connect(self.timer.start)
        f.when_combo.currentIndexChanged.connect(self.refresh_times)
        f.files.problem.connect(f.status_label.setText)
        f.send_button.clicked.connect(self.send)
        f.cancel_button.clicked.connect(self.reject)
        self.resize(1200, 740)
        self.on_template_combo_current_index_changed()
        self.fill_recipients()

    # --- recipients -------------------------------------------------------------------------------

    def fill_recipients(self) -> None:
        self.form.show_recipients(self.recipients)
        self.refresh_times()

    def on_to_button_clicked(self) -> RecipientPickerDialog:
        picker = RecipientPickerDialog(self.choices, {r.email for r in self.recipients}, self)
        picker.accepted.connect(lambda: self.set_picked(picker.picked()))
        picker.open()
        return picker

    def set_picked(self, picked: Sequence[ContactEmail]) -> None:
        self.recipients = recipients_for(picked)
        self.fill_recipients()

    def on_remove_button_clicked(self) -> None:
        rows = sorted({i.row() for i in self.form.recipients_table.selectedIndexes()}, reverse=True)
        for row in rows:
            del self.recipients[row]
        self.fill_recipients()

    # --- template and text ------------------------------------------------------------------------

    def template_key(self) -> str:
        return self.form.template_combo.currentData() or ""

    def language(self) -> str:
        return self.form.language_combo.currentData() or ""

    def on_template_combo_current_index_changed(self, *_args) -> None:
        """A template (or language) picked: its text in the editor, as the selected recipient will read it."""
        self.edited = False
        self.show_template_text()
        self.timer.start()

    def show_template_text(self) -> None:
        key = self.template_key()
        if not key or self.edited:
            return
        current = self.current_recipient()
        template = get_template(key, self.language() or (current.language if current else "en"))
        self._filling = True
        self.form.subject_edit.setText(template.subject)
        self.form.body_edit.setPlainText(template.text)
        self._filling = False
        self.form.set_direction(template.rtl)
        self.form.template_note.setText(fill(self.tr("%1 version; each recipient gets their own language's."),
                                             LANGUAGE_NAMES.get(template.language, template.language))
                                        if not self.language() else "")

    def on_text_edited(self, *_args) -> None:
        if self._filling:
            return
        if self.template_key() and not self.edited:
            self.edited = True
            self.form.template_note.setText(self.tr("Edited: this text goes to every recipient."))
        self.timer.start()

    # --- preview ----------------------------------------------------------------------------------

    def account_id(self) -> int | None:
        return self.form.account_combo.currentData()

    def refresh_previews(self) -> list[Preview]:
        sender = sender_profile(self.account_id())
        subject, text = self.form.subject_edit.text(), self.form.body_edit.toPlainText()
        key = self.template_key()
        if key and not self.edited:
            self.previews = preview_template(key, self.recipients, sender, holiday=self._holiday,
                                             extra=self._extra, language=self.language())
        else:
            html = get_template(key, self.language() or "en").html if key and not self.edited else ""
            self.previews = preview(subject, text, html, self.recipients, sender, holiday=self._holiday,
                                    extra=self._extra)
        if self.form.html_check.isChecked():
            self.previews = [p if p.html or not p.ok else Preview(p.recipient, p.subject, p.text, simple_html(p.text))
                             for p in self.previews]
        self.show_errors(subject)
        self.show_preview()
        return self.previews

    def show_errors(self, subject: str) -> None:
        try:
            in_subject = set(fields_in(subject))
        except ValidationError:
            in_subject = set()
        subject_errors = [p.error for p in self.previews if not p.ok and p.error_field in in_subject]
        body_errors = [p.error for p in self.previews if not p.ok and p.error_field not in in_subject]
        no_address = [r.label for r in self.recipients if not r.email]
        if no_address:
            body_errors.append(fill(self.tr("No email address for %1."), ", ".join(no_address)))
        self.form.show_field_errors(subject_errors, body_errors)
        self.form.mark_recipients([p.ok and bool(p.recipient.email) for p in self.previews])
        self.update_send_button()

    def current_recipient(self) -> Recipient | None:
        row = self.form.current_row()
        return self.recipients[row] if 0 <= row < len(self.recipients) else None

    def show_preview(self) -> None:
        row = self.form.current_row()
        item = self.previews[row] if 0 <= row < len(self.previews) else None
        self.form.show_preview(item)
        if self.template_key() and not self.edited and not self.language():
            self.show_template_text()

    # --- when ------------------------------------------------------------------------------------

    def refresh_times(self, *_args) -> None:
        self.send_times = plan_times(self.recipients, self._clock, self.account_id(),
                                     self.form.when_combo.currentData() or NOW, greeting_id=self._greeting_id)
        locale = self.locale()
        texts = [when_text(self.send_times[i], zone_of(r.country), self._clock.zone, locale) if self.send_times.get(i)
                 else "—" if i in self.send_times else self.tr("now") for i, r in enumerate(self.recipients)]
        self.form.show_times(texts)
        self.timer.start()

    # --- sending ---------------------------------------------------------------------------------

    def problems(self) -> list[str]:
        """Why Send is off: no account, no recipient, or a message that cannot be filled in."""
        out = []
        account = self.form.current_account()
        if account is None:
            out.append(self.tr("Add a mail account first (Settings › Mail)."))
        elif not account.smtp_host:
            out.append(fill(self.tr("%1 is not set up for sending: give its SMTP server in Settings › Mail."),
                            account.email))
        if not self.recipients:
            out.append(self.tr("Choose at least one recipient (To…)."))
        if any(not p.ok for p in self.previews) or any(not r.email for r in self.recipients):
            out.append(self.tr("Some messages cannot be filled in: see the fields marked in red."))
        unplanned = [r.label for i, r in enumerate(self.recipients)
                     if self.form.when_combo.currentData() == MORNING and self.send_times.get(i, 0) is None]
        if unplanned:
            out.append(fill(self.tr("No free morning in the next weeks for %1: send now, or later by hand."),
                            ", ".join(unplanned)))
        return out

    def update_send_button(self) -> None:
        problems = self.problems()
        self.form.send_button.setEnabled(not problems)
        self.form.send_button.setText(self.tr("Send %n message(s)", "", len(self.recipients))
                                      if len(self.recipients) != 1 else self.tr("Send"))
        self.form.status_label.setText(problems[0] if problems else "")

    def send(self) -> list[int]:
        """Queue one message per recipient; the outbox sends them (now, or at their planned time)."""
        if self.timer.isActive():
            self.timer.stop()
            self.refresh_previews()
        problems = self.problems()
        if problems:
            self.form.status_label.setText(problems[0])
            return []
        key = self.template_key()
        try:
            drafts = build_drafts(
                self.account_id(), self.previews, cc=parse_addresses(self.form.cc_edit.text(), "cc"),
                bcc=parse_addresses(self.form.bcc_edit.text(), "bcc"), files=tuple(self.form.files.files),
                template=f"{key}/{self.language() or 'auto'}" if key else "", purpose=self._purpose,
                send_at=self.send_times)
            entries = self._queue(drafts, self._clock)
        except DomainError as exc:
            self.form.status_label.setText(getattr(exc, "message", "") or str(exc))
            return []
        ids = [e.id for e in entries]
        self.queued.emit(ids)
        self.accept()
        return ids

    def keyPressEvent(self, event) -> None:  # Enter in a line edit must not send the mail
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not event.modifiers():
            return
        super().keyPressEvent(event)


__all__ = ["ComposeDialog", "template_label"]
