"""The start screen's list of franchisees on credit hold, on SQLite and PostgreSQL."""

from __future__ import annotations

from tests.services.analytics_ledger import franchisee


def _hold(services, actor, fid: int, reason: str) -> None:
    with services.db.write(actor.username) as s:
        services.credit_profiles.set_hold(s, actor, fid, reason)
        s.commit()


def test_on_hold_lists_held_unarchived_franchisees_by_code(services, users):
    admin, am = users["admin"], users["am"]
    f3 = franchisee(services, admin, "F3", "华东", "A", am.user_id)
    f1 = franchisee(services, admin, "F1", "华南", "B")
    franchisee(services, admin, "F2", "华南", "B")  # not on hold
    _hold(services, admin, f3, "逾期 90 天")
    _hold(services, admin, f1, "破产风险")
    rows = services.credit_holds.on_hold(users["viewer"])
    assert [(r.code, r.reason) for r in rows] == [("F1", "破产风险"), ("F3", "逾期 90 天")]
    assert rows[1].account_manager == "AM" and rows[0].account_manager == ""
    mine = services.credit_holds.on_hold(users["viewer"], account_manager_id=am.user_id)
    assert [r.code for r in mine] == ["F3"]
    detail = services.franchisees.get(admin, f1)
    services.franchisees.set_archived(admin, f1, detail.version, True)
    assert [r.code for r in services.credit_holds.on_hold(admin)] == ["F3"]
