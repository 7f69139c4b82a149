"""The shapes of the demo book: what to generate (BookSpec, FirstIds), one chunk of rows (BookRows) in the
column order of COLUMNS, and what was written (DemoSummary). Shared by the generator and the writer."""

from __future__ import annotations

from dataclasses import dataclass, field

COLUMNS: dict[str, tuple[str, ...]] = {
    "customer": ("id", "name", "country", "city", "address", "website", "source", "industry", "products",
                 "company_size", "rating", "preferred_language", "currency", "notes", "lifecycle", "lost",
                 "follow_up_on", "last_contact_at", "created_at", "updated_at"),
    "contact": ("id", "customer_id", "name", "title", "birthday", "is_primary", "notes", "created_at", "updated_at"),
    "contact_channel": ("id", "contact_id", "kind", "value", "raw", "position"),
    "interaction": ("id", "customer_id", "contact_id", "kind", "occurred_at", "summary", "body", "follow_up_on",
                    "valid_until", "created_at"),
    "opportunity": ("id", "customer_id", "title", "stage", "value", "currency", "probability", "expected_close",
                    "closed_on", "created_at", "updated_at"),
    "orders": ("id", "customer_id", "ordered_on", "amount", "currency", "reference", "notes", "created_at"),
}
TABLE_OF = {"customers": "customer", "contacts": "contact", "channels": "contact_channel",
            "interactions": "interaction", "opportunities": "opportunity", "orders": "orders"}
SPAN_DAYS = 730  # two years of history
GENERATOR_VERSION = 2  # bump when the generated book changes: the benchmark's cached book is keyed by it


@dataclass(frozen=True)
class BookSpec:
    customers: int = 300
    seed: int = 2026
    contacts: tuple[int, int] = (1, 3)  # per customer, inclusive
    interactions: float = 8.0  # mean per customer; active (A/B) customers get more


@dataclass(frozen=True)
class FirstIds:
    """The first free id of each table, so a book can be appended to an existing database."""

    customers: int = 1
    contacts: int = 1
    channels: int = 1
    interactions: int = 1
    opportunities: int = 1
    orders: int = 1


@dataclass
class BookRows:
    """One chunk of the book: row tuples in COLUMNS order; tags as (customer id, tag name)."""

    customers: list[tuple] = field(default_factory=list)
    contacts: list[tuple] = field(default_factory=list)
    channels: list[tuple] = field(default_factory=list)
    interactions: list[tuple] = field(default_factory=list)
    opportunities: list[tuple] = field(default_factory=list)
    orders: list[tuple] = field(default_factory=list)
    customer_tags: list[tuple[int, str]] = field(default_factory=list)


@dataclass(frozen=True)
class DemoSummary:
    customers: int
    contacts: int
    interactions: int
    orders: int
    opportunities: int
    countries: int
    channels: int = 0
    tag_links: int = 0

    @property
    def rows(self) -> int:
        return (self.customers + self.contacts + self.interactions + self.orders + self.opportunities
                + self.channels + self.tag_links)
