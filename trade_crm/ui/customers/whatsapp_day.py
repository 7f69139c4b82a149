"""A WhatsApp day on the timeline (an imported chat's day: domain/chats/day_text.py) folds out into its
messages: time, who, what they wrote, the media's names; a message's further lines in its tooltip."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QTreeWidgetItem

from trade_crm.domain.chats.day_text import read_day
from trade_crm.ui.common.icons import icon


def add_chat_messages(item: QTreeWidgetItem, body: str) -> int:
    """Add the day's messages under `item` (a timeline entry of kind whatsapp); returns how many."""
    messages = read_day(body) if body else []
    for m in messages:
        lines = m.text.split("\n") if m.text else []
        text = lines[0] if lines else ""
        if len(lines) > 1:
            text += " …"
        if not text and m.omitted:
            text = QCoreApplication.translate("TimelineView", "(media not in the export)")
        child = QTreeWidgetItem([m.time, m.author, text, "", ", ".join(m.files)])
        child.setData(0, Qt.ItemDataRole.UserRole, "chat_message")
        child.setToolTip(2, m.text)
        if m.files:
            child.setIcon(4, icon("attachment"))
            child.setToolTip(4, "\n".join(m.files))
        item.addChild(child)
    if messages:
        item.setToolTip(0, QCoreApplication.translate("TimelineView", "Unfold to read the day's messages"))
    return len(messages)
