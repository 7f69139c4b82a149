"""vCard 2.1, 3.0 and 4.0 in, vCard 3.0 out.

Reading works on bytes until each value is known, because a folded line may split a UTF-8
character in two, a QUOTED-PRINTABLE value continues after a soft break ("=" at the end of a
line) on a line that does not start with a space, and one card can mix raw UTF-8, QP with a
CHARSET, and bytes in the file's own legacy code page (see charsets.py for which is used when).
"""

from __future__ import annotations

import quopri
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field

from trade_crm.exchange.files.encoding import detect_encoding
from trade_crm.exchange.vcard.charsets import GUESSED, LOSSY, codec, decode_value, guess, needs_guess

_LINE_BREAK = re.compile(rb"\r\n|\n|\r")
_ESCAPES = {"n": "\n", "N": "\n", ",": ",", ";": ";", "\\": "\\", ":": ":"}
_BINARY = {"PHOTO", "LOGO", "SOUND", "KEY"}
_SKIPPED = {"VERSION", "PRODID", "UID", "REV", "X-ABLABEL", "X-MS-OL-DESIGN", "X-EVOLUTION-FILE-AS",
            "X-MS-OL-DEFAULT-POSTAL-ADDRESS", "CLASS", "SORT-STRING", "X-MOZILLA-HTML", "MAILER", "TZ", "GEO",
            "BEGIN", "END", "CLIENTPIDMAP", "SOURCE", "NAME", "PROFILE", "X-ABUID", "XML"}


@dataclass(frozen=True)
class Address:
    street: str = ""
    city: str = ""
    region: str = ""
    postcode: str = ""
    country: str = ""
    types: tuple[str, ...] = ()

    def one_line(self) -> str:
        return ", ".join(p for p in (self.street.replace("\n", ", "), self.city, self.region,
                                     self.postcode, self.country) if p)


@dataclass(frozen=True)
class Telephone:
    number: str
    types: tuple[str, ...] = ()  # lower-case: "cell", "work", "fax", ...


@dataclass(frozen=True)
class VCard:
    """One card, with everything that has a place in the CRM and the rest as (name, value) pairs."""

    line: int = 0  # line of BEGIN:VCARD in the file
    version: str = "3.0"
    full_name: str = ""
    family_name: str = ""
    given_name: str = ""
    middle_name: str = ""
    prefix: str = ""
    suffix: str = ""
    organization: str = ""
    department: str = ""
    title: str = ""
    emails: tuple[str, ...] = ()
    phones: tuple[Telephone, ...] = ()
    urls: tuple[str, ...] = ()
    addresses: tuple[Address, ...] = ()
    birthday: str = ""
    note: str = ""
    categories: tuple[str, ...] = ()
    impp: tuple[tuple[str, str], ...] = ()  # (service, handle): ("skype", "joe.b"), ("wechat", "wxid")
    other: tuple[tuple[str, str], ...] = field(default_factory=tuple)
    is_company: bool = False  # X-ABShowAs:COMPANY or KIND:org: FN names the company, N (if any) the person
    guessed: bool = False  # some text had no charset of its own and was read with the file's guessed one
    problems: tuple[tuple[str, str], ...] = ()  # (property, message): text a person must check


@dataclass(frozen=True)
class VCardFile:
    cards: list[VCard]
    encoding: str  # what text naming no charset was read as when it is not UTF-8 (a guess, or chosen)
    encodings: tuple[tuple[str, str], ...] = ()  # (encoding, preview): the one used, then close others


@dataclass
class _Property:
    name: str
    params: dict[str, list[str]]
    value: bytes
    line: int
    charset: str | None = field(init=False)  # its own CHARSET, when Python can read text in it
    data: bytes = field(init=False)  # the value's bytes, quoted-printable decoded (the guess reads them too)

    def __post_init__(self) -> None:
        names = self.params.get("CHARSET")
        self.charset = next((found for name in names if (found := codec(name))), None) if names else None
        encodings = self.params.get("ENCODING")
        quoted = encodings is not None and any(e.upper() == "QUOTED-PRINTABLE" for e in encodings)
        self.data = quopri.decodestring(self.value) if quoted else self.value


# --- reading ----------------------------------------------------------------------------------

def _split_params(head: bytes) -> tuple[str, dict[str, list[str]]]:
    parts = re.findall(rb'(?:"[^"]*"|[^;])+', head)
    name = parts[0].decode("ascii", "replace").strip().upper() if parts else ""
    name = name.rpartition(".")[2]  # item1.EMAIL -> EMAIL
    params: dict[str, list[str]] = {}
    for raw in parts[1:]:
        key, eq, value = raw.decode("latin-1").partition("=")
        if not eq:  # vCard 2.1 bare parameter: WORK, QUOTED-PRINTABLE, ...
            key, value = ("ENCODING" if key.strip().upper() in ("QUOTED-PRINTABLE", "BASE64", "8BIT")
                          else "TYPE"), key
        for item in value.split(","):
            params.setdefault(key.strip().upper(), []).append(item.strip().strip('"'))
    return name, params


def _logical_lines(data: bytes) -> list[tuple[int, bytes]]:
    """(number of its first physical line, bytes) per unfolded line, in one pass: a line's parts
    are collected and joined once, and whether it is quoted-printable is decided from its head
    when the line starts, never by re-reading the growing line (which made folding quadratic)."""
    data = data.replace(b"\r\r\n", b"\r\n")
    out: list[tuple[int, bytes]] = []
    number, parts, head = 0, [], b""
    qp_line = qp_open = False

    def flush() -> None:
        if parts:
            out.append((number, b"".join(parts)))

    for index, line in enumerate(_LINE_BREAK.split(data), start=1):
        if parts and line[:1] in (b" ", b"\t"):
            part = line[1:]
        elif parts and qp_open:
            part = line
        elif line.strip():
            flush()
            number, parts, head = index, [], b""
            part = line
        else:
            continue
        if not head and b":" in part:  # the name and parameters end at the first colon
            head = b"".join(parts + [part]).split(b":", 1)[0].upper()
            qp_line = b"QUOTED-PRINTABLE" in head
        qp_open = qp_line and part.endswith(b"=")
        parts.append(part[:-1] if qp_open else part)  # "=" at the end: a soft line break
    flush()
    return out


def _properties(data: bytes) -> list[list[_Property]]:
    cards: list[list[_Property]] = []
    current: list[_Property] | None = None
    for number, line in _logical_lines(data):
        head, colon, value = line.partition(b":")
        if not colon:
            continue
        name, params = _split_params(head)
        if name == "BEGIN" and value.strip().upper() == b"VCARD":
            current = []
            cards.append(current)
            current.append(_Property(name, params, value, number))
        elif name == "END":
            current = None
        elif current is not None:
            current.append(_Property(name, params, value, number))
    return cards


def _unescape(text: str) -> str:
    return re.sub(r"\\(.)", lambda m: _ESCAPES.get(m.group(1), m.group(0)), text)


def _components(text: str) -> list[str]:
    return [_unescape(p).strip() for p in re.split(r"(?<!\\);", text)]


def _types(prop: _Property) -> tuple[str, ...]:
    return tuple(t.lower() for t in prop.params.get("TYPE", []) if t)


_COLUMN = {"FN": "Name", "N": "Name", "ORG": "Company", "TITLE": "Title", "ROLE": "Title", "EMAIL": "Email",
           "TEL": "Phone", "URL": "Website", "ADR": "Address", "LABEL": "Address", "NOTE": "Notes"}


def _is_binary(prop: _Property) -> bool:
    return prop.name in _BINARY or prop.params.get("ENCODING", [""])[0].upper() in ("BASE64", "B")


def _card_charsets(props: list[_Property]) -> list[str]:
    return list(dict.fromkeys(c for p in props if (c := p.charset)))


def _guess_samples(cards: list[list[_Property]]) -> list[bytes]:
    """The values no charset of their own, of their card or UTF-8 reads: what the file's guess is made from."""
    samples = []
    for props in cards:
        siblings = _card_charsets(props)
        samples += [raw for p in props if not _is_binary(p) and needs_guess(raw := p.data, p.charset, siblings)]
    return samples


def _card(props: list[_Property], default: str, unicode_file: bool = False) -> VCard:
    """One card; in a UTF-16/32 file (already re-encoded as UTF-8) a CHARSET parameter means nothing."""
    values: dict[str, object] = {"line": props[0].line if props else 0}
    emails, phones, urls, addresses, categories, impp, other, notes = [], [], [], [], [], [], [], []
    labels, problems = [], []
    siblings = [] if unicode_file else _card_charsets(props)
    for prop in props:
        name = prop.name
        if _is_binary(prop):
            continue
        own = None if unicode_file else prop.charset
        text, how = decode_value(prop.data, own, siblings, default)
        text = unicodedata.normalize("NFC", text)
        values["guessed"] = values.get("guessed", False) or how == GUESSED
        if "\ufffd" in text:
            why = (f"the text is not {own} as the card says" if own else f"the text is not {default}"
                   ) if how == LOSSY else "the file holds it (a character lost before the file was written)"
            problems.append((_COLUMN.get(name, "Other"), f"{name}: some characters are stored as \ufffd: {why}; "
                             "check this contact"))
        if name == "VERSION":
            values["version"] = text.strip()
        if name in _SKIPPED or not text.strip():
            continue
        if name == "FN":
            values["full_name"] = _unescape(text).strip()
        elif name == "N":
            parts = [*_components(text), "", "", "", "", ""]
            for key, part in zip(("family_name", "given_name", "middle_name", "prefix", "suffix"), parts, strict=False):
                values[key] = part
        elif name == "ORG":
            parts = [p for p in _components(text) if p]
            if parts and "organization" not in values:
                values["organization"], values["department"] = parts[0], ", ".join(parts[1:])
            elif parts:
                other.append(("ORG", ", ".join(parts)))
        elif name in ("TITLE", "ROLE"):
            values["title"] = ", ".join(p for p in (values.get("title", ""), _unescape(text).strip()) if p)
        elif name == "EMAIL":
            emails.append(_unescape(text).strip())
        elif name == "TEL":
            phones.append(Telephone(_unescape(text).strip().removeprefix("tel:"), _types(prop)))
        elif name == "URL":
            urls.append(_unescape(text).strip())
        elif name == "ADR":
            box, ext, street, city, region, postcode, country, *_ = [*_components(text), *[""] * 7]
            addresses.append(Address(", ".join(p for p in (street, ext, box) if p), city, region, postcode,
                                     country, _types(prop)))
        elif name == "LABEL":  # the address as printed on an envelope: the address when the card has no ADR
            labels.append(Address(_unescape(text).strip(), types=_types(prop)))
        elif name == "X-ABSHOWAS" or name == "KIND":
            values["is_company"] = text.strip().upper() in ("COMPANY", "ORG", "ORGANIZATION")
        elif name == "BDAY":
            values["birthday"] = text.strip()
        elif name == "NOTE":
            notes.append(_unescape(text).strip())
        elif name == "CATEGORIES":
            categories.extend(p.strip() for p in re.split(r"(?<!\\),", _unescape(text)) if p.strip())
        elif name in ("IMPP", "X-SKYPE", "X-SKYPE-USERNAME", "X-WECHAT", "X-WHATSAPP", "X-QQ"):
            service, _, handle = _unescape(text).strip().rpartition(":")
            impp.append(((service or name.removeprefix("X-").split("-")[0]).lower(), handle))
        else:
            other.append((name, _unescape(text).strip()))
    values.update(emails=tuple(emails), phones=tuple(phones), urls=tuple(urls),
                  addresses=tuple(addresses or labels), categories=tuple(categories), impp=tuple(impp),
                  other=tuple(other), note="\n\n".join(notes), problems=tuple(problems))
    return VCard(**values)  # type: ignore[arg-type]


def read_vcards(data: bytes, encoding: str | None = None) -> VCardFile:
    """Every card in the file, in order, and the code page text naming no charset was read with:
    `encoding` when a person chose one, else a guess from the bytes (UTF-8 when none is needed)."""
    unicode_file = data.startswith((b"\xff\xfe", b"\xfe\xff")) or data[1:2] == b"\x00" or data[:1] == b"\x00"
    if unicode_file:
        found = detect_encoding(data)
        data = data.decode(found, errors="replace").lstrip("\ufeff").encode("utf-8")
    elif data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    cards = _properties(data)
    if encoding is not None and codec(encoding) is None:
        raise LookupError(encoding)
    used, encodings = guess([] if unicode_file else _guess_samples(cards), encoding)
    return VCardFile([_card(props, used, unicode_file) for props in cards], used, encodings)


def parse_vcards(data: bytes) -> list[VCard]:
    """Every card in the file, in order; a file with no BEGIN:VCARD gives an empty list."""
    return read_vcards(data).cards


# --- writing ----------------------------------------------------------------------------------

def _escape(text: str) -> str:
    return (text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
            .replace("\r\n", "\n").replace("\n", "\\n"))


def _fold(line: str) -> str:
    """Fold at 75 octets without splitting a UTF-8 character."""
    out, current, size = [], "", 0
    for ch in line:
        width = len(ch.encode("utf-8"))
        if size + width > 75:
            out.append(current)
            current, size = " ", 1
        current += ch
        size += width
    out.append(current)
    return "\r\n".join(out)


def _line(name: str, value: str, params: str = "") -> str:
    return _fold(f"{name}{params}:{value}")


def write_vcard(card: VCard) -> str:
    """One vCard 3.0 as text with CRLF line ends (what Outlook, Google and iOS all read)."""
    full = card.full_name or " ".join(p for p in (card.given_name, card.family_name) if p) or card.organization
    lines = ["BEGIN:VCARD", "VERSION:3.0", _line("FN", _escape(full))]
    name = ";".join(_escape(p) for p in (card.family_name, card.given_name, card.middle_name, card.prefix,
                                         card.suffix))
    lines.append(_line("N", name))
    if card.organization:
        org = _escape(card.organization) + (";" + _escape(card.department) if card.department else "")
        lines.append(_line("ORG", org))
    if card.title:
        lines.append(_line("TITLE", _escape(card.title)))
    lines += [_line("EMAIL", _escape(e), ";TYPE=INTERNET") for e in card.emails]
    for phone in card.phones:
        types = ";TYPE=" + ",".join(t.upper() for t in phone.types) if phone.types else ""
        lines.append(_line("TEL", _escape(phone.number), types))
    for address in card.addresses:
        parts = ("", "", address.street, address.city, address.region, address.postcode, address.country)
        types = ";TYPE=" + ",".join(t.upper() for t in address.types) if address.types else ""
        lines.append(_line("ADR", ";".join(_escape(p) for p in parts), types))
    lines += [_line("URL", _escape(u)) for u in card.urls]
    lines += [_line("IMPP", _escape(f"{service}:{handle}")) for service, handle in card.impp]
    if card.birthday:
        lines.append(_line("BDAY", card.birthday))
    if card.categories:
        lines.append(_line("CATEGORIES", ",".join(_escape(c) for c in card.categories)))
    if card.note:
        lines.append(_line("NOTE", _escape(card.note)))
    lines.append("END:VCARD")
    return "\r\n".join(lines) + "\r\n"


def write_vcards(cards: Iterable[VCard]) -> str:
    return "".join(write_vcard(card) for card in cards)
