"""The company credit policy, collection policies and the policy advice."""

from datetime import date, timedelta
from decimal import Decimal as D

import pytest

from hqdesk.domain.credit import DunningAction
from hqdesk.domain.credit_check import Advice
from hqdesk.domain.dunning import LevelRule
from hqdesk.domain.errors import ConflictError, PermissionDenied, ValidationError
from tests import ledger_rows as L


def test_presets_are_shipped(services):
    policy = services.credit_policy.get()
    assert [p.code for p in policy.collection_policies] == ["strict", "standard", "lenient"]
    assert policy.normal_loss_rate == D("0.02") and policy.credit_standard == D("0.05")
    assert policy.policy(policy.default_collection_policy_id).code == "standard"


def test_save_policy_checks_rights_rates_bounds_and_version(services, users):
    p = services.credit_policy.get()
    with pytest.raises(PermissionDenied):
        services.credit_policy.save(
            users["am"], p.version, D("0.03"), D("0.06"), "30,60", p.default_collection_policy_id
        )
    with pytest.raises(ValidationError) as e:
        services.credit_policy.save(users["cm"], p.version, D("1.5"), D("0.06"), "60,30", None)
    assert {x.field for x in e.value.errors} == {"normal_loss_rate", "aging_bounds"}
    saved = services.credit_policy.save(users["cm"], p.version, D("0.03"), D("0.06"), "30, 60,120", None)
    assert saved.aging_bounds == (30, 60, 120) and saved.normal_loss_rate == D("0.03")
    with pytest.raises(ConflictError):
        services.credit_policy.save(users["cm"], p.version, D("0.03"), D("0.06"), "30", None)


def test_collection_policy_levels_are_edited_in_order(services, users):
    cm = users["cm"]
    levels = [
        LevelRule(10, DunningAction.REMINDER_LETTER, "dunning_reminder"),
        LevelRule(20, DunningAction.CREDIT_HOLD),
    ]
    added = services.credit_policy.save_collection_policy(cm, None, 0, "vip", "大客户", 20, levels)
    assert [lv.level for lv in added.levels] == [1, 2] and not added.preset
    bad = [LevelRule(20, DunningAction.PHONE_CALL), LevelRule(20, DunningAction.VISIT)]
    with pytest.raises(ValidationError):
        services.credit_policy.save_collection_policy(cm, added.id, added.version, "vip", "大客户", 20, bad)
    strict = services.credit_policy.get().collection_policies[0]
    edited = services.credit_policy.save_collection_policy(
        cm, strict.id, strict.version, "strict", "Strict", 3, [*strict.levels[:2]]
    )
    assert edited.version > strict.version and len(edited.levels) == 2 and edited.tolerance_days == 3
    with pytest.raises(ConflictError):
        services.credit_policy.save_collection_policy(cm, strict.id, strict.version, "strict", "S", 3, levels)
    with pytest.raises(ValidationError):  # the default one cannot go
        std = services.credit_policy.get().policy(2)
        services.credit_policy.remove_collection_policy(cm, std.id, std.version)
    services.credit_policy.remove_collection_policy(cm, added.id, added.version)
    assert services.credit_policy.get().policy(added.id) is None


def test_advice_from_the_last_12_months(services, users):
    fid = L.franchisee(services, users["admin"], "PA1")
    today = date(2026, 6, 30)
    inv = L.invoice(services, fid, today - timedelta(days=100), "100000.00")
    L.invoice(services, fid, today - timedelta(days=400), "900000.00")  # outside the window
    L.credit(services, fid, "credit_note", today - timedelta(days=50), "0.01")
    L.credit(services, fid, "write_off", today - timedelta(days=10), "4000.00", {inv: "4000.00"})
    advice = services.credit_policy.advice(today)
    assert advice.kind == Advice.TIGHTEN
    assert advice.credit_sales == D("99999.99") and advice.write_offs == D("4000.00")
    assert advice.window_from == date(2025, 7, 1)
    assert "actual bad-debt loss rate of 4.00%, above the normal rate 2.00%" in advice.text()
