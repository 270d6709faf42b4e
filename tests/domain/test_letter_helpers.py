"""Salutations, capital numerals and dates of letters (domain/letters.py)."""

from datetime import date
from decimal import Decimal

import pytest

from hqdesk.domain.letters import long_date, money_figures, ordinal_en, rmb_capital, salutation, years_since

# the People's Bank of China's examples (正确填写票据和结算凭证的基本规定) and the issue's
PUBLISHED = [
    ("12345.67", "人民币壹万贰仟叁佰肆拾伍元陆角柒分"),
    ("1680.32", "人民币壹仟陆佰捌拾元零叁角贰分"),
    ("107000.53", "人民币壹拾万柒仟元零伍角叁分"),
    ("325.04", "人民币叁佰贰拾伍元零肆分"),
    ("1409.50", "人民币壹仟肆佰零玖元伍角整"),
    ("6007.14", "人民币陆仟零柒元壹角肆分"),
    ("10005", "人民币壹万零伍元整"),
    ("10", "人民币壹拾元整"),
    ("0.50", "人民币伍角整"),
    ("0.05", "人民币伍分"),
    ("0", "人民币零元整"),
    ("100000001", "人民币壹亿零壹元整"),
    ("100010000", "人民币壹亿零壹万元整"),
    ("1000000005", "人民币壹拾亿零伍元整"),
    ("30000", "人民币叁万元整"),
    ("-100", "人民币负壹佰元整"),
]


@pytest.mark.parametrize(("amount", "words"), PUBLISHED)
def test_capital_numerals_follow_the_bank_rules(amount, words):
    assert rmb_capital(Decimal(amount)) == words


def test_capital_numerals_refuse_what_cannot_be_written():
    with pytest.raises(ValueError):
        rmb_capital(Decimal("10000000000000000"))
    assert rmb_capital(Decimal("9999999999999999.99")).endswith("玖角玖分")


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (("王建国", "male", "", "owner", "zh_CN"), "尊敬的王先生"),
        (("李梅", "female", "", "finance", "zh_CN"), "尊敬的李女士"),
        (("王建国", "", "", "owner", "zh_CN"), "尊敬的王总"),
        (("王建国", "", "", "finance", "zh_CN"), "尊敬的王建国"),
        (("张伟", "male", "董事长", "owner", "zh_CN"), "尊敬的张董事长"),
        (("欧阳娜娜", "female", "", "owner", "zh_CN"), "尊敬的欧阳女士"),
        (("王建国", "male", "", "owner", "en"), "Dear Mr Wang"),
        (("李梅", "female", "", "owner", "en"), "Dear Ms Li"),
        (("单雄", "male", "", "owner", "en"), "Dear Mr Shan"),
        (("曾红", "female", "", "owner", "en"), "Dear Ms Zeng"),
        (("欧阳娜娜", "female", "", "owner", "en"), "Dear Ms Ouyang"),
        (("王建国", "", "", "owner", "en"), "Dear Wang Jianguo"),
        (("Anna Smith", "female", "", "owner", "en"), "Dear Ms Smith"),
    ],
)
def test_salutations(args, expected):
    assert salutation(*args[:4], language=args[4]) == expected


def test_dates_amounts_and_years():
    assert long_date(date(2026, 11, 23), "zh_CN") == "2026年11月23日"
    assert long_date(date(2026, 11, 23), "en") == "23 November 2026"
    assert money_figures(Decimal("12345.6"), "zh_CN") == "¥12,345.60"
    assert money_figures(Decimal("-5"), "en") == "-CNY 5.00"
    assert years_since(date(2020, 3, 1), date(2026, 3, 1)) == 6
    assert years_since(date(2020, 3, 1), date(2026, 2, 28)) == 5
    assert years_since(date(2020, 2, 29), date(2021, 2, 28)) == 0
    assert [ordinal_en(n) for n in (1, 2, 3, 4, 11, 12, 13, 21, 22, 101)] == [
        "1st",
        "2nd",
        "3rd",
        "4th",
        "11th",
        "12th",
        "13th",
        "21st",
        "22nd",
        "101st",
    ]
