"""A wa.me link with a prefilled message from the mail templates: the number as wa.me wants it, the text
percent-encoded as UTF-8, the merge fields filled in for the contact (a missing value refused, never "Dear ,"),
and the timeline entry logged once the user says it went."""

from __future__ import annotations

from urllib.parse import parse_qs, unquote, urlsplit

import pytest

from trade_crm.domain.chats.wa_link import log_whatsapp_sent, wa_link, whatsapp_message, whatsapp_number
from trade_crm.domain.customers.contacts import ContactInput
from trade_crm.domain.customers.records import create_customer
from trade_crm.domain.customers.timeline import timeline
from trade_crm.domain.errors import ValidationError
from trade_crm.domain.mail.merge import MY_NAME, MY_SIGNATURE, Holiday, MissingValueError
from trade_crm.domain.mail.templates import save_template
from trade_crm.store.models import Customer


@pytest.mark.parametrize(("value", "country", "digits"), [
    ("138 1234 5678", "CN", "8613812345678"),  # a Chinese mobile, typed the local way
    ("+86 138-1234-5678", None, "8613812345678"),
    ("050 123 4567", "AE", "971501234567"),  # a UAE mobile with its trunk 0
    ("+971 50 123 4567", "DE", "971501234567"),  # "+" wins over the customer's country
    ("0049 170 1234567", None, "491701234567"),
    ("(201) 555-0123", "US", "12015550123"),
    ("+55 11 91234-5678", None, "5511912345678"),
])
def test_a_number_becomes_the_digits_wa_me_wants(value, country, digits):
    assert whatsapp_number(value, country) == digits


@pytest.mark.parametrize("value", ["12345", "", "+971 12", "call reception", "+86 138 1234"])
def test_a_number_that_is_no_valid_phone_is_refused_naming_the_field(value):
    with pytest.raises(ValidationError) as caught:
        whatsapp_number(value, "CN", field="phone")
    assert caught.value.field == "phone"
    assert "valid phone number" in str(caught.value)


def test_the_link_carries_arabic_and_chinese_text_percent_encoded_as_utf8():
    arabic = "عيد مبارك يا أحمد!\nمع تحياتي"
    link = wa_link("+971 50 123 4567", arabic)
    assert link.startswith("https://wa.me/971501234567?text=")
    query = urlsplit(link).query
    # every byte of every letter, the newline, the space and the "!": nothing left raw
    assert query == "text=" + "".join(f"%{b:02X}" for b in arabic.encode("utf-8"))
    assert " " not in link and "\n" not in link and link.isascii()
    assert parse_qs(query)["text"] == [arabic]
    chinese = "王经理，新年快乐！& 谢谢 #1"
    link = wa_link("8613812345678", chinese)
    assert "%E7%8E%8B" in link  # 王 in UTF-8
    assert "&" not in urlsplit(link).query.removeprefix("text=") and "#" not in link  # no stray parameter or fragment
    assert unquote(urlsplit(link).query.removeprefix("text=")) == chinese


def test_no_text_means_no_query_and_no_digits_is_refused():
    assert wa_link("+86 138 1234 5678", "") == "https://wa.me/8613812345678"
    with pytest.raises(ValidationError):
        wa_link("", "hello")


@pytest.fixture
def buyers(db, clock):
    dubai = create_customer(clock, name="Al Noor Trading LLC", country="AE", preferred_language="ar", contacts=(
        ContactInput(name="Ahmed Al Mansouri", emails=("ahmed@alnoor.example",), whatsapp="050 123 4567",
                     is_primary=True),))
    ningbo = create_customer(clock, name="宁波进出口有限公司", country="CN", contacts=(
        ContactInput(name="Office", emails=("office@nb.example",)),
        ContactInput(name="王伟", phones=("138 1234 5678",)),))
    nobody = create_customer(clock, name="No Phone GmbH", country="DE", contacts=(
        ContactInput(name="Anna Müller", emails=("anna@example.de",)),))
    MY_NAME.write("Li Wei")
    MY_SIGNATURE.write("Li Wei\nBright Tools")
    return dubai, ningbo, nobody


def _contact_id(customer_id: int, name: str) -> int:
    return next(c.id for c in Customer.get_by_id(customer_id).contacts if c.name == name)


def test_the_greeting_is_filled_in_for_the_contact_and_linked(buyers):
    dubai, _, _ = buyers
    message = whatsapp_message(dubai, None, "greeting.new_year", language="en")
    assert message.number == "971501234567"
    assert message.language == "en"
    assert message.text.startswith("Dear Ahmed Al Mansouri,\n\nHappy New Year!")
    assert message.text.endswith("Li Wei\nBright Tools")
    assert "Subject" not in message.text and "{" not in message.text
    assert unquote(urlsplit(message.link).query.removeprefix("text=")) == message.text
    assert message.contact_id == _contact_id(dubai, "Ahmed Al Mansouri")


def test_the_customers_language_picks_the_text_and_a_phone_serves_when_there_is_no_whatsapp(buyers):
    dubai, ningbo, _ = buyers
    arabic = whatsapp_message(dubai, None, "greeting.eid_al_fitr")
    assert arabic.language == "ar"
    assert any("\u0600" <= ch <= "\u06ff" for ch in arabic.text)
    chinese = whatsapp_message(ningbo, None, "greeting.new_year")  # the first contact has no number: 王伟 has one
    assert chinese.number == "8613812345678" and chinese.contact_name == "王伟"
    assert chinese.language == "zh" and "王伟" in chinese.text


def test_a_missing_merge_value_is_refused_never_dear_blank(buyers):
    dubai, _, _ = buyers
    with pytest.raises(MissingValueError) as caught:
        whatsapp_message(dubai, None, "greeting.default", language="en")  # {holiday.name}: no holiday given
    assert caught.value.merge_field == "holiday.name"
    assert "Ahmed Al Mansouri" in str(caught.value)
    filled = whatsapp_message(dubai, None, "greeting.default", language="en", holiday=Holiday("Eid al-Fitr"))
    assert "Happy Eid al-Fitr!" in filled.text
    save_template("thank_you_fair", "en", subject="Thanks", text="Dear {contact.title}, thanks for {fair.name}")
    with pytest.raises(MissingValueError) as caught:
        whatsapp_message(dubai, None, "thank_you_fair", language="en", extra={"fair.name": "Canton Fair"})
    assert caught.value.merge_field == "contact.title"


def test_a_contact_without_a_number_and_a_stranger_are_refused(buyers):
    dubai, ningbo, nobody = buyers
    with pytest.raises(ValidationError, match="no contact of customer .* WhatsApp or phone"):
        whatsapp_message(nobody, None, "blank")
    with pytest.raises(ValidationError, match="Office has no WhatsApp or phone number"):
        whatsapp_message(ningbo, _contact_id(ningbo, "Office"), "blank")
    with pytest.raises(ValidationError, match="does not belong"):
        whatsapp_message(dubai, _contact_id(ningbo, "王伟"), "blank")


def test_the_users_edit_is_what_the_link_carries(buyers):
    dubai, _, _ = buyers
    message = whatsapp_message(dubai, None, "blank", language="en", text="Salam Ahmed, the PI is ready.  \n")
    assert message.text == "Salam Ahmed, the PI is ready."
    assert message.link == "https://wa.me/971501234567?text=Salam%20Ahmed%2C%20the%20PI%20is%20ready."


def test_a_greeting_sent_is_logged_as_the_customers_greeting_and_other_messages_as_whatsapp(buyers, clock):
    dubai, _, _ = buyers
    ahmed = _contact_id(dubai, "Ahmed Al Mansouri")
    message = whatsapp_message(dubai, None, "greeting.new_year", language="en")
    greeting_id = log_whatsapp_sent(dubai, ahmed, message.text, clock, template_key=message.template_key,
                                    number=message.number)
    other_id = log_whatsapp_sent(dubai, ahmed, "The PI is ready.", clock, template_key="blank")
    entries = {e.interaction_id: e for e in timeline(dubai)}
    assert entries[greeting_id].kind == "greeting"
    assert entries[greeting_id].summary == "Greeting sent on WhatsApp to +971 50 123 4567"
    assert entries[greeting_id].body == message.text
    assert entries[greeting_id].contact_name == "Ahmed Al Mansouri"
    assert entries[other_id].kind == "whatsapp" and entries[other_id].summary == "WhatsApp message sent"
    assert Customer.get_by_id(dubai).last_contact_at == clock.now()
    with pytest.raises(ValidationError, match="empty"):
        log_whatsapp_sent(dubai, ahmed, "  \n", clock)
    assert len([e for e in timeline(dubai) if e.kind in ("greeting", "whatsapp")]) == 2
