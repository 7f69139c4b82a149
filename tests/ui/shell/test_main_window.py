"""The main window: search, selection and timeline, delete and undo, bulk actions, first run, counts."""

from __future__ import annotations

import re
import subprocess
from datetime import date, timedelta

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QAbstractButton, QAbstractItemView, QLabel, QMessageBox, QWidget

from trade_crm.demo.book import load_demo
from trade_crm.domain.customers.contacts import ContactInput
from trade_crm.domain.customers.query import CustomerFilter, matching_ids
from trade_crm.domain.customers.records import create_customer, customer_count, get_customer
from trade_crm.domain.customers.timeline import log_interaction, timeline
from trade_crm.ui.customers.customer_table_model import Column
from trade_crm.ui.shell.main_window import MainWindow


@pytest.fixture
def settings(tmp_path):
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def make_window(qtbot, db, db_path, clock, settings):
    def make(**kwargs) -> MainWindow:
        window = MainWindow(clock, db_path, settings, **kwargs)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        return window
    return make


@pytest.fixture
def book(db, clock) -> dict[str, int]:
    ids = {}
    for name, country, rating, follow_up in (("Müller Maschinenbau GmbH", "DE", "A", date(2026, 11, 20)),
                                             ("Lima Trading SAC", "PE", "B", None),
                                             ("Gulf Tools LLC", "AE", None, date(2026, 12, 1))):
        ids[name] = create_customer(clock, name=name, country=country, rating=rating, follow_up_on=follow_up,
                                    contacts=[ContactInput(name=f"Buyer of {name}", emails=("buyer@example.com",))])
    log_interaction(ids["Müller Maschinenbau GmbH"], "email", "Sent the 2027 catalogue", clock,
                    occurred_at=clock.now() - timedelta(days=23))
    log_interaction(ids["Lima Trading SAC"], "call", "Asked for CIF Callao price", clock,
                    occurred_at=clock.now() - timedelta(days=2))
    return ids


def texts_in(widget: QWidget) -> list[str]:
    """Every text a person can read in `widget`: labels, buttons and item views' cells."""
    out = []
    for child in [widget, *widget.findChildren(QWidget)]:
        if isinstance(child, QLabel | QAbstractButton):
            out.append(child.text())
        if isinstance(child, QAbstractItemView) and child.model() is not None:
            model, stack = child.model(), [child.rootIndex()]
            while stack:
                parent = stack.pop()
                for row in range(model.rowCount(parent)):
                    for column in range(model.columnCount(parent)):
                        index = model.index(row, column, parent)
                        out.append(str(model.data(index, Qt.ItemDataRole.DisplayRole) or ""))
                        stack.append(index) if column == 0 else None
    return out


def shows(widget: QWidget, text: str) -> bool:
    return any(text in t for t in texts_in(widget))


def names_in(window: MainWindow) -> list[str]:
    model = window.customer_list.model
    return [model.data(model.index(r, Column.COMPANY)) for r in range(model.rowCount())]


def select(window: MainWindow, *names: str) -> None:
    pane = window.customer_list
    rows = [names_in(window).index(n) for n in names]
    pane._select_rows(rows, rows[0])


def test_first_run_page_is_shown_on_an_empty_database(make_window):
    window = make_window(demo_loader=lambda: None)
    assert window.stack.currentWidget() is window.first_run
    assert window.first_run.add_button.isVisibleTo(window) and window.first_run.demo_button.isVisibleTo(window)


def test_first_run_hides_the_demo_button_when_there_is_no_demo_book(make_window):
    window = make_window(demo_loader=None)
    assert not window.first_run.demo_button.isVisibleTo(window)


def test_loading_the_demo_book_leaves_the_first_run_page(make_window, clock):
    def fake_demo():
        create_customer(clock, name="Demo Buyer Ltd", country="GB")

    window = make_window(demo_loader=fake_demo)
    window.first_run.demo_button.click()
    assert window.stack.currentWidget() is window.splitter
    assert names_in(window) == ["Demo Buyer Ltd"]
    assert window.customer_list.current_id() is not None


def test_the_real_demo_book_loads_into_the_list(make_window, clock):
    window = make_window(demo_loader=lambda: load_demo(clock, customers=30, seed=2026))
    window.load_demo()
    assert customer_count() == 30
    assert window.customer_list.model.total() == 30


def test_typing_in_search_filters_the_list(qtbot, make_window, book):
    window = make_window()
    assert len(names_in(window)) == 3
    qtbot.keyClicks(window.customer_list.search_edit, "muller")
    qtbot.waitUntil(lambda: names_in(window) == ["Müller Maschinenbau GmbH"])
    assert "1 shown" in window.counts_label.text()
    window.customer_list.search_edit.clear()
    qtbot.waitUntil(lambda: len(names_in(window)) == 3)


def test_selecting_a_customer_shows_its_timeline(qtbot, make_window, book):
    window = make_window()
    select(window, "Lima Trading SAC")
    qtbot.waitUntil(lambda: shows(window.timeline, "Asked for CIF Callao price"))
    assert not shows(window.timeline, "Sent the 2027 catalogue")


def test_a_saved_new_customer_leaves_the_first_run_page_and_is_selected(make_window, clock):
    window = make_window()
    assert window.stack.currentWidget() is window.first_run
    dialog = window.open_customer_dialog(None)
    customer = create_customer(clock, name="Nordic Lights AB", country="SE")
    dialog.customer_saved.emit(customer)
    dialog.close()
    assert window.stack.currentWidget() is window.splitter
    assert window.customer_list.current_id() == customer


def test_opening_a_customer_from_the_reminders_selects_it(make_window, book):
    window = make_window()
    window.reminders.open_customer_requested.emit(book["Gulf Tools LLC"])
    assert window.customer_list.current_id() == book["Gulf Tools LLC"]


def test_delete_then_undo_restores_the_customer_and_its_timeline(qtbot, make_window, book, monkeypatch):
    monkeypatch.setattr(QMessageBox, "question", lambda *args, **kwargs: QMessageBox.StandardButton.Yes)
    window = make_window()
    lima = book["Lima Trading SAC"]
    select(window, "Lima Trading SAC")
    window.customer_list.table.setFocus()
    window.actions.delete.trigger()
    assert customer_count() == 2
    assert "Lima Trading SAC" not in names_in(window)
    window.actions.undo.trigger()
    assert customer_count() == 3
    assert get_customer(lima).contacts[0].name == "Buyer of Lima Trading SAC"
    assert [e.summary for e in timeline(lima)] == ["Asked for CIF Callao price"]
    assert window.customer_list.current_id() == lima
    qtbot.waitUntil(lambda: shows(window.timeline, "Asked for CIF Callao price"))


def test_delete_key_in_the_list_deletes_the_selected_customer(qtbot, make_window, book, monkeypatch):
    monkeypatch.setattr(QMessageBox, "question", lambda *args, **kwargs: QMessageBox.StandardButton.Yes)
    window = make_window()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    select(window, "Gulf Tools LLC")
    window.customer_list.table.setFocus()
    qtbot.keyClick(window.customer_list.table, Qt.Key.Key_Delete)
    assert "Gulf Tools LLC" not in names_in(window)
    window.customer_list.search_edit.setFocus()
    window.customer_list.search_edit.setText("Lima")
    qtbot.keyClick(window.customer_list.search_edit, Qt.Key.Key_Home)
    qtbot.keyClick(window.customer_list.search_edit, Qt.Key.Key_Delete)
    assert window.customer_list.search_edit.text() == "ima"
    assert customer_count() == 2


def test_delete_asks_first_and_does_nothing_when_declined(make_window, book, monkeypatch):
    monkeypatch.setattr(QMessageBox, "question", lambda *args, **kwargs: QMessageBox.StandardButton.No)
    window = make_window()
    select(window, "Gulf Tools LLC")
    window.actions.delete.trigger()
    assert customer_count() == 3
    assert window.undo_stack.count() == 0


def test_bulk_delete_of_several_customers_is_one_undo_step(make_window, book):
    window = make_window()
    select(window, "Gulf Tools LLC", "Lima Trading SAC")
    assert window.delete_selected()
    assert names_in(window) == ["Müller Maschinenbau GmbH"]
    assert window.undo_stack.count() == 1
    window.undo_stack.undo()
    assert len(names_in(window)) == 3
    assert sorted(window.customer_list.selected_ids()) == sorted([book["Gulf Tools LLC"], book["Lima Trading SAC"]])


def test_deleting_every_customer_shows_the_first_run_page_until_undone(make_window, book):
    window = make_window()
    select(window, *book)
    assert window.delete_selected()
    assert window.stack.currentWidget() is window.first_run
    assert window.actions.undo.isEnabled()
    window.actions.undo.trigger()
    assert window.stack.currentWidget() is window.splitter and len(names_in(window)) == 3


def test_bulk_tag_and_untag_apply_to_the_selection_and_undo(make_window, book, clock):
    window = make_window()
    select(window, "Gulf Tools LLC", "Lima Trading SAC")
    assert window.tag_selected("canton-fair-2026")
    tagged = set(matching_ids(CustomerFilter(tag="canton-fair-2026"), today=date(2026, 11, 23)))
    assert tagged == {book["Gulf Tools LLC"], book["Lima Trading SAC"]}
    assert window.customer_list.filter_bar.tag_combo.findData("canton-fair-2026") >= 0
    window.undo_stack.undo()
    assert matching_ids(CustomerFilter(tag="canton-fair-2026"), today=date(2026, 11, 23)) == []
    window.undo_stack.redo()
    select(window, "Lima Trading SAC")
    assert window.tag_selected("canton-fair-2026", add=False)
    assert matching_ids(CustomerFilter(tag="canton-fair-2026"), today=date(2026, 11, 23)) == [book["Gulf Tools LLC"]]
    window.undo_stack.undo()
    assert len(matching_ids(CustomerFilter(tag="canton-fair-2026"), today=date(2026, 11, 23))) == 2


def test_bulk_set_rating_undoes_to_each_customers_own_rating(make_window, book):
    window = make_window()
    select(window, "Müller Maschinenbau GmbH", "Lima Trading SAC", "Gulf Tools LLC")
    assert window.rate_selected("C")
    assert {get_customer(i).rating for i in book.values()} == {"C"}
    window.actions.undo.trigger()
    assert [get_customer(book[n]).rating for n in ("Müller Maschinenbau GmbH", "Lima Trading SAC",
                                                   "Gulf Tools LLC")] == ["A", "B", None]


def test_status_bar_counts_customers_shown_and_overdue(qtbot, make_window, book):
    window = make_window()
    assert window.counts_label.text().startswith("3 customer")
    assert "3 shown" in window.counts_label.text() and "1 overdue" in window.counts_label.text()
    window.customer_list.filter_bar.overdue_check.setChecked(True)
    assert names_in(window) == ["Müller Maschinenbau GmbH"]
    assert "1 shown" in window.counts_label.text()


def test_active_filters_show_as_chips_that_clear_them(make_window, book):
    window = make_window()
    pane = window.customer_list
    pane.filter_bar.rating_combo.setCurrentIndex(pane.filter_bar.rating_combo.findData("B"))
    pane.filter_bar.overdue_check.setChecked(True)
    assert names_in(window) == []
    assert pane.chips.isVisibleTo(window) and pane.chips.labels() == ["Rating: B", "Follow-up overdue"]
    pane.chips.chip_cleared.emit("follow_up_overdue")
    assert names_in(window) == ["Lima Trading SAC"]
    pane.chips.clear_button.click()
    assert len(names_in(window)) == 3 and not pane.chips.isVisibleTo(window)


def test_saved_view_restores_its_filters(make_window, book):
    window = make_window()
    pane = window.customer_list
    pane.filter_bar.country_combo.setCurrentIndex(pane.filter_bar.country_combo.findData("PE"))
    pane.save_view("Peru")
    pane.clear_filters()
    assert len(names_in(window)) == 3
    pane.apply_view("Peru")
    assert names_in(window) == ["Lima Trading SAC"]


def test_window_layout_and_sort_are_remembered(make_window, book, settings):
    window = make_window()
    window.resize(760, 560)  # fits the off-screen platform's 800x600 screen, so no clamping on restore
    window.customer_list.table.sortByColumn(Column.COMPANY, Qt.SortOrder.DescendingOrder)
    window.splitter.setSizes([500, 250])
    window.side_splitter.setSizes([200, 250])
    sizes = (window.splitter.sizes(), window.side_splitter.sizes())
    window.close()
    again = make_window()
    assert again.size() == window.size()
    assert (again.splitter.sizes(), again.side_splitter.sizes()) == sizes
    assert names_in(again)[0] == "Müller Maschinenbau GmbH"
    header = again.customer_list.table.horizontalHeader()
    assert header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder


def test_a_column_the_store_cannot_sort_by_keeps_the_current_order(make_window, book):
    window = make_window()
    assert not window.customer_list.model.is_sortable(Column.CONTACT)
    header = window.customer_list.table.horizontalHeader()
    before = names_in(window)
    header.setSortIndicator(Column.CONTACT, Qt.SortOrder.DescendingOrder)
    assert (header.sortIndicatorSection(), names_in(window)) == (Column.COMPANY, before)


def test_later_features_add_their_file_actions_in_one_place(make_window):
    window = make_window()
    action = QAction("Import a trade-show list…", window)
    triggered = []
    action.triggered.connect(lambda: triggered.append(True))
    window.add_file_action(action, toolbar=True, first_run="Excel or CSV from a fair")
    file_actions = window.actions.file_menu.actions()
    assert file_actions.index(action) < file_actions.index(window.actions.quit)
    button = next(b for b in window.first_run.findChildren(QAbstractButton) if "trade-show" in b.text())
    button.click()
    assert triggered == [True]


# --- the Chinese user interface ---------------------------------------------------------------

ALLOWED_LATIN = {"Trade", "CRM", "Ctrl", "Shift", "Del", "WhatsApp", "WeChat", "Skype", "LinkedIn", "Excel", "vCard"}


@pytest.fixture
def chinese(qapp, tmp_path):
    from PySide6.QtCore import QLocale

    from trade_crm.tools.compile_translations import lrelease_command
    from trade_crm.ui.common.i18n import install_translator, remove_translators, translations_folder

    source = translations_folder() / "trade_crm_zh_CN.ts"
    subprocess.run([*lrelease_command(), "-silent", str(source), "-qm", str(tmp_path / "trade_crm_zh_CN.qm")],
                   check=True)
    translators = install_translator(qapp, "zh_CN", folder=tmp_path)
    yield
    remove_translators(qapp, translators)
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))


def chrome_texts(window: MainWindow) -> list[str]:
    """Window title, menus, actions and their tips, labels, buttons, placeholders, headers, combo items."""
    from PySide6.QtWidgets import QComboBox, QHeaderView, QLineEdit, QMenu

    out = [window.windowTitle()]
    for menu in window.findChildren(QMenu):
        out.append(menu.title())
        for action in menu.actions():
            out += [action.text(), action.toolTip(), action.statusTip()]
    country_views = {window.customer_list.filter_bar.country_combo.view(),
                     window.customer_list.filter_bar.country_combo.completer().popup()}
    for widget in window.findChildren(QWidget):
        if not widget.isVisibleTo(window) or widget in country_views:
            continue
        if isinstance(widget, QLabel | QAbstractButton):
            out += [widget.text(), widget.toolTip()]
        if isinstance(widget, QLineEdit):
            out.append(widget.placeholderText())
        if isinstance(widget, QComboBox) and widget.count() < 20:
            out += [widget.itemText(i) for i in range(widget.count())]
        if isinstance(widget, QHeaderView) and widget.model() is not None:
            model = widget.model()
            out += [str(model.headerData(s, widget.orientation()) or "") for s in range(widget.count())]
    return [t for t in out if t]


def untranslated(texts: list[str]) -> list[str]:
    """Texts with Latin words a Chinese user would read; rich-text markup is not read, so it is dropped."""
    readable = {t: re.sub(r"<[^>]*>", " ", t) for t in texts}
    return sorted({t for t, shown in readable.items() if set(re.findall(r"[A-Za-z]{3,}", shown)) - ALLOWED_LATIN})


def test_chinese_main_window_has_no_untranslated_string(qtbot, chinese, make_window, clock):
    customer = create_customer(clock, name="深圳华强电子", country="CN", rating="A",
                               contacts=[ContactInput(name="王伟")], follow_up_on=date(2026, 11, 20))
    log_interaction(customer, "sample", "寄出三件样品", clock, occurred_at=clock.now() - timedelta(days=5))
    window = make_window(language="zh_CN")
    select(window, "深圳华强电子")
    window.customer_list.filters_button.setChecked(True)
    qtbot.waitUntil(lambda: shows(window.timeline, "寄出三件样品"))
    # Country names are data (domain.countries); the combo's list is checked by the domain's tests.
    texts = chrome_texts(window) + [t for pane in (window.customer_list.table, window.timeline, window.reminders)
                                    for t in texts_in(pane)]
    assert "客户" in " ".join(texts)
    assert untranslated(texts) == [], "\n".join(untranslated(texts))


def test_chinese_first_run_page_has_no_untranslated_string(chinese, make_window):
    window = make_window(language="zh_CN", demo_loader=lambda: None)
    assert window.stack.currentWidget() is window.first_run
    assert untranslated(chrome_texts(window)) == []


# --- composition root, settings, language ------------------------------------------------------

def test_run_gui_with_a_broken_database_explains_and_leaves_the_file_alone(qapp, tmp_path, monkeypatch):
    from trade_crm.app import run_gui

    bad = tmp_path / "book.db"
    bad.write_bytes(b"Company,Country\nAcme,DE\n" * 200)
    before = bad.read_bytes()
    shown, offered = [], []
    monkeypatch.setattr(QMessageBox, "critical", lambda parent, title, text, *a, **k: shown.append(text))
    # The user is offered the newest good backup and declines it.
    monkeypatch.setattr("trade_crm.app.offer_backup_at_start",
                        lambda path, error, clock, **kw: offered.append((path, str(error))) or False)
    assert run_gui(bad) == 2
    assert offered and offered[0][0] == bad
    assert len(shown) == 1 and str(bad) in shown[0]
    assert bad.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["book.db"]


def test_a_damaged_book_opens_after_the_offered_backup_is_restored(qapp, tmp_path, monkeypatch, clock):
    from trade_crm.app import _open_or_offer_backup
    from trade_crm.store.db import close_database, open_database

    bad = tmp_path / "book.db"
    bad.write_bytes(b"not a database" * 300)

    def restore(path, error, clock, **kw):  # stands in for the dialog: the user picks the newest copy
        path.rename(path.with_name("book.damaged.db"))
        close_database(open_database(path))
        return True

    monkeypatch.setattr("trade_crm.app.offer_backup_at_start", restore)
    database = _open_or_offer_backup(bad, clock)
    assert database is not None
    assert database.execute_sql("SELECT count(*) FROM customer").fetchone() == (0,)
    close_database(database)
    assert (tmp_path / "book.damaged.db").read_bytes().startswith(b"not a database")


def test_settings_dialog_saves_language_and_working_hours(qtbot, settings):
    from trade_crm.ui.shell.settings_dialog import LANGUAGE, WORK_END, WORK_START, SettingsDialog

    dialog = SettingsDialog(settings)
    qtbot.addWidget(dialog)
    dialog.language_combo.setCurrentIndex(dialog.language_combo.findData("zh_CN"))
    dialog.start_spin.setValue(8)
    dialog.end_spin.setValue(17)
    with qtbot.waitSignal(dialog.settings_saved):
        dialog.accept()
    assert (LANGUAGE.read(settings), WORK_START.read(settings), WORK_END.read(settings)) == ("zh_CN", 8, 17)


def test_language_follows_the_system_locale_unless_chosen():
    from PySide6.QtCore import QLocale

    from trade_crm.ui.common.i18n import resolve_language

    assert resolve_language("system", QLocale("zh_CN")) == "zh_CN"
    assert resolve_language("system", QLocale("zh_TW")) == "zh_CN"
    assert resolve_language("system", QLocale("de_DE")) == "en"
    assert resolve_language("en", QLocale("zh_CN")) == "en"
    assert resolve_language("zh_CN", QLocale("en_GB")) == "zh_CN"


def test_the_duplicate_hint_link_opens_the_existing_customer_instead(qtbot, make_window, book, monkeypatch):
    from trade_crm.ui.customers.customer_dialog import CustomerDialog

    window = make_window()
    opened = []
    real_open = window.open_customer_dialog

    def spy(customer_id=None):
        opened.append(customer_id)
        return real_open(customer_id)

    monkeypatch.setattr(window, "open_customer_dialog", spy)
    new_form = window.open_customer_dialog(None)
    existing = book["Gulf Tools LLC"]
    new_form.duplicate_open_requested.emit(existing)
    assert opened == [None, existing]
    assert new_form.result() == CustomerDialog.DialogCode.Rejected
    assert window.customer_list.current_id() == existing


def test_the_tier_column_stands_beside_the_rating_on_first_start(make_window):
    header = make_window().customer_list.table.horizontalHeader()
    assert header.visualIndex(Column.TIER) == header.visualIndex(Column.RATING) + 1
    assert header.visualIndex(Column.FOLLOW_UP) == header.count() - 1  # the last column stretches
