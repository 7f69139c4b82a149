"""The .xlsb record walk that finds a sheet's real used range before the native reader builds it."""

from __future__ import annotations

import io
import struct
import zipfile

import pytest

from tests.integration.hostile_cases import ROWS, number_record, record, row_record, xlsb, xlsb_sheet
from trade_crm.exchange.files.xlsb import records, sheet_extent, sheet_parts
from trade_crm.exchange.importing.readers import ReadError, read_table


def test_the_extent_is_the_last_row_and_column_holding_a_value():
    assert sheet_extent(io.BytesIO(xlsb_sheet())) == (4, 3)
    far = xlsb_sheet(extra=row_record(1048575) + number_record(16383))
    assert sheet_extent(io.BytesIO(far)) == (1048576, 16384)


def test_blank_cells_and_rows_without_cells_do_not_widen_the_extent():
    blank = record(0x0001, struct.pack("<II", 16383, 0))
    assert sheet_extent(io.BytesIO(xlsb_sheet(extra=row_record(1048575) + blank + row_record(9_999_999)))) == (4, 3)


def test_short_cells_take_the_column_after_the_previous_one():
    short = record(0x000D, struct.pack("<Ii", 0, 2))
    assert sheet_extent(io.BytesIO(xlsb_sheet(extra=row_record(6) + number_record(10) + short + short))) == (7, 13)


def test_records_and_long_bodies_across_chunk_boundaries_are_walked_exactly():
    rows = ROWS + [[f"Company {i}", f"c{i}@firm.com", "DE"] for i in range(40_000)]  # several MiB
    big = record(0x0006, struct.pack("<II", 1, 0) + struct.pack("<I", 700_000) + b"x\x00" * 700_000)
    sheet = xlsb_sheet(rows, extra=row_record(50_000) + big + row_record(50_001) + number_record(7))
    assert len(sheet) > 3 * 1024 * 1024
    assert sheet_extent(io.BytesIO(sheet)) == (50_002, 8)
    kinds = [kind for kind, _ in records(io.BytesIO(sheet))]
    assert kinds.count(0x0000) == len(rows) + 2 and kinds[-1] == 0x0082


def test_a_record_cut_off_by_the_end_of_the_part_is_not_given():
    assert list(records(io.BytesIO(record(0x0081) + b"\x06\xff\xff\xff\x7fabc"))) == [(0x0081, b"")]
    assert list(records(io.BytesIO(b"\x94"))) == []


def test_sheet_parts_name_each_sheet_by_its_workbook_record():
    with zipfile.ZipFile(io.BytesIO(xlsb())) as archive:
        assert sheet_parts(archive) == {"Customers": "xl/worksheets/sheet1.bin"}


def test_an_xlsb_reads_as_a_table(tmp_path):
    path = tmp_path / "list.xlsb"
    path.write_bytes(xlsb())
    table = read_table(path)
    assert table.headers == tuple(ROWS[0]) and [r.cells for r in table.rows] == [tuple(r) for r in ROWS[1:]]


@pytest.mark.parametrize(("extra", "where"), [(row_record(1048575) + number_record(16383), "XFD1048576"),
                                              (row_record(5) + number_record(0xFFFFFFFF), "row 6")])
def test_an_xlsb_with_a_value_far_out_is_refused_before_the_reader_builds_it(tmp_path, extra, where):
    path = tmp_path / "far.xlsb"
    path.write_bytes(xlsb(xlsb_sheet(extra=extra)))
    with pytest.raises(ReadError, match=where):
        read_table(path)


def test_a_panic_of_the_native_reader_on_a_mutated_xlsb_is_a_refusal(tmp_path):
    path = tmp_path / "panic.xlsb"  # a shared-string cell in a workbook with no shared strings: index out of bounds
    path.write_bytes(xlsb(xlsb_sheet(extra=row_record(4) + record(0x0007, struct.pack("<III", 0, 0, 5)))))
    with pytest.raises(ReadError, match="damaged or incomplete"):
        read_table(path)
