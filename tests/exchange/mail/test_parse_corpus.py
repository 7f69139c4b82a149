"""The whole generated corpus (tests/mail_corpus.py) parses to the facts each message was built with."""

from __future__ import annotations

import time
from collections import Counter

import pytest

from tests.mail_corpus import build_corpus, by_kind, write_maildir
from trade_crm.domain.mail.messages import TEXT_CAP_CHARS
from trade_crm.exchange.mail.parse import parse_message


@pytest.fixture(scope="module")
def parsed():
    corpus = build_corpus(seed=7, size=1000)
    return [(item, parse_message(item.raw, received_at=item.internal_date)) for item in corpus]


def _mismatches(parsed, fact):
    return [(index, item.kind, got, want) for index, (item, mail) in enumerate(parsed)
            for got, want in [fact(item.expected, mail)] if got != want]


def test_corpus_holds_every_case_the_parser_must_meet(parsed):
    kinds = Counter(item.kind for item, _mail in parsed)
    assert len(parsed) >= 1000
    for kind in ("thread", "auto-reply", "bounce", "read-receipt", "internal", "no-message-id", "reply",
                 "plain-gb2312", "plain-iso-2022-jp", "plain-shift_jis", "plain-koi8-r", "plain-big5",
                 "plain-iso-8859-1", "plain-gbk", "attachments-utf-8"):
        assert kinds[kind] >= 1, kind
    assert kinds["thread"] == 10
    assert {item.folder for item, _mail in parsed} == {"INBOX", "Sent"}
    assert any(item.customer.endswith("gmail.com") for item, _mail in parsed)
    assert sum(item.hostile for item, _mail in parsed) >= 15


def test_building_a_thousand_messages_takes_well_under_a_second():
    started = time.perf_counter()
    build_corpus(seed=11, size=1000)
    assert time.perf_counter() - started < 1.0


def test_the_corpus_is_the_same_bytes_for_the_same_seed():
    first, second = build_corpus(seed=3, size=200), build_corpus(seed=3, size=200)
    assert [m.raw for m in first] == [m.raw for m in second]
    assert [m.raw for m in build_corpus(seed=4, size=200)] != [m.raw for m in first]


def test_subjects_are_decoded_in_every_charset(parsed):
    assert _mismatches(parsed, lambda want, got: (got.subject, want.subject)) == []


def test_senders_are_folded_to_lower_case_with_their_display_names(parsed):
    assert _mismatches(parsed, lambda want, got: ((got.sender.email, got.sender.name),
                                                  (want.sender, want.sender_name))) == []


def test_recipients_in_to_and_cc_are_all_read(parsed):
    assert _mismatches(parsed, lambda want, got: ((tuple(a.email for a in got.to), tuple(a.email for a in got.cc)),
                                                  (want.to, want.cc))) == []


def test_sent_at_is_the_date_header_in_utc_else_the_received_date(parsed):
    assert _mismatches(parsed, lambda want, got: (got.sent_at, want.sent_at)) == []
    assert all(mail.sent_at.tzinfo is not None and mail.sent_at.utcoffset().total_seconds() == 0
               for _item, mail in parsed)


def test_ids_and_thread_headers_are_read(parsed):
    assert _mismatches(parsed, lambda want, got: ((got.message_id, got.in_reply_to, got.references),
                                                  (want.message_id, want.in_reply_to, want.references))) == []


def test_the_text_holds_what_was_written_and_nothing_of_scripts_or_files(parsed):
    missing = [(index, item.kind, fragment) for index, (item, mail) in enumerate(parsed)
               for fragment in item.expected.text_has if fragment not in mail.text]
    leaked = [(index, item.kind, fragment) for index, (item, mail) in enumerate(parsed)
              for fragment in item.expected.text_lacks if fragment in mail.text]
    assert missing == []
    assert leaked == []
    assert all(len(mail.text) <= TEXT_CAP_CHARS for _item, mail in parsed)
    assert _mismatches(parsed, lambda want, got: (got.text_truncated, want.text_truncated)) == []


def test_auto_replies_and_bounces_are_told_apart(parsed):
    assert _mismatches(parsed, lambda want, got: (got.auto, want.auto)) == []
    autos = Counter(mail.auto for _item, mail in parsed)
    assert autos["auto_reply"] >= 7
    assert autos["bounce"] >= 2


def test_attachments_are_listed_with_their_decoded_names(parsed):
    assert _mismatches(parsed, lambda want, got: (tuple((a.name, a.content_type) for a in got.attachments),
                                                  want.attachments)) == []
    names = {a.name for _item, mail in parsed for a in mail.attachments}
    assert {"报价单.pdf", "产品目录 2026.xlsx", "photo.png"} <= names
    for _item, mail in parsed:
        for attachment in mail.attachments:
            assert attachment.size > 0 and attachment.part


def test_clean_messages_have_no_problems_and_hostile_ones_say_what_went_wrong(parsed):
    unexpected = [(index, item.kind, mail.problems) for index, (item, mail) in enumerate(parsed)
                  if not item.expected.problem and mail.problems]
    unreported = [(index, item.kind, item.expected.problem, mail.problems) for index, (item, mail) in
                  enumerate(parsed) if item.expected.problem
                  and not any(item.expected.problem in problem for problem in mail.problems)]
    assert unexpected == []
    assert unreported == []


def test_the_same_message_in_two_folders_has_one_key(parsed):
    copies = [(item, mail) for item, mail in parsed if item.same_as is not None]
    assert copies
    for item, mail in copies:
        original = parsed[item.same_as][1]
        assert mail.message_id == ""
        assert mail.key == original.key
    keys = [mail.key for item, mail in parsed if item.same_as is None and not item.hostile]
    assert len(keys) == len(set(keys))


def test_write_maildir_lays_out_inbox_and_sent_as_dovecot_reads_them(tmp_path):
    corpus = build_corpus(seed=7, size=120)
    counts = write_maildir(tmp_path, corpus)
    assert counts == {"INBOX": sum(m.folder == "INBOX" for m in corpus), "Sent": sum(m.folder == "Sent" for m in corpus)}
    assert (tmp_path / ".Sent" / "maildirfolder").exists() and (tmp_path / "tmp").is_dir()
    files = sorted(tmp_path.glob("cur/*")) + sorted(tmp_path.glob("new/*")) + sorted(tmp_path.glob(".Sent/*/*"))
    assert len(files) == len(corpus)
    by_index = {int(path.name.split(".M")[1][:6]): path for path in files}
    for index, item in enumerate(corpus):
        path = by_index[index]
        assert path.read_bytes() == item.raw
        assert path.stat().st_mtime == item.internal_date.timestamp()
        seen = "\\Seen" in item.flags
        assert path.parent.name == ("cur" if seen else "new")
        assert path.parent.parent == (tmp_path if item.folder == "INBOX" else tmp_path / ".Sent")
        if seen:
            flags = path.name.rpartition(":2,")[2]
            assert "S" in flags and flags == "".join(sorted(flags))
        else:
            assert ":2," not in path.name


def test_by_kind_picks_one_kind_or_a_family():
    corpus = build_corpus(seed=7, size=200)
    plain = by_kind(corpus, "plain")
    assert plain and all(m.kind.startswith("plain-") for m in plain)
    assert {m.kind for m in by_kind(corpus, "plain-gb2312")} == {"plain-gb2312"}
    assert by_kind(corpus, "hostile") == [m for m in corpus if m.hostile]
    assert len(by_kind(corpus, "thread")) == 10
