"""A customer with the demo mailbox (two threads, a single message, senders waiting) for the mail UI tests."""

from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from PySide6.QtCore import QSettings

from trade_crm.demo.mail import load_demo_mail
from trade_crm.domain.customers.contacts import ContactInput
from trade_crm.domain.customers.records import create_customer
from trade_crm.domain.mail.reading import customer_threads


@pytest.fixture
def customer(db, clock):
    customer_id = create_customer(clock, name="Müller Haustechnik GmbH", country="DE", contacts=[
        ContactInput(name="Hans Müller", emails=("hans@mueller-haustechnik.de",))])
    load_demo_mail(clock, customer_id)
    return customer_id


@pytest.fixture
def message_ids(customer):
    """The customer's stored messages by subject and direction: {("Shipping documents for PO-7781", "out"): id}."""
    return {(e.summary, e.direction): e.message_id for t in customer_threads(customer) for e in t.entries}


@pytest.fixture
def settings(tmp_path):
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def web_server():
    """A real HTTP server on loopback that counts what it is asked for."""
    requests: list[str] = []

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 - http.server's name
            requests.append(self.path)
            self.send_response(200)
            self.send_header("Content-Type", "image/png")
            self.end_headers()

        def log_message(self, *_args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}", requests
    server.shutdown()
    server.server_close()
