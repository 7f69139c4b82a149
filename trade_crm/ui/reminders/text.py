"""Rule reminders said in the user's language, from the facts the rule stored with them.

The store keeps an English title and detail (the command line and calendar files show those); the
window says the same in the UI language from `DueReminder.payload`, counting days from today rather
than from when the rule last ran. A reminder the user wrote, or one an older version stored without
the facts needed, is shown as stored.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QCoreApplication, QLocale

from trade_crm.domain.greetings.occasions import holiday_name
from trade_crm.domain.reminders.records import DueReminder
from trade_crm.domain.world.countries import country_name
from trade_crm.ui.common.dates import qdate
from trade_crm.ui.common.i18n import country_language, fill, system_language


def _t(text: str, count: int = -1) -> str:
    return QCoreApplication.translate("ReminderText", text, None, count)


def day_text(day: date) -> str:
    """A day as reminder titles name it: "Thu 19 Mar" in English, "3月19日 周四" in Chinese (details
    give ISO dates, as the stored English does)."""
    return QLocale().toString(qdate(day), _t("ddd d MMM"))


def _language() -> str:
    return system_language(QLocale())  # install_translator made the UI language's locale the default


def _days(count: int) -> str:
    return _t("%n day(s)", count)


def _planned(r: DueReminder, p: dict, today: date) -> tuple[str, str]:
    return fill(_t("Follow up with %1"), r.customer_name), _t("The follow-up day you planned.")


def _cadence(r: DueReminder, p: dict, today: date) -> tuple[str, str]:
    basis, contacted = p["basis"], p["contacted"]
    who = _t("their own cadence") if basis == "own" else fill(_t("%1 customers"), basis or "–")
    ago = (today - date.fromisoformat(p["since"])).days
    what = _t("last contact %n day(s) ago", ago) if contacted else _t("no contact logged yet")
    detail = fill(_t("Every %1 (%2); %3."), _days(int(p["every"])), who, what)
    return fill(_t("Keep in touch with %1"), r.customer_name), detail


def _quotation_reply(r: DueReminder, p: dict, today: date) -> tuple[str, str]:
    return (fill(_t("No reply to the quotation sent to %1"), r.customer_name),
            fill(_t("Quotation sent on %1; nothing logged since."), p["sent"]))


def _quotation_expired(r: DueReminder, p: dict, today: date) -> tuple[str, str]:
    return (fill(_t("Quotation for %1 has expired"), r.customer_name),
            fill(_t("Valid until %1; no order since. Renew it or ask for a decision."), p["valid_until"]))


def _greeting_names() -> dict[str, str]:
    return {"new_year": _t("New Year"), "christmas": _t("Christmas"), "lunar_new_year": _t("Lunar New Year"),
            "eid_al_fitr": _t("Eid al-Fitr"), "eid_al_adha": _t("Eid al-Adha"), "diwali": _t("Diwali"),
            "holi": _t("Holi"), "nowruz": _t("Nowruz"), "thanksgiving": _t("Thanksgiving"),
            "mid_autumn": _t("Mid-Autumn Festival"), "rosh_hashanah": _t("Rosh Hashanah")}


def _holiday(p: dict, on: date, until: date | None = None) -> str:
    """The holiday's name: the library's own in the UI language, else ours for a curated greeting,
    else the library's English name."""
    english, language = p["holiday"], _language()
    if language == "en":
        return english
    named = holiday_name(p["country"], on, english, language, until)
    if named != english:
        return named
    curated = _greeting_names().get(p.get("greeting_id", ""))
    if curated:
        return curated
    return fill(_t("National day (%1)"), english) if p.get("greeting_id") == "national_day" else english


def _greeting(r: DueReminder, p: dict, today: date) -> tuple[str, str]:
    on = date.fromisoformat(p["on"])
    where = country_name(p["country"], country_language(_language()))
    title = fill(_t("%1 in %2 on %3: greet %n customer(s)", len(r.customer_ids)), _holiday(p, on), where, day_text(on))
    return title, fill(_t("Prepare greetings for your customers in %1."), where)


def _closure(r: DueReminder, p: dict, today: date) -> tuple[str, str]:
    first, last = date.fromisoformat(p["first"]), date.fromisoformat(p["last"])
    title = fill(_t("Tell customers about the closure: %1, %2 – %3 (%n day(s) off)", int(p["days"])),
                 _holiday(p, first, last), day_text(first), day_text(last))
    return title, _t("Send a closure notice, and agree on orders that must ship before the break.")


def _birthday(r: DueReminder, p: dict, today: date) -> tuple[str, str]:
    who = p["contact"] or _t("A contact")
    title = fill(_t("Birthday of %1 (%2) on %3"), who, r.customer_name, day_text(date.fromisoformat(p["on"])))
    return title, _t("Send a short personal note.")


def _dormant(r: DueReminder, p: dict, today: date) -> tuple[str, str]:
    last = date.fromisoformat(p["last_order"])
    ago = (today - last).days
    title = fill(_t("%1: no order for %n day(s)", ago), r.customer_name)
    if p.get("usual_days") is None:
        detail = fill(_t("Ordered once, %n day(s) ago (%1); a single order is followed up after %2.", ago),
                      last.isoformat(), _days(int(p["after"])))
    else:
        detail = fill(_t("Usually orders every %1; last order %n day(s) ago (%2).", ago),
                      _days(int(p["usual_days"])), last.isoformat())
    return title, detail


def greeted_text(kind: str, payload: dict) -> str:
    """The timeline entry Done on a greeting or birthday logs, in the UI language ("" when the stored
    facts do not say enough: the domain then words it)."""
    try:
        if kind == "birthday":
            return fill(_t("Birthday greeting to %1"), payload["contact"]) if payload.get("contact") else ""
        return fill(_t("Greeted for %1"), _holiday(payload, date.fromisoformat(payload["on"])))
    except (KeyError, ValueError, TypeError):
        return ""


_MAKERS: dict[str, Callable[[DueReminder, dict, date], tuple[str, str]]] = {
    "planned": _planned, "cadence": _cadence, "quotation_reply": _quotation_reply,
    "quotation_expired": _quotation_expired, "greeting": _greeting, "closure": _closure, "birthday": _birthday,
    "dormant": _dormant,
}


def reminder_texts(reminder: DueReminder, today: date) -> tuple[str, str]:
    """(title, detail) of `reminder` in the UI language; as stored when no rule made it."""
    maker = _MAKERS.get(reminder.payload.get("rule"))
    if maker is None:
        return reminder.title, reminder.detail
    try:
        return maker(reminder, reminder.payload, today)
    except (KeyError, ValueError, TypeError):  # stored by a version that kept fewer facts
        return reminder.title, reminder.detail


def greeting_label(greeting_id: str) -> str:
    """A greeting rule's name in the UI language ("Lunar New Year", "春节"), not its id; a rule the user
    added shows its id as words ("womens_day": "Womens day")."""
    names = {**_greeting_names(), "national_day": _t("National Day")}
    return names.get(greeting_id) or greeting_id.replace("_", " ").strip().capitalize()

