"""The backup key in the OS keyring: a usable backend keeps it, the null/fail backends are "no keyring here",
the recovery code round-trips and catches typos, and a passphrase is stretched with scrypt."""

from __future__ import annotations

import keyring
import pytest
from keyring.backends import fail, null

from tests.helpers import MemoryKeyring
from trade_crm.keystore import (
    CURRENT_KEY,
    SERVICE,
    KeyStore,
    KeystoreError,
    RecoveryCodeError,
    backend_is_usable,
    derive_key,
    key_from_recovery_code,
    key_id,
    new_key,
    recovery_code,
)


def test_tests_run_with_the_null_keyring_which_is_not_usable():
    store = KeyStore()
    assert isinstance(keyring.get_keyring(), null.Keyring)
    assert not store.usable()
    assert store.backup_key() is None
    with pytest.raises(KeystoreError, match="no usable keyring"):
        store.create_backup_key()


def test_fail_and_null_backends_are_unusable_and_a_real_one_is_usable():
    assert not backend_is_usable(fail.Keyring())
    assert not backend_is_usable(null.Keyring())
    assert backend_is_usable(MemoryKeyring())


def test_usable_keyring_keeps_the_key_under_service_trade_crm_and_never_in_plain_bytes():
    backend = MemoryKeyring()
    store = KeyStore(backend)
    key = store.create_backup_key()
    assert len(key) == 32
    assert store.backup_key() == key
    assert list(backend.items) == [(SERVICE, CURRENT_KEY)]
    assert store.status().usable and store.status().backend


def test_a_new_key_keeps_the_old_one_findable_by_its_key_id():
    store = KeyStore(MemoryKeyring())
    old = store.create_backup_key()
    new = store.create_backup_key()
    assert new != old
    assert store.key_for(key_id(old)) == old
    assert store.key_for(key_id(new)) == new
    assert store.key_for(b"\0" * 8) is None


def test_remembered_recovery_key_becomes_current_on_a_fresh_laptop():
    store = KeyStore(MemoryKeyring())
    key = new_key()
    store.remember_key(key)
    assert store.backup_key() == key


def test_keyring_errors_become_a_plain_message_without_the_key():
    class Locked(MemoryKeyring):
        def get_password(self, service, username):
            raise RuntimeError("secret-material-should-not-leak")

    with pytest.raises(KeystoreError) as raised:
        KeyStore(Locked()).backup_key()
    assert "secret-material" not in str(raised.value)


def test_recovery_code_round_trips_in_groups_and_forgives_case_dashes_and_look_alikes():
    key = new_key()
    code = recovery_code(key)
    groups = code.split("-")
    assert len(groups) == 11 and all(len(g) == 5 for g in groups[:-1])
    assert key_from_recovery_code(code) == key
    assert key_from_recovery_code(code.lower().replace("-", " ")) == key
    assert key_from_recovery_code(code.replace("O", "0").replace("I", "1")) == key


def test_mistyped_recovery_code_is_caught_by_its_check_letters():
    code = recovery_code(bytes(range(32)))
    position = 3
    typo = code[:position] + ("A" if code[position] != "A" else "B") + code[position + 1:]
    with pytest.raises(RecoveryCodeError, match="mistyped"):
        key_from_recovery_code(typo)
    with pytest.raises(RecoveryCodeError, match="letters and digits"):
        key_from_recovery_code(code[:-5])


def test_passphrase_is_stretched_with_scrypt_salt_and_normalised():
    salt = b"s" * 16
    key = derive_key("Geheimnis 2026", salt, log_n=10)
    assert len(key) == 32
    assert derive_key("Geheimnis 2026", salt, log_n=10) == key
    assert derive_key("Geheimnis 2026", b"t" * 16, log_n=10) != key
    assert derive_key("caf\u00e9", salt, log_n=10) == derive_key("cafe\u0301", salt, log_n=10)
    with pytest.raises(ValueError):
        derive_key("", salt, log_n=10)
