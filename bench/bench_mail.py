"""Mail in (#19): the first sync of a 20,000-message mailbox from a local Dovecot, and the re-sync.

A throwaway Dovecot (tests/mail_server.py's), one user whose Maildir holds the generated corpus
(tests/mail_corpus.py, 20,000 messages in INBOX and Sent, ~35 MB), a fresh SQLite book with the corpus's
customers. Three timings in the same run:

- floor: a bare imapclient session that reads the same messages the sync reads (EXAMINE, SEARCH SINCE,
  FETCH BODY.PEEK[] in batches of the same size) and does nothing with them: what any sync must wait for;
- first sync: `sync_account`, the whole of it (fetch, parse, match, store, timeline), into the empty book;
  target >= 300 messages/s, and reported as a ratio to the floor;
- re-sync of the unchanged mailbox: target <= 1 s.

Before the floor, one untimed pass reads every message's size, so Dovecot's index is built before either
timed reader comes (neither pays for it). The load average is printed beside the figures: two shared cores
make wall times swing with what else runs.

    .venv/bin/python -m bench.bench_mail [--messages N]      # alone (also a row group of `make bench`)
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from pathlib import Path

from bench.report import Row, render

MESSAGES = 20_000
TARGET_RATE = 300.0  # messages/s
TARGET_RESYNC_S = 1.0
SECTION = "mail in: sync from a local Dovecot (x base: a bare imapclient fetch of the same messages)"


def _load() -> str:
    return "load average " + " ".join(f"{x:.2f}" for x in os.getloadavg())


def floor_fetch(server, user, folders: list[str], since, batch: int) -> int:
    """Read what the sync reads, with nothing done to it; returns how many messages came."""
    import imapclient  # lazy: bench only

    count = 0
    with imapclient.IMAPClient(server.host, port=server.imaps_port, ssl=True,
                               ssl_context=server.ssl_context()) as client:
        client.login(user.name, user.password)
        for folder in folders:
            client.select_folder(folder, readonly=True)
            uids = sorted(client.search(["SINCE", since]))
            for start in range(0, len(uids), batch):
                count += len(client.fetch(uids[start:start + batch], ["BODY.PEEK[]"]))
    return count


def parse_alone(messages: int) -> float:
    """CPU seconds of parse_message over the same messages' bytes: the parse's share of the sync."""
    from tests.mail_corpus import build_corpus  # lazy: bench only
    from trade_crm.exchange.mail.parse import parse_message

    corpus = build_corpus(seed=7, size=messages)
    cpu = time.process_time()
    for item in corpus:
        parse_message(item.raw, received_at=item.internal_date, size=len(item.raw))
    return time.process_time() - cpu


def warm(user, folders: list[str]) -> None:
    with user.client(timeout=600) as client:
        for folder in folders:
            client.select_folder(folder, readonly=True)
            client.fetch("1:*", ["RFC822.SIZE"])


def mail_rows(messages: int = MESSAGES, log=print) -> list[Row]:
    from tests.integration.mail.helpers import add_customers
    from tests.mail_corpus import USER, build_corpus
    from tests.mail_server import find_dovecot, start_mail_server, stop_mail_server
    from trade_crm.domain.clock import FixedClock
    from trade_crm.domain.mail.accounts import add_account
    from trade_crm.exchange.mail.sync import BATCH, since_date, sync_account
    from trade_crm.exchange.mail.tokens import PasswordCredentials
    from trade_crm.store.db import close_database, open_database

    if find_dovecot(os.environ) is None:
        log("mail rows left out: no Dovecot (apt-get install dovecot-imapd)")
        return []
    server = start_mail_server(os.environ)
    try:
        user = server.user()
        loaded = user.load(build_corpus(seed=7, size=messages))
        folders = ["INBOX", "Sent"]
        warm(user, folders)
        clock = FixedClock.at("2026-11-23 09:30", "Asia/Shanghai")
        with tempfile.TemporaryDirectory(prefix="trade-crm-bench-mail-") as folder:
            db = open_database(Path(folder) / "book.db")
            try:
                add_customers(clock)
                account = add_account(USER[1], host=server.host, port=server.imaps_port, username=user.name,
                                      clock=clock)  # since: 12 months back, the whole corpus
                credentials = PasswordCredentials(user.name, user.password)
                started, cpu = time.perf_counter(), time.process_time()
                floor_count = floor_fetch(server, user, folders, since_date(account, clock), BATCH)
                floor_s, floor_cpu = time.perf_counter() - started, time.process_time() - cpu
                load_floor = _load()
                started, cpu = time.perf_counter(), time.process_time()
                first = sync_account(account, credentials, clock=clock, ca_file=str(server.ca_file))
                first_s, first_cpu = time.perf_counter() - started, time.process_time() - cpu
                load_first = _load()
                started = time.perf_counter()
                again = sync_account(account, credentials, clock=clock, ca_file=str(server.ca_file))
                again_s = time.perf_counter() - started
                load_again = _load()
            finally:
                close_database(db)
        parse_cpu = parse_alone(messages)
    finally:
        stop_mail_server(server)
    total = sum(loaded.values())
    assert floor_count == first.fetched == total, (floor_count, first.fetched, total)
    assert again.fetched == 0
    rate = first.fetched / first_s
    return [
        Row(SECTION, f"floor: bare imapclient fetch of {total:,} messages", floor_s * 1000, "ms",
            note=f"{total / floor_s:,.0f} messages/s; CPU {floor_cpu:.1f} s; {load_floor}"),
        Row(SECTION, f"first sync of {total:,} messages", first_s * 1000, "ms", ratio=first_s / floor_s,
            target=f">= {TARGET_RATE:g} messages/s", ok=rate >= TARGET_RATE,
            note=f"{rate:,.0f} messages/s; CPU {first_cpu:.1f} s ({total / first_cpu:,.0f} messages per CPU second, "
                 f"of which parsing {parse_cpu:.1f} s); {first.stored:,} stored, {first.matched:,} matched; {load_first}",
            floor="a bare imapclient fetch of the same messages"),
        Row(SECTION, "re-sync of the unchanged mailbox", again_s * 1000, "ms", target=f"<= {TARGET_RESYNC_S:g} s",
            ok=again_s <= TARGET_RESYNC_S, note=load_again),
    ]


def mail_bench(ctx) -> list[Row]:
    """The rows for `python -m bench` (the big book is not used: the mailbox makes its own book)."""
    return mail_rows()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.bench_mail", description=__doc__)
    parser.add_argument("--messages", type=int, default=MESSAGES, help="messages in the mailbox (default 20,000)")
    args = parser.parse_args(argv)
    rows = mail_rows(args.messages)
    print(render(rows))
    return 1 if any(row.ok is False for row in rows) else 0


if __name__ == "__main__":
    raise SystemExit(main())
