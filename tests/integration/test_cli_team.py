"""`trade-crm team …` on a real server, as the people who use it: a manager hands over, salespeople claim."""

from __future__ import annotations

import pytest

from tests.helpers import cli, cli_json
from tests.postgres_server import SHARED
from tests.team_people import add_customers, password


class As:
    """The command line as one person: `run("mia", "team", "pool")` -> (code, out, err); `json(...)` -> data."""

    def __init__(self, server, capsys, monkeypatch):
        self.server, self.capsys, self.monkeypatch = server, capsys, monkeypatch

    def _args(self, person: str, args) -> list[str]:
        self.monkeypatch.setenv("PGPASSWORD", password(person))
        return ["--db", self.server.url(person, SHARED), *args]

    def run(self, person: str, *args: str):
        return cli(self.capsys, *self._args(person, args))

    def json(self, person: str, *args: str):
        return cli_json(self.capsys, *self._args(person, args))


@pytest.fixture
def as_(postgres_server, capsys, monkeypatch) -> As:
    return As(postgres_server, capsys, monkeypatch)


def owners(db) -> list[str | None]:
    """Every customer's owner by id, read on a connection of the test's own (each CLI run binds the
    models to its book and closes it)."""
    return [owner for (owner,) in db.execute_sql("SELECT owner FROM customer ORDER BY id")]


def handovers(db) -> int:
    return db.execute_sql("SELECT count(*) FROM interaction WHERE kind = 'handover'").fetchone()[0]


def test_a_manager_hands_over_all_customers_from_the_command_line(staff, as_):
    ids = add_customers(3, "ann")
    code, out, err = as_.run("mia", "team", "handover", "ann", "bob")
    assert (code, out, err) == (0, "3 customers handed over from ann to bob\n", "")
    assert owners(staff["mia"]) == ["bob"] * 3
    again = as_.json("mia", "team", "handover", "bob", "ann",
                     "--customers", f"{ids[0]},{ids[2]}", "--json")
    assert (again["count"], again["customer_ids"], again["by"]) == (2, [ids[0], ids[2]], "mia")
    assert owners(staff["mia"]) == ["ann", "bob", "ann"]


def test_a_salesperson_handing_over_gets_one_line_and_exit_1(staff, as_):
    add_customers(1, "ann")
    code, out, err = as_.run("ann", "team", "handover", "ann", "bob")
    assert (code, out) == (1, "")
    assert err == "trade-crm: error: only a manager may hand customers over, and ann is not one\n"


def test_the_pool_is_listed_claimed_and_refilled_by_the_rule(staff, as_):
    pooled = add_customers(2, None, prefix="Pooled")
    stale = add_customers(1, "ann", prefix="Stale")
    listed = as_.json("bob", "team", "pool", "--json")
    assert [c["id"] for c in listed["results"]] == pooled
    code, out, err = as_.run("bob", "team", "claim", str(pooled[0]))
    assert (code, err) == (0, "") and out.startswith(f"Pooled pool 0 (#{pooled[0]}) is bob's now (1 of at most")
    code, out, err = as_.run("ann", "team", "claim", str(pooled[0]))
    assert (code, err) == (1, f"trade-crm: error: customer {pooled[0]} is not in the pool: bob claimed it first\n")
    dry = as_.json("ann", "team", "release-stale", "--dry-run", "--json")
    assert (dry["dry_run"], [c["id"] for c in dry["customers"]]) == (True, stale)
    code, out, err = as_.run("ann", "team", "release-stale")
    assert code == 0 and out.startswith("1 customers not followed up for 30 days went back to the pool")
    assert owners(staff["mia"]) == ["bob", None, None]
    assert handovers(staff["mia"]) == 2


def test_pool_settings_are_shown_and_changed(staff, as_):
    shown = as_.json("mia", "team", "pool-settings", "--on", "--days", "45",
                     "--cap", "20", "--json")
    assert shown == {"enabled": True, "days": 45, "claim_cap": 20}
    code, out, err = as_.run("mia", "team", "pool-settings", "--days", "0")
    assert (code, err) == (2, "trade-crm: error: days: give a number of days between 1 and 3650\n")


def test_team_commands_on_a_laptop_book_say_what_they_need(db_path, capsys):
    for command in (["team", "pool"], ["team", "claim", "1"], ["team", "handover", "ann", "bob"],
                    ["team", "release-stale"]):
        code, out, err = cli(capsys, "--db", str(db_path), *command)
        assert (code, out) == (1, "") and "needs a book on a team server" in err and err.count("\n") == 1
