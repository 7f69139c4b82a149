"""Typed errors the UI and the CLI can show next to a field or as one actionable line."""

from __future__ import annotations


class DomainError(Exception):
    """Base of every error a person can act on."""


class ValidationError(DomainError):
    """A value the user gave is not acceptable; `field` names where, `message` says why."""

    def __init__(self, field: str, message: str):
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = message


class NotFoundError(DomainError):
    def __init__(self, what: str, ident: object):
        super().__init__(f"no {what} with id {ident}")
        self.what = what
        self.ident = ident
