"""The mail window against a real Dovecot (tests/mail_server.py): Settings › Mail adds an account and tests
the connection, Mail › Sync mail syncs in the background with its figures on the status bar, and the reader
fetches an attachment and the HTML original from the server."""

from __future__ import annotations

from datetime import UTC, datetime
from email.message import EmailMessage
from email.utils import format_datetime

import pytest
from PySide6.QtCore import Qt

from tests.helpers import MemoryKeyring
from trade_crm.domain.customers.contacts import ContactInput
from trade_crm.domain.customers.records import create_customer
from trade_crm.domain.customers.timeline import timeline
from trade_crm.domain.mail.accounts import add_account, list_accounts, secret_name
from trade_crm.domain.mail.reading import customer_threads
from trade_crm.domain.mail.senders import new_senders
from trade_crm.keystore import KeyStore
from trade_crm.ui.mail.actions import install_mail_actions
from trade_crm.ui.mail.settings_page import MailSettingsPage
from trade_crm.ui.shell.main_window import MainWindow

ME = "ann@sunrise-lighting.cn"
PDF = b"%PDF-1.4\n" + bytes(range(256)) * 40 + b"\n%%EOF"


def raw(subject: str, sender: str, *, to: str = ME, minutes: int = 0, html: str | None = None,
        attach: bytes | None = None) -> bytes:
    message = EmailMessage()
    message["From"], message["To"], message["Subject"] = sender, to, subject
    message["Date"] = format_datetime(datetime(2026, 11, 20, 8, minutes, tzinfo=UTC))
    message["Message-ID"] = f"<{abs(hash((subject, sender, minutes)))}@test.example>"
    message.set_content(f"Dear Ann,\n{subject.lower()}, please.\n\nBest regards")
    if html is not None:
        message.add_alternative(html, subtype="html")
    if attach is not None:
        message.add_attachment(attach, maintype="application", subtype="pdf", filename="Spec sheet 报价.pdf")
    return message.as_bytes()


@pytest.fixture
def keystore():
    return KeyStore(MemoryKeyring())


@pytest.fixture
def account(mail_server, mail_user, db, clock, keystore):
    account = add_account(ME, host=mail_server.host, port=mail_server.imaps_port, security="ssl",
                          username=mail_user.name, clock=clock)
    keystore.set_mail_password(secret_name(account), mail_user.password)
    return account


@pytest.fixture
def window(qtbot, db, db_path, clock, settings, mail_server, keystore):
    window = MainWindow(clock, db_path, settings)
    install_mail_actions(window, clock, keystore=keystore, ca_file=str(mail_server.ca_file))
    qtbot.addWidget(window)
    return window


def _fill_account(dialog, mail_server, mail_user, password):
    dialog.email_edit.setText(ME)
    dialog.email_edit.editingFinished.emit()
    dialog.provider_combo.setCurrentIndex(dialog.provider_combo.findData("other"))
    dialog.host_edit.setText(mail_server.host)
    dialog.port_spin.setValue(mail_server.imaps_port)
    dialog.security_combo.setCurrentIndex(dialog.security_combo.findData("ssl"))
    dialog.username_edit.setText(mail_user.name)
    dialog.password_edit.setText(password)


def test_an_account_added_in_settings_keeps_its_password_in_the_keyring_not_the_book(
        qtbot, db, db_path, clock, keystore, mail_server, mail_user):
    mail_user.folder_path("Sent")
    mail_user.folder_path("Archive")
    page = MailSettingsPage(clock, keystore, ca_file=str(mail_server.ca_file))
    qtbot.addWidget(page)
    dialog = page.on_add_button_clicked()
    assert "授权码" not in dialog.hint_label.text()
    dialog.provider_combo.setCurrentIndex(dialog.provider_combo.findData("qq"))
    assert (dialog.host_edit.text(), dialog.port_spin.value()) == ("imap.qq.com", 993)
    assert "authorization code (授权码)" in dialog.hint_label.text()
    _fill_account(dialog, mail_server, mail_user, mail_user.password)
    dialog.test_button.click()
    qtbot.waitUntil(lambda: dialog.status_label.text().startswith("Ready"), timeout=20_000)
    assert dialog.status_label.text() == "Ready: logged in, 3 folder(s), sent mail in “Sent”."
    assert [dialog.server_folders.item(i).text() for i in range(dialog.server_folders.count())] == ["Archive"]
    dialog.server_folders.item(0).setCheckState(Qt.CheckState.Checked)  # tick the folder to sync too
    assert dialog.folders_edit.text() == "Archive"
    with qtbot.waitSignal(dialog.account_saved):  # the keyring is written from a worker
        dialog.save_button.click()
    [account] = list_accounts()
    assert (account.email, account.host, account.port, account.own_domains, account.extra_folders) == (
        ME, mail_server.host, mail_server.imaps_port, ("sunrise-lighting.cn",), ("Archive",))
    assert keystore.mail_password(secret_name(account)) == mail_user.password
    book = b"".join(p.read_bytes() for p in db_path.parent.glob(db_path.name + "*"))
    assert mail_user.password.encode() not in book
    assert page.accounts.count() == 1 and ME in page.accounts.item(0).text()


def test_test_connection_with_a_wrong_password_says_why_in_one_line(qtbot, db, clock, keystore, mail_server,
                                                                       mail_user):
    page = MailSettingsPage(clock, keystore, ca_file=str(mail_server.ca_file))
    qtbot.addWidget(page)
    dialog = page.on_add_button_clicked()
    _fill_account(dialog, mail_server, mail_user, "not-the-password")
    dialog.test_button.click()
    qtbot.waitUntil(lambda: dialog.status_label.text().startswith("Not ready"), timeout=20_000)
    line = dialog.status_label.text()
    assert f"refused the login for {mail_user.name}" in line and "\n" not in line


def test_removing_an_account_forgets_its_password(qtbot, db, clock, keystore, account):
    page = MailSettingsPage(clock, keystore, confirm=lambda _text: True)
    qtbot.addWidget(page)
    page.remove_button.click()
    assert list_accounts() == []
    assert keystore.mail_password(secret_name(account)) is None


def test_the_never_log_list_takes_addresses_and_domains_and_refuses_anything_else(qtbot, db, clock, keystore):
    page = MailSettingsPage(clock, keystore)
    qtbot.addWidget(page)
    page.never_edit.setText("newsletter@fair.com, Bank.com")
    page.never_add_button.click()
    assert [page.never_list.item(i).text() for i in range(page.never_list.count())] == ["bank.com",
                                                                                       "newsletter@fair.com"]
    page.never_edit.setText("not a domain")
    page.never_add_button.click()
    assert page.never_error.text() == '"not a domain" is neither an address nor a domain'
    assert page.never_list.count() == 2


def test_sync_mail_runs_in_the_background_and_puts_the_figures_on_the_status_bar(qtbot, window, account, clock,
                                                                               mail_user):
    customer = create_customer(clock, name="Müller Haustechnik GmbH", country="DE", contacts=[
        ContactInput(name="Hans Müller", emails=("hans@mueller-haustechnik.de",))])
    mail_user.deliver([raw("Inquiry LED panels", "Hans Müller <hans@mueller-haustechnik.de>"),
                       (raw("Catalogue request", "Carlos <carlos@ferragens-lisboa.pt>", minutes=5), "S"),
                       raw("Lunch?", "Li <li@sunrise-lighting.cn>", minutes=9)])
    flags_before = mail_user.flags()
    window.on_data_changed()
    window.customer_list.reload(select=[customer])
    window.timeline.show_customer(customer)
    assert window.timeline.entries.topLevelItem(0).text(0).startswith("Nothing logged yet")
    mail = window.mail_controller
    mail.sync_action.trigger()
    assert mail.sync.cancel_button.isVisibleTo(window)
    qtbot.waitUntil(lambda: "fetched" in mail.sync.status_label.text(), timeout=30_000)
    assert mail.sync.status_label.text() == "Mail: 3 fetched, 1 matched, 1 new senders, 0 skipped"
    assert not mail.sync.cancel_button.isVisibleTo(window)
    assert [e.summary for e in timeline(customer)] == ["Inquiry LED panels"]
    shown = window.timeline.entries  # the open customer's timeline followed the sync
    assert [shown.topLevelItem(i).text(1) for i in range(shown.topLevelItemCount())] == ["", "Received"]
    assert [s.email for s in new_senders()] == ["carlos@ferragens-lisboa.pt"]
    assert mail.senders_action.text() == "&New senders (1)…"
    assert mail_user.flags() == flags_before  # nothing marked read on the server
    qtbot.waitUntil(lambda: not mail.sync.running, timeout=30_000)  # the first job's thread ends after its line
    mail.sync_action.trigger()  # again: nothing new
    qtbot.waitUntil(lambda: mail.sync.status_label.text() == "Mail: 0 fetched, 0 matched, 0 new senders, 0 skipped",
                    timeout=30_000)
    qtbot.waitUntil(lambda: not mail.sync.running, timeout=30_000)


def test_a_sync_without_a_kept_password_says_so_for_that_account(qtbot, db, db_path, clock, settings, mail_server,
                                                                  mail_user):
    add_account(ME, host=mail_server.host, port=mail_server.imaps_port, username=mail_user.name, clock=clock)
    window = MainWindow(clock, db_path, settings)
    qtbot.addWidget(window)
    mail = install_mail_actions(window, clock, keystore=KeyStore(MemoryKeyring()), ca_file=str(mail_server.ca_file))
    mail.sync_action.trigger()
    qtbot.waitUntil(lambda: not mail.sync.running and "fetched" in mail.sync.status_label.text(), timeout=30_000)
    assert mail.sync.status_label.text() == (f"Mail: 0 fetched, 0 matched, 0 new senders, 0 skipped · {ME}: no "
                                             "password is kept for ann@sunrise-lighting.cn: enter it in Settings › Mail")


def test_the_reader_fetches_an_attachment_and_the_html_original_from_the_server(qtbot, window, account, clock,
                                                                                 mail_user, web_server):
    base, requests = web_server
    customer = create_customer(clock, name="Müller Haustechnik GmbH", country="DE", contacts=[
        ContactInput(name="Hans Müller", emails=("hans@mueller-haustechnik.de",))])
    html = f'<p>Dear Ann, <b>the spec</b> is attached.</p><img src="{base}/track.gif?who=ann">'
    mail_user.deliver([raw("Spec sheet", "Hans Müller <hans@mueller-haustechnik.de>", html=html, attach=PDF)])
    mail = window.mail_controller
    mail.sync_action.trigger()
    qtbot.waitUntil(lambda: "fetched" in mail.sync.status_label.text(), timeout=30_000)
    [thread] = customer_threads(customer)
    reader = mail.open_message(thread.entries[0].message_id)
    reader.opened = []
    reader.open_url = reader.opened.append
    assert [reader.attachments.item(i).text().split("  (")[0] for i in range(reader.attachments.count())] == [
        "Spec sheet 报价.pdf"]
    reader.open_button.click()
    qtbot.waitUntil(lambda: bool(reader.opened), timeout=20_000)
    assert reader.saved_path.name == "Spec sheet 报价.pdf"
    assert reader.saved_path.read_bytes() == PDF
    qtbot.waitUntil(reader.formatted_button.isEnabled, timeout=5_000)  # the fetch's job has ended
    reader.formatted_button.click()
    qtbot.waitUntil(lambda: reader.text_stack.currentWidget() is reader.formatted, timeout=20_000)
    assert "the spec is attached" in reader.formatted.toPlainText()
    assert reader.formatted.refused == [f"{base}/track.gif?who=ann"]
    assert requests == []


def test_cancel_stops_the_sync_and_the_next_one_fetches_the_rest_without_duplicates(qtbot, window, account,
                                                                                     mail_user):
    mail_user.deliver([raw(f"Inquiry {n}", f"Buyer {n} <buyer{n}@shop{n}.de>", minutes=n % 60) for n in range(300)])
    mail = window.mail_controller
    mail.sync_action.trigger()
    mail.sync.cancel_button.click()
    qtbot.waitUntil(lambda: not mail.sync.running, timeout=30_000)
    assert mail.sync.status_label.text() == "Mail: sync cancelled; what was fetched is kept"
    assert not mail.sync.cancel_button.isVisibleTo(window)
    first = len(new_senders(limit=1000))
    assert first < 300
    mail.sync_action.trigger()
    qtbot.waitUntil(lambda: not mail.sync.running, timeout=60_000)
    assert mail.sync.status_label.text().startswith(f"Mail: {300 - first} fetched, 0 matched, {300 - first} new "
                                                     "senders")
    assert len(new_senders(limit=1000)) == 300


def test_test_connection_of_a_saved_account_uses_the_password_in_the_keyring(qtbot, db, clock, keystore, account,
                                                                             mail_server):
    page = MailSettingsPage(clock, keystore, ca_file=str(mail_server.ca_file))
    qtbot.addWidget(page)
    dialog = page.on_test_button_clicked()
    assert dialog.password_edit.text() == ""
    qtbot.waitUntil(lambda: dialog.status_label.text().startswith("Ready"), timeout=20_000)
    assert dialog.status_label.text().startswith("Ready: logged in, 1 folder(s)")
