"""The new-customer dialog points out a probable duplicate while it is typed, with a link to open it."""

from __future__ import annotations

import pytest

from trade_crm.domain.customers.contacts import ContactInput
from trade_crm.domain.customers.records import create_customer
from trade_crm.ui.customers.customer_dialog import CustomerDialog


@pytest.fixture
def acme(db, clock) -> int:
    return create_customer(clock, name="Acme Trading GmbH", country="DE", city="Hamburg",
                           contacts=[ContactInput(name="Hans Müller", emails=("hans@acme.de",))])


def settle(qtbot, dialog) -> None:
    """Let the typing pause pass now (no sleeping) and wait for the check to answer."""
    hint = dialog.duplicate_hint
    assert hint.timer.isActive()
    job = hint.check_now()
    qtbot.waitUntil(lambda: not job.is_running, timeout=5000)


def test_typing_a_known_company_points_it_out_and_the_link_asks_to_open_it(qtbot, clock, acme):
    dialog = CustomerDialog(clock)
    qtbot.addWidget(dialog)
    hint = dialog.duplicate_hint
    assert hint.isHidden()
    dialog.edits["name"].setText("ACME Trading")
    dialog.country_combo.setCurrentIndex(dialog.country_combo.findData("DE"))
    settle(qtbot, dialog)
    assert not hint.isHidden()
    assert "<b>Acme Trading GmbH, DE, Hamburg</b> already exists" in hint.text()
    assert f'<a href="{acme}">open it?</a>' in hint.text()
    assert hint.toolTip() == "Same name “Acme Trading GmbH”"
    with qtbot.waitSignal(dialog.duplicate_open_requested) as opened:
        hint.linkActivated.emit(str(acme))
    assert opened.args == [acme]
    dialog.edits["name"].setText("Zeta Imports")
    settle(qtbot, dialog)
    assert hint.isHidden()


def test_an_email_of_a_new_contact_is_enough(qtbot, clock, acme):
    dialog = CustomerDialog(clock)
    qtbot.addWidget(dialog)
    dialog.edits["name"].setText("Someone New")
    dialog.contacts_editor.add(ContactInput(name="H. Müller", emails=("Hans@Acme.de",)))
    settle(qtbot, dialog)
    assert "Acme Trading GmbH" in dialog.duplicate_hint.text()
    assert dialog.duplicate_hint.toolTip() == "Same email hans@acme.de"


def test_an_answer_overtaken_by_more_typing_is_dropped(qtbot, clock, acme):
    dialog = CustomerDialog(clock)
    qtbot.addWidget(dialog)
    dialog.edits["name"].setText("Acme Trading")
    job = dialog.duplicate_hint.check_now()
    dialog.edits["name"].setText("Acme Trading GmbH")  # typed on before the answer came
    qtbot.waitUntil(lambda: not job.is_running, timeout=5000)
    assert dialog.duplicate_hint.isHidden()
    settle(qtbot, dialog)
    assert not dialog.duplicate_hint.isHidden()


def test_editing_a_customer_shows_no_hint(qtbot, clock, acme):
    dialog = CustomerDialog(clock, acme)
    qtbot.addWidget(dialog)
    dialog.edits["name"].setText("ACME Trading")
    assert not dialog.duplicate_hint.timer.isActive() and dialog.duplicate_hint.isHidden()
