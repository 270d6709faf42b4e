"""The search text of a franchisee and how a typed query is read: pure rules, no database."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from hqdesk.domain.search import franchisee_search_text, normalize, phone_digits, pinyin_forms, search_terms


def franchisee(**kw):
    values = dict(
        code="JX0017",
        legal_name="长沙味道餐饮管理有限公司",
        store_brand_name="金祥珠宝·长沙岳麓店",
        city="长沙",
        province="湖南",
        uscc="91430100MA4L1234X5",
        address="湖南省长沙市岳麓区麓山南路1-2号",
        tags="重点客户,新店",
    )
    values.update(kw)
    return SimpleNamespace(**values)


def contact(**kw):
    values = dict(name="张伟", mobile="138 0013-8000", phone="0731-8888 1234", wechat_id="ZW_wx", email="")
    values.update(kw)
    return SimpleNamespace(**values)


def test_the_text_holds_every_searchable_form_once():
    text = franchisee_search_text(franchisee(), [contact(), contact(name="李娜", email="Li.Na@Example.com")])
    words = text.split()
    for expected in (
        "jx0017",
        "长沙味道餐饮管理有限公司",
        "changshaweidaocanyinguanliyouxiangongsi",
        "cswdcyglyxgs",
        "changsha",
        "cs",
        "91430100ma4l1234x5",
        "湖南省长沙市岳麓区麓山南路1-2号",
        "重点客户",
        "新店",
        "张伟",
        "zhangwei",
        "zw",
        "13800138000",
        "073188881234",
        "zw_wx",
        "lina",
        "li.na@example.com",
    ):
        assert expected in words, expected
    assert len(words) == len(set(words))  # each value once: the text is scanned on every keystroke
    assert text == text.lower()


def test_contacts_may_say_wechat_or_wechat_id():
    one = SimpleNamespace(name="王芳", mobile="", phone="", wechat="wangfang_1", email="")
    assert "wangfang_1" in franchisee_search_text(franchisee(), [one]).split()


def test_tags_may_be_a_tuple():
    assert "新店" in franchisee_search_text(franchisee(tags=("新店",)), []).split()


@pytest.mark.parametrize(
    ("name", "full", "initials"),
    [("长沙", "changsha", "cs"), ("重庆", "chongqing", "cq"), ("张伟", "zhangwei", "zw"), ("ABC", "", "")],
)
def test_pinyin_forms(name, full, initials):
    assert pinyin_forms(name) == (full, initials)


def test_normalize_makes_full_width_half_width_and_lower_case():
    assert normalize("ＪＸ００１７") == "jx0017"
    assert normalize("  Zhang   WEI ") == "zhang wei"
    assert normalize(None) == ""


@pytest.mark.parametrize(
    ("typed", "digits"),
    [
        ("+86 138 0013 8000", "13800138000"),
        ("0086-138-0013-8000", "13800138000"),
        ("(0731) 8888-1234", "073188881234"),
        ("13800138000", "13800138000"),
    ],
)
def test_phone_digits(typed, digits):
    assert phone_digits(typed) == digits


@pytest.mark.parametrize(
    ("query", "terms"),
    [
        ("", []),
        ("changsha", [("changsha",)]),
        ("长沙 ZW", [("长沙",), ("zw",)]),
        ("ＪＸ００１７", [("jx0017",)]),
        ("+86 138 0013 8000", [("13800138000",)]),  # one phone number, not four words
        ("138-0013-8000", [("13800138000",)]),
        ("长沙 0731-8888", [("长沙",), ("0731-8888", "07318888")]),  # as typed, or as digits
        ("麓山南路 1-2", [("麓山南路",), ("1-2",)]),  # a house number is no phone number
        ("2019", [("2019",)]),
    ],
)
def test_search_terms(query, terms):
    assert search_terms(query) == terms
