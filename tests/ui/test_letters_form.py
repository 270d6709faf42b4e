"""The Letters page's order form: each kind shows its own details, the sources that fit the kind, what is
missing is said before anything runs, and the order carries exactly what was chosen."""

from __future__ import annotations

from datetime import date

import pytest

from hqdesk.domain.franchisee import LifecycleStatus
from hqdesk.ui.views.letters_form import KIND_SOURCES, KINDS, LettersForm
from tests.ui.conftest import type_text

TODAY = date(2026, 11, 23)


@pytest.fixture
def form(qtbot):
    widget = LettersForm(TODAY)
    qtbot.addWidget(widget)
    widget.resize(420, 700)
    widget.show()
    return widget


def test_every_kind_has_its_details_and_its_sources(form):
    assert [form.kind_combo.itemData(i) for i in range(form.kind_combo.count())] == [k for k, _ in KINDS]
    for kind, _label in KINDS:
        form.set_kind(kind)
        sources = [form.source_combo.itemData(i) for i in range(form.source_combo.count())]
        assert sources == list(KIND_SOURCES[kind])
        assert form.source_details.currentWidget().isVisible()
    form.set_kind("festival")
    assert form.festival_combo.isVisible() and not form.event_name.isVisible()
    form.set_kind("invitation")
    assert form.event_name.isVisible() and not form.festival_combo.isVisible()
    form.set_kind("statement")
    assert form.period_from.date_value() == date(2026, 11, 1) and form.period_to.date_value() == TODAY
    form.set_kind("dunning")
    assert form.source() == "dunning"


def test_the_chosen_source_stays_when_the_kind_allows_it(form):
    form.set_kind("festival")
    form.set_source("filter")
    form.set_kind("statement")
    assert form.source() == "filter"
    form.set_kind("birthday")  # birthdays come from calendar events first, but the filter fits too
    assert form.source() == "filter"


def test_an_invitation_needs_its_event(form):
    form.set_kind("invitation")
    problems = form.problems()
    assert "Name the event the letter invites to." in problems
    assert "Give the date of the event." in problems
    assert "Give the place of the event." in problems
    type_text(form.event_name, "2027年度经销商年会")
    form.event_date.set_date_value(date(2027, 1, 16))
    type_text(form.event_place, "杭州西湖国宾馆")
    assert form.problems() == []
    order = form.order()
    assert (order.kind, order.event_name, order.event_date, order.event_place) == (
        "invitation",
        "2027年度经销商年会",
        date(2027, 1, 16),
        "杭州西湖国宾馆",
    )


def test_a_reversed_period_and_a_bad_date_are_refused(form):
    form.set_kind("statement")
    form.period_from.set_date_value(date(2026, 12, 1))
    assert form.problems() == ["The statement period ends before it starts."]
    form.period_from.setText("2026-13-45")
    assert any("is not a date" in p or "statement period" in p for p in form.problems())


def test_picked_source_needs_a_pick(form):
    from hqdesk.services.dto import FranchiseeRow

    form.set_kind("credit_change")
    form.set_source("picked")
    assert form.problems() == ["Pick at least one franchisee: find them by code or name and tick them."]
    rows = [
        FranchiseeRow(
            i, f"JX000{i}", name, "", "", "", "", "A", LifecycleStatus.ACTIVE, "", "", "", None, False
        )
        for i, name in ((1, "杭州金辉珠宝有限公司"), (2, "成都福满堂黄金首饰有限公司"))
    ]
    form.set_pick_results(rows)
    assert form.pick_list.count() == 2
    form.pick([2])
    assert form.picked() == (2,) and form.pick_count.text() == "1 franchisee picked"
    form.set_pick_results(rows[:1])  # a new search keeps what was ticked
    assert form.picked() == (2,) and form.pick_list.count() == 2
    assert form.problems() == []
    assert form.order().picked == (2,)


def test_the_order_carries_the_filter_language_and_output(form):
    from hqdesk.services.dto import FilterOptions, UserDTO  # noqa: F401 - the options' types

    form.set_kind("statement")
    form.set_source("filter")

    class Manager:
        id, display_name = 7, "张伟"

    form.set_filter_options(FilterOptions(("A", "B"), ("华东",), (Manager(),), ()))
    form.tier_combo.setCurrentIndex(form.tier_combo.findData("B"))
    form.region_combo.setCurrentIndex(form.region_combo.findData("华东"))
    form.manager_combo.setCurrentIndex(form.manager_combo.findData(7))
    form.language_combo.setCurrentIndex(form.language_combo.findData("en"))
    form.set_output("both")
    form.folder_edit.setText("/tmp/letters")
    order = form.order()
    assert order.statuses == (LifecycleStatus.ACTIVE,)
    assert (order.tier, order.region, order.account_manager_id) == ("B", "华东", 7)
    assert (order.language, order.output, order.folder) == ("en", "both", "/tmp/letters")
    assert (order.period_from, order.period_to, order.as_of) == (date(2026, 11, 1), TODAY, TODAY)


def test_changes_are_announced(qtbot, form):
    with qtbot.waitSignal(form.changed):
        form.set_kind("birthday")
    with qtbot.waitSignal(form.changed):
        form.language_combo.setCurrentIndex(2)
