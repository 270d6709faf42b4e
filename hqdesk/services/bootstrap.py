"""Open a database and build the services on it: what the composition roots (GUI, CLI) call."""

from __future__ import annotations

from dataclasses import dataclass

from hqdesk.persistence.database import Database
from hqdesk.persistence.engine import probe_connection, safe_url, store_password
from hqdesk.services.company import CompanyService
from hqdesk.services.contacts import ContactService, StoreService
from hqdesk.services.franchisees import FranchiseeService
from hqdesk.services.users import UserService


@dataclass(frozen=True)
class Services:
    db: Database
    users: UserService
    franchisees: FranchiseeService
    contacts: ContactService
    stores: StoreService
    company: CompanyService

    @property
    def dialect(self) -> str:
        return self.db.dialect

    @property
    def database_label(self) -> str:
        return self.db.display_url

    def close(self) -> None:
        self.db.close()


def open_services(url: str, *, password: str | None = None, upgrade: bool = True) -> Services:
    """Connect, check/upgrade the schema and build the services (raises HqdeskError subclasses)."""
    db = Database.open(url, password=password, upgrade=upgrade)
    return Services(db, UserService(db), FranchiseeService(db), ContactService(db), StoreService(db),
                    CompanyService(db))


def check_connection(url: str, password: str | None = None) -> str:
    """For the settings dialog's "Test connection": the server version, or DatabaseError."""
    return probe_connection(url, password)


def remember_password(url: str, password: str) -> None:
    from sqlalchemy.engine import make_url

    store_password(make_url(url), password)


__all__ = ["Services", "open_services", "check_connection", "remember_password", "safe_url"]
