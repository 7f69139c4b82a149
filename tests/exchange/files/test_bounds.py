"""Looking at a workbook before the native reader does: the zip directory and the cells a sheet holds."""

from __future__ import annotations

import io
import random
import zipfile

import pytest

from tests.integration.hostile_cases import many_members, patch_directory, sheet_xml, xlsx
from trade_crm.exchange.files import bounds
from trade_crm.exchange.files.bounds import WorkbookError, check_sheets, inspect_zip, sheet_extent

SHEET = "xl/worksheets/sheet1.xml"


def extent(sheet: bytes) -> tuple[int, int]:
    with zipfile.ZipFile(io.BytesIO(xlsx(sheet))) as archive:
        return sheet_extent(archive, SHEET)


def many_rows(count: int, start: int = 5) -> bytes:
    return b"".join(b'<row r="%d"><c r="A%d" t="inlineStr"><is><t>Company %d</t></is></c><c r="B%d"><v>%d</v></c>'
                    b"</row>" % (i, i, i, i, i) for i in range(start, start + count))


def test_the_extent_is_the_last_cell_with_content_not_the_declared_dimension():
    assert extent(sheet_xml(dimension=b"A1:XFD1048576")) == (4, 3)
    assert extent(sheet_xml(extra=b'<row r="900000"><c r="XFD900000" s="3"/></row>')) == (4, 3)  # styled, empty


@pytest.mark.parametrize("extra, expected", [
    (b'<row r="7"><c><v>1</v></c><c><v>2</v></c></row>', (7, 3)),  # no r: placed after the previous cell
    (b'<row><c r="E9"><v>1</v></c></row><row><c><v>1</v></c></row>', (10, 5)),  # a <row> without r follows
    (b'<row r="4294967295"><c><v>1</v></c></row>', (4294967295, 3)),
    (b"<row r='12'><c r='AB12'><v>1</v></c></row>", (12, 28)),
    (b'<x:row r="8"><x:c r="D8"><x:v>1</x:v></x:c></x:row>', (8, 4)),
])
def test_cells_are_placed_as_the_reader_places_them(extra, expected):
    assert extent(sheet_xml(extra=extra)) == expected


def test_a_far_cell_past_the_first_megabyte_is_found_on_either_path():
    body = many_rows(40_000)  # several chunks, every cell with a plain reference: the fast path
    assert extent(sheet_xml(extra=body)) == (40_004, 3)
    far = body + b'<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>'
    assert extent(sheet_xml(extra=far)) == (1_048_576, 16_384)
    positional = body + b'<row r="40100"><c r="A40100"><v>1</v></c><c><v>2</v></c><c><v>3</v></c></row>'
    assert extent(sheet_xml(extra=positional)) == (40_100, 3)


def test_the_scan_says_which_sheets_may_hold_formulas_so_only_those_are_read_again(tmp_path):
    plain, formula = tmp_path / "plain.xlsx", tmp_path / "formula.xlsx"
    plain.write_bytes(xlsx(sheet_xml(extra=many_rows(40_000))))  # several chunks, not one formula
    formula.write_bytes(xlsx(sheet_xml(extra=many_rows(40_000) + b'<row r="40100"><c r="C40100"><f>A1&amp;B1</f>'
                                             b"</c></row>")))  # the only formula, after the first megabyte
    assert check_sheets(plain, ["Customers"]) == set()
    assert check_sheets(formula, ["Customers"]) == {"Customers"}
    assert check_sheets(plain, ["Customers", "Not there"]) == {"Not there"}  # not scanned: may hold any


def test_a_sheet_too_large_for_the_reader_is_refused_in_one_line(tmp_path):
    path = tmp_path / "far.xlsx"
    path.write_bytes(xlsx(sheet_xml(extra=b'<row r="150000"><c r="ALL150000"><v>1</v></c></row>')))
    with pytest.raises(WorkbookError) as caught:
        check_sheets(path, ["Customers"])
    assert caught.value.kind == "refused" and "ALL150000" in caught.value.detail


@pytest.mark.parametrize("data, kind, text", [
    (lambda: patch_directory(xlsx(), "xl/workbook.xml", flags=1), "encrypted", "encrypted"),
    (lambda: xlsx(method=zipfile.ZIP_LZMA), "refused", "method 14"),
    (lambda: many_members(bounds.MAX_MEMBERS + 1), "refused", "parts"),
    (lambda: xlsx(more={"docProps/custom.xml": b" " * (5 * 1024 * 1024)}), "refused", "zip bomb"),
    (lambda: patch_directory(xlsx(more={"a.xml": b"<a/>"}), "a.xml", size=300 * 1024 * 1024), "refused", "unpacks"),
    (lambda: patch_directory(xlsx(more={"a.xml": b"<a>" + b"x" * 100_000 + b"</a>"}), "a.xml", size=1000),
     "corrupt", ""),
    (lambda: xlsx()[:-30], "corrupt", ""),
])
def test_the_zip_directory_is_checked_before_parsing(tmp_path, data, kind, text):
    path = tmp_path / "book.xlsx"
    path.write_bytes(data())
    with pytest.raises(WorkbookError) as caught:
        inspect_zip(path)
    assert caught.value.kind == kind and text in caught.value.detail


def test_a_picture_that_compresses_well_is_not_a_bomb_below_the_floor(tmp_path):
    path = tmp_path / "book.xlsx"
    path.write_bytes(xlsx(more={"xl/media/image1.png": b"\x00" * (bounds.RATIO_FLOOR - 1)}))
    inspect_zip(path)  # no error


def test_the_inspection_scans_each_sheet_part_as_it_streams_past_so_the_check_reads_it_once(tmp_path, monkeypatch):
    path = tmp_path / "book.xlsx"
    formula = b'<row r="40100"><c r="C40100"><f>A1&amp;B1</f></c></row>'
    path.write_bytes(xlsx(sheet_xml(extra=many_rows(40_000) + formula),
                          more={"xl/worksheets/sheet2.xml": sheet_xml(), "xl/styles.xml": b"<styleSheet/>"}))
    scans = inspect_zip(path)
    with zipfile.ZipFile(path) as archive:
        assert scans == {SHEET: bounds.scan_sheet(archive, SHEET),
                         "xl/worksheets/sheet2.xml": bounds.scan_sheet(archive, "xl/worksheets/sheet2.xml")}
    assert scans[SHEET] == (40_100, 3, True)
    monkeypatch.setattr(bounds, "scan_sheet", lambda *args: pytest.fail("the sheet was unpacked again"))
    assert check_sheets(path, ["Customers"], scans) == {"Customers"}


def test_a_sheet_refused_while_inspecting_is_refused_when_it_is_read_not_before(tmp_path):
    path = tmp_path / "far.xlsx"
    noise = random.Random(7).randbytes(3 * 1024 * 1024).hex().encode()  # no zip bomb: it hardly compresses
    path.write_bytes(xlsx(sheet_xml(extra=b'<row r="5" x="' + noise + b'"><c r="A5"><v>1</v></c></row>')))
    scans = inspect_zip(path)  # the directory and sizes are fine: no refusal yet
    assert isinstance(scans[SHEET], WorkbookError)
    with pytest.raises(WorkbookError) as caught:
        check_sheets(path, ["Customers"], scans)
    assert caught.value.kind == "refused" and "tag of more than" in caught.value.detail
