"""A customer found from the main search box by a word of its mail (subject, text, attachment names),
through the index's own rules (folding, any script, 1-2 character CJK terms), on both engines. A laptop book
indexes the whole text; a server only what the timeline shows (the message is its login's alone)."""

from peewee import SqliteDatabase

from tests.domain.mail.helpers import account, at, mail
from trade_crm.domain.clock import today
from trade_crm.domain.customers.contacts import ContactInput
from trade_crm.domain.customers.query import CustomerFilter, search_customers
from trade_crm.domain.customers.records import create_customer, update_customer
from trade_crm.domain.mail.messages import AttachmentInfo
from trade_crm.domain.mail.record import record_mail
from trade_crm.store import search

QUERIES = ["Glühbirnen", "gluhbirnen", "报价单", "报价", "样", "muster", "Spezifikation", "shenzhen", "nothing-like-it",
           "Zollabfertigung"]
# a word far below the first lines the timeline shows
LONG_TEXT = "Guten Tag,\nbitte Muster schicken.\n" + "".join(f"Punkt {n}.\n" for n in range(12)) + "Zollabfertigung in Hamburg."


def _hits(clock, text):
    return [h.id for h in search_customers(CustomerFilter(text=text), today=today(clock), now=clock.now())]


def _book(clock):
    acc = account(clock)
    cid = create_customer(clock, name="Müller Haustechnik GmbH", contacts=[ContactInput(emails=("hans@mueller.de",))])
    other = create_customer(clock, name="Shenzhen Sunrise Optics", contacts=[ContactInput(emails=("li@sunrise.cn",))])
    record_mail([
        (mail("Anfrage Glühbirnen", sender="hans@mueller.de", text=LONG_TEXT,
              attachments=(AttachmentInfo("Spezifikation.pdf", 1000, "application/pdf", "2"),)), at(acc.id)),
        (mail("样品 报价单", sender="li@sunrise.cn", text="请看附件", minutes=3), at(acc.id)),
    ], clock=clock)
    return cid, other


def test_a_word_of_a_subject_text_or_attachment_finds_the_customer(db, clock):
    cid, other = _book(clock)
    assert _hits(clock, "Glühbirnen") == [cid]
    assert _hits(clock, "gluhbirnen") == [cid]  # folded as every document is
    assert _hits(clock, "muster") == [cid]  # the first lines
    assert _hits(clock, "spezifikation") == [cid]  # an attachment's name
    assert _hits(clock, "报价单") == [other]
    assert _hits(clock, "样") == [other]  # one CJK character: the words index
    assert _hits(clock, "nothing-like-it") == []


def test_a_word_deep_in_the_text_finds_the_customer_on_a_laptop_book_only(db, clock):
    cid, _other = _book(clock)
    assert _hits(clock, "zollabfertigung") == ([cid] if isinstance(db, SqliteDatabase) else [])


def test_documents_extended_by_mail_find_what_a_rebuild_finds(db, clock):
    _book(clock)
    record_mail([(mail("Re: Anfrage Glühbirnen", sender="hans@mueller.de", minutes=9,
                       text="Danke. Liefertermin KW 12?"), at(1))], clock=clock)
    before = {q: _hits(clock, q) for q in [*QUERIES, "liefertermin", "kw"]}
    with db.atomic():
        search.rebuild_index(db)
    assert {q: _hits(clock, q) for q in before} == before


def test_editing_the_customer_keeps_its_mail_searchable(db, clock):
    cid, _other = _book(clock)
    update_customer(cid, clock, city="München")
    assert _hits(clock, "Glühbirnen") == [cid]
    assert _hits(clock, "münchen") == [cid]
