"""``hqdesk-admin export ENTITY FILE``: every entity to CSV and XLSX, read back; formula-like text stays text;
an export of franchisees imports again into an empty database and gives the same franchisees."""

from __future__ import annotations

import csv
from datetime import date
from decimal import Decimal

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from hqdesk.cli import main
from hqdesk.domain.contact import ContactData, ContactRole, StoreData, StoreStatus
from hqdesk.domain.franchisee import FranchiseeData
from hqdesk.persistence.models import Franchisee
from hqdesk.services.exports import COLUMNS
from tests.services.analytics_ledger import build

FORMULA = '=HYPERLINK("http://evil.example","点我")'


@pytest.fixture
def url(migrated_db_url):
    from hqdesk.services.bootstrap import open_services

    sv = open_services(migrated_db_url)
    try:
        admin = sv.users.create_first_admin("admin", "管理员", "admin-pass-1")
        build(sv, admin)
        sv.franchisees.create(
            admin,
            FranchiseeData(
                code="F3",
                legal_name=FORMULA,
                city="杭州",
                tier="A",
                notes="+cmd|' /C calc'!A0",
                tags="@SUM(A1:A9)",
                registered_capital=Decimal("1234567.80"),
            ),
        )
    finally:
        sv.close()
    return migrated_db_url


def read_csv(path):
    with open(path, encoding="utf-8-sig", newline="") as f:
        return list(csv.reader(f))


@pytest.mark.parametrize("entity", list(COLUMNS))
def test_every_entity_to_csv_and_xlsx(capsys, url, tmp_path, entity):
    for suffix in ("csv", "xlsx"):
        path = tmp_path / f"{entity}.{suffix}"
        assert main(["export", entity, str(path), "--db", url]) == 0
        out = capsys.readouterr().out
        rows = (
            read_csv(path)
            if suffix == "csv"
            else [list(r) for r in load_workbook(path, read_only=True).active.iter_rows(values_only=True)]
        )
        assert rows[0] == list(COLUMNS[entity].headers)
        assert out == f"exported {len(rows) - 1} {entity} to {path}\n"
    if entity == "invoices":
        assert [r[1] for r in read_csv(tmp_path / "invoices.csv")[1:]] == [
            "J1",
            "I1",
            "I2",
            "CN1",
            "I3",
            "J2",
            "I4",
        ]
        assert read_csv(tmp_path / "invoices.csv")[4] == [
            "F1",
            "CN1",
            "2026-10-20",
            "200.00",
            "",
            "credit_note",
            "I2",
        ]
    if entity == "payments":
        assert read_csv(tmp_path / "payments.csv")[1:] == [["F1", "P1", "2026-11-20", "1000.00", "I2"]]


def test_formula_like_text_is_written_as_text(capsys, url, tmp_path):
    assert main(["export", "franchisees", str(tmp_path / "f.csv"), "--db", url]) == 0
    assert main(["export", "franchisees", str(tmp_path / "f.xlsx"), "--db", url]) == 0
    row = next(r for r in read_csv(tmp_path / "f.csv") if r[0] == "F3")
    headers = list(COLUMNS["franchisees"].headers)
    assert row[headers.index("legal_name")] == "'" + FORMULA
    assert row[headers.index("notes")] == "'+cmd|' /C calc'!A0"
    assert row[headers.index("registered_capital")] == "1234567.80"
    sheet = load_workbook(tmp_path / "f.xlsx").active
    cells = {c.value: c for c in sheet[4]}
    assert cells[FORMULA].data_type == "s"
    assert cells["@SUM(A1:A9)"].data_type == "s"


def test_unknown_extension_and_unknown_entity_are_refused(capsys, url, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    assert main(["export", "franchisees", str(out / "f.txt"), "--db", url]) == 2
    assert "must end in .xlsx or .csv" in capsys.readouterr().err
    assert main(["export", "unicorns", str(out / "f.csv"), "--db", url]) == 2
    assert main(["export", "franchisees", str(out), "--db", url]) == 2
    assert list(out.iterdir()) == []


def test_franchisees_round_trip_through_the_import(capsys, url, tmp_path, migrated_sqlite):
    from hqdesk.services.bootstrap import open_services

    exported = tmp_path / "franchisees.xlsx"
    assert main(["export", "franchisees", str(exported), "--db", url]) == 0
    empty = migrated_sqlite(tmp_path / "empty.sqlite3")
    sv = open_services(empty)
    try:
        sv.users.create_first_admin("admin", "管理员", "admin-pass-1")
    finally:
        sv.close()
    assert main(["import", "franchisees", str(exported), "--db", empty, "--as", "admin"]) == 0, (
        capsys.readouterr()
    )
    again = tmp_path / "again.xlsx"
    assert main(["export", "franchisees", str(again), "--db", empty]) == 0
    first = list(load_workbook(exported).active.iter_rows(values_only=True))
    second = list(load_workbook(again).active.iter_rows(values_only=True))
    assert second == first
    assert len(first) == 4


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_contacts_and_stores_round_trip_through_the_import(capsys, url, tmp_path, migrated_sqlite, suffix):
    """Franchisees, then their contacts and stores, exported and imported into an empty database: the
    contacts and stores exported again are the same (the lunar birthday and the primary flag included)."""
    from hqdesk.services.bootstrap import open_services

    sv = open_services(url)
    try:
        admin = sv.users.actor("admin")
        with sv.db.read() as s:
            f3 = s.scalar(select(Franchisee.id).where(Franchisee.code == "F3"))
        sv.contacts.add(
            admin,
            f3,
            ContactData(
                name="=王总",
                honorific="总",
                role=ContactRole.FINANCE,
                mobile="13800138000",
                email="wang@example.cn",
                birthday=date(1975, 8, 15),
                birthday_lunar=True,
                notes="@喜欢茶",
            ),
        )
        sv.contacts.add(
            admin, f3, ContactData(name="李会计", role=ContactRole.FINANCE, birthday=date(1990, 2, 3))
        )
        sv.stores.add(
            admin,
            f3,
            StoreData(
                name="西湖店",
                address="杭州市西湖区文三路 1 号",
                city="杭州",
                opened_on=date(2019, 5, 1),
                status=StoreStatus.RENOVATING,
                floor_area=Decimal("85.50"),
            ),
        )
    finally:
        sv.close()
    empty = migrated_sqlite(tmp_path / "empty.sqlite3")
    sv = open_services(empty)
    try:
        sv.users.create_first_admin("admin", "管理员", "admin-pass-1")
    finally:
        sv.close()
    for entity in ("franchisees", "contacts", "stores"):
        exported = tmp_path / f"{entity}{suffix}"
        assert main(["export", entity, str(exported), "--db", url]) == 0
        # the franchisees' file brought each primary contact: the contacts' file updates those
        update = ["--on-duplicate", "update"] if entity == "contacts" else []
        command = ["import", entity, str(exported), "--db", empty, "--as", "admin", *update]
        assert main(command) == 0, capsys.readouterr()
    for entity in ("contacts", "stores"):
        again = tmp_path / f"{entity}-again{suffix}"
        assert main(["export", entity, str(again), "--db", empty]) == 0
        first, second = _rows(tmp_path / f"{entity}{suffix}"), _rows(again)
        assert len(first) > 1
        assert second == first, entity


def _rows(path) -> list[tuple]:
    if path.suffix == ".csv":
        with path.open(encoding="utf-8-sig", newline="") as f:
            return [tuple(r) for r in csv.reader(f)]
    return list(load_workbook(path).active.iter_rows(values_only=True))
