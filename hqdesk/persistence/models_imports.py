"""Import tables: the column mappings users save by name, shared by every user.

- ``import_mappings``: one row per (``entity``, ``name``); ``entity`` is franchisees / contacts / stores and
  ``columns`` the mapping as JSON text: ``{"header text": "field key"}`` ("" = the column is not imported).
  Versioned: a save checks the version it read (another user's save in between is a conflict).
"""

from __future__ import annotations

from sqlalchemy import String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from hqdesk.persistence.models import Base, Versioned

AUDITED = ("import_mappings",)


class ImportMapping(Versioned, Base):
    __tablename__ = "import_mappings"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100), nullable=False)
    entity: Mapped[str] = mapped_column(String(20), nullable=False)
    columns: Mapped[str] = mapped_column(Text, nullable=False, default="{}")  # JSON: header -> field
    created_by: Mapped[str] = mapped_column(String(64), nullable=False, default="")

    __table_args__ = (UniqueConstraint("entity", "name", name="uq_import_mappings_entity_name"),)


__all__ = ["ImportMapping", "AUDITED"]
