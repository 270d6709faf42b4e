"""What every demo builder shares: the network's make-up, the random draws, and the rows built so far.

Reproducible by construction: one ``random.Random(seed)``, no clock, no iteration over sets. Each builder
(users, franchisees, contacts, stores) is a mixin over ``Drawing``; their methods draw in a fixed order, so the
same seed and day give the same rows.
"""

from __future__ import annotations

import random
from bisect import bisect
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from itertools import accumulate

from hqdesk.demo.pools import Pools
from hqdesk.domain.contact import ContactRole, Gender, StoreStatus
from hqdesk.domain.franchisee import LifecycleStatus

DEMO_USERNAME = "demo"
"""The unit of work's user and ``updated_by`` of every generated row."""


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


class Drawing:
    """The random draws and the state the builders share; ids start after ``first_ids`` (table -> highest id
    already there)."""

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


__all__ = ["Drawing", "DemoData", "DEMO_USERNAME"]
