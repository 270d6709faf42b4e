"""Moved to the package ``hqdesk.services.imports``; this name stays for the callers until they move."""

from hqdesk.services.imports import (
    COLUMNS,
    Column,
    FranchiseeImporter,
    ImportConflict,
    ImportProblem,
    ImportResult,
    header_key,
)

__all__ = [
    "FranchiseeImporter",
    "ImportResult",
    "ImportProblem",
    "ImportConflict",
    "COLUMNS",
    "Column",
    "header_key",
]
