"""Merging duplicate customers into one, with their whole history; undone by merge_undo.py.

A merge keeps one customer. For every field the customers disagree on, a choice says whose value the
kept customer takes (the notes may also be combined). Everything the others own moves to it: contacts
(one person recorded at two of them becomes one contact with every email and phone), tags, custom
fields, timeline, orders, opportunities and reminders (two follow-ups due the same day become one).
The others are then deleted and a "merge" entry is logged on the kept customer's timeline.

Before anything moves, the exact rows of every customer involved are copied (store/snapshot.py) into a
`merge_record`, with a fingerprint of the kept customer right after the merge; merge_undo.py puts them
back. Everything happens in one transaction, the search index included.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass

from trade_crm.domain.clock import Clock
from trade_crm.domain.customers.records import EDITABLE_FIELDS, CustomerDetail, get_customer
from trade_crm.domain.customers.timeline import log_interaction
from trade_crm.domain.duplicates.matching import same_contact
from trade_crm.domain.errors import ValidationError
from trade_crm.store import search, snapshot, sql_rows
from trade_crm.store.models import database

# Derived tables that hang off a customer but are not in snapshot.OWNED_TABLES (recomputed, yet restored
# as they were so an undo gives back the same figures until the next recompute).
EXTRA_TABLES = (("customer_segment", "customer_id IN ({ids}) ORDER BY customer_id"),)
_IGNORED = frozenset({"id", "updated_at", "version"})  # a re-save that changes nothing is not a change
# Columns that move without the user editing the row: by logging, recomputing, or the form re-saving.
_DERIVED = {"customer": frozenset({"last_contact_at", "follow_up_on", "lifecycle"}),
            "contact_channel": frozenset({"position", "raw"})}
_REKEYED = ("follow_up:customer:{}:", "dormant:customer:{}:")
STAMP = "%Y-%m-%d %H:%M:%S"  # how UTC instants are stored

COMBINE = "combine"  # a choice for the notes: every customer's notes, one after another
COMBINABLE = frozenset({"notes"})
_EMPTY = (None, "", "other")  # "other" is the source a customer has when nobody said


@dataclass(frozen=True)
class FieldChoice:
    """One line of the side-by-side view: a field the customers disagree on."""

    field: str  # a customer field, or "custom:<name>"
    values: tuple[tuple[int, object], ...]  # (customer id, value), the kept customer first
    default: int | str  # whose value is kept unless chosen otherwise (or COMBINE)

    @property
    def combinable(self) -> bool:
        return self.field in COMBINABLE


@dataclass(frozen=True)
class MergePlan:
    keep_id: int
    other_ids: tuple[int, ...]
    customers: tuple[CustomerDetail, ...]  # the kept customer first
    fields: tuple[FieldChoice, ...]  # only those that differ
    moves: dict[int, dict[str, int]]  # per other customer: how many contacts, interactions, ... move

    @property
    def ids(self) -> tuple[int, ...]:
        return (self.keep_id, *self.other_ids)


@dataclass(frozen=True)
class MergeResult:
    merge_id: int
    kept_id: int
    merged_ids: tuple[int, ...]
    interaction_id: int
    moved: dict[str, int]  # contacts, contacts_joined, interactions, orders, opportunities, reminders, ...


# --- rows ------------------------------------------------------------------------------------------

def take(ids: Sequence[int]) -> snapshot.Snapshot:
    """snapshot.take, plus the derived tables a customer owns."""
    snap = snapshot.take(database.obj, list(ids))
    marks = ",".join("?" * len(ids))
    for table, where in EXTRA_TABLES:
        if table not in snap and sql_rows.table_exists(table):
            cursor = database.execute_sql(f"SELECT * FROM {table} WHERE {where.format(ids=marks)}", list(ids))
            columns = [d[0] for d in cursor.description]
            snap[table] = [dict(zip(columns, row, strict=True)) for row in cursor.fetchall()]
    return snap


def insert_rows(table: str, rows: list[dict], *, ignore: bool = False) -> None:
    """Put snapshot rows back with their own ids; `ignore`: skip a row whose unique key is taken since."""
    if not rows:
        return
    columns = list(rows[0])
    values = [tuple(r[c] for c in columns) for r in rows]
    if ignore:
        sql_rows.insert_ignore(table, columns, values)
    else:
        database.cursor().executemany(
            f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})", values)


def row_content(table: str, row: dict) -> str:
    skip = _IGNORED | _DERIVED.get(table, frozenset())
    text = json.dumps({k: v for k, v in row.items() if k not in skip}, sort_keys=True, ensure_ascii=False)
    return hashlib.blake2b(text.encode(), digest_size=10).hexdigest()


def fingerprint(snap: snapshot.Snapshot) -> dict[str, list[str]]:
    """What the change check compares: each row's content (not its id), reminders aside."""
    return {t: sorted(row_content(t, r) for r in rows) for t, rows in snap.items() if t != "reminder"}


# --- the plan: what differs, what moves ---------------------------------------------------------------

_MOVES = (("contacts", "contact"), ("interactions", "interaction"), ("orders", "orders"),
          ("opportunities", "opportunity"), ("reminders", "reminder"), ("tags", "customer_tag"))


def plan_merge(keep_id: int, other_ids: Sequence[int]) -> MergePlan:
    """What merging `other_ids` into `keep_id` would do; raises for a bad set of customers."""
    others = tuple(dict.fromkeys(other_ids))
    if not others:
        raise ValidationError("customers", "choose at least one customer to merge into the kept one")
    if keep_id in others:
        raise ValidationError("customers", f"customer {keep_id} cannot be merged into itself")
    customers = tuple(get_customer(i) for i in (keep_id, *others))  # NotFoundError for a missing one
    fields = []
    for field in EDITABLE_FIELDS:
        fields.append(_choice(field, [(c.id, getattr(c, field)) for c in customers]))
    for name in dict.fromkeys(n for c in customers for n in c.custom_fields):
        fields.append(_choice(f"custom:{name}", [(c.id, c.custom_fields.get(name, "")) for c in customers]))
    moves = {o: {key: database.execute_sql(f"SELECT count(*) FROM {table} WHERE customer_id = ?", (o,)).fetchone()[0]
                 for key, table in _MOVES} for o in others}
    return MergePlan(keep_id, others, customers, tuple(f for f in fields if f is not None), moves)


def _choice(field: str, values: list[tuple[int, object]]) -> FieldChoice | None:
    if len({repr(v) for _, v in values}) == 1:
        return None
    present = [cid for cid, v in values if v not in _EMPTY]
    default: int | str = values[0][0] if field == "lost" or not present else present[0]
    if field in COMBINABLE and len({v for _, v in values if v not in _EMPTY}) > 1:
        default = COMBINE
    return FieldChoice(field, tuple(values), default)


def resolve_choices(plan: MergePlan, choices: dict[str, int | str]) -> dict[str, int | str]:
    """Every differing field with whose value to keep: the given choice, else the default."""
    fields = {f.field: f for f in plan.fields}
    for field, choice in choices.items():
        if field not in fields:
            if field in EDITABLE_FIELDS or field.startswith("custom:"):
                continue  # the customers agree on it: nothing to choose
            raise ValidationError(field, "is not a customer field")
        if choice not in plan.ids and not (choice == COMBINE and fields[field].combinable):
            raise ValidationError(field, f"choose one of the customers {', '.join(map(str, plan.ids))}"
                                  + (" or combine" if fields[field].combinable else ""))
    return {f.field: choices.get(f.field, f.default) for f in plan.fields}


# --- merging -----------------------------------------------------------------------------------------

def merge_customers(keep_id: int, other_ids: Sequence[int], clock: Clock,
                    choices: dict[str, int | str] | None = None) -> MergeResult:
    """Merge `other_ids` into `keep_id` in one transaction; `choices` maps a field ("name", "custom:Port")
    to the customer whose value is kept, or COMBINE (notes). Unnamed fields take the plan's default."""
    with database.atomic():
        plan = plan_merge(keep_id, other_ids)
        chosen = resolve_choices(plan, choices or {})
        others = list(plan.other_ids)
        ids = [keep_id, *others]
        before = take(ids)
        moved = _move_contacts(keep_id, others, before)
        moved.update(_move_rows(keep_id, others))
        _apply_fields(keep_id, before, plan, chosen, clock)
        moved["custom_fields"] = _merge_custom_fields(keep_id, others, chosen)
        apart = _carry_not_duplicates(keep_id, ids, clock)
        database.execute_sql(f"DELETE FROM customer WHERE id IN ({','.join('?' * len(others))})", others)
        names = {row["id"]: row["name"] for row in before["customer"]}
        merged = ", ".join(f"“{names[o]}” #{o}" for o in others)
        merge_id = sql_rows.insert_returning_id("merge_record", {
            "kept_id": keep_id, "merged_ids": json.dumps(others),
            "choices": json.dumps({"fields": chosen, "not_duplicate_added": apart, "moved": moved}),
            "snapshot": json.dumps(before, ensure_ascii=False), "created_at": clock.now().strftime(STAMP)})
        interaction_id = log_interaction(keep_id, "merge", f"{merged} → “{names[keep_id]}” #{keep_id}", clock,
                                         body=f"merge #{merge_id}; undo: trade-crm merge undo {merge_id}")
        after = take([keep_id])
        state = {**fingerprint(after), "follow_up_on": after["customer"][0]["follow_up_on"]}
        database.execute_sql("UPDATE merge_record SET interaction_id = ?, after_state = ? WHERE id = ?",
                             (interaction_id, json.dumps(state), merge_id))
        search.reindex(database.obj, ids)
    return MergeResult(merge_id, keep_id, tuple(others), interaction_id, moved)


def _values(rows: list[dict]) -> set[str]:
    return {r["value"] for r in rows}


def _move_contacts(keep_id: int, others: list[int], before: snapshot.Snapshot) -> dict[str, int]:
    """Move the others' contacts; one that is the same person as a contact already there joins it."""
    channels: dict[int, list[dict]] = {}
    for row in before["contact_channel"]:
        channels.setdefault(row["contact_id"], []).append(row)
    contacts = [dict(c) for c in before["contact"]]  # copies: `before` is the record undo restores
    kept = [c for c in contacts if c["customer_id"] == keep_id]
    moving = sorted((c for c in contacts if c["customer_id"] != keep_id), key=lambda c: c["id"])
    joined = 0
    for contact in moving:
        mine = channels.get(contact["id"], [])
        target = next((k for k in kept if same_contact(k["name"], _values(channels.get(k["id"], [])),
                                                       contact["name"], _values(mine))), None)
        if target is None:
            database.execute_sql("UPDATE contact SET customer_id = ? WHERE id = ?", (keep_id, contact["id"]))
            kept.append(contact)
            continue
        joined += 1
        theirs = channels.setdefault(target["id"], [])
        have = {(r["kind"], r["value"]) for r in theirs}
        position = max((r["position"] for r in theirs), default=-1)
        for row in mine:
            if (row["kind"], row["value"]) not in have:
                position += 1
                database.execute_sql("UPDATE contact_channel SET contact_id = ?, position = ? WHERE id = ?",
                                     (target["id"], position, row["id"]))
                theirs.append(row)
                have.add((row["kind"], row["value"]))
        fill = {k: contact[k] for k in ("name", "title", "birthday", "notes") if not target[k] and contact[k]}
        if fill:
            database.execute_sql(f"UPDATE contact SET {', '.join(f'{k} = ?' for k in fill)} WHERE id = ?",
                                 (*fill.values(), target["id"]))
            target.update(fill)
        database.execute_sql("UPDATE interaction SET contact_id = ? WHERE contact_id = ?", (target["id"], contact["id"]))
        database.execute_sql("DELETE FROM contact WHERE id = ?", (contact["id"],))
    primaries = [c["id"] for c in kept if c["is_primary"]]
    if len(primaries) > 1:
        database.execute_sql(f"UPDATE contact SET is_primary = FALSE WHERE id IN ({','.join('?' * (len(primaries) - 1))})",
                             primaries[1:])
    return {"contacts": len(moving) - joined, "contacts_joined": joined}


def _move_rows(keep_id: int, others: list[int]) -> dict[str, int]:
    marks = ",".join("?" * len(others))
    counts = {}
    for table, key in (("interaction", "interactions"), ("opportunity", "opportunities"), ("orders", "orders"),
                       ("attachment", "files")):
        counts[key] = database.execute_sql(f"UPDATE {table} SET customer_id = ? WHERE customer_id IN ({marks})",
                                           [keep_id, *others]).rowcount
    counts["tags"] = sql_rows.insert_ignore_select(
        "customer_tag", ("customer_id", "tag_id"),
        f"SELECT DISTINCT CAST(? AS INTEGER), tag_id FROM customer_tag WHERE customer_id IN ({marks})",
        [keep_id, *others])
    moved = dropped = 0
    for rid, key, cid in database.execute_sql(
            f"SELECT id, key, customer_id FROM reminder WHERE customer_id IN ({marks}) ORDER BY id", others).fetchall():
        new_key = key
        for prefix in _REKEYED:  # the kept customer's key, so "raised once" holds for it
            if key.startswith(prefix.format(cid)):
                new_key = prefix.format(keep_id) + key[len(prefix.format(cid)):]
        if new_key != key and database.execute_sql("SELECT 1 FROM reminder WHERE key = ?", (new_key,)).fetchone():
            database.execute_sql("DELETE FROM reminder WHERE id = ?", (rid,))  # the same reminder twice
            dropped += 1
            continue
        database.execute_sql("UPDATE reminder SET customer_id = ?, key = ? WHERE id = ?", (keep_id, new_key, rid))
        moved += 1
    counts.update(reminders=moved, reminders_joined=dropped)
    return counts


def _apply_fields(keep_id: int, before: snapshot.Snapshot, plan: MergePlan, chosen: dict, clock: Clock) -> None:
    rows = {row["id"]: row for row in before["customer"]}
    changes: dict[str, object] = {}
    for field, choice in chosen.items():
        if field.startswith("custom:") or choice == keep_id:
            continue
        if choice == COMBINE:
            texts = [rows[i][field] for i in plan.ids if rows[i][field]]
            changes[field] = "\n\n".join(dict.fromkeys(texts))
        else:
            changes[field] = rows[choice][field]
    stamps = [rows[i]["last_contact_at"] for i in plan.ids if rows[i]["last_contact_at"]]
    changes["last_contact_at"] = max(stamps) if stamps else None
    changes["created_at"] = min(rows[i]["created_at"] for i in plan.ids)
    changes["updated_at"] = clock.now().strftime(STAMP)
    database.execute_sql(f"UPDATE customer SET {', '.join(f'{k} = ?' for k in changes)} WHERE id = ?",
                         (*changes.values(), keep_id))


def _merge_custom_fields(keep_id: int, others: list[int], chosen: dict) -> int:
    ids = [keep_id, *others]
    rows: dict[str, dict[int, tuple[int, str]]] = {}
    for rid, cid, name, value in database.execute_sql(
            "SELECT v.id, v.customer_id, f.name, v.value FROM custom_field_value v JOIN custom_field f "
            f"ON f.id = v.field_id WHERE v.customer_id IN ({','.join('?' * len(ids))})", ids):
        rows.setdefault(name, {})[cid] = (rid, value)
    moved = 0
    for name, by_customer in rows.items():
        source = chosen.get(f"custom:{name}", keep_id if keep_id in by_customer else next(iter(sorted(by_customer))))
        if source == keep_id or source not in by_customer:
            continue
        if keep_id in by_customer:
            database.execute_sql("UPDATE custom_field_value SET value = ? WHERE id = ?",
                                 (by_customer[source][1], by_customer[keep_id][0]))
        else:
            database.execute_sql("UPDATE custom_field_value SET customer_id = ? WHERE id = ?",
                                 (keep_id, by_customer[source][0]))
        moved += 1
    return moved


def _carry_not_duplicates(keep_id: int, ids: list[int], clock: Clock) -> list[list[int]]:
    """"B is not X" still holds when B is merged into A: A is not X either."""
    involved, added = set(ids), []
    marks = ",".join("?" * (len(ids) - 1))
    for a, b in database.execute_sql(f"SELECT customer_a, customer_b FROM not_duplicate WHERE customer_a IN ({marks}) "
                                     f"OR customer_b IN ({marks})", ids[1:] * 2).fetchall():
        outsider = b if a in involved else a
        if outsider in involved:
            continue
        pair = sorted((keep_id, outsider))
        if sql_rows.insert_ignore("not_duplicate", ("customer_a", "customer_b", "created_at"),
                                  [(*pair, clock.now().strftime(STAMP))]):
            added.append(pair)
    return added
