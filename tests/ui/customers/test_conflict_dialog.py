"""The customer form and the deal editor over someone else's newer save (#18 item 5): fields only one
side changed merge silently; the dialog asks about each field both changed, then saves the choices.
A second connection to the same book (SQLite file or server) makes the other person's save."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from tests.second_connection import speaking_through
from trade_crm.domain.customers.contacts import ContactInput
from trade_crm.domain.customers.form import ContactEdit, contact_input_of, save_customer
from trade_crm.domain.customers.records import create_customer, get_customer, update_customer
from trade_crm.domain.insights.pipeline import create_opportunity
from trade_crm.domain.insights.pipeline_board import get_card, update_opportunity
from trade_crm.ui.customers.customer_dialog import CustomerDialog
from trade_crm.ui.insights.opportunity_dialog import OpportunityDialog

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
SHOTS = "/tmp/versions-shots"


@pytest.fixture
def open_form(qtbot, clock):
    def make(customer_id):
        dialog = CustomerDialog(clock, customer_id)
        qtbot.addWidget(dialog)
        dialog.show()
        return dialog
    return make


def _someone_else(second_book, clock, customer_id, **fields):
    with speaking_through(second_book):
        update_customer(customer_id, clock, base=get_customer(customer_id), **fields)


def test_saving_the_form_keeps_what_someone_else_saved_in_fields_left_alone(open_form, qtbot, book, second_book,
                                                                            clock):
    cid = create_customer(clock, name="Acme", city="Hamburg", rating="B",
                          contacts=[ContactInput(name="Li Wei", phones=("+86 574 8765 4321",))])
    form = open_form(cid)
    _someone_else(second_book, clock, cid, city="Bremen", notes="Met at Canton Fair")
    form.edits["website"].setText("acme.de")
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert form.conflict_dialog is None and form.saved_customer_id == cid
    stored = get_customer(cid)
    assert (stored.city, stored.notes, stored.website, stored.rating) == ("Bremen", "Met at Canton Fair",
                                                                          "acme.de", "B")


def test_the_dialog_shows_yours_and_theirs_and_saves_the_picks(open_form, qtbot, book, second_book, clock):
    cid = create_customer(clock, name="Acme", city="Hamburg", rating="B")
    form = open_form(cid)
    _someone_else(second_book, clock, cid, city="Bremen", rating="C", industry="Tools")
    form.edits["city"].setText("Kiel")
    form.rating_combo.setCurrentIndex(form.rating_combo.findData("A"))
    form.edits["products"].setText("Pumps")
    with qtbot.assertNotEmitted(form.customer_saved):
        qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    dialog = form.conflict_dialog
    assert dialog is not None and dialog.isVisible() and form.isVisible()
    assert [(item.field, button.text(), other.text()) for (item, _), button, other in
            zip(dialog.groups, dialog.mine_buttons, dialog.theirs_buttons, strict=True)] == [
        ("city", "Kiel", "Bremen"), ("rating", "A", "C")]
    assert get_customer(cid).city == "Bremen"  # nothing written while the person decides
    dialog.theirs_buttons[1].click()  # keep their rating
    with qtbot.waitSignal(form.customer_saved):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    stored = get_customer(cid)
    assert (stored.city, stored.rating, stored.industry, stored.products) == ("Kiel", "C", "Tools", "Pumps")
    assert not form.isVisible()


def test_a_save_in_between_brings_the_dialog_back_with_the_newest_value(open_form, qtbot, book, second_book, clock):
    cid = create_customer(clock, name="Acme", city="Hamburg")
    form = open_form(cid)
    _someone_else(second_book, clock, cid, city="Bremen")
    form.edits["city"].setText("Kiel")
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    first = form.conflict_dialog
    _someone_else(second_book, clock, cid, city="Lübeck")
    qtbot.mouseClick(first.save_button, Qt.MouseButton.LeftButton)
    again = form.conflict_dialog
    assert again is not first and again.isVisible()
    assert (again.mine_buttons[0].text(), again.theirs_buttons[0].text()) == ("Kiel", "Lübeck")
    assert get_customer(cid).city == "Lübeck"
    with qtbot.waitSignal(form.customer_saved):
        qtbot.mouseClick(again.save_button, Qt.MouseButton.LeftButton)
    assert get_customer(cid).city == "Kiel"


def test_the_deal_editor_asks_about_a_value_both_changed(qtbot, book, second_book, clock):
    cid = create_customer(clock, name="Acme")
    oid = create_opportunity(cid, "500 chairs", clock, value="1000", probability=30)
    editor = OpportunityDialog(clock, card=get_card(oid))
    qtbot.addWidget(editor)
    editor.show()
    with speaking_through(second_book):
        card = get_card(oid)
        update_opportunity(oid, clock, title=card.title, value="1200", currency=card.currency, probability=50,
                           base=card)
    editor.value_edit.setText("900")
    editor.title_edit.setText("600 chairs")
    save = editor.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save)
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    dialog = editor.conflict_dialog
    assert [(i.field, i.mine, i.theirs) for i, _ in dialog.groups] == [("value", Decimal("900"), Decimal("1200.00"))]
    dialog.theirs_buttons[0].click()
    with qtbot.waitSignal(editor.saved):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    stored = get_card(oid)
    assert (stored.title, stored.value, stored.probability) == ("600 chairs", Decimal("1200.00"), 50)


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_screenshot_of_the_dialog(open_form, qtbot, db, second_book, clock, language, request):
    if language == "zh_CN":
        request.getfixturevalue("chinese")
    cid = create_customer(clock, name="Acme Trading GmbH", city="Hamburg", rating="B",
                          contacts=[ContactInput(name="Li Wei", title="Buyer")])
    form = open_form(cid)
    with speaking_through(second_book):
        theirs = get_customer(cid)
        (person,) = theirs.contacts
        save_customer(clock, cid, {"city": "Bremen", "rating": "C"}, tags=["VIP", "Canton Fair"], custom_fields={},
                      contacts=[ContactEdit(person.id, replace(contact_input_of(person), title="CEO"))], base=theirs)
    form.edits["city"].setText("Kiel")
    form.tags_edit.setText("Key account")
    form.rating_combo.setCurrentIndex(form.rating_combo.findData("A"))
    (edit,) = form.contacts_editor.contacts()
    form.contacts_editor.set_contacts([replace(edit, data=replace(edit.data, title="Purchasing manager"))])
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    dialog = form.conflict_dialog
    assert [item.field for item, _ in dialog.groups] == ["city", "rating", "tags", "title"]
    dialog.grab().save(f"{SHOTS}/conflict_dialog_{language}.png")


def test_saving_the_form_unchanged_writes_nothing_and_keeps_the_version(open_form, qtbot, db, clock):
    cid = create_customer(
        clock, name="Müller Maschinenbau GmbH", alt_name="穆勒机械", country="DE", city="München", rating="A",
        source="trade show", currency="EUR", notes="Prefers email.\nVisits in May.", follow_up_on="2026-12-01",
        tags=["VIP", "messe-2026"], custom_fields={"Booth": "H6 B2"},
        contacts=[ContactInput(name="Jürgen Müller", title="Einkauf", emails=("j.mueller@mueller-mb.de",),
                               phones=("089 1234567",), whatsapp="+49 171 2345678", wechat="juergen_m",
                               is_primary=True),
                  ContactInput(name="Anna Schmidt", phones=("+49 89 7654321",))])
    before = get_customer(cid)
    form = open_form(cid)
    with qtbot.waitSignal(form.customer_saved):
        qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    after = get_customer(cid)
    assert after == before  # not even updated_at or a version moved: nothing was changed
