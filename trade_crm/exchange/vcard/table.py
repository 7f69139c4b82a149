"""vCards as import rows: one row per card, under headers the synonym table maps by itself."""

from __future__ import annotations

from trade_crm.exchange.vcard.cards import Address, VCard

CARD_COLUMNS = ("Name", "First Name", "Middle Name", "Last Name", "Company", "Department", "Title", "Email",
                "Phone", "Fax", "WhatsApp", "WeChat", "Skype", "Website", "Address", "City", "Country",
                "Birthday", "Notes", "Categories", "Other")


def card_row(card: VCard) -> dict[str, str]:
    """One card as cells under CARD_COLUMNS; what has no column of its own goes to "Other"."""
    phones = [p.number for p in card.phones if "fax" not in p.types and "pager" not in p.types]
    faxes = [p.number for p in card.phones if "fax" in p.types]
    handles = {service: handle for service, handle in card.impp}
    other = [f"{name.title()}: {value}" for name, value in card.other]
    other += [f"Pager: {p.number}" for p in card.phones if "pager" in p.types]
    other += [f"{service.title()}: {handle}" for service, handle in card.impp
              if service not in ("whatsapp", "wechat", "skype")]
    address = card.addresses[0] if card.addresses else Address()
    other += [f"Address: {a.one_line()}" for a in card.addresses[1:]]
    name = card.full_name or " ".join(p for p in (card.prefix, card.given_name, card.middle_name,
                                                   card.family_name, card.suffix) if p)
    cells = {
        "Name": name, "First Name": card.given_name, "Middle Name": card.middle_name,
        "Last Name": card.family_name, "Company": card.organization, "Department": card.department,
        "Title": card.title, "Email": "; ".join(card.emails), "Phone": "; ".join(phones),
        "Fax": "; ".join(faxes), "WhatsApp": handles.get("whatsapp", ""), "WeChat": handles.get("wechat", ""),
        "Skype": handles.get("skype", ""), "Website": "; ".join(card.urls[:1]),
        "Address": ", ".join(p for p in (address.street.replace("\n", ", "), address.region, address.postcode)
                             if p),
        "City": address.city, "Country": address.country, "Birthday": card.birthday, "Notes": card.note,
        "Categories": ", ".join(card.categories), "Other": "\n".join(other + [f"URL: {u}" for u in card.urls[1:]]),
    }
    return cells
