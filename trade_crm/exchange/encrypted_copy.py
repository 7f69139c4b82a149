"""The off-laptop copy: an encrypted file for a USB stick or a synced folder, and reading it back.

File format (version 1), all integers big-endian:

    header  magic "TCRMBAK\\x1a" | version u8 | mode u8 (1 key, 2 passphrase) | key id 8 bytes |
            scrypt salt 16 bytes | scrypt log2 N, r, p (u8 each) | nonce prefix 7 bytes |
            chunk size u32 | metadata length u32                          (52 bytes)
    meta    AES-256-GCM of a small JSON (date, customers, schema version)  (metadata length bytes)
    chunks  AES-256-GCM of the database, `chunk size` bytes each (the last one shorter, maybe empty)

Every chunk is sealed with the whole header as associated data, and a nonce of prefix | counter |
flag (0 data, 1 last data chunk, 2 metadata), as in the STREAM construction: a changed byte, a
swapped, missing or added chunk, or a cut-off file fails to decrypt. The file is read and written
one chunk at a time, so a 500 MB book never sits in memory. A wrong key or passphrase is caught by
the key id before any decryption.
"""

from __future__ import annotations

import json
import os
import sqlite3
import struct
from contextlib import closing, suppress
from dataclasses import dataclass, replace
from datetime import datetime, tzinfo
from pathlib import Path
from typing import BinaryIO

from peewee import SqliteDatabase

from trade_crm import keystore
from trade_crm.domain.backups import (
    PASSPHRASE,
    PLAIN,
    OffsiteSettings,
    backup_dir_for,
    clean_leftovers,
    restoring_name,
    rotate,
)
from trade_crm.store.backup import (
    ENCRYPTED_SUFFIX,
    BackupError,
    BackupInfo,
    RestoreResult,
    copy_database,
    fsync_dir,
    make_backup,
    open_readonly,
    restore_backup,
)
from trade_crm.store.db import LOCK_TYPE, PRAGMAS, upgrade
from trade_crm.store.models import database

MAGIC = b"TCRMBAK\x1a"
FORMAT_VERSION = 1
MODE_KEY, MODE_PASSPHRASE = 1, 2
CHUNK_SIZE = 1 << 20
_HEADER = struct.Struct(">8sBB8s16sBBB7sII")
_TAG = 16
_DATA, _LAST, _META = 0, 1, 2


class EncryptedCopyError(BackupError):
    """An encrypted copy cannot be read; the message says why in plain words."""

    def __init__(self, message: str, mode: int = 0):
        super().__init__(message)
        self.mode = mode  # what would open it: MODE_KEY (a recovery code) or MODE_PASSPHRASE; 0 unknown


class WrongKeyError(EncryptedCopyError):
    """The key, recovery code or passphrase given does not open this copy."""


class DamagedCopyError(EncryptedCopyError):
    pass


class SecretNeeded(EncryptedCopyError):
    """The keyring lacks this file's key: ask for the recovery code (`mode` 1) or the passphrase (2)."""

    def __init__(self, mode: int):
        what = "its recovery code" if mode == MODE_KEY else "its passphrase"
        super().__init__(f"this copy is encrypted and its key is not in this computer's keyring; give {what}", mode)


@dataclass(frozen=True)
class Header:
    mode: int
    key_id: bytes
    salt: bytes
    log_n: int
    r: int
    p: int
    nonce_prefix: bytes
    chunk_size: int
    meta_length: int
    raw: bytes

    @classmethod
    def build(cls, mode: int, key_id: bytes, salt: bytes, log_n: int, r: int, p: int, meta_length: int,
              chunk_size: int = CHUNK_SIZE) -> Header:
        prefix = os.urandom(7)
        raw = _HEADER.pack(MAGIC, FORMAT_VERSION, mode, key_id, salt, log_n, r, p, prefix, chunk_size, meta_length)
        return cls(mode, key_id, salt, log_n, r, p, prefix, chunk_size, meta_length, raw)


@dataclass(frozen=True)
class Sealing:
    """The key a new copy is encrypted with, and how a reader finds it again."""

    mode: int
    key: bytes
    salt: bytes = bytes(16)
    log_n: int = 0
    r: int = 0
    p: int = 0


def key_sealing(key: bytes) -> Sealing:
    return Sealing(MODE_KEY, key)


def passphrase_sealing(passphrase: str, log_n: int = keystore.SCRYPT_LOG_N) -> Sealing:
    salt = os.urandom(16)
    key = keystore.derive_key(passphrase, salt, log_n, keystore.SCRYPT_R, keystore.SCRYPT_P)
    return Sealing(MODE_PASSPHRASE, key, salt, log_n, keystore.SCRYPT_R, keystore.SCRYPT_P)


def is_encrypted(path: Path) -> bool:
    try:
        with open(path, "rb") as handle:
            return handle.read(len(MAGIC)) == MAGIC
    except OSError:
        return False


def read_header(handle: BinaryIO | Path) -> Header:
    if isinstance(handle, Path | str):
        with open(handle, "rb") as opened:
            return read_header(opened)
    raw = handle.read(_HEADER.size)
    if len(raw) < _HEADER.size or raw[:8] != MAGIC:
        raise DamagedCopyError("this is not an encrypted Trade CRM backup (or its beginning is damaged)")
    _, version, mode, key_id, salt, log_n, r, p, prefix, chunk, meta_length = _HEADER.unpack(raw)
    if version != FORMAT_VERSION or mode not in (MODE_KEY, MODE_PASSPHRASE):
        raise EncryptedCopyError(f"this backup was written in format {version}; update Trade CRM to read it")
    scrypt_ok = mode == MODE_KEY or (10 <= log_n <= 18 and 1 <= r <= 16 and 1 <= p <= 4)  # bounded work
    if not 0 < chunk <= 64 << 20 or meta_length > 1 << 20 or not scrypt_ok:
        raise DamagedCopyError("the backup's header is damaged")
    return Header(mode, key_id, salt, log_n, r, p, prefix, chunk, meta_length, raw)


def _nonce(header: Header, counter: int, flag: int) -> bytes:
    return header.nonce_prefix + struct.pack(">IB", counter, flag)


def _aead(key: bytes):
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM  # lazy: start-up, loaded on first use

    return AESGCM(key)


def encrypt_file(plain: Path, target: Path, sealing: Sealing, meta: dict, *,
                 chunk_size: int = CHUNK_SIZE) -> Path:
    """Write `plain` encrypted to `target` (via a temp name, synced, renamed); BackupError on failure."""
    aead = _aead(sealing.key)
    meta_plain = json.dumps(meta, ensure_ascii=False, sort_keys=True).encode("utf-8")
    header = Header.build(sealing.mode, keystore.key_id(sealing.key), sealing.salt, sealing.log_n, sealing.r,
                          sealing.p, len(meta_plain) + _TAG, chunk_size)
    partial = target.with_name(target.name + ".partial")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        with open(plain, "rb") as source, open(partial, "wb") as out:
            out.write(header.raw)
            out.write(aead.encrypt(_nonce(header, 0, _META), meta_plain, header.raw))
            counter, block = 0, source.read(chunk_size)
            while True:
                following = source.read(chunk_size)
                last = not following
                out.write(aead.encrypt(_nonce(header, counter, _LAST if last else _DATA), block, header.raw))
                if last:
                    break
                counter, block = counter + 1, following
            out.flush()
            os.fsync(out.fileno())
        partial.replace(target)
        fsync_dir(target.parent)
    except OSError as exc:
        partial.unlink(missing_ok=True)
        raise BackupError(f"cannot write the encrypted copy {target}: {exc.strerror or exc}") from exc
    return target


def key_for(header: Header, store: keystore.KeyStore | None, *, recovery_code: str | None = None,
            passphrase: str | None = None) -> bytes:
    """The key that opens a file with this header; SecretNeeded when it must be typed, WrongKeyError."""
    if header.mode == MODE_PASSPHRASE:
        if not passphrase:
            raise SecretNeeded(MODE_PASSPHRASE)
        key = keystore.derive_key(passphrase, header.salt, header.log_n, header.r, header.p)
        if keystore.key_id(key) != header.key_id:
            raise WrongKeyError("the passphrase does not open this backup", MODE_PASSPHRASE)
        return key
    if recovery_code:
        try:
            key = keystore.key_from_recovery_code(recovery_code)
        except keystore.RecoveryCodeError as exc:
            raise WrongKeyError(str(exc), MODE_KEY) from None
        if keystore.key_id(key) != header.key_id:
            raise WrongKeyError("this recovery code belongs to another key; it does not open this backup", MODE_KEY)
        return key
    key = store.key_for(header.key_id) if store is not None else None
    if key is None:
        raise SecretNeeded(MODE_KEY)
    return key


def _check_key(header: Header, key: bytes) -> None:
    if keystore.key_id(key) != header.key_id:
        raise WrongKeyError("this key does not open this backup", header.mode)


def read_meta(path: Path, key: bytes) -> dict:
    """The copy's metadata (date, customers, schema version), decrypting only that part."""
    from cryptography.exceptions import InvalidTag  # lazy: start-up, as AESGCM

    with open(path, "rb") as handle:
        header = read_header(handle)
        _check_key(header, key)
        sealed = handle.read(header.meta_length)
        try:
            return json.loads(_aead(key).decrypt(_nonce(header, 0, _META), sealed, header.raw))
        except (InvalidTag, ValueError):
            raise DamagedCopyError(f"{path} is damaged or was changed") from None


def decrypt_file(source: Path, target: Path, key: bytes) -> dict:
    """Write the plain database of `source` to `target`; returns the metadata.

    Raises DamagedCopyError (nothing left at `target`) when any byte was changed or the file is cut.
    """
    from cryptography.exceptions import InvalidTag  # lazy: start-up, as AESGCM

    partial = target.with_name(target.name + ".partial")
    try:
        with open(source, "rb") as handle, open(partial, "wb") as out:
            header = read_header(handle)
            _check_key(header, key)
            aead, step = _aead(key), header.chunk_size + _TAG
            meta = json.loads(aead.decrypt(_nonce(header, 0, _META), handle.read(header.meta_length), header.raw))
            counter, block = 0, handle.read(step)
            while True:
                following = handle.read(step)
                last = not following
                out.write(aead.decrypt(_nonce(header, counter, _LAST if last else _DATA), block, header.raw))
                if last:
                    break
                counter, block = counter + 1, following
            out.flush()
            os.fsync(out.fileno())
        partial.replace(target)
    except (InvalidTag, ValueError):
        partial.unlink(missing_ok=True)
        raise DamagedCopyError(f"{source} is damaged or was changed; it cannot be restored") from None
    except EncryptedCopyError:
        partial.unlink(missing_ok=True)
        raise
    except OSError as exc:
        partial.unlink(missing_ok=True)
        raise BackupError(f"cannot decrypt {source} to {target}: {exc.strerror or exc}") from exc
    return meta


# --- a backup run, and a restore from any copy (plain or encrypted) -------------------------------

@dataclass(frozen=True)
class BackupReport:
    local: BackupInfo
    removed: tuple[Path, ...] = ()  # copies rotation deleted
    offsite: Path | None = None  # the off-laptop copy written, if any
    offsite_problem: str = ""  # why no off-laptop copy was written although one is set up


def write_offsite(local: BackupInfo, offsite: OffsiteSettings, store: keystore.KeyStore | None,
                  passphrase: str | None = None) -> Path:
    """Put `local` in the off-laptop folder: encrypted, or plain only where the user chose so."""
    folder = offsite.folder
    if folder is None:
        raise BackupError("no folder is chosen for the off-laptop copy")
    if not folder.is_dir():
        raise BackupError(f"the off-laptop folder {folder} is not there (is the drive plugged in?)")
    if offsite.mode == PLAIN:
        with closing(open_readonly(local.path)) as source:
            return copy_database(source, folder / local.path.name)
    if offsite.mode == PASSPHRASE:
        if not passphrase:
            raise BackupError("the off-laptop copy needs the backup passphrase, typed once per session")
        sealing = passphrase_sealing(passphrase)
    else:
        key = store.backup_key() if store is not None else None
        if key is None:
            raise BackupError("there is no backup key in this computer's keyring; set one up in Settings > Data")
        sealing = key_sealing(key)
    meta = {"created_at": local.created_at.isoformat(), "customers": local.customers,
            "schema_version": local.schema_version, "name": local.path.name}
    return encrypt_file(local.path, folder / (local.path.name + ENCRYPTED_SUFFIX), sealing, meta)


def back_up(source: sqlite3.Connection | Path, db_path: Path, kind: str, now: datetime, zone: tzinfo, *,
            offsite: OffsiteSettings | None = None, store: keystore.KeyStore | None = None,
            passphrase: str | None = None) -> BackupReport:
    """A checked copy in the book's backup folder, rotation, then the off-laptop copy if one is set up.

    A failing local copy raises BackupError; a failing off-laptop copy is reported, not raised.
    """
    backup_dir = backup_dir_for(db_path)
    local = make_backup(source, backup_dir, kind, now)
    removed = rotate(backup_dir, zone)
    if offsite is None or not offsite.enabled:
        return BackupReport(local, tuple(removed))
    try:
        target = write_offsite(local, offsite, store, passphrase)
    except (BackupError, keystore.KeystoreError) as exc:
        return BackupReport(local, tuple(removed), None, str(exc))
    return BackupReport(local, tuple(removed + rotate(offsite.folder, zone)), target)


def back_up_open_book(kind: str, now: datetime, zone: tzinfo) -> BackupReport | None:
    """A copy of the bound book before a risky write (an import); None for an in-memory book and for a
    book on a server (its copies are the server's: pg_dump; the import is still one transaction and undoable).

    Raises BackupError when the copy cannot be made: the caller then does not write.
    """
    name = database.obj.database
    if not isinstance(database.obj, SqliteDatabase) or not name or name == ":memory:":
        return None
    return back_up(Path(name), Path(name), kind, now, zone)


def restore_file(path: Path, db_path: Path, now: datetime, *, store: keystore.KeyStore | None = None,
                 recovery_code: str | None = None, passphrase: str | None = None) -> RestoreResult:
    """Restore the book from a plain or encrypted copy (see store.backup.restore_backup).

    An encrypted copy is decrypted beside the backups first, into a file removed on any exit (and by
    clean_leftovers at the next start or restore, after a kill no code can catch). A key
    typed as a recovery code is kept in the keyring, where there is one, for the next time.
    """
    path, backup_dir = Path(path), backup_dir_for(db_path)
    if not is_encrypted(path):
        return restore_backup(path, db_path, backup_dir, now)
    header = read_header(path)
    key = key_for(header, store, recovery_code=recovery_code, passphrase=passphrase)
    backup_dir.mkdir(parents=True, exist_ok=True)
    clean_leftovers(backup_dir)  # a decrypted copy left by a restore that was killed
    plain = backup_dir / restoring_name(now)
    try:
        decrypt_file(path, plain, key)
        result = restore_backup(plain, db_path, backup_dir, now)
    finally:
        plain.unlink(missing_ok=True)
    if recovery_code and store is not None and store.usable():
        with suppress(keystore.KeystoreError):
            store.remember_key(key)
    return replace(result, source=path)


def migrate_file(db_path: Path, now: datetime) -> list[int]:
    """Bring a restored book to this version's schema (a pre-migration copy first); the versions applied."""
    db = SqliteDatabase(str(db_path), pragmas=PRAGMAS, lock_type=LOCK_TYPE)
    db.connect()
    try:
        return upgrade(db, Path(db_path), backup_dir_for(db_path), now)
    finally:
        db.close()
