"""Pure helpers for letters: the salutation (honorific), Chinese capital numerals for money, dates in the
letter's language, years since a date. No Qt, no SQLAlchemy, no ReportLab.

Salutation rules (``salutation``), from the contact's name, gender and honorific field (domain/contact.py):
- Chinese: the honorific field wins (尊敬的王总, 尊敬的李董事长); else by gender: 尊敬的王先生 / 尊敬的李女士;
  gender not given: 尊敬的王总 for an owner or general manager (how HQ addresses a franchisee's boss), else the
  full name: 尊敬的王建国. A two-character surname (欧阳, 司马...) is kept whole: 尊敬的欧阳女士.
- English: Dear Mr Wang / Dear Ms Li (surname in pinyin, with the surname readings 单 Shan, 曾 Zeng...); gender
  not given: Dear Wang Jianguo (the full name; no guessed title). A Latin-script name is used as written
  (Dear Ms Smith, from "Anna Smith").

Capital numerals (``rmb_capital``) follow the People's Bank of China rules for filling in bills (《正确填写票据和
结算凭证的基本规定》): 人民币 before the amount; 整 after 元 or 角 when the amount ends there, never after 分; a 1 at
the head of a ten is written 壹拾; a zero between digits is 零 (several in a row: one 零); a zero in the 元 place
before a non-zero 角 writes 零 (壹仟陆佰捌拾元零叁角贰分), and a zero 角 before a non-zero 分 always does
(叁佰贰拾伍元零肆分); a 万 section under 1,000 after a higher section is joined by 零 (壹万零伍元整), one of
1,000 or more is not (壹拾万柒仟元零伍角叁分). Negative amounts read 人民币负…; amounts of 10^16 yuan or more and
fractions of a fen are refused (ValueError).
"""

from __future__ import annotations

import re
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from hqdesk.domain.errors import FieldError
from hqdesk.domain.i18n import QT_TRANSLATE_NOOP

DIGITS = "零壹贰叁肆伍陆柒捌玖"
SECTION_UNITS = ("", "万", "亿", "万亿")
IN_SECTION_UNITS = ("", "拾", "佰", "仟")
MAX_CAPITAL = Decimal("10000000000000000")

ZH = "zh_CN"
EN = "en"
LANGUAGES = (ZH, EN)

COMPOUND_SURNAMES = frozenset(
    "欧阳 司马 诸葛 上官 司徒 东方 皇甫 令狐 慕容 尉迟 长孙 宇文 夏侯 公孙 端木 南宫 西门 独孤 轩辕 百里 呼延 澹台 "
    "公冶 太史 申屠 闻人 万俟 钟离 赫连 第五".split()
)
# surnames whose reading differs from the character's everyday one
SURNAME_PINYIN = {
    "单": "Shan",
    "曾": "Zeng",
    "解": "Xie",
    "仇": "Qiu",
    "区": "Ou",
    "朴": "Piao",
    "查": "Zha",
    "盖": "Ge",
    "乐": "Yue",
    "尉迟": "Yuchi",
    "万俟": "Moqi",
    "缪": "Miao",
    "种": "Chong",
    "秘": "Bi",
    "燕": "Yan",
    "覃": "Qin",
    "翟": "Zhai",
    "褚": "Chu",
    "长孙": "Zhangsun",
    "重": "Chong",
    "任": "Ren",
    "沈": "Shen",
    "柏": "Bai",
    "那": "Na",
}
BOSS_ROLES = frozenset({"owner", "manager"})
_LATIN = re.compile(r"[A-Za-z]")

MONTHS_EN = ("January February March April May June July August September October November December").split()


def split_name(name: str) -> tuple[str, str]:
    """(surname, given name) of a Chinese name; a Latin-script name: (last word, the rest)."""
    name = name.strip()
    if not name:
        return "", ""
    if _LATIN.search(name):
        words = name.split()
        return words[-1], " ".join(words[:-1])
    if len(name) >= 3 and name[:2] in COMPOUND_SURNAMES:
        return name[:2], name[2:]
    if len(name) == 2 and name in COMPOUND_SURNAMES:
        return name, ""
    return name[:1], name[1:]


def _pinyin(text: str) -> str:
    from pypinyin import Style, lazy_pinyin

    return "".join(lazy_pinyin(text, style=Style.NORMAL, errors="default"))


def romanized(name: str) -> tuple[str, str]:
    """(surname, given name) in pinyin with capitals: ("Wang", "Jianguo"); Latin names as written."""
    surname, given = split_name(name)
    if _LATIN.search(name):
        return surname, given
    family = SURNAME_PINYIN.get(surname) or _pinyin(surname).capitalize()
    return family, _pinyin(given).capitalize()


def salutation(name: str, gender: str = "", honorific: str = "", role: str = "", language: str = ZH) -> str:
    """The letter's greeting line without punctuation: 尊敬的王先生 / Dear Mr Wang (see the module docstring).
    ``gender``: "male", "female" or "" (domain.contact.Gender values)."""
    name = name.strip()
    surname, _ = split_name(name)
    if language == ZH:
        if not name:
            return "尊敬的合作伙伴"
        if _LATIN.search(name):
            title = {"male": "先生", "female": "女士"}.get(gender, "")
            return f"尊敬的{name}{title}"
        if honorific.strip():
            return f"尊敬的{surname}{honorific.strip()}"
        if gender == "male":
            return f"尊敬的{surname}先生"
        if gender == "female":
            return f"尊敬的{surname}女士"
        if role in BOSS_ROLES:
            return f"尊敬的{surname}总"
        return f"尊敬的{name}"
    if not name:
        return "Dear Partner"
    family, given = romanized(name)
    title = {"male": "Mr", "female": "Ms"}.get(gender)
    if title:
        return f"Dear {title} {family}"
    if _LATIN.search(name):
        return f"Dear {name}"
    return f"Dear {family} {given}".rstrip()


def _section(n: int, leading: bool) -> str:
    """0 < n < 10000 in capitals, zeros inside read as one 零; ``leading``: the amount's first section
    (a ten at the head is still 壹拾: the bank convention)."""
    digits = f"{n:04d}"
    out, zero = [], False
    started = False
    for i, ch in enumerate(digits):
        d = int(ch)
        unit = IN_SECTION_UNITS[3 - i]
        if d == 0:
            zero = started
            continue
        if zero:
            out.append("零")
            zero = False
        out.append(DIGITS[d] + unit)
        started = True
    del leading  # 壹拾 is written at the head too
    return "".join(out)


def rmb_capital(amount: Decimal | int | str) -> str:
    """人民币 + the amount in Chinese capital numerals (大写金额), e.g. 12345.67 ->
    人民币壹万贰仟叁佰肆拾伍元陆角柒分; rounded to the fen (half up)."""
    value = Decimal(amount).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    negative = value < 0
    value = abs(value)
    if value >= MAX_CAPITAL:
        raise ValueError(f"amount too large for capital numerals: {amount}")
    yuan = int(value)
    cents = int((value - yuan) * 100)
    jiao, fen = divmod(cents, 10)
    parts: list[str] = []
    if yuan:
        sections = []
        rest = yuan
        while rest:
            rest, sec = divmod(rest, 10000)
            sections.append(sec)
        previous_zero = False
        for idx in range(len(sections) - 1, -1, -1):
            sec = sections[idx]
            if sec == 0:
                previous_zero = bool(parts)
                continue
            if parts and (previous_zero or sec < 1000):
                parts.append("零")
            parts.append(_section(sec, not parts) + SECTION_UNITS[idx])
            previous_zero = False
        parts.append("元")
    if jiao:
        if yuan and yuan % 10 == 0:
            parts.append("零")
        parts.append(DIGITS[jiao] + "角")
    if fen:
        if not jiao and yuan:
            parts.append("零")
        parts.append(DIGITS[fen] + "分")
    if not yuan and not cents:
        parts = ["零元"]
    if not fen:
        parts.append("整")
    return "人民币" + ("负" if negative else "") + "".join(parts)


def money_figures(amount: Decimal, language: str = ZH) -> str:
    """An amount in figures: ¥12,345.67 (Chinese) / CNY 12,345.67 (English); negative with a minus sign."""
    value = Decimal(amount).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    text = f"{abs(value):,.2f}"
    sign = "-" if value < 0 else ""
    return f"{sign}¥{text}" if language == ZH else f"{sign}CNY {text}"


def long_date(day: date, language: str = ZH) -> str:
    """2026年11月23日 / 23 November 2026."""
    if language == ZH:
        return f"{day.year}年{day.month}月{day.day}日"
    return f"{day.day} {MONTHS_EN[day.month - 1]} {day.year}"


def years_since(start: date, on: date) -> int:
    """Whole years from ``start`` to ``on`` (a store opened on 2020-03-01 is 6 on 2026-03-01, 5 the day
    before); 29 February counts its anniversary on 1 March in other years. Never negative."""
    years = on.year - start.year
    if (on.month, on.day) < (start.month, start.day):
        years -= 1
    return max(years, 0)


def ordinal_en(n: int) -> str:
    """1st, 2nd, 3rd, 4th, 11th, 12th, 13th, 21st..."""
    if 10 <= n % 100 <= 20:
        return f"{n}th"
    return f"{n}{ {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th') }"


__all__ = [
    "ZH",
    "EN",
    "LANGUAGES",
    "salutation",
    "split_name",
    "romanized",
    "rmb_capital",
    "money_figures",
    "long_date",
    "years_since",
    "ordinal_en",
]


# ----- the letters' company settings (Settings › Letters) ---------------------------------------------------

LETTER_SETTING_LIMITS = {
    "name_en": 200,
    "address_en": 300,
    "bank_name": 100,
    "bank_account": 40,
    "bank_holder": 200,
}
"""Field -> the most characters it takes; stored under ``letters.<field>`` in company_settings."""

_BANK_ACCOUNT = re.compile(r"[0-9][0-9 \-]*[0-9]")


def clean_letter_settings(values: dict[str, str]) -> dict[str, str]:
    """Trimmed values; the bank account's runs of spaces made single (it is printed as typed)."""
    out = {k: (v or "").strip() for k, v in values.items()}
    if "bank_account" in out:
        out["bank_account"] = re.sub(r"\s+", " ", out["bank_account"])
    return out


def validate_letter_settings(values: dict[str, str]) -> list[FieldError]:
    """FieldErrors for the English letterhead and the remittance details (statements and dunning letters
    print them for the franchisee to pay into: a typo there sends money astray)."""
    errors: list[FieldError] = []
    for key, limit in LETTER_SETTING_LIMITS.items():
        if len(values.get(key, "")) > limit:
            errors.append(
                FieldError(key, QT_TRANSLATE_NOOP("Validation", "At most {max} characters."), {"max": limit})
            )
    account = values.get("bank_account", "")
    if account and not any(e.field == "bank_account" for e in errors):
        digits = sum(c.isdigit() for c in account)
        if not _BANK_ACCOUNT.fullmatch(account) or not 8 <= digits <= 34:
            errors.append(
                FieldError(
                    "bank_account",
                    QT_TRANSLATE_NOOP(
                        "Validation",
                        "A bank account number has 8 to 34 digits, grouped by spaces or hyphens if you like.",
                    ),
                )
            )
    if account and not values.get("bank_name"):
        errors.append(
            FieldError("bank_name", QT_TRANSLATE_NOOP("Validation", "Name the bank of the account number."))
        )
    return errors
