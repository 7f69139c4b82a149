"""The catalog (domain/quotes/catalog.py): saves checked field by field, tiers, MOQ, search in every script,
archive. Every test runs on SQLite and on PostgreSQL (tests/domain/conftest.py)."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from decimal import Decimal

import pytest

from trade_crm.domain.attachments.integrity import named_hashes
from trade_crm.domain.errors import NotFoundError, ValidationError
from trade_crm.domain.quotes.catalog import (
    archive_product,
    below_moq,
    find_product,
    list_products,
    product_input,
    product_view,
    restore_product,
    save_product,
    search_products,
    tier_price,
)
from trade_crm.domain.quotes.product_input import PriceTier, ProductInput
from trade_crm.domain.quotes.product_photos import add_product_photo, photo_file, remove_product_photo
from trade_crm.store.models import Product, ProductPrice

PANEL = ProductInput(
    sku="LP-6060-40W", name="LED panel light 600x600 40W",
    local_names={"zh": "LED 面板灯", "ar": "لوحة إضاءة LED", "ru": "Светодиодная панель"},
    hs_code="9405.42", unit="pcs", moq="500", currency="usd", cost="9.10",
    tiers=(("1000", "11.80"), (1, "12.50"), ("5,000", "11.20")),
    pcs_per_carton=4, carton_length_cm="62", carton_width_cm="62", carton_height_cm="40",
    carton_net_kg="9.6", carton_gross_kg="10.8", tags=("LED", "panel"))
BULB = ProductInput(sku="BL-A60-9W", name="LED bulb A60 9W E27", local_names={"zh": "球泡灯"}, hs_code="8539.52",
                    tiers=((1, "0.35"),), tags=("bulb",))
HOOK = ProductInput(sku="SH-304-M8", name="Stainless steel hook M8", local_names={"ru": "Крюк из нержавеющей стали"},
                    hs_code="7326.90", currency="EUR")


def test_a_saved_product_reads_back_with_exact_decimals_and_its_carton_volume(db, clock):
    view = save_product(PANEL, clock)
    again = product_view(view.id)
    assert again == view
    assert view.currency == "USD" and view.moq == 500 and view.cost == Decimal("9.1000")
    assert view.tiers == (PriceTier(Decimal(1), Decimal("12.50")), PriceTier(Decimal(1000), Decimal("11.80")),
                          PriceTier(Decimal(5000), Decimal("11.20")))
    assert all(isinstance(t.unit_price, Decimal) for t in view.tiers)
    assert view.carton_cbm == Decimal("0.153760")  # 62 × 62 × 40 cm
    assert view.local_names["zh"] == "LED 面板灯" and view.name_in("zh") == "LED 面板灯" and view.name_in("de") == view.name
    assert view.tags == ("LED", "panel") and view.created_at == clock.now()


def test_a_given_cbm_is_kept_rather_than_computed(db, clock):
    view = save_product(replace(PANEL, carton_cbm="0.16"), clock)
    assert view.carton_cbm == Decimal("0.160000")


@pytest.mark.parametrize(("change", "field"), [
    ({"sku": "  "}, "sku"),
    ({"name": ""}, "name"),
    ({"currency": "USX"}, "currency"),
    ({"currency": ""}, "currency"),
    ({"tiers": ((1, "-2.50"),)}, "price"),
    ({"tiers": ((100, "2.50"), ("100.000", "2.40"))}, "tiers"),
    ({"moq": -1}, "moq"),
    ({"moq": "2.5"}, "moq"),
    ({"pcs_per_carton": 0}, "pcs_per_carton"),
    ({"carton_length_cm": "-60"}, "carton_length_cm"),
    ({"carton_cbm": "0"}, "carton_cbm"),
    ({"carton_net_kg": "0"}, "carton_net_kg"),
    ({"carton_gross_kg": "5"}, "carton_gross_kg"),  # below the net 9.6 kg
    ({"cost": "-1"}, "cost"),
    ({"cost": 1.5}, "cost"),  # a float has already lost the cents
    ({"hs_code": "lamp"}, "hs_code"),
])
def test_a_bad_field_is_refused_by_name_and_nothing_is_written(db, clock, change, field):
    with pytest.raises(ValidationError) as error:
        save_product(replace(PANEL, **change), clock)
    assert error.value.field == field
    assert Product.select().count() == 0 and ProductPrice.select().count() == 0


def test_a_duplicate_sku_is_refused_whatever_its_case(db, clock):
    save_product(PANEL, clock)
    with pytest.raises(ValidationError) as error:
        save_product(replace(BULB, sku="lp-6060-40w"), clock)
    assert error.value.field == "sku" and "already the SKU of product" in error.value.message
    assert Product.select().count() == 1


def test_a_refused_update_leaves_the_stored_product_and_its_tiers_as_they_were(db, clock):
    view = save_product(PANEL, clock)
    with pytest.raises(ValidationError):
        save_product(replace(PANEL, name="New name", tiers=((1, "1"), (1, "2"))), clock, view.id)
    assert product_view(view.id) == view


def test_an_update_replaces_the_tiers_and_the_search_document(db, clock):
    view = save_product(PANEL, clock)
    clock.advance(timedelta(hours=1))
    edited = replace(product_input(view), name="Ceiling panel 40W", local_names={"zh": "吸顶灯"}, tiers=((1, "13"),))
    saved = save_product(edited, clock, view.id)
    assert saved.tiers == (PriceTier(Decimal(1), Decimal(13)),) and saved.updated_at == clock.now()
    assert saved.created_at == view.created_at
    assert [h.sku for h in search_products("ceiling")] == ["LP-6060-40W"]
    assert search_products("面板") == [] and [h.id for h in search_products("吸顶")] == [view.id]
    assert ProductPrice.select().count() == 1


def test_the_tier_price_is_the_largest_minimum_at_or_below_the_quantity(db, clock):
    view = save_product(PANEL, clock)
    assert tier_price(view.id, Decimal(1)) == Decimal("12.50")
    assert tier_price(view.id, Decimal(999)) == Decimal("12.50")
    assert tier_price(view.id, Decimal(1000)) == Decimal("11.80")
    assert tier_price(view.id, Decimal(20000)) == Decimal("11.20")
    assert view.price_for(Decimal("4999.5")) == Decimal("11.80")


def test_a_product_without_a_price_gives_none_so_the_line_needs_a_typed_price(db, clock):
    view = save_product(HOOK, clock)
    assert not view.has_price and tier_price(view.id, Decimal(10)) is None
    assert search_products("SH-304")[0].price is None
    with pytest.raises(NotFoundError):
        tier_price(view.id + 99, Decimal(1))


def test_a_quantity_below_the_moq_is_flagged(db, clock):
    panel, bulb = save_product(PANEL, clock), save_product(BULB, clock)
    assert below_moq(panel, Decimal(499)) and not below_moq(panel, Decimal(500))
    assert not below_moq(bulb, Decimal(1))  # MOQ 0: no minimum


@pytest.mark.parametrize(("query", "skus"), [
    ("LP", ["LP-6060-40W"]),  # a SKU's start, 2 characters
    ("lp-60", ["LP-6060-40W"]),
    ("sh-304-m8", ["SH-304-M8"]),
    ("panel", ["LP-6060-40W"]),  # a word of the English name
    ("led", ["BL-A60-9W", "LP-6060-40W"]),
    ("灯", ["BL-A60-9W", "LP-6060-40W"]),  # one Chinese character
    ("面板", ["LP-6060-40W"]),  # two
    ("球泡灯", ["BL-A60-9W"]),
    ("إضاءة", ["LP-6060-40W"]),  # Arabic
    ("панель", ["LP-6060-40W"]),  # Cyrillic, any case
    ("НЕРЖАВЕЮЩЕЙ", ["SH-304-M8"]),
    ("9405", ["LP-6060-40W"]),  # an HS code, with or without its dots
    ("853952", ["BL-A60-9W"]),
    ("bulb", ["BL-A60-9W"]),  # a tag (and the name)
    ("stainless hook", ["SH-304-M8"]),  # every word must match
    ("stainless bulb", []),
    ("xyz", []),
])
def test_search_finds_products_like_customers_in_any_script(db, clock, query, skus):
    for data in (PANEL, BULB, HOOK):
        save_product(data, clock)
    assert [h.sku for h in search_products(query)] == skus


def test_the_product_with_the_sku_typed_comes_first(db, clock):
    save_product(replace(BULB, sku="A-100", name="Bulb adapter for LP-1"), clock)
    save_product(replace(BULB, sku="LP-1", name="Small panel"), clock)
    save_product(replace(BULB, sku="LP-10", name="Bigger panel"), clock)
    assert [h.sku for h in search_products("lp-1")] == ["LP-1", "LP-10", "A-100"]


def test_an_archived_product_leaves_the_lists_until_restored(db, clock):
    panel, bulb = save_product(PANEL, clock), save_product(BULB, clock)
    archived = archive_product(panel.id, clock)
    assert archived.archived and archived.archived_at == clock.now()
    assert [h.sku for h in search_products("led")] == ["BL-A60-9W"]
    assert list_products().total == 1
    assert [h.archived for h in search_products("led", include_archived=True)] == [False, True]
    assert not restore_product(panel.id, clock).archived
    assert [h.id for h in search_products("led")] == [bulb.id, panel.id]


def test_the_list_is_sorted_and_paged(db, clock):
    for number in range(12):
        save_product(ProductInput(sku=f"K-{number:02d}", name=f"Kettle {11 - number:02d}"), clock)
    page = list_products(offset=5, limit=5)
    assert page.total == 12 and [h.sku for h in page.rows] == ["K-05", "K-06", "K-07", "K-08", "K-09"]
    by_name = list_products(sort="name", limit=3)
    assert [h.name for h in by_name.rows] == ["Kettle 00", "Kettle 01", "Kettle 02"]
    assert list_products("kettle", limit=2).total == 12
    with pytest.raises(ValidationError) as error:
        list_products(sort="price")
    assert error.value.field == "sort"


def test_a_product_is_found_by_sku_in_any_case_or_by_id(db, clock):
    view = save_product(PANEL, clock)
    assert find_product("lp-6060-40w").id == view.id and find_product(str(view.id)).id == view.id
    with pytest.raises(NotFoundError):
        find_product("NO-SUCH")


def test_photos_live_in_the_blob_store_and_count_as_named(db, clock, tmp_path):
    view = save_product(PANEL, clock)
    image = tmp_path / "panel.jpg"
    image.write_bytes(b"\xff\xd8\xff\xe0 a small jpeg")
    root = tmp_path / "attachments"
    with_photo = add_product_photo(view.id, image, root, clock)
    photo = with_photo.photos[0]
    assert photo.name == "panel.jpg" and photo_file(root, photo).read_bytes() == image.read_bytes()
    assert photo.sha256 in named_hashes()  # the files check never cleans a product's photo up
    assert add_product_photo(view.id, image, root, clock).photos == (photo,)  # once
    with pytest.raises(ValidationError) as error:
        add_product_photo(view.id, tmp_path / "notes.txt", root, clock)
    assert error.value.field == "photos"
    assert remove_product_photo(view.id, photo.sha256, clock).photos == ()
