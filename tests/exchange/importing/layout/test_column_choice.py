"""Columns found by header and by content together (issue 14): headers outside the synonym table,
two names in two scripts, Salesforce address headers, a headerless list."""

import csv
import json
from datetime import date

from tests.exchange.importing.lists import run
from tests.exchange.importing.realistic import COMPANIES, bilingual_list, exhibitor_rows
from tests.helpers import make_xlsx
from trade_crm.cli.parser import run as cli
from trade_crm.domain.customers.query import CustomerFilter, matching_ids
from trade_crm.domain.customers.records import get_customer
from trade_crm.exchange.importing.importer import ImportOptions, build_plan
from trade_crm.exchange.importing.layout.column_choice import auto_map
from trade_crm.exchange.importing.layout.headers import header_match


def targets(headers, rows, **kwargs):
    return [c.target for c in auto_map(headers, rows, **kwargs)]


def test_real_company_headers_outside_the_synonym_table_are_read():
    for header in ("Exhibitors", "Company Name (English)", "Company Name (Chinese)", "公司名称（中文）",
                   "Company (EN)", "Companies"):
        assert header_match(header) == ("company", 0.9), header
    assert header_match("Company") == ("company", 1.0)


def test_salesforce_address_headers_are_mapped():
    headers = ["FirstName", "LastName", "AccountName", "MailingStreet", "MailingCity", "MailingPostalCode",
               "MailingState", "MailingCountry", "Email"]
    row = ["Ada", "Lovelace", "Analytical Engines Ltd", "1 Main St", "London", "N1 9GU", "", "United Kingdom",
           "ada@ae.co.uk"]
    assert targets(headers, [row]) == ["first_name", "last_name", "company", "address", "city", "address",
                                       "address", "country", "email"]


def test_values_decide_a_column_whose_header_says_nothing():
    rows = [["Acme Trading GmbH", "max@acme.de", "+49 30 1234567", "Germany", "Stand A"],
            ["Beta Ltd", "bea@beta.co.uk", "+44 20 7946 0000", "United Kingdom", "Stand B"],
            ["Gamma Co., Ltd.", "gus@gamma.cn", "+86 755 8888 0000", "China", "Stand C"]]
    columns = auto_map(["Aussteller", "Kontakt E", "Ruf", "Herkunft", "Misc"], rows)
    assert [c.target for c in columns] == ["company", "email", "phone", "country", "notes"]
    assert all(c.origin == "content" for c in columns[:4])
    assert (columns[0].evidence.kind, columns[0].evidence.percent) == ("company", 100)


def test_strict_shapes_outweigh_a_header_that_says_otherwise():
    rows = [["a@x.com", "+49 30 1234567"], ["b@y.com", "+49 30 7654321"]]
    assert targets(["Name", "Contact"], rows) == ["email", "phone"]
    assert targets(["WhatsApp"], [["+49 171 2345678"]]) == ["whatsapp"]  # a phone shape fits WhatsApp


def test_a_fax_column_stays_in_the_notes_though_it_looks_like_phones():
    assert targets(["Company", "Fax"], [["Acme GmbH", "+49 30 1234567"]]) == ["company", "notes"]


def test_two_company_columns_in_two_scripts_become_the_name_and_the_other_name():
    header = ["Company Name (English)", "公司名称（中文）", "Contact"]
    rows = [r[:3] for r in exhibitor_rows(6)]
    assert targets(header, rows) == ["company", "alt_name", "contact_name"]
    assert targets(list(reversed(header[:2])), [list(reversed(r[:2])) for r in rows]) == ["company", "alt_name"]


def test_a_number_under_the_chinese_names_does_not_hide_their_script():
    """A total's figure ("合计 | 6") lands in the Chinese column: still the other name, not a second company."""
    header = ["Exhibitors", "公司名称（中文）"]
    rows = [["Hamburg Lighting GmbH", "汉堡照明有限公司"], ["Stadtwerke Musterstadt", ""], ["Nordic Solar AB", "北欧太阳能"],
            ["合计", "6"]]
    assert targets(header, rows) == ["company", "alt_name"]


def test_a_second_company_column_claimed_only_by_its_values_goes_to_the_notes():
    rows = [["Acme GmbH", "Parent Holding AG"], ["Beta Ltd", "Mother Group Inc."]]
    assert targets(["Company", "Konzern"], rows) == ["company", "notes"]


def test_a_headerless_list_maps_names_by_shape_and_never_names_customers_after_emails(tmp_path, db):
    path = tmp_path / "headerless.csv"
    with path.open("w", encoding="utf-8", newline="") as out:
        csv.writer(out).writerows([english, person, email, phone, country]
                                  for english, _, person, email, phone, country, _ in exhibitor_rows(6))
    plan = build_plan(path)
    assert plan.header_row is None
    assert [c.target for c in plan.columns] == ["company", "contact_name", "email", "phone", "country"]
    assert {c.name for c in plan.customers} == {english for english, _ in COMPANIES}
    assert all("@" not in c.name for c in plan.customers)


def test_a_headerless_first_row_of_plain_text_is_data_not_a_header(tmp_path, db):
    rows = [["Acme Trading GmbH", "Maria Weber", "Germany"], ["Banco Norte S.A.", "Juan Perez", "Spain"],
            ["Nordic Tools AB", "Lars Nilsson", "Sweden"]]
    path = tmp_path / "plain.csv"
    path.write_text("\n".join(",".join(r) for r in rows) + "\n", encoding="utf-8")
    plan = build_plan(path)
    assert plan.header_row is None and plan.total_rows == 3
    assert [c.target for c in plan.columns] == ["company", "contact_name", "country"]


def test_a_bilingual_list_imports_every_row_and_search_finds_the_chinese_name(tmp_path, db, clock):
    plan, result = run(bilingual_list(tmp_path / "bilingual.xlsx", count=6), clock)
    assert result.created == 6 and not [p for p in plan.problems if p.severity == "error"]
    hits = matching_ids(CustomerFilter(text="北方银行"), today=date(2026, 11, 23))
    assert len(hits) == 1
    customer = get_customer(hits[0])
    assert (customer.name, customer.alt_name) == ("Banco Norte S.A.", "北方银行股份有限公司")


def test_evidence_survives_a_users_override(tmp_path, db):
    path = make_xlsx(tmp_path / "fair.xlsx", [["Exhibitors", "Email"], ["Acme GmbH", "a@acme.de"]])
    plan = build_plan(path, ImportOptions(mapping={"Exhibitors": "notes"}))
    assert plan.columns[0].target == "notes" and plan.columns[0].evidence.kind == "company"


def test_trade_crm_search_finds_an_imported_customer_by_its_chinese_name(tmp_path, db_location, capsys):
    path = bilingual_list(tmp_path / "bilingual.xlsx", count=6)
    assert cli(["--db", db_location, "import", str(path), "--json"]) == 0
    capsys.readouterr()
    assert cli(["--db", db_location, "search", "德尔塔机械", "--json"]) == 0
    hits = json.loads(capsys.readouterr().out)["results"]
    assert [h["name"] for h in hits] == ["Delta Machinery Co., Ltd."]


def test_ids_and_article_numbers_are_not_taken_for_phones():
    rows = [["1234567890", "2234567890", "3234567890"], ["1234567891", "2234567891", "3234567891"]]
    assert targets(["Member ID", "原料编号", "Article code"], rows) == ["notes", "notes", "notes"]
    assert targets(["", "", ""], rows, blank=[True, True, True]) == ["phone", "phone", "phone"]
