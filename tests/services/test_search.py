"""Search as an HQ desk types it, the list's filters, and reading the list page by page by key, on both
databases."""

from __future__ import annotations

from datetime import date

import pytest

from hqdesk.domain.contact import ContactData
from hqdesk.domain.franchisee import FranchiseeData, LifecycleStatus, StatusChange
from hqdesk.services.dto import LIST_COLUMNS, SearchCriteria


@pytest.fixture
def changsha(services, admin):
    """A franchisee in Changsha with a contact 张伟, and one in Chongqing with 李娜: the search targets."""
    one = services.franchisees.create(
        admin,
        FranchiseeData(
            code="JX0017",
            legal_name="长沙味道餐饮管理有限公司",
            city="长沙",
            province="湖南",
            address="湖南省长沙市岳麓区麓山南路932号",
            uscc="91330100716105852F",
            tier="A",
            tags=("重点客户", "新店"),
        ),
    )
    services.contacts.add(
        admin,
        one.id,
        ContactData(
            name="张伟",
            mobile="13800138000",
            phone="0731-8888 1234",
            wechat_id="ZhangWei_88",
            email="Zhang.Wei@Example.com",
            is_primary=True,
        ),
    )
    two = services.franchisees.create(
        admin,
        FranchiseeData(code="JX0018", legal_name="重庆火锅有限公司", city="重庆", tier="B", tags=("新店",)),
    )
    services.contacts.add(admin, two.id, ContactData(name="李娜", mobile="13911112222", is_primary=True))
    return one.id, two.id


def found(services, admin, text: str, **criteria) -> set[int]:
    return set(services.franchisees.search(admin, SearchCriteria(text=text, **criteria)).ids)


@pytest.mark.parametrize(
    "text",
    [
        "changsha",  # the city in pinyin
        "cs",  # its initials
        "zhangwei",  # the contact in pinyin
        "zw",  # their initials
        "ZHANG WEI",  # two words, upper case
        "canyin",  # part of the company name in pinyin
        "91330100716105852F",  # the unified social credit code
        "716105852f",  # part of it, lower case
        "ＪＸ００１７",  # full-width, as a Chinese input method types it
        "麓山南路",  # the address
        "重点客户",  # a tag
        "zhangwei_88",  # the WeChat ID
        "zhang.wei@example",  # the e-mail
        "+86 138 0013 8000",  # the mobile as on a business card
        "138-0013-8000",
        "0731-8888-1234",  # the landline, typed with other separators than stored
        "0731 8888",
        "长沙 zw",  # Chinese and pinyin together
    ],
)
def test_search_finds_what_a_desk_types(services, admin, changsha, text):
    assert found(services, admin, text) == {changsha[0]}


def test_heteronyms_take_the_reading_of_the_place(services, admin, changsha):
    assert found(services, admin, "chongqing") == {changsha[1]}  # 重庆, not zhongqing
    assert found(services, admin, "zhongqing") == set()


def test_search_follows_contact_changes(services, admin, changsha):
    contact = services.contacts.list(admin, changsha[1])[0]
    services.contacts.update(
        admin, contact.id, contact.version, ContactData(**{**contact.data.__dict__, "wechat_id": "lina_hq"})
    )
    assert found(services, admin, "lina_hq") == {changsha[1]}


def test_tag_filter(services, admin, changsha):
    assert found(services, admin, "", tags=("新店",)) == set(changsha)
    assert found(services, admin, "", tags=("重点客户",)) == {changsha[0]}
    assert found(services, admin, "", tags=("新店", "重点客户")) == {changsha[0]}  # every tag given
    assert found(services, admin, "", tags=("新",)) == set()  # a whole tag, not part of one
    assert services.franchisees.filter_options(admin).tags == ("新店", "重点客户")  # by pinyin


def test_several_statuses_at_once(services, admin, changsha):
    one = services.franchisees.get(admin, changsha[0])
    services.franchisees.change_status(
        admin, one.id, one.version, StatusChange(LifecycleStatus.ACTIVE, date.today(), "签约")
    )
    active, prospect = LifecycleStatus.ACTIVE, LifecycleStatus.PROSPECT
    assert found(services, admin, "", statuses=(active,)) == {changsha[0]}
    assert found(services, admin, "", statuses=(active, prospect)) == set(changsha)
    assert found(services, admin, "", statuses=(LifecycleStatus.SUSPENDED,)) == set()


# ----- pages by key ----------------------------------------------------------------------------------
@pytest.fixture
def thirty(services, admin):
    """30 franchisees with repeated names, cities and contract ends (ties), some without a contract end,
    a primary contact or a mobile (blanks), in all statuses, two managers and none."""
    am = services.users.create_user(admin, "am", "王经理", _role("ACCOUNT_MANAGER"), "password-1")
    am2 = services.users.create_user(admin, "am2", "安经理", _role("ACCOUNT_MANAGER"), "password-1")
    names = ["北京", "上海", "广州", "长沙", "重庆"]
    ids = []
    for i in range(30):
        detail = services.franchisees.create(
            admin,
            FranchiseeData(
                code=f"K{(i * 7) % 30:03d}",
                legal_name=f"{names[i % 5]}测试有限公司",
                city=names[(i * 3) % 5],
                tier="ABC"[i % 3],
                contract_end=date(2027, 1 + i % 4, 1) if i % 5 else None,
                account_manager_id=(am.id, am2.id, None)[i % 3],
            ),
            today=date(2026, 1, 2),  # entered before the status changes below (which cannot predate it)
        )
        ids.append(detail.id)
        if i % 4:
            services.contacts.add(
                admin,
                detail.id,
                ContactData(
                    name=["赵六", "钱七", "孙八"][i % 3], mobile="" if i % 6 == 1 else f"139{i % 4:08d}"
                ),
            )
        status = [None, LifecycleStatus.ACTIVE, LifecycleStatus.TERMINATED][i % 3]
        if status is not None:
            current = services.franchisees.get(admin, detail.id)
            services.franchisees.change_status(
                admin, detail.id, current.version, StatusChange(status, date(2026, 1, 5), "测试")
            )
    return ids


def _role(name):
    from hqdesk.domain.roles import Role

    return getattr(Role, name)


def read_by_pages(services, admin, criteria, column, descending, size):
    first = services.franchisees.list_first(admin, criteria, column, descending, page_size=size)
    rows, after, queries = list(first.first.rows), first.first.next, 1
    while after is not None:
        page = services.franchisees.list_page(admin, criteria, column, descending, after, size)
        assert len(page.rows) <= size
        rows.extend(page.rows)
        after, queries = page.next, queries + 1
    return first.total, rows, queries


@pytest.mark.parametrize("column", LIST_COLUMNS)
@pytest.mark.parametrize("descending", [False, True], ids=["asc", "desc"])
def test_pages_by_key_read_every_row_once_in_order(services, admin, thirty, column, descending):
    """Pages of 4 give the same rows in the same order as one read of everything, each row once; blanks
    last in both directions; the position of each row is its place in that order."""
    criteria = SearchCriteria()
    total, rows, queries = read_by_pages(services, admin, criteria, column, descending, 4)
    whole = services.franchisees.search(admin, criteria, column, descending).ids
    assert [r.id for r in rows] == list(whole)
    assert total == len(rows) == 30 == len({r.id for r in rows})
    assert queries == 8  # 30 rows in pages of 4: no page asked twice, none empty but the count says so
    values = [_value(r, column) for r in rows]
    present = [v for v in values if v not in ("", None)]
    assert values[: len(present)] == present  # the blanks come last
    for place in (0, 7, 29):
        assert (
            services.franchisees.list_position(admin, criteria, column, descending, rows[place].id) == place
        )


def _value(row, column):
    value = getattr(row, column)
    return value.value if column == "status" else value


def test_sort_orders_are_what_a_user_expects(services, admin, thirty):
    by_city = services.franchisees.search(admin, SearchCriteria(), "city").first_rows
    cities = list(dict.fromkeys(r.city for r in by_city))
    # pinyin order by GB18030 code: bei, chang, guang, shang, and 重 where GB2312 files it (zhong; a known
    # limitation for this heteronym: sorting does not know the place name is read chongqing)
    assert cities == ["北京", "长沙", "广州", "上海", "重庆"]
    statuses = [r.status for r in services.franchisees.search(admin, SearchCriteria(), "status").first_rows]
    assert statuses == sorted(statuses, key=list(LifecycleStatus).index)
    managers = [
        r.account_manager
        for r in services.franchisees.search(admin, SearchCriteria(), "account_manager").first_rows
    ]
    assert list(dict.fromkeys(managers)) == ["安经理", "王经理", ""]  # an before wang, none last


def test_pages_by_key_with_filters_and_the_position_of_a_row_outside(services, admin, thirty):
    criteria = SearchCriteria(text="测试", tiers=("A", "B"), include_archived=True)
    total, rows, _ = read_by_pages(services, admin, criteria, "legal_name", False, 3)
    assert total == len(rows) == 20
    assert {r.tier for r in rows} == {"A", "B"}
    outside = services.franchisees.search(admin, SearchCriteria(tiers=("C",))).ids[0]
    assert services.franchisees.list_position(admin, criteria, "legal_name", False, outside) == -1


def test_a_text_search_reads_its_matches_once(services, admin, thirty):
    """A narrow text search: the count and the first page from one scan; the page as the sort says."""
    result = services.franchisees.list_first(admin, SearchCriteria(text="zl"), "code", page_size=200)
    assert result.total == len(result.first.rows) > 0 and result.first.next is None
    assert [r.code for r in result.first.rows] == sorted(r.code for r in result.first.rows)
    assert {r.primary_contact for r in result.first.rows} == {"赵六"}


def test_migration_0002_recomputes_the_search_text_of_existing_rows(db_url):
    """A database from before 0002 (search text: names and phones only) finds its rows by pinyin, credit
    code, WeChat ID and phone digits once upgraded; the upgrade bumps no version (no conflict for anyone)."""
    from datetime import UTC, datetime

    from alembic import command
    from sqlalchemy import text

    from hqdesk.persistence.engine import build_engine
    from hqdesk.persistence.migrate import alembic_config
    from hqdesk.services.bootstrap import open_services

    engine = build_engine(db_url)
    now = datetime.now(UTC).replace(tzinfo=None) if db_url.startswith("sqlite") else datetime.now(UTC)
    stamp = {"version": 1, "created_at": now, "updated_at": now, "updated_by": "old"}
    with engine.begin() as conn:
        command.upgrade(alembic_config(conn), "0001")
        conn.execute(
            text(
                "insert into franchisees (id, code, legal_name, store_brand_name, uscc, legal_representative, "
                "business_scope, region, province, city, address, tier, status, tags, notes, archived, "
                "search_text, version, created_at, updated_at, updated_by) values (1, 'JX0001', '长沙味道有限公司', "
                "'', '91330100716105852F', '', '', '', '湖南', '长沙', '', 'A', 'prospect', '', '', false, "
                "'jx0001 长沙味道有限公司 长沙', :version, :created_at, :updated_at, :updated_by)"
            ),
            stamp,
        )
        conn.execute(
            text(
                "insert into contacts (franchisee_id, name, gender, honorific, role, mobile, phone, email, "
                "wechat_id, birthday_lunar, hobbies, preferences, notes, is_primary, version, created_at, "
                "updated_at, updated_by) values (1, '张伟', '', '', 'owner', '13800138000', '', '', 'zw_88', "
                "false, '', '', '', true, :version, :created_at, :updated_at, :updated_by)"
            ),
            stamp,
        )
    engine.dispose()
    services = open_services(db_url)  # upgrades to the head
    try:
        admin = services.users.create_first_admin("admin", "管理员", "admin-pass-1")
        for typed in ("changsha", "zw", "716105852f", "zw_88", "+86 138 0013 8000"):
            assert services.franchisees.search(admin, SearchCriteria(text=typed)).ids == (1,), typed
        assert services.franchisees.get(admin, 1).version == 1
        assert (
            services.franchisees.list_first(admin, SearchCriteria(), "primary_contact").first.rows[0].id == 1
        )
    finally:
        services.close()


@pytest.mark.parametrize("column", ["legal_name", "status", "tier"])
def test_filters_that_match_many_rows_read_the_same_pages(services, admin, thirty, monkeypatch, column):
    """Filters matching more than SPARSE_MATCHES rows hide their index from SQLite's planner (the sort
    order's index finds a page sooner): the same rows in the same order either way."""
    from hqdesk.services import franchisee_list

    criteria = SearchCriteria(tiers=("A", "B"), statuses=(LifecycleStatus.ACTIVE, LifecycleStatus.PROSPECT))
    few = read_by_pages(services, admin, criteria, column, False, 3)[1]
    monkeypatch.setattr(franchisee_list, "SPARSE_MATCHES", 2)
    many = read_by_pages(services, admin, criteria, column, False, 3)[1]
    assert (
        [r.id for r in many]
        == [r.id for r in few]
        == list(services.franchisees.search(admin, criteria, column).ids)
    )
    assert 0 < len(few) < 30 and {r.tier for r in few} == {"A", "B"}
