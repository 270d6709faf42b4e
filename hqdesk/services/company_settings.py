"""Company-wide settings kept in the shared database (``company_settings``: key -> text), so that every user
sees the same value: e.g. the calendar's contract-renewal lead time. Each capability names its keys and
defaults next to the code that reads them; who may change a key is the action given to ``put``."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

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

    def get_many(self, keys: Iterable[str]) -> dict[str, tuple[str, int | None]]:
        """key -> (value, version) for ``keys`` (("", None): never set), in one read."""
        keys = list(keys)
        with self.db.read() as s:
            rows = {r.key: r for r in s.scalars(select(CompanySetting).where(CompanySetting.key.in_(keys)))}
            return {k: (rows[k].value, rows[k].version) if k in rows else ("", None) for k in keys}

    def put_many(
        self,
        actor: Actor,
        values: Mapping[str, str],
        versions: Mapping[str, int | None],
        action: Action = Action.EDIT_COMPANY_SETTINGS,
    ) -> dict[str, tuple[str, int | None]]:
        """Set several keys in ONE transaction (the caller validates the values): all of them or, when another
        user changed one of them since ``versions`` were read, none (ConflictError naming every such key, its
        ``current`` the values as they are now). Returns ``get_many`` of the keys after the write."""
        with self.db.write(actor.username) as s:
            self.require(actor, action, s=s)
            rows = {
                r.key: r
                for r in s.scalars(select(CompanySetting).where(CompanySetting.key.in_(list(values))))
            }
            stale = [k for k in values if (rows[k].version if k in rows else None) != versions.get(k)]
            if stale:
                raise self._conflict_many(rows, stale, values)
            for key, value in values.items():
                row = rows.get(key)
                if row is None:
                    s.add(CompanySetting(key=key, value=value, updated_by=actor.username))
                elif row.value != value:
                    row.value, row.updated_by = value, actor.username
            self.flush_or_conflict(
                s,
                lambda fresh: self._conflict_many(
                    {
                        r.key: r
                        for r in fresh.scalars(
                            select(CompanySetting).where(CompanySetting.key.in_(list(values)))
                        )
                    },
                    list(values),
                    values,
                ),
            )
            s.commit()
        return self.get_many(values)

    @staticmethod
    def _conflict_many(
        rows: Mapping[str, CompanySetting], keys: list[str], mine: Mapping[str, str]
    ) -> ConflictError:
        current = {k: (rows[k].value, rows[k].version) if k in rows else ("", None) for k in mine}
        changes = {k: (current[k][0], mine[k]) for k in keys if current[k][0] != mine[k]}
        latest = max((rows[k] for k in keys if k in rows), key=lambda r: r.updated_at, default=None)
        when = latest.updated_at.astimezone().strftime("%Y-%m-%d %H:%M") if latest is not None else ""
        return ConflictError(current, changes, latest.updated_by if latest is not None else "", when)

    @staticmethod
    def _conflict(row: CompanySetting | None, key: str, value: str) -> ConflictError:
        theirs = row.value if row is not None else ""
        when = row.updated_at.astimezone().strftime("%Y-%m-%d %H:%M") if row is not None else ""
        return ConflictError(theirs, {key: (theirs, value)}, row.updated_by if row is not None else "", when)
