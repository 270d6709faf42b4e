"""The one error path: a clear message for the user, the details in the log file, never a traceback."""

from __future__ import annotations

import logging
import os
import sys
import threading
from logging.handlers import RotatingFileHandler

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal, Slot
from PySide6.QtWidgets import QMessageBox, QWidget

from hqdesk.domain.errors import HqdeskError
from hqdesk.resources import user_log_dir
from hqdesk.ui.i18n import tr_error

log = logging.getLogger(__name__)


class _PrivateRotatingFileHandler(RotatingFileHandler):
    """Log files readable by their owner only (POSIX), the rotated ones too: they name users and records."""

    def _open(self):
        return open(  # noqa: SIM115 - the handler owns the stream
            self.baseFilename,
            self.mode,
            encoding=self.encoding,
            errors=self.errors,
            opener=lambda path, flags: os.open(path, flags, 0o600),
        )


def setup_logging(level: int = logging.INFO) -> str:
    """A rotating log file in the per-user log dir (a windowed build has no stdout). Returns its path."""
    path = user_log_dir() / "hqdesk.log"
    root = logging.getLogger()
    if not any(isinstance(h, RotatingFileHandler) for h in root.handlers):
        handler = _PrivateRotatingFileHandler(path, maxBytes=2_000_000, backupCount=5, encoding="utf-8")
        handler.setFormatter(
            logging.Formatter("%(asctime)s %(levelname)s %(threadName)s %(name)s: %(message)s")
        )
        root.addHandler(handler)
        root.setLevel(level)
    return str(path)


def user_message(exc: BaseException) -> tuple[str, bool]:
    """(text for the user, expected?) for any exception."""
    if isinstance(exc, HqdeskError):
        return tr_error(exc), True
    name = type(exc).__module__ + "." + type(exc).__name__
    if "OperationalError" in name or "InterfaceError" in name:
        return QCoreApplication.translate(
            "Errors",
            "The database could not be reached. Check the connection and try again; nothing was saved.",
        ), False
    return QCoreApplication.translate(
        "Errors",
        "Something went wrong and the action was not completed. The details are in the log file:\n{path}",
    ).format(path=str(user_log_dir() / "hqdesk.log")), False


def show_error(parent: QWidget | None, exc: BaseException, title: str | None = None) -> None:
    text, expected = user_message(exc)
    if not expected:
        log.error("unexpected error", exc_info=(type(exc), exc, exc.__traceback__))
    box = QMessageBox(
        QMessageBox.Icon.Warning if expected else QMessageBox.Icon.Critical,
        title or QCoreApplication.translate("Errors", "hqdesk"),
        text,
        QMessageBox.StandardButton.Ok,
        parent,
    )
    box.setObjectName("errorBox")
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()


class _Forwarder(QObject):
    """Brings exceptions from other threads to the UI thread."""

    raised = Signal(object)

    def __init__(self) -> None:
        super().__init__()
        self.raised.connect(self._show, Qt.ConnectionType.QueuedConnection)

    @Slot(object)
    def _show(self, exc) -> None:
        from PySide6.QtWidgets import QApplication

        show_error(QApplication.activeWindow(), exc)


_forwarder: _Forwarder | None = None


def install_excepthooks() -> None:
    """PySide6 keeps running after an exception in a slot and calls sys.excepthook: show it, log it."""
    global _forwarder
    _forwarder = _Forwarder()

    def hook(exc_type, exc, tb):
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)
            return
        log.error("uncaught exception", exc_info=(exc_type, exc, tb))
        if _forwarder is not None:
            _forwarder.raised.emit(exc)

    def thread_hook(args):
        hook(args.exc_type, args.exc_value, args.exc_traceback)

    sys.excepthook = hook
    threading.excepthook = thread_hook


__all__ = ["setup_logging", "show_error", "install_excepthooks", "user_message"]
