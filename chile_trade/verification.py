"""Check each stated percentage against the documents' own numbers, exactly.

Every printed number stands for its rounding interval (``۲۶۳۸`` for
[2637.5, 2638.5], ``۴۳/۸`` for [43.75, 43.85]; both ends are included, so a
tie counts under any rounding rule). A stated figure is recomputed from the
printed values in exact arithmetic (`fractions.Fraction`), and also over the
whole box of values the table's rounding allows. Each formula used here is
monotone in each of its inputs, so the extremes over the box lie at its
corners and are found exactly by evaluating every corner.

Verdicts (`chile_trade.columns.VERDICTS`):

``exact``
    the value recomputed from the printed numbers rounds to the stated one
    (for ``بیش از``/``کمتر از``/``حدود``: satisfies the comparison);
``within_rounding``
    only some values inside the table's rounding intervals give it;
``inconsistent``
    no values inside the rounding intervals give it;
``unverifiable``
    the documents do not hold the data to check it.

Where one can be shown, ``likely_cause`` names a cause: ``double rounding``,
``transposed digits``, ``mislabelled column`` or ``wrong period``.
"""

from __future__ import annotations

import bisect
import itertools
import math
from collections.abc import Callable, Hashable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from typing import Any

import pandas as pd

from chile_trade import columns as C
from chile_trade.numerals import ParsedNumber
from chile_trade.validation import (
    REFERENCE_SPEC,
    STATED_SPEC,
    TABLES_SPEC,
    check_frame,
    check_unique,
)

Row = Mapping[Hashable, Any]
"""One stated figure or table row, by column name."""

__all__ = ["ABOUT_TOLERANCE", "judge", "round_half_up", "verify"]

ABOUT_TOLERANCE = Fraction(5, 100)
"""``حدود N`` (about N) accepts values within 5 % of N, or N's own rounding if wider."""

_HUNDRED = Fraction(100)
Formula = Callable[[Mapping[str, Fraction]], Fraction]

_FLOW_EN = {C.EXPORT: "Exports to {}", C.IMPORT: "Imports from {}"}
_FLOW_FA = {C.EXPORT: "صادرات به {}", C.IMPORT: "واردات از {}"}
_BASE_EN = {C.EXPORT: "exports", C.IMPORT: "imports", C.TRADE: "trade"}
_BASE_FA = {C.EXPORT: "صادرات", C.IMPORT: "واردات", C.TRADE: "مبادلات"}
_CMP_EN = {"=": "", ">": "more than ", "<": "less than ", "~": "about "}
_CMP_FA = {"=": "", ">": "بیش از ", "<": "کمتر از ", "~": "حدود "}


def round_half_up(value: Fraction, decimals: int) -> Decimal:
    """Round an exact value to ``decimals`` places, ties away from zero.

    Examples
    --------
    >>> round_half_up(Fraction(43745, 1000), 2), round_half_up(Fraction(4375, 100), 1)
    (Decimal('43.75'), Decimal('43.8'))
    """
    units = math.floor(abs(value) * 10**decimals + Fraction(1, 2))
    # Built from its digits: Decimal arithmetic would round to the context's 28 digits.
    return Decimal((int(value < 0 and units > 0), tuple(map(int, str(units))), -decimals))


def _stated_interval(stated: ParsedNumber, comparator: str) -> tuple[Fraction, Fraction]:
    low, high = stated.interval()
    if comparator == "~":
        tolerance = max(stated.half_unit, abs(stated.exact) * ABOUT_TOLERANCE)
        low, high = stated.exact - tolerance, stated.exact + tolerance
    return low, high


def judge(point: Fraction, low: Fraction, high: Fraction, stated: ParsedNumber,
          comparator: str = "=") -> str:
    """The verdict for a recomputed value against a stated figure.

    Parameters
    ----------
    point : Fraction
        The value recomputed from the printed numbers.
    low, high : Fraction
        The range of values the printed numbers' rounding allows.
    stated : ParsedNumber
        The stated figure, with its printed precision.
    comparator : {'=', '>', '<', '~'}
        What the text claims: equal (after rounding), more than, less than,
        about.

    Returns
    -------
    str
        ``'exact'``, ``'within_rounding'`` or ``'inconsistent'``.

    Examples
    --------
    >>> from chile_trade.numerals import parse_number
    >>> p = Fraction(115400, 2638)  # (3792 - 2638) / 2638 * 100 = 43.745...
    >>> judge(p, p, p, parse_number("43.8"))
    'inconsistent'
    >>> judge(p, Fraction(43699, 1000), Fraction(43791, 1000), parse_number("43.8"))
    'within_rounding'
    """
    if comparator not in C.COMPARATORS:
        raise ValueError(f"comparator must be one of {C.COMPARATORS}; got {comparator!r}")
    if comparator == ">":
        s = stated.exact
        return C.EXACT if point > s else C.WITHIN_ROUNDING if high > s else C.INCONSISTENT
    if comparator == "<":
        s = stated.exact
        return C.EXACT if point < s else C.WITHIN_ROUNDING if low < s else C.INCONSISTENT
    s_low, s_high = _stated_interval(stated, comparator)
    if s_low <= point <= s_high:
        return C.EXACT
    if low <= s_high and high >= s_low:
        return C.WITHIN_ROUNDING
    return C.INCONSISTENT


# ---------------------------------------------------------------- formatting

_TO_PERSIAN = str.maketrans("0123456789.-", "۰۱۲۳۴۵۶۷۸۹٫−")


def _num(value: Fraction | Decimal, places: int) -> str:
    return f"{round_half_up(Fraction(value), places):f}"


def _fa(text: str) -> str:
    """ASCII digits, '.' and '-' of a formatted number in Persian style."""
    return text.translate(_TO_PERSIAN)


def _ltr(text: str) -> str:
    """Isolate a left-to-right name (a file:line) inside Persian text (LRI ... PDI)."""
    return f"\u2066{text}\u2069"


def _places(stated: ParsedNumber) -> int:
    return stated.decimals + 3


@dataclass(frozen=True)
class _Check:
    """A recomputation: a formula over named printed inputs."""

    formula: Formula
    inputs: dict[str, ParsedNumber]
    text_en: str  # the formula with the printed numbers filled in
    text_fa: str
    note_en: str = ""
    note_fa: str = ""

    def point(self, inputs: Mapping[str, ParsedNumber] | None = None) -> Fraction:
        """The formula at the printed values."""
        values = self.inputs if inputs is None else inputs
        return self.formula({name: number.exact for name, number in values.items()})

    def evaluate(self, inputs: Mapping[str, ParsedNumber] | None = None,
                 ) -> tuple[Fraction, Fraction, Fraction]:
        """The formula at the printed values, and its least and greatest value over
        the box of their rounding intervals (at its corners: every formula is monotone
        in each input)."""
        values = dict(self.inputs if inputs is None else inputs)
        names = list(values)
        corners = [self.formula(dict(zip(names, corner, strict=True)))
                   for corner in itertools.product(*(values[n].interval() for n in names))]
        return self.point(values), min(corners), max(corners)


@dataclass(frozen=True)
class _Outcome:
    verdict: str
    explanation_en: str
    explanation_fa: str
    cause: str = ""
    point: Fraction | None = None
    low: Fraction | None = None
    high: Fraction | None = None


def _unverifiable(reason_en: str, reason_fa: str) -> _Outcome:
    return _Outcome(C.UNVERIFIABLE, reason_en, reason_fa)


# ------------------------------------------------------------ likely causes

SWAP_DIGIT_LIMIT = 12
"""Numbers with more digits than this are not searched for transposed digits: a
report's figures have fewer, and the search stays bounded."""


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


def _cause(check: _Check, point: Fraction, stated: ParsedNumber, comparator: str,
           ) -> tuple[str, str, str]:
    """(cause, English note, Persian note) for a figure that is not exact."""
    if comparator != "=":
        return "", "", ""
    s_low, s_high = stated.interval()
    for extra in (1, 2):
        once = round_half_up(point, stated.decimals + extra)
        twice = round_half_up(Fraction(once), stated.decimals)
        if twice == stated.value:
            chain = f"{_num(point, stated.decimals + 3)} → {once} → {twice}"
            return ("double rounding", f"double rounding ({chain})",
                    f"گرد کردن دوباره ({_fa(chain)})")
    for swap in _adjacent_swaps(stated):
        if swap.interval()[0] <= point <= swap.interval()[1]:
            return ("transposed digits",
                    f"transposed digits: the value computes to {swap.text}, printed {stated.text}",
                    f"جابه‌جایی ارقام: مقدار محاسبه‌شده {_fa(swap.text)} و چاپ‌شده "
                    f"{_fa(stated.text)} است")
    for name, number in check.inputs.items():
        for swap in _adjacent_swaps(number):
            p = check.point({**check.inputs, name: swap})
            if s_low <= p <= s_high:
                return ("transposed digits",
                        f"transposed digits: with {swap.text} in place of the table's "
                        f"{number.text} the figure comes out as stated",
                        f"جابه‌جایی ارقام: با {_fa(swap.text)} به جای {_fa(number.text)} "
                        "جدول، رقم اعلام‌شده به دست می‌آید")
    return "", "", ""


def _judged(check: _Check, stated: ParsedNumber, comparator: str) -> _Outcome:
    # Every formula here is of trade values and shares, which are positive; the corner
    # evaluation is exact only where no input's rounding interval reaches zero.
    if any(number.interval()[0] <= 0 for number in check.inputs.values()):
        return _unverifiable("a value the figure is computed from is zero or negative "
                             "within its rounding",
                             "مقداری که رقم از آن محاسبه می‌شود با گرد شدنش صفر یا منفی است")
    point, low, high = check.evaluate()
    verdict = judge(point, low, high, stated, comparator)
    places = _places(stated)
    pt, lo, hi = _num(point, places), _num(low, places), _num(high, places)
    s = stated.text
    cmp_en, cmp_fa = _CMP_EN[comparator], _CMP_FA[comparator]
    head_en = f"{check.text_en} = {pt}%"
    head_fa = f"{check.text_fa} = {_fa(pt)}٪"
    if verdict == C.EXACT:
        tail_en = (f"which rounds to the stated {s}%" if comparator == "="
                   else f"which agrees with the stated {cmp_en}{s}%")
        tail_fa = (f"که به رقم اعلام‌شده {_fa(s)}٪ گرد می‌شود" if comparator == "="
                   else f"که با «{cmp_fa}{_fa(s)}٪» سازگار است")
    elif verdict == C.WITHIN_ROUNDING:
        tail_en = (f"which is not {cmp_en}{s}%, but the rounding of the printed values "
                   f"allows {lo}–{hi}%, which reaches it")
        tail_fa = (f"که {cmp_fa}{_fa(s)}٪ نیست، اما گرد شدن ارقام چاپ‌شده بازه "
                   f"{_fa(lo)} تا {_fa(hi)}٪ را ممکن می‌کند که به آن می‌رسد")
    else:
        tail_en = (f"no values within the rounding of the printed values give {cmp_en}{s}%: "
                   f"they allow only {lo}–{hi}%")
        tail_fa = (f"هیچ مقداری در بازه گرد شدن ارقام چاپ‌شده {cmp_fa}{_fa(s)}٪ نمی‌دهد؛ "
                   f"بازه ممکن فقط {_fa(lo)} تا {_fa(hi)}٪ است")
    en, fa = f"{head_en}, {tail_en}.", f"{head_fa}، {tail_fa}."
    cause = ""
    if verdict != C.EXACT:
        cause, cause_en, cause_fa = _cause(check, point, stated, comparator)
        if cause:
            en += f" Likely cause: {cause_en}."
            fa += f" علت محتمل: {cause_fa}."
    if check.note_en:
        en += f" {check.note_en}"
        fa += f" {check.note_fa}"
    return _Outcome(verdict, en, fa, cause, point, low, high)


# ------------------------------------------------------------ the documents

def _number(text: str, raw: str) -> ParsedNumber:
    value = Decimal(text)
    exponent = value.as_tuple().exponent
    decimals = -exponent if isinstance(exponent, int) and exponent < 0 else 0
    return ParsedNumber(value, decimals, raw)


class _Documents:
    """Lookups over the tables and stated figures of one verification run.

    Everything is indexed once, so each stated figure costs the same however
    many tables and figures the documents hold.
    """

    def __init__(self, tables: pd.DataFrame, stated: pd.DataFrame):
        self.printed: dict[tuple[str, int], ParsedNumber] = {}
        self.series: dict[tuple[str, str, int], str] = {}  # (partner, flow, year) -> table
        self.years: dict[str, list[int]] = {}  # table -> its years, in increasing order
        for row in tables.itertuples(index=False):
            key = (getattr(row, C.TABLE), int(getattr(row, C.YEAR)))
            self.printed[key] = _number(getattr(row, C.VALUE_TEXT), getattr(row, C.RAW))
            self.series.setdefault(
                (getattr(row, C.PARTNER), getattr(row, C.FLOW), key[1]), key[0])
            self.years.setdefault(key[0], []).append(key[1])
        for years in self.years.values():
            years.sort()
        # (flow, year) -> the shares stated for it, in order: all of them, and
        # those whose label names their own table's flow.
        self.shares: dict[tuple[str, int], list[Row]] = {}
        self.agreeing: dict[tuple[str, int], list[Row]] = {}
        for share in stated[stated[C.KIND] == C.SHARE].to_dict("records"):
            where = (share[C.FLOW], int(share[C.YEAR_TO]))
            self.shares.setdefault(where, []).append(share)
            if share[C.BASE] == share[C.FLOW]:
                self.agreeing.setdefault(where, []).append(share)

    def total(self, flow: str, year: int, *, exclude_table: str = "", strict_label: bool,
              ) -> tuple[str, ParsedNumber, ParsedNumber, Row] | None:
        """A total of ``flow`` in ``year`` implied by a stated share: (table, value, share, row).

        Shares whose label names their own table's flow come first; with
        ``strict_label=False`` a share whose label names another flow is read
        as a share of its table's flow.
        """
        agreeing = self.agreeing.get((flow, year), [])
        if strict_label or any(r[C.TABLE] != exclude_table for r in agreeing):
            pick = agreeing
        else:
            pick = self.shares.get((flow, year), [])
        for row in pick:
            if row[C.TABLE] == exclude_table:
                continue
            value = self.printed.get((row[C.TABLE], year))
            if value is not None:
                return row[C.TABLE], value, _number(row[C.STATED_TEXT], row[C.RAW]), row
        return None


def _partner_en(row: Row) -> str:
    return str(row[C.PARTNER_EN] or row[C.PARTNER])


def _describe(row: Row) -> tuple[str, str]:
    kind, partner_fa, flow = row[C.KIND], row[C.PARTNER], row[C.FLOW]
    partner_en = _partner_en(row)
    cmp_en, cmp_fa = _CMP_EN[row[C.COMPARATOR]], _CMP_FA[row[C.COMPARATOR]]
    if kind == C.CHANGE:
        y0, y1 = row[C.YEAR_FROM], row[C.YEAR_TO]
        return (f"{_FLOW_EN[flow].format(partner_en)}: percent change {y0}→{y1}",
                f"{_FLOW_FA[flow].format(partner_fa)}: درصد تغییرات {_fa(str(y0))}–{_fa(str(y1))}")
    if kind == C.SHARE:
        base, year = row[C.BASE], row[C.YEAR_TO]
        return (f"{_FLOW_EN[flow].format(partner_en)}: share of Chile's total "
                f"{_BASE_EN[base]}, {year}",
                f"{_FLOW_FA[flow].format(partner_fa)}: سهم از کل {_BASE_FA[base]} شیلی، "
                f"{_fa(str(year))}")
    if kind == C.TRADE_SHARE:
        year = row[C.YEAR_TO]
        return (f"{partner_en}: {cmp_en}{row[C.STATED_TEXT]}% of Chile's total trade in {year}",
                f"{partner_fa}: {cmp_fa}{_fa(row[C.STATED_TEXT])}٪ کل مبادلات شیلی در "
                f"{_fa(str(year))}")
    if kind == C.GROWTH:
        who_en = f" of trade with {partner_en}" if partner_en else ""
        who_fa = f" تجارت با {partner_fa}" if partner_fa else ""
        span = row[C.SPAN_YEARS]
        return (f"Growth{who_en} of {row[C.STATED_TEXT]}% over {span} years",
                f"رشد{who_fa} {_fa(row[C.STATED_TEXT])}٪ در {_fa(str(span))} سال")
    return (f"A percentage in the text: {row[C.STATED_TEXT]}%",
            f"درصدی در متن: {_fa(row[C.STATED_TEXT])}٪")


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


def _check_change(row: Row, docs: _Documents, stated: ParsedNumber) -> _Outcome:
    table, y0, y1 = row[C.TABLE], int(row[C.YEAR_FROM]), int(row[C.YEAR_TO])
    v0, v1 = docs.printed.get((table, y0)), docs.printed.get((table, y1))
    if v0 is None or v1 is None:
        return _unverifiable(f"the table has no value for {y0 if v0 is None else y1}",
                             f"جدول برای {_fa(str(y0 if v0 is None else y1))} مقداری ندارد")
    check = _Check(lambda v: (v["v1"] - v["v0"]) / v["v0"] * _HUNDRED, {"v0": v0, "v1": v1},
                   f"({v1.text} − {v0.text}) / {v0.text} × 100",
                   f"({_fa(v1.text)} − {_fa(v0.text)}) ÷ {_fa(v0.text)} × ۱۰۰")
    outcome = _judged(check, stated, row[C.COMPARATOR])
    if outcome.verdict != C.INCONSISTENT or outcome.cause:
        return outcome
    for a, b in _neighbouring_periods(docs.years[table], y0, y1):
        other = _Check(check.formula, {"v0": docs.printed[(table, a)],
                                       "v1": docs.printed[(table, b)]}, "", "")
        point, low, high = other.evaluate()
        if judge(point, low, high, stated) != C.INCONSISTENT:
            return _Outcome(
                outcome.verdict,
                f"{outcome.explanation_en} Likely cause: wrong period: the figure matches "
                f"the change {a}→{b} ({_num(point, _places(stated))}%).",
                f"{outcome.explanation_fa} علت محتمل: دوره نادرست: رقم با تغییرات "
                f"{_fa(str(a))}–{_fa(str(b))} ({_fa(_num(point, _places(stated)))}٪) می‌خواند.",
                "wrong period", outcome.point, outcome.low, outcome.high)
    return outcome


def _check_share(row: Row, docs: _Documents, stated: ParsedNumber) -> _Outcome:
    table, year, base, flow = row[C.TABLE], int(row[C.YEAR_TO]), row[C.BASE], row[C.FLOW]
    value = docs.printed.get((table, year))
    base_en, base_fa = _BASE_EN[base], _BASE_FA[base]
    if value is None:
        return _unverifiable(f"the table has no value for {year}",
                             f"جدول برای {_fa(str(year))} مقداری ندارد")
    other = docs.total(base, year, exclude_table=table, strict_label=True) \
        if base in C.FLOWS else None
    if other is None:
        return _unverifiable(
            f"the documents give Chile's total {base_en} in {year} only through this share",
            f"اسناد کل {base_fa} شیلی در {_fa(str(year))} را فقط از راه همین سهم می‌دهند")
    _, other_value, other_share, other_row = other
    check = _Check(
        lambda v: v["v"] / (v["w"] / (v["s"] / _HUNDRED)) * _HUNDRED,
        {"v": value, "w": other_value, "s": other_share},
        f"{value.text} / ({other_value.text} / {other_share.text}%) × 100",
        f"{_fa(value.text)} ÷ ({_fa(other_value.text)} ÷ {_fa(other_share.text)}٪) × ۱۰۰",
        note_en=f"Chile's total {base_en} implied by the share at {other_row[C.SOURCE]}.",
        note_fa=f"کل {base_fa} شیلی از سهم اعلام‌شده در {_ltr(other_row[C.SOURCE])} به دست "
                "آمده است.")
    outcome = _judged(check, stated, row[C.COMPARATOR])
    if outcome.verdict == C.INCONSISTENT and not outcome.cause and base != flow:
        flow_en, flow_fa = _BASE_EN[flow], _BASE_FA[flow]
        return _Outcome(
            outcome.verdict,
            f"{outcome.explanation_en} Likely cause: mislabelled column: the label names "
            f"total {base_en} but the table is of {flow_en}; as a share of total {flow_en} "
            "the figure contradicts nothing in the documents.",
            f"{outcome.explanation_fa} علت محتمل: برچسب نادرست ستون: برچسب از کل {base_fa} "
            f"می‌گوید اما جدول {flow_fa} است؛ به عنوان سهم از کل {flow_fa} با اسناد تناقضی ندارد.",
            "mislabelled column", outcome.point, outcome.low, outcome.high)
    return outcome


def _check_trade_share(row: Row, docs: _Documents, stated: ParsedNumber) -> _Outcome:
    partner, year = row[C.PARTNER], int(row[C.YEAR_TO])
    inputs: dict[str, ParsedNumber] = {}
    names: dict[str, tuple[str, str]] = {}
    notes_en, notes_fa = [], []
    for flow in C.FLOWS:
        table = docs.series.get((partner, flow, year))
        total = docs.total(flow, year, strict_label=False)
        if table is None or total is None:
            missing_en = (f"{_BASE_EN[flow]} with {_partner_en(row)}" if table is None
                          else f"Chile's total {_BASE_EN[flow]}")
            missing_fa = (f"{_BASE_FA[flow]} با {row[C.PARTNER]}" if table is None
                          else f"کل {_BASE_FA[flow]} شیلی")
            return _unverifiable(f"the documents give no {missing_en} in {year}",
                                 f"اسناد رقمی برای {missing_fa} در {_fa(str(year))} ندارند")
        total_table, total_value, share, share_row = total
        inputs[f"{table}|{year}"] = docs.printed[(table, year)]
        inputs[f"{total_table}|{year}"] = total_value
        inputs[f"{share_row[C.SOURCE]}|share"] = share
        names[flow] = (f"{table}|{year}", f"{total_table}|{year}")
        if share_row[C.BASE] != flow:
            notes_en.append(f"The share at {share_row[C.SOURCE]} is read as a share of total "
                            f"{_BASE_EN[flow]}, though its label names total "
                            f"{_BASE_EN[share_row[C.BASE]]}.")
            notes_fa.append(f"سهم اعلام‌شده در {_ltr(share_row[C.SOURCE])} سهم از کل "
                            f"{_BASE_FA[flow]} گرفته شده، هرچند برچسبش از کل "
                            f"{_BASE_FA[share_row[C.BASE]]} می‌گوید.")
        names[flow + "_share"] = (f"{share_row[C.SOURCE]}|share", "")

    def formula(v: Mapping[str, Fraction]) -> Fraction:
        trade = v[names[C.EXPORT][0]] + v[names[C.IMPORT][0]]
        total_x = v[names[C.EXPORT][1]] / (v[names[C.EXPORT + "_share"][0]] / _HUNDRED)
        total_m = v[names[C.IMPORT][1]] / (v[names[C.IMPORT + "_share"][0]] / _HUNDRED)
        return trade / (total_x + total_m)

    def shown(flow: str, style: Callable[[str], str]) -> list[str]:
        keys = (names[flow][0], names[flow][1], names[flow + "_share"][0])
        return [style(inputs[key].text) for key in keys]

    (x, tx, sx), (m, tm, sm) = shown(C.EXPORT, str), shown(C.IMPORT, str)
    (xf, txf, sxf), (mf, tmf, smf) = shown(C.EXPORT, _fa), shown(C.IMPORT, _fa)
    check = _Check(
        lambda v: formula(v) * _HUNDRED, inputs,
        f"({x} + {m}) / ({tx} / {sx}% + {tm} / {sm}%) × 100",
        f"({xf} + {mf}) ÷ ({txf} ÷ {sxf}٪ + {tmf} ÷ {smf}٪) × ۱۰۰",
        note_en=" ".join(["Chile's totals are those implied by the tables' stated shares.",
                          *notes_en]),
        note_fa=" ".join(["کل صادرات و واردات شیلی از سهم‌های اعلام‌شده جدول‌ها به دست آمده است.",
                          *notes_fa]))
    return _judged(check, stated, row[C.COMPARATOR])


class _Reference:
    """Lookups over a reference table (`chile_trade.reference.parse_reference`).

    Where several series give the same quantity, the first in the table is used.
    """

    def __init__(self, reference: pd.DataFrame):
        self.totals: dict[tuple[str, int], tuple[ParsedNumber, dict[Any, Any]]] = {}
        self.bilateral: dict[tuple[str, str, int], tuple[ParsedNumber, dict[Any, Any]]] = {}
        for row in reference.to_dict(orient="records"):
            number = _number(row[C.VALUE_TEXT], row[C.VALUE_TEXT])
            if row["scope"] == "total":
                self.totals.setdefault((row[C.FLOW], int(row[C.YEAR])), (number, row))
            else:
                key = (row[C.PARTNER_EN], row[C.FLOW], int(row[C.YEAR]))
                self.bilateral.setdefault(key, (number, row))


def _cited(rows: list[dict[Any, Any]]) -> str:
    return "; ".join(dict.fromkeys(f"{r['series']} ({r[C.SOURCE]}): {r['citation']}"
                                   for r in rows))


_RefOutcome = tuple[_Outcome, list[dict[Any, Any]]]


def _reference_change(row: Row, docs: _Documents, ref: _Reference) -> _RefOutcome:
    stated = _number(row[C.STATED_TEXT], row[C.RAW])
    partner, flow = str(row[C.PARTNER_EN]), row[C.FLOW]
    y0, y1 = int(row[C.YEAR_FROM]), int(row[C.YEAR_TO])
    v0, v1 = ref.bilateral.get((partner, flow, y0)), ref.bilateral.get((partner, flow, y1))
    if v0 is None or v1 is None:
        missing = y0 if v0 is None else y1
        return _unverifiable(
            f"the reference has no series for {_BASE_EN[flow]} with {partner} in {missing}",
            f"مرجع رقمی برای {_BASE_FA[flow]} با {row[C.PARTNER]} در {_fa(str(missing))} ندارد",
        ), []
    check = _Check(lambda v: (v["v1"] - v["v0"]) / v["v0"] * _HUNDRED,
                   {"v0": v0[0], "v1": v1[0]},
                   f"({v1[0].text} − {v0[0].text}) / {v0[0].text} × 100",
                   f"({_fa(v1[0].text)} − {_fa(v0[0].text)}) ÷ {_fa(v0[0].text)} × ۱۰۰")
    return _judged(check, stated, row[C.COMPARATOR]), [v0[1], v1[1]]


def _reference_share(row: Row, docs: _Documents, ref: _Reference) -> _RefOutcome:
    stated = _number(row[C.STATED_TEXT], row[C.RAW])
    base, year = row[C.BASE], int(row[C.YEAR_TO])
    value, total = docs.printed.get((row[C.TABLE], year)), ref.totals.get((base, year))
    if value is None or total is None:
        return _unverifiable(
            f"the reference has no total for Chile's {_BASE_EN[base]} in {year}",
            f"مرجع کل {_BASE_FA[base]} شیلی در {_fa(str(year))} را ندارد"), []
    series = total[1]["series"]
    check = _Check(lambda v: v["v"] / v["t"] * _HUNDRED, {"v": value, "t": total[0]},
                   f"{value.text} / {total[0].text} × 100",
                   f"{_fa(value.text)} ÷ {_fa(total[0].text)} × ۱۰۰",
                   note_en=f"The table's value over the reference total ({series}).",
                   note_fa=f"رقم جدول تقسیم بر کل مرجع ({series}).")
    return _judged(check, stated, row[C.COMPARATOR]), [total[1]]


def _reference_trade_share(row: Row, docs: _Documents, ref: _Reference) -> _RefOutcome:
    stated = _number(row[C.STATED_TEXT], row[C.RAW])
    year = int(row[C.YEAR_TO])
    tables = [docs.series.get((row[C.PARTNER], flow, year)) for flow in C.FLOWS]
    totals = [ref.totals.get((flow, year)) for flow in C.FLOWS]
    if tables[0] is None or tables[1] is None or totals[0] is None or totals[1] is None:
        return _unverifiable(f"the reference has no totals for Chile's trade in {year}",
                             f"مرجع کل تجارت شیلی در {_fa(str(year))} را ندارد"), []
    x, m = docs.printed[(tables[0], year)], docs.printed[(tables[1], year)]
    (tx, tx_row), (tm, tm_row) = totals[0], totals[1]
    check = _Check(lambda v: (v["x"] + v["m"]) / (v["tx"] + v["tm"]) * _HUNDRED,
                   {"x": x, "m": m, "tx": tx, "tm": tm},
                   f"({x.text} + {m.text}) / ({tx.text} + {tm.text}) × 100",
                   f"({_fa(x.text)} + {_fa(m.text)}) ÷ ({_fa(tx.text)} + {_fa(tm.text)})"
                   " × ۱۰۰",
                   note_en="The tables' values over the reference totals.",
                   note_fa="ارقام جدول‌ها تقسیم بر کل‌های مرجع.")
    return _judged(check, stated, row[C.COMPARATOR]), [tx_row, tm_row]


_REFERENCE_CHECKS = {C.CHANGE: _reference_change, C.SHARE: _reference_share,
                     C.TRADE_SHARE: _reference_trade_share}


def _reference_outcome(row: Row, docs: _Documents, ref: _Reference) -> _RefOutcome:
    """The verdict of a stated figure against the reference, and the reference rows used.

    Percent changes use the reference's bilateral series; shares use the
    report's table value over the reference's total.
    """
    check = _REFERENCE_CHECKS.get(row[C.KIND])
    if check is None:
        return _unverifiable("the reference holds no figures this refers to",
                             "مرجع رقمی که این به آن اشاره دارد ندارد"), []
    return check(row, docs, ref)


def _check(row: Row, docs: _Documents) -> _Outcome:
    stated = _number(row[C.STATED_TEXT], row[C.RAW])
    kind = row[C.KIND]
    if kind == C.CHANGE:
        return _check_change(row, docs, stated)
    if kind == C.SHARE:
        return _check_share(row, docs, stated)
    if kind == C.TRADE_SHARE:
        return _check_trade_share(row, docs, stated)
    if kind == C.GROWTH:
        return _unverifiable(
            "the documents give neither the base year nor the values this growth is measured on",
            "اسناد نه سال پایه و نه ارقامی را که این رشد بر آن سنجیده شده به دست می‌دهند")
    return _unverifiable("the documents hold no figures this percentage refers to",
                         "اسناد رقمی که این درصد به آن اشاره دارد ندارند")


def verify(tables: pd.DataFrame, stated: pd.DataFrame,
           reference: pd.DataFrame | None = None) -> pd.DataFrame:
    """Give every stated figure one verdict, recomputed exactly.

    Parameters
    ----------
    tables : pandas.DataFrame
        Tidy table rows (`chile_trade.dataset.load_tables` or
        `chile_trade.extraction.extract`).
    stated : pandas.DataFrame
        Stated figures from the same documents.
    reference : pandas.DataFrame, optional
        Official figures (`chile_trade.dataset.load_reference` or
        `chile_trade.reference.parse_reference`). Each figure is then
        checked a second time, with the reference's values in place of the
        report's where the reference has them: its bilateral series for
        percent changes, its totals for shares.

    Returns
    -------
    pandas.DataFrame
        One row per stated figure, in order, columns
        `chile_trade.columns.VERIFICATION_COLUMNS`: ``source``
        (``file:line``), ``claim`` and ``claim_fa`` (short descriptions),
        ``kind``, ``comparator``, ``stated`` (float), ``stated_text``
        (exact), ``computed``, ``computed_low``, ``computed_high`` (float
        percent, NaN when unverifiable), ``computed_exact``
        (`fractions.Fraction` or None), ``verdict``, ``explanation`` and
        ``explanation_fa`` (one line each), ``likely_cause`` ('' if none),
        ``raw``. With a reference, also ``reference_verdict``,
        ``reference_computed``, ``reference_computed_low``,
        ``reference_computed_high``, ``reference_explanation``,
        ``reference_explanation_fa`` and ``reference_source`` (the series
        used, their ``file:line`` and citation).

    Raises
    ------
    ValueError
        If a frame lacks a column the check reads, holds the wrong kind of
        value, gives a table two values for one year (a reference: a series
        two values for one year), or has a ``value`` that is not the value of
        its ``value_text`` (``stated`` of ``stated_text``); the message names
        the column and row.

    Examples
    --------
    >>> from chile_trade.dataset import load_tables, load_stated
    >>> result = verify(load_tables(), load_stated())
    >>> result.loc[result["kind"] == "change", ["stated_text", "verdict"]].to_numpy().tolist()
    [['18', 'exact'], ['43.8', 'within_rounding']]
    """
    check_frame(tables, "tables", TABLES_SPEC)
    check_unique(tables, "tables", [C.TABLE, C.YEAR], "one value for each table and year")
    check_frame(stated, "stated", STATED_SPEC)
    if reference is not None:
        check_frame(reference, "reference", REFERENCE_SPEC)
        check_unique(reference, "reference", ["series", C.YEAR],
                     "one value for each series and year")
    docs = _Documents(tables, stated)
    ref = _Reference(reference) if reference is not None else None
    rows = []

    def as_float(x: Fraction | None) -> float:
        return float(x) if x is not None else float("nan")

    for row in stated.to_dict("records"):
        outcome = _check(row, docs)
        claim_en, claim_fa = _describe(row)
        extra: dict[str, object] = {}
        if ref is not None:
            against, used = _reference_outcome(row, docs, ref)
            extra = {
                C.REF_VERDICT: against.verdict, C.REF_COMPUTED: as_float(against.point),
                C.REF_COMPUTED_LOW: as_float(against.low),
                C.REF_COMPUTED_HIGH: as_float(against.high),
                C.REF_EXPLANATION: against.explanation_en,
                C.REF_EXPLANATION_FA: against.explanation_fa, C.REF_SOURCE: _cited(used),
            }
        rows.append({
            C.SOURCE: row[C.SOURCE], C.CLAIM: claim_en, C.CLAIM_FA: claim_fa,
            C.KIND: row[C.KIND], C.COMPARATOR: row[C.COMPARATOR], C.STATED: row[C.STATED],
            C.STATED_TEXT: row[C.STATED_TEXT], C.COMPUTED: as_float(outcome.point),
            C.COMPUTED_LOW: as_float(outcome.low), C.COMPUTED_HIGH: as_float(outcome.high),
            C.COMPUTED_EXACT: outcome.point, C.VERDICT: outcome.verdict,
            C.EXPLANATION: outcome.explanation_en, C.EXPLANATION_FA: outcome.explanation_fa,
            C.LIKELY_CAUSE: outcome.cause, C.RAW: row[C.RAW], **extra,
        })
    columns = C.VERIFICATION_COLUMNS + (C.REFERENCE_VERDICT_COLUMNS if ref is not None else [])
    frame = pd.DataFrame(rows, columns=columns)
    for col in (C.STATED, C.COMPUTED, C.COMPUTED_LOW, C.COMPUTED_HIGH, C.REF_COMPUTED,
                C.REF_COMPUTED_LOW, C.REF_COMPUTED_HIGH):
        if col in frame:
            frame[col] = frame[col].astype("float64")
    frame[C.COMPUTED_EXACT] = frame[C.COMPUTED_EXACT].astype(object)
    return frame
