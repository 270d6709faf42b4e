"""Opening a database: a PostgreSQL server asking for a password is told apart from a server that is down,
so that the app asks for the password instead of saying the database cannot be reached."""

from __future__ import annotations

import psycopg
import pytest
from sqlalchemy.engine import make_url

from hqdesk.domain.errors import DatabaseError
from hqdesk.services.bootstrap import PasswordRefused, open_services, password_refused

ROLE = "hq_pw_test"


@pytest.fixture
def password_only_login(pg_server, db_url):
    """A login that must give its password (scram-sha-256) and owns the test database."""
    dbname = make_url(db_url).database
    hba = pg_server.data / "pg_hba.conf"
    original = hba.read_text()
    with psycopg.connect(
        pg_server.url().replace("postgresql+psycopg", "postgresql"), autocommit=True
    ) as conn:
        conn.execute(f"CREATE ROLE {ROLE} LOGIN PASSWORD 'right-password'")
        conn.execute(f'ALTER DATABASE "{dbname}" OWNER TO {ROLE}')
        hba.write_text(f"local all {ROLE} scram-sha-256\n" + original)  # first match wins
        conn.execute("select pg_reload_conf()")
    try:
        yield make_url(db_url).set(username=ROLE).render_as_string(hide_password=False)
    finally:
        hba.write_text(original)
        with psycopg.connect(
            pg_server.url().replace("postgresql+psycopg", "postgresql"), autocommit=True
        ) as conn:
            conn.execute("select pg_reload_conf()")
            conn.execute(
                f'DROP DATABASE "{dbname}" WITH (FORCE)'
            )  # a throw-away test database, and all it holds
            conn.execute(f"DROP ROLE {ROLE}")


@pytest.mark.parametrize("db_url", ["postgresql"], indirect=True)
def test_missing_or_wrong_password_is_password_refused(password_only_login):
    for password in (None, "wrong-password"):
        with pytest.raises(PasswordRefused) as err:
            open_services(password_only_login, password=password)
        assert err.value.params["user"] == ROLE
    services = open_services(password_only_login, password="right-password")
    try:
        assert services.dialect == "postgresql"
        assert not services.users.has_users()
    finally:
        services.close()


@pytest.mark.parametrize("db_url", ["postgresql"], indirect=True)
def test_a_server_that_is_not_there_is_not_a_password_question(db_url, tmp_path):
    url = make_url(db_url).set(query={"host": str(tmp_path)}).render_as_string(hide_password=False)
    with pytest.raises(Exception) as err:  # noqa: PT011 - whatever it is, it is not a password question
        open_services(url)
    assert not isinstance(err.value, PasswordRefused)
    assert not password_refused(err.value)


def test_password_refused_reads_the_servers_answer():
    class Orig(Exception):
        sqlstate = None

    assert password_refused(Orig('FATAL:  password authentication failed for user "anna"'))
    assert password_refused(Orig("fe_sendauth: no password supplied"))
    assert not password_refused(
        Orig('connection to server on socket "/tmp/x/.s.PGSQL.5432" failed: No such file or directory')
    )
    assert not password_refused(DatabaseError(detail="unsupported database type"))
