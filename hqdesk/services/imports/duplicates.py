"""Rows of a franchisee import that match franchisees already in hqdesk, and what is done with them.

A row matches an existing franchisee by its unified social credit code, else by its code (case-insensitive),
else by its exact legal name. For each match the action is the row's decision (``decisions``: Excel row ->
"update" | "skip" | "create"), else ``on_duplicate`` for every match:

- "refuse" (the default, as before): nothing is matched; a row whose code or credit code is taken is a
  problem, a row with only the legal name of an existing franchisee is created;
- "skip": the row is left out (counted in ``skipped``, its problems dropped with it);
- "create": a new franchisee - only for a match by legal name (codes and credit codes are unique: a problem);
- "update": the existing franchisee takes the row's mapped, non-blank cells (blank cells leave its values);
  the result goes through the same rules as the profile dialog (``validate_franchisee``, tiers, account
  managers, unique codes), the version moves on (another user's save of the same franchisee during the
  import makes it fail as a whole: ImportConflict), the change is audited, and the actor must be allowed to
  edit that franchisee (an account manager only their own; reassigning needs that right too). An archived
  franchisee is not updated (restore it first); its status is not changed by an import (the profile records
  why). Contact cells update the primary contact (or add one).

All of it - creates and updates - runs in one transaction: all rows or none.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, fields, replace
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from hqdesk.domain.contact import ContactRole
from hqdesk.domain.franchisee import FranchiseeData
from hqdesk.domain.i18n import QT_TRANSLATE_NOOP
from hqdesk.domain.roles import Action, Actor
from hqdesk.persistence.mappers import ContactMapper, FranchiseeMapper
from hqdesk.persistence.models import Contact, Franchisee
from hqdesk.services.imports.plan import DuplicateMatch
from hqdesk.services.imports.problems import ImportProblem

BATCH = 1000
_DATA_FIELDS = frozenset(f.name for f in fields(FranchiseeData)) - {"account_manager_id"}
_CONTACT_COLUMNS = {
    "contact_name": "name",
    "contact_mobile": "mobile",
    "contact_phone": "phone",
    "contact_role": "role",
    "contact_birthday": "birthday",
}
ONLY_BY_NAME = QT_TRANSLATE_NOOP(
    "Import",
    "Franchisee {code} already has this {matched_by}: a new franchisee cannot take it. Update or skip the row.",
)
SAME_TARGET = QT_TRANSLATE_NOOP(
    "Import", "Row {row} already updates franchisee {code}; keep one of the two rows."
)
NOT_YOURS = QT_TRANSLATE_NOOP(
    "Import",
    "Your role ({role}) may not edit franchisee {code}: it is looked after by another account manager.",
)
NO_REASSIGN = QT_TRANSLATE_NOOP(
    "Import", "Your role ({role}) may not give franchisee {code} to another account manager."
)
ARCHIVED = QT_TRANSLATE_NOOP("Import", "Franchisee {code} is archived: restore it before updating it.")
NO_STATUS_CHANGE = QT_TRANSLATE_NOOP(
    "Import",
    "An import does not change the status of an existing franchisee ({code} is {status}); change it in the "
    "profile, where the reason is recorded.",
)
_TAKEN_MESSAGES = {
    "code": "Another franchisee already has the code {code}.",
    "uscc": "Franchisee {code} already has this unified social credit code.",
}


@dataclass
class Update:
    """A file row that updates franchisee ``row_id``: what it had, what the file says, which cells it has."""

    number: int
    existing: Franchisee
    before: FranchiseeData
    present: frozenset[str]


def present_cells(columns, data) -> dict[int, frozenset[str]]:
    """Excel row -> the names of its mapped columns whose cells are not blank."""
    from hqdesk.services.imports.reader import blank

    return {
        number: frozenset(
            column.name for index, column in columns.items() if index < len(cells) and not blank(cells[index])
        )
        for number, cells in data
    }


def _in_batches(s: Session, query_for, values) -> list:
    values = list(values)
    out = []
    for i in range(0, len(values), BATCH):
        out.extend(s.execute(query_for(values[i : i + BATCH])).all())
    return out


def find_matches(s: Session, rows) -> dict[int, tuple[str, int]]:
    """Excel row -> (matched by "uscc" | "code" | "legal_name", the franchisee's id)."""
    cols = (Franchisee.id, Franchisee.code, Franchisee.uscc, Franchisee.legal_name)
    usccs = {r.data.uscc for r in rows if r.data.uscc}
    codes = {r.data.code.lower() for r in rows if r.data.code}
    names = {r.data.legal_name for r in rows if r.data.legal_name}
    by_uscc = {
        x.uscc: x.id for x in _in_batches(s, lambda v: select(*cols).where(Franchisee.uscc.in_(v)), usccs)
    }
    by_code = {
        x.code.lower(): x.id
        for x in _in_batches(s, lambda v: select(*cols).where(func.lower(Franchisee.code).in_(v)), codes)
    }
    by_name: dict[str, int] = {}
    for x in _in_batches(s, lambda v: select(*cols).where(Franchisee.legal_name.in_(v)), names):
        by_name[x.legal_name] = min(x.id, by_name.get(x.legal_name, x.id))  # the oldest of namesakes
    out: dict[int, tuple[str, int]] = {}
    for r in rows:
        if r.data.uscc and r.data.uscc in by_uscc:
            out[r.number] = ("uscc", by_uscc[r.data.uscc])
        elif r.data.code and r.data.code.lower() in by_code:
            out[r.number] = ("code", by_code[r.data.code.lower()])
        elif r.data.legal_name in by_name:
            out[r.number] = ("legal_name", by_name[r.data.legal_name])
    return out


def sort_duplicates(
    s: Session,
    actor: Actor,
    rows: list,
    problems: list[ImportProblem],
    on_duplicate: str,
    decisions: Mapping[int, str] | None,
    present: dict[int, frozenset[str]],
    updating: dict[int, int] | None = None,
) -> tuple[list, list[Update], list[DuplicateMatch], int]:
    """(rows to create, rows that update, every match with its action, rows skipped); the problems of skipped
    rows are dropped, those of refused actions added. Update rows get the merged data (checked by the caller
    with the new rows). ``updating``: franchisee id -> the row updating it, kept across the batches of a file."""
    decisions = dict(decisions or {})
    if on_duplicate == "refuse" and not decisions:
        return rows, [], [], 0
    matches = find_matches(s, rows)
    if not matches:
        return rows, [], [], 0
    ids = sorted({fid for _by, fid in matches.values()})
    existing: dict[int, Franchisee] = {}
    for i in range(0, len(ids), BATCH):
        existing.update(
            (f.id, f) for f in s.scalars(select(Franchisee).where(Franchisee.id.in_(ids[i : i + BATCH])))
        )
    create, updates, found, skipped = [], [], [], set()
    if updating is None:
        updating = {}  # franchisee id -> the row updating it
    for row in rows:
        match = matches.get(row.number)
        action = decisions.get(row.number, on_duplicate)
        if match is None or action == "refuse":
            if match is not None and match[0] == "legal_name":
                f = existing[match[1]]
                found.append(DuplicateMatch(row.number, match[0], f.id, f.code, f.legal_name, "create"))
            create.append(row)
            continue
        matched_by, fid = match
        f = existing[fid]
        found.append(DuplicateMatch(row.number, matched_by, f.id, f.code, f.legal_name, action))
        if action == "skip":
            skipped.add(row.number)
        elif action == "create":
            if matched_by != "legal_name":
                problems.append(
                    ImportProblem(
                        row.number, matched_by, ONLY_BY_NAME, {"code": f.code, "matched_by": matched_by}
                    )
                )
            create.append(row)
        else:
            _prepare_update(actor, row, f, present.get(row.number, frozenset()), problems, updating)
            updates.append(
                Update(row.number, f, FranchiseeMapper.data(f), present.get(row.number, frozenset()))
            )
    if skipped:
        problems[:] = [p for p in problems if p.row not in skipped]
    return create, updates, found, len(skipped)


def _prepare_update(actor, row, f: Franchisee, present, problems, updating) -> None:
    if f.id in updating:
        problems.append(
            ImportProblem(row.number, "code", SAME_TARGET, {"row": updating[f.id], "code": f.code})
        )
    updating.setdefault(f.id, row.number)
    if not actor.can(Action.EDIT_FRANCHISEE, owner_id=f.account_manager_id):
        problems.append(
            ImportProblem(row.number, None, NOT_YOURS, {"role": actor.role.value, "code": f.code})
        )
    if f.archived:
        problems.append(ImportProblem(row.number, None, ARCHIVED, {"code": f.code}))
    if "status" in present and row.status.value != f.status:
        problems.append(
            ImportProblem(row.number, "status", NO_STATUS_CHANGE, {"code": f.code, "status": f.status})
        )
    before = FranchiseeMapper.data(f)
    merged = {name: getattr(row.data, name) for name in _DATA_FIELDS if name in present}
    row.data = replace(before, **merged)


def after_check(
    actor: Actor, rows_by_number: dict[int, Any], updates: list[Update], problems: list[ImportProblem]
):
    """After the common checks: keep each update's account manager unless the file names one (then the actor
    must be allowed to reassign), and drop "code / credit code taken" for the franchisee's own."""
    own: set[tuple[int, str]] = set()
    for u in updates:
        row = rows_by_number[u.number]
        if "account_manager" not in u.present:
            row.data = replace(row.data, account_manager_id=u.before.account_manager_id)
        elif row.data.account_manager_id != u.before.account_manager_id and not actor.can(
            Action.ASSIGN_ACCOUNT_MANAGER
        ):
            problems.append(
                ImportProblem(
                    u.number,
                    "account_manager",
                    NO_REASSIGN,
                    {"role": actor.role.value, "code": u.before.code},
                )
            )
        if row.data.code.lower() == u.before.code.lower():
            own.add((u.number, "code"))
        if row.data.uscc and row.data.uscc == u.before.uscc:
            own.add((u.number, "uscc"))
    if own:
        problems[:] = [
            p
            for p in problems
            if not ((p.row, p.column) in own and p.message == _TAKEN_MESSAGES.get(p.column or ""))
        ]


def write_updates(s: Session, actor: Actor, rows_by_number: dict[int, Any], updates: list[Update]) -> int:
    """Apply the updates inside the caller's transaction (ORM: versioned and audited like the dialogs)."""
    from hqdesk.services.franchisees import refresh_search_text

    if not updates:
        return 0
    ids = [u.existing.id for u in updates]
    primaries: dict[int, Contact] = {}
    for i in range(0, len(ids), BATCH):
        for c in s.scalars(
            select(Contact).where(Contact.franchisee_id.in_(ids[i : i + BATCH]), Contact.is_primary.is_(True))
        ):
            primaries.setdefault(c.franchisee_id, c)
    for u in updates:
        row = rows_by_number[u.number]
        f = u.existing
        if row.data != u.before:
            FranchiseeMapper.apply(f, row.data)
            f.updated_by = actor.username
        contact_cells = {_CONTACT_COLUMNS[c] for c in u.present if c in _CONTACT_COLUMNS}
        if row.contact is not None and contact_cells:
            primary = primaries.get(f.id)
            if primary is None:
                s.add(
                    Contact(
                        **{**ContactMapper.values(row.contact), "is_primary": True},
                        franchisee_id=f.id,
                        updated_by=actor.username,
                    )
                )
            else:
                for name in contact_cells:
                    value = getattr(row.contact, name)
                    setattr(primary, name, value.value if isinstance(value, ContactRole) else value)
                primary.updated_by = actor.username
    s.flush()  # StaleDataError: another user saved one of them meanwhile (the caller says so)
    for u in updates:
        refresh_search_text(s, u.existing.id)
    return len(updates)


__all__ = ["find_matches", "sort_duplicates", "after_check", "write_updates", "present_cells", "Update"]
