"""Helpers for the import tests: small workbooks built in tmp_path, and whole-database dumps."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook


def make_xlsx(path: Path, rows: list[list], *, sheet: str = "Sheet1", more: dict[str, list[list]] | None = None,
              merge: str | None = None) -> Path:
    book = Workbook()
    ws = book.active
    ws.title = sheet
    for row in rows:
        ws.append(row)
    if merge:
        ws.merge_cells(merge)
    for name, other in (more or {}).items():
        extra = book.create_sheet(name)
        for row in other:
            extra.append(row)
    book.save(path)
    return path


def dump(db) -> dict[str, list[tuple]]:
    """Every row of every table (the import history aside), in a stable order."""
    tables = [r[0] for r in db.execute_sql(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
        "AND name NOT LIKE 'search_%' AND name <> 'import_batch' ORDER BY name")]
    out = {t: sorted(db.execute_sql(f"SELECT * FROM {t}").fetchall(), key=repr) for t in tables}
    for fts in ("search_trigram", "search_words"):
        out[fts] = sorted(db.execute_sql(f"SELECT rowid, body FROM {fts}").fetchall())
    return out


@pytest.fixture
def xlsx(tmp_path):
    def build(rows, name="list.xlsx", **kwargs):
        return make_xlsx(tmp_path / name, rows, **kwargs)
    return build


SAMPLES_ROOT = Path(__file__).resolve().parents[2].parent / "shared" / "samples" / "import"
SAMPLES = (sorted(p.relative_to(SAMPLES_ROOT).as_posix() for p in SAMPLES_ROOT.glob("*/*") if p.suffix != ".md")
           if SAMPLES_ROOT.is_dir() else ["(samples absent)"])
