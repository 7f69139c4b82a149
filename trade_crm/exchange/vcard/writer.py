"""The contacts of chosen customers as one vCard 3.0 file, for a phone or an address book.

exchange/vcard/cards.py formats a card (`write_vcard`); this module builds the cards from the store, a
chunk of customers at a time with set-based queries, and writes the file the exporter's safe way
(a temporary file renamed over the target when complete).

Phones are written in international format ("+49 1512 3962725"), which every phone dials from
abroad, typed CELL when phonenumbers knows the number is a mobile, else WORK. WhatsApp, WeChat and
Skype become IMPP entries; the company, its address and website, and the customer's tags
(CATEGORIES) come with each card.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import phonenumbers
from phonenumbers import NumberParseException, PhoneNumberFormat, PhoneNumberType

from trade_crm.domain.world.countries import country_name
from trade_crm.exchange.exporting.workbook import Cancel, ExportCancelled, Progress, output_file
from trade_crm.exchange.vcard.cards import Address, Telephone, VCard, write_vcard
from trade_crm.store.models import database

log = logging.getLogger(__name__)

_IMPP = {"whatsapp": "whatsapp", "wechat": "wechat", "skype": "skype"}


@dataclass(frozen=True)
class VCardExportResult:
    path: str
    customers: int
    cards: int


def split_name(name: str) -> tuple[str, str]:
    """(family, given) for the N property: "Thomas Müller" -> ("Müller", "Thomas"); "刘凯" -> ("刘", "凯")."""
    name = " ".join(name.split())
    if not name:
        return "", ""
    if " " not in name:
        if all("\u3400" <= ch <= "\u9fff" for ch in name) and len(name) > 1:
            return name[0], name[1:]  # a Chinese name: the family name comes first
        return name, ""
    given, _, family = name.rpartition(" ")
    return family, given


def _telephone(value: str, kind: str) -> Telephone:
    try:
        number = phonenumbers.parse(value, None)
    except NumberParseException:
        return Telephone(value, ("voice",))
    mobile = phonenumbers.number_type(number) in (PhoneNumberType.MOBILE, PhoneNumberType.FIXED_LINE_OR_MOBILE)
    text = phonenumbers.format_number(number, PhoneNumberFormat.INTERNATIONAL)
    return Telephone(text, ("cell" if mobile or kind == "whatsapp" else "work", "voice"))


def _query(sql: str, ids: Sequence[int]) -> list[tuple]:
    return database.obj.execute_sql(sql.format(marks=",".join("?" * len(ids))), list(ids)).fetchall()


def cards_for(ids: Sequence[int], *, language: str = "en") -> list[VCard]:
    """One card per contact of these customers, primary contacts first within each customer."""
    if not ids:
        return []
    country_language = "zh" if language.lower().startswith("zh") else "en"
    customers = {row[0]: row for row in _query(
        "SELECT id, name, website, address, city, country FROM customer WHERE id IN ({marks})", ids)}
    tags: dict[int, list[str]] = {}
    for cid, tag in _query("SELECT ct.customer_id, t.name FROM customer_tag ct JOIN tag t ON t.id = ct.tag_id "
                           "WHERE ct.customer_id IN ({marks}) ORDER BY t.name", ids):
        tags.setdefault(cid, []).append(tag)
    channels: dict[int, list[tuple[str, str]]] = {}
    for contact_id, kind, value in _query(
            "SELECT ch.contact_id, ch.kind, ch.value FROM contact_channel ch JOIN contact p ON p.id = ch.contact_id "
            "WHERE p.customer_id IN ({marks}) ORDER BY ch.contact_id, ch.position, ch.id", ids):
        channels.setdefault(contact_id, []).append((kind, value))
    cards = []
    for contact_id, cid, name, title, birthday, notes in _query(
            "SELECT id, customer_id, name, title, birthday, notes FROM contact WHERE customer_id IN ({marks}) "
            "ORDER BY customer_id, is_primary DESC, id", ids):
        _, company, website, address, city, country = customers[cid]
        found = channels.get(contact_id, [])
        phones = [_telephone(v, k) for k, v in found if k == "phone"]
        numbers = {v for k, v in found if k == "phone"}
        phones += [_telephone(v, k) for k, v in found if k == "whatsapp" and v not in numbers]
        family, given = split_name(name)
        where = ()
        if address or city or country:
            where = (Address(street=address, city=city, country=country_name(country, country_language)
                             if country else "", types=("work",)),)
        cards.append(VCard(
            full_name=name or company, family_name=family, given_name=given, organization=company, title=title,
            emails=tuple(v for k, v in found if k == "email"), phones=tuple(phones),
            urls=tuple(u for u in [website, *(v for k, v in found if k == "linkedin")] if u), addresses=where,
            birthday=birthday or "", note=notes, categories=tuple(tags.get(cid, ())),
            impp=tuple((_IMPP[k], v) for k, v in found if k in _IMPP)))
    return cards


def _chunks(ids: Sequence[int], size: int) -> Iterator[Sequence[int]]:
    for start in range(0, len(ids), size):
        yield ids[start:start + size]


def export_vcards(path: str | Path, ids: Sequence[int], *, language: str = "en", progress: Progress | None = None,
                  cancel: Cancel | None = None, chunk_size: int = 1000) -> VCardExportResult:
    """Write the contacts of the customers `ids` to `path` as vCard 3.0 (UTF-8, CRLF line ends)."""
    ids = sorted(ids)
    count = 0
    with output_file(path) as temp, open(temp, "wb") as out:
        for done, chunk in enumerate(_chunks(ids, chunk_size)):
            _check(cancel)
            if progress is not None:
                progress("writing", done * chunk_size, len(ids))
            cards = cards_for(chunk, language=language)
            out.write("".join(write_vcard(card) for card in cards).encode("utf-8"))
            count += len(cards)
        _check(cancel)
    log.info("vCard export: %d customers, %d cards", len(ids), count)
    return VCardExportResult(str(Path(path).expanduser()), len(ids), count)


def _check(cancel: Callable[[], bool] | None) -> None:
    if cancel is not None and cancel():
        raise ExportCancelled()
