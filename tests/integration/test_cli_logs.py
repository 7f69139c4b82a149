"""The command line's logs: INFO to the file in the log folder and nothing extra on the terminal; `-v` /
`--verbose` adds debug logs on stderr. INFO lines carry ids and counts, never a name, email or phone."""

from __future__ import annotations

import io
import logging

import pytest

from trade_crm.cli import commands
from trade_crm.cli.parser import run
from trade_crm.logs import LOG_FILE_NAME

PERSONAL = ("Beta Maschinenbau", "Bob Becker", "bob@beta-maschinen.de", "030 1234567", "1234567",
            "Gamma Textiles", "gus@gamma.fr", "Acme Trading", "buyer@acme.de", "0171 2345678", "2345678")


@pytest.fixture
def log_dir(tmp_path, monkeypatch):
    folder = tmp_path / "logs"
    monkeypatch.setenv("TRADE_CRM_LOG_DIR", str(folder))
    return folder


@pytest.fixture(autouse=True)
def import_command(monkeypatch):
    if "imports" not in commands.MODULES:  # until the command module is listed there
        monkeypatch.setattr(commands, "MODULES", (*commands.MODULES, "imports"))


def cli(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = run(list(argv), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def test_without_verbose_the_cli_logs_to_the_file_only(log_dir, db_path):
    code, out, err = cli("customer", "add", "--db", str(db_path), "--name", "Acme Trading GmbH", "--country", "DE")
    assert code == 0 and out.strip().isdigit() and err == ""
    text = (log_dir / LOG_FILE_NAME).read_text(encoding="utf-8")
    assert "INFO" in text and "customer add: exit code 0" in text and "DEBUG" not in text


@pytest.mark.parametrize("flag", ["-v", "--verbose"])
def test_verbose_prints_debug_logs_on_stderr(log_dir, db_path, flag):
    code, out, err = cli(flag, "search", "--db", str(db_path), "--json")
    assert code == 0 and out.startswith("{")  # stdout keeps exactly the one JSON document
    assert "trade_crm.cli.parser: trade-crm" in err and "search: exit code 0" in err


def test_info_logs_of_an_import_and_a_customer_add_hold_no_personal_data(log_dir, db_path, tmp_path, caplog):
    fair = tmp_path / "fair.csv"
    fair.write_text("Company,Contact,E-mail,Tel,Country\n"
                    "Beta Maschinenbau GmbH,Bob Becker,bob@beta-maschinen.de,030 1234567,Germany\n"
                    "Gamma Textiles SA,Gus,gus@gamma.fr,,France\n", encoding="utf-8")
    caplog.set_level(logging.INFO)
    assert cli("import", str(fair), "--db", str(db_path), "--source", "Canton Fair")[0] == 0
    assert cli("customer", "add", "--db", str(db_path), "--name", "Acme Trading GmbH", "--country", "德国",
               "--email", "buyer@acme.de", "--phone", "0171 2345678")[0] == 0
    assert cli("export", str(tmp_path / "book.xlsx"), "--db", str(db_path))[0] == 0
    lines = [record.getMessage() for record in caplog.records]
    assert any("import batch 1: 2 created" in line for line in lines)  # the events are there, as counts
    assert any("workbook export: 3 customers" in line for line in lines)
    file_text = (log_dir / LOG_FILE_NAME).read_text(encoding="utf-8")
    for text in PERSONAL:
        assert not [line for line in lines if text in line], text
        assert text not in file_text
