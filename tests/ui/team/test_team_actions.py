"""The Team menu on a team server book: the pool filter, Claim, Put back and a manager's Hand over…"""

from __future__ import annotations

import os

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMessageBox

from tests.team_people import NOW, add_customers
from trade_crm.domain.clock import FixedClock
from trade_crm.domain.team.pool import PoolSettings
from trade_crm.store.models import database
from trade_crm.ui.shell.main_window import MainWindow
from trade_crm.ui.team.actions import install_team_actions
from trade_crm.ui.team.handover_dialog import HandoverDialog

SHOTS = os.environ.get("TRADE_CRM_TEST_SHOTS")  # a folder: the tests save what they look at there


def owners(db) -> dict[str, str | None]:
    return dict(db.execute_sql("SELECT name, owner FROM customer ORDER BY id").fetchall())


def make_window(qtbot, tmp_path, book, monkeypatch) -> MainWindow:
    database.initialize(book)  # the window works as this person
    clock = FixedClock(NOW)
    window = MainWindow(clock, tmp_path / "server", QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    window.team = install_team_actions(window, clock)
    window.errors = []
    monkeypatch.setattr(window, "show_error", window.errors.append)
    window.resize(1200, 700)
    window.show()
    qtbot.waitExposed(window)
    return window


def shot(widget, name: str) -> None:
    if SHOTS:
        widget.grab().save(f"{SHOTS}/{name}.png")


def menu_texts(window) -> list[str]:
    menu = next(a.menu() for a in window.menuBar().actions() if a.menu() and a.menu().objectName() == "team_menu")
    return [a.text() for a in menu.actions() if a.isVisible() and not a.isSeparator()]


def test_a_laptop_book_gets_no_team_menu(qtbot, db, tmp_path, clock):
    window = MainWindow(clock, tmp_path / "book.db", QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    assert install_team_actions(window, clock) is None
    assert not window.customer_list.filter_bar.pool_check.isVisibleTo(window)


def test_a_salesperson_sees_the_pool_and_claims_from_it(qtbot, staff, tmp_path, monkeypatch):
    add_customers(2, None, prefix="Pooled")
    add_customers(1, "ann", prefix="Own")
    window = make_window(qtbot, tmp_path, staff["bob"], monkeypatch)
    assert menu_texts(window) == ["Show the public &pool", "&Claim from the pool", "Put &back into the pool"]
    window.team.show_pool()
    pane = window.customer_list
    assert pane.current_filter().pool and pane.chips.labels() == ["In the public pool"]
    qtbot.waitUntil(lambda: pane.model.rowCount() == 2)
    pane.select_row(0)
    shot(window, "pool-filter")
    assert window.team.claim_action.isEnabled()
    claimed = window.team.claim_selected()
    assert len(claimed) == 1 and window.errors == []
    assert owners(staff["mia"])["Pooled pool 0"] == "bob"
    qtbot.waitUntil(lambda: pane.model.rowCount() == 1)  # the list shows what is left in the pool
    assert "1 customer(s) claimed from the pool" in window.statusBar().currentMessage()
    window.timeline.show_customer(claimed[0])
    tree = window.timeline.entries
    rows = [(tree.topLevelItem(i).text(1), tree.topLevelItem(i).text(2)) for i in range(tree.topLevelItemCount())]
    assert ("Handover", "Claimed from the pool by bob") in rows
    shot(window.timeline, "timeline-claimed")


def test_putting_a_customer_back_from_the_list(qtbot, staff, tmp_path, monkeypatch):
    add_customers(1, "bob", prefix="Mine")
    window = make_window(qtbot, tmp_path, staff["bob"], monkeypatch)
    window.customer_list.select_row(0)
    assert window.team.release_selected() and owners(staff["mia"]) == {"Mine bob 0": None}


def test_a_manager_hands_over_from_the_dialog_after_confirming(qtbot, staff, tmp_path, monkeypatch):
    add_customers(3, "ann")
    add_customers(1, "bob")
    window = make_window(qtbot, tmp_path, staff["mia"], monkeypatch)
    assert menu_texts(window)[-2:] == ["&Hand over customers…", "Pool &rule…"]
    menu = next(a.menu() for a in window.menuBar().actions() if a.menu() and a.menu().objectName() == "team_menu")
    menu.adjustSize()
    shot(menu, "team-menu")
    dialog = window.team.open_handover()
    qtbot.waitExposed(dialog)
    assert [dialog.from_combo.itemText(i) for i in range(dialog.from_combo.count())] == [
        "ann (3 customer(s))", "bob (1 customer(s))"]
    dialog.to_combo.setCurrentIndex(dialog.to_combo.findData("ann"))
    assert not dialog.ok_button.isEnabled()  # to oneself: nothing to do
    dialog.to_combo.setCurrentIndex(dialog.to_combo.findData("bob"))
    assert dialog.count_label.text() == "3 customer(s) of ann will belong to bob."
    shot(dialog, "handover-dialog")
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a: asked.append(a[2]) or QMessageBox.StandardButton.No)
    dialog.ok_button.click()
    assert asked and "Hand over all 3 customer(s) of ann to bob?" in asked[0]
    assert set(owners(staff["mia"]).values()) == {"ann", "bob"}  # said no: nothing moved
    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.Yes)
    dialog.ok_button.click()
    assert set(owners(staff["mia"]).values()) == {"bob"}
    assert "3 customer(s) handed over from ann to bob" in window.statusBar().currentMessage()


def test_a_salesperson_gets_no_hand_over_and_the_server_refusal_is_one_line(qtbot, staff, tmp_path, monkeypatch):
    add_customers(1, "ann")
    window = make_window(qtbot, tmp_path, staff["ann"], monkeypatch)
    assert menu_texts(window) == ["Show the public &pool", "&Claim from the pool", "Put &back into the pool"]
    dialog = HandoverDialog(FixedClock(NOW), window, confirm=False)
    qtbot.addWidget(dialog)
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: warnings.append(a[2]))
    dialog.to_combo.setCurrentIndex(dialog.to_combo.findData("bob"))
    assert dialog.hand_over() is None
    assert warnings == ["only a manager may hand customers over, and ann is not one"]


def test_a_manager_sets_the_pool_rule(qtbot, staff, tmp_path, monkeypatch):
    window = make_window(qtbot, tmp_path, staff["mia"], monkeypatch)
    dialog = window.team.open_pool_rule()
    qtbot.waitExposed(dialog)
    assert (dialog.enabled_check.isChecked(), dialog.days_spin.isEnabled()) == (False, False)
    dialog.enabled_check.setChecked(True)
    dialog.days_spin.setValue(45)
    dialog.cap_spin.setValue(120)
    shot(dialog, "pool-rule-dialog")
    assert dialog.save()
    assert PoolSettings.load() == PoolSettings(True, 45, 120)


@pytest.fixture(autouse=True)
def _unbind():
    yield
    database.initialize(None)


def test_the_handover_dialog_speaks_chinese(qtbot, staff, chinese, tmp_path, monkeypatch):
    add_customers(2, "ann")
    window = make_window(qtbot, tmp_path, staff["mia"], monkeypatch)
    assert menu_texts(window)[-2:] == ["移交客户(&H)…", "公海规则(&R)…"]
    dialog = window.team.open_handover()
    qtbot.waitExposed(dialog)
    dialog.to_combo.setCurrentIndex(dialog.to_combo.findData("bob"))
    assert (dialog.windowTitle(), dialog.from_combo.currentText(), dialog.count_label.text()) == (
        "移交客户", "ann（2 个客户）", "ann 的 2 个客户将归 bob 负责。")
    shot(dialog, "handover-dialog-zh")
