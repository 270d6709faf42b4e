"""The profile's ledger tab: the franchisee's invoices, credit notes, payments and write-offs with the running
balance, the allocations of the selected document, and the actions a credit manager takes on them.

The tab loads its own data (``LedgerService.documents`` / ``summary``, through the task runner) whenever the
editor loads the franchisee, and reloads on ``Entity.LEDGER`` and ``Entity.CREDIT_PROFILE`` changes. Who may
do what is the services' rule: recording needs RECORD_LEDGER (credit managers, administrators), a write-off
WRITE_OFF; the buttons a user may not use are hidden; everybody who sees the franchisee sees its ledger.
Delete removes a hand-entered document nothing depends on (documents are deleted, not voided: the audit trail
keeps the row).
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSplitter, QVBoxLayout, QWidget

from hqdesk.domain.changes import Entity
from hqdesk.domain.credit import DocumentKind, TermKind
from hqdesk.domain.i18n import QT_TRANSLATE_NOOP
from hqdesk.domain.roles import Action
from hqdesk.ui.errors import show_error
from hqdesk.ui.export import TableExport
from hqdesk.ui.i18n import fmt_date, fmt_money, tr_enum
from hqdesk.ui.models.base import RowsModel
from hqdesk.ui.views.profile.tabs import table_view

CONTEXT = "LedgerTab"
OVERDUE = QColor("#c0392b")
MUTED = QColor("#7f8c8d")


class LedgerModel(RowsModel):
    CONTEXT = "LedgerModel"
    HEADERS = (
        QT_TRANSLATE_NOOP("LedgerModel", "Date"),
        QT_TRANSLATE_NOOP("LedgerModel", "Kind"),
        QT_TRANSLATE_NOOP("LedgerModel", "Number"),
        QT_TRANSLATE_NOOP("LedgerModel", "Invoice"),
        QT_TRANSLATE_NOOP("LedgerModel", "Due"),
        QT_TRANSLATE_NOOP("LedgerModel", "Debit"),
        QT_TRANSLATE_NOOP("LedgerModel", "Credit"),
        QT_TRANSLATE_NOOP("LedgerModel", "Open"),
        QT_TRANSLATE_NOOP("LedgerModel", "Balance"),
        QT_TRANSLATE_NOOP("LedgerModel", "Settled"),
        QT_TRANSLATE_NOOP("LedgerModel", "Note"),
    )
    MONEY = (5, 6, 7, 8)
    today = date.today()

    def cells(self, line) -> tuple[str, ...]:
        invoice = line.kind is DocumentKind.INVOICE
        return (
            fmt_date(line.doc_date),
            tr_enum(line.kind.label),
            line.number,
            line.applies_to,
            fmt_date(line.due_date),
            fmt_money(line.amount) if invoice else "",
            "" if invoice else fmt_money(line.amount),
            fmt_money(line.open_amount) if line.open_amount else "",
            fmt_money(line.balance),
            fmt_date(line.settled_on),
            line.note,
        )

    def role_data(self, row: int, column: int, role: int):
        line = self.row(row)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in self.MONEY:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole:
            if line.overdue_days(self.today) and column in (4, 7):
                return QBrush(OVERDUE)
            if line.settled_on is not None:
                return QBrush(MUTED)
        if role == Qt.ItemDataRole.ToolTipRole and line.overdue_days(self.today):
            n = line.overdue_days(self.today)
            return QCoreApplication.translate("LedgerTab", "%n day(s) overdue", "", n)
        return None


class AllocationsModel(RowsModel):
    CONTEXT = "LedgerModel"
    HEADERS = (
        QT_TRANSLATE_NOOP("LedgerModel", "Applied on"),
        QT_TRANSLATE_NOOP("LedgerModel", "Kind"),
        QT_TRANSLATE_NOOP("LedgerModel", "Number"),
        QT_TRANSLATE_NOOP("LedgerModel", "Date"),
        QT_TRANSLATE_NOOP("LedgerModel", "Amount"),
        QT_TRANSLATE_NOOP("LedgerModel", "How"),
    )

    def cells(self, a) -> tuple[str, ...]:
        return (
            fmt_date(a.applied_on),
            tr_enum(a.other_kind.label),
            a.other_number,
            fmt_date(a.other_date),
            fmt_money(a.amount),
            QCoreApplication.translate("LedgerTab", "by hand")
            if a.manual
            else QCoreApplication.translate("LedgerTab", "automatic"),
        )

    def role_data(self, row: int, column: int, role: int):
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 4:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class LedgerTab(QWidget):
    """See the module docstring. ``host``: the profile editor (RowListHost)."""

    name = "ledger"
    reload_on = frozenset({Entity.LEDGER, Entity.CREDIT_PROFILE})

    def __init__(self, host, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.host = host
        self.setObjectName("ledgerTab")
        self._franchisee_id: int | None = None
        self._archived = False
        self._count: int | None = None
        self._term: tuple[TermKind, int] = (TermKind.NET, 30)
        self._seq = 0
        self._keep: int | None = None
        v = QVBoxLayout(self)
        self.summary = QLabel()
        self.summary.setObjectName("ledgerSummary")
        self.summary.setWordWrap(True)
        v.addWidget(self.summary)
        buttons = QHBoxLayout()
        self.new_invoice = QPushButton(QCoreApplication.translate("LedgerTab", "New invoice…"))
        self.new_credit_note = QPushButton(QCoreApplication.translate("LedgerTab", "New credit note…"))
        self.new_payment = QPushButton(QCoreApplication.translate("LedgerTab", "New payment…"))
        self.apply_button = QPushButton(QCoreApplication.translate("LedgerTab", "Apply credit…"))
        self.write_off_button = QPushButton(QCoreApplication.translate("LedgerTab", "Write off…"))
        self.delete_button = QPushButton(QCoreApplication.translate("LedgerTab", "Delete"))
        self.undo_button = QPushButton(QCoreApplication.translate("LedgerTab", "Undo allocation"))
        for button, object_name in (
            (self.new_invoice, "ledger_new_invoice"),
            (self.new_credit_note, "ledger_new_credit_note"),
            (self.new_payment, "ledger_new_payment"),
            (self.apply_button, "ledger_apply_credit"),
            (self.write_off_button, "ledger_write_off"),
            (self.delete_button, "ledger_delete"),
        ):
            button.setObjectName(object_name)
            buttons.addWidget(button)
        buttons.addStretch(1)
        v.addLayout(buttons)
        split = QSplitter(Qt.Orientation.Vertical, self)
        self.model = LedgerModel(self)
        self.view = table_view(split)
        TableExport(self.view, "ledger")
        self.view.setObjectName("ledgerView")
        self.view.setModel(self.model)
        split.addWidget(self.view)
        bottom = QWidget()
        bv = QVBoxLayout(bottom)
        bv.setContentsMargins(0, 0, 0, 0)
        head = QHBoxLayout()
        self.allocations_label = QLabel()
        self.allocations_label.setObjectName("allocationsLabel")
        head.addWidget(self.allocations_label, 1)
        self.undo_button.setObjectName("ledger_undo_allocation")
        head.addWidget(self.undo_button)
        bv.addLayout(head)
        self.allocations = AllocationsModel(self)
        self.allocations_view = table_view(bottom)
        TableExport(self.allocations_view, "allocations")
        self.allocations_view.setObjectName("allocationsView")
        self.allocations_view.setModel(self.allocations)
        bv.addWidget(self.allocations_view)
        split.addWidget(bottom)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        v.addWidget(split, 1)
        self.new_invoice.clicked.connect(lambda: self.new_document(DocumentKind.INVOICE))
        self.new_credit_note.clicked.connect(lambda: self.new_document(DocumentKind.CREDIT_NOTE))
        self.new_payment.clicked.connect(lambda: self.new_document(DocumentKind.PAYMENT))
        self.apply_button.clicked.connect(self.apply_credit)
        self.write_off_button.clicked.connect(self.write_off)
        self.delete_button.clicked.connect(self.delete)
        self.undo_button.clicked.connect(self.undo_allocation)
        self.view.selectionModel().currentRowChanged.connect(self._selected_changed)
        self.allocations_view.selectionModel().currentRowChanged.connect(lambda *_a: self._update_buttons())
        self._update_buttons()

    # ----- the protocol ------------------------------------------------------------------------------------
    def title(self) -> str:
        n = self._count
        if n is None:
            return QCoreApplication.translate("LedgerTab", "Ledger")
        return QCoreApplication.translate("LedgerTab", "Ledger (%n)", "", n)

    def load(self, bundle, same: bool = False) -> None:
        if bundle is None:
            self._franchisee_id, self._count = None, None
            self.model.set_rows([])
            self.allocations.set_rows([])
            self.summary.setText("")
            self._update_buttons()
            return
        if not same:
            self._keep = None
        elif self._keep is None and (row := self.selected()) is not None:
            self._keep = row.id
        self._franchisee_id = bundle.detail.id
        self._archived = bool(getattr(bundle.detail, "archived", False))
        self.reload()

    def set_read_only(self, reason: str) -> None:
        """The ledger follows the ledger rights, not the right to edit the profile (see ``_update_buttons``)."""
        self._update_buttons()

    def actions(self) -> list[QPushButton]:
        return [
            self.new_invoice,
            self.new_credit_note,
            self.new_payment,
            self.apply_button,
            self.write_off_button,
            self.delete_button,
            self.undo_button,
        ]

    # ----- loading -----------------------------------------------------------------------------------------
    def reload(self) -> None:
        if self._franchisee_id is None:
            return
        self._seq += 1
        seq, fid = self._seq, self._franchisee_id
        services, actor = self.host.ctx.services, self.host.ctx.actor

        def fetch():
            return (
                services.ledger.documents(actor, fid),
                services.ledger.summary(actor, fid),
            )

        self.host.ctx.runner.submit(
            fetch,
            on_done=lambda result: self._loaded(seq, *result),
            on_error=lambda exc: self._failed(seq, exc),
        )

    def _loaded(self, seq: int, lines, summary) -> None:
        if seq != self._seq:
            return
        self._term = (summary.term_kind, summary.term_days)
        self._count = len(lines)
        LedgerModel.today = summary.as_of
        self.model.set_rows(lines)
        self.summary.setText(
            QCoreApplication.translate(
                "LedgerTab",
                "Settlement term: {term}, {days} days · open invoices {open} · of which overdue {overdue} · "
                "unapplied credit {unapplied} · balance {balance}",
            ).format(
                term=tr_enum(summary.term_kind.label),
                days=summary.term_days,
                open=fmt_money(summary.open_invoices),
                overdue=fmt_money(summary.overdue),
                unapplied=fmt_money(summary.unapplied),
                balance=fmt_money(summary.balance),
            )
        )
        tabs = self.parent().parent() if self.parent() is not None else None
        if tabs is not None and hasattr(tabs, "indexOf") and tabs.indexOf(self) >= 0:
            tabs.setTabText(tabs.indexOf(self), self.title())
        keep, self._keep = self._keep, None
        index = next((i for i, r in enumerate(lines) if r.id == keep), -1) if keep is not None else -1
        if index < 0 and lines:
            index = len(lines) - 1  # the newest document: where the balance stands now
        if index >= 0:
            self.view.selectRow(index)
            self.view.scrollTo(self.model.index(index, 0))
        else:
            self.allocations.set_rows([])
        self._update_buttons()

    def _failed(self, seq: int, exc: BaseException) -> None:
        if seq == self._seq:
            show_error(self, exc)

    def selected(self):
        index = self.view.currentIndex()
        return (
            self.model.row(index.row()) if index.isValid() and index.row() < self.model.rowCount() else None
        )

    def _selected_changed(self, *_args) -> None:
        line = self.selected()
        self._update_buttons()
        if line is None:
            self.allocations.set_rows([])
            self.allocations_label.setText("")
            return
        self.allocations_label.setText(
            "<b>"
            + QCoreApplication.translate("LedgerTab", "Allocations of {kind} {number}").format(
                kind=tr_enum(line.kind.label), number=line.number
            )
            + "</b>"
        )
        ctx, doc_id = self.host.ctx, line.id
        seq = self._seq

        def shown(rows) -> None:
            current = self.selected()
            if seq == self._seq and current is not None and current.id == doc_id:
                self.allocations.set_rows(rows)
                self._update_buttons()

        ctx.runner.submit(ctx.services.ledger.allocations, ctx.actor, doc_id, on_done=shown)

    # ----- the actions -------------------------------------------------------------------------------------
    def _can(self, action: Action) -> bool:
        return self._franchisee_id is not None and not self._archived and self.host.ctx.can(action)

    def _update_buttons(self, *_args) -> None:
        line = self.selected()
        record = self._can(Action.RECORD_LEDGER)
        for button in (
            self.new_invoice,
            self.new_credit_note,
            self.new_payment,
            self.apply_button,
            self.delete_button,
        ):
            button.setVisible(record)
        self.undo_button.setVisible(record)
        self.write_off_button.setVisible(record and self._can(Action.WRITE_OFF))
        is_credit = line is not None and line.kind in (DocumentKind.PAYMENT, DocumentKind.CREDIT_NOTE)
        self.apply_button.setEnabled(is_credit and line.open_amount > 0 and bool(self._open_invoices()))
        self.write_off_button.setEnabled(
            line is not None and line.kind is DocumentKind.INVOICE and line.open_amount > 0
        )
        self.delete_button.setEnabled(line is not None and line.deletable)
        self.delete_button.setToolTip(
            ""
            if line is None or line.deletable
            else QCoreApplication.translate(
                "LedgerTab",
                "Only a document entered by hand that no other document depends on can be deleted.",
            )
        )
        index = self.allocations_view.currentIndex()
        allocation = self.allocations.row(index.row()) if index.isValid() else None
        self.undo_button.setEnabled(allocation is not None and allocation.manual)

    def _open_invoices(self):
        return [r for r in self.model.rows() if r.kind is DocumentKind.INVOICE and r.open_amount > 0]

    def _open(self, dialog) -> None:
        dialog.saved.connect(self._saved)
        self.host.open_dialog(dialog)

    def _saved(self, result) -> None:
        if isinstance(result, int):
            self._keep = result
        self.host.refresh()

    def new_document(self, kind: DocumentKind) -> None:
        if not self._can(Action.RECORD_LEDGER):
            return
        from hqdesk.ui.dialogs.ledger_dialogs import DocumentDialog

        numbers = [r.number for r in self._open_invoices()]
        self._open(DocumentDialog(self.host.ctx, self._franchisee_id, kind, self._term, numbers, parent=self))

    def write_off(self) -> None:
        line = self.selected()
        if line is None or line.kind is not DocumentKind.INVOICE or not self._can(Action.WRITE_OFF):
            return
        from hqdesk.ui.dialogs.ledger_dialogs import WriteOffDialog

        self._keep = line.id
        self._open(WriteOffDialog(self.host.ctx, line, parent=self))

    def apply_credit(self) -> None:
        line = self.selected()
        if line is None or not line.kind.is_credit or not self._can(Action.RECORD_LEDGER):
            return
        from hqdesk.ui.dialogs.ledger_dialogs import ApplyCreditDialog

        self._keep = line.id
        self._open(ApplyCreditDialog(self.host.ctx, line, self._open_invoices(), parent=self))

    def delete(self) -> None:
        line = self.selected()
        if line is None or not line.deletable or not self._can(Action.RECORD_LEDGER):
            return
        question = QCoreApplication.translate(
            "LedgerTab", "Delete the {kind} {number}? The allocations are recomputed."
        ).format(kind=tr_enum(line.kind.label), number=line.number)
        if self.host.ask(QCoreApplication.translate("LedgerTab", "Delete document"), question):
            self.host.write_row(Entity.LEDGER, line.id, self.host.ctx.services.ledger.delete, line.id)

    def undo_allocation(self) -> None:
        index = self.allocations_view.currentIndex()
        line = self.selected()
        if not index.isValid() or line is None or not self._can(Action.RECORD_LEDGER):
            return
        allocation = self.allocations.row(index.row())
        if not allocation.manual:
            return
        self._keep = line.id
        self.host.write_row(
            Entity.LEDGER,
            allocation.id,
            self.host.ctx.services.ledger.remove_manual_allocation,
            allocation.id,
        )


__all__ = ["LedgerTab", "LedgerModel", "AllocationsModel"]
