"""The book's side of a mail sync alone: `record_mail` over 20,000 messages in batches of 500 (issue #19: the
whole sync must reach 300 messages/s, so the book's share must be well above that).

    .venv/bin/python -m bench.bench_mail_record [--customers 5000] [--messages 20000] [--server]

A demo book (domain/demo) gets a mailbox whose mix is an exporter's: 40 % from its customers' contacts, 15 %
from a colleague at a customer's domain, 20 % from strangers (the New senders list), 10 % sent to customers,
5 % internal, 5 % auto-replies, 5 % copies of earlier messages (a second folder). The floor is the bare
insert of the same messages' rows into a table with the key's unique index (one executemany a batch, no
matching, no timeline, no search document), timed in the same run:
the ratio is the steadier figure on a shared machine. `--server` runs the same on the test PostgreSQL.
"""

from __future__ import annotations

import argparse
import os
import random
import tempfile
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

from trade_crm.demo.book import load_demo
from trade_crm.domain.clock import FixedClock
from trade_crm.domain.mail import accounts
from trade_crm.domain.mail.messages import (
    AUTO_NONE,
    AUTO_REPLY,
    Address,
    AttachmentInfo,
    IncomingMail,
    MailLocation,
)
from trade_crm.domain.mail.record import known_locations, record_mail
from trade_crm.store.db import close_database, open_database
from trade_crm.store.models import database

BATCH = 500
ME = "ann@sunrise-lighting.cn"
WORDS = ("price quotation sample order shipment container invoice payment LED panel lamp driver warranty "
         "delivery schedule packing carton pallet FOB CIF Ningbo Shenzhen tooling mould certificate CE RoHS "
         "discount catalogue inquiry specification drawing colour temperature lumen").split()


def _text(rng: random.Random) -> str:
    lines = [" ".join(rng.choices(WORDS, k=rng.randint(8, 16))) for _ in range(rng.randint(6, 30))]
    return "Dear Ann,\n" + "\n".join(lines) + "\n\nBest regards\n"


def mailbox(rng: random.Random, contacts: list[str], n: int, start: datetime) -> list[IncomingMail]:
    out: list[IncomingMail] = []
    strangers = [f"buyer{i}@newco{i}.com" for i in range(n // 10)]
    for i in range(n):
        roll = rng.random()
        when = start + timedelta(minutes=7 * i)
        to, cc, auto, sender = (Address(ME),), (), AUTO_NONE, None
        if roll < 0.40:
            sender = Address(rng.choice(contacts), "A Buyer")
        elif roll < 0.55:
            sender = Address("colleague." + rng.choice(contacts))  # same domain, other person
            sender = Address(f"purchasing{i % 7}@{rng.choice(contacts).rpartition('@')[2]}")
        elif roll < 0.75:
            sender = Address(rng.choice(strangers), "Stranger")
        elif roll < 0.85:
            sender, to = Address(ME), (Address(rng.choice(contacts)),)
        elif roll < 0.90:
            sender, to = Address("bob@sunrise-lighting.cn"), (Address(ME),)
        elif roll < 0.95:
            sender, auto = Address(rng.choice(contacts)), AUTO_REPLY
        elif out:
            out.append(rng.choice(out))  # a copy in a second folder
            continue
        else:
            sender = Address(rng.choice(contacts))
        files = (AttachmentInfo("PI-2026.pdf", 80_000, "application/pdf", "2"),) if rng.random() < 0.2 else ()
        out.append(IncomingMail(
            message_id=f"{i}.{rng.getrandbits(40):x}@mail.example", content_hash=f"{i:032x}",
            subject=" ".join(rng.choices(WORDS, k=5)), sender=sender, to=to, cc=cc, sent_at=when,
            text=_text(rng), auto=auto, attachments=files))
    return out


CLOCK = FixedClock.at("2026-11-23 09:30", "Asia/Shanghai")


def run(db, customers: int, messages: int, *, built: bool = False) -> dict[str, float]:
    clock = CLOCK
    if not built:
        load_demo(clock, customers=customers)
    contacts = [v for (v,) in db.execute_sql("SELECT value FROM contact_channel WHERE kind = 'email'")
                if not v.endswith(("gmail.com", "qq.com", "163.com", "outlook.com", "yahoo.com", "hotmail.com"))]
    rng = random.Random(19)
    mails = mailbox(rng, contacts, messages, datetime(2026, 1, 5, tzinfo=timezone.utc))
    account = accounts.add_account(ME, host="imap.example.com", clock=clock)
    items = [(m, MailLocation(account.id, "INBOX", 1, uid)) for uid, m in enumerate(mails, 1)]

    start = time.perf_counter()
    totals = {"stored": 0, "matched": 0, "entries": 0, "new_senders": 0}
    for first in range(0, len(items), BATCH):
        report = record_mail(items[first:first + BATCH], clock=clock)
        for key in totals:
            totals[key] += getattr(report, key)
    seconds = time.perf_counter() - start

    # a re-sync of the unchanged mailbox: the UIDs already stored, then one batch of copies recorded again
    start = time.perf_counter()
    known = known_locations(account.id, "INBOX", 1)
    known_seconds = time.perf_counter() - start
    start = time.perf_counter()
    again = record_mail(items[:BATCH], clock=clock)
    again_seconds = time.perf_counter() - start
    assert len(known) == len(items) and again.stored == 0

    # the floor: the same rows inserted bare into a copy of the table, one executemany a batch
    db.execute_sql("CREATE TEMPORARY TABLE floor_message AS SELECT * FROM mail_message WHERE 1 = 0")
    db.execute_sql("CREATE UNIQUE INDEX floor_message_key ON floor_message (key)")
    rows = list({m.key: (i, m.key, m.message_id, m.subject, m.sender.email, m.sent_at.strftime("%Y-%m-%d %H:%M:%S"),
                         m.text) for i, (m, _loc) in enumerate(items, 1)}.values())
    start = time.perf_counter()
    for first in range(0, len(rows), BATCH):
        with database.atomic():
            database.cursor().executemany(
                "INSERT INTO floor_message (id, key, message_id, subject, sender, sent_at, text, created_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, '2026-11-23 01:30:00')", rows[first:first + BATCH])
    floor = time.perf_counter() - start
    return {"messages": len(items), "seconds": seconds, "per_second": len(items) / seconds,
            "floor_seconds": floor, "ratio": seconds / floor, "known_ms": known_seconds * 1000,
            "again_ms": again_seconds * 1000, **totals}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.bench_mail_record", description=__doc__)
    parser.add_argument("--customers", type=int, default=5000)
    parser.add_argument("--messages", type=int, default=20_000)
    parser.add_argument("--server", action="store_true", help="on the test PostgreSQL server instead of a file")
    args = parser.parse_args(argv)
    load = os.getloadavg()
    if args.server:
        # lazy: psycopg and the test server load only for --server
        from tests.postgres_server import OWNER, start_server, stop_server
        from trade_crm.store.pg_access import roles_sql
        from trade_crm.store.postgres import open_postgres

        server = start_server(os.environ)
        try:  # the book is the owner's; ann, a salesperson who owns every customer, syncs her mailbox
            server.execute(roles_sql())
            server.create_role(OWNER, "owner-secret")
            ann = server.person("ann")
            server.execute(f"CREATE DATABASE bench_mail OWNER {OWNER}")
            db = open_postgres(server.url(OWNER, "bench_mail"), password="owner-secret")
            load_demo(CLOCK, customers=args.customers)
            db.execute_sql("UPDATE customer SET owner = 'ann'")
            db.close()
            db = ann.open("bench_mail")
            result = run(db, args.customers, args.messages, built=True)
            db.close()
        finally:
            stop_server(server)
    else:
        with tempfile.TemporaryDirectory() as folder:
            db = open_database(Path(folder) / "book.db")
            result = run(db, args.customers, args.messages)
            close_database(db)
    print(f"record_mail ({'PostgreSQL' if args.server else 'SQLite'}, {args.customers:,} customers): "
          f"{result['messages']:,} messages in {result['seconds']:.1f} s = {result['per_second']:.0f}/s; "
          f"bare insert floor {result['floor_seconds']:.2f} s; x{result['ratio']:.1f} the floor; "
          f"stored {result['stored']:,}, matched {result['matched']:,}, entries {result['entries']:,}, "
          f"new senders {result['new_senders']:,}; re-sync: known UIDs {result['known_ms']:.0f} ms, "
          f"a batch of {BATCH} copies again {result['again_ms']:.0f} ms; load before {load[0]:.1f}, after {os.getloadavg()[0]:.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
