"""The one error path: a clear message for the user, the details in the log file, never a traceback."""

from __future__ import annotations

import logging
import os
import sys
import threading
import traceback
from dataclasses import dataclass
from logging.handlers import RotatingFileHandler

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal, Slot
from PySide6.QtWidgets import QMessageBox, QWidget

from hqdesk.domain.errors import HqdeskError
from hqdesk.resources import user_log_dir
from hqdesk.services.errors import explain
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


@dataclass(frozen=True)
class ErrorReport:
    """What the user is told about an exception: ``text`` in the UI language (never a class name or a
    driver's English), ``details`` the technical words for the "Details" button (empty when there are
    none), ``expected`` whether it is an hqdesk error rather than a bug."""

    text: str
    details: str
    expected: bool


def _technical(exc: BaseException) -> str:
    name = f"{type(exc).__module__}.{type(exc).__qualname__}"
    return f"{name}: {exc}" if str(exc) else name


def describe(exc: BaseException) -> ErrorReport:
    """The one mapping from an exception to words, generic over the error classes: an hqdesk error says
    itself in the user's language (``HqdeskError.text``); a database failure is explained by the services
    (``hqdesk.services.errors.explain``); anything else is a bug, shown as such with its traceback."""
    explained = explain(exc)
    if explained is not None:
        details = explained.details or ""
        cause = explained.__cause__ if explained is not exc else exc.__cause__
        if not details and cause is not None:
            details = _technical(cause)
        return ErrorReport(tr_error(explained), details, isinstance(exc, HqdeskError))
    text = QCoreApplication.translate(
        "Errors",
        "Something went wrong and the action was not completed. The details are in the log file:\n{path}",
    ).format(path=str(user_log_dir() / "hqdesk.log"))
    details = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__)).strip()
    return ErrorReport(text, details, False)


def user_message(exc: BaseException) -> tuple[str, bool]:
    """(text for the user, expected?) for any exception; its technical details go to the log (a caller
    that shows the text in a label has no "Details" button)."""
    report = describe(exc)
    if report.details:
        log.warning("%s (%s)", report.text, report.details)
    return report.text, report.expected


def show_error(parent: QWidget | None, exc: BaseException, title: str | None = None) -> QMessageBox:
    """The one error dialog: the message in the user's language; the technical details in the log file and
    behind the dialog's "Show Details..." button."""
    report = describe(exc)
    if not report.expected:
        log.error("unexpected error", exc_info=(type(exc), exc, exc.__traceback__))
    elif report.details:
        log.warning("%s (%s)", exc, report.details)
    box = QMessageBox(
        QMessageBox.Icon.Warning if report.expected else QMessageBox.Icon.Critical,
        title or QCoreApplication.translate("Errors", "hqdesk"),
        report.text,
        QMessageBox.StandardButton.Ok,
        parent,
    )
    box.setObjectName("errorBox")
    if report.details:
        box.setDetailedText(report.details)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box


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


__all__ = ["setup_logging", "show_error", "install_excepthooks", "user_message", "describe", "ErrorReport"]
