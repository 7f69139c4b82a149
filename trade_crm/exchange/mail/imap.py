"""One IMAP connection, read-only: TLS with certificate and host checks, login, ID, the folders to read, and
fetching messages with BODY.PEEK so that reading never marks anything read.

- TLS only: implicit TLS ("ssl", usually 993) or STARTTLS ("starttls", usually 143; a server that does not
  offer it is refused before the password is sent). The system's trust store checks the certificate and the
  host name; `ca_file` adds a company's (or a test's) certificate authority.
- After login the IMAP ID command (RFC 2971) says who we are: NetEase (163/126/yeah) refuses every SELECT
  from a client that has not ("Unsafe Login"). CONDSTORE is enabled where offered, so EXAMINE reports
  HIGHESTMODSEQ and an unchanged folder costs one command on a re-sync.
- Folders are opened with EXAMINE (read-only) and every body is fetched with BODY.PEEK: the server's \\Seen
  flags stay as the user left them.
- A message up to WHOLE_FETCH_BYTES comes whole (BODY.PEEK[]) and goes to parse_message; a bigger one (a
  50 MB attachment) comes as its BODYSTRUCTURE, its header and the first bytes of its text part only
  (parse_parts), so its attachments stay on the server.
- Every failure a person can act on is a MailServerError subclass whose message is one line: the password
  refused, the certificate not trusted, "Unsafe Login", the server not reachable, the connection dropped.
"""

from __future__ import annotations

import ast
import logging
import socket
import ssl
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime

import imapclient
from imapclient import tls
from imapclient.exceptions import IMAPClientAbortError, IMAPClientError, LoginError

from trade_crm import __version__
from trade_crm.domain.mail.messages import IncomingMail
from trade_crm.exchange.mail.parse import parse_message, parse_parts, text_parts_to_fetch
from trade_crm.exchange.mail.tokens import Credentials

log = logging.getLogger(__name__)

WHOLE_FETCH_BYTES = 512 * 1024  # bigger messages are read by their structure, header and text part only
TIMEOUT_SECONDS = 60.0
CLIENT_ID = {"name": "Trade CRM", "version": __version__, "vendor": "Trade CRM",
             "support-url": "https://github.com/trade-crm/trade-crm"}
# The Sent folder's usual names where the server marks none \Sent (compared case-insensitively, on the whole
# name and on its last level): English servers and clients, Gmail, Chinese (NetEase, QQ, Alibaba), German,
# French, Spanish/Portuguese, Italian, Russian, Japanese, Dutch, Polish, Turkish, Korean.
SENT_NAMES = ("Sent", "Sent Items", "Sent Messages", "Sent Mail", "Sent Mails", "Sent-Mail", "[Gmail]/Sent Mail",
              "[Google Mail]/Sent Mail", "INBOX.Sent", "已发送", "已发送邮件", "已發送", "寄件備份", "发件箱",
              "Gesendet", "Gesendete Elemente", "Gesendete Objekte", "Envoyés", "Éléments envoyés", "Messages envoyés",
              "Enviados", "Itens Enviados", "Elementos enviados", "Inviati", "Posta inviata", "Отправленные",
              "送信済み", "送信済みメール", "送信済みアイテム", "Verzonden", "Verzonden items", "Wysłane",
              "Gönderilmiş Öğeler", "Gönderilenler", "보낸편지함")
_SENT_KEYS = {name.casefold(): rank for rank, name in enumerate(SENT_NAMES)}


class MailServerError(Exception):
    """A mail server could not be used; the message is one line a person can act on."""


class ConnectionLost(MailServerError):
    """The server could not be reached or the connection dropped: worth trying again."""


class LoginRefused(MailServerError):
    """The server refused the login name and password (or authorization code)."""


class CertificateRefused(MailServerError):
    """The server's certificate could not be trusted, or TLS could not be set up."""


class UnsafeLogin(MailServerError):
    """The server refuses to open folders for this client (NetEase's "Unsafe Login")."""


@dataclass(frozen=True)
class ServerAddress:
    host: str
    port: int = 993
    security: str = "ssl"  # "ssl" (implicit TLS) or "starttls"
    ca_file: str | None = None  # an extra certificate authority to trust (a company's, a test's)
    timeout: float = TIMEOUT_SECONDS

    @property
    def shown(self) -> str:
        return f"{self.host}:{self.port}"

    def ssl_context(self) -> ssl.SSLContext:
        context = ssl.create_default_context()  # certificate and host name checked
        if self.ca_file:
            try:
                context.load_verify_locations(cafile=self.ca_file)
            except (OSError, ssl.SSLError) as error:
                raise CertificateRefused(f"the certificate authority file {self.ca_file} could not be read "
                                         f"({getattr(error, 'strerror', None) or error})") from None
        return context


@dataclass(frozen=True)
class FolderInfo:
    name: str
    flags: tuple[str, ...]  # e.g. ("\\HasNoChildren", "\\Sent")

    @property
    def selectable(self) -> bool:
        return not any(f.lower() in ("\\noselect", "\\nonexistent") for f in self.flags)


@dataclass(frozen=True)
class FolderStatus:
    name: str
    uidvalidity: int
    uidnext: int  # 0 when the server did not say
    exists: int
    highest_modseq: int | None  # None without CONDSTORE


@dataclass(frozen=True)
class Fetched:
    """One message read from the server: its UID, size, INTERNALDATE and the parse (problems included)."""

    uid: int
    size: int
    received_at: datetime | None
    mail: IncomingMail
    whole: bool  # fetched whole (else by structure, header and text part)


def find_sent_folder(folders: Iterable[FolderInfo], preferred: str = "") -> str | None:
    """The Sent folder: the one the server marks SPECIAL-USE \\Sent, else `preferred` (a preset's name) when
    it exists, else the best-known name of SENT_NAMES, whole or as the last level ("INBOX.Sent",
    "Archive/Sent Items" too), else None."""
    usable = [f for f in folders if f.selectable]
    for folder in usable:
        if any(flag.lower() == "\\sent" for flag in folder.flags):
            return folder.name
    if preferred and any(f.name == preferred for f in usable):
        return preferred
    best: tuple[int, int, str] | None = None
    for folder in usable:
        whole = folder.name.casefold()
        last = whole.replace(".", "/").rsplit("/", 1)[-1]
        for depth, key in ((0, whole), (1, last)):
            if key in _SENT_KEYS:
                candidate = (depth, _SENT_KEYS[key], folder.name)
                best = min(best, candidate) if best else candidate
    return best[2] if best else None


class _TLS(tls.IMAP4_TLS):
    """imapclient's implicit-TLS transport, closing its socket when the handshake fails (it leaks it)."""

    def _create_socket(self, timeout):
        sock = socket.create_connection((self.host, self.port), timeout=timeout)
        try:
            return tls.wrap_socket(sock, self.ssl_context, self.host)
        except BaseException:
            sock.close()
            raise


class _Client(imapclient.IMAPClient):
    def _create_IMAP4(self):
        if self.ssl:
            return _TLS(self.host, self.port, self.ssl_context, getattr(self._timeout, "connect", None))
        return super()._create_IMAP4()


def _reason(error: BaseException) -> str:
    """What the server or TLS said, on one line (imaplib hands a server's words over as a bytes repr)."""
    text = str(getattr(error, "verify_message", "") or error)
    if text[:2] in ("b'", 'b"'):
        try:
            text = ast.literal_eval(text).decode("utf-8", "replace")
        except (ValueError, SyntaxError, AttributeError):
            text = text[2:-1]
    return " ".join(text.split())[:200] or type(error).__name__


class ImapConnection:
    """A logged-in, read-only IMAP session. Use `ImapConnection.open(address, credentials)`; close it (or use
    it as a context manager) when done."""

    def __init__(self, client: imapclient.IMAPClient, address: ServerAddress):
        self.client = client
        self.address = address
        self.capabilities = frozenset(c.upper() for c in client.capabilities())
        self.selected: str | None = None

    @classmethod
    def open(cls, address: ServerAddress, credentials: Credentials) -> ImapConnection:
        if address.security not in ("ssl", "starttls"):
            raise MailServerError(f'"{address.security}" is not a way to reach a mail server; use ssl or starttls')
        context = address.ssl_context()
        client = None
        try:
            client = _Client(address.host, port=address.port, ssl=address.security == "ssl", ssl_context=context,
                             timeout=address.timeout)
            client.normalise_times = False  # INTERNALDATE as the server said it, with its offset
            if address.security == "starttls":
                if b"STARTTLS" not in client.capabilities():
                    raise CertificateRefused(f"{address.shown} does not offer STARTTLS, so the password would go "
                                             "unencrypted; use its TLS port (usually 993) instead")
                client.starttls(context)
            try:
                credentials.authenticate(client)
            except LoginError as error:
                reason = _reason(error)
                if "unsafe login" in reason.lower():
                    raise UnsafeLogin(_unsafe(address)) from None
                raise LoginRefused(f"{address.host} refused the login for {credentials.username}: check the password "
                                   f"or authorization code (the server said: {reason})") from None
            connection = cls(client, address)
            connection._introduce()
            return connection
        except MailServerError:
            _shut(client)
            raise
        except ssl.SSLCertVerificationError as error:
            _shut(client)
            raise CertificateRefused(f"the certificate of {address.host} is not trusted ({_reason(error)}); if your "
                                     "company uses its own certificate authority, give its file (--ca-file)") from None
        except ssl.SSLError as error:
            _shut(client)
            raise CertificateRefused(f"TLS with {address.shown} failed ({_reason(error)})") from None
        except socket.gaierror:
            _shut(client)
            raise ConnectionLost(f"no mail server called {address.host} was found; check the name and the "
                                 "network") from None
        except (OSError, IMAPClientAbortError) as error:
            _shut(client)
            raise ConnectionLost(f"could not reach {address.shown} ({_reason(error)})") from None
        except IMAPClientError as error:
            _shut(client)
            raise MailServerError(f"{address.shown} refused: {_reason(error)}") from None

    def _introduce(self) -> None:
        """ID after login (NetEase refuses SELECT without it), CONDSTORE on where offered."""
        if b"ID" in self.capabilities:
            try:
                self.client.id_(CLIENT_ID)
            except IMAPClientError as error:
                log.info("the server did not take the ID command (%s)", type(error).__name__)
        if b"CONDSTORE" in self.capabilities and b"ENABLE" in self.capabilities:
            try:
                self.client.enable("CONDSTORE")
            except IMAPClientError as error:
                log.info("the server did not enable CONDSTORE (%s)", type(error).__name__)

    def __enter__(self) -> ImapConnection:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        try:
            self.client.logout()
        except Exception:  # noqa: BLE001 - a dropped connection has nothing left to log out of
            _shut(self.client)

    @property
    def condstore(self) -> bool:
        return b"CONDSTORE" in self.capabilities

    def _call(self, what: str, function, *args, **kwargs):
        """Run one IMAP command; a dropped connection is ConnectionLost, a refusal a MailServerError."""
        try:
            return function(*args, **kwargs)
        except (OSError, IMAPClientAbortError, EOFError) as error:
            raise ConnectionLost(f"the connection to {self.address.shown} dropped ({_reason(error)})") from None
        except IMAPClientError as error:
            reason = _reason(error)
            if "unsafe login" in reason.lower():
                raise UnsafeLogin(_unsafe(self.address)) from None
            raise MailServerError(f"{self.address.shown} refused to {what}: {reason}") from None

    def folders(self) -> list[FolderInfo]:
        listed = self._call("list the folders", self.client.list_folders)
        return [FolderInfo(name, tuple(f.decode("ascii", "replace") if isinstance(f, bytes) else str(f)
                                       for f in flags)) for flags, _delimiter, name in listed]

    def examine(self, folder: str) -> FolderStatus:
        """Open `folder` read-only (EXAMINE) and say where it stands."""
        response = self._call(f"open {folder}", self.client.select_folder, folder, readonly=True)
        self.selected = folder
        modseq = response.get(b"HIGHESTMODSEQ")
        return FolderStatus(folder, int(response.get(b"UIDVALIDITY", 0)), int(response.get(b"UIDNEXT", 0)),
                            int(response.get(b"EXISTS", 0)), int(modseq) if modseq is not None else None)

    def search_new(self, *, after_uid: int = 0, since: date | None = None) -> list[int]:
        """UIDs above `after_uid` (of messages received on or after `since`), ascending."""
        criteria: list = ["UID", f"{after_uid + 1}:*"]
        if since is not None:
            criteria += ["SINCE", since]
        uids = self._call("search", self.client.search, criteria)
        return sorted(uid for uid in uids if uid > after_uid)  # "n:*" names the last message even below n

    def fetch(self, uids: Sequence[int], *, whole_limit: int = WHOLE_FETCH_BYTES) -> Iterator[Fetched]:
        """The messages of `uids` in the selected folder, parsed, in UID order; never sets a flag. A UID the
        server no longer has (expunged meanwhile) is left out."""
        if not uids:
            return
        sizes = self._call("fetch", self.client.fetch, list(uids), ["RFC822.SIZE", "INTERNALDATE"])
        small = [u for u in uids if u in sizes and int(sizes[u].get(b"RFC822.SIZE", 0)) <= whole_limit]
        big = [u for u in uids if u in sizes and u not in set(small)]
        got = self._call("fetch", self.client.fetch, small, ["BODY.PEEK[]"]) if small else {}
        parts = self._call("fetch", self.client.fetch, big, ["BODYSTRUCTURE", "BODY.PEEK[HEADER]"]) if big else {}
        for uid in sorted(set(small) | set(big)):
            size = int(sizes[uid].get(b"RFC822.SIZE", 0))
            received = _aware(sizes[uid].get(b"INTERNALDATE"))
            if uid in got:
                raw = got[uid].get(b"BODY[]") or b""
                yield Fetched(uid, size, received, parse_message(bytes(raw), received_at=received, size=size), True)
            elif uid in parts:
                yield Fetched(uid, size, received, self._parse_big(uid, parts[uid], received), False)

    def _parse_big(self, uid: int, data: dict, received: datetime | None) -> IncomingMail:
        structure = data.get(b"BODYSTRUCTURE")
        header = data.get(b"BODY[HEADER]") or b""
        texts: dict[str, bytes] = {}
        refused = []
        for part in text_parts_to_fetch(structure):
            item = f"BODY.PEEK[{part.part}]<0.{part.fetch_bytes}>"
            try:
                answer = self._call("fetch", self.client.fetch, [uid], [item]).get(uid, {})
            except ConnectionLost:
                raise
            except MailServerError as error:  # this message's trouble, not the sync's
                refused.append(f"the text (part {part.part}) could not be fetched: {error}")
                continue
            for key, value in answer.items():
                if key.startswith(f"BODY[{part.part}]".encode()) and value is not None:
                    texts[part.part] = bytes(value)
        mail = parse_parts(bytes(header), structure, texts, received_at=received)
        return replace(mail, problems=(*mail.problems, *refused)) if refused else mail


def _aware(value) -> datetime | None:
    if not isinstance(value, datetime):
        return None
    return value.astimezone(UTC) if value.tzinfo else value.replace(tzinfo=UTC)


def _unsafe(address: ServerAddress) -> str:
    return (f"{address.host} refused to open the mailbox (\"Unsafe Login\"): turn IMAP on in the web mailbox's "
            "settings and log in with the authorization code (授权码), not the password")


def _shut(client) -> None:
    if client is None:
        return
    try:
        client.shutdown()
    except Exception:  # noqa: BLE001 - closing what is already broken
        pass


__all__ = ["CLIENT_ID", "SENT_NAMES", "WHOLE_FETCH_BYTES", "CertificateRefused", "ConnectionLost", "Fetched",
           "FolderInfo", "FolderStatus", "ImapConnection", "LoginRefused", "MailServerError", "ServerAddress",
           "UnsafeLogin", "find_sent_folder"]
