"""A contact's preferred letter language: stored, updated, cleared, validated, and used by the letters."""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest

from hqdesk.domain.contact import ContactData, Gender
from hqdesk.domain.errors import ValidationError
from hqdesk.domain.franchisee import FranchiseeData
from hqdesk.services.letter_dto import LetterSelection


def test_the_preferred_language_round_trips_and_chooses_the_letters_language(services, admin):
    fid = services.franchisees.create(
        admin, FranchiseeData(code="L1", legal_name="甲珠宝有限公司", city="上海", tier="A")
    ).id
    c = services.contacts.add(
        admin, fid, ContactData(name="李梅", gender=Gender.FEMALE, preferred_language="en")
    )
    assert services.contacts.list(admin, fid)[0].data.preferred_language == "en"
    (letter,) = services.letters.recipients(
        admin, "festival", LetterSelection(as_of=date(2026, 6, 30), franchisee_ids=(fid,))
    )
    assert letter.language == "en" and letter.merge["contact"]["greeting"] == "Dear Ms Li"
    (forced,) = services.letters.recipients(
        admin, "festival", LetterSelection(as_of=date(2026, 6, 30), franchisee_ids=(fid,), language="zh_CN")
    )
    assert forced.merge["contact"]["greeting"] == "尊敬的李女士"
    cleared = services.contacts.update(
        admin, c.id, c.version, dataclasses.replace(c.data, preferred_language="")
    )
    assert cleared.data.preferred_language is None
    (letter,) = services.letters.recipients(
        admin, "festival", LetterSelection(as_of=date(2026, 6, 30), franchisee_ids=(fid,))
    )
    assert letter.language == "zh_CN"
    with pytest.raises(ValidationError):
        services.contacts.update(
            admin, c.id, cleared.version, dataclasses.replace(c.data, preferred_language="fr")
        )


def test_a_credit_change_letter_names_the_old_and_new_terms(services, admin):
    from decimal import Decimal

    from hqdesk.domain.credit import TermKind
    from hqdesk.services.credit_profiles import CreditProfileData

    fid = services.franchisees.create(
        admin, FranchiseeData(code="L2", legal_name="乙珠宝有限公司", city="长沙", tier="A")
    ).id
    services.contacts.add(admin, fid, ContactData(name="王建国", gender=Gender.MALE))
    today = date.today()
    selection = LetterSelection(as_of=today, franchisee_ids=(fid,))
    assert services.letters.recipients(admin, "credit_change", selection) == []  # nothing changed yet
    first = services.credit_profiles.save(
        admin, fid, 0, CreditProfileData(TermKind.COD, 0, Decimal("300000")), "开户"
    )
    services.credit_profiles.save(
        admin, fid, first.version, CreditProfileData(TermKind.MONTHLY, 30, Decimal("500000")), "年度信用评审"
    )
    (letter,) = services.letters.recipients(admin, "credit_change", selection)
    change = letter.merge["change"]
    assert change["old_limit"] == "¥300,000.00" and change["new_limit"] == "¥500,000.00"
    assert change["old_term"] == "货到付款" and change["new_term"] == "月结（月末后30天内付款）"
    assert change["reason"] == "年度信用评审"
