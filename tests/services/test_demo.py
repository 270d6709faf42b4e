"""The demo data generator: reproducible, valid by the app's own rules, fast, and safe: it writes into an
empty database only (no franchisees, no users), so its published passwords never sit next to real accounts."""

from __future__ import annotations

import itertools
import os
import statistics
import time
from collections import Counter, defaultdict
from datetime import UTC, date, timedelta

import pytest
from argon2 import PasswordHasher
from sqlalchemy import case, func, select

from hqdesk.demo import (
    ACCOUNT_MANAGERS,
    DEMO_USERS,
    DemoOptionError,
    DemoRefused,
    DemoRefusedUsers,
    build_demo_data,
    generate_demo,
)
from hqdesk.domain import uscc
from hqdesk.domain.contact import (
    MOBILE_CN,
    ContactData,
    StoreData,
    StoreStatus,
    validate_contact,
    validate_store,
)
from hqdesk.domain.errors import AuthenticationFailed
from hqdesk.domain.franchisee import (
    ALLOWED_TRANSITIONS,
    DEFAULT_TIERS,
    REGIONS,
    FranchiseeData,
    LifecycleStatus,
    StatusChange,
    validate_franchisee,
)
from hqdesk.domain.roles import Role
from hqdesk.persistence.mappers import ContactMapper, FranchiseeMapper, StoreMapper
from hqdesk.persistence.models import (
    AuditEntry,
    Contact,
    ContactAnniversary,
    Franchisee,
    StatusChangeRecord,
    Store,
    User,
)
from hqdesk.persistence.models_complaints import Complaint
from hqdesk.persistence.models_visits import Visit, VisitSuggestion
from hqdesk.services.dto import SearchCriteria

TODAY = date(2026, 6, 15)
COUNTED = {
    "franchisees": Franchisee,
    "contacts": Contact,
    "stores": Store,
    "status_changes": StatusChangeRecord,
    "anniversaries": ContactAnniversary,
    "users": User,
    "visits": Visit,
    "visit_suggestions": VisitSuggestion,
    "complaints": Complaint,
}
_databases = itertools.count()


@pytest.fixture(autouse=True)
def _cheap_hashes(monkeypatch):
    """Production argon2 costs 0.02-0.3 s a hash depending on the machine's load; the timings here are the
    generator's own. (The hashes still verify: argon2 keeps its parameters in the hash.)"""
    monkeypatch.setattr(
        "hqdesk.services.users._hasher", PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
    )


def _count(s, model) -> int:
    return s.scalar(select(func.count()).select_from(model))


@pytest.fixture
def another_url(db_url, request, tmp_path):
    """A second empty database on the same backend as ``db_url``."""

    def make() -> str:
        if db_url.startswith("sqlite"):
            return "sqlite:///" + (tmp_path / f"other{next(_databases)}.sqlite3").as_posix()
        return request.getfixturevalue("pg_server").create_database(f"demo{os.getpid()}_{next(_databases)}")

    return make


def _snapshot(url: str, seed: int) -> dict:
    """Generate into a fresh database at ``url`` and read back what must be reproducible."""
    from hqdesk.services.bootstrap import open_services

    sv = open_services(url)
    try:
        generate_demo(sv.db, franchisees=40, seed=seed, today=TODAY)
        skip = {"created_at", "updated_at"}
        with sv.db.read() as s:

            def rows(model):
                cols = [c for c in model.__table__.columns if c.name not in skip]
                return [tuple(r) for r in s.execute(select(*cols).order_by(model.id))]

            return {
                "franchisees": rows(Franchisee),
                "contacts": s.execute(
                    select(Contact.franchisee_id, Contact.name, Contact.birthday, Contact.mobile).order_by(
                        Contact.id
                    )
                ).all(),
                "stores": rows(Store),
                "status_changes": rows(StatusChangeRecord),
                "anniversaries": rows(ContactAnniversary),
            }
    finally:
        sv.close()


# ----- on both databases -----------------------------------------------------------------------------------


def test_counts_returned_match_the_database(services):
    counts = generate_demo(services.db, franchisees=60, seed=3, today=TODAY)

    with services.db.read() as s:
        in_db = {key: _count(s, model) for key, model in COUNTED.items()}
        versioned = [
            (m, s.execute(select(m.version, m.updated_by).distinct()).all())
            for m in (Franchisee, Contact, Store)
        ]
        audited_demo_rows = s.scalar(
            select(func.count())
            .select_from(AuditEntry)
            .where(AuditEntry.table_name.in_(("franchisees", "contacts", "stores")))
        )
    assert counts == in_db
    assert counts["franchisees"] == 60 and counts["users"] == len(DEMO_USERS)
    assert 3.3 <= counts["contacts"] / 60 <= 4.7
    assert counts["stores"] >= 60 and counts["status_changes"] >= 100 and counts["anniversaries"] > 0
    for model, pairs in versioned:
        assert pairs == [(1, "demo")], model
    # the demo rows are audited like any other write, on SQLite (the app's writer) as on PostgreSQL
    assert audited_demo_rows == counts["franchisees"] + counts["contacts"] + counts["stores"]


def test_same_seed_and_day_give_the_same_data_another_seed_does_not(db_url, another_url):
    first = _snapshot(db_url, seed=11)
    again = _snapshot(another_url(), seed=11)
    other = _snapshot(another_url(), seed=12)

    assert first == again
    assert first["franchisees"] != other["franchisees"]
    assert [c[1] for c in first["contacts"]] != [c[1] for c in other["contacts"]]


def test_credit_codes_are_valid_and_unique(services):
    generate_demo(services.db, franchisees=200, seed=5, today=TODAY)

    with services.db.read() as s:
        codes = list(s.scalars(select(Franchisee.uscc)))
    assert len(codes) == 200 and len(set(codes)) == 200
    assert [c for c in codes if not uscc.is_valid(c)] == []


def test_contacts_one_primary_each_and_valid_mobiles(services):
    generate_demo(services.db, franchisees=120, seed=6, today=TODAY)

    with services.db.read() as s:
        per_franchisee = s.execute(
            select(
                Contact.franchisee_id, func.count(), func.sum(case((Contact.is_primary, 1), else_=0))
            ).group_by(Contact.franchisee_id)
        ).all()
        mobiles = list(s.scalars(select(Contact.mobile)))
        primary_roles = Counter(s.scalars(select(Contact.role).where(Contact.is_primary.is_(True))))
    assert len(per_franchisee) == 120
    assert {primaries for _, _, primaries in per_franchisee} == {1}
    assert {n for _, n, _ in per_franchisee} <= set(range(2, 7))
    assert [m for m in mobiles if not MOBILE_CN.match(m)] == []
    assert len(set(mobiles)) == len(mobiles)
    assert primary_roles["owner"] > 0.8 * 120  # the owner, usually


def test_demo_data_passes_the_apps_own_rules(services):
    """A user who opens a demo record and saves it unchanged meets no validation error."""
    generate_demo(services.db, franchisees=150, seed=8, today=TODAY)

    with services.db.read() as s:  # the checks load lazily: inside the session
        franchisees = list(s.scalars(select(Franchisee).order_by(Franchisee.id)))
        contacts = list(s.scalars(select(Contact)))
        stores = list(s.scalars(select(Store)))
        history = defaultdict(list)
        for r in s.scalars(select(StatusChangeRecord).order_by(StatusChangeRecord.id)):
            history[r.franchisee_id].append(r)
        managers = {uid: name for uid, name in s.execute(select(User.id, User.username))}
        for f in franchisees:
            assert validate_franchisee(FranchiseeMapper.data(f), DEFAULT_TIERS) == [], f.code
            assert f.region in REGIONS and f.province and f.city in f.address
            assert managers[f.account_manager_id] in ACCOUNT_MANAGERS
            steps = history[f.id]
            assert steps[0].from_status is None and steps[0].to_status == "prospect" and steps[0].reason
            for before, after in itertools.pairwise(steps):
                assert after.from_status == before.to_status, f.code
                assert (
                    LifecycleStatus(after.to_status) in ALLOWED_TRANSITIONS[LifecycleStatus(before.to_status)]
                )
                assert before.changed_on <= after.changed_on <= TODAY and after.reason
            assert (f.status, f.status_changed_on) == (steps[-1].to_status, steps[-1].changed_on)
            if f.status != "prospect" and not (f.status == "terminated" and len(steps) == 2):
                assert f.join_date and f.contract_start and f.contract_end
                assert f.join_date <= f.contract_start < f.contract_end and f.join_date <= TODAY
        for c in contacts:
            assert validate_contact(ContactMapper.data(c), TODAY) == [], c.name
            assert c.honorific in ("先生", "女士", "总")
            assert c.honorific == "总" or (c.honorific == "先生") == (c.gender == "male")
            if c.birthday:
                assert 25 <= (TODAY - c.birthday).days / 365.25 <= 66
        for st in stores:
            assert validate_store(StoreMapper.data(st), TODAY) == [], st.name
            assert st.status == "planned" or st.opened_on <= TODAY
            assert 40 <= st.floor_area <= 400


def test_refused_on_a_database_with_franchisees_nothing_written(services, admin):
    services.franchisees.create(
        admin, FranchiseeData(code="HZ-1", legal_name="杭州测试珠宝有限公司", city="杭州", tier="A")
    )
    tables = (*COUNTED.values(), AuditEntry)
    with services.db.read() as s:
        before = {m: _count(s, m) for m in tables}

    with pytest.raises(DemoRefused) as info:
        generate_demo(services.db, franchisees=10, today=TODAY)

    assert "1 franchisees" in info.value.english() and "Nothing was changed" in info.value.english()
    with services.db.read() as s:
        assert {m: _count(s, m) for m in tables} == before


def _table_counts(services) -> dict:
    with services.db.read() as s:
        return {m: _count(s, m) for m in (*COUNTED.values(), AuditEntry)}


def test_refused_on_a_database_with_users_and_no_franchisees_nothing_written(services):
    """The README's PostgreSQL set-up adds users before importing: demo accounts with published passwords
    must not land next to them."""
    services.users.create_first_admin("boss", "王总", "boss-pass-1")
    before = _table_counts(services)

    with pytest.raises(DemoRefusedUsers) as info:
        generate_demo(services.db, franchisees=10, today=TODAY)

    assert isinstance(info.value, DemoRefused)  # callers that catch DemoRefused see this refusal too
    message = info.value.english()
    assert "empty database only" in message and "1 users" in message and "Nothing was changed" in message
    assert "published passwords" in message
    assert _table_counts(services) == before
    assert services.users.sign_in("boss", "boss-pass-1").display_name == "王总"
    for demo_user in DEMO_USERS:
        with pytest.raises(AuthenticationFailed):
            services.users.sign_in(demo_user.username, demo_user.password)


def test_refused_when_a_user_appears_while_the_rows_are_built(services, monkeypatch):
    """The check is repeated in the writing transaction: a user added meanwhile still stops it."""
    from hqdesk.demo import generate as demo

    def build_while_someone_adds_a_user(**kwargs):
        services.users.create_first_admin("boss", "王总", "boss-pass-1")
        return build_demo_data(**kwargs)

    monkeypatch.setattr(demo, "build_demo_data", build_while_someone_adds_a_user)

    with pytest.raises(DemoRefusedUsers):
        generate_demo(services.db, franchisees=10, today=TODAY)

    counts = _table_counts(services)
    assert counts[User] == 1 and counts[Franchisee] == 0 and counts[Contact] == 0
    with pytest.raises(AuthenticationFailed):
        services.users.sign_in("admin", "demo-admin")


def test_options_it_cannot_honour_are_refused_before_anything_is_written(services):
    before = _table_counts(services)

    for options in (
        {"franchisees": -1},
        {"years": 0},
        {"today": date(1, 6, 1)},
        {"today": date(9999, 6, 1)},
        {"years": 3000},
    ):
        with pytest.raises(DemoOptionError):
            generate_demo(services.db, **{"franchisees": 5, "today": TODAY, **options})

    assert _table_counts(services) == before
    with pytest.raises(DemoOptionError, match="outside the calendar"):
        build_demo_data(franchisees=1, years=5, seed=1, today=date(100, 1, 1))


def test_each_password_is_hashed_once(services, monkeypatch):
    from hqdesk.demo import generate as demo
    from hqdesk.services import users

    hashed = []
    monkeypatch.setattr(demo, "hash_password", lambda pw: hashed.append(pw) or users.hash_password(pw))

    generate_demo(services.db, franchisees=50, today=TODAY)

    assert sorted(hashed) == sorted(u.password for u in DEMO_USERS)
    assert services.users.sign_in("credit", "demo-credit").role == Role.CREDIT_MANAGER


def test_a_demo_user_can_sign_in_and_owns_franchisees(services):
    generate_demo(services.db, franchisees=30, today=TODAY)

    zhang = services.users.sign_in("zhang", "demo-zhang")

    assert (zhang.role, zhang.display_name) == (Role.ACCOUNT_MANAGER, "张伟")
    assert services.users.sign_in("viewer", "demo-viewer").role == Role.VIEWER
    mine = services.franchisees.search(
        zhang, SearchCriteria(account_manager_id=zhang.user_id, include_archived=True)
    )
    assert 0 < len(mine.ids) < 30


def test_search_finds_a_franchisee_by_a_contact_name(services):
    generate_demo(services.db, franchisees=50, today=TODAY)
    admin = services.users.sign_in("admin", "demo-admin")
    with services.db.read() as s:
        fid, name = s.execute(
            select(Contact.franchisee_id, Contact.name)
            .join(Franchisee)
            .where(Contact.is_primary.is_(False), Franchisee.archived.is_(False))
            .order_by(Contact.id.desc())
            .limit(1)
        ).one()

    found = services.franchisees.search(admin, SearchCriteria(text=name))

    assert fid in found.ids


def test_the_app_inserts_after_the_demo(services):
    """Ids were given by the generator: the sequences must have moved past them (PostgreSQL)."""
    counts = generate_demo(services.db, franchisees=20, today=TODAY)
    admin = services.users.sign_in("admin", "demo-admin")

    created = services.franchisees.create(
        admin, FranchiseeData(code="NEW-1", legal_name="杭州新加盟珠宝有限公司", city="杭州", tier="B")
    )
    contact = services.contacts.add(admin, created.id, ContactData(name="新联系人", mobile="13900001111"))
    store = services.stores.add(admin, created.id, StoreData(name="新店", status=StoreStatus.PLANNED))
    changed = services.franchisees.change_status(
        admin, created.id, created.version, StatusChange(LifecycleStatus.ACTIVE, date.today(), "签约")
    )

    assert created.id == counts["franchisees"] + 1
    assert contact.id == counts["contacts"] + 1 and contact.data.is_primary
    assert store.id == counts["stores"] + 1
    assert changed.status == LifecycleStatus.ACTIVE
    assert len(services.franchisees.status_history(admin, created.id)) == 2


def test_300_franchisees_are_quick(services):
    started = time.perf_counter()
    counts = generate_demo(services.db, franchisees=300, ledger=False)  # the ledger: test_ledger_demo.py
    elapsed = time.perf_counter() - started

    print(f"\n{services.dialect}: 300 franchisees, {counts['contacts']} contacts in {elapsed:.2f} s")
    assert counts["franchisees"] == 300
    assert elapsed < 2.0


# ----- without a database ----------------------------------------------------------------------------------


def test_the_network_looks_like_a_real_one():
    data = build_demo_data(franchisees=1000, years=5, seed=1, today=TODAY)
    f = data.franchisees
    statuses = Counter(r["status"] for r in f)
    tiers = Counter(r["tier"] for r in f)
    active = [r for r in f if r["status"] == "active"]
    due = [r for r in active if TODAY <= r["contract_end"] <= TODAY + timedelta(days=90)]
    expired = [r for r in active if r["contract_end"] < TODAY]
    contacts_per = Counter(c["franchisee_id"] for c in data.contacts)
    birthdays = [c for c in data.contacts if c["birthday"]]

    assert 0.65 < statuses["active"] / 1000 < 0.9 and min(statuses.values()) >= 30 and len(statuses) == 4
    assert 0.1 < tiers["A"] / 1000 < 0.2 and tiers["B"] > tiers["A"] and tiers["C"] > tiers["A"]
    assert 0.03 < len(due) / len(active) < 0.2 and 0.01 < len(expired) / len(active) < 0.1
    assert 3.7 < statistics.mean(contacts_per.values()) < 4.3
    assert 0.2 < sum(c["birthday_lunar"] for c in birthdays) / len(birthdays) < 0.4
    assert 0.003 < sum(r["archived"] for r in f) / 1000 < 0.03
    assert {a["label"] for a in data.anniversaries} == {"结婚纪念日", "入行纪念日"}
    assert any(s["status"] == "planned" and s["opened_on"] > TODAY for s in data.stores)
    assert all(len(r["tags"].split(",")) <= 3 for r in f)
    assert len({r["legal_name"] for r in f}) == 1000 and len({s["name"] for s in data.stores}) == len(
        data.stores
    )
    assert f[0]["code"] == "JX0001" and f[-1]["code"] == "JX1000"
    earliest = TODAY - timedelta(days=5 * 365)
    assert all(earliest <= r["join_date"] <= TODAY for r in f if r["join_date"])
    assert all(s["opened_on"] >= earliest for s in data.stores)


def test_one_year_back_still_gives_a_consistent_history():
    data = build_demo_data(franchisees=300, years=1, seed=4, today=TODAY)

    by_franchisee = defaultdict(list)
    for r in data.status_changes:
        by_franchisee[r["franchisee_id"]].append(r)
    for steps in by_franchisee.values():
        days = [r["changed_on"] for r in steps]
        assert days == sorted(days) and days[-1] <= TODAY
    assert all(r["join_date"] >= TODAY - timedelta(days=365) for r in data.franchisees if r["join_date"])


def test_every_character_of_the_pools_is_in_the_letter_font():
    """Letters print demo names and addresses; a missing glyph would vanish silently from the PDF."""
    import json

    from reportlab.pdfbase.ttfonts import TTFont

    from hqdesk.resources import db_path, resource_path

    chars: set[str] = set()

    def walk(value):
        if isinstance(value, str):
            chars.update(value)
        elif isinstance(value, list):
            for v in value:
                walk(v)
        elif isinstance(value, dict):
            for v in value.values():
                walk(v)

    for path in sorted(db_path("demo").glob("*.json")):
        walk(json.loads(path.read_text(encoding="utf-8")))
    cmap = TTFont(
        "demo-check", str(resource_path("fonts", "wqy-microhei.ttc")), subfontIndex=0
    ).face.charToGlyph
    assert len(chars) > 500
    assert sorted(c for c in chars if ord(c) > 127 and ord(c) not in cmap) == []


# ----- the same output as before the generator moved to hqdesk.demo -----------------------------------------

GOLDEN = {
    # sha256 of every generated row (search text left out: domain.search decides it, and may grow), taken from
    # hqdesk/services/demo.py before it became the hqdesk.demo package with one builder per aggregate
    (300, 1): "fe2af1e4e833d56aaaba00c64765742d66acc85c11c881b5c5cea9f4f322701a",
    (1000, 7): "580d976eec9d05d2d3f3f0ac4a26338cf2d5ba75a9ec8d0ca183f6d42244fd7c",
}


@pytest.mark.parametrize("franchisees, seed", sorted(GOLDEN))
def test_the_builders_give_the_same_rows_as_the_generator_before_the_split(franchisees, seed):
    import hashlib
    import json
    from datetime import datetime

    data = build_demo_data(
        franchisees=franchisees,
        years=5,
        seed=seed,
        today=date(2026, 11, 23),
        now=datetime(2026, 11, 23, 8, 0, tzinfo=UTC),
    )
    digest = hashlib.sha256()
    for key in ("franchisees", "account_managers", "status_changes", "contacts", "anniversaries", "stores"):
        rows = [
            # preferred_language: a column added later (letters), None in every row the builders make
            {k: v for k, v in r.items() if k not in ("search_text", "preferred_language")}
            if isinstance(r, dict)
            else r
            for r in getattr(data, key)
        ]
        digest.update(json.dumps(rows, sort_keys=True, default=str, ensure_ascii=False).encode())
    assert digest.hexdigest() == GOLDEN[(franchisees, seed)]


def test_the_search_text_is_the_mappers():
    """The generator's rows are found as the service's are: the franchisee mapper made their search text."""
    data = build_demo_data(franchisees=20, years=5, seed=3, today=TODAY)
    for row in data.franchisees:
        contacts = [c for c in data.contacts if c["franchisee_id"] == row["id"]]
        assert row["search_text"] == FranchiseeMapper.search_text(row, contacts)
