"""Which language a customer is written to, and the languages the mail templates come in.

The greeting texts themselves are mail templates of kind "greeting" (domain/mail/templates.py: built in under
resources/templates/mail/, edited in the book). GREETING_TEMPLATES is where the first wave kept the user's
edited greetings; domain/mail/templates.py reads it and moves those edits to its own setting at the first save.
"""

from __future__ import annotations

from trade_crm.store.settings import SettingKey

# The key keeps its "reminders." name: books already store the first wave's edited greetings under it.
GREETING_TEMPLATES = SettingKey("reminders.greeting_templates", dict, {}, "Greeting templates")
LANGUAGES = ("en", "zh", "es", "pt", "fr", "de", "ru", "ar")
LANGUAGE_NAMES = {"en": "English", "zh": "中文", "es": "Español", "pt": "Português", "fr": "Français",
                  "de": "Deutsch", "ru": "Русский", "ar": "العربية"}
FALLBACK_ID = "default"

_COUNTRY_LANGUAGE = {
    **dict.fromkeys("CN TW HK MO".split(), "zh"),
    **dict.fromkeys("ES MX AR CO CL PE VE EC GT CU BO DO HN PY SV NI CR PA UY GQ".split(), "es"),
    **dict.fromkeys("BR PT AO MZ CV GW ST TL".split(), "pt"),
    **dict.fromkeys("FR MC SN CI ML BF NE TG BJ GA CG CD CM HT".split(), "fr"),
    **dict.fromkeys("DE AT LI".split(), "de"),
    **dict.fromkeys("RU BY KZ KG".split(), "ru"),
    **dict.fromkeys("SA AE EG IQ KW QA OM BH JO LB SY YE LY DZ MA TN SD PS MR".split(), "ar"),
}


def customer_language(preferred: str, country: str | None) -> str:
    """The template language for a customer: their preferred one if provided, else their country's, else English."""
    code = (preferred or "").strip().lower().replace("_", "-").split("-")[0]
    if code in LANGUAGES:
        return code
    return _COUNTRY_LANGUAGE.get((country or "").upper(), "en")
