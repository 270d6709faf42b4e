"""``hqdesk-admin report sales``: the exact JSON and CSV contract, the rows' order, months without sales,
``--franchisee``, and bad input (exit 2, one line on stderr, nothing on stdout)."""

from __future__ import annotations

import json

import pytest

from hqdesk.cli import main
from tests.services.analytics_ledger import build


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
        build(sv, admin)
    finally:
        sv.close()
    return migrated_db_url


def test_by_month_json_every_month(capsys, url):
    code, out, err = cli(
        capsys, "report", "sales", "--from", "2026-08-01", "--to", "2026-11-30", "--by", "month", "--db", url
    )
    assert code == 0, err
    assert json.loads(out) == {
        "from": "2026-08-01",
        "to": "2026-11-30",
        "by": "month",
        "rows": [
            {"key": "2026-08", "amount": "0.00"},
            {"key": "2026-09", "amount": "0.00"},
            {"key": "2026-10", "amount": "3300.00"},
            {"key": "2026-11", "amount": "3200.00"},
        ],
    }
    assert list(json.loads(out)) == ["from", "to", "by", "rows"]


def test_by_franchisee_and_region_csv(capsys, url):
    code, out, err = cli(
        capsys,
        *("report", "sales", "--from", "2025-10-01", "--to", "2026-11-30", "--by", "franchisee"),
        *("--format", "csv", "--db", url),
    )
    assert code == 0, err
    # F1: 1,000 + 3,000 - 200 + 500 + 2,000; F2: 800 + 1,200 (a write-off is not a credit note)
    assert out == "key,amount\nF1,6300.00\nF2,2000.00\n"
    code, out, err = cli(
        capsys,
        *("report", "sales", "--from", "2025-10-01", "--to", "2026-11-30", "--by", "region"),
        *("--format", "csv", "--db", url),
    )
    assert code == 0, err
    assert out == "key,amount\n华东,6300.00\n华南,2000.00\n"


def test_one_franchisee_any_case_and_a_cut_month(capsys, url):
    code, out, err = cli(
        capsys,
        *("report", "sales", "--from", "2026-10-15", "--to", "2026-11-14", "--by", "month"),
        *("--franchisee", "f1", "--db", url),
    )
    assert code == 0, err
    # I3 500 - CN1 200 in October from the 15th; I4 (15 November) is after the period
    assert json.loads(out)["rows"] == [
        {"key": "2026-10", "amount": "300.00"},
        {"key": "2026-11", "amount": "0.00"},
    ]


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        (
            ["--from", "2026-13-01", "--to", "2026-12-31", "--by", "month"],
            "not a date in the form YYYY-MM-DD",
        ),
        (["--from", "2026-01-01", "--to", "2026-12-31", "--by", "week"], "invalid choice"),
        (
            ["--from", "2026-01-01", "--to", "2026-12-31", "--by", "month", "--format", "xml"],
            "invalid choice",
        ),
        (["--from", "2026-01-01", "--to", "2026-12-31"], "--by"),
        (["--to", "2026-12-31", "--by", "month"], "--from"),
    ],
)
def test_bad_arguments_exit_2(capsys, args, fragment):
    code, out, err = cli(capsys, "report", "sales", *args)
    assert code == 2 and out == ""
    assert fragment in err and len(err.strip().splitlines()) == 1


def test_reversed_period_and_unknown_franchisee_exit_2(capsys, url):
    code, out, err = cli(
        capsys, "report", "sales", "--from", "2026-12-01", "--to", "2026-11-30", "--by", "month", "--db", url
    )
    assert code == 2 and out == "" and "before" in err
    code, out, err = cli(
        capsys,
        *("report", "sales", "--from", "2026-01-01", "--to", "2026-11-30", "--by", "month"),
        *("--franchisee", "NOPE", "--db", url),
    )
    assert code == 2 and out == "" and "NOPE" in err
