"""What publishing compares and rewrites, row by row: a row's content as both engines read it, the
fingerprint of what was published, and the local ids inside reminder keys and payloads.

A published customer, contact or opportunity is compared three ways (domain/team/publish.py): the
laptop's row now, the server's row now, and the fingerprint of what the last publish wrote (kept on the
server in `row_origin`, under tbl "<table>#", as a 31-bit number in `row_id`). The fingerprint covers a
row as a person sees it: a customer with its tags and custom field values, a contact with its channels,
each read the same way from SQLite (0/1 flags, REAL money) and PostgreSQL (booleans, NUMERIC).
"""

from __future__ import annotations

import functools
import json
import re
import zlib
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from decimal import InvalidOperation

from peewee import BooleanField, Database, PostgresqlDatabase

from trade_crm.store.fields import money_value
from trade_crm.store.models import (
    Contact,
    ContactChannel,
    Customer,
    ImportBatch,
    Interaction,
    Opportunity,
    Order,
    Reminder,
)

SERVER_ONLY = ("id", "owner", "version")  # the server assigns these: an id from its sequence, the publisher, 1


def data_columns(model) -> list[str]:
    """The columns a published row carries over (foreign keys as local ids, mapped when written)."""
    return [f.column_name for f in model._meta.sorted_fields if f.column_name not in SERVER_ONLY]


COLUMNS = {model._meta.table_name: data_columns(model)
           for model in (Customer, Contact, ContactChannel, Interaction, Opportunity, Order, Reminder, ImportBatch)}
MONEY = frozenset({"value", "amount"})
FLAGS = {model._meta.table_name: frozenset(f.column_name for f in model._meta.sorted_fields
                                          if isinstance(f, BooleanField))
         for model in (Customer, Contact)}  # 0/1 on the laptop; an UPDATE's parameter must be a boolean
PARENTS = {"customer_id": "customer", "contact_id": "contact"}  # a foreign key column -> the table it maps by


def fingerprint_table(table: str) -> str:
    """The row_origin `tbl` under which the fingerprints of a table's published rows are kept."""
    return f"{table}#"


def _money(value) -> str | None:
    if value is None:
        return None
    try:
        return str(money_value(value))  # as MoneyField reads it on either engine
    except InvalidOperation:
        return str(value)


@functools.cache
def _patches(columns: tuple[str, ...]) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """The positions of the money columns and of the flags (a BOOLEAN on a server, 0/1 on a laptop)."""
    flags = frozenset().union(*FLAGS.values())
    return (tuple(i for i, c in enumerate(columns) if c in MONEY),
            tuple(i for i, c in enumerate(columns) if c in flags))


def fingerprint(columns: Sequence[str], row: Sequence, extra: tuple = ()) -> int:
    """A 31-bit number for a row's content (row_origin.row_id is a 32-bit integer); the same for the row
    read from either engine: money as its 2-decimal text, flags as 0/1, everything else as read."""
    money, flags = _patches(tuple(columns))
    values = list(row)
    for i in money:
        values[i] = _money(values[i])
    for i in flags:
        if values[i] is not None:
            values[i] = int(values[i])
    return zlib.crc32(repr((values, extra)).encode("utf-8")) & 0x7FFFFFFF


def customer_extras(db: Database, ids: Sequence[int] | None) -> dict[int, tuple]:
    """Each customer's tags (folded names) and custom values ((folded field name, value)), as the fingerprint
    sees them; `ids` None reads the whole book."""
    where, params = _where(db, "ct.customer_id", ids)
    tags: dict[int, list] = defaultdict(list)
    for cid, name in db.execute_sql(f"SELECT ct.customer_id, t.name FROM customer_tag ct "
                                    f"JOIN tag t ON t.id = ct.tag_id{where}", params):
        tags[cid].append(name.casefold())
    where, params = _where(db, "v.customer_id", ids)
    values: dict[int, list] = defaultdict(list)
    for cid, name, value in db.execute_sql(f"SELECT v.customer_id, f.name, v.value FROM custom_field_value v "
                                           f"JOIN custom_field f ON f.id = v.field_id{where}", params):
        values[cid].append((name.casefold(), value))
    return {cid: (tuple(sorted(tags.get(cid, ()))), tuple(sorted(values.get(cid, ()))))
            for cid in set(tags) | set(values)}


def contact_channels(db: Database, ids: Sequence[int] | None) -> dict[int, list[tuple]]:
    """Each contact's channels (kind, value, raw, position), in their order."""
    where, params = _where(db, "contact_id", ids)
    out: dict[int, list[tuple]] = defaultdict(list)
    for row in db.execute_sql(
            f"SELECT contact_id, kind, value, raw, position FROM contact_channel{where} ORDER BY contact_id, id",
            params):
        out[row[0]].append(tuple(row[1:]))
    return out


def _where(db: Database, column: str, ids: Sequence[int] | None) -> tuple[str, tuple]:
    """A WHERE clause for rows whose `column` is one of `ids` (None: every row). The laptop's side is always
    read whole; a list goes to the server, as one array."""
    if ids is None:
        return "", ()
    if not isinstance(db, PostgresqlDatabase):
        raise TypeError("a list of ids is read from the server only")
    return f" WHERE {column} = ANY(?)", (list(ids),)


# --- reminders: the keys and payloads that name a customer, contact or interaction by its id ---

_KEY_IDS = (  # key prefix -> the table whose id follows it
    ("follow_up:customer:", "customer"), ("dormant:customer:", "customer"),
    ("follow_up:quotation:", "interaction"), ("follow_up:quotation_expired:", "interaction"),
    ("birthday:contact:", "contact"),
)
_PAYLOAD_IDS = {"customer_id": "customer", "contact_id": "contact", "interaction_id": "interaction",
                "customer_ids": "customer"}
_LEADING_ID = re.compile(r"(\d+)(.*)", re.S)


def server_key(key: str, maps: Mapping[str, Mapping[int, int]]) -> str | None:
    """The reminder key with the server's id in place of the laptop's; None when that row is not on the server."""
    for prefix, table in _KEY_IDS:
        if key.startswith(prefix):
            found = _LEADING_ID.match(key[len(prefix):])
            if not found:
                return key
            server_id = maps[table].get(int(found.group(1)))
            return None if server_id is None else f"{prefix}{server_id}{found.group(2)}"
    return key


def server_payload(payload: str, maps: Mapping[str, Mapping[int, int]]) -> str:
    """A reminder's JSON payload with the ids it names mapped (ids not on the server dropped from lists)."""
    try:
        data = json.loads(payload or "{}")
    except ValueError:
        return payload
    if not isinstance(data, dict):
        return payload
    for name, table in _PAYLOAD_IDS.items():
        value = data.get(name)
        if isinstance(value, int):
            data[name] = maps[table].get(value)
        elif isinstance(value, list):
            data[name] = [maps[table][v] for v in value if isinstance(v, int) and v in maps[table]]
    return json.dumps(data, ensure_ascii=False, sort_keys=True)


def chunks(items: Sequence, size: int) -> Iterable[Sequence]:
    for start in range(0, len(items), size):
        yield items[start:start + size]


def array_text(items: Sequence[str]) -> str:
    """A PostgreSQL array literal of texts, every element quoted: COPY takes it into a text[] column many
    times faster than psycopg adapting a Python list element by element (the search tokens, ~100 a customer)."""
    joined = "".join(items)
    if '"' in joined or "\\" in joined:
        items = [t.replace("\\", "\\\\").replace('"', '\\"') for t in items]
    return '{"' + '","'.join(items) + '"}' if items else "{}"
