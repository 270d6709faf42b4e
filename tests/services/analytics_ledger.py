"""A small ledger written through the ledger service (so the analytics' summaries are kept the real way), with
every figure of it worked out by hand in the tests that use it."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from hqdesk.domain.franchisee import FranchiseeData

D = Decimal


def franchisee(services, admin, code: str, region: str, tier: str, manager: int | None = None) -> int:
    data = FranchiseeData(
        code=code,
        legal_name=f"{code}珠宝有限公司",
        city="上海",
        region=region,
        tier=tier,
        account_manager_id=manager,
    )
    return services.franchisees.create(admin, data).id


def build(services, admin, manager_id: int | None = None) -> dict[str, int]:
    """F1 (华东, A, ``manager_id``) and F2 (华南, B):

    F1: I1 2025-11-10 1,000 due 2025-12-10; I2 2026-10-05 3,000 due 2026-11-04; CN1 2026-10-20 200 on I2;
        I3 2026-10-31 500 due 2026-11-30; I4 2026-11-15 2,000 due 2026-12-15; P1 2026-11-20 1,000 on I2.
    F2: J1 2025-10-31 800 due 2025-11-30; J2 2026-11-01 1,200 due 2026-12-01; W1 2026-11-02 write-off 100 of J1.
    """
    ledger = services.ledger
    f1 = franchisee(services, admin, "F1", "华东", "A", manager_id)
    f2 = franchisee(services, admin, "F2", "华南", "B")
    ledger.record(admin, f1, "invoice", "I1", date(2025, 11, 10), D("1000.00"), date(2025, 12, 10))
    ledger.record(admin, f1, "invoice", "I2", date(2026, 10, 5), D("3000.00"), date(2026, 11, 4))
    ledger.record(admin, f1, "credit_note", "CN1", date(2026, 10, 20), D("200.00"), applies_to="I2")
    ledger.record(admin, f1, "invoice", "I3", date(2026, 10, 31), D("500.00"), date(2026, 11, 30))
    ledger.record(admin, f1, "invoice", "I4", date(2026, 11, 15), D("2000.00"), date(2026, 12, 15))
    ledger.record(admin, f1, "payment", "P1", date(2026, 11, 20), D("1000.00"), applies_to="I2")
    ledger.record(admin, f2, "invoice", "J1", date(2025, 10, 31), D("800.00"), date(2025, 11, 30))
    j2 = ledger.record(admin, f2, "invoice", "J2", date(2026, 11, 1), D("1200.00"), date(2026, 12, 1))
    j1 = services.ledger.documents(admin, f2)
    j1_id = next(line.id for line in j1 if line.number == "J1")
    ledger.write_off(admin, j1_id, D("100.00"), date(2026, 11, 2), "破产清算")
    return {"f1": f1, "f2": f2, "j2": j2}
