"""`trade-crm team …` on a real server, as the people who use it: a manager hands over, salespeople claim."""

from __future__ import annotations

from tests.helpers import cli, cli_json
from tests.postgres_server import SHARED
from tests.team_people import PASSWORD, add_customers


def url(server, person: str) -> str:
    return server.url(person, SHARED)


def owners(db) -> list[str | None]:
    """Every customer's owner by id, read on a connection of the test's own (each CLI run binds the
    models to its book and closes it)."""
    return [owner for (owner,) in db.execute_sql("SELECT owner FROM customer ORDER BY id")]


def handovers(db) -> int:
    return db.execute_sql("SELECT count(*) FROM interaction WHERE kind = 'handover'").fetchone()[0]


def test_a_manager_hands_over_all_customers_from_the_command_line(team, people, capsys, monkeypatch):
    monkeypatch.setenv("PGPASSWORD", PASSWORD)
    ids = add_customers(3, "ann")
    code, out, err = cli(capsys, "--db", url(people, "mia"), "team", "handover", "ann", "bob")
    assert (code, out, err) == (0, "3 customers handed over from ann to bob\n", "")
    assert owners(team["mia"]) == ["bob"] * 3
    again = cli_json(capsys, "--db", url(people, "mia"), "team", "handover", "bob", "ann",
                     "--customers", f"{ids[0]},{ids[2]}", "--json")
    assert (again["count"], again["customer_ids"], again["by"]) == (2, [ids[0], ids[2]], "mia")
    assert owners(team["mia"]) == ["ann", "bob", "ann"]


def test_a_salesperson_handing_over_gets_one_line_and_exit_1(team, people, capsys, monkeypatch):
    monkeypatch.setenv("PGPASSWORD", PASSWORD)
    add_customers(1, "ann")
    code, out, err = cli(capsys, "--db", url(people, "ann"), "team", "handover", "ann", "bob")
    assert (code, out) == (1, "")
    assert err == "trade-crm: error: only a manager may hand customers over, and ann is not one\n"


def test_the_pool_is_listed_claimed_and_refilled_by_the_rule(team, people, capsys, monkeypatch):
    monkeypatch.setenv("PGPASSWORD", PASSWORD)
    pooled = add_customers(2, None, prefix="Pooled")
    stale = add_customers(1, "ann", prefix="Stale")
    listed = cli_json(capsys, "--db", url(people, "bob"), "team", "pool", "--json")
    assert [c["id"] for c in listed["results"]] == pooled
    code, out, err = cli(capsys, "--db", url(people, "bob"), "team", "claim", str(pooled[0]))
    assert (code, err) == (0, "") and out.startswith(f"Pooled pool 0 (#{pooled[0]}) is bob's now (1 of at most")
    code, out, err = cli(capsys, "--db", url(people, "ann"), "team", "claim", str(pooled[0]))
    assert (code, err) == (1, f"trade-crm: error: customer {pooled[0]} is not in the pool: bob claimed it first\n")
    dry = cli_json(capsys, "--db", url(people, "ann"), "team", "release-stale", "--dry-run", "--json")
    assert (dry["dry_run"], [c["id"] for c in dry["customers"]]) == (True, stale)
    code, out, err = cli(capsys, "--db", url(people, "ann"), "team", "release-stale")
    assert code == 0 and out.startswith("1 customers not followed up for 30 days went back to the pool")
    assert owners(team["mia"]) == ["bob", None, None]
    assert handovers(team["mia"]) == 2


def test_pool_settings_are_shown_and_changed(team, people, capsys, monkeypatch):
    monkeypatch.setenv("PGPASSWORD", PASSWORD)
    shown = cli_json(capsys, "--db", url(people, "mia"), "team", "pool-settings", "--on", "--days", "45",
                     "--cap", "20", "--json")
    assert shown == {"enabled": True, "days": 45, "claim_cap": 20}
    code, out, err = cli(capsys, "--db", url(people, "mia"), "team", "pool-settings", "--days", "0")
    assert (code, err) == (2, "trade-crm: error: days: give a number of days between 1 and 3650\n")


def test_team_commands_on_a_laptop_book_say_what_they_need(db_path, capsys):
    for command in (["team", "pool"], ["team", "claim", "1"], ["team", "handover", "ann", "bob"],
                    ["team", "release-stale"]):
        code, out, err = cli(capsys, "--db", str(db_path), *command)
        assert (code, out) == (1, "") and "needs a book on a team server" in err and err.count("\n") == 1
