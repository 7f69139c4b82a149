"""The Dovecot test server's own rules: skipped or failed where it is missing; its TLS trusted by the test
only; SPECIAL-USE, CONDSTORE and ID offered; a fresh user per test; delivered mail readable over IMAP."""

from __future__ import annotations

import socket
import ssl

import imapclient
import pytest

from tests.mail_server import MISSING, find_dovecot, require_dovecot

MESSAGE = b"From: a@example.com\r\nTo: b@example.com\r\nSubject: hello\r\nMessage-ID: <1@example.com>\r\n\r\nbody\r\n"


def test_no_dovecot_skips_with_one_line_but_fails_under_ci(tmp_path):
    nowhere = str(tmp_path / "sbin")
    assert find_dovecot({"PATH": str(tmp_path)}, nowhere) is None
    with pytest.raises(pytest.skip.Exception) as skipped:
        require_dovecot({"PATH": str(tmp_path)}, nowhere)
    assert str(skipped.value) == MISSING and "\n" not in MISSING
    with pytest.raises(pytest.fail.Exception, match="CI=true: a real Dovecot is required"):
        require_dovecot({"PATH": str(tmp_path), "CI": "true"}, nowhere)


def test_the_server_speaks_imaps_and_starttls_with_a_certificate_only_the_test_trusts(mail_server, mail_user):
    with imapclient.IMAPClient(mail_server.host, port=mail_server.imaps_port, ssl=True,
                               ssl_context=mail_server.ssl_context()) as client:
        client.login(mail_user.name, mail_user.password)
        capabilities = set(client.capabilities())
    assert {b"SPECIAL-USE", b"CONDSTORE", b"ID"} <= capabilities
    with imapclient.IMAPClient(mail_server.host, port=mail_server.imap_port, ssl=False) as client:
        client.starttls(mail_server.ssl_context())
        client.login(mail_user.name, mail_user.password)
    with socket.create_connection(("127.0.0.1", mail_server.imaps_port)) as raw, \
            pytest.raises(ssl.SSLCertVerificationError, match="unable to get local issuer certificate"):
        ssl.create_default_context().wrap_socket(raw, server_hostname=mail_server.host)


def test_each_user_is_fresh_and_sees_what_was_delivered_with_its_flags(mail_server):
    ann, bob = mail_server.user(), mail_server.user()
    ann.deliver([MESSAGE, (MESSAGE.replace(b"<1@", b"<2@"), "S")])
    ann.deliver([MESSAGE], "Sent")
    assert list(ann.flags().values()) == [(), (b"\\Seen",)]
    assert bob.flags() == {}
    with ann.client() as client:
        sent = [name for flags, _, name in client.list_folders() if b"\\Sent" in flags]
        assert sent == ["Sent"]
        client.select_folder("Sent", readonly=True)
        assert client.search("ALL") == [1]


def test_a_wrong_password_is_refused(mail_server, mail_user):
    mail_user.password = "not-it"
    with pytest.raises(imapclient.exceptions.LoginError):
        mail_user.client()
    assert socket.gethostbyname(mail_server.host) == "127.0.0.1"
