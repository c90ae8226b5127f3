"""Word (.docx) to blocks: body paragraphs as `Paragraph` lines, tables as `Grid` s.

The file is opened by python-docx (its XML parser resolves no entities and
loads nothing from the network) after the archive is checked: it must be a
ZIP archive that unpacks to at most `MAX_UNPACKED_BYTES`, so a small file
cannot expand without bound. Paragraphs and tables are read from the body
in document order, content controls (``w:sdt``) included; headers, footers,
footnotes, comments and text boxes are not read.

Word has no lines, so a span's ``line`` is a running count of the body's
paragraphs and table rows (sorting by it follows the document), and its
``locator`` names the place: ``report.docx:paragraph3``,
``report.docx:table1:row2``.
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib
from pathlib import Path
from typing import Any

from chile_trade.core.blocks import Block, Cell, Grid, Line, Paragraph
from chile_trade.core.records import Span
from chile_trade.errors import InputError
from chile_trade.io.formats import require
from chile_trade.io.reading import MAX_FILE_BYTES, read_bytes

__all__ = ["MAX_GRID_CELLS", "MAX_GRID_SPAN", "MAX_UNPACKED_BYTES", "read_docx"]

MAX_UNPACKED_BYTES = 8 * MAX_FILE_BYTES
"""The most bytes a .docx archive may unpack to (its parts' declared sizes,
which bound what is read); more is refused as a likely ZIP bomb."""
MAX_GRID_SPAN = 1000
"""The largest ``w:gridSpan`` (or ``w:gridBefore``/``w:gridAfter``) read; Word
itself makes tables of at most 63 columns."""
MAX_GRID_CELLS = 1_000_000
"""The most table slots (cells after merges are expanded, padding included) a
document may fill; a document over it is refused."""

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_NAMESPACES = {"w": _W[1:-1], "mc": "http://schemas.openxmlformats.org/markup-compatibility/2006"}
_DOCUMENT, _BODY, _P, _T = f"{_W}document", f"{_W}body", f"{_W}p", f"{_W}t"
_TBL, _TR, _TC = f"{_W}tbl", f"{_W}tr", f"{_W}tc"
_SDT, _SDT_CONTENT, _CUSTOM_XML = f"{_W}sdt", f"{_W}sdtContent", f"{_W}customXml"
_VAL = f"{_W}val"
_MAX_PARTS = 10_000
# The printed text of a paragraph, in order: its runs' text, tabs and breaks,
# also inside hyperlinks, tracked insertions, fields and content controls; not
# deleted text, hidden runs, text boxes, or the fallback copy of alternate content.
_RUN_CONTENT = (
    ".//w:r[not(w:rPr/w:vanish[not(@w:val='0' or @w:val='false' or @w:val='off')])]"
    "/*[self::w:t or self::w:tab or self::w:ptab or self::w:br or self::w:cr"
    " or self::w:noBreakHyphen]"
    "[not(ancestor::w:del or ancestor::w:moveFrom or ancestor::w:txbxContent"
    " or ancestor::mc:Fallback)]"
)
_RUN_TEXT = {f"{_W}tab": "\t", f"{_W}ptab": "\t", f"{_W}br": "\n", f"{_W}cr": "\n",
             f"{_W}noBreakHyphen": "-"}
_SPACE = re.compile("[ \t\n\r\f]+")
_OFF = frozenset({"0", "false", "off"})


def read_docx(path: Path, source: str) -> list[Block]:
    """Read a Word document's body as blocks, in document order.

    Each non-empty paragraph is a `Paragraph`, one `Line` per line (a line
    break inside a paragraph starts a new one), its span
    ``Span(source, n, locator=f"paragraph{k}")``: ``k`` counts the body's
    paragraphs (empty ones too) and ``n`` its paragraphs and table rows. Each
    table is a `Grid` whose cell in row ``r`` and grid column ``c`` (both
    1-based, in the table's logical order, whatever its direction) has
    ``Span(source, n, c, locator=f"table{t}:row{r}")``; a merged cell is
    repeated in each slot it covers (the same `Cell`, spanned where it
    starts), and rows are padded with empty cells to the widest. Cells of a
    row marked as a header row (``w:tblHeader``) are headers. Text is kept as
    printed; in cells, paragraphs are joined and whitespace runs made one space.

    Parameters
    ----------
    path : Path
        The .docx file.
    source : str
        The name spans and errors carry (``report.docx``).

    Returns
    -------
    list of Block

    Raises
    ------
    InputError
        When python-docx is missing (naming the ``docx`` extra), the file is
        not a regular file, too large, or not a readable .docx archive, a table
        sits in a table cell, or a span is out of range; located at
        ``source`` (and ``table{t}:row{r}`` where a table is at fault).
    """
    docx = require("docx", "docx", source)
    etree = require("lxml.etree", "docx", source)
    data = read_bytes(path, source)
    _check_archive(data, source)
    broken = (zipfile.BadZipFile, KeyError, ValueError, EOFError, zlib.error, etree.Error,
              docx.opc.exceptions.OpcError, docx.exceptions.PythonDocxError)
    try:
        root = docx.Document(io.BytesIO(data)).element
    except broken as exc:
        raise InputError(f"not a readable Word (.docx) file: {_reason(exc)}",
                         source=source) from None
    if root.tag != _DOCUMENT:
        raise InputError("not a readable Word (.docx) file: its main part is not a w:document",
                         source=source)
    body = root.find(_BODY)
    if body is None:
        return []
    return _BodyReader(source, etree.XPath(_RUN_CONTENT, namespaces=_NAMESPACES)).read(body)


def _reason(exc: Exception) -> str:
    if isinstance(exc, zipfile.BadZipFile | zlib.error | EOFError):
        return f"the ZIP archive is damaged ({exc})"
    if isinstance(exc, KeyError):
        return f"a part is missing ({exc.args[0] if exc.args else exc})"
    return str(exc) or type(exc).__name__


def _check_archive(data: bytes, source: str) -> None:
    """Refuse what is not a ZIP archive, or unpacks to too much."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            parts = archive.infolist()
    except (zipfile.BadZipFile, ValueError, EOFError):
        raise InputError("not a Word (.docx) file: it is not a ZIP archive",
                         source=source) from None
    if len(parts) > _MAX_PARTS:
        raise InputError(f"the .docx archive holds {len(parts):,} files; the limit is "
                         f"{_MAX_PARTS:,}", source=source)
    unpacked = sum(part.file_size for part in parts)
    if unpacked > MAX_UNPACKED_BYTES:
        raise InputError(f"the .docx archive unpacks to {unpacked:,} bytes; the limit is "
                         f"{MAX_UNPACKED_BYTES:,}", source=source)


def _is_on(element: Any) -> bool:
    """A Word on/off property: on when present, unless its value says off."""
    return element is not None and element.get(_VAL, "true").lower() not in _OFF


def _children(element: Any, tag: str) -> list[Any]:
    """``element``'s children of ``tag``, also those wrapped in content controls
    (``w:sdt``) or custom XML elements, in document order."""
    found = []
    stack = list(reversed(element))
    while stack:
        child = stack.pop()
        if child.tag == tag:
            found.append(child)
        elif child.tag == _SDT:
            content = child.find(_SDT_CONTENT)
            if content is not None:
                stack.extend(reversed(content))
        elif child.tag == _CUSTOM_XML:
            stack.extend(reversed(child))
    return found


class _BodyReader:
    """Walks the body in document order, numbering paragraphs, tables and rows."""

    def __init__(self, source: str, run_content: Any):
        self.source = source
        self.run_content = run_content
        self.blocks: list[Block] = []
        self.ordinal = 0  # paragraphs and table rows so far
        self.paragraphs = 0
        self.tables = 0
        self.cells_left = MAX_GRID_CELLS

    def read(self, body: Any) -> list[Block]:
        stack = list(reversed(body))
        while stack:
            element = stack.pop()
            if element.tag == _P:
                self._paragraph(element)
            elif element.tag == _TBL:
                self._table(element)
            elif element.tag == _SDT:
                content = element.find(_SDT_CONTENT)
                if content is not None:
                    stack.extend(reversed(content))
            elif element.tag == _CUSTOM_XML:
                stack.extend(reversed(element))
        return self.blocks

    def _text(self, paragraph: Any) -> str:
        return "".join(node.text or "" if node.tag == _T else _RUN_TEXT.get(node.tag, "")
                       for node in self.run_content(paragraph))

    def _paragraph(self, paragraph: Any) -> None:
        self.ordinal += 1
        self.paragraphs += 1
        span = Span(self.source, self.ordinal, locator=f"paragraph{self.paragraphs}")
        lines = tuple(Line(text, span) for text in
                      (line.strip() for line in self._text(paragraph).split("\n")) if text)
        if lines:
            self.blocks.append(Paragraph(lines))

    def _cell_text(self, cell: Any) -> str:
        texts = (self._text(paragraph) for paragraph in _children(cell, _P))
        return _SPACE.sub(" ", " ".join(texts)).strip()

    def _table(self, table: Any) -> None:
        self.tables += 1
        rows: list[list[Cell]] = []
        pads: list[Cell] = []
        first = self.ordinal + 1
        for r, row in enumerate(_children(table, _TR), start=1):
            self.ordinal += 1
            locator = f"table{self.tables}:row{r}"
            pad = Cell("", Span(self.source, self.ordinal, locator=locator))  # column 0
            rows.append(self._row(row, locator, pad, rows[-1] if rows else []))
            pads.append(pad)
        width = max((len(row) for row in rows), default=0)
        if width == 0:
            return
        self._use(sum(width - len(row) for row in rows), f"table{self.tables}")
        grid = tuple(tuple(row) + (pad,) * (width - len(row))
                     for row, pad in zip(rows, pads, strict=True))
        span = Span(self.source, first, locator=f"table{self.tables}")
        self.blocks.append(Grid(rows=grid, span=span))

    def _row(self, row: Any, locator: str, pad: Cell, above: list[Cell]) -> list[Cell]:
        """A row's slots: a cell spanning columns repeated, a merged cell continued
        from the row above taken from it, skipped grid columns padded."""
        properties = row.find(f"{_W}trPr")
        header = properties is not None and _is_on(properties.find(f"{_W}tblHeader"))
        slots: list[Cell] = [pad] * self._grid_value(properties, "gridBefore", locator, 0)
        for element in _children(row, _TC):
            if element.find(f".//{_TBL}") is not None:
                raise InputError("a table inside a table cell is not supported",
                                 source=f"{self.source}:{locator}")
            properties_tc = element.find(f"{_W}tcPr")
            span = self._grid_value(properties_tc, "gridSpan", locator, 1)
            column = len(slots)
            cell = self._merged(properties_tc, above, column, slots)
            if cell is None:
                cell = Cell(self._cell_text(element),
                            Span(self.source, self.ordinal, column + 1, locator), header=header)
            slots.extend([cell] * span)
        slots.extend([pad] * self._grid_value(properties, "gridAfter", locator, 0))
        self._use(len(slots), locator)
        return slots

    @staticmethod
    def _merged(properties: Any, above: list[Cell], column: int, slots: list[Cell]) -> Cell | None:
        """The cell a merge continues into this slot, or None where it starts one."""
        if properties is None:
            return None
        vertical = properties.find(f"{_W}vMerge")
        if vertical is not None and vertical.get(_VAL, "continue") == "continue":
            cell = above[column] if column < len(above) else None
            # Padding (column 0) is not a cell to continue: the slot starts its own.
            return cell if cell is not None and cell.span.column else None
        horizontal = properties.find(f"{_W}hMerge")  # Word 97's horizontal merge
        if horizontal is not None and horizontal.get(_VAL, "continue") == "continue" and slots:
            return slots[-1] if slots[-1].span.column else None
        return None

    def _grid_value(self, properties: Any, name: str, locator: str, default: int) -> int:
        element = None if properties is None else properties.find(f"{_W}{name}")
        if element is None:
            return default
        raw = element.get(_VAL, "")
        value = raw.strip()
        least = 1 if name == "gridSpan" else 0
        if not (value.isascii() and value.isdigit() and len(value) <= 4
                and least <= int(value) <= MAX_GRID_SPAN):
            raise InputError(f"w:{name} {raw!r} is not a whole number from {least} to "
                             f"{MAX_GRID_SPAN}", source=f"{self.source}:{locator}")
        return int(value)

    def _use(self, slots: int, locator: str) -> None:
        self.cells_left -= slots
        if self.cells_left < 0:
            raise InputError(f"the tables fill more than {MAX_GRID_CELLS:,} cells once "
                             "their merges are expanded", source=f"{self.source}:{locator}")
