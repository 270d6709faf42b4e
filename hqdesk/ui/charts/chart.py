"""One chart widget for every chart of the app, fed with plain series (the pages turn the analytics DTOs
into them): grouped bars (this year beside last year), stacked bars (aging buckets per month end), lines
with a reference line (the normal bad-debt rate), bars with a line on a second axis (Pareto: the cumulative
share and the 80 % line; overdue amount and share), and a histogram (credit-limit use bands).

Every chart has its title, axis labels and legend in the current language (the legend is a row of Qt labels
above the plot, so it never covers a bar, and it is drawn with the application's CJK-capable font), ticks
that read well (``charts.format``), the exact value on hover, ``clicked(ChartClick)`` when a bar or point is
clicked (what is behind it: a month, a bucket, a franchisee), and export of the picture to PNG and of its
data to CSV/XLSX (``reports.tabular``), written off the UI thread.

pyqtgraph is imported here only, when the first chart is built: never at start-up.
"""

from __future__ import annotations

import logging
import weakref
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication, QPoint, QPointF, Qt, Signal
from PySide6.QtGui import QCursor, QFont
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMenu,
    QToolButton,
    QToolTip,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from hqdesk.ui.charts.format import COUNT, MONEY, RATIO, axis_tick, exact
from hqdesk.ui.errors import show_error

log = logging.getLogger(__name__)

CONTEXT = "Charts"
PALETTE = ("#2e86c1", "#b0bec5", "#27ae60", "#f39c12", "#e67e22", "#c0392b", "#8e44ad", "#34495e")
AGING_COLORS = ("#27ae60", "#f1c40f", "#f39c12", "#e67e22", "#d35400", "#c0392b", "#7b241c", "#4a0e0e")
LINE_COLOR = "#c0392b"
REFERENCE_COLOR = "#7f8c8d"


@dataclass(frozen=True)
class Series:
    """One named series: ``values`` one per category (None: no value)."""

    name: str
    values: tuple[Any, ...]
    color: str | None = None


@dataclass(frozen=True)
class ChartClick:
    """What a click hit: the category's index and ``payload`` (what the page put behind it: a month's date, a
    franchisee id, a bucket…), and ``series``: which of the bars (stacked or grouped), None for the category."""

    index: int
    payload: Any
    series: int | None = None


@dataclass(frozen=True)
class ChartTable:
    """The data behind a chart, as exported: headers and rows of plain values (Decimal, int, str)."""

    headers: tuple[str, ...]
    rows: tuple[tuple[Any, ...], ...]


def _float(value) -> float:
    return 0.0 if value is None else float(value)


def chart_font() -> QFont:
    """The application's font (register_fonts gives it a CJK family), for the plot's text too."""
    return QFont(QApplication.font())


class _Legend(QWidget):
    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.row = QHBoxLayout(self)
        self.row.setContentsMargins(0, 0, 0, 0)
        self.row.setSpacing(12)
        self.labels: list[QLabel] = []

    def set_entries(self, entries: list[tuple[str, str, bool]]) -> None:
        """(text, colour, is_line) each."""
        while self.row.count():
            item = self.row.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        self.labels = []
        for text, color, line in entries:
            mark = "━" if line else "■"
            label = QLabel(f'<span style="color:{color}; font-size:14px">{mark}</span> {text}', self)
            label.setObjectName("legendEntry")
            label.setTextFormat(Qt.TextFormat.RichText)
            self.row.addWidget(label)
            self.labels.append(label)
        self.row.addStretch(1)

    def texts(self) -> list[str]:
        return [label.text().split("</span> ", 1)[-1] for label in self.labels]


class ChartWidget(QWidget):
    """A titled chart with its legend, hover values, click-through and export (module docstring)."""

    clicked = Signal(object)  # ChartClick
    exported = Signal(str)  # the path written

    def __init__(self, title: str, parent: QWidget | None = None, name: str = "chart") -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.file_stem = name
        self.ctx = None  # set by attach(): the task runner for the exports
        self.title = QLabel(title, self)
        self.title.setObjectName("chartTitle")
        self.title.setStyleSheet("font-weight: bold; color: #2c3e50;")
        self.note = QLabel(self)
        self.note.setObjectName("chartNote")
        self.note.setStyleSheet("color: #5d6d7e;")
        self.export_button = QToolButton(self)
        self.export_button.setObjectName("chartExport")
        self.export_button.setText(QCoreApplication.translate("Charts", "Export"))
        self.export_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.export_button)
        menu.addAction(QCoreApplication.translate("Charts", "Picture (PNG)…"), lambda: self._choose("png"))
        menu.addAction(QCoreApplication.translate("Charts", "Data (CSV)…"), lambda: self._choose("csv"))
        menu.addAction(QCoreApplication.translate("Charts", "Data (Excel)…"), lambda: self._choose("xlsx"))
        self.export_button.setMenu(menu)
        self.export_button.setEnabled(False)
        self.legend = _Legend(self)
        head = QHBoxLayout()
        head.addWidget(self.title)
        head.addWidget(self.note, 1)
        head.addWidget(self.export_button)
        self.empty = QLabel(QCoreApplication.translate("Charts", "Loading…"), self)
        self.empty.setObjectName("chartEmpty")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setStyleSheet("color: #7f8c8d;")
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(4, 4, 4, 4)
        self._layout.setSpacing(2)
        self._layout.addLayout(head)
        self._layout.addWidget(self.legend)
        self._layout.addWidget(self.empty, 1)
        self.setMinimumHeight(240)
        self.plot = None  # the pyqtgraph PlotWidget, built with the first data
        self._right = None  # the second axis's ViewBox
        self._items: list = []
        self._bars: list = []  # one BarGraphItem per series
        self._categories: list[str] = []
        self._hover: list[str] = []
        self._payloads: list[Any] = []
        self._mode = "grouped"
        self._series: list[Series] = []
        self._width = 0.8
        self._kind = MONEY
        self._x_label = ""
        self._right_kind: str | None = None
        self.table = ChartTable((), ())

    def attach(self, ctx) -> ChartWidget:
        self.ctx = ctx
        return self

    # ----- building the plot --------------------------------------------------------------------------
    def _ensure_plot(self):
        if self.plot is not None:
            return self.plot
        import pyqtgraph as pg  # the first chart shown: never at start-up

        plot = pg.PlotWidget(background="w")
        plot.setObjectName("plot")
        plot.setMouseEnabled(x=False, y=False)
        plot.hideButtons()
        plot.setMenuEnabled(False)
        plot.showGrid(y=True, alpha=0.25)
        font = chart_font()
        plot.scene().setFont(font)
        for side in ("left", "bottom", "right"):
            axis = plot.getAxis(side)
            axis.setStyle(tickFont=font)
            axis.setTextPen(pg.mkPen("#34495e"))
            axis.setPen(pg.mkPen("#95a5a6"))
            axis.label.setFont(font)
        # the first month's label may reach left of the plot: show it rather than drop it
        plot.getAxis("bottom").setStyle(hideOverlappingLabels=False)
        plot.getAxis("left").enableAutoSIPrefix(False)
        plot.getAxis("right").enableAutoSIPrefix(False)
        plot.scene().sigMouseMoved.connect(self._mouse_moved)
        plot.scene().sigMouseClicked.connect(self._mouse_clicked)
        self._layout.addWidget(plot, 1)
        self.plot = plot
        return plot

    def _axis_kind(self, side: str, kind: str, label: str) -> None:
        axis = self.plot.getAxis(side)
        axis.tickStrings = lambda values, scale, spacing: [
            axis_tick(kind, v * scale, spacing) for v in values
        ]
        axis.setLabel(label, color="#34495e")
        axis.label.setFont(chart_font())
        axis.setWidth(80 if kind == MONEY else 60)
        axis.picture = None
        axis.update()

    def _clear(self) -> None:
        plot = self._ensure_plot()
        for item in self._items:
            plot.removeItem(item)
        if self._right is not None:
            for item in list(self._right.addedItems):
                self._right.removeItem(item)
        self._items, self._bars = [], []
        self.empty.hide()
        plot.show()

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        if self.plot is not None and self._categories:
            self._bottom(self._categories, self._x_label)  # as many month labels as the new width holds

    def _bottom(self, categories: list[str], label: str) -> None:
        self._x_label = label
        axis = self.plot.getAxis("bottom")
        width = max(self.plot.width(), 300)
        longest = max((self.fontMetrics().horizontalAdvance(c) for c in categories), default=10) + 12
        step = max(1, -(-len(categories) * longest // (width - 100)))  # no tick label runs into the next
        axis.setTicks([[(i, c) for i, c in enumerate(categories) if i % step == 0], []])
        axis.setLabel(label, color="#34495e")
        axis.label.setFont(chart_font())

    def show_empty(self, text: str) -> None:
        """No data: say so instead of an empty frame."""
        self.empty.setText(text)
        self.empty.show()
        if self.plot is not None:
            self.plot.hide()
        self.legend.set_entries([])
        self.export_button.setEnabled(False)
        self._categories, self._payloads, self._hover, self._series = [], [], [], []

    def _done(self, table: ChartTable, legend: list[tuple[str, str, bool]]) -> None:
        self.table = table
        self.legend.set_entries(legend)
        self.export_button.setEnabled(True)

    # ----- the kinds of chart ---------------------------------------------------------------------------
    def _begin(self, categories, series, payloads, hover, mode: str, kind: str):
        """What every kind of chart does first: say so and return None when there is nothing to show; else
        clear the plot, hide the right axis, keep the categories, series, payloads and hover texts, and
        return the plot."""
        if not categories:
            self.show_empty(QCoreApplication.translate("Charts", "Nothing to show for this choice."))
            return None
        self._clear()
        self._set_right(None)
        self._categories, self._series = list(categories), list(series)
        self._payloads = list(payloads) if payloads is not None else list(range(len(categories)))
        self._hover = list(hover) if hover is not None else list(categories)
        self._mode, self._kind = mode, kind
        return self.plot

    def show_bars(
        self,
        categories: list[str],
        series: list[Series],
        *,
        x_label: str,
        y_label: str,
        kind: str = MONEY,
        stacked: bool = False,
        payloads: list[Any] | None = None,
        hover: list[str] | None = None,
        reference: tuple[float, str] | None = None,
        table: ChartTable | None = None,
    ) -> None:
        """Bars: grouped (each series beside the others) or stacked (each on top of the previous)."""
        import pyqtgraph as pg

        plot = self._begin(categories, series, payloads, hover, "stacked" if stacked else "grouped", kind)
        if plot is None:
            return
        n = len(series)
        self._width = 0.8 if stacked or n == 1 else 0.8 / n
        base = [0.0] * len(categories)
        for i, s in enumerate(series):
            heights = [_float(v) for v in s.values]
            color = s.color or PALETTE[i % len(PALETTE)]
            if stacked:
                xs = list(range(len(categories)))
                bar = pg.BarGraphItem(x=xs, y0=list(base), height=heights, width=self._width, brush=color)
                base = [b + h for b, h in zip(base, heights, strict=True)]
            else:
                offset = (i - (n - 1) / 2) * self._width
                xs = [x + offset for x in range(len(categories))]
                bar = pg.BarGraphItem(x=xs, height=heights, width=self._width * 0.92, brush=color, pen=None)
            plot.addItem(bar)
            self._items.append(bar)
            self._bars.append(bar)
        legend = [(s.name, s.color or PALETTE[i % len(PALETTE)], False) for i, s in enumerate(series)]
        if reference is not None:
            self._reference(reference, plot)
            legend.append((reference[1], REFERENCE_COLOR, True))
        self._axis_kind("left", kind, y_label)
        self._bottom(categories, x_label)
        top = max(base) if stacked else max((_float(v) for s in series for v in s.values), default=0.0)
        low = min(0.0, min((_float(v) for s in series for v in s.values), default=0.0))
        plot.setXRange(-0.6, len(categories) - 0.4, padding=0)
        plot.setYRange(low, max(top * 1.08, 1.0 if kind == COUNT else 1e-9), padding=0)
        self._done(table or self._table(x_label), legend)

    def show_lines(
        self,
        categories: list[str],
        series: list[Series],
        *,
        x_label: str,
        y_label: str,
        kind: str = RATIO,
        payloads: list[Any] | None = None,
        hover: list[str] | None = None,
        reference: tuple[float, str] | None = None,
        table: ChartTable | None = None,
    ) -> None:
        """Lines with a dot per category; ``reference``: a dashed horizontal line (value, legend text)."""
        import pyqtgraph as pg

        plot = self._begin(categories, series, payloads, hover, "lines", kind)
        if plot is None:
            return
        tops = []
        for i, s in enumerate(series):
            color = s.color or (LINE_COLOR if i == 0 else PALETTE[i % len(PALETTE)])
            points = [(x, float(v)) for x, v in enumerate(s.values) if v is not None]
            tops += [y for _, y in points]
            line = pg.PlotDataItem(
                [p[0] for p in points],
                [p[1] for p in points],
                pen=pg.mkPen(color, width=2),
                symbol="o",
                symbolSize=6,
                symbolBrush=color,
                symbolPen=None,
            )
            plot.addItem(line)
            self._items.append(line)
        legend = [
            (s.name, s.color or (LINE_COLOR if i == 0 else PALETTE[i]), True) for i, s in enumerate(series)
        ]
        if reference is not None:
            self._reference(reference, plot)
            tops.append(reference[0])
            legend.append((reference[1], REFERENCE_COLOR, True))
        self._axis_kind("left", kind, y_label)
        self._bottom(categories, x_label)
        plot.setXRange(-0.6, len(categories) - 0.4, padding=0)
        plot.setYRange(min(0.0, min(tops, default=0.0)), max(max(tops, default=0.0) * 1.15, 1e-9), padding=0)
        self._done(table or self._table(x_label), legend)

    def show_bars_and_line(
        self,
        categories: list[str],
        bars: Series,
        line: Series,
        *,
        x_label: str,
        y_label: str,
        line_label: str,
        kind: str = MONEY,
        line_kind: str = RATIO,
        payloads: list[Any] | None = None,
        hover: list[str] | None = None,
        reference: tuple[float, str] | None = None,
        line_max: float | None = None,
        table: ChartTable | None = None,
    ) -> None:
        """Bars on the left axis and a line on the right axis (Pareto: the cumulative share with the 80 %
        line, ``line_max`` 1.0; overdue amount and share)."""
        import pyqtgraph as pg

        self.show_bars(
            categories, [bars], x_label=x_label, y_label=y_label, kind=kind, payloads=payloads, hover=hover
        )
        if not self._categories:  # nothing to show: show_bars said so
            return
        self._series = [bars, line]
        right = self._set_right(line_kind)
        color = line.color or LINE_COLOR
        points = [(x, float(v)) for x, v in enumerate(line.values) if v is not None]
        curve = pg.PlotDataItem(
            [p[0] for p in points],
            [p[1] for p in points],
            pen=pg.mkPen(color, width=2),
            symbol="o",
            symbolSize=5,
            symbolBrush=color,
            symbolPen=None,
        )
        right.addItem(curve)
        top = max([p[1] for p in points] + ([reference[0]] if reference else []) + [1e-9])
        legend = [(bars.name, bars.color or PALETTE[0], False), (line.name, color, True)]
        if reference is not None:
            ref = pg.InfiniteLine(
                pos=reference[0], angle=0, pen=pg.mkPen(REFERENCE_COLOR, width=1, style=Qt.PenStyle.DashLine)
            )
            right.addItem(ref)
            legend.append((reference[1], REFERENCE_COLOR, True))
        right.setYRange(0, line_max if line_max is not None else top * 1.15, padding=0)
        self._axis_kind("right", line_kind, line_label)
        self._done(table or self._table(x_label), legend)

    # ----- pieces ---------------------------------------------------------------------------------------
    def _reference(self, reference: tuple[float, str], plot) -> None:
        import pyqtgraph as pg

        line = pg.InfiniteLine(
            pos=reference[0], angle=0, pen=pg.mkPen(REFERENCE_COLOR, width=2, style=Qt.PenStyle.DashLine)
        )
        plot.addItem(line)
        self._items.append(line)

    def _set_right(self, kind: str | None):
        """The second axis (its ViewBox), or hide it (``kind`` None)."""
        import pyqtgraph as pg

        plot = self.plot
        item = plot.getPlotItem()
        self._right_kind = kind
        if kind is None:
            item.hideAxis("right")
            if self._right is not None:
                self._right.hide()
            return None
        if self._right is None:
            right = pg.ViewBox()
            right.setMouseEnabled(x=False, y=False)
            right.setMenuEnabled(False)
            right.setZValue(item.zValue() + 1)  # the line over the bars, not behind them
            item.scene().addItem(right)
            item.getAxis("right").linkToView(right)
            right.setXLink(item)

            def follow() -> None:
                right.setGeometry(item.vb.sceneBoundingRect())
                right.linkedViewChanged(item.vb, right.XAxis)

            item.vb.sigResized.connect(follow)
            follow()
            self._right = right
        item.showAxis("right")
        self._right.show()
        return self._right

    def _table(self, first: str) -> ChartTable:
        headers = (first, *(s.name for s in self._series))
        rows = tuple(
            (self._hover[i], *(s.values[i] for s in self._series)) for i in range(len(self._categories))
        )
        return ChartTable(headers, rows)

    # ----- hover and click ------------------------------------------------------------------------------
    def _hit(self, scene_pos) -> tuple[int, int | None] | None:
        """(category index, series index or None) under a scene position, None outside the bars."""
        if self.plot is None or not self._categories:
            return None
        vb = self.plot.getPlotItem().vb
        if not vb.sceneBoundingRect().contains(scene_pos):
            return None
        point = vb.mapSceneToView(scene_pos)
        index = int(round(point.x()))
        if not 0 <= index < len(self._categories) or abs(point.x() - index) > 0.45:
            return None
        series = None
        if self._mode == "stacked":
            y, top = point.y(), 0.0
            for i, s in enumerate(self._series):
                top += _float(s.values[index])
                if y <= top:
                    series = i
                    break
        elif self._mode == "grouped" and len(self._series) > 1:
            n = len(self._series)
            series = min(n - 1, max(0, int((point.x() - index + 0.4) / self._width)))
        return index, series

    def hover_text(self, index: int) -> str:
        """What the tooltip says over category ``index``: the category, then each series' exact value."""
        lines = [self._hover[index]]
        for i, s in enumerate(self._series):
            lines.append(f"{s.name}: {exact(self._value_kind(i), s.values[index])}")
        return "\n".join(lines)

    def _value_kind(self, series: int) -> str:
        if series == 1 and self._right is not None and self._right_kind is not None:
            return self._right_kind
        return self._kind

    def _mouse_moved(self, scene_pos) -> None:
        hit = self._hit(scene_pos)
        if hit is None:
            QToolTip.hideText()
            return
        QToolTip.showText(QCursor.pos(), self.hover_text(hit[0]), self.plot)

    def _mouse_clicked(self, event) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            return
        hit = self._hit(event.scenePos())
        if hit is not None:
            self.clicked.emit(ChartClick(hit[0], self._payloads[hit[0]], hit[1]))

    # ----- for tests and the export ---------------------------------------------------------------------
    def bar_heights(self, series: int = 0) -> list[float]:
        return [float(h) for h in self._bars[series].opts["height"]]

    def categories(self) -> list[str]:
        return list(self._categories)

    def point_of(self, index: int, series: int | None = None) -> QPoint:
        """Where category ``index`` (and the given series' bar) is drawn, in the plot widget's coordinates."""
        vb = self.plot.getPlotItem().vb
        x = float(index)
        y = 0.0
        if self._mode == "stacked":
            upto = self._series[: (series or 0) + 1]
            below = sum(_float(s.values[index]) for s in upto[:-1])
            y = below + _float(upto[-1].values[index]) / 2
        elif self._mode == "grouped":
            n = len(self._series)
            s = series or 0
            x += (s - (n - 1) / 2) * self._width
            y = _float(self._series[s].values[index]) / 2
        else:
            y = _float(self._series[0].values[index])
        scene = vb.mapViewToScene(QPointF(x, y))
        return self.plot.mapFromScene(scene)

    # ----- export -------------------------------------------------------------------------------------
    def _choose(self, fmt: str) -> None:
        filters = {
            "png": QCoreApplication.translate("Charts", "PNG pictures (*.png)"),
            "csv": QCoreApplication.translate("Charts", "CSV files (*.csv)"),
            "xlsx": QCoreApplication.translate("Charts", "Excel workbooks (*.xlsx)"),
        }
        path, _ = QFileDialog.getSaveFileName(
            self,
            QCoreApplication.translate("Charts", "Export the chart"),
            f"{self.file_stem}.{fmt}",
            filters[fmt],
        )
        if path:
            self.export(path)

    def export(self, path: str) -> None:
        """Write the picture (.png) or the data (.csv, .xlsx) to ``path`` in the background; ``exported``
        says when it is written, an error goes to the one error dialog."""
        from hqdesk.ui.charts.export import save_image, write_table

        fmt = path.rsplit(".", 1)[-1].lower()
        if fmt == "png":
            image = self.grab().toImage()  # drawn on the UI thread; written by the worker
            job, args = save_image, (image, path)
        else:
            job, args = write_table, (self.table, path, fmt, self.title.text())
        ref = weakref.ref(self)

        def done(written):
            chart = ref()
            if chart is not None and isValid(chart):
                chart.exported.emit(written)

        def failed(exc):
            chart = ref()
            if chart is not None and isValid(chart):
                show_error(chart, exc)

        if self.ctx is None:
            raise RuntimeError("attach(ctx) the chart before exporting")
        self.ctx.runner.submit(job, *args, on_done=done, on_error=failed)


__all__ = [
    "AGING_COLORS",
    "PALETTE",
    "ChartClick",
    "ChartTable",
    "ChartWidget",
    "Series",
]
