"""``hqdesk-admin import invoices FILE``: invoices and credit notes from the ERP (all rows or none).

Columns (header row, any order; English or Chinese names): ``franchisee_code``, ``number``, ``date``,
``amount`` (required); ``due_date`` (empty: computed from the franchisee's settlement term), ``kind``
(``invoice`` | ``credit_note``, default invoice), ``applies_to`` (credit notes: the invoice number they
reduce, optional). A credit note that names an invoice needs that invoice in the ledger already or in the same
file, for the same franchisee (a credit note is issued against an invoice that exists); an invoice row cannot
name one. See ``ledger_rows`` for the checks and the write.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from hqdesk.domain.credit import DocumentKind
from hqdesk.domain.i18n import QT_TRANSLATE_NOOP
from hqdesk.services.imports.columns import Column, Template
from hqdesk.services.imports.ledger_rows import (
    NAMED_BY_OTHER,
    OTHER_FRANCHISEE,
    LedgerImporter,
    Row,
    check_document,
    due_dates,
    duplicates_in_db,
    duplicates_in_file,
    existing,
    franchisee_ids,
    naming,
)
from hqdesk.services.imports.problems import ImportProblem

KIND_WORDS = {
    "invoice": DocumentKind.INVOICE,
    "发票": DocumentKind.INVOICE,
    "销售发票": DocumentKind.INVOICE,
    "credit_note": DocumentKind.CREDIT_NOTE,
    "credit note": DocumentKind.CREDIT_NOTE,
    "贷项通知单": DocumentKind.CREDIT_NOTE,
    "红字发票": DocumentKind.CREDIT_NOTE,
}

INVOICE_COLUMNS = (
    Column("franchisee_code", "code", ("加盟商编码", "加盟商代码", "加盟商编号", "客户编码"), required=True),
    Column("number", "code", ("单号", "发票号", "发票号码", "单据号"), required=True),
    Column("date", "date", ("日期", "发票日期", "单据日期"), required=True),
    Column("amount", "decimal", ("金额", "发票金额"), required=True),
    Column("due_date", "date", ("到期日", "到期日期")),
    Column(
        "kind",
        "choice",
        ("类型", "单据类型"),
        choices=KIND_WORDS,
        unknown=QT_TRANSLATE_NOOP("Import", "Unknown kind {value}; use invoice or credit_note."),
    ),
    Column("applies_to", "code", ("对应发票", "原发票号")),
)
INVOICE_TEMPLATE = Template(INVOICE_COLUMNS)

INVOICE_NAMES_NOTHING = QT_TRANSLATE_NOOP(
    "Import", "Only a credit note names an invoice: leave applies_to empty on an invoice row."
)
CREDIT_NOTE_INVOICE_MISSING = QT_TRANSLATE_NOOP(
    "Import",
    "There is no invoice {number} of franchisee {code} in the ledger or in this file; a credit note can only "
    "reduce an invoice that exists.",
)


class InvoiceImporter(LedgerImporter):
    template = INVOICE_TEMPLATE
    number_column = "number"
    what = "invoices"

    def check(self, s: Session, rows: list[Row], problems: list[ImportProblem]) -> dict[int, str]:
        for r in rows:
            r.kind = r.values.get("kind") or DocumentKind.INVOICE
            check_document(r, "number", problems)
            if r.kind is DocumentKind.INVOICE and r.values.get("applies_to"):
                problems.append(ImportProblem(r.number, "applies_to", INVOICE_NAMES_NOTHING))
                r.bad.add("applies_to")
        codes = franchisee_ids(s, rows, problems)
        duplicates_in_file(rows, "number", problems)
        duplicates_in_db(s, rows, "number", problems)
        invoices = [r for r in rows if r.kind is DocumentKind.INVOICE]
        # an invoice number a payment or credit note of ANOTHER franchisee already names
        named = naming(s, (r.values.get("number") or "" for r in invoices))
        for r in invoices:
            for other in named.get(r.values.get("number") or "", []):
                if r.franchisee_id and other.franchisee_id != r.franchisee_id and "number" not in r.bad:
                    problems.append(
                        ImportProblem(
                            r.number,
                            "number",
                            NAMED_BY_OTHER,
                            {
                                "kind": DocumentKind(other.kind).label,
                                "reference": other.number,
                                "owner": other.code,
                                "code": codes.get(r.franchisee_id, ""),
                            },
                        )
                    )
                    r.bad.add("number")
                    break
        # credit notes: the invoice they name exists, in the ledger or in the file, for the same franchisee
        in_file = {r.values.get("number"): r for r in invoices if r.values.get("number")}
        notes = [r for r in rows if r.kind is DocumentKind.CREDIT_NOTE and r.values.get("applies_to")]
        in_db = existing(s, DocumentKind.INVOICE, (r.values["applies_to"] for r in notes))
        for r in notes:
            if not r.franchisee_id or "applies_to" in r.bad:
                continue
            target = r.values["applies_to"]
            owner = None
            if target in in_db:
                owner = (in_db[target].franchisee_id, in_db[target].code)
            elif target in in_file and in_file[target].franchisee_id:
                fid = in_file[target].franchisee_id
                owner = (fid, codes.get(fid, ""))
            if owner is None:
                problems.append(
                    ImportProblem(
                        r.number,
                        "applies_to",
                        CREDIT_NOTE_INVOICE_MISSING,
                        {"number": target, "code": codes.get(r.franchisee_id, "")},
                    )
                )
            elif owner[0] != r.franchisee_id:
                problems.append(
                    ImportProblem(
                        r.number,
                        "applies_to",
                        OTHER_FRANCHISEE,
                        {"number": target, "owner": owner[1], "code": codes.get(r.franchisee_id, "")},
                    )
                )
        if not problems:
            due_dates(s, rows)
        return codes

    def values(self, row: Row) -> dict[str, Any]:
        v = row.values
        invoice = row.kind is DocumentKind.INVOICE
        return {
            "franchisee_id": row.franchisee_id,
            "kind": row.kind.value,
            "number": v["number"],
            "doc_date": v["date"],
            "amount": v["amount"],
            "due_date": v.get("due_date") if invoice else None,
            "applies_to": "" if invoice else (v.get("applies_to") or ""),
            "invoice_id": None,  # linked by the recomputation
            "note": "",
            "settled_on": None,
        }


__all__ = ["InvoiceImporter", "INVOICE_TEMPLATE", "INVOICE_COLUMNS"]
