"""The sending tests' setting: a Dovecot mailbox with a Sent folder, an aiosmtpd server taking the account's
login, both trusted through one CA file, a customer with a contact to write to."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.mail_corpus import USER
from tests.smtp_server import SmtpServer, start_smtp_server, stop_smtp_server
from trade_crm.domain.customers.contacts import ContactInput
from trade_crm.domain.customers.records import create_customer
from trade_crm.domain.mail.accounts import MailAccount, add_account
from trade_crm.domain.mail.messages import Address
from trade_crm.domain.mail.outbox import queue_drafts
from trade_crm.domain.mail.outgoing import Draft, OutboxEntry
from trade_crm.exchange.mail.sending import SendLogins
from trade_crm.exchange.mail.tokens import PasswordCredentials
from trade_crm.store.models import database

HANS = Address("hans@mueller-haustechnik.de", "Hans Müller")


@dataclass
class Setting:
    user: object  # tests.mail_server.MailUser
    smtp: SmtpServer
    account: MailAccount
    customer_id: int
    ca_file: str

    def logins(self, _account: MailAccount) -> SendLogins:
        credentials = PasswordCredentials(self.user.name, self.user.password)
        return SendLogins(credentials, credentials)

    def sent_folder(self) -> dict[int, tuple[bytes, ...]]:
        return self.user.flags("Sent")

    def received_ids(self) -> list[str]:
        return [r.message_id for r in self.smtp.received]


def ca_bundle(folder: Path, *files: Path) -> str:
    bundle = folder / "ca-bundle.pem"
    bundle.write_bytes(b"".join(Path(f).read_bytes() for f in files))
    return str(bundle)


def make_setting(mail_server, mail_user, clock, tmp_path, *, provider: str = "other", **account) -> Setting:
    smtp = start_smtp_server(**{k: account.pop(k) for k in ("security", "size_limit") if k in account})
    smtp.add_user(mail_user.name, mail_user.password)
    mail_user.folder_path("Sent")
    created = add_account(USER[1], host=mail_server.host, port=mail_server.imaps_port, security="ssl",
                          username=mail_user.name, provider=provider, clock=clock, label="Li Wei",
                          smtp_host=smtp.host, smtp_port=smtp.port, smtp_security=smtp.security,
                          send_interval_seconds=account.pop("send_interval_seconds", 0), **account)
    customer = create_customer(clock, name="Müller Haustechnik GmbH", country="DE",
                               contacts=[ContactInput(name=HANS.name, emails=(HANS.email,))])
    return Setting(mail_user, smtp, created, customer, ca_bundle(tmp_path, mail_server.ca_file, smtp.ca_file))


@pytest.fixture
def setting(mail_server, mail_user, db, clock, tmp_path):
    made = make_setting(mail_server, mail_user, clock, tmp_path)
    yield made
    stop_smtp_server(made.smtp)


def queue(setting: Setting, clock, count: int = 1, **fields) -> list[OutboxEntry]:
    drafts = [Draft(setting.account.id, fields.pop("to", (HANS,)) if i == 0 else (HANS,),
                    fields.get("subject", f"Season's greetings {i + 1}"),
                    fields.get("text", f"Dear Hans,\n\nwarm greetings from Shenzhen ({i + 1}).\n\nLi Wei"),
                    customer_id=setting.customer_id, **{k: v for k, v in fields.items() if k not in ("subject", "text")})
              for i in range(count)]
    return queue_drafts(drafts, clock)


def timeline_entries(customer_id: int) -> int:
    return database.execute_sql("SELECT COUNT(*) FROM interaction WHERE customer_id = ?", (customer_id,)).fetchone()[0]


def stored_messages() -> int:
    return database.execute_sql("SELECT COUNT(*) FROM mail_message").fetchone()[0]


__all__ = ["HANS", "Setting", "ca_bundle", "make_setting", "queue", "setting", "stored_messages",
           "timeline_entries"]
