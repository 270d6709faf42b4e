"""The search box and the filters above the franchisee list: what they offer, and the criteria they ask for.

``typed`` when the search text changes (the list searches after a pause in typing), ``changed`` when a filter
changes (the list searches at once). The boxes' choices come from ``FilterOptions`` (tiers, tags, regions and
account managers in use), refreshed by the list when those change.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QLineEdit, QMenu, QToolButton, QWidget

from hqdesk.domain.franchisee import STATUS_LABELS, LifecycleStatus
from hqdesk.domain.roles import Role
from hqdesk.services.dto import FilterOptions, SearchCriteria
from hqdesk.ui.context import UiContext
from hqdesk.ui.i18n import tr_enum


class _StayOpenMenu(QMenu):
    """A menu of check boxes that stays open while the user ticks several."""

    def mouseReleaseEvent(self, event) -> None:  # noqa: N802 - Qt override
        action = self.activeAction()
        if action is not None and action.isCheckable() and action.isEnabled():
            action.trigger()
            return
        super().mouseReleaseEvent(event)


MIN_CHARS = {"tierFilter": 3, "managerFilter": 6}  # characters a filter box shows at least


class FranchiseeFilterBar(QWidget):
    typed = Signal()
    changed = Signal()

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.search_box = QLineEdit(self)
        self.search_box.setObjectName("searchBox")
        self.search_box.setPlaceholderText(self.tr("Search name or pinyin, code, city, contact, phone, tag…"))
        self.search_box.setToolTip(
            self.tr(
                "Finds part of a name in Chinese, in pinyin (changsha) or by pinyin initials (cs); the code, "
                "unified social credit code, address, a tag; a contact's name, phone, WeChat ID or e-mail."
            )
        )
        self.search_box.setClearButtonEnabled(True)
        self.search_box.setMinimumWidth(
            self.fontMetrics().horizontalAdvance("中") * 11
        )  # the placeholder elides

        self.tier_combo = self._combo("tierFilter", self.tr("All tiers"))
        self._build_status_filter()
        self.tag_combo = self._combo("tagFilter", self.tr("All tags"))
        self.region_combo = self._combo("regionFilter", self.tr("All regions"))
        self.manager_combo = self._combo("managerFilter", self.tr("All account managers"))
        if self._may_own_franchisees():
            self.manager_combo.addItem(self.tr("My franchisees"), self.ctx.actor.user_id)
        self.archived_check = QCheckBox(self.tr("Show archived"), self)
        self.archived_check.setObjectName("showArchived")

        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(self.search_box, 1)
        for widget in self._filter_widgets():
            layout.addWidget(widget)

        self.search_box.textChanged.connect(self.typed)
        for combo in (self.tier_combo, self.tag_combo, self.region_combo, self.manager_combo):
            combo.currentIndexChanged.connect(self.changed)
        self.archived_check.toggled.connect(self.changed)

    def _filter_widgets(self) -> tuple[QWidget, ...]:
        return (
            self.tier_combo,
            self.status_button,
            self.tag_combo,
            self.region_combo,
            self.manager_combo,
            self.archived_check,
        )

    def _combo(self, name: str, all_text: str) -> QComboBox:
        combo = QComboBox(self)
        combo.setObjectName(name)
        # A few characters wide, the list as wide as its entries: the filter bar must fit 1280 px beside the
        # navigation in both languages (long manager names and "All account managers" made it 1,180 px)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(MIN_CHARS.get(name, 5))
        combo.view().setMinimumWidth(180)
        combo.addItem(all_text, None)
        # ... but "全部等级" whole: wide enough for its "All …" entry, up to 110 px (long English ones elide)
        combo.setMinimumWidth(min(110, combo.fontMetrics().horizontalAdvance(all_text) + 36))
        return combo

    # ----- statuses ------------------------------------------------------------------------------
    def _build_status_filter(self) -> None:
        """Several statuses at once (active and suspended, say): a button with a menu of check boxes."""
        self.status_button = QToolButton(self)
        self.status_button.setObjectName("statusFilter")
        self.status_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.status_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        menu = _StayOpenMenu(self.status_button)
        self.status_all_action = menu.addAction(self.tr("All statuses"))
        self.status_all_action.triggered.connect(lambda: self.set_statuses(()))
        menu.addSeparator()
        self.status_actions: dict[LifecycleStatus, QAction] = {}
        for status in LifecycleStatus:
            action = menu.addAction(tr_enum(STATUS_LABELS[status]))
            action.setCheckable(True)
            action.toggled.connect(self._statuses_changed)
            self.status_actions[status] = action
        self.status_button.setMenu(menu)
        self._update_status_text()

    def statuses(self) -> tuple[LifecycleStatus, ...]:
        """The statuses ticked in the status filter (none: all)."""
        return tuple(s for s, action in self.status_actions.items() if action.isChecked())

    def set_statuses(self, statuses) -> None:
        """Tick exactly ``statuses`` (one ``changed``)."""
        for status, action in self.status_actions.items():
            action.blockSignals(True)
            action.setChecked(status in statuses)
            action.blockSignals(False)
        self._statuses_changed()

    def _statuses_changed(self) -> None:
        self._update_status_text()
        self.changed.emit()

    def _update_status_text(self) -> None:
        chosen = self.statuses()
        if not chosen:
            text = self.tr("All statuses")
        elif len(chosen) == 1:
            text = tr_enum(STATUS_LABELS[chosen[0]])
        else:
            text = self.tr("%n statuses", "", len(chosen))
        self.status_button.setText(text)
        self.status_button.setToolTip(", ".join(tr_enum(STATUS_LABELS[s]) for s in chosen))

    # ----- what the boxes say --------------------------------------------------------------------
    def criteria(self) -> SearchCriteria:
        """What the search box and filters ask for."""
        tier, tag = self.tier_combo.currentData(), self.tag_combo.currentData()
        return SearchCriteria(
            text=self.search_box.text().strip(),
            tiers=(tier,) if tier else (),
            statuses=self.statuses(),
            region=self.region_combo.currentData() or "",
            account_manager_id=self.manager_combo.currentData(),
            include_archived=self.archived_check.isChecked(),
            tags=(tag,) if tag else (),
        )

    def clear(self) -> None:
        """Empty the search box and set every filter back to All, without a signal (the caller searches)."""
        widgets = (self.search_box, *self._filter_widgets(), *self.status_actions.values())
        for widget in widgets:
            widget.blockSignals(True)
        try:
            self.search_box.clear()
            for combo in (self.tier_combo, self.tag_combo, self.region_combo, self.manager_combo):
                combo.setCurrentIndex(0)
            self.archived_check.setChecked(False)
            for action in self.status_actions.values():
                action.setChecked(False)
        finally:
            for widget in widgets:
                widget.blockSignals(False)
        self._update_status_text()

    # ----- what the boxes offer ------------------------------------------------------------------
    def _may_own_franchisees(self, managers=()) -> bool:
        """Whether "My franchisees" can find anything: for account managers, and for anyone (an admin) who has
        been made a franchisee's account manager; not for credit managers and viewers, where it always gives 0."""
        actor = self.ctx.actor
        return actor.role == Role.ACCOUNT_MANAGER or any(u.id == actor.user_id for u in managers)

    def set_options(self, options: FilterOptions) -> bool:
        """Offer ``options``, keeping each choice that is still there; True if a choice went away."""
        before = self.criteria()
        self._fill(self.tier_combo, [(self.tr("Tier {tier}").format(tier=t), t) for t in options.tiers])
        self._fill(self.tag_combo, [(t, t) for t in options.tags])
        self._fill(self.region_combo, [(r, r) for r in options.regions])
        mine = (
            [(self.tr("My franchisees"), self.ctx.actor.user_id)]
            if self._may_own_franchisees(options.account_managers)
            else []
        )
        self._fill(
            self.manager_combo,
            mine + [(u.display_name or u.username, u.id) for u in options.account_managers],
        )
        return self.criteria() != before

    @staticmethod
    def _fill(combo: QComboBox, items: list[tuple[str, object]]) -> None:
        """Replace the items after the first ("All ..."), keeping the choice if still there."""
        current = combo.currentData()
        combo.blockSignals(True)
        try:
            while combo.count() > 1:
                combo.removeItem(combo.count() - 1)
            for text, data in items:
                combo.addItem(text, data)
            index = combo.findData(current) if current is not None else 0
            combo.setCurrentIndex(max(index, 0))
        finally:
            combo.blockSignals(False)
