"""An HTML mail body as readable plain text, with the stdlib's html.parser (no network, no scripts).

Paragraphs and blocks become lines with a blank line between paragraphs, <br> a line break, list items
"- " (or "1. " in an ordered list), table cells are separated by " | ", a link is "text (url)" unless the
text already says the url, an image its alt text. Nothing of <script>, <style>, <head> or <template> is
kept; entities are decoded. Whitespace is collapsed as a browser would, except inside <pre>. The read stops
once `limit` characters are out, so a huge newsletter costs no more than the text that is kept.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

_HIDDEN = frozenset({"script", "style", "head", "title", "template", "noscript", "svg", "object", "iframe"})
_BLOCK = frozenset({"p", "div", "section", "article", "header", "footer", "main", "aside", "nav", "blockquote",
                    "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "dl", "dd", "dt", "table", "form",
                    "fieldset", "address", "center", "hr", "figure", "figcaption", "caption"})
_PARAGRAPH = frozenset({"p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "table", "ul", "ol", "hr"})
_VOID = frozenset({"br", "img", "hr", "meta", "link", "input", "wbr", "area", "base", "col", "source"})
_SPACE = re.compile(r"[ \t\r\n\f\u200b]+")
_BLANKS = re.compile(r"\n[ \t]*(?:\n[ \t]*){2,}")
_TRAILING = re.compile(r"[ \t]+\n")
_CHUNK = 64 * 1024


class _Text(HTMLParser):
    def __init__(self, limit: int) -> None:
        super().__init__(convert_charrefs=True)
        self.limit = limit
        self.out: list[str] = []
        self.length = 0
        self.hidden = 0  # depth inside hidden elements
        self.pre = 0
        self.lists: list[list[int]] = []  # per open list: [next number] or [] for a bullet list
        self.links: list[tuple[str, int]] = []  # (href, where its text starts in out)
        self.at_line_start = True
        self.pending_space = False
        self.newlines = 0  # line breaks at the end of the text so far

    @property
    def full(self) -> bool:
        return self.length >= self.limit

    def _emit(self, text: str) -> None:
        if text:
            self.out.append(text)
            self.length += len(text)
            stripped = text.rstrip("\n")
            self.newlines = len(text) - len(stripped) + (self.newlines if not stripped else 0)

    def _newline(self, blank: bool = False) -> None:
        """End the line (and leave a blank one when `blank`), adding only the line breaks still missing."""
        self.pending_space = False
        if not self.out:
            return
        self._emit("\n" * max((2 if blank else 1) - self.newlines, 0))
        self.at_line_start = True

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _HIDDEN:
            if tag not in _VOID:
                self.hidden += 1
            return
        if self.hidden:
            return
        if tag == "br":
            self.newlines = 0  # a <br> always breaks, even after a block's end
            self._emit("\n")
            self.at_line_start, self.pending_space = True, False
        elif tag in ("ul", "ol"):
            self._newline(blank=not self.lists)
            self.lists.append([1] if tag == "ol" else [])
        elif tag == "li":
            self._newline()
            depth = max(len(self.lists) - 1, 0)
            counter = self.lists[-1] if self.lists else []
            if counter:
                marker = f"{counter[0]}. "
                counter[0] += 1
            else:
                marker = "- "
            self._emit("  " * depth + marker)
            self.at_line_start = False
        elif tag in _BLOCK or tag == "tr":
            self._newline(blank=tag in _PARAGRAPH)
        elif tag in ("td", "th"):
            if not self.at_line_start:
                self._emit(" | ")
                self.pending_space = False
        elif tag == "pre":
            self._newline(blank=True)
            self.pre += 1
        elif tag == "a":
            href = (dict(attrs).get("href") or "").strip()
            self.links.append((href, len(self.out)))
        elif tag == "img":
            alt = (dict(attrs).get("alt") or "").strip()
            if alt:
                self.handle_data(alt)

    def handle_endtag(self, tag: str) -> None:
        if tag in _HIDDEN:
            self.hidden = max(self.hidden - 1, 0)
            return
        if self.hidden:
            return
        if tag in ("ul", "ol"):
            if self.lists:
                self.lists.pop()
            self._newline(blank=not self.lists)
        elif tag == "pre":
            self.pre = max(self.pre - 1, 0)
            self._newline(blank=True)
        elif tag in _BLOCK or tag in ("tr", "li"):
            self._newline(blank=tag in _PARAGRAPH)
        elif tag == "a" and self.links:
            href, start = self.links.pop()
            text = "".join(self.out[start:]).strip()
            shown = href.removeprefix("mailto:")
            if (href and not href.startswith(("#", "javascript:", "data:", "cid:")) and shown not in text
                    and text not in (href, shown)):
                self._emit(f" ({href})" if text else href)
                self.at_line_start = False

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in _VOID:
            self.handle_endtag(tag)

    def handle_data(self, data: str) -> None:
        if self.hidden or not data:
            return
        if self.pre:
            self._emit(data)
            self.at_line_start = data.endswith("\n")
            return
        leading = data[0] in " \t\r\n\f"
        trailing = data[-1] in " \t\r\n\f"
        text = _SPACE.sub(" ", data).strip()
        if not text:
            self.pending_space = self.pending_space or not self.at_line_start
            return
        if (leading or self.pending_space) and not self.at_line_start:
            self._emit(" ")
        self._emit(text)
        self.at_line_start = False
        self.pending_space = trailing


def html_to_text(html: str, limit: int = 1_000_000) -> str:
    """Readable text of an HTML document, at most about `limit` characters (the caller cuts exactly)."""
    parser = _Text(limit)
    try:
        for start in range(0, len(html), _CHUNK):
            parser.feed(html[start:start + _CHUNK])
            if parser.full:
                break
        else:
            parser.close()
    except Exception:  # noqa: BLE001 - html.parser is lenient; anything it still raises keeps the text so far
        pass
    text = "".join(parser.out).replace("\xa0", " ")
    text = _TRAILING.sub("\n", text)
    return _BLANKS.sub("\n\n", text).strip()
