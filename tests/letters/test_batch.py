"""The batch runner: combined and separate output, progress, rendering in worker processes (same bytes, same
order, errors with their parameters), and nothing left behind on cancel or failure."""

from __future__ import annotations

import dataclasses
import re

import pytest
from pypdf import PdfReader
from test_render import letter, text_of

from hqdesk.domain.cancel import Cancellation
from hqdesk.domain.letter_templates import LetterTemplateError
from hqdesk.letters.batch import BatchCancelled, generate
from hqdesk.letters.render import render_letter


def letters(n: int):
    return [
        dataclasses.replace(letter(), franchisee_id=i + 1, franchisee_code=f"F{i + 1:04d}") for i in range(n)
    ]


def test_processes_render_the_same_bytes_in_the_same_order(tmp_path):
    batch = letters(4)
    seen = []
    result = generate(
        batch,
        lambda batch_id, items: [seen.append((batch_id, x.sha256)) or i for i, x in enumerate(items)],
        combined=tmp_path / "all.pdf",
        folder=tmp_path / "each",
        progress=lambda done, total: None,
        workers=2,
    )
    assert result.letters == 4 and result.history_ids == (0, 1, 2, 3)
    assert [f.read_bytes() for f in result.files] == [render_letter(x).pdf for x in batch]
    assert [f.name for f in result.files] == [f"F{i:04d}_festival_2026-11-23.pdf" for i in range(1, 5)]
    assert len(PdfReader(tmp_path / "all.pdf").pages) == 4
    assert "尊敬的王先生" in text_of((tmp_path / "all.pdf").read_bytes())
    assert {b for b, _ in seen} == {result.batch_id}


def test_an_error_in_a_worker_process_arrives_whole_and_nothing_is_written(tmp_path):
    batch = letters(3)
    batch[1] = dataclasses.replace(batch[1], body_source="好\n\n{{ contact.nobody }}")
    recorded = []
    with pytest.raises(LetterTemplateError) as info:
        generate(batch, lambda b, items: recorded.append(items), combined=tmp_path / "x.pdf", workers=2)
    assert info.value.params["line"] == 3 and not recorded
    assert list(tmp_path.iterdir()) == []


def test_cancel_between_letters(tmp_path):
    token = Cancellation()
    progress = []

    def on_progress(done, total):
        progress.append(done)
        if done == 1:
            token.cancel()

    with pytest.raises(BatchCancelled) as info:
        generate(
            letters(5),
            lambda b, items: pytest.fail("recorded"),
            combined=tmp_path / "x.pdf",
            progress=on_progress,
            cancel=token,
            workers=1,
        )
    assert progress == [1] and info.value.params == {"done": 1, "total": 5}
    assert list(tmp_path.iterdir()) == []


def test_the_combined_pdf_holds_every_page_of_every_letter_in_order(tmp_path):
    from hqdesk.letters.concat import concatenate

    assert concatenate(_parts(tmp_path), tmp_path / "all.pdf") == 3
    pages = PdfReader(tmp_path / "all.pdf").pages
    assert "春节" in pages[0].extract_text() and "对账单" in pages[1].extract_text()
    assert "Happy birthday" in pages[2].extract_text()


def _parts(tmp_path):
    statement = letter("statement", ledger=(), period_from=None)
    parts = []
    for i, x in enumerate([letter(), statement, letter("birthday", "en")]):
        path = tmp_path / f"{i}.pdf"
        path.write_bytes(render_letter(x).pdf)
        parts.append(path)
    return parts


def test_reportlab_letters_are_copied_byte_for_byte_without_pypdf_parsing_them(tmp_path, monkeypatch):
    """The fast path: ReportLab's classic xref table is read and each object copied with its references
    renumbered; the result is a valid PDF (pypdf strict, poppler) with the same pages and fonts embedded."""
    import shutil
    import subprocess

    import pypdf

    from hqdesk.letters.concat import concatenate

    parts = _parts(tmp_path)

    def no_pypdf(*_a, **_k):
        raise AssertionError("pypdf parsed an input the raw copy should take")

    monkeypatch.setattr(pypdf, "PdfReader", no_pypdf)
    assert concatenate(parts, tmp_path / "all.pdf") == 3
    monkeypatch.undo()
    reader = PdfReader(tmp_path / "all.pdf", strict=True)
    texts = [page.extract_text() for page in reader.pages]
    assert "春节" in texts[0] and "对账单" in texts[1] and "Happy birthday" in texts[2]
    assert [p.indirect_reference.idnum for p in reader.pages] == sorted(
        {p.indirect_reference.idnum for p in reader.pages}
    )
    if shutil.which("pdfinfo"):
        run = subprocess.run(["pdfinfo", str(tmp_path / "all.pdf")], capture_output=True, text=True)
        assert run.returncode == 0 and re.search(r"^Pages:\s+3$", run.stdout, re.M) and not run.stderr
        fonts = subprocess.run(["pdffonts", str(tmp_path / "all.pdf")], capture_output=True, text=True).stdout
        assert "WenQuanYi" in fonts and all(" yes " in line for line in fonts.splitlines()[2:])


def test_an_input_the_raw_copy_does_not_understand_goes_through_pypdf(tmp_path):
    """A PDF whose startxref does not point at an xref table (e.g. an xref stream, or a damaged offset that
    pypdf repairs) is copied through pypdf, in its place among the others."""
    from hqdesk.letters.concat import _NotRaw, _raw_objects, concatenate

    parts = _parts(tmp_path)
    data = parts[1].read_bytes()
    cut = data.rindex(b"startxref")
    odd = data[:cut] + b"startxref\n12\n%%EOF\n"
    with pytest.raises(_NotRaw):
        _raw_objects(odd)
    parts[1].write_bytes(odd)
    assert concatenate(parts, tmp_path / "all.pdf") == 3
    pages = PdfReader(tmp_path / "all.pdf", strict=True).pages
    assert "春节" in pages[0].extract_text() and "对账单" in pages[1].extract_text()
    assert "Happy birthday" in pages[2].extract_text()
