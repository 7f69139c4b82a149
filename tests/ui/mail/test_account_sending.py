"""Settings › Mail › an account's Sending tab: the provider's SMTP server filled in, signature, pace and daily
cap saved with the account, and the passwords written to the keyring from a worker (the dialog closes when the
keyring has them; a keyring that refuses leaves a new account unadded)."""

from __future__ import annotations

import threading

import pytest

from tests.helpers import MemoryKeyring
from trade_crm.domain.mail.accounts import list_accounts, secret_name, smtp_secret_name
from trade_crm.keystore import KeyStore
from trade_crm.ui.mail.account_dialog import AccountDialog


class WorkerOnlyKeyring(MemoryKeyring):
    """Records which thread wrote: the GUI thread must never wait for the keyring."""

    def __init__(self):
        super().__init__()
        self.writers: list[str] = []

    def set_password(self, service, username, password):
        self.writers.append(threading.current_thread().name)
        super().set_password(service, username, password)


class RefusingKeyring(MemoryKeyring):
    def set_password(self, service, username, password):
        raise PermissionError("locked")


@pytest.fixture
def backend():
    return WorkerOnlyKeyring()


def new_dialog(qtbot, clock, backend) -> AccountDialog:
    dialog = AccountDialog(clock, KeyStore(backend))
    qtbot.addWidget(dialog)
    return dialog


def test_the_providers_preset_fills_the_smtp_server_and_names_its_daily_cap(qtbot, db, clock, backend):
    dialog = new_dialog(qtbot, clock, backend)
    dialog.email_edit.setText("li.wei@qq.com")
    dialog.email_edit.editingFinished.emit()
    smtp = dialog.smtp
    assert (smtp.host_edit.text(), smtp.port_spin.value(), smtp.security_combo.currentData()) == (
        "smtp.qq.com", 465, "ssl")
    assert smtp.cap_spin.value() == 0 and "500 a day" in smtp.cap_spin.specialValueText()
    dialog.provider_combo.setCurrentIndex(dialog.provider_combo.findData("outlook"))
    assert (smtp.host_edit.text(), smtp.port_spin.value(), smtp.security_combo.currentData()) == (
        "smtp.office365.com", 587, "starttls")
    assert "300 a day" in smtp.cap_spin.specialValueText()


def test_saving_keeps_the_sending_side_in_the_book_and_the_passwords_in_the_keyring_from_a_worker(
        qtbot, db, clock, backend):
    dialog = new_dialog(qtbot, clock, backend)
    dialog.email_edit.setText("li.wei@qq.com")
    dialog.email_edit.editingFinished.emit()
    dialog.password_edit.setText("abcdefghijklmnop")
    dialog.smtp.password_edit.setText("smtp-only-code")
    dialog.smtp.signature_edit.setPlainText("Li Wei\nSunrise Lighting")
    dialog.smtp.interval_spin.setValue(45)
    dialog.smtp.cap_spin.setValue(120)
    dialog.show()
    with qtbot.waitSignal(dialog.account_saved) as saved:
        dialog.save_button.click()
    [account] = list_accounts()
    assert saved.args == [account.id]
    assert (account.smtp_host, account.smtp_port, account.smtp_security, account.signature,
            account.send_interval_seconds, account.daily_cap) == (
        "smtp.qq.com", 465, "ssl", "Li Wei\nSunrise Lighting", 45, 120)
    store = KeyStore(backend)
    assert store.mail_password(secret_name(account)) == "abcdefghijklmnop"
    assert store.mail_password(smtp_secret_name(account)) == "smtp-only-code"
    assert backend.writers and threading.main_thread().name not in backend.writers
    assert not dialog.isVisible() and dialog.result() == AccountDialog.DialogCode.Accepted


def test_editing_an_account_shows_its_sending_side_and_saves_without_a_password(qtbot, db, clock, backend):
    dialog = new_dialog(qtbot, clock, backend)
    dialog.email_edit.setText("li.wei@qq.com")
    dialog.email_edit.editingFinished.emit()
    dialog.password_edit.setText("abcdefghijklmnop")
    with qtbot.waitSignal(dialog.account_saved):
        dialog.save_button.click()
    [account] = list_accounts()
    editor = AccountDialog(clock, KeyStore(backend), account)
    qtbot.addWidget(editor)
    assert editor.smtp.host_edit.text() == "smtp.qq.com" and editor.smtp.interval_spin.value() == 20
    editor.smtp.host_edit.setText("")  # this account reads only
    written = len(backend.writers)
    with qtbot.waitSignal(editor.account_saved):
        editor.save_button.click()
    assert list_accounts()[0].smtp_host == "" and len(backend.writers) == written


def test_a_keyring_that_refuses_leaves_a_new_account_unadded_and_says_why(qtbot, db, clock):
    dialog = new_dialog(qtbot, clock, RefusingKeyring())
    dialog.email_edit.setText("li.wei@qq.com")
    dialog.email_edit.editingFinished.emit()
    dialog.password_edit.setText("abcdefghijklmnop")
    dialog.show()
    dialog.save_button.click()
    qtbot.waitUntil(lambda: "keyring" in dialog.status_label.text() and "…" not in dialog.status_label.text())
    assert list_accounts() == []
    assert dialog.save_button.isEnabled() and dialog.isVisible()
