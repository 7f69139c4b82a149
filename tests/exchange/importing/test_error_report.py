"""The error-report workbook is edited in Excel: a text that starts like a formula stays text there."""

from __future__ import annotations

import csv

from openpyxl import load_workbook

from trade_crm.exchange.importing.error_report import write_error_report
from trade_crm.exchange.importing.importer import ImportOptions, build_plan

HEADER = ["Company", "Contact", "Email", "Notes"]
FORMULA_LIKE = ["=HYPERLINK(\"http://x.example\",\"open\")", "+86 21 5555 0000", "-3 pcs", "@SUM(A1)", "\tTab Co"]


def test_cells_that_start_like_a_formula_get_the_quote_prefix_and_stay_text(db, tmp_path):
    rows = [[value, "Anna", "not an email", value] for value in FORMULA_LIKE] + [["Plain Co", "Bob", "bad", "ok"]]
    source = tmp_path / "fair.csv"
    with open(source, "w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows([HEADER, *rows])
    plan = build_plan(source, ImportOptions())
    report = tmp_path / "fix-me.xlsx"

    assert write_error_report(plan, report) == len(rows)

    sheet = load_workbook(report).active
    body = list(sheet.iter_rows(min_row=2))
    prefixed = [(c.value, c.data_type) for row in body for c in row if c.quotePrefix]
    assert prefixed == [(value, "s") for value in FORMULA_LIKE for _ in range(2)]  # company and notes, as read
    assert all(c.data_type == "s" for row in body for c in row if c.value is not None)
    assert not any(c.quotePrefix for c in body[-1])  # ordinary text keeps the ordinary style
