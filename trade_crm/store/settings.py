"""Settings kept in the database, each key declared once with its type, default and label.

Settings that belong to the book (cadences, holiday lead time, reporting currency) live here so
a backup carries them; window geometry and the UI language live in QSettings instead.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Generic, TypeVar

from trade_crm.store.models import Setting, database

T = TypeVar("T")


@dataclass(frozen=True)
class SettingKey(Generic[T]):
    key: str
    type: type
    default: T
    label: str  # English; the UI translates it

    def read(self) -> T:
        row = Setting.get_or_none(Setting.key == self.key)
        if row is None:
            return self.default
        try:
            value = json.loads(row.value)
        except ValueError:
            return self.default
        return value if isinstance(value, self.type) else self.default

    def write(self, value: T) -> None:
        if not isinstance(value, self.type):
            raise TypeError(f"setting {self.key} takes {self.type.__name__}, not {type(value).__name__}")
        with database.atomic():
            text = json.dumps(value, ensure_ascii=False)  # an upsert on both engines (SQLite 3.24+)
            (Setting.insert(key=self.key, value=text)
             .on_conflict(conflict_target=[Setting.key], update={Setting.value: text}).execute())
