"""The demo generator's pools of names, places and business wording, from the JSON files in ``db/demo/``."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache

from hqdesk.domain.franchisee import REGIONS
from hqdesk.resources import db_path


@dataclass(frozen=True)
class City:
    name: str
    province: str
    region: str
    code: str  # administrative division code, characters 3-8 of a unified social credit code
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
    for (
        c
    ) in cities:  # a broken pool would otherwise show up as invalid unified social credit codes much later
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


__all__ = ["City", "Pools", "load_pools"]
