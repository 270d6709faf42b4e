"""The franchisee list in SQL: what matches (criteria), in which order (sort segments), page by page by key.

Pages are read by key, not by OFFSET: a page is "the next n rows after this row in the sort order", which an
index on (sort key, id) answers with one seek however deep the page is (an OFFSET walks every row before it:
scrolling to the end of 50,000 franchisees cost 492 queries, each slower than the last). A sort order is a
list of segments, each one range of one index: "the rows with a value, by (key, id)", then "the blank ones,
by id" (blanks come last in both directions); one segment per status, in lifecycle order; one per account
manager, in the order of their names. ``PageKey`` says in which segment and after which row a page ended.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import and_, func, or_, select, true
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm import Session, aliased
from sqlalchemy.sql.functions import FunctionElement

from hqdesk.domain.franchisee import LifecycleStatus, normalize_tags
from hqdesk.domain.search import normalize, search_terms
from hqdesk.persistence.models import Contact, Franchisee, User
from hqdesk.persistence.sorting import pinyin_key, pinyin_key_py
from hqdesk.services.dto import FranchiseeRow, ListPage, PageKey, SearchCriteria

PAGE_SIZE = 200
# A text search matching at most this many, or at most 1 in SPARSE_SHARE franchisees: its first page is read
# by id (the sort order's index would pass many rows to find a page of them; at 50,000, "上海" (3%) 115 -> 57 ms).
SPARSE_MATCHES = 1000
SPARSE_SHARE = 20

_primary = aliased(Contact, name="primary_contact")
_is_primary = and_(_primary.franchisee_id == Franchisee.id, _primary.is_primary == true())

# What the list shows as the account manager: the display name, else the user name (as the profile does).
_manager_name = func.coalesce(func.nullif(User.display_name, ""), User.username)

# The sort key of each column ordered by a value (Chinese text by pinyin: persistence.sorting). Status and
# account manager are ordered by segments instead (one per status, one per manager). Each has an index.
SORT_KEYS = {
    "code": Franchisee.code,
    "legal_name": pinyin_key(Franchisee.legal_name),
    "city": pinyin_key(Franchisee.city),
    "tier": Franchisee.tier,
    "primary_contact": pinyin_key(_primary.name),
    "primary_phone": _primary.mobile,
    "contract_end": Franchisee.contract_end,
}
# The tie-breaker beside the key: the franchisee's id, taken from the indexed table.
_TIE = {"primary_contact": _primary.franchisee_id, "primary_phone": _primary.franchisee_id}

# Rows without a value in the sort column (undated contract, no primary contact or mobile, no account manager)
# come last in both directions: (rows with a value, blank rows). Said explicitly because SQLite sorts NULL
# first and PostgreSQL last.
BLANK_LAST = {
    "contract_end": (Franchisee.contract_end.is_not(None), Franchisee.contract_end.is_(None)),
    "primary_contact": (_primary.name != "", func.coalesce(_primary.name, "") == ""),
    "primary_phone": (_primary.mobile != "", func.coalesce(_primary.mobile, "") == ""),
}


@dataclass(frozen=True)
class Segment:
    """Rows matching ``where``, ordered by (``key``, ``tie``), or by ``tie`` alone when ``key`` is None."""

    where: tuple = ()
    key: Any = None
    tie: Any = None  # None: Franchisee.id (a column default here would be taken for a descriptor)

    @property
    def order(self) -> tuple:
        tie = Franchisee.id if self.tie is None else self.tie
        return (tie,) if self.key is None else (self.key, tie)


def segments(s: Session, column: str, descending: bool) -> list[Segment]:
    """The sort order of ``column`` as segments, in display order."""
    if column == "status":
        parts = [Segment((Franchisee.status == status.value,)) for status in LifecycleStatus]
        return parts[::-1] if descending else parts
    if column == "account_manager":
        managers = s.execute(
            select(User.id, _manager_name).where(
                User.id.in_(select(Franchisee.account_manager_id).distinct())
            )
        ).all()
        managers.sort(key=lambda m: (pinyin_key_py(m[1]), m[0]), reverse=descending)
        parts = [Segment((Franchisee.account_manager_id == m[0],)) for m in managers]
        return [*parts, Segment((Franchisee.account_manager_id.is_(None),))]
    key = SORT_KEYS.get(column, SORT_KEYS["legal_name"])
    tie = _TIE.get(column)
    if column not in BLANK_LAST:
        return [Segment((), key, tie)]
    has_value, blank = BLANK_LAST[column]
    return [Segment((has_value,), key, tie), Segment((blank,))]


def _uses_primary(column: str) -> bool:
    return column in ("primary_contact", "primary_phone")


def _like_escape(term: str) -> str:
    return term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _contains(column, term: str):
    return column.like(f"%{_like_escape(term)}%", escape="\\")


class _Unindexed(FunctionElement):
    """A column the query must not look up by its index (SQLite: ``+column``, a no-op that hides the index).

    SQLite has no statistics unless someone runs ANALYZE, and takes any index on a filtered column to be
    selective: filtering 50,000 franchisees by a tier or two statuses, it would read the filter's index and
    sort every match by name (100 ms and more) instead of following the name's index to the first 200 matches.
    When the filter matches many rows (``page`` probes), its columns are wrapped in this."""

    inherit_cache = True
    name = "unindexed"

    def __init__(self, column) -> None:
        super().__init__(column)
        self.type = column.type


@compiles(_Unindexed)
def _unindexed_plain(element, compiler, **kw):
    return compiler.process(element.clauses, **kw)


@compiles(_Unindexed, "sqlite")
def _unindexed_sqlite(element, compiler, **kw):
    return "+" + compiler.process(element.clauses, **kw)


def conditions(criteria: SearchCriteria, unindexed: bool = False) -> list:
    """The WHERE terms of ``criteria`` (on the franchisees table alone); ``unindexed``: filters that may not
    choose the index (the sort order's index should, see _Unindexed)."""

    def column(c):
        return _Unindexed(c) if unindexed else c

    out = []
    for alternatives in search_terms(criteria.text):
        out.append(or_(*(_contains(Franchisee.search_text, a) for a in alternatives)))
    if criteria.tiers:
        out.append(column(Franchisee.tier).in_(criteria.tiers))
    if criteria.statuses:
        out.append(column(Franchisee.status).in_([s.value for s in criteria.statuses]))
    if criteria.region:
        out.append(column(Franchisee.region) == criteria.region)
    if criteria.account_manager_id is not None:
        out.append(column(Franchisee.account_manager_id) == criteria.account_manager_id)
    for tag in criteria.tags:
        out.append(_contains("," + Franchisee.tags + ",", f",{tag.strip()},"))
    if not criteria.include_archived:
        out.append(Franchisee.archived.is_(False))
    return out


def row_select():
    return (
        select(
            Franchisee.id,
            Franchisee.code,
            Franchisee.legal_name,
            Franchisee.store_brand_name,
            Franchisee.region,
            Franchisee.province,
            Franchisee.city,
            Franchisee.tier,
            Franchisee.status,
            func.coalesce(_manager_name, ""),
            func.coalesce(_primary.name, ""),
            func.coalesce(_primary.mobile, ""),
            Franchisee.contract_end,
            Franchisee.archived,
        )
        .outerjoin(User, User.id == Franchisee.account_manager_id)
        .outerjoin(_primary, _is_primary)
    )


_STATUS = {s.value: s for s in LifecycleStatus}


def to_row(r) -> FranchiseeRow:
    return FranchiseeRow(*r[:8], _STATUS[r[8]], *r[9:14])


def _after(segment: Segment, key: PageKey, descending: bool):
    """The rows of ``segment`` that come after ``key`` in display order.

    Written out as ``k >= v AND (k > v OR id > i)`` rather than the row value ``(k, id) > (v, i)``: SQLite
    seeks an expression index with the former and scans the whole index with the latter."""
    if segment.key is None:
        (tie,) = segment.order
        return tie < key.id if descending else tie > key.id
    column, tie = segment.order
    if descending:
        return and_(column <= key.key, or_(column < key.key, tie < key.id))
    return and_(column >= key.key, or_(column > key.key, tie > key.id))


def first(
    s: Session, criteria: SearchCriteria, column: str, descending: bool, limit: int = PAGE_SIZE
) -> tuple[int, ListPage]:
    """How many franchisees match, and the first page of them.

    A text search has to read every search text once whatever happens (a substring match follows no index):
    that one scan gives the matching ids, and so the count; when they are few, the page is read by id
    instead of scanning again (when they are many, the sort index finds a page of them at once)."""
    if not search_terms(criteria.text):
        return count(s, criteria), page(s, criteria, column, descending, None, limit)
    ids = list(s.scalars(select(Franchisee.id).where(*conditions(criteria))))
    sparse = len(ids) <= SPARSE_MATCHES or len(ids) * SPARSE_SHARE <= (
        s.scalar(select(func.count()).select_from(Franchisee)) or 0
    )
    return len(ids), page(
        s, criteria, column, descending, None, limit, [Franchisee.id.in_(ids)] if sparse else None
    )


def page(
    s: Session,
    criteria: SearchCriteria,
    column: str,
    descending: bool,
    after: PageKey | None = None,
    limit: int = PAGE_SIZE,
    where: list | None = None,
) -> ListPage:
    """Up to ``limit`` rows following ``after`` (from the start: None) in the order of ``column``.
    ``where``: conditions that select the same rows as ``criteria``, if there are cheaper ones."""
    parts = segments(s, column, descending)
    if where is None:
        where = conditions(criteria, unindexed=_many_match(s, criteria))
    rows: list[FranchiseeRow] = []
    last: PageKey | None = None
    for number in range(after.segment if after else 0, len(parts)):
        if len(rows) >= limit:
            break
        segment = parts[number]
        query = row_select().where(*where, *segment.where)
        if after is not None and number == after.segment:
            query = query.where(_after(segment, after, descending))
        order = segment.order
        query = (
            query.add_columns(*order)
            .order_by(*(c.desc() for c in order) if descending else order)
            .limit(limit - len(rows))
        )
        # Core, not the ORM's result machinery: plain rows, thousands of them when the user scrolls on
        got = s.connection().execute(query).all()
        if got:
            rows.extend(map(to_row, got))
            r = got[-1]
            last = PageKey(number, None if segment.key is None else r[-2], r[-1])
    if len(rows) < limit:
        last = None  # the whole order has been read
    return ListPage(tuple(rows), last)


def all_ids(s: Session, criteria: SearchCriteria, column: str, descending: bool) -> list[int]:
    """Every matching id in the order of ``column`` (the command line and batch work; not the list)."""
    where = conditions(criteria)
    out: list[int] = []
    for segment in segments(s, column, descending):
        query = select(Franchisee.id).select_from(Franchisee)
        if _uses_primary(column):
            query = query.outerjoin(_primary, _is_primary)
        order = segment.order
        query = query.where(*where, *segment.where).order_by(
            *(c.desc() for c in order) if descending else order
        )
        out.extend(s.scalars(query))
    return out


def _many_match(s: Session, criteria: SearchCriteria) -> bool:
    """Whether the filters (tier, status, region, manager) match so many rows that the sort order's index
    finds a page faster than theirs: a bounded probe of their index (reads at most SPARSE_MATCHES + 1)."""
    plain = SearchCriteria(
        tiers=criteria.tiers,
        statuses=criteria.statuses,
        region=criteria.region,
        account_manager_id=criteria.account_manager_id,
        include_archived=True,
    )
    if plain == SearchCriteria(include_archived=True) or s.get_bind().dialect.name != "sqlite":
        return False
    probe = select(Franchisee.id).where(*conditions(plain)).limit(SPARSE_MATCHES + 1).subquery()
    return (s.scalar(select(func.count()).select_from(probe)) or 0) > SPARSE_MATCHES


def count(s: Session, criteria: SearchCriteria) -> int:
    return s.scalar(select(func.count()).select_from(Franchisee).where(*conditions(criteria))) or 0


def position(s: Session, criteria: SearchCriteria, column: str, descending: bool, franchisee_id: int) -> int:
    """The place of ``franchisee_id`` in the order of ``column`` among the matching franchisees (0 is
    the first), or -1 if it does not match: how many matching rows come before it."""
    parts = segments(s, column, descending)
    where = conditions(criteria)

    def base(*columns):
        query = select(*columns).select_from(Franchisee)
        if _uses_primary(column):
            query = query.outerjoin(_primary, _is_primary)
        return query.where(*where)

    for number, segment in enumerate(parts):
        found = s.execute(base(*segment.order).where(*segment.where, Franchisee.id == franchisee_id)).first()
        if found is None:
            continue
        key = PageKey(number, None if segment.key is None else found[0], found[-1])
        before = 0
        for earlier in parts[:number]:
            before += s.scalar(base(func.count()).where(*earlier.where)) or 0
        descending_before = _after(segment, key, not descending)
        before += s.scalar(base(func.count()).where(*segment.where, descending_before)) or 0
        return before
    return -1


def all_tags(s: Session) -> tuple[str, ...]:
    """Every tag in use, by pinyin (each distinct combination of tags read once)."""
    tags: set[str] = set()
    for combination in s.scalars(select(Franchisee.tags).distinct()):
        tags.update(normalize_tags(combination or ""))
    return tuple(sorted(tags, key=lambda t: (pinyin_key_py(normalize(t)), t)))


__all__ = [
    "PAGE_SIZE",
    "SORT_KEYS",
    "BLANK_LAST",
    "Segment",
    "segments",
    "conditions",
    "row_select",
    "to_row",
    "all_ids",
    "first",
    "page",
    "count",
    "position",
    "all_tags",
]
