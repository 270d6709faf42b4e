"""Fonts for every PDF hqdesk writes (letters, reports): embedded TrueType only, checked glyph by glyph.

Public API (also used by ``reports/``):
- ``register_fonts() -> FontSet``: registers the fonts once per process and says their ReportLab names.
- ``missing_glyphs(text) -> list[str]``: the characters of ``text`` that no registered font can draw.
- ``paragraph_style(...)``: a ``ParagraphStyle`` in the body font, with Chinese line breaking when asked.
- ``ensure_cjk_line_rules()``: the Chinese "may not start a line" list (called on import; idempotent).

Which font: on Windows Microsoft YaHei (``msyh.ttc``) or else SimSun (``simsun.ttc``) from the system's fonts
folder; elsewhere (and when neither is there) the bundled WenQuanYi Micro Hei (``resources/fonts/
wqy-microhei.ttc``, Apache 2.0 / GPL with font exception). ReportLab's ``STSong-Light`` is never used: it is not
embedded, so the letter would only look right where the reader has an Asian font pack. CFF/OTF CJK fonts (Noto
CJK, Source Han) cannot be embedded by ReportLab and are not tried.

Characters the body font lacks: each character of a merge value is looked up in the body font's cmap, then in
the fallback fonts (Windows: SimSun-ExtB ``simsunb.ttf`` and SimSun; elsewhere DejaVu Sans when installed).
A character a fallback has is drawn in that font (``mark_fallbacks`` wraps it in ``<font name=...>``); a
character no font has (e.g. 𠮷 or 䶮 with only WenQuanYi) refuses the letter with the name of the field and the
character (``letters.render.MissingGlyph``): a name printed with a hole in it is worse than no letter.
"""

from __future__ import annotations

import os
import sys
import threading
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape

from hqdesk.resources import resource_path

# Characters that may not start a line in Chinese (GB/T 15834 punctuation and closing brackets/quotes), added to
# ReportLab's Japanese-oriented list, which lacks ，：！？；.
CJK_CANNOT_START = "，。、！？：；）」』”’》〉】〗〕］｝·…—～%‰℃,.!?:;)]}｠｣"
# ... and characters that may not end a line (opening brackets and quotes): not supported by ReportLab's
# CJK wrapper; the templates avoid placing them at merge-field boundaries.
CJK_CANNOT_END = "（「『“‘《〈【〖〔［｛"

BODY = "HQSans"
BOLD = "HQSans-Bold"

_lock = threading.Lock()
_font_set: FontSet | None = None


def ensure_cjk_line_rules() -> None:
    """Put ``CJK_CANNOT_START`` into ReportLab's list (``textsplit.ALL_CANNOT_START`` and the copy that
    ``platypus.paragraph`` took at its import): the one place this is done. Idempotent."""
    from reportlab.lib import textsplit

    extra = "".join(c for c in CJK_CANNOT_START if c not in textsplit.ALL_CANNOT_START)
    if extra:
        textsplit.ALL_CANNOT_START = textsplit.ALL_CANNOT_START + extra
    from reportlab.platypus import paragraph  # after the patch; a copy taken earlier is patched too

    paragraph.ALL_CANNOT_START = textsplit.ALL_CANNOT_START
    if getattr(paragraph.cjkFragSplit, "__name__", "") != "_cjk_frag_split":
        paragraph.cjkFragSplit = _cjk_frag_split  # paragraphs of several fragments (fonts, bold...)
        textsplit.dumbSplit = _dumb_split  # paragraphs of one fragment (through textsplit.wordSplit)


def _dumb_split(word, widths, maxWidths):  # noqa: N803 - ReportLab's names
    """ReportLab's ``textsplit.dumbSplit`` (BSD licence) with the same change as ``_cjk_frag_split``."""
    from unicodedata import category

    from reportlab.lib.textsplit import _FUZZ, ALL_CANNOT_START

    if not isinstance(maxWidths, list | tuple):
        maxWidths = [maxWidths]
    lines = []
    i = width_used = start = 0
    max_width = maxWidths[0]
    n = len(word)
    while i < n:
        w = widths[i]
        c = word[i]
        width_used += w
        i += 1
        if width_used > max_width + _FUZZ and width_used > 0:
            if ord(c) < 0x3000:
                limit = (start + i) >> 1
                for j in range(i - 1, limit, -1):
                    cj = word[j]
                    if category(cj) == "Zs" or ord(cj) >= 0x3000:
                        k = j + 1
                        if k < i:
                            c = word[k]
                            i = k + 1
                            break
            if c not in ALL_CANNOT_START and i > start + 1:
                i -= 1
            while i < n and word[i] in ALL_CANNOT_START and i > start + 1:
                i -= 1
            lines.append([max_width - sum(widths[start:i]), word[start:i].strip()])
            try:
                max_width = maxWidths[len(lines)]
            except IndexError:
                max_width = maxWidths[-1]
            start = i
            width_used = 0
    if start < n:
        lines.append([max_width - sum(widths[start:n]), word[start:]])
    return lines


def _cjk_frag_split(frags, maxWidths, calcBounds, encoding="utf8"):  # noqa: N803 - ReportLab's names
    """ReportLab's ``cjkFragSplit`` (platypus/paragraph.py, BSD licence) with one change: ReportLab hangs one
    character that may not start a line at the end of the line, but lets the next one (。 after ”) start the
    next line; here the break moves back until the next line starts with a character that may start a line
    (the previous character goes down with the punctuation: 避头尾 by pushing)."""
    from unicodedata import category

    from reportlab.platypus.paragraph import _FUZZ, ParaLines, cjkU, makeCJKParaLine

    cannot_start = __import__("reportlab.lib.textsplit", fromlist=["x"]).ALL_CANNOT_START
    chars = []
    for f in frags:
        text = f.text
        if isinstance(text, bytes):
            text = text.decode(encoding)
        if text:
            chars.extend([cjkU(t, f, encoding) for t in text])
        else:
            chars.append(cjkU(text, f, encoding))
    lines = []
    i = width_used = start = 0
    max_width = maxWidths[0]
    n = len(chars)
    while i < n:
        u = chars[i]
        i += 1
        w = u.width
        if hasattr(w, "normalizedValue"):
            w._normalizer = max_width
            w = w.normalizedValue(max_width)
        width_used += w
        line_break = hasattr(u.frag, "lineBreak")
        if (width_used > max_width + _FUZZ and width_used > 0) or line_break:
            if not line_break:
                if ord(u) < 0x3000:  # inside a Latin word: back up to a space or a CJK character
                    limit = (start + i) >> 1
                    for j in range(i - 1, limit, -1):
                        uj = chars[j]
                        if (uj and category(uj) == "Zs") or ord(uj) >= 0x3000:
                            k = j + 1
                            if k < i:
                                i = k + 1
                                u = chars[k]
                                break
                if u not in cannot_start and i > start + 1:
                    i -= 1  # the overflowing character starts the next line
                while i < n and chars[i] in cannot_start and i > start + 1:
                    i -= 1
            used = sum(
                (c.width.normalizedValue(max_width) if hasattr(c.width, "normalizedValue") else c.width)
                for c in chars[start:i]
            )
            lines.append(
                makeCJKParaLine(chars[start:i], max_width, used, max_width - used, line_break, calcBounds)
            )
            try:
                max_width = maxWidths[len(lines)]
            except IndexError:
                max_width = maxWidths[-1]
            start = i
            width_used = 0
    if start < n:
        used = sum(
            (c.width.normalizedValue(max_width) if hasattr(c.width, "normalizedValue") else c.width)
            for c in chars[start:]
        )
        if used > 0:
            lines.append(makeCJKParaLine(chars[start:], max_width, used, max_width - used, False, calcBounds))
    return ParaLines(kind=1, lines=lines)


@dataclass(frozen=True)
class FontFile:
    name: str  # the ReportLab font name
    path: Path
    subfont_index: int = 0


@dataclass(frozen=True)
class FontSet:
    """The registered fonts: ``body`` / ``bold`` names for styles, ``fallbacks`` (name order = try order),
    and the body font's file (the exports engineer may show it in a report's footer)."""

    body: str
    bold: str
    body_file: FontFile
    fallbacks: tuple[str, ...]

    def font_for(self, char: str) -> str | None:
        """The first font that has ``char`` (the body font first), or None."""
        return _font_for(char)


def _windows_fonts() -> Path | None:
    if sys.platform != "win32":
        return None
    return Path(os.environ.get("WINDIR", r"C:\Windows")) / "Fonts"


def body_font_file() -> FontFile:
    """Microsoft YaHei or SimSun on Windows when present, else the bundled WenQuanYi Micro Hei."""
    folder = _windows_fonts()
    if folder is not None:
        for file in ("msyh.ttc", "simsun.ttc"):
            if (folder / file).is_file():
                return FontFile(BODY, folder / file, 0)
    return FontFile(BODY, resource_path("fonts", "wqy-microhei.ttc"), 0)


def bold_font_file(body: FontFile) -> FontFile | None:
    """Microsoft YaHei Bold next to YaHei; otherwise None: the body font serves for bold too (WenQuanYi has no
    bold face, and registering it twice would embed two copies of its glyphs in every letter)."""
    if body.path.name.lower() == "msyh.ttc" and (body.path.parent / "msyhbd.ttc").is_file():
        return FontFile(BOLD, body.path.parent / "msyhbd.ttc", 0)
    return None


def fallback_font_files(body: FontFile) -> list[FontFile]:
    """Embeddable fonts tried, in order, for characters the body font lacks (those that exist here)."""
    candidates: list[tuple[Path, int]] = []
    folder = _windows_fonts()
    if folder is not None:
        candidates += [(folder / "simsunb.ttf", 0), (folder / "simsun.ttc", 0), (folder / "msyh.ttc", 0)]
    candidates += [
        (resource_path("fonts", "wqy-microhei.ttc"), 0),
        (Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"), 0),
    ]
    out: list[FontFile] = []
    for i, (path, index) in enumerate(candidates):
        if path.is_file() and path != body.path:
            out.append(FontFile(f"HQFallback{i}", path, index))
    return out


_cmaps: dict[str, frozenset[int]] = {}


FLATE_LEVEL = 1


def fast_stream_compression() -> None:
    """Compress the PDFs' streams (pages, the embedded font subsets) with zlib level 1 instead of ReportLab's
    fixed default level 6. Measured on a greeting: 8.8 ms a letter instead of 10-11 ms (ReportLab offers no
    setting for the level), for files about 4 % larger (49 KB instead of 47 KB). Every PDF viewer reads either:
    both are plain FlateDecode."""
    import zlib

    from reportlab.pdfbase import pdfdoc

    def encode(self, text, level=FLATE_LEVEL):
        if isinstance(text, str):
            text = text.encode("utf8")
        return zlib.compress(text, level)

    pdfdoc.PDFStreamFilterZCompress.encode = encode
    # ReportLab's own setting: page streams are not ASCII85-wrapped after compression (binary is what every
    # PDF does today; the wrapping made page streams 25 % larger and cost an encode per page)
    from reportlab import rl_config

    rl_config.useA85 = 0


def register_fonts() -> FontSet:
    """Register the body, bold and fallback fonts with ReportLab (once per process; thread-safe)."""
    global _font_set
    with _lock:
        if _font_set is not None:
            return _font_set
        ensure_cjk_line_rules()
        fast_stream_compression()
        from reportlab.lib.fonts import addMapping
        from reportlab.pdfbase import pdfmetrics
        from reportlab.pdfbase.ttfonts import TTFont

        body = body_font_file()
        bold = bold_font_file(body)
        fallbacks = []
        for file in (body, *([bold] if bold else []), *fallback_font_files(body)):
            try:
                font = TTFont(file.name, str(file.path), subfontIndex=file.subfont_index, asciiReadable=False)
            except Exception:  # a broken or CFF-outline system font: skip it, the body font decides
                if file.name == BODY:
                    raise
                continue
            pdfmetrics.registerFont(font)
            _cmaps[file.name] = frozenset(font.face.charToGlyph)
            if file.name not in (BODY, BOLD):
                fallbacks.append(file.name)
        bold_name = BOLD if bold else BODY
        for bold_flag, italic in ((0, 0), (1, 0), (0, 1), (1, 1)):
            addMapping(BODY, bold_flag, italic, bold_name if bold_flag else BODY)
        _font_set = FontSet(BODY, bold_name, body, tuple(fallbacks))
        return _font_set


def _font_for(char: str) -> str | None:
    code = ord(char)
    if code in _cmaps.get(BODY, ()):
        return BODY
    for name in register_fonts().fallbacks:
        if code in _cmaps[name]:
            return name
    return None


def _ignorable(char: str) -> bool:
    return char in "\n\r\t" or ord(char) < 0x20


def missing_glyphs(text: str) -> list[str]:
    """The distinct characters of ``text`` that neither the body font nor a fallback can draw, in order."""
    register_fonts()
    body = _cmaps[BODY]
    out: list[str] = []
    for char in text:
        if ord(char) in body or _ignorable(char) or char in out:
            continue
        if _font_for(char) is None:
            out.append(char)
    return out


def body_covers(text: str) -> bool:
    """True when the body font has every character of ``text`` (it can be drawn as a plain string)."""
    register_fonts()
    body = _cmaps[BODY]
    return all(ord(c) in body or _ignorable(c) for c in text)


def mark_fallbacks(text: str) -> str:
    """``text`` XML-escaped for a Paragraph, with characters the body font lacks wrapped in their fallback
    font's ``<font name=...>`` tag (characters no font has are left as they are: check ``missing_glyphs``)."""
    register_fonts()
    body = _cmaps[BODY]
    if all(ord(c) in body or _ignorable(c) for c in text):
        return escape(text)
    parts = []
    for char in text:
        if ord(char) in body or _ignorable(char):
            parts.append(escape(char))
            continue
        name = _font_for(char)
        parts.append(f'<font name="{name}">{escape(char)}</font>' if name else escape(char))
    return "".join(parts)


def paragraph_style(
    name: str = "body",
    size: float = 10.5,
    leading: float | None = None,
    bold: bool = False,
    chinese: bool = True,
    **kw,
):
    """A ParagraphStyle in the body (or bold) font. ``chinese``: break lines anywhere between Chinese
    characters, never before ，。、！？：；） or a closing quote, and keep English words whole where the line
    allows (ReportLab's CJK wrap backs up to a space); otherwise break at spaces only."""
    fonts = register_fonts()
    from reportlab.lib.styles import ParagraphStyle

    return ParagraphStyle(
        name,
        fontName=fonts.bold if bold else fonts.body,
        fontSize=size,
        leading=leading if leading is not None else round(size * 1.55, 1),
        wordWrap="CJK" if chinese else None,
        **kw,
    )


__all__ = [
    "FontSet",
    "FontFile",
    "register_fonts",
    "missing_glyphs",
    "mark_fallbacks",
    "paragraph_style",
    "ensure_cjk_line_rules",
    "CJK_CANNOT_START",
    "BODY",
    "BOLD",
]
