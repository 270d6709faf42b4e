"""The visit screens with qtbot: the profile's Visits tab and its form (suggestions, validation, "Save and open
profile"), the own-cadence dialog, and the Visits page (due and overdue, the log's filters, suggestions)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from hqdesk.domain.franchisee import FranchiseeData, LifecycleStatus
from hqdesk.domain.visits import SuggestionData, SuggestionStatus, VisitData, VisitKind, VisitPurpose
from hqdesk.services.visits import VisitFilter
from hqdesk.ui.models.visits import (
    DueVisitsModel,
    SuggestionListModel,
    SuggestionsEditModel,
    VisitListModel,
    VisitsModel,
)

TODAY = date.today()


@pytest.fixture
def active(ui_services, ui_users):
    """Two active franchisees of zhang (one never visited since a contract start 3 months ago: overdue) and
    one of li."""
    sv, admin = ui_services, ui_users["admin"]
    out = {}
    for code, name, tier, am, start in (
        ("HZ01", "杭州金辉珠宝", "A", "zhang", TODAY - timedelta(days=100)),
        ("CD01", "成都福满堂", "C", "zhang", TODAY - timedelta(days=10)),
        ("FS01", "佛山金凤银楼", "B", "li", TODAY - timedelta(days=200)),
    ):
        out[code] = sv.franchisees.create(
            admin,
            FranchiseeData(
                code=code,
                legal_name=name,
                city="杭州",
                tier=tier,
                contract_start=start,
                account_manager_id=ui_users[am].user_id,
            ),
            status=LifecycleStatus.ACTIVE,
            today=start,
        ).id
    return out


def open_visits_tab(qtbot, make_ctx, actor, franchisee_id):
    from hqdesk.ui.views.profile import ProfileEditor

    editor = ProfileEditor(make_ctx(actor))
    qtbot.addWidget(editor)
    editor.resize(1100, 760)
    editor.show()
    editor.load(franchisee_id)
    qtbot.waitUntil(lambda: editor.franchisee() is not None)
    editor.tabs.setCurrentWidget(editor.visits_tab)
    return editor


def current_visit_dialog(editor):
    from hqdesk.ui.dialogs.visit_dialog import VisitDialog

    dialog = editor.current_dialog()
    assert isinstance(dialog, VisitDialog)
    return dialog


def test_logging_a_visit_with_suggestions_from_the_profile_tab(
    qtbot, make_ctx, ui_users, ui_services, active
):
    editor = open_visits_tab(qtbot, make_ctx, ui_users["zhang"], active["HZ01"])
    tab = editor.visits_tab
    assert editor.tabs.tabText(editor.tabs.indexOf(tab)) == "Visits (0)"
    qtbot.waitUntil(lambda: "overdue" in tab.plan_label.text())
    assert "every 1 month (tier A)" in tab.plan_label.text() and "no visit yet" in tab.plan_label.text()
    assert tab.add_button.isVisible() and tab.plan_button.isVisible()

    tab.add_button.click()
    dialog = current_visit_dialog(editor)
    assert dialog.visited_on.date_value() == TODAY  # a visit is usually logged the day it happens
    assert dialog.hq_user.currentData() == ui_users["zhang"].user_id
    dialog.purpose_combo.setCurrentIndex(
        dialog.purpose_combo.findData(VisitPurpose.SUGGESTION_COLLECTION.value)
    )
    dialog.met_with.setCurrentText("王芳")
    dialog.notes.setPlainText("店面翻新，客流增加")
    dialog.add_suggestion_button.click()
    model = dialog.suggestions_model
    model.setData(model.index(0, SuggestionsEditModel.TEXT), "多备 18K 金", Qt.ItemDataRole.EditRole)
    dialog.add_suggestion_button.click()
    model.setData(model.index(1, SuggestionsEditModel.TEXT), "导购培训", Qt.ItemDataRole.EditRole)
    model.setData(model.index(1, SuggestionsEditModel.STATUS), "in_progress", Qt.ItemDataRole.EditRole)
    dialog.outcome.setPlainText("同意参加新品发布会")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    qtbot.waitUntil(lambda: editor.tabs.tabText(editor.tabs.indexOf(tab)) == "Visits (1)")
    assert tab.model.text(0, VisitsModel.SUGGESTIONS) == "2 (2 open)"
    assert tab.model.text(0, VisitsModel.BY) == "张伟"
    qtbot.waitUntil(lambda: "next visit due" in tab.plan_label.text())
    saved = ui_services.visits.list(ui_users["admin"], active["HZ01"])[0]
    assert [(s.text, s.status) for s in saved.data.suggestions] == [
        ("多备 18K 金", SuggestionStatus.OPEN),
        ("导购培训", SuggestionStatus.IN_PROGRESS),
    ]
    assert saved.data.met_with == "王芳" and saved.data.purpose == VisitPurpose.SUGGESTION_COLLECTION


def test_bad_input_is_shown_beside_the_field_and_nothing_is_saved(
    qtbot, make_ctx, ui_users, ui_services, active
):
    editor = open_visits_tab(qtbot, make_ctx, ui_users["zhang"], active["HZ01"])
    editor.visits_tab.add_button.click()
    dialog = current_visit_dialog(editor)
    dialog.visited_on.set_date_value(TODAY + timedelta(days=3))
    dialog.notes.setPlainText("x" * 4001)
    dialog.save_button.click()
    qtbot.waitUntil(lambda: dialog.form.errors["visited_on"].isVisible())
    assert "cannot be in the future" in dialog.form.errors["visited_on"].text()
    assert "At most 4000 characters." in dialog.form.errors["notes"].text()
    assert dialog.isVisible()
    assert ui_services.visits.list(ui_users["admin"], active["HZ01"]) == []


def test_a_viewer_reads_visits_but_cannot_log_them(qtbot, make_ctx, ui_users, ui_services, active):
    ui_services.visits.log(ui_users["zhang"], active["HZ01"], VisitData(visited_on=TODAY))
    editor = open_visits_tab(qtbot, make_ctx, ui_users["viewer"], active["HZ01"])
    tab = editor.visits_tab
    qtbot.waitUntil(lambda: tab.model.rowCount() == 1)
    assert not tab.add_button.isVisible() and not tab.delete_button.isVisible()
    assert not tab.plan_button.isVisible()
    tab.view.selectRow(0)
    tab.edit_button.click()
    dialog = current_visit_dialog(editor)
    assert dialog.read_only and dialog.profile_button.text() == "Open profile"
    assert not dialog.add_suggestion_button.isVisible()


def test_the_own_cadence_dialog_changes_the_plan(qtbot, make_ctx, ui_users, ui_services, active):
    from hqdesk.ui.views.visits_tab import VisitPlanDialog

    editor = open_visits_tab(qtbot, make_ctx, ui_users["zhang"], active["HZ01"])
    tab = editor.visits_tab
    qtbot.waitUntil(lambda: tab.plan_button.isVisible())
    tab.plan_button.click()
    dialog = editor.current_dialog()
    assert isinstance(dialog, VisitPlanDialog) and dialog.follow_tier.isChecked()
    dialog.none.setChecked(True)
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    qtbot.waitUntil(lambda: "no regular visits (its own plan)" in tab.plan_label.text())
    assert ui_services.visits.plan(ui_users["admin"], active["HZ01"]).due_date is None


def test_save_and_open_profile_shows_the_franchisee_in_the_main_window(
    qtbot, make_ctx, ui_users, ui_services, active
):
    from hqdesk.domain.contact import ContactData
    from hqdesk.ui.main_window import MainWindow

    ui_services.contacts.add(ui_users["admin"], active["HZ01"], ContactData(name="王芳"))
    window = MainWindow(make_ctx(ui_users["zhang"]), place=False)
    qtbot.addWidget(window)
    window.show()
    page = window.show_page("visits")
    qtbot.waitUntil(lambda: page.due_model.rowCount() > 0)
    row = next(i for i in range(page.due_model.rowCount()) if page.due_model.row(i).franchisee_code == "HZ01")
    page.due_view.selectRow(row)
    page.log_due_button.click()
    dialog = page.current_dialog()
    assert dialog.met_with.itemText(0) == "王芳"  # the franchisee's contacts are offered
    dialog.outcome.setPlainText("门店地址已搬迁，需更新档案")
    dialog.profile_button.click()  # "Save and open profile"
    franchisees = window.page("franchisees")
    qtbot.waitUntil(lambda: window.current_page_key() == "franchisees")
    qtbot.waitUntil(lambda: franchisees.editor.franchisee() is not None)
    assert franchisees.editor.franchisee().id == active["HZ01"]
    assert franchisees.editor.tabs.currentWidget() is franchisees.editor.form
    assert (
        ui_services.visits.list(ui_users["admin"], active["HZ01"])[0].data.outcome
        == "门店地址已搬迁，需更新档案"
    )


def test_the_visits_page_due_list_is_mine_and_overdue_stands_out(qtbot, make_ctx, ui_users, active):
    from hqdesk.ui.views.visits import VisitsView

    view = VisitsView(make_ctx(ui_users["zhang"]))
    qtbot.addWidget(view)
    qtbot.waitUntil(lambda: view.due_model.rowCount() > 0)
    assert view.due_manager.currentData() == ui_users["zhang"].user_id  # an account manager sees theirs
    codes = [view.due_model.row(i).franchisee_code for i in range(view.due_model.rowCount())]
    assert codes == ["HZ01"]  # CD01 (tier C, started 10 days ago) is not due this week; FS01 is li's
    assert view.due_model.text(0, DueVisitsModel.STATE).startswith("⚠ Overdue by")
    assert view.due_model.data(view.due_model.index(0, DueVisitsModel.STATE), Qt.ItemDataRole.ForegroundRole)
    assert "1 overdue" in view.due_summary.text()
    view.due_manager.setCurrentIndex(view.due_manager.findData(-1))  # everyone
    qtbot.waitUntil(lambda: view.due_model.rowCount() == 2)


def test_the_visit_log_filters_and_loads_more_as_it_scrolls(qtbot, make_ctx, ui_users, ui_services, active):
    from hqdesk.ui.views import visits as visits_view

    zhang, li = ui_users["zhang"], ui_users["li"]
    for i in range(30):
        ui_services.visits.log(
            zhang,
            active["CD01"],
            VisitData(
                visited_on=TODAY - timedelta(days=i), kind=VisitKind.PHONE if i % 3 else VisitKind.VIDEO
            ),
        )
    ui_services.visits.log(li, active["FS01"], VisitData(visited_on=TODAY, purpose=VisitPurpose.TRAINING))
    visits_view.PAGE_SIZE, old = 10, visits_view.PAGE_SIZE
    try:
        view = visits_view.VisitsView(make_ctx(ui_users["admin"]))
        qtbot.addWidget(view)
        view.tabs.setCurrentIndex(1)
        qtbot.waitUntil(lambda: view.log_model.rowCount() == 10)
        assert view.log_summary.text() == "31 visits"
        while view.log_model.canFetchMore():
            view.log_model.fetchMore()
        assert view.log_model.rowCount() == 31
        view.purpose.setCurrentIndex(view.purpose.findData(VisitPurpose.TRAINING.value))
        qtbot.waitUntil(lambda: view.log_model.rowCount() == 1)
        assert view.log_model.text(0, VisitListModel.CODE) == "FS01"
        view.purpose.setCurrentIndex(0)
        view.kind.setCurrentIndex(view.kind.findData(VisitKind.VIDEO.value))
        qtbot.waitUntil(lambda: view.log_summary.text() == "10 visits")
        view.date_from.set_date_value(TODAY - timedelta(days=5))
        qtbot.waitUntil(lambda: view.log_summary.text() == "2 visits")
        view.kind.setCurrentIndex(0)
        view.date_from.set_date_value(None)
        view.overdue.setChecked(True)  # HZ01 is overdue but was never visited; the others are not overdue
        qtbot.waitUntil(lambda: view.log_summary.text() == "0 visits")
        assert ui_services.visits.page(ui_users["admin"], VisitFilter(overdue=True)).total == 0
    finally:
        visits_view.PAGE_SIZE = old


def test_following_up_a_suggestion_from_the_visits_page(qtbot, make_ctx, ui_users, ui_services, active):
    from hqdesk.ui.views.visits import SuggestionDialog, VisitsView

    ui_services.visits.log(
        ui_users["zhang"],
        active["HZ01"],
        VisitData(visited_on=TODAY, suggestions=(SuggestionData("增加婚庆系列"), SuggestionData("延长账期"))),
    )
    view = VisitsView(make_ctx(ui_users["zhang"]))
    qtbot.addWidget(view)
    view.tabs.setCurrentIndex(2)
    qtbot.waitUntil(lambda: view.suggestion_model.rowCount() == 2)
    view.suggestion_view.selectRow(0)
    assert view.follow_up_button.isEnabled()
    view.follow_up_button.click()
    dialog = view.current_dialog()
    assert isinstance(dialog, SuggestionDialog)
    dialog.status.setCurrentIndex(dialog.status.findData(SuggestionStatus.DECLINED.value))
    dialog.response.setPlainText("账期政策不变，已电话说明")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    qtbot.waitUntil(lambda: view.suggestion_model.rowCount() == 1)  # "to follow up" no longer lists it
    declined = ui_services.visits.suggestions(ui_users["admin"], statuses=[SuggestionStatus.DECLINED])
    assert [s.response for s in declined] == ["账期政策不变，已电话说明"]


def test_a_viewer_cannot_follow_up_or_log_from_the_page(qtbot, make_ctx, ui_users, ui_services, active):
    from hqdesk.ui.views.visits import VisitsView

    ui_services.visits.log(
        ui_users["zhang"], active["HZ01"], VisitData(visited_on=TODAY, suggestions=(SuggestionData("甲"),))
    )
    view = VisitsView(make_ctx(ui_users["viewer"]))
    qtbot.addWidget(view)
    qtbot.waitUntil(lambda: view.suggestion_model.rowCount() == 1)
    view.suggestion_view.selectRow(0)
    assert not view.follow_up_button.isEnabled() and view.suggestion_profile_button.isEnabled()
    qtbot.waitUntil(lambda: view.due_model.rowCount() > 0)
    view.due_view.selectRow(0)
    assert not view.log_due_button.isEnabled()


def test_models_pass_the_model_tester(qtmodeltester, ui_services, ui_users, active):
    ui_services.visits.log(
        ui_users["zhang"], active["HZ01"], VisitData(visited_on=TODAY, suggestions=(SuggestionData("甲"),))
    )
    admin = ui_users["admin"]
    visits = VisitsModel()
    visits.set_rows(ui_services.visits.list(admin, active["HZ01"]))
    listing = VisitListModel()
    listing.set_page(ui_services.visits.page(admin).rows, False)
    due = DueVisitsModel()
    due.set_rows(
        ui_services.visits.due_visits(admin, TODAY - timedelta(days=400), TODAY + timedelta(days=400))
    )
    suggestions = SuggestionListModel()
    suggestions.set_rows(ui_services.visits.suggestions(admin))
    editing = SuggestionsEditModel()
    editing.set_suggestions((SuggestionData("甲"),))
    for model in (visits, listing, due, suggestions, editing):
        assert model.rowCount() > 0
        qtmodeltester.check(model)
    QApplication.processEvents()


def test_an_administrator_sets_tier_cadences_in_settings(qtbot, make_ctx, ui_users, ui_services):
    from hqdesk.ui.dialogs.settings.dialog import SettingsDialog

    ctx = make_ctx(ui_users["admin"])
    dialog = SettingsDialog(ctx, ctx.settings, ctx.runner)
    qtbot.addWidget(dialog)
    dialog.show()
    page = dialog.visit_cadences
    assert page is not None and page.title() == "Visits"
    qtbot.waitUntil(lambda: set(page.boxes) == {"A", "B", "C"})
    assert [page.boxes[t].value() for t in "ABC"] == [1, 3, 6]
    assert page.boxes["A"].text() == "1 month" and page.boxes["C"].text() == "6 months"
    page.boxes["A"].setValue(2)
    page.boxes["C"].setValue(0)  # "Default"
    assert page.boxes["C"].text().startswith("Default (every 3 months)")
    ui_services.visits.set_cadences(
        ui_users["admin"], {"B": 4}
    )  # another administrator, meanwhile: not a clash
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: not dialog.isVisible())
    cadences = {c.tier: c.months for c in ui_services.visits.cadences(ui_users["admin"])}
    assert cadences == {"A": 2, "B": 4, "C": None}


def test_only_administrators_get_the_cadence_page(qtbot, make_ctx, ui_users):
    from hqdesk.ui.dialogs.settings.dialog import SettingsDialog

    ctx = make_ctx(ui_users["zhang"])
    dialog = SettingsDialog(ctx, ctx.settings, ctx.runner)
    qtbot.addWidget(dialog)
    assert dialog.visit_cadences is None and "Visits" not in dialog.page_titles()


def test_a_plan_changed_meanwhile_is_shown_not_overwritten(qtbot, make_ctx, ui_users, ui_services, active):
    from hqdesk.ui.views.visits_tab import VisitPlanDialog

    editor = open_visits_tab(qtbot, make_ctx, ui_users["zhang"], active["HZ01"])
    tab = editor.visits_tab
    qtbot.waitUntil(lambda: tab.plan_button.isVisible())
    tab.plan_button.click()
    dialog = editor.current_dialog()
    assert isinstance(dialog, VisitPlanDialog)
    ui_services.visits.set_override(ui_users["admin"], active["HZ01"], 2, None)  # another desk, meanwhile
    dialog.none.setChecked(True)
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    qtbot.waitUntil(lambda: dialog.message.isVisible())
    assert dialog.isVisible() and dialog.own.isChecked() and dialog.months.value() == 2
    assert ui_services.visits.plan(ui_users["admin"], active["HZ01"]).override == 2
    dialog.none.setChecked(True)
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()  # now on purpose
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert ui_services.visits.plan(ui_users["admin"], active["HZ01"]).override == 0


def test_the_suggestion_list_says_when_it_shows_only_the_newest(
    qtbot, make_ctx, ui_users, ui_services, active
):
    from hqdesk.ui.views import visits as visits_view

    for i in range(4):
        ui_services.visits.log(
            ui_users["zhang"],
            active["HZ01"],
            VisitData(visited_on=TODAY - timedelta(days=i), suggestions=(SuggestionData(f"建议{i}"),)),
        )
    visits_view.SUGGESTION_LIMIT, old = 3, visits_view.SUGGESTION_LIMIT
    try:
        view = visits_view.VisitsView(make_ctx(ui_users["zhang"]))
        qtbot.addWidget(view)
        qtbot.waitUntil(lambda: view.suggestion_model.rowCount() == 3)
        assert view.suggestion_summary.text().startswith(
            "4 suggestions · showing those of the latest visits, 3"
        )
        assert [view.suggestion_model.row(i).text for i in range(3)] == [
            "建议0",
            "建议1",
            "建议2",
        ]  # newest first
    finally:
        visits_view.SUGGESTION_LIMIT = old
