"""Reports: the six report files of the export issue, each with its options, to XLSX, CSV or PDF.

Aging as of a date, KPIs by franchisee, sales by franchisee and month, the visit log, the complaint summary and
the franchisee directory: the same contents as ``hqdesk-admin report …`` (``hqdesk.reports.files`` builds the
tables, ``reports.tabular`` / ``reports.pdf`` write them). "Generate…" asks where to save, then reads and writes
in the background (``ui/tasks.py``) with a progress bar and Cancel: every writer works in a temporary file
renamed over the target at the end, so a cancelled or failed report leaves no file. When it is done the page
offers "Open" and "Show in folder".

Filters are offered where the service behind the report supports them (region, tier, account manager for the
sales matrix, the complaint summary and the directory; account manager for the visit log). Rights: every role
may read these reports (the services require ``VIEW_FRANCHISEES`` and apply their own rules), so the page is
shown to everyone.
"""

from __future__ import annotations

import sys
import threading
import weakref
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTranslator, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from hqdesk.domain.i18n import QT_TRANSLATE_NOOP
from hqdesk.ui.context import UiContext
from hqdesk.ui.errors import show_error
from hqdesk.ui.i18n import is_chinese
from hqdesk.ui.widgets import OptionalDateEdit

CONTEXT = "ReportsView"
PAGE = 500  # rows read at a time from the paged lists
TICK = 100  # rows between two progress reports / cancel checks
FORMATS = ("xlsx", "csv", "pdf")

AS_OF, PERIOD, REGION, TIER, MANAGER, ARCHIVED = "as_of", "period", "region", "tier", "manager", "archived"


@dataclass(frozen=True)
class ReportKind:
    key: str
    title: str  # English source, context ReportsView
    description: str
    options: frozenset[str]
    file_stem: str


REPORTS: tuple[ReportKind, ...] = (
    ReportKind(
        "aging",
        QT_TRANSLATE_NOOP("ReportsView", "Aging"),
        QT_TRANSLATE_NOOP(
            "ReportsView",
            "What each franchisee owes as of a date, by days overdue (not due, 1-30 days… over 365 days), "
            "with the unapplied credit and the total; the totals as the last row.",
        ),
        frozenset({AS_OF}),
        "aging",
    ),
    ReportKind(
        "kpi",
        QT_TRANSLATE_NOOP("ReportsView", "KPIs by franchisee"),
        QT_TRANSLATE_NOOP(
            "ReportsView",
            "For each franchisee in the list: credit sales, collections, write-offs, opening and closing "
            "receivables, overdue amount and share, DSO (average balance and countback) and the bad-debt "
            "loss rate of the period; the last row is the whole book.",
        ),
        frozenset({PERIOD}),
        "kpi-by-franchisee",
    ),
    ReportKind(
        "sales",
        QT_TRANSLATE_NOOP("ReportsView", "Sales by franchisee and month"),
        QT_TRANSLATE_NOOP(
            "ReportsView",
            "Credit sales (invoices less credit notes) of each franchisee, a column for every month of the "
            "period, the franchisee's total and a totals row.",
        ),
        frozenset({PERIOD, REGION, TIER, MANAGER}),
        "sales-by-month",
    ),
    ReportKind(
        "visits",
        QT_TRANSLATE_NOOP("ReportsView", "Visit log"),
        QT_TRANSLATE_NOOP(
            "ReportsView",
            "Every visit of the period, newest first: date, franchisee, kind, purpose, who from HQ, met "
            "with, outcome, next follow-up, suggestions made and still open.",
        ),
        frozenset({PERIOD, MANAGER}),
        "visit-log",
    ),
    ReportKind(
        "complaints",
        QT_TRANSLATE_NOOP("ReportsView", "Complaint summary"),
        QT_TRANSLATE_NOOP(
            "ReportsView",
            "Complaints received in the period per category, most first, with their share and the "
            "cumulative share (the Pareto line); then the total.",
        ),
        frozenset({PERIOD, REGION, TIER, MANAGER}),
        "complaints",
    ),
    ReportKind(
        "directory",
        QT_TRANSLATE_NOOP("ReportsView", "Franchisee directory"),
        QT_TRANSLATE_NOOP(
            "ReportsView",
            "Every franchisee by code: legal name, store brand, region, province, city, tier, status, "
            "account manager, primary contact, phone and contract end.",
        ),
        frozenset({REGION, TIER, MANAGER, ARCHIVED}),
        "franchisee-directory",
    ),
)
BY_KEY = {r.key: r for r in REPORTS}


@dataclass(frozen=True)
class ReportRequest:
    """What the worker needs: which report, its options, where and how to write it."""

    key: str
    path: Path
    language: str = "en"  # of the file's headers: "en" or "zh_CN"
    as_of: date | None = None
    start: date | None = None
    end: date | None = None
    region: str | None = None
    tier: str | None = None
    manager_id: int | None = None
    include_archived: bool = False
    labels: tuple[tuple[object, str], ...] = ()  # enum member -> its name in ``language``


@dataclass(frozen=True)
class ReportWritten:
    path: Path
    rows: int


class _Counted:
    """Rows passed through to the writer, reporting progress and noticing Cancel every ``TICK`` rows."""

    def __init__(self, rows: Iterable, total: int, progress: Callable[[int, int], None], cancelled) -> None:
        self.rows, self.total, self.progress, self.cancelled = rows, total, progress, cancelled
        self.count = 0

    def __iter__(self) -> Iterator:
        from hqdesk.reports.tabular import Cancelled

        for row in self.rows:
            yield row
            self.count += 1
            if self.count % TICK == 0:
                if self.cancelled():
                    raise Cancelled()
                self.progress(self.count, self.total)


def _franchisee_rows(services, actor, criteria) -> Iterator:
    page = services.franchisees.list_first(actor, criteria, "code", page_size=PAGE).first
    while True:
        yield from page.rows
        if page.next is None:
            return
        page = services.franchisees.list_page(actor, criteria, "code", False, page.next, PAGE)


def build_table(services, actor, req: ReportRequest):
    """(the report's ``ReportTable``, its as-of line) for ``req``, read through the services (worker thread)."""
    from hqdesk.reports import files
    from hqdesk.services.analytics_dto import AnalyticsFilter
    from hqdesk.services.dto import SearchCriteria

    lang = req.language
    labels = dict(req.labels)

    def label(value) -> str:
        return labels.get(value, str(value))

    period = ""
    if req.start is not None and req.end is not None:
        period = files.word("period", lang).format(req.start.isoformat(), req.end.isoformat())
    filters = AnalyticsFilter(region=req.region, tier=req.tier, account_manager_id=req.manager_id)
    if req.key == "aging":
        report = services.receivables.aging(actor, req.as_of)
        return files.aging_table(report, lang), files.word("as_of", lang).format(req.as_of.isoformat())
    if req.key == "kpi":
        everyone = services.receivables.kpis(actor, req.start, req.end)
        grouped = services.receivables.kpis_by_franchisee(actor, req.start, req.end)
        rows = (
            (f.code, f.legal_name, grouped[f.id]) for f in _franchisee_rows(services, actor, SearchCriteria())
        )
        return files.kpi_table(req.start, req.end, rows, everyone, lang), period
    if req.key == "sales":
        rows = services.analytics.sales(actor, req.start, req.end, "franchisee_month", None, filters)
        return files.sales_matrix_table(req.start, req.end, rows, lang), period
    if req.key == "visits":
        from hqdesk.services.visits import VisitFilter

        flt = VisitFilter(date_from=req.start, date_to=req.end, manager_id=req.manager_id)

        def visits():
            after = None
            while True:
                page = services.visits.page(actor, flt, after, limit=PAGE)
                yield from page.rows
                if page.next_key is None:
                    return
                after = page.next_key

        return files.visit_log_table(req.start, req.end, visits(), lang, label), period
    if req.key == "complaints":
        rows = services.analytics.complaints_by_category(actor, req.start, req.end, filters)
        return files.complaint_summary_table(req.start, req.end, rows, lang), period
    if req.key == "directory":
        criteria = SearchCriteria(
            region=req.region or "",
            tiers=(req.tier,) if req.tier else (),
            account_manager_id=req.manager_id,
            include_archived=req.include_archived,
        )
        today = date.today()
        rows = _franchisee_rows(services, actor, criteria)
        as_of = files.word("as_of", lang).format(today.isoformat())
        return files.directory_table(today, rows, lang, label), as_of
    raise ValueError(f"unknown report {req.key!r}")


def generate(services, actor, req: ReportRequest, progress, cancelled) -> ReportWritten:
    """Read and write the report of ``req`` (in a worker thread); ``progress(done, total)`` (total 0 when not
    known yet), ``cancelled()`` asked as rows go by: on yes ``Cancelled`` is raised and no file is left."""
    from hqdesk.reports.files import ReportTable, write_report

    progress(0, 0)
    company = services.company.get().name
    table, as_of = build_table(services, actor, req)
    if cancelled():
        from hqdesk.reports.tabular import Cancelled

        raise Cancelled()
    total = len(table.rows) if isinstance(table.rows, tuple | list) else 0
    counted = _Counted(table.rows, total, progress, cancelled)
    table = ReportTable(table.title, table.headers, table.formats, counted)
    if req.path.suffix.lower() == ".pdf":
        from hqdesk.reports.pdf import write_pdf

        count = write_pdf(
            table,
            req.path,
            company,
            as_of,
            language=req.language,
            generated_by=actor.display_name or actor.username,
            cancelled=cancelled,
        )
    else:
        count = write_report(table, req.path, cancelled=cancelled)
    progress(count, count)
    return ReportWritten(req.path, count)


def enum_labels(language: str) -> tuple[tuple[object, str], ...]:
    """Every status, visit kind and purpose named in ``language`` (the file's, not necessarily the UI's)."""
    from hqdesk.domain.franchisee import STATUS_LABELS
    from hqdesk.domain.visits import KIND_LABELS, PURPOSE_LABELS
    from hqdesk.resources import resource_path

    translator = None
    if language == "zh_CN":
        translator = QTranslator()
        if not translator.load(str(resource_path("translations", "hqdesk_zh_CN.qm"))):
            translator = None
    out = []
    for member, text in {**STATUS_LABELS, **KIND_LABELS, **PURPOSE_LABELS}.items():
        out.append((member, (translator.translate("Enums", text) if translator else "") or text))
    return tuple(out)


class ReportsView(QWidget):
    """The Reports page: the list of reports on the left, the chosen one's description and options on the
    right, "Generate…", the progress with Cancel, then "Open" / "Show in folder"."""

    finished = Signal(object)  # ReportWritten, or the exception (Cancelled included)

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("reportsView")
        self.last: ReportWritten | None = None
        self.progress_seen: list[tuple[int, int]] = []
        self._cancel: threading.Event | None = None
        self._task = None

        self.list = QListWidget(self)
        self.list.setObjectName("reportList")
        self.list.setMaximumWidth(260)
        self.list.setStyleSheet("QListWidget#reportList::item { padding: 6px 4px; }")
        for kind in REPORTS:
            item = QListWidgetItem(QCoreApplication.translate(CONTEXT, kind.title))
            item.setData(256, kind.key)
            self.list.addItem(item)

        self.heading = QLabel(self)
        self.heading.setObjectName("reportTitle")
        self.heading.setStyleSheet("font-size: 16px; font-weight: bold;")
        self.description = QLabel(self)
        self.description.setObjectName("reportDescription")
        self.description.setWordWrap(True)
        self.description.setStyleSheet("color: #555;")
        self.description.setMaximumWidth(720)

        options = QWidget(self)
        options.setMaximumWidth(640)  # combos as wide as the window read badly on a large screen
        form = QFormLayout(options)
        form.setContentsMargins(0, 8, 0, 8)
        self.form = form
        today = date.today()
        self.as_of = OptionalDateEdit(options)
        self.as_of.setObjectName("reportAsOf")
        self.as_of.set_date_value(today)
        self.start = OptionalDateEdit(options)
        self.start.setObjectName("reportFrom")
        self.start.set_date_value(date(today.year, 1, 1))
        self.end = OptionalDateEdit(options)
        self.end.setObjectName("reportTo")
        self.end.set_date_value(today)
        period = QWidget(options)
        row = QHBoxLayout(period)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.start)
        self.to_label = QLabel(self.tr("to"), period)
        row.addWidget(self.to_label)
        row.addWidget(self.end)
        row.addStretch(1)
        self.period = period
        self.region = QComboBox(options)
        self.region.setObjectName("reportRegion")
        self.region.addItem(self.tr("All regions"), None)
        self.tier = QComboBox(options)
        self.tier.setObjectName("reportTier")
        self.tier.addItem(self.tr("All tiers"), None)
        self.manager = QComboBox(options)
        self.manager.setObjectName("reportManager")
        self.manager.addItem(self.tr("All account managers"), None)
        self.archived = QCheckBox(self.tr("Include archived franchisees"), options)
        self.archived.setObjectName("reportArchived")
        self.language = QComboBox(options)
        self.language.setObjectName("reportLanguage")
        self.language.addItem("中文", "zh_CN")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(0 if is_chinese() else 1)  # the UI's language first
        formats = QWidget(options)
        frow = QHBoxLayout(formats)
        frow.setContentsMargins(0, 0, 0, 0)
        self.format_group = QButtonGroup(self)
        self.format_buttons: dict[str, QRadioButton] = {}
        for i, (fmt, text) in enumerate(
            (
                ("xlsx", self.tr("Excel (XLSX)")),
                ("csv", self.tr("CSV (UTF-8)")),
                ("pdf", self.tr("PDF")),
            )
        ):
            button = QRadioButton(text, formats)
            button.setObjectName(f"format_{fmt}")
            self.format_group.addButton(button, i)
            self.format_buttons[fmt] = button
            frow.addWidget(button)
        frow.addStretch(1)
        self.format_buttons["xlsx"].setChecked(True)

        self._rows: dict[str, tuple[QLabel, QWidget]] = {}
        for key, text, widget in (
            (AS_OF, self.tr("As of"), self.as_of),
            (PERIOD, self.tr("Period"), self.period),
            (REGION, self.tr("Region"), self.region),
            (TIER, self.tr("Tier"), self.tier),
            (MANAGER, self.tr("Account manager"), self.manager),
            (ARCHIVED, "", self.archived),
        ):
            caption = QLabel(text, options)
            form.addRow(caption, widget)
            self._rows[key] = (caption, widget)
        form.addRow(QLabel(self.tr("Headers in"), options), self.language)
        form.addRow(QLabel(self.tr("Format"), options), formats)

        self.generate_button = QPushButton(self.tr("Generate…"), self)
        self.generate_button.setObjectName("generateReport")
        self.generate_button.setDefault(True)
        self.problem = QLabel(self)
        self.problem.setObjectName("reportProblem")
        self.problem.setStyleSheet("color: #c0392b;")
        self.problem.setWordWrap(True)

        self.busy = QFrame(self)
        self.busy.setObjectName("reportBusy")
        brow = QHBoxLayout(self.busy)
        brow.setContentsMargins(0, 0, 0, 0)
        self.bar = QProgressBar(self.busy)
        self.bar.setObjectName("reportProgress")
        self.bar.setTextVisible(True)
        self.cancel_button = QPushButton(self.tr("Cancel"), self.busy)
        self.cancel_button.setObjectName("cancelReport")
        brow.addWidget(self.bar, 1)
        brow.addWidget(self.cancel_button)
        self.busy.hide()

        self.status = QLabel(self)
        self.status.setObjectName("reportStatus")
        self.status.setWordWrap(True)
        self.open_button = QPushButton(self.tr("Open"), self)
        self.open_button.setObjectName("openReport")
        self.folder_button = QPushButton(self.tr("Show in folder"), self)
        self.folder_button.setObjectName("showReportFolder")
        done_row = QHBoxLayout()
        done_row.addWidget(self.status, 1)
        done_row.addWidget(self.open_button)
        done_row.addWidget(self.folder_button)
        self.open_button.hide()
        self.folder_button.hide()

        right = QVBoxLayout()
        right.addWidget(self.heading)
        right.addWidget(self.description)
        right.addWidget(options)
        buttons = QHBoxLayout()
        buttons.addWidget(self.generate_button)
        buttons.addStretch(1)
        right.addLayout(buttons)
        right.addWidget(self.problem)
        right.addWidget(self.busy)
        right.addLayout(done_row)
        right.addStretch(1)
        layout = QHBoxLayout(self)
        layout.addWidget(self.list)
        layout.addLayout(right, 1)

        self.list.currentRowChanged.connect(self._show_report)
        self.generate_button.clicked.connect(lambda: self.generate())
        self.cancel_button.clicked.connect(self.cancel)
        self.open_button.clicked.connect(self.open_file)
        self.folder_button.clicked.connect(self.show_in_folder)
        self.list.setCurrentRow(0)
        ref = weakref.ref(self)

        def options_loaded(result) -> None:
            view = ref()
            if view is not None and isValid(view):
                view._set_options(result)

        ctx.runner.submit(ctx.services.franchisees.filter_options, ctx.actor, on_done=options_loaded)

    # ----- the chosen report --------------------------------------------------------------------------
    @property
    def kind(self) -> ReportKind:
        return REPORTS[max(0, self.list.currentRow())]

    def select(self, key: str) -> None:
        self.list.setCurrentRow(next(i for i, r in enumerate(REPORTS) if r.key == key))

    def set_format(self, fmt: str) -> None:
        self.format_buttons[fmt].setChecked(True)

    @property
    def file_format(self) -> str:
        return next(f for f, b in self.format_buttons.items() if b.isChecked())

    def _show_report(self, _row: int) -> None:
        kind = self.kind
        self.heading.setText(QCoreApplication.translate(CONTEXT, kind.title))
        self.description.setText(QCoreApplication.translate(CONTEXT, kind.description))
        for key, (caption, widget) in self._rows.items():
            caption.setVisible(key in kind.options)
            widget.setVisible(key in kind.options)
        self.problem.clear()

    def _set_options(self, options) -> None:
        for combo, items in (
            (self.region, [(r, r) for r in options.regions if r]),
            (self.tier, [(self.tr("Tier {tier}").format(tier=t), t) for t in options.tiers]),
            (self.manager, [(u.display_name or u.username, u.id) for u in options.account_managers]),
        ):
            while combo.count() > 1:
                combo.removeItem(1)
            for text, data in items:
                combo.addItem(text, data)

    # ----- generating ---------------------------------------------------------------------------------
    def request(self, path: Path) -> ReportRequest | None:
        """The options as a request, or None with the problem shown next to the button."""
        kind = self.kind
        req = ReportRequest(kind.key, path, language=self.language.currentData())
        if AS_OF in kind.options:
            if self.as_of.date_value() is None:
                return self._refuse(self.tr("Enter the date the report is as of (yyyy-mm-dd)."))
            req = replace(req, as_of=self.as_of.date_value())
        if PERIOD in kind.options:
            start, end = self.start.date_value(), self.end.date_value()
            if start is None or end is None:
                return self._refuse(self.tr("Enter the first and the last day of the period (yyyy-mm-dd)."))
            if end < start:
                return self._refuse(self.tr("The period ends before it starts."))
            req = replace(req, start=start, end=end)
        if REGION in kind.options:
            req = replace(req, region=self.region.currentData())
        if TIER in kind.options:
            req = replace(req, tier=self.tier.currentData())
        if MANAGER in kind.options:
            req = replace(req, manager_id=self.manager.currentData())
        if ARCHIVED in kind.options:
            req = replace(req, include_archived=self.archived.isChecked())
        if kind.key in ("visits", "directory"):
            req = replace(req, labels=enum_labels(req.language))
        return req

    def _refuse(self, text: str) -> None:
        self.problem.setText(text)
        return None

    def default_path(self) -> Path:
        folder = self.ctx.settings.value("reports/folder", "") or str(Path.home())
        return Path(folder) / f"{self.kind.file_stem}-{date.today().isoformat()}.{self.file_format}"

    def ask_path(self) -> Path | None:
        fmt = self.file_format
        filters = {
            "xlsx": self.tr("Excel workbook (*.xlsx)"),
            "csv": self.tr("CSV, UTF-8 (*.csv)"),
            "pdf": self.tr("PDF document (*.pdf)"),
        }
        name, _chosen = QFileDialog.getSaveFileName(
            self.window(), self.tr("Save the report"), str(self.default_path()), filters[fmt]
        )
        if not name:
            return None
        path = Path(name)
        if path.suffix.lower() != "." + fmt:
            path = path.with_name(path.name + "." + fmt)
        return path

    def generate(self, path: Path | None = None) -> None:
        """Ask where to save (unless ``path`` is given), then read and write the report in the background."""
        if self._cancel is not None:
            return  # one report at a time
        self.problem.clear()
        if path is None:
            path = self.ask_path()
            if path is None:
                return
        req = self.request(Path(path))
        if req is None:
            return
        self.ctx.settings.setValue("reports/folder", str(req.path.parent))
        cancel = threading.Event()
        self._cancel = cancel
        self.progress_seen = []
        self.last = None
        self.open_button.hide()
        self.folder_button.hide()
        self.status.setText(self.tr("Writing {file}…").format(file=req.path.name))
        self.bar.setRange(0, 0)
        self.busy.show()
        self.cancel_button.setEnabled(True)
        self.generate_button.setEnabled(False)
        ref = weakref.ref(self)
        services, actor = self.ctx.services, self.ctx.actor

        def work(context):
            def cancelled() -> bool:
                return cancel.is_set() or context.cancelled

            return generate(services, actor, req, context.progress, cancelled)

        def progress(done: int, total: int) -> None:
            view = ref()
            if view is not None and isValid(view):
                view._progress(done, total)

        def done(result: ReportWritten) -> None:
            view = ref()
            if view is not None and isValid(view):
                view._done(result)

        def failed(exc: BaseException) -> None:
            view = ref()
            if view is not None and isValid(view):
                view._failed(exc)

        self._task = self.ctx.runner.submit(
            work, on_done=done, on_error=failed, on_progress=progress, with_context=True
        )

    def cancel(self) -> None:
        """Stop the report being written: nothing is left on disk."""
        if self._cancel is not None:
            self._cancel.set()
            self.cancel_button.setEnabled(False)
            self.status.setText(self.tr("Cancelling…"))

    def _progress(self, done: int, total: int) -> None:
        self.progress_seen.append((done, total))
        if total > 0:
            self.bar.setRange(0, total)
            self.bar.setValue(min(done, total))
            self.bar.setFormat(self.tr("%v of %m rows"))
        else:
            self.bar.setRange(0, 0)
        if done:
            self.status.setText(self.tr("%n row(s) written…", "", done))

    def _finish(self) -> None:
        self._cancel = None
        self._task = None
        self.busy.hide()
        self.generate_button.setEnabled(True)

    def _done(self, result: ReportWritten) -> None:
        self._finish()
        self.last = result
        self.status.setText(
            self.tr("%n row(s) written to {file}", "", result.rows).format(file=str(result.path))
        )
        self.open_button.show()
        self.folder_button.show()
        self.finished.emit(result)

    def _failed(self, exc: BaseException) -> None:
        from hqdesk.reports.tabular import Cancelled

        self._finish()
        if isinstance(exc, Cancelled):
            self.status.setText(self.tr("Cancelled: no file was written."))
        else:
            self.status.setText("")
            show_error(self, exc)
        self.finished.emit(exc)

    # ----- after ------------------------------------------------------------------------------------------
    def open_file(self) -> None:
        if self.last is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.last.path)))

    def show_in_folder(self) -> None:
        if self.last is None:
            return
        if sys.platform == "win32":  # Explorer selects the file in its folder
            import subprocess

            subprocess.Popen(["explorer", "/select,", str(self.last.path)])  # noqa: S603,S607
            return
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.last.path.parent)))


__all__ = ["ReportsView", "REPORTS", "ReportRequest", "ReportWritten", "generate", "build_table"]
