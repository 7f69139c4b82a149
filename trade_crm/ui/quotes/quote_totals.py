"""Words for what the domain worked out: a document's status, a line's warning, the total and the margin."""

from __future__ import annotations

import re
from decimal import Decimal

from PySide6.QtCore import QCoreApplication

from trade_crm.domain.quotes.money import format_amount
from trade_crm.ui.common.i18n import fill


def status_text(status: str) -> str:
    names = {
        "draft": QCoreApplication.translate("QuoteStatus", "draft"),
        "sent": QCoreApplication.translate("QuoteStatus", "sent"),
        "accepted": QCoreApplication.translate("QuoteStatus", "accepted"),
        "rejected": QCoreApplication.translate("QuoteStatus", "rejected"),
        "expired": QCoreApplication.translate("QuoteStatus", "expired"),
        "superseded": QCoreApplication.translate("QuoteStatus", "superseded"),
        "ordered": QCoreApplication.translate("QuoteStatus", "ordered"),
        "issued": QCoreApplication.translate("QuoteStatus", "issued"),
        "cancelled": QCoreApplication.translate("QuoteStatus", "cancelled"),
    }
    return names.get(status, status)


def warning_text(warning, line=None) -> str:
    """A line's warning in the user's language, by its code (the domain's English words for any other)."""
    code = getattr(warning, "code", "")
    if code == "below_moq" and line is not None:
        return fill(QCoreApplication.translate("QuoteWarning", "below the MOQ of %1 %2"), line.moq, line.unit)
    if code == "no_price":
        return QCoreApplication.translate("QuoteWarning", "no price: type a unit price")
    if code == "no_rate":
        return (QCoreApplication.translate("QuoteWarning", "no exchange rate: the margin is unknown")
                if warning.field.endswith(".cost") else
                QCoreApplication.translate("QuoteWarning", "no exchange rate for the product's currency"))
    if code == "no_product":
        return QCoreApplication.translate("QuoteWarning", "the product is no longer in the catalog")
    return re.sub(r"^line \d+: ", "", getattr(warning, "message", None) or str(warning))


def total_text(total: Decimal, currency: str) -> str:
    return fill(QCoreApplication.translate("QuoteTotals", "Total %1 %2"), currency, f"<b>{format_amount(total, currency)}</b>")


def totals_text(totals, currency: str) -> tuple[str, str]:
    """("Total USD 12,345.60", "Margin USD 2,100.00 (17.0%)") as rich text; the margin "—" without costs."""
    total = total_text(totals.total, currency)
    margin = getattr(totals, "margin", None)
    if margin is None:
        return total, QCoreApplication.translate("QuoteTotals", "Margin —")
    percent = getattr(totals, "margin_percent", None)
    if percent is None and totals.total:
        percent = (Decimal(margin) * 100 / Decimal(totals.total)).quantize(Decimal("0.1"))
    text = fill(QCoreApplication.translate("QuoteTotals", "Margin %1 %2"), currency, format_amount(margin, currency))
    if percent is not None:
        text += f" ({Decimal(percent).quantize(Decimal('0.1'))}%)"
    return total, f"<span style='color:#2e7d32'>{text}</span>" if margin >= 0 else \
        f"<span style='color:#c62828'>{text}</span>"
