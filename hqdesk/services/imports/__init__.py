"""Imports from CSV/XLSX files: ``reader`` (files, encodings, damaged files), ``columns`` (templates and header
mapping), ``cells`` (converting one cell), ``problems`` (what is reported), and one module per imported entity
(``franchisees``; the ERP ledger and others later)."""

from hqdesk.services.imports.columns import COLUMNS, Column, header_key
from hqdesk.services.imports.franchisees import FranchiseeImporter
from hqdesk.services.imports.problems import ImportConflict, ImportProblem, ImportResult

__all__ = [
    "FranchiseeImporter",
    "ImportResult",
    "ImportProblem",
    "ImportConflict",
    "COLUMNS",
    "Column",
    "header_key",
]
