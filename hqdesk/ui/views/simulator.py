"""The credit policy simulator: what-if alternatives compared as finance textbooks do (contribution margin
against the cost of credit), prefilled from the ledger, with a bar chart of each alternative's net benefit.

The ledger's figures per settlement term in use (credit sales, observed collection days, bad-debt loss rate
over the last 12 months) load in the background (``CreditSimulatorService.observed``); each becomes an
alternative the user edits, and the user adds others. Rates are typed as percentages here (2 = 2 %); the
computation is the pure ``domain.credit_simulator`` (a few rows of Decimal arithmetic, done on every edit).
An alternative's payment mix is a share of customers taking a cash discount at a number of days, the rest
paying at the collection days (e.g. 50 % take 0.8 % at 30 days, the rest pay at 60).

pyqtgraph is imported when the chart is first drawn, never at start-up.
"""

from __future__ import annotations

import weakref
from dataclasses import replace
from datetime import date
from decimal import InvalidOperation

from PySide6.QtCore import (
    QCoreApplication,
    Qt,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from hqdesk.domain.changes import Changes, Entity
from hqdesk.domain.credit_simulator import Evaluation, SimulatorInputError, evaluate, parse_input
from hqdesk.services.credit_simulator import TermObservation
from hqdesk.ui.context import UiContext
from hqdesk.ui.errors import show_error
from hqdesk.ui.i18n import fmt_date, fmt_decimal, tr_error
from hqdesk.ui.views.simulator_models import (  # noqa: F401 - re-exported, importable from here as before
    COLUMNS,
    HUNDRED,
    NOMINAL_DAYS,
    AlternativesModel,
    AlternativeText,
    CellProblem,
    ObservedModel,
    ResultRow,
    ResultsModel,
    _number,
    _plain,
    alternative_from,
    build_input,
    nominal_days,
    result_rows,
)
from hqdesk.ui.widgets import OptionalDateEdit

CONTEXT = "SimulatorView"
RELOAD_ON = (Entity.LEDGER, Entity.CREDIT_PROFILE)


class SimulatorView(QWidget):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("simulatorView")
        self._generation = 0
        self._plot = None
        self._bars = None
        self.evaluation: Evaluation | None = None
        # True while the alternatives are the ledger's own figures: a reload may then replace them; once the
        # user edits, adds or removes one, they are the user's and stay
        self._prefilled = False

        # ----- what the ledger shows
        self.as_of = OptionalDateEdit()
        self.as_of.setObjectName("asOf")
        self.as_of.set_date_value(date.today())
        self.as_of.setClearButtonEnabled(False)
        self.load_button = QPushButton(self.tr("Load from the ledger"))
        self.load_button.setObjectName("load")
        self.load_button.clicked.connect(self.load)
        self.as_of.returnPressed.connect(self.load)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("12 months to")))
        top.addWidget(self.as_of)
        top.addWidget(self.load_button)
        top.addStretch(1)
        self.observed = ObservedModel(self)
        self.observed_table = QTableView()
        self.observed_table.setObjectName("observedTable")
        self.observed_table.setModel(self.observed)
        self.observed_table.verticalHeader().hide()
        self.observed_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.observed_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.observed_note = QLabel()
        self.observed_note.setObjectName("observedNote")
        self.observed_note.setWordWrap(True)

        # ----- the parameters and the alternatives
        self.days_in_year = QLineEdit("360")
        self.days_in_year.setObjectName("daysInYear")
        self.variable_cost = QLineEdit("80")
        self.variable_cost.setObjectName("variableCost")
        self.variable_cost.setToolTip(self.tr("Variable costs as a percentage of sales (80 = 80 %)."))
        self.capital_cost = QLineEdit("10")
        self.capital_cost.setObjectName("capitalCost")
        self.capital_cost.setToolTip(
            self.tr("The yearly return the money tied up in receivables could earn elsewhere, in percent.")
        )
        params = QHBoxLayout()
        for label, edit in (
            (self.tr("Days in the year"), self.days_in_year),
            (self.tr("Variable cost ratio %"), self.variable_cost),
            (self.tr("Capital cost % a year"), self.capital_cost),
        ):
            edit.setMaximumWidth(90)
            edit.textChanged.connect(self.recalculate)
            params.addWidget(QLabel(label))
            params.addWidget(edit)
            params.addSpacing(16)
        params.addStretch(1)

        self.alternatives = AlternativesModel(self)
        self.alternatives.edited.connect(self.recalculate)
        self.alternatives.dataChanged.connect(self._user_edited)
        self.alternatives_table = QTableView()
        self.alternatives_table.setObjectName("alternativesTable")
        self.alternatives_table.setModel(self.alternatives)
        self.alternatives_table.verticalHeader().hide()
        self.alternatives_table.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents
        )
        self.add_button = QPushButton(self.tr("Add alternative"))
        self.add_button.setObjectName("addAlternative")
        self.add_button.clicked.connect(self.add_alternative)
        self.remove_button = QPushButton(self.tr("Remove alternative"))
        self.remove_button.setObjectName("removeAlternative")
        self.remove_button.clicked.connect(self.remove_alternative)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)

        # ----- the results
        self.message = QLabel()
        self.message.setObjectName("message")
        self.message.setStyleSheet("color: #c0392b;")
        self.message.setWordWrap(True)
        self.message.hide()
        self.recommendation = QLabel()
        self.recommendation.setObjectName("recommendation")
        self.recommendation.setWordWrap(True)
        self.results = ResultsModel(self)
        self.results_table = QTableView()
        self.results_table.setObjectName("resultsTable")
        self.results_table.setModel(self.results)
        self.results_table.verticalHeader().hide()
        self.results_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.results_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.chart_box = QWidget()
        self.chart_box.setObjectName("chartBox")
        self.chart_layout = QVBoxLayout(self.chart_box)
        self.chart_layout.setContentsMargins(0, 0, 0, 0)
        self.chart_box.setMinimumHeight(220)
        self.chart_box.setMinimumWidth(320)  # the wide results table must not squeeze the chart away

        upper = QWidget()
        upper_layout = QVBoxLayout(upper)
        upper_layout.setContentsMargins(0, 0, 0, 0)
        upper_layout.addLayout(top)
        upper_layout.addWidget(self.observed_table)
        upper_layout.addWidget(self.observed_note)
        middle = QWidget()
        middle_layout = QVBoxLayout(middle)
        middle_layout.setContentsMargins(0, 0, 0, 0)
        middle_layout.addLayout(params)
        middle_layout.addWidget(self.alternatives_table)
        middle_layout.addLayout(buttons)
        lower = QWidget()
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addWidget(self.message)
        lower_layout.addWidget(self.recommendation)
        results_split = QSplitter(Qt.Orientation.Horizontal)
        results_split.addWidget(self.results_table)
        results_split.addWidget(self.chart_box)
        results_split.setStretchFactor(0, 2)
        results_split.setStretchFactor(1, 1)
        lower_layout.addWidget(results_split, 1)
        splitter = QSplitter(Qt.Orientation.Vertical)
        for part in (upper, middle, lower):
            splitter.addWidget(part)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

        ctx.bus.changed.connect(self._on_changed)
        self.load()

    # ----- the ledger's figures ---------------------------------------------------------------------------
    def load(self) -> None:
        as_of = self.as_of.date_value()
        if as_of is None:
            self._show_message(self.tr("Enter the last day of the 12 months as yyyy-mm-dd."))
            return
        self._generation += 1
        generation = self._generation
        self.load_button.setEnabled(False)
        self.observed_note.setText(self.tr("Loading…"))
        ref = weakref.ref(self)

        def done(observed):
            view = ref()
            if view is not None and isValid(view) and generation == view._generation:
                view._loaded(as_of, observed)

        def failed(exc):
            view = ref()
            if view is not None and isValid(view) and generation == view._generation:
                view.load_button.setEnabled(True)
                view.observed_note.setText("")
                show_error(view, exc)

        self.ctx.runner.submit(
            self.ctx.services.credit_simulator.observed, self.ctx.actor, as_of, on_done=done, on_error=failed
        )

    def _loaded(self, as_of: date, observed: list[TermObservation]) -> None:
        self.load_button.setEnabled(True)
        self.observed.set_rows(observed)
        if observed:
            self.observed_note.setText(
                self.tr(
                    "Credit sales: invoices less credit notes in the 12 months to {date}. Collection days: "
                    "days from each invoice to the payments and credit notes allocated to it in those months, "
                    "weighted by amount. Bad-debt loss rate: write-offs / credit sales."
                ).format(date=fmt_date(as_of))
            )
        else:
            self.observed_note.setText(
                self.tr(
                    "The ledger has no credit sales in the 12 months to {date}: add alternatives by hand."
                ).format(date=fmt_date(as_of))
            )
        # the ledger's figures replace the alternatives only while the user has not added or typed any
        if not self.alternatives.rowCount() or self._prefilled:
            self.alternatives.set_alternatives([alternative_from(o) for o in observed])
            self._prefilled = True

    def _on_changed(self, changes: Changes) -> None:
        if changes.touches(*RELOAD_ON):
            self.load()

    # ----- editing ---------------------------------------------------------------------------------------
    def _user_edited(self, *_args) -> None:
        self._prefilled = False

    def add_alternative(self) -> None:
        """A new alternative, starting from the selected one (or the first), for the user to vary."""
        self._prefilled = False
        rows = self.alternatives.alternatives()
        current = self.alternatives_table.currentIndex()
        base = rows[current.row()] if current.isValid() else (rows[0] if rows else AlternativeText())
        names = {r.name for r in rows}
        n = len(rows) + 1
        while (name := self.tr("Alternative {n}").format(n=n)) in names:
            n += 1
        row = self.alternatives.add(replace(base, name=name))
        self.alternatives_table.setCurrentIndex(self.alternatives.index(row, 0))

    def remove_alternative(self) -> None:
        current = self.alternatives_table.currentIndex()
        if current.isValid():
            self._prefilled = False
            self.alternatives.remove(current.row())

    # ----- the results -----------------------------------------------------------------------------------
    def _show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def recalculate(self) -> None:
        rows = self.alternatives.alternatives()
        if not rows:
            self._show_results(None)
            self._show_message("")
            return
        try:
            data = build_input(
                rows, self.days_in_year.text(), self.variable_cost.text(), self.capital_cost.text()
            )
            self.evaluation = evaluate(parse_input(data))
        except CellProblem as problem:
            self._show_results(None)
            self._show_message(self._cell_problem_text(problem))
            return
        except SimulatorInputError as exc:
            self._show_results(None)
            self._show_message(tr_error(exc))
            return
        except (InvalidOperation, ArithmeticError):
            self._show_results(None)
            self._show_message(self.tr("These figures cannot be computed: check the days in the year."))
            return
        self._show_message("")
        self._show_results(self.evaluation)

    def _cell_problem_text(self, problem: CellProblem) -> str:
        if problem.row < 0:
            labels = {
                "days_in_year": self.tr("Days in the year"),
                "variable_cost_ratio": self.tr("Variable cost ratio %"),
                "capital_cost": self.tr("Capital cost % a year"),
            }
            return self.tr("{field}: enter a number.").format(field=labels[problem.column])
        header = dict(COLUMNS)[problem.column]
        return self.tr("Row {row}, {column}: enter a number.").format(
            row=problem.row + 1, column=QCoreApplication.translate("AlternativesModel", header)
        )

    def _show_results(self, evaluation: Evaluation | None) -> None:
        if evaluation is None:
            self.evaluation = None
            self.results.set_rows([])
            self.recommendation.setText("")
            self._draw_chart([])
            return
        rows = result_rows(evaluation)
        self.results.set_rows(rows)
        best = next(r for r in rows if r.recommended)
        self.recommendation.setText(
            self.tr("Recommended: {name}, net benefit {amount}.").format(
                name=best.name, amount=fmt_decimal(best.figures[-1])
            )
        )
        self._draw_chart(rows)

    def _draw_chart(self, rows: list[ResultRow]) -> None:
        if not rows and self._plot is None:
            return
        if self._plot is None:
            import pyqtgraph as pg  # first chart only: never at start-up

            self._plot = pg.PlotWidget(background="w")
            self._plot.setObjectName("netBenefitChart")
            self._plot.setTitle(self.tr("Net benefit per alternative"), color="#333")
            self._plot.showGrid(y=True, alpha=0.3)
            self._plot.setMouseEnabled(x=False, y=False)
            left = self._plot.getAxis("left")
            left.enableAutoSIPrefix(False)  # plain amounts (1,000,000), not "x1e6"
            # pyqtgraph writes large ticks as 8e+06: amounts with thousands separators instead
            left.tickStrings = lambda values, scale, spacing: [f"{v * scale:,.0f}" for v in values]
            left.setWidth(90)
            self.chart_layout.addWidget(self._plot)
        import pyqtgraph as pg

        plot = self._plot
        if self._bars is not None:
            plot.removeItem(self._bars)
            self._bars = None
        heights = [float(r.figures[-1]) for r in rows]
        if rows:
            brushes = [pg.mkBrush("#27ae60" if r.recommended else "#5d8aa8") for r in rows]
            self._bars = pg.BarGraphItem(x=list(range(len(rows))), height=heights, width=0.6, brushes=brushes)
            plot.addItem(self._bars)
        limit = max(4, 64 // max(len(rows), 1))  # names under the bars must not run into each other
        ticks = [
            (i, r.name if len(r.name) <= limit else r.name[: limit - 1] + "…") for i, r in enumerate(rows)
        ]
        plot.getAxis("bottom").setTicks([ticks])

    def chart_heights(self) -> list[float]:
        """The bars drawn (for tests): the net benefit of each alternative, in order."""
        if self._bars is None:
            return []
        return [float(h) for h in self._bars.opts["height"]]
