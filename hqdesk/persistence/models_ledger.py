"""What the ledger part adds to the credit schema (migration 0008): an index on ``ledger_documents.applies_to``,
so the ERP import finds the payments and credit notes that already name an invoice number without reading the
whole ledger (2,000,000 documents) once per batch of numbers."""

from __future__ import annotations

from sqlalchemy import Index

from hqdesk.persistence.models_credit import LedgerDocument

APPLIES_TO_INDEX = Index("ix_ledger_documents_applies_to", LedgerDocument.applies_to)

__all__ = ["APPLIES_TO_INDEX"]
