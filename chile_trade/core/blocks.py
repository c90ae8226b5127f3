"""One document model for every format: blocks of prose lines and tables of cells.

Each format reader (`chile_trade.io.formats`) turns a file into a list of
blocks, in reading order, each piece with a `Span` a user can follow back to
the file: ``report.txt:12``, ``page.html:31`` (the element's source line),
``report.docx:table1:row2``, ``book.xlsx:Sheet1!C4``, ``scan.pdf:page1:line7``.
The table recogniser (`chile_trade.core.tables`) and the claim grammar
(`chile_trade.core.grammar`) read blocks, never a format, so a claim in a
Word paragraph can refer to a Word table.

A `Grid` is a table the format itself marks as one (an HTML ``<table>``, a
Word table, a sheet's used range) or that the text layout shows (pipes, TABs,
columns aligned with spaces, lines of numbers). Its rows hold cell texts as
printed; a cell spanning several columns or rows is repeated in each slot it
covers, so every row has the same number of cells.
"""

from __future__ import annotations

from dataclasses import dataclass

from chile_trade.core.records import Span

__all__ = ["Block", "Cell", "Grid", "Line", "Paragraph"]


@dataclass(frozen=True, slots=True)
class Line:
    """A line of prose (or a title, a caption, a footnote) and where it is."""

    text: str
    span: Span


@dataclass(frozen=True, slots=True)
class Cell:
    """One table cell as printed, and where it is.

    ``note`` tells what the reader had to assume about it, for example that a
    spreadsheet number had no number format, so its printed precision is
    that of the digits stored.
    """

    text: str
    span: Span
    header: bool = False  # marked as a header by the format (``<th>``, ``<thead>``)
    note: str = ""


@dataclass(frozen=True, slots=True)
class Grid:
    """A table: rows of cells, all of one length, with an optional caption."""

    rows: tuple[tuple[Cell, ...], ...]
    span: Span  # where the table starts
    caption: Line | None = None


@dataclass(frozen=True, slots=True)
class Paragraph:
    """Prose lines that belong together (a paragraph; a text file's run of lines)."""

    lines: tuple[Line, ...]


Block = Paragraph | Grid
