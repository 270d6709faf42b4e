"""The franchisee profile's Credit tab: the credit profile (term, limit, collection policy, loss rate, hold,
review), its history (who, when, old → new, why), the proposals with Approve / Reject for credit managers,
"Change…" (credit managers), "Propose a change…" (the account manager) and "Check an order…".

It follows the profile's tab protocol (``ProfileTab``) and fetches its own data in the background
(``services.credit_profiles.bundle``) whenever the editor loads a franchisee or a credit change is announced."""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from hqdesk.domain.changes import Changes, Entity
from hqdesk.domain.credit import DECISION_LABELS, PROPOSAL_LABELS, TERM_LABELS, ProposalStatus, TermKind
from hqdesk.domain.credit_check import percent
from hqdesk.domain.i18n import QT_TRANSLATE_NOOP
from hqdesk.services.credit_profiles import CreditTabBundle, ProfileChangeDTO, ProposalDTO
from hqdesk.ui.errors import show_error
from hqdesk.ui.export import TableExport
from hqdesk.ui.i18n import fmt_date, fmt_datetime, fmt_money, tr_enum
from hqdesk.ui.models.base import RowsModel
from hqdesk.ui.views.profile.tabs import table_view

CONTEXT = "CreditTab"
FIELD_LABELS = {
    "term_kind": QT_TRANSLATE_NOOP("CreditTab", "Settlement term"),
    "term_days": QT_TRANSLATE_NOOP("CreditTab", "Days"),
    "credit_limit": QT_TRANSLATE_NOOP("CreditTab", "Credit limit"),
    "collection_policy_id": QT_TRANSLATE_NOOP("CreditTab", "Collection policy"),
    "expected_loss_rate": QT_TRANSLATE_NOOP("CreditTab", "Expected loss rate"),
    "on_hold": QT_TRANSLATE_NOOP("CreditTab", "Credit hold"),
    "hold_reason": QT_TRANSLATE_NOOP("CreditTab", "Reason for the hold"),
    "next_review_on": QT_TRANSLATE_NOOP("CreditTab", "Next review"),
}
_ = DECISION_LABELS  # the check dialog shows decisions by these labels


def _t(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def value_text(name: str, value, policies: dict[int, str]) -> str:
    """A history or proposal value as the user reads it."""
    from datetime import date
    from decimal import Decimal

    if value is None:
        return {
            "credit_limit": QCoreApplication.translate("CreditTab", "no credit"),
            "expected_loss_rate": QCoreApplication.translate("CreditTab", "derived"),
            "collection_policy_id": QCoreApplication.translate("CreditTab", "default"),
        }.get(name, "—")
    if name == "term_kind":
        return tr_enum(TERM_LABELS[TermKind(value)])
    if name == "credit_limit":
        return fmt_money(Decimal(str(value)))
    if name == "expected_loss_rate":
        return percent(Decimal(str(value))) + "%"
    if name == "collection_policy_id":
        return tr_enum(policies.get(int(value), str(value)))
    if name == "on_hold":
        return (
            QCoreApplication.translate("CreditTab", "yes")
            if value
            else QCoreApplication.translate("CreditTab", "no")
        )
    if name == "next_review_on":
        return fmt_date(date.fromisoformat(value))
    return str(value)


def changes_text(old: dict, new: dict, policies: dict[int, str]) -> str:
    parts = []
    for name, after in new.items():
        label = _t(FIELD_LABELS.get(name, name))
        if name in old:
            parts.append(
                f"{label}: {value_text(name, old[name], policies)} → {value_text(name, after, policies)}"
            )
        else:
            parts.append(f"{label}: {value_text(name, after, policies)}")
    return "; ".join(parts)


class HistoryRows(RowsModel[ProfileChangeDTO]):
    CONTEXT = CONTEXT
    HEADERS = (
        QT_TRANSLATE_NOOP("CreditTab", "When"),
        QT_TRANSLATE_NOOP("CreditTab", "Who"),
        QT_TRANSLATE_NOOP("CreditTab", "Change"),
        QT_TRANSLATE_NOOP("CreditTab", "Reason"),
    )
    policies: dict[int, str] = {}
    names = None

    def cells(self, c: ProfileChangeDTO) -> tuple[str, ...]:
        who = self.names.name(c.changed_by) if self.names is not None else c.changed_by
        if c.proposal_id:
            who = QCoreApplication.translate("CreditTab", "{user} (proposal {id})").format(
                user=who, id=c.proposal_id
            )
        return (fmt_datetime(c.changed_at), who, changes_text(c.old, c.new, self.policies), c.reason)


class ProposalRows(RowsModel[ProposalDTO]):
    CONTEXT = CONTEXT
    HEADERS = (
        QT_TRANSLATE_NOOP("CreditTab", "Proposed"),
        QT_TRANSLATE_NOOP("CreditTab", "By"),
        QT_TRANSLATE_NOOP("CreditTab", "Change"),
        QT_TRANSLATE_NOOP("CreditTab", "Reason"),
        QT_TRANSLATE_NOOP("CreditTab", "Status"),
        QT_TRANSLATE_NOOP("CreditTab", "Decision note"),
    )
    policies: dict[int, str] = {}
    names = None

    def cells(self, p: ProposalDTO) -> tuple[str, ...]:
        by = self.names.name(p.proposed_by) if self.names is not None else p.proposed_by
        status = tr_enum(PROPOSAL_LABELS[p.status])
        if p.decided_by:
            who = self.names.name(p.decided_by) if self.names is not None else p.decided_by
            status = f"{status} ({who}, {fmt_datetime(p.decided_at)})"
        return (
            fmt_datetime(p.proposed_at),
            by,
            changes_text({}, p.changes, self.policies),
            p.reason,
            status,
            p.decision_note,
        )


class NoteDialog(QDialog):
    """A one-line note (a rejection's reason); opened with ``open()``, ``accepted`` → ``text()``."""

    def __init__(self, title: str, label: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setObjectName("noteDialog")
        self.setMinimumWidth(420)
        layout = QFormLayout(self)
        self.note = QLineEdit()
        self.note.setObjectName("note")
        self.note.setMaxLength(1000)
        layout.addRow(label, self.note)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addRow(buttons)

    def text(self) -> str:
        return self.note.text()


class CreditTab(QWidget):
    name = "credit"
    reload_on = frozenset({Entity.CREDIT_PROFILE, Entity.CREDIT_POLICY, Entity.LEDGER, Entity.DUNNING})

    def __init__(self, host, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.host = host
        self.ctx = host.ctx
        self.setObjectName("creditTab")
        self.bundle: CreditTabBundle | None = None
        self._fid: int | None = None
        self._seq = 0
        self._dialog = None
        layout = QVBoxLayout(self)
        self.summary = QLabel()
        self.summary.setObjectName("creditSummary")
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        buttons = QHBoxLayout()
        self.edit_button = QPushButton(self.tr("Change…"))
        self.edit_button.setObjectName("changeCredit")
        self.propose_button = QPushButton(self.tr("Propose a change…"))
        self.propose_button.setObjectName("proposeCredit")
        self.check_button = QPushButton(self.tr("Check an order…"))
        self.check_button.setObjectName("checkOrder")
        for b in (self.edit_button, self.propose_button, self.check_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.edit_button.clicked.connect(lambda: self.open_profile_dialog(propose=False))
        self.propose_button.clicked.connect(lambda: self.open_profile_dialog(propose=True))
        self.check_button.clicked.connect(self.open_check_dialog)

        split = QSplitter(Qt.Orientation.Vertical)
        top = QWidget()
        tv = QVBoxLayout(top)
        tv.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        row.addWidget(QLabel("<b>" + self.tr("Proposals") + "</b>"))
        row.addStretch(1)
        self.approve_button = QPushButton(self.tr("Approve"))
        self.approve_button.setObjectName("approve")
        self.reject_button = QPushButton(self.tr("Reject…"))
        self.reject_button.setObjectName("reject")
        row.addWidget(self.approve_button)
        row.addWidget(self.reject_button)
        tv.addLayout(row)
        self.proposals_model = ProposalRows(self)
        self.proposals_view = table_view(top)
        TableExport(self.proposals_view, "credit proposals")
        self.proposals_view.setObjectName("proposals")
        self.proposals_view.setModel(self.proposals_model)
        self.proposals_view.selectionModel().selectionChanged.connect(self._update_buttons)
        tv.addWidget(self.proposals_view)
        split.addWidget(top)
        bottom = QWidget()
        bv = QVBoxLayout(bottom)
        bv.setContentsMargins(0, 0, 0, 0)
        bv.addWidget(QLabel("<b>" + self.tr("Changes to the credit profile") + "</b>"))
        self.history_model = HistoryRows(self)
        self.history_view = table_view(bottom)
        TableExport(self.history_view, "credit history")
        self.history_view.setObjectName("creditHistory")
        self.history_view.setModel(self.history_model)
        self.history_view.setWordWrap(True)
        bv.addWidget(self.history_view)
        split.addWidget(bottom)
        layout.addWidget(split, 1)
        self.approve_button.clicked.connect(self.approve)
        self.reject_button.clicked.connect(self.reject)
        self.ctx.bus.changed.connect(self._on_changed)
        self._update_buttons()

    # ----- the tab protocol ---------------------------------------------------------------------------------
    def title(self) -> str:
        pending = 0
        if self.bundle is not None:
            pending = sum(1 for p in self.bundle.proposals if p.status is ProposalStatus.PENDING)
        return self.tr("Credit") + (f" ({pending})" if pending else "")

    def load(self, bundle, same: bool = False) -> None:
        fid = bundle.detail.id if bundle is not None else None
        if fid != self._fid:
            self.bundle = None
            self._show()
        self._fid = fid
        self.fetch()

    def set_read_only(self, reason: str) -> None:
        """The credit profile has rights of its own (credit managers change it): the profile form's read-only
        reason does not apply here."""

    def actions(self) -> list[QPushButton]:
        return [
            self.edit_button,
            self.propose_button,
            self.check_button,
            self.approve_button,
            self.reject_button,
        ]

    # ----- data ---------------------------------------------------------------------------------------------
    def fetch(self) -> None:
        if self._fid is None:
            return
        self._seq += 1
        seq = self._seq
        self.ctx.runner.submit(
            self.ctx.services.credit_profiles.bundle,
            self.ctx.actor,
            self._fid,
            on_done=lambda b: self._loaded(seq, b),
            on_error=lambda exc: show_error(self, exc),
        )

    def _loaded(self, seq: int, bundle: CreditTabBundle) -> None:
        if seq != self._seq:
            return
        self.bundle = bundle
        self._show()

    def _on_changed(self, changes: Changes) -> None:
        if self._fid is None or changes.origin is self:
            return
        if changes.touches(*self.reload_on) and changes.touches_franchisee(self._fid):
            self.fetch()

    def _show(self) -> None:
        b = self.bundle
        names = self.host.user_names() if hasattr(self.host, "user_names") else None
        policies = dict(b.policies) if b is not None else {}
        for model in (self.history_model, self.proposals_model):
            model.policies, model.names = policies, names
        if b is None:
            self.summary.setText("")
            self.history_model.set_rows([])
            self.proposals_model.set_rows([])
            self._update_buttons()
            return
        p, d = b.profile, b.profile.data
        term = tr_enum(TERM_LABELS[d.term_kind])
        if d.term_kind is TermKind.NET:
            term = self.tr("{term}: {days} days").format(term=term, days=d.term_days)
        elif d.term_kind.period_end and d.term_days:
            term = self.tr("{term} + {days} days").format(term=term, days=d.term_days)
        limit = fmt_money(d.credit_limit) if d.credit_limit else self.tr("none (no goods on credit)")
        source = {
            "entered": self.tr("entered"),
            "history": self.tr("from its payment history (36 months)"),
            "normal": self.tr("the company's normal rate (too little history)"),
        }[p.loss_rate_source]
        rows = [
            (self.tr("Settlement term"), term),
            (self.tr("Credit limit"), limit),
            (self.tr("Collection policy"), tr_enum(p.collection_policy_name)),
            (self.tr("Expected loss rate"), f"{percent(p.effective_loss_rate)}% ({source})"),
            (
                self.tr("Credit hold"),
                self.tr("yes: {reason}").format(reason=d.hold_reason) if d.on_hold else self.tr("no"),
            ),
            (self.tr("Next review"), fmt_date(d.next_review_on) or "—"),
        ]
        held = self.tr("Credit hold")
        alert = " style='color:#c0392b;font-weight:bold;'"
        text = "".join(
            f"<tr><td style='padding-right:16px;color:#5d6d7e;'>{html.escape(k)}</td>"
            f"<td{alert if k == held and d.on_hold else ''}>{html.escape(v)}</td></tr>"
            for k, v in rows
        )
        note = (
            ""
            if p.exists
            else "<p><i>" + html.escape(self.tr("No credit profile yet: the defaults apply.")) + "</i></p>"
        )
        self.summary.setText(f"<table>{text}</table>{note}")
        self.history_model.set_rows(b.history)
        self.proposals_model.set_rows(b.proposals)
        self._update_buttons()
        tabs = self.parentWidget()
        while tabs is not None and not hasattr(tabs, "indexOf"):
            tabs = tabs.parentWidget()
        if tabs is not None and hasattr(tabs, "setTabText") and tabs.indexOf(self) >= 0:
            tabs.setTabText(tabs.indexOf(self), self.title())

    def _selected_proposal(self) -> ProposalDTO | None:
        rows = self.proposals_view.selectionModel().selectedRows()
        return self.proposals_model.row(rows[0].row()) if rows else None

    def _update_buttons(self, *_args) -> None:
        b = self.bundle
        self.edit_button.setVisible(b is not None and b.can_edit)
        self.propose_button.setVisible(b is not None and b.can_propose and not b.can_edit)
        self.check_button.setVisible(b is not None)
        decide = b is not None and b.can_decide
        self.approve_button.setVisible(decide)
        self.reject_button.setVisible(decide)
        chosen = self._selected_proposal()
        pending = chosen is not None and chosen.status is ProposalStatus.PENDING
        self.approve_button.setEnabled(pending)
        self.reject_button.setEnabled(pending)

    # ----- actions ------------------------------------------------------------------------------------------
    def _announce(self) -> None:
        self.ctx.bus.notify(Changes.of(Entity.CREDIT_PROFILE, franchisee_ids=[self._fid], origin=self))
        self.fetch()

    def open_profile_dialog(self, propose: bool) -> None:
        from hqdesk.ui.dialogs.credit_profile_dialog import CreditProfileDialog

        if self.bundle is None:
            return
        dialog = CreditProfileDialog(self.ctx, self.bundle, propose=propose, parent=self)
        dialog.accepted.connect(self._announce)
        dialog.finished.connect(lambda _r: self.fetch())
        self._dialog = dialog
        dialog.open()

    def open_check_dialog(self) -> None:
        from hqdesk.ui.dialogs.credit_check_dialog import CreditCheckDialog

        if self.bundle is None:
            return
        detail = self.host.franchisee()
        name = detail.data.legal_name if detail is not None else ""
        dialog = CreditCheckDialog(self.ctx, self._fid, name, self.bundle.can_override, parent=self)
        self._dialog = dialog
        dialog.open()

    def approve(self) -> None:
        p = self._selected_proposal()
        if p is None:
            return
        self._decide(p, True, "")

    def reject(self) -> None:
        p = self._selected_proposal()
        if p is None:
            return
        dialog = NoteDialog(
            self.tr("Reject the proposal"), self.tr("Why (the account manager reads it)"), self
        )
        dialog.accepted.connect(lambda: self._decide(p, False, dialog.text()))
        self._dialog = dialog
        dialog.open()

    def _decide(self, p: ProposalDTO, approve: bool, note: str) -> None:
        self.ctx.runner.submit(
            self.ctx.services.credit_profiles.decide,
            self.ctx.actor,
            p.id,
            p.version,
            approve,
            note,
            write=True,
            on_done=lambda _dto: self._announce(),
            on_error=self._failed,
        )

    def _failed(self, exc: BaseException) -> None:
        show_error(self, exc)
        self.fetch()


__all__ = ["CreditTab", "HistoryRows", "ProposalRows", "changes_text"]
