"""The people and the facts of the generated mail corpus (tests/mail_corpus.py): who the user is, the
customers, and what a correct parse of each message gives."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, timezone
from email.utils import format_datetime

USER = ("Li Wei", "li.wei@dragonlight.cn")
OWN_DOMAIN = "dragonlight.cn"
COLLEAGUES = (("王芳", "wang.fang@dragonlight.cn"), ("Chen Jie", "chen.jie@dragonlight.cn"))


@dataclass(frozen=True)
class Customer:
    company: str
    domain: str  # the company's own domain; '' for a free-mail customer
    contacts: tuple[tuple[str, str], ...]  # (display name, address as sent; the parse folds it)
    language: str  # en de zh zh-hant ja ru
    charset: str  # what their mailer writes
    zone: int  # UTC offset in hours of their Date headers


CUSTOMERS = (
    Customer("Acme Supplies Ltd", "acme-supplies.com", (("John Smith", "John.Smith@Acme-Supplies.com"),
                                                         ("Mary O'Neil", "mary.oneil@acme-supplies.com")),
             "en", "us-ascii", -5),
    Customer("Müller Leuchten GmbH", "mueller-leuchten.de", (("Jürgen Müller", "j.mueller@mueller-leuchten.de"),
                                                             ("Anna Groß", "a.gross@mueller-leuchten.de")),
             "de", "iso-8859-1", 1),
    Customer("Bücherlicht AG", "bücherlicht.de", (("Kai Weiß", "kai@xn--bcherlicht-9db.de"),), "de", "utf-8", 1),
    Customer("Tanaka Trading", "tanaka-trading.co.jp", (("田中 太郎", "tanaka@tanaka-trading.co.jp"),),
             "ja", "iso-2022-jp", 9),
    Customer("Osaka Denki", "osaka-denki.jp", (("山本 花子", "yamamoto@osaka-denki.jp"),), "ja", "shift_jis", 9),
    Customer("Sokolov Import", "sokolov-import.ru", (("Иван Соколов", "ivan@sokolov-import.ru"),), "ru", "koi8-r", 3),
    Customer("Hong Kong Lighting", "hk-lighting.com.hk", (("陳大文", "chan@hk-lighting.com.hk"),),
             "zh-hant", "big5", 8),
    Customer("广州贸易有限公司", "gz-trade.cn", (("王喆", "wangzhe@gz-trade.cn"),), "zh", "gb2312", 8),
    Customer("Lagos Power", "lagospower.ng", (("Chinedu Okafor", "chinedu@lagospower.ng"),), "en", "utf-8", 1),
)
FREEMAIL_CUSTOMERS = (
    Customer("", "", (("Carlos Méndez", "carlos.mendez@gmail.com"),), "en", "utf-8", -3),
    Customer("", "", (("Ahmed Khan", "ahmed.k@hotmail.com"),), "en", "utf-8", 5),
    Customer("", "", (("Иван Петров", "ivan.petrov@mail.ru"),), "ru", "windows-1251", 3),
    Customer("", "", (("赵磊", "zhao.lei@163.com"),), "zh", "gbk", 8),
    Customer("", "", (("刘洋", "12345678@qq.com"),), "zh", "gb18030", 8),
)
ALL_CUSTOMERS = CUSTOMERS + FREEMAIL_CUSTOMERS

PRODUCTS = ("LED panel 600x600", "LED tube T8 1200mm", "floodlight 100W", "street light 150W",
            "high bay 200W", "downlight 12W", "solar garden light", "track light 30W")
WORDS = {
    "en": ("Inquiry: {p}", "Dear Li Wei,\n\nPlease send your best price for {q} pcs {p}, FOB Shenzhen.\n"
           "We need delivery within 30 days.\n\nBest regards\n{n}"),
    "de": ("Anfrage: {p} - {q} Stück", "Sehr geehrter Herr Li,\n\nbitte schicken Sie uns ein Angebot für {q} Stück "
           "{p}. Grüße aus München, die Lieferung soll bis Ende März erfolgen.\n\nMit freundlichen Grüßen\n{n}"),
    "zh": ("询价：{p} {q}个", "李先生您好：\n\n请报价：{p}，数量{q}个，FOB深圳。王喆会跟进样品。\n\n谢谢！\n{n}"),
    "zh-hant": ("詢價：{p} 數量{q}支", "李先生您好：\n\n請報價{p}，數量{q}支，交貨期三十天。\n\n謝謝！\n{n}"),
    "ja": ("見積依頼：{p} {q}個", "李様\n\nいつもお世話になっております。{p}を{q}個、見積もりをお願いします。"
           "ｶﾀｶﾅも大丈夫です。\n\nよろしくお願いいたします。\n{n}"),
    "ru": ("Запрос цены: {p}, {q} шт.", "Здравствуйте, господин Ли!\n\nПросим выслать предложение на {p}, {q} шт. "
           "Ёлки и ёжики.\n\nС уважением,\n{n}"),
}
REPLY = ("Re: {s}", "Dear {n},\n\nThank you for your inquiry. Please find our quotation attached: {q} pcs {p}, "
         "USD {price} per piece, FOB Shenzhen.\n\nBest regards\nLi Wei\nDragonlight Export")
HTML = ("<html><head><style>p {{ color: red }}</style><script>track('{q}')</script></head><body>"
        "<p>{first}</p><p>Our catalogue: <a href=\"https://{d}/catalogue?q={q}\">the {p} range</a>.</p>"
        "<ul><li>{p}</li><li>{q} pcs</li></ul><p>Kind regards<br>{n}</p></body></html>")
PDF = b"%PDF-1.4\n" + bytes(range(256)) * 3
PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(255, -1, -1)) * 2
XLSX = b"PK\x03\x04" + bytes(range(256)) * 5
START = datetime(2025, 12, 1, 8, 0, tzinfo=UTC)
SPAN = timedelta(days=330)


@dataclass(frozen=True)
class Expected:
    """What a correct parse gives (addresses folded; '' / () when absent)."""

    subject: str
    sender: str
    sender_name: str
    to: tuple[str, ...]
    cc: tuple[str, ...]
    sent_at: datetime
    message_id: str
    in_reply_to: str = ""
    references: tuple[str, ...] = ()
    text_has: tuple[str, ...] = ()  # fragments the text contains
    text_lacks: tuple[str, ...] = ()  # what must not reach the text (scripts, styles, an attachment's bytes)
    auto: str = ""
    attachments: tuple[tuple[str, str], ...] = ()  # (name, content type), in order
    problem: str = ""  # a fragment one of the problems contains; '' = a clean parse, no problems at all
    text_truncated: bool = False


@dataclass(frozen=True)
class CorpusMessage:
    raw: bytes
    folder: str  # "INBOX" or "Sent"
    flags: tuple[str, ...]  # IMAP flags: \Seen, \Answered, \Flagged
    internal_date: datetime  # what the server says it received it (Maildir: the file's mtime)
    kind: str  # what it exercises: "plain", "alternative", "thread", "auto-reply", "hostile-…"
    expected: Expected
    customer: str = ""  # the company domain, or the free-mail address, of the customer it is with
    internal: bool = False  # every participant is of the user's own domain
    hostile: bool = False
    same_as: int | None = None  # index of another copy of the same message (same key)


def customer_key(customer: Customer) -> str:
    return customer.domain or customer.contacts[0][1].lower()


def header_date(when: datetime, zone: int) -> str:
    return format_datetime(when.astimezone(timezone(timedelta(hours=zone))))


