"""The one country picker of every form (customer dialog, import wizard, settings, the list's filter).

Names show in the UI language, sorted as people sort them there (QCollator: pinyin order in Chinese).
Typing completes on any name a country answers to — its English and Chinese names, its own name
("Deutschland", "Ελλάδα"; added on first focus, as reading CLDR takes ~0.4 s once), its ISO codes —
anywhere in the name and with or without accents, so
"Germ", "德国", "Deutschland" and "DE" all offer Germany in either UI language. Enter (in the popup or
the field) picks; it is never passed on to the dialog, so it never saves a form by accident. A name
typed in full and left ("Osterreich", "中国") is resolved through the domain's lookup.
"""

from __future__ import annotations

from functools import cmp_to_key

from PySide6.QtCore import QCollator, QEvent, QLocale, QModelIndex, QObject, Qt
from PySide6.QtGui import QFocusEvent, QKeyEvent, QWheelEvent
from PySide6.QtWidgets import QComboBox, QCompleter, QWidget

from trade_crm.domain.world.countries import (
    UnknownCountryError,
    country_choices,
    country_own_names,
    fold_country,
    normalize_country,
)
from trade_crm.ui.common.i18n import country_language, system_language

ALIAS_ROLE = Qt.ItemDataRole.UserRole + 1  # every text a row answers to, for the completer to match
_FIRST_USE = (QEvent.Type.FocusIn, QEvent.Type.KeyPress, QEvent.Type.InputMethod)


class _AliasCompleter(QCompleter):
    """Matches on the alias role but writes the country's display name into the field."""

    def pathFromIndex(self, index: QModelIndex) -> str:  # noqa: N802 (Qt override)
        return str(index.data(Qt.ItemDataRole.DisplayRole) or "")


class CountryPicker(QComboBox):
    """An editable combo of (display name, ISO code); the first entry ("" or `empty_text`) means none."""

    def __init__(self, locale: QLocale, placeholder: str = "", *, empty_text: str = "", language: str | None = None,
                 keep_unknown: bool = True, later: bool = False, parent: QWidget | None = None):
        """`keep_unknown`: typed text no country answers to stays for the form to refuse; False (a filter)
        puts the chosen entry back instead. `later`: the countries are listed when the picker is first used
        (focus, a key, its list opened, a code set or read): the main window's filter bar, so listing 250
        countries with their aliases (~9 ms) is not part of the window's start; who reads the combo's items
        directly calls `fill()` first."""
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.empty_text, self.keep_unknown = empty_text, keep_unknown
        self._locale, self._language = locale, language
        self.addItem(empty_text, "")
        self._filled = False
        if not later:
            self.fill()
        self._own_names_added = False
        completer = _AliasCompleter(self)
        completer.setModel(self.model())
        completer.setCompletionRole(ALIAS_ROLE)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        completer.setMaxVisibleItems(12)
        self.setCompleter(completer)
        if placeholder:
            self.lineEdit().setPlaceholderText(placeholder)
        self.lineEdit().editingFinished.connect(self.on_line_edit_editing_finished)
        self.lineEdit().installEventFilter(self)

    def fill(self) -> None:
        """List the countries, in the UI language's order (once)."""
        if self._filled:
            return
        self._filled = True
        collator = QCollator(self._locale)
        choices = sorted(country_choices(self._language or country_language(system_language(self._locale))),
                         key=cmp_to_key(lambda a, b: collator.compare(a.name, b.name)))
        for row, choice in enumerate(choices, start=1):
            self.addItem(choice.name, choice.code)
            self._set_aliases(row, choice.aliases)

    def findData(self, data, role: int = Qt.ItemDataRole.UserRole, flags=Qt.MatchFlag.MatchExactly) -> int:  # noqa: N802
        """As QComboBox's, over the countries (listed first if they were not yet): a saved view or a form looks one
        up by its code."""
        self.fill()
        return super().findData(data, role, flags)

    def showPopup(self) -> None:  # noqa: N802 (Qt override)
        self.fill()
        super().showPopup()

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802 (Qt override): the wheel steps through them
        self.fill()
        super().wheelEvent(event)

    def _set_aliases(self, row: int, aliases) -> None:
        folded = {fold_country(alias) for alias in aliases}
        self.setItemData(row, "\n".join(dict.fromkeys([*aliases, *folded])), ALIAS_ROLE)

    def add_own_names(self) -> None:
        """Let the completer match each country's own name too ("Deutschland"); done on first focus,
        because reading them from CLDR takes a moment that building a form should not."""
        if self._own_names_added:
            return
        self.fill()
        self._own_names_added = True
        own = country_own_names()
        for row in range(1, self.count()):
            names = own.get(self.itemData(row), ())
            if names:
                aliases = str(self.itemData(row, ALIAS_ROLE) or "").split("\n")
                self._set_aliases(row, [*aliases, *names])

    def focusInEvent(self, event: QFocusEvent) -> None:  # noqa: N802 (Qt override)
        self.add_own_names()
        super().focusInEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if not self._own_names_added and event.type() in _FIRST_USE:  # before the key reaches the completer
            self.add_own_names()
        return super().eventFilter(watched, event)

    # --- what the forms read and set --------------------------------------------------------------

    def code(self) -> str | None:
        """The chosen country's code; "" for none; None when the typed text names no country."""
        self.fill()
        text = self.currentText().strip()
        if not text or text == self.empty_text:
            return ""
        index = self.findText(text, Qt.MatchFlag.MatchFixedString)
        if index >= 0:
            return self.itemData(index) or ""
        try:
            return normalize_country(text) or ""
        except UnknownCountryError:
            return None

    def set_code(self, code: str | None) -> None:
        index = self.findData((code or "").strip().upper())
        self.setCurrentIndex(max(index, 0))
        self.setEditText(self.itemText(max(index, 0)))

    def commit(self) -> None:
        """Turn what was typed into the entry it names (any language or code); leave unknown text as typed."""
        code = self.code()
        index = self.findData(code) if code is not None else -1
        if index < 0:
            if not self.keep_unknown:
                self.setEditText(self.itemText(self.currentIndex()))
            return
        if index != self.currentIndex():
            self.setCurrentIndex(index)
        if self.currentText() != self.itemText(index):
            self.setEditText(self.itemText(index))

    # --- Enter picks, never saves -----------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt override)
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            popup = self.completer().popup()
            if popup.isVisible():
                index = popup.currentIndex()
                popup.hide()
                if index.isValid():
                    self.setEditText(self.completer().pathFromIndex(index))
            self.commit()
            event.accept()  # not passed on: the dialog's default button is not pressed
            return
        super().keyPressEvent(event)

    def on_line_edit_editing_finished(self) -> None:
        self.commit()


def country_combo(locale: QLocale, placeholder: str) -> CountryPicker:
    """The picker with an empty first entry for 'no country' (the customer dialog, the import wizard)."""
    return CountryPicker(locale, placeholder)
