"""Where the app keeps its files. Nothing is created at import time; callers ask for a folder when they need it."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from platformdirs import PlatformDirs

from trade_crm import APP_ID

DB_ENV_VAR = "TRADE_CRM_DB"
DB_FILE_NAME = "trade-crm.db"
LOG_DIR_ENV_VAR = "TRADE_CRM_LOG_DIR"


@dataclass(frozen=True)
class AppPaths:
    data_dir: Path
    backup_dir: Path
    log_dir: Path
    config_dir: Path

    @classmethod
    def default(cls) -> AppPaths:
        dirs = PlatformDirs(appname=APP_ID, appauthor=False)
        data = Path(dirs.user_data_dir)
        return cls(
            data_dir=data,
            backup_dir=data / "backups",
            log_dir=Path(dirs.user_log_dir),
            config_dir=Path(dirs.user_config_dir),
        )

    @property
    def default_db(self) -> Path:
        return self.data_dir / DB_FILE_NAME


def resolve_db_path(explicit: str | os.PathLike[str] | None, paths: AppPaths | None = None,
                    environ: dict[str, str] | None = None) -> Path:
    """--db wins, then $TRADE_CRM_DB, then the platform's user-data folder."""
    if explicit:
        return Path(explicit).expanduser()
    env = os.environ if environ is None else environ
    if env.get(DB_ENV_VAR):
        return Path(env[DB_ENV_VAR]).expanduser()
    return (paths or AppPaths.default()).default_db


def resolve_log_dir(paths: AppPaths | None = None, environ: dict[str, str] | None = None) -> Path:
    """$TRADE_CRM_LOG_DIR (tests, a portable install), else the platform's log folder."""
    env = os.environ if environ is None else environ
    if env.get(LOG_DIR_ENV_VAR):
        return Path(env[LOG_DIR_ENV_VAR]).expanduser()
    return (paths or AppPaths.default()).log_dir


def user_cache_dir() -> Path:
    """The platform's per-user cache folder (files the app can rebuild: the PDF font cache)."""
    return Path(PlatformDirs(appname=APP_ID, appauthor=False).user_cache_dir)
