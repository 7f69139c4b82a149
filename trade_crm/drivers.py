"""Keep peewee from loading psycopg at start-up; a PostgreSQL book loads it when one is opened.

peewee 4 runs `import psycopg` inside its own import whenever psycopg is installed: 150 ms of every
start (peewee alone is ~25 ms), though only a team book (store/pg_book.py) ever uses it. This finder
answers "not installed" to that one import, made while peewee's module is still half-built; any later
`import psycopg` (store/pg_book.py's, a test's) finds the real package. pg_book brings its own
psycopg 3 adapter, so peewee's missing module global never matters.
"""

from __future__ import annotations

import sys


class HidePsycopgFromPeewee:
    """A meta path finder (find_spec is all one needs; importlib.abc would cost ~8 ms of every start)."""

    def find_spec(self, name, path=None, target=None):
        peewee = sys.modules.get("peewee")
        if name == "psycopg" and peewee is not None and not hasattr(peewee, "Model"):
            raise ModuleNotFoundError("psycopg is loaded when a PostgreSQL book is opened", name=name)
        return None


def install() -> None:
    if not any(isinstance(f, HidePsycopgFromPeewee) for f in sys.meta_path):
        sys.meta_path.insert(0, HidePsycopgFromPeewee())
