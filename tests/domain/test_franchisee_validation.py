"""Validation of a franchisee profile: each problem names the form field it belongs to."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from hqdesk.domain.franchisee import (
    DEFAULT_TIERS,
    FranchiseeData,
    clean_franchisee,
    normalize_tags,
    validate_franchisee,
)

VALID = FranchiseeData(
    code="HZ-001",
    legal_name="杭州味道餐饮管理有限公司",
    city="杭州",
    tier="A",
    uscc="91330100716105852F",
    registered_capital=Decimal("5000000.00"),
    contract_start=date(2025, 1, 1),
    contract_end=date(2027, 12, 31),
)


def fields_of(data: FranchiseeData, tiers=DEFAULT_TIERS) -> list[str]:
    return [e.field for e in validate_franchisee(data, tiers)]


def test_a_complete_profile_is_valid():
    assert validate_franchisee(VALID, DEFAULT_TIERS) == []


def test_required_fields():
    errors = validate_franchisee(FranchiseeData(code=" ", legal_name="", city="", tier=""), DEFAULT_TIERS)
    assert {e.field: e.english() for e in errors} == {
        "code": "Enter the franchisee code.",
        "legal_name": "Enter the company's legal name.",
        "city": "Enter the city.",
        "tier": "Choose a tier.",
    }


@pytest.mark.parametrize("code", ["HZ 001", "-HZ", "_x", "杭州01", "A/B", "a.b"])
def test_code_pattern_refuses(code):
    assert fields_of(FranchiseeData(**{**VALID.__dict__, "code": code})) == ["code"]


@pytest.mark.parametrize("code", ["A", "hz-001", "HZ_001", "2024-17"])
def test_code_pattern_accepts(code):
    assert fields_of(FranchiseeData(**{**VALID.__dict__, "code": code})) == []


def test_code_too_long():
    errors = validate_franchisee(FranchiseeData(**{**VALID.__dict__, "code": "X" * 21}), DEFAULT_TIERS)
    assert [(e.field, e.english()) for e in errors] == [("code", "At most 20 characters.")]


def test_unknown_tier_lists_the_known_ones():
    (error,) = validate_franchisee(FranchiseeData(**{**VALID.__dict__, "tier": "D"}), DEFAULT_TIERS)
    assert error.field == "tier"
    assert error.english() == "Unknown tier D; known tiers: A, B, C."


def test_configured_tiers_are_what_counts():
    assert fields_of(FranchiseeData(**{**VALID.__dict__, "tier": "VIP"}), ("VIP", "A")) == []


def test_contract_cannot_end_before_it_starts():
    data = FranchiseeData(
        **{**VALID.__dict__, "contract_start": date(2026, 5, 1), "contract_end": date(2026, 4, 30)}
    )
    (error,) = validate_franchisee(data, DEFAULT_TIERS)
    assert (error.field, error.english()) == ("contract_end", "The contract cannot end before it starts.")
    same_day = FranchiseeData(
        **{**VALID.__dict__, "contract_start": date(2026, 5, 1), "contract_end": date(2026, 5, 1)}
    )
    assert fields_of(same_day) == []


def test_negative_capital_is_refused_zero_is_fine():
    (error,) = validate_franchisee(
        FranchiseeData(**{**VALID.__dict__, "registered_capital": Decimal("-0.01")}), DEFAULT_TIERS
    )
    assert (error.field, error.english()) == ("registered_capital", "Registered capital cannot be negative.")
    assert fields_of(FranchiseeData(**{**VALID.__dict__, "registered_capital": Decimal("0")})) == []


def test_capital_beyond_what_the_database_keeps_to_the_cent_is_refused():
    # SQLite keeps 15 significant digits: 9,999,999,999,999.99 is the largest amount stored exactly
    assert (
        fields_of(FranchiseeData(**{**VALID.__dict__, "registered_capital": Decimal("9999999999999.99")}))
        == []
    )
    assert fields_of(
        FranchiseeData(**{**VALID.__dict__, "registered_capital": Decimal("10000000000000")})
    ) == ["registered_capital"]


def test_bad_uscc_is_reported_on_the_uscc_field():
    (error,) = validate_franchisee(
        FranchiseeData(**{**VALID.__dict__, "uscc": "91330100716105852G"}), DEFAULT_TIERS
    )
    assert error.field == "uscc"
    assert "typo" in error.english()


def test_empty_uscc_is_allowed():
    assert fields_of(FranchiseeData(**{**VALID.__dict__, "uscc": ""})) == []


def test_long_tag_is_refused():
    assert fields_of(FranchiseeData(**{**VALID.__dict__, "tags": ("x" * 31,)})) == ["tags"]


def test_clean_trims_upper_cases_the_uscc_and_dedupes_tags():
    cleaned = clean_franchisee(
        FranchiseeData(
            code=" HZ-1 ",
            legal_name=" 名 ",
            city=" 杭州",
            uscc="91330100716105852f ",
            tags="旗舰, 新店，旗舰;;",
        )
    )
    assert (cleaned.code, cleaned.legal_name, cleaned.city) == ("HZ-1", "名", "杭州")
    assert cleaned.uscc == "91330100716105852F"
    assert cleaned.tags == ("旗舰", "新店")


def test_normalize_tags_keeps_order():
    assert normalize_tags(["b", " a ", "b", ""]) == ("b", "a")


# ----- what the database columns hold ----------------------------------------------------------------------


def test_tags_together_are_limited_to_what_the_tags_column_holds():
    tags = tuple(f"{i:02d}" + "标" * 28 for i in range(16))  # 16 tags of 30 characters: 495 with the commas
    exactly = tags + ("标签四个",)
    assert len(",".join(exactly)) == 500
    assert fields_of(FranchiseeData(**{**VALID.__dict__, "tags": exactly})) == []
    # every tag is short enough, but together they do not fit
    errors = validate_franchisee(
        FranchiseeData(**{**VALID.__dict__, "tags": tags + ("标签五个字",)}), DEFAULT_TIERS
    )
    assert [(e.field, e.english()) for e in errors] == [
        ("tags", "The tags together have at most 500 characters, counting a comma between two tags.")
    ]


@pytest.mark.parametrize(
    "field",
    [
        "legal_name",
        "store_brand_name",
        "legal_representative",
        "business_scope",
        "province",
        "address",
        "notes",
    ],
)
def test_a_nul_character_is_refused_in_any_text_field(field):
    value = getattr(VALID, field) or "文字"
    data = clean_franchisee(FranchiseeData(**{**VALID.__dict__, field: value[:1] + "\x00" + value[1:]}))
    errors = validate_franchisee(data, DEFAULT_TIERS)
    assert [(e.field, e.english()) for e in errors] == [
        (
            field,
            "The text contains a NUL character (an invisible control character, code 0), which cannot be "
            "stored. Remove it.",
        )
    ]


def test_a_nul_character_in_a_tag_or_the_code_is_refused():
    assert fields_of(FranchiseeData(**{**VALID.__dict__, "tags": ("旗舰", "新\x00店")})) == ["tags"]
    assert "code" in fields_of(FranchiseeData(**{**VALID.__dict__, "code": "HZ\x00001"}))


def test_a_nul_character_in_the_reason_of_a_status_change_is_refused():
    from hqdesk.domain.franchisee import LifecycleStatus, transition_problem

    errors = transition_problem(
        LifecycleStatus.ACTIVE, LifecycleStatus.SUSPENDED, "欠款\x00", date(2026, 1, 5), date(2026, 1, 5)
    )
    assert [e.field for e in errors] == ["reason"]
    assert "NUL" in errors[0].english()
    assert (
        transition_problem(
            LifecycleStatus.ACTIVE, LifecycleStatus.SUSPENDED, "欠款", date(2026, 1, 5), date(2026, 1, 5)
        )
        == []
    )
