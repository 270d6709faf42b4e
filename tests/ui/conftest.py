"""Widget tests: real widgets on a real SQLite database, the inline task runner for determinism."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from hqdesk.domain.contact import ContactData, ContactRole
from hqdesk.domain.franchisee import FranchiseeData
from hqdesk.domain.roles import Role


@pytest.fixture(autouse=True)
def english(qapp):
    """Every widget test starts in English as a user who chose it sees it (with its plural forms: "1
    franchisee", "3 franchisees"), whatever language an earlier test left installed."""
    from hqdesk.ui.i18n import install_translators

    install_translators(qapp, "en")
    yield


@pytest.fixture
def ui_services(tmp_path, migrated_sqlite):
    from hqdesk.services.bootstrap import open_services

    sv = open_services(migrated_sqlite(tmp_path / "ui.sqlite3"))
    yield sv
    sv.close()


@pytest.fixture
def ui_users(ui_services):
    admin = ui_services.users.create_first_admin("admin", "管理员", "admin-pass-1")
    out = {"admin": admin}
    for name, display, role in (
        ("zhang", "张伟", Role.ACCOUNT_MANAGER),
        ("li", "李娜", Role.ACCOUNT_MANAGER),
        ("viewer", "赵敏", Role.VIEWER),
        ("credit", "钱会计", Role.CREDIT_MANAGER),
    ):
        ui_services.users.create_user(admin, name, display, role, "password-1")
        out[name] = ui_services.users.actor(name)
    return out


ENTERED = date(2026, 1, 2)  # when the sample profiles were entered: status changes are dated after it


@pytest.fixture
def sample_franchisees(ui_services, ui_users):
    """Three franchisees with contacts: two for zhang, one for li."""
    sv, admin = ui_services, ui_users["admin"]
    made = []
    for code, name, city, tier, am, contact, mobile in (
        ("JX0001", "杭州金辉珠宝有限公司", "杭州", "A", "zhang", "王芳", "13812345678"),
        ("JX0002", "成都福满堂黄金首饰有限公司", "成都", "B", "zhang", "陈建国", "13900001111"),
        ("JX0003", "佛山市顺德区金凤银楼", "佛山", "C", "li", "刘丽", "13711112222"),
    ):
        d = sv.franchisees.create(
            admin,
            FranchiseeData(
                code=code,
                legal_name=name,
                city=city,
                tier=tier,
                region="华东" if city == "杭州" else "西南",
                registered_capital=Decimal("1000000.00"),
                account_manager_id=ui_users[am].user_id,
            ),
            today=ENTERED,
        )
        sv.contacts.add(admin, d.id, ContactData(name=contact, mobile=mobile, role=ContactRole.OWNER))
        made.append(d)
    return made


@pytest.fixture
def make_ctx(ui_services, qtbot):
    """make_ctx(actor) -> UiContext with the inline runner."""
    from hqdesk.ui.context import ChangeBus, UiContext
    from hqdesk.ui.settings import open_settings
    from hqdesk.ui.tasks import InlineTaskRunner

    keep = []  # views' callbacks reach the runner through ctx: keep every runner alive for the test

    def make(actor):
        ctx = UiContext(ui_services, actor, InlineTaskRunner(), ChangeBus(), open_settings())
        keep.append(ctx)
        return ctx

    yield make


def type_text(widget, text: str) -> None:
    """Type text, Chinese included, as an input method would (qtbot.keyClicks aborts on CJK)."""
    from PySide6.QtGui import QInputMethodEvent
    from PySide6.QtWidgets import QApplication

    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


@pytest.hookimpl(hookwrapper=True, tryfirst=True)
def pytest_runtest_teardown(item):
    """Before pytest-qt closes a test's widgets: a record dialog left with typed data would ask (and wait in
    exec()) whether to drop it. The test is over: it may."""
    from PySide6.QtWidgets import QApplication

    from hqdesk.ui.dialogs.discard import AsksBeforeDiscarding

    app = QApplication.instance()
    if app is not None:
        for widget in app.allWidgets():
            if isinstance(widget, AsksBeforeDiscarding):
                widget.mark_clean()
    yield
