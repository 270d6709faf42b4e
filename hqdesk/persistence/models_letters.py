"""Letter tables: the templates every user shares, and the history of every letter generated.

- ``letter_templates``: one row per (``key``, ``language``). ``key`` names the template (``festival``,
  ``statement``, ``dunning_reminder``...; a dunning level's ``letter_template`` names a key), ``kind`` says which
  merge data it is filled with (``domain.letters``' kinds). ``subject`` and ``body`` are Jinja2 sources run in the
  sandbox (``domain/letter_templates.py``). ``is_default``: the row still holds the shipped text. Versioned:
  a save checks the version, and every letter records the template version it was made with.
- ``letter_history``: append-only, one row per letter generated for a recipient: who, when (UTC), which
  template and version, the period, the batch, the merge data (JSON) and the PDF itself with its SHA-256, so a
  reprint gives the same bytes. Rows of one batch are written in one transaction.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Boolean, Date, ForeignKey, Index, LargeBinary, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from hqdesk.persistence.models import Base, Versioned
from hqdesk.persistence.types import UtcDateTime, utcnow

AUDITED = ("letter_templates",)


class LetterTemplate(Versioned, Base):
    __tablename__ = "letter_templates"

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(50), nullable=False)
    kind: Mapped[str] = mapped_column(String(20), nullable=False)
    language: Mapped[str] = mapped_column(String(5), nullable=False)  # zh_CN / en
    name: Mapped[str] = mapped_column(String(100), nullable=False, default="")
    subject: Mapped[str] = mapped_column(Text, nullable=False, default="")
    body: Mapped[str] = mapped_column(Text, nullable=False, default="")
    is_default: Mapped[bool] = mapped_column(Boolean, nullable=False, default=True)

    __table_args__ = (UniqueConstraint("key", "language", name="uq_letter_templates_key_language"),)


class LetterHistory(Base):
    __tablename__ = "letter_history"

    id: Mapped[int] = mapped_column(primary_key=True)
    franchisee_id: Mapped[int] = mapped_column(
        ForeignKey("franchisees.id", ondelete="CASCADE"), nullable=False
    )
    contact_id: Mapped[int | None] = mapped_column(
        ForeignKey("contacts.id", ondelete="SET NULL"), nullable=True
    )
    kind: Mapped[str] = mapped_column(String(20), nullable=False)
    template_key: Mapped[str] = mapped_column(String(50), nullable=False)
    language: Mapped[str] = mapped_column(String(5), nullable=False)
    template_id: Mapped[int | None] = mapped_column(
        ForeignKey("letter_templates.id", ondelete="SET NULL"), nullable=True
    )
    template_version: Mapped[int] = mapped_column(nullable=False, default=0)
    as_of: Mapped[date] = mapped_column(Date, nullable=False)
    period_from: Mapped[date | None] = mapped_column(Date, nullable=True)
    subject: Mapped[str] = mapped_column(Text, nullable=False, default="")
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, nullable=False, default=utcnow)
    created_by: Mapped[str] = mapped_column(String(64), nullable=False)
    batch_id: Mapped[str] = mapped_column(String(36), nullable=False)
    pdf: Mapped[bytes] = mapped_column(LargeBinary, nullable=False, deferred=True)
    sha256: Mapped[str] = mapped_column(String(64), nullable=False)
    merge_data: Mapped[str] = mapped_column(Text, nullable=False, default="{}", deferred=True)

    __table_args__ = (
        Index("ix_letter_history_franchisee", "franchisee_id", "created_at"),
        Index("ix_letter_history_batch", "batch_id"),
        Index("ix_letter_history_contact_id", "contact_id"),
        Index("ix_letter_history_template_id", "template_id"),
    )
