"""The editable thresholds of lifecycle stages and value tiers, declared once and read together.

Kept apart from segments.py (which imports the reminder rules) so that the reminder settings can
read the two dormancy thresholds from here without an import cycle: one churn rule, one setting.
"""

from __future__ import annotations

from dataclasses import dataclass, fields

from trade_crm.domain.errors import ValidationError
from trade_crm.store.models import database
from trade_crm.store.settings import SettingKey

TIER_A_SHARE = SettingKey("segments.tier_a_share", int, 80, "Tier A: the customers making this % of the value")
TIER_B_SHARE = SettingKey("segments.tier_b_share", int, 95, "Tier B: up to this % of the value")
TIER_MONTHS = SettingKey("segments.tier_months", int, 12, "Tiers count order value of the last N months")
LOYAL_MONTHS = SettingKey("segments.loyal_months", int, 12, "Loyal: orders spread over at least N months")
LOYAL_TIERS = SettingKey("segments.loyal_tiers", str, "A", "Loyal: only customers in these tiers")
DORMANT_FACTOR_PERCENT = SettingKey("segments.dormant_factor_percent", int, 150,
                                    "Dormant after this % of the usual reorder interval")
SINGLE_ORDER_DORMANT_DAYS = SettingKey("segments.single_order_dormant_days", int, 180,
                                       "Dormant this many days after a single order")


@dataclass(frozen=True)
class SegmentSettings:
    tier_a_share: int = 80  # percent of the period's value
    tier_b_share: int = 95
    tier_months: int = 12
    loyal_months: int = 12
    loyal_tiers: str = "A"
    dormant_factor_percent: int = 150
    single_order_dormant_days: int = 180

    @property
    def dormant_factor(self) -> float:
        return self.dormant_factor_percent / 100

    @classmethod
    def load(cls) -> SegmentSettings:
        values = {f.name: _KEYS[f.name].read() for f in fields(cls)}
        try:
            return cls(**values).checked()
        except ValidationError:  # a hand-edited book: fall back rather than refuse to open
            return cls()

    def checked(self) -> SegmentSettings:
        if not 1 <= self.tier_a_share < self.tier_b_share <= 100:
            raise ValidationError("tier_a_share", "tier A's share must be below tier B's, both 1–100 %")
        if not 1 <= self.tier_months <= 120:
            raise ValidationError("tier_months", "count between 1 and 120 months")
        if not 1 <= self.loyal_months <= 240:
            raise ValidationError("loyal_months", "give between 1 and 240 months")
        if not self.loyal_tiers or set(self.loyal_tiers) - set("ABC"):
            raise ValidationError("loyal_tiers", "give one or more of A, B and C")
        if not 100 <= self.dormant_factor_percent <= 1000:
            raise ValidationError("dormant_factor_percent", "give between 100 and 1000 %")
        if not 1 <= self.single_order_dormant_days <= 3650:
            raise ValidationError("single_order_dormant_days", "give between 1 and 3650 days")
        return self

    def save(self) -> None:
        self.checked()
        with database.obj.atomic():
            for f in fields(self):
                _KEYS[f.name].write(getattr(self, f.name))


_KEYS = {
    "tier_a_share": TIER_A_SHARE, "tier_b_share": TIER_B_SHARE, "tier_months": TIER_MONTHS,
    "loyal_months": LOYAL_MONTHS, "loyal_tiers": LOYAL_TIERS, "dormant_factor_percent": DORMANT_FACTOR_PERCENT,
    "single_order_dormant_days": SINGLE_ORDER_DORMANT_DAYS,
}
