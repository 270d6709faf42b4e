"""The franchisee builder: the company, its unified social credit code, its lifecycle history and contract, and the row
(through the franchisee mapper, search text included)."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from decimal import Decimal

from hqdesk.demo.base import CHINA, A, Drawing, P, S, T, add_years, org_code, short_district
from hqdesk.demo.pools import City
from hqdesk.demo.users import ACCOUNT_MANAGERS
from hqdesk.domain import uscc
from hqdesk.domain.contact import Gender
from hqdesk.domain.franchisee import FranchiseeData
from hqdesk.persistence.mappers import FranchiseeMapper


class FranchiseeBuilder(Drawing):
    """One franchisee and everything that hangs off it (stores and contacts come from their builders)."""

    def franchisee(self, number: int) -> None:
        p = self.p
        fid = self.next_id("franchisees")
        city = self.cities.pick(self.r)
        district = self.pick(city.districts)
        kind = self.kinds.pick(self.r)
        tier = self.tiers.pick(self.r)
        manager = self.pick(ACCOUNT_MANAGERS)
        trade, pinyin, legal_name, is_shop = self.legal_name(city, district)
        history, join, start, end, note = self.timeline(kind, manager)
        stores = self.stores(fid, city, district, kind, join, history[-1][2])
        contacts = self.contacts(fid, city, pinyin, stores)
        owner = contacts[0]
        established = (join or history[0][2]) - timedelta(days=self.between(0, 8 * 365))
        code = f"{p.code_prefix}{number:04d}"
        data = FranchiseeData(
            code=code,
            legal_name=legal_name,
            store_brand_name=stores[0]["name"]
            if stores
            else f"{p.brand}·{city.name}{short_district(district)}店",
            uscc=self.credit_code(city, is_shop, established),
            legal_representative=owner["name"]
            if self.chance(0.85)
            else self.person(Gender.FEMALE if owner["gender"] == Gender.MALE else Gender.MALE),
            registered_capital=self.capital(tier, is_shop),
            business_scope=self.scope(),
            region=city.region,
            province=city.province,
            city=city.name,
            address=self.address(city, district, office=True),
            tier=tier,
            join_date=join,
            contract_start=start,
            contract_end=end,
            account_manager_id=None,  # filled in once the users have ids
            tags=tuple(self.tags(tier, kind, join, len(stores))),
            notes=note or (self.pick(p.notes) if self.chance(0.3) else ""),
        )
        row = FranchiseeMapper.insert_values(
            data,
            status=history[-1][1],
            status_changed_on=history[-1][2],
            contacts=contacts,
            archived=kind == "terminated" and self.chance(0.15),
            id=fid,
            **self.versioned,
        )
        self.data.franchisees.append(row)
        self.data.account_managers.append(manager)
        for old, new, on, reason, by in history:
            self.data.status_changes.append(
                {
                    "id": self.next_id("status_changes"),
                    "franchisee_id": fid,
                    "from_status": old,
                    "to_status": new,
                    "changed_on": on,
                    "reason": reason,
                    "changed_by": by,
                    # recorded during office hours on the day of the change, as if entered then
                    "recorded_at": datetime(
                        on.year, on.month, on.day, self.between(9, 17), self.between(0, 59), tzinfo=CHINA
                    ),
                }
            )

    def legal_name(self, city: City, district: str) -> tuple[str, str, str, bool]:
        """杭州金辉珠宝有限公司, or an individual business such as 佛山市顺德区金辉银楼."""
        p = self.p
        for attempt in range(50):
            trade, pinyin = self.pick(p.trade_names)
            is_shop = self.chance(0.2)
            if is_shop:
                name = f"{city.name}市{district}{trade}{self.pick(p.shop_suffixes)}"
            else:
                name = f"{city.name}{trade}{self.pick(p.company_suffixes)}"
            if attempt > 40:
                name = name.replace(trade, trade + self.pick(("兴", "盛", "丰", "源", "发")), 1)
            if name not in self.used_names:
                self.used_names.add(name)
                return trade, pinyin, name, is_shop
        name = f"{city.name}{trade}{len(self.used_names)}{p.company_suffixes[0]}"
        self.used_names.add(name)
        return trade, pinyin, name, False

    def credit_code(self, city: City, is_shop: bool, established: date) -> str:
        """A valid, unique unified social credit code: 91 (company) or 92 (individual business), the city's
        division code, an organisation code (MA... since the 2015 reform), the check character."""
        while True:
            if established.year >= 2016:
                body = "MA" + "".join(self.pick(uscc.CHARSET) for _ in range(6))
            else:
                body = f"{int(self.r() * 10**8):08d}"
            first17 = ("92" if is_shop else "91") + city.code + org_code(body)
            code = first17 + uscc.check_character(first17)
            if code not in self.used_codes:
                self.used_codes.add(code)
                return code

    def capital(self, tier: str, is_shop: bool) -> Decimal:
        choices = self.p.shop_capital_wan if is_shop else self.p.capital_wan
        if not is_shop:
            third = len(choices) // 3
            choices = choices[third:] if tier == "A" else choices[:-third] if tier == "C" else choices
        return Decimal(self.pick(choices) * 10000)

    def scope(self) -> str:
        p = self.p
        items = sorted(self.some(range(len(p.scope_items)), self.between(4, 8)))
        services = sorted(self.some(range(len(p.scope_services)), self.between(1, 3)))
        return (
            "、".join(p.scope_items[i] for i in items)
            + "的零售及批发；"
            + "；".join(p.scope_services[i] for i in services)
            + "。"
            + p.scope_tail
        )

    def address(self, city: City, district: str, *, office: bool = False, mall: str | None = None) -> str:
        p = self.p
        street = f"{city.prefix}{district}{self.pick(p.roads)}{self.between(1, 399)}号"
        if mall:
            return f"{street}{mall}{self.between(1, 3)}层{self.between(1, 3)}{self.between(1, 40):02d}号"
        if office and self.chance(0.4):
            return f"{street}{self.pick(p.buildings)}{self.between(2, 28)}{self.between(1, 20):02d}室"
        if self.chance(0.3):
            return f"{street}{self.between(1, 3)}楼"
        return street

    def tags(self, tier: str, kind: str, join: date | None, stores: int) -> list[str]:
        tags = []
        if tier == "A" and self.chance(0.5):
            tags.append("金牌加盟商")
        if join and (self.today - join).days < 365 and self.chance(0.7):
            tags.append("新店")
        if kind == "suspended" and self.chance(0.5):
            tags.append("重点关注")
        if stores >= 3 and self.chance(0.5):
            tags.append("多店经营")
        for tag, percent in self.p.tags:
            if tag not in tags and self.chance(percent / 100):
                tags.append(tag)
        return tags[:3]

    # -- lifecycle
    def term_around(self, join: date, term: int, on: date) -> tuple[date, date]:
        """The contract term (renewed every ``term`` years since ``join``) that ``on`` falls in."""
        start = join
        while add_years(start, term) <= on:
            start = add_years(start, term)
        return start, add_years(start, term) - timedelta(days=1)

    def timeline(self, kind: str, manager: str):
        """(history, join date, contract start, contract end, note). History rows are
        (from, to, day, reason, by), in order, every day <= today, every step allowed by the lifecycle."""
        today, reasons = self.today, self.p.reasons
        day = timedelta(days=1)
        if kind in ("prospect", "dropped"):
            lead = self.day(
                max(self.earliest, today - timedelta(days=700 if kind == "dropped" else 240)),
                today - (30 if kind == "dropped" else 3) * day,
            )
            history = [(None, P, lead, self.pick(reasons["lead"]), manager)]
            if kind == "dropped":
                history.append(
                    (
                        P,
                        T,
                        self.day(lead + 20 * day, min(lead + 200 * day, today)),
                        self.pick(reasons["dropped"]),
                        manager,
                    )
                )
            return history, None, None, None, ""
        term = self.pick((3, 3, 5))
        note = ""
        if kind == "active":
            join, start, end = self.active_contract(term)
            if end < today:
                note = "合同已到期，续约洽谈中"
        else:
            join = self.day(self.earliest, today - (120 if kind == "terminated" else 90) * day)
            start, end = self.term_around(join, term, today)
        lead = join - timedelta(days=self.between(15, 150))
        history = [
            (None, P, lead, self.pick(reasons["lead"]), manager),
            (P, A, join, self.pick(reasons["signed"]), manager),
        ]
        if kind == "active" and (today - join).days > 240 and self.chance(0.07):
            off = self.day(join + 120 * day, today - 60 * day)
            history += [
                (A, S, off, self.pick(reasons["suspended_credit"]), "credit"),
                (
                    S,
                    A,
                    self.day(off + 10 * day, min(off + 90 * day, today - day)),
                    reasons["resumed"][0],
                    "credit",
                ),
            ]
        elif kind == "suspended":
            history.append(self.suspension(join + 60 * day, today - day, manager))
        elif kind == "terminated":
            ended = []
            s = join
            while add_years(s, term) < today:
                ended.append((s, add_years(s, term) - day))
                s = add_years(s, term)
            if ended and self.chance(0.35):
                start, end = self.pick(ended)
                history.append((A, T, end + day, reasons["expired"][0], "admin"))
            else:
                on = self.day(join + 90 * day, today - day)
                if self.chance(0.35):
                    history.append(self.suspension(join + 60 * day, on - 10 * day, manager))
                    on = self.day(history[-1][2] + 10 * day, today - day)
                start, end = self.term_around(join, term, on)
                history.append((history[-1][1], T, on, self.pick(reasons["terminated"]), "admin"))
        return history, join, start, end, note

    def suspension(self, first: date, last: date, manager: str):
        reasons = self.p.reasons
        on = self.day(first, last)
        if self.chance(0.6):
            return (A, S, on, self.pick(reasons["suspended_credit"]), "credit")
        return (A, S, on, self.pick(reasons["suspended_other"]), manager)

    def active_contract(self, term: int) -> tuple[date, date, date]:
        """Join date, contract start and end of an active franchisee: mostly running; about 8% end within
        the next 90 days (renewals due), about 4% ended recently and are not renewed yet."""
        today, day = self.today, timedelta(days=1)
        r = self.r()
        if r < 0.12:
            end = (
                today + timedelta(days=self.between(5, 90))
                if r < 0.08
                else today - timedelta(days=self.between(1, 45))
            )
            for t in (term, 3):
                start = add_years(end + day, -t)
                if start >= self.earliest:
                    earlier = add_years(start, -t)
                    join = earlier if earlier >= self.earliest and self.chance(0.4) else start
                    return join, start, end
        join = self.day(self.earliest, today - 14 * day)
        return (join, *self.term_around(join, term, today))


__all__ = ["FranchiseeBuilder"]
