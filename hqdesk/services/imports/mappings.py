"""Column mappings saved by name (table ``import_mappings``), shared by every user.

A mapping says, for one entity (franchisees, contacts, stores), which field each header of a file goes to:
``{"header text": "field key"}``, "" for a column that is not imported. The import wizard saves one after the
user maps a file; ``hqdesk-admin import ... --mapping NAME`` and the wizard apply it to the next file of the
same shape. Names are unique per entity. Saving an existing name is an update of the version read (another
user's save in between is a conflict, as for every record); who may import may save and delete mappings,
everyone may read them.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from hqdesk.domain.errors import FieldError, NotFound, ValidationError
from hqdesk.domain.i18n import QT_TRANSLATE_NOOP
from hqdesk.domain.roles import Action, Actor
from hqdesk.persistence.models_imports import ImportMapping
from hqdesk.services.base import Service, conflict_error
from hqdesk.services.imports.plan import ENTITIES

NAME_CHARS = 100


@dataclass(frozen=True)
class SavedMapping:
    id: int
    name: str
    entity: str
    columns: dict[str, str]  # header text -> field key ("" = ignore)
    version: int
    updated_by: str


class MappingNotFound(NotFound):
    context = "Import"
    message = QT_TRANSLATE_NOOP("Import", "There is no saved mapping {name} for {entity}. Saved: {names}.")


def _dto(row: ImportMapping) -> SavedMapping:
    return SavedMapping(row.id, row.name, row.entity, json.loads(row.columns), row.version, row.updated_by)


def _fields(entity: str) -> frozenset[str]:
    from hqdesk.services.imports.templates import TEMPLATES

    return frozenset(TEMPLATES[entity].by_name)


class ImportMappingService(Service):
    """List, read, save and delete the saved column mappings (see the module docstring)."""

    def list(self, entity: str | None = None) -> list[SavedMapping]:
        """Every saved mapping (of ``entity``), by entity and name."""
        with self.db.read() as s:
            query = select(ImportMapping).order_by(ImportMapping.entity, ImportMapping.name)
            if entity is not None:
                query = query.where(ImportMapping.entity == entity)
            return [_dto(row) for row in s.scalars(query)]

    def names(self, entity: str) -> list[str]:
        return [m.name for m in self.list(entity)]

    def get(self, name: str, entity: str) -> SavedMapping:
        """The mapping ``name`` of ``entity``; MappingNotFound (naming the saved ones) if there is none."""
        with self.db.read() as s:
            row = s.scalar(
                select(ImportMapping).where(
                    ImportMapping.entity == entity, ImportMapping.name == name.strip()
                )
            )
            if row is not None:
                return _dto(row)
            names = list(
                s.scalars(
                    select(ImportMapping.name)
                    .where(ImportMapping.entity == entity)
                    .order_by(ImportMapping.name)
                )
            )
        raise MappingNotFound(name=name, entity=entity, names=", ".join(names) or "none")

    def save(
        self,
        actor: Actor,
        name: str,
        entity: str,
        columns: dict[str, str],
        *,
        expected_version: int | None = None,
    ) -> SavedMapping:
        """Insert the mapping ``name`` or, with ``expected_version``, update it (ConflictError when another user
        saved it since that version was read; ConflictError too for a new name another user has just taken)."""
        name = name.strip()
        errors = []
        if not name:
            errors.append(FieldError("name", QT_TRANSLATE_NOOP("Validation", "Enter a name.")))
        elif len(name) > NAME_CHARS:
            errors.append(
                FieldError(
                    "name",
                    QT_TRANSLATE_NOOP("Validation", "At most {max} characters."),
                    {"max": NAME_CHARS},
                )
            )
        if entity not in ENTITIES:
            errors.append(
                FieldError(
                    "entity",
                    QT_TRANSLATE_NOOP(
                        "Validation", "Mappings are for franchisees, contacts or stores, not {entity}."
                    ),
                    {"entity": entity},
                )
            )
        else:
            known = _fields(entity)
            for header, field in columns.items():
                if field and field not in known:
                    errors.append(
                        FieldError(
                            "columns",
                            QT_TRANSLATE_NOOP(
                                "Validation",
                                'The mapping sends column "{header}" to {field}, which this import '
                                "does not have.",
                            ),
                            {"header": header, "field": field},
                        )
                    )
        if errors:
            raise ValidationError(errors)
        text = json.dumps({str(k): str(v) for k, v in columns.items()}, ensure_ascii=False, sort_keys=True)
        try:
            with self.db.write(actor.username) as s:
                self.require(actor, Action.IMPORT_FRANCHISEES, s=s)
                row = s.scalar(
                    select(ImportMapping).where(ImportMapping.entity == entity, ImportMapping.name == name)
                )
                if row is None:
                    if expected_version is not None:
                        raise NotFound()  # deleted by another user since it was read
                    row = ImportMapping(
                        name=name,
                        entity=entity,
                        columns=text,
                        created_by=actor.username,
                        updated_by=actor.username,
                    )
                    s.add(row)
                    s.flush()
                else:
                    if expected_version is None or row.version != expected_version:
                        raise conflict_error(_dto(row), {}, row)
                    row.columns = text
                    row.updated_by = actor.username
                    self.flush_or_conflict(
                        s,
                        lambda fresh: conflict_error(
                            _dto(fresh.get(ImportMapping, row.id)), {}, fresh.get(ImportMapping, row.id)
                        ),
                    )
                dto = _dto(row)
                s.commit()
        except IntegrityError:
            # another user saved a mapping of that name between our look-up and our insert
            with self.db.read() as s:
                row = s.scalar(
                    select(ImportMapping).where(ImportMapping.entity == entity, ImportMapping.name == name)
                )
                if row is None:
                    raise
                raise conflict_error(_dto(row), {}, row) from None
        return dto

    def delete(self, actor: Actor, name: str, entity: str) -> None:
        with self.db.write(actor.username) as s:
            self.require(actor, Action.IMPORT_FRANCHISEES, s=s)
            row = s.scalar(
                select(ImportMapping).where(
                    ImportMapping.entity == entity, ImportMapping.name == name.strip()
                )
            )
            if row is None:
                raise NotFound()
            s.delete(row)
            s.commit()


def resolve(db, entity: str, mapping) -> tuple[dict[str, str] | None, str]:
    """An importer's ``mapping=`` argument as (header text -> field, the saved mapping's name): None stays
    None (recognised/template/guessed); a name is looked up (Refused, naming the saved ones, if unknown)."""
    from hqdesk.services.imports.problems import ImportProblem, Refused

    if mapping is None:
        return None, ""
    if isinstance(mapping, str):
        try:
            saved = ImportMappingService(db).get(mapping, entity)
        except MappingNotFound as exc:
            raise Refused(ImportProblem(None, None, exc.message, exc.params, exc.context)) from None
        return saved.columns, saved.name
    return {str(k): str(v or "") for k, v in mapping.items()}, ""


__all__ = ["SavedMapping", "ImportMappingService", "MappingNotFound", "resolve"]
