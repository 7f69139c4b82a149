"""Plan a product list's import: read (bounded, importing.readers) -> map headers -> read each row's cells ->
check it as a save would -> match by SKU. Nothing is written: the plan is the dry run.

Every row read ends in exactly one outcome: "created" (a new SKU), "updated" (a stored product with that SKU
changes), "unchanged" (it would not change), "refused" (a problem named by row and column). A row without a
price is kept, with a warning: a quotation line for it will need a typed price.

On an update only the cells the row fills change the product: a blank cell keeps the stored value, and
the row's price columns, when any is filled, replace the stored tiers.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from decimal import Decimal
from pathlib import Path

from trade_crm.domain.errors import ValidationError
from trade_crm.domain.quotes.catalog import product_input, product_view, sku_owner
from trade_crm.domain.quotes.product_input import ProductInput, clean_product
from trade_crm.exchange.files.workbook import cell_text
from trade_crm.exchange.importing.plan import RowProblem
from trade_crm.exchange.importing.products import cells
from trade_crm.exchange.importing.products.columns import (
    ProductColumn,
    find_header,
    fold_header,
    header_score,
    map_columns,
)
from trade_crm.exchange.importing.readers import ReadError, Table, read_table

OUTCOMES = ("created", "updated", "unchanged", "refused")
NO_PRICE = "no price: a quotation line for it will need a typed price"
_DIRECT = ("name", "description", "unit", "currency")
_NUMBERS = {"moq": cells.whole, "pcs_per_carton": cells.whole, "carton_length_cm": cells.quantity,
            "carton_width_cm": cells.quantity, "carton_height_cm": cells.quantity, "carton_cbm": cells.quantity,
            "carton_net_kg": cells.quantity, "carton_gross_kg": cells.quantity}


@dataclass(frozen=True)
class ProductImportOptions:
    sheet: str | None = None
    mapping: Mapping[str, str] = field(default_factory=dict)  # header -> target ("sku", "local:zh", "price:1000")


@dataclass(frozen=True)
class PlannedProduct:
    row: int
    action: str  # "create", "update" or "unchanged"
    sku: str
    data: ProductInput
    product_id: int | None = None  # the stored product an update changes
    has_price: bool = True


@dataclass(frozen=True)
class ProductRowOutcome:
    row: int
    outcome: str  # one of OUTCOMES
    sku: str = ""
    product_id: int | None = None
    reason: str = ""


@dataclass(frozen=True)
class ProductImportPlan:
    path: str
    file_name: str
    sheet: str
    headers: tuple[str, ...]
    header_row: int | None
    columns: tuple[ProductColumn, ...]
    products: tuple[PlannedProduct, ...]
    problems: tuple[RowProblem, ...]
    outcomes: tuple[ProductRowOutcome, ...]
    notices: tuple[str, ...] = ()

    __json_extra__ = ("counts",)

    @property
    def total_rows(self) -> int:
        return len(self.outcomes)

    @property
    def counts(self) -> dict[str, int]:
        counts = {"rows": self.total_rows, **dict.fromkeys(OUTCOMES, 0)}
        for outcome in self.outcomes:
            counts[outcome.outcome] += 1
        counts["without_price"] = sum(1 for p in self.products if not p.has_price)
        return counts


def _grid(table: Table) -> tuple[str, list[tuple[int, list[str]]]]:
    """The sheet's rows as text with their numbers in the file, headers included: a workbook's from the cells
    the reader kept (the sheet naming the most product headers), a CSV's from its table."""
    if table.grids:
        best, best_score = table.sheet, -1
        for name, grid in table.grids.items():
            rows = [[cell_text(v) for v in row] for row in grid[:30]]
            score = max((header_score(r) for r in rows), default=0)
            if score > best_score or (score == best_score and name == table.sheet):
                best, best_score = name, score
        return best, [(i + 1, [cell_text(v) for v in row]) for i, row in enumerate(table.grids[best])]
    rows = [(r.number, list(r.cells)) for r in table.rows]
    if table.header_row is not None:
        head = ["" if blank else h for h, blank in zip(table.headers, table.blank_headers or
                                                           (False,) * len(table.headers), strict=False)]
        rows.insert(0, (table.header_row, head))
    return table.sheet, rows


def _row_input(columns: tuple[ProductColumn, ...], values: list[str], base: ProductInput | None) -> ProductInput:
    """The row's product (over `base`, a stored product's input, for an update). Raises ValidationError naming
    the field of a bad cell."""
    data: dict = {}
    local = dict(base.local_names) if base else {}
    tiers: dict[Decimal, object] = {}
    description: list[str] = []
    price_currency: str | None = None
    for column in columns:
        text = values[column.index].strip() if column.index < len(values) else ""
        if not text:
            continue
        target = column.target
        if column.min_quantity is not None:
            tiers[column.min_quantity], named = cells.money(text, "price")
            price_currency = price_currency or named
        elif target == "sku":
            data["sku"] = text
        elif target.startswith("local:"):
            local[target[6:]] = text
        elif target == "description":
            description.append(text)
        elif target in _DIRECT:
            data[target] = text
        elif target == "hs_code":
            data["hs_code"] = cells.hs_code(text)
        elif target == "cost":
            data["cost"], named = cells.money(text, "cost")
            price_currency = price_currency or named
        elif target == "carton_size":
            length, width, height = cells.dimensions(text)
            data.update(carton_length_cm=length, carton_width_cm=width, carton_height_cm=height)
        elif target == "tags":
            data["tags"] = cells.tags(text)
        else:
            data[target] = _NUMBERS[target](text, target)
    if description:
        data["description"] = "\n".join(description)
    if price_currency:
        if "currency" in data and data["currency"].strip().upper() != price_currency:
            raise ValidationError("currency", f'the price is in {price_currency} but the currency is {data["currency"]}')
        data.setdefault("currency", price_currency)
    if tiers:
        data["tiers"] = tuple(tiers.items())
    if base is not None:
        return replace(base, **data, local_names=local)
    return ProductInput(**{"sku": "", "name": "", **data, "local_names": local})


def plan_table(table: Table, options: ProductImportOptions = ProductImportOptions(), *, path: str = ""
               ) -> ProductImportPlan:
    sheet, grid = _grid(table)
    header_index = find_header([cells_ for _, cells_ in grid])
    if header_index is None and options.mapping:  # the row holding the headers the user mapped
        wanted = {fold_header(h) for h in options.mapping}
        header_index = next((i for i, (_, row) in enumerate(grid[:30]) if wanted & {fold_header(c) for c in row}),
                            None)
    if header_index is None:
        raise ReadError(table.file_name, "no header row names a SKU (货号, 型号, Item No.) and a name (品名, "
                                         "Product name) column; add one, or say which column is which "
                                         '(--map "Header=sku")', sheet=sheet if table.kind == "workbook" else "")
    header_number, headers = grid[header_index][0], tuple(c.strip() for c in grid[header_index][1])
    columns = map_columns(headers, options.mapping)
    targets = {c.target for c in columns}
    notices = tuple(f'the column "{h}" is not a product field and is left out' for i, h in enumerate(headers)
                    if h and i not in {c.index for c in columns})
    if "sku" not in targets:
        raise ReadError(table.file_name, 'no column holds the SKU (货号, 型号, Item No.); say which one does '
                                         '(--map "Header=sku")')
    problems: list[RowProblem] = [RowProblem(sheet, n, "", message, "error") for n, message in table.problems]
    outcomes: list[ProductRowOutcome] = [ProductRowOutcome(n, "refused", reason=m) for n, m in table.problems]
    products: list[PlannedProduct] = []
    seen: dict[str, int] = {}
    for number, values in grid[header_index + 1:]:
        if not any(v.strip() for v in values):
            continue
        sku_column = next(c for c in columns if c.target == "sku")
        sku = values[sku_column.index].strip() if sku_column.index < len(values) else ""
        try:
            if sku.lower() in seen:
                raise ValidationError("sku", f'"{sku}" is on row {seen[sku.lower()]} already')
            stored = sku_owner(sku) if sku else None
            base = product_input(product_view(stored)) if stored else None
            data = _row_input(columns, values, base)
            clean = clean_product(data)
            if stored and clean == clean_product(base):
                action = "unchanged"
            else:
                action = "update" if stored else "create"
        except ValidationError as error:
            column = source_header(error.field, columns)
            problems.append(RowProblem(sheet, number, column, error.message, "error"))
            outcomes.append(ProductRowOutcome(number, "refused", sku, reason=f"{column or error.field}: {error.message}"))
            continue
        seen[sku.lower()] = number
        planned = PlannedProduct(number, action, clean.values["sku"], data, stored, bool(clean.tiers))
        products.append(planned)
        if not planned.has_price:
            problems.append(RowProblem(sheet, number, source_header("price", columns), NO_PRICE))
        outcomes.append(ProductRowOutcome(number, {"create": "created", "update": "updated"}.get(action, action),
                                          planned.sku, stored))
    outcomes.sort(key=lambda o: o.row)
    return ProductImportPlan(str(path), table.file_name, sheet, headers, header_number, columns, tuple(products),
                             tuple(sorted(problems, key=lambda p: p.row)), tuple(outcomes), table.notices + notices)


def source_header(field_name: str, columns: tuple[ProductColumn, ...]) -> str:
    """The header of the column that feeds a product field (for a problem), or "" when none does."""
    for column in columns:
        target = "price" if column.min_quantity is not None else column.target
        if target == field_name or (field_name == "tiers" and target == "price") or (
                field_name == "local_names" and target.startswith("local:")) or (
                target == "carton_size" and field_name.startswith("carton_") and field_name.endswith("_cm")):
            return column.header
    return ""


def plan_products(path: str | Path, options: ProductImportOptions = ProductImportOptions()) -> ProductImportPlan:
    """Read a product list (.xlsx/.xls/.ods/.csv, bounded as every import) and plan it; nothing is written.
    Raises ReadError (a FileRefused) for a file that cannot be read or has no SKU column."""
    table = read_table(path, options.sheet)
    return plan_table(table, options, path=str(path))
