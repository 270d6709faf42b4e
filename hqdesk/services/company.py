"""The company's letterhead details, shared by every user of the database."""

from __future__ import annotations

from hqdesk.domain.errors import ConflictError, FieldError
from hqdesk.domain.i18n import QT_TRANSLATE_NOOP
from hqdesk.domain.roles import Action, Actor
from hqdesk.domain.text import text_problem
from hqdesk.persistence.models import CompanyProfile
from hqdesk.services.base import Service, conflict_error, raise_if_invalid
from hqdesk.services.dto import CompanyProfileDTO

MAX_LOGO_BYTES = 2 * 1024 * 1024


def _dto(p: CompanyProfile) -> CompanyProfileDTO:
    return CompanyProfileDTO(p.version, p.name, p.address, p.phone, p.logo_png)


def _conflict(p: CompanyProfile) -> ConflictError:
    return conflict_error(_dto(p), {}, p)


class CompanyService(Service):
    def get(self) -> CompanyProfileDTO:
        with self.db.read() as s:
            return _dto(s.get(CompanyProfile, 1))

    def update(
        self, actor: Actor, version: int, name: str, address: str, phone: str, logo_png: bytes | None
    ) -> CompanyProfileDTO:
        errors = []
        if len(name.strip()) > 200:
            errors.append(
                FieldError(
                    "name", QT_TRANSLATE_NOOP("Validation", "At most {limit} characters."), {"limit": 200}
                )
            )
        for field, value in (("name", name), ("address", address), ("phone", phone)):
            if problem := text_problem(value):
                errors.append(FieldError(field, problem))
        if logo_png is not None and len(logo_png) > MAX_LOGO_BYTES:
            errors.append(
                FieldError("logo", QT_TRANSLATE_NOOP("Validation", "The logo file is larger than 2 MB."))
            )
        raise_if_invalid(errors)
        with self.db.write(actor.username) as s:
            self.require(actor, Action.EDIT_COMPANY_SETTINGS, s=s)
            p = s.get(CompanyProfile, 1)
            if p.version != version:
                raise _conflict(p)
            p.name, p.address, p.phone, p.logo_png = name.strip(), address.strip(), phone.strip(), logo_png
            p.updated_by = actor.username
            self.flush_or_conflict(s, lambda fresh: _conflict(fresh.get(CompanyProfile, 1)))
            dto = _dto(p)
            s.commit()
        return dto
