"""Named column mappings, suggested again for a file with the same headers.

Kept in the Setting table (one JSON value under MAPPINGS.key), so a backup carries them. A
mapping is found by its headers' signature: the folded headers in order, so "E-mail" and "email "
are the same header but a reordered file is a different layout.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass

from trade_crm.domain.errors import NotFoundError, ValidationError
from trade_crm.domain.text import clean_line
from trade_crm.exchange.importing.layout.headers import ColumnMapping, fold_header
from trade_crm.store.settings import SettingKey

MAPPINGS = SettingKey("import.saved_mappings", dict, {}, "Saved import column mappings")


@dataclass(frozen=True)
class SavedMapping:
    name: str
    signature: str
    headers: tuple[str, ...]
    mapping: dict[str, str]  # header -> target text ("email", "custom:Booth size", "ignore")


def signature(headers: Sequence[str]) -> str:
    text = "\x1f".join(fold_header(h) for h in headers)
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def _target_text(column: ColumnMapping) -> str:
    return f"custom:{column.custom_name}" if column.target == "custom" and column.custom_name else column.target


def _all() -> dict[str, dict]:
    return MAPPINGS.read()


def list_mappings() -> list[SavedMapping]:
    return [SavedMapping(name, v.get("signature", ""), tuple(v.get("headers", ())), dict(v.get("mapping", {})))
            for name, v in sorted(_all().items())]


def save_mapping(name: str, headers: Sequence[str], columns: Sequence[ColumnMapping]) -> SavedMapping:
    """Save (or replace) the mapping under `name`; a file with these headers will be offered it."""
    name = clean_line(name)
    if not name:
        raise ValidationError("name", "a saved mapping needs a name")
    saved = SavedMapping(name, signature(headers), tuple(headers), {c.header: _target_text(c) for c in columns})
    data = {k: v for k, v in _all().items() if v.get("signature") != saved.signature or k == name}
    data[name] = {"signature": saved.signature, "headers": list(saved.headers), "mapping": saved.mapping}
    MAPPINGS.write(data)
    return saved


def find_mapping(headers: Sequence[str]) -> SavedMapping | None:
    wanted = signature(headers)
    return next((m for m in list_mappings() if m.signature == wanted), None)


def delete_mapping(name: str) -> None:
    data = _all()
    if name not in data:
        raise NotFoundError("saved mapping", name)
    del data[name]
    MAPPINGS.write(data)
