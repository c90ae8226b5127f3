"""Numbers as printed in running text: digits with their separators, and number words.

Two parts, both pure:

* `digit_readings` reads one number token (``۴۳/۸``, ``441,380``, ``۲۷،۴۸۱``, ``1.500``,
  ``۴/ ۳``) as every number it may stand for. A slash decimal is also read in the
  mirrored order that copying right-to-left text produces (``۴۵/۱`` for 1.45), unless a
  leading zero rules one order out (``۰۵/ ۱`` can only be 1.05, ``1/023`` only 1.023);
  a dot before exactly three digits is a decimal point or a thousands separator. Which
  reading holds is the document's to settle (`chile_trade.core.reader.claims`).
* `compound` reads a run of number tokens and words as numbers: number words (``سه صد
  ودو``, ``بیست و پنج``), scale words (``۴ میلیارد و ۷۹۶ میلیون``; ``۴ هزار و ۳۸۱
  میلیارد`` is 4,381 billion), halves (``سه و نیم``), tenths (``۲۳۲ و ۴ دهم``) and digits
  times a hundred (``۸ صد هزار``). A number's precision is that of its last part: ``۱۲
  میلیون و ۴۶۸ هزار`` is 12,468 thousand, ± 0.5 thousand.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal, localcontext

from chile_trade.core.numbers import MAX_DIGITS, ParsedNumber, to_ascii_digits
from chile_trade.core.reader.lexicon import Features

__all__ = ["LOGICAL", "REVERSED", "Reading", "compound", "digit_readings"]

PLAIN, LOGICAL, REVERSED = "plain", "logical", "reversed"
DOT_DECIMAL, DOT_THOUSANDS = "dot_decimal", "dot_thousands"
"""How a reading took the number's separator (`Reading.form`)."""

_EASTERN = frozenset("۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩")
_ASCII = frozenset("0123456789")
_THOUSANDS = frozenset("٬,،")


@dataclass(frozen=True, slots=True)
class Reading:
    """One number a printed number may stand for, and how its separator was read."""

    value: Decimal
    decimals: int
    form: str = PLAIN


def _groups(text: str) -> tuple[list[str], list[str]] | None:
    """The digit groups of a number token and the separators between them (a slash
    followed by a space is a slash), in ASCII digits; None for mixed Latin and Eastern
    digits."""
    digits = [ch for ch in text if ch.isdigit()]
    if any(ch in _ASCII for ch in digits) and any(ch in _EASTERN for ch in digits):
        return None
    groups, separators, current = [], [], []
    for ch in text:
        if ch.isdigit():
            current.append(ch)
        elif ch != " ":
            groups.append(to_ascii_digits("".join(current)))
            separators.append(ch)
            current = []
    groups.append(to_ascii_digits("".join(current)))
    return groups, separators


def _leading_zero(group: str) -> bool:
    return len(group) > 1 and group[0] == "0"


def _decimal(integer: str, fraction: str, form: str) -> Reading:
    return Reading(Decimal(f"{int(integer)}.{fraction}"), len(fraction), form)


def digit_readings(text: str) -> tuple[Reading, ...]:  # noqa: PLR0911, PLR0912  one branch per separator
    """Every number one number token may stand for, the usual reading first; empty
    for a token that is no number (a date ``1396/05/21``, ``1,5``, mixed scripts).

    Examples
    --------
    >>> [(str(r.value), r.form) for r in digit_readings("۴۵/۱")]
    [('45.1', 'logical'), ('1.45', 'reversed')]
    >>> [str(r.value) for r in digit_readings("۰۵/ ۱")]
    ['1.05']
    >>> [str(r.value) for r in digit_readings("1/023")]
    ['1.023']
    >>> [str(r.value) for r in digit_readings("۲۷،۴۸۱")], [r.form for r in digit_readings("1.500")]
    (['27481'], ['dot_decimal', 'dot_thousands'])
    """
    parsed = _groups(text)
    if parsed is None:
        return ()
    groups, separators = parsed
    if sum(len(g) for g in groups) > MAX_DIGITS or "" in groups:
        return ()
    if not separators:
        return (Reading(Decimal(int(groups[0])), 0),)
    last = separators[-1]
    grouped = [s in _THOUSANDS for s in separators]
    if all(grouped):
        if len(set(separators)) == 1 and 1 <= len(groups[0]) <= 3 and all(
                len(g) == 3 for g in groups[1:]):
            return (Reading(Decimal(int("".join(groups))), 0),)
        return ()
    if (any(grouped[:-1]) and not all(grouped[:-1])) or last in _THOUSANDS:
        return ()
    if len(separators) > 1:
        # Groups of three, then a decimal point: "1,649.50".
        if last in "./٫" and len(set(separators[:-1])) == 1 and 1 <= len(groups[0]) <= 3 \
                and all(len(g) == 3 for g in groups[1:-1]):
            return (_decimal("".join(groups[:-1]), groups[-1], PLAIN),)
        return ()  # a date, or separators read no way
    integer, fraction = groups
    if last == "٫":
        return (_decimal(integer, fraction, PLAIN),) if not _leading_zero(integer) else ()
    if last == ".":
        if _leading_zero(integer):
            return ()
        decimal = _decimal(integer, fraction, DOT_DECIMAL)
        if len(fraction) == 3 and 1 <= len(integer) <= 3 and integer != "0":
            return decimal, Reading(Decimal(int(integer + fraction)), 0, DOT_THOUSANDS)
        return (Reading(decimal.value, decimal.decimals),)
    # A slash: in the order printed, or mirrored.
    readings = []
    if not _leading_zero(integer):
        readings.append(_decimal(integer, fraction, LOGICAL))
    if not _leading_zero(fraction):
        readings.append(_decimal(fraction, integer, REVERSED))
    if len(readings) == 2 and readings[0].value == readings[1].value:
        return (Reading(readings[0].value, readings[0].decimals),)
    if len(readings) == 1:
        return (Reading(readings[0].value, readings[0].decimals, readings[0].form),)
    return tuple(readings)


# ------------------------------------------------------------------ compounds

class Part:
    """What `compound` needs of a token: its text, kind and lexicon features."""

    __slots__ = ("features", "kind", "text")

    def __init__(self, text: str, kind: str, features: Features):
        self.text, self.kind, self.features = text, kind, features


@dataclass(frozen=True, slots=True)
class Compound:
    """A number read from ``parts[first:next]``: its readings in units of ``10**scale``
    (the scale of its last part), and whether it was written in words."""

    readings: tuple[Reading, ...]
    scale: int
    first: int
    next: int
    words: bool


@dataclass(frozen=True, slots=True)
class _Piece:
    readings: tuple[Reading, ...]
    next: int
    words: bool


def _word_group(parts: Sequence[Part], i: int) -> tuple[int, int] | None:
    """A number below a thousand in words from ``parts[i]``: (value, next index)."""
    value = parts[i].features.get("number_word")
    if not isinstance(value, int):
        return None
    j = i + 1
    if value < 10 and j < len(parts) and "hundred_word" in parts[j].features:
        value, j = value * 100, j + 1  # "سه صد"
    # Each following word joined by "و" must be of a lower order: "بیست و پنج".
    order = 100 if value >= 100 else 10 if value >= 10 else 1
    closed = order == 1 or 10 < value < 20
    while not closed and j + 1 < len(parts) and "and_word" in parts[j].features:
        more = parts[j + 1].features.get("number_word")
        if not isinstance(more, int) or more >= order or more == 0:
            break
        value += more
        order = 10 if more >= 10 else 1
        closed = order == 1 or 10 < more < 20
        j += 2
    return value, j


def _piece(parts: Sequence[Part], i: int, *, later: bool) -> _Piece | None:
    """One part of a compound number from ``parts[i]``, with its ``و نیم`` or tenths."""
    part = parts[i]
    if part.kind == "num":
        readings = digit_readings(part.text)
        if not readings:
            return None
        j = i + 1
        if (j < len(parts) and "hundred_word" in parts[j].features
                and readings[0].decimals == 0 and 0 < readings[0].value < 10):
            readings = (Reading(readings[0].value * 100, 0),)  # "۸ صد"
            j += 1
        words = False
    elif "half_word" in part.features:
        readings, j, words = (Reading(Decimal("0.5"), 1),), i + 1, True
    elif later and "scale" in part.features and part.text != "یکهزار":
        readings, j, words = (Reading(Decimal(1), 0),), i, True  # "یک میلیون و هزار"
    else:
        group = _word_group(parts, i)
        if group is None:
            return None
        readings, j, words = (Reading(Decimal(group[0]), 0),), group[1], True
    places = parts[j].features.get("decimal_place") if j < len(parts) else None
    if not later and isinstance(places, int) and len(readings) == 1 and \
            readings[0].decimals == 0 and 0 < readings[0].value < 10**places:
        # "سه دهم درصد": tenths with no whole part (0.3)
        return _Piece((Reading(readings[0].value.scaleb(-places), places),), j + 1, words)
    if readings[0].decimals == 0 and j + 1 < len(parts) and "and_word" in parts[j].features:
        following = parts[j + 1]
        if "half_word" in following.features:  # "سه و نیم"
            return _Piece(tuple(Reading(r.value + Decimal("0.5"), 1, r.form)
                                for r in readings), j + 2, words)
        # "۲۳۲ و ۴ دهم", "۲۴ و هشت دهم": tenths (hundredths) in words
        if j + 2 < len(parts) and "decimal_place" in parts[j + 2].features:
            tenth = _word_group(parts, j + 1) if following.kind == "word" else None
            digit = digit_readings(following.text) if following.kind == "num" else ()
            value = Decimal(tenth[0]) if tenth is not None and tenth[1] == j + 2 else \
                digit[0].value if len(digit) == 1 and digit[0].decimals == 0 else None
            places = parts[j + 2].features["decimal_place"]
            assert isinstance(places, int)
            if value is not None and value < 10**places:
                return _Piece(tuple(Reading(r.value + value.scaleb(-places), places, r.form)
                                    for r in readings), j + 3, words)
    return _Piece(readings, j, words)


def _scale_at(parts: Sequence[Part], j: int) -> tuple[int, int]:
    """The scale words from ``parts[j]``: (power of ten, next index)."""
    power = 0
    while j < len(parts):
        scale = parts[j].features.get("scale")
        if not isinstance(scale, int):
            break
        power += scale
        j += 1
    return power, j


def _plain(value: Decimal) -> Decimal:
    """An integer kept with no exponent (2840000, not 2.840E+6)."""
    exponent = value.as_tuple().exponent
    if not isinstance(exponent, int) or exponent <= 0:
        return value
    with localcontext() as context:  # (every digit kept: a long number is not rounded)
        context.prec = max(context.prec, len(value.as_tuple().digits) + exponent)
        return value.quantize(Decimal(1))


def _inner_scale(parts: Sequence[Part], j: int, last_scale: int, largest: Decimal) -> int:
    """Of several scale words after a part («هزار میلیارد»), the power of those first ones
    that still count inside the number, below the scale of the part before it (0 if none)."""
    power = 0
    while j < len(parts):
        scale = parts[j].features.get("scale")
        if not isinstance(scale, int) or power + scale >= last_scale:
            break
        power += scale
        j += 1
    more = j < len(parts) and isinstance(parts[j].features.get("scale"), int)
    return power if more and power and largest < Decimal(10) ** (last_scale - power) else 0


def _times(readings: tuple[Reading, ...], power: int) -> tuple[Reading, ...]:
    return tuple(Reading(r.value.scaleb(power), r.decimals, r.form) for r in readings)


def _plus(a: tuple[Reading, ...], b: tuple[Reading, ...]) -> tuple[Reading, ...]:
    """Every sum of a reading of ``a`` and one of ``b``: the decimals are ``b``'s (the
    last part's), and an ambiguous form is kept from whichever part has one."""
    return tuple(Reading(x.value + y.value, y.decimals, y.form if y.form != PLAIN else x.form)
                 for x in a for y in b)


_ACCOUNTED = frozenset({"ارقام", "اعداد", "مقادیر", "آمار", "ارزش", "مبالغ"})
"""Words that say what figures count in: «ارقام (جدول) به میلیون دلار»."""


def unit_of_account(parts: Sequence[Part], i: int) -> bool:
    """Whether the scale word at ``i`` names a unit figures are given in («ارقام جدول به
    میلیون دلار», «برحسب هزار تن», «(میلیون دلار)»), not an amount («حدود هزار تن»)."""
    before = parts[i - 1].text if i else ""
    if before in ("حسب", "برحسب", "("):
        return True
    return before == "به" and any(p.text in _ACCOUNTED for p in parts[max(0, i - 4):i - 1])


def compound(parts: Sequence[Part], i: int) -> Compound | None:
    """The number starting at ``parts[i]``, or None.

    Examples
    --------
    >>> from chile_trade.core.reader.tokens import tokenize
    >>> def read(text):
    ...     line = tokenize(text)
    ...     c = compound([Part(t.text, t.kind, t.features) for t in line.tokens], 0)
    ...     return [str(r.value) for r in c.readings], c.scale
    >>> read("۴ میلیارد و ۷۹۶ میلیون"), read("۴ هزار و ۳۸۱ میلیارد"), read("سه صد ودو")
    ((['4796'], 6), (['4381'], 9), (['302'], 0))
    >>> read("یک و نیم میلیارد"), read("۲۳۲ و ۴ دهم"), read("۸ صد هزار")
    ((['1.5'], 9), (['232.4'], 0), (['800'], 3))
    >>> read("سه دهم"), read("۲۵ صدم")
    ((['0.3'], 0), (['0.25'], 0))
    >>> read("۲ میلیون و ۸۴۰ هزار میلیارد")  # (2 000 000 + 840 000) billion
    (['2840000'], 9)
    """
    first = parts[i]
    if first.kind != "num" and not {"number_word", "half_word", "scale"} & first.features.keys():
        return None
    if "scale" in first.features:  # "هزار و دویست", "یکهزار و ۹۹"
        piece: _Piece | None = _Piece((Reading(Decimal(1), 0),), i, True)
    else:
        piece = _piece(parts, i, later=False)
    if piece is None:
        return None
    power, j = _scale_at(parts, piece.next)
    total = _times(piece.readings, power)
    last_scale, top_scale, words = power, power, piece.words
    last_readings = piece.readings
    while last_scale > 0 and all(r.decimals == 0 for r in last_readings):
        joined = j < len(parts) and "and_word" in parts[j].features
        start = j + 1 if joined else j
        if start >= len(parts):
            break
        nxt = _piece(parts, start, later=joined)
        if nxt is None:
            break
        next_power, k = _scale_at(parts, nxt.next)
        if not joined and next_power == 0:
            break  # "۲ میلیون ۶۰۰ هزار" needs the smaller part's scale word
        largest = max(r.value for r in nxt.readings)
        if next_power < last_scale and largest < Decimal(10) ** (last_scale - next_power):
            total = _plus(total, _times(nxt.readings, next_power))
            last_scale = next_power
        elif joined and next_power > top_scale and top_scale > 0 and \
                (inner := _inner_scale(parts, nxt.next, last_scale, largest)):
            # "۲ میلیون و ۸۴۰ هزار میلیارد": 840 thousand goes on the 2 million, and the
            # whole counts in billions (2 840 000 billion)
            total = _times(_plus(total, _times(nxt.readings, inner)), next_power - inner)
            last_scale = top_scale = next_power - inner
        elif joined and next_power > top_scale and top_scale > 0:
            # "۴ هزار و ۳۸۱ میلیارد": the whole so far counts in the larger scale
            total = _times(_plus(total, nxt.readings), next_power)
            last_scale = top_scale = next_power
        else:
            break
        last_readings, j, words = nxt.readings, k, words and nxt.words
    readings = tuple(Reading(_plain(r.value.scaleb(-last_scale)), r.decimals, r.form)
                     for r in total)
    # The last part's decimals are the number's, in the unit of its scale.
    return Compound(readings, last_scale, i, j, words)


def parsed(reading: Reading, raw: str, *, percent: bool = False) -> ParsedNumber:
    """A reading as the package's number record, with its printed precision."""
    quantum = Decimal(10) ** -reading.decimals
    return ParsedNumber(reading.value.quantize(quantum), reading.decimals, raw, percent)
