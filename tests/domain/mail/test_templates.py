"""Mail templates: built in per language, the customer's language choosing the version, edits kept until reset,
and the first wave's edited greetings read as greeting templates."""

from __future__ import annotations

import json
from datetime import date

import pytest

from trade_crm.domain.errors import ValidationError
from trade_crm.domain.greetings.templates import GREETING_TEMPLATES, LANGUAGES
from trade_crm.domain.mail.merge import (
    Holiday,
    MergeError,
    Recipient,
    Sender,
    UnknownFieldError,
    check_template_fields,
)
from trade_crm.domain.mail.templates import (
    KINDS,
    MAIL_TEMPLATES,
    TemplateNotFoundError,
    built_in_keys,
    get_template,
    list_templates,
    preview_template,
    render_template,
    reset_template,
    save_template,
    template_languages,
)
from trade_crm.resources import resource_path

ME = Sender("Li Wei", "Ningbo Bright Tools", "li@bright.example", "Li Wei\nNingbo Bright Tools")


def person(language: str = "en", contact: str = "Omar Al-Farsi", company: str = "Al-Farsi Trading",
           country: str = "SA") -> Recipient:
    return Recipient(7, company, country, "Riyadh", language, 3 if contact else None, contact, "", "omar@alfarsi.example")


def test_every_language_holds_every_key_and_only_known_fields():
    english = json.loads(resource_path("templates", "mail", "en.json").read_text(encoding="utf-8"))
    for language in LANGUAGES:
        data = json.loads(resource_path("templates", "mail", f"{language}.json").read_text(encoding="utf-8"))
        assert set(data) == set(english), language
        for key, text in data.items():
            assert key.split(".")[0] in KINDS and text["text"], (language, key)
            for part in ("subject", "text"):
                check_template_fields(text[part], part=part)  # raises on an unknown field or a stray brace


def test_the_greeting_is_filled_in_in_each_language(db):
    words = {"en": "Eid Mubarak", "zh": "开斋节", "es": "Eid Mubarak", "fr": "Aïd", "de": "Eid Mubarak",
             "pt": "Eid Mubarak", "ru": "Ураза", "ar": "عيد فطر مبارك"}
    for language, word in words.items():
        mail = render_template("greeting.eid_al_fitr", person(language), ME,
                               holiday=Holiday("Eid al-Fitr", date(2026, 3, 20), "SA"))
        assert "Omar Al-Farsi" in mail.text and word in mail.subject + mail.text, language
        assert mail.text.endswith("Li Wei\nNingbo Bright Tools") and "{" not in mail.subject + mail.text


def test_a_language_without_a_version_falls_back_to_english_and_a_greeting_to_the_general_one(db):
    assert get_template("quotation_chaser", "ja").language == "en"
    general = get_template("greeting.independence_of_mars", "de")
    assert general.key == "greeting.independence_of_mars" and general.subject == "Frohe Feiertage!"
    with pytest.raises(TemplateNotFoundError):
        get_template("newsletter", "en")


def test_edited_template_wins_until_reset(db):
    saved = save_template("greeting.christmas", "de", subject="Frohes Fest", text="Hallo {contact.first_name}, frohes Fest!")
    assert saved.edited and get_template("greeting.christmas", "de").text == "Hallo {contact.first_name}, frohes Fest!"
    assert render_template("greeting.christmas", person("de", "Jürgen Weber"), ME).text == "Hallo Jürgen, frohes Fest!"
    assert get_template("greeting.christmas", "en").edited is False  # the other languages keep theirs
    assert reset_template("greeting.christmas", "de") is True
    assert not get_template("greeting.christmas", "de").edited
    assert reset_template("greeting.christmas", "de") is False


def test_saving_refuses_an_unknown_field_a_lone_brace_and_an_empty_text(db):
    with pytest.raises(UnknownFieldError) as caught:
        save_template("blank", "en", subject="Hi", text="Dear {contact.nickname},")
    assert caught.value.field == "contact.nickname" and "{contact.first_name}" in str(caught.value)
    with pytest.raises(UnknownFieldError):
        save_template("blank", "en", subject="Offer {", text="Dear {contact.name},")
    with pytest.raises(ValidationError) as empty:
        save_template("blank", "en", subject="Hi", text="  \n ")
    assert empty.value.field == "text"
    with pytest.raises(ValidationError):
        save_template("blank", "xx", subject="Hi", text="Hello")
    assert MAIL_TEMPLATES.read() == {}


def test_the_first_waves_edited_greetings_are_kept_with_their_placeholders_as_fields(db):
    GREETING_TEMPLATES.write({"de": {"christmas": {"subject": "Frohes Fest, {company}",
                                                   "body": "Hallo {name}, frohes {holiday}!"}}})
    kept = get_template("greeting.christmas", "de")
    assert kept.edited and kept.text == "Hallo {contact.name|customer.name}, frohes {holiday.name}!"
    mail = render_template("greeting.christmas", person("de", ""), ME, holiday=Holiday("Christmas Day"))
    assert (mail.subject, mail.text) == ("Frohes Fest, Al-Farsi Trading", "Hallo Al-Farsi Trading, frohes Christmas Day!")
    save_template("greeting.new_year", "de", subject="Prosit", text="Prosit {contact.name}!")  # the first save moves them
    assert GREETING_TEMPLATES.read() == {}
    assert get_template("greeting.christmas", "de").text == "Hallo {contact.name|customer.name}, frohes {holiday.name}!"
    assert set(MAIL_TEMPLATES.read()) == {"greeting.christmas", "greeting.new_year"}


def test_list_shows_greetings_first_and_each_kind(db):
    keys = [t.key for t in list_templates("zh")]
    assert keys[0] == "greeting.default" and keys == list(built_in_keys())
    assert {"thank_you_fair", "quotation_chaser", "sample_follow_up", "blank"} <= set(keys)
    assert all(t.language == "zh" for t in list_templates("zh"))
    assert template_languages("quotation_chaser") == LANGUAGES


def test_preview_gives_each_recipient_their_language_or_the_reason(db):
    spanish = Recipient(8, "Bravo SA", "MX", "", "es", 4, "Ana Bravo", "", "ana@bravo.example")
    nobody = Recipient(9, "", "", "", "en", None, "", "", "")
    rows = preview_template("quotation_chaser", [person("zh", "王伟"), spanish, nobody], ME,
                            extra={"entry.date": "2026-11-02"})
    assert rows[0].ok and rows[0].text.startswith("尊敬的王伟：") and "2026-11-02" in rows[0].text
    assert rows[1].ok and rows[1].text.startswith("Estimado/a Ana Bravo:")
    assert not rows[2].ok and rows[2].error_field == "contact.name" and "customer 9" in rows[2].error
    with pytest.raises(MergeError):
        render_template("quotation_chaser", spanish, ME)  # no quotation date: refused, never "... el ."
