"""The reminder part of Settings: keep-in-touch cadences, holiday lead time, own country, tray, and the
curated list of holidays worth a greeting, each with its audience. A page the Settings dialog embeds;
`save()` writes it."""

from __future__ import annotations

import re

from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from trade_crm.domain.errors import ValidationError
from trade_crm.domain.greetings.occasions import (
    default_greeting_rules,
    greeting_audience,
    load_greeting_rules,
    save_greeting_rules,
)
from trade_crm.domain.reminders.settings import (
    CADENCE_KEYS,
    HOLIDAY_LEAD_DAYS,
    HOME_COUNTRY,
    save_reminder_settings,
)
from trade_crm.ui.common.country_combo import CountryPicker
from trade_crm.ui.reminders.text import greeting_label
from trade_crm.ui.reminders.tray import CLOSE_TO_TRAY_KEY

AUDIENCE_COLUMN = 2  # checked: the greeting goes to every customer, not only those in touch
GREETING_ID_ROLE = Qt.ItemDataRole.UserRole  # a row's greeting id; the cell shows its name in the UI language


class ReminderSettingsPage(QWidget):
    settings_saved = Signal()

    def __init__(self, settings: QSettings, parent: QWidget | None = None):
        super().__init__(parent)
        self._settings = settings
        self._rules = load_greeting_rules()
        self.cadence_spins = {}
        form = QFormLayout()
        for rating, key in CADENCE_KEYS.items():
            spin = self._days_spin(key.read(), 3650)
            spin.setSpecialValueText(self.tr("never"))
            self.cadence_spins[rating] = spin
            form.addRow(self.tr("Keep in touch with %1 customers every").replace("%1", rating), spin)
        self.lead_spin = self._days_spin(HOLIDAY_LEAD_DAYS.read(), 60)
        form.addRow(self.tr("Remind me of customers' holidays"), self.lead_spin)
        self.country_picker = CountryPicker(self.locale(), self.tr("Type to search, e.g. China or 中国"))
        self.country_picker.set_code(HOME_COUNTRY.read())
        self.country_picker.setToolTip(self.tr("Its long holidays raise a closure notice 10 days ahead."))
        form.addRow(self.tr("My own country"), self.country_picker)
        self.tray_check = QCheckBox(self.tr("Keep running in the tray when the window is closed"))
        self.tray_check.setChecked(bool(settings.value(CLOSE_TO_TRAY_KEY, True, type=bool)))
        form.addRow("", self.tray_check)
        self.error_label = QLabel()
        self.error_label.setStyleSheet("color: #b00020")
        self.holiday_table = QTableWidget(0, 3)
        self.holiday_table.setHorizontalHeaderLabels([self.tr("Greeting"), self.tr("Holiday names (separated by ;)"),
                                                      self.tr("Also new leads")])
        self.holiday_table.horizontalHeaderItem(AUDIENCE_COLUMN).setToolTip(self.tr(
            "Checked: greet every customer in the country. Unchecked: only customers with a logged contact or a "
            "rating, not leads nobody has spoken to yet."))
        self.holiday_table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.holiday_table.verticalHeader().hide()
        self.add_button = QPushButton(self.tr("Add greeting"))
        self.reset_button = QPushButton(self.tr("Restore the provided list"))
        self.add_button.clicked.connect(self.on_add_button_clicked)
        self.reset_button.clicked.connect(self.on_reset_button_clicked)
        holidays_box = QGroupBox(self.tr("Holidays worth a greeting"))
        box_layout = QVBoxLayout(holidays_box)
        hint = QLabel(self.tr("Names as the holiday calendar gives them in English. Bank holidays and observed days "
                              "are never prompts. Clear a row's names to stop that greeting."))
        hint.setWordWrap(True)
        box_layout.addWidget(hint)
        box_layout.addWidget(self.holiday_table)
        row = QHBoxLayout()
        row.addWidget(self.add_button)
        row.addStretch(1)
        row.addWidget(self.reset_button)
        box_layout.addLayout(row)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(holidays_box, 1)
        layout.addWidget(self.error_label)
        self._fill_holidays()

    def _days_spin(self, value: int, maximum: int) -> QSpinBox:
        spin = QSpinBox()
        spin.setRange(0, maximum)
        spin.setSuffix(self.tr(" days"))
        spin.setValue(value)
        return spin

    def _fill_holidays(self) -> None:
        greetings = self._rules.get("greetings", {})
        self.holiday_table.setRowCount(len(greetings))
        for row, (gid, names) in enumerate(greetings.items()):
            item = QTableWidgetItem(greeting_label(gid))
            item.setData(GREETING_ID_ROLE, gid)
            self.holiday_table.setItem(row, 0, item)
            self.holiday_table.setItem(row, 1, QTableWidgetItem("; ".join(names)))
            self.holiday_table.setItem(row, AUDIENCE_COLUMN, self._audience_item(greeting_audience(self._rules, gid)))

    def on_add_button_clicked(self) -> None:
        row = self.holiday_table.rowCount()
        self.holiday_table.insertRow(row)
        self.holiday_table.setItem(row, 0, QTableWidgetItem(self.tr("New greeting")))
        self.holiday_table.setItem(row, 1, QTableWidgetItem(""))
        self.holiday_table.setItem(row, AUDIENCE_COLUMN, self._audience_item("contacted"))
        self.holiday_table.editItem(self.holiday_table.item(row, 0))

    def on_reset_button_clicked(self) -> None:
        self._rules = default_greeting_rules()
        self._fill_holidays()

    @staticmethod
    def _audience_item(audience: str) -> QTableWidgetItem:
        item = QTableWidgetItem()
        item.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
        item.setCheckState(Qt.CheckState.Checked if audience == "all" else Qt.CheckState.Unchecked)
        return item

    def edited_rules(self) -> dict:
        greetings, audience = {}, {}
        for row in range(self.holiday_table.rowCount()):
            gid = _greeting_id(self.holiday_table.item(row, 0))
            names = [n.strip() for n in (self.holiday_table.item(row, 1).text() if self.holiday_table.item(row, 1)
                                         else "").split(";") if n.strip()]
            if gid and names:
                greetings[gid] = names
                check = self.holiday_table.item(row, AUDIENCE_COLUMN)
                if check is not None and check.checkState() == Qt.CheckState.Checked:
                    audience[gid] = "all"
        return {**self._rules, "greetings": greetings, "audience": audience}

    def save(self) -> bool:
        """Validate and store; False (with the reason shown) when something is not acceptable."""
        try:
            rules = self.edited_rules()
            save_reminder_settings(cadence={r: s.value() for r, s in self.cadence_spins.items()},
                                   holiday_lead_days=self.lead_spin.value(), home_country=self._home_country())
            save_greeting_rules(None if rules == {**default_greeting_rules(), "audience": {}} else rules)
        except ValidationError as exc:
            self.error_label.setText(exc.message)
            return False
        self._settings.setValue(CLOSE_TO_TRAY_KEY, self.tray_check.isChecked())
        self.error_label.clear()
        self.settings_saved.emit()
        return True

    def _home_country(self) -> str:
        """The picked country's code; typed text no country answers to goes as is, for the domain to refuse."""
        code = self.country_picker.code()
        return code if code is not None else self.country_picker.currentText().strip()


def _greeting_id(item: QTableWidgetItem | None) -> str:
    """A row's greeting id: the one it was loaded with, else made from the name typed ("Women's Day")."""
    if item is None:
        return ""
    return item.data(GREETING_ID_ROLE) or re.sub(r"\W+", "_", item.text().strip().casefold()).strip("_")

