"""Saving over someone else's newer change: each field both people changed, with "yours" and "theirs".

The domain merged every field only one of them changed and wrote nothing; this dialog lets the person
pick per field, and the caller saves the choices with the record's resolve function (which may find
yet another change and bring the dialog back). Shared by the customer form and the deal editor.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, tzinfo
from decimal import Decimal

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from trade_crm.domain.customers.conflicts import MINE, THEIRS
from trade_crm.domain.errors import EditConflict, FieldConflict


def field_label(conflict: FieldConflict) -> str:
    """The field as the person knows it; a contact's fields say whose they are."""
    tr = QCoreApplication.translate
    names = {
        "name": tr("ConflictDialog", "Name"), "alt_name": tr("ConflictDialog", "Other name"),
        "country": tr("ConflictDialog", "Country"), "city": tr("ConflictDialog", "City"),
        "address": tr("ConflictDialog", "Address"), "website": tr("ConflictDialog", "Website"),
        "industry": tr("ConflictDialog", "Industry"), "products": tr("ConflictDialog", "Products"),
        "company_size": tr("ConflictDialog", "Company size"),
        "preferred_language": tr("ConflictDialog", "Preferred language"),
        "source": tr("ConflictDialog", "Source"), "rating": tr("ConflictDialog", "Rating"),
        "currency": tr("ConflictDialog", "Currency"), "notes": tr("ConflictDialog", "Notes"),
        "follow_up_on": tr("ConflictDialog", "Follow up on"), "lost": tr("ConflictDialog", "Lost"),
        "tags": tr("ConflictDialog", "Tags"), "title": tr("ConflictDialog", "Title"),
        "birthday": tr("ConflictDialog", "Birthday"), "email": tr("ConflictDialog", "Email"),
        "phone": tr("ConflictDialog", "Phone"), "whatsapp": "WhatsApp", "wechat": tr("ConflictDialog", "WeChat"),
        "skype": "Skype", "linkedin": "LinkedIn", "value": tr("ConflictDialog", "Value"),
        "probability": tr("ConflictDialog", "Probability"),
        "expected_close": tr("ConflictDialog", "Expected close"),
    }
    name = conflict.field.removeprefix("custom:") if conflict.field.startswith("custom:") else \
        names.get(conflict.field, conflict.field)
    if conflict.table == "contact":
        return tr("ConflictDialog", "%1 (contact %2)").replace("%1", name).replace("%2", conflict.row_label)
    return name


def value_text(value: object) -> str:
    tr = QCoreApplication.translate
    if value is None or value == "" or value == ():
        return tr("ConflictDialog", "(empty)")
    if isinstance(value, bool):
        return tr("ConflictDialog", "Yes") if value else tr("ConflictDialog", "No")
    if isinstance(value, tuple):
        return ", ".join(str(v) for v in value)
    if isinstance(value, (date, Decimal)):
        return str(value)
    text = str(value)
    return text if len(text) <= 200 else text[:199] + "…"


class ConflictDialog(QDialog):
    """One row per conflicting field: the field, "yours" and "theirs" as radio buttons (yours chosen
    first). `choices(key)` gives each field's pick keyed as the resolve function wants."""

    def __init__(self, conflict: EditConflict, zone: tzinfo, parent: QWidget | None = None):
        super().__init__(parent)
        self.conflict = conflict
        self._zone = zone
        self.setWindowTitle(self.tr("Changed by someone else"))
        intro = QLabel(self.tr(
            "Someone else saved this record after you opened it. What only one of you changed has been "
            "merged. Choose which value to keep where you both changed the same field, then save."))
        intro.setWordWrap(True)
        grid = QGridLayout()
        grid.addWidget(self._bold(self.tr("Field")), 0, 0)
        grid.addWidget(self._bold(self.tr("Yours")), 0, 1)
        grid.addWidget(self._bold(self.tr("Theirs")), 0, 2)
        self.groups: list[tuple[FieldConflict, QButtonGroup]] = []
        self.mine_buttons: list[QRadioButton] = []
        self.theirs_buttons: list[QRadioButton] = []
        top = Qt.AlignmentFlag.AlignTop
        for row, item in enumerate(conflict.conflicts, start=1):
            mine = QRadioButton(value_text(item.mine))
            theirs = QRadioButton(value_text(item.theirs))
            mine.setChecked(True)
            group = QButtonGroup(self)
            group.addButton(mine)
            group.addButton(theirs)
            self.groups.append((item, group))
            self.mine_buttons.append(mine)
            self.theirs_buttons.append(theirs)
            was = self.tr("you started from: %1").replace("%1", value_text(item.base)) if item.base_known else ""
            label = QLabel(field_label(item))
            label.setContentsMargins(0, 3, 0, 0)  # on the line of the values beside it, not the radio's top
            grid.addWidget(label, row, 0, top)
            grid.addWidget(self._choice(mine, was), row, 1, top)
            grid.addWidget(self._choice(theirs, self._who(item)), row, 2, top)
        grid.setHorizontalSpacing(18)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(2, 1)
        grid.setRowStretch(len(conflict.conflicts) + 1, 1)
        body = QWidget()
        body.setLayout(grid)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(scroll, 1)
        layout.addWidget(buttons)
        self.resize(640, min(520, 180 + 56 * len(conflict.conflicts)))

    def _choice(self, button: QRadioButton, note: str) -> QWidget:
        """A value to pick, with a quiet line under it (where it came from)."""
        cell = QWidget()
        layout = QVBoxLayout(cell)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(button)
        if note:
            label = QLabel(note)
            label.setEnabled(False)  # the palette's quiet text
            label.setIndent(24)  # under the value, past the radio circle
            layout.addWidget(label)
        return cell

    def _bold(self, text: str) -> QLabel:
        label = QLabel(text)
        font = label.font()
        font.setBold(True)
        label.setFont(font)
        return label

    def _who(self, item: FieldConflict) -> str:
        when = item.changed_at.astimezone(self._zone).strftime("%Y-%m-%d %H:%M") if isinstance(
            item.changed_at, datetime) else ""
        if item.changed_by and when:
            return self.tr("saved by %1 at %2").replace("%1", item.changed_by).replace("%2", when)
        if item.changed_by:
            return self.tr("saved by %1").replace("%1", item.changed_by)
        if when:
            return self.tr("saved at %1").replace("%1", when)
        return self.tr("saved by someone else")

    def choose_theirs(self, index: int) -> None:
        self.theirs_buttons[index].setChecked(True)

    def choices(self, key: Callable[[FieldConflict], str] = lambda c: c.field) -> dict[str, str]:
        """Each conflicting field's pick, "mine" or "theirs", keyed by `key(conflict)`."""
        return {key(item): THEIRS if group.checkedButton() is self.theirs_buttons[index] else MINE
                for index, (item, group) in enumerate(self.groups)}
