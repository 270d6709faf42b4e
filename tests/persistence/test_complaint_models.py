"""The complaint tables' module imports on its own (first, before the models), and its tables are audited."""

from __future__ import annotations

import subprocess
import sys

import pytest


@pytest.mark.parametrize(
    "module", ["hqdesk.persistence.models_complaints", "hqdesk.demo", "hqdesk.services.complaints"]
)
def test_importing_a_complaint_module_first_works(module):
    """``import hqdesk.demo`` in a fresh process used to stop with a circular import (models.py read an
    attribute of the half-imported complaint module)."""
    code = (
        f"import {module}; from hqdesk.persistence.models import AUDITED_TABLES, Base; "
        "from hqdesk.persistence.audit import AUDITED_TABLES as audited; "
        "names = ('complaint_categories', 'complaint_sla', 'complaints', 'complaint_events'); "
        "assert all(n in AUDITED_TABLES and n in audited and n in Base.metadata.tables for n in names)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
