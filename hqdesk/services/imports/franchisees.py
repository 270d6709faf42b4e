"""Import franchisees from hqdesk's own template: a CSV or XLSX file with a header row.

The use case behind ``hqdesk-admin import franchisees`` and the import wizard:

1. read the file (``reader``: CSV or XLSX, encodings, damaged files refused in words) ROW BY ROW: the first
   rows find the header and tell another system's export (Odoo, ERPNext, Salesforce: ``layouts``, read whole,
   as their layouts join rows) from hqdesk's template or a sheet to map;
2. map the header row to the template's columns (``columns``: any order, case-insensitive, English or Chinese
   names, or a saved mapping);
3. check EVERY row - conversion of each cell (``cells``), the domain rules (``validate_franchisee``,
   ``validate_contact``), duplicates within the file, codes and unified social credit codes already in the
   database, account managers - and collect every problem with the row number the user sees in Excel (the
   header is row 1);
4. all of it in ONE transaction, BATCH rows at a time: each batch is converted, checked and, while no problem
   has been found, written; a problem in a later row rolls everything back. All rows land or none, and memory
   holds one batch (plus the codes and credit codes seen, to find a row repeating an earlier one) however long
   the file.

The checks against the database run inside the write transaction (SQLite holds its write lock from BEGIN
IMMEDIATE), so a code cannot be taken between the check and the insert; on SQLite another user's save waits for
the import (it says so, and can be cancelled). The rows are built by the aggregates' mappers
(persistence.mappers), search text included, and go in as bulk INSERTs.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date
from functools import partial
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from hqdesk.domain import uscc as uscc_rules
from hqdesk.domain.contact import ContactData, ContactRole, clean_contact, cleaned_contact, validate_contact
from hqdesk.domain.franchisee import (
    FranchiseeData,
    LifecycleStatus,
    cleaned_franchisee,
    validate_franchisee,
)
from hqdesk.domain.i18n import QT_TRANSLATE_NOOP, VALIDATION
from hqdesk.domain.records import with_changes
from hqdesk.domain.roles import Action, Actor, Role
from hqdesk.domain.search import prepare_pinyin
from hqdesk.persistence.audit import insert_audited
from hqdesk.persistence.mappers import ContactMapper, FranchiseeMapper
from hqdesk.persistence.models import Contact, Franchisee, StatusChangeRecord, Tier, User
from hqdesk.persistence.types import utcnow
from hqdesk.services.base import Service
from hqdesk.services.imports.cells import convert
from hqdesk.services.imports.columns import FRANCHISEE_TEMPLATE, NO_HEADER, Column
from hqdesk.services.imports.credit_columns import (
    check_credit,
    credit_cells,
    credit_data,
    current_profiles,
    validate_credit,
)
from hqdesk.services.imports.duplicates import after_check, present_cells, sort_duplicates, write_updates
from hqdesk.services.imports.layouts import Recognised, recognise, recognise_layout
from hqdesk.services.imports.mappings import resolve
from hqdesk.services.imports.plan import (
    DuplicateMatch,
    FilePreview,
    build_preview,
    check_choices,
    refused_preview,
)
from hqdesk.services.imports.problems import (
    CellProblem,
    ImportConflict,
    ImportProblem,
    ImportResult,
    ImportStale,
    Refused,
)
from hqdesk.services.imports.reader import NotStreamable, blank, letter, read_table, stream_table

# ----- rows ------------------------------------------------------------------------------------------------

CONTACT_FIELDS = {
    "name": "contact_name",
    "mobile": "contact_mobile",
    "phone": "contact_phone",
    "role": "contact_role",
    "birthday": "contact_birthday",
}
FRANCHISEE_FIELDS = {"account_manager_id": "account_manager"}


# Columns whose cells repeat down a file (dates, amounts, statuses, roles, account managers): each distinct
# cell is converted once (values are immutable: dates, Decimals, enums, texts). A cell that is refused is
# converted, and reported, on every row.
_REPEATED_KINDS = frozenset({"date", "decimal", "choice", "manager"})


@dataclass
class _Row:
    number: int
    data: FranchiseeData
    status: LifecycleStatus
    manager: str | None
    contact: ContactData | None
    bad_columns: frozenset[str] = frozenset()  # already reported: no second message from the rules
    others: list[ContactData] = field(default_factory=list)  # a layout's further people (Odoo)


def _parse_rows(
    mapping: dict[int, Column],
    data: Iterable[tuple[int, list[Any]]],
    formulas: set[tuple[int, int]],
    today: date,
    problems: list[ImportProblem],
    seen: dict[tuple, Any] | None = None,
) -> list[_Row]:
    """The rows of ``data`` converted and checked each on its own. ``seen``: (column, cell) -> value for the
    kinds whose values repeat down a column, kept from one batch to the next (emptied when it grows large)."""
    rows: list[_Row] = []
    field_names = FranchiseeData.field_names()
    if seen is None:
        seen = {}
    elif len(seen) > 100_000:
        seen.clear()
    for number, cells in data:
        if all(blank(c) for c in cells) and not any((number, i) in formulas for i in mapping):
            continue  # blank lines (Excel keeps some at the end)
        values: dict[str, Any] = {}
        row_problems: list[ImportProblem] = []
        for index, column in mapping.items():
            cell = cells[index] if index < len(cells) else None
            if cell is None and (number, index) in formulas:
                row_problems.append(
                    ImportProblem(
                        number,
                        column.name,
                        QT_TRANSLATE_NOOP(
                            "Import",
                            "The cell holds a formula without a saved result (the file was not saved by "
                            "Excel). Open the file in Excel, save it and import again.",
                        ),
                    )
                )
                continue
            try:
                if column.kind in _REPEATED_KINDS:
                    key = (index, cell.__class__, cell)
                    value = seen.get(key, seen)
                    if value is seen:
                        value = seen[key] = convert(column, cell)
                    values[column.name] = value
                else:
                    values[column.name] = convert(column, cell)
            except CellProblem as exc:
                row_problems.append(ImportProblem(number, column.name, exc.message, exc.params, exc.context))
        data_ = cleaned_franchisee(
            {"tier": "", **{name: values[name] for name in field_names if name in values}}
        )
        contact = None
        if any(values.get(name) for name in CONTACT_FIELDS.values()):
            contact = cleaned_contact(
                {
                    "name": values.get("contact_name") or "",
                    "mobile": values.get("contact_mobile") or "",
                    "phone": values.get("contact_phone") or "",
                    "birthday": values.get("contact_birthday"),
                    "role": values.get("contact_role") or ContactRole.OWNER,
                    "is_primary": True,
                }
            )
            for error in validate_contact(contact, today):
                column = CONTACT_FIELDS.get(error.field, "contact_" + error.field)
                if column not in {p.column for p in row_problems}:
                    row_problems.append(
                        ImportProblem(number, column, error.message, error.params, VALIDATION)
                    )
        problems.extend(row_problems)
        rows.append(
            _Row(
                number,
                data_,
                values.get("status") or LifecycleStatus.PROSPECT,
                values.get("account_manager"),
                contact,
                frozenset(p.column for p in row_problems),
            )
        )
    return rows


def _attach_contacts(
    recognised: Recognised, rows: list[_Row], today: date, problems: list[ImportProblem]
) -> None:
    """The people of a recognised layout (``recognised.contacts``, in the contact template) converted and
    checked like the contact import's rows, each attached to the franchisee row of the file it names."""
    problems.extend(recognised.problems)
    if recognised.contacts is None:
        return
    from hqdesk.services.imports.children import CONTACT_TEMPLATE

    _header, mapping, data = CONTACT_TEMPLATE.map_header(recognised.contacts)
    by_code = {row.data.code.lower(): row for row in rows if row.data.code}
    for number, cells in data:
        values: dict[str, Any] = {}
        bad = set()
        for index, column in mapping.items():
            try:
                values[column.name] = convert(column, cells[index] if index < len(cells) else None)
            except CellProblem as exc:
                problems.append(ImportProblem(number, column.name, exc.message, exc.params, exc.context))
                bad.add(column.name)
        contact = clean_contact(
            ContactData(**{k: v for k, v in values.items() if k in ContactData.__dataclass_fields__ and v})
        )
        for error in validate_contact(contact, today):
            if error.field not in bad:
                problems.append(ImportProblem(number, error.field, error.message, error.params, VALIDATION))
        row = by_code.get((values.get("franchisee_code") or "").lower())
        if row is not None:
            row.others.append(contact)


def _check_rows(s: Session, rows: list[_Row], problems: list[ImportProblem]) -> None:
    """The domain rules and every check that needs the file as a whole or the database."""
    _RowChecker(s).check(rows, problems)


class _RowChecker:
    """The checks that need the database or the rows before (codes and credit codes taken, in hqdesk or
    earlier in the file; tiers; account managers), batch after batch: what they need is read once."""

    def __init__(self, s: Session) -> None:
        tiers = s.scalars(select(Tier.code).order_by(Tier.sort_order, Tier.code))
        self.tiers = {code.lower(): code for code in tiers}
        users = s.execute(select(User.id, User.username, User.display_name, User.role, User.active)).all()
        self.by_username = {u.username: u for u in users}
        self.by_username_ci: dict[str, list] = {}
        self.by_display: dict[str, list] = {}
        for u in users:
            self.by_username_ci.setdefault(u.username.lower(), []).append(u)
            if u.display_name:
                self.by_display.setdefault(u.display_name, []).append(u)
        self.existing_codes = set(s.scalars(select(func.lower(Franchisee.code))))
        self.existing_uscc = dict(
            s.execute(select(Franchisee.uscc, Franchisee.code).where(Franchisee.uscc.is_not(None))).all()
        )
        self.first_code: dict[str, int] = {}
        self.first_uscc: dict[str, int] = {}

    def check(self, rows: list[_Row], problems: list[ImportProblem]) -> None:
        tiers, known_tiers = self.tiers, tuple(self.tiers.values())
        by_username, by_username_ci, by_display = self.by_username, self.by_username_ci, self.by_display
        existing_codes, existing_uscc = self.existing_codes, self.existing_uscc
        first_code, first_uscc = self.first_code, self.first_uscc
        for row in rows:
            found: list[ImportProblem] = []
            tier = tiers.get(row.data.tier.lower(), row.data.tier)
            manager_id = None
            if row.manager:
                candidates = (
                    [by_username[row.manager]]
                    if row.manager in by_username
                    else by_username_ci.get(row.manager.lower()) or by_display.get(row.manager) or []
                )
                if not candidates:
                    found.append(
                        ImportProblem(
                            row.number,
                            "account_manager",
                            QT_TRANSLATE_NOOP("Import", "No user has the user name or display name {name}."),
                            {"name": row.manager},
                        )
                    )
                elif len(candidates) > 1:
                    found.append(
                        ImportProblem(
                            row.number,
                            "account_manager",
                            QT_TRANSLATE_NOOP(
                                "Import", "Several users are called {name}: use the user name."
                            ),
                            {"name": row.manager},
                        )
                    )
                elif not candidates[0].active or candidates[0].role not in (
                    Role.ACCOUNT_MANAGER.value,
                    Role.ADMIN.value,
                ):
                    found.append(
                        ImportProblem(
                            row.number,
                            "account_manager",
                            QT_TRANSLATE_NOOP(
                                "Import",
                                "{name} cannot be given franchisees: only active account managers and "
                                "administrators can.",
                            ),
                            {"name": row.manager},
                        )
                    )
                else:
                    manager_id = candidates[0].id
            if tier != row.data.tier or manager_id != row.data.account_manager_id:  # one copy, only if needed
                row.data = with_changes(row.data, {"tier": tier, "account_manager_id": manager_id})
            for error in validate_franchisee(row.data, known_tiers):
                column = FRANCHISEE_FIELDS.get(error.field, error.field)
                if column not in row.bad_columns:
                    found.append(ImportProblem(row.number, column, error.message, error.params, VALIDATION))
            code = row.data.code.lower()
            if code:
                if code in first_code:
                    found.append(
                        ImportProblem(
                            row.number,
                            "code",
                            QT_TRANSLATE_NOOP("Import", "The code {code} is also on row {row}."),
                            {"code": row.data.code, "row": first_code[code]},
                        )
                    )
                else:
                    first_code[code] = row.number
                    if code in existing_codes:
                        found.append(
                            ImportProblem(
                                row.number,
                                "code",
                                QT_TRANSLATE_NOOP(
                                    "Validation", "Another franchisee already has the code {code}."
                                ),
                                {"code": row.data.code},
                                VALIDATION,
                            )
                        )
            uscc = row.data.uscc
            if uscc:
                if uscc in first_uscc:
                    found.append(
                        ImportProblem(
                            row.number,
                            "uscc",
                            QT_TRANSLATE_NOOP(
                                "Import", "The unified social credit code {uscc} is also on row {row}."
                            ),
                            {"uscc": uscc, "row": first_uscc[uscc]},
                        )
                    )
                else:
                    first_uscc[uscc] = row.number
                    if uscc in existing_uscc:
                        found.append(
                            ImportProblem(
                                row.number,
                                "uscc",
                                QT_TRANSLATE_NOOP(
                                    "Validation",
                                    "Franchisee {code} already has this unified social credit code.",
                                ),
                                {"code": existing_uscc[uscc]},
                                VALIDATION,
                            )
                        )
            if (
                len(uscc) == 18
                and uscc.isdigit()
                and uscc.endswith("000")
                and uscc_rules.check_character(uscc[:17]) != uscc[17]
            ):
                # the typo message would mislead: Excel turned the code into a number and zeroed its last digits
                found = [p for p in found if p.column != "uscc"] + [
                    ImportProblem(
                        row.number,
                        "uscc",
                        QT_TRANSLATE_NOOP(
                            "Import",
                            "The check character does not match, and the code ends in 000: Excel probably stored it "
                            "as a number and kept only 15 digits. Format the uscc column as Text, type the codes "
                            "again and save.",
                        ),
                    )
                ]
            problems.extend(found)


BATCH = 1000


def _write(s: Session, rows: list[_Row], actor: Actor, today: date, reason: str) -> int:
    """Insert the franchisees, their status records and contacts as bulk INSERTs inside the caller's
    transaction (the unit of work costs several times as much for 5,000 rows), BATCH franchisees at a time so
    the values built for the database never hold the whole file at once (memory stays bounded however long
    the file). Every row is built by its aggregate's mapper; the search text is computed once per franchisee,
    from it and its contacts. The first contact of a franchisee is its primary contact."""
    now = utcnow()
    stamp = {"version": 1, "created_at": now, "updated_at": now, "updated_by": actor.username}
    written = 0
    for start in range(0, len(rows), BATCH):
        batch = rows[start : start + BATCH]
        franchisees = []
        contacts: list[list[dict]] = []
        for row in batch:
            people = [row.contact] if row.contact else []
            people.extend(row.others)
            values = [
                {**ContactMapper.values(person), "is_primary": i == 0} for i, person in enumerate(people)
            ]
            contacts.append(values)
            franchisees.append(
                FranchiseeMapper.insert_values(
                    row.data,
                    status=row.status,
                    status_changed_on=today,
                    contacts=values,
                    **stamp,
                )
            )
        ids = _insert(s, Franchisee, franchisees, actor)
        if (
            ids is None
        ):  # PostgreSQL: the sequence gave the ids; look them up by code (cheaper than RETURNING)
            codes = [r["code"] for r in franchisees]
            ids_by_code = dict(
                s.execute(select(Franchisee.code, Franchisee.id).where(Franchisee.code.in_(codes))).all()
            )
            ids = [ids_by_code[code] for code in codes]
        del franchisees
        _insert(
            s,
            StatusChangeRecord,
            [
                {
                    "franchisee_id": franchisee_id,
                    "from_status": None,
                    "to_status": row.status.value,
                    "changed_on": today,
                    "reason": reason,
                    "changed_by": actor.username,
                    "recorded_at": now,
                }
                for franchisee_id, row in zip(ids, batch, strict=True)
            ],
            actor,
        )
        _insert(
            s,
            Contact,
            [
                {**contact, "franchisee_id": franchisee_id, **stamp}
                for franchisee_id, values in zip(ids, contacts, strict=True)
                for contact in values
            ],
            actor,
        )
        written += len(ids)
    return written


def _insert(s: Session, model, rows: list[dict], actor: Actor) -> list[int] | None:
    """The import's one write step (``insert_audited``; a test fails it midway to prove all or nothing)."""
    return insert_audited(s, model, rows, actor.username)


def _once(problems: list[ImportProblem]) -> list[ImportProblem]:
    """The problems without repeats (a file-wide one, e.g. credit columns a role may not write, is found in
    every batch)."""
    seen: set = set()
    out = []
    for p in problems:
        key = (p.row, p.column, p.message, tuple(sorted((k, str(v)) for k, v in (p.params or {}).items())))
        if p.row is None:
            if key in seen:
                continue
            seen.add(key)
        out.append(p)
    return out


# ----- reading the rows ------------------------------------------------------------------------------------------


@dataclass
class _Source:
    """A file's rows as an import reads them: the data rows read with the header (``head``), then the rest
    streamed (``rest``), or all of them in ``head`` (a file read whole: ``recognised`` is its layout)."""

    layout: str
    header_row: int
    columns: dict[int, Column]
    head: list[tuple[int, list[Any]]]
    rest: Iterator[tuple[int, list[Any]]]
    formulas: set[tuple[int, int]]
    recognised: Recognised | None
    named: set[int] | None = None  # streamed without a mapping: the columns that have a name in the header
    width: int = 0  # the header's columns
    close: Callable[[], None] = lambda: None

    def rows(self, unnamed: dict[int, ImportProblem]) -> Iterator[tuple[int, list[Any]]]:
        """Every data row; a cell with a value under no column name in the rows after the head (the head's
        were checked with the header) goes into ``unnamed`` (column index -> the problem, once)."""
        yield from self.head
        if self.named is None:
            yield from self.rest
            return
        nameless = [i for i in range(self.width) if i not in self.named]
        width = self.width
        for number, cells in self.rest:
            if len(cells) > width or nameless:
                for index in (*nameless, *range(width, len(cells))):
                    if index < len(cells) and index not in unnamed and not blank(cells[index]):
                        unnamed[index] = ImportProblem(
                            self.header_row, letter(index), NO_HEADER, {"letter": letter(index)}
                        )
            yield number, cells


def _blocks(rows: Iterable, size: int) -> Iterator[list]:
    iterator = iter(rows)
    while block := list(itertools.islice(iterator, size)):
        yield block


# ----- the service -----------------------------------------------------------------------------------------


class FranchiseeImporter(Service):
    """Import franchisees from a CSV/XLSX file (all rows or none). See the module docstring."""

    entity = "franchisees"
    template = FRANCHISEE_TEMPLATE

    def _default_tier(self) -> str:
        with self.db.read() as s:
            return s.scalar(select(Tier.code).order_by(Tier.sort_order, Tier.code).limit(1)) or ""

    def preview(self, actor: Actor, path: str | Path, *, mapping: str | None = None) -> FilePreview:
        """Read ``path`` (never writes) and say how its columns map: the saved mapping ``mapping``, else a
        recognised layout, else hqdesk's template headers, else headers guessed from their names."""
        self.require(actor, Action.IMPORT_FRANCHISEES)
        try:
            assigned, name = resolve(self.db, self.entity, mapping)
            layout, table = recognise(read_table(Path(path)), self._default_tier())
            return build_preview(
                self.template, self.entity, table, layout=layout, assigned=assigned, mapping_name=name
            )
        except Refused as refused:
            return refused_preview(self.template, self.entity, str(path), refused.problems, mapping or "")

    def import_file(
        self,
        actor: Actor,
        path: str | Path,
        *,
        dry_run: bool = False,
        today: date | None = None,
        on_duplicate: str = "refuse",
        mapping: str | Mapping[str, str] | None = None,
        decisions: Mapping[int, str] | None = None,
    ) -> ImportResult:
        """Check ``path`` and, unless ``dry_run`` or a row is bad, import every row in one transaction.

        ``mapping``: a saved mapping's name, or {header text: field key ("" = not imported)}; None: the
        recognised layout, the template's headers or guessed ones - then every header must be known, every
        required field matched and none ambiguous, else nothing is imported and the problems say what to map.

        ``on_duplicate``: what to do with a row matching a franchisee already in hqdesk (by unified social credit
        code, then code, then exact legal name): "refuse" (a problem, as before), "skip", "update" (the mapped,
        non-blank cells replace the franchisee's values) or "create" (a new franchisee; only for a match by
        legal name, since codes and credit codes are unique). ``decisions``: Excel row -> action, for single
        rows. Every match is in ``ImportResult.duplicates`` with its action.

        Memory stays bounded however long the file: it is read row by row, BATCH rows at a time converted,
        checked and written inside the one transaction (``_import``). Other systems' exports (Odoo, ERPNext,
        Salesforce) are read whole, as their layouts join rows.

        Problems with the file or its rows come back in ``ImportResult.errors`` (nothing written); raises
        PermissionDenied, ImportConflict (a concurrent import took a code), and database errors.
        """
        self.require(
            actor, Action.IMPORT_FRANCHISEES
        )  # early, before the file is read; again in the transaction
        path = Path(path)
        today = today or date.today()
        mapping_name = mapping if isinstance(mapping, str) else ""
        whole = False
        while True:
            try:
                check_choices(on_duplicate, decisions)
                assigned, mapping_name = resolve(self.db, self.entity, mapping)
                source = self._open(path, assigned, on_duplicate, whole)
            except Refused as refused:
                return ImportResult(str(path), 0, 0, dry_run, refused.problems, mapping_name=mapping_name)
            try:
                return self._import(
                    actor, path, source, dry_run, today, on_duplicate, decisions, mapping_name
                )
            except Refused as refused:  # found while the rows were read (a damaged file): nothing was written
                return ImportResult(str(path), 0, 0, dry_run, refused.problems, mapping_name=mapping_name)
            except NotStreamable:
                whole = True  # rolled back, nothing written: read the file whole instead
            finally:
                source.close()

    def _open(self, path: Path, assigned, on_duplicate: str, whole: bool) -> _Source:
        """The file's rows as the import reads them: streamed (hqdesk's template, a guessed or saved mapping),
        or whole (another system's export, which its layout turns into hqdesk's template first; a file the
        stream does not read). Raises Refused: a bad file, a header that needs a mapping."""
        stream = None if whole else stream_table(path)
        recognised = None
        if stream is not None:
            try:
                head = stream.head
                found = recognise_layout(head, self._default_tier())
                if found.name:  # another system's export: its layout needs every row
                    stream.close()
                    stream = None
            except BaseException:
                stream.close()
                raise
        if stream is None:
            recognised = recognise_layout(read_table(path), self._default_tier())
            head = recognised.franchisees
        try:
            header = self.template.header(head)
            header_row, columns, data = self.template.map_header(
                head, assigned, self._required(head, assigned, on_duplicate)
            )
        except BaseException:
            if stream is not None:
                stream.close()
            raise
        if stream is None:
            return _Source(recognised.name, header_row, columns, data, iter(()), head.formulas, recognised)
        named = {i for i, text in enumerate(header.texts) if text} if assigned is None else None
        return _Source(
            "",
            header_row,
            columns,
            data,
            stream.rest,
            head.formulas,
            None,
            named,
            len(header.texts),
            stream.close,
        )

    def _import(
        self, actor, path, source: _Source, dry_run, today, on_duplicate, decisions, mapping_name
    ) -> ImportResult:
        """One pass over the file inside one transaction: BATCH rows at a time are converted, checked (on
        their own, then against the database and the rows before) and, while no problem has been found,
        written. A problem found later rolls everything back: all rows or none. A file read whole (another
        system's export) is converted and checked on its own before the transaction, as its layout joins rows
        (Odoo's people to their companies)."""
        from sqlalchemy.exc import IntegrityError
        from sqlalchemy.orm.exc import StaleDataError

        problems: list[ImportProblem] = []
        matching = on_duplicate != "refuse" or bool(decisions)
        credit: dict[int, dict[str, Any]] = {}
        unnamed: dict[int, ImportProblem] = {}
        may_credit = self.current(actor)
        parsed = self._parsed(source, unnamed, matching, today, problems, credit, may_credit)
        if source.recognised is not None:  # read whole: convert and check on its own first (joined rows)
            parsed = list(parsed)
            rows_all = [row for rows, _present in parsed for row in rows]
            _attach_contacts(source.recognised, rows_all, today, problems)
            if not dry_run:  # the search texts' pinyin before the write lock is taken
                prepare_pinyin(
                    name
                    for row in rows_all
                    for name in (
                        row.data.legal_name,
                        row.data.city,
                        row.contact.name if row.contact else "",
                        *(c.name for c in row.others),
                    )
                )
            del rows_all
        reason = f"import: {path.name}"[:200]
        may_skip = on_duplicate == "skip" or "skip" in (decisions or {}).values()
        imported = updated = skipped = kept_count = 0
        duplicates: list[DuplicateMatch] = []
        writing = not dry_run
        try:
            with self.db.read() if dry_run else self.db.write(actor.username) as s:
                now = self.require(actor, Action.IMPORT_FRANCHISEES, s=s)
                checker = _RowChecker(s)
                updating: dict[int, int] = {}
                for rows, present in parsed:
                    create, updates, found, batch_skipped = sort_duplicates(
                        s, now, rows, problems, on_duplicate, decisions, present, updating=updating
                    )
                    by_number = {row.number: row for row in rows}
                    updating_rows = [by_number[u.number] for u in updates]
                    checker.check(create + updating_rows if updates else create, problems)
                    after_check(now, by_number, updates, problems)
                    kept = create + updating_rows
                    profiles = self._check_credit(s, credit, updates, {r.number for r in kept}, problems)
                    duplicates.extend(found)
                    skipped += batch_skipped
                    kept_count += len(kept)
                    if writing and problems:
                        # a problem of a later row may still go with its row (skipped); one of these rows stays
                        last = rows[-1].number if rows else 0
                        writing = may_skip and not any(p.row is None or p.row <= last for p in problems)
                    if writing:
                        imported += _write(s, create, actor, today, reason) if create else 0
                        updated += write_updates(s, now, by_number, updates)
                        self._write_credit(s, now, credit, profiles, by_number, reason)
                    for number in by_number:  # this batch's credit cells are done with
                        credit.pop(number, None)
                if unnamed:  # cells under no column name, found after the first rows: the mapping's problem
                    s.rollback()
                    return ImportResult(
                        str(path),
                        0,
                        0,
                        dry_run,
                        tuple(unnamed[i] for i in sorted(unnamed)),
                        mapping_name=mapping_name,
                    )
                result = partial(
                    self._result,
                    path,
                    kept_count,
                    layout=source.layout,
                    skipped=skipped,
                    duplicates=tuple(duplicates),
                    mapping_name=mapping_name,
                )
                if problems or dry_run:
                    s.rollback()  # nothing was written; said explicitly (the unit of work commits only on request)
                    return result(0, dry_run, _once(problems))
                if not writing:  # cannot happen: a batch held back for a problem that then went away
                    s.rollback()
                    raise RuntimeError("import: a batch was not written although no problem remained")
                s.commit()
        except IntegrityError as exc:
            raise ImportConflict() from exc
        except StaleDataError as exc:
            raise ImportStale() from exc
        return result(imported, dry_run, problems, updated=updated)

    @staticmethod
    def _parsed(source: _Source, unnamed, matching, today, problems, credit, actor):
        """(rows, the cells each row has) BATCH rows at a time, converted and checked each on its own; the
        credit cells go into ``credit`` (checked: the role may write them, the settlement terms parse)."""
        seen: dict[tuple, Any] = {}
        for block in _blocks(source.rows(unnamed), BATCH):
            rows = _parse_rows(source.columns, block, source.formulas, today, problems, seen)
            present = present_cells(source.columns, block) if matching else {}
            found = credit_cells(source.columns, block)
            del block
            if found:
                check_credit(actor, found, problems)
                credit.update(found)
            yield rows, present

    def _required(self, table, assigned, on_duplicate: str) -> tuple[str, ...] | None:
        """The columns a file must have: the template's required ones; for a file that updates existing
        franchisees (``on_duplicate="update"``) only a column to match them by (the rows it creates are still
        checked for every required value)."""
        if on_duplicate != "update":
            return None
        head = self.template.header(table)
        names = (
            {assigned.get(t, "") for t in head.texts}
            if assigned is not None
            else {self.template.guess(t).field for t in head.texts}
        )
        return () if names & {"code", "uscc", "legal_name"} else ("code",)

    @staticmethod
    def _check_credit(s, credit, updates, kept: set[int], problems) -> dict[int, Any]:
        """Each credit row's profile as it will be (row number -> data), checked by the credit profile rules;
        ``kept``: the rows created or updated (not the skipped ones)."""
        if not credit:
            return {}
        from hqdesk.services.credit_profiles import DEFAULTS as DEFAULT_CREDIT

        existing = {u.number: u.existing.id for u in updates}
        current = current_profiles(s, existing.values())
        profiles = {}
        for number, values in credit.items():
            if number not in kept or not values:
                continue  # skipped, or the settlement term was not understood (reported)
            base = current[existing[number]] if number in existing else DEFAULT_CREDIT
            profiles[number] = credit_data(base, values)
            validate_credit(number, profiles[number], problems)
        return profiles

    def _write_credit(self, s, actor, credit, profiles, by_number, reason) -> None:
        """The credit profiles of the rows with credit cells, through the credit profile service's write."""
        if not profiles:
            return
        from hqdesk.services.credit_profiles import CreditProfileService

        codes = [by_number[n].data.code for n in profiles]
        ids: dict[str, int] = {}
        for i in range(0, len(codes), BATCH):
            ids.update(
                (code.lower(), fid)
                for code, fid in s.execute(
                    select(Franchisee.code, Franchisee.id).where(Franchisee.code.in_(codes[i : i + BATCH]))
                )
            )
        writer = CreditProfileService(self.db)  # apply() writes in this transaction
        for number, data in profiles.items():
            writer.apply(s, actor, ids[by_number[number].data.code.lower()], data, reason)

    @staticmethod
    def _result(
        path: Path,
        rows: int,
        imported: int,
        dry_run: bool,
        problems: Iterable[ImportProblem],
        layout: str = "",
        skipped: int = 0,
        *,
        updated: int = 0,
        duplicates: tuple[DuplicateMatch, ...] = (),
        mapping_name: str = "",
    ) -> ImportResult:
        order = FRANCHISEE_TEMPLATE.order
        ordered = sorted(problems, key=lambda p: (p.row or 0, order.get(p.column or "", len(order))))
        return ImportResult(
            str(path),
            rows,
            imported,
            dry_run,
            tuple(ordered),
            layout=layout,
            skipped=skipped,
            updated=updated,
            duplicates=duplicates,
            mapping_name=mapping_name,
        )


__all__ = ["FranchiseeImporter", "ImportResult", "ImportProblem", "ImportConflict"]
