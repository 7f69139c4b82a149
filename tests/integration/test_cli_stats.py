"""`trade-crm stats` and `trade-crm rates`: the dashboard's figures on the command line, as text and JSON."""

from __future__ import annotations

import json
from datetime import date, timedelta

from trade_crm.cli.parser import run
from trade_crm.domain.clock import FixedClock
from trade_crm.domain.customers.orders import record_order
from trade_crm.domain.customers.records import create_customer
from trade_crm.domain.insights.pipeline import create_opportunity
from trade_crm.store.db import close_database, open_database

CLOCK = ("2026-11-23 09:30", "Asia/Shanghai")
ON = date(2026, 11, 23)


def _book(db_path) -> dict[str, int]:
    db = open_database(db_path)
    clock = FixedClock.at(*CLOCK)
    ids = {"big": create_customer(clock, name="Big Buyer GmbH", country="DE", rating="B"),
           "small": create_customer(clock, name="Small Shop Ltd", country="GB"),
           "gone": create_customer(clock, name="Quiet Trading LLC", country="AE"),
           "lead": create_customer(clock, name="Fresh Lead SA", country="ES")}
    for days in (90, 60, 30):
        record_order(ids["big"], ON - timedelta(days=days), "10000", "EUR", clock)
    record_order(ids["small"], ON - timedelta(days=5), "500", "USD", clock)
    record_order(ids["gone"], ON - timedelta(days=300), "2000", "USD", clock)
    create_opportunity(ids["lead"], "LED panels", clock, stage="quotation", value="12000", currency="USD",
                       probability=30)
    create_opportunity(ids["big"], "Spare parts", clock, stage="negotiation", value="1000", currency="EUR",
                       probability=50)
    close_database(db)
    return ids


def _run(capsys, *argv):
    code = run(list(argv), clock=FixedClock.at(*CLOCK))
    out, err = capsys.readouterr()
    return code, out, err


def test_stats_json_has_tiers_stages_pipeline_and_the_dormant_list(capsys, db_path):
    ids = _book(db_path)
    assert _run(capsys, "rates", "set", "EUR", "1.10", "--as-of", "2026-11-01", "--db", str(db_path))[0] == 0
    code, out, err = _run(capsys, "stats", "--json", "--db", str(db_path))
    assert code == 0, err
    data = json.loads(out)
    assert data["reporting"] == "USD" and data["customers"] == 4 and data["missing_rates"] == []
    tiers = {b["key"]: b["count"] for b in data["tiers"]}
    assert tiers == {"A": 1, "B": 1, "C": 1, "": 1}  # 33,000 / 2,000 / 500 USD; the lead has none
    stages = {b["key"]: b["count"] for b in data["lifecycles"]}
    assert stages == {"potential": 1, "new": 1, "returning": 1, "loyal": 0, "dormant": 1, "lost": 0}
    pipeline = {p["stage"]: (p["count"], p["value"], p["weighted"]) for p in data["pipeline"]}
    assert pipeline["quotation"] == (1, 12000.0, 3600.0)
    assert pipeline["negotiation"] == (1, 1100.0, 550.0)
    assert [d["id"] for d in data["dormant"]] == [ids["gone"]] and data["dormant_count"] == 1
    assert data["top_customers"][0]["id"] == ids["big"] and data["top_customers"][0]["value_12m"] == 33000.0


def test_stats_text_names_the_currencies_without_a_rate(capsys, db_path):
    _book(db_path)
    code, out, err = _run(capsys, "stats", "--db", str(db_path))
    assert code == 0, err
    assert "Value tiers" in out and "Lifecycle stages" in out and "Pipeline" in out
    assert "Quiet Trading LLC" in out
    assert "No exchange rate for EUR" in out


def test_rates_set_list_and_reporting_currency(capsys, db_path):
    _book(db_path)
    code, out, _ = _run(capsys, "rates", "--db", str(db_path))
    assert code == 0 and "No exchange rates yet" in out and "In use without a rate: EUR" in out
    code, out, _ = _run(capsys, "rates", "set", "eur", "1.25", "--as-of", "2026-11-01", "--db", str(db_path))
    assert code == 0 and "EUR       1.25" in out and "2026-11-01" in out
    code, out, _ = _run(capsys, "rates", "reporting", "EUR", "--json", "--db", str(db_path))
    data = json.loads(out)
    assert data["reporting"] == "EUR" and data["rates"] == [{"currency": "USD", "rate": "0.800000",
                                                             "as_of": "2026-11-01"}]


def test_rates_errors_are_one_line(capsys, db_path):
    _book(db_path)
    assert _run(capsys, "rates", "set", "EUR", "1.1", "--db", str(db_path))[0] == 0
    code, _, err = _run(capsys, "rates", "set", "EUR", "--db", str(db_path))
    assert code == 2 and "give the rate" in err
    code, _, err = _run(capsys, "rates", "set", "EUR", "-3", "--db", str(db_path))
    assert code == 2 and "rate:" in err
    code, _, err = _run(capsys, "rates", "reporting", "JPY", "--db", str(db_path))
    assert code == 1 and "no exchange rate for JPY" in err  # EUR's rate could not be rebased
