"""One mapper per aggregate: database row <-> domain data, written once.

The services (ORM rows), the importer and the demo generator (bulk INSERT value dicts) all go through these,
so a column added to a table is mapped in one place and a franchisee is found by the same search text however
it was written. A new aggregate (visits, complaints, ledger documents) adds its mapper here.

- ``data(row)``: the domain value of a row (an ORM object, a Core row, or anything with the column attributes);
- ``values(data)``: the column values of the domain value, for an INSERT or an ORM update;
- ``apply(row, data)``: an ORM row brought up to ``data`` (only what changed is dirty, so only that is audited);
- ``FranchiseeMapper.insert_values(...)``: a complete franchisee row for a bulk INSERT, search text included.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date
from types import SimpleNamespace
from typing import Any

from hqdesk.domain.contact import Anniversary, ContactData, ContactRole, Gender, StoreData, StoreStatus
from hqdesk.domain.franchisee import FranchiseeData, LifecycleStatus, normalize_tags
from hqdesk.domain.search import franchisee_search_text
from hqdesk.persistence.models import ContactAnniversary
from hqdesk.persistence.types import utcnow


def _as_object(row: Any) -> Any:
    """Value dicts (bulk INSERTs) read like rows: ``row.name``."""
    return SimpleNamespace(**row) if isinstance(row, Mapping) else row


_FRANCHISEE_FIELDS = FranchiseeData.field_names()  # once: dataclasses.fields() costs on 20,000 imported rows


class FranchiseeMapper:
    """franchisees <-> FranchiseeData (tags: comma-separated in the row; uscc: NULL when there is none)."""

    @staticmethod
    def data(row: Any) -> FranchiseeData:
        row = _as_object(row)
        return FranchiseeData(
            code=row.code,
            legal_name=row.legal_name,
            store_brand_name=row.store_brand_name,
            uscc=row.uscc or "",
            legal_representative=row.legal_representative,
            registered_capital=row.registered_capital,
            business_scope=row.business_scope,
            region=row.region,
            province=row.province,
            city=row.city,
            address=row.address,
            tier=row.tier,
            join_date=row.join_date,
            contract_start=row.contract_start,
            contract_end=row.contract_end,
            account_manager_id=row.account_manager_id,
            tags=normalize_tags(row.tags),
            notes=row.notes,
        )

    @staticmethod
    def values(data: FranchiseeData) -> dict[str, Any]:
        """The columns of the editable fields, in FranchiseeData's order."""
        out = {name: getattr(data, name) for name in _FRANCHISEE_FIELDS}
        out["tags"] = ",".join(data.tags)
        out["uscc"] = data.uscc or None
        return out

    @classmethod
    def apply(cls, row: Any, data: FranchiseeData) -> None:
        for name, value in cls.values(data).items():
            setattr(row, name, value)

    @staticmethod
    def search_text(franchisee: Any, contacts: Iterable[Any]) -> str:
        """What search-as-you-type scans (domain.search), from a row or value dict and its contacts'."""
        return franchisee_search_text(_as_object(franchisee), [_as_object(c) for c in contacts])

    @classmethod
    def insert_values(
        cls,
        data: FranchiseeData,
        *,
        status: LifecycleStatus | str,
        status_changed_on: date | None,
        contacts: Iterable[Any] = (),
        archived: bool = False,
        **columns: Any,
    ) -> dict[str, Any]:
        """A whole franchisees row for a bulk INSERT: the profile, its status, and the search text computed
        from it and ``contacts`` (value dicts or rows). ``columns``: the rest (id, version, timestamps...)."""
        row = {
            **cls.values(data),
            "status": status.value if isinstance(status, LifecycleStatus) else status,
            "status_changed_on": status_changed_on,
            "archived": archived,
            **columns,
        }
        row["search_text"] = cls.search_text(row, contacts)
        return row


class ContactMapper:
    """contacts (+ contact_anniversaries) <-> ContactData."""

    COLUMNS = (
        "name",
        "honorific",
        "mobile",
        "phone",
        "email",
        "wechat_id",
        "birthday",
        "birthday_lunar",
        "hobbies",
        "preferences",
        "notes",
        "is_primary",
        "preferred_language",
    )

    @staticmethod
    def data(row: Any, anniversaries: Iterable[Any] | None = None) -> ContactData:
        """``anniversaries``: the contact's anniversary rows, when ``row`` does not carry them (an ORM
        Contact does)."""
        row = _as_object(row)
        if anniversaries is None:
            anniversaries = row.anniversaries
        return ContactData(
            name=row.name,
            gender=Gender(row.gender),
            honorific=row.honorific,
            role=ContactRole(row.role),
            mobile=row.mobile,
            phone=row.phone,
            email=row.email,
            wechat_id=row.wechat_id,
            birthday=row.birthday,
            birthday_lunar=row.birthday_lunar,
            anniversaries=tuple(
                Anniversary(a.label, a.day, a.lunar) for a in (_as_object(a) for a in anniversaries)
            ),
            hobbies=row.hobbies,
            preferences=row.preferences,
            notes=row.notes,
            is_primary=row.is_primary,
            preferred_language=getattr(row, "preferred_language", None) or None,
        )

    @classmethod
    def values(cls, data: ContactData) -> dict[str, Any]:
        """The contact's own columns (the anniversaries are rows of their own: ``anniversary_values``)."""
        out = {name: getattr(data, name) for name in cls.COLUMNS}
        out["gender"] = data.gender.value
        out["role"] = data.role.value
        return out

    @staticmethod
    def anniversary_values(data: ContactData, contact_id: int | None = None) -> list[dict[str, Any]]:
        return [
            {"contact_id": contact_id, "label": a.label.strip(), "day": a.day, "lunar": a.lunar}
            for a in data.anniversaries
        ]

    @classmethod
    def apply(cls, row: Any, data: ContactData) -> None:
        """Bring an ORM Contact up to ``data``, its anniversaries included. ``is_primary`` is left to the
        caller (a franchisee keeps exactly one primary contact: the service decides)."""
        for name, value in cls.values(data).items():
            if name != "is_primary":
                setattr(row, name, value)
        wanted = [(a["label"], a["day"], a["lunar"]) for a in cls.anniversary_values(data)]
        if [(a.label, a.day, a.lunar) for a in row.anniversaries] != wanted:
            row.anniversaries = [
                ContactAnniversary(label=label, day=day, lunar=lunar) for label, day, lunar in wanted
            ]
            # the anniversaries are part of the contact: changing only them must move the contact's version
            # too (the ORM bumps it only when a column of the contact's own row changes)
            row.updated_at = utcnow()


class StoreMapper:
    """stores <-> StoreData."""

    @staticmethod
    def data(row: Any) -> StoreData:
        row = _as_object(row)
        return StoreData(
            name=row.name,
            address=row.address,
            city=row.city,
            opened_on=row.opened_on,
            status=StoreStatus(row.status),
            floor_area=row.floor_area,
        )

    @staticmethod
    def values(data: StoreData) -> dict[str, Any]:
        return {
            "name": data.name,
            "address": data.address,
            "city": data.city,
            "opened_on": data.opened_on,
            "status": data.status.value,
            "floor_area": data.floor_area,
        }

    @classmethod
    def apply(cls, row: Any, data: StoreData) -> None:
        for name, value in cls.values(data).items():
            setattr(row, name, value)


__all__ = ["FranchiseeMapper", "ContactMapper", "StoreMapper"]
