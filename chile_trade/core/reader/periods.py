"""Periods as real intervals of days, in any calendar the text counts in.

A `Period` is what a text names: a year (``۱۴۰۱``, ``2017``), part of one (``۵ ماهه
نخست ۱۴۰۲``, ``بهار``, ``نیمه اول``, ``فوریه ۲۰۱۶``, ``ژانویه تا نوامبر``), a fiscal year
(``۲۰۱۸-۱۹``), a span of years, or a year counted from the one the text is written in
(``امسال``, ``پارسال``). Where its year is printed, `interval` gives its first day and
the day after its last, as proleptic Gregorian ordinals (Solar Hijri dates converted
with jdatetime), so that periods of two calendars compare as intervals, never as the
integers of their years (1401 is not before 2021: it runs from March 2022).

`same` and `before` compare two periods; where they cannot tell (a year counted from
an unknown present, against a printed one) they say so (`UNKNOWN`), and the reader
links nothing on an unknown.
"""

from __future__ import annotations

import datetime
import functools
from dataclasses import dataclass, replace

import jdatetime

from chile_trade.core import vocabulary as V

__all__ = ["NO", "UNKNOWN", "YES", "Period", "interval", "same", "shifted"]

YES, NO, UNKNOWN = "yes", "no", "unknown"


@dataclass(frozen=True, slots=True)
class Period:
    """A period a text names.

    ``year`` is printed, or ``relative`` counts years back from the text's own year (0:
    this year); ``months`` are the first and last month of the year it covers (``None``:
    the whole year); ``last_year`` ends a span of years. ``rolling`` marks a span that
    is not aligned to the calendar (``هشت ماه اخیر``, ``تاکنون``): it equals only itself.
    """

    calendar: str = ""  # one of vocabulary.CALENDARS, or "" where the text does not say
    year: int | None = None
    relative: int | None = None
    months: tuple[int, int] | None = None
    last_year: int | None = None
    fiscal: bool = False
    rolling: bool = False

    @property
    def absolute(self) -> bool:
        return self.year is not None

    def label(self) -> str:
        """A short English label: ``1401 months 1-5``, ``this year``, ``2018-19 (fiscal)``."""
        if self.year is not None:
            head = f"{self.year}-{self.last_year}" if self.last_year else str(self.year)
            if self.fiscal:
                head = f"{self.year}-{(self.year + 1) % 100:02d} (fiscal)"
        elif self.relative is not None:
            head = {0: "this year", -1: "last year"}.get(self.relative,
                                                         f"{-self.relative} years ago")
        else:
            head = "a year not named"
        if self.months is not None and self.months != (1, 12):
            first, last = self.months
            head += f" month {first}" if first == last else f" months {first}-{last}"
        return head + (" (to date)" if self.rolling else "")


def _first_day(calendar: str, year: int, month: int) -> int:
    """The ordinal of the first day of ``month`` (13: of the next year)."""
    if month == 13:
        year, month = year + 1, 1
    if calendar == V.SOLAR_HIJRI:
        return int(jdatetime.date(year, month, 1).togregorian().toordinal())
    return datetime.date(year, month, 1).toordinal()


@functools.lru_cache(maxsize=4096)
def interval(period: Period) -> tuple[int, int] | None:
    """The period's days, ``[first, after_last)`` as Gregorian ordinals; None where its
    year is not printed, its calendar unknown, or it is a fiscal year (whose months a
    text seldom gives).

    Examples
    --------
    >>> first, after = interval(Period(V.SOLAR_HIJRI, 1401, months=(1, 3)))
    >>> datetime.date.fromordinal(first), datetime.date.fromordinal(after - 1)
    (datetime.date(2022, 3, 21), datetime.date(2022, 6, 21))
    """
    if period.year is None or period.fiscal or period.rolling or not period.calendar:
        return None
    if not (1200 <= period.year <= 1600 or 1800 <= period.year <= 2200):
        return None
    first_month, last_month = period.months or (1, 12)
    last_year = period.last_year or period.year
    try:
        return (_first_day(period.calendar, period.year, first_month),
                _first_day(period.calendar, last_year, last_month + 1))
    except ValueError:
        return None


def shifted(period: Period, years: int) -> Period:
    """The same months ``years`` years later (earlier, for a negative count)."""
    return replace(period,
                   year=None if period.year is None else period.year + years,
                   relative=None if period.relative is None else period.relative + years,
                   last_year=None if period.last_year is None else period.last_year + years)


def same(a: Period, b: Period) -> str:  # noqa: PLR0911  one answer per kind of period
    """Whether two periods are the same days: `YES`, `NO` or `UNKNOWN`.

    Examples
    --------
    >>> q1 = Period(V.SOLAR_HIJRI, 1401, months=(1, 3))
    >>> same(q1, Period(V.SOLAR_HIJRI, 1401)), same(q1, Period(V.SOLAR_HIJRI, 1401, months=(1, 3)))
    ('no', 'yes')
    >>> same(Period(V.SOLAR_HIJRI, 1401), Period(V.GREGORIAN, 2021))
    'no'
    >>> same(Period(relative=0, months=(1, 5)), Period(V.SOLAR_HIJRI, 1402, months=(1, 5)))
    'unknown'
    """
    if a == b:
        return YES
    if a.rolling or b.rolling:
        return UNKNOWN if a.rolling and b.rolling else NO
    if (a.months or (1, 12)) != (b.months or (1, 12)) and a.calendar == b.calendar \
            and a.calendar:
        return NO
    days_a, days_b = interval(a), interval(b)
    if days_a is not None and days_b is not None:
        return YES if days_a == days_b else NO
    if a.fiscal != b.fiscal:
        return NO if a.absolute and b.absolute else UNKNOWN
    if a.fiscal and b.fiscal and a.year is not None and b.year is not None:
        return YES if a.year == b.year else NO
    if a.relative is not None and b.relative is not None:
        same_months = (a.months or (1, 12)) == (b.months or (1, 12))
        return YES if a.relative == b.relative and same_months else NO
    if a.year is not None and b.year is not None and a.calendar == b.calendar:
        return YES if (a.year, a.last_year, a.months) == (b.year, b.last_year, b.months) \
            else NO
    return UNKNOWN
