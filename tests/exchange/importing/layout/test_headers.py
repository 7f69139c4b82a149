import pytest

from trade_crm.domain.errors import ValidationError
from trade_crm.exchange.importing.layout.column_choice import auto_map
from trade_crm.exchange.importing.layout.headers import (
    apply_overrides,
    find_header_row,
    fold_header,
    lookup,
    parse_target,
)


@pytest.mark.parametrize(("header", "field"), [
    ("Company", "company"), ("Company Name", "company"), ("公司", "company"), ("公司名称", "company"),
    ("客户名称", "company"), ("Contact", "contact_name"), ("Name", "contact_name"), ("联系人", "contact_name"),
    ("姓名", "contact_name"), ("First Name", "first_name"), ("Last Name", "last_name"), ("Email", "email"),
    ("E-mail", "email"), ("邮箱", "email"), ("电子邮件", "email"), ("Tel", "phone"), ("Phone", "phone"),
    ("Mobile", "phone"), ("手机", "phone"), ("电话", "phone"), ("WhatsApp", "whatsapp"), ("Country", "country"),
    ("Country/Region", "country"), ("国家", "country"), ("City", "city"), ("城市", "city"), ("Website", "website"),
    ("网址", "website"), ("Title", "title"), ("Position", "title"), ("职位", "title"), ("Products", "products"),
    ("感兴趣产品", "products"), ("Remark", "notes"), ("Notes", "notes"), ("备注", "notes"), ("Booth", "booth"),
    ("Source", "source"), ("Tags", "tags"),
    # spelled the way exports and people write them
    ("  E-MAIL ", "email"), ("公司名称*", "company"), ("Ｅｍａｉｌ", "email"), ("手机号码（必填）", "phone"),
    ("Business Phone 2", "phone"), ("E-mail 2 Address", "email"), ("Business Country/Region", "country"),
    ("Home Address 2", "address"), ("Job Title", "title"), ("Web Page 1", "website"),
    # Google Contacts
    ("E-mail 1 - Value", "email"), ("E-mail 1 - Type", "ignore"), ("Phone 3 - Value", "phone"),
    ("Organization 1 - Name", "company"), ("Organization 1 - Title", "title"), ("Address 2 - Formatted", "address"),
    ("Group Membership", "tags"), ("Given Name", "first_name"), ("Family Name", "last_name"),
    # LinkedIn
    ("Email Address", "email"), ("Connected On", None),
])
def test_headers_map_to_fields_in_english_chinese_and_export_layouts(header, field):
    assert lookup(header) == field


def test_fold_header_ignores_case_width_punctuation_and_required_marks():
    assert fold_header("E-Mail:") == "e mail"
    assert fold_header(" ＥＭＡＩＬ* ") == "email"
    assert fold_header("联系 电话*") == "联系电话"


def test_linkedin_connections_url_is_the_persons_profile():
    headers = ["First Name", "Last Name", "URL", "Email Address", "Company", "Position", "Connected On"]
    columns = auto_map(headers, [["Ada", "Lovelace", "https://www.linkedin.com/in/ada", "", "AE", "CEO", "1 May 2026"]])
    assert [c.target for c in columns] == ["first_name", "last_name", "linkedin", "email", "company", "title", "notes"]
    assert auto_map(["Company", "URL"], [["A", "https://a.com"]])[1].target == "website"


def test_columns_are_recognised_by_content_when_the_header_says_nothing():
    columns = auto_map(["Column A", "Column B", "Column C", "title"],
                       [["1", "Acme", "a@acme.com", "Mr."], ["2", "Beta", "b@beta.com", "Mrs."],
                        ["3", "Gamma", "c@g.com", "Ms."]], blank=[True, True, True, False])
    assert [(c.target, c.origin) for c in columns] == [
        ("ignore", "content"), ("notes", "default"), ("email", "content"), ("notes", "content")]


def test_a_name_column_of_companies_is_the_company():
    columns = auto_map(["name", "tel_number"], [["Aareplast AG", "+41"], ["Aage Östergaard A/S", ""], ["X Y", ""]])
    assert columns[0].target == "company"
    people = auto_map(["name", "email"], [["Ada Lovelace", "a@x.com"], ["Alan Turing", "t@x.com"]])
    assert people[0].target == "contact_name"


def test_unmapped_columns_go_where_the_user_says():
    assert auto_map(["Fax"], [["123"]])[0].target == "notes"
    assert auto_map(["Fax"], [["123"]], unmapped="custom")[0].target == "custom"


def test_the_user_can_change_any_mapping():
    columns = auto_map(["Firma", "Mail", "Stand"], [["Acme", "a@acme.de", "B12"]])
    changed = apply_overrides(columns, {"firma": "company", "Stand": "custom:Stand (Halle)", "Mail": "ignore"})
    assert [(c.target, c.custom_name, c.origin) for c in changed] == [
        ("company", "", "user"), ("ignore", "", "user"), ("custom", "Stand (Halle)", "user")]
    with pytest.raises(ValidationError, match='no column "Fax"'):
        apply_overrides(columns, {"Fax": "phone"})
    with pytest.raises(ValidationError, match='"colour" is not a field'):
        parse_target("colour")
    assert parse_target("Mobile") == ("phone", "")


@pytest.mark.parametrize(("rows", "expected"), [
    ([["Visitor list"], [""], ["Company", "Email"], ["Acme", "a@b.com"]], 2),
    ([["1", "2"], ["3", "4"]], None),
    ([["序号", "原料编号", "厂定名称"], ["1", "0150", "戊二醇"]], 0),
    ([["Acme GmbH", "a@acme.de"], ["Beta", "b@beta.de"]], None),
    ([["Email"], ["a@b.com"]], 0),
])
def test_the_header_row_is_found_or_none(rows, expected):
    assert find_header_row(rows) == expected
