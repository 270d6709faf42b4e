"""The one error dialog: refusals, conflicts and database errors in the UI language, with the action and the
role in words; a driver's English and exception class names only under "Details" and in the log."""

from __future__ import annotations

import logging
import re

import pytest
from PySide6.QtWidgets import QMessageBox, QWidget

from hqdesk.domain.errors import ConflictError, DatabaseError, FieldError, PermissionDenied, ValidationError
from hqdesk.domain.roles import Action, Role
from hqdesk.ui.errors import describe, show_error
from hqdesk.ui.i18n import install_translators

ASCII_LETTERS = re.compile(r"[A-Za-z]")
NO_SERVER = "postgresql+psycopg://hq@/hqdesk?host={tmp}/no-server&connect_timeout=2"


@pytest.fixture
def chinese(qapp):
    install_translators(qapp, "zh_CN")
    yield
    install_translators(qapp, "en")


def psycopg_error(tmp_path):
    """A real driver error: connecting through a socket folder where no server runs."""
    from sqlalchemy import create_engine

    engine = create_engine(NO_SERVER.format(tmp=tmp_path))
    try:
        with pytest.raises(Exception) as raised:
            engine.connect()
    finally:
        engine.dispose()
    return raised.value


_parents: list[QWidget] = []  # kept alive for the test (the box is their child)


def box_of(qtbot, exc) -> QMessageBox:
    parent = QWidget()
    _parents[:] = [parent]
    qtbot.addWidget(parent)
    box = show_error(parent, exc)
    qtbot.waitUntil(box.isVisible)
    assert parent.findChild(QMessageBox, "errorBox") is box
    return box


@pytest.mark.parametrize("role", list(Role))
def test_every_refusal_reads_in_chinese_with_the_role_and_action_in_words(chinese, role):
    """Was: 您的角色（account_manager）无权edit this franchisee。"""
    for action in Action:
        text = describe(PermissionDenied(role=role.value, action=action.value)).text
        assert text.startswith("您的角色（") and not ASCII_LETTERS.search(text), text


def test_the_refusal_dialog_in_chinese(qtbot, chinese):
    box = box_of(qtbot, PermissionDenied(role="account_manager", action="edit this franchisee"))
    assert box.text() == "您的角色（客户经理）无权编辑此加盟商。"
    assert box.icon() == QMessageBox.Icon.Warning and box.detailedText() == ""


def test_a_conflict_names_the_user_and_says_the_rest_in_chinese(chinese):
    text = describe(ConflictError(None, {}, user="zhang", when="2026-01-02 03:04 UTC")).text
    assert "zhang" in text and not ASCII_LETTERS.search(text.replace("zhang", "").replace("UTC", ""))


def test_a_psycopg_error_shows_a_sentence_and_keeps_the_class_under_details(qtbot, chinese, tmp_path, caplog):
    exc = psycopg_error(tmp_path)
    assert "psycopg.OperationalError" in str(exc)  # what the user used to read
    with caplog.at_level(logging.WARNING):
        box = box_of(qtbot, exc)
    assert box.text() == "无法连接数据库。请检查网络连接后重试；未保存任何内容。"
    assert "OperationalError" not in box.text() and not ASCII_LETTERS.search(box.text())
    assert box.detailedText().startswith("psycopg.OperationalError: ")
    assert "no-server" in box.detailedText()
    assert "psycopg.OperationalError" in caplog.text  # and the log has it too


def test_opening_a_database_that_does_not_answer_says_why_in_words(qtbot, chinese, tmp_path):
    """ "Test connection" and start-up raise DatabaseError with the driver's line as its detail."""
    from hqdesk.services.bootstrap import check_connection

    with pytest.raises(DatabaseError) as raised:
        check_connection(NO_SERVER.format(tmp=tmp_path))
    assert "psycopg" in raised.value.english()  # the command line's line keeps the driver's words
    box = box_of(qtbot, raised.value)
    assert box.text().startswith("无法打开数据库：位于 ") and "no-server" in box.text()
    assert "psycopg" not in box.text() and "Operational" not in box.text()
    assert "psycopg.OperationalError" in box.detailedText()


def test_validation_errors_in_chinese(chinese):
    text = describe(ValidationError([FieldError("city", "Enter the city.")])).text
    assert text and not ASCII_LETTERS.search(text)


def test_a_bug_is_shown_as_one_with_its_traceback_under_details(qtbot, caplog):
    def broken():
        raise KeyError("oops")

    try:
        broken()
    except KeyError as exc:
        error = exc
    with caplog.at_level(logging.ERROR):
        box = box_of(qtbot, error)
    assert box.icon() == QMessageBox.Icon.Critical
    assert "KeyError" not in box.text() and "hqdesk.log" in box.text()
    assert "Traceback" in box.detailedText() and "in broken" in box.detailedText()
    assert "unexpected error" in caplog.text
