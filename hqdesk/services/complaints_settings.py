"""Complaints settings: the category tree and the severity times, and the readers they share with the
workflow and the queue (see ``hqdesk.services.complaints``)."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from hqdesk.domain.complaints import (
    DEFAULT_SLA,
    Severity,
    SlaTimes,
    category_name_problems,
    sla_problems,
)
from hqdesk.domain.errors import FieldError, NotFound
from hqdesk.domain.i18n import QT_TRANSLATE_NOOP
from hqdesk.domain.roles import Action, Actor
from hqdesk.persistence.models import User
from hqdesk.persistence.models_complaints import Complaint, ComplaintCategory, ComplaintSla
from hqdesk.services.base import Service, conflict_error, raise_if_invalid
from hqdesk.services.complaints_dto import (
    HANDLER_ROLES,
    CategoryDTO,
    Person,
    SlaDTO,
)


class ComplaintSettings(Service):
    """ComplaintService's settings: the category tree and the severity times."""

    # ----- settings: categories and times ------------------------------------------------------------------
    def categories(self, include_inactive: bool = True) -> list[CategoryDTO]:
        with self.db.read() as s:
            return [c for c in _categories(s, usage=True) if include_inactive or c.active]

    def add_category(self, actor: Actor, parent_id: int | None, name: str) -> CategoryDTO:
        name = name.strip()
        raise_if_invalid(category_name_problems(name))
        with self.db.write(actor.username) as s:
            self.require(actor, Action.CONFIGURE_COMPLAINTS, s=s)
            if parent_id is not None and s.get(ComplaintCategory, parent_id) is None:
                raise NotFound()
            self._unique_name(s, parent_id, name, None)
            last = s.scalar(select(func.max(ComplaintCategory.sort_order)).where(_same_parent(parent_id)))
            row = ComplaintCategory(
                parent_id=parent_id,
                name=name,
                active=True,
                sort_order=(last if last is not None else -1) + 1,
                updated_by=actor.username,
            )
            s.add(row)
            s.flush()
            new_id = row.id
            s.commit()
        return next(c for c in self.categories() if c.id == new_id)

    def rename_category(self, actor: Actor, category_id: int, version: int, name: str) -> None:
        name = name.strip()
        raise_if_invalid(category_name_problems(name))
        with self.db.write(actor.username) as s:
            self.require(actor, Action.CONFIGURE_COMPLAINTS, s=s)
            row = self._category(s, category_id, version)
            self._unique_name(s, row.parent_id, name, row.id)
            row.name = name
            row.updated_by = actor.username
            self.flush_or_conflict(
                s, lambda fresh: conflict_error(None, {}, fresh.get(ComplaintCategory, category_id))
            )
            s.commit()

    def set_category_active(self, actor: Actor, category_id: int, version: int, active: bool) -> None:
        """Deactivate (no new complaints under it or its sub-categories; old ones keep it) or activate again.
        Categories are never deleted."""
        with self.db.write(actor.username) as s:
            self.require(actor, Action.CONFIGURE_COMPLAINTS, s=s)
            row = self._category(s, category_id, version)
            row.active = active
            row.updated_by = actor.username
            self.flush_or_conflict(
                s, lambda fresh: conflict_error(None, {}, fresh.get(ComplaintCategory, category_id))
            )
            s.commit()

    def sla(self) -> list[SlaDTO]:
        with self.db.read() as s:
            return _sla(s)

    def set_sla(self, actor: Actor, times: dict[Severity, SlaTimes], versions: dict[Severity, int]) -> None:
        """New response/resolution times; they apply to complaints logged from now on."""
        raise_if_invalid(sla_problems(times))
        with self.db.write(actor.username) as s:
            self.require(actor, Action.CONFIGURE_COMPLAINTS, s=s)
            rows = {r.severity: r for r in s.scalars(select(ComplaintSla))}
            for severity, t in times.items():
                row = rows.get(int(severity))
                if row is None:
                    row = ComplaintSla(severity=int(severity), response_hours=0, resolution_hours=0)
                    s.add(row)
                elif severity in versions and row.version != versions[severity]:
                    raise conflict_error(None, {}, row)
                if (row.response_hours, row.resolution_hours) != (t.response_hours, t.resolution_hours):
                    row.response_hours, row.resolution_hours = t.response_hours, t.resolution_hours
                    row.updated_by = actor.username
            self.flush_or_conflict(
                s,
                lambda fresh: conflict_error(
                    None,
                    {},
                    fresh.scalars(select(ComplaintSla).order_by(ComplaintSla.updated_at.desc())).first(),
                ),
            )
            s.commit()

    def _category(self, s: Session, category_id: int, version: int) -> ComplaintCategory:
        row = s.get(ComplaintCategory, category_id)
        if row is None:
            raise NotFound()
        if row.version != version:
            raise conflict_error(None, {}, row)
        return row

    @staticmethod
    def _unique_name(s: Session, parent_id: int | None, name: str, own_id: int | None) -> None:
        clash = s.scalar(
            select(ComplaintCategory.id).where(
                _same_parent(parent_id),
                func.lower(ComplaintCategory.name) == name.lower(),
                ComplaintCategory.id != (own_id or 0),
            )
        )
        if clash is not None:
            raise_if_invalid(
                [
                    FieldError(
                        "name",
                        QT_TRANSLATE_NOOP("Validation", "There is a category {name} here already."),
                        {"name": name},
                    )
                ]
            )


def _same_parent(parent_id: int | None):
    return (
        ComplaintCategory.parent_id.is_(None)
        if parent_id is None
        else ComplaintCategory.parent_id == parent_id
    )


def _categories(s: Session, usage: bool = False) -> list[CategoryDTO]:
    """Every category in tree order (parents before their children, siblings by sort order); ``usage``: with
    the number of complaints filed under each (a GROUP BY over all complaints: the settings page only)."""
    rows = list(
        s.scalars(select(ComplaintCategory).order_by(ComplaintCategory.sort_order, ComplaintCategory.id))
    )
    used = (
        dict(s.execute(select(Complaint.category_id, func.count()).group_by(Complaint.category_id)).all())
        if usage
        else {}
    )
    children: dict[int | None, list[ComplaintCategory]] = {}
    for r in rows:
        children.setdefault(r.parent_id, []).append(r)
    out: list[CategoryDTO] = []

    def walk(parent: int | None, prefix: str, active: bool) -> None:
        for r in children.get(parent, []):
            path = f"{prefix} › {r.name}" if prefix else r.name
            out.append(
                CategoryDTO(
                    r.id,
                    r.parent_id,
                    r.name,
                    r.active and active,
                    r.sort_order,
                    r.version,
                    path,
                    used.get(r.id, 0),
                )
            )
            walk(r.id, path, r.active and active)

    walk(None, "", True)
    return out


def _subtree(s: Session, category_id: int) -> list[int]:
    cats = _categories(s)
    ids, frontier = {category_id}, {category_id}
    while frontier:
        frontier = {c.id for c in cats if c.parent_id in frontier} - ids
        ids |= frontier
    return sorted(ids)


def _active_path(s: Session, cat: ComplaintCategory) -> bool:
    while cat is not None:
        if not cat.active:
            return False
        cat = s.get(ComplaintCategory, cat.parent_id) if cat.parent_id else None
    return True


def _sla(s: Session) -> list[SlaDTO]:
    rows = {r.severity: r for r in s.scalars(select(ComplaintSla))}
    out = []
    for sev in Severity:
        r = rows.get(int(sev))
        t = DEFAULT_SLA[sev]
        out.append(
            SlaDTO(sev, r.response_hours, r.resolution_hours, r.version)
            if r
            else SlaDTO(sev, t.response_hours, t.resolution_hours, 0)
        )
    return out


def _sla_times(s: Session, severity: Severity) -> SlaTimes:
    r = s.scalar(select(ComplaintSla).where(ComplaintSla.severity == int(severity)))
    return SlaTimes(r.response_hours, r.resolution_hours) if r else DEFAULT_SLA[Severity(severity)]


def _people(s: Session) -> Iterable[Person]:
    return [Person(*r) for r in s.execute(select(User.id, User.username, User.display_name))]


def _assignees(s: Session) -> list[Person]:
    return [
        Person(*r)
        for r in s.execute(
            select(User.id, User.username, User.display_name)
            .where(User.active.is_(True), User.role.in_([r.value for r in HANDLER_ROLES]))
            .order_by(User.username)
        )
    ]
