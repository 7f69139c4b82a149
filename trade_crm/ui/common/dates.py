"""Dates between Python and Qt: the date a person means, as Qt's widgets want it."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate


def qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)
