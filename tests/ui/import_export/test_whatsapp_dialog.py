"""File › Import WhatsApp chat: the dialog shows the chat and its customer, imports it, and the timeline
shows each day folding out into its messages."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from tests.chats_corpus import Message, conversation, render, write_txt, write_zip
from trade_crm.domain.attachments.records import attachments_of
from trade_crm.domain.customers.contacts import ContactInput
from trade_crm.domain.customers.records import create_customer
from trade_crm.exchange.importing.history import history
from trade_crm.ui.customers.timeline_view import TimelineView
from trade_crm.ui.import_export.whatsapp_dialog import WhatsAppImportDialog

START = datetime(2026, 3, 20, 9, 5)


@pytest.fixture
def ahmed(db, clock) -> int:
    return create_customer(clock, name="Gulf Lighting LLC", country="AE",
                           contacts=[ContactInput(name="Ahmed Khan", whatsapp="+971 50 123 4567", is_primary=True)])


def _dialog(qtbot, clock, path, root):
    dialog = WhatsAppImportDialog(clock, path, root)
    qtbot.addWidget(dialog)
    _wait(qtbot, dialog.start())
    return dialog


def _wait(qtbot, job) -> None:
    """Until the job's last signal was handled (`is_running` goes false after `done`, on the GUI thread)."""
    qtbot.waitUntil(lambda: not job.is_running, timeout=10_000)


def test_the_dialog_shows_the_chat_and_its_customer_and_imports_it_with_its_media(qtbot, clock, tmp_path, ahmed):
    messages = conversation(START, 3) + [Message(START + timedelta(days=2, hours=5), "Li Wei", "PI",
                                                file="00000009-PI.pdf")]
    path = write_zip(tmp_path / "WhatsApp Chat - +971 50 123 4567.zip", render("ios", messages),
                     {"00000003-PHOTO-carton.jpg": b"jpeg"})
    dialog = _dialog(qtbot, clock, path, tmp_path / "attachments")
    assert dialog.participants_label.text() == "Ahmed Khan, Li Wei"
    assert dialog.dates_label.text().startswith("13 messages, ")
    assert dialog.days_label.text() == "3 new · 0 with new messages · 0 already there"
    assert dialog.media_label.text() == "1 found · 1 missing" and dialog.media_label.toolTip() == "00000009-PI.pdf"
    assert dialog.customer_combo.currentData() == ahmed
    assert dialog.match_label.text() == "Matched by the number +971501234567 (Ahmed Khan)."
    assert dialog.preview.topLevelItemCount() == 3 and dialog.preview.topLevelItem(0).childCount() == 5
    assert "• Not in the zip, not attached: 00000009-PI.pdf." in dialog.notes_label.text().split("\n")
    assert dialog.import_button.isEnabled()
    with qtbot.waitSignal(dialog.import_committed, timeout=10_000) as committed:
        dialog.import_button.click()
    assert committed.args == [ahmed]
    assert dialog.status_label.text() == ("Imported: 3 new days, 0 days with new messages, 13 messages, "
                                          "1 media attached. Not in the export: 00000009-PI.pdf.")
    assert not dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel).isVisible()
    assert history()[0].source == "whatsapp"
    assert [a.name for a in attachments_of(ahmed)] == ["00000003-PHOTO-carton.jpg"]


def test_a_chat_nobody_matches_waits_for_a_customer_to_be_chosen(qtbot, clock, tmp_path, ahmed):
    path = write_txt(tmp_path / "WhatsApp Chat with +1 415 555 0134.txt", render("android_dmy", conversation(START, 2)))
    dialog = _dialog(qtbot, clock, path, tmp_path / "attachments")
    assert not dialog.import_button.isEnabled()
    assert dialog.customer_combo.currentData() is None
    assert dialog.match_label.text().startswith("No customer in the book has this chat's number or name")
    dialog.search_edit.setText("Gulf")
    dialog.on_search_edit_return_pressed()
    assert dialog.customer_combo.itemData(1) == ahmed
    _wait(qtbot, dialog.choose_customer(ahmed))
    assert dialog.match_label.text() == "Chosen by you." and dialog.import_button.isEnabled()


def test_a_file_that_is_not_a_chat_says_why_in_one_line(qtbot, clock, tmp_path, db):
    dialog = _dialog(qtbot, clock, write_txt(tmp_path / "notes.txt", "Shopping list\n"), tmp_path)
    assert dialog.status_label.text().startswith("notes.txt, row 1: no line starts with a WhatsApp date and time")
    assert not dialog.import_button.isEnabled()


def test_the_timeline_folds_a_whatsapp_day_out_into_its_messages(qtbot, clock, tmp_path, ahmed):
    path = write_txt(tmp_path / "WhatsApp Chat with +971 50 123 4567.txt", render("android_dmy", conversation(START, 2)))
    dialog = _dialog(qtbot, clock, path, tmp_path)
    with qtbot.waitSignal(dialog.import_committed, timeout=10_000):
        dialog.import_button.click()
    view = TimelineView(clock, open_url=lambda url: None)
    qtbot.addWidget(view)
    view.show_customer(ahmed)
    tree = view.entries
    days = [tree.topLevelItem(i) for i in range(tree.topLevelItemCount())
            if tree.topLevelItem(i).data(0, Qt.ItemDataRole.UserRole) == "whatsapp"]
    assert len(days) == 2
    first = days[-1]
    rows = [[first.child(i).text(c) for c in (0, 1, 2, 4)] for i in range(first.childCount())]
    assert rows == [["09:05", "Ahmed Khan", "Message 0.0 about LED panels", ""],
                    ["09:42", "Li Wei", "Here is the carton", "00000003-PHOTO-carton.jpg"],
                    ["10:19", "Ahmed Khan", "Price for 2000 pcs? …", ""],
                    ["10:56", "Li Wei", "Message 0.3 about LED panels", ""]]
    assert first.child(2).toolTip(2) == "Price for 2000 pcs?\nDelivery to Jebel Ali\nPayment 30% T/T"


def test_the_dialog_speaks_chinese_notes_included(qtbot, clock, tmp_path, ahmed, chinese):
    text = "5/6/25, 10:00 - Ahmed Khan: one\n5/6/25, 11:00 - Li Wei: two\n"
    dialog = _dialog(qtbot, clock, write_txt(tmp_path / "WhatsApp Chat with +971 50 123 4567.txt", text), tmp_path)
    assert dialog.days_label.text() == "新增 1 天 · 0 天有新消息 · 0 天已存在"
    assert dialog.notes_label.text().startswith("• 日期按你的日期顺序（")
    assert dialog.match_label.text() == "按号码 +971501234567 匹配（Ahmed Khan）。"
