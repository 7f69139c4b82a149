"""The reminder engine's settings: each key declared once, read together into one frozen value.

They belong to the book (a backup carries them), so they live in the Setting table. A customer's own
keep-in-touch cadence overrides the one of their rating; it is kept as one small mapping because few
customers have one.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field
from typing import Any

from trade_crm.domain.errors import NotFoundError, ValidationError
from trade_crm.domain.greetings.occasions import load_greeting_rules
from trade_crm.domain.insights.segment_settings import SegmentSettings
from trade_crm.store.models import Customer, database
from trade_crm.store.settings import SettingKey

CADENCE_A = SettingKey("reminders.cadence.A", int, 14, "Keep in touch with A customers every (days)")
CADENCE_B = SettingKey("reminders.cadence.B", int, 30, "Keep in touch with B customers every (days)")
CADENCE_C = SettingKey("reminders.cadence.C", int, 90, "Keep in touch with C customers every (days)")
CADENCE_KEYS = {"A": CADENCE_A, "B": CADENCE_B, "C": CADENCE_C}
HOLIDAY_LEAD_DAYS = SettingKey("reminders.holiday_lead_days", int, 3, "Remind me of holidays (days ahead)")
HOME_COUNTRY = SettingKey("reminders.home_country", str, "CN", "My own country (closure notices)")
CUSTOMER_CADENCE = SettingKey("reminders.customer_cadence", dict, {}, "Keep-in-touch cadence of single customers")
LAST_SYNC = SettingKey("reminders.last_sync", str, "", "When reminders were last brought up to date")
SYNC_BASIS = SettingKey("reminders.sync_basis", dict, {}, "The day, zone and settings of the last full sync")

SETTING_KEYS = (CADENCE_A, CADENCE_B, CADENCE_C, HOLIDAY_LEAD_DAYS, HOME_COUNTRY)
QUOTATION_REPLY_DAYS = 3  # an unanswered quotation is followed up this many days after it was sent
QUOTATION_EXPIRY_WINDOW = 30  # an expired quotation is worth a follow-up for this many days
BIRTHDAY_LEAD_DAYS = 1
SINGLE_ORDER_DORMANT_DAYS = 180
DORMANT_FACTOR = 1.5


@dataclass(frozen=True)
class ReminderSettings:
    """Everything the rules need besides the data: pass one in, or `load()` the book's own."""

    cadence: Mapping[str, int] = field(default_factory=lambda: {"A": 14, "B": 30, "C": 90})
    customer_cadence: Mapping[int, int] = field(default_factory=dict)  # customer id -> days; 0 = none
    holiday_lead_days: int = 3
    home_country: str = "CN"
    greeting_rules: Mapping[str, Any] | None = None  # None: the curated defaults
    closure_lead_days: int = 10
    closure_min_days: int = 5
    quotation_reply_days: int = QUOTATION_REPLY_DAYS
    quotation_expiry_window: int = QUOTATION_EXPIRY_WINDOW
    birthday_lead_days: int = BIRTHDAY_LEAD_DAYS
    single_order_dormant_days: int = SINGLE_ORDER_DORMANT_DAYS
    dormant_factor: float = DORMANT_FACTOR

    def fingerprint(self) -> str:
        """A short digest of every setting: a re-sync under other settings computes everything again."""
        text = json.dumps(asdict(self), sort_keys=True, default=str, ensure_ascii=False)
        return hashlib.sha1(text.encode("utf-8")).hexdigest()

    @classmethod
    def load(cls) -> ReminderSettings:
        """The settings stored in the bound database (defaults where none is stored)."""
        rules = load_greeting_rules()
        segments = SegmentSettings.load()  # one churn rule: the dormancy the dashboard shows is the one reminded of
        closures = rules.get("closures", {}) if isinstance(rules.get("closures"), dict) else {}
        return cls(
            cadence={rating: max(0, key.read()) for rating, key in CADENCE_KEYS.items()},
            customer_cadence=_customer_cadence(),
            holiday_lead_days=max(0, HOLIDAY_LEAD_DAYS.read()),
            home_country=(HOME_COUNTRY.read() or "").strip().upper(),
            greeting_rules=rules,
            closure_lead_days=int(closures.get("lead_days", 10)),
            closure_min_days=int(closures.get("min_days", 5)),
            single_order_dormant_days=segments.single_order_dormant_days,
            dormant_factor=segments.dormant_factor,
        )


def _customer_cadence() -> dict[int, int]:
    out = {}
    for key, days in CUSTOMER_CADENCE.read().items():
        if str(key).isdigit() and isinstance(days, int) and days >= 0:
            out[int(key)] = days
    return out


def set_customer_cadence(customer_id: int, days: int | None) -> None:
    """Keep in touch with one customer every `days` days (0: never); None goes back to their rating's."""
    if days is not None and (not isinstance(days, int) or days < 0 or days > 3650):
        raise ValidationError("cadence", "give a number of days between 0 and 3650")
    if not Customer.select().where(Customer.id == customer_id).exists():
        raise NotFoundError("customer", customer_id)
    table = {str(k): v for k, v in _customer_cadence().items()}
    if days is None:
        table.pop(str(customer_id), None)
    else:
        table[str(customer_id)] = days
    CUSTOMER_CADENCE.write(table)


def customer_cadence(customer_id: int) -> int | None:
    """The customer's own cadence in days, or None when their rating's applies."""
    return _customer_cadence().get(customer_id)


def save_reminder_settings(*, cadence: Mapping[str, int] | None = None, holiday_lead_days: int | None = None,
                           home_country: str | None = None) -> None:
    """Validate and store the settings the Settings dialog edits."""
    for rating, days in (cadence or {}).items():
        if rating not in CADENCE_KEYS:
            raise ValidationError("cadence", f'"{rating}" is not a rating with a cadence')
        if not isinstance(days, int) or not 0 <= days <= 3650:
            raise ValidationError(f"cadence.{rating}", "give a number of days between 0 and 3650")
    if holiday_lead_days is not None and not 0 <= holiday_lead_days <= 60:
        raise ValidationError("holiday_lead_days", "give a number of days between 0 and 60")
    code = (home_country or "").strip().upper()
    if home_country is not None and code and (len(code) != 2 or not code.isalpha()):
        raise ValidationError("home_country", "give a two-letter country code")
    with database.atomic():
        for rating, days in (cadence or {}).items():
            CADENCE_KEYS[rating].write(days)
        if holiday_lead_days is not None:
            HOLIDAY_LEAD_DAYS.write(holiday_lead_days)
        if home_country is not None:
            HOME_COUNTRY.write(code)
