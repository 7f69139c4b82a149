"""The command line, run in-process through `trade_crm.cli.parser.run` (each test has its own database file)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import types
from pathlib import Path

from tests.helpers import cli, cli_json
from trade_crm.cli.parser import run

REPO = Path(__file__).resolve().parents[2]




def add(capsys, db_path: Path, *argv: str) -> int:
    code, out, err = cli(capsys, "customer", "add", "--db", str(db_path), *argv)
    assert code == 0, err
    return int(out.strip())


def count(capsys, db_path: Path) -> int:
    return cli_json(capsys, "search", "--db", str(db_path))["count"]


def test_version_prints_program_and_version(capsys):
    code, out, _ = cli(capsys, "--version")
    assert code == 0
    assert out.strip() == "trade-crm 0.1.0"


def test_customer_add_then_show_json_round_trips_unicode(capsys, db_path):
    customer_id = add(capsys, db_path, "--name", "Müller Maschinenbau GmbH", "--country", "Germany",
                      "--city", "München", "--contact", "Jürgen Müller", "--title", "Einkauf",
                      "--email", "j.mueller@mueller-mb.de", "--phone", "+49 89 1234567",
                      "--tag", "messe-2026", "--tag", "vip", "--rating", "a", "--source", "trade show")
    shown = cli_json(capsys, "customer", "show", str(customer_id), "--db", str(db_path))
    customer = shown["customer"]
    assert customer["id"] == customer_id
    assert customer["name"] == "Müller Maschinenbau GmbH"
    assert (customer["country"], customer["city"], customer["rating"]) == ("DE", "München", "A")
    assert customer["source"] == "trade_show"
    assert customer["tags"] == ["messe-2026", "vip"]
    (contact,) = customer["contacts"]
    assert (contact["name"], contact["title"], contact["is_primary"]) == ("Jürgen Müller", "Einkauf", True)
    assert {"kind": "email", "value": "j.mueller@mueller-mb.de", "raw": ""} in contact["channels"]
    assert any(ch["kind"] == "phone" and ch["value"] == "+49891234567" for ch in contact["channels"])
    assert shown["timeline"] == []


def test_customer_add_json_prints_the_detail_with_chinese_text_unescaped(capsys, db_path):
    code, out, err = cli(capsys, "customer", "add", "--db", str(db_path), "--name", "上海张伟贸易有限公司",
                         "--country", "中国", "--contact", "张伟", "--wechat", "zhangwei88", "--json")
    assert code == 0, err
    assert "张伟" in out  # ensure_ascii=False
    detail = json.loads(out)
    assert detail["country"] == "CN"
    assert detail["contacts"][0]["channels"] == [{"kind": "wechat", "value": "zhangwei88", "raw": ""}]
    shown = cli_json(capsys, "customer", "show", str(detail["id"]), "--db", str(db_path))
    assert shown["customer"] == detail


def test_customer_show_prints_readable_text(capsys, db_path):
    customer_id = add(capsys, db_path, "--name", "Müller GmbH", "--country", "DE", "--contact", "Hans",
                      "--email", "hans@mueller.de")
    cli(capsys, "log", str(customer_id), "--db", str(db_path), "--kind", "call", "--summary", "Asked for prices")
    code, out, _ = cli(capsys, "customer", "show", str(customer_id), "--db", str(db_path))
    assert code == 0
    assert out.startswith(f"Müller GmbH  (#{customer_id})")
    assert "Germany (DE)" in out and "hans@mueller.de" in out and "Asked for prices" in out


def test_search_json_finds_muller_without_the_umlaut(capsys, db_path):
    wanted = add(capsys, db_path, "--name", "Müller GmbH", "--country", "DE")
    add(capsys, db_path, "--name", "Acme Trading", "--country", "US")
    found = cli_json(capsys, "search", "muller", "--db", str(db_path))
    assert found["query"] == "muller"
    assert found["count"] == 1
    assert [r["id"] for r in found["results"]] == [wanted]
    assert found["results"][0]["name"] == "Müller GmbH"


def test_search_finds_a_three_character_chinese_fragment(capsys, db_path):
    wanted = add(capsys, db_path, "--name", "上海张伟贸易有限公司", "--country", "CN")
    add(capsys, db_path, "--name", "深圳华强电子", "--country", "CN")
    found = cli_json(capsys, "search", "张伟贸", "--db", str(db_path))
    assert [r["id"] for r in found["results"]] == [wanted]


def test_search_country_accepts_english_and_chinese_names(capsys, db_path):
    german = add(capsys, db_path, "--name", "Müller GmbH", "--country", "DE")
    add(capsys, db_path, "--name", "Acme Trading", "--country", "US")
    for name in ("Germany", "德国", "de"):
        found = cli_json(capsys, "search", "--country", name, "--db", str(db_path))
        assert [r["id"] for r in found["results"]] == [german]


def test_search_prints_a_table_with_the_contact(capsys, db_path):
    add(capsys, db_path, "--name", "Müller GmbH", "--country", "DE", "--contact", "Hans Müller",
        "--email", "hans@mueller.de")
    code, out, _ = cli(capsys, "search", "muller", "--db", str(db_path))
    assert code == 0
    header, row = out.splitlines()
    assert header.split() == ["ID", "NAME", "CC", "CONTACT", "EMAIL/PHONE", "LAST", "CONTACT"]
    assert "Müller GmbH" in row and "DE" in row and "hans@mueller.de" in row


def test_bad_email_is_one_line_on_stderr_exit_2_and_nothing_written(capsys, db_path):
    code, out, err = cli(capsys, "customer", "add", "--db", str(db_path), "--name", "Acme", "--email", "bad@")
    assert code == 2
    assert out == ""
    assert err == 'trade-crm: error: email: "bad@" is not an email address\n'
    assert count(capsys, db_path) == 0


def test_unknown_country_is_one_line_on_stderr_exit_2_and_nothing_written(capsys, db_path):
    code, out, err = cli(capsys, "customer", "add", "--db", str(db_path), "--name", "Acme",
                         "--country", "Atlantis")
    assert code == 2
    assert out == ""
    assert err == 'trade-crm: error: country: unknown country "Atlantis"\n'
    assert "Traceback" not in err
    assert count(capsys, db_path) == 0


def test_log_moves_last_contact_and_follow_up(capsys, db_path):
    customer_id = add(capsys, db_path, "--name", "Acme", "--contact", "Ann", "--email", "ann@acme.com")
    before = cli_json(capsys, "customer", "show", str(customer_id), "--db", str(db_path))["customer"]
    assert before["last_contact_at"] is None
    logged = cli_json(capsys, "log", str(customer_id), "--db", str(db_path), "--kind", "call",
                      "--summary", "Discussed the quotation", "--follow-up", "2026-12-01",
                      "--at", "2026-11-20T10:00:00+00:00")
    assert logged["interaction"]["summary"] == "Discussed the quotation"
    shown = cli_json(capsys, "customer", "show", str(customer_id), "--db", str(db_path))
    assert shown["customer"]["last_contact_at"] == "2026-11-20T10:00:00Z"
    assert shown["customer"]["follow_up_on"] == "2026-12-01"
    assert [e["summary"] for e in shown["timeline"]] == ["Discussed the quotation"]


def test_log_with_an_impossible_follow_up_date_names_the_option(capsys, db_path):
    customer_id = add(capsys, db_path, "--name", "Acme")
    code, _, err = cli(capsys, "log", str(customer_id), "--db", str(db_path), "--kind", "call",
                       "--summary", "x", "--follow-up", "2026-13-01")
    assert code == 2
    assert err == 'trade-crm: error: --follow-up: "2026-13-01" is not a date (YYYY-MM-DD)\n'
    assert cli_json(capsys, "customer", "show", str(customer_id), "--db", str(db_path))["timeline"] == []


def test_log_offers_and_takes_only_the_kinds_a_person_logs(capsys, db_path):
    customer_id = add(capsys, db_path, "--name", "Acme")
    code, out, _ = cli(capsys, "log", "--help")
    assert code == 0 and "whatsapp" in out and "quotation" in out
    assert not any(kind in out for kind in ("import", "stage_change", "merge"))
    for kind in ("import", "stage_change", "Merge"):
        code, _, err = cli(capsys, "log", str(customer_id), "--db", str(db_path), "--kind", kind, "--summary", "x")
        assert code == 2
        assert err.startswith(f'trade-crm: error: --kind: "{kind}" is not one of email, call, whatsapp')
    assert cli_json(capsys, "customer", "show", str(customer_id), "--db", str(db_path))["timeline"] == []
    logged = cli_json(capsys, "log", str(customer_id), "--db", str(db_path), "--kind", " Note ", "--summary", "x")
    assert logged["interaction"]["kind"] == "note"


def test_show_of_a_missing_customer_exits_1_with_a_message(capsys, db_path):
    code, out, err = cli(capsys, "customer", "show", "42", "--db", str(db_path))
    assert code == 1
    assert out == ""
    assert err == "trade-crm: error: no customer with id 42\n"


def test_a_file_that_is_not_a_database_exits_1_without_traceback(capsys, tmp_path):
    bad = tmp_path / "notes.txt"
    bad.write_text("just some text, not SQLite" * 100)
    code, _, err = cli(capsys, "search", "x", "--db", str(bad))
    assert code == 1
    assert err.startswith("trade-crm: error: ") and err.count("\n") == 1


def test_json_output_is_exactly_one_document(capsys, db_path):
    add(capsys, db_path, "--name", "Acme")
    code, out, _ = cli(capsys, "customer", "list", "--db", str(db_path), "--json")
    assert code == 0
    decoder = json.JSONDecoder()
    document, end = decoder.raw_decode(out)
    assert out[end:].strip() == ""
    assert document["count"] == 1 and document["results"][0]["name"] == "Acme"


def test_db_is_accepted_before_the_command(capsys, db_path):
    assert run(["--db", str(db_path), "customer", "add", "--name", "Acme"]) == 0
    capsys.readouterr()
    assert count(capsys, db_path) == 1


def test_trade_crm_db_environment_variable_is_used_without_db(capsys, monkeypatch, tmp_path):
    env_db = tmp_path / "from-env.db"
    monkeypatch.setenv("TRADE_CRM_DB", str(env_db))
    code, out, err = cli(capsys, "customer", "add", "--name", "Acme")
    assert code == 0, err
    assert env_db.exists()
    found = cli_json(capsys, "search", "acme")
    assert found["count"] == 1
    assert cli_json(capsys, "search", "acme", "--db", str(tmp_path / "other.db"))["count"] == 0


def test_no_command_and_gui_start_the_window_with_the_given_db(capsys, monkeypatch, tmp_path):
    calls = []
    fake_app = types.ModuleType("trade_crm.app")
    fake_app.run_gui = lambda db_path: calls.append(db_path) or 0
    monkeypatch.setitem(sys.modules, "trade_crm.app", fake_app)
    assert run([]) == 0
    assert run(["gui"]) == 0
    assert run(["--db", str(tmp_path / "a.db")]) == 0
    assert run(["gui", "--db", str(tmp_path / "b.db")]) == 0
    assert calls == [None, None, tmp_path / "a.db", tmp_path / "b.db"]


def test_unknown_command_is_a_usage_error(capsys, db_path):
    code, out, err = cli(capsys, "frobnicate", "--db", str(db_path))
    assert code == 2
    assert out == ""
    assert "invalid choice" in err


def fake_demo_module(loaded: list) -> types.ModuleType:
    """Stands in for trade_crm.demo.book to test the command's own rules (refuse, --append, output)."""
    from dataclasses import dataclass

    from trade_crm.domain.customers.records import create_customer

    @dataclass(frozen=True)
    class DemoSummary:
        customers: int
        contacts: int
        interactions: int
        orders: int
        opportunities: int
        countries: int

    def load_demo(clock, customers=40, seed=0):
        loaded.append((customers, seed))
        for i in range(customers):
            create_customer(clock, name=f"Demo {i}", country="DE")
        return DemoSummary(customers, 0, 0, 0, 0, 1)

    module = types.ModuleType("trade_crm.demo.book")
    module.load_demo = load_demo
    return module


def test_demo_refuses_a_database_with_customers_unless_appending(capsys, monkeypatch, db_path):
    loaded: list = []
    monkeypatch.setitem(sys.modules, "trade_crm.demo.book", fake_demo_module(loaded))
    code, out, err = cli(capsys, "demo", "--db", str(db_path), "--customers", "3", "--seed", "9")
    assert (code, err) == (0, "")
    assert out.startswith("Demo data in ") and "3 customers from 1 countries" in out
    assert loaded == [(3, 9)]
    code, out, err = cli(capsys, "demo", "--db", str(db_path), "--customers", "5")
    assert code == 2 and out == ""
    assert "already holds 3 customers" in err and "--append" in err and err.count("\n") == 1
    assert count(capsys, db_path) == 3
    summary = cli_json(capsys, "demo", "--db", str(db_path), "--customers", "5", "--append")
    assert summary == {"customers": 5, "contacts": 0, "interactions": 0, "orders": 0, "opportunities": 0,
                       "countries": 1, "quotations": 0}  # no returning buyer among the fake's customers
    assert count(capsys, db_path) == 8


def test_demo_loads_customers_that_search_finds(capsys, db_path):
    summary = cli_json(capsys, "demo", "--db", str(db_path), "--customers", "60", "--seed", "7")
    assert summary["customers"] == 60
    assert count(capsys, db_path) == 60
    found = cli_json(capsys, "search", "muller", "--db", str(db_path), "--limit", "100")
    assert any(r["country"] == "DE" for r in found["results"])


def test_console_entry_runs_as_a_module(tmp_path):
    db = tmp_path / "book.db"
    env = {**os.environ, "PYTHONPATH": str(REPO), "PYTHONIOENCODING": "utf-8"}
    env.pop("TRADE_CRM_DB", None)

    def module(*argv: str) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-m", "trade_crm", *argv], capture_output=True, text=True,
                              encoding="utf-8", env=env, cwd=tmp_path, timeout=60, check=False)

    version = module("--version")
    assert (version.returncode, version.stdout.strip()) == (0, "trade-crm 0.1.0")
    added = module("--db", str(db), "customer", "add", "--name", "Müller GmbH", "--country", "DE")
    assert added.returncode == 0, added.stderr
    found = module("search", "muller", "--db", str(db), "--json")
    assert found.returncode == 0, found.stderr
    assert [r["name"] for r in json.loads(found.stdout)["results"]] == ["Müller GmbH"]
    missing = module("customer", "show", "99", "--db", str(db))
    assert missing.returncode == 1
    assert missing.stderr == "trade-crm: error: no customer with id 99\n"


def test_log_at_without_a_zone_is_the_users_local_time(capsys, db_path, clock):
    customer_id = add(capsys, db_path, "--name", "Acme")
    code = run(["log", str(customer_id), "--db", str(db_path), "--kind", "visit", "--summary", "Factory visit",
                "--at", "2026-11-20 18:00"], clock=clock)  # the clock's zone is Asia/Shanghai
    assert code == 0
    capsys.readouterr()
    shown = cli_json(capsys, "customer", "show", str(customer_id), "--db", str(db_path))
    assert shown["customer"]["last_contact_at"] == "2026-11-20T10:00:00Z"


def test_customer_list_pages_by_name(capsys, db_path):
    for name in ("Charlie Ltd", "alpha GmbH", "Bravo SA"):
        add(capsys, db_path, "--name", name)
    page = cli_json(capsys, "customer", "list", "--db", str(db_path), "--limit", "2", "--offset", "1")
    assert page["count"] == 3
    assert [r["name"] for r in page["results"]] == ["Bravo SA", "Charlie Ltd"]
    code, out, _ = cli(capsys, "customer", "list", "--db", str(db_path), "--limit", "2")
    assert code == 0 and "1-2 of 3 shown" in out


def test_bad_limit_and_rating_name_the_option(capsys, db_path):
    code, _, err = cli(capsys, "search", "--db", str(db_path), "--limit", "zero")
    assert (code, err) == (2, 'trade-crm: error: --limit: "zero" is not a whole number of at least 1\n')
    code, _, err = cli(capsys, "search", "--db", str(db_path), "--rating", "Z")
    assert (code, err) == (2, 'trade-crm: error: --rating: "Z" is not one of A, B, C, D\n')


def test_customer_add_takes_an_other_name_that_show_prints_and_search_finds(capsys, db_path):
    customer_id = add(capsys, db_path, "--name", "Acme Trading GmbH", "--alt-name", "阿克米贸易有限公司")
    code, out, _ = cli(capsys, "customer", "show", str(customer_id), "--db", str(db_path))
    assert code == 0 and "Other name:   阿克米贸易有限公司" in out
    found = cli_json(capsys, "search", "阿克米贸易", "--db", str(db_path))
    assert [r["id"] for r in found["results"]] == [customer_id]
