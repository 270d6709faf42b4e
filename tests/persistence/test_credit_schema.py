"""The credit tables as migrated: exact cents, the seeded policy and presets, constraints."""

from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from hqdesk.domain.credit import DunningAction
from hqdesk.domain.franchisee import FranchiseeData
from hqdesk.persistence.models_credit import CollectionPolicy, CreditPolicy, DunningLevel, LedgerDocument


def _invoice(fid: int, number: str, amount: str) -> LedgerDocument:
    return LedgerDocument(
        franchisee_id=fid,
        kind="invoice",
        number=number,
        doc_date=date(2026, 1, 5),
        amount=Decimal(amount),
        due_date=date(2026, 2, 4),
    )


@pytest.fixture
def franchisee_id(services, admin):
    return services.franchisees.create(
        admin, FranchiseeData(code="C1", legal_name="甲公司", city="上海", tier="A")
    ).id


def test_ledger_sums_are_exact_to_the_cent(services, franchisee_id):
    with services.db.write("t") as s:
        s.add_all(_invoice(franchisee_id, f"INV{i}", "0.10") for i in range(1000))
        s.add(_invoice(franchisee_id, "BIG", "12345678901.23"))
        s.commit()
    with services.db.read() as s:
        total = s.scalar(select(func.sum(LedgerDocument.amount)))
    # 1,000 x 0.10 summed as floats would not be exactly 100.00
    assert total == Decimal("12345679001.23")
    assert isinstance(total, Decimal)


def test_an_amount_with_more_than_two_decimals_is_refused(services, franchisee_id):
    with pytest.raises(Exception, match="more than two decimals"):
        with services.db.write("t") as s:
            s.add(_invoice(franchisee_id, "X", "1.005"))
            s.commit()


def test_amounts_must_be_positive_and_invoices_have_a_due_date(services, franchisee_id):
    with pytest.raises(IntegrityError):
        with services.db.write("t") as s:
            s.add(_invoice(franchisee_id, "NEG", "-1.00"))
            s.commit()
    bad = _invoice(franchisee_id, "NODUE", "1.00")
    bad.due_date = None
    with pytest.raises(IntegrityError):
        with services.db.write("t") as s:
            s.add(bad)
            s.commit()


def test_the_migration_seeds_the_policy_and_three_collection_presets(services):
    with services.db.read() as s:
        policy = s.get(CreditPolicy, 1)
        presets = s.scalars(select(CollectionPolicy).order_by(CollectionPolicy.sort_order)).all()
        levels = s.scalars(select(DunningLevel).order_by(DunningLevel.policy_id, DunningLevel.level)).all()
        s.expunge_all()
    assert (policy.normal_loss_rate, policy.credit_standard) == (Decimal("0.02"), Decimal("0.05"))
    assert policy.aging_bounds == "30,60,90,180,365"
    assert [p.code for p in presets] == ["strict", "standard", "lenient"]
    assert policy.default_collection_policy_id == presets[1].id
    by_policy = {}
    for lv in levels:
        by_policy.setdefault(lv.policy_id, []).append(lv)
        assert DunningAction(lv.action)
    for steps in by_policy.values():
        days = [lv.days_overdue for lv in steps]
        assert days == sorted(days) and len(set(days)) == len(days)
    # the stricter the policy, the sooner each action comes
    strict, standard, lenient = (by_policy[p.id] for p in presets)
    assert strict[0].days_overdue < standard[0].days_overdue < lenient[0].days_overdue
    assert presets[0].tolerance_days < presets[1].tolerance_days < presets[2].tolerance_days
