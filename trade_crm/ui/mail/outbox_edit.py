"""Edit a message that has not gone (queued, paused or failed): its subject, text and send time."""

from __future__ import annotations

from datetime import datetime, timezone, tzinfo

from PySide6.QtCore import QDateTime, QTimeZone
from PySide6.QtWidgets import (
    QCheckBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from trade_crm.domain.clock import Clock
from trade_crm.domain.errors import DomainError
from trade_crm.domain.mail.outbox import edit_entry
from trade_crm.domain.mail.outgoing import OutboxEntry
from trade_crm.ui.common.dates import date_format
from trade_crm.ui.common.i18n import fill
from trade_crm.ui.mail.compose_drafts import simple_html
from trade_crm.ui.mail.outbox_text import when_text


class OutboxEditDialog(QDialog):
    def __init__(self, entry: OutboxEntry, clock: Clock, their_zone: tzinfo | None, parent: QWidget | None = None):
        super().__init__(parent)
        self._entry, self._clock, self._their_zone = entry, clock, their_zone
        self.saved: OutboxEntry | None = None
        self.setWindowTitle(self.tr("Edit message"))
        self.subject_edit = QLineEdit(entry.subject)
        self.text_edit = QPlainTextEdit(entry.text)
        self.asap_check = QCheckBox(self.tr("As soon as the account's pace allows"))
        self.time_edit = QDateTimeEdit()
        self.time_edit.setCalendarPopup(True)
        self.time_edit.setDisplayFormat(f"{date_format(self.locale())} HH:mm")
        self.time_edit.setTimeZone(QTimeZone(getattr(clock.zone, "key", "UTC").encode()))
        start = entry.send_at or clock.now()
        self.time_edit.setDateTime(QDateTime.fromSecsSinceEpoch(int(start.timestamp()), self.time_edit.timeZone()))
        self.asap_check.setChecked(entry.send_at is None)
        self.time_edit.setEnabled(entry.send_at is not None)
        self.asap_check.toggled.connect(lambda on: self.time_edit.setEnabled(not on))
        self.time_edit.dateTimeChanged.connect(self.show_their_time)
        self.their_time = QLabel()
        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #b3261e;")
        form = QFormLayout()
        to = ", ".join(a.email for a in entry.recipients)
        form.addRow(self.tr("To"), QLabel(to))
        form.addRow(self.tr("Subject"), self.subject_edit)
        form.addRow(self.tr("Send at"), self.time_edit)
        form.addRow("", self.their_time)
        form.addRow("", self.asap_check)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.text_edit, 1)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)
        self.resize(640, 480)
        self.show_their_time()

    def send_at(self) -> datetime | None:
        if self.asap_check.isChecked():
            return None
        return datetime.fromtimestamp(self.time_edit.dateTime().toSecsSinceEpoch(), timezone.utc)

    def show_their_time(self, *_args) -> None:
        moment = self.send_at()
        self.their_time.setText(fill(self.tr("That is %1."), when_text(moment, self._their_zone, self._clock.zone,
                                                                        self.locale())) if moment else "")

    def accept(self) -> None:
        text = self.text_edit.toPlainText()
        # An HTML version follows the edited text (made again from it, as compose makes one).
        html = simple_html(text) if self._entry.html and text != self._entry.text else None
        try:
            self.saved = edit_entry(self._entry.id, self._clock, subject=self.subject_edit.text(), text=text,
                                    html=html, send_at=self.send_at())
        except DomainError as exc:
            self.error_label.setText(getattr(exc, "message", "") or str(exc))
            return
        super().accept()
