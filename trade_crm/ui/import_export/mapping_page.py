"""The wizard's column mapping page: each file column -> a field, with a live preview of the first rows.

The page maps the columns over the whole table (exchange.importer.map_columns: headers, content, a
saved mapping, the user's choices) and previews by planning only the first rows with that mapping
spelled out in full, so the preview and the final plan agree. Nothing is dropped silently: a column
no field takes goes to the notes or becomes a custom field, and "ignore" is only ever the user's pick.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from trade_crm.domain.errors import DomainError
from trade_crm.exchange.importing.importer import ImportOptions, ImportPlan, map_columns, plan_table
from trade_crm.exchange.importing.layout import mappings
from trade_crm.exchange.importing.layout.evidence import Evidence
from trade_crm.exchange.importing.layout.headers import IDENTITY_FIELDS, ColumnMapping
from trade_crm.exchange.importing.readers import Table
from trade_crm.ui.common.i18n import fill
from trade_crm.ui.import_export.preview import FieldNames, PreviewBuilder, target_text
from trade_crm.ui.import_export.wizard_pages import ERROR_STYLE, heading

PREVIEW_ROWS = 8
SPECIAL = ("notes", "custom", "ignore")


class MappingPage(QWidget):
    """File column -> field combos, the saved mappings, and the preview of the first rows."""

    mapping_changed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.table: Table | None = None
        self.base = ImportOptions()
        self.columns: tuple[ColumnMapping, ...] = ()
        self.user_map: dict[str, str] = {}
        self.saved_name = ""
        self.preview_plan: ImportPlan | None = None
        self._fit_pending = False
        self._fit_timer = QTimer(self)  # a child: it dies with the page
        self._fit_timer.setSingleShot(True)
        self._fit_timer.setInterval(0)
        self._fit_timer.timeout.connect(self._fit_mapping_table)
        self.labels = FieldNames(self).labels()
        self.saved_combo = QComboBox()
        self.saved_combo.setMinimumContentsLength(16)
        self.saved_combo.activated.connect(self.on_saved_combo_activated)
        self.save_button = QPushButton(self.tr("Save mapping…"))
        self.save_button.clicked.connect(self.on_save_button_clicked)
        self.unmapped_combo = QComboBox()
        self.unmapped_combo.addItem(self.tr("are added to the notes"), "notes")
        self.unmapped_combo.addItem(self.tr("become custom fields"), "custom")
        self.unmapped_combo.activated.connect(self.on_unmapped_combo_activated)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Saved mapping:")))
        top.addWidget(self.saved_combo)
        top.addWidget(self.save_button)
        top.addSpacing(24)
        top.addWidget(QLabel(self.tr("Columns no field takes")))
        top.addWidget(self.unmapped_combo)
        top.addStretch(1)
        self.mapping_table = QTableWidget(0, 4)
        self.mapping_table.setHorizontalHeaderLabels([self.tr("Column in the file"), self.tr("Example values"),
                                                      self.tr("Imports as"), self.tr("The values")])
        self.mapping_table.verticalHeader().hide()
        self.mapping_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.mapping_table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        header = self.mapping_table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.ResizeToContents)
        self.notice_label = QLabel()
        self.notice_label.setWordWrap(True)
        self.preview = QTableWidget(0, 0)
        self.preview.verticalHeader().hide()
        self.preview.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.preview.setWordWrap(False)
        self.preview_builder = PreviewBuilder(self.preview, self.labels)
        preview_box = QWidget()
        preview_layout = QVBoxLayout(preview_box)
        preview_layout.setContentsMargins(0, 0, 0, 0)
        preview_layout.addWidget(QLabel(self.tr("Preview: how the first rows will be imported")))
        preview_layout.addWidget(self.preview)
        self.splitter = splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.mapping_table)
        splitter.addWidget(preview_box)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([300, 200])
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Column mapping")))
        layout.addLayout(top)
        layout.addWidget(self.notice_label)
        layout.addWidget(splitter, 1)

    # --- input --------------------------------------------------------------------------------------

    def set_table(self, table: Table, base: ImportOptions) -> None:
        """A newly read table: start from the automatic mapping, or the saved one for these headers."""
        self.table, self.base, self.user_map = table, base, {}
        suggested = mappings.find_mapping(table.headers)
        self.saved_name = suggested.name if suggested else ""
        self._fill_saved_combo()
        self.refresh()
        self._fit_pending = True
        if self.isVisible():
            self._fit_mapping_table()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._fit_pending:
            self._fit_timer.start()  # once the splitter has its height

    def _fit_mapping_table(self) -> None:
        """Give the mapping table the height of its rows (up to 60%), the preview the rest."""
        self._fit_pending = False
        table, total = self.mapping_table, sum(self.splitter.sizes())
        wanted = table.horizontalHeader().height() + 2 * table.frameWidth() + sum(
            table.rowHeight(row) for row in range(table.rowCount()))
        wanted = min(wanted, int(total * 0.6))
        self.splitter.setSizes([wanted, total - wanted])

    def set_base(self, base: ImportOptions) -> None:
        """The file page's choices (source, tag, country) changed: the preview follows."""
        if base != self.base:
            self.base = base
            self.refresh()

    def _fill_saved_combo(self) -> None:
        self.saved_combo.clear()
        self.saved_combo.addItem(self.tr("(automatic)"), "")
        for saved in mappings.list_mappings():
            self.saved_combo.addItem(saved.name, saved.name)
        self.saved_combo.setCurrentIndex(max(0, self.saved_combo.findData(self.saved_name)))

    def overrides(self) -> dict[str, str]:
        out: dict[str, str] = {}
        if self.saved_name and self.table is not None:
            saved = next((m for m in mappings.list_mappings() if m.name == self.saved_name), None)
            if saved is not None:
                out.update({h: t for h, t in saved.mapping.items() if h in self.table.headers})
        out.update(self.user_map)
        return out

    def full_mapping(self) -> dict[str, str]:
        return {c.header: target_text(c) for c in self.columns}

    def options(self) -> ImportOptions:
        """The options the plan and the commit use: every column's target spelled out."""
        return replace(self.base, mapping=self.full_mapping(), unmapped=self.unmapped_combo.currentData(),
                       use_saved_mapping=False)

    def has_identity(self) -> bool:
        return any(c.target in IDENTITY_FIELDS for c in self.columns)

    def set_target(self, header: str, target: str) -> None:
        """The user maps the column `header` to `target` ("email", "custom", "ignore", ...)."""
        self.user_map[header] = target
        self.refresh()

    # --- user actions --------------------------------------------------------------------------------

    def on_saved_combo_activated(self, _index: int) -> None:
        self.saved_name = self.saved_combo.currentData() or ""
        self.user_map = {}
        self.refresh()

    def on_unmapped_combo_activated(self, _index: int) -> None:
        self.refresh()

    def on_save_button_clicked(self) -> None:
        default = self.saved_name or (self.table.file_name.rsplit(".", 1)[0] if self.table else "")
        name, ok = QInputDialog.getText(self, self.tr("Save mapping"),
                                        self.tr("Name (suggested again for files with the same headers):"),
                                        QLineEdit.EchoMode.Normal, default)
        if ok:
            self.save_mapping_as(name)

    def save_mapping_as(self, name: str) -> bool:
        if self.table is None:
            return False
        try:
            saved = mappings.save_mapping(name, self.table.headers, self.columns)
        except DomainError as exc:
            self._show_notices([str(exc)], error=True)
            return False
        self.saved_name, self.user_map = saved.name, {}
        self._fill_saved_combo()
        self.refresh()
        return True

    # --- showing ------------------------------------------------------------------------------------

    def refresh(self) -> None:
        if self.table is None:
            return
        options = replace(self.base, mapping=self.overrides(), unmapped=self.unmapped_combo.currentData(),
                          use_saved_mapping=False)
        try:
            self.columns, _ = map_columns(self.table, options)
        except DomainError:  # a saved mapping naming a target this version does not know
            self.saved_name = ""
            self.columns, _ = map_columns(self.table, replace(options, mapping=self.user_map))
        self._fill_mapping_table()
        notices = list(self.table.notices)
        try:
            self.preview_plan = plan_table(replace(self.table, rows=self.table.rows[:PREVIEW_ROWS]), self.options())
        except DomainError as exc:
            self.preview_plan = None
            notices.append(str(exc))
        else:
            self.preview_builder.show(self.columns, self.preview_plan)
        if not self.has_identity():
            notices.insert(0, self.tr("No column is a company, contact name, email or phone yet, so no row can be "
                                      "imported. Choose which column is which."))
        self._show_notices(notices, error=not self.has_identity())
        self.mapping_changed.emit()

    def _show_notices(self, notices: list[str], *, error: bool = False) -> None:
        self.notice_label.setStyleSheet(ERROR_STYLE if error else "")
        self.notice_label.setText("\n".join(notices))
        self.notice_label.setVisible(bool(notices))

    def _fill_mapping_table(self) -> None:
        table = self.mapping_table
        table.setRowCount(len(self.columns))
        origins = {"auto": self.tr("Recognised from the header"), "layout": self.tr("Recognised from the header"),
                   "content": self.tr("Recognised from what the column holds"),
                   "saved": self.tr("From the saved mapping"), "user": self.tr("Your choice"),
                   "default": self.tr("No field matches this header")}
        for row, column in enumerate(self.columns):
            name = QTableWidgetItem(column.header)
            examples = QTableWidgetItem(" · ".join(self._examples(column.index)))
            examples.setForeground(QBrush(QColor("#707070")))
            table.setItem(row, 0, name)
            table.setItem(row, 1, examples)
            combo = table.cellWidget(row, 2)
            if not isinstance(combo, QComboBox):
                combo = QComboBox()
                combo.activated.connect(lambda _i, r=row: self._on_target_combo_activated(r))
                table.setCellWidget(row, 2, combo)
            self._fill_target_combo(combo, column)
            combo.setToolTip(origins.get(column.origin, ""))
            evidence = QTableWidgetItem(self.evidence_text(column.evidence))
            evidence.setForeground(QBrush(QColor("#707070")))
            table.setItem(row, 3, evidence)
            font = name.font()
            font.setItalic(column.origin == "default")
            name.setFont(font)

    def evidence_text(self, evidence: Evidence | None) -> str:
        """ "92% look like company names": why a column was mapped (or what else it holds)."""
        if evidence is None:
            return ""
        kinds = {
            "email": self.tr("%1% look like email addresses"), "website": self.tr("%1% look like web addresses"),
            "phone": self.tr("%1% look like phone numbers"), "country": self.tr("%1% look like countries"),
            "company": self.tr("%1% look like company names"), "person": self.tr("%1% look like people's names"),
            "date": self.tr("%1% look like dates"), "number": self.tr("%1% look like numbers"),
        }
        return fill(kinds[evidence.kind], evidence.percent) if evidence.kind in kinds else ""

    def _fill_target_combo(self, combo: QComboBox, column: ColumnMapping) -> None:
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(self.tr("— add to the notes —"), "notes")
        combo.addItem(self.tr("— custom field —"), "custom")
        if column.target == "custom" and column.custom_name and column.custom_name != column.header:
            combo.addItem(f"— {column.custom_name} —", target_text(column))
        combo.addItem(self.tr("— ignore (not imported) —"), "ignore")
        combo.insertSeparator(combo.count())
        for key, label in self.labels.items():
            if key != "notes":
                combo.addItem(label, key)
        current = target_text(column) if column.custom_name else column.target
        combo.setCurrentIndex(max(0, combo.findData(current)))
        combo.blockSignals(False)

    def _on_target_combo_activated(self, row: int) -> None:
        combo = self.mapping_table.cellWidget(row, 2)
        self.set_target(self.columns[row].header, combo.currentData())

    def _examples(self, index: int, limit: int = 3) -> list[str]:
        found: list[str] = []
        for raw in self.table.rows[:200]:
            value = " ".join(raw.cells[index].split()) if index < len(raw.cells) else ""
            if value and value not in found:
                found.append(value if len(value) <= 40 else value[:39] + "…")
                if len(found) == limit:
                    break
        return found
