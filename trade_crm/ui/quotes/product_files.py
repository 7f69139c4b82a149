"""Products in and out of files, as the Products window runs them in a worker: the catalog's import through
the house's import engine (a dry run first, then the commit: one transaction, undoable from Import history)
and its export to .xlsx. The functions' first argument is the Job's context."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication

from trade_crm.domain.clock import Clock
from trade_crm.ui.common.i18n import fill


def import_file(_context, path: Path, clock: Clock, dry_run: bool):
    # lazy: the import engine's readers load when a file is imported (tests/ui/shell/test_start_imports.py)
    from trade_crm.exchange.importing import products as product_import

    return product_import.import_products(path, clock, dry_run=dry_run)


def export_file(_context, path: Path) -> int:
    # lazy: the workbook writer loads when an export is asked for
    from trade_crm.exchange.exporting import products as product_export

    return product_export.export_products(path)


def importable(summary) -> bool:
    return bool(summary.added or summary.updated)


def summary_text(summary) -> str:
    """"12 new, 3 updated, 1 refused" and the first refusals, file row and field named."""
    text = fill(QCoreApplication.translate("ProductFiles", "%1 new, %2 updated, %3 refused"),
                summary.added, summary.updated, len(summary.problems))
    lines = [text] + [str(problem) for problem in summary.problems[:8]]
    if len(summary.problems) > 8:
        lines.append("…")
    return "\n".join(lines)
