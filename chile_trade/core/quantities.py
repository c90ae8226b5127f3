"""Quantities in running Persian text: a number with its scale words and unit, as one token.

A line is cut once into words, numbers and punctuation (`words`); `quantities`
then reads every quantity the line states:

* digits, with ``/ ٫ .`` as the decimal point and ``٬ ,`` between groups of
  three (``۴۳/۸``, ``441,380``, ``۴٬۱۸۰``);
* number words (``یک``, ``بیست و پنج``, ``یازده``, ``سیصد و ده``, ``نیم``, ``سه و
  نیم``) by a small grammar of their own (`parse_number_words`);
* scale words (``هزار``, ``میلیون``, ``میلیارد``, ``هزار میلیارد``), also mixed with
  digits: ``۴ میلیارد و ۷۹۶ میلیون دلار`` is 4,796 million dollars;
* a unit (`chile_trade.core.vocabulary.AMOUNT_UNITS`), a percent (``درصد``,
  ``درصدی``, ``٪``), percentage points (``واحد درصد``) or a multiple
  (``برابر``); fraction words (``یک‌سوم``) are exact percentages;
* a list whose members share the last member's unit (``۳۱۰ و ۹۵ هزار تن``,
  ``۲۶، ۱۸ و ۱۶ درصد``) and a range (``۱۸ تا ۲۰``, ``بین ۱۸ و ۲۰``, ``۱۸-۲۰٪``);
* the comparator written before it (``بیش از``, ``حداکثر``, ``حدود`` ...).

A quantity's precision is that of its last printed part: ``۱۲ میلیون و ۴۶۸ هزار
تن`` is 12,468 thousand tonnes, ± 0.5 thousand; ``3.7 میلیارد دلار`` is 3.7
billion, ± 0.05 billion; a number word is an integer (± 0.5) and ``نیم`` is 0.5
(± 0.05). Four-digit numbers that stand alone and look like years are years.

Every pattern here is linear: one scan of the line, then a walk over its words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from typing import NamedTuple

from chile_trade.core import vocabulary as V
from chile_trade.core.numbers import ParsedNumber, parse_number
from chile_trade.errors import InputError

__all__ = ["Amount", "Word", "dot_is_decimal", "exact_percent", "parse_number_words",
           "quantities", "words"]

# A number (digits and separators), a run of letters, or one other character. Every
# quantifier is possessive: one linear scan.
_WORD_RE = re.compile(
    r"(?P<num>(?<![\d٬,/٫.])\d++(?:[٬,]\d++)*+(?:[/٫.]\d++)*+)"
    r"|(?P<word>[^\s\d.,،؛;:()\[\]«»\"'!؟?\-–−/٪%٬٫]++)"
    r"|(?P<punct>\S)"
)


class Word(NamedTuple):
    """One word, number or punctuation mark of a folded line, with its span."""

    text: str
    kind: str  # "num", "word" or "punct"
    start: int
    end: int


def words(folded: str, start: int = 0, end: int | None = None) -> list[Word]:
    """The words, numbers and punctuation marks of a folded line, in order.

    Examples
    --------
    >>> [w.text for w in words("از ۴۴ میلیارد و ۶۲۰ میلیون دلار، ۸٫۷٪")]
    ['از', '۴۴', 'میلیارد', 'و', '۶۲۰', 'میلیون', 'دلار', '،', '۸٫۷', '٪']
    """
    return [Word(m.group(), m.lastgroup or "", m.start(), m.end())
            for m in _WORD_RE.finditer(folded, start, len(folded) if end is None else end)]


# ------------------------------------------------------------ number words

def _classes() -> dict[str, tuple[int, int]]:
    """Each number word: (value, class): 3 hundreds, 2 tens, 1 units (teens are tens
    that take no unit after them: class 1.5 is written as 2 with no follow-up)."""
    table: dict[str, tuple[int, int]] = {}
    for word, value in V.NUMBER_WORDS.items():
        table[word] = (value, 3 if value >= 100 else 2 if value >= 10 else 1)
    return table


_NUMBER_WORD_CLASS = _classes()
_TEENS = frozenset(w for w, v in V.NUMBER_WORDS.items() if 10 < v < 20 or v == 10)


def _word_group(items: list[Word], i: int) -> tuple[int, int] | None:
    """A group below a thousand written in words from ``items[i]``: (value, next index)."""
    first = items[i]
    if first.kind != "word" or first.text not in _NUMBER_WORD_CLASS:
        return None
    value, cls = _NUMBER_WORD_CLASS[first.text]
    closed = first.text in _TEENS or cls == 1  # a teen or a unit ends the group
    j = i + 1
    while not closed and j + 1 < len(items) and items[j].text == "و":
        nxt = items[j + 1]
        entry = _NUMBER_WORD_CLASS.get(nxt.text) if nxt.kind == "word" else None
        if entry is None or entry[1] >= cls:
            break
        value += entry[0]
        cls = entry[1]
        closed = nxt.text in _TEENS or cls == 1
        j += 2
    return value, j


def parse_number_words(text: str) -> int:
    """The integer a run of Persian number words spells.

    Parameters
    ----------
    text : str
        Folded words: ``'بیست و پنج'``, ``'هزار و دویست و چهل'``,
        ``'چهار میلیارد و هفتصد و نود و شش میلیون'``.

    Raises
    ------
    ValueError
        If the words are not one number in the grammar.

    Examples
    --------
    >>> parse_number_words("بیست و پنج"), parse_number_words("هزار و دویست و چهل")
    (25, 1240)
    """
    items = words(text)
    parsed = _compound(items, 0)
    if parsed is None or parsed.next != len(items) or parsed.half or parsed.decimals:
        raise ValueError(f"not a number in words: {text!r}")
    return int(parsed.value)


@dataclass(frozen=True, slots=True)
class _Compound:
    value: Decimal  # in ones
    last_scale: int  # the power of ten of the last part's scale word(s)
    decimals: int  # printed decimals of the last part
    next: int  # index after the number
    half: bool  # the last part ended in "و نیم"
    digits: bool  # some part was printed in digits


def _scale_at(items: list[Word], j: int) -> tuple[int, int]:
    """The scale words from ``items[j]``: (power of ten, next index); (0, j) if none."""
    power = 0
    while j < len(items) and items[j].text in V.SCALE_WORDS:
        power += V.SCALE_WORDS[items[j].text]
        j += 1
    return power, j


def _part(items: list[Word], i: int, *, later: bool = False,
          ) -> tuple[Decimal, int, int, bool, bool] | None:
    """One part of a compound number: a group (digits or words) with an optional
    ``و نیم``: (value, decimals, next index, half, in digits)."""
    item = items[i]
    if item.kind == "num":
        try:
            number = parse_number(item.text)
        except InputError:
            # A figure that cannot be read is an error; any other number is left alone.
            after = _unit_at(items, i + 1) is not None or _scale_at(items, i + 1)[0] > 0
            if after or (i > 0 and items[i - 1].text in V.PERCENT_SIGNS):
                sign = items[i + 1].text if i + 1 < len(items) and items[i + 1].text in \
                    V.PERCENT_SIGNS and items[i + 1].start == item.end else ""
                parse_number(item.text + sign)  # raises, naming the figure as printed
            return None
        value, decimals, j, digits = number.value, number.decimals, i + 1, True
    elif item.text == V.HALF_WORD:
        value, decimals, j, digits = Decimal("0.5"), 1, i + 1, False
    elif item.text == V.ZERO_WORD:
        value, decimals, j, digits = Decimal(0), 0, i + 1, False
    elif later and item.text in V.SCALE_WORDS:  # "یک میلیون و هزار": one thousand
        value, decimals, j, digits = Decimal(1), 0, i, False
    else:
        group = _word_group(items, i)
        if group is None:
            return None
        value, decimals, j, digits = Decimal(group[0]), 0, group[1], False
    half = False
    if (j + 1 < len(items) and items[j].text == "و" and items[j + 1].text == V.HALF_WORD
            and decimals == 0):
        value, decimals, j, half = value + Decimal("0.5"), 1, j + 2, True
    return value, decimals, j, half, digits


def _compound(items: list[Word], i: int) -> _Compound | None:
    """The number starting at ``items[i]``: parts joined by ``و`` with strictly
    decreasing scale words (``۴ میلیارد و ۷۹۶ میلیون``, ``هزار و دویست``)."""
    if items[i].text == "هزار":  # "هزار و دویست" is 1000 + 200
        power, j = _scale_at(items, i)
        total, last_scale, decimals, half, digits = Decimal(10) ** power, power, 0, False, False
    else:
        part = _part(items, i)
        if part is None:
            return None
        value, decimals, j, half, digits = part
        power, j = _scale_at(items, j)
        total, last_scale = value.scaleb(power), power
    while (power > 0 and j + 1 < len(items) and items[j].text == "و" and not half
           and decimals == 0):
        part = _part(items, j + 1, later=True)
        if part is None:
            break
        value, part_decimals, k, part_half, part_digits = part
        next_power, k = _scale_at(items, k)
        if next_power >= power or value >= Decimal(10) ** (power - next_power):
            break  # not a smaller part: "۳۱۰ و ۹۵ هزار" is two numbers
        total += value.scaleb(next_power)
        power, last_scale, decimals, half, j = next_power, next_power, part_decimals, part_half, k
        digits = digits or part_digits
    return _Compound(total, last_scale, decimals, j, half, digits)


# ------------------------------------------------------------ quantities

@dataclass(frozen=True, slots=True)
class Amount:
    """A quantity a line states.

    ``number`` is in ``unit`` (``4796`` in ``million USD``); ``dimension`` and
    ``power`` place the unit among the others: an amount is
    ``number × 10**power`` of the dimension's base unit (USD, EUR, rial, kg,
    barrel/day), so amounts of one dimension convert exactly. Percentages,
    points and multiples have their own dimensions.
    """

    number: ParsedNumber
    unit: str  # "million USD", "thousand tonne", "percent", "pp", "x", ...
    dimension: str
    power: int
    start: int  # folded span of the whole quantity, comparator and range included
    end: int
    number_start: int  # folded span of the number as printed (its last bound for a range)
    number_end: int
    comparator: str = V.EQUAL
    low: ParsedNumber | None = None  # a range's first bound
    in_words: bool = False
    # "1.500": a dot before exactly three digits may be a decimal point or a thousands
    # separator; the document's other numbers decide (`chile_trade.core.prose`).
    dotted_thousands: bool = False

    @property
    def is_amount(self) -> bool:
        return self.dimension not in (V.PERCENT, V.POINTS, V.TIMES)


def exact_percent(fraction: Fraction, raw: str) -> ParsedNumber:
    """A fraction word as an exact percentage: ``یک‌سوم`` is exactly 100/3 %.

    Its printed value keeps 20 decimals for display; its rounding interval is
    the one point, so a comparison with it is exact.
    """
    value = fraction * 100
    shown = Decimal(value.numerator) / Decimal(value.denominator)
    number = ParsedNumber(shown.quantize(Decimal(10) ** -4) if value.denominator != 1 else shown,
                          0 if value.denominator == 1 else 4, raw, is_percent=True)
    object.__setattr__(number, "_bounds", (value, value, value))
    return number


_YEAR_RANGES = ((1300, 1499), (1900, 2099))
_DOTTED_THOUSANDS = re.compile(r"\d{1,3}\.\d{3}")
_DOTTED_DECIMAL = re.compile(r"(?<![\d.])\d++\.(?:\d{1,2}|\d{4,})(?![\d.])")
_COMMA_GROUPED = re.compile(r"\d,\d{3}")


def dot_is_decimal(text: str) -> bool:
    """Whether a document's own numbers show its ``.`` to be a decimal point: another
    number with a dot before other than three digits (``3.7``, ``11.25``), or commas
    between groups of three (``441,380``)."""
    return _DOTTED_DECIMAL.search(text) is not None or _COMMA_GROUPED.search(text) is not None
_STARTS = frozenset({*V.NUMBER_WORDS, *V.FRACTION_WORDS, V.HALF_WORD, V.ZERO_WORD, "هزار"})
"""The words a quantity can start with (besides digits and a percent sign)."""


def _is_year(item: Word) -> bool:
    if item.kind != "num" or not item.text.isdigit() or len(item.text) != 4:
        return False
    value = int(item.text)
    return any(lo <= value <= hi for lo, hi in _YEAR_RANGES)


def _unit_at(items: list[Word], j: int) -> tuple[str, str, int, int] | None:  # noqa: PLR0911
    """The unit after a number: (name, dimension, power, next index)."""
    if j >= len(items):
        return None
    text = items[j].text
    if text in V.PERCENT_SIGNS:
        return V.PERCENT, V.PERCENT, 0, j + 1
    if text in V.PERCENT_WORDS:
        return V.PERCENT, V.PERCENT, 0, j + 1
    if text == "در" and j + 1 < len(items) and items[j + 1].text in ("صد", "صدی"):
        return V.PERCENT, V.PERCENT, 0, j + 2
    if text == V.POINTS_WORD and j + 1 < len(items) and items[j + 1].text in V.PERCENT_WORDS:
        return V.POINTS, V.POINTS, 0, j + 2
    if text in V.TIMES_WORDS:
        if j and _is_year(items[j - 1]) and j >= 2 and items[j - 2].text == "سال":
            return None  # "در سال ۱۴۰۲ برابر ۴۹٬۷۰۰ میلیون دلار": "equal to", not a multiple
        return V.TIMES, V.TIMES, 0, j + 1
    for length in (3, 1):
        phrase = " ".join(item.text for item in items[j:j + length])
        unit = V.AMOUNT_UNITS.get(phrase)
        if unit is not None and len(items[j:j + length]) == length:
            return unit[0], unit[1], unit[2], j + length
    return None


def _unit_name(scale: int, unit: str) -> str:
    prefix = V.SCALE_NAMES.get(scale)
    if prefix is None:
        return f"1e{scale} {unit}"
    return f"{prefix} {unit}" if prefix else unit


def _comparator_before(items: list[Word], i: int) -> tuple[str, int]:
    """The comparator written just before ``items[i]``: (code, index of its first word)."""
    for length in (3, 2, 1):
        if i - length < 0:
            continue
        phrase = " ".join(item.text for item in items[i - length:i])
        code = V.COMPARATOR_WORDS.get(phrase)
        if code is not None:
            return code, i - length
    return V.EQUAL, i


def _in_scale(compound: _Compound) -> Decimal:
    """A compound number in the unit of its last part's scale: ``۴ میلیارد و ۷۹۶
    میلیون`` is 4796 (million)."""
    return compound.value.scaleb(-compound.last_scale) if compound.last_scale else compound.value


def _number_of(value: Decimal, decimals: int, raw: str) -> ParsedNumber:
    quantum = Decimal(10) ** -decimals
    return ParsedNumber(value.quantize(quantum), decimals, raw)


@dataclass(slots=True)
class _Pending:
    """A bare number waiting for the unit of the list it belongs to."""

    compound: _Compound
    start_index: int


def quantities(folded: str, items: list[Word] | None = None) -> list[Amount]:  # noqa: PLR0912, PLR0915
    """Every quantity of a folded line, in order.

    Examples
    --------
    >>> [(a.number.text, a.unit) for a in quantities("۴ میلیارد و ۷۹۶ میلیون دلار و ۲۱ درصد")]
    [('4796', 'million USD'), ('21', 'percent')]
    >>> [(a.number.text, a.unit) for a in quantities("به ترتیب ۳۱۰ و ۹۵ هزار تن")]
    [('310', 'thousand tonne'), ('95', 'thousand tonne')]
    """
    items = words(folded) if items is None else items
    out: list[Amount] = []
    pending: list[_Pending] = []
    i = 0
    while i < len(items):
        item = items[i]
        if item.kind == "word" and item.text not in _STARTS:  # the usual case: a plain word
            if item.text != "و":
                pending.clear()
            i += 1
            continue
        # A fraction word: یکسوم, یک سوم, یک چهارم ...
        fraction = _fraction_at(items, i)
        if fraction is not None:
            value, j = fraction
            cmp, first = _comparator_before(items, i)
            raw = folded[item.start:items[j - 1].end]
            out.append(Amount(exact_percent(value, raw), V.PERCENT, V.PERCENT, 0,
                              items[first].start, items[j - 1].end, item.start,
                              items[j - 1].end, cmp, in_words=True))
            pending.clear()
            i = j
            continue
        percent_first = item.text in V.PERCENT_SIGNS and i + 1 < len(items) \
            and items[i + 1].kind == "num"
        start_index = i + 1 if percent_first else i
        # A year stands alone; "۱۹۰۰ میلیون دلار" or "۲۰۲۰ درصد" is an amount.
        if _is_year(items[start_index]) and not percent_first and \
                _unit_at(items, start_index + 1) is None and \
                _scale_at(items, start_index + 1)[0] == 0:
            pending.clear()
            i += 1
            continue
        compound = _compound(items, start_index) if (
            items[start_index].kind == "num" or items[start_index].text in _NUMBER_WORD_CLASS
            or items[start_index].text in (V.HALF_WORD, V.ZERO_WORD, "هزار")) else None
        if compound is None:
            if item.text not in ("و", "،", ","):
                pending.clear()
            i += 1
            continue
        j = compound.next
        if percent_first:
            unit: tuple[str, str, int, int] | None = (V.PERCENT, V.PERCENT, 0, j)
        else:
            unit = _unit_at(items, j)
        # A range: "۱۸ تا ۲۰ درصد", "۱۸-۲۰٪", "بین ۱۸ و ۲۰ درصد".
        range_low: tuple[_Compound, int] | None = None
        if unit is None and j + 1 < len(items) and (
                items[j].text in V.RANGE_WORDS or items[j].text in ("-", "–")
                or (items[j].text == "و" and i > 0 and items[i - 1].text == "بین")):
            second = _compound(items, j + 1) if (items[j + 1].kind == "num" or items[j + 1].text
                                                in _NUMBER_WORD_CLASS) else None
            if second is not None and compound.last_scale in (0, second.last_scale):
                after = _unit_at(items, second.next)
                if after is not None:
                    range_low = (compound, i)
                    compound, j, unit = second, second.next, after
        if unit is None:
            # A bare number: a member of a list that takes the last member's unit.
            if compound.last_scale == 0 and j < len(items) and items[j].text in ("و", "،", ","):
                pending.append(_Pending(compound, start_index))
            else:
                pending.clear()
            i = j
            continue
        name, dimension, unit_power, after_unit = unit
        pending_members = pending
        pending = []
        if dimension in (V.PERCENT, V.POINTS, V.TIMES) and compound.last_scale:
            i = after_unit
            continue  # "۲ هزار درصد": not a form the package reads
        members = [*pending_members, _Pending(compound, start_index)]
        minus = start_index > 0 and items[start_index - 1].text in V.MINUS_SIGNS and \
            items[start_index - 1].end == items[start_index].start and (
                start_index < 2 or items[start_index - 2].kind != "num") and range_low is None
        for member in members:
            last = member is members[-1]
            c = member.compound
            # "۳۱۰ و ۹۵ هزار تن": a bare member takes the list's scale.
            scale = c.last_scale if last else compound.last_scale
            first_item, last_item = items[member.start_index], items[c.next - 1]
            number = _number_of(_in_scale(c), c.decimals,
                                folded[first_item.start:last_item.end])
            low = None
            cmp_index = member.start_index
            if last and range_low is not None:
                low_compound, cmp_index = range_low
                # "۶۰ تا ۶۵ میلیون": a bare first bound is in the second's scale.
                low = _number_of(_in_scale(low_compound), low_compound.decimals,
                                 folded[items[cmp_index].start:items[low_compound.next - 1].end])
            if low is not None and cmp_index > 0 and items[cmp_index - 1].text == "بین":
                cmp, first = V.RANGE, cmp_index - 1
            elif low is not None:
                cmp, first = V.RANGE, cmp_index
            else:
                cmp, first = _comparator_before(items, cmp_index)
            if percent_first and last:
                first = min(first, i)
            if last and minus:  # "−۵٪": a signed figure
                number = ParsedNumber(-number.value, number.decimals, number.raw)
                first_item = items[member.start_index - 1]
            if dimension == V.PERCENT:
                number = ParsedNumber(number.value, number.decimals, number.raw, is_percent=True)
            plain = dimension in (V.PERCENT, V.POINTS, V.TIMES)
            number_start, number_end = first_item.start, last_item.end
            if dimension == V.PERCENT and last:  # "۲۵%", "٪۹٫۷", "۱۶۰ در صدی" as printed
                number_start = min(number_start, items[i].start)
                number_end = items[after_unit - 1].end
            out.append(Amount(
                number, name if plain else _unit_name(scale, name), dimension,
                scale + unit_power, items[first].start,
                items[after_unit - 1].end if last else last_item.end,
                number_start, number_end, cmp, low, not c.digits,
                any(_DOTTED_THOUSANDS.fullmatch(items[k].text) is not None
                    for k in range(member.start_index, c.next) if items[k].kind == "num")))
        i = after_unit
    return out


def _fraction_at(items: list[Word], i: int) -> tuple[Fraction, int] | None:
    """A fraction word at ``items[i]``: ``یکسوم`` (folded ``یک‌سوم``), ``یک سوم``,
    ``دو سوم``: (the fraction, next index)."""
    item = items[i]
    if item.kind != "word" or (item.text not in V.FRACTION_WORDS
                               and item.text not in V.NUMBER_WORDS):
        return None
    whole = V.FRACTION_WORDS.get(item.text)
    if whole is not None:
        return whole, i + 1
    if i + 1 < len(items) and item.text in V.NUMBER_WORDS and V.NUMBER_WORDS[item.text] < 10:
        denominator = V.ORDINAL_DENOMINATORS.get(items[i + 1].text)
        if denominator is not None:
            return Fraction(V.NUMBER_WORDS[item.text], denominator), i + 2
    return None
