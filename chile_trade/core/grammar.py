"""The grammar: the statistical tables and the stated figures of a Persian document.

A document arrives as blocks (`chile_trade.core.blocks`): a text file is cut
into prose and table grids by `chile_trade.core.tables.text_blocks`; other
formats come cut by their readers (`chile_trade.io.formats`). Each grid is read
by `chile_trade.core.tables.read_grid` with the words around it (a ``جدول``
title, a caption, the sentence before, a footnote), in any of the layouts
people use: the seed's one value line under a header of years, labelled rows,
years down the first column, pipes, TABs, aligned columns.

Prose lines are read twice: two typed forms here (a partner's share of the
reporter's total trade in a year, growth over N years), then every other
stated figure by `chile_trade.core.prose`, which also ties figures to the
tables' values.

The reporter is whoever the document names: in a table's title, a share's
label (``کل صادرات شیلی``) or a total-trade claim (``کل مبادلات شیلی``).
Where these agree on one reporter, a table or claim that names none is
taken to be about it; otherwise the reporter stays unknown.

`read` takes a string and `read_blocks` blocks, and both return records
(`chile_trade.core.records`); neither touches the disk nor builds a DataFrame.
"""

from __future__ import annotations

import bisect
import dataclasses
import os
import re
from collections.abc import Sequence
from dataclasses import dataclass

from chile_trade.core import vocabulary as V
from chile_trade.core.blocks import Block, Grid, Line, Paragraph
from chile_trade.core.numbers import (
    NUMBER_PATTERN,
    ParsedNumber,
    check_label_text,
    check_number_integrity,
    fold,
    fold_with_map,
    parse_integer,
    parse_number,
)
from chile_trade.core.prose import prose_claims
from chile_trade.core.reader.claims import read_claims
from chile_trade.core.records import Claim, Period, Quantity, Span, Subject, TableCell
from chile_trade.core.tables import (
    GridRead,
    UnreadTableError,
    context_of,
    is_header,
    read_grid,
    text_blocks,
)
from chile_trade.errors import InputError

__all__ = ["Document", "read", "read_blocks", "resolve_place"]

# Place names, longest first, so that the longest name wins.
_PLACES_LONGEST_FIRST = sorted(V.PLACES, key=len, reverse=True)

_SPACES_RE = re.compile(r"\s++")

# Every quantifier in these patterns is possessive or bounded, and a number can
# only start where no number part stands before it (`NUMBER_PATTERN`): a search
# over any line is linear in its length.
_TRADE_WORDS = "|".join(w for w, code in V.BASE_WORDS.items() if code == V.TRADE)
_WORD = r"[^\s.،؛:()]++"
_WORDS = rf"{_WORD}(?:\s++{_WORD}){{0,2}}+"  # up to three words: a place's name
_CONJUNCTIONS = ("و", "،", ",")
_PHRASE_END_RE = re.compile(r"[.؛;:()!?؟\n]")
_PARTNER_LOOKAHEAD = 80  # characters read past a partner's name for a second partner
_PERCENT = rf"(?:[%٪]\s*+{NUMBER_PATTERN}|{NUMBER_PATTERN}\s*+(?:[%٪]|در\s*+صدی?+(?!\w)))"
_COMPARATOR = "|".join(sorted(map(re.escape, V.COMPARATOR_WORDS), key=len, reverse=True))
# The first bound of a range before a percentage: "بین ۱۸ و" or "۱۸ تا", "۱۸ الی", "۱۸-"
# (a hyphen between two numbers is a range, not a minus sign).
_RANGE_START = (
    rf"(?:بین\s*+(?P<lo>{NUMBER_PATTERN})\s*+(?:[%٪]|درصد)?+\s*+و\s*+"
    rf"|(?P<lo2>{NUMBER_PATTERN})\s*+(?:[%٪]|درصد)?+\s*+(?:{'|'.join(V.RANGE_WORDS)}|[-–])\s*+)"
)
_TRADE_SHARE_RE = re.compile(
    rf"(?:(?P<cmp>{_COMPARATOR})\s*+)?+(?:{_RANGE_START})?+(?P<pct>{_PERCENT})\s*+(?:از\s*+)?+"
    r"(?:حجم\s*+)?+کل\s*+"
    rf"(?:{_TRADE_WORDS})(?:\s*+(?:خارجی|تجاری|بازرگانی))?+"
    rf"(?:\s++(?P<reporter>(?!در\s)(?!با\s){_WORD}))?+\s*+"
    rf"در\s*+سال\s*+(?P<year>\d{{4}}+)\s*+با\s*+(?P<partner>{_WORDS})"
)
_GROWTH_RE = re.compile(
    rf"رشد(?:ی)?+\s*+(?:(?P<cmp>{_COMPARATOR})\s*+)?+(?P<pct>{_PERCENT})\s*+نسبت\s*+به\s*+"
    r"(?P<years>\d++)\s*+سال\s*+(?:قبل|پیش|گذشته)"
)
_WITH_PARTNER_RE = re.compile(rf"با\s++({_WORDS})")
_CLAUSE_BREAK_RE = re.compile("[.،]")
_DIGIT_RE = re.compile(r"\d")
_MAX_SPAN_DIGITS = 4
"""A number of years ("growth over N years") has at most this many digits."""


@dataclass(frozen=True, slots=True)
class Document:
    """What one document states: its table cells and its claims, in document order."""

    cells: list[TableCell]
    claims: list[Claim]
    notices: list[InputError] = dataclasses.field(default_factory=list)
    """Things read but not used, located: an unknown column kept as unknown."""
    skipped: list[InputError] = dataclasses.field(default_factory=list)
    """Tables that could not be read, located, where the reader was asked to go on
    (``keep_going``): the rest of the document is read without them."""


def _place_at(folded: str) -> tuple[int, str, str] | None:
    """The known place ``folded`` starts with (longest name): (its length, name, English)."""
    for name in _PLACES_LONGEST_FIRST:
        if folded == name or folded.startswith(name + " "):
            return len(name), V.PLACE_ALIASES.get(name, name), V.PLACES[name]
    return None


def _partner_phrase(text: str) -> tuple[str, str]:
    """The partner a phrase after ``با`` names: a known place; a place joined by ``و`` to
    more (``آمریکا و کانادا``), kept whole, so that a claim about several partners is
    never checked against the first alone; or the first word as written."""
    phrase = _PHRASE_END_RE.split(fold(text), maxsplit=1)[0]  # a sentence's end ends the list
    folded = _SPACES_RE.sub(" ", phrase.replace("،", " ، ").replace(",", " , ").strip())
    first = _place_at(folded)
    if first is None:
        return _named(folded.split()[0])
    length, name, english = first
    rest = folded[length:].split()
    if rest and rest[0] in _CONJUNCTIONS:
        second = _place_at(" ".join(rest[1:]))
        if second is not None:
            return f"{name} و {second[1]}", f"{english} and {second[2]}"
        if rest[0] == "و" and len(rest) == 1:  # a sentence cut off after "و"
            return f"{name} و …", f"{english} and …"
    # Otherwise "و" or "،" joins another clause ("با آمریکا، که ...").
    return name, english


def resolve_place(text: str) -> tuple[str, str] | None:
    """Match the start of ``text`` to a known country or group; the longest name wins.

    Returns
    -------
    (persian, english) or None

    Examples
    --------
    >>> resolve_place("ايالات متحده بوده است")
    ('آمریکا', 'United States')
    >>> resolve_place("جایی دیگر") is None
    True
    """
    found = _place_at(fold(text).strip())
    return None if found is None else (found[1], found[2])


def _named(text: str) -> tuple[str, str]:
    """A whole name: a known place with its English name, or the name as written,
    kept in Persian in both languages."""
    folded = _SPACES_RE.sub(" ", fold(text).strip())
    if folded in V.PLACES:
        return V.PLACE_ALIASES.get(folded, folded), V.PLACES[folded]
    return folded, folded


class _Reporters:
    """The reporters a document names, to give a table or claim that names none the
    document's one reporter (when all that are named agree)."""

    def __init__(self) -> None:
        self.named: dict[str, str] = {}

    def note(self, reporter: tuple[str, str]) -> tuple[str, str]:
        if reporter[0]:
            self.named[reporter[0]] = reporter[1]
        return reporter

    def only(self) -> tuple[str, str] | None:
        return next(iter(self.named.items())) if len(self.named) == 1 else None


def _raw_span(raw_line: str, index_map: Sequence[int], start: int, end: int) -> str:
    return raw_line[index_map[start]:index_map[end - 1] + 1]


class _Partners:
    """The known places named after ``با`` on a line, found once, for look-ups
    of the last one named in the clause before a position."""

    def __init__(self, folded: str):
        self.starts: list[int] = []
        self.partners: list[tuple[str, str]] = []
        for m in _WITH_PARTNER_RE.finditer(folded):
            partner = resolve_place(m.group(1))
            if partner is not None:
                self.starts.append(m.start())
                self.partners.append(partner)
        self.breaks = [m.start() for m in _CLAUSE_BREAK_RE.finditer(folded)]

    def before(self, position: int) -> tuple[str, str]:
        """The last place named in the clause before ``position`` (after its last
        ``.`` or ``،``), or ``("", "")``."""
        clause = bisect.bisect_left(self.breaks, position)
        clause_start = self.breaks[clause - 1] if clause else -1
        last = bisect.bisect_left(self.starts, position) - 1
        if last >= 0 and self.starts[last] > clause_start:
            return self.partners[last]
        return ("", "")


def _comparator(word: str | None) -> str:
    return V.COMPARATOR_WORDS.get(word or "", V.EQUAL)


class _Line:
    """One prose line being read: its folded text, the raw text behind each folded
    position (mapped when a claim is first found), and the spans its claims took."""

    def __init__(self, raw_line: str, source: str, lineno: int):
        self.raw, self.source, self.lineno = raw_line, source, lineno
        self.folded = fold(raw_line)
        self._map: Sequence[int] | None = None
        self.taken: list[tuple[int, int]] = []  # spans of numbers already read

    def index_map(self) -> Sequence[int]:
        if self._map is None:
            self._map = fold_with_map(self.raw)[1]
        return self._map

    def raw_text(self, start: int, end: int) -> str:
        return _raw_span(self.raw, self.index_map(), start, end)

    def parsed(self, start: int, end: int) -> ParsedNumber:
        try:
            return parse_number(self.raw_text(start, end))
        except InputError as exc:
            raise exc.located(self.source, self.lineno) from None

    def number_of(self, m: re.Match[str]) -> ParsedNumber:
        self.taken.append(m.span("pct"))
        return self.parsed(*m.span("pct"))

    def range_low(self, m: re.Match[str]) -> ParsedNumber | None:
        """A range's low bound, taken so that it is not read as a figure of its own."""
        group = "lo" if m["lo"] else "lo2" if m["lo2"] else None
        if group is None:
            return None
        self.taken.append(m.span(group))
        return self.parsed(*m.span(group))

    def whole(self, text: str, what: str, max_digits: int) -> int:
        try:
            return parse_integer(text, what, max_digits=max_digits)
        except InputError as exc:
            raise exc.located(self.source, self.lineno) from None

    def at(self, start: int) -> Span:
        return Span(self.source, self.lineno, self.index_map()[start] + 1)


def _trade_shares(line: _Line, reporters: _Reporters) -> list[Claim]:
    claims = []
    folded = line.folded
    for m in _TRADE_SHARE_RE.finditer(folded):
        # A list of partners may go on past the captured words: "با آمریکا، کانادا و ...".
        end = m.end("partner")
        partner = _partner_phrase(folded[m.start("partner"):end + _PARTNER_LOOKAHEAD])
        reporter = reporters.note(_named(m["reporter"]) if m["reporter"] else ("", ""))
        number = line.number_of(m)
        low = line.range_low(m)
        subject = Subject(reporter[0], reporter[1], partner[0], partner[1])
        period = Period(end=line.whole(m["year"], "a year", 4))
        claims.append(Claim(
            V.TRADE_SHARE, Quantity(number, V.PERCENT, subject, period, line.at(m.start("pct"))),
            V.RANGE if low else _comparator(m["cmp"]), base=V.TRADE,
            label=folded[m.start():m.end("pct")].strip(), low=low))
    return claims


def _growths(line: _Line) -> list[Claim]:
    claims = []
    partners = _Partners(line.folded)
    for m in _GROWTH_RE.finditer(line.folded):
        number = line.number_of(m)
        partner = partners.before(m.start())
        period = Period(years=line.whole(m["years"], "a number of years", _MAX_SPAN_DIGITS))
        claims.append(Claim(
            V.GROWTH, Quantity(number, V.PERCENT, Subject(partner=partner[0],
                                                          partner_en=partner[1]),
                               period, line.at(m.start("pct"))),
            _comparator(m["cmp"]), label=f"{m['cmp'] or ''} {number.raw}".strip()))
    return claims


def _typed(raw_line: str, source: str, lineno: int, reporters: _Reporters,
           ) -> tuple[list[Claim], list[tuple[int, int]]]:
    """The typed forms of a prose line (a partner's share of total trade, growth over
    N years), and the folded spans of the numbers they took."""
    if _DIGIT_RE.search(raw_line) is None:
        return [], []
    line = _Line(raw_line, source, lineno)
    # Each typed form has a word without which it cannot match: most lines skip its scan.
    claims = _trade_shares(line, reporters) if "کل" in line.folded else []
    if "رشد" in line.folded:
        claims += _growths(line)
    return claims, line.taken





def _about(quantity: Quantity, subject: Subject) -> Quantity:
    """The same quantity, of another subject."""
    return Quantity(quantity.number, quantity.unit, subject, quantity.period, quantity.span)


def read(text: str, source: str = "<text>", *, keep_going: bool = False) -> Document:
    """The table cells and claims of one text document, as records.

    Parameters
    ----------
    text : str
        The whole document, any line ends.
    source : str
        The file name recorded as provenance.
    keep_going : bool
        Skip a table that cannot be read (listed in ``Document.skipped``) and read the
        rest, rather than refuse the document.

    Raises
    ------
    InputError
        With file and line, for a malformed table (unless ``keep_going``) or an
        unparsable number.

    Examples
    --------
    >>> doc = read("جدول صادرات ایران به ترکیه (میلیون دلار)\\n۲۰۰۴ ۲۰۰۵ درصد تغییرات\\n"
    ...            "۱۰۰ ۱۱۰ ٪۱۰", "doc.txt")
    >>> [(c.subject.reporter_en, c.subject.partner_en, c.year, c.number.text) for c in doc.cells]
    [('Iran', 'Turkey', 2004, '100'), ('Iran', 'Turkey', 2005, '110')]
    >>> [(c.kind, c.span.source, c.year_from, c.year_to, c.stated.text) for c in doc.claims]
    [('change', 'doc.txt:3', 2004, 2005, '10')]
    """
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    for lineno, line in enumerate(lines, start=1):
        try:
            check_number_integrity(line)
        except InputError as exc:
            raise exc.located(source, lineno) from None
    return read_blocks(text_blocks(text, source), source, checked=True, keep_going=keep_going,
                       text_lines=lines)


def _located(span: Span, exc: InputError) -> InputError:
    if span.locator:
        return InputError(exc.message, source=span.source)
    return exc.located(span.file, span.line)


def _check_texts(blocks: Sequence[Block]) -> None:
    """Every text of blocks a format reader made, checked as a text line is."""
    for block in blocks:
        texts = ([(line.text, line.span) for line in block.lines] if isinstance(block, Paragraph)
                 else [(cell.text, cell.span) for row in block.rows for cell in row]
                 + ([(block.caption.text, block.caption.span)] if block.caption else []))
        for text, span in texts:
            try:
                check_number_integrity(text)
            except InputError as exc:
                raise _located(span, exc) from None


def _is_title(text: str) -> bool:
    return fold(text).lstrip().startswith("جدول")


def read_blocks(blocks: Sequence[Block], source: str, *, checked: bool = False,
                keep_going: bool = False, text_lines: Sequence[str] | None = None,
                ) -> Document:
    """The table cells and claims of one document's blocks (`chile_trade.core.blocks`).

    A grid is read with the words around it: its caption, the title or sentence just
    before it, and a footnote just after it. A line starting with ``جدول`` right
    before a grid is its title, not prose. With ``keep_going``, a grid that cannot be
    read is left out and listed, located, in ``Document.skipped``.

    Raises
    ------
    InputError
        Located, for a table that cannot be read (unless ``keep_going``) or an
        unparsable number.
    """
    if not checked:
        _check_texts(blocks)
    blocks = [_as_prose(block) if isinstance(block, Grid) and len(block.rows) == 1
              and not is_header(block.rows[0]) else block for block in blocks]
    reporters = _Reporters()
    blocks, unread = _as_prose_where_no_table(blocks, text_lines)
    cells, claims, notices, titles, skipped = _read_grids(blocks, reporters, keep_going)
    notices = unread + notices
    prose_lines: list[tuple[int, str]] = []
    locators: dict[int, str] = {}
    taken_by_line: dict[int, list[tuple[int, int]]] = {}
    for block in blocks:
        if not isinstance(block, Paragraph):
            continue
        for line in block.lines:
            if id(line) in titles:
                continue
            locators[line.span.line] = line.span.locator
            typed, taken = _typed(line.text, source, line.span.line, reporters)
            claims += typed
            if taken:
                taken_by_line[line.span.line] = taken
            prose_lines.append((line.span.line, line.text))
    table_claims = [c for c in claims if c.table and not c.formula and not c.reason]
    if os.environ.get("CHILE_TRADE_READER") == "core":
        claims = [c for c in claims if c.table and c not in table_claims] + read_claims(
            source, prose_lines, cells, table_claims)
    else:
        # (the older reader knows whole years of plain headers only: a table's months, or
        # periods only the new reader's rules read, are none of its values)
        whole_years = [c for c in cells if c.quantity.period.months is None
                       and not c.inferred]
        prose, tied = prose_claims(source, prose_lines, taken_by_line, whole_years,
                                   table_claims)
        claims = [c for c in claims if not c.table or c.formula or c.reason] + tied + prose
    claims = [_relocated(c, locators) for c in claims]
    claims.sort(key=lambda claim: claim.span.line)  # in the document's order
    only = reporters.only()
    if only is not None:
        cells, claims = _rehomed(cells, claims, only)
    return Document(cells, claims, notices, skipped)


def _as_prose_where_no_table(blocks: Sequence[Block], text_lines: Sequence[str] | None,
                             ) -> tuple[list[Block], list[InputError]]:
    """A text's lines that look a little like a table but cannot be read as one are prose
    (a sentence with a few numbers side by side), each said so in a located notice."""
    if text_lines is None:
        return list(blocks), []
    out: list[Block] = []
    unread: list[InputError] = []
    for index, block in enumerate(blocks):
        if not isinstance(block, Grid) or block.span.locator or not _prose_like(block):
            out.append(block)
            continue
        try:
            found, _ = _read_grid(blocks, index, block, set())
            if not found.cells and not found.claims:  # (words in columns, no value read)
                raise InputError("no value of it could be read")
        except InputError as exc:
            numbers = sorted({cell.span.line for row in block.rows for cell in row})
            first, last = numbers[0], numbers[-1]
            out.append(Paragraph(tuple(Line(text_lines[n - 1], Span(block.span.file, n))
                                       for n in range(first, last + 1)
                                       if 0 < n <= len(text_lines))))
            unread.append(InputError(f"not read as a table ({exc.message}); read as prose",
                                     source=block.span.file, line=first))
            continue
        out.append(block)
    return out, unread


def _prose_like(grid: Grid) -> bool:
    """Whether a grid cut from text is mostly words: fewer than half its cells numbers or
    marks of a missing value (a table is mostly numbers; sentences with a few numbers side
    by side are not)."""
    cells = [cell.text for row in grid.rows for cell in row if cell.text.strip()]
    numeric = sum(1 for text in cells if _NUMBERISH_RE.fullmatch(fold(text).strip()))
    return 2 * numeric < len(cells)


_NUMBERISH_RE = re.compile(r"[-−+(%٪]*+\d[\d٬,/٫.\s]*+[)%٪]*+|[-–—…*]|\.{2,3}")


def _as_prose(grid: Grid) -> Paragraph:
    """A grid of one row (a sentence beside a figure, in a sheet): its cells as one line."""
    row = grid.rows[0]
    text = " ".join(cell.text for cell in row if cell.text.strip())
    return Paragraph((Line(text, row[0].span if row else grid.span),))


def _read_grids(blocks: Sequence[Block], reporters: _Reporters, keep_going: bool = False,
                ) -> tuple[list[TableCell], list[Claim], list[InputError], set[int],
                           list[InputError]]:
    """Every grid's records, the ids of the prose lines that are table titles, and (with
    ``keep_going``) the grids that could not be read."""
    cells: list[TableCell] = []
    claims: list[Claim] = []
    notices: list[InputError] = []
    titles: set[int] = set()
    skipped: list[InputError] = []
    for index, block in enumerate(blocks):
        if not isinstance(block, Grid):
            continue
        try:
            found, named = _read_grid(blocks, index, block, titles)
        except UnreadTableError as exc:
            notices.append(exc)  # a table of no years: said, with its place; the rest is read
            continue
        except InputError as exc:
            if not keep_going:
                raise
            skipped.append(exc)
            continue
        for reporter in ([named] if named else []) + found.owners:
            reporters.note(reporter)
        cells += found.cells
        claims += found.claims
        notices += found.notices
    return cells, claims, notices, titles, skipped


def _read_grid(blocks: Sequence[Block], index: int, block: Grid, titles: set[int],
               ) -> tuple[GridRead, tuple[str, str] | None]:
    """One grid's records and the reporter its title names, with the words around it;
    its title line's id is added to ``titles``."""
    before = [block.caption] if block.caption is not None else []
    previous = blocks[index - 1] if index else None
    if isinstance(previous, Paragraph) and previous.lines:
        before += list(reversed(previous.lines[-2:]))
    following = blocks[index + 1] if index + 1 < len(blocks) else None
    after = list(following.lines[:2]) if isinstance(following, Paragraph) else []
    title = next((line for line in before if _is_title(line.text)), None)
    if title is not None and title is not block.caption:
        titles.add(id(title))
    if title is not None:
        try:  # the title's words travel into every output, beside the numbers
            check_label_text(title.text)
        except InputError as exc:
            raise _located(title.span, exc) from None
        contradiction = context_of([title.text]).contradiction
        if contradiction:
            raise _located(title.span, InputError(
                f"table title says {contradiction}: exports go to ('به') a partner, "
                "imports come from ('از') one"))
    table_id = (title or block.caption or Line("", block.span)).span.source
    first = next((b for b in blocks[:index] if isinstance(b, Paragraph) and b.lines), None)
    headline = first.lines[0].text if first is not None and \
        all(line is not first.lines[0] for line in before) else None
    try:
        found = read_grid(block, [line.text for line in before],
                          [line.text for line in after], table_id, headline=headline)
    except InputError as exc:
        raise (_located(block.span, exc) if exc.source is None else exc) from None
    named = next((r for r in (context_of([line.text]).reporter for line in before)
                  if r[0]), None)
    return found, named


def _relocated(claim: Claim, locators: dict[int, str]) -> Claim:
    """A prose claim's span with its block's locator (``table1:row2``, ``page1:line3``)."""
    span = claim.span
    locator = locators.get(span.line, "")
    if not locator or span.locator:
        return claim
    quantity = claim.quantity
    moved = Quantity(quantity.number, quantity.unit, quantity.subject, quantity.period,
                     dataclasses.replace(span, locator=locator))
    return dataclasses.replace(claim, quantity=moved)


def _rehomed(cells: list[TableCell], claims: list[Claim], only: tuple[str, str],
             ) -> tuple[list[TableCell], list[Claim]]:
    """Records that name no reporter, given the document's one reporter."""
    rehomed: dict[int, Subject] = {}  # the records of one table share one subject

    def subject_of(subject: Subject) -> Subject:
        if subject.reporter:
            return subject
        if id(subject) not in rehomed:
            rehomed[id(subject)] = Subject(only[0], only[1], subject.partner,
                                           subject.partner_en, subject.flow, subject.product)
        return rehomed[id(subject)]

    cells = [dataclasses.replace(c, quantity=_about(c.quantity, subject_of(c.subject)))
             for c in cells]
    claims = [c if c.subject.reporter or not (c.table or (
                  c.kind in (V.CHANGE, V.SHARE, V.TRADE_SHARE) and not c.formula
                  and not c.reason))
              else dataclasses.replace(c, quantity=_about(c.quantity, subject_of(c.subject)))
              for c in claims]
    return cells, claims
