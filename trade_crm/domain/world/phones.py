"""Phone numbers as they arrive from business cards, WhatsApp and Excel, cleaned to E.164.

phonenumbers does the parsing; this module only undoes what spreadsheets and people do to numbers
before they get there (full-width digits, "0086", Excel floats, several numbers in one cell).
Nothing here raises on junk: a number we cannot read is kept as text so no data is lost on import.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass, field

import phonenumbers
from phonenumbers import (
    COUNTRY_CODE_TO_REGION_CODE,
    NumberParseException,
    PhoneMetadata,
    PhoneNumberFormat,
    PhoneNumberType,
    ValidationResult,
)

__all__ = [
    "Phone",
    "example_number",
    "format_phone",
    "international",
    "is_valid",
    "normalize_phone",
    "number_doubt",
    "plain_international",
    "plain_national",
    "plain_possible",
    "split_phones",
    "whatsapp_link",
]

_NON_DIGIT = re.compile(r"\D")
_E164 = re.compile(r"\+[1-9]\d{3,16}")
_EXCEL_FLOAT = re.compile(r"^(\+?\d+)\.0+$")
_EXCEL_SCIENTIFIC = re.compile(r"^(\d)\.(\d+)e\+?(\d+)$", re.IGNORECASE)
# Chinese extension markers; phonenumbers knows "ext", "x" and "#" already.
_ZH_EXTENSION = re.compile(r"\s*(?:转|轉|分机|分機)\s*")
_INTERNATIONAL_00 = re.compile(r"^(\D*)00(?=[1-9])")
_PLUS_FIRST = re.compile(r"^\D*\+")
_NONZERO_FIRST = re.compile(r"^\D*[1-9]")
_PLACEHOLDERS = frozenset({"n/a", "na", "none", "null", "nil", "tbd", "无", "暂无", "没有"})
_SEPARATORS = re.compile(r"\s*(?:[\n\r;,|、]|\s(?:or|and)\s|或|及)\s*", re.IGNORECASE)
_ASCII_SPLITS = re.compile(r"[\n\r;,|/]|\s(?:or|and)\s", re.IGNORECASE)  # what can split an ASCII cell

_KINDS = {
    "mobile": PhoneNumberType.MOBILE,
    "fixed_line": PhoneNumberType.FIXED_LINE,
    "toll_free": PhoneNumberType.TOLL_FREE,
    "voip": PhoneNumberType.VOIP,
}
_STYLES = {
    "international": PhoneNumberFormat.INTERNATIONAL,
    "national": PhoneNumberFormat.NATIONAL,
    "e164": PhoneNumberFormat.E164,
    "rfc3966": PhoneNumberFormat.RFC3966,
}


@dataclass(frozen=True)
class Phone:
    """A phone as entered (`raw`, cleaned of noise) and, when it could be read, its E.164 form."""

    e164: str | None
    raw: str
    extension: str | None = None
    # phonenumbers' validity (not only a possible length); asked once here, as the number is parsed
    valid: bool = field(default=True, compare=False)

    @property
    def value(self) -> str:
        """What to store and show: E.164 when known, else the text as the user gave it."""
        return self.e164 or self.raw

    @property
    def digits(self) -> str:
        """Only the digits, for duplicate matching across formats."""
        return _NON_DIGIT.sub("", self.value)


def _clean(text: str) -> str:
    text = unicodedata.normalize("NFKC", text or "").strip().lstrip("'").strip()
    if text[:4].lower() == "tel:":
        text = text[4:].strip()
    return " ".join(text.split())


def _undo_excel(text: str) -> str | None:
    """The digits Excel turned into a float, or None when its rounding lost some of them."""
    if match := _EXCEL_FLOAT.match(text):
        return match.group(1)
    if match := _EXCEL_SCIENTIFIC.match(text):
        head, tail, exponent = match.groups()
        if len(tail) != int(exponent):  # 1.38123456E+10: the last digits are gone for good
            return None
        return head + tail
    return text


_DESCS = ("premium_rate", "toll_free", "shared_cost", "voip", "personal_number", "pager", "uan", "voicemail",
          "fixed_line")


def _desc(desc) -> tuple[frozenset[int], str] | None:
    """A PhoneNumberDesc as (possible lengths, pattern); None where it matches nothing."""
    if desc is None or not desc.national_number_pattern:
        return None
    return frozenset(desc.possible_length), desc.national_number_pattern


@functools.cache
def _pattern(text: str) -> re.Pattern:
    """A description's pattern, compiled when a number first gets that far: most are never needed (a number
    of +1 is tried against up to 25 regions, whose general pattern or lengths rule it out first), and
    compiling them all took a fresh process's first import ~100 ms."""
    return re.compile(text)


@functools.cache
def _region_rules(region: str) -> tuple | None:
    """A region's metadata read once: (general, the type descriptions and mobile, country code, leading
    digits, national prefix for parsing, {length: the types of that length as one pattern}).

    phonenumbers compiles (or looks up) every pattern again on each call; an import validates
    thousands of numbers, so this keeps them.
    """
    metadata = PhoneMetadata.metadata_for_region(region.upper(), None)
    if metadata is None:
        return None
    types = tuple(d for d in (_desc(getattr(metadata, name)) for name in _DESCS) if d is not None)
    mobile = None if metadata.same_mobile_and_fixed_line_pattern else _desc(metadata.mobile)
    leading = re.compile(metadata.leading_digits) if metadata.leading_digits is not None else None
    prefix = re.compile(metadata.national_prefix_for_parsing) if metadata.national_prefix_for_parsing else None
    return (_desc(metadata.general_desc), types + ((mobile,) if mobile else ()), metadata.country_code, leading,
            prefix, {})


def _matches(nsn: str, desc: tuple[frozenset[int], str] | None) -> bool:
    return desc is not None and (not desc[0] or len(nsn) in desc[0]) and _pattern(desc[1]).fullmatch(nsn) is not None


def _has_type(nsn: str, rules: tuple) -> bool:
    """phonenumbers' number type is not UNKNOWN: the general pattern and one type's pattern match.

    The types a number of this length can be are tried as one alternation, made once per region and
    length: one regular expression call a number instead of up to ten.
    """
    if not _matches(nsn, rules[0]):
        return False
    size = len(nsn)
    typed = rules[5].get(size)
    if typed is None:
        patterns = [desc[1] for desc in rules[1] if not desc[0] or size in desc[0]]
        typed = rules[5][size] = _pattern("|".join(f"(?:{p})" for p in patterns)) if patterns else False
    return typed is not False and typed.fullmatch(nsn) is not None


def is_valid(number: phonenumbers.PhoneNumber) -> bool:
    """phonenumbers.is_valid_number, with the region's patterns compiled once (same answer, a third of the time)."""
    regions = COUNTRY_CODE_TO_REGION_CODE.get(number.country_code)
    if not regions or regions[0] == "001":  # no region, or a non-geographic code: phonenumbers' own way
        return phonenumbers.is_valid_number(number)
    return _valid_nsn(number.country_code, regions, phonenumbers.national_significant_number(number))


def _valid_nsn(code: int, regions: tuple[str, ...], nsn: str) -> bool:
    for region in regions:  # the region the number belongs to, chosen as region_code_for_number does
        rules = _region_rules(region)
        if rules is None:
            continue
        if len(regions) == 1 or (rules[3].match(nsn) if rules[3] is not None else _has_type(nsn, rules)):
            return rules[2] == code and _has_type(nsn, rules)
    return False


_PLAIN_PLUS = re.compile(r"\+[1-9][0-9 \-]{6,40}[0-9]")


def _plain_plus(text: str) -> tuple[str, int, tuple[str, ...], str] | None:
    """("+<country code> <digits>" as digits, the code, its regions, the national number) when phonenumbers
    would read the text as those very digits: spaces and hyphens only, and nothing it would change (a national
    prefix after the code, an Italian leading zero) or read otherwise (a non-geographic code); else None."""
    if not _PLAIN_PLUS.fullmatch(text):
        return None
    digits = text[1:].replace(" ", "").replace("-", "")
    for size in (1, 2, 3):  # calling codes are prefix-free
        code = int(digits[:size])
        regions = COUNTRY_CODE_TO_REGION_CODE.get(code)
        if regions:
            break
    else:
        return None
    nsn = digits[size:]
    if not 2 <= len(nsn) <= 17 or nsn[0] == "0" or regions[0] == "001":
        return None
    rules = _region_rules(regions[0])  # the metadata phonenumbers strips a national prefix by
    if rules is None or (rules[4] is not None and rules[4].match(nsn)):
        return None
    return digits, code, regions, nsn


def plain_international(text: str) -> str | None:
    """The E.164 form of "+<country code> <digits>" (spaces and hyphens only) when phonenumbers would
    read it as those very digits and call it valid; else None, and phonenumbers reads it.

    Most numbers in a trade-show list are written this way; reading them takes a tenth of a parse.
    Anything phonenumbers would change (a national prefix after the code, an Italian leading zero,
    a non-geographic code) or not accept is left to it.
    """
    plain = _plain_plus(text)
    return f"+{plain[0]}" if plain is not None and _valid_nsn(plain[1], plain[2], plain[3]) else None


@functools.cache
def _possible_lengths(region: str) -> tuple[frozenset[int], frozenset[int]]:
    """A region's possible lengths of a national number, and those only possible locally (phonenumbers'
    general description, as is_possible_number_with_reason tests a number of unknown type)."""
    general = PhoneMetadata.metadata_for_region(region, None).general_desc
    return frozenset(general.possible_length or ()) - {-1}, frozenset(general.possible_length_local_only or ())


def plain_possible(text: str) -> str | None:
    """plain_international for a number phonenumbers calls possible but not valid (its length fits the
    country, its digits fit no type): the E.164 form normalize_phone keeps, with a doubt; else None."""
    plain = _plain_plus(text)
    if plain is None or _valid_nsn(plain[1], plain[2], plain[3]):
        return None
    lengths, local = _possible_lengths(plain[2][0])
    return f"+{plain[0]}" if len(plain[3]) in lengths and len(plain[3]) not in local else None


_PLAIN_NATIONAL = re.compile(r"0[0-9 \-]{3,40}[0-9]")


@functools.cache
def _national_rules(region: str) -> tuple | None:
    """What plain_national needs of a region: (calling code, its regions, the national prefix as
    phonenumbers strips it, the international prefix, the general lengths, the local-only lengths); None
    where phonenumbers rewrites the prefix (a transform rule) or the region has no prefix to strip."""
    metadata = PhoneMetadata.metadata_for_region(region, None)
    if metadata is None or not metadata.national_prefix_for_parsing or metadata.national_prefix_transform_rule:
        return None
    regions = COUNTRY_CODE_TO_REGION_CODE.get(metadata.country_code)
    general = metadata.general_desc
    if not regions or regions[0] == "001" or general is None or not general.possible_length:
        return None
    idd = re.compile(metadata.international_prefix) if metadata.international_prefix else None
    return (metadata.country_code, regions, re.compile(metadata.national_prefix_for_parsing), idd,
            frozenset(general.possible_length), frozenset(general.possible_length_local_only or ()))


def plain_national(text: str, region: str) -> str | None:
    """The E.164 form of a national number typed with its trunk prefix, digits with spaces and hyphens
    only ("0803 123 4567" in NG), when phonenumbers would read it in `region` as the digits after that
    prefix and call it valid; else None, and phonenumbers reads it.

    As phonenumbers.parse does: nothing that could be an international prefix, the national prefix
    stripped as its metadata says, and the rest a possible length that is not only a local one.
    """
    if not _PLAIN_NATIONAL.fullmatch(text):
        return None
    rules = _national_rules(region)
    if rules is None:
        return None
    code, regions, prefix, idd, lengths, local = rules
    digits = text.replace(" ", "").replace("-", "")
    if idd is not None and idd.match(digits):
        return None
    found = prefix.match(digits)
    if found is None or not found.end():
        return None
    nsn = digits[found.end():]
    if not 2 <= len(nsn) <= 17 or nsn[0] == "0" or len(nsn) not in lengths or len(nsn) in local:
        return None
    return f"+{code}{nsn}" if _valid_nsn(code, regions, nsn) else None


def _parse(text: str, region: str | None, require_valid: bool) -> tuple[phonenumbers.PhoneNumber, bool] | None:
    """The number and whether it is valid, or None when it cannot be read (or must be valid and is not)."""
    try:
        number = phonenumbers.parse(text, region)
    except NumberParseException:
        return None
    valid = is_valid(number)
    if valid or (not require_valid
                 and phonenumbers.is_possible_number_with_reason(number) == ValidationResult.IS_POSSIBLE):
        return number, valid  # a possible number is kept either way
    return None


def _read(text: str, region: str | None) -> tuple[phonenumbers.PhoneNumber, bool] | None:
    if _PLUS_FIRST.match(text):
        return _parse(text, None, require_valid=False)
    local = _parse(text, region, require_valid=True) if region else None
    abroad = _parse("+" + text, None, require_valid=True) if _NONZERO_FIRST.match(text) else None
    if local and abroad and local[0] != abroad[0]:
        # Germany accepts almost any digit string, so "8613812345678" is valid there too. A national
        # number that is dialled with a trunk prefix ("0") typed without it was meant as international;
        # a Chinese mobile ("133...", no trunk prefix) stays local even though +1 331 is valid too.
        national = _NON_DIGIT.sub("", phonenumbers.format_number(local[0], PhoneNumberFormat.NATIONAL))
        typed = _NON_DIGIT.sub("", text)
        return abroad if len(national) > len(typed) and national.endswith(typed) else local
    return local or abroad or (_parse(text, region, require_valid=False) if region else None)


@functools.lru_cache(maxsize=16_384)
def normalize_phone(text: str, default_region: str | None = None) -> Phone:
    """Read a phone number typed or pasted by a person; never raises.

    Cached: a trade-show list repeats numbers (mobile and WhatsApp are often the same), and the
    result is a frozen value of its arguments alone.

    Without "+" the number is read in `default_region`; if that fails, or no region is given, a
    leading country calling code is tried ("8613812345678"), but only a valid result is accepted.
    """
    tried = None
    if text and text[0] == "+" and "  " not in text:
        if e164 := plain_international(text):
            return Phone(e164=e164, raw=text)  # "+49 30 1234 5678": nothing for _clean or _undo_excel to change
        if e164 := plain_possible(text):
            return Phone(e164=e164, raw=text, valid=False)
        tried = text
    raw = _clean(text)
    candidate = _undo_excel(raw)
    if candidate is None or not any(c.isdigit() for c in candidate):
        return Phone(e164=None, raw=raw)
    if not candidate.isascii():  # the regular expressions only where they can change something
        candidate = _ZH_EXTENSION.sub(" ext. ", candidate)
    if "00" in candidate:
        candidate = _INTERNATIONAL_00.sub(r"\1+", candidate)  # 0086 ..., (0049) ...
    if candidate != tried and (e164 := plain_international(candidate)):
        return Phone(e164=e164, raw=raw)
    region = default_region.strip().upper() if default_region and default_region.strip() else None
    if region and (e164 := plain_national(candidate, region)):
        return Phone(e164=e164, raw=raw)

    read = _read(candidate, region)
    if read is None:
        return Phone(e164=None, raw=raw)
    number, valid = read  # validity asked once, as the number was read
    e164 = phonenumbers.format_number(number, PhoneNumberFormat.E164)
    return Phone(e164=e164, raw=raw, extension=number.extension or None, valid=valid)


def split_phones(text: str) -> list[str]:
    """Split a cell holding several numbers; spaces and dashes inside a number are kept.

    "/" separates only when both sides are long enough to be numbers, because "0170/1234567" is one
    German number while "+86 138 1234 5678 / +86 139 8765 4321" is two.
    """
    if text and text.isascii() and not _ASCII_SPLITS.search(text):  # one number, as most cells hold
        part = text.strip()
        return [part] if any(c.isalnum() for c in part) and part.casefold() not in _PLACEHOLDERS else []
    parts: list[str] = []
    for chunk in _SEPARATORS.split(unicodedata.normalize("NFKC", text or "")):
        pieces = [p.strip() for p in chunk.split("/")]
        merged: list[str] = []
        for piece in pieces:
            short = len(_NON_DIGIT.sub("", piece)) < 7
            if merged and (short or len(_NON_DIGIT.sub("", merged[-1])) < 7):
                merged[-1] = f"{merged[-1]}/{piece}"
            else:
                merged.append(piece)
        parts.extend(p.strip(" /") for p in merged)
    # Text with no digits ("ask reception") is kept too, as the user wrote it; placeholders are not.
    return [p for p in parts if any(c.isalnum() for c in p) and p.casefold() not in _PLACEHOLDERS]


def whatsapp_link(phone_e164: str) -> str:
    """Click-to-chat link; wa.me wants the international number as bare digits."""
    digits = _NON_DIGIT.sub("", phone_e164 or "")
    if not digits:
        raise ValueError(f'no digits in phone number "{phone_e164}"')
    return f"https://wa.me/{digits}"


def example_number(region: str, kind: str = "mobile") -> str:
    """A valid example number in E.164 for a region, so demo data passes validation."""
    if kind not in _KINDS:
        raise ValueError(f'unknown phone kind "{kind}"; expected one of {", ".join(_KINDS)}')
    number = phonenumbers.example_number_for_type(region.upper(), _KINDS[kind])
    if number is None:
        raise ValueError(f'no example {kind} number for region "{region}"')
    return phonenumbers.format_number(number, PhoneNumberFormat.E164)


def format_phone(e164: str, style: str = "international") -> str:
    """Format for display ("international", "national", "e164", "rfc3966"); unreadable text is shown as is."""
    if style not in _STYLES:
        raise ValueError(f'unknown phone style "{style}"; expected one of {", ".join(_STYLES)}')
    try:
        number = phonenumbers.parse(e164, None)
    except NumberParseException:
        return e164
    return phonenumbers.format_number(number, _STYLES[style])


_PLACEHOLDER_DIGITS = re.compile(r"123456789|987654321|(\d)\1{6,}")


def number_doubt(phone: Phone, region: str | None = None) -> str | None:
    """Why a number that was read cannot be a real one, said for a row problem; None when it can.

    normalize_phone keeps any *possible* number (a length check); this says when it is not *valid*
    (+91848484848, US area code 111), a placeholder (12345678900), or typed without "+" in a row of
    one country but only readable as another country's (a Chinese "12345678900" is not +1 234 567 8900).
    Cheap for a real number: no second parse unless something is wrong.
    """
    if not phone.e164:
        return None
    typed_digits = _NON_DIGIT.sub("", phone.raw)  # most often the E.164 digits themselves: searched once then
    if _PLACEHOLDER_DIGITS.search(phone.e164) or (
            typed_digits != phone.e164[1:] and _PLACEHOLDER_DIGITS.search(typed_digits)):
        return "looks like a placeholder, not a phone number"
    if not phone.valid:
        code = _calling_code(phone.e164[1:4]) or phonenumbers.parse(phone.e164, None).country_code
        where = phonenumbers.region_code_for_country_code(code)
        return f"is not a valid number for +{code}" + (f" ({where})" if where != "ZZ" else "")
    home = _home_code(region or "")
    if not home or phone.e164.startswith(f"+{home}"):  # calling codes are prefix-free
        return None
    typed = _clean(phone.raw)
    if _PLUS_FIRST.match(typed) or _INTERNATIONAL_00.match(typed):
        return None  # dialled abroad on purpose
    region = (region or "").strip().upper()
    try:
        local = phonenumbers.parse(typed, region)
    except NumberParseException:
        return None
    if phonenumbers.is_possible_number(local) and not is_valid(local):
        return f"is not a valid number for {region}; read with another country code it would be {phone.e164}"
    return None


@functools.lru_cache(maxsize=512)
def _home_code(region: str) -> int:
    """The calling code of a region ("DE" -> 49), 0 for none: asked for every number of an import."""
    region = region.strip().upper()
    return phonenumbers.country_code_for_region(region) if region else 0


_GROUP = re.compile(r"\\(\d)")


@functools.cache
def _international_formats(country_code: int) -> tuple[tuple[re.Pattern | None, re.Pattern, str], ...]:
    """phonenumbers' formats for INTERNATIONAL in this country code, compiled once: (leading digits,
    pattern, the rule "\\1 \\2" as a str.format template "{0} {1}")."""
    region = phonenumbers.region_code_for_country_code(country_code)
    metadata = PhoneMetadata.metadata_for_region_or_calling_code(country_code, region.upper())
    if metadata is None:
        return ()
    return tuple((re.compile(f.leading_digits_pattern[-1]) if f.leading_digits_pattern else None,
                  re.compile(f.pattern),
                  _GROUP.sub(lambda m: f"{{{int(m.group(1)) - 1}}}", f.format.replace("{", "{{").replace("}", "}}")))
                 for f in metadata.intl_number_format or metadata.number_format)


@functools.cache
def _calling_code(first_digits: str) -> int | None:
    """The country calling code an E.164 number starting with these three digits has (codes are prefix-free)."""
    return next((code for length in (1, 2, 3) if (code := int(first_digits[:length])) in COUNTRY_CODE_TO_REGION_CODE),
                None)


def international(value: str) -> str:
    """A stored E.164 number as phonenumbers writes it INTERNATIONAL ("+49 89 1234567"); other text as is.

    The same choice of format as phonenumbers.format_number, without parsing: an export formats a
    phone per row of 100,000, and parse + format_number costs about 20 µs a number, this a few.
    """
    if not _E164.fullmatch(value):
        return value
    code = _calling_code(value[1:4])
    if code is None:
        return value
    national = value[len(str(code)) + 1:]
    for leading, pattern, template in _international_formats(code):
        if leading is None or leading.match(national):
            match = pattern.fullmatch(national)
            if match:
                return f"+{code} {template.format(*match.groups(''))}"
    return f"+{code} {national}"
