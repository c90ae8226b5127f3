"""Typed mentions of a line: numbers, amounts, percentages, periods, places and flows.

The second step of the reader. The rules of ``data/rules.toml`` run in stages over a
line's tokens (`chile_trade.core.reader.tokens`): a pattern
(`chile_trade.core.reader.patterns`) picks out the tokens, and the rule's production,
named in the rule and defined here, turns them into mentions. A mention takes the place
of the tokens it covers for the stages after its own, so that a later rule matches
earlier matches (``سال`` + a Number is a year; a Number + ``درصد`` a percentage). Every
mention keeps the id of the rule that made it.

Mention types (`TYPES`) and their values:

``Number``
    `NumberValue`: every reading of the printed number, in units of its last scale word.
``Amount``, ``Percent``, ``Points``, ``Times``
    `QuantityValue`: readings in the unit, unit and dimension, comparator, a range's low
    bound, a list it belongs to.
``Period``
    `PeriodValue`: a `chile_trade.core.reader.periods.Period`, and what it refers to
    where it is not printed in full (the same months of another year, the period
    spoken of, the year before the one named).
``Place``, ``Flow``
    `PlaceValue` (Persian and English names), `FlowValue` (export, import or trade).
"""

from __future__ import annotations

import functools
import tomllib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from decimal import Decimal
from fractions import Fraction
from importlib import resources
from typing import Any

from chile_trade.core import vocabulary as V
from chile_trade.core.reader.lexicon import CATEGORIES, LexiconError
from chile_trade.core.reader.lexicon import lexicon as _lexicon
from chile_trade.core.reader.numerals import (
    Part,
    Reading,
    compound,
    digit_readings,
    unit_of_account,
)
from chile_trade.core.reader.patterns import Item, Match, Pattern, compile_pattern
from chile_trade.core.reader.periods import Period
from chile_trade.core.reader.tokens import NUM, Line, Token

__all__ = ["PER_DAY", "STAGES", "TYPES", "FlowValue", "Mention", "NumberValue", "PeriodValue",
           "PlaceValue", "QuantityValue", "Rule", "mentions", "rules"]

_DAILY = "روزانه"  # a day's, before an amount
_DAY_AFTER = ("در", "روز")  # "… تن در روز": a day's, after an amount's unit
_NOT_A_DAY = frozenset({"شنبه", "یکشنبه", "دوشنبه", "سه", "سهشنبه", "چهارشنبه", "پنجشنبه",
                        "جمعه", "گذشته", "قبل", "بعد", "اول", "نخست", "آخر", "های", "ها",
                        "معاملاتی", "کاری", "پیش", "پایانی", "بعدی", "قبلی"})
PER_DAY = "/day"  # the ending of a unit per day: «بشکه در روز», «تن در روز»

STAGES = ("number", "quantity", "period", "list", "subject")
TYPES = ("Number", "Amount", "Percent", "Points", "Times", "Period", "Place", "Flow")
QUANTITY_TYPES = frozenset({"Amount", "Percent", "Points", "Times"})

_EMPTY: Mapping[str, object] = {}
# Solar Hijri months that are also common words, read as months after "در"/"از"/"تا".
_PLAIN_IN_CONTEXT = frozenset({"تیر", "مهر", "دی"})
_SOLAR_YEARS = range(1300, 1500)
_MAX_SPAN_YEARS = 100  # «طی N سال»: longer is no span a text compares over
# In trade news «اروپا» is the European Union, the side whose figures it prints
_PLACE_ALIASES = {**V.PLACE_ALIASES, "اروپا": "اتحادیه اروپا"}
_GREGORIAN_YEARS = range(1900, 2100)


# ------------------------------------------------------------------ records

@dataclass(frozen=True, slots=True)
class Mention:
    """A typed mention: its type, folded span, the rule that made it, and its value."""

    type: str
    start: int
    end: int
    rule: str
    value: Any
    glued: bool = False
    text: str = ""
    kind: str = "mention"
    features: Mapping[str, object] = field(default_factory=lambda: _EMPTY)


@dataclass(frozen=True, slots=True)
class NumberValue:
    readings: tuple[Reading, ...]
    scale: int  # the power of ten of its last scale word
    words: bool  # written (partly) in words
    digits: str = ""  # a plain integer's digits, ASCII (years are read from them)


@dataclass(frozen=True, slots=True)
class QuantityValue:
    """A quantity: readings in ``unit`` (``million USD``, ``percent``, ``pp``, ``x``;
    ``""`` where the text prints a scale but no unit), its dimension and the power of
    ten of the unit in the dimension's base unit."""

    readings: tuple[Reading, ...]
    unit: str
    dimension: str
    power: int
    comparator: str = V.EQUAL
    low: tuple[Reading, ...] = ()  # a range's low bound
    exact: Fraction | None = None  # a fraction word: exactly this percentage
    words: bool = False
    number_start: int = 0  # the folded span of the number as printed
    number_end: int = 0
    member: tuple[int, int, int] | None = None  # (list's start, place in it, its length)
    minus: bool = False  # a minus sign printed before it


@dataclass(frozen=True, slots=True)
class PeriodValue:
    """A period, and what it refers to where it is not printed in full: ``same_span``
    (the same months as the period it is compared with, of ``period``'s year), ``this``
    (the period the text is speaking of), ``span`` (the period spoken of, if it is as many
    months as ``period``), ``to_date`` (from the start of ``period``'s year to the end of
    the period spoken of), ``named_before`` (``offset`` years before the year named
    last)."""

    period: Period
    refers: str = ""
    offset: int = 0


@dataclass(frozen=True, slots=True)
class PlaceValue:
    name: str  # Persian, folded
    english: str


@dataclass(frozen=True, slots=True)
class FlowValue:
    flow: str  # export, import or trade
    noun: bool  # a noun ("صادرات") names the goods after it
    verb: bool  # a verb ("صادر شد") those before it ("خرید" is both)


# ------------------------------------------------------------------ rules

@dataclass(frozen=True, slots=True)
class Rule:
    id: str
    stage: str
    doc: str
    pattern: Pattern
    produce: Callable[[_Context, Sequence[Item], Match, int], list[Mention]]


@dataclass(slots=True)
class _Context:
    line: Line
    rule: str
    lists: int = 0


Production = Callable[[_Context, Sequence[Item], Match, int], list[Mention]]


def _item(items: Sequence[Item], match: Match, name: str) -> Item | None:
    positions = match.groups.get(name, ())
    return items[positions[0]] if positions else None


def _value(items: Sequence[Item], match: Match, name: str) -> Any:
    item = _item(items, match, name)
    return None if item is None else getattr(item, "value", None)


def _feature(items: Sequence[Item], match: Match, name: str, category: str) -> Any:
    item = _item(items, match, name)
    return None if item is None else item.features.get(category)


def _span(items: Sequence[Item], start: int, end: int) -> tuple[int, int]:
    first, last = items[start], items[end - 1]
    return _start(first), _end(last)


def _start(item: Item) -> int:
    return int(getattr(item, "start"))  # noqa: B009  (tokens and mentions both have it)


def _end(item: Item) -> int:
    return int(getattr(item, "end"))  # noqa: B009


def _mention(ctx: _Context, type_: str, items: Sequence[Item], start: int, end: int,  # noqa: PLR0917
             value: object) -> Mention:
    s, e = _span(items, start, end)
    return Mention(type_, s, e, ctx.rule, value, items[start].glued, ctx.line.folded[s:e])


# ------------------------------------------------------------------ number productions

def _numbers(ctx: _Context, items: Sequence[Item], match: Match, index: int) -> list[Mention]:
    run = items[index:match.end]
    parts = [Part(item.text, item.kind, item.features) for item in run]
    out: list[Mention] = []
    i = 0
    while i < len(parts):
        found = compound(parts, i)
        if found is None or found.next <= i or (
                found.next == i + 1 and "scale" in parts[i].features and unit_of_account(
                    [Part(item.text, item.kind, item.features)
                     for item in items[max(0, index + i - 4):index + i + 1]],
                    min(4, index + i))):
            i += 1  # (a scale word alone after «ارقام … به» is a unit of account)
            continue
        token = run[i]
        digits = ""
        if found.next == i + 1 and token.kind == NUM and token.text.isdigit():
            digits = "".join(str(int(ch)) for ch in token.text)
        out.append(_mention(ctx, "Number", run, i, found.next,
                            NumberValue(found.readings, found.scale, found.words, digits)))
        i = found.next
    return out


# ------------------------------------------------------------------ quantity productions

def _unit_name(power: int, name: str) -> str:
    prefix = V.SCALE_NAMES.get(power)
    if prefix is None:
        return f"1e{power} {name}"
    return f"{prefix} {name}".strip()


def _unit_of(unit_item: Item, scale: int) -> tuple[str, str, str, int]:
    """(mention type, unit name, dimension, power) of a unit token after a number of
    ``scale``."""
    return _unit_from(unit_item.features, scale)


def _unit_from(features: Mapping[str, object], scale: int) -> tuple[str, str, str, int]:
    if "percent_word" in features or "percent_sign" in features:
        return "Percent", V.PERCENT, V.PERCENT, 0
    if "points_word" in features:
        return "Points", V.POINTS, V.POINTS, 0
    if "times_word" in features:
        return "Times", V.TIMES, V.TIMES, 0
    unit = features["unit"]
    assert isinstance(unit, tuple)
    name, dimension, power = unit
    return "Amount", _unit_name(scale, str(name)), str(dimension), scale + int(power)


def _negated(readings: tuple[Reading, ...]) -> tuple[Reading, ...]:
    return tuple(Reading(-r.value, r.decimals, r.form) for r in readings)


def _quantity(ctx: _Context, items: Sequence[Item], match: Match, index: int,
              ) -> list[Mention]:
    number = _item(items, match, "number")
    unit_item = _item(items, match, "unit")
    assert number is not None
    assert unit_item is not None
    value: NumberValue = getattr(number, "value")  # noqa: B009
    type_, unit, dimension, power = _unit_of(unit_item, value.scale)
    end = match.end
    after = tuple(item.text for item in items[end:end + 3])
    day_after = after[:2] == _DAY_AFTER and not (
        len(after) > 2 and (after[2] in _NOT_A_DAY or items[end + 2].kind == "mention"))
    if type_ == "Amount" and not dimension.endswith(PER_DAY) and (
            day_after or (index > 0 and items[index - 1].text == _DAILY)):
        # "۲٫۵ میلیون تن در روز", "روزانه ۸ میلیون بشکه": an amount per day (not "… در
        # روز جمعه", on a day)
        unit, dimension = f"{unit}{PER_DAY}", f"{dimension}{PER_DAY}"
        end += len(_DAY_AFTER) if day_after else 0
    if type_ != "Amount" and value.scale:
        return []  # "۲ هزار درصد" is no form the reader knows
    if index > 0 and "year_word" in items[index - 1].features and len(value.digits) == 4:
        return []  # "در سال ۱۴۰۲ دلار گران شد": a year, not an amount of dollars
    minus = _item(items, match, "minus")
    if minus is not None and (not number.glued or (index and items[index - 1].kind == NUM)):
        return []  # a dash between two numbers is a range or a pair, not a sign
    readings = _negated(value.readings) if minus is not None else value.readings
    comparator = _feature(items, match, "comparator", "comparator") or V.EQUAL
    number_start, number_end = _start(number), _end(number)
    if type_ == "Percent":  # the percent sign as printed belongs to the number
        number_start = min(number_start, _start(unit_item))
        number_end = max(number_end, _end(unit_item))
    return [_mention(ctx, type_, items, index, end, QuantityValue(
        readings, unit, dimension, power, comparator, words=value.words,
        number_start=number_start, number_end=number_end, minus=minus is not None))]


def _with_cents(ctx: _Context, items: Sequence[Item], match: Match, index: int,
                ) -> list[Mention]:
    """«دو هزار و ۱۵۳ دلار و ۵۰ سنت»: dollars and cents as one amount (2,153.50)."""
    found = _quantity(ctx, items, match, index)
    cents = _item(items, match, "cents")
    assert cents is not None
    cents_value: NumberValue = getattr(cents, "value")  # noqa: B009
    if len(found) != 1 or found[0].type != "Amount" or cents_value.scale or len(
            cents_value.readings) != 1:
        return []
    amount: QuantityValue = found[0].value
    extra = cents_value.readings[0]
    if amount.power != 0 or amount.dimension != "USD" or extra.decimals or not (
            0 <= extra.value < 100) or any(r.decimals for r in amount.readings):
        return []  # (only whole dollars and whole cents below a dollar)
    readings = tuple(Reading(r.value + extra.value.scaleb(-2), 2, r.form)
                     for r in amount.readings)
    return [_mention(ctx, "Amount", items, index, match.end, replace(
        amount, readings=readings, number_end=_end(cents)))]


def _range(ctx: _Context, items: Sequence[Item], match: Match, index: int) -> list[Mention]:
    joint = _item(items, match, "joint")
    dash = _item(items, match, "dash")
    between = _item(items, match, "between")
    if (joint is None) == (dash is None):
        return []
    if joint is not None and joint.text == "و" and between is None:
        return []  # "۱۸ و ۱۶ درصد" is a list; "بین ۱۸ و ۲۰ درصد" a range
    low, high = _item(items, match, "low"), _item(items, match, "number")
    unit_item = _item(items, match, "unit")
    assert low is not None
    assert high is not None
    assert unit_item is not None
    low_value: NumberValue = getattr(low, "value")  # noqa: B009
    high_value: NumberValue = getattr(high, "value")  # noqa: B009
    if low_value.scale not in (0, high_value.scale):
        return []
    type_, unit, dimension, power = _unit_of(unit_item, high_value.scale)
    if type_ != "Amount" and high_value.scale:
        return []
    if min(r.value for r in low_value.readings) > max(r.value for r in high_value.readings):
        return []  # "۲۰۱۸-۱۹": no range runs down
    return [_mention(ctx, type_, items, index, match.end, QuantityValue(
        high_value.readings, unit, dimension, power, V.RANGE, low=low_value.readings,
        words=high_value.words, number_start=_start(low), number_end=_end(high)))]


def _scaled(ctx: _Context, items: Sequence[Item], match: Match, index: int) -> list[Mention]:
    number = _item(items, match, "number")
    assert number is not None
    value: NumberValue = getattr(number, "value")  # noqa: B009
    adjective = _feature(items, match, "adjective", "scale_adjective")
    scale = value.scale + (adjective or 0)
    if scale < 3:
        return []
    comparator = _feature(items, match, "comparator", "comparator") or V.EQUAL
    return [_mention(ctx, "Amount", items, index, match.end, QuantityValue(
        value.readings, "", "", scale, comparator, words=value.words,
        number_start=_start(number), number_end=_end(number)))]


def _fraction_of(items: Sequence[Item], match: Match) -> tuple[Fraction, Item]:
    """The fraction a fraction word of the match spells, and the word."""
    fraction = _feature(items, match, "fraction", "fraction")
    word = _item(items, match, "fraction")
    assert isinstance(fraction, Fraction)
    assert word is not None
    return fraction, word


def _fraction(ctx: _Context, items: Sequence[Item], match: Match, index: int,
              ) -> list[Mention]:
    fraction, word = _fraction_of(items, match)
    if match.end < len(items) and "percent_word" in items[match.end].features:
        return []  # "یک سوم درصد" is a third of one percent, no share of a whole
    percent = fraction * 100
    shown = Decimal(percent.numerator) / Decimal(percent.denominator)
    decimals = 0 if percent.denominator == 1 else 4
    reading = Reading(shown.quantize(Decimal(10) ** -decimals), decimals)
    comparator = _feature(items, match, "comparator", "comparator") or V.EQUAL
    return [_mention(ctx, "Percent", items, index, match.end, QuantityValue(
        (reading,), V.PERCENT, V.PERCENT, 0, comparator, exact=percent, words=True,
        number_start=_start(word), number_end=_end(word)))]


def _tenths_percent(ctx: _Context, items: Sequence[Item], match: Match, index: int,
                    ) -> list[Mention]:
    """«یک دهم درصد»: a tenth (hundredth) in words of one percent, a printed 0.1."""
    fraction, word = _fraction_of(items, match)
    decimals = {10: 1, 100: 2}.get(fraction.denominator)
    if decimals is None:
        return []  # "یک سوم درصد" is printed as no number
    reading = Reading(Decimal(fraction.numerator).scaleb(-decimals), decimals)
    comparator = _feature(items, match, "comparator", "comparator") or V.EQUAL
    unit = _item(items, match, "unit")
    assert unit is not None
    return [_mention(ctx, "Percent", items, index, match.end, QuantityValue(
        (reading,), V.PERCENT, V.PERCENT, 0, comparator, words=True,
        number_start=_start(word), number_end=_end(unit)))]


def _list(ctx: _Context, items: Sequence[Item], match: Match, index: int) -> list[Mention]:
    """Bare numbers before a quantity, joined by ``،`` or ``و``, take its unit: ``۳۱۰ و
    ۹۵ هزار تن``, ``۲۶، ۱۸ و ۱۶ درصد``."""
    run = items[index:match.end]
    last = run[-1]
    last_value: QuantityValue = getattr(last, "value")  # noqa: B009
    if last_value.comparator == V.RANGE:
        return []
    members = [i for i, item in enumerate(run[:-1]) if item.type == "Number"]
    # Members and joints alternate: number, joint, number, …, joint, quantity.
    if members != list(range(0, len(run) - 1, 2)) or not members:
        return []
    scale_of_list = {
        "Amount": last_value.power - _unit_power(last_value), "Percent": 0, "Points": 0,
        "Times": 0}[last.type]
    ctx.lists += 1
    size = len(members) + 1
    out = []
    for place, i in enumerate(members):
        value: NumberValue = getattr(run[i], "value")  # noqa: B009
        if value.scale not in (0, scale_of_list):
            return []
        unit, power = last_value.unit, last_value.power
        out.append(_mention(ctx, last.type, run, i, i + 1, QuantityValue(
            value.readings, unit, last_value.dimension, power, V.EQUAL, words=value.words,
            number_start=_start(run[i]), number_end=_end(run[i]),
            member=(_start(run[0]), place, size))))
    start, end = _start(last), _end(last)
    out.append(Mention(last.type, start, end, ctx.rule, _member(last_value, _start(run[0]),
                                                                 size - 1, size),
                       last.glued, last.text))
    return out


def _unit_power(value: QuantityValue) -> int:
    """The power of ten of the unit word alone (3 for a tonne, -2 for a cent)."""
    name = value.unit.split(" ")[-1]
    base = V.UNIT_BASES.get(name)
    return base[1] if base is not None else 0


def _member(value: QuantityValue, start: int, place: int, size: int) -> QuantityValue:
    return QuantityValue(value.readings, value.unit, value.dimension, value.power,
                         value.comparator, value.low, value.exact, value.words,
                         value.number_start, value.number_end, (start, place, size),
                         value.minus)


# ------------------------------------------------------------------ period productions

def _year_of(item: Item | None, calendar: str | None, *, after_word: bool) -> Period | None:
    """The year a Number stands for: four digits in the years of either calendar, or two
    after ``سال`` (a Solar Hijri year of the 1300s)."""
    if item is None:
        return None
    value: NumberValue = getattr(item, "value")  # noqa: B009
    digits = value.digits
    if not digits or value.scale:
        return None
    year = int(digits)
    if len(digits) == 4:
        guessed = V.SOLAR_HIJRI if year in _SOLAR_YEARS else V.GREGORIAN \
            if year in _GREGORIAN_YEARS else None
        if guessed is None or (calendar and calendar != guessed):
            return None
        return Period(guessed, year)
    if len(digits) == 2 and after_word and calendar in (None, V.SOLAR_HIJRI):
        return Period(V.SOLAR_HIJRI, 1300 + year)
    return None


def _calendar(items: Sequence[Item], match: Match) -> str | None:
    value = _feature(items, match, "calendar", "calendar_word")
    return value if isinstance(value, str) else None


def _with_year(ctx: _Context, items: Sequence[Item], match: Match, index: int,  # noqa: PLR0917
               months: tuple[int, int] | None, calendar: str | None = None,
               rolling: bool = False) -> list[Mention]:
    """A period of ``months`` of the year the match names (printed, or counted back), or
    of a year it leaves to the context."""
    calendar = calendar or _calendar(items, match)
    relative = _feature(items, match, "relative", "relative_year")
    year_item = _item(items, match, "year")
    if year_item is not None:
        year = _year_of(year_item, calendar, after_word=True)
        if year is None:
            return []
        period = Period(year.calendar, year.year, months=months, rolling=rolling)
    elif isinstance(relative, int):
        period = Period(calendar or "", relative=relative, months=months, rolling=rolling)
    else:
        period = Period(calendar or "", months=months, rolling=rolling)
    return [_mention(ctx, "Period", items, index, match.end, PeriodValue(period))]


def _span_of_months(ctx: _Context, items: Sequence[Item], match: Match, index: int,
                    ) -> list[Mention]:
    count = _value(items, match, "count")
    if not isinstance(count, NumberValue) or count.scale or len(count.readings) != 1:
        return []
    reading = count.readings[0]
    if reading.decimals or not 1 <= reading.value <= 12:
        return []
    n = int(reading.value)
    recent = _item(items, match, "recent")
    if recent is not None and recent.text != "اخیر" and (n == 12 or any(
            "month" in item.features or getattr(item, "type", "") == "Period"
            for item in items[:index])):
        # «در ۱۲ ماه گذشته»: a year to date, not a calendar year; «در پایان آذر … در سه
        # ماه گذشته»: the months before the one named, not the year's first: months to
        # date, which compare with no calendar period
        return [_mention(ctx, "Period", items, index, match.end,
                         PeriodValue(Period(relative=0, months=(1, n), rolling=True)))]
    if recent is not None:  # "طی هشت ماه اخیر": this year's first eight months
        return [_mention(ctx, "Period", items, index, match.end,
                         PeriodValue(Period(relative=0, months=(1, n))))]
    if not any(match.groups.get(name) for name in ("first", "year", "relative")):
        # "یک ماهه", "دو ماهه": a span of months the text is speaking of
        return [_mention(ctx, "Period", items, index, match.end,
                         PeriodValue(Period(months=(1, n)), "span"))]
    return _with_year(ctx, items, match, index, (1, n))


def _half(ctx: _Context, items: Sequence[Item], match: Match, index: int) -> list[Mention]:
    months = _feature(items, match, "half", "half_year")
    assert isinstance(months, tuple)
    return _with_year(ctx, items, match, index, months)


def _season(ctx: _Context, items: Sequence[Item], match: Match, index: int) -> list[Mention]:
    months = _feature(items, match, "season", "season")
    assert isinstance(months, tuple)
    return _with_year(ctx, items, match, index, months, V.SOLAR_HIJRI)


def _month_of(items: Sequence[Item], match: Match, name: str) -> tuple[str, int, bool]:
    month = _feature(items, match, name, "month")
    assert isinstance(month, tuple)
    return month


def _months_between(ctx: _Context, items: Sequence[Item], match: Match, index: int,
                    ) -> list[Mention]:
    calendar, first, _ = _month_of(items, match, "from")
    calendar_to, last, _ = _month_of(items, match, "to")
    if calendar != calendar_to or first > last:
        return []
    joint = _item(items, match, "joint")
    if joint is not None and joint.text == "و" and last != first + 1:
        return []  # "فروردین و اردیبهشت": two months side by side
    if match.groups.get("in") and items[match.groups["in"][0]].text == "در":
        index = match.groups["in"][0] + 1  # "در" is no part of the period
    return _with_year(ctx, items, match, index, (first, last), calendar)


def _year_to_month(ctx: _Context, items: Sequence[Item], match: Match, index: int,
                   ) -> list[Mention]:
    calendar, last, _ = _month_of(items, match, "to")
    return _with_year(ctx, items, match, index, (1, last), calendar)


def _month(ctx: _Context, items: Sequence[Item], match: Match, index: int) -> list[Mention]:
    calendar, month, common_word = _month_of(items, match, "month")
    named = any(match.groups.get(name) for name in ("before", "after", "year", "relative"))
    month_item = _item(items, match, "month")
    assert month_item is not None
    compared = index > 0 and "base_marker" in items[index - 1].features  # "نسبت به دی"
    if common_word and not named and not (
            (match.groups.get("in") or compared) and month_item.text in _PLAIN_IN_CONTEXT):
        return []  # "تیر", "میزان", "دی" alone are words, not months
    if match.groups.get("in"):
        index = match.groups["in"][0] + 1  # the preposition is no part of the period
    return _with_year(ctx, items, match, index, (month, month), calendar)


def _fiscal_year(ctx: _Context, items: Sequence[Item], match: Match, index: int,
                 ) -> list[Mention]:
    first, second = _item(items, match, "first"), _item(items, match, "second")
    values = [getattr(item, "value") for item in (first, second)]  # noqa: B009
    digits = [v.digits for v in values if isinstance(v, NumberValue)]
    if len(digits) != 2 or not all(digits):
        return []
    a, b = digits
    if len(a) == 2 and len(b) == 4:
        a, b = b, a  # "۱۹ – ۲۰۱۸": printed mirrored
    if len(a) != 4 or len(b) not in (2, 4):
        return []
    year = _year_of(first if len(digits[0]) == 4 else second, None, after_word=False)
    if year is None or year.year is None:
        return []
    if int(b) % 100 != (year.year + 1) % 100 or (len(b) == 4 and int(b) != year.year + 1):
        return []
    return [_mention(ctx, "Period", items, index, match.end,
                     PeriodValue(Period(year.calendar, year.year, fiscal=True)))]


def _years_between(ctx: _Context, items: Sequence[Item], match: Match, index: int,
                   ) -> list[Mention]:
    first = _year_of(_item(items, match, "first"), None, after_word=True)
    second = _year_of(_item(items, match, "second"), None, after_word=True)
    if first is None or second is None or first.calendar != second.calendar or \
            first.year is None or second.year is None or first.year >= second.year:
        return []
    return [_mention(ctx, "Period", items, index, match.end,
                     PeriodValue(Period(first.calendar, first.year, last_year=second.year)))]


def _year_to_date(ctx: _Context, items: Sequence[Item], match: Match, index: int,
                  ) -> list[Mention]:
    if not match.groups.get("relative") and not match.groups.get("year"):
        return []
    found = _with_year(ctx, items, match, index, None)
    return [replace(m, value=PeriodValue(m.value.period, "to_date")) for m in found]


def _year(ctx: _Context, items: Sequence[Item], match: Match, index: int) -> list[Mention]:
    calendar = _calendar(items, match)
    word = _item(items, match, "word")
    period = _year_of(_item(items, match, "year"), calendar, after_word=word is not None)
    if period is None:
        return []
    return [_mention(ctx, "Period", items, index, match.end, PeriodValue(period))]


def _relative_year(ctx: _Context, items: Sequence[Item], match: Match, index: int,
                   ) -> list[Mention]:
    relative = _feature(items, match, "relative", "relative_year")
    assert isinstance(relative, int)
    crop = _feature(items, match, "relative", "crop_year") is True  # "سال زراعی گذشته"
    period = Period(_calendar(items, match) or "", relative=relative, fiscal=crop)
    return [_mention(ctx, "Period", items, index, match.end, PeriodValue(period))]


def _same_span(ctx: _Context, items: Sequence[Item], match: Match, index: int,
               ) -> list[Mention]:
    calendar = _calendar(items, match)
    year_item = _item(items, match, "year")
    relative = _feature(items, match, "relative", "relative_year")
    if year_item is not None:
        year = _year_of(year_item, calendar, after_word=True)
        if year is None:
            return []
        period = year
    elif isinstance(relative, int):
        period = Period(calendar or "", relative=relative)
    else:
        period = Period(calendar or "")
    return [_mention(ctx, "Period", items, index, match.end, PeriodValue(period, "same_span"))]


def _years_span(ctx: _Context, items: Sequence[Item], match: Match, index: int,
                ) -> list[Mention]:
    """A span of ``count`` whole years up to a year: the one named after «منتهی به», else
    the one the text speaks of (``years_back``, resolved by the reader's context)."""
    count = getattr(_item(items, match, "count"), "value", None)
    if not isinstance(count, NumberValue) or len(count.readings) != 1 or count.scale:
        return []
    reading = count.readings[0]
    if reading.decimals or not 0 < reading.value <= _MAX_SPAN_YEARS:
        return []
    end = Period()
    if match.groups.get("year"):
        named = _year_of(_item(items, match, "year"), _calendar(items, match), after_word=True)
        if named is None:
            return []
        end = named
    return [_mention(ctx, "Period", items, index, match.end,
                     PeriodValue(end, "years_back", int(reading.value)))]


def _these_years(ctx: _Context, items: Sequence[Item], match: Match, index: int,
                 ) -> list[Mention]:
    """«این پنج سال»: the span of that many years named before (resolved by the
    reader's context: ``these_years``)."""
    count = getattr(_item(items, match, "count"), "value", None)
    if not isinstance(count, NumberValue) or len(count.readings) != 1 or count.scale:
        return []
    reading = count.readings[0]
    if reading.decimals or not 1 < reading.value <= _MAX_SPAN_YEARS:
        return []
    return [_mention(ctx, "Period", items, index, match.end,
                     PeriodValue(Period(), "these_years", int(reading.value)))]


def _recent(ctx: _Context, items: Sequence[Item], match: Match, index: int) -> list[Mention]:
    return [_mention(ctx, "Period", items, index, match.end,
                     PeriodValue(Period(rolling=True)))]


def _this_period(ctx: _Context, items: Sequence[Item], match: Match, index: int,
                 ) -> list[Mention]:
    return [_mention(ctx, "Period", items, index, match.end, PeriodValue(Period(), "this"))]


def _month_before(ctx: _Context, items: Sequence[Item], match: Match, index: int,
                  ) -> list[Mention]:
    if index > 0 and (items[index - 1].kind == NUM or items[index - 1].type == "Number"
                      or "number_word" in items[index - 1].features):
        return []  # "سه ماه قبل": three months back, no month before
    return [_mention(ctx, "Period", items, index, match.end,
                     PeriodValue(Period(), "month_before"))]


def _year_before_named(ctx: _Context, items: Sequence[Item], match: Match, index: int,
                       ) -> list[Mention]:
    offset = _feature(items, match, "relative", "relative_to_named")
    assert isinstance(offset, int)
    return [_mention(ctx, "Period", items, index, match.end,
                     PeriodValue(Period(), "named_before", offset))]


# ------------------------------------------------------------------ subject productions

def _place(ctx: _Context, items: Sequence[Item], match: Match, index: int) -> list[Mention]:
    item = _item(items, match, "place")
    assert item is not None
    of = item.features.get("demonym")
    name = of if isinstance(of, str) else item.text
    english = _lexicon().features(name).get("place", name) if isinstance(of, str) \
        else item.features["place"]
    assert isinstance(english, str)
    name = _PLACE_ALIASES.get(name, name)
    return [replace(_mention(ctx, "Place", items, index, match.end, PlaceValue(name, english)),
                    features=item.features)]


def _flow(ctx: _Context, items: Sequence[Item], match: Match, index: int) -> list[Mention]:
    item = _item(items, match, "flow")
    assert item is not None
    noun = item.features.get("flow_noun")
    verb = item.features.get("flow_verb")
    flow = noun if isinstance(noun, str) else verb
    assert isinstance(flow, str)
    return [replace(_mention(ctx, "Flow", items, index, match.end,
                             FlowValue(flow, noun is not None, verb is not None)),
                    features=item.features)]


PRODUCTIONS: dict[str, Production] = {
    "numbers": _numbers, "quantity": _quantity, "with_cents": _with_cents, "range": _range,
    "scaled": _scaled, "fraction": _fraction, "tenths_percent": _tenths_percent,
    "list": _list, "span_of_months": _span_of_months, "half": _half,
    "season": _season, "months_between": _months_between, "year_to_month": _year_to_month,
    "month": _month, "fiscal_year": _fiscal_year, "years_between": _years_between,
    "year": _year, "year_to_date": _year_to_date, "relative_year": _relative_year,
    "same_span": _same_span, "this_period": _this_period, "recent": _recent,
    "years_span": _years_span, "these_years": _these_years, "year_before_named": _year_before_named,
    "month_before": _month_before,
    "place": _place, "flow": _flow,
}
"""The productions rules may name, by name."""


# ------------------------------------------------------------------ loading and running

_RULE_KEYS = {"id", "stage", "doc", "pattern", "produce"}


def load_rules(text: str, source: str = "rules.toml") -> tuple[Rule, ...]:
    """Rules from TOML text, checked: known keys, stages, productions and pattern tests.

    Raises
    ------
    LexiconError
        Naming the rule and what is wrong.
    """
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise LexiconError(f"{source}: {exc}") from None
    rows = data.get("rule")
    if set(data) != {"rule"} or not isinstance(rows, list):
        raise LexiconError(f"{source}: the file holds [[rule]] tables only")
    categories = frozenset(CATEGORIES)
    seen: set[str] = set()
    out = []
    for n, row in enumerate(rows, start=1):
        where = f"{source}: rule {n} ({row.get('id', '?')})"
        if set(row) != _RULE_KEYS:
            raise LexiconError(f"{where}: a rule has exactly the keys {sorted(_RULE_KEYS)}; "
                               f"got {sorted(row)}")
        if row["id"] in seen or not isinstance(row["id"], str):
            raise LexiconError(f"{where}: ids are strings, each used once")
        seen.add(row["id"])
        if row["stage"] not in STAGES:
            raise LexiconError(f"{where}: stage must be one of {STAGES}")
        production = PRODUCTIONS.get(row["produce"])
        if production is None:
            raise LexiconError(f"{where}: no production {row['produce']!r}; there are "
                               f"{sorted(PRODUCTIONS)}")
        try:
            pattern = compile_pattern(where, row["pattern"], categories, frozenset(TYPES))
        except ValueError as exc:
            raise LexiconError(str(exc)) from None
        out.append(Rule(row["id"], row["stage"], str(row["doc"]), pattern, production))
    return tuple(out)


@functools.cache
def rules() -> tuple[Rule, ...]:
    """The package's mention rules, loaded and checked once."""
    text = resources.files("chile_trade.core.reader").joinpath("data/rules.toml").read_text(
        encoding="utf-8")
    return load_rules(text, "chile_trade/core/reader/data/rules.toml")


_STARTS: dict[tuple[str, ...], dict[tuple[object, ...], tuple[int, ...]]] = {}
"""Per stage (its rule ids), the rules a match may start with, by the item's signature."""
_STARTS_MOST = 1 << 16


def _starting(stage_rules: Sequence[Rule], cache: dict[tuple[object, ...], tuple[int, ...]],
              item: Item) -> tuple[int, ...]:
    """The places in ``stage_rules`` of the rules whose first elements accept the item.

    The tests of an element look only at an item's kind, text, glue, type and feature
    names, so items alike in those share one answer, kept (up to `_STARTS_MOST` of them).
    """
    key = (item.kind, item.text, item.glued, item.type, frozenset(item.features))
    found = cache.get(key)
    if found is None:
        found = tuple(n for n, rule in enumerate(stage_rules)
                      if rule.pattern.can_start(item))
        if len(cache) >= _STARTS_MOST:
            cache.clear()
        cache[key] = found
    return found


def _run_stage(line: Line, items: list[Item], stage_rules: Sequence[Rule],
               ctx: _Context) -> list[Item]:
    out: list[Item] = []
    cache = _STARTS.setdefault(tuple(rule.id for rule in stage_rules), {})
    i = 0
    while i < len(items):
        starting = _starting(stage_rules, cache, items[i])
        if not starting:  # (most words start no rule of the stage)
            out.append(items[i])
            i += 1
            continue
        matches = []
        for order in starting:
            rule = stage_rules[order]
            match = rule.pattern.match(items, i)
            if match is not None and match.end > i:
                matches.append((-match.end, order, rule, match))
        matches.sort(key=lambda m: (m[0], m[1]))
        made: list[Mention] = []
        end = i
        for _, _, rule, match in matches:
            ctx.rule = rule.id
            made = rule.produce(ctx, items, match, i)
            if made:
                end = match.end
                break
        if not made:
            out.append(items[i])
            i += 1
            continue
        # The mentions take the place of the items they cover; the rest stay.
        covered = sorted(made, key=lambda m: m.start)
        for item in items[i:end]:
            at = _start(item)
            if not any(m.start <= at < m.end for m in covered):
                covered.append(item)  # type: ignore[arg-type]
        out.extend(sorted(covered, key=_start))
        i = end
    return out


def mentions(line: Line, stages: Sequence[str] = STAGES) -> list[Item]:
    """The line's items after the given stages of rules: its mentions, in order, with
    the tokens no rule took between them.

    Examples
    --------
    >>> from chile_trade.core.reader.tokens import tokenize
    >>> items = mentions(tokenize("صادرات به ترکیه در ۵ ماهه نخست ۱۴۰۲ به ۲ میلیارد دلار رسید"))
    >>> [(m.type, m.rule) for m in items
    ...  if isinstance(m, Mention)]  # doctest: +NORMALIZE_WHITESPACE
    [('Flow', 'subject.flow'), ('Place', 'subject.place'), ('Period', 'period.span_of_months'),
     ('Amount', 'quantity.amount')]
    """
    items: list[Item] = list(line.tokens)
    ctx = _Context(line, "")
    by_stage = _by_stage()
    for stage in stages:
        items = _run_stage(line, items, by_stage.get(stage, ()), ctx)
    return items


@functools.cache
def _by_stage() -> dict[str, tuple[Rule, ...]]:
    """The package's rules by stage, in their order."""
    by_stage: dict[str, list[Rule]] = {}
    for rule in rules():
        by_stage.setdefault(rule.stage, []).append(rule)
    return {stage: tuple(found) for stage, found in by_stage.items()}


def quantity_tokens(token: Token) -> tuple[Reading, ...]:
    """The readings of a number token (for tables, which read cells one by one)."""
    return digit_readings(token.text)
