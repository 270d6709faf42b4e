"""What the ERP imports of the ledger share (``invoices.py``, ``payments.py``): reading the file, converting
and checking every row, and writing all rows or none.

1. read the file (``reader``: CSV in UTF-8 with or without BOM or GB18030/GBK, XLSX) and map its header row
   (any column order, English or Chinese names);
2. check EVERY row: each cell, the document rules (``domain.allocation.validate_document``), duplicates in
   the file and in the database, franchisee codes, the invoice a row names; every problem names the row (as
   Excel shows it), the column and what is wrong;
3. if anything is wrong, nothing is written (exit code 2 from the command line); otherwise the documents go
   in as bulk INSERTs in ONE transaction (``allow_long_work``), and the allocations of every franchisee the
   file touches are recomputed in the same transaction (``persistence.ledger_write.recompute``).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from hqdesk.domain.allocation import validate_document
from hqdesk.domain.credit import DocumentKind
from hqdesk.domain.i18n import QT_TRANSLATE_NOOP, VALIDATION
from hqdesk.domain.roles import Action, Actor
from hqdesk.domain.settlement import due_date as settlement_due_date
from hqdesk.persistence.audit import insert_audited
from hqdesk.persistence.engine import allow_long_work
from hqdesk.persistence.ledger_write import recompute, terms
from hqdesk.persistence.models import Franchisee
from hqdesk.persistence.models_credit import LedgerDocument
from hqdesk.persistence.types import utcnow
from hqdesk.services.base import Service
from hqdesk.services.imports.cells import convert
from hqdesk.services.imports.columns import Template
from hqdesk.services.imports.problems import CellProblem, ImportConflict, ImportProblem, ImportResult, Refused
from hqdesk.services.imports.reader import Table, blank, read_table

CHUNK = 900  # ids or numbers per IN (...) list: below SQLite's old bound of 999 variables

FORMULA = QT_TRANSLATE_NOOP(
    "Import",
    "The cell holds a formula without a saved result (the file was not saved by Excel). Open the file in "
    "Excel, save it and import again.",
)
REQUIRED = QT_TRANSLATE_NOOP("Import", "The {column} cell is empty; it is required.")
UNKNOWN_FRANCHISEE = QT_TRANSLATE_NOOP("Import", "No franchisee has the code {code}.")
DUPLICATE_IN_FILE = QT_TRANSLATE_NOOP("Import", "The number {number} is also on row {row}.")
DUPLICATE_IN_DB = QT_TRANSLATE_NOOP("Import", "There is already a {kind} numbered {number} in the ledger.")
OTHER_FRANCHISEE = QT_TRANSLATE_NOOP(
    "Import", "Invoice {number} belongs to franchisee {owner}, not to {code}."
)
NAMED_BY_OTHER = QT_TRANSLATE_NOOP(
    "Import",
    "The {kind} {reference} of franchisee {owner} names this invoice number, but this row gives it to {code}.",
)


class LedgerImportConflict(ImportConflict):
    message = QT_TRANSLATE_NOOP(
        "Import",
        "Another user recorded documents with the same numbers during the import. Nothing was imported; run "
        "the import again to see which rows.",
    )


@dataclass(frozen=True)
class LedgerImportResult(ImportResult):
    """An ImportResult with what the file holds: documents by kind, franchisees, total amount."""

    counts: dict[str, int] = field(default_factory=dict)  # kind value -> documents
    franchisees: int = 0
    total: Decimal = Decimal("0.00")
    seconds: float = 0.0


@dataclass
class Row:
    number: int  # the row as Excel shows it
    values: dict[str, Any]
    bad: set[str]  # columns already reported
    kind: DocumentKind = DocumentKind.INVOICE
    franchisee_id: int | None = None


def parse(template: Template, table: Table, problems: list[ImportProblem]) -> list[Row]:
    """Every data row converted cell by cell (blank lines skipped); cell problems collected."""
    _header, mapping, data = template.map_header(table)
    rows: list[Row] = []
    for number, cells in data:
        if all(blank(c) for c in cells) and not any((number, i) in table.formulas for i in mapping):
            continue
        values: dict[str, Any] = {}
        bad: set[str] = set()
        for index, column in mapping.items():
            cell = cells[index] if index < len(cells) else None
            if cell is None and (number, index) in table.formulas:
                problems.append(ImportProblem(number, column.name, FORMULA))
                bad.add(column.name)
                continue
            try:
                values[column.name] = convert(column, cell)
            except CellProblem as exc:
                problems.append(ImportProblem(number, column.name, exc.message, exc.params, exc.context))
                bad.add(column.name)
        for column in template.columns:
            if column.required and column.name not in bad and values.get(column.name) in (None, ""):
                problems.append(ImportProblem(number, column.name, REQUIRED, {"column": column.name}))
                bad.add(column.name)
        rows.append(Row(number, values, bad))
    return rows


def check_document(row: Row, number_column: str, problems: list[ImportProblem]) -> None:
    """The document rules for one row (positive amount with two decimals, a due date not before the date)."""
    v = row.values
    if {"date", "amount", number_column} & row.bad:
        return
    names = {"number": number_column, "doc_date": "date", "amount": "amount", "due_date": "due_date"}
    for error in validate_document(
        row.kind, v.get(number_column) or "", v.get("date"), v.get("amount"), v.get("due_date"), ""
    ):
        column = names.get(error.field, error.field)
        if column not in row.bad:
            problems.append(ImportProblem(row.number, column, error.message, error.params, VALIDATION))
            row.bad.add(column)


def chunks(values: list, size: int = CHUNK) -> Iterable[list]:
    for i in range(0, len(values), size):
        yield values[i : i + size]


def franchisee_ids(s: Session, rows: list[Row], problems: list[ImportProblem]) -> dict[int, str]:
    """Resolve ``franchisee_code`` of every row (case-insensitive, as codes are unique); id -> code."""
    wanted = sorted({str(r.values.get("franchisee_code") or "").lower() for r in rows} - {""})
    found: dict[str, tuple[int, str]] = {}
    for chunk in chunks(wanted):
        for fid, code in s.execute(
            select(Franchisee.id, Franchisee.code).where(func.lower(Franchisee.code).in_(chunk))
        ):
            found[code.lower()] = (fid, code)
    codes: dict[int, str] = {}
    for r in rows:
        code = r.values.get("franchisee_code") or ""
        if not code or "franchisee_code" in r.bad:
            continue
        hit = found.get(code.lower())
        if hit is None:
            problems.append(ImportProblem(r.number, "franchisee_code", UNKNOWN_FRANCHISEE, {"code": code}))
            r.bad.add("franchisee_code")
        else:
            r.franchisee_id = hit[0]
            codes[hit[0]] = hit[1]
    return codes


def existing(
    s: Session, kind: DocumentKind | tuple[DocumentKind, ...], numbers: Iterable[str]
) -> dict[str, Any]:
    """Documents of ``kind`` already in the ledger with these numbers: number -> row (id, franchisee_id,
    franchisee code, kind, applies_to)."""
    kinds = [k.value for k in (kind if isinstance(kind, tuple) else (kind,))]
    d = LedgerDocument
    out: dict[str, Any] = {}
    for chunk in chunks(sorted(set(numbers) - {""})):
        for row in s.execute(
            select(d.id, d.number, d.kind, d.franchisee_id, d.applies_to, Franchisee.code)
            .join(Franchisee, Franchisee.id == d.franchisee_id)
            .where(d.kind.in_(kinds), d.number.in_(chunk))
        ):
            out[row.number] = row
    return out


def naming(s: Session, numbers: Iterable[str]) -> dict[str, list[Any]]:
    """Credit documents already in the ledger that name these invoice numbers: number -> rows."""
    d = LedgerDocument
    out: dict[str, list[Any]] = {}
    for chunk in chunks(sorted(set(numbers) - {""})):
        for row in s.execute(
            select(d.applies_to, d.number, d.kind, d.franchisee_id, Franchisee.code)
            .join(Franchisee, Franchisee.id == d.franchisee_id)
            .where(
                d.kind.in_([DocumentKind.PAYMENT.value, DocumentKind.CREDIT_NOTE.value]),
                d.applies_to.in_(chunk),
            )
        ):
            out.setdefault(row.applies_to, []).append(row)
    return out


def duplicates_in_file(rows: list[Row], number_column: str, problems: list[ImportProblem]) -> None:
    first: dict[tuple[str, str], int] = {}
    for r in rows:
        number = r.values.get(number_column) or ""
        if not number or number_column in r.bad:
            continue
        key = (r.kind.value, number)
        if key in first:
            problems.append(
                ImportProblem(
                    r.number, number_column, DUPLICATE_IN_FILE, {"number": number, "row": first[key]}
                )
            )
            r.bad.add(number_column)
        else:
            first[key] = r.number


def duplicates_in_db(s: Session, rows: list[Row], number_column: str, problems: list[ImportProblem]) -> None:
    for kind in {r.kind for r in rows}:
        taken = existing(s, kind, (r.values.get(number_column) or "" for r in rows if r.kind is kind))
        for r in rows:
            number = r.values.get(number_column) or ""
            if r.kind is kind and number in taken and number_column not in r.bad:
                problems.append(
                    ImportProblem(
                        r.number, number_column, DUPLICATE_IN_DB, {"kind": kind.label, "number": number}
                    )
                )
                r.bad.add(number_column)


def due_dates(s: Session, rows: list[Row]) -> None:
    """An invoice without a due date gets the one its franchisee's settlement term gives."""
    need = [
        r for r in rows if r.kind is DocumentKind.INVOICE and not r.values.get("due_date") and r.franchisee_id
    ]
    if not need:
        return
    term = terms(s, {r.franchisee_id for r in need})
    for r in need:
        kind, days = term[r.franchisee_id]
        r.values["due_date"] = settlement_due_date(kind, days, r.values["date"])


class LedgerImporter(Service):
    """One ledger import (invoices or payments); the subclasses say the template and the checks."""

    template: Template
    number_column: str
    what: str  # for the log and the audit reason

    def check(self, s: Session, rows: list[Row], problems: list[ImportProblem]) -> dict[int, str]:
        raise NotImplementedError

    def values(self, row: Row) -> dict[str, Any]:
        raise NotImplementedError

    def import_file(self, actor: Actor, path: str | Path, *, dry_run: bool = False) -> LedgerImportResult:
        """Check ``path`` and, unless ``dry_run`` or a row is bad, import every row in one transaction.
        Problems come back in ``errors`` (nothing written); raises PermissionDenied, LedgerImportConflict."""
        import time

        started = time.perf_counter()
        self.require(actor, Action.RECORD_LEDGER)
        path = Path(path)
        problems: list[ImportProblem] = []
        try:
            table = read_table(path)
            rows = parse(self.template, table, problems)
        except Refused as refused:
            return LedgerImportResult(str(path), 0, 0, dry_run, refused.problems)
        if dry_run:
            with self.db.read() as s:
                self.require(actor, Action.RECORD_LEDGER, s=s)
                codes = self.check(s, rows, problems)
            return self._result(path, rows, 0, dry_run, problems, codes, started)
        from sqlalchemy.exc import IntegrityError

        try:
            with self.db.write(actor.username) as s:
                self.require(actor, Action.RECORD_LEDGER, s=s)
                allow_long_work(s)
                codes = self.check(s, rows, problems)
                if problems:
                    s.rollback()
                    return self._result(path, rows, 0, dry_run, problems, codes, started)
                self._lock(s, sorted(codes))
                now = utcnow()
                stamp = {"version": 1, "created_at": now, "updated_at": now, "updated_by": actor.username}
                insert_audited(
                    s,
                    LedgerDocument,
                    [{**self.values(r), "source": "import", **stamp} for r in rows],
                    actor.username,
                )
                recompute(s, codes, actor.username)
                s.commit()
        except IntegrityError as exc:
            raise LedgerImportConflict() from exc
        return self._result(path, rows, len(rows), dry_run, problems, codes, started)

    @staticmethod
    def _lock(s: Session, ids: list[int]) -> None:
        """Lock the franchisees whose ledgers change (PostgreSQL; SQLite's BEGIN IMMEDIATE already holds the
        database), in id order, as the hand-entry service does, so their recomputations take turns."""
        if s.get_bind().dialect.name != "postgresql":
            return
        for chunk in chunks(ids):
            s.execute(
                select(Franchisee.id)
                .where(Franchisee.id.in_(chunk))
                .order_by(Franchisee.id)
                .with_for_update()
            )

    def _result(self, path, rows, imported, dry_run, problems, codes, started) -> LedgerImportResult:
        import time

        order = {c.name: i for i, c in enumerate(self.template.columns)}
        ordered = sorted(problems, key=lambda p: (p.row or 0, order.get(p.column or "", len(order))))
        counts: dict[str, int] = {}
        total = Decimal("0.00")
        for r in rows:
            counts[r.kind.value] = counts.get(r.kind.value, 0) + 1
            amount = r.values.get("amount")
            if isinstance(amount, Decimal):
                total += amount
        return LedgerImportResult(
            str(path),
            len(rows),
            imported,
            dry_run,
            tuple(ordered),
            counts,
            len(codes),
            total,
            time.perf_counter() - started,
        )


__all__ = ["LedgerImporter", "LedgerImportResult", "LedgerImportConflict", "Row"]
