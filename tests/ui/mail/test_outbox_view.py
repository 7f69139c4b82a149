"""The outbox view over a real book: rows queued from compose, their states in words and in both zones,
pause/resume, cancel, retry and edit on a multi-selection."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest
from PySide6.QtCore import Qt

from trade_crm.domain.customers.contacts import ContactInput
from trade_crm.domain.customers.records import create_customer
from trade_crm.domain.mail.accounts import add_account, update_account
from trade_crm.domain.mail.merge import load_recipients
from trade_crm.domain.mail.outbox import (
    claim_next,
    edit_entry,
    mark_failed,
    mark_sent,
    outbox_entries,
    outbox_entry,
    release,
)
from trade_crm.domain.mail.outgoing import OutboxState
from trade_crm.ui.mail.compose_dialog import ComposeDialog
from trade_crm.ui.mail.outbox_view import ATTEMPTS, CUSTOMER, RECIPIENT, STATE, SUBJECT, OutboxDialog


@pytest.fixture
def queued(qtbot, db, clock):
    """Three messages queued through the compose dialog: ACME (DE), Gulf Trading (AE), Nordic Lights (SE)."""
    account = add_account("sales@sunrise-lighting.cn", host="imap.sunrise-lighting.cn", clock=clock)
    update_account(account.id, smtp_host="smtp.sunrise-lighting.cn")
    ids = [create_customer(clock, name=name, country=country, contacts=[ContactInput(name=person, emails=(email,))])
           for name, country, person, email in (("ACME GmbH", "DE", "Anna Schmidt", "anna@acme.de"),
                                                ("Gulf Trading LLC", "AE", "Ali Hassan", "ali@gulf-trading.ae"),
                                                ("Nordic Lights AB", "SE", "Sven Berg", "sven@nordic-lights.se"))]
    dialog = ComposeDialog(clock, load_recipients(ids))
    qtbot.addWidget(dialog)
    dialog.form.subject_edit.setText("Price list 2027")
    dialog.form.body_edit.setPlainText("Dear {contact.first_name},\n\nOur 2027 prices are attached.")
    return dialog.send()


def fail(entry_id: int, clock, reason: str) -> None:
    """What the sending engine does to a message the server refused (its own moves are tested with it)."""
    claimed = claim_next(outbox_entry(entry_id).account_id, clock)
    mark_failed(entry_id, clock, reason)
    if claimed is not None and claimed.id != entry_id:
        release(claimed.id, clock)


def open_outbox(qtbot, clock) -> OutboxDialog:
    dialog = OutboxDialog(clock)
    qtbot.addWidget(dialog)
    return dialog


def cells(dialog: OutboxDialog, column: int) -> list[str]:
    return [dialog.table.item(row, column).text() for row in range(dialog.table.rowCount())]


def test_messages_queued_from_compose_are_rows_of_the_outbox(qtbot, clock, queued):
    dialog = open_outbox(qtbot, clock)
    assert cells(dialog, RECIPIENT) == ["Anna Schmidt <anna@acme.de>", "Ali Hassan <ali@gulf-trading.ae>",
                                        "Sven Berg <sven@nordic-lights.se>"]
    assert cells(dialog, CUSTOMER) == ["ACME GmbH", "Gulf Trading LLC", "Nordic Lights AB"]
    assert cells(dialog, SUBJECT) == ["Price list 2027"] * 3
    assert cells(dialog, STATE) == ["queued: goes out next"] * 3
    assert cells(dialog, ATTEMPTS) == ["0"] * 3
    assert dialog.summary_label.text() == "3 waiting"


def test_states_read_in_words_a_schedule_in_their_zone_and_ours_and_a_failure_with_its_reason(
        qtbot, clock, queued):
    tuesday = datetime(2026, 11, 24, 5, 20, tzinfo=timezone.utc)  # 09:20 in Dubai, 13:20 in Shanghai
    edit_entry(queued[1], clock, send_at=tuesday)
    fail(queued[2], clock, "550 mailbox unavailable")
    dialog = open_outbox(qtbot, clock)
    states = cells(dialog, STATE)
    assert states[1] == "scheduled for Tue 09:20 (Dubai), 13:20 here"
    assert states[2] == "failed: 550 mailbox unavailable"
    assert dialog.table.item(2, STATE).foreground().color() == Qt.GlobalColor.red
    assert dialog.summary_label.text() == "2 waiting · 1 failed"
    dialog.show_combo.setCurrentIndex(dialog.show_combo.findData("failed"))
    assert cells(dialog, CUSTOMER) == ["Nordic Lights AB"]


def test_pause_and_resume_a_multi_selection(qtbot, clock, queued):
    dialog = open_outbox(qtbot, clock)
    dialog.select_ids(queued[:2])
    assert dialog.pause_button.isEnabled() and not dialog.resume_button.isEnabled()
    with qtbot.waitSignal(dialog.outbox_changed):
        qtbot.mouseClick(dialog.pause_button, Qt.MouseButton.LeftButton)
    assert [e.state for e in outbox_entries()] == [OutboxState.PAUSED, OutboxState.PAUSED, OutboxState.QUEUED]
    assert cells(dialog, STATE)[:2] == ["paused", "paused"]
    assert dialog.selected_ids() == queued[:2] and dialog.resume_button.isEnabled()
    qtbot.mouseClick(dialog.resume_button, Qt.MouseButton.LeftButton)
    assert [e.state for e in outbox_entries()] == [OutboxState.QUEUED] * 3
    assert dialog.status_label.text() == "2 message(s) back in the queue."  # "messages" with the English .qm


def test_cancel_takes_the_rows_off_the_waiting_list_and_a_sent_one_stays_sent(qtbot, clock, queued):
    mark_sent(queued[0], clock, interaction_id=None)
    dialog = open_outbox(qtbot, clock)
    dialog.show_combo.setCurrentIndex(dialog.show_combo.findData("all"))
    dialog.select_ids(queued)
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    assert [e.state for e in outbox_entries()] == [OutboxState.SENT, OutboxState.CANCELLED, OutboxState.CANCELLED]
    dialog.show_combo.setCurrentIndex(dialog.show_combo.findData("waiting"))
    assert dialog.table.rowCount() == 0 and not dialog.empty_label.isHidden()


def test_retry_puts_a_failed_message_back_and_asks_for_a_run(qtbot, clock, queued):
    fail(queued[2], clock, "550 mailbox unavailable")
    dialog = open_outbox(qtbot, clock)
    dialog.select_ids([queued[2]])
    assert dialog.retry_button.isEnabled() and not dialog.pause_button.isEnabled()
    with qtbot.waitSignal(dialog.send_requested):
        qtbot.mouseClick(dialog.retry_button, Qt.MouseButton.LeftButton)
    entry = outbox_entry(queued[2])
    assert (entry.state, entry.attempts, entry.last_error) == (OutboxState.QUEUED, 0, "")


def test_edit_changes_subject_text_and_time_of_a_waiting_message(qtbot, clock, queued):
    dialog = open_outbox(qtbot, clock)
    dialog.select_ids([queued[1]])
    editor = dialog.on_edit_button_clicked()
    editor.subject_edit.setText("Price list 2027 (corrected)")
    editor.text_edit.setPlainText("Dear Ali,\n\nThe corrected prices are attached.")
    editor.asap_check.setChecked(False)
    later = clock.now() + timedelta(days=1)
    editor.time_edit.setDateTime(editor.time_edit.dateTime().addDays(1))
    assert "(Dubai)" in editor.their_time.text()
    with qtbot.waitSignal(dialog.outbox_changed):
        editor.accept()
    entry = outbox_entry(queued[1])
    assert entry.subject == "Price list 2027 (corrected)"
    assert entry.text.startswith("Dear Ali,\n\nThe corrected")
    assert abs((entry.send_at - later).total_seconds()) < 60
    assert cells(dialog, SUBJECT)[1] == "Price list 2027 (corrected)"


def test_a_sent_message_cannot_be_edited(qtbot, clock, queued):
    mark_sent(queued[0], clock, interaction_id=None)
    dialog = open_outbox(qtbot, clock)
    dialog.show_combo.setCurrentIndex(dialog.show_combo.findData("all"))
    dialog.select_ids([queued[0]])
    assert not dialog.edit_button.isEnabled() and not dialog.cancel_button.isEnabled()
    assert dialog.on_edit_button_clicked() is None
