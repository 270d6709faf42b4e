"""How the search text's pinyin is computed quickly (an import converts tens of thousands of names), without
changing what it is (tests/domain/test_search_text.py and tests/services/test_search.py say what it is)."""

from __future__ import annotations

import pypinyin
import pytest

from hqdesk.domain import search


def _clear_caches() -> None:
    for cached in (search.pinyin_forms, getattr(search, "_run_syllables", None)):
        if cached is not None:
            cached.cache_clear()


@pytest.fixture
def conversions(monkeypatch):
    """Every text pypinyin is asked to convert, from a cold cache."""
    _clear_caches()
    asked: list[str] = []
    real = pypinyin.lazy_pinyin

    def counting(text, *args, **kwargs):
        asked.append(text)
        return real(text, *args, **kwargs)

    monkeypatch.setattr(pypinyin, "lazy_pinyin", counting)
    yield asked
    _clear_caches()


def test_each_run_of_chinese_characters_is_converted_once(conversions):
    """500 company names that differ by a number share two runs of Chinese characters: pypinyin converts two
    texts, not 500 names."""
    forms = [search.pinyin_forms(f"杭州金辉{n}珠宝有限公司") for n in range(500)]
    assert sorted(set(conversions)) == ["杭州金辉", "珠宝有限公司"]
    assert forms[7] == ("hangzhoujinhuizhubaoyouxiangongsi", "hzjhzbyxgs")


@pytest.mark.parametrize(
    "name",
    [
        "重庆",
        "长沙银行",
        "行长",
        "重庆长寿区重阳路",
        "金祥珠宝·长沙3店",
        "a长沙b重庆c",
        "〇一二",
        "𠮷祥",
        "朝阳区朝阳路12号",
        "乐乐音乐",
    ],
)
def test_the_forms_are_pypinyins_for_the_whole_name(name):
    """Converting run by run gives what pypinyin gives for the whole name (its phrase segmentation included)."""
    syllables = [
        "".join(c for c in s.lower() if c.isascii() and c.isalnum())
        for s in pypinyin.lazy_pinyin(name, errors="ignore")
    ]
    expected = ("".join(syllables), "".join(s[0] for s in syllables if s))
    assert search.pinyin_forms(name) == expected
