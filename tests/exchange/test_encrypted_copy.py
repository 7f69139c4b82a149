"""The encrypted off-laptop copy: AES-GCM in chunks, unreadable without the key, every change detected."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.helpers import MemoryKeyring
from trade_crm.exchange.encrypted_copy import (
    DamagedCopyError,
    SecretNeeded,
    WrongKeyError,
    decrypt_file,
    encrypt_file,
    is_encrypted,
    key_for,
    key_sealing,
    passphrase_sealing,
    read_header,
    read_meta,
)
from trade_crm.keystore import KeyStore, new_key, recovery_code

CHUNK = 4096


@pytest.fixture
def plain(tmp_path) -> Path:
    path = tmp_path / "daily-20261123-013000.db"
    path.write_bytes(os.urandom(CHUNK * 5 + 123))
    return path


def seal(plain: Path, key: bytes, tmp_path: Path) -> Path:
    return encrypt_file(plain, tmp_path / "usb" / (plain.name + ".enc"), key_sealing(key),
                        {"customers": 7, "name": plain.name}, chunk_size=CHUNK)


def test_round_trip_in_chunks_gives_back_the_same_bytes_and_metadata(plain, tmp_path):
    key = new_key()
    sealed = seal(plain, key, tmp_path)
    assert is_encrypted(sealed) and not is_encrypted(plain)
    assert plain.read_bytes()[:64] not in sealed.read_bytes()
    meta = decrypt_file(sealed, tmp_path / "out.db", key)
    assert (tmp_path / "out.db").read_bytes() == plain.read_bytes()
    assert meta["customers"] == 7 and read_meta(sealed, key)["name"] == plain.name
    assert not list(tmp_path.glob("**/*.partial"))


@pytest.mark.parametrize("size", [0, CHUNK, CHUNK * 2])
def test_empty_and_exact_multiple_of_the_chunk_size_round_trip(tmp_path, size):
    source = tmp_path / "p.db"
    source.write_bytes(os.urandom(size))
    key = new_key()
    sealed = encrypt_file(source, tmp_path / "p.db.enc", key_sealing(key), {}, chunk_size=CHUNK)
    decrypt_file(sealed, tmp_path / "back.db", key)
    assert (tmp_path / "back.db").read_bytes() == source.read_bytes()


def test_another_key_is_refused_before_decrypting(plain, tmp_path):
    sealed = seal(plain, new_key(), tmp_path)
    with pytest.raises(WrongKeyError):
        decrypt_file(sealed, tmp_path / "out.db", new_key())
    assert not (tmp_path / "out.db").exists()


@pytest.mark.parametrize("where", ["header", "meta", "first chunk", "last chunk", "cut", "extra", "swap"])
def test_any_change_to_the_file_is_detected_and_nothing_is_left_behind(plain, tmp_path, where):
    key = new_key()
    sealed = seal(plain, key, tmp_path)
    data = bytearray(sealed.read_bytes())
    header = 52
    meta_end = header + read_header(sealed).meta_length
    step = CHUNK + 16
    if where == "header":
        data[40] ^= 1  # a byte of the nonce prefix: authenticated as associated data
    elif where == "meta":
        data[header + 3] ^= 1
    elif where == "first chunk":
        data[meta_end + 10] ^= 1
    elif where == "last chunk":
        data[-3] ^= 1
    elif where == "cut":
        data = data[:meta_end + step * 2]  # whole chunks gone: the new last one lacks the "last" flag
    elif where == "extra":
        data += data[meta_end:meta_end + step]
    elif where == "swap":
        first, second = data[meta_end:meta_end + step], data[meta_end + step:meta_end + 2 * step]
        data[meta_end:meta_end + 2 * step] = second + first
    sealed.write_bytes(bytes(data))
    with pytest.raises(DamagedCopyError):
        decrypt_file(sealed, tmp_path / "out.db", key)
    assert not (tmp_path / "out.db").exists()
    assert not (tmp_path / "out.db.partial").exists()


def test_not_an_encrypted_copy_is_said_plainly(plain):
    with pytest.raises(DamagedCopyError, match="not an encrypted Trade CRM backup"):
        read_header(plain)


def test_key_comes_from_the_keyring_else_the_recovery_code_is_needed(plain, tmp_path):
    store = KeyStore(MemoryKeyring())
    key = store.create_backup_key()
    header = read_header(seal(plain, key, tmp_path))
    assert key_for(header, store) == key
    with pytest.raises(SecretNeeded) as needed:
        key_for(header, KeyStore())  # the null keyring: another laptop, or a headless one
    assert needed.value.mode == 1
    assert key_for(header, KeyStore(), recovery_code=recovery_code(key)) == key
    with pytest.raises(WrongKeyError, match="another key"):
        key_for(header, KeyStore(), recovery_code=recovery_code(new_key()))


def test_passphrase_copy_opens_with_the_passphrase_only(plain, tmp_path):
    sealed = encrypt_file(plain, tmp_path / "p.db.enc", passphrase_sealing("correct horse", log_n=10), {},
                          chunk_size=CHUNK)
    header = read_header(sealed)
    assert header.mode == 2 and header.log_n == 10 and header.salt != bytes(16)
    with pytest.raises(SecretNeeded):
        key_for(header, None)
    with pytest.raises(WrongKeyError, match="passphrase"):
        key_for(header, None, passphrase="wrong horse")
    decrypt_file(sealed, tmp_path / "back.db", key_for(header, None, passphrase="correct horse"))
    assert (tmp_path / "back.db").read_bytes() == plain.read_bytes()
