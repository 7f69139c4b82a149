"""The lines of a quotation or PI being edited: a product picked by SKU or name as you type (the catalog's
search, any script), description, quantity, unit, unit price, discount, amount, and a check column saying what
is wrong with the line (below the MOQ, no price, no exchange rate).

A line's unit price left empty is the product's tier price for its quantity: the domain proposes it
(draft_totals) and the table shows it in grey italics until the user types over it; clearing the cell
brings the proposal back."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

import shiboken6
from PySide6.QtCore import QEvent, QModelIndex, QStringListModel, Qt, QTimer, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCompleter,
    QHeaderView,
    QLineEdit,
    QStyledItemDelegate,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from trade_crm.domain.errors import ValidationError
from trade_crm.domain.quotes.catalog import product_view, search_products
from trade_crm.domain.quotes.money import QUANTITY_PLACES, format_amount, parse_decimal
from trade_crm.ui.quotes.bits import muted_brush, number_text, price_text, warning_brush

PRODUCT, DESCRIPTION, QUANTITY, UNIT, PRICE, DISCOUNT, AMOUNT, CHECK = range(8)
PRODUCT_ID = Qt.ItemDataRole.UserRole
TYPED = Qt.ItemDataRole.UserRole + 1  # on the price cell: the user typed this price (not the proposal)
COMPLETIONS = 15
LINE_FIELD = re.compile(r"lines?\[(\d+)\]\.?(\w*)")
FIELD_COLUMNS = {"product_id": PRODUCT, "product": PRODUCT, "description": DESCRIPTION, "quantity": QUANTITY,
                 "unit": UNIT, "unit_price": PRICE, "discount_percent": DISCOUNT, "discount": DISCOUNT}


@dataclass(frozen=True)
class LineValues:
    """One row as typed, parsed: unit_price None = the proposal (the tier price)."""

    product_id: int | None
    description: str
    quantity: Decimal
    unit: str
    unit_price: Decimal | None
    discount_percent: Decimal


def product_label(hit) -> str:
    local = dict(getattr(hit, "local_names", {}) or {}).get("zh", "")
    return f"{hit.sku} — {hit.name}" + (f" / {local}" if local else "")


class ProductCompleter(QCompleter):
    """Completes a SKU cell from the catalog: each keystroke asks search_products (≤ 10 ms) for a few hits."""

    def __init__(self, edit: QLineEdit):
        super().__init__(edit)
        self.hits: dict[str, object] = {}
        self.chosen = None
        self.setModel(QStringListModel(self))
        self.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setWidget(edit)
        edit.textEdited.connect(self.on_edit_text_edited)
        self.activated[str].connect(self.on_activated)

    def on_edit_text_edited(self, text: str) -> None:
        self.chosen = None
        text = text.strip()
        hits = search_products(text, limit=COMPLETIONS) if text else []
        self.hits = {product_label(h): h for h in hits}
        self.model().setStringList(list(self.hits))
        if self.hits:
            self.complete()
        else:
            self.popup().hide()

    def on_activated(self, text: str) -> None:
        """A proposal taken: `text` is what pathFromIndex put in the cell (the SKU)."""
        self.chosen = self.hits.get(text) or next((h for h in self.hits.values() if h.sku == text), None)
        if self.chosen is not None:
            self.widget().setText(self.chosen.sku)

    def pathFromIndex(self, index: QModelIndex) -> str:  # noqa: N802 - Qt override: the SKU goes in the cell
        hit = self.hits.get(index.data())
        return hit.sku if hit is not None else index.data()


class ProductDelegate(QStyledItemDelegate):
    """The SKU column's editor: a line edit with the catalog completer. A proposal taken (Enter, a click) is
    the cell's value at once: the editor commits and closes after the completer has finished with the event."""

    product_chosen = Signal(int, int)  # row, product id

    def createEditor(self, parent: QWidget, _option, _index: QModelIndex) -> QWidget:  # noqa: N802 - Qt override
        edit = QLineEdit(parent)
        edit.setObjectName("product_edit")
        edit.completer_ = ProductCompleter(edit)
        edit.completer_.activated[str].connect(lambda _text, e=edit: QTimer.singleShot(0, lambda: self._done(e)))
        return edit

    def destroyEditor(self, editor: QWidget, index: QModelIndex) -> None:  # noqa: N802 - Qt override
        """The completer (and its popup, a window of its own) goes first, while the editor is whole: a popup
        destroyed with its editor hands the focus back into a half-deleted tree."""
        completer = getattr(editor, "completer_", None)
        if completer is not None and shiboken6.isValid(completer):
            completer.popup().hide()
            shiboken6.delete(completer)
        super().destroyEditor(editor, index)

    def _done(self, edit: QLineEdit) -> None:
        if shiboken6.isValid(edit) and shiboken6.isValid(edit.completer_) and edit.completer_.chosen is not None:
            self.commitData.emit(edit)
            self.closeEditor.emit(edit, QStyledItemDelegate.EndEditHint.NoHint)

    def eventFilter(self, editor, event) -> bool:  # noqa: N802 - Qt override
        """Enter or Tab while the proposals are open picks one (the completer's), instead of ending the edit."""
        completer = getattr(editor, "completer_", None)
        if (event.type() == QEvent.Type.KeyPress and completer is not None and completer.popup().isVisible()
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Tab)):
            return False
        return super().eventFilter(editor, event)

    def setModelData(self, editor: QLineEdit, model, index: QModelIndex) -> None:  # noqa: N802 - Qt override
        completer: ProductCompleter = editor.completer_
        hit = completer.chosen
        text = editor.text().strip()
        if hit is None and text:  # a SKU typed whole
            hit = next((h for h in completer.hits.values() if h.sku.casefold() == text.casefold()), None)
            if hit is None:
                found = search_products(text, limit=5)
                hit = next((h for h in found if h.sku.casefold() == text.casefold()), None)
        model.setData(index, hit.sku if hit is not None else text)
        if hit is not None:
            self.product_chosen.emit(index.row(), hit.id)
        elif not text:
            model.setData(index, None, PRODUCT_ID)


class LinesTable(QTableWidget):
    lines_changed = Signal()  # a cell was typed in, a row added or removed

    def __init__(self, parent: QWidget | None = None):
        super().__init__(0, 8, parent)
        self.setHorizontalHeaderLabels([self.tr("Product"), self.tr("Description"), self.tr("Qty"), self.tr("Unit"),
                                        self.tr("Unit price"), self.tr("Disc. %"), self.tr("Amount"),
                                        self.tr("Check")])
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        header = self.horizontalHeader()
        header.setSectionResizeMode(DESCRIPTION, QHeaderView.ResizeMode.Stretch)
        for column, width in ((PRODUCT, 130), (QUANTITY, 80), (UNIT, 60), (PRICE, 90), (DISCOUNT, 60),
                              (AMOUNT, 110), (CHECK, 280)):
            header.resizeSection(column, width)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked | QAbstractItemView.EditTrigger.EditKeyPressed
                             | QAbstractItemView.EditTrigger.AnyKeyPressed)
        self.delegate = ProductDelegate(self)
        self.setItemDelegateForColumn(PRODUCT, self.delegate)
        self.delegate.product_chosen.connect(self.choose_product)
        self._filling = False
        self.itemChanged.connect(self.on_item_changed)

    # --- rows -------------------------------------------------------------------------------------

    def add_line(self, *, product_id: int | None = None, sku: str = "", description: str = "",
                 quantity: Decimal | None = None, unit: str = "pcs", unit_price: Decimal | None = None,
                 discount: Decimal | None = None, typed: bool = True) -> int:
        self._filling = True
        row = self.rowCount()
        self.insertRow(row)
        texts = (sku, description, number_text(quantity), unit, price_text(unit_price),
                 number_text(discount) if discount else "", "", "")
        for column, text in enumerate(texts):
            item = QTableWidgetItem(text)
            if column in (QUANTITY, PRICE, DISCOUNT, AMOUNT):
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if column in (AMOUNT, CHECK):
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
            self.setItem(row, column, item)
        self.item(row, PRODUCT).setData(PRODUCT_ID, product_id)
        self.item(row, PRICE).setData(TYPED, typed and unit_price is not None)
        self._filling = False
        self.lines_changed.emit()
        return row

    def remove_selected(self) -> None:
        rows = sorted({i.row() for i in self.selectedIndexes()}, reverse=True)
        for row in rows:
            self.removeRow(row)
        if rows:
            self.lines_changed.emit()

    def choose_product(self, row: int, product_id: int) -> None:
        """A product picked for `row`: its names, unit, and the price proposed for the quantity."""
        view = product_view(product_id)
        local = dict(view.local_names).get("zh", "")
        self._filling = True
        self.item(row, PRODUCT).setText(view.sku)
        self.item(row, PRODUCT).setData(PRODUCT_ID, product_id)
        self.item(row, DESCRIPTION).setText(f"{view.name} / {local}" if local else view.name)
        self.item(row, UNIT).setText(view.unit)
        if not self.item(row, QUANTITY).text().strip():
            self.item(row, QUANTITY).setText(number_text(view.moq) if view.moq else "1")
        self.item(row, PRICE).setText("")
        self.item(row, PRICE).setData(TYPED, False)
        self._filling = False
        self.lines_changed.emit()

    def on_item_changed(self, item: QTableWidgetItem) -> None:
        if self._filling:
            return
        if item.column() == PRICE:
            self._filling = True
            item.setData(TYPED, bool(item.text().strip()))
            item.setFont(QFont())
            item.setForeground(self.palette().text())
            item.setToolTip("")
            self._filling = False
        if item.column() not in (AMOUNT, CHECK):
            self.lines_changed.emit()

    # --- reading ----------------------------------------------------------------------------------

    def text(self, row: int, column: int) -> str:
        item = self.item(row, column)
        return item.text().strip() if item is not None else ""

    def is_typed(self, row: int) -> bool:
        return bool(self.item(row, PRICE).data(TYPED))

    def values(self) -> list[LineValues]:
        """Every row that says something, parsed; a number that does not parse raises ValidationError naming the
        line (field "lines[i].quantity", i from 0) after selecting its cell."""
        lines = []
        for row in range(self.rowCount()):
            if not any(self.text(row, c) for c in (PRODUCT, DESCRIPTION, QUANTITY, PRICE)):
                continue
            try:
                quantity = parse_decimal(self.text(row, QUANTITY) or "0", f"lines[{row}].quantity",
                                         places=QUANTITY_PLACES, minimum=Decimal(0))
                price = (parse_decimal(self.text(row, PRICE), f"lines[{row}].unit_price", minimum=Decimal(0))
                         if self.is_typed(row) and self.text(row, PRICE) else None)
                discount = parse_decimal(self.text(row, DISCOUNT) or "0", f"lines[{row}].discount_percent",
                                         minimum=Decimal(0))
            except ValidationError as exc:
                self.point_at(exc.field)
                raise
            lines.append(LineValues(self.item(row, PRODUCT).data(PRODUCT_ID), self.text(row, DESCRIPTION),
                                    quantity, self.text(row, UNIT) or "pcs", price, discount))
        return lines

    def row_of_line(self, index: int) -> int:
        """The table row of the `index`-th line that says something (values() skips empty rows)."""
        seen = -1
        for row in range(self.rowCount()):
            if any(self.text(row, c) for c in (PRODUCT, DESCRIPTION, QUANTITY, PRICE)):
                seen += 1
                if seen == index:
                    return row
        return index

    def point_at(self, field: str) -> int | None:
        """Select the cell a field name like "lines[2].quantity" points at; its row, or None."""
        match = LINE_FIELD.search(field or "")
        if match is None:
            return None
        row = int(match.group(1))
        column = FIELD_COLUMNS.get(match.group(2), QUANTITY)
        if 0 <= row < self.rowCount():
            self.setCurrentCell(row, column)
            self.item(row, column).setBackground(warning_brush(self).color().lighter(190))
        return row

    # --- what the domain worked out ---------------------------------------------------------------

    def show_proposals(self, rows: list[tuple[int, Decimal | None, Decimal | None, str]], currency: str) -> None:
        """Per row: the unit price used (the proposal where none was typed), the amount, and the warning."""
        self._filling = True
        for row, price, amount, warning in rows:
            price_item = self.item(row, PRICE)
            if not self.is_typed(row):
                price_item.setText(price_text(price) if price is not None else "")
                italic = QFont()
                italic.setItalic(True)
                price_item.setFont(italic)
                price_item.setForeground(muted_brush(self))
                price_item.setToolTip(self.tr("Proposed: the tier price for this quantity. Type to change it."))
            self.item(row, AMOUNT).setText(format_amount(amount, currency) if amount is not None else "")
            check = self.item(row, CHECK)
            check.setText(warning)
            check.setToolTip(warning)
            check.setForeground(warning_brush(self))
            for column in (PRODUCT, QUANTITY, PRICE, DISCOUNT):  # an earlier error's pointer goes
                self.item(row, column).setData(Qt.ItemDataRole.BackgroundRole, None)
        self._filling = False
