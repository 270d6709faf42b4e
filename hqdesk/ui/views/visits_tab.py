"""The franchisee profile's Visits tab: its visit plan (cadence, last visit, next visit due, the franchisee's own
cadence) above its visit history, a ``RowListTab`` over ``visits_spec()``; and the one way every visit screen
opens a franchisee's profile (``open_franchisee_profile``).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtWidgets import (
    QApplication,
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from hqdesk.domain.changes import Changes, Entity
from hqdesk.domain.errors import ConflictError
from hqdesk.domain.roles import Action
from hqdesk.domain.visits import (
    FALLBACK_CADENCE_MONTHS,
    MAX_CADENCE_MONTHS,
    MIN_CADENCE_MONTHS,
    NO_REGULAR_VISITS,
)
from hqdesk.services.profile import ProfileBundle
from hqdesk.services.visits import VisitPlan
from hqdesk.ui.errors import show_error
from hqdesk.ui.i18n import fmt_date
from hqdesk.ui.models.visits import OVERDUE_COLOR
from hqdesk.ui.views.profile.tabs import FRANCHISEE_KINDS, RowListSpec, RowListTab


def open_franchisee_profile(widget: QWidget, franchisee_id: int) -> bool:
    """Show ``franchisee_id``'s profile in the main window's Franchisees page (asks before dropping unsaved
    edits there). False when there is no main window with that page (a dialog shown on its own)."""
    from hqdesk.ui.main_window import MainWindow

    windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]
    own = widget.window() if widget is not None else None
    window = own if isinstance(own, MainWindow) else (windows[0] if windows else None)
    if window is None or "franchisees" not in window.page_keys():
        return False
    page = window.show_page("franchisees")
    page.open_franchisee(franchisee_id)
    return True


class VisitPlanText(QObject):
    """The sentences of a visit plan (a QObject for its translation context)."""

    def cadence(self, months: int) -> str:
        if months == NO_REGULAR_VISITS:
            return self.tr("no regular visits")
        return self.tr("every %n month(s)", "", months)

    def plan(self, plan: VisitPlan) -> str:
        """ "Every 3 months (its own plan) · last visit 2026-10-20 · next visit due 2027-01-20"."""
        if plan.override is not None:
            source = self.tr("its own plan")
        elif plan.tier_months is not None:
            source = self.tr("tier {tier}").format(tier=plan.tier)
        else:
            source = self.tr("tier {tier} has no cadence: the default").format(tier=plan.tier)
        parts = [
            self.tr("Visits: {cadence} ({source})").format(
                cadence=self.cadence(plan.cadence_months), source=source
            )
        ]
        parts.append(
            self.tr("last visit {date}").format(date=fmt_date(plan.last_visit_on))
            if plan.last_visit_on
            else self.tr("no visit yet")
        )
        if plan.due_date is None:
            if plan.cadence_months != NO_REGULAR_VISITS:
                parts.append(self.tr("no visit due (only active franchisees are visited)"))
        elif plan.overdue:
            parts.append(self.tr("⚠ next visit was due {date}: overdue").format(date=fmt_date(plan.due_date)))
        else:
            parts.append(self.tr("next visit due {date}").format(date=fmt_date(plan.due_date)))
        return " · ".join(parts)


def cadence_text(months: int) -> str:
    return VisitPlanText().cadence(months)


def plan_text(plan: VisitPlan) -> str:
    return VisitPlanText().plan(plan)


class VisitPlanDialog(QDialog):
    """A franchisee's own cadence: follow the tier, every N months, or no regular visits."""

    def __init__(self, ctx, plan: VisitPlan, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("visitPlanDialog")
        self.ctx, self.plan = ctx, plan
        self.setWindowTitle(self.tr("Visit plan"))
        v = QVBoxLayout(self)
        tier = (
            cadence_text(plan.tier_months)
            if plan.tier_months is not None
            else QCoreApplication.translate(
                "VisitsTab",
                "the default, every %n month(s)",
                "",
                FALLBACK_CADENCE_MONTHS,
            )
        )
        self.follow_tier = QRadioButton(
            self.tr("Follow the tier {tier}: {cadence}").format(tier=plan.tier, cadence=tier)
        )
        self.follow_tier.setObjectName("followTier")
        self.own = QRadioButton(self.tr("Every"))
        self.own.setObjectName("ownCadence")
        self.months = QSpinBox()
        self.months.setObjectName("months")
        self.months.setRange(MIN_CADENCE_MONTHS, MAX_CADENCE_MONTHS)
        self.months.valueChanged.connect(lambda value: self.months.setSuffix(self.tr(" month(s)", "", value)))
        self.none = QRadioButton(self.tr("No regular visits"))
        self.none.setObjectName("noRegularVisits")
        group = QButtonGroup(self)
        for b in (self.follow_tier, self.own, self.none):
            group.addButton(b)
        v.addWidget(self.follow_tier)
        row = QHBoxLayout()
        row.addWidget(self.own)
        row.addWidget(self.months)
        row.addStretch(1)
        v.addLayout(row)
        v.addWidget(self.none)
        self.message = QLabel()
        self.message.setObjectName("message")
        self.message.setStyleSheet(f"color: {OVERDUE_COLOR};")
        self.message.setWordWrap(True)
        self.message.hide()
        v.addWidget(self.message)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        v.addWidget(self.buttons)
        self.show_plan(plan)
        self.months.valueChanged.connect(lambda _v: self.own.setChecked(True))

    def show_plan(self, plan: VisitPlan) -> None:
        """The choice ``plan`` holds (also another user's, after a conflict)."""
        self.plan = plan
        self.months.blockSignals(True)
        if plan.override is None:
            self.follow_tier.setChecked(True)
            self.months.setValue(plan.cadence_months or FALLBACK_CADENCE_MONTHS)
        elif plan.override == NO_REGULAR_VISITS:
            self.none.setChecked(True)
            self.months.setValue(plan.tier_months or FALLBACK_CADENCE_MONTHS)
        else:
            self.own.setChecked(True)
            self.months.setValue(plan.override)
        self.months.blockSignals(False)
        self.months.setSuffix(self.tr(" month(s)", "", self.months.value()))

    def chosen(self) -> int | None:
        if self.follow_tier.isChecked():
            return None
        if self.none.isChecked():
            return NO_REGULAR_VISITS
        return self.months.value()

    def save(self) -> None:
        self.buttons.setEnabled(False)
        self.ctx.runner.submit(
            self.ctx.services.visits.set_override,
            self.ctx.actor,
            self.plan.franchisee_id,
            self.chosen(),
            self.plan.override_version,
            write=True,
            on_done=self._saved,
            on_error=self._failed,
        )

    def _saved(self, plan: VisitPlan) -> None:
        self.buttons.setEnabled(True)
        self.ctx.bus.notify(Changes.of(Entity.VISIT_PLAN, franchisee_ids=[plan.franchisee_id], origin=self))
        self.plan = plan
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.buttons.setEnabled(True)
        if isinstance(exc, ConflictError):
            self.message.setText(
                QCoreApplication.translate(
                    "VisitsTab",
                    "Someone changed this visit plan meanwhile: it shows their choice now. Save again to replace it.",
                )
            )
            self.message.show()
            self.show_plan(exc.current)
            return
        show_error(self, exc)


class VisitsTab(RowListTab):
    """The generic row list of visits with the franchisee's visit plan above it."""

    def __init__(self, spec: RowListSpec, host, parent: QWidget | None = None) -> None:
        super().__init__(spec, host, parent)
        self.reload_on = self.reload_on | {Entity.VISIT_PLAN}
        self._plan: VisitPlan | None = None
        self._franchisee_id: int | None = None
        self._seq = 0
        self.contact_names: tuple[str, ...] = ()
        bar = QHBoxLayout()
        self.plan_label = QLabel()
        self.plan_label.setObjectName("visitPlanLabel")
        self.plan_label.setWordWrap(True)
        self.plan_button = QPushButton(self.tr("Visit plan…"))
        self.plan_button.setObjectName("visits_plan")
        self.plan_button.clicked.connect(self.change_plan)
        bar.addWidget(self.plan_label, 1)
        bar.addWidget(self.plan_button)
        self.layout().insertLayout(0, bar)
        self.plan_button.hide()

    def load(self, bundle: ProfileBundle | None, same: bool = False) -> None:
        self.model.names = self.host.user_names()  # who went: the names as the editor has them now
        self.contact_names = tuple(c.data.name for c in bundle.contacts) if bundle is not None else ()
        super().load(bundle, same)
        self._franchisee_id = None if bundle is None else bundle.detail.id
        if bundle is None:
            self._show_plan(None)
            return
        if not same:
            self._show_plan(None)
        self._seq += 1
        seq = self._seq
        self.host.ctx.runner.submit(
            self.host.ctx.services.visits.plan,
            self.host.ctx.actor,
            bundle.detail.id,
            on_done=lambda plan: self._plan_loaded(seq, plan),
            on_error=lambda exc: self._plan_failed(seq, exc),
        )

    def _plan_loaded(self, seq: int, plan: VisitPlan) -> None:
        if seq == self._seq:
            self._show_plan(plan)

    def _plan_failed(self, seq: int, exc: BaseException) -> None:
        if seq == self._seq:
            self._show_plan(None)

    def _show_plan(self, plan: VisitPlan | None) -> None:
        self._plan = plan
        self.plan_label.setText(plan_text(plan) if plan else "")
        self.plan_label.setStyleSheet(f"color: {OVERDUE_COLOR};" if plan and plan.overdue else "")
        self._update_buttons()

    def _update_buttons(self, *_args) -> None:
        super()._update_buttons()
        detail = self.host.franchisee() if hasattr(self, "plan_button") else None
        if not hasattr(self, "plan_button"):
            return
        may = (
            self._plan is not None
            and detail is not None
            and not self._read_only
            and self.host.ctx.can(Action.PLAN_VISITS, detail.data.account_manager_id)
        )
        self.plan_button.setVisible(bool(may))

    def actions(self) -> list[QPushButton]:
        return super().actions() + [self.plan_button]

    def change_plan(self) -> None:
        if self._plan is None or self._read_only:
            return
        dialog = VisitPlanDialog(self.host.ctx, self._plan, self)
        dialog.accepted.connect(self.host.refresh)  # the editor ignores the bus while its dialog is open
        self.host.open_dialog(dialog)


def visits_spec() -> RowListSpec:
    from hqdesk.ui.dialogs.visit_dialog import VisitDialog
    from hqdesk.ui.models.visits import VisitsModel

    def dialog(host, row, read_only, parent):
        detail = host.franchisee()
        contacts = getattr(parent, "contact_names", ())
        d = VisitDialog(
            host.ctx,
            detail.id,
            row,
            host.user_names(),
            read_only=read_only,
            franchisee_name=detail.data.legal_name,
            contacts=contacts,
            parent=parent,
        )
        d.profile_requested.connect(lambda fid: open_franchisee_profile(parent, fid))
        return d

    def rows(bundle: ProfileBundle):
        return bundle.visits

    return RowListSpec(
        name="visits",
        entity=Entity.VISIT,
        title=lambda n: (
            QCoreApplication.translate("VisitsTab", "Visits")
            if n is None
            else QCoreApplication.translate("VisitsTab", "Visits (%n)", "", n)
        ),
        model=VisitsModel,
        rows=rows,
        dialog=dialog,
        delete=lambda services: services.visits.delete,
        delete_title=lambda: QCoreApplication.translate("VisitsTab", "Delete visit"),
        delete_question=lambda v: QCoreApplication.translate(
            "VisitsTab", "Delete the visit of {date} and its suggestions?"
        ).format(date=fmt_date(v.data.visited_on)),
        reload_on=FRANCHISEE_KINDS | {Entity.VISIT, Entity.VISIT_PLAN, Entity.USER},
    )


def visits_tab(host, parent: QWidget | None = None) -> VisitsTab:
    tab = VisitsTab(visits_spec(), host, parent)
    tab.plan_label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    return tab


__all__ = [
    "VisitsTab",
    "VisitPlanDialog",
    "visits_spec",
    "visits_tab",
    "open_franchisee_profile",
    "plan_text",
]
