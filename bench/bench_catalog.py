"""Catalog search over 20,000 products (#21): p95 <= 10 ms, the customer search's target.

A book of its own (a temporary SQLite file): 20,000 products made here in code, as an exporter's catalog
looks (16 product lines, sizes and colours; English names, Chinese names for all, Arabic and Russian for
some; SKUs like "LP-1042-40W-WH", real HS codes, tags), written in one transaction with the search index
rebuilt once. The queries are what a salesperson types into the quotation editor's product picker: a SKU's
start, English words, one or two Chinese characters, Arabic and Cyrillic words, an HS code, a tag.

Each query runs `repeats` times through `search_products` (the picker's call, a page of 50 with their tiers);
p95 is over every run of every query. The floor, measured in the same run over the same queries: fetching
the very rows each search returned by primary key, with their tiers (what any answer costs to read).

Run alone with `python -m bench.bench_catalog [--products N] [--repeats N]`.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import tempfile
import time
from pathlib import Path

from bench.report import Row, render

PRODUCTS = 20_000
TARGET_MS = 10.0
FLOOR = "fetch of the same rows by primary key (same run)"

# (SKU prefix, English, Chinese, Arabic, Russian, HS code, tag, sizes)
LINES = (
    ("LP", "LED panel light", "LED面板灯", "لوحة إضاءة LED", "Светодиодная панель", "9405.42", "lighting",
     ("12W", "18W", "24W", "36W", "40W", "48W")),
    ("BL", "LED bulb", "LED球泡灯", "مصباح LED", "Светодиодная лампа", "8539.52", "lighting",
     ("5W", "7W", "9W", "12W", "15W")),
    ("KT", "Electric kettle", "电热水壶", "غلاية كهربائية", "Электрический чайник", "8516.71", "kitchen",
     ("1.0L", "1.5L", "1.7L", "2.0L")),
    ("SH", "Stainless steel hook", "不锈钢挂钩", "خطاف من الفولاذ المقاوم للصدأ", "Крючок из нержавеющей стали",
     "7326.90", "hardware", ("M4", "M5", "M6", "M8", "M10")),
    ("FN", "Table fan", "台式风扇", "مروحة طاولة", "Настольный вентилятор", "8414.51", "appliance",
     ("8in", "10in", "12in", "16in")),
    ("BG", "Laptop backpack", "电脑双肩包", "حقيبة ظهر للحاسوب", "Рюкзак для ноутбука", "4202.92", "bags",
     ("14in", "15.6in", "17in")),
    ("MG", "Ceramic mug", "陶瓷马克杯", "كوب سيراميك", "Керамическая кружка", "6912.00", "kitchen",
     ("250ml", "350ml", "450ml")),
    ("CB", "USB-C cable", "USB-C数据线", "كابل USB-C", "Кабель USB-C", "8544.42", "electronics",
     ("0.5m", "1m", "1.5m", "2m", "3m")),
    ("PB", "Power bank", "移动电源", "بنك طاقة", "Внешний аккумулятор", "8507.60", "electronics",
     ("5000mAh", "10000mAh", "20000mAh")),
    ("TW", "Cotton bath towel", "纯棉浴巾", "منشفة حمام قطنية", "Хлопковое банное полотенце", "6302.60", "textile",
     ("70x140", "80x160", "90x180")),
    ("GL", "Nitrile gloves", "丁腈手套", "قفازات النتريل", "Нитриловые перчатки", "4015.19", "safety",
     ("S", "M", "L", "XL")),
    ("SC", "Mesh office chair", "网布办公椅", "كرسي مكتب شبكي", "Офисное кресло с сеткой", "9401.30", "furniture",
     ("standard", "high-back", "with-footrest")),
    ("WB", "Sports water bottle", "运动水杯", "زجاجة ماء رياضية", "Спортивная бутылка для воды", "3924.10",
     "kitchen", ("500ml", "750ml", "1L")),
    ("TL", "Solar garden light", "太阳能草坪灯", "ضوء حديقة شمسي", "Садовый светильник на солнечной батарее",
     "9405.50", "lighting", ("2pack", "4pack", "6pack")),
    ("DR", "Cordless drill", "无线电钻", "مثقاب لاسلكي", "Аккумуляторная дрель", "8467.21", "tools",
     ("12V", "18V", "20V")),
    ("TS", "Cotton T-shirt", "纯棉T恤", "قميص قطني", "Хлопковая футболка", "6109.10", "apparel",
     ("S", "M", "L", "XL", "XXL")),
)
COLOURS = (("WH", "white", "白色", "أبيض", "белый"), ("BK", "black", "黑色", "أسود", "черный"),
           ("RD", "red", "红色", "أحمر", "красный"), ("BL", "blue", "蓝色", "أزرق", "синий"),
           ("GY", "grey", "灰色", "رمادي", "серый"), ("GN", "green", "绿色", "أخضر", "зеленый"))
QUERIES = ("LP-10", "kt-1", "BL", "SH-1012-M8-WH", "panel", "kettle", "stainless steel", "usb-c cable", "40W white",
           "灯", "面板", "水壶", "不锈钢", "蓝色", "غلاية", "مصباح", "чайник", "лампа", "9405", "8516.71", "kitchen",
           "safety", "xyz-none")


def catalog_rows(count: int, seed: int = 21) -> tuple[list[tuple], list[tuple]]:
    """`count` products (id, sku, name, local_names, description, hs_code, unit, moq, currency, cost, pcs, L, W,
    H, cbm, net, gross, tags, created_at, updated_at) and their price tiers (product_id, min_quantity, price)."""
    rng = random.Random(seed)
    stamp = "2026-12-05 08:00:00"
    products, prices = [], []
    for pid in range(1, count + 1):
        prefix, english, chinese, arabic, russian, hs, tag, sizes = LINES[(pid - 1) % len(LINES)]
        k = (pid - 1) // len(LINES)  # the product's place in its line: model, size and colour
        model = 1000 + k // (len(sizes) * len(COLOURS))
        size = sizes[k % len(sizes)]
        code, colour, colour_zh, colour_ar, colour_ru = COLOURS[(k // len(sizes)) % len(COLOURS)]
        sku = f"{prefix}-{model}-{size.upper()}-{code}"
        names = {"zh": f"{chinese} {size} {colour_zh}"}
        if rng.random() < 0.4:
            names["ar"] = f"{arabic} {size} {colour_ar}"
        if rng.random() < 0.4:
            names["ru"] = f"{russian} {size} {colour_ru}"
        length, width, height = rng.choice((40, 50, 60)), rng.choice((30, 40)), rng.choice((25, 30, 35))
        base = rng.randint(30, 4000)  # cents
        products.append((pid, sku, f"{english} {size} {colour}", json.dumps(names, ensure_ascii=False, sort_keys=True),
                         f"{english}, {size}, {colour}. OEM logo on request.", hs, "pcs",
                         rng.choice((0, 100, 500, 1000)), "USD", f"{base * 0.7 / 100:.2f}", rng.choice((4, 10, 20, 50)),
                         length, width, height, f"{length * width * height / 1_000_000:.6f}", f"{rng.randint(5, 15)}.5",
                         f"{rng.randint(16, 20)}.0", f"{tag}, {colour}", stamp, stamp))
        tiers = [(0, base)] + [(q, base * (100 - cut) // 100) for q, cut in ((1000, 5), (5000, 9)) if rng.random() < 0.7]
        prices += [(pid, q, f"{cents / 100:.2f}") for q, cents in tiers]
    return products, prices


def build_catalog(db, count: int) -> None:
    from trade_crm.store import product_search

    products, prices = catalog_rows(count)
    with db.atomic():
        cursor = db.cursor()
        cursor.executemany(
            "INSERT INTO product (id, sku, name, local_names, description, hs_code, unit, moq, currency, cost, "
            "pcs_per_carton, carton_length_cm, carton_width_cm, carton_height_cm, carton_cbm, carton_net_kg, "
            "carton_gross_kg, tags, created_at, updated_at) VALUES (" + ", ".join("?" * 20) + ")", products)
        cursor.executemany("INSERT INTO product_price (product_id, min_quantity, unit_price) VALUES (?, ?, ?)", prices)
        product_search.rebuild(db)


def _p95(samples: list[float]) -> float:
    return statistics.quantiles(samples, n=20, method="inclusive")[18]


def catalog_rows_report(count: int = PRODUCTS, repeats: int = 11) -> list[Row]:
    from trade_crm.domain.quotes.catalog import product_hits, search_products
    from trade_crm.store.db import close_database, open_database

    section = f"catalog search: {count:,} products"
    with tempfile.TemporaryDirectory(prefix="trade-crm-catalog-bench-") as folder:
        db = open_database(Path(folder) / "catalog.db")
        try:
            started = time.perf_counter()
            build_catalog(db, count)
            built_s = time.perf_counter() - started
            wall: dict[str, list[float]] = {"search": [], "floor": []}
            cpu: dict[str, list[float]] = {"search": [], "floor": []}
            hits: dict[str, int] = {}
            per_query: dict[str, float] = {}
            for query in QUERIES:
                ids = [h.id for h in search_products(query)]  # warm-up, and the rows the floor reads
                hits[query] = len(ids)
                runs = []
                for _ in range(repeats):
                    for name, call, argument in (("search", search_products, query), ("floor", product_hits, ids)):
                        start, start_cpu = time.perf_counter(), time.process_time()
                        call(argument)
                        wall[name].append(time.perf_counter() - start)
                        cpu[name].append(time.process_time() - start_cpu)
                    runs.append(wall["search"][-1])
                per_query[query] = statistics.median(runs)
        finally:
            close_database(db)
    p95, p95_floor = _p95(wall["search"]) * 1000, _p95(wall["floor"]) * 1000
    cpu95, cpu95_floor = _p95(cpu["search"]) * 1000, _p95(cpu["floor"]) * 1000
    slowest = max(per_query, key=per_query.get)
    load = os.getloadavg()[0]
    return [
        Row(section, "build the products + search index", built_s * 1000, "ms",
            note=f"{count:,} products in one transaction"),
        Row(section, f"catalog search p95, {count:,} products ({len(QUERIES)} queries x {repeats})", p95, "ms",
            ratio=p95 / p95_floor,
            target=f"< {TARGET_MS:g} ms", ok=p95 <= TARGET_MS, floor=FLOOR,
            note=f"median {statistics.median(wall['search']) * 1000:.2f} ms; load average {load:.1f}"),
        Row(section, "floor p95: the same rows by primary key", p95_floor, "ms"),
        Row(section, "search p95, CPU time of the process", cpu95, "ms", ratio=cpu95 / cpu95_floor,
            note="what a machine without other work would see"),
        Row(section, f"slowest query (median): {slowest}", per_query[slowest] * 1000, "ms",
            note=f"{hits[slowest]} hits on the page"),
    ]


def catalog_bench(ctx) -> list[Row]:
    """`make bench`'s rows (bench/__main__.py): a book of its own, so after the big book's benches."""
    return catalog_rows_report(PRODUCTS, ctx.repeats)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.bench_catalog", description=__doc__)
    parser.add_argument("--products", type=int, default=PRODUCTS)
    parser.add_argument("--repeats", type=int, default=11)
    args = parser.parse_args(argv)
    rows = catalog_rows_report(args.products, args.repeats)
    print(render(rows))
    return 0 if all(row.ok is not False for row in rows) else 1


if __name__ == "__main__":
    raise SystemExit(main())
