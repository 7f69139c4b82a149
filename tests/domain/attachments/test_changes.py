"""Kept files renamed, moved, deleted with undo, purged after the undo window; a customer's delete and merge."""

from datetime import timedelta

import pytest

from trade_crm.domain.attachments.blobs import attachments_root, blob_path
from trade_crm.domain.attachments.changes import (
    SIZE_LIMIT_MB,
    delete_attachments,
    move_attachments,
    oversized,
    purge_deleted,
    rename_attachment,
    restore_attachments,
    set_size_limit,
    size_limit,
)
from trade_crm.domain.attachments.integrity import (
    MissingFile,
    check_files,
    clean_up,
    missing_files,
    open_path,
)
from trade_crm.domain.attachments.records import NewFile, attach_files, attachments_of
from trade_crm.domain.customers.records import create_customer, delete_customers, restore_customers
from trade_crm.domain.customers.timeline import log_interaction
from trade_crm.domain.duplicates.merge import merge_customers
from trade_crm.domain.duplicates.merge_undo import undo_merge
from trade_crm.domain.errors import NotFoundError, ValidationError
from trade_crm.store.models import Attachment


@pytest.fixture
def root(tmp_path):
    return attachments_root(tmp_path)


def test_rename_changes_the_name_not_the_bytes(db, clock, root):
    customer = create_customer(clock, name="Al Noor Trading LLC")
    [info] = attach_files(root, customer, [NewFile(b"pi", "PI.pdf")], clock)
    renamed = rename_attachment(info.id, "  PI 2026-118 signed.pdf ")
    assert renamed.name == "PI 2026-118 signed.pdf" and renamed.sha256 == info.sha256
    with pytest.raises(ValidationError):
        rename_attachment(info.id, "   ")
    with pytest.raises(ValidationError):
        rename_attachment(info.id, "../evil.pdf")


def test_a_delete_is_undone_and_purged_only_after_the_undo_window(db, clock, root):
    customer = create_customer(clock, name="Al Noor Trading LLC")
    [a, b] = attach_files(root, customer, [NewFile(b"1", "a.txt"), NewFile(b"2", "b.txt")], clock)
    [gone] = delete_attachments([a.id], clock)
    assert gone.deleted_at == clock.now() and attachments_of(customer) == [b]
    assert [i.id for i in restore_attachments([a.id])] == [a.id]
    assert [i.id for i in attachments_of(customer)] == [a.id, b.id]
    delete_attachments([a.id], clock)
    assert purge_deleted(clock) == 0  # still within the window
    clock.advance(timedelta(days=31))
    assert purge_deleted(clock) == 1
    assert [row.id for row in Attachment.select()] == [b.id]
    assert blob_path(root, a.sha256).exists()  # the bytes wait for the clean-up


def test_files_move_to_another_entry_of_the_same_customer_only(db, clock, root):
    customer = create_customer(clock, name="Al Noor Trading LLC")
    other = create_customer(clock, name="Lagos Foods")
    entry = log_interaction(customer, "call", "PI agreed", clock)
    [info] = attach_files(root, customer, [NewFile(b"pi", "PI.pdf")], clock)
    assert move_attachments([info.id], customer, entry)[0].interaction_id == entry
    with pytest.raises(ValidationError):
        move_attachments([info.id], other, entry)
    moved = move_attachments([info.id], other)[0]
    assert (moved.customer_id, moved.interaction_id) == (other, None)
    with pytest.raises(NotFoundError):
        move_attachments([999], customer)


def test_deleting_a_customer_takes_its_files_and_undo_brings_them_back(db, clock, root):
    customer = create_customer(clock, name="Al Noor Trading LLC")
    [info] = attach_files(root, customer, [NewFile(b"card", "card.jpg")], clock)
    snap = delete_customers([customer])
    assert Attachment.select().count() == 0
    restore_customers(snap)
    assert attachments_of(customer) == [info]


def test_a_merge_moves_the_files_to_the_kept_customer_and_undo_moves_them_back(db, clock, root):
    keep = create_customer(clock, name="Al Noor Trading LLC")
    other = create_customer(clock, name="Al Noor Trading")
    entry = log_interaction(other, "call", "sent photos", clock)
    [photo] = attach_files(root, other, [NewFile(b"carton", "carton.jpg")], clock, interaction_id=entry)
    result = merge_customers(keep, [other], clock)
    assert result.moved["files"] == 1
    [moved] = attachments_of(keep)
    assert (moved.id, moved.interaction_id) == (photo.id, entry)
    undo_merge(result.merge_id, clock)
    assert attachments_of(other) == [photo] and attachments_of(keep) == []


def test_a_missing_file_is_reported_and_open_path_refuses_it(db, clock, root, tmp_path):
    customer = create_customer(clock, name="Al Noor Trading LLC")
    [kept, lost] = attach_files(root, customer, [NewFile(b"kept", "kept.txt"), NewFile(b"lost", "lost.txt")], clock)
    blob_path(root, lost.sha256).unlink()
    assert missing_files(root) == [lost]
    opened = open_path(root, kept.id, tmp_path / "view")
    assert opened.name == "kept.txt" and opened.read_bytes() == b"kept"
    assert not opened.stat().st_mode & 0o222  # read-only: an application cannot change the kept bytes
    with pytest.raises(MissingFile, match="lost.txt"):
        open_path(root, lost.id, tmp_path / "view")


def test_the_check_lists_unnamed_blobs_and_clean_up_removes_only_those(db, clock, root):
    customer = create_customer(clock, name="Al Noor Trading LLC")
    [a, b] = attach_files(root, customer, [NewFile(b"a", "a.txt"), NewFile(b"bb", "b.txt")], clock)
    delete_attachments([a.id], clock)
    clock.advance(timedelta(days=40))
    purge_deleted(clock)
    check = check_files(root)
    assert check.unnamed == (a.sha256,) and check.unnamed_bytes == 1 and check.missing == () and check.checked == 1
    assert clean_up(root, [a.sha256, b.sha256]) == 1  # b is named: kept whatever the caller asked
    assert not blob_path(root, a.sha256).exists() and blob_path(root, b.sha256).exists()


def test_the_size_limit_is_a_setting_of_50_mb_by_default(db, tmp_path):
    assert SIZE_LIMIT_MB.read() == 50 and size_limit() == 50 * 1024 * 1024
    big = tmp_path / "video.mp4"
    big.write_bytes(b"x" * 3000)
    set_size_limit(0)
    assert oversized([big]) == []
    assert oversized([big, b"12"], limit=2048) == [("video.mp4", 3000)]
    with pytest.raises(ValidationError):
        set_size_limit(-1)
