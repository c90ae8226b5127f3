"""Trade indicators on the package's DataFrames, vectorised, in floats.

These are for analysis and charts. Verdicts on stated figures are computed
separately and exactly in `chile_trade.core.checks`, with the same formulas
(`chile_trade.core.formulas`).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from chile_trade import columns as C
from chile_trade.core import formulas as F
from chile_trade.validation import (
    NUMBER,
    OPTIONAL_TEXT,
    TEXT,
    WHOLE,
    check_frame,
    check_unique,
    vocabulary,
)

__all__ = [
    "cagr",
    "coverage_ratio",
    "implied_totals",
    "share_of_total_trade",
    "to_wide",
    "total_trade",
    "trade_balance",
    "yoy_growth",
]

GROWTH_PCT = "growth_pct"
CAGR_PCT = "cagr_pct"
SHARE_PCT = "share_pct"
IMPLIED_TOTAL = "implied_total"
BALANCE = "balance"
TOTAL_TRADE = "total_trade"
COVERAGE_PCT = "coverage_pct"

_SERIES_KEYS = [C.TABLE, C.PARTNER, C.PARTNER_EN, C.FLOW]


_FLOW = vocabulary(C.FLOWS)
_SERIES_SPEC = {C.TABLE: TEXT, C.PARTNER: TEXT, C.PARTNER_EN: TEXT, C.FLOW: _FLOW,
                C.YEAR: WHOLE, C.VALUE: NUMBER}
_WIDE_SPEC = {C.EXPORT: NUMBER, C.IMPORT: NUMBER}


def _check_series(tables: pd.DataFrame) -> None:
    check_frame(tables, "tables", _SERIES_SPEC)
    check_unique(tables, "tables", [*_SERIES_KEYS, C.YEAR], "one value for each series and year")


def to_wide(tables: pd.DataFrame) -> pd.DataFrame:
    """One row per partner and year, one column per flow.

    Parameters
    ----------
    tables : pandas.DataFrame
        Tidy table rows (`chile_trade.io.dataset.load_tables`).

    Returns
    -------
    pandas.DataFrame
        Index ``(partner, year)``; columns ``export`` and ``import`` (float,
        NaN where a document gives no value). Rows that repeat a value (the
        same table in two documents) count once.

    Raises
    ------
    ValueError
        Where two rows give one partner, flow and year different values,
        naming both rows.

    Examples
    --------
    >>> tidy = pd.DataFrame({"partner": ["X", "X"], "flow": ["export", "import"],
    ...                      "year": [2000, 2000], "value": [5.0, 7.0]})
    >>> to_wide(tidy).to_dict("records")
    [{'export': 5.0, 'import': 7.0}]
    """
    check_frame(tables, "tables", {C.PARTNER: TEXT, C.FLOW: _FLOW, C.YEAR: WHOLE,
                                   C.VALUE: NUMBER})
    # Two documents giving the same value (a report and its copy) agree; two values
    # for one partner, flow and year are refused, never reduced to one of them.
    agreed = tables.drop_duplicates([C.PARTNER, C.FLOW, C.YEAR, C.VALUE])
    check_unique(agreed, "tables", [C.PARTNER, C.FLOW, C.YEAR],
                 "one value for each partner, flow and year (the rows disagree; select one "
                 "table)")
    wide = agreed.pivot_table(index=[C.PARTNER, C.YEAR], columns=C.FLOW, values=C.VALUE,
                              aggfunc="first", observed=True)
    wide = wide.reindex(columns=list(C.FLOWS))
    wide.columns.name = None
    return wide


def yoy_growth(tables: pd.DataFrame) -> pd.DataFrame:
    """Year-over-year growth of every series in a tidy table.

    ``growth_pct = (value_t − value_prev) / value_prev × 100``, where
    ``prev`` is the previous year present in the same table (NaN for a
    series' first year).

    Returns
    -------
    pandas.DataFrame
        The tidy rows sorted by series and year, with ``year_from`` (the
        previous year, 0 for the first) and ``growth_pct`` added.

    Examples
    --------
    >>> tidy = pd.DataFrame({"table": "t", "partner": "X", "partner_en": "", "flow": "export",
    ...                      "year": [2001, 2000], "value": [110.0, 100.0]})
    >>> yoy_growth(tidy)[["year_from", "year", "growth_pct"]].to_numpy().tolist()
    [[0.0, 2000.0, nan], [2000.0, 2001.0, 10.0]]
    """
    _check_series(tables)
    out = tables.sort_values([*_SERIES_KEYS, C.YEAR]).reset_index(drop=True)
    grouped = out.groupby(_SERIES_KEYS, sort=False, observed=True, dropna=False)
    previous = grouped[C.VALUE].shift()
    out[C.YEAR_FROM] = grouped[C.YEAR].shift().fillna(0).astype("int64")
    out[GROWTH_PCT] = F.percent_change(previous, out[C.VALUE])
    return out


def cagr(tables: pd.DataFrame, start: int | None = None, end: int | None = None) -> pd.DataFrame:
    """Compound annual growth rate of every series over ``start``–``end``.

    ``cagr_pct = ((value_end / value_start) ** (1 / (end − start)) − 1) × 100``.
    ``start`` and ``end`` default to each series' first and last year.

    Returns
    -------
    pandas.DataFrame
        One row per series: ``table``, ``partner``, ``partner_en``, ``flow``,
        ``year_from``, ``year_to``, ``cagr_pct`` (NaN where a year is missing).

    Examples
    --------
    >>> tidy = pd.DataFrame({"table": "t", "partner": "X", "partner_en": "", "flow": "export",
    ...                      "year": [2000, 2001, 2002], "value": [100.0, 150.0, 121.0]})
    >>> round(float(cagr(tidy)["cagr_pct"].iloc[0]), 9)  # sqrt(121 / 100) - 1 = 0.1
    10.0
    """
    _check_series(tables)
    if start is not None and end is not None and end <= start:
        raise ValueError(f"end must be after start; got start={start}, end={end}")
    series = tables.pivot_table(index=_SERIES_KEYS, columns=C.YEAR, values=C.VALUE,
                                aggfunc="first", observed=True)
    present = series.notna().to_numpy()
    years = series.columns.to_numpy(dtype="int64")
    rows = np.arange(len(series))
    if len(years):
        first = years[present.argmax(axis=1)] if start is None else np.full(len(series), start)
        last = (years[len(years) - 1 - present[:, ::-1].argmax(axis=1)]
                if end is None else np.full(len(series), end))
    else:
        first = last = np.zeros(0, dtype="int64")

    def value_at(year: np.ndarray) -> np.ndarray:
        position = series.columns.get_indexer(pd.Index(year))
        values = series.to_numpy(dtype=float)[rows, np.maximum(position, 0)]
        return np.where(position >= 0, values, np.nan)

    span = (last - first).astype(float)
    with np.errstate(divide="ignore", invalid="ignore"):
        rate = F.cagr(value_at(first), value_at(last), span)
    out = series.index.to_frame(index=False)
    out[C.YEAR_FROM] = first.astype("int64")
    out[C.YEAR_TO] = last.astype("int64")
    out[CAGR_PCT] = np.where(span > 0, rate, np.nan)
    return out


def trade_balance(wide: pd.DataFrame) -> pd.Series:
    """``balance = export − import`` per row of a wide frame (`to_wide`).

    Examples
    --------
    >>> trade_balance(pd.DataFrame({"export": [5.0], "import": [7.0]})).tolist()
    [-2.0]
    """
    check_frame(wide, "wide", _WIDE_SPEC)
    result: pd.Series = F.balance(wide[C.EXPORT], wide[C.IMPORT]).rename(BALANCE)
    return result


def total_trade(wide: pd.DataFrame) -> pd.Series:
    """``total_trade = export + import`` per row of a wide frame.

    Examples
    --------
    >>> total_trade(pd.DataFrame({"export": [5.0], "import": [7.0]})).tolist()
    [12.0]
    """
    check_frame(wide, "wide", _WIDE_SPEC)
    result: pd.Series = F.total_trade(wide[C.EXPORT], wide[C.IMPORT]).rename(TOTAL_TRADE)
    return result


def coverage_ratio(wide: pd.DataFrame) -> pd.Series:
    """Export/import coverage: ``coverage_pct = export / import × 100``.

    Examples
    --------
    >>> coverage_ratio(pd.DataFrame({"export": [5.0], "import": [8.0]})).tolist()
    [62.5]
    """
    check_frame(wide, "wide", _WIDE_SPEC)
    result: pd.Series = F.coverage(wide[C.EXPORT], wide[C.IMPORT]).rename(COVERAGE_PCT)
    return result


def implied_totals(tables: pd.DataFrame, stated: pd.DataFrame) -> pd.DataFrame:
    """The reporter's totals implied by stated shares.

    For a stated share ``s`` (percent) of a table value ``v`` in the same
    table and year: ``implied_total = v / s × 100``. The total is of the
    share's own table flow; ``base`` gives what the column label names, which
    differs where a label is wrong (see `chile_trade.frames`).

    Returns
    -------
    pandas.DataFrame
        One row per stated share: ``source``, ``table``, ``partner``,
        ``flow``, ``base``, ``year``, ``value``, ``share_pct``,
        ``implied_total``.

    Examples
    --------
    >>> tidy = pd.DataFrame({"table": ["t"], "flow": ["export"], "year": [2000],
    ...                      "value": [25.0]})
    >>> shares = pd.DataFrame({"source": ["f:3"], "table": ["t"], "kind": ["share_of_total"],
    ...                        "partner": ["X"], "flow": ["export"], "base": ["export"],
    ...                        "year_to": [2000], "stated": [12.5]})
    >>> implied_totals(tidy, shares)["implied_total"].tolist()  # 25 / 12.5 * 100
    [200.0]
    """
    check_frame(tables, "tables", {C.TABLE: TEXT, C.YEAR: WHOLE, C.VALUE: NUMBER})
    check_unique(tables, "tables", [C.TABLE, C.YEAR], "one value for each table and year")
    check_frame(stated, "stated", {C.SOURCE: TEXT, C.TABLE: OPTIONAL_TEXT, C.KIND: TEXT,
                                   C.PARTNER: OPTIONAL_TEXT, C.FLOW: OPTIONAL_TEXT,
                                   C.BASE: OPTIONAL_TEXT,
                                   C.YEAR_TO: WHOLE, C.STATED: NUMBER})
    shares = stated.loc[stated[C.KIND] == C.SHARE,
                        [C.SOURCE, C.TABLE, C.PARTNER, C.FLOW, C.BASE, C.YEAR_TO, C.STATED]]
    shares = shares.rename(columns={C.YEAR_TO: C.YEAR, C.STATED: SHARE_PCT})
    merged = shares.merge(tables[[C.TABLE, C.YEAR, C.VALUE]], on=[C.TABLE, C.YEAR], how="left")
    merged[IMPLIED_TOTAL] = F.implied_total(merged[C.VALUE], merged[SHARE_PCT])
    return merged[[C.SOURCE, C.TABLE, C.PARTNER, C.FLOW, C.BASE, C.YEAR, C.VALUE, SHARE_PCT,
                   IMPLIED_TOTAL]]


def share_of_total_trade(wide: pd.DataFrame, totals: pd.DataFrame) -> pd.Series:
    """A partner's share of the reporter's total trade, per partner and year.

    ``share_pct = (export + import) / (total_export + total_import) × 100``,
    with the totals taken from ``totals`` (`implied_totals`, one row per
    flow and year; the first row of each flow and year is used).

    Returns
    -------
    pandas.Series
        Indexed like ``wide``; NaN where a total is missing.

    Examples
    --------
    >>> wide = pd.DataFrame({"export": [10.0], "import": [30.0]},
    ...                     index=pd.MultiIndex.from_tuples([("X", 2000)],
    ...                                                     names=["partner", "year"]))
    >>> totals = pd.DataFrame({"flow": ["export", "import"], "year": [2000, 2000],
    ...                        "implied_total": [100.0, 100.0]})
    >>> share_of_total_trade(wide, totals).tolist()  # (10 + 30) / (100 + 100) * 100
    [20.0]
    """
    check_frame(wide, "wide", _WIDE_SPEC)
    check_frame(totals, "totals", {C.FLOW: TEXT, C.YEAR: WHOLE, IMPLIED_TOTAL: NUMBER})
    by_year = totals.pivot_table(index=C.YEAR, columns=C.FLOW, values=IMPLIED_TOTAL,
                                 aggfunc="first", observed=True).reindex(columns=list(C.FLOWS))
    years = wide.index.get_level_values(C.YEAR)
    totals = by_year.reindex(years)
    share: pd.Series = F.share_of_total_trade(
        wide[C.EXPORT], wide[C.IMPORT], totals[C.EXPORT].to_numpy(),
        totals[C.IMPORT].to_numpy()).rename(SHARE_PCT)
    return share
