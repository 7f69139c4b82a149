"""Installing the translators: ours (resources/translations/trade_crm_<lang>.qm) and Qt's own.

The language is "en" or "zh_CN"; the setting may also say "system", which follows the system
locale (any Chinese locale picks Simplified Chinese, anything else English).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from trade_crm.resources import resource_path

LANGUAGES = ("en", "zh_CN")
SYSTEM = "system"


def fill(text: str, *values: object) -> str:
    """Put `values` into a translated text's %1, %2, ... (PySide's tr() returns a str, without .arg)."""
    for number in range(len(values), 0, -1):
        text = text.replace(f"%{number}", str(values[number - 1]))
    return text


def system_language(locale: QLocale | None = None) -> str:
    locale = locale or QLocale.system()
    return "zh_CN" if locale.language() == QLocale.Language.Chinese else "en"


def resolve_language(setting: str | None, locale: QLocale | None = None) -> str:
    """The language to show for a setting value: "en", "zh_CN", or the system's for "system"/unknown."""
    if setting in LANGUAGES:
        return setting
    return system_language(locale)


def country_language(language: str) -> str:
    """The `language` argument of domain.countries.country_name for a UI language."""
    return "zh" if language.startswith("zh") else "en"


def locale_for(language: str, system: QLocale | None = None) -> QLocale:
    """The system locale when it speaks `language` (so en_GB dates stay British), else a default one."""
    system = system or QLocale.system()
    if system_language(system) == language and system.language() != QLocale.Language.C:
        return system
    if language == "zh_CN":
        return QLocale(QLocale.Language.Chinese, QLocale.Script.SimplifiedChineseScript,
                       QLocale.Country.China)
    return QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)


def translations_folder() -> Path:
    return resource_path("translations")


def install_translator(app: QCoreApplication, language: str, folder: Path | None = None) -> list[QTranslator]:
    """Install the translators for `language` and make its locale the default for formatting.

    Returns the installed translators: keep them alive, and pass them to `remove_translators`
    before installing another language. A missing .qm file is skipped (English source text shows).
    """
    QLocale.setDefault(locale_for(language))
    folder = folder or translations_folder()
    installed: list[QTranslator] = []
    candidates = [(f"trade_crm_{language}", str(folder))]
    if language != "en":
        qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        candidates.append((f"qtbase_{language}", qt_folder))
    for name, where in candidates:
        translator = QTranslator(app)
        if translator.load(name, where) and app.installTranslator(translator):
            installed.append(translator)
        else:
            translator.deleteLater()
    return installed


def remove_translators(app: QCoreApplication, translators: list[QTranslator]) -> None:
    for translator in translators:
        app.removeTranslator(translator)
        translator.deleteLater()
    translators.clear()
