"""The agenda page and the start page's "today and the next 14 days" panel, on real widgets."""

from __future__ import annotations

import csv
from datetime import date

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QGuiApplication

from hqdesk.domain.calendar import EventKind
from hqdesk.domain.changes import Changes, Entity
from hqdesk.domain.contact import ContactData, ContactRole, StoreData

TODAY = date(2026, 3, 1)  # a Sunday


def today():
    return TODAY


@pytest.fixture
def agenda_data(ui_services, ui_users, sample_franchisees):
    """JX0001 (zhang): 周敏 born 3 March, 西湖店 opened 10 March 2020. JX0003 (li): 刘洋 born 5 March
    (lunar flag off), a store named "=HYPERLINK" to test the CSV."""
    sv, admin = ui_services, ui_users["admin"]
    f1, _f2, f3 = sample_franchisees
    sv.contacts.add(
        admin,
        f1.id,
        ContactData(name="周敏", honorific="女士", role=ContactRole.FINANCE, birthday=date(1985, 3, 3)),
    )
    sv.stores.add(admin, f1.id, StoreData(name="西湖店", opened_on=date(2020, 3, 10)), today=TODAY)
    sv.contacts.add(
        admin, f3.id, ContactData(name="刘洋", role=ContactRole.FINANCE, birthday=date(1990, 3, 5))
    )
    sv.stores.add(admin, f3.id, StoreData(name="=HYPERLINK", opened_on=date(2019, 3, 12)), today=TODAY)
    return sample_franchisees


def make_view(qtbot, ctx):
    from hqdesk.ui.views.agenda import AgendaView

    view = AgendaView(ctx, today=today)
    qtbot.addWidget(view)
    return view


def shown(view):
    m = view.model
    return [(m.row(r).date.isoformat(), m.row(r).kind.value, m.text(r, m.EVENT)) for r in range(m.rowCount())]


def test_admin_sees_everyones_next_14_days(qtbot, make_ctx, ui_users, agenda_data):
    view = make_view(qtbot, make_ctx(ui_users["admin"]))
    assert view.preset.currentData() == "next14" and view.range() == (date(2026, 3, 1), date(2026, 3, 15))
    assert not view.mine()
    assert shown(view) == [
        ("2026-03-03", "festival", "Lantern Festival"),
        ("2026-03-03", "birthday", "Birthday of 周敏"),
        ("2026-03-05", "birthday", "Birthday of 刘洋"),
        ("2026-03-10", "store_anniversary", "西湖店: 6 years since opening"),
        ("2026-03-12", "store_anniversary", "=HYPERLINK: 7 years since opening"),
    ]
    assert view.count_label.text() == "5 events"
    m = view.model
    assert m.text(1, m.FRANCHISEE) == "JX0001 杭州金辉珠宝有限公司" and m.text(1, m.WHO) == "周敏"
    assert m.data(m.index(1, m.WHO), Qt.ItemDataRole.ToolTipRole) == "Addressed as 女士"
    assert m.text(0, m.DATE) == "3 Mar 2026 Tue"


def test_account_manager_starts_with_their_own(qtbot, make_ctx, ui_users, agenda_data):
    view = make_view(qtbot, make_ctx(ui_users["li"]))
    assert view.mine()
    assert [k for _, k, _ in shown(view)] == ["festival", "birthday", "store_anniversary"]
    view.scope.setCurrentIndex(view.scope.findData(False))
    assert len(shown(view)) == 5


def test_kind_filter(qtbot, make_ctx, ui_users, agenda_data):
    view = make_view(qtbot, make_ctx(ui_users["admin"]))
    view.kind_boxes[EventKind.BIRTHDAY].setChecked(False)
    view.kind_boxes[EventKind.FESTIVAL].setChecked(False)
    assert [k for _, k, _ in shown(view)] == ["store_anniversary", "store_anniversary"]
    for box in view.kind_boxes.values():
        box.setChecked(False)
    assert view.model.rowCount() == 0
    assert view.message.isVisibleTo(view) and view.message.text() == "Tick at least one kind of event."


def test_presets_and_custom_range(qtbot, make_ctx, ui_users, agenda_data):
    view = make_view(qtbot, make_ctx(ui_users["admin"]))
    view.preset.setCurrentIndex(view.preset.findData("week"))
    assert view.range() == (date(2026, 2, 23), date(2026, 3, 1))  # Monday to Sunday
    assert shown(view) == []
    assert view.message.text() == "No events in this range."
    view.preset.setCurrentIndex(view.preset.findData("month"))
    assert view.range() == (date(2026, 3, 1), date(2026, 3, 31))
    view.set_range(date(2026, 3, 5), date(2026, 3, 5))
    assert view.preset.currentData() == "custom"
    assert [t for _, _, t in shown(view)] == ["Birthday of 刘洋"]
    view.set_range(date(2026, 3, 5), date(2026, 3, 4))
    assert view.model.rowCount() == 0 and view.message.text() == "The end date is before the start date."
    view.set_range(date(2026, 1, 1), date(2029, 12, 31))
    assert view.message.text() == "The calendar lists at most three years at once."


def test_model_passes_the_model_tester(qtbot, qtmodeltester, make_ctx, ui_users, agenda_data):
    view = make_view(qtbot, make_ctx(ui_users["admin"]))
    qtmodeltester.check(view.model)


def select_rows(view, rows):
    selection = view.table.selectionModel()
    selection.clearSelection()
    for r in rows:
        selection.select(
            view.model.index(r, 0),
            QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
        )


def test_selection_copy_and_export(qtbot, make_ctx, ui_users, agenda_data, tmp_path):
    view = make_view(qtbot, make_ctx(ui_users["admin"]))
    assert not view.copy_button.isEnabled() and view.export_button.isEnabled()
    select_rows(view, [1, 4])
    assert [e.contact_name or e.store_name for e in view.selected_events()] == ["周敏", "=HYPERLINK"]
    assert view.copy_button.isEnabled() and not view.open_button.isEnabled()  # two: which one to open?
    view.copy_button.click()
    lines = QGuiApplication.clipboard().text().splitlines()
    assert lines[0].split("\t") == [
        "Date",
        "Kind",
        "Event",
        "Franchisee code",
        "Franchisee",
        "Contact",
        "Honorific",
        "Store",
        "Years",
    ]
    assert lines[1].split("\t") == [
        "2026-03-03",
        "Birthday",
        "Birthday of 周敏",
        "JX0001",
        "杭州金辉珠宝有限公司",
        "周敏",
        "女士",
        "",
        "",
    ]
    path = tmp_path / "agenda.csv"
    view.export_csv(str(path))
    assert view.count_label.text() == "2 events exported"
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # UTF-8 with a BOM: Chinese Excel opens it right
    rows = list(csv.reader(raw.decode("utf-8-sig").splitlines()))
    assert len(rows) == 3
    assert rows[2][2] == "'=HYPERLINK: 7 years since opening" and rows[2][7] == "'=HYPERLINK"  # no formula
    assert rows[2][8] == "7"


def test_export_without_a_selection_takes_every_event(qtbot, make_ctx, ui_users, agenda_data, tmp_path):
    view = make_view(qtbot, make_ctx(ui_users["admin"]))
    path = tmp_path / "all.csv"
    view.export_csv(str(path))
    assert len(path.read_text(encoding="utf-8-sig").splitlines()) == 1 + 5


def test_double_click_opens_the_franchisees_profile(qtbot, make_ctx, ui_users, agenda_data):
    from hqdesk.ui.views.agenda import ProfileWindow

    view = make_view(qtbot, make_ctx(ui_users["admin"]))
    index = view.model.index(1, view.model.EVENT)
    view.table.doubleClicked.emit(index)
    windows = [w for w in view.findChildren(ProfileWindow) if w.isVisible()]
    assert len(windows) == 1
    window = windows[0]
    qtbot.waitUntil(
        lambda: (
            window.editor.header.code_label.text() != ""
            if hasattr(window.editor.header, "code_label")
            else True
        )
    )
    assert window.franchisee_id == agenda_data[0].id
    assert window.windowTitle() == "JX0001 杭州金辉珠宝有限公司 – Franchisee profile"
    assert window.editor.tabs.currentWidget() is window.editor.contacts_tab  # a birthday: the contacts
    # the same franchisee again: the same window, raised, on the stores for a store anniversary
    view.table.doubleClicked.emit(view.model.index(3, 0))
    assert [w for w in view.findChildren(ProfileWindow) if w.isVisible()] == [window]
    assert window.editor.tabs.currentWidget() is window.editor.stores_tab
    # a festival has no franchisee: nothing opens
    assert view.open_event(view.model.row(0)) is None
    window.close()


def test_reloads_when_a_contact_changes(qtbot, make_ctx, ui_users, ui_services, agenda_data):
    ctx = make_ctx(ui_users["admin"])
    view = make_view(qtbot, ctx)
    contact = ui_services.contacts.add(
        ui_users["admin"],
        agenda_data[1].id,
        ContactData(name="吴刚", role=ContactRole.OTHER, birthday=date(1970, 3, 9)),
    )
    assert "Birthday of 吴刚" not in [t for _, _, t in shown(view)]
    ctx.bus.notify(Changes.of(Entity.CONTACT, [contact.id], [agenda_data[1].id]))
    assert "Birthday of 吴刚" in [t for _, _, t in shown(view)]


def test_in_chinese(qtbot, qapp, make_ctx, ui_users, agenda_data):
    from hqdesk.ui.i18n import install_translators

    install_translators(qapp, "zh_CN")
    view = make_view(qtbot, make_ctx(ui_users["admin"]))
    m = view.model
    assert [m.headerData(c, Qt.Orientation.Horizontal) for c in range(5)] == [
        "日期",
        "类型",
        "事件",
        "加盟商",
        "联系人 / 门店",
    ]
    assert [m.text(r, m.EVENT) for r in range(m.rowCount())] == [
        "元宵节",
        "周敏生日",
        "刘洋生日",
        "西湖店开业6周年",
        "=HYPERLINK开业7周年",
    ]
    assert m.text(0, m.DATE) == "2026年3月3日 周二"
    assert m.data(m.index(1, m.WHO), Qt.ItemDataRole.ToolTipRole) == "称呼：女士"
    assert view.count_label.text() == "5 个事件"
    assert view.kind_boxes[EventKind.STORE_ANNIVERSARY].text() == "开业周年"


# ----- the start page -------------------------------------------------------------------------------------------
def test_home_shows_today_and_the_next_14_days(qtbot, make_ctx, ui_users, agenda_data):
    from PySide6.QtWidgets import QLabel

    from hqdesk.ui.views.home import HomeView

    home = HomeView(make_ctx(ui_users["zhang"]), today=today)
    qtbot.addWidget(home)
    panel = home.upcoming
    m = panel.model
    # zhang looks after JX0001 and JX0002: the festival, 周敏's birthday, 西湖店
    assert [m.text(r, m.EVENT) for r in range(m.rowCount())] == [
        "Lantern Festival",
        "Birthday of 周敏",
        "西湖店: 6 years since opening",
    ]
    assert panel.range_label.text() == "1 Mar 2026 to 15 Mar 2026"
    panel.table.doubleClicked.emit(m.index(1, 0))  # 周敏's birthday: JX0001's contacts
    window = panel._windows[agenda_data[0].id]
    assert window.isVisible() and window.editor.tabs.currentWidget() is window.editor.contacts_tab
    window.close()
    panel.scope.setCurrentIndex(panel.scope.findData(False))
    assert m.rowCount() == 5
    # other features add their sections below
    section = home.add_section("Key figures", QLabel("42"))
    assert section.title_label.text() == "Key figures"
    assert home.sections.indexOf(section) > home.sections.indexOf(panel.parentWidget())


def test_home_panel_says_when_nothing_is_coming(qtbot, make_ctx, ui_users, ui_services):
    from hqdesk.ui.views.home import HomeView

    home = HomeView(make_ctx(ui_users["zhang"]), today=lambda: date(2026, 4, 1))  # no festival 1-15 April
    qtbot.addWidget(home)
    assert home.upcoming.model.rowCount() == 0
    assert (
        home.upcoming.empty.isVisibleTo(home) and home.upcoming.empty.text() == "Nothing in the next 14 days."
    )


def test_administrator_changes_the_renewal_lead_time(qtbot, make_ctx, ui_users, ui_services, agenda_data):
    from dataclasses import replace

    admin = ui_users["admin"]
    f1 = agenda_data[0]
    ui_services.franchisees.update(admin, f1.id, f1.version, replace(f1.data, contract_end=date(2026, 5, 20)))
    view = make_view(qtbot, make_ctx(admin))
    assert view.lead_label.text() == "Contract renewals show 60 days ahead" and view.lead_button.isVisibleTo(
        view
    )
    assert "contract_renewal" not in [k for _, k, _ in shown(view)]  # shown from 21 March
    dialog = view.change_lead_time()
    assert dialog.intValue() == 60
    dialog.setIntValue(90)
    dialog.accept()
    assert view.lead_label.text() == "Contract renewals show 90 days ahead"
    assert ("2026-05-20", "contract_renewal", "Contract of 杭州金辉珠宝有限公司 ends") in shown(view)
    assert ui_services.calendar.renewal_lead_days() == 90


def test_others_do_not_see_the_lead_time_button(qtbot, make_ctx, ui_users, ui_services, agenda_data):
    ctx = make_ctx(ui_users["zhang"])
    view = make_view(qtbot, ctx)
    assert not view.lead_button.isVisibleTo(view)
    assert view.lead_label.text() == "Contract renewals show 60 days ahead"
    # an administrator changes it elsewhere: the page follows when told
    ui_services.calendar.set_renewal_lead_days(ui_users["admin"], 45, None)
    ctx.bus.notify(Changes.of(Entity.SETTING))
    assert view.lead_label.text() == "Contract renewals show 45 days ahead"
