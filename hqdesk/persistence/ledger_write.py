"""Keeping a franchisee's allocations and ``settled_on`` right: ``recompute`` runs the allocation rules
(``domain/allocation.py``) over the franchisee's documents and stores the difference, inside the caller's
transaction, after every write that touches the franchisee's ledger (a document recorded, imported or deleted,
a write-off, a manual allocation).

- a credit document's ``invoice_id`` is resolved from its ``applies_to`` among the SAME franchisee's invoices
  (a payment imported before the invoice it names is linked when the invoice arrives); a write-off keeps the
  ``invoice_id`` it was recorded with;
- automatic allocations are replaced by the computed ones (only rows that differ are deleted or inserted);
  manual allocations are kept (cut, or dropped, only if they no longer fit their documents);
- ``settled_on`` of every document follows (Core UPDATEs of that derived column only);
- the analytics' summary tables (``models_analytics``) are refilled for these franchisees.

Reads and writes are set-based per batch of franchisees, so an import of 100,000 documents recomputes every
franchisee it touched with a few statements per 500 franchisees.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import date
from decimal import Decimal

from sqlalchemy import bindparam, delete, select, update
from sqlalchemy.orm import Session

from hqdesk.domain.allocation import Document, ManualAllocation, allocate
from hqdesk.domain.credit import DocumentKind, TermKind
from hqdesk.domain.settlement import DEFAULT_TERM
from hqdesk.persistence.analytics_sql import refresh as refresh_summaries
from hqdesk.persistence.bulk import insert_many
from hqdesk.persistence.models_credit import Allocation, CreditProfile, LedgerDocument
from hqdesk.persistence.types import utcnow

BATCH = 500
_DOCS = LedgerDocument.__table__
_ALLOC = Allocation.__table__


def _chunks(ids: list[int], size: int = BATCH) -> Iterable[list[int]]:
    for i in range(0, len(ids), size):
        yield ids[i : i + size]


def terms(s: Session, franchisee_ids: Iterable[int]) -> dict[int, tuple[TermKind, int]]:
    """Each franchisee's settlement term (the company default, net 30, without a credit profile)."""
    ids = sorted(set(franchisee_ids))
    found: dict[int, tuple[TermKind, int]] = {}
    for chunk in _chunks(ids):
        for fid, kind, days in s.execute(
            select(CreditProfile.franchisee_id, CreditProfile.term_kind, CreditProfile.term_days).where(
                CreditProfile.franchisee_id.in_(chunk)
            )
        ):
            found[fid] = (TermKind(kind), days)
    return {fid: found.get(fid, DEFAULT_TERM) for fid in ids}


def recompute(s: Session, franchisee_ids: Iterable[int], username: str = "") -> int:
    """Recompute the allocations and ``settled_on`` of these franchisees; returns the rows changed."""
    s.flush()
    changed = 0
    ids = sorted(set(franchisee_ids))
    for chunk in _chunks(ids):
        changed += _recompute_batch(s, chunk, username)
    refresh_summaries(s, ids)  # the analytics' monthly summaries follow in the same transaction
    return changed


def _recompute_batch(s: Session, franchisee_ids: list[int], username: str) -> int:
    c = _DOCS.c
    docs_by_f: dict[int, list] = defaultdict(list)
    for row in s.execute(
        select(
            c.id,
            c.franchisee_id,
            c.kind,
            c.number,
            c.doc_date,
            c.amount,
            c.due_date,
            c.applies_to,
            c.invoice_id,
            c.settled_on,
        ).where(c.franchisee_id.in_(franchisee_ids))
    ):
        docs_by_f[row.franchisee_id].append(row)
    a = _ALLOC.c
    auto_by_f: dict[int, list] = defaultdict(list)
    manual_by_f: dict[int, list] = defaultdict(list)
    for row in s.execute(
        select(a.id, a.franchisee_id, a.credit_id, a.invoice_id, a.amount, a.applied_on, a.manual).where(
            a.franchisee_id.in_(franchisee_ids)
        )
    ):
        (manual_by_f if row.manual else auto_by_f)[row.franchisee_id].append(row)

    link_updates: list[dict] = []
    settled_updates: list[dict] = []
    deletes: list[int] = []
    inserts: list[dict] = []
    manual_updates: list[dict] = []
    now = utcnow()
    for fid in franchisee_ids:
        rows = docs_by_f.get(fid, [])
        invoice_by_number = {r.number: r.id for r in rows if r.kind == DocumentKind.INVOICE}
        documents = []
        for r in rows:
            kind = DocumentKind(r.kind)
            target = None
            names = False
            if kind is DocumentKind.WRITE_OFF:
                target, names = r.invoice_id, True
            elif kind.is_credit and r.applies_to:
                target, names = invoice_by_number.get(r.applies_to), True
                if target != r.invoice_id:
                    link_updates.append({"b_id": r.id, "b_invoice": target})
            documents.append(Document(r.id, kind, r.number, r.doc_date, r.amount, r.due_date, target, names))
        manual_rows = manual_by_f.get(fid, [])
        result = allocate(
            documents, [ManualAllocation(m.credit_id, m.invoice_id, m.amount) for m in manual_rows]
        )

        # manual allocations: kept; cut or dropped only when they no longer fit
        kept: dict[tuple[int, int], list[tuple[Decimal, date]]] = defaultdict(list)
        for x in result.applied:
            if x.manual:
                kept[(x.credit_id, x.invoice_id)].append((x.amount, x.applied_on))
        for m in manual_rows:
            fits = kept.get((m.credit_id, m.invoice_id))
            if not fits:
                deletes.append(m.id)
                continue
            amount, applied_on = fits.pop(0)
            if amount != m.amount or applied_on != m.applied_on:
                manual_updates.append({"b_id": m.id, "b_amount": amount, "b_on": applied_on})

        # automatic allocations: delete what differs, insert what is new
        wanted: dict[tuple, int] = defaultdict(int)
        for x in result.automatic():
            wanted[(x.credit_id, x.invoice_id, x.amount, x.applied_on)] += 1
        for old in auto_by_f.get(fid, []):
            key = (old.credit_id, old.invoice_id, old.amount, old.applied_on)
            if wanted.get(key):
                wanted[key] -= 1
            else:
                deletes.append(old.id)
        for (credit_id, invoice_id, amount, applied_on), count in wanted.items():
            for _ in range(count):
                inserts.append(
                    {
                        "franchisee_id": fid,
                        "credit_id": credit_id,
                        "invoice_id": invoice_id,
                        "amount": amount,
                        "applied_on": applied_on,
                        "manual": False,
                        "created_at": now,
                        "created_by": username,
                    }
                )
        for r in rows:
            settled = result.settled_on.get(r.id)
            if settled != r.settled_on:
                settled_updates.append({"b_id": r.id, "b_settled": settled})

    conn = s.connection()
    if link_updates:
        _update_column(conn, "invoice_id", "bigint", [(u["b_id"], u["b_invoice"]) for u in link_updates])
    for chunk in _chunks(deletes, 1000):
        conn.execute(delete(_ALLOC).where(_ALLOC.c.id.in_(chunk)))
    if manual_updates:
        conn.execute(
            update(_ALLOC)
            .where(_ALLOC.c.id == bindparam("b_id"))
            .values(amount=bindparam("b_amount"), applied_on=bindparam("b_on")),
            manual_updates,
        )
    insert_many(conn, _ALLOC, inserts)
    if settled_updates:
        _update_column(conn, "settled_on", "date", [(u["b_id"], u["b_settled"]) for u in settled_updates])
    return len(link_updates) + len(deletes) + len(manual_updates) + len(inserts) + len(settled_updates)


def _update_column(conn, column: str, pg_type: str, pairs: list[tuple[int, object]]) -> None:
    """Set one derived column of many ledger documents (id, value). PostgreSQL: one UPDATE ... FROM unnest()
    per 5,000 rows (an executemany would be a round trip per row); SQLite: executemany (in-process)."""
    if conn.dialect.name == "postgresql":
        for i in range(0, len(pairs), 5000):
            part = pairs[i : i + 5000]
            conn.exec_driver_sql(
                f"UPDATE ledger_documents SET {column} = v.value "
                f"FROM unnest(%(ids)s::bigint[], %(values)s::{pg_type}[]) AS v(id, value) "
                "WHERE ledger_documents.id = v.id",
                {"ids": [p[0] for p in part], "values": [p[1] for p in part]},
            )
        return
    conn.execute(
        update(_DOCS).where(_DOCS.c.id == bindparam("b_id")).values({column: bindparam("b_value")}),
        [{"b_id": doc_id, "b_value": value} for doc_id, value in pairs],
    )


__all__ = ["recompute", "terms"]
