"""The card on top of a customer's timeline: who, where, what time it is there, how to reach them."""

from __future__ import annotations

import html
from dataclasses import dataclass
from datetime import datetime, timedelta, tzinfo
from functools import cache
from zoneinfo import ZoneInfo

from PySide6.QtCore import QLocale, Qt, QTime, Signal
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from trade_crm.domain.customers.records import CustomerDetail
from trade_crm.domain.world.countries import country_name, country_timezone
from trade_crm.domain.world.phones import format_phone, whatsapp_link
from trade_crm.ui.common.dates import qdate, short_date_time
from trade_crm.ui.common.i18n import country_language, system_language
from trade_crm.ui.common.icons import icon

WORK_START, WORK_END = 9, 18


@dataclass(frozen=True)
class LocalSituation:
    """The customer's wall clock: local time, whether they are at work, and a holiday today or tomorrow."""

    local_time: datetime
    working_hours: bool
    holiday_today: str | None
    holiday_tomorrow: str | None


@cache
def _holidays(country: str, year: int, language: str):
    import holidays  # lazy: start-up, the library takes ~40 ms to import and no first paint needs it

    try:
        probe = holidays.country_holidays(country, years=year)
    except (NotImplementedError, KeyError):
        return None
    supported = getattr(probe, "supported_languages", ()) or ()
    wanted = {"zh": ("zh_CN", "zh_TW"), "en": ("en_US", "en_GB")}.get(language, ())
    chosen = next((lang for lang in wanted if lang in supported), None)
    if chosen is None and "en_US" in supported:
        chosen = "en_US"
    return holidays.country_holidays(country, years=year, language=chosen) if chosen else probe


def local_situation(country: str | None, now: datetime, language: str = "en") -> LocalSituation | None:
    """Pure: the situation in `country` at the instant `now`; None when the country has no known zone."""
    zone = country_timezone(country) if country else None
    if zone is None:
        return None
    local = now.astimezone(ZoneInfo(zone))
    days: list[str | None] = []
    for day in (local.date(), local.date() + timedelta(days=1)):
        table = _holidays(country, day.year, language)
        days.append(table.get(day) if table is not None else None)
    table = _holidays(country, local.year, language)
    weekend = getattr(table, "weekend", {5, 6}) if table is not None else {5, 6}
    working = (local.weekday() not in weekend and WORK_START <= local.hour < WORK_END and days[0] is None)
    return LocalSituation(local, working, days[0], days[1])


def _isolated(text: str) -> str:
    """Escape `text` and wrap it in Unicode first-strong isolates (FSI ... PDI)."""
    return f"\u2068{html.escape(text)}\u2069"


def _unbroken(text: str) -> str:
    """HTML for text that must not wrap inside (a phone number)."""
    return html.escape(text).replace(" ", "&nbsp;")


WHATSAPP_MESSAGE_LINK = "trade-crm:whatsapp-message/"  # + a contact id: the card asks for the message dialog


class HeaderCard(QFrame):
    """Name, country, local time, holiday, contacts with mailto:/wa.me links, tags, rating, follow-up."""

    link_activated = Signal(str)
    edit_clicked = Signal()
    whatsapp_message_requested = Signal(int)  # "Message…" beside a contact's number: that contact's id

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.Window, palette.color(QPalette.ColorRole.Base))
        self.setPalette(palette)
        self.name_label = QLabel()
        font = QFont(self.font())
        font.setPointSizeF(font.pointSizeF() * 1.35)
        font.setBold(True)
        self.name_label.setFont(font)
        self.name_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.rating_label = QLabel()
        self.edit_button = QPushButton(icon("customer_edit"), self.tr("Edit"))
        self.edit_button.clicked.connect(self.edit_clicked)
        self.place_label = QLabel()
        self.holiday_label = QLabel()
        self.holiday_label.setWordWrap(True)
        self.contacts_label = self._rich_label()
        self.tags_label = QLabel()
        self.tags_label.setWordWrap(True)
        self.follow_up_label = QLabel()

        top = QHBoxLayout()
        top.addWidget(self.name_label, 1)
        top.addWidget(self.rating_label)
        top.addWidget(self.edit_button)
        facts = QGridLayout()
        facts.setHorizontalSpacing(12)
        facts.setColumnStretch(1, 1)
        for row, (caption, value) in enumerate((
            (self.tr("Contacts"), self.contacts_label),
            (self.tr("Tags"), self.tags_label),
            (self.tr("Follow-up"), self.follow_up_label),
        )):
            title = QLabel(caption)
            title.setForegroundRole(QPalette.ColorRole.PlaceholderText)
            facts.addWidget(title, row, 0, Qt.AlignmentFlag.AlignTop)
            facts.addWidget(value, row, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 10)
        layout.setSpacing(4)
        layout.addLayout(top)
        layout.addWidget(self.place_label)
        layout.addWidget(self.holiday_label)
        layout.addLayout(facts)

    def _rich_label(self) -> QLabel:
        label = QLabel()
        label.setTextFormat(Qt.TextFormat.RichText)
        label.setOpenExternalLinks(False)
        label.setWordWrap(True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse
                                      | Qt.TextInteractionFlag.LinksAccessibleByKeyboard)
        label.linkActivated.connect(self.on_link_activated)
        return label

    def on_link_activated(self, url: str) -> None:
        if url.startswith(WHATSAPP_MESSAGE_LINK):
            self.whatsapp_message_requested.emit(int(url.removeprefix(WHATSAPP_MESSAGE_LINK)))
        else:
            self.link_activated.emit(url)

    def show_customer(self, customer: CustomerDetail, now: datetime, zone: tzinfo) -> None:
        """Fill the card; `now` is the current instant, `zone` the user's own time zone."""
        locale = self.locale()
        user_now = now.astimezone(zone)
        self.name_label.setText(" · ".join(n for n in (customer.name, customer.alt_name) if n))
        self.rating_label.setText(self.tr("Rating %1").replace("%1", customer.rating) if customer.rating else "")
        self._show_place(customer, user_now, locale)
        self.contacts_label.setText(self._contacts_html(customer) or html.escape(self.tr("No contacts yet")))
        self.tags_label.setText(", ".join(customer.tags) or self.tr("None"))
        self.follow_up_label.setText(self._follow_up_text(customer, user_now, locale))

    def _show_place(self, customer: CustomerDetail, now: datetime, locale: QLocale) -> None:
        language = country_language(system_language(locale))
        parts = [country_name(customer.country, language)] if customer.country else [self.tr("No country")]
        if customer.city:
            parts.append(customer.city)
        situation = local_situation(customer.country, now, language)
        holiday = ""
        if situation is not None:
            wall = situation.local_time
            clock_text = locale.toString(QTime(wall.hour, wall.minute), QLocale.FormatType.ShortFormat)
            if wall.date() != now.date():
                clock_text = f"{locale.toString(qdate(wall.date()), 'ddd')} {clock_text}"
            state = self.tr("working hours") if situation.working_hours else self.tr("outside working hours")
            parts.append(self.tr("local time %1 (%2)").replace("%1", clock_text).replace("%2", state))
            if situation.holiday_today:
                holiday = self.tr("Public holiday there today: %1").replace("%1", situation.holiday_today)
            elif situation.holiday_tomorrow:
                holiday = self.tr("Public holiday there tomorrow: %1").replace("%1", situation.holiday_tomorrow)
        self.place_label.setText(" · ".join(parts))
        self.holiday_label.setText(holiday)
        self.holiday_label.setVisible(bool(holiday))
        font = self.holiday_label.font()
        font.setBold(True)
        self.holiday_label.setFont(font)

    def _contacts_html(self, customer: CustomerDetail) -> str:
        lines = []
        for contact in customer.contacts:
            # Isolated, so an Arabic or Hebrew name cannot reorder the emails and links around it.
            who = _isolated(contact.name or self.tr("(no name)"))
            if contact.title:
                who += f" <span>({_isolated(contact.title)})</span>"
            if contact.is_primary and len(customer.contacts) > 1:
                who = f"<b>{who}</b>"
            ways = [f'<a href="mailto:{html.escape(e, quote=True)}">{html.escape(e)}</a>' for e in contact.emails]
            if contact.whatsapp:
                link = whatsapp_link(contact.whatsapp)
                ways.append(f'<a href="{link}">{html.escape(self.tr("WhatsApp"))}&nbsp;'
                            f"{_unbroken(format_phone(contact.whatsapp))}</a>")
            ways += [_unbroken(format_phone(p)) for p in contact.phones if p != contact.whatsapp]
            if contact.whatsapp or contact.phones:  # a template's text, opened in WhatsApp, logged once sent
                ways.append(f'<a href="{WHATSAPP_MESSAGE_LINK}{contact.id}">'
                            f'{html.escape(self.tr("Message…"))}</a>')
            ways += [html.escape(f"{self.tr('WeChat')} {w}") for w in contact.values("wechat")]
            lines.append(" — ".join([who, " · ".join(ways)]) if ways else who)
        direction = "rtl" if self.layoutDirection() == Qt.LayoutDirection.RightToLeft else "ltr"
        return "".join(f'<div dir="{direction}">{line}</div>' for line in lines)

    def _follow_up_text(self, customer: CustomerDetail, user_now: datetime, locale: QLocale) -> str:
        user_today = user_now.date()
        if customer.follow_up_on is None:
            text = self.tr("No follow-up planned")
        else:
            text = locale.toString(qdate(customer.follow_up_on), QLocale.FormatType.LongFormat)
            if customer.follow_up_on < user_today:
                text = self.tr("%1 (overdue)").replace("%1", text)
            elif customer.follow_up_on == user_today:
                text = self.tr("%1 (today)").replace("%1", text)
        if customer.last_contact_at is not None:
            last = customer.last_contact_at.astimezone(user_now.tzinfo)
            stamp = short_date_time(last, locale)
            text += "   " + self.tr("Last contact: %1").replace("%1", stamp)
        return text
