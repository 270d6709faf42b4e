"""The franchisee profile editor: header with status and actions, and Profile / Contacts / Stores / History tabs.

Embedded by the franchisee list on the right of its splitter::

    class ProfileEditor(QWidget):
        saved = Signal(int)      # franchisee id after create/update/status/archive
        def __init__(self, ctx: UiContext, parent=None)
        def load(self, franchisee_id: int) -> None    # loads in the background, shows tabs
        def new(self) -> None                         # blank profile for a new franchisee
        def has_unsaved_changes(self) -> bool
        def save(self) -> None                        # Ctrl+S
        def cancel(self) -> None                      # Esc: drop unsaved edits (asks); leaves a new form
        def confirm_discard(self) -> bool             # ask before dropping unsaved edits (True = go on)

The caller asks ``confirm_discard()`` before ``load()``-ing another franchisee; ``load()`` itself drops edits.
Edits follow "load, edit in memory, save with a version check": the loaded FranchiseeDetail is the base of
the next save, and a ConflictError opens the ConflictDialog (reload / keep editing / overwrite if allowed).
Every service call runs through ctx.runner; every write is announced on ctx.bus.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QEventLoop, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QKeySequence, QPainter, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QBoxLayout,
    QComboBox,
    QDialog,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLayout,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QStyledItemDelegate,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from hqdesk.domain.changes import Changes, Entity
from hqdesk.domain.errors import (
    ConflictError,
    FieldError,
    NotFound,
    ValidationError,
    cannot_create_franchisee,
    read_only_reason,
)
from hqdesk.domain.franchisee import (
    MAX_LENGTHS,
    REGIONS,
    STATUS_LABELS,
    TAGS_MAX_LENGTH,
    FranchiseeData,
    LifecycleStatus,
    clean_franchisee,
    normalize_tags,
    validate_franchisee,
)
from hqdesk.domain.i18n import QT_TRANSLATE_NOOP
from hqdesk.domain.roles import Action
from hqdesk.services.dto import ContactDTO, FranchiseeDetail, StoreDTO, UserDTO
from hqdesk.ui.dialogs.conflict_dialog import ConflictDialog, merge_plan
from hqdesk.ui.dialogs.contact_dialog import ContactDialog
from hqdesk.ui.dialogs.status_dialog import StatusDialog, status_since
from hqdesk.ui.dialogs.store_dialog import StoreDialog
from hqdesk.ui.errors import show_error
from hqdesk.ui.i18n import tr_enum, tr_field_error, translate
from hqdesk.ui.models.contacts import ContactsModel
from hqdesk.ui.models.history import HistoryModel, StatusHistoryModel, UserNames, field_label
from hqdesk.ui.models.stores import StoresModel
from hqdesk.ui.widgets import DecimalEdit, Form, OptionalDateEdit

AMOUNT_PROBLEM = QT_TRANSLATE_NOOP("Validation", "Enter an amount in yuan, e.g. 1000000.00.")
DATE_PROBLEM = QT_TRANSLATE_NOOP("Validation", "Enter a date as yyyy-mm-dd, or leave the field empty.")

STATUS_COLORS = {
    LifecycleStatus.PROSPECT: "#2e86c1",
    LifecycleStatus.ACTIVE: "#1e8449",
    LifecycleStatus.SUSPENDED: "#ca6f1e",
    LifecycleStatus.TERMINATED: "#7b7d7d",
}

EMPTY, EDIT, NEW = "empty", "edit", "new"
TWO_COLUMNS_WIDTH = 820  # px of the profile tab below which its two groups stack


# ----- what the background tasks fetch -----------------------------------------------------------------------
@dataclass(frozen=True)
class Choices:
    """What the form's combo boxes offer, and who is who (for the history and the conflict dialog)."""

    tiers: tuple[str, ...]
    managers: tuple[UserDTO, ...]
    names: UserNames


@dataclass(frozen=True)
class ProfileBundle:
    detail: FranchiseeDetail
    contacts: list[ContactDTO]
    stores: list[StoreDTO]
    history: list
    statuses: list
    choices: Choices | None


def fetch_choices(services, actor) -> Choices:
    managers = tuple(services.users.account_managers())
    return Choices(services.franchisees.tiers(), managers, UserNames.of_users(services.users.names()))


def fetch_profile(services, actor, franchisee_id: int, with_choices: bool) -> ProfileBundle:
    """Everything the editor shows about one franchisee (runs in a worker thread)."""
    detail = services.franchisees.get(actor, franchisee_id)
    contacts = services.contacts.list(actor, franchisee_id)
    stores = services.stores.list(actor, franchisee_id)
    history, statuses = [], []
    if actor.can(Action.VIEW_HISTORY):
        history = services.franchisees.history(actor, franchisee_id)
        statuses = services.franchisees.status_history(actor, franchisee_id)
    return ProfileBundle(
        detail, contacts, stores, history, statuses, fetch_choices(services, actor) if with_choices else None
    )


# ----- small widgets ---------------------------------------------------------------------------------------
class ElidedLabel(QLabel):
    """A one-line label that shortens long text with "…" instead of pushing the buttons away."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.setMinimumWidth(80)

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt override
        painter = QPainter(self)
        metrics = self.fontMetrics()
        text = metrics.elidedText(self.text(), Qt.TextElideMode.ElideRight, self.width())
        painter.drawText(self.rect(), int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft), text)


def _badge(object_name: str) -> QLabel:
    label = QLabel()
    label.setObjectName(object_name)
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    return label


def _set_badge(label: QLabel, text: str, background: str) -> None:
    label.setText(text)
    label.setStyleSheet(
        f"QLabel {{ background: {background}; color: white; border-radius: 9px;"
        " padding: 2px 10px; font-weight: bold; }"
    )


class PaddedDelegate(QStyledItemDelegate):
    """Some air between columns that are sized to their contents."""

    def sizeHint(self, option, index) -> QSize:  # noqa: N802 - Qt override
        size = super().sizeHint(option, index)
        return QSize(size.width() + 14, size.height())


def _table(parent: QWidget) -> QTableView:
    view = QTableView(parent)
    view.setItemDelegate(PaddedDelegate(view))
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.verticalHeader().hide()
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 12)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setStretchLastSection(True)
    header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    return view


def _text_box(lines: int) -> QPlainTextEdit:
    box = QPlainTextEdit()
    box.setTabChangesFocus(True)
    box.setFixedHeight(box.fontMetrics().lineSpacing() * lines + 14)
    return box


class ProfileEditor(QWidget):
    saved = Signal(int)
    SAVED_MESSAGE_MS = 6000  # how long "Saved" stays when the user does not go on editing

    def __init__(self, ctx, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("profileEditor")
        self.ctx = ctx
        self._mode = EMPTY
        self._detail: FranchiseeDetail | None = None
        self._current_id: int | None = None
        self._choices: Choices | None = None
        self._names = UserNames()
        self._clean: tuple = ()
        self._populating = False
        self._saving = False
        self._emitting = False
        self._seq = 0
        self._can_edit = False
        self._read_only: bool | None = None
        self._dialog: QDialog | None = None
        self._previous_id: int | None = None  # shown before "new": where Esc goes back to
        self._keep_selected: dict[str, int] = {}  # contact/store id to select when the lists come back
        self._message_saved = False  # the message line says "Saved" (goes with the next edit)
        self._message_fields = False  # it says "correct the fields marked in red" (goes when none is left)
        self._saved_timer = QTimer(self)
        self._saved_timer.setSingleShot(True)
        self._saved_timer.setInterval(self.SAVED_MESSAGE_MS)
        self._saved_timer.timeout.connect(self._clear_saved_message)

        self.stack = QStackedWidget(self)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.stack)
        self.empty_label = QLabel(self.tr("Select a franchisee, or press Ctrl+N to add one"))
        self.empty_label.setObjectName("emptyState")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)
        self.empty_label.setStyleSheet("color: #7f8c8d; font-size: 15px;")
        self.stack.addWidget(self.empty_label)
        page = QWidget()
        page.setObjectName("profilePage")
        page.setStyleSheet(
            'QLineEdit[readOnly="true"], QPlainTextEdit[readOnly="true"], '
            'QAbstractSpinBox[readOnly="true"] { background: palette(window); }'
        )
        self.stack.addWidget(page)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(12, 10, 12, 6)
        self._build_header(layout)
        self.tabs = QTabWidget(page)
        self.tabs.setObjectName("profileTabs")
        layout.addWidget(self.tabs, 1)
        self._build_profile_tab()
        self._build_contacts_tab()
        self._build_stores_tab()
        self._build_history_tab()

        save = QShortcut(QKeySequence(QKeySequence.StandardKey.Save), self, self.save)
        save.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        revert = QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.cancel)
        revert.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        ctx.bus.changed.connect(self._on_bus_changed)
        self._show_empty()

    # ----- building ---------------------------------------------------------------------------------------
    def _build_header(self, layout: QVBoxLayout) -> None:
        self.title = ElidedLabel()
        self.title.setObjectName("profileTitle")
        font = QFont(self.title.font())
        if font.pointSizeF() > 0:
            font.setPointSizeF(font.pointSizeF() * 1.4)
        else:
            font.setPixelSize(round(font.pixelSize() * 1.4))
        font.setBold(True)
        self.title.setFont(font)
        layout.addWidget(self.title)
        # Below the name: code and badges, then the actions on the right. In a narrow splitter pane the
        # actions move under the badges (see _fit_header) rather than widening the editor.
        row = QHBoxLayout()
        row.setSpacing(8)
        actions = QHBoxLayout()
        actions.setSpacing(6)
        actions.addStretch(1)
        self.code_label = QLabel()
        self.code_label.setObjectName("codeLabel")
        self.code_label.setStyleSheet("color: #5d6d7e;")
        self.code_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status_badge = _badge("statusBadge")
        self.tier_badge = _badge("tierBadge")
        self.archived_badge = _badge("archivedBadge")
        self.unsaved_label = QLabel("• " + self.tr("unsaved"))
        self.unsaved_label.setObjectName("unsavedLabel")
        self.unsaved_label.setStyleSheet("color: #ca6f1e; font-weight: bold;")
        for w in (
            self.code_label,
            self.status_badge,
            self.tier_badge,
            self.archived_badge,
            self.unsaved_label,
        ):
            row.addWidget(w)
        row.addStretch(1)
        self._badges, self._actions = row, actions
        self.header_line = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self.header_line.setSpacing(6)
        self.header_line.addLayout(row, 1)
        self.header_line.addLayout(actions)
        self.status_button = QPushButton(self.tr("Change status…"))
        self.status_button.setObjectName("statusButton")
        self.archive_button = QPushButton(self.tr("Archive"))
        self.archive_button.setObjectName("archiveButton")
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setObjectName("cancelButton")
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.setObjectName("saveButton")
        self.save_button.setToolTip(
            self.tr("Save ({key})").format(
                key=QKeySequence(QKeySequence.StandardKey.Save).toString(
                    QKeySequence.SequenceFormat.NativeText
                )
            )
        )
        self.save_button.setDefault(True)
        for b in (self.status_button, self.archive_button, self.cancel_button, self.save_button):
            actions.addWidget(b)
        header = QWidget()
        header.setLayout(self.header_line)
        self.header_line.setContentsMargins(0, 0, 0, 0)
        # the header never sets the editor's minimum width: _fit_header stacks it instead
        self.header_line.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        header.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        layout.addWidget(header)
        self.read_only_note = QLabel()
        self.read_only_note.setObjectName("readOnlyNote")
        self.read_only_note.setWordWrap(True)
        self.read_only_note.setStyleSheet("color: #5d6d7e; font-style: italic;")
        layout.addWidget(self.read_only_note)
        self.message = QLabel()
        self.message.setObjectName("profileMessage")
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        line = QFrame()
        line.setFrameShape(QFrame.Shape.HLine)
        line.setFrameShadow(QFrame.Shadow.Sunken)
        layout.addWidget(line)
        self.save_button.clicked.connect(self.save)
        self.cancel_button.clicked.connect(self.cancel)
        self.status_button.clicked.connect(self.change_status)
        self.archive_button.clicked.connect(self.toggle_archived)

    def _build_profile_tab(self) -> None:
        scroll = QScrollArea()
        scroll.setObjectName("profileScroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        content = QWidget()
        v = QVBoxLayout(content)
        v.setContentsMargins(4, 8, 4, 8)
        self.status_line = QLabel()
        self.status_line.setObjectName("statusLine")
        top = QHBoxLayout()
        top.addWidget(self.status_line, 1)
        v.addLayout(top)
        self.columns = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self.columns.setSpacing(16)
        v.addLayout(self.columns)
        v.addStretch(1)
        company = QGroupBox(self.tr("Company"))
        place = QGroupBox(self.tr("Location and contract"))
        left, right = QFormLayout(company), QFormLayout(place)
        for form_layout in (left, right):
            form_layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
            form_layout.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
            form_layout.setVerticalSpacing(6)
        # top-aligned: the shorter column must not spread its rows to match the taller one
        self.columns.addWidget(company, 1, Qt.AlignmentFlag.AlignTop)
        self.columns.addWidget(place, 1, Qt.AlignmentFlag.AlignTop)
        content.installEventFilter(self)

        def label(name: str) -> str:
            return field_label("franchisees", name)

        self.form = f = Form(left)
        top.addWidget(f.required_note())
        self.code = f.add("code", label("code"), QLineEdit(), required=True)
        self.code.setMaxLength(20)
        self.code.setPlaceholderText(self.tr("e.g. {example}").format(example="JX0001"))
        self.legal_name = f.add("legal_name", label("legal_name"), QLineEdit(), required=True)
        self.legal_name.setMaxLength(200)
        self.store_brand_name = f.add("store_brand_name", label("store_brand_name"), QLineEdit())
        self.store_brand_name.setMaxLength(MAX_LENGTHS["store_brand_name"])
        self.uscc = f.add("uscc", self.tr("Credit code (USCC)"), QLineEdit())
        self.uscc.setMaxLength(24)  # pasted codes may carry spaces; cleaned before saving
        self.uscc.setPlaceholderText(self.tr("18 characters"))
        self.legal_representative = f.add("legal_representative", label("legal_representative"), QLineEdit())
        self.legal_representative.setMaxLength(MAX_LENGTHS["legal_representative"])
        self.registered_capital = f.add(
            "registered_capital", self.tr("Registered capital (¥)"), DecimalEdit(2)
        )
        self.business_scope = f.add("business_scope", label("business_scope"), _text_box(3))
        self.tags = f.add("tags", label("tags"), QLineEdit())
        self.tags.setMaxLength(TAGS_MAX_LENGTH)  # the tags as stored are never longer than as typed
        self.tags.setPlaceholderText(self.tr("Separated by commas, e.g. 重点, 新店"))

        f.layout = right  # Form.add appends to form.layout: the rest goes into the right-hand column
        self.region = f.add("region", label("region"), QComboBox())
        self.region.setEditable(True)
        self.region.addItems(("",) + REGIONS)
        self.region.lineEdit().setMaxLength(MAX_LENGTHS["region"])
        self.province = f.add("province", label("province"), QLineEdit())
        self.province.setMaxLength(MAX_LENGTHS["province"])
        self.city = f.add("city", label("city"), QLineEdit(), required=True)
        self.city.setMaxLength(MAX_LENGTHS["city"])
        self.address = f.add("address", label("address"), QLineEdit())
        self.address.setMaxLength(MAX_LENGTHS["address"])
        self.tier = f.add("tier", label("tier"), QComboBox(), required=True)
        self.account_manager = f.add("account_manager_id", label("account_manager_id"), QComboBox())
        self.join_date = f.add("join_date", label("join_date"), OptionalDateEdit())
        self.contract_start = f.add("contract_start", label("contract_start"), OptionalDateEdit())
        self.contract_end = f.add("contract_end", label("contract_end"), OptionalDateEdit())
        self.notes = f.add("notes", label("notes"), _text_box(3))
        width = max(caption.sizeHint().width() for caption in f.labels.values())
        for caption in f.labels.values():  # both groups' fields start at the same x when stacked
            caption.setMinimumWidth(width)

        for widget in f.fields.values():
            if isinstance(widget, (QLineEdit, QPlainTextEdit)):
                widget.textChanged.connect(self._edited)
            elif isinstance(widget, QComboBox):
                widget.currentIndexChanged.connect(self._edited)
                widget.editTextChanged.connect(self._edited)
        scroll.setWidget(content)
        self.profile_scroll = scroll
        self.profile_tab = scroll
        self.tabs.addTab(scroll, self.tr("Profile"))

    def _build_contacts_tab(self) -> None:
        tab = QWidget()
        v = QVBoxLayout(tab)
        buttons = QHBoxLayout()
        self.add_contact_button = QPushButton(self.tr("Add…"))
        self.edit_contact_button = QPushButton(self.tr("Edit…"))
        self.delete_contact_button = QPushButton(self.tr("Delete"))
        self.primary_button = QPushButton(self.tr("Make primary"))
        for b in (
            self.add_contact_button,
            self.edit_contact_button,
            self.delete_contact_button,
            self.primary_button,
        ):
            buttons.addWidget(b)
        buttons.addStretch(1)
        v.addLayout(buttons)
        self.contacts_model = ContactsModel(self)
        self.contacts_view = _table(tab)
        self.contacts_view.setObjectName("contactsView")
        self.contacts_view.setModel(self.contacts_model)
        v.addWidget(self.contacts_view)
        self.contacts_view.doubleClicked.connect(lambda _index: self.edit_contact())
        self.contacts_view.installEventFilter(self)  # Enter edits, Delete deletes
        self.contacts_view.selectionModel().selectionChanged.connect(self._update_row_buttons)
        self.add_contact_button.clicked.connect(self.add_contact)
        self.edit_contact_button.clicked.connect(self.edit_contact)
        self.delete_contact_button.clicked.connect(self.delete_contact)
        self.primary_button.clicked.connect(self.make_primary)
        self.contacts_tab = tab
        self.tabs.addTab(tab, self.tr("Contacts"))

    def _build_stores_tab(self) -> None:
        tab = QWidget()
        v = QVBoxLayout(tab)
        buttons = QHBoxLayout()
        self.add_store_button = QPushButton(self.tr("Add…"))
        self.edit_store_button = QPushButton(self.tr("Edit…"))
        self.delete_store_button = QPushButton(self.tr("Delete"))
        for b in (self.add_store_button, self.edit_store_button, self.delete_store_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        v.addLayout(buttons)
        self.stores_model = StoresModel(self)
        self.stores_view = _table(tab)
        self.stores_view.setObjectName("storesView")
        self.stores_view.setModel(self.stores_model)
        v.addWidget(self.stores_view)
        self.stores_view.doubleClicked.connect(lambda _index: self.edit_store())
        self.stores_view.installEventFilter(self)  # Enter edits, Delete deletes
        self.stores_view.selectionModel().selectionChanged.connect(self._update_row_buttons)
        self.add_store_button.clicked.connect(self.add_store)
        self.edit_store_button.clicked.connect(self.edit_store)
        self.delete_store_button.clicked.connect(self.delete_store)
        self.stores_tab = tab
        self.tabs.addTab(tab, self.tr("Stores"))

    def _build_history_tab(self) -> None:
        splitter = QSplitter(Qt.Orientation.Vertical)
        top = QWidget()
        tv = QVBoxLayout(top)
        tv.setContentsMargins(0, 0, 0, 0)
        tv.addWidget(QLabel("<b>" + self.tr("Status changes") + "</b>"))
        self.status_history_model = StatusHistoryModel(self)
        self.status_history_view = _table(top)
        self.status_history_view.setObjectName("statusHistoryView")
        self.status_history_view.setModel(self.status_history_model)
        tv.addWidget(self.status_history_view)
        bottom = QWidget()
        bv = QVBoxLayout(bottom)
        bv.setContentsMargins(0, 0, 0, 0)
        bv.addWidget(QLabel("<b>" + self.tr("All changes") + "</b>"))
        self.history_model = HistoryModel(self)
        self.history_view = _table(bottom)
        self.history_view.setObjectName("historyView")
        self.history_view.setModel(self.history_model)
        # the changes get the room; "what" keeps a sensible width (its tooltip and the pane below show it all)
        history_header = self.history_view.horizontalHeader()
        history_header.setSectionResizeMode(HistoryModel.WHAT, QHeaderView.ResizeMode.Interactive)
        history_header.resizeSection(HistoryModel.WHAT, self.fontMetrics().horizontalAdvance("中") * 12)
        history_header.setSectionResizeMode(HistoryModel.CHANGES, QHeaderView.ResizeMode.Stretch)
        bv.addWidget(self.history_view)
        self.history_details = QPlainTextEdit()
        self.history_details.setObjectName("historyDetails")
        self.history_details.setReadOnly(True)
        self.history_details.setPlaceholderText(self.tr("Select a change to see all its fields."))
        self.history_details.setFixedHeight(self.history_details.fontMetrics().lineSpacing() * 5 + 14)
        bv.addWidget(self.history_details)
        self.history_view.selectionModel().currentRowChanged.connect(self._show_history_details)
        self.history_model.modelReset.connect(self.history_details.clear)
        splitter.addWidget(top)
        splitter.addWidget(bottom)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 3)
        self.history_tab = splitter
        self.tabs.addTab(splitter, self.tr("History"))

    # ----- the interface ------------------------------------------------------------------------------------
    def load(self, franchisee_id: int) -> None:
        """Show ``franchisee_id`` (fetched in the background). Unsaved edits are dropped: ask confirm_discard first."""
        self._current_id = franchisee_id
        self._fetch(refresh=False)

    def new(self) -> None:
        """A blank profile for a new franchisee (if the user may create one)."""
        self._seq += 1
        if self._mode == EDIT and self._detail is not None:
            self._previous_id = self._detail.id
        elif self._mode != NEW:
            self._previous_id = None
        self._current_id = None
        if not self.ctx.can(Action.CREATE_FRANCHISEE):
            self._show_empty(cannot_create_franchisee(self.ctx.actor).text(translate))
            return
        if self._choices is not None:
            self._start_new()
            return
        seq = self._seq

        def done(choices: Choices) -> None:
            self._set_choices(choices)
            if seq == self._seq:
                self._start_new()

        self.ctx.runner.submit(
            fetch_choices,
            self.ctx.services,
            self.ctx.actor,
            on_done=done,
            on_error=lambda exc: show_error(self, exc),
        )

    def has_unsaved_changes(self) -> bool:
        return self._mode != EMPTY and self._can_edit and self._raw() != self._clean

    def save(self) -> None:
        """Save the profile (Ctrl+S); problems appear beside their fields, conflicts in the conflict dialog."""
        self._save()

    def cancel(self) -> None:
        """Esc or Cancel: drop the unsaved edits, after asking (no question when nothing was edited).

        A new franchisee's form is left: back to the franchisee shown before it, or to the empty state.
        """
        if self._saving or self._mode == EMPTY:
            return
        if self.has_unsaved_changes() and not self._ask_discard():
            return
        if self._mode == NEW:
            self._leave_new()
        else:
            self._revert()

    def _ask_discard(self) -> bool:
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Discard changes"),
            self.tr("Discard your unsaved changes to {name}?").format(name=self._display_name()),
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            self,
        )
        box.setObjectName("discardChangesBox")
        box.setDefaultButton(QMessageBox.StandardButton.Discard)  # Esc again answers Cancel: edits kept
        return box.exec() == QMessageBox.StandardButton.Discard

    def _revert(self) -> None:
        """The form as it was loaded (a new franchisee's: blank)."""
        if self._mode == EDIT and self._detail is not None:
            self._populate(self._detail.data, self._detail.account_manager_name)
        elif self._mode == NEW:
            self._populate(self._blank())
        self._show_message("")

    def _leave_new(self) -> None:
        previous, self._previous_id = self._previous_id, None
        self._show_message("")
        self._show_empty()
        if previous is not None:
            self.load(previous)

    def confirm_discard(self) -> bool:
        """Before the caller drops the record: Save / Discard / Cancel. True when it may go on."""
        if not self.has_unsaved_changes():
            return True
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Unsaved changes"),
            self.tr("Save your changes to {name}?").format(name=self._display_name()),
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel,
            self,
        )
        box.setObjectName("unsavedChangesBox")
        box.setInformativeText(self.tr("If you don't save, your changes are lost."))
        box.setDefaultButton(QMessageBox.StandardButton.Save)
        answer = box.exec()
        if answer == QMessageBox.StandardButton.Discard:
            self._revert()
            return True
        if answer != QMessageBox.StandardButton.Save:
            return False
        return self._save_and_wait()

    # ----- more actions (buttons) ---------------------------------------------------------------------------
    def current_dialog(self) -> QDialog | None:
        """The dialog this editor has open (status, contact, store, conflict), if any."""
        return self._dialog

    def change_status(self) -> None:
        if self._mode != EDIT or not self._may(Action.CHANGE_STATUS) or not self.confirm_discard():
            return
        dialog = StatusDialog(self.ctx, self._detail, self._names, self)
        dialog.saved.connect(self._status_saved)
        dialog.reloaded.connect(lambda current: self._apply_detail(current))
        self._open(dialog)

    def toggle_archived(self) -> None:
        if self._mode != EDIT or not self.ctx.can(Action.ARCHIVE_FRANCHISEE) or not self.confirm_discard():
            return
        detail = self._detail
        archive = not detail.archived
        if archive:
            answer = QMessageBox.question(
                self,
                self.tr("Archive franchisee"),
                self.tr(
                    "Archive {name}? It disappears from the list unless archived franchisees are shown; "
                    "nothing is deleted and it can be restored."
                ).format(name=self._display_name()),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Cancel,
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        self._busy(True)

        def done(result: FranchiseeDetail) -> None:
            self._busy(False)
            self._emit_changed("franchisee", result.id)
            self._status_saved(result)

        self.ctx.runner.submit(
            self.ctx.services.franchisees.set_archived,
            self.ctx.actor,
            detail.id,
            detail.version,
            archive,
            write=True,
            on_done=done,
            on_error=self._action_failed,
        )

    def add_contact(self) -> None:
        if self._mode != EDIT or not self._can_edit:
            return
        dialog = ContactDialog(self.ctx, self._detail.id, None, self._names, parent=self)
        dialog.saved.connect(lambda dto: self._refresh_selecting("contact", dto.id))
        dialog.reloaded.connect(lambda _dto: self._refresh())
        self._open(dialog)

    def edit_contact(self) -> None:
        contact = self._selected(self.contacts_view, self.contacts_model.row)
        if contact is None:
            return
        dialog = ContactDialog(
            self.ctx, self._detail.id, contact, self._names, read_only=not self._can_edit, parent=self
        )
        dialog.saved.connect(lambda dto: self._refresh_selecting("contact", dto.id))
        dialog.reloaded.connect(lambda _dto: self._refresh())
        self._open(dialog)

    def delete_contact(self) -> None:
        contact = self._selected(self.contacts_view, self.contacts_model.row)
        if contact is None or not self._can_edit:
            return
        if not self._ask(
            self.tr("Delete contact"), self.tr("Delete the contact {name}?").format(name=contact.data.name)
        ):
            return
        self._row_write("contact", contact.id, self.ctx.services.contacts.delete, contact.id, contact.version)

    def make_primary(self) -> None:
        contact = self._selected(self.contacts_view, self.contacts_model.row)
        if contact is None or not self._can_edit or contact.data.is_primary:
            return
        self._row_write(
            "contact", contact.id, self.ctx.services.contacts.make_primary, contact.id, keep_selected=True
        )

    def add_store(self) -> None:
        if self._mode != EDIT or not self._can_edit:
            return
        dialog = StoreDialog(
            self.ctx, self._detail.id, None, self._names, default_city=self._detail.data.city, parent=self
        )
        dialog.saved.connect(lambda dto: self._refresh_selecting("store", dto.id))
        dialog.reloaded.connect(lambda _dto: self._refresh())
        self._open(dialog)

    def edit_store(self) -> None:
        store = self._selected(self.stores_view, self.stores_model.row)
        if store is None:
            return
        dialog = StoreDialog(
            self.ctx, self._detail.id, store, self._names, read_only=not self._can_edit, parent=self
        )
        dialog.saved.connect(lambda dto: self._refresh_selecting("store", dto.id))
        dialog.reloaded.connect(lambda _dto: self._refresh())
        self._open(dialog)

    def delete_store(self) -> None:
        store = self._selected(self.stores_view, self.stores_model.row)
        if store is None or not self._can_edit:
            return
        if not self._ask(
            self.tr("Delete store"), self.tr("Delete the store {name}?").format(name=store.data.name)
        ):
            return
        self._row_write("store", store.id, self.ctx.services.stores.delete, store.id, store.version)

    # ----- loading ------------------------------------------------------------------------------------------
    def _fetch(self, refresh: bool) -> None:
        """Fetch the current franchisee; a refresh leaves the form alone when it has unsaved edits."""
        if self._current_id is None:
            return
        self._seq += 1
        seq = self._seq
        if not refresh and self._mode == EMPTY:
            self.empty_label.setText(self.tr("Loading…"))
        self.ctx.runner.submit(
            fetch_profile,
            self.ctx.services,
            self.ctx.actor,
            self._current_id,
            self._choices is None,
            on_done=lambda bundle: self._loaded(seq, bundle, refresh),
            on_error=lambda exc: self._load_failed(seq, exc),
        )

    def _refresh(self) -> None:
        self._fetch(refresh=True)

    def _refresh_selecting(self, kind: str, row_id: int) -> None:
        """Refresh, then select the contact or store just added or edited."""
        self._keep_selected[kind] = row_id
        self._refresh()

    def _loaded(self, seq: int, bundle: ProfileBundle, refresh: bool) -> None:
        if seq != self._seq:
            return  # the user moved on to another franchisee meanwhile
        if bundle.choices is not None:
            self._set_choices(bundle.choices)
        detail = bundle.detail
        same = self._mode == EDIT and self._detail is not None and self._detail.id == detail.id
        if refresh and same and (self.has_unsaved_changes() or self._saving):
            if detail.version != self._detail.version:
                self._show_message(
                    self.tr(
                        "{user} changed this franchisee after you opened it. When you save, you will see what they "
                        "changed."
                    ).format(user=self._names.name(detail.updated_by)),
                    warning=True,
                )
        elif not (refresh and same and detail.version == self._detail.version):
            self._detail = detail
            self._mode = EDIT
            self._populate(detail.data, detail.account_manager_name)
            if not refresh:
                self._show_message("")
        # the same franchisee again: the lists keep their selected rows (or select the one just acted on)
        keep = {kind: self._keep_selected.pop(kind, None) for kind in ("contact", "store")}
        if same:
            keep["contact"] = keep["contact"] or self._selected_id(self.contacts_view, self.contacts_model)
            keep["store"] = keep["store"] or self._selected_id(self.stores_view, self.stores_model)
        self.contacts_model.set_contacts(bundle.contacts)
        self.stores_model.set_stores(bundle.stores)
        if same:
            self._select_id(self.contacts_view, self.contacts_model, keep["contact"])
            self._select_id(self.stores_view, self.stores_model, keep["store"])
        row_names = {("contacts", str(c.id)): c.data.name for c in bundle.contacts}
        row_names.update({("stores", str(s.id)): s.data.name for s in bundle.stores})
        self.history_model.set_entries(bundle.history, self._names, row_names)
        self.status_history_model.set_changes(bundle.statuses, self._names)
        self._show_editor()  # on the tab the user was on: browsing contacts franchisee after franchisee

    def _load_failed(self, seq: int, exc: BaseException) -> None:
        if seq != self._seq:
            return
        if isinstance(exc, NotFound):
            self._show_empty(self.tr("This franchisee no longer exists; another user may have deleted it."))
            return
        if self._mode == EMPTY:
            self._show_empty()
        show_error(self, exc)

    def _set_choices(self, choices: Choices) -> None:
        self._choices = choices
        self._names = choices.names
        self._populating = True
        try:
            tier = self.tier.currentData()
            self.tier.clear()
            for code in choices.tiers:
                self.tier.addItem(code, code)
            if tier is not None:
                self._select(self.tier, tier, tier)
            manager = self.account_manager.currentData()
            self.account_manager.clear()
            self.account_manager.addItem(self.tr("(none)"), None)
            for user in choices.managers:
                self.account_manager.addItem(user.display_name or user.username, user.id)
            self._select(self.account_manager, manager, "")
        finally:
            self._populating = False

    # ----- the form -----------------------------------------------------------------------------------------
    def _blank(self) -> FranchiseeData:
        tiers = self._choices.tiers if self._choices else ()
        tier = "B" if "B" in tiers or not tiers else tiers[0]
        manager = None if self.ctx.can(Action.ASSIGN_ACCOUNT_MANAGER) else self.ctx.actor.user_id
        return FranchiseeData(tier=tier, account_manager_id=manager)

    def _start_new(self) -> None:
        self._mode = NEW
        self._detail = None
        self._populate(self._blank(), self.ctx.actor.display_name)
        self.contacts_model.set_contacts([])
        self.stores_model.set_stores([])
        self.history_model.set_entries([])
        self.status_history_model.set_changes([])
        self._show_message("")
        self.tabs.setCurrentIndex(self.tabs.indexOf(self.profile_tab))
        self._show_editor()
        self.code.setFocus()

    @staticmethod
    def _select(combo: QComboBox, value, label: str) -> None:
        index = combo.findData(value)
        if index < 0 and value is not None:  # e.g. an account manager who has left: still shown
            combo.addItem(label or f"#{value}", value)
            index = combo.count() - 1
        combo.setCurrentIndex(max(index, 0))

    def _populate(self, data: FranchiseeData, manager_name: str = "") -> None:
        self._populating = True
        try:
            for name in (
                "code",
                "legal_name",
                "store_brand_name",
                "uscc",
                "legal_representative",
                "province",
                "city",
                "address",
            ):
                self.form.fields[name].setText(getattr(data, name))
            self.registered_capital.setText(
                "" if data.registered_capital is None else f"{data.registered_capital:,.2f}"
            )  # readable: 10,000,000.00
            self.business_scope.setPlainText(data.business_scope)
            self.tags.setText(", ".join(data.tags))
            self.region.setCurrentText(data.region)
            self._select(self.tier, data.tier, data.tier)
            self._select(self.account_manager, data.account_manager_id, manager_name)
            self.join_date.set_date_value(data.join_date)
            self.contract_start.set_date_value(data.contract_start)
            self.contract_end.set_date_value(data.contract_end)
            self.notes.setPlainText(data.notes)
            for widget in self.form.fields.values():
                if isinstance(widget, QLineEdit):
                    widget.setCursorPosition(0)  # long names show their beginning, not their end
        finally:
            self._populating = False
        self.form.clear_errors()
        self._clean = self._raw()
        self._update_state()

    def _raw(self) -> tuple:
        """What the form shows, as plain values: compared with the loaded state to know if it was edited."""
        out = []
        for widget in self.form.fields.values():
            if isinstance(widget, QPlainTextEdit):
                out.append(widget.toPlainText())
            elif isinstance(widget, QComboBox):
                out.append((widget.currentText(), widget.currentData()))
            elif isinstance(widget, OptionalDateEdit):
                # 2026-3-1 is the same date as 2026-03-01; text that is not a date is an edit too
                out.append(widget.date_value() if widget.hasAcceptableInput() else widget.text())
            else:
                out.append(widget.text())
        return tuple(out)

    def _read_form(self) -> tuple[FranchiseeData, list[FieldError]]:
        """The form as FranchiseeData; text that is not a number or date becomes a FieldError here."""
        errors = []
        capital = self.registered_capital.decimal_value()
        if self.registered_capital.text().strip() and capital is None:
            errors.append(FieldError("registered_capital", AMOUNT_PROBLEM))
        for name in ("join_date", "contract_start", "contract_end"):
            if not self.form.fields[name].hasAcceptableInput():
                errors.append(FieldError(name, DATE_PROBLEM))
        data = FranchiseeData(
            code=self.code.text(),
            legal_name=self.legal_name.text(),
            store_brand_name=self.store_brand_name.text(),
            uscc=self.uscc.text(),
            legal_representative=self.legal_representative.text(),
            registered_capital=capital,
            business_scope=self.business_scope.toPlainText(),
            region=self.region.currentText(),
            province=self.province.text(),
            city=self.city.text(),
            address=self.address.text(),
            tier=self.tier.currentData() or "",
            join_date=self.join_date.date_value(),
            contract_start=self.contract_start.date_value(),
            contract_end=self.contract_end.date_value(),
            account_manager_id=self.account_manager.currentData(),
            tags=normalize_tags(self.tags.text()),
            notes=self.notes.toPlainText(),
        )
        if errors and self._choices is not None:
            # show the rest of what is wrong at the same time, not one round trip per problem
            flagged = {e.field for e in errors}
            errors += [
                e
                for e in validate_franchisee(clean_franchisee(data), self._choices.tiers)
                if e.field not in flagged
            ]
        return data, errors

    def _edited(self, *_args) -> None:
        if not self._populating:
            if self._message_saved or (self._message_fields and not self.form.has_errors()):
                self._show_message("")  # "Saved" is old news; the fields marked in red are all corrected
            self._update_state()

    # ----- saving -------------------------------------------------------------------------------------------
    def _save(self, finished: Callable[[bool], None] | None = None) -> bool:
        """Start saving; ``finished(ok)`` is called when the save is over. False if nothing was started."""
        if self._mode == EMPTY or not self._can_edit or self._saving or not self.has_unsaved_changes():
            return False
        data, errors = self._read_form()
        if errors:
            self._show_validation(errors)
            return False
        self._submit_save(data, overwrite=False, finished=finished)
        return True

    def _submit_save(
        self, data: FranchiseeData, overwrite: bool, finished: Callable[[bool], None] | None = None
    ) -> None:
        franchisees = self.ctx.services.franchisees
        if self._mode == NEW:
            fn, args, kwargs = franchisees.create, (self.ctx.actor, data), {}
        else:
            fn, args = franchisees.update, (self.ctx.actor, self._detail.id, self._detail.version, data)
            kwargs = {"base": self._detail.data, "overwrite": overwrite}
        self._saving = True
        self._busy(True)

        def done(detail: FranchiseeDetail) -> None:
            self._saving = False
            self._busy(False)
            self._saved(detail)
            if finished:
                finished(True)

        def failed(exc: BaseException) -> None:
            self._saving = False
            self._busy(False)
            self._save_failed(exc)
            if finished:
                finished(False)

        self.ctx.runner.submit(fn, *args, on_done=done, on_error=failed, write=True, **kwargs)

    def _save_and_wait(self) -> bool:
        """Save and wait for the outcome (confirm_discard must answer synchronously)."""
        outcome: list[bool] = []
        loop = QEventLoop(self)

        def finished(ok: bool) -> None:
            outcome.append(ok)
            loop.quit()

        if not self._save(finished):
            return False
        if not outcome:  # a threaded runner: wait for it (the inline runner has answered already)
            loop.exec(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)
        return bool(outcome and outcome[0])

    def _saved(self, detail: FranchiseeDetail) -> None:
        self._detail = detail
        self._mode = EDIT
        self._current_id = detail.id
        self._populate(detail.data, detail.account_manager_name)
        self._show_saved()
        self._emit_changed("franchisee", detail.id)
        self.saved.emit(detail.id)
        self._refresh()  # history, and the tabs a new franchisee did not have

    def _save_failed(self, exc: BaseException) -> None:
        if isinstance(exc, ValidationError):
            self._show_validation(exc.errors)
        elif isinstance(exc, ConflictError):
            self._conflict(exc)
        else:
            show_error(self, exc)

    def _show_validation(self, errors: list[FieldError]) -> None:
        order = list(self.form.fields)
        errors = sorted(errors, key=lambda e: order.index(e.field) if e.field in order else len(order))
        self.tabs.setCurrentIndex(self.tabs.indexOf(self.profile_tab))
        rest = self.form.show_errors(errors)  # focuses the first bad field
        placed = [e for e in errors if e not in rest]
        if placed:
            self.profile_scroll.ensureWidgetVisible(self.form.fields[placed[0].field])
        text = "\n".join(tr_field_error(e) for e in rest)
        self._show_message(
            text or self.tr("Nothing was saved: correct the fields marked in red."), error=True
        )
        self._message_fields = not text

    def _conflict(self, exc: ConflictError) -> None:
        yours, merged = None, None
        mine, errors = self._read_form()
        if self._detail is not None and not errors and getattr(exc.current, "data", None) is not None:
            yours, merged = merge_plan(self._detail.data, exc.current.data, mine)
        dialog = ConflictDialog(
            exc,
            "franchisees",
            self.ctx.can(Action.OVERWRITE_CONFLICT),
            self._names,
            self,
            yours_changed=yours,
            can_merge=merged is not None,
        )
        dialog.finished.connect(lambda _result: self._resolve_conflict(dialog.choice, exc, merged))
        self._open(dialog)

    def _resolve_conflict(
        self, choice: str, exc: ConflictError, merged: FranchiseeData | None = None
    ) -> None:
        if choice == ConflictDialog.MERGE and merged is not None:
            # their version becomes the base, the form shows both changes, and the save goes out at once
            self._apply_detail(exc.current, force=True)
            self._populate(merged, exc.current.account_manager_name)
            self._submit_save(merged, overwrite=False)
        elif choice == ConflictDialog.RELOAD:
            self._apply_detail(exc.current, force=True)
            self._show_message("")
            self._refresh()
        elif choice == ConflictDialog.OVERWRITE:
            data, errors = self._read_form()
            if errors:
                self._show_validation(errors)
            else:
                self._submit_save(data, overwrite=True)
        else:
            self._show_message(
                self.tr("Not saved. Saving again shows the same conflict until you reload their version."),
                warning=True,
            )

    # ----- status and archive --------------------------------------------------------------------------------
    def _status_saved(self, detail: FranchiseeDetail) -> None:
        self._apply_detail(detail)
        self.saved.emit(detail.id)
        self._refresh()

    def _apply_detail(self, detail: FranchiseeDetail, force: bool = False) -> None:
        """Take a newer version of the record; the form follows unless it holds unsaved edits."""
        keep_edits = self.has_unsaved_changes() and not force
        self._detail = detail
        self._mode = EDIT
        if keep_edits:
            self._update_state()
        else:
            self._populate(detail.data, detail.account_manager_name)

    def _action_failed(self, exc: BaseException) -> None:
        self._busy(False)
        if isinstance(exc, ConflictError):
            dialog = ConflictDialog(exc, "franchisees", False, self._names, self)

            def resolved(_result) -> None:
                if dialog.choice == ConflictDialog.RELOAD:
                    self.load(exc.current.id)

            dialog.finished.connect(resolved)
            self._open(dialog)
        else:
            show_error(self, exc)

    # ----- contacts and stores ------------------------------------------------------------------------------
    @staticmethod
    def _selected(view: QTableView, getter):
        index = view.currentIndex()
        rows = view.selectionModel().selectedRows()
        row = rows[0].row() if rows else (index.row() if index.isValid() else -1)
        return getter(row) if row >= 0 else None

    def _row_write(self, kind: str, row_id: int, fn, *args, keep_selected: bool = False) -> None:
        def done(_result) -> None:
            self._emit_changed(kind, row_id)
            if keep_selected:  # the list re-sorts (primary first): the row acted on stays selected
                self._keep_selected[kind] = row_id
            self._refresh()

        def failed(exc: BaseException) -> None:
            if isinstance(exc, ConflictError):
                dialog = ConflictDialog(exc, kind + "s", False, self._names, self)
                dialog.finished.connect(lambda _r: self._refresh())
                self._open(dialog)
            else:
                show_error(self, exc)
                self._refresh()

        self.ctx.runner.submit(fn, self.ctx.actor, *args, write=True, on_done=done, on_error=failed)

    def _selected_id(self, view: QTableView, model) -> int | None:
        row = self._selected(view, model.row)
        return None if row is None else row.id

    @staticmethod
    def _select_id(view: QTableView, model, row_id: int | None) -> None:
        row = (
            next((i for i, r in enumerate(model.rows()) if r.id == row_id), -1) if row_id is not None else -1
        )
        if row >= 0:
            view.selectRow(row)
            view.scrollTo(model.index(row, 0))

    def _row_key(self, view: QTableView, event) -> bool:
        """Enter opens the selected contact or store (as double-click does), Delete asks to delete it."""
        if event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            return False
        contacts = view is self.contacts_view
        if self._selected(view, (self.contacts_model if contacts else self.stores_model).row) is None:
            return False
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            (self.edit_contact if contacts else self.edit_store)()
            return True
        if event.key() == Qt.Key.Key_Delete and self._can_edit and self._mode == EDIT:
            (self.delete_contact if contacts else self.delete_store)()
            return True
        return False

    def _update_row_buttons(self, *_args) -> None:
        contact = self._selected(self.contacts_view, self.contacts_model.row)
        self.edit_contact_button.setEnabled(contact is not None)
        self.delete_contact_button.setEnabled(contact is not None)
        self.primary_button.setEnabled(contact is not None and not contact.data.is_primary)
        store = self._selected(self.stores_view, self.stores_model.row)
        self.edit_store_button.setEnabled(store is not None)
        self.delete_store_button.setEnabled(store is not None)
        if not self._can_edit:
            self.edit_contact_button.setText(self.tr("View…"))
            self.edit_store_button.setText(self.tr("View…"))
        else:
            self.edit_contact_button.setText(self.tr("Edit…"))
            self.edit_store_button.setText(self.tr("Edit…"))

    def _show_history_details(self, current, _previous=None) -> None:
        self.history_details.setPlainText(
            self.history_model.details(current.row()) if current.isValid() else ""
        )

    # ----- state shown ----------------------------------------------------------------------------------------
    def _may(self, action: Action) -> bool:
        owner = self._detail.data.account_manager_id if self._detail else None
        return self.ctx.can(action, owner)

    def _update_state(self) -> None:
        """Header, buttons, read-only state and tab titles from mode, permissions and the dirty flag."""
        editing = self._mode == EDIT and self._detail is not None
        if self._mode == NEW:
            self._can_edit = self.ctx.can(Action.CREATE_FRANCHISEE)
        else:
            self._can_edit = editing and self._may(Action.EDIT_FRANCHISEE)
        dirty = self.has_unsaved_changes()
        self._set_read_only(not self._can_edit)
        self.account_manager.setEnabled(self._can_edit and self.ctx.can(Action.ASSIGN_ACCOUNT_MANAGER))
        self.save_button.setVisible(self._can_edit)
        self.cancel_button.setVisible(self._can_edit)
        self.save_button.setEnabled(dirty and not self._saving)
        self.cancel_button.setEnabled((dirty or self._mode == NEW) and not self._saving)
        self.cancel_button.setToolTip(
            self.tr("Leave the new franchisee without saving it (Esc)")
            if self._mode == NEW
            else self.tr("Undo the changes you have not saved (Esc)")
        )
        self.unsaved_label.setVisible(dirty)
        self.status_button.setVisible(editing and self._may(Action.CHANGE_STATUS))
        self.archive_button.setVisible(editing and self.ctx.can(Action.ARCHIVE_FRANCHISEE))
        for b in (
            self.add_contact_button,
            self.delete_contact_button,
            self.primary_button,
            self.add_store_button,
            self.delete_store_button,
        ):
            b.setVisible(self._can_edit and editing)
        self._update_row_buttons()
        for tab in (self.contacts_tab, self.stores_tab, self.history_tab):
            index = self.tabs.indexOf(tab)
            self.tabs.setTabEnabled(index, editing)
            self.tabs.setTabToolTip(index, "" if editing else self.tr("Save the new franchisee first."))
        self.tabs.setTabVisible(self.tabs.indexOf(self.history_tab), self.ctx.can(Action.VIEW_HISTORY))
        n_contacts, n_stores = self.contacts_model.rowCount(), self.stores_model.rowCount()
        self.tabs.setTabText(
            self.tabs.indexOf(self.contacts_tab),
            self.tr("Contacts (%n)", "", n_contacts) if editing else self.tr("Contacts"),
        )
        self.tabs.setTabText(
            self.tabs.indexOf(self.stores_tab),
            self.tr("Stores (%n)", "", n_stores) if editing else self.tr("Stores"),
        )

        if self._mode == NEW:
            self.title.setText(self.tr("New franchisee"))
            self.code_label.setText("")
            self.code_label.hide()
            _set_badge(
                self.status_badge,
                tr_enum(STATUS_LABELS[LifecycleStatus.PROSPECT]),
                STATUS_COLORS[LifecycleStatus.PROSPECT],
            )
            self.tier_badge.hide()
            self.archived_badge.hide()
            self.status_line.setText(
                self.tr("A new franchisee starts as a prospect; change the status after saving.")
            )
        elif editing:
            d = self._detail
            self.title.setText(d.data.legal_name)
            self.title.setToolTip(d.data.legal_name)
            self.code_label.setText(d.data.code)
            self.code_label.show()
            _set_badge(self.status_badge, tr_enum(STATUS_LABELS[d.status]), STATUS_COLORS[d.status])
            self.status_badge.setToolTip(status_since(d))
            _set_badge(self.tier_badge, self.tr("Tier {tier}").format(tier=d.data.tier), "#8e7cc3")
            self.tier_badge.show()
            _set_badge(self.archived_badge, self.tr("Archived"), "#566573")
            self.archived_badge.setVisible(d.archived)
            self.archive_button.setText(self.tr("Restore") if d.archived else self.tr("Archive…"))
            line = self.tr("Status: {status}").format(status=status_since(d))
            if d.archived:
                line += " · " + self.tr("archived")
            self.status_line.setText(line)
        self.read_only_note.setText(self._read_only_reason())
        self.read_only_note.setVisible(bool(self.read_only_note.text()))
        self._fit_header()  # buttons and badges come and go

    def _set_read_only(self, read_only: bool) -> None:
        if read_only == self._read_only:
            return
        self._read_only = read_only
        self.form.set_read_only(read_only)
        for widget in self.form.fields.values():
            if isinstance(widget, (QLineEdit, QPlainTextEdit)):
                # an example in an empty read-only field would look like a value
                if read_only:
                    widget.setProperty("hint", widget.placeholderText())
                    widget.setPlaceholderText("")
                elif widget.property("hint"):
                    widget.setPlaceholderText(widget.property("hint"))
            # the [readOnly="true"] style sheet selector is only evaluated when a widget is polished
            widget.style().unpolish(widget)
            widget.style().polish(widget)

    def _fit_header(self) -> None:
        needed = self._badges.sizeHint().width() + self._actions.sizeHint().width() + 40
        wide = self.width() >= needed
        direction = QBoxLayout.Direction.LeftToRight if wide else QBoxLayout.Direction.TopToBottom
        if self.header_line.direction() != direction:
            self.header_line.setDirection(direction)

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self._fit_header()

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt override
        """Keys on the contacts and stores lists; two columns where there is room, one below the other in a
        narrow splitter pane."""
        if event.type() == QEvent.Type.KeyPress and watched in (self.contacts_view, self.stores_view):
            if self._row_key(watched, event):
                return True
        elif event.type() == QEvent.Type.Resize:
            wide = event.size().width() >= TWO_COLUMNS_WIDTH
            direction = QBoxLayout.Direction.LeftToRight if wide else QBoxLayout.Direction.TopToBottom
            if self.columns.direction() != direction:
                self.columns.setDirection(direction)
        return super().eventFilter(watched, event)

    def _read_only_reason(self) -> str:
        if self._can_edit or self._mode == EMPTY:
            return ""
        d = self._detail  # the role-specific wording is decided in the domain (one place)
        manager = (d.data.account_manager_id, d.account_manager_name) if d is not None else (None, None)
        return read_only_reason(self.ctx.actor, *manager).text(translate)

    def _display_name(self) -> str:
        if self._mode == NEW:
            return self.legal_name.text().strip() or self.tr("the new franchisee")
        return self._detail.data.legal_name if self._detail else ""

    def _show_empty(self, text: str | None = None) -> None:
        self._mode = EMPTY
        self._detail = None
        self._can_edit = False
        self.empty_label.setText(text or self.tr("Select a franchisee, or press Ctrl+N to add one"))
        self.stack.setCurrentIndex(0)

    def _show_editor(self) -> None:
        self._update_state()
        self.stack.setCurrentIndex(1)

    def _show_message(self, text: str, error: bool = False, warning: bool = False, ok: bool = False) -> None:
        color = "#c0392b" if error else "#b9770e" if warning else "#1e8449" if ok else "#5d6d7e"
        self.message.setStyleSheet(f"color: {color};" + (" font-weight: bold;" if ok else ""))
        self.message.setText(text)
        self.message.setVisible(bool(text))
        self._message_saved = self._message_fields = False
        self._saved_timer.stop()

    def _show_saved(self) -> None:
        """A brief "Saved" after Ctrl+S: until the next edit, or a few seconds."""
        self._show_message("✓ " + self.tr("Saved"), ok=True)
        self._message_saved = True
        self._saved_timer.start()

    def _clear_saved_message(self) -> None:
        if self._message_saved:
            self._show_message("")

    def _busy(self, busy: bool) -> None:
        self.setCursor(Qt.CursorShape.WaitCursor if busy else Qt.CursorShape.ArrowCursor)
        for b in (self.status_button, self.archive_button):
            b.setEnabled(not busy)
        self._update_state()

    def _ask(self, title: str, text: str) -> bool:
        answer = QMessageBox.question(
            self,
            title,
            text,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Yes

    def _open(self, dialog: QDialog) -> None:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._dialog = dialog

        def closed(_result) -> None:
            if self._dialog is dialog:
                self._dialog = None

        dialog.finished.connect(closed)
        dialog.open()

    # ----- the change bus -------------------------------------------------------------------------------------
    def _emit_changed(self, kind: str, row_id: int) -> None:
        self._emitting = True
        franchisee_id = (
            self._detail.id if self._detail is not None else (row_id if kind == "franchisee" else 0)
        )
        try:
            self.ctx.bus.notify(Changes.of(Entity(kind), [row_id], [franchisee_id], origin=self))
        finally:
            self._emitting = False

    def _on_bus_changed(self, changes: Changes) -> None:
        """Another view (or another of our dialogs) wrote something: refresh what we show of it."""
        if self._emitting or self._mode != EDIT or self._detail is None or self._dialog is not None:
            return  # our own writes refresh themselves
        if changes.touches(Entity.TIER, Entity.USER):  # the tier and account-manager choices
            self._refresh()
        elif changes.touches(
            Entity.FRANCHISEE, Entity.STATUS, Entity.CONTACT, Entity.STORE
        ) and changes.touches_franchisee(self._detail.id):
            self._refresh()


__all__ = ["ProfileEditor", "fetch_profile", "fetch_choices", "Choices", "ProfileBundle"]
