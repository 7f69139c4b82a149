"""The printed labels of the built-in layouts (PDF and .xlsx) in English and Chinese, from one table.

Content (names, addresses, terms) prints as typed; only these words follow `QuoteDocument.language`.
Bank words keep their English abbreviations in Chinese too (SWIFT, IBAN), as Chinese banks print them.
"""

from __future__ import annotations

LANGUAGES = ("en", "zh")

LABELS: dict[str, tuple[str, str]] = {
    "quotation": ("QUOTATION", "报价单"),
    "proforma": ("PROFORMA INVOICE", "形式发票"),
    "number": ("No.", "编号"),
    "date": ("Date", "日期"),
    "valid_until": ("Valid until", "有效期至"),
    "buyer": ("Buyer", "买方"),
    "consignee": ("Consignee", "收货人"),
    "seller": ("Seller", "卖方"),
    "tax_id": ("Tax ID", "税号"),
    "terms": ("Terms", "条款"),
    "incoterm": ("Delivery terms", "贸易术语"),
    "payment_terms": ("Payment", "付款方式"),
    "lead_time": ("Lead time", "交货期"),
    "port_of_loading": ("Port of loading", "装运港"),
    "port_of_discharge": ("Port of discharge", "目的港"),
    "col_no": ("No.", "序号"),
    "col_photo": ("Photo", "图片"),
    "col_sku": ("Item No.", "货号"),
    "col_description": ("Description", "品名及描述"),
    "col_hs": ("HS code", "海关编码"),
    "col_qty": ("Qty", "数量"),
    "col_unit": ("Unit", "单位"),
    "col_price": ("Unit price", "单价"),
    "col_discount": ("Disc. %", "折扣 %"),
    "col_amount": ("Amount", "金额"),
    "total": ("Total", "合计"),
    "in_words": ("In words", "金额（英文大写）"),
    "packing": ("Packing", "包装"),
    "cartons": ("cartons", "箱"),
    "net_weight": ("N.W.", "净重"),
    "gross_weight": ("G.W.", "毛重"),
    "volume": ("Volume", "体积"),
    "bank": ("Bank details", "银行信息"),
    "beneficiary": ("Beneficiary", "收款人"),
    "bank_name": ("Bank", "开户银行"),
    "bank_address": ("Bank address", "银行地址"),
    "swift": ("SWIFT / BIC", "SWIFT / BIC"),
    "account": ("Account No.", "银行账号"),
    "iban": ("IBAN", "IBAN"),
    "notes": ("Notes", "备注"),
    "for_seller": ("For and on behalf of", "卖方签章"),
    "buyer_confirmation": ("Confirmed by the buyer", "买方确认"),
    "page": ("Page", "页"),
    "continued": ("continued", "续"),
}


def label(key: str, language: str) -> str:
    """The label `key` in `language` ("en" or "zh"; anything else prints English)."""
    english, chinese = LABELS[key]
    return chinese if language == "zh" else english


def labels_text(language: str) -> str:
    """Every label in `language`, joined: the characters a layout may print besides the document's own."""
    return "".join(label(key, language) for key in LABELS)
