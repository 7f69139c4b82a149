"""Document numbers the user designs: a pattern like `Q{yyMMdd}-{n}` in the book's settings, one for quotations
and one for proforma invoices.

Tokens: {yyyy} {yy} {MM} {dd} {yyMMdd} (the issue day), {customer} (the customer's initials, "ANT" for Al Noor
Trading), and {n}: the next free number among the documents whose number has the same text around it (so
`Q{yyMMdd}-{n}` starts again at 1 each day, `Q-{n}` counts for ever). Anything else between braces is refused.
The next number is one above the highest in use, so deleting a document never hands its number to a new one
while a later number exists.
"""

from __future__ import annotations

import json
import re
import unicodedata
from datetime import date

from trade_crm.domain.errors import ValidationError
from trade_crm.store.models import Customer, ProformaInvoice, Quotation, Setting
from trade_crm.store.settings import SettingKey

QUOTATION_NUMBERING = SettingKey("quotes.numbering.quotation", str, "Q{yyMMdd}-{n}", "Quotation numbers")
PROFORMA_NUMBERING = SettingKey("quotes.numbering.proforma", str, "PI{yyMMdd}-{n}", "Proforma invoice numbers")
SETTINGS = {"quotation": QUOTATION_NUMBERING, "proforma": PROFORMA_NUMBERING}
COUNTER = "quotes.counter."  # settings keys of the numbers handed out: "quotes.counter.quotation:Q261205-{n}"
TOKENS = ("yyyy", "yy", "MM", "dd", "yyMMdd", "n", "customer")
MAX_PATTERN = 60
TOKEN_LIST = ", ".join("{" + token + "}" for token in TOKENS)
_TOKEN = re.compile(r"\{([^{}]*)\}")
_ALLOWED_TEXT = re.compile(r"^[\w\-/.#_ ]*$")


def check_pattern(pattern: str, field: str = "numbering") -> str:
    """The pattern as it will be used; ValidationError naming `field` when it cannot make unique numbers."""
    pattern = (pattern or "").strip()
    if not pattern:
        raise ValidationError(field, "a numbering pattern is needed, such as Q{yyMMdd}-{n}")
    if len(pattern) > MAX_PATTERN:
        raise ValidationError(field, f"a numbering pattern is at most {MAX_PATTERN} characters")
    found = _TOKEN.findall(pattern)
    rest = _TOKEN.sub("", pattern)
    if "{" in rest or "}" in rest:
        raise ValidationError(field, "a brace without its pair: tokens are written {yyMMdd}")
    unknown = [token for token in found if token not in TOKENS]
    if unknown:
        raise ValidationError(field, f"{{{unknown[0]}}} is not a token; use {TOKEN_LIST}")
    if found.count("n") != 1:
        raise ValidationError(field, "the pattern needs {n} exactly once (the running number)")
    if not _ALLOWED_TEXT.match(rest):
        raise ValidationError(field, "use letters, digits, spaces and - / . # _ between the tokens")
    return pattern


def numbering(kind: str) -> str:
    """The pattern in use for "quotation" or "proforma" (the default when the stored one is not valid)."""
    key = SETTINGS[kind]
    try:
        return check_pattern(key.read())
    except ValidationError:
        return key.default


def set_numbering(kind: str, pattern: str) -> str:
    if kind not in SETTINGS:
        raise ValidationError("kind", f'"{kind}" is not one of quotation, proforma')
    checked = check_pattern(pattern)
    SETTINGS[kind].write(checked)
    return checked


def customer_code(name: str, customer_id: int) -> str:
    """The initials of a customer's name in Latin letters ("Al Noor Trading LLC" → "ANTL"), at most 4; the id
    when the name has no Latin letter (上海贸易 → "C12")."""
    letters = []
    for word in re.split(r"[\s\-_/&.,]+", name or ""):
        plain = unicodedata.normalize("NFKD", word).encode("ascii", "ignore").decode()
        initial = next((ch for ch in plain if ch.isalnum()), "")
        if initial:
            letters.append(initial.upper())
    return "".join(letters[:4]) or f"C{customer_id}"


def render(pattern: str, day: date, n: int | None, customer: str = "") -> str:
    """The number for running number `n` (None: the pattern's text around {n}, with {n} left in)."""
    values = {"yyyy": f"{day.year:04d}", "yy": f"{day.year % 100:02d}", "MM": f"{day.month:02d}",
              "dd": f"{day.day:02d}", "yyMMdd": f"{day.year % 100:02d}{day.month:02d}{day.day:02d}",
              "customer": customer, "n": "{n}" if n is None else str(n)}
    return _TOKEN.sub(lambda m: values[m.group(1)], pattern)


def next_number(kind: str, day: date, customer_id: int, *, pattern: str | None = None, reserve: bool = True) -> str:
    """The next free number for a new quotation or PI of `customer_id` issued on `day`: one above both the highest
    in use and the highest handed out. `reserve` (the default) hands it out: call it inside the write's
    transaction, which then holds the counter until it ends. `reserve=False` only looks (the editor's preview)."""
    pattern = check_pattern(pattern) if pattern is not None else numbering(kind)
    customer = Customer.get_or_none(Customer.id == customer_id)
    code = customer_code(customer.name, customer_id) if customer is not None else f"C{customer_id}"
    head, _, tail = render(pattern, day, None, code).partition("{n}")
    model = Quotation if kind == "quotation" else ProformaInvoice
    query = model.select(model.number).where(model.number.startswith(head))  # LIKE: the pattern below decides
    highest = 0
    shape = re.compile(re.escape(head) + r"(\d+)" + re.escape(tail) + r"\Z")
    for (number,) in query.tuples():
        match = shape.match(number)
        if match:
            highest = max(highest, int(match.group(1)))
    key = f"{COUNTER}{kind}:{head}{{n}}{tail}"
    n = max(highest, _counter(key, lock=reserve)) + 1
    if reserve:
        Setting.update(value=json.dumps(n)).where(Setting.key == key).execute()
    return head + str(n) + tail


def _counter(key: str, *, lock: bool) -> int:
    """The highest number handed out for this prefix, as the book's counter says. On a team server a salesperson
    sees only their customers' documents, so the counter is what keeps two people's numbers apart; with `lock`
    its row is created if need be and locked until the caller's transaction ends, so a second writer waits and
    then reads the first one's number."""
    if lock:
        Setting.insert(key=key, value="0").on_conflict_ignore().execute()
        Setting.update(value=Setting.value).where(Setting.key == key).execute()  # the row's lock, held to commit
    row = Setting.get_or_none(Setting.key == key)
    try:
        return int(json.loads(row.value)) if row is not None else 0
    except (TypeError, ValueError):
        return 0
