"""The ledger service on SQLite and PostgreSQL: recording, allocation kept in the database, running balance,
write-offs, manual allocations, deletion and rights."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import select

from hqdesk.domain.credit import DocumentKind
from hqdesk.domain.errors import PermissionDenied, ValidationError
from hqdesk.domain.franchisee import FranchiseeData
from hqdesk.persistence.models_credit import Allocation, CreditProfile, LedgerDocument
from hqdesk.services.ledger import DocumentInUse

D = Decimal
INV, CN, PAY = DocumentKind.INVOICE, DocumentKind.CREDIT_NOTE, DocumentKind.PAYMENT


@pytest.fixture
def fid(services, admin) -> int:
    return services.franchisees.create(
        admin, FranchiseeData(code="HZ-1", legal_name="杭州味道", city="杭州")
    ).id


@pytest.fixture
def other(services, admin) -> int:
    return services.franchisees.create(
        admin, FranchiseeData(code="SH-2", legal_name="上海金店", city="上海")
    ).id


def lines(services, admin, fid):
    return {line.number: line for line in services.ledger.documents(admin, fid)}


def stored_allocations(services):
    with services.db.read() as s:
        docs = dict(s.execute(select(LedgerDocument.id, LedgerDocument.number)).all())
        return sorted(
            (docs[a.credit_id], docs[a.invoice_id], a.amount, a.applied_on, a.manual)
            for a in s.scalars(select(Allocation))
        )


def test_invoice_due_date_from_the_term_or_the_company_default(services, admin, fid):
    services.ledger.record(admin, fid, INV, "I-1", date(2026, 12, 15), D("100.00"))
    assert lines(services, admin, fid)["I-1"].due_date == date(2027, 1, 14)  # no credit profile: net 30
    with services.db.write("t") as s:
        s.add(CreditProfile(franchisee_id=fid, term_kind="quarterly", term_days=15))
        s.commit()
    services.ledger.record(admin, fid, INV, "I-2", date(2026, 2, 10), D("100.00"))
    services.ledger.record(admin, fid, INV, "I-3", date(2026, 2, 10), D("5.00"), due_date=date(2026, 3, 1))
    got = lines(services, admin, fid)
    assert got["I-2"].due_date == date(2026, 4, 15)
    assert got["I-3"].due_date == date(2026, 3, 1)  # given: kept


def test_payment_before_its_invoice_is_linked_when_the_invoice_arrives(services, admin, fid):
    services.ledger.record(admin, fid, PAY, "P-1", date(2026, 1, 20), D("150.00"), applies_to="I-2")
    services.ledger.record(admin, fid, INV, "I-1", date(2026, 1, 1), D("100.00"))
    assert stored_allocations(services) == []  # named invoice not there: unapplied, I-1 untouched
    services.ledger.record(admin, fid, INV, "I-2", date(2026, 1, 15), D("100.00"))
    assert stored_allocations(services) == [("P-1", "I-2", D("100.00"), date(2026, 1, 20), False)]
    got = lines(services, admin, fid)
    assert got["P-1"].open_amount == D("50.00") and got["P-1"].invoice_id == got["I-2"].id
    assert got["I-2"].settled_on == date(2026, 1, 20) and got["I-1"].settled_on is None
    assert got["P-1"].settled_on is None


def test_running_balance_and_order(services, admin, fid):
    services.ledger.record(admin, fid, PAY, "P-1", date(2026, 2, 1), D("30.00"))
    services.ledger.record(admin, fid, INV, "I-1", date(2026, 1, 1), D("100.00"))
    services.ledger.record(admin, fid, INV, "I-2", date(2026, 2, 1), D("50.25"))
    got = services.ledger.documents(admin, fid)
    assert [(x.number, x.balance) for x in got] == [
        ("I-1", D("100.00")),
        ("I-2", D("150.25")),  # the same day: invoices before credit documents
        ("P-1", D("120.25")),
    ]
    assert got[0].open_amount == D("70.00")  # the payment paid the oldest due invoice
    summary = services.ledger.summary(admin, fid, as_of=date(2026, 3, 5))
    assert (summary.open_invoices, summary.overdue, summary.unapplied, summary.balance) == (
        D("120.25"),
        D("120.25"),
        D("0.00"),
        D("120.25"),
    )
    before = services.ledger.summary(admin, fid, as_of=date(2026, 1, 31))
    assert before.open_invoices == D("100.00") and before.overdue == D("0.00")


def test_credit_note_must_name_an_invoice_of_the_franchisee(services, admin, fid, other):
    services.ledger.record(admin, other, INV, "X-1", date(2026, 1, 1), D("10.00"))
    with pytest.raises(ValidationError) as err:
        services.ledger.record(admin, fid, CN, "C-1", date(2026, 1, 2), D("5.00"), applies_to="NOPE")
    assert err.value.errors[0].field == "applies_to"
    with pytest.raises(ValidationError) as err:
        services.ledger.record(admin, fid, PAY, "P-1", date(2026, 1, 2), D("5.00"), applies_to="X-1")
    assert "SH-2" in err.value.english()
    assert lines(services, admin, fid) == {}


def test_duplicate_number_and_bad_amounts_refused(services, admin, fid):
    services.ledger.record(admin, fid, INV, "I-1", date(2026, 1, 1), D("10.00"))
    for kwargs in (
        {"number": "I-1", "amount": D("1.00")},
        {"number": "I-2", "amount": D("0")},
        {"number": "I-2", "amount": D("-5.00")},
        {"number": "I-2", "amount": D("1.001")},
        {"number": " ", "amount": D("1.00")},
    ):
        with pytest.raises(ValidationError):
            services.ledger.record(admin, fid, INV, kwargs["number"], date(2026, 1, 1), kwargs["amount"])
    with pytest.raises(ValidationError):
        services.ledger.record(
            admin, fid, INV, "I-9", date(2026, 1, 10), D("1.00"), due_date=date(2026, 1, 9)
        )
    assert list(lines(services, admin, fid)) == ["I-1"]
    # the same number is fine for another kind of document
    services.ledger.record(admin, fid, PAY, "I-1", date(2026, 1, 2), D("1.00"))


def test_write_off_rules(services, users, fid):
    cm, am = users["cm"], users["am"]
    services.ledger.record(cm, fid, INV, "I-1", date(2025, 1, 1), D("500.00"))
    services.ledger.record(cm, fid, PAY, "P-1", date(2025, 2, 1), D("200.00"))
    invoice = lines(services, cm, fid)["I-1"]
    with pytest.raises(ValidationError) as err:
        services.ledger.write_off(cm, invoice.id, D("300.01"), date(2026, 1, 1), "bankrupt")
    assert "300.00" in err.value.english()
    with pytest.raises(ValidationError):
        services.ledger.write_off(cm, invoice.id, D("100.00"), date(2026, 1, 1), "  ")
    with pytest.raises(PermissionDenied):
        services.ledger.write_off(am, invoice.id, D("100.00"), date(2026, 1, 1), "bankrupt")
    wo = services.ledger.write_off(cm, invoice.id, D("300.00"), date(2026, 1, 1), "bankrupt")
    got = lines(services, cm, fid)
    assert got["I-1"].open_amount == 0 and got["I-1"].settled_on == date(2026, 1, 1)
    assert got["WO-I-1"].id == wo and got["WO-I-1"].kind is DocumentKind.WRITE_OFF
    assert got["WO-I-1"].note == "bankrupt"
    with pytest.raises(ValidationError):  # nothing open any more
        services.ledger.write_off(cm, invoice.id, D("1.00"), date(2026, 1, 2), "again")


def test_apply_unapplied_credit_by_hand(services, admin, fid):
    services.ledger.record(admin, fid, INV, "I-1", date(2026, 1, 1), D("100.00"))
    services.ledger.record(admin, fid, PAY, "P-1", date(2026, 1, 10), D("150.00"))
    services.ledger.record(admin, fid, INV, "I-2", date(2026, 1, 20), D("80.00"))  # after the payment
    got = lines(services, admin, fid)
    assert got["P-1"].open_amount == D("50.00") and got["I-2"].open_amount == D("80.00")
    with pytest.raises(ValidationError):
        services.ledger.apply_credit(admin, got["P-1"].id, got["I-2"].id, D("50.01"))
    services.ledger.apply_credit(admin, got["P-1"].id, got["I-2"].id, D("50.00"))
    got = lines(services, admin, fid)
    assert got["P-1"].open_amount == 0 and got["I-2"].open_amount == D("30.00")
    assert ("P-1", "I-2", D("50.00"), date(2026, 1, 20), True) in stored_allocations(services)
    # the manual allocation stays when other documents arrive, and the payment's rest still pays I-1
    services.ledger.record(admin, fid, PAY, "P-0", date(2026, 1, 5), D("10.00"))
    assert stored_allocations(services) == [
        ("P-0", "I-1", D("10.00"), date(2026, 1, 5), False),
        ("P-1", "I-1", D("90.00"), date(2026, 1, 10), False),
        ("P-1", "I-2", D("50.00"), date(2026, 1, 20), True),
    ]
    allocations = services.ledger.allocations(admin, got["P-1"].id)
    assert [(x.other_number, x.amount, x.manual) for x in allocations] == [
        ("I-1", D("90.00"), False),
        ("I-2", D("50.00"), True),
    ]
    # a document a manual allocation uses cannot be deleted; once it is undone it can
    with pytest.raises(DocumentInUse):
        services.ledger.delete(admin, got["I-2"].id)
    manual = next(x for x in allocations if x.manual)
    services.ledger.remove_manual_allocation(admin, manual.id)
    services.ledger.delete(admin, got["I-2"].id)
    assert "I-2" not in lines(services, admin, fid)


def test_deleting_a_payment_reallocates(services, admin, fid):
    services.ledger.record(admin, fid, INV, "I-1", date(2026, 1, 1), D("100.00"))
    pay = services.ledger.record(admin, fid, PAY, "P-1", date(2026, 1, 10), D("100.00"))
    assert lines(services, admin, fid)["I-1"].settled_on == date(2026, 1, 10)
    services.ledger.delete(admin, pay)
    got = lines(services, admin, fid)
    assert got["I-1"].open_amount == D("100.00") and got["I-1"].settled_on is None
    assert stored_allocations(services) == []


def test_an_invoice_a_payment_names_cannot_be_deleted(services, admin, fid):
    inv = services.ledger.record(admin, fid, INV, "I-1", date(2026, 1, 1), D("100.00"))
    services.ledger.record(admin, fid, PAY, "P-1", date(2026, 1, 10), D("40.00"), applies_to="I-1")
    with pytest.raises(DocumentInUse):
        services.ledger.delete(admin, inv)
    assert "I-1" in lines(services, admin, fid)


def test_rights_account_manager_and_viewer_cannot_record(services, users, fid):
    for name in ("am", "viewer"):
        with pytest.raises(PermissionDenied):
            services.ledger.record(users[name], fid, INV, f"I-{name}", date(2026, 1, 1), D("1.00"))
    services.ledger.record(users["cm"], fid, INV, "I-cm", date(2026, 1, 1), D("1.00"))
    # everyone who sees franchisees sees the ledger
    assert [x.number for x in services.ledger.documents(users["am"], fid)] == ["I-cm"]
    assert [x.number for x in services.ledger.documents(users["viewer"], fid)] == ["I-cm"]
