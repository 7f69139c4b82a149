"""On a team server a mailbox is its login's own (store/pg_mail.py): what ann, bob (sales) and mia (manager)
each see of ann's mail. Every rule here is the database's row-level security."""

from __future__ import annotations

import pytest

from tests.domain.mail.helpers import at, mail
from trade_crm.domain.customers.contacts import ContactInput
from trade_crm.domain.customers.records import create_customer
from trade_crm.domain.customers.timeline import timeline
from trade_crm.domain.errors import NotFoundError
from trade_crm.domain.mail import accounts, senders
from trade_crm.domain.mail.reading import customer_threads, mail_entries, mail_message
from trade_crm.domain.mail.record import record_mail

MAIL_TABLES = ("mail_account", "mail_folder", "mail_message", "mail_location", "mail_sender", "mail_never_log")


def _rows(team, name, table):
    return team.sql(name, f"SELECT count(*) FROM {table}").fetchone()[0]


@pytest.fixture
def mailbox(team, clock):
    """ann's customer A (buyer@acme.test), a pool customer P (pool@pool.test); ann's account and one mail from
    each, and one from a stranger."""
    team.act("ann")
    a = create_customer(clock, name="Ann's Acme", contacts=[ContactInput(name="Ann Buyer", emails=("buyer@acme.test",))])
    p = create_customer(clock, name="Pool Pte", contacts=[ContactInput(name="P", emails=("pool@pool.test",))])
    team.sql("ann", "UPDATE customer SET owner = NULL WHERE id = ?", (p,))
    acc = accounts.add_account("ann@sunrise.test", host="imap.sunrise.test", clock=clock)
    report = record_mail([(mail("Order 7", sender="buyer@acme.test", to=("ann@sunrise.test",)), at(acc.id)),
                          (mail("Pool hello", sender="pool@pool.test", to=("ann@sunrise.test",)), at(acc.id)),
                          (mail("Hi", sender="who@stranger.test", to=("ann@sunrise.test",)), at(acc.id))],
                         clock=clock)
    return {"A": a, "P": p, "account": acc, "report": report}


def test_a_salespersons_mail_is_logged_on_her_customer_but_not_on_the_pools(team, mailbox):
    assert (mailbox["report"].matched, mailbox["report"].entries, mailbox["report"].new_senders) == (1, 1, 1)
    team.act("ann")
    assert [e.summary for e in timeline(mailbox["A"])] == ["Order 7"]
    assert timeline(mailbox["P"]) == []  # she may see the pool customer, not write its timeline


def test_a_manager_sees_the_entries_but_not_the_mailbox(team, mailbox):
    for table in MAIL_TABLES:
        assert _rows(team, "mia", table) == 0, table
    assert _rows(team, "ann", "mail_message") == 3
    team.act("mia")
    (entry,) = timeline(mailbox["A"])
    assert entry.summary == "Order 7"
    (info,) = mail_entries([entry.interaction_id]).values()
    assert (info.readable, info.direction) == (False, "in")
    assert [t.subject for t in customer_threads(mailbox["A"])] == ["Order 7"]
    with pytest.raises(NotFoundError):
        mail_message(team.sql("ann", "SELECT id FROM mail_message WHERE subject = 'Order 7'").fetchone()[0])
    assert accounts.list_accounts() == [] and senders.new_senders() == []


def test_another_salesperson_sees_nothing_of_it(team, mailbox):
    for table in (*MAIL_TABLES, "mail_link"):
        assert _rows(team, "bob", table) == 0, table


def test_two_people_keep_their_own_copy_of_one_message(team, mailbox, clock):
    team.act("bob")
    acc = accounts.add_account("bob@sunrise.test", host="imap.sunrise.test", clock=clock)
    report = record_mail([(mail("Order 7", sender="buyer@acme.test", to=("ann@sunrise.test",)), at(acc.id))],
                         clock=clock)
    assert (report.stored, report.duplicates) == (1, 0)  # ann's copy is hers: bob stores his
    assert _rows(team, "bob", "mail_message") == 1
    assert _rows(team, "ann", "mail_message") == 3
