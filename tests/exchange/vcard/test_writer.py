"""vCard 3.0 export of customers' contacts: what each card holds, and that the file reads back."""

from __future__ import annotations

from datetime import date

import pytest

from trade_crm.domain.customers.contacts import ContactInput
from trade_crm.domain.customers.records import create_customer
from trade_crm.exchange.exporting.workbook import ExportCancelled
from trade_crm.exchange.vcard.cards import parse_vcards
from trade_crm.exchange.vcard.writer import cards_for, export_vcards, split_name


@pytest.fixture
def customers(db, clock) -> dict[str, int]:
    return {
        "mueller": create_customer(
            clock, name="Müller Maschinenbau GmbH", country="DE", city="München", address="Industriestraße 1",
            website="www.mueller-mb.de", tags=["VIP"],
            contacts=[ContactInput(name="Jürgen Müller", title="Einkauf", emails=("j.mueller@mueller-mb.de",),
                                   phones=("+49 1512 3962725", "+49 89 1234567"), whatsapp="+49 1512 3962725",
                                   birthday=date(1975, 3, 14), is_primary=True, notes="Likes; commas, too"),
                      ContactInput(emails=("info@mueller-mb.de",))]),
        "huaqiang": create_customer(
            clock, name="深圳市华强照明有限公司", country="CN",
            contacts=[ContactInput(name="刘凯", phones=("+86 138 1234 5678",), wechat="liukai_wx")]),
        "nobody": create_customer(clock, name="No Contacts Ltd"),
    }


def test_a_card_holds_the_person_the_company_and_every_way_to_reach_them(customers):
    card = cards_for([customers["mueller"]])[0]
    assert (card.full_name, card.family_name, card.given_name) == ("Jürgen Müller", "Müller", "Jürgen")
    assert (card.organization, card.title, card.birthday) == ("Müller Maschinenbau GmbH", "Einkauf", "1975-03-14")
    assert card.emails == ("j.mueller@mueller-mb.de",)
    assert [(p.number, p.types) for p in card.phones] == [("+49 1512 3962725", ("cell", "voice")),
                                                        ("+49 89 1234567", ("work", "voice"))]
    assert card.impp == (("whatsapp", "+4915123962725"),)
    assert card.addresses[0].country == "Germany" and card.addresses[0].street == "Industriestraße 1"
    assert card.categories == ("VIP",) and card.urls == ("www.mueller-mb.de",)


def test_a_contact_without_a_name_is_filed_under_the_company(customers):
    cards = cards_for([customers["mueller"]])
    assert [c.full_name for c in cards] == ["Jürgen Müller", "Müller Maschinenbau GmbH"]


def test_country_names_follow_the_language(customers):
    card = cards_for([customers["huaqiang"]], language="zh_CN")[0]
    assert card.addresses[0].country == "中国"
    assert (card.family_name, card.given_name) == ("刘", "凯")
    assert card.impp == (("wechat", "liukai_wx"),)


@pytest.mark.parametrize(("name", "expected"), [
    ("Thomas Müller", ("Müller", "Thomas")), ("Maria  de la Cruz", ("Cruz", "Maria de la")),
    ("刘凯", ("刘", "凯")), ("Madonna", ("Madonna", "")), ("", ("", "")),
])
def test_split_name_gives_family_and_given_names(name, expected):
    assert split_name(name) == expected


def test_the_file_is_vcard_3_with_crlf_and_reads_back(customers, tmp_path):
    path = tmp_path / "contacts.vcf"
    result = export_vcards(path, list(customers.values()), chunk_size=1)
    assert (result.customers, result.cards) == (3, 3)
    data = path.read_bytes()
    assert data.startswith(b"BEGIN:VCARD\r\nVERSION:3.0\r\n") and b"\n" not in data.replace(b"\r\n", b"")
    cards = parse_vcards(data)
    assert [c.full_name for c in cards] == ["Jürgen Müller", "Müller Maschinenbau GmbH", "刘凯"]
    assert cards[0].note == "Likes; commas, too" and cards[0].organization == "Müller Maschinenbau GmbH"
    assert [p.number for p in cards[2].phones] == ["+86 138 1234 5678"]


def test_a_cancelled_vcard_export_writes_no_file(customers, tmp_path):
    path = tmp_path / "contacts.vcf"
    with pytest.raises(ExportCancelled):
        export_vcards(path, list(customers.values()), cancel=lambda: True)
    assert not path.exists() and not list(tmp_path.glob("*.part"))
