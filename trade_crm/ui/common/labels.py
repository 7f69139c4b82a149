"""Translated labels that several UI features show: a lifecycle stage, why two customers look alike.

Their translation contexts ("Lifecycle", "DuplicatesDialog") are those the translations were made in.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from trade_crm.domain.duplicates.scan import Reason
from trade_crm.domain.world.phones import format_phone
from trade_crm.ui.common.i18n import fill


def lifecycle_label(stage: str) -> str:
    labels = {
        "potential": QCoreApplication.translate("Lifecycle", "Potential"),
        "new": QCoreApplication.translate("Lifecycle", "New"),
        "returning": QCoreApplication.translate("Lifecycle", "Returning"),
        "loyal": QCoreApplication.translate("Lifecycle", "Loyal"),
        "dormant": QCoreApplication.translate("Lifecycle", "Dormant"),
        "lost": QCoreApplication.translate("Lifecycle", "Lost"),
    }
    return labels.get(stage, stage)


def reason_text(reason: Reason) -> str:
    if reason.rule == "email":
        return fill(QCoreApplication.translate("DuplicatesDialog", "Same email %1"), reason.value)
    if reason.rule == "phone":
        return fill(QCoreApplication.translate("DuplicatesDialog", "Same phone %1"), format_phone(reason.value))
    if reason.rule == "domain":
        return fill(QCoreApplication.translate("DuplicatesDialog", "Same company domain %1"), reason.value)
    if reason.similarity < 100:
        return fill(QCoreApplication.translate("DuplicatesDialog", "Similar names: %1 (%2%)"),
                    reason.value.replace(" ~ ", " ≈ "), f"{reason.similarity:.0f}")
    return fill(QCoreApplication.translate("DuplicatesDialog", "Same name “%1”"), reason.value)
