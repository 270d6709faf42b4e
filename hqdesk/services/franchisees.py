"""Franchisee profiles: search-as-you-type, create, edit (with conflict detection), status, archive, history."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date
from decimal import Decimal

from sqlalchemy import and_, case, func, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, aliased

from hqdesk.domain.errors import FieldError, NotFound
from hqdesk.domain.franchisee import (
    FranchiseeData,
    LifecycleStatus,
    StatusChange,
    clean_franchisee,
    normalize_tags,
    transition_problem,
    validate_franchisee,
)
from hqdesk.domain.i18n import QT_TRANSLATE_NOOP
from hqdesk.domain.roles import Action, Actor
from hqdesk.domain.search import franchisee_search_text
from hqdesk.persistence.models import AuditEntry, Contact, Franchisee, StatusChangeRecord, Tier, User
from hqdesk.persistence.sorting import pinyin_key
from hqdesk.services.base import Service, StaleDataError, conflict_error, diff, raise_if_invalid
from hqdesk.services.dto import (
    FieldChange,
    FilterOptions,
    FranchiseeDetail,
    FranchiseeRow,
    HistoryEntry,
    SearchCriteria,
    SearchResult,
    StatusChangeDTO,
)
from hqdesk.services.users import to_dto as user_dto

PAGE_SIZE = 200

_primary = aliased(Contact)


def data_of(row: Franchisee) -> FranchiseeData:
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


def _apply(row: Franchisee, data: FranchiseeData) -> None:
    for name in FranchiseeData.field_names():
        value = getattr(data, name)
        if name == "tags":
            value = ",".join(value)
        elif name == "uscc":
            value = value or None
        setattr(row, name, value)


def search_text_of(row: Franchisee, contacts) -> str:
    return franchisee_search_text(row, contacts)


def refresh_search_text(session: Session, franchisee_id: int) -> None:
    """Recompute the search text after a profile or contact change.

    A Core update on purpose: search_text is derived, so it must not bump the profile's version
    (a colleague adding a contact is no conflict with your edit of the address). ``updated_at`` is
    set to itself, or its ``onupdate`` would stamp the profile as changed when only a contact was.
    """
    row = session.get(Franchisee, franchisee_id)
    contacts = session.execute(
        select(Contact.name, Contact.mobile, Contact.phone).where(Contact.franchisee_id == franchisee_id)
    ).all()
    session.execute(
        update(Franchisee)
        .where(Franchisee.id == franchisee_id)
        .values(search_text=search_text_of(row, contacts), updated_at=Franchisee.updated_at)
        .execution_options(synchronize_session=False)
    )


def _like_escape(term: str) -> str:
    return term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


# What the list shows as the account manager: the display name, else the user name (as the profile does).
_manager_name = func.coalesce(func.nullif(User.display_name, ""), User.username)

# Chinese text sorts by pinyin (persistence.sorting); the status in lifecycle order, not alphabetically.
SORT_KEYS = {
    "code": Franchisee.code,
    "legal_name": pinyin_key(Franchisee.legal_name),
    "city": pinyin_key(Franchisee.city),
    "tier": Franchisee.tier,
    "status": case({s.value: i for i, s in enumerate(LifecycleStatus)}, value=Franchisee.status, else_=99),
    "account_manager": pinyin_key(_manager_name),
    "primary_contact": pinyin_key(_primary.name),
    "primary_phone": _primary.mobile,
    "contract_end": Franchisee.contract_end,
}


# Rows without a value in the sort column (undated contract, no account manager, no contact or mobile)
# come last in both directions. Said explicitly because SQLite sorts NULL first and PostgreSQL last; tested
# on the raw column, so it holds whatever sort key wraps the column.
BLANK_LAST = {
    "contract_end": Franchisee.contract_end.is_(None),
    "account_manager": func.coalesce(_manager_name, "") == "",
    "primary_contact": func.coalesce(_primary.name, "") == "",
    "primary_phone": func.coalesce(_primary.mobile, "") == "",
}


def _row_select():
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
        .outerjoin(_primary, and_(_primary.franchisee_id == Franchisee.id, _primary.is_primary.is_(True)))
    )


def _to_row(r) -> FranchiseeRow:
    return FranchiseeRow(
        r[0],
        r[1],
        r[2],
        r[3],
        r[4],
        r[5],
        r[6],
        r[7],
        LifecycleStatus(r[8]),
        r[9],
        r[10],
        r[11],
        r[12],
        r[13],
    )


class FranchiseeService(Service):
    # ----- reading -------------------------------------------------------------------------------
    def filter_options(self, actor: Actor) -> FilterOptions:
        self.require(actor, Action.VIEW_FRANCHISEES)
        with self.db.read() as s:
            tiers = tuple(s.scalars(select(Tier.code).order_by(Tier.sort_order, Tier.code)))
            regions = tuple(
                r for r in s.scalars(select(Franchisee.region).distinct().order_by(Franchisee.region)) if r
            )
            managers = tuple(
                user_dto(u)
                for u in s.scalars(
                    select(User)
                    .where(User.id.in_(select(Franchisee.account_manager_id).distinct()))
                    .order_by(User.display_name)
                )
            )
            return FilterOptions(tiers, regions, managers)

    def tiers(self) -> tuple[str, ...]:
        with self.db.read() as s:
            return tuple(s.scalars(select(Tier.code).order_by(Tier.sort_order, Tier.code)))

    def search(
        self,
        actor: Actor,
        criteria: SearchCriteria,
        sort_column: str = "legal_name",
        descending: bool = False,
        page_size: int = PAGE_SIZE,
    ) -> SearchResult:
        """Every matching id in display order, and the first page of rows. Filtering and sorting in SQL."""
        self.require(actor, Action.VIEW_FRANCHISEES)
        query = select(Franchisee.id)
        # Join only what the order needs: the two outer joins were most of a broad search's time on 5,000 rows.
        if sort_column == "account_manager":
            query = query.outerjoin(User, User.id == Franchisee.account_manager_id)
        elif sort_column in ("primary_contact", "primary_phone"):
            query = query.outerjoin(
                _primary, and_(_primary.franchisee_id == Franchisee.id, _primary.is_primary.is_(True))
            )
        conditions = []
        for term in criteria.text.lower().split():
            conditions.append(Franchisee.search_text.like(f"%{_like_escape(term)}%", escape="\\"))
        if criteria.tiers:
            conditions.append(Franchisee.tier.in_(criteria.tiers))
        if criteria.statuses:
            conditions.append(Franchisee.status.in_([s.value for s in criteria.statuses]))
        if criteria.region:
            conditions.append(Franchisee.region == criteria.region)
        if criteria.account_manager_id is not None:
            conditions.append(Franchisee.account_manager_id == criteria.account_manager_id)
        if not criteria.include_archived:
            conditions.append(Franchisee.archived.is_(False))
        key = SORT_KEYS.get(sort_column, Franchisee.legal_name)
        order = [
            key.desc() if descending else key.asc(),
            Franchisee.id.desc() if descending else Franchisee.id,
        ]
        blank = BLANK_LAST.get(sort_column)
        if blank is not None:
            order.insert(0, blank)
        with self.db.read() as s:
            ids = tuple(s.scalars(query.where(*conditions).order_by(*order)))
            first = self._rows(s, ids[:page_size])
        return SearchResult(criteria, sort_column, descending, ids, first)

    def rows(self, actor: Actor, ids) -> tuple[FranchiseeRow, ...]:
        """The list rows for ``ids``, in that order (the lazy list asks for one page at a time)."""
        self.require(actor, Action.VIEW_FRANCHISEES)
        with self.db.read() as s:
            return self._rows(s, tuple(ids))

    @staticmethod
    def _rows(s: Session, ids: tuple[int, ...]) -> tuple[FranchiseeRow, ...]:
        if not ids:
            return ()
        by_id = {r[0]: _to_row(r) for r in s.execute(_row_select().where(Franchisee.id.in_(ids)))}
        return tuple(by_id[i] for i in ids if i in by_id)

    def get(self, actor: Actor, franchisee_id: int) -> FranchiseeDetail:
        self.require(actor, Action.VIEW_FRANCHISEES)
        with self.db.read() as s:
            return self._detail(s, self._load(s, franchisee_id))

    @staticmethod
    def _load(s: Session, franchisee_id: int) -> Franchisee:
        row = s.get(Franchisee, franchisee_id, populate_existing=True)
        if row is None:
            raise NotFound()
        return row

    @staticmethod
    def _detail(s: Session, row: Franchisee) -> FranchiseeDetail:
        manager = s.get(User, row.account_manager_id) if row.account_manager_id else None
        return FranchiseeDetail(
            row.id,
            row.version,
            data_of(row),
            LifecycleStatus(row.status),
            row.status_changed_on,
            row.archived,
            (manager.display_name or manager.username) if manager else "",
            row.updated_at,
            row.updated_by,
        )

    # ----- writing -------------------------------------------------------------------------------
    def _validate(self, s: Session, data: FranchiseeData, exclude_id: int | None) -> None:
        tiers = tuple(s.scalars(select(Tier.code)))
        errors = validate_franchisee(data, tiers)
        if data.code:
            q = select(Franchisee.id).where(func.lower(Franchisee.code) == data.code.lower())
            if exclude_id:
                q = q.where(Franchisee.id != exclude_id)
            if s.scalar(q):
                errors.append(
                    FieldError(
                        "code",
                        QT_TRANSLATE_NOOP("Validation", "Another franchisee already has the code {code}."),
                        {"code": data.code},
                    )
                )
        if data.uscc:
            q = select(Franchisee.code).where(Franchisee.uscc == data.uscc)
            if exclude_id:
                q = q.where(Franchisee.id != exclude_id)
            other = s.scalar(q)
            if other:
                errors.append(
                    FieldError(
                        "uscc",
                        QT_TRANSLATE_NOOP("Validation", "Franchisee {code} already has this credit code."),
                        {"code": other},
                    )
                )
        if data.account_manager_id is not None:
            manager = s.get(User, data.account_manager_id)
            if manager is None or not manager.active:
                errors.append(
                    FieldError(
                        "account_manager_id",
                        QT_TRANSLATE_NOOP("Validation", "Choose an active user as account manager."),
                    )
                )
        raise_if_invalid(errors)

    def create(
        self,
        actor: Actor,
        data: FranchiseeData,
        status: LifecycleStatus = LifecycleStatus.PROSPECT,
        today: date | None = None,
    ) -> FranchiseeDetail:
        self.require(actor, Action.CREATE_FRANCHISEE)
        data = clean_franchisee(data)
        if not actor.can(Action.ASSIGN_ACCOUNT_MANAGER):
            data = replace(data, account_manager_id=actor.user_id)  # an account manager creates their own
        today = today or date.today()
        with self.db.write(actor.username) as s:
            self._validate(s, data, None)
            row = Franchisee(status=status.value, status_changed_on=today, updated_by=actor.username)
            _apply(row, data)
            s.add(row)
            self._flush_or_conflict(s, None, None, data)
            s.add(
                StatusChangeRecord(
                    franchisee_id=row.id,
                    from_status=None,
                    to_status=status.value,
                    changed_on=today,
                    reason="",
                    changed_by=actor.username,
                )
            )
            s.flush()
            refresh_search_text(s, row.id)
            return self._detail(s, row)

    def update(
        self,
        actor: Actor,
        franchisee_id: int,
        version: int,
        data: FranchiseeData,
        base: FranchiseeData | None = None,
        overwrite: bool = False,
    ) -> FranchiseeDetail:
        """Save an edited profile. ``version`` is the one the user loaded; if the record moved on since,
        ConflictError says what the other user changed. ``overwrite`` (admins) saves over it anyway."""
        data = clean_franchisee(data)
        with self.db.write(actor.username) as s:
            row = self._load(s, franchisee_id)
            self.require(actor, Action.EDIT_FRANCHISEE, row.account_manager_id, s)
            if overwrite:
                self.require(actor, Action.OVERWRITE_CONFLICT, s=s)
            elif row.version != version:
                self._conflict(s, row, base, data)
            if data.account_manager_id != row.account_manager_id:
                self.require(actor, Action.ASSIGN_ACCOUNT_MANAGER, s=s)
            self._validate(s, data, row.id)
            _apply(row, data)
            row.updated_by = actor.username
            self._flush_or_conflict(s, franchisee_id, base, data)
            refresh_search_text(s, row.id)
            return self._detail(s, row)

    def _flush_or_conflict(
        self, s: Session, franchisee_id: int | None, base: FranchiseeData | None, mine: FranchiseeData
    ) -> None:
        """Flush, turning what another user's concurrent save can cause into the usual errors.

        StaleDataError (they saved between our version check and our write): the ConflictError from the
        record as it is now. IntegrityError (they took the same code or credit code after our duplicate
        check; PostgreSQL, where writers do not wait for each other): the ValidationError naming the field.
        """
        try:
            s.flush()
        except StaleDataError:
            s.rollback()
            with self.db.read() as fresh:
                self._conflict(fresh, self._load(fresh, franchisee_id), base, mine)
        except IntegrityError:
            s.rollback()
            with self.db.read() as fresh:
                self._validate(fresh, mine, franchisee_id)
            raise  # not a duplicate after all

    def _conflict(self, s: Session, row: Franchisee, base: FranchiseeData | None, mine: FranchiseeData):
        current = self._detail(s, row)
        raise conflict_error(current, diff(base, current.data, mine), row)

    def change_status(
        self, actor: Actor, franchisee_id: int, version: int, change: StatusChange, today: date | None = None
    ) -> FranchiseeDetail:
        today = today or date.today()
        with self.db.write(actor.username) as s:
            row = self._load(s, franchisee_id)
            self.require(actor, Action.CHANGE_STATUS, row.account_manager_id, s)
            if row.version != version:
                self._conflict(s, row, None, data_of(row))
            old = LifecycleStatus(row.status)
            raise_if_invalid(
                transition_problem(old, change.new_status, change.reason, change.changed_on, today)
            )
            as_loaded = data_of(row)
            row.status = change.new_status.value
            row.status_changed_on = change.changed_on
            row.updated_by = actor.username
            s.add(
                StatusChangeRecord(
                    franchisee_id=row.id,
                    from_status=old.value,
                    to_status=change.new_status.value,
                    changed_on=change.changed_on,
                    reason=change.reason.strip(),
                    changed_by=actor.username,
                )
            )
            self._flush_or_conflict(s, franchisee_id, None, as_loaded)
            return self._detail(s, row)

    def set_archived(
        self, actor: Actor, franchisee_id: int, version: int, archived: bool
    ) -> FranchiseeDetail:
        self.require(actor, Action.ARCHIVE_FRANCHISEE)
        with self.db.write(actor.username) as s:
            row = self._load(s, franchisee_id)
            if row.version != version:
                self._conflict(s, row, None, data_of(row))
            as_loaded = data_of(row)
            row.archived = archived
            row.updated_by = actor.username
            self._flush_or_conflict(s, franchisee_id, None, as_loaded)
            return self._detail(s, row)

    # ----- history -------------------------------------------------------------------------------
    def status_history(self, actor: Actor, franchisee_id: int) -> list[StatusChangeDTO]:
        self.require(actor, Action.VIEW_HISTORY)
        with self.db.read() as s:
            return read_status_history(s, franchisee_id)

    def history(self, actor: Actor, franchisee_id: int, limit: int = 1000) -> list[HistoryEntry]:
        """The audit trail of the franchisee, its contacts, stores and status changes, newest first."""
        self.require(actor, Action.VIEW_HISTORY)
        with self.db.read() as s:
            return read_history(s, franchisee_id, limit)


# ----- reads inside a caller's session (the profile's one read: services.profile) ---------------------------
def read_status_history(s: Session, franchisee_id: int) -> list[StatusChangeDTO]:
    """The franchisee's status changes, newest first."""
    rows = s.scalars(
        select(StatusChangeRecord)
        .where(StatusChangeRecord.franchisee_id == franchisee_id)
        .order_by(StatusChangeRecord.recorded_at.desc(), StatusChangeRecord.id.desc())
    )
    return [
        StatusChangeDTO(
            LifecycleStatus(r.from_status) if r.from_status else None,
            LifecycleStatus(r.to_status),
            r.changed_on,
            r.reason,
            r.changed_by,
            r.recorded_at,
        )
        for r in rows
    ]


def read_history(s: Session, franchisee_id: int, limit: int = 1000) -> list[HistoryEntry]:
    """The audit trail of the franchisee, its contacts, stores and status changes, newest first."""
    rows = s.scalars(
        select(AuditEntry)
        .where(AuditEntry.franchisee_id == franchisee_id)
        .order_by(AuditEntry.occurred_at.desc(), AuditEntry.id.desc())
        .limit(limit)
    )
    out = []
    for r in rows:
        # parse_float=Decimal: PostgreSQL's trigger writes money as JSON numbers; never make them floats
        old = json.loads(r.old_values, parse_float=Decimal) if r.old_values else {}
        new = json.loads(r.new_values, parse_float=Decimal) if r.new_values else {}
        changes = tuple(FieldChange(k, old.get(k), new.get(k)) for k in sorted(set(old) | set(new)))
        out.append(
            HistoryEntry(
                r.occurred_at, r.username, r.source, r.action, r.table_name, r.row_id, changes, r.db_login
            )
        )
    return out
