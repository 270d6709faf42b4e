"""Typed per-user options, declared once and stored in QSettings (Picard's options.py habit).

The database URL never holds a password (that lives in the OS keyring); window geometry is saved per window
and restored only where it fits the screens present.
HQDESK_SETTINGS_DIR puts the settings in an INI file there (tests, portable use).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QByteArray, QMargins, QRect, QSettings, QSize, Qt

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
BACKUP_KEEP_DAYS = Option("backup/keep_days", 14, int)  # the automatic daily backups of a SQLite database


def open_settings() -> QSettings:
    folder = os.environ.get("HQDESK_SETTINGS_DIR")
    if folder:
        os.makedirs(folder, mode=0o700, exist_ok=True)  # POSIX: readable by the owner only
        return QSettings(os.path.join(folder, "hqdesk.ini"), QSettings.Format.IniFormat)
    settings = QSettings("hqdesk", "hqdesk")
    if os.name == "posix":  # Qt would create the folder readable by everyone
        os.makedirs(os.path.dirname(settings.fileName()), mode=0o700, exist_ok=True)
    return settings


# ----- window geometry ------------------------------------------------------------------------------------
# The first window asks for this much room and gets what the screen's available area (without taskbar or
# dock) leaves after the window frame; a saved geometry is used only when it still fits a present screen.
PREFERRED_SIZE = QSize(1440, 900)
# Title bar and borders around the client area, before the window is shown and the real frame is known
# (Windows 10/11 at 100 %: about 8 px each side, 31 px title bar; more at 150 %, which the scale factor
# does not change in logical pixels).
FRAME_ALLOWANCE = QMargins(8, 32, 8, 8)
# A restored window may overhang a screen's edge by this much (frames drawn outside, rounding).
FIT_TOLERANCE = 10


def first_geometry(
    available: QRect, preferred: QSize = PREFERRED_SIZE, frame: QMargins = FRAME_ALLOWANCE
) -> QRect:
    """The client area of a first window on a screen whose available area is ``available``: at most
    ``preferred``, small enough that the frame (title bar included) stays inside, centred."""
    inner = available.marginsRemoved(frame)
    width = min(preferred.width(), inner.width())
    height = min(preferred.height(), inner.height())
    x = inner.x() + (inner.width() - width) // 2
    y = inner.y() + (inner.height() - height) // 2
    return QRect(x, y, width, height)


def fits_a_screen(rect: QRect, screens: list[QRect], frame: QMargins = FRAME_ALLOWANCE) -> bool:
    """Does the window whose client area is ``rect`` lie, frame included, within one of the ``screens``'
    available areas (give or take FIT_TOLERANCE pixels)?"""
    if rect.isEmpty():
        return False
    outer = rect.marginsAdded(frame)
    t = FIT_TOLERANCE
    return any(screen.adjusted(-t, -t, t, t).contains(outer) for screen in screens)


def choose_geometry(
    saved: QRect | None, screens: list[QRect], primary: QRect, frame: QMargins = FRAME_ALLOWANCE
) -> tuple[QRect, bool]:
    """(the client area to use, whether it is the saved one). ``screens``: the available areas of the screens
    present now; ``primary``: the one to use when the saved geometry does not fit any of them."""
    if saved is not None and fits_a_screen(saved, screens, frame):
        return QRect(saved), True
    return first_geometry(primary, frame=frame), False


def _screens() -> tuple[list[QRect], QRect]:
    from PySide6.QtGui import QGuiApplication

    screens = [s.availableGeometry() for s in QGuiApplication.screens()]
    primary = QGuiApplication.primaryScreen()
    return screens, primary.availableGeometry() if primary is not None else QRect(0, 0, 1280, 720)


def save_window(settings: QSettings, name: str, window: Any) -> None:
    """The window's normal (not maximised) client area, whether it was maximised, and its tool bar/dock state."""
    rect = window.normalGeometry() if window.isMaximized() else window.geometry()
    settings.setValue(f"window/{name}/rect", rect)
    settings.setValue(f"window/{name}/maximized", bool(window.isMaximized()))
    if hasattr(window, "saveState"):
        settings.setValue(f"state/{name}", window.saveState())


def place_window(
    settings: QSettings,
    name: str,
    window: Any,
    screens: list[QRect] | None = None,
    primary: QRect | None = None,
) -> bool:
    """Size and place ``window`` before it is shown: the saved geometry if it fits one of the present screens,
    otherwise a first geometry from the primary screen. True if the saved geometry was used.

    ``screens``/``primary`` (available areas) default to the real screens; tests pass their own.
    """
    if screens is None or primary is None:
        real_screens, real_primary = _screens()
        screens = real_screens if screens is None else screens
        primary = real_primary if primary is None else primary
    saved = settings.value(f"window/{name}/rect")
    rect, restored = choose_geometry(saved if isinstance(saved, QRect) else None, screens, primary)
    window.setGeometry(rect)
    if restored:
        maximized = settings.value(f"window/{name}/maximized", False)
        if maximized is True or str(maximized).lower() == "true":
            window.setWindowState(window.windowState() | Qt.WindowState.WindowMaximized)
        state = settings.value(f"state/{name}")
        if isinstance(state, QByteArray) and hasattr(window, "restoreState"):
            window.restoreState(state)
    return restored


# ----- language ---------------------------------------------------------------------------------------------
# Layout remembered in pixels measured for one language's texts (column widths fitted to "Suspended" do not
# fit "已暂停", and the other way round): forgotten when the language changes. The franchisee list reads
# and writes these keys (hqdesk/ui/views/franchisees.py: SETTINGS_HEADER, SETTINGS_SPLITTER).
LANGUAGE_DEPENDENT_KEYS = ("franchisees/header", "franchisees/splitter")


def forget_language_dependent_layout(settings: QSettings) -> None:
    for key in LANGUAGE_DEPENDENT_KEYS:
        settings.remove(key)


LAYOUT_LANGUAGE = Option("ui/layout_language", "", str)  # the language the remembered layout was measured in


def layout_for_language(settings: QSettings, language: str) -> bool:
    """Forget the remembered layout if it was measured in another language than ``language`` (the one being
    used now: a switch in the settings, or ``--lang`` for one run); True if it was forgotten."""
    measured = LAYOUT_LANGUAGE.get(settings)
    LAYOUT_LANGUAGE.set(settings, language)
    if measured and measured != language:
        forget_language_dependent_layout(settings)
        return True
    return False
