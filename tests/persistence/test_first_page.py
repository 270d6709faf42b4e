"""The first-page reader (DB-API, no SQLAlchemy) gives exactly what the list service gives, on both databases."""

from __future__ import annotations

import sqlite3
from datetime import date

import pytest

from hqdesk.domain.franchisee import LifecycleStatus
from hqdesk.domain.roles import Role
from hqdesk.persistence.first_page import SORT_SQL, schema_head
from hqdesk.services.dto import SearchCriteria
from hqdesk.services.startup import PAGE_SIZE, first_result, read_start
from tests.persistence.test_pg_rights_matrix import shop, superuser  # noqa: F401 - the fixtures

TODAY = date(2026, 11, 20)


@pytest.fixture
def demo(services):
    """60 demo franchisees (Chinese names, managers, primary contacts, every status), some of them archived."""
    from hqdesk.demo.generate import generate_demo

    generate_demo(services.db, franchisees=60, years=2, seed=5, today=TODAY, ledger=False)
    admin = services.users.actor("admin")
    shown = services.franchisees.list_first(admin, SearchCriteria(), "code", False, page_size=1000)
    for row in shown.first.rows[::7]:  # archived ones must stay out of the first page and its count
        detail = services.franchisees.get(admin, row.id)
        services.franchisees.set_archived(admin, row.id, detail.version, True, confirm_open_business=True)
    return admin


def test_the_readers_schema_head_is_the_apps():
    from hqdesk.persistence.migrate import SCHEMA_HEAD

    assert schema_head() == SCHEMA_HEAD


def test_the_page_size_is_the_lists():
    from hqdesk.services import franchisee_list
    from hqdesk.ui.models.franchisee_list import PAGE_SIZE as MODEL_PAGE_SIZE

    assert PAGE_SIZE == franchisee_list.PAGE_SIZE == MODEL_PAGE_SIZE


@pytest.mark.parametrize("descending", [False, True])
@pytest.mark.parametrize("column", sorted(SORT_SQL))
def test_the_first_page_equals_the_services_first_page(services, demo, migrated_db_url, column, descending):
    """Same rows, same order (pinyin, ties by id), same count with the archived hidden, same page key: the
    services' next page follows on from the reader's first one."""
    size = 17  # several pages, and ties inside a page (cities, tiers)
    expected = services.franchisees.list_first(demo, SearchCriteria(), column, descending, page_size=size)
    got = first_result(migrated_db_url, SearchCriteria(), column, descending, page_size=size)
    assert got == expected
    assert got.total == 60 - len(range(0, 60, 7))
    assert not any(r.archived for r in got.first.rows)
    following = services.franchisees.list_page(demo, got.criteria, column, descending, got.first.next, size)
    assert following.rows and following.rows[0].id not in {r.id for r in got.first.rows}


def test_a_whole_short_list_has_no_next_page(services, demo, migrated_db_url):
    expected = services.franchisees.list_first(
        demo, SearchCriteria(), "legal_name", False, page_size=PAGE_SIZE
    )
    got = first_result(migrated_db_url, SearchCriteria(), "legal_name", False)
    assert got == expected and got.first.next is None and len(got.first.rows) == got.total


@pytest.mark.parametrize(
    ("criteria", "column"),
    [
        (SearchCriteria(include_archived=True), "legal_name"),
        (SearchCriteria(text="上海"), "legal_name"),
        (SearchCriteria(tiers=("A",)), "code"),
        (SearchCriteria(statuses=(LifecycleStatus.ACTIVE,)), "code"),
        (SearchCriteria(), "status"),
        (SearchCriteria(), "account_manager"),
        (SearchCriteria(), "contract_end"),
        (SearchCriteria(), "primary_contact"),
    ],
)
def test_a_search_the_reader_does_not_know_is_left_to_the_services(migrated_db_url, criteria, column):
    assert first_result(migrated_db_url, criteria, column, False) is None


def test_the_start_reads_the_user_only_at_the_apps_schema_head(services, demo, migrated_db_url, tmp_path):
    actor = read_start(migrated_db_url, "admin")
    assert actor == demo
    assert read_start(migrated_db_url, "nobody") is None
    assert read_start("sqlite:///" + (tmp_path / "missing.sqlite3").as_posix(), "admin") is None
    assert not (tmp_path / "missing.sqlite3").exists()  # read-only: nothing created


def test_an_older_database_takes_the_normal_path(tmp_path, migrated_sqlite):
    url = migrated_sqlite(tmp_path / "old.sqlite3")
    from hqdesk.services.bootstrap import open_services

    sv = open_services(url)
    sv.users.create_first_admin("admin", "管理员", "admin-pass-1")
    from hqdesk.domain.franchisee import FranchiseeData

    sv.franchisees.create(
        sv.users.actor("admin"), FranchiseeData(code="F1", legal_name="甲公司", city="上海", tier="A")
    )
    sv.close()
    assert read_start(url, "admin") is not None
    con = sqlite3.connect(tmp_path / "old.sqlite3")
    con.execute("update alembic_version set version_num = '0008'")
    con.commit()
    con.close()
    assert read_start(url, "admin") is None  # the services open first and upgrade it


def test_an_account_managers_own_login_reads_what_the_services_show_it(shop):  # noqa: F811
    """PostgreSQL: the reader connects with the same login as the app (rights, row-level security) and shows
    what the services show that login's user."""
    from hqdesk.services.bootstrap import open_services

    url = shop["login"]["am"]
    actor = read_start(url, "am")
    assert actor is not None and actor.role is Role.ACCOUNT_MANAGER
    sv = open_services(url)
    try:
        for column in sorted(SORT_SQL):
            expected = sv.franchisees.list_first(actor, SearchCriteria(), column, False)
            assert first_result(url, SearchCriteria(), column, False) == expected
            assert expected.total == 2
    finally:
        sv.close()
