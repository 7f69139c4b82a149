"""A per-machine cache of the CJK face reduced to the characters a trade document prints (issue #21).

A CJK face is large (Noto Sans CJK SC: 65,000 glyphs, CFF outlines with subroutines, in a .ttc): fpdf2 reads
its metrics for every document (~130 ms) and fontTools subsets it on output (~500 ms). The cached copy keeps
the GB2312 characters (the 6,763 hanzi of everyday Simplified Chinese, plus Latin, CJK and full-width
punctuation), without layout tables, its CFF outlines converted to TrueType ones (cu2qu, within one unit of
the cubic curves in 1,000): loading, subsetting and writing fall to ~20 ms. TrueType, because fontTools subsets and
writes CFF glyphs by running their charstrings, and glyf data by copying it: a Chinese-labelled PI renders in
0.9x the time with the TrueType copy (interleaved A/B).

The copy is built once per machine, at first need, in a child process (10-30 s of CPU, away from the window's
GIL) that a background thread waits for; until it is there,
and for a document printing a character outside it (a rare hanzi in a name), the renderer uses the original face,
so the text layer is the same either way. The folder is the user's cache folder (paths.user_cache_dir()/fonts),
or $TRADE_CRM_FONT_CACHE: a folder, or "off" for no cache. A cached file's name carries the source file's path,
size and modification time, so an updated font is rebuilt.
"""

from __future__ import annotations

import atexit
import functools
import hashlib
import logging
import multiprocessing
import multiprocessing.util  # its exit handler (which stops our build children) is registered before ours
import os
import threading
import time
from collections.abc import Iterable
from pathlib import Path

from fontTools import subset
from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTFont, newTable

from trade_crm.exchange.documents.fonts import Face
from trade_crm.paths import user_cache_dir

ENV_VAR = "TRADE_CRM_FONT_CACHE"
VERSION = "2"  # change when the build changes: old files are ignored (2: TrueType outlines)
MAX_ERROR = 1.0  # cu2qu's tolerance, in font units (Noto Sans CJK: 1,000 to the em)
_LOG = logging.getLogger(__name__)
_BUILDING: dict[str, threading.Thread] = {}
_LOCK = threading.Lock()
_EXITING = threading.Event()  # set when the program ends: multiprocessing then stops the build children it started


@atexit.register  # registered after multiprocessing's own handler, so it runs before it
def _program_ends() -> None:
    _EXITING.set()


def cache_folder(environ: dict[str, str] | None = None) -> Path | None:
    """Where the reduced faces live; None when $TRADE_CRM_FONT_CACHE is "off"."""
    value = (os.environ if environ is None else environ).get(ENV_VAR, "")
    if value.lower() == "off":
        return None
    return Path(value).expanduser() if value else user_cache_dir() / "fonts"


@functools.lru_cache(maxsize=1)
def covered() -> frozenset[int]:
    """The characters a reduced face keeps: GB2312 and the punctuation around it."""
    chars = set(range(0x20, 0x7F)) | set(range(0xA0, 0x100)) | set(range(0x2000, 0x2070))
    chars |= set(range(0x3000, 0x3040)) | set(range(0xFF00, 0xFFF0))
    for high in range(0xA1, 0xF8):
        for low in range(0xA1, 0xFF):
            try:
                chars.add(ord(bytes((high, low)).decode("gb2312")))
            except UnicodeDecodeError:
                continue
    return frozenset(chars)


def cached_path(face: Face, folder: Path) -> Path:
    """The reduced copy's file for `face` (it may not exist yet)."""
    stat = face.path.stat()
    key = f"{VERSION}|{face.path.resolve()}|{face.index}|{stat.st_size}|{stat.st_mtime_ns}"
    digest = hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]
    return folder / f"{face.path.stem}-{face.index}-{digest}.ttf"


def build(face: Face, folder: Path, chars: Iterable[int] | None = None) -> Path:
    """Write the reduced copy of `face` into `folder` (now, in this thread) and return its path."""
    target = cached_path(face, folder)
    folder.mkdir(parents=True, exist_ok=True)
    for stale in folder.glob(".*.part"):  # a build cut off when its process ended (the thread is a daemon)
        try:
            if time.time() - stale.stat().st_mtime > 3600:
                stale.unlink()
        except OSError:
            continue
    font = TTFont(face.path, fontNumber=face.index, recalcTimestamp=False, lazy=True)
    try:
        options = subset.Options(notdef_outline=True, recommended_glyphs=True,
                                 name_IDs=["*"], name_languages=["*"], layout_features=[])
        # fpdf2 drops the layout tables on output and never shapes Chinese (pdf_page.shape_only)
        options.drop_tables += ["GSUB", "GPOS", "GDEF", "VORG", "vhea", "vmtx"]
        subsetter = subset.Subsetter(options)
        subsetter.populate(unicodes=covered() if chars is None else chars)
        subsetter.subset(font)
        _to_truetype(font)
        partial = target.with_name(f".{target.name}.{os.getpid()}.{threading.get_ident()}.part")
        font.save(str(partial))
    finally:
        font.close()
    os.replace(partial, target)  # atomic: a reader sees the whole file or none
    for old in folder.glob(f"{face.path.stem}-{face.index}-*.otf"):  # VERSION 1's copy (CFF), no longer read
        old.unlink(missing_ok=True)
    return target


def _to_truetype(font: TTFont) -> None:
    """Replace CFF outlines by TrueType ones (quadratic curves within MAX_ERROR of the cubic ones); a face with
    TrueType outlines already is left as it is. After fontTools' snippets/otf2ttf.py."""
    if "CFF " not in font:
        return
    order = font.getGlyphOrder()
    outlines = font.getGlyphSet()
    glyphs = {}
    for name in order:
        pen = TTGlyphPen(outlines)
        outlines[name].draw(Cu2QuPen(pen, MAX_ERROR, reverse_direction=True))
        glyphs[name] = pen.glyph()
    glyf = newTable("glyf")
    glyf.glyphOrder, glyf.glyphs = order, glyphs
    font["loca"], font["glyf"] = newTable("loca"), glyf
    del font["CFF "]
    maxp = newTable("maxp")  # version 1.0: the TrueType fields, computed on save (no instructions)
    maxp.tableVersion = 0x00010000
    for field in ("maxZones", "maxTwilightPoints", "maxStorage", "maxFunctionDefs", "maxInstructionDefs",
                  "maxStackElements", "maxSizeOfInstructions", "maxComponentElements"):
        setattr(maxp, field, 0)
    maxp.maxZones = 1
    font["maxp"] = maxp
    post = font["post"]  # format 2: the glyph names kept in the file, as fpdf2 and the subsetter read them
    post.formatType, post.extraNames, post.mapping = 2.0, [], {}
    font["head"].glyphDataFormat = 0
    font.sfntVersion = "\0\1\0\0"


def _build_quietly(face: Face, folder: Path, key: str) -> None:
    """Build in a child process, watched from this thread: fontTools is pure Python, and 10-30 s of it on a
    thread of the app would hold the GIL against the window. Where no child can be started, here instead."""
    try:
        try:
            child = multiprocessing.get_context("spawn").Process(
                target=build, args=(face, folder), name=f"face-cache {face.path.name}", daemon=True)
            child.start()
        except Exception:  # noqa: BLE001 - no child process here (a locked-down machine): build on this thread
            _LOG.info("building the reduced face of %s on a thread", face.path, exc_info=True)
            build(face, folder)
        else:
            child.join()
            if child.exitcode != 0 and _EXITING.is_set():  # a short-lived program (the CLI) ended first
                _LOG.info("the reduced face of %s was left for a later run: the program ended", face.path)
            elif child.exitcode != 0:
                _LOG.warning("the reduced face of %s was not built (exit code %s)", face.path, child.exitcode)
    except Exception:  # a cache that cannot be built only costs speed: the original face keeps working
        _LOG.warning("could not cache the reduced face of %s in %s", face.path, folder, exc_info=True)
    finally:
        with _LOCK:
            _BUILDING.pop(key, None)


def start_build(face: Face, folder: Path) -> threading.Thread:
    """Build the reduced copy in a background thread, once per face at a time; returns that thread."""
    key = str(cached_path(face, folder))
    with _LOCK:
        thread = _BUILDING.get(key)
        if thread is None:
            thread = threading.Thread(target=_build_quietly, args=(face, folder, key), daemon=True,
                                      name=f"face-cache {face.path.name}")
            _BUILDING[key] = thread
            thread.start()
    return thread


def building() -> bool:
    """Whether a reduced face is being built in the background: a program about to end (the CLI) may wait for
    it, else it is stopped at exit and every later run prints with the slow original face again."""
    with _LOCK:
        return any(thread.is_alive() for thread in _BUILDING.values())


def wait_for_builds(timeout: float | None = None) -> None:
    """Wait for the background builds started so far (the bench; a test)."""
    with _LOCK:
        threads = list(_BUILDING.values())
    for thread in threads:
        thread.join(timeout)


def _readable(path: Path) -> bool:
    """Whether fontTools reads the file's table directory and head (a damaged disk; ~1 ms)."""
    try:
        with TTFont(path, lazy=True) as font:
            return all(tag in font for tag in ("head", "cmap", "hmtx")) and font["head"].unitsPerEm > 0
    except Exception:  # fontTools raises several kinds for a damaged file
        return False


def reduced_face(face: Face, used: Iterable[int], folder: Path | None, *, background: bool = True) -> Face:
    """The cached reduced copy of `face` when it exists and holds every character in `used`; else `face`
    itself, starting the copy's build in the background (when `background`). A copy fontTools cannot read is
    deleted (and built again)."""
    if folder is None:
        return face
    try:
        target = cached_path(face, folder)
    except OSError:
        return face
    if not set(used) <= covered():
        return face
    if target.is_file():
        if _readable(target):
            return Face(target, 0)
        _LOG.warning("the cached face %s is unreadable: deleted, to be built again", target)
        target.unlink(missing_ok=True)
    if background:
        start_build(face, folder)
    return face
