"""The unit of work commits only when the block says so; rights are decided inside the write transaction."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select

from hqdesk.domain.errors import PermissionDenied
from hqdesk.domain.franchisee import FranchiseeData
from hqdesk.domain.roles import Role
from hqdesk.persistence.models import Franchisee, Tier

TODAY = date(2026, 11, 23)


def _count(services, model) -> int:
    with services.db.read() as s:
        return s.scalar(select(func.count()).select_from(model))


def test_a_block_that_returns_early_commits_nothing(services, admin):
    before = _count(services, Tier)

    def half_a_use_case() -> str:
        with services.db.write("admin") as s:
            s.add(Tier(code="Z", name="Z", sort_order=99, updated_by="admin"))
            s.flush()
            return "left early"  # no s.commit(): nothing of this block may stay

    assert half_a_use_case() == "left early"
    assert _count(services, Tier) == before


def test_a_block_that_commits_keeps_its_writes(services, admin):
    before = _count(services, Tier)
    with services.db.write("admin") as s:
        s.add(Tier(code="Z", name="Z", sort_order=99, updated_by="admin"))
        s.commit()
    assert _count(services, Tier) == before + 1


def test_a_block_that_raises_commits_nothing(services, admin):
    before = _count(services, Tier)
    with pytest.raises(RuntimeError), services.db.write("admin") as s:
        s.add(Tier(code="Z", name="Z", sort_order=99, updated_by="admin"))
        s.flush()
        raise RuntimeError("half way")
    assert _count(services, Tier) == before


def test_a_demoted_admin_creating_a_franchisee_is_its_account_manager(services, admin, users):
    """The role from sign-in says admin; the role now is account manager: the franchisee is theirs,
    whoever they named as manager."""
    boss = services.users.create_user(admin, "boss", "Boss", Role.ADMIN, "password-1")
    signed_in = services.users.sign_in("boss", "password-1")
    services.users.update_user(
        admin, boss.id, boss.version, display_name="Boss", role=Role.ACCOUNT_MANAGER, active=True
    )
    created = services.franchisees.create(
        signed_in,
        FranchiseeData(
            code="HZ-1", legal_name="杭州味道", city="杭州", account_manager_id=users["am"].user_id
        ),
        today=TODAY,
    )
    assert created.data.account_manager_id == boss.id


def test_rights_taken_away_refuse_the_write_and_store_nothing(services, admin):
    boss = services.users.create_user(admin, "boss", "Boss", Role.ADMIN, "password-1")
    signed_in = services.users.sign_in("boss", "password-1")
    services.users.update_user(
        admin, boss.id, boss.version, display_name="Boss", role=Role.VIEWER, active=True
    )
    before = _count(services, Tier)
    with pytest.raises(PermissionDenied):
        services.tiers.add(signed_in, "Z")
    with pytest.raises(PermissionDenied):
        services.franchisees.create(signed_in, FranchiseeData(code="X", legal_name="X", city="X"))
    assert _count(services, Tier) == before and _count(services, Franchisee) == 0
