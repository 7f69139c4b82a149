"""The words an exported book shows for the codes the store keeps, in English or Chinese, and back.

A boss reads "Dormant" / "沉睡客户", "Trade show" / "展会", "German" / "德语", "Call" / "电话", not
`dormant`, `trade_show`, `de`, `call`. The stage, source and timeline-kind words are the window's own
(its "Lifecycle", customer dialog and timeline labels, and their Chinese translations); language names come from pycountry's ISO 639 tables
and their Chinese translation. A rating is its letter, as the window shows it. `code_of` reads a
word of either language back to its code, so an exported and edited book imports as before.
Every lookup is a dict: the export labels each of 100,000 rows.
"""

from __future__ import annotations

import gettext
import re
from collections.abc import Mapping
from functools import cache

import pycountry

from trade_crm.store.models import RATINGS

LABELLED = ("stage", "source", "language", "rating", "kind")  # the column keys shown as words

_STAGES = {
    "en": {"potential": "Potential", "new": "New", "returning": "Returning", "loyal": "Loyal", "dormant": "Dormant",
           "lost": "Lost"},
    "zh": {"potential": "潜在客户", "new": "新客户", "returning": "回头客", "loyal": "忠实客户", "dormant": "沉睡客户",
           "lost": "已流失"},
}
_SOURCES = {
    "en": {"trade_show": "Trade show", "website": "Website inquiry", "marketplace": "Marketplace (Alibaba, …)",
           "referral": "Referral", "other": "Other"},
    "zh": {"trade_show": "展会", "website": "网站询盘", "marketplace": "B2B 平台（阿里巴巴等）", "referral": "转介绍",
           "other": "其他"},
}
_KINDS = {
    "en": {"email": "Email", "call": "Call", "whatsapp": "WhatsApp", "wechat": "WeChat", "meeting": "Meeting",
           "visit": "Visit", "note": "Note", "inquiry": "Inquiry", "sample": "Sample", "quotation": "Quotation",
           "order": "Order", "greeting": "Greeting", "import": "Import", "stage_change": "Stage change",
           "merge": "Merge", "handover": "Handover", "proforma": "Proforma invoice"},
    "zh": {"email": "邮件", "call": "电话", "whatsapp": "WhatsApp", "wechat": "微信", "meeting": "会议", "visit": "拜访",
           "note": "备注", "inquiry": "询盘", "sample": "样品", "quotation": "报价", "order": "订单", "greeting": "问候",
           "import": "导入", "stage_change": "阶段变更", "merge": "合并", "handover": "移交", "proforma": "形式发票"},
}
_QUALIFIER = re.compile(r"\s*[(（][^)）]*[)）]\s*$")  # "Swahili (macrolanguage)", "马来语 (宏语言)"


def _language(name: str) -> str:
    """ "中文; 汉语; 华语" -> "中文"; "Malay (macrolanguage)" -> "Malay"."""
    return _QUALIFIER.sub("", name.split(";")[0]).strip()


@cache
def _languages(language: str) -> dict[str, str]:
    """ISO 639-1 code -> the language's name in English or Chinese (the English one where no
    translation exists)."""
    translate = gettext.translation("iso639-3", pycountry.LOCALES_DIR, languages=["zh_CN"], fallback=True).gettext \
        if language == "zh" else str
    return {lang.alpha_2: _language(translate(lang.name)) for lang in pycountry.languages if hasattr(lang, "alpha_2")}


def labels(key: str, language: str) -> Mapping[str, str] | None:
    """code -> word for a labelled column in "en" or "zh"; None for a column that shows its value."""
    if key == "stage":
        return _STAGES[language]
    if key == "source":
        return _SOURCES[language]
    if key == "kind":
        return _KINDS[language]
    if key == "language":
        return _languages(language)
    return None


def label(key: str, value: str | None, language: str) -> str | None:
    """The word for a stored code, also for a word of either language stored as typed ("german" ->
    "德语"); other text as it is."""
    table = labels(key, language) if value else None
    if table is None:
        return value
    return table.get(value) or table.get(_codes(key).get(value.strip().casefold(), ""), value)


@cache
def _codes(key: str) -> dict[str, str]:
    """Any word of either language, and the codes themselves, case-folded -> the code."""
    found: dict[str, str] = {}
    for language in ("zh", "en"):  # English last: it wins where a Chinese name was left untranslated
        for code, word in (labels(key, language) or {}).items():
            found[word.casefold()] = code
    found.update({code: code for code in (labels(key, "en") or {})})
    if key == "rating":
        found.update({r.casefold(): r for r in RATINGS})
    return found


def code_of(key: str, text: str) -> str:
    """The code a cell's word stands for ("Trade show", "展会" -> "trade_show"); anything else as it is."""
    if key not in LABELLED or not text:
        return text
    return _codes(key).get(text.strip().casefold(), text)
