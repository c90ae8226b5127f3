"""The words the reader knows (``data/lexicon.toml``), checked against their categories.

A lexicon entry is a folded word or phrase with one value per category it stands
in: ``"میلیارد"`` is a `scale` of 9, ``"بیش از"`` a `comparator` of ``>``,
``"صادرات"`` a `flow_noun` of ``export``. The categories and the type of their
values are `CATEGORIES`; the file is checked against them when first loaded, so
a mistyped category or value is an error naming the entry, never a silent miss.
Places come from `chile_trade.core.vocabulary.PLACES` as well as the file.
"""

from __future__ import annotations

import functools
import tomllib
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from fractions import Fraction
from importlib import resources

from chile_trade.core import vocabulary as V
from chile_trade.core.numbers import fold

__all__ = ["CATEGORIES", "Lexicon", "LexiconError", "lexicon"]

MAX_PHRASE_WORDS = 8
"""The most words a phrase of the lexicon may have (phrases are matched longest first)."""


class LexiconError(ValueError):
    """A data file of the reader that does not follow its schema."""


def _flag(value: object) -> bool:
    if value is not True:
        raise TypeError("expected true")
    return True


def _integer(value: object) -> int:
    if not isinstance(value, int) or isinstance(value, bool):
        raise TypeError("expected an integer")
    return value


def _one_of(*allowed: str) -> Callable[[object], str]:
    def check(value: object) -> str:
        if value not in allowed:
            raise TypeError(f"expected one of {', '.join(allowed)}")
        assert isinstance(value, str)
        return value
    return check


def _text(value: object) -> str:
    if not isinstance(value, str) or not value:
        raise TypeError("expected a string")
    return value


def _fraction(value: object) -> Fraction:
    text = _text(value)
    fraction = Fraction(text)
    if not 0 < fraction < 1:
        raise TypeError("expected a fraction between 0 and 1, written as 'n/d'")
    return fraction


def _unit(value: object) -> tuple[str, str, int]:
    if not (isinstance(value, list) and len(value) == 3 and isinstance(value[0], str)
            and isinstance(value[1], str)):
        raise TypeError("expected [name, dimension, power]")
    return value[0], value[1], _integer(value[2])


def _month(value: object) -> tuple[str, int, bool]:
    if not (isinstance(value, list) and len(value) == 3 and isinstance(value[2], bool)):
        raise TypeError("expected [calendar, month, also a common word]")
    calendar = _one_of(*V.CALENDARS)(value[0])
    month = _integer(value[1])
    if not 1 <= month <= 12:
        raise TypeError("expected a month from 1 to 12")
    return calendar, month, value[2]


def _months(value: object) -> tuple[int, int]:
    if not (isinstance(value, list) and len(value) == 2):
        raise TypeError("expected [first month, last month]")
    first, last = _integer(value[0]), _integer(value[1])
    if not 1 <= first <= last <= 12:
        raise TypeError("expected months from 1 to 12, the first not after the last")
    return first, last


def _sign(value: object) -> int:
    sign = _integer(value)
    if sign not in (-1, 0, 1):
        raise TypeError("expected -1, 0 or 1")
    return sign


# a place's own quantities, beside its flows: what it produces, uses and holds
OWN_FLOWS = ("production", "consumption", "reserves")
_FLOW = _one_of(V.EXPORT, V.IMPORT, V.TRADE, *OWN_FLOWS)

CATEGORIES: dict[str, Callable[[object], object]] = {
    # numbers
    "number_word": _integer, "hundred_word": _integer, "half_word": _flag, "scale": _integer,
    "scale_adjective": _integer, "decimal_place": _integer, "fraction": _fraction,
    # what a number counts
    "percent_word": _flag, "percent_sign": _flag, "points_word": _flag, "times_word": _flag,
    "unit": _unit, "comparator": _one_of(*V.COMPARATORS), "range_word": _flag,
    "between_word": _flag, "respectively": _flag, "and_word": _flag, "passed_word": _flag,
    "target_word": _flag, "alone_word": _flag,
    # periods
    "calendar_word": _one_of(*V.CALENDARS), "month": _month, "season": _months,
    "year_word": _flag, "month_word": _flag, "decade_word": _flag, "recent_word": _flag,
    "years_word": _flag, "ending_word": _flag, "verb": _flag, "crop_year": _flag,
    "speech_verb": _flag, "group_word": _flag,
    "first_part": _flag, "half_year": _months,
    "year_start": _flag, "year_end": _flag, "within_part": _flag, "relative_year": _integer,
    "relative_to_named": _integer, "same_period": _flag, "this_period": _flag,
    "month_before": _flag,
    "fiscal_word": _flag, "time_adjective": _flag, "annual_word": _flag,
    # subjects
    "basis_word": _flag, "currency": _text, "quantity_noun": _text, "ratio_noun": _text,
    "product_alias": _text,
    "price_basis": _one_of("constant", "current"),
    "code_word": _flag, "qualifier": _flag, "source_word": _flag,
    "flow_noun": _FLOW, "flow_verb": _FLOW, "bilateral_flow": _flag,
    "flow_adjective": _flag, "seller_word": _FLOW, "balance_word": _sign,
    "difference_word": _flag, "sign_word": _sign, "favour_word": _flag, "sum_word": _flag,
    "total_word": _flag, "each_word": _flag, "share_word": _flag, "share_verb": _flag,
    "direction": _sign, "measure": _one_of("value", "weight", "price", "count", "real", "volume",
                                           "forecast"),
    "rate_comparative": _flag,
    "price_word": _flag,
    "average_word": _flag, "per_word": _flag, "per_head": _flag, "rate_word": _flag,
    "equal_word": _flag, "base_marker": _flag, "reach_verb": _flag, "anaphor": _flag,
    "become_verb": _flag,
    "this_place": _flag, "pronoun": _flag, "both_places": _flag, "home_word": _flag,
    "place": _text, "demonym": _text, "goods_word": _flag, "stop": _flag,
}
"""Each category of the lexicon and the check (and conversion) of its values."""

Features = Mapping[str, object]


@dataclass(frozen=True, slots=True)
class Lexicon:
    """The entries, by their first word: each a phrase's words and its features."""

    entries: Mapping[str, tuple[tuple[tuple[str, ...], Features], ...]]

    def words(self, category: str) -> frozenset[str]:
        """Every one-word entry of a category."""
        return frozenset(first for first, phrases in self.entries.items()
                         for words, features in phrases
                         if len(words) == 1 and category in features)

    def features(self, word: str) -> Features:
        """The features of one word (empty where the lexicon does not know it)."""
        for words, features in self.entries.get(word, ()):
            if len(words) == 1:
                return features
        return {}

    def longest(self, texts: list[str], i: int) -> tuple[int, Features] | None:
        """The longest entry starting at ``texts[i]``: (its number of words, features)."""
        for words, features in self.entries.get(texts[i], ()):
            n = len(words)
            if tuple(texts[i:i + n]) == words:
                return n, features
        return None


def _checked(source: str, data: Mapping[str, object]) -> dict[tuple[str, ...], dict[str, object]]:
    by_phrase: dict[tuple[str, ...], dict[str, object]] = {}
    for category, table in data.items():
        check = CATEGORIES.get(category)
        if check is None:
            raise LexiconError(f"{source}: unknown category [{category}]; the categories are "
                               f"{', '.join(sorted(CATEGORIES))}")
        if not isinstance(table, dict):
            raise LexiconError(f"{source}: [{category}] must be a table of words")
        for phrase, value in table.items():
            words = tuple(phrase.split(" "))
            if fold(phrase) != phrase or "" in words or len(words) > MAX_PHRASE_WORDS:
                raise LexiconError(f"{source}: [{category}] {phrase!r} is not a folded phrase "
                                   f"of at most {MAX_PHRASE_WORDS} words split by one space")
            try:
                checked = check(value)
            except (TypeError, ValueError, ZeroDivisionError) as exc:
                raise LexiconError(f"{source}: [{category}] {phrase!r} = {value!r}: "
                                   f"{exc}") from None
            by_phrase.setdefault(words, {})[category] = checked
    return by_phrase


def load(text: str, source: str = "lexicon.toml") -> Lexicon:
    """A lexicon from TOML text, checked against `CATEGORIES`.

    Raises
    ------
    LexiconError
        Naming the file, category and entry that do not follow the schema.

    Examples
    --------
    >>> lex = load('[scale]\\n"هزار" = 3\\n[comparator]\\n"بیش از" = ">"\\n')
    >>> lex.features("هزار"), lex.longest(["بیش", "از", "۱۰"], 0)
    ({'scale': 3}, (2, {'comparator': '>'}))
    """
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise LexiconError(f"{source}: {exc}") from None
    by_phrase = _checked(source, data)
    for name, english in V.PLACES.items():
        by_phrase.setdefault(tuple(name.split(" ")), {}).setdefault("place", english)
    entries: dict[str, list[tuple[tuple[str, ...], Features]]] = {}
    for words, features in sorted(by_phrase.items(), key=lambda item: -len(item[0])):
        entries.setdefault(words[0], []).append((words, features))
    return Lexicon({first: tuple(phrases) for first, phrases in entries.items()})


@functools.cache
def lexicon() -> Lexicon:
    """The package's lexicon, loaded and checked once."""
    text = resources.files("chile_trade.core.reader").joinpath("data/lexicon.toml").read_text(
        encoding="utf-8")
    return load(text, "chile_trade/core/reader/data/lexicon.toml")
