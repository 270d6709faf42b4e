"""The configurable tier list."""

from __future__ import annotations

import pytest

from hqdesk.domain.errors import PermissionDenied, ValidationError
from hqdesk.domain.franchisee import FranchiseeData
from hqdesk.services.tiers import TierService


@pytest.fixture
def tiers(services):
    return TierService(services.db)


def test_default_tiers_and_usage_counts(services, tiers, admin):
    assert [t.code for t in tiers.list()] == ["A", "B", "C"]
    services.franchisees.create(admin, FranchiseeData(code="F1", legal_name="甲公司", city="杭州", tier="B"))
    assert {t.code: t.franchisees for t in tiers.list()} == {"A": 0, "B": 1, "C": 0}


def test_add_rename_reorder_and_use_a_new_tier(services, tiers, admin):
    tiers.add(admin, "s", "战略")
    assert [t.code for t in tiers.list()] == ["A", "B", "C", "S"]
    s = next(t for t in tiers.list() if t.code == "S")
    tiers.rename(admin, "S", s.version, "战略加盟商")
    tiers.reorder(admin, ["S", "A", "B", "C"])
    listed = tiers.list()
    assert [t.code for t in listed] == ["S", "A", "B", "C"] and listed[0].name == "战略加盟商"
    assert services.franchisees.tiers()[0] == "S"
    d = services.franchisees.create(
        admin, FranchiseeData(code="F2", legal_name="乙公司", city="宁波", tier="S")
    )
    assert d.data.tier == "S"


def test_duplicate_and_bad_codes_refused(tiers, admin):
    with pytest.raises(ValidationError) as err:
        tiers.add(admin, "A")
    assert err.value.errors[0].field == "code"
    with pytest.raises(ValidationError):
        tiers.add(admin, "")
    with pytest.raises(ValidationError):
        tiers.add(admin, "TOO-LONG-CODE")


def test_tier_in_use_cannot_be_removed(services, tiers, admin):
    services.franchisees.create(admin, FranchiseeData(code="F1", legal_name="甲公司", city="杭州", tier="C"))
    with pytest.raises(ValidationError) as err:
        tiers.remove(admin, "C")
    assert err.value.errors[0].params["n"] == 1
    assert "C" in [t.code for t in tiers.list()]
    tiers.remove(admin, "A")
    assert [t.code for t in tiers.list()] == ["B", "C"]


def test_only_admins_configure_tiers(tiers, users):
    for name in ("cm", "am", "viewer"):
        with pytest.raises(PermissionDenied):
            tiers.add(users[name], "D")
        with pytest.raises(PermissionDenied):
            tiers.remove(users[name], "A")
    assert [t.code for t in tiers.list()] == ["A", "B", "C"]


def test_two_admins_editing_the_tier_list_do_not_undo_each_other(services, tiers, admin):
    """Each write carries the versions the admin saw: a rename, reorder or removal based on a list that
    another admin has changed since is refused with a conflict naming them, and changes nothing."""
    from hqdesk.domain.errors import ConflictError
    from hqdesk.domain.roles import Role

    services.users.create_user(admin, "boss2", "副总", Role.ADMIN, "password-1")
    boss2 = services.users.actor("boss2")
    seen = {t.code: t.version for t in tiers.list()}  # both admins open the settings

    tiers.rename(boss2, "C", seen["C"], "普通")  # the other admin is first
    with pytest.raises(ConflictError) as err:
        tiers.reorder(admin, ["C", "A", "B"], seen)
    assert err.value.params["user"] == "boss2"
    with pytest.raises(ConflictError):
        tiers.rename(admin, "C", seen["C"], "三级")
    with pytest.raises(ConflictError):
        tiers.remove(admin, "C", seen["C"])
    listed = tiers.list()
    assert [(t.code, t.name) for t in listed] == [("A", "A"), ("B", "B"), ("C", "普通")]

    fresh = {t.code: t.version for t in listed}  # after reloading, the same actions go through
    tiers.reorder(admin, ["C", "A", "B"], fresh)
    tiers.remove(admin, "B", next(t.version for t in tiers.list() if t.code == "B"))  # as the editor reloads
    assert [t.code for t in tiers.list()] == ["C", "A"]


# ----- the tier editor's OK: all or nothing -------------------------------------------------------------------


def _seen(tiers):
    return {t.code: t.version for t in tiers.list()}


def test_apply_writes_adds_renames_removals_and_the_order_in_one_go(tiers, admin):
    from hqdesk.services.tiers import TierChanges

    seen = _seen(tiers)
    saved = tiers.apply(
        admin,
        TierChanges(
            seen,
            removed=(("C", seen["C"]),),
            renamed=(("A", seen["A"], "金牌"),),
            added=(("s", "战略"),),
            order=("S", "A", "B"),
        ),
    )
    assert [(t.code, t.name) for t in saved] == [("S", "战略"), ("A", "金牌"), ("B", "B")]
    assert saved == tiers.list()


def test_a_conflict_on_one_tier_writes_none_of_the_changes(tiers, admin):
    """Before, the editor wrote the changes one by one: the removal and the rename went through and the
    conflict on B stopped only the rest."""
    from hqdesk.domain.errors import ConflictError
    from hqdesk.services.tiers import TierChanges

    seen = _seen(tiers)
    tiers.rename(admin, "B", seen["B"], "另一位管理员改的")  # another admin, after the editor loaded the list
    before = tiers.list()
    with pytest.raises(ConflictError):
        tiers.apply(
            admin,
            TierChanges(
                seen,
                removed=(("C", seen["C"]),),
                renamed=(("A", seen["A"], "金牌"), ("B", seen["B"], "银牌")),
                added=(("S", "战略"),),
            ),
        )
    assert tiers.list() == before


def test_a_refusal_on_one_tier_writes_none_of_the_changes(services, tiers, admin, users):
    from hqdesk.services.tiers import TierChanges

    services.franchisees.create(admin, FranchiseeData(code="F1", legal_name="甲公司", city="杭州", tier="C"))
    seen = _seen(tiers)
    before = tiers.list()
    changes = TierChanges(
        seen, removed=(("C", seen["C"]),), renamed=(("A", seen["A"], "金牌"),), added=(("S", ""),)
    )
    with pytest.raises(ValidationError) as err:
        tiers.apply(admin, changes)  # C is still given to a franchisee
    assert [e.field for e in err.value.errors] == ["code"]
    assert tiers.list() == before
    with pytest.raises(ValidationError):  # a bad code among good changes
        tiers.apply(admin, TierChanges(seen, renamed=(("A", seen["A"], "金牌"),), added=(("S!", ""),)))
    with pytest.raises(ValidationError):  # a code that exists already
        tiers.apply(admin, TierChanges(seen, renamed=(("A", seen["A"], "金牌"),), added=(("B", ""),)))
    with pytest.raises(PermissionDenied):  # the rights are checked inside the write
        tiers.apply(users["am"], TierChanges(seen, renamed=(("A", seen["A"], "金牌"),)))
    assert tiers.list() == before


def test_a_tier_another_admin_added_since_is_a_conflict(tiers, admin):
    from hqdesk.domain.errors import ConflictError
    from hqdesk.services.tiers import TierChanges

    seen = _seen(tiers)
    tiers.add(admin, "D")
    with pytest.raises(ConflictError):
        tiers.apply(admin, TierChanges(seen, order=("C", "B", "A")))
    assert [t.code for t in tiers.list()] == ["A", "B", "C", "D"]
