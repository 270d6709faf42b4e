"""Company-wide settings kept in the shared database (``company_settings``: key -> text), so that every user
sees the same value: e.g. the calendar's contract-renewal lead time. Each capability names its keys and
defaults next to the code that reads them; who may change a key is the action given to ``put``."""

from __future__ import annotations

from sqlalchemy import select

from hqdesk.domain.errors import ConflictError
from hqdesk.domain.roles import Action, Actor
from hqdesk.persistence.models_credit import CompanySetting
from hqdesk.services.base import Service


class CompanySettingsService(Service):
    def get(self, key: str, default: str = "") -> str:
        return self.get_versioned(key, default)[0]

    def get_versioned(self, key: str, default: str = "") -> tuple[str, int | None]:
        """The value and its version (None: never set, the default applies): pass the version to ``put``."""
        with self.db.read() as s:
            row = s.scalar(select(CompanySetting).where(CompanySetting.key == key))
            return (default, None) if row is None else (row.value, row.version)

    def get_int(self, key: str, default: int) -> int:
        value = self.get(key, "")
        try:
            return int(value)
        except ValueError:
            return default

    def put(
        self,
        actor: Actor,
        key: str,
        value: str,
        version: int | None,
        action: Action = Action.EDIT_COMPANY_SETTINGS,
    ) -> int:
        """Set ``key`` to ``value`` (the caller validates it) if ``actor`` may take ``action``; ``version`` is
        what ``get_versioned`` returned (another user's change in between raises ConflictError). Returns the
        new version."""
        with self.db.write(actor.username) as s:
            self.require(actor, action, s=s)
            row = s.scalar(select(CompanySetting).where(CompanySetting.key == key))
            if (row.version if row is not None else None) != version:
                raise self._conflict(row, key, value)
            if row is None:
                row = CompanySetting(key=key, value=value, updated_by=actor.username)
                s.add(row)
            else:
                row.value, row.updated_by = value, actor.username
            self.flush_or_conflict(
                s,
                lambda fresh: self._conflict(
                    fresh.scalar(select(CompanySetting).where(CompanySetting.key == key)), key, value
                ),
            )
            new_version = row.version
            s.commit()
        return new_version

    @staticmethod
    def _conflict(row: CompanySetting | None, key: str, value: str) -> ConflictError:
        theirs = row.value if row is not None else ""
        when = row.updated_at.astimezone().strftime("%Y-%m-%d %H:%M") if row is not None else ""
        return ConflictError(theirs, {key: (theirs, value)}, row.updated_by if row is not None else "", when)
