"""Greeting holidays by country (moving feasts included), closure notices, and the customer's template language."""

from __future__ import annotations

from datetime import date

import pytest

from trade_crm.domain.errors import ValidationError
from trade_crm.domain.greetings.occasions import (
    closures,
    default_greeting_rules,
    greeting_holidays,
    holiday_name,
    load_greeting_rules,
    normalize_holiday_name,
    save_greeting_rules,
)
from trade_crm.domain.greetings.templates import customer_language

EXPECTED_2026 = {
    "US": [("2026-01-01", "new_year"), ("2026-07-04", "national_day"), ("2026-11-26", "thanksgiving"),
           ("2026-12-25", "christmas")],
    "DE": [("2026-01-01", "new_year"), ("2026-10-03", "national_day"), ("2026-12-25", "christmas")],
    "SA": [("2026-03-19", "eid_al_fitr"), ("2026-05-27", "eid_al_adha"), ("2026-09-23", "national_day")],
    "AE": [("2026-01-01", "new_year"), ("2026-03-19", "eid_al_fitr"), ("2026-05-27", "eid_al_adha"),
           ("2026-12-02", "national_day")],
    "IN": [("2026-01-26", "national_day"), ("2026-03-04", "holi"), ("2026-08-15", "national_day"),
           ("2026-11-08", "diwali"), ("2026-12-25", "christmas")],
    "BR": [("2026-01-01", "new_year"), ("2026-09-07", "national_day"), ("2026-12-25", "christmas")],
    "RU": [("2026-01-01", "new_year"), ("2026-01-07", "christmas"), ("2026-06-12", "national_day")],
    "CN": [("2026-01-01", "new_year"), ("2026-02-17", "lunar_new_year"), ("2026-09-25", "mid_autumn"),
           ("2026-10-01", "national_day")],
    "TR": [("2026-01-01", "new_year"), ("2026-03-20", "eid_al_fitr"), ("2026-05-27", "eid_al_adha"),
           ("2026-10-29", "national_day")],
}
# The moving feasts a year later: Eid (lunar), Diwali (lunisolar), Lunar New Year.
MOVING_2027 = {
    "SA": [("2027-03-09", "eid_al_fitr"), ("2027-05-16", "eid_al_adha")],
    "TR": [("2027-03-09", "eid_al_fitr"), ("2027-05-16", "eid_al_adha")],
    "IN": [("2027-10-29", "diwali")],
    "CN": [("2027-02-06", "lunar_new_year")],
}


def _found(country: str, start: date, end: date) -> list[tuple[str, str]]:
    return [(h.on.isoformat(), h.greeting_id) for h in greeting_holidays(country, start, end)]


@pytest.mark.parametrize("country", sorted(EXPECTED_2026))
def test_greeting_holidays_of_2026_are_exactly_the_curated_ones(country):
    assert _found(country, date(2026, 1, 1), date(2026, 12, 31)) == EXPECTED_2026[country]


@pytest.mark.parametrize("country", sorted(MOVING_2027))
def test_moving_feasts_move_with_the_calendar(country):
    found = _found(country, date(2027, 1, 1), date(2027, 12, 31))
    assert [h for h in found if h[1] in {"eid_al_fitr", "eid_al_adha", "diwali", "lunar_new_year"}] == MOVING_2027[country]


def test_a_multi_day_holiday_is_greeted_once_from_its_first_day():
    # Saudi Arabia gives four days of "Eid al-Fitr Holiday" plus observed days: one greeting, on the first.
    assert _found("SA", date(2026, 3, 19), date(2026, 3, 31)) == [("2026-03-19", "eid_al_fitr")]
    assert _found("SA", date(2026, 3, 20), date(2026, 3, 31)) == []


def test_observed_and_bank_holidays_are_not_prompts():
    assert normalize_holiday_name("Independence Day (observed)") is None
    assert normalize_holiday_name("Eid al-Adha Holiday (estimated)") == "eid al-adha"
    assert _found("GB", date(2026, 5, 1), date(2026, 5, 31)) == []  # May Day, Spring Bank Holiday


def test_a_country_the_library_does_not_know_has_no_holidays():
    assert greeting_holidays("XX", date(2026, 1, 1), date(2026, 12, 31)) == []


def test_edited_greeting_list_is_used_and_validated(db):
    rules = default_greeting_rules()
    rules["greetings"]["womens_day"] = ["International Women's Day"]
    save_greeting_rules(rules)
    loaded = load_greeting_rules()
    assert ("2026-03-08", "womens_day") in [(h.on.isoformat(), h.greeting_id)
                                           for h in greeting_holidays("RU", date(2026, 3, 1), date(2026, 3, 31), loaded)]
    with pytest.raises(ValidationError):
        save_greeting_rules({"greetings": {"Bad Id": ["x"]}})
    save_greeting_rules(None)
    assert load_greeting_rules() == default_greeting_rules()


def test_own_country_long_holidays_are_closures():
    found = [(c.name, c.first.isoformat(), c.last.isoformat(), c.days)
             for c in closures("CN", date(2026, 1, 1), date(2026, 12, 31))]
    assert found == [("Chinese New Year", "2026-02-15", "2026-02-23", 9), ("Labor Day", "2026-05-01", "2026-05-05", 5),
                     ("National Day", "2026-10-01", "2026-10-07", 7)]


def test_customer_language_prefers_their_language_then_their_country():
    assert customer_language("es", "US") == "es"
    assert customer_language("pt-BR", None) == "pt"
    assert customer_language("", "SA") == "ar"
    assert customer_language("zh", "DE") == "zh"
    assert customer_language("ja", "DE") == "de"
    assert customer_language("", "CN") == "zh"
    assert customer_language("", "JP") == "en"


def test_a_holiday_is_named_in_the_ui_language_where_the_library_can():
    assert holiday_name("CN", date(2026, 10, 1), "National Day", "zh_CN") == "国庆节"
    assert holiday_name("CN", date(2026, 2, 15), "Chinese New Year", "zh", until=date(2026, 2, 23)) == "春节"
    assert holiday_name("RU", date(2026, 6, 12), "Russia Day", "zh") == "俄罗斯日"
    assert holiday_name("DE", date(2026, 10, 3), "German Unity Day", "zh") == "German Unity Day"  # no Chinese names
    assert holiday_name("CN", date(2026, 10, 1), "National Day", "en") == "National Day"
    assert holiday_name("CN", date(2026, 10, 2), "Some Other Day", "zh") == "Some Other Day"


def test_the_kept_matcher_follows_rules_edited_in_place():
    """greeting_holidays keeps the last rules' matcher: an edit to the same dict must still be seen."""
    rules = default_greeting_rules()
    march = (date(2026, 3, 1), date(2026, 3, 31))
    before = [h.greeting_id for h in greeting_holidays("RU", *march, rules)]
    rules["greetings"]["womens_day"] = ["International Women's Day"]
    after = [h.greeting_id for h in greeting_holidays("RU", *march, rules)]
    del rules["greetings"]["womens_day"]
    again = [h.greeting_id for h in greeting_holidays("RU", *march, rules)]
    assert "womens_day" not in before and "womens_day" in after and again == before
