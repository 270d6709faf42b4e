"""Rows matching franchisees already in hqdesk (by unified social credit code, then code, then exact legal name):
update, skip or create, per row or for all; the credit columns (credit limit, settlement term) and who may
import them. Both databases; a property test throws random decisions at a file and checks all or nothing."""

from __future__ import annotations

import itertools
from datetime import date
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from hqdesk.domain import roles
from hqdesk.domain.credit import TermKind
from hqdesk.domain.roles import SYSTEM_ACTOR, Action, Role
from hqdesk.persistence.models import AuditEntry, Contact, Franchisee
from hqdesk.persistence.models_credit import CreditProfile, CreditProfileChange
from hqdesk.services.imports.credit_columns import parse_term
from tests.services.test_import import make_uscc, write_csv

TODAY = date(2026, 11, 23)
BASE = ["code", "legal_name", "city", "tier", "uscc", "account_manager"]


@pytest.fixture
def existing(services, users, tmp_path):
    """F1 (uscc 1, account manager am), F2 (am2), F3 (no uscc, am)."""
    rows = [
        ["F1", "甲珠宝有限公司", "杭州", "A", make_uscc(1), "am"],
        ["F2", "乙珠宝有限公司", "宁波", "B", make_uscc(2), "am2"],
        ["F3", "丙珠宝有限公司", "温州", "A", "", "am"],
    ]
    path = write_csv(tmp_path / "seed.csv", [BASE, *rows])
    assert services.imports.franchisees.import_file(SYSTEM_ACTOR, path, today=TODAY).imported == 3
    return services


def snapshot(services):
    with services.db.read() as s:
        franchisees = s.execute(
            select(
                Franchisee.code, Franchisee.legal_name, Franchisee.city, Franchisee.tier, Franchisee.version
            ).order_by(Franchisee.code)
        ).all()
        return (
            tuple(franchisees),
            s.scalar(select(func.count()).select_from(Contact)),
            s.scalar(select(func.count()).select_from(CreditProfile)),
            s.scalar(select(func.count()).select_from(AuditEntry)),
        )


def city_of(services, code):
    with services.db.read() as s:
        return s.execute(
            select(Franchisee.city, Franchisee.tier, Franchisee.version, Franchisee.account_manager_id).where(
                Franchisee.code == code
            )
        ).one()


def test_update_changes_only_mapped_non_blank_cells_and_is_versioned_and_audited(existing, users, tmp_path):
    services = existing
    path = write_csv(
        tmp_path / "f.csv",
        [
            ["统一社会信用代码", "代码", "名称", "城市", "等级"],
            [make_uscc(1), "F1", "甲珠宝有限公司", "上海", ""],
        ],
    )
    before = city_of(services, "F1")
    dry = services.imports.franchisees.import_file(
        users["admin"], path, on_duplicate="update", dry_run=True, today=TODAY
    )
    assert dry.ok and dry.updated == 0 and city_of(services, "F1") == before
    assert [(d.row, d.matched_by, d.existing_code, d.action) for d in dry.duplicates] == [
        (2, "uscc", "F1", "update")
    ]
    result = services.imports.franchisees.import_file(
        users["admin"], path, on_duplicate="update", today=TODAY
    )
    assert (result.imported, result.updated) == (0, 1), [p.line() for p in result.errors]
    city, tier, version, manager = city_of(services, "F1")
    assert (city, tier, version, manager) == ("上海", "A", before.version + 1, before.account_manager_id)
    with services.db.read() as s:
        assert (
            s.scalar(
                select(func.count())
                .select_from(AuditEntry)
                .where(AuditEntry.table_name == "franchisees", AuditEntry.action == "update")
            )
            >= 1
        )


def test_skip_create_and_per_row_decisions(existing, users, tmp_path):
    services = existing
    rows = [
        ["F1", "甲珠宝有限公司", "上海", "A"],  # code match
        ["F9", "乙珠宝有限公司", "苏州", "A"],  # legal-name match only
        ["F10", "新珠宝有限公司", "南京", "A"],  # new
    ]
    path = write_csv(tmp_path / "f.csv", [BASE[:4], *rows])
    result = services.imports.franchisees.import_file(
        users["admin"], path, on_duplicate="skip", decisions={3: "create"}, today=TODAY
    )
    assert (result.imported, result.updated, result.skipped) == (2, 0, 1), [p.line() for p in result.errors]
    assert [(d.row, d.matched_by, d.action) for d in result.duplicates] == [
        (2, "code", "skip"),
        (3, "legal_name", "create"),
    ]
    assert city_of(services, "F1").city == "杭州"
    assert city_of(services, "F9").city == "苏州"


def test_create_is_refused_for_a_code_or_uscc_match(existing, users, tmp_path):
    path = write_csv(tmp_path / "f.csv", [BASE[:4], ["F2", "别的公司", "上海", "A"]])
    before = snapshot(existing)
    result = existing.imports.franchisees.import_file(
        users["admin"], path, on_duplicate="create", today=TODAY
    )
    assert [p.line() for p in result.errors] == [
        "row 2, column code: Franchisee F2 already has this code: a new franchisee cannot take it. Update or "
        "skip the row.",
        "row 2, column code: Another franchisee already has the code F2.",
    ]
    assert snapshot(existing) == before


def test_refuse_stays_the_default(existing, users, tmp_path):
    path = write_csv(tmp_path / "f.csv", [BASE[:4], ["F1", "甲珠宝有限公司", "上海", "A"]])
    result = existing.imports.franchisees.import_file(users["admin"], path, today=TODAY)
    assert [p.line() for p in result.errors] == [
        "row 2, column code: Another franchisee already has the code F1."
    ]
    assert result.duplicates == ()


def test_an_update_breaking_a_rule_or_two_rows_on_one_franchisee_imports_nothing(existing, users, tmp_path):
    services = existing
    rows = [
        ["F1", "", "上海", "Z"],
        ["F3", "", "苏州", ""],
        ["f3", "", "无锡", ""],
        ["F20", "新公司", "南京", "A"],
    ]
    path = write_csv(tmp_path / "f.csv", [["code", "legal_name", "city", "tier"], *rows])
    before = snapshot(services)
    result = services.imports.franchisees.import_file(
        users["admin"], path, on_duplicate="update", today=TODAY
    )
    lines = [p.line() for p in result.errors]
    assert "row 4, column code: Row 3 already updates franchisee F3; keep one of the two rows." in lines
    assert any(line.startswith("row 2, column tier:") for line in lines)
    assert result.imported == result.updated == 0
    assert snapshot(services) == before


@pytest.fixture
def managers_import(monkeypatch):
    """Account managers may import in this test (only administrators may by default): the per-row rights
    and the credit columns' rule are what is tested."""
    monkeypatch.setitem(
        roles._ANY, Role.ACCOUNT_MANAGER, roles._ANY[Role.ACCOUNT_MANAGER] | {Action.IMPORT_FRANCHISEES}
    )


def test_an_account_manager_may_update_only_their_own_franchisees(existing, users, tmp_path, managers_import):
    services = existing
    path = write_csv(tmp_path / "f.csv", [["code", "city"], ["F1", "上海"], ["F2", "苏州"]])
    before = snapshot(services)
    result = services.imports.franchisees.import_file(users["am"], path, on_duplicate="update", today=TODAY)
    assert [p.line() for p in result.errors] == [
        "row 3: Your role (account_manager) may not edit franchisee F2: it is looked after by another account "
        "manager."
    ]
    assert snapshot(services) == before
    path = write_csv(tmp_path / "g.csv", [["code", "city"], ["F1", "上海"]])
    assert (
        services.imports.franchisees.import_file(
            users["am"], path, on_duplicate="update", today=TODAY
        ).updated
        == 1
    )


def test_credit_columns_are_written_through_the_credit_profile(existing, users, tmp_path):
    services = existing
    header = ["code", "legal_name", "city", "tier", "信用额度", "结算方式"]
    rows = [["F30", "新公司", "南京", "A", "500,000", "月结30天"], ["F31", "另一家", "南京", "A", "", "季结"]]
    path = write_csv(tmp_path / "f.csv", [header, *rows])
    result = services.imports.franchisees.import_file(users["admin"], path, today=TODAY)
    assert result.imported == 2, [p.line() for p in result.errors]
    path = write_csv(
        tmp_path / "g.csv", [["code", "credit_limit", "settlement_term"], ["F1", "80000.5", "net 45"]]
    )
    result = services.imports.franchisees.import_file(
        users["admin"], path, on_duplicate="update", today=TODAY
    )
    assert result.updated == 1, [p.line() for p in result.errors]
    with services.db.read() as s:
        got = s.execute(
            select(
                Franchisee.code, CreditProfile.term_kind, CreditProfile.term_days, CreditProfile.credit_limit
            )
            .join(CreditProfile, CreditProfile.franchisee_id == Franchisee.id)
            .order_by(Franchisee.code)
        ).all()
        assert [tuple(g) for g in got] == [
            ("F1", "net", 45, Decimal("80000.50")),
            ("F30", "monthly", 30, Decimal("500000.00")),
            ("F31", "quarterly", 0, None),
        ]
        assert set(s.scalars(select(CreditProfileChange.reason))) == {"import: f.csv", "import: g.csv"}


def test_bad_credit_cells_and_an_account_managers_credit_columns_are_refused(
    existing, users, tmp_path, managers_import
):
    services = existing
    before = snapshot(services)
    path = write_csv(
        tmp_path / "f.csv",
        [
            ["code", "legal_name", "city", "tier", "信用额度", "结算方式"],
            ["F40", "x", "y", "A", "-5", "每周"],
        ],
    )
    result = services.imports.franchisees.import_file(users["admin"], path, today=TODAY)
    assert [p.line() for p in result.errors] == [
        "row 2, column credit_limit: A credit limit is 0 or more, with at most two decimals.",
        "row 2, column settlement_term: Unknown settlement term 每周; use e.g. 预付, 货到付款, 月结, 月结30天, 季结, "
        "半年结, 年结, net 30 or 30天.",
    ]
    path = write_csv(
        tmp_path / "g.csv",
        [["code", "legal_name", "city", "tier", "credit_limit"], ["F41", "x", "y", "A", "100"]],
    )
    result = services.imports.franchisees.import_file(users["am"], path, today=TODAY)
    assert [p.line() for p in result.errors] == [
        "column credit_limit: Your role (account_manager) may not change credit terms: remove the credit_limit "
        "column (or its values), or ask a credit manager to import the file."
    ]
    assert snapshot(services) == before


@pytest.mark.parametrize(
    ("words", "term"),
    [
        ("月结", (TermKind.MONTHLY, 0)),
        ("月结30天", (TermKind.MONTHLY, 30)),
        ("季结", (TermKind.QUARTERLY, 0)),
        ("半年结", (TermKind.HALF_YEARLY, 0)),
        ("年结", (TermKind.YEARLY, 0)),
        ("net 30", (TermKind.NET, 30)),
        ("Net30", (TermKind.NET, 30)),
        ("账期60天", (TermKind.NET, 60)),
        ("monthly", (TermKind.MONTHLY, 0)),
        ("Quarterly + 15 days", (TermKind.QUARTERLY, 15)),
        ("预付款", (TermKind.ADVANCE, 0)),
        ("货到付款", (TermKind.COD, 0)),
        ("每周", None),
        ("net", None),
    ],
)
def test_settlement_term_words(words, term):
    assert parse_term(words) == term


_examples = itertools.count()


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    decisions=st.lists(st.sampled_from(["update", "skip", "create"]), min_size=3, max_size=3),
    default=st.sampled_from(["update", "skip", "create", "refuse"]),
    bad_row=st.sampled_from([None, 2, 3, 4, 5]),
    city=st.sampled_from(["上海", "苏州", "无锡"]),
)
def test_decisions_never_write_part_of_a_file(existing, users, tmp_path, decisions, default, bad_row, city):
    services = existing
    n = next(_examples)
    rows = [
        ["F1", "甲珠宝有限公司", city, "A"],  # matches F1 by code
        [f"N{n}", "乙珠宝有限公司", city, "B"],  # matches F2 by legal name only
        ["F3", "丙珠宝有限公司", city, ""],  # matches F3 by code (blank tier: kept on update)
        [f"M{n}", f"全新公司{n}", city, "A"],  # new
    ]
    if bad_row is not None:
        rows[bad_row - 2][3] = "Z"  # an unknown tier
    path = write_csv(tmp_path / f"p{n}.csv", [["code", "legal_name", "city", "tier"], *rows])
    before = snapshot(services)
    chosen = dict(zip((2, 3, 4), decisions, strict=True))
    result = services.imports.franchisees.import_file(
        users["admin"], path, on_duplicate=default, decisions=chosen, today=TODAY
    )
    after = snapshot(services)
    if result.errors:
        assert after == before and result.imported == result.updated == 0
        return
    # the file went in as a whole: every decision was carried out, and only those
    actions = {d.row: d.action for d in result.duplicates}
    assert set(actions) == {2, 3, 4}
    assert actions == {row: chosen[row] for row in (2, 3, 4)}
    assert result.updated == sum(a == "update" for a in actions.values())
    assert result.skipped == sum(a == "skip" for a in actions.values())
    assert result.imported == 4 - result.updated - result.skipped
    old = {code: (c, t, v) for code, _name, c, t, v in before[0]}
    new = {code: (c, t, v) for code, _name, c, t, v in after[0]}
    for row, code in ((2, "F1"), (4, "F3")):
        if actions[row] == "update":
            changed = old[code][0] != city
            assert new[code][:2] == (city, old[code][1]) and new[code][2] == old[code][2] + changed
        else:
            assert new[code] == old[code]
    # row 3 creates N{n}, or renames the namesake it updates to N{n} (the file's code is a mapped cell)
    assert (f"N{n}" in new) == (actions[3] in ("create", "update"))
    assert f"M{n}" in new


# ----- contacts and stores ------------------------------------------------------------------------------------


def contacts(services, code):
    with services.db.read() as s:
        return s.execute(
            select(Contact.name, Contact.mobile, Contact.email, Contact.version)
            .join(Franchisee)
            .where(Franchisee.code == code)
            .order_by(Contact.id)
        ).all()


@pytest.fixture
def with_contacts(existing, users, tmp_path):
    path = write_csv(
        tmp_path / "c0.csv",
        [
            ["加盟商编号", "姓名", "手机", "邮箱"],
            ["F1", "王总", "13900001111", "w@x.cn"],
            ["F1", "李会计", "13900002222", ""],
        ],
    )
    assert existing.imports.contacts.import_file(users["admin"], path, today=TODAY).imported == 2
    return existing


def test_a_contact_matching_by_name_or_mobile_is_refused_by_default(with_contacts, users, tmp_path):
    services = with_contacts
    path = write_csv(
        tmp_path / "c.csv",
        [
            ["加盟商编号", "姓名", "手机"],
            ["F1", "王总", ""],
            ["F1", "王小二", "13900002222"],
            ["F3", "王总", ""],
        ],
    )
    before = contacts(services, "F1")
    result = services.imports.contacts.import_file(users["admin"], path, today=TODAY)
    assert [p.line() for p in result.errors] == [
        "row 2, column name: Franchisee F1 already has a contact 王总 (same name): choose update, skip or create "
        "for this row.",
        "row 3, column mobile: Franchisee F1 already has a contact 李会计 (same mobile): choose update, skip or "
        "create for this row.",
    ]
    assert contacts(services, "F1") == before


def test_contacts_update_skip_and_create(with_contacts, users, tmp_path):
    services = with_contacts
    path = write_csv(
        tmp_path / "c.csv",
        [
            ["加盟商编号", "姓名", "手机", "邮箱"],
            ["F1", "王总", "", "wang@new.cn"],
            ["F1", "李会计", "", ""],
            ["F1", "王小二", "13900002222", ""],
        ],
    )
    result = services.imports.contacts.import_file(
        users["admin"], path, on_duplicate="update", decisions={3: "skip", 4: "create"}, today=TODAY
    )
    assert (result.imported, result.updated, result.skipped) == (1, 1, 1), [p.line() for p in result.errors]
    assert [(d.row, d.matched_by, d.existing_code, d.existing_name, d.action) for d in result.duplicates] == [
        (2, "name", "F1", "王总", "update"),
        (3, "name", "F1", "李会计", "skip"),
        (4, "mobile", "F1", "李会计", "create"),
    ]
    got = contacts(services, "F1")
    # the blank mobile left 王总's mobile as it was; the version moved on
    assert [tuple(c)[:3] for c in got] == [
        ("王总", "13900001111", "wang@new.cn"),
        ("李会计", "13900002222", ""),
        ("王小二", "13900002222", ""),
    ]
    assert [c.version for c in got] == [2, 1, 1]


def test_stores_match_by_name_within_the_franchisee(existing, users, tmp_path):
    services = existing
    first = write_csv(tmp_path / "s0.csv", [["加盟商编号", "店名", "城市"], ["F1", "西湖店", "杭州"]])
    assert services.imports.stores.import_file(users["admin"], first, today=TODAY).imported == 1
    again = write_csv(
        tmp_path / "s.csv", [["加盟商编号", "店名", "面积"], ["F1", "西湖店", "120"], ["F2", "西湖店", "80"]]
    )
    result = services.imports.stores.import_file(users["admin"], again, on_duplicate="update", today=TODAY)
    assert (result.imported, result.updated) == (1, 1), [p.line() for p in result.errors]
    assert [(d.row, d.matched_by, d.existing_code) for d in result.duplicates] == [(2, "name", "F1")]
    with services.db.read() as s:
        from hqdesk.persistence.models import Store

        rows = s.execute(
            select(Store.name, Store.city, Store.floor_area, Store.version).order_by(Store.id)
        ).all()
    assert [tuple(r) for r in rows] == [
        ("西湖店", "杭州", Decimal("120.00"), 2),
        ("西湖店", "", Decimal("80.00"), 1),
    ]


def test_a_skipped_rows_credit_cells_are_not_written(existing, users, tmp_path):
    services = existing
    path = write_csv(
        tmp_path / "f.csv",
        [
            ["code", "legal_name", "city", "tier", "credit_limit"],
            ["F1", "甲珠宝有限公司", "上海", "A", "100"],
        ],
    )
    result = services.imports.franchisees.import_file(users["admin"], path, on_duplicate="skip", today=TODAY)
    assert (result.imported, result.skipped, result.errors) == (0, 1, ())
    with services.db.read() as s:
        assert s.scalar(select(func.count()).select_from(CreditProfile)) == 0
