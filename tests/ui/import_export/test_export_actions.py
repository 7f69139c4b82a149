"""File > Export: the dialog's choices, the export in a worker with progress and Cancel, vCard of the selection."""

from __future__ import annotations

import re
import threading

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import QCoreApplication, QSettings, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QAbstractButton, QLabel, QPushButton, QWidget

from trade_crm.domain.customers.contacts import ContactInput
from trade_crm.domain.customers.query import CustomerFilter
from trade_crm.domain.customers.records import create_customer
from trade_crm.exchange.exporting.labels import label
from trade_crm.store.models import INTERACTION_KINDS, LIFECYCLES, SOURCES
from trade_crm.ui.common.labels import lifecycle_label
from trade_crm.ui.customers.customer_table_model import Column
from trade_crm.ui.customers.timeline_view import kind_label
from trade_crm.ui.import_export import export_dialog
from trade_crm.ui.import_export.export_actions import install_export_actions
from trade_crm.ui.import_export.export_dialog import ExportDialog
from trade_crm.ui.shell.main_window import MainWindow


@pytest.fixture
def settings(tmp_path):
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def book(db, clock) -> dict[str, int]:
    return {name: create_customer(clock, name=name, country=country,
                                  contacts=[ContactInput(name=f"Buyer {n}", emails=(f"b{n}@example.com",))])
            for n, (name, country) in enumerate((("Müller GmbH", "DE"), ("Lima SAC", "PE"), ("Berlin Tools", "DE")))}


@pytest.fixture
def window(qtbot, db, db_path, clock, settings, book, monkeypatch):
    window = MainWindow(clock, db_path, settings)
    qtbot.addWidget(window)
    install_export_actions(window, clock, settings=settings)
    errors: list[str] = []
    monkeypatch.setattr(window, "show_error", errors.append)
    window.errors = errors
    window.show()
    qtbot.waitExposed(window)
    return window


def select(window, *ids: int) -> None:
    model = window.customer_list.model
    rows = [model.row_of(i) for i in ids]
    window.customer_list._select_rows(rows, rows[0])


def show_country(window, code: str) -> None:
    window.customer_list.filter_bar.set_filter(CustomerFilter(countries=(code,)))
    window.customer_list.apply_filter()


def test_the_actions_are_in_the_file_menu_and_vcard_needs_a_selection(window, book):
    controller = window.export_controller
    assert controller.excel_action in window.actions.file_menu.actions()
    assert controller.excel_action.shortcut() == QKeySequence("Ctrl+E")
    window.customer_list.table.clearSelection()
    assert not controller.vcard_action.isEnabled()
    select(window, book["Lima SAC"])
    assert controller.vcard_action.isEnabled()


def test_the_dialog_offers_what_is_on_screen_the_selection_or_everything(qtbot, window, book):
    controller = window.export_controller
    window.customer_list.table.clearSelection()
    dialog = controller.make_dialog()
    qtbot.addWidget(dialog)
    assert dialog.scope() == "all" and not dialog.scope_buttons["shown"].isEnabled()
    assert not dialog.scope_buttons["selected"].isEnabled()
    show_country(window, "DE")
    dialog = controller.make_dialog()
    qtbot.addWidget(dialog)
    assert dialog.scope() == "shown" and dialog.scope_buttons["shown"].text() == "Customers on screen (2)"
    select(window, book["Müller GmbH"], book["Berlin Tools"])
    dialog = controller.make_dialog()
    qtbot.addWidget(dialog)
    assert dialog.scope() == "selected" and dialog.scope_buttons["all"].text() == "All customers (3)"
    for box in dialog.sheet_boxes.values():
        box.setChecked(False)
    assert not dialog.export_button.isEnabled()


def test_a_missing_folder_is_explained_in_the_dialog_which_stays_open(qtbot, tmp_path):
    dialog = ExportDialog(shown=1, selected=0, total=1, filtered=False, path=tmp_path / "nowhere" / "x.xlsx")
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.export_button.click()
    assert dialog.isVisible() and dialog.error_label.isVisible()
    assert "does not exist" in dialog.error_label.text()
    dialog.path_edit.setText(str(tmp_path / "customers"))
    assert dialog.path() == tmp_path / "customers.xlsx" and not dialog.error_label.isVisible()


def test_export_runs_in_the_background_and_writes_what_is_on_screen(qtbot, window, book, tmp_path):
    controller = window.export_controller
    show_country(window, "DE")
    path = tmp_path / "de.xlsx"
    with qtbot.waitSignal(controller.export_finished, timeout=10_000) as blocker:
        controller.export_excel(path, "shown", ("customers", "orders"))
    qtbot.waitUntil(lambda: controller.progress_dialog is None and controller.excel_action.isEnabled())
    assert blocker.args[0].customers == 2
    wb = load_workbook(path)
    assert wb.sheetnames == ["Customers", "Orders"]
    assert sorted(r[0] for r in wb["Customers"].iter_rows(min_row=2, values_only=True)) == sorted(
        [book["Müller GmbH"], book["Berlin Tools"]])
    assert str(path) in window.statusBar().currentMessage()
    assert window.errors == []


def test_what_is_on_screen_is_exported_in_the_lists_order_with_its_columns(qtbot, window, book, tmp_path):
    controller, pane = window.export_controller, window.customer_list
    show_country(window, "DE")
    header = pane.table.horizontalHeader()
    pane.table.sortByColumn(Column.COMPANY, Qt.SortOrder.DescendingOrder)
    header.moveSection(header.visualIndex(Column.STAGE), 0)  # Stage first, then Company, ...
    for column in (Column.LAST_CONTACT, Column.FOLLOW_UP, Column.RATING):
        header.hideSection(column)
    assert pane.view_state() == ("name", True, ("lifecycle", "name", "country", "contact", "tier"))
    path = tmp_path / "screen.xlsx"
    with qtbot.waitSignal(controller.export_finished, timeout=10_000):
        controller.export_excel(path, "shown", ("customers", "contacts"))
    qtbot.waitUntil(lambda: controller.progress_dialog is None and controller.excel_action.isEnabled())
    rows = list(load_workbook(path)["Customers"].iter_rows(values_only=True))
    assert rows[0] == ("CRM ID", "Stage", "Company", "Country", "ISO code", "Primary contact", "Email", "Phone",
                       "Value tier")
    assert [r[:4] for r in rows[1:]] == [(book["Müller GmbH"], "Potential", "Müller GmbH", "Germany"),
                                         (book["Berlin Tools"], "Potential", "Berlin Tools", "Germany")]
    contacts = list(load_workbook(path)["Contacts"].iter_rows(min_row=2, values_only=True))
    assert [r[1] for r in contacts] == ["Müller GmbH", "Berlin Tools"]
    # Every column when the user asks for it; every customer in the list's order.
    with qtbot.waitSignal(controller.export_finished, timeout=10_000):
        controller.export_excel(path, "all", ("customers",))
    qtbot.waitUntil(lambda: controller.excel_action.isEnabled())
    rows = list(load_workbook(path)["Customers"].iter_rows(values_only=True))
    assert len(rows[0]) == 28 and [r[1] for r in rows[1:]] == ["Müller GmbH", "Lima SAC", "Berlin Tools"]


def test_the_list_columns_choice_is_offered_for_what_is_on_screen_only(qtbot, window, book):
    show_country(window, "DE")
    dialog = window.export_controller.make_dialog()
    qtbot.addWidget(dialog)
    assert dialog.scope() == "shown" and dialog.list_columns_box.isEnabled() and dialog.list_columns()
    dialog.scope_buttons["all"].setChecked(True)
    assert not dialog.list_columns_box.isEnabled() and not dialog.list_columns()
    dialog.scope_buttons["shown"].setChecked(True)
    dialog.list_columns_box.setChecked(False)
    assert dialog.list_columns_box.isEnabled() and not dialog.list_columns()


def test_cancel_stops_the_export_and_writes_no_file(qtbot, window, tmp_path, monkeypatch):
    controller = window.export_controller
    release = threading.Event()
    real = export_dialog.customer_ids

    def held(*args, **kwargs):
        release.wait(10)
        return real(*args, **kwargs)

    monkeypatch.setattr(export_dialog, "customer_ids", held)
    path = tmp_path / "all.xlsx"
    job = controller.export_excel(path, "all", ("customers",))
    assert not controller.excel_action.isEnabled()
    with qtbot.waitSignal(job.cancelled, timeout=10_000):
        controller.progress_dialog.findChild(QPushButton).click()
        release.set()
    qtbot.waitUntil(lambda: controller.excel_action.isEnabled())
    assert not path.exists() and not list(tmp_path.glob("*.part"))
    assert "cancelled" in window.statusBar().currentMessage()


def test_a_failed_export_shows_the_reason(qtbot, window, tmp_path):
    controller = window.export_controller
    with qtbot.waitSignal(controller.export_failed, timeout=10_000) as blocker:
        controller.export_excel(tmp_path / "gone" / "book.xlsx", "all", ("customers",))
    qtbot.waitUntil(lambda: controller.excel_action.isEnabled())
    assert "does not exist" in blocker.args[0] and window.errors == [blocker.args[0]]


def test_vcard_export_writes_the_selected_customers_contacts(qtbot, window, book, tmp_path):
    controller = window.export_controller
    select(window, book["Lima SAC"], book["Berlin Tools"])
    path = tmp_path / "contacts.vcf"
    with qtbot.waitSignal(controller.export_finished, timeout=10_000) as blocker:
        controller.export_vcard(path, window.customer_list.selected_ids())
    qtbot.waitUntil(lambda: controller.progress_dialog is None)
    assert blocker.args[0].cards == 2
    text = path.read_text(encoding="utf-8")
    assert "FN:Buyer 1" in text and "FN:Buyer 2" in text and "Buyer 0" not in text


# --- Chinese ----------------------------------------------------------------------------------------

ALLOWED_LATIN = {"Excel", "vCard", "Ctrl", "xlsx", "CRM", "Trade"}




def test_chinese_export_dialog_and_actions_have_no_untranslated_string(qtbot, chinese, window, tmp_path):
    controller = window.export_controller
    dialog = ExportDialog(shown=2, selected=1, total=3, filtered=True, path=tmp_path / "客户.xlsx")
    qtbot.addWidget(dialog)
    texts = [dialog.windowTitle(), *(w.text() for w in dialog.findChildren(QWidget)
                                     if isinstance(w, QLabel | QAbstractButton))]
    for action in (controller.excel_action, controller.vcard_action):
        texts += [action.text(), action.statusTip()]
    readable = [t for t in texts if t and set(re.findall(r"[A-Za-z]{3,}", t)) - ALLOWED_LATIN]
    assert "导出" in " ".join(texts)
    assert readable == []


def test_the_books_chinese_words_are_the_windows_own_translations(chinese):
    for stage in LIFECYCLES:
        assert label("stage", stage, "zh") == lifecycle_label(stage)
    for source in SOURCES:
        english = label("source", source, "en")
        assert label("source", source, "zh") == QCoreApplication.translate("CustomerDialog", english), source
    for kind in INTERACTION_KINDS:
        assert label("kind", kind, "zh") == kind_label(kind)
