"""A mail account's sending side: SMTP server, login name, signature and pace, given when the account is added
or later, checked as the IMAP side is; its password stays in the keyring (the IMAP one unless a separate one)."""

import pytest

from trade_crm.domain.errors import ValidationError
from trade_crm.domain.mail import accounts


def test_an_account_takes_its_smtp_side_when_added_and_changes_it_later(db, clock):
    acc = accounts.add_account("sales@163.com", host="imap.163.com", clock=clock, provider="netease163",
                               smtp_host=" SMTP.163.com ", smtp_port=465, smtp_security="ssl",
                               signature="\r\nLi Wei\r\nDragon Light Co., Ltd.\r\n", send_interval_seconds=30,
                               daily_cap=150)
    assert (acc.smtp_host, acc.smtp_port, acc.smtp_security, acc.smtp_username) == ("smtp.163.com", 465, "ssl", "")
    assert acc.signature == "Li Wei\nDragon Light Co., Ltd." and (acc.send_interval_seconds, acc.daily_cap) == (30, 150)
    changed = accounts.update_account(acc.id, smtp_host="smtp.qiye.163.com", smtp_port=587, smtp_security="starttls",
                                      smtp_username="li.wei")
    assert (changed.smtp_host, changed.smtp_port, changed.smtp_security, changed.smtp_username) == (
        "smtp.qiye.163.com", 587, "starttls", "li.wei")
    assert accounts.update_account(acc.id, smtp_host="").smtp_host == ""  # stops sending from it
    assert accounts.smtp_secret_name(acc) == f"mail-smtp-password:{acc.id}" != accounts.secret_name(acc)
    assert accounts.add_account("ann@example.com", host="imap.example.com", clock=clock).smtp_host == ""


@pytest.mark.parametrize(("field", "value"), [
    ("smtp_host", "smtp example com"), ("smtp_port", 0), ("smtp_port", 70000), ("smtp_security", "none"),
    ("send_interval_seconds", -1), ("daily_cap", 100_001), ("daily_cap", True),
])
def test_a_bad_smtp_setting_is_refused_by_name(db, clock, field, value):
    acc = accounts.add_account("ann@example.com", host="imap.example.com", clock=clock)
    with pytest.raises(ValidationError) as refused:
        accounts.update_account(acc.id, **{field: value})
    assert refused.value.field == field
    with pytest.raises(ValidationError):
        accounts.add_account("bob@example.com", host="imap.example.com", clock=clock, **{field: value})
    assert accounts.get_account(acc.id) == acc and len(accounts.list_accounts()) == 1
