"""The store's one error for a book that cannot be used, whichever engine holds it."""

from __future__ import annotations


class DatabaseError(RuntimeError):
    """The book cannot be opened or upgraded; the message says which one and why, in one line."""
