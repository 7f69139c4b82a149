"""Mail on the customer's timeline: in/out, subject and first lines, attachments, folded by thread."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from trade_crm.demo.mail import load_demo_mail
from trade_crm.domain.customers.contacts import ContactInput
from trade_crm.domain.customers.records import create_customer
from trade_crm.domain.customers.timeline import log_interaction
from trade_crm.ui.customers.timeline_view import TimelineView


@pytest.fixture
def customer(db, clock):
    customer_id = create_customer(clock, name="Müller Haustechnik GmbH", country="DE", contacts=[
        ContactInput(name="Hans Müller", emails=("hans@mueller-haustechnik.de",))])
    load_demo_mail(clock, customer_id)
    return customer_id


@pytest.fixture
def view(qtbot, clock):
    widget = TimelineView(clock, open_url=lambda url: None)
    qtbot.addWidget(widget)
    widget.resize(1000, 600)
    return widget


def _top(view):
    tree = view.entries
    return [tree.topLevelItem(i) for i in range(tree.topLevelItemCount())
            if tree.topLevelItem(i).data(0, Qt.ItemDataRole.UserRole) != "month"]


def test_a_thread_folds_under_its_newest_message_with_a_count(view, customer):
    view.show_customer(customer)
    items = _top(view)
    # three threads, newest first: the fair (alone), the shipping documents (2), the inquiry (4)
    assert [i.childCount() for i in items] == [0, 1, 3]
    assert items[0].text(2).startswith("Meeting at the Canton Fair — Hi Ann,")
    assert items[1].text(2).startswith("2 message(s) · Re: Shipping documents for PO-7781 — Thank you Ann")
    assert items[2].text(2).startswith("4 message(s) · Re: Inquiry: 500 LED panel lights 600x600 — Dear Hans, "
                                       "the samples left")
    older = [items[2].child(i).text(2) for i in range(items[2].childCount())]
    assert older[0].startswith("Re: Inquiry: 500 LED panel lights 600x600 — Dear Ann, the price is fine")
    assert older[-1].startswith("Inquiry: 500 LED panel lights 600x600 — Dear Ann, we are looking")
    assert not items[2].isExpanded()


def test_direction_and_attachments_show_on_each_mail_entry(view, customer):
    view.show_customer(customer)
    shipping = _top(view)[1]
    documents = shipping.child(0)
    assert (shipping.text(1), documents.text(1)) == ("Received", "Sent")
    assert documents.text(4) == "Commercial invoice CI-7781.pdf, Packing list PL-7781.xlsx"
    assert not documents.icon(4).isNull()
    assert shipping.text(4) == ""


def test_double_clicking_a_mail_entry_asks_to_read_that_message(view, customer, qtbot):
    view.show_customer(customer)
    fair = _top(view)[0]
    with qtbot.waitSignal(view.mail_open_requested) as signal:
        view.entries.itemActivated.emit(fair, 2)
    assert signal.args[0] == fair.data(0, Qt.ItemDataRole.UserRole + 2)
    assert isinstance(signal.args[0], int)


def test_an_entry_logged_by_hand_stays_a_plain_row(view, customer, clock):
    log_interaction(customer, "call", "Called about the samples", clock)
    view.show_customer(customer)
    call = _top(view)[0]
    assert (call.text(1), call.text(2), call.childCount()) == ("Call", "Called about the samples", 0)
    assert call.data(0, Qt.ItemDataRole.UserRole + 2) is None
