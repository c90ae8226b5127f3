"""Excel workbooks (.xlsx): each sheet's rows to prose lines and table grids.

A row whose only content is one text (a title, often in a merged cell; a
sentence under a table) is a prose `Line`; a run of rows is a `Paragraph`.
Rows with two or more filled cells (or a number) are table rows; each run
of them, up to an empty row or a prose row, is one `Grid` spanning the
run's used columns. A merged range's value is repeated in every slot it
covers. Every piece is located as ``Sheet1!C4``.

Cells are read as the sheet prints them: a number through its number format
(``#,##0``, ``0.0``, ``0.0%`` ...), rounded half away from zero to the
format's decimals, with ASCII digits, ``.`` as the decimal point and no
thousands separator. A number the sheet shows in ``General`` keeps the
digits stored, which tell nothing of its precision; its cell says so in
``note``. Formulas are never evaluated: their values are those Excel stored
when it last saved the file, and a formula saved without one is an empty
cell with a note.

The work is bounded before openpyxl reads the file: the file's size
(`MAX_FILE_BYTES`), its unpacked size (`MAX_UNPACKED_BYTES`), its sheets
(`MAX_SHEETS`), each sheet's stored cells, merged slots included (openpyxl
makes an object of each) (`MAX_SHEET_CELLS`, `MAX_WORKBOOK_CELLS`), and the
XML elements of each part (`MAX_SHEET_ELEMENTS`).
"""

from __future__ import annotations

import datetime
import functools
import io
import lzma
import math
import posixpath
import warnings
import xml.etree.ElementTree as ET
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation, localcontext
from pathlib import Path
from typing import IO, Any

from chile_trade.core.blocks import Block, Cell, Grid, Line, Paragraph
from chile_trade.core.records import Span
from chile_trade.errors import InputError
from chile_trade.io.formats import require
from chile_trade.io.paths import display_path
from chile_trade.io.reading import MAX_FILE_BYTES, read_bytes

__all__ = ["MAX_SHEETS", "MAX_SHEET_CELLS", "MAX_SHEET_ELEMENTS", "MAX_UNPACKED_BYTES",
           "MAX_WORKBOOK_CELLS", "format_number", "read_xlsx"]

MAX_SHEET_CELLS = 100_000
"""Sheets storing more cells than this (filled or only formatted) are refused, by name."""
MAX_WORKBOOK_CELLS = 300_000
"""Workbooks storing more cells than this in all their sheets are refused."""
MAX_UNPACKED_BYTES = 4 * MAX_FILE_BYTES
"""Workbooks whose parts unpack to more than this (32 MiB) are refused unread."""
MAX_SHEET_ELEMENTS = 4 * MAX_SHEET_CELLS
"""Sheets, and other XML parts, of more elements than this (cells, values, rows,
ranges, styles, shared texts ...) are refused."""
MAX_SHEETS = 1_000
"""Workbooks of more sheets than this are refused."""

NOTE_GENERAL = "no number format: precision taken from the digits stored"
NOTE_FORMULA = "formula with no stored value"
_RELATIONSHIP = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_COLORS = frozenset({"black", "blue", "cyan", "green", "magenta", "red", "white", "yellow"})
_MAX_PLACES = 30  # Excel prints at most 30 decimals
_MAX_SCALE = 60  # powers of ten from '%' and scaling commas
_GENERAL_DIGITS = 15  # Excel keeps 15 significant digits of a number
_PRECISION = 1_000  # digits of the decimal arithmetic; a float has at most 309 before the point
# What a damaged archive or part raises, in zipfile, its decompressors and the XML parsers.
_DAMAGED: tuple[type[Exception], ...] = (
    zipfile.BadZipFile, zlib.error, lzma.LZMAError, KeyError, IndexError, OSError, ValueError,
    SyntaxError, EOFError, RuntimeError)


def read_xlsx(path: Path, source: str) -> list[Block]:
    """Read an Excel workbook's sheets, in order, as blocks with their cells' places.

    Parameters
    ----------
    path : Path
        The ``.xlsx`` (or ``.xlsm``) file.
    source : str
        The file's name in spans and error messages.

    Returns
    -------
    list of Block
        Per sheet, top to bottom: a `Paragraph` for each run of prose rows and a
        `Grid` for each run of table rows. Spans hold the row's ordinal in the
        whole workbook as ``line``, the column number (A = 1) as ``column`` and
        ``Sheet!C4`` as ``locator``.

    Raises
    ------
    InputError
        If openpyxl is not installed (naming the extra to install), if the file is
        not a readable workbook, or if it or one of its sheets is over a limit.
    """
    openpyxl = require("openpyxl", "xlsx", source)
    exceptions = require("openpyxl.utils.exceptions", "xlsx", source)
    data = read_bytes(path, source)
    pending = _scan_archive(data, source)
    try:
        with warnings.catch_warnings():
            # openpyxl warns of parts it skips (data validation, a date out of range ...)
            warnings.simplefilter("ignore")
            workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=False, data_only=True,
                                              keep_links=False)
    except (exceptions.InvalidFileException, TypeError, AttributeError, *_DAMAGED) as exc:
        # openpyxl checks parts' values with descriptors that raise TypeError / ValueError
        raise _unreadable(source, exc) from None
    merged_type = require("openpyxl.cell.cell", "xlsx", source).MergedCell
    reader = _SheetReader(source, merged_type)
    blocks: list[Block] = []
    for sheet in workbook.worksheets:
        blocks.extend(reader.read(sheet, pending.get(str(sheet.title), frozenset())))
    return blocks


def _unreadable(source: str, exc: BaseException) -> InputError:
    detail = str(exc).strip().splitlines()[0][:200] if str(exc).strip() else type(exc).__name__
    return InputError("not a readable Excel .xlsx workbook (an old .xls, a password-protected "
                      f"or a damaged file?): {detail}", source=source)


# ---------------------------------------------------------------- the file and its archive


def _local(tag: str) -> str:
    """An XML tag or attribute name without its namespace."""
    return tag.rpartition("}")[2]


def _relationships(archive: zipfile.ZipFile, part: str) -> dict[str, tuple[str, str]]:
    """A part's relationships: id to (type, target part name); none if it has no rels."""
    folder, name = posixpath.split(part)
    rels = posixpath.join(folder, "_rels", f"{name}.rels")
    if rels not in archive.NameToInfo:
        return {}
    found: dict[str, tuple[str, str]] = {}
    with archive.open(rels) as stream:
        for tag, element in _ended(stream, frozenset()):
            target = element.get("Target", "")
            if tag != "Relationship" or element.get("TargetMode") == "External":
                continue
            target = (target.lstrip("/") if target.startswith("/")
                      else posixpath.normpath(posixpath.join(folder, target)))
            found[element.get("Id", "")] = (element.get("Type", ""), target)
    return found


def _sheet_parts(archive: zipfile.ZipFile, source: str) -> list[tuple[str, str]]:
    """The workbook's worksheets in order: (name, part name)."""
    book = next((target for kind, target in _relationships(archive, "").values()
                 if kind.endswith("/officeDocument")), "xl/workbook.xml")
    rels = _relationships(archive, book)
    sheets: list[tuple[str, str]] = []
    with archive.open(book) as stream:
        for tag, element in _ended(stream, frozenset()):
            if tag != "sheet":
                continue
            if len(sheets) >= MAX_SHEETS:
                raise InputError(f"the workbook has more than {MAX_SHEETS:,} sheets, the limit",
                                 source=source)
            kind, part = rels.get(element.get(f"{{{_RELATIONSHIP}}}id", ""), ("", ""))
            if kind.endswith("/worksheet") and part in archive.NameToInfo:
                sheets.append((element.get("name", ""), part))
    return sheets


def _scan_archive(data: bytes, source: str) -> dict[str, frozenset[tuple[int, int]]]:
    """Check the archive's limits before openpyxl reads it, and find the formulas
    saved without a value (openpyxl's values-only reading cannot tell them from empty
    cells): their (row, column) by sheet name."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
            if unpacked > MAX_UNPACKED_BYTES:
                raise InputError(f"the workbook unpacks to {unpacked:,} bytes; the limit is "
                                 f"{MAX_UNPACKED_BYTES:,}", source=source)
            sheets = _sheet_parts(archive, source)
            scanned: dict[str, tuple[int, frozenset[tuple[int, int]]]] = {}
            total = 0
            for name, part in sheets:
                if part not in scanned:
                    with archive.open(part) as stream:
                        scanned[part] = _scan_sheet(stream, name, source)
                    total += scanned[part][0]
                if total > MAX_WORKBOOK_CELLS:
                    raise InputError(f"the workbook stores more than {MAX_WORKBOOK_CELLS:,} "
                                     "cells, the limit", source=source)
            for info in archive.infolist():
                if info.filename not in scanned and info.filename.endswith((".xml", ".rels")):
                    _count_elements(archive, info.filename, source)
    except _DAMAGED as exc:
        if isinstance(exc, InputError):
            raise
        raise _unreadable(source, exc) from None
    return {name: scanned[part][1] for name, part in sheets}


def _count_elements(archive: zipfile.ZipFile, part: str, source: str) -> None:
    """Refuse an XML part of more than `MAX_SHEET_ELEMENTS` elements."""
    try:
        with archive.open(part) as stream:
            for count, _ in enumerate(_ended(stream, frozenset()), start=1):
                if count > MAX_SHEET_ELEMENTS:
                    raise InputError(f"the workbook's part {display_path(part)!r} is too "
                                     f"large: more than {MAX_SHEET_ELEMENTS:,} XML elements",
                                     source=source)
    except ET.ParseError:
        pass  # a part openpyxl needs is refused when it reads it; others are not read


def _ended(stream: IO[bytes], keep: frozenset[str]) -> Iterator[tuple[str, ET.Element]]:
    """Each element of an XML part as it ends, with its tag's local name. Ended
    elements are let go (only the open ones are held), but the children of a ``keep``
    element, until it ends."""
    open_elements: list[ET.Element] = []
    for event, element in ET.iterparse(stream, events=("start", "end")):
        if event == "start":
            open_elements.append(element)
            continue
        open_elements.pop()
        yield _local(element.tag), element
        if open_elements and _local(open_elements[-1].tag) not in keep:
            open_elements[-1].remove(element)


def _scan_sheet(stream: IO[bytes], name: str,
                source: str) -> tuple[int, frozenset[tuple[int, int]]]:
    """Count a sheet's stored cells and merged slots (refusing too many) and find its
    formulas with no stored value."""
    cells = 0
    pending: set[tuple[int, int]] = set()
    for elements, (tag, element) in enumerate(_ended(stream, frozenset({"c"})), start=1):
        if tag == "c":
            cells += 1
            children = {_local(child.tag): child.text for child in element}
            place = _coordinate(element.get("r", ""))
            # No value: no <v>, or an empty one but for a text result (openpyxl writes
            # its formulas with '<v></v>'; Excel a formula's empty text so, as t="str").
            if "f" in children and place is not None and not children.get("v") and (
                    "v" not in children or element.get("t", "n") != "str"):
                pending.add(place)
        elif tag == "mergeCell":
            cells += _area(element.get("ref", ""))
        if cells > MAX_SHEET_CELLS:
            raise InputError(f"sheet {display_path(name)!r} stores more than "
                             f"{MAX_SHEET_CELLS:,} cells, the limit", source=source)
        if elements > MAX_SHEET_ELEMENTS:
            raise InputError(f"sheet {display_path(name)!r} is too large: more than "
                             f"{MAX_SHEET_ELEMENTS:,} XML elements", source=source)
    return cells, frozenset(pending)


def _area(reference: str) -> int:
    """The number of cells of a range ``A1:F3`` (1 if it is not one)."""
    first, _, last = reference.partition(":")
    top_left, bottom_right = _coordinate(first), _coordinate(last)
    if top_left is None or bottom_right is None:
        return 1
    return ((abs(bottom_right[0] - top_left[0]) + 1)
            * (abs(bottom_right[1] - top_left[1]) + 1))


def _coordinate(reference: str) -> tuple[int, int] | None:
    """``C4`` as (row 4, column 3); None if it is not a cell reference."""
    letters = reference.rstrip("0123456789")
    digits = reference[len(letters):]
    if not (letters.isascii() and letters.isalpha() and digits.isdigit()) or len(letters) > 3:
        return None
    column = 0
    for letter in letters.upper():
        column = column * 26 + ord(letter) - ord("A") + 1
    return int(digits), column


def _column_letters(column: int) -> str:
    letters = ""
    while column:
        column, rest = divmod(column - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


# ---------------------------------------------------------------- sheets to blocks


@dataclass(frozen=True, slots=True)
class _Entry:
    """A cell with content, as printed; a merged range's value covers several."""

    text: str
    note: str
    prose: bool  # a text, not a number, a date or a formula with no value
    first: int  # the columns and rows it covers
    last: int
    top: int
    bottom: int


class _SheetReader:
    """Turns sheets into blocks, numbering rows across the whole workbook."""

    def __init__(self, source: str, merged_type: type):
        self.source = source
        self.merged_type = merged_type
        self.ordinal = 0
        self.slots = 0  # the current sheet's grid slots so far

    def read(self, sheet: Any, pending: frozenset[tuple[int, int]]) -> Iterator[Block]:
        name = display_path(str(sheet.title))
        entries = self._entries(sheet, name, pending)
        # Every row an entry covers, with the entries covering it (a merged range
        # covers its rows below the first as a continuation).
        rows: dict[int, list[_Entry]] = {}
        covered = 0
        for entry in sorted(entries.values(), key=lambda e: (e.top, e.first)):
            covered += entry.bottom - entry.top + 1
            if covered > MAX_SHEET_CELLS:
                raise InputError(f"sheet {name!r} covers more than {MAX_SHEET_CELLS:,} cells "
                                 "with merged ranges, the limit", source=self.source)
            for row in range(entry.top, entry.bottom + 1):
                rows.setdefault(row, []).append(entry)
        prose: list[Line] = []
        grid: list[tuple[int, int, list[_Entry]]] = []  # (ordinal, row, entries)
        last_row = 0
        self.slots = 0
        for row in sorted(rows):
            items = sorted(rows[row], key=lambda e: e.first)
            starting = [e for e in items if e.top == row]
            adjacent = row == last_row + 1
            last_row = row
            if not starting and adjacent and prose:
                continue  # the rows below a merged prose cell
            is_prose = len(items) == 1 and items[0].prose and bool(starting)
            if prose and not (is_prose and adjacent):
                yield Paragraph(tuple(prose))
                prose = []
            if grid and (is_prose or not adjacent):
                yield self._grid(grid, name)
                grid = []
            if not is_prose and not starting and not grid:
                continue  # a merged range's rows below a table that ended
            self.ordinal += 1
            if is_prose:
                entry = items[0]
                prose.append(Line(entry.text, self._span(name, row, entry.first)))
            else:
                grid.append((self.ordinal, row, items))
        if prose:
            yield Paragraph(tuple(prose))
        if grid:
            yield self._grid(grid, name)

    def _entries(self, sheet: Any, name: str,
                 pending: frozenset[tuple[int, int]]) -> dict[tuple[int, int], _Entry]:
        stored: dict[tuple[int, int], Any] = sheet._cells  # openpyxl has no public walk of
        if len(stored) > MAX_SHEET_CELLS:  # the cells stored (iter_rows fills the rectangle)
            raise InputError(f"sheet {name!r} stores more than {MAX_SHEET_CELLS:,} cells, "
                             "the limit", source=self.source)
        spans = {(r.min_row, r.min_col): r for r in sheet.merged_cells.ranges}
        entries: dict[tuple[int, int], _Entry] = {}
        for (row, column), cell in stored.items():
            if isinstance(cell, self.merged_type):
                continue
            printed = _printed(cell.value, str(cell.number_format or "General"),
                               str(cell.data_type))
            if printed is None:
                if (row, column) not in pending:
                    continue
                printed = ("", NOTE_FORMULA, False)
            text, note, is_text = printed
            merged = spans.get((row, column))
            entries[row, column] = _Entry(
                text, note, is_text, column, merged.max_col if merged else column,
                row, merged.max_row if merged else row)
        return entries

    def _span(self, name: str, row: int, column: int) -> Span:
        return Span(self.source, self.ordinal, column, f"{name}!{_column_letters(column)}{row}")

    def _grid(self, grid: list[tuple[int, int, list[_Entry]]], name: str) -> Grid:
        """A run of table rows as a grid over its used columns; the sheet's grids'
        slots are counted, and refused over the limit, before this one is built."""
        first = min(e.first for _, _, items in grid for e in items)
        last = max(e.last for _, _, items in grid for e in items)
        self.slots += (last - first + 1) * len(grid)
        if self.slots > MAX_SHEET_CELLS:
            raise InputError(f"sheet {name!r} has tables of more than {MAX_SHEET_CELLS:,} "
                             "cells, the limit", source=self.source)
        rows: list[tuple[Cell, ...]] = []
        for ordinal, row, items in grid:
            slots: dict[int, _Entry] = {}
            for entry in items:
                for column in range(entry.first, entry.last + 1):
                    slots[column] = entry
            cells = []
            for column in range(first, last + 1):
                span = Span(self.source, ordinal, column,
                            f"{name}!{_column_letters(column)}{row}")
                entry_here = slots.get(column)
                cells.append(Cell(entry_here.text, span, note=entry_here.note) if entry_here
                             else Cell("", span))
            rows.append(tuple(cells))
        return Grid(tuple(rows), rows[0][0].span)


# ---------------------------------------------------------------- cell values as printed


def _printed(value: object, number_format: str,  # noqa: PLR0911  one return per kind
             data_type: str) -> tuple[str, str, bool] | None:
    """A cell's value as printed: (text, note, is prose text); None if it is empty."""
    if value is None:
        return None
    if isinstance(value, str):
        text = " ".join(value.split())
        if not text:
            return None
        if data_type == "e":
            return text, "an error value in place of a number", False
        return text, "", True
    if isinstance(value, bool):
        return str(value), "a true/false value", False
    if isinstance(value, datetime.date | datetime.time | datetime.timedelta):
        return (str(value), f"a date or time, printed in ISO form, not by its format "
                            f"{number_format!r}", False)
    if isinstance(value, int | float):
        text, note = format_number(value, number_format)
        return text, note, False
    return " ".join(str(value).split()), f"a value of type {type(value).__name__}", False


def format_number(value: int | float, number_format: str) -> tuple[str, str]:
    """A number as Excel prints it in ``number_format``, and a note on what was assumed.

    Digits are ASCII, the decimal point is ``.``, thousands are not separated;
    the value is rounded half away from zero from the decimal digits stored.

    Examples
    --------
    >>> format_number(1248, "#,##0")
    ('1248', '')
    >>> format_number(0.139, "0.0%")
    ('13.9%', '')
    >>> format_number(-1528, "#,##0;(#,##0)")
    ('(1528)', '')
    >>> format_number(195.6, "General")
    ('195.6', 'no number format: precision taken from the digits stored')
    """
    if isinstance(value, float) and not math.isfinite(value):
        return str(value), "not a finite number"
    if number_format.strip().lower() in {"", "general", "@"}:
        return _general(value), NOTE_GENERAL
    exact = Decimal(value) if isinstance(value, int) else Decimal(repr(value))
    sections = _compiled(number_format)
    section: _Section | None = None
    sign = ""
    if sections is not None:
        if exact < 0 and len(sections) > 1:
            section = sections[1]
        elif exact == 0 and len(sections) > 2:
            section = sections[2]
        else:
            section = sections[0]
            sign = "-" if exact < 0 else ""
    if section is None:
        return _general(value), (f"number format {number_format!r} not read: precision "
                                 "taken from the digits stored")
    if not section.digits:
        text = " ".join((section.prefix + section.suffix).split())
        shown = f"as {text!r}" if text else "as nothing"
        return text, f"the number format prints the number {_general(value)} {shown}"
    try:
        with localcontext(prec=_PRECISION):
            numeral = _fixed(abs(exact).scaleb(2 * section.percent - 3 * section.thousands),
                             section)
    except InvalidOperation:
        return _general(value), (f"number too long for its format {number_format!r}: "
                                 "precision taken from the digits stored")
    text = " ".join((sign + section.prefix + numeral + section.suffix).split())
    note = (f"printed divided by {1000 ** section.thousands:,} by its number format"
            if section.thousands else "")
    return text, note


def _general(value: int | float) -> str:
    """The digits stored (15 significant digits of a float, Excel's), positional."""
    if isinstance(value, int):
        return str(value)
    with localcontext(prec=_GENERAL_DIGITS, rounding=ROUND_HALF_UP):
        number = (+Decimal(repr(value))).normalize()
    with localcontext(prec=_PRECISION):
        text = format(number, "f")
    return "0" if text == "-0" else text


@dataclass(frozen=True, slots=True)
class _Section:
    """One section of a number format, as far as a number's printing needs it."""

    prefix: str  # text before the number
    suffix: str  # text after it
    digits: bool  # whether the number is printed at all
    min_integer: int  # integer digits always printed ('0' placeholders)
    decimals: int
    optional: int  # trailing decimals printed only if not zero ('#', '?')
    percent: int  # '%' signs: each multiplies the value by 100
    thousands: int  # scaling commas after the digits: each divides it by 1000


@functools.lru_cache(maxsize=256)
def _compiled(number_format: str) -> tuple[_Section | None, ...] | None:
    """A format's sections for numbers (positive, negative, zero), each None where it
    is not read here; None if the format is not."""
    sections = _sections(number_format)
    if sections is None or len(sections) > 4:
        return None
    return tuple(_parse_section(section) for section in sections[:3])  # the 4th: text


def _sections(number_format: str) -> list[str] | None:
    """A format's sections (positive; negative; zero; text), split on ';' outside
    quotes, escapes and brackets; None if a quote or bracket is not closed."""
    sections: list[str] = []
    start = 0
    i = 0
    while i < len(number_format):
        ch = number_format[i]
        if ch in "\"[":
            end = number_format.find('"' if ch == '"' else "]", i + 1)
            if end < 0:
                return None
            i = end + 1
        elif ch in "\\_*":
            i += 2
        elif ch == ";":
            sections.append(number_format[start:i])
            start = i = i + 1
        else:
            i += 1
    sections.append(number_format[start:])
    return sections


def _tokens(section: str) -> list[tuple[str, str]] | None:
    """A format section's pieces: ``('digit', '0' | '#' | '?')``, ``('.', '.')``,
    ``(',', ',')``, ``('%', '%')`` and ``('text', literal)``; None for what is not read
    here (dates and times, scientific notation, fractions, conditions, text)."""
    tokens: list[tuple[str, str]] = []
    i = 0
    while i < len(section):
        ch = section[i]
        if ch in "\"[":
            end = section.find('"' if ch == '"' else "]", i + 1)
            literal = section[i + 1:end] if ch == '"' else _bracket(section[i + 1:end])
            if end < 0 or literal is None:
                return None
            tokens.append(("text", literal))
            i = end + 1
        elif ch in "\\_*":
            # an escaped character; a space as wide as the next one; a fill
            tokens.append(("text", section[i + 1:i + 2] if ch == "\\" else ""))
            i += 2
        elif (ch.isascii() and ch.isalpha()) or ch in "@/":
            return None  # dates, times, 'E+00', fractions, text, 'General' in a section
        else:
            tokens.append(("digit" if ch in "0#?" else ch if ch in ".,%" else "text", ch))
            i += 1
    return tokens


def _bracket(inner: str) -> str | None:
    """What a ``[...]`` prints: a currency's symbol (``[$€-407]``), nothing for a locale
    (``[$-409]``) or a colour; None for conditions, elapsed times, other calendars."""
    if inner.startswith("$"):
        return inner[1:].partition("-")[0]
    colour = inner.lower()
    if colour in _COLORS or (colour.startswith("color") and colour[5:].isdigit()):
        return ""
    return None


def _parse_section(section: str) -> _Section | None:
    """The printing of a number by one format section; None for what is not read here
    (see `_tokens`, and text between digits: ``000-000``)."""
    tokens = _tokens(section)
    if tokens is None:
        return None
    prefix: list[str] = []
    suffix: list[str] = []
    integer = ""  # the placeholders before the decimal point, and after it
    fraction = ""
    point = False
    percent = thousands = 0
    for k, (kind, text) in enumerate(tokens):
        placed = bool(integer or fraction or point)
        if kind in {"digit", "."} and (suffix or (point and kind == ".")):
            return None  # digits or a second point after text that follows the number
        if kind == "digit":
            integer, fraction = (integer, fraction + text) if point else (integer + text, fraction)
            continue
        if kind == ".":
            point = True
            continue
        if kind == "," and placed and not suffix:
            if integer and not point and tokens[k + 1:k + 2] and tokens[k + 1][0] == "digit":
                continue  # a thousands separator, not printed here
            thousands += 1  # after the digits: the value in thousands
            continue
        percent += kind == "%"
        (suffix if placed else prefix).append(text)
    if (len(fraction) > _MAX_PLACES or len(integer) > _MAX_PLACES
            or 2 * percent + 3 * thousands > _MAX_SCALE or (point and not integer + fraction)):
        return None
    zero = integer.find("0")
    return _Section(
        prefix="".join(prefix), suffix="".join(suffix), digits=bool(integer or fraction),
        min_integer=len(integer) - zero if zero >= 0 else 0, decimals=len(fraction),
        optional=len(fraction) - len(fraction.rstrip("#?")), percent=percent,
        thousands=thousands)


def _fixed(magnitude: Decimal, section: _Section) -> str:
    """A non-negative number at the section's decimals, rounded half away from zero."""
    rounded = magnitude.quantize(Decimal(1).scaleb(-section.decimals), rounding=ROUND_HALF_UP)
    whole, _, fraction = format(rounded, "f").partition(".")
    if section.optional:
        kept = len(fraction) - section.optional
        fraction = fraction[:kept] + fraction[kept:].rstrip("0")
    whole = whole.lstrip("0").rjust(section.min_integer, "0")
    # Excel prints '1.' for 1 in '0.#'; the point with no digits after it is left out.
    return whole + ("." + fraction if fraction else "")
