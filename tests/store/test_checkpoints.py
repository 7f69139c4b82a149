"""store/checkpoints.py: a bulk write's COMMIT copies nothing into the book file; a background checkpoint does,
after it, and closing the book waits for that."""

from __future__ import annotations

import sqlite3
import threading

from trade_crm.store import checkpoints, sql_rows
from trade_crm.store.db import close_database

ROWS = 3000  # about 2,000 pages: over SQLite's automatic checkpoint of 1,000


def write_many(db) -> None:
    with sql_rows.bulk_write_settings(db=db), db.atomic():
        db.cursor().executemany("INSERT INTO tag (name) VALUES (?)", [(f"tag {i} " + "x" * 2000,) for i in range(ROWS)])


def frames_in_wal(path) -> tuple[int, int]:
    """(frames in the WAL, of them already in the book file), asking without checkpointing anything."""
    connection = sqlite3.connect(path)
    try:
        _, frames, copied = connection.execute("PRAGMA wal_checkpoint(NOOP)").fetchone()
    finally:
        connection.close()
    return frames, copied


def test_the_commit_of_a_bulk_write_leaves_the_book_file_alone_and_a_background_checkpoint_fills_it(
        db, db_path, monkeypatch):
    started = []
    monkeypatch.setattr(checkpoints, "start_checkpoint", started.append)
    size = db_path.stat().st_size
    write_many(db)
    assert db_path.stat().st_size == size  # the pages are in the WAL only: the COMMIT did not copy them
    assert started == [str(db_path)]
    assert db.execute_sql("PRAGMA wal_autocheckpoint").fetchone()[0] == 1000  # the connection's setting is back
    monkeypatch.undo()
    checkpoints.start_checkpoint(str(db_path))
    checkpoints.wait_for_checkpoints(str(db_path))
    frames, copied = frames_in_wal(db_path)
    assert frames > 1000 and copied == frames
    assert db_path.stat().st_size > size + ROWS * 2000
    assert db.execute_sql("SELECT count(*) FROM tag").fetchone()[0] == ROWS


def test_closing_the_book_waits_for_its_checkpoint(db, db_path, monkeypatch):
    release = threading.Event()
    checkpoint = checkpoints._checkpoint

    def slow(path):
        release.wait(5)
        checkpoint(path)

    monkeypatch.setattr(checkpoints, "_checkpoint", slow)
    write_many(db)
    threads = [t for t in threading.enumerate() if t.name == "wal-checkpoint"]
    assert len(threads) == 1 and threads[0].is_alive()
    threading.Timer(0.2, release.set).start()
    close_database(db)
    assert not threads[0].is_alive()
    assert checkpoints._pending == {}


def test_a_checkpoint_of_a_book_gone_meanwhile_is_skipped_quietly(tmp_path, caplog):
    folder = tmp_path / "gone"
    caplog.set_level("INFO", logger="trade_crm.store.checkpoints")
    checkpoints.start_checkpoint(str(folder / "book.db"))
    checkpoints.wait_for_checkpoints()
    assert "skipped" in caplog.text
    assert not folder.exists()


def test_an_in_memory_book_has_no_checkpoint_to_defer(monkeypatch):
    from trade_crm.store.db import open_database

    started = []
    monkeypatch.setattr(checkpoints, "start_checkpoint", started.append)
    db = open_database(":memory:")
    try:
        write_many(db)
        assert db.execute_sql("SELECT count(*) FROM tag").fetchone()[0] == ROWS
    finally:
        close_database(db)
    assert started == []
