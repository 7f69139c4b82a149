"""Bench of the PDF documents (issue #21): a 50-line proforma invoice to PDF, target <= 300 ms, beside its floor
measured in the same run: the same layout and lines with one Latin core font (Helvetica: nothing embedded, no
subsetting) and no shaping, its Chinese, Arabic and Russian text replaced by "?".

The PI is the test suite's sample (tests/exchange/documents/sample_documents.py): a Ningbo seller's PI to Dubai
whose lines carry Chinese, Arabic and Russian names, with logo, signature and stamp images. Each run renders a
fresh FPDF (faces loaded from their files, text measured and shaped, faces subset and embedded, file written);
nothing parsed is kept between runs but Python's imports, the OS page cache and the machine's reduced CJK face
(a font file, below). Each run, the floor's too, renders with the garbage collector paused, as render_pdf does
in the app (domain.bulk.collector_paused, around every render).

Cold and warm (face_cache): "cold" is the first PDF on a machine, before the reduced CJK face is in the user's
cache folder (the original 65,000-glyph face is loaded and subset); "warm" is every PDF after it (built once per
machine in a background child process, here built first and timed as its own row, in a temporary folder). The
target row is the warm one.

    python -m bench.bench_documents [--lines N] [--repeats N]
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time
from dataclasses import replace
from pathlib import Path

from bench.report import Row, render

SECTION = "Documents: proforma invoice to PDF (fpdf2)"
LINES = 50
TARGET_MS = 300.0


def _load() -> str:
    one, five, _ = os.getloadavg()
    return f"load {one:.1f}/{five:.1f}"


def _latin1(text: str) -> str:
    return text.encode("latin-1", "replace").decode("latin-1")


def _floor_document(document):
    """The same document with every string a core font cannot print turned to "?"."""
    seller = replace(document.seller, company_local=_latin1(document.seller.company_local))
    lines = tuple(replace(line, description=_latin1(line.description)) for line in document.lines)
    return replace(document, seller=seller, lines=lines)


def render_floor(document, out: Path) -> None:
    """The built-in layout with Helvetica standing in for the embedded faces, shaping off."""
    # lazy: the bench's other rows do not load fpdf2
    from trade_crm.domain.bulk import collector_paused
    from trade_crm.exchange.documents import pdf_sections
    from trade_crm.exchange.documents.pdf_page import DocumentPdf

    class CorePdf(DocumentPdf):
        def set_font(self, family=None, style="", size=0):
            super().set_font("helvetica" if family == "latin" else family, style, size)

    with collector_paused():  # as render_pdf
        pdf = CorePdf(document)
        pdf.alias_nb_pages()
        pdf.add_page()
        for section in (pdf_sections.letterhead, pdf_sections.parties, pdf_sections.terms, pdf_sections.line_table):
            section(pdf)
        pdf_sections.totals(pdf, words=True)
        pdf_sections.bank(pdf)
        pdf_sections.notes(pdf)
        pdf_sections.signatures(pdf)
        pdf.output(str(out))


def document_rows(lines: int = LINES, repeats: int = 7) -> list[Row]:
    # lazy: the bench's other rows do not need the sample documents or fpdf2
    from tests.exchange.documents.sample_documents import draw_images, sample_document
    from trade_crm.exchange.documents import face_cache
    from trade_crm.exchange.documents.fonts import find_faces, scripts_needed
    from trade_crm.exchange.documents.pdf import render_pdf

    with tempfile.TemporaryDirectory(prefix="trade-crm-bench-documents-") as folder:
        images = draw_images(Path(folder) / "images")
        document = sample_document(lines=lines, images=images)
        floor_document = _floor_document(document)
        faces = find_faces(scripts_needed(replace(document, language="zh")))
        zh = replace(document, language="zh")
        cache = Path(folder) / "font-cache"
        started = time.perf_counter()
        for face in {faces.cjk.regular, faces.cjk.bold}:
            face_cache.build(face, cache)
        build_s = time.perf_counter() - started
        build_load = _load()
        times: dict[str, list[float]] = {key: [] for key in ("floor", "cold", "pdf", "zh_cold", "zh")}
        loads = []
        sizes = {}
        for run in range(repeats + 1):  # the first run warms up (imports, font files in the page cache)
            for key, job in (("floor", lambda out: render_floor(floor_document, out)),
                             ("cold", lambda out: render_pdf(document, out, faces=faces, font_cache=None)),
                             ("pdf", lambda out: render_pdf(document, out, faces=faces, font_cache=cache)),
                             ("zh_cold", lambda out: render_pdf(zh, out, faces=faces, font_cache=None)),
                             ("zh", lambda out: render_pdf(zh, out, faces=faces, font_cache=cache))):
                out = Path(folder) / f"{key}.pdf"
                started = time.perf_counter()
                job(out)
                elapsed = time.perf_counter() - started
                sizes[key] = out.stat().st_size
                if run:
                    times[key].append(elapsed)
            if run:
                loads.append(_load())
    floor_s, cold_s, pdf_s, zh_cold_s, zh_s = (statistics.median(times[key]) for key in times)
    return [
        Row(SECTION, f"floor: {lines}-line PI, Helvetica core font, no shaping", floor_s * 1000, "ms",
            note=f"{sizes['floor'] / 1024:,.0f} KB; median of {repeats}; {loads[-1]}"),
        Row(SECTION, f"{lines}-line PI to PDF, warm: reduced CJK face cached (Latin, Chinese, Arabic, Cyrillic "
                     "faces embedded, shaped)", pdf_s * 1000,
            "ms", ratio=pdf_s / floor_s, target=f"<= {TARGET_MS:g} ms", ok=pdf_s * 1000 <= TARGET_MS,
            note=f"{sizes['pdf'] / 1024:,.0f} KB; every PDF after the machine's first; fresh FPDF and faces each "
                 f"run; median of {repeats}; {loads[-1]}",
            floor="the same layout with one Latin core font, no shaping (same run)"),
        Row(SECTION, f"{lines}-line PI to PDF, cold: no cache yet (the original CJK face)", cold_s * 1000, "ms",
            ratio=cold_s / floor_s, note=f"{sizes['cold'] / 1024:,.0f} KB; the machine's first PDFs; {loads[-1]}"),
        Row(SECTION, f"{lines}-line PI, Chinese labels (a bold CJK face too), warm", zh_s * 1000, "ms",
            ratio=zh_s / floor_s, note=f"{sizes['zh'] / 1024:,.0f} KB; {loads[-1]}"),
        Row(SECTION, f"{lines}-line PI, Chinese labels, cold", zh_cold_s * 1000, "ms",
            ratio=zh_cold_s / floor_s, note=f"{sizes['zh_cold'] / 1024:,.0f} KB; {loads[-1]}"),
        Row(SECTION, "one-time build of the reduced CJK faces (regular and bold), per machine", build_s, "s",
            note=f"a background child process at the first Chinese PDF; {build_load}"),
    ]


def documents_bench(ctx) -> list[Row]:
    """The rows for `python -m bench` (no book needed)."""
    return document_rows(repeats=min(ctx.repeats, 7))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.bench_documents", description=__doc__)
    parser.add_argument("--lines", type=int, default=LINES, help="lines in the PI (default 50)")
    parser.add_argument("--repeats", type=int, default=7, help="timed runs (median reported)")
    args = parser.parse_args(argv)
    rows = document_rows(args.lines, args.repeats)
    print(render(rows))
    return 1 if any(row.ok is False for row in rows) else 0


if __name__ == "__main__":
    raise SystemExit(main())
