"""Which customers changed since the reminders were last brought up to date: a set of customer ids that
triggers add to (migration 9, frozen SQL), so every writer (the window, the command line, an import, an
undo, a merge) is seen without each remembering to say so. The reminder sync reads it and, in the same
write transaction, clears it. At most one row per customer, so it never grows past the book.

SQLite triggers here; another engine keeps the same functions over its own triggers.
"""

from __future__ import annotations

from trade_crm.store.models import database

CHANGE_TABLE = "reminder_change"

# What a reminder rule reads, by table: a change to these columns may change a customer's reminders.
# Migration 9 holds the triggers as frozen SQL; a column a rule starts to read needs a new migration.
WATCHED = {
    "customer": "name, country, rating, lost, follow_up_on, last_contact_at, created_at (and insert, delete)",
    "contact": "customer_id, name, birthday (and insert, delete)",
    "interaction": "customer_id, kind, occurred_at, valid_until (and insert, delete)",
    "orders": "customer_id, ordered_on (and insert, delete)",
}


CHANGED_IDS_SQL = f"SELECT customer_id FROM {CHANGE_TABLE}"  # a subquery: the ids changed since the last sync


def changed_customers(limit: int) -> list[int] | None:
    """The customers changed since the log was last cleared, or None when more than `limit`."""
    ids = [i for (i,) in database.execute_sql(
        f"SELECT customer_id FROM {CHANGE_TABLE} ORDER BY customer_id LIMIT ?", (limit + 1,))]
    return None if len(ids) > limit else ids


def clear_changes() -> None:
    """Forget every change: call it in the write transaction that has handled them."""
    database.execute_sql(f"DELETE FROM {CHANGE_TABLE}")
