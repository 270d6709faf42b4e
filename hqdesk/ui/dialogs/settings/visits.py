"""Settings › Visits (administrators): how often the franchisees of each tier are visited.

Each tier gets a number of months between visits (1–24), or "Default", which means every
``FALLBACK_CADENCE_MONTHS`` months. A franchisee's own plan (its profile's Visits tab) overrides its tier's.
Saved with OK, all tiers at once; a change another administrator saved meanwhile is reloaded and said.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFormLayout, QSpinBox, QVBoxLayout, QWidget

from hqdesk.domain.changes import Changes, Entity
from hqdesk.domain.errors import ConflictError, ValidationError
from hqdesk.domain.roles import Action
from hqdesk.domain.visits import FALLBACK_CADENCE_MONTHS, MAX_CADENCE_MONTHS
from hqdesk.services.visits import TierCadence
from hqdesk.ui.context import UiContext
from hqdesk.ui.dialogs.settings.common import ERROR_STYLE, NOTE_STYLE, Done, SettingsPage, note
from hqdesk.ui.errors import show_error
from hqdesk.ui.i18n import tr_error

DEFAULT = 0  # the spin box's "Default" (its special value text)


def visits_page_allowed(ctx: UiContext | None) -> bool:
    return ctx is not None and ctx.can(Action.CONFIGURE_VISIT_CADENCES)


class VisitCadencePage(SettingsPage):
    attention = Signal()

    def __init__(self, ctx: UiContext, submit, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("visitCadencePage")
        self.ctx, self._submit = ctx, submit
        self._shown: dict[str, TierCadence] = {}
        self.boxes: dict[str, QSpinBox] = {}
        v = QVBoxLayout(self)
        v.addWidget(
            note(
                self.tr(
                    "How often the account managers visit the active franchisees of each tier. A tier on "
                    "“Default” is visited every {months} months. A franchisee's own plan (its profile, Visits tab) "
                    "comes first. A tier added just now gets its cadence here once saved."
                ).format(months=FALLBACK_CADENCE_MONTHS)
            )
        )
        self.form = QFormLayout()
        v.addLayout(self.form)
        self.message = note()
        self.message.setObjectName("cadenceMessage")
        self.message.hide()
        v.addWidget(self.message)
        v.addStretch(1)
        self.load()

    def title(self) -> str:
        return self.tr("Visits")

    def load(self, text: str = "", style: str = NOTE_STYLE) -> None:
        self._submit(
            self.ctx.services.visits.cadences,
            self.ctx.actor,
            on_done=lambda rows: self._loaded(rows, text, style),
            on_error=lambda exc: show_error(self, exc),
        )

    def _loaded(self, rows: list[TierCadence], text: str = "", style: str = NOTE_STYLE) -> None:
        while self.form.rowCount():
            self.form.removeRow(0)
        self.boxes.clear()
        self._shown = {r.tier: r for r in rows}
        for r in rows:
            box = QSpinBox()
            box.setObjectName(f"cadence_{r.tier}")
            box.setRange(DEFAULT, MAX_CADENCE_MONTHS)
            box.setSpecialValueText(
                self.tr("Default (every {months} months)").format(months=FALLBACK_CADENCE_MONTHS)
            )
            box.valueChanged.connect(lambda value, b=box: b.setSuffix(self.tr(" month(s)", "", value)))
            box.setValue(r.months or DEFAULT)
            box.setSuffix(self.tr(" month(s)", "", box.value()))
            label = r.tier if not r.tier_name or r.tier_name == r.tier else f"{r.tier} – {r.tier_name}"
            self.form.addRow(self.tr("Tier {tier}: visit every").format(tier=label), box)
            self.boxes[r.tier] = box
        self.message.setText(text)
        self.message.setStyleSheet(style)
        self.message.setVisible(bool(text))

    def values(self) -> dict[str, int | None]:
        return {tier: (box.value() or None) for tier, box in self.boxes.items()}

    def changed(self) -> bool:
        return any(self._shown[t].months != m for t, m in self.values().items() if t in self._shown)

    def apply(self, done: Done, failed: Done) -> None:
        if not self.changed():
            done()
            return
        changed = {t: m for t, m in self.values().items() if self._shown[t].months != m}
        versions = {t: self._shown[t].version for t in changed}

        def saved(rows) -> None:
            self._loaded(rows)
            self.ctx.bus.notify(Changes.of(Entity.VISIT_PLAN, origin=self))
            done()

        def refused(exc: BaseException) -> None:
            self.attention.emit()
            if isinstance(exc, ConflictError):
                self.load(
                    tr_error(exc)
                    + "\n"
                    + self.tr("The cadences below are the saved ones now; set yours again."),
                    ERROR_STYLE,
                )
            elif isinstance(exc, ValidationError):
                self.message.setText(tr_error(exc))
                self.message.setStyleSheet(ERROR_STYLE)
                self.message.show()
            else:
                show_error(self, exc)
            failed()

        self._submit(
            self.ctx.services.visits.set_cadences,
            self.ctx.actor,
            changed,
            versions,
            write=True,
            on_done=saved,
            on_error=refused,
        )


__all__ = ["VisitCadencePage", "visits_page_allowed"]
