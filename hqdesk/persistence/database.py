"""The Database: one engine and session factory, and the unit of work the services open per operation."""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Engine, event, text
from sqlalchemy.orm import Session, sessionmaker

from hqdesk.persistence.engine import WRITE_OPTION, build_engine, safe_url

log = logging.getLogger(__name__)


class Database:
    """Built once in the composition root; services receive it through their constructors."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._read = sessionmaker(bind=engine, expire_on_commit=False, autoflush=False)
        self._write = sessionmaker(
            bind=engine.execution_options(**{WRITE_OPTION: True}), expire_on_commit=False, autoflush=True
        )
        self._password: str | None = None  # a password changed while the app runs (use_password)
        if engine.dialect.name == "postgresql":
            event.listen(engine, "do_connect", self._connect_with_password)
        self._audited = False  # the audit writer is attached to the write sessions before the first one
        self._audit_lock = threading.Lock()

    @classmethod
    def open(cls, url: str, *, password: str | None = None, upgrade: bool = True) -> Database:
        """Connect, refuse a newer schema, upgrade an older one."""
        from hqdesk.persistence.migrate import ensure_schema

        db = cls(build_engine(url, password=password))
        try:
            ensure_schema(db.engine, upgrade=upgrade)
        except Exception:
            db.close()
            raise
        return db

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    @property
    def display_url(self) -> str:
        return safe_url(self.engine.url)

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A read-only session: rolled back at the end, whatever happened."""
        session = self._read()
        try:
            yield session
        finally:
            session.rollback()
            session.close()

    @contextmanager
    def write(self, username: str) -> Iterator[Session]:
        """One unit of work: rolled back unless the block commits it itself.

        The block calls ``s.commit()`` as its last statement. Leaving it any other way (an exception, an early
        ``return``, a ``break``) rolls everything back, so half a use case is never stored
        (cosmicpython's unit of work: commit is explicit, rollback is the default).

        ``username`` goes into the audit trail (SQLite: the app's writer; PostgreSQL: ``app.hq_user``
        read by the trigger, set with SET LOCAL so it ends with the transaction).
        """
        if not self._audited:
            self._install_audit()
        session = self._write()
        session.info["username"] = username
        try:
            if self.dialect == "postgresql":
                session.execute(text("select set_config('app.hq_user', :u, true)"), {"u": username})
            yield session
        finally:
            # after the block's own commit there is nothing left to roll back; otherwise this undoes it all
            session.rollback()
            session.close()

    def _connect_with_password(self, _dialect, _record, _cargs, cparams) -> None:
        if self._password is not None:
            cparams["password"] = self._password

    def use_password(self, password: str) -> None:
        """The connection's login has a new password (the user changed it in the app): new connections use it
        (those open stay), and the OS keyring, when it kept the old one, gets the new one."""
        from hqdesk.persistence.engine import password_from_keyring, store_password

        self._password = password
        url = self.engine.url
        if self.dialect != "postgresql" or not url.username:
            return
        try:
            if password_from_keyring(url) is not None:
                store_password(url, password)
        except Exception as exc:  # no usable keyring: the app asks for the password at the next start
            log.warning("the new database password could not be kept in the keyring: %s", exc)

    def _install_audit(self) -> None:
        """Attach the audit writer (imported with the first write: start-up only reads)."""
        with self._audit_lock:
            if not self._audited:
                from hqdesk.persistence import audit

                audit.install(self._write)
                self._audited = True

    def close(self) -> None:
        self.engine.dispose()
