"""A read-only table of whole rows, as the house's lists show them (the outbox, New senders …)."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget


def row_table(labels: list[str], *, stretch: int, fit: Iterable[int], multi: bool = False) -> QTableWidget:
    """Rows selected whole (one, or several with `multi`), never edited in place, one line each; the `fit` columns
    sized to their contents, the `stretch` one taking the rest of the width."""
    table = QTableWidget(0, len(labels))
    table.setHorizontalHeaderLabels(labels)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection if multi
                           else QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().hide()
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    header = table.horizontalHeader()
    for column in fit:
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return table
