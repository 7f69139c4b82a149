"""A WhatsApp chat imported onto a customer's timeline: matched, one entry a day, re-import adds only
what is new, undoable from the import history; on SQLite and on PostgreSQL (tests/exchange/conftest.py)."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from tests.chats_corpus import Message, conversation, render, write_txt, write_zip
from trade_crm.domain.attachments.blobs import blob_path
from trade_crm.domain.attachments.records import attachments_of
from trade_crm.domain.chats.day_text import read_day
from trade_crm.domain.customers.contacts import ContactInput
from trade_crm.domain.customers.records import create_customer, get_customer
from trade_crm.domain.customers.timeline import log_interaction, timeline
from trade_crm.domain.errors import ValidationError
from trade_crm.exchange.chats.whatsapp import read_chat
from trade_crm.exchange.chats.whatsapp_import import commit_chat, plan_chat
from trade_crm.exchange.importing.history import history, undo_batch
from trade_crm.store.models import ImportBatch, Interaction

START = datetime(2026, 3, 10, 9, 5)  # Shanghai wall time (the clock's zone)
NAME = "WhatsApp Chat with +971 50 123 4567.txt"


@pytest.fixture
def ahmed(db, clock) -> int:
    return create_customer(clock, name="Gulf Lighting LLC", country="AE",
                           contacts=[ContactInput(name="Ahmed Khan", whatsapp="+971 50 123 4567", is_primary=True)])


def _import(tmp_path, clock, messages, name=NAME, **kwargs):
    plan = plan_chat(read_chat(write_txt(tmp_path / name, render("android_dmy", messages))), clock.zone, **kwargs)
    return plan, commit_chat(plan, clock)


def _whatsapp(customer_id):
    return [e for e in timeline(customer_id) if e.kind == "whatsapp"]


def test_a_chat_matched_by_the_number_in_its_file_name_becomes_one_entry_a_day(tmp_path, clock, ahmed):
    plan, result = _import(tmp_path, clock, conversation(START, 3))
    assert (plan.customer.customer_id, plan.customer.by) == (ahmed, "phone")
    assert (result.days_created, result.days_grown, result.messages) == (3, 0, 12)
    entries = _whatsapp(ahmed)
    assert len(entries) == 3
    newest = entries[0]
    # the day's last message, 10:56 in Shanghai on 12 March: 02:56 UTC
    assert newest.occurred_at == datetime(2026, 3, 12, 2, 56, tzinfo=timezone.utc)
    # with the contact whose number matched: its name in the summary, the entry is theirs
    assert (newest.summary, newest.contact_name) == ("Ahmed Khan · 4 messages: Message 2.0 about LED panels", "Ahmed Khan")
    first_day = read_day(entries[-1].body)
    assert [(m.time, m.author) for m in first_day] == [("09:05", "Ahmed Khan"), ("09:42", "Li Wei"),
                                                       ("10:19", "Ahmed Khan"), ("10:56", "Li Wei")]
    assert first_day[1].files == ("00000003-PHOTO-carton.jpg",)
    assert first_day[2].text == "Price for 2000 pcs?\nDelivery to Jebel Ali\nPayment 30% T/T"
    assert get_customer(ahmed).last_contact_at == newest.occurred_at
    batch = history()[0]
    assert (batch.id, batch.source, batch.file_name) == (result.batch, "whatsapp", NAME)
    assert batch.summary["days_created"] == 3 and batch.summary["messages"] == 12


def test_reimporting_a_later_export_adds_only_new_days_and_the_new_messages_of_a_day_that_grew(
        tmp_path, clock, ahmed):
    earlier = conversation(START, 3)
    _import(tmp_path, clock, earlier[:-1])  # the export was made before the last message of day 3
    later = conversation(START, 5)
    plan, result = _import(tmp_path, clock, later)
    assert [d.status for d in plan.days] == ["present", "present", "grown", "new", "new"]
    assert (result.days_created, result.days_grown, result.days_present, result.messages) == (2, 1, 2, 9)
    entries = _whatsapp(ahmed)
    assert len(entries) == 5  # day 3 is still one entry
    day3 = next(e for e in entries if e.occurred_at.astimezone(clock.zone).day == 12)
    assert [m.text for m in read_day(day3.body)][-1] == "Message 2.3 about LED panels"
    assert len(read_day(day3.body)) == 4 and day3.summary.startswith("Ahmed Khan · 4 messages")
    # the same export again: nothing new, nothing written, no batch
    again, nothing = _import(tmp_path, clock, later)
    assert nothing.batch is None and again.count("present") == 5
    assert ImportBatch.select().count() == 2


def test_undo_removes_the_new_days_and_restores_a_grown_day_and_the_last_contact(tmp_path, clock, ahmed):
    _, first = _import(tmp_path, clock, conversation(START, 3)[:-1])
    after_first = {e.interaction_id: e.body for e in _whatsapp(ahmed)}
    last_contact = get_customer(ahmed).last_contact_at
    _, second = _import(tmp_path, clock, conversation(START, 5))
    undo_batch(second.batch, clock)
    assert {e.interaction_id: e.body for e in _whatsapp(ahmed)} == after_first
    assert get_customer(ahmed).last_contact_at == last_contact
    with pytest.raises(ValidationError, match="already undone"):
        undo_batch(second.batch, clock)
    undo_batch(first.batch, clock)
    assert _whatsapp(ahmed) == [] and get_customer(ahmed).last_contact_at is None


def test_an_earlier_import_cannot_be_undone_before_a_later_one_on_the_same_customer(tmp_path, clock, ahmed):
    _, first = _import(tmp_path, clock, conversation(START, 2))
    _import(tmp_path, clock, conversation(START, 4))
    with pytest.raises(ValidationError, match=f"undo import {first.batch + 1} first"):
        undo_batch(first.batch, clock)


def test_an_older_chat_does_not_move_a_newer_last_contact(tmp_path, clock, ahmed):
    log_interaction(ahmed, "email", "Sent the catalogue", clock)
    _import(tmp_path, clock, conversation(START, 2))
    assert get_customer(ahmed).last_contact_at == clock.now()


def test_a_chat_of_someone_not_in_the_book_matches_no_one_and_writes_nothing(tmp_path, clock, ahmed):
    plan = plan_chat(read_chat(write_txt(tmp_path / "WhatsApp Chat with +1 415 555 0134.txt",
                                         render("android_dmy", conversation(START, 2)))), clock.zone)
    assert plan.customer is None and plan.candidates == ()
    assert [d.status for d in plan.days] == ["new", "new"]
    with pytest.raises(ValidationError, match=r"WhatsApp Chat with \+1 415 555 0134\.txt: no customer in the book"):
        commit_chat(plan, clock)
    assert ImportBatch.select().count() == 0 and Interaction.select().count() == 0
    chosen = plan_chat(plan.chat, clock.zone, customer_id=ahmed)
    assert chosen.customer.by == "chosen" and commit_chat(chosen, clock).days_created == 2


def test_an_unsaved_participant_number_or_a_contact_name_matches_too(tmp_path, clock, ahmed):
    by_author = [Message(START, "+971 50 123 4567", "Hello"), Message(START + timedelta(minutes=1), "Li Wei", "Hi")]
    plan = plan_chat(read_chat(write_txt(tmp_path / "_chat.txt", render("ios", by_author))), clock.zone)
    assert (plan.customer.customer_id, plan.customer.by) == (ahmed, "phone")
    named = plan_chat(read_chat(write_txt(tmp_path / "WhatsApp Chat - ahmed  KHAN.txt",
                                          render("ios", conversation(START, 1)))), clock.zone)
    assert (named.customer.customer_id, named.customer.by, named.customer.contact_name) == (
        ahmed, "name", "Ahmed Khan")


def test_a_number_two_customers_share_is_no_match_but_both_are_offered(tmp_path, clock, ahmed):
    other = create_customer(clock, name="Khan Trading", contacts=[ContactInput(name="A. Khan",
                                                                              phones=("+971501234567",))])
    plan = plan_chat(read_chat(write_txt(tmp_path / NAME, render("android_dmy", conversation(START, 1)))), clock.zone)
    assert plan.customer is None
    assert {c.customer_id for c in plan.candidates} == {ahmed, other}


def test_a_txt_export_names_its_media_as_not_attached(tmp_path, clock, ahmed):
    plan, result = _import(tmp_path, clock, conversation(START, 1) + [
        Message(START + timedelta(hours=3), "Ahmed Khan", omitted=True)])
    assert plan.files_missing == ("00000003-PHOTO-carton.jpg",) and result.files_attached == 0
    assert any("a .txt export holds none" in n for n in plan.notes)
    assert any("1 media the export left out" in n for n in plan.notes)


def test_a_zip_export_attaches_its_media_to_the_days_entry_and_names_the_missing_ones(tmp_path, clock, ahmed):
    messages = conversation(START, 2) + [Message(START + timedelta(days=1, hours=5), "Li Wei", "PI attached",
                                                 file="00000009-PI-2026-17.pdf")]
    zipped = write_zip(tmp_path / "WhatsApp Chat - +971 50 123 4567.zip", render("ios", messages),
                       {"00000003-PHOTO-carton.jpg": b"\xff\xd8 a carton photo"})  # the PDF is not in the zip
    root = tmp_path / "attachments"
    plan = plan_chat(read_chat(zipped), clock.zone)
    assert plan.files_found == ("00000003-PHOTO-carton.jpg",) and plan.files_missing == ("00000009-PI-2026-17.pdf",)
    assert any("1 media files the chat names are not in the zip, not attached: 00000009-PI-2026-17.pdf" in n
               for n in plan.notes)
    result = commit_chat(plan, clock, root)
    assert (result.days_created, result.files_attached, result.files_missing) == (2, 1, ("00000009-PI-2026-17.pdf",))
    first_day = _whatsapp(ahmed)[-1]
    files = attachments_of(ahmed, first_day.interaction_id)
    assert [(f.name, f.source, f.content_type) for f in files] == [("00000003-PHOTO-carton.jpg", "whatsapp", "image/jpeg")]
    assert blob_path(root, files[0].sha256).read_bytes() == b"\xff\xd8 a carton photo"
    undo_batch(result.batch, clock)
    assert attachments_of(ahmed, include_deleted=True) == []


def test_a_day_that_grew_gets_its_new_media_and_undo_takes_them_off_again(tmp_path, clock, ahmed):
    root = tmp_path / "attachments"
    day = conversation(START, 1, files=False)
    first = commit_chat(plan_chat(read_chat(write_zip(tmp_path / "a.zip", render("ios", day), {})), clock.zone,
                                  customer_id=ahmed), clock, root)
    grown = day + [Message(START + timedelta(hours=4), "Ahmed Khan", "the label", file="00000020-PHOTO-label.jpg")]
    plan = plan_chat(read_chat(write_zip(tmp_path / "b.zip", render("ios", grown),
                                         {"00000020-PHOTO-label.jpg": b"label"})), clock.zone, customer_id=ahmed)
    assert [d.status for d in plan.days] == ["grown"]
    second = commit_chat(plan, clock, root)
    (entry,) = _whatsapp(ahmed)
    assert [f.name for f in attachments_of(ahmed, entry.interaction_id)] == ["00000020-PHOTO-label.jpg"]
    assert read_day(entry.body)[-1].files == ("00000020-PHOTO-label.jpg",)
    undo_batch(second.batch, clock)
    assert attachments_of(ahmed) == [] and len(read_day(_whatsapp(ahmed)[0].body)) == 4
    assert first.batch is not None


def test_a_failure_while_attaching_media_leaves_nothing_half_imported(tmp_path, clock, ahmed):
    zipped = write_zip(tmp_path / "WhatsApp Chat - +971 50 123 4567.zip", render("ios", conversation(START, 3)),
                       {"00000003-PHOTO-carton.jpg": b"photo"})
    not_a_folder = tmp_path / "attachments"
    not_a_folder.write_text("a file where the files' folder should be")
    with pytest.raises(OSError):
        commit_chat(plan_chat(read_chat(zipped), clock.zone), clock, not_a_folder)
    assert ImportBatch.select().count() == 0 and _whatsapp(ahmed) == []
    assert get_customer(ahmed).last_contact_at is None
