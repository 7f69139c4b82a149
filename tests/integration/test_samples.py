"""Every shared sample file imports (dry run, then for real) without a crash; some with exact counts.

The samples live in ../shared/samples/import and are never copied into the repository; these tests
skip when they are absent, and fail when they are absent under CI=true.
"""

import json

import pytest

from tests.helpers import SAMPLES as SAMPLE_FILES
from tests.helpers import dump, require_samples, sample_names
from trade_crm.cli.parser import run
from trade_crm.domain.customers.records import get_customer
from trade_crm.exchange.importing.importer import ImportOptions, build_plan, commit_import, undo_import
from trade_crm.exchange.importing.readers import ReadError, read_table
from trade_crm.store.db import close_database, open_database

# (new customers, new contacts, problems, rows not imported) after importing into an empty book
EXPECTED = {
    "csv/mautic_fakeleaddata_intl_phones.csv": (50, 50, 4, 4),
    "csv/linkedin_connections_sample.csv": (7, 7, 0, 0),
    "csv/thunderbird_semicolon.csv": (2, 2, 0, 0),
    "csv/google_shared_contacts_outlook_style.csv": (3, 3, 7, 0),
    "csv/hannover_messe_2018_exhibitors.csv": (6569, 6541, 150, 0),  # 69 of the problems: numbers that cannot exist
    "xlsx/exporeal2024_transform_beyond_exhibitors.xlsx": (52, 52, 0, 0),
    "xlsx/poscrm_customer_import_template_zh.xlsx": (2, 2, 2, 0),  # 12345678900: a placeholder
    "xlsx/xp_contacts_zh_headers.xlsx": (1, 1, 1, 0),
    "vcf/ezvcard_John_Doe_ANDROID.vcf": (3, 6, 11, 0),  # + a fax read as a phone, an ORG stored with �
    "vcf/syncevolution_eds_contact.vcf": (17, 17, 10, 0),  # + fax and pager test numbers read as phones
    "vcf/kcontacts_vcard10_qp_softbreaks.vcf": (4, 3, 0, 0),
}
REFUSED = {"xlsx/rang_addressbook_password_protected.xlsx": "protected by a password"}


@pytest.mark.parametrize("name", SAMPLE_FILES)
def test_every_sample_imports_dry_and_for_real(samples_dir, tmp_path, clock, name):
    path = samples_dir / name
    db = open_database(tmp_path / "book.db")
    try:
        empty = dump(db)
        if name in REFUSED:
            with pytest.raises(ReadError, match=REFUSED[name]):
                build_plan(path)
            assert dump(db) == empty
            return
        plan = build_plan(path, ImportOptions(source="Sample Fair"))
        assert dump(db) == empty
        assert [o.row for o in plan.outcomes] == [r.number for r in read_table(path, plan.options.sheet).rows]
        result = commit_import(plan, clock)
        assert (result.created, result.contacts_created) == (plan.new_customers, plan.new_contacts)
        assert sum(result.row_outcomes.values()) == result.rows == plan.total_rows
        if name in EXPECTED:
            assert (result.created, result.contacts_created, len(plan.problems), len(plan.error_rows)) == EXPECTED[name]
        if result.batch is None:  # no row could be imported: nothing written, no empty batch
            assert (result.created, result.merged, plan.new_customers) == (0, 0, 0)
        else:
            undo_import(result.batch, clock)
        assert dump(db) == empty
    finally:
        close_database(db)


@pytest.mark.parametrize("name", SAMPLE_FILES)
def test_every_row_of_every_sample_is_accounted_for_in_the_dry_run_json(samples_dir, tmp_path, capsys, name):
    """Created, merged, joined, skipped, refused or ignored: the outcomes add up to the rows read."""
    code = run(["import", str(samples_dir / name), "--db", str(tmp_path / "book.db"), "--dry-run", "--json"])
    out, err = capsys.readouterr()
    if name in REFUSED:
        assert code != 0 and REFUSED[name] in err
        return
    report = json.loads(out)
    assert report["rows"] > 0
    # exit 2: nothing in the file can be imported (no contact columns); the report still accounts for each row
    assert code == 0 or (code == 2 and report["created"] + report["merged"] == 0 and "nothing can be imported" in err)
    assert sum(report["row_outcomes"].values()) == report["rows"], report["row_outcomes"]
    assert report["row_outcomes"]["created"] == report["created"]
    assert report["row_outcomes"]["ignored"] == len(report["ignored_rows"])


def test_reimporting_the_trade_fair_list_creates_nobody_new(samples_dir, db, clock):
    path = samples_dir / "csv/hannover_messe_2018_exhibitors.csv"
    first = commit_import(build_plan(path), clock)
    second = commit_import(build_plan(path), clock)
    assert (first.created, second.created, second.merged, second.contacts_created) == (6569, 0, 6569, 0)


def test_chinese_and_japanese_samples_keep_their_text(samples_dir, db, clock):
    plan = build_plan(samples_dir / "xlsx/poscrm_customer_import_template_zh.xlsx")
    assert plan.sheet == "录入客户"  # the sheet with the contacts, not the empty template
    commit_import(plan, clock)
    customer = get_customer(1)
    assert customer.name == "测试云龙区"
    assert customer.address == "江苏省徐州市鼓楼区, 详细地址"
    table = read_table(samples_dir / "csv/thunderbird_shiftjis_addressbook.csv")
    assert table.encoding == "shift_jis" and table.rows[0].cells[2] == "名無しの権兵衛"


def test_a_sample_with_nothing_to_identify_says_so(samples_dir, db):
    plan = build_plan(samples_dir / "xlsx/easyexcel_t01_cn_import_template_instruction_row.xls")
    assert plan.header_row == 2 and plan.headers[0] == "材质*"
    assert any("no column was recognised" in n for n in plan.notices)


# --- where the samples are absent ----------------------------------------------------------------------

def test_absent_samples_fail_the_run_under_ci(tmp_path):
    with pytest.raises(pytest.fail.Exception, match="CI=true"):
        require_samples(tmp_path / "missing", {"CI": "true"})


@pytest.mark.parametrize("environ", [{}, {"CI": ""}, {"CI": "false"}])
def test_absent_samples_skip_on_a_developer_machine(tmp_path, environ):
    with pytest.raises(pytest.skip.Exception, match="not present"):
        require_samples(tmp_path / "missing", environ)


def test_present_samples_are_used_with_or_without_ci(tmp_path):
    (tmp_path / "csv").mkdir()
    (tmp_path / "csv" / "fair.csv").write_text("name\nAcme\n", encoding="utf-8")
    (tmp_path / "csv" / "README.md").write_text("about the files", encoding="utf-8")
    assert require_samples(tmp_path, {"CI": "true"}) == require_samples(tmp_path, {}) == tmp_path
    assert sample_names(tmp_path) == ["csv/fair.csv"]


def test_absent_samples_still_give_the_parametrized_tests_one_case(tmp_path):
    assert sample_names(tmp_path / "missing") == ["(samples absent)"]
