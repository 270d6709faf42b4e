"""The demo's warm start: the franchisee list's first page before the services open, then the services take over.

The services' opening is held back here (in the real app it takes about half a second after the first paint),
so that what a user does in that moment is tested: a sort the first-page reader knows is answered at once,
a search waits with a busy cursor and is answered once they open, never an error; and nothing is rebuilt
when they take over (the selection stays)."""

from __future__ import annotations

import argparse
import logging
import threading
import time

import pytest
from PySide6.QtCore import Qt

from hqdesk.services.dto import SearchCriteria
from hqdesk.services.startup import StandInServices


@pytest.fixture
def demo_db():
    """The demo database as a first start leaves it (small), and its real services to compare with."""
    from hqdesk.demo.generate import generate_demo
    from hqdesk.resources import demo_database_url
    from hqdesk.services.bootstrap import open_services

    sv = open_services(demo_database_url())
    generate_demo(sv.db, franchisees=250, years=2, seed=3, ledger=False)
    yield sv
    sv.close()


@pytest.fixture
def held_open(monkeypatch):
    """StandInServices.open waits until ``release.set()``."""
    release = threading.Event()
    original = StandInServices.open

    def open_later(self):
        assert release.wait(30)
        return original(self)

    monkeypatch.setattr(StandInServices, "open", open_later)
    yield release
    release.set()


def _controller(qapp):
    from hqdesk.ui.settings import open_settings
    from hqdesk.ui.startup import AppController

    return AppController(
        qapp, open_settings(), argparse.Namespace(demo=True, db=None, lang=None), time.perf_counter()
    )


def _ids(result) -> list[int]:
    return [r.id for r in result.first.rows]


def test_the_first_page_shows_before_the_services_and_they_take_over(
    qtbot, qapp, demo_db, held_open, monkeypatch, caplog
):
    errors = []
    monkeypatch.setattr("hqdesk.ui.views.franchisees.show_error", lambda parent, exc: errors.append(exc))
    admin = demo_db.users.actor("admin")
    ctl = _controller(qapp)
    assert ctl.fast_start
    caplog.set_level(logging.WARNING, logger="hqdesk.services.startup")
    ctl.start()
    qtbot.waitUntil(lambda: ctl.window is not None and ctl.window.page("franchisees").model.rowCount() > 0)
    view = ctl.window.page("franchisees")
    services = ctl.services
    assert isinstance(services, StandInServices) and not services.ready  # shown without them
    expected = demo_db.franchisees.list_first(admin, SearchCriteria(), "legal_name", False)
    assert [view.model.franchisee_id(r) for r in range(view.model.rowCount())] == _ids(expected)
    assert view.model.total == expected.total

    # a sort the reader knows: answered at once, before the services open
    view.table.horizontalHeader().setSortIndicator(0, Qt.SortOrder.DescendingOrder)  # code, descending
    by_code = demo_db.franchisees.list_first(admin, SearchCriteria(), "code", True)
    qtbot.waitUntil(lambda: view.model.franchisee_id(0) == by_code.first.rows[0].id)
    assert not services.ready
    view.table.selectRow(3)
    chosen = view.model.franchisee_id(3)

    # a search needs the services: it waits, with a busy cursor, and is not refused
    word = expected.first.rows[0].city
    view.search_box.setText(word)
    qtbot.waitUntil(lambda: view.table.viewport().cursor().shape() == Qt.CursorShape.BusyCursor)
    assert not services.ready and not errors
    held_open.set()
    found = demo_db.franchisees.list_first(admin, SearchCriteria(text=word), "code", True)
    qtbot.waitUntil(lambda: services.ready and view.model.total == found.total, timeout=20000)
    assert [view.model.franchisee_id(r) for r in range(view.model.rowCount())] == _ids(found)
    assert view.table.viewport().cursor().shape() != Qt.CursorShape.BusyCursor

    # taken over: the same window, the same view, searches through the real services from now on
    window = ctl.window
    view.search_box.clear()
    qtbot.waitUntil(lambda: view.model.total == by_code.total)
    qtbot.waitUntil(lambda: view.selected_ids() == [chosen])  # the selection survives the takeover's searches
    assert ctl.window is window and ctl.window.page("franchisees") is view
    assert services.franchisees is services.wait().franchisees
    assert not errors
    assert "UI thread waits" not in caplog.text  # nothing called a service on the UI thread meanwhile
    ctl.window.close()
    ctl.shutdown()


def test_when_the_reader_declines_the_services_open_first(qtbot, qapp, demo_db, monkeypatch):
    """The reader declines (an older schema to upgrade, no demo data yet, a file it cannot read:
    tests/persistence/test_first_page.py): the services open first and the window follows on them."""
    monkeypatch.setattr("hqdesk.ui.startup.read_start", lambda url, username, password=None: None)
    ctl = _controller(qapp)
    ctl.start()
    qtbot.waitUntil(
        lambda: ctl.window is not None and ctl.window.page("franchisees").model.rowCount() > 0, timeout=20000
    )
    assert not isinstance(ctl.services, StandInServices)
    ctl.window.close()
    ctl.shutdown()


def test_when_the_reader_fails_the_list_waits_for_the_services_and_shows(qtbot, qapp, demo_db, monkeypatch):
    """The reader fails after the window is up (a locked or damaged file...): the first search waits for the
    services, which open anyway (no first rows to wait for), and the list shows their answer."""

    def broken(*args, **kwargs):
        raise OSError("disk I/O error")

    monkeypatch.setattr("hqdesk.services.startup.first_result", broken)
    admin = demo_db.users.actor("admin")
    ctl = _controller(qapp)
    ctl.start()
    qtbot.waitUntil(
        lambda: ctl.window is not None and ctl.window.page("franchisees").model.rowCount() > 0, timeout=20000
    )
    assert isinstance(ctl.services, StandInServices) and ctl.services.ready
    expected = demo_db.franchisees.list_first(admin, SearchCriteria(), "legal_name", False)
    view = ctl.window.page("franchisees")
    assert [view.model.franchisee_id(r) for r in range(view.model.rowCount())] == _ids(expected)
    ctl.window.close()
    ctl.shutdown()
