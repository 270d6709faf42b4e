"""Log or edit a visit to a franchisee: when, how, why, who went and whom they met, what was said, the
suggestions heard (each followed up on its own), the outcome and the next follow-up.

What was learnt often changes the franchisee's profile: "Save and open profile" saves the visit and shows the
franchisee's profile (``profile_requested(franchisee_id)``; the visit pages and the profile tab connect it to
``hqdesk.ui.views.visits_nav.open_franchisee_profile``).
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QStyledItemDelegate,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from hqdesk.domain.errors import FieldError
from hqdesk.domain.i18n import QT_TRANSLATE_NOOP
from hqdesk.domain.visits import (
    KIND_LABELS,
    PURPOSE_LABELS,
    SUGGESTION_MAX_LENGTH,
    SUGGESTION_STATUS_LABELS,
    VISIT_MAX_LENGTHS,
    VisitData,
    VisitKind,
    VisitPurpose,
)
from hqdesk.services.visits import VisitDTO
from hqdesk.ui.dialogs.conflict_dialog import RecordDialog
from hqdesk.ui.dialogs.discard import AsksBeforeDiscarding
from hqdesk.ui.i18n import tr_enum
from hqdesk.ui.models.history import UserNames, field_label
from hqdesk.ui.models.visits import SuggestionsEditModel
from hqdesk.ui.widgets import OptionalDateEdit, beside_buttons, set_combo_data

DATE_PROBLEM = QT_TRANSLATE_NOOP("Validation", "Enter a date as yyyy-mm-dd, or leave the field empty.")


def _text_box(lines: int) -> QPlainTextEdit:
    box = QPlainTextEdit()
    box.setTabChangesFocus(True)
    box.setFixedHeight(box.fontMetrics().lineSpacing() * lines + 14)
    return box


class _StatusDelegate(QStyledItemDelegate):
    """A suggestion's follow-up status picked from its four states."""

    def createEditor(self, parent, option, index):  # noqa: N802 - Qt override
        combo = QComboBox(parent)
        for value, label in SUGGESTION_STATUS_LABELS.items():
            combo.addItem(tr_enum(label), value.value)
        return combo

    def setEditorData(self, editor, index):  # noqa: N802 - Qt override
        set_combo_data(editor, index.data(Qt.ItemDataRole.EditRole))

    def setModelData(self, editor, model, index):  # noqa: N802 - Qt override
        model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)


class _LimitedTextDelegate(QStyledItemDelegate):
    def __init__(self, limit: int, parent=None) -> None:
        super().__init__(parent)
        self.limit = limit

    def createEditor(self, parent, option, index):  # noqa: N802 - Qt override
        editor = QLineEdit(parent)
        editor.setMaxLength(self.limit)
        return editor


class VisitDialog(AsksBeforeDiscarding, RecordDialog):
    table = "visits"
    kind = "visit"

    profile_requested = Signal(int)  # franchisee id

    def __init__(
        self,
        ctx,
        franchisee_id: int,
        visit: VisitDTO | None = None,
        names: UserNames | None = None,
        read_only: bool = False,
        franchisee_name: str = "",
        contacts: tuple[str, ...] = (),
        parent: QWidget | None = None,
        today: date | None = None,
    ) -> None:
        super().__init__(ctx, names, parent)
        self.setObjectName("visitDialog")
        self.franchisee_id = franchisee_id
        self.visit = visit
        self.today = today or date.today()
        self._open_profile_after_save = False
        title = self.tr("New visit") if visit is None else self.tr("Visit")
        self.setWindowTitle(f"{title} – {franchisee_name}" if franchisee_name else title)
        self.form.layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.layout_.addLayout(self.form.layout)
        f = self.form
        self.visited_on = f.add(
            "visited_on", field_label("visits", "visited_on"), OptionalDateEdit(), required=True
        )
        self.kind_combo = f.add("kind", field_label("visits", "kind"), QComboBox())
        for value, label in KIND_LABELS.items():
            self.kind_combo.addItem(tr_enum(label), value.value)
        self.purpose_combo = f.add("purpose", field_label("visits", "purpose"), QComboBox())
        for value, label in PURPOSE_LABELS.items():
            self.purpose_combo.addItem(tr_enum(label), value.value)
        self.hq_user = f.add("hq_user_id", field_label("visits", "hq_user_id"), QComboBox())
        for user_id, name in sorted(self.names.by_id.items(), key=lambda item: item[1]):
            self.hq_user.addItem(name, user_id)
        self.hq_others = f.add("hq_others", field_label("visits", "hq_others"), QLineEdit())
        self.hq_others.setMaxLength(VISIT_MAX_LENGTHS["hq_others"])
        self.met_with = f.add("met_with", field_label("visits", "met_with"), QComboBox())
        self.met_with.setEditable(True)
        self.met_with.addItems(list(contacts))
        self.met_with.lineEdit().setMaxLength(VISIT_MAX_LENGTHS["met_with"])
        self.notes = f.add("notes", field_label("visits", "notes"), _text_box(3))
        self.notes.setPlaceholderText(self.tr("What you saw and heard: the store, sales, stock, the team…"))

        # the suggestions: a small editable table with Add / Remove
        self.suggestions_model = SuggestionsEditModel(self)
        self.suggestions = QTableView()
        self.suggestions.setObjectName("suggestionsView")
        self.suggestions.setModel(self.suggestions_model)
        self.suggestions.setItemDelegateForColumn(
            SuggestionsEditModel.TEXT, _LimitedTextDelegate(SUGGESTION_MAX_LENGTH, self.suggestions)
        )
        self.suggestions.setItemDelegateForColumn(
            SuggestionsEditModel.RESPONSE, _LimitedTextDelegate(SUGGESTION_MAX_LENGTH, self.suggestions)
        )
        self.suggestions.setItemDelegateForColumn(
            SuggestionsEditModel.STATUS, _StatusDelegate(self.suggestions)
        )
        self.suggestions.verticalHeader().hide()
        self.suggestions.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.suggestions.setEditTriggers(QAbstractItemView.EditTrigger.AllEditTriggers)
        header = self.suggestions.horizontalHeader()
        header.setSectionResizeMode(SuggestionsEditModel.TEXT, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(SuggestionsEditModel.STATUS, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(SuggestionsEditModel.RESPONSE, QHeaderView.ResizeMode.Stretch)
        self.suggestions.setFixedHeight(
            self.suggestions.verticalHeader().defaultSectionSize() * 4 + header.sizeHint().height() + 4
        )
        box = QWidget()
        bv = QVBoxLayout(box)
        bv.setContentsMargins(0, 0, 0, 0)
        bv.addWidget(self.suggestions)
        row_buttons = QHBoxLayout()
        self.add_suggestion_button = QPushButton(self.tr("Add suggestion"))
        self.add_suggestion_button.setObjectName("addSuggestion")
        self.remove_suggestion_button = QPushButton(self.tr("Remove"))
        self.remove_suggestion_button.setObjectName("removeSuggestion")
        row_buttons.addWidget(self.add_suggestion_button)
        row_buttons.addWidget(self.remove_suggestion_button)
        row_buttons.addStretch(1)
        bv.addLayout(row_buttons)
        f.add("suggestions", field_label("visits", "suggestions"), box)
        self.outcome = f.add("outcome", field_label("visits", "outcome"), _text_box(2))
        self.next_follow_up_on = f.add(
            "next_follow_up_on", field_label("visits", "next_follow_up_on"), OptionalDateEdit()
        )
        self.next_follow_up_on.setToolTip(
            self.tr("If it comes before the date the visit plan gives, the next visit is due on this date.")
        )

        self.profile_button = QPushButton()
        self.profile_button.setObjectName("openProfile")
        self.profile_button.clicked.connect(self.open_profile)
        self.finish_layout()
        self.buttons.addButton(self.profile_button, self.buttons.ButtonRole.ActionRole)
        beside_buttons(self.layout_, f.required_note(), self.buttons)
        self.add_suggestion_button.clicked.connect(self._add_suggestion)
        self.remove_suggestion_button.clicked.connect(self._remove_suggestion)
        self.suggestions.selectionModel().selectionChanged.connect(self._update_suggestion_buttons)
        self.saved.connect(self._after_save)
        self.populate(visit.data if visit else VisitData(visited_on=self.today, hq_user_id=ctx.actor.user_id))
        self.set_read_only(read_only)
        self.resize(680, 0)
        self.mark_clean()
        self.visited_on.setFocus()

    # ----- the form ----------------------------------------------------------------------------------------
    def populate(self, data: VisitData) -> None:
        self.visited_on.set_date_value(data.visited_on)
        set_combo_data(self.kind_combo, data.kind.value)
        set_combo_data(self.purpose_combo, data.purpose.value)
        if data.hq_user_id is not None and self.hq_user.findData(data.hq_user_id) < 0:
            self.hq_user.addItem(self.names.name_of_id(data.hq_user_id), data.hq_user_id)
        set_combo_data(self.hq_user, data.hq_user_id)
        self.hq_others.setText(data.hq_others)
        self.met_with.setCurrentText(data.met_with)
        self.notes.setPlainText(data.notes)
        self.suggestions_model.set_suggestions(data.suggestions)
        self.outcome.setPlainText(data.outcome)
        self.next_follow_up_on.set_date_value(data.next_follow_up_on)
        self._update_suggestion_buttons()

    def snapshot(self) -> tuple:
        return super().snapshot() + (self.suggestions_model.suggestions(),)

    def set_read_only(self, read_only: bool) -> None:
        super().set_read_only(read_only)
        self.suggestions_model.editable = not read_only
        self.add_suggestion_button.setVisible(not read_only)
        self.remove_suggestion_button.setVisible(not read_only)
        self.met_with.setEnabled(not read_only)
        self.profile_button.setText(
            self.tr("Open profile") if read_only else self.tr("Save and open profile")
        )
        if self.profile_button not in self.buttons.buttons():
            self.buttons.addButton(self.profile_button, self.buttons.ButtonRole.ActionRole)
        self._update_suggestion_buttons()

    def _add_suggestion(self) -> None:
        row = self.suggestions_model.add()
        index = self.suggestions_model.index(row, SuggestionsEditModel.TEXT)
        self.suggestions.setCurrentIndex(index)
        self.suggestions.edit(index)

    def _remove_suggestion(self) -> None:
        rows = self.suggestions.selectionModel().selectedRows()
        index = self.suggestions.currentIndex()
        row = rows[0].row() if rows else (index.row() if index.isValid() else -1)
        if row >= 0:
            self.suggestions_model.removeRows(row, 1)
        self._update_suggestion_buttons()

    def _update_suggestion_buttons(self, *_args) -> None:
        self.remove_suggestion_button.setEnabled(
            bool(self.suggestions.selectionModel().selectedRows())
            or self.suggestions.currentIndex().isValid()
        )

    def collect(self) -> tuple[VisitData, list[FieldError]]:
        # an edit still open in the suggestions table is part of what the user typed
        self.suggestions.setCurrentIndex(self.suggestions.currentIndex())
        if self.suggestions.state() == QAbstractItemView.State.EditingState:
            self.suggestions.commitData(self.suggestions.focusWidget())
        errors = []
        for name, widget in (("visited_on", self.visited_on), ("next_follow_up_on", self.next_follow_up_on)):
            if not widget.hasAcceptableInput():
                errors.append(FieldError(name, DATE_PROBLEM))
        data = VisitData(
            visited_on=self.visited_on.date_value(),
            kind=VisitKind(self.kind_combo.currentData()),
            purpose=VisitPurpose(self.purpose_combo.currentData()),
            hq_user_id=self.hq_user.currentData(),
            hq_others=self.hq_others.text(),
            met_with=self.met_with.currentText(),
            notes=self.notes.toPlainText(),
            outcome=self.outcome.toPlainText(),
            next_follow_up_on=self.next_follow_up_on.date_value(),
            suggestions=self.suggestions_model.suggestions(),
        )
        return data, errors

    # ----- saving ------------------------------------------------------------------------------------------
    def service_call(self, data: VisitData, overwrite: bool):
        visits = self.ctx.services.visits
        if self.visit is None:
            return visits.log, (self.ctx.actor, self.franchisee_id, data), {}
        return (
            visits.update,
            (self.ctx.actor, self.visit.id, self.visit.version, data),
            {"base": self.visit.data, "overwrite": overwrite},
        )

    def base_data(self):
        return self.visit.data if self.visit is not None else None

    def apply_current(self, current: VisitDTO) -> None:
        self.visit = current
        self.populate(current.data)
        self.mark_clean()

    def open_profile(self) -> None:
        """Read only: show the profile. Editable: save the visit first (nothing typed is lost), then show it."""
        if self.read_only:
            self.profile_requested.emit(self.franchisee_id)
            self.accept()
            return
        self._open_profile_after_save = True
        self.submit()

    def show_invalid(self, errors) -> None:
        self._open_profile_after_save = False
        super().show_invalid(errors)

    def _failed(self, exc: BaseException) -> None:
        self._open_profile_after_save = False
        super()._failed(exc)

    def _after_save(self, _result) -> None:
        if self._open_profile_after_save:
            self.profile_requested.emit(self.franchisee_id)


__all__ = ["VisitDialog"]
