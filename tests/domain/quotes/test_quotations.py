"""Quotations: prices from the tiers and the rates, money per currency, numbering, revisions, copies, states."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest

from tests.domain.quotes.quote_book import customer, product, rates
from trade_crm.domain.clock import today
from trade_crm.domain.errors import ValidationError
from trade_crm.domain.quotes.numbering import check_pattern, customer_code, next_number, set_numbering
from trade_crm.domain.quotes.pricing import BELOW_MOQ, NO_PRICE, NO_RATE, LineInput, draft_totals
from trade_crm.domain.quotes.quotations import (
    QuotationInput,
    create_quotation,
    delete_quotation,
    duplicate_quotation,
    list_quotations,
    quotation_view,
    revise_quotation,
    revisions,
    set_quotation_status,
    update_quotation,
)
from trade_crm.domain.quotes.sent import mark_document_sent
from trade_crm.domain.world.currency import MissingRateError
from trade_crm.store.models import Quotation, QuotationLine, database


def walk_decimals(value, path="view"):
    """Every number in a view: none may be a float."""
    if isinstance(value, float):
        raise AssertionError(f"{path} is a float: {value!r}")
    if hasattr(value, "__dataclass_fields__"):
        for name in value.__dataclass_fields__:
            walk_decimals(getattr(value, name), f"{path}.{name}")
    elif isinstance(value, tuple | list):
        for index, item in enumerate(value):
            walk_decimals(item, f"{path}[{index}]")


def test_tier_prices_are_proposed_for_the_quantity_and_the_total_adds_up_on_both_engines(book, clock):
    panel = product(clock, "LP-600", "LED panel 600x600", tiers=(("100", "12.50"), ("500", "11.90"),
                                                                 ("2000", "11.20")), cost="8.20", moq=100)
    cid = customer(clock)
    view = create_quotation(QuotationInput(cid, "USD", (
        LineInput(panel, quantity="600"), LineInput(panel, quantity=Decimal(150), discount_percent="5"),
        LineInput(None, "Mould fee", 1, "350.00"))), clock)
    assert [line.unit_price for line in view.lines] == [Decimal("11.9"), Decimal("12.5"), Decimal("350")]
    # 600 × 11.90 = 7140.00; 150 × 12.50 × 0.95 = 1781.25; 350.00
    assert [line.amount for line in view.lines] == [Decimal("7140.00"), Decimal("1781.25"), Decimal("350.00")]
    assert view.total == Decimal("9271.25") and str(view.total) == "9271.25"
    assert view.margin == Decimal("7140.00") + Decimal("1781.25") - Decimal("8.20") * 750
    assert [line.sku for line in view.lines] == ["LP-600", "LP-600", ""]
    assert view.number == "Q261123-1" and view.status == "draft" and view.label == "Q261123-1"
    walk_decimals(view)
    stored = database.execute_sql("SELECT total FROM quotation WHERE id = ?", (view.id,)).fetchone()[0]
    assert Decimal(str(stored)) == Decimal("9271.25")


def test_jpy_totals_have_no_decimals_and_kwd_totals_three(book, clock):
    bolt = product(clock, "BT-8", "Hex bolt M8", tiers=(("0", "0.0350"),), currency="USD")
    rates(clock, JPY="0.0066", KWD="3.2500")
    cid = customer(clock)
    jpy = create_quotation(QuotationInput(cid, "JPY", (LineInput(bolt, quantity="1234"),
                                                       LineInput(None, "Freight", 1, "15000"))), clock)
    # 0.0350 USD = 0.0350 × 0.0066⁻¹ JPY = 5.3030 JPY (4 places); 1234 × 5.3030 = 6543.902 → 6544
    assert jpy.lines[0].unit_price == Decimal("5.3030")
    assert jpy.lines[0].amount == Decimal("6544") and str(jpy.total) == "21544"
    kwd = create_quotation(QuotationInput(cid, "KWD", (LineInput(None, "Sample set", 3, "1.2345", "10"),)), clock)
    # 3 × 1.2345 × 0.90 = 3.33315 → 3.333
    assert str(kwd.total) == "3.333" and str(kwd.lines[0].amount) == "3.333"
    walk_decimals(jpy)
    walk_decimals(kwd)


def test_a_float_anywhere_in_a_line_is_refused_by_its_field(db, clock):
    cid = customer(clock)
    with pytest.raises(ValidationError) as error:
        create_quotation(QuotationInput(cid, "USD", (LineInput(None, "Fee", 1, 10.5),)), clock)
    assert error.value.field == "lines[0].unit_price" and "float" in error.value.message
    with pytest.raises(ValidationError) as error:
        draft_totals(QuotationInput(cid, "USD", (LineInput(None, "Fee", 1, "10"), LineInput(None, "x", 0.5, "1"))))
    assert error.value.field == "lines[1].quantity"


def test_a_price_in_another_currency_is_converted_and_a_missing_rate_names_the_currency(db, clock):
    lamp = product(clock, "DL-9", "Downlight 9W", tiers=(("0", "20.00"),), currency="EUR", cost="12.00")
    cid = customer(clock)
    with pytest.raises(MissingRateError) as error:
        create_quotation(QuotationInput(cid, "USD", (LineInput(lamp, quantity=10),)), clock)
    assert error.value.currency == "EUR" and "EUR" in str(error.value)
    assert Quotation.select().count() == 0  # nothing half-saved
    totals = draft_totals(QuotationInput(cid, "USD", (LineInput(lamp, quantity=10),)))
    assert [(w.code, w.field) for w in totals.warnings] == [(NO_RATE, "lines[0].unit_price")]
    assert "EUR" in totals.warnings[0].message and totals.total == Decimal("0.00")
    rates(clock, EUR="1.0800")
    view = create_quotation(QuotationInput(cid, "USD", (LineInput(lamp, quantity=10),)), clock)
    assert view.lines[0].unit_price == Decimal("21.6") and view.total == Decimal("216.00")
    assert view.lines[0].cost == Decimal("12.96") and view.margin == Decimal("86.40")


def test_draft_totals_warn_below_moq_and_without_a_price_and_write_nothing(db, clock):
    panel = product(clock, "LP-600", "LED panel", tiers=(("100", "12.50"),), moq=100, cost="8.00")
    bare = product(clock, "NP-1", "New product", tiers=())
    cid = customer(clock)
    data = QuotationInput(cid, "USD", (LineInput(panel, quantity=40), LineInput(bare, quantity=5),
                                       LineInput(None, "Custom logo", 1)))
    totals = draft_totals(data)
    assert [(w.position, w.code, w.field) for w in totals.warnings] == [
        (1, BELOW_MOQ, "lines[0].quantity"), (2, NO_PRICE, "lines[1].unit_price"), (3, NO_PRICE, "lines[2].unit_price")]
    assert "below the MOQ of 100" in totals.warnings[0].message
    assert totals.lines[0].amount == Decimal("500.00") and totals.total == Decimal("500.00")
    assert totals.margin == Decimal("180.00") and totals.margin_percent == Decimal("36.0")
    assert not totals.cost_complete
    assert Quotation.select().count() == 0 and QuotationLine.select().count() == 0
    with pytest.raises(ValidationError) as error:
        create_quotation(data, clock)
    assert error.value.field == "lines[1].unit_price" and "NP-1 has no price" in error.value.message
    with pytest.raises(ValidationError) as error:
        create_quotation(QuotationInput(cid, "USD", (LineInput(panel, quantity=40),), allow_below_moq=False), clock)
    assert error.value.field == "lines[0].quantity" and "MOQ of 100" in error.value.message
    assert create_quotation(QuotationInput(cid, "USD", (LineInput(panel, quantity=40),)), clock).total == Decimal(
        "500.00")


def test_terms_are_checked_field_by_field(db, clock):
    cid = customer(clock)
    line = (LineInput(None, "Fee", 1, "10"),)
    for fields, field in (({"incoterm": "FOX", "incoterm_place": "Ningbo"}, "incoterm"),
                          ({"incoterm": "fob"}, "incoterm_place"),
                          ({"valid_until": date(2026, 11, 1)}, "valid_until"),
                          ({"lines": ()}, "lines"), ({"currency": "US"}, "currency"),
                          ({"customer_id": 999}, "customer_id"), ({"contact_id": 999}, "contact_id")):
        values = {"customer_id": cid, "currency": "USD", "lines": line, **fields}
        with pytest.raises(ValidationError) as error:
            create_quotation(QuotationInput(**values), clock)
        assert error.value.field == field, fields
    view = create_quotation(QuotationInput(cid, "usd", line, incoterm="cif", incoterm_place=" Hamburg "), clock)
    assert (view.currency, view.incoterm, view.incoterm_place) == ("USD", "CIF", "Hamburg")


def test_numbering_tokens_render_and_a_bad_pattern_is_refused(db, clock):
    cid = customer(clock, name="Al Noor Trading LLC")
    day = date(2026, 12, 5)
    assert next_number("quotation", day, cid, pattern="{customer}-{yyyy}/{MM}/{dd}-{n}") == "ANTL-2026/12/05-1"
    assert next_number("quotation", day, cid, pattern="Q{yy}{MM}-{n}") == "Q2612-1"
    assert customer_code("上海贸易", 12) == "C12" and customer_code("Müller Haustechnik GmbH", 3) == "MHG"
    for pattern, words in (("Q-{x}-{n}", "{x} is not a token"), ("Q{yyMMdd}", "{n} exactly once"),
                           ("Q{n}-{n}", "{n} exactly once"), ("Q{n", "brace"), ("", "needed")):
        with pytest.raises(ValidationError) as error:
            check_pattern(pattern)
        assert error.value.field == "numbering" and words in error.value.message, pattern
    set_numbering("quotation", "QT-{customer}-{n}")
    view = create_quotation(QuotationInput(cid, "USD", (LineInput(None, "Fee", 1, "10"),)), clock)
    assert view.number == "QT-ANTL-1"


def test_the_next_number_is_above_the_highest_in_use_after_deletes(db, clock):
    cid = customer(clock)
    data = QuotationInput(cid, "USD", (LineInput(None, "Fee", 1, "10"),))
    first, second, third = (create_quotation(data, clock) for _ in range(3))
    assert [first.number, second.number, third.number] == ["Q261123-1", "Q261123-2", "Q261123-3"]
    delete_quotation(second.id)
    fourth = create_quotation(data, clock)
    assert fourth.number == "Q261123-4"  # 2 is gone, 3 is not: no reuse below it
    delete_quotation(fourth.id)
    assert next_number("quotation", today(clock), cid, reserve=False) == "Q261123-5"  # handed out once: never again
    assert create_quotation(data, clock).number == "Q261123-5"
    clock.advance(timedelta(days=1))
    assert create_quotation(data, clock).number == "Q261124-1"  # a new day starts again
    delete_quotation(first.id)
    assert [q.number for q in list_quotations(cid)] == ["Q261124-1", "Q261123-5", "Q261123-3"]


def test_a_revision_is_a_new_row_and_sending_it_supersedes_the_earlier_ones(book, clock):
    cid = customer(clock)
    v1 = create_quotation(QuotationInput(cid, "USD", (LineInput(None, "LED panel", 100, "12.50"),),
                                         valid_until=date(2026, 12, 23)), clock)
    with pytest.raises(ValidationError) as error:
        revise_quotation(v1.id, clock)
    assert error.value.field == "status"  # a draft is edited, not revised
    mark_document_sent("quotation", v1.id, None, clock)
    with pytest.raises(ValidationError) as error:
        update_quotation(v1.id, QuotationInput(cid, "USD", (LineInput(None, "LED panel", 100, "11.00"),)), clock)
    assert error.value.field == "status" and "revise" in error.value.message
    clock.advance(timedelta(days=2))
    v2 = revise_quotation(v1.id, clock)
    assert (v2.number, v2.revision, v2.previous_id, v2.label, v2.status) == (v1.number, 2, v1.id,
                                                                            f"{v1.number} v2", "draft")
    assert v2.valid_until == date(2026, 12, 25)  # as long as v1 was valid, from v2's day
    v2 = update_quotation(v2.id, QuotationInput(cid, "USD", (LineInput(None, "LED panel", 100, "11.80"),)), clock)
    assert v2.total == Decimal("1180.00") and quotation_view(v1.id).total == Decimal("1250.00")
    with pytest.raises(ValidationError) as error:
        revise_quotation(v1.id, clock)
    assert error.value.field == "revision" and "v2 is the newest" in error.value.message
    assert quotation_view(v1.id).status == "sent"  # until v2 goes
    mark_document_sent("quotation", v2.id, None, clock)
    v3 = revise_quotation(v2.id, clock)
    mark_document_sent("quotation", v3.id, None, clock)
    assert [(s.revision, s.status) for s in revisions(v3.id)] == [(1, "superseded"), (2, "superseded"), (3, "sent")]
    assert not quotation_view(v1.id).newest and quotation_view(v3.id).newest


def test_a_duplicate_for_another_customer_keeps_the_prices_as_they_were(db, clock):
    panel = product(clock, "LP-600", "LED panel", tiers=(("0", "12.50"),), cost="8.00")
    ant, bauer = customer(clock), customer(clock, name="Bauer Baustoffe GmbH", contacts=[])
    original = create_quotation(QuotationInput(ant, "USD", (LineInput(panel, quantity=100, discount_percent="2"),),
                                               incoterm="FOB", incoterm_place="Ningbo", payment_terms="T/T 30/70",
                                               valid_until=date(2026, 12, 23)), clock)
    database.execute_sql("UPDATE product_price SET unit_price = 14 WHERE product_id = ?", (panel,))
    clock.advance(timedelta(days=3))
    copy = duplicate_quotation(original.id, bauer, clock)
    assert copy.number == "Q261126-1" and copy.number != original.number and copy.revision == 1
    assert (copy.customer_id, copy.status, copy.previous_id, copy.contact_id) == (bauer, "draft", None, None)
    assert [(line.unit_price, line.discount_percent, line.amount) for line in copy.lines] == [
        (Decimal("12.5"), Decimal("2"), Decimal("1225.00"))]
    assert (copy.incoterm, copy.incoterm_place, copy.payment_terms) == ("FOB", "Ningbo", "T/T 30/70")
    assert copy.valid_until == date(2026, 12, 26) and copy.margin == original.margin


def test_status_rules(db, clock):
    cid = customer(clock)
    view = create_quotation(QuotationInput(cid, "USD", (LineInput(None, "Fee", 1, "10"),)), clock)
    for status, words in (("accepted", "cannot become accepted"), ("sent", "mark it sent"),
                          ("ordered", "issue a PI"), ("won", "is not one of")):
        with pytest.raises(ValidationError) as error:
            set_quotation_status(view.id, status, clock)
        assert error.value.field == "status" and words in error.value.message, status
    mark_document_sent("quotation", view.id, None, clock)
    assert set_quotation_status(view.id, "expired", clock).status == "expired"
    assert set_quotation_status(view.id, "accepted", clock).status == "accepted"
    with pytest.raises(ValidationError):
        set_quotation_status(view.id, "expired", clock)
    with pytest.raises(ValidationError) as error:
        delete_quotation(view.id)
    assert "only a draft" in error.value.message
    assert quotation_view(view.id).status == "accepted"
