"""The letter preview (QtPdf) and the print path: pages, navigation, zoom, printing at about 300 dpi (never
the printer's 1200 dpi), Cancel while printing, Save to a folder without overwriting."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader

from hqdesk.ui.tasks import InlineTaskRunner
from hqdesk.ui.views.letters_preview import (
    PRINT_DPI,
    PdfPreview,
    PrintCancelled,
    make_printer,
    print_pdf,
    save_copy,
)


def three_pages(path: Path) -> Path:
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path))
    for i in range(3):
        c.setFont("Helvetica", 24)
        c.drawString(100, 700, f"Letter page {i + 1}")
        c.showPage()
    c.save()
    return path


@pytest.fixture
def preview(qtbot):
    widget = PdfPreview(InlineTaskRunner())
    qtbot.addWidget(widget)
    widget.resize(900, 700)
    widget.show()
    return widget


def test_preview_shows_the_pages_and_navigates(preview, tmp_path):
    assert not preview.print_button.isEnabled() and preview.page_count() == 0
    assert preview.show_file(three_pages(tmp_path / "a.pdf"))
    assert preview.page_count() == 3
    assert preview.page_count_label.text() == "of 3"
    assert preview.print_button.isEnabled() and preview.save_button.isEnabled()
    assert not preview.previous_button.isEnabled()
    preview.next_button.click()
    assert preview.current_page() == 1 and preview.page_box.value() == 2
    preview.page_box.setValue(3)
    assert preview.current_page() == 2 and not preview.next_button.isEnabled()
    preview.zoom_step(+1)
    first = preview.view.zoomFactor()
    preview.zoom_step(+1)
    assert preview.view.zoomFactor() > first
    assert preview.zoom_label.text() == f"{round(preview.view.zoomFactor() * 100)} %"


def test_a_file_that_is_no_pdf_shows_nothing(preview, tmp_path):
    bad = tmp_path / "bad.pdf"
    bad.write_bytes(b"not a pdf")
    assert not preview.show_file(bad)
    assert preview.page_count() == 0 and not preview.print_button.isEnabled()
    assert preview.empty_label.isVisibleTo(preview)


def test_print_renders_every_page_at_300_dpi(tmp_path):
    source = three_pages(tmp_path / "a.pdf")
    out = tmp_path / "printed.pdf"
    printer = make_printer(str(out))
    printer.setResolution(1200)  # what a print dialog may leave for a photo printer: the path resets it
    seen = []
    assert print_pdf(source, printer, progress=lambda d, t: seen.append((d, t))) == 3
    assert printer.resolution() == PRINT_DPI == 300
    assert seen == [(1, 3), (2, 3), (3, 3)]
    pages = PdfReader(out).pages
    assert len(pages) == 3
    # each page is one image of A4 at 300 dpi (2480 x 3508 pixels), not 1200 dpi (9921 x 14031)
    images = pages[0].images
    assert len(images) == 1
    width, height = images[0].image.size
    assert abs(width - 2480) <= 2 and abs(height - 3508) <= 2


def test_print_a_page_range_and_cancel(tmp_path):
    source = three_pages(tmp_path / "a.pdf")
    printer = make_printer(str(tmp_path / "range.pdf"))
    assert print_pdf(source, printer, 1, 1) == 1
    assert len(PdfReader(tmp_path / "range.pdf").pages) == 1
    done = []
    with pytest.raises(PrintCancelled):
        print_pdf(
            source,
            make_printer(str(tmp_path / "cancelled.pdf")),
            progress=lambda d, t: done.append(d),
            cancelled=lambda: len(done) >= 1,
        )
    assert done == [1]  # stopped after the first page


def test_print_from_the_preview_through_the_runner(qtbot, preview, tmp_path):
    preview.show_file(three_pages(tmp_path / "a.pdf"))
    out = tmp_path / "from_preview.pdf"
    with qtbot.waitSignal(preview.printed) as signal:
        preview.print_to(make_printer(str(out)))
    assert signal.args == [3]
    assert len(PdfReader(out).pages) == 3


def test_save_to_folder_never_overwrites(qtbot, preview, tmp_path):
    preview.show_file(three_pages(tmp_path / "a.pdf"), save_name="letters.pdf")
    folder = tmp_path / "out"
    with qtbot.waitSignal(preview.saved) as first:
        preview.save_to(folder)
    with qtbot.waitSignal(preview.saved) as second:
        preview.save_to(folder)
    assert Path(first.args[0]).name == "letters.pdf"
    assert Path(second.args[0]).name == "letters (2).pdf"
    assert Path(second.args[0]).read_bytes() == (tmp_path / "a.pdf").read_bytes()
    assert save_copy(tmp_path / "a.pdf", folder).name == "a.pdf"
