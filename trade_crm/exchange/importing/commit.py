"""Write the plan of a trade-show list in one transaction, through the batch writer and its journal.

New customers, their contacts, channels, tags, custom values and "Imported from" entries are
buffered and written with executemany (10,000 customers in well under a second); a merge changes
a stored customer in place and journals the previous value of every column it changed, so an undo
deletes exactly what was added and restores exactly what was replaced.

A trade-show list's facts are used, not only kept: the day a card was collected (`fields["met_on"]`)
becomes a "Met at <source>" meeting on that day and the customer's last contact, and new customers
get a first follow-up N days after the import (ImportOptions.follow_up_days; by default 3 for a
trade show), so fresh leads raise follow-up reminders.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from operator import itemgetter

from trade_crm.domain.clock import Clock, today
from trade_crm.exchange.importing.journal import Added, Changed, Merged, TagLink
from trade_crm.exchange.importing.plan import ImportPlan, ImportResult, PlannedContact, PlannedCustomer
from trade_crm.exchange.importing.progress import Cancel, Progress, check, tick
from trade_crm.exchange.importing.stored import Existing, existing_contact, field_changes, load_existing
from trade_crm.exchange.importing.writer import BatchWriter, page_cache, utc_stamp
from trade_crm.store import search, sql_rows
from trade_crm.store.models import database

_CUSTOMER_DEFAULTS = {"name": "", "alt_name": "", "country": None, "city": "", "address": "", "website": "",
                      "source": "other", "industry": "", "products": "", "company_size": "", "rating": None, "notes": "",
                      "follow_up_on": None, "last_contact_at": None}
_INSERTS = {
    "customer": f"INSERT INTO customer (id, {', '.join(_CUSTOMER_DEFAULTS)}, created_at, updated_at) "
                f"VALUES ({', '.join('?' * (len(_CUSTOMER_DEFAULTS) + 3))})",
    "contact": "INSERT INTO contact (id, customer_id, name, title, birthday, is_primary, notes, created_at, updated_at) "
               "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
    "contact_channel": "INSERT INTO contact_channel (contact_id, kind, value, raw, position) VALUES (?, ?, ?, ?, ?)",
    "customer_tag": "INSERT INTO customer_tag (customer_id, tag_id) VALUES (?, ?)",
    "custom_field_value": "INSERT INTO custom_field_value (customer_id, field_id, value) VALUES (?, ?, ?)",
    "interaction": "INSERT INTO interaction (id, customer_id, kind, occurred_at, summary, body, created_at) "
                   "VALUES (?, ?, ?, ?, ?, ?, ?)",
}
TRADE_SHOW_FOLLOW_UP_DAYS = 3
_CUSTOMER_COLUMNS = itemgetter(*_CUSTOMER_DEFAULTS)  # a new customer's values in the INSERT's order, made in C
_TEXT_COLUMNS = itemgetter(*search.CUSTOMER_TEXT)


def follow_up_days(plan: ImportPlan) -> int:
    """Days from the import to new customers' first follow-up; 0: none. Unset: 3 for a trade show."""
    days = plan.options.follow_up_days
    if days is None:
        return TRADE_SHOW_FOLLOW_UP_DAYS if plan.batch_source == "trade_show" else 0
    return max(0, days)


class ListWriter:
    """Writes the planned customers of a list: creates buffered, merges in place."""

    def __init__(self, plan: ImportPlan, clock: Clock):
        self.plan, self.zone = plan, clock.zone
        self.batch = BatchWriter(plan, utc_stamp(clock.now()))
        days = follow_up_days(plan)
        self.follow_up_on = (today(clock) + timedelta(days=days)).isoformat() if days else None
        self.met_at = f"Met at {plan.options.source.strip() or plan.file_name}"
        # the "Imported from" entry's fixed parts, made once for the whole list
        self.summary = f"Imported from {plan.file_name}"
        self.body_head = f"Source: {plan.options.source}\n" if plan.options.source else ""
        self.where = f"{plan.sheet}, " if plan.sheet != plan.file_name else ""
        self.now, self.cur, self.journal = self.batch.now, self.batch.cur, self.batch.journal
        self.contacts_created = 0
        self.met_stamps: dict[date, str] = {}
        self.rows: dict[str, list[tuple]] = {table: [] for table in _INSERTS}
        self.documents: dict[int, list[str]] = {}  # created customers' searchable texts, for search.reindex
        writable = [c for c in plan.customers if c.action != "skip"]
        self.tag_ids = {t: self.batch.tag_id(t) for t in dict.fromkeys(t for c in writable for t in c.tags)}
        self.field_ids = {k: self.batch.field_id(k) for k in dict.fromkeys(k for c in writable for k in c.custom_fields)}
        self.custom_values: dict[tuple[int, int], tuple[int, str]] = {}  # (customer, field) -> (row id, value)

    def flush(self) -> None:
        for table, sql in _INSERTS.items():  # parents first: every foreign key holds at once
            if self.rows[table]:
                self.cur.executemany(sql, self.rows[table])
                self.rows[table].clear()

    @staticmethod
    def _channel_rows(contact: PlannedContact, have: set[str]) -> list[tuple[str, str, str]]:
        rows = [("email", e, "") for e in contact.emails]
        rows += [("phone", value, raw if raw != value else "") for value, raw in contact.phones]
        if contact.whatsapp:
            value, raw = contact.whatsapp
            rows.append(("whatsapp", value, raw if raw != value else ""))
        rows += [(kind, getattr(contact, kind), "") for kind in ("wechat", "skype", "linkedin") if getattr(contact, kind)]
        return [r for r in rows if r[1] not in have] if have else rows

    def _contact(self, customer_id: int, contact: PlannedContact, primary: bool) -> tuple[int, list[tuple]]:
        """Buffer a new contact and its channels; returns its id and the channel rows (kind, value, raw)."""
        contact_id = self.batch.new_id("contact")
        self.rows["contact"].append(
            (contact_id, customer_id, contact.name, contact.title,
             contact.birthday.isoformat() if contact.birthday else None, bool(primary), contact.notes, self.now, self.now))
        channels = self._channel_rows(contact, set())
        self.rows["contact_channel"].extend((contact_id, kind, value, raw, position)
                                            for position, (kind, value, raw) in enumerate(channels))
        self.contacts_created += 1
        return contact_id, channels

    def _interaction(self, customer_id: int, planned: PlannedCustomer) -> int:
        rows = ", ".join(str(r) for r in planned.rows[:20]) + (" ..." if len(planned.rows) > 20 else "")
        body = f"{self.body_head}{self.where}row{'s' if len(planned.rows) > 1 else ''} {rows}"
        interaction_id = self.batch.new_id("interaction")
        self.rows["interaction"].append((interaction_id, customer_id, "import", self.now, self.summary, body, self.now))
        return interaction_id

    def met_stamp(self, day: date) -> str:
        """Noon of the day the card was collected, in the user's zone: the same day wherever it is read.
        A list holds a few days for thousands of rows, so each day's stamp is made once."""
        stamp = self.met_stamps.get(day)
        if stamp is None:
            stamp = self.met_stamps[day] = utc_stamp(datetime.combine(day, time(12), self.zone))
        return stamp

    def _meeting(self, customer_id: int, stamp: str) -> int:
        interaction_id = self.batch.new_id("interaction")
        self.rows["interaction"].append((interaction_id, customer_id, "meeting", stamp, self.met_at, "", self.now))
        return interaction_id

    def create(self, planned: PlannedCustomer) -> int:
        customer_id = self.batch.new_id("customer")
        values = {**_CUSTOMER_DEFAULTS, **planned.fields, "name": planned.name, "notes": planned.notes,
                  "follow_up_on": self.follow_up_on}
        met_on = planned.fields.get("met_on")
        if met_on:
            values["last_contact_at"] = self.met_stamp(met_on)
        self.rows["customer"].append((customer_id, *_CUSTOMER_COLUMNS(values), self.now, self.now))
        document = [v for v in _TEXT_COLUMNS(values) if v]
        channel_texts = []
        for index, contact in enumerate(planned.contacts):
            channels = self._contact(customer_id, contact, index == 0)[1]
            if contact.name:
                document.append(contact.name)
            if contact.title:
                document.append(contact.title)
            for kind, value, raw in channels:
                channel_texts += search.channel_texts(kind, value, raw)
        self.documents[customer_id] = document + channel_texts + list(planned.tags)
        self.rows["customer_tag"].extend((customer_id, self.tag_ids[t]) for t in planned.tags)
        self.rows["custom_field_value"].extend((customer_id, self.field_ids[k], v)
                                               for k, v in planned.custom_fields.items())
        self._interaction(customer_id, planned)
        if met_on:
            self._meeting(customer_id, values["last_contact_at"])
        self.journal.record(Added("customer", customer_id))
        return customer_id

    def merge(self, planned: PlannedCustomer, old: Existing) -> int:
        """Change a stored customer in place: its columns (fields filled, the last contact moved) in one UPDATE and
        one journal entry, from what load_existing read of it for the whole list."""
        customer_id, journal, cur = old.fields["id"], self.journal, self.cur
        changes = field_changes(old.fields, dict(planned.fields), planned.notes, self.plan.options.overwrite)
        columns = {c.field: c.new for c in changes}
        touched = bool(changes)  # the customer's version moves with its fields, tags and custom values
        for contact in planned.contacts:
            contact_id = existing_contact(old, contact)
            if contact_id is None:
                journal.record(Added("contact", self._contact(customer_id, contact, not old.has_primary)[0]))
                old.has_primary = True
                continue
            have = {v for cid, _, values in old.contacts if cid == contact_id for v in values}
            channels = self._channel_rows(contact, have)
            if not channels:
                continue
            start = old.next_position.get(contact_id, 0)
            for position, (kind, value, raw) in enumerate(channels, start=start):
                journal.record(Added("contact_channel", sql_rows.insert_returning_id("contact_channel", {
                    "contact_id": contact_id, "kind": kind, "value": value, "raw": raw, "position": position})))
            old.next_position[contact_id] = start + len(channels)
            cur.execute("UPDATE contact SET version = version + ? WHERE id = ?", (len(channels), contact_id))
        for tag in planned.tags:
            if sql_rows.insert_ignore("customer_tag", ("customer_id", "tag_id"), [(customer_id, self.tag_ids[tag])]):
                journal.record(TagLink(customer_id, self.tag_ids[tag]))
                touched = True
        for name, value in planned.custom_fields.items():
            touched = self._custom_value(customer_id, self.field_ids[name], value) or touched
        journal.record(Added("interaction", self._interaction(customer_id, planned)))
        if met_on := planned.fields.get("met_on"):  # a stored customer met at this show: the meeting on its day,
            stamp = self.met_stamp(met_on)  # and the last contact if newer
            journal.record(Added("interaction", self._meeting(customer_id, stamp)))
            last = old.fields.get("last_contact_at")
            if last is None or last < stamp:
                columns["last_contact_at"] = stamp
        if columns:
            previous = {column: old.fields.get(column) for column in (*columns, "updated_at")}
            journal.record(Changed("customer", customer_id, previous))
            sets = "".join(f"{column} = ?, " for column in columns)
            cur.execute(f"UPDATE customer SET {sets}updated_at = ?, version = version + ? WHERE id = ?",
                        [*columns.values(), self.now, int(touched), customer_id])
            old.fields.update(columns, updated_at=self.now)
        elif touched:
            cur.execute("UPDATE customer SET version = version + 1 WHERE id = ?", (customer_id,))
        journal.record(Merged(customer_id))
        return customer_id

    def _custom_value(self, customer_id: int, field_id: int, value: str) -> bool:
        """Set a stored customer's custom value where it is empty (or always, with overwrite); whether it did."""
        key = (customer_id, field_id)
        row = self.custom_values.get(key)
        if row is None:
            row_id = sql_rows.insert_returning_id("custom_field_value", {
                "customer_id": customer_id, "field_id": field_id, "value": value})
            self.journal.record(Added("custom_field_value", row_id))
        elif row[1] != value and (not row[1] or self.plan.options.overwrite):
            row_id = row[0]
            self.journal.record(Changed("custom_field_value", row_id, {"value": row[1]}))
            self.cur.execute("UPDATE custom_field_value SET value = ? WHERE id = ?", (value, row_id))
        else:
            return False
        self.custom_values[key] = (row_id, value)
        return True

    def load_custom_values(self, customer_ids: list[int]) -> None:
        """The stored custom values of the customers this list merges into, for the fields it brings."""
        fields = list(self.field_ids.values())
        if not customer_ids or not fields:
            return
        marks = ",".join("?" * len(fields))
        for start in range(0, len(customer_ids), 500):
            chunk = customer_ids[start:start + 500]
            for row_id, customer_id, field_id, value in self.cur.execute(
                    f"SELECT id, customer_id, field_id, value FROM custom_field_value WHERE field_id IN ({marks}) "
                    f"AND customer_id IN ({','.join('?' * len(chunk))})", [*fields, *chunk]):
                self.custom_values[(customer_id, field_id)] = (row_id, value)


def commit_plan(plan: ImportPlan, clock: Clock, *, progress: Progress | None = None,
                cancel: Cancel | None = None) -> ImportResult:
    """Write the plan in one transaction; on any error or a cancel nothing is written."""
    writable = [c for c in plan.customers if c.action != "skip"]
    if not writable:  # a refused file, or every match skipped: no empty batch in the history
        return ImportResult(None, 0, 0, len(plan.customers), 0, plan.problems, rows=plan.total_rows,
                            row_outcomes=plan.row_outcomes)
    counts = {"created": 0, "merged": 0}
    with page_cache(), database.atomic():
        writer = ListWriter(plan, clock)
        existing = load_existing(sorted({c.match.customer_id for c in writable if c.action == "merge" and c.match}))
        writer.load_custom_values(sorted(existing))
        merged = []
        for done, planned in enumerate(writable, start=1):
            old = existing.get(planned.match.customer_id) if planned.action == "merge" and planned.match else None
            if old is not None:
                merged.append(writer.merge(planned, old))
                counts["merged"] += 1
            else:  # a new customer, or the stored one was deleted since the preview
                writer.create(planned)
                counts["created"] += 1
            if done % 200 == 0:
                writer.flush()
                check(cancel)
                tick(progress, "writing", done, len(writable))
        writer.flush()
        check(cancel)
        search.reindex(database.obj, merged, new=writer.documents)
        result = ImportResult(writer.batch.batch_id, counts["created"], counts["merged"],
                              len(plan.customers) - len(writable), writer.contacts_created, plan.problems,
                              rows=plan.total_rows, row_outcomes=plan.row_outcomes)
        writer.batch.finish({"sheet": plan.sheet, "rows": plan.total_rows, "created": result.created,
                             "merged": result.merged, "skipped": result.skipped,
                             "contacts_created": result.contacts_created,
                             "rows_with_problems": len(plan.problem_rows), "rows_not_imported": len(plan.error_rows)})
    tick(progress, "writing", len(writable), len(writable))
    return result
