"""Franchisee profiles: search-as-you-type, create, edit (with conflict detection), status, archive, history."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date
from decimal import Decimal

from sqlalchemy import func, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from hqdesk.domain.errors import ArchivedReadOnly, FieldError, NotFound, OpenBusiness
from hqdesk.domain.franchisee import (
    FranchiseeData,
    LifecycleStatus,
    StatusChange,
    clean_franchisee,
    open_business_reasons,
    transition_problem,
    validate_franchisee,
)
from hqdesk.domain.i18n import QT_TRANSLATE_NOOP
from hqdesk.domain.roles import Action, Actor
from hqdesk.persistence.mappers import FranchiseeMapper
from hqdesk.persistence.models import AuditEntry, Contact, Franchisee, StatusChangeRecord, Tier, User
from hqdesk.services import franchisee_list
from hqdesk.services.base import Service, StaleDataError, conflict_error, diff, raise_if_invalid
from hqdesk.services.dto import (
    FieldChange,
    FilterOptions,
    FranchiseeDetail,
    FranchiseeRow,
    HistoryEntry,
    ListPage,
    ListResult,
    PageKey,
    SearchCriteria,
    SearchResult,
    StatusChangeDTO,
)
from hqdesk.services.franchisee_bulk import FranchiseeBulkActions, manager_problem
from hqdesk.services.users import to_dto as user_dto

PAGE_SIZE = franchisee_list.PAGE_SIZE


def refresh_search_text(session: Session, franchisee_id: int) -> None:
    """Recompute the search text after a profile or contact change.

    A Core update on purpose: search_text is derived, so it must not bump the profile's version
    (a colleague adding a contact is no conflict with your edit of the address). ``updated_at`` is
    set to itself, or its ``onupdate`` would stamp the profile as changed when only a contact was.
    """
    row = session.get(Franchisee, franchisee_id)
    contacts = session.execute(
        select(Contact.name, Contact.mobile, Contact.phone, Contact.wechat_id, Contact.email).where(
            Contact.franchisee_id == franchisee_id
        )
    ).all()
    session.execute(
        update(Franchisee)
        .where(Franchisee.id == franchisee_id)
        .values(search_text=FranchiseeMapper.search_text(row, contacts), updated_at=Franchisee.updated_at)
        .execution_options(synchronize_session=False)
    )


class FranchiseeService(FranchiseeBulkActions, Service):
    # ----- reading (the list: services.franchisee_list) ------------------------------------------
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
            return FilterOptions(tiers, regions, managers, franchisee_list.all_tags(s))

    def tiers(self) -> tuple[str, ...]:
        with self.db.read() as s:
            return tuple(s.scalars(select(Tier.code).order_by(Tier.sort_order, Tier.code)))

    def list_first(
        self,
        actor: Actor,
        criteria: SearchCriteria,
        sort_column: str = "legal_name",
        descending: bool = False,
        page_size: int = PAGE_SIZE,
    ) -> ListResult:
        """How many franchisees match, and the first page of them in the order of ``sort_column``."""
        self.require(actor, Action.VIEW_FRANCHISEES)
        with self.db.read() as s:
            total, first = franchisee_list.first(s, criteria, sort_column, descending, page_size)
        return ListResult(criteria, sort_column, descending, total, first)

    def list_page(
        self,
        actor: Actor,
        criteria: SearchCriteria,
        sort_column: str,
        descending: bool,
        after: PageKey | None,
        page_size: int = PAGE_SIZE,
    ) -> ListPage:
        """The page that follows ``after`` (a ListPage's ``next``) in the same search and order."""
        self.require(actor, Action.VIEW_FRANCHISEES)
        with self.db.read() as s:
            return franchisee_list.page(s, criteria, sort_column, descending, after, page_size)

    def list_position(
        self, actor: Actor, criteria: SearchCriteria, sort_column: str, descending: bool, franchisee_id: int
    ) -> int:
        """Where ``franchisee_id`` stands in the search's order (0: first), or -1 if it does not match."""
        self.require(actor, Action.VIEW_FRANCHISEES)
        with self.db.read() as s:
            return franchisee_list.position(s, criteria, sort_column, descending, franchisee_id)

    def search(
        self,
        actor: Actor,
        criteria: SearchCriteria,
        sort_column: str = "legal_name",
        descending: bool = False,
        page_size: int = PAGE_SIZE,
    ) -> SearchResult:
        """Every matching id in display order, and the first ``page_size`` rows (the command line, batch
        work and tests; the list reads page by page: list_first, list_page)."""
        self.require(actor, Action.VIEW_FRANCHISEES)
        with self.db.read() as s:
            ids = tuple(franchisee_list.all_ids(s, criteria, sort_column, descending))
            first = (
                franchisee_list.page(s, criteria, sort_column, descending, None, page_size)
                if page_size
                else None
            )
        return SearchResult(criteria, sort_column, descending, ids, first.rows if first else ())

    def rows(self, actor: Actor, ids) -> tuple[FranchiseeRow, ...]:
        """The list rows for ``ids``, in that order."""
        self.require(actor, Action.VIEW_FRANCHISEES)
        with self.db.read() as s:
            return self._rows(s, tuple(ids))

    @staticmethod
    def _rows(s: Session, ids: tuple[int, ...]) -> tuple[FranchiseeRow, ...]:
        if not ids:
            return ()
        by_id = {
            r[0]: franchisee_list.to_row(r)
            for r in s.execute(franchisee_list.row_select().where(Franchisee.id.in_(ids)))
        }
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
            FranchiseeMapper.data(row),
            LifecycleStatus(row.status),
            row.status_changed_on,
            row.archived,
            (manager.display_name or manager.username) if manager else "",
            row.updated_at,
            row.updated_by,
            manager.active if manager else True,
        )

    # ----- writing -------------------------------------------------------------------------------
    def _validate(
        self, s: Session, data: FranchiseeData, exclude_id: int | None, manager_changed: bool = True
    ) -> None:
        """``manager_changed``: whether this save sets the account manager. An unchanged manager is not
        checked: a deactivated manager's franchisees stay editable (their notes, their address...)."""
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
                        QT_TRANSLATE_NOOP(
                            "Validation", "Franchisee {code} already has this unified social credit code."
                        ),
                        {"code": other},
                    )
                )
        if manager_changed and data.account_manager_id is not None:
            problem = manager_problem(s, data.account_manager_id)
            if problem is not None:
                errors.append(problem)
        raise_if_invalid(errors)

    def create(
        self,
        actor: Actor,
        data: FranchiseeData,
        status: LifecycleStatus = LifecycleStatus.PROSPECT,
        today: date | None = None,
    ) -> FranchiseeDetail:
        data = clean_franchisee(data)
        today = today or date.today()
        with self.db.write(actor.username) as s:
            now = self.require(actor, Action.CREATE_FRANCHISEE, s=s)
            if not now.can(Action.ASSIGN_ACCOUNT_MANAGER):
                # an account manager creates their own; decided with the role as it is now, not at sign-in
                data = replace(data, account_manager_id=actor.user_id)
            self._validate(s, data, None)
            row = Franchisee(status=status.value, status_changed_on=today, updated_by=actor.username)
            FranchiseeMapper.apply(row, data)
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
            detail = self._detail(s, row)
            s.commit()
        return detail

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
        ConflictError says what the other user changed. ``overwrite`` (admins) saves over it anyway.
        An archived franchisee is read-only (ArchivedReadOnly)."""
        data = clean_franchisee(data)
        with self.db.write(actor.username) as s:
            row = self._load(s, franchisee_id)
            self.require(actor, Action.EDIT_FRANCHISEE, row.account_manager_id, s)
            if row.archived:
                raise ArchivedReadOnly()
            if overwrite:
                self.require(actor, Action.OVERWRITE_CONFLICT, s=s)
            elif row.version != version:
                self._conflict(s, row, base, data)
            manager_changed = data.account_manager_id != row.account_manager_id
            if manager_changed:
                self.require(actor, Action.ASSIGN_ACCOUNT_MANAGER, s=s)
            self._validate(s, data, row.id, manager_changed)
            FranchiseeMapper.apply(row, data)
            row.updated_by = actor.username
            self._flush_or_conflict(s, franchisee_id, base, data)
            refresh_search_text(s, row.id)
            detail = self._detail(s, row)
            s.commit()
        return detail

    def _flush_or_conflict(
        self, s: Session, franchisee_id: int | None, base: FranchiseeData | None, mine: FranchiseeData
    ) -> None:
        """Flush, turning what another user's concurrent save can cause into the usual errors.

        StaleDataError (they saved between our version check and our write): the ConflictError from the
        record as it is now. IntegrityError (they took the same code or unified social credit code after our duplicate
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
                self._validate(fresh, mine, franchisee_id, manager_changed=False)
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
            if row.archived:
                raise ArchivedReadOnly()
            if row.version != version:
                self._conflict(s, row, None, FranchiseeMapper.data(row))
            as_loaded = FranchiseeMapper.data(row)
            self._set_status(s, row, change, actor, today)
            self._flush_or_conflict(s, franchisee_id, None, as_loaded)
            detail = self._detail(s, row)
            s.commit()
        return detail

    @staticmethod
    def _set_status(s: Session, row: Franchisee, change: StatusChange, actor: Actor, today: date) -> None:
        old = LifecycleStatus(row.status)
        raise_if_invalid(
            transition_problem(
                old, change.new_status, change.reason, change.changed_on, today, row.status_changed_on
            )
        )
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

    def set_archived(
        self,
        actor: Actor,
        franchisee_id: int,
        version: int,
        archived: bool,
        confirm_open_business: bool = False,
        today: date | None = None,
    ) -> FranchiseeDetail:
        """Archive (read-only, out of the list) or restore a franchisee. Archiving one that still does
        business (active or suspended) raises OpenBusiness unless ``confirm_open_business``: the UI asks."""
        today = today or date.today()
        with self.db.write(actor.username) as s:
            self.require(actor, Action.ARCHIVE_FRANCHISEE, s=s)
            row = self._load(s, franchisee_id)
            if row.version != version:
                self._conflict(s, row, None, FranchiseeMapper.data(row))
            if archived and not row.archived and not confirm_open_business:
                reasons = open_business_reasons(LifecycleStatus(row.status), row.contract_end, today)
                if reasons:
                    raise OpenBusiness(reasons)
            as_loaded = FranchiseeMapper.data(row)
            row.archived = archived
            row.updated_by = actor.username
            self._flush_or_conflict(s, franchisee_id, None, as_loaded)
            detail = self._detail(s, row)
            s.commit()
        return detail

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
