"""Exports of whole tables: franchisees, contacts, stores, visits, complaints, invoices, payments.

``ExportService.export(actor, entity, write)`` streams one entity's rows from one read transaction into
``write(headers, rows, formats)`` (``hqdesk.reports.tabular.write_table`` bound to a path, say) and returns the
number of rows. Nothing is loaded whole: rows come from the database 1,000 at a time.

The franchisee, contact, store, invoice and payment exports use the column names of the matching import
templates (``services/imports/``), so a file exported here is a file hqdesk can import again. Every role may
export (viewers included): it is what they may already read. Archived franchisees are exported too, so an export
is the whole table; their rows carry no mark, as the import template has none.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import and_, select
from sqlalchemy.orm import aliased

from hqdesk.domain.roles import Action, Actor
from hqdesk.persistence.models import Contact, Franchisee, Store, User
from hqdesk.persistence.models_complaints import Complaint, ComplaintCategory
from hqdesk.persistence.models_credit import LedgerDocument
from hqdesk.persistence.models_visits import Visit
from hqdesk.services.base import Service

ENTITIES = ("franchisees", "contacts", "stores", "visits", "complaints", "invoices", "payments")
BATCH = 1000

Writer = Callable[[Sequence[str], Iterable[Sequence[Any]], Sequence[str | None]], int]


@dataclass(frozen=True)
class ExportColumns:
    """One export's header row and each column's kind (see ``reports.tabular``)."""

    headers: tuple[str, ...]
    formats: tuple[str | None, ...]


def _columns(*pairs: tuple[str, str | None]) -> ExportColumns:
    return ExportColumns(tuple(h for h, _f in pairs), tuple(f for _h, f in pairs))


COLUMNS: dict[str, ExportColumns] = {
    # the franchisee import template's columns, in its order (services/imports/columns.py)
    "franchisees": _columns(
        ("code", None),
        ("legal_name", None),
        ("city", None),
        ("tier", None),
        ("store_brand_name", None),
        ("uscc", None),
        ("legal_representative", None),
        ("registered_capital", "money"),
        ("business_scope", None),
        ("region", None),
        ("province", None),
        ("address", None),
        ("join_date", "date"),
        ("contract_start", "date"),
        ("contract_end", "date"),
        ("account_manager", None),
        ("tags", None),
        ("notes", None),
        ("status", None),
        ("contact_name", None),
        ("contact_mobile", None),
        ("contact_role", None),
    ),
    "contacts": _columns(
        ("franchisee_code", None),
        ("name", None),
        ("gender", None),
        ("honorific", None),
        ("role", None),
        ("mobile", None),
        ("phone", None),
        ("email", None),
        ("wechat_id", None),
        ("birthday", "date"),
        ("birthday_lunar", "int"),
        ("is_primary", "int"),
        ("notes", None),
    ),
    "stores": _columns(
        ("franchisee_code", None),
        ("name", None),
        ("address", None),
        ("city", None),
        ("opened_on", "date"),
        ("status", None),
        ("floor_area", "money"),
    ),
    "visits": _columns(
        ("franchisee_code", None),
        ("visited_on", "date"),
        ("kind", None),
        ("purpose", None),
        ("hq_user", None),
        ("hq_others", None),
        ("met_with", None),
        ("notes", None),
        ("outcome", None),
        ("next_follow_up_on", "date"),
    ),
    "complaints": _columns(
        ("number", "int"),
        ("franchisee_code", None),
        ("received_at", None),
        ("channel", None),
        ("category", None),
        ("severity", "int"),
        ("status", None),
        ("assignee", None),
        ("description", None),
        ("due_at", None),
        ("resolved_at", None),
        ("closed_at", None),
        ("root_cause", None),
        ("corrective_action", None),
        ("resolution", None),
        ("satisfaction", "int"),
    ),
    # the ledger import templates' columns (services/imports/invoices.py, payments.py)
    "invoices": _columns(
        ("franchisee_code", None),
        ("number", None),
        ("date", "date"),
        ("amount", "money"),
        ("due_date", "date"),
        ("kind", None),
        ("applies_to", None),
    ),
    "payments": _columns(
        ("franchisee_code", None),
        ("reference", None),
        ("date", "date"),
        ("amount", "money"),
        ("invoice_number", None),
    ),
}


class ExportService(Service):
    """Whole tables out, for ``hqdesk-admin export`` (and anyone who wants all rows of one entity)."""

    def export(self, actor: Actor, entity: str, write: Writer) -> int:
        """Stream ``entity``'s rows into ``write(headers, rows, formats)``; what ``write`` returns (the rows)."""
        if entity not in COLUMNS:
            raise ValueError(f"unknown export {entity!r}; one of {', '.join(ENTITIES)}")
        with self.db.read() as s:
            self.require(actor, Action.VIEW_FRANCHISEES, s=s)
            columns = COLUMNS[entity]
            result = s.execute(_STATEMENTS[entity](), execution_options={"yield_per": BATCH})
            return write(columns.headers, _rows(entity, result), columns.formats)


def _rows(entity: str, result) -> Iterator[tuple[Any, ...]]:
    shape = _SHAPES.get(entity)
    for row in result:
        yield shape(row) if shape is not None else tuple(row)


def _franchisees():
    manager = aliased(User)
    primary = aliased(Contact)
    return (
        select(
            Franchisee.code,
            Franchisee.legal_name,
            Franchisee.city,
            Franchisee.tier,
            Franchisee.store_brand_name,
            Franchisee.uscc,
            Franchisee.legal_representative,
            Franchisee.registered_capital,
            Franchisee.business_scope,
            Franchisee.region,
            Franchisee.province,
            Franchisee.address,
            Franchisee.join_date,
            Franchisee.contract_start,
            Franchisee.contract_end,
            manager.username,
            Franchisee.tags,
            Franchisee.notes,
            Franchisee.status,
            primary.name,
            primary.mobile,
            primary.role,
        )
        .outerjoin(manager, manager.id == Franchisee.account_manager_id)
        .outerjoin(primary, and_(primary.franchisee_id == Franchisee.id, primary.is_primary.is_(True)))
        .order_by(Franchisee.code)
    )


def _contacts():
    return (
        select(
            Franchisee.code,
            Contact.name,
            Contact.gender,
            Contact.honorific,
            Contact.role,
            Contact.mobile,
            Contact.phone,
            Contact.email,
            Contact.wechat_id,
            Contact.birthday,
            Contact.birthday_lunar,
            Contact.is_primary,
            Contact.notes,
        )
        .join(Franchisee, Franchisee.id == Contact.franchisee_id)
        .order_by(Franchisee.code, Contact.is_primary.desc(), Contact.name, Contact.id)
    )


def _stores():
    return (
        select(
            Franchisee.code,
            Store.name,
            Store.address,
            Store.city,
            Store.opened_on,
            Store.status,
            Store.floor_area,
        )
        .join(Franchisee, Franchisee.id == Store.franchisee_id)
        .order_by(Franchisee.code, Store.name, Store.id)
    )


def _visits():
    who = aliased(User)
    return (
        select(
            Franchisee.code,
            Visit.visited_on,
            Visit.kind,
            Visit.purpose,
            who.username,
            Visit.hq_others,
            Visit.met_with,
            Visit.notes,
            Visit.outcome,
            Visit.next_follow_up_on,
        )
        .join(Franchisee, Franchisee.id == Visit.franchisee_id)
        .outerjoin(who, who.id == Visit.hq_user_id)
        .order_by(Visit.visited_on, Franchisee.code, Visit.id)
    )


def _complaints():
    assignee = aliased(User)
    return (
        select(
            Complaint.id,
            Franchisee.code,
            Complaint.received_at,
            Complaint.channel,
            ComplaintCategory.name,
            Complaint.severity,
            Complaint.status,
            assignee.username,
            Complaint.description,
            Complaint.due_at,
            Complaint.resolved_at,
            Complaint.closed_at,
            Complaint.root_cause,
            Complaint.corrective_action,
            Complaint.resolution,
            Complaint.satisfaction,
        )
        .join(Franchisee, Franchisee.id == Complaint.franchisee_id)
        .join(ComplaintCategory, ComplaintCategory.id == Complaint.category_id)
        .outerjoin(assignee, assignee.id == Complaint.assignee_id)
        .order_by(Complaint.received_at, Complaint.id)
    )


def _ledger(kinds: tuple[str, ...]):
    invoice = aliased(LedgerDocument)
    return (
        select(
            Franchisee.code,
            LedgerDocument.number,
            LedgerDocument.doc_date,
            LedgerDocument.amount,
            LedgerDocument.due_date,
            LedgerDocument.kind,
            invoice.number,
        )
        .join(Franchisee, Franchisee.id == LedgerDocument.franchisee_id)
        .outerjoin(invoice, invoice.id == LedgerDocument.invoice_id)
        .where(LedgerDocument.kind.in_(kinds))
        .order_by(LedgerDocument.doc_date, Franchisee.code, LedgerDocument.number)
    )


def _utc_text(value) -> str | None:
    return None if value is None else value.strftime("%Y-%m-%d %H:%M:%S UTC")


def _complaint_row(row) -> tuple[Any, ...]:
    values = list(row)
    for index in (2, 9, 10, 11):  # the timestamps, stored in UTC: say so in the cell
        values[index] = _utc_text(values[index])
    return tuple(values)


def _payment_row(row) -> tuple[Any, ...]:
    code, number, day, amount, _due, _kind, invoice_number = row
    return (code, number, day, amount, invoice_number)


def _invoice_row(row) -> tuple[Any, ...]:
    code, number, day, amount, due, kind, invoice_number = row
    return (code, number, day, amount, due, kind, invoice_number)


_STATEMENTS: dict[str, Callable[[], Any]] = {
    "franchisees": _franchisees,
    "contacts": _contacts,
    "stores": _stores,
    "visits": _visits,
    "complaints": _complaints,
    "invoices": lambda: _ledger(("invoice", "credit_note")),
    "payments": lambda: _ledger(("payment",)),
}
_SHAPES: dict[str, Callable[[Any], tuple[Any, ...]]] = {
    "complaints": _complaint_row,
    "invoices": _invoice_row,
    "payments": _payment_row,
}

__all__ = ["ExportService", "ExportColumns", "COLUMNS", "ENTITIES"]
