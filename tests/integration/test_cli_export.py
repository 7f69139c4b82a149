"""`trade-crm export FILE.xlsx` and `trade-crm export vcard FILE.vcf`, run in-process."""

from __future__ import annotations

import json
import re

import pytest
from openpyxl import load_workbook

from tests.helpers import cli
from trade_crm.domain.customers.contacts import ContactInput
from trade_crm.domain.customers.records import create_customer
from trade_crm.store.db import close_database


@pytest.fixture
def book(db, db_path, clock):
    for name, country, tag in (("Müller GmbH", "DE", "VIP"), ("Lima SAC", "PE", ""), ("Berlin Tools", "DE", "")):
        create_customer(clock, name=name, country=country, tags=[tag] if tag else [],
                        contacts=[ContactInput(name=f"Buyer {name}", emails=(f"buyer@{country.lower()}.example",),
                                               phones=("+8613812345678",))])
    close_database(db)  # the command opens the file itself
    return db_path



def test_export_writes_the_filtered_customers_and_reports_json(capsys, book, tmp_path):
    path = tmp_path / "de.xlsx"
    code, out, err = cli(capsys, "export", str(path), "--db", str(book), "--country", "Germany",
                         "--sheets", "customers,contacts", "--json")
    assert code == 0, err
    data = json.loads(out)
    assert (data["customers"], data["sheets"]) == (2, {"customers": 2, "contacts": 2})
    assert data["file"] == str(path) and data["filter"]["countries"] == ["DE"]
    wb = load_workbook(path)
    assert wb.sheetnames == ["Customers", "Contacts"]
    assert sorted(r[1] for r in wb["Customers"].iter_rows(min_row=2, values_only=True)) == ["Berlin Tools",
                                                                                             "Müller GmbH"]


def test_export_search_tag_and_language_options(capsys, book, tmp_path):
    path = tmp_path / "vip.xlsx"
    code, out, _ = cli(capsys, "--db", str(book), "export", str(path), "--tag", "VIP", "--language", "zh")
    assert code == 0 and out.startswith("Exported 1 customer to ")
    assert load_workbook(path).sheetnames == ["客户", "联系人", "跟进记录", "订单"]
    code, out, _ = cli(capsys, "--db", str(book), "export", str(path), "--search", "lima", "--json")
    assert json.loads(out)["customers"] == 1


def test_export_is_english_by_default_and_chinese_with_lang_zh(capsys, book, tmp_path):
    english, chinese = tmp_path / "en.xlsx", tmp_path / "zh.xlsx"
    assert cli(capsys, "--db", str(book), "export", str(english), "--sheets", "customers")[0] == 0
    assert cli(capsys, "--db", str(book), "export", str(chinese), "--sheets", "customers", "--lang", "zh")[0] == 0
    for path, stage, source, country in ((english, "Potential", "Other", "Germany"), (chinese, "潜在客户", "其他", "德国")):
        rows = list(load_workbook(path).worksheets[0].iter_rows(values_only=True))
        mueller = dict(zip(rows[0], next(r for r in rows if r[1] == "Müller GmbH"), strict=True))
        assert set(mueller.values()) >= {stage, source, country, "+86 138 1234 5678"}


def test_export_vcard_writes_the_contacts(capsys, book, tmp_path):
    path = tmp_path / "contacts.vcf"
    code, out, err = cli(capsys, "export", "vcard", str(path), "--db", str(book), "--country", "PE", "--json")
    assert code == 0, err
    assert (json.loads(out)["cards"], path.read_text(encoding="utf-8").count("BEGIN:VCARD")) == (1, 1)
    code, out, _ = cli(capsys, "export", str(tmp_path / "all.vcf"), "--db", str(book))
    assert code == 0 and out.startswith("Wrote 3 contacts of 3 customers to ")


@pytest.mark.parametrize(("argv", "code", "message"), [
    (["export", "{tmp}/missing/out.xlsx"], 1, "folder .* does not exist"),
    (["export", "{tmp}/out.csv"], 2, "ending in .xlsx"),
    (["export", "{tmp}/out.xlsx", "--sheets", "customers,invoices"], 2, '"invoices" is not a sheet'),
    (["export", "vcard"], 2, "give the file to write"),
    (["export", "{tmp}/out.xlsx", "--rating", "Z"], 2, '"Z" is not one of'),
])
def test_export_errors_are_one_clear_line(capsys, book, tmp_path, argv, code, message):
    argv = [a.replace("{tmp}", str(tmp_path)) for a in argv]
    result, out, err = cli(capsys, *argv, "--db", str(book))
    assert result == code and out == ""
    assert err.startswith("trade-crm: error:") and len(err.strip().splitlines()) == 1
    assert re.search(message, err)
    assert not list(tmp_path.glob("out.*"))
