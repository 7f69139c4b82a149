"""`trade-crm product import|list|show|export`, run in-process, on a SQLite file and on a server book."""

from __future__ import annotations

import json

import openpyxl
import pytest

from tests.both_engines import db, db_location, pytest_generate_tests, sqlite_db  # noqa: F401 (fixtures, engines)
from tests.helpers import cli, cli_json
from trade_crm.store.db import close_database


@pytest.fixture
def price_list(tmp_path):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["货号", "品名", "中文名", "阿拉伯语名称", "海关编码", "起订量", "FOB价", "≥1000 单价", "外箱尺寸", "毛重"])
    sheet.append(["LP-6060-40W", "LED panel light 40W", "LED 面板灯", "لوحة إضاءة", "9405.42", "1,000", "USD 2.50",
                  "2.30", "62*62*40", "10.8"])
    sheet.append(["BL-A60-9W", "LED bulb A60", "球泡灯", "", "8539.52", "", "", "", "", ""])
    sheet.append(["SH-1", "Hook", "", "", "", "", "-1", "", "", ""])
    path = tmp_path / "报价单.xlsx"
    book.save(path)
    return path


@pytest.fixture
def location(db, db_location):  # noqa: F811 (the fixtures imported above)
    if db_location.endswith(".db"):
        close_database(db)  # the command opens the file itself
    return db_location


def test_import_reports_every_row_then_list_show_export_and_undo(capsys, location, price_list, tmp_path):
    report = cli_json(capsys, "product", "import", str(price_list), "--db", location)
    assert {k: report[k] for k in ("rows", "created", "updated", "refused", "without_price")} == {
        "rows": 3, "created": 2, "updated": 0, "refused": 1, "without_price": 1}
    assert [(o["row"], o["outcome"]) for o in report["outcomes"]] == [(2, "created"), (3, "created"), (4, "refused")]
    refusal = next(p for p in report["problems"] if p["severity"] == "error")
    assert (refusal["row"], refusal["column"], refusal["message"]) == (4, "FOB价", "-1 is a negative price")

    found = cli_json(capsys, "product", "list", "--search", "面板", "--db", location)
    assert found["count"] == 1 and found["results"][0]["sku"] == "LP-6060-40W"
    assert found["results"][0]["price"] == "2.5000"
    assert cli_json(capsys, "product", "list", "--search", "إضاءة", "--db", location)["count"] == 1
    shown = cli_json(capsys, "product", "show", "lp-6060-40w", "--db", location)
    assert shown["tiers"] == [{"min_quantity": "0.000", "unit_price": "2.5000"},
                              {"min_quantity": "1000.000", "unit_price": "2.3000"}]
    assert shown["carton_cbm"] == "0.153760" and shown["local_names"]["ar"] == "لوحة إضاءة" and shown["has_price"]

    code, out, err = cli(capsys, "product", "show", "BL-A60-9W", "--db", location)
    assert code == 0 and "prices: none" in out
    out_path = tmp_path / "catalog.xlsx"
    code, out, err = cli(capsys, "product", "export", str(out_path), "--db", location)
    assert code == 0 and out.startswith("2 products written to")
    rows = list(openpyxl.load_workbook(out_path).active.iter_rows(values_only=True))
    assert rows[0][:4] == ("SKU", "Name", "Name (ar)", "Name (zh)") and len(rows) == 3

    code, out, err = cli(capsys, "import", "undo", str(report["batch"]), "--db", location)
    assert code == 0 and "2 products removed" in out
    assert cli_json(capsys, "product", "list", "--db", location)["count"] == 0


def test_a_dry_run_prints_the_plan_and_writes_nothing(capsys, location, price_list):
    code, out, err = cli(capsys, "product", "import", str(price_list), "--dry-run", "--db", location)
    assert code == 0, err
    assert "created: 2" in out and "row 4, FOB价" in out and "Nothing was written (--dry-run)." in out
    assert cli_json(capsys, "product", "list", "--db", location)["count"] == 0


def test_bad_input_is_one_line(capsys, location, tmp_path):
    code, out, err = cli(capsys, "product", "show", "NO-SUCH", "--db", location)
    assert code != 0 and err.count("\n") == 1 and "no product" in err
    text = tmp_path / "notes.csv"
    text.write_text("Colour,Weight\nred,2\n", encoding="utf-8")
    code, out, err = cli(capsys, "product", "import", str(text), "--db", location)
    assert code == 2 and err.count("\n") == 1 and "no header row names a SKU" in err
    code, out, err = cli(capsys, "product", "export", str(tmp_path / "x.csv"), "--db", location)
    assert code == 2 and ".xlsx" in err


def test_list_prints_a_table_with_chinese_names_lined_up(capsys, location, price_list):
    assert cli(capsys, "product", "import", str(price_list), "--db", location)[0] == 0
    code, out, err = cli(capsys, "product", "list", "--db", location)
    lines = out.splitlines()
    assert code == 0 and lines[0].split()[:3] == ["ID", "SKU", "NAME"]
    assert "BL-A60-9W" in lines[1] and "no price" in lines[1] and "USD 2.50" in lines[2]
    assert json.loads(cli(capsys, "product", "list", "--json", "--db", location)[1])["count"] == 2
