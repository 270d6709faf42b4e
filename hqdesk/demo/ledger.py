"""Demo credit data: a credit profile and 3-5 years of ledger for every franchisee that ever bought.

For each franchisee that is not a mere prospect: a ``credit_profiles`` row (a realistic mix of settlement
terms, a credit limit by tier, the standard collection policy, a review date), then invoices from its join date
(or ``years`` back) to today, paid the way its payer type pays:

- punctual (about 60 %): on or a few days around the due date;
- slow (about 25 %): 10-60 days late;
- late (about 10 %): 45-150 days late, and the last months still open;
- defaulted (about 5 %, suspended and terminated franchisees first): stopped paying about a year before the
  end; invoices unpaid for over a year are written off (a few write-offs).

About 55 % of franchisees quote the invoice on every payment, the others never (their payments pay the
oldest open invoices); about 4 % of payments are rounded up, which leaves unapplied credit; about 3 % of
invoices get a credit note (returns) that names them. The allocations are those of ``domain.allocation`` (the
app's own rules), written with the documents, ``settled_on`` included.
Reproducible: one ``random.Random`` seeded from the demo's seed; no clock.
"""

from __future__ import annotations

import random
from collections import defaultdict
from datetime import date, timedelta
from decimal import Decimal

from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from hqdesk.demo.base import DEMO_USERNAME
from hqdesk.domain.allocation import Document, allocate
from hqdesk.domain.credit import DocumentKind, TermKind
from hqdesk.domain.settlement import due_date
from hqdesk.persistence.analytics_sql import refresh as refresh_summaries
from hqdesk.persistence.audit import audit_bulk_inserts
from hqdesk.persistence.bulk import insert_many
from hqdesk.persistence.models import Franchisee
from hqdesk.persistence.models_credit import Allocation, CreditProfile, LedgerDocument
from hqdesk.persistence.types import utcnow

TERMS = (
    ((TermKind.NET, 30), 28),
    ((TermKind.NET, 60), 12),
    ((TermKind.MONTHLY, 0), 14),
    ((TermKind.MONTHLY, 15), 10),
    ((TermKind.QUARTERLY, 15), 10),
    ((TermKind.HALF_YEARLY, 30), 4),
    ((TermKind.YEARLY, 30), 2),
    ((TermKind.COD, 0), 12),
    ((TermKind.ADVANCE, 0), 8),
)
LIMITS = {"A": (1_500_000, 3_000_000), "B": (500_000, 1_200_000), "C": (150_000, 500_000)}
INVOICE_SIZES = {"A": (40_000, 260_000), "B": (15_000, 110_000), "C": (5_000, 45_000)}
EVERY_DAYS = {"A": (20, 40), "B": (30, 55), "C": (40, 75)}  # days between two invoices
STANDARD_POLICY_ID = 2  # the "standard" preset of migration 0004


def _weighted(rnd: random.Random, pairs):
    total = sum(w for _, w in pairs)
    x = rnd.random() * total
    for value, weight in pairs:
        x -= weight
        if x < 0:
            return value
    return pairs[-1][0]


def _money(rnd: random.Random, low: int, high: int) -> Decimal:
    return Decimal(rnd.randrange(low * 100, high * 100)) / 100


def add_demo_ledger(s: Session, *, seed: int, today: date, years: int) -> dict[str, int]:
    """Write the demo credit profiles, ledger documents and allocations into ``s`` (not committed)."""
    rnd = random.Random(f"ledger-{seed}")
    now = utcnow()
    stamp = {"version": 1, "created_at": now, "updated_at": now, "updated_by": DEMO_USERNAME}
    franchisees = s.execute(
        select(Franchisee.id, Franchisee.tier, Franchisee.status, Franchisee.join_date).order_by(
            Franchisee.id
        )
    ).all()
    first_doc = s.scalar(select(func.coalesce(func.max(LedgerDocument.id), 0)))
    first_profile = s.scalar(select(func.coalesce(func.max(CreditProfile.id), 0)))
    start = today - timedelta(days=365 * max(3, min(years, 5)))
    profiles: list[dict] = []
    documents: list[dict] = []
    allocations: list[dict] = []
    serial = defaultdict(int)

    def number(prefix: str, day: date) -> str:
        serial[(prefix, day.year)] += 1
        return f"{prefix}{day.year}{serial[(prefix, day.year)]:06d}"

    next_id = first_doc
    for f in franchisees:
        if f.status == "prospect":
            continue
        tier = f.tier if f.tier in LIMITS else "B"
        kind, days = _weighted(rnd, TERMS)
        payer = _weighted(rnd, (("punctual", 60), ("slow", 25), ("late", 10), ("defaulted", 5)))
        if f.status in ("suspended", "terminated") and rnd.random() < 0.5:
            payer = "defaulted"
        # an ERP either quotes the invoice on each receipt or it does not: one habit per franchisee
        names_invoices = rnd.random() < 0.55
        low, high = LIMITS[tier]
        profiles.append(
            {
                "id": first_profile + len(profiles) + 1,
                "franchisee_id": f.id,
                "term_kind": kind.value,
                "term_days": days,
                "credit_limit": Decimal(rnd.randrange(low // 50_000, high // 50_000 + 1) * 50_000),
                "collection_policy_id": STANDARD_POLICY_ID,
                "expected_loss_rate": None,
                "loss_rate_derived": True,  # derived from its own payment history
                "on_hold": False,
                "hold_reason": "",
                "next_review_on": today + timedelta(days=rnd.randrange(30, 366)),
                **stamp,
            }
        )
        docs: list[dict] = []
        first_day = max(start, f.join_date or start)
        stop_day = today if f.status != "terminated" else today - timedelta(days=rnd.randrange(60, 400))
        stop_day = min(today, max(stop_day, first_day + timedelta(days=90)))  # a short life still bought
        stop_paying = today - timedelta(days=rnd.randrange(300, 420)) if payer == "defaulted" else None
        day = min(first_day + timedelta(days=rnd.randrange(0, 30)), stop_day)
        sizes = INVOICE_SIZES[tier]
        gap = EVERY_DAYS[tier]
        while day <= stop_day:
            amount = _money(rnd, *sizes)
            due = due_date(kind, days, day)
            inv_number = number("INV", day)
            docs.append(_doc(DocumentKind.INVOICE, inv_number, day, amount, due=due))
            if rnd.random() < 0.03:
                cn_day = day + timedelta(days=rnd.randrange(5, 25))
                if cn_day <= today:
                    share = Decimal(rnd.randrange(5, 21)) / 100
                    docs.append(
                        _doc(
                            DocumentKind.CREDIT_NOTE,
                            number("CN", cn_day),
                            cn_day,
                            (amount * share).quantize(Decimal("0.01")),
                            applies_to=inv_number,
                        )
                    )
            delay = {
                "punctual": rnd.randrange(-5, 4),
                "slow": rnd.randrange(10, 61),
                "late": rnd.randrange(45, 151),
                "defaulted": rnd.randrange(30, 120),
            }[payer]
            if kind is TermKind.ADVANCE:
                paid_on = (
                    day - timedelta(days=rnd.randrange(1, 8))
                    if payer == "punctual"
                    else due + timedelta(days=delay)
                )
            else:
                paid_on = max(day, due + timedelta(days=delay))
            unpaid = paid_on > today or (stop_paying is not None and paid_on > stop_paying)
            if not unpaid:
                pay_amount = amount
                if rnd.random() < 0.04:  # rounded up: unapplied credit
                    pay_amount = (amount / 1000).to_integral_value(rounding="ROUND_CEILING") * 1000 + 1000
                named = names_invoices or kind is TermKind.ADVANCE
                docs.append(
                    _doc(
                        DocumentKind.PAYMENT,
                        number("PAY", paid_on),
                        paid_on,
                        pay_amount,
                        applies_to=inv_number if named else "",
                    )
                )
            day += timedelta(days=rnd.randrange(*gap))
        # ids, links, write-offs, allocation
        by_number = {}
        for d in docs:
            next_id += 1
            d.update(id=next_id, franchisee_id=f.id, **stamp)
            if d["kind"] == DocumentKind.INVOICE.value:
                by_number[d["number"]] = d
        for d in docs:
            if d["applies_to"]:
                d["invoice_id"] = by_number[d["applies_to"]]["id"]
        result = allocate(_documents(docs))
        if payer == "defaulted":
            write_offs = []
            for d in docs:
                open_ = result.open[d["id"]]
                wo_day = d["doc_date"] + timedelta(days=400)
                if d["kind"] == DocumentKind.INVOICE.value and open_ > 0 and wo_day <= today:
                    next_id += 1
                    write_offs.append(
                        {
                            **_doc(
                                DocumentKind.WRITE_OFF,
                                f"WO-{d['number']}",
                                wo_day,
                                open_,
                                applies_to=d["number"],
                            ),
                            "invoice_id": d["id"],
                            "note": "客户停止付款，经催收无果，核销坏账",
                            "id": next_id,
                            "franchisee_id": f.id,
                            **stamp,
                        }
                    )
            if write_offs:
                docs.extend(write_offs)
                result = allocate(_documents(docs))
        for d in docs:
            d["settled_on"] = result.settled_on[d["id"]]
        documents.extend(docs)
        for a in result.applied:
            allocations.append(
                {
                    "franchisee_id": f.id,
                    "credit_id": a.credit_id,
                    "invoice_id": a.invoice_id,
                    "amount": a.amount,
                    "applied_on": a.applied_on,
                    "manual": False,
                    "created_at": now,
                    "created_by": DEMO_USERNAME,
                }
            )
    connection = s.connection()
    insert_many(connection, CreditProfile.__table__, profiles)
    insert_many(connection, LedgerDocument.__table__, documents)
    insert_many(connection, Allocation.__table__, allocations)
    refresh_summaries(s, {d["franchisee_id"] for d in documents})  # the analytics' monthly summaries
    audit_bulk_inserts(s, CreditProfile, profiles, [p["id"] for p in profiles], DEMO_USERNAME)
    audit_bulk_inserts(s, LedgerDocument, documents, [d["id"] for d in documents], DEMO_USERNAME)
    if connection.dialect.name == "postgresql":
        for table in ("credit_profiles", "ledger_documents"):
            s.execute(
                text(
                    f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), max(id)) FROM {table} "
                    "HAVING max(id) IS NOT NULL"
                )
            )
    return {
        "credit_profiles": len(profiles),
        "ledger_documents": len(documents),
        "allocations": len(allocations),
    }


def _doc(
    kind: DocumentKind, number: str, day: date, amount: Decimal, *, due=None, applies_to: str = ""
) -> dict:
    return {
        "kind": kind.value,
        "number": number,
        "doc_date": day,
        "amount": amount,
        "due_date": due,
        "applies_to": applies_to,
        "invoice_id": None,
        "note": "",
        "source": "demo",
        "settled_on": None,
    }


def _documents(docs: list[dict]) -> list[Document]:
    return [
        Document(
            d["id"],
            DocumentKind(d["kind"]),
            d["number"],
            d["doc_date"],
            d["amount"],
            d["due_date"],
            d["invoice_id"],
            bool(d["applies_to"]),
        )
        for d in docs
    ]


__all__ = ["add_demo_ledger"]
