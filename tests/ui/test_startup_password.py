"""The start-up password prompt: a password written in ``--db`` that the server refused is never shown, and
the password typed into the prompt is the one tried next (not the URL's again, forever)."""

from __future__ import annotations

import argparse
import time

from PySide6.QtWidgets import QInputDialog

from hqdesk.services.bootstrap import PasswordRefused
from hqdesk.ui.settings import open_settings
from hqdesk.ui.startup import AppController

REFUSED = "0ld-Secret"


def test_the_refused_password_in_the_url_is_masked_and_the_typed_one_is_tried(qapp, monkeypatch):
    url = f"postgresql+psycopg://anna:{REFUSED}@db.example.cn:5433/hq?sslmode=require"
    args = argparse.Namespace(demo=False, db=url, lang=None)
    controller = AppController(qapp, open_settings(), args, time.perf_counter())
    starts, asked = [], []
    monkeypatch.setattr(controller, "start", lambda: starts.append(controller.password))
    monkeypatch.setattr(
        QInputDialog, "getText", staticmethod(lambda *a, **k: (asked.append(a[2]), ("typed-now", True))[1])
    )

    controller._open_failed(PasswordRefused(user="anna"))

    assert REFUSED not in asked[0]
    assert "postgresql+psycopg://anna:***@db.example.cn:5433/hq" in asked[0]
    assert starts == ["typed-now"]  # open_services(url, password="typed-now"): build_engine lets it win
    controller.runner.wait(1000)
