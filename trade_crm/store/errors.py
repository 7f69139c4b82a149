"""The store's one error for a book that cannot be used, whichever engine holds it."""

from __future__ import annotations


class DatabaseError(RuntimeError):
    """The book cannot be opened or upgraded; the message says which one and why, in one line."""


class AccessDenied(DatabaseError):
    """A team server refused this login a write; the message says what, in one line, and `reason` which
    kind of rule: "policy" (row-level security: whose customer it is, the caller may know better), "right"
    (a table this login may not change) or "rule" (a team rule's own words, store/pg_access.py's triggers).
    The transaction it happened in is rolled back."""

    def __init__(self, message: str, reason: str = "rule"):
        super().__init__(message)
        self.reason = reason
