"""Kept files go into every backup (the rotated local copies and the encrypted off-laptop copy) and come back
on restore: the hashes of every file are compared."""

from __future__ import annotations

import hashlib
import os
import shutil
from datetime import timedelta
from pathlib import Path

import pytest

from tests.helpers import MemoryKeyring
from trade_crm.domain.attachments.blobs import attachments_for, stored_blobs
from trade_crm.domain.attachments.copies import files_dir
from trade_crm.domain.attachments.records import NewFile, attach_files
from trade_crm.domain.backups import KEYRING, PASSPHRASE, PLAIN, OffsiteSettings, backup_dir_for
from trade_crm.domain.customers.records import create_customer
from trade_crm.exchange.encrypted_copy import back_up, restore_file
from trade_crm.keystore import KeyStore
from trade_crm.store.db import close_database, open_database


def hashes(root: Path) -> dict[str, str]:
    """Each blob's own name and the sha256 of its bytes, read from disk."""
    return {sha: hashlib.sha256(path.read_bytes()).hexdigest() for sha, path in stored_blobs(root).items()}


@pytest.fixture
def book(db_path, clock):
    """A book with three customers' files (one shared by two of them), closed again for the backups."""
    database = open_database(db_path)
    root = attachments_for(db_path)
    a = create_customer(clock, name="Al Noor Trading LLC")
    b = create_customer(clock, name="Lagos Foods")
    attach_files(root, a, [NewFile(os.urandom(300_000), "carton.jpg"), NewFile(b"%PDF-1.7 PI", "PI.pdf")], clock)
    attach_files(root, b, [NewFile(b"%PDF-1.7 PI", "PI copy.pdf"), NewFile("名片".encode(), "card.txt")], clock)
    close_database(database)
    return root


def test_a_local_backup_holds_every_file_and_a_restore_brings_each_back_byte_for_byte(db_path, clock, book):
    before = hashes(book)
    assert len(before) == 3 and all(name == digest for name, digest in before.items())
    report = back_up(db_path, db_path, "manual", clock.now(), clock.zone)
    assert (report.files.added, report.files.missing) == (3, ())
    assert hashes(files_dir(backup_dir_for(db_path))) == before
    shutil.rmtree(book)  # the disk lost the files
    result = restore_file(report.local.path, db_path, clock.now() + timedelta(minutes=1))
    assert (result.files_restored, result.files_missing) == (3, ())
    assert hashes(book) == before


def test_a_second_backup_adds_only_the_new_files_and_links_them_on_the_same_disk(db_path, clock, book):
    first = back_up(db_path, db_path, "manual", clock.now(), clock.zone)
    database = open_database(db_path)
    customer = create_customer(clock, name="Dubai Pack")
    attach_files(book, customer, [NewFile(b"new", "new.txt")], clock)
    close_database(database)
    second = back_up(db_path, db_path, "manual", clock.now() + timedelta(hours=1), clock.zone)
    assert (first.files.added, second.files.added, second.files.already) == (3, 1, 3)
    assert second.files.linked == 1  # tmp_path is one disk: a link, no second copy of the bytes


def test_rotation_removes_the_files_no_kept_copy_names(db_path, clock, book, tmp_path):
    stray = files_dir(backup_dir_for(db_path)) / "ff" / "ff" / ("ff" * 32)
    stray.parent.mkdir(parents=True)
    stray.write_bytes(b"of a copy rotated away")
    back_up(db_path, db_path, "manual", clock.now(), clock.zone)
    assert not stray.exists() and len(hashes(files_dir(backup_dir_for(db_path)))) == 3


@pytest.mark.parametrize("mode", [KEYRING, PASSPHRASE, PLAIN])
def test_the_off_laptop_copy_holds_every_file_and_restores_them_on_another_laptop(db_path, clock, book, tmp_path,
                                                                                  mode):
    before = hashes(book)
    usb = tmp_path / "usb"
    usb.mkdir()
    store = KeyStore(MemoryKeyring())
    store.create_backup_key()
    report = back_up(db_path, db_path, "manual", clock.now(), clock.zone, offsite=OffsiteSettings(usb, mode),
                     store=store, passphrase="correct horse battery")
    assert report.offsite_problem == "" and report.offsite_files.added == 3
    sealed = sorted(p for p in files_dir(usb).rglob("*") if p.is_file())
    assert len(sealed) == 3
    if mode != PLAIN:  # nothing readable leaves the laptop
        assert all(p.suffix == ".enc" and b"%PDF" not in p.read_bytes() for p in sealed)
    # Another laptop: only the USB stick; its book and files are gone.
    shutil.rmtree(book)
    shutil.rmtree(backup_dir_for(db_path))
    db_path.unlink()
    result = restore_file(report.offsite, db_path, clock.now() + timedelta(minutes=1), store=store,
                          passphrase="correct horse battery")
    assert (result.customers, result.files_restored, result.files_missing) == (2, 3, ())
    assert hashes(book) == before


def test_a_restore_reports_a_file_no_backup_holds(db_path, clock, book):
    report = back_up(db_path, db_path, "manual", clock.now(), clock.zone)
    lost = sorted(stored_blobs(book))[0]
    shutil.rmtree(book)
    (files_dir(backup_dir_for(db_path)) / lost[:2] / lost[2:4] / lost).unlink()
    result = restore_file(report.local.path, db_path, clock.now() + timedelta(minutes=1))
    assert (result.files_restored, result.files_missing) == (2, (lost,))


def test_rotation_in_the_off_laptop_folder_removes_the_files_only_rotated_copies_named(db_path, clock, book,
                                                                                        tmp_path):
    usb = tmp_path / "usb"
    usb.mkdir()
    store = KeyStore(MemoryKeyring())
    store.create_backup_key()
    offsite = OffsiteSettings(usb, KEYRING)
    old = back_up(db_path, db_path, "manual", clock.now() - timedelta(days=400), clock.zone, offsite=offsite,
                  store=store)
    sealed = {p.name for p in files_dir(usb).rglob("*.enc")}
    assert len(sealed) == 3 and old.offsite.with_name(old.offsite.name + ".files").read_text().count("\n") == 3
    database = open_database(db_path)
    from trade_crm.store.models import Attachment  # lazy: only this test writes rows by hand
    gone = Attachment.select().order_by(Attachment.id).first().sha256
    Attachment.delete().where(Attachment.sha256 == gone).execute()
    close_database(database)
    for days in range(390, 0, -30):  # thirteen newer months: the first copy is rotated away
        back_up(db_path, db_path, "manual", clock.now() - timedelta(days=days), clock.zone, offsite=offsite,
                store=store)
    assert not old.offsite.exists() and not old.offsite.with_name(old.offsite.name + ".files").exists()
    assert {p.name for p in files_dir(usb).rglob("*.enc")} == sealed - {gone + ".enc"}


def test_a_damaged_older_copy_keeps_every_backed_up_file(db_path, clock, book):
    first = back_up(db_path, db_path, "manual", clock.now(), clock.zone)
    first.local.path.write_bytes(b"not a database any more")
    stray = files_dir(backup_dir_for(db_path)) / "ee" / "ee" / ("ee" * 32)
    stray.parent.mkdir(parents=True)
    stray.write_bytes(b"maybe the damaged copy's")
    back_up(db_path, db_path, "manual", clock.now() + timedelta(hours=1), clock.zone)
    assert stray.exists()
