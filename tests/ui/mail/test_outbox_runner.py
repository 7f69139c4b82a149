"""Mail out in the main window against real servers (aiosmtpd with AUTH and TLS, Dovecot for the Sent folder):
Write email… on the selected customer queues the message and the runner sends it from a worker; a refusal is
told once and counted on the Outbox entry; offline, the message stays queued; quitting stops the runner."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings, Qt

from tests.integration.mail.send_helpers import HANS, make_setting
from tests.smtp_server import stop_smtp_server
from trade_crm.app import build_main_window
from trade_crm.domain.customers.timeline import timeline
from trade_crm.domain.mail.accounts import update_account
from trade_crm.domain.mail.outbox import outbox_entries, outbox_entry
from trade_crm.domain.mail.outgoing import OutboxState
from trade_crm.ui.common.workers import Job
from trade_crm.ui.mail.outbox_view import STATE

SEND_TIMEOUT_MS = 30_000


@pytest.fixture
def setting(mail_server, mail_user, db, clock, tmp_path):
    made = make_setting(mail_server, mail_user, clock, tmp_path)
    yield made
    stop_smtp_server(made.smtp)


@pytest.fixture
def window(qtbot, setting, db_path, clock, tmp_path):
    window = build_main_window(clock, db_path, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat),
                               with_demo=False)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    runner = window.mail_controller.out.runner
    runner.logins, runner.ca_file = setting.logins, setting.ca_file  # the test servers' login and CA
    window.notices = []
    runner.notice.connect(lambda title, text: window.notices.append((title, text)))
    return window


def write_to_selected(window, qtbot, text: str = "Dear {contact.first_name},\n\nour new catalogue is out.") -> list:
    out = window.mail_controller.out
    assert out.write_action.isEnabled()
    dialog = out.on_write_action_triggered()
    dialog.form.subject_edit.setText("New catalogue")
    dialog.form.body_edit.setPlainText(text)
    with qtbot.waitSignal(out.runner.ran, timeout=SEND_TIMEOUT_MS):
        with qtbot.waitSignal(dialog.queued) as queued:
            qtbot.mouseClick(dialog.form.send_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not out.runner.running)
    return queued.args[0]


def test_write_email_queues_and_the_runner_sends_it_once_from_a_worker(window, setting, qtbot):
    window.customer_list.select_customer(setting.customer_id)
    [entry_id] = write_to_selected(window, qtbot)
    entry = outbox_entry(entry_id)
    assert entry.state == OutboxState.SENT and entry.interaction_id is not None
    assert setting.received_ids() == [entry.message_id]
    message = setting.smtp.received[0].message
    assert message["To"] == f"{HANS.name} <{HANS.email}>" and message["Subject"] == "New catalogue"
    assert "Dear Hans," in message.get_body(("plain",)).get_content()
    assert [e.kind for e in timeline(setting.customer_id)].count("email") == 1
    assert window.notices == []
    outbox = window.mail_controller.out.open_outbox()
    outbox.show_combo.setCurrentIndex(outbox.show_combo.findData("sent"))
    assert outbox.table.item(0, STATE).text().startswith("sent")


def test_a_refused_recipient_is_told_once_and_counted_on_the_outbox_entry(window, setting, qtbot):
    setting.smtp.refuse(HANS.email)
    window.customer_list.select_customer(setting.customer_id)
    [entry_id] = write_to_selected(window, qtbot)
    out = window.mail_controller.out
    assert outbox_entry(entry_id).state == OutboxState.FAILED
    assert len(window.notices) == 1 and "550" in window.notices[0][1]
    assert out.outbox_action.text() == "&Outbox (1 failed)…"
    assert out.runner.run_now() is False  # nothing waits: no run, and no second notice
    assert len(window.notices) == 1
    outbox = out.open_outbox()
    outbox.select_ids([entry_id])
    setting.smtp.handler.refused.clear()  # the buyer's mailbox is back
    with qtbot.waitSignal(out.runner.ran, timeout=SEND_TIMEOUT_MS):
        outbox.on_retry_button_clicked()
    qtbot.waitUntil(lambda: not out.runner.running)
    assert outbox_entry(entry_id).state == OutboxState.SENT and setting.received_ids() == [
        outbox_entry(entry_id).message_id]
    assert out.runner.failed_count == 0 and out.outbox_action.text() == "&Outbox…"
    assert outbox_entries(states=(OutboxState.FAILED,)) == []


def test_offline_the_message_stays_queued_and_no_attempt_is_counted(window, setting, qtbot):
    update_account(setting.account.id, smtp_port=1)  # nothing listens there
    window.customer_list.select_customer(setting.customer_id)
    [entry_id] = write_to_selected(window, qtbot)
    entry = outbox_entry(entry_id)
    assert (entry.state, entry.attempts) == (OutboxState.QUEUED, 0)
    assert "offline" in window.statusBar().currentMessage()
    assert window.notices == []  # being offline is no failure to be told about
    assert window.mail_controller.out.runner.timer.isActive()  # it tries again at the next tick


def test_a_wrong_password_is_told_once_however_often_the_runner_ticks(window, setting, qtbot):
    setting.smtp.users[setting.user.name] = "changed"
    window.customer_list.select_customer(setting.customer_id)
    write_to_selected(window, qtbot)
    runner = window.mail_controller.out.runner
    with qtbot.waitSignal(runner.ran, timeout=SEND_TIMEOUT_MS):
        assert runner.run_now()
    qtbot.waitUntil(lambda: not runner.running)
    assert len(window.notices) == 1 and "cannot send" in window.notices[0][0]


def test_quitting_stops_the_runner_and_its_timer(window, setting, qtbot):
    update_account(setting.account.id, smtp_port=1)
    window.customer_list.select_customer(setting.customer_id)
    write_to_selected(window, qtbot)
    runner = window.mail_controller.out.runner
    runner.stop()
    assert not runner.timer.isActive() and runner.run_now() is False
    assert Job.stop_all(10_000)
