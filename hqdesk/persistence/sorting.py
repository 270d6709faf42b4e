"""Chinese names in the order Chinese users expect: by pinyin, not by Unicode code point.

GB2312's 3,755 common characters are laid out in pinyin order, and GB18030 keeps that layout, so the
GB18030 bytes of a name sort by pinyin for everyday names (rare characters follow, by stroke).

The key is the SQL function ``hq_pinyin_key(text)`` on both databases, so the list's sort orders can follow
expression indexes (migration 0002): on PostgreSQL a SQL function over ``convert_to`` declared IMMUTABLE
(``convert_to`` itself is only STABLE, which an index refuses; the GB18030 table does not change), on SQLite
the Python function registered, as deterministic, on every connection the app opens. (A connection without
it, such as the ``sqlite3`` shell, can read the database but not change an indexed name.)
"""

from __future__ import annotations

from sqlalchemy import LargeBinary
from sqlalchemy.sql.functions import GenericFunction

SQLITE_FUNCTION = "hq_pinyin_key"


def pinyin_key_py(text: str | None) -> bytes | None:
    return None if text is None else text.encode("gb18030")


class pinyin_key(GenericFunction):  # noqa: N801 - SQL function names are lower case
    """``pinyin_key(column)``: a sort key that orders Chinese text by pinyin."""

    type = LargeBinary()
    name = SQLITE_FUNCTION
    inherit_cache = True


POSTGRESQL_FUNCTION = f"""
CREATE OR REPLACE FUNCTION {SQLITE_FUNCTION}(text) RETURNS bytea
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$ SELECT convert_to($1, 'GB18030') $$
"""


def register_sqlite(dbapi_connection) -> None:
    dbapi_connection.create_function(SQLITE_FUNCTION, 1, pinyin_key_py, deterministic=True)
