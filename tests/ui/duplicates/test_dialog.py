"""Tools > Find duplicates: the search in a worker, merging through the undo stack, "not a duplicate",
and undoing a merge from its timeline entry."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings, Qt

from trade_crm.domain.customers.contacts import ContactInput
from trade_crm.domain.customers.records import create_customer, get_customer
from trade_crm.domain.customers.timeline import log_interaction
from trade_crm.domain.duplicates.merge import take
from trade_crm.domain.duplicates.merge_undo import merge_of_interaction
from trade_crm.domain.duplicates.scan import find_duplicates, not_duplicate_pairs
from trade_crm.domain.errors import NotFoundError
from trade_crm.ui.duplicates.dialog import DuplicatesDialog
from trade_crm.ui.duplicates.merge_actions import MergeCommand, install_merge_actions
from trade_crm.ui.shell.main_window import MainWindow


@pytest.fixture
def book(db, clock):
    a = create_customer(clock, name="Acme Trading GmbH", country="DE", city="Hamburg",
                        contacts=[ContactInput(name="Hans Müller", emails=("hans@acme.de",))])
    b = create_customer(clock, name="ACME Trading", country="DE",
                        contacts=[ContactInput(name="Anna Schmidt", emails=("hans@acme.de",))])
    log_interaction(b, "email", "Sent the price list", clock)
    c = create_customer(clock, name="Golden Star Textiles", country="IN")
    d = create_customer(clock, name="Golden Star Textile", country="IN")
    create_customer(clock, name="Zeta Imports", country="BR")
    return a, b, c, d


@pytest.fixture
def window(qtbot, db, db_path, clock, tmp_path, book, monkeypatch):
    window = MainWindow(clock, db_path, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    install_merge_actions(window, clock)
    window.errors = []
    monkeypatch.setattr(window, "show_error", window.errors.append)
    return window


def scanned(qtbot, dialog: DuplicatesDialog) -> DuplicatesDialog:
    qtbot.waitUntil(lambda: not dialog.busy, timeout=10_000)
    return dialog


def open_dialog(qtbot, window) -> DuplicatesDialog:
    dialog = window.merge_controller.open_duplicates()
    return scanned(qtbot, dialog)


def test_tools_menu_finds_the_groups_with_reason_and_score(qtbot, window, book):
    a, b, c, d = book
    menus = {action.menu().objectName(): action.menu() for action in window.menuBar().actions() if action.menu()}
    tools = menus["tools_menu"]
    assert [action.text() for action in tools.actions()] == ["Find &duplicates…", "&Merge customers…"]
    dialog = open_dialog(qtbot, window)
    model = dialog.model
    assert model.rowCount() == 2
    first = [model.index(0, column).data() for column in range(3)]
    assert first == ["100", "Same email hans@acme.de (+2 more)", "Acme Trading GmbH (DE) · ACME Trading (DE)"]
    tip = model.index(0, 1).data(Qt.ItemDataRole.ToolTipRole).splitlines()
    assert tip[0] == "Same email hans@acme.de" and tip[1] == "Same company domain acme.de"
    assert model.index(1, 1).data().startswith("Similar names: ")
    assert dialog.status_label.text() == "2 group(s) of probable duplicates, the surest first."
    assert dialog.members.topLevelItemCount() == 2 and dialog.merge_button.isEnabled()
    assert dialog.progress.isHidden() and dialog.cancel_button.isHidden()


def test_a_merge_from_the_dialog_goes_through_the_undo_stack(qtbot, window, book):
    a, b, c, d = book
    before = take([a, b])
    dialog = open_dialog(qtbot, window)
    dialog.merge_button.click()
    merge_dialog = dialog.merge_dialog
    assert merge_dialog.keep_id() == a and merge_dialog.other_ids() == [b]
    merge_dialog.merge_button.click()
    assert window.errors == []
    with pytest.raises(NotFoundError):
        get_customer(b)
    assert len(get_customer(a).contacts) == 2
    assert isinstance(window.undo_stack.command(0), MergeCommand)
    assert window.undo_stack.undoText().startswith("Merge 1 customer")
    assert window.undo_stack.undoText().endswith("into “Acme Trading GmbH”")
    assert dialog.model.rowCount() == 1 and dialog.undo_button.isVisible() is dialog.isVisible()
    window.undo_stack.undo()
    assert take([a, b]) == before
    window.undo_stack.redo()
    assert get_customer(a).tags == () and len(get_customer(a).contacts) == 2


def test_not_a_duplicate_hides_the_group_and_can_be_undone(qtbot, window, book):
    a, b, c, d = book
    dialog = open_dialog(qtbot, window)
    dialog.table.selectRow(1)
    assert {item for item in dialog.checked_ids()} == {c, d}
    dialog.not_duplicate_button.click()
    assert dialog.model.rowCount() == 1
    assert not_duplicate_pairs() == {(c, d)}
    assert [g.ids for g in find_duplicates().groups] == [(a, b)]
    window.undo_stack.undo()
    assert not_duplicate_pairs() == set()


def test_unticking_a_customer_leaves_too_few_to_merge(qtbot, window, book):
    dialog = open_dialog(qtbot, window)
    dialog.members.topLevelItem(1).setCheckState(0, Qt.CheckState.Unchecked)
    assert not dialog.merge_button.isEnabled() and not dialog.not_duplicate_button.isEnabled()


def test_the_search_can_be_cancelled(qtbot, db, clock, book):
    dialog = DuplicatesDialog(clock)
    qtbot.addWidget(dialog)
    job = dialog.start()
    job.cancel()
    scanned(qtbot, dialog)
    assert dialog.status_label.text() in ("Search cancelled.", "2 group(s) of probable duplicates, the surest first.")
    assert dialog.rescan_button.isEnabled()


def test_a_merge_is_undone_from_its_timeline_entry(qtbot, window, book):
    a, b, c, d = book
    before = take([a, b])
    controller = window.merge_controller
    window.show()
    qtbot.waitExposed(window)
    window.customer_list.reload()
    rows = [window.customer_list.model.row_of(i) for i in (a, b)]
    window.customer_list._select_rows(rows, rows[0])
    assert controller.merge_action.isEnabled()
    assert controller.merge(a, [b], {})
    other = take([c, d])
    assert window.push(MergeCommand(c, [d], {}, controller._clock, controller.on_changed, window.show_error))
    # a's merge is not the last command any more: the timeline undoes it directly, and its stale stack
    # entry then does nothing
    window.timeline.show_customer(a)
    entries = window.timeline.entries
    item = next(entries.topLevelItem(i) for i in range(entries.topLevelItemCount())
                if entries.topLevelItem(i).data(0, Qt.ItemDataRole.UserRole) == "merge")
    interaction_id = controller.merge_entry_id(item)
    assert interaction_id is not None
    menu = controller.timeline_menu_at(entries.visualItemRect(item).center())
    assert menu.actions() == [controller.undo_action]
    assert controller._undo_merge_id == merge_of_interaction(interaction_id).id
    menu.actions()[0].trigger()
    menu.deleteLater()
    assert take([a, b]) == before
    window.undo_stack.undo()
    assert take([c, d]) == other
    window.undo_stack.undo()
    assert window.errors == [] and take([a, b]) == before


def test_a_group_gone_stale_since_the_search_says_so(qtbot, window, book, clock):
    from trade_crm.domain.customers.records import delete_customers

    a, b, c, d = book
    dialog = open_dialog(qtbot, window)
    delete_customers([b])
    dialog.merge_button.click()
    assert dialog.merge_dialog is None
    assert dialog.status_label.text() == f"Cannot merge: no customer with id {b}. Search again."
