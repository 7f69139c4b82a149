"""Handover: a manager gives all customers of one person (or a chosen set) to another, in one transaction.

Customer resources must not leave with the salesperson who resigns (issue #18): the owner changes on
every customer at once, each gets a "handover" entry on its timeline, or nothing changes at all. The
work is set-based (one UPDATE … RETURNING, then the entries in multi-row INSERTs), so 10,000 customers
take a second or two, not 10,000 saves.

Who may do it is the database's to decide (row-level security: handover is a manager's right); the
checks here only turn its refusal, and the usual mistakes, into one clear line. A laptop book has one
user and no owners: there is nothing to hand over.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime

from peewee import Database, PeeweeException

from trade_crm.domain.errors import DomainError, ValidationError
from trade_crm.store import pg_team
from trade_crm.store.errors import DatabaseError
from trade_crm.store.models import Interaction, database

KIND = "handover"  # the timeline entry of every change of owner (handover, claim, return to the pool)
CHUNK = 1000  # rows a multi-row INSERT writes, ids an IN (…) holds: well under any parameter limit


class TeamError(DomainError):
    """A team-mode action that cannot be done here, or that the server refused; the message says why."""


@dataclass(frozen=True)
class HandoverSummary:
    from_person: str
    to_person: str
    by: str
    at: datetime
    count: int
    customer_ids: tuple[int, ...]


def require_server(db: Database, what: str) -> None:
    if not pg_team.is_server(db):
        raise TeamError(f"{what} needs a book on a team server: a book on this computer has one user and "
                        "no owners (open one with --db postgresql://user@host/book)")


@dataclass(frozen=True)
class Holder:
    name: str  # their login on the server
    customers: int  # how many they own
    has_login: bool  # False: one who left, whose customers still name them


def bound_book() -> Database:
    """The book the app has open (the UI hands it to the functions here; it never holds the store itself)."""
    return database.obj


def team_mode(db: Database | None = None) -> bool:
    """The book (default: the open one) is on a team server, where customers have owners."""
    return pg_team.is_server(db if db is not None else database.obj)


def holders(db: Database) -> list[Holder]:
    """Everyone who owns customers or may own them (the people's logins), by name: whom to hand over from or
    to. One who left and whose login was dropped still owns their customers, so is listed too."""
    require_server(db, "team mode")
    owned = dict(db.execute_sql("SELECT owner, count(*) FROM customer WHERE owner IS NOT NULL GROUP BY owner"))
    logins = set(pg_team.people_logins(db))
    return [Holder(name, owned.get(name, 0), name in logins) for name in sorted(logins | set(owned))]


def acting_person(db: Database) -> str:
    """The person this server connection acts as (their login); a laptop book has none."""
    require_server(db, "team mode")
    return pg_team.current_login(db)


def manages(db: Database) -> bool:
    """The connected person is a manager (handover, everyone's customers); False on a laptop book."""
    return pg_team.is_server(db) and pg_team.is_manager(db)


def stamp(instant: datetime) -> str:
    """An instant as the book stores it (UTC text)."""
    if instant.tzinfo is None:
        raise ValidationError("now", "a time needs its time zone")
    return Interaction.occurred_at.db_value(instant)


def chunks(values: Sequence, size: int = CHUNK) -> Iterable[Sequence]:
    for start in range(0, len(values), size):
        yield values[start:start + size]


def add_entries(db: Database, customer_ids: Sequence[int], summaries: Sequence[str] | str, now: datetime) -> None:
    """One timeline entry of the KIND on each customer (a summary each, or one for all), in multi-row INSERTs."""
    at = stamp(now)
    texts = [summaries] * len(customer_ids) if isinstance(summaries, str) else list(summaries)
    rows = list(zip(customer_ids, texts, strict=True))
    for part in chunks(rows):
        values = ", ".join(["(?, ?, ?, ?, '', ?)"] * len(part))
        params = [value for customer_id, text in part for value in (customer_id, KIND, at, text, at)]
        db.execute_sql("INSERT INTO interaction (customer_id, kind, occurred_at, summary, body, created_at) "
                       f"VALUES {values}", params)


def refused(exc: BaseException) -> bool:
    """The server refused a write under its rules (a row-level security policy, a missing grant)."""
    return pg_team.is_refusal(exc)


@contextmanager
def server_refusal(message: str) -> Iterator[None]:
    """Around a team write: the server's refusal (its rules, a missing right) as one TeamError line, saying
    `message` (or the server's own words, where its rules gave some) and that nothing was changed; the
    transaction inside has rolled back."""
    try:
        yield
    except PeeweeException as exc:
        if refused(exc):
            raise TeamError(message) from None
        raise
    except DatabaseError as exc:  # a refusal the engine put in its own words already (a team rule's)
        raise TeamError(f"{exc}; nothing was changed") from None


def person_name(value: str, field: str) -> str:
    name = (value or "").strip()
    if not name:
        raise ValidationError(field, "name a person (their login on the server)")
    return name


def check_people(db: Database, from_person: str, to_person: str) -> None:
    if from_person == to_person:
        raise ValidationError("to", f"{to_person} already owns {from_person}'s customers; choose another person")
    if not pg_team.login_exists(db, to_person):
        raise ValidationError("to", f"there is no person {to_person} on this server")
    # One who left may have lost their login already: their customers still name them.
    if not pg_team.login_exists(db, from_person) and not db.execute_sql(
            "SELECT EXISTS (SELECT 1 FROM customer WHERE owner = ?)", (from_person,)).fetchone()[0]:
        raise ValidationError("from", f"there is no person {from_person} on this server, and no customer is theirs")


def hand_over(db: Database, from_person: str, to_person: str, *, customer_ids: Iterable[int] | None = None,
              by: str, now: datetime) -> HandoverSummary:
    """Give every customer of `from_person` (or only `customer_ids`, which must all be theirs) to
    `to_person`, with an entry on each timeline; one transaction: all of them or none."""
    require_server(db, "handing customers over")
    from_person, to_person = person_name(from_person, "from"), person_name(to_person, "to")
    chosen = None if customer_ids is None else sorted(set(customer_ids))
    if chosen is not None and not chosen:
        raise ValidationError("customers", "choose at least one customer to hand over")
    at = stamp(now)
    check_people(db, from_person, to_person)
    login = pg_team.current_login(db)
    if not pg_team.is_manager(db):
        raise TeamError(f"only a manager may hand customers over, and {login} is not one")
    with server_refusal(f"the server refused: only a manager may hand customers over ({login} may not); "
                        "nothing was handed over"):
        with db.atomic("IMMEDIATE"):
            moved = _move(db, from_person, to_person, chosen, at)
            if chosen is not None and len(moved) != len(chosen):
                missing = sorted(set(chosen) - set(moved))
                shown = ", ".join(map(str, missing[:10])) + (" …" if len(missing) > 10 else "")
                raise ValidationError("customers", f"not customers of {from_person} (or not found): {shown}; "
                                                   "nothing was handed over")
            add_entries(db, moved, f"Handed over from {from_person} to {to_person} by {by}", now)
    return HandoverSummary(from_person, to_person, by, now, len(moved), tuple(moved))


def _move(db: Database, from_person: str, to_person: str, chosen: list[int] | None, at: str) -> list[int]:
    """The new owner on every customer of `from_person` (of those chosen): their ids, ascending."""
    update = "UPDATE customer SET owner = ?, version = version + 1, updated_at = ? WHERE owner = ?"
    if chosen is None:
        return sorted(i for (i,) in db.execute_sql(update + " RETURNING id", (to_person, at, from_person)))
    moved: list[int] = []
    for part in chunks(chosen):
        marks = ", ".join("?" * len(part))
        moved += [i for (i,) in db.execute_sql(f"{update} AND id IN ({marks}) RETURNING id",
                                               (to_person, at, from_person, *part))]
    return sorted(moved)
