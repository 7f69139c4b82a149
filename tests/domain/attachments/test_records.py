"""Files kept with a customer: stored once per content, named by the book, all or none."""

import hashlib

import pytest

from trade_crm.domain.attachments.blobs import attachments_root, blob_path, store_blob
from trade_crm.domain.attachments.records import NewFile, attach_files, attachments_of
from trade_crm.domain.customers.records import create_customer
from trade_crm.domain.errors import NotFoundError, ValidationError
from trade_crm.store.models import Attachment


def test_the_same_content_is_stored_once_under_its_hash(tmp_path):
    root = attachments_root(tmp_path)
    pdf = tmp_path / "PI-2026-118.pdf"
    pdf.write_bytes(b"%PDF-1.7 proforma")
    first, second = store_blob(root, pdf), store_blob(root, b"%PDF-1.7 proforma")
    assert first == second and first.sha256 == hashlib.sha256(b"%PDF-1.7 proforma").hexdigest()
    path = blob_path(root, first.sha256)
    assert path.read_bytes() == b"%PDF-1.7 proforma" and path.parent.parent.name == first.sha256[:2]
    assert [p.name for p in root.rglob("*") if p.is_file()] == [first.sha256]


def test_files_attach_to_a_customer_and_an_entry_with_their_names_and_types(db, clock, tmp_path):
    root = attachments_root(tmp_path)
    customer = create_customer(clock, name="Al Noor Trading LLC")
    card = tmp_path / "名片.jpg"
    card.write_bytes(b"\xff\xd8\xff business card")
    [kept, pasted] = attach_files(root, customer, [NewFile(card), NewFile(b"contract text", "contract.txt")], clock)
    assert (kept.name, kept.content_type, kept.size, kept.interaction_id) == ("名片.jpg", "image/jpeg", 17, None)
    assert pasted.source == "user" and blob_path(root, pasted.sha256).read_bytes() == b"contract text"
    assert attachments_of(customer) == [kept, pasted]


def test_a_bad_attach_writes_no_row(db, clock, tmp_path):
    root = attachments_root(tmp_path)
    customer = create_customer(clock, name="Al Noor Trading LLC")
    with pytest.raises(ValidationError):
        attach_files(root, customer, [NewFile(b"x", "ok.txt"), NewFile(b"y", "  ")], clock)
    with pytest.raises(NotFoundError):
        attach_files(root, customer, [NewFile(b"x", "ok.txt")], clock, interaction_id=12345)
    with pytest.raises(OSError):
        attach_files(root, customer, [NewFile(b"x", "ok.txt"), NewFile(tmp_path / "gone.pdf")], clock)
    assert Attachment.select().count() == 0
