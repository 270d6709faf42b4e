"""The franchisee list: search-as-you-type, filters, SQL sorting, lazy pages, and the editor beside it."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor

from hqdesk.domain.changes import Changes, Entity
from hqdesk.domain.franchisee import FranchiseeData, LifecycleStatus, StatusChange
from hqdesk.services.dto import LIST_COLUMNS, FranchiseeRow, ListPage, ListResult, PageKey, SearchCriteria
from hqdesk.ui.models.franchisee_list import (
    ARCHIVED_COLOR,
    EXPIRED_BACKGROUND,
    EXPIRED_FOREGROUND,
    EXPIRING_BACKGROUND,
    EXPIRING_FOREGROUND,
    PAGE_SIZE,
    FranchiseeListModel,
)
from hqdesk.ui.tasks import TaskRunner
from tests.ui.conftest import type_text

COL = {name: i for i, name in enumerate(LIST_COLUMNS)}


def make_view(qtbot, ctx, show=True):
    from hqdesk.ui.views.franchisees import FranchiseesView

    view = FranchiseesView(ctx)
    qtbot.addWidget(view)
    if show:
        view.resize(1200, 700)
        with qtbot.waitActive(view):  # shortcuts only work in the active window
            view.show()
            view.activateWindow()
    return view


def codes(view) -> list[str]:
    return [view.model.index(r, COL["code"]).data() for r in range(view.model.rowCount())]


def select_row(qtbot, view, row: int) -> None:
    rect = view.table.visualRect(view.model.index(row, COL["code"]))
    qtbot.mouseClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def click_header(qtbot, view, column: int) -> None:
    header = view.table.horizontalHeader()
    x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, header.height() // 2))


def choose(combo, data) -> None:
    index = combo.findData(data)
    assert index >= 0, data
    combo.setCurrentIndex(index)


_KEEP_ALIVE = []


@pytest.fixture
def make_ctx(make_ctx):
    """conftest's make_ctx, with every context (and so its InlineTaskRunner) kept for the whole run.

    A finished Task waits for deleteLater() and its callbacks hold the runner; a runner without a parent whose
    last reference goes away when Qt finally deletes such a task is freed inside that task's destructor and
    deletes the task again: a segfault in a later test. (Repro: submit to an InlineTaskRunner(), drop it,
    then process DeferredDelete events.)
    """

    def make(actor):
        ctx = make_ctx(actor)
        _KEEP_ALIVE.append(ctx)
        return ctx

    return make


@pytest.fixture
def view(qtbot, make_ctx, ui_users, sample_franchisees):
    return make_view(qtbot, make_ctx(ui_users["zhang"]))


class Recorder:
    def __init__(self, result=None):
        self.calls, self.result = [], result

    def __call__(self, *args):
        self.calls.append(args)
        return self.result


class ManualRunner(TaskRunner):
    """Holds every task until the test runs it: for loading states and results arriving out of order."""

    def __init__(self):
        super().__init__()
        self.jobs = []

    def _start(self, task, fn, args, kwargs, write):
        self.jobs.append((task, fn, args, kwargs))

    def run(self, index: int = 0) -> None:
        task, fn, args, kwargs = self.jobs.pop(index)
        task.signals.done.emit(fn(*args, **kwargs))

    def run_all(self) -> None:
        while self.jobs:
            self.run(0)


# ----- searching -----------------------------------------------------------------------------------
def test_shows_every_franchisee_with_a_count(view):
    assert view.model.rowCount() == 3
    assert view.count_label.text() == "3 franchisees"
    assert view.search_box.placeholderText() == "Search name or pinyin, code, city, contact, phone, tag…"
    assert view.search_box.isClearButtonEnabled()
    assert view.stack.currentWidget() is view.table


def test_typing_chinese_searches_after_a_pause(qtbot, view):
    loaded = []
    view.loaded.connect(loaded.append)
    type_text(view.search_box, "金辉")
    assert view.search_box.text() == "金辉"
    assert view.model.rowCount() == 3  # not on every keystroke: after the debounce
    qtbot.waitUntil(lambda: view.model.rowCount() == 1, timeout=2000)
    assert codes(view) == ["JX0001"]
    assert view.count_label.text() == "1 franchisee"
    assert loaded == [1]


def test_a_contact_mobile_finds_its_franchisee(qtbot, view):
    qtbot.keyClicks(view.search_box, "13900001111")
    view.search_now()
    assert codes(view) == ["JX0002"]
    assert view.model.index(0, COL["primary_contact"]).data() == "陈建国"
    assert view.model.index(0, COL["primary_phone"]).data() == "13900001111"


def test_pinyin_initials_typed_in_the_box_find_the_city(qtbot, view):
    qtbot.keyClicks(view.search_box, "cd")  # 成都
    qtbot.waitUntil(lambda: codes(view) == ["JX0002"], timeout=2000)
    view.search_box.clear()
    qtbot.keyClicks(view.search_box, "wangfang")  # 王芳, JX0001's contact
    qtbot.waitUntil(lambda: codes(view) == ["JX0001"], timeout=2000)


def test_tag_filter_offers_the_tags_in_use(qtbot, ui_services, ui_users, sample_franchisees, view):
    admin, chengdu = ui_users["admin"], sample_franchisees[1]
    ui_services.franchisees.update(
        admin, chengdu.id, chengdu.version, FranchiseeData(**{**chengdu.data.__dict__, "tags": ("重点客户",)})
    )
    view.ctx.bus.notify(Changes.of(Entity.FRANCHISEE, [chengdu.id]))  # a tag added elsewhere reaches the box
    qtbot.waitUntil(lambda: view.tag_combo.count() == 2, timeout=2000)
    assert view.tag_combo.itemText(0) == "All tags"
    choose(view.tag_combo, "重点客户")
    assert codes(view) == ["JX0002"]
    view.clear_filters()
    assert view.tag_combo.currentIndex() == 0 and len(codes(view)) == 3


def test_several_rows_can_be_selected_for_bulk_actions(qtbot, view, sample_franchisees):
    select_row(qtbot, view, 0)
    rect = view.table.visualRect(view.model.index(2, COL["code"]))
    qtbot.mouseClick(
        view.table.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.ControlModifier, rect.center()
    )
    assert sorted(view.selected_ids()) == sorted([view.model.franchisee_id(0), view.model.franchisee_id(2)])
    assert view.editor_franchisee_id() == view.model.franchisee_id(0)  # the editor stays on the first


def test_nothing_matches_shows_a_message_and_a_way_back(qtbot, view):
    type_text(view.search_box, "不存在的店")
    view.search_now()
    assert view.model.rowCount() == 0
    assert view.count_label.text() == "0 franchisees"
    assert view.stack.currentWidget() is view.message_page
    assert view.message_title.text() == "No franchisee matches “不存在的店”."
    assert "Show archived" in view.message_hint.text()
    assert view.clear_filters_button.isVisible()
    qtbot.mouseClick(view.clear_filters_button, Qt.MouseButton.LeftButton)
    assert view.search_box.text() == ""
    assert view.model.rowCount() == 3
    assert view.stack.currentWidget() is view.table


def test_the_hint_fits_what_was_asked(qtbot, view):
    """Filters alone leave nothing to spell; typed text gets the spelling hint."""
    choose(view.tier_combo, "C")
    view.status_actions[LifecycleStatus.TERMINATED].trigger()
    assert view.stack.currentWidget() is view.message_page
    assert view.message_title.text() == "No franchisee matches these filters."
    hint = view.message_hint.text()
    assert "spelling" not in hint
    assert hint.splitlines()[0] == "Set some of the filters back to “All”."
    assert view.clear_filters_button.isVisible()

    type_text(view.search_box, "不存在的店")  # typed, with the filters still set
    view.search_now()
    assert view.message_title.text() == "No franchisee matches “不存在的店”."
    assert view.message_hint.text().splitlines()[0] == (
        "Check the spelling, or clear the search and set the filters to “All”."
    )

    view.tier_combo.setCurrentIndex(0)
    view.status_all_action.trigger()  # typed, no filters: nothing to say about filters
    assert (
        view.message_hint.text().splitlines()[0]
        == "Check the spelling, or search for a shorter part of the name."
    )
    assert "Show archived" in view.message_hint.text()


def manager_items(view) -> list[str]:
    return [view.manager_combo.itemText(i) for i in range(view.manager_combo.count())]


@pytest.mark.parametrize("user", ["admin", "credit", "viewer"])
def test_my_franchisees_is_offered_only_to_who_can_have_some(
    qtbot, make_ctx, ui_users, sample_franchisees, user
):
    view = make_view(qtbot, make_ctx(ui_users[user]), show=False)
    assert "My franchisees" not in manager_items(view)  # it would always find 0
    assert manager_items(view)[0] == "All account managers"
    assert sorted(manager_items(view)[1:]) == sorted(["张伟", "李娜"])


def test_my_franchisees_for_account_managers_and_admins_who_manage_some(
    qtbot, make_ctx, ui_services, ui_users, sample_franchisees
):
    assert manager_items(make_view(qtbot, make_ctx(ui_users["li"]), show=False))[:2] == [
        "All account managers",
        "My franchisees",
    ]
    admin, foshan = ui_users["admin"], sample_franchisees[2]
    ui_services.franchisees.update(
        admin,
        foshan.id,
        foshan.version,
        FranchiseeData(**{**foshan.data.__dict__, "account_manager_id": admin.user_id}),
    )
    view = make_view(qtbot, make_ctx(admin), show=False)
    assert manager_items(view)[:2] == ["All account managers", "My franchisees"]
    view.manager_combo.setCurrentIndex(1)
    assert codes(view) == ["JX0003"]


def test_an_empty_database_says_so(qtbot, make_ctx, ui_users):
    view = make_view(qtbot, make_ctx(ui_users["zhang"]))
    assert view.message_title.text() == "There are no franchisees yet."
    assert "New franchisee" in view.message_hint.text()
    assert not view.clear_filters_button.isVisible()


def test_tier_status_and_account_manager_filters(ui_services, ui_users, sample_franchisees, view):
    admin, hangzhou = ui_users["admin"], sample_franchisees[0]
    ui_services.franchisees.change_status(
        admin, hangzhou.id, hangzhou.version, StatusChange(LifecycleStatus.ACTIVE, date.today(), "合同已签")
    )
    assert [view.tier_combo.itemText(i) for i in range(view.tier_combo.count())] == [
        "All tiers",
        "Tier A",
        "Tier B",
        "Tier C",
    ]
    choose(view.tier_combo, "B")
    assert codes(view) == ["JX0002"]
    view.tier_combo.setCurrentIndex(0)

    assert [a.text() for a in view.status_button.menu().actions() if a.text()] == [
        "All statuses",
        "Prospect",
        "Active",
        "Suspended",
        "Terminated",
    ]
    assert view.status_button.text() == "All statuses"
    view.status_actions[LifecycleStatus.ACTIVE].trigger()
    assert codes(view) == ["JX0001"]
    assert view.status_button.text() == "Active"
    assert view.model.index(0, COL["status"]).data() == "Active"
    view.status_actions[LifecycleStatus.PROSPECT].trigger()  # several statuses at once
    assert sorted(codes(view)) == ["JX0001", "JX0002", "JX0003"]
    assert view.status_button.text() == "2 statuses"
    view.status_actions[LifecycleStatus.ACTIVE].trigger()
    assert sorted(codes(view)) == ["JX0002", "JX0003"]
    view.status_all_action.trigger()
    assert view.statuses() == () and len(codes(view)) == 3

    managers = [view.manager_combo.itemText(i) for i in range(view.manager_combo.count())]
    assert managers[:2] == ["All account managers", "My franchisees"]
    assert sorted(managers[2:]) == sorted(["张伟", "李娜"])
    choose(view.manager_combo, ui_users["li"].user_id)
    assert codes(view) == ["JX0003"]
    view.manager_combo.setCurrentIndex(view.manager_combo.findText("My franchisees"))
    assert sorted(codes(view)) == ["JX0001", "JX0002"]  # zhang's own

    choose(view.region_combo, "华东")
    assert codes(view) == ["JX0001"]


def test_archived_franchisees_are_hidden_until_asked_for(ui_services, ui_users, sample_franchisees, view):
    foshan = sample_franchisees[2]
    ui_services.franchisees.set_archived(ui_users["admin"], foshan.id, foshan.version, True)
    view.refresh()
    assert "JX0003" not in codes(view)
    view.archived_check.setChecked(True)
    assert "JX0003" in codes(view)
    row = view.model.row_of(foshan.id)
    assert view.model.index(row, COL["legal_name"]).data(Qt.ItemDataRole.ForegroundRole) == ARCHIVED_COLOR
    assert "Archived" in view.model.index(row, COL["code"]).data(Qt.ItemDataRole.ToolTipRole)


def test_clicking_a_header_sorts_in_the_database(qtbot, view):
    assert codes(view) == [
        "JX0002",
        "JX0003",
        "JX0001",
    ]  # by legal name in pinyin, the default: 成都 佛山 杭州
    header = view.table.horizontalHeader()
    assert header.isSortIndicatorShown() and header.sortIndicatorSection() == COL["legal_name"]
    click_header(qtbot, view, COL["code"])
    assert codes(view) == ["JX0001", "JX0002", "JX0003"]
    assert (view.model.sort_column, view.model.descending) == ("code", False)
    assert header.sortIndicatorSection() == COL["code"]
    click_header(qtbot, view, COL["code"])
    assert codes(view) == ["JX0003", "JX0002", "JX0001"]
    assert header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
    click_header(qtbot, view, COL["city"])  # 成都 (cheng) < 佛山 (fo) < 杭州 (hang) in pinyin
    assert view.model.sort_column == "city" and codes(view) == ["JX0002", "JX0003", "JX0001"]


@pytest.mark.parametrize(
    ("column", "expected"),
    [
        ("account_manager", ["JX0003", "JX0001", "JX0002"]),  # 李娜 (li) before 张伟 (zhang), ties by id
        ("primary_contact", ["JX0002", "JX0003", "JX0001"]),  # 陈建国, 刘丽, 王芳 in pinyin
        ("primary_phone", ["JX0003", "JX0001", "JX0002"]),
        ("contract_end", ["JX0001", "JX0002", "JX0003"]),  # none has one: by id
    ],
)
def test_every_column_sorts(view, column, expected):
    view.table.sortByColumn(COL[column], Qt.SortOrder.AscendingOrder)
    assert codes(view) == expected
    view.table.sortByColumn(COL[column], Qt.SortOrder.DescendingOrder)
    assert codes(view) == expected[::-1]


# ----- the editor beside the list ------------------------------------------------------------------
def test_new_button_follows_the_permission(qtbot, make_ctx, ui_users, sample_franchisees):
    viewer = make_view(qtbot, make_ctx(ui_users["viewer"]))
    assert not viewer.new_button.isVisible()
    viewer.editor.new = Recorder()
    qtbot.keyClick(viewer.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    viewer.new_franchisee()
    assert viewer.editor.new.calls == []
    viewer.close()

    manager = make_view(qtbot, make_ctx(ui_users["zhang"]))
    assert manager.new_button.isVisible()
    manager.editor.new = Recorder()
    qtbot.mouseClick(manager.new_button, Qt.MouseButton.LeftButton)
    assert len(manager.editor.new.calls) == 1
    manager.table.setFocus()
    qtbot.keyClick(manager.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert len(manager.editor.new.calls) == 2


def test_selecting_a_row_loads_it_in_the_editor(qtbot, view, sample_franchisees):
    view.editor.load = Recorder()
    select_row(qtbot, view, 2)  # JX0001 (sorted by legal name: 成都, 佛山, 杭州)
    assert view.editor.load.calls == [(sample_franchisees[0].id,)]
    qtbot.keyClick(view.table, Qt.Key.Key_Up)
    assert view.editor.load.calls[-1] == (sample_franchisees[2].id,)


def test_unsaved_edits_are_not_dropped_without_asking(qtbot, view, sample_franchisees):
    view.editor.load, view.editor.new = Recorder(), Recorder()
    select_row(qtbot, view, 0)
    first = view.model.franchisee_id(0)
    view.editor.has_unsaved_changes = Recorder(True)
    view.editor.confirm_discard = Recorder(False)  # "keep editing"
    select_row(qtbot, view, 1)
    assert view.editor.load.calls == [(first,)]
    assert len(view.editor.confirm_discard.calls) == 1
    assert [i.row() for i in view.table.selectionModel().selectedRows()] == [0]  # back on the edited row
    view.new_franchisee()
    assert view.editor.new.calls == []
    assert view.confirm_close() is False

    view.editor.confirm_discard = Recorder(True)  # "discard"
    select_row(qtbot, view, 1)
    assert view.editor.load.calls[-1] == (view.model.franchisee_id(1),)
    view.new_franchisee()
    assert len(view.editor.new.calls) == 1
    assert not view.table.selectionModel().hasSelection()


def test_confirm_close_without_edits(view):
    view.editor.confirm_discard = Recorder(False)
    assert view.confirm_close() is True
    assert view.editor.confirm_discard.calls == []


def test_a_save_refreshes_the_list_and_selects_the_record(qtbot, ui_services, ui_users, view):
    view.editor.load = Recorder()
    made = ui_services.franchisees.create(
        ui_users["zhang"],
        FranchiseeData(code="JX0009", legal_name="上海老庙黄金专营店", city="上海", tier="A"),
    )
    view.editor.saved.emit(made.id)
    qtbot.waitUntil(lambda: view.model.row_of(made.id) >= 0, timeout=2000)
    assert view.count_label.text() == "4 franchisees"
    selected = view.table.selectionModel().selectedRows()
    assert [view.model.franchisee_id(i.row()) for i in selected] == [made.id]
    assert view.editor.load.calls == []  # the editor already shows it


def test_changes_elsewhere_refresh_the_list(qtbot, ui_services, ui_users, sample_franchisees, view):
    view.editor.load = Recorder()
    select_row(qtbot, view, 0)
    selected = view.model.franchisee_id(0)
    chengdu = sample_franchisees[1]
    ui_services.franchisees.update(
        ui_users["admin"],
        chengdu.id,
        chengdu.version,
        FranchiseeData(**{**chengdu.data.__dict__, "legal_name": "成都新名字有限公司"}),
    )
    view.ctx.bus.notify(Changes.of(Entity.FRANCHISEE, [chengdu.id]))
    view.ctx.bus.notify(Changes.of(Entity.CONTACT))  # a burst of changes: one search
    qtbot.waitUntil(
        lambda: (
            "成都新名字有限公司"
            in [view.model.index(r, COL["legal_name"]).data() for r in range(view.model.rowCount())]
        ),
        timeout=2000,
    )
    rows = view.table.selectionModel().selectedRows()
    assert [view.model.franchisee_id(i.row()) for i in rows] == [selected]  # the user's selection stays


def test_ctrl_f_focuses_the_search_box(qtbot, view):
    view.search_box.setText("杭州")
    view.table.setFocus()
    qtbot.keyClick(view.table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert view.search_box.hasFocus()
    assert view.search_box.selectedText() == "杭州"


def test_down_arrow_goes_from_the_search_box_to_the_list(qtbot, view):
    view.editor.load = Recorder()
    view.search_box.setFocus()
    qtbot.keyClick(view.search_box, Qt.Key.Key_Down)
    assert view.table.hasFocus()
    assert view.editor.load.calls == [(view.model.franchisee_id(0),)]


def test_column_widths_and_splitter_are_remembered(qtbot, make_ctx, ui_users, sample_franchisees):
    first = make_view(qtbot, make_ctx(ui_users["zhang"]))
    first.table.horizontalHeader().resizeSection(COL["city"], 177)
    first.splitter.setSizes([500, 600])
    sizes = first.splitter.sizes()
    first.hide()  # saves
    second = make_view(qtbot, make_ctx(ui_users["zhang"]))
    assert second.table.horizontalHeader().sectionSize(COL["city"]) == 177
    assert second.splitter.sizes() == sizes


@pytest.fixture(params=["en", "zh_CN"])
def language(request, qapp):
    """English as the tests run, or Chinese: the shipped translation and Chinese dates; put back afterwards."""
    from PySide6.QtCore import QLocale, QTranslator

    from hqdesk.resources import resource_path

    before = QLocale()
    chinese = QTranslator()
    if request.param == "zh_CN":
        QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
        assert chinese.load(str(resource_path("translations", "hqdesk_zh_CN.qm")))
        qapp.installTranslator(chinese)
    yield request.param
    qapp.removeTranslator(chinese)
    QLocale.setDefault(before)


def test_every_column_fits_beside_the_editor_at_1440_px(
    qtbot, make_ctx, ui_users, sample_franchisees, language
):
    """A 1440 px main window leaves the view 1290 px (the navigation takes 150): by default every column is in
    view, none cut short, and the editor keeps the ~520 px it needs."""
    from hqdesk.ui.i18n import fmt_date

    view = make_view(qtbot, make_ctx(ui_users["zhang"]), show=False)
    view.resize(1290, 800)
    view.show()
    qtbot.waitExposed(view)
    table, header = view.table, view.table.horizontalHeader()
    list_width, editor_width = view.splitter.sizes()
    char = view.fontMetrics().horizontalAdvance("中")
    assert editor_width >= 43 * char
    room = list_width - 2 * table.frameWidth() - table.verticalScrollBar().sizeHint().width()
    assert (
        sum(header.sectionSize(c) for c in range(header.count() - 1)) + view.default_column_widths[-1] <= room
    )
    assert header.sectionViewportPosition(COL["contract_end"]) + view.default_column_widths[-1] <= room

    def fits(column, text):
        return table.fontMetrics().horizontalAdvance(text) + 8 <= header.sectionSize(column)

    longest_date = max((fmt_date(date(2026, m, 28)) for m in range(1, 13)), key=len)
    assert fits(COL["contract_end"], longest_date)
    assert fits(COL["primary_phone"], "13900001111")
    assert fits(COL["status"], "Suspended" if language == "en" else "暂停合作")
    assert fits(COL["legal_name"], "成都福满堂黄金首饰有限公司"[:12])
    for column in range(header.count()):
        title = view.model.headerData(column, Qt.Orientation.Horizontal)
        assert header.fontMetrics().horizontalAdvance(title) + 8 <= header.sectionSize(column), title


def test_the_default_split_follows_the_window_until_the_user_moves_it(
    qtbot, make_ctx, ui_users, sample_franchisees
):
    view = make_view(qtbot, make_ctx(ui_users["zhang"]), show=False)
    view.resize(1290, 800)
    view.show()
    qtbot.waitExposed(view)
    editor_needs = 43 * view.fontMetrics().horizontalAdvance("中")
    wide = view.splitter.sizes()
    assert wide[1] > editor_needs  # the list has all it needs: the rest is the editor's
    view.resize(1100, 800)
    narrow = view.splitter.sizes()
    assert narrow[1] == editor_needs and narrow[0] < wide[0]  # the list gives way, the editor keeps its width
    view.resize(1290, 800)
    assert view.splitter.sizes() == wide
    view.save_state()
    assert (
        view.ctx.settings.value("franchisees/splitter") is None
    )  # not remembered: refitted to the next window

    view.splitter.moveSplitter(wide[0] - 80, 1)  # the user's own split: kept, and remembered
    moved = view.splitter.sizes()
    assert moved[0] == wide[0] - 80
    view.resize(1100, 800)
    assert view.splitter.sizes()[1] != editor_needs
    view.save_state()
    assert view.ctx.settings.value("franchisees/splitter") is not None


def test_a_remembered_sort_order_is_used_for_the_first_search(qtbot, make_ctx, ui_users, sample_franchisees):
    first = make_view(qtbot, make_ctx(ui_users["zhang"]))
    click_header(qtbot, first, COL["code"])
    first.save_state()
    second = make_view(qtbot, make_ctx(ui_users["zhang"]))
    assert second.model.sort_column == "code"
    assert codes(second) == ["JX0001", "JX0002", "JX0003"]


# ----- background work: loading state, stale results, lazy pages -----------------------------------
def test_loading_state_and_stale_results(qtbot, ui_services, ui_users, sample_franchisees):
    from hqdesk.ui.context import ChangeBus, UiContext
    from hqdesk.ui.settings import open_settings
    from hqdesk.ui.views.franchisees import FranchiseesView

    runner = ManualRunner()
    view = FranchiseesView(UiContext(ui_services, ui_users["zhang"], runner, ChangeBus(), open_settings()))
    qtbot.addWidget(view)
    assert view.stack.currentWidget() is view.message_page
    assert view.message_title.text() == "Loading…"
    assert view.count_label.text() == "Loading…"
    runner.run_all()
    assert view.model.rowCount() == 3 and view.stack.currentWidget() is view.table

    loaded = []
    view.loaded.connect(loaded.append)
    view.search_box.setText("杭州")
    view.search_now()  # the older search ...
    view.search_box.setText("成都")
    view.search_now()  # ... and the newer one
    runner.run(1)  # the newer finishes first
    assert codes(view) == ["JX0002"]
    runner.run(0)  # the older arrives late: ignored
    assert codes(view) == ["JX0002"]
    assert loaded == [1]


@pytest.fixture
def many(ui_services, ui_users):
    """450 franchisees, LZ0000..LZ0449 (legal names sort the same way)."""
    admin = ui_users["admin"]
    return [
        ui_services.franchisees.create(
            admin,
            FranchiseeData(
                code=f"LZ{i:04d}", legal_name=f"懒加载测试{i:04d}珠宝有限公司", city="南京", tier="B"
            ),
        ).id
        for i in range(450)
    ]


def test_pages_are_loaded_as_needed(make_ctx, ui_users, many, qtbot):
    view = make_view(qtbot, make_ctx(ui_users["zhang"]))
    model = view.model
    assert model.total == 450
    assert model.rowCount() == PAGE_SIZE == 200
    assert view.count_label.text() == "450 franchisees"
    assert model.canFetchMore()
    model.fetchMore()
    assert model.rowCount() == 400
    model.fetchMore()
    assert model.rowCount() == 450 and not model.canFetchMore()
    assert model.index(449, COL["code"]).data() == "LZ0449"
    assert model.row_of(many[300]) == 300 and model.franchisee_id(300) == many[300]

    view.clear_filters()  # a new search: 200 rows again, and scrolling to the bottom loads more
    assert model.rowCount() == 200
    view.table.scrollToBottom()
    qtbot.waitUntil(lambda: model.rowCount() == 400, timeout=2000)


def test_scrolling_to_the_end_reads_each_page_once_by_key(
    make_ctx, ui_services, ui_users, many, qtbot, monkeypatch
):
    asked = []
    page = ui_services.franchisees.list_page
    monkeypatch.setattr(
        ui_services.franchisees, "list_page", lambda *args: asked.append(args[4]) or page(*args)
    )
    view = make_view(qtbot, make_ctx(ui_users["zhang"]))
    view.table.sortByColumn(COL["legal_name"], Qt.SortOrder.DescendingOrder)
    while view.model.canFetchMore():
        view.table.scrollToBottom()
        qtbot.waitUntil(lambda: not view.model.fetching, timeout=2000)
    ids = [view.model.franchisee_id(r) for r in range(view.model.rowCount())]
    assert ids == many[::-1]  # every row once, in order
    assert [key.id for key in asked] == [many[-200], many[-400]]  # each page after the last row loaded
    assert view.count_label.text() == "450 franchisees"


def test_a_saved_record_beyond_the_loaded_pages_is_loaded_and_selected(make_ctx, ui_users, many, qtbot):
    view = make_view(qtbot, make_ctx(ui_users["zhang"]))
    view.editor.saved.emit(many[420])
    qtbot.waitUntil(lambda: view.model.row_of(many[420]) == 420, timeout=2000)
    assert [i.row() for i in view.table.selectionModel().selectedRows()] == [420]
    assert view.table.rowAt(view.table.visualRect(view.model.index(420, 0)).center().y()) == 420  # on screen


def test_pages_of_an_older_search_are_dropped(make_ctx, ui_users, ui_services, many, qtbot):
    from hqdesk.ui.context import ChangeBus, UiContext
    from hqdesk.ui.settings import open_settings
    from hqdesk.ui.views.franchisees import FranchiseesView

    runner = ManualRunner()
    view = FranchiseesView(UiContext(ui_services, ui_users["zhang"], runner, ChangeBus(), open_settings()))
    qtbot.addWidget(view)
    runner.run_all()
    view.model.fetchMore()
    view.model.fetchMore()  # already on its way: not asked twice
    assert len(runner.jobs) == 1
    view.search_box.setText("LZ01")
    view.search_now()
    runner.run(1)  # the new search
    assert view.model.rowCount() == 100
    runner.run(0)  # the page of the old result
    assert view.model.rowCount() == 100 and not view.model.canFetchMore()


# ----- the model on its own ------------------------------------------------------------------------
def row(id_, code, **kw) -> FranchiseeRow:
    values = dict(
        id=id_,
        code=code,
        legal_name=f"{code} 有限公司",
        store_brand_name="",
        region="华东",
        province="浙江",
        city="杭州",
        tier="A",
        status=LifecycleStatus.ACTIVE,
        account_manager="张伟",
        primary_contact="王芳",
        primary_phone="13812345678",
        contract_end=None,
        archived=False,
    )
    values.update(kw)
    return FranchiseeRow(**values)


def result(rows, total=None, next_key=None, column="code") -> ListResult:
    rows = tuple(rows)
    return ListResult(
        SearchCriteria(), column, False, len(rows) if total is None else total, ListPage(rows, next_key)
    )


def test_model_passes_qtmodeltester(qtmodeltester, ui_services, ui_users, sample_franchisees):
    model = FranchiseeListModel(page_size=2)
    service, actor = ui_services.franchisees, ui_users["admin"]
    model.fetch_requested.connect(
        lambda gen, after, n: model.append_page(
            gen, after, service.list_page(actor, SearchCriteria(), "code", False, after, n)
        )
    )
    model.set_result(service.list_first(actor, SearchCriteria(), "code", page_size=2))
    assert model.rowCount() == 2 and model.canFetchMore()
    qtmodeltester.check(model)  # fetches the last page on its way
    assert model.rowCount() == 3
    qtmodeltester.check(model)


def test_model_shows_translated_status_dates_and_warnings():
    today = date(2026, 3, 1)
    model = FranchiseeListModel(today=lambda: today)
    rows = (
        row(1, "A1", contract_end=today + timedelta(days=30)),
        row(2, "A2", contract_end=today + timedelta(days=200), status=LifecycleStatus.SUSPENDED),
        row(3, "A3", archived=True, contract_end=today + timedelta(days=10)),
    )
    model.set_result(result(rows))
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())] == [
        "Code",
        "Legal name",
        "City",
        "Tier",
        "Status",
        "Manager",
        "Contact",
        "Mobile",
        "Contract end",
    ]
    assert [
        model.headerData(c, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)  # the full names
        for c in (COL["account_manager"], COL["primary_contact"], COL["code"])
    ] == ["Account manager", "Primary contact", None]
    end = COL["contract_end"]
    assert model.index(1, COL["status"]).data() == "Suspended"
    assert model.index(0, end).data() == "31 Mar 2026"
    assert model.index(0, end).data(Qt.ItemDataRole.BackgroundRole) == EXPIRING_BACKGROUND
    assert model.index(0, end).data(Qt.ItemDataRole.ToolTipRole) == "The contract ends in 30 days."
    assert model.index(1, end).data(Qt.ItemDataRole.BackgroundRole) is None
    assert model.index(2, end).data(Qt.ItemDataRole.BackgroundRole) is None  # archived: grey, no alarm
    assert isinstance(model.index(2, COL["code"]).data(Qt.ItemDataRole.ForegroundRole), QColor)
    assert model.index(0, COL["code"]).data(Qt.ItemDataRole.ForegroundRole) is None


def test_model_flags_contracts_that_have_already_ended():
    """An active franchisee whose contract ended is the most urgent renewal: red, not blank like a safe one."""
    today = date(2026, 3, 1)
    model = FranchiseeListModel(today=lambda: today)
    rows = (
        row(1, "A1", contract_end=today - timedelta(days=19)),  # ended: red
        row(2, "A2", contract_end=today - timedelta(days=1), status=LifecycleStatus.SUSPENDED),  # ended too
        row(3, "A3", contract_end=today + timedelta(days=20)),  # ends soon: orange, as before
        row(4, "A4", contract_end=today),  # ends today: orange
        row(5, "A5", contract_end=today - timedelta(days=300), status=LifecycleStatus.TERMINATED),
        row(6, "A6", contract_end=today - timedelta(days=30), archived=True),
        row(7, "A7", contract_end=today + timedelta(days=400)),
    )
    model.set_result(result(rows))
    end = COL["contract_end"]

    def cell(r, role):
        return model.index(r, end).data(role)

    assert cell(0, Qt.ItemDataRole.DisplayRole) == "10 Feb 2026"
    assert cell(0, Qt.ItemDataRole.ForegroundRole) == EXPIRED_FOREGROUND
    assert cell(0, Qt.ItemDataRole.BackgroundRole) == EXPIRED_BACKGROUND
    assert cell(0, Qt.ItemDataRole.ToolTipRole) == "The contract ended on 10 Feb 2026, 19 days ago."
    assert cell(1, Qt.ItemDataRole.BackgroundRole) == EXPIRED_BACKGROUND
    assert cell(1, Qt.ItemDataRole.ToolTipRole) == "The contract ended on 28 Feb 2026, 1 day ago."
    assert EXPIRED_BACKGROUND != EXPIRING_BACKGROUND and EXPIRED_FOREGROUND != EXPIRING_FOREGROUND
    assert cell(2, Qt.ItemDataRole.BackgroundRole) == EXPIRING_BACKGROUND
    assert cell(2, Qt.ItemDataRole.ForegroundRole) == EXPIRING_FOREGROUND
    assert cell(2, Qt.ItemDataRole.ToolTipRole) == "The contract ends in 20 days."
    assert cell(3, Qt.ItemDataRole.BackgroundRole) == EXPIRING_BACKGROUND
    assert cell(3, Qt.ItemDataRole.ToolTipRole) == "The contract ends today."
    for quiet in (4, 6):  # terminated (ended with the relationship), far away
        assert cell(quiet, Qt.ItemDataRole.BackgroundRole) is None
        assert cell(quiet, Qt.ItemDataRole.ForegroundRole) is None
        assert cell(quiet, Qt.ItemDataRole.ToolTipRole) is None
    assert cell(5, Qt.ItemDataRole.BackgroundRole) is None  # archived: grey, no alarm
    assert cell(5, Qt.ItemDataRole.ForegroundRole) == ARCHIVED_COLOR
    assert model.index(0, COL["code"]).data(Qt.ItemDataRole.BackgroundRole) is None  # only the date cell


def test_model_sort_asks_for_a_new_search_only_when_the_order_changes():
    model = FranchiseeListModel()
    asked = []
    model.sort_requested.connect(lambda column, descending: asked.append((column, descending)))
    model.sort(COL["legal_name"], Qt.SortOrder.AscendingOrder)
    model.sort(COL["contract_end"], Qt.SortOrder.DescendingOrder)
    assert asked == [("contract_end", True)]
    assert model.sort_section() == (COL["contract_end"], Qt.SortOrder.DescendingOrder)


def test_model_reads_pages_by_key_and_shows_a_row_once():
    """Each page is asked for by the key the previous one ended on; a row saved since the search that moved
    further down is shown once (where it was first seen); at the end the count is what was read."""
    model = FranchiseeListModel(page_size=2)
    requests = []
    model.fetch_requested.connect(lambda gen, after, n: requests.append((gen, after, n)))
    first_key = PageKey(0, "A2", 2)
    model.set_result(result((row(1, "A1"), row(2, "A2")), total=5, next_key=first_key))
    assert model.rowCount() == 2 and model.total == 5 and model.canFetchMore()
    model.fetchMore()
    model.fetchMore()  # already on its way: not asked twice
    assert requests == [(model.generation, first_key, 2)]
    gen, after, _ = requests.pop()
    model.append_page(
        gen, PageKey(0, "A0", 0), ListPage((row(9, "A9"),), None)
    )  # not what was asked: ignored
    assert model.rowCount() == 2
    second_key = PageKey(0, "A4", 4)
    model.append_page(gen, after, ListPage((row(2, "A2"), row(4, "A4")), second_key))  # 3 deleted meanwhile
    assert model.rowCount() == 3 and model.row_of(4) == 2 and model.row_of(3) == -1
    gen, after, n = requests.pop()
    assert (after, n) == (second_key, 1)  # one row short of what the scroll asked for: asks for it
    model.fetch_through(3)
    assert requests == []  # on its way already
    model.append_page(gen, after, ListPage((row(5, "A5"),), None))
    assert not model.canFetchMore() and model.franchisee_id(3) == 5
    assert model.total == 4  # what there is now, not what the count said before
    model.set_result(result((row(1, "A1"),)))
    model.append_page(gen, after, ListPage((row(7, "A7"),), None))  # a page of the older search: dropped
    assert model.rowCount() == 1
