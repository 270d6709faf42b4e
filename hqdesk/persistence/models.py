"""The database schema as SQLAlchemy 2.x typed models.

Every editable table has a ``version`` column used as ``version_id_col``: a stale ORM update raises
StaleDataError, which the services turn into a ConflictError. Core ``update()`` does not bump it, so
every write path goes through the ORM (or bumps ``version`` itself).
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import (
    Boolean,
    Date,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    func,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, declared_attr, mapped_column, relationship

from hqdesk.persistence.sorting import pinyin_key
from hqdesk.persistence.types import Money, UtcDateTime, utcnow

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class Versioned:
    """Mixin: optimistic locking and create/update timestamps."""

    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, nullable=False, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime, nullable=False, default=utcnow, onupdate=utcnow)
    updated_by: Mapped[str] = mapped_column(String(64), nullable=False, default="")

    @declared_attr.directive
    def __mapper_args__(cls):
        return {"version_id_col": cls.__table__.c.version}


class User(Versioned, Base):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(64), unique=True, nullable=False)
    display_name: Mapped[str] = mapped_column(String(100), nullable=False, default="")
    # deferred: on PostgreSQL no group may read it (sign-in reads the own hash through a function)
    password_hash: Mapped[str] = mapped_column(String(255), nullable=False, deferred=True)
    role: Mapped[str] = mapped_column(String(20), nullable=False)
    active: Mapped[bool] = mapped_column(Boolean, nullable=False, default=True)
    email: Mapped[str] = mapped_column(String(200), nullable=False, default="")


class Tier(Versioned, Base):
    """The configurable list of franchisee tiers (default A, B, C)."""

    __tablename__ = "tiers"

    code: Mapped[str] = mapped_column(String(10), primary_key=True)
    name: Mapped[str] = mapped_column(String(50), nullable=False, default="")
    sort_order: Mapped[int] = mapped_column(Integer, nullable=False, default=0)


class Franchisee(Versioned, Base):
    __tablename__ = "franchisees"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(20), unique=True, nullable=False)
    legal_name: Mapped[str] = mapped_column(String(200), nullable=False)
    store_brand_name: Mapped[str] = mapped_column(String(200), nullable=False, default="")
    uscc: Mapped[str | None] = mapped_column(String(18), unique=True, nullable=True)
    legal_representative: Mapped[str] = mapped_column(String(50), nullable=False, default="")
    registered_capital: Mapped[Decimal | None] = mapped_column(Money(), nullable=True)
    business_scope: Mapped[str] = mapped_column(Text, nullable=False, default="")
    region: Mapped[str] = mapped_column(String(20), nullable=False, default="")
    province: Mapped[str] = mapped_column(String(20), nullable=False, default="")
    city: Mapped[str] = mapped_column(String(40), nullable=False)
    address: Mapped[str] = mapped_column(String(300), nullable=False, default="")
    tier: Mapped[str] = mapped_column(ForeignKey("tiers.code"), nullable=False)
    status: Mapped[str] = mapped_column(String(20), nullable=False, default="prospect")
    status_changed_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    join_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    contract_start: Mapped[date | None] = mapped_column(Date, nullable=True)
    contract_end: Mapped[date | None] = mapped_column(Date, nullable=True)
    account_manager_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), nullable=True)
    tags: Mapped[str] = mapped_column(String(500), nullable=False, default="")  # comma-separated
    notes: Mapped[str] = mapped_column(Text, nullable=False, default="")
    archived: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    # What search-as-you-type scans (domain.search.franchisee_search_text): names in Chinese and pinyin,
    # codes, address, tags, the contacts' names, phones, WeChat IDs and e-mails, normalised.
    # Kept up to date by the services in the same transaction as the profile and its contacts.
    search_text: Mapped[str] = mapped_column(Text, nullable=False, default="")

    account_manager: Mapped[User | None] = relationship(lazy="raise")
    contacts: Mapped[list[Contact]] = relationship(
        back_populates="franchisee", cascade="all, delete-orphan", lazy="raise", order_by="Contact.id"
    )
    stores: Mapped[list[Store]] = relationship(
        back_populates="franchisee", cascade="all, delete-orphan", lazy="raise", order_by="Store.id"
    )

    __table_args__ = (
        # The list pages by key (sort key, id): each sort order follows an index (migration 0002). No index
        # leads with "archived": SQLite would take it for the hidden-archived filter and sort every row. It
        # trails instead, so that counting the matches of a filter reads an index, not the table (50 ms -> 2).
        Index("ix_franchisees_account_manager", "account_manager_id", "id", "archived"),
        Index("ix_franchisees_sort_tier", "tier", "id", "archived"),
        Index("ix_franchisees_sort_status", "status", "id", "archived"),
        Index("ix_franchisees_sort_contract_end", "contract_end", "id", "archived"),
    )


# Codes are unique whatever their case ("jx0001" is JX0001): the database decides when two users race.
Index("uq_franchisees_code_ci", func.lower(Franchisee.code), unique=True)
# Names sort by pinyin (persistence.sorting): the list's sort orders by name follow these.
Index("ix_franchisees_sort_legal_name", pinyin_key(Franchisee.legal_name), Franchisee.id)
Index("ix_franchisees_sort_city", pinyin_key(Franchisee.city), Franchisee.id)


class StatusChangeRecord(Base):
    """Each lifecycle status change with its date and reason (append-only)."""

    __tablename__ = "franchisee_status_changes"

    id: Mapped[int] = mapped_column(primary_key=True)
    franchisee_id: Mapped[int] = mapped_column(
        ForeignKey("franchisees.id", ondelete="CASCADE"), nullable=False, index=True
    )
    from_status: Mapped[str | None] = mapped_column(String(20), nullable=True)
    to_status: Mapped[str] = mapped_column(String(20), nullable=False)
    changed_on: Mapped[date] = mapped_column(Date, nullable=False)
    reason: Mapped[str] = mapped_column(Text, nullable=False, default="")
    changed_by: Mapped[str] = mapped_column(String(64), nullable=False)
    recorded_at: Mapped[datetime] = mapped_column(UtcDateTime, nullable=False, default=utcnow)


class Contact(Versioned, Base):
    __tablename__ = "contacts"

    id: Mapped[int] = mapped_column(primary_key=True)
    franchisee_id: Mapped[int] = mapped_column(
        ForeignKey("franchisees.id", ondelete="CASCADE"), nullable=False, index=True
    )
    name: Mapped[str] = mapped_column(String(50), nullable=False)
    gender: Mapped[str] = mapped_column(String(10), nullable=False, default="")
    honorific: Mapped[str] = mapped_column(String(20), nullable=False, default="")
    role: Mapped[str] = mapped_column(String(20), nullable=False, default="owner")
    mobile: Mapped[str] = mapped_column(String(30), nullable=False, default="")
    phone: Mapped[str] = mapped_column(String(30), nullable=False, default="")
    email: Mapped[str] = mapped_column(String(200), nullable=False, default="")
    wechat_id: Mapped[str] = mapped_column(String(50), nullable=False, default="")
    birthday: Mapped[date | None] = mapped_column(Date, nullable=True)
    birthday_lunar: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    hobbies: Mapped[str] = mapped_column(Text, nullable=False, default="")
    preferences: Mapped[str] = mapped_column(Text, nullable=False, default="")
    notes: Mapped[str] = mapped_column(Text, nullable=False, default="")
    is_primary: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    preferred_language: Mapped[str | None] = mapped_column(String(5), nullable=True)  # zh_CN / en / None

    franchisee: Mapped[Franchisee] = relationship(back_populates="contacts", lazy="raise")
    anniversaries: Mapped[list[ContactAnniversary]] = relationship(
        cascade="all, delete-orphan", lazy="selectin", order_by="ContactAnniversary.id"
    )

    __table_args__ = (
        # at most one primary contact per franchisee
        Index(
            "uq_contacts_primary",
            "franchisee_id",
            unique=True,
            sqlite_where=text("is_primary = 1"),
            postgresql_where=text("is_primary"),
        ),
        # the list sorted by primary contact's mobile (the name: below, an expression index)
        Index(
            "ix_contacts_sort_primary_mobile",
            "mobile",
            "franchisee_id",
            sqlite_where=text("is_primary = 1"),
            postgresql_where=text("is_primary"),
        ),
    )


Index(
    "ix_contacts_sort_primary_name",
    pinyin_key(Contact.name),
    Contact.franchisee_id,
    sqlite_where=text("is_primary = 1"),
    postgresql_where=text("is_primary"),
)


class ContactAnniversary(Base):
    __tablename__ = "contact_anniversaries"

    id: Mapped[int] = mapped_column(primary_key=True)
    contact_id: Mapped[int] = mapped_column(
        ForeignKey("contacts.id", ondelete="CASCADE"), nullable=False, index=True
    )
    label: Mapped[str] = mapped_column(String(50), nullable=False)
    day: Mapped[date] = mapped_column(Date, nullable=False)
    lunar: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)


class Store(Versioned, Base):
    __tablename__ = "stores"

    id: Mapped[int] = mapped_column(primary_key=True)
    franchisee_id: Mapped[int] = mapped_column(
        ForeignKey("franchisees.id", ondelete="CASCADE"), nullable=False, index=True
    )
    name: Mapped[str] = mapped_column(String(200), nullable=False)
    address: Mapped[str] = mapped_column(String(300), nullable=False, default="")
    city: Mapped[str] = mapped_column(String(40), nullable=False, default="")
    opened_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    status: Mapped[str] = mapped_column(String(20), nullable=False, default="open")
    floor_area: Mapped[Decimal | None] = mapped_column(Money(), nullable=True)

    franchisee: Mapped[Franchisee] = relationship(back_populates="stores", lazy="raise")


class CompanyProfile(Versioned, Base):
    """The brand's own letterhead details (one row, id 1), shared by every user of the database."""

    __tablename__ = "company_profile"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), nullable=False, default="")
    address: Mapped[str] = mapped_column(String(300), nullable=False, default="")
    phone: Mapped[str] = mapped_column(String(50), nullable=False, default="")
    logo_png: Mapped[bytes | None] = mapped_column(LargeBinary, nullable=True)


class AuditEntry(Base):
    """Who changed what and when: one row per create/update/delete of business data.

    Written by the app (persistence.audit) on SQLite; on PostgreSQL by a trigger, which also catches
    changes made outside the app (``source`` = 'db').
    """

    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(primary_key=True)
    occurred_at: Mapped[datetime] = mapped_column(UtcDateTime, nullable=False, default=utcnow)
    username: Mapped[str] = mapped_column(String(64), nullable=False)
    source: Mapped[str] = mapped_column(String(10), nullable=False, default="app")
    action: Mapped[str] = mapped_column(String(10), nullable=False)  # insert / update / delete
    table_name: Mapped[str] = mapped_column(String(64), nullable=False)
    row_id: Mapped[str] = mapped_column(String(64), nullable=False)
    franchisee_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    old_values: Mapped[str | None] = mapped_column(Text, nullable=True)  # JSON object of changed fields
    new_values: Mapped[str | None] = mapped_column(Text, nullable=True)
    # PostgreSQL: the database login that made the change (the trigger's session_user); None on SQLite
    db_login: Mapped[str | None] = mapped_column(String(64), nullable=True)

    __table_args__ = (Index("ix_audit_log_franchisee", "franchisee_id", "occurred_at"),)


AUDITED_TABLES = (
    "franchisees",
    "contacts",
    "stores",
    "contact_anniversaries",
    "franchisee_status_changes",
    "tiers",
    "company_profile",
    "users",
    # credit (models_credit.AUDITED)
    "company_settings",
    "credit_policy",
    "collection_policies",
    "dunning_levels",
    "credit_profiles",
    "credit_proposals",
    "ledger_documents",
    "dunning_tasks",
    "visit_cadences",
    "visit_overrides",
    "visits",
    "visit_suggestions",
)
"""Tables whose changes land in the audit trail (users: without the password hash)."""
AUDIT_EXCLUDED_COLUMNS = frozenset(
    {"password_hash", "search_text", "version", "created_at", "updated_at", "updated_by", "logo_png"}
)


# the capabilities' tables join Base.metadata
from hqdesk.persistence import models_complaints, models_credit, models_visits  # noqa: E402,F401

# named here, not read from the module: it may be the one being imported first (and only half defined)
AUDITED_TABLES = AUDITED_TABLES + ("complaint_categories", "complaint_sla", "complaints", "complaint_events")
from hqdesk.persistence import models_analytics, models_letters  # noqa: E402,F401

AUDITED_TABLES = AUDITED_TABLES + ("letter_templates",)
from hqdesk.persistence import models_imports  # noqa: E402,F401

AUDITED_TABLES = AUDITED_TABLES + ("import_mappings",)
