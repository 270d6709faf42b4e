"""Import contacts and stores: rows that attach to franchisees already in the database.

Each row names its franchisee by ``franchisee_code`` or ``franchisee_uscc`` (unified social credit code), or
both (then they must name the same franchisee). The rows are checked like the franchisee import does - every
cell converted (``cells``), the same domain rules as the contact and store dialogs (``validate_contact``,
``validate_store``), the franchisee looked up - and every problem is collected with its row (as Excel shows
it) and column. If there is any problem nothing is written; otherwise every row goes in, in one transaction.

Imported contacts are not primary, except that a franchisee without a primary contact gets the first
contact the file gives it as primary (so letters have someone to address). The franchisees' search text is
brought up to date with the new contacts in the same transaction.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from datetime import date
from functools import partial
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from hqdesk.domain.contact import (
    ContactData,
    ContactRole,
    Gender,
    StoreData,
    StoreStatus,
    clean_contact,
    clean_store,
    validate_contact,
    validate_store,
)
from hqdesk.domain.i18n import QT_TRANSLATE_NOOP, VALIDATION
from hqdesk.domain.roles import Action, Actor
from hqdesk.persistence.audit import insert_audited
from hqdesk.persistence.mappers import ContactMapper, StoreMapper
from hqdesk.persistence.models import Contact, Franchisee, Store
from hqdesk.persistence.types import utcnow
from hqdesk.services.base import Service
from hqdesk.services.imports.cells import convert
from hqdesk.services.imports.columns import CONTACT_ROLE_WORDS, Column, Template
from hqdesk.services.imports.duplicates import present_cells
from hqdesk.services.imports.layouts import recognise_layout
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
from hqdesk.services.imports.reader import blank, read_table

FRANCHISEE_COLUMNS = (
    Column(
        "franchisee_code",
        "code",
        ("加盟商编码", "加盟商编号", "加盟商代码", "所属加盟商", "franchisee", "customer_code", "客户编码"),
    ),
    Column(
        "franchisee_uscc",
        "uscc",
        ("统一社会信用代码", "社会信用代码", "信用代码", "加盟商统一社会信用代码", "uscc"),
    ),
)
GENDER_WORDS: dict[str, Gender] = {
    **{g.value: g for g in Gender},
    "unknown": Gender.UNKNOWN,
    "m": Gender.MALE,
    "f": Gender.FEMALE,
    "男": Gender.MALE,
    "女": Gender.FEMALE,
}
STORE_STATUS_WORDS: dict[str, StoreStatus] = {
    **{s.value: s for s in StoreStatus},
    "筹建": StoreStatus.PLANNED,
    "筹备中": StoreStatus.PLANNED,
    "计划": StoreStatus.PLANNED,
    "营业": StoreStatus.OPEN,
    "营业中": StoreStatus.OPEN,
    "正常": StoreStatus.OPEN,
    "装修": StoreStatus.RENOVATING,
    "装修中": StoreStatus.RENOVATING,
    "关闭": StoreStatus.CLOSED,
    "已关闭": StoreStatus.CLOSED,
    "闭店": StoreStatus.CLOSED,
}

YES_NO_WORDS: dict[str, bool] = {
    **dict.fromkeys(("1", "yes", "y", "true", "是", "对", "√", "✓", "x"), True),
    **dict.fromkeys(("0", "no", "n", "false", "否", "不是"), False),
}
LUNAR_WORDS: dict[str, bool] = {
    **YES_NO_WORDS,
    "农历": True,
    "阴历": True,
    "lunar": True,
    "公历": False,
    "阳历": False,
    "gregorian": False,
}
_YES_NO = QT_TRANSLATE_NOOP("Import", "Unknown value {value}; use yes or no (是/否, 1/0).")

CONTACT_COLUMNS: tuple[Column, ...] = (
    *FRANCHISEE_COLUMNS,
    Column("name", "text", ("姓名", "联系人", "联系人姓名", "contact_name", "contact"), required=True),
    Column(
        "role",
        "choice",
        ("角色", "职务", "联系人角色", "title", "job_title"),
        choices=CONTACT_ROLE_WORDS,
        unknown=QT_TRANSLATE_NOOP(
            "Import",
            "Unknown contact role {value}; use owner, manager, finance, purchasing, store_manager or other.",
        ),
    ),
    Column("honorific", "text", ("称呼", "尊称")),
    Column(
        "gender",
        "choice",
        ("性别", "sex"),
        choices=GENDER_WORDS,
        unknown=QT_TRANSLATE_NOOP("Import", "Unknown gender {value}; use male, female or unknown."),
    ),
    Column("mobile", "digits", ("手机", "手机号", "手机号码", "mobile_phone", "cell")),
    Column("phone", "text", ("电话", "座机", "固定电话", "telephone", "tel")),
    Column("email", "text", ("邮箱", "电子邮箱", "电子邮件", "e_mail", "mail")),
    Column("wechat_id", "text", ("微信", "微信号", "wechat")),
    Column("birthday", "date", ("生日", "出生日期", "birthdate", "date_of_birth")),
    Column(
        "birthday_lunar",
        "choice",
        ("农历生日", "生日农历", "农历", "lunar_birthday", "lunar"),
        choices=LUNAR_WORDS,
        unknown=_YES_NO,
    ),
    Column(
        "is_primary",
        "choice",
        ("主要联系人", "首要联系人", "是否主要联系人", "primary", "primary_contact"),
        choices=YES_NO_WORDS,
        unknown=_YES_NO,
    ),
    Column("hobbies", "text", ("爱好", "兴趣爱好")),
    Column("preferences", "text", ("偏好", "喜好")),
    Column("notes", "text", ("备注", "note", "comment")),
)
STORE_COLUMNS: tuple[Column, ...] = (
    *FRANCHISEE_COLUMNS,
    Column("name", "text", ("门店名称", "店名", "门店", "名称", "store_name", "store"), required=True),
    Column("address", "text", ("地址", "门店地址", "street")),
    Column("city", "text", ("城市", "所在城市")),
    Column("opened_on", "date", ("开业日期", "开店日期", "opening_date", "opened")),
    Column(
        "status",
        "choice",
        ("状态", "门店状态", "store_status"),
        choices=STORE_STATUS_WORDS,
        unknown=QT_TRANSLATE_NOOP(
            "Import", "Unknown store status {value}; use planned, open, renovating or closed."
        ),
    ),
    Column("floor_area", "decimal", ("面积", "营业面积", "门店面积", "面积(平方米)", "area")),
)
_FRANCHISEE_LABELS = {
    "franchisee_code": QT_TRANSLATE_NOOP("Import", "Franchisee code"),
    "franchisee_uscc": QT_TRANSLATE_NOOP("Import", "Franchisee's unified social credit code"),
}
CONTACT_LABELS = {
    **_FRANCHISEE_LABELS,
    "name": QT_TRANSLATE_NOOP("Import", "Contact name"),
    "role": QT_TRANSLATE_NOOP("Import", "Role"),
    "honorific": QT_TRANSLATE_NOOP("Import", "Honorific"),
    "gender": QT_TRANSLATE_NOOP("Import", "Gender"),
    "mobile": QT_TRANSLATE_NOOP("Import", "Mobile"),
    "phone": QT_TRANSLATE_NOOP("Import", "Phone"),
    "email": QT_TRANSLATE_NOOP("Import", "Email"),
    "wechat_id": QT_TRANSLATE_NOOP("Import", "WeChat ID"),
    "birthday": QT_TRANSLATE_NOOP("Import", "Birthday"),
    "birthday_lunar": QT_TRANSLATE_NOOP("Import", "Birthday on the lunar calendar"),
    "is_primary": QT_TRANSLATE_NOOP("Import", "Primary contact"),
    "hobbies": QT_TRANSLATE_NOOP("Import", "Hobbies"),
    "preferences": QT_TRANSLATE_NOOP("Import", "Preferences"),
    "notes": QT_TRANSLATE_NOOP("Import", "Notes"),
}
STORE_LABELS = {
    **_FRANCHISEE_LABELS,
    "name": QT_TRANSLATE_NOOP("Import", "Store name"),
    "address": QT_TRANSLATE_NOOP("Import", "Address"),
    "city": QT_TRANSLATE_NOOP("Import", "City"),
    "opened_on": QT_TRANSLATE_NOOP("Import", "Opening date"),
    "status": QT_TRANSLATE_NOOP("Import", "Store status"),
    "floor_area": QT_TRANSLATE_NOOP("Import", "Floor area (m²)"),
}
CONTACT_TEMPLATE = Template(CONTACT_COLUMNS, CONTACT_LABELS)
STORE_TEMPLATE = Template(STORE_COLUMNS, STORE_LABELS)


@dataclass
class _Row:
    number: int
    code: str
    uscc: str
    data: Any  # ContactData / StoreData
    franchisee_id: int | None = None


@dataclass(frozen=True)
class _Kind:
    template: Template
    build: Callable[[dict[str, Any]], Any]
    clean: Callable[[Any], Any]
    validate: Callable[[Any, date], list]
    model: type
    values: Callable[[Any], dict[str, Any]]
    noun: str


def _contact(values: dict[str, Any]) -> ContactData:
    fields = {k: v for k, v in values.items() if k in ContactData.__dataclass_fields__ and v is not None}
    fields.setdefault("role", ContactRole.OWNER)
    return ContactData(**{k: ("" if v is None else v) for k, v in fields.items()})


def _store(values: dict[str, Any]) -> StoreData:
    fields = {k: v for k, v in values.items() if k in StoreData.__dataclass_fields__ and v is not None}
    return StoreData(**fields)


CONTACTS = _Kind(
    CONTACT_TEMPLATE, _contact, clean_contact, validate_contact, Contact, ContactMapper.values, "contacts"
)
STORES = _Kind(STORE_TEMPLATE, _store, clean_store, validate_store, Store, StoreMapper.values, "stores")

DUPLICATE_CHILD = {
    "contacts": QT_TRANSLATE_NOOP(
        "Import",
        "Franchisee {code} already has a contact {name} (same {matched_by}): choose update, skip or create for "
        "this row.",
    ),
    "stores": QT_TRANSLATE_NOOP(
        "Import", "Franchisee {code} already has a store {name}: choose update, skip or create for this row."
    ),
}
SAME_RECORD = QT_TRANSLATE_NOOP("Import", "Row {row} already updates {name}; keep one of the two rows.")
PRIMARY_IN_PROFILE = QT_TRANSLATE_NOOP(
    "Import",
    "{name} is the primary contact of {code}; an import does not change which contact is the primary one. "
    "Leave is_primary empty here and change it in the profile's Contacts tab.",
)
TWO_PRIMARY = QT_TRANSLATE_NOOP(
    "Import", "Row {row} already makes a contact of this franchisee the primary one; mark only one."
)
NOT_YOURS = QT_TRANSLATE_NOOP(
    "Import",
    "Your role ({role}) may not edit franchisee {code}: it is looked after by another account manager.",
)

NO_FRANCHISEE_COLUMN = QT_TRANSLATE_NOOP(
    "Import",
    "The file has neither a franchisee_code nor a franchisee_uscc column: each row must say which franchisee "
    "it belongs to.",
)


class _ChildImporter(Service):
    kind: _Kind

    @property
    def entity(self) -> str:
        return self.kind.noun

    def _people(self, table):
        """For contacts: the people of an export that holds them (Odoo) as a contacts table; else ``table``."""
        if self.kind is not CONTACTS:
            return table
        recognised = recognise_layout(table, "")
        if recognised.problems:
            raise Refused(*recognised.problems)
        return recognised.contacts or table

    def preview(self, actor: Actor, path: str | Path, *, mapping: str | None = None) -> FilePreview:
        """Read ``path`` (never writes) and say how its columns map: the saved mapping ``mapping``, else
        hqdesk's template headers, else headers guessed from their names."""
        self.require(actor, Action.IMPORT_FRANCHISEES)
        template = self.kind.template
        try:
            assigned, name = resolve(self.db, self.entity, mapping)
            preview = build_preview(
                template,
                self.entity,
                self._people(read_table(Path(path))),
                assigned=assigned,
                mapping_name=name,
            )
        except Refused as refused:
            return refused_preview(template, self.entity, str(path), refused.problems, mapping or "")
        if not {c.field for c in preview.columns} & {"franchisee_code", "franchisee_uscc"}:
            # neither is required alone, but one of them is: say so where the wizard shows what is missing
            preview = replace(preview, missing=("franchisee_code", *preview.missing))
        return preview

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
        ``mapping``, ``on_duplicate`` and ``decisions`` as for franchisees (module docstring: what a duplicate
        contact or store is). Problems come back in ``ImportResult.errors`` (nothing written); raises
        PermissionDenied."""
        self.require(actor, Action.IMPORT_FRANCHISEES)
        path = Path(path)
        today = today or date.today()
        template = self.kind.template
        mapping_name = mapping if isinstance(mapping, str) else ""
        try:
            check_choices(on_duplicate, decisions)
            assigned, mapping_name = resolve(self.db, self.entity, mapping)
            table = read_table(path)
            table = self._people(table)
            header_row, mapping, data = template.map_header(table, assigned)
            names = {c.name for c in mapping.values()}
            if not names & {"franchisee_code", "franchisee_uscc"}:
                raise Refused(ImportProblem(header_row, "franchisee_code", NO_FRANCHISEE_COLUMN))
        except Refused as refused:
            return ImportResult(str(path), 0, 0, dry_run, refused.problems, mapping_name=mapping_name)
        problems: list[ImportProblem] = []
        rows: list[_Row] = []
        for number, cells in data:
            if all(blank(c) for c in cells) and not any((number, i) in table.formulas for i in mapping):
                continue
            values: dict[str, Any] = {}
            bad: set[str] = set()
            for index, column in mapping.items():
                cell = cells[index] if index < len(cells) else None
                if cell is None and (number, index) in table.formulas:
                    problems.append(
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
                    bad.add(column.name)
                    continue
                try:
                    values[column.name] = convert(column, cell)
                except CellProblem as exc:
                    problems.append(ImportProblem(number, column.name, exc.message, exc.params, exc.context))
                    bad.add(column.name)
            item = self.kind.clean(self.kind.build(values))
            for err in self.kind.validate(item, today):
                if err.field not in bad:
                    problems.append(ImportProblem(number, err.field, err.message, err.params, VALIDATION))
            code = values.get("franchisee_code") or ""
            uscc = values.get("franchisee_uscc") or ""
            if not code and not uscc and not bad & {"franchisee_code", "franchisee_uscc"}:
                problems.append(
                    ImportProblem(
                        number,
                        "franchisee_code",
                        QT_TRANSLATE_NOOP(
                            "Import", "Say which franchisee this row belongs to: its code or its credit code."
                        ),
                    )
                )
            rows.append(_Row(number, code, uscc, item))
        present = present_cells(mapping, data)
        try:
            with self.db.write(actor.username) as s:
                now = self.require(actor, Action.IMPORT_FRANCHISEES, s=s)
                self._attach(s, rows, problems)
                create, updates, duplicates, skipped = self._duplicates(
                    s, now, rows, problems, on_duplicate, decisions or {}, present, today
                )
                self._check_primary(s, create, updates, present, problems)
                result = partial(
                    self._result,
                    path,
                    create + [row for row, _existing in updates],
                    skipped=skipped,
                    duplicates=tuple(duplicates),
                    mapping_name=mapping_name,
                )
                if problems or dry_run:
                    s.rollback()
                    return result(0, dry_run, problems)
                imported = self._write(s, create, actor) if create else 0
                updated = self._update(s, updates, present, actor)
                s.commit()
        except IntegrityError as exc:
            raise ImportConflict() from exc
        except StaleDataError as exc:
            raise ImportStale() from exc
        return result(imported, dry_run, problems, updated=updated)

    def _duplicates(self, s: Session, actor: Actor, rows, problems, on_duplicate, decisions, present, today):
        """(rows to create, (row, existing record) to update, every match with its action, rows skipped).

        A contact matches a contact of the same franchisee with the same name, else the same mobile; a store
        matches a store of the same franchisee with the same name. "refuse" makes a match a problem; "create"
        adds the row beside the match; "update" sets the row's non-blank cells on the match (checked by the
        same rules as the dialogs); "skip" leaves the row out. The actor must be allowed to edit each row's
        franchisee (an account manager: their own)."""
        model = self.kind.model
        ids = sorted({r.franchisee_id for r in rows if r.franchisee_id is not None})
        owners: dict[int, tuple[str, int | None]] = {}
        existing: dict[int, list] = {}
        for i in range(0, len(ids), 1000):
            chunk = ids[i : i + 1000]
            for fid, code, manager in s.execute(
                select(Franchisee.id, Franchisee.code, Franchisee.account_manager_id).where(
                    Franchisee.id.in_(chunk)
                )
            ):
                owners[fid] = (code, manager)
            for record in s.scalars(select(model).where(model.franchisee_id.in_(chunk)).order_by(model.id)):
                existing.setdefault(record.franchisee_id, []).append(record)
        create, updates, found, skipped = [], [], [], set()
        updated_ids: dict[int, int] = {}
        for row in rows:
            if row.franchisee_id is None:
                create.append(row)
                continue
            code, manager = owners[row.franchisee_id]
            if not actor.can(Action.EDIT_FRANCHISEE, owner_id=manager):
                problems.append(
                    ImportProblem(row.number, None, NOT_YOURS, {"role": actor.role.value, "code": code})
                )
            match = self._match(row, existing.get(row.franchisee_id, ()))
            if match is None:
                create.append(row)
                continue
            matched_by, record = match
            action = decisions.get(row.number, on_duplicate)
            if action == "refuse":
                problems.append(
                    ImportProblem(
                        row.number,
                        matched_by,
                        DUPLICATE_CHILD[self.kind.noun],
                        {"code": code, "name": record.name, "matched_by": matched_by},
                    )
                )
                continue
            found.append(DuplicateMatch(row.number, matched_by, record.id, code, record.name, action))
            if action == "skip":
                skipped.add(row.number)
            elif action == "create":
                create.append(row)
            else:
                if record.id in updated_ids:
                    problems.append(
                        ImportProblem(
                            row.number,
                            "name",
                            SAME_RECORD,
                            {"row": updated_ids[record.id], "name": record.name},
                        )
                    )
                updated_ids.setdefault(record.id, row.number)
                self._merge(row, record, present.get(row.number, frozenset()), problems, today)
                updates.append((row, record))
        if skipped:
            problems[:] = [p for p in problems if p.row not in skipped]
        return create, updates, found, len(skipped)

    def _check_primary(self, s: Session, create, updates, present, problems) -> None:
        """Contacts: a row marked primary ("yes") becomes its franchisee's primary contact only where the franchisee
        has none (in hqdesk or earlier in the file); an import never moves the primary contact from one person to
        another (that is done in the profile), so a row that would is a problem."""
        if self.kind.model is not Contact:
            return
        marked = [r for r in create if r.franchisee_id is not None and r.data.is_primary]
        changed = [
            (row, record)
            for row, record in updates
            if "is_primary" in present.get(row.number, ()) and bool(row.data.is_primary) != record.is_primary
        ]
        ids = sorted({r.franchisee_id for r in marked} | {record.franchisee_id for _row, record in changed})
        current: dict[int, str] = {}
        for i in range(0, len(ids), 1000):
            current.update(
                s.execute(
                    select(Contact.franchisee_id, Contact.name).where(
                        Contact.is_primary.is_(True), Contact.franchisee_id.in_(ids[i : i + 1000])
                    )
                ).all()
            )
        for row, record in changed:
            problems.append(
                ImportProblem(
                    row.number,
                    "is_primary",
                    PRIMARY_IN_PROFILE,
                    {"name": current.get(record.franchisee_id, ""), "code": row.code or row.uscc},
                )
            )
        first: dict[int, int] = {}
        for row in marked:
            fid = row.franchisee_id
            if fid in current:
                problems.append(
                    ImportProblem(
                        row.number,
                        "is_primary",
                        PRIMARY_IN_PROFILE,
                        {"name": current[fid], "code": row.code or row.uscc},
                    )
                )
            elif fid in first:
                problems.append(ImportProblem(row.number, "is_primary", TWO_PRIMARY, {"row": first[fid]}))
            else:
                first[fid] = row.number

    def _match(self, row: _Row, candidates) -> tuple[str, Any] | None:
        name = getattr(row.data, "name", "")
        for record in candidates:
            if name and record.name == name:
                return "name", record
        mobile = getattr(row.data, "mobile", "") if self.kind.model is Contact else ""
        for record in candidates if mobile else ():
            if record.mobile == mobile:
                return "mobile", record
        return None

    def _merge(self, row: _Row, record, present: frozenset[str], problems, today) -> None:
        """The record with the row's non-blank cells, checked by the dialogs' rules (as the row's data)."""
        from dataclasses import replace as copy_with

        if self.kind.model is Contact:
            before = ContactMapper.data(record, anniversaries=())
        else:
            before = StoreMapper.data(record)
        fields = {f: getattr(row.data, f) for f in before.__dataclass_fields__ if f in present}
        merged = self.kind.clean(copy_with(before, **fields))
        reported = {p.column for p in problems if p.row == row.number}
        for error in self.kind.validate(merged, today):
            if error.field not in reported:
                problems.append(
                    ImportProblem(row.number, error.field, error.message, error.params, VALIDATION)
                )
        row.data = merged

    def _update(self, s: Session, updates, present, actor: Actor) -> int:
        if not updates:
            return 0
        for row, record in updates:
            values = self.kind.values(row.data)
            for name in present.get(row.number, frozenset()):
                if name in values and name != "is_primary":  # unchanged (checked): the profile changes it
                    setattr(record, name, values[name])
            record.updated_by = actor.username
        s.flush()  # StaleDataError: another user saved one of them meanwhile
        if self.kind.model is Contact:
            from hqdesk.services.franchisees import refresh_search_text

            for franchisee_id in sorted({record.franchisee_id for _row, record in updates}):
                refresh_search_text(s, franchisee_id)
        return len(updates)

    def _attach(self, s: Session, rows: list[_Row], problems: list[ImportProblem]) -> None:
        """Find each row's franchisee (by credit code, then by code, case-insensitive)."""
        by_code = {code.lower(): fid for fid, code in s.execute(select(Franchisee.id, Franchisee.code))}
        by_uscc = dict(
            s.execute(select(Franchisee.uscc, Franchisee.id).where(Franchisee.uscc.is_not(None))).all()
        )
        for row in rows:
            from_uscc = by_uscc.get(row.uscc) if row.uscc else None
            from_code = by_code.get(row.code.lower()) if row.code else None
            if row.uscc and from_uscc is None:
                problems.append(
                    ImportProblem(
                        row.number,
                        "franchisee_uscc",
                        QT_TRANSLATE_NOOP(
                            "Import", "No franchisee has the unified social credit code {uscc}."
                        ),
                        {"uscc": row.uscc},
                    )
                )
            if row.code and from_code is None:
                problems.append(
                    ImportProblem(
                        row.number,
                        "franchisee_code",
                        QT_TRANSLATE_NOOP("Import", "No franchisee has the code {code}."),
                        {"code": row.code},
                    )
                )
            if from_uscc is not None and from_code is not None and from_uscc != from_code:
                problems.append(
                    ImportProblem(
                        row.number,
                        "franchisee_uscc",
                        QT_TRANSLATE_NOOP(
                            "Import",
                            "The code {code} and the credit code {uscc} belong to different franchisees.",
                        ),
                        {"code": row.code, "uscc": row.uscc},
                    )
                )
            row.franchisee_id = from_uscc if from_uscc is not None else from_code

    def _write(self, s: Session, rows: list[_Row], actor: Actor) -> int:
        now = utcnow()
        stamp = {"version": 1, "created_at": now, "updated_at": now, "updated_by": actor.username}
        values = [{**self.kind.values(r.data), "franchisee_id": r.franchisee_id, **stamp} for r in rows]
        if self.kind.model is Contact:
            has_primary = set(
                s.scalars(
                    select(Contact.franchisee_id).where(
                        Contact.is_primary.is_(True),
                        Contact.franchisee_id.in_({r.franchisee_id for r in rows}),
                    )
                )
            )
            marked = {r.franchisee_id for r in rows if r.data.is_primary}  # checked: one each, none before
            for v, row in zip(values, rows, strict=True):
                fid = v["franchisee_id"]
                if row.data.is_primary:
                    v["is_primary"] = True
                else:  # the first contact of a franchisee without a primary one (none marked in the file) is it
                    v["is_primary"] = fid not in has_primary and fid not in marked
                has_primary.add(fid)
        insert_audited(s, self.kind.model, values, actor.username)
        if self.kind.model is Contact:
            from hqdesk.services.franchisees import refresh_search_text

            for franchisee_id in sorted({r.franchisee_id for r in rows}):
                refresh_search_text(s, franchisee_id)
        return len(rows)

    def _result(
        self,
        path: Path,
        rows: list[_Row],
        imported: int,
        dry_run: bool,
        problems,
        *,
        updated: int = 0,
        skipped: int = 0,
        duplicates: tuple[DuplicateMatch, ...] = (),
        mapping_name: str = "",
    ) -> ImportResult:
        order = self.kind.template.order
        ordered = sorted(problems, key=lambda p: (p.row or 0, order.get(p.column or "", len(order))))
        return ImportResult(
            str(path),
            len(rows),
            imported,
            dry_run,
            tuple(ordered),
            updated=updated,
            skipped=skipped,
            duplicates=duplicates,
            mapping_name=mapping_name,
        )


class ContactImporter(_ChildImporter):
    """Import contacts of existing franchisees (all rows or none)."""

    kind = CONTACTS


class StoreImporter(_ChildImporter):
    """Import stores of existing franchisees (all rows or none)."""

    kind = STORES


__all__ = ["ContactImporter", "StoreImporter", "CONTACT_TEMPLATE", "STORE_TEMPLATE"]
