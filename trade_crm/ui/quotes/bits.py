"""Small pieces the quotes windows share: a domain error shown under its field, numbers as text and back."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtGui import QBrush, QPalette
from PySide6.QtWidgets import QFormLayout, QVBoxLayout, QWidget

from trade_crm.domain.errors import DomainError, ValidationError
from trade_crm.ui.common.field_errors import FieldError, error_color, with_error

CURRENCIES = ("USD", "EUR", "CNY", "GBP", "JPY", "AUD", "CAD", "CHF", "AED", "SAR", "RUB", "INR", "BRL", "HKD",
              "KWD")


class FieldErrors:
    """Error labels under the fields of one form, by the domain's field name; what names no known field goes to
    the `general` label (at the bottom of the form)."""

    def __init__(self, general: FieldError | None = None):
        self.labels: dict[str, FieldError] = {}
        self.general = general or FieldError()

    def cell(self, key: str, widget: QWidget) -> QWidget:
        self.labels[key] = FieldError()
        return with_error(widget, self.labels[key])

    def clear(self) -> None:
        for label in (*self.labels.values(), self.general):
            label.clear_message()

    def show(self, error: DomainError) -> str:
        """Show `error` where it belongs; returns the key of the field it was shown at ("" for general)."""
        field = getattr(error, "field", "") if isinstance(error, ValidationError) else ""
        message = getattr(error, "message", "") or str(error)
        key = field if field in self.labels else field.split(".")[0].split("[")[0]
        if key in self.labels:
            self.labels[key].show_message(message)
            return key
        self.general.show_message(message)
        return ""

    def shown(self) -> dict[str, str]:
        """The messages on screen, by field (tests and the status line read them)."""
        texts = {key: label.text() for key, label in self.labels.items() if not label.isHidden()}
        if not self.general.isHidden():
            texts[""] = self.general.text()
        return texts


def number_text(value: Decimal | int | None) -> str:
    """A stored quantity or price as a person types it: 1000, 2.5, 0.035 (no exponent, no trailing zeros)."""
    if value is None:
        return ""
    value = Decimal(value)
    text = f"{value:f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text or "0"


def price_text(value: Decimal | None) -> str:
    """A unit price: at least two decimals (2.50, 0.035)."""
    if value is None:
        return ""
    text = number_text(value)
    whole, _, tail = text.partition(".")
    return f"{whole}.{tail.ljust(2, '0')}"


def warning_brush(widget: QWidget) -> QBrush:
    return QBrush(error_color(widget.palette()))


def muted_brush(widget: QWidget) -> QBrush:
    return QBrush(widget.palette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text))


def form_page() -> tuple[QWidget, QFormLayout]:
    """A tab's page holding a form at the top, its rows at their natural heights (a field with its error label
    underneath is not stretched when the dialog is taller)."""
    page = QWidget()
    outer = QVBoxLayout(page)
    form = QFormLayout()
    outer.addLayout(form)
    outer.addStretch(1)
    return page, form
