"""CSV records within limits: a broken record is a problem at its first line, and reading goes on."""

from __future__ import annotations

import pytest

from trade_crm.exchange.files import csv_text
from trade_crm.exchange.files.csv_text import MAX_FIELD_CHARS, MAX_RECORD_LINES, parse_records


def test_an_unterminated_quote_is_a_problem_at_its_row_and_the_next_lines_are_read():
    text = 'Company,Email\nAcme,a@acme.com\n"Broken,b@b.com\nCarl,c@c.com\nDora,d@d.com\n'
    records = parse_records(text)
    assert [n for n, _ in records.rows] == [1, 2, 4, 5]
    assert records.rows[2] == (4, ["Carl", "c@c.com"])
    assert [n for n, _ in records.problems] == [3]
    assert "never ends" in records.problems[0][1]


def test_an_open_quote_that_a_later_quote_closes_after_too_many_lines_is_refused():
    body = "".join(f"Name {i},n{i}@x.com\n" for i in range(MAX_RECORD_LINES + 50))
    records = parse_records('Company,Email\n"Open,o@x.com\n' + body + 'end",z@x.com\n')
    assert records.problems[0][0] == 2
    assert len(records.rows) + len(records.problems) == MAX_RECORD_LINES + 50 + 3


def test_a_cell_over_the_limit_is_a_problem_and_the_rows_after_it_are_kept():
    text = f"Company,Notes\nAcme,x\nBig,{'y' * (MAX_FIELD_CHARS + 1)}\nCarl,z\n"
    records = parse_records(text)
    assert [n for n, _ in records.rows] == [1, 2, 4]
    assert records.problems[0][0] == 3 and "longer than" in records.problems[0][1]


def test_a_quoted_cell_over_the_limit_is_a_problem_too():
    text = f'Company,Notes\nBig,"{"y" * (MAX_FIELD_CHARS + 1)}"\nCarl,z\n'
    records = parse_records(text)
    assert [n for n, _ in records.rows] == [1, 3] and records.problems[0][0] == 2


@pytest.mark.parametrize("text, cells", [
    ('"Acme, Inc","Line 1\nLine 2",x\n', ["Acme, Inc", "Line 1\nLine 2", "x"]),
    ('"He said ""hi""",b\n', ['He said "hi"', "b"]),
    ('5" screen,b\n', ['5" screen', "b"]),  # a quote inside a cell does not open one
    ('"a""\nb",c\n', ['a"\nb', "c"]),  # "" then a line end: still inside the cell
    ('"Acme" GmbH,b\n', ["Acme GmbH", "b"]),  # text after the closing quote, as Excel reads it
    ("a,b\r\n", ["a", "b"]),
    ("a\x00b,c\n", ["ab", "c"]),
])
def test_quoted_cells_read_as_the_csv_module_reads_them(text, cells):
    records = parse_records(text, ",")
    assert records.rows == [(1, cells)] and not records.problems


def test_reading_stops_past_the_row_limit():
    text = "Company\n" + "".join(f"C{i}\n" for i in range(100))
    records = parse_records(text, ",", limit=10)
    assert records.truncated and len(records.rows) == 11


def test_every_line_is_a_row_or_a_problem():
    lines = ["Company,Email", 'C,"multi', 'line",c@c.com', "D,d@d.com", '"E', "F,f@f.com"]
    records = csv_text.parse_records("\n".join(lines) + "\n", ",")
    starts = sorted([n for n, _ in records.rows] + [n for n, _ in records.problems])
    assert starts == [1, 2, 4, 5, 6]  # line 3 belongs to the record that starts on line 2
    assert [n for n, _ in records.problems] == [5]


def test_the_plan_counts_every_data_line_and_names_the_rows_not_read(db, tmp_path):
    from trade_crm.exchange.importing.importer import build_plan

    path = tmp_path / "fair.csv"
    path.write_text('Company,Email\nAcme,a@acme.de\n"Broken,b@b.de\nCarl,c@carl.de\n'
                    f"Big,{'x' * (MAX_FIELD_CHARS + 1)}\nDora,d@dora.de\n", encoding="utf-8")
    plan = build_plan(path)
    assert plan.total_rows == 5  # the data lines: three read, two refused
    assert plan.new_customers == 3
    assert plan.error_rows == (3, 5)
    assert {p.row: p.severity for p in plan.problems} == {3: "error", 5: "error"}
