"""The wizard's review page: the dry run's counts, the matches to merge / skip / create, the problems.

Everything here is the plan the wizard computed; nothing is written yet. A change of the default
policy, of one match's action or of "overwrite" asks the wizard to plan again (options_changed).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from trade_crm.exchange.importing.importer import ImportPlan
from trade_crm.ui.common.i18n import fill
from trade_crm.ui.import_export.result_pages import row_accounting
from trade_crm.ui.import_export.review_models import (
    ActionDelegate,
    CreatedTableModel,
    DuplicatesTableModel,
    ProblemsTableModel,
)
from trade_crm.ui.import_export.wizard_pages import ERROR_STYLE, busy_bar, heading

COUNT_KEYS = ("new_customers", "new_contacts", "merges", "skips", "rows_with_problems", "rows_not_imported")


def _table_view(model) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.verticalHeader().hide()
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setWordWrap(False)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    view.horizontalHeader().setStretchLastSection(True)
    return view


class ReviewPage(QWidget):
    options_changed = Signal()
    report_requested = Signal()

    def __init__(self, labels: dict[str, str], parent: QWidget | None = None):
        super().__init__(parent)
        self.plan: ImportPlan | None = None
        self.decisions: dict[int, str] = {}
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.count_labels: dict[str, QLabel] = {}
        names = {"new_customers": self.tr("new customers"), "new_contacts": self.tr("new contacts"),
                 "merges": self.tr("merges"), "skips": self.tr("skipped"),
                 "rows_with_problems": self.tr("rows with problems"),
                 "rows_not_imported": self.tr("rows not imported")}
        counts = QGridLayout()
        for column, key in enumerate(COUNT_KEYS):
            value = QLabel("–")
            font = value.font()
            font.setPointSizeF(font.pointSizeF() * 1.6)
            font.setBold(True)
            value.setFont(font)
            value.setAlignment(Qt.AlignmentFlag.AlignHCenter)
            caption = QLabel(names[key])
            caption.setAlignment(Qt.AlignmentFlag.AlignHCenter)
            self.count_labels[key] = value
            counts.addWidget(value, 0, column)
            counts.addWidget(caption, 1, column)
        self.busy = busy_bar()
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        self.status_label.hide()
        self.rows_label = QLabel()
        self.rows_label.setWordWrap(True)
        self.tabs = QTabWidget()
        self.tabs.addTab(self._matches_tab(labels), "")
        self.tabs.addTab(self._created_tab(), "")
        self.tabs.addTab(self._problems_tab(), "")
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Review before importing")))
        layout.addWidget(self.intro)
        layout.addLayout(counts)
        layout.addWidget(self.rows_label)
        layout.addWidget(self.busy)
        layout.addWidget(self.status_label)
        layout.addWidget(self.tabs, 1)
        self._update_tab_titles()

    def _matches_tab(self, labels: dict[str, str]) -> QWidget:
        self.policy_combo = QComboBox()
        self.policy_combo.addItem(self.tr("Merge: fill empty fields, add new contacts"), "merge")
        self.policy_combo.addItem(self.tr("Skip: leave the customer as it is"), "skip")
        self.policy_combo.addItem(self.tr("Create anyway: a new customer"), "create")
        self.policy_combo.activated.connect(self.on_policy_combo_activated)
        self.overwrite_box = QCheckBox(self.tr("A merge also replaces fields that already have a value"))
        self.overwrite_box.toggled.connect(self.on_overwrite_box_toggled)
        self.duplicates = DuplicatesTableModel(labels, self)
        self.duplicates.decision_changed.connect(self.on_duplicates_decision_changed)
        self.duplicates_view = _table_view(self.duplicates)
        self.duplicates_view.setItemDelegateForColumn(DuplicatesTableModel.ACTION, ActionDelegate(self))
        self.duplicates_view.setEditTriggers(QAbstractItemView.EditTrigger.AllEditTriggers)
        policy_row = QHBoxLayout()
        policy_row.addWidget(QLabel(self.tr("For every match:")))
        policy_row.addWidget(self.policy_combo)
        policy_row.addStretch(1)
        selected_row = QHBoxLayout()
        selected_row.addWidget(self.overwrite_box)
        selected_row.addStretch(1)
        selected_row.addWidget(QLabel(self.tr("Selected rows:")))
        self.action_buttons = {}
        for action, name in self.duplicates.action_names().items():
            button = QPushButton(name)
            button.clicked.connect(lambda _c=False, a=action: self.set_selected_action(a))
            self.action_buttons[action] = button
            selected_row.addWidget(button)
        tab = QWidget()
        layout = QVBoxLayout(tab)
        layout.addLayout(policy_row)
        layout.addLayout(selected_row)
        layout.addWidget(self.duplicates_view, 1)
        return tab

    def _created_tab(self) -> QWidget:
        self.created = CreatedTableModel(self)
        self.created_view = _table_view(self.created)
        hint = QLabel(self.tr("Rows of one company become one customer only on evidence: the same email, phone or "
                              "company domain, or a name alike with nothing against it. Alike names with their own "
                              "website, email domain or phone are kept apart; merge them later if they are one."))
        hint.setWordWrap(True)
        tab = QWidget()
        layout = QVBoxLayout(tab)
        layout.addWidget(hint)
        layout.addWidget(self.created_view, 1)
        return tab

    def _problems_tab(self) -> QWidget:
        self.problems = ProblemsTableModel(self)
        self.problems_view = _table_view(self.problems)
        self.report_button = QPushButton(self.tr("Save error report…"))
        self.report_button.setToolTip(self.tr("A workbook of the rows with problems and what is wrong with each, "
                                              "to fix and import again"))
        self.report_button.clicked.connect(lambda: self.report_requested.emit())
        row = QHBoxLayout()
        hint = QLabel(self.tr("Rows marked “Not imported” are left out; the others are imported with the "
                              "problem noted."))
        hint.setWordWrap(True)
        row.addWidget(hint, 1)
        row.addWidget(self.report_button)
        tab = QWidget()
        layout = QVBoxLayout(tab)
        layout.addLayout(row)
        layout.addWidget(self.problems_view, 1)
        return tab

    # --- what the user chose ---------------------------------------------------------------------

    def policy(self) -> str:
        return self.policy_combo.currentData()

    def overwrite(self) -> bool:
        return self.overwrite_box.isChecked()

    def reset(self) -> None:
        """A new mapping or file: per-match decisions no longer apply."""
        self.decisions = {}

    def on_policy_combo_activated(self, _index: int) -> None:
        self.decisions = {}  # the default applies to every match again
        self.options_changed.emit()

    def on_overwrite_box_toggled(self, _checked: bool) -> None:
        self.options_changed.emit()

    def on_duplicates_decision_changed(self, key: int, action: str) -> None:
        self.decisions[key] = action
        self.options_changed.emit()

    def set_selected_action(self, action: str) -> None:
        rows = {index.row() for index in self.duplicates_view.selectionModel().selectedIndexes()}
        changed = False
        for row in rows:
            customer = self.duplicates.customers[row]
            if customer.action != action:
                self.decisions[customer.key] = action
                changed = True
        if changed:
            self.options_changed.emit()

    # --- showing ---------------------------------------------------------------------------------

    def show_planning(self) -> None:
        self.busy.setRange(0, 0)
        self.busy.show()
        self.status_label.setStyleSheet("")
        self.status_label.setText(self.tr("Checking every row against your customer book…"))
        self.status_label.show()

    def show_planning_progress(self, done: int, total: int) -> None:
        if total:
            self.busy.setRange(0, total)
            self.busy.setValue(done)

    def show_message(self, message: str, *, error: bool = False) -> None:
        self.busy.hide()
        self.status_label.setStyleSheet(ERROR_STYLE if error else "")
        self.status_label.setText(message)
        self.status_label.setVisible(bool(message))

    def show_plan(self, plan: ImportPlan) -> None:
        self.plan = plan
        self.busy.hide()
        self.status_label.hide()
        counts = plan.counts
        for key, label in self.count_labels.items():
            label.setText(f"{counts[key]:,}")
        where = plan.file_name if plan.sheet == plan.file_name else fill(self.tr("%1, sheet “%2”"),
                                                                          plan.file_name, plan.sheet)
        intro = fill(self.tr("Nothing has been written yet. %Ln row(s) read from %1.", "", plan.total_rows), where)
        if "updates" in counts:  # a workbook exported by Trade CRM: its rows update customers by CRM ID
            intro += " " + fill(self.tr("This is a Trade CRM export: %1 customer(s) are updated by their CRM ID, "
                                        "%2 are unchanged."), counts["updates"], counts.get("unchanged", 0))
        self.intro.setText(intro)
        self.policy_combo.setCurrentIndex(max(0, self.policy_combo.findData(plan.options.on_duplicate)))
        self.rows_label.setText(row_accounting(plan.row_outcomes, plan.total_rows) if plan.outcomes else "")
        self.duplicates.set_plan(plan)
        self.created.set_plan(plan)
        self.problems.set_plan(plan)
        for view in (self.duplicates_view, self.created_view, self.problems_view):
            view.resizeColumnsToContents()
            for column in range(view.model().columnCount() - 1):
                view.setColumnWidth(column, min(view.columnWidth(column), 280))
        self.report_button.setEnabled(bool(plan.problems))
        self._update_tab_titles()

    def _update_tab_titles(self) -> None:
        self.tabs.setTabText(0, fill(self.tr("Matches in your book (%1)"), self.duplicates.rowCount()))
        self.tabs.setTabText(1, fill(self.tr("Will be created (%1)"), self.created.rowCount()))
        self.tabs.setTabText(2, fill(self.tr("Problems (%1)"), self.problems.rowCount()))
