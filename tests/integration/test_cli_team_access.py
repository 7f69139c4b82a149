"""`trade-crm team …` end to end on a real server: an administrator sets up a book and its people, the people
work in it within the rules."""

from __future__ import annotations

import io

import pytest

from tests.helpers import cli, cli_json

ADMIN, ADMIN_PASSWORD = "crm_admin", "admin-secret"


@pytest.fixture
def admin(postgres_server, monkeypatch):
    """A server administrator who is not a superuser: CREATEROLE and CREATEDB, as a hosting provider gives."""
    postgres_server.execute(f"DO $$BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{ADMIN}') THEN "
                            f"CREATE ROLE {ADMIN} LOGIN CREATEROLE CREATEDB PASSWORD '{ADMIN_PASSWORD}'; END IF; END$$")
    monkeypatch.setenv("PGPASSWORD", ADMIN_PASSWORD)
    yield postgres_server
    postgres_server.drop_database("cli_team_book")


def test_an_administrator_sets_up_a_book_and_its_people_who_then_share(admin, capsys, monkeypatch):
    server = admin.url(ADMIN, "postgres")
    made = cli_json(capsys, "team", "setup", "--server", server, "--book", "cli_team_book", "--owner", "cli_owner")
    assert (made["book"], made["owner"], made["database_created"]) == ("cli_team_book", "cli_owner", True)
    again = cli_json(capsys, "team", "setup", "--server", server, "--book", "cli_team_book", "--owner", "cli_owner")
    assert (again["database_created"], again["schema_version"]) == (False, made["schema_version"])
    book = admin.url(ADMIN, "cli_team_book")
    for name, extra in (("carla", ()), ("dan", ()), ("maud", ("--manager",))):
        monkeypatch.setattr("sys.stdin", io.StringIO(f"{name}-password\n"))
        code, out, err = cli(capsys, "--db", book, "team", "add-person", name, "--password-stdin", *extra)
        assert code == 0, err
    listed = cli_json(capsys, "--db", book, "team", "people")["people"]
    mine = [(p["name"], p["manager"]) for p in listed if p["name"] in ("carla", "dan", "maud")]  # roles are the
    assert mine == [("carla", False), ("dan", False), ("maud", True)]  # cluster's: other tests' people are there too
    with admin.admin("cli_team_book") as conn:  # the tables are the owner's, not the administrator's
        assert {owner for (owner,) in conn.execute("SELECT tableowner FROM pg_tables WHERE schemaname = 'public'")} \
            == {"cli_owner"}

    def as_(name, *argv):
        monkeypatch.setenv("PGPASSWORD", f"{name}-password")
        return cli(capsys, "--db", admin.url(name, "cli_team_book"), *argv)

    code, out, _ = as_("carla", "customer", "add", "--name", "Carla's Client", "--json")
    customer = str(__import__("json").loads(out)["id"])
    code, out, err = as_("dan", "customer", "show", customer)
    assert code == 1 and f"no customer with id {customer}" in err
    code, out, err = as_("dan", "team", "share", customer, "dan")
    assert code == 1 and f"customer {customer} belongs to carla" in err and "Traceback" not in err
    assert as_("carla", "team", "share", customer, "dan")[0] == 0
    code, out, err = as_("dan", "log", customer, "--kind", "call", "--summary", "called for carla")
    assert code == 0, err
    code, out, err = as_("carla", "team", "share", customer, "nobody_here")
    assert code == 2 and "nobody_here is not a salesperson on this server" in err
    monkeypatch.setattr("sys.stdin", io.StringIO("eve-password\n"))
    code, out, err = as_("dan", "team", "add-person", "eve", "--password-stdin")
    assert code == 2 and "may not create roles" in err

    # the search's sort bands, drawn on the empty book by step 12, are drawn again by the administrator only
    code, out, err = as_("carla", "team", "rebalance-search")
    assert code == 1 and "only the team server's administrator" in err and "Traceback" not in err
    monkeypatch.setenv("PGPASSWORD", ADMIN_PASSWORD)
    done = cli_json(capsys, "--db", book, "team", "rebalance-search")
    assert done["documents"] == 1 and done["name_bands"] >= 1
    code, out, _ = as_("dan", "search", "Carla")
    assert code == 0 and "Carla's Client" in out


def test_setup_refuses_a_bad_book_name_in_one_line(capsys):
    code, out, err = cli(capsys, "team", "setup", "--server", "postgresql://admin@localhost/postgres",
                         "--book", "Robert'); DROP")
    assert code == 2 and err.count("\n") == 1 and "is not a login name" in err
