"""PostgreSQL rights on the credit profiles, proposals, history and dunning tasks for every role: what each
personal login may change with any client is what the app lets that person change (``pg_rights`` TABLE_RULES).
am owns F1, am2 owns F2 (the matrix's ``shop``)."""

from __future__ import annotations

import pytest
from sqlalchemy import create_engine, text

from tests.persistence.test_pg_rights_matrix import attempt, shop  # noqa: F401 - the fixture

pytestmark = pytest.mark.pg_only

STAMP = "1, now(), now(), 'x'"
PROFILE = (
    "insert into credit_profiles (franchisee_id, term_kind, term_days, loss_rate_derived, on_hold, hold_reason, "
    f"version, created_at, updated_at, updated_by) values (:f, 'net', 30, true, false, '', {STAMP})"
)
CHANGE = (
    "insert into credit_profile_changes (franchisee_id, changed_at, changed_by, old_values, new_values, reason) "
    "values (:f, now(), 'x', '{}', '{}', 'r')"
)
PROPOSAL = (
    "insert into credit_proposals (franchisee_id, proposed_by, proposed_at, changes, reason, status, decided_by, "
    f"decision_note, version, created_at, updated_at, updated_by) values (:f, 'x', now(), '{{}}', 'r', 'pending', "
    f"'', '', {STAMP})"
)
TASK = (
    "insert into dunning_tasks (franchisee_id, run_date, level, action, letter_template, days_overdue, "
    f"amount_overdue, status, done_by, note, version, created_at, updated_at, updated_by) values (:f, "
    f"date '2026-03-0' || :n, 1, 'phone_call', '', 30, 100, 'open', '', '', {STAMP})"
)


@pytest.fixture
def rows(shop):  # noqa: F811 - the imported fixture
    """A profile, a proposal and a dunning task for each of F1 and F2, written by the tables' owner."""
    engine = create_engine(shop["url"])
    try:
        with engine.begin() as conn:
            for n, f in enumerate((shop["f1"], shop["f2"]), start=1):
                conn.execute(text(PROFILE), {"f": f})
                conn.execute(text(PROPOSAL), {"f": f})
                conn.execute(text(TASK.replace("' || :n", f"{n}'")), {"f": f})
    finally:
        engine.dispose()
    return shop


WRITERS = {"admin", "cm"}
EXPECTED = {
    # (what, which franchisee) -> the logins that may do it
    ("insert profile", "f1"): WRITERS,
    ("update profile", "f1"): WRITERS,
    ("insert history", "f1"): WRITERS,
    ("insert proposal", "f1"): WRITERS | {"am"},
    ("insert proposal", "f2"): WRITERS | {"am2"},
    ("decide proposal", "f1"): WRITERS,
    ("insert task", "f1"): WRITERS,
    ("work task", "f1"): WRITERS | {"am"},
    ("work task", "f2"): WRITERS | {"am2"},
    ("delete task", "f1"): WRITERS,
}
SQL = {
    "insert profile": PROFILE,
    "update profile": "update credit_profiles set credit_limit = 100 where franchisee_id = :f",
    "insert history": CHANGE,
    "insert proposal": PROPOSAL,
    "decide proposal": "update credit_proposals set status = 'approved' where franchisee_id = :f",
    "insert task": TASK.replace("' || :n", "9'"),
    "work task": "update dunning_tasks set status = 'done', note = 'n' where franchisee_id = :f",
    "delete task": "delete from dunning_tasks where franchisee_id = :f",
}


@pytest.mark.parametrize("login", ["admin", "cm", "am", "am2", "viewer"])
def test_credit_tables_for_every_role(rows, login):
    got = {}
    for what, which in EXPECTED:
        # a profile is inserted for a franchisee without one: the owner removes F1's row first, then puts it back
        if what == "insert profile":
            engine = create_engine(rows["url"])
            with engine.begin() as conn:
                conn.execute(text("delete from credit_profiles where franchisee_id = :f"), {"f": rows[which]})
            engine.dispose()
        got[(what, which)] = attempt(rows["login"][login], SQL[what], f=rows[which])
        if what == "insert profile":
            engine = create_engine(rows["url"])
            with engine.begin() as conn:
                conn.execute(text(PROFILE), {"f": rows[which]})
            engine.dispose()
    assert got == {key: login in allowed for key, allowed in EXPECTED.items()}
