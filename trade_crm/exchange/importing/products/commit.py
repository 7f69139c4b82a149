"""Write a product list's plan in one transaction, as an ImportBatch whose journal undo replays
(importing/history.py: new products removed, updated ones given back their row and tiers).

Each product is written by the catalog's own `write_product` (the same checks and search document as a save
in the editor); a product changed since the preview that no longer passes (its SKU taken meanwhile) stops the
whole import, and nothing is written.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from trade_crm.domain.clock import Clock
from trade_crm.domain.quotes.catalog import write_product
from trade_crm.exchange.importing.journal import DELETED_COLUMNS, Added, Changed, Deleted, Journal
from trade_crm.exchange.importing.plan import RowProblem
from trade_crm.exchange.importing.products.plan import ProductImportPlan
from trade_crm.exchange.importing.writer import utc_stamp
from trade_crm.store import sql_rows
from trade_crm.store.models import Product, database

_PRODUCT_COLUMNS = tuple(f.column_name for f in Product._meta.sorted_fields if f.column_name != "id")


@dataclass(frozen=True)
class ProductImportResult:
    batch: int | None  # the ImportBatch to undo; None for a dry run or when nothing was written
    created: int
    updated: int
    unchanged: int
    refused: int
    rows: int
    without_price: int
    problems: tuple[RowProblem, ...] = ()
    dry_run: bool = False


def _result(plan: ProductImportPlan, batch: int | None, dry_run: bool) -> ProductImportResult:
    counts = plan.counts
    return ProductImportResult(batch, counts["created"], counts["updated"], counts["unchanged"], counts["refused"],
                               counts["rows"], counts["without_price"], plan.problems, dry_run)


def _journal_update(journal: Journal, product_id: int) -> None:
    """The stored row and its tiers as they are, for undo."""
    cur = database.obj.cursor()
    row = cur.execute(f"SELECT {', '.join(_PRODUCT_COLUMNS)} FROM product WHERE id = ?", (product_id,)).fetchone()
    journal.record(Changed("product", product_id, dict(zip(_PRODUCT_COLUMNS, row, strict=True))))
    columns = DELETED_COLUMNS["product_price"]
    for price in cur.execute(f"SELECT {', '.join(columns)} FROM product_price WHERE product_id = ? ORDER BY id",
                             (product_id,)).fetchall():
        journal.record(Deleted("product_price", tuple(price)))


def commit_products(plan: ProductImportPlan, clock: Clock, *, dry_run: bool = False) -> ProductImportResult:
    """Create and update the planned products in one transaction (a dry run writes nothing)."""
    writable = [p for p in plan.products if p.action in ("create", "update")]
    if dry_run or not writable:
        return _result(plan, None, dry_run)
    now = clock.now()
    counts = plan.counts
    with database.atomic():
        batch_id = sql_rows.insert_returning_id("import_batch", {
            "file_name": plan.file_name, "source": "", "tag": "", "created_at": utc_stamp(now)})
        journal = Journal()
        for planned in writable:
            if planned.action == "create":
                journal.record(Added("product", write_product(planned.data, now)))
            else:
                _journal_update(journal, planned.product_id)
                write_product(planned.data, now, planned.product_id)
        summary = {"target": "products", "sheet": plan.sheet, "rows": counts["rows"], "created": counts["created"],
                   "updated": counts["updated"], "unchanged": counts["unchanged"], "refused": counts["refused"],
                   "without_price": counts["without_price"]}
        database.obj.execute_sql("UPDATE import_batch SET summary = ?, journal = ? WHERE id = ?",
                                 (json.dumps(summary), journal.to_json(), batch_id))
    return _result(plan, batch_id, False)
