"""One truth about what is due, on the demo book: the reminder pane, the tray badge, the status bar, the
customer list's "Follow-up overdue" filter and `trade-crm reminders` all tell the same numbers, and every
customer with a past follow-up day has an open follow-up reminder (and no other customer has one)."""

from __future__ import annotations

import json

from PySide6.QtCore import QSettings

from trade_crm.cli.parser import run
from trade_crm.demo.book import load_demo
from trade_crm.domain.clock import today
from trade_crm.domain.customers.query import CustomerFilter, count_customers
from trade_crm.store.models import Customer, Reminder
from trade_crm.ui.reminders.scheduler import ReminderScheduler
from trade_crm.ui.reminders.tray import create_notifier
from trade_crm.ui.shell.main_window import MainWindow
from trade_crm.ui.shell.reminder_controller import ReminderController


def test_pane_tray_status_bar_filter_and_cli_agree_on_the_demo_book(qtbot, db, db_path, clock, tmp_path, capsys):
    load_demo(clock)
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(clock, db_path, settings)
    qtbot.addWidget(window)
    notifier = create_notifier(window, tray_available=False)
    scheduler = ReminderScheduler(clock, window, debounce_ms=10)
    ReminderController(window, clock, settings, notifier, scheduler)
    try:
        scheduler.recompute("start", at_start=True)
        day = today(clock)
        overdue = count_customers(CustomerFilter(follow_up_overdue=True), today=day, now=clock.now())
        window.customer_list.model.set_filter(CustomerFilter(follow_up_overdue=True))
        listed = window.customer_list.model.total()
        assert run(["reminders", "--db", str(db_path), "--json"], clock=clock) == 0
        cli = json.loads(capsys.readouterr().out)["counts"]

        late = {c.id for c in Customer.select().where(Customer.follow_up_on < day, Customer.lost == False)}  # noqa: E712
        reminded = {r.customer_id for r in Reminder.select().where(
            Reminder.key.startswith("follow_up:customer:"), Reminder.state == "open", Reminder.due_on < day)}
        assert late == reminded and len(late) > 20  # the demo book has plenty overdue

        assert notifier.due_count == window.reminders.due_count() == cli["due"]  # tray badge, pane, CLI
        assert {g.kind: g.total for g in window.reminders.model.groups()} == cli["by_kind"]  # the pane's groups
        assert overdue == listed == len(late) == cli["overdue_customers"]  # filter, list, CLI
        assert f"{len(late)} overdue" in window.counts_label.text()  # the status bar
        follow_ups = next(g.title for g in window.reminders.model.groups() if g.kind == "follow_up")
        assert f"{len(late)} customers overdue" in follow_ups
    finally:
        scheduler.shutdown()
