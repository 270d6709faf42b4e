"""Demo data: the one generator of a realistic, reproducible franchise network.

``hqdesk --demo`` fills its database with it on first launch, the benchmarks seed thousands of franchisees
with it, and every feature that adds tables adds its demo rows here. The same ``seed`` and ``today`` give the
same data: one ``random.Random(seed)``, no clock, no iteration over sets. Names, places and business wording
come from the JSON pools in ``db/demo/``.

It writes into an empty database only: no franchisees and no users. The demo users' passwords are published
(README), so they must never sit next to real accounts, and a database that already has users is refused like
one that has franchisees. What it writes: the demo users, franchisees with a lifecycle history, contacts with
birthdays and anniversaries, and stores. The rows go in as bulk Core inserts in one unit of work, with ids
assigned here (the tables are empty), so 5,000 franchisees take seconds instead of minutes. Core inserts pass
by the ORM and so by the app's SQLite audit writer: demo rows are nobody's work and do not belong in the trail.
(On PostgreSQL the audit trigger still sees them: it sees every change, by design.) The users go through the
ORM, so their creation is audited like any other account.
"""

from __future__ import annotations

import json
import logging
import random
import time
from bisect import bisect
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from decimal import Decimal
from functools import cache
from itertools import accumulate
from types import SimpleNamespace

from sqlalchemy import func, insert, select, text
from sqlalchemy.orm import Session

from hqdesk.domain import uscc
from hqdesk.domain.contact import ContactRole, Gender, StoreStatus
from hqdesk.domain.errors import HqdeskError
from hqdesk.domain.franchisee import DEFAULT_TIERS, REGIONS, LifecycleStatus
from hqdesk.domain.i18n import QT_TRANSLATE_NOOP
from hqdesk.domain.roles import Role
from hqdesk.persistence.database import Database
from hqdesk.persistence.models import (
    Contact,
    ContactAnniversary,
    Franchisee,
    StatusChangeRecord,
    Store,
    Tier,
    User,
)
from hqdesk.persistence.types import utcnow
from hqdesk.resources import db_path
from hqdesk.services.franchisees import search_text_of
from hqdesk.services.users import hash_password

log = logging.getLogger(__name__)

DEMO_USERNAME = "demo"
"""The unit of work's user and ``updated_by`` of every generated row."""


class DemoRefused(HqdeskError):
    """The database is not empty: nothing was written."""

    message = QT_TRANSLATE_NOOP(
        "Errors",
        "Demo data goes into an empty database only, and this one already holds {count} franchisees. "
        "Nothing was changed.",
    )


class DemoRefusedUsers(DemoRefused):
    """The database has no franchisees but has users: the demo accounts, whose passwords are published,
    would sit next to real ones."""

    message = QT_TRANSLATE_NOOP(
        "Errors",
        "Demo data goes into an empty database only, and this one already holds {count} users. "
        "The demo accounts have published passwords and must not be added next to real ones. "
        "Nothing was changed.",
    )


class DemoOptionError(ValueError):
    """Options the generator cannot honour: a negative count, or dates outside the calendar."""


@dataclass(frozen=True)
class DemoUser:
    username: str
    display_name: str
    role: Role
    password: str


DEMO_USERS = (
    DemoUser("admin", "系统管理员", Role.ADMIN, "demo-admin"),
    DemoUser("credit", "钱会计", Role.CREDIT_MANAGER, "demo-credit"),
    DemoUser("zhang", "张伟", Role.ACCOUNT_MANAGER, "demo-zhang"),
    DemoUser("li", "李娜", Role.ACCOUNT_MANAGER, "demo-li"),
    DemoUser("wang", "王强", Role.ACCOUNT_MANAGER, "demo-wang"),
    DemoUser("viewer", "赵敏", Role.VIEWER, "demo-viewer"),
)
"""Fixed, because the README tells people how to sign in to the demo."""

ACCOUNT_MANAGERS = ("zhang", "li", "wang")
BATCH = 5000
CHINA = timezone(timedelta(hours=8))

P, A, S, T = (
    LifecycleStatus.PROSPECT.value,
    LifecycleStatus.ACTIVE.value,
    LifecycleStatus.SUSPENDED.value,
    LifecycleStatus.TERMINATED.value,
)

# How the network is made up (weights).
KINDS = (("active", 77), ("prospect", 7), ("dropped", 2), ("suspended", 6), ("terminated", 8))
TIERS = (("A", 15), ("B", 45), ("C", 40))
CONTACT_COUNTS = ((2, 12), (3, 22), (4, 32), (5, 20), (6, 14))  # about 4 on average
STORE_COUNTS = ((1, 50), (2, 30), (3, 13), (4, 7))
OTHER_ROLES = (
    (ContactRole.STORE_MANAGER, 30),
    (ContactRole.FINANCE, 25),
    (ContactRole.MANAGER, 20),
    (ContactRole.PURCHASING, 15),
    (ContactRole.OTHER, 10),
)
ONE_PER_FRANCHISEE = frozenset({ContactRole.FINANCE, ContactRole.MANAGER, ContactRole.PURCHASING})
STORE_STATES = ((StoreStatus.OPEN, 88), (StoreStatus.RENOVATING, 5), (StoreStatus.CLOSED, 7))


# ----- pools ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class City:
    name: str
    province: str
    region: str
    code: str  # administrative division code, characters 3-8 of a credit code
    area_code: str
    weight: int
    districts: tuple[str, ...]

    @property
    def prefix(self) -> str:
        """How an address starts: 浙江省杭州市 (上海市 once for a municipality)."""
        own = self.name + "市"
        return own if self.province == own else self.province + own


@dataclass(frozen=True)
class Pools:
    cities: tuple[City, ...]
    roads: tuple[str, ...]
    malls: tuple[str, ...]
    buildings: tuple[str, ...]
    surnames: tuple[tuple[str, int], ...]
    male_given: tuple[str, ...]
    female_given: tuple[str, ...]
    mobile_prefixes: tuple[str, ...]
    email_domains: tuple[str, ...]
    hobbies: tuple[str, ...]
    preference_groups: tuple[
        tuple[str, ...], ...
    ]  # one preference of a group at most: no 不喝酒 with 爱喝白酒
    contact_notes: tuple[str, ...]
    parent_notes: tuple[str, ...]  # for people over 42
    role_notes: dict[str, tuple[str, ...]]  # store_manager / finance / relative / spouse -> notes
    anniversaries: tuple[tuple[str, int, int], ...]  # label, from age, to age
    brand: str
    code_prefix: str
    trade_names: tuple[tuple[str, str], ...]  # name, pinyin
    company_suffixes: tuple[str, ...]
    shop_suffixes: tuple[str, ...]
    capital_wan: tuple[int, ...]
    shop_capital_wan: tuple[int, ...]
    scope_items: tuple[str, ...]
    scope_services: tuple[str, ...]
    scope_tail: str
    tags: tuple[tuple[str, int], ...]  # tag, percent of franchisees
    notes: tuple[str, ...]
    reasons: dict[str, tuple[str, ...]]


def _load(name: str) -> dict:
    with db_path("demo", name).open(encoding="utf-8") as fh:
        return json.load(fh)


def _tuples(rows) -> tuple:
    return tuple(tuple(r) for r in rows)


@cache
def load_pools() -> Pools:
    places, people, business = _load("cities.json"), _load("people.json"), _load("business.json")
    cities = tuple(
        City(
            c["name"],
            c["province"],
            c["region"],
            c["code"],
            c["area_code"],
            c["weight"],
            tuple(c["districts"]),
        )
        for c in places["cities"]
    )
    for c in cities:  # a broken pool would otherwise show up as invalid credit codes much later
        if c.region not in REGIONS or len(c.code) != 6 or not c.code.isdigit() or not c.districts:
            raise ValueError(f"db/demo/cities.json: bad entry for {c.name}")
    return Pools(
        cities=cities,
        roads=tuple(places["roads"]),
        malls=tuple(places["malls"]),
        buildings=tuple(places["buildings"]),
        surnames=_tuples(people["surnames"]),
        male_given=tuple(people["male_given"]),
        female_given=tuple(people["female_given"]),
        mobile_prefixes=tuple(people["mobile_prefixes"]),
        email_domains=tuple(people["email_domains"]),
        hobbies=tuple(people["hobbies"]),
        preference_groups=_tuples(people["preference_groups"]),
        contact_notes=tuple(people["contact_notes"]),
        parent_notes=tuple(people["parent_notes"]),
        role_notes={k: tuple(v) for k, v in people["role_notes"].items()},
        anniversaries=_tuples(people["anniversaries"]),
        brand=business["brand"],
        code_prefix=business["code_prefix"],
        trade_names=_tuples(business["trade_names"]),
        company_suffixes=tuple(business["company_suffixes"]),
        shop_suffixes=tuple(business["shop_suffixes"]),
        capital_wan=tuple(business["capital_wan"]),
        shop_capital_wan=tuple(business["shop_capital_wan"]),
        scope_items=tuple(business["scope_items"]),
        scope_services=tuple(business["scope_services"]),
        scope_tail=business["scope_tail"],
        tags=_tuples(business["tags"]),
        notes=tuple(business["notes"]),
        reasons={k: tuple(v) for k, v in business["reasons"].items()},
    )


# ----- small helpers -------------------------------------------------------------------------------------


def add_years(day: date, years: int) -> date:
    """The same calendar day ``years`` later (29 February becomes the 28th)."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def org_code(body: str) -> str:
    """An organisation code (GB 11714): eight characters and their check character."""
    total = sum(int(ch, 36) * w for ch, w in zip(body, (3, 7, 9, 10, 5, 8, 4, 2), strict=True))
    check = 11 - total % 11
    return body + ("X" if check == 10 else "0" if check == 11 else str(check))


def base36(n: int, width: int) -> str:
    digits = []
    for _ in range(width):
        n, d = divmod(n, 36)
        digits.append("0123456789abcdefghijklmnopqrstuvwxyz"[d])
    return "".join(reversed(digits))


def short_district(district: str) -> str:
    """西湖区 -> 西湖, 管城回族区 -> 管城, 浦东新区 -> 浦东, 南城街道 -> 南城: as it appears in a store's name."""
    for suffix in ("回族区", "新区", "街道", "区", "镇"):
        if district.endswith(suffix) and len(district) > len(suffix) + 1:
            return district[: -len(suffix)]
    return district


class _Weighted:
    """A weighted choice with the cumulative weights computed once."""

    def __init__(self, pairs) -> None:
        pairs = tuple(pairs)
        self.values = tuple(v for v, _ in pairs)
        self.cum = tuple(accumulate(w for _, w in pairs))

    def pick(self, uniform):
        return self.values[bisect(self.cum, uniform() * self.cum[-1])]


@dataclass
class DemoData:
    """The generated rows, ready for bulk inserts (``account_managers``: username per franchisee row)."""

    franchisees: list[dict]
    account_managers: list[str]
    status_changes: list[dict]
    contacts: list[dict]
    anniversaries: list[dict]
    stores: list[dict]


# ----- the generator -------------------------------------------------------------------------------------


class _Builder:
    """Builds the rows in memory; ids start after ``first_ids`` (table -> highest id already there)."""

    def __init__(
        self,
        pools: Pools,
        rng: random.Random,
        today: date,
        years: int,
        now: datetime,
        first_ids: dict[str, int],
    ) -> None:
        self.p, self.today, self.years, self.now = pools, today, years, now
        self.r = rng.random
        self.ids = dict(first_ids)
        self.earliest = today - timedelta(days=365 * years)
        self.cities = _Weighted((c, c.weight) for c in pools.cities)
        self.surnames = _Weighted(pools.surnames)
        self.kinds = _Weighted(KINDS)
        self.tiers = _Weighted(TIERS)
        self.contact_counts = _Weighted(CONTACT_COUNTS)
        self.store_counts = _Weighted(STORE_COUNTS)
        self.other_roles = _Weighted(OTHER_ROLES)
        self.store_states = _Weighted(STORE_STATES)
        self.used_codes: set[str] = set()
        self.used_names: set[str] = set()
        self.used_mobiles: set[str] = set()
        self.used_store_names: set[str] = set()
        self.store_serials: dict[str, int] = {}
        self.data = DemoData([], [], [], [], [], [])
        self.versioned = {"version": 1, "created_at": now, "updated_at": now, "updated_by": DEMO_USERNAME}

    # -- primitives
    def next_id(self, table: str) -> int:
        self.ids[table] += 1
        return self.ids[table]

    def day(self, first: date, last: date) -> date:
        """A day in [first, last] (``first`` if the range is empty)."""
        span = (last - first).days
        return first if span <= 0 else first + timedelta(days=self.between(0, span))

    # random.Random's choice/randint/sample are pure Python and several times slower than indexing with
    # random(): on 5,000 franchisees that is seconds.
    def pick(self, seq):
        return seq[int(self.r() * len(seq))]

    def between(self, first: int, last: int) -> int:
        return first + int(self.r() * (last - first + 1))

    def some(self, seq, k: int) -> list:
        """``k`` different items of ``seq``, in the order drawn."""
        chosen: list[int] = []
        while len(chosen) < k:
            i = int(self.r() * len(seq))
            if i not in chosen:
                chosen.append(i)
        return [seq[i] for i in chosen]

    def chance(self, p: float) -> bool:
        return self.r() < p

    def person(self, gender: Gender, surname: str | None = None) -> str:
        given = self.p.male_given if gender == Gender.MALE else self.p.female_given
        return (surname or self.surnames.pick(self.r)) + self.pick(given)

    def mobile(self) -> str:
        while True:
            number = self.pick(self.p.mobile_prefixes) + f"{int(self.r() * 10**8):08d}"
            if number not in self.used_mobiles:
                self.used_mobiles.add(number)
                return number

    # -- one franchisee and everything that hangs off it
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
        row = {
            "id": fid,
            "code": code,
            "legal_name": legal_name,
            "store_brand_name": stores[0]["name"]
            if stores
            else f"{p.brand}·{city.name}{short_district(district)}店",
            "uscc": self.credit_code(city, is_shop, established),
            "legal_representative": owner["name"]
            if self.chance(0.85)
            else self.person(Gender.FEMALE if owner["gender"] == Gender.MALE else Gender.MALE),
            "registered_capital": self.capital(tier, is_shop),
            "business_scope": self.scope(),
            "region": city.region,
            "province": city.province,
            "city": city.name,
            "address": self.address(city, district, office=True),
            "tier": tier,
            "status": history[-1][1],
            "status_changed_on": history[-1][2],
            "join_date": join,
            "contract_start": start,
            "contract_end": end,
            "account_manager_id": None,  # filled in once the users have ids
            "tags": ",".join(self.tags(tier, kind, join, len(stores))),
            "notes": note or (self.pick(p.notes) if self.chance(0.3) else ""),
            "archived": kind == "terminated" and self.chance(0.15),
            **self.versioned,
        }
        row["search_text"] = search_text_of(SimpleNamespace(**row), [SimpleNamespace(**c) for c in contacts])
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

    # -- stores
    def store_name(self, city: City, district: str) -> tuple[str, str | None]:
        """A store name the brand does not use yet, and the mall the store is in (None: a street shop).

        金祥珠宝·杭州西湖店 for the first store of a district, then by mall or street, with or without the
        district: 杭州万象城店, 杭州西湖银泰百货店, 杭州解放路店, 杭州萧山人民路店."""
        p = self.p
        short = short_district(district)
        base = f"{p.brand}·{city.name}"
        candidates = [(short, None)]
        for _ in range(6):
            mall, road = self.pick(p.malls), self.pick(p.roads)
            r = self.r()
            candidates.append(
                (mall, mall)
                if r < 0.3
                else (short + mall, mall)
                if r < 0.6
                else (road, None)
                if r < 0.8
                else (short + road, None)
            )
        for place, mall in candidates:
            name = f"{base}{place}店"
            if name not in self.used_store_names:
                self.used_store_names.add(name)
                return name, mall
        place, mall = candidates[-1]
        self.store_serials[base + place] = n = self.store_serials.get(base + place, 1) + 1
        name = f"{base}{place}{n}号店"
        self.used_store_names.add(name)
        return name, mall

    def stores(
        self, fid: int, city: City, district: str, kind: str, join: date | None, last_change: date
    ) -> list[dict]:
        today, day = self.today, timedelta(days=1)
        if kind == "dropped":
            return []
        plans: list[tuple[date, StoreStatus]] = []
        if kind == "prospect":
            plans.append((today + timedelta(days=self.between(30, 240)), StoreStatus.PLANNED))
        else:
            assert join is not None
            count = self.store_counts.pick(self.r)
            until = last_change if kind == "terminated" else today
            first_open = join + timedelta(days=self.between(20, 100))
            for i in range(count):
                if kind != "terminated" and i and self.chance(0.12):
                    plans.append((today + timedelta(days=self.between(20, 200)), StoreStatus.PLANNED))
                    continue
                opened = first_open if i == 0 else self.day(first_open + 90 * day, until)
                if kind == "terminated":
                    status = StoreStatus.CLOSED
                    opened = min(opened, until - day)
                elif opened > today:
                    status = StoreStatus.PLANNED
                else:
                    status = self.store_states.pick(self.r) if i or kind == "suspended" else StoreStatus.OPEN
                plans.append((opened, status))
        rows = []
        for i, (opened, status) in enumerate(plans):
            where = district if i == 0 else self.pick(city.districts)
            name, mall = self.store_name(city, where)
            area = Decimal(self.between(80, 800)) / 2 if mall is None else Decimal(self.between(80, 300)) / 2
            rows.append(
                {
                    "id": self.next_id("stores"),
                    "franchisee_id": fid,
                    "name": name,
                    "address": self.address(city, where, mall=mall),
                    "city": city.name,
                    "opened_on": opened,
                    "status": status.value,
                    "floor_area": area,
                    **self.versioned,
                }
            )
        self.data.stores.extend(rows)
        return rows

    # -- contacts
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
        if birthday:
            for label, first_age, last_age in p.anniversaries:
                if self.chance(0.15):
                    on = add_years(birthday, self.between(first_age, last_age)) + timedelta(
                        days=self.between(0, 364)
                    )
                    if on < today:
                        self.data.anniversaries.append(
                            {
                                "id": self.next_id("anniversaries"),
                                "contact_id": cid,
                                "label": label,
                                "day": on,
                                "lunar": label == "结婚纪念日" and self.chance(0.2),
                            }
                        )
        return {
            "id": cid,
            "franchisee_id": fid,
            "name": name,
            "gender": gender.value,
            "honorific": honorific,
            "role": role.value,
            "mobile": mobile,
            "phone": phone,
            "email": email,
            "wechat_id": wechat,
            "birthday": birthday,
            "birthday_lunar": birthday is not None and self.chance(0.3),
            "hobbies": hobbies,
            "preferences": preferences,
            "notes": notes,
            "is_primary": primary,
            **self.versioned,
        }

    def build(self, count: int) -> DemoData:
        for number in range(1, count + 1):
            self.franchisee(number)
        return self.data


# ----- writing -------------------------------------------------------------------------------------------

TABLES = (
    ("franchisees", Franchisee),
    ("status_changes", StatusChangeRecord),
    ("contacts", Contact),
    ("anniversaries", ContactAnniversary),
    ("stores", Store),
)


def _check_options(franchisees: int, years: int, today: date) -> None:
    if franchisees < 0 or years < 1:
        raise DemoOptionError("franchisees must be >= 0 and years >= 1")
    # join dates go back `years`, birthdays some 66 years more; contracts and planned stores reach a few years ahead
    try:
        today - timedelta(days=366 * (years + 100))
        today + timedelta(days=366 * 50)
    except OverflowError:
        raise DemoOptionError(
            f"today {today.isoformat()} and {years} year(s) of history put demo dates outside the calendar"
        ) from None


def build_demo_data(
    *,
    franchisees: int,
    years: int,
    seed: int,
    today: date,
    first_ids: dict[str, int] | None = None,
    now: datetime | None = None,
) -> DemoData:
    """The rows ``generate_demo`` writes, without a database (account_manager_id still None)."""
    _check_options(franchisees, years, today)
    builder = _Builder(
        load_pools(),
        random.Random(seed),
        today,
        years,
        now or utcnow(),
        first_ids or {key: 0 for key, _ in TABLES},
    )
    return builder.build(franchisees)


def _refuse_unless_empty(s: Session) -> None:
    """Raise DemoRefused unless the database has neither franchisees nor users."""
    franchisees = s.scalar(select(func.count()).select_from(Franchisee)) or 0
    if franchisees:
        raise DemoRefused(count=franchisees)
    users = s.scalar(select(func.count()).select_from(User)) or 0
    if users:
        raise DemoRefusedUsers(count=users)


def _add_users(s: Session, hashes: dict[str, str]) -> dict[str, int]:
    """Add the demo users (the database has none) and any missing default tier; username -> id."""
    for u in DEMO_USERS:
        s.add(
            User(
                username=u.username,
                display_name=u.display_name,
                role=u.role.value,
                password_hash=hashes[u.username],
                email=f"{u.username}@jinxiang.example.com",
                updated_by=DEMO_USERNAME,
            )
        )
    tiers = set(s.scalars(select(Tier.code)))
    for order, code in enumerate(DEFAULT_TIERS):
        if code not in tiers:
            s.add(Tier(code=code, name=code, sort_order=order, updated_by=DEMO_USERNAME))
    s.flush()
    return {name: uid for name, uid in s.execute(select(User.username, User.id))}


def generate_demo(
    db: Database, *, franchisees: int = 300, years: int = 5, seed: int = 1, today: date | None = None
) -> dict[str, int]:
    """Fill an empty database (no franchisees, no users) with demo data; return how many rows each table holds.

    ``years``: how far back join dates and store openings go. ``today``: the day every date is counted from
    (default: the computer's date); the same ``seed``, ``years`` and ``today`` give the same data.
    Raises DemoRefused (nothing written) if the database already has franchisees, DemoRefusedUsers if it has
    users, DemoOptionError for options it cannot honour.
    """
    today = today or date.today()
    _check_options(franchisees, years, today)
    started = time.perf_counter()
    with db.read() as s:
        _refuse_unless_empty(s)
        first_ids = {key: s.scalar(select(func.coalesce(func.max(model.id), 0))) for key, model in TABLES}
    # argon2 runs outside the GIL: the passwords are hashed while the rows are built.
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="demo-hash") as pool:
        hashing = pool.submit(lambda: {u.username: hash_password(u.password) for u in DEMO_USERS})
        data = build_demo_data(
            franchisees=franchisees, years=years, seed=seed, today=today, first_ids=first_ids
        )
        hashes = hashing.result()
    built = time.perf_counter()
    with db.write(DEMO_USERNAME) as s:
        _refuse_unless_empty(s)  # someone may have been quicker
        user_ids = _add_users(s, hashes)
        for row, manager in zip(data.franchisees, data.account_managers, strict=True):
            row["account_manager_id"] = user_ids.get(manager)
        for key, model in TABLES:
            rows = getattr(data, key)
            for i in range(0, len(rows), BATCH):
                s.execute(insert(model.__table__), rows[i : i + BATCH])
        if db.dialect == "postgresql":
            # ids were given explicitly: move each sequence past them, or the app's next insert collides
            for _, model in TABLES:
                table = model.__tablename__
                s.execute(
                    text(
                        f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), max(id)) FROM {table} "
                        f"HAVING max(id) IS NOT NULL"
                    )
                )
        counts = {
            "users": s.scalar(select(func.count()).select_from(User)) or 0,
            **{key: len(getattr(data, key)) for key, _ in TABLES},
        }
        s.commit()
    log.info(
        "demo data (seed %s, %s franchisees): built in %.2f s, written in %.2f s: %s",
        seed,
        franchisees,
        built - started,
        time.perf_counter() - built,
        counts,
    )
    return counts


__all__ = [
    "generate_demo",
    "build_demo_data",
    "DemoRefused",
    "DemoRefusedUsers",
    "DemoOptionError",
    "DEMO_USERS",
    "ACCOUNT_MANAGERS",
    "load_pools",
]
