import pytest

from trade_crm.exchange.importing.layout.evidence import column_evidence, row_is_contact, sample_values, shape


@pytest.mark.parametrize(("value", "kind"), [
    ("max@acme.de", "email"), ("www.acme.de", "website"), ("https://acme.com/about", "website"),
    ("+49 171 2345678", "phone"), ("0755-8888 0000", "phone"), ("2026-05-14", "date"), ("14 May 2026", "date"),
    ("2026年5月14日", "date"), ("83.215.242.109", "number"), ("123456789", "number"), ("Germany", "country"),
    ("Acme Trading GmbH", "company"), ("Banco Norte S.A.", "company"), ("Delta Machinery Co., Ltd.", "company"),
    ("深圳市华为技术有限公司", "company"), ("Stadt Aachen", "company"), ("Maria van der Berg", "person"),
    ("Dr. Li Wei", "person"), ("张伟", "person"), ("Hall 5.1 A05", "text"),
])
def test_a_value_gets_the_shape_a_person_would_see(value, kind):
    assert shape(value) == kind


def test_column_evidence_gives_shares_and_the_script():
    evidence = column_evidence(["Acme GmbH", "Beta Ltd", "Gamma Trading", "Delta"])
    assert evidence.share("company") == 0.75
    assert evidence.support("company") == 0.75 and evidence.support("email") == 0
    assert evidence.strongest().kind == "company" and evidence.strongest().percent == 75
    assert evidence.script == "latin"
    assert column_evidence(["北方银行股份有限公司", "阿克米贸易有限公司"]).script == "cjk"


def test_only_a_sample_of_the_first_non_empty_values_is_looked_at():
    rows = [[""], *[[f"v{i}"] for i in range(500)]]
    values = sample_values(rows, 0)
    assert len(values) == 200 and values[0] == "v0" and values[-1] == "v199"


def test_a_contact_row_has_an_email_a_phone_a_website_or_a_company():
    assert row_is_contact(["", "someone@x.com"])
    assert row_is_contact(["Acme GmbH", ""])
    assert not row_is_contact(["Opening talk", "2026-04-15", "Hall 3"])
