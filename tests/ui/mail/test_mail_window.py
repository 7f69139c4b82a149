"""Mail in the main window: New senders (create a customer from a sender's mail, ignore a sender, put one
back) and the reader behind the timeline's mail entries, over a real book."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from trade_crm.app import build_main_window
from trade_crm.domain.customers.query import CustomerFilter, matching_ids
from trade_crm.domain.customers.records import get_customer
from trade_crm.domain.customers.timeline import timeline
from trade_crm.domain.mail.senders import IGNORED, NEW, new_senders
from trade_crm.ui.customers.customer_dialog import CustomerDialog
from trade_crm.ui.mail.actions import MailController
from trade_crm.ui.mail.reader import MessageReaderDialog


@pytest.fixture
def window(qtbot, customer, db_path, clock, settings):
    window = build_main_window(clock, db_path, settings, with_demo=False)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


@pytest.fixture
def mail(window) -> MailController:
    return window.findChild(MailController)


def _sender_rows(dialog):
    return [tuple(dialog.table.item(row, column).text() for column in range(4))
            for row in range(dialog.table.rowCount())]


def test_new_senders_lists_each_sender_with_domain_count_and_last_subject(mail):
    assert mail.senders_action.text() == "&New senders…"  # counted after the first paint, not before it
    mail.menu.aboutToShow.emit()  # or when the Mail menu opens
    assert mail.senders_action.text() == "&New senders (3)…"
    dialog = mail.open_senders()
    assert _sender_rows(dialog) == [
        ("Kenji Sato <k.sato@sato-denki.co.jp>", "sato-denki.co.jp", "1", "Quotation for LED tubes"),
        ("Carlos Mendes <carlos@ferragens-lisboa.pt>", "ferragens-lisboa.pt", "2", "Re: Catalogue request: downlights"),
        ("Priya Nair <priya.nair@brightline-lighting.in>", "brightline-lighting.in", "1",
         "Distributor enquiry for India"),
    ]


def test_create_customer_from_mail_opens_the_form_filled_and_saving_puts_the_mail_on_its_timeline(
        mail, window, qtbot, clock):
    dialog = mail.open_senders()
    assert dialog.select_sender("carlos@ferragens-lisboa.pt")
    dialog.create_button.click()
    form = window.findChild(CustomerDialog)
    assert form is not None and form.isVisible()
    assert form.edits["name"].text() == "Ferragens Lisboa S.A."
    assert form.edits["website"].text() == "ferragens-lisboa.pt"
    assert form.country_code() == "PT"
    [contact] = form.contacts_editor.contacts()
    assert (contact.data.name, contact.data.emails, contact.data.phones) == (
        "Carlos Mendes", ("carlos@ferragens-lisboa.pt",), ("+351 21 345 6789",))
    form.edits["city"].setText("Lisboa")  # the person completes the form before saving
    with qtbot.waitSignal(form.customer_saved) as saved:
        form.save_button.click()
    customer = get_customer(saved.args[0])
    assert (customer.name, customer.country, customer.city) == ("Ferragens Lisboa S.A.", "PT", "Lisboa")
    assert [e.summary for e in timeline(customer.id)] == ["Re: Catalogue request: downlights",
                                                          "Catalogue request: downlights"]
    assert [s.email for s in new_senders(state=NEW)] == ["k.sato@sato-denki.co.jp", "priya.nair@brightline-lighting.in"]
    assert [r[0] for r in _sender_rows(dialog)] == ["Kenji Sato <k.sato@sato-denki.co.jp>",
                                                    "Priya Nair <priya.nair@brightline-lighting.in>"]
    assert mail.senders_action.text() == "&New senders (2)…"
    # the customer is found by a word of its mail from the main search box
    assert customer.id in matching_ids(CustomerFilter(text="downlights"), today=clock.now().date())


def test_a_refused_form_creates_nothing_and_the_sender_stays_waiting(mail, window):
    dialog = mail.open_senders()
    dialog.select_sender("k.sato@sato-denki.co.jp")
    dialog.create_button.click()
    form = window.findChild(CustomerDialog)
    form.edits["name"].setText("")
    form.save_button.click()
    assert form.isVisible() and form.errors["name"].text() == "The customer needs a name."
    assert "k.sato@sato-denki.co.jp" in [s.email for s in new_senders(state=NEW)]


def test_ignore_this_sender_takes_them_off_the_list_and_the_ignored_list_puts_them_back(mail):
    dialog = mail.open_senders()
    dialog.select_sender("priya.nair@brightline-lighting.in")
    dialog.ignore_button.click()
    assert "priya.nair@brightline-lighting.in" not in [s.email for s in new_senders(state=NEW)]
    assert [s.email for s in new_senders(state=IGNORED)] == ["priya.nair@brightline-lighting.in"]
    assert dialog.error_label.text() == "priya.nair@brightline-lighting.in is ignored: their mail is no longer listed here."
    assert mail.senders_action.text() == "&New senders (2)…"
    dialog.state_combo.setCurrentIndex(dialog.state_combo.findData(IGNORED))
    assert [r[0] for r in _sender_rows(dialog)] == ["Priya Nair <priya.nair@brightline-lighting.in>"]
    assert dialog.restore_button.isVisible() and not dialog.ignore_button.isVisible()
    dialog.restore_button.click()
    assert "priya.nair@brightline-lighting.in" in [s.email for s in new_senders(state=NEW)]


def test_read_the_last_message_of_a_sender(mail, window):
    dialog = mail.open_senders()
    dialog.select_sender("carlos@ferragens-lisboa.pt")
    dialog.read_button.click()
    reader = window.findChild(MessageReaderDialog)
    assert reader.subject_label.text() == "Re: Catalogue request: downlights"
    assert "did you receive my request?" in reader.plain.toPlainText()


def test_double_clicking_a_mail_entry_on_the_timeline_opens_the_reader(window, customer):
    window.customer_list.select_customer(customer)
    tree = window.timeline.entries
    newest = next(tree.topLevelItem(i) for i in range(tree.topLevelItemCount())
                  if tree.topLevelItem(i).data(0, Qt.ItemDataRole.UserRole + 2) is not None)
    tree.itemActivated.emit(newest, 2)
    reader = window.findChild(MessageReaderDialog)
    assert reader is not None and reader.subject_label.text() == "Meeting at the Canton Fair"
    reader.customers_label.linkActivated.emit(f"customer:{customer}")
    assert window.customer_list.current_id() == customer
