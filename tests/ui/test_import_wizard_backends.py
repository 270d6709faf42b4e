"""The import wizard on both databases (SQLite and PostgreSQL, its rights included): a good file goes through
every step and is written; a role without the right is refused by the service too, in words, and nothing is
written."""

from __future__ import annotations

import pytest

from hqdesk.ui.tasks import InlineTaskRunner
from tests.services.test_import import HEADER, counts, good_rows, write_csv
from tests.ui.test_import_wizard import dispose


@pytest.fixture
def wizard_for(qtbot):
    made = []

    def make(actor, services):
        wizard = _wizard(actor, services)
        made.append(wizard)
        return wizard

    yield make
    dispose(*made)


def _wizard(actor, services):
    from hqdesk.ui.context import ChangeBus, UiContext
    from hqdesk.ui.settings import open_settings
    from hqdesk.ui.views.import_wizard import ImportWizard

    ctx = UiContext(services, actor, InlineTaskRunner(), ChangeBus(), open_settings())
    wizard = ImportWizard(ctx)
    wizard.show()
    return wizard


def test_a_good_file_goes_through_every_step(services, users, qtbot, tmp_path, english, wizard_for):
    path = write_csv(tmp_path / "good.csv", [HEADER, *good_rows(4)])
    wizard = wizard_for(users["admin"], services)
    wizard.pick.set_file(str(path))
    wizard.next()
    assert wizard.mapping.isComplete(), wizard.mapping.status_label.text()
    wizard.next()
    assert wizard.check.isComplete(), wizard.check.summary.text()
    assert counts(services) == (0, 0, 0)  # the check wrote nothing
    with qtbot.waitSignal(wizard.imported):
        wizard.next()
    assert wizard.final.result.imported == 4
    assert counts(services) == (4, 4, 4)


def test_the_service_refuses_a_role_without_the_right(services, users, qtbot, tmp_path, english, wizard_for):
    path = write_csv(tmp_path / "good.csv", [HEADER, *good_rows(2)])
    wizard = wizard_for(users["viewer"], services)  # built past the menu's check on purpose
    wizard.pick.set_file(str(path))
    wizard.next()
    assert wizard.mapping.preview is None
    assert not wizard.mapping.isComplete()
    assert "may not import franchisees" in wizard.mapping.status_label.text()
    assert counts(services) == (0, 0, 0)
