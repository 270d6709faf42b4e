"""``hqdesk-admin credit-check CODE AMOUNT [--date D] --format json``: the exact contract."""

import json
from dataclasses import replace
from datetime import date
from decimal import Decimal as D

import pytest

from hqdesk.cli import main
from hqdesk.services.credit_profiles import DEFAULTS
from tests import ledger_rows as L


@pytest.fixture
def url(services, users, migrated_db_url, monkeypatch):
    fid = L.franchisee(services, users["admin"], "CLI1")
    services.credit_profiles.save(users["cm"], fid, 0, replace(DEFAULTS, credit_limit=D("10000.00")), "授信")
    L.invoice(services, fid, date(2026, 1, 1), "9000.00", due=date(2026, 1, 31))
    monkeypatch.setenv("LANG", "en_GB.UTF-8")
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    monkeypatch.delenv("HQDESK_LANG", raising=False)
    return migrated_db_url


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_json_decision_and_reasons(capsys, url):
    code, out, err = run(
        capsys, "credit-check", "CLI1", "500.00", "--date", "2026-01-20", "--format", "json", "--db", url
    )
    assert (code, err) == (0, "")
    doc = json.loads(out)
    assert list(doc) == ["decision", "reasons"]
    assert doc["decision"] == "warn"  # 9,500.00 of 10,000.00 = 95 %
    assert doc["reasons"][0] == (
        "Open balance 9,000.00 plus this order 500.00 makes 9,500.00: 95.00% of the credit limit 10,000.00 "
        "(warning above 90.00%)."
    )
    code, out, _ = run(
        capsys, "credit-check", "CLI1", "1000.01", "--date", "2026-01-20", "--format", "json", "--db", url
    )
    assert json.loads(out)["decision"] == "block"


def test_reasons_in_chinese_when_the_language_is_chinese(capsys, url, monkeypatch):
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    code, out, _ = run(
        capsys, "credit-check", "CLI1", "1.00", "--date", "2026-01-02", "--format", "json", "--db", url
    )
    assert code == 0
    assert json.loads(out)["reasons"][-1] == "没有逾期款项。"


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (("NOPE", "1.00"), "There is no franchisee with the code NOPE."),
        (("CLI1", "abc"), "AMOUNT: not an order amount"),
        (("CLI1", "-1"), "AMOUNT: not an order amount"),
        (("CLI1", "1.005"), "AMOUNT: not an order amount"),
        (("CLI1", "1.00", "--date", "2026-02-30"), "--date: not a date"),
        (("CLI1", "1.00", "--date", "20260101"), "--date: not a date"),
    ],
)
def test_bad_input_is_exit_2_with_a_message_on_stderr(capsys, url, argv, message):
    code, out, err = run(capsys, "credit-check", *argv, "--format", "json", "--db", url)
    assert code == 2 and out == "" and message in err
