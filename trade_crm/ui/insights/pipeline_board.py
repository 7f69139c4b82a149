"""The Pipeline tab: a board with a column per stage (drag a card to move it) and a list with a stage filter.

Every move goes through the domain (`move_card`), which logs it on the customer's timeline; moving to
"quotation" first asks until when the quotation is valid, so an expired one becomes a follow-up.
"""

from __future__ import annotations

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStackedWidget,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from trade_crm.domain.clock import Clock, today
from trade_crm.domain.errors import DomainError
from trade_crm.domain.insights.pipeline import closed_since
from trade_crm.domain.insights.pipeline_board import (
    CARDS_PER_STAGE,
    OPPORTUNITY_STAGES,
    OpportunityCard,
    get_card,
    move_card,
    opportunity_list,
    stage_cards,
    stage_counts,
    stage_names,
)
from trade_crm.ui.common.i18n import fill
from trade_crm.ui.insights.opportunity_dialog import OpportunityDialog, StageNamesDialog, ValidityDialog
from trade_crm.ui.insights.periods import PeriodCombo
from trade_crm.ui.insights.pipeline_cards import (
    CARD_ROLE,
    STAGE_ACCENTS,
    OpportunityTableModel,
    StageList,
    stage_label,
)

LIST_LIMIT = 500


class StageColumn(QFrame):
    def __init__(self, stage: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.stage = stage
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.header = QLabel()
        self.header.setStyleSheet(f"border-bottom: 3px solid {STAGE_ACCENTS[stage]}; padding: 2px 0 4px 0;")
        self.more_label = QLabel()
        self.more_label.setStyleSheet("color: palette(mid);")
        self.list = StageList(stage)
        column = QVBoxLayout(self)
        column.setContentsMargins(4, 4, 4, 4)
        column.addWidget(self.header)
        column.addWidget(self.list, 1)
        column.addWidget(self.more_label)

    def show_cards(self, title: str, cards: list[OpportunityCard], total: int) -> None:
        self.header.setText(f"<b>{title}</b> · {QLocale().toString(total)}")
        self.list.set_cards(cards)
        shown = len(cards)
        self.more_label.setText(fill(self.tr("%1 more in the list view"), QLocale().toString(total - shown))
                                if total > shown else "")
        self.more_label.setVisible(total > shown)


class PipelineBoardWidget(QWidget):
    opportunities_changed = Signal()  # a deal was created, edited, moved or deleted
    customer_requested = Signal(int)

    def __init__(self, clock: Clock, parent: QWidget | None = None):
        super().__init__(parent)
        self._clock = clock
        self._customer: tuple[int, str] | None = None
        self.board_button, self.list_button = QToolButton(), QToolButton()
        self.board_button.setText(self.tr("Board"))
        self.list_button.setText(self.tr("List"))
        self.view_group = QButtonGroup(self)
        for index, button in enumerate((self.board_button, self.list_button)):
            button.setCheckable(True)
            self.view_group.addButton(button, index)
        self.board_button.setChecked(True)
        self.stage_filter = QComboBox()
        self.stage_filter.addItem(self.tr("All stages"), "")
        self.period_combo = PeriodCombo()  # the same period, and so the same figures, as the dashboard's funnel
        self.new_button = QPushButton(self.tr("New opportunity…"))
        self.names_button = QPushButton(self.tr("Stage names…"))
        self.status_label = QLabel()
        self.columns = {stage: StageColumn(stage) for stage in OPPORTUNITY_STAGES}
        board = QWidget()
        row = QHBoxLayout(board)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(6)
        for column in self.columns.values():
            row.addWidget(column, 1)
            column.list.card_dropped.connect(self.on_stage_list_card_dropped)
            column.list.itemActivated.connect(lambda item: self.edit(item.data(CARD_ROLE).id))
        self.model = OpportunityTableModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(lambda index: self.edit(self.model.card(index.row()).id))
        self.pages = QStackedWidget()
        self.pages.addWidget(board)
        self.pages.addWidget(self.table)
        top = QHBoxLayout()
        top.addWidget(self.board_button)
        top.addWidget(self.list_button)
        top.addWidget(self.stage_filter)
        top.addWidget(self.period_combo)
        top.addWidget(self.status_label, 1)
        top.addWidget(self.new_button)
        top.addWidget(self.names_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.pages, 1)
        self.view_group.idClicked.connect(self.on_view_group_id_clicked)
        self.stage_filter.currentIndexChanged.connect(lambda _i: self.refresh())
        self.period_combo.period_changed.connect(lambda _p: self.refresh())
        self.new_button.clicked.connect(self.on_new_button_clicked)
        self.names_button.clicked.connect(self.on_names_button_clicked)
        self.set_customer(None)
        self._fill_stage_filter()
        self.on_view_group_id_clicked(0)

    # --- showing -----------------------------------------------------------------------------------

    def _fill_stage_filter(self) -> None:
        names = stage_names()
        current = self.stage_filter.currentData() or ""
        self.stage_filter.blockSignals(True)
        while self.stage_filter.count() > 1:
            self.stage_filter.removeItem(1)
        for stage in OPPORTUNITY_STAGES:
            self.stage_filter.addItem(stage_label(stage, names), stage)
        self.stage_filter.setCurrentIndex(max(0, self.stage_filter.findData(current)))
        self.stage_filter.blockSignals(False)

    def refresh(self) -> None:
        since = closed_since(today(self._clock), self.period_combo.period())
        counts = stage_counts(since)
        names = stage_names()
        if self.pages.currentIndex() == 0:
            for stage, column in self.columns.items():
                column.list.itemDelegate().today = today(self._clock)
                column.show_cards(stage_label(stage, names),
                                  stage_cards(stage, limit=CARDS_PER_STAGE, closed_since=since), counts[stage])
            self.status_label.setText(fill(self.tr("%1 opportunities"), QLocale().toString(sum(counts.values()))))
        else:
            stage = self.stage_filter.currentData() or ""
            rows = opportunity_list((stage,) if stage else (), limit=LIST_LIMIT, closed_since=since)
            self.model.set_rows(rows)
            total = counts[stage] if stage else sum(counts.values())
            self.status_label.setText(fill(self.tr("%1 of %2 opportunities, latest first"),
                                           QLocale().toString(len(rows)), QLocale().toString(total)))

    def show_view(self, view: str, stage: str = "") -> None:
        """"board", or "list" filtered to `stage` ("" = all stages)."""
        if view == "list":
            self.stage_filter.blockSignals(True)
            self.stage_filter.setCurrentIndex(max(0, self.stage_filter.findData(stage)))
            self.stage_filter.blockSignals(False)
        (self.list_button if view == "list" else self.board_button).setChecked(True)
        self.on_view_group_id_clicked(1 if view == "list" else 0)

    def on_view_group_id_clicked(self, index: int) -> None:
        self.pages.setCurrentIndex(index)
        self.stage_filter.setVisible(index == 1)
        self.refresh()

    def set_customer(self, customer: tuple[int, str] | None) -> None:
        """The customer selected in the customer list: a new opportunity is for them."""
        self._customer = customer
        self.new_button.setEnabled(customer is not None)
        self.new_button.setToolTip(fill(self.tr("New opportunity for %1"), customer[1]) if customer
                                   else self.tr("Select a customer in the Customers tab first"))

    # --- editing -------------------------------------------------------------------------------------

    def on_stage_list_card_dropped(self, opportunity_id: int, stage: str) -> None:
        self.request_move(opportunity_id, stage)

    def request_move(self, opportunity_id: int, stage: str) -> ValidityDialog | None:
        """Move a card; into "quotation", ask for the validity first (the dialog is returned)."""
        try:
            card = get_card(opportunity_id)
        except DomainError as exc:
            self.status_label.setText(str(exc))
            return None
        if card.stage == stage:
            return None
        if stage != "quotation":
            self.move(opportunity_id, stage)
            return None
        dialog = ValidityDialog(self._clock, card.title, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self.move(opportunity_id, stage, valid_until=dialog.valid_until()))
        dialog.open()
        return dialog

    def move(self, opportunity_id: int, stage: str, *, valid_until=None) -> bool:
        try:
            move_card(opportunity_id, stage, self._clock, valid_until=valid_until)
        except DomainError as exc:
            self.status_label.setText(str(exc))
            self.refresh()
            return False
        self.refresh()
        self.opportunities_changed.emit()
        return True

    def _open(self, dialog: QWidget) -> QWidget:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def edit(self, opportunity_id: int) -> OpportunityDialog | None:
        try:
            card = get_card(opportunity_id)
        except DomainError:
            return None
        dialog = OpportunityDialog(self._clock, card=card, parent=self)
        dialog.saved.connect(self.on_dialog_saved)
        return self._open(dialog)

    def on_new_button_clicked(self) -> OpportunityDialog:
        dialog = OpportunityDialog(self._clock, customer=self._customer, parent=self)
        dialog.saved.connect(self.on_dialog_saved)
        return self._open(dialog)

    def on_dialog_saved(self, _opportunity_id: int) -> None:
        self.refresh()
        self.opportunities_changed.emit()

    def on_names_button_clicked(self) -> StageNamesDialog:
        dialog = StageNamesDialog(self)
        dialog.names_saved.connect(self.on_names_saved)
        return self._open(dialog)

    def on_names_saved(self) -> None:
        self._fill_stage_filter()
        self.refresh()
        self.opportunities_changed.emit()
