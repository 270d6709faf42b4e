"""Demo rows for letters: a letterhead with remittance details, and some contacts who prefer English letters.

Run by ``generate_demo`` after the franchisees are written (the contacts' own builder stays as it was, so the
same seed still gives the same contact rows). The default letter templates come with migration 0009.
"""

from __future__ import annotations

from sqlalchemy import select, update

from hqdesk.persistence.models import CompanyProfile, Contact
from hqdesk.persistence.models_credit import CompanySetting

LETTERHEAD = {
    "name": "金辉珠宝集团总部",
    "address": "湖南省长沙市芙蓉区五一大道 1 号金辉大厦 18 层",
    "phone": "0731-8888 6666",
}
SETTINGS = {
    "letters.name_en": "Jinhui Jewellery Group Headquarters",
    "letters.address_en": "18/F Jinhui Tower, 1 Wuyi Avenue, Furong District, Changsha, Hunan",
    "letters.bank_name": "中国工商银行长沙五一路支行",
    "letters.bank_account": "1901 0012 0910 0088 866",
    "letters.bank_holder": "金辉珠宝集团有限公司",
}
ENGLISH_EVERY = 8  # one primary contact in eight prefers English letters


def add_letters_demo(s, username: str = "demo") -> dict[str, int]:
    profile = s.get(CompanyProfile, 1)
    if profile is not None and not profile.name:
        for key, value in LETTERHEAD.items():
            setattr(profile, key, value)
        profile.updated_by = username
    existing = set(s.scalars(select(CompanySetting.key).where(CompanySetting.key.in_(SETTINGS))))
    for key, value in SETTINGS.items():
        if key not in existing:
            s.add(CompanySetting(key=key, value=value, updated_by=username))
    english = s.execute(
        update(Contact)
        .where(Contact.is_primary.is_(True), Contact.id % ENGLISH_EVERY == 3)
        .values(preferred_language="en")
    ).rowcount
    s.flush()
    return {"english_contacts": english}
