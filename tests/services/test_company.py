"""The company letterhead: one record shared by every user of the database."""

from __future__ import annotations

import pytest
from argon2 import PasswordHasher
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import set_committed_value

from hqdesk.domain.errors import ConflictError, PermissionDenied, ValidationError
from hqdesk.domain.roles import Role
from hqdesk.persistence.models import CompanyProfile
from hqdesk.services.bootstrap import open_services

PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4


@pytest.fixture(autouse=True)
def fast_hashing(monkeypatch):
    monkeypatch.setattr(
        "hqdesk.services.users._hasher", PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
    )


def test_a_new_database_has_an_empty_letterhead(services):
    profile = services.company.get()
    assert (profile.name, profile.address, profile.phone, profile.logo_png) == ("", "", "", None)


def test_admin_updates_the_letterhead(services, admin):
    before = services.company.get()
    saved = services.company.update(
        admin, before.version, " 味道餐饮集团 ", "杭州市西湖区南山路1号", "0571-88886666", PNG
    )
    assert saved.version == before.version + 1
    got = services.company.get()
    assert got == saved
    assert (got.name, got.address, got.phone) == ("味道餐饮集团", "杭州市西湖区南山路1号", "0571-88886666")
    assert got.logo_png == PNG  # the logo comes back byte for byte

    services.company.update(admin, got.version, got.name, got.address, got.phone, None)
    assert services.company.get().logo_png is None


def test_a_second_admin_working_from_the_old_version_gets_a_conflict(db_url):
    one = open_services(db_url)
    two = open_services(db_url)
    try:
        admin = one.users.create_first_admin("admin", "管理员", "admin-pass-1")
        one.users.create_user(admin, "bob", "Bob", Role.ADMIN, "password-1")
        bob = two.users.sign_in("bob", "password-1")
        seen_by_bob = two.company.get()
        one.company.update(admin, one.company.get().version, "味道餐饮集团", "", "", None)
        with pytest.raises(ConflictError) as err:
            two.company.update(bob, seen_by_bob.version, "Weidao Group", "", "", None)
        assert err.value.params["user"] == "admin"
        assert err.value.current.name == "味道餐饮集团"
        assert two.company.get().name == "味道餐饮集团"
    finally:
        one.close()
        two.close()


def test_race_between_version_check_and_save_is_a_conflict(services, admin, monkeypatch):
    seen = services.company.get()
    current = services.company.update(admin, seen.version, "味道餐饮集团", "", "", None)
    real_get = Session.get
    rewound = []

    def stale_get(self, entity, ident, **kw):
        obj = real_get(self, entity, ident, **kw)
        if entity is CompanyProfile and not rewound:
            rewound.append(True)
            set_committed_value(obj, "version", seen.version)  # read just before the other save committed
        return obj

    monkeypatch.setattr(Session, "get", stale_get)
    with pytest.raises(ConflictError) as err:
        services.company.update(admin, seen.version, "Weidao Group", "", "", None)
    monkeypatch.undo()
    assert rewound
    assert err.value.params["user"] == "admin"
    assert err.value.current == current
    assert services.company.get().name == "味道餐饮集团"


def test_only_admins_edit_the_letterhead(services, users):
    before = services.company.get()
    for who in ("cm", "am", "viewer"):
        with pytest.raises(PermissionDenied):
            services.company.update(users[who], before.version, f"Not allowed for {who}", "", "", None)
    assert services.company.get() == before


def test_too_long_name_and_too_big_logo_are_refused(services, admin):
    before = services.company.get()
    with pytest.raises(ValidationError) as err:
        services.company.update(admin, before.version, "名" * 201, "", "", b"\0" * (2 * 1024 * 1024 + 1))
    assert {e.field for e in err.value.errors} == {"name", "logo"}
    assert services.company.get() == before
