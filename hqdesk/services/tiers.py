"""The configurable list of franchisee tiers (default A, B, C): admins add, rename, reorder and remove."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

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
                raise_if_invalid(
                    [
                        FieldError(
                            "code",
                            QT_TRANSLATE_NOOP(
                                "Validation",
                                "{n} franchisees have the tier {code}; give them another tier first.",
                            ),
                            {"n": used, "code": code},
                        )
                    ]
                )
            s.delete(tier)
            s.commit()


def _changed(tier: Tier, changes: dict) -> ConflictError:
    return conflict_error(None, changes, tier)


def _latest_change(s, changes: dict) -> ConflictError:
    """After a lost race on the tier list: the conflict naming the admin who changed it last."""
    return _changed(s.scalars(select(Tier).order_by(Tier.updated_at.desc()).limit(1)).one(), changes)
