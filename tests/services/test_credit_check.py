"""The credit check on the ledger as of a date, and overrides."""

from dataclasses import replace
from datetime import date
from decimal import Decimal as D

import pytest

from hqdesk.domain.credit import Decision
from hqdesk.domain.errors import PermissionDenied, ValidationError
from hqdesk.services.credit_check import UnknownFranchisee
from hqdesk.services.credit_profiles import DEFAULTS
from tests import ledger_rows as L


@pytest.fixture
def fid(services, users):
    fid = L.franchisee(services, users["admin"], "CC1", manager_id=users["am"].user_id)
    services.credit_profiles.save(users["cm"], fid, 0, replace(DEFAULTS, credit_limit=D("10000.00")), "授信")
    i1 = L.invoice(services, fid, date(2026, 1, 1), "3000.00", due=date(2026, 1, 31))
    L.invoice(services, fid, date(2026, 2, 1), "2000.00", due=date(2026, 3, 3))
    # paid 1000.00 of the first invoice on 10 February, and 500.00 more sits unapplied from 20 February
    L.credit(services, fid, "payment", date(2026, 2, 10), "1000.00", {i1: "1000.00"})
    L.credit(services, fid, "payment", date(2026, 2, 20), "500.00")
    return fid


def test_open_balance_is_open_invoices_less_unapplied_credit_as_of_the_date(services, users, fid):
    check = services.credit_check.check(users["am"], fid, D("1000.00"), date(2026, 2, 25))
    # 2000.00 open on I1 + 2000.00 on I2 - 500.00 unapplied = 3500.00
    assert check.facts.open_balance == D("3500.00")
    assert check.facts.max_days_overdue == 25 and check.facts.amount_overdue == D("2000.00")
    assert check.decision is Decision.BLOCK  # 25 days > the standard policy's 15 days' tolerance
    assert "2,000.00 is overdue, the oldest by 25 days: more than the 15 days" in check.texts()[0]
    before = services.credit_check.check(users["am"], fid, D("1000.00"), date(2026, 1, 20))
    assert before.facts.open_balance == D("3000.00") and before.decision is Decision.APPROVE


def test_overdue_within_tolerance_warns(services, users, fid):
    check = services.credit_check.check(users["am"], fid, D("1.00"), date(2026, 2, 10))
    assert check.facts.max_days_overdue == 10
    assert check.decision is Decision.WARN


def test_check_by_code_and_bad_input(services, users, fid):
    assert (
        services.credit_check.check_code(users["viewer"], "CC1", D("1.00"), date(2026, 1, 5)).franchisee_id
        == fid
    )
    with pytest.raises(UnknownFranchisee):
        services.credit_check.check_code(users["viewer"], "NOPE", D("1.00"))
    for bad in ("0", "-5", "1.001"):
        with pytest.raises(ValidationError):
            services.credit_check.check(users["viewer"], fid, D(bad))


def test_override_keeps_the_reason_and_needs_a_credit_manager(services, users, fid):
    check = services.credit_check.check(users["am"], fid, D("1000.00"), date(2026, 2, 25))
    with pytest.raises(PermissionDenied):
        services.credit_check.override(users["am"], check, "老客户")
    with pytest.raises(ValidationError):
        services.credit_check.override(users["cm"], check, " ")
    done = services.credit_check.override(users["cm"], check, "老客户，已电话确认付款")
    assert done.override_reason == "老客户，已电话确认付款" and done.overridden_by == "cm"
    assert services.credit_check.overrides(users["viewer"], fid)[0].reasons == tuple(check.texts())
    ok = services.credit_check.check(users["am"], fid, D("1.00"), date(2026, 1, 5))
    with pytest.raises(ValidationError):
        services.credit_check.override(users["cm"], ok, "no block to override")


def test_a_profile_without_a_rate_is_checked_with_the_derived_rate(services, users, fid):
    """A profile row whose rate is empty but not flagged as derived (written by another tool, or by the ledger
    demo before this fix) is checked with the derived rate, not a crash."""
    from sqlalchemy import update

    from hqdesk.persistence.models_credit import CreditProfile

    with services.db.write("t") as s:
        s.execute(
            update(CreditProfile)
            .where(CreditProfile.franchisee_id == fid)
            .values(expected_loss_rate=None, loss_rate_derived=False)
        )
        s.commit()
    check = services.credit_check.check(users["am"], fid, D("1.00"), date(2026, 1, 20))
    assert check.decision is Decision.APPROVE and check.facts.expected_loss_rate is not None


def test_the_readme_example_through_the_real_ledger(services, users):
    """The README's credit-check example, recorded through LedgerService so its allocation rules apply: the
    500.00 naming no invoice pays the oldest due invoice, so 1,500.00 (not 2,000.00) is overdue."""
    cm = users["cm"]
    fid = L.franchisee(services, users["admin"], "RM1", manager_id=users["am"].user_id)
    services.credit_profiles.save(cm, fid, 0, replace(DEFAULTS, credit_limit=D("10000.00")), "授信")
    services.ledger.record(
        cm, fid, "invoice", "RI1", date(2026, 1, 1), D("3000.00"), due_date=date(2026, 1, 31)
    )
    services.ledger.record(
        cm, fid, "invoice", "RI2", date(2026, 2, 1), D("2000.00"), due_date=date(2026, 3, 3)
    )
    services.ledger.record(cm, fid, "payment", "RP1", date(2026, 2, 10), D("1000.00"), applies_to="RI1")
    services.ledger.record(cm, fid, "payment", "RP2", date(2026, 2, 20), D("500.00"))
    late = services.credit_check.check(cm, fid, D("1000.00"), date(2026, 2, 25))
    assert (
        late.decision,
        late.facts.open_balance,
        late.facts.amount_overdue,
        late.facts.max_days_overdue,
    ) == (
        Decision.BLOCK,
        D("3500.00"),
        D("1500.00"),
        25,
    )
    early = services.credit_check.check(cm, fid, D("1000.00"), date(2026, 2, 10))
    assert (early.decision, early.facts.open_balance, early.facts.max_days_overdue) == (
        Decision.WARN,
        D("4000.00"),
        10,
    )
