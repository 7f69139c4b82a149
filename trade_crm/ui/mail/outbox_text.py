"""How the compose dialog and the outbox word a message's time and state, in the UI's language:
"scheduled for Tue 09:20 (Dubai), 13:20 here", "failed: 550 mailbox unavailable"."""

from __future__ import annotations

from datetime import datetime, tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from PySide6.QtCore import QCoreApplication, QDate, QLocale, QTime

from trade_crm.domain.mail.outgoing import OutboxEntry, OutboxState
from trade_crm.domain.world.countries import country_timezone
from trade_crm.ui.common.i18n import fill


def tr(text: str, disambiguation: str | None = None, n: int = -1) -> str:
    return QCoreApplication.translate("OutboxText", text, disambiguation, n)


def zone_of(country: str) -> ZoneInfo | None:
    """The customer's time zone, from their country (None when unknown)."""
    name = country_timezone(country) if country else None
    if not name:
        return None
    try:
        return ZoneInfo(name)
    except ZoneInfoNotFoundError:
        return None


def zone_city(zone: tzinfo) -> str:
    """'Asia/Dubai' -> 'Dubai', 'America/Argentina/Buenos_Aires' -> 'Buenos Aires'."""
    key = getattr(zone, "key", "") or str(zone)
    return key.rpartition("/")[2].replace("_", " ")


def day_time(moment: datetime, locale: QLocale) -> str:
    """'Tue 09:20' in the locale's words: the short weekday and the short time."""
    day = locale.dayName(QDate(moment.year, moment.month, moment.day).dayOfWeek(), QLocale.FormatType.ShortFormat)
    return f"{day} {locale.toString(QTime(moment.hour, moment.minute), 'HH:mm')}"


def when_text(send_at: datetime, their_zone: tzinfo | None, my_zone: tzinfo, locale: QLocale) -> str:
    """'Tue 09:20 (Dubai), 13:20 here' — their wall clock first, then the user's; only one when they agree."""
    mine = send_at.astimezone(my_zone)
    if their_zone is None or mine.utcoffset() == send_at.astimezone(their_zone).utcoffset():
        return day_time(mine, locale)
    theirs = send_at.astimezone(their_zone)
    here = day_time(mine, locale) if mine.date() != theirs.date() else locale.toString(
        QTime(mine.hour, mine.minute), "HH:mm")
    return fill(tr("%1 (%2), %3 here"), day_time(theirs, locale), zone_city(their_zone), here)


def state_text(entry: OutboxEntry, now: datetime, their_zone: tzinfo | None, my_zone: tzinfo,
               locale: QLocale) -> str:
    """What the outbox's State column says for one message."""
    state = entry.state
    if state == OutboxState.QUEUED:
        later = max(filter(None, (entry.send_at, entry.next_attempt_at)), default=None)
        if later is not None and later > now:
            return fill(tr("scheduled for %1"), when_text(later, their_zone, my_zone, locale))
        return tr("queued: goes out next")
    if state == OutboxState.SENDING:
        return tr("sending…")
    if state == OutboxState.SENT:
        return fill(tr("sent %1"), when_text(entry.sent_at, their_zone, my_zone, locale)) if entry.sent_at \
            else tr("sent")
    if state == OutboxState.FAILED:
        return fill(tr("failed: %1"), entry.last_error) if entry.last_error else tr("failed")
    if state == OutboxState.PAUSED:
        return tr("paused")
    return fill(tr("cancelled: %1"), entry.last_error) if entry.last_error else tr("cancelled")
