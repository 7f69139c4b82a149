"""`make screenshots`, the WhatsApp part: a demo chat (written here, in Android's export format) imported onto
a customer's timeline, the timeline with its newest WhatsApp day folded out, and the import dialog over a
later export of the same chat (a day that grew, a new day), in English and Chinese."""

from __future__ import annotations

import zipfile
from datetime import datetime, timedelta
from pathlib import Path

from PySide6.QtCore import QSettings, Qt

from trade_crm.app import build_main_window
from trade_crm.domain.customers.records import get_customer
from trade_crm.domain.world.phones import format_phone
from trade_crm.exchange.chats.whatsapp import read_chat
from trade_crm.exchange.chats.whatsapp_import import commit_chat, plan_chat
from trade_crm.ui.common.i18n import install_translator, remove_translators
from trade_crm.ui.import_export.whatsapp_dialog import WhatsAppImportDialog

WINDOW_SIZE = (1400, 860)
# (days before the clock's day, time, who: 0 the buyer / 1 me, text); a line starting "FILE " is a photo
CHAT = (
    (5, "09:12", 0, "Hello Ann, we met at the Canton Fair, booth 11.2 C15. We import lighting in the Gulf"),
    (5, "09:20", 1, "Hello! Of course, thank you for writing. How can I help?"),
    (5, "09:24", 0, "We need 2000 pcs LED panel 600x600, 40W, 4000K\nDelivery to Jebel Ali\nCan you send the price?"),
    (5, "09:41", 1, "FILE 00000012-PHOTO-2026-11-18-09-41-07.jpg"),
    (5, "09:41", 1, "This is the panel with the aluminium frame. Price FOB Ningbo USD 11.80, MOQ 500"),
    (5, "10:03", 0, "Good. Please send the PI with 30% deposit"),
    (3, "16:05", 1, "FILE 00000015-PI-2026-117.pdf"),
    (3, "16:06", 1, "Here is PI-2026-117. Production 25 days after the deposit"),
    (3, "18:30", 0, "Received, thank you. Our finance pays on Sunday"),
    (2, "11:15", 0, "Deposit paid today, bank slip attached"),
    (2, "11:16", 0, "FILE 00000018-PHOTO-2026-11-21-11-16-40.jpg"),
    (2, "11:40", 1, "Thank you! Production starts Monday, I will send photos of the cartons"),
)
LATER = ((1, "10:02", 1, "Cartons are ready: 84 cartons, 25 panels each"), (2, "19:05", 0, "Great, thanks Ann"))


def chat_text(now: datetime, lines=CHAT, buyer: str = "Ahmed Khan", me: str = "Ann Li") -> str:
    out = []
    for days, time, who, text in sorted(lines, key=lambda line: (-line[0], line[1])):
        day = now.date() - timedelta(days=days)
        text = f"{text[5:]} (file attached)" if text.startswith("FILE ") else text
        out.append(f"{day.day}/{day.month}/{day.year % 100:02d}, {time} - {(buyer, me)[who]}: {text}")
    return "\n".join(out) + "\n"


def load_demo_chat(clock, customer_id: int, folder: Path) -> Path:
    """Import the demo chat (its photos and PI as small stand-in files) onto `customer_id`'s timeline, with
    the customer's first contact as the buyer; returns a later export of the same chat (not imported)."""
    contacts = get_customer(customer_id).contacts
    contact = next((c for c in contacts if c.whatsapp or c.phones), contacts[0])
    number = format_phone(contact.whatsapp or contact.phones[0]) if contact.whatsapp or contact.phones else contact.name
    now = clock.now().astimezone(clock.zone)
    path = folder / f"WhatsApp Chat with {number}.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr(path.stem + ".txt", chat_text(now, buyer=contact.name))
        for _, _, _, text in CHAT:
            if text.startswith("FILE "):
                archive.writestr(text[5:], b"demo file " + text.encode())
    plan = plan_chat(read_chat(path), clock.zone)
    if plan.customer is None or plan.customer.customer_id != customer_id:  # the contact has no number
        plan = plan_chat(plan.chat, clock.zone, customer_id=customer_id)
    commit_chat(plan, clock, folder / "attachments")
    later = folder / "later" / f"WhatsApp Chat with {number}.txt"
    later.parent.mkdir(exist_ok=True)
    later.write_text(chat_text(now, CHAT + LATER, buyer=contact.name), encoding="utf-8")
    return later


def shoot_whatsapp(app, out: Path, db_path: Path, clock, language: str, suffix: str, customer_id: int,
                   later: Path) -> list[Path]:
    """whatsapp_timeline_<suffix>.png (the newest WhatsApp day folded out) and whatsapp_import_<suffix>.png."""
    translators = install_translator(app, language)
    settings = QSettings(str(db_path.with_name(f"settings-whatsapp-{language}.ini")), QSettings.Format.IniFormat)
    window = build_main_window(clock, db_path, settings, language=language)
    window.resize(*WINDOW_SIZE)
    window.splitter.setSizes([440, 960])
    window.show()
    _settle(app)
    window.customer_list.select_customer(customer_id)
    _settle(app)
    tree = window.timeline.entries
    days = [tree.topLevelItem(i) for i in range(tree.topLevelItemCount())
            if tree.topLevelItem(i).data(0, Qt.ItemDataRole.UserRole) == "whatsapp"]
    if days:
        max(days, key=lambda item: item.childCount()).setExpanded(True)  # the day with the photo and the price
    _settle(app)
    shots = [out / f"whatsapp_timeline_{suffix}.png", out / f"whatsapp_import_{suffix}.png"]
    window.grab().save(str(shots[0]))
    dialog = WhatsAppImportDialog(clock, later, later.parent / "attachments", window)
    dialog.show_plan(plan_chat(read_chat(later), clock.zone))  # as its worker would, here on the spot
    dialog.show()
    _settle(app)
    dialog.grab().save(str(shots[1]))
    dialog.close()
    window.close()
    window.deleteLater()
    _settle(app)
    remove_translators(app, translators)
    return shots


def _settle(app) -> None:
    for _ in range(5):
        app.processEvents()
