"""The left side of the Letters page: what to write (kind and its details), to whom (the selection), in which
language, and where the files go. ``order()`` reads it all into a ``LetterOrder``; ``problems()`` says what is
missing before anything runs. No database work here: the page resolves the order in the background.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from hqdesk.domain.festivals import FESTIVAL_LABELS, Festival, next_festival, next_year_of
from hqdesk.domain.franchisee import STATUS_LABELS, LifecycleStatus
from hqdesk.domain.i18n import QT_TRANSLATE_NOOP
from hqdesk.ui.i18n import tr_enum
from hqdesk.ui.widgets import OptionalDateEdit

CONTEXT = "LettersForm"

# The kinds, by the command line's names (hqdesk-admin letters KIND), in the order HQ meets them
KINDS: tuple[tuple[str, str], ...] = (
    ("festival", QT_TRANSLATE_NOOP("LettersForm", "Festival greeting")),
    ("birthday", QT_TRANSLATE_NOOP("LettersForm", "Birthday wishes")),
    ("store_anniversary", QT_TRANSLATE_NOOP("LettersForm", "Store anniversary")),
    ("invitation", QT_TRANSLATE_NOOP("LettersForm", "Invitation to an event")),
    ("credit_change", QT_TRANSLATE_NOOP("LettersForm", "Notice of a credit-term change")),
    ("statement", QT_TRANSLATE_NOOP("LettersForm", "Account statement")),
    ("dunning", QT_TRANSLATE_NOOP("LettersForm", "Dunning letter")),
)
KIND_LABELS = dict(KINDS)

# Where the recipients come from
SOURCES: tuple[tuple[str, str], ...] = (
    ("events", QT_TRANSLATE_NOOP("LettersForm", "Calendar events in a date range")),
    ("filter", QT_TRANSLATE_NOOP("LettersForm", "Franchisees matching a filter")),
    ("dunning", QT_TRANSLATE_NOOP("LettersForm", "The dunning run's to-do list")),
    ("active", QT_TRANSLATE_NOOP("LettersForm", "All active franchisees")),
    ("picked", QT_TRANSLATE_NOOP("LettersForm", "Franchisees I pick")),
)
# The sources that make sense for a kind (the first is chosen when the kind changes)
KIND_SOURCES: dict[str, tuple[str, ...]] = {
    "festival": ("active", "filter", "picked"),
    "birthday": ("events", "filter", "picked"),
    "store_anniversary": ("events", "filter", "picked"),
    "invitation": ("active", "filter", "picked"),
    "credit_change": ("picked", "filter", "active"),
    "statement": ("active", "filter", "picked"),
    "dunning": ("dunning", "picked", "filter"),
}
LANGUAGES: tuple[tuple[str | None, str], ...] = (
    (None, QT_TRANSLATE_NOOP("LettersForm", "Each contact's preferred language")),
    ("zh_CN", QT_TRANSLATE_NOOP("LettersForm", "Simplified Chinese for all")),
    ("en", QT_TRANSLATE_NOOP("LettersForm", "English for all")),
)
OUTPUTS: tuple[tuple[str, str], ...] = (
    ("combined", QT_TRANSLATE_NOOP("LettersForm", "One combined PDF")),
    ("separate", QT_TRANSLATE_NOOP("LettersForm", "One PDF per franchisee")),
    ("both", QT_TRANSLATE_NOOP("LettersForm", "Both")),
)


def _t(text: str) -> str:
    return QCoreApplication.translate("LettersForm", text)


@dataclass(frozen=True)
class LetterOrder:
    """Everything the form asks for: what, to whom, in which language, where to."""

    kind: str
    source: str
    as_of: date
    festival: str | None = None
    year: int | None = None
    event_name: str = ""
    event_date: date | None = None
    event_place: str = ""
    rsvp: str = ""
    period_from: date | None = None
    period_to: date | None = None
    dunning_level: int | None = None  # None: each franchisee's level from the run
    events_from: date | None = None
    events_to: date | None = None
    statuses: tuple[LifecycleStatus, ...] = ()
    tier: str | None = None
    region: str | None = None
    account_manager_id: int | None = None
    picked: tuple[int, ...] = ()
    language: str | None = None
    output: str = "combined"
    folder: str = ""
    extra: dict = field(default_factory=dict, compare=False)


def _combo(name: str, items, current=None) -> QComboBox:
    combo = QComboBox()
    combo.setObjectName(name)
    for value, label in items:
        combo.addItem(label, value)
    if current is not None:
        combo.setCurrentIndex(max(0, combo.findData(current)))
    return combo


def _form() -> tuple[QWidget, QFormLayout]:
    page = QWidget()
    form = QFormLayout(page)
    form.setContentsMargins(0, 4, 0, 0)
    form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
    return page, form


class LettersForm(QWidget):
    """See the module docstring. ``changed`` whenever the order changes (the page forgets its plan)."""

    changed = Signal()
    search_picked = Signal(str)  # the text typed to find franchisees to pick

    def __init__(self, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.today = today
        self.setObjectName("lettersForm")
        v = QVBoxLayout(self)
        v.setContentsMargins(0, 0, 0, 0)
        v.addWidget(self._build_letter())
        v.addWidget(self._build_selection())
        v.addWidget(self._build_output())
        v.addStretch(1)
        self.kind_combo.currentIndexChanged.connect(self._kind_changed)
        self.source_combo.currentIndexChanged.connect(self._source_changed)
        self._kind_changed()
        for signal in self._change_signals():
            signal.connect(self.changed)

    # ----- what -------------------------------------------------------------------------------------------
    def _build_letter(self) -> QGroupBox:
        box = QGroupBox(QCoreApplication.translate("LettersForm", "Letter"))
        v = QVBoxLayout(box)
        top = QFormLayout()
        self.kind_combo = _combo("kindCombo", [(k, _t(label)) for k, label in KINDS])
        top.addRow(QCoreApplication.translate("LettersForm", "Kind"), self.kind_combo)
        v.addLayout(top)
        self.kind_details = QStackedWidget()
        self.kind_details.setObjectName("kindDetails")
        self._detail_pages: dict[str, QWidget] = {}
        # festival: which festival, which year
        page, form = _form()
        self.festival_combo = _combo(
            "festivalCombo", [(f.value, tr_enum(FESTIVAL_LABELS[f])) for f in Festival]
        )
        # the next festival and its year: in December that is New Year's Day, then next year's Spring Festival
        _day, upcoming = next_festival(self.today)
        self.festival_combo.setCurrentIndex(max(0, self.festival_combo.findData(upcoming.value)))
        self.year_box = QSpinBox()
        self.year_box.setObjectName("yearBox")
        self.year_box.setRange(2000, 2100)
        self.year_box.setValue(next_year_of(upcoming, self.today))
        self.festival_combo.currentIndexChanged.connect(
            lambda _i: self.year_box.setValue(
                next_year_of(Festival(self.festival_combo.currentData()), self.today)
            )
        )
        form.addRow(QCoreApplication.translate("LettersForm", "Festival"), self.festival_combo)
        form.addRow(QCoreApplication.translate("LettersForm", "Year"), self.year_box)
        self._add_details("festival", page)
        # invitation: the event
        page, form = _form()
        self.event_name = QLineEdit()
        self.event_name.setObjectName("eventName")
        self.event_name.setPlaceholderText(
            QCoreApplication.translate("LettersForm", "e.g. Annual dealer gala")
        )
        self.event_date = OptionalDateEdit()
        self.event_date.setObjectName("eventDate")
        self.event_place = QLineEdit()
        self.event_place.setObjectName("eventPlace")
        self.rsvp = QLineEdit()
        self.rsvp.setObjectName("rsvp")
        self.rsvp.setPlaceholderText(
            QCoreApplication.translate("LettersForm", "e.g. reply by 20 December to Ms Li, 0571-8888 6666")
        )
        form.addRow(QCoreApplication.translate("LettersForm", "Event"), self.event_name)
        form.addRow(QCoreApplication.translate("LettersForm", "Date"), self.event_date)
        form.addRow(QCoreApplication.translate("LettersForm", "Place"), self.event_place)
        form.addRow(QCoreApplication.translate("LettersForm", "RSVP"), self.rsvp)
        self._add_details("invitation", page)
        # statement: the period
        page, form = _form()
        self.period_from = OptionalDateEdit()
        self.period_from.setObjectName("periodFrom")
        self.period_from.set_date_value(self.today.replace(day=1))
        self.period_to = OptionalDateEdit()
        self.period_to.setObjectName("periodTo")
        self.period_to.set_date_value(self.today)
        form.addRow(QCoreApplication.translate("LettersForm", "From"), self.period_from)
        form.addRow(QCoreApplication.translate("LettersForm", "To (as of)"), self.period_to)
        self._add_details("statement", page)
        # dunning: the level
        page, form = _form()
        self.level_combo = QComboBox()
        self.level_combo.setObjectName("levelCombo")
        self.level_combo.addItem(
            QCoreApplication.translate("LettersForm", "Each franchisee's level in the run"), None
        )
        for level in range(1, 7):
            self.level_combo.addItem(
                QCoreApplication.translate("LettersForm", "Level {n}").format(n=level), level
            )
        form.addRow(QCoreApplication.translate("LettersForm", "Dunning level"), self.level_combo)
        self._add_details("dunning", page)
        # the others need nothing more than the as-of date
        page, form = _form()
        self.as_of = OptionalDateEdit()
        self.as_of.setObjectName("asOf")
        self.as_of.set_date_value(self.today)
        form.addRow(QCoreApplication.translate("LettersForm", "Letter date"), self.as_of)
        self._add_details("", page)
        v.addWidget(self.kind_details)
        return box

    def _add_details(self, kind: str, page: QWidget) -> None:
        self._detail_pages[kind] = page
        self.kind_details.addWidget(page)

    # ----- to whom ----------------------------------------------------------------------------------------
    def _build_selection(self) -> QGroupBox:
        box = QGroupBox(QCoreApplication.translate("LettersForm", "Recipients"))
        v = QVBoxLayout(box)
        top = QFormLayout()
        self.source_combo = QComboBox()
        self.source_combo.setObjectName("sourceCombo")
        top.addRow(QCoreApplication.translate("LettersForm", "Who"), self.source_combo)
        v.addLayout(top)
        self.source_details = QStackedWidget()
        self.source_details.setObjectName("sourceDetails")
        self._source_pages: dict[str, QWidget] = {}
        # events in a range
        page, form = _form()
        self.events_from = OptionalDateEdit()
        self.events_from.setObjectName("eventsFrom")
        self.events_from.set_date_value(self.today)
        self.events_to = OptionalDateEdit()
        self.events_to.setObjectName("eventsTo")
        self.events_to.set_date_value(date.fromordinal(self.today.toordinal() + 30))
        form.addRow(QCoreApplication.translate("LettersForm", "Events from"), self.events_from)
        form.addRow(QCoreApplication.translate("LettersForm", "to"), self.events_to)
        self._add_source("events", page)
        # a filter
        page, form = _form()
        self.status_combo = _combo(
            "statusCombo",
            [(None, QCoreApplication.translate("LettersForm", "All statuses"))]
            + [(s.value, tr_enum(STATUS_LABELS[s])) for s in LifecycleStatus],
            LifecycleStatus.ACTIVE.value,
        )
        self.tier_combo = _combo(
            "tierCombo", [(None, QCoreApplication.translate("LettersForm", "All tiers"))]
        )
        self.region_combo = _combo(
            "regionCombo", [(None, QCoreApplication.translate("LettersForm", "All regions"))]
        )
        self.manager_combo = _combo(
            "managerCombo", [(None, QCoreApplication.translate("LettersForm", "All account managers"))]
        )
        form.addRow(QCoreApplication.translate("LettersForm", "Status"), self.status_combo)
        form.addRow(QCoreApplication.translate("LettersForm", "Tier"), self.tier_combo)
        form.addRow(QCoreApplication.translate("LettersForm", "Region"), self.region_combo)
        form.addRow(QCoreApplication.translate("LettersForm", "Account manager"), self.manager_combo)
        self._add_source("filter", page)
        # the dunning run
        page, form = _form()
        note = QLabel(
            QCoreApplication.translate(
                "LettersForm",
                "The open letter tasks of the latest dunning run, each at its franchisee's level.",
            )
        )
        note.setWordWrap(True)
        note.setStyleSheet("color: #555;")
        form.addRow(note)
        self._add_source("dunning", page)
        # all active
        page, form = _form()
        note = QLabel(
            QCoreApplication.translate("LettersForm", "Every active franchisee that is not archived.")
        )
        note.setWordWrap(True)
        note.setStyleSheet("color: #555;")
        form.addRow(note)
        self._add_source("active", page)
        # picked
        page = QWidget()
        pv = QVBoxLayout(page)
        pv.setContentsMargins(0, 4, 0, 0)
        row = QHBoxLayout()
        self.pick_search = QLineEdit()
        self.pick_search.setObjectName("pickSearch")
        self.pick_search.setPlaceholderText(
            QCoreApplication.translate("LettersForm", "Code, name or pinyin…")
        )
        self.pick_search.setClearButtonEnabled(True)
        self.pick_search_button = QPushButton(QCoreApplication.translate("LettersForm", "Find"))
        self.pick_search_button.setObjectName("pickSearchButton")
        row.addWidget(self.pick_search, 1)
        row.addWidget(self.pick_search_button)
        pv.addLayout(row)
        self.pick_list = QListWidget()
        self.pick_list.setObjectName("pickList")
        self.pick_list.setMinimumHeight(90)
        pv.addWidget(self.pick_list, 1)
        self.pick_count = QLabel()
        self.pick_count.setObjectName("pickCount")
        pv.addWidget(self.pick_count)
        self._add_source("picked", page)
        v.addWidget(self.source_details)
        self.pick_search.returnPressed.connect(lambda: self.search_picked.emit(self.pick_search.text()))
        self.pick_search_button.clicked.connect(lambda: self.search_picked.emit(self.pick_search.text()))
        self.pick_list.itemChanged.connect(self._picked_changed)
        self._picked_changed()
        # language
        lang = QFormLayout()
        self.language_combo = _combo("languageCombo", [(v_, _t(label)) for v_, label in LANGUAGES])
        lang.addRow(QCoreApplication.translate("LettersForm", "Language"), self.language_combo)
        v.addLayout(lang)
        return box

    def _add_source(self, key: str, page: QWidget) -> None:
        self._source_pages[key] = page
        self.source_details.addWidget(page)

    # ----- where ------------------------------------------------------------------------------------------
    def _build_output(self) -> QGroupBox:
        box = QGroupBox(QCoreApplication.translate("LettersForm", "Output"))
        v = QVBoxLayout(box)
        row = QHBoxLayout()
        self.output_group = QButtonGroup(self)
        self.output_buttons: dict[str, QRadioButton] = {}
        for key, label in OUTPUTS:
            button = QRadioButton(_t(label))
            button.setObjectName(f"output_{key}")
            self.output_group.addButton(button)
            self.output_buttons[key] = button
            row.addWidget(button)
        row.addStretch(1)
        self.output_buttons["combined"].setChecked(True)
        v.addLayout(row)
        folder_row = QHBoxLayout()
        self.folder_edit = QLineEdit()
        self.folder_edit.setObjectName("folderEdit")
        self.folder_edit.setPlaceholderText(
            QCoreApplication.translate("LettersForm", "Folder for the PDF files")
        )
        self.browse_button = QPushButton(QCoreApplication.translate("LettersForm", "Browse…"))
        self.browse_button.setObjectName("browseFolder")
        self.browse_button.clicked.connect(self._browse)
        folder_row.addWidget(QLabel(QCoreApplication.translate("LettersForm", "Folder")))
        folder_row.addWidget(self.folder_edit, 1)
        folder_row.addWidget(self.browse_button)
        v.addLayout(folder_row)
        return box

    def _browse(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, QCoreApplication.translate("LettersForm", "Folder for the letters"), self.folder_edit.text()
        )
        if folder:
            self.folder_edit.setText(folder)

    def _change_signals(self):
        yield self.kind_combo.currentIndexChanged
        yield self.festival_combo.currentIndexChanged
        yield self.year_box.valueChanged
        yield self.level_combo.currentIndexChanged
        yield self.source_combo.currentIndexChanged
        yield self.status_combo.currentIndexChanged
        yield self.tier_combo.currentIndexChanged
        yield self.region_combo.currentIndexChanged
        yield self.manager_combo.currentIndexChanged
        yield self.language_combo.currentIndexChanged
        for edit in (
            self.event_name,
            self.event_place,
            self.rsvp,
        ):
            yield edit.textChanged
        for edit in (
            self.event_date,
            self.period_from,
            self.period_to,
            self.as_of,
            self.events_from,
            self.events_to,
        ):
            yield edit.date_changed

    # ----- behaviour --------------------------------------------------------------------------------------
    @staticmethod
    def _show_stacked(stack: QStackedWidget, page: QWidget) -> None:
        """Show ``page``, the stack as tall as that page (not as its tallest page)."""
        from PySide6.QtWidgets import QSizePolicy

        for i in range(stack.count()):
            w = stack.widget(i)
            policy = QSizePolicy.Policy.Preferred if w is page else QSizePolicy.Policy.Ignored
            w.setSizePolicy(QSizePolicy.Policy.Preferred, policy)
        stack.setCurrentWidget(page)
        stack.updateGeometry()

    def _kind_changed(self) -> None:
        kind = self.kind()
        page = self._detail_pages.get(kind, self._detail_pages[""])
        self._show_stacked(self.kind_details, page)
        current = self.source()
        self.source_combo.blockSignals(True)
        self.source_combo.clear()
        for key in KIND_SOURCES[kind]:
            self.source_combo.addItem(_t(dict(SOURCES)[key]), key)
        self.source_combo.setCurrentIndex(max(0, self.source_combo.findData(current)))
        self.source_combo.blockSignals(False)
        self._source_changed()

    def _source_changed(self) -> None:
        source = self.source()
        if source in self._source_pages:
            self._show_stacked(self.source_details, self._source_pages[source])

    def set_filter_options(self, options) -> None:
        """Fill the tier, region and account manager boxes from ``FilterOptions``."""
        for combo, values in (
            (self.tier_combo, [(t, t) for t in options.tiers]),
            (self.region_combo, [(r, r) for r in options.regions]),
            (self.manager_combo, [(m.id, m.display_name) for m in options.account_managers]),
        ):
            current = combo.currentData()
            combo.blockSignals(True)
            while combo.count() > 1:
                combo.removeItem(1)
            for value, label in values:
                combo.addItem(label, value)
            combo.setCurrentIndex(max(0, combo.findData(current)))
            combo.blockSignals(False)

    def set_pick_results(self, rows) -> None:
        """Franchisees found for picking (``FranchiseeRow``s): the ticked ones stay, the others are replaced."""
        self.pick_list.blockSignals(True)
        for i in reversed(range(self.pick_list.count())):
            if self.pick_list.item(i).checkState() != Qt.CheckState.Checked:
                self.pick_list.takeItem(i)
        have = {self.pick_list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.pick_list.count())}
        for r in rows:
            if r.id in have:
                continue
            item = QListWidgetItem(f"{r.code}  {r.legal_name}")
            item.setData(Qt.ItemDataRole.UserRole, r.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.pick_list.addItem(item)
        self.pick_list.blockSignals(False)
        self._picked_changed()

    def pick(self, franchisee_ids) -> None:
        """Tick these franchisees (those in the list)."""
        wanted = set(franchisee_ids)
        for i in range(self.pick_list.count()):
            item = self.pick_list.item(i)
            if item.data(Qt.ItemDataRole.UserRole) in wanted:
                item.setCheckState(Qt.CheckState.Checked)

    def picked(self) -> tuple[int, ...]:
        return tuple(
            self.pick_list.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.pick_list.count())
            if self.pick_list.item(i).checkState() == Qt.CheckState.Checked
        )

    def _picked_changed(self, *_args) -> None:
        n = len(self.picked())
        self.pick_count.setText(self.tr("%n franchisee(s) picked", "", n))
        self.changed.emit()

    def kind(self) -> str:
        return self.kind_combo.currentData()

    def set_kind(self, kind: str) -> None:
        self.kind_combo.setCurrentIndex(self.kind_combo.findData(kind))

    def source(self) -> str | None:
        return self.source_combo.currentData()

    def set_source(self, source: str) -> None:
        self.source_combo.setCurrentIndex(self.source_combo.findData(source))

    def output(self) -> str:
        return next(k for k, b in self.output_buttons.items() if b.isChecked())

    def set_output(self, output: str) -> None:
        self.output_buttons[output].setChecked(True)

    def problems(self) -> list[str]:
        """What must be filled in before the letters can be written (already translated)."""
        kind, out = self.kind(), []
        dates = [self.as_of]
        if kind == "invitation":
            if not self.event_name.text().strip():
                out.append(QCoreApplication.translate("LettersForm", "Name the event the letter invites to."))
            if self.event_date.date_value() is None:
                out.append(QCoreApplication.translate("LettersForm", "Give the date of the event."))
            if not self.event_place.text().strip():
                out.append(QCoreApplication.translate("LettersForm", "Give the place of the event."))
            dates.append(self.event_date)
        if kind == "statement":
            start, end = self.period_from.date_value(), self.period_to.date_value()
            if start is None or end is None:
                out.append(
                    QCoreApplication.translate("LettersForm", "Give the statement period (from and to).")
                )
            elif start > end:
                out.append(
                    QCoreApplication.translate("LettersForm", "The statement period ends before it starts.")
                )
        if self.source() == "events":
            start, end = self.events_from.date_value(), self.events_to.date_value()
            if start is None or end is None:
                out.append(
                    QCoreApplication.translate(
                        "LettersForm", "Give the range of the calendar events (from and to)."
                    )
                )
            elif start > end:
                out.append(
                    QCoreApplication.translate(
                        "LettersForm", "The range of the calendar events ends before it starts."
                    )
                )
        if self.source() == "picked" and not self.picked():
            out.append(
                QCoreApplication.translate(
                    "LettersForm", "Pick at least one franchisee: find them by code or name and tick them."
                )
            )
        for edit in dates + [self.period_from, self.period_to, self.events_from, self.events_to]:
            if edit.text().strip() and not edit.hasAcceptableInput():
                out.append(
                    QCoreApplication.translate("LettersForm", "“{text}” is not a date (yyyy-mm-dd).").format(
                        text=edit.text().strip()
                    )
                )
                break
        return out

    def order(self) -> LetterOrder:
        kind = self.kind()
        status = self.status_combo.currentData()
        statuses = (status,) if status else ()
        as_of = self.as_of.date_value() or self.today
        if kind == "statement":
            as_of = self.period_to.date_value() or as_of
        return LetterOrder(
            kind=kind,
            source=self.source() or "active",
            as_of=as_of,
            festival=self.festival_combo.currentData() if kind == "festival" else None,
            year=self.year_box.value() if kind == "festival" else None,
            event_name=self.event_name.text().strip() if kind == "invitation" else "",
            event_date=self.event_date.date_value() if kind == "invitation" else None,
            event_place=self.event_place.text().strip() if kind == "invitation" else "",
            rsvp=self.rsvp.text().strip() if kind == "invitation" else "",
            period_from=self.period_from.date_value() if kind == "statement" else None,
            period_to=self.period_to.date_value() if kind == "statement" else None,
            dunning_level=self.level_combo.currentData() if kind == "dunning" else None,
            events_from=self.events_from.date_value(),
            events_to=self.events_to.date_value(),
            statuses=tuple(LifecycleStatus(s) for s in statuses),
            tier=self.tier_combo.currentData(),
            region=self.region_combo.currentData(),
            account_manager_id=self.manager_combo.currentData(),
            picked=self.picked(),
            language=self.language_combo.currentData(),
            output=self.output(),
            folder=self.folder_edit.text().strip(),
        )
