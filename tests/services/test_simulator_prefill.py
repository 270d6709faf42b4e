"""The simulator's starting point from the ledger: per settlement term, the last 12 months' credit sales,
amount-weighted collection days and bad-debt loss rate (SQLite and PostgreSQL)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from hqdesk.domain.credit import TermKind
from hqdesk.persistence.models_credit import CreditProfile
from hqdesk.services.credit_simulator import CreditSimulatorService, window
from tests.receivables_ledger import LedgerWriter, add_franchisee

D = Decimal


def test_observed_per_settlement_term(services, admin, users):
    f1 = add_franchisee(services, admin, "F1")
    f2 = add_franchisee(services, admin, "F2")
    f3 = add_franchisee(services, admin, "F3")  # no credit profile: the profile's defaults (net 30)
    with services.db.write("t") as s:
        s.add_all(
            [
                CreditProfile(franchisee_id=f1, term_kind="net", term_days=30),
                CreditProfile(franchisee_id=f2, term_kind="monthly", term_days=0),
            ]
        )
        s.commit()
    w = LedgerWriter()
    a0 = w.invoice(f1, "A0", date(2025, 5, 1), "800.00", date(2025, 5, 31))  # before the window...
    p0 = w.payment(f1, "P0", date(2025, 7, 11), "800.00")
    w.allocate(p0, a0)  # ...collected in it after 71 days: counts in the collection days only
    a1 = w.invoice(f1, "A1", date(2026, 1, 10), "1000.00", date(2026, 2, 9))
    p1 = w.payment(f1, "P1", date(2026, 2, 19), "1000.00")
    w.allocate(p1, a1)  # 40 days
    a2 = w.invoice(f1, "A2", date(2026, 3, 1), "2000.00", date(2026, 3, 31))
    cn = w.credit_note(f1, "CN", date(2026, 3, 11), "500.00")
    w.allocate(cn, a2)  # 10 days
    p2 = w.payment(f1, "P2", date(2026, 4, 30), "1500.00")
    w.allocate(p2, a2)  # 60 days
    c1 = w.invoice(f3, "C1", date(2026, 5, 1), "600.00", date(2026, 5, 31))
    wo = w.write_off(f3, "W1", date(2026, 6, 1), "600.00")
    w.allocate(wo, c1)  # a write-off is no collection
    m1 = w.invoice(f2, "M1", date(2026, 2, 15), "5000.00", date(2026, 2, 28))
    pm = w.payment(f2, "PM", date(2026, 4, 15), "5000.00")
    w.allocate(pm, m1)  # 59 days
    w.invoice(f2, "LATER", date(2026, 7, 1), "99.00", date(2026, 7, 31))  # after the window
    w.commit(services)

    net, monthly = CreditSimulatorService(services.db).observed(users["viewer"], date(2026, 6, 30))
    assert (net.term_kind, net.term_days, net.franchisees) == (TermKind.NET, 30, 2)
    assert net.credit_sales == D("3100.00")  # 1,000 + 2,000 - 500 + 600
    # (1,000 x 40 + 500 x 10 + 1,500 x 60 + 800 x 71) / 3,800 = 191,800 / 3,800
    assert net.collected == D("3800.00")
    assert net.collection_days == D(191800) / D(3800)
    assert net.write_offs == D("600.00") and net.bad_debt_rate == D("600") / D("3100")
    assert (monthly.term_kind, monthly.term_days, monthly.franchisees) == (TermKind.MONTHLY, 0, 1)
    assert monthly.credit_sales == D("5000.00") and monthly.collection_days == D(59)
    assert monthly.bad_debt_rate == 0


def test_the_window_is_twelve_months():
    assert window(date(2026, 6, 30)) == (date(2025, 7, 1), date(2026, 6, 30))
    assert window(date(2028, 2, 29)) == (date(2027, 3, 1), date(2028, 2, 29))


def test_an_empty_ledger_has_no_terms(services, admin):
    assert CreditSimulatorService(services.db).observed(admin, date(2026, 6, 30)) == []
