"""Reading a CSV or XLSX file into rows of cells, for any import (franchisees today, the ERP ledger later).

- CSV: strictly UTF-8 with or without BOM, else GB18030 (which covers the GBK that Chinese Excel writes for
  "CSV (逗号分隔)"); UTF-16 with a BOM is read as such.
- XLSX/XLSM: openpyxl, first worksheet, cached values. Rows are placed by the row number stored with each
  row (``<row r="7">``), not by the order they appear in, so a sheet whose rows are stored out of order loses
  none; every row read is counted against the rows placed, and a row number stored twice is refused.

Whatever a damaged file makes the parsers raise (a broken archive, a corrupt deflate stream, bad XML, an
unknown encoding declared in the XML, a missing part...) comes back as a ``Refused`` naming the file and,
where there is one, the row: never a traceback. The details go to the log.
"""

from __future__ import annotations

import codecs
import csv
import itertools
import logging
import re
import sys
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from hqdesk.domain.i18n import QT_TRANSLATE_NOOP
from hqdesk.services.imports.problems import ImportProblem, Refused

log = logging.getLogger(__name__)

SUFFIXES = (".csv", ".xlsx", ".xlsm")
MAX_CELL_CHARS = 131_072
"""The longest cell accepted (Python's csv default; Excel's own limit is 32,767): longer means a broken file."""
MAX_COLUMNS = 16_384  # Excel's last column, XFD
SHARED_CHARS = 12  # cells this short that repeat are kept once (CSV; XLSX shares its strings itself)

_csv_limit = threading.Lock()


@dataclass
class Table:
    """The file's rows as (row number as Excel shows it, cells), in row order, header first."""

    file: str
    rows: list[tuple[int, list[Any]]]
    formulas: set[tuple[int, int]] = field(default_factory=set)  # (row, column index) with no saved result


def blank(cell: Any) -> bool:
    return cell is None or (isinstance(cell, str) and not cell.strip())


def letter(index: int) -> str:
    """The spreadsheet letter of the 0-based column ``index``: 0 -> A, 26 -> AA."""
    name = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        name = chr(65 + rest) + name
    return name


def _refused(message: str, **params: Any) -> Refused:
    return Refused(ImportProblem(None, None, message, params))


UNREADABLE_WORKBOOK = QT_TRANSLATE_NOOP(
    "Import",
    "{file} is not a workbook that can be read ({detail}). Open it in Excel and save it again as .xlsx.",
)


# ----- CSV -------------------------------------------------------------------------------------------------


def _decode(raw: bytes, name: str) -> str:
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return raw.decode("utf-16")
        except UnicodeDecodeError:
            pass
    else:
        for encoding in ("utf-8-sig", "gb18030"):
            try:
                return raw.decode(encoding)
            except UnicodeDecodeError:
                continue
    raise _not_text(name)


def _not_text(name: str) -> Refused:
    return _refused(
        QT_TRANSLATE_NOOP(
            "Import",
            '{file} is neither UTF-8 nor GBK/GB18030 text. In Excel, save it as "CSV UTF-8" or '
            '"CSV (逗号分隔)".',
        ),
        file=name,
    )


_LINE = re.compile(r"[^\r\n]*(?:\r\n?|\n)|[^\r\n]+$")


def _lines(text: str):
    """The lines of ``text`` as ``io.StringIO(text, newline="")`` gives them (ends kept; \\r\\n, \\r and \\n
    end a line), one at a time: StringIO would hold a second, four-bytes-a-character copy of the file."""
    for match in _LINE.finditer(text):
        yield match.group()


def read_csv(path: Path) -> Table:
    text = _decode(path.read_bytes(), path.name)
    rows: list[tuple[int, list[Any]]] = []
    # The limit is the module's, for every thread: raised only while this file is read, under a lock; cells
    # over MAX_CELL_CHARS are then refused below with their row and column instead of "field larger than".
    with _csv_limit:
        before = csv.field_size_limit(sys.maxsize)
        try:
            # A CSV record is one Excel row even when a quoted cell holds line breaks. The short texts that
            # repeat down a file (cities, tiers, statuses, dates) are kept once: a sixth less memory.
            shared: dict[str, str] = {}
            share = shared.setdefault
            for number, cells in enumerate(csv.reader(_lines(text)), start=1):
                rows.append((number, [share(c, c) if len(c) <= SHARED_CHARS else c for c in cells]))
            del shared
        except csv.Error as exc:
            raise _refused(
                QT_TRANSLATE_NOOP("Import", "{file} is not valid CSV after row {row}: {detail}"),
                file=path.name,
                row=len(rows),
                detail=str(exc),
            ) from None
        finally:
            csv.field_size_limit(before)
    return Table(path.name, rows)


# ----- XLSX ------------------------------------------------------------------------------------------------


class _Unsupported(Exception):
    """Something the fast sheet parser does not read itself: openpyxl's parser reads the file instead."""


_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_ROW, _CELL, _VALUE, _FORMULA, _INLINE, _TEXT, _PHONETIC, _SHEET_DATA = (
    _MAIN + name for name in ("row", "c", "v", "f", "is", "t", "rPh", "sheetData")
)


def _column(reference: str) -> int:
    """The 1-based column of a cell reference such as ``AB12``."""
    number = 0
    for ch in reference:
        if "A" <= ch <= "Z":
            number = number * 26 + ord(ch) - 64
        elif ch.isdigit():
            break
        else:
            raise _Unsupported(reference)
    if not number:
        raise _Unsupported(reference)
    return number


def _fast_rows(source, strings, date_styles, timedelta_styles, epoch):
    """({row number: cells}, formulas without a saved result) of a worksheet's XML, read in one pass with
    expat: the values openpyxl's read-only parser gives with ``data_only=True`` (the differential tests
    compare both), at a fifth of its cost. Raises _Unsupported for what it leaves to openpyxl: a row or cell
    without its reference, a row stored twice, a DTD, a sheet in another namespace, a date out of range."""
    from xml.parsers import expat

    from openpyxl.utils.datetime import from_excel, from_ISO8601

    rows: dict[int, list[Any]] = {}
    formulas: set[tuple[int, int]] = set()
    parser = expat.ParserCreate(namespace_separator="}")
    parser.buffer_text = True
    state: dict[str, Any] = {"row": 0, "cells": None, "sheet": False}
    text: list[str] = []
    collecting = [False]
    cell: list[Any] = [
        0,
        "n",
        0,
        False,
        False,
        0,
    ]  # column, type, style, has formula, has value, phonetic depth

    def start(name, attrs):
        if name == _CELL:
            reference = attrs.get("r")
            if not reference:
                raise _Unsupported("cell without reference")
            style = attrs.get("s")
            cell[0] = _column(reference)
            cell[1] = attrs.get("t", "n")
            cell[2] = int(style) if style else 0
            cell[3] = cell[4] = False
            text.clear()
        elif name == _VALUE:
            if cell[1] != "inlineStr":
                text.clear()
                collecting[0] = cell[4] = True
        elif name == _TEXT:
            if cell[1] == "inlineStr" and not cell[5]:
                collecting[0] = cell[4] = True
        elif name == _PHONETIC:
            cell[5] += 1
        elif name == _INLINE:
            cell[4] = True  # an inline string, even an empty one, is text ("")
        elif name == _FORMULA:
            cell[3] = True
        elif name == _ROW:
            number = attrs.get("r")
            if not number:
                raise _Unsupported("row without number")
            state["row"] = int(number)
            state["cells"] = []
        elif name == _SHEET_DATA:
            state["sheet"] = True

    def end(name):
        if name == _VALUE or name == _TEXT:
            collecting[0] = False
        elif name == _PHONETIC:
            cell[5] -= 1
        elif name == _CELL:
            kind = cell[1]
            raw = "".join(text) if cell[4] else None
            if kind == "inlineStr":
                value = raw if raw is not None else None
            elif not raw:
                value = None
            elif kind == "n":
                value = float(raw) if ("." in raw or "E" in raw or "e" in raw) else int(raw)
                if cell[2] in date_styles:
                    try:
                        value = from_excel(value, epoch, timedelta=cell[2] in timedelta_styles)
                    except (OverflowError, ValueError):
                        raise _Unsupported("date out of range") from None
            elif kind == "s":
                value = strings[int(raw)]
            elif kind == "b":
                value = bool(int(raw))
            elif kind == "d":
                value = from_ISO8601(raw)
            else:  # "str" (a formula's text), "e" (an error such as #N/A)
                value = raw
            if value is None and cell[3]:
                formulas.add((state["row"], cell[0] - 1))
            state["cells"].append((cell[0], value))
        elif name == _ROW:
            number = state["row"]
            if number in rows:
                raise _Unsupported("row stored twice")
            cells = state["cells"]
            width = max((c for c, _v in cells), default=0)
            if width > MAX_COLUMNS:
                raise _Unsupported("too wide")
            values: list[Any] = [None] * width
            for column, value in cells:
                values[column - 1] = value
            rows[number] = values

    def characters(data):
        if collecting[0]:
            text.append(data)

    def doctype(*_args):
        raise _Unsupported("DTD")

    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = characters
    parser.StartDoctypeDeclHandler = doctype
    try:
        parser.ParseFile(source)
    except _Unsupported:
        raise
    except Exception as exc:  # expat's own errors, a bad index into the strings...: openpyxl says what it is
        raise _Unsupported(str(exc)) from exc
    if not state["sheet"]:
        raise _Unsupported("no sheetData in the main namespace")
    return rows, formulas


_ROW_RE = re.compile(r'<row r="(\d+)"[^>]*?(?:/>|>(.*?)</row>)', re.S)
_ROW_HEAD = re.compile(r'<row r="(\d+)"[^>]*?(/?)>')


def _row_pieces(chunk: str):
    """(row number text, content) of each row of ``chunk``, as ``_ROW_RE.finditer`` finds them, four times as
    fast: the text is cut at each ``</row>`` (an open row's content runs to the cut), not scanned lazily for it.
    An open row without its ``</row>`` is not given (the caller's count of ``<row`` tags then refuses it)."""
    pieces = chunk.split("</row>")
    last = len(pieces) - 1
    for index, piece in enumerate(pieces):
        heads = list(_ROW_HEAD.finditer(piece))
        for position, head in enumerate(heads):
            if head[2]:  # <row .../>
                yield head[1], None
            elif position == len(heads) - 1 and index < last:
                yield head[1], piece[head.end() :]
            # else: an open row followed by another row, or never closed: not a row the patterns read


_CELL_RE = re.compile(
    r'<c r="([A-Z]{1,3})(\d+)"(?: s="(\d+)")?(?: t="(\w+)")?(?: s="(\d+)")?'
    r'(?:/>|>(?:<v>([^<]*)</v>|<is><t(?: xml:space="preserve")?>([^<]*)</t></is>)</c>)'
)
_ENTITY_RE = re.compile(r"&(#[0-9]+|#x[0-9a-fA-F]+|amp|lt|gt|quot|apos);")
_ENTITIES = {"amp": "&", "lt": "<", "gt": ">", "quot": '"', "apos": "'"}
_CHUNK = 1 << 20
_LETTERS = [chr(65 + i) for i in range(26)] + [
    chr(65 + i) + chr(65 + j) for i in range(26) for j in range(26)
]


def _entity(match: re.Match) -> str:
    name = match[1]
    if name[0] == "#":
        return chr(int(name[2:], 16) if name[1] == "x" else int(name[1:]))
    return _ENTITIES[name]


def _xml_text(raw: str) -> str:
    """Character data as an XML parser delivers it: line ends normalised, references replaced."""
    if "\r" in raw:
        raw = raw.replace("\r\n", "\n").replace("\r", "\n")
    if "&" in raw:
        if "&" in _ENTITY_RE.sub("", raw):
            raise _Unsupported("unknown entity")
        raw = _ENTITY_RE.sub(_entity, raw)
    return raw


def _pattern_rows(source, strings, date_styles, timedelta_styles, epoch):
    """The same as ``_fast_rows`` for the plain sheets Excel, WPS and openpyxl write (each cell one
    ``<c r="A1" s=".." t="..">`` element holding a ``<v>`` value or a plain inline string), read a megabyte at
    a time with regular expressions: about three times as fast as expat calling Python for every element.
    Anything else (formulas, rich text, a DTD, CDATA, comments, prefixed tags, other attributes or their
    order, a cell whose reference names another row) raises _Unsupported: ``_fast_rows`` reads the sheet."""
    rows: dict[int, list[Any]] = {}
    for number, values in _pattern_iter(source, strings, date_styles, timedelta_styles, epoch, ordered=False):
        if number in rows:
            raise _Unsupported("row stored twice")
        rows[number] = values
    return rows, set()  # no formula is read here


def _pattern_iter(
    source, strings, date_styles, timedelta_styles, epoch, *, ordered: bool, long_cells: list | None = None
):
    """(row number, cells) of ``_pattern_rows``, one row at a time as the sheet stores them; ``ordered``: a row
    whose number is not above the one before raises _Unsupported (a reader of the stream cannot sort).
    ``long_cells``: gets (row, column index, length) of each text over MAX_CELL_CHARS."""
    import codecs

    from openpyxl.utils.datetime import from_excel, from_ISO8601

    decoder = codecs.getincrementaldecoder("utf-8")()
    columns: dict[str, int] = {}
    shared: dict[str, str] = {}
    share = shared.setdefault
    head = True
    buffer = ""
    last = [0]
    long_strings = (  # the shared strings over MAX_CELL_CHARS, by their index as the sheet writes it
        {str(i) for i, t in enumerate(strings) if isinstance(t, str) and len(t) > MAX_CELL_CHARS}
        if long_cells is not None
        else set()
    )

    def rows_of(chunk: str) -> list[tuple[int, list[Any]]]:
        if "<!" in chunk:  # CDATA, a comment
            raise _Unsupported("markup the patterns do not read")
        found = 0
        rows: list[tuple[int, list[Any]]] = []
        plain = "&" not in chunk and "\r" not in chunk  # no reference or line end to normalise
        for number_text, content in _row_pieces(chunk):
            found += 1
            number = int(number_text)
            if ordered and number <= last[0]:
                raise _Unsupported("rows out of order")
            last[0] = number
            if not content:
                rows.append((number, []))
                continue
            cells = _CELL_RE.findall(content)
            opened = content.count("<c ")
            if len(cells) != opened:
                raise _Unsupported("cell content")
            # every tag of the row is one the patterns consumed: <c .../>, or <c>, <v>, </v>, </c>, or <c>,
            # <is>, <t>, </t>, </is>, </c> (a formula, rich text or anything else adds tags: not read here)
            tags = content.count("<")
            inline = plain and tags == 6 * opened and content.count('t="inlineStr"') == opened
            if not inline and tags != opened + 3 * content.count("<v>") + 5 * content.count("<is>"):
                raise _Unsupported("cell content")
            if inline:
                # the common row of a program-written sheet: only plain inline texts, in columns A, B, C...
                texts = [c[6] for c in cells]
                if (
                    [c[0] for c in cells] == _LETTERS[: len(cells)]
                    and {c[1] for c in cells} == {number_text}
                    and max(map(len, texts)) <= MAX_CELL_CHARS
                ):
                    rows.append((number, [share(t, t) if len(t) <= SHARED_CHARS else t for t in texts]))
                    continue
            values: list[Any] = []  # placed as they come: Excel writes a row's cells left to right
            for letters, row_text, style1, kind, style2, raw, inline in cells:
                if row_text != number_text:
                    raise _Unsupported("cell of another row")
                column = columns.get(letters)
                if column is None:
                    column = columns[letters] = _column(letters)
                    if column > MAX_COLUMNS:
                        raise _Unsupported("too wide")
                if kind == "inlineStr":
                    value = _xml_text(inline) if ("&" in inline or "\r" in inline) else inline
                    if len(value) <= SHARED_CHARS:  # repeated short texts kept once, as in a CSV
                        value = share(value, value)
                    elif long_cells is not None and len(value) > MAX_CELL_CHARS:
                        long_cells.append((number, column - 1, len(value)))
                elif not raw:
                    value = None
                elif kind == "s":
                    value = strings[int(raw)]
                    if long_strings and raw in long_strings:
                        long_cells.append((number, column - 1, len(value)))
                elif not kind or kind == "n":
                    value = float(raw) if ("." in raw or "E" in raw or "e" in raw) else int(raw)
                    style = int(style1 or style2 or 0)
                    if style in date_styles:
                        try:
                            value = from_excel(value, epoch, timedelta=style in timedelta_styles)
                        except (OverflowError, ValueError):
                            raise _Unsupported("date out of range") from None
                elif kind == "b":
                    value = bool(int(raw))
                elif kind == "d":
                    value = from_ISO8601(_xml_text(raw))
                else:  # "str", "e"
                    value = _xml_text(raw)
                    if long_cells is not None and len(value) > MAX_CELL_CHARS:
                        long_cells.append((number, column - 1, len(value)))
                filled = len(values)
                if column == filled + 1:
                    values.append(value)
                elif column > filled:
                    values.extend([None] * (column - 1 - filled))
                    values.append(value)
                else:  # a cell left of one before: placed where it belongs (the later one wins, as openpyxl)
                    values[column - 1] = value
            if not values:
                raise _Unsupported("a row without cells")
            rows.append((number, values))
        if found != chunk.count("<row"):
            raise _Unsupported("row attributes")
        if len(shared) > _SHARED_MAX:  # short texts that do not repeat (codes): start again
            shared.clear()
        return rows

    try:
        while True:
            data = source.read(_CHUNK)
            text = decoder.decode(data, final=not data)
            if head:
                buffer += text
                start = buffer.find("<sheetData")
                if start < 0:
                    if not data or len(buffer) > 10 * _CHUNK:
                        raise _Unsupported("no sheetData")
                    continue
                declaration = buffer[:start]
                if 'xmlns="' + _MAIN[:-1] + '"' not in declaration or "<!" in declaration:
                    raise _Unsupported("not the main namespace as default, or a DTD")
                if "encoding=" in declaration[:100] and not re.search(
                    r"encoding=[\"']utf-?8[\"']", declaration[:100], re.IGNORECASE
                ):
                    raise _Unsupported("encoding")
                buffer = buffer[start:]
                head = False
            else:
                buffer += text
            if not data:
                yield from rows_of(buffer)
                break
            cut = buffer.rfind("</row>")
            if cut >= 0:
                chunk, buffer = buffer[: cut + 6], buffer[cut + 6 :]
                yield from rows_of(chunk)
    except _Unsupported:
        raise
    except Exception as exc:  # a bad index into the strings, undecodable bytes...
        raise _Unsupported(str(exc)) from exc


def _fast_sheet(path: Path) -> tuple[dict[int, list[Any]], set[tuple[int, int]]] | None:
    """({row number: cells}, cells holding a formula without a saved result) of the first worksheet, read in
    one pass by ``_pattern_rows`` or else ``_fast_rows``; None when neither reads it (openpyxl's parser then
    does, and says in words what is wrong with a damaged file). The workbook's parts (shared strings, styles,
    sheet list) are read by openpyxl's reader, without its read-only worksheet, which reads a whole sheet
    that has no ``<dimension>`` once more only to size it."""
    parts = _workbook_parts(path)
    if parts is None:
        return None
    reader, workbook, target = parts
    try:
        for parse in (_pattern_rows, _fast_rows):
            try:
                with reader.archive.open(target) as source:
                    return parse(
                        source,
                        reader.shared_strings,
                        workbook._date_formats,
                        workbook._timedelta_formats,
                        workbook.epoch,
                    )
            except _Unsupported as exc:
                log.info("%s: not read by %s (%s)", path, parse.__name__, exc)
        return None
    except Exception:
        log.info("%s: left to openpyxl's parser", path, exc_info=True)
        return None
    finally:
        reader.archive.close()


def _workbook_parts(path: Path):
    """(openpyxl's ExcelReader with the shared strings, styles and sheet list read, the workbook, the first
    worksheet's part name), or None when they cannot be read so (the whole-file reader then says in words what
    is wrong with a damaged file). The caller closes ``reader.archive``."""
    try:
        from openpyxl.reader.excel import ExcelReader
        from openpyxl.styles.stylesheet import apply_stylesheet

        reader = ExcelReader(path, read_only=True, data_only=True)
    except Exception:  # not a zip, not a workbook: the slow path refuses it in words
        return None
    try:
        reader.read_manifest()
        reader.read_strings()
        reader.read_workbook()
        apply_stylesheet(reader.archive, reader.wb)
        for _sheet, rel in reader.parser.find_sheets():
            if rel.target in reader.valid_files and "chartsheet" not in rel.Type:
                return reader, reader.wb, rel.target
    except Exception:
        log.info("%s: left to openpyxl's parser", path, exc_info=True)
    reader.archive.close()
    return None


def _sheet_rows(
    path: Path, data_only: bool, fast: bool = False
) -> tuple[dict[int, list[Any]], int | None, set[tuple[int, int]] | None]:
    """{row number: cells} of the first worksheet, the last row its dimension declares (None: none), and -
    when ``fast`` found them in the same pass - the cells holding a formula without a saved result."""
    if fast:
        found = _fast_sheet(path)
        if found is not None:
            return found[0], None, found[1]
    from openpyxl import load_workbook
    from openpyxl.worksheet._reader import WorkSheetParser

    workbook = load_workbook(path, read_only=True, data_only=data_only)
    try:
        if not workbook.worksheets:
            raise _refused(QT_TRANSLATE_NOOP("Import", "{file} has no worksheet."), file=path.name)
        sheet = workbook.worksheets[0]
        declared = sheet.max_row  # from <dimension ref="A1:V3"/>, or the whole sheet read without one
        rows = {}
        read = 0
        # openpyxl's own row iterator drops a row stored after a later one (it counts rows as they come);
        # its parser gives each row's number, so rows are placed by that number.
        with sheet._get_source() as source:
            parser = WorkSheetParser(
                source,
                sheet._shared_strings,
                data_only=workbook.data_only,
                epoch=workbook.epoch,
                date_formats=workbook._date_formats,
                timedelta_formats=workbook._timedelta_formats,
            )
            number = 0
            try:
                for number, cells in parser.parse():
                    read += 1
                    if number in rows:
                        raise _refused(
                            QT_TRANSLATE_NOOP(
                                "Import",
                                "{file} is damaged: its worksheet stores row {row} twice. Open it in Excel "
                                "and save it again.",
                            ),
                            file=path.name,
                            row=number,
                        )
                    width = max((c["column"] for c in cells), default=0)
                    if width > MAX_COLUMNS:
                        raise _refused(UNREADABLE_WORKBOOK, file=path.name, detail=f"column {width}")
                    values: list[Any] = [None] * width
                    for c in cells:
                        values[c["column"] - 1] = c["value"]
                    rows[number] = values
            except Refused:
                raise
            except Exception as exc:  # whatever the XML or a cell in it does to the parser
                log.info("reading %s after row %s", path, number, exc_info=True)
                raise _refused(
                    QT_TRANSLATE_NOOP(
                        "Import",
                        "{file} cannot be read after row {row} ({detail}). Open it in Excel and save it "
                        "again as .xlsx.",
                    ),
                    file=path.name,
                    row=number,
                    detail=_detail(exc),
                ) from None
        if read != len(rows):  # cannot happen with the check above; says so loudly if it ever does
            raise _refused(
                UNREADABLE_WORKBOOK, file=path.name, detail=f"{read} rows read, {len(rows)} placed"
            )
        if declared is not None and rows and max(rows) != declared:
            log.info("%s: the sheet declares %s rows and holds %s", path, declared, max(rows))
        return rows, declared, None
    finally:
        workbook.close()


def _detail(exc: BaseException) -> str:
    text = str(exc).splitlines()[0] if str(exc) else ""
    name = type(exc).__name__
    if name == "error":  # zlib.error, struct.error: the module says what it is
        name = f"{type(exc).__module__}.{name}"
    return f"{name}: {text}" if text else name


def read_xlsx(path: Path) -> Table:
    try:
        values, _declared, found = _sheet_rows(path, True, fast=True)
        formulas: set[tuple[int, int]] = found or set()
        # A formula that was never calculated (a file written by a program, not saved by Excel) has no
        # value: look for formulas only where a value is missing, so such a cell is not taken for empty.
        # (The fast parser saw them in the same pass.)
        if found is None and any(cell is None for cells in values.values() for cell in cells):
            written, _, _ = _sheet_rows(path, False)
            for number, cells in written.items():
                have = values.get(number, [])
                for index, cell in enumerate(cells):
                    if (
                        isinstance(cell, str)
                        and cell.startswith("=")
                        and (index >= len(have) or have[index] is None)
                    ):
                        formulas.add((number, index))
    except Refused:
        raise
    except Exception as exc:  # a broken archive, a missing part, bad XML, an unknown declared encoding...
        log.info("reading %s", path, exc_info=True)
        raise _refused(UNREADABLE_WORKBOOK, file=path.name, detail=_detail(exc)) from None
    return Table(path.name, sorted(values.items()), formulas)


# ----- any file --------------------------------------------------------------------------------------------


def _refuse_huge_cells(table: Table) -> None:
    problems = [
        ImportProblem(
            number,
            letter(index),
            QT_TRANSLATE_NOOP(
                "Import", "The cell holds {length} characters; a cell may hold at most {limit}."
            ),
            {"length": len(cell), "limit": MAX_CELL_CHARS},
        )
        for number, cells in table.rows
        for index, cell in enumerate(cells)
        if isinstance(cell, str) and len(cell) > MAX_CELL_CHARS
    ]
    if problems:
        raise Refused(*problems)


def read_table(path: Path) -> Table:
    """The rows of ``path`` (.csv, .xlsx, .xlsm); raises Refused with what is wrong with the file."""
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise _refused(
            QT_TRANSLATE_NOOP(
                "Import",
                "Only .csv, .xlsx and .xlsm files can be imported; save the file from Excel as .xlsx or CSV.",
            )
        )
    if not path.is_file():
        raise _refused(QT_TRANSLATE_NOOP("Import", "There is no file {path}."), path=str(path))
    try:
        table = read_csv(path) if suffix == ".csv" else read_xlsx(path)
    except OSError as exc:
        raise _refused(
            QT_TRANSLATE_NOOP("Import", "The file cannot be read: {detail}"),
            detail=exc.strerror or str(exc),
        ) from None
    _refuse_huge_cells(table)
    return table


# ----- a file read row by row (an import's memory stays bounded however long the file) ------------------

HEAD_ROWS = (
    100  # the rows a stream holds at once at its start: the header is found, a layout recognised there
)
_SHARED_MAX = 50_000  # the short repeated cells kept once (CSV), at most


class NotStreamable(Exception):
    """The file turned out to be one only the whole-file reader reads (an XLSX sheet with formulas, rich text,
    rows out of order...): read it again with ``read_table``. Raised while the rows are read."""


@dataclass
class Stream:
    """A file read row by row: ``head`` holds its first HEAD_ROWS rows as a Table (header, layout), ``rest``
    yields the rows after them, in order. Reading ``rest`` may raise Refused (what is wrong with the file,
    e.g. a cell over MAX_CELL_CHARS, named by row and column, once every row is read) or NotStreamable.
    ``close()`` releases the file."""

    head: Table
    rest: Iterator[tuple[int, list[Any]]]
    close: Callable[[], None]


def _refuse_long(long_cells: list[tuple[int, int, int]]) -> None:
    if long_cells:
        raise Refused(
            *(
                ImportProblem(
                    number,
                    letter(index),
                    QT_TRANSLATE_NOOP(
                        "Import", "The cell holds {length} characters; a cell may hold at most {limit}."
                    ),
                    {"length": length, "limit": MAX_CELL_CHARS},
                )
                for number, index, length in long_cells
            )
        )


def _encoding(path: Path) -> str:
    """The encoding ``_decode`` would read ``path`` with, found by decoding it strictly a megabyte at a time
    (nothing kept); Refused as ``_decode`` refuses."""
    with path.open("rb") as fh:
        start = fh.read(2)
    candidates = (
        ("utf-16",) if start in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE) else ("utf-8-sig", "gb18030")
    )
    for encoding in candidates:
        decoder = codecs.getincrementaldecoder(encoding)()
        try:
            with path.open("rb") as fh:
                while chunk := fh.read(_CHUNK):
                    decoder.decode(chunk)
                decoder.decode(b"", final=True)
        except UnicodeDecodeError:
            continue
        return encoding
    raise _not_text(path.name)


def _csv_rows(path: Path) -> Iterator[tuple[int, list[Any]]]:
    """The rows of a CSV file one at a time, decoded as they are read (the encoding found first, strictly: a
    file that is neither UTF-8 nor GB18030 is refused before any row)."""
    encoding = _encoding(path)
    with path.open(encoding=encoding, newline="") as fh:  # newline="": line ends kept, as csv wants them
        yield from _csv_records(path, fh)


def _csv_records(path: Path, fh) -> Iterator[tuple[int, list[Any]]]:
    records = enumerate(csv.reader(fh), start=1)
    long_cells: list[tuple[int, int, int]] = []
    shared: dict[str, str] = {}
    number = 0
    while True:
        with _csv_limit:  # the limit is the module's: raised only while a block of rows is read, under a lock
            before = csv.field_size_limit(sys.maxsize)
            try:
                block = list(itertools.islice(records, 1000))
            except csv.Error as exc:
                raise _refused(
                    QT_TRANSLATE_NOOP("Import", "{file} is not valid CSV after row {row}: {detail}"),
                    file=path.name,
                    row=number,
                    detail=str(exc),
                ) from None
            finally:
                csv.field_size_limit(before)
        if not block:
            _refuse_long(long_cells)
            return
        if len(shared) > _SHARED_MAX:
            shared.clear()
        share = shared.setdefault
        for number, cells in block:
            if cells and max(map(len, cells)) > MAX_CELL_CHARS:
                long_cells.extend((number, i, len(c)) for i, c in enumerate(cells) if len(c) > MAX_CELL_CHARS)
            yield number, [share(c, c) if len(c) <= SHARED_CHARS else c for c in cells]


def _xlsx_rows(path: Path) -> tuple[Iterator[tuple[int, list[Any]]], Callable[[], None]] | None:
    """The rows of a plain XLSX sheet (``_pattern_iter``) one at a time, and how to close the file; None when
    the workbook's parts cannot be read this way (the whole-file reader then reads it, or says what is wrong)."""
    parts = _workbook_parts(path)
    if parts is None:
        return None
    reader, workbook, target = parts
    try:
        source = reader.archive.open(target)
    except Exception:
        reader.archive.close()
        return None

    def close() -> None:
        source.close()
        reader.archive.close()

    def rows() -> Iterator[tuple[int, list[Any]]]:
        long_cells: list[tuple[int, int, int]] = []
        try:
            yield from _pattern_iter(
                source,
                reader.shared_strings,
                workbook._date_formats,
                workbook._timedelta_formats,
                workbook.epoch,
                ordered=True,
                long_cells=long_cells,
            )
            _refuse_long(long_cells)
        except _Unsupported as exc:
            log.info("%s: not streamed (%s)", path, exc)
            raise NotStreamable(str(exc)) from None

    return rows(), close


def stream_table(path: Path) -> Stream | None:
    """``path`` read row by row, or None when only ``read_table`` reads it (not a file of a known kind, an XLSX
    whose parts the stream does not read). Refused: a file that is not there, or not CSV/XLSX."""
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES or not path.is_file():
        return None  # read_table says what is wrong
    try:
        if suffix == ".csv":
            rows = _csv_rows(path)
            close = rows.close  # the file, if the import stops early
        else:
            found = _xlsx_rows(path)
            if found is None:
                return None
            rows, close = found
        head = Table(path.name, list(itertools.islice(rows, HEAD_ROWS)))
    except _Unsupported:
        close()
        return None
    except NotStreamable:
        close()
        return None
    except OSError as exc:
        close()
        raise _refused(
            QT_TRANSLATE_NOOP("Import", "The file cannot be read: {detail}"),
            detail=exc.strerror or str(exc),
        ) from None
    return Stream(head, rows, close)


__all__ = [
    "Table",
    "read_table",
    "stream_table",
    "Stream",
    "NotStreamable",
    "HEAD_ROWS",
    "read_csv",
    "read_xlsx",
    "blank",
    "letter",
    "SUFFIXES",
    "MAX_CELL_CHARS",
]
