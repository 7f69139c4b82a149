"""The sheet of a workbook is chosen by what its rows hold, and the choice is said (issue 14)."""

import json

from tests.exchange.importing.realistic import five_sheet_workbook
from tests.helpers import make_xlsx
from trade_crm.cli.parser import run as cli
from trade_crm.exchange.importing.importer import ImportOptions, build_plan
from trade_crm.exchange.importing.readers import read_table


def test_the_exhibitor_list_wins_over_an_events_sheet_with_more_rows(tmp_path):
    table = read_table(five_sheet_workbook(tmp_path / "show.xlsx"))
    assert table.sheet == "Exhibitors"
    chosen, *others = table.sheet_scores
    assert (chosen.name, chosen.contact_rows, chosen.rows) == ("Exhibitors", 40, 40)
    assert {s.name: s.contact_rows for s in others} == {"Events": 0, "Layout": 0, "Sponsors": 2}
    notice = table.notices[-1]
    assert 'sheet "Exhibitors" was chosen: 40 of 40 rows' in notice and '"Events" (0 of 108)' in notice


def test_a_sheet_the_user_picks_is_read_without_a_choice(tmp_path, db):
    plan = build_plan(five_sheet_workbook(tmp_path / "show.xlsx"), ImportOptions(sheet="Events"))
    assert plan.sheet == "Events" and not any("was chosen" in n for n in plan.notices)


def test_a_weak_best_sheet_is_called_out(tmp_path):
    path = make_xlsx(tmp_path / "program.xlsx", [["Name", "Date"], ["Opening", "2026-04-15"], ["Gala", "2026-04-16"]],
                     sheet="Program", more={"Rooms": [["Room", "Seats"], ["A", "40"]]})
    table = read_table(path)
    assert table.sheet_scores[0].weak
    assert "does not look like a contact list" in table.notices[-1]


def test_dry_run_says_which_sheet_was_taken_and_why(tmp_path, db_location, capsys):
    path = five_sheet_workbook(tmp_path / "show.xlsx")
    assert cli(["--db", db_location, "import", str(path), "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert 'sheet "Exhibitors" was chosen' in out and '"Events" (0 of 108)' in out
    assert cli(["--db", db_location, "import", str(path), "--dry-run", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["sheet"] == "Exhibitors" and any("was chosen" in n for n in report["notices"])


def test_an_events_sheet_beside_an_empty_one_is_taken_with_a_warning(tmp_path):
    events = [["Name", "Date", "Venue"], *[[f"Session {i}", "2026-04-15", "Hall 1"] for i in range(20)]]
    table = read_table(make_xlsx(tmp_path / "program.xlsx", events, sheet="Events", more={"Blank": []}))
    assert table.sheet == "Events" and [s.name for s in table.sheet_scores] == ["Events"]
    assert "does not look like a contact list" in table.notices[-1]


def test_a_workbook_of_one_sheet_is_not_scored(tmp_path):
    table = read_table(make_xlsx(tmp_path / "one.xlsx", [["Company", "Email"], ["Acme GmbH", "a@acme.de"]]))
    assert table.sheet_scores == () and table.notices == ()
