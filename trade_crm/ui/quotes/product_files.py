"""Products in and out of files, as the Products window runs them in a worker: the catalog's import through the
house's import engine (exchange/importing/products: a dry run first, then the commit in one transaction,
undoable from Import history) and its export to .xlsx. The functions' first argument is the Job's context."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication

from trade_crm.domain.clock import Clock
from trade_crm.ui.common.i18n import fill

SHOWN_PROBLEMS = 8


def import_file(_context, path: Path, clock: Clock, dry_run: bool):
    # lazy: the import engine's readers load when a file is imported (tests/ui/shell/test_start_imports.py)
    from trade_crm.exchange.importing.products.commit import commit_products
    from trade_crm.exchange.importing.products.plan import plan_products

    return commit_products(plan_products(path), clock, dry_run=dry_run)


def export_file(_context, path: Path) -> int:
    # lazy: the workbook writer loads when an export is asked for
    from trade_crm.exchange.exporting.products import export_products

    return export_products(path)


def importable(result) -> bool:
    return bool(result.created or result.updated)


def summary_text(result) -> str:
    """"12 new, 3 updated, 0 unchanged, 1 refused (of 16 rows)" and the first problems, each with its row."""
    lines = [fill(QCoreApplication.translate("ProductFiles", "%1 new, %2 updated, %3 unchanged, %4 refused (of %5 rows)"),
                  result.created, result.updated, result.unchanged, result.refused, result.rows)]
    if result.without_price:
        lines.append(fill(QCoreApplication.translate("ProductFiles", "%1 without a price: a quotation line will need one typed"),
                          result.without_price))
    for problem in result.problems[:SHOWN_PROBLEMS]:
        where = fill(QCoreApplication.translate("ProductFiles", "Row %1"), problem.row) + (f", {problem.column}" if problem.column else "")
        lines.append(f"{where}: {problem.message}")
    if len(result.problems) > SHOWN_PROBLEMS:
        lines.append("…")
    return "\n".join(lines)
