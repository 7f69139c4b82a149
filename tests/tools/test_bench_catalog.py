"""bench/bench_catalog.py: the 20,000 products it makes look like a catalog, and its report names its floor."""

import json

from bench.bench_catalog import FLOOR, catalog_rows, catalog_rows_report


def test_the_bench_catalog_has_unique_skus_and_names_in_four_scripts():
    products, prices = catalog_rows(2_000)
    assert len({p[1] for p in products}) == 2_000
    names = [json.loads(p[3]) for p in products]
    assert all("zh" in n for n in names)
    assert sum("ar" in n for n in names) > 500 and sum("ru" in n for n in names) > 500
    assert {p[5] for p in products} >= {"9405.42", "8516.71"}
    assert len(prices) > len(products)  # some products have quantity tiers


def test_the_report_times_search_against_the_primary_key_floor():
    rows = catalog_rows_report(400, repeats=1)
    headline = next(r for r in rows if r.floor)
    assert headline.floor == FLOOR and headline.ratio and headline.ratio > 0
    assert headline.target == "< 10 ms"
