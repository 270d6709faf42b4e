"""The store builder: a franchisee's stores, named the way the brand names them (through the store mapper)."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from hqdesk.demo.base import Drawing, short_district
from hqdesk.demo.pools import City
from hqdesk.domain.contact import StoreData, StoreStatus
from hqdesk.persistence.mappers import StoreMapper


class StoreBuilder(Drawing):
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
            data = StoreData(
                name=name,
                address=self.address(city, where, mall=mall),
                city=city.name,
                opened_on=opened,
                status=status,
                floor_area=area,
            )
            rows.append(
                {
                    "id": self.next_id("stores"),
                    "franchisee_id": fid,
                    **StoreMapper.values(data),
                    **self.versioned,
                }
            )
        self.data.stores.extend(rows)
        return rows


__all__ = ["StoreBuilder"]
