"""`make import-samples`: a dry run of every sample file, written as a table of counts without personal data."""

from tests.helpers import make_xlsx
from trade_crm.tools.import_samples import anonymous, main


def test_the_samples_table_counts_every_row_and_quotes_no_cell(tmp_path):
    samples = tmp_path / "samples"
    (samples / "csv").mkdir(parents=True)
    (samples / "xlsx").mkdir()
    (samples / "csv" / "fair.csv").write_text("Company,Email,Country\nAcme GmbH,anna@acme.de,DE\n"
                                              "Acme GmbH,max@acme.de,DE\n,,Spain\n,not-an-email,FR\n", encoding="utf-8")
    make_xlsx(samples / "xlsx" / "list.xlsx", [["Company", "Phone"], ["Beta Ltd", "+44 20 7946 0000"], ["合计", 1]])
    (samples / "xlsx" / "broken.xlsx").write_bytes(b"PK\x03\x04 not really a workbook")
    (samples / "SOURCES.md").write_text("where they came from", encoding="utf-8")
    out = tmp_path / "docs" / "import-samples.md"
    assert main([str(out), "--samples", str(samples)]) == 0
    text = out.read_text(encoding="utf-8")
    lines = {line.split(" | ")[0].lstrip("| "): line for line in text.splitlines() if line.startswith("| ")}
    assert lines["csv/fair.csv"].startswith("| csv/fair.csv | 4 | 1 | 2 | 1 | 1 | 1 | 1 row (5): this row has no")
    assert "ignored: 1 row (4): a title line" in lines["csv/fair.csv"]
    assert lines["xlsx/list.xlsx"].startswith("| xlsx/list.xlsx | 2 | 1 | 1 | 0 | 0 | 1 | ignored: 1 row (3): a total row")
    assert "file refused" in lines["xlsx/broken.xlsx"]
    assert "| **3 files** | **6** | **2** | **3** | **1** | **1** | **2** |" in text
    for private in ("anna", "Acme", "Spain", "合计", "not-an-email", "7946"):
        assert private not in text


def test_a_reason_keeps_its_words_and_loses_the_quoted_cell():
    assert anonymous('"gus at gamma" is not an email address; kept in the notes') == (
        '"…" is not an email address; kept in the notes')
    assert anonymous('a total row ("合计 175")') == "a total row (…)"
