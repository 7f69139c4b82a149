"""Find the faces a quotation or PI needs: a Latin face that also covers Cyrillic, an Arabic face, a CJK face.

Where: resources/fonts first (what a packager or the user dropped there; see its README), then the
operating system's fonts: on Linux fontconfig (`fc-match`, asked for a family and checked for the language)
and the known Debian/Fedora/Arch paths; on Windows %WINDIR%\\Fonts and the user's fonts folder; on macOS
/System/Library/Fonts, /Library/Fonts and ~/Library/Fonts.

Only the scripts a document uses are required (`scripts_needed`): a PI without Arabic prints on a machine
without an Arabic face. A missing one raises MissingFaceError naming the script and what to install.

Faces are TrueType or OpenType (CFF outlines too: fpdf2 embeds both); a .ttc collection is given with the
face's index (Noto Sans CJK: 2 = Simplified Chinese).
"""

from __future__ import annotations

import functools
import os
import shutil
import subprocess
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from trade_crm.domain.errors import DomainError
from trade_crm.domain.quotes.document import QuoteDocument
from trade_crm.resources import resource_path

SCRIPTS = ("latin", "cyrillic", "arabic", "cjk")
SCRIPT_NAMES = {"latin": "Latin", "cyrillic": "Cyrillic", "arabic": "Arabic", "cjk": "Chinese (CJK)"}


@dataclass(frozen=True)
class Face:
    """One font file (and its index inside a .ttc collection)."""

    path: Path
    index: int = 0


@dataclass(frozen=True)
class FacePair:
    regular: Face
    bold: Face  # the regular face again where no bold one exists (SimSun)


@dataclass(frozen=True)
class FaceSet:
    """The faces found; a script the document does not use may be None. `latin` covers Cyrillic too."""

    latin: FacePair
    arabic: FacePair | None = None
    cjk: FacePair | None = None


class MissingFaceError(DomainError):
    def __init__(self, script: str, hint: str):
        super().__init__(f"No {SCRIPT_NAMES.get(script, script)} font found for the document: {hint}")
        self.script = script
        self.hint = hint


# Candidates per script, best first: (file name, ttc index, bold file name or "" for none).
_CANDIDATES: dict[str, tuple[tuple[str, int, str], ...]] = {
    "latin": (
        ("NotoSans-Regular.ttf", 0, "NotoSans-Bold.ttf"),
        ("DejaVuSans.ttf", 0, "DejaVuSans-Bold.ttf"),
        ("LiberationSans-Regular.ttf", 0, "LiberationSans-Bold.ttf"),
        ("segoeui.ttf", 0, "segoeuib.ttf"),  # Windows
        ("arial.ttf", 0, "arialbd.ttf"),
        ("Arial.ttf", 0, "Arial Bold.ttf"),  # macOS Supplemental
    ),
    "arabic": (
        ("NotoNaskhArabic-Regular.ttf", 0, "NotoNaskhArabic-Bold.ttf"),
        ("NotoSansArabic-Regular.ttf", 0, "NotoSansArabic-Bold.ttf"),
        ("NotoKufiArabic-Regular.ttf", 0, "NotoKufiArabic-Bold.ttf"),
        ("arial.ttf", 0, "arialbd.ttf"),  # Windows' Arial carries Arabic
        ("tahoma.ttf", 0, "tahomabd.ttf"),
        ("GeezaPro.ttc", 0, ""),  # macOS
        ("Baghdad.ttc", 0, ""),
    ),
    "cjk": (
        ("NotoSansCJK-Regular.ttc", 2, "NotoSansCJK-Bold.ttc"),
        ("NotoSansCJKsc-Regular.otf", 0, "NotoSansCJKsc-Bold.otf"),
        ("NotoSansSC-Regular.otf", 0, "NotoSansSC-Bold.otf"),
        ("NotoSansSC-Regular.ttf", 0, "NotoSansSC-Bold.ttf"),
        ("wqy-microhei.ttc", 0, ""),
        ("msyh.ttc", 0, "msyhbd.ttc"),  # Windows: Microsoft YaHei
        ("simsun.ttc", 0, ""),
        ("Hiragino Sans GB.ttc", 0, ""),  # macOS
        ("STHeiti Light.ttc", 0, "STHeiti Medium.ttc"),
        ("PingFang.ttc", 0, ""),
    ),
}
_CANDIDATES["cyrillic"] = _CANDIDATES["latin"]  # each of them covers Cyrillic too

# fontconfig: a family to ask for and the language the answer must cover.
_FONTCONFIG = {
    "latin": (("Noto Sans", "en"), ("DejaVu Sans", "en"), ("sans-serif", "en")),
    "cyrillic": (("Noto Sans", "ru"), ("DejaVu Sans", "ru"), ("sans-serif", "ru")),
    "arabic": (("Noto Naskh Arabic", "ar"), ("Noto Sans Arabic", "ar"), ("sans-serif:lang=ar", "ar")),
    "cjk": (("Noto Sans CJK SC", "zh-cn"), ("WenQuanYi Micro Hei", "zh-cn"), ("sans-serif:lang=zh-cn", "zh-cn")),
}

_HINTS = {
    "linux": {
        "latin": "install fonts-noto-core or fonts-dejavu-core (Debian/Ubuntu), google-noto-sans-fonts (Fedora)",
        "cyrillic": "install fonts-noto-core or fonts-dejavu-core (Debian/Ubuntu), google-noto-sans-fonts (Fedora)",
        "arabic": "install fonts-noto-core (Debian/Ubuntu) or google-noto-naskh-arabic-fonts (Fedora)",
        "cjk": "install fonts-noto-cjk (Debian/Ubuntu) or google-noto-sans-cjk-fonts (Fedora)",
    },
    "win32": {
        "latin": "Windows normally has Segoe UI and Arial; reinstall them from Settings > Fonts",
        "cyrillic": "Windows normally has Segoe UI and Arial; reinstall them from Settings > Fonts",
        "arabic": "add the Arabic supplemental fonts (Settings > Time & language > Language, add Arabic)",
        "cjk": "add the Chinese (Simplified) supplemental fonts (Settings > Apps > Optional features)",
    },
    "darwin": {
        "latin": "macOS normally has Arial; restore it with Font Book",
        "cyrillic": "macOS normally has Arial; restore it with Font Book",
        "arabic": "restore Geeza Pro with Font Book",
        "cjk": "download PingFang or Hiragino Sans GB with Font Book",
    },
}
_DROP_IN = {"latin": "NotoSans-Regular.ttf", "cyrillic": "NotoSans-Regular.ttf",
            "arabic": "NotoNaskhArabic-Regular.ttf", "cjk": "NotoSansCJK-Regular.ttc"}

_CJK_RANGES = ((0x2E80, 0x9FFF), (0xAC00, 0xD7AF), (0xF900, 0xFAFF), (0xFE30, 0xFE4F), (0xFF00, 0xFFEF),
               (0x20000, 0x2FA1F))
_ARABIC_RANGES = ((0x0600, 0x06FF), (0x0750, 0x077F), (0x08A0, 0x08FF), (0xFB50, 0xFDFF), (0xFE70, 0xFEFF))
_CYRILLIC_RANGES = ((0x0400, 0x052F), (0x1C80, 0x1C8F), (0x2DE0, 0x2DFF), (0xA640, 0xA69F))


# Scripts whose letters change shape or order when set (Hebrew to Khmer and Mongolian, Arabic presentation forms).
_SHAPED_RANGES = ((0x0590, 0x08FF), (0x0900, 0x0FFF), (0x1000, 0x109F), (0x1780, 0x18AF), (0xFB1D, 0xFDFF),
                  (0xFE70, 0xFEFF))


def needs_shaping(text: str) -> bool:
    """Whether `text` holds letters a shaping engine must set (Arabic, Hebrew, Indic, Thai…)."""
    return any(low <= ord(char) <= high for char in text if ord(char) >= 0x0590 for low, high in _SHAPED_RANGES)


def scripts_of(text: str) -> set[str]:
    """The scripts beyond Latin that `text` uses."""
    found: set[str] = set()
    for char in text:
        code = ord(char)
        if code < 0x0400:
            continue
        for script, ranges in (("cjk", _CJK_RANGES), ("arabic", _ARABIC_RANGES), ("cyrillic", _CYRILLIC_RANGES)):
            if any(low <= code <= high for low, high in ranges):
                found.add(script)
                break
    return found


def document_text(document: QuoteDocument) -> str:
    """Every string the renderer may print, joined (for the script check)."""
    seller, buyer = document.seller, document.buyer
    parts = [seller.company, seller.company_local, seller.address, seller.phone, seller.email, seller.website,
             *vars(seller.bank).values(), *vars(buyer).values(), document.number, document.incoterm,
             document.incoterm_place, document.payment_terms, document.lead_time, document.port_of_loading,
             document.port_of_discharge, document.notes]
    if document.consignee is not None:
        parts.extend(vars(document.consignee).values())
    for line in document.lines:
        parts.extend((line.sku, line.description, line.unit, line.hs_code))
    return "\n".join(str(part) for part in parts if part)


def scripts_needed(document: QuoteDocument) -> frozenset[str]:
    """The scripts the document prints: always Latin (labels, digits), CJK for Chinese labels."""
    needed = {"latin"} | scripts_of(document_text(document))
    if document.language == "zh":
        needed.add("cjk")
    return frozenset(needed)


def default_folders() -> tuple[Path, ...]:
    return (resource_path("fonts"),)


def system_folders(platform: str = sys.platform, environ: dict[str, str] | None = None) -> tuple[Path, ...]:
    env = os.environ if environ is None else environ
    home = Path(env.get("HOME", "~")).expanduser()
    if platform == "win32":
        windir = Path(env.get("WINDIR", r"C:\Windows"))
        local = Path(env.get("LOCALAPPDATA", str(home / "AppData" / "Local")))
        return (windir / "Fonts", local / "Microsoft" / "Windows" / "Fonts")
    if platform == "darwin":
        return (Path("/System/Library/Fonts"), Path("/System/Library/Fonts/Supplemental"), Path("/Library/Fonts"),
                home / "Library" / "Fonts")
    return (Path("/usr/share/fonts/truetype/noto"), Path("/usr/share/fonts/opentype/noto"),
            Path("/usr/share/fonts/truetype/dejavu"), Path("/usr/share/fonts/truetype/liberation"),
            Path("/usr/share/fonts/truetype/wqy"), Path("/usr/share/fonts/google-noto"),
            Path("/usr/share/fonts/google-noto-cjk"), Path("/usr/share/fonts/google-noto-sans-cjk-fonts"),
            Path("/usr/share/fonts/noto"), Path("/usr/share/fonts/noto-cjk"), Path("/usr/share/fonts/TTF"),
            home / ".local" / "share" / "fonts", home / ".fonts")


def _in_folders(script: str, folders: Sequence[Path]) -> FacePair | None:
    for name, index, bold in _CANDIDATES[script]:
        for folder in folders:
            regular = folder / name
            if regular.is_file():
                bold_path = folder / bold if bold and (folder / bold).is_file() else regular
                bold_index = index if bold_path.suffix.lower() == ".ttc" else 0
                return FacePair(Face(regular, index), Face(bold_path, bold_index))
    return None


def _fc_match(pattern: str, lang: str, style: str) -> Face | None:
    fc_match = shutil.which("fc-match")
    if fc_match is None:
        return None
    try:
        answer = subprocess.run([fc_match, "-f", "%{file}\t%{index}\t%{lang}", f"{pattern}:style={style}"],
                                capture_output=True, text=True, timeout=10, check=False).stdout
    except (OSError, subprocess.SubprocessError):
        return None
    file, _, rest = answer.partition("\t")
    index, _, langs = rest.partition("\t")
    path = Path(file)
    if not file or path.suffix.lower() not in (".ttf", ".otf", ".ttc", ".otc") or not path.is_file():
        return None
    if lang not in langs.split("|"):
        return None
    return Face(path, int(index or 0))


def from_fontconfig(script: str) -> FacePair | None:
    """fontconfig's face for `script` (Linux), checked to cover the script's language; None without fc-match."""
    for pattern, lang in _FONTCONFIG[script]:
        regular = _fc_match(pattern, lang, "Regular")
        if regular is not None:
            bold = _fc_match(pattern, lang, "Bold") or regular
            return FacePair(regular, bold)
    return None


def _hint(script: str, folders: Sequence[Path]) -> str:
    platform = sys.platform if sys.platform in ("win32", "darwin") else "linux"
    where = folders[0] if folders else resource_path("fonts")
    return f"{_HINTS[platform][script]}, or put {_DROP_IN[script]} into {where}"


@functools.lru_cache(maxsize=16)
def _find(scripts: frozenset[str], folders: tuple[Path, ...], system: bool) -> FaceSet:
    search = folders + (system_folders() if system else ())
    found: dict[str, FacePair] = {}
    for script in ("latin", "cyrillic", "arabic", "cjk"):
        if script not in scripts:
            continue
        pair = _in_folders(script, search)
        if pair is None and system and sys.platform not in ("win32", "darwin"):
            pair = from_fontconfig(script)
        if pair is None:
            raise MissingFaceError(script, _hint(script, folders))
        found[script] = pair
    latin = found.get("cyrillic") or found.get("latin")
    if latin is None:
        raise MissingFaceError("latin", _hint("latin", folders))
    return FaceSet(latin=latin, arabic=found.get("arabic"), cjk=found.get("cjk"))


def find_faces(scripts: Iterable[str] = SCRIPTS, *, folders: Sequence[Path] | None = None,
               system: bool = True) -> FaceSet:
    """The faces for `scripts` (Latin always), from `folders` (default: resources/fonts) then the system's.

    Raises MissingFaceError for the first script without a face. Cached per arguments: the answer is read
    once per session (fonts installed meanwhile are seen after a restart)."""
    unknown = set(scripts) - set(SCRIPTS)
    if unknown:
        raise ValueError(f"unknown scripts {sorted(unknown)}")
    chosen = tuple(Path(folder) for folder in (default_folders() if folders is None else folders))
    return _find(frozenset(scripts) | {"latin"}, chosen, system)
