"""The pipeline board: a column per stage, drag and drop moves a card (and logs it), a quotation asks for
its validity, the list filters by stage, stages can be renamed, and a new deal is for the chosen customer."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QByteArray, QMimeData, QPointF, Qt
from PySide6.QtGui import QDropEvent

from trade_crm.domain.customers.records import create_customer
from trade_crm.domain.customers.timeline import timeline
from trade_crm.domain.insights.pipeline import create_opportunity
from trade_crm.domain.insights.pipeline_board import get_card, opportunity_list, stage_names
from trade_crm.store.models import Interaction
from trade_crm.ui.insights.opportunity_dialog import OpportunityDialog, StageNamesDialog, ValidityDialog
from trade_crm.ui.insights.pipeline_board import PipelineBoardWidget
from trade_crm.ui.insights.pipeline_cards import MIME_TYPE


@pytest.fixture
def deals(db, clock):
    cid = create_customer(clock, name="Lagos Power Ltd", country="NG")
    return cid, {
        "panels": create_opportunity(cid, "Solar panels 550W", clock, value="80000", currency="USD", probability=10),
        "cables": create_opportunity(cid, "Cable ties", clock, stage="sample", value="900", currency="EUR",
                                     probability=50),
    }


@pytest.fixture
def board(qtbot, deals, clock):
    widget = PipelineBoardWidget(clock)
    qtbot.addWidget(widget)
    widget.resize(1300, 700)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def _drop(target_list, opportunity_id: int) -> None:
    mime = QMimeData()
    mime.setData(MIME_TYPE, QByteArray(str(opportunity_id).encode("ascii")))
    actions = Qt.DropAction.MoveAction | Qt.DropAction.CopyAction  # what a StageList drag offers
    event = QDropEvent(QPointF(10, 10), actions, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    target_list.dropEvent(event)
    assert event.dropAction() == Qt.DropAction.CopyAction  # the source list keeps its item; the board reloads


def test_board_has_a_column_per_stage_with_its_cards(board, deals):
    _cid, ids = deals
    assert list(board.columns) == ["inquiry", "quotation", "sample", "negotiation", "won", "lost"]
    assert [c.id for c in board.columns["inquiry"].list.cards()] == [ids["panels"]]
    assert [c.id for c in board.columns["sample"].list.cards()] == [ids["cables"]]
    assert "Inquiry" in board.columns["inquiry"].header.text()
    assert board.status_label.text() == "2 opportunities"
    source = board.columns["inquiry"].list
    assert bytes(source.mimeData([source.item(0)]).data(MIME_TYPE)) == str(ids["panels"]).encode()


def test_a_drop_of_something_else_is_ignored(board, deals):
    mime = QMimeData()
    mime.setText("not a card")
    event = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier)
    board.columns["won"].list.dropEvent(event)
    assert not event.isAccepted()


def test_dropping_a_card_on_another_stage_moves_it_and_logs_the_move(board, deals, qtbot):
    cid, ids = deals
    target = board.columns["negotiation"].list
    with qtbot.waitSignal(board.opportunities_changed):
        _drop(target, ids["panels"])
    assert get_card(ids["panels"]).stage == "negotiation"
    assert [c.id for c in target.cards()] == [ids["panels"]]
    assert board.columns["inquiry"].list.count() == 0
    assert timeline(cid)[0].summary == "Solar panels 550W: inquiry → negotiation"


def test_dropping_on_quotation_asks_until_when_it_is_valid(board, deals, qtbot):
    cid, ids = deals
    with qtbot.waitSignal(board.columns["quotation"].list.card_dropped):
        _drop(board.columns["quotation"].list, ids["panels"])
    dialog = board.findChild(ValidityDialog)
    assert dialog is not None and dialog.isVisible()
    assert dialog.valid_until() == date(2026, 12, 23)  # 30 days from the clock's day
    with qtbot.waitSignal(board.opportunities_changed):
        dialog.accept()
    assert get_card(ids["panels"]).stage == "quotation"
    quotation = Interaction.get(Interaction.customer == cid, Interaction.kind == "quotation")
    assert quotation.valid_until == date(2026, 12, 23)


def test_the_list_view_filters_by_stage(board, deals):
    _cid, ids = deals
    board.show_view("list", "sample")
    assert board.pages.currentIndex() == 1 and board.stage_filter.isVisible()
    assert [board.model.card(r).id for r in range(board.model.rowCount())] == [ids["cables"]]
    board.stage_filter.setCurrentIndex(0)
    assert board.model.rowCount() == 2
    assert board.model.index(0, 3).data() in ("900 EUR", "80,000 USD")


def test_stages_can_be_renamed(board, qtbot):
    dialog = board.on_names_button_clicked()
    assert isinstance(dialog, StageNamesDialog)
    dialog.edits["inquiry"].setText("Lead")
    with qtbot.waitSignal(board.opportunities_changed):
        dialog.accept()
    assert stage_names() == {"inquiry": "Lead"}
    assert "Lead" in board.columns["inquiry"].header.text()
    assert board.stage_filter.itemText(1) == "Lead"


def test_a_new_opportunity_is_for_the_selected_customer(board, deals, qtbot):
    cid, _ids = deals
    assert not board.new_button.isEnabled()
    board.set_customer((cid, "Lagos Power Ltd"))
    dialog = board.on_new_button_clicked()
    assert isinstance(dialog, OpportunityDialog)
    dialog.title_edit.setText("Inverters")
    dialog.stage_combo.setCurrentIndex(dialog.stage_combo.findData("negotiation"))
    assert dialog.probability_spin.value() == 70
    dialog.value_edit.setText("12,500")
    with qtbot.waitSignal(board.opportunities_changed):
        dialog.accept()
    (new,) = [c for c in opportunity_list() if c.title == "Inverters"]
    assert (new.customer_id, new.stage, new.value, new.probability) == (cid, "negotiation", 12500, 70)


def test_the_edit_dialog_shows_a_validation_error_next_to_the_form(board, deals):
    _cid, ids = deals
    dialog = board.edit(ids["cables"])
    dialog.title_edit.setText("")
    dialog.accept()
    assert dialog.isVisible() and "title" in dialog.error_label.text()
    dialog.title_edit.setText("Cable ties, black")
    dialog.currency_edit.setText("EUR")
    dialog.accept()
    assert get_card(ids["cables"]).title == "Cable ties, black"
