"""Official reference figures: read a reference table and compare the report with it.

A reference table is a CSV with the columns ``series,year,value_musd,
valuation,source`` (the shape of ``shared/reference/`` and of the shipped
``chile_trade/data/reference_chile_1992_1995.csv``). Series names say what a
row is: ``chile_total_exports``, ``chile_total_imports``,
``chile_exports_to_us``, ``chile_imports_from_us``, optionally followed by
``_<variant>`` for a second source of the same quantity
(``chile_total_exports_state_dept``). Series from different sources are kept
apart, never averaged: where several give the same quantity, the first in
the file is the primary one.

Functions here take strings and DataFrames; `chile_trade.io.dataset` and
`chile_trade.io.reading` read the files.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator
from decimal import Decimal

import pandas as pd

from chile_trade import columns as C
from chile_trade.core import vocabulary as V
from chile_trade.core.numbers import MAX_DIGITS, quoted
from chile_trade.errors import InputError

__all__ = [
    "MATCH_TOLERANCE",
    "REFERENCE_CSV_COLUMNS",
    "compare_with_reference",
    "parse_reference",
]

REFERENCE_CSV_COLUMNS = ("series", "year", "value_musd", "valuation", "source")
MATCH_TOLERANCE = 0.005
"""A report value within 0.5 % of a reference value is marked ``matched``."""

SERIES = "series"
CITATION = "citation"
SCOPE = "scope"  # "total" or "bilateral"
REFERENCE_COLUMNS = [C.SOURCE, SERIES, SCOPE, C.PARTNER_EN, C.FLOW, C.YEAR, C.VALUE,
                     C.VALUE_TEXT, C.VALUATION, CITATION]

_SERIES_RE = re.compile(
    r"^(?P<reporter>[a-z]+)_(?:total_(?P<total>exports|imports)|exports_to_(?P<to>[a-z]+)"
    r"|imports_from_(?P<from>[a-z]+))(?:_(?P<variant>[a-z0-9_]+))?$")
_FLOW = {"exports": C.EXPORT, "imports": C.IMPORT}
_VALUE_RE = re.compile(r"-?+[0-9]++(?:\.[0-9]++)?+")


def _records(text: str, source: str) -> Iterator[tuple[int, list[str]]]:
    """The CSV's records, each with the physical line it starts on (a quoted field may
    hold line breaks); malformed CSV is an error with its line."""
    reader = csv.reader(io.StringIO(text), strict=True)
    while True:
        start = reader.line_num + 1
        try:
            fields = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            raise InputError(f"not valid CSV: {exc}", source=source,
                             line=reader.line_num) from None
        yield start, fields


def parse_reference(text: str, source: str = "<reference>") -> pd.DataFrame:
    """Read a reference table from CSV text.

    Parameters
    ----------
    text : str
        The CSV, header ``series,year,value_musd,valuation,source``.
    source : str
        File name for provenance and error messages.

    Returns
    -------
    pandas.DataFrame
        One row per series and year: ``source`` (``file:line``), ``series``,
        ``scope`` (``total`` or ``bilateral``), ``partner_en`` (``''`` for
        totals), ``flow``, ``year``, ``value`` (float), ``value_text``
        (exact, as printed), ``valuation``, ``citation``.

    Raises
    ------
    InputError
        With file and line, for a missing column, an unknown series name, a
        bad year or value, or a series given twice for one year.

    Examples
    --------
    >>> ref = parse_reference("series,year,value_musd,valuation,source\\n"
    ...                       "chile_exports_to_us,1993,1655,FOB,State Dept\\n", "ref.csv")
    >>> ref[["source", "scope", "partner_en", "flow", "year", "value_text"]].to_numpy().tolist()
    [['ref.csv:2', 'bilateral', 'United States', 'export', 1993, '1655']]
    """
    records = _records(text, source)
    line, header = next(records, (1, None))
    if header is None or tuple(h.strip() for h in header) != REFERENCE_CSV_COLUMNS:
        raise InputError(f"reference header must be {','.join(REFERENCE_CSV_COLUMNS)}; "
                         f"got {quoted(','.join(header or []))}", source=source, line=line)
    rows, seen = [], set()
    for line, fields in records:
        if not any(f.strip() for f in fields):
            continue
        if len(fields) != len(REFERENCE_CSV_COLUMNS):
            raise InputError(f"expected {len(REFERENCE_CSV_COLUMNS)} fields, got {len(fields)}",
                             source=source, line=line)
        series, year_text, value_text, valuation, citation = (f.strip() for f in fields)
        match = _SERIES_RE.match(series)
        if match is None:
            raise InputError(f"unknown series name {quoted(series)}: expected e.g. "
                             "chile_total_exports or chile_exports_to_us",
                             source=source, line=line)
        if not re.fullmatch(r"[0-9]{4}", year_text):
            raise InputError(f"year {quoted(year_text)} is not a four-digit year",
                             source=source, line=line)
        if not _VALUE_RE.fullmatch(value_text):
            raise InputError(f"value {quoted(value_text)} is not a number",
                             source=source, line=line)
        if sum(ch.isdigit() for ch in value_text) > MAX_DIGITS:
            raise InputError(f"value {quoted(value_text)} has more than {MAX_DIGITS} digits",
                             source=source, line=line)
        value = Decimal(value_text)
        if (series, year_text) in seen:
            raise InputError(f"series {series} is given twice for {year_text}",
                             source=source, line=line)
        seen.add((series, year_text))
        partner_code = match["to"] or match["from"]
        rows.append({
            C.SOURCE: f"{source}:{line}", SERIES: series,
            SCOPE: "total" if match["total"] else "bilateral",
            C.PARTNER_EN: V.PLACE_CODES.get(partner_code, partner_code) if partner_code else "",
            C.FLOW: _FLOW[match["total"] or ("exports" if match["to"] else "imports")],
            C.YEAR: int(year_text), C.VALUE: float(value), C.VALUE_TEXT: value_text,
            C.VALUATION: valuation, CITATION: citation,
        })
    frame = pd.DataFrame(rows, columns=REFERENCE_COLUMNS)
    return frame.astype({C.YEAR: "int64", C.VALUE: "float64"})


def compare_with_reference(tables: pd.DataFrame, reference: pd.DataFrame) -> pd.DataFrame:
    """Each report table value beside every reference series for the same quantity.

    ``difference = report − reference``; ``status`` is ``matched`` when
    ``|difference| <= MATCH_TOLERANCE × reference`` (0.5 %), else ``differs``.

    Returns
    -------
    pandas.DataFrame
        Columns ``source`` (report ``file:line``), ``partner_en``, ``flow``,
        ``year``, ``value``, ``valuation``, ``reference_value``,
        ``reference_valuation``, ``difference``, ``relative_difference``,
        ``status``, ``series``, ``citation``, ``reference_source``; empty
        with these columns where nothing overlaps.

    Examples
    --------
    >>> tables = pd.DataFrame({"source": ["r:3"], "partner_en": ["United States"],
    ...     "flow": ["import"], "year": [1992], "value": [1984.0], "valuation": ["FOB"]})
    >>> ref = parse_reference("series,year,value_musd,valuation,source\\n"
    ...                       "chile_imports_from_us,1992,1985,CIF,x\\n", "ref.csv")
    >>> compare_with_reference(tables, ref)[["difference", "status"]].to_numpy().tolist()
    [[-1.0, 'matched']]
    """
    bilateral = reference[reference[SCOPE] == "bilateral"].rename(columns={
        C.VALUE: "reference_value", C.VALUATION: "reference_valuation",
        C.SOURCE: "reference_source"})
    merged = tables[[C.SOURCE, C.PARTNER_EN, C.FLOW, C.YEAR, C.VALUE, C.VALUATION]].merge(
        bilateral[[C.PARTNER_EN, C.FLOW, C.YEAR, "reference_value", "reference_valuation",
                   SERIES, CITATION, "reference_source"]],
        on=[C.PARTNER_EN, C.FLOW, C.YEAR], how="inner")
    merged["difference"] = merged[C.VALUE] - merged["reference_value"]
    merged["relative_difference"] = merged["difference"] / merged["reference_value"]
    merged["status"] = merged["relative_difference"].abs().le(MATCH_TOLERANCE).map(
        {True: "matched", False: "differs"})
    return merged[[C.SOURCE, C.PARTNER_EN, C.FLOW, C.YEAR, C.VALUE, C.VALUATION,
                   "reference_value", "reference_valuation", "difference",
                   "relative_difference", "status", SERIES, CITATION, "reference_source"]]
