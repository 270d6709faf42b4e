"""The dunning run and its to-do list."""

from datetime import date
from decimal import Decimal as D

import pytest

from hqdesk.domain.credit import DunningAction
from hqdesk.domain.errors import PermissionDenied, ValidationError
from tests import ledger_rows as L


@pytest.fixture
def ledger(services, users):
    mine = L.franchisee(services, users["admin"], "DN1", manager_id=users["am"].user_id)
    theirs = L.franchisee(services, users["admin"], "DN2", manager_id=users["am2"].user_id)
    # standard policy: 7 letter, 30 call, 45 visit, 60 hold, 90 final demand, 120 legal review
    L.invoice(services, mine, date(2026, 1, 1), "1000.00", due=date(2026, 1, 31))
    L.invoice(services, mine, date(2026, 2, 1), "500.00", due=date(2026, 3, 3))
    paid = L.invoice(services, theirs, date(2026, 1, 1), "800.00", due=date(2026, 1, 31))
    L.credit(services, theirs, "payment", date(2026, 2, 5), "800.00", {paid: "800.00"})
    return mine, theirs


def test_run_adds_the_current_levels_action_once(services, users, ledger):
    mine, theirs = ledger
    run = services.dunning.run(users["cm"], date(2026, 3, 4))  # 32 days overdue: level 2, a phone call
    assert run.franchisees_overdue == 1
    (task,) = run.created
    assert (task.franchisee_id, task.level, task.action) == (mine, 2, DunningAction.PHONE_CALL)
    assert task.days_overdue == 32 and task.amount_overdue == D("1500.00")
    assert services.dunning.run(users["cm"], date(2026, 3, 4)).created == ()  # same date: nothing twice
    assert services.dunning.run(users["cm"], date(2026, 3, 10)).created == ()  # same level, same episode
    later = services.dunning.run(users["cm"], date(2026, 3, 17)).created  # 45 days: a visit
    assert [t.action for t in later] == [DunningAction.VISIT]


def test_the_paid_franchisee_is_not_dunned_after_its_payment(services, users, ledger):
    _, theirs = ledger
    run = services.dunning.run(users["cm"], date(2026, 2, 4))  # before their payment: 4 days, below level 1
    assert all(t.franchisee_id != theirs for t in run.created)
    assert services.dunning.run(users["cm"], date(2026, 2, 10)).franchisees_overdue == 1  # only DN1


def test_letters_keep_their_template(services, users, ledger):
    (task,) = services.dunning.run(users["cm"], date(2026, 2, 8)).created  # 8 days: reminder letter
    assert task.action is DunningAction.REMINDER_LETTER and task.letter_template == "dunning_reminder"


def test_account_managers_see_and_work_their_own_calls_and_visits(services, users, ledger):
    with pytest.raises(PermissionDenied):
        services.dunning.run(users["am"], date(2026, 3, 4))
    (call,) = services.dunning.run(users["cm"], date(2026, 3, 4)).created
    assert [t.id for t in services.dunning.tasks(users["am"])] == [call.id]
    assert services.dunning.tasks(users["am2"]) == []
    with pytest.raises(PermissionDenied):
        services.dunning.work(users["am2"], call.id, call.version, "done")
    with pytest.raises(ValidationError):
        services.dunning.work(users["am"], call.id, call.version, "skipped", "")
    done = services.dunning.work(users["am"], call.id, call.version, "done", "答应月底付款")
    assert done.status == "done" and done.done_by == "am" and done.note == "答应月底付款"
    assert services.dunning.tasks(users["am"]) == []


def test_hold_task_done_sets_the_profile_hold_with_history(services, users, ledger):
    mine, _ = ledger
    (hold,) = services.dunning.run(users["cm"], date(2026, 4, 1)).created  # 60 days: credit hold
    assert hold.action is DunningAction.CREDIT_HOLD
    with pytest.raises(PermissionDenied):  # not an account manager's task
        services.dunning.work(users["am"], hold.id, hold.version, "done")
    services.dunning.work(users["cm"], hold.id, hold.version, "done", "")
    bundle = services.credit_profiles.bundle(users["am"], mine)
    assert (
        bundle.profile.data.on_hold and "Dunning level 4: 60 days overdue" in bundle.profile.data.hold_reason
    )
    assert bundle.history[0].new["on_hold"] is True
