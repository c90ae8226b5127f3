"""Tables as people lay them out: text lines to grids, and grids to table records.

Two steps, both pure:

* `text_blocks` cuts a text document into blocks (`chile_trade.core.blocks`):
  a run of lines that look like a table (a pipe row ``| … |``, cells split
  by TABs, columns aligned with runs of spaces, or lines holding two or more
  numbers side by side) becomes a `Grid`; the rest is prose.
* `read_grid` reads one grid, with the prose lines around it (a title, a
  caption, the sentence before, a footnote), into table cells and the
  figures the table states.

A grid is read in either orientation. Years across a header row (``شرح
۲۰۱۹ ۲۰۲۰ … درصد تغییر``), each data row is one series: a flow
(``صادرات``, ``واردات``, ``تراز``, ``جمع``), a flow with reporter and partner
(``صادرات هند به شیلی``), or a partner (``برزیل``, ``سایر``) of the title's
flow. Years down the first column (``سال صادرات واردات تراز``), each column
is one series and a row labelled as a change (``تغییر ۲۰۲۳ نسبت به ۲۰۲۲``)
states one change per column. Columns that are neither years nor a known
label (a change, a share) are kept as unknown columns, said so in a notice,
and never read as values.

A year is a Gregorian or Solar Hijri year (``۱۴۰۲``) or a fiscal-year pair
(``۲۰۱۹-۲۰``, keyed by its first year). A missing cell (``-``, ``…``, empty)
is no value, never 0.
"""

from __future__ import annotations

import dataclasses
import functools
import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from chile_trade.core import vocabulary as V
from chile_trade.core.blocks import Block, Cell, Grid, Line, Paragraph
from chile_trade.core.numbers import ParsedNumber, fold, parse_number, quoted, to_ascii_digits
from chile_trade.core.records import Claim, Period, Quantity, Span, Subject, TableCell
from chile_trade.errors import InputError

if TYPE_CHECKING:
    from chile_trade.core.reader.patterns import Item
    from chile_trade.core.reader.periods import Period as ReaderPeriod

__all__ = ["GridRead", "context_of", "is_header", "number_cell", "read_grid", "text_blocks"]

MISSING_MARKS = frozenset({"", "-", "–", "—", "…", "...", "..", "ـ", "*", "n/a", "na"})
"""Cell texts that mean "not published": no value, never 0."""

_PIPE_ALIGNMENT_RE = re.compile(r"\|?+(?:\s*+:?+-{3,}+:?+\s*+\|)++\s*+:?+-*+:?+\s*+")
_WIDE_GAP_RE = re.compile(r"\S\s{2,}+(?=\S)")
_WIDE_SPLIT_RE = re.compile(r"\s{2,}+")
_SPACE_RE = re.compile(r"\s++")
_PERCENT_ALONE = frozenset({"%", "٪", "درصد"})
_YEAR_CELL_RE = re.compile(r"(?:سال\s++(?:مالی\s++)?+)?+(\d{4})(?:\s*+[-–/]\s*+(\d{4}|\d{2}))?+")
_YEAR_IN_LABEL_RE = re.compile(r"(?<!\d)(\d{4}|\d{2})(?:\s*+[-–]\s*+(\d{4}|\d{2}))?+(?!\d)")
_SHARE_WORDS = ("سهم", "مشارکت")
_BALANCE_LABELS = ("تراز", "کسری", "مازاد")
_TOTAL_LABELS = ("جمع", "مجموع", "کل", "حجم تجارت", "حجم مبادلات", "تجارت", "مبادلات",
                 "صادرات و واردات")
_LABEL_HEADS = frozenset({"سال", "شرح", "کشور", "عنوان", "ردیف", "سال مالی", "شریک", "کالا",
                          "بخش", "ماه", "دوره"})
_MIN_SOLAR = 1300
_MAX_SOLAR = 1500
_MIN_GREGORIAN = 1900
_MAX_GREGORIAN = 2100
_MAX_CELLS = 100_000


# ------------------------------------------------------------------ numbers in cells

def number_cell(text: str) -> ParsedNumber:
    """A table's value as printed, with the ways tables print a negative number: a
    leading or trailing minus (``-۱۲``, ``۱۲-``, ``−۱۲``) or parentheses (``(۱۲)``).

    Raises
    ------
    InputError
        For text that is not a number, or a number negative twice (``(-۱۲)``).

    Examples
    --------
    >>> number_cell("۱۲-").value, number_cell("(۱۵۲۸)").value, number_cell("%۱۱٫۹").is_percent
    (Decimal('-12'), Decimal('-1528'), True)
    """
    token = text.strip()
    negative = False
    if len(token) > 2 and token[0] == "(" and token[-1] == ")":
        token, negative = token[1:-1].strip(), True
    elif len(token) > 1 and token[-1] in V.MINUS_SIGNS and token[-2] not in V.MINUS_SIGNS:
        token, negative = token[:-1], True
    elif len(token) > 2 and token[-1] in V.PERCENT_SIGNS and token[-2] in V.MINUS_SIGNS:
        token, negative = token[:-2] + token[-1], True  # "۱۲-%"
    number = parse_number(token)
    if not negative:
        return number
    if number.value < 0:
        raise InputError(f"number {quoted(text.strip())} is negative twice")
    return ParsedNumber(-number.value, number.decimals, text.strip(), number.is_percent)


def is_header(row: Sequence[Cell]) -> bool:
    """Whether a row names years (a table's header), so a grid of it alone is a table
    whose values are missing, not a sentence."""
    return sum(_year_of(cell.text) is not None for cell in row) >= 2


def _is_missing(text: str) -> bool:
    return fold(text).strip().lower() in MISSING_MARKS


def _is_number(text: str) -> bool:
    token = text.strip()
    if not token or not any(ch.isdigit() for ch in token):
        return False
    try:
        number_cell(token)
    except InputError:
        return False
    return True


_OPENS_NUMBER = frozenset("(%٪" + V.MINUS_SIGNS)
_ENDS_CLAUSE = frozenset("،,.؛;:")


def _numberish(token: str) -> bool:
    """Whether a token is meant as a number, readable or not (``۱۲``, ``۱۲-``, ``(۱۲)``,
    ``۱۱o``): it starts with a digit or a sign before digits and does not end a clause
    (``۲۰۲۰،``). A table row of such tokens that does not parse is an error, not prose."""
    if not token or token[-1] in _ENDS_CLAUSE:
        return False
    first = token[0]
    return first.isdigit() or (first in _OPENS_NUMBER and len(token) > 1
                               and any(ch.isdigit() for ch in token[1:3]))


def _is_value(text: str) -> bool:
    """A cell that can stand in a value column: a number or a missing mark."""
    return _is_missing(text) or _is_number(text)


# ------------------------------------------------------------------ years

_YEAR_WORDS = frozenset({"سال", "سال مالی", "سالها", "سال‌ها"})
"""A first header cell over a column of years."""

@dataclass(frozen=True, slots=True)
class _Year:
    year: int  # a fiscal pair's first year
    fiscal: bool
    text: str  # as printed
    months: tuple[int, int] | None = None  # «نیمه نخست ۲۰۲۳»: the months of the year
    inferred: bool = False  # read by the prose reader's period rules, not as a plain year
    # (or a fiscal pair of four-digit years): of the new reader's reading only

    @property
    def key(self) -> tuple[int, int]:
        """Its place in time, to order and tell apart the periods of one table."""
        return self.year, self.months[0] if self.months else 0


def _plausible(year: int) -> bool:
    return _MIN_SOLAR <= year <= _MAX_SOLAR or _MIN_GREGORIAN <= year <= _MAX_GREGORIAN


@functools.lru_cache(maxsize=4096)
def _year_of(text: str) -> _Year | None:
    """The year a header cell names: ``۲۰۲۲``, ``سال ۱۴۰۲``, or a fiscal pair ``۲۰۱۹-۲۰``."""
    folded = to_ascii_digits(fold(text)).strip()
    match = _YEAR_CELL_RE.fullmatch(folded)
    if match is None:
        return _part_of_year(text)
    first = int(match[1])
    if not _plausible(first):
        return None
    if match[2] is None:
        return _Year(first, False, text.strip())
    second = int(match[2])
    if second % 100 != (first + 1) % 100 or (len(match[2]) == 4 and second != first + 1):
        return None  # "۱۴۰۲/۱۴۰۱" is a period of two years, not one fiscal year
    # («۲۰۲۲-۲۰۲۳»: a pair the older reader did not read, its values none of its own)
    return _Year(first, True, text.strip(), inferred=len(match[2]) == 4)


def _periods_in(text: str) -> tuple[list[Item], list[ReaderPeriod]]:
    """A text's items as the prose reader reads them, and the periods they name."""
    from chile_trade.core.reader.mentions import Mention, PeriodValue, mentions  # noqa: PLC0415  (the reader reads tables' words)
    from chile_trade.core.reader.tokens import tokenize  # noqa: PLC0415
    items = mentions(tokenize(text))
    return items, [item.value.period for item in items
                   if isinstance(item, Mention) and isinstance(item.value, PeriodValue)]


def _part_of_year(text: str) -> _Year | None:
    """A header cell that is one period of a named year, read by the prose reader's
    period rules: «نیمه نخست ۲۰۲۳», «۹ ماهه ۱۴۰۲», «سه ماهه سوم ۲۰۲۴», «ژانویه ۲۰۲۴»."""
    if not any(ch.isdigit() for ch in text) or len(text) > _MAX_PERIOD_CELL or \
            _LONG_DIGITS_RE.search(text) is not None:
        return None  # (no period has a number of more than four digits)
    items, found = _periods_in(text)
    if len(found) != 1 or not all(_beside_period(item) for item in items):
        return None
    period = found[0]
    if period.year is None or period.last_year is not None or period.rolling \
            or not _plausible(period.year):
        return None
    return _Year(period.year, period.fiscal, text.strip(), period.months, inferred=True)


def _beside_period(item: object) -> bool:
    """Whether an item may stand in a header cell beside its period: a mark, a period,
    a flow («صادرات ۲۰۲۳»), a measure («ارزش ۱۴۰۱»), a unit or scale («(میلیون تن)»)."""
    kind = getattr(item, "kind", "")
    if kind == "punct":
        return getattr(item, "text", "") in _HEADER_MARKS  # (not «۲۰۱۷،» of a sentence)
    if kind == "mention":
        return getattr(item, "type", "") in ("Period", "Flow")
    features = getattr(item, "features", {})
    return bool({"measure", "unit", "scale", "currency"} & features.keys())


_HEADER_MARKS = frozenset("()[]-–/")
_MAX_PERIOD_CELL = 60
_LONG_DIGITS_RE = re.compile(r"\d{5}")


def _calendar(years: Sequence[int]) -> str:
    return V.SOLAR_HIJRI if years and max(years) <= _MAX_SOLAR else V.GREGORIAN


def _years_named(label: str, years: Sequence[int]) -> list[int]:
    """The header years a label names (``۲۰۲۲ نسبت به ۲۰۲۱``, ``۰۱/۰۲``, ``۱۴۰۲/۱۴۰۱``), in
    the label's order; two-digit years take their century from the header."""
    found: list[int] = []
    folded = to_ascii_digits(fold(label)).replace("/", " / ")
    for match in _YEAR_IN_LABEL_RE.finditer(folded):
        for part in (match[1], match[2]):
            if part is None:
                continue
            if len(part) == 4:
                candidates = [int(part)]
            else:
                candidates = [y for y in years if y % 100 == int(part)]
            if len(candidates) == 1 and candidates[0] in years:
                found.append(candidates[0])
    return found


# ------------------------------------------------------------------ text to blocks

def _mode(lines: Sequence[str]) -> str:
    if any(line.lstrip().startswith("|") or _pipe_row(line.strip()) for line in lines):
        return "pipe"
    if any("\t" in line for line in lines):
        return "tab"
    if all(_WIDE_GAP_RE.search(line.strip()) for line in lines):
        return "wide"
    return "space"


def _tokens(line: str) -> list[tuple[str, int]]:
    """Space-separated tokens with their columns (0-based), a detached percent sign or
    word joined to the number before it."""
    tokens: list[tuple[str, int]] = []
    for match in re.finditer(r"\S++", line):
        token = match.group()
        if tokens and _numberish(tokens[-1][0]) and fold(token) in _PERCENT_ALONE \
                and _is_number(tokens[-1][0]):
            tokens[-1] = (f"{tokens[-1][0]} {token}", tokens[-1][1])
        else:
            tokens.append((token, match.start()))
    return tokens


def _tabular(line: str) -> bool:
    """Whether a line looks like a table row: a pipe row, TAB-separated cells, or two
    values side by side (prose puts a word between its numbers)."""
    stripped = line.strip()
    if not stripped:
        return False
    if (stripped.startswith("|") and stripped.count("|") >= 2) or _pipe_row(stripped) or \
            (stripped.count("|") >= 1 and _PIPE_ALIGNMENT_RE.fullmatch(stripped)):
        return True  # (the line under a header, «--- | ---», is of its table)
    if "\t" in stripped:
        return True
    if _WIDE_GAP_RE.search(stripped):
        cells = _WIDE_SPLIT_RE.split(stripped)
        return len(cells) >= 3 and sum(_is_value(c) for c in cells) >= 2
    # As `_tokens` cuts it (a percent sign or word after a number is part of it), but
    # looking closely only at tokens that start like a number: prose lines are long.
    run = 0
    previous = ""
    for token in stripped.split():
        if previous and run and _numberish(previous) and fold(token) in _PERCENT_ALONE \
                and _is_number(previous):
            previous = f"{previous} {token}"
            continue
        first = token[0]
        value = (first.isdigit() or first in _OPENS_NUMBER) and (
            _numberish(token) or _year_of(token) is not None)
        run = run + 1 if value or (run and _is_missing(token)) else 0
        previous = token
        if run >= 2:
            return True
    return False


def _pipe_row(stripped: str) -> bool:
    """A row of cells parted by pipes with none at its ends («چین | ۸۶۸٫۴ | ۸۷۲٫۶»): two
    pipes at least, and two cells that are values (a line of words parted by pipes, a
    site's path «اقتصاد | بازار», is prose)."""
    if stripped.count("|") < 2:  # two pipes part three cells
        return False
    return sum(_is_value(part.strip()) for part in stripped.split("|")) >= 2


_TOTAL_ROWS = frozenset({"جمع", "مجموع", "جمع کل", "کل"})  # a totals row's label
_TOTALS_WORDS = 4  # «جمع کل ۳۳۷٫۱۰»: a label of a word or two and its value, no sentence


def _totals_line(line: str) -> bool:
    """A totals row under a table that prints only the total's value («کل ۳۳۷٫۱۰», its
    share cell left empty): one value, so no table row by itself."""
    tokens = fold(line).split()
    return bool(tokens) and tokens[0] in _TOTAL_ROWS and len(tokens) <= _TOTALS_WORDS \
        and any(_is_value(token) for token in tokens[1:])


def _header_like(line: str, rows: Sequence[str]) -> bool:
    """Whether the line before a run of rows is their header: split like them into as many
    cells, or a row of labels starting with a header word (``سال``, ``شرح``)."""
    stripped = line.strip()
    if not stripped or stripped.endswith((".", ":", "؛")) or fold(stripped).startswith("جدول"):
        return False
    mode = _mode([line, *rows])
    if mode in ("pipe", "tab", "wide"):
        width = len(_cells_of(rows[0], mode, 0, True))
        return len(_cells_of(line, mode, 0, True)) == width
    words = fold(stripped).split()
    if not words:
        return False  # a line of marks folding has emptied («ـ»)
    width = len(_tokens(rows[0]))
    return len(words) == width or (words[0] in _LABEL_HEADS and len(words) <= width + 2)


def _split_pipe(line: str) -> list[tuple[str, int]]:
    stripped = line.strip()
    offset = len(line) - len(line.lstrip())
    lead = stripped.startswith("|")
    inner = stripped[int(lead):-1] if stripped.endswith("|") else stripped[int(lead):]
    cells, position = [], offset + int(lead)
    for part in inner.split("|"):
        cells.append((part.strip(), position + len(part) - len(part.lstrip())))
        position += len(part) + 1
    return cells


def _split_on(line: str, pattern: re.Pattern[str]) -> list[tuple[str, int]]:
    cells, position = [], 0
    text = line.rstrip()
    lead = len(text) - len(text.lstrip())
    for part in pattern.split(text.strip()):
        at = text.index(part, position) if part else position
        cells.append((part.strip(), at))
        position = at + len(part)
    if not cells:
        cells.append(("", lead))
    return cells


def _split_tabs(line: str) -> list[tuple[str, int]]:
    """A TAB-separated line's cells, an empty one before the first TAB or between two
    (``⇥صادرات⇥واردات``: a header's empty corner); `_tab_rows` then evens the rows."""
    text = line.rstrip("\r\n ")
    if "\t" not in text.strip(" "):
        return _split_on(line, re.compile("\t"))
    cells, position = [], 0
    for part in text.split("\t"):
        cells.append((part.strip(), position))
        position += len(part) + 1
    return cells


def _split_header_space(line: str) -> list[tuple[str, int]]:
    """A space-separated header: a leading label, the years each a cell, then the
    labels after the years, each label one cell."""
    tokens = _tokens(line)
    lead: list[tuple[str, int]] = []
    index = 0
    while index < len(tokens) and _year_of(tokens[index][0]) is None:
        lead.append(tokens[index])
        index += 1
    cells: list[tuple[str, int]] = []
    if lead:
        cells.append((" ".join(t for t, _ in lead), lead[0][1]))
    while index < len(tokens) and _year_of(tokens[index][0]) is not None:
        cells.append(tokens[index])
        index += 1
    rest = tokens[index:]
    if rest:
        start = rest[0][1]
        cells += [(label, start + offset) for label, offset in split_labels(line[start:])]
    return cells


def split_labels(text: str) -> list[tuple[str, int]]:
    """The labels run together after a header's years, each with its offset: a change
    (``درصد تغییرات ۰۱/۰۲``), a share (``سهم از کل صادرات غیرنفتی``); a label starts at
    a word that starts one, so an unknown label stays one cell.

    >>> [t for t, _ in split_labels("درصد تغییرات ۲۱/۲۲ میزان مشارکت در کل صادرات")]
    ['درصد تغییرات ۲۱/۲۲', 'میزان مشارکت در کل صادرات']
    """
    words = list(re.finditer(r"\S++", text))
    starts: list[int] = []
    for i, match in enumerate(words):
        word = fold(match.group())
        after = fold(words[i + 1].group()) if i + 1 < len(words) else ""
        opens = _opens_label(word, after, fold(words[i - 1].group()) if i else "")
        if opens:
            starts.append(i)
    if not starts or starts[0] != 0:
        starts.insert(0, 0)
    labels = []
    for k, first in enumerate(starts):
        last = (starts[k + 1] if k + 1 < len(starts) else len(words)) - 1
        begin, end = words[first].start(), words[last].end()
        labels.append((text[begin:end], begin))
    return labels


def _split_row_space(line: str, width: int, labelled: bool) -> list[tuple[str, int]]:
    """A space-separated row under a header of ``width`` cells: its last values, one a
    cell, and (when the header has a label column) the words before them as its label."""
    tokens = _tokens(line)
    values = width - 1 if labelled else width
    if len(tokens) < values or (not labelled and len(tokens) != values):
        return [(t, c) for t, c in tokens]  # the caller reports the count
    tail = tokens[len(tokens) - values:]
    head = tokens[:len(tokens) - values]
    if not labelled:
        return tail
    label = line[head[0][1]:tail[0][1]].strip() if head else ""
    return [(label, head[0][1] if head else 0), *tail]


def text_blocks(text: str, source: str) -> list[Block]:
    """Cut a text document into prose paragraphs and table grids.

    Examples
    --------
    >>> blocks = text_blocks("عنوان\\n\\nشرح ۲۰۲۰ ۲۰۲۱\\nصادرات ۱۲ ۱۳\\n", "a.txt")
    >>> [type(b).__name__ for b in blocks]
    ['Paragraph', 'Grid']
    >>> [[c.text for c in row] for row in blocks[1].rows]
    [['شرح', '۲۰۲۰', '۲۰۲۱'], ['صادرات', '۱۲', '۱۳']]
    >>> blocks[1].rows[1][2].span.source
    'a.txt:4'
    """
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    tabular = [_tabular(line) for line in lines]
    for i in range(1, len(lines) - 1):
        # Under a "جدول" title, a line starting with a year is a header (of one year, maybe)
        # and the line after it its values.
        tokens = lines[i].split()
        if tokens and _year_of(tokens[0]) is not None and fold(lines[i - 1]).lstrip() \
                .startswith("جدول"):
            tabular[i] = True
            tabular[i + 1] = tabular[i + 1] or bool(lines[i + 1].strip())
    blocks: list[Block] = []
    prose: list[Line] = []

    def flush() -> None:
        if prose:
            blocks.append(Paragraph(tuple(prose)))
            prose.clear()

    index = 0
    while index < len(lines):
        if not tabular[index]:
            if lines[index].strip():
                prose.append(Line(lines[index], Span(source, index + 1)))
            else:
                flush()
            index += 1
            continue
        end = index
        while end < len(lines) and (tabular[end] or _totals_line(lines[end])):
            end += 1
        after_blank = end
        while after_blank < len(lines) and not lines[after_blank].strip():
            after_blank += 1
        if end == index + 1 and after_blank > end and after_blank < len(lines) \
                and tabular[after_blank] and _year_of(lines[index].split()[0]) is not None:
            # A header of years, a blank line, its values: one table.
            end = after_blank + 1
            while end < len(lines) and tabular[end]:
                end += 1
        first = index
        if prose and prose[-1].span.line == index and _header_like(lines[index - 1],
                                                                   lines[index:end]):
            first = index - 1
            prose.pop()
        flush()
        blocks.append(_grid(lines, first, end, source))
        index = end
    flush()
    return blocks


def _cells_of(line: str, mode: str, width: int, header: bool,
              labelled: bool = True) -> list[tuple[str, int]]:
    if mode == "pipe":
        return _split_pipe(line)
    if mode == "tab":
        return _split_tabs(line)
    if mode == "wide":
        return _split_on(line, _WIDE_SPLIT_RE)
    if header:
        return _split_header_space(line)
    return _split_row_space(line, width, labelled)


def _grid(lines: Sequence[str], first: int, end: int, source: str) -> Grid:
    """The grid of text lines ``first``..``end`` (0-based, end excluded)."""
    mode = _mode(lines[first:end])
    rows: list[tuple[Cell, ...]] = []
    header = _cells_of(lines[first], mode, 0, True)
    labelled = bool(header) and _year_of(header[0][0]) is None
    if mode == "space" and not any(_year_of(t) for t, _ in header):
        header = [(t, c) for t, c in _tokens(lines[first])]  # labels only: one word a cell
        labelled = True
    width = len(header)
    for index in range(first, end):
        line = lines[index]
        if mode == "pipe" and _PIPE_ALIGNMENT_RE.fullmatch(line.strip()):
            continue  # |---|---:|
        if index != first and not line.strip():
            continue
        cells = header if index == first else _cells_of(line, mode, width, False, labelled)
        rows.append(tuple(Cell(text, Span(source, index + 1, column + 1), header=index == first)
                          for text, column in cells))
    if mode == "tab":
        rows = _tab_rows(rows)
    return Grid(tuple(rows), Span(source, first + 1))


def _tab_rows(rows: list[tuple[Cell, ...]]) -> list[tuple[Cell, ...]]:
    """TAB rows as a reader sees them: a TAB indenting every line is no column, a TAB at a
    line's end no cell; a row ending before the others has empty cells after its last."""
    if rows and all(len(row) > 1 and not row[0].text for row in rows):
        rows = [row[1:] for row in rows]
    rows = [tuple(itertools.dropwhile(lambda c: not c.text, reversed(row)))[::-1] or row[:1]
            for row in rows]
    width = max(len(row) for row in rows)
    return [row + tuple(Cell("", row[-1].span, header=row[-1].header)
                        for _ in range(width - len(row))) for row in rows]


# ------------------------------------------------------------------ what a table is about

@dataclass(slots=True)
class _Context:
    """What the words around a grid say: flows, reporter, partner, product, unit."""

    flows: list[str] = field(default_factory=list)
    places: list[tuple[str, str]] = field(default_factory=list)
    partner: tuple[str, str] = ("", "")
    reporter: tuple[str, str] = ("", "")
    product: str = ""
    unit: str = ""
    valuation: str = ""
    contradiction: str = ""  # "صادرات از آمریکا": a flow and a preposition that disagree
    goods: bool = False  # the title names goods as what its rows are: «گروه کالایی», «اقلام»


@functools.lru_cache(maxsize=1024)
def _places_in(folded: str) -> tuple[tuple[int, str, str, str], ...]:
    """Known places a text names: (position, name, English, the word before). Each word
    is looked up by its leading letters, so the cost is linear in the text (cached: a
    grid's title is read for its context more than once)."""
    found = []
    words = list(re.finditer(r"\S++", folded))
    tokens = [w.group() for w in words]
    index = 0
    while index < len(words):
        place = _place_in_tokens(tokens, index)
        if place is None:
            index += 1
            continue
        before = fold(tokens[index - 1]) if index else ""
        found.append((words[index].start(), place[1], place[2], before))
        index += place[0]
    return tuple(found)


_LETTERS_RE = re.compile(r"[^\W\d_]++")


def _place_in_tokens(tokens: Sequence[str], index: int) -> tuple[int, str, str] | None:
    """The known place the words from ``tokens[index]`` start with, longest name first,
    followed by no further letter: (the words it takes, name, English)."""
    head = tokens[index].lstrip("(«\"'")
    places = _places()
    for name in _places_by_first().get(_leading_letters(head), ()):
        count = name.count(" ")
        text = " ".join([head, *tokens[index + 1:index + 1 + count]])
        if text.startswith(name) and (len(text) == len(name) or not text[len(name)].isalpha()):
            return count + 1, V.PLACE_ALIASES.get(name, name), places[name]
    return None


@functools.cache
def _places() -> dict[str, str]:
    """Every place a table may name, with its English name: the vocabulary's and the
    reader's lexicon's (tables and prose know the same places)."""
    from chile_trade.core.reader.lexicon import lexicon  # noqa: PLC0415  (the reader reads tables' words)
    out = dict(V.PLACES)
    for entries in lexicon().entries.values():
        for words, features in entries:
            english = features.get("place")
            if isinstance(english, str) and english:
                out.setdefault(" ".join(words), english)
    return out


@functools.cache
def _places_by_first() -> dict[str, list[str]]:
    """The places by the letters of their first word, longest name first."""
    by_first: dict[str, list[str]] = {}
    for name in sorted(_places(), key=len, reverse=True):
        by_first.setdefault(_leading_letters(name), []).append(name)
    return by_first


def _leading_letters(word: str) -> str:
    letters = _LETTERS_RE.match(word)
    return letters.group() if letters else ""


def _place_prefix(text: str) -> tuple[int, str, str] | None:
    """`_place_in_tokens` of a text's first word."""
    tokens = text.split()
    return _place_in_tokens(tokens, 0) if tokens else None


_UNIT_CUES = frozenset({"ارقام", "اعداد", "مقادیر", "واحد", "حسب", "برحسب", "ارزشها", "مبالغ"})
_MAX_UNIT_NOTE_WORDS = 6


def _says_unit(text: str) -> bool:
    """Whether a line after a table can be its footnote of units: it says what the
    figures count in («ارقام به میلیون دلار», «واحد: هزار تن»), or is a short note («(میلیون
    دلار)»); not a sentence with an amount of its own («… ۸۳٫۲ میلیارد دلار بود»)."""
    words = fold(text).replace("(", " ").replace(")", " ").replace(":", " ").split()
    if any(ch.isdigit() for ch in text):
        return False  # (a sentence with figures of its own, «این ارقام … ۵۰ میلیارد دلار»)
    return bool(_UNIT_CUES.intersection(words)) or len(words) <= _MAX_UNIT_NOTE_WORDS


def unit_in(text: str) -> tuple[str, str]:
    """The unit and valuation a text names (``(میلیون دلار، فوب)``, ``ارقام به میلیون دلار``,
    ``وزن (هزار تن)``): the longest unit phrase found, or ``("", "")``.

    >>> unit_in("جدول ۲- مبادلات تجاری ترکیه و آلمان (میلیون یورو)")
    ('million EUR', '')
    >>> unit_in("(میلیون دلار، سیف)")
    ('million USD', 'CIF')
    """
    folded = " " + _SPACE_RE.sub(" ", fold(text).replace("،", " ").replace(",", " ")
                                 .replace("(", " ").replace(")", " ")) + " "
    unit = ""
    best = 0
    for words, name in V.UNIT_WORDS.items():
        if len(words) > best and f" {words} " in folded:
            unit, best = name, len(words)
    valuation = next((code for word, code in V.VALUATION_WORDS.items() if f" {word} " in folded),
                     "")
    return unit, valuation


def _flows_in(folded: str) -> list[str]:
    flows = []
    for word in folded.replace("(", " ").split():
        code = V.FLOW_WORDS.get(word)
        if code and code not in flows:
            flows.append(code)
    if not flows and any(w in folded.split() for w in ("تجارت", "مبادلات", "تجاری", "بازرگانی")):
        flows = [V.EXPORT, V.IMPORT]
    return flows


def _named_after_preposition(folded: str) -> tuple[str, str]:
    """A partner a title names after its flow's preposition that no list knows
    (``صادرات ایران به گینه``): up to three words before ``(`` or the end, as written."""
    head = folded.split("(", 1)[0].split()
    flow_at = next((i for i, w in enumerate(head) if w in V.FLOW_WORDS), None)
    if flow_at is None:
        return ("", "")
    preposition = V.FLOW_PREPOSITIONS[V.FLOW_WORDS[head[flow_at]]]  # exports go to (به) one
    for i in range(len(head) - 1, flow_at, -1):
        if head[i] == preposition and i + 1 < len(head) and head[i + 1] not in _NO_PARTNER \
                and head[i - 1] not in _BASE_MARKERS:
            name = " ".join(head[i + 1:i + 4])
            if _periods_in(name)[1]:
                continue  # «… به دوره مشابه سال قبل»: a period, no partner
            return (name, name)
    return ("", "")


_NO_PARTNER = frozenset({"تفکیک", "ترتیب", "میزان", "ارزش", "مقدار", "حجم", "نسبت", "رقم",
                         "ارقام", "مبلغ", "دلار", "ریال", "یورو", "تن", "کشورها", "مقصد",
                         "مقاصد", "کشورهای", "بازارهای", "بازار"})
"""Words after «به»/«از» in a title that name no partner: «به تفکیک مقصد», «به میزان»."""
_BASE_MARKERS = frozenset({"نسبت", "مقایسه", "قیاس"})
"""Words before «به»/«با» that make it a base of comparison: «نسبت به مدت مشابه»."""


def context_of(texts: Sequence[str]) -> _Context:
    """What a table's title, caption or the sentence before it names (the first text
    that names anything wins for each part)."""
    context = _Context()
    for text in texts:
        folded = fold(text)
        if not context.unit:
            context.unit, context.valuation = unit_in(_without_amounts(text))
        flows = _flows_in(folded)
        places = _places_in(folded)
        context.goods = context.goods or not _GOODS_TITLE_WORDS.isdisjoint(folded.split())
        if not context.flows and flows:
            context.flows = flows
        if places and not context.places:
            context.places = [(name, english) for _, name, english, _ in places]
            if len(flows) == 1 and flows[0] in V.FLOWS and any(
                    p[3] in ("به", "از") and p[3] != V.FLOW_PREPOSITIONS[flows[0]]
                    for p in places) and not any(
                    p[3] == V.FLOW_PREPOSITIONS[flows[0]] for p in places):
                word = next(w for w, code in V.FLOW_WORDS.items() if code == flows[0])
                wrong = next(p[3] for p in places if p[3] in ("به", "از"))
                context.contradiction = f"{word} {wrong}"
            context.reporter, context.partner = _roles(places, flows)
            if not any(p[3] in V.PLACE_PREPOSITIONS for p in places):
                unknown = _named_after_preposition(folded)
                if unknown[0]:  # "صادرات ایران به گینه": Iran reports, to a place unlisted
                    context.reporter = context.reporter if context.reporter[0] \
                        else context.partner
                    context.partner = unknown
            if not context.product and (len(flows) == 1 or any(
                    w in _TRADE_WORDS for w in folded.split())):
                context.product = _product(folded, places)
        elif not places and not context.partner[0] and folded.lstrip().startswith("جدول"):
            context.partner = _named_after_preposition(folded)
            if not context.partner[0] and len(flows) == 1 and not context.product:
                # "صادرات از گمرکات استان …": a place of origin, kept as what is traded
                head = folded.split("(", 1)[0].split()
                at = next((i for i, w in enumerate(head) if w in V.FLOW_WORDS), None)
                if at is not None:  # the flow word may stand after a bracket
                    context.product = " ".join(head[at + 1:])
    return context


def _without_amounts(text: str) -> str:
    """A text less its amounts: the unit a title or sentence says its figures count in
    («(میلیون دلار)», «ارقام به هزار تن»), not that of an amount of its own («کسری … به
    ۱٫۳ میلیارد دلار رسید»)."""
    if not any(ch.isdigit() for ch in text):
        return text
    items, _ = _periods_in(text)
    texts = [(getattr(item, "type", ""), getattr(item, "text", "")) for item in items]
    return " ".join(text for kind, text in texts
                    if kind != "Amount" or not any(ch.isdigit() for ch in text))


def _roles(places: Sequence[tuple[int, str, str, str]],
           flows: Sequence[str]) -> tuple[tuple[str, str], tuple[str, str]]:
    """(reporter, partner) of the places a title names: the place after ``به``/``از``/``با``
    is the partner; of two places joined by ``و``, the first reports. A place named twice
    is one place."""
    seen: set[str] = set()
    places = [p for p in places if p[1] not in seen and not seen.add(p[1])]  # type: ignore[func-returns-value]
    partner_index = next((i for i, p in enumerate(places) if p[3] in V.PLACE_PREPOSITIONS), None)
    if partner_index is None:
        if len(places) >= 2:
            return (places[0][1], places[0][2]), (places[1][1], places[1][2])
        if flows:
            return (places[0][1], places[0][2]), ("", "")  # «صادرات نروژ»: Norway's exports
        return ("", ""), (places[0][1], places[0][2])
    partner = (places[partner_index][1], places[partner_index][2])
    others = [p for i, p in enumerate(places) if i != partner_index]
    reporter = (others[0][1], others[0][2]) if others else ("", "")
    return reporter, partner


_TRADE_WORDS = frozenset({"تجارت", "مبادلات", "مبادله"})
_NOT_PRODUCTS = frozenset({"خارجی", "تجاری", "کالایی", "دوجانبه", "دو", "جانبه", "کل"})
# words for goods in general: «صادرات کالاهای ایران» names no product
_GOODS_WORDS = frozenset({"کالا", "کالاها", "کالاهای", "کالای", "های", "اقلام", "انواع"})
# words of a title saying its rows are goods: «صادرات سه گروه کالایی بزرگ ویتنام»
# («کالاهای غیرنفتی ایران به کشورهای همسایه» is no such title: its rows are partners)
_GOODS_TITLE_WORDS = frozenset({"اقلام", "گروه", "گروههای", "قلم"})


def _product(folded: str, places: Sequence[tuple[int, str, str, str]]) -> str:
    """The words between a title's flow or trade word and its first place (``صادرات
    گیلاس شیلی به چین``: گیلاس; ``تجارت محصولات فولادی ایران و ترکیه``: محصولات
    فولادی), when they are not the flow's preposition or say only how trade is counted
    (``تجارت خارجی``)."""
    words = folded.split()
    for i, word in enumerate(words):
        if word in _TRADE_WORDS:
            between = list(itertools.takewhile(
                lambda w: w not in V.PLACE_PREPOSITIONS and _place_prefix(w) is None
                and not w.startswith("(") and w not in V.FLOW_WORDS and _goods_like(w),
                words[i + 1:]))
            return "" if all(w in _NOT_PRODUCTS for w in between) else " ".join(between)
        if word in V.FLOW_WORDS:
            between = []
            for w in words[i + 1:]:
                if w in V.PLACE_PREPOSITIONS or _place_prefix(w) is not None or \
                        w.startswith("(") or not _goods_like(w):
                    break
                between.append(w)
            named = " ".join(between)
            if all(w in _GOODS_WORDS for w in between):
                return ""
            return "" if any(named.startswith(p) for p in ("کل", "و ")) else named
    del places
    return ""


_OTHERS_WORDS = frozenset({"سایر", "دیگر", "بقیه"})  # «سایر کشورها», «سایر اقلام»


def _word_features(word: str) -> frozenset[str]:
    """The categories the reader's lexicon gives a folded word (none for an unknown one)."""
    from chile_trade.core.reader.lexicon import lexicon  # noqa: PLC0415  (the reader's words)
    return frozenset(lexicon().features(word))


def _goods_like(word: str) -> bool:
    """Whether a title's word may be part of the goods it names: no number, and no word
    the reader's lexicon knows as anything but goods (``در``, ``این``, ``کشور``, ``سال``,
    ``سه``: «صادرات این کشور در سه ماه نخست …» names no goods)."""
    if any(ch.isdigit() for ch in word):
        return False
    return _word_features(word) <= _GOODS_FEATURES


_GOODS_FEATURES = frozenset({"goods_word", "qualifier"})


# ------------------------------------------------------------------ grid to records

@dataclass(frozen=True, slots=True)
class _Series:
    """One series of a table: the values of a row (years across) or a column (years down)."""

    label: str
    flow: str
    reporter: tuple[str, str]
    partner: tuple[str, str]
    product: str
    unit: str
    total: bool = False  # the totals row a share column divides by


@dataclass
class GridRead:
    """What one grid gave: its values, its stated figures, and notices (unknown columns)."""

    cells: list[TableCell] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    notices: list[InputError] = field(default_factory=list)
    missing: list[tuple[str, int]] = field(default_factory=list)  # (series label, year)
    owners: list[tuple[str, str]] = field(default_factory=list)  # reporters share labels name


def _flow_of_label(label: str) -> str:
    """The flow a row or column label names, or ``""``."""
    words = fold(label).replace("(", " ").split()
    if not words:
        return ""
    text = " ".join(words)
    if words[0] in _BALANCE_LABELS or text.startswith(_BALANCE_LABELS):
        return V.BALANCE_FLOW
    if words[0] in V.FLOW_WORDS and not (len(words) > 2 and words[1] == "و"
                                          and words[2] in V.FLOW_WORDS):
        return V.FLOW_WORDS[words[0]]
    if any(text == t or text.startswith(t + " ") for t in _TOTAL_LABELS):
        return V.TOTAL_FLOW
    return ""


_YEAR_PAIR_RE = re.compile(r"(?<!\d)\d{2}(?:\d{2})?+\s*+(?:نسبت\s++)?+به\s*+\d{2}(?:\d{2})?+(?!\d)")
"""Two years joined as a change: «۱۴۰۲ نسبت به ۱۴۰۱», «۲۰۲۳ به ۲۰۲۲»."""


def _is_change_label(label: str) -> bool:
    """``درصد تغییرات``, ``درصدتغییرات`` (written together), ``رشد ۱۴۰۲``; a pair of years
    ``۲۰۲۳ نسبت به ۲۰۲۲ (درصد)``, ``۱۴۰۲ به ۱۴۰۱``."""
    folded = fold(label)
    return any(stem in word for word in folded.split() for stem in ("تغییر", "رشد")) or \
        _YEAR_PAIR_RE.search(to_ascii_digits(folded)) is not None


def _is_share_label(label: str) -> bool:
    return any(stem in word for word in fold(label).split() for stem in _SHARE_WORDS)


def _opens_label(word: str, after: str, before: str) -> bool:
    """Whether a header word starts a label: ``درصد`` or ``میزان`` before a change or share
    word, or such a word (``تغییرات``, ``درصدتغییرات``, ``سهم``) not after one."""
    if word in ("درصد", "میزان", "نرخ"):
        return _is_change_label(after) or _is_share_label(after)
    return (_is_change_label(word) or _is_share_label(word)) and before not in (
        "درصد", "میزان", "نرخ")


def _series_of(label: str, context: _Context, unit: str) -> _Series:
    """The series a row or column label names, filled in from the table's context."""
    folded = fold(label)
    flow = _flow_of_label(label)
    places = _places_in(folded)
    reporter, partner = context.reporter, context.partner
    product = context.product
    if places:
        if flow in V.FLOWS or flow in (V.BALANCE_FLOW, V.TOTAL_FLOW):
            reporter, partner = _roles(places, [flow])
            if len(places) == 1 and places[0][3] not in V.PLACE_PREPOSITIONS:
                # «صادرات هند»: a flow's place with no preposition is the one whose flow it is
                reporter = partner
                partner = context.partner if context.partner != reporter else context.reporter
            elif not reporter[0] and context.partner[0] and context.partner != partner:
                reporter = context.reporter
        elif not flow:  # a partner down the rows of one flow's table
            partner = (places[0][1], places[0][2])
            flow = context.flows[0] if len(context.flows) == 1 else ""
    elif _is_price_label(label):
        # «قیمت متوسط (دلار در تن)»: money per unit of goods, no amount of the flow
        return _Series(label.strip(), "", reporter, partner, product, "", False)
    elif not flow:
        # "سایر", "جمع" in a table of partners: the title's flow, the label as partner
        flow = context.flows[0] if len(context.flows) == 1 else ""
        name = _SPACE_RE.sub(" ", folded.strip())
        if flow and _is_measure_label(label):
            pass  # «حجم (هزار تن)», «ارزش (میلیون دلار)»: the title's flow, in this unit
        elif flow and context.partner[0] == "" and (
                not context.goods or name.split()[0] in _OTHERS_WORDS):
            partner = (name, name)
        elif flow and not product and name not in _TOTAL_ROWS and not _is_value_label(name):
            # goods down the rows of one flow to one partner («مصالح ساختمانی», «پسته (هزار
            # تن)»: its unit aside); a row that is only a unit names no goods, and is read
            # as no part of anything
            product = name.split("(", 1)[0].strip() or name
    elif flow in (V.EXPORT, V.IMPORT) and len(folded.split()) > 1:
        product = product or ""
    row_unit = unit_in(label)[0] or unit
    total = fold(label).strip() in _TOTAL_ROWS
    if total and len(context.flows) == 1:  # the sum of the partners of one flow's table
        flow = context.flows[0]
    return _Series(label.strip(), flow, reporter, partner, product, row_unit, total)


@dataclass(frozen=True, slots=True)
class _Column:
    kind: str  # "year", "label" (the row labels), "change", "share", "total", "unknown"
    text: str
    year: _Year | None = None
    period: tuple[int, int] | None = None
    base: str = ""


def _column_label(rows: Sequence[tuple[Cell, ...]], header_index: int, col: int) -> str:
    """A column's label: the distinct header texts above and at the header row."""
    texts: list[str] = []
    for row in rows[:header_index + 1]:
        text = row[col].text.strip() if col < len(row) else ""
        if text and text not in texts:
            texts.append(text)
    return " ".join(texts)


def _classify(label: str, years: Sequence[int], first: bool, year_cell: _Year | None,
              ) -> _Column:
    label = _SPACE_RE.sub(" ", fold(label)).strip()
    if year_cell is not None:
        return _Column("year", label, year=year_cell)
    if _is_change_label(label):
        named = _years_named(label, years)
        printed = _YEAR_IN_LABEL_RE.findall(to_ascii_digits(label).replace("/", " / "))
        if printed and len(named) < sum(1 + bool(b) for _, b in printed):
            raise InputError(f"the column {quoted(label, 40)} names a year that is not in the "
                             f"header {list(years)}")
        if len(named) >= 2:
            period = (min(named[:2]), max(named[:2]))
        elif len(named) == 1 and named[0] in years and years.index(named[0]) > 0:
            period = (years[years.index(named[0]) - 1], named[0])
        elif len(years) >= 2:
            period = (years[-2], years[-1])
        else:
            return _Column("unknown", label)
        return _Column("change", label, period=period)
    if _is_share_label(label):
        named = _years_named(label, years)
        folded = fold(label).split()
        base = next((V.BASE_WORDS[w] for w in folded if w in V.BASE_WORDS), "")
        year = named[-1] if named else (years[-1] if years else 0)
        if not base and any(w in ("جمع", "مجموع") for w in folded):
            base = "rows"  # of the table's own totals row
        return _Column("share", label, period=(year, year), base=base)
    if first:
        return _Column("label", label)
    return _Column("unknown", label)


def _shares_of_their_years(columns: list[_Column], years: Sequence[int]) -> list[_Column]:
    """A share column whose label names no year is of the year of the column just before
    it («۲۰۲۲ | سهم (درصد) | ۲۰۲۳ | سهم (درصد)»: the first share is of 2022), not of the
    table's last year."""
    out: list[_Column] = []
    for col in columns:
        previous = next((c for c in reversed(out) if c.kind in ("year", "share")), None)
        if col.kind == "share" and not _years_named(col.text, years) and \
                previous is not None and previous.kind == "year" and previous.year is not None:
            year = previous.year.year
            out.append(dataclasses.replace(col, period=(year, year)))
        else:
            out.append(col)
    return out


def read_grid(grid: Grid, before: Sequence[str], after: Sequence[str], table_id: str, *,
              headline: str | None = None) -> GridRead:
    """The values and stated figures of one grid.

    Parameters
    ----------
    grid : Grid
        The table's cells.
    before : sequence of str
        The texts that may name what the table is about, nearest first: its caption, the
        title or sentence before it.
    after : sequence of str
        Texts after it that may give the unit (a footnote ``ارقام به میلیون دلار``).
    table_id : str
        The id its records carry (``file:line`` of its title or first row).
    headline : str, optional
        The document's first line, where it is not among ``before``: the year of a
        column of months the words around the table do not name («… در سه ماه نخست
        ۲۰۲۴» over «ژانویه، فوریه، مارس»).

    Raises
    ------
    InputError
        Located at the row or cell, for a table that cannot be read.
    """
    rows = grid.rows
    if sum(len(r) for r in rows) > _MAX_CELLS:
        raise InputError(f"table has more than {_MAX_CELLS:,} cells", source=grid.span.file,
                         line=grid.span.line)
    context = context_of(before)
    if context.contradiction:
        raise _error(grid.span, f"table title says {context.contradiction}: exports go to "
                                "('به') a partner, imports come from ('از') one")
    if not context.unit:
        for text in after:
            if not _says_unit(text):
                continue  # (a sentence after the table with an amount of its own)
            context.unit, context.valuation = unit_in(text)
            if context.unit:
                break
    header_index = next((i for i, row in enumerate(rows) if _years_across(row)), None)
    if header_index is not None and not (header_index > 0 and _names_year_column(rows[0])):
        return _read_across(grid, header_index, context, table_id)
    down = [i for i, row in enumerate(rows) if row and _year_of(row[0].text) is not None]
    if len(down) >= 2:
        return _read_down(grid, down, context, table_id)
    parts = _parts_across(rows, before)
    if parts is not None:
        return _read_across(grid, parts[0], context, table_id, parts[1])
    months = _months_down(rows, before, after, headline)
    if months:
        return _read_down(grid, list(months), context, table_id, months)
    year = _one_period(rows, before)
    if year is not None and rows and rows[0] and _names_sides(rows[0][0].text):
        # «صادرکننده | صادرات ۲۰۲۳/۲۴ | سهم از صادرات جهانی»: each row is a reporter of
        # its own, no partner of one reporter; not read as one
        unread = _error(rows[0][0].span, f"the rows under {quoted(rows[0][0].text, 40)} are "
                        "the sellers or buyers themselves, each with its own flows; such a "
                        "table is not read")
        raise UnreadTableError(unread.message, source=unread.source, line=unread.line)
    if year is not None:
        return _read_one_period(grid, year, _sides_of_title(before[0] if before else "",
                                                             context), table_id)
    unread = _error(grid.span, "it has no row or column of years (a header such as "
                    "'شرح ۱۴۰۱ ۱۴۰۲', or years down its first column) and its title names no "
                    "one year")
    raise UnreadTableError(unread.message, source=unread.source, line=unread.line)


def _names_sides(label: str) -> bool:
    """Whether a first column's header says its rows are the sellers or buyers
    («صادرکننده», «کشورهای واردکننده», «تولیدکنندگان»)."""
    folded = fold(label).replace("\u200c", "").replace(" ", "")
    return any(word in folded for word in _SIDE_HEADERS)


_SIDE_HEADERS = ("صادرکننده", "واردکننده", "تولیدکننده", "خریدار", "فروشنده", "مصرفکننده")


def _one_period(rows: Sequence[tuple[Cell, ...]], before: Sequence[str]) -> _Year | None:
    """The one period of a table of one period: named in its title, in the header of its
    one value column («کشور | صادرات ۲۰۲۳ (میلیون تن) | سهم (درصد)»), or in the caption
    or sentence before it («در سال ۲۰۲۳، …:»); None where none is."""
    if len(rows) < 2 or len(rows[0]) < 2:
        return None
    year = _title_year(before)
    if year is not None:
        return year
    named = [y for cell in rows[0][1:] if (y := _year_of(cell.text))]
    if not named and not any(_is_number(cell.text) for cell in rows[0]):
        named = [y for y in (_context_year(before),) if y is not None]
    return named[0] if len(named) == 1 else None


def _title_year(texts: Sequence[str]) -> _Year | None:
    """The one period the words before a grid name («جدول ۶- صادرات ایران به افغانستان
    در سال ۱۴۰۲», or months of a year: «در نیمه نخست ۱۴۰۲»): a table of one period.
    None where they name none or several."""
    for text in texts[:1]:
        _, found = _periods_in(text)
        if len(found) != 1:
            return None
        period = found[0]
        if period.year is None or period.last_year is not None \
                or period.rolling or not _plausible(period.year):
            return None
        return _Year(period.year, period.fiscal, str(period.year), period.months,
                     inferred=period.months is not None)
    return None


def _read_one_period(grid: Grid, year: _Year, context: _Context, table_id: str) -> GridRead:
    """A table of one period named in its title: rows of partners or goods, columns of
    measures (``وزن (تن)``, ``ارزش (هزار دلار)``) and perhaps a share or change column."""
    rows = grid.rows
    header, data = rows[0], [r for r in rows[1:] if any(c.text.strip() for c in r)]
    calendar = _calendar([year.year])
    units = ["" if _is_price_label(cell.text) else
             unit_in(cell.text)[0] or (context.unit if k and _is_value_label(cell.text) else "")
             for k, cell in enumerate(header)]
    columns = [_Column("label", header[0].text)] + [
        _Column("year", cell.text, year=year) if units[k] else
        _classify(cell.text, _years_of_label(cell.text, year.year), False, None)
        for k, cell in enumerate(header) if k]
    data = [_padded_total(row, columns) for row in data]
    for row in data:
        if len(row) != len(header):
            raise _error(row[0].span, f"row has {len(row)} cells but the header at line "
                                      f"{header[0].span.line} has {len(header)}")
    # a share or change cell is of the row's value: its money, else its first value
    valued = [k for k, col in enumerate(columns) if col.kind == "year"]
    money = [k for k in valued if (scale := V.unit_scale(units[k])) and scale[0] in V.MONEY]
    of = (money or valued or [0])[0]
    out = GridRead()
    for col, cell in zip(columns, header, strict=True):
        if col.kind not in ("label", "year", "change", "share"):
            out.notices.append(_error(cell.span, f"unknown column {quoted(col.text, 40)} kept as "
                                                 "an unknown column; its values are not read"))
    period = Period(end=year.year, calendar=calendar, fiscal=year.fiscal, months=year.months)
    one_flow = context.flows[0] if len(context.flows) == 1 else ""
    rows_read: list[tuple[_Series, Subject, Quantity | None]] = []
    for n, row in enumerate(data):
        series = _row_series(row[0].text, context, one_flow)
        subject = _subject(series)
        sid = f"{table_id}#{n + 1}"
        value: Quantity | None = None
        for k, (col, cell) in enumerate(zip(columns, row, strict=True)):
            if col.kind != "year" or _is_missing(cell.text):
                continue
            number = _number_at(cell)
            if number.is_percent:
                raise _error(cell.span, f"value {cell.text!r} in the column "
                                        f"{quoted(col.text, 40)} carries a percent sign")
            quantity = Quantity(number, units[k], subject, period, cell.span)
            out.cells.append(TableCell(f"{sid}.{k}", quantity, context.valuation, series.label,
                                       titled=True, inferred=year.inferred))
            value = quantity if k == of else value
        rows_read.append((series, subject, value))
    # a share column divides by the totals row where the table prints one (not by a whole
    # another row's share implies: that share may be the wrong figure)
    whole = next((v for series, _, v in rows_read if series.total), None)
    for n, row in enumerate(data):
        series, subject, value = rows_read[n]
        for col, cell in zip(columns, row, strict=True):
            if col.kind in ("change", "share") and not _is_missing(cell.text):
                out.claims.append(_one_period_claim(col, cell, subject, calendar, year,
                                                    f"{table_id}#{n + 1}.{of}",
                                                    (value, whole)))
    return out


def _padded_total(row: tuple[Cell, ...], columns: Sequence[_Column]) -> tuple[Cell, ...]:
    """A totals row that leaves its last share or change cells empty («کل ۳۳۷٫۱۰» under
    «… ارزش  سهم»), those cells as missing; any other row as it is."""
    if not row or len(row) >= len(columns) or \
            _SPACE_RE.sub(" ", fold(row[0].text).strip()) not in _TOTAL_ROWS \
            or any(col.kind not in ("change", "share") for col in columns[len(row):]):
        return row
    return row + tuple(Cell("", row[-1].span) for _ in columns[len(row):])


def _years_of_label(label: str, year: int) -> list[int]:
    """The table's year and the other years a column's label names («تغییر نسبت به ۱۴۰۱»)."""
    named = {int(a) for a, _ in _YEAR_IN_LABEL_RE.findall(to_ascii_digits(fold(label)))
             if len(a) == 4 and _plausible(int(a))}
    return sorted(named | {year})


def _one_period_claim(col: _Column, cell: Cell, subject: Subject, calendar: str,  # noqa: PLR0917  a cell and where it is
                      year: _Year, sid: str,
                      shares: tuple[Quantity | None, Quantity | None]) -> Claim:
    """The figure a change or share cell of a one-period table states: a change from a
    year whose values the table does not print, or a share of the row's value."""
    number = _number_at(cell)
    assert col.period is not None
    start, end = col.period
    if col.kind == "change":
        period = Period(start, end, calendar=calendar, fiscal=year.fiscal)
        return Claim(V.CHANGE, Quantity(number, V.PERCENT, subject, period, cell.span),
                     table=sid, label=col.text)
    quantity = Quantity(number, V.PERCENT, subject,
                        Period(end=end, calendar=calendar, fiscal=year.fiscal), cell.span)
    part, whole = shares
    if part is not None and whole is not None:  # of the table's totals row
        return Claim(V.PROSE_SHARE, quantity, table=sid, label=col.text,
                     operands=(part, whole), formula="share")
    base = col.base if col.base != "rows" else ""
    return Claim(V.SHARE, quantity, table=sid, base=base or subject.flow, label=col.text)


def _sides_of_title(title: str, context: _Context) -> _Context:
    """A one-period table's sides as its title names them: the place right after the flow
    word is whose the flow is («واردات ایران در سال ۱۴۰۲»), a place after «به»/«از» the
    partner; no other words are taken for a partner."""
    places = _places_in(fold(title))
    owners = [(name, english) for _, name, english, word in places if word in V.FLOW_WORDS]
    partners = [(name, english) for _, name, english, word in places if word in ("به", "از")]
    return dataclasses.replace(context, reporter=owners[0] if owners else context.reporter,
                               partner=partners[0] if partners else ("", ""))


def _is_price_label(text: str) -> bool:
    """A label of money per unit of goods: «قیمت متوسط (دلار در تن)», «قیمت هر تن (دلار)»,
    «دلار/تن»."""
    folded = _SPACE_RE.sub(" ", fold(text).replace("(", " ").replace(")", " ")).strip()
    if len(folded) > _MAX_PERIOD_CELL:
        return False  # (a sentence, no label)
    return "قیمت" in folded.split() or "نرخ" in folded.split() or \
        _PER_UNIT_RE.search(folded) is not None


_PER_UNIT_RE = re.compile(r"(?:^|\s)(?:در|بر|هر)\s(?:هر\s)?(?:تن|کیلو|کیلوگرم|بشکه|اونس|لیتر)"
                          r"(?:\s|$)|(?<!\d)/(?!\d)")  # («دلار/تن», not «۲۰۲۳/۲۴»)


def _is_measure_label(text: str) -> bool:
    """A row label that is only a measure and its unit: «حجم (هزار تن)», «ارزش (میلیون
    دلار)», «وزن»."""
    words = [w for w in fold(text).replace("(", " ").replace(")", " ").split()
             if w not in V.UNIT_WORDS and not any(w in unit.split() for unit in V.UNIT_WORDS)]
    return bool(words) and all(w in _MEASURE_WORDS for w in words)


_MEASURE_WORDS = frozenset({"ارزش", "مقدار", "وزن", "میزان", "حجم", "دلاری", "وزنی"})


def _is_value_label(text: str) -> bool:
    """A header naming the value or quantity its column holds in the table's unit."""
    return any(word in ("ارزش", "مقدار", "وزن", "میزان") for word in fold(text).split())


def _row_series(label: str, context: _Context, flow: str) -> _Series:
    """A row of a one-period table: a partner where its label names a place, a total
    where it says so, else goods of the title's flow."""
    folded = _SPACE_RE.sub(" ", fold(label).strip())
    places = _places_in(folded)
    total = folded in _TOTAL_ROWS
    if places and places[0][1] != context.reporter[0]:  # a partner down the rows
        partner = (places[0][1], places[0][2])
        return _Series(label.strip(), flow, context.reporter, partner, context.product, "",
                       total)
    product = "" if total else folded
    return _Series(label.strip(), flow, context.reporter, context.partner,
                   product or context.product, "", total)


class UnreadTableError(InputError):
    """A grid whose layout says nothing of when its values hold: it is reported, with
    its place, and the rest of the document is read without it."""


def _years_across(row: Sequence[Cell]) -> bool:
    """Whether a row is a header of years: two or more, in order, and no number that
    neither is nor names a year (``۱۴۰۱ ۹۱۰ ۱۴۵۰`` is a year with its values, not a
    header; ``۱۴۰۱/۱۴۰۰`` beside ``۱۴۰۰ ۱۴۰۱`` heads a change column)."""
    years = [_year_of(c.text) for c in row]
    found = [y.year for y in years if y is not None]
    if len(found) < 2 or any(y is None and _is_number(c.text) and not _years_named(c.text, found)
                             for y, c in zip(years, row, strict=True)):
        return False
    if len({y <= _MAX_SOLAR for y in found}) > 1:
        return False  # «۲۰۲۳ ۱۵۰۰»: a year and its value, not years of two calendars
    rising = all(a < b for a, b in itertools.pairwise(found))
    return rising or all(a > b for a, b in itertools.pairwise(found))


def _names_year_column(row: Sequence[Cell]) -> bool:
    """Whether a first row heads a column of years (``سال صادرات واردات``)."""
    return bool(row) and (fold(row[0].text).strip() in _YEAR_WORDS or fold(
        row[0].text).split()[:1] == ["سال"]) and not any(_is_number(c.text) for c in row)


def _error(span: Span, message: str) -> InputError:
    where = span.source
    file, _, place = where.rpartition(":")
    if place.isdigit():
        return InputError(message, source=file, line=int(place))
    return InputError(message, source=where)


def _number_at(cell: Cell) -> ParsedNumber:
    try:
        return number_cell(cell.text)
    except InputError as exc:
        raise _error(cell.span, exc.message) from None


@dataclass
class _Layout:
    """A grid being read: its value rows, one series each, and the columns they share."""

    columns: list[_Column]
    rows: list[tuple[Cell, ...]]
    series: list[_Series]
    calendar: str
    valuation: str
    out: GridRead = field(default_factory=GridRead)
    values: dict[tuple[int, tuple[int, int]], Quantity] = field(default_factory=dict)
    """Each value by (series, its period's `_Year.key`)."""
    row_months: dict[int, tuple[int, int]] = field(default_factory=dict)
    """Rows that are months of each column's year («حمل | ۱۴۲ | ۱۱۸»), and their totals
    row, by series: the months each row's values are of."""

    @property
    def fiscal(self) -> bool:
        """Whether the header's years are fiscal-year pairs (``۲۰۲۱-۲۲``)."""
        return any(c.kind == "year" and c.year is not None and c.year.fiscal
                   for c in self.columns)

    @property
    def months(self) -> tuple[int, int] | None:
        """The months of each year its columns hold («نیمه نخست ۲۰۲۳ … ۲۰۲۴»); None: all."""
        return next((c.year.months for c in self.columns
                     if c.kind == "year" and c.year is not None), None)

    def total_value(self, year: int) -> Quantity | None:
        """The totals row's value in ``year`` (the whole a share-of-total column divides)."""
        at = next((i for i, s in enumerate(self.series) if s.total), None)
        col = next((i for i, c in enumerate(self.columns)
                    if c.kind == "year" and c.year is not None and c.year.year == year), None)
        if at is None or col is None or _is_missing(self.rows[at][col].text):
            return None
        cell = self.rows[at][col]
        return Quantity(_number_at(cell), self.series[at].unit, Subject(),
                        Period(end=year, calendar=self.calendar, months=self.months), cell.span)


def _check_widths(header: tuple[Cell, ...], data: Sequence[tuple[Cell, ...]],
                  columns: Sequence[_Column], n_years: int) -> None:
    labelled = 1 if columns[0].kind == "label" else 0
    for row in data:
        if len(row) != len(columns):
            raise _error(row[0].span,
                         f"value line has {len(row) - labelled} values but the header at line "
                         f"{header[0].span.line} has {len(columns) - labelled} columns "
                         f"({n_years} years, {len(columns) - n_years - labelled} labelled)")


def _parts_across(rows: Sequence[tuple[Cell, ...]], before: Sequence[str],
                  ) -> tuple[int, dict[int, _Year]] | None:
    """A header row (among the first three) of parts of one year, one after another
    («فصل اول | فصل دوم | فصل سوم», «ژانویه | فوریه»), the year said before the grid: the
    row and each period's column; None where there is none."""
    for index, row in enumerate(rows[:3]):
        found: dict[int, tuple[int, int]] = {}
        calendars: set[str] = set()  # (of the months named: ژانویه is no month of ۱۴۰۲)
        for k, cell in enumerate(row[1:], start=1):
            text = cell.text.strip()
            if not text or any(ch.isdigit() for ch in text) or len(text) > _MAX_PERIOD_CELL:
                continue
            items, periods = _periods_in(text)
            alone = _month_alone(items)
            if alone is not None:
                found[k] = (alone[1], alone[1])
                calendars.add(alone[0])
            elif len(periods) == 1 and all(_beside_period(item) for item in items) and \
                    periods[0].months is not None and periods[0].year is None and \
                    periods[0].relative is None and not periods[0].rolling:
                found[k] = periods[0].months
                if periods[0].calendar:
                    calendars.add(periods[0].calendar)
        spans = list(found.values())
        if len(spans) < 2 or any(b[0] != a[1] + 1 for a, b in itertools.pairwise(spans)):
            continue  # (parts of the year one after another)
        year = _context_year([text for text in before if text])
        if year is None or year.months is not None or year.fiscal or \
                calendars - {_calendar([year.year])}:
            return None
        return index, {k: _Year(year.year, False, rows[index][k].text.strip(), months,
                                inferred=True) for k, months in found.items()}
    return None


def _read_across(grid: Grid, header_index: int, context: _Context, table_id: str,
                 parts: dict[int, _Year] | None = None) -> GridRead:
    rows = grid.rows
    header = rows[header_index]
    year_cells = [(i, parts.get(i) if parts is not None else _year_of(c.text))
                  for i, c in enumerate(header)]
    for (_, year), cell in zip(year_cells, header, strict=True):
        digits = to_ascii_digits(fold(cell.text)).strip()
        if year is None and digits.isdigit():
            raise _error(cell.span, f"header column {quoted(cell.text)} is not a four-digit "
                                    "year")
    years = [y.year for _, y in year_cells if y is not None]
    if parts is None and len({y.months for _, y in year_cells if y is not None}) > 1:
        unread = _error(header[0].span, "header columns are periods of different months of "
                                        "the year; only the same months of several years "
                                        "are read")
        raise UnreadTableError(unread.message, source=unread.source, line=unread.line)
    keys = [y.key for _, y in year_cells if y is not None]
    if keys != sorted(set(keys)):
        raise _error(header[0].span, f"header years {years} are not in increasing order")
    columns = [_classify(_column_label(rows, header_index, i), years, i == 0, year)
               if parts is None or year is not None or i == 0
               else _part_total(_column_label(rows, header_index, i))
               for i, year in year_cells]
    columns = _shares_of_their_years(columns, years)
    # "شرح (هزار دلار)": the unit in the label column's header; «۲۰۲۳ (میلیون تن)»: in the
    # header of every year, the same
    unit = context.unit or (unit_in(columns[0].text)[0] if columns[0].kind == "label" else "")
    year_units = {unit_in(header[i].text)[0] for i, y in year_cells if y is not None}
    if not unit and len(year_units) == 1:
        unit = year_units.pop()
    data = [r for r in rows[header_index + 1:] if any(c.text.strip() for c in r)]
    if not data:
        raise _error(header[0].span, "table header is not followed by a value line")
    data = [_padded_total(row, columns) for row in data]
    _check_widths(header, data, columns, len(years))
    one_flow = context.flows[0] if len(context.flows) == 1 else ""
    series = [_series_of(row[0].text, context, unit) if columns[0].kind == "label"
              and row[0].text.strip() else _Series("", one_flow, context.reporter,
                                                   context.partner, context.product, unit)
              for row in data]
    layout = _Layout(columns, data, series, _calendar(years), context.valuation)
    _with_month_rows(layout, context)
    for col, cell in zip(columns, header, strict=True):
        if col.kind == "share":  # "سهم از کل صادرات شیلی": Chile reports
            layout.out.owners += [(name, english)
                                  for _, name, english, _ in _places_in(fold(col.text))]
        if col.kind == "unknown":
            layout.out.notices.append(_error(cell.span, f"unknown column {quoted(col.text, 40)} "
                                                        "kept as an unknown column; its values "
                                                        "are not read"))
    for n, row in enumerate(data):
        _read_row(layout, n, table_id if len(data) == 1 else f"{table_id}#{n + 1}", row)
    _derived_rows(layout, table_id)
    _totals_of_month_rows(layout, table_id)
    for k, col in enumerate(columns):
        if col.kind == "total":
            _total_of_parts(layout, k, table_id)
    return layout.out


def _with_month_rows(layout: _Layout, context: _Context) -> None:
    """Rows of months (`_month_rows`) are the months of the title's flow, no partners."""
    layout.row_months = _month_rows(layout.rows, layout.series, layout.calendar)
    if layout.row_months:
        layout.series = [dataclasses.replace(s, partner=context.partner,
                                             product=context.product) for s in layout.series]


def _month_rows(data: Sequence[tuple[Cell, ...]], series: Sequence[_Series], calendar: str,
                ) -> dict[int, tuple[int, int]]:
    """Rows whose labels are months one after another of the columns' calendar, and a
    totals row after them (their months, first to last); empty where any other row is
    there, or fewer than two months."""
    found: dict[int, tuple[int, int]] = {}
    totals: list[int] = []
    for n, row in enumerate(data):
        text = row[0].text.strip()
        if series[n].total:
            totals.append(n)
            continue
        if not _names_month(text):
            return {}
        items, periods = _periods_in(text) if len(text) <= _MAX_PERIOD_CELL else ([], [])
        alone = _month_alone(items)
        if alone is None and len(periods) == 1 and len(items) == 1:
            period = periods[0]
            if period.year is None and period.months is not None and \
                    period.months[0] == period.months[1] and not period.rolling:
                alone = (period.calendar, period.months[0])
        if alone is None or alone[0] != calendar:
            return {}
        found[n] = (alone[1], alone[1])
    months = [m for m, _ in found.values()]
    if not _one_after_another({n: m for n, (m, _) in found.items()}) or \
            any(t < max(found) for t in totals):
        return {}
    found.update(dict.fromkeys(totals, (months[0], months[-1])))
    return found


def _names_month(text: str) -> bool:
    """Whether a label's words hold a month's name («حمل», «ماه مارس»): a cheap test before
    the reader's period rules."""
    return any("month" in _word_features(word) or word.endswith("ماه")
               for word in fold(text).split())  # («فروردینماه»: its ZWNJ folded away)


def _totals_of_month_rows(layout: _Layout, table_id: str) -> None:
    """A totals row under rows of months, in each year's column: the sum of its months
    (where every month's value is printed)."""
    months = [n for n, m in layout.row_months.items() if m[0] == m[1]]
    for n, series in enumerate(layout.series):
        if n not in layout.row_months or not series.total:
            continue
        for col in layout.columns:
            if col.kind != "year" or col.year is None:
                continue
            stated = layout.values.get((n, col.year.key))
            operands = [layout.values.get((m, col.year.key)) for m in months]
            if stated is None or any(q is None for q in operands):
                continue
            layout.out.claims.append(Claim(
                V.SUM, stated, table=f"{table_id}#{n + 1}", label=series.label,
                operands=tuple(q for q in operands if q is not None), formula="sum",
                frame="table.total_of_months"))


def _part_total(label: str) -> _Column:
    """A column beside parts of one year: their total («جمع سال», «کل»), or unknown (a
    change or share of parts is not read)."""
    folded = _SPACE_RE.sub(" ", fold(label)).strip()
    words = folded.split()
    return _Column("total" if words and words[0] in ("جمع", "مجموع", "کل") else "unknown",
                   folded)


def _total_of_parts(layout: _Layout, k: int, table_id: str) -> None:
    """Each row's total of the parts of its year (columns across), where every part's
    value is printed: their sum."""
    periods = [c.year for c in layout.columns if c.kind == "year" and c.year is not None]
    first, last = periods[0], periods[-1]
    assert first.months is not None
    assert last.months is not None
    last_part = max(j for j, c in enumerate(layout.columns) if c.kind == "year")
    if k < last_part or (first.months[0], last.months[1]) != (1, 12):
        return  # («جمع نیمه اول» between the parts, or three quarters under «جمع سال»)
    for n, (series, row) in enumerate(zip(layout.series, layout.rows, strict=True)):
        if _is_missing(row[k].text):
            continue
        operands = [layout.values.get((n, period.key)) for period in periods]
        if any(q is None for q in operands):
            continue
        period = Period(end=first.year, calendar=layout.calendar,
                        months=(first.months[0], last.months[1]))
        quantity = Quantity(_number_at(row[k]), series.unit, _subject(series), period,
                            row[k].span)
        layout.out.claims.append(Claim(
            V.SUM, quantity, table=f"{table_id}#{n + 1}", label=layout.columns[k].text,
            operands=tuple(q for q in operands if q is not None), formula="sum",
            frame="table.total_of_parts"))


_DERIVED = {V.BALANCE_FLOW: (V.BALANCE, "balance"), V.TOTAL_FLOW: (V.SUM, "sum")}
"""A table's balance row (exports − imports) and total row (exports + imports): figures
the table states from its own export and import rows, as prose claims are."""


def _derived_rows(layout: _Layout, table_id: str) -> None:
    """The claims of a balance or total-trade row (or column, years down), where the table
    has one export and one import series of the same sides and goods: each year's
    printed value against the two. A row that prints no minus sign states a size (a
    «کسری» or «تراز» of sizes), judged against the size of the difference."""
    def same(a: _Series, b: _Series) -> bool:  # (a side not named is the table's own)
        return a.partner == b.partner and a.product == b.product and a.unit == b.unit and (
            a.reporter == b.reporter or "" in (a.reporter[0], b.reporter[0]))

    flows: dict[str, list[int]] = {}
    for n, series in enumerate(layout.series):
        flows.setdefault(series.flow, []).append(n)
    exports, imports = flows.get(V.EXPORT, []), flows.get(V.IMPORT, [])
    if len(exports) != 1 or len(imports) != 1 or \
            not same(layout.series[exports[0]], layout.series[imports[0]]):
        return
    e, i = exports[0], imports[0]
    others = set(flows) - {V.EXPORT, V.IMPORT, V.BALANCE_FLOW, V.TOTAL_FLOW}
    for flow, (kind, formula) in _DERIVED.items():
        if flow == V.TOTAL_FLOW and others:
            continue  # («ترانزیت», «سایر» rows: a «جمع» may be the sum of them all)
        for n in flows.get(flow, []):
            series = layout.series[n]
            if not same(series, layout.series[e]):
                continue
            signed = any(layout.values[key].number.value < 0 for key in layout.values
                         if key[0] == n)  # (a minus in its values, not in a change column)
            for col in layout.columns:
                if col.kind != "year" or col.year is None:
                    continue
                stated, ex, im = (layout.values.get((r, col.year.key)) for r in (n, e, i))
                if stated is None or ex is None or im is None:
                    continue
                number = stated.number
                if formula == "balance" and not signed and ex.number.value < im.number.value:
                    number = dataclasses.replace(number, value=-number.value)  # a size
                sid = f"{table_id}#{n + 1}"
                layout.out.claims.append(Claim(
                    kind, dataclasses.replace(stated, number=number), table=sid,
                    label=series.label, operands=(ex, im), formula=formula,
                    frame=f"table.{flow}_row"))


def _subject(series: _Series) -> Subject:
    return Subject(series.reporter[0], series.reporter[1], series.partner[0], series.partner[1],
                   series.flow, series.product)


def _read_row(layout: _Layout, n: int, sid: str, row: tuple[Cell, ...]) -> None:
    """One series across the years: its values, then the figures its row states."""
    series, out = layout.series[n], layout.out
    subject = _subject(series)
    values: dict[int, Quantity] = {}
    for col, cell in zip(layout.columns, row, strict=True):
        if col.kind != "year" or col.year is None:
            continue
        if _is_missing(cell.text):
            out.missing.append((series.label, col.year.year))
            continue
        number = _number_at(cell)
        if number.is_percent:
            raise _error(cell.span, f"value {cell.text!r} in the {col.year.text} column "
                                    "carries a percent sign")
        quantity = Quantity(number, series.unit, subject,
                            Period(end=col.year.year, calendar=layout.calendar,
                                   fiscal=col.year.fiscal,
                                   months=layout.row_months.get(n, col.year.months)), cell.span)
        values[col.year.year] = quantity
        layout.values[n, col.year.key] = quantity
        out.cells.append(TableCell(sid, quantity, layout.valuation, series.label,
                                   inferred=col.year.inferred))
    for col, cell in zip(layout.columns, row, strict=True):
        if col.kind in ("change", "share") and not _is_missing(cell.text):
            out.claims.append(_stated(layout, col, cell, n, sid, values))


def _stated(layout: _Layout, col: _Column, cell: Cell, n: int, sid: str,  # noqa: PLR0917  a cell and where it is
            values: dict[int, Quantity]) -> Claim:
    """The figure a change or share cell states (checked against the series' own values,
    in `chile_trade.core.checks`; a missing cell makes it unverifiable)."""
    number = _number_at(cell)
    assert col.period is not None
    start, end = col.period
    series = layout.series[n]
    subject = _subject(series)
    if col.kind == "change":
        period = Period(start, end, calendar=layout.calendar, fiscal=layout.fiscal,
                        months=layout.row_months.get(n, layout.months))
        return Claim(V.CHANGE, Quantity(number, V.PERCENT, subject, period, cell.span),
                     table=sid, label=col.text)
    quantity = Quantity(number, V.PERCENT, subject,
                        Period(end=end, calendar=layout.calendar, fiscal=layout.fiscal,
                               months=layout.months),
                        cell.span)
    # of the table's totals row: where the label says so, or names no whole and the table
    # prints one («سهم ۲۰۲۳ (درصد)» over a «جمع» row)
    if col.base == "rows" or (not col.base and layout.total_value(end) is not None):
        whole, part = layout.total_value(end), values.get(end)
        if whole is not None and part is not None:
            return Claim(V.PROSE_SHARE, quantity, table=sid, label=col.text,
                         operands=(part, whole), formula="share")
        return Claim(V.PROSE_SHARE, quantity, table=sid, label=col.text, reason="no_whole")
    base = col.base or (series.flow if series.flow in V.FLOWS else "")
    return Claim(V.SHARE, quantity, table=sid, base=base, label=col.text)


def _months_down(rows: Sequence[tuple[Cell, ...]], before: Sequence[str],
                 after: Sequence[str] = (), headline: str | None = None,
                 ) -> dict[int, _Year]:
    """The rows whose first cell names one month (``ژانویه``, ``فروردین ۱۴۰۲``), each
    with its period: its year printed, or the one year the title names in the same
    calendar. Where the words just before name no year, a note after the table on its
    figures («ارقام جدول مربوط به سال ۲۰۲۴ است») or the document's headline may name it,
    if it names the months too, all of them. Empty where fewer than two rows name
    months, or a month has no year."""
    named = _context_year(before)
    if named is not None:
        return _months_within(rows, named)
    found = _months_of(rows, None)  # (every month with its year printed)
    if found or any(_counted_year(text) for text in before[:3]):
        return found  # («… در سال جاری»: the year the text is written in, unsaid)
    # a note on the table's figures that names their year and nothing else («ارقام جدول
    # مربوط به سال ۲۰۲۴ است»; not «… بیشتر از ارقام مشابه سال ۲۰۲۳»), else a headline
    # naming the part of the year the months are of («… در سه ماه نخست ۲۰۲۴»)
    notes = [text for text in after[:1] if _TABLE_NOTE_RE.match(fold(text).lstrip())
             and not _compares(text)]
    sources = [(note, True) for note in notes] + ([(headline, False)] if headline else [])
    for text, whole in sources:
        year = _context_year([text])
        if year is None or (year.months is None and not whole):
            continue
        found = _months_within(rows, year)
        if found:
            return found
    return {}


def _counted_year(text: str) -> bool:
    """Whether a text names a year counted from the present («سال جاری», «امسال»)."""
    return any(p.relative is not None for p in _periods_in(text)[1])


def _compares(text: str) -> bool:
    """Whether a text compares («بیشتر از», «نسبت به», «مشابه»): it names a year as a base."""
    return any({"comparator", "base_marker", "direction", "same_period"} & _word_features(word)
               for word in fold(text).split()) or "مشابه" in fold(text)


def _months_within(rows: Sequence[tuple[Cell, ...]], title: _Year) -> dict[int, _Year]:
    """`_months_of` with the year of a title that names it, where the title's months (if
    it names any) hold every month of the table («سه ماه نخست ۲۰۲۴» over April–June gives
    them no year)."""
    found = _months_of(rows, title)
    months = [m for y in found.values() if y.months for m in y.months]
    if found and title.months is not None and not (
            title.months[0] <= min(months) and max(months) <= title.months[1]):
        return {}
    return found


# A note on a table's figures: «ارقام جدول …», «ارقام به میلیون دلار», «* …».
_TABLE_NOTE_RE = re.compile(r"(?:\*|ارقام|اعداد|جدول|منبع)")


def _months_of(rows: Sequence[tuple[Cell, ...]], title: _Year | None) -> dict[int, _Year]:
    """`_months_down` with the year a title names (None: only years printed)."""
    if title is not None and title.fiscal:
        title = None  # (a fiscal year's months are not the calendar's)
    found: dict[int, _Year] = {}
    for i, row in enumerate(rows):
        text = row[0].text.strip() if row else ""
        if not text or len(text) > _MAX_PERIOD_CELL or _LONG_DIGITS_RE.search(text):
            continue
        items, periods = _periods_in(text)
        alone = _month_alone(items)
        if alone is not None:
            calendar, month = alone  # «تیر»: a name that is also a word, alone in its cell
            year = title.year if title is not None and _calendar([title.year]) == calendar \
                else None
            if year is None:
                return {}
            found[i] = _Year(year, False, text, (month, month), inferred=True)
            continue
        if len(periods) != 1 or any(item.kind not in ("punct", "mention") for item in items):
            continue
        period = periods[0]
        if period.months is None or period.months[0] != period.months[1] or period.rolling:
            continue
        year = period.year
        if year is None and title is not None and \
                _calendar([title.year]) == (period.calendar or _calendar([title.year])):
            year = title.year
        if year is None or not _plausible(year):
            return {}
        found[i] = _Year(year, False, text, period.months, inferred=True)
    if not _one_after_another({i: y.months[0] for i, y in found.items() if y.months}):
        return {}
    return found


def _one_after_another(months: dict[int, int]) -> bool:
    """Whether rows (by index) hold at least two months, one after another, on rows one
    after another."""
    return len(months) >= _PAIR_OF_MONTHS and all(
        b == a + 1 for a, b in itertools.pairwise(months.values())) and \
        list(months) == list(range(min(months), max(months) + 1))


_PAIR_OF_MONTHS = 2


def _month_alone(items: Sequence[object]) -> tuple[str, int] | None:
    """(calendar, month) of a cell that is a month's name and nothing else («تیر», «مه»):
    in a column of months, the name is the month even where it is also a common word."""
    if len(items) != 1:
        return None
    month = getattr(items[0], "features", {}).get("month")
    if not isinstance(month, tuple) or getattr(items[0], "kind", "") == "mention":
        return None
    return str(month[0]), int(month[1])


def _context_year(texts: Sequence[str]) -> _Year | None:
    """The one period the nearest of the texts before a grid that names years names (its
    caption, title or the sentence before: «در سه ماه نخست سال ۲۰۲۴», with its months);
    None where that text names two years or a span of them, or none of the three nearest
    names one."""
    for text in texts[:3]:
        periods = {p for p in _periods_in(text)[1] if p.year is not None}
        if len({p.year for p in periods}) > 1 or any(p.last_year is not None or p.rolling
                                                    for p in periods):
            return None  # (two years, or a span of years: «طی سال‌های ۲۰۲۰ تا ۲۰۲۳»)
        if periods:
            months = {p.months for p in periods}
            period = periods.pop()
            assert period.year is not None
            if not _plausible(period.year) or len(months) > 1:
                return None
            return _Year(period.year, period.fiscal, str(period.year), period.months,
                         inferred=True)
    return None


def _read_down(grid: Grid, year_rows: Sequence[int], context: _Context,
               table_id: str, months: dict[int, _Year] | None = None) -> GridRead:
    rows: Sequence[tuple[Cell, ...]] = grid.rows
    if year_rows[0] == 0:
        rows, year_rows, months = _headed(grid, year_rows, context, months)
    header_index = year_rows[0] - 1
    header = rows[header_index]
    periods = [months[i] if months else _year_of(rows[i][0].text) for i in year_rows]
    keys = [p.key for p in periods if p is not None]
    years = [p.year for p in periods if p is not None]
    if keys != sorted(set(keys)):
        raise _error(rows[year_rows[0]][0].span,
                     f"years {years} down the first column are not in increasing order")
    rows = [*rows[:header_index + 1], *(_aligned(row, header) for row in rows[header_index + 1:])]
    for row in rows[header_index + 1:]:
        if any(c.text.strip() for c in row) and len(row) != len(header):
            raise _error(row[0].span, f"row has {len(row)} cells but the header at line "
                                      f"{header[0].span.line} has {len(header)}")
    # Turned a quarter: each column is a series, each year row a column of years.
    series = [_value_series(_column_label(rows, header_index, col), context)
              for col in range(1, len(header))]
    columns = [_Column("label", "")] + [
        _Column("year", rows[i][0].text, year=period) for i, period in zip(year_rows, periods,
                                                                           strict=True)]
    # (a row of changes is of years; under months down the rows, a totals row is their sum)
    totals = [i for i in range(header_index + 1, len(rows)) if months and i not in year_rows
              and (_SPACE_RE.sub(" ", fold(rows[i][0].text).strip()) in _TOTAL_ROWS
                   or _spans_months(rows[i][0].text, [p for p in periods if p is not None]))]
    changes = [(i, _classify(rows[i][0].text, years, False, None) if not months
                else _Column("unknown", rows[i][0].text))
               for i in range(header_index + 1, len(rows))
               if i not in year_rows and i not in totals and any(c.text.strip() for c in rows[i])]
    columns += [col for _, col in changes]
    flipped = [(header[k], *(rows[i][k] for i in year_rows), *(rows[i][k] for i, _ in changes))
               for k in range(1, len(header))]
    layout = _Layout(columns, flipped, series, _calendar(years), context.valuation)
    for s, cell in zip(series, header[1:], strict=True):
        if not s.flow and not s.unit:
            layout.out.notices.append(_error(cell.span, f"unknown column {quoted(s.label, 40)} "
                                                        "kept as an unknown column; its values "
                                                        "are not read"))
    for (i, col) in changes:
        if col.kind not in ("change", "share"):
            layout.out.notices.append(_error(rows[i][0].span,
                                             f"unknown row {quoted(rows[i][0].text, 40)} kept as "
                                             "an unknown row; its values are not read"))
    for n, row in enumerate(flipped):
        if series[n].flow or series[n].unit:
            _read_row(layout, n, table_id if len(flipped) == 1 else f"{table_id}#{n + 1}", row)
    _derived_rows(layout, table_id)
    if months:
        for i in totals:
            _total_of_months(layout, rows[i], [p for p in periods if p is not None], table_id)
    return layout.out


def _aligned(row: tuple[Cell, ...], header: tuple[Cell, ...]) -> tuple[Cell, ...]:
    """A row of text aligned by spaces with fewer cells than its header («جمع ۱٬۸۶۰»
    under three columns), each cell put under the header cell it starts at, the others
    empty; as it is where any cell starts under none, or a column is not recorded."""
    if not 0 < len(row) < len(header) or not all(c.span.column for c in (*row, *header)):
        return row
    starts = [c.span.column for c in header]
    placed: dict[int, Cell] = {}
    for cell in row:
        k = next((k for k, start in enumerate(starts) if abs(cell.span.column - start)
                  <= _ALIGN_SLACK), None)
        if k is None or k in placed or (placed and k < max(placed)):
            return row
        placed[k] = cell
    if 0 not in placed:
        return row
    return tuple(placed.get(k, Cell("", dataclasses.replace(row[0].span, column=start)))
                 for k, start in enumerate(starts))


_ALIGN_SLACK = 1  # how far a cell may start from its header cell's column


def _headed(grid: Grid, year_rows: Sequence[int], context: _Context,
            months: dict[int, _Year] | None,
            ) -> tuple[list[tuple[Cell, ...]], list[int], dict[int, _Year] | None]:
    """Years down the rows with no header row: one column of values under a title of one
    flow («صادرات ایران به هند») is of that flow (an empty header is put above it); more
    columns cannot be named, and the grid is reported."""
    scale = V.unit_scale(context.unit) if context.unit else None
    if len(context.flows) != 1 or any(len(grid.rows[i]) != 2 for i in year_rows) or \
            scale is None:  # a year and a value, in a unit of amounts the title names
        unread = _error(grid.span, "a table with years down its first column and no header "
                        "row naming its columns is read only with one column of values under "
                        "a title naming one flow and its unit of amounts")
        raise UnreadTableError(unread.message, source=unread.source, line=unread.line)
    rows = [(Cell("", grid.span), Cell("", grid.span)), *grid.rows]
    shifted = {i + 1: year for i, year in months.items()} if months else None
    return rows, [i + 1 for i in year_rows], shifted


def _value_series(label: str, context: _Context) -> _Series:
    """The series of a column of values under years down the rows; a column of changes
    or shares («تغییر ۲۲/۲۱ (درصد)») or of percents holds none (kept as unknown)."""
    folded = fold(label)
    if _is_change_label(label) or _is_share_label(label) or any(
            word.strip("()") in _PERCENT_ALONE for word in folded.split()):
        return _Series(label.strip(), "", ("", ""), ("", ""), "", "", False)
    return _series_of(label, context, context.unit)


def _spans_months(label: str, periods: Sequence[_Year]) -> bool:
    """Whether a row's label names the months of the rows above it, from the first to the
    last, of their year («ژانویه تا مارس» under ژانویه، فوریه، مارس): their total."""
    if not periods or len(label) > _MAX_PERIOD_CELL:
        return False
    items, found = _periods_in(label)
    first, last = periods[0], periods[-1]
    if len(found) != 1 or any(item.kind not in ("punct", "mention") for item in items) or \
            first.months is None or last.months is None or first.year != last.year:
        return False
    period = found[0]
    return period.months == (first.months[0], last.months[1]) and not period.rolling and \
        period.last_year is None and period.year in (None, first.year)


def _total_of_months(layout: _Layout, row: tuple[Cell, ...], periods: Sequence[_Year],
                     table_id: str) -> None:
    """A totals row under months down the rows: each series' total, the sum of its months
    (where every month's value is printed)."""
    first, last = periods[0], periods[-1]
    assert first.months is not None
    assert last.months is not None
    if first.year != last.year:
        return  # (months of two years: no one year's months)
    for n, series in enumerate(layout.series):
        if not (series.flow or series.unit) or n + 1 >= len(row) or _is_missing(row[n + 1].text):
            continue
        operands = [layout.values.get((n, period.key)) for period in periods]
        if any(q is None for q in operands):
            continue
        cell = row[n + 1]
        period = Period(end=first.year, calendar=layout.calendar,
                        months=(first.months[0], last.months[1]))
        quantity = Quantity(_number_at(cell), series.unit, _subject(series), period, cell.span)
        # (a value the table prints, which prose may refer to: «سهم مارس از صادرات سه ماه»)
        layout.out.cells.append(TableCell(f"{table_id}#{n + 1}", quantity, layout.valuation,
                                          series.label, inferred=True))
        layout.out.claims.append(Claim(
            V.SUM, quantity, table=f"{table_id}#{n + 1}", label=row[0].text.strip(),
            operands=tuple(q for q in operands if q is not None), formula="sum",
            frame="table.total_of_months"))
