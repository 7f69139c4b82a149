"""Send WhatsApp message…: the template filled in for the contact, editable, opened through its wa.me link (the
opener captured here), a merge error shown with Open disabled, and "I sent it" logging one entry."""

from __future__ import annotations

from urllib.parse import unquote

import pytest
from PySide6.QtCore import Qt

from trade_crm.domain.customers.contacts import ContactInput
from trade_crm.domain.customers.records import create_customer
from trade_crm.domain.customers.timeline import timeline
from trade_crm.domain.mail.merge import MY_SIGNATURE
from trade_crm.store.models import Contact
from trade_crm.ui.customers.timeline_view import TimelineView
from trade_crm.ui.customers.whatsapp_message_dialog import WhatsAppMessageDialog


@pytest.fixture
def customer(db, clock):
    MY_SIGNATURE.write("Li Wei")
    return create_customer(clock, name="Al Noor Trading LLC", country="AE", preferred_language="en", contacts=(
        ContactInput(name="Ahmed Al Mansouri", whatsapp="+971 50 123 4567", is_primary=True),
        ContactInput(name="Sara", phones=("+971 55 765 4321",)),
        ContactInput(name="Accounts", emails=("accounts@alnoor.example",)),))


def _dialog(qtbot, customer, clock, **kwargs):
    urls = []
    dialog = WhatsAppMessageDialog(customer, clock, open_url=urls.append, **kwargs)
    dialog.opened_urls = urls
    qtbot.addWidget(dialog)
    return dialog


def _pick(combo, data) -> None:
    combo.setCurrentIndex(combo.findData(data))


def test_a_missing_holiday_is_shown_and_open_stays_disabled_until_it_is_filled_in(qtbot, customer, clock):
    dialog = _dialog(qtbot, customer, clock)
    assert dialog.template_combo.currentData() == "greeting.default"
    assert dialog.contact_combo.count() == 2  # Accounts has no number
    assert not dialog.error_label.isHidden() and "holiday.name" in dialog.error_label.text()
    assert "Ahmed Al Mansouri" in dialog.error_label.text()
    assert dialog.text_edit.toPlainText() == "" and not dialog.open_button.isEnabled()
    assert dialog.form.isRowVisible(dialog.occasion_edits["holiday.name"])
    assert not dialog.form.isRowVisible(dialog.occasion_edits["fair.name"])
    qtbot.keyClicks(dialog.occasion_edits["holiday.name"], "Eid al-Fitr")
    assert dialog.error_label.isHidden()
    assert dialog.text_edit.toPlainText().startswith("Dear Ahmed Al Mansouri,\n\nHappy Eid al-Fitr!")
    assert dialog.open_button.isEnabled() and not dialog.sent_button.isEnabled()


def test_open_sends_the_edited_text_through_wa_me_and_i_sent_it_logs_one_greeting(qtbot, customer, clock):
    dialog = _dialog(qtbot, customer, clock, template_key="greeting.new_year")
    dialog.text_edit.setPlainText("Happy New Year, Ahmed! 新年快乐")
    qtbot.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)
    assert len(dialog.opened_urls) == 1
    url = dialog.opened_urls[0].toString(dialog.opened_urls[0].ComponentFormattingOption.FullyEncoded)
    assert url.startswith("https://wa.me/971501234567?text=")
    assert unquote(url.split("text=", 1)[1]) == "Happy New Year, Ahmed! 新年快乐"
    assert dialog.sent_button.isEnabled()
    with qtbot.waitSignal(dialog.message_logged) as logged:
        qtbot.mouseClick(dialog.sent_button, Qt.MouseButton.LeftButton)
    assert logged.args == [customer]
    entries = [e for e in timeline(customer) if e.kind in ("greeting", "whatsapp")]
    assert len(entries) == 1
    assert entries[0].kind == "greeting" and entries[0].body == "Happy New Year, Ahmed! 新年快乐"
    assert entries[0].summary == "Greeting sent on WhatsApp to +971 50 123 4567"
    assert entries[0].contact_name == "Ahmed Al Mansouri"


def test_another_contact_and_template_fill_in_again_and_a_plain_message_logs_as_whatsapp(qtbot, customer, clock):
    dialog = _dialog(qtbot, customer, clock)
    sara = Contact.get(Contact.name == "Sara").id
    _pick(dialog.contact_combo, sara)
    _pick(dialog.template_combo, "thank_you_fair")
    assert "fair.name" in dialog.error_label.text()
    qtbot.keyClicks(dialog.occasion_edits["fair.name"], "Canton Fair")
    assert "visiting our booth at Canton Fair" in dialog.text_edit.toPlainText()
    assert dialog.text_edit.toPlainText().startswith("Dear Sara,")
    qtbot.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)
    assert dialog.opened_urls[0].toString().startswith("https://wa.me/971557654321?text=")
    dialog.text_edit.setPlainText(dialog.text_edit.toPlainText() + "\nSee you!")
    assert not dialog.sent_button.isEnabled()  # a changed text is opened again before it counts as sent
    qtbot.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.sent_button, Qt.MouseButton.LeftButton)
    entries = [e for e in timeline(customer) if e.kind in ("greeting", "whatsapp")]
    assert [(e.kind, e.contact_name) for e in entries] == [("whatsapp", "Sara")]
    assert entries[0].body.endswith("See you!")


def test_arabic_text_is_written_right_to_left(qtbot, customer, clock):
    dialog = _dialog(qtbot, customer, clock, template_key="greeting.eid_al_fitr")
    _pick(dialog.language_combo, "ar")
    assert dialog.text_edit.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert dialog.text_edit.document().defaultTextOption().textDirection() == Qt.LayoutDirection.RightToLeft
    assert any("\u0600" <= ch <= "\u06ff" for ch in dialog.text_edit.toPlainText())


def test_message_beside_a_number_on_the_header_card_opens_the_dialog_and_the_timeline_shows_the_entry(
        qtbot, customer, clock):
    urls = []
    view = TimelineView(clock, open_url=urls.append)
    qtbot.addWidget(view)
    view.show_customer(customer)
    text = view.header_card.contacts_label.text()
    sara = Contact.get(Contact.name == "Sara").id
    accounts = Contact.get(Contact.name == "Accounts").id
    assert f'href="trade-crm:whatsapp-message/{sara}"' in text
    assert f"whatsapp-message/{accounts}" not in text  # no number, no message link
    with qtbot.waitSignal(view.interaction_logged):
        view.header_card.contacts_label.linkActivated.emit(f"trade-crm:whatsapp-message/{sara}")
        dialog = view.whatsapp_dialog
        assert dialog is not None and dialog.contact_combo.currentData() == sara
        _pick(dialog.template_combo, "greeting.new_year")
        qtbot.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)
        qtbot.mouseClick(dialog.sent_button, Qt.MouseButton.LeftButton)
    assert urls and urls[0].toString().startswith("https://wa.me/971557654321")
    tree = view.entries
    shown = [tree.topLevelItem(i).text(c) for i in range(tree.topLevelItemCount()) for c in range(tree.columnCount())]
    assert any("Greeting sent on WhatsApp to +971 55 765 4321" in cell for cell in shown)  # the view was refreshed
    assert len([e for e in timeline(customer) if e.kind == "greeting"]) == 1


def test_a_customer_with_no_number_says_so(qtbot, db, clock):
    nobody = create_customer(clock, name="No Phone GmbH", contacts=(ContactInput(name="Anna"),))
    dialog = _dialog(qtbot, nobody, clock)
    assert "WhatsApp or phone number" in dialog.error_label.text()
    assert not dialog.open_button.isEnabled()


def test_the_dialog_speaks_chinese(qtbot, chinese, customer, clock):
    dialog = _dialog(qtbot, customer, clock)
    assert dialog.windowTitle() == "发送 WhatsApp 消息"
    assert (dialog.open_button.text(), dialog.sent_button.text()) == ("打开 WhatsApp", "我已发送")
    assert dialog.template_combo.currentText() == "节日问候（任意节日）"
    assert dialog.error_label.text() == "Ahmed Al Mansouri (Al Noor Trading LLC)：{holiday.name} 没有值。请在上方填写，或选择其他模板。"
    captions = [dialog.form.itemAt(row, dialog.form.ItemRole.LabelRole).widget().text()
                for row in range(dialog.form.rowCount())]
    assert captions == ["收件人", "模板", "语言", "节日", "展会", "关于", "日期"]
    view = TimelineView(clock)
    qtbot.addWidget(view)
    view.show_customer(customer)
    assert ">发消息…</a>" in view.header_card.contacts_label.text()
