"""Open a database and build the services on it: what the composition roots (GUI, CLI) call."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from hqdesk.domain.errors import DatabaseError, HqdeskError, NetworkShareRefused
from hqdesk.domain.i18n import QT_TRANSLATE_NOOP
from hqdesk.persistence.database import Database
from hqdesk.persistence.engine import is_network_path, probe_connection, safe_url, sqlite_path, store_password
from hqdesk.services.company import CompanyService
from hqdesk.services.company_settings import CompanySettingsService
from hqdesk.services.contacts import ContactService, StoreService
from hqdesk.services.franchisees import FranchiseeService
from hqdesk.services.profile import ProfileService
from hqdesk.services.tiers import TierService
from hqdesk.services.users import UserService

if TYPE_CHECKING:
    from hqdesk.services.analytics import AnalyticsService
    from hqdesk.services.calendar import CalendarService
    from hqdesk.services.complaints import ComplaintService
    from hqdesk.services.credit_check import CreditCheckService
    from hqdesk.services.credit_holds import CreditHoldService
    from hqdesk.services.credit_policy import CreditPolicyService
    from hqdesk.services.credit_profiles import CreditProfileService
    from hqdesk.services.credit_simulator import CreditSimulatorService
    from hqdesk.services.dunning import DunningService
    from hqdesk.services.exports import ExportService
    from hqdesk.services.imports.services import ImportServices
    from hqdesk.services.ledger import LedgerService
    from hqdesk.services.letters import LetterService
    from hqdesk.services.receivables import ReceivablesService
    from hqdesk.services.visits import VisitService


@dataclass(frozen=True)
class Services:
    db: Database
    users: UserService
    franchisees: FranchiseeService
    contacts: ContactService
    stores: StoreService
    company: CompanyService
    tiers: TierService
    profile: ProfileService  # the profile editor's one read
    settings: CompanySettingsService  # company-wide key/value settings

    # The capabilities' services are built (and their modules imported) when first used, so that opening the
    # database at start-up loads only what the first screen needs (launch within 3.5x of a bare window).
    @cached_property
    def visits(self) -> VisitService:
        from hqdesk.services.visits import VisitService

        return VisitService(self.db)

    @cached_property
    def complaints(self) -> ComplaintService:
        from hqdesk.services.complaints import ComplaintService

        return ComplaintService(self.db)

    @cached_property
    def calendar(self) -> CalendarService:
        """visit_due events come from the visit plans."""
        from hqdesk.services.calendar import CalendarService

        return CalendarService(self.db, visits=self.visits)

    @cached_property
    def credit_profiles(self) -> CreditProfileService:
        """Franchisees' credit profiles, history and proposals."""
        from hqdesk.services.credit_profiles import CreditProfileService

        return CreditProfileService(self.db)

    @cached_property
    def credit_policy(self) -> CreditPolicyService:
        """The company credit policy and its advice."""
        from hqdesk.services.credit_policy import CreditPolicyService

        return CreditPolicyService(self.db)

    @cached_property
    def credit_check(self) -> CreditCheckService:
        """Credit checks of proposed orders, overrides."""
        from hqdesk.services.credit_check import CreditCheckService

        return CreditCheckService(self.db)

    @cached_property
    def dunning(self) -> DunningService:
        """Dunning runs and their to-do list."""
        from hqdesk.services.dunning import DunningService

        return DunningService(self.db, self.credit_profiles)

    @cached_property
    def ledger(self) -> LedgerService:
        """A franchisee's invoices, payments, credit notes, write-offs and allocations."""
        from hqdesk.services.ledger import LedgerService

        return LedgerService(self.db)

    @cached_property
    def receivables(self) -> ReceivablesService:
        """Aging and KPIs."""
        from hqdesk.services.receivables import ReceivablesService

        return ReceivablesService(self.db)

    @cached_property
    def credit_simulator(self) -> CreditSimulatorService:
        """The credit policy simulator's ledger figures."""
        from hqdesk.services.credit_simulator import CreditSimulatorService

        return CreditSimulatorService(self.db)

    @cached_property
    def analytics(self) -> AnalyticsService:
        """The series behind the start screen and the charts (sales, receivables, health)."""
        from hqdesk.services.analytics import AnalyticsService

        return AnalyticsService(self.db)

    @cached_property
    def credit_holds(self) -> CreditHoldService:
        """The franchisees on credit hold (the start screen)."""
        from hqdesk.services.credit_holds import CreditHoldService

        return CreditHoldService(self.db)

    @cached_property
    def exports(self) -> ExportService:
        """Whole tables out (franchisees, contacts, ... payments) for ``export`` and the app."""
        from hqdesk.services.exports import ExportService

        return ExportService(self.db)

    def backup_to(self, target: Path):
        """Copy the SQLite database to ``target`` (BackupRefused on PostgreSQL): ``services.backup``."""
        from hqdesk.services.backup import backup

        return backup(self.db.engine.url.render_as_string(hide_password=True), target)

    def daily_backup(self, folder: Path, keep_days: int):
        """Today's automatic backup in ``folder`` unless there is one, old ones removed (SQLite only)."""
        from hqdesk.services.backup import daily_backup

        return daily_backup(self.db.engine.url.render_as_string(hide_password=True), folder, keep_days)

    @cached_property
    def letters(self) -> LetterService:
        """Letter templates, letters in batches and the letter history."""
        from hqdesk.services.letters import LetterService

        return LetterService(self.db)

    @cached_property
    def imports(self) -> ImportServices:
        """The importers (franchisees, contacts, stores: preview and import) and the saved column mappings."""
        from hqdesk.services.imports.services import ImportServices

        return ImportServices(self.db)

    @property
    def dialect(self) -> str:
        return self.db.dialect

    @property
    def database_label(self) -> str:
        return self.db.display_url

    def close(self) -> None:
        self.db.close()


class PasswordRefused(HqdeskError):
    """The PostgreSQL server wants a password it was not given, or refused the one it was given."""

    message = QT_TRANSLATE_NOOP("Errors", "The database server did not accept the password for {user}.")


def password_refused(exc: BaseException) -> bool:
    """Is this connection failure the server asking for (another) password?"""
    orig = getattr(exc, "orig", exc)
    if getattr(orig, "sqlstate", None) in ("28P01", "28000"):  # invalid_password, invalid_authorization
        return True
    text = str(orig).lower()
    return "password authentication failed" in text or "no password supplied" in text


def open_services(url: str, *, password: str | None = None, upgrade: bool = True) -> Services:
    """Connect, check/upgrade the schema and build the services (raises HqdeskError subclasses;
    PasswordRefused when a PostgreSQL server wants a password that hqdesk does not have)."""
    from sqlalchemy.exc import OperationalError

    try:
        db = Database.open(url, password=password, upgrade=upgrade)
    except OperationalError as exc:
        if password_refused(exc):
            from sqlalchemy.engine import make_url

            raise PasswordRefused(user=make_url(url).username or "") from exc
        raise
    if db.dialect == "postgresql":
        from hqdesk.persistence.pg_rights import install_refusal_mapping

        install_refusal_mapping(db.engine)  # the server's refusals reach the user in words
    return Services(
        db,
        UserService(db),
        FranchiseeService(db),
        ContactService(db),
        StoreService(db),
        CompanyService(db),
        TierService(db),
        ProfileService(db),
        CompanySettingsService(db),
    )


def missing_sqlite_file(url: str) -> str | None:
    """The path of ``url``'s SQLite file if the file does not exist (None for PostgreSQL, in-memory SQLite or a
    file that exists). Touches the disk: call it in the background."""
    from sqlalchemy.engine import make_url

    try:
        path = sqlite_path(make_url(url))
    except Exception:
        return None  # not a URL: opening it reports that
    return str(path) if path is not None and not path.exists() else None


def require_database(url: str) -> None:
    """Raise DatabaseMissing if ``url`` names a SQLite file that does not exist (creates nothing)."""
    from hqdesk.services.errors import DatabaseMissing

    missing = missing_sqlite_file(url)
    if missing is not None:
        raise DatabaseMissing(path=missing)


def check_connection(url: str, password: str | None = None) -> str:
    """For the settings dialog's "Test connection": the server version, or DatabaseError; DatabaseMissing for a
    SQLite file that does not exist (nothing is created, not even its folder)."""
    require_database(url)
    return probe_connection(url, password)


class PasswordNotStored(HqdeskError):
    message = QT_TRANSLATE_NOOP(
        "Errors",
        "The database settings were saved, but the password could not be kept in the system's "
        "password store ({detail}). hqdesk will ask for the password each time it starts.",
    )


def remember_password(url: str, password: str) -> None:
    """Keep the database password in the OS keyring (raises PasswordNotStored when there is none)."""
    from sqlalchemy.engine import make_url

    try:
        store_password(make_url(url), password)
    except Exception as exc:  # keyring's errors, or a missing/locked backend
        raise PasswordNotStored(detail=str(exc) or type(exc).__name__) from exc


@dataclass(frozen=True)
class DatabaseLocation:
    """A database URL taken apart for the settings dialog; it never holds a password.

    ``kind`` is "sqlite" (``path``) or "postgresql" (``host`` - a name, an address or a socket folder -,
    ``port``, ``database``, ``username``); ``options`` keeps other URL query options (sslmode=...) as they were.
    """

    kind: str
    path: str = ""
    host: str = ""
    port: int = 5432
    database: str = ""
    username: str = ""
    options: tuple[tuple[str, str], ...] = ()


def parse_database_url(url: str) -> DatabaseLocation:
    """The parts of a database URL (raises DatabaseError for text that is not a URL we can use)."""
    from sqlalchemy.engine import make_url

    try:
        u = make_url(url)
    except Exception as exc:
        raise DatabaseError(detail=str(exc)) from exc
    backend = u.get_backend_name()
    if backend == "sqlite":
        return DatabaseLocation("sqlite", path=u.database or "")
    if backend != "postgresql":
        raise DatabaseError(detail=f"unsupported database type {backend!r}: use sqlite or postgresql")
    query = dict(u.query)
    host = u.host or ""
    if not host and isinstance(query.get("host"), str):
        host = query.pop("host")  # a Unix socket folder
    options = tuple((k, v if isinstance(v, str) else ",".join(v)) for k, v in sorted(query.items()))
    return DatabaseLocation(
        "postgresql",
        host=host,
        port=u.port or 5432,
        database=u.database or "",
        username=u.username or "",
        options=options,
    )


def database_url(location: DatabaseLocation) -> str:
    """The URL for ``location``, without a password (for settings and logs)."""
    from sqlalchemy.engine import URL

    if location.kind == "sqlite":
        return "sqlite:///" + Path(location.path).as_posix()
    query = dict(location.options)
    host: str | None = location.host or None
    if host and host.startswith("/"):
        query["host"], host = host, None  # a socket folder goes in the query, as libpq expects
    return URL.create(
        "postgresql+psycopg",
        username=location.username or None,
        host=host,
        port=location.port or None,
        database=location.database or None,
        query=query,
    ).render_as_string(hide_password=False)


def refuse_network_share(url: str) -> None:
    """Raise NetworkShareRefused if ``url`` is a SQLite file on a network share (UNC path, mapped network drive,
    network file system). May touch the disk: call it in the background."""
    from sqlalchemy.engine import make_url

    path = sqlite_path(make_url(url))
    if path is not None and is_network_path(path):
        raise NetworkShareRefused(path=str(path))


__all__ = [
    "Services",
    "open_services",
    "PasswordRefused",
    "check_connection",
    "missing_sqlite_file",
    "require_database",
    "remember_password",
    "safe_url",
    "PasswordNotStored",
    "DatabaseLocation",
    "parse_database_url",
    "database_url",
    "refuse_network_share",
]
