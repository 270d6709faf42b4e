"""The franchisee list's first page read straight through the DB-API driver, before SQLAlchemy is imported.

Start-up's critical path (``hqdesk.ui.startup``): importing SQLAlchemy, its ORM, the models and the services
is about 60 % of a launch, and none of it is needed to show the first rows. This module imports only
``sqlite3`` (and, on PostgreSQL, ``psycopg``), reads read-only, and knows one query: the list as it opens
(every franchisee not archived, no filter), ordered by one of the single-key sort orders of
``hqdesk.services.franchisee_list`` (``SORT_SQL``), with the same columns as its ``row_select`` and the same
page key. ``tests/persistence/test_first_page.py`` compares both on the same database, SQLite and PostgreSQL,
so the two cannot drift apart.

The rows are plain tuples (``ROW_FIELDS``): ``hqdesk.services.startup`` turns them into the list's DTOs.
Anything it does not know (another schema revision, another sort order, a filter) answers None: the caller
takes the normal path, which upgrades the database and reads through the services.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from urllib.parse import parse_qsl, unquote, urlsplit

from hqdesk.resources import db_path

# The sort orders this reader knows: (SQL of the sort key, SQL of the tie-breaker), as in franchisee_list's
# SORT_KEYS for the columns sorted by one value with no blank segment (a blank segment, status and account
# manager need the services). ``hq_pinyin_key``: persistence.sorting.
SORT_SQL = {
    "code": "f.code",
    "legal_name": "hq_pinyin_key(f.legal_name)",
    "city": "hq_pinyin_key(f.city)",
    "tier": "f.tier",
}

# What a row holds, in franchisee_list.row_select's order (the list's FranchiseeRow), then the page key.
ROW_FIELDS = (
    "id",
    "code",
    "legal_name",
    "store_brand_name",
    "region",
    "province",
    "city",
    "tier",
    "status",
    "account_manager",
    "primary_contact",
    "primary_phone",
    "contract_end",
    "archived",
)

_ROWS = """
select f.id, f.code, f.legal_name, f.store_brand_name, f.region, f.province, f.city, f.tier, f.status,
       coalesce(coalesce(nullif(u.display_name, ''), u.username), ''),
       coalesce(pc.name, ''), coalesce(pc.mobile, ''), f.contract_end, f.archived,
       {key}, f.id
from franchisees f
left outer join users u on u.id = f.account_manager_id
left outer join contacts pc on pc.franchisee_id = f.id and pc.is_primary = {true}
where f.archived = {false}
order by {key} {direction}, f.id {direction}
limit {limit}
"""
_COUNT = "select count(*) from franchisees f where f.archived = {false}"
_USER = "select id, username, display_name, role from users where username = {param} and active = {true}"
_VERSION = "select version_num from alembic_version"

_REVISION = re.compile(r"^revision\s*=\s*['\"]([^'\"]+)['\"]", re.MULTILINE)
_DOWN = re.compile(r"^down_revision\s*=\s*['\"]([^'\"]+)['\"]", re.MULTILINE)


def schema_head() -> str | None:
    """The migration scripts' head revision (the one no other revises), read from their files without Alembic;
    None unless there is exactly one. tests/persistence/test_first_page.py: equals migrate.SCHEMA_HEAD."""
    revisions, revised = set(), set()
    for script in db_path("migrations", "versions").glob("*.py"):
        source = script.read_text(encoding="utf-8")
        found = _REVISION.search(source)
        if found:
            revisions.add(found.group(1))
        revised.update(_DOWN.findall(source))
    heads = revisions - revised
    return heads.pop() if len(heads) == 1 else None


class FirstPageReader:
    """One read-only DB-API connection for start-up; ``close()`` it (a context manager)."""

    def __init__(self, url: str, password: str | None = None, timeout_s: float = 5.0) -> None:
        parts = urlsplit(url)
        scheme = parts.scheme.split("+")[0]
        if scheme == "sqlite":
            import sqlite3

            path = unquote(url.split(":///", 1)[1]) if ":///" in url else ""
            if not path or path == ":memory:" or not Path(path).is_file():
                raise FileNotFoundError(path)
            # read-only: nothing is created or written, not even the WAL switch (migrate's rule)
            self.conn = sqlite3.connect(
                Path(path).resolve().as_uri() + "?mode=ro",
                uri=True,
                timeout=timeout_s,
                check_same_thread=False,
            )
            # the sort key as persistence.sorting registers it on every connection the app opens
            self.conn.create_function(
                "hq_pinyin_key", 1, lambda t: None if t is None else t.encode("gb18030"), deterministic=True
            )
            self.dialect, self._param, self._true, self._false = "sqlite", "?", "1", "0"
        elif scheme in ("postgresql", "postgres"):
            import psycopg

            query = dict(parse_qsl(parts.query))
            self.conn = psycopg.connect(
                host=query.get("host") or parts.hostname or None,
                port=query.get("port") or parts.port or None,
                dbname=unquote(parts.path.lstrip("/")) or None,
                user=unquote(parts.username) if parts.username else None,
                password=password or (unquote(parts.password) if parts.password else None),
                # bounded like the app's engine (persistence.engine): nothing waits on a frozen server
                connect_timeout=max(1, int(timeout_s)),
                options=f"-c statement_timeout={int(timeout_s * 1000)} -c default_transaction_read_only=on",
                keepalives=1,
                keepalives_idle=10,
                keepalives_interval=5,
                keepalives_count=3,
                application_name="hqdesk",
            )
            self.dialect, self._param, self._true, self._false = "postgresql", "%s", "true", "false"
        else:
            raise ValueError(f"unsupported database type {scheme!r}")

    def __enter__(self) -> FirstPageReader:
        return self

    def __exit__(self, *_exc) -> None:
        self.close()

    def close(self) -> None:
        try:
            self.conn.rollback()
        finally:
            self.conn.close()

    def _all(self, sql: str, params: tuple = ()) -> list[tuple]:
        cur = self.conn.cursor()
        try:
            cur.execute(sql, params)
            return list(cur.fetchall())
        finally:
            cur.close()

    def revision(self) -> str | None:
        """The database's schema revision; None without a version table (an empty or foreign database)."""
        try:
            rows = self._all(_VERSION)
        except Exception:
            self.conn.rollback()
            return None
        return rows[0][0] if len(rows) == 1 else None

    def user(self, username: str) -> tuple[int, str, str, str] | None:
        """(id, username, display name, role) of the active user ``username``, or None."""
        rows = self._all(_USER.format(param=self._param, true=self._true), (username,))
        return rows[0] if rows else None

    def count_all(self) -> int:
        """How many franchisees there are, archived ones too (none: the demo data is still to be made)."""
        return self._all("select count(*) from franchisees")[0][0]

    def count(self) -> int:
        """How many franchisees the list shows as it opens (the archived ones hidden)."""
        return self._all(_COUNT.format(false=self._false))[0][0]

    def rows(self, sort_column: str, descending: bool, limit: int) -> list[tuple]:
        """The first ``limit`` rows in the order of ``sort_column``: ROW_FIELDS, then (sort key, id)."""
        key = SORT_SQL[sort_column]
        sql = _ROWS.format(
            key=key,
            direction="desc" if descending else "asc",
            limit=int(limit),
            true=self._true,
            false=self._false,
        )
        out = []
        for r in self._all(sql):
            end = r[12]
            if isinstance(end, str):  # SQLite keeps dates as ISO text (SQLAlchemy's Date type converts them)
                end = date.fromisoformat(end)
            key_value = bytes(r[14]) if isinstance(r[14], memoryview) else r[14]
            out.append((*r[:12], end, bool(r[13]), key_value, r[15]))
        return out


__all__ = ["FirstPageReader", "ROW_FIELDS", "SORT_SQL", "schema_head"]
