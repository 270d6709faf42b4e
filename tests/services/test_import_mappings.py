"""Saved column mappings (services.imports.mappings): create, list, read, update with the version read, a
concurrent edit refused as a conflict, delete, rights, bad input in words."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from hqdesk.domain.errors import ConflictError, NotFound, PermissionDenied, ValidationError
from hqdesk.persistence.models import AuditEntry
from hqdesk.services.imports.mappings import MappingNotFound


def test_crud(services, users):
    m = services.imports.mappings
    saved = m.save(users["admin"], " ERP 导出 ", "franchisees", {"客户编号": "code", "传真": ""})
    assert (saved.name, saved.entity, saved.version, saved.updated_by) == (
        "ERP 导出",
        "franchisees",
        1,
        "admin",
    )
    assert saved.columns == {"客户编号": "code", "传真": ""}
    m.save(users["admin"], "A", "stores", {"店名": "name"})
    assert [(x.entity, x.name) for x in m.list()] == [("franchisees", "ERP 导出"), ("stores", "A")]
    assert [x.name for x in m.list("stores")] == ["A"]
    assert m.get("ERP 导出", "franchisees") == saved
    again = m.save(users["admin"], "ERP 导出", "franchisees", {"客户编号": "code"}, expected_version=1)
    assert again.version == 2 and again.columns == {"客户编号": "code"}
    m.delete(users["admin"], "A", "stores")
    assert m.list("stores") == []
    with pytest.raises(NotFound):
        m.delete(users["admin"], "A", "stores")
    with services.db.read() as s:
        assert "import_mappings" in set(s.scalars(select(AuditEntry.table_name)))


def test_a_concurrent_edit_is_a_conflict(services, users):
    m = services.imports.mappings
    first = m.save(users["admin"], "ERP", "franchisees", {"a": "code"})
    m.save(users["admin"], "ERP", "franchisees", {"a": "legal_name"}, expected_version=first.version)
    with pytest.raises(ConflictError):  # saved on the version read before the other save
        m.save(users["admin"], "ERP", "franchisees", {"a": "city"}, expected_version=first.version)
    with pytest.raises(ConflictError):  # a new mapping under a name another user took meanwhile
        m.save(users["admin"], "ERP", "franchisees", {"a": "city"})
    assert m.get("ERP", "franchisees").columns == {"a": "legal_name"}


def test_unknown_name_says_which_exist(services, users):
    services.imports.mappings.save(users["admin"], "B", "contacts", {"x": "name"})
    with pytest.raises(MappingNotFound) as caught:
        services.imports.mappings.get("Z", "contacts")
    assert caught.value.english() == "There is no saved mapping Z for contacts. Saved: B."
    assert caught.value.exit_code == 2


def test_bad_input_and_rights(services, users):
    m = services.imports.mappings
    with pytest.raises(ValidationError) as caught:
        m.save(users["admin"], " ", "visits", {"a": "colour"})
    assert [e.field for e in caught.value.errors] == ["name", "entity"]
    with pytest.raises(ValidationError) as caught:
        m.save(users["admin"], "x", "franchisees", {"a": "colour"})
    assert (
        caught.value.errors[0].english()
        == 'The mapping sends column "a" to colour, which this import does not have.'
    )
    for who in ("am", "cm", "viewer"):
        with pytest.raises(PermissionDenied):
            m.save(users[who], "x", "franchisees", {"a": "code"})
    assert m.list() == []  # everyone may read
