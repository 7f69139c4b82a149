"""Who may do what with a customer on a team server, sharing it, and the server's refusals in one line.

The rules are the database's (store/pg_access.py: row-level security and triggers); this module asks the
server what they say about one customer, turns a refusal into an `AccessDenied` that names the owner, and
writes shares. On a laptop book everything is the one user's: no owners, no shares.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from trade_crm.domain.errors import DomainError, NotFoundError, ValidationError
from trade_crm.domain.team.people import require_person
from trade_crm.store import errors as store_errors
from trade_crm.store.models import Customer, CustomerShare, database

LEVELS = {3: "own", 2: "shared", 1: "pool", 0: "none"}


class AccessDenied(DomainError):
    """The server refused a write; the message says whose customer it is and what to ask for."""

    def __init__(self, message: str, customer_id: int | None = None, owner: str | None = None):
        super().__init__(message)
        self.customer_id = customer_id
        self.owner = owner


@dataclass(frozen=True)
class Access:
    """What the connected person may do with one customer: `level` is own, shared, pool, none or manager."""

    customer_id: int
    owner: str | None
    level: str

    @property
    def may_edit(self) -> bool:
        return self.level in ("own", "shared", "manager")


@dataclass(frozen=True)
class Share:
    customer_id: int
    person: str
    shared: bool  # False: the share was removed (or was not there)


def on_server() -> bool:
    return getattr(database.obj, "engine", "sqlite") == "postgresql"


def me() -> str | None:
    """The login the book is open as; None on a laptop book."""
    return database.execute_sql("SELECT current_user").fetchone()[0] if on_server() else None


def is_manager() -> bool:
    """A manager (or the owner, or the only user of a laptop book) may do everything."""
    if not on_server():
        return True
    return bool(database.execute_sql("SELECT NOT team_restricted()").fetchone()[0])


def access_to(customer_id: int) -> Access:
    """The connected person's rights on one customer (the server's own function decides, as its policies do)."""
    if not on_server():
        if not Customer.select().where(Customer.id == customer_id).exists():
            raise NotFoundError("customer", customer_id)
        return Access(customer_id, None, "own")
    row = database.execute_sql("SELECT team_owner_of(?), team_access(?, current_user), NOT team_restricted()",
                               (customer_id, customer_id)).fetchone()
    owner, level, manager = row
    if level is None:
        raise NotFoundError("customer", customer_id)
    return Access(customer_id, owner, "manager" if manager else LEVELS[level])


def refusal(customer_id: int, doing: str = "change") -> AccessDenied:
    """An AccessDenied naming who holds the customer: "customer 12 belongs to ann: ask ann or a manager"."""
    try:
        access = access_to(customer_id)
    except NotFoundError:
        return AccessDenied(f"no customer with id {customer_id}", customer_id)
    if access.level == "pool":
        return AccessDenied(f"customer {customer_id} is in the pool: claim it before you {doing} it",
                            customer_id, None)
    return AccessDenied(f"customer {customer_id} belongs to {access.owner}: ask {access.owner} to share it with "
                        f"you, or a manager to hand it over", customer_id, access.owner)


@contextmanager
def refusals_named(customer_id: int, doing: str = "change") -> Iterator[None]:
    """Run a write; a refusal by the server becomes one AccessDenied line naming the customer's owner."""
    try:
        yield
    except store_errors.AccessDenied as exc:
        if exc.reason == "policy":  # the server knows the row was not ours; say whose customer it is
            raise refusal(customer_id, doing) from None
        raise AccessDenied(str(exc), customer_id) from None


def require_edit(customer_id: int, doing: str = "change") -> None:
    """Refuse before writing when the server would: the same rule, a clearer line than a rolled-back write."""
    if not access_to(customer_id).may_edit:
        raise refusal(customer_id, doing)


def shared_with(customer_id: int) -> tuple[str, ...]:
    return tuple(s.person for s in CustomerShare.select(CustomerShare.person)
                 .where(CustomerShare.customer == customer_id).order_by(CustomerShare.person))


def _server_only(what: str) -> None:
    if not on_server():
        raise ValidationError("book", f"{what} needs a book on a team server (a laptop book has one user)")


def share(customer_id: int, person: str) -> Share:
    """Share a customer with another salesperson: they see and edit it; it stays its owner's."""
    _server_only("sharing")
    person = require_person(person)
    access = access_to(customer_id)
    if access.level in ("none", "pool"):
        raise refusal(customer_id, "share")
    if access.owner == person:
        raise ValidationError("person", f"customer {customer_id} is {person}'s own")
    with database.atomic(), refusals_named(customer_id, "share"):
        if access.level not in ("own", "manager"):
            raise AccessDenied(f"only the customer's owner ({access.owner or 'nobody: it is in the pool'}) or a "
                               f"manager may share customer {customer_id}", customer_id, access.owner)
        CustomerShare.insert(customer=customer_id, person=person).on_conflict_ignore().execute()
    return Share(customer_id, person, True)


def unshare(customer_id: int, person: str) -> Share:
    _server_only("sharing")
    access = access_to(customer_id)
    with database.atomic(), refusals_named(customer_id, "unshare"):
        if access.level not in ("own", "manager"):
            raise AccessDenied(f"only the customer's owner ({access.owner}) or a manager may stop sharing "
                               f"customer {customer_id}", customer_id, access.owner)
        CustomerShare.delete().where(CustomerShare.customer == customer_id,
                                     CustomerShare.person == person).execute()
    return Share(customer_id, person, False)
