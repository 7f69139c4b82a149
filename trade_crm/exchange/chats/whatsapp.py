"""A WhatsApp chat export read into frozen dataclasses: its messages, participants, media and date order.

`read_chat(path)` opens the `.txt` or `.zip` with bounds (chat_file.py), finds the lines that start a
message (chat_lines.py; every other line continues the message before it, and is counted), decides
which date field is the day over the whole file, and sorts out media and system notices
(chat_media.py). Day/month order: a first field over 12 means day first, a second field over 12
month first; when every field is 12 or less, the order under which the messages run forward in time
decides; when both do, the user's date order (`day_first`) is used and the chat says so.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from trade_crm.exchange.chats.chat_file import ChatFile, open_chat_file
from trade_crm.exchange.chats.chat_lines import MARKS, Stamp, read_stamp, split_author
from trade_crm.exchange.chats.chat_media import is_system_text, media_of
from trade_crm.exchange.files.refusal import FileRefused

_STARTS = frozenset("0123456789[" + MARKS)
_TITLE = re.compile(r"^(?:WhatsApp[- ]?Chat|Chat de WhatsApp|Conversa do WhatsApp|Discussion WhatsApp|"
                    r"Chat WhatsApp|WhatsApp[- ]?Sohbeti|WhatsApp 聊天|WhatsApp 聊天记录)\s*(?:with|mit|con|com|avec|"
                    r"ile|-|–|—|:)?\s*(?P<name>.+?)$", re.IGNORECASE)
_TITLE_ZH = re.compile(r"^(?:与|與)(?P<name>.+?)的\s*WhatsApp\s*(?:聊天|对话|對話)")
ORDER_NAMES = {"dmy": "day/month/year", "mdy": "month/day/year", "ymd": "year/month/day"}


@dataclass(frozen=True, slots=True)
class ChatMessage:
    """One message: when (the phone's local wall time), who, what, and its media."""

    line: int  # where it starts in the chat text, 1-based
    at: datetime  # naive: the wall time the phone showed
    author: str
    text: str  # the words (a caption when it came with media)
    files: tuple[str, ...] = ()  # media attached to it, by file name
    omitted: int = 0  # media the export left out ("<Media omitted>")


@dataclass(frozen=True)
class Chat:
    file_name: str
    title: str  # the other side as the file names it ("+49 170 1234567", "Ahmed Khan"), or ""
    messages: tuple[ChatMessage, ...]
    participants: tuple[str, ...]  # the authors, in the order they first wrote
    date_order: str  # "dmy", "mdy" or "ymd"
    order_source: str  # "file" (a field over 12), "sequence" (time runs forward), "locale" (the user's order)
    system_lines: int  # notices of WhatsApp's (encryption, group changes), not messages
    continuation_lines: int  # lines without a stamp, kept as part of the message before them
    skipped_lines: tuple[int, ...]  # lines before the first message (nothing to continue): not imported
    bad_dates: tuple[int, ...]  # lines whose date does not exist in the decided order: kept as continuation
    encoding: str
    lossy: bool
    media_in_file: frozenset[str]  # media the zip holds
    source: ChatFile
    lines_read: int = 0  # = messages + system_lines + bad_dates + continuation_lines + skipped + blank_lines
    blank_lines: int = 0

    @property
    def files(self) -> tuple[str, ...]:
        return tuple(f for m in self.messages for f in m.files)

    @property
    def missing_files(self) -> tuple[str, ...]:
        """Media a message names that the export does not hold (a .txt holds none)."""
        return tuple(f for f in self.files if f not in self.media_in_file)

    @property
    def order_note(self) -> str:
        """One line for the summary when the file itself could not tell the day from the month."""
        order = ORDER_NAMES[self.date_order]
        if self.order_source == "sequence":
            return f"dates read as {order}: no field is over 12, and only this order keeps the messages in time order"
        if self.order_source == "locale":
            return f"dates read as {order} (your date order): every day and month in the file is 12 or less, " \
                   "so the file cannot tell them apart"
        return ""


def read_chat(path: str | Path, *, day_first: bool = True) -> Chat:
    """Parse an exported chat; FileRefused (naming the file) when it holds no message."""
    return parse_chat(open_chat_file(path), day_first=day_first)


def parse_chat(source: ChatFile, *, day_first: bool = True) -> Chat:
    lines = source.text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if lines[-1] == "":  # the last line's end
        lines.pop()
    heads: list[tuple[int, Stamp, str]] = []
    bodies: list[list[str]] = []
    skipped: list[int] = []
    continued = 0
    for number, line in enumerate(lines, 1):
        stamp = read_stamp(line) if line[:1] in _STARTS else None
        if stamp is not None:
            heads.append((number, stamp, line))
            bodies.append([stamp.rest])
        elif heads:
            bodies[-1].append(line)
            continued += line.strip() != ""
        elif line.strip():
            skipped.append(number)
    if not heads:
        if not source.text.strip():
            raise FileRefused(Path(source.path), "the chat is empty: export it again from WhatsApp (More › Export chat)")
        first = next(line for line in lines if line.strip())[:60]
        raise FileRefused(Path(source.path), f'no line starts with a WhatsApp date and time (line 1: "{first}"); '
                                       "is it a chat exported from WhatsApp?", row=skipped[0] if skipped else None)
    order, how = decide_order([s for _, s, _ in heads], day_first)
    messages: list[ChatMessage] = []
    authors: dict[str, None] = {}
    system = 0
    bad: list[int] = []
    for (number, stamp, raw), body in zip(heads, bodies, strict=True):
        at = _instant(stamp, order)
        if at is None:  # a date that does not exist in this order: the line is kept with the message before
            bad.append(number)
            if messages:
                last = messages[-1]
                messages[-1] = ChatMessage(last.line, last.at, last.author, "\n".join([last.text, raw, *body[1:]]),
                                           last.files, last.omitted)
            continue
        author, text = split_author(body[0])
        text = "\n".join([text, *body[1:]]).rstrip() if len(body) > 1 else text
        if author is None or is_system_text(text):
            system += 1
            continue
        files, omitted, words = media_of(text)
        authors.setdefault(author)
        messages.append(ChatMessage(number, at, author, words.strip(MARKS), files, omitted))
    if not messages:
        raise FileRefused(Path(source.path), "the chat holds no messages, only WhatsApp's notices")
    return Chat(source.name, chat_title(source.name), tuple(messages), tuple(authors), order, how, system,
                continued, tuple(skipped), tuple(bad), source.encoding, source.lossy,
                frozenset(source.media), source, len(lines), sum(not line.strip() for line in lines))


def decide_order(stamps: list[Stamp], day_first: bool) -> tuple[str, str]:
    """("dmy" | "mdy" | "ymd", "file" | "sequence" | "locale"): which field is the day, and what told."""
    plain = [s for s in stamps if not s.year_first]
    if not plain:
        return "ymd", "file"
    if any(s.a > 12 for s in plain):
        return "dmy", "file"
    if any(s.b > 12 for s in plain):
        return "mdy", "file"
    forward = [order for order in ("dmy", "mdy") if _runs_forward(plain, order)]
    if len(forward) == 1:
        return forward[0], "sequence"
    return ("dmy" if day_first else "mdy"), "locale"


def _runs_forward(stamps: list[Stamp], order: str) -> bool:
    previous = None
    for s in stamps:
        key = (_year(s.c), s.b, s.a) if order == "dmy" else (_year(s.c), s.a, s.b)
        if previous is not None and key < previous:
            return False
        previous = key
    return True


def _year(value: int) -> int:
    return value + 2000 if value < 100 else value


def _instant(stamp: Stamp, order: str) -> datetime | None:
    if stamp.year_first:
        year, month, day = stamp.a, stamp.b, stamp.c
    elif order == "mdy":
        year, month, day = _year(stamp.c), stamp.a, stamp.b
    else:
        year, month, day = _year(stamp.c), stamp.b, stamp.a
    try:
        return datetime(year, month, day, stamp.hour, stamp.minute, stamp.second)
    except ValueError:
        return None


def chat_title(file_name: str) -> str:
    """The other side as WhatsApp names the export ("WhatsApp Chat with +49 170 1234567.txt"), or ""."""
    stem = Path(file_name).stem if "." in file_name else file_name
    stem = re.sub(r"\s*\(\d+\)$", "", stem).strip()
    match = _TITLE.match(stem) or _TITLE_ZH.match(stem)
    if match:
        return match["name"].strip()
    return "" if stem.lower() in ("_chat", "chat", "whatsapp chat") else stem
