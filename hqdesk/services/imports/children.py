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

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

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
from hqdesk.services.imports.layouts import recognise_layout
from hqdesk.services.imports.problems import CellProblem, ImportConflict, ImportProblem, ImportResult, Refused
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
CONTACT_TEMPLATE = Template(CONTACT_COLUMNS)
STORE_TEMPLATE = Template(STORE_COLUMNS)


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

NO_FRANCHISEE_COLUMN = QT_TRANSLATE_NOOP(
    "Import",
    "The file has neither a franchisee_code nor a franchisee_uscc column: each row must say which franchisee "
    "it belongs to.",
)


class _ChildImporter(Service):
    kind: _Kind

    def import_file(
        self, actor: Actor, path: str | Path, *, dry_run: bool = False, today: date | None = None
    ) -> ImportResult:
        """Check ``path`` and, unless ``dry_run`` or a row is bad, import every row in one transaction.
        Problems come back in ``ImportResult.errors`` (nothing written); raises PermissionDenied."""
        self.require(actor, Action.IMPORT_FRANCHISEES)
        path = Path(path)
        today = today or date.today()
        template = self.kind.template
        try:
            table = read_table(path)
            if self.kind is CONTACTS:  # the people of an export that holds them (Odoo), as contacts
                recognised = recognise_layout(table, "")
                if recognised.problems:
                    raise Refused(*recognised.problems)
                table = recognised.contacts or table
            header_row, mapping, data = template.map_header(table)
            names = {c.name for c in mapping.values()}
            if not names & {"franchisee_code", "franchisee_uscc"}:
                raise Refused(ImportProblem(header_row, "franchisee_code", NO_FRANCHISEE_COLUMN))
        except Refused as refused:
            return ImportResult(str(path), 0, 0, dry_run, refused.problems)
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
        try:
            with self.db.write(actor.username) as s:
                self.require(actor, Action.IMPORT_FRANCHISEES, s=s)
                self._attach(s, rows, problems)
                if problems or dry_run:
                    s.rollback()
                    return self._result(path, rows, 0, dry_run, problems)
                imported = self._write(s, rows, actor)
                s.commit()
        except IntegrityError as exc:
            raise ImportConflict() from exc
        return self._result(path, rows, imported, dry_run, problems)

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
            for v in values:
                v["is_primary"] = v["franchisee_id"] not in has_primary
                has_primary.add(v["franchisee_id"])
        insert_audited(s, self.kind.model, values, actor.username)
        if self.kind.model is Contact:
            from hqdesk.services.franchisees import refresh_search_text

            for franchisee_id in sorted({r.franchisee_id for r in rows}):
                refresh_search_text(s, franchisee_id)
        return len(rows)

    def _result(self, path: Path, rows: list[_Row], imported: int, dry_run: bool, problems) -> ImportResult:
        order = self.kind.template.order
        ordered = sorted(problems, key=lambda p: (p.row or 0, order.get(p.column or "", len(order))))
        return ImportResult(str(path), len(rows), imported, dry_run, tuple(ordered))


class ContactImporter(_ChildImporter):
    """Import contacts of existing franchisees (all rows or none)."""

    kind = CONTACTS


class StoreImporter(_ChildImporter):
    """Import stores of existing franchisees (all rows or none)."""

    kind = STORES


__all__ = ["ContactImporter", "StoreImporter", "CONTACT_TEMPLATE", "STORE_TEMPLATE"]
