"""The columns of an exported workbook: keys, cell types, widths, headers in English and Chinese,
and the reader that fills them from the store (the column order and the row order change together).

Written for a person to read: stage, source and language as words in the book's language
(exporting/labels.py), phones in international format, and order totals that mean something when a
customer orders in two currencies: the total converted to the reporting currency, its header naming
the currency and the date of the rates ("Order total in USD (rates of 2026-11-01)"), beside the
amounts per currency ("EUR 2,000.50; USD 99.90").

The exporter, an import of an exported book and the UI agree on this one table. Headers are chosen so the import engine's synonyms map the editable columns to their fields
("Company", "Email", "Tags", ...) while the read-only ones ("CRM ID", "Stage", "Orders") map to
none; `column_keys` reads a sheet's headers back to these keys in either language, which is what
an import that updates by "CRM ID" needs.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timezone, tzinfo
from functools import cache

from trade_crm.domain.world.countries import country_name
from trade_crm.domain.world.currency import RateTable, rate_table
from trade_crm.domain.world.phones import international
from trade_crm.exchange.exporting.labels import label, labels
from trade_crm.store import sql
from trade_crm.store.models import database

SHEETS = ("customers", "contacts", "interactions", "orders")
LANGUAGES = ("en", "zh")
# Marks a workbook written by the exporter (a custom document property, not a hidden sheet).
EXPORT_PROPERTY = "Trade CRM export"
EXPORT_FORMAT = 1

# The Tags cell lists a customer's tags, split on any of these when read back (a person editing the
# sheet may type either). A tag that holds one of them is written in double quotes ("Hamburg, DE"),
# a quote inside doubled, as in CSV, so every tag comes back as it was.
TAG_SEPARATORS = ",，、;；\n"
_TAG_ITEM = re.compile(rf'\s*"((?:[^"]|"")*)"\s*(?=[{TAG_SEPARATORS}]|$)|[^{TAG_SEPARATORS}]*')


def join_tags(names: Sequence[str]) -> str:
    """The Tags cell for these tag names; split_tags reads each back unchanged."""
    return ", ".join(f'"{n.replace(chr(34), chr(34) * 2)}"' if n.startswith('"') or any(
        c in n for c in TAG_SEPARATORS) else n for n in names)


def split_tags(text: str) -> list[str]:
    """The tag names of a Tags cell (stripped, empty ones dropped): separated by any of
    TAG_SEPARATORS, except inside double quotes. A quote that does not close is kept as text."""
    names, position = [], 0
    while position <= len(text):
        match = _TAG_ITEM.match(text, position)
        name = match.group(1).replace('""', '"') if match.group(1) is not None else match.group(0)
        if name.strip():
            names.append(name.strip())
        position = match.end() + 1  # past the separator
    return names


@dataclass(frozen=True)
class Column:
    key: str
    kind: str  # "id", "int", "text", "bool", "date", "datetime", "money"
    width: float  # a sensible starting width in characters; the exporter widens to fit the first rows


def _columns(*specs: tuple[str, str, float]) -> tuple[Column, ...]:
    return tuple(Column(*spec) for spec in specs)


COLUMNS: Mapping[str, tuple[Column, ...]] = {
    "customers": _columns(
        ("id", "id", 8), ("company", "text", 30), ("alt_name", "text", 24), ("country", "text", 14),
        ("country_code", "text", 6),
        ("city", "text", 14), ("rating", "text", 6), ("stage", "text", 10), ("tags", "text", 22),
        ("contact", "text", 20), ("email", "text", 26), ("phone", "text", 17), ("last_contact", "datetime", 16),
        ("follow_up", "date", 11), ("orders", "int", 7), ("order_total", "money", 13), ("order_currency", "text", 20),
        ("address", "text", 24), ("website", "text", 22), ("source", "text", 11), ("industry", "text", 16),
        ("products", "text", 22), ("company_size", "text", 9), ("language", "text", 8), ("currency", "text", 8),
        ("notes", "text", 30), ("created", "datetime", 16),
        ("tier", "text", 6),  # the automatic value tier (A/B/C) the list shows beside the rating
    ),
    "contacts": _columns(
        ("id", "id", 8), ("company", "text", 30), ("contact_id", "id", 8), ("name", "text", 20),
        ("title", "text", 16), ("primary", "bool", 8), ("email", "text", 26), ("phone", "text", 17),
        ("whatsapp", "text", 17), ("wechat", "text", 14), ("skype", "text", 14), ("linkedin", "text", 22),
        ("birthday", "date", 11), ("notes", "text", 30),
    ),
    "interactions": _columns(
        ("id", "id", 8), ("company", "text", 30), ("interaction_id", "id", 8), ("occurred", "datetime", 16),
        ("kind", "text", 10), ("contact", "text", 18), ("summary", "text", 40), ("details", "text", 40),
        ("follow_up", "date", 11), ("valid_until", "date", 11),
    ),
    "orders": _columns(
        ("id", "id", 8), ("company", "text", 30), ("order_id", "id", 8), ("ordered_on", "date", 11),
        ("amount", "money", 13), ("currency", "text", 8), ("reference", "text", 16), ("notes", "text", 30),
    ),
}

SHEET_TITLES: Mapping[str, Mapping[str, str]] = {
    "en": {"customers": "Customers", "contacts": "Contacts", "interactions": "Interactions", "orders": "Orders"},
    "zh": {"customers": "客户", "contacts": "联系人", "interactions": "跟进记录", "orders": "订单"},
}

_SHARED_EN = {"id": "CRM ID", "company": "Company", "email": "Email", "phone": "Phone", "notes": "Notes",
              "follow_up": "Next follow-up", "currency": "Currency"}
_SHARED_ZH = {"id": "客户编号", "company": "公司", "email": "邮箱", "phone": "电话", "notes": "备注",
              "follow_up": "下次跟进", "currency": "币种"}

HEADERS: Mapping[str, Mapping[str, Mapping[str, str]]] = {
    "en": {
        "customers": {**_SHARED_EN, "alt_name": "Other name", "country": "Country", "country_code": "ISO code", "city": "City",
                      "rating": "Rating", "stage": "Stage", "tags": "Tags", "contact": "Primary contact",
                      "last_contact": "Last contact", "orders": "Orders", "order_total": "Order total",
                      "order_currency": "Order amounts by currency", "address": "Address", "website": "Website",
                      "source": "Source", "industry": "Industry", "products": "Products",
                      "company_size": "Company size", "language": "Language", "created": "Created",
                      "tier": "Value tier"},
        "contacts": {**_SHARED_EN, "contact_id": "Contact CRM ID", "name": "Name", "title": "Title",
                     "primary": "Primary", "whatsapp": "WhatsApp", "wechat": "WeChat", "skype": "Skype",
                     "linkedin": "LinkedIn", "birthday": "Birthday"},
        "interactions": {**_SHARED_EN, "interaction_id": "Interaction ID", "occurred": "Date", "kind": "Kind",
                         "contact": "Contact", "summary": "Summary", "details": "Details",
                         "follow_up": "Follow-up", "valid_until": "Valid until"},
        "orders": {**_SHARED_EN, "order_id": "Order ID", "ordered_on": "Order date", "amount": "Amount",
                   "reference": "Reference"},
    },
    "zh": {
        "customers": {**_SHARED_ZH, "alt_name": "其他名称", "country": "国家", "country_code": "国家代码", "city": "城市",
                      "rating": "评级", "stage": "阶段", "tags": "标签", "contact": "联系人",
                      "last_contact": "最后联系", "orders": "订单数", "order_total": "订单总额",
                      "order_currency": "各币种订单金额", "address": "地址", "website": "网址", "source": "来源",
                      "industry": "行业", "products": "产品", "company_size": "公司规模", "language": "语言",
                      "created": "创建时间", "tier": "价值分级"},
        "contacts": {**_SHARED_ZH, "contact_id": "联系人编号", "name": "姓名", "title": "职位",
                     "primary": "主要联系人", "whatsapp": "WhatsApp", "wechat": "微信", "skype": "Skype",
                     "linkedin": "领英", "birthday": "生日"},
        "interactions": {**_SHARED_ZH, "interaction_id": "记录编号", "occurred": "时间", "kind": "类型",
                         "contact": "联系人", "summary": "摘要", "details": "详情", "follow_up": "跟进日期",
                         "valid_until": "有效期至"},
        "orders": {**_SHARED_ZH, "order_id": "订单编号", "ordered_on": "下单日期", "amount": "金额",
                   "reference": "参考号"},
    },
}


# The first exports' headers, still read back.
_FORMER_HEADERS = {"Order currency": "order_currency", "订单币种": "order_currency"}
_TOTAL_HEADER = re.compile(r"^(?:Order total|订单总额)\b")
_TOTAL_TITLES = {  # the reporting currency; with the rates' date; with currencies lacking a rate; both
    "en": ("Order total in {0}", "Order total in {0} (rates of {1})", "Order total in {0} (no rate for {2})",
           "Order total in {0} (rates of {1}; none for {2})"),
    "zh": ("订单总额（{0}）", "订单总额（{0}，汇率日期 {1}）", "订单总额（{0}，缺 {2} 汇率）", "订单总额（{0}，汇率日期 {1}，缺 {2} 汇率）"),
}


def header_language(language: str) -> str:
    """ "zh", "zh_CN", "zh-Hans" -> "zh"; anything else -> "en"."""
    return "zh" if language.lower().startswith("zh") else "en"


def headers(sheet: str, language: str = "en", titles: Mapping[str, str] | None = None) -> list[str]:
    """A sheet's header row; `titles` replaces some (the order total's, naming its currency)."""
    table = {**HEADERS[header_language(language)][sheet], **(titles or {})}
    return [table[column.key] for column in COLUMNS[sheet]]


def total_title(language: str, currency: str, rates_of: date | None, missing: Sequence[str] = ()) -> str:
    """ "Order total in USD (rates of 2026-11-01)", saying which currencies had no rate (their
    customers' totals are left empty; the amounts per currency show them)."""
    plain, dated, lacking, both = _TOTAL_TITLES[header_language(language)]
    gaps = ", ".join(missing[:3]) + (" …" if len(missing) > 3 else "")
    template = (both if missing else dated) if rates_of else (lacking if missing else plain)
    return template.format(currency, rates_of.isoformat() if rates_of else "", gaps)


def sheet_title(sheet: str, language: str = "en") -> str:
    return SHEET_TITLES[header_language(language)][sheet]


def parse_sheets(text: str | Sequence[str]) -> tuple[str, ...]:
    """ "customers,orders" -> ("customers", "orders") in workbook order; ValueError names an unknown one."""
    names = text.split(",") if isinstance(text, str) else list(text)
    wanted = {n.strip().lower() for n in names if n.strip()}
    unknown = sorted(wanted - set(SHEETS))
    if unknown:
        raise ValueError(f'"{unknown[0]}" is not a sheet; use {", ".join(SHEETS)}')
    if not wanted:
        raise ValueError(f"name at least one sheet: {', '.join(SHEETS)}")
    return tuple(s for s in SHEETS if s in wanted)


def sheet_of(title: str) -> str | None:
    """The sheet key of an exported sheet's title in either language ("Customers", "客户"), also of a
    sheet continued past Excel's row limit ("Interactions (2)")."""
    title = re.sub(r" \(\d+\)$", "", title)
    for language in LANGUAGES:
        for sheet, name in SHEET_TITLES[language].items():
            if name == title:
                return sheet
    return None


def column_keys(sheet: str, header_row: Sequence[str]) -> list[str | None] | None:
    """The column keys of an exported sheet's header row (English or Chinese), None for a column
    the export does not write; None for the whole row when it is not an exported sheet's
    (its first column is not the CRM ID)."""
    for language in LANGUAGES:
        by_header = {h: k for k, h in HEADERS[language][sheet].items()}
        if sheet == "customers":
            by_header.update(_FORMER_HEADERS)
        keys = [by_header.get(str(h).strip()) if h is not None else None for h in header_row]
        if sheet == "customers":  # "Order total in USD (rates of ...)"
            keys = [k or ("order_total" if h is not None and _TOTAL_HEADER.match(str(h).strip()) else None)
                    for k, h in zip(keys, header_row, strict=True)]
        if keys and keys[0] == "id":
            return keys
    return None


def order_currencies(ids: Sequence[int] | None = None) -> tuple[str, ...]:
    """The currencies the customers `ids` (None: every customer) ordered in, alphabetically."""
    db = database.obj
    if ids is None:
        found = {c for (c,) in db.execute_sql("SELECT DISTINCT currency FROM orders")}
    else:
        found = set()
        for start in range(0, len(ids), 900):
            chunk = ids[start:start + 900]
            found.update(c for (c,) in db.execute_sql(
                f"SELECT DISTINCT currency FROM orders WHERE customer_id IN ({','.join('?' * len(chunk))})", chunk))
    return tuple(sorted(c for c in found if c))


# --- reading the store, a chunk of customers at a time ---------------------------------------------

_CUSTOMER_SQL = ("SELECT id, name, alt_name, country, city, address, website, source, industry, products, "
                 "company_size, rating, preferred_language, currency, notes, CASE WHEN lost THEN 'lost' ELSE lifecycle END, "
                 "follow_up_on, last_contact_at, created_at FROM customer WHERE id IN ({marks}) ORDER BY id")
_CHANNEL_KINDS = ("email", "phone", "whatsapp", "wechat", "skype", "linkedin")


@cache
def _country(code: str, language: str) -> str:
    return country_name(code, language)


class RowReader:
    """Reads the rows of every chosen sheet for a chunk of customers, with a few set-based queries.

    Order totals are converted with `rates` (default: the book's own table).
    """

    def __init__(self, sheets: Sequence[str], language: str, zone: tzinfo, rates: RateTable | None = None):
        self.sheets, self.language, self.zone = set(sheets), header_language(language), zone
        self.db = database.obj
        self.rates = rates or rate_table()
        self.words = {key: labels(key, self.language) for key in ("stage", "source", "language", "kind")}
        self.custom_fields = [(fid, name) for fid, name in self.db.execute_sql(
            "SELECT id, name FROM custom_field ORDER BY position, name")]

    def _local(self, text: str | None) -> datetime | None:
        if not text:
            return None
        instant = datetime.fromisoformat(text[:19]).replace(tzinfo=timezone.utc)
        return instant.astimezone(self.zone).replace(tzinfo=None)

    def _query(self, query: str, ids: Sequence[int]) -> list[tuple]:
        return self.db.execute_sql(query.format(marks=",".join("?" * len(ids))), list(ids)).fetchall()

    def rows(self, ids: Sequence[int]) -> dict[str, list[list]]:
        """The rows each sheet gets for these customers, in the order of `ids`."""
        out: dict[str, list[list]] = {sheet: [] for sheet in self.sheets}
        customers = self._query(_CUSTOMER_SQL, ids)
        names = {row[0]: row[1] for row in customers}
        if "contacts" in self.sheets:
            contacts = self._query("SELECT id, customer_id, name, title, birthday, is_primary, notes FROM contact "
                                   "WHERE customer_id IN ({marks}) ORDER BY customer_id, is_primary DESC, id", ids)
            channels = self._channels("SELECT ch.contact_id, ch.kind, ch.value FROM contact_channel ch JOIN contact p "
                                      "ON p.id = ch.contact_id WHERE p.customer_id IN ({marks}) "
                                      "ORDER BY ch.contact_id, ch.position, ch.id", ids)
            out["contacts"] = [
                [cid, names.get(cid), pid, name, title, bool(primary), *self._channel_cells(channels.get(pid, {})),
                 date.fromisoformat(birthday) if birthday else None, notes]
                for pid, cid, name, title, birthday, primary, notes in contacts]
        elif "customers" in self.sheets:  # only each customer's primary contact and its first email and phone
            contacts = self._query("SELECT id, customer_id, name FROM contact WHERE customer_id IN ({marks}) "
                                   "ORDER BY customer_id, is_primary DESC, id", ids)
            first = list({c[1]: c[0] for c in reversed(contacts)}.values())
            # "+kind": with 1,000 ids SQLite would pick the (kind, value) index and read every email in the book.
            channels = self._channels("SELECT contact_id, kind, value FROM contact_channel WHERE contact_id IN "
                                      f"({{marks}}) AND {sql.unindexed('kind', db=self.db)} IN "
                                      "('email', 'phone', 'whatsapp') ORDER BY contact_id, position, id",
                                      first) if first else {}
        orders = []
        if "orders" in self.sheets:
            orders = self._query("SELECT id, customer_id, ordered_on, amount, currency, reference, notes FROM orders "
                                 "WHERE customer_id IN ({marks}) ORDER BY customer_id, ordered_on, id", ids)
            out["orders"] = [[cid, names.get(cid), oid, date.fromisoformat(day), amount, currency, reference, notes]
                             for oid, cid, day, amount, currency, reference, notes in orders]
        if "customers" in self.sheets:
            out["customers"] = self._customers(ids, customers, contacts, channels, orders)
        if "interactions" in self.sheets:
            kinds = self.words["kind"]
            out["interactions"] = [
                [cid, names.get(cid), iid, self._local(occurred), kinds.get(kind, kind), contact, summary, body,
                 date.fromisoformat(follow_up) if follow_up else None,
                 date.fromisoformat(valid) if valid else None]
                for iid, cid, occurred, kind, contact, summary, body, follow_up, valid in self._query(
                    "SELECT i.id, i.customer_id, i.occurred_at, i.kind, p.name, i.summary, i.body, i.follow_up_on, "
                    "i.valid_until FROM interaction i LEFT JOIN contact p ON p.id = i.contact_id "
                    "WHERE i.customer_id IN ({marks}) ORDER BY i.customer_id, i.occurred_at, i.id", ids)]
        if any(a > b for a, b in zip(ids, ids[1:], strict=False)):  # the list's order, not id order:
            position = {cid: index for index, cid in enumerate(ids)}  # a customer's rows stay together, in order
            for rows in out.values():
                rows.sort(key=lambda row: position[row[0]])
        return out

    def _channels(self, query: str, ids: Sequence[int]) -> dict[int, dict[str, list[str]]]:
        found: dict[int, dict[str, list[str]]] = {}
        for contact_id, kind, value in self._query(query, ids):
            found.setdefault(contact_id, {}).setdefault(kind, []).append(value)
        return found

    @staticmethod
    def _channel_cells(found: dict[str, list[str]]) -> list[str]:
        return ["; ".join(map(international, found.get(kind, ())) if kind in ("phone", "whatsapp")
                          else found.get(kind, ())) for kind in _CHANNEL_KINDS]

    def total_title(self, currencies: Sequence[str]) -> str:
        """The order total's header for customers who ordered in `currencies`: the reporting currency,
        and the date of the oldest rate it takes."""
        others = [c for c in currencies if c != self.rates.reporting]
        days = [self.rates.rates[c].as_of for c in others if c in self.rates.rates]
        missing = [c for c in others if c not in self.rates.rates]
        return total_title(self.language, self.rates.reporting, min(days, default=None), missing)

    def _order_totals(self, ids, orders) -> dict[int, tuple[int, float | None, str]]:
        """customer -> (number of orders, the total in the reporting currency (None: a rate is missing),
        "EUR 2,000.50; USD 99.90")."""
        if "orders" not in self.sheets:  # not read row by row: let SQLite add them up
            grouped = self._query("SELECT customer_id, currency, count(*), sum(amount) FROM orders "
                                  "WHERE customer_id IN ({marks}) GROUP BY customer_id, currency "
                                  "ORDER BY customer_id, currency", ids)
        else:
            by: dict[tuple, list] = {}
            for _, cid, _, amount, currency, _, _ in orders:
                entry = by.get((cid, currency))
                if entry is None:
                    by[cid, currency] = entry = [0, 0]
                entry[0] += 1
                entry[1] += amount or 0
            grouped = [(cid, currency, count, amount) for (cid, currency), (count, amount) in sorted(by.items())]
        out: dict[int, tuple[int, float | None, str]] = {}
        factor = self.rates.factor  # a float factor, as the rates table offers it for sums
        for cid, currency, count, amount in grouped:  # by customer, then currency
            amount = float(amount or 0)  # a server's NUMERIC sum is a Decimal; the factors are floats
            rate = factor(currency)
            value = None if rate is None else amount * rate
            text = f"{currency} {amount:,.2f}"
            before = out.get(cid)
            if before is not None:
                total = None if value is None or before[1] is None else before[1] + value
                out[cid] = (before[0] + count, total, f"{before[2]}; {text}")
            else:
                out[cid] = (count, value, text)
        return {cid: (count, None if total is None else round(total, 2), text)
                for cid, (count, total, text) in out.items()}

    def _customers(self, ids, customers, contacts, channels, orders) -> list[list]:
        primary: dict[int, tuple] = {}
        for contact in contacts:
            primary.setdefault(contact[1], contact)
        tags: dict[int, list[str]] = {}
        for cid, tag in self._query("SELECT ct.customer_id, t.name FROM customer_tag ct JOIN tag t ON t.id = ct.tag_id "
                                    "WHERE ct.customer_id IN ({marks}) ORDER BY ct.customer_id, t.name", ids):
            tags.setdefault(cid, []).append(tag)
        totals = self._order_totals(ids, orders)
        tiers = dict(self._query("SELECT customer_id, tier FROM customer_segment WHERE customer_id IN ({marks}) "
                                 "AND tier IS NOT NULL", ids))
        custom: dict[int, dict[int, str]] = {}
        if self.custom_fields:
            for cid, fid, value in self._query("SELECT customer_id, field_id, value FROM custom_field_value "
                                               "WHERE customer_id IN ({marks})", ids):
                custom.setdefault(cid, {})[fid] = value
        rows = []
        stages, sources, languages = self.words["stage"], self.words["source"], self.words["language"]
        no_orders = (0, None, None)
        for (cid, name, alt_name, country, city, address, website, source, industry, products, size, rating, language,
             currency, notes, stage, follow_up, last_contact, created) in customers:
            contact = primary.get(cid)
            found = channels.get(contact[0], {}) if contact else {}
            phones = found.get("phone") or found.get("whatsapp") or ("",)
            count, total, amounts = totals.get(cid, no_orders)
            values = custom.get(cid, {})
            rows.append([
                cid, name, alt_name, _country(country, self.language) if country else None, country, city, rating,
                stages.get(stage, stage), join_tags(tags.get(cid, ())), contact[2] if contact else None,
                (found.get("email") or ("",))[0], international(phones[0]), self._local(last_contact),
                date.fromisoformat(follow_up) if follow_up else None, count, total, amounts, address, website,
                sources.get(source) or label("source", source, self.language), industry, products, size,
                language and (languages.get(language) or label("language", language, self.language)), currency,
                notes, self._local(created), tiers.get(cid), *(values.get(fid) for fid, _ in self.custom_fields)])
        return rows
