"""Letter kinds, their default template keys and the merge-field catalogue (what a template may use).

Pure: the catalogue is data. Each field has a name as written in a template (``{{ contact.greeting }}``), a
description (English source, translation context "LetterFields": the template editor lists them) and an
example value (the live preview and the template check on save use ``example_data(kind, language)``).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from hqdesk.domain.i18n import QT_TRANSLATE_NOOP


class LetterKind(StrEnum):
    FESTIVAL = "festival"
    BIRTHDAY = "birthday"
    STORE_ANNIVERSARY = "store_anniversary"
    INVITATION = "invitation"
    CREDIT_CHANGE = "credit_change"
    STATEMENT = "statement"
    DUNNING = "dunning"

    @property
    def label(self) -> str:
        return LETTER_KIND_LABELS[self]


LETTER_KIND_LABELS = {
    LetterKind.FESTIVAL: QT_TRANSLATE_NOOP("Enums", "Festival greeting"),
    LetterKind.BIRTHDAY: QT_TRANSLATE_NOOP("Enums", "Birthday wishes"),
    LetterKind.STORE_ANNIVERSARY: QT_TRANSLATE_NOOP("Enums", "Store anniversary"),
    LetterKind.INVITATION: QT_TRANSLATE_NOOP("Enums", "Invitation"),
    LetterKind.CREDIT_CHANGE: QT_TRANSLATE_NOOP("Enums", "Credit terms change"),
    LetterKind.STATEMENT: QT_TRANSLATE_NOOP("Enums", "Account statement"),
    LetterKind.DUNNING: QT_TRANSLATE_NOOP("Enums", "Payment reminder"),
}

# template key -> kind; a dunning level's ``letter_template`` names one of the dunning keys
DEFAULT_TEMPLATES: dict[str, LetterKind] = {
    "festival": LetterKind.FESTIVAL,
    "birthday": LetterKind.BIRTHDAY,
    "store_anniversary": LetterKind.STORE_ANNIVERSARY,
    "invitation": LetterKind.INVITATION,
    "credit_change": LetterKind.CREDIT_CHANGE,
    "statement": LetterKind.STATEMENT,
    "dunning_reminder": LetterKind.DUNNING,
    "dunning_final": LetterKind.DUNNING,
}
TEMPLATE_NAMES = {
    "festival": QT_TRANSLATE_NOOP("Enums", "Festival greeting"),
    "birthday": QT_TRANSLATE_NOOP("Enums", "Birthday wishes"),
    "store_anniversary": QT_TRANSLATE_NOOP("Enums", "Store anniversary"),
    "invitation": QT_TRANSLATE_NOOP("Enums", "Invitation"),
    "credit_change": QT_TRANSLATE_NOOP("Enums", "Credit terms change"),
    "statement": QT_TRANSLATE_NOOP("Enums", "Account statement"),
    "dunning_reminder": QT_TRANSLATE_NOOP("Enums", "Payment reminder"),
    "dunning_final": QT_TRANSLATE_NOOP("Enums", "Final demand for payment"),
}
DUNNING_DEFAULT_KEY = "dunning_reminder"
FESTIVAL_NAMES = {  # the festival as the letter names it, per letter language (not the UI's language)
    "new_years_eve": ("除夕", "Chinese New Year's Eve"),
    "spring_festival": ("春节", "the Spring Festival"),
    "lantern": ("元宵节", "the Lantern Festival"),
    "dragon_boat": ("端午节", "the Dragon Boat Festival"),
    "qixi": ("七夕", "the Qixi Festival"),
    "mid_autumn": ("中秋节", "the Mid-Autumn Festival"),
    "double_ninth": ("重阳节", "the Double Ninth Festival"),
    "new_year": ("元旦", "the New Year"),
    "national_day": ("国庆节", "National Day"),
}


@dataclass(frozen=True)
class MergeField:
    name: str  # as written in a template: "contact.greeting"
    description: str  # English source, context "LetterFields"
    example_zh: str
    example_en: str

    def example(self, language: str) -> str:
        return self.example_zh if language == "zh_CN" else self.example_en


def _f(name: str, description: str, zh: str, en: str | None = None) -> MergeField:
    return MergeField(name, description, zh, zh if en is None else en)


COMMON_FIELDS = (
    _f(
        "contact.greeting",
        QT_TRANSLATE_NOOP("LetterFields", "Salutation with honorific"),
        "尊敬的王先生",
        "Dear Mr Wang",
    ),
    _f("contact.name", QT_TRANSLATE_NOOP("LetterFields", "Contact's full name"), "王建国", "Wang Jianguo"),
    _f("contact.surname", QT_TRANSLATE_NOOP("LetterFields", "Contact's surname"), "王", "Wang"),
    _f("franchisee.code", QT_TRANSLATE_NOOP("LetterFields", "Franchisee code"), "F0001"),
    _f(
        "franchisee.name",
        QT_TRANSLATE_NOOP("LetterFields", "Franchisee's legal name"),
        "长沙金辉珠宝有限公司",
    ),
    _f("franchisee.brand_name", QT_TRANSLATE_NOOP("LetterFields", "Store brand name"), "金辉珠宝"),
    _f("franchisee.city", QT_TRANSLATE_NOOP("LetterFields", "City"), "长沙"),
    _f("franchisee.years", QT_TRANSLATE_NOOP("LetterFields", "Years since joining the brand"), "6"),
    _f("store.name", QT_TRANSLATE_NOOP("LetterFields", "Main store's name"), "金辉珠宝五一广场店"),
    _f(
        "store.opened_on",
        QT_TRANSLATE_NOOP("LetterFields", "Main store's opening date"),
        "2020年3月18日",
        "18 March 2020",
    ),
    _f("store.years", QT_TRANSLATE_NOOP("LetterFields", "Years since the store opened"), "6"),
    _f(
        "letter.date",
        QT_TRANSLATE_NOOP("LetterFields", "Date of the letter"),
        "2026年11月23日",
        "23 November 2026",
    ),
    _f("manager.name", QT_TRANSLATE_NOOP("LetterFields", "Account manager's name"), "张敏", "Zhang Min"),
    _f(
        "manager.email",
        QT_TRANSLATE_NOOP("LetterFields", "Account manager's e-mail"),
        "zhang.min@example.com",
    ),
    _f(
        "company.name",
        QT_TRANSLATE_NOOP("LetterFields", "Our company's name (letterhead)"),
        "金辉珠宝集团总部",
    ),
    _f("company.phone", QT_TRANSLATE_NOOP("LetterFields", "Our company's phone"), "0731-88886666"),
)
MONEY_FIELDS = (
    _f(
        "credit.term",
        QT_TRANSLATE_NOOP("LetterFields", "Settlement term"),
        "月结30天",
        "monthly, 30 days' grace",
    ),
    _f("bank.name", QT_TRANSLATE_NOOP("LetterFields", "Remittance bank"), "中国工商银行长沙分行"),
    _f(
        "bank.account",
        QT_TRANSLATE_NOOP("LetterFields", "Remittance account number"),
        "1901 0000 0000 0000 888",
    ),
    _f("bank.holder", QT_TRANSLATE_NOOP("LetterFields", "Remittance account holder"), "金辉珠宝集团有限公司"),
)
KIND_FIELDS: dict[LetterKind, tuple[MergeField, ...]] = {
    LetterKind.FESTIVAL: (
        _f(
            "festival.name",
            QT_TRANSLATE_NOOP("LetterFields", "Festival's name"),
            "春节",
            "the Spring Festival",
        ),
        _f(
            "festival.date",
            QT_TRANSLATE_NOOP("LetterFields", "Festival's date"),
            "2027年2月6日",
            "6 February 2027",
        ),
        _f(
            "festival.key",
            QT_TRANSLATE_NOOP("LetterFields", "Festival key (spring_festival, mid_autumn...)"),
            "spring_festival",
        ),
    ),
    LetterKind.BIRTHDAY: (
        _f(
            "birthday.date",
            QT_TRANSLATE_NOOP("LetterFields", "Birthday this year"),
            "2026年11月23日",
            "23 November 2026",
        ),
    ),
    LetterKind.STORE_ANNIVERSARY: (
        _f("anniversary.years", QT_TRANSLATE_NOOP("LetterFields", "Anniversary (years since opening)"), "6"),
        _f("anniversary.ordinal", QT_TRANSLATE_NOOP("LetterFields", "Anniversary as an ordinal"), "6", "6th"),
    ),
    LetterKind.INVITATION: (
        _f(
            "event.name",
            QT_TRANSLATE_NOOP("LetterFields", "Event name"),
            "2027年度经销商答谢盛典",
            "2027 Annual Dealer Gala",
        ),
        _f("event.date", QT_TRANSLATE_NOOP("LetterFields", "Event date"), "2027年1月16日", "16 January 2027"),
        _f(
            "event.place",
            QT_TRANSLATE_NOOP("LetterFields", "Event place"),
            "长沙华天大酒店三楼宴会厅",
            "Grand Ballroom, Huatian Hotel, Changsha",
        ),
        _f(
            "event.rsvp_by",
            QT_TRANSLATE_NOOP("LetterFields", "Reply by (date)"),
            "2027年1月6日",
            "6 January 2027",
        ),
        _f(
            "event.rsvp_contact",
            QT_TRANSLATE_NOOP("LetterFields", "Reply to (name and phone)"),
            "张敏 138 0000 0000",
            "Zhang Min, 138 0000 0000",
        ),
    ),
    LetterKind.CREDIT_CHANGE: (
        _f(
            "change.old_limit",
            QT_TRANSLATE_NOOP("LetterFields", "Former credit limit"),
            "¥300,000.00",
            "CNY 300,000.00",
        ),
        _f(
            "change.new_limit",
            QT_TRANSLATE_NOOP("LetterFields", "New credit limit"),
            "¥500,000.00",
            "CNY 500,000.00",
        ),
        _f(
            "change.old_term",
            QT_TRANSLATE_NOOP("LetterFields", "Former settlement term"),
            "货到付款",
            "cash on delivery",
        ),
        _f(
            "change.new_term",
            QT_TRANSLATE_NOOP("LetterFields", "New settlement term"),
            "月结30天",
            "monthly, 30 days' grace",
        ),
        _f(
            "change.effective_on",
            QT_TRANSLATE_NOOP("LetterFields", "Date of the change"),
            "2026年11月20日",
            "20 November 2026",
        ),
        _f(
            "change.reason",
            QT_TRANSLATE_NOOP("LetterFields", "Reason recorded with the change"),
            "年度信用评审",
        ),
    ),
    LetterKind.STATEMENT: (
        _f(
            "statement.from",
            QT_TRANSLATE_NOOP("LetterFields", "Period start"),
            "2026年11月1日",
            "1 November 2026",
        ),
        _f(
            "statement.to",
            QT_TRANSLATE_NOOP("LetterFields", "Period end (as of)"),
            "2026年11月30日",
            "30 November 2026",
        ),
        _f(
            "statement.opening",
            QT_TRANSLATE_NOOP("LetterFields", "Opening balance"),
            "¥120,000.00",
            "CNY 120,000.00",
        ),
        _f(
            "statement.closing",
            QT_TRANSLATE_NOOP("LetterFields", "Closing balance"),
            "¥85,432.10",
            "CNY 85,432.10",
        ),
        _f(
            "statement.closing_words",
            QT_TRANSLATE_NOOP("LetterFields", "Closing balance in capital numerals"),
            "人民币捌万伍仟肆佰叁拾贰元壹角整",
        ),
        _f(
            "statement.overdue",
            QT_TRANSLATE_NOOP("LetterFields", "Overdue amount as of the end"),
            "¥12,000.00",
            "CNY 12,000.00",
        ),
        _f(
            "statement.has_overdue",
            QT_TRANSLATE_NOOP("LetterFields", '"yes" when anything is overdue, else empty'),
            "yes",
        ),
        _f(
            "statement.lines", QT_TRANSLATE_NOOP("LetterFields", "Number of ledger lines in the period"), "24"
        ),
    ),
    LetterKind.DUNNING: (
        _f("dunning.level", QT_TRANSLATE_NOOP("LetterFields", "Dunning level"), "1"),
        _f(
            "dunning.overdue",
            QT_TRANSLATE_NOOP("LetterFields", "Overdue amount"),
            "¥12,345.67",
            "CNY 12,345.67",
        ),
        _f(
            "dunning.overdue_words",
            QT_TRANSLATE_NOOP("LetterFields", "Overdue amount in capital numerals"),
            "人民币壹万贰仟叁佰肆拾伍元陆角柒分",
        ),
        _f("dunning.days", QT_TRANSLATE_NOOP("LetterFields", "Days overdue (oldest invoice)"), "38"),
        _f(
            "dunning.oldest_due",
            QT_TRANSLATE_NOOP("LetterFields", "Due date of the oldest overdue invoice"),
            "2026年10月16日",
            "16 October 2026",
        ),
        _f(
            "dunning.pay_by",
            QT_TRANSLATE_NOOP("LetterFields", "Pay by (letter date + 10 days)"),
            "2026年12月3日",
            "3 December 2026",
        ),
        _f(
            "dunning.balance",
            QT_TRANSLATE_NOOP("LetterFields", "Whole open balance"),
            "¥56,000.00",
            "CNY 56,000.00",
        ),
    ),
}
MONEY_KINDS = frozenset({LetterKind.STATEMENT, LetterKind.DUNNING, LetterKind.CREDIT_CHANGE})


def merge_fields(kind: LetterKind) -> tuple[MergeField, ...]:
    """The fields a template of ``kind`` may use, common ones first."""
    money = MONEY_FIELDS if kind in MONEY_KINDS else ()
    return COMMON_FIELDS + money + KIND_FIELDS[LetterKind(kind)]


def nest(flat: dict[str, str]) -> dict:
    """{"contact.name": "王"} -> {"contact": {"name": "王"}}: how templates see merge data."""
    out: dict = {}
    for dotted, value in flat.items():
        node = out
        *parents, leaf = dotted.split(".")
        for p in parents:
            node = node.setdefault(p, {})
        node[leaf] = value
    return out


def example_data(kind: LetterKind, language: str) -> dict:
    """Merge data with every field of ``kind`` set to its example (nested, as a template sees it)."""
    return nest({f.name: f.example(language) for f in merge_fields(kind)})


__all__ = [
    "LetterKind",
    "LETTER_KIND_LABELS",
    "DEFAULT_TEMPLATES",
    "TEMPLATE_NAMES",
    "FESTIVAL_NAMES",
    "MergeField",
    "merge_fields",
    "example_data",
    "nest",
]
