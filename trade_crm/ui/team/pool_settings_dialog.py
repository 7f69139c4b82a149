"""A manager's Team › Pool rule…: the public pool's rule on or off, its days, and the claim cap."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from trade_crm.domain.errors import DomainError
from trade_crm.domain.team.pool import MAX_CAP, MAX_DAYS, PoolSettings, save_pool_settings


class PoolSettingsDialog(QDialog):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Public pool rule"))
        settings = PoolSettings.load()
        self.enabled_check = QCheckBox(self.tr("Return customers nobody follows up to the public pool"))
        self.enabled_check.setChecked(settings.enabled)
        self.days_spin = QSpinBox()
        self.days_spin.setRange(1, MAX_DAYS)
        self.days_spin.setValue(settings.days)
        self.days_spin.setSuffix(self.tr(" days"))
        self.cap_spin = QSpinBox()
        self.cap_spin.setRange(0, MAX_CAP)
        self.cap_spin.setValue(settings.claim_cap)
        self.cap_spin.setSuffix(self.tr(" customers"))
        note = QLabel(self.tr("Every day each salesperson's customers without a call, email, meeting or other "
                              "contact for this long (never contacted: created this long ago) go back to the "
                              "pool, each with an entry on its timeline. A customer that changed hands gets "
                              "the full time again."))
        note.setWordWrap(True)
        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #c0392b")
        self.error_label.hide()
        form = QFormLayout()
        form.addRow(self.enabled_check)
        form.addRow(self.tr("Back to the pool after"), self.days_spin)
        form.addRow(self.tr("Claim only while owning fewer than"), self.cap_spin)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)
        self.enabled_check.toggled.connect(self.days_spin.setEnabled)
        self.days_spin.setEnabled(settings.enabled)
        self.setMinimumWidth(460)

    def save(self) -> bool:
        try:
            save_pool_settings(enabled=self.enabled_check.isChecked(), days=self.days_spin.value(),
                               claim_cap=self.cap_spin.value())
        except DomainError as exc:  # the server refused a salesperson, or a value is out of range
            self.error_label.setText(str(exc))
            self.error_label.show()
            return False
        self.accept()
        return True
