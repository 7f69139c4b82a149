from tests.domain.mail.helpers import ME, account, at, mail
from trade_crm.domain.customers.contacts import ContactInput
from trade_crm.domain.customers.records import create_customer, get_customer
from trade_crm.domain.customers.timeline import timeline
from trade_crm.domain.mail import folders
from trade_crm.domain.mail.record import known_locations, record_mail


def _customer(clock, name="Müller Haustechnik GmbH", email="hans@mueller-haustechnik.de", **kw):
    return create_customer(clock, name=name, country="DE",
                           contacts=[ContactInput(name="Hans Müller", emails=(email,))], **kw)


def test_a_message_from_a_contact_is_one_entry_on_the_customer_timeline(db, clock):
    acc = account(clock)
    cid = _customer(clock)
    report = record_mail([(mail(), at(acc.id))], clock=clock)
    assert (report.stored, report.matched, report.entries, report.duplicates) == (1, 1, 1, 0)
    entries = timeline(cid)
    assert [(e.kind, e.summary, e.contact_name) for e in entries] == [("email", "Inquiry: LED panels", "Hans Müller")]
    assert "please quote 500 panels" in entries[0].body


def test_the_same_message_in_two_folders_and_a_resync_is_one_message_and_one_entry(db, clock):
    acc = account(clock)
    other = account(clock, "ann.sales@gmail.com", own_domains=())
    cid = _customer(clock)
    message = mail()
    first = record_mail([(message, at(acc.id, "INBOX", 1)), (message, at(acc.id, "Archive", 9))], clock=clock)
    again = record_mail([(message, at(acc.id, "INBOX", 1)), (message, at(other.id, "INBOX", 3))], clock=clock)
    assert (first.stored, first.duplicates, first.locations) == (1, 1, 2)
    assert (again.stored, again.duplicates, again.locations) == (0, 2, 1)
    assert len(timeline(cid)) == 1
    assert known_locations(acc.id, "INBOX", 7) == {1}
    assert known_locations(acc.id, "Archive", 7) == {9}
    assert known_locations(other.id, "INBOX", 7) == {3}


def test_a_message_without_message_id_is_recognised_by_its_content_hash(db, clock):
    acc = account(clock)
    cid = _customer(clock)
    message = mail(message_id=None)
    record_mail([(message, at(acc.id, "INBOX", 1))], clock=clock)
    report = record_mail([(message, at(acc.id, "Sent", 2))], clock=clock)
    assert (report.stored, report.duplicates) == (0, 1)
    assert len(timeline(cid)) == 1


def test_a_changed_uidvalidity_forgets_the_folder_locations_but_keeps_the_messages(db, clock):
    acc = account(clock)
    cid = _customer(clock)
    record_mail([(mail(), at(acc.id, "INBOX", 5, uidvalidity=7))], clock=clock)
    folders.save_folder_state(acc.id, "INBOX", uidvalidity=7, last_uid=5, highest_modseq=40)
    assert folders.folder_state(acc.id, "INBOX").last_uid == 5
    folders.save_folder_state(acc.id, "INBOX", uidvalidity=8, last_uid=0)
    assert known_locations(acc.id, "INBOX", 7) == set()
    report = record_mail([(mail(), at(acc.id, "INBOX", 1, uidvalidity=8))], clock=clock)
    assert (report.stored, report.duplicates, report.locations) == (0, 1, 1)
    assert len(timeline(cid)) == 1
    state = folders.folder_state(acc.id, "INBOX")
    assert (state.uidvalidity, state.last_uid, state.highest_modseq) == (8, 0, None)


def test_incoming_mail_sets_the_last_contact(db, clock):
    acc = account(clock)
    cid = _customer(clock)
    record_mail([(mail(minutes=30), at(acc.id))], clock=clock)
    assert get_customer(cid).last_contact_at.strftime("%H:%M") == "08:30"


def test_mail_among_own_addresses_is_internal_and_never_logged(db, clock):
    acc = account(clock)
    _customer(clock)
    report = record_mail([(mail(sender="bob@sunrise-lighting.cn", to=(ME,)), at(acc.id))], clock=clock)
    assert (report.internal, report.entries, report.new_senders) == (1, 0, 0)


def test_a_message_from_an_unreadable_sender_is_stored_but_makes_no_new_sender(db, clock):
    acc = account(clock)
    report = record_mail([(mail("???", sender="", problems=("no readable From",)), at(acc.id))], clock=clock)
    assert (report.stored, report.new_senders, report.unmatched, report.problems) == (1, 0, 1, 1)


def test_a_header_with_thousands_of_addresses_is_matched_in_one_pass(db, clock):
    acc = account(clock)
    cid = _customer(clock)
    crowd = tuple(f"person{n}@crowd{n % 97}.example.org" for n in range(10_000))
    report = record_mail([(mail("Newsletter", sender="news@crowd1.example.org", to=crowd,
                                cc=("hans@mueller-haustechnik.de",)), at(acc.id))], clock=clock)
    assert (report.stored, report.matched) == (1, 1)
    assert [e.summary for e in timeline(cid)] == ["Newsletter"]
