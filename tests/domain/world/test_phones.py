from __future__ import annotations

import random

import phonenumbers
import pytest
from phonenumbers import PhoneNumberFormat, PhoneNumberType

from trade_crm.domain.world.phones import (
    Phone,
    example_number,
    format_phone,
    international,
    is_valid,
    normalize_phone,
    number_doubt,
    plain_international,
    plain_national,
    plain_possible,
    split_phones,
    whatsapp_link,
)


@pytest.mark.parametrize(
    ("text", "region", "e164"),
    [
        ("+86 138 1234 5678", None, "+8613812345678"),
        ("+86-138-1234-5678", None, "+8613812345678"),
        ("(+86) 138 1234 5678", None, "+8613812345678"),
        ("0086 138 1234 5678", None, "+8613812345678"),
        ("0086 138 1234 5678", "US", "+8613812345678"),
        ("(0049) 170 1234567", None, "+491701234567"),
        ("tel:+1-212-555-0100", None, "+12125550100"),
        ("＋８６　１３８　１２３４　５６７８", None, "+8613812345678"),
        ("'+86 138 1234 5678", None, "+8613812345678"),
        ("13812345678", "CN", "+8613812345678"),
        ("050 123 4567", "AE", "+971501234567"),
        ("0170/1234567", "DE", "+491701234567"),
        ("+44 (0) 20 7946 0958", None, "+442079460958"),
        ("Mobile: +86 138 1234 5678", None, "+8613812345678"),
    ],
)
def test_phone_is_normalised_to_e164(text, region, e164):
    assert normalize_phone(text, region).e164 == e164


@pytest.mark.parametrize(
    ("text", "region", "e164"),
    [
        ("8613812345678", None, "+8613812345678"),
        ("491701234567", None, "+491701234567"),
        ("8613812345678", "DE", "+8613812345678"),
        ("8613812345678", "CN", "+8613812345678"),
    ],
)
def test_leading_country_code_without_plus_is_read_as_international(text, region, e164):
    assert normalize_phone(text, region).e164 == e164


@pytest.mark.parametrize("text", ["13312345678", "15012345678", "18612345678", "17712345678"])
def test_chinese_mobile_is_not_mistaken_for_a_north_american_number(text):
    assert normalize_phone(text, "CN").e164 == "+86" + text


def test_national_number_without_region_is_not_guessed():
    phone = normalize_phone("13812345678")
    assert phone == Phone(e164=None, raw="13812345678")


def test_excel_float_phone_is_recovered_as_text():
    phone = normalize_phone("8613812345678.0")
    assert phone.e164 == "+8613812345678"
    assert phone.raw == "8613812345678.0"


def test_excel_scientific_notation_with_all_digits_is_recovered():
    assert normalize_phone("1.3812345678E+10", "CN").e164 == "+8613812345678"


def test_excel_scientific_notation_that_lost_digits_keeps_raw():
    phone = normalize_phone("1.38123456E+10", "CN")
    assert phone == Phone(e164=None, raw="1.38123456E+10")
    assert phone.value == "1.38123456E+10"


@pytest.mark.parametrize(
    ("text", "region", "e164", "extension"),
    [
        ("+1 212 555 0100 ext. 12", None, "+12125550100", "12"),
        ("+1 212 555 0100 x12", None, "+12125550100", "12"),
        ("021-6234 5678转 801", "CN", "+862162345678", "801"),
        ("021-62345678 分机 801", "CN", "+862162345678", "801"),
    ],
)
def test_extension_is_kept_apart_from_e164(text, region, e164, extension):
    phone = normalize_phone(text, region)
    assert (phone.e164, phone.extension, phone.raw) == (e164, extension, text)


@pytest.mark.parametrize("text", ["call me", "n/a", "+86 123", "12345", "---", "1.5E+3"])
def test_unparseable_phone_keeps_original_text(text):
    phone = normalize_phone(text, "US")
    assert phone.e164 is None
    assert phone.raw == text
    assert phone.value == text


@pytest.mark.parametrize("text", ["", "   ", None])
def test_blank_phone_is_empty(text):
    phone = normalize_phone(text)
    assert phone == Phone(e164=None, raw="")
    assert phone.value == ""


def test_raw_is_trimmed_and_tel_prefix_dropped():
    assert normalize_phone("  tel:+1 212  555 0100 ").raw == "+1 212 555 0100"


def test_phone_value_prefers_e164_and_digits_strip_formatting():
    phone = normalize_phone("+86 138-1234-5678")
    assert phone.value == "+8613812345678"
    assert phone.digits == "8613812345678"
    assert Phone(e164=None, raw="138 1234-5678").digits == "13812345678"


def test_unknown_region_is_harmless():
    assert normalize_phone("+86 138 1234 5678", "ZZ").e164 == "+8613812345678"
    assert normalize_phone("12345678", "ZZ").e164 is None


@pytest.mark.parametrize(
    ("text", "parts"),
    [
        ("+86 138 1234 5678 / +86 139 8765 4321", ["+86 138 1234 5678", "+86 139 8765 4321"]),
        ("+86 138 1234 5678; +86 139 8765 4321", ["+86 138 1234 5678", "+86 139 8765 4321"]),
        ("13812345678, 13987654321", ["13812345678", "13987654321"]),
        ("13812345678\n021-62345678", ["13812345678", "021-62345678"]),
        ("138-1234-5678 or 139 8765 4321", ["138-1234-5678", "139 8765 4321"]),
        ("13812345678、13987654321，13700000000", ["13812345678", "13987654321", "13700000000"]),
        ("13812345678；13987654321", ["13812345678", "13987654321"]),
        ("+49 170 1234567", ["+49 170 1234567"]),
        ("0170/1234567", ["0170/1234567"]),
        ("+86 21 1234 5678 / 79", ["+86 21 1234 5678/79"]),
        ("", []),
        ("n/a", []),
    ],
)
def test_split_phones_splits_on_separators_not_inside_numbers(text, parts):
    assert split_phones(text) == parts


def test_whatsapp_link_uses_bare_digits():
    assert whatsapp_link("+8613812345678") == "https://wa.me/8613812345678"


def test_whatsapp_link_without_digits_is_an_error():
    with pytest.raises(ValueError):
        whatsapp_link("")


@pytest.mark.parametrize("region", ["CN", "US", "DE", "SA", "AE", "BR", "in"])
def test_example_number_is_a_valid_mobile(region):
    number = example_number(region)
    assert number.startswith("+")
    assert normalize_phone(number).e164 == number


def test_example_number_rejects_unknown_region_and_kind():
    with pytest.raises(ValueError):
        example_number("ZZ")
    with pytest.raises(ValueError):
        example_number("CN", kind="pager-ish")


@pytest.mark.parametrize(
    ("style", "shown"),
    [
        ("international", "+86 138 1234 5678"),
        ("national", "138 1234 5678"),
        ("e164", "+8613812345678"),
        ("rfc3966", "tel:+86-138-1234-5678"),
    ],
)
def test_format_phone_styles(style, shown):
    assert format_phone("+8613812345678", style) == shown


def test_format_phone_shows_unreadable_text_as_is():
    assert format_phone("ask reception") == "ask reception"


@pytest.mark.parametrize(("text", "region", "reason"), [
    ("+91848484848", "IN", "is not a valid number for +91"),
    ("(111) 555-1234", "US", "is not a valid number for +1"),
    ("12345678900", "CN", "looks like a placeholder"),
    ("12345678900", None, "looks like a placeholder"),
])
def test_numbers_that_cannot_exist_are_doubted(text, region, reason):
    phone = normalize_phone(text, region)
    assert phone.e164 is not None  # read (a possible number) ...
    assert reason in number_doubt(phone, region)  # ... but said to be wrong


@pytest.mark.parametrize(("text", "region"), [
    ("+49 30 1234 5678", "DE"), ("13812345678", "CN"), ("8613812345678", "DE"), ("0171 2345678", "DE"),
    ("4165551234", "US"), ("+86 138 1234 5678", None),
])
def test_real_numbers_are_not_doubted(text, region):
    assert number_doubt(normalize_phone(text, region), region) is None


def _stored_numbers() -> list[str]:
    """Every region's example numbers and, per example, variants with one digit changed, as the app
    stores them (E.164 that phonenumbers itself writes)."""
    found = []
    for region in sorted(phonenumbers.SUPPORTED_REGIONS):
        for kind in (PhoneNumberType.MOBILE, PhoneNumberType.FIXED_LINE, PhoneNumberType.TOLL_FREE):
            example = phonenumbers.example_number_for_type(region, kind)
            if example is None:
                continue
            e164 = phonenumbers.format_number(example, PhoneNumberFormat.E164)
            found.append(e164)
            for position in range(4, len(e164)):
                variant = e164[:position] + str((int(e164[position]) + 3) % 10) + e164[position + 1:]
                try:
                    number = phonenumbers.parse(variant, None)
                except phonenumbers.NumberParseException:
                    continue
                if phonenumbers.format_number(number, PhoneNumberFormat.E164) == variant:
                    found.append(variant)
    return found


def test_international_formats_every_stored_number_exactly_as_phonenumbers_does():
    numbers = _stored_numbers()
    assert len(numbers) > 3000
    for e164 in numbers:
        expected = phonenumbers.format_number(phonenumbers.parse(e164, None), PhoneNumberFormat.INTERNATIONAL)
        assert international(e164) == expected, e164
    assert international("+4989123456") == "+49 89 123456"
    assert international("+390612345678") == "+39 06 1234 5678"  # Italy keeps its leading zero


@pytest.mark.parametrize("text", ["", "ask reception", "0171 2345678", "+", "+0123456", "+999123456789"])
def test_international_keeps_text_that_is_not_a_stored_e164_number(text):
    assert international(text) == text


def _numbers_of_every_region() -> list[phonenumbers.PhoneNumber]:
    """Each region's example of every type, and digit strings of random lengths after every calling code."""
    rng, numbers = random.Random(17), []
    for code, regions in phonenumbers.COUNTRY_CODE_TO_REGION_CODE.items():
        for region in regions:
            numbers += [n for kind in range(12) if region != "001"
                        and (n := phonenumbers.example_number_for_type(region, kind)) is not None]
        for _ in range(60):
            digits = "".join(rng.choice("0123456789") for _ in range(rng.randrange(3, 15)))
            try:
                numbers.append(phonenumbers.parse(f"+{code}{digits}", None))
            except phonenumbers.NumberParseException:
                pass
    for region in ("US", "CA", "DE", "IT", "GB", "CN", "IN", "RU"):  # shared codes, Italy's leading zero
        for _ in range(500):
            digits = "".join(rng.choice("0123456789") for _ in range(rng.randrange(3, 14)))
            try:
                numbers.append(phonenumbers.parse(digits, region))
            except phonenumbers.NumberParseException:
                pass
    return numbers


def test_is_valid_answers_as_phonenumbers_does_for_every_region():
    numbers = _numbers_of_every_region()
    valid = [n for n in numbers if phonenumbers.is_valid_number(n)]
    assert len(valid) > 1_500 and len(numbers) - len(valid) > 10_000  # both answers are well represented
    assert [n for n in numbers if is_valid(n) != phonenumbers.is_valid_number(n)] == []


def _written_internationally() -> list[str]:
    """Every region's examples as phonenumbers writes them ("+49 30 123456"), and random digits after
    every calling code with spaces and hyphens here and there."""
    rng, texts = random.Random(23), []
    for code, regions in phonenumbers.COUNTRY_CODE_TO_REGION_CODE.items():
        for region in regions:
            for kind in range(12):
                example = phonenumbers.example_number_for_type(region, kind) if region != "001" else None
                if example is not None:
                    texts.append(phonenumbers.format_number(example, PhoneNumberFormat.INTERNATIONAL))
        for _ in range(80):
            digits = str(rng.randrange(1, 10)) + "".join(rng.choice("0123456789") for _ in range(rng.randrange(3, 13)))
            cuts = sorted(rng.sample(range(1, len(digits)), k=min(3, len(digits) - 1)))
            parts = [digits[i:j] for i, j in zip([0, *cuts], [*cuts, len(digits)], strict=True)]
            texts.append(f"+{code}{rng.choice(' -')}" + "".join(p + rng.choice((" ", "-", "")) for p in parts).rstrip(" -"))
    return texts


def test_a_plain_international_number_is_read_as_phonenumbers_reads_it():
    read = 0
    for text in _written_internationally():
        e164 = plain_international(text)
        if e164 is None:
            continue  # left to phonenumbers
        read += 1
        number = phonenumbers.parse(text, None)
        assert (e164, number.extension, phonenumbers.is_valid_number(number)) == (
            phonenumbers.format_number(number, PhoneNumberFormat.E164), None, True), text
    assert read > 1_500  # the common case (a valid number) does take the short way


def test_a_plain_international_number_that_cannot_exist_is_kept_as_phonenumbers_keeps_it():
    kept = 0
    for text in _written_internationally():
        e164 = plain_possible(text)
        number = phonenumbers.parse(text, None) if e164 or plain_international(text) else None
        if e164 is None:
            continue  # valid (plain_international's) or left to phonenumbers
        kept += 1
        assert (e164, number.extension, phonenumbers.is_valid_number(number),
                phonenumbers.is_possible_number_with_reason(number)) == (
            phonenumbers.format_number(number, PhoneNumberFormat.E164), None, False,
            phonenumbers.ValidationResult.IS_POSSIBLE), text
        assert normalize_phone(text) == Phone(e164, text, valid=False) and not normalize_phone(text).valid
    assert kept > 1_000  # possible-but-invalid numbers do take the short way
    assert plain_possible("+91 98123 12345") is None  # valid: plain_international's
    assert plain_possible("+91 981234 12345") == "+9198123412345"  # the bench list's Indian numbers: a digit too many
    assert plain_possible("+1 212 555 01") is None and normalize_phone("+1 212 555 01").e164 is None  # too short


@pytest.mark.parametrize("text", ["+49 030 1234567", "+39 06 1234 5678", "+800 1234 5678", "+1 (212) 555-0123",
                                  "+86 138 1234 5678 ext. 12", "+91 987417 63445"])
def test_numbers_phonenumbers_would_change_or_refuse_are_left_to_it(text):
    assert plain_international(text) is None


def _written_nationally() -> list[tuple[str, str]]:
    """(text, region): every region's examples as phonenumbers writes them NATIONAL ("0803 123 4567"), and
    their digits with one changed, added or dropped, with the trunk prefix and without."""
    rng, texts = random.Random(29), []
    for region in sorted(phonenumbers.SUPPORTED_REGIONS):
        for kind in range(12):
            example = phonenumbers.example_number_for_type(region, kind)
            if example is None:
                continue
            written = phonenumbers.format_number(example, PhoneNumberFormat.NATIONAL)
            texts.append((written, region))
            digits = "".join(c for c in written if c.isdigit())
            for _ in range(6):
                changed = list(digits)
                changed[rng.randrange(len(changed))] = rng.choice("0123456789")
                if rng.random() < 0.3:
                    changed.insert(rng.randrange(len(changed)), rng.choice("0123456789"))
                elif rng.random() < 0.3 and len(changed) > 4:
                    del changed[rng.randrange(1, len(changed))]
                text = "".join(changed)
                texts += [(text, region), (f"0{text}", region), (f"{text[:3]} {text[3:6]}-{text[6:]}", region)]
    return texts


def test_a_plain_national_number_is_read_as_phonenumbers_reads_it():
    read = 0
    for text, region in _written_nationally():
        e164 = plain_national(text, region)
        if e164 is None:
            continue  # left to phonenumbers
        read += 1
        number = phonenumbers.parse(text, region)
        assert (e164, number.extension, phonenumbers.is_valid_number(number)) == (
            phonenumbers.format_number(number, PhoneNumberFormat.E164), None, True), (text, region)
        assert normalize_phone(text, region) == Phone(e164, text.strip()), (text, region)
    assert read > 1_000  # the common case (a valid number with its trunk prefix) does take the short way


@pytest.mark.parametrize(("text", "region"), [
    ("06 1234 5678", "IT"),  # no trunk prefix in Italy: the 0 is part of the number
    ("0011 49 30 123456", "AU"),  # an international prefix
    ("011 15 2345 6789", "AR"),  # phonenumbers rewrites Argentina's prefix (a transform rule)
    ("0803 123", "NG"),  # too short for Nigeria
    ("0 803 123 4567 ext 12", "NG"),  # not only digits, spaces and hyphens
    ("0803 123 4567", "ZZ"),  # no such region
])
def test_numbers_phonenumbers_would_read_otherwise_are_left_to_it(text, region):
    assert plain_national(text, region) is None
