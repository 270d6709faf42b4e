"""The letter templates (on the Letters page): every kind in Simplified Chinese and English, shared by every user
in the database. Administrators edit them; everybody else reads them.

The list shows each template's kind, language and version; the editor shows its text with line numbers; the
merge fields of the kind are listed beside it (a click inserts ``{{ field }}`` at the cursor); the preview
renders the template for a sample franchisee in the background, 400 ms after the last keystroke, so typing
never waits for ReportLab. A template that does not compile or render says why and on which line (the line is
highlighted) and is not saved. Save is version-checked: when another administrator saved the template in the
meantime, the save is refused with who and when, and the text stays in the editor. Revert to default puts the
shipped template back (as a new version, so letters already written keep theirs).
"""

from __future__ import annotations

import html
import logging
import tempfile
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QRect, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFontDatabase, QPainter, QTextCursor, QTextFormat
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from hqdesk.domain.errors import ConflictError
from hqdesk.ui.errors import show_error
from hqdesk.ui.models.letters import TemplatesModel, language_name
from hqdesk.ui.views import letters_engine as engine
from hqdesk.ui.views.profile.tabs import table_view

log = logging.getLogger(__name__)
CONTEXT = "LetterTemplates"
PREVIEW_DELAY_MS = 400  # after the last keystroke: typing never waits for a render
ERROR_LINE = QColor("#fadbd8")


class _LineNumbers(QWidget):
    def __init__(self, editor: CodeEditor) -> None:
        super().__init__(editor)
        self.editor = editor

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return QSize(self.editor.line_number_width(), 0)

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt override
        self.editor.paint_line_numbers(event)


class CodeEditor(QPlainTextEdit):
    """A monospace text editor with line numbers and one highlighted error line."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("templateEditor")
        font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        self.setFont(font)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.setTabStopDistance(self.fontMetrics().horizontalAdvance(" ") * 4)
        self._numbers = _LineNumbers(self)
        self._error_line: int | None = None
        self.blockCountChanged.connect(self._update_margin)
        self.updateRequest.connect(self._update_numbers)
        self._update_margin()

    def line_number_width(self) -> int:
        digits = len(str(max(1, self.blockCount())))
        return 10 + self.fontMetrics().horizontalAdvance("9") * max(2, digits)

    def _update_margin(self, *_args) -> None:
        self.setViewportMargins(self.line_number_width(), 0, 0, 0)

    def _update_numbers(self, rect: QRect, dy: int) -> None:
        if dy:
            self._numbers.scroll(0, dy)
        else:
            self._numbers.update(0, rect.y(), self._numbers.width(), rect.height())

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        cr = self.contentsRect()
        self._numbers.setGeometry(QRect(cr.left(), cr.top(), self.line_number_width(), cr.height()))

    def paint_line_numbers(self, event) -> None:
        painter = QPainter(self._numbers)
        painter.fillRect(event.rect(), QColor("#f0f0f0"))
        block = self.firstVisibleBlock()
        number = block.blockNumber()
        top = round(self.blockBoundingGeometry(block).translated(self.contentOffset()).top())
        bottom = top + round(self.blockBoundingRect(block).height())
        height = self.fontMetrics().height()
        while block.isValid() and top <= event.rect().bottom():
            if block.isVisible() and bottom >= event.rect().top():
                error = self._error_line == number + 1
                painter.setPen(QColor("#c0392b") if error else QColor("#888"))
                painter.drawText(
                    0, top, self._numbers.width() - 5, height, Qt.AlignmentFlag.AlignRight, str(number + 1)
                )
            block = block.next()
            top = bottom
            bottom = top + round(self.blockBoundingRect(block).height())
            number += 1
        painter.end()

    def error_line(self) -> int | None:
        return self._error_line

    def set_error_line(self, line: int | None) -> None:
        """Highlight ``line`` (1-based; None: no error)."""
        self._error_line = line
        selections = []
        if line is not None and 1 <= line <= self.blockCount():
            selection = QTextEdit.ExtraSelection()
            selection.format.setBackground(ERROR_LINE)
            selection.format.setProperty(QTextFormat.Property.FullWidthSelection, True)
            cursor = QTextCursor(self.document().findBlockByNumber(line - 1))
            selection.cursor = cursor
            selections.append(selection)
        self.setExtraSelections(selections)
        self._numbers.update()

    def insert_field(self, name: str) -> None:
        self.insertPlainText("{{ " + name + " }}")
        self.setFocus()


class TemplatesPanel(QWidget):
    """See the module docstring."""

    previewed = Signal(object)  # the path of the rendered sample, or None when the template has an error
    saved = Signal(object)  # the template's new version

    def __init__(self, ctx, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("templatesPanel")
        self._editable = engine.can_edit_templates(ctx)
        self._current = None  # the TemplateRow being edited
        self._loaded_text = ""
        self._version: int | None = None
        self._template_id: int | None = None
        self._loaded_subject = ""
        self._preview_seq = 0
        self._tmp = tempfile.TemporaryDirectory(prefix="hqdesk-templates-")
        self.destroyed.connect(self._tmp.cleanup)
        self.preview = None

        # the list
        self.model = TemplatesModel(self)
        self.list_view = table_view(self)
        self.list_view.setObjectName("templatesList")
        self.list_view.setModel(self.model)
        self.list_view.setMinimumWidth(200)
        header = self.list_view.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.list_view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # the editor
        editor_box = QWidget()
        ev = QVBoxLayout(editor_box)
        ev.setContentsMargins(0, 0, 0, 0)
        self.heading = QLabel()
        self.heading.setObjectName("templateHeading")
        ev.addWidget(self.heading)
        self.read_only_note = QLabel(
            QCoreApplication.translate(
                "LetterTemplates", "Only administrators change the templates; you can read them."
            )
        )
        self.read_only_note.setObjectName("templatesReadOnly")
        self.read_only_note.setStyleSheet("color: #555;")
        self.read_only_note.setWordWrap(True)
        self.read_only_note.setVisible(not self._editable)
        ev.addWidget(self.read_only_note)
        subject_row = QHBoxLayout()
        subject_row.addWidget(QLabel(QCoreApplication.translate("LetterTemplates", "Subject")))
        self.subject = QLineEdit()
        self.subject.setObjectName("templateSubject")
        self.subject.setReadOnly(not self._editable)
        subject_row.addWidget(self.subject, 1)
        ev.addLayout(subject_row)
        self.editor = CodeEditor()
        self.editor.setReadOnly(not self._editable)
        ev.addWidget(self.editor, 1)
        fields_box = QWidget()
        fv = QVBoxLayout(fields_box)
        fv.setContentsMargins(0, 0, 0, 0)
        fields_label = QLabel(QCoreApplication.translate("LetterTemplates", "Merge fields (click to insert)"))
        fields_label.setWordWrap(True)
        fv.addWidget(fields_label)
        self.fields = QListWidget()
        self.fields.setObjectName("mergeFields")
        self.fields.setEnabled(self._editable)
        fv.addWidget(self.fields, 1)
        # left: the templates above the merge fields of the one shown; middle: the text; right: the sample
        left = QSplitter(Qt.Orientation.Vertical)
        left.addWidget(self.list_view)
        left.addWidget(fields_box)
        left.setStretchFactor(0, 1)
        left.setStretchFactor(1, 1)
        left.setChildrenCollapsible(False)
        self.error_label = QLabel()
        self.error_label.setObjectName("templateError")
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #c0392b;")
        self.error_label.hide()
        ev.addWidget(self.error_label)
        buttons = QHBoxLayout()
        self.sample_combo = QComboBox()
        self.sample_combo.setObjectName("sampleFranchisee")
        self.sample_combo.setMinimumContentsLength(14)
        self.sample_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        buttons.addWidget(
            QLabel(QCoreApplication.translate("LetterTemplates", "The preview fills in example data.")), 1
        )
        self.sample_combo.hide()  # the engine previews with its example data
        self.revert_button = QPushButton(QCoreApplication.translate("LetterTemplates", "Revert to default…"))
        self.revert_button.setObjectName("revertTemplate")
        self.save_button = QPushButton(QCoreApplication.translate("LetterTemplates", "Save"))
        self.save_button.setObjectName("saveTemplate")
        buttons.addWidget(self.revert_button)
        buttons.addWidget(self.save_button)
        ev.addLayout(buttons)
        self.revert_button.setVisible(self._editable)
        self.save_button.setVisible(self._editable)
        # the preview
        self.preview_holder = QWidget()
        self.preview_holder.setObjectName("templatePreviewHolder")
        QVBoxLayout(self.preview_holder).setContentsMargins(0, 0, 0, 0)

        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(left)
        split.addWidget(editor_box)
        split.addWidget(self.preview_holder)
        split.setStretchFactor(0, 0)
        split.setStretchFactor(1, 3)
        split.setStretchFactor(2, 2)
        split.setChildrenCollapsible(False)
        v = QVBoxLayout(self)
        v.setContentsMargins(8, 8, 8, 8)
        v.addWidget(split, 1)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(PREVIEW_DELAY_MS)
        self._timer.timeout.connect(self.render_preview)
        self.editor.textChanged.connect(self._text_changed)
        self.subject.textChanged.connect(self._text_changed)
        self.fields.itemClicked.connect(self._field_clicked)
        self.list_view.selectionModel().currentRowChanged.connect(self._selected)
        self.save_button.clicked.connect(self.save)
        self.revert_button.clicked.connect(self.revert)
        self.sample_combo.currentIndexChanged.connect(lambda *_a: self._timer.start())
        self._update_buttons()

    # ----- loading --------------------------------------------------------------------------------------------
    def load(self) -> None:
        """The list of templates and the sample franchisees (in the background)."""
        ctx = self.ctx

        def fetch():
            return engine.templates(ctx.services, ctx.actor), engine.sample_franchisees(
                ctx.services, ctx.actor
            )

        ctx.runner.submit(
            fetch, on_done=lambda r: self._listed(*r), on_error=lambda exc: show_error(self, exc)
        )

    def _listed(self, rows, samples) -> None:
        keep = self._current.key if self._current is not None else None
        self.model.set_rows(rows)
        self.sample_combo.blockSignals(True)
        current = self.sample_combo.currentData()
        self.sample_combo.clear()
        for fid, label in samples:
            self.sample_combo.addItem(label, fid)
        if not samples:
            self.sample_combo.addItem(
                QCoreApplication.translate("LetterTemplates", "A sample franchisee"), None
            )
        self.sample_combo.setCurrentIndex(max(0, self.sample_combo.findData(current)))
        self.sample_combo.blockSignals(False)
        index = next((i for i, r in enumerate(rows) if r.key == keep), 0 if rows else -1)
        if index >= 0:
            self.list_view.selectRow(index)

    def _selected(self, *_args) -> None:
        index = self.list_view.currentIndex()
        if not index.isValid():
            return
        row = self.model.row(index.row())
        if self._current is not None and row.key == self._current.key:
            return
        if not self.confirm_discard():
            return
        self.open_template(row)

    def open_template(self, row) -> None:
        ctx = self.ctx
        self._current = row
        version = (
            QCoreApplication.translate("LetterTemplates", "version {n}").format(n=row.version)
            if row.version is not None
            else ""
        )
        parts = [f"<b>{html.escape(row.kind_label)}</b>", language_name(row.language), version]
        parts.append(html.escape(TemplatesModel.changed_text(row)))
        self.heading.setText(" · ".join(p for p in parts if p))

        def fetch():
            return engine.template_text(ctx.services, ctx.actor, row.key), engine.merge_fields(row.kind)

        def shown(result) -> None:
            (text, version, template_id, subject), fields = result
            if self._current is None or self._current.key != row.key:
                return
            self._loaded_text, self._version, self._template_id = text, version, template_id
            self._loaded_subject = subject
            self.subject.blockSignals(True)
            self.subject.setText(subject)
            self.subject.blockSignals(False)
            self.editor.blockSignals(True)
            self.editor.setPlainText(text)
            self.editor.blockSignals(False)
            self.editor.document().setModified(False)
            self.editor.set_error_line(None)
            self.error_label.hide()
            self.fields.clear()
            for name, description in fields:
                item = QListWidgetItem(name)
                item.setToolTip(description)
                item.setData(Qt.ItemDataRole.UserRole, name)
                self.fields.addItem(item)
            self._update_buttons()
            self.render_preview()

        ctx.runner.submit(fetch, on_done=shown, on_error=lambda exc: show_error(self, exc))

    # ----- editing --------------------------------------------------------------------------------------------
    def dirty(self) -> bool:
        return self._current is not None and (
            self.editor.toPlainText() != self._loaded_text or self.subject.text() != self._loaded_subject
        )

    def _text_changed(self) -> None:
        self._update_buttons()
        self._timer.start()  # the preview follows 400 ms after the last keystroke

    def _field_clicked(self, item: QListWidgetItem) -> None:
        if self._editable:
            self.editor.insert_field(item.data(Qt.ItemDataRole.UserRole))

    def _update_buttons(self) -> None:
        self.save_button.setEnabled(self._editable and self.dirty())
        self.revert_button.setEnabled(self._editable and self._current is not None)

    def confirm_discard(self) -> bool:
        if not self.dirty():
            return True
        answer = QMessageBox.question(
            self,
            QCoreApplication.translate("LetterTemplates", "Unsaved template"),
            QCoreApplication.translate(
                "LetterTemplates", "The template has changes that are not saved. Discard them?"
            ),
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Discard

    # ----- preview ------------------------------------------------------------------------------------------------
    def ensure_preview(self):
        if self.preview is None:
            from hqdesk.ui.views.letters_preview import PdfPreview

            self.preview = PdfPreview(self.ctx.runner, self.preview_holder, compact=True)
            self.preview.set_empty_text(
                QCoreApplication.translate("LetterTemplates", "The sample letter appears here.")
            )
            self.preview_holder.layout().addWidget(self.preview)
        return self.preview

    def render_preview(self) -> None:
        """Render the editor's text for the sample franchisee off the UI thread; the newest request wins."""
        if self._current is None:
            return
        self._timer.stop()
        self._preview_seq += 1
        seq, row, text, subject = (
            self._preview_seq,
            self._current,
            self.editor.toPlainText(),
            self.subject.text(),
        )
        ctx = self.ctx
        path = Path(self._tmp.name) / f"sample-{seq}.pdf"

        def work():
            data = engine.render_sample(ctx.services, ctx.actor, row, subject, text)
            path.write_bytes(data)
            return path

        ctx.runner.submit(
            work, on_done=lambda p: self._rendered(seq, p), on_error=lambda exc: self._render_failed(seq, exc)
        )

    def _rendered(self, seq: int, path: Path) -> None:
        if seq != self._preview_seq:
            return
        self.editor.set_error_line(None)
        self.error_label.hide()
        self.ensure_preview().show_file(path, path.name)
        old = Path(self._tmp.name) / f"sample-{seq - 1}.pdf"
        old.unlink(missing_ok=True)
        self.previewed.emit(path)

    def _render_failed(self, seq: int, exc: BaseException) -> None:
        if seq != self._preview_seq:
            return
        problem = engine.template_problem(exc)
        if problem is None:
            show_error(self, exc)
            return
        line, message = problem
        self.editor.set_error_line(line)
        if line:
            self.error_label.setText(
                QCoreApplication.translate("LetterTemplates", "Line {line}: {message}").format(
                    line=line, message=message
                )
            )
        else:
            self.error_label.setText(message)
        self.error_label.show()
        self.previewed.emit(None)

    # ----- save, revert -------------------------------------------------------------------------------------------
    def save(self) -> None:
        if not self._editable or self._current is None or not self.dirty():
            return
        ctx, text, version = self.ctx, self.editor.toPlainText(), self._version
        subject = self.subject.text()
        self.save_button.setEnabled(False)

        def done(new_version) -> None:
            self._loaded_text, self._version, self._loaded_subject = text, new_version, subject
            self.error_label.hide()
            self.editor.set_error_line(None)
            self._update_buttons()
            ctx.bus.notify(engine.template_changes(origin=self))
            self.saved.emit(new_version)
            self.load()

        ctx.runner.submit(
            engine.save_template,
            ctx.services,
            ctx.actor,
            self._template_id,
            version,
            subject,
            text,
            on_done=done,
            on_error=self._save_failed,
            write=True,
        )

    def _save_failed(self, exc: BaseException) -> None:
        """Nothing was saved; the text stays in the editor."""
        self._update_buttons()
        problem = engine.template_problem(exc)
        if problem is not None:
            self._render_failed(self._preview_seq, exc)
            return
        if isinstance(exc, ConflictError):
            from hqdesk.ui.dialogs.conflict_dialog import conflict_message

            self.error_label.setText(
                conflict_message(exc)
                + " "
                + QCoreApplication.translate(
                    "LetterTemplates",
                    "Your text is still in the editor: copy it, reload the template, and apply your changes.",
                )
            )
            self.error_label.show()
            show_error(self, exc)
            return
        show_error(self, exc)

    def revert(self) -> None:
        if not self._editable or self._current is None:
            return
        answer = QMessageBox.question(
            self,
            QCoreApplication.translate("LetterTemplates", "Revert to default"),
            QCoreApplication.translate(
                "LetterTemplates",
                "Replace this template with the one shipped with hqdesk? Letters already written keep theirs.",
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        self.revert_now()

    def revert_now(self) -> None:
        ctx, row, version, template_id = self.ctx, self._current, self._version, self._template_id

        def done(_result) -> None:
            self._current = None
            ctx.bus.notify(engine.template_changes(origin=self))
            self.load()
            self.open_template(row)

        ctx.runner.submit(
            engine.revert_template,
            ctx.services,
            ctx.actor,
            template_id,
            version,
            on_done=done,
            on_error=self._save_failed,
            write=True,
        )


__all__ = ["CodeEditor", "TemplatesPanel", "PREVIEW_DELAY_MS"]
