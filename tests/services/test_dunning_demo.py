"""The credit demo: pending proposals for the credit manager and a past dunning run, partly worked."""

from datetime import date

from hqdesk.demo.credit import RUN_DAYS_AGO, add_credit_demo
from hqdesk.demo.generate import generate_demo
from hqdesk.domain.credit import ProposalStatus
from tests import ledger_rows as L

TODAY = date(2026, 6, 30)


def test_credit_demo_adds_pending_proposals_and_a_past_dunning_run(services):
    generate_demo(services.db, franchisees=30, seed=5, today=TODAY, ledger=False)
    credit = services.users.actor("credit")
    pending = services.credit_profiles.pending_proposals(credit)
    assert len(pending) == 4 and all(p.status is ProposalStatus.PENDING and p.reason for p in pending)
    assert all(p.proposed_by in ("zhang", "li", "wang") for p in pending)
    # with ledger rows (the ledger demo's; here one overdue invoice) the run makes tasks as of 14 days ago
    first = pending[0].franchisee_id
    L.invoice(services, first, date(2026, 3, 1), "5000.00", due=date(2026, 3, 31))
    counts = add_credit_demo(services.db, today=TODAY, seed=5)
    assert counts["dunning_tasks"] == 1
    (task,) = services.dunning.tasks(credit, status=None)
    assert (
        task.run_date == date(2026, 6, 16)
        and task.days_overdue == (date(2026, 6, 16) - date(2026, 3, 31)).days
    )
    assert RUN_DAYS_AGO == 14


def test_the_whole_demo_has_a_worked_dunning_run_on_its_ledger(services):
    """With the demo ledger (late payers among them) the past run finds overdue franchisees to chase."""
    generate_demo(services.db, franchisees=60, seed=7, today=TODAY)
    tasks = services.dunning.tasks(services.users.actor("credit"), status=None)
    assert tasks and all(t.run_date == date(2026, 6, 16) and t.days_overdue > 0 for t in tasks)
