"""Amounts from Decimal to text and back, never through float; nothing typed is changed silently."""

from __future__ import annotations

from decimal import Decimal

import pytest

from hqdesk.domain.money import AmountTextError, format_amount, format_money, parse_amount


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (Decimal("1234567.5"), "¥1,234,567.50"),
        (Decimal("0.005"), "¥0.01"),  # half up, as money is rounded, not to even
        (Decimal("-20"), "-¥20.00"),
        (Decimal("999"), "¥999.00"),
        # 17 significant digits: a float would give ...568.00
        (Decimal("12345678901234567.89"), "¥12,345,678,901,234,567.89"),
        (Decimal("0.1") + Decimal("0.2"), "¥0.30"),
    ],
)
def test_money_is_formatted_from_the_decimal(value, text):
    assert format_money(value) == text


def test_separators_come_from_the_caller():
    assert format_amount(Decimal("1234.5"), 2, "\u00a0", ",") == "1\u00a0234,50"
    assert format_amount(Decimal("1234.5"), 0) == "1,235"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("5000000", Decimal("5000000")),
        ("5,000,000.00", Decimal("5000000.00")),
        ("-5000000", Decimal("-5000000")),  # the sign is kept: the field's rule refuses a negative capital
        ("１２３．４", Decimal("123.4")),
        (" ¥1,234 ", Decimal("1234")),
        ("1234元", Decimal("1234")),
        ("", None),
    ],
)
def test_amounts_read_as_written(text, value):
    assert parse_amount(text) == value


@pytest.mark.parametrize("text", ["1,2,3.4", "12,34", "1,2345", ",123", "1.2.3", "12a", "--5", "1e5", "NaN"])
def test_amounts_that_would_need_a_guess_are_refused(text):
    with pytest.raises(AmountTextError):
        parse_amount(text)
