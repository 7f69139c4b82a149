"""Customers: create, update, delete (undoably), tag, and read one with everything around it."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from trade_crm.domain.clock import Clock
from trade_crm.domain.customers.conflicts import (
    StaleRead,
    field_conflicts,
    lock_row,
    resolved,
    run_versioned,
    three_way,
)
from trade_crm.domain.customers.contacts import ContactInput, ContactView, contacts_of, insert_contact
from trade_crm.domain.errors import EditConflict, NotFoundError, ValidationError
from trade_crm.domain.text import clean_block, clean_line
from trade_crm.domain.world.countries import UnknownCountryError, normalize_country
from trade_crm.store import search, snapshot
from trade_crm.store.models import (
    RATINGS,
    SOURCES,
    Customer,
    CustomerTag,
    CustomField,
    CustomFieldValue,
    Tag,
    database,
)

TEXT_FIELDS = ("alt_name", "city", "address", "website", "industry", "products", "company_size", "preferred_language")
EDITABLE_FIELDS = ("name", "country", *TEXT_FIELDS, "source", "rating", "currency", "notes",
                   "follow_up_on", "lost")
_SOURCE_ALIASES = {
    "trade show": "trade_show", "tradeshow": "trade_show", "fair": "trade_show", "exhibition": "trade_show",
    "展会": "trade_show", "inquiry": "website", "website inquiry": "website", "web": "website", "网站": "website",
    "询盘": "website", "alibaba": "marketplace", "made-in-china": "marketplace", "平台": "marketplace",
    "referral": "referral", "介绍": "referral", "转介绍": "referral",
}
_CURRENCY = re.compile(r"^[A-Z]{3}$")


@dataclass(frozen=True)
class CustomerDetail:
    """One customer as a form or `customer show` needs it."""

    id: int
    name: str
    country: str | None
    city: str
    address: str
    website: str
    source: str
    industry: str
    products: str
    company_size: str
    rating: str | None
    preferred_language: str
    currency: str
    notes: str
    lifecycle: str
    lost: bool
    follow_up_on: date | None
    last_contact_at: datetime | None
    created_at: datetime
    updated_at: datetime
    contacts: tuple[ContactView, ...] = ()
    tags: tuple[str, ...] = ()
    custom_fields: dict[str, str] = field(default_factory=dict)
    alt_name: str = ""  # the name in another script or language; search finds it
    version: int = 1  # bumped by every save; a save names the version it started from

    @property
    def primary_contact(self) -> ContactView | None:
        return self.contacts[0] if self.contacts else None


def clean_customer_fields(values: dict[str, Any], *, creating: bool) -> dict[str, Any]:
    """Validate and normalise customer fields; the first bad one raises ValidationError."""
    unknown = set(values) - set(EDITABLE_FIELDS)
    if unknown:
        raise ValidationError(sorted(unknown)[0], "is not a customer field")
    out: dict[str, Any] = {}
    if "name" in values or creating:
        name = clean_line(values.get("name"))
        if not name:
            raise ValidationError("name", "the customer needs a name")
        out["name"] = name
    if "country" in values:
        try:
            out["country"] = normalize_country(clean_line(values["country"]) or None)
        except UnknownCountryError as exc:
            raise ValidationError("country", str(exc)) from exc
    for key in TEXT_FIELDS:
        if key in values:
            out[key] = clean_line(values[key])
    if "notes" in values:
        out["notes"] = clean_block(values["notes"])
    if "source" in values:
        raw = clean_line(values["source"]).lower() or "other"
        source = _SOURCE_ALIASES.get(raw, raw.replace(" ", "_"))
        if source not in SOURCES:
            raise ValidationError("source", f'"{values["source"]}" is not one of {", ".join(SOURCES)}')
        out["source"] = source
    if "rating" in values:
        rating = clean_line(values["rating"]).upper() or None
        if rating is not None and rating not in RATINGS:
            raise ValidationError("rating", f'"{values["rating"]}" is not one of {", ".join(RATINGS)}')
        out["rating"] = rating
    if "currency" in values:
        currency = clean_line(values["currency"]).upper()
        if currency and not _CURRENCY.match(currency):
            raise ValidationError("currency", f'"{values["currency"]}" is not a 3-letter currency code')
        out["currency"] = currency
    if "follow_up_on" in values:
        value = values["follow_up_on"]
        if isinstance(value, str):
            try:
                value = date.fromisoformat(value) if value.strip() else None
            except ValueError as exc:
                raise ValidationError("follow_up_on", f'"{value}" is not a date (YYYY-MM-DD)') from exc
        out["follow_up_on"] = value
    if "lost" in values:
        out["lost"] = bool(values["lost"])
    return out


def create_customer(clock: Clock, *, contacts: tuple[ContactInput, ...] | list[ContactInput] = (),
                    tags: tuple[str, ...] | list[str] = (), custom_fields: dict[str, str] | None = None,
                    **values: Any) -> int:
    """Create a customer with its contacts, tags and custom fields in one transaction."""
    fields = clean_customer_fields(values, creating=True)
    now = clock.now()
    with database.atomic():
        customer_id = Customer.insert(created_at=now, updated_at=now, **fields).execute()
        customer = Customer.get_by_id(customer_id)
        for index, contact in enumerate(contacts):
            insert_contact(customer, contact, clock, field_prefix=f"contacts[{index}].")
        _add_tags([customer_id], tags)
        if custom_fields:
            _write_custom_fields(customer_id, custom_fields)
        search.reindex(database.obj, [customer_id])
    return customer_id


def update_customer(customer_id: int, clock: Clock, *, base: CustomerDetail | None = None,
                    version: int | None = None, tags: list[str] | None = None,
                    custom_fields: dict[str, str] | None = None, **values: Any) -> int:
    """Change the given fields (others untouched); `tags`, when given, replaces the customer's tags.
    Returns the customer's new version.

    `base` (the customer as the person read it) or `version` (only its number, as the command line
    knows it) makes the save versioned: over a newer save by someone else the fields are merged
    three-way (conflicts.py), and fields both changed differently raise EditConflict, writing nothing.
    Without either, the save is read-and-write in one transaction (bulk edits, imports): it bumps the
    version and checks nothing."""
    fields = clean_customer_fields(values, creating=False)
    mine = mine_values(fields, tags, custom_fields)
    if base is None and version is None:
        with database.atomic():
            if not write_customer(customer_id, clock, mine, None):
                raise NotFoundError("customer", customer_id)
            return Customer.select(Customer.version).where(Customer.id == customer_id).scalar()
    since = base.version if base is not None else version
    base_values = customer_values(base) if base is not None else None

    def step() -> int:
        changes = mine if base_values is None else {k: v for k, v in mine.items() if base_values.get(k) != v}
        if not changes:  # nothing of mine to save: whatever they saved stays
            stored = Customer.select(Customer.version).where(Customer.id == customer_id).scalar()
            if stored is None:
                raise NotFoundError("customer", customer_id)
            return stored
        if write_customer(customer_id, clock, changes, since):
            return since + 1
        if lock_row(Customer, customer_id) is None:
            raise NotFoundError("customer", customer_id)
        current = get_customer(customer_id)
        theirs = customer_values(current)
        merge = three_way(base_values, mine, theirs)
        if merge.conflicts:
            raise EditConflict("customer", customer_id, field_conflicts(
                "customer", customer_id, merge, base_values, mine, theirs, since=since,
                updated_at=current.updated_at), since=since, version=current.version, base=base, mine=mine,
                theirs=current)
        if not merge.changes:
            return current.version
        if not write_customer(customer_id, clock, merge.changes, current.version):
            raise StaleRead
        return current.version + 1

    return run_versioned(step)


def resolve_customer(conflict: EditConflict, choices: dict[str, str], clock: Clock) -> int:
    """Save the person's choice ("mine" or "theirs") for each conflicting field of an `update_customer`
    conflict, with the fields only they changed, over the customer as stored at the conflict. Returns
    the new version; raises EditConflict again if someone saved in between."""
    theirs = customer_values(conflict.theirs)
    base_values = customer_values(conflict.base) if conflict.base is not None else None
    values = resolved(three_way(base_values, conflict.mine, theirs), conflict.mine, theirs, choices)
    fields, tags, custom = split_values(values)
    return update_customer(conflict.row_id, clock, base=conflict.theirs, tags=tags, custom_fields=custom, **fields)


def customer_values(detail: CustomerDetail) -> dict[str, Any]:
    """A stored customer as the fields a save compares: the columns, "tags" and "custom:<name>"."""
    values: dict[str, Any] = {key: getattr(detail, key) for key in EDITABLE_FIELDS}
    values["tags"] = tuple(sorted(detail.tags))
    values.update({f"custom:{name}": value for name, value in detail.custom_fields.items()})
    return values


def mine_values(fields: dict[str, Any], tags: list[str] | tuple[str, ...] | None,
                custom_fields: dict[str, str] | None) -> dict[str, Any]:
    """Cleaned fields of a save in the shape of `customer_values` (an emptied custom field is None)."""
    values = dict(fields)
    if tags is not None:
        values["tags"] = tuple(sorted(dict.fromkeys(n for n in (clean_line(t) for t in tags) if n)))
    for name, text in (custom_fields or {}).items():
        values[f"custom:{clean_line(name)}"] = clean_block(text) or None
    return values


def split_values(values: dict[str, Any]) -> tuple[dict[str, Any], list[str] | None, dict[str, str]]:
    """`mine_values` back into fields, tags and custom fields, as update_customer takes them."""
    fields = {k: v for k, v in values.items() if k in EDITABLE_FIELDS}
    tags = list(values["tags"]) if "tags" in values else None
    custom = {k.removeprefix("custom:"): v or "" for k, v in values.items() if k.startswith("custom:")}
    return fields, tags, custom


def write_customer(customer_id: int, clock: Clock, changes: dict[str, Any], version: int | None) -> bool:
    """Write `mine_values`-shaped changes and bump the version, only while it is `version` (None: any).
    False when no row matched (someone saved since, or the customer is gone)."""
    columns = {k: v for k, v in changes.items() if k in EDITABLE_FIELDS}
    query = Customer.update(updated_at=clock.now(), version=Customer.version + 1, **columns)
    query = query.where(Customer.id == customer_id)
    if version is not None:
        query = query.where(Customer.version == version)
    if not query.execute():
        return False
    _, tags, custom = split_values(changes)
    if tags is not None:
        CustomerTag.delete().where(CustomerTag.customer == customer_id).execute()
        _add_tags([customer_id], tags)
    if custom:
        _write_custom_fields(customer_id, custom)
    search.reindex(database.obj, [customer_id])
    return True


def delete_customers(customer_ids: list[int]) -> snapshot.Snapshot:
    """Delete customers with everything they own; the returned snapshot undoes it exactly."""
    ids = list(dict.fromkeys(customer_ids))
    with database.atomic():
        snap = snapshot.take(database.obj, ids)
        missing = set(ids) - set(snapshot.customer_ids(snap))
        if missing:
            raise NotFoundError("customer", min(missing))
        Customer.delete().where(Customer.id.in_(ids)).execute()
        search.reindex(database.obj, ids)
    return snap


def restore_customers(snap: snapshot.Snapshot) -> list[int]:
    """Undo `delete_customers`: the same rows come back with the same ids."""
    ids = snapshot.customer_ids(snap)
    with database.atomic():
        snapshot.restore(database.obj, snap)
        search.reindex(database.obj, ids)
    return ids


def get_customer(customer_id: int) -> CustomerDetail:
    row = Customer.get_or_none(Customer.id == customer_id)
    if row is None:
        raise NotFoundError("customer", customer_id)
    custom = {
        v.field.name: v.value
        for v in CustomFieldValue.select(CustomFieldValue, CustomField).join(CustomField)
        .where(CustomFieldValue.customer == customer_id).order_by(CustomField.position, CustomField.name)
    }
    return CustomerDetail(
        id=row.id, name=row.name, country=row.country, city=row.city, address=row.address,
        website=row.website, source=row.source, industry=row.industry, products=row.products,
        company_size=row.company_size, rating=row.rating, preferred_language=row.preferred_language,
        currency=row.currency, notes=row.notes, lifecycle="lost" if row.lost else row.lifecycle,
        lost=row.lost, follow_up_on=row.follow_up_on, last_contact_at=row.last_contact_at,
        created_at=row.created_at, updated_at=row.updated_at,
        contacts=tuple(contacts_of(customer_id)), tags=tuple(tags_of(customer_id)), custom_fields=custom,
        alt_name=row.alt_name, version=row.version,
    )


def customer_count() -> int:
    return Customer.select().count()


# --- tags -----------------------------------------------------------------------------------------

def _tag_ids(names: list[str] | tuple[str, ...]) -> list[int]:
    ids = []
    for name in dict.fromkeys(clean_line(n) for n in names):
        if not name:
            continue
        tag = Tag.get_or_none(Tag.name == name)
        ids.append(tag.id if tag else Tag.insert(name=name).execute())
    return ids


def _add_tags(customer_ids: list[int], names) -> None:
    tag_ids = _tag_ids(names)
    rows = [{"customer": c, "tag": t} for c in customer_ids for t in tag_ids]
    if rows:
        CustomerTag.insert_many(rows).on_conflict_ignore().execute()


def tag_customers(customer_ids: list[int], tag: str) -> None:
    if not clean_line(tag):
        raise ValidationError("tag", "a tag needs a name")
    with database.atomic():
        _add_tags(customer_ids, [tag])
        bump_versions(customer_ids)
        search.reindex(database.obj, customer_ids)


def untag_customers(customer_ids: list[int], tag: str) -> None:
    with database.atomic():
        found = Tag.get_or_none(Tag.name == clean_line(tag))
        if found is None:
            return
        CustomerTag.delete().where(CustomerTag.customer.in_(customer_ids), CustomerTag.tag == found.id).execute()
        bump_versions(customer_ids)
        search.reindex(database.obj, customer_ids)


def set_rating(customer_ids: list[int], rating: str | None, clock: Clock) -> None:
    fields = clean_customer_fields({"rating": rating or ""}, creating=False)
    with database.atomic():
        Customer.update(updated_at=clock.now(), version=Customer.version + 1, **fields).where(
            Customer.id.in_(customer_ids)).execute()


def bump_versions(customer_ids: list[int]) -> None:
    """A bulk edit reads and writes in one transaction, so it checks no version; it still bumps each one,
    so a form opened before it sees the change when saving."""
    Customer.update(version=Customer.version + 1).where(Customer.id.in_(customer_ids)).execute()


def tags_of(customer_id: int) -> list[str]:
    return [t.name for t in Tag.select().join(CustomerTag).where(CustomerTag.customer == customer_id)
            .order_by(Tag.name)]


def all_tags() -> list[str]:
    return [t.name for t in Tag.select().order_by(Tag.name)]


# --- custom fields --------------------------------------------------------------------------------

def _write_custom_fields(customer_id: int, values: dict[str, str]) -> None:
    for name, value in values.items():
        name = clean_line(name)
        if not name:
            raise ValidationError("custom_fields", "a custom field needs a name")
        definition = CustomField.get_or_none(CustomField.name == name)
        if definition is None:
            position = CustomField.select().count()
            definition = CustomField.create(name=name, position=position)
        text = clean_block(value)
        if text:
            (CustomFieldValue.insert(customer=customer_id, field=definition.id, value=text)
             .on_conflict(conflict_target=[CustomFieldValue.customer, CustomFieldValue.field],
                          update={CustomFieldValue.value: text}).execute())
        else:
            CustomFieldValue.delete().where(CustomFieldValue.customer == customer_id,
                                            CustomFieldValue.field == definition.id).execute()


def custom_field_names() -> list[str]:
    return [f.name for f in CustomField.select().order_by(CustomField.position, CustomField.name)]
