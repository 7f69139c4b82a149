"""The interactions and orders an exported book's rows edit or add (a part of export_import_edits.Editor).

By its Interaction ID or Order ID a row edits that entry; a row without one (or with an ID this
book has not) adds one, unless the customer already has the same entry (the same kind, time and
summary; the same day, amount, currency and reference), so a file imported twice adds it once.
Times are the wall-clock times the sheet shows, in the user's time zone.
"""

from __future__ import annotations

from datetime import timezone

from trade_crm.domain.text import clean_block, clean_line
from trade_crm.exchange.importing.book.state import Record
from trade_crm.exchange.importing.plan import BookRow
from trade_crm.store.fields import money_value
from trade_crm.store.models import INTERACTION_KINDS

_FORMAT = "%Y-%m-%d %H:%M:%S"


class TimelineEdits:
    """Mixed into Editor: needs its state, ctx, edit, creating, warn(), note() and counters."""

    def _instant(self, local) -> str:
        return local.replace(tzinfo=self.ctx.zone).astimezone(timezone.utc).strftime(_FORMAT)

    def interaction_row(self, row: BookRow) -> None:
        if self.moved(row, "interaction_id"):
            return
        v, values = row.values, {}
        if row.has("occurred") and v.get("occurred"):
            values["occurred_at"] = self._instant(v["occurred"])
        if row.has("kind"):
            kind = clean_line(v.get("kind", "")).lower()
            if kind in INTERACTION_KINDS:
                values["kind"] = kind
            elif kind:
                self.warn(row, "kind", f'"{kind}" is not a kind ({", ".join(INTERACTION_KINDS)}); not imported')
        own = row.own_id
        record = next((r for r in self.state.interactions if r.id == own), None) if self.edit and own else None
        if row.has("contact"):
            self._link(row, clean_line(v.get("contact", "")), record, values)
        for key, column, clean in (("summary", "summary", clean_line), ("details", "body", clean_block)):
            if row.has(key):
                values[column] = clean(v.get(key, ""))
        for key, column in (("follow_up", "follow_up_on"), ("valid_until", "valid_until")):
            if row.has(key):
                values[column] = v[key].isoformat() if v.get(key) else None
        if record is None:
            self._new_interaction(row, values)
            return
        if values.get("summary") == "":
            self.warn(row, "summary", "an entry needs a summary; the summary is not changed")
            del values["summary"]
        changed = [c for c, value in values.items() if record.set(c, value)]
        if changed:
            self.timeline_changed = True
            self.note(f"interaction {record.id}", "", ", ".join(changed))

    def _link(self, row: BookRow, name: str, record: Record | None, values: dict) -> None:
        """The entry's contact, by the name in the cell: the one it has if that is the name (two people of
        one name at a customer stay apart), else the customer's contact of that name."""
        linked = record.get("contact_id") if record is not None else None
        current = next((c for c in self.state.contacts if linked is not None and (c.id == linked or c is linked)), None)
        if current is not None and clean_line(current.get("name") or "") == name:
            return
        person = self.state.contact_named(name) if name else None
        if name and person is None:
            self.warn(row, "contact", f'no contact "{name}" at this customer; the entry is not linked to one')
        else:
            values["contact_id"] = None if person is None else (person.id if person.id is not None else person)

    def _new_interaction(self, row: BookRow, values: dict) -> None:
        if not values.get("summary"):
            self.warn(row, "summary", "a new entry needs a summary; this row is not imported", "error")
            return
        if "occurred_at" not in values:
            values["occurred_at"] = self.ctx.now
            self.warn(row, "occurred", "no date: the entry is dated now")
        values.setdefault("kind", "note")
        key = (values["kind"], values["occurred_at"], values["summary"])
        if not (self.creating and row.own_id is not None) and any(
                (r.get("kind"), r.get("occurred_at"), r.get("summary")) == key for r in self.state.interactions):
            return  # already in the timeline (the same row imported before)
        record = Record(None, {"contact_id": None, "body": "", "follow_up_on": None, "valid_until": None,
                               **values, "created_at": self.ctx.now},
                        new_id=row.own_id if self.ctx.keep_ids else None)
        self.state.interactions.append(record)
        self.timeline_changed = True
        self.note("timeline", "", f"new: {values['summary']}")

    def order_row(self, row: BookRow) -> None:
        if self.moved(row, "order_id"):
            return
        v, values = row.values, {}
        if row.has("ordered_on") and v.get("ordered_on"):
            values["ordered_on"] = v["ordered_on"].isoformat()
        if row.has("amount") and v.get("amount") is not None:
            values["amount"] = v["amount"]
        if row.has("currency"):
            code = clean_line(v.get("currency", "")).upper()
            if len(code) == 3 and code.isalpha():
                values["currency"] = code
            elif code:
                self.warn(row, "currency", f'"{code}" is not a 3-letter currency code; not imported')
        for key in ("reference", "notes"):
            if row.has(key):
                values[key] = (clean_block if key == "notes" else clean_line)(v.get(key, ""))
        own = row.own_id
        record = next((r for r in self.state.orders if r.id == own), None) if self.edit and own else None
        if record is not None:
            changed = [c for c, value in values.items() if record.set(c, value)]
            if changed:
                self.note(f"order {record.id}", "", ", ".join(changed))
            return
        if "ordered_on" not in values or "amount" not in values:
            self.warn(row, "amount" if "ordered_on" in values else "ordered_on",
                      "a new order needs a date and an amount; this row is not imported", "error")
            return
        if values["amount"] < 0:
            self.warn(row, "amount", "an order amount cannot be negative; this row is not imported", "error")
            return
        values.setdefault("currency", self.state.row.get("currency") or "USD")
        key = (values["ordered_on"], values["amount"], values["currency"], values.get("reference", ""))
        if not (self.creating and row.own_id is not None) and any((r.get("ordered_on"), _money(r.get("amount")), r.get("currency"), r.get("reference")) == key
               for r in self.state.orders):
            return
        self.state.orders.append(Record(None, {"reference": "", "notes": "", **values, "created_at": self.ctx.now},
                                        new_id=row.own_id if self.ctx.keep_ids else None))
        self.orders_added += 1
        self.note("orders", "", f"new: {values['ordered_on']} {values['amount']} {values['currency']}")


def _money(value):
    return None if value is None else money_value(value)
