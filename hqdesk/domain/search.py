"""The text a franchisee is found by in search-as-you-type, and how a typed query is read.

One function for the service, the importer and the demo generator (through the franchisee mapper), so a
franchisee is found the same way however it was written.
"""

from __future__ import annotations


def franchisee_search_text(franchisee, contacts) -> str:
    """The search text of ``franchisee`` (any object with the profile's attributes) and its ``contacts``."""
    parts = [
        franchisee.code,
        franchisee.legal_name,
        franchisee.store_brand_name,
        franchisee.city,
        franchisee.province,
    ]
    for c in contacts:
        parts += [c.name, c.mobile, c.phone]
    return " ".join(p for p in parts if p).lower()


__all__ = ["franchisee_search_text"]
