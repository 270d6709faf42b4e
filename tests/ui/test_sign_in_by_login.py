"""Start-up with a personal PostgreSQL login: the connection proves who the user is, so the app signs in as
that user without the sign-in dialog (one password per person); the owner's connection still asks."""

from __future__ import annotations

import argparse

import pytest

from hqdesk.services.bootstrap import open_services
from hqdesk.ui.settings import open_settings
from hqdesk.ui.startup import AppController
from tests.persistence.test_pg_rights_matrix import shop  # noqa: F401 - the fixture

pytestmark = pytest.mark.pg_only


def _start(qapp, monkeypatch, url):
    controller = AppController(qapp, open_settings(), argparse.Namespace(demo=False, db=url, lang=None), 0.0)
    outcome = []
    monkeypatch.setattr(controller, "_sign_in", lambda: outcome.append("dialog"))
    monkeypatch.setattr(controller, "_signed_in", lambda actor: outcome.append(actor.username))
    services = open_services(url)
    controller._opened((services, True))
    return controller, services, outcome


def test_a_personal_login_skips_the_sign_in_dialog(qtbot, qapp, monkeypatch, shop):  # noqa: F811
    controller, services, outcome = _start(qapp, monkeypatch, shop["login"]["am"])
    try:
        qtbot.waitUntil(lambda: outcome != [], timeout=5000)
        assert outcome == ["am"] and controller.bound_login
    finally:
        controller.runner.wait(5000)
        services.close()
    controller, services, outcome = _start(qapp, monkeypatch, shop["url"])
    try:
        qtbot.waitUntil(lambda: outcome != [], timeout=5000)
        assert outcome == ["dialog"] and not controller.bound_login
    finally:
        controller.runner.wait(5000)
        services.close()


def test_signing_out_of_a_personal_login_closes_the_app(qapp, monkeypatch):
    """Nobody else can sign in on that connection: sign-out quits instead of showing the sign-in dialog."""

    class Window:
        def close(self):
            return True

        def deleteLater(self):  # noqa: N802 - Qt's name
            pass

    controller = AppController(qapp, open_settings(), argparse.Namespace(demo=False, db=None, lang=None), 0.0)
    happened = []
    monkeypatch.setattr(controller, "_sign_in", lambda: happened.append("dialog"))
    monkeypatch.setattr(qapp, "quit", lambda: happened.append("quit"))
    controller.window, controller.bound_login = Window(), True
    controller._sign_out()
    assert happened == ["quit"]
    controller.window, controller.bound_login = Window(), False
    controller._sign_out()
    assert happened == ["quit", "dialog"]
