"""The store's one error for a book that cannot be used, whichever engine holds it."""

from __future__ import annotations


class DatabaseError(RuntimeError):
    """The book cannot be opened or upgraded; the message says which one and why, in one line."""


class AccessDenied(DatabaseError):
    """A team server refused this login a write (row-level security, a missing right, a team rule of
    store/pg_access.py); the message says what, in one line. The transaction it happened in is rolled back."""
