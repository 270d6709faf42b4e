"""Credit profiles: defaults, changes with history, rights, proposals, optimistic locking, derived loss rate."""

from dataclasses import replace
from datetime import date, timedelta
from decimal import Decimal as D

import pytest

from hqdesk.domain.credit import ProposalStatus, TermKind
from hqdesk.domain.errors import ConflictError, PermissionDenied, ValidationError
from hqdesk.services.credit_profiles import DEFAULTS
from tests import ledger_rows as L


@pytest.fixture
def fid(services, users):
    return L.franchisee(services, users["admin"], "CP1", manager_id=users["am"].user_id)


def test_without_a_row_the_defaults_apply(services, users, fid):
    p = services.credit_profiles.get(users["viewer"], fid)
    assert not p.exists and p.version == 0
    assert p.data.term_kind is TermKind.NET and p.data.term_days == 30
    assert p.data.credit_limit is None  # no credit until a credit manager sets a limit
    assert p.collection_policy_name == "Standard"
    assert p.loss_rate_source == "normal" and p.effective_loss_rate == D("0.02")


def test_a_change_keeps_who_when_old_new_and_why(services, users, fid):
    cm = users["cm"]
    data = replace(DEFAULTS, term_kind=TermKind.MONTHLY, term_days=10, credit_limit=D("200000.00"))
    saved = services.credit_profiles.save(cm, fid, 0, data, "年度授信评审")
    assert saved.exists and saved.data.credit_limit == D("200000.00")
    again = replace(saved.data, credit_limit=D("150000.00"))
    services.credit_profiles.save(cm, fid, saved.version, again, "逾期增加")
    bundle = services.credit_profiles.bundle(users["am"], fid)
    newest, first = bundle.history
    assert newest.changed_by == "cm" and newest.reason == "逾期增加"
    assert newest.old == {"credit_limit": "200000.00"} and newest.new == {"credit_limit": "150000.00"}
    assert first.new["term_kind"] == "monthly" and first.old["term_kind"] == "net"
    assert bundle.can_propose and not bundle.can_edit


def test_a_reason_is_required_and_values_are_checked(services, users, fid):
    with pytest.raises(ValidationError) as e:
        services.credit_profiles.save(users["cm"], fid, 0, replace(DEFAULTS, on_hold=True), "  ")
    assert {x.field for x in e.value.errors} == {"reason", "hold_reason"}
    with pytest.raises(ValidationError):
        services.credit_profiles.save(users["cm"], fid, 0, replace(DEFAULTS, credit_limit=D("-1")), "x")
    with pytest.raises(ValidationError):
        services.credit_profiles.save(users["cm"], fid, 0, replace(DEFAULTS, term_kind=TermKind.COD), "x")


@pytest.mark.parametrize("who", ["am", "viewer"])
def test_only_credit_managers_and_admins_change_it(services, users, fid, who):
    with pytest.raises(PermissionDenied):
        services.credit_profiles.save(users[who], fid, 0, replace(DEFAULTS, credit_limit=D(1)), "x")
    services.credit_profiles.save(users["admin"], fid, 0, replace(DEFAULTS, credit_limit=D(1)), "x")


def test_a_stale_save_is_refused(services, users, fid):
    cm = users["cm"]
    first = services.credit_profiles.save(cm, fid, 0, replace(DEFAULTS, credit_limit=D(100)), "a")
    services.credit_profiles.save(cm, fid, first.version, replace(first.data, credit_limit=D(200)), "b")
    with pytest.raises(ConflictError) as e:
        services.credit_profiles.save(cm, fid, first.version, replace(first.data, credit_limit=D(300)), "c")
    assert e.value.changes["credit_limit"] == ("200.00", "300.00")
    with pytest.raises(ConflictError):  # "no row yet" is a version too
        services.credit_profiles.save(cm, fid, 0, replace(DEFAULTS, credit_limit=D(300)), "c")


def test_proposal_approved_applies_in_the_same_step(services, users, fid):
    p = services.credit_profiles.propose(
        users["am"], fid, {"credit_limit": "80000.00", "term_days": 45}, "新店开业"
    )
    assert p.status is ProposalStatus.PENDING
    assert [q.id for q in services.credit_profiles.pending_proposals(users["cm"])] == [p.id]
    done = services.credit_profiles.decide(users["cm"], p.id, p.version, approve=True)
    assert done.status is ProposalStatus.APPROVED and done.decided_by == "cm"
    bundle = services.credit_profiles.bundle(users["am"], fid)
    assert bundle.profile.data.credit_limit == D("80000.00") and bundle.profile.data.term_days == 45
    assert bundle.history[0].proposal_id == p.id and bundle.history[0].reason == "新店开业"
    with pytest.raises(ConflictError):  # decided already
        services.credit_profiles.decide(users["cm"], p.id, p.version, approve=False, note="x")


def test_proposal_rejected_needs_a_note_and_changes_nothing(services, users, fid):
    p = services.credit_profiles.propose(users["am"], fid, {"credit_limit": "80000.00"}, "r")
    with pytest.raises(ValidationError):
        services.credit_profiles.decide(users["cm"], p.id, p.version, approve=False, note="")
    done = services.credit_profiles.decide(users["cm"], p.id, p.version, approve=False, note="额度过高")
    assert done.status is ProposalStatus.REJECTED and done.decision_note == "额度过高"
    assert not services.credit_profiles.get(users["cm"], fid).exists


def test_proposal_rights(services, users, fid):
    with pytest.raises(PermissionDenied):  # not their franchisee
        services.credit_profiles.propose(users["am2"], fid, {"credit_limit": "1.00"}, "r")
    p = services.credit_profiles.propose(users["am"], fid, {"credit_limit": "1.00"}, "r")
    with pytest.raises(PermissionDenied):  # an account manager does not decide
        services.credit_profiles.decide(users["am"], p.id, p.version, approve=True)
    with pytest.raises(ValidationError):
        services.credit_profiles.propose(users["am"], fid, {}, "nothing")


def test_loss_rate_derived_from_36_months_of_history(services, users, fid):
    today = date.today()
    old = L.invoice(services, fid, today - timedelta(days=800), "10000.00")
    L.invoice(services, fid, today - timedelta(days=100), "40000.00")
    L.credit(services, fid, "credit_note", today - timedelta(days=90), "0.01")  # a credit note: less sales
    L.credit(services, fid, "write_off", today - timedelta(days=30), "1000.00", {old: "1000.00"})
    L.invoice(services, fid, today - timedelta(days=1500), "99999.00")  # older than 36 months: not counted
    p = services.credit_profiles.get(users["cm"], fid)
    assert p.loss_rate_source == "history"
    assert p.effective_loss_rate == (D("1000.00") / D("49999.99")).quantize(D("0.000001"))
    entered = services.credit_profiles.save(
        users["cm"], fid, 0, replace(p.data, expected_loss_rate=D("0.07")), "x"
    )
    assert entered.loss_rate_source == "entered" and entered.effective_loss_rate == D("0.07")
