"""Create or edit a product: names in each language, prices by quantity, packing (the carton's CBM worked out
from its size while typing), photos and tags. Saved through domain/quotes/catalog in one transaction; a
ValidationError shows under its field (a price tier's under the tiers table) and nothing is saved."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QIcon, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLineEdit,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from trade_crm.domain.clock import Clock
from trade_crm.domain.errors import DomainError, ValidationError
from trade_crm.domain.quotes.catalog import product_view, save_product
from trade_crm.domain.quotes.money import parse_decimal
from trade_crm.domain.quotes.product_input import ProductInput, ProductPhoto
from trade_crm.domain.quotes.product_photos import add_product_photo, photo_file
from trade_crm.ui.common.field_errors import split_list
from trade_crm.ui.common.file_dialogs import open_files
from trade_crm.ui.common.i18n import fill
from trade_crm.ui.quotes.bits import CURRENCIES, FieldErrors, form_page, number_text, price_text

PACKING = ("pcs_per_carton", "carton_length_cm", "carton_width_cm", "carton_height_cm", "carton_cbm",
           "carton_net_kg", "carton_gross_kg")
PLACES = {"carton_length_cm": 1, "carton_width_cm": 1, "carton_height_cm": 1, "carton_cbm": 6,
          "carton_net_kg": 3, "carton_gross_kg": 3}
LANGUAGES = ("zh", "ar", "ru", "es", "fr", "de", "ja")
UNITS = ("pcs", "sets", "pairs", "m", "kg", "cartons", "rolls", "sheets")
THUMB = 96


class ProductDialog(QDialog):
    product_saved = Signal(int)

    def __init__(self, clock: Clock, product_id: int | None = None, parent: QWidget | None = None, *,
                 root: Path | None = None):
        super().__init__(parent)
        self._clock, self._product_id = clock, product_id
        self._root = root  # the book's attachments folder, where photos are kept; None: no photos
        self.setWindowTitle(self.tr("New product") if product_id is None else self.tr("Edit product"))
        self.errors = FieldErrors()
        self.tabs = QTabWidget()
        self.tabs.addTab(self._product_tab(), self.tr("Product"))
        self.tabs.addTab(self._prices_tab(), self.tr("Prices"))
        self.tabs.addTab(self._packing_tab(), self.tr("Packing"))
        self.tabs.addTab(self._photos_tab(), self.tr("Photos"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(self.errors.general)
        layout.addWidget(buttons)
        if product_id is not None:
            self._load(product_id)
        else:
            self.add_tier("1", "")
        self.resize(720, 560)

    # --- building ---------------------------------------------------------------------------------

    def _product_tab(self) -> QWidget:
        page, form = form_page()
        self.sku_edit, self.name_edit, self.hs_edit = QLineEdit(), QLineEdit(), QLineEdit()
        self.sku_edit.setPlaceholderText(self.tr("e.g. LP-6060-40W"))
        self.unit_combo = QComboBox()
        self.unit_combo.setEditable(True)
        self.unit_combo.addItems(UNITS)
        self.moq_spin = QSpinBox()
        self.moq_spin.setRange(0, 10_000_000)
        self.moq_spin.setSpecialValueText(self.tr("none"))
        self.currency_combo = QComboBox()
        self.currency_combo.setEditable(True)
        self.currency_combo.addItems(CURRENCIES)
        self.cost_edit = QLineEdit()
        self.cost_edit.setPlaceholderText(self.tr("for your margin; never printed"))
        self.tags_edit = QLineEdit()
        self.tags_edit.setPlaceholderText(self.tr("comma-separated"))
        self.description_edit = QPlainTextEdit()
        self.description_edit.setMaximumHeight(90)
        self.names_table = QTableWidget(0, 2)
        self.names_table.setHorizontalHeaderLabels([self.tr("Language"), self.tr("Name")])
        self.names_table.horizontalHeader().setStretchLastSection(True)
        self.names_table.verticalHeader().hide()
        self.names_table.setMaximumHeight(120)
        for code in ("zh",):
            self.add_name(code, "")
        add_name = QPushButton(self.tr("Add language"))
        add_name.clicked.connect(lambda: self.add_name(next(
            (c for c in LANGUAGES if c not in self.local_names()), ""), ""))
        names = QWidget()
        names_layout = QVBoxLayout(names)
        names_layout.setContentsMargins(0, 0, 0, 0)
        names_layout.addWidget(self.names_table)
        names_layout.addWidget(add_name, 0, Qt.AlignmentFlag.AlignLeft)
        e = self.errors
        form.addRow(self.tr("SKU"), e.cell("sku", self.sku_edit))
        form.addRow(self.tr("Name (English)"), e.cell("name", self.name_edit))
        form.addRow(self.tr("Other languages"), e.cell("local_names", names))
        form.addRow(self.tr("Description"), e.cell("description", self.description_edit))
        form.addRow(self.tr("HS code"), e.cell("hs_code", self.hs_edit))
        form.addRow(self.tr("Unit"), e.cell("unit", self.unit_combo))
        form.addRow(self.tr("MOQ"), e.cell("moq", self.moq_spin))
        form.addRow(self.tr("Currency"), e.cell("currency", self.currency_combo))
        form.addRow(self.tr("Cost"), e.cell("cost", self.cost_edit))
        form.addRow(self.tr("Tags"), e.cell("tags", self.tags_edit))
        return page

    def _prices_tab(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        self.tiers_table = QTableWidget(0, 2)
        self.tiers_table.setHorizontalHeaderLabels([self.tr("From quantity"), self.tr("Unit price")])
        self.tiers_table.horizontalHeader().setStretchLastSection(True)
        self.tiers_table.verticalHeader().hide()
        add, remove = QPushButton(self.tr("Add tier")), QPushButton(self.tr("Remove tier"))
        add.clicked.connect(lambda: self.add_tier("", ""))
        remove.clicked.connect(self.remove_tier)
        row = QHBoxLayout()
        row.addWidget(add)
        row.addWidget(remove)
        row.addStretch(1)
        layout.addWidget(self.errors.cell("tiers", self.tiers_table))
        self.errors.labels["price"] = self.errors.labels["tiers"]  # a tier's price
        layout.addLayout(row)
        return page

    def _packing_tab(self) -> QWidget:
        page, form = form_page()
        self.packing_edits = {key: QLineEdit() for key in PACKING}
        labels = {"pcs_per_carton": self.tr("Pieces per carton"), "carton_length_cm": self.tr("Carton length (cm)"),
                  "carton_width_cm": self.tr("Carton width (cm)"), "carton_height_cm": self.tr("Carton height (cm)"),
                  "carton_cbm": self.tr("Carton volume (CBM)"), "carton_net_kg": self.tr("N.W. per carton (kg)"),
                  "carton_gross_kg": self.tr("G.W. per carton (kg)")}
        for key in PACKING:
            form.addRow(labels[key], self.errors.cell(key, self.packing_edits[key]))
        for key in ("carton_length_cm", "carton_width_cm", "carton_height_cm"):
            self.packing_edits[key].textChanged.connect(self.update_cbm_hint)
        return page

    def _photos_tab(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        self.photos_list = QListWidget()
        self.photos_list.setViewMode(QListView.ViewMode.IconMode)
        self.photos_list.setIconSize(QSize(THUMB, THUMB))
        self.photos_list.setResizeMode(QListView.ResizeMode.Adjust)
        self.photos_list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        add, remove = QPushButton(self.tr("Add photos…")), QPushButton(self.tr("Remove"))
        add.clicked.connect(self.on_add_photos_clicked)
        add.setEnabled(self._root is not None)
        remove.clicked.connect(lambda: [self.photos_list.takeItem(self.photos_list.row(i))
                                        for i in self.photos_list.selectedItems()])
        row = QHBoxLayout()
        row.addWidget(add)
        row.addWidget(remove)
        row.addStretch(1)
        layout.addWidget(self.errors.cell("photos", self.photos_list))
        layout.addLayout(row)
        return page

    # --- rows -------------------------------------------------------------------------------------

    def add_name(self, language: str, name: str) -> None:
        row = self.names_table.rowCount()
        self.names_table.insertRow(row)
        self.names_table.setItem(row, 0, QTableWidgetItem(language))
        self.names_table.setItem(row, 1, QTableWidgetItem(name))

    def local_names(self) -> dict[str, str]:
        names = {}
        for row in range(self.names_table.rowCount()):
            code, name = (self.names_table.item(row, c) for c in (0, 1))
            if code and name and code.text().strip() and name.text().strip():
                names[code.text().strip()] = name.text().strip()
        return names

    def add_tier(self, quantity: str, price: str) -> None:
        row = self.tiers_table.rowCount()
        self.tiers_table.insertRow(row)
        self.tiers_table.setItem(row, 0, QTableWidgetItem(quantity))
        self.tiers_table.setItem(row, 1, QTableWidgetItem(price))

    def remove_tier(self) -> None:
        rows = sorted({i.row() for i in self.tiers_table.selectedIndexes()}, reverse=True)
        for row in rows or [self.tiers_table.rowCount() - 1]:
            if row >= 0:
                self.tiers_table.removeRow(row)

    def add_photo(self, path: Path, kept: ProductPhoto | None = None) -> None:
        """A photo in the list: one the product has (`kept`, its bytes at `path`), or a file to add on save."""
        pixmap = QPixmap(str(path))
        item = QListWidgetItem(kept.name if kept is not None else path.name)
        if not pixmap.isNull():
            item.setIcon(QIcon(pixmap.scaled(THUMB, THUMB, Qt.AspectRatioMode.KeepAspectRatio,
                                              Qt.TransformationMode.SmoothTransformation)))
        item.setData(Qt.ItemDataRole.UserRole, kept if kept is not None else path)
        item.setToolTip(str(path))
        self.photos_list.addItem(item)

    def on_add_photos_clicked(self) -> None:
        for path in open_files(self, self.tr("Add photos"), self.tr("Images (*.png *.jpg *.jpeg *.webp)")):
            self.add_photo(path)

    def update_cbm_hint(self) -> None:
        """The carton's volume from its size, shown in the CBM field until a volume is typed there."""
        try:
            sides = [parse_decimal(self.packing_edits[k].text(), k, places=1)
                     for k in ("carton_length_cm", "carton_width_cm", "carton_height_cm")]
        except ValidationError:
            sides = []
        filled = all(self.packing_edits[k].text().strip()
                     for k in ("carton_length_cm", "carton_width_cm", "carton_height_cm"))
        if filled and sides:
            cbm = (sides[0] * sides[1] * sides[2] / Decimal(1_000_000)).quantize(Decimal("0.000001"))
            self.packing_edits["carton_cbm"].setPlaceholderText(fill(self.tr("%1 (from the size)"), number_text(cbm)))
        else:
            self.packing_edits["carton_cbm"].setPlaceholderText("")

    # --- loading and saving -----------------------------------------------------------------------

    def _load(self, product_id: int) -> None:
        view = product_view(product_id)
        self.sku_edit.setText(view.sku)
        self.name_edit.setText(view.name)
        self.names_table.setRowCount(0)
        for code, name in dict(view.local_names).items():
            self.add_name(code, name)
        if not view.local_names:
            self.add_name("zh", "")
        self.description_edit.setPlainText(view.description)
        self.hs_edit.setText(view.hs_code)
        self.unit_combo.setCurrentText(view.unit)
        self.moq_spin.setValue(int(view.moq or 0))
        self.currency_combo.setCurrentText(view.currency)
        self.cost_edit.setText(price_text(view.cost))
        self.tags_edit.setText(", ".join(view.tags))
        for tier in view.tiers:
            self.add_tier(number_text(tier.min_quantity), price_text(tier.unit_price))
        for key in PACKING:
            value = getattr(view, key, None)
            self.packing_edits[key].setText(number_text(value) if value is not None else "")
        for photo in view.photos:
            self.add_photo(photo_file(self._root, photo) if self._root is not None else Path(photo.name), photo)

    def product_input(self) -> ProductInput:
        """What the form says, as the catalog takes it; a number that does not parse raises at its field."""
        tiers = []
        for row in range(self.tiers_table.rowCount()):
            quantity, price = (self.tiers_table.item(row, c) for c in (0, 1))
            quantity_text = quantity.text().strip() if quantity else ""
            price_text_ = price.text().strip() if price else ""
            if not price_text_:  # a row without a price is no tier (a product may have no price yet)
                continue
            tiers.append((parse_decimal(quantity_text or "0", "tiers", places=3),
                          parse_decimal(price_text_, "tiers")))
        packing = {}
        for key in PACKING:
            text = self.packing_edits[key].text().strip()
            if not text:
                packing[key] = None
            elif key == "pcs_per_carton":
                packing[key] = int(parse_decimal(text, key, places=0))
            else:
                packing[key] = parse_decimal(text, key, places=PLACES[key])
        cost = self.cost_edit.text().strip()
        return ProductInput(
            sku=self.sku_edit.text().strip(), name=self.name_edit.text().strip(), local_names=self.local_names(),
            description=self.description_edit.toPlainText().strip(), hs_code=self.hs_edit.text().strip(),
            unit=self.unit_combo.currentText().strip(), moq=self.moq_spin.value(),
            currency=self.currency_combo.currentText().strip().upper(),
            cost=parse_decimal(cost, "cost") if cost else None, tiers=tuple(tiers),
            tags=split_list(self.tags_edit.text()), photos=tuple(p for p in self.photos() if isinstance(p, ProductPhoto)),
            **packing)

    def photos(self) -> list[ProductPhoto | Path]:
        return [self.photos_list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.photos_list.count())]

    def save(self) -> int | None:
        self.errors.clear()
        try:
            view = save_product(self.product_input(), self._clock, product_id=self._product_id)
            self._product_id = view.id
            for path in (p for p in self.photos() if isinstance(p, Path)):  # kept in the blob store, one by one
                add_product_photo(view.id, path, self._root, self._clock)
        except DomainError as exc:
            key = self.errors.show(exc)
            self._show_tab_of(key)
            return None
        self.product_saved.emit(view.id)
        return view.id

    def _show_tab_of(self, key: str) -> None:
        label = self.errors.labels.get(key)
        for index in range(self.tabs.count()):
            if label is not None and self.tabs.widget(index).isAncestorOf(label):
                self.tabs.setCurrentIndex(index)

    def accept(self) -> None:
        if self.save() is not None:
            super().accept()
