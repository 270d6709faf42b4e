"""The credit policy simulator's starting point, observed in the ledger (computed in SQL).

For each settlement term in use (a credit profile's ``term_kind`` and ``term_days``; franchisees without a
credit profile count under the profile's defaults), over the 12 months ending on ``as_of`` (from the same day
a year earlier plus one day, to ``as_of``, both included):

- ``credit_sales``: invoices minus credit notes dated in the window;
- ``collection_days``: the observed average collection period, weighted by amount: for every allocation of a
  payment or credit note applied in the window, the days from the invoice's date to the allocation's
  ``applied_on``, weighted by the allocated amount (write-offs are not collections and do not count);
- ``bad_debt_rate``: write-offs dated in the window / credit sales in the window.

The simulator screen turns each line into an alternative ("the policy as it is"), which the user then varies.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from sqlalchemy import BigInteger, func, select, type_coerce
from sqlalchemy.orm import aliased

from hqdesk.domain.credit import TermKind
from hqdesk.domain.credit_simulator import Evaluation, SimulatorInput, evaluate
from hqdesk.domain.roles import Action, Actor
from hqdesk.persistence.ledger_sql import as_date, days_between
from hqdesk.persistence.models import Franchisee
from hqdesk.persistence.models_credit import Allocation, CreditProfile, LedgerDocument
from hqdesk.services.base import Service

ZERO = Decimal("0.00")
CENT = Decimal("0.01")


@dataclass(frozen=True)
class TermObservation:
    """What the ledger shows for one settlement term over the window (None: nothing to divide by)."""

    term_kind: TermKind
    term_days: int
    franchisees: int  # franchisees on this term invoiced in the window
    credit_sales: Decimal
    collected: Decimal  # payments and credit notes allocated in the window (the weights of collection_days)
    collection_days: Decimal | None
    write_offs: Decimal
    bad_debt_rate: Decimal | None


def window(as_of: date) -> tuple[date, date]:
    """The 12 months ending on ``as_of``: (the day after the same date a year earlier, ``as_of``)."""
    try:
        year_before = as_of.replace(year=as_of.year - 1)
    except ValueError:  # 29 February
        year_before = as_of.replace(year=as_of.year - 1, day=28)
    return year_before + timedelta(days=1), as_of


def _term_columns():
    kind_default = CreditProfile.__table__.c.term_kind.default.arg
    days_default = CreditProfile.__table__.c.term_days.default.arg
    return (
        func.coalesce(CreditProfile.term_kind, kind_default).label("term_kind"),
        func.coalesce(CreditProfile.term_days, days_default).label("term_days"),
    )


def _cents(column):
    """The raw whole cents of a ``Cents`` column (exact integer arithmetic in SQL)."""
    return type_coerce(column, BigInteger())


class CreditSimulatorService(Service):
    def observed(self, actor: Actor, as_of: date) -> list[TermObservation]:
        """One line per settlement term with ledger activity in the 12 months to ``as_of`` (module docstring),
        sorted by term kind (in ``TermKind`` order) and days."""
        start, end = window(as_of)
        Doc = LedgerDocument
        kind, days = _term_columns()
        in_window = (Doc.doc_date >= as_date(start), Doc.doc_date <= as_date(end))
        with self.db.read() as s:
            self.require(actor, Action.VIEW_FRANCHISEES, s=s)
            docs = s.execute(
                select(
                    kind,
                    days,
                    Doc.kind.label("doc_kind"),
                    func.sum(_cents(Doc.amount)).label("cents"),
                    func.count(func.distinct(Doc.franchisee_id)).label("franchisees"),
                )
                .select_from(Doc)
                .join(Franchisee, Franchisee.id == Doc.franchisee_id)
                .outerjoin(CreditProfile, CreditProfile.franchisee_id == Doc.franchisee_id)
                .where(Doc.kind.in_(("invoice", "credit_note", "write_off")), *in_window)
                .group_by(kind, days, Doc.kind)
            ).all()
            invoice = aliased(Doc)
            credit = aliased(Doc)
            collected = s.execute(
                select(
                    kind,
                    days,
                    func.sum(_cents(Allocation.amount)).label("cents"),
                    func.sum(
                        _cents(Allocation.amount) * days_between(Allocation.applied_on, invoice.doc_date)
                    ).label("cent_days"),
                )
                .select_from(Allocation)
                .join(invoice, invoice.id == Allocation.invoice_id)
                .join(credit, credit.id == Allocation.credit_id)
                .outerjoin(CreditProfile, CreditProfile.franchisee_id == Allocation.franchisee_id)
                .where(
                    credit.kind.in_(("payment", "credit_note")),
                    Allocation.applied_on >= as_date(start),
                    Allocation.applied_on <= as_date(end),
                )
                .group_by(kind, days)
            ).all()
        terms: dict[tuple[str, int], dict] = {}
        for r in docs:
            t = terms.setdefault((r.term_kind, int(r.term_days)), {"franchisees": 0})
            t[r.doc_kind] = Decimal(int(r.cents or 0)) / 100
            if r.doc_kind == "invoice":
                t["franchisees"] = int(r.franchisees)
        for r in collected:
            t = terms.setdefault((r.term_kind, int(r.term_days)), {"franchisees": 0})
            t["collected_cents"] = int(r.cents or 0)
            t["cent_days"] = int(r.cent_days or 0)
        order = list(TermKind)
        out = []
        for (term_kind, term_days), t in sorted(
            terms.items(), key=lambda kv: (order.index(TermKind(kv[0][0])), kv[0][1])
        ):
            sales = t.get("invoice", ZERO) - t.get("credit_note", ZERO)
            write_offs = t.get("write_off", ZERO)
            cents = t.get("collected_cents", 0)
            out.append(
                TermObservation(
                    term_kind=TermKind(term_kind),
                    term_days=term_days,
                    franchisees=t["franchisees"],
                    credit_sales=sales.quantize(CENT),
                    collected=(Decimal(cents) / 100).quantize(CENT),
                    collection_days=Decimal(t["cent_days"]) / Decimal(cents) if cents > 0 else None,
                    write_offs=write_offs.quantize(CENT),
                    bad_debt_rate=write_offs / sales if sales > 0 else None,
                )
            )
        return out

    @staticmethod
    def evaluate(inp: SimulatorInput) -> Evaluation:
        """The simulator's figures (pure; here so the screen calls one service)."""
        return evaluate(inp)
