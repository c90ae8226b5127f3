"""Check each claim against the documents' own numbers, exactly.

Every printed number stands for its rounding interval (``۲۶۳۸`` for
[2637.5, 2638.5], ``۴۳/۸`` for [43.75, 43.85]; both ends are included, so a
tie counts under any rounding rule). A stated figure is recomputed from the
printed values in exact arithmetic (`fractions.Fraction`), and also over the
whole box of values the table's rounding allows. Each formula used
(`chile_trade.core.formulas`) is monotone in each of its inputs, so the
extremes over the box lie at its corners and are found exactly by evaluating
every corner. A number used twice (the same table value as a partner's value
and as the table behind a total) is one variable of the box, not two.

Verdicts (`chile_trade.core.vocabulary.VERDICTS`):

``exact``
    the value recomputed from the printed numbers rounds to the stated one
    (for ``بیش از``/``کمتر از``/``حدود``: satisfies the comparison);
``within_rounding``
    only some values inside the table's rounding intervals give it;
``inconsistent``
    no values inside the rounding intervals give it;
``unverifiable``
    the documents do not hold the data to check it (``reason`` says why).

Where one can be shown, ``cause`` names a cause: ``double rounding``,
``transposed digits``, ``mislabelled column`` or ``wrong period``.

Records in, `Verdict` records out; the sentences are written by
`chile_trade.present.explain`.
"""

from __future__ import annotations

import bisect
import dataclasses
import itertools
import operator
from collections.abc import Callable, Iterable, Sequence
from decimal import Decimal
from fractions import Fraction

from chile_trade.core import formulas as F
from chile_trade.core import vocabulary as V
from chile_trade.core.numbers import ParsedNumber
from chile_trade.core.records import Claim, Note, Operand, ReferenceFigure, TableCell, Verdict

__all__ = ["ABOUT_TOLERANCE", "SWAP_DIGIT_LIMIT", "Documents", "Ratio", "Reference",
           "accepted_band", "check", "check_against_reference", "judge", "round_half_up",
           "truncate"]

ABOUT_TOLERANCE = Fraction(5, 100)
"""``حدود N`` (about N) accepts values within 5 % of N, or N's own rounding if wider."""

SWAP_DIGIT_LIMIT = 12
"""Numbers with more digits than this are not searched for transposed digits: a
report's figures have fewer, and the search stays bounded."""


def round_half_up(value: Fraction, decimals: int) -> Decimal:
    """Round an exact value to ``decimals`` places, ties away from zero.

    Examples
    --------
    >>> round_half_up(Fraction(43745, 1000), 2), round_half_up(Fraction(4375, 100), 1)
    (Decimal('43.75'), Decimal('43.8'))
    """
    # floor(|n/d| × 10^k + 1/2) in integers: (2|n|·10^k + d) // 2d.
    n, d = abs(value.numerator), value.denominator
    units = (2 * n * 10**decimals + d) // (2 * d)
    # Built from its digits: Decimal arithmetic would round to the context's 28 digits.
    return Decimal((int(value.numerator < 0 and units > 0), tuple(map(int, str(units))),
                    -decimals))


_ONE_SIDED = {V.MORE: operator.gt, V.LESS: operator.lt, V.AT_LEAST: operator.ge,
              V.AT_MOST: operator.le}


def truncate(value: Fraction, decimals: int) -> Decimal:
    """Cut an exact value to ``decimals`` places, toward zero.

    Examples
    --------
    >>> truncate(Fraction(2955, 100), 0), truncate(Fraction(-2955, 100), 1)
    (Decimal('29'), Decimal('-29.5'))
    """
    units = abs(value.numerator) * 10**decimals // value.denominator
    return Decimal((int(value.numerator < 0 and units > 0), tuple(map(int, str(units))),
                    -decimals))


def accepted_band(stated: ParsedNumber, comparator: str, low: ParsedNumber | None = None,
                  ) -> tuple[Fraction, Fraction] | None:
    """The values a stated figure accepts: its rounding interval, 5 % either side for
    *about* (or its rounding if wider), from the low bound's interval to the stated
    (high) one's for a *range* (``low``); ``None`` for the one-sided comparisons.

    Examples
    --------
    >>> from chile_trade.core.numbers import parse_number
    >>> [str(x) for x in accepted_band(parse_number("20"), "~")]
    ['19', '21']
    """
    if comparator in _ONE_SIDED:
        return None
    if comparator == V.RANGE:
        if low is None:
            raise ValueError("a range needs its low bound")
        return min(low.low, stated.low), max(low.high, stated.high)
    if comparator == V.ABOUT:
        tolerance = max(stated.half_unit, abs(stated.exact) * ABOUT_TOLERANCE)
        return stated.exact - tolerance, stated.exact + tolerance
    return stated.low, stated.high


def judge(point: Fraction, low: Fraction, high: Fraction, stated: ParsedNumber,
          comparator: str = V.EQUAL, *, stated_low: ParsedNumber | None = None) -> str:
    """The verdict for a recomputed value against a stated figure.

    Parameters
    ----------
    point : Fraction
        The value recomputed from the printed numbers.
    low, high : Fraction
        The range of values the printed numbers' rounding allows.
    stated : ParsedNumber
        The stated figure, with its printed precision.
    comparator : {'=', '>', '<', '>=', '<=', '~', 'range'}
        What the text claims: equal (after rounding), more than, less than,
        at least, at most, about, between ``stated_low`` and ``stated``.
    stated_low : ParsedNumber, optional
        A range's low bound.

    Returns
    -------
    str
        ``'exact'``, ``'within_rounding'`` or ``'inconsistent'``.

    Examples
    --------
    >>> from chile_trade.core.numbers import parse_number
    >>> p = Fraction(115400, 2638)  # (3792 - 2638) / 2638 * 100 = 43.745...
    >>> judge(p, p, p, parse_number("43.8"))
    'inconsistent'
    >>> judge(p, Fraction(43699, 1000), Fraction(43791, 1000), parse_number("43.8"))
    'within_rounding'
    """
    if comparator not in V.COMPARATORS:
        raise ValueError(f"comparator must be one of {V.COMPARATORS}; got {comparator!r}")
    if comparator in _ONE_SIDED:
        # The printed values satisfy the comparison (exact), only some values inside their
        # rounding do (within rounding), or none does.
        holds = _ONE_SIDED[comparator]
        s = stated.exact
        reach = high if comparator in (V.MORE, V.AT_LEAST) else low
        return V.EXACT if holds(point, s) else V.WITHIN_ROUNDING if holds(reach, s) \
            else V.INCONSISTENT
    band = accepted_band(stated, comparator, stated_low)
    assert band is not None
    s_low, s_high = band
    if s_low <= point <= s_high:
        return V.EXACT
    if low <= s_high and high >= s_low:
        return V.WITHIN_ROUNDING
    return V.INCONSISTENT


# ------------------------------------------------------------ evaluation

# An operand with the key of the printed number it is: a number used twice is one
# variable of the box.
_Keyed = tuple[str, Operand]


def _unique(operands: Sequence[_Keyed]) -> dict[str, ParsedNumber]:
    return {key: operand.number for key, operand in operands}


class Ratio:
    """An exact rational as an unreduced pair of integers (denominator positive).

    The corner search evaluates a formula at up to 2**n corners and compares the
    results; `fractions.Fraction` reduces every intermediate value by a gcd, which
    costs more than the arithmetic itself. A `Ratio` is reduced once, when turned
    back into a `Fraction`. Only what the formulas use is defined: ``+ − × ÷`` with
    another `Ratio` or an int, and comparison.
    """

    __slots__ = ("d", "n")

    def __init__(self, n: int, d: int = 1):
        self.n, self.d = n, d

    @classmethod
    def of(cls, value: Fraction) -> Ratio:
        return cls(value.numerator, value.denominator)

    def fraction(self) -> Fraction:
        return Fraction(self.n, self.d)

    def __add__(self, other: Ratio | int) -> Ratio:
        if type(other) is int:
            return Ratio(self.n + other * self.d, self.d)
        assert isinstance(other, Ratio)
        return Ratio(self.n * other.d + other.n * self.d, self.d * other.d)

    __radd__ = __add__

    def __neg__(self) -> Ratio:
        return Ratio(-self.n, self.d)

    def __sub__(self, other: Ratio | int) -> Ratio:
        return self + (-other)

    def __rsub__(self, other: Ratio | int) -> Ratio:
        return (-self) + other

    def __mul__(self, other: Ratio | int) -> Ratio:
        if type(other) is int:
            return Ratio(self.n * other, self.d)
        assert isinstance(other, Ratio)
        return Ratio(self.n * other.n, self.d * other.d)

    __rmul__ = __mul__

    def __truediv__(self, other: Ratio | int) -> Ratio:
        n, d = (other, 1) if type(other) is int else (other.n, other.d)  # type: ignore[union-attr]
        if n == 0:
            raise ZeroDivisionError("Ratio division by zero")
        return Ratio(self.n * d, self.d * n) if n > 0 else Ratio(-self.n * d, -self.d * n)

    def __rtruediv__(self, other: Ratio | int) -> Ratio:
        return Ratio(other, 1) / self if type(other) is int else other / self

    def __lt__(self, other: Ratio) -> bool:
        return self.n * other.d < other.n * self.d

    def __gt__(self, other: Ratio) -> bool:
        return self.n * other.d > other.n * self.d


def _point(formula: str, operands: Sequence[_Keyed],
           numbers: dict[str, ParsedNumber] | None = None) -> Fraction:
    numbers = _unique(operands) if numbers is None else numbers
    values = {key: Ratio.of(n.exact) for key, n in numbers.items()}
    result: Ratio = F.FORMULAS[formula](*(values[key] for key, _ in operands))
    return result.fraction()


def _evaluate(formula: str, operands: Sequence[_Keyed],
              numbers: dict[str, ParsedNumber] | None = None,
              ) -> tuple[Fraction, Fraction, Fraction]:
    """The formula at the printed values, and its least and greatest value over the box
    of their rounding intervals (at its corners: every formula is monotone in each input)."""
    numbers = _unique(operands) if numbers is None else numbers
    keys = list(numbers)
    where = [keys.index(key) for key, _ in operands]  # each operand's variable of the box
    ends = [(Ratio.of(numbers[k].low), Ratio.of(numbers[k].high)) for k in keys]
    function = F.FORMULAS[formula]
    corners: list[Ratio] = [function(*[corner[i] for i in where])
                            for corner in itertools.product(*ends)]
    return (_point(formula, operands, numbers), min(corners).fraction(),
            max(corners).fraction())


def _unverifiable(claim: Claim, code: str, *values: object) -> Verdict:
    return Verdict(claim, V.UNVERIFIABLE, reason=Note(code, values))


# ------------------------------------------------------------ likely causes

def _adjacent_swaps(number: ParsedNumber) -> list[ParsedNumber]:
    """The numbers that differ from ``number`` by two neighbouring digits swapped."""
    digits = f"{number.value.copy_abs():f}"  # exact, unlike abs(), which rounds to 28 digits
    if sum(ch.isdigit() for ch in digits) > SWAP_DIGIT_LIMIT:
        return []
    swapped = []
    for i in range(len(digits) - 1):
        a, b = digits[i], digits[i + 1]
        if a.isdigit() and b.isdigit() and a != b:
            text = digits[:i] + b + a + digits[i + 2:]
            sign = "-" if number.value < 0 else ""
            swapped.append(ParsedNumber(Decimal(sign + text), number.decimals, text))
    return swapped


def _cause(formula: str, operands: Sequence[_Keyed], point: Fraction, stated: ParsedNumber,
           comparator: str) -> Note | None:
    """The likely cause of a figure that is not exact, with its facts."""
    if comparator != V.EQUAL:
        return None
    # Cut off, not rounded (Iranian customs often print 29.55 as 29).
    truncated = truncate(point, stated.decimals)
    if truncated == stated.value and round_half_up(point, stated.decimals) != stated.value:
        return Note(V.TRUNCATION, (point, truncated))
    for extra in (1, 2):
        once = round_half_up(point, stated.decimals + extra)
        twice = round_half_up(Fraction(once), stated.decimals)
        if twice == stated.value:
            return Note(V.DOUBLE_ROUNDING, (point, once, twice))
    for swap in _adjacent_swaps(stated):
        if swap.low <= point <= swap.high:
            return Note("transposed_stated", (swap.text,))
    numbers = _unique(operands)
    for key, number in numbers.items():
        for swap in _adjacent_swaps(number):
            p = _point(formula, operands, {**numbers, key: swap})
            if stated.low <= p <= stated.high:
                return Note("transposed_input", (swap.text, number.text))
    return None


def _rescaled(number: ParsedNumber, places: int) -> ParsedNumber:
    """The same printed number in a unit ``10**places`` times larger: 250 thousand is
    0.250 million, its rounding interval divided by the same power (exact)."""
    if places == 0:
        return number
    sign, digits, exponent = number.value.as_tuple()
    value = Decimal((sign, digits, int(exponent) - places))  # built, never rounded
    return ParsedNumber(value, number.decimals + places, number.raw, number.is_percent)


def _in_one_unit(operands: Sequence[_Keyed]) -> list[_Keyed] | Note:
    """The operands with every amount in one unit, the largest of them (a share stays a
    share), or why they cannot be: units that differ by more than a power of ten."""
    units = {operand.unit for _, operand in operands if operand.unit != V.PERCENT}
    if len(units) <= 1:
        return list(operands)
    scales = {unit: V.UNIT_SCALES.get(unit) for unit in units}
    bases = {scale[0] if scale else unit for unit, scale in scales.items()}
    if None in scales.values() or len(bases) > 1:
        return Note("incompatible_units", tuple(sorted(units)))
    top = max(scale[1] for scale in scales.values() if scale)
    top_unit = next(unit for unit, scale in scales.items() if scale and scale[1] == top)
    converted: list[_Keyed] = []
    for key, operand in operands:
        scale = scales.get(operand.unit)
        if operand.unit == V.PERCENT or scale is None or scale[1] == top:
            converted.append((key, operand))
        else:
            converted.append((key, Operand(_rescaled(operand.number, top - scale[1]),
                                           operand.source, top_unit)))
    return converted


def _judged(claim: Claim, formula: str, operands: Sequence[_Keyed],
            notes: tuple[Note, ...] = ()) -> Verdict:
    stated, comparator = claim.stated, claim.comparator
    same_unit = _in_one_unit(operands)
    if isinstance(same_unit, Note):
        return Verdict(claim, V.UNVERIFIABLE, reason=same_unit)
    converted = [new.unit for (_, old), (_, new) in zip(operands, same_unit, strict=True)
                 if new.unit != old.unit]
    if converted:  # amounts in several units of one currency, all in the largest
        notes = (*notes, Note("in_unit", (converted[0],)))
    operands = same_unit
    # Every formula here is of trade values and shares, which are positive; the corner
    # evaluation is exact only where no input's rounding interval reaches zero.
    if not _signs_allowed(formula, [operand.number for _, operand in operands]):
        return _unverifiable(claim, "non_positive_input")
    point, low, high = _evaluate(formula, operands)
    verdict = judge(point, low, high, stated, comparator, stated_low=claim.low)
    cause_note = _cause(formula, operands, point, stated, comparator) \
        if verdict != V.EXACT else None
    cause = ""
    if cause_note is not None:
        cause = V.TRANSPOSED_DIGITS if cause_note.code.startswith("transposed") \
            else cause_note.code
        notes = (cause_note, *notes)
    return Verdict(claim, verdict, formula, tuple(operand for _, operand in operands),
                   point, low, high, accepted_band(stated, comparator, claim.low), cause, None,
                   notes)


def _with_cause(verdict: Verdict, cause: str, note: Note) -> Verdict:
    return dataclasses.replace(verdict, cause=cause, notes=(*verdict.notes, note))


# ------------------------------------------------------------ the documents

_Months = tuple[int, int] | None
"""The months of the year a period holds; None: the whole year."""


class Documents:
    """Look-ups over the table cells and claims of one verification run.

    Everything is indexed once, so each claim costs the same however many
    tables and claims the documents hold.
    """

    def __init__(self, cells: Iterable[TableCell], claims: Iterable[Claim]):
        self.printed: dict[tuple[str, int], TableCell] = {}
        self.series: dict[tuple[str, str, int], str] = {}  # (partner, flow, year) -> table
        self.years: dict[str, list[int]] = {}  # table -> its years, in increasing order
        for cell in cells:
            key = (cell.table, cell.year)
            self.printed[key] = cell
            if cell.quantity.period.months is None:  # (months of a year are not the year)
                self.series.setdefault((cell.subject.partner, cell.subject.flow, cell.year),
                                       cell.table)
            self.years.setdefault(cell.table, []).append(cell.year)
        for years in self.years.values():
            years.sort()
        # (flow, year) -> the shares stated for it, in order: all of them, and
        # those whose label names their own table's flow.
        # (of the same months of the year: a half-year's share implies no year's total)
        self.shares: dict[tuple[str, int, _Months], list[Claim]] = {}
        self.agreeing: dict[tuple[str, int, _Months], list[Claim]] = {}
        for claim in claims:
            if claim.kind != V.SHARE or claim.year_to is None:
                continue
            where = (claim.subject.flow, claim.year_to, claim.quantity.period.months)
            self.shares.setdefault(where, []).append(claim)
            if claim.base == claim.subject.flow:
                self.agreeing.setdefault(where, []).append(claim)

    def value(self, table: str, year: int | None) -> _Keyed | None:
        """A table's printed value in a year, keyed as the cell it is."""
        cell = self.printed.get((table, year)) if year is not None else None
        if cell is None:
            return None
        return f"{table}|{year}", Operand(cell.number, cell.span.source, cell.unit)

    def total(self, flow: str, year: int, *, months: _Months = None, exclude_table: str = "",
              strict_label: bool) -> tuple[_Keyed, _Keyed, Claim] | None:
        """A total of ``flow`` in ``year`` implied by a stated share:
        (the table's value, the share, the share's claim).

        Shares whose label names their own table's flow come first; with
        ``strict_label=False`` a share whose label names another flow is read
        as a share of its table's flow.
        """
        agreeing = self.agreeing.get((flow, year, months), [])
        if strict_label or any(c.table != exclude_table for c in agreeing):
            pick = agreeing
        else:
            pick = self.shares.get((flow, year, months), [])
        for claim in pick:
            if claim.table == exclude_table:
                continue
            value = self.value(claim.table, year)
            if value is not None:
                source = claim.span.source
                return value, (f"{source}|share", Operand(claim.stated, source, V.PERCENT)), claim
        return None


def _neighbouring_periods(years: list[int], y0: int, y1: int) -> list[tuple[int, int]]:
    """Periods a writer may have taken for ``y0``–``y1``: each end moved by at most one
    column of the table (at most eight periods, however many years the table has).

    ``years`` are the table's years in increasing order.

    Examples
    --------
    >>> _neighbouring_periods([1992, 1993, 1994, 1995], 1993, 1994)
    [(1993, 1995), (1992, 1994), (1992, 1993), (1992, 1995), (1994, 1995)]
    """
    i, j = bisect.bisect_left(years, y0), bisect.bisect_left(years, y1)
    ends = [(i + di, j + dj) for di in (0, -1, 1) for dj in (0, -1, 1)]
    return [(years[a], years[b]) for a, b in ends
            if 0 <= a < b < len(years) and (a, b) != (i, j)]


def _check_change(claim: Claim, docs: Documents) -> Verdict:
    y0, y1 = claim.year_from, claim.year_to
    v0, v1 = docs.value(claim.table, y0), docs.value(claim.table, y1)
    if v0 is None or v1 is None or y0 is None or y1 is None:
        return _unverifiable(claim, "no_table_value", y0 if v0 is None else y1)
    verdict = _judged(claim, "percent_change", [v0, v1])
    if verdict.verdict != V.INCONSISTENT or verdict.cause:
        return verdict
    for a, b in _neighbouring_periods(docs.years[claim.table], y0, y1):
        w0, w1 = docs.value(claim.table, a), docs.value(claim.table, b)
        assert w0 is not None
        assert w1 is not None
        point, low, high = _evaluate("percent_change", [w0, w1])
        if judge(point, low, high, claim.stated) != V.INCONSISTENT:
            return _with_cause(verdict, V.WRONG_PERIOD, Note(V.WRONG_PERIOD, (a, b, point)))
    return verdict


def _check_share(claim: Claim, docs: Documents) -> Verdict:
    year, base, flow = claim.year_to, claim.base, claim.subject.flow
    value = docs.value(claim.table, year)
    if value is None or year is None:
        return _unverifiable(claim, "no_table_value", year)
    other = docs.total(base, year, months=claim.quantity.period.months,
                       exclude_table=claim.table, strict_label=True) \
        if base in V.FLOWS else None
    if other is None:
        return _unverifiable(claim, "total_only_through_share", base, year)
    other_value, other_share, other_claim = other
    verdict = _judged(claim, "share_via_implied_total", [value, other_value, other_share],
                      (Note("implied_total", (base, other_claim.span.source)),))
    if verdict.verdict == V.INCONSISTENT and \
            claim.table.split("#", maxsplit=1)[0] == other_claim.table.split("#", maxsplit=1)[0]:
        # two shares of one column that disagree: one of them is wrong, the table does not
        # say which (a whole printed apart, another table's, would)
        return _unverifiable(claim, "shares_disagree", base, year)
    if verdict.verdict == V.INCONSISTENT and not verdict.cause and base != flow:
        return _with_cause(verdict, V.MISLABELLED_COLUMN,
                           Note(V.MISLABELLED_COLUMN, (base, flow)))
    return verdict


def _check_trade_share(claim: Claim, docs: Documents) -> Verdict:
    partner, year = claim.subject.partner, claim.year_to
    if year is None:
        return _unverifiable(claim, "no_figures")
    operands: list[_Keyed] = []
    notes = [Note("totals_implied")]
    for flow in V.FLOWS:
        table = docs.series.get((partner, flow, year))
        total = docs.total(flow, year, strict_label=False)
        if table is None:
            return _unverifiable(claim, "no_series", flow, year)
        if total is None:
            return _unverifiable(claim, "no_total", flow, year)
        value = docs.value(table, year)
        assert value is not None
        total_value, share, share_claim = total
        operands += [value, total_value, share]
        if share_claim.base != flow:
            notes.append(Note("share_read_as", (share_claim.span.source, flow,
                                                share_claim.base)))
    return _judged(claim, "share_of_implied_total_trade", operands, tuple(notes))


# ------------------------------------------------------------ prose claims

_AMOUNT_RESULTS = frozenset({"balance", "balance_of_trade_total", "sum", "value", "difference",
                             "mean"})
"""Formulas whose value is an amount in the operands' unit (the rest give a percent,
percentage points or a multiple)."""


def _scaled(number: ParsedNumber, places: int) -> ParsedNumber:
    return _rescaled(number, places) if places else number


def _one_power(claim: Claim) -> tuple[list[_Keyed], ParsedNumber, ParsedNumber | None,
                                      Fraction] | Note:
    """The operands in one unit (and the stated figure too, when it is an amount):
    the largest power of ten among them, reached by moving the decimal point (exact).
    Returns the keyed operands, the stated figure and its low bound in that unit, and
    the factor back to the stated figure's unit; or why the units do not mix."""
    amount_result = claim.formula in _AMOUNT_RESULTS and claim.unit not in (V.PERCENT, V.POINTS)
    same_unit = len({q.unit for q in claim.operands}) == 1 and not amount_result
    # Values of one unit, whatever it is (a table whose unit the document does not name),
    # give a percentage without any conversion.
    scales = [(q.unit, 0) if same_unit and V.unit_scale(q.unit) is None
              else V.unit_scale(q.unit) if q.unit != V.PERCENT else (V.PERCENT, 0)
              for q in claim.operands]
    stated_scale = V.unit_scale(claim.unit) if amount_result else None
    everything = [*scales, stated_scale] if amount_result else scales
    units = sorted({q.unit for q in claim.operands} | ({claim.unit} if amount_result else set()))
    if any(s is None for s in everything) or len({s[0] for s in everything if s}) > 1:
        return Note("incompatible_units", tuple(units))
    top = max(s[1] for s in everything if s)
    keyed: list[_Keyed] = []
    for index, (quantity, scale) in enumerate(zip(claim.operands, scales, strict=True)):
        assert scale is not None
        span = quantity.span
        # Each operand is a variable of its own (a formula here takes each printed
        # number once).
        keyed.append((f"{span.source}:{span.column}#{index}",
                      Operand(_scaled(quantity.number, top - scale[1]), span.source,
                              quantity.unit)))
    stated, low = claim.stated, claim.low
    factor = Fraction(1)
    if stated_scale is not None:
        places = top - stated_scale[1]
        stated = _scaled(stated, places)
        low = _scaled(low, places) if low is not None else None
        factor = Fraction(10) ** places
    return keyed, stated, low, factor


def _check_cagr(claim: Claim) -> Verdict:
    """Average annual growth, exactly and without roots: a stated rate s accepts the
    growth factor ``end / start`` in ``[(1 + s_low/100)**n, (1 + s_high/100)**n]``."""
    n = claim.span_years
    start, end = claim.operands
    if n is None or n <= 0 or V.unit_scale(start.unit) != V.unit_scale(end.unit) \
            or V.unit_scale(start.unit) is None:
        return _unverifiable(claim, "incompatible_units", start.unit, end.unit)
    if start.number.low <= 0 or end.number.low <= 0:
        return _unverifiable(claim, "non_positive_input")
    ratio = end.number.exact / start.number.exact
    ratio_low, ratio_high = end.number.low / start.number.high, end.number.high / start.number.low

    def factor(rate: Fraction) -> Fraction:
        return (1 + rate / 100) ** n

    def rate(growth: Fraction) -> Fraction:  # for display only: a root is not exact
        return Fraction(((float(growth)) ** (1 / n) - 1) * 100)

    stated, comparator = claim.stated, claim.comparator
    if comparator in _ONE_SIDED:
        holds = _ONE_SIDED[comparator]
        s = factor(stated.exact)
        reach = ratio_high if comparator in (V.MORE, V.AT_LEAST) else ratio_low
        verdict = V.EXACT if holds(ratio, s) else V.WITHIN_ROUNDING if holds(reach, s) \
            else V.INCONSISTENT
    else:
        band = accepted_band(stated, comparator, claim.low)
        assert band is not None
        lo, hi = factor(band[0]), factor(band[1])
        verdict = V.EXACT if lo <= ratio <= hi else V.WITHIN_ROUNDING \
            if ratio_low <= hi and ratio_high >= lo else V.INCONSISTENT
    operands = tuple(Operand(q.number, q.span.source, q.unit) for q in claim.operands)
    return Verdict(claim, verdict, "cagr", operands, rate(ratio), rate(ratio_low),
                   rate(ratio_high), accepted_band(stated, comparator, claim.low),
                   notes=(Note("years", (n,)),))


def _check_price(claim: Claim) -> Verdict:
    """A unit price (``USD/tonne``): money over mass, each moved into the stated
    unit's scale (exact powers of ten)."""
    money, mass = claim.operands
    top, _, bottom = claim.unit.partition("/")
    found = [V.unit_scale(money.unit), V.unit_scale(mass.unit), V.unit_scale(top),
             V.unit_scale(bottom)]
    scales = [s for s in found if s is not None]
    if len(scales) < len(found) or scales[0][0] != scales[2][0] \
            or scales[1][0] != scales[3][0]:
        return _unverifiable(claim, "incompatible_units", money.unit, mass.unit)
    (_, p_money), (_, p_mass), (_, p_top), (_, p_bottom) = scales
    factor = Fraction(10) ** (p_money - p_top) / Fraction(10) ** (p_mass - p_bottom)
    if money.number.low <= 0 or mass.number.low <= 0:
        return _unverifiable(claim, "non_positive_input")
    point = money.number.exact / mass.number.exact * factor
    low = money.number.low / mass.number.high * factor
    high = money.number.high / mass.number.low * factor
    verdict = judge(point, low, high, claim.stated, claim.comparator, stated_low=claim.low)
    return Verdict(claim, verdict, "unit_price",
                   tuple(Operand(q.number, q.span.source, q.unit) for q in claim.operands),
                   point, low, high, accepted_band(claim.stated, claim.comparator, claim.low))


def _check_per_day(claim: Claim) -> Verdict:
    """An amount per day (``million tonne/day``): its period's total over the period's
    days, an exact count, the total moved into the stated unit's scale."""
    (total,) = claim.operands
    found = [V.unit_scale(total.unit), V.unit_scale(claim.unit.removesuffix("/day"))]
    scales = [s for s in found if s is not None]
    if len(scales) < len(found) or scales[0][0] != scales[1][0] or claim.days <= 0:
        return _unverifiable(claim, "incompatible_units", total.unit, claim.unit)
    factor = Fraction(10) ** (scales[0][1] - scales[1][1]) / claim.days
    point, low, high = (x * factor for x in (total.number.exact, total.number.low,
                                              total.number.high))
    verdict = judge(point, low, high, claim.stated, claim.comparator, stated_low=claim.low)
    return Verdict(claim, verdict, "per_day", (Operand(total.number, total.span.source,
                                                       total.unit),),
                   point, low, high, accepted_band(claim.stated, claim.comparator, claim.low),
                   notes=(Note("days", (claim.days,)),))


_SIGNED_FORMULAS = {"percent_change": (0,), "share": (1,)}
"""Formulas that take operands of any sign, with the operands they divide by: a change
of a negative balance, (b − a) / a, is the change of the deficit's size. The corner
search stays exact while no divisor's interval holds 0."""


_DIFFERENCE_DIVISORS = {"change_of_difference": ((0, 1), (2, 3))}
"""Formulas of the change between two differences of positive operands, ``a − b``:
judged only where both differences keep one sign over the whole box, the same (a
surplus or a deficit in both years); the corner search is then exact."""


def _signs_allowed(formula: str, numbers: Sequence[ParsedNumber]) -> bool:
    """Whether the formula can be judged at the corners of these operands' intervals:
    every operand positive, or (for `_SIGNED_FORMULAS`) every divisor's interval on one
    side of zero, or (for `_DIFFERENCE_DIVISORS`) every operand positive and the
    divisor's difference on one side of zero."""
    if formula == "rate_of_rise":  # the value before the rise, after − rise, above 0
        return all(number.low > 0 for number in numbers) and numbers[1].low > numbers[0].high
    if formula in _DIFFERENCE_DIVISORS:
        signs = {1 if numbers[a].low > numbers[b].high else -1 if numbers[a].high < numbers[b].low
                 else 0 for a, b in _DIFFERENCE_DIVISORS[formula]}
        return all(number.low > 0 for number in numbers) and len(signs) == 1 and 0 not in signs
    divisors = _SIGNED_FORMULAS.get(formula)
    if divisors is None:
        return all(number.low > 0 for number in numbers)
    if formula == "percent_change" and len(numbers) == 2:
        # A change from a deficit to a surplus (or back) has no percent.
        return all(n.low > 0 for n in numbers) or all(n.high < 0 for n in numbers)
    return all(numbers[i].low > 0 or numbers[i].high < 0 for i in divisors if i < len(numbers))


_SHARE_FORMULAS = frozenset({"share", "share_of_sum", "share_of_listed", "share_of_two_way"})
"""Formulas of a part's percent of its whole: one over 100 % stated as at most 100 % means
the whole tied is not the part's, and is no evidence against the figure."""


_SPECIAL_CHECKS: dict[str, Callable[[Claim], Verdict]] = {
    "cagr": _check_cagr, "unit_price": _check_price, "per_day": _check_per_day}
"""Formulas checked each in its own way: not by the corners of their operands' box."""


def _check_prose(claim: Claim) -> Verdict:
    """A prose claim with its operands: the formula over their rounding intervals."""
    if not claim.formula:
        return _unverifiable(claim, claim.reason or "no_figures")
    special = _SPECIAL_CHECKS.get(claim.formula)
    if special is not None:
        return special(claim)
    in_one = _one_power(claim)
    if isinstance(in_one, Note):
        return Verdict(claim, V.UNVERIFIABLE, reason=in_one)
    operands, stated, low, factor = in_one
    if not _signs_allowed(claim.formula, [operand.number for _, operand in operands]):
        return _unverifiable(claim, "non_positive_input")
    point, lowest, highest = _evaluate(claim.formula, operands)
    verdict = judge(point, lowest, highest, stated, claim.comparator, stated_low=low)
    if verdict == V.INCONSISTENT and claim.formula in _SHARE_FORMULAS \
            and lowest > 100 >= stated.exact:
        # The part came out larger than its whole: the whole tied is not this share's.
        return _unverifiable(claim, "part_exceeds_whole")
    cause_note = _cause(claim.formula, operands, point, stated, claim.comparator) \
        if verdict != V.EXACT else None
    cause, notes = "", tuple[Note, ...]()
    if cause_note is not None:
        cause = V.TRANSPOSED_DIGITS if cause_note.code.startswith("transposed") \
            else cause_note.code
        notes = (cause_note,)
    return Verdict(claim, verdict, claim.formula,
                   tuple(Operand(q.number, q.span.source, q.unit) for q in claim.operands),
                   point * factor, lowest * factor, highest * factor,
                   accepted_band(claim.stated, claim.comparator, claim.low), cause, None, notes)


def check(claim: Claim, docs: Documents) -> Verdict:
    """The verdict on one claim from the documents' own numbers."""
    if claim.formula or claim.reason:
        return _check_prose(claim)
    kind = claim.kind
    if kind == V.CHANGE:
        return _check_change(claim, docs)
    if kind == V.SHARE:
        return _check_share(claim, docs)
    if kind == V.TRADE_SHARE:
        return _check_trade_share(claim, docs)
    if kind == V.GROWTH:
        return _unverifiable(claim, "growth_base_missing")
    return _unverifiable(claim, "no_figures")


# ------------------------------------------------------------ a reference

class Reference:
    """Look-ups over official figures (`ReferenceFigure`).

    Where several series give the same quantity, the first is used.
    """

    def __init__(self, figures: Iterable[ReferenceFigure]):
        self.totals: dict[tuple[str, int], ReferenceFigure] = {}
        self.bilateral: dict[tuple[str, str, int], ReferenceFigure] = {}
        for figure in figures:
            if figure.scope == "total":
                self.totals.setdefault((figure.flow, figure.year), figure)
            else:
                self.bilateral.setdefault((figure.partner_en, figure.flow, figure.year), figure)


def _keyed(figure: ReferenceFigure) -> _Keyed:
    return f"{figure.series}|{figure.year}", Operand(figure.number, figure.source, figure.unit)


_RefOutcome = tuple[Verdict, list[ReferenceFigure]]


def _reference_change(claim: Claim, docs: Documents, ref: Reference) -> _RefOutcome:
    partner, flow = claim.subject.partner_en, claim.subject.flow
    y0, y1 = claim.year_from, claim.year_to
    v0 = ref.bilateral.get((partner, flow, y0)) if y0 is not None else None
    v1 = ref.bilateral.get((partner, flow, y1)) if y1 is not None else None
    if v0 is None or v1 is None:
        return _unverifiable(claim, "ref_no_series", flow, y0 if v0 is None else y1), []
    return _judged(claim, "percent_change", [_keyed(v0), _keyed(v1)]), [v0, v1]


def _reference_share(claim: Claim, docs: Documents, ref: Reference) -> _RefOutcome:
    base, year = claim.base, claim.year_to
    value = docs.value(claim.table, year)
    total = ref.totals.get((base, year)) if year is not None else None
    if value is None or total is None:
        return _unverifiable(claim, "ref_no_total", base, year), []
    return _judged(claim, "share", [value, _keyed(total)],
                   (Note("reference_total", (total.series,)),)), [total]


def _reference_trade_share(claim: Claim, docs: Documents, ref: Reference) -> _RefOutcome:
    year = claim.year_to
    tables = [docs.series.get((claim.subject.partner, flow, year)) if year is not None
              else None for flow in V.FLOWS]
    totals = [ref.totals.get((flow, year)) if year is not None else None for flow in V.FLOWS]
    if tables[0] is None or tables[1] is None or totals[0] is None or totals[1] is None:
        return _unverifiable(claim, "ref_no_totals", year), []
    x, m = docs.value(tables[0], year), docs.value(tables[1], year)
    assert x is not None
    assert m is not None
    return (_judged(claim, "share_of_total_trade",
                    [x, m, _keyed(totals[0]), _keyed(totals[1])],
                    (Note("reference_totals"),)), [totals[0], totals[1]])


_REFERENCE_CHECKS = {V.CHANGE: _reference_change, V.SHARE: _reference_share,
                     V.TRADE_SHARE: _reference_trade_share}


def check_against_reference(claim: Claim, docs: Documents, ref: Reference) -> _RefOutcome:
    """The verdict on a claim with the reference's figures, and the figures used.

    Percent changes use the reference's bilateral series; shares use the
    report's table value over the reference's total.
    """
    against = _REFERENCE_CHECKS.get(claim.kind)
    if against is None or claim.quantity.period.months is not None:
        # (a reference gives whole years: months of a year are none of its figures)
        return _unverifiable(claim, "ref_no_figures"), []
    return against(claim, docs, ref)
