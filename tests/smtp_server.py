"""A real SMTP server for the sending tests: aiosmtpd on a loopback port, in a thread of the test process.

- TLS: implicit ("ssl", as on port 465) or STARTTLS (required before AUTH and MAIL), with a certificate
  authority and a server certificate for `localhost` made in the fixture's folder (tests/mail_server.py's
  make_certificates); only the test trusts that CA (`ca_file`).
- AUTH PLAIN/LOGIN against the fixture's users (`add_user`). aiosmtpd's authenticator must return
  `AuthResult(success=…, handled=False)`: with the default handled=True the server drops the connection
  without a reply.
- A SIZE limit (EHLO SIZE, and a 552 for more), and knobs for the failures a sender must survive:
  `refuse(address)` answers RCPT with 550, `defer_next(n)` answers the next n DATA with 451, `drop_next(n)`
  reads the next n messages and closes the connection without an answer (`keep=True`: it had taken them).
- Every message taken is recorded (`received`: envelope and bytes), so a test asserts on what the server got;
  `on_receive` may file each one somewhere too (a Gmail-like server puts sent mail into the Sent folder itself).
"""

from __future__ import annotations

import contextlib
import errno
import shutil
import ssl
import tempfile
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from email import message_from_bytes
from email.policy import default as default_policy
from pathlib import Path

import pytest

from tests.mail_server import PORT_ATTEMPTS, free_port, make_certificates

try:
    from aiosmtpd.controller import Controller
    from aiosmtpd.smtp import SMTP, AuthResult, LoginPassword, Session
except ImportError:  # pragma: no cover - aiosmtpd is in the test extra
    Controller = None
else:
    class _Session(Session):
        """aiosmtpd 1.4 sets the deprecated `login_data` itself after every good login, and its warning is an
        error under the tests' filter (raised in the server's thread, it would fail the AUTH)."""

        login_data = None

    class _SMTP(SMTP):
        def _create_session(self) -> Session:
            return _Session(self.loop)

    class _Controller(Controller):
        def factory(self):
            return _SMTP(self.handler, **self.SMTP_kwargs)

MISSING = "SMTP server tests skipped: aiosmtpd is not installed (it is in the test extra: make venv)"
DEFAULT_SIZE_LIMIT = 10 * 1024 * 1024


@dataclass(frozen=True)
class Received:
    mail_from: str
    rcpt_tos: tuple[str, ...]
    raw: bytes

    @property
    def message_id(self) -> str:
        return str(message_from_bytes(self.raw, policy=default_policy).get("Message-ID", "")).strip().strip("<>")

    @property
    def message(self):
        return message_from_bytes(self.raw, policy=default_policy)


@dataclass
class _Handler:
    received: list[Received] = field(default_factory=list)
    refused: dict[str, str] = field(default_factory=dict)
    defer: int = 0
    drop: int = 0
    drop_keeps: bool = False
    on_receive: Callable[[bytes], None] | None = None
    lock: threading.Lock = field(default_factory=threading.Lock)

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        reply = self.refused.get(address.lower())
        if reply:
            return reply
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        raw = bytes(envelope.original_content or envelope.content)
        with self.lock:
            if self.defer:
                self.defer -= 1
                return "451 4.3.0 Temporary local problem, try again later"
            dropping = self.drop > 0
            if dropping:
                self.drop -= 1
            if not dropping or self.drop_keeps:
                self.received.append(Received(envelope.mail_from, tuple(envelope.rcpt_tos), raw))
        if (not dropping or self.drop_keeps) and self.on_receive is not None:
            self.on_receive(raw)
        if dropping:
            server.transport.abort()  # no answer: the client cannot know whether the message was taken
            return "250 OK"  # never reaches the client
        return "250 OK"


@dataclass
class SmtpServer:
    folder: Path
    port: int
    security: str  # "ssl", "starttls", or "plain" (no TLS offered)
    size_limit: int
    handler: _Handler
    users: dict[str, str] = field(default_factory=dict)
    controller: object | None = None
    host: str = "localhost"  # the certificate's name

    @property
    def ca_file(self) -> Path:
        return self.folder / "ca.pem"

    @property
    def received(self) -> list[Received]:
        with self.handler.lock:
            return list(self.handler.received)

    def add_user(self, name: str, password: str) -> None:
        self.users[name] = password

    def refuse(self, address: str, reply: str = "550 5.1.1 <{address}>: Recipient address rejected: "
                                                "User unknown in virtual mailbox table") -> None:
        self.handler.refused[address.lower()] = reply.format(address=address)

    def defer_next(self, count: int = 1) -> None:
        with self.handler.lock:
            self.handler.defer = count

    def drop_next(self, count: int = 1, *, keep: bool = False) -> None:
        with self.handler.lock:
            self.handler.drop, self.handler.drop_keeps = count, keep

    def on_receive(self, function: Callable[[bytes], None] | None) -> None:
        self.handler.on_receive = function

    def _authenticate(self, server, session, envelope, mechanism, auth_data):
        ok = (isinstance(auth_data, LoginPassword)
              and self.users.get(auth_data.login.decode("utf-8", "replace")) == auth_data.password.decode(
                  "utf-8", "replace"))
        return AuthResult(success=ok, handled=False)

    def start(self) -> None:
        make_certificates(self.folder)
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(self.folder / "server.pem", self.folder / "server.key")
        options = {"authenticator": self._authenticate, "data_size_limit": self.size_limit,
                   "server_hostname": "localhost"}
        if self.security == "ssl":  # the whole connection is TLS; aiosmtpd's auth_require_tls sees STARTTLS only
            self.controller = _Controller(self.handler, hostname="127.0.0.1", port=self.port, ssl_context=context,
                                         auth_require_tls=False, **options)
        elif self.security == "starttls":
            self.controller = _Controller(self.handler, hostname="127.0.0.1", port=self.port, tls_context=context,
                                         require_starttls=True, auth_require_tls=True, **options)
        else:  # "plain": no TLS at all, for the test that a client refuses to log in there
            self.controller = _Controller(self.handler, hostname="127.0.0.1", port=self.port,
                                         auth_require_tls=False, **options)
        self.controller.start()

    def stop(self) -> None:
        if self.controller is not None:
            self.controller.stop()
            self.controller = None


def start_smtp_server(*, security: str = "ssl", size_limit: int = DEFAULT_SIZE_LIMIT) -> SmtpServer:
    if Controller is None:
        pytest.skip(MISSING)
    folder = Path(tempfile.mkdtemp(prefix="trade-crm-smtp-"))
    server = SmtpServer(folder, free_port(), security, size_limit, _Handler())
    try:
        for attempt in range(1, PORT_ATTEMPTS + 1):
            try:
                server.start()
                break
            except OSError as exc:
                # The port was free when asked, not necessarily when the server binds it (another xdist
                # worker may take it in between): then once more on another one.
                controller, server.controller = server.controller, None
                with contextlib.suppress(Exception):  # its thread ended on the error
                    controller.stop(no_assert=True)
                if not controller.loop.is_closed():  # else the collector finds it open, in some later test
                    controller.loop.close()
                if attempt == PORT_ATTEMPTS or exc.errno != errno.EADDRINUSE:
                    raise
                server.port = free_port()
    except BaseException:
        server.stop()
        shutil.rmtree(folder, ignore_errors=True)
        raise
    return server


def stop_smtp_server(server: SmtpServer) -> None:
    try:
        server.stop()
    finally:
        shutil.rmtree(server.folder, ignore_errors=True)


@pytest.fixture
def smtp_server():
    """A fresh SMTP server (implicit TLS, AUTH, a 10 MB SIZE limit) for one test."""
    server = start_smtp_server()
    yield server
    stop_smtp_server(server)


@pytest.fixture
def smtp_starttls_server():
    """The same on a STARTTLS port (as 587)."""
    server = start_smtp_server(security="starttls")
    yield server
    stop_smtp_server(server)
