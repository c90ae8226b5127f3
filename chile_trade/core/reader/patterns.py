"""Patterns over tokens and mentions, as data: a small matcher in the spirit of spaCy's.

A pattern is a list of elements, each a table of tests on one item (a `Token` of the
line, or a mention an earlier stage made), an optional repeat and an optional name::

    [{lex = "comparator", op = "?", as = "comparator"},
     {mention = "Number", as = "number"},
     {lex = ["percent_word", "percent_sign"], as = "unit"}]

Tests: ``lex`` (the item has one of these lexicon categories), ``not_lex``, ``text``
(its text is one of these), ``kind`` (``num``, ``word``, ``punct``, ``mention``),
``mention`` (a mention of one of these types), ``glued`` (no space before it), ``any``
(any item), ``one_of`` (a list of elements, one of which must match). All tests of an
element must hold. Repeats: ``op`` is ``?``, ``*``, ``+`` or
``{m,n}``; ``*`` and ``+`` stand for at most `MAX_REPEAT` items, so that every pattern
has a longest match and matching a line is linear in its length. ``as`` names the items
an element matched, for the rule's production.

`compile_pattern` checks a pattern against this schema and says what is wrong where.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Protocol

__all__ = ["MAX_REPEAT", "Element", "Item", "Match", "Pattern", "PatternError",
           "compile_pattern"]

MAX_REPEAT = 12
"""The most items ``*`` and ``+`` stand for."""

_KINDS = ("num", "word", "punct", "mention")
_REPEAT = re.compile(r"\{(\d{1,2}),(\d{1,2})\}")


class PatternError(ValueError):
    """A pattern that does not follow the schema."""


class Item(Protocol):
    """What a pattern tests: a token or a mention."""

    @property
    def text(self) -> str: ...
    @property
    def kind(self) -> str: ...
    @property
    def features(self) -> Mapping[str, object]: ...
    @property
    def glued(self) -> bool: ...
    @property
    def type(self) -> str: ...  # a mention's type; "" for a token


@dataclass(frozen=True, slots=True)
class Element:
    test: Callable[[Item], bool]
    least: int
    most: int
    name: str


@dataclass(frozen=True, slots=True)
class Match:
    """A pattern's longest match at a position: where it ends and the items each named
    element took."""

    end: int
    groups: Mapping[str, tuple[int, ...]]


def _strings(where: str, key: str, value: object) -> frozenset[str]:
    values = [value] if isinstance(value, str) else value
    if not isinstance(values, list) or not values or not all(
            isinstance(v, str) and v for v in values):
        raise PatternError(f"{where}: {key} must be a string or a list of strings")
    return frozenset(values)


def _has_feature(names: frozenset[str]) -> Callable[[Item], bool]:
    return lambda item: not names.isdisjoint(item.features)


def _lacks_feature(names: frozenset[str]) -> Callable[[Item], bool]:
    return lambda item: names.isdisjoint(item.features)


def _attribute_in(attribute: str, values: frozenset[object]) -> Callable[[Item], bool]:
    return lambda item: getattr(item, attribute) in values


def _any_of(options: Sequence[Callable[[Item], bool]]) -> Callable[[Item], bool]:
    return lambda item: any(test(item) for test in options)


def _test(where: str, spec: Mapping[str, object], categories: frozenset[str],  # noqa: PLR0912  one branch per key
          types: frozenset[str]) -> Callable[[Item], bool]:
    tests: list[Callable[[Item], bool]] = []
    for key, value in spec.items():
        if key in ("op", "as"):
            continue
        if key in ("lex", "not_lex"):
            names = _strings(where, key, value)
            unknown = names - categories
            if unknown:
                raise PatternError(f"{where}: unknown lexicon categories {sorted(unknown)}")
            tests.append(_has_feature(names) if key == "lex" else _lacks_feature(names))
        elif key == "text":
            tests.append(_attribute_in("text", _strings(where, key, value)))
        elif key == "kind":
            kinds = _strings(where, key, value)
            if not kinds <= set(_KINDS):
                raise PatternError(f"{where}: kind must be among {_KINDS}")
            tests.append(_attribute_in("kind", kinds))
        elif key == "mention":
            names = _strings(where, key, value)
            if not names <= types:
                raise PatternError(f"{where}: unknown mention types {sorted(names - types)}")
            tests.append(_attribute_in("type", names))
        elif key == "glued":
            if not isinstance(value, bool):
                raise PatternError(f"{where}: glued must be true or false")
            tests.append(_attribute_in("glued", frozenset({value})))
        elif key == "any":
            if value is not True:
                raise PatternError(f"{where}: any must be true")
        elif key == "one_of":
            if not isinstance(value, list) or not value or not all(
                    isinstance(v, dict) and not {"op", "as"} & v.keys() for v in value):
                raise PatternError(f"{where}: one_of must be a list of elements without op "
                                   "or as")
            options = [_test(f"{where}, option {n}", option, categories, types)
                       for n, option in enumerate(value, start=1)]
            tests.append(_any_of(options))
        else:
            raise PatternError(f"{where}: unknown key {key!r}; an element has lex, not_lex, "
                               "text, kind, mention, glued, any, one_of, op and as")
    if not tests and spec.get("any") is not True:
        raise PatternError(f"{where}: an element needs a test (or any = true)")
    return lambda item: all(test(item) for test in tests)


def _repeat(where: str, op: object) -> tuple[int, int]:
    if op is None:
        return 1, 1
    fixed = {"?": (0, 1), "*": (0, MAX_REPEAT), "+": (1, MAX_REPEAT)}
    if isinstance(op, str) and op in fixed:
        return fixed[op]
    m = _REPEAT.fullmatch(op) if isinstance(op, str) else None
    if m is None or int(m[1]) > int(m[2]) or int(m[2]) > MAX_REPEAT or int(m[2]) == 0:
        raise PatternError(f"{where}: op must be ?, *, + or {{m,n}} with n at most {MAX_REPEAT}")
    return int(m[1]), int(m[2])


class Pattern:
    """A compiled pattern: `match` finds its longest match at a position."""

    __slots__ = ("elements", "firsts")

    def __init__(self, elements: Sequence[Element]):
        self.elements = tuple(elements)
        # The tests an item must pass for a match to start on it: those of the elements up
        # to the first one that must be taken (none where every element may be left out).
        firsts: list[Callable[[Item], bool]] = []
        for element in self.elements:
            firsts.append(element.test)
            if element.least > 0:
                break
        else:
            firsts = []
        self.firsts = tuple(firsts)

    def can_start(self, item: Item) -> bool:
        """Whether a match may start on the item (a test of its first elements only)."""
        return not self.firsts or any(test(item) for test in self.firsts)

    def match(self, items: Sequence[Item], start: int) -> Match | None:
        """The longest match starting at ``items[start]`` (the first found among equals),
        or None. States are (element, count) pairs moved forward together, one item at a
        time (a Thompson simulation): the cost is the items times the pattern's states.

        Examples
        --------
        >>> from chile_trade.core.reader.tokens import tokenize
        >>> about_number = compile_pattern("r", [{"text": "حدود", "op": "?"}, {"kind": "num"}],
        ...                                frozenset(), frozenset())
        >>> items = tokenize("حدود ۲۰ و ۳۰").tokens  # (the optional word left out at ۳۰)
        >>> [m.end if (m := about_number.match(items, k)) else None for k in range(4)]
        [2, 2, None, 4]
        """
        elements = self.elements
        if self.firsts and (start >= len(items) or
                            not any(test(items[start]) for test in self.firsts)):
            return None  # (no element it must take can start here: a quick refusal)
        # Each state: element index, repeats taken, the items taken by each element.
        states: dict[tuple[int, int], tuple[tuple[int, ...], ...]] = {}
        self._close(states, 0, 0, tuple(() for _ in elements))
        best: Match | None = None
        position = start
        while True:
            for (index, _), taken in states.items():
                if index == len(elements):
                    best = Match(position, self._groups(taken))
                    break
            if position >= len(items) or not states:
                return best
            item = items[position]
            following: dict[tuple[int, int], tuple[tuple[int, ...], ...]] = {}
            for (index, count), taken in states.items():
                if index == len(elements):
                    continue
                element = elements[index]
                if count < element.most and element.test(item):
                    grown = (*taken[:index], (*taken[index], position), *taken[index + 1:])
                    self._close(following, index, count + 1, grown)
            states = following
            position += 1

    def _close(self, states: dict[tuple[int, int], tuple[tuple[int, ...], ...]], index: int,
               count: int, taken: tuple[tuple[int, ...], ...]) -> None:
        """Add the state and every state reachable from it without taking an item."""
        while True:
            states.setdefault((index, count), taken)
            if index == len(self.elements) or count < self.elements[index].least:
                return
            index, count = index + 1, 0

    def _groups(self, taken: tuple[tuple[int, ...], ...]) -> dict[str, tuple[int, ...]]:
        groups: dict[str, tuple[int, ...]] = {}
        for element, positions in zip(self.elements, taken, strict=True):
            if element.name:
                groups[element.name] = groups.get(element.name, ()) + positions
        return groups


def compile_pattern(where: str, spec: object, categories: frozenset[str],
                    types: frozenset[str]) -> Pattern:
    """A pattern from its data, checked against the schema above.

    Raises
    ------
    PatternError
        Naming ``where`` (the rule), the element and what is wrong.

    Examples
    --------
    >>> compile_pattern("r", [{"lex": "colour"}], frozenset({"scale"}), frozenset())
    ... # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    chile_trade.core.reader.patterns.PatternError: r, element 1: unknown lexicon categories ...
    """
    if not isinstance(spec, list) or not spec:
        raise PatternError(f"{where}: a pattern is a non-empty list of elements")
    elements = []
    for n, element in enumerate(spec, start=1):
        at = f"{where}, element {n}"
        if not isinstance(element, dict):
            raise PatternError(f"{at}: an element is a table of tests")
        least, most = _repeat(at, element.get("op"))
        name = element.get("as", "")
        if not isinstance(name, str):
            raise PatternError(f"{at}: as must be a name")
        elements.append(Element(_test(at, element, categories, types), least, most, name))
    if all(element.least == 0 for element in elements):
        raise PatternError(f"{where}: a pattern must take at least one item")
    return Pattern(elements)
