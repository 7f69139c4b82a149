"""Starting the window: the first run page and the demo book, the Chinese interface, a broken or damaged book,
the settings dialog and the language setting."""

from __future__ import annotations

import re
from datetime import date, timedelta

from PySide6.QtWidgets import QAbstractButton, QLabel, QMessageBox, QWidget

from tests.ui.shell.test_main_window import names_in, select, shows, texts_in
from trade_crm.demo.book import load_demo
from trade_crm.domain.customers.contacts import ContactInput
from trade_crm.domain.customers.records import create_customer, customer_count
from trade_crm.domain.customers.timeline import log_interaction
from trade_crm.ui.shell.main_window import MainWindow

# --- the first run page ----------------------------------------------------------------------

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


def test_a_saved_new_customer_leaves_the_first_run_page_and_is_selected(make_window, clock):
    window = make_window()
    assert window.stack.currentWidget() is window.first_run
    dialog = window.open_customer_dialog(None)
    customer = create_customer(clock, name="Nordic Lights AB", country="SE")
    dialog.customer_saved.emit(customer)
    dialog.close()
    assert window.stack.currentWidget() is window.splitter
    assert window.customer_list.current_id() == customer


# --- the Chinese user interface ---------------------------------------------------------------

# "English": View › Language names each language in itself.
ALLOWED_LATIN = {"Trade", "CRM", "English", "Ctrl", "Shift", "Del", "WhatsApp", "WeChat", "Skype", "LinkedIn", "Excel",
                 "vCard"}




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


def test_an_older_book_is_upgraded_behind_a_busy_window_then_opened(qapp, tmp_path, monkeypatch, clock):
    from tests.helpers import build_v1_book
    from trade_crm.app import _open_or_offer_backup
    from trade_crm.store.db import close_database
    from trade_crm.store.migrations import LATEST_VERSION, current_version
    from trade_crm.ui.shell import busy

    book = tmp_path / "book.db"
    build_v1_book(book)
    shown = []

    def spy(title, text, work):
        shown.append(text)
        return busy.run_with_busy_window(title, text, work)

    monkeypatch.setattr("trade_crm.app.run_with_busy_window", spy)
    database = _open_or_offer_backup(book, clock)
    assert current_version(database) == LATEST_VERSION
    assert database.execute_sql("SELECT name FROM customer").fetchall() == [("Müller Haustechnik GmbH",)]
    close_database(database)
    assert len(shown) == 1 and "Upgrading" in shown[0]
    assert list((tmp_path / "backups").iterdir())  # the copy the text promises
    shown.clear()
    close_database(_open_or_offer_backup(book, clock))
    assert shown == []  # an up-to-date book opens without it


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
