"""Demo rows for letters: the letterhead and its remittance details (the contacts' builder gives one primary
contact in eight a preference for English letters). The default letter templates come with migration 0009."""

from __future__ import annotations

from sqlalchemy import select

from hqdesk.persistence.models import CompanyProfile
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
    s.flush()
    return {"letterhead": 1, "settings": len(SETTINGS) - len(existing)}
