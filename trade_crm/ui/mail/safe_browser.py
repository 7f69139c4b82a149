"""A QTextBrowser for mail HTML that loads nothing from outside the message.

A mail's HTML may point at remote images (tracking pixels tell the sender the mail was read, and when, and
from where), at local files, or at other documents. QTextBrowser runs no scripts; what it would load is
asked of `loadResource`, which here answers only `data:` URLs (an image inlined in the message) and refuses
every other scheme (http, https, ftp, file, relative names, cid: parts not fetched). What was refused is
kept in `refused`, so the reader can say "remote images not loaded". A clicked link is handed to
`link_clicked` (the reader asks before opening a browser); the browser itself never follows it.
"""

from __future__ import annotations

import base64
from urllib.parse import unquote_to_bytes

from PySide6.QtCore import QByteArray, QUrl, Signal
from PySide6.QtGui import QImage, QTextDocument
from PySide6.QtWidgets import QTextBrowser, QWidget

MAX_INLINE_BYTES = 5_000_000  # a data: image bigger than this is refused too


class SafeTextBrowser(QTextBrowser):
    link_clicked = Signal(QUrl)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.refused: list[str] = []
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.anchorClicked.connect(self.link_clicked)

    def loadResource(self, kind: int, url: QUrl):  # noqa: N802 - Qt override
        if url.scheme().lower() == "data":
            data = inline_data(url.toString())
            if data is not None and kind == QTextDocument.ResourceType.ImageResource.value:
                image = QImage.fromData(QByteArray(data))
                if not image.isNull():
                    return image
        if url.toString() not in self.refused:
            self.refused.append(url.toString())
        return None

    def set_mail_html(self, html: str) -> None:
        """Show `html`; its layout is made now, so `refused` lists every image it asked for."""
        self.refused.clear()
        self.setHtml(html)
        self.document().documentLayout().documentSize()


def inline_data(url: str) -> bytes | None:
    """The bytes of a `data:` URL (base64 or percent-encoded), or None if it is not one or too big."""
    head, sep, payload = url.partition(",")
    if not sep or not head.lower().startswith("data:") or len(payload) > MAX_INLINE_BYTES * 4 // 3 + 4:
        return None
    try:
        data = base64.b64decode(payload, validate=False) if head.lower().endswith(";base64") \
            else unquote_to_bytes(payload)
    except ValueError:
        return None
    return data if len(data) <= MAX_INLINE_BYTES else None
