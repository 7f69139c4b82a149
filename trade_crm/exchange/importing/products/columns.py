"""A product list's columns: which header feeds which product field, in English and Chinese as suppliers and
factories write them ("SKU/货号/型号", "品名", "FOB价", "≥1000 单价", "外箱尺寸", "N.W./净重", ...).

A column's target is one of TARGETS; `local:xx` is the name in language xx ("中文名" -> local:zh, the export's
"Name (ar)" -> local:ar); `price` is the price from any quantity and `price:N` the price from N units up
("Price 1000+", "≥1000 单价", "单价(1,000pcs以上)"). Headers are compared folded (case, width, spaces and
punctuation aside), then without a trailing unit ("N.W. (kg)", "Price (USD)"); a header none of these
knows is left out of the import and named in a notice.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal

from trade_crm.domain.errors import ValidationError

TARGETS = {
    "sku": "SKU", "name": "Name", "description": "Description", "hs_code": "HS code", "unit": "Unit",
    "moq": "MOQ", "currency": "Currency", "price": "Price", "cost": "Cost", "pcs_per_carton": "Pcs/carton",
    "carton_size": "Carton size (L×W×H cm)", "carton_length_cm": "Carton L (cm)",
    "carton_width_cm": "Carton W (cm)", "carton_height_cm": "Carton H (cm)", "carton_cbm": "CBM",
    "carton_net_kg": "N.W. (kg)", "carton_gross_kg": "G.W. (kg)", "tags": "Tags", "ignore": "Ignore",
}
_SYNONYMS = {
    "sku": ("sku", "货号", "型号", "itemno", "itemnumber", "item", "itemcode", "model", "modelno", "modelnumber",
            "artno", "articleno", "article", "编号", "产品编号", "产品型号", "商品编号", "partno", "partnumber",
            "productcode", "productno", "款号", "品号", "ref", "reference"),
    "name": ("name", "productname", "product", "品名", "产品名称", "名称", "商品名称", "englishname", "英文名",
             "英文品名", "英文名称", "itemname", "nameen", "productnameen", "englishproductname"),
    "local:zh": ("中文名", "中文品名", "中文名称", "chinesename", "namecn", "中文", "产品中文名", "productnamecn"),
    "local:ar": ("arabicname", "阿拉伯语名称", "阿语名称", "阿拉伯文名称", "阿拉伯语名"),
    "local:ru": ("russianname", "俄语名称", "俄文名称", "俄文名", "俄语名"),
    "description": ("description", "desc", "描述", "产品描述", "说明", "产品说明", "specification", "specifications",
                    "spec", "specs", "规格", "规格描述", "details", "详细描述", "商品描述"),
    "hs_code": ("hscode", "hs", "海关编码", "hs编码", "商品编码", "税号", "hstariffcode", "tariffcode", "hsno"),
    "unit": ("unit", "单位", "uom", "计量单位"),
    "moq": ("moq", "起订量", "最小起订量", "最低起订量", "minorder", "minimumorder", "minorderqty",
            "minimumorderquantity", "minqty"),
    "currency": ("currency", "币种", "货币", "币别", "curr"),
    "price": ("price", "单价", "fob价", "fobprice", "unitprice", "价格", "报价", "fob", "exwprice", "exw价",
              "出厂价", "fob单价", "listprice", "销售价"),
    "cost": ("cost", "成本", "成本价", "采购价", "进价", "purchaseprice", "costprice"),
    "pcs_per_carton": ("pcscarton", "pcsctn", "pcspercarton", "pcsperctn", "qtycarton", "qtyctn", "qtypercarton",
                       "qtyperctn", "装箱数", "装箱量", "每箱数量", "每箱个数", "箱装数量", "unitspercarton", "packing"),
    "carton_size": ("cartonsize", "外箱尺寸", "纸箱尺寸", "箱子尺寸", "外箱规格", "ctnsize", "cartondimensions",
                    "cartondimension", "measurement", "meas", "cartonmeasurement", "cartonsizelwh", "ctnmeas"),
    "carton_length_cm": ("cartonl", "cartonlength", "外箱长", "ctnl", "ctnlength"),
    "carton_width_cm": ("cartonw", "cartonwidth", "外箱宽", "ctnw", "ctnwidth"),
    "carton_height_cm": ("cartonh", "cartonheight", "外箱高", "ctnh", "ctnheight"),
    "carton_cbm": ("cbm", "体积", "volume", "立方数", "立方", "m3", "cbmctn", "cbmcarton", "cartoncbm", "外箱体积"),
    "carton_net_kg": ("nw", "netweight", "净重", "nwctn", "nwcarton", "ctnnw"),
    "carton_gross_kg": ("gw", "grossweight", "毛重", "gwctn", "gwcarton", "ctngw"),
    "tags": ("tags", "tag", "标签", "category", "categories", "分类", "类别", "产品分类"),
}
_BY_KEY = {key: target for target, keys in _SYNONYMS.items() for key in keys}
_UNITS = ("kgs", "kg", "公斤", "千克", "cm", "厘米", "m³", "m3", "usd", "rmb", "cny", "eur", "美元", "元",
          "pcs", "ctn", "lwh", "l×w×h", "lxwxh", "l*w*h")
_PUNCT = re.compile(r"[\s\-_./:：·•,，;；|()（）\[\]【】{}<>《》'\"“”‘’?？!！#№]+")
_PRICE_WORDS = ("price", "单价", "价格", "报价", "fob", "exw", "出厂价")
_TIER_NUMBER = re.compile(r"(\d[\d,]*(?:\.\d+)?)\s*(?:k\b)?")
_LOCAL_NAME = re.compile(r"^\s*(?:name|名称)\s*[(（]\s*([a-z]{2,3})\s*[)）]\s*$", re.IGNORECASE)


@dataclass(frozen=True)
class ProductColumn:
    index: int
    header: str
    target: str  # a TARGETS key, "local:xx" or "price:N"
    origin: str = "header"  # "header" (recognised) or "user" (--map)

    @property
    def min_quantity(self) -> Decimal | None:
        """A price column's minimum quantity (0 for the plain price); None for any other column."""
        if self.target == "price":
            return Decimal(0)
        if self.target.startswith("price:"):
            return Decimal(self.target[6:])
        return None


def fold_header(header: str) -> str:
    return _PUNCT.sub("", unicodedata.normalize("NFKC", header).casefold())


def _tier(header: str) -> str | None:
    """ "Price 1000+", "≥1000 单价", "FOB price (1,000-4,999 pcs)" -> "price:1000"; None when no tier."""
    folded = unicodedata.normalize("NFKC", header).casefold()
    if not any(word in folded for word in _PRICE_WORDS):
        return None
    match = _TIER_NUMBER.search(folded)
    if match is None:
        return None
    number = Decimal(match.group(1).replace(",", ""))
    if folded[match.end(1):match.end(1) + 1] == "k":
        number *= 1000
    return f"price:{number.normalize():f}" if number > 0 else "price"


def header_target(header: str) -> str | None:
    """The target a header means, or None when it is not a product header this knows."""
    local = _LOCAL_NAME.match(header)
    if local:
        return f"local:{local.group(1).lower()}"
    key = fold_header(header)
    if not key:
        return None
    if key in _BY_KEY:
        return _BY_KEY[key]
    tier = _tier(header)
    if tier:
        return tier
    stripped = True
    while stripped:  # "cartonsizel×w×hcm" -> "cartonsizel×w×h" -> "cartonsize"
        stripped = False
        for unit in _UNITS:
            if key.endswith(unit) and len(key) > len(unit):
                key, stripped = key[:-len(unit)], True
                if key in _BY_KEY:
                    return _BY_KEY[key]
                break
    return None


def parse_target(text: str) -> str:
    """A --map target as typed ("sku", "local:zh", "price:1000", "ignore"); else ValidationError."""
    target = text.strip().lower().replace(" ", "_")
    if target in TARGETS or re.fullmatch(r"local:[a-z]{2,3}", target):
        return target
    if target.startswith("price:"):
        try:
            number = Decimal(target[6:].replace(",", ""))
        except ArithmeticError:
            number = Decimal(-1)
        if number >= 0:
            return f"price:{number.normalize():f}" if number else "price"
    choices = ", ".join([*TARGETS, "local:xx", "price:N"])
    raise ValidationError("--map", f'"{text}" is not a product field; use one of {choices}')


def map_columns(headers: Sequence[str], overrides: Mapping[str, str] | None = None) -> tuple[ProductColumn, ...]:
    """Every column with its target (None-targets left out), the user's choices over the recognised ones. A
    second column for a target already taken is left out too (the first one wins), but two description
    columns are both read."""
    by_fold = {fold_header(h): i for i, h in enumerate(headers)}
    chosen: dict[int, tuple[str, str]] = {}
    for index, header in enumerate(headers):
        target = header_target(header)
        if target is not None:
            chosen[index] = (target, "header")
    for header, target in (overrides or {}).items():
        index = headers.index(header) if header in headers else by_fold.get(fold_header(header))
        if index is None:
            known = ", ".join(f'"{h}"' for h in headers)
            raise ValidationError("--map", f'the file has no column "{header}"; its columns are {known}')
        chosen[index] = (parse_target(target), "user")
    columns, taken = [], set()
    for index in sorted(chosen):
        target, origin = chosen[index]
        if target == "ignore" or (target in taken and target != "description"):
            continue
        taken.add(target)
        columns.append(ProductColumn(index, headers[index], target, origin))
    return tuple(columns)


def header_score(cells: Sequence[str]) -> int:
    """How many cells of a row are product headers this knows (a header row has SKU or name among them)."""
    targets = [header_target(c) for c in cells if c and c.strip()]
    if not {"sku", "name"} & set(targets):
        return 0
    return sum(1 for t in targets if t is not None)


def find_header(rows: Sequence[Sequence[str]], limit: int = 30) -> int | None:
    """The index of the product header row among the first `limit` rows (the one naming the most product
    fields, at least two), or None."""
    best, best_score = None, 1
    for index, row in enumerate(rows[:limit]):
        score = header_score(row)
        if score > best_score:
            best, best_score = index, score
    return best
