"""Mail accounts and folder states: what is kept (never a password), what is refused, what removing keeps."""

from datetime import date

import pytest

from tests.domain.mail.helpers import account, at, mail
from trade_crm.domain.customers.contacts import ContactInput
from trade_crm.domain.customers.records import create_customer
from trade_crm.domain.customers.timeline import timeline
from trade_crm.domain.errors import NotFoundError, ValidationError
from trade_crm.domain.mail import accounts, folders
from trade_crm.domain.mail.record import record_mail
from trade_crm.store.models import MAIL_MODELS


def test_an_account_keeps_its_settings_and_no_password(db, clock):
    acc = accounts.add_account("Ann@Sunrise-Lighting.CN", host="IMAP.exmail.qq.com", clock=clock, provider="exmail",
                               extra_folders=["Customers", "Customers"], interval_minutes=30)
    assert (acc.email, acc.host, acc.port, acc.security, acc.username, acc.own_domains, acc.extra_folders) == (
        "ann@sunrise-lighting.cn", "imap.exmail.qq.com", 993, "ssl", "ann@sunrise-lighting.cn",
        ("sunrise-lighting.cn",), ("Customers",))
    assert acc.since_on == date(2025, 11, 23)  # twelve months back from the clock's day
    assert accounts.secret_name(acc) == f"mail-password:{acc.id}"
    columns = {c.name for c in db.get_columns("mail_account")}
    assert not any("pass" in c or "secret" in c or "token" in c for c in columns)
    assert accounts.list_accounts() == [acc]


def test_a_free_mail_account_has_no_own_domain(db, clock):
    assert accounts.add_account("ann.sales@163.com", host="imap.163.com", clock=clock).own_domains == ()


@pytest.mark.parametrize(("field", "kwargs"), [
    ("email", {"email": "not an address"}), ("port", {"port": 0}), ("security", {"security": "none"}),
    ("host", {"host": "imap example com"}), ("own_domains", {"own_domains": ["not a domain"]}),
])
def test_bad_settings_are_refused_naming_the_field(db, clock, field, kwargs):
    values = {"email": "ann@sunrise-lighting.cn", "host": "imap.example.com", **kwargs}
    with pytest.raises(ValidationError) as refused:
        accounts.add_account(values.pop("email"), clock=clock, **values)
    assert refused.value.field == field
    assert accounts.list_accounts() == []


def test_update_and_a_second_account_for_the_same_address_on_the_same_server(db, clock):
    acc = account(clock)
    changed = accounts.update_account(acc.id, interval_minutes=5, enabled=False, label="Work")
    assert (changed.interval_minutes, changed.enabled, changed.display) == (5, False, "Work")
    with pytest.raises(ValidationError):
        account(clock)
    with pytest.raises(ValidationError):
        accounts.update_account(acc.id, password="hunter2")


def test_removing_an_account_keeps_its_messages_and_entries_unless_asked(db, clock):
    acc = account(clock)
    other = account(clock, "ann.sales@gmail.com", own_domains=())
    cid = create_customer(clock, name="Lima Imports SAC", contacts=[ContactInput(emails=("rosa@limaimports.pe",))])
    both, only_here = mail("Both", sender="rosa@limaimports.pe"), mail("Only", sender="rosa@limaimports.pe", minutes=5)
    record_mail([(both, at(acc.id)), (both, at(other.id)), (only_here, at(acc.id))], clock=clock)
    folders.save_folder_state(acc.id, "INBOX", uidvalidity=7, last_uid=3)
    assert accounts.remove_account(acc.id, forget_messages=True) == 1
    assert db.execute_sql("SELECT subject FROM mail_message").fetchall() == [("Both",)]
    assert folders.folder_states(acc.id) == []
    assert len(timeline(cid)) == 2  # the customer's history stays
    accounts.remove_account(other.id)
    assert db.execute_sql("SELECT count(*) FROM mail_message").fetchone()[0] == 1
    with pytest.raises(NotFoundError):
        accounts.get_account(acc.id)


def test_the_mail_models_match_the_migrated_schema_on_both_engines(db):
    for model in MAIL_MODELS:
        table = model._meta.table_name
        assert {c.name for c in db.get_columns(table)} == {f.column_name for f in model._meta.sorted_fields}, table
