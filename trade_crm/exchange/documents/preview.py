"""A page of a rendered PDF as a PNG (poppler's `pdftoppm`), for the preview pane and the screenshots."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from trade_crm.domain.errors import DomainError

TIMEOUT_S = 60


class PreviewError(DomainError):
    """No preview: the tool is missing, or it refused the file (the message says which)."""


def page_png(pdf: Path, page: int, out: Path, dpi: int = 110) -> Path:
    """Render page `page` (1-based) of `pdf` to the PNG file `out` at `dpi`; return `out`."""
    pdf, out = Path(pdf), Path(out)
    tool = shutil.which("pdftoppm")
    if tool is None:
        raise PreviewError("No page preview: pdftoppm is missing; install poppler-utils (Debian/Ubuntu), "
                           "poppler (Homebrew) or the poppler binaries for Windows")
    if page < 1:
        raise PreviewError(f"{pdf.name}: page {page} does not exist (pages count from 1)")
    if not 20 <= dpi <= 600:
        raise PreviewError(f"{pdf.name}: {dpi} dpi is outside 20-600")
    stem = out.with_suffix("")
    try:
        done = subprocess.run([tool, "-png", "-r", str(dpi), "-f", str(page), "-l", str(page), "-singlefile",
                               str(pdf), str(stem)], capture_output=True, text=True, timeout=TIMEOUT_S, check=False)
    except subprocess.TimeoutExpired:
        raise PreviewError(f"{pdf.name}: pdftoppm took over {TIMEOUT_S} s for page {page}") from None
    made = stem.with_suffix(".png")
    if done.returncode != 0 or not made.is_file():
        reason = (done.stderr.strip().splitlines() or [f"exit code {done.returncode}"])[-1]
        raise PreviewError(f"{pdf.name}: no preview of page {page} ({reason})")
    if made != out:
        made.replace(out)
    return out
