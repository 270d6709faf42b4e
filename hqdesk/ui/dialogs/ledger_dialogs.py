"""The ledger tab's dialogs: a new invoice / credit note / payment, a write-off, applying unapplied credit.

Each dialog runs its write through the task runner (never on the UI thread) and stays open when the service
refuses the input: the message goes under the field it concerns, nothing typed is lost. On success it tells
the change bus (``Entity.LEDGER``) and closes.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from hqdesk.domain.changes import Changes, Entity
from hqdesk.domain.credit import DocumentKind, TermKind
from hqdesk.domain.errors import FieldError, HqdeskError, ValidationError
from hqdesk.domain.settlement import due_date
from hqdesk.ui.errors import show_error
from hqdesk.ui.i18n import fmt_date, fmt_money, tr_enum, tr_error, tr_field_error
from hqdesk.ui.widgets import DecimalEdit, Form, OptionalDateEdit

CONTEXT = "LedgerDialogs"


class _LedgerDialog(QDialog):
    """A small form whose OK runs one ledger write; see the module docstring."""

    saved = Signal(object)  # the write's result (a document id, or None)

    def __init__(self, ctx, franchisee_id: int, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.franchisee_id = ctx, franchisee_id
        self.setWindowTitle(title)
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("中") * 28)
        v = QVBoxLayout(self)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.intro.setObjectName("intro")
        self.intro.hide()
        v.addWidget(self.intro)
        layout = QFormLayout()
        v.addLayout(layout)
        self.form = Form(layout)
        self.message = QLabel()
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #c0392b;")
        self.message.hide()
        v.addWidget(self.message)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(
            QCoreApplication.translate("LedgerDialogs", "Save")
        )
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        v.addWidget(self.buttons)
        self._busy = False

    def set_intro(self, text: str) -> None:
        self.intro.setText(text)
        self.intro.setVisible(bool(text))

    def call(self) -> tuple[Callable, tuple] | list[FieldError]:
        """The service call and its arguments, or the field errors found before asking the service."""
        raise NotImplementedError

    def submit(self) -> None:
        if self._busy:
            return
        self.message.hide()
        self.form.clear_errors()
        found = self.call()
        if isinstance(found, list):
            self._show_errors(found)
            return
        fn, args = found
        self._busy = True
        self.buttons.setEnabled(False)
        self.ctx.runner.submit(
            fn, self.ctx.actor, *args, write=True, on_done=self._done, on_error=self._failed
        )

    def _done(self, result) -> None:
        self._busy = False
        self.buttons.setEnabled(True)
        self.ctx.bus.notify(
            Changes.of(Entity.LEDGER, [result] if isinstance(result, int) else [], [self.franchisee_id], self)
        )
        self.saved.emit(result)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self._busy = False
        self.buttons.setEnabled(True)
        if isinstance(exc, ValidationError):
            self._show_errors(exc.errors)
        elif isinstance(exc, HqdeskError):
            self.message.setText(tr_error(exc))
            self.message.show()
        else:
            show_error(self, exc)

    def _show_errors(self, errors) -> None:
        unplaced = self.form.show_errors(errors)
        if unplaced:
            self.message.setText("\n".join(tr_field_error(e) for e in unplaced))
            self.message.show()

    @staticmethod
    def _required(form: Form, name: str, value, message: str) -> list[FieldError]:
        widget = form.fields[name]
        if hasattr(widget, "hasAcceptableInput") and not widget.hasAcceptableInput():
            return [FieldError(name, widget.problem)]
        return [] if value not in (None, "") else [FieldError(name, message)]


AMOUNT_NEEDED = "Enter an amount greater than zero."
DATE_NEEDED = "Enter the date."


class DocumentDialog(_LedgerDialog):
    """A new invoice, credit note or payment, entered by hand. An invoice's due date is filled from the
    franchisee's settlement term (``term``) as the date is typed; the user may change it."""

    def __init__(
        self,
        ctx,
        franchisee_id: int,
        kind: DocumentKind,
        term: tuple[TermKind, int],
        open_invoices: list[str],
        today: date | None = None,
        parent: QWidget | None = None,
    ) -> None:
        titles = {
            DocumentKind.INVOICE: QCoreApplication.translate("LedgerDialogs", "New invoice"),
            DocumentKind.CREDIT_NOTE: QCoreApplication.translate("LedgerDialogs", "New credit note"),
            DocumentKind.PAYMENT: QCoreApplication.translate("LedgerDialogs", "New payment"),
        }
        super().__init__(ctx, franchisee_id, titles[kind], parent)
        self.setObjectName(f"ledgerDocumentDialog_{kind.value}")
        self.kind, self.term = kind, term
        self._due_touched = False
        today = today or date.today()
        label = {
            DocumentKind.INVOICE: QCoreApplication.translate("LedgerDialogs", "Invoice number"),
            DocumentKind.CREDIT_NOTE: QCoreApplication.translate("LedgerDialogs", "Credit note number"),
            DocumentKind.PAYMENT: QCoreApplication.translate("LedgerDialogs", "Payment reference"),
        }[kind]
        self.number = self.form.add("number", label, QLineEdit(), required=True)
        self.number.setMaxLength(50)
        self.doc_date = self.form.add(
            "doc_date", QCoreApplication.translate("LedgerDialogs", "Date"), OptionalDateEdit(), required=True
        )
        self.doc_date.set_date_value(today)
        self.amount = self.form.add(
            "amount",
            QCoreApplication.translate("LedgerDialogs", "Amount (yuan)"),
            DecimalEdit(),
            required=True,
        )
        self.due_date = None
        self.applies_to = None
        if kind is DocumentKind.INVOICE:
            self.due_date = self.form.add(
                "due_date", QCoreApplication.translate("LedgerDialogs", "Due date"), OptionalDateEdit()
            )
            self.due_date.textEdited.connect(self._due_edited)
            self.doc_date.date_changed.connect(self._fill_due)
            self._fill_due(today)
            kind_name, days = term
            self.set_intro(
                QCoreApplication.translate(
                    "LedgerDialogs",
                    "Settlement term: {term}, {days} days. The due date follows from it; change it if the "
                    "invoice says otherwise.",
                ).format(term=tr_enum(TermKind(kind_name).label), days=days)
            )
        else:
            combo = QComboBox()
            combo.setEditable(True)
            combo.addItem("")
            combo.addItems(open_invoices)
            self.applies_to = self.form.add(
                "applies_to",
                QCoreApplication.translate("LedgerDialogs", "Reduces invoice")
                if kind is DocumentKind.CREDIT_NOTE
                else QCoreApplication.translate("LedgerDialogs", "Pays invoice (optional)"),
                combo,
            )
            self.set_intro(
                QCoreApplication.translate(
                    "LedgerDialogs",
                    "Without an invoice, the credit pays this franchisee's open invoices dated on or before it, "
                    "oldest due date first; what is left stays unapplied credit.",
                )
            )
        self.note = self.form.add("note", QCoreApplication.translate("LedgerDialogs", "Note"), QLineEdit())

    def _due_edited(self, _text: str) -> None:
        self._due_touched = True

    def _fill_due(self, day: date | None) -> None:
        if self.due_date is not None and day is not None and not self._due_touched:
            self.due_date.set_date_value(due_date(self.term[0], self.term[1], day))

    def call(self):
        errors = self._required(self.form, "number", self.number.text().strip(), "Enter the document number.")
        errors += self._required(self.form, "doc_date", self.doc_date.date_value(), DATE_NEEDED)
        errors += self._required(self.form, "amount", self.amount.decimal_value(), AMOUNT_NEEDED)
        if self.due_date is not None and not self.due_date.hasAcceptableInput():
            errors.append(FieldError("due_date", self.due_date.problem))
        if errors:
            return errors
        applies_to = self.applies_to.currentText().strip() if self.applies_to is not None else ""
        return (
            self.ctx.services.ledger.record,
            (
                self.franchisee_id,
                self.kind,
                self.number.text().strip(),
                self.doc_date.date_value(),
                self.amount.decimal_value(),
                self.due_date.date_value() if self.due_date is not None else None,
                applies_to,
                self.note.text().strip(),
            ),
        )


class WriteOffDialog(_LedgerDialog):
    """Write off (part of) an invoice's open amount as bad debt, with the reason (credit managers)."""

    def __init__(self, ctx, invoice, today: date | None = None, parent: QWidget | None = None) -> None:
        super().__init__(
            ctx,
            invoice.franchisee_id,
            QCoreApplication.translate("LedgerDialogs", "Write off bad debt"),
            parent,
        )
        self.setObjectName("writeOffDialog")
        self.invoice = invoice
        self.set_intro(
            QCoreApplication.translate(
                "LedgerDialogs",
                "Invoice {number} of {date}: {open} open. A write-off reduces the open amount and counts in "
                "the bad-debt loss rate.",
            ).format(
                number=invoice.number, date=fmt_date(invoice.doc_date), open=fmt_money(invoice.open_amount)
            )
        )
        self.amount = self.form.add(
            "amount",
            QCoreApplication.translate("LedgerDialogs", "Amount (yuan)"),
            DecimalEdit(),
            required=True,
        )
        self.amount.set_decimal_value(invoice.open_amount)
        self.doc_date = self.form.add(
            "doc_date", QCoreApplication.translate("LedgerDialogs", "Date"), OptionalDateEdit(), required=True
        )
        self.doc_date.set_date_value(today or date.today())
        self.reason = self.form.add(
            "note", QCoreApplication.translate("LedgerDialogs", "Reason"), QPlainTextEdit(), required=True
        )
        self.reason.setFixedHeight(self.fontMetrics().lineSpacing() * 4)

    def call(self):
        errors = self._required(self.form, "amount", self.amount.decimal_value(), AMOUNT_NEEDED)
        errors += self._required(self.form, "doc_date", self.doc_date.date_value(), DATE_NEEDED)
        errors += self._required(self.form, "note", self.reason.toPlainText().strip(), "Enter the reason.")
        if errors:
            return errors
        return (
            self.ctx.services.ledger.write_off,
            (
                self.invoice.id,
                self.amount.decimal_value(),
                self.doc_date.date_value(),
                self.reason.toPlainText(),
            ),
        )


class ApplyCreditDialog(_LedgerDialog):
    """Apply a payment's or credit note's unapplied credit to one open invoice, by hand."""

    def __init__(self, ctx, credit, invoices, parent: QWidget | None = None) -> None:
        super().__init__(
            ctx,
            credit.franchisee_id,
            QCoreApplication.translate("LedgerDialogs", "Apply credit to an invoice"),
            parent,
        )
        self.setObjectName("applyCreditDialog")
        self.credit = credit
        self.set_intro(
            QCoreApplication.translate(
                "LedgerDialogs",
                "{kind} {number}: {left} unapplied. The amount applied by hand is kept whatever documents "
                "arrive later.",
            ).format(
                kind=tr_enum(credit.kind.label), number=credit.number, left=fmt_money(credit.open_amount)
            )
        )
        self.invoice = QComboBox()
        for inv in invoices:
            self.invoice.addItem(
                QCoreApplication.translate("LedgerDialogs", "{number} of {date}, {open} open").format(
                    number=inv.number, date=fmt_date(inv.doc_date), open=fmt_money(inv.open_amount)
                ),
                inv,
            )
        self.form.add(
            "invoice", QCoreApplication.translate("LedgerDialogs", "Invoice"), self.invoice, required=True
        )
        self.amount = self.form.add(
            "amount",
            QCoreApplication.translate("LedgerDialogs", "Amount (yuan)"),
            DecimalEdit(),
            required=True,
        )
        self.invoice.currentIndexChanged.connect(self._suggest)
        self._suggest()

    def _suggest(self, *_args) -> None:
        inv = self.invoice.currentData()
        if inv is not None:
            self.amount.set_decimal_value(min(Decimal(inv.open_amount), Decimal(self.credit.open_amount)))

    def call(self):
        inv = self.invoice.currentData()
        errors = (
            [] if inv is not None else [FieldError("invoice", "Credit can only be applied to an invoice.")]
        )
        errors += self._required(self.form, "amount", self.amount.decimal_value(), AMOUNT_NEEDED)
        if errors:
            return errors
        return (self.ctx.services.ledger.apply_credit, (self.credit.id, inv.id, self.amount.decimal_value()))


__all__ = ["DocumentDialog", "WriteOffDialog", "ApplyCreditDialog"]
