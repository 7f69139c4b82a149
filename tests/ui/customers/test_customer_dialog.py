from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from trade_crm.domain.customers.contacts import ContactInput
from trade_crm.domain.customers.query import CustomerFilter, matching_ids
from trade_crm.domain.customers.records import create_customer, customer_count, get_customer
from trade_crm.ui.customers.customer_dialog import CustomerDialog

# The offscreen platform says this whenever a shown top-level window has a layout; it is not a fault.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.fixture
def make_dialog(qtbot, clock):
    def make(customer_id=None):
        dialog = CustomerDialog(clock, customer_id)
        qtbot.addWidget(dialog)
        dialog.show()
        return dialog
    return make


def _ok(dialog, qtbot):
    box = dialog.findChild(QDialogButtonBox)
    qtbot.mouseClick(box.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)


def _add_contact(editor, qtbot, **fields):
    qtbot.mouseClick(editor.add_button, Qt.MouseButton.LeftButton)
    contact_dialog = editor.contact_dialog
    assert contact_dialog is not None and contact_dialog.isVisible()
    for name, text in fields.items():
        getattr(contact_dialog, f"{name}_edit").setText(text)
    _ok(contact_dialog, qtbot)
    return contact_dialog


def test_a_bad_email_shows_the_error_next_to_the_field_and_saves_nothing(make_dialog, qtbot, db):
    dialog = make_dialog()
    dialog.edits["name"].setText("Hamburg Tools GmbH")
    contact_dialog = _add_contact(dialog.contacts_editor, qtbot, name="Anna", emails="anna@hamburg")
    assert contact_dialog.isVisible()  # stays open while the email is invalid
    error = contact_dialog.errors["email"]
    assert error.isVisible() and "anna@hamburg" in error.text()
    assert dialog.contacts_editor.contacts() == []
    contact_dialog.reject()
    assert customer_count() == 0

    # A bad value that reaches the customer dialog is refused there too, and nothing is written.
    dialog.contacts_editor.add(ContactInput(name="Ben", emails=("ben@@x.de",)))
    with qtbot.assertNotEmitted(dialog.customer_saved):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and dialog.saved_customer_id is None
    assert dialog.errors["contacts"].isVisible()
    assert "ben@@x.de" in dialog.errors["contacts"].text()
    assert dialog.tabs.currentWidget() is dialog.contacts_editor
    assert customer_count() == 0


def test_a_missing_name_is_shown_under_the_name(make_dialog, qtbot, db):
    dialog = make_dialog()
    dialog.tabs.setCurrentIndex(2)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.errors["name"].isVisible()
    assert dialog.tabs.currentIndex() == 0
    assert customer_count() == 0


def test_creating_a_customer_with_two_contacts_and_tags(make_dialog, qtbot, db):
    dialog = make_dialog()
    dialog.edits["name"].setText("Lagos Trading Ltd")
    dialog.country_combo.setEditText("德国")
    dialog.edits["city"].setText("Hamburg")
    dialog.rating_combo.setCurrentIndex(dialog.rating_combo.findData("A"))
    dialog.follow_up_check.setChecked(True)
    editor = dialog.contacts_editor
    _add_contact(editor, qtbot, name="Anna Schmidt", emails="anna@lt.de", whatsapp="0170 1234567")
    _add_contact(editor, qtbot, name="Ben Braun", title="Buyer", emails="ben@lt.de")
    editor.select_row(1)
    qtbot.mouseClick(editor.primary_button, Qt.MouseButton.LeftButton)
    dialog.tags_edit.setText("VIP， Canton Fair 2026")
    dialog.new_field_edit.setText("Port")
    qtbot.keyClick(dialog.new_field_edit, Qt.Key.Key_Return)
    dialog.custom_edits["Port"].setText("Hamburg")
    with qtbot.waitSignal(dialog.customer_saved) as blocker:
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    customer = get_customer(blocker.args[0])
    assert dialog.saved_customer_id == customer.id
    assert (customer.name, customer.country, customer.city, customer.rating) == (
        "Lagos Trading Ltd", "DE", "Hamburg", "A")
    assert customer.follow_up_on == date(2026, 11, 30)
    assert [(c.name, c.is_primary) for c in customer.contacts] == [("Ben Braun", True), ("Anna Schmidt", False)]
    assert customer.contacts[1].whatsapp == "+491701234567"
    assert set(customer.tags) == {"VIP", "Canton Fair 2026"}
    assert customer.custom_fields == {"Port": "Hamburg"}


def test_editing_changes_fields_and_removes_a_contact(make_dialog, qtbot, db, clock):
    customer_id = create_customer(
        clock, name="Hamburg Tools", country="DE", tags=["old"],
        contacts=[ContactInput(name="Anna", emails=("anna@ht.de",)), ContactInput(name="Ben")],
    )
    dialog = make_dialog(customer_id)
    assert dialog.edits["name"].text() == "Hamburg Tools"
    assert dialog.country_code() == "DE"
    assert dialog.contacts_editor.table.rowCount() == 2
    dialog.edits["name"].setText("Hamburg Tools GmbH")
    dialog.currency_combo.setCurrentText("EUR")
    dialog.contacts_editor.select_row(0)
    qtbot.mouseClick(dialog.contacts_editor.remove_button, Qt.MouseButton.LeftButton)
    dialog.contacts_editor.select_row(0)
    qtbot.mouseClick(dialog.contacts_editor.edit_button, Qt.MouseButton.LeftButton)
    dialog.contacts_editor.contact_dialog.title_edit.setText("Purchasing manager")
    _ok(dialog.contacts_editor.contact_dialog, qtbot)
    dialog.tags_edit.setText("")
    with qtbot.waitSignal(dialog.customer_saved):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    customer = get_customer(customer_id)
    assert customer.name == "Hamburg Tools GmbH" and customer.currency == "EUR"
    assert [(c.name, c.title, c.is_primary) for c in customer.contacts] == [("Ben", "Purchasing manager", True)]
    assert customer.tags == ()
    assert customer_count() == 1


def test_an_unknown_country_is_refused_under_the_country(make_dialog, qtbot, db):
    dialog = make_dialog()
    dialog.edits["name"].setText("Somewhere Ltd")
    dialog.country_combo.setEditText("Atlantis")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.errors["country"].isVisible()
    assert customer_count() == 0


def test_the_other_name_is_shown_saved_and_found_by_search(make_dialog, qtbot, db, clock):
    customer_id = create_customer(clock, name="Acme Trading GmbH", alt_name="阿克米贸易")
    dialog = make_dialog(customer_id)
    assert dialog.edits["alt_name"].text() == "阿克米贸易"
    dialog.edits["alt_name"].setText("阿克米贸易有限公司")
    with qtbot.waitSignal(dialog.customer_saved):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert get_customer(customer_id).alt_name == "阿克米贸易有限公司"
    assert matching_ids(CustomerFilter(text="阿克米贸易有限公司"), today=date(2026, 11, 23)) == [customer_id]


@pytest.mark.qt_log_ignore("This plugin does not support")
def test_enter_in_the_country_completer_picks_the_country_and_does_not_save(make_dialog, qtbot, db):
    dialog = make_dialog()
    dialog.edits["name"].setText("Hamburg Imports GmbH")
    combo = dialog.country_combo
    combo.setFocus()
    qtbot.keyClicks(combo.lineEdit(), "Germ")
    popup = combo.completer().popup()
    qtbot.waitUntil(popup.isVisible)
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert (combo.currentText(), dialog.country_code()) == ("Germany", "DE")
    assert dialog.isVisible() and customer_count() == 0  # Enter picked; it did not save the customer
    qtbot.keyClick(combo.lineEdit(), Qt.Key.Key_Return)
    assert dialog.isVisible() and customer_count() == 0
    combo.setEditText("Österreich")  # a country's own name, typed in full, is understood too
    assert dialog.country_code() == "AT"


def test_a_save_the_team_server_refuses_says_why_and_keeps_the_form_open(team, clock, qtbot):
    """A pool customer is edited only after claiming it: the server's rule, shown as one line, not a crash."""
    team.act("mia")
    customer_id = create_customer(clock, name="Hamburg Tools GmbH", city="Hamburg")
    team.sql("mia", "UPDATE customer SET owner = NULL WHERE id = ?", (customer_id,))
    team.act("ann")
    dialog = CustomerDialog(clock, customer_id)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.edits["city"].setText("Bremen")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    assert dialog.isVisible() and dialog.refusal_box is not None and dialog.refusal_box.isVisible()
    assert f"customer {customer_id} is in the pool: claim it before you change it" in dialog.refusal_box.text()
    assert get_customer(customer_id).city == "Hamburg"
