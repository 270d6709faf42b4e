"""The allocation rules (domain/allocation.py): order independence, excess, credit notes, same-date order."""

from datetime import date
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from hqdesk.domain.allocation import Applied, Document, ManualAllocation, allocate
from hqdesk.domain.credit import DocumentKind

D = Decimal
INV, CN, PAY, WO = (
    DocumentKind.INVOICE,
    DocumentKind.CREDIT_NOTE,
    DocumentKind.PAYMENT,
    DocumentKind.WRITE_OFF,
)


def inv(id_, number, day, amount, due=None):
    return Document(id_, INV, number, day, D(amount), due or day)


def credit(id_, kind, number, day, amount, invoice_id=None, names=None):
    return Document(
        id_,
        kind,
        number,
        day,
        D(amount),
        None,
        invoice_id,
        names if names is not None else invoice_id is not None,
    )


def pairs(result):
    return sorted((a.credit_id, a.invoice_id, a.amount, a.applied_on) for a in result.applied)


def test_payment_without_invoice_pays_oldest_due_first_then_date_then_number():
    docs = [
        inv(1, "I-3", date(2026, 1, 5), "100", due=date(2026, 2, 1)),
        inv(2, "I-1", date(2026, 1, 1), "100", due=date(2026, 3, 1)),
        inv(3, "I-2", date(2026, 1, 1), "100", due=date(2026, 2, 1)),  # same due as I-3, earlier date
        inv(4, "I-0", date(2026, 1, 5), "100", due=date(2026, 2, 1)),  # same due and date as I-3: number
        credit(9, PAY, "P-1", date(2026, 2, 10), "250"),
    ]
    r = allocate(docs)
    assert pairs(r) == [
        (9, 1, D("50"), date(2026, 2, 10)),
        (9, 3, D("100"), date(2026, 2, 10)),
        (9, 4, D("100"), date(2026, 2, 10)),
    ]
    assert r.open[2] == D("100") and r.open[1] == D("50") and r.open[9] == 0
    assert (
        r.settled_on[3] == date(2026, 2, 10)
        and r.settled_on[1] is None
        and r.settled_on[9] == date(2026, 2, 10)
    )


def test_payment_only_pays_invoices_dated_on_or_before_it_the_rest_is_unapplied():
    docs = [
        inv(1, "I-1", date(2026, 1, 10), "100"),
        inv(2, "I-2", date(2026, 1, 20), "100"),
        credit(3, PAY, "P-1", date(2026, 1, 10), "150"),
    ]
    r = allocate(docs)
    assert pairs(r) == [(3, 1, D("100"), date(2026, 1, 10))]
    assert r.open[3] == D("50") and r.open[2] == D("100")
    assert r.settled_on[3] is None


def test_payment_naming_an_invoice_pays_it_and_the_excess_stays_unapplied():
    docs = [
        inv(1, "I-1", date(2026, 1, 1), "100"),
        inv(2, "I-2", date(2026, 1, 2), "100"),
        credit(3, PAY, "P-1", date(2026, 1, 5), "130", invoice_id=2),
    ]
    r = allocate(docs)
    assert pairs(r) == [(3, 2, D("100"), date(2026, 1, 5))]
    assert r.open[3] == D("30") and r.open[1] == D("100")


def test_a_named_invoice_dated_after_the_payment_is_paid_on_the_invoice_date():
    docs = [
        inv(1, "I-1", date(2026, 3, 1), "80"),
        credit(2, PAY, "P-1", date(2026, 2, 1), "80", invoice_id=1),
    ]
    r = allocate(docs)
    assert pairs(r) == [(2, 1, D("80"), date(2026, 3, 1))]
    assert r.settled_on == {1: date(2026, 3, 1), 2: date(2026, 3, 1)}


def test_payment_naming_an_invoice_not_yet_in_the_ledger_stays_unapplied():
    docs = [
        inv(1, "I-1", date(2026, 1, 1), "100"),
        credit(2, PAY, "P-1", date(2026, 1, 5), "100", names=True),
    ]
    r = allocate(docs)
    assert r.applied == [] and r.open[2] == D("100") and r.open[1] == D("100")


def test_credit_note_with_and_without_applies_to():
    docs = [
        inv(1, "I-1", date(2026, 1, 1), "100"),
        inv(2, "I-2", date(2026, 1, 2), "100"),
        credit(3, CN, "C-1", date(2026, 1, 3), "40", invoice_id=2),  # reduces I-2
        credit(4, CN, "C-2", date(2026, 1, 3), "30"),  # like a payment: the oldest open invoice
    ]
    r = allocate(docs)
    assert pairs(r) == [(3, 2, D("40"), date(2026, 1, 3)), (4, 1, D("30"), date(2026, 1, 3))]
    assert r.open[1] == D("70") and r.open[2] == D("60")


def test_same_date_named_credits_come_first_then_by_reference():
    docs = [
        inv(1, "I-1", date(2026, 1, 1), "100"),
        credit(2, PAY, "A-unnamed", date(2026, 1, 5), "100"),
        credit(3, PAY, "Z-named", date(2026, 1, 5), "100", invoice_id=1),
    ]
    r = allocate(docs)
    # the named payment goes first although its reference sorts later: it pays I-1, A-unnamed stays unapplied
    assert pairs(r) == [(3, 1, D("100"), date(2026, 1, 5))]
    assert r.open[2] == D("100")
    docs2 = [
        inv(1, "I-1", date(2026, 1, 1), "100"),
        credit(2, PAY, "B", date(2026, 1, 5), "100"),
        credit(3, PAY, "A", date(2026, 1, 5), "100"),
    ]
    assert pairs(allocate(docs2)) == [(3, 1, D("100"), date(2026, 1, 5))]


def test_earlier_dates_first_whatever_the_reference():
    docs = [
        inv(1, "I-1", date(2026, 1, 1), "100"),
        credit(2, PAY, "A", date(2026, 1, 9), "100"),
        credit(3, PAY, "Z", date(2026, 1, 8), "100"),
    ]
    assert pairs(allocate(docs)) == [(3, 1, D("100"), date(2026, 1, 8))]


def test_write_off_reduces_its_invoice():
    docs = [
        inv(1, "I-1", date(2025, 1, 1), "500"),
        credit(2, PAY, "P-1", date(2025, 3, 1), "200"),
        credit(3, WO, "WO-1", date(2026, 1, 1), "300", invoice_id=1),
    ]
    r = allocate(docs)
    assert pairs(r) == [(2, 1, D("200"), date(2025, 3, 1)), (3, 1, D("300"), date(2026, 1, 1))]
    assert r.open[1] == 0 and r.settled_on[1] == date(2026, 1, 1)


def test_a_write_off_keeps_its_amount_when_an_earlier_payment_is_entered_later():
    docs = [
        inv(1, "I-1", date(2025, 1, 1), "500"),
        inv(2, "I-2", date(2025, 1, 2), "100"),
        credit(3, WO, "WO-1", date(2026, 1, 1), "500", invoice_id=1),
        credit(4, PAY, "P-1", date(2025, 3, 1), "300"),  # dated before the write-off, entered after it
    ]
    r = allocate(docs)
    assert pairs(r) == [(3, 1, D("500"), date(2026, 1, 1)), (4, 2, D("100"), date(2025, 3, 1))]
    assert r.open[3] == 0 and r.open[4] == D("200")


def test_manual_allocations_are_applied_first_and_kept():
    docs = [
        inv(1, "I-1", date(2026, 1, 1), "100"),
        inv(2, "I-2", date(2026, 1, 2), "100"),
        credit(3, PAY, "P-1", date(2026, 1, 10), "100"),  # would pay I-1 automatically
    ]
    r = allocate(docs, [ManualAllocation(3, 2, D("60"))])
    assert sorted(r.applied, key=lambda a: a.invoice_id) == [
        Applied(3, 1, D("40"), date(2026, 1, 10)),
        Applied(3, 2, D("60"), date(2026, 1, 10), manual=True),
    ]
    assert r.automatic() == [Applied(3, 1, D("40"), date(2026, 1, 10))]


def test_a_manual_allocation_that_no_longer_fits_is_cut_to_what_fits():
    docs = [inv(1, "I-1", date(2026, 1, 1), "50"), credit(2, PAY, "P-1", date(2026, 1, 10), "100")]
    r = allocate(docs, [ManualAllocation(2, 1, D("80")), ManualAllocation(2, 99, D("5"))])
    assert r.applied == [Applied(2, 1, D("50"), date(2026, 1, 10), manual=True)]
    assert r.open[2] == D("50")


# ----- order independence ----------------------------------------------------------------------------------

DAYS = st.dates(min_value=date(2025, 1, 1), max_value=date(2025, 3, 31))
MONEY = st.integers(min_value=1, max_value=50_000).map(lambda c: D(c) / 100)


@st.composite
def ledgers(draw):
    n_inv = draw(st.integers(1, 8))
    docs = []
    for i in range(n_inv):
        day = draw(DAYS)
        due = draw(st.sampled_from([day, date.fromordinal(day.toordinal() + draw(st.integers(0, 60)))]))
        docs.append(inv(100 + i, f"I-{draw(st.integers(0, 5))}{i}", day, draw(MONEY), due))
    numbers = [d.number for d in docs]
    for j in range(draw(st.integers(1, 8))):
        kind = draw(st.sampled_from([PAY, CN]))
        named = draw(st.sampled_from([None, None, *range(100, 100 + n_inv), -1]))  # -1: not yet imported
        docs.append(
            credit(
                200 + j,
                kind,
                f"R-{draw(st.integers(0, 3))}{j}",
                draw(DAYS),
                draw(MONEY),
                invoice_id=None if named in (None, -1) else named,
                names=named is not None,
            )
        )
    assert len(set(numbers)) == len(numbers)
    return docs


def _relabel(docs, permutation):
    """The same documents under other ids (as another import order would number them)."""
    new_id = {d.id: 1000 + permutation.index(i) for i, d in enumerate(docs)}
    out = []
    for d in docs:
        out.append(
            Document(
                new_id[d.id],
                d.kind,
                d.number,
                d.doc_date,
                d.amount,
                d.due_date,
                new_id.get(d.invoice_id) if d.invoice_id is not None else None,
                d.names_invoice,
            )
        )
    return out, new_id


def _by_number(result, docs):
    number = {d.id: (d.kind, d.number) for d in docs}
    return sorted((number[a.credit_id], number[a.invoice_id], a.amount, a.applied_on) for a in result.applied)


@settings(max_examples=200, deadline=None)
@given(docs=ledgers(), data=st.data())
def test_allocation_does_not_depend_on_the_order_documents_came_in(docs, data):
    shuffled = data.draw(st.permutations(docs))
    permutation = data.draw(st.permutations(list(range(len(docs)))))
    relabelled, new_id = _relabel(list(shuffled), list(permutation))
    first = allocate(docs)
    second = allocate(relabelled)
    assert _by_number(first, docs) == _by_number(second, relabelled)
    # conservation: nothing allocated beyond any document, totals agree
    for d in docs:
        used = sum((a.amount for a in first.applied if d.id in (a.credit_id, a.invoice_id)), D(0))
        assert used + first.open[d.id] == d.amount and first.open[d.id] >= 0


def test_payments_before_the_invoices_they_pay_give_the_same_allocation():
    invoices = [inv(1, "I-1", date(2026, 1, 1), "100"), inv(2, "I-2", date(2026, 1, 15), "100")]
    payments = [
        credit(3, PAY, "P-1", date(2026, 1, 20), "150"),
        credit(4, PAY, "P-2", date(2026, 1, 2), "70", 2),
    ]
    a = allocate(invoices + payments)
    b = allocate(payments + invoices)
    assert (
        pairs(a)
        == pairs(b)
        == [
            (3, 1, D("100"), date(2026, 1, 20)),
            (3, 2, D("30"), date(2026, 1, 20)),
            (4, 2, D("70"), date(2026, 1, 15)),
        ]
    )
