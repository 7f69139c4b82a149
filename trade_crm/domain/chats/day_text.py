"""The body of a chat day's timeline entry: one line a message, `HH:MM Name: text`, readable as it is.

A message's further lines and its media follow indented, so the body reads back into messages without
guessing (`read_day`): the timeline shows them, and a later export of the same chat is compared with
them by `message_key` to add only what is new.

    09:05 Ahmed Khan: Price for 2000 pcs?
      Delivery to Jebel Ali
    09:42 Li Wei: Here is the carton
      📎 00000003-PHOTO-carton.jpg
    10:19 Ahmed Khan: (media not in the export)
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

FILE_MARK = "📎 "  # as a mail entry lists its attachments (domain/mail/timeline.py)
OMITTED = "(media not in the export)"
INDENT = "  "
_LINE = re.compile(r"^(?P<time>\d{2}:\d{2}) (?P<author>[^:\n]{1,80}?): ?(?P<text>.*)$")


@dataclass(frozen=True, slots=True)
class DayMessage:
    time: str  # "HH:MM", the phone's wall time
    author: str
    text: str
    files: tuple[str, ...] = ()
    omitted: int = 0

    @property
    def key(self) -> tuple[str, str, str]:
        return message_key(self.time, self.author, self.text)


def message_key(time: str, author: str, text: str) -> tuple[str, str, str]:
    """What makes a message the same one in a later export: its minute, its author, its first line."""
    first = text.strip().split("\n", 1)[0].strip()
    return time, author, first


def day_body(messages: Iterable[DayMessage]) -> str:
    out: list[str] = []
    for m in messages:
        lines = m.text.split("\n") if m.text else []
        head = lines[0] if lines else (OMITTED if m.omitted else "")
        out.append(f"{m.time} {m.author}: {head}".rstrip())
        out += [f"{INDENT}{line}".rstrip() for line in lines[1:]]
        if m.omitted and lines:
            out.append(f"{INDENT}{OMITTED}")
        out += [f"{INDENT}{FILE_MARK}{name}" for name in m.files]
    return "\n".join(out)


def read_day(body: str) -> list[DayMessage]:
    """The messages of a body written by `day_body` (a line it did not write continues the one before)."""
    messages: list[DayMessage] = []
    text: list[str] = []
    files: list[str] = []
    omitted = 0
    head: tuple[str, str] | None = None

    def close() -> None:
        if head is not None:
            messages.append(DayMessage(head[0], head[1], "\n".join(text).strip("\n"), tuple(files), omitted))

    for line in body.split("\n"):
        match = _LINE.match(line)
        if match:
            close()
            head, files, omitted = (match["time"], match["author"]), [], 0
            first = match["text"]
            if first == OMITTED:
                omitted, first = 1, ""
            text = [first] if first else []
            continue
        inner = line[len(INDENT):] if line.startswith(INDENT) else line
        if inner.startswith(FILE_MARK):
            files.append(inner[len(FILE_MARK):].strip())
        elif inner == OMITTED:
            omitted += 1
        else:
            text.append(inner)
    close()
    return messages


def keys_of(body: str) -> Counter:
    """The messages of a stored day by key, counted (the same "ok" twice in a minute is two messages)."""
    return Counter(m.key for m in read_day(body))
