"""``hqdesk-admin report aging`` / ``report kpi`` and ``credit-policy evaluate``: output contract, exit codes."""

from __future__ import annotations

import csv
import io
import json
from datetime import date

import pytest

from hqdesk.cli import main
from tests.receivables_ledger import LedgerWriter, add_franchisee


def cli(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def url(migrated_db_url):
    from hqdesk.services.bootstrap import open_services

    sv = open_services(migrated_db_url)
    try:
        admin = sv.users.create_first_admin("admin", "管理员", "admin-pass-1")
        a = add_franchisee(sv, admin, "A001", "=甲公司")
        w = LedgerWriter()
        w.invoice(a, "I1", date(2026, 1, 1), "1234.50", date(2026, 1, 31))
        w.payment(a, "P1", date(2026, 2, 1), "150.00")
        w.commit(sv)
    finally:
        sv.close()
    return migrated_db_url


def test_aging_json(capsys, url):
    code, out, err = cli(capsys, "report", "aging", "--as-of", "2026-03-02", "--db", url)
    assert code == 0, err
    data = json.loads(out)
    assert data["as_of"] == "2026-03-02"
    assert data["rows"] == [
        {
            "franchisee": "A001",
            "name": "=甲公司",
            "not_due": "0.00",
            "1-30": "1234.50",  # 30 days overdue
            "31-60": "0.00",
            "61-90": "0.00",
            "91-180": "0.00",
            "181-365": "0.00",
            ">365": "0.00",
            "unapplied": "-150.00",
            "total": "1084.50",
        }
    ]
    assert data["totals"]["total"] == "1084.50" and "franchisee" not in data["totals"]


def test_aging_csv_with_buckets(capsys, url):
    code, out, err = cli(
        capsys,
        "report",
        "aging",
        "--as-of",
        "2026-03-03",
        "--buckets",
        "30,60,90,120",
        "--format",
        "csv",
        "--db",
        url,
    )
    assert code == 0, err
    rows = list(csv.reader(io.StringIO(out)))
    assert rows == [
        ["franchisee", "name", "not_due", "1-30", "31-60", "61-90", "91-120", ">120", "unapplied", "total"],
        ["A001", "=甲公司", "0.00", "0.00", "1234.50", "0.00", "0.00", "0.00", "-150.00", "1084.50"],
        ["", "TOTAL", "0.00", "0.00", "1234.50", "0.00", "0.00", "0.00", "-150.00", "1084.50"],
    ]


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        (["--as-of", "2026-13-01"], "not a date in the form YYYY-MM-DD"),
        (["--as-of", "1.3.2026"], "not a date in the form YYYY-MM-DD"),
        (["--as-of", "2026-03-01", "--buckets", "30,20"], "strictly increasing"),
        (["--as-of", "2026-03-01", "--buckets", "30,abc"], "whole numbers"),
        (["--as-of", "2026-03-01", "--format", "xml"], "invalid choice"),
        ([], "--as-of"),
    ],
)
def test_aging_bad_arguments_exit_2(capsys, args, fragment):
    code, out, err = cli(capsys, "report", "aging", *args)
    assert code == 2 and out == ""
    assert fragment in err and len(err.strip().splitlines()) == 1


def test_kpi_json(capsys, url):
    code, out, err = cli(
        capsys,
        "report",
        "kpi",
        "--from",
        "2026-01-01",
        "--to",
        "2026-03-31",
        "--franchisee",
        "A001",
        "--db",
        url,
    )
    assert code == 0, err
    data = json.loads(out)
    assert list(data) == [
        "from",
        "to",
        "franchisee",
        "days",
        "credit_sales",
        "collections",
        "write_offs",
        "opening_receivables",
        "closing_receivables",
        "overdue",
        "overdue_share",
        "dso_average_balance",
        "dso_countback",
        "bad_debt_loss_rate",
    ]
    assert data["franchisee"] == "A001" and data["days"] == 90
    assert data["credit_sales"] == "1234.50" and data["collections"] == "150.00"
    assert data["opening_receivables"] == "0.00" and data["closing_receivables"] == "1084.50"
    assert data["overdue_share"] == "1.1383"  # 1,234.50 overdue / 1,084.50 receivable (after the credit)
    assert data["bad_debt_loss_rate"] == "0.0000"


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        (["--from", "2026-03-01", "--to", "2026-02-01"], "is before --from"),
        (
            ["--from", "2026-01-01", "--to", "2026-03-31", "--franchisee", "NOPE"],
            "no franchisee with the code NOPE",
        ),
        (["--from", "2026-02-30", "--to", "2026-03-31"], "not a date"),
    ],
)
def test_kpi_refusals_exit_2(capsys, url, args, fragment):
    code, out, err = cli(capsys, "report", "kpi", *args, "--db", url)
    assert code == 2 and out == ""
    assert fragment in err


def test_credit_policy_evaluate(capsys, tmp_path):
    path = tmp_path / "policies.json"
    path.write_text(
        json.dumps(
            {
                "variable_cost_ratio": 0.8,
                "capital_cost": 0.15,
                "alternatives": [
                    {
                        "name": "30天",
                        "credit_sales": 500000,
                        "collection_days": 30,
                        "bad_debt_amount": 5000,
                        "collection_cost": 3000,
                    },
                    {
                        "name": "60天",
                        "credit_sales": 600000,
                        "collection_days": 60,
                        "bad_debt_amount": 9000,
                        "collection_cost": 4000,
                    },
                ],
            },
            ensure_ascii=False,
        ),
        encoding="utf-8",
    )
    code, out, err = cli(capsys, "credit-policy", "evaluate", str(path))
    assert code == 0, err
    data = json.loads(out)
    assert data["recommended"] == "60天"
    assert data["alternatives"][0]["receivable_opportunity_cost"] == 5000.0
    assert data["alternatives"][0]["average_receivable"] == 41666.67
    assert data["versus_first"] == [
        {"name": "30天", "net_benefit_change": 0.0},
        {"name": "60天", "net_benefit_change": 8000.0},
    ]


def test_decimal_input_is_not_rounded_through_float(capsys, tmp_path):
    path = tmp_path / "p.json"
    path.write_text(
        '{"variable_cost_ratio": 0, "capital_cost": 0, "alternatives": [{"name": "x", "credit_sales": 1,'
        ' "collection_days": 0, "bad_debt_amount": 0.015, "collection_cost": 0}]}'
    )
    code, out, err = cli(capsys, "credit-policy", "evaluate", str(path))
    assert code == 0, err
    assert json.loads(out)["alternatives"][0]["net_benefit"] == 0.99


@pytest.mark.parametrize(
    ("content", "fragment"),
    [
        (None, "cannot read"),
        ("{not json", "not valid JSON"),
        (b"\xff\xfe{}", "not UTF-8"),
        (
            '{"capital_cost": 0.1, "variable_cost_ratio": 0.5, "alternatives": [{"name": "B", "credit_sales": -5, "collection_days": 30, "bad_debt_rate": 0, "collection_cost": 0}]}',
            'alternatives[0] "B".credit_sales',
        ),
        ('{"capital_cost": NaN, "alternatives": []}', "not valid JSON"),
    ],
)
def test_credit_policy_bad_files_exit_2(capsys, tmp_path, content, fragment):
    path = tmp_path / "bad.json"
    if isinstance(content, bytes):
        path.write_bytes(content)
    elif content is not None:
        path.write_text(content, encoding="utf-8")
    code, out, err = cli(capsys, "credit-policy", "evaluate", str(path))
    assert code == 2 and out == ""
    assert fragment in err and len(err.strip().splitlines()) == 1
