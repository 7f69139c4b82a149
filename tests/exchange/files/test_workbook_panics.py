"""A panic in the native reader (pyo3's PanicException derives from BaseException) is a refusal, not a crash."""

from __future__ import annotations

import types

import pytest

from trade_crm.exchange.files import workbook
from trade_crm.exchange.files.refusal import FileRefused
from trade_crm.exchange.importing.readers import read_table


class PanicException(BaseException):
    """What pyo3 raises when Rust code panics."""


def reader_that_panics(where: str):
    def panic(*_args, **_kwargs):
        raise PanicException("called `Option::unwrap()` on a `None` value\nstack backtrace: ...")

    sheet = types.SimpleNamespace(to_python=panic)
    book = types.SimpleNamespace(
        sheets_metadata=[types.SimpleNamespace(name="Sheet1", visible="v", typ="w")],
        get_sheet_by_name=panic if where == "sheet" else (lambda name: sheet), close=lambda: None)
    return types.SimpleNamespace(
        PasswordError=type("PasswordError", (Exception,), {}),
        SheetVisibleEnum=types.SimpleNamespace(Visible="v"), SheetTypeEnum=types.SimpleNamespace(ChartSheet="c"),
        CalamineWorkbook=types.SimpleNamespace(from_path=panic if where == "open" else (lambda path: book)))


@pytest.mark.parametrize("where", ["open", "sheet", "rows"])
def test_a_panic_while_reading_is_one_line_naming_the_file(monkeypatch, xlsx, where):
    path = xlsx([["Company", "Email"], ["Acme", "a@acme.de"]])
    monkeypatch.setattr(workbook, "_calamine", lambda: reader_that_panics(where))
    with pytest.raises(FileRefused) as caught:
        read_table(path)
    message = str(caught.value)
    assert message.startswith(f"{path.name}: the workbook is damaged or incomplete and cannot be read (")
    assert "Option::unwrap()" in message and "\n" not in message


def test_ctrl_c_is_not_swallowed(monkeypatch, xlsx):
    path = xlsx([["Company"], ["Acme"]])

    def interrupted(*_args):
        raise KeyboardInterrupt

    module = reader_that_panics("none")
    module.CalamineWorkbook = types.SimpleNamespace(from_path=interrupted)
    monkeypatch.setattr(workbook, "_calamine", lambda: module)
    with pytest.raises(KeyboardInterrupt):
        read_table(path)
