"""The aggregates' mappers (persistence/mappers.py): row <-> domain data, on SQLite and PostgreSQL, and the one
place the mapping is written (the services, the importer and the demo generator all go through them)."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal
from pathlib import Path

from sqlalchemy import select

from hqdesk.domain.contact import Anniversary, ContactData, ContactRole, Gender, StoreData, StoreStatus
from hqdesk.domain.franchisee import FranchiseeData, LifecycleStatus
from hqdesk.domain.search import franchisee_search_text
from hqdesk.persistence.mappers import ContactMapper, FranchiseeMapper, StoreMapper
from hqdesk.persistence.models import Contact, Franchisee, Store

ROOT = Path(__file__).resolve().parents[2]
TODAY = date(2026, 11, 23)

PROFILE = FranchiseeData(
    code="JX0042",
    legal_name="杭州金辉珠宝有限公司",
    store_brand_name="金祥珠宝·杭州西湖店",
    uscc="",
    legal_representative="张伟",
    registered_capital=Decimal("1000000.50"),
    business_scope="珠宝首饰的零售。",
    region="华东",
    province="浙江省",
    city="杭州",
    address="浙江省杭州市西湖区文三路1号",
    tier="A",
    join_date=date(2021, 3, 1),
    contract_start=date(2024, 3, 1),
    contract_end=date(2027, 2, 28),
    account_manager_id=None,
    tags=("新店", "重点关注"),
    notes="备注",
)
PERSON = ContactData(
    name="王芳",
    gender=Gender.FEMALE,
    honorific="女士",
    role=ContactRole.FINANCE,
    mobile="13800000001",
    phone="0571-88888888",
    email="wf@example.com",
    wechat_id="wangfang88",
    birthday=date(1980, 5, 6),
    birthday_lunar=True,
    anniversaries=(
        Anniversary("结婚纪念日", date(2005, 10, 1), True),
        Anniversary("公司成立", date(2010, 1, 8)),
    ),
    hobbies="茶",
    preferences="不喝酒",
    notes="财务",
    is_primary=True,
)
SHOP = StoreData(
    name="金祥珠宝·杭州万象城店",
    address="万象城1层101号",
    city="杭州",
    opened_on=date(2022, 1, 1),
    status=StoreStatus.RENOVATING,
    floor_area=Decimal("120.50"),
)


def test_franchisee_values_and_back_without_a_database():
    values = FranchiseeMapper.values(PROFILE)
    assert values["tags"] == "新店,重点关注"
    assert values["uscc"] is None  # no unified social credit code is NULL, so the unique index allows many
    assert FranchiseeMapper.data(values) == PROFILE


def test_insert_values_carry_the_status_and_the_search_text_of_the_domain():
    contact = {**ContactMapper.values(PERSON)}
    row = FranchiseeMapper.insert_values(
        PROFILE, status=LifecycleStatus.ACTIVE, status_changed_on=TODAY, contacts=[contact], id=7
    )
    assert (row["status"], row["status_changed_on"], row["archived"], row["id"]) == (
        "active",
        TODAY,
        False,
        7,
    )

    class Obj:
        def __init__(self, values):
            self.__dict__.update(values)

    assert row["search_text"] == franchisee_search_text(Obj(row), [Obj(contact)])
    assert "王芳" in row["search_text"] and "jx0042" in row["search_text"]


def test_every_column_of_the_tables_is_mapped():
    """A column added to a table and forgotten in its mapper fails here, not in a user's data."""
    own = {"id", "version", "created_at", "updated_at", "updated_by", "franchisee_id"}
    franchisee_columns = set(Franchisee.__table__.columns.keys()) - own
    mapped = set(FranchiseeMapper.insert_values(PROFILE, status="prospect", status_changed_on=None))
    assert franchisee_columns == mapped
    assert set(Contact.__table__.columns.keys()) - own == set(ContactMapper.values(PERSON))
    assert set(Store.__table__.columns.keys()) - own == set(StoreMapper.values(SHOP))


def test_the_services_write_and_read_through_the_mappers(services, users):
    """A profile, a contact with anniversaries and a store saved by the services come back from the rows
    equal to what was saved (SQLite and PostgreSQL: Decimal, dates, booleans, NULL unified social credit code)."""
    admin = users["admin"]
    detail = services.franchisees.create(admin, PROFILE, today=TODAY)
    contact = services.contacts.add(admin, detail.id, PERSON, today=TODAY)
    store = services.stores.add(admin, detail.id, SHOP, today=TODAY)

    with services.db.read() as s:
        row = s.get(Franchisee, detail.id)
        assert FranchiseeMapper.data(row) == PROFILE
        assert row.uscc is None
        assert ContactMapper.data(s.get(Contact, contact.id)) == PERSON
        assert StoreMapper.data(s.get(Store, store.id)) == SHOP
        assert row.search_text == FranchiseeMapper.search_text(row, s.scalars(select(Contact)).all())


def test_changing_only_an_anniversary_moves_the_contacts_version(services, users):
    admin = users["admin"]
    detail = services.franchisees.create(admin, PROFILE, today=TODAY)
    contact = services.contacts.add(admin, detail.id, PERSON, today=TODAY)
    changed = PERSON.__class__(**{**PERSON.__dict__, "anniversaries": PERSON.anniversaries[:1]})

    saved = services.contacts.update(admin, contact.id, contact.version, changed, today=TODAY)

    assert saved.version == contact.version + 1
    assert saved.data.anniversaries == PERSON.anniversaries[:1]


def _python_files():
    return [p for p in (ROOT / "hqdesk").rglob("*.py") if "__pycache__" not in p.parts]


def test_the_mapping_is_written_once():
    """grep: the search text is computed only through the franchisee mapper, a contact's anniversaries are
    built only by the contact mapper, and only the mappers turn rows into FranchiseeData/ContactData/StoreData."""
    mappers = ROOT / "hqdesk/persistence/mappers.py"
    search = ROOT / "hqdesk/domain/search.py"
    calls = {p for p in _python_files() if "franchisee_search_text(" in p.read_text(encoding="utf-8")}
    assert calls == {mappers, search}
    built = re.compile(r"(?<!class )ContactAnniversary\(")
    anniversaries = {p for p in _python_files() if built.search(p.read_text(encoding="utf-8"))}
    assert anniversaries == {mappers}
    from_rows = re.compile(r"(legal_name|wechat_id|floor_area)=(row|c|st|r)\.")
    by_rows = {p for p in _python_files() if from_rows.search(p.read_text(encoding="utf-8"))}
    assert by_rows == {mappers}
