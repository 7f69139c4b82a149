"""Merge customers: pick the one to keep and, field by field, whose value to keep, side by side.

The dialog only decides; whoever opened it performs the merge with `keep_id()`, `other_ids()` and
`choices()` (the main window through its undo stack), so the dialog itself never writes.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QGridLayout,
    QLabel,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from trade_crm.domain.duplicates.merge import COMBINE, MergePlan, plan_merge
from trade_crm.domain.world.countries import country_name
from trade_crm.ui.common.dates import short_date
from trade_crm.ui.common.i18n import country_language, fill, system_language

VALUE_WIDTH = 34  # characters shown of a long value; the tooltip has all of it


class MergeDialog(QDialog):
    """Customers side by side: a Keep choice on top, then one row per field they disagree on."""

    def __init__(self, customer_ids: Sequence[int], parent: QWidget | None = None, *, keep_id: int | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Merge customers"))
        self._ids = list(dict.fromkeys(customer_ids))
        self._language = country_language(system_language(self.locale()))
        self.plan: MergePlan = plan_merge(keep_id or self._ids[0], [i for i in self._ids if i != (keep_id or self._ids[0])])
        intro = QLabel(self.tr("Choose the customer to keep and, for each field that differs, the value to keep. "
                               "Contacts, emails and phones, tags, custom fields, the timeline, orders, "
                               "opportunities and reminders of the others all move to it. You can undo the merge."))
        intro.setWordWrap(True)
        self.grid_widget = QWidget()
        self.grid = QGridLayout(self.grid_widget)
        self.grid.setHorizontalSpacing(18)
        self.grid.setVerticalSpacing(6)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.grid_widget)
        self.moves_label = QLabel()
        self.moves_label.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.merge_button = buttons.addButton(self.tr("Merge"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.moves_label)
        layout.addWidget(buttons)
        self.keep_group = QButtonGroup(self)
        self.keep_group.idClicked.connect(self.on_keep_group_id_clicked)
        self.field_groups: dict[str, QButtonGroup] = {}
        self._build()
        self.resize(min(1100, 260 + 230 * len(self._ids)), min(680, self.grid_widget.sizeHint().height() + 190))

    # --- building ---------------------------------------------------------------------------------

    def field_label(self, field: str) -> str:
        if field.startswith("custom:"):
            return field[7:]
        return {
            "name": self.tr("Company name"), "alt_name": self.tr("Other name"), "country": self.tr("Country"), "city": self.tr("City"),
            "address": self.tr("Address"), "website": self.tr("Website"), "industry": self.tr("Industry"),
            "products": self.tr("Products"), "company_size": self.tr("Company size"),
            "preferred_language": self.tr("Preferred language"), "source": self.tr("Source"),
            "rating": self.tr("Rating"), "currency": self.tr("Currency"), "notes": self.tr("Notes"),
            "follow_up_on": self.tr("Next follow-up"), "lost": self.tr("Lost customer"),
        }.get(field, field)

    def value_text(self, field: str, value: object) -> str:
        if value in (None, ""):
            return ""
        if field == "country":
            return f"{country_name(str(value), self._language)} ({value})"
        if field == "source":
            return {"trade_show": self.tr("Trade show"), "website": self.tr("Website inquiry"),
                    "marketplace": self.tr("Marketplace"), "referral": self.tr("Referral"),
                    "other": self.tr("Other")}.get(str(value), str(value))
        if field == "lost":
            return self.tr("Yes") if value else self.tr("No")
        if isinstance(value, date):
            return short_date(value, self.locale())
        return " ".join(str(value).split())

    def _clear(self) -> None:
        for group in self.field_groups.values():
            group.deleteLater()
        self.field_groups = {}
        for button in self.keep_group.buttons():
            self.keep_group.removeButton(button)
        while self.grid.count():
            item = self.grid.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()

    def _build(self) -> None:
        self._clear()
        column = {cid: index + 1 for index, cid in enumerate(self._ids)}
        names = {c.id: c for c in self.plan.customers}
        corner = QLabel(self.tr("Keep"))
        corner.setFont(self._bold())
        self.grid.addWidget(corner, 0, 0)
        for cid in self._ids:
            button = QRadioButton(fill(self.tr("%1 (#%2)"), names[cid].name, cid))
            button.setFont(self._bold())
            button.setToolTip(names[cid].name)
            button.setChecked(cid == self.plan.keep_id)
            self.keep_group.addButton(button, cid)
            self.grid.addWidget(button, 0, column[cid])
        line = QFrame()
        line.setFrameShape(QFrame.Shape.HLine)
        line.setFrameShadow(QFrame.Shadow.Sunken)
        self.grid.addWidget(line, 1, 0, 1, len(self._ids) + 1)
        row = 2
        if not self.plan.fields:
            same = QLabel(self.tr("These customers agree on every field."))
            same.setForegroundRole(QPalette.ColorRole.PlaceholderText)
            self.grid.addWidget(same, row, 0, 1, len(self._ids) + 1)
            row += 1
        for choice in self.plan.fields:
            self.grid.addWidget(QLabel(self.field_label(choice.field)), row, 0)
            group = QButtonGroup(self)
            self.field_groups[choice.field] = group
            for cid, value in choice.values:
                text = self.value_text(choice.field, value)
                shown = text if len(text) <= VALUE_WIDTH else text[:VALUE_WIDTH - 1] + "…"
                button = QRadioButton(shown or self.tr("(empty)"))
                button.setToolTip(text if text != shown else "")
                if not text:  # "(empty)" is not a value: greyed like a placeholder
                    palette = button.palette()
                    palette.setColor(QPalette.ColorRole.WindowText, palette.color(QPalette.ColorRole.PlaceholderText))
                    button.setPalette(palette)
                button.setProperty("choice", cid)
                button.setChecked(choice.default == cid)
                group.addButton(button)
                self.grid.addWidget(button, row, column[cid])
            if choice.combinable:
                row += 1
                combine = QRadioButton(self.tr("Combine all of them"))
                combine.setProperty("choice", COMBINE)
                combine.setChecked(choice.default == COMBINE)
                group.addButton(combine)
                self.grid.addWidget(combine, row, 1, 1, len(self._ids))
            row += 1
        self.grid.setRowStretch(row, 1)
        self.grid.setColumnStretch(len(self._ids), 1)
        self._show_moves()

    def _bold(self) -> QFont:
        font = QFont(self.font())
        font.setBold(True)
        return font

    def _show_moves(self) -> None:
        totals: dict[str, int] = {}
        for moves in self.plan.moves.values():
            for key, count in moves.items():
                totals[key] = totals.get(key, 0) + count
        parts = {
            "contacts": self.tr("%n contact(s)", "", totals.get("contacts", 0)),
            "interactions": self.tr("%n timeline entry(s)", "", totals.get("interactions", 0)),
            "orders": self.tr("%n order(s)", "", totals.get("orders", 0)),
            "opportunities": self.tr("%n opportunity(s)", "", totals.get("opportunities", 0)),
            "reminders": self.tr("%n reminder(s)", "", totals.get("reminders", 0)),
            "tags": self.tr("%n tag(s)", "", totals.get("tags", 0)),
        }
        moving = [text for key, text in parts.items() if totals.get(key)]
        kept = next(c.name for c in self.plan.customers if c.id == self.plan.keep_id)
        separator = self.tr(", ", "between the items of a list")
        self.moves_label.setText(fill(self.tr("Moves to “%1”: %2."), kept, separator.join(moving))
                                 if moving else fill(self.tr("Nothing else moves to “%1”."), kept))

    # --- choosing ---------------------------------------------------------------------------------

    def on_keep_group_id_clicked(self, customer_id: int) -> None:
        if customer_id != self.plan.keep_id:
            self.set_keep(customer_id)

    def set_keep(self, customer_id: int) -> None:
        """Keep another customer: the defaults follow it (its values first, else the first one given)."""
        self.plan = plan_merge(customer_id, [i for i in self._ids if i != customer_id])
        self._build()

    def choose(self, field: str, choice: int | str) -> None:
        for button in self.field_groups[field].buttons():
            if button.property("choice") == choice:
                button.setChecked(True)

    def keep_id(self) -> int:
        return self.plan.keep_id

    def other_ids(self) -> list[int]:
        return list(self.plan.other_ids)

    def choices(self) -> dict[str, int | str]:
        out: dict[str, int | str] = {}
        for field, group in self.field_groups.items():
            checked = group.checkedButton()
            if checked is not None:
                out[field] = checked.property("choice")
        return out
