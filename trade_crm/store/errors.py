"""The store's one error for a book that cannot be used, whichever engine holds it."""

from __future__ import annotations

from peewee import OperationalError


class DatabaseError(RuntimeError):
    """The book cannot be opened or upgraded; the message says which one and why, in one line."""


class ServerUnreachableError(DatabaseError):
    """The team server cannot be reached at all (refused, timed out, no such host): on a trip, the laptop's
    copy can stand in for it."""


class ServerGoneError(OperationalError):
    """The team server stopped answering in the middle of a statement or a transaction.

    A peewee OperationalError (so a Job reports it as an expected failure), with one line for the user.
    The transaction is gone with the connection (the server rolls back what it had not committed); the
    book reconnects at its next statement outside a transaction.
    """

    def __init__(self, message: str = ""):
        super().__init__(message or SERVER_GONE)


SERVER_GONE = "the team server stopped answering; nothing was saved"


class AccessDenied(DatabaseError):
    """A team server refused this login a write; the message says what, in one line, and `reason` which
    kind of rule: "policy" (row-level security: whose customer it is, the caller may know better), "right"
    (a table this login may not change) or "rule" (a team rule's own words, store/pg_access.py's triggers).
    The transaction it happened in is rolled back."""

    def __init__(self, message: str, reason: str = "rule"):
        super().__init__(message)
        self.reason = reason
