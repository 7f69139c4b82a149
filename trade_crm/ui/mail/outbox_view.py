"""The outbox: every message queued to go, going, gone or stopped, one row each (recipient, customer, subject,
state — "scheduled for Tue 09:20 (Dubai), 13:20 here", "failed: 550 mailbox unavailable" —, attempts).

Pause, Resume, Edit…, Cancel and Retry act on the selected rows through domain/mail/outbox (each one
transaction; a row whose state does not allow the move is left as it is). "Send now" asks the scheduler glue
(ui/mail/outbox_runner.py) for a run at once.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from trade_crm.domain.clock import Clock
from trade_crm.domain.errors import DomainError
from trade_crm.domain.mail.merge import load_recipients
from trade_crm.domain.mail.outbox import (
    cancel_entries,
    outbox_entries,
    pause_entries,
    resume_entries,
    retry_entries,
)
from trade_crm.domain.mail.outgoing import EDITABLE_STATES, OutboxEntry, OutboxState
from trade_crm.ui.common.tables import row_table
from trade_crm.ui.mail.outbox_edit import OutboxEditDialog
from trade_crm.ui.mail.outbox_text import state_text, zone_of

RECIPIENT, CUSTOMER, SUBJECT, STATE, ATTEMPTS = range(5)
WAITING = (OutboxState.QUEUED, OutboxState.SENDING, OutboxState.PAUSED, OutboxState.FAILED)
FAILED_COLOUR = Qt.GlobalColor.red


class OutboxDialog(QDialog):
    outbox_changed = Signal()  # a row was paused, resumed, edited, cancelled or retried
    send_requested = Signal()  # Send now: run the outbox at once

    def __init__(self, clock: Clock, parent: QWidget | None = None):
        super().__init__(parent)
        self._clock = clock
        self.entries: list[OutboxEntry] = []
        self.edit_dialog: OutboxEditDialog | None = None
        self.setWindowTitle(self.tr("Outbox"))
        self.show_combo = QComboBox()
        self.show_combo.addItem(self.tr("Waiting and failed"), "waiting")
        self.show_combo.addItem(self.tr("Failed"), "failed")
        self.show_combo.addItem(self.tr("Sent"), "sent")
        self.show_combo.addItem(self.tr("All"), "all")
        self.show_combo.currentIndexChanged.connect(self.refresh)
        self.summary_label = QLabel()
        top = QHBoxLayout()
        top.addWidget(self.summary_label, 1)
        top.addWidget(QLabel(self.tr("Show")))
        top.addWidget(self.show_combo)
        self.table = row_table([self.tr("Recipient"), self.tr("Customer"), self.tr("Subject"), self.tr("State"),
                                self.tr("Attempts")], stretch=SUBJECT, fit=(RECIPIENT, CUSTOMER, STATE, ATTEMPTS),
                               multi=True)
        self.table.itemSelectionChanged.connect(self._enable)
        self.table.itemDoubleClicked.connect(lambda _item: self.on_edit_button_clicked())
        self.empty_label = QLabel()
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.pause_button = QPushButton(self.tr("Pause"))
        self.resume_button = QPushButton(self.tr("Resume"))
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.cancel_button = QPushButton(self.tr("Cancel message"))
        self.retry_button = QPushButton(self.tr("Retry"))
        self.send_button = QPushButton(self.tr("Send now"))
        self.send_button.setToolTip(self.tr("Send what is due now instead of waiting for the next run"))
        for button, slot in ((self.pause_button, self.on_pause_button_clicked),
                             (self.resume_button, self.on_resume_button_clicked),
                             (self.edit_button, self.on_edit_button_clicked),
                             (self.cancel_button, self.on_cancel_button_clicked),
                             (self.retry_button, self.on_retry_button_clicked),
                             (self.send_button, self.send_requested.emit)):
            button.clicked.connect(slot)
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        row = QHBoxLayout()
        for button in (self.pause_button, self.resume_button, self.edit_button, self.cancel_button,
                       self.retry_button):
            row.addWidget(button)
        row.addStretch(1)
        row.addWidget(self.send_button)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty_label)
        layout.addLayout(row)
        layout.addWidget(self.status_label)
        layout.addWidget(close)
        self.resize(1080, 480)
        self.refresh()

    def states(self) -> tuple[OutboxState, ...] | None:
        return {"waiting": WAITING, "failed": (OutboxState.FAILED,), "sent": (OutboxState.SENT,),
                "all": None}[self.show_combo.currentData()]

    def refresh(self, *_args) -> None:
        chosen = set(self.selected_ids())
        self.entries = outbox_entries(states=self.states())
        customers = {r.customer_id: r for r in load_recipients({e.customer_id for e in self.entries
                                                                if e.customer_id is not None})}
        now, locale, zone = self._clock.now(), self.locale(), self._clock.zone
        self.table.setRowCount(len(self.entries))
        for row, entry in enumerate(self.entries):
            customer = customers.get(entry.customer_id)
            to = entry.to[0] if entry.to else (entry.recipients[0] if entry.recipients else None)
            who = (f"{to.name} <{to.email}>" if to.name else to.email) if to else ""
            if len(entry.recipients) > 1:
                who += f" (+{len(entry.recipients) - 1})"
            their_zone = zone_of(customer.country) if customer else None
            cells = (who, customer.customer_name if customer else "", entry.subject,
                     state_text(entry, now, their_zone, zone, locale), str(entry.attempts))
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                item.setData(Qt.ItemDataRole.UserRole, entry.id)
                if column == ATTEMPTS:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if column == STATE and entry.state == OutboxState.FAILED:
                    item.setForeground(QBrush(FAILED_COLOUR))
                self.table.setItem(row, column, item)
                if entry.id in chosen:
                    item.setSelected(True)
        self.empty_label.setText(self.tr("Nothing here: messages you write or plan wait here until they go."))
        self.empty_label.setVisible(not self.entries)
        self.table.setVisible(bool(self.entries))
        self.summary_label.setText(self.summary())
        self._enable()

    def summary(self) -> str:
        counts: dict[OutboxState, int] = {}
        for entry in outbox_entries(states=WAITING):
            counts[entry.state] = counts.get(entry.state, 0) + 1
        waiting = counts.get(OutboxState.QUEUED, 0) + counts.get(OutboxState.SENDING, 0)
        parts = [self.tr("%n waiting", "", waiting)]
        if counts.get(OutboxState.PAUSED):
            parts.append(self.tr("%n paused", "", counts[OutboxState.PAUSED]))
        if counts.get(OutboxState.FAILED):
            parts.append(self.tr("%n failed", "", counts[OutboxState.FAILED]))
        return " · ".join(parts)

    def selected_ids(self) -> list[int]:
        model = self.table.selectionModel()
        rows = sorted({index.row() for index in model.selectedRows()}) if model else []
        return [self.entries[row].id for row in rows if row < len(self.entries)]

    def select_ids(self, ids: list[int]) -> None:
        self.table.clearSelection()
        mode = self.table.selectionMode()
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.MultiSelection)
        for row, entry in enumerate(self.entries):
            if entry.id in ids:
                self.table.selectRow(row)
        self.table.setSelectionMode(mode)

    def selected(self) -> list[OutboxEntry]:
        ids = set(self.selected_ids())
        return [e for e in self.entries if e.id in ids]

    def _enable(self) -> None:
        states = {e.state for e in self.selected()}
        self.pause_button.setEnabled(OutboxState.QUEUED in states)
        self.resume_button.setEnabled(OutboxState.PAUSED in states)
        self.edit_button.setEnabled(len(self.selected_ids()) == 1 and bool(states & EDITABLE_STATES))
        self.cancel_button.setEnabled(bool(states & EDITABLE_STATES))
        self.retry_button.setEnabled(OutboxState.FAILED in states)

    def _act(self, move: Callable, done: Callable[[int], str]) -> int:
        ids = self.selected_ids()
        try:
            moved = move(ids, self._clock)
        except DomainError as exc:
            self.status_label.setText(str(exc))
            return 0
        self.status_label.setText(done(moved))
        self.refresh()
        self.outbox_changed.emit()
        return moved

    def on_pause_button_clicked(self) -> int:
        return self._act(pause_entries, lambda n: self.tr("%n message(s) paused: they wait until you resume them.", "", n))

    def on_resume_button_clicked(self) -> int:
        return self._act(resume_entries, lambda n: self.tr("%n message(s) back in the queue.", "", n))

    def on_cancel_button_clicked(self) -> int:
        return self._act(cancel_entries, lambda n: self.tr("%n message(s) cancelled: they will not be sent.", "", n))

    def on_retry_button_clicked(self) -> int:
        moved = self._act(retry_entries, lambda n: self.tr("%n message(s) back in the queue for another try.", "", n))
        if moved:
            self.send_requested.emit()
        return moved

    def on_edit_button_clicked(self) -> OutboxEditDialog | None:
        chosen = [e for e in self.selected() if e.state in EDITABLE_STATES]
        if len(chosen) != 1:
            return None
        entry = chosen[0]
        customers = load_recipients([entry.customer_id]) if entry.customer_id is not None else []
        self.edit_dialog = OutboxEditDialog(entry, self._clock, zone_of(customers[0].country) if customers else None,
                                            self)
        self.edit_dialog.accepted.connect(self.on_edit_dialog_accepted)
        self.edit_dialog.open()
        return self.edit_dialog

    def on_edit_dialog_accepted(self) -> None:
        self.status_label.setText(self.tr("Message saved."))
        self.refresh()
        self.outbox_changed.emit()
