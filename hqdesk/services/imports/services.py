"""``Services.imports``: the importers and the saved column mappings, as the UI and the CLI reach them."""

from __future__ import annotations

from functools import cached_property

from hqdesk.persistence.database import Database
from hqdesk.services.imports.children import ContactImporter, StoreImporter
from hqdesk.services.imports.franchisees import FranchiseeImporter
from hqdesk.services.imports.mappings import ImportMappingService


class ImportServices:
    """``franchisees``, ``contacts``, ``stores`` (the importers: ``preview``, ``import_file``) and
    ``mappings`` (``ImportMappingService``), all on one database."""

    def __init__(self, db: Database) -> None:
        self.db = db

    @cached_property
    def franchisees(self) -> FranchiseeImporter:
        return FranchiseeImporter(self.db)

    @cached_property
    def contacts(self) -> ContactImporter:
        return ContactImporter(self.db)

    @cached_property
    def stores(self) -> StoreImporter:
        return StoreImporter(self.db)

    @cached_property
    def mappings(self) -> ImportMappingService:
        return ImportMappingService(self.db)

    def importer(self, entity: str) -> FranchiseeImporter | ContactImporter | StoreImporter:
        """The importer of ``entity`` (franchisees, contacts or stores)."""
        return {"franchisees": self.franchisees, "contacts": self.contacts, "stores": self.stores}[entity]


__all__ = ["ImportServices"]
