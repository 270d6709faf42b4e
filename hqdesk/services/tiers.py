"""The configurable list of franchisee tiers (default A, B, C): admins add, rename, reorder and remove.

The settings dialog's tier editor stages its edits and writes them on OK with ``apply``: one transaction,
every tier checked against the version the admin saw, rights checked inside it. A conflict, a refusal or a
bad value on any tier writes none of them.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from sqlalchemy import func, select

from hqdesk.domain.errors import ConflictError, FieldError, NotFound
from hqdesk.domain.i18n import QT_TRANSLATE_NOOP
from hqdesk.domain.roles import Action, Actor
from hqdesk.domain.text import text_problem
from hqdesk.persistence.models import Franchisee, Tier
from hqdesk.services.base import Service, conflict_error, raise_if_invalid


@dataclass(frozen=True)
class TierDTO:
    code: str
    name: str
    sort_order: int
    version: int
    franchisees: int  # how many franchisees have this tier


@dataclass(frozen=True)
class TierChanges:
    """What an admin staged in the tier editor, against the list as loaded.

    ``seen``: code -> version of every tier as loaded; ``removed``: (code, version); ``renamed``:
    (code, version, new name); ``added``: (code, name); ``order``: the whole new order, when it is not
    simply the old one (less the removed) plus the added."""

    seen: Mapping[str, int] = field(default_factory=dict)
    removed: tuple[tuple[str, int], ...] = ()
    renamed: tuple[tuple[str, int, str], ...] = ()
    added: tuple[tuple[str, str], ...] = ()
    order: tuple[str, ...] | None = None

    def is_empty(self) -> bool:
        return not (self.removed or self.renamed or self.added or self.order)


def _check(code: str, name: str) -> list[FieldError]:
    errors = []
    if not code or len(code) > 10 or not code.replace("-", "").replace("_", "").isalnum():
        errors.append(
            FieldError("code", QT_TRANSLATE_NOOP("Validation", "A tier code has 1 to 10 letters or digits."))
        )
    if problem := text_problem(name):
        errors.append(FieldError("name", problem))
    if len(name) > 50:
        errors.append(
            FieldError("name", QT_TRANSLATE_NOOP("Validation", "At most {limit} characters."), {"limit": 50})
        )
    return errors


class TierService(Service):
    def list(self) -> list[TierDTO]:
        with self.db.read() as s:
            used = dict(s.execute(select(Franchisee.tier, func.count()).group_by(Franchisee.tier)).all())
            return [
                TierDTO(t.code, t.name, t.sort_order, t.version, used.get(t.code, 0))
                for t in s.scalars(select(Tier).order_by(Tier.sort_order, Tier.code))
            ]

    def apply(self, actor: Actor, changes: TierChanges) -> list[TierDTO]:
        """Write the staged ``changes`` all at once, or nothing: the removals, renames, additions and the new
        order in one transaction. Every tier the admin saw is checked against its version then (another
        admin's change since, to any of them, raises ConflictError); a tier still given to franchisees, a bad
        code or name, a duplicate code: ValidationError. Returns the list as saved."""
        added = [(code.strip().upper(), name.strip()) for code, name in changes.added]
        errors = [e for code, name in added for e in _check(code, name)]
        errors += [e for code, _v, name in changes.renamed for e in _check(code, name.strip())]
        raise_if_invalid(errors)
        with self.db.write(actor.username) as s:
            self.require(actor, Action.CONFIGURE_TIERS, s=s)
            tiers = {t.code: t for t in s.scalars(select(Tier).order_by(Tier.sort_order, Tier.code))}
            for code, seen in changes.seen.items():
                tier = tiers.get(code)
                if tier is None or tier.version != seen:  # changed or removed by another admin since
                    raise _latest_change(s, {}) if tier is None else _changed(tier, {})
            if changes.seen:
                for code, tier in tiers.items():
                    if code not in changes.seen:  # added by another admin since
                        raise _changed(tier, {})
            for code, version in changes.removed:
                tier = tiers.get(code)
                if tier is None:
                    raise NotFound()
                if tier.version != version:
                    raise _changed(tier, {})
                used = s.scalar(select(func.count()).select_from(Franchisee).where(Franchisee.tier == code))
                if used:
                    raise_if_invalid([_in_use(code, used)])
                s.delete(tiers.pop(code))
            s.flush()  # a code removed and added back is a new row
            for code, version, name in changes.renamed:
                tier = tiers.get(code)
                if tier is None:
                    raise NotFound()
                if tier.version != version:
                    raise _changed(tier, {"name": (tier.name, name)})
                if tier.name != (name.strip() or code):
                    tier.name = name.strip() or code
                    tier.updated_by = actor.username
            last = max((t.sort_order for t in tiers.values()), default=0)
            for i, (code, name) in enumerate(added, start=1):
                if code in tiers:
                    raise_if_invalid(
                        [
                            FieldError(
                                "code",
                                QT_TRANSLATE_NOOP("Validation", "The tier {code} exists already."),
                                {"code": code},
                            )
                        ]
                    )
                tiers[code] = Tier(
                    code=code, name=name or code, sort_order=last + i, updated_by=actor.username
                )
                s.add(tiers[code])
            if changes.order is not None:
                order = [c.strip().upper() for c in changes.order]
                if sorted(order) != sorted(tiers):
                    raise NotFound()
                for i, code in enumerate(order):
                    if tiers[code].sort_order != i:
                        tiers[code].sort_order = i
                        tiers[code].updated_by = actor.username
            self.flush_or_conflict(s, lambda fresh: _latest_change(fresh, {}))
            s.commit()
        return self.list()

    def add(self, actor: Actor, code: str, name: str = "") -> TierDTO:
        code, name = code.strip().upper(), name.strip()
        raise_if_invalid(_check(code, name))
        with self.db.write(actor.username) as s:
            self.require(actor, Action.CONFIGURE_TIERS, s=s)
            if s.get(Tier, code) is not None:
                raise_if_invalid(
                    [
                        FieldError(
                            "code",
                            QT_TRANSLATE_NOOP("Validation", "The tier {code} exists already."),
                            {"code": code},
                        )
                    ]
                )
            last = s.scalar(select(func.max(Tier.sort_order))) or 0
            tier = Tier(code=code, name=name or code, sort_order=last + 1, updated_by=actor.username)
            s.add(tier)
            s.flush()
            dto = TierDTO(tier.code, tier.name, tier.sort_order, tier.version, 0)
            s.commit()
        return dto

    def rename(self, actor: Actor, code: str, version: int, name: str) -> None:
        raise_if_invalid(_check(code, name.strip()))
        with self.db.write(actor.username) as s:
            self.require(actor, Action.CONFIGURE_TIERS, s=s)
            tier = s.get(Tier, code)
            if tier is None:
                raise NotFound()
            if tier.version != version:
                raise _changed(tier, {"name": (tier.name, name)})
            tier.name = name.strip() or code
            tier.updated_by = actor.username
            self.flush_or_conflict(s, lambda fresh: _latest_change(fresh, {"name": (tier.name, name)}))
            s.commit()

    def reorder(self, actor: Actor, codes: list[str], versions: Mapping[str, int] | None = None) -> None:
        """Put the tiers in this order. ``versions`` (code -> version as the caller saw them): refused
        with a ConflictError if another admin has changed a tier since, instead of undoing their change."""
        with self.db.write(actor.username) as s:
            self.require(actor, Action.CONFIGURE_TIERS, s=s)
            tiers = {t.code: t for t in s.scalars(select(Tier))}
            if set(codes) != set(tiers):
                raise NotFound()
            for code, seen in (versions or {}).items():
                if tiers[code].version != seen:
                    raise _changed(tiers[code], {})
            for i, code in enumerate(codes):
                if tiers[code].sort_order != i:
                    tiers[code].sort_order = i
                    tiers[code].updated_by = actor.username
            self.flush_or_conflict(s, lambda fresh: _latest_change(fresh, {}))
            s.commit()

    def remove(self, actor: Actor, code: str, version: int | None = None) -> None:
        """Remove an unused tier; a tier that franchisees still have is refused (nothing is lost), and so is
        one another admin has changed since the caller saw it at ``version``."""
        with self.db.write(actor.username) as s:
            self.require(actor, Action.CONFIGURE_TIERS, s=s)
            tier = s.get(Tier, code)
            if tier is None:
                raise NotFound()
            if version is not None and tier.version != version:
                raise _changed(tier, {})
            used = s.scalar(select(func.count()).select_from(Franchisee).where(Franchisee.tier == code))
            if used:
                raise_if_invalid([_in_use(code, used)])
            s.delete(tier)
            s.commit()


def _in_use(code: str, used: int) -> FieldError:
    return FieldError(
        "code",
        QT_TRANSLATE_NOOP(
            "Validation", "{n} franchisees have the tier {code}; give them another tier first."
        ),
        {"n": used, "code": code},
    )


def _changed(tier: Tier, changes: dict) -> ConflictError:
    return conflict_error(None, changes, tier)


def _latest_change(s, changes: dict) -> ConflictError:
    """After a lost race on the tier list: the conflict naming the admin who changed it last."""
    return _changed(s.scalars(select(Tier).order_by(Tier.updated_at.desc()).limit(1)).one(), changes)
