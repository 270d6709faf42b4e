"""The layer rules of STYLE.md, as import-linter contracts from pyproject.toml, checked in every test run."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


CONTRACTS = {
    "layers": "Layers: entry points -> ui -> letters/reports -> services/demo -> persistence -> domain -> resources",
    "ui-no-database": "The UI never touches persistence or SQLAlchemy",
    "no-qt-below-ui": "Nothing below the UI imports Qt or pyqtgraph",
    "entry-points-no-qt": "The entry points (cli, app) never import Qt, not even indirectly",
    "letters-reports-from-dtos": "Letters and reports are built from the services' DTOs, never from the database",
    "pure-domain": "The domain is pure: no SQLAlchemy, no Qt",
}


def lint_imports(root: Path = ROOT) -> subprocess.CompletedProcess:
    return subprocess.run(
        [
            sys.executable,
            "-c",
            "from importlinter.cli import lint_imports_command; lint_imports_command()",
            "--no-cache",
        ],
        cwd=root,
        env={**os.environ, "PYTHONPATH": str(root)},
        capture_output=True,
        text=True,
        timeout=120,
    )


def contracts() -> list[dict]:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["importlinter"][
        "contracts"
    ]


def test_import_contracts_hold():
    """domain <- persistence <- services <- ui; no Qt below ui; no SQLAlchemy in ui or domain."""
    result = lint_imports()
    assert result.returncode == 0, result.stdout + result.stderr
    assert "broken" not in result.stdout.lower().replace("0 broken", "")
    for name in CONTRACTS.values():  # each one checked (a contract import-linter skipped would not be listed)
        assert " ".join(name.split()) in " ".join(result.stdout.split()), name


def test_the_contracts_are_pinned_by_name_and_none_allows_indirect_imports_wholesale():
    """A contract that is lost, renamed or loosened with `allow_indirect_imports` fails here."""
    found = {c["id"]: c for c in contracts()}
    assert {k: c["name"] for k, c in found.items()} == CONTRACTS
    assert all("allow_indirect_imports" not in c for c in found.values())
    layers = found["layers"]["layers"]
    for package in ("hqdesk.letters", "hqdesk.reports", "hqdesk.resources", "hqdesk.demo", "hqdesk.cli"):
        assert any(package in layer for layer in layers), package


def test_each_contract_catches_a_planted_violation(tmp_path):
    """Each contract is broken by an import that breaks its rule in a copy of the package, and only the
    named exceptions pass (e.g. the command line reaching Qt through the UI, which the old contracts let
    through as an indirect import)."""
    shutil.copytree(ROOT / "hqdesk", tmp_path / "hqdesk", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    planted = {
        "cli/probe.py": "import hqdesk.ui.widgets\n",  # indirectly Qt
        "ui/probe.py": "import hqdesk.persistence.models\n",
        "services/probe.py": "import PySide6.QtCore\n",
        "letters/probe.py": "import hqdesk.services.bootstrap\n",
        "reports/fine.py": "from hqdesk.services.dto import UserDTO\nimport hqdesk.domain.roles\n",
        "domain/probe.py": "import sqlalchemy\n",
    }
    for name, code in planted.items():
        (tmp_path / "hqdesk" / name).write_text(code, encoding="utf-8")
    with (tmp_path / "hqdesk" / "resources.py").open("a", encoding="utf-8") as f:
        f.write("\nimport hqdesk.domain.roles  # resources sit below the domain\n")

    result = lint_imports(tmp_path)
    out = " ".join(result.stdout.split())
    assert result.returncode != 0
    for name in CONTRACTS.values():
        assert f"{' '.join(name.split())} BROKEN" in out, name + "\n" + result.stdout
    assert "hqdesk.reports.fine" not in result.stdout  # the DTO module is the one allowed import


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
