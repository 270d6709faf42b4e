"""The batch runner: many letters into one combined PDF, one PDF per letter in a folder, or both.

It knows nothing of the database: the caller (the Letters page, ``hqdesk-admin letters``) passes the letters
(``LetterService.recipients``), a progress callback ``(done, total)``, a cancel token
(``domain.cancel.Cancellation``) and a recorder (``lambda batch, items: services.letters.record_batch(actor, batch, items)``)
that records the whole batch in the history in one transaction; only then are the files put in place.
``generate`` does all of it; ``run_batch`` is the rendering step alone.

- Memory stays flat: each letter is rendered on its own and its PDF spooled to a temporary folder at once; the
  combined PDF is assembled from the spooled files at the end, page by page, into a temporary file.
- Nothing half-written: the outputs are written under temporary names next to their targets and renamed into
  place by ``publish()``; a cancel (checked before each letter) or a failure removes everything
  (``discard()``), so neither a partial PDF nor a partial history is left.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from hqdesk.domain.cancel import Cancellation
from hqdesk.domain.errors import EXIT_FAILED, HqdeskError
from hqdesk.domain.i18n import QT_TRANSLATE_NOOP
from hqdesk.letters.render import RenderedLetter, render_letter
from hqdesk.services.letter_dto import BatchResult, LetterData, SpooledLetter

Progress = Callable[[int, int], None]


class BatchCancelled(HqdeskError):
    exit_code = EXIT_FAILED
    message = QT_TRANSLATE_NOOP(
        "Errors", "The letters were cancelled after {done} of {total}. Nothing was written or recorded."
    )


@dataclass
class BatchOutput:
    """What a batch produced, not yet visible under its final names (``publish()``) or thrown away
    (``discard()``). Use it as a context manager: leaving the block without ``publish()`` discards."""

    letters: list[SpooledLetter]
    combined: Path | None
    files: list[Path]
    spool: Path
    _pending: list[tuple[Path, Path]] = field(default_factory=list)  # (temporary, final)
    published: bool = False

    @property
    def pages(self) -> int:
        return sum(x.pages for x in self.letters)

    def publish(self) -> None:
        for temporary, final in self._pending:
            os.replace(temporary, final)
        self._pending.clear()
        self.published = True
        shutil.rmtree(self.spool, ignore_errors=True)

    def discard(self) -> None:
        for temporary, _ in self._pending:
            temporary.unlink(missing_ok=True)
        self._pending.clear()
        shutil.rmtree(self.spool, ignore_errors=True)

    def __enter__(self) -> BatchOutput:
        return self

    def __exit__(self, *exc) -> None:
        if not self.published:
            self.discard()


def _temporary_next_to(final: Path) -> Path:
    fd, name = tempfile.mkstemp(prefix=f".{final.stem}.", suffix=".part", dir=final.parent)
    os.close(fd)
    return Path(name)


def _unique_names(letters: Sequence[SpooledLetter]) -> list[str]:
    seen: dict[str, int] = {}
    names = []
    for x in letters:
        stem = "".join(c if c.isalnum() or c in "-_" else "_" for c in x.data.file_stem)
        n = seen.get(stem, 0)
        seen[stem] = n + 1
        names.append(f"{stem}.pdf" if n == 0 else f"{stem}_{n + 1}.pdf")
    return names


def combine(paths: Sequence[Path], target: Path) -> None:
    """Concatenate PDFs into ``target`` (pypdf; one input file open at a time)."""
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    for path in paths:
        writer.append(PdfReader(path))
    with open(target, "wb") as out:
        writer.write(out)


def run_batch(
    letters: Sequence[LetterData],
    *,
    combined: Path | None = None,
    folder: Path | None = None,
    progress: Progress | None = None,
    cancel: Cancellation | None = None,
    render: Callable[[LetterData], RenderedLetter] = render_letter,
) -> BatchOutput:
    """Render ``letters`` (in order) and write the combined PDF and/or one file per letter in ``folder``
    (named ``CODE_template_as-of.pdf``), under temporary names until ``publish()``. Raises BatchCancelled
    when ``cancel`` is set between two letters, and whatever rendering raises (LetterTemplateError,
    MissingGlyph); nothing is left behind then."""
    total = len(letters)
    spool = Path(tempfile.mkdtemp(prefix="hqdesk-letters-"))
    out = BatchOutput([], None, [], spool)
    try:
        for i, letter in enumerate(letters):
            if cancel is not None and cancel.cancelled:
                raise BatchCancelled(done=i, total=total)
            rendered = render(letter)
            path = spool / f"{i:06d}.pdf"
            path.write_bytes(rendered.pdf)
            out.letters.append(
                SpooledLetter(
                    letter, path, hashlib.sha256(rendered.pdf).hexdigest(), rendered.pages, rendered.subject
                )
            )
            if progress is not None:
                progress(i + 1, total)
        if cancel is not None and cancel.cancelled:
            raise BatchCancelled(done=total, total=total)
        if folder is not None:
            folder.mkdir(parents=True, exist_ok=True)
            for x, name in zip(out.letters, _unique_names(out.letters), strict=True):
                final = folder / name
                temporary = _temporary_next_to(final)
                shutil.copyfile(x.path, temporary)
                out._pending.append((temporary, final))
                out.files.append(final)
        if combined is not None:
            temporary = _temporary_next_to(combined)
            out._pending.append((temporary, combined))
            combine([x.path for x in out.letters], temporary)
            out.combined = combined
        return out
    except BaseException:
        out.discard()
        raise


Recorder = Callable[[str, Sequence[SpooledLetter]], Sequence[int]]
"""(batch id, the letters) -> the history ids: ``lambda b, items: services.letters.record_batch(actor, b, items)``"""


def generate(
    letters: Sequence[LetterData],
    recorder: Recorder | None,
    *,
    combined: Path | None = None,
    folder: Path | None = None,
    progress: Progress | None = None,
    cancel: Cancellation | None = None,
    render: Callable[[LetterData], RenderedLetter] = render_letter,
) -> BatchResult:
    """Render, record (``recorder``: the history, one transaction; None records nothing, e.g. a preview
    batch), then put the files in place. Cancelled (checked between letters and once more before recording)
    or failing anywhere: no file, no history row."""
    with run_batch(
        letters, combined=combined, folder=folder, progress=progress, cancel=cancel, render=render
    ) as out:
        if cancel is not None and cancel.cancelled:
            raise BatchCancelled(done=len(out.letters), total=len(letters))
        batch_id = str(uuid.uuid4())
        ids = tuple(recorder(batch_id, out.letters)) if recorder is not None else ()
        out.publish()
        return BatchResult(batch_id, len(out.letters), out.pages, out.combined, tuple(out.files), ids)


__all__ = ["generate", "run_batch", "BatchOutput", "BatchCancelled", "combine", "Progress", "Recorder"]
