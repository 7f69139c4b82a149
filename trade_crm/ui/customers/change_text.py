"""A change from a team server's audit trail as one line of the timeline: "mia changed rating B → A"."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from trade_crm.domain.team.audit import AuditChange, FieldChange

MAX_FIELDS = 4  # more than this: "and 3 more"


def _tr(text: str) -> str:
    return QCoreApplication.translate("ChangeText", text)


def field_label(field: str) -> str:
    labels = {
        "name": _tr("name"), "alt_name": _tr("other name"), "country": _tr("country"), "city": _tr("city"),
        "address": _tr("address"), "website": _tr("website"), "source": _tr("source"), "industry": _tr("industry"),
        "products": _tr("products"), "rating": _tr("rating"), "currency": _tr("currency"), "notes": _tr("notes"),
        "lost": _tr("lost"), "follow_up_on": _tr("follow-up"), "owner": _tr("owner"), "title": _tr("title"),
        "birthday": _tr("birthday"), "is_primary": _tr("primary contact"), "stage": _tr("stage"),
        "value": _tr("value"), "probability": _tr("probability"), "expected_close": _tr("expected close"),
        "summary": _tr("summary"), "customer_id": _tr("customer"), "amount": _tr("amount"),
    }
    return labels.get(field, field.replace("_", " "))


def value_text(value: object) -> str:
    if value is None or value == "":
        return "–"
    if isinstance(value, bool):
        return _tr("yes") if value else _tr("no")
    text = str(value)
    return text if len(text) <= 40 else text[:39] + "…"


def fields_text(changes: tuple[FieldChange, ...]) -> str:
    shown = [f"{field_label(c.field)} {value_text(c.before)} → {value_text(c.after)}" for c in changes[:MAX_FIELDS]]
    if len(changes) > MAX_FIELDS:
        shown.append(_tr("and %1 more").replace("%1", str(len(changes) - MAX_FIELDS)))
    return ", ".join(shown)


def thing_text(table: str) -> str:
    things = {
        "customer": _tr("the customer"), "contact": _tr("contact"), "contact_channel": _tr("email or phone"),
        "interaction": _tr("timeline entry"), "opportunity": _tr("opportunity"), "orders": _tr("order"),
        "customer_tag": _tr("tag"), "customer_share": _tr("share with"),
    }
    return things.get(table, table.replace("_", " "))


def change_text(change: AuditChange) -> str:
    """The line the timeline shows for one change."""
    who = change.actor
    if change.table == "customer" and change.action == "update":
        owner = next((c for c in change.changes if c.field == "owner"), None)
        if owner is not None and len(change.changes) == 1:
            if owner.after is None:
                return _tr("%1 returned the customer to the pool").replace("%1", who)
            if owner.before is None:
                return _tr("%1 claimed the customer for %2").replace("%1", who).replace("%2", str(owner.after))
            return (_tr("%1 handed the customer over from %2 to %3").replace("%1", who)
                    .replace("%2", str(owner.before)).replace("%3", str(owner.after)))
        return _tr("%1 changed %2").replace("%1", who).replace("%2", fields_text(change.changes))
    if change.table == "customer" and change.action == "insert":
        return _tr("%1 created the customer").replace("%1", who)
    if change.table == "customer_share":
        text = _tr("%1 shared the customer with %2") if change.action == "insert" else \
            _tr("%1 stopped sharing the customer with %2")
        return text.replace("%1", who).replace("%2", change.label)
    thing = " ".join(filter(None, (thing_text(change.table), change.label)))
    if change.action == "insert":
        return _tr("%1 added %2").replace("%1", who).replace("%2", thing)
    if change.action == "delete":
        return _tr("%1 removed %2").replace("%1", who).replace("%2", thing)
    return (_tr("%1 changed %2: %3").replace("%1", who).replace("%2", thing)
            .replace("%3", fields_text(change.changes)))
