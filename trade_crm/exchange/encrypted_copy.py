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
from collections.abc import Callable
from contextlib import closing, suppress
from dataclasses import dataclass, replace
from datetime import datetime, tzinfo
from pathlib import Path
from typing import BinaryIO

from peewee import SqliteDatabase

from trade_crm import keystore
from trade_crm.domain.attachments.blobs import attachments_for, blob_path
from trade_crm.domain.attachments.copies import (
    FilesCopied,
    FilesRestored,
    backup_files,
    files_dir,
    from_store,
    prune,
    restore_files,
)
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
    attachment_hashes,
    copy_database,
    fsync_dir,
    list_backups,
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
    files: FilesCopied = FilesCopied()  # the kept files (attachments) in the local backup folder
    offsite_files: FilesCopied = FilesCopied()


def _sealing(offsite: OffsiteSettings, store: keystore.KeyStore | None, passphrase: str | None) -> Sealing | None:
    """How this run's off-laptop copy and its files are encrypted (one scrypt per run); None: plain."""
    if offsite.mode == PLAIN:
        return None
    if offsite.mode == PASSPHRASE:
        if not passphrase:
            raise BackupError("the off-laptop copy needs the backup passphrase, typed once per session")
        return passphrase_sealing(passphrase)
    key = store.backup_key() if store is not None else None
    if key is None:
        raise BackupError("there is no backup key in this computer's keyring; set one up in Settings > Data")
    return key_sealing(key)


def _offsite_folder(offsite: OffsiteSettings) -> Path:
    folder = offsite.folder
    if folder is None:
        raise BackupError("no folder is chosen for the off-laptop copy")
    if not folder.is_dir():
        raise BackupError(f"the off-laptop folder {folder} is not there (is the drive plugged in?)")
    return folder


def write_offsite(local: BackupInfo, offsite: OffsiteSettings, store: keystore.KeyStore | None,
                  passphrase: str | None = None, *, sealing: Sealing | None = None) -> Path:
    """Put `local` in the off-laptop folder: encrypted, or plain only where the user chose so."""
    folder = _offsite_folder(offsite)
    sealing = sealing or _sealing(offsite, store, passphrase)
    if sealing is None:
        with closing(open_readonly(local.path)) as source:
            return copy_database(source, folder / local.path.name)
    meta = {"created_at": local.created_at.isoformat(), "customers": local.customers,
            "schema_version": local.schema_version, "name": local.path.name}
    return encrypt_file(local.path, folder / (local.path.name + ENCRYPTED_SUFFIX), sealing, meta)


def encrypted_blob_path(store: Path, sha256: str) -> Path:
    return blob_path(store, sha256).with_name(sha256 + ENCRYPTED_SUFFIX)


def write_offsite_files(root: Path, hashes: set[str], folder: Path, sealing: Sealing | None) -> FilesCopied:
    """The kept files of a copy in the off-laptop folder's store, those not there yet: each encrypted
    alone (`ab/cd/<sha256>.enc`, the same format as the book's copy) or, for plain copies, copied."""
    store = files_dir(folder)
    if sealing is None:
        return backup_files(root, store, hashes, link=False)
    added, already, missing = 0, 0, []
    for sha in sorted(hashes):
        target, source = encrypted_blob_path(store, sha), blob_path(root, sha)
        if target.is_file():
            already += 1
        elif not source.is_file():
            missing.append(sha)
        else:
            encrypt_file(source, target, sealing, {"sha256": sha, "size": source.stat().st_size})
            added += 1
    return FilesCopied(added, 0, already, tuple(missing))


MANIFEST_SUFFIX = ".files"  # beside an off-laptop copy: the sha256 of the files it names, one a line


def _write_manifest(copy: Path, hashes: set[str]) -> None:
    """Which files an off-laptop copy names (their hashes are the store's file names already), so rotation
    there can tell which files no kept copy needs without decrypting any copy."""
    manifest = copy.with_name(copy.name + MANIFEST_SUFFIX)
    partial = manifest.with_name(manifest.name + ".partial")
    partial.write_text("".join(f"{sha}\n" for sha in sorted(hashes)), encoding="ascii")
    partial.replace(manifest)


def _prune_offsite(folder: Path) -> None:
    """The off-laptop folder's rotation, second half: manifests of copies gone, and files no copy names."""
    keep: set[str] = set()
    for manifest in folder.glob(f"*{MANIFEST_SUFFIX}"):
        copy = manifest.with_name(manifest.name[:-len(MANIFEST_SUFFIX)])
        if copy.exists():
            keep.update(manifest.read_text(encoding="ascii").split())
        else:
            manifest.unlink(missing_ok=True)
    store = files_dir(folder)
    for path in list(store.rglob("*")) if store.is_dir() else []:
        sha = path.name.removesuffix(ENCRYPTED_SUFFIX)
        if len(sha) == 64 and path.is_file() and sha not in keep:
            path.unlink(missing_ok=True)


def _keep_files(backup_dir: Path) -> None:
    """Rotation's second half: the blobs of the backup folder that no copy kept there names go. A copy that
    cannot be read (damaged) might name any of them: then nothing goes."""
    keep: set[str] = set()
    for info in list_backups(backup_dir):
        if not info.encrypted:
            try:
                keep |= attachment_hashes(info.path)
            except BackupError:
                return
    prune(files_dir(backup_dir), keep)


def back_up(source: sqlite3.Connection | Path, db_path: Path, kind: str, now: datetime, zone: tzinfo, *,
            offsite: OffsiteSettings | None = None, store: keystore.KeyStore | None = None,
            passphrase: str | None = None, attachments: Path | None = None) -> BackupReport:
    """A checked copy in the book's backup folder with the files it names, rotation, then the off-laptop copy
    (and its files) if one is set up. `attachments` is the live files' folder (default: beside the book).

    A failing local copy raises BackupError; a failing off-laptop copy is reported, not raised.
    """
    backup_dir = backup_dir_for(db_path)
    root = attachments if attachments is not None else attachments_for(db_path)
    local = make_backup(source, backup_dir, kind, now)
    hashes = attachment_hashes(local.path)
    try:
        files = backup_files(root, files_dir(backup_dir), hashes)
    except OSError as exc:
        local.path.unlink(missing_ok=True)  # a copy without its files is not a backup to go back to
        raise BackupError(f"cannot copy the attached files to {files_dir(backup_dir)}: {exc.strerror or exc}") from exc
    removed = rotate(backup_dir, zone)
    _keep_files(backup_dir)
    if offsite is None or not offsite.enabled:
        return BackupReport(local, tuple(removed), files=files)
    try:
        sealing = _sealing(offsite, store, passphrase)
        target = write_offsite(local, offsite, store, passphrase, sealing=sealing)
        offsite_files = write_offsite_files(root, hashes, _offsite_folder(offsite), sealing)
        _write_manifest(target, hashes)
    except (BackupError, keystore.KeystoreError) as exc:
        return BackupReport(local, tuple(removed), None, str(exc), files)
    except OSError as exc:
        return BackupReport(local, tuple(removed), None, f"cannot copy the attached files: {exc.strerror or exc}",
                            files)
    removed += rotate(offsite.folder, zone)
    _prune_offsite(offsite.folder)
    return BackupReport(local, tuple(removed), target, files=files, offsite_files=offsite_files)


def back_up_open_book(kind: str, now: datetime, zone: tzinfo) -> BackupReport | None:
    """A copy of the bound book before a risky write (an import); None for an in-memory book and for a
    book on a server (its copies are the server's: pg_dump; the import is still one transaction and undoable).

    Raises BackupError when the copy cannot be made: the caller then does not write.
    """
    name = database.obj.database
    if not isinstance(database.obj, SqliteDatabase) or not name or name == ":memory:":
        return None
    return back_up(Path(name), Path(name), kind, now, zone)


def _encrypted_finder(store_dir: Path, keys: Callable[[Header], bytes]) -> Callable[[str, Path], bool]:
    def find(sha: str, target: Path) -> bool:
        source = encrypted_blob_path(store_dir, sha)
        if not source.is_file():
            return False
        try:
            decrypt_file(source, target, keys(read_header(source)))
        except EncryptedCopyError:
            return False  # another key, or damaged: reported as missing
        return True
    return find


def _restore_files(path: Path, db_path: Path, root: Path, keys: Callable[[Header], bytes] | None) -> FilesRestored:
    """The files the restored book names, back from the copy's folder (then the book's own backups)."""
    backup_dir = backup_dir_for(db_path)
    finders = [_encrypted_finder(files_dir(path.parent), keys)] if keys is not None else []
    finders += [from_store(folder) for folder in dict.fromkeys((files_dir(path.parent), files_dir(backup_dir)))]
    try:
        return restore_files(root, attachment_hashes(db_path), finders)
    except OSError as exc:
        raise BackupError(f"the book was restored, but its files could not be put back in {root}: "
                          f"{exc.strerror or exc}") from exc


def restore_file(path: Path, db_path: Path, now: datetime, *, store: keystore.KeyStore | None = None,
                 recovery_code: str | None = None, passphrase: str | None = None,
                 attachments: Path | None = None) -> RestoreResult:
    """Restore the book from a plain or encrypted copy (see store.backup.restore_backup), then the files it
    names that are missing beside the book (`attachments`, default the folder beside it).

    An encrypted copy is decrypted beside the backups first, into a file removed on any exit (and by
    clean_leftovers at the next start or restore, after a kill no code can catch). A key
    typed as a recovery code is kept in the keyring, where there is one, for the next time.
    """
    path, backup_dir = Path(path), backup_dir_for(db_path)
    root = attachments if attachments is not None else attachments_for(db_path)
    if not is_encrypted(path):
        result = restore_backup(path, db_path, backup_dir, now)
        files = _restore_files(path, db_path, root, None)
        return replace(result, files_restored=files.restored, files_missing=files.missing + files.damaged)
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
    keys: dict[tuple[bytes, bytes], bytes] = {(header.key_id, header.salt): key}

    def key_of(blob: Header) -> bytes:  # one scrypt per passphrase salt, not one per file
        found = keys.get((blob.key_id, blob.salt))
        if found is None:
            found = keys[(blob.key_id, blob.salt)] = key_for(blob, store, recovery_code=recovery_code,
                                                             passphrase=passphrase)
        return found

    files = _restore_files(path, db_path, root, key_of)
    if recovery_code and store is not None and store.usable():
        with suppress(keystore.KeystoreError):
            store.remember_key(key)
    return replace(result, source=path, files_restored=files.restored, files_missing=files.missing + files.damaged)


def migrate_file(db_path: Path, now: datetime) -> list[int]:
    """Bring a restored book to this version's schema (a pre-migration copy first); the versions applied."""
    db = SqliteDatabase(str(db_path), pragmas=PRAGMAS, lock_type=LOCK_TYPE)
    db.connect()
    try:
        return upgrade(db, Path(db_path), backup_dir_for(db_path), now)
    finally:
        db.close()
