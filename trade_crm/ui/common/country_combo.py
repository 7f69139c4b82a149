"""One searchable country picker for every form: names in the UI language, sorted as people sort
them there (QCollator: pinyin order in Chinese), matched anywhere as the user types ("德国", "many")."""

from __future__ import annotations

from functools import cmp_to_key

from PySide6.QtCore import QCollator, QLocale, Qt
from PySide6.QtWidgets import QComboBox, QCompleter

from trade_crm.domain.world.countries import all_countries
from trade_crm.ui.common.i18n import country_language, system_language


def country_combo(locale: QLocale, placeholder: str) -> QComboBox:
    """An editable combo of (display name, ISO code) with an empty first entry for 'no country'."""
    combo = QComboBox()
    combo.setEditable(True)
    combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
    collator = QCollator(locale)
    language = country_language(system_language(locale))
    rows = sorted(all_countries(language), key=cmp_to_key(lambda a, b: collator.compare(a[1], b[1])))
    combo.addItem("", "")
    for code, name in rows:
        combo.addItem(name, code)
    combo.completer().setFilterMode(Qt.MatchFlag.MatchContains)
    combo.completer().setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
    combo.lineEdit().setPlaceholderText(placeholder)
    return combo
