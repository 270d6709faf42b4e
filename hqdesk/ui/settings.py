"""Typed per-user options, declared once and stored in QSettings (Picard's options.py habit).

The database URL never holds a password (that lives in the OS keyring); window geometry is saved per window.
HQDESK_SETTINGS_DIR puts the settings in an INI file there (tests, portable use).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QByteArray, QSettings

T = TypeVar("T")


@dataclass(frozen=True)
class Option(Generic[T]):
    key: str
    default: T
    kind: type

    def get(self, settings: QSettings) -> T:
        value = settings.value(self.key, self.default)
        if self.kind is bool and isinstance(value, str):
            return value.lower() in ("1", "true", "yes")  # type: ignore[return-value]
        try:
            return self.kind(value)
        except (TypeError, ValueError):
            return self.default

    def set(self, settings: QSettings, value: T) -> None:
        settings.setValue(self.key, value)


DATABASE_URL = Option("database/url", "", str)  # "" = the user's own SQLite file
LANGUAGE = Option("ui/language", "", str)  # "" = from the system locale; "zh_CN" / "en"
LAST_USERNAME = Option("ui/last_username", "", str)


def open_settings() -> QSettings:
    folder = os.environ.get("HQDESK_SETTINGS_DIR")
    if folder:
        os.makedirs(folder, mode=0o700, exist_ok=True)  # POSIX: readable by the owner only
        return QSettings(os.path.join(folder, "hqdesk.ini"), QSettings.Format.IniFormat)
    settings = QSettings("hqdesk", "hqdesk")
    if os.name == "posix":  # Qt would create the folder readable by everyone
        os.makedirs(os.path.dirname(settings.fileName()), mode=0o700, exist_ok=True)
    return settings


def save_geometry(settings: QSettings, name: str, widget: Any) -> None:
    settings.setValue(f"geometry/{name}", widget.saveGeometry())
    if hasattr(widget, "saveState"):
        settings.setValue(f"state/{name}", widget.saveState())


def restore_geometry(settings: QSettings, name: str, widget: Any) -> bool:
    geometry = settings.value(f"geometry/{name}")
    if isinstance(geometry, QByteArray) and not geometry.isEmpty():
        widget.restoreGeometry(geometry)
        state = settings.value(f"state/{name}")
        if isinstance(state, QByteArray) and hasattr(widget, "restoreState"):
            widget.restoreState(state)
        return True
    return False
