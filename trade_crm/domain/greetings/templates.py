"""Greeting texts: one template per greeting and language, with the contact's name filled in.

The provided templates live in resources/greetings/<language>.json; an edited template is saved in the
book (Setting table) and wins over the provided one. {name} is the contact's name, {holiday} the
holiday's name and {company} the customer's company; an unknown {placeholder} is left as written.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from typing import Any

from trade_crm.domain.errors import ValidationError
from trade_crm.domain.text import clean_block, clean_line
from trade_crm.resources import resource_path
from trade_crm.store.settings import SettingKey

# The key keeps its "reminders." name: books already store the templates under it.
GREETING_TEMPLATES = SettingKey("reminders.greeting_templates", dict, {}, "Greeting templates")
LANGUAGES = ("en", "es", "pt", "fr", "de", "ru", "ar")
LANGUAGE_NAMES = {"en": "English", "es": "Español", "pt": "Português", "fr": "Français", "de": "Deutsch",
                  "ru": "Русский", "ar": "العربية"}
FALLBACK_ID = "default"

_COUNTRY_LANGUAGE = {
    **dict.fromkeys("ES MX AR CO CL PE VE EC GT CU BO DO HN PY SV NI CR PA UY GQ".split(), "es"),
    **dict.fromkeys("BR PT AO MZ CV GW ST TL".split(), "pt"),
    **dict.fromkeys("FR MC SN CI ML BF NE TG BJ GA CG CD CM HT".split(), "fr"),
    **dict.fromkeys("DE AT LI".split(), "de"),
    **dict.fromkeys("RU BY KZ KG".split(), "ru"),
    **dict.fromkeys("SA AE EG IQ KW QA OM BH JO LB SY YE LY DZ MA TN SD PS MR".split(), "ar"),
}


@dataclass(frozen=True)
class GreetingTemplate:
    greeting_id: str
    language: str
    subject: str
    body: str
    edited: bool = False  # True when the book holds the user's own version


class _Keep(dict):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def customer_language(preferred: str, country: str | None) -> str:
    """The template language for a customer: their preferred one if provided, else their country's."""
    code = (preferred or "").strip().lower().replace("_", "-").split("-")[0]
    if code in LANGUAGES:
        return code
    return _COUNTRY_LANGUAGE.get((country or "").upper(), "en")


@cache
def _provided(language: str) -> dict[str, dict[str, str]]:
    path = resource_path("greetings", f"{language}.json")
    if not path.is_file():
        return {}
    return json.loads(path.read_text(encoding="utf-8"))


def _edited() -> dict[str, Any]:
    stored = GREETING_TEMPLATES.read()
    return stored if isinstance(stored, dict) else {}


def template(greeting_id: str, language: str) -> GreetingTemplate:
    """The template to use: edited, else provided, else this language's general one, else English."""
    language = language if language in LANGUAGES else "en"
    edited = _edited().get(language, {}).get(greeting_id)
    if isinstance(edited, dict) and edited.get("body"):
        return GreetingTemplate(greeting_id, language, str(edited.get("subject", "")), str(edited["body"]),
                                edited=True)
    for lang in (language, "en"):
        for gid in (greeting_id, FALLBACK_ID):
            text = _provided(lang).get(gid)
            if text:
                return GreetingTemplate(greeting_id, lang, text["subject"], text["body"])
    return GreetingTemplate(greeting_id, "en", "Happy {holiday}!", "Dear {name},\n\nHappy {holiday}!")


def save_template(greeting_id: str, language: str, subject: str, body: str) -> None:
    """Keep the user's own text for this greeting and language in the book."""
    if language not in LANGUAGES:
        raise ValidationError("language", f'"{language}" is not one of {", ".join(LANGUAGES)}')
    body = clean_block(body)
    if not body:
        raise ValidationError("body", "a greeting needs a text")
    stored = _edited()
    stored.setdefault(language, {})[greeting_id] = {"subject": clean_line(subject), "body": body}
    GREETING_TEMPLATES.write(stored)


def reset_template(greeting_id: str, language: str) -> None:
    """Forget the user's version: the provided template is used again."""
    stored = _edited()
    if stored.get(language, {}).pop(greeting_id, None) is not None:
        GREETING_TEMPLATES.write(stored)


def fill(text: str, *, name: str = "", holiday: str = "", company: str = "") -> str:
    """The text with its placeholders filled; a missing name reads as a polite general address."""
    values = _Keep(name=name.strip() or company.strip() or "friend", holiday=holiday, company=company)
    try:
        return text.format_map(values)
    except (ValueError, IndexError):  # a lone "{" typed by the user: leave the text as it is
        return text.replace("{name}", values["name"]).replace("{holiday}", holiday)


def render(tpl: GreetingTemplate, *, name: str, holiday: str, company: str = "") -> tuple[str, str]:
    """(subject, body) ready to copy or put in a mail draft."""
    return (fill(tpl.subject, name=name, holiday=holiday, company=company),
            fill(tpl.body, name=name, holiday=holiday, company=company))
