"""A real Dovecot for the mail tests: one throwaway IMAP server per test session, a fresh user per test.

The fixture writes its own config into a temp folder (no system config: `dovecot -c <conf>`), a
passwd-file of users with plain passwords, and a certificate authority plus a server certificate for
`localhost` made with `cryptography`. Only the test trusts that CA (the client gets `ca_file`); the
system's trust store refuses the server, which a test checks. Dovecot listens on two free loopback ports:
IMAP with STARTTLS and IMAPS (implicit TLS). (Dovecot counts loopback as secure, so it would take a
plaintext login there; the app itself never sends one: see exchange/mail/imap.py.)

Dovecot runs unprivileged: as ourselves, or under root as Debian's `dovecot` account (through runuser), so
the master process, the login processes and the mail processes all run as that one account, which owns
the folder. Failed logins are not slowed down (no auth penalty, no failure delay): tests log in wrongly on
purpose. Mail is Maildir++ (`~/Maildir`, `.Sent` for Sent); the namespace marks Sent with SPECIAL-USE
`\\Sent`, and Dovecot offers CONDSTORE and ID by default. A test's messages are written straight into the
user's Maildir (Dovecot picks them up, as it does mail a local delivery agent drops there): thousands of
messages cost a folder write, not thousands of APPENDs.

No dovecot binary: the tests that need it skip with one line, or fail under CI=true (DESIGN rule 13).
"""

from __future__ import annotations

import datetime as dt
import grp
import itertools
import os
import pwd
import shutil
import signal
import socket
import ssl
import subprocess
import tempfile
import time
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from tests import server_reaper

MISSING = ("mail server tests skipped: no Dovecot found (the dovecot binary of Debian's `dovecot-imapd`); "
           "install it (make test does so when run as root)")
SBIN_DIRS = "/usr/sbin:/usr/local/sbin:/sbin"
RUN_AS_ROOT = "dovecot"  # Debian's dovecot-core creates it
USERS_AT_ONCE = 400
PORT_ATTEMPTS = 3
UNSAFE_USER = "unsafe"  # its password is right, and its login is refused with "Unsafe Login"


def user_name(number: int) -> str:
    return f"user{number}"


def user_password(number: int) -> str:
    return f"user{number}-Secret!"


def find_dovecot(environ: Mapping[str, str], sbin: str = SBIN_DIRS) -> Path | None:
    """$DOVECOT (the binary), else `dovecot` on PATH or in the sbin folders (not on a user's PATH)."""
    if environ.get("DOVECOT") and Path(environ["DOVECOT"]).is_file():
        return Path(environ["DOVECOT"])
    found = shutil.which("dovecot", path=f"{environ.get('PATH', '')}:{sbin}")
    return Path(found) if found else None


def require_dovecot(environ: Mapping[str, str], sbin: str = SBIN_DIRS) -> Path:
    binary = find_dovecot(environ, sbin)
    if binary is not None:
        return binary
    if environ.get("CI", "").lower() == "true":
        pytest.fail(f"{MISSING} (CI=true: a real Dovecot is required)", pytrace=False)
    pytest.skip(MISSING)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def server_account() -> pwd.struct_passwd:
    """Who Dovecot runs as: ourselves, or under root the unprivileged `dovecot` account (else `nobody`)."""
    if os.geteuid() != 0:
        return pwd.getpwuid(os.geteuid())
    for name in (RUN_AS_ROOT, "nobody"):
        try:
            return pwd.getpwnam(name)
        except KeyError:
            continue
    raise RuntimeError("running as root, and neither a dovecot nor a nobody account exists to run Dovecot")


def make_certificates(folder: Path, hostnames: Iterable[str] = ("localhost",)) -> tuple[Path, Path, Path]:
    """A throwaway CA and a server certificate it signed for `hostnames` (and 127.0.0.1): (ca, cert, key)."""
    import ipaddress  # lazy: only the session fixture makes certificates

    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

    now = dt.datetime.now(dt.UTC)
    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca_name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Trade CRM test mail CA")])
    ca = (x509.CertificateBuilder().subject_name(ca_name).issuer_name(ca_name).public_key(ca_key.public_key())
          .serial_number(x509.random_serial_number()).not_valid_before(now - dt.timedelta(hours=1))
          .not_valid_after(now + dt.timedelta(days=2))
          .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
          .add_extension(x509.KeyUsage(digital_signature=True, content_commitment=False, key_encipherment=False,
                                       data_encipherment=False, key_agreement=False, key_cert_sign=True,
                                       crl_sign=True, encipher_only=False, decipher_only=False), critical=True)
          .add_extension(x509.SubjectKeyIdentifier.from_public_key(ca_key.public_key()), critical=False)
          .sign(ca_key, hashes.SHA256()))
    key = ec.generate_private_key(ec.SECP256R1())
    names = [x509.DNSName(h) for h in hostnames] + [x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]
    cert = (x509.CertificateBuilder()
            .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, next(iter(hostnames)))]))
            .issuer_name(ca_name).public_key(key.public_key()).serial_number(x509.random_serial_number())
            .not_valid_before(now - dt.timedelta(hours=1)).not_valid_after(now + dt.timedelta(days=2))
            .add_extension(x509.SubjectAlternativeName(names), critical=False)
            .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
            .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.SERVER_AUTH]), critical=False)
            .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key()), critical=False)
            .sign(ca_key, hashes.SHA256()))
    paths = folder / "ca.pem", folder / "server.pem", folder / "server.key"
    paths[0].write_bytes(ca.public_bytes(serialization.Encoding.PEM))
    paths[1].write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    paths[2].write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                           serialization.NoEncryption()))
    paths[2].chmod(0o600)
    return paths


CONFIG = """\
base_dir = {folder}/run
state_dir = {folder}/state
log_path = {folder}/dovecot.log
protocols = imap
listen = 127.0.0.1
ssl = yes
ssl_cert = <{folder}/server.pem
ssl_key = <{folder}/server.key
ssl_min_protocol = TLSv1.2
disable_plaintext_auth = yes
auth_mechanisms = plain login
auth_cache_size = 0
auth_failure_delay = 0
default_internal_user = {user}
default_internal_group = {group}
default_login_user = {user}
first_valid_uid = {uid}
last_valid_uid = {uid}
passdb {{
  driver = passwd-file
  args = scheme=PLAIN username_format=%u {folder}/users
}}
userdb {{
  driver = passwd-file
  args = username_format=%u {folder}/users
}}
mail_location = maildir:~/Maildir
mail_fsync = never
maildir_very_dirty_syncs = no
namespace inbox {{
  inbox = yes
  mailbox Sent {{
    special_use = \\Sent
  }}
  mailbox Drafts {{
    special_use = \\Drafts
  }}
}}
protocol imap {{
  mail_max_userip_connections = 50
  imap_id_log = *
}}
service imap-login {{
  chroot =
  inet_listener imap {{
    address = 127.0.0.1
    port = {imap_port}
  }}
  inet_listener imaps {{
    address = 127.0.0.1
    port = {imaps_port}
    ssl = yes
  }}
}}
service anvil {{
  chroot =
  unix_listener anvil-auth-penalty {{
    mode = 0
  }}
}}
service stats {{
  unix_listener stats-reader {{
    mode = 0600
  }}
  unix_listener stats-writer {{
    mode = 0600
  }}
}}
"""


@dataclass
class MailServer:
    binary: Path
    folder: Path
    imap_port: int
    imaps_port: int
    account: pwd.struct_passwd
    host: str = "localhost"  # the name the certificate is for; it resolves to 127.0.0.1
    _names: Iterator[int] = field(default_factory=itertools.count)
    _users: int = 0  # users 0 .. _users-1 are in the passwd-file

    @property
    def config(self) -> Path:
        return self.folder / "dovecot.conf"

    @property
    def ca_file(self) -> Path:
        return self.folder / "ca.pem"

    @property
    def users_file(self) -> Path:
        return self.folder / "users"

    @property
    def log(self) -> Path:
        return self.folder / "dovecot.log"

    def _command(self, *args: str) -> list[str]:
        command = [str(self.binary), "-c", str(self.config), *args]
        return ["runuser", "-u", self.account.pw_name, "--", *command] if os.geteuid() == 0 else command

    def _own(self, path: Path, *, tree: bool = True) -> None:
        """Give `path` (and with `tree` what is under it) to the server's account when we are root."""
        if os.geteuid() != 0:
            return
        uid, gid = self.account.pw_uid, self.account.pw_gid
        os.chown(path, uid, gid)
        for root, dirs, files in os.walk(path) if tree else ():
            for name in dirs + files:
                os.chown(os.path.join(root, name), uid, gid, follow_symlinks=False)

    def start(self, attempts: int = PORT_ATTEMPTS) -> None:
        for sub in ("run", "state", "home"):
            (self.folder / sub).mkdir()
        make_certificates(self.folder)
        self._write_users(0)
        for attempt in range(1, attempts + 1):
            try:
                self._launch()
                return
            except RuntimeError as exc:
                # The ports were free when asked, not necessarily when Dovecot binds them (another xdist
                # worker's server may take one in between): then once more on two others.
                if attempt == attempts or "Address already in use" not in str(exc):
                    raise
                self.imap_port, self.imaps_port = free_port(), free_port()

    def _launch(self) -> None:
        self.config.write_text(CONFIG.format(
            folder=self.folder, user=self.account.pw_name, group=grp.getgrgid(self.account.pw_gid).gr_name, uid=self.account.pw_uid,
            imap_port=self.imap_port, imaps_port=self.imaps_port))
        self._own(self.folder)
        # The daemon keeps the streams it was given: a file, not a pipe that run() would wait on forever.
        with (self.folder / "start.log").open("w+") as output:
            code = subprocess.run(self._command(), stdin=subprocess.DEVNULL, stdout=output, stderr=output).returncode
            output.seek(0)
            said = output.read().strip()
        if code:
            raise RuntimeError(f"dovecot did not start: {said}"
                               f"\n{self.log.read_text(errors='replace')[-2000:] if self.log.exists() else ''}")
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            try:
                socket.create_connection(("127.0.0.1", self.imaps_port), timeout=1).close()
                return
            except OSError:
                time.sleep(0.05)
        raise RuntimeError(f"dovecot did not listen on port {self.imaps_port} within 20 s")

    def master_pid(self) -> int | None:
        try:
            return int((self.folder / "run" / "master.pid").read_text().strip())
        except (OSError, ValueError):
            return None

    def stop(self) -> None:
        pid = self.master_pid()
        if pid is None:
            return
        try:
            os.kill(pid, signal.SIGTERM)  # the master stops its children and removes master.pid
        except ProcessLookupError:
            return
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            try:
                os.kill(pid, 0)
            except ProcessLookupError:
                return
            time.sleep(0.05)

    def _write_users(self, first: int) -> None:
        """USERS_AT_ONCE more users in the passwd-file. Dovecot reloads the file when its mtime moves, which
        is whole seconds: users are written ahead in blocks, so a test never waits for a reload."""
        if first:
            time.sleep(1.1)
        uid, gid = self.account.pw_uid, self.account.pw_gid
        lines = [f"{user_name(n)}:{{PLAIN}}{user_password(n)}:{uid}:{gid}::{self.folder / 'home' / user_name(n)}::\n"
                 for n in range(first, first + USERS_AT_ONCE)]
        if not first:  # a login the server refuses as NetEase does a client that is not trusted (a tab: no spaces)
            lines.append(f"{UNSAFE_USER}:{{PLAIN}}{user_password(0)}:{uid}:{gid}::{self.folder / 'home'}::"
                         "nologin nodelay reason=Unsafe\tLogin\n")
        with self.users_file.open("a") as users:
            users.writelines(lines)
        self._own(self.users_file, tree=False)
        self._users = first + USERS_AT_ONCE

    def user(self) -> MailUser:
        """A new user with an empty INBOX (and no other folder)."""
        number = next(self._names)
        if number >= self._users:
            self._write_users(self._users)
        name = user_name(number)
        home = self.folder / "home" / name
        (home / "Maildir").mkdir(parents=True)
        for sub in ("cur", "new", "tmp"):
            (home / "Maildir" / sub).mkdir()
        self._own(home)
        return MailUser(self, name, user_password(number), home)

    def ssl_context(self) -> ssl.SSLContext:
        return ssl.create_default_context(cafile=str(self.ca_file))


def maildir_folder(maildir: Path, folder: str) -> Path:
    """The Maildir++ directory of an IMAP folder name ("INBOX", "Sent", "Archive/2025", "已发送")."""
    if folder.upper() == "INBOX":
        return maildir
    from imapclient.imap_utf7 import encode  # lazy: test helper, imported on use

    return maildir / ("." + encode(folder).decode("ascii").replace("/", "."))


@dataclass
class MailUser:
    """One mailbox on the test server. `deliver` drops messages into its Maildir; `client()` logs in for
    assertions made on the server itself (flags, UIDVALIDITY)."""

    server: MailServer
    name: str
    password: str
    home: Path
    _serial: Iterator[int] = field(default_factory=itertools.count)

    @property
    def maildir(self) -> Path:
        return self.home / "Maildir"

    def folder_path(self, folder: str) -> Path:
        path = maildir_folder(self.maildir, folder)
        if not (path / "cur").exists():
            for sub in ("cur", "new", "tmp"):
                (path / sub).mkdir(parents=True, exist_ok=True)
            if path != self.maildir:
                (path / "maildirfolder").touch()
            self.server._own(path)
        return path

    def deliver(self, messages: Iterable[bytes | tuple[bytes, str]], folder: str = "INBOX", *,
                seen: bool = False, when: dt.datetime | None = None) -> int:
        """Write messages (raw bytes, or (raw, flags) with Maildir flags such as "S") into `folder`;
        `when` sets their INTERNALDATE (the file's mtime). Returns how many were written."""
        target = self.folder_path(folder)
        stamp = (when or dt.datetime.now(dt.UTC)).timestamp()
        count = 0
        for item in messages:
            raw, flags = item if isinstance(item, tuple) else (item, "S" if seen else "")
            base = f"{int(stamp)}.M{next(self._serial):06d}P{os.getpid()}.test"  # Dovecot numbers new files in name order
            tmp = target / "tmp" / base
            tmp.write_bytes(raw)
            os.utime(tmp, (stamp, stamp))
            final = target / "cur" / f"{base},S={len(raw)}:2,{''.join(sorted(flags))}"
            os.rename(tmp, final)
            self.server._own(final, tree=False)
            count += 1
        return count

    def load(self, messages) -> dict[str, int]:
        """Write corpus messages (tests/mail_corpus.CorpusMessage) into this mailbox, flags and dates kept."""
        from tests.mail_corpus import write_maildir  # lazy: test helper, imported on use

        counts = write_maildir(self.maildir, messages)
        self.server._own(self.maildir)
        return counts

    def client(self, *, timeout: float = 30):
        """A logged-in IMAPClient over IMAPS, trusting the test CA."""
        import imapclient  # lazy: test helper, imported on use

        client = imapclient.IMAPClient(self.server.host, port=self.server.imaps_port, ssl=True,
                                       ssl_context=self.server.ssl_context(), timeout=timeout)
        try:
            client.login(self.name, self.password)
        except BaseException:
            client.shutdown()
            raise
        return client

    def flags(self, folder: str = "INBOX") -> dict[int, tuple[bytes, ...]]:
        """Every message's flags in `folder`, read on the server (EXAMINE: reading them changes nothing)."""
        with self.client() as client:
            client.select_folder(folder, readonly=True)
            return {uid: tuple(sorted(set(data[b"FLAGS"]) - {b"\\Recent"})) for uid, data in client.fetch("1:*", ["FLAGS"]).items()}

    def reset_uidvalidity(self, folder: str = "INBOX") -> None:
        """Make the server give `folder` a new UIDVALIDITY (as after a restore): Dovecot keeps it in the
        Maildir's dovecot-uidlist and its index; without them it numbers the folder anew."""
        path = self.folder_path(folder)
        for name in os.listdir(path):
            if name.startswith("dovecot") and (path / name).is_file():
                (path / name).unlink()
        time.sleep(1.1)  # Dovecot takes a UIDVALIDITY from the clock (seconds): the next one must differ


def start_mail_server(environ: Mapping[str, str]) -> MailServer:
    binary = require_dovecot(environ)
    folder = Path(tempfile.mkdtemp(prefix=f"trade-crm-mail-{environ.get('PYTEST_XDIST_WORKER', 'main')}-"))
    server = MailServer(binary, folder, free_port(), free_port(), server_account())
    try:
        server.start()
    except BaseException:
        server.stop()
        shutil.rmtree(folder, ignore_errors=True)
        raise
    # Stopped by stop_mail_server at the session's end; by the reaper if this process dies first.
    server_reaper.watch(folder, folder / "run" / "master.pid", signal.SIGTERM)
    return server


def stop_mail_server(server: MailServer) -> None:
    try:
        server.stop()
    finally:
        shutil.rmtree(server.folder, ignore_errors=True)


@pytest.fixture(scope="session")
def mail_server():
    """The session's Dovecot."""
    server = start_mail_server(os.environ)
    yield server
    stop_mail_server(server)


@pytest.fixture
def mail_user(mail_server):
    """A fresh, empty mailbox on the session's Dovecot."""
    return mail_server.user()
