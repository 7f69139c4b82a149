"""Which faces a document needs, where the finder looks, and the error that names a missing script."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from tests.exchange.documents.conftest import require_tool
from tests.exchange.documents.sample_documents import sample_document
from trade_crm.exchange.documents.fonts import (
    FaceSet,
    MissingFaceError,
    find_faces,
    from_fontconfig,
    needs_shaping,
    scripts_needed,
    scripts_of,
    system_folders,
)
from trade_crm.exchange.documents.pdf import render_pdf


def test_scripts_of_text_finds_arabic_cjk_and_cyrillic_only_where_present():
    assert scripts_of("LED panel 600×600, 40 W — café") == set()
    assert scripts_of("LED 面板灯") == {"cjk"}
    assert scripts_of("مصباح سقف") == {"arabic"}
    assert scripts_of("Светодиодная панель") == {"cyrillic"}


def test_only_scripts_that_change_shape_or_order_are_shaped():
    assert needs_shaping("مصباح سقف") and needs_shaping("LED / נורה")
    assert not needs_shaping("LED 面板灯 Светодиодная 600×600")


def test_a_document_without_arabic_does_not_need_an_arabic_face():
    latin_only = _latin_only()
    assert scripts_needed(latin_only) == {"latin"}
    assert scripts_needed(replace(latin_only, language="zh")) == {"latin", "cjk"}
    assert scripts_needed(sample_document()) == {"latin", "cjk", "arabic", "cyrillic"}


def _latin_only():
    document = sample_document(kind="quotation", lines=5)
    seller = replace(document.seller, company_local="")
    lines = tuple(replace(line, description=f"LED product {line.position}") for line in document.lines)
    return replace(document, seller=seller, lines=lines)


def test_an_empty_font_folder_without_the_system_names_latin_first_and_where_to_put_it(tmp_path):
    with pytest.raises(MissingFaceError) as missing:
        find_faces({"arabic"}, folders=[tmp_path], system=False)
    assert missing.value.script == "latin"  # Latin is always needed, and looked for first
    assert "No Latin font found" in str(missing.value) and str(tmp_path) in str(missing.value)


def test_finder_takes_faces_from_the_given_folder_and_names_a_missing_arabic_face(tmp_path, faces):
    (tmp_path / "NotoSans-Regular.ttf").symlink_to(faces.latin.regular.path)
    found = find_faces({"latin"}, folders=[tmp_path], system=False)
    assert found.latin.regular.path == tmp_path / "NotoSans-Regular.ttf"
    assert found.latin.bold.path == found.latin.regular.path  # no bold beside it: the regular face again
    with pytest.raises(MissingFaceError) as missing:
        find_faces({"latin", "arabic"}, folders=[tmp_path], system=False)
    assert missing.value.script == "arabic" and "No Arabic font found" in str(missing.value)
    assert "NotoNaskhArabic-Regular.ttf" in missing.value.hint


def test_render_without_an_arabic_face_refuses_an_arabic_document_but_prints_a_latin_one(tmp_path, faces):
    no_arabic = FaceSet(latin=faces.latin, cjk=faces.cjk)
    with pytest.raises(MissingFaceError, match="No Arabic font found"):
        render_pdf(sample_document(), tmp_path / "ar.pdf", faces=no_arabic)
    assert not (tmp_path / "ar.pdf").exists()
    assert render_pdf(_latin_only(), tmp_path / "latin.pdf", faces=no_arabic).stat().st_size > 1000


def test_system_folders_per_platform():
    windows = system_folders("win32", {"WINDIR": r"D:\Win", "LOCALAPPDATA": r"C:\Users\li\AppData\Local",
                                       "HOME": r"C:\Users\li"})
    assert str(windows[0]).endswith("Fonts") and "Win" in str(windows[0])
    mac = system_folders("darwin", {"HOME": "/Users/li"})
    assert mac[0].as_posix() == "/System/Library/Fonts" and mac[-1].as_posix() == "/Users/li/Library/Fonts"
    assert any(folder.as_posix() == "/usr/share/fonts/opentype/noto" for folder in system_folders("linux", {}))


def test_fontconfig_answers_only_with_a_face_covering_the_script():
    require_tool("fc-match")
    for script in ("latin", "arabic", "cjk"):
        pair = from_fontconfig(script)
        if pair is not None:  # a machine may lack the script: then no answer rather than a wrong face
            assert pair.regular.path.is_file() and pair.bold.path.is_file()
    if Path("/usr/share/fonts/truetype/noto/NotoNaskhArabic-Regular.ttf").is_file():  # Debian fonts-noto-core
        arabic = from_fontconfig("arabic")
        assert arabic is not None and arabic.regular.path.name == "NotoNaskhArabic-Regular.ttf"
        assert arabic.bold.path.name == "NotoNaskhArabic-Bold.ttf"
