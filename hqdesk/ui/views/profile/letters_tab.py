"""The profile's Letters tab: every letter written to the franchisee (date, kind, what about, language, template
version, who), with Open (the letter in the preview), Reprint (the print dialog) and Save as….

The PDF comes from the history itself, so a reprint is the same letter, byte for byte, as the one sent. The
tab loads through the task runner whenever the editor loads the franchisee and reloads on letter changes.
"""

from __future__ import annotations

import dataclasses
import tempfile
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from hqdesk.ui.errors import show_error
from hqdesk.ui.models.letters import LetterHistoryModel
from hqdesk.ui.views import letters_engine as engine
from hqdesk.ui.views.profile.tabs import table_view

CONTEXT = "LettersTab"


class LetterPreviewDialog(QDialog):
    """One letter from the history on screen, with Print and Save to folder."""

    def __init__(self, runner, path: Path, save_name: str, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from hqdesk.ui.views.letters_preview import PdfPreview

        self.setObjectName("letterPreviewDialog")
        self.setWindowTitle(title)
        v = QVBoxLayout(self)
        self.preview = PdfPreview(runner, self)
        v.addWidget(self.preview, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        v.addWidget(buttons)
        self.preview.show_file(path, save_name)
        screen = (parent or self).screen()
        height = screen.availableGeometry().height() - 80 if screen is not None else 800
        self.resize(760, max(500, min(1000, height)))


class LettersTab(QWidget):
    """See the module docstring. ``host``: the profile editor (RowListHost)."""

    name = "letters"
    reload_on = frozenset(engine.LETTER_ENTITIES)
    opened = Signal(object)  # the LetterPreviewDialog
    saved = Signal(str)

    def __init__(self, host, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.host = host
        self.setObjectName("lettersTab")
        self._franchisee_id: int | None = None
        self._count: int | None = None
        self._seq = 0
        self._tmp = tempfile.TemporaryDirectory(prefix="hqdesk-letters-")
        v = QVBoxLayout(self)
        buttons = QHBoxLayout()
        self.open_button = QPushButton(QCoreApplication.translate("LettersTab", "Open"))
        self.open_button.setObjectName("letters_open")
        self.reprint_button = QPushButton(QCoreApplication.translate("LettersTab", "Reprint…"))
        self.reprint_button.setObjectName("letters_reprint")
        self.save_button = QPushButton(QCoreApplication.translate("LettersTab", "Save as…"))
        self.save_button.setObjectName("letters_save_as")
        for b in (self.open_button, self.reprint_button, self.save_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        v.addLayout(buttons)
        self.model = LetterHistoryModel(self)
        self.view = table_view(self)
        self.view.setObjectName("lettersHistoryView")
        self.view.setModel(self.model)
        v.addWidget(self.view, 1)
        self.empty = QLabel(
            QCoreApplication.translate("LettersTab", "No letter has been written to this franchisee yet.")
        )
        self.empty.setObjectName("lettersEmpty")
        self.empty.setStyleSheet("color: #666;")
        v.addWidget(self.empty)
        self.open_button.clicked.connect(self.open_selected)
        self.reprint_button.clicked.connect(self.reprint_selected)
        self.save_button.clicked.connect(self.save_selected)
        self.view.doubleClicked.connect(lambda *_a: self.open_selected())
        self.view.selectionModel().currentRowChanged.connect(lambda *_a: self._update_buttons())
        self.destroyed.connect(self._tmp.cleanup)
        self._update_buttons()

    # ----- the protocol ------------------------------------------------------------------------------------
    def title(self) -> str:
        if self._count is None:
            return QCoreApplication.translate("LettersTab", "Letters")
        return QCoreApplication.translate("LettersTab", "Letters (%n)", "", self._count)

    def load(self, bundle, same: bool = False) -> None:
        if bundle is None:
            self._franchisee_id, self._count = None, None
            self.model.set_rows([])
            self._update_buttons()
            return
        self._franchisee_id = bundle.detail.id
        self.reload()

    def set_read_only(self, reason: str) -> None:
        """Reading and reprinting letters needs no right to edit the profile."""
        self._update_buttons()

    def actions(self) -> list[QPushButton]:
        return [self.open_button, self.reprint_button, self.save_button]

    # ----- loading -----------------------------------------------------------------------------------------
    def reload(self) -> None:
        if self._franchisee_id is None:
            return
        self._seq += 1
        seq, fid, ctx = self._seq, self._franchisee_id, self.host.ctx
        ctx.runner.submit(
            engine.history,
            ctx.services,
            ctx.actor,
            fid,
            on_done=lambda rows: self._loaded(seq, rows),
            on_error=lambda exc: seq == self._seq and show_error(self, exc),
        )

    def _loaded(self, seq: int, rows) -> None:
        if seq != self._seq:
            return
        keep = self.selected()
        names = self.host.user_names() if hasattr(self.host, "user_names") else None
        if names is not None:
            rows = [dataclasses.replace(r, created_by=names.name(r.created_by)) for r in rows]
        self._count = len(rows)
        self.model.set_rows(rows)
        tabs = self.parent().parent() if self.parent() is not None else None
        if tabs is not None and hasattr(tabs, "indexOf") and tabs.indexOf(self) >= 0:
            tabs.setTabText(tabs.indexOf(self), self.title())
        index = next(
            (i for i, r in enumerate(rows) if keep is not None and r.id == keep.id), 0 if rows else -1
        )
        if index >= 0:
            self.view.selectRow(index)
        self._update_buttons()

    def selected(self):
        index = self.view.currentIndex()
        return (
            self.model.row(index.row()) if index.isValid() and index.row() < self.model.rowCount() else None
        )

    def _update_buttons(self) -> None:
        has = self.selected() is not None
        for b in self.actions():
            b.setEnabled(has)
        self.empty.setVisible(self._count == 0)

    # ----- the letter's bytes --------------------------------------------------------------------------------
    def _with_pdf(self, then) -> None:
        """Fetch the selected letter's PDF from the history (in the background), write it to a temporary file
        and call ``then(row, path)``."""
        row = self.selected()
        if row is None:
            return
        ctx, folder = self.host.ctx, Path(self._tmp.name)

        def fetch():
            data, name = engine.letter_pdf(ctx.services, ctx.actor, row.id)
            path = folder / f"{row.id}.pdf"
            path.write_bytes(data)
            return path, name

        ctx.runner.submit(
            fetch, on_done=lambda result: then(row, *result), on_error=lambda exc: show_error(self, exc)
        )

    def open_selected(self) -> None:
        def show(row, path: Path, name: str) -> None:
            title = QCoreApplication.translate("LettersTab", "{kind} of {date}").format(
                kind=row.kind, date=self.model.text(self.model.rows().index(row), 0)
            )
            dialog = LetterPreviewDialog(self.host.ctx.runner, path, name, title, self)
            self.opened.emit(dialog)
            self.host.open_dialog(dialog)

        self._with_pdf(show)

    def reprint_selected(self) -> None:
        def print_it(_row, path: Path, name: str) -> None:
            from hqdesk.ui.views.letters_preview import PdfPreview

            preview = PdfPreview(self.host.ctx.runner, self)
            preview.hide()
            preview.show_file(path, name)
            preview.printed.connect(lambda _n: preview.deleteLater())
            self._reprint_preview = preview
            preview.print_dialog()

        self._with_pdf(print_it)

    def save_selected(self) -> None:
        def save(_row, path: Path, name: str) -> None:
            from hqdesk.ui.views.letters_preview import default_folder

            target, _filter = QFileDialog.getSaveFileName(
                self,
                QCoreApplication.translate("LettersTab", "Save the letter as"),
                str(Path(default_folder()) / name),
                QCoreApplication.translate("LettersTab", "PDF files (*.pdf)"),
            )
            if target:
                self.save_to(path, target)

        self._with_pdf(save)

    def save_to(self, source: Path, target: str) -> None:
        ctx = self.host.ctx

        def copy() -> str:
            Path(target).write_bytes(Path(source).read_bytes())
            return target

        ctx.runner.submit(copy, on_done=self.saved.emit, on_error=lambda exc: show_error(self, exc))


__all__ = ["LettersTab", "LetterPreviewDialog"]
