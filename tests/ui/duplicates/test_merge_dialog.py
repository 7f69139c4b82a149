"""The merge dialog: customers side by side, the kept one picked on top, a choice per differing field."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtWidgets import QLabel, QRadioButton

from trade_crm.domain.customers.contacts import ContactInput
from trade_crm.domain.customers.records import create_customer
from trade_crm.domain.customers.timeline import log_interaction
from trade_crm.domain.duplicates.merge import COMBINE
from trade_crm.ui.duplicates.merge_dialog import MergeDialog


@pytest.fixture
def pair(db, clock):
    a = create_customer(clock, name="Acme Trading GmbH", country="DE", city="Hamburg", rating="B",
                        notes="Met at Canton Fair", custom_fields={"Port": "Hamburg"},
                        contacts=[ContactInput(name="Hans Müller", emails=("hans@acme.de",))])
    b = create_customer(clock, name="ACME Trading", country="DE", website="acme.de", notes="Prefers WhatsApp",
                        follow_up_on=date(2026, 12, 1), custom_fields={"Port": "Bremen"}, tags=["fair"],
                        contacts=[ContactInput(name="Anna Schmidt", emails=("anna@acme.de",))])
    log_interaction(b, "email", "Sent the price list", clock)
    return a, b


@pytest.fixture
def dialog(qtbot, pair):
    dialog = MergeDialog(list(pair))
    qtbot.addWidget(dialog)
    return dialog


def texts(dialog, kind):
    return [w.text() for w in dialog.grid_widget.findChildren(kind) if w.parent() is dialog.grid_widget]


def test_only_the_fields_that_differ_are_shown_with_the_kept_customers_values_chosen(dialog, pair):
    a, b = pair
    assert dialog.keep_id() == a and dialog.other_ids() == [b]
    labels = texts(dialog, QLabel)
    assert {"Company name", "City", "Website", "Rating", "Notes", "Next follow-up", "Port"} <= set(labels)
    assert "Country" not in labels  # both in Germany: nothing to choose
    assert dialog.choices() == {"name": a, "city": a, "website": b, "rating": a, "notes": COMBINE,
                                "follow_up_on": b, "custom:Port": a}
    buttons = texts(dialog, QRadioButton)
    assert f"Acme Trading GmbH (#{a})" in buttons and "(empty)" in buttons and "Combine all of them" in buttons
    assert "1 contact" in dialog.moves_label.text() and "1 timeline entry" in dialog.moves_label.text()
    assert "1 tag" in dialog.moves_label.text()


def test_a_value_from_the_other_customer_can_be_chosen_per_field(dialog, pair):
    a, b = pair
    dialog.choose("name", b)
    dialog.choose("notes", a)
    dialog.choose("custom:Port", b)
    choices = dialog.choices()
    assert (choices["name"], choices["notes"], choices["custom:Port"], choices["city"]) == (b, a, b, a)


def test_keeping_the_other_customer_makes_its_values_the_defaults(dialog, pair, qtbot):
    a, b = pair
    keep_b = next(button for button in dialog.keep_group.buttons() if dialog.keep_group.id(button) == b)
    keep_b.click()
    assert dialog.keep_id() == b and dialog.other_ids() == [a]
    choices = dialog.choices()
    assert (choices["name"], choices["city"], choices["website"]) == (b, a, b)  # b has no city: a's fills in
    assert "Hans" not in dialog.moves_label.text() and "1 contact" in dialog.moves_label.text()
    assert dialog.merge_button.isEnabled()


def test_customers_that_agree_on_everything_say_so(qtbot, db, clock):
    ids = [create_customer(clock, name="Same Co", country="FR") for _ in range(2)]
    dialog = MergeDialog(ids)
    qtbot.addWidget(dialog)
    assert dialog.choices() == {}
    assert "These customers agree on every field." in texts(dialog, QLabel)
    assert dialog.moves_label.text() == "Nothing else moves to “Same Co”."
