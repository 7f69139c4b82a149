"""Undoing a merge: both customers come back exactly as they were, and the merges made so far.

Undo deletes the kept customer's rows and restores the copy the merge took of every customer involved
(store/snapshot.py), so field values, ids and relations come back byte for byte. What happened after the
merge decides whether that is safe, and how:

- rows added since (a call logged, an order, a new contact, channel or tag) are kept: they go back on the
  kept customer, and a timeline entry about a contact that came from another customer goes back with it;
- reminder states changed since (done, snoozed) are kept, and so is a follow-up day set since;
- a row that was there right after the merge and has been edited or deleted since refuses the undo with a
  message saying what changed, because restoring would silently lose that edit. Saving the customer form
  without changing anything is not a change (rows are compared by content, not by id or timestamp).
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass
from datetime import datetime, timezone

from trade_crm.domain.clock import Clock
from trade_crm.domain.customers.timeline import CONTACT_KINDS
from trade_crm.domain.duplicates.merge import STAMP, insert_rows, row_content, take
from trade_crm.domain.errors import DomainError, NotFoundError
from trade_crm.store import search, snapshot
from trade_crm.store.models import database

# What a person calls the rows of each table, for the refusal message.
_WHAT = {"customer": "the company fields", "contact": "contacts", "contact_channel": "emails and phones",
         "interaction": "timeline entries", "attachment": "files", "opportunity": "opportunities", "orders": "orders",
         "customer_tag": "tags", "custom_field_value": "custom fields", "customer_segment": None}


class MergeUndoError(DomainError):
    """A merge cannot be undone; the message says why and what to do."""


@dataclass(frozen=True)
class UndoResult:
    merge_id: int
    kept_id: int
    restored_ids: tuple[int, ...]
    kept_since: dict[str, int]  # rows added after the merge that stayed, by table


@dataclass(frozen=True)
class MergeInfo:
    id: int
    kept_id: int
    merged_ids: tuple[int, ...]
    names: dict[int, str]  # every customer involved, named as before the merge
    interaction_id: int | None
    created_at: datetime
    undone_at: datetime | None


def _instant(text: str | None) -> datetime | None:
    return datetime.strptime(text[:19], STAMP).replace(tzinfo=timezone.utc) if text else None


def _since(after: dict[str, list[str]], now: snapshot.Snapshot) -> tuple[list[str], dict[str, list[dict]]]:
    """(what was edited or deleted since the merge, rows added since) by comparing row contents."""
    changed, added = [], {}
    for table, rows in now.items():
        if table == "reminder":
            continue
        then = Counter(after.get(table, []))
        current = Counter(row_content(table, r) for r in rows)
        if then - current and _WHAT.get(table, table):
            changed.append(_WHAT.get(table, table))
        extra, added[table] = current - then, []
        for row in rows:
            content = row_content(table, row)
            if extra[content] > 0:
                extra[content] -= 1
                added[table].append(row)
    return changed, added


def undo_merge(merge_id: int, clock: Clock) -> UndoResult:
    """Put every customer of merge `merge_id` back as it was; raises MergeUndoError when it cannot."""
    with database.atomic():
        found = database.execute_sql("SELECT kept_id, merged_ids, choices, snapshot, after_state, undone_at "
                                     "FROM merge_record WHERE id = ?", (merge_id,)).fetchone()
        if found is None:
            raise NotFoundError("merge", merge_id)
        kept_id, merged, choices, before, after, undone_at = found
        merged, before, after = json.loads(merged), json.loads(before), json.loads(after)
        if undone_at:
            raise MergeUndoError(f"merge {merge_id} was already undone")
        if not database.execute_sql("SELECT 1 FROM customer WHERE id = ?", (kept_id,)).fetchone():
            raise MergeUndoError(f"customer {kept_id}, kept by merge {merge_id}, was deleted since; "
                                 "undo that delete first")
        now = take([kept_id])
        changed, added = _since(after, now)
        if changed:
            raise MergeUndoError(f"since merge {merge_id}, {' and '.join(changed)} of customer {kept_id} changed; "
                                 "undoing the merge would lose that, so it was not undone")
        _check_ids(merge_id, before, now, added)
        database.execute_sql("DELETE FROM customer WHERE id = ?", (kept_id,))
        snapshot.restore(database.obj, before)
        for table in before:
            if table not in dict(snapshot.OWNED_TABLES):
                insert_rows(table, before[table])
        kept_since = _put_back(kept_id, before, now, added, after.get("follow_up_on"))
        pairs = json.loads(choices).get("not_duplicate_added", [])
        database.cursor().executemany("DELETE FROM not_duplicate WHERE customer_a = ? AND customer_b = ?", pairs)
        database.execute_sql("UPDATE merge_record SET undone_at = ? WHERE id = ?",
                             (clock.now().strftime(STAMP), merge_id))
        search.reindex(database.obj, [kept_id, *merged])
    return UndoResult(merge_id, kept_id, tuple(merged), kept_since)


def _check_ids(merge_id: int, before: snapshot.Snapshot, now: snapshot.Snapshot,
               added: dict[str, list[dict]]) -> None:
    """A row the undo must put back under its own id cannot be in use by something else since."""
    for table, rows in before.items():
        if table == "customer_tag" or not rows or "id" not in rows[0]:
            continue
        mine = {r["id"] for r in now.get(table, [])}
        reused = mine & {r["id"] for r in rows} & {r["id"] for r in added.get(table, [])}
        if reused:
            raise MergeUndoError(f"merge {merge_id} cannot be undone: {table} {min(reused)} has been reused since")
        ids = [r["id"] for r in rows if r["id"] not in mine]
        for start in range(0, len(ids), 500):
            chunk = ids[start:start + 500]
            taken = database.execute_sql(f"SELECT min(id) FROM {table} WHERE id IN ({','.join('?' * len(chunk))})",
                                         chunk).fetchone()[0]
            if taken is not None:
                raise MergeUndoError(f"merge {merge_id} cannot be undone: {table} {taken} has been reused since")


def _put_back(kept_id: int, before: snapshot.Snapshot, now: snapshot.Snapshot, added: dict[str, list[dict]],
              follow_up_after: str | None) -> dict[str, int]:
    """Rows added since the merge, reminder states and the follow-up day set since: back on the kept customer."""
    restored = {r["id"]: r for r in before.get("reminder", [])}
    fresh = []
    for row in now.get("reminder", []):
        then = restored.get(row["id"])
        if then is not None and then["created_at"] == row["created_at"]:  # the same reminder: keep its state
            database.execute_sql("UPDATE reminder SET state = ?, snoozed_until = ?, updated_at = ? WHERE id = ?",
                                 (row["state"], row["snoozed_until"], row["updated_at"], row["id"]))
        elif then is not None:  # a new reminder that reused the id of one the merge joined: a new id
            fresh.append({k: v for k, v in row.items() if k != "id"})
        else:
            added.setdefault("reminder", []).append(row)
    owner = {r["id"]: r["customer_id"] for r in before.get("contact", [])}
    for row in added.get("interaction", []):
        row["customer_id"] = owner.get(row["contact_id"], kept_id)
    if any(r["is_primary"] for r in added.get("contact", [])) and any(
            r["is_primary"] for r in before.get("contact", []) if r["customer_id"] == kept_id):
        added["contact"] = [{**r, "is_primary": False} for r in added["contact"]]
    for table, _ in snapshot.OWNED_TABLES:
        insert_rows(table, added.get(table, []), ignore=table in ("reminder", "customer_tag", "custom_field_value"))
    insert_rows("reminder", fresh, ignore=True)
    last = {r["id"]: r["last_contact_at"] or "" for r in before["customer"]}
    for row in added.get("interaction", []):  # a call logged since: the last contact moves with it
        if row["kind"] in CONTACT_KINDS and row["occurred_at"] > last[row["customer_id"]]:
            last[row["customer_id"]] = row["occurred_at"]
            database.execute_sql("UPDATE customer SET last_contact_at = ? WHERE id = ?",
                                 (row["occurred_at"], row["customer_id"]))
    follow_up = now["customer"][0]["follow_up_on"]
    if follow_up != follow_up_after:  # a follow-up planned since the merge
        database.execute_sql("UPDATE customer SET follow_up_on = ? WHERE id = ?", (follow_up, kept_id))
    counts = {table: len(rows) for table, rows in added.items() if rows}
    if fresh:
        counts["reminder"] = counts.get("reminder", 0) + len(fresh)
    return counts


# --- the merges so far ----------------------------------------------------------------------------

_INFO = "SELECT id, kept_id, merged_ids, interaction_id, snapshot, created_at, undone_at FROM merge_record"


def _info(row: tuple) -> MergeInfo:
    rid, kept_id, merged, interaction_id, snap, created_at, undone_at = row
    names = {r["id"]: r["name"] for r in json.loads(snap).get("customer", [])}
    return MergeInfo(rid, kept_id, tuple(json.loads(merged)), names, interaction_id, _instant(created_at),
                     _instant(undone_at))


def merge_history(customer_id: int | None = None, limit: int = 100) -> list[MergeInfo]:
    """The newest merges first; with `customer_id`, those that kept that customer."""
    where, params = (" WHERE kept_id = ?", (customer_id, limit)) if customer_id is not None else ("", (limit,))
    return [_info(row) for row in database.execute_sql(f"{_INFO}{where} ORDER BY id DESC LIMIT ?", params)]


def merge_of_interaction(interaction_id: int) -> MergeInfo | None:
    """The merge a "merge" timeline entry was left by."""
    row = database.execute_sql(f"{_INFO} WHERE interaction_id = ?", (interaction_id,)).fetchone()
    return _info(row) if row else None
