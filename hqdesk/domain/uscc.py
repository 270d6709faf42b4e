"""Unified social credit code (统一社会信用代码, GB 32100-2015): 18 characters, the last a check character."""

from __future__ import annotations

CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY"  # no I, O, S, V, Z
WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)


def normalize(code: str) -> str:
    return code.strip().upper().replace(" ", "")


def check_character(first17: str) -> str:
    """The check character for the first 17 characters (raises ValueError on a character outside the set)."""
    total = 0
    for ch, weight in zip(first17, WEIGHTS, strict=True):
        value = CHARSET.find(ch)
        if value < 0:
            raise ValueError(ch)
        total += value * weight
    return CHARSET[(31 - total % 31) % 31]


def problem(code: str) -> str | None:
    """None if ``code`` is a valid USCC, else a short English reason (used as a translatable template)."""
    from hqdesk.domain.i18n import QT_TRANSLATE_NOOP

    code = normalize(code)
    if len(code) != 18:
        return QT_TRANSLATE_NOOP("Validation", "A unified social credit code has 18 characters.")
    bad = [ch for ch in code if ch not in CHARSET]
    if bad:
        return QT_TRANSLATE_NOOP(
            "Validation",
            "A unified social credit code uses only digits and capital letters except I, O, S, V, Z.",
        )
    if not code[2:8].isdigit():
        return QT_TRANSLATE_NOOP(
            "Validation", "Characters 3 to 8 of the code are the region number: digits only."
        )
    if check_character(code[:17]) != code[17]:
        return QT_TRANSLATE_NOOP("Validation", "The check character does not match: the code has a typo.")
    return None


def is_valid(code: str) -> bool:
    return problem(code) is None
