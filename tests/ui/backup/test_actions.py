"""Back up now, the daily copy, Restore (also of encrypted copies), the damaged-book dialog at start,
and the Settings > Data page with the keyring's two paths (none here / a working one)."""

from __future__ import annotations

import base64
from datetime import timedelta

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QLabel, QMessageBox, QPushButton

import trade_crm.ui.backup.actions as actions_module
from tests.helpers import MemoryKeyring, no_connection_left
from trade_crm.domain.backups import (
    KEYRING,
    PASSPHRASE,
    PLAIN,
    RECOVERY_CODE_SHOWN,
    OffsiteSettings,
    backup_dir_for,
    offsite_settings,
    save_offsite_settings,
)
from trade_crm.domain.customers.records import create_customer, customer_count
from trade_crm.exchange.encrypted_copy import back_up
from trade_crm.keystore import KeyStore, key_id, recovery_code
from trade_crm.store.backup import list_backups, make_backup
from trade_crm.store.db import DatabaseError, close_database, open_database
from trade_crm.ui.backup.actions import BackupController, install_backup_actions, offer_backup_at_start
from trade_crm.ui.backup.data_settings import DataSettingsWidget
from trade_crm.ui.backup.dialogs import DamagedBookDialog, RestoreDialog, SecretDialog
from trade_crm.ui.common.workers import Job
from trade_crm.ui.shell.main_window import MainWindow


@pytest.fixture
def window(qtbot, db, db_path, clock, tmp_path):
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    main = MainWindow(clock, db_path, settings)
    qtbot.addWidget(main)
    return main


@pytest.fixture
def warnings(monkeypatch) -> list[str]:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text, *a, **k: shown.append(text))
    return shown


def add(clock, count: int, prefix: str = "Buyer") -> None:
    for n in range(count):
        create_customer(clock, name=f"{prefix} {n} GmbH", country="DE")


def controller_for(window, clock, db, db_path, store=None) -> BackupController:
    return install_backup_actions(window, clock, db_path, db, store=store or KeyStore(), start_daily=False)


def test_back_up_now_is_in_the_file_menu_and_copies_in_a_worker(qtbot, window, db, db_path, clock):
    add(clock, 3)
    controller = controller_for(window, clock, db, db_path)
    assert controller.back_up_now in window.actions.file_menu.actions()
    assert controller.restore in window.actions.file_menu.actions()
    texts = [b.text() for b in window.first_run.findChildren(QPushButton)]
    assert "Restore from backup…" in texts  # the empty book of a new laptop offers it too
    with qtbot.waitSignal(controller.backup_finished, timeout=10_000) as finished:
        controller.back_up_now.trigger()
    report = finished.args[0]
    assert report.local.customers == 3 and report.local.path.parent == backup_dir_for(db_path)
    assert "3 customers" in window.statusBar().currentMessage()
    qtbot.waitUntil(controller.back_up_now.isEnabled)


def test_daily_copy_starts_once_per_day(qtbot, window, db, db_path, clock):
    controller = controller_for(window, clock, db, db_path)
    with qtbot.waitSignal(controller.backup_finished, timeout=10_000):
        assert controller.check_daily()
    qtbot.waitUntil(lambda: not controller.job.is_running)
    assert not controller.check_daily()  # today's copy is there
    clock.advance(timedelta(days=1))
    with qtbot.waitSignal(controller.backup_finished, timeout=10_000):
        assert controller.check_daily()
    assert [i.kind for i in list_backups(backup_dir_for(db_path))] == ["daily", "daily"]


def test_a_failing_backup_says_why_without_blocking(qtbot, window, db, db_path, clock):
    backup_dir_for(db_path).write_text("a file where the backup folder should be")
    controller = controller_for(window, clock, db, db_path)
    with qtbot.waitSignal(controller.backup_failed, timeout=10_000) as failed:
        controller.start_backup("manual")
    assert "cannot write the backup" in failed.args[0]
    boxes = [b for b in window.findChildren(QMessageBox) if b.isVisible()]
    assert boxes and "could not be made" in boxes[0].text()
    boxes[0].close()


def test_passphrase_mode_asks_once_per_session_and_writes_an_encrypted_off_laptop_copy(
        qtbot, window, db, db_path, clock, tmp_path, monkeypatch):
    (tmp_path / "usb").mkdir()
    save_offsite_settings(tmp_path / "usb", PASSPHRASE)
    asked = []
    monkeypatch.setattr(actions_module, "ask_secret", lambda *a, **k: asked.append(k) or "long passphrase")
    controller = controller_for(window, clock, db, db_path)
    for _ in range(2):
        with qtbot.waitSignal(controller.backup_finished, timeout=20_000) as finished:
            controller.start_backup("manual")
        qtbot.waitUntil(lambda: not controller.job.is_running)
        assert finished.args[0].offsite.name.endswith(".db.enc")
    assert asked == [{"confirm": True}]


def test_restore_dialog_lists_copies_with_date_customers_and_size(qtbot, db, db_path, clock):
    add(clock, 2)
    make_backup(db_path, backup_dir_for(db_path), "daily", clock.now())
    dialog = RestoreDialog([backup_dir_for(db_path), None], clock.zone)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.backups.listed, timeout=10_000):
        pass
    cells = [dialog.backups.item(0, c).text() for c in range(4)]
    assert cells[0] == "2026-11-23 09:30" and cells[1] == "daily" and cells[2] == "2" and "KB" in cells[3].upper()
    assert dialog.restore_button.isEnabled()
    with qtbot.waitSignal(dialog.restore_requested) as requested:
        dialog.restore_button.click()
    assert requested.args[0].endswith(".db") and requested.args[2] == "2"


def test_restore_puts_the_copy_back_reloads_the_window_and_keeps_the_current_book(
        qtbot, window, db, db_path, clock):
    add(clock, 2, "Early")
    copy = make_backup(db_path, backup_dir_for(db_path), "daily", clock.now() - timedelta(days=1)).path
    add(clock, 3, "Later")
    window.on_data_changed()
    window.customer_list.reload()
    controller = controller_for(window, clock, db, db_path)
    with qtbot.waitSignal(controller.restore_finished, timeout=20_000):
        controller.restore_from(copy)
    assert customer_count() == 2
    assert window.customer_list.model.total() == 2
    assert window.undo_stack.count() == 0
    kept = [i for i in list_backups(backup_dir_for(db_path)) if i.kind == "pre-restore"]
    assert kept and kept[0].customers == 5


def test_after_a_restore_no_worker_keeps_a_connection_to_the_replaced_book(qtbot, window, db, db_path, clock):
    add(clock, 2, "Early")
    copy = make_backup(db_path, backup_dir_for(db_path), "daily", clock.now() - timedelta(days=1)).path
    add(clock, 3, "Later")
    before = [Job(lambda _ctx: customer_count()) for _ in range(3)]  # workers that read the book
    for job in before:
        job.start()
    for job in before:
        qtbot.waitUntil(lambda job=job: not job.is_running, timeout=5000)
    controller = controller_for(window, clock, db, db_path)
    with qtbot.waitSignal(controller.restore_finished, timeout=20_000):
        controller.restore_from(copy)
    qtbot.waitUntil(lambda: not controller.job.is_running, timeout=5000)
    assert no_connection_left(db, db_path)  # only the GUI thread's (reconnected) connection was open
    after = Job(lambda _ctx: customer_count())
    with qtbot.waitSignal(after.finished, timeout=5000) as blocker:
        after.start()
    assert blocker.args == [2] and customer_count() == 2  # a worker and the GUI both see the restored book
    qtbot.waitUntil(lambda: not after.is_running, timeout=5000)
    assert no_connection_left(db, db_path)


def test_restoring_an_encrypted_copy_on_another_laptop_asks_for_the_recovery_code(
        qtbot, window, db, db_path, clock, tmp_path, monkeypatch):
    add(clock, 4)
    old_laptop = KeyStore(MemoryKeyring())
    key = old_laptop.create_backup_key()
    (tmp_path / "usb").mkdir()
    report = back_up(db_path, db_path, "manual", clock.now(), clock.zone,
                     offsite=OffsiteSettings(tmp_path / "usb", KEYRING), store=old_laptop)
    add(clock, 1, "After")
    new_laptop = KeyStore(MemoryKeyring())
    asked = []
    monkeypatch.setattr(actions_module, "ask_secret",
                        lambda _p, kind, **k: asked.append(kind) or recovery_code(key).lower())
    controller = controller_for(window, clock, db, db_path, store=new_laptop)
    with qtbot.waitSignal(controller.restore_finished, timeout=20_000):
        controller.restore_from(report.offsite)
    assert asked == ["recovery"]
    assert customer_count() == 4
    assert new_laptop.backup_key() == key  # remembered for the next copy and restore


def test_a_wrong_recovery_code_changes_nothing(qtbot, window, db, db_path, clock, tmp_path, monkeypatch,
                                               warnings):
    add(clock, 2)
    store = KeyStore(MemoryKeyring())
    store.create_backup_key()
    (tmp_path / "usb").mkdir()
    report = back_up(db_path, db_path, "manual", clock.now(), clock.zone,
                     offsite=OffsiteSettings(tmp_path / "usb", KEYRING), store=store)
    codes = iter([recovery_code(b"\1" * 32), None])
    monkeypatch.setattr(actions_module, "ask_secret", lambda *a, **k: next(codes))
    controller = controller_for(window, clock, db, db_path, store=KeyStore())
    with qtbot.waitSignal(controller.restore_failed, timeout=20_000):
        controller.restore_from(report.offsite)
    assert customer_count() == 2 and warnings and "another key" in warnings[0]


def test_damaged_book_at_start_offers_the_newest_good_backup_and_keeps_the_damaged_file(
        qtbot, tmp_path, clock, monkeypatch):
    path = tmp_path / "data" / "trade-crm.db"
    database = open_database(path)
    add(clock, 3)
    make_backup(path, backup_dir_for(path), "daily", clock.now())
    close_database(database)
    path.write_bytes(b"not a database any more" * 40)
    with pytest.raises(DatabaseError) as error:
        open_database(path)
    seen = {}

    def choose_newest(dialog):
        seen["text"] = " ".join(label.text() for label in dialog.findChildren(QLabel))
        dialog.on_restore_button_clicked()
        return 1

    monkeypatch.setattr(DamagedBookDialog, "exec", choose_newest)
    assert offer_backup_at_start(path, error.value, clock)
    assert "could not be opened" in seen["text"] and "with 3 customers" in seen["text"]
    damaged = list(path.parent.glob("trade-crm.damaged-*.db"))
    assert [p.read_bytes() for p in damaged] == [b"not a database any more" * 40]
    reopened = open_database(path)
    assert customer_count() == 3
    close_database(reopened)


def test_damaged_book_without_backups_says_so_and_offers_only_choosing_or_quitting(qtbot, tmp_path, clock):
    dialog = DamagedBookDialog(tmp_path / "b.db", Exception("file is not a database"), None, tmp_path / "backups",
                               clock.zone)
    qtbot.addWidget(dialog)
    text = " ".join(label.text() for label in dialog.findChildren(QLabel))
    assert "No good backup was found" in text and "file is not a database" in text
    assert not dialog.restore_button.isVisibleTo(dialog) and dialog.quit_button.isVisibleTo(dialog)


def test_secret_dialog_wants_a_confirmed_passphrase_of_eight_characters(qtbot):
    dialog = SecretDialog(PASSPHRASE, confirm=True)
    qtbot.addWidget(dialog)
    dialog.secret_edit.setText("short")
    dialog.accept()
    assert "8 characters" in dialog.error_label.text()
    dialog.secret_edit.setText("long enough")
    dialog.again_edit.setText("long enuogh")
    dialog.accept()
    assert "do not match" in dialog.error_label.text() and dialog.result() == 0


# --- Settings > Data --------------------------------------------------------------------------

def make_page(qtbot, db_path, clock, store) -> DataSettingsWidget:
    page = DataSettingsWidget(db_path, clock.zone, store=store)
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.keyring_checked, timeout=10_000):
        pass
    return page


def test_data_page_says_plainly_when_there_is_no_keyring(qtbot, db, db_path, clock):
    make_backup(db_path, backup_dir_for(db_path), "daily", clock.now())
    page = make_page(qtbot, db_path, clock, KeyStore())
    assert "no keyring service" in page.keyring_label.text()
    assert not page.keyring_usable and not page.mode_keyring.isEnabled()
    assert page.mode() == PASSPHRASE
    assert page.last_label.text() == "2026-11-23 09:30"
    qtbot.waitUntil(lambda: page.backup_list.rowCount() == 1)


def test_data_page_shows_the_recovery_code_once_and_never_stores_the_secret(
        qtbot, db, db_path, clock, tmp_path, monkeypatch):
    backend = MemoryKeyring()
    page = make_page(qtbot, db_path, clock, KeyStore(backend))
    assert page.keyring_usable and "keeps the backup key" in page.keyring_label.text()
    shown = []
    monkeypatch.setattr(DataSettingsWidget, "show_recovery_code", lambda self, key: shown.append(key))
    page.offsite_check.setChecked(True)
    page.folder_edit.setText(str(tmp_path / "usb"))
    page.mode_keyring.setChecked(True)
    assert page.save()
    qtbot.waitUntil(lambda: len(shown) == 1)
    key = shown[0]
    assert RECOVERY_CODE_SHOWN.read() == key_id(key).hex()
    assert not page.code_button.isEnabled()  # once
    assert offsite_settings().folder == tmp_path / "usb" and offsite_settings().mode == KEYRING
    close_database(db)
    stored = b"".join(p.read_bytes() for p in db_path.parent.glob("book.db*"))
    for secret in (key, base64.b64encode(key), recovery_code(key).encode()):
        assert secret not in stored
    reopened = open_database(db_path)
    again = make_page(qtbot, db_path, clock, KeyStore(backend))
    assert not again.code_button.isEnabled() and "shown once" in again.code_label.text()
    close_database(reopened)


def test_choosing_unencrypted_copies_needs_a_clear_yes(qtbot, db, db_path, clock, tmp_path, monkeypatch):
    page = make_page(qtbot, db_path, clock, KeyStore(MemoryKeyring()))
    page.offsite_check.setChecked(True)
    monkeypatch.setattr(DataSettingsWidget, "confirm_plain", lambda self: False)
    page.mode_plain.setChecked(True)
    assert page.mode() == KEYRING
    monkeypatch.setattr(DataSettingsWidget, "confirm_plain", lambda self: True)
    page.mode_plain.setChecked(True)
    assert page.mode() == PLAIN and page.warning_label.isVisibleTo(page)
    assert "can read your whole customer book" in page.warning_label.text()


def test_off_laptop_copy_needs_a_folder(qtbot, db, db_path, clock, warnings):
    page = make_page(qtbot, db_path, clock, KeyStore())
    page.offsite_check.setChecked(True)
    assert not page.save()
    assert warnings == ["Choose a folder for the off-laptop copy."]
    assert not offsite_settings().enabled
