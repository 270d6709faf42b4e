"""ERP imports of the ledger (invoices, credit notes, payments): layouts, checks, atomicity, encodings, the
allocation they leave, and the command line's contract."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import func, select

from hqdesk.cli import main
from hqdesk.domain.franchisee import FranchiseeData
from hqdesk.persistence.models_credit import Allocation, CreditProfile, LedgerDocument
from hqdesk.services.imports.invoices import InvoiceImporter
from hqdesk.services.imports.payments import PaymentImporter

D = Decimal


@pytest.fixture
def codes(services, admin):
    ids = {}
    for code, name in (("HZ-1", "杭州金店"), ("SH-2", "上海金店")):
        ids[code] = services.franchisees.create(
            admin, FranchiseeData(code=code, legal_name=name, city="杭州")
        ).id
    return ids


def write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_bytes(text.encode(encoding))
    return path


def doc_count(services) -> int:
    with services.db.read() as s:
        return s.scalar(select(func.count()).select_from(LedgerDocument))


def allocations(services):
    with services.db.read() as s:
        number = dict(s.execute(select(LedgerDocument.id, LedgerDocument.number)).all())
        return sorted(
            (number[a.credit_id], number[a.invoice_id], a.amount, a.applied_on)
            for a in s.scalars(select(Allocation))
        )


INVOICES = (
    "kind,number,franchisee_code,date,amount,due_date,applies_to\n"
    "invoice,I-1,HZ-1,2026-01-05,1000.00,,\n"
    "invoice,I-2,HZ-1,2026-02-10,500.00,2026-03-01,\n"
    ",I-3,SH-2,2026-02-10,200.00,,\n"
    "credit_note,C-1,HZ-1,2026-02-12,100.00,,I-2\n"
)
PAYMENTS = (
    "franchisee_code,reference,date,amount,invoice_number\n"
    "HZ-1,P-1,2026-02-20,1200.00,\n"
    "SH-2,P-2,2026-01-02,50.00,I-3\n"
)


def test_invoices_then_payments(services, admin, codes, tmp_path):
    with services.db.write("t") as s:
        s.add(CreditProfile(franchisee_id=codes["SH-2"], term_kind="quarterly", term_days=15))
        s.commit()
    result = InvoiceImporter(services.db).import_file(admin, write(tmp_path / "i.csv", INVOICES))
    assert result.ok and result.imported == 4 and result.counts == {"invoice": 3, "credit_note": 1}
    assert result.franchisees == 2 and result.total == D("1800.00")
    lines = {x.number: x for x in services.ledger.documents(admin, codes["HZ-1"])}
    assert lines["I-1"].due_date == date(2026, 2, 4)  # no profile: net 30
    assert lines["I-2"].due_date == date(2026, 3, 1)  # given
    assert lines["C-1"].invoice_id == lines["I-2"].id and lines["I-2"].open_amount == D("400.00")
    assert services.ledger.documents(admin, codes["SH-2"])[0].due_date == date(2026, 4, 15)  # quarterly + 15
    result = PaymentImporter(services.db).import_file(admin, write(tmp_path / "p.csv", PAYMENTS))
    assert result.ok and result.imported == 2
    assert allocations(services) == [
        ("C-1", "I-2", D("100.00"), date(2026, 2, 12)),
        ("P-1", "I-1", D("1000.00"), date(2026, 2, 20)),
        ("P-1", "I-2", D("200.00"), date(2026, 2, 20)),
        ("P-2", "I-3", D("50.00"), date(2026, 2, 10)),
    ]


def test_payments_before_invoices_give_the_same_allocation(services, admin, codes, tmp_path):
    PaymentImporter(services.db).import_file(admin, write(tmp_path / "p.csv", PAYMENTS))
    assert allocations(services) == []  # nothing to pay yet: all unapplied
    InvoiceImporter(services.db).import_file(admin, write(tmp_path / "i.csv", INVOICES))
    assert allocations(services) == [
        ("C-1", "I-2", D("100.00"), date(2026, 2, 12)),
        ("P-1", "I-1", D("1000.00"), date(2026, 2, 20)),
        ("P-1", "I-2", D("200.00"), date(2026, 2, 20)),
        ("P-2", "I-3", D("50.00"), date(2026, 2, 10)),
    ]


def test_every_problem_named_by_row_and_column_nothing_written(services, admin, codes, tmp_path):
    services.ledger.record(admin, codes["SH-2"], "invoice", "X-9", date(2026, 1, 1), D("10.00"))
    text = (
        "franchisee_code,number,date,amount,kind,applies_to,due_date\n"
        "HZ-1,I-1,2026-01-05,100.00,,,\n"  # fine
        "NOPE,I-2,2026-01-05,100.00,,,\n"  # row 3: unknown franchisee
        "HZ-1,I-1,2026-01-06,100.00,,,\n"  # row 4: duplicate in the file
        "HZ-1,X-9,2026-01-06,100.00,,,\n"  # row 5: already in the ledger
        "HZ-1,I-5,2026-01-06,-5.00,,,\n"  # row 6: negative
        "HZ-1,I-6,2026-01-06,5.001,,,\n"  # row 7: three decimals
        "HZ-1,I-7,2026-13-06,5.00,,,\n"  # row 8: no such date
        "HZ-1,C-1,2026-01-06,5.00,credit_note,X-9,\n"  # row 9: another franchisee's invoice
        "HZ-1,C-2,2026-01-06,5.00,credit_note,ZZZ,\n"  # row 10: no such invoice
        "HZ-1,I-8,2026-01-06,5.00,bill,,\n"  # row 11: unknown kind
        "HZ-1,I-9,2026-01-06,5.00,,,2026-01-01\n"  # row 12: due before the date
        "HZ-1,,2026-01-06,5.00,,,\n"  # row 13: no number
    )
    result = InvoiceImporter(services.db).import_file(admin, write(tmp_path / "bad.csv", text))
    got = [(p.row, p.column) for p in result.errors]
    assert got == [
        (3, "franchisee_code"),
        (4, "number"),
        (5, "number"),
        (6, "amount"),
        (7, "amount"),
        (8, "date"),
        (9, "applies_to"),
        (10, "applies_to"),
        (11, "kind"),
        (12, "due_date"),
        (13, "number"),
    ]
    messages = [p.english() for p in result.errors]
    assert "No franchisee has the code NOPE." in messages[0]
    assert "also on row 2" in messages[1]
    assert "SH-2" in messages[6]
    assert result.imported == 0 and doc_count(services) == 1


def test_payment_naming_another_franchisees_invoice_refused_unknown_allowed(services, admin, codes, tmp_path):
    services.ledger.record(admin, codes["SH-2"], "invoice", "X-9", date(2026, 1, 1), D("10.00"))
    bad = "franchisee_code,reference,date,amount,invoice_number\nHZ-1,P-1,2026-01-02,5.00,X-9\n"
    result = PaymentImporter(services.db).import_file(admin, write(tmp_path / "p.csv", bad))
    assert [(p.row, p.column) for p in result.errors] == [(2, "invoice_number")]
    assert "belongs to franchisee SH-2, not to HZ-1" in result.errors[0].english()
    ok = "franchisee_code,reference,date,amount,invoice_number\nHZ-1,P-1,2026-01-02,5.00,LATER-1\n"
    assert PaymentImporter(services.db).import_file(admin, write(tmp_path / "p2.csv", ok)).ok
    # the invoice it names may not then go to another franchisee
    inv = "franchisee_code,number,date,amount\nSH-2,LATER-1,2026-01-01,5.00\n"
    result = InvoiceImporter(services.db).import_file(admin, write(tmp_path / "i.csv", inv))
    assert [(p.row, p.column) for p in result.errors] == [(2, "number")]


def test_one_bad_row_among_10000_writes_nothing(services, admin, codes, tmp_path):
    lines = ["franchisee_code,number,date,amount"]
    lines += [f"HZ-1,I-{i:05d},2026-01-{1 + i % 28:02d},{100 + i % 50}.50" for i in range(10_000)]
    lines[7_001] = "HZ-1,I-BAD,2026-02-30,1.00"  # row 7002: no such day
    path = write(tmp_path / "big.csv", "\n".join(lines) + "\n")
    result = InvoiceImporter(services.db).import_file(admin, path)
    assert [(p.row, p.column) for p in result.errors] == [(7002, "date")]
    assert doc_count(services) == 0
    lines[7_001] = "HZ-1,I-GOOD,2026-02-28,1.00"
    result = InvoiceImporter(services.db).import_file(admin, write(tmp_path / "big.csv", "\n".join(lines)))
    assert result.ok and doc_count(services) == 10_000


@pytest.mark.parametrize("encoding", ["gbk", "gb18030", "utf-8-sig", "utf-8"])
def test_encodings_with_chinese_headers(services, admin, codes, tmp_path, encoding):
    text = '加盟商编码,流水号,收款日期,金额,发票号\nHZ-1,银行回单-1,2026/01/02,"1,234.50",\n'
    result = PaymentImporter(services.db).import_file(admin, write(tmp_path / "p.csv", text, encoding))
    assert result.ok, result.errors
    (line,) = services.ledger.documents(admin, codes["HZ-1"])
    assert (line.number, line.amount, line.doc_date) == ("银行回单-1", D("1234.50"), date(2026, 1, 2))


def test_xlsx(services, admin, codes, tmp_path):
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.append(["number", "franchisee_code", "amount", "date", "kind"])
    ws.append(["I-1", "HZ-1", 1000.5, date(2026, 3, 1), "invoice"])
    ws.append(["C-1", "HZ-1", "20.00", "2026-03-02", "credit_note"])
    path = tmp_path / "i.xlsx"
    wb.save(path)
    result = InvoiceImporter(services.db).import_file(admin, path)
    assert result.ok, result.errors
    got = {x.number: x for x in services.ledger.documents(admin, codes["HZ-1"])}
    assert got["I-1"].amount == D("1000.50") and got["I-1"].open_amount == D("980.50")


def test_account_manager_cannot_import(services, users, codes, tmp_path):
    from hqdesk.domain.errors import PermissionDenied

    with pytest.raises(PermissionDenied):
        PaymentImporter(services.db).import_file(users["am"], write(tmp_path / "p.csv", PAYMENTS))
    assert doc_count(services) == 0


def test_cli_contract(services, admin, codes, tmp_path, capsys, migrated_db_url):
    invoices = write(tmp_path / "i.csv", INVOICES)
    assert main(["import", "invoices", str(invoices), "--dry-run", "--db", migrated_db_url]) == 0
    out, err = capsys.readouterr()
    assert out == (
        "dry run: 4 documents (3 invoices, 1 credit notes) can be imported for 2 franchisees, total 1800.00; "
        "nothing was written\n"
    )
    assert doc_count(services) == 0
    assert main(["import", "invoices", str(invoices), "--db", migrated_db_url]) == 0
    out, err = capsys.readouterr()
    assert out.startswith(
        "imported 4 documents (3 invoices, 1 credit notes) for 2 franchisees, total 1800.00 in "
    )
    bad = write(tmp_path / "p.csv", "franchisee_code,reference,date,amount\nXX,P-1,2026-01-01,1.00\n")
    assert main(["import", "payments", str(bad), "--db", migrated_db_url]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err == (
        "row 2, column franchisee_code: No franchisee has the code XX.\n"
        f"hqdesk-admin: refused: 1 problem(s) in {bad}; nothing was imported\n"
    )
    good = write(tmp_path / "p.csv", PAYMENTS)
    assert main(["import", "payments", str(good), "--db", migrated_db_url, "--json"]) == 0
    import json

    data = json.loads(capsys.readouterr()[0])
    assert data["imported"] == 2 and data["counts"] == {"payment": 2} and data["total"] == "1250.00"
