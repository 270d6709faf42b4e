"""``hqdesk-admin import payments FILE``: payments from the ERP (all rows or none).

Columns (header row, any order; English or Chinese names): ``franchisee_code``, ``reference``, ``date``,
``amount`` (required); ``invoice_number`` (optional: the invoice the payment pays). An invoice number that is
not in the ledger yet is allowed and kept (the payment stays unapplied credit until that invoice is imported,
then pays it); one that belongs to another franchisee is an error. See ``ledger_rows`` for the checks and the
write.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from hqdesk.domain.credit import DocumentKind
from hqdesk.services.imports.columns import Column, Template
from hqdesk.services.imports.ledger_rows import (
    OTHER_FRANCHISEE,
    LedgerImporter,
    Row,
    check_document,
    duplicates_in_db,
    duplicates_in_file,
    existing,
    franchisee_ids,
)
from hqdesk.services.imports.problems import ImportProblem

PAYMENT_COLUMNS = (
    Column("franchisee_code", "code", ("加盟商编码", "加盟商代码", "加盟商编号", "客户编码"), required=True),
    Column("reference", "code", ("流水号", "收款单号", "付款参考号", "参考号"), required=True),
    Column("date", "date", ("日期", "收款日期", "付款日期"), required=True),
    Column("amount", "decimal", ("金额", "收款金额"), required=True),
    Column("invoice_number", "code", ("发票号", "发票号码", "对应发票")),
)
PAYMENT_TEMPLATE = Template(PAYMENT_COLUMNS)


class PaymentImporter(LedgerImporter):
    template = PAYMENT_TEMPLATE
    number_column = "reference"
    what = "payments"

    def check(self, s: Session, rows: list[Row], problems: list[ImportProblem]) -> dict[int, str]:
        for r in rows:
            r.kind = DocumentKind.PAYMENT
            check_document(r, "reference", problems)
        codes = franchisee_ids(s, rows, problems)
        duplicates_in_file(rows, "reference", problems)
        duplicates_in_db(s, rows, "reference", problems)
        named = [r for r in rows if r.values.get("invoice_number") and r.franchisee_id]
        in_db = existing(s, DocumentKind.INVOICE, (r.values["invoice_number"] for r in named))
        for r in named:
            target = in_db.get(r.values["invoice_number"])
            if target is not None and target.franchisee_id == r.franchisee_id:
                r.values["invoice_id"] = target.id  # linked now: the recomputation need not update the row
            if (
                target is not None
                and target.franchisee_id != r.franchisee_id
                and "invoice_number" not in r.bad
            ):
                problems.append(
                    ImportProblem(
                        r.number,
                        "invoice_number",
                        OTHER_FRANCHISEE,
                        {
                            "number": r.values["invoice_number"],
                            "owner": target.code,
                            "code": codes.get(r.franchisee_id, ""),
                        },
                    )
                )
        return codes

    def values(self, row: Row) -> dict[str, Any]:
        v = row.values
        return {
            "franchisee_id": row.franchisee_id,
            "kind": DocumentKind.PAYMENT.value,
            "number": v["reference"],
            "doc_date": v["date"],
            "amount": v["amount"],
            "due_date": None,
            "applies_to": v.get("invoice_number") or "",
            "invoice_id": v.get("invoice_id"),
            "note": "",
            "settled_on": None,
        }


__all__ = ["PaymentImporter", "PAYMENT_TEMPLATE", "PAYMENT_COLUMNS"]
