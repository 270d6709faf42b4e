"""Letters on screen and on paper: a PDF preview (QtPdf) with page navigation and zoom, Print and Save.

QtPdf is imported when a preview is first built (not with the Letters page), so the page costs nothing until
a letter is shown. Printing renders each page with ``QPdfDocument.render()`` onto the printer at ``PRINT_DPI``
(about 300 dpi: at 1200 dpi one A4 page is an image of more than 500 MB). ``QPdfView`` cannot print. The
rendering runs off the UI thread through the task runner (QPainter may paint on a QPrinter in a worker thread),
page by page with progress and Cancel; ``print_pdf`` is the whole print path without the dialog, for tests.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSize, QStandardPaths, Qt, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QProgressDialog,
    QPushButton,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from hqdesk.ui.errors import show_error

CONTEXT = "LetterPreview"
PRINT_DPI = 300  # sharp text on every office printer; 1200 dpi would make each page a ~560 MB image
ZOOM_STEPS = (0.25, 0.33, 0.5, 0.67, 0.75, 0.9, 1.0, 1.25, 1.5, 2.0, 3.0, 4.0)


class PrintCancelled(Exception):
    """The user pressed Cancel while pages were being sent to the printer (what was sent stays sent)."""


def make_printer(output_pdf: str | None = None):
    """A printer set to ``PRINT_DPI`` on A4 (the letters' paper). ``output_pdf``: print into that PDF file
    (tests, "print to file") instead of a device."""
    from PySide6.QtGui import QPageSize
    from PySide6.QtPrintSupport import QPrinter

    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setResolution(PRINT_DPI)
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    printer.setFullPage(True)  # the letter has its own margins (the window envelope's address block)
    if output_pdf is not None:
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(output_pdf)
    return printer


def page_pixels(points: float, dpi: int = PRINT_DPI) -> int:
    """A length in PDF points (1/72 inch) as pixels at ``dpi``."""
    return max(1, round(points * dpi / 72.0))


def print_pdf(
    pdf_path: str | Path,
    printer,
    first_page: int = 0,
    last_page: int | None = None,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> int:
    """Render pages ``first_page``..``last_page`` (0-based, inclusive; None: to the end) of the PDF at
    ``pdf_path`` onto ``printer`` at ``PRINT_DPI`` and return how many pages were printed.

    Runs in any thread: it opens its own QPdfDocument. The printer's resolution is set here, whatever the
    print dialog left in it; each page is scaled into the printer's page rectangle keeping its proportions.
    """
    from PySide6.QtCore import QRect
    from PySide6.QtGui import QPainter
    from PySide6.QtPdf import QPdfDocument, QPdfDocumentRenderOptions
    from PySide6.QtPrintSupport import QPrinter

    document = QPdfDocument()
    error = document.load(str(pdf_path))
    if error != QPdfDocument.Error.None_:
        raise OSError(
            QCoreApplication.translate(
                "LetterPreview", "The letter file could not be opened for printing: {path}"
            ).format(path=pdf_path)
        )
    try:
        count = document.pageCount()
        last = count - 1 if last_page is None else min(last_page, count - 1)
        pages = list(range(max(0, first_page), last + 1))
        if not pages:
            return 0
        printer.setResolution(PRINT_DPI)
        painter = QPainter()
        if not painter.begin(printer):
            raise OSError(QCoreApplication.translate("LetterPreview", "The printer could not be started."))
        printed = 0
        try:
            for i, page in enumerate(pages):
                if cancelled is not None and cancelled():
                    if printer.outputFormat() == QPrinter.OutputFormat.NativeFormat:
                        printer.abort()  # a print job not yet spooled is dropped, not half printed
                    raise PrintCancelled()
                if i:
                    printer.newPage()
                size = document.pagePointSize(page)
                image = document.render(
                    page,
                    QSize(page_pixels(size.width()), page_pixels(size.height())),
                    QPdfDocumentRenderOptions(),
                )
                target = painter.viewport()
                scaled = image.size().scaled(target.size(), Qt.AspectRatioMode.KeepAspectRatio)
                painter.drawImage(QRect(target.topLeft(), scaled), image)
                printed += 1
                if progress is not None:
                    progress(printed, len(pages))
        finally:
            painter.end()
        return printed
    finally:
        document.close()


def default_folder() -> str:
    return QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation) or str(
        Path.home()
    )


def save_copy(source: str | Path, folder: str | Path, name: str | None = None) -> Path:
    """Copy the letter file into ``folder`` (created if missing) without overwriting another file: a number
    is added to the name when it is taken. Returns the path written."""
    source = Path(source)
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / (name or source.name)
    stem, suffix, n = target.stem, target.suffix, 1
    while target.exists():
        n += 1
        target = folder / f"{stem} ({n}){suffix}"
    shutil.copyfile(source, target)
    return target


class PdfPreview(QWidget):
    """A letter (or a batch) on screen: pages with navigation and zoom, Print… and Save to folder….

    ``show_file(path)`` loads a PDF from disk (the batch's output, or a history letter written to a temporary
    file). ``runner``: the app's TaskRunner, printing and saving run through it.
    """

    printed = Signal(int)  # pages sent to the printer
    saved = Signal(str)  # the path written

    def __init__(self, runner, parent: QWidget | None = None, compact: bool = False) -> None:
        super().__init__(parent)
        from PySide6.QtPdf import QPdfDocument
        from PySide6.QtPdfWidgets import QPdfView

        self.setObjectName("letterPreview")
        self.runner = runner
        self._path: Path | None = None
        self._save_name: str | None = None
        self.document = QPdfDocument(self)
        self.view = QPdfView(self)
        self.view.setObjectName("letterPdfView")
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setStyleSheet("QPdfView { background: #8a8f94; }")

        bar = QHBoxLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        self.previous_button = self._tool(
            "‹", QCoreApplication.translate("LetterPreview", "Previous page"), "previousPage"
        )
        self.page_box = QSpinBox()
        self.page_box.setObjectName("pageBox")
        self.page_box.setMinimum(1)
        self.page_box.setKeyboardTracking(False)
        self.page_count_label = QLabel()
        self.page_count_label.setObjectName("pageCount")
        self.page_count_label.setMinimumWidth(
            self.page_count_label.fontMetrics().horizontalAdvance("of 9999") + 8
        )
        self.next_button = self._tool(
            "›", QCoreApplication.translate("LetterPreview", "Next page"), "nextPage"
        )
        self.zoom_out_button = self._tool(
            "−", QCoreApplication.translate("LetterPreview", "Zoom out"), "zoomOut"
        )
        self.zoom_label = QLabel()
        self.zoom_label.setObjectName("zoomLabel")
        self.zoom_label.setMinimumWidth(self.zoom_label.fontMetrics().horizontalAdvance("400 %") + 6)
        self.zoom_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.zoom_in_button = self._tool(
            "+", QCoreApplication.translate("LetterPreview", "Zoom in"), "zoomIn"
        )
        self.fit_width_button = QPushButton(QCoreApplication.translate("LetterPreview", "Fit width"))
        self.fit_width_button.setObjectName("fitWidth")
        self.fit_page_button = QPushButton(QCoreApplication.translate("LetterPreview", "Whole page"))
        self.fit_page_button.setObjectName("fitPage")
        self.print_button = QPushButton(QCoreApplication.translate("LetterPreview", "Print…"))
        self.print_button.setObjectName("printButton")
        self.save_button = QPushButton(QCoreApplication.translate("LetterPreview", "Save to folder…"))
        self.save_button.setObjectName("saveButton")
        for w in (
            self.previous_button,
            self.page_box,
            self.page_count_label,
            self.next_button,
        ):
            bar.addWidget(w)
        bar.addSpacing(12)
        for w in (self.zoom_out_button, self.zoom_label, self.zoom_in_button, self.fit_width_button):
            bar.addWidget(w)
        bar.addWidget(self.fit_page_button)
        bar.addStretch(1)
        bar.addWidget(self.print_button)
        bar.addWidget(self.save_button)
        # a sample beside an editor (the template preview) is only looked at: no Print, no Save
        self.print_button.setVisible(not compact)
        self.save_button.setVisible(not compact)
        self.empty_label = QLabel(QCoreApplication.translate("LetterPreview", "Nothing to show yet."))
        self.empty_label.setObjectName("previewEmpty")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setStyleSheet("color: #666;")
        v = QVBoxLayout(self)
        v.setContentsMargins(0, 0, 0, 0)
        v.addLayout(bar)
        v.addWidget(self.view, 1)
        v.addWidget(self.empty_label, 1)

        self.previous_button.clicked.connect(lambda: self.go_to(self.current_page() - 1))
        self.next_button.clicked.connect(lambda: self.go_to(self.current_page() + 1))
        self.page_box.valueChanged.connect(lambda n: self.go_to(n - 1))
        self.view.pageNavigator().currentPageChanged.connect(self._page_changed)
        self.zoom_in_button.clicked.connect(lambda: self.zoom_step(+1))
        self.zoom_out_button.clicked.connect(lambda: self.zoom_step(-1))
        self.fit_width_button.clicked.connect(lambda: self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth))
        self.fit_page_button.clicked.connect(lambda: self.view.setZoomMode(QPdfView.ZoomMode.FitInView))
        self.view.zoomFactorChanged.connect(self._zoom_changed)
        self.view.zoomModeChanged.connect(self._zoom_changed)
        self.print_button.clicked.connect(self.print_dialog)
        self.save_button.clicked.connect(self.save_dialog)
        self._update()

    def _tool(self, text: str, tip: str, name: str) -> QToolButton:
        button = QToolButton()
        button.setText(text)
        button.setToolTip(tip)
        button.setObjectName(name)
        button.setMinimumWidth(28)
        return button

    # ----- the document -------------------------------------------------------------------------------------
    def show_file(self, path: str | Path | None, save_name: str | None = None) -> bool:
        """Show the PDF at ``path`` (None: nothing). ``save_name``: the file name Save to folder suggests.
        Returns False (and shows nothing) when the file is not a readable PDF."""
        from PySide6.QtPdf import QPdfDocument

        self.document.close()
        self._path, self._save_name = None, None
        if path is not None:
            if self.document.load(str(path)) == QPdfDocument.Error.None_:
                self._path, self._save_name = Path(path), save_name
            else:
                self.document.close()
        self._update()
        if self._path is not None:
            self.go_to(0)
        return self._path is not None

    def path(self) -> Path | None:
        return self._path

    def page_count(self) -> int:
        return self.document.pageCount() if self._path is not None else 0

    def current_page(self) -> int:
        return self.view.pageNavigator().currentPage()

    def go_to(self, page: int) -> None:
        if not self.page_count():
            return
        page = max(0, min(page, self.page_count() - 1))
        if page != self.current_page():
            from PySide6.QtCore import QPointF

            self.view.pageNavigator().jump(page, QPointF(), self.view.pageNavigator().currentZoom())
        self._page_changed(page)

    def _page_changed(self, page: int) -> None:
        n = self.page_count()
        self.page_box.blockSignals(True)
        self.page_box.setMaximum(max(1, n))
        self.page_box.setValue(page + 1)
        self.page_box.blockSignals(False)
        self.previous_button.setEnabled(page > 0)
        self.next_button.setEnabled(page < n - 1)

    def zoom_step(self, direction: int) -> None:
        from PySide6.QtPdfWidgets import QPdfView

        current = self.view.zoomFactor()
        if direction > 0:
            factor = next((z for z in ZOOM_STEPS if z > current + 1e-3), ZOOM_STEPS[-1])
        else:
            factor = next((z for z in reversed(ZOOM_STEPS) if z < current - 1e-3), ZOOM_STEPS[0])
        self.view.setZoomMode(QPdfView.ZoomMode.Custom)
        self.view.setZoomFactor(factor)

    def _zoom_changed(self, *_args) -> None:
        from PySide6.QtPdfWidgets import QPdfView

        if self.view.zoomMode() == QPdfView.ZoomMode.Custom:
            self.zoom_label.setText(f"{round(self.view.zoomFactor() * 100)} %")
        else:
            self.zoom_label.setText("")

    def _update(self) -> None:
        has = self._path is not None
        n = self.page_count()
        self.view.setVisible(has)
        self.empty_label.setVisible(not has)
        self.page_count_label.setText(
            QCoreApplication.translate("LetterPreview", "of {n}").format(n=n) if has else ""
        )
        for w in (
            self.page_box,
            self.zoom_in_button,
            self.zoom_out_button,
            self.fit_width_button,
            self.fit_page_button,
            self.print_button,
            self.save_button,
        ):
            w.setEnabled(has)
        self._page_changed(0)
        self._zoom_changed()

    def set_empty_text(self, text: str) -> None:
        self.empty_label.setText(text)

    # ----- print ---------------------------------------------------------------------------------------------
    def print_dialog(self) -> None:
        """The Qt print dialog (pages, copies, printer), then the pages in the background."""
        if self._path is None:
            return
        from PySide6.QtPrintSupport import QAbstractPrintDialog, QPrintDialog

        printer = make_printer()
        dialog = QPrintDialog(printer, self)
        dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintPageRange, True)
        dialog.setMinMax(1, self.page_count())
        dialog.setFromTo(1, self.page_count())
        if dialog.exec() != QPrintDialog.DialogCode.Accepted:
            return
        first, last = printer.fromPage(), printer.toPage()
        self.print_to(printer, (first - 1) if first else 0, (last - 1) if last else None)

    def print_to(self, printer, first_page: int = 0, last_page: int | None = None):
        """Send the pages to ``printer`` (from the dialog, or a PDF printer in tests) in the background with a
        progress dialog and Cancel. Returns the task."""
        path = self._path
        total = (last_page if last_page is not None else self.page_count() - 1) - first_page + 1
        progress = QProgressDialog(
            QCoreApplication.translate("LetterPreview", "Printing…"),
            QCoreApplication.translate("LetterPreview", "Cancel"),
            0,
            max(1, total),
            self,
        )
        progress.setObjectName("printProgress")
        progress.setWindowTitle(QCoreApplication.translate("LetterPreview", "Print"))
        progress.setMinimumDuration(500)
        progress.setWindowModality(Qt.WindowModality.WindowModal)

        def work(context):
            return print_pdf(
                path, printer, first_page, last_page, context.progress, lambda: context.cancelled
            )

        def done(pages: int) -> None:
            progress.close()
            progress.deleteLater()
            self.printed.emit(pages)

        def failed(exc: BaseException) -> None:
            progress.close()
            progress.deleteLater()
            if not isinstance(exc, PrintCancelled):
                show_error(self, exc)

        task = self.runner.submit(
            work,
            on_done=done,
            on_error=failed,
            on_progress=lambda d, _t_: progress.setValue(d),
            with_context=True,
        )
        progress.canceled.connect(task.context.cancel)
        self._printer = printer  # the worker paints on it: keep it alive until the task ends
        return task

    # ----- save ------------------------------------------------------------------------------------------------
    def save_dialog(self) -> None:
        if self._path is None:
            return
        folder = QFileDialog.getExistingDirectory(
            self,
            QCoreApplication.translate("LetterPreview", "Save the letters to a folder"),
            default_folder(),
        )
        if folder:
            self.save_to(folder)

    def save_to(self, folder: str | Path) -> None:
        source, name = self._path, self._save_name

        def done(path: Path) -> None:
            self.saved.emit(str(path))

        self.runner.submit(
            save_copy, source, folder, name, on_done=done, on_error=lambda e: show_error(self, e)
        )


__all__ = ["PRINT_DPI", "PdfPreview", "PrintCancelled", "make_printer", "print_pdf", "save_copy"]
