"""The GUI's entry point (``hqdesk``): parse the command line, hand over to ``hqdesk.ui.startup``.

Thin on purpose: no Qt here (the import rules say only ``hqdesk.ui`` imports Qt), and nothing at import
time, so that ``hqdesk --version`` and ``--help`` answer at once.
"""

from __future__ import annotations

import argparse
import gc
import sys
import time

from hqdesk import __version__


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="hqdesk", description="hqdesk: franchisee relationships and credit")
    parser.add_argument(
        "--demo",
        action="store_true",
        help="open the separate demo database (created on first use), signed in as the demo admin",
    )
    parser.add_argument(
        "--db", metavar="URL", help="database URL (default: from settings, else your SQLite file)"
    )
    parser.add_argument("--lang", choices=["zh_CN", "en"], help="user interface language for this run")
    parser.add_argument("--version", action="version", version=f"hqdesk {__version__}")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None, started: float | None = None) -> int:
    started = started if started is not None else time.perf_counter()
    args = parse_args(sys.argv[1:] if argv is None else argv)
    # Start-up creates a few hundred thousand objects (modules, classes, Qt wrappers) that all live on, and the
    # cyclic garbage collector would walk them again and again while they are created: about a sixth of the
    # time to the first screen. It is switched back on, with those objects set aside, once the franchisee
    # list shows its first rows, or as soon as start-up waits for the user (hqdesk.ui.startup).
    gc.disable()
    from hqdesk.ui.startup import run

    return run(args, started)


__all__ = ["main", "parse_args"]
