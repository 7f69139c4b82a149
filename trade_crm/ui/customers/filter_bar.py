"""The customer list's filter controls, and the row of chips that shows (and clears) active filters."""

from __future__ import annotations

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QSpinBox,
    QToolButton,
    QWidget,
)

from trade_crm.domain.customers.query import LIFECYCLES, RATINGS, CustomerFilter
from trade_crm.domain.world.countries import country_name
from trade_crm.ui.common.country_combo import CountryPicker
from trade_crm.ui.common.i18n import country_language, fill
from trade_crm.ui.common.icons import icon
from trade_crm.ui.common.labels import lifecycle_label

FIELDS = ("countries", "tag", "ratings", "tiers", "lifecycles", "follow_up_overdue", "not_contacted_days", "pool")
DEFAULT_STALE_DAYS = 90


def _searchable(combo: QComboBox) -> None:
    """An editable combo that completes on any part of an item and never keeps typed junk."""
    combo.setEditable(True)
    combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
    completer = combo.completer()
    completer.setFilterMode(Qt.MatchFlag.MatchContains)
    completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)

    def on_line_edit_editing_finished() -> None:
        index = combo.findText(combo.currentText(), Qt.MatchFlag.MatchFixedString)
        if index >= 0:
            combo.setCurrentIndex(index)
        else:
            combo.setEditText(combo.itemText(combo.currentIndex()))

    combo.lineEdit().editingFinished.connect(on_line_edit_editing_finished)


class FilterBar(QWidget):
    """Country, tag, rating, stage, "follow-up overdue" and "not contacted for N days"."""

    filter_changed = Signal()

    def __init__(self, language: str = "en", parent: QWidget | None = None):
        super().__init__(parent)
        self._language = country_language(language)
        self._updating = False
        # The one country picker: English, Chinese, own-language names and codes all find a country.
        self.country_combo = CountryPicker(QLocale(), empty_text=self.tr("Any country"), language=self._language,
                                           keep_unknown=False, later=True)  # listed when first used
        self.tag_combo = QComboBox()
        self.set_tags([])
        _searchable(self.tag_combo)
        self.rating_combo = QComboBox()
        self.rating_combo.addItem(self.tr("Any rating"), "")
        for rating in RATINGS:
            self.rating_combo.addItem(rating, rating)
        self.tier_combo = QComboBox()
        self.tier_combo.addItem(self.tr("Any tier"), "")
        for tier in ("A", "B", "C"):
            self.tier_combo.addItem(tier, tier)
        self.tier_combo.addItem(self.tr("No tier"), "-")
        self.stage_combo = QComboBox()
        self.stage_combo.addItem(self.tr("Any stage"), "")
        for stage in LIFECYCLES:
            self.stage_combo.addItem(lifecycle_label(stage), stage)
        self.overdue_check = QCheckBox(self.tr("Follow-up overdue"))
        self.stale_check = QCheckBox(self.tr("Not contacted for"))
        self.stale_spin = QSpinBox()
        self.stale_spin.setRange(1, 3650)
        self.stale_spin.setValue(DEFAULT_STALE_DAYS)
        self.stale_spin.setSuffix(self.tr(" days"))
        # A team server book's public pool (customers nobody owns); hidden on a laptop book, which has no owners.
        self.pool_check = QCheckBox(self.tr("In the public pool"))
        self.pool_check.setToolTip(self.tr("Customers nobody owns: anyone may claim them"))
        self.pool_check.setVisible(False)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        for row, (label, widget) in enumerate(((self.tr("Country"), self.country_combo),
                                               (self.tr("Tag"), self.tag_combo))):
            grid.addWidget(QLabel(label), row, 0)
            grid.addWidget(widget, row, 1)
        rating_row = QHBoxLayout()
        rating_row.addWidget(self.rating_combo)
        rating_row.addWidget(QLabel(self.tr("Tier")))
        rating_row.addWidget(self.tier_combo)
        grid.addWidget(QLabel(self.tr("Rating")), 0, 2)
        grid.addLayout(rating_row, 0, 3)
        grid.addWidget(QLabel(self.tr("Stage")), 1, 2)
        grid.addWidget(self.stage_combo, 1, 3)
        stale = QHBoxLayout()
        stale.addWidget(self.stale_check)
        stale.addWidget(self.stale_spin)
        stale.addStretch(1)
        grid.addWidget(self.overdue_check, 2, 0, 1, 2)
        grid.addLayout(stale, 2, 2, 1, 2)
        grid.addWidget(self.pool_check, 3, 0, 1, 2)
        grid.setColumnStretch(1, 3)
        grid.setColumnStretch(3, 2)
        for combo in (self.country_combo, self.tag_combo, self.rating_combo, self.tier_combo, self.stage_combo):
            combo.currentIndexChanged.connect(self._emit_changed)
        self.overdue_check.toggled.connect(self._emit_changed)
        self.stale_check.toggled.connect(self._emit_changed)
        self.pool_check.toggled.connect(self._emit_changed)
        self.stale_spin.valueChanged.connect(self.on_stale_spin_value_changed)

    def set_tags(self, tags: list[str]) -> None:
        current = self.tag_combo.currentData() or ""
        self._updating = True
        self.tag_combo.clear()
        self.tag_combo.addItem(self.tr("Any tag"), "")
        for tag in tags:
            self.tag_combo.addItem(tag, tag)
        self.tag_combo.setCurrentIndex(max(self.tag_combo.findData(current), 0))
        self._updating = False

    def _emit_changed(self, *_args) -> None:
        if not self._updating:
            self.filter_changed.emit()

    def on_stale_spin_value_changed(self, _value: int) -> None:
        if self.stale_check.isChecked():
            self._emit_changed()

    def apply_to(self, flt: CustomerFilter) -> CustomerFilter:
        """`flt` with this bar's fields set (the search text is the caller's)."""
        def one(combo: QComboBox) -> tuple[str, ...]:
            value = combo.currentData()
            return (value,) if value else ()
        return CustomerFilter(
            text=flt.text, countries=one(self.country_combo), tag=self.tag_combo.currentData() or "",
            ratings=one(self.rating_combo), lifecycles=one(self.stage_combo),
            tiers=tuple("" if t == "-" else t for t in one(self.tier_combo)),
            follow_up_overdue=self.overdue_check.isChecked(),
            not_contacted_days=self.stale_spin.value() if self.stale_check.isChecked() else None,
            pool=self.pool_check.isChecked(),
        )

    def set_filter(self, flt: CustomerFilter) -> None:
        """Show `flt` (e.g. a saved view) in the controls; emits filter_changed once."""
        self._updating = True
        for combo, values in ((self.country_combo, flt.countries), (self.rating_combo, flt.ratings),
                              (self.stage_combo, flt.lifecycles)):
            combo.setCurrentIndex(max(combo.findData(values[0] if values else ""), 0))
        tier = (flt.tiers[0] or "-") if flt.tiers else ""
        self.tier_combo.setCurrentIndex(max(self.tier_combo.findData(tier), 0))
        if flt.tag and self.tag_combo.findData(flt.tag) < 0:
            self.tag_combo.addItem(flt.tag, flt.tag)
        self.tag_combo.setCurrentIndex(max(self.tag_combo.findData(flt.tag), 0))
        self.overdue_check.setChecked(flt.follow_up_overdue)
        self.stale_check.setChecked(flt.not_contacted_days is not None)
        if flt.not_contacted_days is not None:
            self.stale_spin.setValue(flt.not_contacted_days)
        self.pool_check.setChecked(flt.pool)
        self._updating = False
        self.filter_changed.emit()

    def clear_field(self, name: str) -> None:
        self._updating = True
        widgets = {"countries": self.country_combo, "tag": self.tag_combo, "ratings": self.rating_combo,
                   "tiers": self.tier_combo, "lifecycles": self.stage_combo}
        if name in widgets:
            widgets[name].setCurrentIndex(0)
        elif name == "follow_up_overdue":
            self.overdue_check.setChecked(False)
        elif name == "not_contacted_days":
            self.stale_check.setChecked(False)
        elif name == "pool":
            self.pool_check.setChecked(False)
        self._updating = False
        self.filter_changed.emit()

    def chips(self, flt: CustomerFilter) -> list[tuple[str, str]]:
        """(field, label) for each active filter in `flt`, for the chip row."""
        out = []
        if flt.countries:
            out.append(("countries", fill(self.tr("Country: %1"),
                                            ", ".join(country_name(c, self._language) for c in flt.countries))))
        if flt.tag:
            out.append(("tag", fill(self.tr("Tag: %1"), flt.tag)))
        if flt.ratings:
            out.append(("ratings", fill(self.tr("Rating: %1"), ", ".join(flt.ratings))))
        if flt.tiers:
            out.append(("tiers", fill(self.tr("Tier: %1"), ", ".join(t or self.tr("none") for t in flt.tiers))))
        if flt.lifecycles:
            out.append(("lifecycles", fill(self.tr("Stage: %1"), ", ".join(map(lifecycle_label, flt.lifecycles)))))
        if flt.follow_up_overdue:
            out.append(("follow_up_overdue", self.tr("Follow-up overdue")))
        if flt.not_contacted_days is not None:
            out.append(("not_contacted_days", self.tr("Not contacted for %n days", "", flt.not_contacted_days)))
        if flt.pool:
            out.append(("pool", self.tr("In the public pool")))
        return out


class FilterChips(QWidget):
    """One button per active filter (click to clear it), and "Clear all"."""

    chip_cleared = Signal(str)
    all_cleared = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._buttons: list[QToolButton] = []
        self.clear_button = QToolButton()
        self.clear_button.setText(self.tr("Clear all"))
        self.clear_button.setAutoRaise(True)
        self.clear_button.clicked.connect(lambda: self.all_cleared.emit())
        self._layout.addStretch(1)
        self._layout.addWidget(self.clear_button)
        self.setVisible(False)

    def set_chips(self, chips: list[tuple[str, str]]) -> None:
        for button in self._buttons:
            self._layout.removeWidget(button)
            button.hide()
            button.deleteLater()
        self._buttons = []
        for index, (field, label) in enumerate(chips):
            button = QToolButton()
            button.setText(label)
            button.setIcon(icon("clear"))
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            button.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
            button.setToolTip(self.tr("Remove this filter"))
            button.setProperty("filter_field", field)
            button.clicked.connect(lambda _checked=False, f=field: self.chip_cleared.emit(f))
            self._layout.insertWidget(index, button)
            self._buttons.append(button)
        self.setVisible(bool(chips))

    def labels(self) -> list[str]:
        return [button.text() for button in self._buttons]
