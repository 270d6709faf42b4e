"""The contact builder: a franchisee's people, their birthdays and anniversaries (through the contact mapper)."""

from __future__ import annotations

from datetime import timedelta

from hqdesk.demo.base import ONE_PER_FRANCHISEE, Drawing, add_years, base36
from hqdesk.demo.pools import City
from hqdesk.domain.contact import Anniversary, ContactData, ContactRole, Gender
from hqdesk.persistence.mappers import ContactMapper


class ContactBuilder(Drawing):
    def contacts(self, fid: int, city: City, pinyin: str, stores: list[dict]) -> list[dict]:
        roles = [ContactRole.OWNER]
        for _ in range(self.contact_counts.pick(self.r) - 1):
            role = self.other_roles.pick(self.r)
            while role in ONE_PER_FRANCHISEE and role in roles:
                role = self.other_roles.pick(self.r)
            roles.append(role)
        primary = 0
        if ContactRole.MANAGER in roles and self.chance(0.1):
            primary = roles.index(ContactRole.MANAGER)  # the owner leaves day-to-day business to a manager
        owner_gender = Gender.MALE if self.chance(0.62) else Gender.FEMALE
        family = self.surnames.pick(self.r)
        store_names = [s["name"] for s in stores]
        rows = []
        for i, role in enumerate(roles):
            if role == ContactRole.OWNER:
                gender = owner_gender
            elif role == ContactRole.FINANCE:
                gender = Gender.FEMALE if self.chance(0.75) else Gender.MALE
            else:
                gender = Gender.MALE if self.chance(0.5) else Gender.FEMALE
            # the owner's relatives work in the business too (a wife keeps her own surname)
            relation = ""
            if i and self.chance(0.2):
                relation = "relative"
            elif role == ContactRole.FINANCE and gender != owner_gender and self.chance(0.25):
                relation = "spouse"
            name = self.person(gender, family if i == 0 or relation == "relative" else None)
            rows.append(
                self.contact(
                    self.next_id("contacts"),
                    fid,
                    name,
                    gender,
                    role,
                    i == primary,
                    city,
                    pinyin,
                    store_names,
                    relation,
                )
            )
        self.data.contacts.extend(rows)
        return rows

    def contact(
        self,
        cid: int,
        fid: int,
        name: str,
        gender: Gender,
        role: ContactRole,
        primary: bool,
        city: City,
        pinyin: str,
        store_names: list[str],
        relation: str,
    ) -> dict:
        p, today = self.p, self.today
        senior = role in (ContactRole.OWNER, ContactRole.MANAGER)
        if senior and self.chance(0.45):
            honorific = "总"
        else:
            honorific = "先生" if gender == Gender.MALE else "女士"
        mobile = self.mobile()
        phone = ""
        if self.chance(0.45 if senior or role == ContactRole.FINANCE else 0.2):
            phone = f"{city.area_code}-{self.between(2, 8)}{int(self.r() * 10**7):07d}"
        email = ""
        if self.chance(0.5):
            if self.chance(0.5):
                email = f"{self.between(100000, 2999999999)}@qq.com"
            else:
                tail = {ContactRole.FINANCE: "_cw", ContactRole.PURCHASING: "_cg"}.get(role) or self.pick(
                    ("", "88", "168", "666", str(self.between(1, 99)))
                )
                email = f"{pinyin}{tail}@{self.pick(p.email_domains)}"
        wechat = ""
        if self.chance(0.75):
            r = self.r()
            if r < 0.35:
                wechat = mobile
            elif r < 0.75:
                wechat = "wxid_" + base36(int(self.r() * 36**7), 7) + base36(int(self.r() * 36**7), 7)
            else:
                wechat = f"{pinyin}{self.between(1, 9999)}"
        lo, hi = (32, 65) if role == ContactRole.OWNER else (28, 60) if senior else (25, 55)
        birthday = None
        if self.chance(0.9):
            birthday = today - timedelta(days=self.between(int(lo * 365.25) + 1, int((hi + 1) * 365.25) - 1))
        hobbies = "、".join(self.some(p.hobbies, self.between(1, 3))) if self.chance(0.6) else ""
        preferences = ""
        if self.chance(0.5):
            preferences = "，".join(self.pick(g) for g in self.some(p.preference_groups, self.between(1, 2)))
        notes = ""
        if role == ContactRole.STORE_MANAGER and store_names and self.chance(0.8):
            notes = f"负责{self.pick(store_names)}"
        elif relation and self.chance(0.7):
            notes = self.pick(p.role_notes[relation])
        elif role.value in p.role_notes and self.chance(0.2):
            notes = self.pick(p.role_notes[role.value])
        elif birthday and (today - birthday).days > 42 * 365 and self.chance(0.08):
            notes = self.pick(p.parent_notes)
        elif self.chance(0.1):
            notes = self.pick(p.contact_notes)
        anniversaries = []
        if birthday:
            for label, first_age, last_age in p.anniversaries:
                if self.chance(0.15):
                    on = add_years(birthday, self.between(first_age, last_age)) + timedelta(
                        days=self.between(0, 364)
                    )
                    if on < today:
                        anniversaries.append(
                            Anniversary(label, on, label == "结婚纪念日" and self.chance(0.2))
                        )
        data = ContactData(
            name=name,
            gender=gender,
            honorific=honorific,
            role=role,
            mobile=mobile,
            phone=phone,
            email=email,
            wechat_id=wechat,
            birthday=birthday,
            birthday_lunar=birthday is not None and self.chance(0.3),
            anniversaries=tuple(anniversaries),
            hobbies=hobbies,
            preferences=preferences,
            notes=notes,
            is_primary=primary,
            # one primary contact in eight prefers English letters (no draw: the other rows stay the same)
            preferred_language="en" if primary and cid % 8 == 3 else None,
        )
        for values in ContactMapper.anniversary_values(data, cid):
            self.data.anniversaries.append({"id": self.next_id("anniversaries"), **values})
        return {"id": cid, "franchisee_id": fid, **ContactMapper.values(data), **self.versioned}


__all__ = ["ContactBuilder"]
