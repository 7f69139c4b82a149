"""BODYSTRUCTURE as Dovecot writes it, made from a raw message with the stdlib's email parser, and read back
by imapclient's own response parser: what parse_parts gets from a real server, without one.

Checked byte for byte against Dovecot 2.3.19 (`doveadm fetch imap.bodystructure`) on the generated corpus:
the same text for every message except the broken ones (whose MIME Dovecot reads its own way) and the
message/rfc822 envelope, whose address lists are left NIL here (parse_parts reads only its subject).
"""

from __future__ import annotations

from email import message_from_bytes
from email.message import Message
from email.policy import Compat32, compat32

from imapclient.response_parser import parse_response
from imapclient.response_types import BodyData

_CRLF = compat32.clone(linesep="\r\n")


class _AsSent(Compat32):
    """Header values as sent (8-bit bytes as surrogate escapes), as Dovecot passes them on (as literals)."""

    def header_fetch_parse(self, name, value):
        return value


AS_SENT = _AsSent()


def _string(value: str | None) -> str:
    if value is None:
        return "NIL"
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _params(pairs: list[tuple[str, str]]) -> str:
    return "(" + " ".join(f"{_string(k)} {_string(v)}" for k, v in pairs) + ")" if pairs else "NIL"


def _raw_params(message: Message, header: str) -> list[tuple[str, str]]:
    value = message.get(header)
    if value is None:
        return []
    found = message.get_params(header=header, unquote=True, failobj=[]) or []
    pairs = []
    for name, raw in found[1:]:
        if isinstance(raw, tuple):  # RFC 2231, as Dovecot hands it out: name* with charset''%-encoded
            charset, language, text = raw
            encoded = "".join(c if c.isascii() and (c.isalnum() or c in "-_.") else
                              "".join(f"%{b:02X}" for b in c.encode("latin-1")) for c in text)
            pairs.append((f"{name}*", f"{charset or ''}'{language or ''}'{encoded}"))
        else:
            pairs.append((name, raw))
    return pairs


def _disposition(message: Message) -> str:
    value = message.get("content-disposition")
    if value is None:
        return "NIL"
    kind = str(value).partition(";")[0].strip()
    return f"({_string(kind)} {_params(_raw_params(message, 'content-disposition'))})"


def _lines(data: bytes) -> str:
    return str(data.count(b"\n"))


def _structure(part: Message) -> str:
    value = part.get("content-type")
    main = str(value).partition(";")[0].strip() if value else part.get_default_type()
    maintype, _slash, subtype = main.partition("/")
    if part.is_multipart() and maintype.lower() == "multipart":
        children = "".join(f"({_structure(child)})" for child in part.get_payload())
        return f"{children} {_string(subtype)} {_params(_raw_params(part, 'content-type'))} {_disposition(part)} NIL NIL"
    params = _raw_params(part, "content-type")
    if maintype.lower() == "text" and not any(k.lower() == "charset" for k, _v in params):
        params = [("charset", "us-ascii"), *params]
    payload = part.get_payload()
    inner = payload[0] if isinstance(payload, list) and main.lower() in ("message/rfc822", "message/global") else None
    if isinstance(payload, list):  # message/rfc822, or a report's header blocks (message/delivery-status)
        data = b"\r\n".join(block.as_bytes(policy=_CRLF) for block in payload)
    elif part.get("content-transfer-encoding", "").strip().lower() in ("base64", "quoted-printable"):
        data = str(payload).encode("ascii", "surrogateescape")
    else:  # 7bit, 8bit: the bytes as sent (get_payload() would decode them)
        data = part.get_payload(decode=True) or b""
    fields = [_string(maintype), _string(subtype), _params(params), _string(part.get("content-id")),
              _string(part.get("content-description")), _string(part.get("content-transfer-encoding", "7bit").strip()),
              str(len(data))]
    if maintype.lower() == "text":
        fields.append(_lines(data))
    elif inner is not None:
        envelope = (f"({_string(inner.get('date'))} {_string(inner.get('subject'))} NIL NIL NIL NIL NIL NIL NIL "
                    f"{_string(inner.get('message-id'))})")
        fields += [envelope, f"({_structure(inner)})", _lines(data)]
    fields += ["NIL", _disposition(part), "NIL", "NIL"]
    return " ".join(fields)


def bodystructure_text(raw: bytes) -> str:
    """The BODYSTRUCTURE Dovecot gives for `raw` (CRLF line ends), without the outer parentheses."""
    return _structure(message_from_bytes(raw, policy=AS_SENT))


def bodystructure(raw: bytes) -> BodyData:
    """The same, as imapclient hands it to the caller of fetch(..., ['BODYSTRUCTURE'])."""
    (parsed,) = parse_response([b"(" + bodystructure_text(raw).encode("utf-8", "surrogateescape") + b")"])
    return BodyData.create(parsed)


def body_section(raw: bytes, number: str) -> bytes:
    """BODY[number] of `raw` as a server hands it out: the part's body, still transfer-encoded."""
    part = message_from_bytes(raw, policy=AS_SENT)
    for step in number.split("."):
        payload = part.get_payload()
        if isinstance(payload, list):
            part = payload[int(step) - 1]
        elif step != "1":
            raise KeyError(number)
    if part.get("content-transfer-encoding", "").strip().lower() in ("base64", "quoted-printable"):
        return str(part.get_payload()).encode("ascii", "surrogateescape")
    return part.get_payload(decode=True) or b""
