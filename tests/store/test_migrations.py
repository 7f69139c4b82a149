import unicodedata
from datetime import datetime, timezone

from peewee import SqliteDatabase

from tests.helpers import build_v1_book
from trade_crm.domain.clock import today
from trade_crm.domain.customers import query as cq
from trade_crm.domain.customers import records
from trade_crm.store import migrations, search
from trade_crm.store.db import DatabaseError, close_database, open_database
from trade_crm.store.models import ALL_MODELS, MAIL_MODELS, QUOTE_MODELS, Attachment, OutboxMessage


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
    for model in (*ALL_MODELS, *MAIL_MODELS, OutboxMessage, Attachment, *QUOTE_MODELS):
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


# --- migration 8: the smaller search index ----------------------------------------------------------

V7_CUSTOMERS = [  # (id, name, country, city, contact, email, phone value, phone as typed, tag)
    (8, "深圳市华强照明有限公司", "CN", "深圳市", "刘凯", "kai.liu@huaqiang.com.cn", "+8613812345678", "138 1234 5678",
     "VIP"),
    (9, "شركة النور للتجارة", "SA", "الرياض", "محمد العتيبي", "m.otaibi@alnoor.sa", "", "", ""),
    (10, "ООО Стройимпорт", "RU", "Москва", "Иван Иванов", "", "+74951234567", "8 (495) 123-45-67", "VIP"),
    (11, "Nguyễn Phát Trading", "VN", "Hồ Chí Minh", "Lima Li", "lima.li@nguyenphat.vn", "", "", ""),
    (12, "Sharma Exports", "IN", "", "किशोर शर्मा", "", "", "", "Canton Fair 2024 Autumn"),
    (13, "刘 凯 Imports_100%", "CN", "", "王 伟", "", "", "", ""),
]
V7_QUERIES = ["muller", "MÜLLER", "jm@mueller", "mueller.de", "canton fair", "华强照明", "深圳", "刘凯", "刘", "王伟",
              "138", "1234", "(495)", "123-45", "النور", "العتيبي", "стройимп", "иванов", "nguyen", "Nguyễn", "ng",
              "li", "l", "m", "किशोर", "sh", "s_", "_100", "100%", "vip", "vip 刘", "凯i", "xyz", "a"]


def build_v7_book(path):
    """A version-7 book with customers in several scripts, its search index as version 6 filled it."""
    build_v1_book(path)
    raw = SqliteDatabase(str(path), pragmas={"foreign_keys": 1})
    now = "2025-01-02 03:04:05"
    for cid, name, country, city, contact, email, phone, typed, tag in V7_CUSTOMERS:
        raw.execute_sql("INSERT INTO customer (id, name, country, city, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)",
                        (cid, name, country, city, now, now))
        raw.execute_sql("INSERT INTO contact (id, customer_id, name, is_primary, created_at, updated_at) "
                        "VALUES (?, ?, ?, 1, ?, ?)", (cid, cid, contact, now, now))
        if email:
            raw.execute_sql("INSERT INTO contact_channel (contact_id, kind, value) VALUES (?, 'email', ?)", (cid, email))
        if phone:
            raw.execute_sql("INSERT INTO contact_channel (contact_id, kind, value, raw) VALUES (?, 'phone', ?, ?)",
                            (cid, phone, typed))
        if tag:
            raw.execute_sql("INSERT OR IGNORE INTO tag (name) VALUES (?)", (tag,))
            raw.execute_sql("INSERT INTO customer_tag (customer_id, tag_id) SELECT ?, id FROM tag WHERE name = ?",
                            (cid, tag))
    assert migrations.migrate(raw, target=7) == [2, 3, 4, 5, 6, 7]
    raw.close()


def v7_hits(db, query):
    """What a version-7 book answered: the whole folded text, trigram phrases and word prefixes."""
    def quote(text):
        return '"' + text.replace('"', '""') + '"'

    terms = search.query_terms(query)
    clauses = []
    if long_terms := [t for t in terms if len(t) >= 3]:
        clauses.append(("search_trigram", " AND ".join(quote(t) for t in long_terms)))
    words = []
    for term in (t for t in terms if len(t) < 3):
        if all("\u4e00" <= ch <= "\u9fff" for ch in term):
            words.append(quote(" ".join(term)))
        else:
            cleaned = "".join(ch if unicodedata.category(ch)[0] in "LMN" else " " for ch in term)
            words.extend(quote(t) + " *" for t in cleaned.split())
    if words:
        clauses.append(("search_words", " AND ".join(words)))
    if not clauses:
        return {r[0] for r in db.execute_sql("SELECT id FROM customer")}
    sets = [{r[0] for r in db.execute_sql(f"SELECT rowid FROM {t} WHERE {t} MATCH ?", (e,))} for t, e in clauses]
    return set.intersection(*sets)


def test_migration_8_rebuilds_a_smaller_index_that_finds_what_version_7_found(tmp_path, clock):
    path = tmp_path / "v7.db"
    build_v7_book(path)
    raw = SqliteDatabase(str(path))
    before = {query: v7_hits(raw, query) for query in V7_QUERIES}
    raw.close()
    assert before["刘凯"] == {8, 13} and before["muller"] == {7} and before["100%"] == {13}

    db = open_database(path, backup_dir=tmp_path / "backups")

    assert migrations.current_version(db) == migrations.LATEST_VERSION >= 8
    assert "detail=none" in db.execute_sql("SELECT sql FROM sqlite_master WHERE name = 'search_trigram'").fetchone()[0]
    assert db.execute_sql("PRAGMA freelist_count").fetchone()[0] == 0  # compacted after the rebuild
    for query, expected in before.items():
        flt = cq.CustomerFilter(text=query)
        assert {h.id for h in cq.search_customers(flt, today=today(clock), limit=100)} == expected, query
        assert cq.count_customers(flt, today=today(clock)) == len(expected), query
    records.update_customer(8, clock, name="Huaqiang Lighting")
    assert {h.id for h in cq.search_customers(cq.CustomerFilter(text="华强"), today=today(clock))} == set()
    assert {h.id for h in cq.search_customers(cq.CustomerFilter(text="刘凯"), today=today(clock))} == {8, 13}
    close_database(db)


def test_migration_8_rolls_back_whole_when_the_rebuild_fails(tmp_path, monkeypatch):
    path = tmp_path / "v7.db"
    build_v7_book(path)

    def failing(db):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(migrations.search, "rebuild_index", failing)
    raw = SqliteDatabase(str(path))
    try:
        migrations.migrate(raw)
        raise AssertionError("expected RuntimeError")
    except RuntimeError:
        pass
    assert migrations.current_version(raw) == 7
    assert v7_hits(raw, "刘凯") == {8, 13}  # the version-7 index is whole
    raw.close()
