"""Chinese names in the order Chinese users expect: by pinyin, not by Unicode code point.

GB2312's 3,755 common characters are laid out in pinyin order, and GB18030 keeps that layout, so the
GB18030 bytes of a name sort by pinyin for everyday names (rare characters follow, by stroke). PostgreSQL
computes them with ``convert_to``; SQLite calls the Python function registered on every connection.
"""

from __future__ import annotations

from sqlalchemy import LargeBinary
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.functions import GenericFunction

SQLITE_FUNCTION = "hq_pinyin_key"


def pinyin_key_py(text: str | None) -> bytes | None:
    return None if text is None else text.encode("gb18030")


class pinyin_key(GenericFunction):  # noqa: N801 - SQL function names are lower case
    """``pinyin_key(column)``: a sort key that orders Chinese text by pinyin."""

    type = LargeBinary()
    name = SQLITE_FUNCTION
    inherit_cache = True


@compiles(pinyin_key, "postgresql")
def _pinyin_key_postgresql(element, compiler, **kw):
    return f"convert_to({compiler.process(element.clauses, **kw)}, 'GB18030')"


def register_sqlite(dbapi_connection) -> None:
    dbapi_connection.create_function(SQLITE_FUNCTION, 1, pinyin_key_py, deterministic=True)
