"""Quotes › Products…: the catalog, searched as you type in any script (SKU, English or Chinese name, HS code,
tag), a product opened by double-click, import from and export to .xlsx in a worker (a dry run's summary
first, then the commit on OK)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from trade_crm.domain.clock import Clock
from trade_crm.domain.errors import DomainError
from trade_crm.domain.quotes.catalog import archive_product, search_products
from trade_crm.ui.common.file_dialogs import open_file, save_file
from trade_crm.ui.common.i18n import fill
from trade_crm.ui.common.tables import row_table
from trade_crm.ui.common.workers import Job
from trade_crm.ui.quotes import product_files
from trade_crm.ui.quotes.bits import number_text, price_text
from trade_crm.ui.quotes.product_dialog import ProductDialog

SKU, NAME, LOCAL, UNIT, MOQ, PRICE, CURRENCY, PER_CARTON = range(8)
SEARCH_DELAY_MS = 120
SHOWN = 500


class ProductsWindow(QDialog):
    products_changed = Signal()

    def __init__(self, clock: Clock, parent: QWidget | None = None, *, root: Path | None = None):
        super().__init__(parent)
        self.setWindowFlag(Qt.WindowType.Window)
        self._clock, self._root = clock, root
        self.hits: list = []
        self.job: Job | None = None
        self.dialog: ProductDialog | None = None
        self.setWindowTitle(self.tr("Products"))
        self.search_edit = QLineEdit()
        self.search_edit.setPlaceholderText(self.tr("Search SKU, name (any language), HS code or tag"))
        self.search_edit.setClearButtonEnabled(True)
        self.new_button = QPushButton(self.tr("New product…"))
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.archive_button = QPushButton(self.tr("Archive"))
        self.import_button = QPushButton(self.tr("Import…"))
        self.export_button = QPushButton(self.tr("Export…"))
        self.table = row_table([self.tr("SKU"), self.tr("Name"), self.tr("Chinese name"), self.tr("Unit"),
                                self.tr("MOQ"), self.tr("Price from"), self.tr("Currency"), self.tr("Pcs/carton")],
                               stretch=NAME, fit=(SKU, LOCAL, UNIT, MOQ, PRICE, CURRENCY, PER_CARTON))
        self.status_label = QLabel()
        top = QHBoxLayout()
        top.addWidget(self.search_edit, 1)
        for button in (self.new_button, self.edit_button, self.archive_button, self.import_button,
                       self.export_button):
            top.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table)
        layout.addWidget(self.status_label)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(SEARCH_DELAY_MS)
        self.timer.timeout.connect(self.refresh)
        self.search_edit.textChanged.connect(self.timer.start)
        self.new_button.clicked.connect(lambda: self.open_product(None))
        self.edit_button.clicked.connect(lambda: self.open_product(self.current_id()))
        self.archive_button.clicked.connect(self.on_archive_button_clicked)
        self.import_button.clicked.connect(self.on_import_button_clicked)
        self.export_button.clicked.connect(self.on_export_button_clicked)
        self.table.itemDoubleClicked.connect(lambda _item: self.open_product(self.current_id()))
        self.table.itemSelectionChanged.connect(self.update_buttons)
        self.resize(1100, 640)
        self.refresh()

    def refresh(self) -> None:
        self.timer.stop()
        selected = self.current_id()
        self.hits = list(search_products(self.search_edit.text().strip(), limit=SHOWN))
        self.table.setRowCount(len(self.hits))
        for row, hit in enumerate(self.hits):
            values = (hit.sku, hit.name, hit.local_names.get("zh", ""), hit.unit, number_text(hit.moq) if hit.moq else "",
                      price_text(hit.price), hit.currency, number_text(hit.pcs_per_carton))
            for column, value in enumerate(values):
                item = QTableWidgetItem(value or "")
                if column in (MOQ, PRICE, PER_CARTON):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                item.setData(Qt.ItemDataRole.UserRole, hit.id)
                self.table.setItem(row, column, item)
            if hit.id == selected:
                self.table.selectRow(row)
        self.status_label.setText(self.tr("%n product(s) shown", "", len(self.hits)))
        self.update_buttons()

    def current_id(self) -> int | None:
        row = self.table.currentRow()
        selected = self.table.selectionModel().hasSelection()
        return self.hits[row].id if selected and 0 <= row < len(self.hits) else None

    def select_product(self, product_id: int) -> None:
        for row, hit in enumerate(self.hits):
            if hit.id == product_id:
                self.table.selectRow(row)

    def update_buttons(self) -> None:
        one = self.current_id() is not None
        self.edit_button.setEnabled(one)
        self.archive_button.setEnabled(one)

    def open_product(self, product_id: int | None) -> ProductDialog:
        self.dialog = ProductDialog(self._clock, product_id, self, root=self._root)
        self.dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog.product_saved.connect(self.on_product_dialog_product_saved)
        self.dialog.open()
        return self.dialog

    def on_product_dialog_product_saved(self, product_id: int) -> None:
        self.refresh()
        self.select_product(product_id)
        self.products_changed.emit()

    def on_archive_button_clicked(self) -> None:
        product_id = self.current_id()
        if product_id is None:
            return
        try:
            archive_product(product_id, self._clock)
        except DomainError as exc:
            self.status_label.setText(str(exc))
            return
        self.refresh()
        self.products_changed.emit()

    # --- import and export ------------------------------------------------------------------------

    def on_import_button_clicked(self) -> None:
        path = open_file(self, self.tr("Import products"), self.tr("Spreadsheets (*.xlsx *.csv)"))
        if path is not None:
            self.start_import(path, dry_run=True)

    def start_import(self, path: Path, *, dry_run: bool) -> Job:
        self.status_label.setText(self.tr("Reading the file…") if dry_run else self.tr("Importing…"))
        self._set_busy(True)
        self.job = Job(product_files.import_file, path, self._clock, dry_run, parent=self, title="Importing products")
        self.job.finished.connect(lambda summary: self.on_import_job_finished(path, dry_run, summary))
        self.job.failed.connect(self.on_job_failed)
        self.job.start()
        return self.job

    def on_import_job_finished(self, path: Path, dry_run: bool, summary) -> None:
        self._set_busy(False)
        text = product_files.summary_text(summary)
        if not dry_run:
            self.status_label.setText(text)
            self.refresh()
            self.products_changed.emit()
            return
        self.status_label.setText("")
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Import products"),
                          fill(self.tr("%1\n\nImport these products now?"), text),
                          QMessageBox.StandardButton.NoButton, self)
        go = box.addButton(self.tr("Import"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        go.setEnabled(product_files.importable(summary))
        box.setObjectName("import_summary")
        box.finished.connect(lambda _r: self.start_import(path, dry_run=False) if box.clickedButton() is go else None)
        self.summary_box = box
        box.open()

    def on_export_button_clicked(self) -> None:
        path = save_file(self, self.tr("Export products"), "products.xlsx", self.tr("Excel workbook (*.xlsx)"))
        if path is not None:
            self.start_export(path)

    def start_export(self, path: Path) -> Job:
        self._set_busy(True)
        self.job = Job(product_files.export_file, path, parent=self, title="Exporting products")
        self.job.finished.connect(lambda count: self.on_export_job_finished(path, count))
        self.job.failed.connect(self.on_job_failed)
        self.job.start()
        return self.job

    def on_export_job_finished(self, path: Path, count) -> None:
        self._set_busy(False)
        self.status_label.setText(fill(self.tr("%1 products written to %2"), count, path.name))

    def on_job_failed(self, error: BaseException) -> None:
        self._set_busy(False)
        self.status_label.setText(getattr(error, "message", "") or str(error))

    def _set_busy(self, busy: bool) -> None:
        for button in (self.import_button, self.export_button):
            button.setEnabled(not busy)
