"""Users: the first administrator, signing in, argon2 password hashes, role changes."""

from __future__ import annotations

import pytest
from argon2 import PasswordHasher
from sqlalchemy import select

from hqdesk.domain.errors import AuthenticationFailed, ConflictError, PermissionDenied, ValidationError
from hqdesk.domain.roles import Role
from hqdesk.persistence.models import User
from hqdesk.services import users as users_module
from hqdesk.services.users import FirstAdminExists, UsernameTaken

PRODUCTION_HASHER = users_module._hasher


@pytest.fixture(autouse=True)
def fast_hashing(monkeypatch):
    """Cheap argon2 parameters keep the module fast; test_passwords_are_stored_as_argon2_hashes puts the
    production hasher back."""
    monkeypatch.setattr(users_module, "_hasher", PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1))


def stored_hash(services, username: str) -> str:
    with services.db.read() as s:
        return s.scalar(select(User.password_hash).where(User.username == username))


def user_dto(services, admin, username):
    return next(u for u in services.users.list_users(admin) if u.username == username)


def test_first_admin_only_on_an_empty_database(services):
    assert not services.users.has_users()
    admin = services.users.create_first_admin("admin", "管理员", "admin-pass-1")
    assert admin.role == Role.ADMIN
    assert services.users.has_users()
    with pytest.raises(FirstAdminExists):
        services.users.create_first_admin("intruder", "X", "intruder-pass-1")
    assert [u.username for u in services.users.list_users(admin)] == ["admin"]


def test_sign_in(services, admin):
    actor = services.users.sign_in("admin", "admin-pass-1")
    assert (actor.user_id, actor.username, actor.display_name, actor.role) == (
        admin.user_id,
        "admin",
        "管理员",
        Role.ADMIN,
    )


def test_wrong_user_name_or_password_fails_with_one_message(services, admin):
    messages = {}
    for username, password in (
        ("admin", "wrong-pass-1"),
        ("admin", ""),
        ("nobody", "admin-pass-1"),
        ("ADMIN", "admin-pass-1"),
    ):
        with pytest.raises(AuthenticationFailed) as err:
            services.users.sign_in(username, password)
        messages[username, password] = str(err.value)
    # the same message every time: no hint whether the user name or the password was wrong
    assert set(messages.values()) == {"Wrong user name or password."}


def test_inactive_user_cannot_sign_in(services, admin):
    services.users.create_user(admin, "li", "李雷", Role.VIEWER, "li-pass-12")
    assert services.users.sign_in("li", "li-pass-12").username == "li"
    dto = user_dto(services, admin, "li")
    services.users.update_user(
        admin, dto.id, dto.version, display_name="李雷", role=Role.VIEWER, active=False
    )
    with pytest.raises(AuthenticationFailed):
        services.users.sign_in("li", "li-pass-12")


def test_passwords_are_stored_as_argon2_hashes(services, admin, monkeypatch):
    monkeypatch.setattr(users_module, "_hasher", PRODUCTION_HASHER)
    services.users.create_user(admin, "li", "李雷", Role.VIEWER, "same-pass-1")
    services.users.create_user(admin, "han", "韩梅梅", Role.VIEWER, "same-pass-1")
    hashed = stored_hash(services, "li")
    assert hashed.startswith("$argon2id$")
    assert "same-pass-1" not in hashed
    assert PasswordHasher().verify(hashed, "same-pass-1")
    assert stored_hash(services, "han") != hashed  # salted: equal passwords, different hashes
    assert services.users.sign_in("li", "same-pass-1").username == "li"


def test_user_name_taken(services, admin):
    services.users.create_user(admin, "li", "李雷", Role.VIEWER, "li-pass-12")
    with pytest.raises(UsernameTaken) as err:
        services.users.create_user(admin, "li", "Li Lei", Role.ACCOUNT_MANAGER, "other-pass-1")
    assert "li" in str(err.value)
    assert user_dto(services, admin, "li").role == Role.VIEWER


def test_invalid_user_name_short_password_unknown_role(services, admin):
    with pytest.raises(ValidationError) as err:
        services.users.create_user(admin, "李 雷", "x", "superuser", "short")
    assert {e.field for e in err.value.errors} == {"username", "password", "role"}
    assert [u.username for u in services.users.list_users(admin)] == ["admin"]


def test_you_cannot_remove_your_own_admin_rights(services, admin):
    me = user_dto(services, admin, "admin")
    for role, active in ((Role.VIEWER, True), (Role.ACCOUNT_MANAGER, True), (Role.ADMIN, False)):
        with pytest.raises(ValidationError) as err:
            services.users.update_user(
                admin, admin.user_id, me.version, display_name="管理员", role=role, active=active
            )
        assert [e.field for e in err.value.errors] == ["role"]
    after = user_dto(services, admin, "admin")
    assert (after.role, after.active, after.version) == (Role.ADMIN, True, me.version)
    assert services.users.sign_in("admin", "admin-pass-1").role == Role.ADMIN


def test_admin_changes_another_users_role(services, admin):
    created = services.users.create_user(admin, "li", "李雷", Role.VIEWER, "li-pass-12")
    saved = services.users.update_user(
        admin,
        created.id,
        created.version,
        display_name="李雷",
        role=Role.ACCOUNT_MANAGER,
        active=True,
        email="li@example.cn",
    )
    assert saved.version == created.version + 1
    assert services.users.sign_in("li", "li-pass-12").role == Role.ACCOUNT_MANAGER
    with pytest.raises(ConflictError):  # a second admin working from the old version
        services.users.update_user(
            admin, created.id, created.version, display_name="李雷", role=Role.VIEWER, active=True
        )
    assert services.users.actor("li").role == Role.ACCOUNT_MANAGER


def test_change_password(services, admin):
    created = services.users.create_user(admin, "li", "李雷", Role.VIEWER, "li-pass-12")
    li = services.users.actor("li")
    services.users.set_password(li, created.id, "new-pass-34")  # your own password
    with pytest.raises(AuthenticationFailed):
        services.users.sign_in("li", "li-pass-12")
    assert services.users.sign_in("li", "new-pass-34").username == "li"
    with pytest.raises(PermissionDenied):  # but not someone else's
        services.users.set_password(li, admin.user_id, "hijacked-1")
    with pytest.raises(ValidationError):
        services.users.set_password(li, created.id, "short")
    assert services.users.sign_in("admin", "admin-pass-1").role == Role.ADMIN


def test_account_managers_lists_active_managers_and_admins(services, admin):
    services.users.create_user(admin, "am", "Account Manager", Role.ACCOUNT_MANAGER, "am-pass-12")
    gone = services.users.create_user(admin, "gone", "Left", Role.ACCOUNT_MANAGER, "gone-pass-1")
    services.users.create_user(admin, "cm", "Credit", Role.CREDIT_MANAGER, "cm-pass-12")
    services.users.update_user(
        admin, gone.id, gone.version, display_name="Left", role=Role.ACCOUNT_MANAGER, active=False
    )
    assert {u.username for u in services.users.account_managers()} == {"admin", "am"}


def test_a_broken_character_in_a_name_or_password_is_a_field_error(services, admin):
    from hqdesk.domain.errors import ValidationError
    from hqdesk.domain.roles import Role

    with pytest.raises(ValidationError) as err:
        services.users.create_user(admin, "wang", "王\ud800", Role.VIEWER, "password-\udc00")
    assert sorted(e.field for e in err.value.errors) == ["display_name", "password"]
    with pytest.raises(ValidationError) as err:
        services.users.set_password(admin, admin.user_id, "long-enough-\ud800")
    assert [e.field for e in err.value.errors] == ["password"]


def test_a_user_changes_their_own_password_after_confirming_the_current_one(services, users):
    from hqdesk.domain.errors import ValidationError as Invalid

    am = users["am"]
    with pytest.raises(Invalid) as err:
        services.users.change_own_password(am, "not-my-password", "brand-new-pass-1")
    assert [e.field for e in err.value.errors] == ["current"]
    with pytest.raises(Invalid) as err:
        services.users.change_own_password(am, "password-1", "short")
    assert [e.field for e in err.value.errors] == ["password"]
    services.users.change_own_password(am, "password-1", "brand-new-pass-1")
    assert services.users.sign_in("am", "brand-new-pass-1").username == "am"
