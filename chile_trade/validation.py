"""One place that checks the frames handed to the public functions.

`verify` and the indicators take frames a user may have built by hand or
read from a file. A frame that lacks a column, holds the wrong kind of value,
gives one table two values for a year, or whose ``value`` disagrees with the
``value_text`` it stands for is refused here with a `ValueError` that names
the frame, the column, the row and what was expected, before any arithmetic
could fail obscurely or silently use the wrong row.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence

import pandas as pd
from pandas.api import types as ptypes

from chile_trade import columns as C
from chile_trade.core.numbers import MAX_DIGITS

__all__ = [
    "DECIMAL",
    "NUMBER",
    "OPTIONAL_TEXT",
    "REFERENCE_SPEC",
    "STATED_SPEC",
    "TABLES_SPEC",
    "TEXT",
    "WHOLE",
    "check_frame",
    "check_ranges",
    "check_unique",
    "vocabulary",
]

_DECIMAL_TEXT = re.compile(r"-?+[0-9]++(?:\.[0-9]++)?+")


class _Kind:
    """What a column must hold: a dtype test, and a test of each value."""

    def __init__(self, description: str, dtype: Callable[[pd.Series], bool],
                 value: Callable[[object], bool] | None = None):
        self.description = description
        self.dtype = dtype
        self.value = value


def _is_text_dtype(series: pd.Series) -> bool:
    return (ptypes.is_string_dtype(series) or ptypes.is_object_dtype(series)
            or isinstance(series.dtype, pd.CategoricalDtype))


def _missing(value: object) -> bool:
    return value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value))


def _is_whole_dtype(series: pd.Series) -> bool:
    return ptypes.is_integer_dtype(series) and not ptypes.is_bool_dtype(series)


def _is_number_dtype(series: pd.Series) -> bool:
    return ptypes.is_numeric_dtype(series) and not ptypes.is_bool_dtype(series)


def _is_decimal_text(value: object) -> bool:
    return (isinstance(value, str) and _DECIMAL_TEXT.fullmatch(value) is not None
            and sum(ch.isdigit() for ch in value) <= MAX_DIGITS)


def _one_of(allowed: Iterable[str]) -> Callable[[object], bool]:
    allowed = frozenset(allowed)
    optional = "" in allowed  # "" (no word) and a missing value mean the same
    return lambda value: (optional and _missing(value)) or value in allowed


TEXT = _Kind("text", _is_text_dtype, lambda value: isinstance(value, str))
OPTIONAL_TEXT = _Kind("text or missing", _is_text_dtype,
                      lambda value: isinstance(value, str) or _missing(value))
WHOLE = _Kind("whole numbers (an integer dtype)", _is_whole_dtype)
NUMBER = _Kind("numbers (a numeric dtype)", _is_number_dtype)
DECIMAL = _Kind(f"a printed decimal number as text ('14.4', '-3', at most {MAX_DIGITS} digits)",
                _is_text_dtype, _is_decimal_text)


def vocabulary(words: Sequence[str]) -> _Kind:
    """Text that is one of ``words``."""
    return _Kind(f"one of {', '.join(repr(w) for w in words)}", _is_text_dtype, _one_of(words))


TABLES_SPEC: Mapping[str, _Kind] = {
    C.TABLE: TEXT, C.PARTNER: TEXT, C.FLOW: vocabulary(("", *C.TABLE_FLOWS)), C.YEAR: WHOLE,
    C.VALUE: NUMBER, C.VALUE_TEXT: DECIMAL, C.RAW: TEXT,
}
"""What `verify` reads of the table rows."""
STATED_SPEC: Mapping[str, _Kind] = {
    C.SOURCE: TEXT, C.TABLE: OPTIONAL_TEXT, C.KIND: vocabulary(C.KINDS),
    C.PARTNER: OPTIONAL_TEXT, C.PARTNER_EN: OPTIONAL_TEXT,
    C.FLOW: vocabulary(("", *C.TABLE_FLOWS)),  # a change may be of a balance or total row
    C.YEAR_FROM: WHOLE,
    C.YEAR_TO: WHOLE, C.SPAN_YEARS: WHOLE, C.BASE: vocabulary(("", *C.BASES)),
    C.COMPARATOR: vocabulary(C.COMPARATORS), C.STATED: NUMBER, C.STATED_TEXT: DECIMAL,
    C.RAW: TEXT,
}
"""What `verify` reads of the stated figures."""
REFERENCE_SPEC: Mapping[str, _Kind] = {
    C.SOURCE: TEXT, "series": TEXT, "scope": vocabulary(("total", "bilateral")),
    C.PARTNER_EN: OPTIONAL_TEXT, C.FLOW: vocabulary(C.FLOWS), C.YEAR: WHOLE,
    C.VALUE: NUMBER, C.VALUE_TEXT: DECIMAL, "citation": TEXT,
}
"""What `verify` reads of a reference table."""
_AGREEING = ((C.VALUE, C.VALUE_TEXT), (C.STATED, C.STATED_TEXT))


def _row_name(label: Hashable) -> str:
    return f"row {label!r}"


def check_frame(frame: object, name: str, spec: Mapping[str, _Kind]) -> None:
    """Check that ``frame`` has every column of ``spec``, each holding what it should.

    A number column and its text (``value`` and ``value_text``, ``stated``
    and ``stated_text``) must agree: the number is the text's value.

    Raises
    ------
    ValueError
        Naming ``name``, the column and, for a bad value, its row (index
        label) and what was expected.

    Examples
    --------
    >>> frame = pd.DataFrame({"value": [14.5], "value_text": ["14.4"]})
    >>> check_frame(frame, "tables", {"value": NUMBER, "value_text": DECIMAL})
    Traceback (most recent call last):
    ...
    ValueError: tables row 0: value 14.5 disagrees with value_text '14.4' (must be its value)
    """
    if not isinstance(frame, pd.DataFrame):
        raise ValueError(f"{name} must be a pandas DataFrame; got {type(frame).__name__}")
    missing = [column for column in spec if column not in frame.columns]
    if missing:
        raise ValueError(f"{name} lacks the columns {missing}; it has {list(frame.columns)}")
    columns = _columns(frame, spec)
    for column, kind in spec.items():
        series = columns[column]
        if not kind.dtype(series):
            raise ValueError(f"{name} column {column!r} must hold {kind.description}; "
                             f"its dtype is {series.dtype}")
        if kind.value is not None:
            for label, value in zip(frame.index, series.tolist(), strict=True):
                if not kind.value(value):
                    raise ValueError(f"{name} {_row_name(label)}: {column} is {value!r}; "
                                     f"expected {kind.description}")
    for number, text in _AGREEING:
        if number in spec and text in spec:
            for label, value, printed in zip(frame.index, columns[number].tolist(),
                                             columns[text].tolist(), strict=True):
                if value != float(printed):
                    raise ValueError(f"{name} {_row_name(label)}: {number} {value!r} disagrees "
                                     f"with {text} {printed!r} (must be its value)")


def check_ranges(frame: pd.DataFrame, name: str) -> None:
    """Refuse a stated range (comparator ``range``) without its first bound.

    Raises
    ------
    ValueError
        Naming the row: a range needs ``stated_low_text`` ('18' of '18 to 20 %').
    """
    if C.COMPARATOR not in frame.columns:
        return
    lows = frame[C.STATED_LOW_TEXT].tolist() if C.STATED_LOW_TEXT in frame.columns \
        else [None] * len(frame)
    for label, comparator, low in zip(frame.index, frame[C.COMPARATOR].tolist(), lows,
                                      strict=True):
        if comparator == C.RANGE and not _is_decimal_text(low):
            raise ValueError(f"{name} {_row_name(label)}: a range needs {C.STATED_LOW_TEXT}, "
                             f"its first bound as printed ('18' of '18 to 20 %'); got {low!r}")


def _columns(frame: pd.DataFrame, names: Iterable[str]) -> dict[Hashable, pd.Series]:
    """The named columns (iterating the frame once is cheaper than indexing it each time)."""
    wanted = set(names)
    return {column: series for column, series in frame.items() if column in wanted}


def check_unique(frame: pd.DataFrame, name: str, keys: Sequence[str], why: str) -> None:
    """Refuse two rows of ``frame`` with the same ``keys``, naming both.

    Raises
    ------
    ValueError
        ``why`` says what the duplicate would make ambiguous.

    Examples
    --------
    >>> tables = pd.DataFrame({"table": ["t", "t"], "year": [2000, 2000]}, index=[3, 7])
    >>> check_unique(tables, "tables", ["table", "year"], "one value a table and year")
    Traceback (most recent call last):
    ...
    ValueError: tables rows 3 and 7 have the same table, year ('t', 2000): expected one value \
a table and year
    """
    seen: dict[tuple[object, ...], Hashable] = {}
    columns = _columns(frame, keys)
    for label, key in zip(frame.index, zip(*(columns[k].tolist() for k in keys), strict=True),
                          strict=True):
        if key in seen:
            raise ValueError(f"{name} rows {seen[key]!r} and {label!r} have the same "
                             f"{', '.join(keys)} {key!r}: expected {why}")
        seen[key] = label
