"""`make screenshots`: the main window over the demo book in English and Chinese, the customer dialog,
mail (a customer's timeline with threads, the message reader, New senders), mail out (compose with a template
preview, the outbox), a customer's files, a WhatsApp chat on the timeline and its import dialog
(tools/screenshots_whatsapp.py), the quotation editor and page 1 of a proforma invoice (tools/screenshots_quotes.py)
and the first-run page, rendered off-screen into docs/screenshots/*.png."""

from __future__ import annotations

import os
import sys
import tempfile
from datetime import date, datetime, time, timedelta
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from trade_crm.app import build_main_window
from trade_crm.demo.book import load_demo
from trade_crm.demo.mail import load_demo_mail
from trade_crm.demo.rates import seed_demo_rates
from trade_crm.domain.clock import FixedClock, today
from trade_crm.domain.customers.records import get_customer
from trade_crm.domain.customers.timeline import timeline
from trade_crm.domain.mail.accounts import list_accounts, update_account
from trade_crm.domain.mail.merge import Holiday, load_recipients, save_sender_profile
from trade_crm.domain.mail.messages import Address
from trade_crm.domain.mail.outbox import (
    claim_next,
    edit_entry,
    mark_failed,
    mark_sent,
    pause_entries,
    queue_drafts,
)
from trade_crm.domain.mail.outgoing import Draft
from trade_crm.domain.mail.reading import customer_threads
from trade_crm.domain.reminders.sync import sync_reminders
from trade_crm.store.db import close_database, open_database
from trade_crm.tools import compile_translations
from trade_crm.tools.screenshots_files import load_demo_files, shoot_files
from trade_crm.tools.screenshots_quotes import load_demo_quotes, shoot_quotes
from trade_crm.tools.screenshots_whatsapp import load_demo_chat, shoot_whatsapp
from trade_crm.ui.common.i18n import install_translator, remove_translators
from trade_crm.ui.customers.customer_dialog import CustomerDialog
from trade_crm.ui.insights.tabs import install_insights
from trade_crm.ui.mail.actions import MailController
from trade_crm.ui.mail.compose_dialog import ComposeDialog
from trade_crm.ui.mail.compose_plan import MORNING
from trade_crm.ui.mail.outbox_text import zone_of
from trade_crm.ui.mail.outbox_view import OutboxDialog

WINDOW_SIZE = (1400, 860)
CLOCK_AT = ("2026-11-23 09:30", "Asia/Shanghai")


def _settle(app) -> None:
    for _ in range(5):
        app.processEvents()


def _busiest_customer(window) -> int:
    """Among the first rows, the customer with the longest timeline: it shows the panes at their best."""
    model = window.customer_list.model
    ids = [model.customer_id(row) for row in range(min(model.rowCount(), 40))]
    return max(ids, key=lambda cid: (len(timeline(cid)), -cid))


def _shoot_book(app, out: Path, db_path: Path, clock, language: str, suffix: str) -> None:
    translators = install_translator(app, language)
    settings = QSettings(str(db_path.with_name(f"settings-{language}.ini")), QSettings.Format.IniFormat)
    window = build_main_window(clock, db_path, settings, language=language)
    window.resize(*WINDOW_SIZE)
    window.show()
    _settle(app)
    customer_id = _busiest_customer(window)
    window.customer_list.select_customer(customer_id)
    _settle(app)
    window.grab().save(str(out / f"main_window_{suffix}.png"))
    dialog = CustomerDialog(clock, customer_id, window)
    dialog.show()
    _settle(app)
    dialog.grab().save(str(out / f"customer_dialog_{suffix}.png"))
    dialog.close()
    window.close()
    window.deleteLater()
    _settle(app)
    remove_translators(app, translators)


def load_mail_customer(app, db_path: Path, clock) -> int:
    """The customer the book's screenshots show (the busiest with an email address), given the demo mailbox."""
    settings = QSettings(str(db_path.with_name("settings-mail.ini")), QSettings.Format.IniFormat)
    window = build_main_window(clock, db_path, settings, language="en")
    window.resize(*WINDOW_SIZE)
    model = window.customer_list.model
    ids = [model.customer_id(row) for row in range(min(model.rowCount(), 40))]
    ids.sort(key=lambda cid: (len(timeline(cid)), -cid), reverse=True)
    customer_id = next(cid for cid in ids if any(c.emails and c.name.isascii() for c in get_customer(cid).contacts))
    window.close()
    window.deleteLater()
    _settle(app)
    load_demo_mail(clock, customer_id)
    return customer_id


def shoot_mail(app, out: Path, db_path: Path, clock, language: str, suffix: str, customer_id: int) -> list[Path]:
    """A customer's timeline with mail threads (one unfolded), the message reader and New senders."""
    translators = install_translator(app, language)
    settings = QSettings(str(db_path.with_name(f"settings-mail-{language}.ini")), QSettings.Format.IniFormat)
    window = build_main_window(clock, db_path, settings, language=language)
    window.resize(*WINDOW_SIZE)
    window.splitter.setSizes([520, 880])
    window.side_splitter.setSizes([640, 220])
    window.show()
    _settle(app)
    window.customer_list.select_customer(customer_id)
    _settle(app)
    tree = window.timeline.entries
    for row in range(tree.topLevelItemCount()):
        item = tree.topLevelItem(row)
        if item.childCount() >= 3:  # the inquiry's thread, unfolded; the others stay folded
            item.setExpanded(True)
    _settle(app)
    shots = [out / f"mail_timeline_{suffix}.png", out / f"mail_reader_{suffix}.png", out / f"new_senders_{suffix}.png"]
    window.grab().save(str(shots[0]))
    mail = window.findChild(MailController)
    documents = next(e.message_id for t in customer_threads(customer_id) for e in t.entries
                     if e.direction == "out" and e.summary.startswith("Shipping documents"))
    reader = mail.open_message(documents)
    _settle(app)
    reader.grab().save(str(shots[1]))
    reader.close()
    senders = mail.open_senders()
    _settle(app)
    senders.grab().save(str(shots[2]))
    senders.close()
    window.close()
    window.deleteLater()
    _settle(app)
    remove_translators(app, translators)
    return shots


def load_outbox(clock, count: int = 5) -> list[int]:
    """The demo account set up for sending, and an outbox with a message in each state: the customers (with an
    address, a name in Latin letters, each from another country) the mail-out screenshots show."""
    account = list_accounts()[0]
    update_account(account.id, smtp_host="smtp.exmail.qq.com", signature="Ann Chen\nSales Manager, Sunrise Lighting")
    save_sender_profile(name="Ann Chen", company="Sunrise Lighting", signature="")
    model_ids, countries = [], set()
    for person in load_recipients(range(1, 400)):
        if person.email and person.contact_name.isascii() and person.country not in countries:
            model_ids.append(person.customer_id)
            countries.add(person.country)
        if len(model_ids) == count:
            break
    people = load_recipients(model_ids)
    drafts = [Draft(account.id, (Address(p.email, p.contact_name),), subject, f"Dear {p.contact_name},\n\n…",
                    customer_id=p.customer_id)
              for p, subject in zip(people, ("Season's greetings", "Quotation SL-2026-131: any questions?",
                                             "Samples shipped: DHL 7788 1234", "Thank you for visiting us at "
                                             "the Canton Fair", "New catalogue 2027"), strict=False)]
    entries = queue_drafts(drafts, clock)
    zone = zone_of(people[0].country) or clock.zone  # their next morning, 09:20 on their clock
    tomorrow = (clock.now().astimezone(zone) + timedelta(days=1)).date()
    edit_entry(entries[0].id, clock, send_at=datetime.combine(tomorrow, time(9, 20), tzinfo=zone))
    for _ in range(2):  # the next two are tried: one goes, the other is refused
        claim_next(account.id, clock)
    mark_sent(entries[1].id, clock, interaction_id=None)
    mark_failed(entries[2].id, clock, "550 5.1.1 mailbox unavailable")
    pause_entries([entries[3].id], clock)
    return model_ids


def shoot_mail_out(app, out: Path, clock, language: str, suffix: str, customer_ids: list[int]) -> list[Path]:
    """The compose dialog writing Christmas greetings to three customers (the preview of one), and the outbox."""
    translators = install_translator(app, language)
    compose = ComposeDialog(clock, load_recipients(customer_ids[:3]), template_key="greeting.christmas",
                            holiday=Holiday("Christmas Day", date(clock.now().year, 12, 25)))
    compose.resize(1280, 760)
    compose.form.when_combo.setCurrentIndex(compose.form.when_combo.findData(MORNING))  # the plan's times shown
    compose.form.recipients_table.selectRow(1)
    compose.show()
    compose.refresh_previews()
    _settle(app)
    shots = [out / f"mail_compose_{suffix}.png", out / f"mail_outbox_{suffix}.png"]
    compose.grab().save(str(shots[0]))
    compose.close()
    outbox = OutboxDialog(clock)
    outbox.show_combo.setCurrentIndex(outbox.show_combo.findData("all"))
    outbox.show()
    _settle(app)
    outbox.grab().save(str(shots[1]))
    outbox.close()
    for widget in (compose, outbox):
        widget.deleteLater()
    _settle(app)
    remove_translators(app, translators)
    return shots


def _shoot_first_run(app, out: Path, folder: Path, clock) -> None:
    translators = install_translator(app, "en")
    database = open_database(folder / "empty.db")
    settings = QSettings(str(folder / "settings-first-run.ini"), QSettings.Format.IniFormat)
    window = build_main_window(clock, folder / "empty.db", settings, language="en")
    window.resize(*WINDOW_SIZE)
    window.show()
    _settle(app)
    window.grab().save(str(out / "first_run_en.png"))
    window.close()
    close_database(database)
    remove_translators(app, translators)


def shoot_insights(app, out: Path, db_path: Path, clock, language: str, suffix: str) -> list[Path]:
    """Screenshots of the dashboard and the pipeline board over the (demo) book at `db_path`, which the
    caller has opened: dashboard_<suffix>.png and pipeline_board_<suffix>.png in `out`."""
    seed_demo_rates(today(clock), clock)  # a demo book's figures need its currencies' rates
    translators = install_translator(app, language)
    settings = QSettings(str(db_path.with_name(f"settings-insights-{language}.ini")), QSettings.Format.IniFormat)
    window = build_main_window(clock, db_path, settings, language=language)
    insights = install_insights(window, clock, language=language)
    window.show()
    shots = []
    for tab, name, height in (("dashboard", "dashboard", 1480), ("pipeline", "pipeline_board", 860)):
        window.resize(1400, height)  # the whole dashboard, lists included
        insights.show_tab(tab)
        for _ in range(5):
            app.processEvents()
        path = out / f"{name}_{suffix}.png"
        window.grab().save(str(path))
        shots.append(path)
    window.close()
    window.deleteLater()
    app.processEvents()
    remove_translators(app, translators)
    return shots


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    out = Path(argv[0] if argv else "docs/screenshots")
    out.mkdir(parents=True, exist_ok=True)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    compile_translations.main()
    app = QApplication.instance() or QApplication([sys.argv[0], "-platform", os.environ["QT_QPA_PLATFORM"]])
    clock = FixedClock.at(*CLOCK_AT)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        database = open_database(folder / "demo.db")
        load_demo(clock)
        mail_customer = load_mail_customer(app, folder / "demo.db", clock)
        load_demo_files(folder, folder / "demo.db", clock, mail_customer)
        outbox_customers = load_outbox(clock)
        sync_reminders(clock)  # what the app's scheduler does at start, so the reminder pane is filled
        for language, suffix in (("en", "en"), ("zh_CN", "zh")):
            _shoot_book(app, out, folder / "demo.db", clock, language, suffix)
            shoot_insights(app, out, folder / "demo.db", clock, language, suffix)
            shoot_mail(app, out, folder / "demo.db", clock, language, suffix, mail_customer)
            shoot_mail_out(app, out, clock, language, suffix, outbox_customers)
        # A WhatsApp chat on the mail customer, after the other shots so that they stay as they were.
        later_chat = load_demo_chat(clock, mail_customer, folder)
        for language, suffix in (("en", "en"), ("zh_CN", "zh")):
            shoot_whatsapp(app, out, folder / "demo.db", clock, language, suffix, mail_customer, later_chat)
            shoot_files(app, out, folder / "demo.db", clock, language, suffix, mail_customer)
        # Quotations last too: the catalog, a draft in the editor and an accepted one's PI rendered to PDF.
        draft, proforma = load_demo_quotes(clock, folder / "demo.db", mail_customer)
        for language, suffix in (("en", "en"), ("zh_CN", "zh")):
            shoot_quotes(app, out, folder / "demo.db", clock, language, suffix, draft, proforma)
        close_database(database)
        _shoot_first_run(app, out, folder, clock)
    for png in sorted(out.glob("*.png")):
        print(png)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
