"""What a message's text says besides words: a media file attached, media left out, a system notice.

Shapes (wave2-research §4.3): iOS `‎<attached: 00000012-PHOTO-2022-12-31-14-17-51.jpg>` and its
translations (`<附件：…>`, `<Anhang: …>`, `<adjunto: …>`); Android `IMG-20221231-WA0001.jpg (file attached)`
and `(Datei angehängt)`, `(archivo adjunto)`, ...; media left out of the export: `<Media omitted>`,
`<Medien ausgeschlossen>`, `<省略影音内容>`, iOS `‎image omitted`. System notices are localised too: the
end-to-end encryption line in the languages our users' phones speak.
"""

from __future__ import annotations

import re

from trade_crm.exchange.chats.chat_lines import MARKS

_ATTACHED = re.compile(r"<[^<>:：\n]{1,30}[:：]\s*(?P<file>[^<>\n]+?\.[A-Za-z0-9]{1,6})\s*>")
_ANDROID_FILE = re.compile(r"^(?P<file>[^\n()<>]+?\.[A-Za-z0-9]{2,6})\s+\((?P<note>[^()\n]{2,40})\)$")
_OMITTED = re.compile(r"^<[^<>:：\n]{2,40}>$")
_IOS_OMITTED = re.compile(r"^(?:image|video|audio|sticker|GIF|document|Contact card|photo) omitted$", re.IGNORECASE)
_SYSTEM = (
    "end-to-end encrypted", "Ende-zu-Ende-verschlüsselt", "cifrados de extremo a extremo", "chiffrés de bout en bout",
    "criptografia de ponta a ponta", "crittografati end-to-end", "端到端加密", "端對端加密", "エンドツーエンド暗号化",
    "종단간 암호화", "сквозным шифрованием", "uçtan uca şifreli", "مشفرة تمامًا بين الطرفين", "end-to-end terenkripsi",
    "end-to-end-versleuteld", "szyfrowane end-to-end",
)


_SYSTEM_TEXT = re.compile("|".join(re.escape(phrase) for phrase in _SYSTEM))
_MEDIA_HINTS = ("<", "(", " omitted")


def media_of(text: str) -> tuple[tuple[str, ...], int, str]:
    """(files attached, media left out, the text without them: a caption or nothing)."""
    if not any(hint in text for hint in _MEDIA_HINTS):  # most messages: words alone
        return (), 0, text
    stripped = text.strip().strip(MARKS).strip()
    files = [m["file"].strip(MARKS).strip() for m in _ATTACHED.finditer(text)]
    if files:
        rest = _ATTACHED.sub("", text).strip().strip(MARKS).strip()
        return tuple(files), 0, rest
    first, _, caption = stripped.partition("\n")
    first = first.strip().strip(MARKS).strip()
    android = _ANDROID_FILE.match(first)
    if android:
        return (android["file"].strip(),), 0, caption.strip()
    if _OMITTED.match(first) or _IOS_OMITTED.match(first):
        return (), 1, caption.strip()
    return (), 0, text


def is_system_text(text: str) -> bool:
    """The encryption notice (in any of the languages above): a line of WhatsApp's, not of a person."""
    return _SYSTEM_TEXT.search(text) is not None
