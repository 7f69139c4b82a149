"""Server step 15: the triggers that note inserted rows work once a statement, not once a row (#18 item 6).

Step 11's audit trail (store/pg_access.py) and step 9's reminders' change log (store/pg_steps.py) were row
triggers: for each inserted row a PL/pgSQL call and an INSERT of its own. A publish inserts 2.7M rows for
the 100k bench book, and those calls were 46 s of the 106 s of server CPU its rows cost
(docs/team-server.md, "Publish: how it is fast, and what was measured"). Here the *insert* half of each
becomes a statement trigger with a transition table (`REFERENCING NEW TABLE`), which writes the same rows
in one INSERT ... SELECT:

- audit: one `audit_entry` per inserted row, as before: who = the session's login, when = the transaction's
  start in UTC, tbl, the row's id, its customer (a channel's through its contact, read when the statement
  ends, as the row trigger read it), action 'insert', before NULL, after = the whole row as JSON (the same
  object; its text is row_to_json's, see AUDIT_INSERTED), in the order the rows went in. Updates and
  deletes keep step 11's row trigger (a delete's cascade rule reads each row's customer as it goes);
- the reminders' change log: each inserted row's customer once (`reminder_change`); updates of the watched
  columns and deletes keep step 9's row triggers (an UPDATE OF trigger may have no transition table);
- the search documents' sort bands (step 12): the BEFORE INSERT row trigger runs only for a document that
  comes without its bands. The app's own writes (store/search.py) bring none and get them as before; a
  publish gives a statement's documents theirs in the INSERT itself (pg_search.band_values_stored_sql: the same
  functions' arithmetic, the bounds read once), which the trigger read again for every row.

PostgreSQL allows one event per trigger with a transition table, hence the separate insert triggers. The
functions are SECURITY DEFINER where step 11's was (nobody else may write the audit table). SQLite's 15 is
a no-op: a laptop book has none of these triggers.
"""

from __future__ import annotations

from peewee import Database

from trade_crm.store import pg_access

# One INSERT ... SELECT per statement. The row's JSON is `row_to_json`'s (the columns in the table's order):
# half the server time of `to_jsonb(row)::text`, which step 11's row trigger wrote (keys sorted, a space
# after each colon); the same JSON object, and the readers (domain/team/audit.py, conflicts) parse it. The
# branches name each table's id and customer columns directly (customer_tag and customer_share have no id).
AUDIT_INSERTED = """CREATE FUNCTION team_audit_inserted() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER AS $$
BEGIN
    IF TG_ARGV[0] = 'contact_id' THEN
        INSERT INTO @schema.audit_entry (at, actor, tbl, row_id, customer_id, action, before, after)
        SELECT @at, session_user, TG_TABLE_NAME, n.id,
               (SELECT k.customer_id FROM @schema.contact k WHERE k.id = n.contact_id), 'insert', NULL,
               row_to_json(n)::text
        FROM new_rows n;
    ELSIF TG_TABLE_NAME = 'customer' THEN
        INSERT INTO @schema.audit_entry (at, actor, tbl, row_id, customer_id, action, before, after)
        SELECT @at, session_user, TG_TABLE_NAME, n.id, n.id, 'insert', NULL, row_to_json(n)::text FROM new_rows n;
    ELSIF TG_TABLE_NAME IN ('customer_tag', 'customer_share') THEN
        INSERT INTO @schema.audit_entry (at, actor, tbl, row_id, customer_id, action, before, after)
        SELECT @at, session_user, TG_TABLE_NAME, NULL, n.customer_id, 'insert', NULL, row_to_json(n)::text
        FROM new_rows n;
    ELSE
        INSERT INTO @schema.audit_entry (at, actor, tbl, row_id, customer_id, action, before, after)
        SELECT @at, session_user, TG_TABLE_NAME, n.id, n.customer_id, 'insert', NULL, row_to_json(n)::text
        FROM new_rows n;
    END IF;
    RETURN NULL;
END $$""".replace("@at", "to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS')")

CHANGE_INSERTED = """CREATE FUNCTION reminder_change_of_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_TABLE_NAME = 'customer' THEN
        INSERT INTO reminder_change (customer_id) SELECT n.id FROM new_rows n ON CONFLICT DO NOTHING;
    ELSE
        INSERT INTO reminder_change (customer_id) SELECT DISTINCT n.customer_id FROM new_rows n
        ON CONFLICT DO NOTHING;
    END IF;
    RETURN NULL;
END $$"""


def apply(db: Database, watched: dict[str, str]) -> None:
    """Step 15: the insert halves of the audit and change-log triggers, once a statement. `watched`: step 9's
    change-log triggers, table -> the columns whose update may change a reminder (store/pg_steps.py)."""
    schema = db.execute_sql("SELECT quote_ident(current_schema())").fetchone()[0]
    db.execute_sql(AUDIT_INSERTED.replace("@schema", schema))
    db.execute_sql(CHANGE_INSERTED)
    for table in pg_access.AUDITED:
        key = "id" if table == "customer" else pg_access.CUSTOMER_OF[table]
        db.execute_sql(f"DROP TRIGGER team_audit ON {table}")
        db.execute_sql(f"CREATE TRIGGER team_audit AFTER UPDATE OR DELETE ON {table} "
                       f"FOR EACH ROW EXECUTE FUNCTION team_audit('{key}')")
        db.execute_sql(f"CREATE TRIGGER team_audit_inserted AFTER INSERT ON {table} REFERENCING NEW TABLE AS new_rows "
                       f"FOR EACH STATEMENT EXECUTE FUNCTION team_audit_inserted('{key}')")
    # step 12's, run only when a writer brings no bands or no sort keys (step 14's: a customer's name is never NULL)
    for table in ("search_trigram", "search_words"):
        db.execute_sql(f"DROP TRIGGER {table}_bands ON {table}")
        db.execute_sql(f"CREATE TRIGGER {table}_bands BEFORE INSERT ON {table} FOR EACH ROW "
                       "WHEN (NEW.name_band IS NULL OR NEW.contact_band IS NULL OR NEW.name IS NULL) "
                       "EXECUTE FUNCTION search_row_bands()")
    for table, columns in watched.items():
        function = "reminder_change_of_customer" if table == "customer" else "reminder_change_of_row"
        db.execute_sql(f"DROP TRIGGER {table}_change ON {table}")
        db.execute_sql(f"CREATE TRIGGER {table}_change AFTER DELETE OR UPDATE OF {columns} ON {table} "
                       f"FOR EACH ROW EXECUTE FUNCTION {function}()")
        db.execute_sql(f"CREATE TRIGGER {table}_change_inserted AFTER INSERT ON {table} "
                       "REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION reminder_change_of_inserted()")


def row_trigger_statements(watched: dict[str, str]) -> list[str]:
    """SQL that puts back the row triggers steps 9 and 11 made for inserts, in place of this step's: what
    bench/bench_publish.py and the tests compare a publish's audit trail and time with."""
    statements = []
    for table in pg_access.AUDITED:
        key = "id" if table == "customer" else pg_access.CUSTOMER_OF[table]
        statements += [f"DROP TRIGGER team_audit_inserted ON {table}",
                       f"CREATE TRIGGER team_audit_row_insert AFTER INSERT ON {table} "
                       f"FOR EACH ROW EXECUTE FUNCTION team_audit('{key}')"]
    for table in ("search_trigram", "search_words"):
        statements += [f"DROP TRIGGER {table}_bands ON {table}",
                       f"CREATE TRIGGER {table}_bands BEFORE INSERT ON {table} FOR EACH ROW "
                       "EXECUTE FUNCTION search_row_bands()"]
    for table in watched:
        function = "reminder_change_of_customer" if table == "customer" else "reminder_change_of_row"
        statements += [f"DROP TRIGGER {table}_change_inserted ON {table}",
                       f"CREATE TRIGGER {table}_change_row_insert AFTER INSERT ON {table} "
                       f"FOR EACH ROW EXECUTE FUNCTION {function}()"]
    return statements
