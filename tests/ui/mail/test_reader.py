"""The message reader: headers, text, attachments fetched on demand, and HTML shown with nothing remote loaded."""

from __future__ import annotations

from PySide6.QtCore import QUrl

from trade_crm.domain.mail.messages import MailLocation
from trade_crm.domain.mail.reading import mail_message
from trade_crm.ui.mail.fetching import MailUnavailable
from trade_crm.ui.mail.reader import MessageReaderDialog, safe_file_name

PNG_1PX = ("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==")


class ServerCopy:
    """The server's side of the stored messages, in memory: what a real IMAP fetch would return."""

    def __init__(self, parts: dict[str, bytes] | None = None, html: str | None = None, down: str = ""):
        self.parts, self.html, self.down = parts or {}, html, down
        self.asked: list[tuple[MailLocation, str]] = []

    def fetch_part(self, location: MailLocation, part: str) -> bytes:
        self.asked.append((location, part))
        if self.down:
            raise MailUnavailable(self.down)
        return self.parts[part]

    def fetch_html(self, location: MailLocation) -> str | None:
        self.asked.append((location, "html"))
        if self.down:
            raise MailUnavailable(self.down)
        return self.html


def _reader(qtbot, clock, message_id, **kwargs):
    dialog = MessageReaderDialog(mail_message(message_id), clock.zone, **kwargs)
    dialog.opened = []
    dialog.open_url = dialog.opened.append
    qtbot.addWidget(dialog)
    return dialog


def test_the_reader_shows_the_headers_the_text_and_the_attachments(qtbot, clock, message_ids):
    dialog = _reader(qtbot, clock, message_ids[("Shipping documents for PO-7781", "out")])
    assert dialog.subject_label.text() == "Shipping documents for PO-7781"
    assert dialog.header_labels["From"].text() == "Ann Chen <ann@sunrise-lighting.cn>"
    assert dialog.header_labels["To"].text() == "Hans Müller <hans@mueller-haustechnik.de>"
    assert "your order PO-7781 is on board" in dialog.plain.toPlainText()
    assert [dialog.attachments.item(i).text() for i in range(dialog.attachments.count())] == [
        "Commercial invoice CI-7781.pdf  (96.0 kB)", "Packing list PL-7781.xlsx  (31.0 kB)"]
    assert dialog.note_label.text() == "Sent by you."
    assert "2 message(s)" in dialog.thread_label.text()
    assert 'href="customer:' in dialog.customers_label.text()


def test_offline_the_text_stays_readable_and_an_attachment_says_it_needs_the_server(qtbot, clock, message_ids):
    dialog = _reader(qtbot, clock, message_ids[("Shipping documents for PO-7781", "out")])
    dialog.open_button.click()
    assert dialog.status_label.text() == ("Offline: attachments are fetched from the mail server when you are "
                                          "online.")
    assert not dialog.formatted_button.isEnabled()
    assert dialog.opened == []


def test_open_fetches_the_part_from_the_server_and_opens_the_file(qtbot, clock, message_ids):
    server = ServerCopy({"2": b"%PDF-1.4 invoice", "3": b"PK packing list"})
    dialog = _reader(qtbot, clock, message_ids[("Shipping documents for PO-7781", "out")], fetcher=server)
    dialog.attachments.setCurrentRow(1)
    dialog.open_button.click()
    qtbot.waitUntil(lambda: bool(dialog.opened), timeout=5000)
    assert [part for _location, part in server.asked] == ["3"]
    assert server.asked[0][0].folder == "Sent"
    path = dialog.opened[0].toLocalFile()
    assert path.endswith("Packing list PL-7781.xlsx")
    assert dialog.saved_path.read_bytes() == b"PK packing list"


def test_save_writes_the_attachment_where_the_person_chose(qtbot, clock, message_ids, tmp_path):
    server = ServerCopy({"2": b"%PDF-1.4 invoice"})
    target = tmp_path / "invoice.pdf"
    dialog = _reader(qtbot, clock, message_ids[("Shipping documents for PO-7781", "out")], fetcher=server,
                     ask_save_path=lambda _parent, name: target if name == "Commercial invoice CI-7781.pdf" else None)
    dialog.save_button.click()
    qtbot.waitUntil(lambda: target.exists(), timeout=5000)
    assert target.read_bytes() == b"%PDF-1.4 invoice"


def test_a_server_that_cannot_be_reached_is_said_in_one_line(qtbot, clock, message_ids):
    server = ServerCopy(down="could not connect to imap.sunrise-lighting.cn")
    dialog = _reader(qtbot, clock, message_ids[("Shipping documents for PO-7781", "out")], fetcher=server)
    dialog.open_button.click()
    qtbot.waitUntil(lambda: dialog.status_label.text().startswith("Offline:"), timeout=5000)
    assert dialog.status_label.text() == "Offline: could not connect to imap.sunrise-lighting.cn"
    assert dialog.opened == []


def test_show_formatted_renders_the_html_without_loading_any_remote_image(qtbot, clock, message_ids, web_server,
                                                                          tmp_path):
    base, requests = web_server
    secret = tmp_path / "secret.png"
    secret.write_bytes(b"not for the sender")
    html = (f'<html><head><link rel="stylesheet" href="{base}/style.css"></head><body>'
            f'<p>Dear Ann, <b>thank you</b>.</p><img src="{base}/pixel.png?reader=ann">'
            f'<img src="file://{secret}"><img src="data:image/png;base64,{PNG_1PX}">'
            f'<a href="{base}/unsubscribe">unsubscribe</a></body></html>')
    server = ServerCopy(html=html)
    dialog = _reader(qtbot, clock, message_ids[("Re: Shipping documents for PO-7781", "in")], fetcher=server)
    dialog.show()
    dialog.formatted_button.click()
    qtbot.waitUntil(lambda: dialog.text_stack.currentWidget() is dialog.formatted, timeout=5000)
    dialog.formatted.grab()  # paint it: anything the document wanted to load has been asked for by now
    qtbot.wait(200)
    assert requests == []
    assert "thank you" in dialog.formatted.toPlainText()
    assert f"{base}/pixel.png?reader=ann" in dialog.formatted.refused
    assert f"file://{secret}" in dialog.formatted.refused  # nor a file of this computer
    assert len(dialog.formatted.refused) == 2  # the inline (data:) image shows
    assert dialog.status_label.text() == "2 remote image(s) or file(s) not loaded, to protect your privacy."
    dialog.formatted.link_clicked.emit(QUrl(f"{base}/unsubscribe"))
    assert requests == []  # a clicked link goes to the system browser, never fetched by the reader
    assert dialog.opened == [QUrl(f"{base}/unsubscribe")]


def test_a_plain_text_message_has_no_formatted_version(qtbot, clock, message_ids):
    server = ServerCopy(html=None)
    dialog = _reader(qtbot, clock, message_ids[("Re: Shipping documents for PO-7781", "in")], fetcher=server)
    dialog.formatted_button.click()
    qtbot.waitUntil(lambda: "no formatted version" in dialog.status_label.text(), timeout=5000)
    assert dialog.text_stack.currentWidget() is dialog.plain
    assert not dialog.formatted_button.isChecked()


def test_an_attachment_name_cannot_reach_outside_the_folder():
    assert safe_file_name("../../etc/passwd") == "_.._etc_passwd"
    assert safe_file_name('a<b>:c"d|e?.pdf') == "a_b__c_d_e_.pdf"
    assert safe_file_name("...") == "attachment"
