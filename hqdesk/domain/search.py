"""The text a franchisee is found by in search-as-you-type, and how a typed query is read.

One function for the service, the importer and the demo generator (through the franchisee mapper), so a
franchisee is found the same way however it was written.

What an HQ desk types to find a franchisee: part of the company, brand, city or a contact's name, in Chinese
or in pinyin (``changsha``, ``zhangwei``) or pinyin initials (``cs``, ``zw``); the code, the unified social
unified social credit code, part of the address, a tag, a WeChat ID or an e-mail address; a phone number as it is written
on a business card (``+86 138-0013-8000``, ``0731 8888 1234``). Both sides are normalised the same way:
NFKC (full-width ``ＪＸ００１７`` is ``jx0017``), lower case, and phone numbers as digits only, without the
country code. The text is stored per franchisee and scanned with a substring match, so it is kept compact:
pinyin only for names (company, city, contacts), each value once.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
# What a phone number may be written with: digits, spaces, dashes, dots, brackets and a leading +.
_PHONE_LIKE = re.compile(r"^\+?[\d\s\-.()（）]+$")
_NON_DIGITS = re.compile(r"\D")
_MIN_PHONE_DIGITS = 5  # "0731-88" is a phone fragment; "1-2" (a building number) is not


def normalize(text: str | None) -> str:
    """``text`` as it is stored and compared: NFKC (full width to half width), lower case, single spaces."""
    if not text:
        return ""
    if text.isascii():  # NFKC leaves ASCII as it is
        return " ".join(text.lower().split())
    return _normalize_unicode(text) if len(text) <= 8 else _nfkc(text)


@lru_cache(maxsize=20_000)
def _normalize_unicode(text: str) -> str:
    """``_nfkc`` of the short texts that repeat (cities, provinces, tags, people's names), each once."""
    return _nfkc(text)


def _nfkc(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text).lower().split())


def phone_digits(text: str | None) -> str:
    """A phone number as digits only, without China's country code (``+86``, ``0086``)."""
    text = normalize(text)
    digits = _NON_DIGITS.sub("", text)
    if text.startswith("+86") or text.startswith("0086"):
        digits = digits[2:] if text.startswith("+") else digits[4:]
    return digits


@lru_cache(maxsize=50_000)  # bounded: an import of any length computes each franchisee's search text once
def pinyin_forms(name: str) -> tuple[str, str]:
    """The pinyin of ``name`` written together (``changsha``) and its initials (``cs``); ('', '') for text
    without Chinese characters. Heteronyms take their common reading in context (重庆 chongqing).

    Cached: the same names (cities, surnames with given names) come back many times in an import."""
    if not _HAN.search(name):
        return "", ""
    syllables = [s for run in _han_runs()(name) for s in _run_syllables(run)]
    full = "".join(syllables)
    initials = "".join(s[0] for s in syllables if s)  # one conversion for both
    return full, initials


@lru_cache(maxsize=1)
def _han_runs():
    """``findall`` of the runs of Chinese characters as pypinyin sees them (its ``RE_HANS``, one character).

    pypinyin first splits a text into runs of Chinese and of other characters, segments each Chinese run into
    words on its own and converts word by word; with ``errors="ignore"`` the other runs give nothing. So the
    pinyin of a name is the pinyin of its Chinese runs one after the other, and each run can be converted (and
    cached) alone: company names share most of their runs (城市, 珠宝有限公司), and converting a run costs
    about ten times as much as looking it up."""
    import re

    from pypinyin.constants import RE_HANS  # imported when first needed: about 0.15 s with its dictionaries

    pattern = RE_HANS.pattern
    if not (pattern.startswith("^(?:[") and pattern.endswith("])+$")):  # a pypinyin that changed its rule
        raise RuntimeError(f"unexpected pypinyin RE_HANS {pattern!r}")
    return re.compile(pattern[len("^(?:") : -len(")+$")] + "+").findall


@lru_cache(maxsize=50_000)
def _run_syllables(run: str) -> tuple[str, ...]:
    """The syllables of one run of Chinese characters, segmented into words by pypinyin as in a whole text."""
    from pypinyin import lazy_pinyin

    return tuple(_ascii_only(s.lower()) for s in lazy_pinyin(run, errors="ignore"))


def prepare_pinyin(names) -> None:
    """Convert ``names`` to pinyin now (into the cache), so that a write transaction computing search texts
    does not hold the database's write lock for it (most of an import's time)."""
    for name in names:
        pinyin_forms(normalize(name))


def _ascii_only(text: str) -> str:
    return "".join(ch for ch in text if ch.isascii() and ch.isalnum())


def _attr(obj, *names: str) -> str:
    for name in names:
        value = getattr(obj, name, None)
        if value:
            return str(value)
    return ""


def franchisee_search_text(franchisee, contacts) -> str:
    """The search text of ``franchisee`` (any object with the profile's attributes) and its ``contacts``
    (objects with name, mobile, phone, wechat (or wechat_id) and email attributes)."""
    words: dict[str, None] = {}  # an ordered set: each value once, in the order found

    company = normalize(_attr(franchisee, "legal_name"))
    city = normalize(_attr(franchisee, "city"))
    for value in (
        normalize(_attr(franchisee, "code")),
        company,
        normalize(_attr(franchisee, "store_brand_name")),
        city,
        normalize(_attr(franchisee, "province")),
        normalize(_attr(franchisee, "uscc")),
        normalize(_attr(franchisee, "address")),
    ):
        words[value] = None
    tags = getattr(franchisee, "tags", "") or ""
    for tag in tags.split(",") if isinstance(tags, str) else tags:
        words[normalize(tag)] = None
    for name in (company, city):  # the company and the city in pinyin (the brand repeats them)
        for form in pinyin_forms(name):
            words[form] = None
    for c in contacts:
        name = normalize(_attr(c, "name"))
        words[name] = None
        for form in pinyin_forms(name):
            words[form] = None
        words[phone_digits(_attr(c, "mobile"))] = None
        words[phone_digits(_attr(c, "phone"))] = None
        words[normalize(_attr(c, "wechat", "wechat_id"))] = None
        words[normalize(_attr(c, "email"))] = None
    words.pop("", None)  # empty values add nothing
    return " ".join(words)


def search_terms(query: str) -> list[tuple[str, ...]]:
    """What a typed query asks for: a list of terms that must all be found, each a tuple of alternatives
    (any one of them found is enough).

    Words are separated by spaces. A phone number is read whole, spaces and dashes included
    (``+86 138 0013 8000``), and compared as digits; a word with dashes that may be a phone fragment
    (``0731-8888``) is also looked for as written (an address may have ``1-2``).
    """
    text = normalize(query)
    if not text:
        return []
    if _PHONE_LIKE.match(text) and (" " in text or not text.isdigit()):
        digits = phone_digits(text)
        if len(digits) >= _MIN_PHONE_DIGITS:
            return [(digits,)]
    terms: list[tuple[str, ...]] = []
    for word in text.split():
        alternatives = [word]
        if _PHONE_LIKE.match(word) and not word.isdigit():
            digits = phone_digits(word)
            if len(digits) >= _MIN_PHONE_DIGITS and digits != word:
                alternatives.append(digits)
        terms.append(tuple(alternatives))
    return terms


__all__ = [
    "prepare_pinyin",
    "franchisee_search_text",
    "normalize",
    "phone_digits",
    "pinyin_forms",
    "search_terms",
]
