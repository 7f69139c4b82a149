"""Done on a follow-up, in one small step: what happened (a kind and a few words, logged on the
timeline), or "Just done". The next follow-up day then follows the customer's cadence (domain
reminders/complete.py); the dialog says which day that will be."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, QLocale, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from trade_crm.domain.clock import Clock
from trade_crm.domain.reminders.complete import Outcome, next_follow_up_day
from trade_crm.domain.reminders.due import CUSTOMER_FOLLOW_UP
from trade_crm.domain.reminders.records import DueReminder
from trade_crm.ui.common.dates import qdate
from trade_crm.ui.common.i18n import fill
from trade_crm.ui.common.icons import kind_icon

# The kinds a follow-up usually ends in, first the most common; their names are the timeline's.
DONE_KINDS = ("call", "email", "whatsapp", "wechat", "meeting", "visit", "note")


def _kind_name(kind: str) -> str:
    names = {"call": "Call", "email": "Email", "whatsapp": "WhatsApp", "wechat": "WeChat", "meeting": "Meeting",
             "visit": "Visit", "note": "Note"}
    return QCoreApplication.translate("TimelineView", names[kind])


class DoneDialog(QDialog):
    """Asks what happened; `outcome()` is what to log, None for "Just done"."""

    def __init__(self, title: str, next_day: date | None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Done"))
        self._just_done = False
        heading = QLabel(fill(self.tr("<b>%1</b><br>What happened?"), title.replace("<", "&lt;")))
        heading.setWordWrap(True)
        self.kind_combo = QComboBox()
        for kind in DONE_KINDS:
            self.kind_combo.addItem(kind_icon(kind), _kind_name(kind), kind)
        self.summary_edit = QLineEdit()
        self.summary_edit.setPlaceholderText(self.tr("In a few words, e.g. “Price agreed, order next week”"))
        self.summary_edit.setMinimumWidth(320)
        if next_day is None:
            next_text = self.tr("No next follow-up: no keep-in-touch cadence applies.")
        else:
            next_text = fill(self.tr("Next follow-up: %1"), QLocale().toString(qdate(next_day),
                                                                             QLocale.FormatType.LongFormat))
        self.next_label = QLabel(next_text)
        self.next_label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        buttons = QDialogButtonBox()
        self.log_button = buttons.addButton(self.tr("Log and done"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.just_done_button = QPushButton(self.tr("Just done"))
        buttons.addButton(self.just_done_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.log_button.setDefault(True)
        self.log_button.setEnabled(False)
        self.summary_edit.textChanged.connect(lambda text: self.log_button.setEnabled(bool(text.strip())))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.just_done_button.clicked.connect(self.on_just_done_button_clicked)
        row = QHBoxLayout()
        row.addWidget(self.kind_combo)
        row.addWidget(self.summary_edit, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addLayout(row)
        layout.addWidget(self.next_label)
        layout.addWidget(buttons)
        self.summary_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    @classmethod
    def for_reminder(cls, reminder: DueReminder, title: str, clock: Clock, parent: QWidget | None = None
                     ) -> DoneDialog:
        """The dialog for one follow-up reminder (titled as the pane lists it); a customer's follow-up
        says the day it moves to, a quotation chaser leaves the follow-up day alone."""
        own = reminder.key.startswith(CUSTOMER_FOLLOW_UP) and reminder.customer_id is not None
        dialog = cls(title, next_follow_up_day(reminder.customer_id, clock) if own else None, parent)
        dialog.next_label.setVisible(own)
        return dialog

    def on_just_done_button_clicked(self) -> None:
        self._just_done = True
        self.accept()

    def outcome(self) -> Outcome | None:
        if self._just_done or not self.summary_edit.text().strip():
            return None
        return Outcome(self.kind_combo.currentData(), self.summary_edit.text().strip())
