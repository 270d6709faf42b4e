"""The History tab's texts: every one reaches the translators, reads with Chinese punctuation, and says whose."""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt, QTranslator
from PySide6.QtGui import QColor

from hqdesk.domain.contact import Anniversary
from hqdesk.services.dto import FieldChange, HistoryEntry
from hqdesk.ui.models.history import HistoryModel, UserNames, format_value

ROOT = Path(__file__).resolve().parents[2]
NAMES = UserNames({"admin": "管理员", "zhang": "张伟"}, {1: "管理员", 2: "张伟"})
T0 = datetime(2026, 3, 1, 8, 0, tzinfo=UTC)


def entry(
    minutes: int,
    table: str,
    action: str,
    row_id: str = "1",
    source: str = "app",
    username: str = "zhang",
    db_login: str | None = None,
    **changes,
) -> HistoryEntry:
    """An audit entry; ``changes`` are field=(old, new)."""
    return HistoryEntry(
        T0 + timedelta(minutes=minutes),
        username,
        source,
        action,
        table,
        row_id,
        tuple(FieldChange(k, old, new) for k, (old, new) in changes.items()),
        db_login,
    )


def every_kind() -> list[HistoryEntry]:
    """Newest first, as the service returns them: one entry of each kind the History tab describes."""
    return [
        entry(
            12,
            "franchisees",
            "update",
            source="db",
            username="postgres",
            db_login="postgres",
            city=("杭州", "宁波"),
        ),
        entry(
            11,
            "contact_anniversaries",
            "delete",
            row_id="8",
            contact_id=(5, None),
            label=("开业纪念日", None),
            day=("2015-05-01", None),
            lunar=(False, None),
        ),
        entry(10, "contacts", "delete", row_id="5", name=("王芳", None), mobile=("13812345678", None)),
        entry(
            9,
            "contact_anniversaries",
            "insert",
            row_id="8",
            contact_id=(None, 5),
            label=(None, "开业纪念日"),
            day=(None, "2015-05-01"),
            lunar=(None, True),
        ),
        entry(8, "contacts", "update", row_id="5", mobile=("13812345678", "13900002222")),
        entry(7, "stores", "insert", row_id="3", name=(None, "郑州二七店"), city=(None, "郑州")),
        entry(6, "franchisees", "update", archived=(True, False)),
        entry(5, "franchisees", "update", archived=(False, True)),
        entry(4, "franchisees", "update", status=("prospect", "active")),
        entry(
            3,
            "franchisee_status_changes",
            "insert",
            row_id="2",
            from_status=("", "prospect"),
            to_status=(None, "active"),
            reason=(None, "签约"),
        ),
        entry(
            2,
            "franchisee_status_changes",
            "insert",
            row_id="1",
            from_status=(None, None),
            to_status=(None, "prospect"),
            reason=(None, "线索"),
        ),
        entry(
            1,
            "contacts",
            "insert",
            row_id="5",
            name=(None, "王芳"),
            mobile=(None, "13812345678"),
            birthday_lunar=(None, True),
        ),
        entry(0, "franchisees", "insert", code=(None, "JX0001"), tags=(None, ["重点"])),
    ]


def model_of(entries, row_names=None) -> HistoryModel:
    model = HistoryModel()
    model.set_entries(entries, NAMES, row_names)
    return model


def texts(model: HistoryModel, column: int) -> list[str]:
    return [model.index(r, column).data() for r in range(model.rowCount())]


class Recorder(QTranslator):
    """Translates nothing; remembers every (context, source text) the app asks it for."""

    def __init__(self) -> None:
        super().__init__()
        self.asked: set[tuple[str, str]] = set()

    def isEmpty(self) -> bool:  # noqa: N802 - Qt override
        return False

    def translate(self, context, source, disambiguation=None, n=-1):
        self.asked.add((context, source))
        return None  # no translation: the source text is used


class Stub(QTranslator):
    """A translator from a dict {source: translation}, the way the .qm answers."""

    def __init__(self, texts: dict[str, str]) -> None:
        super().__init__()
        self.texts = texts

    def isEmpty(self) -> bool:  # noqa: N802 - Qt override
        return False

    def translate(self, context, source, disambiguation=None, n=-1):
        return self.texts.get(source)


@pytest.fixture
def install(qapp):
    installed = []

    def add(translator: QTranslator) -> QTranslator:
        assert QCoreApplication.installTranslator(translator)
        installed.append(translator)
        return translator

    yield add
    for translator in installed:
        QCoreApplication.removeTranslator(translator)


def lupdate_sources(tmp_path) -> set[tuple[str, str]]:
    """(context, source) of every text lupdate collects from the app's code."""
    tool = Path(sys.executable).with_name("pyside6-lupdate")
    ts = tmp_path / "collected.ts"
    files = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "hqdesk").rglob("*.py"))
    subprocess.run(
        [
            str(tool) if tool.exists() else "pyside6-lupdate",
            "-no-obsolete",
            "-locations",
            "none",
            *files,
            "-ts",
            str(ts),
        ],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    return {
        (ctx.findtext("name"), msg.findtext("source"))
        for ctx in ET.parse(ts).getroot().iter("context")
        for msg in ctx.iter("message")
    }


# ----- every text reaches the translators ----------------------------------------------------------------------
def test_every_text_the_history_shows_is_collected_for_translation(install, tmp_path):
    """A text lupdate does not collect stays English in the Chinese app ("Archived", "hqdesk" in 操作 and 来源)."""
    recorder = install(Recorder())
    model = model_of(every_kind())
    for row in range(model.rowCount()):
        for column in range(model.columnCount()):
            for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                model.index(row, column).data(role)
        model.details(row)
    for column in range(model.columnCount()):
        model.headerData(column, Qt.Orientation.Horizontal)
        model.headerData(column, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
    asked = {(c, s) for c, s in recorder.asked if c in ("History", "HistoryModel", "Fields", "Enums")}
    assert ("History", "Restored from the archive") in asked and ("History", "Initial status") in asked
    assert asked - lupdate_sources(tmp_path) == set()


# ----- what the cells say ----------------------------------------------------------------------------------------
def test_what_happened_in_words(qapp):
    model = model_of(every_kind())
    assert texts(model, model.WHAT) == [
        "Profile changed",
        "Anniversary removed for 王芳",  # whose: the contact's name, although the contact is deleted since
        "Contact deleted: 王芳",
        "Anniversary added for 王芳",
        "Contact changed: 王芳",
        "Store added: 郑州二七店",
        "Restored from the archive",
        "Archived",
        "Status changed",
        "Status changed",
        "Initial status",
        "Contact added: 王芳",
        "Franchisee created",
    ]
    changes = texts(model, model.CHANGES)
    assert changes[0] == "City: 杭州 → 宁波"
    assert changes[3] == "Anniversary: 开业纪念日; Date: 1 May 2015; Lunar calendar: Yes"
    assert changes[5] == "Store name: 郑州二七店; City: 郑州"


def test_an_anniversary_names_its_contact_from_the_current_names_too(qapp):
    only = [
        entry(
            0, "contact_anniversaries", "insert", row_id="9", contact_id=(None, 7), label=(None, "结婚纪念日")
        )
    ]
    assert (
        model_of(only, {("contacts", "7"): "陈静"}).index(0, HistoryModel.WHAT).data()
        == "Anniversary added for 陈静"
    )
    assert model_of(only).index(0, HistoryModel.WHAT).data() == "Anniversary added"  # nobody to name


def test_only_changes_made_outside_the_app_name_their_source(qapp):
    model = model_of(every_kind())
    sources = texts(model, model.SOURCE)
    assert sources[0] == "Outside the app"
    assert set(sources[1:]) == {
        ""
    }  # the app's own changes: an empty, narrow column, not "hqdesk" on every row
    assert model.index(0, model.SOURCE).data(Qt.ItemDataRole.ForegroundRole) == QColor("#b03a2e")
    assert (
        model.index(0, model.SOURCE).data(Qt.ItemDataRole.ToolTipRole)
        == "Changed directly in the database, not through hqdesk."
    )
    assert model.index(1, model.SOURCE).data(Qt.ItemDataRole.ForegroundRole) is None
    assert "outside hqdesk" in model.headerData(
        model.SOURCE, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole
    )
    assert model.details(0).splitlines()[0].endswith(" · Outside the app")
    assert "Outside" not in model.details(1)


# ----- Chinese punctuation -----------------------------------------------------------------------------------
CHINESE = {
    "{field}: {value}": "{field}：{value}",
    "{field}: {old} → {new}": "{field}：{old} → {new}",
    "{what}: {name}": "{what}：{name}",
    "; ": "；",
    "{user} ({login})": "{user}（{login}）",
    "{date} (lunar calendar)": "{date}（农历）",
    "Anniversary added for {contact}": "添加{contact}的纪念日",
    "Store added": "添加门店",
    "Contact changed": "修改联系人",
    "Store name": "门店名称",
    "City": "城市",
    "Anniversaries": "纪念日",
    "database login: {login}": "数据库登录名：{login}",
}


def test_texts_are_built_from_translated_templates(install):
    """Chinese writes "门店名称：郑州二七店" and "；" between changes: the punctuation comes from the translation."""
    install(Stub(CHINESE))
    model = model_of(every_kind())
    assert model.index(5, model.WHAT).data() == "添加门店：郑州二七店"
    assert model.index(5, model.CHANGES).data() == "门店名称：郑州二七店；城市：郑州"
    assert model.index(0, model.CHANGES).data() == "城市：杭州 → 宁波"
    assert model.index(3, model.WHAT).data() == "添加王芳的纪念日"
    assert "数据库登录名" not in model.details(0)  # postgres is the user's own login here
    posed = entry(0, "franchisees", "update", username="admin", db_login="anna_login", city=("杭州", "台州"))
    assert model_of([posed]).details(0).startswith("Profile changed · 管理员（数据库登录名：anna_login）")

    assert (
        format_value(
            "contacts",
            "anniversaries",
            (Anniversary("开业", date(2015, 5, 1), True), Anniversary("结婚", date(2010, 10, 1))),
        )
        == "开业 1 May 2015（农历）；结婚 1 Oct 2010"
    )
    assert model.index(4, model.WHAT).data() == "修改联系人：王芳"
    assert all(":" not in text for text in texts(model, model.CHANGES) if text)
    assert all("; " not in text for text in texts(model, model.CHANGES))
