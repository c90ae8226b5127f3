"""Claims in running text, and the printed numbers they are computed from.

The second pass of the grammar. `chile_trade.core.quantities` has turned each
prose line into quantities; here every stated figure becomes a claim record —
a percentage, percentage points, a multiple, or an amount introduced as
derived (a balance, a sum) — with its kind, signed value, comparator and, where
the text ties it to printed numbers, its operands and formula:

``change``
    ``از X … به Y رسید که رشد Z درصدی``, ``Y … در مقایسه با/نسبت به X … Z درصد
    افزایش``, or the base in another sentence (``این رقم سال گذشته X بود``);
    decrease words make Z negative;
``multiple``
    ``Y … دو برابر X``, ``از X به Y … سه برابر شد``;
``points``
    ``از A درصد … به B درصد … C واحد درصد``;
``share``
    ``با X، Z درصد این صادرات``, ``X بود که Z درصد کل …``; several parts
    ``روی هم``/``به ترتیب`` are summed;
``balance``
    ``تراز/کسری/مازاد``: exports − imports of the same partner (imports may be
    the trade total less exports);
``sum``
    ``مجموع``/``در مجموع``/``روی هم``: the amounts listed before it.

Where an operand cannot be tied without a guess, the claim keeps no operands
and a machine-readable ``reason`` (`REASONS`). Tables are read by
`chile_trade.core.grammar`; nothing here reads a file or builds a sentence.
"""

from __future__ import annotations

import bisect
import dataclasses
import itertools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from chile_trade.core import vocabulary as V
from chile_trade.core.numbers import ParsedNumber, fold, fold_with_map
from chile_trade.core.quantities import Amount, Word, dot_is_decimal, quantities, words
from chile_trade.core.records import Claim, Period, Quantity, Span, Subject, TableCell
from chile_trade.errors import InputError

__all__ = ["REASONS", "may_hold", "prose_claims"]

REASONS = ("no_base_value", "no_whole", "no_operands", "no_years", "incompatible_units",
           "ambiguous_number", "unknown_construction")
"""Why a prose figure has no operands."""

_LIST_WORDS = frozenset({"و", "،", ","})


@dataclass(slots=True)
class _Figure:
    """A quantity of the document with what the text says about it."""

    amount: Amount
    line: int
    clause: int  # index of its clause in the document
    raw: str
    column: int
    flow: str = ""
    partner: str = ""
    year: int | None = None
    base: bool = False  # introduced as the earlier value of a comparison
    claim: bool = False  # a stated derived figure, not an input
    total: bool = False  # introduced as a total ("کل", "مجموع")
    price: bool = False  # a price per unit ("قیمت هر تن …")
    compared: bool = False  # a base written as the value compared with ("نسبت به X")
    passed: bool = False  # a threshold the value passed ("از X گذشت")
    index: int = 0  # its place among the document's figures
    table: str = ""  # a table's value: the table's id
    table_product: str = ""  # and what the table's title says is traded
    table_reporter: str = ""  # a table's value: whose trade the table is, where it says
    series: str = ""  # a table's value: its row or column label
    fiscal: bool = False  # a table's value: of a fiscal year (named by its first year)
    where: _Clause | None = field(default=None, repr=False)

    @property
    def clause_words(self) -> _Clause:
        assert self.where is not None
        return self.where


WINDOW = 40
"""Words either side of a figure the grammar reads: a sentence ties a figure to words
near it, and a bounded window keeps a line of any length linear to read."""
CROWDED = 24
"""Figures in one clause beyond which none of them is linked (each is reported as an
unknown construction): no sentence people write holds more."""
LOOKBACK = 64
"""Earlier amounts of one dimension a look-up considers, the nearest first."""


class _Clause:
    """The words of one clause, with look-ups by position that cost the window, not
    the clause."""

    __slots__ = ("_part_of_share", "ends", "figures", "starts", "texts", "words", "years")

    def __init__(self, words_: list[Word]):
        self.words = words_
        self.starts = [w.start for w in words_]
        self.ends = [w.end for w in words_]
        self.texts = frozenset(w.text for w in words_)
        self.figures: list[_Figure] = []
        self.years = _years_in(words_)
        self._part_of_share: bool | None = None

    @property
    def states_share(self) -> bool:
        """Whether the clause states a share: its amounts are parts, not wholes."""
        if self._part_of_share is None:
            self._part_of_share = any(not f.amount.is_amount for f in self.figures) and (
                bool(self.texts & V.SHARE_VERBS) or "سهم" in self.texts)
        return self._part_of_share

    def before(self, position: int, n: int = WINDOW) -> list[Word]:
        """The last ``n`` words that end at or before ``position``."""
        i = bisect.bisect_right(self.ends, position)
        return self.words[max(0, i - n):i]

    def after(self, position: int, n: int = WINDOW) -> list[Word]:
        """The first ``n`` words that start at or after ``position``."""
        i = bisect.bisect_left(self.starts, position)
        return self.words[i:i + n]

    def between(self, start: int, end: int) -> list[Word]:
        return self.words[bisect.bisect_left(self.starts, start):
                          bisect.bisect_left(self.starts, end)]

    def around(self, figure: _Figure) -> list[Word]:
        return [*self.before(figure.amount.start), *self.after(figure.amount.start)]


_CLAUSE_END_RE = re.compile(r"[؛;!؟?:]|(?<!\d)\.|\.(?!\d)")
"""Where a clause ends: a sentence or clause mark; a full stop, unless it is a decimal
point between digits."""


def _has(words_: Sequence[Word], vocabulary: Iterable[str]) -> bool:
    texts = {w.text for w in words_}
    return any(v in texts for v in vocabulary)


def _phrase_in(words_: Sequence[Word], phrase: str) -> bool:
    text = " ".join(w.text for w in words_)
    return f" {phrase} " in f" {text} "


class _Line:
    """One prose line: its words, clauses, quantities and the raw text behind them."""

    def __init__(self, raw: str, lineno: int, folded: str):
        self.raw, self.lineno, self.folded = raw, lineno, folded
        self._index_map: Sequence[int] | None = None
        # Only the clauses that may hold a quantity are cut into words.
        self.clauses: list[list[Word]] = []
        self.amounts: list[Amount] = []
        start = 0
        for end in [*(m.start() for m in _CLAUSE_END_RE.finditer(folded)), len(folded)]:
            if may_hold(folded[start:end]):
                items = words(folded, start, end)
                if items:
                    self.clauses.append(items)
                    self.amounts += quantities(folded, items)
            start = end + 1

    @property
    def index_map(self) -> Sequence[int]:
        """The raw index of each folded one (made when a figure is first found)."""
        if self._index_map is None:
            self._index_map = fold_with_map(self.raw)[1]
        return self._index_map

    def raw_text(self, start: int, end: int) -> str:
        return self.raw[self.index_map[start]:self.index_map[end]]


def _place_at(items: Sequence[Word], k: int) -> tuple[str, int] | None:
    """A place name at ``items[k]`` (one or two words): (folded name, next index)."""
    if k + 1 < len(items):
        two = f"{items[k].text} {items[k + 1].text}"
        if two in V.PLACES:
            return V.PLACE_ALIASES.get(two, two), k + 2
    if k < len(items) and items[k].text in V.PLACES:
        return V.PLACE_ALIASES.get(items[k].text, items[k].text), k + 1
    return None


@dataclass(slots=True)
class _Named:
    """Flows or partners a clause names, with where: ``صادرات و واردات``, ``به آلمان و
    ایتالیا``."""

    position: int
    end: int
    names: list[str]


def _partners_named(items: Sequence[Word], last_partner: str) -> list[_Named]:
    out: list[_Named] = []
    k = 0
    while k < len(items):
        if items[k].text in V.PLACE_PREPOSITIONS:
            # "این کشور": the place named last, in this clause or before it
            last = out[-1].names[0] if out and len(out[-1].names) == 1 else last_partner
            if k + 2 < len(items) and f"{items[k + 1].text} {items[k + 2].text}" == \
                    V.THIS_COUNTRY and last:
                out.append(_Named(items[k].start, items[k + 2].end, [last]))
                k += 3
                continue
            place = _place_at(items, k + 1)
            if place is not None:
                names, j = [place[0]], place[1]
                while j + 1 < len(items) and items[j].text in _LIST_WORDS:
                    more = _place_at(items, j + 1)
                    if more is None:
                        break
                    names.append(more[0])
                    j = more[1]
                out.append(_Named(items[k].start, items[j - 1].end, names))
                k = j
                continue
        k += 1
    return out


def _flows_named(items: Sequence[Word]) -> list[_Named]:
    out = []
    k = 0
    while k < len(items):
        code = V.FLOW_NOUNS.get(items[k].text)
        if code:
            names, j = [code], k + 1
            while j + 1 < len(items) and items[j].text == "و" and items[j + 1].text in \
                    V.FLOW_NOUNS:
                names.append(V.FLOW_NOUNS[items[j + 1].text])
                j += 2
            out.append(_Named(items[k].start, items[j - 1].end, names))
            k = j
            continue
        k += 1
    return out


def _assign(named: list[_Named], amounts: list[Amount], respectively: int | None,
            ) -> list[str]:
    """What each amount of a clause is about: the last name before it, or the first after
    it before the next amount; a list of names is shared out over a respectively list
    (``به ترتیب``) of as many amounts, and otherwise names all of them at once."""
    out = []
    ends = [n.end for n in named]
    positions = [n.position for n in named]
    starts = [a.start for a in amounts]
    for index, amount in enumerate(amounts):
        i = bisect.bisect_right(ends, amount.start)
        following = amounts[index + 1].start if index + 1 < len(amounts) else 1 << 30
        j = bisect.bisect_left(positions, amount.end)
        chosen = named[i - 1] if i else (
            named[j] if j < len(named) and named[j].position < following else None)
        if chosen is None:
            out.append("")
            continue
        if len(chosen.names) == 1:
            out.append(chosen.names[0])
            continue
        k = bisect.bisect_right(starts, chosen.end)
        members = [a for a in amounts[k:k + 4 * len(chosen.names)]
                   if a.dimension == amount.dimension][:len(chosen.names) + 1]
        if respectively is not None and chosen.end <= respectively and \
                len(members) == len(chosen.names) and amount in members:
            out.append(chosen.names[members.index(amount)])
        else:
            out.append("+".join(chosen.names))
    return out


def _years_in(clause_words: Sequence[Word]) -> list[tuple[int, int]]:
    """(position, year) of each year of a clause: four digits, or ``سال ۹۸``."""
    out = []
    for i, w in enumerate(clause_words):
        if w.kind != "num" or len(w.text) not in (2, 4) or not w.text.isdigit():
            continue  # a year has four digits (or two after "سال"): never convert more
        digits = int(w.text.translate(_ASCII))
        if len(w.text) == 4 and (1300 <= digits <= 1499 or 1900 <= digits <= 2099):
            out.append((w.start, digits))
        elif len(w.text) == 2 and i > 0 and clause_words[i - 1].text == "سال" and (
                i + 1 == len(clause_words) or clause_words[i + 1].text not in _AFTER_NUMBER):
            out.append((w.start, 1300 + digits))
    return out


_AFTER_NUMBER = frozenset({*V.SCALE_WORDS, *V.PERCENT_WORDS, *V.TIMES_WORDS,
                           *(word.split()[0] for word in V.AMOUNT_UNITS)})
"""Words after a number that make it an amount ("سال ۴۸ میلیارد" is no year)."""
_ASCII = str.maketrans("۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩", "01234567890123456789")


def _year_of(amount: Amount, clause: _Clause, taken: set[int], *, own_only: bool = False,
             ) -> int | None:
    """A year written right after an amount (``… دلار در سال ۱۴۰۱``) is its own;
    otherwise the last year before it in the clause (within the window) that no
    amount took."""
    after = {w.start for w in clause.after(amount.end, 3)}
    positions = [position for position, _ in clause.years]
    i = bisect.bisect_left(positions, amount.end)
    for position, year in clause.years[i:i + 3]:
        if position in after:
            taken.add(position)
            return year
    if own_only:
        return None
    j = bisect.bisect_left(positions, amount.start)
    for position, year in reversed(clause.years[max(0, j - WINDOW):j]):
        if position not in taken:
            return year
    return None


_COMPARING = frozenset({"نسبت", "مقایسه", "قیاس", "از"})
_YEAR_DIGITS = re.compile(r"[0-9۰-۹٠-٩]{4}")
_PLURAL = frozenset({"ها", "های", "هایی"})


def _says_this_year(before: Sequence[Word]) -> bool:
    """``در این سال``, ``همین سال`` (not ``این سال‌ها``, these years)."""
    return any(w.text in ("این", "همین") and before[i + 1].text == "سال" and (
        i + 2 == len(before) or before[i + 2].text not in _PLURAL)
        for i, w in enumerate(before[:-1]))


def _last_year_of_line(raw: str, last: int | None) -> int | None:
    """`_last_year_named` of a line with no quantity (``نگاهی به سال ۱۴۰۰``)."""
    try:
        folded = fold(raw)
    except InputError:
        return last
    items = words(folded, 0, len(folded))
    return _last_year_named(_Clause(items), last) if items else last


def _last_year_named(clause: _Clause, last: int | None) -> int | None:
    """The year a later ``در این سال`` refers to: the one year the clause names other
    than years compared with (``نسبت به سال ۱۴۰۰``, ``در قیاس با``, ``از سال ۱۳۹۸``);
    ``None`` where it names two; else ``last``."""
    starts = [w.start for w in clause.words]
    named = set()
    for position, year in clause.years:
        i = bisect.bisect_left(starts, position)
        if not any(w.text in _COMPARING for w in clause.words[max(0, i - 3):i]):
            named.add(year)
    if len(named) > 1:
        return None  # two years, neither compared with: which one "this year" is is unsaid
    return named.pop() if named else last


def _sign(after: Sequence[Word], before: Sequence[Word]) -> int:
    if _has(after[:4], V.DECREASE_WORDS) or _has(before[-3:], V.DECREASE_WORDS):
        return -1
    return 1


def _signed(number: ParsedNumber, sign: int) -> ParsedNumber:
    if sign > 0:
        return number
    negated = ParsedNumber(-number.value, number.decimals, number.raw, number.is_percent)
    if number._bounds is not None and number._bounds[0] == number._bounds[1]:  # exact threshold
        value = -number._bounds[0]
        object.__setattr__(negated, "_bounds", (value, value, value))
    return negated


# ------------------------------------------------------------------ the pass

_PERCENT_OR_TONNE = re.compile(r"[٪%]|(?<!\S)تنی?+(?![^\s.,،؛:)])")
_QUANTITY_WORDS = ("درصد", "برابر", "واحد", "هزار", "میلیون", "میلیارد", "بیلیون", "تریلیون",
                   "سوم", "چهارم", "پنجم", "دهم", "نصف", "ربع", "دلار", "یورو", "ریال",
                   "تومان", "سنت", "کیلوگرم", "بشکه")


def may_hold(text: str) -> bool:
    """Whether a text may hold a quantity. Every quantity ends in a percent sign or word,
    a multiple, a scale word or a unit, or is a fraction word (`quantities`): a text
    with none of them (a year, a count of months) holds none."""
    return any(w in text for w in _QUANTITY_WORDS) or _PERCENT_OR_TONNE.search(text) is not None


def _taken(spans: list[tuple[int, int]], starts: list[int], position: int) -> bool:
    """Whether ``position`` is inside one of ``spans`` (sorted, not overlapping)."""
    i = bisect.bisect_right(starts, position) - 1
    return i >= 0 and position < spans[i][1]


class _Reader:
    """Every quantity of a document's prose lines, as figures with what the text says
    about each, and look-ups over them."""

    def __init__(self, source: str, lines: Sequence[tuple[int, str]],
                 taken: dict[int, list[tuple[int, int]]], cells: Sequence[TableCell] = ()):
        self.source = source
        # The tables' values, as figures in the document's order: by table id.
        self.tables: dict[str, list[_Figure]] = {}
        pending_cells = sorted(cells, key=lambda c: c.span.line)
        self.lines: dict[int, _Line] = {}
        self.figures: list[_Figure] = []
        self.by_line: dict[int, list[_Figure]] = {}
        # By dimension: input amounts (not derived figures), and totals, in order.
        self.inputs: dict[str, list[_Figure]] = {}
        self.totals: dict[str, list[_Figure]] = {}
        self.dated: dict[tuple[str, int], list[_Figure]] = {}
        self.last_partner = ""  # the partner named last, for "این کشور"
        self.last_year: int | None = None  # the year of the last value, for "این سال"
        self.dot_is_decimal = dot_is_decimal("\n".join(raw for _, raw in lines))
        for lineno, raw in lines:
            while pending_cells and pending_cells[0].span.line < lineno:
                self._add([self._cell(pending_cells.pop(0))])
            if not may_hold(raw):
                # No percent, multiple, scale word, unit or fraction: nothing to read, but
                # a year it names is what a later "در این سال" means.
                if _YEAR_DIGITS.search(raw):
                    self.last_year = _last_year_of_line(raw, self.last_year)
                continue
            try:
                line = _Line(raw, lineno, fold(raw))
            except InputError as exc:
                raise exc.located(source, lineno) from None
            self.lines[lineno] = line
            skip = sorted(taken.get(lineno, []))
            skip_starts = [start for start, _ in skip]
            starts = [a.start for a in line.amounts]
            line_figures: list[_Figure] = []
            for clause_index, words_ in enumerate(line.clauses):
                lo, hi = words_[0].start, words_[-1].end
                amounts = [a for a in line.amounts[bisect.bisect_left(starts, lo):
                                                   bisect.bisect_left(starts, hi)]
                           if not _taken(skip, skip_starts, a.number_start)]
                line_figures += self._clause(line, clause_index, _Clause(words_), amounts,
                                             len(self.figures) + len(line_figures))
            self.by_line[lineno] = line_figures
            self._add(line_figures)
        while pending_cells:
            self._add([self._cell(pending_cells.pop(0))])

    def _add(self, figures: list[_Figure]) -> None:
        for figure in figures:
            figure.index = len(self.figures)
            self.figures.append(figure)
            dimension = figure.amount.dimension
            if figure.amount.is_amount and not figure.claim:
                self.inputs.setdefault(dimension, []).append(figure)
            if figure.total:  # also a stated sum: a whole a share may be of
                self.totals.setdefault(dimension, []).append(figure)
            if figure.amount.is_amount and figure.year is not None:
                self.dated.setdefault((dimension, figure.year), []).append(figure)
            if figure.table:
                self.tables.setdefault(figure.table, []).append(figure)

    def _cell(self, cell: TableCell) -> _Figure:
        """A table's value as a figure: its unit, flow, partner and year from the table."""
        scale = V.unit_scale(cell.unit) or ("", 0)
        amount = Amount(cell.number, cell.unit, scale[0] or cell.unit, scale[1], 0, 0, 0, 0)
        figure = _Figure(amount, cell.span.line, -1, cell.number.raw, cell.span.column or 1,
                         table=cell.table, where=_Clause([]))
        figure.flow, figure.partner, figure.year = (cell.subject.flow, cell.subject.partner,
                                                    cell.year)
        figure.table_product = cell.subject.product
        figure.table_reporter, figure.series = cell.subject.reporter, cell.series
        figure.fiscal = cell.quantity.period.fiscal
        return figure

    def table_for(self, figure: _Figure) -> list[_Figure] | None:
        """The values of the one table series a figure can be about: the document's only
        series, or the one series of the flow, partner and measure (``وزن``, ``ارزش``) its
        clause names; ``None`` where none or several fit."""
        if len(self.tables) <= 1:
            return next(iter(self.tables.values()), None)
        before = figure.clause_words.before(figure.amount.start)
        flow = figure.flow or _flow_by_preposition(before)
        partner = _clause_partner(figure) or figure.partner
        dimension = _measure(before)
        found = [table for table in self.tables.values()
                 if table[0].flow == flow
                 and (not partner or not table[0].partner or table[0].partner == partner)
                 and (not dimension or table[0].amount.dimension in dimension)]
        if len(found) > 1 and partner:
            found = [table for table in found if table[0].partner == partner] or found
        return found[0] if len(found) == 1 else None

    def flow_pair(self, partner: str = "", dimensions: Iterable[str] | None = None,
                  ) -> tuple[list[_Figure], list[_Figure]] | None:
        """The tables' one export series and one import series of one partner (``partner``,
        else the only one they are of), in one unit of ``dimensions``: what a total trade,
        a balance or a flow's part of the trade the text names is made of; ``None`` where
        the tables hold no such pair, or several."""
        found: dict[str, list[list[_Figure]]] = {}
        for series in self.tables.values():
            head = series[0]
            if head.flow in V.FLOWS and (dimensions is None or head.amount.dimension
                                         in dimensions) and (
                    not partner or head.partner == partner):
                found.setdefault(head.flow, []).append(series)
        exports, imports = found.get(V.EXPORT, []), found.get(V.IMPORT, [])
        if len(exports) != 1 or len(imports) != 1:
            return None
        if exports[0][0].partner != imports[0][0].partner or \
                exports[0][0].amount.unit != imports[0][0].amount.unit:
            return None
        return exports[0], imports[0]

    def series_of(self, flow: str, partner: str, unit: str) -> list[_Figure] | None:
        """The tables' one series of a flow (a balance or total row), partner and unit."""
        found = [series for series in self.tables.values() if series[0].flow == flow
                 and series[0].partner == partner and series[0].amount.unit == unit]
        return found[0] if len(found) == 1 else None

    @staticmethod
    def value_in(table: Sequence[_Figure] | None, year: int) -> _Figure | None:
        return next((f for f in table if f.year == year), None) if table else None

    def _clause(self, line: _Line, clause_index: int, clause: _Clause, amounts: list[Amount],
                first_index: int) -> list[_Figure]:
        """The figures of one clause: each amount with its flow, partner, year and marks."""
        words_, hi = clause.words, clause.words[-1].end
        respectively = next((w.start for i, w in enumerate(words_)
                             if w.text == "به" and i + 1 < len(words_)
                             and words_[i + 1].text == "ترتیب"), None)
        partners_named = _partners_named(words_, self.last_partner)
        if partners_named and len(partners_named[-1].names) == 1:
            self.last_partner = partners_named[-1].names[0]
        partners = _assign(partners_named, amounts, respectively)
        flows = _assign(_flows_named(words_), amounts, respectively)
        years_taken: set[int] = set()
        previous: _Figure | None = None
        for index, amount in enumerate(amounts):
            figure = _Figure(amount, line.lineno, clause_index,
                             line.raw_text(amount.number_start, amount.number_end).strip(),
                             line.index_map[amount.number_start] + 1,
                             index=first_index + index, where=clause)
            following = amounts[index + 1].start if index + 1 < len(amounts) else hi
            verb = next((V.FLOW_VERBS[w.text] for w in clause.between(
                amount.end, following)[:WINDOW] if w.text in V.FLOW_VERBS), "")
            after_words = clause.after(amount.end, 2)
            owned = V.FLOW_NOUNS.get(after_words[1].text, "") if len(after_words) == 2 and \
                after_words[0].text == "آن" else ""  # "که ۶۵۰ میلیون دلار آن صادرات … بود"
            figure.flow = verb or owned or flows[index]
            figure.partner = partners[index]
            prior = clause.before(amount.start, 3)
            if not amount.is_amount and len(prior) >= 2 and prior[-1].text == "با":
                # "عراق با ۴۸ درصد، افغانستان با ۱۷ درصد": each share's own place
                place = _place_at(prior, len(prior) - 3) if len(prior) == 3 else None
                place = place if place is not None and place[1] == len(prior) - 1 else \
                    _place_at(prior, len(prior) - 2)
                if place is not None and place[1] == len(prior) - 1:
                    figure.partner = place[0]
            self._mark(clause, figure)
            # An earlier value has the year printed after it, not the clause's year.
            figure.year = _year_of(amount, clause, years_taken, own_only=figure.compared)
            if figure.year is None and not figure.compared and \
                    _says_this_year(clause.before(amount.start)):
                figure.year = self.last_year  # "در این سال": the year the text named last
            if previous is not None and previous.base and not figure.base and \
                    previous.amount.dimension == amount.dimension and all(
                        w.text in _LIST_WORDS for w in clause.between(
                            previous.amount.end, amount.start)[:WINDOW]):
                figure.base = True  # "… که به ترتیب X و Y بود": a list of bases
            if previous is not None and previous.total and not figure.total and \
                    previous.amount.dimension == amount.dimension and all(
                        w.text in _LIST_WORDS for w in clause.between(
                            previous.amount.end, amount.start)[:WINDOW]):
                figure.total = True  # "کل … به ترتیب X و Y بود": a list of totals
            previous = figure if amount.is_amount else previous
            clause.figures.append(figure)
        self.last_year = _last_year_named(clause, self.last_year)
        return clause.figures

    def _mark(self, clause: _Clause, figure: _Figure) -> None:
        """Whether the text introduces an amount as a base, a total or a derived figure."""
        before = clause.before(figure.amount.start)
        after = clause.after(figure.amount.end, 8)
        if not figure.amount.is_amount:  # "از ۱۰٫۲ درصد به ۱۱٫۹ درصد": the earlier share
            figure.base = bool(before) and before[-1].text == "از" and any(
                w.text == "به" for w in after)
            return
        before_text = " ".join(w.text for w in before[-6:])
        after_text = " ".join(w.text for w in after[:5])
        reaches = before and before[-1].text == "به"  # "… به X رسید": the new value
        compared = any(marker in before_text for marker in V.BASE_BEFORE) or \
            any(after_text.startswith(marker) for marker in V.BASE_AFTER) or \
            (bool(before) and before[-1].text == "(" and "قبل" in before_text)
        if compared and V.THIS_FIGURE not in before_text:
            figure.compared = True  # "در مقایسه با X سال قبل": its year is not the clause's
        if compared or (before and before[-1].text == "از" and any(
                w.text == "به" for w in after)) or (V.THIS_FIGURE in before_text and not reaches):
            figure.base = True
        all_words = [w.text for w in before]
        for word in ("کل", "مجموع"):  # "کل صادرات … X", "مجموع عملیات … X" (not "در مجموع")
            if word in all_words:
                at = len(all_words) - 1 - all_words[::-1].index(word)
                # No other amount between the word and this one (a year may stand there).
                if not any(f.amount.start >= before[at].end for f in clause.figures) and (
                        at == 0 or all_words[at - 1] != "در"):
                    figure.total = True
        if _has(before, V.BALANCE_WORDS) or _has(before[-4:], V.SUM_WORDS) or \
                "مجموع" in all_words:
            figure.claim = True
        if figure.base:
            figure.claim = figure.total = False  # the earlier value of a comparison
        if _has(before, ("هر",)) and not _has(before, V.BALANCE_WORDS):
            figure.claim = figure.price = True  # a unit price: "قیمت هر تن ... ۳۶۵ دلار"
        if before and before[-1].text == "از" and after and after[0].text in V.PASSED_WORDS:
            figure.claim = figure.passed = True  # "صادرات … از ۴۸ میلیارد دلار گذشت"

    # -------------------------------------------------------------- look-ups

    def inputs_before(self, figure: _Figure, dimension: str, *, lines_back: int | None = None,
                      ) -> list[_Figure]:
        """Input amounts of ``dimension`` printed before ``figure`` (the nearest
        `LOOKBACK` of them), in order."""
        found = self.inputs.get(dimension, [])
        i = bisect.bisect_left(found, figure.index, key=lambda f: f.index)
        out = found[max(0, i - LOOKBACK):i]
        if lines_back is not None:
            out = [f for f in out if figure.line - f.line <= lines_back]
        return out

    def totals_until(self, dimension: str, line: int) -> list[_Figure]:
        """Totals of ``dimension`` printed up to ``line`` (the last `LOOKBACK`)."""
        found = self.totals.get(dimension, [])
        i = bisect.bisect_right(found, line, key=lambda f: f.line)
        return found[max(0, i - LOOKBACK):i]

    def in_clause(self, figure: _Figure) -> list[_Figure]:
        return figure.clause_words.figures


def _span(source: str, figure: _Figure) -> Span:
    return Span(source, figure.line, figure.column)


def _quantity(source: str, figure: _Figure, number: ParsedNumber | None = None,
              subject: Subject | None = None, period: Period | None = None) -> Quantity:
    amount = figure.amount
    flow = figure.flow if figure.flow in V.FLOWS else ""
    return Quantity(number or ParsedNumber(amount.number.value, amount.number.decimals,
                                           figure.raw, amount.number.is_percent)
                    if number is None else number,
                    amount.unit, subject or Subject(flow=flow), period or Period(
                        end=figure.year), _span(source, figure))


def _operand(source: str, figure: _Figure) -> Quantity:
    return _quantity(source, figure, ParsedNumber(figure.amount.number.value,
                                                  figure.amount.number.decimals, figure.raw))


# ------------------------------------------------------------------ claims

_CHANGE, _SHARE, _POINTS, _MULTIPLE, _CAGR, _OTHER = (
    V.CHANGE, V.PROSE_SHARE, V.POINTS_KIND, V.MULTIPLE, V.CAGR, V.OTHER)


_COPULAS = frozenset({"برابر", "معادل"})
_COMPARATIVES = frozenset({"بیش", "بیشتر", "کمتر", "کم"})


def _kind(reader: _Reader, figure: _Figure) -> str:  # noqa: PLR0911  one return per kind
    amount = figure.amount
    before = figure.clause_words.before(amount.start)
    after = figure.clause_words.after(amount.end)
    if amount.dimension == V.POINTS:
        return _POINTS
    if amount.dimension == V.TIMES:
        return _MULTIPLE
    figures = figure.clause_words.figures
    at = figure.index - figures[0].index if figures else 0
    previous_end = figures[at - 1].amount.end if 0 < at <= len(figures) else -1
    since = [w for w in before[-12:] if w.start >= previous_end]
    if _has(since, V.AVERAGE_WORDS) and _has(since, V.ANNUAL_WORDS):
        return _CAGR
    if _has(after[:3], V.CHANGE_WORDS) or (before and before[-1].text in V.CHANGE_WORDS):
        return _CHANGE
    # "رشد صادرات … برابر −۸٫۶ درصد بود": a change named before, the figure after a copula.
    word_before = next((w for w in reversed(before) if w.kind != "punct"), None)
    if word_before is not None and word_before.text in _COPULAS and _has(
            since, ("رشد", "تغییر", "تغییرات")):
        return _CHANGE
    # "۵٫۴ درصد بیش از سال ۲۰۱۸": more or less than a year's value.
    if len(after) >= 3 and after[0].text in _COMPARATIVES and after[1].text == "از" \
            and after[2].text in ("سال", "سالهای", "مدت", "دوره"):
        return _CHANGE
    if _has(before, ("سهم",)) or (before and before[-1].text == "مقصد") or \
            _has(after[:8], V.SHARE_VERBS) or _has(after[:8], V.SHARE_NOUNS) or (
            after and (after[0].text == "از" or after[0].text in V.WHOLE_WORDS)):
        return _SHARE
    # "متانول با X، ۲۷٫۴ درصد و پلی‌اتیلن با Y، ۱۳ درصد از … را تشکیل دادند": the verb
    # further on, with no change word before it.
    for k, w in enumerate(after):
        if w.text in V.CHANGE_WORDS:
            # "وزن … ۲۹٫۹ درصد و ارزش آن ۱۸ درصد افزایش یافت": one verb for the changes of
            # two measures of one thing.
            if k and after[k - 1].text in V.PERCENT_WORDS and _has(after[:k], ("و",)) \
                    and amount.dimension == V.PERCENT and _has(after[:k], tuple(_MEASURES)):
                return _CHANGE
            break
        if (w.text in V.SHARE_VERBS and w.text != "را") or w.text in V.SHARE_NOUNS:
            return _SHARE
    return _OTHER


def _claim(reader: _Reader, figure: _Figure, kind: str, sign: int = 1,  # noqa: PLR0917  the claim's fields in order
           operands: Sequence[_Figure] = (), formula: str = "", reason: str = "",
           years: int | None = None) -> Claim:
    source = reader.source
    amount = figure.amount
    if not reader.dot_is_decimal and any(f.amount.dotted_thousands
                                         for f in (figure, *operands)):
        # "1.500 میلیون دلار": 1.5 or 1,500? Nothing in the document says: not checked.
        formula, reason, operands = "", "ambiguous_number", ()
    number = _signed(ParsedNumber(amount.number.value, amount.number.decimals, figure.raw,
                                  amount.number.is_percent), sign)
    if amount.number._bounds is not None and amount.number._bounds[0] == amount.number._bounds[1]:
        object.__setattr__(number, "_bounds", tuple(b * sign for b in amount.number._bounds))
    low = amount.low
    if low is not None:
        low = _signed(low, sign)
        if sign < 0:
            low, number = number, low  # a falling range: -20 to -18
    period = Period(end=figure.year, years=years)
    # Trade is no flow of its own, and a balance or sum is of both flows.
    flow = figure.flow if figure.flow in V.FLOWS and kind not in (V.BALANCE, V.SUM) else ""
    quantity = Quantity(number, amount.unit, Subject(flow=flow), period,
                        _span(source, figure))
    # "کاهش بیش از ۲۰ درصدی": the comparison is of the size printed; made negative, it
    # compares the other way (less than −20)
    comparator = V.MIRRORED.get(amount.comparator, amount.comparator) if sign < 0 else \
        amount.comparator
    return Claim(kind, quantity, comparator, label=figure.raw,
                 low=low, operands=tuple(_operand(source, f) for f in operands),
                 formula=formula, reason=reason if not formula else "")


def _change_claim(reader: _Reader, figure: _Figure, members: Sequence[_Figure],
                  ) -> tuple[list[_Figure], str, str]:
    """The operands, formula and reason of a percent change: two values, or, where the
    text and its tables print no such pair, the rows of a table that make the total
    trade or balance the change is of."""
    operands, reason = _change_operands(reader, figure, members)
    named = _subjects(_lead(figure))
    if operands and len(named) == 1 and all(f.table for f in operands) and any(
            f.flow != _TABLE_FLOW[next(iter(named))] for f in operands):
        # "کسری …", "تجارت دو کشور …": not a change of a row of another flow
        operands, reason = [], "no_base_value"
    if operands:
        return operands, "percent_change", ""
    derived = _derived_change(reader, figure) if len(members) <= 1 else None
    if derived is not None:
        if derived[0]:
            return derived[0], derived[1], ""
        reason = derived[1] or "no_base_value"
    return [], "", reason


def _change_operands(reader: _Reader, figure: _Figure,
                     members: Sequence[_Figure] = ()) -> tuple[list[_Figure], str]:
    """(old, new) for a percent change, or ([], reason): values found outside the claim's
    own clause must be of its partner, product, flow and years."""
    operands, reason = _change_pair(reader, figure, members)
    if operands and not _fits_claim(figure, operands):
        return [], "no_base_value"
    return operands, reason


def _subject_noun(words_: Sequence[Word]) -> str:
    """What a flow is of: the noun right after the last flow noun (``صادرات پسته`` →
    ``پسته``), or ``""``."""
    for i in range(len(words_) - 1, -1, -1):
        if words_[i].text in V.FLOW_NOUNS:
            following = words_[i + 1] if i + 1 < len(words_) else None
            if following is None or following.kind != "word" or _place_at(words_, i + 1) \
                    or following.text in V.STOP_WORDS or following.text in V.CHANGE_WORDS \
                    or following.text in V.PLACE_PREPOSITIONS or following.text in (
                        "نیز", "هم", "غیرنفتی", "کالایی", "کشور"):
                return ""
            return _stem(following.text)
    return ""


def _fits_claim(figure: _Figure, operands: Sequence[_Figure]) -> bool:  # noqa: PLR0911  one per test
    """Whether values found outside a claim's clause are of what it names: the same
    partner (one of them named with it, none with another), flow (from ``از``/``به`` a
    place where no flow word is written), product (``صادرات زعفران`` is not ``صادرات
    پسته``) and, where the clause names years, one of those years."""
    mine = [f for f in operands if f.clause_words is figure.clause_words]
    if len(mine) == len(operands):
        return True  # both printed in the claim's own clause
    if figure.partner and (any(f.partner and f.partner != figure.partner for f in operands)
                           or not any(f.partner == figure.partner for f in operands)):
        return False
    before = figure.clause_words.before(figure.amount.start)
    flow = figure.flow
    if not flow:
        named = _partners_named(before, "")
        preposition = next((w.text for w in before if w.start == named[-1].position), "") \
            if named else ""
        flow = {"از": V.IMPORT, "به": V.EXPORT}.get(preposition, "")
    if flow and any(f.flow in V.FLOWS and f.flow != flow for f in operands):
        return False
    noun = _subject_noun(before)
    new = operands[-1]
    theirs = _subject_noun(new.clause_words.before(new.amount.start))
    if noun and theirs and noun != theirs:
        return False
    years = {year for position, year in figure.clause_words.years
             if position < figure.amount.start}
    if not years:
        return True
    if all(f.year is not None and f.year not in years for f in operands):
        return False
    return not (new.year is not None and operands[0].year is None and new.year not in years)


def _change_pair(reader: _Reader, figure: _Figure,  # noqa: PLR0911  one return per reason
                 members: Sequence[_Figure] = ()) -> tuple[list[_Figure], str]:
    derived = [f for f in reader.in_clause(figure) if f.claim and not f.price
               and f.amount.start < figure.amount.start]
    if derived:
        # "کسری … X بود که در مقایسه با Y سال قبل ۷٫۶ درصد کمتر است": the two printed
        # figures; the change of a derived figure whose base is not printed is not read.
        bases = [f for f in reader.in_clause(figure) if f.base and f.amount.is_amount
                 and derived[0].amount.end <= f.amount.start < figure.amount.start]
        if len(derived) == 1 and len(bases) == 1 and \
                bases[0].amount.dimension == derived[0].amount.dimension:
            return [bases[0], derived[0]], ""
        return [], "unknown_construction"
    if len(members) > 1:
        return _respective_changes(reader, figure, members)
    # Printed prices are values too: "از ۴۲۴ دلار به ۳۶۰ دلار رسید و ۱۵ درصد کاهش یافت".
    clause = [f for f in reader.in_clause(figure) if f.amount.is_amount
              and (not f.claim or f.price)]
    before = [f for f in clause if f.amount.start < figure.amount.start]
    after = [f for f in reader.figures[figure.index + 1:figure.index + 1 + CROWDED]
             if f.line == figure.line and f.amount.is_amount and not f.claim
             and f.clause > figure.clause]
    if len(before) >= 2:
        return _pair_of(before)
    if not before and clause and not clause[0].base and not any(
            not f.amount.is_amount and figure.amount.end <= f.amount.start < clause[0].amount.start
            for f in reader.in_clause(figure)):
        before = clause[:1]  # "با کاهشی یک درصدی به ۲۰۳ تن رسید؛ این رقم سال قبل …"
    if len(before) == 1:
        return _with_one_amount(reader, figure, before[0], after)
    # A change the table behind the text shows: "صادرات سال ۱۴۰۰ در مقایسه با سال قبل";
    # or of the two shares the line prints ("افت ۱۸ درصدی سهم فولاد").
    from_table = _table_pair(reader, figure) or _share_change(reader, figure)
    if from_table is not None:
        return from_table, ""
    # No amount in the clause: a pair set up just before (same line or the line before).
    pair = _recent_pair(reader, figure)
    if isinstance(pair, str):
        return [], pair
    return list(pair), ""


def _pair_of(before: list[_Figure]) -> tuple[list[_Figure], str]:
    """(old, new) of the amounts a clause prints before a change: the base and the other
    of one dimension, or the earlier year first."""
    if len(before) == 2 and before[0].amount.dimension != before[1].amount.dimension and \
            before[0].base != before[1].base:
        return [], "incompatible_units"  # "۵۰۰ میلیون دلار … نسبت به ۲۰ هزار میلیارد ریال"
    by_dimension = [f for f in before if f.amount.dimension == before[-1].amount.dimension]
    if len(by_dimension) == 2:
        a, b = by_dimension
        if a.base and not b.base:
            return [a, b], ""
        if b.base and not a.base:
            return [b, a], ""
        if a.year and b.year and a.year != b.year:
            return ([a, b] if a.year < b.year else [b, a]), ""
    return [], "unknown_construction"


def _share_change(reader: _Reader, figure: _Figure) -> list[_Figure] | None:
    """``از ۹٫۳ درصد … به ۷٫۶ درصد … افت ۱۸ درصدی سهم``: a change of a share, relative,
    between the two shares the line prints."""
    after = figure.clause_words.after(figure.amount.end, 1)
    if not after or after[0].text != "سهم":
        return None
    shares, _ = _points_operands(reader, figure)
    return shares or None


def _respective_changes(reader: _Reader, figure: _Figure, members: Sequence[_Figure],
                        ) -> tuple[list[_Figure], str]:
    """``صادرات و واردات … که به ترتیب X و Y بود، به ترتیب ۷٫۳ و ۴٫۸ درصد رشد``: each
    change of its own base, compared with the value it was compared with."""
    bases = [f for f in reader.in_clause(figure) if f.base and f.amount.is_amount
             and f.amount.start < members[0].amount.start]
    if not _phrase_in(figure.clause_words.around(figure), V.RESPECTIVELY) or \
            len(bases) != len(members) or len({f.flow for f in bases}) != len(bases):
        return [], "unknown_construction"
    base = bases[list(members).index(figure)]
    new = _referent(reader, base)
    return ([base, new], "") if not isinstance(new, str) else ([], new)


def _with_one_amount(reader: _Reader, figure: _Figure, only: _Figure, after: list[_Figure],
                     ) -> tuple[list[_Figure], str]:
    """(old, new) of a change whose clause prints one amount."""
    if only.base:
        new = _referent(reader, only)
        if isinstance(new, str):
            return [], new
        return [only, new], ""
    bases = [f for f in after if f.base and f.amount.dimension == only.amount.dimension]
    if len(bases) == 1:
        return [bases[0], only], ""
    # "به X رسید که نسبت به سال ۱۳۹۹ …": the value the text (or its table) gives for
    # the year compared with.
    base = _value_of_year(reader, figure, only)
    return ([base, only], "") if base is not None else ([], "no_base_value")


_COMPARED_WITH = ("نسبت به", "مقایسه با")


def _value_of_year(reader: _Reader, figure: _Figure, new: _Figure) -> _Figure | None:
    """The one value of ``new``'s dimension, flow and partner in the year the clause
    compares with (``نسبت به سال ۱۳۹۹``, between ``new`` and the figure)."""
    words_ = new.clause_words.between(new.amount.end, figure.amount.start)[-WINDOW:]
    text = " ".join(w.text for w in words_)
    if not any(phrase in text for phrase in _COMPARED_WITH):
        return None
    years = [year for _, year in _years_in(words_)]
    if len(years) != 1:
        return None
    found = [f for f in reader.dated.get((new.amount.dimension, years[0]), [])[:LOOKBACK]
             if f is not new and not f.claim and _compatible(f, new)]
    return found[0] if len(found) == 1 else None


def _clause_partner(figure: _Figure) -> str:
    """The partner the words around a figure name after a preposition, if any."""
    named = _partners_named(figure.clause_words.around(figure), "")
    return "+".join(named[-1].names) if named else ""


def _table_years(reader: _Reader, figure: _Figure) -> tuple[int, int] | None:
    """The two years of the one table a figure with no amounts of its own compares: two
    years named (``در سال ۱۴۰۰ نسبت به ۱۳۹۹``), one year (with the year before it),
    or N years (``طی سه سال``, ``منتهی به ۱۴۰۲``) back from the table's last."""
    table = reader.table_for(figure)
    # Amounts the clause prints before the figure are what it compares (a derived figure
    # printed after it, "… و کسری … به X رسید", is another statement).
    if table is None or any(f.amount.is_amount and not f.table and (
            f.amount.start < figure.amount.start or not f.claim)
            for f in reader.in_clause(figure)):
        return None
    if _clause_partner(figure) not in ("", table[0].partner):
        return None
    if table[0].flow != V.BALANCE_FLOW and _subjects(_lead(figure)) == {V.BALANCE_FLOW}:
        return None  # "کسری تجاری … ۴۵ درصد": not of a table of one flow
    if not _period_fits(figure, table[0]) or _compares_with_other(figure):
        return None
    return _compared_years(figure, sorted(f.year for f in table if f.year is not None))


def _lead(figure: _Figure) -> list[Word]:
    """The words of a figure's clause between the amount before it (or the clause's
    start) and the figure: what it is said of."""
    earlier = [f for f in figure.clause_words.figures if f.amount.end <= figure.amount.start]
    start = earlier[-1].amount.end if earlier else 0
    return figure.clause_words.between(start, figure.amount.start)


def _compared_years(figure: _Figure, years: Sequence[int]) -> tuple[int, int] | None:
    """Of a table with ``years`` (sorted), the two a change with no amounts of its own
    compares."""
    if not years:
        return None
    before = figure.clause_words.before(figure.amount.start)
    dated = [(position, year) for position, year in figure.clause_words.years
             if position < figure.amount.start and year in years]
    named = [year for _, year in dated]
    # The years named last: "طی سه سال … و در سال ۲۰۲۱ … ۵۲٫۵ درصد" is of 2021.
    ending = _phrase_in(before, "منتهی به")
    span = _span_years([w for w in before if not dated or w.start > dated[-1][0]]
                       if len(dated) == 1 and not ending else before)
    if len(named) >= 2 and not ending:
        pair = sorted(named[-2:])
        return (pair[0], pair[1]) if pair[0] != pair[1] else None
    if span is not None:
        end = named[-1] if named and ending else years[-1] if not named else None
        return (end - span, end) if end is not None else None
    if len(named) == 1:
        # The year before the one named, whether or not the table prints it: a change
        # from a missing cell is unverifiable, never measured from an earlier column.
        return (named[0] - 1, named[0]) if named[0] - 1 >= years[0] else None
    return None


def _flow_by_preposition(before: Sequence[Word]) -> str:
    """The flow the preposition before the last place named implies (``از`` an import
    partner, ``به`` an export one), or ``""``."""
    named = _partners_named(before, "")
    if not named:
        return ""
    preposition = next((w.text for w in before if w.start == named[-1].position), "")
    return {"از": V.IMPORT, "به": V.EXPORT}.get(preposition, "")


_MEASURES = {"وزن": ("kg",), "وزنی": ("kg",), "ارزش": V.MONEY, "ارزشی": V.MONEY}
_ANY_DIMENSION: tuple[str, ...] | None = None


def _measure(before: Sequence[Word]) -> tuple[str, ...]:
    """The dimensions the last measure word before a figure names (``وزن``: mass;
    ``ارزش``: money), or ``()``."""
    for word in reversed(before):
        if word.text in _MEASURES:
            return _MEASURES[word.text]
    return ()


def _table_pair(reader: _Reader, figure: _Figure) -> list[_Figure] | None:
    pair = _table_years(reader, figure)
    if pair is None:
        return None
    table = reader.table_for(figure)
    start, end = reader.value_in(table, pair[0]), reader.value_in(table, pair[1])
    return [start, end] if start is not None and end is not None else None


_BOTH_SIDES = ("دو کشور", "دو طرف")
_WORLD = frozenset({"خارجی", "جهان", "جهانی", "دنیا"})  # a country's trade with everyone
_PART_OF_YEAR = frozenset({"ماه", "ماهه", "نیمه", "فصل", "نیم"})


def _subjects(lead: Sequence[Word]) -> set[str]:
    """What the words before a figure say it is of: flows (``صادرات``, ``تجارت``) and the
    balance (``کسری``, ``مازاد``, ``تراز`` as `V.BALANCE_FLOW`)."""
    found = set()
    for w in lead:
        if w.text in V.BALANCE_WORDS:
            found.add(V.BALANCE_FLOW)
        elif w.text in V.FLOW_NOUNS:
            found.add(V.FLOW_NOUNS[w.text])
    return found


_TABLE_FLOW = {V.EXPORT: V.EXPORT, V.IMPORT: V.IMPORT, V.TRADE: V.TOTAL_FLOW,
               V.BALANCE_FLOW: V.BALANCE_FLOW}


def _paired_years(clause: _Clause) -> set[int]:
    """Positions of the years a clause writes as fiscal pairs (``۲۰۲۰-۲۱``)."""
    out = set()
    items = clause.words
    starts = [w.start for w in items]
    for position, year in clause.years:
        i = bisect.bisect_left(starts, position)
        if i + 2 < len(items) and items[i + 1].text in ("-", "/") and \
                items[i + 2].kind == "num" and len(items[i + 2].text) == 2 and \
                int(items[i + 2].text.translate(_ASCII)) == (year + 1) % 100:
            out.add(position)
    return out


def _period_fits(figure: _Figure, head: _Figure) -> bool:
    """Whether the period a figure's clause names is of the table's kind: no part of a
    year (``۹ ماهه``, ``نیمه نخست``), and fiscal years written as pairs where the
    table's are fiscal (``سال ۲۰۲۲`` of a table of ``۲۰۲۱-۲۲`` columns is either)."""
    before = figure.clause_words.before(figure.amount.start)
    if any(w.text in _PART_OF_YEAR or w.text.endswith("ماهه") for w in before):
        return False
    named = [position for position, _ in figure.clause_words.years
             if position < figure.amount.start]
    pairs = _paired_years(figure.clause_words)
    if head.fiscal:
        return bool(named) and all(position in pairs for position in named)
    return not pairs


_PREPOSITIONS = frozenset({"به", "از", "با", "و", "در", "کل", "جمع", "ارزش", "وزن", "مجموع"})


def _row_scope_said(figure: _Figure, head: _Figure) -> bool:
    """Whether a figure's clause is of what a table's row holds: the places it names are
    the table's two sides (one unnamed reporter at most), not a country's trade with
    the world (``تجارت خارجی``), and any product of the title or qualifier of the row
    label (``صادرات غیرنفتی``, ``واردات کالا``) is named too."""
    items = figure.clause_words.words
    texts = {w.text for w in items}
    if texts & _WORLD:
        return False
    named = {place[0] for k in range(len(items))
             if (place := _place_at(items, k)) is not None}
    others = named - {head.partner, head.table_reporter}
    if len(others) > (0 if head.table_reporter else 1):
        return False
    stems = {_stem(t) for t in texts}
    if head.table_product and not {_stem(w) for w in head.table_product.split()} & stems:
        return False
    label = re.sub(r"\([^()]*+\)", " ", fold(head.series))
    words_ = label.split()
    qualifiers = {w for i, w in enumerate(words_) if w not in V.FLOW_NOUNS
                  and w not in _PREPOSITIONS and w not in V.PLACES
                  and not (i + 1 < len(words_) and f"{w} {words_[i + 1]}" in V.PLACES)
                  and not (i and f"{words_[i - 1]} {w}" in V.PLACES)}
    return all(_stem(w) in stems for w in qualifiers)


def _both_sides(words_: Sequence[Word], head: _Figure) -> bool:
    """Whether words name the two sides of a table's trade: ``دو کشور``, the partner after
    a preposition (``کسری تجاری ایران با هند``), or the partner and the reporter
    (``تجارت ایران و ترکیه``; one other place where the table does not name its
    reporter). ``تجارت اسپانیا`` alone is Spain's trade with everyone."""
    if any(_phrase_in(words_, phrase) for phrase in _BOTH_SIDES):
        return True
    if any(head.partner in named.names for named in _partners_named(words_, "")):
        return True
    places = {place[0] for k in range(len(words_))
              if (place := _place_at(words_, k)) is not None}
    if head.partner not in places:
        return False
    others = places - {head.partner}
    return head.table_reporter in others if head.table_reporter else len(others) == 1


def _names_partner(words_: Sequence[Word], partner: str) -> bool:
    """Whether words name ``partner`` anywhere (``تجارت ایران و ترکیه``), not only after
    a preposition, or the trade's two sides (``تجارت دو کشور``)."""
    if any(_phrase_in(words_, phrase) for phrase in _BOTH_SIDES):
        return True
    return any((place := _place_at(words_, k)) is not None and place[0] == partner
               for k in range(len(words_)))


def _pair_named(reader: _Reader, figure: _Figure, subject: _Figure,
                ) -> tuple[list[_Figure], list[_Figure]] | None:
    """The tables' export and import series of the partner a total trade or balance is
    said of: named with the figure or its subject, in words or after a preposition."""
    partner = subject.partner or figure.partner
    words_ = figure.clause_words.before(figure.amount.start)
    if not partner:  # "تجارت ایران و ترکیه": the one place named that a table is about
        named = {place[0] for k in range(len(words_))
                 if (place := _place_at(words_, k)) is not None}
        about = named & {series[0].partner for series in reader.tables.values()}
        partner = about.pop() if len(about) == 1 else ""
    dimensions = (subject.amount.dimension,) if subject.amount.is_amount else \
        _measure(figure.clause_words.words) or (
            V.MONEY if _subjects(_lead(figure)) == {V.BALANCE_FLOW} else _ANY_DIMENSION)
    pair = reader.flow_pair(partner, dimensions)
    if pair is None:
        return None
    head = pair[0][0]
    if not _both_sides(figure.clause_words.words, head) or \
            not _row_scope_said(figure, head) or not _period_fits(figure, head):
        return None
    return pair


def _derived_change(reader: _Reader, figure: _Figure) -> tuple[list[_Figure], str] | None:  # noqa: PLR0911  one return per reason
    """The change of total trade or of the balance where a table prints the year's
    exports and imports but not their sum or difference (``کسری تجاری شیلی با اسپانیا
    در سال ۲۰۲۲ نسبت به سال قبل ۴۵٫۴ درصد``, ``حجم مبادلات … به X رسید که نسبت به
    سال ۱۴۰۱، ۲٫۹ درصد کمتر بود``): the four values and the formula, or ``None``."""
    lead = _lead(figure)
    named = _subjects(lead)  # one subject only: "با وجود کسری تجاری، صادرات …" is either
    amounts = [f for f in reader.in_clause(figure) if f.amount.is_amount and not f.table
               and f.amount.end <= figure.amount.start]
    subject = amounts[-1] if amounts else figure
    if named == {V.BALANCE_FLOW} and not amounts:
        flow, formula = V.BALANCE_FLOW, "change_of_difference"
    elif named == {V.TRADE} or (not named and subject.flow == V.TRADE):
        flow, formula = V.TOTAL_FLOW, "change_of_sum"
    else:
        return None
    if _compares_with_other(figure):
        return None  # "۱۰ درصد کمتر از هدف‌گذاری": not a change over time
    pair = _pair_named(reader, figure, subject)
    if pair is None:
        return None
    head = pair[0][0]
    printed = reader.series_of(flow, head.partner, head.amount.unit)
    years = _compared_years(figure, sorted(f.year for f in pair[0] if f.year is not None))
    if years is None:
        return None
    word = next((w.text for w in reversed(lead) if w.text in V.BALANCE_WORDS), "")
    if printed is not None:  # the table prints the balance or total itself
        values = [reader.value_in(printed, year) for year in years]
        found = [f for f in values if f is not None]
        if len(found) < len(values):
            return [], ""
        if flow == V.BALANCE_FLOW and not _balance_said(
                word, [f.amount.number.value for f in found], "کسری" in fold(printed[0].series)):
            return [], "balance_sign"
        return found, "percent_change"
    cells = [f for year in years for series in pair
             if (f := reader.value_in(series, year)) is not None]
    if len(cells) < 4:
        return [], ""
    if flow == V.BALANCE_FLOW and not _balance_said(
            word, [cells[0].amount.number.value - cells[1].amount.number.value,
                   cells[2].amount.number.value - cells[3].amount.number.value], False):
        return [], "balance_sign"
    return cells, formula


def _balance_said(word: str, values: Sequence[Decimal], deficits: bool) -> bool:
    """Whether a balance's two values are what its word says: a deficit (``کسری``) in
    both years, negative or printed as the size of the deficit (a row labelled ``کسری``),
    or a surplus (``مازاد``, ``تراز``) in both; a balance that changes sign, or a word
    that says the other, has no change to check."""
    if deficits:
        return word == "کسری" and all(v > 0 for v in values)
    if word == "کسری":
        return all(v < 0 for v in values)
    return all(v > 0 for v in values)


def _compares_with_other(figure: _Figure) -> bool:
    """``X درصد کمتر از هدف``: compared with something other than a period."""
    after = figure.clause_words.after(figure.amount.end, 4)
    at = next((i for i, w in enumerate(after) if w.text == "از"), None)
    return at is not None and 0 < at < 3 and after[at - 1].text in _COMPARATIVES and (
        at + 1 < len(after) and after[at + 1].text not in ("سال", "سالهای", "مدت", "دوره"))


def _table_trade(reader: _Reader, figure: _Figure) -> Claim | None:
    """A total trade the text prints of the partner and year of a table's export and
    import rows (``حجم مبادلات تجاری ایران و ترکیه در سال ۱۴۰۲ به X رسید``): their
    sum, or the table's own total; ``None`` for any other amount."""
    if figure.flow != V.TRADE or figure.year is None or figure.base or figure.compared \
            or figure.table or not reader.tables:
        return None
    pair = _pair_named(reader, figure, figure)
    if pair is None:
        return None
    head = pair[0][0]
    printed = reader.series_of(V.TOTAL_FLOW, head.partner, head.amount.unit)
    values = [reader.value_in(series, figure.year)
              for series in ([printed] if printed is not None else pair)]
    if not all(values):
        return None  # a year the table does not print: the amount is only an input
    found = [f for f in values if f is not None]
    return _claim(reader, figure, V.SUM, 1, found, "value" if printed is not None else "sum")


def _compatible(a: _Figure, b: _Figure) -> bool:
    if a.flow and b.flow and a.flow != b.flow:
        return False
    return not (a.partner and b.partner and a.partner != b.partner)


def _referent(reader: _Reader, base: _Figure) -> _Figure | str:
    """The value a base is compared with: the last input of its dimension before it
    that is not itself a base, of the same flow and partner, in the period the text
    names for it."""
    candidates = [f for f in reader.inputs_before(base, base.amount.dimension, lines_back=3)
                  if not f.base and _compatible(f, base)]
    if not candidates:
        others = base.amount.dimension in V.MONEY and any(
            reader.inputs_before(base, dimension, lines_back=3)
            for dimension in V.MONEY if dimension != base.amount.dimension)
        return "incompatible_units" if others else "no_base_value"
    named = [year for position, year in base.clause_words.years
             if position < base.amount.start]
    if named and base.year != named[-1]:
        same_year = [f for f in candidates if f.year == named[-1]]
        if len(same_year) == 1:
            return same_year[0]
        return "no_base_value"
    latest_line = candidates[-1].line
    latest = [f for f in candidates if f.line == latest_line]
    if len(latest) != 1:
        return "no_base_value"
    return latest[0]


def _recent_pair(reader: _Reader, figure: _Figure) -> tuple[_Figure, _Figure] | str:  # noqa: PLR0911  one return per reason
    """The last comparison the text set up before a figure with no amount of its own:
    a base with the value it was compared with, ``این رقم … به Y رسید``."""
    for other in reversed(reader.figures[max(0, figure.index - LOOKBACK):figure.index]):
        if figure.line - other.line > 2:
            break
        if not other.amount.is_amount or other.claim:
            continue
        # A base with the value it is compared with, or "این رقم … به Y رسید" with the
        # value it refers to.
        if other.base or _phrase_in(other.clause_words.before(other.amount.start),
                                    V.THIS_FIGURE):
            found = _referent(reader, other)
            if isinstance(found, str):
                return found
            old, new = (other, found) if other.base else (found, other)
            if figure.flow and new.flow and figure.flow != new.flow:
                return "no_base_value"
            return old, new
        # "از X به Y رسید؛ یعنی …": the pair of the clause before.
        earlier_in_clause = [f for f in other.clause_words.figures
                             if f.amount.end <= other.amount.start and f.amount.is_amount
                             and f.amount.dimension == other.amount.dimension]
        if len(earlier_in_clause) == 1 and earlier_in_clause[0].base and not (
                figure.flow and other.flow and figure.flow != other.flow):
            return earlier_in_clause[0], other
        # "… در سال ۲۰۲۲ به X رسید، در حالی که … در سال ۲۰۱۶ Y بود": two values, two years.
        dated = [f for f in reader.inputs_before(figure, other.amount.dimension)
                 if f.line == other.line]
        if len(dated) == 2 and all(f.year for f in dated) and dated[0].year != dated[1].year \
                and _flows_agree(dated[0], dated[1]) and not (
                    figure.flow and other.flow and figure.flow != other.flow):
            older, newer = sorted(dated, key=lambda f: f.year or 0)
            return older, newer
        return "no_base_value"
    return "no_base_value"


def _span_years(clause: Sequence[Word]) -> int | None:
    """The number of years a clause names: ``طی شش سال``, ``دوره چهار ساله``."""
    found = set()
    for i, w in enumerate(clause[:-1]):
        if clause[i + 1].text not in ("سال", "ساله"):
            continue
        if w.text in V.NUMBER_WORDS:
            found.add(V.NUMBER_WORDS[w.text])
        elif w.kind == "num" and w.text.isdigit() and len(w.text) <= 2:
            found.add(int(w.text.translate(_ASCII)))
    return found.pop() if len(found) == 1 else None


def _cagr_operands(reader: _Reader, figure: _Figure) -> tuple[list[_Figure], int | None, str]:
    """(start, end) of an average annual growth and its number of years."""
    years = _span_years(figure.clause_words.around(figure))
    clause = [f for f in reader.in_clause(figure) if f.amount.is_amount and not f.claim
              and f.amount.start < figure.amount.start]
    if len(clause) == 2 and clause[0].amount.dimension == clause[1].amount.dimension:
        pair: tuple[_Figure, _Figure] | str = (clause[0], clause[1]) if clause[0].base \
            else "unknown_construction"
    elif len(clause) == 1 and clause[0].year is not None and years is not None:
        start = clause[0]
        target = clause[0].year + years
        ends = [f for f in reader.dated.get((start.amount.dimension, target), [])[:LOOKBACK]
                if not f.claim and _compatible(f, start) and f.total == start.total]
        pair = (start, ends[0]) if len(ends) == 1 else "no_base_value"
    elif clause:
        pair = "unknown_construction"
    else:
        from_table = _table_pair(reader, figure)
        pair = (from_table[0], from_table[1]) if from_table else _recent_pair(reader, figure)
        if not isinstance(pair, str) and not from_table and not _fits_claim(figure, pair):
            pair = "no_base_value"
    if isinstance(pair, str):
        return [], None, pair
    start, end = pair
    if start.year is not None and end.year is not None:
        if years is not None and end.year - start.year != years:
            return [], None, "unknown_construction"
        years = end.year - start.year
    if years is None or years <= 0:
        return [], None, "no_years"
    return [start, end], years, ""


def _price_operands(reader: _Reader, figure: _Figure) -> tuple[list[_Figure], str, str]:
    """(money, mass) of a unit price, and the price's unit (``USD/tonne``): the one
    money and the one mass amount the text printed before it."""
    clause_words = figure.clause_words.before(figure.amount.start)
    index = max(i for i, w in enumerate(clause_words) if w.text == "هر")
    per = clause_words[index + 1].text if index + 1 < len(clause_words) else ""
    mass = V.AMOUNT_UNITS.get(per)
    if mass is None or mass[1] != "kg":
        return [], "", "unknown_construction"
    unit = f"{figure.amount.unit}/{mass[0]}"
    flows = {V.FLOW_NOUNS[w.text] for w in clause_words if w.text in V.FLOW_NOUNS}
    after_unit = [w.text for w in clause_words[index + 2:] if w.text not in V.STOP_WORDS]
    product = _stem(after_unit[0]) if after_unit else ""
    # "از ۴۲۴ دلار به ۳۶۰ دلار": the earlier price is of the earlier values.
    earlier = figure.base

    def one(dimension: str) -> _Figure | None:
        found = [f for f in reader.inputs_before(figure, dimension) if f.base == earlier
                 and (not flows or not f.flow or f.flow in flows)]
        if product and any(product in _named_with(f, loose=True) for f in found):
            # The product is named: only its own values (named beside them, else in their
            # clause) may be used.
            found = [f for f in found if product in _named_with(f)] or [
                f for f in found if product in _named_with(f, loose=True)]
        else:  # the whole's values, not a part's
            found = [f for f in found if not _is_part(reader, f)]
        return found[0] if len(found) == 1 else None

    money, weight = one(figure.amount.dimension), one("kg")
    if money is None or weight is None:
        return [], unit, "no_operands"
    return [money, weight], unit, ""


def _stem(word: str) -> str:
    """A noun without the ezafe or adjective ending ``ی`` (``خرمای``, ``میگوی``)."""
    return word[:-1] if len(word) > 3 and word.endswith("ی") else word


def _named_with(figure: _Figure, *, loose: bool = False) -> set[str]:
    """The stems of the words printed with an amount: from the amount before it in its
    clause (``loose``: from the clause's start) up to two words after it."""
    clause = figure.clause_words
    previous = [f for f in clause.figures if f.amount.end <= figure.amount.start]
    start = previous[-1].amount.end if previous and not loose else 0
    segment = [*clause.between(start, figure.amount.start)[-WINDOW:],
               *clause.after(figure.amount.end, 2)]
    return {_stem(w.text) for w in segment if w.kind == "word"}


def _list_of(reader: _Reader, figure: _Figure) -> list[_Figure]:
    """The stated figures of one list with ``figure`` (``۲۶، ۱۸ و ۱۶ درصد``): same
    dimension, nothing but ``و``/``،`` between them."""
    clause = figure.clause_words
    same = [f for f in reader.in_clause(figure)
            if f.amount.dimension == figure.amount.dimension]
    index = same.index(figure)
    members = [figure]

    def joined(a: _Figure, b: _Figure) -> bool:
        return all(w.text in _LIST_WORDS for w in clause.between(a.amount.end, b.amount.start))

    for k in range(index - 1, -1, -1):
        if not joined(same[k], members[0]):
            break
        members.insert(0, same[k])
    for k in range(index + 1, len(same)):
        if not joined(members[-1], same[k]):
            break
        members.append(same[k])
    return members


def _whole_phrase(reader: _Reader, figure: _Figure) -> list[Word]:
    """The words after a share up to its verb: what it is a share of. Where another
    share comes first (``X با A، ۲۷ درصد و Y با B، ۱۳ درصد از صادرات … را``), the
    words of the last of them."""
    out: list[Word] = []
    for w in figure.clause_words.after(figure.amount.end, 8):
        if w.text in V.SHARE_VERBS:
            return out
        if w.kind == "num":
            later = [f for f in figure.clause_words.figures
                     if f.amount.start >= w.start and f.amount.dimension == V.PERCENT]
            return _whole_phrase(reader, later[0]) if later and later[0] is not figure \
                else out
        out.append(w)
    return out


def _share_operands(reader: _Reader, figure: _Figure, members: list[_Figure],  # noqa: PLR0911  one return per reason
                    ) -> tuple[list[_Figure], str, str]:
    """(parts, whole) as operands, the formula, or a reason."""
    clause = figure.clause_words
    in_clause = reader.in_clause(figure)
    phrase = _whole_phrase(reader, members[-1])
    # "… ارزش صادرات آبزیان", "سهم آن از وزن صادرات ۳۵٪": what the share is of.
    since = [f for f in in_clause if f.amount.end <= figure.amount.start]
    lead = clause.between(since[-1].amount.end if since else 0, figure.amount.start)[-12:]
    said = [*phrase, *lead]
    wants = "kg" if _has(said, ("وزن",)) else "money" if _has(said, ("ارزش",)) else ""

    def wanted(f: _Figure) -> bool:
        return not wants or (f.amount.dimension == "kg") == (wants == "kg")

    first = members[0]
    previous_percent = [f for f in in_clause if f.amount.start < first.amount.start
                        and not f.amount.is_amount]
    start = previous_percent[-1].amount.end if previous_percent else -1
    inputs = [f for f in in_clause if f.amount.is_amount and not f.claim and wanted(f)
              and start < f.amount.start < first.amount.start]
    parts = [f for f in inputs if not f.total]
    whole: _Figure | None = None
    these = _these(lead)
    if not inputs and len(members) == 1:
        named = _named_shares(reader, figure, lead, these, phrase)
        if named is not None:
            return named
    if not inputs and len(members) > 1:
        return _respective_shares(reader, figure, members)
    if these and len(members) == 1 and len(inputs) <= 1:
        # "صادرات به این دو کشور در مجموع ۴۷ درصد آن را": the N values of the line before
        # together, of the whole the clause prints (or names).
        parts = _last_listed(reader, figure, these)
        if not parts:
            return [], "", "no_operands"
        if inputs:
            whole = inputs[0]
        return _shared(reader, figure, parts, whole, phrase)
    if not parts and previous_percent and wants:
        parts = [f for f in in_clause if f.amount.is_amount and not f.claim and not f.total
                 and f.amount.start < figure.amount.start and wanted(f)]
        if len(parts) != 1:
            return [], "", "no_operands"
    if not parts and len(members) == 1:
        named_part = _named_part(reader, figure, inputs, phrase, lead)
        if isinstance(named_part, str):
            return [], "", named_part
        parts, whole = [named_part[0]], named_part[1]
    if not parts or len({f.amount.dimension for f in parts}) != 1:
        return [], "", "no_operands"
    combined = _combined(figure, parts, members)
    if isinstance(combined, str):
        return [], "", combined
    return _shared(reader, figure, combined, whole, phrase)


def _combined(figure: _Figure, parts: list[_Figure], members: list[_Figure],
              ) -> list[_Figure] | str:
    """The parts of one share: of a respectively list, the member's own; several parts
    only together (``روی هم``, ``در مجموع``, ``به ترتیب``)."""
    around = figure.clause_words.around(figure)
    together = _has(around, ("روی", "مجموع", "مجموعا"))
    respectively = _phrase_in(around, V.RESPECTIVELY)
    if len(members) > 1:
        if not respectively or len(parts) != len(members) or together:
            return "unknown_construction"
        return [parts[members.index(figure)]]
    if len(parts) > 1 and not (together or respectively):
        return "unknown_construction"
    if len(parts) == 1 and together:
        return "no_operands"
    return parts


def _named_part(reader: _Reader, figure: _Figure, inputs: list[_Figure], phrase: list[Word],
                lead: list[Word]) -> tuple[_Figure, _Figure | None] | str:
    """The part of a share with no value beside it, and the whole its clause prints:
    "کل صادرات … X بود و عراق ۲۰ درصد آن را", "سهم پتروشیمی از کل صادرات … X"."""
    clause = figure.clause_words
    whole = inputs[0] if len(inputs) == 1 else None if inputs else _total_after(figure)
    if whole is not None and _has(phrase, ("کل",)) and not _has(phrase, ("آن", "این")) \
            and len(reader.totals.get(whole.amount.dimension, [])) > 1:
        # "کل صادرات استان X بود و فولاد ۳۵ درصد کل صادرات را": which of the totals the
        # text printed is meant is not said.
        return "no_whole"
    # The subject of "سهم X از …" may stand before an earlier share of the same sentence
    # ("سهم فولاد از کل صادرات از ۹٫۳ درصد … به ۷٫۶ درصد").
    wider = clause.before(figure.amount.start, 20)
    share_at = [i for i, w in enumerate(wider) if w.text == "سهم"]
    subject_lead = [w for w in wider[share_at[-1]:] if w.kind == "word"] \
        if share_at and not _has(lead, ("سهم",)) else lead
    part = _subject_value(reader, figure, whole, subject_lead) or \
        _destination_value(reader, figure)
    return (part, whole) if part is not None else "no_operands"


def _total_after(figure: _Figure) -> _Figure | None:
    """The one total a share's clause prints after it, with no other share between
    (``سهم گرجستان از صادرات … ۱٫۲ درصد بود و کل این صادرات X``), of the share's flow
    and year."""
    later = [f for f in figure.clause_words.figures if f.amount.start > figure.amount.end]
    totals = [f for f in later if f.total and f.amount.is_amount and not f.base]
    if len(totals) != 1 or any(not f.amount.is_amount and f.amount.start < totals[0].amount.start
                               for f in later):
        return None
    total = totals[0]
    if not _flows_agree(total, figure) or (
            total.year is not None and figure.year is not None and total.year != figure.year):
        return None
    between = figure.clause_words.between(figure.amount.end, total.amount.start)
    own = {position for position, year in figure.clause_words.years if year == figure.year}
    if any(w.text == "سال" and not (i + 1 < len(between) and between[i + 1].start in own)
           for i, w in enumerate(between)):
        return None  # "… و کل این صادرات در سال بعد X": of another year
    return total


def _shared(reader: _Reader, figure: _Figure, parts: list[_Figure], whole: _Figure | None,
            phrase: list[Word]) -> tuple[list[_Figure], str, str]:
    if whole is None:
        # "سهم زعفران از کل صادرات کشاورزی … ۲۵ درصد بود": the whole is named before.
        lead = figure.clause_words.before(figure.amount.start, 20)
        at = [i for i, w in enumerate(lead) if w.text == "سهم"]
        of = [i for i, w in enumerate(lead) if w.text == "از" and at and i > at[-1]]
        if of and (all(w.text in V.STOP_WORDS for w in phrase)
                   or not any(w.text in V.WHOLE_WORDS for w in phrase)):
            phrase = [w for w in lead[of[0] + 1:] if w.kind == "word"]
    found = whole if whole is not None else _whole(reader, figure, parts, phrase)
    if found == "no_whole" and len(parts) == 1:
        remainder = _remainder(reader, parts[0], phrase)
        if remainder is not None:
            return [parts[0], *remainder], "share_of_remainder", ""
    if isinstance(found, str):
        return [], "", found
    if found.amount.dimension != parts[0].amount.dimension:
        return [], "", "incompatible_units"
    return [*parts, found], "share" if len(parts) == 1 else "share_of_sum", ""


def _named_shares(reader: _Reader, figure: _Figure, lead: Sequence[Word], these: int | None,
                  phrase: Sequence[Word]) -> tuple[list[_Figure], str, str] | None:
    """A share printed with no value beside it that is the sum of shares printed before,
    or a flow's share of trade; ``None`` where it is neither."""
    summed = _summed_shares(reader, figure, lead, these)
    if summed is not None:
        return (summed, "sum", "") if summed else ([], "", "no_operands")
    flowing = _flow_share(reader, figure, lead, phrase)
    return (flowing[0], flowing[1], "") if flowing is not None else None


def _summed_shares(reader: _Reader, figure: _Figure, lead: Sequence[Word],
                   these: int | None) -> list[_Figure] | None:
    """Shares stated together of shares printed before (``سهم مشترک این دو کشور``,
    ``صادرات به عراق و افغانستان در مجموع ۶۵ درصد``): the printed shares to add, ``[]``
    where they are not all printed, ``None`` where the share is not of this form."""
    if not (_has(lead, ("مشترک", "مجموع", "روی", "مجموعا"))):
        return None
    earlier = [f for f in reader.figures[max(0, figure.index - LOOKBACK):figure.index]
               if f.amount.dimension == V.PERCENT and figure.line - f.line <= 2]
    if these is not None:
        # The N shares listed last, on this line.
        listed = [f for f in earlier if f.line == figure.line][-these:]
        if not listed:
            return None  # "این دو کشور در مجموع …" of amounts, not of shares
        return listed if len(listed) == these and _list_of(reader, listed[-1]) == listed \
            else []
    named = _partners_named(lead, "")
    places = named[-1].names if named else []
    if len(places) < 2:
        return None
    found = [next((f for f in reversed(earlier) if f.partner == place), None)
             for place in places]
    return [f for f in found if f is not None] if all(found) else []


def _flow_share(reader: _Reader, figure: _Figure, lead: Sequence[Word],  # noqa: PLR0911  one return per reason
                phrase: Sequence[Word]) -> tuple[list[_Figure], str] | None:
    """A flow's share of the trade it is part of (``سهم صادرات ایران از تجارت دو کشور``,
    ``صادرات ایران ۵۵ درصد حجم تجارت دو کشور``, ``۸۵ درصد تجارت دو کشور را صادرات
    تشکیل می‌داد``): the flow's value over the trade's, of one partner; or over the
    sum of a table's export and import rows. The operands and the formula."""
    of = next((i for i, w in enumerate(lead) if w.text == "از"), len(lead))
    named = list(lead[:of])
    after = figure.clause_words.after(figure.amount.end, 12)
    at = next((i for i, w in enumerate(after) if w.text == "را"), None)
    if at is not None and not any(w.text in V.FLOW_NOUNS for w in named):
        # "… را صادرات ایران تشکیل می‌داد": the part named after the whole.
        named = list(itertools.takewhile(lambda w: w.text not in V.SHARE_VERBS,
                                         after[at + 1:]))
    flows = {V.FLOW_NOUNS[w.text] for w in named if w.text in V.FLOW_NOUNS} & set(V.FLOWS)
    if len(flows) != 1 or not any(V.FLOW_NOUNS.get(w.text) == V.TRADE
                                  for w in [*lead[of:], *phrase]):
        return None
    flow = next(iter(flows))
    money = [f for d in V.MONEY for f in reader.inputs_before(figure, d) if not f.base]
    part = [f for f in money if f.flow == flow]
    whole = [f for f in money if f.flow == V.TRADE]
    if not whole:
        return _table_flow_share(reader, figure, flow, named)
    if not part:
        return None
    mine, total = part[-1], whole[-1]
    if (mine.partner and total.partner and mine.partner != total.partner) or \
            mine.amount.dimension != total.amount.dimension:
        return None
    if mine.partner and not total.partner:
        # The trade must be with the part's partner ("تجارت ایران و عمان"), not the
        # country's with everyone ("تجارت خارجی ایران").
        said = total.clause_words.words
        if {w.text for w in said} & _WORLD or not _names_partner(said, mine.partner):
            return None
    if mine.table and not (_row_scope_said(figure, mine) and _period_fits(figure, mine)):
        return None  # a table's row of a product, part of a year or fiscal year unsaid
    years = {f.year for f in (part[-1], whole[-1]) if f.year is not None}
    if figure.year is not None and years and figure.year not in years:
        return None  # "سهم صادرات … در سال ۱۴۰۱" of values of 1402
    return [part[-1], whole[-1]], "share"


def _table_flow_share(reader: _Reader, figure: _Figure, flow: str, part: Sequence[Word],
                      ) -> tuple[list[_Figure], str] | None:
    """A flow's share of the two-way trade with a partner whose exports and imports a
    table prints for the share's year: ``part / (part + other) × 100``. ``part``: the
    words naming the flow (the clause names the trade's two sides: `_pair_named`)."""
    year = figure.year
    pair = _pair_named(reader, figure, figure) if year is not None else None
    if pair is None or year is None:
        return None
    head = pair[0][0]
    # "صادرات اسپانیا" of a table of Chile's trade with Spain: Spain's exports, Chile's
    # imports; "صادرات ایران", or no place: the reporter's.
    at = next((k for k, w in enumerate(part) if V.FLOW_NOUNS.get(w.text) == flow), None)
    place = _place_at(part, at + 1) if at is not None else None
    if place is not None and place[0] == head.partner:
        flow = V.IMPORT if flow == V.EXPORT else V.EXPORT
    elif place is not None and head.table_reporter and place[0] != head.table_reporter:
        return None
    exports, imports = (reader.value_in(series, year) for series in pair)
    if exports is None or imports is None:
        return None
    return ([exports, imports] if flow == V.EXPORT else [imports, exports]), "share_of_two_way"


def _remainder(reader: _Reader, part: _Figure, phrase: Sequence[Word],
               ) -> list[_Figure] | None:
    """``… ۴۵ درصد واردات ایران از هند`` where only the trade with India and the exports
    to it are printed: the imports are the trade less the exports (trade, exports)."""
    places = {p[0] for k in range(1, len(phrase)) if (p := _place_at(phrase, k)) is not None
              and phrase[k - 1].text in V.PLACE_PREPOSITIONS}
    flows = {V.FLOW_NOUNS[w.text] for w in phrase if w.text in V.FLOW_NOUNS} & set(V.FLOWS)
    if len(places) != 1 or len(flows) != 1:
        return None
    place, flow = next(iter(places)), next(iter(flows))
    earlier = [f for f in reader.inputs_before(part, part.amount.dimension)
               if not f.base and f.partner in ("", place) and not _is_part(reader, f)]
    if any(f.flow == flow and f.partner == place for f in earlier):
        return None  # the flow is printed: it is the whole, or the text is not read
    trade = [f for f in earlier if f.flow == V.TRADE]
    other = [f for f in earlier if f.flow in V.FLOWS and f.flow != flow and f.partner == place]
    if len(trade) != 1 or len(other) != 1:
        return None
    return [trade[0], other[0]]


def _these(words_: Sequence[Word]) -> int | None:
    """N of ``این N کشور`` (``این دو کشور``, ``این سه گروه``) in the words before a share."""
    for a, b in itertools.pairwise(words_):
        if a.text == "این" and b.text in V.NUMBER_WORDS and 2 <= V.NUMBER_WORDS[b.text] <= 9:
            return V.NUMBER_WORDS[b.text]
    return None


def _last_listed(reader: _Reader, figure: _Figure, count: int) -> list[_Figure]:
    """The ``count`` values the line before a figure lists (and nothing else of theirs)."""
    earlier = [f for f in reader.figures[max(0, figure.index - LOOKBACK):figure.index]
               if f.amount.is_amount and f.line < figure.line and not f.table]
    if not earlier:
        return []
    line = earlier[-1].line
    listed = [f for f in earlier if f.line == line and not f.claim and not f.base
              and not f.total]
    if len(listed) != count or len({f.amount.dimension for f in listed}) != 1:
        return []
    return listed


def _respective_shares(reader: _Reader, figure: _Figure, members: list[_Figure],
                       ) -> tuple[list[_Figure], str, str]:
    """``کل واردات گندم و جو … به ترتیب X و Y؛ سهم روسیه از … به ترتیب A و B درصد``: each
    share of the place's own value of the same rank over the total of that rank."""
    lead = figure.clause_words.before(members[0].amount.start, 12)
    at = [i for i, w in enumerate(lead) if w.text == "سهم"]
    subject = lead[at[-1] + 1:] if at else []
    cut = next((i for i, w in enumerate(subject) if w.text == "از"), len(subject))
    places = {p[0] for k in range(cut) if (p := _place_at(subject[:cut], k)) is not None}
    if not _phrase_in(figure.clause_words.around(figure), V.RESPECTIVELY) or len(places) != 1:
        return [], "", "no_operands"
    place, count, rank = next(iter(places)), len(members), members.index(figure)
    earlier = [f for f in reader.figures[max(0, figure.index - LOOKBACK):figure.index]
               if f.amount.is_amount and not f.base and not f.table]
    own = [f for f in earlier if f.partner == place and not f.total][-count:]
    totals = [f for f in earlier if f.total and not f.partner][-count:]
    if len(own) != count or len(totals) != count or len({f.line for f in own}) != 1 or \
            len({f.line for f in totals}) != 1 or \
            own[rank].amount.dimension != totals[rank].amount.dimension:
        return [], "", "no_operands"
    return [own[rank], totals[rank]], "share", ""


def _destination_value(reader: _Reader, figure: _Figure) -> _Figure | None:
    """``عراق با ۴۸ درصد، افغانستان با ۱۷ درصد …``: a share written beside its place is
    of that place's one value printed in the paragraph (before or just after it), of a
    whole no partner's own."""
    prior = figure.clause_words.before(figure.amount.start, 1)
    if not figure.partner or not prior or prior[0].text != "با":
        return None
    own = [f for f in reader.figures[max(0, figure.index - LOOKBACK):figure.index + LOOKBACK]
           if f.amount.is_amount and f.partner == figure.partner and not f.base
           and not f.claim and abs(f.line - figure.line) <= 2]
    if len(own) != 1:
        return None
    wholes = [f for f in reader.inputs_before(own[0], own[0].amount.dimension)
              if not f.base and not f.partner and not _is_part(reader, f)]
    return own[0] if len(wholes) == 1 else None


def _subject_value(reader: _Reader, figure: _Figure, whole: _Figure | None,
                   lead: Sequence[Word]) -> _Figure | None:
    """The value of what a share is a share of: the place or thing named before it
    (``عراق … ۲۰ درصد``, ``سهم بازارچه‌های مرزی از آن``, ``سهم سیب از …``), printed
    earlier for the share's year; or the one table's value when the table is of it."""
    words_ = [w for w in lead if whole is None or w.start >= whole.amount.end]
    if _phrase_in(words_, "این سهم"):
        words_ = []  # "این سهم": the subject of the share before
    cut = next((i for i, w in enumerate(words_) if w.text == "از"), len(words_))
    subject = words_[:cut]
    places = {p[0] for k in range(len(subject)) if (p := _place_at(subject, k)) is not None}
    if places and whole is None:
        # "سهم ایران از کل تجارت اتحادیه اروپا": a place's share of a total the text does
        # not print; the place may be the partner of every value printed.
        return None
    content = {_stem(w.text) for w in subject if w.kind == "word"} - V.STOP_WORDS - {
        "سهم", "مقصد", "بود", "است"} - places
    dimension = whole.amount.dimension if whole is not None else ""
    year = figure.year if figure.year is not None else (whole.year if whole else None)
    table = reader.table_for(figure)
    if table is not None and year is not None and (not content or content & {
            _stem(w) for w in table[0].table_product.split()}) and not places:
        value = reader.value_in(table, year)
        if value is not None and (not dimension or value.amount.dimension == dimension):
            return value
    if not places and not content:
        return None
    candidates = [f for d in ([dimension] if dimension else (*V.MONEY, "kg"))
                  for f in reader.inputs_before(whole or figure, d)
                  if not f.base and not f.total and f is not whole]
    if places:
        found = [f for f in candidates if f.partner in places]
    else:
        found = [f for f in candidates if content & _named_with(f, loose=True)]
    if year is not None:
        dated = [f for f in found if f.year == year]
        found = dated or ([] if any(f.year is not None for f in found) else found)
    if whole is not None:
        found = [f for f in found if _flows_agree(f, whole)]
    return found[-1] if len({f.amount.dimension for f in found}) == 1 and (
        places or len(found) == 1) else None


def _flows_agree(a: _Figure, b: _Figure) -> bool:
    return not (a.flow and b.flow and a.flow != b.flow)


def _is_part(reader: _Reader, figure: _Figure) -> bool:
    """An amount in a clause that states a share: a part, not a whole."""
    return figure.clause_words.states_share


def _alike(candidates: list[_Figure], content: set[str]) -> _Figure | None:
    """The one candidate named with any of ``content``'s words: beside it first, then
    anywhere in its clause."""
    for loose in (False, True):
        alike = [f for f in candidates if content & _named_with(f, loose=loose)]
        if len(alike) == 1:
            return alike[0]
        if alike:
            return None
    return None


def _whole(reader: _Reader, figure: _Figure, parts: list[_Figure],  # noqa: PLR0911  one per way
           phrase: list[Word]) -> _Figure | str:
    """What a share is a share of: a total the text introduces as such (``کل``,
    ``مجموع``), or the value the share's words point back to (``این صادرات``), or the
    one value of the parts' dimension printed before them."""
    dimension = parts[0].amount.dimension
    places = {p[0] for k in range(len(phrase)) if (p := _place_at(phrase, k)) is not None
              and k > 0 and phrase[k - 1].text in V.PLACE_PREPOSITIONS}
    flows = {V.FLOW_NOUNS[w.text] for w in phrase if w.text in V.FLOW_NOUNS}

    def fits(f: _Figure) -> bool:
        if f.amount.dimension != dimension or f in parts or f is figure:
            return False
        if places and f.partner not in places:
            return False
        if flows and f.flow and f.flow not in flows:
            return False
        if f.flow != V.TRADE and not _flows_agree(f, parts[0]):
            return False  # exports as a share of imports is no share
        if f.claim and any(f.line == part.line for part in parts):
            return False  # "به ترتیب X، Y و Z … و مجموع آن‌ها W": the parts' own sum
        return parts[0].year is None or f.year in (None, parts[0].year)

    says_total = _has(phrase, ("کل", "مجموع", "آن", "این"))
    totals = [f for f in reader.totals_until(dimension, figure.line + 1) if fits(f)]
    # "۲۵٫۳ درصد عملیات بندر" of "مجموع عملیات بندری این بندر …": the total named alike;
    # of several totals (a country's and a province's), never merely the last.
    content = {_stem(w.text) for w in phrase if w.kind == "word"} - V.STOP_WORDS
    alike = _alike(totals, content)
    if alike is not None:
        return alike
    if totals and says_total:
        return totals[-1] if len(totals) == 1 else "no_whole"
    if places:
        own = [f for f in reader.inputs_before(parts[0], dimension) if fits(f) and not f.base
               and not _is_part(reader, f)]
        return own[-1] if own else "no_whole"
    earlier = [f for f in reader.inputs_before(parts[0], dimension)
               if not f.base and fits(f) and not _is_part(reader, f)]
    if content:  # "۴۳ درصد سیمان صادراتی": the value named with the same product
        alike = _alike(earlier, content)
        if alike is not None:
            return alike
    refers_back = _has(phrase[:3], ("این", "آن"))
    if refers_back and earlier:
        return earlier[-1]
    if len(earlier) == 1:
        return earlier[0]
    return "no_whole"


def _points_operands(reader: _Reader, figure: _Figure) -> tuple[list[_Figure], str]:
    """Two printed shares ``از A درصد … به B درصد`` in the line or the line before."""
    on_this_line = [f for f in reader.by_line[figure.line][:4 * CROWDED]
                    if f.amount.dimension == V.PERCENT][:CROWDED + 1]
    # The line before only where this one names no other share and points back to it
    # ("این کاهش ۳٫۳ واحد درصدی").
    refers_back = not on_this_line and "این" in {
        w.text for w in figure.clause_words.before(figure.amount.start, 4)}
    for back in (0, 1) if refers_back else (0,):
        on_line = reader.by_line.get(figure.line - back, [])
        if len(on_line) > CROWDED:
            return [], "unknown_construction"
        figures = [f for f in on_line
                   if f.amount.dimension == V.PERCENT and f is not figure and not (
                       back == 0 and f.amount.start > figure.amount.start)]
        if back == 1 and reader.by_line.get(figure.line - 1) is None:
            continue
        pairs = [(a, b) for a, b in itertools.pairwise(figures)
                 if a.base or (a.year and b.year and a.year < b.year)]
        if len(figures) == 2 and len(pairs) == 1:
            return list(pairs[0]), ""
        if len(figures) == 1 and back == 0:
            # "این سهم در سال ۱۴۰۱ … ۳۳٫۵ درصد بود و … ۴٫۹ واحد درصد کاهش": this share
            # and the one share of another year on the line before.
            previous = [f for f in reader.by_line.get(figure.line - 1, [])[:4 * CROWDED]
                        if f.amount.dimension == V.PERCENT]
            dated = [f for f in (*previous, figures[0]) if f.year is not None]
            if len(previous) == 1 and len(dated) == 2 and dated[0].year != dated[1].year:
                older, newer = sorted(dated, key=lambda f: f.year or 0)
                return [older, newer], ""
        if figures:
            return [], "unknown_construction"
    return [], "no_operands"


def _multiple_operands(reader: _Reader, figure: _Figure) -> tuple[list[_Figure], str]:  # noqa: PLR0911  one return per reason
    """(smaller, larger) amounts of one multiple: ``Y … دو برابر X``, ``از X به Y``."""
    clause = [f for f in reader.in_clause(figure) if f.amount.is_amount and not f.claim]
    dims = {f.amount.dimension for f in clause}
    if len(clause) == 2 and len(dims) == 1:
        a, b = clause
        if a.base and not b.base:
            return [a, b], ""
        if b.base and not a.base:
            return [b, a], ""
        if a.amount.start < figure.amount.start < b.amount.start:
            return [b, a], ""  # "Y … دو برابر X"
        return [], "unknown_construction"
    if not clause:
        products = _product_multiple(reader, figure)
        if products is not None:
            return products, ""
        # "ارزش صادرات به این کشور سی برابر واردات از آن": the two flows of one partner.
        before = {V.FLOW_NOUNS.get(w.text) for w in figure.clause_words.before(
            figure.amount.start, 6)}
        after = next((V.FLOW_NOUNS[w.text] for w in figure.clause_words.after(
            figure.amount.end, 2) if w.text in V.FLOW_NOUNS), "")
        if after in V.FLOWS and (set(V.FLOWS) - {after}) & before:
            money = [f for d in V.MONEY for f in reader.inputs_before(figure, d)[-1:]]
            if len(money) != 1:
                return [], "no_operands"
            operands, _, reason = _balance_operands(reader, figure, money[0].amount.dimension)
            if not operands or operands[0].flow != V.EXPORT or operands[1].flow != V.IMPORT:
                return [], reason or "no_operands"
            exports, imports = operands
            return ([imports, exports] if after == V.IMPORT else [exports, imports]), ""
    return _change_operands(reader, figure)


def _product_multiple(reader: _Reader, figure: _Figure) -> list[_Figure] | None:
    """``ارزش صادرات مس سه برابر طلا بود``: the values printed for the two things named
    on either side of ``برابر`` (each the one value named with it)."""
    before = [w for w in figure.clause_words.before(figure.amount.start, 4) if w.kind == "word"]
    after = [w for w in figure.clause_words.after(figure.amount.end, 2) if w.kind == "word"]
    if not before or not after:
        return None
    larger, smaller = _stem(before[-1].text), _stem(after[0].text)
    if larger in V.STOP_WORDS or smaller in V.STOP_WORDS or larger == smaller:
        return None
    found = []
    for product in (smaller, larger):
        candidates = [f for d in V.MONEY for f in reader.inputs_before(figure, d)
                      if not f.base and product in _named_with(f)]
        if len(candidates) != 1:
            return None
        found.append(candidates[0])
    if found[0].amount.dimension != found[1].amount.dimension:
        return None
    return found


def _balance_operands(reader: _Reader, figure: _Figure, dimension: str = "",
                      ) -> tuple[list[_Figure], str, str]:
    """Exports and imports (or the trade total) printed before a balance, of one
    partner and period."""
    dimension = dimension or figure.amount.dimension
    if figure.year is not None:  # "مازاد … در سال ۲۰۲۲": the values of that year
        earlier = [f for f in reader.inputs_before(figure, dimension) if f.year == figure.year]
    else:
        earlier = [f for f in reader.inputs_before(figure, dimension) if not f.base]

    def of_flow(flow: str) -> list[_Figure]:
        # The partner's own values; values naming no partner only where the text gives
        # this flow for no other partner.
        flowing = [f for f in earlier if f.flow == flow]
        own = [f for f in flowing if f.partner == figure.partner]
        if own:
            return own
        if not figure.partner:  # the one partner every value of both flows is of
            return flowing if len({f.partner for f in earlier if f.flow in V.FLOWS}) <= 1 \
                else []
        return [] if any(f.partner for f in flowing) else flowing

    exports, imports, trade = of_flow(V.EXPORT), of_flow(V.IMPORT), of_flow(V.TRADE)
    if exports and imports:
        return [exports[-1], imports[-1]], "balance", ""
    if exports and trade:
        return [exports[-1], trade[-1]], "balance_of_trade_total", ""
    return [], "", "no_operands"


def _sum_operands(reader: _Reader, figure: _Figure) -> tuple[list[_Figure], str]:  # noqa: PLR0911  one return per way
    """The amounts a total adds up: listed before it in its clause, else in the line
    before (their number named by ``دو``, ``سه`` … when the text names it)."""
    dimension = figure.amount.dimension
    clause = [f for f in reader.in_clause(figure) if f.amount.is_amount and not f.claim
              and f.amount.dimension == dimension and f.amount.start < figure.amount.start]
    if len(clause) >= 2:
        return clause, ""
    before = figure.clause_words.before(figure.amount.start)
    count = next((V.NUMBER_WORDS[w.text] for w in before
                  if w.text in V.NUMBER_WORDS and 2 <= V.NUMBER_WORDS[w.text] <= 9), None)
    if clause:
        return [], "no_operands"
    if any(V.FLOW_NOUNS.get(w.text) == V.TRADE for w in before[-8:]):
        # "مجموع تجارت خارجی کشور …": exports and imports
        operands, formula, reason = _balance_operands(reader, figure)
        return (operands, "") if formula == "balance" else ([], reason or "no_operands")
    if count is None:
        # "مجموع عملیات بندری این بندر …" with nothing listed beside it: every value of
        # its dimension the text printed before, where they are few and just before.
        earlier = [f for f in reader.inputs_before(figure, dimension) if not f.base
                   and not f.total and _flows_agree(f, figure)]
        everything = [f for f in reader.inputs.get(dimension, []) if f.index < figure.index]
        if 2 <= len(earlier) <= 4 and len(earlier) == len(everything) and \
                figure.line - earlier[0].line <= 3:
            return earlier, ""
        return [], "no_operands"
    earlier = [f for f in reader.inputs_before(figure, dimension, lines_back=2)
               if not f.base and not f.total
               and (not figure.partner or f.partner == figure.partner)
               and (figure.flow == V.TRADE or _flows_agree(f, figure))]
    if len(earlier) < count:
        return [], "no_operands"
    chosen = earlier[-count:]
    lines = {f.line for f in chosen}
    # "مجموع صادرات این سه میوه": the three values are all the lines print (one list),
    # not the last three of whatever they name.
    if len(lines) > 2 or any(f.line in lines and f not in chosen for f in earlier):
        return [], "no_operands"
    return chosen, ""


def prose_claims(source: str, lines: Sequence[tuple[int, str]],
                 taken: dict[int, list[tuple[int, int]]] | None = None,
                 cells: Sequence[TableCell] = (), table_claims: Sequence[Claim] = (),
                 ) -> tuple[list[Claim], list[Claim]]:
    """Every stated figure of the prose lines of one document, as claims.

    Parameters
    ----------
    source : str
        The file name recorded as provenance.
    lines : sequence of (line number, raw line)
        The document's prose lines, in order (tables left out).
    taken : dict, optional
        By line number, the folded spans of numbers other forms already read.
    cells, table_claims : sequence
        The document's table values and the figures its tables state.

    Returns
    -------
    claims : list of Claim
        The prose claims.
    table_claims : list of Claim
        The table claims, a share of a total the prose prints tied to it.
    """
    reader = _Reader(source, lines, taken or {}, cells)
    claims: list[Claim] = []
    for figure in reader.figures:
        amount = figure.amount
        before = figure.clause_words.before(amount.start)
        if len(reader.in_clause(figure)) > CROWDED:  # not a sentence: nothing is linked
            if not amount.is_amount or figure.claim:
                claims.append(_claim(reader, figure, _kind(reader, figure), 1, (), "",
                                     "unknown_construction"))
            continue
        if amount.is_amount:
            claim = _amount_claim(reader, figure, before)
            if claim is not None:
                claims.append(claim)
            continue
        members = _list_of(reader, figure)
        kind = _kind(reader, members[-1])
        last = members[-1]
        sign = _sign(last.clause_words.after(last.amount.end),
                     before) if kind in (_CHANGE, _POINTS, _CAGR) else 1
        if kind == _CHANGE:
            operands, formula, reason = _change_claim(reader, figure, members)
            claims.append(_claim(reader, figure, kind, sign, operands, formula, reason))
        elif kind == _POINTS:
            operands, reason = _points_operands(reader, figure)
            claims.append(_claim(reader, figure, kind, sign, operands,
                                 "points" if operands else "", reason))
        elif kind == _MULTIPLE:
            operands, reason = _multiple_operands(reader, figure)
            claims.append(_claim(reader, figure, kind, 1, operands,
                                 "multiple" if operands else "", reason))
        elif kind == _CAGR:
            operands, years, reason = _cagr_operands(reader, figure)
            claims.append(_claim(reader, figure, kind, sign, operands,
                                 "cagr" if operands else "", reason, years))
        elif kind == _SHARE:
            operands, formula, reason = _share_operands(reader, figure, members)
            claims.append(_claim(reader, figure, kind, 1, operands, formula, reason))
        else:
            claims.append(_claim(reader, figure, kind, sign, (), "", "no_figures"))
    return claims, [_tied_table_share(reader, claim) for claim in table_claims]


def _tied_table_share(reader: _Reader, claim: Claim) -> Claim:
    """A table's share column of a total the prose prints (``کل صادرات … در سال ۲۰۲۲
    معادل X``): tied to that total where the document has this one table and one such
    total of the share's year; any other claim as it is."""
    if claim.kind != V.SHARE or not claim.table or claim.year_to is None:
        return claim
    value = reader.value_in(reader.tables.get(claim.table), claim.year_to)
    if value is None:
        return claim
    totals = [f for f in reader.totals.get(value.amount.dimension, [])
              if f.year == claim.year_to and f.flow in ("", claim.base) and not f.table]
    if len(totals) != 1:
        return claim
    return dataclasses.replace(claim, operands=(_operand(reader.source, value),
                                                _operand(reader.source, totals[0])),
                               formula="share")


def _amount_claim(reader: _Reader, figure: _Figure, before: list[Word]) -> Claim | None:
    if not figure.claim:
        return _table_trade(reader, figure)
    if figure.price:
        operands, unit, reason = _price_operands(reader, figure)
        claim = _claim(reader, figure, V.PROSE_OTHER, 1, operands,
                       "unit_price" if operands else "", reason)
        if unit:
            claim = dataclasses.replace(claim, quantity=dataclasses.replace(
                claim.quantity, unit=unit))
        return claim
    if figure.passed:
        # The one value of this flow and year the text prints.
        found = [f for f in reader.dated.get((figure.amount.dimension, figure.year or 0), [])
                 if f is not figure and not f.base and not f.claim and not f.table
                 and f.flow == figure.flow][:LOOKBACK]
        claim = _claim(reader, figure, V.PROSE_OTHER, 1, found[:1] if len(found) == 1 else (),
                       "value" if len(found) == 1 else "", "no_operands")
        return dataclasses.replace(claim, comparator=V.MORE)
    if _has(before, V.BALANCE_WORDS):
        after = figure.clause_words.after(figure.amount.end, 2)
        sign = -1 if _has(before, V.DEFICIT_WORDS) or _has(after, V.DEFICIT_WORDS) else 1
        operands, formula, reason = _balance_operands(reader, figure)
        return _claim(reader, figure, V.BALANCE, sign, operands, formula, reason)
    if _has(before, V.SUM_WORDS):
        operands, reason = _sum_operands(reader, figure)
        return _claim(reader, figure, V.SUM, 1, operands, "sum" if operands else "", reason)
    return _claim(reader, figure, "other", 1, (), "", "unknown_construction")
