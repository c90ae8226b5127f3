"""HTML to blocks: each ``<table>`` a `Grid`, the text of other elements `Paragraph` lines.

The page is parsed by lxml's HTML parser with the network off, comments and
processing instructions dropped and libxml2's size and depth limits kept
(``huge_tree=False``); external entities are never loaded. The bytes are
decoded here, not by the parser, so a byte that is not in the page's encoding
is refused with its line instead of being read as another letter: a
byte-order mark decides first, then ``<meta charset>`` (or ``http-equiv``),
else UTF-8.

Every line and cell carries the source line of its element
(``page.html:17``), counted past libxml2's limit of 65,535 lines for HTML.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from chile_trade.core.blocks import Block, Cell, Grid, Line, Paragraph
from chile_trade.core.records import Span
from chile_trade.errors import InputError
from chile_trade.io.formats import require
from chile_trade.io.reading import read_bytes

__all__ = ["MAX_GRID_CELLS", "MAX_SPAN", "read_html"]

MAX_SPAN = 1000
"""The largest ``colspan`` or ``rowspan`` read (browsers clamp ``colspan`` at 1000);
a larger, zero, negative or non-numeric one is refused with its line."""
MAX_GRID_CELLS = 1_000_000
"""The most table slots (cells after spans are expanded, padding included) a
document may fill; a document over it is refused."""

_HTML_SPACE = re.compile("[ \t\n\r\f]+")  # what HTML collapses; NBSP is printed, so kept
_HTML_SPACE_CHARS = " \t\n\r\f"
_META = re.compile(rb"<meta\b[^>]*+>", re.IGNORECASE)
_CHARSET = re.compile(rb"charset[ \t\n\r\f]*+=[ \t\n\r\f\"']*+([A-Za-z0-9._:-]++)", re.IGNORECASE)
_PRESCAN_BYTES = 4096  # where a <meta charset> is looked for (HTML looks at 1024)
_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
         (codecs.BOM_UTF16_BE, "utf-16"))
# libxml2 keeps an HTML element's line in 16 bits: 65535 means "65535 or later".
_LINE_CAP = 65535
_LINE_STEP = 65000  # newlines blanked per extra parse when finding lines past the cap
_BLOCK_TAGS = frozenset({
    "address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "details",
    "dialog", "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form",
    "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "html", "legend", "li", "main",
    "menu", "nav", "ol", "p", "pre", "section", "summary", "ul",
})
_SKIPPED_TAGS = frozenset({"head", "iframe", "math", "noscript", "script", "style", "svg",
                           "template", "title"})
_SECTION_ORDER = {"thead": 0, "tbody": 1, "tfoot": 2}  # as a table is printed
_CELL_TAGS = ("td", "th")


def read_html(path: Path, source: str) -> list[Block]:
    """Read an HTML page as blocks, in document order.

    Each ``<table>`` is a `Grid` (its ``<caption>`` the grid's caption; rows of
    ``<thead>``, then of ``<tbody>`` and bare ``<tr>``, then of ``<tfoot>``;
    ``colspan`` and ``rowspan`` expanded, the spanning `Cell` repeated in each
    slot; short rows padded with empty cells; ``<th>`` and ``<thead>`` cells
    are headers). The text of other elements is one `Paragraph` per block
    element (``<p>``, ``<h1>``…, ``<li>``, ``<div>``, ``<blockquote>``…), one
    `Line` per ``<br>``-separated line, with runs of HTML whitespace made one
    space; ``<pre>`` keeps its lines and spacing. ``<head>``, scripts, styles
    and ``hidden`` elements are skipped. Text is kept as printed: Persian
    digits, signs and no-break spaces are not converted.

    Parameters
    ----------
    path : Path
        The page.
    source : str
        The name spans and errors carry (``page.html``).

    Returns
    -------
    list of Block
        Spans are ``Span(source, line)``, the element's source line, so a
        span's source reads ``page.html:17``.

    Raises
    ------
    InputError
        When lxml is missing (naming the ``html`` extra), the file is not a
        regular file or too large, its bytes are not in its encoding, a table
        sits in a table, a ``colspan``/``rowspan`` is not a whole number from 1
        to `MAX_SPAN`, or the tables fill more than `MAX_GRID_CELLS` slots.
    """
    etree = require("lxml.etree", "html", source)
    text = _decode(read_bytes(path, source), source)

    def parse(page: str) -> Any:
        return _parse(etree, page, source)

    root = parse(text)
    if root is None:
        return []
    return _PageReader(source, _SourceLines(root, text, parse)).read(root)


def _declared_charset(data: bytes) -> str | None:
    for meta in _META.finditer(data[:_PRESCAN_BYTES]):
        found = _CHARSET.search(meta.group())
        if found is not None:
            return found.group(1).decode("ascii")
    return None


def _line_at(data: bytes, offset: int) -> int:
    return data.count(b"\n", 0, offset) + 1


def _decode(data: bytes, source: str) -> str:
    """The page's text: by its byte-order mark, its declared charset, else UTF-8."""
    encoding, name = "utf-8", "UTF-8"
    for bom, bom_encoding in _BOMS:
        if data.startswith(bom):
            encoding = name = bom_encoding
            break
    else:
        declared = _declared_charset(data)
        if declared is not None:
            try:
                codec = codecs.lookup(declared)
            except LookupError:
                raise InputError(f"the page declares an unknown encoding {declared!r}",
                                 source=source) from None
            # A charset read from ASCII bytes cannot be UTF-16 or UTF-32: HTML reads UTF-8.
            if not codec.name.startswith(("utf-16", "utf-32")):
                encoding, name = codec.name, declared
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        hint = "" if encoding != "utf-8" else "; declare the page's charset or save it as UTF-8"
        raise InputError(f"invalid {name} at byte offset {exc.start} ({exc.reason}){hint}",
                         source=source, line=_line_at(data, exc.start)) from None
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if (nul := text.find("\x00")) >= 0:
        raise InputError("NUL character in the page: binary data, not HTML", source=source,
                         line=text.count("\n", 0, nul) + 1)
    return text


def _parse(etree: Any, text: str, source: str) -> Any:
    """The page's root element, or None for a page with no elements."""
    parser = etree.HTMLParser(encoding="utf-8", no_network=True, remove_comments=True,
                              remove_pis=True, huge_tree=False)
    try:
        root = etree.fromstring(text.encode("utf-8"), parser)
    except etree.LxmlError as exc:
        raise InputError(f"cannot parse the HTML: {exc}", source=source) from None
    for entry in parser.error_log:
        if entry.level_name == "FATAL":  # libxml2 stopped there: the rest is lost
            raise InputError(f"cannot read the HTML past this point: {entry.message}",
                             source=source, line=entry.line or None)
    return root


class _SourceLines:
    """Each element's 1-based source line, also past libxml2's 16-bit limit.

    Where the parser reports the limit, the page is parsed again with its first
    newlines made spaces (which changes no element), so the line shows under
    the limit, shifted by the newlines blanked.
    """

    def __init__(self, root: Any, text: str, parse: Callable[[str], Any]):
        self._root = root
        self._text = text
        self._parse = parse
        self._found: dict[Any, int] | None = None

    def __call__(self, element: Any) -> int:
        line = element.sourceline
        if line is None:
            return 1
        if line < _LINE_CAP:
            return int(line)
        if self._found is None:
            self._found = self._find_past_cap()
        return self._found.get(element, _LINE_CAP)

    def _find_past_cap(self) -> dict[Any, int]:
        elements = list(self._root.iter())
        pending = [i for i, element in enumerate(elements)
                   if (element.sourceline or 0) >= _LINE_CAP]
        found: dict[Any, int] = {}
        newlines = self._text.count("\n")
        shift = 0
        while pending and shift < newlines:
            shift += _LINE_STEP
            root = self._parse(self._text.replace("\n", " ", shift))
            shifted = [] if root is None else list(root.iter())
            if [e.tag for e in shifted] != [e.tag for e in elements]:
                break  # never seen: blanking newlines changed the page's elements
            left = []
            for i in pending:
                line = shifted[i].sourceline
                if line is not None and line < _LINE_CAP:
                    found[elements[i]] = line + shift
                else:
                    left.append(i)
            pending = left
        return found


def _normalised(text: str) -> str:
    return _HTML_SPACE.sub(" ", text).strip()


def _is_skipped(element: Any) -> bool:
    """Not an element (an entity), or an element whose content is not printed."""
    tag = element.tag
    return not isinstance(tag, str) or tag in _SKIPPED_TAGS or element.get("hidden") is not None


def _text_of(element: Any) -> str:
    """An element's printed text, whitespace collapsed; ``<br>`` and blocks part words."""
    if not len(element):
        return _normalised(element.text or "")
    pieces = [element.text or ""]
    stack = [(child, False) for child in reversed(element)]
    while stack:
        node, done = stack.pop()
        if done:
            pieces.append(" " if node.tag in _BLOCK_TAGS else "")
            pieces.append(node.tail or "")
            continue
        if _is_skipped(node):
            pieces.append(node.tail or "")
            continue
        pieces.append(" " if node.tag in _BLOCK_TAGS or node.tag == "br" else "")
        pieces.append(node.text or "")
        stack.append((node, True))
        stack.extend((child, False) for child in reversed(node))
    return _normalised("".join(pieces))


def _span_value(cell: Any, name: str, where: Span) -> int:
    raw = cell.get(name)
    if raw is None:
        return 1
    value = raw.strip(_HTML_SPACE_CHARS)
    if not (value.isascii() and value.isdigit() and len(value) <= 4
            and 1 <= int(value) <= MAX_SPAN):
        raise InputError(f"{name}={raw!r} is not a whole number from 1 to {MAX_SPAN}",
                         source=where.file, line=where.line)
    return int(value)


class _PageReader:
    """Walks the page in document order, gathering lines into paragraphs."""

    def __init__(self, source: str, line_of: _SourceLines):
        self.source = source
        self.line_of = line_of
        self.blocks: list[Block] = []
        self.lines: list[Line] = []  # of the paragraph being read
        self.pieces: list[str] = []  # of the line being read
        self.line_start: int | None = None  # where the line being read starts
        self.block_start: int | None = None  # where the next line starts, if set
        self.pre = 0  # depth in <pre>
        self.pre_line = 0  # the source line inside <pre>
        self.cells_left = MAX_GRID_CELLS

    def span(self, element: Any) -> Span:
        return Span(self.source, self.line_of(element))

    def read(self, root: Any) -> list[Block]:
        stack: list[tuple[Any, bool]] = [(root, False)]
        while stack:
            element, done = stack.pop()
            if done:
                self._leave(element)
                self._text(element.tail, element)
            elif _is_skipped(element):
                self._text(element.tail, element)
            elif element.tag == "table":
                self._end_paragraph()
                self._table(element)
                self._text(element.tail, element)
            elif element.tag == "br":
                self._end_line()
                self.block_start = self.line_of(element)
                self._text(element.tail, element)
            else:
                self._enter(element)
                self._text(element.text, element)
                stack.append((element, True))
                stack.extend((child, False) for child in reversed(element))
        self._end_paragraph()
        return self.blocks

    def _enter(self, element: Any) -> None:
        if element.tag in _BLOCK_TAGS:
            self._end_paragraph()
            self.block_start = self.line_of(element)
        if element.tag == "pre":
            self.pre += 1
            self.pre_line = self.line_of(element)
        elif self.pre:
            self.pre_line = max(self.pre_line, self.line_of(element))

    def _leave(self, element: Any) -> None:
        if element.tag in _BLOCK_TAGS:
            self._end_paragraph()
            self.block_start = None
        if element.tag == "pre":
            self.pre -= 1

    def _text(self, text: str | None, owner: Any) -> None:
        if not text:
            return
        if not self.pre:
            self._add(text, owner)
            return
        for i, part in enumerate(text.split("\n")):
            if i:  # a line of <pre> ends; a blank one ends its paragraph
                if "".join(self.pieces).strip():
                    self._end_line()
                else:
                    self._end_paragraph()
                self.pre_line += 1
            self._add(part, owner)

    def _add(self, text: str, owner: Any) -> None:
        if self.line_start is None and text.strip():
            if self.pre:
                self.line_start = self.pre_line
            elif self.block_start is not None:
                self.line_start = self.block_start
            else:
                self.line_start = self.line_of(owner)
        self.pieces.append(text)

    def _end_line(self) -> None:
        raw = "".join(self.pieces)
        text = raw.rstrip() if self.pre else _normalised(raw)
        if text.strip() and self.line_start is not None:
            self.lines.append(Line(text, Span(self.source, self.line_start)))
        self.pieces = []
        self.line_start = None

    def _end_paragraph(self) -> None:
        self._end_line()
        if self.lines:
            self.blocks.append(Paragraph(tuple(self.lines)))
            self.lines = []

    def _table(self, table: Any) -> None:
        for inner in table.iter("table"):
            if inner is not table:
                raise InputError("a table inside a table cell is not supported",
                                 source=self.source, line=self.line_of(inner))
        caption_element, sections = _table_parts(table)
        text = "" if caption_element is None else _text_of(caption_element)
        caption = Line(text, self.span(caption_element)) if text else None
        rows: list[list[Cell]] = []
        pads: list[Cell] = []
        for _, is_head, section in sections:
            for row, pad in self._expand(section, is_head):
                rows.append(row)
                pads.append(pad)
        width = max((len(row) for row in rows), default=0)
        if width == 0:
            if caption is not None:
                self.blocks.append(Paragraph((caption,)))
            return
        padding = sum(width - len(row) for row in rows)
        self._use(padding, table)
        grid = tuple(tuple(row) + (pad,) * (width - len(row))
                     for row, pad in zip(rows, pads, strict=True))
        self.blocks.append(Grid(rows=grid, span=self.span(table), caption=caption))

    def _use(self, slots: int, where: Any) -> None:
        self.cells_left -= slots
        if self.cells_left < 0:
            raise InputError(f"the tables fill more than {MAX_GRID_CELLS:,} cells once "
                             "their spans are expanded", source=self.source,
                             line=self.line_of(where))

    def _expand(self, section: list[tuple[Any, list[Any]]],
                is_head: bool) -> list[tuple[list[Cell], Cell]]:
        """A row group's rows with spans expanded (a ``rowspan`` ends with its group),
        each with the empty cell that pads it."""
        slots: list[list[Cell | None]] = [[] for _ in section]
        for r, (_, cells) in enumerate(section):
            here = slots[r]
            column = 0
            for element in cells:
                while column < len(here) and here[column] is not None:
                    column += 1
                span = self.span(element)
                colspan = _span_value(element, "colspan", span)
                rowspan = min(_span_value(element, "rowspan", span), len(slots) - r)
                self._use(colspan * rowspan, element)
                cell = Cell(_text_of(element), span, header=is_head or element.tag == "th")
                if colspan == rowspan == 1 and column == len(here):
                    here.append(cell)
                else:
                    _place(cell, slots[r:r + rowspan], column, colspan)
                column += colspan
        result = []
        for (row, _), filled in zip(section, slots, strict=True):
            pad = Cell("", self.span(row), header=is_head)
            result.append(([pad if cell is None else cell for cell in filled], pad))
        return result


def _place(cell: Cell, rows: list[list[Cell | None]], column: int, colspan: int) -> None:
    """Put a spanning cell in each free slot it covers (of overlapping spans, the
    first placed keeps a slot)."""
    for row in rows:
        if len(row) < column + colspan:
            row.extend([None] * (column + colspan - len(row)))
        for c in range(column, column + colspan):
            if row[c] is None:
                row[c] = cell


_Section = tuple[int, bool, list[tuple[Any, list[Any]]]]  # print order, is <thead>, rows


def _table_parts(table: Any) -> tuple[Any, list[_Section]]:
    """A table's ``<caption>`` (or None) and its row groups in the order printed."""
    caption = None
    sections: list[_Section] = []
    loose: list[Any] = []  # rows (or cells) right under <table>: a tbody of their own
    for child in table:
        if _is_skipped(child):
            continue
        if child.tag == "caption" and caption is None:
            caption = child
        elif child.tag in _SECTION_ORDER:
            if loose:
                sections.append((1, False, _rows_of(loose)))
                loose = []
            sections.append((_SECTION_ORDER[child.tag], child.tag == "thead", _rows_of(child)))
        elif child.tag == "tr" or child.tag in _CELL_TAGS:
            loose.append(child)
    if loose:
        sections.append((1, False, _rows_of(loose)))
    sections.sort(key=lambda section: section[0])  # stable: document order otherwise
    return caption, sections


def _rows_of(children: Any) -> list[tuple[Any, list[Any]]]:
    """The rows of a row group: each ``<tr>`` with its cells; cells right under the
    group (which libxml2 leaves without a ``<tr>``) make a row of their own."""
    rows: list[tuple[Any, list[Any]]] = []
    loose: list[Any] = []
    for child in children:
        if _is_skipped(child):
            continue
        if child.tag in _CELL_TAGS:
            loose.append(child)
            continue
        if loose:
            rows.append((loose[0], loose))
            loose = []
        if child.tag == "tr":
            rows.append((child, [cell for cell in child
                                 if not _is_skipped(cell) and cell.tag in _CELL_TAGS]))
    if loose:
        rows.append((loose[0], loose))
    return rows
