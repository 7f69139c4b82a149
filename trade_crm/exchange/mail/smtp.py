"""One SMTP submission: TLS with certificate and host checks, login, the message built from an outbox entry,
its size checked against the server's limit, and every failure sorted into permanent or temporary.

- TLS only, as for IMAP (imap.ServerAddress): implicit TLS ("ssl", usually 465) or STARTTLS ("starttls",
  usually 587; a server that does not offer it is refused before the password is sent). `ca_file` adds a
  company's (or a test's) certificate authority to the system's.
- The login is the account's credential (tokens.PasswordCredentials: `client.login(user, password)` is the
  same call on smtplib as on IMAPClient).
- `build_message`: From with the account's name, To/Cc (Bcc only in the envelope, never a header), Subject,
  Date, the Message-ID fixed when the entry was queued, In-Reply-To/References, the text with an optional HTML
  alternative, and the attachments read from disk. The same bytes go to the server and to the Sent folder.
- `SmtpConnection.send` checks the size against the server's EHLO SIZE before anything is sent, names each
  recipient the server refuses (RCPT) and then sends to nobody (RSET): a message goes to all or to none.
- Failures: a 5xx answer is a `PermanentFailure` (RecipientRefused, MessageTooBig are kinds of it), a 4xx
  answer a `TemporaryFailure`, a connection that drops or times out `ConnectionLost` (imap.py's: temporary).
  A drop after the whole message went out is `in_doubt`: the server may have taken it.
"""

from __future__ import annotations

import base64
import mimetypes
import smtplib
import socket
import ssl
from collections.abc import Sequence
from datetime import datetime
from email.headerregistry import Address as HeaderAddress
from email.message import EmailMessage
from email.policy import SMTP as SMTP_POLICY
from email.utils import format_datetime
from pathlib import Path

from trade_crm.domain.mail.messages import Address
from trade_crm.domain.mail.outgoing import OutboxEntry
from trade_crm.exchange.mail.imap import (
    CertificateRefused,
    ConnectionLost,
    LoginRefused,
    MailServerError,
    ServerAddress,
)
from trade_crm.exchange.mail.tokens import Credentials

TIMEOUT_SECONDS = 60.0
_MB = 1024 * 1024


class SendFailure(MailServerError):
    """A message could not be handed over; `permanent` says whether trying again can help."""

    permanent = False

    def __init__(self, message: str, *, code: int = 0, in_doubt: bool = False):
        super().__init__(message)
        self.code = code
        self.in_doubt = in_doubt  # the whole message went out before the failure: the server may have it


class PermanentFailure(SendFailure):
    """The server said no for good (5xx), or the message cannot be sent as it is: stop and say why."""

    permanent = True


class TemporaryFailure(SendFailure):
    """The server said "not now" (4xx): try again later."""


class RecipientRefused(PermanentFailure):
    """The server refused one or more recipients (550 …): nothing was sent to anybody."""

    def __init__(self, message: str, refused: dict[str, tuple[int, str]]):
        super().__init__(message, code=min(code for code, _ in refused.values()))
        self.refused = refused  # address -> (code, what the server said)


class MessageTooBig(PermanentFailure):
    """The message with its attachments is over the server's limit (EHLO SIZE, or a 552 answer)."""


class AttachmentMissing(PermanentFailure):
    """An attachment is no longer where it was when the message was queued."""


def _said(text: bytes | str) -> str:
    if isinstance(text, bytes):
        text = text.decode("utf-8", "replace")
    return " ".join(text.split())[:300]


def _megabytes(size: int) -> str:
    return f"{size / _MB:.1f} MB" if size >= _MB // 10 else f"{size:,} bytes"


def envelope_address(email: str) -> str:
    """The address as SMTP and the headers carry it: an international domain in its ASCII (IDNA) form. A local
    part beyond ASCII would need SMTPUTF8 end to end, which this sender does not speak: a PermanentFailure."""
    local, _, domain = email.rpartition("@")
    if not local.isascii():
        raise PermanentFailure(f"{email}: an address with characters beyond ASCII before the @ cannot be sent to "
                               "from here; ask the contact for a plain address")
    if domain.isascii():
        return email
    try:
        return f"{local}@{domain.encode('idna').decode('ascii')}"
    except UnicodeError:
        raise PermanentFailure(f"{email}: its domain cannot be written for SMTP (IDNA)") from None


def _header_address(address: Address) -> HeaderAddress:
    local, _, domain = envelope_address(address.email).rpartition("@")
    return HeaderAddress(display_name=address.name, username=local, domain=domain)


def build_message(entry: OutboxEntry, sender: Address, *, date: datetime) -> EmailMessage:
    """The message of an outbox entry, as the recipients and the Sent folder get it (Bcc left out). Raises
    AttachmentMissing when a file is gone."""
    message = EmailMessage(policy=SMTP_POLICY)
    message["From"] = _header_address(sender)
    if entry.to:
        message["To"] = [_header_address(a) for a in entry.to]
    if entry.cc:
        message["Cc"] = [_header_address(a) for a in entry.cc]
    message["Subject"] = entry.subject
    message["Date"] = format_datetime(date)
    message["Message-ID"] = f"<{entry.message_id}>"
    if entry.in_reply_to:
        message["In-Reply-To"] = f"<{entry.in_reply_to.strip('<>')}>"
    references = [r.strip("<>") for r in entry.references if r.strip("<>")]
    if entry.in_reply_to and entry.in_reply_to.strip("<>") not in references:
        references.append(entry.in_reply_to.strip("<>"))
    if references:
        message["References"] = " ".join(f"<{r}>" for r in references)
    message["MIME-Version"] = "1.0"
    message.set_content(entry.text or "", cte="quoted-printable" if not entry.text.isascii() else None)
    if entry.html:
        message.add_alternative(entry.html, subtype="html")
    for file in entry.attachments:
        path = Path(file.path)
        try:
            data = path.read_bytes()
        except OSError as error:
            raise AttachmentMissing(f'the attachment "{file.name}" could not be read from {path} '
                                    f"({error.strerror or error}); attach it again") from None
        content_type = file.content_type or mimetypes.guess_type(file.name)[0] or "application/octet-stream"
        maintype, _, subtype = content_type.partition("/")
        if maintype == "text":  # as bytes, so its charset is never guessed or rewritten
            maintype, subtype = "application", "octet-stream"
        message.add_attachment(data, maintype=maintype, subtype=subtype or "octet-stream", filename=file.name)
    return message


def message_bytes(message: EmailMessage) -> bytes:
    """The message's bytes with CRLF line ends, as they go over SMTP and into the Sent folder."""
    return message.as_bytes(policy=SMTP_POLICY)


def _classify(error: smtplib.SMTPResponseException, what: str, address: ServerAddress, *,
              in_doubt: bool = False) -> SendFailure:
    code = error.smtp_code
    said = _said(error.smtp_error)
    if code == 552 or (code == 554 and "size" in said.lower()):
        return MessageTooBig(f"{address.host} refused the message as too big ({code} {said})", code=code)
    kind = PermanentFailure if 500 <= code < 600 else TemporaryFailure
    return kind(f"{address.host} refused {what}: {code} {said}", code=code, in_doubt=in_doubt)


class SmtpConnection:
    """A logged-in SMTP session. Use `SmtpConnection.open(address, credentials)`; close it (or use it as a
    context manager) when done."""

    def __init__(self, client: smtplib.SMTP, address: ServerAddress):
        self.client = client
        self.address = address

    @classmethod
    def open(cls, address: ServerAddress, credentials: Credentials) -> SmtpConnection:
        if address.security not in ("ssl", "starttls"):
            raise MailServerError(f'"{address.security}" is not a way to reach a mail server; use ssl or starttls')
        context = address.ssl_context()
        client: smtplib.SMTP | None = None
        try:
            if address.security == "ssl":
                client = smtplib.SMTP_SSL(address.host, address.port, timeout=address.timeout, context=context)
            else:
                client = smtplib.SMTP(address.host, address.port, timeout=address.timeout)
            client.ehlo()
            if address.security == "starttls":
                if not client.has_extn("starttls"):
                    raise CertificateRefused(f"{address.shown} does not offer STARTTLS, so the password would go "
                                             "unencrypted; use its TLS port (usually 465) instead")
                client.starttls(context=context)
                client.ehlo()
            try:
                _login(client, credentials)
            except smtplib.SMTPAuthenticationError as error:
                raise LoginRefused(f"{address.host} refused the login for {credentials.username}: check the "
                                   f"password or authorization code (the server said: {error.smtp_code} "
                                   f"{_said(error.smtp_error)})") from None
            except smtplib.SMTPNotSupportedError:
                raise LoginRefused(f"{address.shown} offers no login (AUTH) to this client") from None
            return cls(client, address)
        except MailServerError:
            _shut(client)
            raise
        except ssl.SSLCertVerificationError as error:
            _shut(client)
            raise CertificateRefused(f"the certificate of {address.host} is not trusted "
                                     f"({error.verify_message or error}); if your company uses its own certificate "
                                     "authority, give its file (--ca-file)") from None
        except ssl.SSLError as error:
            _shut(client)
            raise CertificateRefused(f"TLS with {address.shown} failed ({_said(str(error))})") from None
        except socket.gaierror:
            _shut(client)
            raise ConnectionLost(f"no mail server called {address.host} was found; check the name and the "
                                 "network") from None
        except smtplib.SMTPResponseException as error:
            _shut(client)
            failure = _classify(error, "the connection", address)
            if isinstance(failure, TemporaryFailure):
                raise ConnectionLost(f"{address.shown} is not taking mail now ({error.smtp_code} "
                                     f"{_said(error.smtp_error)})") from None
            raise failure from None
        except (OSError, smtplib.SMTPException) as error:
            _shut(client)
            raise ConnectionLost(f"could not reach {address.shown} ({_said(str(error)) or type(error).__name__})") \
                from None

    def __enter__(self) -> SmtpConnection:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        try:
            self.client.quit()
        except Exception:  # noqa: BLE001 - a dropped connection has nothing left to say goodbye to
            _shut(self.client)

    @property
    def max_size(self) -> int | None:
        """The biggest message the server takes (EHLO SIZE), None when it does not say."""
        value = self.client.esmtp_features.get("size", "").strip()
        return int(value) if value.isdigit() and int(value) > 0 else None

    def check_size(self, size: int) -> None:
        limit = self.max_size
        if limit is not None and size > limit:
            raise MessageTooBig(f"the message is {_megabytes(size)} with its attachments; {self.address.host} takes "
                                f"at most {_megabytes(limit)}: send the files another way or make them smaller")

    def send(self, raw: bytes, sender: str, recipients: Sequence[str]) -> None:
        """Hand one message over: MAIL FROM, RCPT for each recipient, DATA. Returns when the server has taken
        it; raises a SendFailure (or ConnectionLost) otherwise, and then nobody got it (unless `in_doubt`)."""
        self.check_size(len(raw))
        client, where = self.client, self.address.shown
        options = [f"SIZE={len(raw)}"] if client.has_extn("size") else []
        data_sent = False
        try:
            code, said = client.mail(sender, options)
            if code != 250:
                client.rset()
                raise _classify(smtplib.SMTPSenderRefused(code, said, sender), f"the sender {sender}", self.address)
            refused: dict[str, tuple[int, str]] = {}
            temporary: dict[str, tuple[int, str]] = {}
            for recipient in recipients:
                code, said = client.rcpt(recipient)
                if code not in (250, 251):
                    (refused if code >= 500 else temporary)[recipient] = (code, _said(said))
            if refused or temporary:
                client.rset()
                if refused:
                    names = "; ".join(f"{a} ({code} {said})" for a, (code, said) in refused.items())
                    raise RecipientRefused(f"{self.address.host} refused {names}: nothing was sent", refused)
                names = "; ".join(f"{a} ({code} {said})" for a, (code, said) in temporary.items())
                raise TemporaryFailure(f"{self.address.host} put off {names}", code=min(c for c, _ in temporary.values()))
            data_sent = True
            code, said = client.data(raw)
            if code != 250:
                raise _classify(smtplib.SMTPDataError(code, said), "the message", self.address)
        except SendFailure:
            raise
        except smtplib.SMTPResponseException as error:
            raise _classify(error, "the message", self.address, in_doubt=False) from None
        except (OSError, smtplib.SMTPServerDisconnected) as error:
            lost = ConnectionLost(f"the connection to {where} dropped while sending "
                                  f"({_said(str(error)) or type(error).__name__})")
            lost.in_doubt = data_sent  # type: ignore[attr-defined]
            raise lost from None
        except smtplib.SMTPException as error:  # anything else smtplib says: worth another try later
            raise TemporaryFailure(f"{where}: {_said(str(error)) or type(error).__name__}",
                                   in_doubt=data_sent) from None
        except UnicodeEncodeError:
            raise PermanentFailure("an address has characters beyond ASCII that SMTP cannot carry") from None


def _login(client: smtplib.SMTP, credentials: Credentials) -> None:
    """Log in; a password with characters beyond ASCII goes as UTF-8 in AUTH PLAIN (RFC 4616), which smtplib's
    login cannot send (it encodes ASCII only)."""
    password = getattr(credentials, "password", None)
    if not isinstance(password, str) or (password.isascii() and credentials.username.isascii()):
        credentials.authenticate(client)
        return
    if not client.has_extn("auth") or "PLAIN" not in client.esmtp_features.get("auth", "").upper().split():
        raise smtplib.SMTPNotSupportedError("AUTH PLAIN")
    token = base64.b64encode(f"\0{credentials.username}\0{password}".encode()).decode("ascii")
    code, said = client.docmd("AUTH", f"PLAIN {token}")
    if code not in (235, 503):
        raise smtplib.SMTPAuthenticationError(code, said)


def _shut(client) -> None:
    if client is None:
        return
    try:
        client.close()
    except Exception:  # noqa: BLE001 - closing what is already broken
        pass


__all__ = ["TIMEOUT_SECONDS", "AttachmentMissing", "envelope_address", "MessageTooBig", "PermanentFailure", "RecipientRefused",
           "SendFailure", "SmtpConnection", "TemporaryFailure", "build_message", "message_bytes"]
