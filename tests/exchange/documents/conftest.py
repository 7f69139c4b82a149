"""What the document tests need from the machine: poppler's pdftotext/pdftoppm and the Latin, Arabic and CJK
faces (`make documents` installs them as root). Missing, the tests that need them skip with one line, or fail
under CI=true (DESIGN rule 13), as tests/mail_server.py does for Dovecot."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.exchange.documents.sample_documents import draw_images
from trade_crm.exchange.documents.fonts import SCRIPTS, FaceSet, MissingFaceError, find_faces

# What poppler wraps right-to-left runs in when it writes them out (embedding and isolate marks, LRM/RLM).
BIDI_MARKS = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def _missing(what: str) -> None:
    message = f"document tests skipped: {what}; run `make documents` as root (poppler-utils, fonts-noto-cjk, " \
              "fonts-noto-core, fonts-dejavu-core)"
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"{message} (CI=true: the tools are required)", pytrace=False)
    pytest.skip(message)


def require_tool(name: str) -> str:
    found = shutil.which(name)
    if found is None:
        _missing(f"no {name}")
    return found


@pytest.fixture(scope="session")
def faces() -> FaceSet:
    try:
        return find_faces(SCRIPTS)
    except MissingFaceError as exc:
        _missing(str(exc))
        raise


@pytest.fixture(scope="session")
def images(tmp_path_factory) -> dict[str, Path]:
    return draw_images(tmp_path_factory.mktemp("document-images"))


def pdf_text(pdf: Path, page: int | None = None, *, layout: bool = False) -> str:
    """What pdftotext reads from `pdf` (one page, or all), with poppler's bidi marks left out."""
    tool = require_tool("pdftotext")
    command = [tool, "-enc", "UTF-8"]
    if layout:
        command.append("-layout")
    if page is not None:
        command += ["-f", str(page), "-l", str(page)]
    done = subprocess.run([*command, str(pdf), "-"], capture_output=True, check=True)
    return BIDI_MARKS.sub("", done.stdout.decode("utf-8"))


def page_count(pdf: Path) -> int:
    tool = require_tool("pdfinfo")
    info = subprocess.run([tool, str(pdf)], capture_output=True, text=True, check=True).stdout
    return int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))
