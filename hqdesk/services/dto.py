"""Frozen data the services hand to the UI and the command line: never live ORM objects."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import NamedTuple

from hqdesk.domain.contact import ContactData, StoreData
from hqdesk.domain.franchisee import FranchiseeData, LifecycleStatus
from hqdesk.domain.roles import Role


@dataclass(frozen=True)
class UserDTO:
    id: int
    username: str
    display_name: str
    role: Role
    active: bool
    email: str
    version: int


@dataclass(frozen=True)
class UserName:
    """Who a user is, for showing names; what anyone signed in may know about a colleague."""

    id: int
    username: str
    display_name: str


class FranchiseeRow(NamedTuple):
    """One line of the franchisee list (immutable; a named tuple because scrolling builds thousands at once,
    and a frozen dataclass costs several times as much to build)."""

    id: int
    code: str
    legal_name: str
    store_brand_name: str
    region: str
    province: str
    city: str
    tier: str
    status: LifecycleStatus
    account_manager: str
    primary_contact: str
    primary_phone: str
    contract_end: date | None
    archived: bool


LIST_COLUMNS = (
    "code",
    "legal_name",
    "city",
    "tier",
    "status",
    "account_manager",
    "primary_contact",
    "primary_phone",
    "contract_end",
)


@dataclass(frozen=True)
class SearchCriteria:
    """What the list shows: franchisees matching every given part (an empty part matches all).

    ``text``: words that must all be found (domain.search); ``tiers``, ``statuses``: any of these;
    ``tags``: every one of these."""

    text: str = ""
    tiers: tuple[str, ...] = ()
    statuses: tuple[LifecycleStatus, ...] = ()
    region: str = ""
    account_manager_id: int | None = None
    include_archived: bool = False
    tags: tuple[str, ...] = ()


@dataclass(frozen=True)
class SearchResult:
    """All matching ids in display order, and the rows of the first page (for the command line and batch
    work; the list pages by key instead: ListResult)."""

    criteria: SearchCriteria
    sort_column: str
    descending: bool
    ids: tuple[int, ...]
    first_rows: tuple[FranchiseeRow, ...]


@dataclass(frozen=True)
class PageKey:
    """Where a page of the list ended; the next page starts right after it. ``segment``: which part of the
    sort order (the rows with a value, then the blank ones; or one status after another), ``key``: the
    row's sort key in it, ``id``: the row's id (the tie-breaker)."""

    segment: int
    key: object
    id: int


@dataclass(frozen=True)
class ListPage:
    rows: tuple[FranchiseeRow, ...]
    next: PageKey | None  # None: nothing follows


@dataclass(frozen=True)
class ListResult:
    """A search for the list: how many franchisees match, and the first page of them."""

    criteria: SearchCriteria
    sort_column: str
    descending: bool
    total: int
    first: ListPage


@dataclass(frozen=True)
class FranchiseeDetail:
    id: int
    version: int
    data: FranchiseeData
    status: LifecycleStatus
    status_changed_on: date | None
    archived: bool
    account_manager_name: str
    updated_at: datetime
    updated_by: str
    account_manager_active: bool = True  # False: the manager's account was deactivated (shown as such)


@dataclass(frozen=True)
class ContactDTO:
    id: int
    franchisee_id: int
    version: int
    data: ContactData


@dataclass(frozen=True)
class StoreDTO:
    id: int
    franchisee_id: int
    version: int
    data: StoreData


@dataclass(frozen=True)
class FieldChange:
    field: str
    old: object
    new: object


@dataclass(frozen=True)
class HistoryEntry:
    occurred_at: datetime
    username: str
    source: str  # app / db
    action: str  # insert / update / delete
    table_name: str
    row_id: str
    changes: tuple[FieldChange, ...] = field(default_factory=tuple)
    db_login: str | None = None  # PostgreSQL: the database login behind the change


@dataclass(frozen=True)
class StatusChangeDTO:
    from_status: LifecycleStatus | None
    to_status: LifecycleStatus
    changed_on: date
    reason: str
    changed_by: str
    recorded_at: datetime


@dataclass(frozen=True)
class CompanyProfileDTO:
    version: int
    name: str
    address: str
    phone: str
    logo_png: bytes | None


@dataclass(frozen=True)
class FilterOptions:
    """What the list's filter boxes offer."""

    tiers: tuple[str, ...]
    regions: tuple[str, ...]
    account_managers: tuple[UserDTO, ...]
    tags: tuple[str, ...] = ()
