"""Contacts (the people at a customer) and their channels: emails, phones, WhatsApp, WeChat, ..."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from trade_crm.domain.clock import Clock
from trade_crm.domain.errors import NotFoundError, ValidationError
from trade_crm.domain.text import clean_block, clean_line, normalize_email, split_emails
from trade_crm.domain.world.phones import normalize_phone, split_phones
from trade_crm.store import search
from trade_crm.store.models import Contact, ContactChannel, Customer, database


@dataclass(frozen=True)
class ContactInput:
    """What a form, an import row or the CLI says about one person."""

    name: str = ""
    title: str = ""
    emails: tuple[str, ...] = ()
    phones: tuple[str, ...] = ()
    whatsapp: str = ""
    wechat: str = ""
    skype: str = ""
    linkedin: str = ""
    birthday: date | None = None
    is_primary: bool = False
    notes: str = ""


@dataclass(frozen=True)
class Channel:
    kind: str
    value: str
    raw: str = ""


@dataclass(frozen=True)
class ContactView:
    id: int
    customer_id: int
    name: str
    title: str
    birthday: date | None
    is_primary: bool
    notes: str
    channels: tuple[Channel, ...] = field(default_factory=tuple)
    version: int = 1

    def values(self, kind: str) -> list[str]:
        return [c.value for c in self.channels if c.kind == kind]

    @property
    def emails(self) -> list[str]:
        return self.values("email")

    @property
    def phones(self) -> list[str]:
        return self.values("phone")

    @property
    def whatsapp(self) -> str:
        found = self.values("whatsapp")
        return found[0] if found else ""


def build_channels(data: ContactInput, region: str | None, field_prefix: str = "") -> list[Channel]:
    """Validate and normalise every channel; raises ValidationError naming the bad one."""
    channels: list[Channel] = []
    seen: set[tuple[str, str]] = set()

    def add(kind: str, value: str, raw: str = "") -> None:
        if (kind, value) not in seen:
            seen.add((kind, value))
            channels.append(Channel(kind, value, raw if raw != value else ""))

    for text in data.emails:
        for part in split_emails(text):
            email = normalize_email(part)
            if email is None:
                raise ValidationError(f"{field_prefix}email", f'"{part}" is not an email address')
            add("email", email)
    for text in data.phones:
        for part in split_phones(text):
            phone = normalize_phone(part, region)
            if phone.value:
                add("phone", phone.value, phone.raw)
    if clean_line(data.whatsapp):
        phone = normalize_phone(clean_line(data.whatsapp), region)
        if phone.e164 is None:
            raise ValidationError(f"{field_prefix}whatsapp", f'"{data.whatsapp}" is not a phone number')
        add("whatsapp", phone.e164, phone.raw)
    for kind in ("wechat", "skype", "linkedin"):
        value = clean_line(getattr(data, kind))
        if value:
            add(kind, value)
    return channels


def _write_channels(contact_id: int, channels: list[Channel]) -> None:
    ContactChannel.delete().where(ContactChannel.contact == contact_id).execute()
    if channels:
        ContactChannel.insert_many(
            [{"contact": contact_id, "kind": c.kind, "value": c.value, "raw": c.raw, "position": i}
             for i, c in enumerate(channels)]
        ).execute()


def _contact_fields(data: ContactInput) -> dict:
    return {
        "name": clean_line(data.name),
        "title": clean_line(data.title),
        "birthday": data.birthday,
        "notes": clean_block(data.notes),
    }


def insert_contact(customer: Customer, data: ContactInput, clock: Clock, field_prefix: str = "") -> int:
    """Insert inside the caller's transaction (shared by add_contact and create_customer)."""
    channels = build_channels(data, customer.country, field_prefix)
    fields = _contact_fields(data)
    if not fields["name"] and not channels:
        raise ValidationError(f"{field_prefix}name", "a contact needs a name or a way to reach them")
    now = clock.now()
    has_primary = Contact.select().where(Contact.customer == customer.id, Contact.is_primary).exists()
    make_primary = data.is_primary or not has_primary
    if make_primary and has_primary:
        Contact.update(is_primary=False).where(Contact.customer == customer.id).execute()
    contact_id = Contact.insert(customer=customer.id, is_primary=make_primary, created_at=now,
                                updated_at=now, **fields).execute()
    _write_channels(contact_id, channels)
    return contact_id


def add_contact(customer_id: int, data: ContactInput, clock: Clock) -> int:
    with database.atomic():
        customer = Customer.get_or_none(Customer.id == customer_id)
        if customer is None:
            raise NotFoundError("customer", customer_id)
        contact_id = insert_contact(customer, data, clock)
        search.reindex(database.obj, [customer_id])
    return contact_id


def update_contact(contact_id: int, data: ContactInput, clock: Clock) -> None:
    with database.atomic():
        contact = Contact.get_or_none(Contact.id == contact_id)
        if contact is None:
            raise NotFoundError("contact", contact_id)
        customer = contact.customer
        channels = build_channels(data, customer.country)
        fields = _contact_fields(data)
        if not fields["name"] and not channels:
            raise ValidationError("name", "a contact needs a name or a way to reach them")
        Contact.update(updated_at=clock.now(), version=Contact.version + 1, **fields).where(
            Contact.id == contact_id).execute()
        _write_channels(contact_id, channels)
        if data.is_primary and not contact.is_primary:
            _make_primary(customer.id, contact_id)
        search.reindex(database.obj, [customer.id])


def _make_primary(customer_id: int, contact_id: int) -> None:
    Contact.update(is_primary=(Contact.id == contact_id)).where(Contact.customer == customer_id).execute()


def set_primary_contact(contact_id: int) -> None:
    with database.atomic():
        contact = Contact.get_or_none(Contact.id == contact_id)
        if contact is None:
            raise NotFoundError("contact", contact_id)
        _make_primary(contact.customer_id, contact_id)


def remove_contact(contact_id: int) -> None:
    """Remove a person; if they were primary, the oldest remaining contact becomes primary."""
    with database.atomic():
        contact = Contact.get_or_none(Contact.id == contact_id)
        if contact is None:
            raise NotFoundError("contact", contact_id)
        customer_id = contact.customer_id
        contact.delete_instance()
        if contact.is_primary:
            successor = (Contact.select(Contact.id).where(Contact.customer == customer_id)
                         .order_by(Contact.id).first())
            if successor:
                _make_primary(customer_id, successor.id)
        search.reindex(database.obj, [customer_id])


def contacts_of(customer_id: int) -> list[ContactView]:
    rows = list(Contact.select().where(Contact.customer == customer_id)
                .order_by(Contact.is_primary.desc(), Contact.id))
    by_contact: dict[int, list[Channel]] = {r.id: [] for r in rows}
    if rows:
        for ch in (ContactChannel.select().where(ContactChannel.contact.in_(list(by_contact)))
                   .order_by(ContactChannel.position)):
            by_contact[ch.contact_id].append(Channel(ch.kind, ch.value, ch.raw))
    return [
        ContactView(r.id, r.customer_id, r.name, r.title, r.birthday, r.is_primary, r.notes,
                    tuple(by_contact[r.id]), r.version)
        for r in rows
    ]


# --- versioned saves (conflicts.py merges these values) ------------------------------------------

CONTACT_COLUMNS = ("name", "title", "birthday", "notes")
CHANNEL_KINDS = ("email", "phone", "whatsapp", "wechat", "skype", "linkedin")


def contact_values(fields: dict, channels: list[Channel] | tuple[Channel, ...]) -> dict:
    """A contact as the fields a save compares: its columns and one tuple of values per channel kind."""
    values = {key: fields[key] for key in CONTACT_COLUMNS}
    for kind in CHANNEL_KINDS:
        values[kind] = tuple(c.value for c in channels if c.kind == kind)
    return values


def view_values(view: ContactView) -> dict:
    return contact_values({"name": view.name, "title": view.title, "birthday": view.birthday,
                           "notes": view.notes}, view.channels)


def input_values(data: ContactInput, region: str | None) -> tuple[dict, dict[str, str]]:
    """What a person typed, cleaned, as `contact_values`; with each channel's raw text by value."""
    channels = build_channels(data, region)
    return contact_values(_contact_fields(data), channels), {c.value: c.raw for c in channels}


def input_of_values(values: dict, is_primary: bool = False) -> ContactInput:
    """`contact_values` back into what the form holds."""
    return ContactInput(
        name=values["name"], title=values["title"], birthday=values["birthday"], notes=values["notes"],
        emails=tuple(values["email"]), phones=tuple(values["phone"]),
        whatsapp=values["whatsapp"][0] if values["whatsapp"] else "",
        wechat=", ".join(values["wechat"]), skype=", ".join(values["skype"]),
        linkedin=", ".join(values["linkedin"]), is_primary=is_primary)


def write_contact(contact_id: int, clock: Clock, changes: dict, version: int, raws: dict[str, str]) -> bool:
    """Write `contact_values`-shaped changes and bump the version, only while it is `version`; False
    when no row matched. Channel kinds not in `changes` keep their stored values."""
    columns = {k: v for k, v in changes.items() if k in CONTACT_COLUMNS}
    if not Contact.update(updated_at=clock.now(), version=Contact.version + 1, **columns).where(
            Contact.id == contact_id, Contact.version == version).execute():
        return False
    if any(kind in changes for kind in CHANNEL_KINDS):
        stored = list(ContactChannel.select().where(ContactChannel.contact == contact_id)
                      .order_by(ContactChannel.position))
        known = {c.value: c.raw for c in stored} | raws
        channels = []
        for kind in CHANNEL_KINDS:
            kept = changes[kind] if kind in changes else tuple(c.value for c in stored if c.kind == kind)
            channels += [Channel(kind, value, known.get(value, "")) for value in kept]
        _write_channels(contact_id, channels)
    return True
