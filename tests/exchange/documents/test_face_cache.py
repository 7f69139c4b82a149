"""The per-machine cache of the reduced CJK face (face_cache): a PDF printed with it (TrueType outlines converted
from the face's CFF ones) reads back the same text as with the original face; a character outside it, no cache
folder, or no built file yet fall back to the original face; a missing file is built once, in the background,
replacing an earlier version's copy; an updated source font gets a new cache file.

The builds here keep only the characters the sample documents print (a few seconds); the real one keeps GB2312
(face_cache.covered(), 10-30 s, measured by bench/bench_documents.py)."""

from __future__ import annotations

import multiprocessing
import os
import shutil
import threading
import time

import pytest
from fontTools.ttLib import TTFont

from tests.exchange.documents.conftest import pdf_text
from tests.exchange.documents.sample_documents import sample_document
from trade_crm.exchange.documents import face_cache
from trade_crm.exchange.documents.fonts import Face, document_text, scripts_of
from trade_crm.exchange.documents.labels import labels_text
from trade_crm.exchange.documents.pdf import render_pdf
from trade_crm.paths import user_cache_dir


def _printed(*documents) -> frozenset[int]:
    """The Chinese characters the documents print (what pdf.register_faces asks the CJK face for)."""
    text = "".join(document_text(document) + labels_text(document.language) for document in documents)
    return frozenset(ord(char) for char in text if scripts_of(char) == {"cjk"})


@pytest.fixture(scope="module")
def small_cache(faces, tmp_path_factory):
    """The regular and bold CJK faces reduced to the sample documents' characters."""
    folder = tmp_path_factory.mktemp("font-cache")
    chars = _printed(sample_document(language="en"), sample_document(language="zh"))
    for face in (faces.cjk.regular, faces.cjk.bold):
        face_cache.build(face, folder, chars)
    return folder, chars


def test_a_pdf_printed_with_the_cached_face_reads_back_the_same_text(faces, images, small_cache, tmp_path):
    folder, chars = small_cache
    cached = face_cache.reduced_face(faces.cjk.regular, chars, folder)
    assert cached.path.parent == folder and cached.path.stat().st_size < faces.cjk.regular.path.stat().st_size / 10
    with TTFont(cached.path) as font:  # TrueType outlines: fontTools subsets them without running charstrings
        assert "glyf" in font and "CFF " not in font
        assert set(chars) <= set(font.getBestCmap())
    document = sample_document(language="zh", images=images)  # Chinese labels: the bold CJK face too
    original = pdf_text(render_pdf(document, tmp_path / "original.pdf", faces=faces, font_cache=None))
    reduced = pdf_text(render_pdf(document, tmp_path / "cached.pdf", faces=faces, font_cache=folder))
    assert reduced == original
    assert "宁波明途照明有限公司" in reduced and "形式发票" in reduced


def test_a_character_outside_the_cache_or_no_cache_folder_uses_the_original_face(faces, small_cache):
    folder, chars = small_cache
    rare = ord("\U00020000")  # CJK Extension B: not in GB2312
    assert face_cache.reduced_face(faces.cjk.regular, [*chars, rare], folder) == faces.cjk.regular
    assert face_cache.reduced_face(faces.cjk.regular, chars, None) == faces.cjk.regular


def test_without_a_built_file_the_original_face_prints_and_one_background_build_starts(faces, monkeypatch, tmp_path):
    monkeypatch.setattr(face_cache, "covered", lambda: frozenset(map(ord, "报价单形式发票 0123456789")))
    earlier = tmp_path / f"{faces.cjk.regular.path.stem}-{faces.cjk.regular.index}-0123456789abcdef.otf"
    earlier.write_bytes(b"OTTO")  # the CFF copy an earlier version built
    used = [ord("报"), ord("价")]
    assert face_cache.reduced_face(faces.cjk.regular, used, tmp_path) == faces.cjk.regular
    again = face_cache.start_build(faces.cjk.regular, tmp_path)  # the build under way is not started twice
    face_cache.wait_for_builds(timeout=120)
    assert not again.is_alive()
    built = face_cache.reduced_face(faces.cjk.regular, used, tmp_path)
    assert built == Face(face_cache.cached_path(faces.cjk.regular, tmp_path), 0)
    assert [path.name for path in tmp_path.iterdir()] == [built.path.name]  # no partial or earlier copy left


def test_an_updated_font_file_gets_a_new_cache_file(faces, tmp_path):
    copy = tmp_path / faces.latin.regular.path.name
    shutil.copyfile(faces.latin.regular.path, copy)
    before = face_cache.cached_path(Face(copy), tmp_path / "cache")
    os.utime(copy, ns=(copy.stat().st_atime_ns, copy.stat().st_mtime_ns + 1_000_000_000))
    assert face_cache.cached_path(Face(copy), tmp_path / "cache") != before


def test_the_cache_folder_is_the_users_cache_unless_the_environment_names_one_or_says_off(tmp_path):
    assert face_cache.cache_folder({}) == user_cache_dir() / "fonts"
    assert face_cache.cache_folder({face_cache.ENV_VAR: str(tmp_path)}) == tmp_path
    assert face_cache.cache_folder({face_cache.ENV_VAR: "off"}) is None


def test_a_damaged_cached_face_is_deleted_and_the_original_face_prints(faces, images, tmp_path, monkeypatch):
    monkeypatch.setattr(face_cache, "start_build", lambda face, folder: None)  # the rebuild is tested above
    document = sample_document(images=images)
    used = _printed(document)
    damaged = face_cache.cached_path(faces.cjk.regular, tmp_path / "cache")
    damaged.parent.mkdir()
    damaged.write_bytes(b"OTTO" + bytes(64))  # a cut-off file
    text = pdf_text(render_pdf(document, tmp_path / "pi.pdf", faces=faces, font_cache=damaged.parent))
    assert "宁波明途照明有限公司" in text
    assert not damaged.exists()
    assert face_cache.reduced_face(faces.cjk.regular, used, damaged.parent, background=False) == faces.cjk.regular



@pytest.mark.parametrize("program_ending", [True, False])
def test_a_build_stopped_as_the_program_ends_is_left_for_later_quietly(faces, tmp_path, monkeypatch, caplog,
                                                                       program_ending):
    """A CLI `quote pdf` ends long before the 10-30 s build, and multiprocessing stops the child at exit: no failure
    to warn the person about (the next program builds the face). A child stopped otherwise is still a warning."""
    ending = threading.Event()
    if program_ending:
        ending.set()
    monkeypatch.setattr(face_cache, "_EXITING", ending)
    caplog.set_level("INFO", logger="trade_crm.exchange.documents.face_cache")
    watcher = face_cache.start_build(faces.cjk.regular, tmp_path)
    deadline = time.monotonic() + 30
    while not multiprocessing.active_children() and time.monotonic() < deadline:
        time.sleep(0.05)
    for child in multiprocessing.active_children():
        child.terminate()  # what multiprocessing's exit handler does to a daemon child
    watcher.join(60)
    assert not list(tmp_path.glob("*.ttf"))
    warnings = [r for r in caplog.records if r.levelname == "WARNING"]
    if program_ending:
        assert "left for a later run" in caplog.text and not warnings
    else:
        assert [r.getMessage() for r in warnings] == [
            f"the reduced face of {faces.cjk.regular.path} was not built (exit code -15)"]
