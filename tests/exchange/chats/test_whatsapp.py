"""The WhatsApp export parser: every stamp variant, the day/month decision, encodings, bounds, bad input."""

from __future__ import annotations

import zipfile
from datetime import datetime

import pytest

from tests.chats_corpus import LRM, NNBSP, VARIANTS, Message, conversation, render, write_txt, write_zip
from trade_crm.exchange.chats import chat_file
from trade_crm.exchange.chats.whatsapp import chat_title, read_chat
from trade_crm.exchange.files.refusal import FileRefused

START = datetime(2026, 3, 10, 9, 5)  # day 10, then 11, 12, 13, 14: the file can tell the day


@pytest.mark.parametrize("variant", sorted(VARIANTS))
def test_every_variant_reads_messages_authors_times_media_and_notice(tmp_path, variant):
    path = write_txt(tmp_path / "WhatsApp Chat with Ahmed Khan.txt", render(variant, conversation(START, 5)))
    chat = read_chat(path)
    assert len(chat.messages) == 20
    assert chat.participants == ("Ahmed Khan", "Li Wei")
    assert chat.system_lines == 1  # the encryption notice, in the phone's language
    assert chat.messages[0].at == START
    assert chat.messages[-1].at == datetime(2026, 3, 14, 10, 56)
    assert chat.messages[1].files == ("00000003-PHOTO-carton.jpg",)
    assert chat.messages[1].text == "Here is the carton"
    assert chat.messages[2].text == "Price for 2000 pcs?\nDelivery to Jebel Ali\nPayment 30% T/T"
    assert chat.title == "Ahmed Khan"
    assert chat.order_note == ""
    # every line read is counted once: nothing is dropped without a count saying so
    assert chat.lines_read == (len(chat.messages) + chat.system_lines + len(chat.bad_dates) + chat.continuation_lines
                               + len(chat.skipped_lines) + chat.blank_lines)


def test_twelve_hour_times_with_localised_markers_become_24_hour(tmp_path):
    messages = [Message(datetime(2026, 1, 20, 0, 5), "Ana", "midnight"), Message(datetime(2026, 1, 20, 12, 30), "Ana", "noon"),
                Message(datetime(2026, 1, 20, 23, 59), "Ana", "late")]
    for variant in ("android_us_12h", "ios_12h", "spanish", "chinese", "chinese_ios", "year_first_dashed"):
        chat = read_chat(write_txt(tmp_path / f"{variant}.txt", render(variant, messages)))
        assert [m.at.hour for m in chat.messages] == [0, 12, 23], variant
        assert [m.text for m in chat.messages] == ["midnight", "noon", "late"], variant


def test_narrow_no_break_space_and_direction_marks_before_the_stamp(tmp_path):
    text = (f"{LRM}[3/4/25, 9:15:02{NNBSP}PM] Omar: salam\n\u200f[3/4/25, 9:16:00{NNBSP}PM] Omar: second\n"
            f"[13/4/25, 10:00:00{NNBSP}AM] Li: reply\n")
    chat = read_chat(write_txt(tmp_path / "c.txt", text))
    assert [(m.at, m.author) for m in chat.messages] == [
        (datetime(2025, 4, 3, 21, 15, 2), "Omar"), (datetime(2025, 4, 3, 21, 16), "Omar"),
        (datetime(2025, 4, 13, 10, 0), "Li")]


def test_month_first_when_the_second_field_goes_over_twelve(tmp_path):
    text = "3/4/25, 10:00 - A: one\n3/14/25, 10:00 - A: two\n"
    chat = read_chat(write_txt(tmp_path / "c.txt", text), day_first=True)
    assert (chat.date_order, chat.order_source) == ("mdy", "file")
    assert [m.at.date().isoformat() for m in chat.messages] == ["2025-03-04", "2025-03-14"]


def test_when_every_field_is_twelve_or_less_the_time_order_of_messages_decides(tmp_path):
    # day first: 1 Feb, 3 Feb, 2 Mar runs forward; month first (Jan 2, Mar 2, Feb 3) would go back in time
    text = "1/2/25, 10:00 - A: one\n3/2/25, 10:00 - A: two\n2/3/25, 10:00 - A: three\n"
    chat = read_chat(write_txt(tmp_path / "c.txt", text), day_first=False)
    assert (chat.date_order, chat.order_source) == ("dmy", "sequence")
    assert "only this order keeps the messages in time order" in chat.order_note


def test_when_the_file_cannot_tell_the_users_date_order_is_used_and_said(tmp_path):
    text = "5/6/25, 10:00 - A: one\n5/6/25, 11:00 - B: two\n"
    day_first = read_chat(write_txt(tmp_path / "c.txt", text), day_first=True)
    month_first = read_chat(tmp_path / "c.txt", day_first=False)
    assert day_first.messages[0].at.date().isoformat() == "2025-06-05"
    assert month_first.messages[0].at.date().isoformat() == "2025-05-06"
    assert (day_first.order_source, month_first.order_source) == ("locale", "locale")
    assert "cannot tell" in day_first.order_note and "day/month/year" in day_first.order_note
    assert "month/day/year" in month_first.order_note


def test_lines_without_a_stamp_continue_the_message_before_and_are_counted(tmp_path):
    text = ("Exported by someone\n12/5/25, 09:00 - A: first line\nsecond line\n\n  indented third\n"
            "12/5/25, 09:05 - B:no space after the colon\n")
    chat = read_chat(write_txt(tmp_path / "c.txt", text))
    assert chat.messages[0].text == "first line\nsecond line\n\n  indented third"
    assert chat.messages[1].text == "no space after the colon"
    assert chat.continuation_lines == 2
    assert chat.skipped_lines == (1,)  # before the first message: nothing to continue
    assert chat.blank_lines == 1 and chat.lines_read == 6


def test_a_date_that_does_not_exist_is_kept_with_the_message_before(tmp_path):
    text = "20/2/25, 09:00 - A: hello\n30/2/25, 09:01 - A: odd\n21/2/25, 09:00 - A: next\n"
    chat = read_chat(write_txt(tmp_path / "c.txt", text))
    assert chat.bad_dates == (2,)
    assert chat.messages[0].text == "hello\n30/2/25, 09:01 - A: odd"
    assert len(chat.messages) == 2


def test_media_omitted_and_attached_in_several_languages(tmp_path):
    text = ("20/2/25, 09:00 - A: <Media omitted>\n20/2/25, 09:01 - A: <Medien ausgeschlossen>\n"
            "20/2/25, 09:02 - A: IMG-20250220-WA0001.jpg (Datei angehängt)\nthe sample\n"
            f"[20/2/25, 09:03:00] A: {LRM}<附件：00000012-PHOTO-2025-02-20.jpg>\n"
            f"[20/2/25, 09:04:00] A: {LRM}PI-2025-17.pdf • {LRM}2 pages {LRM}<attached: 00000013-PI-2025-17.pdf>\n"
            f"[20/2/25, 09:05:00] A: {LRM}video omitted\n")
    chat = read_chat(write_txt(tmp_path / "c.txt", text))
    assert [m.omitted for m in chat.messages] == [1, 1, 0, 0, 0, 1]
    assert chat.files == ("IMG-20250220-WA0001.jpg", "00000012-PHOTO-2025-02-20.jpg", "00000013-PI-2025-17.pdf")
    assert chat.messages[2].text == "the sample"
    assert chat.missing_files == chat.files  # a .txt holds no media


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-8-sig"])
def test_utf16_and_utf8_with_bom_read_the_same_as_utf8(tmp_path, encoding):
    text = render("chinese", conversation(START, 3, buyer="王经理", me="李伟"))
    chat = read_chat(write_txt(tmp_path / "c.txt", text, encoding))
    assert chat.participants == ("王经理", "李伟")
    assert len(chat.messages) == 12 and not chat.lossy


def test_a_truncated_file_reads_as_far_as_it_goes(tmp_path):
    data = render("android_dmy", conversation(START, 3)).encode("utf-16-le")
    path = tmp_path / "c.txt"
    cut = len(data) // 4 * 2 + 1  # inside a character
    path.write_bytes(b"\xff\xfe" + data[:cut])
    chat = read_chat(path)
    assert 1 <= len(chat.messages) < 12 and chat.lossy


def test_an_empty_chat_is_refused_naming_the_file(tmp_path):
    with pytest.raises(FileRefused, match=r"^empty\.txt: the chat is empty"):
        read_chat(write_txt(tmp_path / "empty.txt", "\n\n"))
    with pytest.raises(FileRefused, match="only WhatsApp's notices"):
        read_chat(write_txt(tmp_path / "notice.txt", render("android_dmy", conversation(START, 1))[:130]))


def test_a_file_that_is_not_a_chat_is_refused_naming_file_and_line(tmp_path):
    with pytest.raises(FileRefused, match=r'^notes\.txt, row 1: no line starts with a WhatsApp date and time '
                                          r'\(line 1: "Shopping list"\)'):
        read_chat(write_txt(tmp_path / "notes.txt", "Shopping list\nmilk\n"))


def test_a_zip_export_reads_its_chat_and_lists_its_media(tmp_path):
    text = render("ios", conversation(START, 2))
    path = write_zip(tmp_path / "WhatsApp Chat - Ahmed Khan.zip", text, {"00000003-PHOTO-carton.jpg": b"\xff\xd8jpeg"})
    chat = read_chat(path)
    assert chat.title == "Ahmed Khan" and len(chat.messages) == 8
    assert chat.media_in_file == {"00000003-PHOTO-carton.jpg"} and chat.missing_files == ()
    assert chat_file.read_media(chat.source, "00000003-PHOTO-carton.jpg") == b"\xff\xd8jpeg"


def test_a_zip_bomb_is_refused_before_anything_is_unpacked(tmp_path):
    path = tmp_path / "bomb.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("_chat.txt", "1/2/25, 10:00 - A: hi\n")
        archive.writestr("big.bin", b"\0" * (20 * 1024 * 1024))
    with pytest.raises(FileRefused, match=r"^bomb\.zip: big\.bin unpacks to .* refused as a zip bomb"):
        read_chat(path)


def test_a_zip_with_too_many_files_or_no_chat_or_cut_short_is_refused(tmp_path, monkeypatch):
    path = write_zip(tmp_path / "many.zip", "1/2/25, 10:00 - A: hi\n", {f"{i}.jpg": b"x" for i in range(5)})
    monkeypatch.setattr(chat_file, "MAX_MEMBERS", 4)
    with pytest.raises(FileRefused, match=r"^many\.zip: the zip holds 6 files"):
        read_chat(path)
    monkeypatch.undo()
    with zipfile.ZipFile(tmp_path / "photos.zip", "w") as archive:
        archive.writestr("a.jpg", b"x")
    with pytest.raises(FileRefused, match=r"^photos\.zip: the zip holds no chat"):
        read_chat(tmp_path / "photos.zip")
    cut = tmp_path / "cut.zip"
    cut.write_bytes(path.read_bytes()[:60])
    with pytest.raises(FileRefused, match=r"^cut\.zip: the zip cannot be read"):
        read_chat(cut)


@pytest.mark.parametrize(("name", "title"), [
    ("WhatsApp Chat with +49 170 1234567.txt", "+49 170 1234567"),
    ("WhatsApp Chat - Ahmed Khan.zip", "Ahmed Khan"),
    ("WhatsApp-Chat mit Jürgen Müller (1).txt", "Jürgen Müller"),
    ("Chat de WhatsApp con María.txt", "María"),
    ("与王经理的WhatsApp聊天.txt", "王经理"),
    ("_chat.txt", ""),
])
def test_the_other_side_is_read_from_the_file_name(name, title):
    assert chat_title(name) == title


def test_a_txt_document_sent_in_the_chat_is_media_not_the_chat(tmp_path):
    path = tmp_path / "WhatsApp Chat with Ahmed Khan.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("notes.txt", "Shopping list\n")  # a document sent in the chat, first in the zip
        archive.writestr("WhatsApp Chat with Ahmed Khan.txt", "20/2/25, 09:00 - A: notes.txt (file attached)\n")
    chat = read_chat(path)
    assert chat.source.text_member == "WhatsApp Chat with Ahmed Khan.txt"
    assert chat.files == ("notes.txt",) and chat.missing_files == ()
