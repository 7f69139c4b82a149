from __future__ import annotations

import pytest

from trade_crm.domain.world.countries import (
    UnknownCountryError,
    all_countries,
    country_name,
    country_timezone,
    normalize_country,
)
from trade_crm.domain.world.country_names_zh import EN_VARIANTS, ZH_NAMES


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("de", "DE"),
        ("DE", "DE"),
        ("DEU", "DE"),
        ("Germany", "DE"),
        ("Federal Republic of Germany", "DE"),
        ("  germany  ", "DE"),
        ("GERMANY.", "DE"),
        ("ＧＥＲＭＡＮＹ", "DE"),
        ("USA", "US"),
        ("U.S.A.", "US"),
        ("U.S.", "US"),
        ("United States of America", "US"),
        ("America", "US"),
        ("UK", "GB"),
        ("U.K.", "GB"),
        ("Great Britain", "GB"),
        ("England", "GB"),
        ("UAE", "AE"),
        ("U.A.E.", "AE"),
        ("Emirates", "AE"),
        ("Türkiye", "TR"),
        ("Turkiye", "TR"),
        ("Turkey", "TR"),
        ("Russia", "RU"),
        ("Russian Federation", "RU"),
        ("South Korea", "KR"),
        ("Korea", "KR"),
        ("Republic of Korea", "KR"),
        ("Korea, Republic of", "KR"),
        ("North Korea", "KP"),
        ("Vietnam", "VN"),
        ("Viet Nam", "VN"),
        ("Iran", "IR"),
        ("Syria", "SY"),
        ("Taiwan", "TW"),
        ("Hong Kong", "HK"),
        ("Macau", "MO"),
        ("Macao", "MO"),
        ("Czech Republic", "CZ"),
        ("Czechia", "CZ"),
        ("Holland", "NL"),
        ("The Netherlands", "NL"),
        ("Ivory Coast", "CI"),
        ("Côte d'Ivoire", "CI"),
        ("COTE D’IVOIRE", "CI"),
        ("Bolivia", "BO"),
        ("Venezuela", "VE"),
        ("Tanzania", "TZ"),
        ("Laos", "LA"),
        ("Moldova", "MD"),
        ("KSA", "SA"),
        ("Saudi", "SA"),
        ("Palestine", "PS"),
        ("Kosovo", "XK"),
        ("XK", "XK"),
        ("St. Lucia", "LC"),
        ("Bosnia & Herzegovina", "BA"),
        ("The Gambia", "GM"),
        ("Democratic Republic of the Congo", "CD"),
        ("ST", "ST"),
        ("Sao Tome and Principe", "ST"),
    ],
)
def test_english_names_codes_and_variants_map_to_alpha2(text, code):
    assert normalize_country(text) == code


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("美国", "US"),
        ("美國", "US"),
        ("德国", "DE"),
        ("沙特", "SA"),
        ("阿联酋", "AE"),
        ("阿拉伯联合酋长国", "AE"),
        ("英国", "GB"),
        ("俄罗斯联邦", "RU"),
        ("中国大陆", "CN"),
        ("中国香港", "HK"),
        ("香港", "HK"),
        ("台湾", "TW"),
        ("澳门", "MO"),
        ("南韩", "KR"),
        ("印尼", "ID"),
        ("孟加拉国", "BD"),
        ("科特迪瓦", "CI"),
        ("多米尼加", "DO"),
        ("塞浦路斯", "CY"),
        (" 美 国 ", "US"),
        ("刚果（金）", "CD"),
        ("刚果(布)", "CG"),
    ],
)
def test_chinese_names_map_to_alpha2(text, code):
    assert normalize_country(text) == code


def test_chinese_name_of_saudi_arabia_maps_to_SA():
    assert normalize_country("沙特阿拉伯") == "SA"


@pytest.mark.parametrize("text", [None, "", "   ", "\u3000"])
def test_blank_country_is_none(text):
    assert normalize_country(text) is None


def test_unknown_country_error_names_the_text():
    with pytest.raises(UnknownCountryError) as info:
        normalize_country(" Atlantis ")
    assert info.value.text == "Atlantis"
    assert str(info.value) == 'unknown country "Atlantis"'
    assert isinstance(info.value, ValueError)


@pytest.mark.parametrize("text", ["Nigera", "ZZ", "XYZ", "Europe", "刚果"])
def test_near_misses_are_not_guessed(text):
    with pytest.raises(UnknownCountryError):
        normalize_country(text)


def test_every_chinese_name_belongs_to_one_country():
    owners: dict[str, str] = {}
    for code, names in ZH_NAMES.items():
        assert names, code
        for name in names:
            assert owners.setdefault(name, code) == code, name


def test_every_table_code_is_a_known_country():
    known = {code for code, _ in all_countries()}
    assert set(ZH_NAMES) <= known
    assert set(EN_VARIANTS.values()) <= known


def test_chinese_table_covers_the_main_export_markets():
    assert len(ZH_NAMES) >= 150
    for code in ("US", "DE", "SA", "AE", "RU", "BR", "IN", "NG", "MX", "VN", "TR", "AU", "XK"):
        assert code in ZH_NAMES


@pytest.mark.parametrize(
    ("code", "name"),
    [
        ("IR", "Iran"),
        ("KR", "South Korea"),
        ("RU", "Russia"),
        ("VN", "Vietnam"),
        ("TW", "Taiwan"),
        ("BO", "Bolivia"),
        ("TZ", "Tanzania"),
        ("VE", "Venezuela"),
        ("TR", "Türkiye"),
        ("DE", "Germany"),
        ("de", "Germany"),
        ("XK", "Kosovo"),
    ],
)
def test_english_display_name_is_the_everyday_name(code, name):
    assert country_name(code) == name


def test_chinese_display_name_is_the_first_standard_name():
    assert country_name("SA", "zh") == "沙特阿拉伯"
    assert country_name("HK", "zh") == "中国香港"


def test_display_name_falls_back_to_english_then_code():
    assert country_name("AQ", "zh") == "Antarctica"
    assert country_name("ZZ") == "ZZ"


def test_all_countries_is_sorted_by_display_name():
    rows = all_countries()
    names = [name for _, name in rows]
    assert ("DE", "Germany") in rows
    assert names.index("Albania") < names.index("Germany") < names.index("Zimbabwe")
    assert names.index("Åland Islands") < names.index("Albania")
    assert len({code for code, _ in rows}) == len(rows) >= 249


def test_all_countries_returns_a_fresh_list():
    all_countries().clear()
    assert all_countries()


def test_all_countries_in_chinese_uses_chinese_names():
    assert ("DE", "德国") in all_countries("zh")


@pytest.mark.parametrize(
    ("code", "zone"),
    [
        ("US", "America/New_York"),
        ("CA", "America/Toronto"),
        ("RU", "Europe/Moscow"),
        ("BR", "America/Sao_Paulo"),
        ("AU", "Australia/Sydney"),
        ("CN", "Asia/Shanghai"),
        ("KZ", "Asia/Almaty"),
        ("XK", "Europe/Belgrade"),
        ("de", "Europe/Berlin"),
    ],
)
def test_multi_zone_countries_use_their_main_zone(code, zone):
    assert country_timezone(code) == zone


def test_single_zone_country_timezone_comes_from_tz_data():
    from trade_crm.domain.world.countries import _country_zones

    if not _country_zones():
        pytest.skip("no zone.tab on this machine")
    assert country_timezone("SA") == "Asia/Riyadh"
    assert country_timezone("NO") == "Europe/Oslo"


def test_unknown_country_has_no_timezone():
    assert country_timezone("ZZ") is None
