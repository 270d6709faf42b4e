"""The import wizard's pages (see ``import_wizard``): pick, columns, check, import."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from hqdesk.ui.context import UiContext
from hqdesk.ui.errors import user_message

SUFFIXES = (".csv", ".xlsx", ".xlsm")


def entity_label(entity: str) -> str:
    return {
        "franchisees": QCoreApplication.translate("ImportWizard", "Franchisees"),
        "contacts": QCoreApplication.translate("ImportWizard", "Contacts"),
        "stores": QCoreApplication.translate("ImportWizard", "Stores"),
    }.get(entity, entity)


def how_label(how: str) -> str:
    return {
        "layout": QCoreApplication.translate("ImportWizard", "recognised layout"),
        "template": QCoreApplication.translate("ImportWizard", "template header"),
        "guessed": QCoreApplication.translate("ImportWizard", "guessed from the header"),
        "saved": QCoreApplication.translate("ImportWizard", "saved mapping"),
    }.get(how, QCoreApplication.translate("ImportWizard", "not imported"))


def matched_by_label(key: str) -> str:
    return {
        "uscc": QCoreApplication.translate("ImportWizard", "credit code"),
        "code": QCoreApplication.translate("ImportWizard", "code"),
        "legal_name": QCoreApplication.translate("ImportWizard", "legal name"),
        "name": QCoreApplication.translate("ImportWizard", "name"),
        "mobile": QCoreApplication.translate("ImportWizard", "mobile"),
    }.get(key, key)


def action_label(action: str) -> str:
    return {
        "update": QCoreApplication.translate("ImportWizard", "Update"),
        "skip": QCoreApplication.translate("ImportWizard", "Skip"),
        "create": QCoreApplication.translate("ImportWizard", "Create new"),
    }.get(action, action)


def field_label(fields, key: str | None) -> str:
    """A field key as the user reads it (its translated label), or the text as it came (an unknown header)."""
    for choice in fields:
        if choice.key == key:
            return QCoreApplication.translate("Import", choice.label)
    return key or ""


def problem_text(problem) -> str:
    text = QCoreApplication.translate(problem.context, problem.message)
    try:
        return text.format(**problem.params)
    except (KeyError, IndexError, ValueError):
        return problem.english()


def _busy(bar: QProgressBar, busy: bool) -> None:
    bar.setRange(0, 0 if busy else 1)
    bar.setVisible(busy)


def _submit(runner, fn, *args, on_done, on_error, **kwargs):
    """``runner.submit``, returning the task while it runs and None once it has finished (a runner may call
    back before ``submit`` returns)."""
    state = {"finished": False}

    def done(result) -> None:
        state["finished"] = True
        on_done(result)

    def failed(exc) -> None:
        state["finished"] = True
        on_error(exc)

    task = runner.submit(fn, *args, on_done=done, on_error=failed, **kwargs)
    return None if state["finished"] else task


# ----- 1. pick ------------------------------------------------------------------------------------
class PickPage(QWizardPage):
    """What to import and from which file; a template to fill in."""

    def __init__(self, ctx: UiContext, entity: str, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setTitle(self.tr("What to import"))
        self.setSubTitle(
            self.tr(
                "Choose what the file holds and the file itself (CSV or Excel). You may also drop the file on "
                "this page. No file yet? Download a template, fill it in and come back."
            )
        )
        self.setAcceptDrops(True)
        self.entity_combo = QComboBox(self)
        self.entity_combo.setObjectName("importEntity")
        for key in ("franchisees", "contacts", "stores"):
            self.entity_combo.addItem(entity_label(key), key)
        self.entity_combo.setCurrentIndex(max(0, self.entity_combo.findData(entity)))
        self.file_edit = QLineEdit(self)
        self.file_edit.setObjectName("importFile")
        self.file_edit.setPlaceholderText(self.tr("A .csv or .xlsx file"))
        self.file_edit.textChanged.connect(self._file_changed)
        browse = QPushButton(self.tr("&Browse…"), self)
        browse.setObjectName("importBrowse")
        browse.clicked.connect(self.browse)
        file_row = QHBoxLayout()
        file_row.addWidget(self.file_edit, 1)
        file_row.addWidget(browse)
        self.file_note = QLabel(self)
        self.file_note.setObjectName("importFileNote")
        self.file_note.setWordWrap(True)

        self.language_combo = QComboBox(self)
        self.language_combo.setObjectName("templateLanguage")
        self.language_combo.addItem(self.tr("English headers"), "en")
        self.language_combo.addItem(self.tr("Chinese headers"), "zh")
        if self.tr("Chinese headers") != "Chinese headers":
            self.language_combo.setCurrentIndex(1)  # a user reading Chinese gets Chinese headers first
        self.template_button = QPushButton(self.tr("&Download template…"), self)
        self.template_button.setObjectName("downloadTemplate")
        self.template_button.clicked.connect(self.download_template)
        template_row = QHBoxLayout()
        template_row.addWidget(self.language_combo)
        template_row.addWidget(self.template_button)
        template_row.addStretch(1)
        self.template_note = QLabel(self)
        self.template_note.setObjectName("templateNote")
        self.template_note.setWordWrap(True)

        form = QFormLayout(self)
        form.addRow(self.tr("&Import:"), self.entity_combo)
        file_label = QLabel(self.tr("&File:"), self)
        file_label.setBuddy(self.file_edit)
        form.addRow(file_label, file_row)
        form.addRow("", self.file_note)
        form.addRow(self.tr("Template:"), template_row)
        form.addRow("", self.template_note)
        steps = QLabel(
            self.tr(
                "What happens next:\n"
                "1. Columns: you see the file's first rows and check which field each column goes to.\n"
                "2. Check: every row is checked; nothing is written yet. Problems are listed by row and column.\n"
                "3. Import: all rows are written together, or none if anything goes wrong."
            ),
            self,
        )
        steps.setObjectName("importSteps")
        steps.setWordWrap(True)
        steps.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        form.addRow("", steps)
        self.entity_combo.currentIndexChanged.connect(lambda: self.template_note.clear())

    @property
    def entity(self) -> str:
        return self.entity_combo.currentData()

    @property
    def path(self) -> str:
        return self.file_edit.text().strip()

    def set_file(self, path: str) -> None:
        self.file_edit.setText(path)

    def _file_problem(self) -> str:
        path = self.path
        if not path:
            return ""
        p = Path(path)
        if p.suffix.lower() not in SUFFIXES:
            return self.tr("hqdesk reads .csv and .xlsx files; this one is {suffix}.").format(
                suffix=p.suffix or self.tr("without an extension")
            )
        if not p.is_file():
            return self.tr("There is no file {name} there.").format(name=p.name)
        return ""

    def _file_changed(self) -> None:
        self.file_note.setText(self._file_problem())
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return bool(self.path) and not self._file_problem()

    def browse(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Choose the file to import"),
            str(Path(self.path).parent) if self.path else str(Path.home()),
            self.tr("Excel or CSV (*.xlsx *.xlsm *.csv);;All files (*)"),
        )
        if name:
            self.set_file(name)

    # drag and drop
    def dragEnterEvent(self, event) -> None:
        urls = event.mimeData().urls() if event.mimeData().hasUrls() else []
        if urls and urls[0].isLocalFile():
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:
        urls = event.mimeData().urls()
        if urls and urls[0].isLocalFile():
            self.set_file(urls[0].toLocalFile())
            event.acceptProposedAction()

    # template
    def download_template(self, path: str | None = None) -> None:
        entity, language = self.entity, self.language_combo.currentData()
        if path is None:
            default = Path.home() / f"hqdesk-{entity}-template{'-zh' if language == 'zh' else ''}.xlsx"
            path, chosen = QFileDialog.getSaveFileName(
                self,
                self.tr("Save the template"),
                str(default),
                self.tr("Excel workbook (*.xlsx);;CSV, UTF-8 (*.csv)"),
            )
            if not path:
                return
            if Path(path).suffix.lower() not in (".xlsx", ".csv"):
                path = str(Path(path).with_suffix(".csv" if "csv" in chosen.lower() else ".xlsx"))

        def write(target=path, entity=entity, language=language):
            from hqdesk.services.imports.templates import write_template

            return write_template(entity, target, language)

        self.template_button.setEnabled(False)

        def done(written) -> None:
            self.template_button.setEnabled(True)
            self.template_note.setText(
                self.tr(
                    "Template saved as {path}. Fill in one row per record; columns marked * are required."
                ).format(path=str(written))
            )

        def failed(exc) -> None:
            self.template_button.setEnabled(True)
            self.template_note.setText(
                self.tr("The template could not be saved: {reason}").format(reason=user_message(exc)[0])
            )

        self.ctx.runner.submit(write, on_done=done, on_error=failed)


# ----- 2. columns ---------------------------------------------------------------------------------
class MappingPage(QWizardPage):
    """The file's first rows under one combo per column; what is missing or ambiguous, in words."""

    COMBO_ROW, HOW_ROW = 0, 1

    def __init__(self, ctx: UiContext, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.preview = None
        self.task = None
        self._loaded_for: tuple | None = None
        self._mappings: dict[str, Any] = {}  # name -> SavedMapping of this entity
        self.combos: list[QComboBox] = []
        self.setTitle(self.tr("Columns"))
        self.setSubTitle(
            self.tr(
                "Check which field each column of the file goes to. Change a column with the list above it; "
                "choose “— not imported —” for a column hqdesk should leave out."
            )
        )
        self.source_label = QLabel(self)
        self.source_label.setObjectName("mappingSource")
        self.source_label.setWordWrap(True)
        self.saved_combo = QComboBox(self)
        self.saved_combo.setObjectName("savedMappings")
        self.saved_combo.setMinimumContentsLength(16)
        self.apply_button = QPushButton(self.tr("&Apply"), self)
        self.apply_button.setObjectName("applyMapping")
        self.apply_button.clicked.connect(self.apply_saved)
        self.delete_button = QPushButton(self.tr("&Delete"), self)
        self.delete_button.setObjectName("deleteMapping")
        self.delete_button.setToolTip(self.tr("Delete the saved mapping chosen in the list (for every user)"))
        self.delete_button.clicked.connect(lambda: self.delete_saved())
        self.saved_combo.currentIndexChanged.connect(self._saved_choice_changed)
        self.save_button = QPushButton(self.tr("&Save mapping as…"), self)
        self.save_button.setObjectName("saveMapping")
        self.save_button.clicked.connect(lambda: self.save_as())
        top = QHBoxLayout()
        top.addWidget(self.source_label, 1)
        top.addWidget(QLabel(self.tr("Saved mapping:"), self))
        top.addWidget(self.saved_combo)
        top.addWidget(self.apply_button)
        top.addWidget(self.delete_button)
        top.addWidget(self.save_button)

        self.table = QTableWidget(self)
        self.table.setObjectName("mappingTable")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setDefaultSectionSize(150)
        self.progress = QProgressBar(self)
        self.progress.setTextVisible(False)
        _busy(self.progress, False)
        self.status_label = QLabel(self)
        self.status_label.setObjectName("mappingStatus")
        self.status_label.setWordWrap(True)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.progress)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status_label)

    # loading ---------------------------------------------------------------------------------------
    def initializePage(self) -> None:
        wizard = self.wizard()
        key = (wizard.entity, wizard.path)
        if key != self._loaded_for:  # back and forth keeps the user's edits; another file starts over
            self._loaded_for = key
            self.load(None)

    def load(self, mapping: str | None) -> None:
        """Read the file's preview in the background (with the saved mapping ``mapping``, if any)."""
        self.stop()
        wizard = self.wizard()
        entity, path, actor = wizard.entity, wizard.path, self.ctx.actor
        importer = self.ctx.services.imports.importer(entity)
        mappings = self.ctx.services.imports.mappings
        self.preview = None
        self._set_ready_text(self.tr("Reading the file…"))
        _busy(self.progress, True)
        self.completeChanged.emit()

        def work():
            return importer.preview(actor, path, mapping=mapping), mappings.list(entity)

        def done(result) -> None:
            self.task = None
            _busy(self.progress, False)
            preview, saved = result
            self.show_preview(preview, saved)

        def failed(exc) -> None:
            self.task = None
            _busy(self.progress, False)
            self._set_ready_text(
                self.tr("The file could not be read: {reason}").format(reason=user_message(exc)[0])
            )
            self.completeChanged.emit()

        self.task = _submit(self.ctx.runner, work, on_done=done, on_error=failed)

    def stop(self) -> None:
        if self.task is not None:
            self.task.cancel()
            self.task = None
            _busy(self.progress, False)

    def show_preview(self, preview, saved=()) -> None:
        self.preview = preview
        self._mappings = {m.name: m for m in saved}
        self.saved_combo.clear()
        self.saved_combo.addItem(self.tr("— choose —"), "")
        for name in self._mappings:
            self.saved_combo.addItem(name, name)
        if preview.mapping_name:
            self.saved_combo.setCurrentIndex(max(0, self.saved_combo.findData(preview.mapping_name)))
        self.saved_combo.setEnabled(bool(self._mappings))
        self._saved_choice_changed()
        self._fill_table(preview)
        self._describe_source(preview)
        self.refresh()

    def _describe_source(self, preview) -> None:
        rows = self.tr("%n data row(s)", "", preview.rows)
        if preview.mapping_name:
            text = self.tr("Mapped by the saved mapping “{name}”.").format(name=preview.mapping_name)
        elif preview.layout:
            text = self.tr("Recognised: {layout}.").format(
                layout=QCoreApplication.translate("Import", preview.layout)
            )
        elif preview.columns and all(c.how == "template" for c in preview.columns if c.field):
            text = self.tr("hqdesk's template headers.")
        else:
            text = self.tr("Columns guessed from their headers: check them.")
        header = self.tr("header in row {row}").format(row=preview.header_row) if preview.header_row else ""
        self.source_label.setText(
            " ".join(filter(None, [text, f"({rows}{', ' + header if header else ''})"]))
        )

    def _fill_table(self, preview) -> None:
        self.combos = []
        columns, sample = preview.columns, preview.sample
        self.table.clear()
        self.table.setColumnCount(len(columns))
        self.table.setRowCount(2 + len(sample))
        self.table.setHorizontalHeaderLabels([c.header or self.tr("(no header)") for c in columns])
        self.table.setVerticalHeaderLabels(
            [self.tr("Import as"), self.tr("Found by")]
            + [str(preview.header_row + 1 + i) for i in range(len(sample))]
        )
        for column in columns:
            combo = QComboBox(self.table)
            combo.setObjectName(f"mapColumn{column.index}")
            combo.addItem(self.tr("— not imported —"), "")
            for choice in preview.fields:
                label = QCoreApplication.translate("Import", choice.label)
                combo.addItem(label + (" *" if choice.required else ""), choice.key)
            combo.setCurrentIndex(max(0, combo.findData(column.field)))
            if not column.header:
                combo.setEnabled(False)
                combo.setToolTip(self.tr("A column without a header cannot be imported."))
            combo.currentIndexChanged.connect(lambda _i, c=column.index: self._edited(c))
            self.table.setCellWidget(self.COMBO_ROW, column.index, combo)
            self.combos.append(combo)
            how = QTableWidgetItem(how_label(column.how if column.field else ""))
            how.setForeground(self.palette().placeholderText())
            self.table.setItem(self.HOW_ROW, column.index, how)
        for r, cells in enumerate(sample, start=2):
            for c, text in enumerate(cells):
                self.table.setItem(r, c, QTableWidgetItem(text))
        self.table.resizeRowToContents(self.COMBO_ROW)

    def _edited(self, index: int) -> None:
        item = self.table.item(self.HOW_ROW, index)
        if item is not None:
            item.setText(
                QCoreApplication.translate("ImportWizard", "chosen by you")
                if self.combos[index].currentData()
                else how_label("")
            )
        self.refresh()

    # state -----------------------------------------------------------------------------------------
    def mapping(self) -> dict[str, str]:
        """header text -> field key ("" = not imported), as the combos say."""
        if self.preview is None:
            return {}
        out: dict[str, str] = {}
        for column, combo in zip(self.preview.columns, self.combos, strict=False):
            if column.header:
                out[column.header] = combo.currentData() or ""
        return out

    def missing(self) -> list[str]:
        chosen = set(self.mapping().values())
        return (
            [f.key for f in self.preview.fields if f.required and f.key not in chosen] if self.preview else []
        )

    def ambiguous(self) -> list[str]:
        counts: dict[str, int] = {}
        for key in self.mapping().values():
            if key:
                counts[key] = counts.get(key, 0) + 1
        order = [f.key for f in self.preview.fields] if self.preview else []
        return sorted(
            (k for k, n in counts.items() if n > 1), key=lambda k: order.index(k) if k in order else 0
        )

    def _set_ready_text(self, text: str) -> None:
        self.status_label.setText(text)
        self.status_label.setStyleSheet("")

    def refresh(self) -> None:
        preview = self.preview
        if preview is None:
            return
        lines = []
        if preview.problems:
            lines += [problem_text(p) for p in preview.problems]
        else:
            names = lambda keys: ", ".join(field_label(preview.fields, k) for k in keys)  # noqa: E731
            if missing := self.missing():
                lines.append(self.tr("Still to map (required): {fields}.").format(fields=names(missing)))
            if ambiguous := self.ambiguous():
                lines.append(
                    self.tr("Mapped by more than one column: {fields}. Keep one column for each.").format(
                        fields=names(ambiguous)
                    )
                )
            if not preview.rows:
                lines.append(self.tr("The file has no data rows."))
        if lines:
            self.status_label.setText("\n".join(lines))
            self.status_label.setStyleSheet("color: #b3261e;")
        else:
            self.status_label.setText(
                self.tr("Ready: every required field has a column. Next checks every row.")
            )
            self.status_label.setStyleSheet("")
        self.save_button.setEnabled(not preview.problems and bool(preview.columns))
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        p = self.preview
        return (
            p is not None
            and self.task is None
            and not p.problems
            and p.rows > 0
            and not self.missing()
            and not self.ambiguous()
        )

    # saved mappings ------------------------------------------------------------------------------
    def apply_saved(self) -> None:
        name = self.saved_combo.currentData()
        if name:
            self.load(name)

    def _saved_choice_changed(self, *_args) -> None:
        chosen = bool(self.saved_combo.currentData())
        self.apply_button.setEnabled(chosen)
        self.delete_button.setEnabled(chosen)

    def delete_saved(self, confirm: bool | None = None) -> None:
        """Delete the saved mapping chosen in the list, after asking (it is shared: every user loses it)."""
        name = self.saved_combo.currentData()
        if not name:
            return
        if confirm is None:
            answer = QMessageBox.question(
                self,
                self.tr("Delete saved mapping"),
                self.tr(
                    "Delete the saved mapping “{name}”? It is shared: no user will find it any more. "
                    "The columns shown now stay as they are."
                ).format(name=name),
            )
            confirm = answer == QMessageBox.StandardButton.Yes
        if not confirm:
            return
        entity, actor = self.wizard().entity, self.ctx.actor

        def done(_result) -> None:
            self._mappings.pop(name, None)
            index = self.saved_combo.findData(name)
            if index >= 0:
                self.saved_combo.removeItem(index)
            self.saved_combo.setCurrentIndex(0)
            self.saved_combo.setEnabled(bool(self._mappings))
            self._saved_choice_changed()
            self.source_label.setText(self.tr("Saved mapping “{name}” deleted.").format(name=name))

        def failed(exc) -> None:
            from hqdesk.ui.errors import show_error

            show_error(self, exc, self.tr("Delete saved mapping"))

        self.ctx.runner.submit(
            self.ctx.services.imports.mappings.delete,
            actor,
            name,
            entity,
            on_done=done,
            on_error=failed,
            write=True,
        )

    def save_as(self, name: str | None = None, overwrite: bool | None = None) -> None:
        """Save the combos' mapping under a name the user gives (an existing name asks before it is replaced)."""
        if self.preview is None:
            return
        if name is None:
            name, ok = QInputDialog.getText(
                self,
                self.tr("Save mapping as"),
                self.tr("Name of the mapping (for the next file of this shape):"),
                text=self.saved_combo.currentData() or "",
            )
            if not ok:
                return
        name = name.strip()
        if not name:
            return
        existing = self._mappings.get(name)
        if existing is not None and overwrite is None:
            answer = QMessageBox.question(
                self,
                self.tr("Save mapping as"),
                self.tr("A mapping named “{name}” exists (last saved by {user}). Replace it?").format(
                    name=name, user=existing.updated_by
                ),
            )
            overwrite = answer == QMessageBox.StandardButton.Yes
        if existing is not None and not overwrite:
            return
        entity, columns, actor = self.wizard().entity, self.mapping(), self.ctx.actor
        service = self.ctx.services.imports.mappings
        version = existing.version if existing is not None else None

        def done(saved) -> None:
            self._mappings[saved.name] = saved
            if self.saved_combo.findData(saved.name) < 0:
                self.saved_combo.addItem(saved.name, saved.name)
            self.saved_combo.setCurrentIndex(self.saved_combo.findData(saved.name))
            self.saved_combo.setEnabled(True)
            self._saved_choice_changed()
            self.source_label.setText(self.tr("Mapping saved as “{name}”.").format(name=saved.name))

        def failed(exc) -> None:
            from hqdesk.ui.errors import show_error

            show_error(self, exc, self.tr("Save mapping as"))

        self.ctx.runner.submit(
            service.save,
            actor,
            name,
            entity,
            columns,
            expected_version=version,
            on_done=done,
            on_error=failed,
            write=True,
        )


# ----- 3. check -----------------------------------------------------------------------------------
class CheckPage(QWizardPage):
    """The whole file checked (a dry run): every problem, and what to do with rows already in hqdesk."""

    checked = Signal(object)

    def __init__(self, ctx: UiContext, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.task = None
        self.result = None
        self.cancelled = False
        self.decisions: dict[int, str] = {}
        self.setTitle(self.tr("Check"))
        self.setSubTitle(
            self.tr(
                "Every row is checked before anything is written. Fix the file and check again, or choose what "
                "to do with rows already in hqdesk."
            )
        )
        self.setCommitPage(True)  # Import writes: there is no way back after it

        self.progress = QProgressBar(self)
        self.progress.setTextVisible(False)
        self.cancel_button = QPushButton(self.tr("S&top checking"), self)
        self.cancel_button.setObjectName("cancelCheck")
        self.cancel_button.clicked.connect(self.cancel)
        self.again_button = QPushButton(self.tr("Check &again"), self)
        self.again_button.setObjectName("checkAgain")
        self.again_button.clicked.connect(self.run)
        self.summary = QLabel(self)
        self.summary.setObjectName("checkSummary")
        self.summary.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.summary, 1)
        row.addWidget(self.progress)
        row.addWidget(self.cancel_button)
        row.addWidget(self.again_button)

        self.problems = QTableWidget(0, 3, self)
        self.problems.setObjectName("checkProblems")
        self.problems.setHorizontalHeaderLabels([self.tr("Row"), self.tr("Column"), self.tr("Problem")])
        self.problems.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.problems.horizontalHeader().setStretchLastSection(True)
        self.problems.verticalHeader().hide()
        self.problems.setWordWrap(True)
        self.copy_button = QPushButton(self.tr("&Copy problems"), self)
        self.copy_button.setObjectName("copyProblems")
        self.copy_button.clicked.connect(self.copy_problems)
        self.export_button = QPushButton(self.tr("&Export problems…"), self)
        self.export_button.setObjectName("exportProblems")
        self.export_button.clicked.connect(lambda: self.export_problems())
        problem_buttons = QHBoxLayout()
        self.problems_title = QLabel(self)
        problem_buttons.addWidget(self.problems_title, 1)
        problem_buttons.addWidget(self.copy_button)
        problem_buttons.addWidget(self.export_button)

        self.default_combo = QComboBox(self)
        self.default_combo.setObjectName("duplicateDefault")
        self.default_combo.addItem(self.tr("Update them with the file's values"), "update")
        self.default_combo.addItem(self.tr("Skip them"), "skip")
        self.default_combo.setCurrentIndex(1)  # nothing already in hqdesk changes unless the user says so
        self.default_combo.currentIndexChanged.connect(self._default_changed)
        dup_row = QHBoxLayout()
        self.duplicates_title = QLabel(self)
        dup_row.addWidget(self.duplicates_title, 1)
        self.default_label = QLabel(self.tr("For all of them:"), self)
        dup_row.addWidget(self.default_label)
        dup_row.addWidget(self.default_combo)
        self.duplicates = QTableWidget(0, 5, self)
        self.duplicates.setObjectName("checkDuplicates")
        self.duplicates.setHorizontalHeaderLabels(
            [self.tr("Row"), self.tr("Matched by"), self.tr("Code"), self.tr("In hqdesk"), self.tr("Do")]
        )
        self.duplicates.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.duplicates.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.duplicates.verticalHeader().hide()
        self._recheck = QTimer(self, singleShot=True, interval=300)  # one check for a burst of choices
        self._recheck.timeout.connect(self.run)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addLayout(problem_buttons)
        layout.addWidget(self.problems, 3)
        layout.addLayout(dup_row)
        layout.addWidget(self.duplicates, 2)
        self.filler = QWidget(self)  # keeps the summary at the top when there is nothing to list
        layout.addWidget(self.filler, 1)
        self._show_sections()

    def initializePage(self) -> None:
        self.decisions = {}
        self.run()

    def cleanupPage(self) -> None:  # Back: stop a running check
        self.stop()

    @property
    def on_duplicate(self) -> str:
        return self.default_combo.currentData()

    def run(self) -> None:
        """Check the whole file in the background with the columns, the default and the per-row choices."""
        self.stop()
        wizard = self.wizard()
        importer = self.ctx.services.imports.importer(wizard.entity)
        actor, path, mapping = self.ctx.actor, wizard.path, wizard.mapping.mapping()
        on_duplicate, decisions = self.on_duplicate, dict(self.decisions)
        self.result, self.cancelled = None, False
        self.summary.setText(self.tr("Checking every row of {name}…").format(name=Path(path).name))
        self.summary.setStyleSheet("")
        _busy(self.progress, True)
        self.cancel_button.setVisible(True)
        self.again_button.setVisible(False)
        self.completeChanged.emit()

        def done(result) -> None:
            self.task = None
            self.show_result(result)

        def failed(exc) -> None:
            self.task = None
            _busy(self.progress, False)
            self.cancel_button.setVisible(False)
            self.again_button.setVisible(True)
            self.summary.setText(self.tr("The check failed: {reason}").format(reason=user_message(exc)[0]))
            self.summary.setStyleSheet("color: #b3261e;")
            self.completeChanged.emit()

        self.task = _submit(
            self.ctx.runner,
            importer.import_file,
            actor,
            path,
            dry_run=True,
            mapping=mapping,
            on_duplicate=on_duplicate,
            decisions=decisions,
            on_done=done,
            on_error=failed,
        )

    def stop(self) -> None:
        self._recheck.stop()
        if self.task is not None:
            self.task.cancel()
            self.task = None
        _busy(self.progress, False)

    def cancel(self) -> None:
        """Stop checking: nothing was written; Next waits for a complete check."""
        self.stop()
        self.cancelled = True
        self.result = None
        self.cancel_button.setVisible(False)
        self.again_button.setVisible(True)
        self.summary.setText(self.tr("Check stopped. Nothing was written; check again to import."))
        self.summary.setStyleSheet("")
        self.completeChanged.emit()

    def counts(self, result) -> tuple[int, int, int]:
        """(created, updated, skipped) as the check says the import will do."""
        updated = sum(1 for d in result.duplicates if d.action == "update")
        skipped = sum(1 for d in result.duplicates if d.action == "skip")
        total = self.wizard().mapping.preview.rows if self.wizard().mapping.preview else result.rows
        return max(0, total - updated - skipped), updated, skipped

    def show_result(self, result) -> None:
        self.result = result
        _busy(self.progress, False)
        self.cancel_button.setVisible(False)
        self.again_button.setVisible(True)
        fields = self.wizard().mapping.preview.fields if self.wizard().mapping.preview else ()
        self.problems.setRowCount(len(result.errors))
        for r, p in enumerate(result.errors):
            self.problems.setItem(r, 0, QTableWidgetItem("" if p.row is None else str(p.row)))
            self.problems.setItem(r, 1, QTableWidgetItem(field_label(fields, p.column)))
            self.problems.setItem(r, 2, QTableWidgetItem(problem_text(p)))
        self.problems.resizeColumnToContents(0)
        self.problems.resizeColumnToContents(1)
        self.problems.resizeRowsToContents()
        self._fill_duplicates(result.duplicates)
        if result.errors:
            self.summary.setText(
                self.tr(
                    "%n problem(s) to fix in the file: nothing can be imported until they are fixed.",
                    "",
                    len(result.errors),
                )
            )
            self.summary.setStyleSheet("color: #b3261e;")
        else:
            created, updated, skipped = self.counts(result)
            if updated or skipped:
                text = self.tr(
                    "Every row is fine. Import will create {created}, update {updated} and skip {skipped}."
                ).format(created=created, updated=updated, skipped=skipped)
            else:
                text = self.tr(
                    "Every row is fine, and none is in hqdesk yet: Import will create all %n.", "", created
                )
            self.summary.setText(text)
            self.summary.setStyleSheet("")
        self._show_sections()
        self.checked.emit(result)
        self.completeChanged.emit()

    def _show_sections(self) -> None:
        errors = self.result.errors if self.result is not None else ()
        dups = self.result.duplicates if self.result is not None else ()
        self.problems_title.setText(self.tr("Problems: %n", "", len(errors)))
        for w in (self.problems, self.copy_button, self.export_button, self.problems_title):
            w.setVisible(bool(errors))
        self.duplicates_title.setText(self.tr("%n row(s) already in hqdesk", "", len(dups)))
        for w in (self.duplicates, self.duplicates_title, self.default_combo, self.default_label):
            w.setVisible(bool(dups))
        self.filler.setVisible(not errors and not dups)

    def _fill_duplicates(self, duplicates) -> None:
        self.duplicates.setRowCount(len(duplicates))
        for r, d in enumerate(duplicates):
            self.duplicates.setItem(r, 0, QTableWidgetItem(str(d.row)))
            self.duplicates.setItem(r, 1, QTableWidgetItem(matched_by_label(d.matched_by)))
            self.duplicates.setItem(r, 2, QTableWidgetItem(d.existing_code))
            self.duplicates.setItem(r, 3, QTableWidgetItem(d.existing_name))
            combo = QComboBox(self.duplicates)
            combo.setObjectName(f"duplicateRow{d.row}")
            actions = ["update", "skip"] + (["create"] if d.matched_by == "legal_name" else [])
            for action in actions:
                combo.addItem(action_label(action), action)
            combo.setCurrentIndex(max(0, combo.findData(d.action)))
            combo.currentIndexChanged.connect(
                lambda _i, row=d.row, c=combo: self._decided(row, c.currentData())
            )
            self.duplicates.setCellWidget(r, 4, combo)
        self.duplicates.resizeColumnsToContents()
        self.duplicates.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)

    def decide(self, row: int, action: str) -> None:
        """Choose ``action`` for the file's row ``row`` (as its combo does)."""
        for r in range(self.duplicates.rowCount()):
            combo = self.duplicates.cellWidget(r, 4)
            if combo is not None and combo.objectName() == f"duplicateRow{row}":
                combo.setCurrentIndex(combo.findData(action))
                return
        raise KeyError(row)

    def _decided(self, row: int, action: str) -> None:
        self.decisions[row] = action
        self.result = None
        self.completeChanged.emit()
        self._recheck.start()

    def _default_changed(self) -> None:
        self.decisions = {}  # a new default for all of them; rows can then be changed one by one
        self.result = None
        self.completeChanged.emit()
        self._recheck.start()

    def isComplete(self) -> bool:
        return (
            self.task is None and self.result is not None and self.result.ok and not self._recheck.isActive()
        )

    # problems out --------------------------------------------------------------------------------
    def problem_rows(self) -> list[list[str]]:
        return [[self.problems.item(r, c).text() for c in range(3)] for r in range(self.problems.rowCount())]

    def copy_problems(self) -> None:
        head = [self.tr("Row"), self.tr("Column"), self.tr("Problem")]
        QGuiApplication.clipboard().setText("\n".join("\t".join(r) for r in [head, *self.problem_rows()]))

    def export_problems(self, path: str | None = None) -> None:
        if path is None:
            default = Path(self.wizard().path).with_name(Path(self.wizard().path).stem + "-problems.csv")
            path, _ = QFileDialog.getSaveFileName(
                self, self.tr("Export problems"), str(default), self.tr("CSV, UTF-8 (*.csv)")
            )
            if not path:
                return
        head = [self.tr("Row"), self.tr("Column"), self.tr("Problem")]
        rows = self.problem_rows()

        def write(target=path):
            with open(target, "w", encoding="utf-8-sig", newline="") as f:
                csv.writer(f).writerows([head, *rows])
            return target

        def failed(exc) -> None:
            from hqdesk.ui.errors import show_error

            show_error(self, exc, self.tr("Export problems"))

        self.ctx.runner.submit(write, on_error=failed)


# ----- 4. import ----------------------------------------------------------------------------------
class ImportPage(QWizardPage):
    """All rows or none, in the background; the result in words."""

    finished_import = Signal(object)

    def __init__(self, ctx: UiContext, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.task = None
        self.result = None
        self.running = False
        self.setTitle(self.tr("Import"))
        self.progress = QProgressBar(self)
        self.progress.setTextVisible(False)
        self.message = QLabel(self)
        self.message.setObjectName("importMessage")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = self.message.font()
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.message.setFont(font)
        layout = QVBoxLayout(self)
        layout.addWidget(self.progress)
        layout.addWidget(self.message)
        layout.addStretch(1)

    def initializePage(self) -> None:
        wizard = self.wizard()
        check = wizard.check
        importer = self.ctx.services.imports.importer(wizard.entity)
        actor, path, mapping = self.ctx.actor, wizard.path, wizard.mapping.mapping()
        self.result, self.running = None, True
        _busy(self.progress, True)
        self.message.setText(self.tr("Importing {name}: all rows or none…").format(name=Path(path).name))
        self.message.setStyleSheet("")
        self.completeChanged.emit()
        self.task = _submit(
            self.ctx.runner,
            importer.import_file,
            actor,
            path,
            mapping=mapping,
            on_duplicate=check.on_duplicate,
            decisions=dict(check.decisions),
            on_done=self._done,
            on_error=self._failed,
            write=True,
        )

    def _done(self, result) -> None:
        self.task, self.running, self.result = None, False, result
        _busy(self.progress, False)
        if result.ok:
            self.setTitle(self.tr("Imported"))
            self.message.setText(
                self.tr("Done: {created} created, {updated} updated, {skipped} skipped.").format(
                    created=result.imported, updated=result.updated, skipped=result.skipped
                )
            )
            if self.wizard().entity == "franchisees":
                self.message.setText(
                    self.message.text() + "\n" + self.tr("The franchisee list shows the changes now.")
                )
            self.finished_import.emit(result)
        else:
            lines = [problem_text(p) for p in result.errors[:20]]
            self.setTitle(self.tr("Nothing was imported"))
            self.message.setText(
                self.tr(
                    "Nothing was written: the file changed or another user changed hqdesk since the check."
                )
                + "\n"
                + "\n".join(
                    (self.tr("Row {row}: ").format(row=p.row) if p.row else "") + text
                    for p, text in zip(result.errors, lines, strict=False)
                )
            )
            self.message.setStyleSheet("color: #b3261e;")
        self.completeChanged.emit()

    def _failed(self, exc) -> None:
        self.task, self.running = None, False
        _busy(self.progress, False)
        self.setTitle(self.tr("Nothing was imported"))
        self.message.setText(self.tr("Nothing was written. {reason}").format(reason=user_message(exc)[0]))
        self.message.setStyleSheet("color: #b3261e;")
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return not self.running


__all__ = ["PickPage", "MappingPage", "CheckPage", "ImportPage"]
