"""One password per person on PostgreSQL: a personal login's password is the user's sign-in. Connected with
it, the app signs in as that user without a second password; a password change in the app changes the
login's password in the same transaction (the user's own, an administrator's reset, the owner's reset), or
nothing at all when the server refuses."""

from __future__ import annotations

import base64
import hashlib
import hmac

import pytest
from sqlalchemy import event

from hqdesk.services.bootstrap import open_services
from hqdesk.services.users import LoginPasswordNotChanged
from tests.persistence.test_pg_rights_matrix import shop, superuser  # noqa: F401 - the fixture

pytestmark = pytest.mark.pg_only


def login_password_is(pg_server, login: str, password: str) -> bool:
    """Does the server's SCRAM verifier of ``login`` match ``password`` (RFC 5802/7677)?"""
    with superuser(pg_server) as conn:
        stored = conn.execute("select rolpassword from pg_authid where rolname = %s", (login,)).fetchone()[0]
    if not stored:
        return False
    method, rest = stored.split("$", 1)
    assert method == "SCRAM-SHA-256"
    params, keys = rest.split("$")
    iterations, salt = params.split(":")
    stored_key, server_key = keys.split(":")
    salted = hashlib.pbkdf2_hmac("sha256", password.encode(), base64.b64decode(salt), int(iterations))
    client_key = hmac.new(salted, b"Client Key", hashlib.sha256).digest()
    return base64.b64encode(hashlib.sha256(client_key).digest()).decode() == stored_key and (
        base64.b64encode(hmac.new(salted, b"Server Key", hashlib.sha256).digest()).decode() == server_key
    )


def hqdesk_password_is(url: str, username: str, password: str) -> bool:
    sv = open_services(url)
    try:
        sv.users.sign_in(username, password)
        return True
    except Exception:
        return False
    finally:
        sv.close()


def test_the_login_signs_in_without_a_second_password(shop):  # noqa: F811
    sv = open_services(shop["login"]["am"])
    try:
        assert sv.users.login_actor().username == "am"
    finally:
        sv.close()
    sv = open_services(shop["url"])  # the owner's connection proves nobody: the sign-in dialog asks
    try:
        assert sv.users.login_actor() is None
    finally:
        sv.close()


def test_a_users_own_password_change_changes_the_logins_password(shop, pg_server):  # noqa: F811
    sv = open_services(shop["login"]["am"])
    connects = []
    event.listen(sv.db.engine, "do_connect", lambda d, r, a, params: connects.append(params.get("password")))
    try:
        am = sv.users.login_actor()
        sv.users.set_password(am, am.user_id, "am-new-password-1")
        assert login_password_is(pg_server, "am", "am-new-password-1")
        assert sv.users.sign_in("am", "am-new-password-1").username == "am"
        # the pool's next connection logs in with the new password (the old one is refused from now on)
        sv.db.engine.dispose()
        sv.users.names()
        assert connects and connects[-1] == "am-new-password-1"
    finally:
        sv.close()
    assert hqdesk_password_is(shop["url"], "am", "am-new-password-1")


@pytest.mark.parametrize("who", ["admin's login", "owner"])
def test_a_reset_of_someone_elses_password_changes_their_login_too(shop, pg_server, who):  # noqa: F811
    sv = open_services(shop["login"]["admin"] if who == "admin's login" else shop["url"])
    try:
        admin = sv.users.actor("admin")
        am = next(u for u in sv.users.list_users(admin) if u.username == "am")
        sv.users.set_password(admin, am.id, "reset-by-admin-2")
    finally:
        sv.close()
    assert login_password_is(pg_server, "am", "reset-by-admin-2")
    assert hqdesk_password_is(shop["url"], "am", "reset-by-admin-2")


def test_when_the_server_refuses_the_logins_password_nothing_changes(shop, pg_server):  # noqa: F811
    engine_url = shop["url"]
    sv = open_services(engine_url)
    try:
        with sv.db.engine.begin() as conn:  # this server's administrators may not change logins' passwords
            conn.exec_driver_sql(
                "REVOKE EXECUTE ON FUNCTION hqdesk_set_login_password(text, text) FROM hqdesk_admin"
            )
    finally:
        sv.close()
    sv = open_services(shop["login"]["admin"])
    try:
        admin = sv.users.actor("admin")
        am = next(u for u in sv.users.list_users(admin) if u.username == "am")
        with pytest.raises(LoginPasswordNotChanged) as err:
            sv.users.set_password(admin, am.id, "reset-by-admin-3")
        assert "The password was not changed" in err.value.english()
        assert "database login am" in err.value.english()
    finally:
        sv.close()
    assert not login_password_is(pg_server, "am", "reset-by-admin-3")
    assert hqdesk_password_is(shop["url"], "am", "password-1")  # the hqdesk password stayed too


def test_a_user_without_a_login_keeps_working_on_the_owners_connection(shop, pg_server):  # noqa: F811
    sv = open_services(shop["url"])
    try:
        admin = sv.users.actor("admin")
        sv.users.create_user(admin, "nologin", "无登录", "viewer", "password-1")
        user = next(u for u in sv.users.list_users(admin) if u.username == "nologin")
        sv.users.set_password(admin, user.id, "plain-hqdesk-4")
        assert sv.users.sign_in("nologin", "plain-hqdesk-4").username == "nologin"
    finally:
        sv.close()


def test_the_own_password_change_with_the_current_password_changes_the_login(shop, pg_server):  # noqa: F811
    sv = open_services(shop["login"]["am"])
    try:
        am = sv.users.login_actor()
        sv.users.change_own_password(am, "password-1", "am-changed-it-5")
    finally:
        sv.close()
    assert login_password_is(pg_server, "am", "am-changed-it-5")
    assert hqdesk_password_is(shop["url"], "am", "am-changed-it-5")
