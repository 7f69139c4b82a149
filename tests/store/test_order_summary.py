"""Migration 16's order summary: each customer's order count, first and last order day, kept by triggers on
both engines through every way an order is added, deleted or moved, so the dormant rule may read it instead
of grouping every order."""

from __future__ import annotations

from datetime import date

import pytest

from trade_crm.domain.customers.orders import delete_order, record_order
from trade_crm.domain.customers.records import create_customer, delete_customers
from trade_crm.domain.duplicates.merge import merge_customers
from trade_crm.domain.duplicates.merge_undo import undo_merge
from trade_crm.store.errors import DatabaseError
from trade_crm.store.models import database

GROUPED = ("SELECT customer_id, count(*), min(ordered_on), max(ordered_on) FROM orders "
           "GROUP BY customer_id ORDER BY customer_id")
SUMMARY = "SELECT customer_id, order_count, first_order_on, last_order_on FROM order_summary ORDER BY customer_id"


def _rows(sql: str) -> list[tuple]:
    return [(cid, n, str(first), str(last)) for cid, n, first, last in database.execute_sql(sql)]


def test_the_order_summary_follows_every_order_added_deleted_moved_and_undone(book, clock):
    a = create_customer(clock, name="Alpha Trading", country="DE")
    b = create_customer(clock, name="Alpha Trading GmbH", country="DE")
    c = create_customer(clock, name="Gamma Ltd", country="BR")
    first = record_order(a, date(2026, 3, 1), "100", "USD", clock)
    record_order(a, date(2025, 1, 5), "50", "USD", clock)
    record_order(a, date(2026, 6, 30), "70", "EUR", clock)
    record_order(b, date(2024, 2, 29), "10", "USD", clock)
    only_c = record_order(c, date(2026, 1, 1), "10", "USD", clock)
    assert _rows(SUMMARY) == [(a, 3, "2025-01-05", "2026-06-30"), (b, 1, "2024-02-29", "2024-02-29"),
                              (c, 1, "2026-01-01", "2026-01-01")]

    delete_order(first)
    delete_order(only_c)  # c's last order: no summary row is left for it
    assert _rows(SUMMARY) == _rows(GROUPED) == [(a, 2, "2025-01-05", "2026-06-30"), (b, 1, "2024-02-29", "2024-02-29")]

    merged = merge_customers(a, [b], clock)  # b's order moves to a
    assert _rows(SUMMARY) == _rows(GROUPED) == [(a, 3, "2024-02-29", "2026-06-30")]
    undo_merge(merged.merge_id, clock)  # and back
    assert _rows(SUMMARY) == _rows(GROUPED) == [(a, 2, "2025-01-05", "2026-06-30"), (b, 1, "2024-02-29", "2024-02-29")]

    database.execute_sql("UPDATE orders SET ordered_on = ? WHERE customer_id = ?", (date(2027, 1, 1), b))
    assert _rows(SUMMARY) == _rows(GROUPED)
    delete_customers([a])  # its orders go with it, and so does its summary
    assert _rows(SUMMARY) == _rows(GROUPED) == [(b, 1, "2027-01-01", "2027-01-01")]


def test_on_a_server_each_salesperson_keeps_and_reads_the_summary_of_her_own_customers(team, clock):
    team.act("ann")
    hers = create_customer(clock, name="Ann's Acme", country="DE")
    record_order(hers, date(2026, 1, 5), "10", "USD", clock)
    record_order(hers, date(2026, 3, 5), "20", "USD", clock)
    team.act("bob")
    his = create_customer(clock, name="Bob's Beta", country="FR")
    record_order(his, date(2025, 1, 1), "30", "USD", clock)
    summary = "SELECT customer_id, order_count, first_order_on FROM order_summary ORDER BY customer_id"
    assert team.sql("ann", summary).fetchall() == [(hers, 2, "2026-01-05")]
    assert team.sql("bob", summary).fetchall() == [(his, 1, "2025-01-01")]
    assert team.sql("mia", summary).fetchall() == [(hers, 2, "2026-01-05"), (his, 1, "2025-01-01")]
    with pytest.raises(DatabaseError, match="may not change"):  # kept by the trigger alone
        team.sql("bob", "UPDATE order_summary SET order_count = 0")
