"""The .ics export: RFC 5545 structure, CRLF, folding at 75 octets, escaping, stable UIDs."""

from __future__ import annotations

from datetime import date, datetime, timezone

from trade_crm.domain.reminders.sync import ReminderItem
from trade_crm.exchange.exporting.icalendar import (
    escape_text,
    export_reminders,
    fold,
    reminder_events,
    uid_for,
    write_calendar,
)

STAMP = datetime(2026, 11, 23, 1, 30, tzinfo=timezone.utc)


def _unfold(text: str) -> list[str]:
    return text.replace("\r\n ", "").split("\r\n")


def _item(**kw) -> ReminderItem:
    base = dict(key="greeting:SA:eid_al_fitr:2027-03-09", kind="greeting", due=date(2027, 3, 6),
                title="Eid al-Fitr in Saudi Arabia on Tue 9 Mar: greet 2 customers", customer_ids=(1, 2),
                state="open", detail="Prepare greetings; then tick each one.\nالسلام عليكم")
    base.update(kw)
    return ReminderItem(**base)


def test_calendar_is_crlf_folded_and_every_line_fits_75_octets():
    long_title = "Follow up with 深圳市华强北电子科技有限公司, Müller & Söhne; Ørsted " * 3
    text = write_calendar(reminder_events([_item(title=long_title)]), STAMP)
    assert text.endswith("\r\n") and "\n" not in text.replace("\r\n", "")
    for line in text.split("\r\n")[:-1]:
        assert len(line.encode("utf-8")) <= 75
    assert any(line.startswith(" ") for line in text.split("\r\n"))
    lines = _unfold(text)
    assert lines[0] == "BEGIN:VCALENDAR" and lines[-2] == "END:VCALENDAR"
    assert f"SUMMARY:{escape_text(long_title)}" in lines


def test_an_event_has_the_required_properties_and_an_all_day_date():
    lines = _unfold(write_calendar(reminder_events([_item()]), STAMP))
    assert "VERSION:2.0" in lines and any(line.startswith("PRODID:") for line in lines)
    event = lines[lines.index("BEGIN:VEVENT"):lines.index("END:VEVENT") + 1]
    assert f"UID:{uid_for('greeting:SA:eid_al_fitr:2027-03-09')}" in event
    assert "DTSTAMP:20261123T013000Z" in event
    assert "DTSTART;VALUE=DATE:20270306" in event and "DTEND;VALUE=DATE:20270307" in event
    assert "DESCRIPTION:Prepare greetings\\; then tick each one.\\nالسلام عليكم" in event
    assert "CATEGORIES:Greeting" in event


def test_escaping_and_folding_never_split_a_character():
    assert escape_text("a,b;c\\d\ne") == "a\\,b\\;c\\\\d\\ne"
    line = "SUMMARY:" + "华" * 40
    folded = fold(line)
    assert folded.replace("\r\n ", "") == line
    assert all(len(part.encode("utf-8")) <= 75 for part in folded.split("\r\n"))


def test_uid_is_stable_per_key_and_differs_between_keys():
    assert uid_for("follow_up:customer:7:2026-11-23") == uid_for("follow_up:customer:7:2026-11-23")
    assert uid_for("follow_up:customer:7:2026-11-23") != uid_for("follow_up:customer:7:2026-11-24")


def test_export_writes_utf8_file(tmp_path):
    path = tmp_path / "reminders.ics"
    assert export_reminders(path, [_item(), _item(key="birthday:contact:3:2027-03-07", kind="birthday")], STAMP) == 2
    data = path.read_bytes()
    assert data.count(b"BEGIN:VEVENT\r\n") == 2
    data.decode("utf-8")
