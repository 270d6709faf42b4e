"""Contacts and stores of a franchisee. Editing them needs the right to edit the franchisee."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from hqdesk.domain.contact import (
    ContactData,
    StoreData,
    clean_contact,
    clean_store,
    validate_contact,
    validate_store,
)
from hqdesk.domain.errors import ArchivedReadOnly, ConflictError, NotFound
from hqdesk.domain.roles import Action, Actor
from hqdesk.persistence.mappers import ContactMapper, StoreMapper
from hqdesk.persistence.models import Contact, Franchisee, Store
from hqdesk.services.base import Service, conflict_error, diff, raise_if_invalid
from hqdesk.services.dto import ContactDTO, StoreDTO
from hqdesk.services.franchisees import refresh_search_text


# The mapping lives in persistence.mappers (one per aggregate); the names stay for callers.
def contact_dto(c: Contact) -> ContactDTO:
    return ContactDTO(c.id, c.franchisee_id, c.version, ContactMapper.data(c))


def store_dto(st: Store) -> StoreDTO:
    return StoreDTO(st.id, st.franchisee_id, st.version, StoreMapper.data(st))


def _conflict(row, dto, base, mine) -> ConflictError:
    return conflict_error(dto, diff(base, dto.data, mine), row)


class ContactService(Service):
    @staticmethod
    def _conflict_as_now(contact_id: int, base: ContactData | None, mine: ContactData):
        """The ConflictError for a save that lost a race, from the contact as it is now (for flush_or_conflict)."""

        def conflict(s) -> ConflictError:
            c = s.get(Contact, contact_id)
            if c is None:
                raise NotFound()
            return _conflict(c, contact_dto(c), base, mine)

        return conflict

    def _franchisee(self, s, actor: Actor, franchisee_id: int) -> Franchisee:
        """The franchisee whose contacts are written, locked for this transaction (FOR UPDATE on PostgreSQL;
        SQLite's BEGIN IMMEDIATE already serialises writers): two desks changing its contacts at once take
        turns, so the second sees the first's primary contact instead of tripping over it."""
        f = s.get(Franchisee, franchisee_id, with_for_update=True)
        if f is None:
            raise NotFound()
        self.require(actor, Action.EDIT_FRANCHISEE, f.account_manager_id, s)
        if f.archived:
            raise ArchivedReadOnly()
        return f

    def _contact(self, s, actor: Actor, contact_id: int) -> Contact:
        """The contact to write, as it is once its franchisee is locked (another desk may have just committed
        a change to it, or deleted it, while this one waited)."""
        c = s.get(Contact, contact_id)
        if c is None:
            raise NotFound()
        self._franchisee(s, actor, c.franchisee_id)
        c = s.get(Contact, contact_id, populate_existing=True)
        if c is None:
            raise NotFound()
        return c

    @staticmethod
    def _clear_primary(s, franchisee_id: int, keep_id: int | None) -> None:
        """Only one primary contact: demote the others through the ORM so their versions move too."""
        others = s.scalars(
            select(Contact).where(
                Contact.franchisee_id == franchisee_id,
                Contact.is_primary.is_(True),
                Contact.id != (keep_id or 0),
            )
        )
        for other in others:
            other.is_primary = False
        s.flush()

    def list(self, actor: Actor, franchisee_id: int) -> list[ContactDTO]:
        self.require(actor, Action.VIEW_FRANCHISEES)
        with self.db.read() as s:
            rows = s.scalars(
                select(Contact)
                .where(Contact.franchisee_id == franchisee_id)
                .order_by(Contact.is_primary.desc(), Contact.id)
            )
            return [contact_dto(c) for c in rows]

    def add(
        self, actor: Actor, franchisee_id: int, data: ContactData, today: date | None = None
    ) -> ContactDTO:
        data = clean_contact(data)
        raise_if_invalid(validate_contact(data, today or date.today()))
        with self.db.write(actor.username) as s:
            self._franchisee(s, actor, franchisee_id)
            has_primary = s.scalar(
                select(Contact.id).where(Contact.franchisee_id == franchisee_id, Contact.is_primary.is_(True))
            )
            if data.is_primary:
                self._clear_primary(s, franchisee_id, None)
            c = Contact(franchisee_id=franchisee_id, updated_by=actor.username)
            ContactMapper.apply(c, data)
            c.is_primary = data.is_primary or not has_primary  # the first contact is the primary one
            s.add(c)
            s.flush()
            refresh_search_text(s, franchisee_id)
            dto = contact_dto(c)
            s.commit()
        return dto

    def update(
        self,
        actor: Actor,
        contact_id: int,
        version: int,
        data: ContactData,
        base: ContactData | None = None,
        overwrite: bool = False,
        today: date | None = None,
    ) -> ContactDTO:
        data = clean_contact(data)
        raise_if_invalid(validate_contact(data, today or date.today()))
        with self.db.write(actor.username) as s:
            c = self._contact(s, actor, contact_id)
            dto = contact_dto(c)
            if overwrite:
                self.require(actor, Action.OVERWRITE_CONFLICT, s=s)
            elif c.version != version:
                raise _conflict(c, dto, base, data)
            if data.is_primary and not c.is_primary:
                self._clear_primary(s, c.franchisee_id, c.id)
            ContactMapper.apply(c, data)
            if not data.is_primary and dto.data.is_primary:
                c.is_primary = True  # a franchisee keeps a primary contact: make another one primary instead
            else:
                c.is_primary = data.is_primary
            c.updated_by = actor.username
            self.flush_or_conflict(s, self._conflict_as_now(contact_id, base, data))
            refresh_search_text(s, c.franchisee_id)
            saved = contact_dto(c)
            s.commit()
        return saved

    def make_primary(self, actor: Actor, contact_id: int) -> ContactDTO:
        with self.db.write(actor.username) as s:
            c = self._contact(s, actor, contact_id)
            self._clear_primary(s, c.franchisee_id, c.id)
            c.is_primary = True
            c.updated_by = actor.username
            s.flush()
            dto = contact_dto(c)
            s.commit()
        return dto

    def delete(self, actor: Actor, contact_id: int, version: int) -> None:
        with self.db.write(actor.username) as s:
            c = self._contact(s, actor, contact_id)
            f = s.get(Franchisee, c.franchisee_id)
            if c.version != version:
                dto = contact_dto(c)
                raise _conflict(c, dto, None, dto.data)
            was_primary, as_loaded = c.is_primary, ContactMapper.data(c)
            s.delete(c)
            self.flush_or_conflict(s, self._conflict_as_now(contact_id, None, as_loaded))
            if was_primary:  # promote the oldest remaining contact
                nxt = s.scalar(
                    select(Contact).where(Contact.franchisee_id == f.id).order_by(Contact.id).limit(1)
                )
                if nxt is not None:
                    nxt.is_primary = True
                    s.flush()
            refresh_search_text(s, f.id)
            s.commit()


class StoreService(Service):
    @staticmethod
    def _conflict_as_now(store_id: int, base: StoreData | None, mine: StoreData):
        """The ConflictError for a save that lost a race, from the store as it is now (for flush_or_conflict)."""

        def conflict(s) -> ConflictError:
            st = s.get(Store, store_id)
            if st is None:
                raise NotFound()
            return _conflict(st, store_dto(st), base, mine)

        return conflict

    def list(self, actor: Actor, franchisee_id: int) -> list[StoreDTO]:
        self.require(actor, Action.VIEW_FRANCHISEES)
        with self.db.read() as s:
            rows = s.scalars(select(Store).where(Store.franchisee_id == franchisee_id).order_by(Store.id))
            return [store_dto(st) for st in rows]

    def _franchisee(self, s, actor: Actor, franchisee_id: int) -> Franchisee:
        f = s.get(Franchisee, franchisee_id, with_for_update=True)
        if f is None:
            raise NotFound()
        self.require(actor, Action.EDIT_FRANCHISEE, f.account_manager_id, s)
        if f.archived:
            raise ArchivedReadOnly()
        return f

    def add(self, actor: Actor, franchisee_id: int, data: StoreData, today: date | None = None) -> StoreDTO:
        data = clean_store(data)
        raise_if_invalid(validate_store(data, today or date.today()))
        with self.db.write(actor.username) as s:
            self._franchisee(s, actor, franchisee_id)
            st = Store(franchisee_id=franchisee_id, updated_by=actor.username, **StoreMapper.values(data))
            s.add(st)
            s.flush()
            dto = store_dto(st)
            s.commit()
        return dto

    def update(
        self,
        actor: Actor,
        store_id: int,
        version: int,
        data: StoreData,
        base: StoreData | None = None,
        overwrite: bool = False,
        today: date | None = None,
    ) -> StoreDTO:
        data = clean_store(data)
        raise_if_invalid(validate_store(data, today or date.today()))
        with self.db.write(actor.username) as s:
            st = s.get(Store, store_id)
            if st is None:
                raise NotFound()
            self._franchisee(s, actor, st.franchisee_id)
            dto = store_dto(st)
            if overwrite:
                self.require(actor, Action.OVERWRITE_CONFLICT, s=s)
            elif st.version != version:
                raise _conflict(st, dto, base, data)
            StoreMapper.apply(st, data)
            st.updated_by = actor.username
            self.flush_or_conflict(s, self._conflict_as_now(store_id, base, data))
            saved = store_dto(st)
            s.commit()
        return saved

    def delete(self, actor: Actor, store_id: int, version: int) -> None:
        with self.db.write(actor.username) as s:
            st = s.get(Store, store_id)
            if st is None:
                raise NotFound()
            self._franchisee(s, actor, st.franchisee_id)
            if st.version != version:
                dto = store_dto(st)
                raise _conflict(st, dto, None, dto.data)
            as_loaded = StoreMapper.data(st)
            s.delete(st)
            self.flush_or_conflict(s, self._conflict_as_now(store_id, None, as_loaded))
            s.commit()


__all__ = ["ContactService", "StoreService", "contact_dto", "store_dto"]
