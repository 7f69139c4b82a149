from datetime import datetime, timezone

from peewee import SqliteDatabase

from tests.helpers import build_v1_book
from trade_crm.domain.clock import today
from trade_crm.domain.customers import query as cq
from trade_crm.domain.customers import records
from trade_crm.store import migrations
from trade_crm.store.db import DatabaseError, close_database, open_database
from trade_crm.store.models import ALL_MODELS


def test_a_version_1_book_upgrades_with_every_row_intact(tmp_path, clock):
    path = tmp_path / "old.db"
    build_v1_book(path)
    backups = tmp_path / "backups"

    db = open_database(path, backup_dir=backups, now=datetime(2026, 1, 1, tzinfo=timezone.utc))

    assert migrations.current_version(db) == migrations.LATEST_VERSION
    assert db.execute_sql("SELECT name, city, rating, notes FROM customer WHERE id = 7").fetchone() == (
        "Müller Haustechnik GmbH", "München", "A", "prefers email")
    assert db.execute_sql("SELECT count(*) FROM contact_channel").fetchone()[0] == 1
    assert db.execute_sql("SELECT amount FROM orders").fetchone()[0] == 1234.5
    hits = cq.search_customers(cq.CustomerFilter(text="muller"), today=today(clock))
    assert [h.id for h in hits] == [7]
    assert hits[0].tags == ("Canton Fair 2024 Autumn",)
    copies = list(backups.glob("pre-migration-v1-*.db"))
    assert len(copies) == 1
    old = SqliteDatabase(str(copies[0]))
    assert migrations.current_version(old) == 1
    assert old.execute_sql("SELECT count(*) FROM customer").fetchone()[0] == 1
    old.close()
    close_database(db)


def test_a_new_database_gets_no_backup(tmp_path):
    db = open_database(tmp_path / "new.db")
    assert not (tmp_path / "backups").exists()
    close_database(db)


def test_a_failing_step_rolls_back_with_its_version(tmp_path, monkeypatch):
    path = tmp_path / "old.db"
    build_v1_book(path)

    def broken(db):
        db.execute_sql("CREATE TABLE half_done (x)")
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(migrations, "MIGRATIONS",
                        (migrations.MIGRATIONS[0], migrations.Migration(2, "broken", broken)))
    raw = SqliteDatabase(str(path))
    try:
        migrations.migrate(raw)
    except RuntimeError:
        pass
    assert migrations.current_version(raw) == 1
    assert not raw.execute_sql("SELECT 1 FROM sqlite_master WHERE name = 'half_done'").fetchone()
    raw.close()


def test_a_file_from_a_newer_app_is_refused_untouched(tmp_path):
    path = tmp_path / "future.db"
    db = open_database(path)
    db.execute_sql("UPDATE schema_version SET version = 999")
    close_database(db)
    before = path.read_bytes()
    try:
        open_database(path)
        raise AssertionError("expected DatabaseError")
    except DatabaseError as exc:
        assert "newer Trade CRM" in str(exc)
    assert path.read_bytes() == before


def test_a_file_that_is_not_a_database_is_refused_and_kept(tmp_path):
    path = tmp_path / "notes.db"
    path.write_bytes(b"this is a shopping list, not SQLite" * 100)
    try:
        open_database(path)
        raise AssertionError("expected DatabaseError")
    except DatabaseError as exc:
        assert str(path) in str(exc)
    assert path.read_bytes().startswith(b"this is a shopping list")


def test_models_match_the_migrated_schema(db):
    for model in ALL_MODELS:
        table = model._meta.table_name
        columns = {row[1] for row in db.execute_sql(f"PRAGMA table_info({table})")}
        assert columns == {f.column_name for f in model._meta.sorted_fields}, table


def test_database_opens_in_wal_with_foreign_keys(db):
    assert db.execute_sql("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute_sql("PRAGMA foreign_keys").fetchone()[0] == 1
    assert db.execute_sql("PRAGMA busy_timeout").fetchone()[0] == 5000


def test_a_version_5_book_gains_the_other_name_and_search_finds_it(tmp_path, clock):
    path = tmp_path / "v5.db"
    build_v1_book(path)
    raw = SqliteDatabase(str(path))
    assert migrations.migrate(raw, target=5) == [2, 3, 4, 5]
    raw.close()

    db = open_database(path, backup_dir=tmp_path / "backups")
    assert db.execute_sql("SELECT alt_name FROM customer WHERE id = 7").fetchone() == ("",)
    assert [h.id for h in cq.search_customers(cq.CustomerFilter(text="muller"), today=today(clock))] == [7]
    records.update_customer(7, clock, alt_name="穆勒暖通")
    assert [h.id for h in cq.search_customers(cq.CustomerFilter(text="穆勒暖通"), today=today(clock))] == [7]
    assert records.get_customer(7).alt_name == "穆勒暖通"
    close_database(db)
