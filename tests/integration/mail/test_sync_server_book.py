"""The sync into a team server's book (PostgreSQL, the login's own mailbox under row-level security)."""

from __future__ import annotations

from tests.integration.mail.test_sync import plain
from tests.mail_corpus import USER
from trade_crm.domain.mail.accounts import add_account
from trade_crm.exchange.mail.sync import sync_account
from trade_crm.exchange.mail.tokens import PasswordCredentials


def test_a_sync_into_a_server_book_stores_once_and_resyncs_to_nothing(pg_db, mail_server, mail_user, clock):
    account = add_account(USER[1], host=mail_server.host, port=mail_server.imaps_port, username=mail_user.name,
                          clock=clock)
    mail_user.deliver([plain(n) for n in range(30)])
    mail_user.deliver([plain(0)], "Sent")
    credentials = PasswordCredentials(mail_user.name, mail_user.password)
    first = sync_account(account, credentials, clock=clock, ca_file=str(mail_server.ca_file), batch=10)
    again = sync_account(account, credentials, clock=clock, ca_file=str(mail_server.ca_file))
    assert (first.fetched, first.stored, first.skipped) == (31, 30, 1)
    assert (again.fetched, [f.unchanged for f in again.folders]) == (0, [True, True])
    assert pg_db.execute_sql("SELECT COUNT(*) FROM mail_message").fetchone()[0] == 30
    assert pg_db.execute_sql("SELECT COUNT(*) FROM mail_location").fetchone()[0] == 31
