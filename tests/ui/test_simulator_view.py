"""The simulator page on real widgets: prefilled from the ledger per settlement term, alternatives added and
edited, results and the recommendation, the net-benefit chart, bad cells named."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester

from hqdesk.persistence.models_credit import CreditProfile
from hqdesk.ui.views.simulator import AlternativeText, SimulatorView
from tests.receivables_ledger import LedgerWriter


@pytest.fixture
def ledger(ui_services, sample_franchisees):
    a, b, _ = sample_franchisees
    with ui_services.db.write("t") as s:
        s.add(CreditProfile(franchisee_id=b.id, term_kind="monthly", term_days=10))
        s.commit()
    w = LedgerWriter()
    i1 = w.invoice(a.id, "INV-1", date(2026, 1, 1), "360000.00", date(2026, 1, 31))  # a: no profile, net 30
    p1 = w.payment(a.id, "PAY-1", date(2026, 2, 15), "360000.00")
    w.allocate(p1, i1)  # 45 days
    i2 = w.invoice(b.id, "INV-2", date(2026, 2, 1), "100000.00", date(2026, 3, 10))
    wo = w.write_off(b.id, "WO-1", date(2026, 5, 1), "2000.00")
    w.allocate(wo, i2, "2000.00")
    w.commit(ui_services)


@pytest.fixture
def view(qtbot, make_ctx, ui_users, ledger):
    v = SimulatorView(make_ctx(ui_users["viewer"]))
    qtbot.addWidget(v)
    v.resize(1200, 800)
    v.show()
    v.as_of.setText("2026-06-30")
    v.load()
    return v


def _results(v) -> list[list[str]]:
    m = v.results
    return [[m.text(r, c) for c in range(m.columnCount())] for r in range(m.rowCount())]


def test_prefilled_from_the_ledger_per_term(view):
    ModelTester(None).check(view.alternatives)
    obs = view.observed
    assert [obs.text(r, 0) for r in range(obs.rowCount())] == ["Net days", "Monthly settlement"]
    assert obs.text(0, 3) == "360,000.00" and obs.text(0, 4) == "45.0"
    assert obs.text(1, 6) == "2.00 %"  # 2,000 written off of 100,000
    alts = view.alternatives.alternatives()
    assert [a.name for a in alts] == ["Net days 30 (as is)", "Monthly settlement +10 (as is)"]
    assert (alts[0].credit_sales, alts[0].collection_days, alts[0].bad_debt_percent) == ("360000", "45", "0")
    assert alts[1].bad_debt_percent == "2"
    # r = 80 %, k = 10 %: net days: margin 72,000; receivable 360,000/360 x 45 = 45,000; x 0.08 = 3,600
    assert _results(view)[0][1] == "72,000.00" and _results(view)[0][4] == "3,600.00"
    assert _results(view)[0][9] == "68,400.00"
    # monthly +10 without collections: 15 + 10 = 25 nominal days; 100,000/360 x 25 x 0.08 = 555.56;
    # margin 20,000 - 555.56 - bad debts 2,000 = 17,444.44
    assert alts[1].collection_days == "25"
    assert view.chart_heights() == [68400.0, pytest.approx(17444.44)]


def test_add_an_alternative_with_a_cash_discount(view, qtbot):
    view.alternatives_table.setCurrentIndex(view.alternatives.index(0, 0))
    view.add_alternative()
    m = view.alternatives
    row = m.rowCount() - 1
    assert m.alternatives()[row].name == "Alternative 3" and m.alternatives()[row].credit_sales == "360000"
    # 50 % take a 1 % discount at 10 days, the rest pay at 60; sales up to 400,000
    for column, text in ((1, "400000"), (2, "60"), (4, "50"), (5, "10"), (6, "1")):
        assert m.setData(m.index(row, column), text, Qt.ItemDataRole.EditRole)
    last = _results(view)[-1]
    # days 0.5 x 10 + 0.5 x 60 = 35; receivable 400,000/360 x 35 = 38,888.89; x 0.08 = 3,111.11;
    # discount 400,000 x 0.5 x 1 % = 2,000; margin 80,000: net 80,000 - 3,111.11 - 2,000 = 74,888.89
    assert last[2] == "35.00" and last[4] == "3,111.11" and last[6] == "2,000.00" and last[9] == "74,888.89"
    assert "Recommended: Alternative 3" in view.recommendation.text()
    assert len(view.chart_heights()) == 3 and view.chart_heights()[-1] == pytest.approx(74888.89)


def test_a_bad_cell_is_named_and_nothing_is_shown(view):
    m = view.alternatives
    m.setData(m.index(0, 1), "abc", Qt.ItemDataRole.EditRole)
    assert view.message.isVisible() and "Row 1, Credit sales: enter a number." in view.message.text()
    assert view.results.rowCount() == 0 and view.chart_heights() == []
    m.setData(m.index(0, 1), "-5", Qt.ItemDataRole.EditRole)
    assert "credit_sales: must not be negative" in view.message.text()
    m.setData(m.index(0, 1), "100", Qt.ItemDataRole.EditRole)
    assert not view.message.isVisible() and view.results.rowCount() == 2
    view.capital_cost.setText("x")
    assert "Capital cost % a year: enter a number." in view.message.text()


def test_user_alternatives_survive_a_reload(view):
    view.alternatives.set_alternatives(
        [AlternativeText(name="Mine", credit_sales="1000", collection_days="30")]
    )
    view.add_alternative()
    view.load()
    assert [a.name for a in view.alternatives.alternatives()] == ["Mine", "Alternative 2"]


def test_remove_alternative(view):
    view.alternatives_table.setCurrentIndex(view.alternatives.index(1, 0))
    view.remove_alternative()
    assert view.alternatives.rowCount() == 1 and view.results.rowCount() == 1


def test_the_chart_keeps_its_room_and_writes_amounts_in_full(view, qtbot):
    """At 1280x720 the results table squeezed the chart to a sliver whose axis read "8e+0…"."""
    view.resize(1130, 630)
    view.show()
    qtbot.waitUntil(lambda: view.chart_heights() != [])
    assert view.chart_box.width() >= 320
    left = view._plot.getAxis("left")
    assert left.tickStrings([8_000_000.0], 1.0, 1_000_000.0) == ["8,000,000"]
