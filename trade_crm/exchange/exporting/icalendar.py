"""Reminders as an iCalendar file (RFC 5545) for the user's calendar app, written by hand.

Each reminder becomes an all-day VEVENT on its due day. The UID is derived from the reminder's stable key,
so exporting again updates the same events instead of adding copies. Lines end in CRLF, are folded at 75
octets (never inside a UTF-8 character), and TEXT values are escaped (backslash, semicolon, comma, newline).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

from trade_crm import __version__

PRODID = f"-//Trade CRM//Trade CRM {__version__}//EN"
UID_DOMAIN = "reminders.trade-crm"
KIND_CATEGORIES = {"follow_up": "Follow-up", "greeting": "Greeting", "birthday": "Birthday",
                   "dormant": "Dormant customer", "notice": "Notice"}


@dataclass(frozen=True)
class CalendarEvent:
    uid: str
    day: date
    summary: str
    description: str = ""
    categories: tuple[str, ...] = ()


def escape_text(value: str) -> str:
    """RFC 5545 3.3.11: backslash, semicolon and comma escaped; line breaks as \\n."""
    value = value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return value.replace("\r\n", "\\n").replace("\r", "\\n").replace("\n", "\\n")


def fold(line: str) -> str:
    """RFC 5545 3.1: lines longer than 75 octets continue on the next line after CRLF and a space."""
    data = line.encode("utf-8")
    if len(data) <= 75:
        return line
    parts, start, limit = [], 0, 75
    while start < len(data):
        end = min(start + limit, len(data))
        while end < len(data) and (data[end] & 0xC0) == 0x80:  # do not cut a character in two
            end -= 1
        parts.append(data[start:end].decode("utf-8"))
        start, limit = end, 74  # continuation lines begin with one space
    return "\r\n ".join(parts)


def uid_for(key: str) -> str:
    return f"{hashlib.sha256(key.encode('utf-8')).hexdigest()[:32]}@{UID_DOMAIN}"


def _utc(instant: datetime) -> str:
    return instant.astimezone(timezone.utc).strftime("%Y%m%dT%H%M%SZ")


def write_calendar(events: Iterable[CalendarEvent], stamp: datetime, name: str = "Trade CRM reminders") -> str:
    """The whole VCALENDAR as text (CRLF line ends); `stamp` is DTSTAMP, an aware instant."""
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", f"PRODID:{PRODID}", "CALSCALE:GREGORIAN", "METHOD:PUBLISH",
             f"X-WR-CALNAME:{escape_text(name)}"]
    for event in events:
        lines += [
            "BEGIN:VEVENT",
            f"UID:{event.uid}",
            f"DTSTAMP:{_utc(stamp)}",
            f"DTSTART;VALUE=DATE:{event.day:%Y%m%d}",
            f"DTEND;VALUE=DATE:{event.day + timedelta(days=1):%Y%m%d}",
            f"SUMMARY:{escape_text(event.summary)}",
        ]
        if event.description:
            lines.append(f"DESCRIPTION:{escape_text(event.description)}")
        if event.categories:
            lines.append("CATEGORIES:" + ",".join(escape_text(c) for c in event.categories))
        lines += ["TRANSP:TRANSPARENT", "END:VEVENT"]
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + "\r\n" for line in lines)


def reminder_events(items: Iterable) -> list[CalendarEvent]:
    """Calendar events for reminder items (anything with key, kind, due, title and detail)."""
    return [CalendarEvent(uid=uid_for(i.key), day=i.due, summary=i.title, description=getattr(i, "detail", ""),
                          categories=(KIND_CATEGORIES.get(i.kind, i.kind),)) for i in items]


def export_reminders(path: str | Path, items: Iterable, stamp: datetime) -> int:
    """Write the reminders to `path` as an .ics file; returns how many events it holds."""
    events = reminder_events(items)
    Path(path).write_bytes(write_calendar(events, stamp).encode("utf-8"))
    return len(events)
