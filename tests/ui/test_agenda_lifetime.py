"""A page deleted after its task runner must not crash the process.

Before the agenda's and the start page's task callbacks held the page weakly (``agenda.weakly``), a finished
task kept a strong reference to the page; deleting the page (its parent's deleteLater) after the context and
runner were gone crashed the process with a segmentation fault in ~QObject. It showed as the next widget
test dying: this runs that very sequence in a child process and checks that it ends normally.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_a_page_freed_after_its_runner_does_not_crash_the_next_test():
    env = dict(os.environ, HQDESK_TEST_DB="sqlite")
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:randomly",
            "tests/ui/test_agenda.py::test_home_panel_says_when_nothing_is_coming",
            "tests/ui/test_bulk_actions.py::test_only_administrators_get_the_bulk_menu",
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    assert "2 passed" in result.stdout
