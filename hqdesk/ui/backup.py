"""File › Back up the database…: a copy of the SQLite database to a file the user picks, taken in the
background with SQLite's online backup API (safe while others write). Restoring is ``hqdesk-admin restore``:
it replaces what every open window shows, so it is not a click away in the app."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from hqdesk.ui.context import UiContext
from hqdesk.ui.errors import show_error


def back_up_now(ctx: UiContext, parent: QWidget, target: Path | None = None) -> None:
    """Ask where (unless ``target`` is given), then copy in the background and say where it went."""
    if target is None:
        name, _filter = QFileDialog.getSaveFileName(
            parent,
            QCoreApplication.translate("Backup", "Back up the database"),
            str(Path.home() / f"hqdesk-{date.today().isoformat()}.sqlite3"),
            QCoreApplication.translate("Backup", "hqdesk backups (*.sqlite3)"),
        )
        if not name:
            return
        target = Path(name)

    def done(result) -> None:
        QMessageBox.information(
            parent,
            QCoreApplication.translate("Backup", "Backup"),
            QCoreApplication.translate("Backup", "The database was backed up to {path} ({size} MB).").format(
                path=str(result.path), size=f"{result.bytes / 1_000_000:.1f}"
            ),
        )

    ctx.runner.submit(
        ctx.services.backup_to, target, on_done=done, on_error=lambda exc: show_error(parent, exc)
    )


__all__ = ["back_up_now"]
