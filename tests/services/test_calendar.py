"""The relationship calendar's service on SQLite and PostgreSQL: each source, the scope (mine / everyone),
archived franchisees, kinds, the order, the refusals, and visits due through a fake VisitDueSource."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pytest

from hqdesk.domain.calendar import CalendarRangeRefused, EventKind
from hqdesk.domain.contact import ContactData, ContactRole, Gender, StoreData, StoreStatus
from hqdesk.domain.franchisee import FranchiseeData, LifecycleStatus
from hqdesk.services.calendar import CalendarService

ENTERED = date(2025, 1, 2)


def franchisee(services, admin, code, manager, **fields):
    data = FranchiseeData(code=code, legal_name=f"{code}珠宝有限公司", city="杭州", tier="A", **fields)
    from dataclasses import replace

    data = replace(data, account_manager_id=manager.user_id if manager else None)
    return services.franchisees.create(admin, data, status=LifecycleStatus.ACTIVE, today=ENTERED)


@pytest.fixture
def calendar_data(services, users):
    """JX0001 (am): 王芳 Gregorian 3 Mar, 陈建国 lunar 八月十五, a store opened 2020-03-10, a closed store,
    contract ending 2026-04-30. JX0002 (am2): 刘丽 29 Feb, contract ending 2026-12-31. JX0003 (am): archived."""
    admin, am, am2 = users["admin"], users["am"], users["am2"]
    sv = services
    f1 = franchisee(sv, admin, "JX0001", am, contract_end=date(2026, 4, 30), store_brand_name="金辉珠宝")
    sv.contacts.add(
        admin,
        f1.id,
        ContactData(name="王芳", gender=Gender.FEMALE, honorific="女士", birthday=date(1980, 3, 3)),
    )
    sv.contacts.add(
        admin,
        f1.id,
        ContactData(name="陈建国", role=ContactRole.FINANCE, birthday=date(1988, 9, 25), birthday_lunar=True),
    )
    sv.contacts.add(admin, f1.id, ContactData(name="没生日", role=ContactRole.OTHER))
    sv.stores.add(admin, f1.id, StoreData(name="西湖店", opened_on=date(2020, 3, 10)), today=ENTERED)
    sv.stores.add(
        admin,
        f1.id,
        StoreData(name="关门店", opened_on=date(2019, 3, 5), status=StoreStatus.CLOSED),
        today=ENTERED,
    )
    f2 = franchisee(sv, admin, "JX0002", am2, contract_end=date(2026, 12, 31))
    sv.contacts.add(admin, f2.id, ContactData(name="刘丽", birthday=date(1984, 2, 29)))
    f3 = franchisee(sv, admin, "JX0003", am)
    sv.contacts.add(admin, f3.id, ContactData(name="归档人", birthday=date(1980, 3, 4)))
    sv.franchisees.set_archived(admin, f3.id, f3.version, True, confirm_open_business=True, today=ENTERED)
    return f1, f2, f3


def summary(events):
    return [
        (e.date.isoformat(), e.kind.value, e.key, e.franchisee_code, e.contact_name or e.store_name)
        for e in events
    ]


def test_sources_dates_and_order(services, users, calendar_data):
    events = services.calendar.events(users["admin"], date(2026, 2, 20), date(2026, 3, 20))
    # the renewal (ends 30 April, shown from 1 March) is dated on the contract's end, after the range's end:
    # it belongs in the range, and the order by date puts it last
    assert summary(events) == [
        ("2026-02-28", "birthday", "gregorian", "JX0002", "刘丽"),
        ("2026-03-03", "festival", "lantern", None, None),
        ("2026-03-03", "birthday", "gregorian", "JX0001", "王芳"),
        ("2026-03-10", "store_anniversary", None, "JX0001", "西湖店"),
        ("2026-04-30", "contract_renewal", None, "JX0001", None),
    ]
    anniversary = events[3]
    assert anniversary.years == 6 and anniversary.store_id is not None
    assert anniversary.title() == "西湖店: 6 years since opening"
    wang = events[2]
    assert (wang.contact_honorific, wang.contact_gender, wang.franchisee_name) == (
        "女士",
        "female",
        "金辉珠宝",
    )
    assert wang.title() == "Birthday of 王芳" and wang.years is None
    assert events[1].title() == "Lantern Festival"
    assert events[4].title() == "Contract of 金辉珠宝 ends"


def test_lunar_birthday_event(services, users, calendar_data):
    events = services.calendar.events(
        users["admin"], date(2026, 9, 1), date(2026, 9, 30), kinds=[EventKind.BIRTHDAY]
    )
    assert summary(events) == [("2026-09-25", "birthday", "lunar", "JX0001", "陈建国")]
    assert events[0].lunar == "八月十五"
    assert events[0].title() == "Lunar birthday of 陈建国 (八月十五)"
    assert events[0].as_json() == {
        "date": "2026-09-25",
        "kind": "birthday",
        "key": "lunar",
        "title": "Lunar birthday of 陈建国 (八月十五)",
        "franchisee": "JX0001",
        "contact": "陈建国",
        "years": None,
    }


def test_mine_keeps_festivals_and_my_franchisees(services, users, calendar_data):
    start, end = date(2026, 2, 20), date(2026, 3, 20)
    mine = services.calendar.events(users["am2"], start, end, mine=True)
    assert summary(mine) == [
        ("2026-02-28", "birthday", "gregorian", "JX0002", "刘丽"),
        ("2026-03-03", "festival", "lantern", None, None),
    ]
    everyone = services.calendar.events(users["am2"], start, end, mine=False)
    assert len(everyone) == 5


def test_archived_franchisees_have_no_events(services, users, calendar_data):
    events = services.calendar.events(
        users["admin"], date(2026, 3, 4), date(2026, 3, 4), kinds=[EventKind.BIRTHDAY]
    )
    assert events == []  # 归档人's birthday: JX0003 is archived


def test_kinds_filter(services, users, calendar_data):
    events = services.calendar.events(
        users["viewer"], date(2026, 1, 1), date(2026, 12, 31), kinds=[EventKind.CONTRACT_RENEWAL]
    )
    assert summary(events) == [
        ("2026-04-30", "contract_renewal", None, "JX0001", None),
        ("2026-12-31", "contract_renewal", None, "JX0002", None),
    ]
    assert [
        e.kind
        for e in services.calendar.events(
            users["viewer"], date(2026, 1, 1), date(2026, 12, 31), kinds=[EventKind.FESTIVAL]
        )
    ] == [EventKind.FESTIVAL] * 9


def test_renewal_window_edges(services, users, calendar_data):
    cal = services.calendar
    admin = users["admin"]
    kinds = [EventKind.CONTRACT_RENEWAL]
    assert cal.events(admin, date(2026, 2, 1), date(2026, 2, 28), kinds=kinds) == []
    assert [
        e.franchisee_code for e in cal.events(admin, date(2026, 3, 1), date(2026, 3, 1), kinds=kinds)
    ] == ["JX0001"]
    assert [
        e.franchisee_code for e in cal.events(admin, date(2026, 4, 30), date(2026, 4, 30), kinds=kinds)
    ] == ["JX0001"]
    assert cal.events(admin, date(2026, 5, 1), date(2026, 5, 31), kinds=kinds) == []


def test_bad_ranges_are_refused(services, users):
    with pytest.raises(CalendarRangeRefused) as err:
        services.calendar.events(users["admin"], date(2026, 3, 2), date(2026, 3, 1))
    assert err.value.exit_code == 2
    assert err.value.english() == "The end date is before the start date."
    with pytest.raises(CalendarRangeRefused, match="three years"):
        services.calendar.events(users["admin"], date(2026, 1, 1), date(2029, 12, 31))


@dataclass(frozen=True)
class FakeVisitDue:
    franchisee_id: int
    franchisee_code: str
    franchisee_name: str
    account_manager_id: int | None
    due_date: date
    last_visit_on: date | None
    overdue: bool


class FakeVisits:
    def __init__(self, rows):
        self.rows = rows
        self.calls = []

    def due_visits(self, actor, start, end, manager_id=None, today=None):
        self.calls.append((actor.username, start, end, manager_id))
        return [r for r in self.rows if manager_id is None or r.account_manager_id == manager_id]


def test_visits_due_through_the_visit_source(services, users):
    am, am2 = users["am"], users["am2"]
    visits = FakeVisits(
        [
            FakeVisitDue(1, "JX0001", "金辉", am.user_id, date(2026, 3, 10), date(2025, 12, 10), False),
            FakeVisitDue(2, "JX0002", "福满堂", am2.user_id, date(2026, 2, 1), None, True),
            FakeVisitDue(3, "JX0003", "金凤", am.user_id, date(2026, 5, 1), None, False),  # after the range
        ]
    )
    cal = CalendarService(services.db, visits=visits)
    today = date(2026, 3, 5)
    events = cal.events(am, date(2026, 3, 5), date(2026, 3, 18), kinds=[EventKind.VISIT_DUE], today=today)
    # the overdue visit is listed (dated on its due day) while the range covers today
    assert summary(events) == [
        ("2026-02-01", "visit_due", "overdue", "JX0002", None),
        ("2026-03-10", "visit_due", "due", "JX0001", None),
    ]
    assert events[0].title() == "Visit overdue: 福满堂" and events[1].title() == "Visit due: 金辉"
    mine = cal.events(
        am, date(2026, 3, 5), date(2026, 3, 18), kinds=[EventKind.VISIT_DUE], mine=True, today=today
    )
    assert [e.franchisee_code for e in mine] == ["JX0001"]
    assert visits.calls[-1] == ("am", date(2026, 3, 5), date(2026, 3, 18), am.user_id)
    # a range in the future does not carry today's overdue visits
    later = cal.events(am, date(2026, 4, 1), date(2026, 5, 1), kinds=[EventKind.VISIT_DUE], today=today)
    assert summary(later) == [("2026-05-01", "visit_due", "due", "JX0003", None)]


def test_no_visit_source_no_visit_events(services, users):
    assert (
        services.calendar.events(
            users["am"], date(2026, 1, 1), date(2026, 1, 31), kinds=[EventKind.VISIT_DUE]
        )
        == []
    )


def test_renewal_lead_time_is_a_company_setting(services, users, calendar_data):
    from hqdesk.domain.errors import ConflictError, PermissionDenied, ValidationError

    cal, admin = services.calendar, users["admin"]
    kinds = [EventKind.CONTRACT_RENEWAL]
    assert cal.renewal_lead_setting() == (60, None)
    # JX0001's contract ends 30 April: with 60 days it shows from 1 March, not in February
    assert cal.events(admin, date(2026, 2, 1), date(2026, 2, 28), kinds=kinds) == []
    version = cal.set_renewal_lead_days(admin, 90, None)
    assert cal.renewal_lead_setting() == (90, version)
    assert services.settings.get("calendar.renewal_lead_days") == "90"
    assert [
        e.franchisee_code for e in cal.events(admin, date(2026, 2, 1), date(2026, 2, 28), kinds=kinds)
    ] == ["JX0001"]
    with pytest.raises(ValidationError) as err:
        cal.set_renewal_lead_days(admin, 400, version)
    assert err.value.errors[0].english() == "Enter a number of days from 0 to 365."
    with pytest.raises(ConflictError):
        cal.set_renewal_lead_days(admin, 30, None)  # another user set it meanwhile
    with pytest.raises(PermissionDenied):
        cal.set_renewal_lead_days(users["am"], 30, version)
    assert cal.renewal_lead_days() == 90


def test_a_year_of_demo_data(services):
    """The demo generator's contacts, stores and contracts give every kind of event, lunar birthdays among
    them, and only for franchisees that are not archived."""
    from hqdesk.services.demo import generate_demo

    generate_demo(services.db, franchisees=60, seed=3, today=date(2026, 3, 1))
    admin = services.users.actor("admin")
    events = services.calendar.events(admin, date(2026, 3, 1), date(2027, 2, 28))
    keys = {(e.kind, e.key if e.kind != EventKind.FESTIVAL else None) for e in events}
    assert {
        (EventKind.FESTIVAL, None),
        (EventKind.BIRTHDAY, "gregorian"),
        (EventKind.BIRTHDAY, "lunar"),
        (EventKind.STORE_ANNIVERSARY, None),
        (EventKind.CONTRACT_RENEWAL, None),
    } <= keys
    # 元宵 2026 (3 March) and 元宵 2027 (20 February) both fall in these twelve months
    assert [e.key for e in events if e.kind == EventKind.FESTIVAL] == [
        "lantern",
        "dragon_boat",
        "qixi",
        "mid_autumn",
        "national_day",
        "double_ninth",
        "new_year",
        "new_years_eve",
        "spring_festival",
        "lantern",
    ]
    # archiving a franchisee takes its events away
    gone = next(e.franchisee_id for e in events if e.kind == EventKind.BIRTHDAY)
    detail = services.franchisees.get(admin, gone)
    services.franchisees.set_archived(admin, gone, detail.version, True, confirm_open_business=True)
    after = services.calendar.events(admin, date(2026, 3, 1), date(2027, 2, 28))
    assert gone not in {e.franchisee_id for e in after}
    assert len(after) < len(events)
    assert events == sorted(events, key=lambda e: (e.date, e.kind.rank, e.franchisee_code or ""))
