"""Country names in every CLDR language (babel), through normalize_country and the picker's choices."""

import pytest

from trade_crm.domain.world.countries import (
    UnknownCountryError,
    country_choices,
    country_own_names,
    normalize_country,
)
from trade_crm.domain.world.country_names_cldr import own_names


@pytest.mark.parametrize(("text", "code"), [
    ("Deutschland", "DE"), ("Ελλάδα", "GR"), ("Россия", "RU"), ("Österreich", "AT"), ("España", "ES"),
    ("Schweiz", "CH"), ("Suisse", "CH"), ("Nederland", "NL"), ("Polska", "PL"), ("Italia", "IT"),
    ("Česko", "CZ"), ("Brasil", "BR"), ("Türkiye", "TR"), ("Magyarország", "HU"), ("Việt Nam", "VN"),
    ("ไทย", "TH"), ("مصر", "EG"), ("DEUTSCHLAND", "DE"), ("Osterreich", "AT"), ("Espana", "ES"),
])
def test_a_country_is_found_by_its_name_in_its_own_language(text, code):
    assert normalize_country(text) == code


def test_english_chinese_and_codes_still_win_before_cldr():
    assert [normalize_country(t) for t in ("Germany", "德国", "DE", "DEU", "中国")] == ["DE", "DE", "DE", "DE", "CN"]


@pytest.mark.parametrize("text", ["Nigera", "Europe", "European Union", "Kongo"])
def test_unaccented_near_misses_regions_and_shared_names_are_not_guessed(text):
    # Latvian "Nigēra" is Niger, but "Nigera" is Nigeria misspelt; "Kongo" names both Congos
    with pytest.raises(UnknownCountryError):
        normalize_country(text)


def test_accented_latvian_name_is_its_country():
    assert normalize_country("Nigēra") == "NE"


def test_own_names_are_the_official_languages_names():
    own = own_names(("DE", "CH", "GR"))
    assert own["DE"] == ("Deutschland",)
    assert {"Schweiz", "Suisse", "Svizzera"} <= set(own["CH"])
    assert own["GR"] == ("Ελλάδα",)


def test_picker_choices_answer_to_english_chinese_and_codes_and_own_names_come_apart():
    germany = next(c for c in country_choices("zh") if c.code == "DE")
    assert germany.name == "德国"
    assert {"Germany", "德国", "DE", "DEU"} <= set(germany.aliases)
    assert country_own_names()["DE"] == ("Deutschland",)
