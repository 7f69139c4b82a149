"""The people and companies of the demo book: names in their own scripts, company names and web domains,
and each contact's emails, phones (valid for the country), WhatsApp and WeChat."""

from __future__ import annotations

import re
import unicodedata
from functools import cache

from trade_crm.demo import data
from trade_crm.demo.maker import Draft, Maker
from trade_crm.demo.tables import Country, Culture

_FOLDS = str.maketrans({"ß": "ss", "ł": "l", "Ł": "l", "đ": "d", "Đ": "d", "ı": "i", "ø": "o", "æ": "ae", "œ": "oe"})
_GERMAN = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "ae", "Ö": "oe", "Ü": "ue"})
_NOT_SLUG = re.compile(r"[^a-z0-9]+")
_LEGAL = frozenset(
    "gmbh co kg ohg ek ltd llc inc corp sarl sas sa srl spa snc sl lda bv vof nv sp z o oo sc phu sro as ab aps oy "
    "ooo ao ip too llp est fze wll plc pvt pty cc sdn bhd pte pt cv ud tnhh cong ty phan ltda me de sac eirl cia y "
    "eood ood kft zrt the and for company limited hk a s sti san ve tic cie zonen sons fils figli filhos l e".split()
)


@cache
def ascii_slug(text: str, german: bool = False) -> str:
    """Latin text as email/web letters: "Müller" -> "mueller" (German) or "muller"; other scripts vanish."""
    if german:
        text = text.translate(_GERMAN)
    text = unicodedata.normalize("NFKD", text.translate(_FOLDS))
    return "".join(c for c in text if not unicodedata.combining(c)).lower()


def _slug_words(text: str, german: bool) -> list[str]:
    return [w for w in _NOT_SLUG.split(ascii_slug(text, german)) if len(w) > 1]

_PLACEHOLDER = re.compile(r"\{(\w+)\}")
_LOW_WHATSAPP = frozenset({"CN", "JP", "KR", "US", "CA"})


class PeopleMaker(Maker):
    """Draws people, companies, phone numbers and contact channels."""

    def person(self, culture: Culture, male: bool) -> tuple[str, str, str, str]:
        """(display name, given name in Latin, family name in Latin, family name in its own script)"""
        given = self.pick(culture.male if male else culture.female)
        family = self.pick(culture.family)[0 if male else 1]
        latin = culture.latin > 0 and self.rnd() < culture.latin
        g, f = (given[1], family[1]) if latin else (given[0], family[0])
        if culture.order == "vi":
            middle = self.pick(culture.middle_m if male else culture.middle_f)
            return f"{f} {middle} {g}", given[1], family[1], family[0]
        if culture.order == "eastern" and not latin:
            return f"{f}{culture.sep}{g}", given[1], family[1], family[0]
        return f"{g} {f}", given[1], family[1], family[0]

    def company(self, country: Country, line: str, family: tuple[str, str], city: tuple[str, str]
                ) -> tuple[str, list[str]]:
        template = self.pick(country.companies)
        latin_only = template.startswith("L:")
        template = template.removeprefix("L:")
        biz, word = self.pick(country.biz[line]), self.pick(country.words)
        english = self.pick(self.lines[line]["en"])
        parts = {"F": family, "B": biz, "W": word, "C": city, "BE": (english, english)}
        name = _PLACEHOLDER.sub(lambda m: self._part(parts, m.group(1), latin_only), template)
        latin = _PLACEHOLDER.sub(lambda m: self._part(parts, m.group(1), True), template)
        words = [w for w in _slug_words(latin, country.code in ("DE", "AT", "CH")) if w not in _LEGAL]
        return name, words

    @staticmethod
    def _part(parts: dict[str, tuple[str, str]], key: str, latin: bool) -> str:
        if key.endswith("L") and key != "L":
            return parts[key[:-1]][1]
        return parts[key][1 if latin else 0]

    def phone(self, country: Country, kind: str) -> str:
        code, national, free, valid = country.phone[kind]
        stem, scale = national[:-free], 10 ** free
        for _ in range(20):
            digits = stem + str(int(self.rnd() * scale)).zfill(free)
            if valid(digits):
                return f"+{code}{digits}"
        return f"+{code}{national}"

    def people(self, c: Draft) -> list[tuple[str, str, str, tuple[str, str], str]]:
        """(name as shown, given name in Latin, family name in Latin, family (native, Latin), title)."""
        low, high = self.spec.contacts
        showcase = c.showcase[5] if c.showcase else ()
        out = []
        for i in range(max(len(showcase), low) if showcase else self.between(low, high)):
            if i < len(showcase):
                display, latin, title = showcase[i]
                given, _, family = latin.partition(" ")
                out.append((display, given, family, (display.split(" ")[-1], family), title))
                continue
            culture = c.culture if i == 0 or self.rnd() < 0.85 else self.pick(c.country.cultures)[1]
            display, given, family, family_native = self.person(culture, self.rnd() < 0.62)
            out.append((display, given, family, (family_native, family), self.pick(c.country.titles)))
        return out

    def channels(self, pid: int, country: Country, given: str, family: str, domain: str, german: bool,
                 position: int, formal: bool = False) -> None:
        """Emails, phones, WhatsApp and WeChat of one contact; `formal`: first.last@company."""
        rnd, rows = self.rnd, self.rows
        g = "".join(_slug_words(given, german)) or "info"
        f = "".join(_slug_words(family, german))
        free = (rnd() < data.FREE_MAIL_SHARE or not f) and not formal
        r = 0.0 if formal else rnd()
        if free and country.code == "CN" and rnd() < 0.6:
            local = str(self.between(10_000_000, 3_999_999_999))
        elif r < 0.45 and f:
            local = f"{g}.{f}"
        elif r < 0.6:
            local = g
        elif r < 0.75 and f:
            local = f"{g[0]}{f}"
        elif r < 0.85 and not free:
            local = ("sales", "info", "purchase", "import", "office")[position % 5]
        else:
            local = f"{g}{f}{self.between(1, 99)}"
        email = f"{local}@{self.pick(country.mail) if free else domain}"
        out = [("email", email, "")]
        if rnd() < 0.15:
            out.append(("email", f"{g}.{f or 'office'}@{self.pick(country.mail)}", ""))
        mobile = self.phone(country, "mobile")
        landline = rnd() < 0.35
        phone = self.phone(country, "fixed") if landline else mobile
        code = str(country.phone["mobile"][0])
        raw = f"+{code} {phone[len(code) + 1:len(code) + 4]} {phone[len(code) + 4:]}" if rnd() < 0.5 else ""
        out.append(("phone", phone, raw))
        if rnd() < (0.3 if country.code in _LOW_WHATSAPP else 0.8):
            out.append(("whatsapp", mobile if not landline or rnd() < 0.8 else self.phone(country, "mobile"), ""))
        if country.code in data.WECHAT_COUNTRIES and rnd() < 0.5:
            out.append(("wechat", f"{g}{f}{self.between(1, 999)}"[:20], ""))
        for order, (kind, value, raw_value) in enumerate(out):
            rows.channels.append((self.next_id("channels"), pid, kind, value, raw_value, order))
