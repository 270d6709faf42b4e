"""What a write changed, said after it happens (Anki's ``OpChanges``): each page and tab reloads on the kinds
of change it shows, and ignores the rest.

One vocabulary of entity kinds for the whole app. It is not the SQL table names: a kind is what a user
edits (a status change is part of a franchisee's history, a tier is a setting), and a later capability adds
its own kinds here (visits, complaints, credit profiles, ledger documents...).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum


class Entity(StrEnum):
    FRANCHISEE = "franchisee"  # the profile itself (fields, manager, archived flag)
    STATUS = "status"  # a lifecycle status change of a franchisee
    CONTACT = "contact"  # a contact of a franchisee (and its anniversaries)
    STORE = "store"  # a store of a franchisee
    TIER = "tier"  # the tier list (Settings > Company)
    USER = "user"  # user accounts: names, roles, active flags
    COMPANY = "company"  # the company letterhead
    SETTING = "setting"  # a company setting (company_settings)
    CREDIT_POLICY = "credit_policy"  # the company credit policy, collection policies, dunning levels
    CREDIT_PROFILE = "credit_profile"  # a franchisee's credit profile (and its proposals)
    LEDGER = "ledger"  # ledger documents and their allocations
    DUNNING = "dunning"  # the dunning to-do list
    VISIT = "visit"  # a visit of a franchisee and its suggestions (their follow-up status too)
    VISIT_PLAN = "visit_plan"  # the visit cadences: per tier (Settings) and a franchisee's own
    COMPLAINT = "complaint"  # a complaint: intake, transitions, comments (its timeline)
    COMPLAINT_SETTINGS = "complaint_settings"  # complaint categories and severity times (Settings)
    LETTER_TEMPLATE = "letter_template"  # the shared letter templates (Settings)
    LETTER = "letter"  # a franchisee's letter history (a batch of letters was generated)


@dataclass(frozen=True)
class Changes:
    """One write's changes.

    ``entities``: the kinds that changed. ``ids``: the changed rows' ids (empty: many, or not known).
    ``franchisee_ids``: the franchisees whose data changed (a contact's franchisee, say; empty: many or none).
    ``origin``: the object that made the change, so that it can skip reloading what it already shows.
    """

    entities: frozenset[Entity]
    ids: frozenset[int] = frozenset()
    franchisee_ids: frozenset[int] = frozenset()
    origin: object | None = None

    @classmethod
    def of(
        cls,
        entity: Entity | Iterable[Entity],
        ids: Iterable[int] = (),
        franchisee_ids: Iterable[int] = (),
        origin: object | None = None,
    ) -> Changes:
        entities = frozenset([entity]) if isinstance(entity, Entity) else frozenset(entity)
        return cls(
            entities, frozenset(i for i in ids if i), frozenset(i for i in franchisee_ids if i), origin
        )

    def touches(self, *entities: Entity) -> bool:
        """Whether any of ``entities`` changed."""
        return not self.entities.isdisjoint(entities)

    def touches_franchisee(self, franchisee_id: int) -> bool:
        """Whether this change may concern the franchisee ``franchisee_id`` (unknown counts as yes)."""
        if not self.franchisee_ids and not (Entity.FRANCHISEE in self.entities and self.ids):
            return True
        return franchisee_id in self.franchisee_ids or (
            Entity.FRANCHISEE in self.entities and franchisee_id in self.ids
        )


__all__ = ["Entity", "Changes"]
