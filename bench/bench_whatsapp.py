"""Bench of the WhatsApp chat import (issue #22): a 40,000-message chat (WhatsApp's export limit without
media) imported onto a customer's timeline in <= 2 s, beside its floor measured in the same run: the parse
alone (read the file, find the stamps, decide day/month order, sort out media and notices).

The import is everything `trade-crm import whatsapp` does after the parse: match the chat to its
customer, sort its 1,000 days against the stored ones, write one entry a day with the import batch and
journal in one transaction (a fresh book each run, so every run writes all the days), and a re-import of
the same export (every day already there: nothing written) as a second row.

    python -m bench.bench_whatsapp [--messages N] [--repeats N]
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time
from pathlib import Path

from bench.report import Row, render

SECTION = "WhatsApp chat import (a fresh book per run)"
MESSAGES = 40_000
TARGET_S = 2.0


def _load() -> str:
    one, five, _ = os.getloadavg()
    return f"load {one:.1f}/{five:.1f}"


def whatsapp_rows(messages: int = MESSAGES, repeats: int = 5) -> list[Row]:
    # lazy: the bench's other rows do not need the test corpus or the chat modules
    from tests.chats_corpus import big_chat
    from trade_crm.domain.clock import FixedClock
    from trade_crm.domain.customers.contacts import ContactInput
    from trade_crm.domain.customers.records import create_customer
    from trade_crm.exchange.chats.whatsapp import read_chat
    from trade_crm.exchange.chats.whatsapp_import import commit_chat, plan_chat
    from trade_crm.store.db import close_database, open_database

    clock = FixedClock.at("2026-11-23 09:30", "Asia/Shanghai")
    with tempfile.TemporaryDirectory(prefix="trade-crm-bench-whatsapp-") as folder:
        chat_path = Path(folder) / "WhatsApp Chat with +971 50 123 4567.txt"
        chat_path.write_text(big_chat(messages), encoding="utf-8")
        size_mb = chat_path.stat().st_size / 1048576
        parse_times, import_times, again_times, loads = [], [], [], []
        days = 0
        for run in range(repeats + 1):  # the first run warms up
            db = open_database(Path(folder) / f"book{run}.db")
            try:
                create_customer(clock, name="Gulf Lighting LLC", contacts=[
                    ContactInput(name="Ahmed Khan", whatsapp="+971 50 123 4567", is_primary=True)])
                started = time.perf_counter()
                chat = read_chat(chat_path)
                parsed = time.perf_counter()
                result = commit_chat(plan_chat(chat, clock.zone), clock)
                done = time.perf_counter()
                again = commit_chat(plan_chat(read_chat(chat_path), clock.zone), clock)
                again_done = time.perf_counter()
            finally:
                close_database(db)
            assert result.messages == len(chat.messages) == messages and again.batch is None
            days = result.days_created
            if run:
                parse_times.append(parsed - started)
                import_times.append(done - started)
                again_times.append(again_done - done)
                loads.append(_load())
    parse_s, import_s, again_s = (statistics.median(t) for t in (parse_times, import_times, again_times))
    return [
        Row(SECTION, f"floor: parse alone, {messages:,} messages ({size_mb:.1f} MB)", parse_s * 1000, "ms",
            note=f"{messages / parse_s:,.0f} messages/s; {loads[-1]}"),
        Row(SECTION, f"import of {messages:,} messages ({days:,} days), parse included", import_s * 1000, "ms",
            ratio=import_s / parse_s, target=f"<= {TARGET_S:g} s", ok=import_s <= TARGET_S,
            note=f"median of {repeats}; {days:,} timeline entries, one transaction; {loads[-1]}",
            floor="the parse alone of the same chat"),
        Row(SECTION, "re-import of the same export (nothing new)", again_s * 1000, "ms", ratio=again_s / parse_s,
            note=f"every day compared with its stored entry; {loads[-1]}"),
    ]


def whatsapp_bench(ctx) -> list[Row]:
    """The rows for `python -m bench` (its own book: the big book is not used)."""
    return whatsapp_rows(repeats=min(ctx.repeats, 5))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.bench_whatsapp", description=__doc__)
    parser.add_argument("--messages", type=int, default=MESSAGES, help="messages in the chat (default 40,000)")
    parser.add_argument("--repeats", type=int, default=5, help="timed runs (median reported)")
    args = parser.parse_args(argv)
    rows = whatsapp_rows(args.messages, args.repeats)
    print(render(rows))
    return 1 if any(row.ok is False for row in rows) else 0


if __name__ == "__main__":
    raise SystemExit(main())
