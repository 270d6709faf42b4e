"""The relationship calendar: the events the app derives for a date range (festivals, contact birthdays,
store-opening anniversaries, contract renewals, visits due), for one account manager or for everyone.

One query per source reads only the columns the events need; the dates are worked out in Python from the
domain's rules (``hqdesk.domain.calendar``, ``hqdesk.domain.festivals``), whose lunar conversions come from a
cached month table. Archived franchisees have no events.

Visits due come from the visits module's ``VisitService.due_visits(actor, start, end, manager_id=None)``
(``VisitDueSource`` below); until the application hands one to ``CalendarService`` (the one wiring point is
``hqdesk.services.bootstrap.open_services``), the calendar simply has no visit_due events.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta
from typing import Any, NamedTuple, Protocol

from sqlalchemy import select, true
from sqlalchemy.orm import Session

from hqdesk.domain.calendar import (
    DEFAULT_RENEWAL_LEAD_DAYS,
    EventKind,
    check_range,
    gregorian_anniversary,
    lunar_day,
    lunar_of,
    lunar_text,
    renewal_shown,
)
from hqdesk.domain.contact import StoreStatus
from hqdesk.domain.errors import FieldError, ValidationError
from hqdesk.domain.festivals import Festival, festivals_between
from hqdesk.domain.franchisee import LifecycleStatus
from hqdesk.domain.i18n import ENUMS, QT_TRANSLATE_NOOP, Translate, english, fill
from hqdesk.domain.roles import Action, Actor
from hqdesk.persistence.models import Contact, Franchisee, Store
from hqdesk.persistence.models_credit import CompanySetting
from hqdesk.services.base import Service
from hqdesk.services.company_settings import CompanySettingsService

CALENDAR = "Calendar"
RENEWAL_LEAD_KEY = "calendar.renewal_lead_days"
"""The company setting (``company_settings``) holding the contract-renewal lead time in days."""
MAX_RENEWAL_LEAD_DAYS = 365

_TITLES = {
    "birthday": QT_TRANSLATE_NOOP("Calendar", "Birthday of {contact}"),
    "lunar_birthday": QT_TRANSLATE_NOOP("Calendar", "Lunar birthday of {contact} ({lunar})"),
    "first_anniversary": QT_TRANSLATE_NOOP("Calendar", "{store}: first anniversary of opening"),
    "anniversary": QT_TRANSLATE_NOOP("Calendar", "{store}: {years} years since opening"),
    "renewal": QT_TRANSLATE_NOOP("Calendar", "Contract of {franchisee} ends"),
    "visit_due": QT_TRANSLATE_NOOP("Calendar", "Visit due: {franchisee}"),
    "visit_overdue": QT_TRANSLATE_NOOP("Calendar", "Visit overdue: {franchisee}"),
}

BIRTHDAY_KEYS = ("gregorian", "lunar")
"""The ``key`` of a birthday event: which calendar the contact celebrates by."""
VISIT_KEYS = ("due", "overdue")
"""The ``key`` of a visit_due event: still due, or already overdue."""


class CalendarEvent(NamedTuple):
    """One event, with everything a letter about it needs.

    ``key``: festivals: the ``Festival`` value; birthdays: ``gregorian`` or ``lunar``; visits due: ``due`` or
    ``overdue``; store anniversaries and contract renewals: None. ``years``: store anniversaries (years since
    opening), else None. ``lunar``: a lunar birthday's lunar month and day (八月十五), else None.
    ``date`` is the day itself (a renewal: the contract's end date; a visit: its due date). A NamedTuple, not
    a dataclass: a year's agenda for everyone holds tens of thousands of them.
    """

    date: date
    kind: EventKind
    key: str | None = None
    franchisee_id: int | None = None
    franchisee_code: str | None = None
    franchisee_name: str | None = None
    account_manager_id: int | None = None
    contact_id: int | None = None
    contact_name: str | None = None
    contact_honorific: str = ""
    contact_gender: str = ""
    store_id: int | None = None
    store_name: str | None = None
    years: int | None = None
    lunar: str | None = None

    def sort_key(self) -> tuple:
        """Date, kind (in ``EventKind`` order), franchisee code, then key, contact and store (the service's
        order; it sorts by the first three and reads contacts and stores by id)."""
        return (
            self.date,
            self.kind.rank,
            self.franchisee_code or "",
            self.key or "",
            self.contact_id or 0,
            self.store_id or 0,
        )

    def title(self, translate: Translate = english) -> str:
        """What the event is, in one line of the caller's language."""
        kind = self.kind
        if kind == EventKind.FESTIVAL:
            return translate(ENUMS, Festival(self.key).label)
        params: dict[str, Any] = {
            "contact": self.contact_name,
            "store": self.store_name,
            "franchisee": self.franchisee_name,
            "years": self.years,
            "lunar": self.lunar,
        }
        if kind == EventKind.BIRTHDAY:
            template = _TITLES["lunar_birthday" if self.key == "lunar" else "birthday"]
        elif kind == EventKind.STORE_ANNIVERSARY:
            template = _TITLES["first_anniversary" if self.years == 1 else "anniversary"]
        elif kind == EventKind.CONTRACT_RENEWAL:
            template = _TITLES["renewal"]
        else:
            template = _TITLES["visit_overdue" if self.key == "overdue" else "visit_due"]
        return fill(translate, CALENDAR, template, params)

    def as_json(self, translate: Translate = english) -> dict[str, Any]:
        """The command line's contract: date, kind, key, title, franchisee (code), contact (name), years."""
        return {
            "date": self.date.isoformat(),
            "kind": self.kind.value,
            "key": self.key,
            "title": self.title(translate),
            "franchisee": self.franchisee_code,
            "contact": self.contact_name,
            "years": self.years,
        }


JSON_FIELDS = ("date", "kind", "key", "title", "franchisee", "contact", "years")
"""The fields of ``CalendarEvent.as_json``, in order (the CSV columns)."""


class VisitDue(Protocol):
    """What the visits module's ``VisitService.due_visits`` returns for each franchisee (its ``VisitDue``)."""

    franchisee_id: int
    franchisee_code: str
    franchisee_name: str
    account_manager_id: int | None
    due_date: date
    last_visit_on: date | None
    overdue: bool


class VisitDueSource(Protocol):
    """The visits module's ``VisitService`` as the calendar uses it."""

    def due_visits(
        self, actor: Actor, start: date, end: date, manager_id: int | None = None, today: date | None = None
    ) -> list[VisitDue]: ...


def _franchisee_name(legal_name: str, brand: str) -> str:
    return brand or legal_name


_KIND_RANK = {kind: kind.rank for kind in EventKind}


class _Occurrences:
    """The celebrations of each (month, day) in ``start``..``end``, worked out once per call: 20,000 birthdays
    share 366 Gregorian and about 355 lunar month-and-days. ``first_year`` drops the day itself and
    anything before it (an anniversary is 1 year or more)."""

    def __init__(self, start: date, end: date) -> None:
        self.start, self.end = start, end
        self.by_month_day: dict[tuple[int, int], list[date]] = {}  # Gregorian
        self._lunar: dict[tuple[int, int], list[tuple[date, int]]] = {}

    def gregorian(self, month: int, day: int, first_year: int) -> list[date]:
        found = self.by_month_day.get((month, day))
        if found is None:
            model = date(2000, month, day)  # a leap year: 29 February exists
            found = self.by_month_day[(month, day)] = [
                on
                for year in range(self.start.year, self.end.year + 1)
                if self.start <= (on := gregorian_anniversary(model, year)) <= self.end
            ]
        if found and found[0].year <= first_year:
            return [on for on in found if on.year > first_year]
        return found

    def lunar(self, month: int, day: int, first_lunar_year: int) -> list[date]:
        found = self._lunar.get((month, day))
        if found is None:
            found = self._lunar[(month, day)] = [
                (on, year)
                for year in range(self.start.year - 1, self.end.year + 1)
                if self.start <= (on := lunar_day(year, month, day)) <= self.end
            ]
        return [on for on, year in found if year > first_lunar_year]


class CalendarService(Service):
    """``events(actor, start, end, kinds=None, mine=False)``: the calendar of a date range."""

    def __init__(self, db, visits: VisitDueSource | None = None) -> None:
        super().__init__(db)
        self.visits = visits

    def renewal_lead_days(self, s: Session | None = None) -> int:
        """How many days before a contract ends its renewal is shown: the company setting
        ``calendar.renewal_lead_days``, else ``DEFAULT_RENEWAL_LEAD_DAYS``."""
        return self.renewal_lead_setting(s)[0]

    def renewal_lead_setting(self, s: Session | None = None) -> tuple[int, int | None]:
        """The lead time and the setting's version (None: never set) for ``set_renewal_lead_days``."""
        if s is None:
            with self.db.read() as fresh:
                return self.renewal_lead_setting(fresh)
        row = s.execute(
            select(CompanySetting.value, CompanySetting.version).where(CompanySetting.key == RENEWAL_LEAD_KEY)
        ).first()
        if row is None:
            return DEFAULT_RENEWAL_LEAD_DAYS, None
        try:
            days = int(row.value)
        except ValueError:
            days = DEFAULT_RENEWAL_LEAD_DAYS
        return (days if 0 <= days <= MAX_RENEWAL_LEAD_DAYS else DEFAULT_RENEWAL_LEAD_DAYS), row.version

    def set_renewal_lead_days(self, actor: Actor, days: int, version: int | None) -> int:
        """Change the lead time (administrators: ``EDIT_COMPANY_SETTINGS``); ``version`` from
        ``renewal_lead_setting`` (another user's change in between raises ConflictError). Returns the new
        version."""
        if not 0 <= days <= MAX_RENEWAL_LEAD_DAYS:
            raise ValidationError(
                [
                    FieldError(
                        "renewal_lead_days",
                        QT_TRANSLATE_NOOP("Validation", "Enter a number of days from 0 to {most}."),
                        {"most": MAX_RENEWAL_LEAD_DAYS},
                    )
                ]
            )
        return CompanySettingsService(self.db).put(actor, RENEWAL_LEAD_KEY, str(days), version)

    def events(
        self,
        actor: Actor,
        start: date,
        end: date,
        kinds: Iterable[EventKind] | None = None,
        mine: bool = False,
        today: date | None = None,
    ) -> list[CalendarEvent]:
        """The events from ``start`` to ``end`` inclusive, sorted (``CalendarEvent.sort_key``).

        ``kinds``: only these (None: all). ``mine``: only the franchisees whose account manager is ``actor``
        (festivals are everyone's). ``today``: for visits, whose overdue ones are listed while the range
        covers today. Raises CalendarRangeRefused for a reversed range or one longer than three years.
        """
        check_range(start, end)
        wanted = set(EventKind) if kinds is None else set(kinds)
        today = today or date.today()
        events: list[CalendarEvent] = []
        if EventKind.FESTIVAL in wanted:
            events.extend(
                CalendarEvent(d, EventKind.FESTIVAL, f.value) for d, f in festivals_between(start, end)
            )
        manager_id = actor.user_id if mine else None
        with self.db.read() as s:
            self.require(actor, Action.VIEW_FRANCHISEES, s=s)
            if wanted & {EventKind.BIRTHDAY, EventKind.STORE_ANNIVERSARY, EventKind.CONTRACT_RENEWAL}:
                franchisees = self._franchisees(s, manager_id)
                if EventKind.BIRTHDAY in wanted:
                    events.extend(self._birthdays(s, start, end, franchisees, manager_id))
                if EventKind.STORE_ANNIVERSARY in wanted:
                    events.extend(self._store_anniversaries(s, start, end, franchisees, manager_id))
                if EventKind.CONTRACT_RENEWAL in wanted:
                    lead = self.renewal_lead_days(s)
                    events.extend(self._renewals(s, start, end, franchisees, manager_id, lead))
        if EventKind.VISIT_DUE in wanted and self.visits is not None:
            events.extend(self._visits_due(actor, start, end, manager_id, today))
        # date, kind, franchisee code; the sources read contacts and stores by id, and the sort is stable
        rank = _KIND_RANK
        events.sort(key=lambda e: (e[0], rank[e[1]], e[4] or ""))
        return events

    # ----- the sources -------------------------------------------------------------------------------------
    # A year's agenda for everyone is about 25,000 events from 20,000 contacts and 8,000 stores: each source
    # reads only its columns, without joining the franchisee's (the franchisees in scope are read once), and
    # the dates of each month-and-day are worked out once per call, not once per contact. The statements run
    # on the session's connection (Core rows): the ORM's row loading cost about a third of the call.

    @staticmethod
    def _in_scope(manager_id: int | None):
        """The ids of the franchisees in scope, as a subquery (archived ones are never in scope)."""
        query = select(Franchisee.id).where(Franchisee.archived.is_not(true()))
        if manager_id is not None:
            query = query.where(Franchisee.account_manager_id == manager_id)
        return query

    def _franchisees(self, s: Session, manager_id: int | None) -> dict[int, tuple[str, str, int | None]]:
        """id -> (code, name, account manager) of the franchisees in scope."""
        query = select(
            Franchisee.id,
            Franchisee.code,
            Franchisee.legal_name,
            Franchisee.store_brand_name,
            Franchisee.account_manager_id,
        ).where(Franchisee.archived.is_not(true()))
        if manager_id is not None:
            query = query.where(Franchisee.account_manager_id == manager_id)
        return {
            fid: (code, brand or legal, am) for fid, code, legal, brand, am in s.connection().execute(query)
        }

    def _birthdays(
        self, s: Session, start: date, end: date, franchisees: dict, manager_id: int | None
    ) -> list[CalendarEvent]:
        query = (
            select(
                Contact.franchisee_id,
                Contact.birthday,
                Contact.birthday_lunar,
                Contact.id,
                Contact.name,
                Contact.honorific,
                Contact.gender,
            )
            .where(Contact.birthday.is_not(None))
            .order_by(Contact.id)
        )
        if manager_id is not None:
            query = query.where(Contact.franchisee_id.in_(self._in_scope(manager_id)))
        out: list[CalendarEvent] = []
        add = out.append
        new = tuple.__new__
        birthday = EventKind.BIRTHDAY
        occurrences = _Occurrences(start, end)
        gregorian = occurrences.by_month_day  # the common case, looked up inline
        for fid, born, lunar, cid, name, honorific, gender in s.connection().execute(query):
            f = franchisees.get(fid)
            if f is None:  # archived
                continue
            if lunar:
                month, day = lunar_of(born)
                found = occurrences.lunar(month.month, day, month.year)
                key, text = "lunar", lunar_text(month.month, day)
            else:
                found = gregorian.get((born.month, born.day))
                if found is None or (found and found[0].year <= born.year):
                    found = occurrences.gregorian(born.month, born.day, born.year)
                key, text = "gregorian", None
            for on in found:
                add(
                    new(
                        CalendarEvent,
                        (
                            on,
                            birthday,
                            key,
                            fid,
                            f[0],
                            f[1],
                            f[2],
                            cid,
                            name,
                            honorific,
                            gender,
                            None,
                            None,
                            None,
                            text,
                        ),
                    )
                )
        return out

    def _store_anniversaries(
        self, s: Session, start: date, end: date, franchisees: dict, manager_id: int | None
    ) -> list[CalendarEvent]:
        query = (
            select(Store.franchisee_id, Store.opened_on, Store.id, Store.name)
            .where(Store.opened_on.is_not(None), Store.status == StoreStatus.OPEN.value)
            .order_by(Store.id)
        )
        if manager_id is not None:
            query = query.where(Store.franchisee_id.in_(self._in_scope(manager_id)))
        out: list[CalendarEvent] = []
        add = out.append
        new = tuple.__new__
        kind = EventKind.STORE_ANNIVERSARY
        occurrences = _Occurrences(start, end)
        for fid, opened, sid, name in s.connection().execute(query):
            f = franchisees.get(fid)
            if f is None:
                continue
            for on in occurrences.gregorian(opened.month, opened.day, opened.year):
                years = on.year - opened.year
                add(
                    new(
                        CalendarEvent,
                        (on, kind, None, fid, f[0], f[1], f[2], None, None, "", "", sid, name, years, None),
                    )
                )
        return out

    def _renewals(
        self, s: Session, start: date, end: date, franchisees: dict, manager_id: int | None, lead_days: int
    ) -> list[CalendarEvent]:
        query = select(Franchisee.contract_end, Franchisee.id).where(
            Franchisee.contract_end >= start,
            Franchisee.contract_end <= end + timedelta(days=lead_days),
            Franchisee.status != LifecycleStatus.TERMINATED.value,
            Franchisee.archived.is_not(true()),
        )
        if manager_id is not None:
            query = query.where(Franchisee.account_manager_id == manager_id)
        out = []
        for ends, fid in s.connection().execute(query):
            f = franchisees.get(fid)
            if f is not None and renewal_shown(ends, lead_days, start, end):
                out.append(CalendarEvent(ends, EventKind.CONTRACT_RENEWAL, None, fid, f[0], f[1], f[2]))
        return out

    def _visits_due(
        self, actor: Actor, start: date, end: date, manager_id: int | None, today: date
    ) -> list[CalendarEvent]:
        assert self.visits is not None
        covers_today = start <= today <= end
        return [
            CalendarEvent(
                v.due_date,
                EventKind.VISIT_DUE,
                "overdue" if v.overdue else "due",
                v.franchisee_id,
                v.franchisee_code,
                v.franchisee_name,
                v.account_manager_id,
            )
            for v in self.visits.due_visits(actor, start, end, manager_id=manager_id, today=today)
            if (start <= v.due_date <= end or (v.overdue and covers_today))
            and (manager_id is None or v.account_manager_id == manager_id)
        ]


__all__ = [
    "CalendarService",
    "RENEWAL_LEAD_KEY",
    "MAX_RENEWAL_LEAD_DAYS",
    "CalendarEvent",
    "JSON_FIELDS",
    "VisitDue",
    "VisitDueSource",
    "BIRTHDAY_KEYS",
    "VISIT_KEYS",
]
