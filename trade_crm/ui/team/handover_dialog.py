"""A manager's "Hand over…": choose whose customers go to whom, see how many, confirm, done in one transaction."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from trade_crm.domain.clock import Clock
from trade_crm.domain.errors import DomainError
from trade_crm.domain.team.handover import (
    HandoverSummary,
    Holder,
    acting_person,
    bound_book,
    hand_over,
    holders,
)
from trade_crm.ui.common.i18n import fill


class HandoverDialog(QDialog):
    """From (everyone who owns customers, also one who left) and To (everyone with a login); the count of
    customers that will move, and a confirmation before anything moves."""

    handed_over = Signal(object)  # HandoverSummary

    def __init__(self, clock: Clock, parent: QWidget | None = None, *, from_person: str | None = None,
                 confirm: bool = True):
        super().__init__(parent)
        self._clock, self._confirm = clock, confirm
        self.summary: HandoverSummary | None = None
        self.setWindowTitle(self.tr("Hand over customers"))
        self._people: list[Holder] = holders(bound_book())
        self.from_combo = QComboBox()
        self.to_combo = QComboBox()
        for person in self._people:
            if person.customers:
                text = (fill(self.tr("%1 (%n customer(s))", "", person.customers), person.name) if person.has_login
                        else fill(self.tr("%1 (%n customer(s), no login: left)", "", person.customers),
                                  person.name))
                self.from_combo.addItem(text, person.name)
            if person.has_login:
                self.to_combo.addItem(person.name, person.name)
        if from_person is not None:
            self.from_combo.setCurrentIndex(max(self.from_combo.findData(from_person), 0))
        intro = QLabel(self.tr("Every customer of one person goes to another, each with an entry on its "
                               "timeline. Use it when someone leaves or changes territory."))
        intro.setWordWrap(True)
        self.count_label = QLabel()
        self.count_label.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("From"), self.from_combo)
        form.addRow(self.tr("To"), self.to_combo)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.addButton(self.tr("Hand over"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self.on_buttons_accepted)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.count_label)
        layout.addWidget(self.buttons)
        self.from_combo.currentIndexChanged.connect(self.update_count)
        self.to_combo.currentIndexChanged.connect(self.update_count)
        self.update_count()
        self.setMinimumWidth(420)

    def count(self) -> int:
        name = self.from_combo.currentData()
        return next((p.customers for p in self._people if p.name == name), 0)

    def update_count(self) -> None:
        giver, taker = self.from_combo.currentData(), self.to_combo.currentData()
        if giver is None:
            text, ok = self.tr("Nobody owns customers yet."), False
        elif taker is None or giver == taker:
            text, ok = self.tr("Choose someone else to take them over."), False
        else:
            text = fill(self.tr("%n customer(s) of %1 will belong to %2.", "", self.count()), giver, taker)
            ok = True
        self.count_label.setText(text)
        self.ok_button.setEnabled(ok)

    def question(self) -> str:
        return fill(self.tr("Hand over all %n customer(s) of %1 to %2?\n\n%2 becomes their owner and %1 no "
                            "longer sees them.", "", self.count()), self.from_combo.currentData(),
                    self.to_combo.currentData())

    def on_buttons_accepted(self) -> None:
        if self._confirm and QMessageBox.question(self, self.windowTitle(), self.question()) \
                != QMessageBox.StandardButton.Yes:
            return
        self.hand_over()

    def hand_over(self) -> HandoverSummary | None:
        """Do it (one transaction); on success close, on a refusal say why and stay open."""
        self.setCursor(Qt.CursorShape.WaitCursor)
        try:
            db = bound_book()
            self.summary = hand_over(db, self.from_combo.currentData(), self.to_combo.currentData(),
                                     by=acting_person(db), now=self._clock.now())
        except DomainError as exc:
            QMessageBox.warning(self, self.windowTitle(), str(exc))
            return None
        finally:
            self.unsetCursor()
        self.handed_over.emit(self.summary)
        self.accept()
        return self.summary
