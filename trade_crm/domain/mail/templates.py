"""Mail templates: one text per template key and language, built in under resources/templates/mail/<language>.json
and editable by the user (the edited version is kept in the book and wins until reset).

A key names what the mail is for: "greeting.<greeting id>" (one per holiday greeting of
resources/greetings/holidays.json, "greeting.default" for the rest), "thank_you_fair", "quotation_chaser",
"sample_follow_up" and "blank". The kind is the key's first part ("greeting", ...). The customer's preferred
language picks the version (domain/greetings/templates.customer_language); a language without its own
version falls back to English; a greeting without its own text falls back to the general greeting.

Texts hold merge fields (`{contact.first_name}`, `{holiday.name}` ...: domain/mail/merge.py); saving a
template checks them, so an unknown field is refused when saved, not when sent.

The greeting texts of the first wave were kept under the setting "reminders.greeting_templates" with the
placeholders {name}, {holiday} and {company}: they are read as greeting templates with those placeholders
written as merge fields, and moved into this module's setting at the first save or reset.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from trade_crm.domain.errors import NotFoundError, ValidationError
from trade_crm.domain.greetings.templates import GREETING_TEMPLATES as LEGACY_GREETING_TEMPLATES
from trade_crm.domain.greetings.templates import LANGUAGES
from trade_crm.domain.mail.merge import (
    LEGACY_PLACEHOLDERS,
    Holiday,
    MergedMail,
    MergeError,
    Preview,
    Recipient,
    Sender,
    check_template_fields,
    merge_mail,
    merge_values,
)
from trade_crm.domain.text import clean_block, clean_line
from trade_crm.resources import resource_path
from trade_crm.store.models import database
from trade_crm.store.settings import SettingKey

MAIL_TEMPLATES = SettingKey("mail.templates", dict, {}, "Mail templates")
RTL_LANGUAGES = ("ar",)
FALLBACK_LANGUAGE = "en"

GREETING, THANK_YOU, QUOTATION_CHASER, SAMPLE_FOLLOW_UP, BLANK = (
    "greeting", "thank_you_fair", "quotation_chaser", "sample_follow_up", "blank")
KINDS = (GREETING, THANK_YOU, QUOTATION_CHASER, SAMPLE_FOLLOW_UP, BLANK)
GREETING_DEFAULT = "greeting.default"
_KEY = re.compile(r"[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)?")


class TemplateNotFoundError(NotFoundError):
    """No template with this key (built in or saved)."""

    def __init__(self, key: str):
        super().__init__("mail template", key)
        self.key = key


@dataclass(frozen=True)
class MailTemplate:
    key: str  # "greeting.christmas", "quotation_chaser", ...
    kind: str  # one of KINDS
    language: str  # the language of this text (the one asked for, or the fallback's)
    subject: str
    text: str
    html: str = ""  # optional simple HTML version ("" = plain text only)
    edited: bool = False  # the user's own version, kept in the book

    @property
    def rtl(self) -> bool:
        return self.language in RTL_LANGUAGES


def greeting_key(greeting_id: str) -> str:
    """"christmas" -> "greeting.christmas"."""
    return f"{GREETING}.{greeting_id}"


def template_kind(key: str) -> str:
    kind = key.split(".", 1)[0]
    if kind not in KINDS:
        raise TemplateNotFoundError(key)
    return kind


# --- built in ---------------------------------------------------------------------------------------

@cache
def _built_in(language: str) -> dict[str, dict[str, str]]:
    path = resource_path("templates", "mail", f"{language}.json")
    if not path.is_file():
        return {}
    data = json.loads(path.read_text(encoding="utf-8"))
    return {key: value for key, value in data.items() if isinstance(value, dict)}


def built_in_keys() -> tuple[str, ...]:
    """Every key the English built-ins hold (the others hold the same keys), greetings first."""
    return tuple(sorted(_built_in(FALLBACK_LANGUAGE), key=lambda k: (k.split(".")[0] != GREETING, KINDS.index(
        template_kind(k)), k != GREETING_DEFAULT, k)))


def built_in_template(key: str, language: str) -> MailTemplate | None:
    text = _built_in(language).get(key)
    if not text:
        return None
    return MailTemplate(key, template_kind(key), language, text.get("subject", ""), text.get("text", ""),
                        text.get("html", ""))


# --- the user's versions ----------------------------------------------------------------------------

def _legacy_text(text: str) -> str:
    for old, new in LEGACY_PLACEHOLDERS.items():
        text = text.replace(old, new)
    return text


def _edited() -> dict[str, dict[str, dict[str, str]]]:
    """key -> language -> {subject, text, html}: this module's setting over the first wave's greetings."""
    out: dict[str, dict[str, dict[str, str]]] = {}
    legacy = LEGACY_GREETING_TEMPLATES.read()
    for language, table in (legacy if isinstance(legacy, dict) else {}).items():
        for gid, value in (table if isinstance(table, dict) else {}).items():
            if isinstance(value, dict) and value.get("body"):
                out.setdefault(greeting_key(gid), {})[language] = {
                    "subject": _legacy_text(str(value.get("subject", ""))),
                    "text": _legacy_text(str(value["body"])), "html": ""}
    stored = MAIL_TEMPLATES.read()
    for key, table in (stored if isinstance(stored, dict) else {}).items():
        for language, value in (table if isinstance(table, dict) else {}).items():
            if isinstance(value, dict) and value.get("text"):
                out.setdefault(key, {})[language] = {name: str(value.get(name, "")) for name in ("subject", "text", "html")}
    return out


def _edited_template(edited: dict[str, Any], key: str, language: str) -> MailTemplate | None:
    text = edited.get(key, {}).get(language)
    if not text:
        return None
    return MailTemplate(key, template_kind(key), language, text["subject"], text["text"], text["html"], edited=True)


def _write(edited: dict[str, Any]) -> None:
    """Store every edit under this module's key; the first wave's key is emptied (its edits moved here)."""
    with database.atomic():
        MAIL_TEMPLATES.write({k: v for k, v in edited.items() if v})
        if LEGACY_GREETING_TEMPLATES.read():
            LEGACY_GREETING_TEMPLATES.write({})


# --- reading ----------------------------------------------------------------------------------------

def _language(language: str) -> str:
    code = (language or "").strip().lower().replace("_", "-").split("-")[0]
    return code if code in LANGUAGES else FALLBACK_LANGUAGE


def _check_key(key: str) -> str:
    if not isinstance(key, str) or not _KEY.fullmatch(key):
        raise TemplateNotFoundError(str(key))
    template_kind(key)
    return key


def get_template(key: str, language: str = FALLBACK_LANGUAGE) -> MailTemplate:
    """The text to use for `key` in `language`: the user's version, else the built-in one; a language without
    either falls back to English; a greeting without its own text to the general greeting ("greeting.default")."""
    key = _check_key(key)
    language = _language(language)
    edited = _edited()
    candidates = (key, GREETING_DEFAULT) if template_kind(key) == GREETING and key != GREETING_DEFAULT else (key,)
    for lang in dict.fromkeys((language, FALLBACK_LANGUAGE)):
        for candidate in candidates:
            found = _edited_template(edited, candidate, lang) or built_in_template(candidate, lang)
            if found:
                return found if candidate == key else MailTemplate(key, found.kind, found.language, found.subject,
                                                                   found.text, found.html, found.edited)
    raise TemplateNotFoundError(key)


def list_templates(language: str = FALLBACK_LANGUAGE) -> list[MailTemplate]:
    """Every template (built in, and greeting keys the user added) in `language`, greetings first."""
    keys = list(built_in_keys())
    keys += sorted(k for k in _edited() if k not in keys)
    return [get_template(key, language) for key in keys]


def template_languages(key: str) -> tuple[str, ...]:
    """The languages `key` has its own text in (built in or edited)."""
    key = _check_key(key)
    edited = _edited().get(key, {})
    return tuple(lang for lang in LANGUAGES if lang in edited or built_in_template(key, lang))


# --- editing ----------------------------------------------------------------------------------------

def save_template(key: str, language: str, *, subject: str, text: str, html: str = "") -> MailTemplate:
    """Keep the user's own version of `key` in `language` (its merge fields checked first)."""
    key = _check_key(key)
    if language not in LANGUAGES:
        raise ValidationError("language", f'"{language}" is not one of {", ".join(LANGUAGES)}')
    subject, text, html = clean_line(subject), clean_block(text), (html or "").strip()
    if not text:
        raise ValidationError("text", "a template needs a text")
    for name, value in (("subject", subject), ("text", text), ("html", html)):
        check_template_fields(value, part=name)
    edited = _edited()
    edited.setdefault(key, {})[language] = {"subject": subject, "text": text, "html": html}
    _write(edited)
    return get_template(key, language)


def reset_template(key: str, language: str) -> bool:
    """Forget the user's version of `key` in `language` (the built-in one is used again); False if there was none."""
    key = _check_key(key)
    edited = _edited()
    if edited.get(key, {}).pop(language, None) is None:
        return False
    _write(edited)
    return True


# --- filling in -------------------------------------------------------------------------------------

def render_template(key: str, recipient: Recipient, sender: Sender, *, holiday: Holiday | None = None,
                    extra: Mapping[str, str] | None = None, language: str = "",
                    template: MailTemplate | None = None) -> MergedMail:
    """`key` in the recipient's language (or `language`), filled in for them; a MergeError names the field and
    the recipient. `template`: that version already read (a bulk run reads each language once)."""
    tpl = template or get_template(key, language or recipient.language)
    values = merge_values(recipient, sender, language=tpl.language, holiday=holiday, extra=extra)
    return merge_mail(tpl.subject, tpl.text, tpl.html, values, recipient=recipient.label)


def preview_template(key: str, recipients: Sequence[Recipient], sender: Sender, *, holiday: Holiday | None = None,
                     extra: Mapping[str, str] | None = None, language: str = "") -> list[Preview]:
    """Each recipient's mail from `key` in their language (or `language`), or why it cannot be filled in."""
    out = []
    for recipient in recipients:
        try:
            mail = render_template(key, recipient, sender, holiday=holiday, extra=extra, language=language)
        except MergeError as exc:
            out.append(Preview(recipient, error=str(exc), error_field=exc.merge_field))
        else:
            out.append(Preview(recipient, mail.subject, mail.text, mail.html))
    return out
