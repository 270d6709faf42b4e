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
    anniversaries_between,
    check_range,
    renewal_shown,
    to_lunar,
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
        """Date, kind (in ``EventKind`` order), franchisee code, then contact and store for a stable order."""
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
        self, actor: Actor, start: date, end: date, manager_id: int | None = None
    ) -> list[VisitDue]: ...


def _franchisee_name(legal_name: str, brand: str) -> str:
    return brand or legal_name


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
            if EventKind.BIRTHDAY in wanted:
                events.extend(self._birthdays(s, start, end, manager_id))
            if EventKind.STORE_ANNIVERSARY in wanted:
                events.extend(self._store_anniversaries(s, start, end, manager_id))
            if EventKind.CONTRACT_RENEWAL in wanted:
                events.extend(self._renewals(s, start, end, manager_id, self.renewal_lead_days(s)))
        if EventKind.VISIT_DUE in wanted and self.visits is not None:
            events.extend(self._visits_due(actor, start, end, manager_id, today))
        events.sort(key=CalendarEvent.sort_key)
        return events

    # ----- the sources -------------------------------------------------------------------------------------
    @staticmethod
    def _scope(query, manager_id: int | None):
        query = query.where(Franchisee.archived.is_not(true()))
        if manager_id is not None:
            query = query.where(Franchisee.account_manager_id == manager_id)
        return query

    def _birthdays(self, s: Session, start: date, end: date, manager_id: int | None) -> list[CalendarEvent]:
        query = self._scope(
            select(
                Contact.birthday,
                Contact.birthday_lunar,
                Contact.id,
                Contact.name,
                Contact.honorific,
                Contact.gender,
                Franchisee.id,
                Franchisee.code,
                Franchisee.legal_name,
                Franchisee.store_brand_name,
                Franchisee.account_manager_id,
            )
            .join(Franchisee, Franchisee.id == Contact.franchisee_id)
            .where(Contact.birthday.is_not(None)),
            manager_id,
        )
        out = []
        birthday = EventKind.BIRTHDAY
        for born, lunar, cid, name, honorific, gender, fid, code, legal, brand, am in s.execute(query):
            lunar = bool(lunar)
            text = to_lunar(born).text.removeprefix("闰") if lunar else None
            for on, _years in anniversaries_between(born, lunar, start, end):
                out.append(
                    CalendarEvent(
                        on,
                        birthday,
                        "lunar" if lunar else "gregorian",
                        fid,
                        code,
                        _franchisee_name(legal, brand),
                        am,
                        cid,
                        name,
                        honorific,
                        gender,
                        None,
                        None,
                        None,
                        text,
                    )
                )
        return out

    def _store_anniversaries(
        self, s: Session, start: date, end: date, manager_id: int | None
    ) -> list[CalendarEvent]:
        query = self._scope(
            select(
                Store.opened_on,
                Store.id,
                Store.name,
                Franchisee.id,
                Franchisee.code,
                Franchisee.legal_name,
                Franchisee.store_brand_name,
                Franchisee.account_manager_id,
            )
            .join(Franchisee, Franchisee.id == Store.franchisee_id)
            .where(Store.opened_on.is_not(None), Store.status == StoreStatus.OPEN.value),
            manager_id,
        )
        out = []
        for opened, sid, name, fid, code, legal, brand, am in s.execute(query):
            for on, years in anniversaries_between(opened, False, start, end):
                out.append(
                    CalendarEvent(
                        on,
                        EventKind.STORE_ANNIVERSARY,
                        None,
                        fid,
                        code,
                        _franchisee_name(legal, brand),
                        am,
                        store_id=sid,
                        store_name=name,
                        years=years,
                    )
                )
        return out

    def _renewals(
        self, s: Session, start: date, end: date, manager_id: int | None, lead_days: int
    ) -> list[CalendarEvent]:
        query = self._scope(
            select(
                Franchisee.contract_end,
                Franchisee.id,
                Franchisee.code,
                Franchisee.legal_name,
                Franchisee.store_brand_name,
                Franchisee.account_manager_id,
            ).where(
                Franchisee.contract_end >= start,
                Franchisee.contract_end <= end + timedelta(days=lead_days),
                Franchisee.status != LifecycleStatus.TERMINATED.value,
            ),
            manager_id,
        )
        return [
            CalendarEvent(
                ends, EventKind.CONTRACT_RENEWAL, None, fid, code, _franchisee_name(legal, brand), am
            )
            for ends, fid, code, legal, brand, am in s.execute(query)
            if renewal_shown(ends, lead_days, start, end)
        ]

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
            for v in self.visits.due_visits(actor, start, end, manager_id=manager_id)
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
