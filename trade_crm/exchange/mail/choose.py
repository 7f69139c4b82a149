"""The choices made on a message's MIME tree (parts.py), the same for a raw message and for BODYSTRUCTURE:
which parts are its text, which are attachments, and whether a machine sent it as a report.

The text is text/plain where there is one, else text/html: in multipart/alternative the plain part (unless
it is empty, as some HTML mailers send it), in multipart/related its root, and in multipart/mixed every
inline text in order (Apple Mail splits a text around each inline photo: "see the sample" [photo] "regards").
An attachment is a leaf that is not such a text: anything marked attachment or named, any other type,
except the pieces of a report (delivery status, returned headers), a signature (S/MIME, PGP) and the images
an HTML body shows inline by Content-ID (a signature's logo is not something the customer sent).
"""

from __future__ import annotations

import mimetypes

from trade_crm.domain.mail.messages import AttachmentInfo
from trade_crm.exchange.mail.parts import Part

MAX_TEXT_PARTS = 8
MAX_ATTACHMENTS = 500
_TEXT = frozenset({"text/plain", "text/html"})
_ENCLOSED = frozenset({"message/rfc822", "message/global"})
_NOT_FILES = frozenset({"message/delivery-status", "message/global-delivery-status", "text/rfc822-headers",
                        "message/disposition-notification", "message/feedback-report",
                        "application/pkcs7-signature", "application/x-pkcs7-signature", "application/pgp-signature"})


def is_attachment(part: Part, in_related: bool = False) -> bool:
    if part.children or part.maintype == "multipart" or part.content_type in _NOT_FILES:
        return False
    if part.disposition == "attachment":
        return True
    named = bool(part.disposition_params.get("filename") or part.params.get("name"))
    if part.content_type in _TEXT and not named:
        return False
    if in_related and part.content_id:
        return False  # an image the HTML shows inline (a signature's logo), not something sent
    return True


def _texts(part: Part) -> list[Part]:
    if part.content_type in _TEXT:
        return [] if is_attachment(part) else [part]
    if not part.children:
        return []
    if part.content_type == "multipart/alternative":
        found = [texts for texts in (_texts(child) for child in part.children) if texts]
        plain = [texts for texts in found if texts[0].subtype == "plain" and any(t.size > 2 for t in texts)]
        return plain[0] if plain else (found[-1] if found else [])
    if part.content_type == "multipart/related":
        start = part.params.get("start", "").strip("<>")
        root = next((child for child in part.children if start and child.content_id == start), part.children[0])
        return _texts(root)
    return [text for child in part.children if child.content_type not in _ENCLOSED for text in _texts(child)]


def text_parts(tree: Part) -> list[Part]:
    """The parts whose text, in order, is the message's text."""
    return _texts(tree)[:MAX_TEXT_PARTS]


def attachment_name(part: Part) -> str:
    name = part.disposition_params.get("filename") or part.params.get("name") or ""
    if not name and part.content_type in _ENCLOSED:
        name = f"{part.enclosed_subject or 'message'}.eml"
    name = name.replace("\\", "/").rpartition("/")[2].strip()  # a path some old mailers send: its last part
    if not name:  # an unnamed file: its part number, and the extension its type usually has
        name = f"part-{part.number}{mimetypes.guess_extension(part.content_type, strict=False) or ''}"
    return name


def attachments(tree: Part, problems: list[str]) -> tuple[AttachmentInfo, ...]:
    found: list[AttachmentInfo] = []
    texts = {id(part) for part in text_parts(tree)}

    def visit(part: Part, in_related: bool) -> None:
        if part.children:
            for child in part.children:
                visit(child, part.content_type == "multipart/related")
            return
        if is_attachment(part, in_related) and id(part) not in texts:
            found.append(AttachmentInfo(name=attachment_name(part), size=max(part.size, 0),
                                        content_type=part.content_type, part=part.number))

    visit(tree, False)
    if len(found) > MAX_ATTACHMENTS:
        problems.append(f"{len(found) - MAX_ATTACHMENTS} more attachments not listed")
        found = found[:MAX_ATTACHMENTS]
    return tuple(found)


def is_delivery_report(tree: Part) -> bool:
    return any((part.content_type == "multipart/report" and "delivery-status" in part.params.get("report-type", ""))
               or part.content_type in ("message/delivery-status", "message/global-delivery-status")
               for part in tree.walk())


def is_disposition_report(tree: Part) -> bool:
    return any(part.content_type == "message/disposition-notification" for part in tree.walk())
