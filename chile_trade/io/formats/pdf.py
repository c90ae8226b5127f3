"""PDF: each page's text layer, put back in reading order, to blocks (no OCR).

A PDF holds glyphs at positions, not text in reading order. Its text layer
(what PDFium extracts) often comes out of a right-to-left document partly in
*visual* order, some runs of Persian letters reversed and some not, as the
producer wrote them (headless Chromium: ``جدول -۱۷``, ``یلیش`` for ``شیلی``),
and older producers map glyphs to Arabic *presentation forms* (U+FB50–U+FDFF,
U+FE70–U+FEFF) instead of letters. So the order of the text layer is not
trusted at all; the positions are:

1. Every glyph is read with its box (PDFium's loose box, the glyph's advance,
   where it has one, else its ink), its baseline and its font size on the page;
   text turned a quarter turn is read along its own baseline. Presentation
   forms PDFium leaves are folded to letters (NFKC on those code points only,
   so Persian digits and everything else stay as they are); a lam-alef
   ligature becomes ``لا`` whichever way PDFium spelled it out.
2. Glyphs on one baseline make a visual line, ordered left to right. A gap of
   a word space is a space (a narrower one too where the text layer has a
   space there, none inside one of its words); a gap of several spaces is a
   cell boundary.
3. The visual line is put back in logical order by undoing the Unicode bidi
   algorithm (its reordering rule L2 undoes itself, given each glyph's level):
   a right-to-left line reads from its rightmost glyph, while a number keeps
   its digits left to right with the separators the algorithm keeps inside it
   (``۱۰٫۷``, ``۱۴۰۲/۱۴۰۱``; after a Persian word not ``-`` or ``٪``, which
   it moves aside), and so do runs of Latin words. Brackets, drawn mirrored in
   right-to-left text and named either way by the text layer, face the words
   they enclose. A line with Persian letters is right-to-left on a page that
   mostly is; a line mixing Latin and Persian takes the side it is aligned to.
4. The result is checked: the digits of every number must go left to right on
   the page, and the text must not hold more reversed common words (``دصرد``)
   than common words; either failure is an `InputError`: a number is never
   returned with its digits out of their printed order.

Lines of several cells that line up with the lines around them become a
`Grid`, read right to left in a right-to-left table (a cell over several
columns is repeated in each; one drawn between two header rows, spanning
both, goes into both; a one-cell line just above, such as ``سال`` over the
years, is a header row); other lines are prose `Line` objects in `Paragraph`
blocks, a paragraph ending where the lines spread apart (a line with wide
gaps that lines up with nothing keeps them as TABs). Each line is located
``file:pageP:lineK`` (1-based), its ``line`` counting the document's lines.

Not read: text in images (scanned pages: an `InputError`), annotations and
form fields. A cell's text wrapped onto two lines, and a single space drawn
wider than three, are read as separate cells. A ZWNJ that the producer did
not put in the text layer (Chromium does not) is missing: ``سالهای``.
"""

from __future__ import annotations

import contextlib
import ctypes
import functools
import itertools
import math
import re
import statistics
import unicodedata
from collections.abc import Generator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from chile_trade.core.blocks import Block, Cell, Grid, Line, Paragraph
from chile_trade.core.records import Span
from chile_trade.errors import InputError
from chile_trade.io.formats import require
from chile_trade.io.reading import read_bytes

__all__ = ["MAX_PDF_CHARS", "MAX_PDF_PAGES", "NO_TEXT_LAYER", "fold_presentation_forms",
           "read_pdf", "visual_to_logical"]

NO_TEXT_LAYER = "the PDF has no text layer (a scanned image?); OCR is not supported"
MAX_PDF_CHARS = 2_000_000
"""The most characters a PDF's text layer may hold (about 600 dense pages); each takes
about 10 µs to read, and a few hundred bytes while its page is read."""
MAX_PDF_PAGES = 10_000
"""The most pages a PDF may have."""

# Gaps between glyphs, in ems of the line's font: a space is about a quarter of
# an em, while the letters of a word and the digits of a number touch.
_WORD_GAP = 0.25  # always a space
_JOIN_GAP = 0.1  # a space where the text layer has one between two letters or digits
_INNER_GAP = 0.6  # a space inside one of the text layer's words
_CELL_GAP = 0.8  # a cell boundary: a gap of three spaces or more
_OVERPRINT = 0.1  # a glyph drawn again this close is drawn once (fake bold)
_BASELINE_TOLERANCE = 0.4  # glyphs whose baselines differ by less share a line
_PARAGRAPH_GAP = 1.8  # baselines further apart than this start a new paragraph
_ROW_GAP = 4.0  # table rows further apart than this are not one table
_TABLE_BREAK = 1.45  # rows further apart than this many times the usual are two tables
_MAX_UNMAPPED_SHARE = 0.5

_PRESENTATION_FORMS = re.compile("[\ufb50-\ufdff\ufe70-\ufeff]")
_PERSIAN_WORD = re.compile("[\u0621-\u064a\u067e\u0686\u0698\u06a9\u06af\u06cc]+")
_BRACKET_FAMILIES = ("()", "[]", "{}", "«»", "‹›")
_PAIRED = _BRACKET_FAMILIES[:3]  # the brackets the bidi algorithm pairs
_OPENERS = frozenset(family[0] for family in _BRACKET_FAMILIES)
_MIRRORED = {family[i]: family[1 - i] for family in _BRACKET_FAMILIES for i in (0, 1)}
_ALEFS = "\u0622\u0623\u0625\u0627"
_LAM = "\u0644"
_KEPT_FORMAT = {"\u200c", "\u200d"}  # ZWNJ and ZWJ are part of Persian spelling
_BIDI_GROUPS = {"EN": "N", "AN": "N", "CS": "C", "ES": "E", "ET": "T", "WS": "S", "S": "S",
                "B": "S"}
# Common words of trade reports, none of which reads as another word reversed:
# text holding more of them reversed than forwards is still in visual order.
_COMMON_WORDS = frozenset({
    "جدول", "صادرات", "واردات", "سال", "درصد", "میلیون", "دلار", "تغییر", "نسبت",
    "کاهش", "افزایش", "تجارت", "ارزش", "جمع", "سهم", "قبل", "هزار", "کشور", "کالا",
    "شرح", "تراز", "یورو", "ریال", "مبادلات", "بازرگانی",
})


# ----------------------------------------------------------------- text repair --------------
def fold_presentation_forms(text: str) -> str:
    """Arabic presentation forms to the letters they draw (NFKC on those code points only).

    Examples
    --------
    >>> fold_presentation_forms("\\ufee3\\ufbff\\ufee0\\ufbff\\ufeee\\ufee5 \\ufea9\\ufefb\\ufead")
    'میلیون دلار'
    >>> fold_presentation_forms("\\ufe9f\\ufeaa\\ufeed\\ufedd ۱۷")
    'جدول ۱۷'
    >>> fold_presentation_forms("\\ufefb")  # the lam-alef ligature is two letters
    'لا'
    """
    return _PRESENTATION_FORMS.sub(_fold_form, text)


def _fold_form(match: re.Match[str]) -> str:
    folded = unicodedata.normalize("NFKC", match.group())
    return "" if folded == "\ufeff" else folded  # a byte-order mark is not text


@functools.lru_cache(maxsize=4096)
def _bidi_class(text: str) -> str:
    """A unit's direction class: L, R (strong), N (digit, or a separator of Arabic
    numbers), C (common separator: ``/``, ``,``, ``:``), E (``-``, ``+``), T (``%``,
    ``٪``), S (space) or O (other neutral)."""
    classes = [unicodedata.bidirectional(ch) for ch in text]
    for kind in classes:
        if kind == "L":
            return "L"
        if kind in ("R", "AL"):
            return "R"
    return _BIDI_GROUPS.get(classes[0], "O") if classes else "O"


def _number_runs(classes: Sequence[str]) -> list[tuple[int, int]]:
    """The numbers among units in visual order, as the bidi algorithm keeps them whole.

    A number read after an Arabic-script letter (the nearest strong letter to its
    right) is an Arabic number: only a common separator between two of its digit
    groups stays inside it (``۱۴۰۲/۱۴۰۱``). Otherwise (a table cell, a line's start)
    a ``-`` between digit groups (``۲۰۱۹-۲۰``) and percent signs next to it do too.
    """
    count = len(classes)
    arabic = [False] * count  # whether the nearest strong unit to the right is R
    strong = ""
    for i in range(count - 1, -1, -1):
        arabic[i] = strong == "R"
        if classes[i] in ("L", "R"):
            strong = classes[i]
    runs: list[tuple[int, int]] = []
    i = 0
    while i < count:
        if classes[i] != "N":
            i += 1
            continue
        start = stop = i
        joiners = ("C",) if arabic[i] else ("C", "E")
        while True:
            while stop < count and classes[stop] == "N":
                stop += 1
            if stop + 1 < count and classes[stop] in joiners and classes[stop + 1] == "N":
                stop += 1
                continue
            break
        if not arabic[i]:
            floor = runs[-1][1] if runs else 0
            while start > floor and classes[start - 1] == "T":
                start -= 1
            while stop < count and classes[stop] == "T":
                stop += 1
        runs.append((start, stop))
        i = stop
    return runs


def _forced_brackets(texts: Sequence[str], classes: Sequence[str]) -> set[int]:
    """Brackets of a pair (taken in turn, left to right) with a right-to-left letter
    between them: right-to-left whatever surrounds them (the bidi rule N0)."""
    forced: set[int] = set()
    for family in _PAIRED:
        marks = [i for i, text in enumerate(texts) if text in family]
        for left, right in zip(marks[::2], marks[1::2], strict=False):
            if "R" in classes[left + 1:right]:
                forced.update((left, right))
    return forced


def _ascii_number(texts: Sequence[str], start: int, stop: int) -> bool:
    return any("0" <= ch <= "9" for text in texts[start:stop] for ch in text)


def _levels(texts: Sequence[str], rtl: bool) -> list[int]:
    """Embedding levels of units in visual order: what the bidi algorithm gave them."""
    classes = [_bidi_class(text) for text in texts]
    runs = _number_runs(classes)
    number = [False] * len(classes)
    for start, stop in runs:
        number[start:stop] = [True] * (stop - start)
    if not rtl:
        return _levels_in_ltr(classes, number)
    levels = [2 if kind == "L" or digit else 1 for kind, digit in zip(classes, number,
                                                                         strict=True)]
    barrier = _forced_brackets(texts, classes)
    barrier.update(i for i, kind in enumerate(classes) if kind == "R")
    latin: int | None = None
    for i, kind in enumerate(classes):  # whatever lies between two Latin letters is in their run
        if i in barrier:
            latin = None
        elif kind == "L":
            if latin is not None:
                levels[latin + 1:i] = [2] * (i - latin - 1)
            latin = i
    for start, stop in runs:  # ASCII digits next to Latin words read with them
        if _ascii_number(texts, start, stop):
            _join_latin(classes, number, barrier, levels, edge=start, step=-1)
            _join_latin(classes, number, barrier, levels, edge=stop - 1, step=1)
    return levels


def _levels_in_ltr(classes: Sequence[str], number: Sequence[bool]) -> list[int]:
    """Levels in a left-to-right line: a right-to-left run goes from a Persian letter to
    the last one before a Latin letter, its numbers a level higher."""
    levels = [0] * len(classes)
    i = 0
    while i < len(classes):
        if classes[i] != "R":
            i += 1
            continue
        last = stop = i
        while stop < len(classes) and classes[stop] != "L":
            if classes[stop] == "R":
                last = stop
            stop += 1
        for k in range(i, last + 1):
            levels[k] = 2 if number[k] else 1
        i = last + 1
    return levels


def _join_latin(classes: Sequence[str], number: Sequence[bool], barrier: set[int],
                levels: list[int], *, edge: int, step: int) -> None:
    """Put the neutrals between a number's ``edge`` and a Latin letter beyond it (going
    ``step``) at the Latin run's level."""
    k = edge + step
    while 0 <= k < len(classes) and not number[k] and classes[k] not in ("L", "R") and (
            k not in barrier):
        k += step
    if 0 <= k < len(classes) and classes[k] == "L":
        low, high = sorted((edge + step, k - step))
        levels[low:high + 1] = [2] * (high - low + 1)


def _reorder(levels: Sequence[int]) -> list[int]:
    """The bidi algorithm's rule L2, which undoes itself: visual order to logical."""
    order = list(range(len(levels)))
    odd = [level for level in levels if level % 2]
    if not odd:
        return order
    for level in range(max(levels), min(odd) - 1, -1):
        i = 0
        while i < len(order):
            if levels[order[i]] < level:
                i += 1
                continue
            stop = i
            while stop < len(order) and levels[order[stop]] >= level:
                stop += 1
            order[i:stop] = order[i:stop][::-1]
            i = stop
    return order


def _bracket(pieces: Sequence[str], k: int, odd: bool) -> str:
    """A bracket as the logical text needs it: opening before a word, closing after one.

    A right-to-left line draws its brackets mirrored, and the text layer names a
    mirrored glyph either way, so the side a bracket leans on decides; where that
    says nothing, a bracket at a right-to-left level is mirrored back.
    """
    text = pieces[k]
    family = next(f for f in _BRACKET_FAMILIES if text in f)
    before = pieces[k - 1] if k else ""
    after = pieces[k + 1] if k + 1 < len(pieces) else ""
    opens = (not before or before.isspace() or before in _OPENERS) and bool(after) and (
        not after.isspace())
    closes = (not after or after.isspace() or unicodedata.category(after[0])[0] == "P") and (
        bool(before) and not before.isspace())
    if opens != closes:
        return family[0] if opens else family[1]
    return _MIRRORED.get(text, text) if odd else text


def _arrange(texts: Sequence[str], rtl: bool) -> list[tuple[int, str]]:
    """Units in visual order (left to right) to logical order: each unit's index and its
    text, brackets turned to face the words they enclose."""
    levels = _levels(texts, rtl)
    order = _reorder(levels)
    pieces = [texts[i] for i in order]
    return [(i, _bracket(pieces, k, levels[i] % 2 == 1) if texts[i] in _MIRRORED else texts[i])
            for k, i in enumerate(order)]


def _is_rtl(texts: Sequence[str]) -> bool | None:
    """Whether strong letters are mostly right-to-left; ``None`` when there are none."""
    right = left = 0
    for text in texts:
        kind = _bidi_class(text)
        right += kind == "R"
        left += kind == "L"
    return None if right == left == 0 else right >= left


def _direction(texts: Sequence[str], page_rtl: bool, aligned: bool | None = None) -> bool:
    """A line's base direction (right-to-left: ``True``).

    Persian letters alone: right-to-left. Latin letters alone, or both kinds: the side
    the line is aligned to (``aligned``: ``True`` for the right margin) where it tells,
    else left-to-right for Latin alone and the page's direction for both. No letters:
    the page's direction.
    """
    kinds = {_bidi_class(text) for text in texts}
    if "L" not in kinds:
        return True if "R" in kinds else page_rtl
    if aligned is not None:
        return aligned
    return page_rtl if "R" in kinds else False


def visual_to_logical(text: str, rtl: bool | None = None) -> str:
    """A line in visual order (as drawn, left to right) back in logical order.

    ``rtl`` is the line's base direction; by default, left-to-right only for a line
    with Latin letters and no Persian ones. A combining mark goes with the character
    before it.

    Examples
    --------
    >>> visual_to_logical("۲۰۲۲ رییغت دصرد")
    'درصد تغییر ۲۰۲۲'
    >>> visual_to_logical("-۱۷ لودج")
    'جدول ۱۷-'
    >>> visual_to_logical(")بوف ،رالد نویلیم( ۱۰٫۷")
    '۱۰٫۷ (میلیون دلار، فوب)'
    """
    units: list[str] = []
    for ch in fold_presentation_forms(text):
        if units and unicodedata.combining(ch):
            units[-1] += ch
        else:
            units.append(ch)
    if rtl is None:
        rtl = _direction(units, page_rtl=True)
    return "".join(piece for _, piece in _arrange(units, rtl))


# ----------------------------------------------------------------- glyphs -------------------
@dataclass(slots=True)
class _Glyph:
    """One glyph of a page (or a space put between two): its text and where it is drawn."""

    text: str
    left: float
    right: float
    baseline: float
    em: float  # the font size on the page
    word: int  # the text layer's run of non-space characters it came in
    order: int  # its place in the text layer

    @property
    def center(self) -> float:
        return (self.left + self.right) / 2


class _Reader:
    """Reads one page's characters from PDFium, with the buffers its calls fill."""

    def __init__(self, raw: Any, textpage: Any):
        self.raw = raw
        self.textpage = textpage
        self.handle = textpage.raw
        self.x, self.y = ctypes.c_double(), ctypes.c_double()
        self.x_ref, self.y_ref = ctypes.byref(self.x), ctypes.byref(self.y)
        self.matrix = raw.FS_MATRIX()
        self.matrix_ref = ctypes.byref(self.matrix)
        self.rect = raw.FS_RECTF()
        self.rect_ref = ctypes.byref(self.rect)

    def code(self, index: int) -> int:
        return int(self.raw.FPDFText_GetUnicode(self.handle, index))

    def skipped(self, index: int, ch: str) -> bool:
        """Whether a character is a space PDFium put in, or no character at all."""
        return ch.isspace() or int(self.raw.FPDFText_IsGenerated(self.handle, index)) == 1

    def unmapped(self, index: int) -> bool:
        return int(self.raw.FPDFText_HasUnicodeMapError(self.handle, index)) == 1

    def geometry(self, index: int) -> tuple[float, float, float, float]:
        """A glyph's left and right edges and baseline, along its own line of writing
        (a page's text turned by a quarter turn reads as if upright), and its font size.

        The box is PDFium's loose one, the glyph's advance, where it has one; else the
        ink box; else the glyph's origin.
        """
        raw, handle = self.raw, self.handle
        raw.FPDFText_GetCharOrigin(handle, index, self.x_ref, self.y_ref)
        origin_x, origin_y = float(self.x.value), float(self.y.value)
        angle, scale = 0.0, 1.0
        if raw.FPDFText_GetMatrix(handle, index, self.matrix_ref):
            m = self.matrix
            if m.b or m.c:
                angle = math.atan2(m.b, m.a)
            scale = math.sqrt(abs(m.a * m.d - m.b * m.c))
        em = float(raw.FPDFText_GetFontSize(handle, index)) * scale
        em = em if math.isfinite(em) and em > 0 else 0.0
        left = bottom = right = top = 0.0
        if raw.FPDFText_GetLooseCharBox(handle, index, self.rect_ref):
            rect = self.rect
            left, bottom, right, top = (float(rect.left), float(rect.bottom),
                                        float(rect.right), float(rect.top))
        upright = abs(angle) < 0.01
        if not right > left or (em and right - left > 3 * em and upright):
            left, bottom, right, top = (float(v) for v in self.textpage.get_charbox(index))
            em = em or max(top - bottom, 1.0) / 0.7
            if not (right > left or top > bottom):
                left = right = origin_x
                bottom = top = origin_y
        em = em or 10.0
        if upright:
            return left, right, origin_y, em
        cos, sin = math.cos(angle), math.sin(angle)
        along = [px * cos + py * sin for px in (left, right) for py in (bottom, top)]
        return min(along), max(along), -origin_x * sin + origin_y * cos, em


def _page_glyphs(raw: Any, textpage: Any) -> tuple[list[_Glyph], int]:
    """The glyphs of a page with their geometry, and how many have no character."""
    reader = _Reader(raw, textpage)
    count = int(raw.FPDFText_CountChars(reader.handle))
    glyphs: list[_Glyph] = []
    unmapped = word = 0
    i = 0
    while i < count:
        index = i
        code = reader.code(index)
        i += 1
        if 0xD800 <= code < 0xDC00 and i < count and 0xDC00 <= reader.code(i) < 0xE000:
            code = 0x10000 + ((code - 0xD800) << 10) + (reader.code(i) - 0xDC00)
            i += 1
        ch = "\ufffd" if code == 0 or 0xD800 <= code < 0xE000 else chr(code)
        if reader.skipped(index, ch):
            word += 1
            continue
        category = unicodedata.category(ch)
        if category == "Cc" or (category == "Cf" and ch not in _KEPT_FORMAT):
            continue
        if ch == "\ufffd" or reader.unmapped(index):
            ch = "\ufffd"
            unmapped += 1
        text = fold_presentation_forms(ch)
        if not text:
            continue
        left, right, baseline, em = reader.geometry(index)
        last = glyphs[-1] if glyphs else None
        if (last is not None and last.word == word and right > left
                and abs(last.left - left) < 0.01 and abs(last.right - right) < 0.01):
            last.text += text  # one glyph of several characters, a ligature
            continue
        glyphs.append(_Glyph(text, left, right, baseline, em, word, index))
    return glyphs, unmapped


def _ligature(text: str) -> str:
    """A lam-alef ligature's letters in their logical order, whichever way they came."""
    if len(text) == 2 and text[0] in _ALEFS and text[1] == _LAM:
        return text[::-1]
    return text


def _lines(glyphs: list[_Glyph]) -> list[list[_Glyph]]:
    """Glyphs on one baseline, top of the page first, each line left to right."""
    lines: list[list[_Glyph]] = []
    current: list[_Glyph] = []
    for glyph in sorted(glyphs, key=lambda g: (-g.baseline, g.order)):
        if current and current[0].baseline - glyph.baseline > _BASELINE_TOLERANCE * max(
                glyph.em, current[0].em):
            lines.append(current)
            current = []
        current.append(glyph)
    if current:
        lines.append(current)
    return [_attach_marks(line) for line in lines]


def _attach_marks(line: list[_Glyph]) -> list[_Glyph]:
    """Left to right, each combining mark appended to the letter it is drawn on."""
    bases = sorted((g for g in line if not unicodedata.combining(g.text[0])),
                   key=lambda g: (g.center, g.order))
    for mark in (g for g in line if unicodedata.combining(g.text[0])):
        if bases:
            min(bases, key=lambda g: abs(g.center - mark.center)).text += mark.text
        else:
            bases.append(mark)
    kept: list[_Glyph] = []
    for glyph in bases:
        glyph.text = _ligature(glyph.text)
        last = kept[-1] if kept else None
        if (last is not None and last.text == glyph.text
                and abs(last.left - glyph.left) < _OVERPRINT * glyph.em
                and abs(last.right - glyph.right) < _OVERPRINT * glyph.em):
            continue  # the same glyph drawn again a hair's breadth away: a bold effect
        kept.append(glyph)
    return kept


def _aligned(line: list[_Glyph], margins: tuple[float, float], em: float) -> bool | None:
    """``True`` for a line that reaches the page's right margin but not its left, ``False``
    for the opposite, ``None`` for one that reaches both or neither."""
    at_left = line[0].left - margins[0] <= em
    at_right = margins[1] - max(g.right for g in line) <= em
    return None if at_left == at_right else at_right


def _word_like(glyph: _Glyph) -> bool:
    return glyph.text[0].isalnum()


def _space(previous: _Glyph, glyph: _Glyph, gap: float, em: float) -> bool:
    """Whether a gap between two glyphs of a line is a space between words.

    Between two letters or digits the text layer decides a narrow gap: a space where
    it has one (or PDFium put one), none where the two come in one run (a narrow
    letter of a wide font leaves a gap inside a word); a gap as wide as a word space
    is a space unless it lies inside one of the text layer's words.
    """
    if not (_word_like(glyph) and _word_like(previous)):
        return gap >= _WORD_GAP * em
    if glyph.word != previous.word:
        return gap >= _JOIN_GAP * em
    return gap >= _INNER_GAP * em


def _segments(line: list[_Glyph]) -> list[list[_Glyph]]:
    """A visual line cut into cells at wide gaps, with spaces put in at word gaps."""
    em = statistics.median(g.em for g in line)
    segments: list[list[_Glyph]] = [[line[0]]]
    reach = line[0].right
    for glyph in line[1:]:
        previous = segments[-1][-1]
        gap = glyph.left - reach
        if gap >= _CELL_GAP * em:
            segments.append([glyph])
        else:
            if _space(previous, glyph, gap, em):
                segments[-1].append(_Glyph(" ", reach, glyph.left, glyph.baseline, em, -1, -1))
            segments[-1].append(glyph)
        reach = max(reach, glyph.right)
    return segments


def _is_digit(glyph: _Glyph) -> bool:
    return len(glyph.text) == 1 and unicodedata.decimal(glyph.text, None) is not None


def _disordered_number(glyphs: Sequence[_Glyph]) -> str | None:
    """The first number (digits with separators inside it) whose digits, in the order
    given, do not go left to right on the page; ``None`` if all do."""
    run: list[_Glyph] = []
    for k, glyph in enumerate([*glyphs, None]):
        if glyph is not None and (_is_digit(glyph) or (
                run and _bidi_class(glyph.text) in ("C", "N") and k + 1 < len(glyphs)
                and _is_digit(glyphs[k + 1]))):
            run.append(glyph)
            continue
        digits = [g for g in run if _is_digit(g)]
        if any(a.center >= b.center for a, b in itertools.pairwise(digits)):
            return "".join(g.text for g in run)
        run = []
    return None


# ----------------------------------------------------------------- rows and blocks ----------
@dataclass(slots=True)
class _Row:
    """A visual line of a page, cut into cells (left to right)."""

    page: int
    number: int  # the line on its page, 1-based
    ordinal: int  # the line in the document, 1-based
    baseline: float
    em: float
    rtl: bool  # its base direction
    segments: list[list[_Glyph]]

    def span(self, source: str) -> Span:
        return Span(source, self.ordinal, 0, f"page{self.page}:line{self.number}")

    def where(self, source: str) -> str:
        return f"{source}:page{self.page}:line{self.number}"

    def texts(self) -> list[str]:
        return [g.text for segment in self.segments for g in segment]


def _extent(segment: list[_Glyph]) -> tuple[float, float]:
    return segment[0].left, max(g.right for g in segment)


def _overlap(a: tuple[float, float], b: tuple[float, float]) -> bool:
    return a[0] < b[1] and a[1] > b[0]


def _text(segment: list[_Glyph], rtl: bool, row: _Row, source: str) -> str:
    """A cell's (or a line's) text in logical order, its numbers checked against the page."""
    arranged = _arrange([g.text for g in segment], rtl)
    bad = _disordered_number([segment[i] for i, _ in arranged])
    if bad is not None:
        raise InputError(f"the digits of the number {bad!r} could not be put in their "
                         "printed order", source=row.where(source))
    return "".join(piece for _, piece in arranged)


def _columns(rows: Sequence[_Row]) -> tuple[list[list[tuple[int, int]]], int] | int:
    """Each row's cells as column ranges (left to right) and the number of columns, or
    the index of the first row whose cells do not line up with the others."""
    reference = max(rows, key=lambda r: len(r.segments))
    columns = sorted(_extent(s) for s in reference.segments)
    extents = [[_extent(s) for s in row.segments] for row in rows]
    for left, right in (extent for row in extents for extent in row):
        if not any(_overlap((left, right), column) for column in columns):
            columns = sorted([*columns, (left, right)])
    placed: list[list[tuple[int, int]]] = []
    for index, row in enumerate(extents):
        ranges = []
        taken: set[int] = set()
        for left, right in row:
            hits = [c for c, column in enumerate(columns) if _overlap((left, right), column)]
            if taken.intersection(hits):
                return index
            taken.update(hits)
            ranges.append((hits[0], hits[-1]))
        placed.append(ranges)
    return placed, len(columns)


def _spacing(rows: Sequence[_Row]) -> float:
    """The usual distance between the baselines of consecutive rows."""
    gaps = [a.baseline - b.baseline for a, b in itertools.pairwise(rows)]
    return statistics.median(gaps) if gaps else 0.0


def _merge_row_spans(rows: list[_Row], slots: list[list[Cell | None]]) -> None:
    """Fold a row drawn between two others, in the columns both leave empty, into both:
    cells spanning two rows, their text centred between them."""
    limit = 0.75 * _spacing(rows)
    k = 1
    while k + 1 < len(rows):
        up, middle, down = slots[k - 1], slots[k], slots[k + 1]
        filled = {c for c, cell in enumerate(middle) if cell is not None}
        if (filled and all(up[c] is None and down[c] is None for c in filled)
                and rows[k - 1].baseline - rows[k].baseline <= limit
                and rows[k].baseline - rows[k + 1].baseline <= limit):
            for c in filled:
                up[c] = down[c] = middle[c]
            del rows[k], slots[k]
        k += 1


def _grids(rows: list[_Row], source: str, page_rtl: bool) -> list[Grid | _Row]:
    """Rows that line up in columns as grids; the others as they are."""
    if len(rows) < 2:
        return list(rows)
    result = _columns(rows)
    if isinstance(result, int):
        return [*_grids(rows[:result], source, page_rtl), rows[result],
                *_grids(rows[result + 1:], source, page_rtl)]
    placed, width = result
    if width < 2 or sum(len(row.segments) > 1 for row in rows) < 2:
        return list(rows)
    rtl = _direction([text for row in rows for text in row.texts()], page_rtl)
    slots: list[list[Cell | None]] = []
    for row, ranges in zip(rows, placed, strict=True):
        line: list[Cell | None] = [None] * width
        for segment, (first, last) in zip(row.segments, ranges, strict=True):
            cell = Cell(_text(segment, rtl, row, source), row.span(source))
            line[first:last + 1] = [cell] * (last - first + 1)
        slots.append(line)
    rows = list(rows)
    _merge_row_spans(rows, slots)
    cells = [tuple(cell or Cell("", row.span(source)) for cell in line)
             for row, line in zip(rows, slots, strict=True)]
    return [Grid(tuple(row[::-1] if rtl else row for row in cells), rows[0].span(source))]


def _near(above: _Row, below: _Row, ems: float) -> bool:
    return above.baseline - below.baseline <= ems * max(above.em, below.em)


def _heads(row: _Row, table: Sequence[_Row]) -> bool:
    """Whether a one-cell line just above a table heads some of its columns (``سال``
    over the years), rather than titling it: as near as its rows are to each other, over
    some columns but not all."""
    spacing = _spacing(table)
    if len(row.segments) != 1 or not spacing or row.baseline - table[0].baseline > (
            1.2 * spacing):
        return False
    extent = _extent(row.segments[0])
    columns = [_extent(s) for s in max(table, key=lambda r: len(r.segments)).segments]
    hits = sum(_overlap(extent, column) for column in columns)
    return 0 < hits < len(columns)


def _parts(run: list[_Row]) -> list[list[_Row] | _Row]:
    """A run of rows cut where rows lie much further apart than usual (two tables, one
    under the other), each part trimmed to start and end with a row of several cells."""
    spacing = _spacing(run)
    parts: list[list[_Row] | _Row] = []
    current: list[_Row] = []
    for k, row in enumerate(run):
        if current and run[k - 1].baseline - row.baseline > _TABLE_BREAK * spacing:
            parts += _trimmed(current)
            current = []
        current.append(row)
    return parts + _trimmed(current)


def _trimmed(rows: list[_Row]) -> list[list[_Row] | _Row]:
    several = [k for k, row in enumerate(rows) if len(row.segments) > 1]
    if not several:
        return list(rows)
    first, last = several[0], several[-1] + 1
    return [*rows[:first], rows[first:last], *rows[last:]]


def _tables(rows: list[_Row], source: str, page_rtl: bool) -> list[Grid | _Row]:
    """A page's rows with each run of rows of several cells (and the one-cell rows
    between or heading them) made a grid where their cells line up."""
    pieces: list[Grid | _Row] = []
    i = 0
    while i < len(rows):
        if len(rows[i].segments) < 2:
            pieces.append(rows[i])
            i += 1
            continue
        stop = end = i + 1  # end: after the run's last row of several cells
        while stop < len(rows) and _near(rows[stop - 1], rows[stop], _ROW_GAP):
            stop += 1
            if len(rows[stop - 1].segments) > 1:
                end = stop
        for part in _parts(rows[i:end]):
            if isinstance(part, _Row):
                pieces.append(part)
                continue
            table = list(part)
            while (len(table) < len(part) + 2 and pieces and isinstance(pieces[-1], _Row)
                   and _heads(pieces[-1], table)):
                popped = pieces.pop()
                assert isinstance(popped, _Row)
                table.insert(0, popped)
            pieces += _grids(table, source, page_rtl)
        i = end
    return pieces


def _page_blocks(rows: list[_Row], source: str, page_rtl: bool) -> list[Block]:
    """A page's rows to blocks: grids where cells line up, the rest as paragraphs."""
    blocks: list[Block] = []
    lines: list[Line] = []
    previous: _Row | None = None
    for piece in _tables(rows, source, page_rtl):
        if isinstance(piece, Grid):
            if lines:
                blocks.append(Paragraph(tuple(lines)))
            blocks.append(piece)
            lines, previous = [], None
            continue
        tabular = len(piece.segments) > 1 and previous is not None and len(previous.segments) > 1
        if previous is not None and not _near(previous, piece,
                                              _ROW_GAP if tabular else _PARAGRAPH_GAP):
            blocks.append(Paragraph(tuple(lines)))
            lines = []
        cells = [_text(segment, piece.rtl, piece, source) for segment in piece.segments]
        lines.append(Line("\t".join(cells[::-1] if piece.rtl else cells), piece.span(source)))
        previous = piece
    if lines:
        blocks.append(Paragraph(tuple(lines)))
    return blocks


# ----------------------------------------------------------------- the file -----------------
def _open_failure(pdfium: Any, error: Exception) -> str:
    code = getattr(error, "err_code", None)
    if code == pdfium.raw.FPDF_ERR_PASSWORD:
        return "the PDF is encrypted (password-protected); save an unprotected copy"
    if code == pdfium.raw.FPDF_ERR_SECURITY:
        return "the PDF is protected by an unsupported security handler"
    return "not a readable PDF: the file is damaged or is not a PDF"


def _pages(pdfium: Any, data: bytes, source: str) -> Generator[tuple[list[_Glyph], int]]:
    """Each page's glyphs and count of characterless glyphs, one page at a time; the
    document and its pages are closed as soon as they are read (or reading stops)."""
    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        raise InputError(_open_failure(pdfium, exc), source=source) from None
    characters = 0
    index = 0
    try:
        if len(document) > MAX_PDF_PAGES:
            raise InputError(f"the PDF has {len(document):,} pages; the limit is "
                             f"{MAX_PDF_PAGES:,}", source=source)
        for index in range(len(document)):
            page = document[index]
            try:
                textpage = page.get_textpage()
                try:
                    characters += int(pdfium.raw.FPDFText_CountChars(textpage.raw))
                    if characters > MAX_PDF_CHARS:
                        raise InputError(f"the PDF's text layer holds over {MAX_PDF_CHARS:,} "
                                         "characters, the limit", source=source)
                    read = _page_glyphs(pdfium.raw, textpage)
                finally:
                    textpage.close()
            finally:
                page.close()
            yield read
    except pdfium.PdfiumError as exc:
        raise InputError(f"the PDF could not be read (page {index + 1}): {exc}",
                         source=source) from None
    finally:
        document.close()


def _check_reading_order(blocks: list[Block], source: str) -> None:
    texts: list[str] = []
    for block in blocks:
        if isinstance(block, Grid):
            texts += (cell.text for row in block.rows for cell in row)
        else:
            texts += (line.text for line in block.lines)
    words = _PERSIAN_WORD.findall(" ".join(texts))
    forwards = sum(word in _COMMON_WORDS for word in words)
    backwards = sum(word[::-1] in _COMMON_WORDS for word in words)
    if backwards >= 3 and backwards > forwards:
        raise InputError(f"the PDF's text could not be put in reading order ({backwards} common "
                         "words still read backwards)", source=source)


def _page_rows(page: int, glyphs: list[_Glyph], before: int, page_rtl: bool) -> list[_Row]:
    """A page's visual lines, top first, cut into cells, with their base directions;
    ``before`` lines came on the pages before."""
    lines = _lines(glyphs)
    margins = (min((line[0].left for line in lines), default=0.0),
               max((max(g.right for g in line) for line in lines), default=0.0))
    rows: list[_Row] = []
    for number, line in enumerate(lines, start=1):
        em = statistics.median(g.em for g in line)
        rtl = _direction([g.text for g in line], page_rtl, _aligned(line, margins, em))
        rows.append(_Row(page, number, before + number, line[0].baseline, em, rtl,
                         _segments(line)))
    return rows


def read_pdf(path: Path, source: str) -> list[Block]:
    """Read a PDF's text layer as blocks in reading order: lines of prose and tables.

    Parameters
    ----------
    path : Path
        The PDF file.
    source : str
        Its name in spans and error messages.

    Returns
    -------
    list of Block
        Page by page, top to bottom: `Paragraph` blocks of `Line` objects (one a
        visual line) and a `Grid` for lines whose cells line up in columns; each
        located ``source:pageP:lineK``, its ``line`` the line's place in the document.

    Raises
    ------
    InputError
        If pypdfium2 (the ``pdf`` extra) is missing; the file is not a regular file, is
        over `chile_trade.io.reading.MAX_FILE_BYTES`, encrypted, damaged or not a PDF; it
        has no text layer (scanned pages: OCR is not supported) or one without characters;
        or its text cannot be put in reading order.
    """
    pdfium = require("pypdfium2", "pdf", source)
    data = read_bytes(Path(path), source)
    blocks: list[Block] = []
    total = unmapped = ordinal = 0
    page_rtl = True  # a page without letters reads as the page before it
    with contextlib.closing(_pages(pdfium, data, source)) as pages:
        for page, (glyphs, characterless) in enumerate(pages, start=1):
            total += len(glyphs)
            unmapped += characterless
            rtl = _is_rtl([g.text for g in glyphs])
            page_rtl = page_rtl if rtl is None else rtl
            rows = _page_rows(page, glyphs, ordinal, page_rtl)
            ordinal += len(rows)
            blocks += _page_blocks(rows, source, page_rtl)
    if not total:
        raise InputError(NO_TEXT_LAYER, source=source)
    if unmapped > _MAX_UNMAPPED_SHARE * total:
        raise InputError("the PDF's text layer does not say which characters its glyphs are "
                         "(fonts without a character map); OCR is not supported", source=source)
    _check_reading_order(blocks, source)
    return blocks
