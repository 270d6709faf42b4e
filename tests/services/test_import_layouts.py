"""Other systems' exports recognised without a mapping: Odoo contacts (res.partner, import-compatible or not)
and ERPNext Customers (Data Import of versions 13-15 and the older Data Import Tool), from real-shaped files in
the encodings Chinese users produce; a file with one key column renamed is not taken for the layout."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func, select

from hqdesk.domain.roles import SYSTEM_ACTOR
from hqdesk.persistence.models import AuditEntry, Contact, Franchisee
from hqdesk.services.imports import FranchiseeImporter
from hqdesk.services.imports.children import ContactImporter
from hqdesk.services.imports.layouts import recognise_layout
from hqdesk.services.imports.layouts_odoo import odoo_code
from hqdesk.services.imports.reader import read_table

FIXTURES = Path(__file__).parent.parent / "fixtures" / "imports"
TODAY = date(2025, 6, 1)


def franchisees_in(services):
    with services.db.read() as s:
        return {
            r.code: r
            for r in s.execute(
                select(
                    Franchisee.id,
                    Franchisee.code,
                    Franchisee.legal_name,
                    Franchisee.city,
                    Franchisee.province,
                    Franchisee.address,
                    Franchisee.uscc,
                    Franchisee.tier,
                    Franchisee.status,
                    Franchisee.tags,
                    Franchisee.notes,
                    Franchisee.search_text,
                )
            )
        }


def contacts_in(services):
    """{franchisee code: [(name, mobile, email, role, honorific, is_primary)...]} in the order written."""
    with services.db.read() as s:
        rows = s.execute(
            select(
                Franchisee.code,
                Contact.name,
                Contact.mobile,
                Contact.email,
                Contact.role,
                Contact.honorific,
                Contact.is_primary,
            )
            .join(Franchisee)
            .order_by(Contact.id)
        ).all()
    out: dict[str, list] = {}
    for code, *rest in rows:
        out.setdefault(code, []).append(tuple(rest))
    return out


def counts(services):
    with services.db.read() as s:
        return tuple(s.scalar(select(func.count()).select_from(m)) for m in (Franchisee, Contact, AuditEntry))


# ----- Odoo ----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name", ["odoo_res_partner_import_compatible.csv", "odoo_res_partner_import_compatible_gb18030.csv"]
)
def test_an_odoo_import_compatible_export_gives_companies_and_their_people(services, users, name):
    """Technical headers (parent_id/id links a person to its company's external id); UTF-8 as Odoo writes
    it and GB18030 as Chinese Excel saves it: the same franchisees and contacts, no mojibake."""
    result = FranchiseeImporter(services.db).import_file(SYSTEM_ACTOR, FIXTURES / name, today=TODAY)
    assert result.errors == ()
    assert result.layout == "Odoo contacts export"
    assert (result.rows, result.imported) == (2, 2)
    found = franchisees_in(services)
    assert set(found) == {"HZ-001", "ODOO-20"}  # ref, else the Odoo id of __export__.res_partner_20_…
    hz = found["HZ-001"]
    assert (hz.legal_name, hz.city, hz.province, hz.address, hz.uscc, hz.tier) == (
        "杭州金缘珠宝有限公司",
        "杭州",
        "浙江",
        "西湖区文三路100号 金缘大厦3楼",
        "91330106MA2B3C4D5D",
        "A",
    )
    assert found["ODOO-20"].uscc is None and "Tax ID: VAT-123" in found["ODOO-20"].notes
    # the people: contacts of their company, the first one primary; the nameless delivery address left out
    assert contacts_in(services) == {
        "HZ-001": [
            ("张伟", "13800138001", "zhangwei@jinyuan.example.cn", "manager", "先生", True),
            ("李娜", "13900139002", "lina@jinyuan.example.cn", "other", "女士", False),
        ],
        "ODOO-20": [("王芳", "13700137003", "wangfang@yinhe.example.cn", "purchasing", "", True)],
    }
    assert "zhangwei" in hz.search_text and "lina" in hz.search_text  # people found by search


@pytest.mark.parametrize("name", ["odoo_res_partner_labels.xlsx", "odoo_res_partner_labels_bom.csv"])
def test_an_odoo_export_with_display_labels_is_recognised(services, users, name):
    """The non-compatible export: "Is a Company", "Related Company" holding the company's display name,
    Display Name "Company, Person"; XLSX, and CSV UTF-8 with a BOM."""
    result = FranchiseeImporter(services.db).import_file(SYSTEM_ACTOR, FIXTURES / name, today=TODAY)
    assert result.errors == ()
    assert result.layout == "Odoo contacts export"
    assert result.imported == 2
    found = franchisees_in(services)
    assert set(found) == {"SZ-008", "NB-002"}
    assert found["SZ-008"].uscc == "91440300MA5F6G7H8B" and found["SZ-008"].province == "广东"
    assert contacts_in(services) == {
        "SZ-008": [
            ("陈静", "13600136004", "chenjing@xinrong.example.cn", "store_manager", "", True),
            ("刘洋", "13500135005", "", "owner", "", False),
        ]
    }


def test_an_odoo_person_whose_company_is_not_in_the_file_refuses_the_file(services, users, tmp_path):
    lines = (FIXTURES / "odoo_res_partner_import_compatible.csv").read_bytes().split(b"\r\n")
    path = tmp_path / "partial.csv"
    # the company of row 7 (王芳) left out of the export
    path.write_bytes(b"\r\n".join(line for i, line in enumerate(lines) if i != 5))
    before = counts(services)
    result = FranchiseeImporter(services.db).import_file(SYSTEM_ACTOR, path, today=TODAY)
    assert result.imported == 0
    assert [(p.row, p.column) for p in result.errors] == [(6, "parent_id/id")]
    assert "is not in the file" in result.errors[0].english()
    assert counts(services) == before  # nothing written


def test_odoo_people_can_be_imported_alone_as_contacts_of_existing_franchisees(services, users):
    """``import contacts`` of the same file: the people, attached to the franchisees imported before."""
    path = FIXTURES / "odoo_res_partner_import_compatible.csv"
    franchisees = FranchiseeImporter(services.db).import_file(SYSTEM_ACTOR, path, today=TODAY)
    assert franchisees.imported == 2
    with services.db.write("admin") as s:
        s.execute(Contact.__table__.delete())
        s.commit()
    result = ContactImporter(services.db).import_file(SYSTEM_ACTOR, path, today=TODAY)
    assert result.errors == () and result.imported == 3
    assert [c[0] for c in contacts_in(services)["HZ-001"]] == ["张伟", "李娜"]


def test_a_near_miss_odoo_file_is_not_taken_for_an_odoo_export(services, users):
    """is_company renamed: not recognised; the template's mapping then names the unknown columns."""
    table = read_table(FIXTURES / "odoo_near_miss.csv")
    assert recognise_layout(table, "A").name == ""
    result = FranchiseeImporter(services.db).import_file(
        SYSTEM_ACTOR, FIXTURES / "odoo_near_miss.csv", today=TODAY
    )
    assert result.layout == "" and result.imported == 0
    assert any(p.column == "is_a_company" for p in result.errors)


@pytest.mark.parametrize(
    ("ref", "external", "code"),
    [
        ("HZ-001", "__export__.res_partner_12_5f3a2b1c", "HZ-001"),
        ("", "__export__.res_partner_12_5f3a2b1c", "ODOO-12"),
        ("", "42", "ODOO-42"),
        ("", "base.main_partner", "base.main_partner"),
    ],
)
def test_the_code_of_an_odoo_company(ref, external, code):
    assert odoo_code(ref, external) == code


# ----- ERPNext -------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["erpnext_customer_data_import.csv", "erpnext_customer_data_import.xlsx"])
def test_an_erpnext_data_import_export_gives_customers_with_their_child_rows(services, users, name):
    result = FranchiseeImporter(services.db).import_file(SYSTEM_ACTOR, FIXTURES / name, today=TODAY)
    assert result.errors == ()
    assert result.layout == "ERPNext Customer export"
    assert (result.rows, result.imported) == (3, 3)  # the Sales Team line is no customer of its own
    found = franchisees_in(services)
    assert set(found) == {"CUST-00001", "CUST-00002", "CUST-00003"}
    first = found["CUST-00001"]
    assert (first.legal_name, first.city, first.uscc, first.tags, first.status) == (
        "杭州金缘珠宝有限公司",
        "杭州",
        "91330106MA2B3C4D5D",
        "加盟商",
        "active",
    )
    # both Sales Team rows attached to their customer (the second on a line of its own)
    assert first.notes == (
        "老客户\nSales Team: Sales Person 王经理, Contribution (%) 60\n"
        "Sales Team: Sales Person 赵主管, Contribution (%) 40"
    )
    assert found["CUST-00002"].status == "suspended"  # Disabled
    assert found["CUST-00003"].uscc is None and "Tax ID: 123456789" in found["CUST-00003"].notes
    assert contacts_in(services) == {"CUST-00001": [("张伟", "13800138001", "", "owner", "", True)]}


def test_an_erpnext_data_import_tool_template_saved_by_chinese_excel(services, users):
    """The old template: instruction rows, DocType / Column Labels / Column Name rows, data below the line
    with a blank first column, a Sales Team child row on a line of its own; GB18030."""
    path = FIXTURES / "erpnext_customer_import_tool_gb18030.csv"
    result = FranchiseeImporter(services.db).import_file(SYSTEM_ACTOR, path, today=TODAY)
    assert result.errors == ()
    assert result.layout == "ERPNext Customer export"
    assert result.imported == 2
    found = franchisees_in(services)
    assert set(found) == {"CUST-00007", "CUST-00008"}
    assert found["CUST-00008"].legal_name == "佛山金玉满堂首饰有限公司"
    assert found["CUST-00008"].notes == (
        "Sales Team: Sales Person 陈经理, Contribution (%) 50\nSales Team: Sales Person 刘主管, Contribution (%) 50"
    )


def test_a_near_miss_erpnext_file_is_not_taken_for_an_erpnext_export(services, users):
    table = read_table(FIXTURES / "erpnext_near_miss.csv")
    assert recognise_layout(table, "A").name == ""
    result = FranchiseeImporter(services.db).import_file(
        SYSTEM_ACTOR, FIXTURES / "erpnext_near_miss.csv", today=TODAY
    )
    assert result.layout == "" and result.imported == 0 and result.errors


def test_erpnext_customers_named_by_their_name_say_the_id_is_no_code(services, users, tmp_path):
    """Customers named by their name (no naming series): the ID is no valid code; the row says so."""
    path = tmp_path / "named.csv"
    path.write_text(
        "ID,Customer Name,Customer Type,Territory\n杭州金缘,杭州金缘珠宝有限公司,Company,杭州\n", "utf-8"
    )
    result = FranchiseeImporter(services.db).import_file(SYSTEM_ACTOR, path, today=TODAY)
    assert result.layout == "ERPNext Customer export" and result.imported == 0
    assert [(p.row, p.column) for p in result.errors] == [(2, "code")]
