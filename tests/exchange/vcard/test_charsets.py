"""vCard charsets and content that used to be lost or garbled silently, with cards built here (2.1 QP, 3.0, 4.0)."""

from __future__ import annotations

import quopri

import pytest

from trade_crm.exchange.importing.importer import build_plan
from trade_crm.exchange.importing.readers import read_table
from trade_crm.exchange.vcard.cards import parse_vcards, read_vcards
from trade_crm.exchange.vcard.charsets import codec


def _qp(text: str, encoding: str) -> bytes:
    return quopri.encodestring(text.encode(encoding)).replace(b"=\n", b"=\r\n")


def _plan(tmp_path, data: bytes, name: str = "cards.vcf"):  # callers take the db fixture: the plan looks at the book
    path = tmp_path / name
    path.write_bytes(data)
    return build_plan(path)


def test_a_charset_named_on_label_reads_the_cards_other_properties_too():
    # "Νίκος" alone reads as well in Windows-1251 as in Windows-1253: only the LABEL says which it is
    data = ("BEGIN:VCARD\r\nVERSION:2.1\r\nN:Ελλάς;Νίκος\r\nFN:Νίκος\r\nORG:ΑΘΗΝΑ ΑΕ\r\n"
            "LABEL;WORK;CHARSET=Windows-1253:Οδός Ερμού 12\r\nEND:VCARD\r\n").encode("cp1253")
    (card,) = parse_vcards(data)
    assert (card.full_name, card.family_name, card.organization) == ("Νίκος", "Ελλάς", "ΑΘΗΝΑ ΑΕ")
    assert card.addresses[0].street == "Οδός Ερμού 12"
    assert not card.guessed and card.problems == ()


def test_a_quoted_printable_charset_on_one_property_reads_its_unmarked_siblings():
    data = (b"BEGIN:VCARD\r\nVERSION:2.1\r\nN;ENCODING=QUOTED-PRINTABLE:" + _qp("Кличко;Віталій", "cp1251") + b"\r\n"
            b"ORG;CHARSET=WINDOWS-1251;ENCODING=QUOTED-PRINTABLE:" + _qp("Київ Трейд", "cp1251") + b"\r\nEND:VCARD\r\n")
    (card,) = parse_vcards(data)
    assert (card.family_name, card.given_name, card.organization) == ("Кличко", "Віталій", "Київ Трейд")


@pytest.mark.parametrize("encoding", ["cp1250", "iso8859_2"])
def test_quoted_printable_21_without_charset_is_guessed_from_its_bytes_and_said(db, tmp_path, encoding):
    name = "Małgorzata Wiśniewska"
    data = (b"BEGIN:VCARD\r\nVERSION:2.1\r\nN;ENCODING=QUOTED-PRINTABLE:" + _qp("Wiśniewska;Małgorzata", encoding)
            + b"\r\nFN;ENCODING=QUOTED-PRINTABLE:" + _qp(name, encoding) + b"\r\nORG:Hurtownia Zbyszko\r\n"
            b"EMAIL:m.w@zbyszko.pl\r\nEND:VCARD\r\n")
    found = read_vcards(data)
    assert found.cards[0].full_name == name and found.cards[0].guessed
    assert found.encoding == encoding and found.encodings[0][0] == encoding
    plan = _plan(tmp_path, data)
    assert plan.customers[0].contacts[0].name == name
    assert any(encoding in notice and "guess" in notice for notice in plan.notices)


def test_a_person_can_choose_the_code_page_of_text_that_names_none(tmp_path):
    data = "BEGIN:VCARD\r\nVERSION:2.1\r\nFN:Ελλάς\r\nEND:VCARD\r\n".encode("cp1253")
    path = tmp_path / "greek.vcf"
    path.write_bytes(data)
    assert read_table(path, encoding="cp1253").rows[0].cells[0] == "Ελλάς"
    assert read_table(path, encoding="cp1251").rows[0].cells[0] == "Ελλάς".encode("cp1253").decode("cp1251")


def test_text_that_cannot_be_read_is_never_stored_as_replacement_characters_silently(db, tmp_path):
    data = (b"BEGIN:VCARD\r\nVERSION:2.1\r\nFN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:Jos=E9 Garc=EDa\r\n"
            b"ORG:Garcia SL\r\nEMAIL:jose@garcia.es\r\nEND:VCARD\r\n")
    (card,) = parse_vcards(data)
    assert "\ufffd" in card.full_name
    assert card.problems and card.problems[0][0] == "Name" and "utf-8" in card.problems[0][1]
    plan = _plan(tmp_path, data)
    problem = next(p for p in plan.problems if "\ufffd" in p.message)
    assert (problem.row, problem.column, problem.severity) == (1, "Name", "warning")
    assert plan.customers[0].action == "create"  # read, and flagged: the person decides


def test_utf8_text_with_no_charset_needs_no_guess_and_no_notice(db, tmp_path):
    data = "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Γιώργος Παπαδόπουλος\r\nORG:Ελληνικά Προϊόντα ΑΕ\r\nEND:VCARD\r\n".encode()
    found = read_vcards(data)
    assert found.cards[0].full_name == "Γιώργος Παπαδόπουλος" and not found.cards[0].guessed
    assert found.encodings == ()
    assert not any("character set" in n for n in _plan(tmp_path, data).notices)


@pytest.mark.parametrize("marker", ["X-ABShowAs:COMPANY", "KIND:org", ""])
def test_a_company_cards_n_is_kept_as_its_contact_person(db, tmp_path, marker):
    data = ("BEGIN:VCARD\r\nVERSION:3.0\r\nN:Schmidt;Hans;;;\r\nFN:Acme Maschinenbau GmbH\r\n"
            f"ORG:Acme Maschinenbau GmbH\r\n{marker}\r\nEMAIL:info@acme-mb.de\r\nEND:VCARD\r\n").encode()
    plan = _plan(tmp_path, data)
    (customer,) = plan.customers
    assert customer.name == "Acme Maschinenbau GmbH"
    assert customer.contacts[0].name == "Hans Schmidt"
    assert "ShowAs" not in customer.notes and "Kind" not in customer.notes


def test_a_company_card_without_org_is_named_by_its_fn(db, tmp_path):
    data = b"BEGIN:VCARD\r\nVERSION:4.0\r\nKIND:org\r\nFN:Ningbo Tools Co.\r\nN:Li;Wei\r\nEND:VCARD\r\n"
    (customer,) = _plan(tmp_path, data).customers
    assert customer.name == "Ningbo Tools Co." and customer.contacts[0].name == "Wei Li"


def test_a_person_card_keeps_fn_as_the_contact():
    (card,) = parse_vcards(b"BEGIN:VCARD\r\nVERSION:3.0\r\nN:Doe;John\r\nFN:Dr. John Doe\r\nORG:Doe Ltd\r\nEND:VCARD\r\n")
    assert not card.is_company and card.full_name == "Dr. John Doe"


def test_an_address_given_only_as_label_is_the_address(db, tmp_path):
    data = (b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Jan Novak\r\nORG:Novak s.r.o.\r\n"
            b"LABEL;TYPE=WORK:Vodickova 12\\n110 00 Praha\\nCzech Republic\r\nEND:VCARD\r\n")
    (customer,) = _plan(tmp_path, data).customers
    assert customer.fields["address"] == "Vodickova 12, 110 00 Praha, Czech Republic"
    assert customer.fields["country"] == "CZ"


def test_label_beside_an_adr_does_not_replace_it():
    (card,) = parse_vcards(b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:A\r\nADR:;;Main St 1;Springfield;;12345;USA\r\n"
                           b"LABEL:Main St 1\\nSpringfield 12345\\nUSA\r\nEND:VCARD\r\n")
    assert len(card.addresses) == 1 and card.addresses[0].city == "Springfield"


def test_every_tel_type_is_a_phone_of_the_contact_and_a_fax_is_marked(db, tmp_path):
    data = (b"BEGIN:VCARD\r\nVERSION:2.1\r\nFN:Li Wei\r\nORG:Ningbo Tools Co.\r\nADR;WORK:;;1 Road;Ningbo;;;China\r\n"
            b"TEL;FAX;VOICE:+86 574 8765 4321\r\nTEL;CELL:+86 138 1234 5678\r\nTEL;WORK;FAX:+86 574 8765 4300\r\n"
            b"TEL;PAGER:+86 574 8765 4399\r\nEND:VCARD\r\n")
    (customer,) = _plan(tmp_path, data).customers
    phones = [value for value, _ in customer.contacts[0].phones]
    assert phones == ["+8657487654321", "+8613812345678", "+8657487654300", "+8657487654399"]
    assert "Fax: +86 574 8765 4321; +86 574 8765 4300" in customer.notes


@pytest.mark.parametrize("name", ["idna", "punycode", "undefined", "rot13", "base64", "hex", "no-such"])
def test_a_charset_that_cannot_read_text_is_not_used(name):
    assert codec(name) is None


def test_charset_names_as_vcards_write_them_are_known():
    assert [codec(n) for n in ("Windows-1253", "UTF-8", "ISO-8859-2", '"utf-8"', "GB2312")] == [
        "cp1253", "utf-8", "iso8859-2", "utf-8", "gb2312"]
