"""exchange/mail/smtp.py against a real aiosmtpd: the message as recipients and the Sent folder get it (Bcc never
in a header, the fixed Message-ID, the thread headers, text with HTML, files with their names), TLS that checks
the certificate, the login, and every failure sorted with the server's words."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from tests.smtp_server import smtp_server, smtp_starttls_server, start_smtp_server, stop_smtp_server
from trade_crm.domain.mail.messages import Address
from trade_crm.domain.mail.outgoing import OutboxEntry, OutboxState, OutgoingFile
from trade_crm.exchange.mail.imap import CertificateRefused, ConnectionLost, LoginRefused, ServerAddress
from trade_crm.exchange.mail.parse import parse_message
from trade_crm.exchange.mail.presets import DEFAULT_DAILY_CAP, PRESETS, daily_cap, preset_for_address
from trade_crm.exchange.mail.smtp import (
    AttachmentMissing,
    MessageTooBig,
    PermanentFailure,
    RecipientRefused,
    SmtpConnection,
    TemporaryFailure,
    build_message,
    envelope_address,
    message_bytes,
)
from trade_crm.exchange.mail.tokens import PasswordCredentials

__all__ = ["smtp_server", "smtp_starttls_server"]  # fixtures, used by name
WHEN = datetime(2026, 12, 20, 1, 30, tzinfo=UTC)
ME = Address("li.wei@dragonlight.cn", "李伟 Li Wei")


def entry(**fields) -> OutboxEntry:
    values = dict(
        id=1, account_id=1, customer_id=None, contact_id=None, message_id="1766194200.42.7@dragonlight.cn",
        to=(Address("hans@mueller-haustechnik.de", "Hans Müller"),), cc=(Address("einkauf@mueller-haustechnik.de"),),
        bcc=(Address("boss@dragonlight.cn"),), subject="Frohe Weihnachten – 圣诞快乐", text="Dear Hans,\n\nMerry Christmas!\n",
        html="", attachments=(), template="", purpose="", in_reply_to="", references=(), cancel_on_reply=False,
        state=OutboxState.SENDING, send_at=None, next_attempt_at=None, attempts=1, last_error="", sent_at=None,
        interaction_id=None, created_at=WHEN, updated_at=WHEN)
    values.update(fields)
    return OutboxEntry(**values)


def test_the_message_has_the_fixed_id_the_thread_and_no_bcc_and_parses_back_as_sent(tmp_path):
    pdf = tmp_path / "报价单 Q-2026-118.pdf"
    pdf.write_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 40)
    raw = message_bytes(build_message(entry(
        html="<p>Dear Hans,</p><p>Merry Christmas!</p>", in_reply_to="<abc@mueller-haustechnik.de>",
        references=("root@mueller-haustechnik.de",),
        attachments=(OutgoingFile(str(pdf), pdf.name, pdf.stat().st_size, "application/pdf"),)), ME, date=WHEN))
    assert b"boss@dragonlight.cn" not in raw and b"\nBcc" not in raw
    assert b"\r\n" in raw and b"\n" not in raw.replace(b"\r\n", b"")  # CRLF throughout, as SMTP wants
    mail = parse_message(raw)
    assert mail.message_id == "1766194200.42.7@dragonlight.cn" and mail.sent_at == WHEN
    assert mail.sender == Address("li.wei@dragonlight.cn", "李伟 Li Wei") and mail.subject == "Frohe Weihnachten – 圣诞快乐"
    assert [a.email for a in mail.to + mail.cc] == ["hans@mueller-haustechnik.de", "einkauf@mueller-haustechnik.de"]
    assert mail.in_reply_to == "abc@mueller-haustechnik.de"
    assert mail.references == ("root@mueller-haustechnik.de", "abc@mueller-haustechnik.de")
    assert mail.text.startswith("Dear Hans,") and not mail.problems
    [attached] = mail.attachments
    assert attached.name == "报价单 Q-2026-118.pdf" and attached.content_type == "application/pdf"


def test_an_attachment_gone_from_disk_is_named():
    with pytest.raises(AttachmentMissing, match='"offer.pdf" could not be read'):
        build_message(entry(attachments=(OutgoingFile("/nonexistent/offer.pdf", "offer.pdf", 10),)), ME, date=WHEN)


def address(server, **changes) -> ServerAddress:
    return ServerAddress(**{"host": server.host, "port": server.port, "security": server.security,
                            "ca_file": str(server.ca_file), "timeout": 10, **changes})


@pytest.mark.parametrize("fixture", ["smtp_server", "smtp_starttls_server"])
def test_a_message_goes_to_every_recipient_over_either_kind_of_tls(request, fixture):
    server = request.getfixturevalue(fixture)
    server.add_user("li.wei", "授权码-abc")
    raw = message_bytes(build_message(entry(), ME, date=WHEN))
    with SmtpConnection.open(address(server), PasswordCredentials("li.wei", "授权码-abc")) as connection:
        assert connection.max_size == 10 * 1024 * 1024
        connection.send(raw, ME.email, ["hans@mueller-haustechnik.de", "einkauf@mueller-haustechnik.de",
                                        "boss@dragonlight.cn"])
    [got] = server.received
    assert got.raw == raw and got.mail_from == ME.email and len(got.rcpt_tos) == 3


def test_an_untrusted_certificate_and_a_wrong_password_are_refused_in_one_line(smtp_server):
    smtp_server.add_user("li.wei", "right")
    with pytest.raises(CertificateRefused, match="certificate of localhost is not trusted"):
        SmtpConnection.open(address(smtp_server, ca_file=None), PasswordCredentials("li.wei", "right"))
    with pytest.raises(LoginRefused, match="refused the login for li.wei.*535"):
        SmtpConnection.open(address(smtp_server), PasswordCredentials("li.wei", "wrong"))
    with pytest.raises(ConnectionLost, match="could not reach localhost:1 "):
        SmtpConnection.open(ServerAddress("localhost", 1, "ssl", None, 5), PasswordCredentials("li.wei", "right"))


def test_starttls_on_a_server_that_does_not_offer_it_is_refused_before_the_password():
    server = start_smtp_server(security="plain")
    try:
        server.add_user("li.wei", "right")
        with pytest.raises(CertificateRefused, match="does not offer STARTTLS"):
            SmtpConnection.open(address(server, security="starttls"), PasswordCredentials("li.wei", "right"))
    finally:
        stop_smtp_server(server)
    assert server.received == []


def test_refusals_are_sorted_permanent_or_temporary_and_a_refused_recipient_stops_the_whole_message(smtp_server):
    smtp_server.add_user("u", "p")
    smtp_server.refuse("nobody@mueller-haustechnik.de")
    raw = message_bytes(build_message(entry(), ME, date=WHEN))
    with SmtpConnection.open(address(smtp_server), PasswordCredentials("u", "p")) as connection:
        with pytest.raises(RecipientRefused) as refused:
            connection.send(raw, ME.email, ["hans@mueller-haustechnik.de", "nobody@mueller-haustechnik.de"])
        assert refused.value.permanent and list(refused.value.refused) == ["nobody@mueller-haustechnik.de"]
        assert "550" in str(refused.value) and "nothing was sent" in str(refused.value)
        smtp_server.defer_next()
        with pytest.raises(TemporaryFailure, match="451") as deferred:
            connection.send(raw, ME.email, ["hans@mueller-haustechnik.de"])
        assert not deferred.value.permanent
        with pytest.raises(MessageTooBig, match=r"at most 10\.0 MB"):
            connection.send(raw + b"x" * (11 * 1024 * 1024), ME.email, ["hans@mueller-haustechnik.de"])
        smtp_server.drop_next()
        with pytest.raises(ConnectionLost) as dropped:
            connection.send(raw, ME.email, ["hans@mueller-haustechnik.de"])
        assert dropped.value.in_doubt  # the whole message went out before the line went dead
    assert smtp_server.received == []  # nothing of it delivered to anybody


def test_presets_name_each_providers_smtp_server_and_daily_cap():
    expected = {"gmail": ("smtp.gmail.com", 465, "ssl"), "outlook": ("smtp.office365.com", 587, "starttls"),
                "qq": ("smtp.qq.com", 465, "ssl"), "netease163": ("smtp.163.com", 465, "ssl"),
                "netease126": ("smtp.126.com", 465, "ssl"), "yeah": ("smtp.yeah.net", 465, "ssl"),
                "exmail": ("smtp.exmail.qq.com", 465, "ssl"), "aliyun": ("smtp.qiye.aliyun.com", 465, "ssl"),
                "yahoo": ("smtp.mail.yahoo.com", 465, "ssl")}
    assert {k: (p.smtp_host, p.smtp_port, p.smtp_security) for k, p in PRESETS.items() if k != "other"} == expected
    assert PRESETS["gmail"].files_sent and not PRESETS["qq"].files_sent
    assert daily_cap("gmail") == 500 and daily_cap("qq") == 500 and daily_cap("gmail", 120) == 120
    assert daily_cap("other") == DEFAULT_DAILY_CAP and daily_cap("no-such-provider") == DEFAULT_DAILY_CAP
    assert preset_for_address("li@aliyun.com").smtp_host == "smtp.aliyun.com"


def test_an_international_domain_goes_in_its_ascii_form_and_a_local_part_beyond_ascii_is_refused_by_name():
    raw = message_bytes(build_message(entry(to=(Address("hans@bücher.de", "Hans"),), cc=(), bcc=()), ME, date=WHEN))
    assert b"To: Hans <hans@xn--bcher-kva.de>" in raw
    assert envelope_address("hans@bücher.de") == "hans@xn--bcher-kva.de"
    assert envelope_address("hans@example.com") == "hans@example.com"
    with pytest.raises(PermanentFailure, match="müller@bücher.de: an address with characters beyond ASCII"):
        build_message(entry(to=(Address("müller@bücher.de"),)), ME, date=WHEN)
