"""Start-up before SQLAlchemy: the signed-in user and the list's first page read through the DB-API
(``hqdesk.persistence.first_page``), and a stand-in for the services until the real ones are open.

``read_start(url, username)`` runs in a worker: None unless the database is at this app's schema head and
``username`` is an active user there (then the caller takes the normal path: open the services, upgrade,
sign in). ``StandInServices`` is what the window gets as its services from the first page on:

- ``franchisees.list_first`` for the list as it opens (no filter, archived hidden, a single-key sort) reads
  through the DB-API with the same query as the service (tests/persistence/test_first_page.py);
- everything else waits in the worker that calls it until ``open()`` (run in a worker right after the first
  paint) has built the real services, then goes to them: a search, a sort or a profile asked for early is
  queued, never refused. Attribute chains (``services.users.login_actor``) are resolved only when called, so
  naming a service on the UI thread never blocks it;
- once open, every attribute is the real service's: nothing in the window is rebuilt (no flicker, selection
  and scroll kept).

Nothing here imports SQLAlchemy; ``open()`` imports ``hqdesk.services.bootstrap`` (which does).
"""

from __future__ import annotations

import logging
import threading
from typing import TYPE_CHECKING, Any

from hqdesk.domain.roles import Action, Actor, Role
from hqdesk.services.dto import FranchiseeRow, ListPage, ListResult, PageKey, SearchCriteria

if TYPE_CHECKING:
    from hqdesk.services.bootstrap import Services

log = logging.getLogger(__name__)

PAGE_SIZE = 200  # franchisee_list.PAGE_SIZE (tests/persistence/test_first_page.py checks they agree)


def _reader(url: str, password: str | None = None):
    from hqdesk.persistence.first_page import FirstPageReader

    return FirstPageReader(url, password)


def read_start(url: str, username: str, password: str | None = None) -> Actor | None:
    """The active user ``username`` as an Actor if the database can be shown before the services open (at this
    app's schema head, with that user and at least one franchisee); None otherwise. Runs in a worker."""
    from hqdesk.domain.franchisee import LifecycleStatus  # noqa: F401 - warm: the rows need it next
    from hqdesk.persistence.first_page import schema_head

    try:
        with _reader(url, password) as db:
            head = schema_head()
            revision = db.revision()
            if head is None or revision != head:
                log.info("start-up: schema %s, app %s: the services open first", revision, head)
                return None
            user = db.user(username)
            if user is None or not db.count_all():
                return None
    except Exception as exc:  # missing file, refused password, server down: the normal path says it in words
        log.info("start-up without the first-page reader: %s", type(exc).__name__)
        return None
    user_id, name, display_name, role = user
    return Actor(user_id, name, display_name or name, Role(role))


def first_result(
    url: str,
    criteria: SearchCriteria,
    sort_column: str,
    descending: bool,
    page_size: int = PAGE_SIZE,
    password: str | None = None,
) -> ListResult | None:
    """The list's first page as FranchiseeService.list_first gives it, read through the DB-API; None for a
    search this reader does not know (a filter, a sort by status, manager, contact or date)."""
    from hqdesk.domain.franchisee import LifecycleStatus
    from hqdesk.persistence.first_page import SORT_SQL

    if criteria != SearchCriteria() or sort_column not in SORT_SQL:
        return None
    with _reader(url, password) as db:
        total = db.count()
        got = db.rows(sort_column, descending, page_size)
    rows = tuple(FranchiseeRow(*r[:8], LifecycleStatus(r[8]), *r[9:14]) for r in got)
    last = PageKey(0, got[-1][14], got[-1][15]) if len(got) >= page_size and got else None
    return ListResult(criteria, sort_column, descending, total, ListPage(rows, last))


def _masked(url: str) -> str:
    """The URL as the status bar shows it (persistence.engine.safe_url's form): a password masked."""
    scheme, sep, rest = url.partition("://")
    netloc, slash, path = rest.partition("/")
    userinfo, at, host = netloc.rpartition("@")
    if at and ":" in userinfo:
        netloc = userinfo.split(":", 1)[0] + ":***@" + host
    return scheme + sep + netloc + slash + path


class _Deferred:
    """``services.<path>`` before the services are open: resolved (waiting for them) when called."""

    __slots__ = ("_owner", "_path")

    def __init__(self, owner: StandInServices, path: tuple[str, ...]) -> None:
        self._owner, self._path = owner, path

    def resolve(self) -> Any:
        target: Any = self._owner.wait()
        for name in self._path:
            target = getattr(target, name)
        return target

    def __getattr__(self, name: str) -> Any:
        if self._owner.ready:
            return getattr(self.resolve(), name)
        return _Deferred(self._owner, (*self._path, name))

    def __call__(self, *args, **kwargs) -> Any:
        return self.resolve()(*args, **kwargs)

    def __repr__(self) -> str:
        return f"<services.{'.'.join(self._path)} (opening)>"


class _FranchiseesStandIn(_Deferred):
    """``services.franchisees``: the list's first search from the DB-API reader, the rest deferred."""

    __slots__ = ()

    def list_first(
        self,
        actor: Actor,
        criteria: SearchCriteria,
        sort_column: str = "legal_name",
        descending: bool = False,
        page_size: int = PAGE_SIZE,
    ) -> ListResult:
        owner = self._owner
        if not owner.ready and actor.can(Action.VIEW_FRANCHISEES):
            try:
                result = first_result(owner.url, criteria, sort_column, descending, page_size, owner.password)
            except Exception:  # the services give the answer, or the error in words
                log.info("the first-page reader failed; waiting for the services", exc_info=True)
                result = None
            if result is not None:
                return result
        return owner.wait().franchisees.list_first(actor, criteria, sort_column, descending, page_size)


class StandInServices:
    """The window's services from the first page on: see the module's docstring."""

    def __init__(self, url: str, password: str | None = None) -> None:
        self.url, self.password = url, password
        self._opened = threading.Event()
        self._services: Services | None = None
        self._error: BaseException | None = None
        self._closed = False

    @property
    def ready(self) -> bool:
        return self._opened.is_set()

    def open(self) -> Services:
        """Open the real services (imports SQLAlchemy, the models, the services); runs in a worker. Calls waiting
        for them go on with them, or raise this error."""
        try:
            from hqdesk.services.bootstrap import open_services

            services = open_services(self.url, password=self.password)
        except BaseException as exc:
            self._error = exc
            self._opened.set()
            raise
        self._services = services
        self._opened.set()
        return services

    def wait(self) -> Services:
        """The real services, once open (blocks the calling worker until then)."""
        if not self._opened.is_set() and threading.current_thread() is threading.main_thread():
            # a service called on the UI thread (not through the task runner) freezes it until they open
            log.warning("the UI thread waits for the services to open")
        self._opened.wait()
        if self._services is None:
            raise self._error or RuntimeError("the services were not opened")
        return self._services

    @property
    def dialect(self) -> str:
        if self._services is not None:
            return self._services.dialect
        return "postgresql" if self.url.startswith("postgres") else "sqlite"

    @property
    def database_label(self) -> str:
        if self._services is not None:
            return self._services.database_label
        return _masked(self.url)

    @property
    def franchisees(self) -> Any:
        if self._services is not None:
            return self._services.franchisees
        return _FranchiseesStandIn(self, ("franchisees",))

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):
            raise AttributeError(name)
        if self._services is not None:
            return getattr(self._services, name)
        return _Deferred(self, (name,))

    def close(self) -> None:
        if self._services is not None:
            self._services.close()


__all__ = ["StandInServices", "read_start", "first_result", "PAGE_SIZE"]
