"""Visit rows <-> ``hqdesk.domain.visits.VisitData``: the only place that maps them (the service, the demo
builder and the tests call it)."""

from __future__ import annotations

from hqdesk.domain.visits import SuggestionData, SuggestionStatus, VisitData, VisitKind, VisitPurpose
from hqdesk.persistence.models_visits import Visit, VisitSuggestion


class VisitMapper:
    """Row <-> VisitData (the service, the demo builder and the tests call it)."""

    @staticmethod
    def data(v: Visit) -> VisitData:
        return VisitData(
            visited_on=v.visited_on,
            kind=VisitKind(v.kind),
            purpose=VisitPurpose(v.purpose),
            hq_user_id=v.hq_user_id,
            hq_others=v.hq_others,
            met_with=v.met_with,
            notes=v.notes,
            outcome=v.outcome,
            next_follow_up_on=v.next_follow_up_on,
            suggestions=tuple(
                SuggestionData(s.text, SuggestionStatus(s.status), s.response, s.id) for s in v.suggestions
            ),
        )

    @staticmethod
    def values(data: VisitData) -> dict:
        """The visit's own columns (not its suggestions)."""
        return {
            "visited_on": data.visited_on,
            "kind": data.kind.value,
            "purpose": data.purpose.value,
            "hq_user_id": data.hq_user_id,
            "hq_others": data.hq_others,
            "met_with": data.met_with,
            "notes": data.notes,
            "outcome": data.outcome,
            "next_follow_up_on": data.next_follow_up_on,
        }

    @staticmethod
    def apply(v: Visit, data: VisitData, username: str) -> None:
        """The visit's columns and its suggestions: kept ones updated (by id), missing ones removed, new added."""
        for name, value in VisitMapper.values(data).items():
            if getattr(v, name) != value:
                setattr(v, name, value)
        existing = {s.id: s for s in v.suggestions}
        wanted = {s.id for s in data.suggestions if s.id is not None}
        for sid, row in existing.items():
            if sid not in wanted:
                v.suggestions.remove(row)
        for s in data.suggestions:
            row = existing.get(s.id) if s.id is not None else None
            if row is None:
                v.suggestions.append(
                    VisitSuggestion(
                        franchisee_id=v.franchisee_id,
                        text=s.text,
                        status=s.status.value,
                        response=s.response,
                        updated_by=username,
                    )
                )
                continue
            changed = False
            for name, value in (("text", s.text), ("status", s.status.value), ("response", s.response)):
                if getattr(row, name) != value:
                    setattr(row, name, value)
                    changed = True
            if changed:
                row.updated_by = username


__all__ = ["VisitMapper"]
