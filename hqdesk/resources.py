"""Find shipped files (migrations, translations, fonts, demo data) and per-user folders.

One helper for every layout:
- a source checkout or editable install: ``<checkout>/resources`` and ``<checkout>/db``;
- an installed wheel: ``hqdesk/_data/resources`` and ``hqdesk/_data/db`` (see pyproject force-include);
- a frozen Windows build: the same ``_data`` folder under ``sys._MEIPASS``.
"""

from __future__ import annotations

import os
import sys
from functools import cache
from pathlib import Path

APP_NAME = "hqdesk"
APP_AUTHOR = "hqdesk"


@cache
def _roots() -> dict[str, Path]:
    package_dir = Path(__file__).resolve().parent
    candidates: list[Path] = []
    frozen_base = getattr(sys, "_MEIPASS", None)
    if frozen_base:
        candidates.append(Path(frozen_base) / "hqdesk" / "_data")
    candidates.append(package_dir / "_data")
    candidates.append(package_dir.parent)  # source checkout
    for base in candidates:
        if (base / "resources").is_dir() and (base / "db").is_dir():
            return {"resources": base / "resources", "db": base / "db"}
    raise FileNotFoundError(
        "hqdesk's resources are missing: looked in " + ", ".join(str(c) for c in candidates)
    )


def resource_path(*parts: str) -> Path:
    """A path under the shipped ``resources/`` folder."""
    return _roots()["resources"].joinpath(*parts)


def db_path(*parts: str) -> Path:
    """A path under the shipped ``db/`` folder (migrations, demo data pools)."""
    return _roots()["db"].joinpath(*parts)


def user_data_dir() -> Path:
    """Per-user data folder (the default SQLite files live here). HQDESK_DATA_DIR overrides it."""
    override = os.environ.get("HQDESK_DATA_DIR")
    if override:
        path = Path(override)
    else:
        from platformdirs import user_data_dir as _udd

        path = Path(_udd(APP_NAME, APP_AUTHOR))
    path.mkdir(parents=True, exist_ok=True, mode=0o700)  # POSIX: the owner's only (data, logs)
    return path


def user_log_dir() -> Path:
    override = os.environ.get("HQDESK_DATA_DIR")
    if override:
        path = Path(override) / "logs"
    else:
        from platformdirs import user_log_dir as _uld

        path = Path(_uld(APP_NAME, APP_AUTHOR))
    path.mkdir(parents=True, exist_ok=True, mode=0o700)  # POSIX: the owner's only (data, logs)
    return path


def default_database_url() -> str:
    """The user's own SQLite file, unless HQDESK_DB says otherwise."""
    env = os.environ.get("HQDESK_DB")
    if env:
        return env
    return "sqlite:///" + (user_data_dir() / "hqdesk.sqlite3").as_posix()


def demo_database_url() -> str:
    return "sqlite:///" + (user_data_dir() / "hqdesk-demo.sqlite3").as_posix()
