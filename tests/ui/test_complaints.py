"""The complaint screens with real widgets: the queue (overdue stands out, filters, sorting, paging), the form
with its timeline and steps, the franchisee's Complaints tab, and the admins' settings page."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from hqdesk.domain.complaints import Channel, ComplaintStatus, Severity
from hqdesk.services.complaints import ChangeRequest, ComplaintIntake
from tests.ui.conftest import type_text

S = ComplaintStatus


@pytest.fixture
def complaints(ui_services, ui_users, sample_franchisees):
    """Three complaints: an overdue critical one assigned to zhang, a new one, a closed one."""
    sv, zhang = ui_services.complaints, ui_users["zhang"]
    plating = next(c.id for c in sv.categories() if c.path.endswith("电镀/镀层"))
    now = datetime.now(UTC)

    def log(days_ago, severity, assignee=None, franchisee=0):
        intake = ComplaintIntake(
            sample_franchisees[franchisee].id,
            now - timedelta(days=days_ago),
            Channel.PHONE,
            plating,
            severity,
            "手镯镀层脱落，顾客要求退货",
        )
        return sv.log(zhang, intake, assignee_id=assignee.user_id if assignee else None)

    overdue = log(3, Severity.CRITICAL, zhang)
    fresh = log(0, Severity.LOW, franchisee=2)
    closed = log(1, Severity.MEDIUM, zhang, franchisee=1)
    for change in (
        ChangeRequest(S.IN_PROGRESS),
        ChangeRequest(S.RESOLVED, resolution="换货", root_cause="镀层薄", corrective_action="加厚"),
        ChangeRequest(S.CLOSED, satisfaction=5),
    ):
        closed = sv.transition(zhang, closed.id, closed.version, change)
    return {"overdue": overdue, "new": fresh, "closed": closed, "plating": plating}


def make_view(qtbot, make_ctx, actor):
    from hqdesk.ui.views.complaints import ComplaintsView

    view = ComplaintsView(make_ctx(actor))
    qtbot.addWidget(view)
    view.resize(1200, 600)
    view.show()
    return view


def numbers(view) -> list[str]:
    return [view.model.row(i).number for i in range(view.model.rowCount())]


def test_the_queue_shows_open_complaints_and_overdue_ones_stand_out_with_an_icon(
    qtbot, qtmodeltester, make_ctx, ui_users, complaints
):
    view = make_view(qtbot, make_ctx, ui_users["admin"])
    model = view.model
    qtmodeltester.check(model)
    assert numbers(view) == [
        complaints["new"].number,
        complaints["overdue"].number,
    ]  # open ones, newest first
    assert view.count.text() == "2 complaints"
    row = numbers(view).index(complaints["overdue"].number)
    due = model.index(row, model.DUE)
    assert "(overdue)" in due.data()
    assert due.data(Qt.ItemDataRole.DecorationRole) is not None  # not colour alone
    assert due.data(Qt.ItemDataRole.ForegroundRole).name() == "#c0392b"
    other = model.index(numbers(view).index(complaints["new"].number), model.DUE)
    assert other.data(Qt.ItemDataRole.DecorationRole) is None and "(overdue)" not in other.data()
    view.overdue.setChecked(True)
    assert numbers(view) == [complaints["overdue"].number]
    view.overdue.setChecked(False)
    view.status.setCurrentIndex(view.status.findData(None))  # any status
    assert len(numbers(view)) == 3
    view.assignee.setCurrentIndex(view.assignee.findData(-1))  # unassigned
    assert numbers(view) == [complaints["new"].number]
    view.assignee.setCurrentIndex(0)
    view.severity.setCurrentIndex(view.severity.findData(int(Severity.CRITICAL)))
    assert numbers(view) == [complaints["overdue"].number]
    view.severity.setCurrentIndex(0)
    view.category.setCurrentIndex(view.category.findData(complaints["plating"]))
    assert len(numbers(view)) == 3
    # sorting by severity (a header click), most severe first
    view.view.horizontalHeader().sectionClicked.emit(model.SEVERITY)
    assert [model.row(i).severity for i in range(3)] == [Severity.CRITICAL, Severity.MEDIUM, Severity.LOW]
    view.view.horizontalHeader().sectionClicked.emit(model.SEVERITY)
    assert [model.row(i).severity for i in range(3)] == [Severity.LOW, Severity.MEDIUM, Severity.CRITICAL]


def test_the_queue_fetches_the_next_page_when_scrolled_to_the_end(
    qtbot, make_ctx, ui_services, ui_users, complaints
):
    sv, zhang = ui_services.complaints, ui_users["zhang"]
    base = sv.get(zhang, complaints["new"].id).intake
    for i in range(130):
        sv.log(
            zhang,
            ComplaintIntake(
                base.franchisee_id,
                base.received_at - timedelta(minutes=i + 1),
                Channel.EMAIL,
                base.category_id,
                Severity.LOW,
                f"第{i}号",
            ),
        )
    view = make_view(qtbot, make_ctx, ui_users["admin"])
    assert view.model.rowCount() == 100 and view.count.text() == "132 complaints"
    assert view.model.canFetchMore()
    view.view.scrollToBottom()
    qtbot.waitUntil(lambda: view.model.rowCount() == 132)
    assert not view.model.canFetchMore()
    assert len(set(numbers(view))) == 132


def test_logging_a_complaint_from_the_queue_validates_in_words_and_loses_nothing(
    qtbot, make_ctx, ui_services, ui_users, sample_franchisees, complaints
):
    from hqdesk.ui.dialogs.complaint_dialog import ComplaintDialog

    view = make_view(qtbot, make_ctx, ui_users["li"])
    view.new_button.click()
    dialog = view.findChild(ComplaintDialog)
    assert dialog is not None and dialog.isVisible()
    type_text(dialog.description, "戒指主石松动")
    dialog.save_button.click()  # no franchisee, no category
    assert dialog.form.error_text("franchisee") and dialog.form.error_text("category")
    assert dialog.description.toPlainText() == "戒指主石松动"  # nothing typed is lost
    dialog.franchisee.setCurrentIndex(dialog.franchisee.findData(sample_franchisees[0].id))
    assert [dialog.contact.itemText(i) for i in range(dialog.contact.count())] == ["(none)", "王芳"]
    dialog.contact.setCurrentIndex(1)
    dialog.category.setCurrentIndex(dialog.category.findData(complaints["plating"]))
    dialog.severity.setCurrentIndex(dialog.severity.findData(int(Severity.HIGH)))
    assert "24 h" in dialog.times.text()
    dialog.assign_to.setCurrentIndex(dialog.assign_to.findData(ui_users["li"].user_id))
    assert dialog.assign_to.count() == 2  # li may assign only herself: "(not yet)" and li
    with qtbot.waitSignal(dialog.saved):
        dialog.save_button.click()
    qtbot.waitUntil(lambda: len(numbers(view)) == 3)
    logged = next(
        r for r in ui_services.complaints.queue(ui_users["admin"]).rows if r.summary == "戒指主石松动"
    )
    assert logged.status is S.ASSIGNED and logged.assignee == "李娜"


def test_the_form_moves_a_complaint_on_through_its_steps_with_the_timeline(
    qtbot, make_ctx, ui_users, complaints
):
    from hqdesk.ui.dialogs.complaint_dialog import ComplaintDialog

    dialog = ComplaintDialog(make_ctx(ui_users["zhang"]), complaints["overdue"].id)
    qtbot.addWidget(dialog)
    dialog.show()
    assert "OVERDUE" in dialog.header.text() and dialog.overdue_icon.isVisibleTo(dialog)
    visible = [to for to, b in dialog.step_buttons.items() if b.isVisibleTo(dialog)]
    assert visible == [S.IN_PROGRESS]
    dialog.step_buttons[S.IN_PROGRESS].click()
    type_text(dialog.step.comment, "已电话联系门店")
    dialog.step.buttons.accepted.emit()
    assert dialog.detail.status is S.IN_PROGRESS
    assert dialog.timeline_model.rowCount() == 3
    assert dialog.timeline_model.index(2, 2).data() == "Assigned → In progress"
    assert dialog.timeline_model.index(2, 3).data() == "已电话联系门店"
    dialog.step_buttons[S.RESOLVED].click()
    type_text(dialog.step.resolution, "换新")
    dialog.step.buttons.accepted.emit()  # no root cause, no corrective action: said under the fields
    step = dialog.step
    assert (
        step.isVisible() and step.form.error_text("root_cause") and step.form.error_text("corrective_action")
    )
    assert step.resolution.toPlainText() == "换新"
    type_text(step.root_cause, "电镀液浓度不足")
    type_text(step.corrective, "每批抽检镀层厚度")
    step.buttons.accepted.emit()
    assert dialog.detail.status is S.RESOLVED and "电镀液浓度不足" in dialog.outcome.text()
    dialog.step_buttons[S.CLOSED].click()
    dialog.step.satisfaction.setCurrentIndex(4)
    dialog.step.buttons.accepted.emit()
    assert dialog.detail.status is S.CLOSED
    # closed: read only, only "Reopen…" offered
    visible = [to for to, b in dialog.step_buttons.items() if b.isVisibleTo(dialog)]
    assert visible == [S.REOPENED]
    assert dialog.description.isReadOnly() and not dialog.save_button.isVisibleTo(dialog)
    assert not dialog.comment_button.isVisibleTo(dialog)


def test_others_see_the_complaint_read_only_but_may_comment(qtbot, make_ctx, ui_users, complaints):
    from hqdesk.ui.dialogs.complaint_dialog import ComplaintDialog

    dialog = ComplaintDialog(make_ctx(ui_users["li"]), complaints["overdue"].id)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not any(b.isVisibleTo(dialog) for b in dialog.step_buttons.values())
    assert dialog.description.isReadOnly()
    type_text(dialog.comment, "顾客又来电催促")
    dialog.comment_button.click()
    assert dialog.timeline_model.index(dialog.timeline_model.rowCount() - 1, 3).data() == "顾客又来电催促"
    assert dialog.comment.toPlainText() == ""
    # a new complaint can be taken by anyone who handles complaints
    taker = ComplaintDialog(make_ctx(ui_users["li"]), complaints["new"].id)
    qtbot.addWidget(taker)
    assert taker.step_buttons[S.ASSIGNED].text() == "Take it…"


def test_the_franchisee_has_a_complaints_tab(qtbot, make_ctx, ui_users, sample_franchisees, complaints):
    from hqdesk.ui.views.profile import ProfileEditor

    editor = ProfileEditor(make_ctx(ui_users["li"]))  # not li's franchisee: she may still log a complaint
    qtbot.addWidget(editor)
    editor.show()
    editor.load(sample_franchisees[0].id)
    tab = editor.complaints_tab
    index = editor.tabs.indexOf(tab)
    qtbot.waitUntil(lambda: editor.tabs.tabText(index) == "Complaints (1)")
    assert tab.model.row(0).number == complaints["overdue"].number
    assert tab.add_button.isVisibleTo(tab) and not tab.delete_button.isVisibleTo(tab)
    tab.add_button.click()
    dialog = editor._dialog
    assert dialog.franchisee.currentData() == sample_franchisees[0].id and not dialog.franchisee.isEnabled()
    type_text(dialog.description, "项链断扣")
    dialog.category.setCurrentIndex(dialog.category.findData(complaints["plating"]))
    with qtbot.waitSignal(dialog.saved):
        dialog.save_button.click()
    qtbot.waitUntil(lambda: editor.tabs.tabText(index) == "Complaints (2)")


def test_admins_edit_the_category_tree_and_the_times_in_settings(qtbot, make_ctx, ui_services, ui_users):
    from hqdesk.ui.dialogs.settings.complaints import ComplaintSettingsPage

    page = ComplaintSettingsPage(make_ctx(ui_users["admin"]))
    qtbot.addWidget(page)
    page.show()
    top = [page.tree.topLevelItem(i).text(0) for i in range(page.tree.topLevelItemCount())]
    assert top == ["产品质量", "物流配送", "账务结算", "服务", "市场支持"]
    quality = page.tree.topLevelItem(0)
    page.tree.setCurrentItem(quality)
    page.new_name.setText("链扣/搭扣")
    page.add_child_button.click()
    quality = page.tree.topLevelItem(0)  # the tree is read again after each write
    assert "链扣/搭扣" in [quality.child(i).text(0) for i in range(quality.childCount())]
    assert page.tree.currentItem().text(0) == "链扣/搭扣"  # the new one is selected
    plating = next(
        quality.child(i) for i in range(quality.childCount()) if quality.child(i).text(0) == "电镀/镀层"
    )
    page.tree.setCurrentItem(plating)
    page.active_button.click()
    assert page.tree.currentItem().text(2) == "no" and page.active_button.text() == "Activate"
    assert not next(c for c in ui_services.complaints.categories() if c.name == "电镀/镀层").active
    page.response[Severity.CRITICAL].setValue(2)
    assert page.changed()
    done = []
    page.apply(lambda: done.append(True), lambda: done.append(False))
    assert done == [True]
    assert ui_services.complaints.sla()[0].response_hours == 2


def test_the_queue_is_a_page_of_the_main_window(qtbot, make_ctx, ui_users):
    from hqdesk.ui.main_window import PAGES

    assert "complaints" in [p.key for p in PAGES]


def test_a_correction_names_the_fields_in_words_on_the_timeline(
    qtbot, make_ctx, ui_services, ui_users, complaints
):
    from dataclasses import replace

    from hqdesk.ui.dialogs.complaint_dialog import ComplaintDialog
    from hqdesk.ui.i18n import install_translators

    sv, zhang = ui_services.complaints, ui_users["zhang"]
    d = sv.get(zhang, complaints["overdue"].id)
    sv.edit(
        zhang, d.id, d.version, replace(d.intake, severity=Severity.HIGH, description="手镯镀层大面积脱落")
    )
    install_translators(QApplication.instance(), "zh_CN")
    dialog = ComplaintDialog(make_ctx(zhang), d.id)
    qtbot.addWidget(dialog)
    last = dialog.timeline_model.rowCount() - 1
    assert dialog.timeline_model.index(last, 2).data() == "更正了投诉信息"
    assert dialog.timeline_model.index(last, 3).data() == "严重程度, 投诉内容"
