"""Test setup: headless Qt, English, no OS keyring, a fresh database file per test, a fixed clock.

The environment is set before anything imports Qt or keyring.
"""

from __future__ import annotations

import atexit
import gc
import os
import shutil
import tempfile
from pathlib import Path

os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ["LANG"] = "en_US.UTF-8"
os.environ["LANGUAGE"] = "en"
os.environ["PYTHON_KEYRING_BACKEND"] = "keyring.backends.null.Keyring"
os.environ.pop("TRADE_CRM_DB", None)
os.environ["TRADE_CRM_LOG_DIR"] = tempfile.mkdtemp(prefix="trade-crm-test-logs-")  # never the user's log folder
atexit.register(shutil.rmtree, os.environ["TRADE_CRM_LOG_DIR"], ignore_errors=True)
os.environ["TRADE_CRM_FONT_CACHE"] = "off"  # no PDF font cache in the user's folder (tests/exchange/documents/test_face_cache.py)

import pytest  # noqa: E402

from tests.book_template import open_new_book  # noqa: E402
from tests.helpers import SAMPLES_ROOT, make_xlsx, require_samples  # noqa: E402
from tests.mail_server import mail_server, mail_user  # noqa: E402, F401 (fixtures)
from tests.postgres_server import book, pg_book_url, pg_db, pg_url, postgres_server, team  # noqa: E402, F401 (fixtures)
from tests.second_connection import second_book  # noqa: E402, F401 (fixture)
from tests.team_people import own_book, staff  # noqa: E402, F401 (fixtures)
from trade_crm.domain.clock import FixedClock  # noqa: E402
from trade_crm.store.db import close_database  # noqa: E402
from trade_crm.ui.common.collector import collect_due  # noqa: E402


@pytest.fixture(scope="session", autouse=True)
def collector_on_the_main_thread():
    """As in the app (ui/common/collector.py): the cyclic collector never runs on a worker thread, where it would
    delete the Qt objects of earlier tests; it runs between tests, on this thread, by the usual thresholds."""
    was_enabled = gc.isenabled()
    gc.disable()
    yield
    if was_enabled:
        gc.enable()


@pytest.fixture(autouse=True)
def _collect_between_tests(collector_on_the_main_thread):
    yield
    collect_due()


@pytest.fixture
def automatic_collector():
    """Python's own automatic collector for one test (what domain.bulk's pause is tested against)."""
    gc.collect()
    gc.enable()
    yield
    gc.disable()


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "book.db"


@pytest.fixture
def db(db_path: Path):
    database = open_new_book(db_path)
    yield database
    close_database(database)


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock.at("2026-11-23 09:30", "Asia/Shanghai")


@pytest.fixture
def samples_dir() -> Path:
    """The shared sample files: a skip where they are absent, a failure where CI=true."""
    return require_samples(SAMPLES_ROOT, os.environ)


@pytest.fixture
def xlsx(tmp_path):
    """Build a small workbook in tmp_path: `xlsx([[header...], [row...]], name=..., sheet=...)`."""
    def build(rows, name="list.xlsx", **kwargs):
        return make_xlsx(tmp_path / name, rows, **kwargs)
    return build
