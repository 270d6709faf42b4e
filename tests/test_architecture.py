"""The layer rules of STYLE.md, as import-linter contracts from pyproject.toml, checked in every test run."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_import_contracts_hold():
    """domain <- persistence <- services <- ui; no Qt below ui; no SQLAlchemy in ui or domain."""
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            "from importlinter.cli import lint_imports_command; lint_imports_command()",
            "--no-cache",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "broken" not in result.stdout.lower().replace("0 broken", "")


def test_contracts_are_not_empty():
    """A contract file that lost its contracts would pass trivially."""
    text = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert text.count("[[tool.importlinter.contracts]]") >= 4


def test_ruff_clean():
    result = subprocess.run(
        [sys.executable, "-m", "ruff", "check", "hqdesk", "tests", "db"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_ruff_format_clean():
    """The code is laid out by `ruff format`: a diff shows content, never re-wrapping."""
    result = subprocess.run(
        [sys.executable, "-m", "ruff", "format", "--check", "hqdesk", "tests", "db", ".ci"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_nothing_heavy_imported_at_startup():
    """Launch stays fast: importing the GUI entry point pulls in neither pyqtgraph nor ReportLab."""
    code = (
        "import sys, hqdesk.app, hqdesk.ui.startup, hqdesk.ui.main_window; "
        "print(','.join(m for m in ('pyqtgraph', 'reportlab', 'openpyxl', 'alembic') if m in sys.modules))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == ""
