from trade_crm.exchange.importing.readers import read_table
from trade_crm.exchange.vcard.cards import Address, Telephone, VCard, parse_vcards, write_vcard, write_vcards

V21_QP = (
    "BEGIN:VCARD\r\nVERSION:2.1\r\n"
    "N;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:=E5=BC=A0;=E4=BC=9F;;;\r\n"
    "FN;CHARSET=UTF-8;QUOTED-PRINTABLE:=E5=BC=A0=E4=BC=9F\r\n"
    "ORG;CHARSET=UTF-8:深圳市华为技术有限公司;销售部\r\n"
    "TEL;CELL;PREF:+86 138 1234 5678\r\n"
    "TEL;WORK;FAX:+86 755 1234 5678\r\n"
    "EMAIL;INTERNET:zhangwei@huawei.com\r\n"
    "ADR;WORK;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:;;=E5=9D=82=E7=94=B0=\r\n=E5=9F=BA=E5=9C=B0;Shenzhen;GD;518129;China\r\n"
    "NOTE;ENCODING=QUOTED-PRINTABLE:Met at booth 12.1=0D=0Aasked for samples\r\n"
    "URL:http://www.huawei.com\r\n"
    "END:VCARD\r\n"
)


def test_vcard_21_with_quoted_printable_charset_and_soft_breaks():
    (card,) = parse_vcards(V21_QP.encode("utf-8"))
    assert (card.version, card.full_name, card.family_name, card.given_name) == ("2.1", "张伟", "张", "伟")
    assert (card.organization, card.department) == ("深圳市华为技术有限公司", "销售部")
    assert card.phones == (Telephone("+86 138 1234 5678", ("cell", "pref")), Telephone("+86 755 1234 5678", ("work", "fax")))
    assert card.addresses[0] == Address("坂田基地", "Shenzhen", "GD", "518129", "China", ("work",))
    assert card.note == "Met at booth 12.1\r\nasked for samples"
    assert card.line == 1


def test_vcard_30_folding_that_splits_a_utf8_character_is_joined_before_decoding():
    name = "Ελληνικά Ονόματα Ρωσικά Кириллица".encode()
    cut = 11  # inside a two-byte character
    data = b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:" + name[:cut] + b"\r\n " + name[cut:] + b"\r\nEND:VCARD\r\n"
    assert parse_vcards(data)[0].full_name == name.decode()


def test_vcard_escapes_groups_and_lowercase_types():
    data = (b"BEGIN:VCARD\nVERSION:3.0\nFN:O'Brien\\, Pat\nitem1.EMAIL;type=INTERNET;type=pref:pat@obrien.ie\n"
            b"item1.X-ABLabel:_$!<Work>!$_\nADR;type=HOME:;;Haight Street 512\\;\\nEscape\\, Test;Novosibirsk;;80214;Gnuland\n"
            b"URL:http\\://www.obrien.ie\nEND:VCARD\n")
    (card,) = parse_vcards(data)
    assert card.full_name == "O'Brien, Pat"
    assert card.emails == ("pat@obrien.ie",)
    assert card.addresses[0].street == "Haight Street 512;\nEscape, Test"
    assert card.urls == ("http://www.obrien.ie",)


def test_vcard_in_a_legacy_code_page_without_charset_is_detected():
    data = "BEGIN:VCARD\r\nVERSION:2.1\r\nFN:Віталій Кличко\r\nN:Кличко;Віталій\r\nEND:VCARD\r\n".encode("cp1251")
    assert parse_vcards(data)[0].full_name == "Віталій Кличко"


def test_vcard_40_and_utf16_with_bom():
    data = "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:山田太郎\r\nTEL;VALUE=uri:tel:+81-3-1234-5678\r\nEND:VCARD\r\n"
    (card,) = parse_vcards(data.encode("utf-16"))
    assert (card.version, card.full_name, card.phones[0].number) == ("4.0", "山田太郎", "+81-3-1234-5678")


def test_photos_are_skipped_and_unknown_properties_kept_as_other():
    data = (b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:A\r\nPHOTO;ENCODING=b;TYPE=JPEG:/9j/4AAQSkZJRgABAQ\r\n AAAQABAAD\r\n"
            b"NICKNAME:Al\r\nX-QQ:12345\r\nEND:VCARD\r\n")
    (card,) = parse_vcards(data)
    assert ("NICKNAME", "Al") in card.other
    assert ("qq", "12345") in card.impp


def test_written_vcard_reads_back_the_same_and_folds_at_75_octets():
    card = VCard(full_name="Jürgen Müller", family_name="Müller", given_name="Jürgen", organization="Müller; Söhne GmbH",
                 title="Einkauf", emails=("j@mueller.de",), phones=(Telephone("+49 89 1234567", ("work",)),),
                 addresses=(Address("Hauptstraße 1", "München", "", "80331", "Germany", ("work",)),),
                 urls=("https://mueller.de",), note="Messe 2026\n" + " ".join(["langer Text"] * 12), categories=("VIP", "DE"))
    text = write_vcard(card)
    assert all(len(line.encode()) <= 75 for line in text.split("\r\n"))
    (back,) = parse_vcards(text.encode())
    assert (back.full_name, back.organization, back.title, back.emails) == (
        card.full_name, card.organization, card.title, card.emails)
    assert back.phones == card.phones and back.addresses == card.addresses
    assert back.note == card.note and back.categories == card.categories
    assert write_vcards([card, card]).count("BEGIN:VCARD") == 2


def test_a_vcf_file_reads_as_a_table_of_one_row_per_card(tmp_path):
    path = tmp_path / "cards.vcf"
    path.write_bytes(V21_QP.encode() + V21_QP.replace("张伟", "李四").encode())
    table = read_table(path)
    assert table.kind == "vcard"
    assert len(table.rows) == 2
    cells = dict(zip(table.headers, table.rows[0].cells, strict=True))
    assert cells["Company"] == "深圳市华为技术有限公司"
    assert cells["Phone"] == "+86 138 1234 5678; +86 755 1234 5678"  # a fax is a number to call too
    assert cells["Fax"] == "+86 755 1234 5678"
