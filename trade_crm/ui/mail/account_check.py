"""What the account dialog does away from its widgets: log in to test an account (a Job function), word the
password hint per provider, and keep the passwords in the OS keyring (a Job function: a keyring may block on an
unlock prompt or a D-Bus call, so the GUI thread never waits for it)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

from trade_crm.exchange.mail.imap import ImapConnection, MailServerError, ServerAddress, find_sent_folder
from trade_crm.exchange.mail.presets import APP_PASSWORD, AUTHORIZATION_CODE, CLIENT_PASSWORD, OAUTH
from trade_crm.exchange.mail.tokens import PasswordCredentials
from trade_crm.keystore import KeyStore


@dataclass(frozen=True)
class ConnectionCheck:
    folders: int
    sent: str | None
    names: tuple[str, ...] = ()  # the folders a sync could read besides INBOX and Sent


def check_connection(_context, address: ServerAddress, username: str,
                     password: Callable[[], str | None]) -> ConnectionCheck:
    """Log in, list the folders, find Sent, log out (a Job function; no book involved). `password` is asked
    here, on the worker thread (it may read the keyring)."""
    secret = password()
    if not secret:
        raise MailServerError("type the password or authorization code first: none is kept for this account")
    with ImapConnection.open(address, PasswordCredentials(username, secret)) as connection:
        folders = connection.folders()
        sent = find_sent_folder(folders)
        others = tuple(f.name for f in folders if f.selectable and f.name.upper() != "INBOX" and f.name != sent)
        return ConnectionCheck(len(folders), sent, others)


def credential_hint(credential: str) -> str:
    """What the password field takes for a provider, in the UI's language."""
    hints = {
        AUTHORIZATION_CODE: QCoreApplication.translate(
            "AccountDialog", "Enter the authorization code (授权码) from your web mailbox's settings "
            "(POP3/IMAP/SMTP), not your login password."),
        APP_PASSWORD: QCoreApplication.translate(
            "AccountDialog", "Enter an app password (made in your account's security settings with 2-step "
            "verification on), not your login password."),
        CLIENT_PASSWORD: QCoreApplication.translate(
            "AccountDialog", "Enter your mailbox password, or the client-specific password (客户端专用密码) "
            "when secure login is on."),
        OAUTH: QCoreApplication.translate(
            "AccountDialog", "Microsoft accepts only OAuth sign-in for IMAP, which this version does not "
            "offer yet: a password will be refused."),
    }
    return hints.get(credential, QCoreApplication.translate(
        "AccountDialog", "Enter your mailbox password. The server must offer IMAP over TLS (port 993) or STARTTLS."))


def split_words(text: str) -> list[str]:
    return [word.strip() for word in text.replace("，", ",").replace(";", ",").split(",") if word.strip()]


def keep_passwords(_context, keystore: KeyStore, secrets: dict[str, str]) -> int:
    """Write each keyring entry given (name -> password), on a worker thread; KeystoreError when one is refused.
    Returns how many were written."""
    for name, password in secrets.items():
        keystore.set_mail_password(name, password)
    return len(secrets)
