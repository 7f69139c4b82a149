"""The file WhatsApp's "Export chat" writes, opened with bounds: a `.txt`, or a `.zip` with the chat and media.

The zip's directory is inspected before anything is unpacked (member count, each member's and the total
unpacked size, the compression ratio of big members: a zip bomb is refused in one line), the chat text is
read through zipfile's size- and CRC-checked stream, and the text is decoded by its byte-order mark or
UTF-16's NUL pattern or as UTF-8 (exchange/files/encoding.py); a truncated file reads as far as it goes.
Media are not unpacked here: `ChatFile.media` names them and `read_media` returns one when it is attached.
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from trade_crm.exchange.files.encoding import decode_bytes
from trade_crm.exchange.files.refusal import FileRefused

MAX_TEXT = 64 * 1024 * 1024  # the chat text: 40,000 messages are about 4 MB
MAX_MEMBERS = 20_000  # WhatsApp's export with media stops at about 10,000 messages
MAX_UNPACKED = 4 * 1024 * 1024 * 1024  # media of a long chat: videos are big
MAX_MEDIA = 512 * 1024 * 1024  # one media file
MAX_RATIO = 100  # unpacked / packed for a member over RATIO_FLOOR: photos and videos do not compress
RATIO_FLOOR = 1024 * 1024
_CHAT_NAMES = re.compile(r"(^|/)(_chat\.txt|[^/]*\.txt)$", re.IGNORECASE)


@dataclass(frozen=True)
class ChatFile:
    """The chat's text and where it came from; `media` maps a media file's name to its member in the zip."""

    path: str
    name: str  # the file's name as the user picked it ("WhatsApp Chat with +49 170 1234567.zip")
    text: str
    encoding: str
    lossy: bool  # some bytes could not be decoded and were replaced
    media: dict[str, str]  # file name -> zip member ("" for a .txt: no media)
    text_member: str = ""

    @property
    def is_zip(self) -> bool:
        return bool(self.text_member)


def open_chat_file(path: str | Path) -> ChatFile:
    """Read the chat of a `.txt` or `.zip` export; FileRefused names the file and says what is wrong."""
    path = Path(path)
    try:
        if not path.is_file():
            raise FileRefused(path, "no such file")
        with path.open("rb") as f:
            head = f.read(4)
        if head.startswith(b"PK"):
            return _open_zip(path)
        size = path.stat().st_size
        if size > MAX_TEXT:
            raise FileRefused(path, f"the chat is {size / 1048576:,.0f} MB; a WhatsApp export is at most a few MB "
                                    "(is it a chat exported from WhatsApp?)")
        data = path.read_bytes()
    except OSError as exc:
        raise FileRefused(path, f"cannot be read ({exc.strerror or exc})") from exc
    return _chat(path, data, {}, "")


def _open_zip(path: Path) -> ChatFile:
    try:
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
            _check_directory(path, infos)
            texts = [i for i in infos if not i.is_dir() and _CHAT_NAMES.search(i.filename)]
            if not texts:
                raise FileRefused(path, "the zip holds no chat (.txt): is it an export from WhatsApp's \"Export chat\"?")
            chat = min(texts, key=_chat_rank)
            if chat.file_size > MAX_TEXT:
                raise FileRefused(path, f"its chat {chat.filename} unpacks to {chat.file_size / 1048576:,.0f} MB; "
                                        "a WhatsApp export is at most a few MB")
            with archive.open(chat) as stream:
                data = stream.read(MAX_TEXT + 1)
            media = {PurePosixPath(i.filename).name: i.filename for i in infos
                     if not i.is_dir() and i is not chat and not i.filename.startswith("__MACOSX/")}
            return _chat(path, data, media, chat.filename)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, ValueError, NotImplementedError) as exc:
        raise FileRefused(path, f"the zip cannot be read ({exc}); export the chat again") from exc
    except OSError as exc:
        raise FileRefused(path, f"cannot be read ({exc.strerror or exc})") from exc


def _chat_rank(info: zipfile.ZipInfo) -> tuple:
    """The chat among a zip's .txt files (a .txt sent in the chat is media): iOS's `_chat.txt`, else Android's
    "WhatsApp Chat with …" (in the phone's language: "Chat", "聊天"), nearest the top, then the biggest."""
    name = PurePosixPath(info.filename).name
    return (name != "_chat.txt", not re.search(r"whatsapp|chat|聊天", name, re.IGNORECASE),
            info.filename.count("/"), -info.file_size)


def _check_directory(path: Path, infos: list[zipfile.ZipInfo]) -> None:
    if len(infos) > MAX_MEMBERS:
        raise FileRefused(path, f"the zip holds {len(infos):,} files; a chat export holds at most about 10,000")
    total = 0
    for info in infos:
        total += info.file_size
        if info.file_size > MAX_MEDIA:
            raise FileRefused(path, f"{info.filename} unpacks to {info.file_size / 1048576:,.0f} MB, over the "
                                    f"{MAX_MEDIA // 1048576} MB a media file may have")
        if info.file_size > RATIO_FLOOR and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            raise FileRefused(path, f"{info.filename} unpacks to {info.file_size // max(info.compress_size, 1):,} "
                                    "times its packed size: refused as a zip bomb")
    if total > MAX_UNPACKED:
        raise FileRefused(path, f"the zip unpacks to {total / 1073741824:,.1f} GB, over the "
                                f"{MAX_UNPACKED // 1073741824} GB a chat export may have")


def _chat(path: Path, data: bytes, media: dict[str, str], member: str) -> ChatFile:
    if len(data) > MAX_TEXT:
        raise FileRefused(path, "the chat is bigger than a WhatsApp export can be")
    text, encoding, lossy = decode_bytes(data)
    if text.startswith("\ufeff"):
        text = text[1:]
    return ChatFile(str(path), path.name, text, encoding, lossy, media, member)


def read_media(chat: ChatFile, name: str) -> bytes | None:
    """One media file's bytes from the zip (None when the export does not hold it); size- and CRC-checked."""
    member = chat.media.get(name)
    if member is None:
        return None
    try:
        with zipfile.ZipFile(chat.path) as archive, archive.open(member) as stream:
            return stream.read(MAX_MEDIA + 1)
    except (zipfile.BadZipFile, EOFError, ValueError, OSError) as exc:
        raise FileRefused(Path(chat.path), f"{name} cannot be unpacked ({exc}); export the chat again") from exc
