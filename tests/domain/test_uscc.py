"""Unified social credit codes: the check character catches typos before a profile is saved."""

from __future__ import annotations

import pytest

from hqdesk.domain import uscc

# Real, published codes (company registry): the check character of each is right.
REAL_CODES = [
    "914403001922038216",  # Huawei Technologies Co., Ltd. (digit check character)
    "91440300708461136T",  # Shenzhen Tencent Computer Systems Co., Ltd. (letter)
    "91330100716105852F",  # Alibaba (China) Network Technology Co., Ltd. (letter)
    "91350100M000100Y43",  # letters inside the organisation part
]


@pytest.mark.parametrize("code", REAL_CODES)
def test_real_codes_are_valid(code):
    assert uscc.problem(code) is None
    assert uscc.is_valid(code)


def test_check_character_of_a_code_ending_in_a_letter():
    assert uscc.check_character("91440300708461136") == "T"


def test_lower_case_and_spaces_are_accepted_as_typed():
    assert uscc.is_valid(" 91440300708461136t ")
    assert uscc.normalize(" 9144 0300 7084 6113 6t") == "91440300708461136T"


@pytest.mark.parametrize(
    "typo",
    [
        "914403001922038217",  # last character wrong
        "914403001922083216",  # two digits swapped
        "91440300708461136X",  # wrong letter
        "92440300708461136T",  # first digit wrong, the old check character no longer fits
    ],
)
def test_typos_are_caught_by_the_check_character(typo):
    assert uscc.problem(typo) == "The check character does not match: the code has a typo."


@pytest.mark.parametrize("code", ["91440300708461136", "91440300708461136TT", "", "9144"])
def test_wrong_length(code):
    assert uscc.problem(code) == "A unified social credit code has 18 characters."


@pytest.mark.parametrize("letter", ["I", "O", "S", "V", "Z"])
def test_letters_that_look_like_digits_are_forbidden(letter):
    code = "91350100M000100Y4" + letter
    assert "except I, O, S, V, Z" in uscc.problem(code)
    with pytest.raises(ValueError):
        uscc.check_character("91350100M00010" + letter + "Y4")


def test_region_part_must_be_digits():
    # characters 3-8 are the administrative region number; a letter there is refused even when the
    # check character would fit
    first17 = "9135A100M000100Y4"
    code = first17 + uscc.check_character(first17)
    assert uscc.problem(code) == "Characters 3 to 8 of the code are the region number: digits only."
