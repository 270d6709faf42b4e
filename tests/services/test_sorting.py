"""The franchisee list sorts Chinese names by pinyin and statuses in lifecycle order, on both databases."""

from __future__ import annotations

from datetime import date

from hqdesk.domain.franchisee import FranchiseeData, LifecycleStatus, StatusChange
from hqdesk.services.dto import SearchCriteria

CREATED = date(2026, 1, 2)  # when the test profiles were entered: before their status changes


def _make(services, admin, names_and_cities):
    for i, (name, city) in enumerate(names_and_cities):
        services.franchisees.create(
            admin, FranchiseeData(code=f"P{i:03d}", legal_name=name, city=city, tier="A"), today=CREATED
        )


def test_names_and_cities_sort_by_pinyin(services, admin):
    # code point order would be: 上海 < 东莞 < 北京 < 广州 < 杭州 < 郑州 ; pinyin: 北京 上海 东莞 广州 杭州 郑州
    _make(
        services,
        admin,
        [
            ("上海甲公司", "上海"),
            ("东莞乙公司", "东莞"),
            ("北京丙公司", "北京"),
            ("广州丁公司", "广州"),
            ("杭州戊公司", "杭州"),
            ("郑州己公司", "郑州"),
        ],
    )
    by_name = services.franchisees.search(admin, SearchCriteria(), "legal_name").first_rows
    assert [r.city for r in by_name] == ["北京", "东莞", "广州", "杭州", "上海", "郑州"]
    by_city = services.franchisees.search(admin, SearchCriteria(), "city", descending=True).first_rows
    assert [r.city for r in by_city] == ["郑州", "上海", "杭州", "广州", "东莞", "北京"]


def test_status_sorts_in_lifecycle_order(services, admin):
    _make(services, admin, [("甲公司", "杭州"), ("乙公司", "杭州"), ("丙公司", "杭州")])
    ids = services.franchisees.search(admin, SearchCriteria(), "code").ids
    first = services.franchisees.get(admin, ids[0])
    services.franchisees.change_status(
        admin,
        first.id,
        first.version,
        StatusChange(LifecycleStatus.TERMINATED, date(2026, 1, 5), "合同到期不续"),
    )
    second = services.franchisees.get(admin, ids[1])
    services.franchisees.change_status(
        admin, second.id, second.version, StatusChange(LifecycleStatus.ACTIVE, date(2026, 1, 5), "签约")
    )
    rows = services.franchisees.search(admin, SearchCriteria(), "status").first_rows
    assert [r.status for r in rows] == [
        LifecycleStatus.PROSPECT,
        LifecycleStatus.ACTIVE,
        LifecycleStatus.TERMINATED,
    ]
