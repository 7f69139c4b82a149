"""Which customers changed since the reminders were last brought up to date, seen for every writer (the
window, the command line, an import, an undo, a merge) without each remembering to say so:
- updates of the columns the reminder rules read, and deletes, are logged by triggers (migration 9,
  frozen SQL) into a set of customer ids, at most one row per customer;
- rows added are those after each table's mark (its newest id at the last clear): inserts fire no
  trigger, so an import of 10,000 rows pays nothing for this. A delete lowers its table's mark below the
  deleted id, since SQLite may give that id to the next row.
The reminder sync reads the changes and, in the same write transaction, clears them.

SQLite here; another engine keeps the same functions over its own triggers.
"""

from __future__ import annotations

from trade_crm.store.models import database
from trade_crm.store.sql import dialect

CHANGE_TABLE = "reminder_change"
MARK_TABLE = "reminder_mark"

# What a reminder rule reads, by table (the column naming the customer, the columns watched for updates).
# Migration 9 holds the triggers as frozen SQL; a column a rule starts to read needs a new migration.
WATCHED = {
    "customer": ("id", "name, country, rating, lost, follow_up_on, last_contact_at, created_at"),
    "contact": ("customer_id", "customer_id, name, birthday"),
    "interaction": ("customer_id", "customer_id, kind, occurred_at, valid_until"),
    "orders": ("customer_id", "customer_id, ordered_on"),
}

# A subquery of every customer changed since the last clear (before any clear: every customer).
CHANGED_IDS_SQL = " UNION ".join(
    [f"SELECT customer_id FROM {CHANGE_TABLE}"]
    + [f"SELECT {who} FROM {table} WHERE id > coalesce((SELECT id FROM {MARK_TABLE} WHERE tbl = '{table}'), 0)"
       for table, (who, _columns) in WATCHED.items()])


def changed_customers(limit: int) -> list[int] | None:
    """The customers changed since the last clear, or None when more than `limit` (compute all)."""
    ids = [i for (i,) in database.execute_sql(
        f"SELECT * FROM ({CHANGED_IDS_SQL}) AS changed ORDER BY 1 LIMIT ?", (limit + 1,))]
    return None if len(ids) > limit else ids


def clear_changes() -> None:
    """Forget every change: call it in the write transaction that has handled them."""
    database.execute_sql(f"DELETE FROM {CHANGE_TABLE}")
    database.execute_sql(dialect(database).upsert_select(
        MARK_TABLE, ("tbl",), ("tbl", "id"),
        " UNION ALL ".join(f"SELECT '{table}', coalesce(max(id), 0) FROM {table}" for table in WATCHED)))
