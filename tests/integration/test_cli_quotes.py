"""`trade-crm quote …` and `trade-crm pi …`, run in-process on a book file: --json documents, one-line errors."""

from __future__ import annotations

import json
import shutil
import subprocess
from decimal import Decimal

import pytest

from tests.domain.quotes.quote_book import product
from trade_crm.cli.parser import run
from trade_crm.domain.attachments.blobs import attachments_for
from trade_crm.domain.clock import FixedClock
from trade_crm.store.db import close_database, open_database

CLOCK = FixedClock.at("2026-12-05 10:00", "Asia/Shanghai")


def cli(capsys, db_path, *argv: str) -> tuple[int, str, str]:
    code = run([*argv, "--db", str(db_path)], clock=CLOCK)
    out, err = capsys.readouterr()
    return code, out, err


def cli_json(capsys, db_path, *argv: str):
    code, out, err = cli(capsys, db_path, *argv, "--json")
    assert code == 0, err
    return json.loads(out)


@pytest.fixture
def book_file(capsys, db_path):
    """A book with a customer (#1) and two products, LP-600 (tiers 12.50 / 11.90 from 500, MOQ 100) and BT-8."""
    assert cli(capsys, db_path, "customer", "add", "--name", "Al Noor Trading LLC", "--country", "AE")[0] == 0
    database = open_database(db_path)
    try:
        product(CLOCK, "LP-600", "LED panel 600x600", tiers=(("100", "12.50"), ("500", "11.90")), moq=100,
                cost="8.20", pcs=4, cbm="0.052", nw="9.6", gw="11.2")
        product(CLOCK, "BT-8", "Hex bolt M8", tiers=(("0", "0.0350"),))
    finally:
        close_database(database)
    return db_path


def test_quote_new_prices_sku_lines_from_the_tiers_and_prints_one_json_document(capsys, book_file):
    view = cli_json(capsys, book_file, "quote", "new", "--customer", "1", "--currency", "USD", "--incoterm", "FOB",
                    "--place", "Ningbo", "--line", "LP-600:600", "--line", "lp-600:150::5",
                    "--line", "Mould fee: type A:1:350", "--valid-days", "30", "--payment-terms", "T/T 30/70")
    assert view["number"] == "Q261205-1" and view["status"] == "draft" and view["valid_until"] == "2027-01-04"
    assert [(line["sku"], line["description"], line["unit_price"], line["amount"]) for line in view["lines"]] == [
        ("LP-600", "LED panel 600x600", "11.9000", "7140.00"), ("LP-600", "LED panel 600x600", "12.5000", "1781.25"),
        ("", "Mould fee: type A", "350.0000", "350.00")]
    assert view["total"] == "9271.25" and Decimal(view["margin"]) == Decimal("2771.25")
    code, out, _ = cli(capsys, book_file, "quote", "show", "1")
    assert code == 0 and "Q261205-1 · Al Noor Trading LLC (#1) · draft" in out and "Total USD 9,271.25" in out
    listed = cli_json(capsys, book_file, "quote", "list", "--customer", "1")["quotations"]
    assert [(q["label"], q["total"], q["customer_id"]) for q in listed] == [("Q261205-1", "9271.25", 1)]


@pytest.mark.parametrize(("argv", "words"), [
    (("--line", "NOPE-1:10"), "--line: \"NOPE-1\" is no product's SKU"),
    (("--line", "LP-600"), "--line: \"LP-600\": write SKU:QTY"),
    (("--line", "LP-600:ten"), "--line: \"LP-600:ten\": write SKU:QTY"),
    (("--line", "LP-600:10:1.5:120"), "lines[0].discount_percent: 120.0000% is over 100%"),
    (("--line", "LP-600:10", "--strict-moq"), "lines[0].quantity: 10 pcs is below the MOQ of 100"),
    (("--line", "LP-600:100", "--incoterm", "FOX", "--place", "Ningbo"), "incoterm: \"FOX\" is not an Incoterms"),
    (("--line", "LP-600:100", "--currency", "EUR"), "no exchange rate for EUR"),
])
def test_quote_new_refuses_bad_input_in_one_line_naming_the_field(capsys, book_file, argv, words):
    base = ["quote", "new", "--customer", "1"]
    if "--currency" not in argv:
        base += ["--currency", "USD"]
    code, out, err = cli(capsys, book_file, *base, *argv)
    assert code in (1, 2) and out == "" and len(err.strip().splitlines()) == 1, err
    assert words in err, err


def test_revise_duplicate_status_and_the_pi_to_an_order_from_the_command_line(capsys, book_file, tmp_path):
    cli_json(capsys, book_file, "quote", "new", "--customer", "1", "--currency", "USD", "--line", "LP-600:1010")
    assert cli(capsys, book_file, "customer", "add", "--name", "Bauer Baustoffe GmbH")[0] == 0
    code, _, err = cli(capsys, book_file, "quote", "revise", "1")
    assert code == 2 and "is a draft: edit it instead" in err
    pdf = tmp_path / "Q261205-1.pdf"
    pdf.write_bytes(b"%PDF-1.7 quotation\n%%EOF\n")
    sent = cli_json(capsys, book_file, "quote", "status", "1", "sent", "--pdf", str(pdf), "--channel", "whatsapp")
    assert sent["status"] == "sent" and sent["attachment_id"] is not None
    assert any(path.read_bytes() == pdf.read_bytes() for path in attachments_for(book_file).rglob("*") if
               path.is_file())
    v2 = cli_json(capsys, book_file, "quote", "revise", "1")
    assert (v2["label"], v2["revision"], v2["previous_id"]) == ("Q261205-1 v2", 2, 1)
    copy = cli_json(capsys, book_file, "quote", "duplicate", "1", "--customer", "2")
    assert (copy["number"], copy["customer_name"], copy["total"]) == ("Q261205-2", "Bauer Baustoffe GmbH",
                                                                      "12019.00")
    assert cli_json(capsys, book_file, "quote", "status", "2", "sent")["status"] == "sent"
    assert cli_json(capsys, book_file, "quote", "show", "1")["status"] == "superseded"
    code, _, err = cli(capsys, book_file, "pi", "from-quote", "2")
    assert code == 2 and err.strip() == "trade-crm: error: status: Q261205-1 v2 is sent: a PI is issued from an " \
                                        "accepted quotation"
    assert cli_json(capsys, book_file, "quote", "status", "2", "accepted")["status"] == "accepted"
    code, _, err = cli(capsys, book_file, "pi", "from-quote", "2")
    assert code == 2 and "seller.company" in err
    code, _, err = cli(capsys, book_file, "pi", "seller", "--company", "Ningbo Sunrise Lighting", "--beneficiary",
                       "Ningbo Sunrise Lighting", "--bank-name", "Bank of China", "--iban", "DE89370400440532013001")
    assert code == 2 and err.startswith("trade-crm: error: bank.iban:") and "check digits" in err
    seller = cli_json(capsys, book_file, "pi", "seller", "--company", "Ningbo Sunrise Lighting", "--beneficiary",
                      "Ningbo Sunrise Lighting", "--bank-name", "Bank of China", "--account", "3581 2345 6789")
    assert seller["bank"]["account"] == "3581 2345 6789"
    code, _, err = cli(capsys, book_file, "pi", "from-quote", "2")
    assert code == 2 and "seller.bank.swift: the SWIFT/BIC is missing" in err
    cli_json(capsys, book_file, "pi", "seller", "--swift", "BKCHCNBJ92A")
    pi = cli_json(capsys, book_file, "pi", "from-quote", "2", "--port-of-loading", "Ningbo", "--port-of-discharge",
                  "Jebel Ali", "--consignee", "Gulf Freight FZE")
    assert (pi["number"], pi["total"], pi["consignee"]["name"], pi["buyer"]["name"]) == (
        "PI261205-1", "12019.00", "Gulf Freight FZE", "Al Noor Trading LLC")
    assert pi["packing"] == {"cartons": "253", "cbm": "13.156000", "net_kg": "2428.800", "gross_kg": "2833.600"}
    code, out, _ = cli(capsys, book_file, "pi", "show", str(pi["id"]))
    assert "Packing: 253 cartons, 13.156 CBM, N.W. 2428.8 kg, G.W. 2833.6 kg" in out
    ordered = cli_json(capsys, book_file, "pi", "status", str(pi["id"]), "ordered")
    assert ordered["status"] == "ordered" and ordered["order_id"] is not None
    assert cli_json(capsys, book_file, "quote", "show", "2")["status"] == "ordered"
    listed = cli_json(capsys, book_file, "pi", "list")["proformas"]
    assert [(p["number"], p["status"], p["customer_id"]) for p in listed] == [("PI261205-1", "ordered", 1)]


def test_numbering_is_set_and_checked_from_the_command_line(capsys, book_file):
    assert cli_json(capsys, book_file, "quote", "numbering")["pattern"] == "Q{yyMMdd}-{n}"
    code, _, err = cli(capsys, book_file, "quote", "numbering", "Q-{zz}-{n}")
    assert code == 2 and "numbering: {zz} is not a token" in err
    assert cli_json(capsys, book_file, "quote", "numbering", "{customer}-{yyyy}-{n}")["pattern"] == (
        "{customer}-{yyyy}-{n}")
    assert cli_json(capsys, book_file, "quote", "numbering", "--pi")["pattern"] == "PI{yyMMdd}-{n}"
    view = cli_json(capsys, book_file, "quote", "new", "--customer", "1", "--currency", "USD", "--line", "BT-8:1000")
    assert view["number"] == "ANTL-2026-1" and view["total"] == "35.00"


def test_quote_pdf_and_pi_pdf_write_documents_whose_text_layer_reads_back(capsys, book_file, tmp_path):
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed: make documents installs it")
    cli_json(capsys, book_file, "quote", "new", "--customer", "1", "--currency", "USD", "--incoterm", "CIF",
             "--place", "Jebel Ali", "--line", "LP-600:600", "--line", "Mould fee:1:350")
    cli_json(capsys, book_file, "quote", "status", "1", "sent")
    v2 = cli_json(capsys, book_file, "quote", "revise", "1")
    written = cli_json(capsys, book_file, "quote", "pdf", str(v2["id"]), str(tmp_path / "q.pdf"), "--lang", "zh")
    assert written["number"] == "Q261205-1 v2"
    text = subprocess.run(["pdftotext", "-layout", written["path"], "-"], capture_output=True, text=True,
                          check=True).stdout
    assert "Q261205-1 v2" in text and "报价单" in text and "7,490.00" in text and "CIF Jebel Ali" in text
    cli_json(capsys, book_file, "quote", "status", str(v2["id"]), "sent")
    cli_json(capsys, book_file, "quote", "status", str(v2["id"]), "accepted")
    cli_json(capsys, book_file, "pi", "seller", "--company", "Ningbo Sunrise Lighting", "--beneficiary",
             "Ningbo Sunrise Lighting", "--bank-name", "Bank of China", "--swift", "BKCHCNBJ92A", "--iban",
             "GB82 WEST 1234 5698 7654 32")
    pi = cli_json(capsys, book_file, "pi", "from-quote", str(v2["id"]), "--port-of-loading", "Ningbo")
    out = tmp_path / "pi.pdf"
    assert cli_json(capsys, book_file, "pi", "pdf", str(pi["id"]), str(out))["path"] == str(out)
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True, check=True).stdout
    assert all(words in text for words in ("PI261205-1", "BKCHCNBJ92A", "GB82 WEST 1234 5698 7654 32", "7,490.00",
                                           "7,140.00", "350.00"))
    code, _, err = cli(capsys, book_file, "pi", "pdf", str(pi["id"]), str(tmp_path / "pi.txt"))
    assert code == 2 and "OUT.pdf: pi.txt: the file to write ends in .pdf" in err


def test_the_first_pdf_command_on_a_machine_waits_for_the_chinese_font_so_the_next_ones_find_it(
        capsys, book_file, tmp_path, monkeypatch):
    """A one-shot command would otherwise have the reduced face's build stopped at exit, every time."""
    fonts = tmp_path / "font-cache"
    monkeypatch.setenv("TRADE_CRM_FONT_CACHE", str(fonts))
    cli_json(capsys, book_file, "quote", "new", "--customer", "1", "--currency", "USD", "--line", "LP-600:600")
    code, out, err = cli(capsys, book_file, "quote", "pdf", "1", str(tmp_path / "first.pdf"), "--lang", "zh")
    assert code == 0 and "Wrote Q261205-1" in out
    assert "Preparing the Chinese font once for this machine" in err
    assert len(list(fonts.glob("*.ttf"))) == 2  # the regular and bold faces a Chinese quotation prints
    code, _, err = cli(capsys, book_file, "quote", "pdf", "1", str(tmp_path / "second.pdf"), "--lang", "zh")
    assert code == 0 and err == ""


def test_a_sent_quotation_past_its_validity_reads_expired_in_the_table_and_stays_sent_in_json(capsys, book_file):
    cli_json(capsys, book_file, "quote", "new", "--customer", "1", "--currency", "USD", "--line", "LP-600:600",
             "--valid-days", "30")
    cli_json(capsys, book_file, "quote", "status", "1", "sent")
    later = FixedClock.at("2027-01-10 10:00", "Asia/Shanghai")

    def out(*argv):
        code = run([*argv, "--db", str(book_file)], clock=later)
        text, err = capsys.readouterr()
        assert code == 0, err
        return text
    assert "expired" in out("quote", "list").splitlines()[1] and "· expired" in out("quote", "show", "1")
    assert json.loads(out("quote", "list", "--json"))["quotations"][0]["status"] == "sent"  # what is stored
