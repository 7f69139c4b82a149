"""vCards as import rows: one row per card, under headers the synonym table maps by itself."""

from __future__ import annotations

from dataclasses import dataclass

from trade_crm.exchange.vcard.cards import Address, VCard, read_vcards

CARD_COLUMNS = ("Name", "First Name", "Middle Name", "Last Name", "Company", "Department", "Title", "Email",
                "Phone", "Fax", "WhatsApp", "WeChat", "Skype", "Website", "Address", "City", "Country",
                "Birthday", "Notes", "Categories", "Other")


@dataclass(frozen=True)
class CardTable:
    """A vCard file as a grid (the header row numbered 0, then each card at its BEGIN line) and what
    a person should know about how its text was read."""

    grid: list[tuple[int, list[str]]]
    encoding: str = ""
    encodings: tuple[tuple[str, str], ...] = ()  # (encoding, preview) when text was read by a guess
    notices: tuple[str, ...] = ()
    warnings: tuple[tuple[int, str, str], ...] = ()  # (line, column, message)


def is_company_card(card: VCard) -> bool:
    """FN names the company, not a person: the card says so, or FN is the ORG."""
    return card.is_company or bool(card.organization and card.full_name.strip().casefold()
                                   == card.organization.strip().casefold())


def card_row(card: VCard) -> dict[str, str]:
    """One card as cells under CARD_COLUMNS; what has no column of its own goes to "Other".

    Every number is a phone (a fax or a pager too, since "fax, voice" is often the office line), and
    a fax is also listed under "Fax" so the notes say which it is. On a company card the contact
    is the person of N, so "Name" stays empty and the name parts say who it is.
    """
    phones = [p.number for p in card.phones]
    faxes = [p.number for p in card.phones if "fax" in p.types]
    handles = {service: handle for service, handle in card.impp}
    other = [f"{name.title()}: {value}" for name, value in card.other]
    other += [f"Pager: {p.number}" for p in card.phones if "pager" in p.types]
    other += [f"{service.title()}: {handle}" for service, handle in card.impp
              if service not in ("whatsapp", "wechat", "skype")]
    address = card.addresses[0] if card.addresses else Address()
    other += [f"Address: {a.one_line()}" for a in card.addresses[1:]]
    person = " ".join(p for p in (card.prefix, card.given_name, card.middle_name, card.family_name, card.suffix) if p)
    name = "" if is_company_card(card) else card.full_name or person
    cells = {
        "Name": name, "First Name": card.given_name, "Middle Name": card.middle_name,
        "Last Name": card.family_name, "Company": card.organization or (card.full_name if is_company_card(card)
                                                                        else ""),
        "Department": card.department,
        "Title": card.title, "Email": "; ".join(card.emails), "Phone": "; ".join(phones),
        "Fax": "; ".join(faxes), "WhatsApp": handles.get("whatsapp", ""), "WeChat": handles.get("wechat", ""),
        "Skype": handles.get("skype", ""), "Website": "; ".join(card.urls[:1]),
        "Address": ", ".join(p for p in (address.street.replace("\n", ", "), address.region, address.postcode)
                             if p),
        "City": address.city, "Country": address.country, "Birthday": card.birthday, "Notes": card.note,
        "Categories": ", ".join(card.categories), "Other": "\n".join(other + [f"URL: {u}" for u in card.urls[1:]]),
    }
    return cells


def card_table(data: bytes, encoding: str | None = None) -> CardTable:
    """The cards of a .vcf as rows; `encoding` reads text that names no charset (LookupError if unknown)."""
    found = read_vcards(data, encoding)
    grid = [(0, list(CARD_COLUMNS))]
    grid += [(card.line, [cells.get(c, "") for c in CARD_COLUMNS]) for card in found.cards
             for cells in [card_row(card)]]
    warnings = tuple((card.line, column, message) for card in found.cards for column, message in card.problems)
    guessed = [card.line for card in found.cards if card.guessed]
    notices = ()
    if guessed and encoding is None:
        first = ", ".join(map(str, guessed[:5])) + (" …" if len(guessed) > 5 else "")
        notices = (f"{len(guessed)} card(s) (at line {first}) do not say which character set their text is in; "
                   f"it was read as {found.encoding}, a guess from its bytes: check the names look right",)
    return CardTable(grid, found.encoding if guessed else "", found.encodings if guessed else (), notices, warnings)
