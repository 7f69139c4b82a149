"""The cells of an .xls, read from its record stream before the native reader builds their rectangle."""

from __future__ import annotations

import random

import pytest

from tests.integration.hostile_cases import SAMPLE_XLS
from trade_crm.exchange.files.biff import sheet_extents, workbook_stream

needs_sample = pytest.mark.skipif(not SAMPLE_XLS.is_file(), reason="the shared .xls sample is absent")


def test_what_is_not_a_compound_file_has_no_workbook_stream():
    assert workbook_stream(b"") is None
    assert workbook_stream(b"PK\x03\x04" + b"\x00" * 600) is None
    assert workbook_stream(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\xff" * 600) is None


@needs_sample
def test_the_sheets_of_a_real_xls_and_their_last_cells():
    assert sheet_extents(SAMPLE_XLS) == {"产品数据": (3, 18)}


@needs_sample
def test_a_cell_moved_to_iv65536_is_seen(tmp_path):
    data = SAMPLE_XLS.read_bytes()
    at = data.index(b"\xfd\x00\x0a\x00")
    path = tmp_path / "far.xls"
    path.write_bytes(data[:at + 4] + b"\xff\xff\xff\x00" + data[at + 8:])
    assert sheet_extents(path) == {"产品数据": (65536, 256)}


@needs_sample
def test_damaged_copies_never_raise(tmp_path):
    data, rng = SAMPLE_XLS.read_bytes(), random.Random(7)
    path = tmp_path / "bad.xls"
    for _ in range(200):
        at = rng.randrange(len(data))
        path.write_bytes(data[:at] if rng.random() < 0.3 else data[:at] + bytes([rng.randrange(256)]) + data[at + 1:])
        assert isinstance(sheet_extents(path), dict)
