"""Mail out in Chinese: the Mail menu's new entries, the compose dialog with a template preview, the outbox and
the account's Sending tab show no English a Chinese user would have to read (customer data, addresses and
language names written in themselves aside)."""

from __future__ import annotations

import re
from datetime import date

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTabWidget,
    QWidget,
)

from trade_crm.app import build_main_window
from trade_crm.domain.customers.contacts import ContactInput
from trade_crm.domain.customers.records import create_customer
from trade_crm.domain.mail.accounts import add_account
from trade_crm.domain.mail.merge import Holiday, load_recipients
from trade_crm.keystore import KeyStore
from trade_crm.ui.mail.account_dialog import AccountDialog
from trade_crm.ui.mail.compose_dialog import ComposeDialog
from trade_crm.ui.mail.outbox_view import OutboxDialog

ALLOWED_LATIN = {"Trade", "CRM", "Ctrl", "Shift", "SMTP", "IMAP", "TLS", "SSL", "STARTTLS", "HTML", "Sync",
                 "smtp", "example", "com", "Wei"}


def chrome(widget: QWidget, skip: set[QWidget]) -> list[str]:
    """Labels, buttons, placeholders, group and tab titles, headers and short combos, outside `skip`."""
    out = [widget.windowTitle()]
    for child in widget.findChildren(QWidget):
        if child in skip or any(s.isAncestorOf(child) for s in skip) or not child.isVisibleTo(widget):
            continue
        if isinstance(child, QLabel | QAbstractButton):
            out += [child.text(), child.toolTip()]
        if isinstance(child, QLineEdit | QPlainTextEdit):
            out.append(child.placeholderText())
        if isinstance(child, QGroupBox):
            out.append(child.title())
        if isinstance(child, QTabWidget):
            out += [child.tabText(i) for i in range(child.count())]
        if isinstance(child, QComboBox) and child.count() < 40:
            out += [child.itemText(i) for i in range(child.count())]
        if isinstance(child, QHeaderView) and child.model() is not None:
            out += [str(child.model().headerData(s, child.orientation()) or "") for s in range(child.count())]
    return [t for t in out if t]


def untranslated(texts: list[str]) -> list[str]:
    readable = {t: re.sub(r"<[^>]*>|\{[a-z_.|\"]+\}|\S+@\S+", " ", t) for t in texts}
    return sorted({t for t, shown in readable.items() if set(re.findall(r"[A-Za-z]{3,}", shown)) - ALLOWED_LATIN})


@pytest.fixture
def book(db, clock):
    add_account("li.wei@sunrise-lighting.cn", host="imap.sunrise-lighting.cn", clock=clock,
                smtp_host="smtp.sunrise-lighting.cn")
    return [create_customer(clock, name="深圳华强电子", country="CN", contacts=[
        ContactInput(name="王伟", emails=("wang.wei@huaqiang.example",))])]


def test_compose_with_a_template_preview_has_no_untranslated_string(qtbot, chinese, clock, book):
    dialog = ComposeDialog(clock, load_recipients(book), template_key="greeting.christmas",
                           holiday=Holiday("Christmas Day", date(2026, 12, 25)))
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.refresh_previews()
    form = dialog.form
    data = {form.recipients_table.viewport(), form.account_combo, form.language_combo, form.subject_edit,
            form.body_edit, form.preview_text, form.preview_title, form.preview_subject}
    texts = chrome(dialog, data)
    assert "写邮件" in texts and "节日问候：圣诞节" in texts
    assert untranslated(texts) == []


def test_outbox_and_the_sending_tab_have_no_untranslated_string(qtbot, chinese, clock, book):
    outbox = OutboxDialog(clock)
    qtbot.addWidget(outbox)
    outbox.show()
    assert untranslated(chrome(outbox, set())) == []
    account = AccountDialog(clock, KeyStore())
    qtbot.addWidget(account)
    account.tabs.setCurrentIndex(1)
    account.show()
    texts = chrome(account, {account.provider_combo})
    assert "发信 (SMTP)" in texts
    assert untranslated(texts) == []


def test_the_mail_menus_new_entries_are_translated(qtbot, chinese, clock, book, db_path, tmp_path):
    window = build_main_window(clock, db_path, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat),
                               language="zh_CN", with_demo=False)
    qtbot.addWidget(window)
    out = window.mail_controller.out
    out.show_failed_count(2)
    texts = [t for a in out.actions() for t in (a.text(), a.toolTip(), a.statusTip())]
    assert out.outbox_action.text() == "发件箱（2 封失败）(&O)…"
    assert untranslated(texts) == []
    window.reminders.offer_email(True)
    assert window.reminders.email_action.text() == "写邮件…"
