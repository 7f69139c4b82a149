"""WhatsApp chat exports generated in code, one per format variant the parser must read.

Never copied from real chats: each variant writes the same kind of conversation (a buyer and the
salesperson over a few days, with a photo, a PI, a multi-line message) in the stamp format that phone
and language produce (docs: wave2-research §4.3). `render(variant, messages)` gives the text;
`write_txt` / `write_zip` put it on disk as WhatsApp would (zip: `_chat.txt` + media).
"""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

NNBSP = "\u202f"
LRM = "\u200e"


@dataclass(frozen=True)
class Message:
    at: datetime
    author: str
    text: str = ""
    file: str = ""  # a media file attached (named as the phone names it)
    omitted: bool = False  # media left out of the export


def _h12(at: datetime) -> tuple[int, str]:
    return (at.hour % 12 or 12), ("AM" if at.hour < 12 else "PM")


def _android_dmy(at: datetime) -> str:
    return f"{at.day}/{at.month}/{at.year % 100:02d}, {at:%H:%M} - "


def _android_us(at: datetime) -> str:
    hour, marker = _h12(at)
    return f"{at.month}/{at.day}/{at.year % 100:02d}, {hour}:{at:%M}{NNBSP}{marker} - "


def _ios(at: datetime) -> str:
    return f"[{at:%d/%m/%Y %H:%M:%S}] "


def _ios_12h(at: datetime) -> str:
    hour, marker = _h12(at)
    return f"[{at.day}/{at.month}/{at.year % 100:02d}, {hour}:{at:%M:%S}{NNBSP}{marker}] "


def _year_first(at: datetime) -> str:
    return f"[{at.year}/{at.month}/{at.day} {at:%H:%M:%S}] "


def _year_first_dashed(at: datetime) -> str:
    hour, marker = _h12(at)
    return f"{at:%Y-%m-%d}, {hour}:{at:%M} {'a.m.' if marker == 'AM' else 'p.m.'} - "


def _spanish(at: datetime) -> str:
    hour, marker = _h12(at)
    return f"{at.day}/{at.month}/{at.year % 100:02d}, {hour}:{at:%M}{NNBSP}{'a. m.' if marker == 'AM' else 'p. m.'} - "


def _chinese(at: datetime) -> str:
    hour, marker = _h12(at)
    return f"{at.year}/{at.month}/{at.day} {'上午' if marker == 'AM' else '下午'}{hour}:{at:%M} - "


def _chinese_ios(at: datetime) -> str:
    hour, marker = _h12(at)
    return f"[{at.year}/{at.month}/{at.day} {'上午' if marker == 'AM' else '下午'}{hour}:{at:%M:%S}] "


def _dotted(at: datetime) -> str:
    return f"[{at:%d.%m.%y}, {at:%H:%M:%S}] "


@dataclass(frozen=True)
class Variant:
    name: str
    stamp: Callable[[datetime], str]
    ios: bool  # iOS: LRM before notices and attachments, `<attached: …>`; Android: `(file attached)`
    encryption: str
    attached: str = "attached"  # the word iOS puts in `<attached: …>`
    omitted: str = "<Media omitted>"
    lrm_lines: bool = False  # a direction mark before every stamp (right-to-left phones)
    seconds: bool = False


ENCRYPTION_EN = ("Messages and calls are end-to-end encrypted. No one outside of this chat, not even WhatsApp, "
                 "can read or listen to them.")
VARIANTS = {v.name: v for v in (
    Variant("android_dmy", _android_dmy, False, ENCRYPTION_EN),
    Variant("android_us_12h", _android_us, False, ENCRYPTION_EN),
    Variant("ios", _ios, True, ENCRYPTION_EN, seconds=True),
    Variant("ios_12h", _ios_12h, True, ENCRYPTION_EN, seconds=True, lrm_lines=True),
    Variant("year_first", _year_first, True, ENCRYPTION_EN, seconds=True),
    Variant("year_first_dashed", _year_first_dashed, False, ENCRYPTION_EN),
    Variant("spanish", _spanish, False, "Los mensajes y las llamadas están cifrados de extremo a extremo.",
            omitted="<Multimedia omitido>"),
    Variant("chinese", _chinese, False, "消息和通话已进行端到端加密。", omitted="<省略影音内容>"),
    Variant("chinese_ios", _chinese_ios, True, "消息和通话已进行端到端加密。", attached="附件", seconds=True),
    Variant("german_dotted", _dotted, True, "Nachrichten und Anrufe sind Ende-zu-Ende-verschlüsselt.",
            attached="Anhang", seconds=True),
)}


def render(variant: Variant | str, messages: list[Message], *, notice: bool = True) -> str:
    """The chat text the phone writes, encryption notice first."""
    v = VARIANTS[variant] if isinstance(variant, str) else variant
    lines = []
    mark = LRM if v.lrm_lines else ""
    if notice and messages:
        first = messages[0].at
        if v.ios:
            lines.append(f"{mark}{v.stamp(first)}{messages[0].author}: {LRM}{v.encryption}")
        else:
            lines.append(f"{mark}{v.stamp(first)}{v.encryption}")
    for m in messages:
        if m.file:
            text = f"{LRM}<{v.attached}: {m.file}>" if v.ios else f"{m.file} (file attached)"
            if m.text:
                text += "\n" + m.text
        elif m.omitted:
            text = f"{LRM}image omitted" if v.ios else v.omitted
        else:
            text = m.text
        lines.append(f"{mark}{v.stamp(m.at)}{m.author}: {text}")
    return "\n".join(lines) + "\n"


def conversation(start: datetime, days: int = 3, *, buyer: str = "Ahmed Khan", me: str = "Li Wei",
                 per_day: int = 4, files: bool = True) -> list[Message]:
    """A buyer and the salesperson: `per_day` messages a day for `days` days, the first day with a photo and a
    three-line message. Days 13 and later put a day over 12 into the file (so it can tell day from month)."""
    out: list[Message] = []
    for d in range(days):
        day = start + timedelta(days=d)
        for i in range(per_day):
            at = day + timedelta(minutes=37 * i)
            who = buyer if i % 2 == 0 else me
            if d == 0 and i == 1 and files:
                out.append(Message(at, who, "Here is the carton", file="00000003-PHOTO-carton.jpg"))
            elif d == 0 and i == 2:
                out.append(Message(at, who, "Price for 2000 pcs?\nDelivery to Jebel Ali\nPayment 30% T/T"))
            else:
                out.append(Message(at, who, f"Message {d}.{i} about LED panels"))
    return out


def write_txt(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_bytes(text.encode(encoding))
    return path


def write_zip(path: Path, text: str, media: dict[str, bytes], chat_name: str = "_chat.txt") -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(chat_name, text.encode("utf-8"))
        for name, data in media.items():
            archive.writestr(name, data)
    return path


def big_chat(messages: int = 40_000, *, start: datetime = datetime(2024, 1, 1, 8, 0), per_day: int = 40) -> str:
    """WhatsApp's export limit in messages (no media): `per_day` a day, some multi-line, Android's format."""
    out = []
    for n in range(messages):
        day, i = divmod(n, per_day)
        at = start + timedelta(days=day, minutes=15 * i)
        who = "Ahmed Khan" if i % 2 == 0 else "Li Wei"
        text = f"Order {n}: 2000 pcs LED panel 600x600, FOB Ningbo" + ("\nsecond line\nthird line" if n % 10 == 0
                                                                        else "")
        out.append(f"{_android_dmy(at)}{who}: {text}")
    return "\n".join(out) + "\n"
