"""One definition per formula, for exact checks and vectorised indicators alike.

Each formula uses only ``+ − × ÷`` (and a power for the compound rate), so
the same function computes exactly over `fractions.Fraction` (the checks in
`chile_trade.core.checks`) and element-wise over numpy arrays or pandas
Series (`chile_trade.indicators`). Percentages are in percent.

`FORMULAS` names the ones a check uses, with their operands in order; every
one of them is monotone in each operand over positive values, which is what
lets a check find its range over a box of rounding intervals at the box's
corners.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

__all__ = [
    "FORMULAS",
    "balance",
    "balance_of_trade_total",
    "cagr",
    "change_of_difference",
    "change_of_sum",
    "coverage",
    "difference",
    "implied_total",
    "mean",
    "multiple",
    "percent_change",
    "points",
    "rate_of_fall",
    "rate_of_rise",
    "share",
    "share_of_listed",
    "share_of_remainder",
    "share_of_sum",
    "share_of_total_trade",
    "share_of_two_way",
    "share_via_implied_total",
    "sum_of",
    "total_trade",
    "value",
]

Value = Any
"""A Fraction, a float, a numpy array or a pandas Series: anything with ``+ − × ÷``."""
HUNDRED = 100


def percent_change(v0: Value, v1: Value) -> Value:
    """``(v1 − v0) / v0 × 100``.

    Examples
    --------
    >>> from fractions import Fraction
    >>> percent_change(Fraction(2011), Fraction(2375))  # (2375 - 2011) / 2011 * 100
    Fraction(36400, 2011)
    """
    return (v1 - v0) / v0 * HUNDRED


def share(part: Value, total: Value) -> Value:
    """``part / total × 100``."""
    return part / total * HUNDRED


def implied_total(value: Value, share_pct: Value) -> Value:
    """The total of which ``value`` is ``share_pct`` percent: ``value / share_pct × 100``."""
    return value / share_pct * HUNDRED


def share_via_implied_total(value: Value, other_value: Value, other_share_pct: Value) -> Value:
    """``value`` as a percent of the total another stated share implies:
    ``value / (other_value / other_share_pct × 100) × 100``."""
    return share(value, implied_total(other_value, other_share_pct))


def total_trade(exports: Value, imports: Value) -> Value:
    """``exports + imports``."""
    return exports + imports


def balance(exports: Value, imports: Value) -> Value:
    """``exports − imports``."""
    return exports - imports


def coverage(exports: Value, imports: Value) -> Value:
    """Export/import coverage, ``exports / imports × 100``."""
    return share(exports, imports)


def share_of_total_trade(exports: Value, imports: Value, total_exports: Value,
                         total_imports: Value) -> Value:
    """A partner's share of the reporter's total trade:
    ``(exports + imports) / (total_exports + total_imports) × 100``."""
    return share(total_trade(exports, imports), total_trade(total_exports, total_imports))


def share_of_implied_total_trade(  # noqa: PLR0917  operands in order, as checks pass them
        exports: Value, export_total_value: Value, export_share_pct: Value,
        imports: Value, import_total_value: Value, import_share_pct: Value) -> Value:
    """`share_of_total_trade` with each total implied by a stated share
    (`implied_total`): operands by flow, the partner's value, then the value and
    share that imply the total."""
    return share_of_total_trade(exports, imports,
                                implied_total(export_total_value, export_share_pct),
                                implied_total(import_total_value, import_share_pct))


def share_of_remainder(part: Value, total: Value, other: Value) -> Value:
    """A part as a percent of what is left of a total: ``part / (total − other) × 100``
    (imports from a partner as the trade with it less the exports to it)."""
    return share(part, total - other)


def difference(earlier: Value, later: Value) -> Value:
    """How much a value grew (fell, if negative): ``later − earlier``."""
    return later - earlier


def value(printed: Value) -> Value:
    """A printed value itself, as a stated threshold compares with it."""
    return printed


def points(earlier_pct: Value, later_pct: Value) -> Value:
    """The change of a percentage in percentage points: ``later − earlier``."""
    return later_pct - earlier_pct


def multiple(smaller: Value, larger: Value) -> Value:
    """How many times ``smaller`` ``larger`` is: ``larger / smaller``."""
    return larger / smaller


def balance_of_trade_total(exports: Value, trade: Value) -> Value:
    """The balance when the text gives exports and total trade: ``exports − (trade −
    exports)``."""
    return balance(exports, trade - exports)


def sum_of(*values: Value) -> Value:
    """``values[0] + values[1] + …``."""
    total = values[0]
    for value in values[1:]:
        total = total + value
    return total


def rate_of_rise(rise: Value, later: Value) -> Value:
    """A rise as a percent of the value before it, from the rise and the value after:
    ``rise / (later − rise) × 100``.

    Examples
    --------
    >>> from fractions import Fraction
    >>> rate_of_rise(Fraction(155), Fraction(8455))  # 155 / 8300 * 100 = 15500 / 8300
    Fraction(155, 83)
    """
    return share(rise, later - rise)


def rate_of_fall(fall: Value, later: Value) -> Value:
    """A fall (its size) as a percent of the value before it, from the fall and the
    value after, negative: ``−fall / (later + fall) × 100``.

    Examples
    --------
    >>> from fractions import Fraction
    >>> rate_of_fall(Fraction(92), Fraction(4100))  # -9200 / 4192, both over 16
    Fraction(-575, 262)
    """
    return -share(fall, later + fall)


def mean(*values: Value) -> Value:
    """The average of the values: ``(values[0] + values[1] + …) / n``.

    Examples
    --------
    >>> from fractions import Fraction
    >>> mean(Fraction(948), Fraction(912), Fraction(830), Fraction(857))  # 3547 / 4
    Fraction(3547, 4)
    """
    return sum_of(*values) / len(values)


def share_of_sum(*operands: Value) -> Value:
    """Several parts together as a percent of a whole (the last operand):
    ``(parts[0] + parts[1] + …) / whole × 100``."""
    return share(sum_of(*operands[:-1]), operands[-1])


def share_of_listed(*operands: Value) -> Value:
    """One of several listed parts as a percent of them all (the first operand is also
    one of the rest): ``part / (parts[0] + parts[1] + …) × 100``.

    Examples
    --------
    >>> from fractions import Fraction
    >>> share_of_listed(Fraction(690), Fraction(690), Fraction(96), Fraction(310))
    Fraction(8625, 137)
    """
    return share(operands[0], sum_of(*operands[1:]))


def change_of_sum(a0: Value, b0: Value, a1: Value, b1: Value) -> Value:
    """The change of a sum printed only as its parts (total trade from a table's export
    and import rows): ``((a1 + b1) − (a0 + b0)) / (a0 + b0) × 100``.

    Examples
    --------
    >>> from fractions import Fraction
    >>> change_of_sum(*map(Fraction, (2910, 3280, 2590, 3420)))  # (6010 - 6190) / 6190 * 100
    Fraction(-1800, 619)
    """
    return percent_change(total_trade(a0, b0), total_trade(a1, b1))


def change_of_difference(a0: Value, b0: Value, a1: Value, b1: Value) -> Value:
    """The change of a difference printed only as its terms (a balance from a table's
    export and import rows): ``((a1 − b1) − (a0 − b0)) / (a0 − b0) × 100``.

    The same for a deficit, ``b − a``: both terms of the ratio change sign. Monotone in
    each operand while ``a0 − b0`` keeps one sign, which the check makes sure of.

    Examples
    --------
    >>> from fractions import Fraction
    >>> change_of_difference(*map(Fraction, (1588, 2046, 1723, 2389)))  # 208 / 458 * 100
    Fraction(10400, 229)
    """
    return percent_change(balance(a0, b0), balance(a1, b1))


def share_of_two_way(part: Value, other: Value) -> Value:
    """One flow as a percent of the two-way trade it is part of:
    ``part / (part + other) × 100``."""
    return share(part, total_trade(part, other))


def cagr(first: Any, last: Any, years: Any) -> Any:
    """Compound annual growth in percent: ``((last / first) ** (1 / years) − 1) × 100``.

    Not used by the exact checks: a root is not exact in fractions.
    """
    return ((last / first) ** (1 / years) - 1) * HUNDRED


FORMULAS: dict[str, Callable[..., Any]] = {
    "percent_change": percent_change,
    "share": share,
    "share_via_implied_total": share_via_implied_total,
    "share_of_total_trade": share_of_total_trade,
    "share_of_implied_total_trade": share_of_implied_total_trade,
    "points": points,
    "multiple": multiple,
    "value": value,
    "share_of_remainder": share_of_remainder,
    "balance": balance,
    "difference": difference,
    "balance_of_trade_total": balance_of_trade_total,
    "sum": sum_of,
    "mean": mean,
    "rate_of_rise": rate_of_rise,
    "rate_of_fall": rate_of_fall,
    "share_of_sum": share_of_sum,
    "share_of_listed": share_of_listed,
    "change_of_sum": change_of_sum,
    "change_of_difference": change_of_difference,
    "share_of_two_way": share_of_two_way,
}
"""The formulas a check may use, by the name a `Verdict` records."""
