"""Secrets through the OS keyring, with a plain "no keyring here" answer where the machine has none.

The only secret Trade CRM keeps is the key that encrypts off-laptop backup copies: 32 random bytes,
stored with `keyring` under the service "trade-crm". Where no usable keyring backend exists
(headless Linux: keyring's `fail` or `null` backend, or a chainer with nothing to chain), the key is
never written anywhere else: the caller offers a passphrase (stretched with scrypt) instead.

A mail account's password or authorization code is kept the same way, under the account's
`domain.mail.accounts.secret_name` ("mail-password:<id>"); with no usable keyring it is not kept (the sync
then takes it on standard input). A team server's password (team mode) is kept the same way, under "server-password:" and the login's
URL; with no usable keyring it is not kept at all (libpq's PGPASSWORD or ~/.pgpass then serve).

The key can be shown once as a recovery code (base32 in groups of five, with a checksum so a
mistyped code is caught), and typed back on another laptop. Nothing here logs, and no exception
message carries a secret.
"""

from __future__ import annotations

import base64
import hashlib
import os
import unicodedata
from dataclasses import dataclass
from typing import Any

SERVICE = "trade-crm"
CURRENT_KEY = "backup-key"  # the key new copies are encrypted with
SERVER_PASSWORD = "server-password"  # + ":postgresql://user@host:port", a team server login
KEY_BYTES = 32
SCRYPT_LOG_N, SCRYPT_R, SCRYPT_P = 15, 8, 1  # 2**15 * 8 * 128 B = 32 MiB, about 0.1 s
_CHECK_BYTES = 2
_CONFUSABLE = str.maketrans({"0": "O", "1": "I", "8": "B"})


class KeystoreError(RuntimeError):
    """The keyring is missing or refused; the message says so without any secret in it."""


class RecoveryCodeError(ValueError):
    """The recovery code is mistyped (wrong length, a letter that cannot be in it, a bad checksum)."""


@dataclass(frozen=True)
class KeyringStatus:
    usable: bool
    backend: str  # e.g. "SecretService Keyring", "fail Keyring"


def key_id(key: bytes) -> bytes:
    """8 bytes naming a key (not secret: a hash), written in each encrypted file's header."""
    return hashlib.sha256(b"trade-crm backup key id\0" + key).digest()[:8]


def new_key() -> bytes:
    return os.urandom(KEY_BYTES)


def derive_key(passphrase: str, salt: bytes, log_n: int = SCRYPT_LOG_N, r: int = SCRYPT_R,
               p: int = SCRYPT_P) -> bytes:
    """A 32-byte key from a passphrase with scrypt (the passphrase is NFC-normalised first)."""
    from cryptography.hazmat.primitives.kdf.scrypt import Scrypt  # lazy: start-up, loaded on first use

    if not passphrase:
        raise ValueError("the passphrase is empty")
    text = unicodedata.normalize("NFC", passphrase).encode("utf-8")
    return Scrypt(salt=salt, length=KEY_BYTES, n=2 ** log_n, r=r, p=p).derive(text)


def recovery_code(key: bytes) -> str:
    """The key as a code to write down: 11 groups of 5 letters and digits."""
    check = hashlib.sha256(key).digest()[:_CHECK_BYTES]
    text = base64.b32encode(key + check).decode("ascii").rstrip("=")
    return "-".join(text[i:i + 5] for i in range(0, len(text), 5))


def key_from_recovery_code(code: str) -> bytes:
    """The key back from a typed code; spaces, dashes, case and 0/O, 1/I, 8/B mix-ups are forgiven."""
    text = "".join(ch for ch in code.upper() if ch.isalnum()).translate(_CONFUSABLE)
    expected = -(-(KEY_BYTES + _CHECK_BYTES) * 8 // 5)
    if len(text) != expected:
        raise RecoveryCodeError(f"a recovery code has {expected} letters and digits; this one has {len(text)}")
    try:
        raw = base64.b32decode(text + "=" * (-len(text) % 8))
    except ValueError:
        raise RecoveryCodeError("the recovery code holds a character that cannot be in it") from None
    key, check = raw[:KEY_BYTES], raw[KEY_BYTES:]
    if hashlib.sha256(key).digest()[:_CHECK_BYTES] != check:
        raise RecoveryCodeError("the recovery code is mistyped (its check letters do not match)")
    return key


def backend_is_usable(backend: Any) -> bool:
    """False for keyring's fail and null backends and for anything with no positive priority."""
    from keyring.backends import fail, null  # lazy: start-up, keyring looks for its backends on import

    if isinstance(backend, fail.Keyring | null.Keyring):
        return False
    try:
        return float(backend.priority) > 0
    except Exception:  # noqa: BLE001 - a backend that cannot say is not one to trust with a key
        return False


def _backend_name(backend: Any) -> str:
    name = getattr(backend, "name", None)
    return str(name) if name else type(backend).__name__


class KeyStore:
    """The backup keys in the OS keyring. `backend` is for tests; by default keyring picks one."""

    def __init__(self, backend: Any = None):
        self._backend = backend

    @property
    def backend(self) -> Any:
        if self._backend is None:
            import keyring  # lazy: start-up, as above

            return keyring.get_keyring()
        return self._backend

    def status(self) -> KeyringStatus:
        try:
            backend = self.backend
        except Exception:  # noqa: BLE001 - a broken keyring install is "no keyring here"
            return KeyringStatus(False, "none")
        return KeyringStatus(backend_is_usable(backend), _backend_name(backend))

    def usable(self) -> bool:
        return self.status().usable

    def _get(self, name: str) -> bytes | None:
        if not self.usable():
            return None
        try:
            text = self.backend.get_password(SERVICE, name)
        except Exception as exc:  # noqa: BLE001 - keyring errors are many (locked, D-Bus gone)
            raise KeystoreError(f"the keyring could not be read ({type(exc).__name__})") from None
        if not text:
            return None
        try:
            return base64.b64decode(text, validate=True)
        except ValueError:
            return None

    def _set(self, name: str, key: bytes) -> None:
        if not self.usable():
            raise KeystoreError("this computer has no usable keyring, so the key cannot be kept here")
        try:
            self.backend.set_password(SERVICE, name, base64.b64encode(key).decode("ascii"))
        except Exception as exc:  # noqa: BLE001
            raise KeystoreError(f"the keyring refused to keep the key ({type(exc).__name__})") from None

    def backup_key(self) -> bytes | None:
        """The key new off-laptop copies are encrypted with, or None (none made yet, or no keyring)."""
        return self._get(CURRENT_KEY)

    def create_backup_key(self) -> bytes:
        """Make and keep a new current key (an older one stays findable by its key id)."""
        old = self.backup_key()
        if old is not None:
            self._set(f"{CURRENT_KEY}-{key_id(old).hex()}", old)
        key = new_key()
        self._set(CURRENT_KEY, key)
        return key

    def key_for(self, wanted_id: bytes) -> bytes | None:
        """The key with this key id, if the keyring holds it (the current one or a remembered one)."""
        current = self.backup_key()
        if current is not None and key_id(current) == wanted_id:
            return current
        return self._get(f"{CURRENT_KEY}-{wanted_id.hex()}")

    def remember_key(self, key: bytes) -> None:
        """Keep a key typed as a recovery code; it becomes the current key when there is none yet."""
        if self.backup_key() is None:
            self._set(CURRENT_KEY, key)
        elif self.key_for(key_id(key)) is None:
            self._set(f"{CURRENT_KEY}-{key_id(key).hex()}", key)

    def server_password(self, account: str) -> str | None:
        """The password kept for a server login (`postgresql://user@host:port`), or None."""
        if not self.usable():
            return None
        try:
            return self.backend.get_password(SERVICE, f"{SERVER_PASSWORD}:{account}") or None
        except Exception as exc:  # noqa: BLE001 - as _get
            raise KeystoreError(f"the keyring could not be read ({type(exc).__name__})") from None

    def set_server_password(self, account: str, password: str) -> None:
        if not self.usable():
            raise KeystoreError("this computer has no usable keyring, so the password cannot be kept here")
        try:
            self.backend.set_password(SERVICE, f"{SERVER_PASSWORD}:{account}", password)
        except Exception as exc:  # noqa: BLE001
            raise KeystoreError(f"the keyring refused to keep the password ({type(exc).__name__})") from None

    def mail_password(self, name: str) -> str | None:
        """The password kept under `name` (domain.mail.accounts.secret_name), or None."""
        if not self.usable():
            return None
        try:
            return self.backend.get_password(SERVICE, name) or None
        except Exception as exc:  # noqa: BLE001 - as _get
            raise KeystoreError(f"the keyring could not be read ({type(exc).__name__})") from None

    def set_mail_password(self, name: str, password: str) -> None:
        if not self.usable():
            raise KeystoreError("this computer has no usable keyring, so the password cannot be kept here")
        try:
            self.backend.set_password(SERVICE, name, password)
        except Exception as exc:  # noqa: BLE001
            raise KeystoreError(f"the keyring refused to keep the password ({type(exc).__name__})") from None

    def forget_mail_password(self, name: str) -> None:
        """Delete the password kept under `name`, if any (a keyring that cannot is left as it is)."""
        if not self.usable():
            return
        try:
            self.backend.delete_password(SERVICE, name)
        except Exception:  # noqa: BLE001 - nothing kept, or a keyring that cannot delete: nothing to do
            pass
