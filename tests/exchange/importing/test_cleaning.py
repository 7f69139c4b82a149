import unicodedata
from datetime import date

import pytest

from trade_crm.domain.text import split_emails
from trade_crm.exchange.files.dates import parse_date
from trade_crm.exchange.importing.cleaning import RowCleaner, shared_email_problems
from trade_crm.exchange.importing.layout.column_choice import auto_map
from trade_crm.exchange.importing.layout.headers import ColumnMapping

HEADERS = ["Company", "Contact", "Email", "Phone", "Country", "City", "WhatsApp", "Birthday", "Fax", "Tags"]


def clean(**cells):
    row = [cells.get(h.lower(), "") for h in HEADERS]
    columns = auto_map(HEADERS, [row])
    return RowCleaner("Visitors", columns).clean(7, row)


def test_text_is_trimmed_full_width_folded_and_nfc():
    row = clean(company="  ＡＣＭＥ　Trading   Co.,Ltd ", contact="Jose\u0301 Garci\u0301a", city="Ｓｈｅｎｚｈｅｎ")
    assert row.name == "ACME Trading Co.,Ltd"
    assert row.contact.name == "José García" and unicodedata.is_normalized("NFC", row.contact.name)
    assert row.fields["city"] == "Shenzhen"


@pytest.mark.parametrize("name", ["अनिल कुमार", "สมชาย ใจดี", "مُحَمَّد عَلِيّ", "Nguyễn Văn Thành", "김민준"])
def test_cleaning_never_damages_a_script(name):
    row = clean(company="X", contact=name)
    assert row.contact.name == unicodedata.normalize("NFC", name)


def test_emails_are_lower_cased_split_and_validated():
    row = clean(company="Acme", email="Info@ACME.com; sales@acme.com，bad-address, John <john@acme.com>")
    assert row.contact.emails == ("info@acme.com", "sales@acme.com", "john@acme.com")
    (problem,) = row.problems
    assert (problem.sheet, problem.row, problem.column) == ("Visitors", 7, "Email")
    assert problem.message == '"bad-address" is not an email address; kept in the notes'
    assert "Email: bad-address" in row.contact.notes


def test_phones_are_read_with_the_rows_country_and_kept_when_unreadable():
    row = clean(company="Acme", country="德国", phone="030 1234567 / 0170 1234567; ask reception")
    assert row.fields["country"] == "DE"
    assert row.contact.phones == (("+49301234567", "030 1234567"), ("+491701234567", "0170 1234567"))
    assert [p.message for p in row.problems] == ['"ask reception" is not a phone number; kept in the notes']


def test_excel_numbers_that_are_phones_are_recovered_or_explained():
    assert clean(company="A", phone="8613812345678").contact.phones == (("+8613812345678", "8613812345678"),)
    row = clean(company="A", country="CN", phone="1.38E+10")
    assert row.contact.phones == (("1.38E+10", "1.38E+10"),)
    assert "Excel turned this phone number" in row.problems[0].message


def test_countries_in_english_chinese_or_iso_become_codes():
    assert clean(company="A", country="Germany").fields["country"] == "DE"
    assert clean(company="A", country="美国").fields["country"] == "US"
    assert clean(company="A", country="vn").fields["country"] == "VN"
    row = clean(company="A", country="Gnuland")
    assert "country" not in row.fields
    assert row.problems[0].message == 'unknown country "Gnuland"; kept in the notes'
    assert row.notes == "Country: Gnuland"


def test_a_row_without_a_country_takes_it_from_the_phone():
    assert clean(company="A", phone="+49 30 1234567").fields["country"] == "DE"


def test_unmapped_and_bad_values_are_kept_in_the_notes():
    row = clean(company="A", contact="Ada", fax="+49 30 999", birthday="03/04/1990", whatsapp="call me")
    assert "Fax: +49 30 999" in row.notes
    assert "Birthday: 03/04/1990" in row.contact.notes and "WhatsApp: call me" in row.contact.notes
    nobody = clean(company="A", birthday="03/04/1990")
    assert nobody.contact is None and "Birthday: 03/04/1990" in nobody.notes
    assert {p.column for p in row.problems} == {"Birthday", "WhatsApp"}


def test_a_row_with_nothing_to_identify_it_is_an_error():
    row = clean(city="Berlin", tags="x")
    assert not row.ok
    assert row.problems[0].severity == "error" and row.problems[0].column == ""


def test_placeholders_count_as_empty():
    row = clean(company="Acme", phone="N/A", email="-", city="无")
    assert row.contact is None and row.problems == () and "city" not in row.fields


def test_the_customer_is_the_company_else_the_person_else_the_email():
    assert clean(company="Acme", contact="Ada").name == "Acme"
    assert clean(contact="Ada Lovelace").name == "Ada Lovelace"
    assert clean(email="x@y.com").name == "x@y.com"


def test_tags_split_on_google_and_chinese_separators():
    assert clean(company="A", tags="* My Contacts ::: VIP、展会").tags == ("My Contacts", "VIP", "展会")


def test_chinese_first_and_last_name_join_family_name_first():
    columns = auto_map(["公司", "姓", "名"], [["A", "张", "伟"]])
    assert RowCleaner("s", columns).clean(2, ["A", "张", "伟"]).contact.name == "张伟"


@pytest.mark.parametrize(("text", "expected"), [
    ("2026-03-04", date(2026, 3, 4)), ("2026/3/4", date(2026, 3, 4)), ("2026年3月4日", date(2026, 3, 4)),
    ("19800322", date(1980, 3, 22)), ("20/01/1991", date(1991, 1, 20)), ("14 May 2026", date(2026, 5, 14)),
    ("46100", date(2026, 3, 19)), ("2020-01-01 01:01:01", date(2020, 1, 1)),
])
def test_dates_as_spreadsheets_hold_them(text, expected):
    assert parse_date(text) == expected


def test_an_ambiguous_day_month_date_is_refused():
    with pytest.raises(ValueError, match="day/month or month/day"):
        parse_date("03/04/1990")


@pytest.mark.parametrize("name", ["ООО «Стройимпорт»", "„Baustoffe Nord“ GmbH", "「華強」照明有限公司", '"Acme" Trading Ltd',
                                  "«Весна»", '"Whole Cell Quoted Ltd"', "《人民》贸易有限公司", "‘Single’ Co."])
def test_quotes_and_guillemets_in_a_name_are_kept_as_typed(name):
    row = clean(company=name, contact=f"{name} buyer")
    assert (row.name, row.contact.name) == (name, f"{name} buyer")


def test_numbers_that_cannot_exist_are_kept_as_typed_with_a_warning():
    row = clean(company="Acme", phone="+91848484848; 13812345678", country="CN")
    assert row.contact.phones == (("+91848484848", "+91848484848"), ("+8613812345678", "13812345678"))
    (problem,) = row.problems
    assert (problem.column, problem.severity) == ("Phone", "warning")
    assert problem.message == '"+91848484848" is not a valid number for +91 (IN); kept as typed'


@pytest.mark.parametrize(("phone", "country", "says"), [
    ("(111) 555-1234", "United States", "is not a valid number for +1"),
    ("12345678900", "China", "looks like a placeholder"),
])
def test_an_invalid_us_area_code_and_a_chinese_placeholder_are_listed(phone, country, says):
    row = clean(company="Acme", phone=phone, country=country)
    assert row.contact.phones == ((phone, phone),)
    assert says in row.problems[0].message and row.ok


def clean_with(headers, row):
    return RowCleaner("Visitors", auto_map(headers, [row])).clean(3, row)


@pytest.mark.parametrize(("header", "value"), [("IsDeleted", "true"), ("Deleted", "Yes"), ("已删除", "是"),
                                               ("Record Status", "Deleted"), ("删除标记", "已删除")])
def test_a_row_the_file_marks_deleted_is_listed_and_not_imported(header, value):
    row = clean_with(["Company", header], ["Acme", value])
    assert not row.ok
    (problem,) = row.problems
    assert problem.column == header and "marks this row deleted" in problem.message


@pytest.mark.parametrize("value", ["false", "0", "", "否"])
def test_a_row_not_marked_deleted_is_imported(value):
    row = clean_with(["Company", "IsDeleted"], ["Acme", value])
    assert row.ok and row.problems == () and "IsDeleted" not in row.notes


def test_the_day_met_is_read_and_a_bad_one_kept_in_the_notes():
    assert clean_with(["Company", "Visit Date"], ["Acme", "2026-10-16"]).fields["met_on"] == date(2026, 10, 16)
    row = clean_with(["Company", "Date"], ["Acme", "03/04/2026"])
    assert "met_on" not in row.fields and "Date: 03/04/2026" in row.notes
    assert "day/month or month/day" in row.problems[0].message


def test_one_email_for_two_differently_named_people_is_listed():
    headers = ["Company", "Contact", "Email"]
    cleaner = RowCleaner("Visitors", auto_map(headers, []))
    rows = [cleaner.clean(2, ["Acme", "Anna Berg", "info@acme.de"]),
            cleaner.clean(3, ["Acme", "Anna Berg", "info@acme.de"]),  # the same person again: fine
            cleaner.clean(4, ["Acme", "Carl Dorn", "info@acme.de"])]
    (problem,) = shared_email_problems("Visitors", rows)
    assert (problem.row, problem.severity) == (4, "warning")
    assert problem.message.startswith('info@acme.de is also the email of "Anna Berg" (row 2), not only of "Carl Dorn"')


def test_a_one_value_field_is_width_folded_once_and_a_second_column_adds_only_what_differs():
    columns = [ColumnMapping(0, "Company", "company"), ColumnMapping(1, "Firm", "company"),
               ColumnMapping(2, "Title", "title"), ColumnMapping(3, "Job", "title"), ColumnMapping(4, "Name", "contact_name")]
    cleaner = RowCleaner("Visitors", columns)
    row = cleaner.clean(3, [" Acme \t Trading  Ltd ", "ACME TRADING LTD", "Buyer", "buyer  ", "Ann\tLee"])
    assert (row.name, row.contact.title, row.contact.name, row.notes) == ("Acme Trading Ltd", "Buyer", "Ann Lee", "")
    other = cleaner.clean(4, ["Acme Trading Ltd", "Acme  Trading GmbH", "N/A", "CEO", "ｎ／ａ"])
    assert (other.name, other.contact, other.notes) == ("Acme Trading Ltd", None, "Firm: Acme  Trading GmbH")
    assert other.custom == {} and other.problems == ()


@pytest.mark.parametrize(("cell", "emails"), [
    ("Ann@Acme.com", ["Ann@Acme.com"]),
    (" ann@acme.com  bob@acme.com ", ["ann@acme.com", "bob@acme.com"]),
    ("Ann Lee ann@acme.com", ["Ann Lee ann@acme.com"]),
    ("ann@acme.com/bob@acme.com", ["ann@acme.com", "bob@acme.com"]),
    ("ａｎｎ＠ａｃｍｅ．ｃｏｍ，bob@acme.com", ["ann@acme.com", "bob@acme.com"]),
    ("   ", []),
])
def test_an_email_cell_splits_the_same_whether_it_holds_one_address_or_several(cell, emails):
    assert split_emails(cell) == emails
