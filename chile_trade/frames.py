"""The frame edge: records in and out of the documented pandas DataFrames.

The core works on records (`chile_trade.core.records`); a DataFrame is built
here, once per call (`extract`, `verify`) or once per batch of documents
(`chile_trade.io.archive`), from lists of records. Frames a user hands to
`verify` are checked (`chile_trade.validation`) and turned back into records.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

import numpy as np
import pandas as pd

from chile_trade import columns as C
from chile_trade.core import checks
from chile_trade.core import vocabulary as V
from chile_trade.core.grammar import read
from chile_trade.core.numbers import ParsedNumber
from chile_trade.core.records import (
    Claim,
    Period,
    Quantity,
    ReferenceFigure,
    Span,
    Subject,
    TableCell,
    Verdict,
)
from chile_trade.present.explain import describe, explain
from chile_trade.validation import (
    REFERENCE_SPEC,
    STATED_SPEC,
    TABLES_SPEC,
    check_frame,
    check_ranges,
    check_unique,
)

__all__ = ["Extraction", "cells_of", "checked_reference", "claims_of", "extract",
           "extract_documents", "reference_of", "result_frame", "stated_frame", "tables_frame",
           "typed", "verdicts", "verify"]


@dataclass(frozen=True)
class Extraction:
    """What one or more documents state.

    Attributes
    ----------
    tables : pandas.DataFrame
        Tidy table values, columns `chile_trade.columns.TABLE_COLUMNS`.
    stated : pandas.DataFrame
        Stated percentages, columns `chile_trade.columns.STATED_COLUMNS`.
    """

    tables: pd.DataFrame
    stated: pd.DataFrame


# ------------------------------------------------------------- dtypes

FLOW_DTYPE = pd.CategoricalDtype(list(V.TABLE_FLOWS), ordered=True)
"""``flow``: an ordered categorical, exports before imports."""
VERDICT_DTYPE = pd.CategoricalDtype(list(V.VERDICTS), ordered=True)
"""``verdict``: an ordered categorical, from ``exact`` to ``unverifiable``."""
TEXT_DTYPE = pd.StringDtype()
"""Text columns: pandas' string dtype, missing text as ``<NA>``."""

_INT_COLUMNS = (C.LINE, C.YEAR)
_NULLABLE_INT_COLUMNS = (C.YEAR_FROM, C.YEAR_TO, C.SPAN_YEARS)  # <NA> where not given
_FLOAT_COLUMNS = (C.VALUE, C.STATED, C.STATED_LOW)
_BOOL_COLUMNS = (C.FISCAL_YEAR,)
_CATEGORICAL = {C.FLOW: FLOW_DTYPE, C.VERDICT: VERDICT_DTYPE, C.REF_VERDICT: VERDICT_DTYPE}


def _dtype(column: str) -> Any:
    if column in _INT_COLUMNS:
        return "int64"
    if column in _NULLABLE_INT_COLUMNS:
        return "Int64"
    if column in _FLOAT_COLUMNS:
        return "float64"
    if column in _BOOL_COLUMNS:
        return "boolean"
    return _CATEGORICAL.get(column, TEXT_DTYPE)


def typed(frame: pd.DataFrame) -> pd.DataFrame:
    """Give a table or stated-figures frame its documented dtypes.

    Years and counts are integers (``year_from``, ``year_to`` and
    ``span_years`` nullable: ``<NA>`` where the document gives none), values
    floats, ``flow`` an ordered categorical, and the rest text with missing
    text (``None``, NaN or ``''``) as ``<NA>``.
    """
    changes = {c: _dtype(c) for c in frame.columns}
    changes = {c: t for c, t in changes.items() if frame[c].dtype != t}
    if not changes:
        return frame
    frame = frame.copy()
    for column, dtype in changes.items():
        values = frame[column]
        if dtype == "int64" or (dtype == "float64" and not pd.api.types.is_string_dtype(values)
                                and values.dtype != object):
            continue
        if values.dtype == object or pd.api.types.is_string_dtype(values):
            # An empty text cell (a CSV's missing value) is missing, not a word or a 0.
            values = values.mask(values.isna() | (values == ""), None)
        if dtype in ("Int64", "float64") and not pd.api.types.is_numeric_dtype(values):
            values = pd.to_numeric(values)
        if dtype == "boolean" and not pd.api.types.is_bool_dtype(values):
            values = values.map({"True": True, "False": False, "true": True, "false": False,
                                 True: True, False: False}, na_action="ignore")
        frame[column] = values
    return frame.astype(changes)


def _array(values: list[Any], dtype: Any) -> Any:
    """A column of the given dtype from a list of values, ``None`` for missing."""
    if dtype in ("int64", "float64"):
        return np.asarray(values, dtype=dtype)
    if isinstance(dtype, pd.CategoricalDtype):
        return pd.Categorical(values, dtype=dtype)
    return pd.array(values, dtype=dtype)


def _frame(columns: dict[str, list[Any]], order: list[str]) -> pd.DataFrame:
    """A frame of the documented dtypes, built once from columns of record values."""
    return pd.DataFrame({name: _array(columns[name], _dtype(name)) for name in order},
                        columns=order)


# ------------------------------------------------------- records -> frames

def tables_frame(cells: Sequence[TableCell]) -> pd.DataFrame:
    """Table cells as the tidy table frame (`chile_trade.columns.TABLE_COLUMNS`)."""
    return _frame({
        C.SOURCE: [c.span.source for c in cells], C.FILE: [c.span.file for c in cells],
        C.LINE: [c.span.line for c in cells], C.TABLE: [c.table for c in cells],
        C.REPORTER: [c.subject.reporter or None for c in cells],
        C.REPORTER_EN: [c.subject.reporter_en or None for c in cells],
        C.PARTNER: [c.subject.partner for c in cells],
        C.PARTNER_EN: [c.subject.partner_en for c in cells],
        C.FLOW: [c.subject.flow or None for c in cells], C.YEAR: [c.year for c in cells],
        C.VALUE: [float(c.number.value) for c in cells],
        C.VALUE_TEXT: [c.number.text for c in cells], C.UNIT: [c.unit or None for c in cells],
        C.VALUATION: [c.valuation or None for c in cells],
        C.RAW: [c.number.raw for c in cells],
        C.CALENDAR: [c.quantity.period.calendar for c in cells],
        C.FISCAL_YEAR: [c.quantity.period.fiscal for c in cells],
        C.SERIES: [c.series or None for c in cells],
    }, C.TABLE_COLUMNS)


def _stated_columns(claims: Sequence[Claim]) -> dict[str, list[Any]]:
    return {
        C.SOURCE: [c.span.source for c in claims], C.FILE: [c.span.file for c in claims],
        C.LINE: [c.span.line for c in claims], C.TABLE: [c.table or None for c in claims],
        C.KIND: [c.kind for c in claims],
        C.REPORTER: [c.subject.reporter or None for c in claims],
        C.REPORTER_EN: [c.subject.reporter_en or None for c in claims],
        C.PARTNER: [c.subject.partner or None for c in claims],
        C.PARTNER_EN: [c.subject.partner_en or None for c in claims],
        C.FLOW: [c.subject.flow or None for c in claims],
        C.YEAR_FROM: [c.year_from for c in claims], C.YEAR_TO: [c.year_to for c in claims],
        C.SPAN_YEARS: [c.span_years for c in claims],
        C.BASE: [c.base or None for c in claims], C.COMPARATOR: [c.comparator for c in claims],
        C.STATED: [float(c.stated.value) for c in claims],
        C.STATED_TEXT: [c.stated.text for c in claims],
        C.STATED_LOW: [float(c.low.value) if c.low else None for c in claims],
        C.STATED_LOW_TEXT: [c.low.text if c.low else None for c in claims],
        C.UNIT: [c.unit or None for c in claims],
        C.LABEL: [c.label or None for c in claims],
        C.FORMULA: [c.formula or None for c in claims],
        C.FRAME: [c.frame or None for c in claims],
        C.OPERANDS: [_operands_text(c.operands) for c in claims],
        C.REASON: [c.reason or None for c in claims],
        C.RAW: [c.stated.raw for c in claims],
    }


def _operands_text(operands: Sequence[Quantity]) -> str | None:
    """A prose claim's operands as text a CSV keeps: ``file:line:column=value unit``
    joined by ``"; "`` (the value keeps its printed precision)."""
    if not operands:
        return None
    return "; ".join(f"{q.span.source}:{q.span.column}={q.number.text} {q.unit}"
                     for q in operands)


def _operands_of(text: str) -> tuple[Quantity, ...]:
    """The operands `_operands_text` wrote."""
    out = []
    for item in text.split("; ") if text else []:
        where, _, rest = item.rpartition("=")
        value, _, unit = rest.partition(" ")
        place, _, column = where.rpartition(":")
        file, _, line = place.rpartition(":")
        if not (file and line.isdigit() and column.isdigit() and value):
            raise ValueError(f"operands: cannot read {item!r} (want 'file:line:column=value "
                             "unit')")
        out.append(Quantity(ParsedNumber.from_text(value), unit, Subject(), Period(),
                            Span(file, int(line), int(column))))
    return tuple(out)


def stated_frame(claims: Sequence[Claim]) -> pd.DataFrame:
    """Claims as the stated-figures frame (`chile_trade.columns.STATED_COLUMNS`)."""
    return _frame(_stated_columns(claims), C.STATED_COLUMNS)


def _exact(value: Fraction | None) -> str | None:
    """An exact value as text a DataFrame can serialise: ``"9075/503"``."""
    return None if value is None else f"{value.numerator}/{value.denominator}"  # <NA>


def _float(value: Fraction | None) -> float:
    return float(value) if value is not None else float("nan")


def _accepted(claim: Claim) -> tuple[float, float]:
    band = checks.accepted_band(claim.stated, claim.comparator, claim.low)
    if band is not None:
        return float(band[0]), float(band[1])
    stated = float(claim.stated.value)
    above = claim.comparator in (V.MORE, V.AT_LEAST)
    return (stated, float("inf")) if above else (float("-inf"), stated)


def _cited(figures: Sequence[ReferenceFigure]) -> str:
    return "; ".join(dict.fromkeys(f"{f.series} ({f.source}): {f.citation}" for f in figures))


def result_frame(results: Sequence[Verdict],
                 against: Sequence[tuple[Verdict, list[ReferenceFigure]]] | None = None,
                 ) -> pd.DataFrame:
    """Verdicts as the verification frame (`chile_trade.columns.VERIFICATION_COLUMNS`,
    then `chile_trade.columns.REFERENCE_VERDICT_COLUMNS` when checked against a
    reference)."""
    described = [describe(v.claim) for v in results]
    accepted = [_accepted(v.claim) for v in results]
    explained = [explain(v) for v in results]
    on_source: dict[str, int] = {}  # figures seen so far on each source line
    ids = []
    for v in results:
        on_source[v.claim.span.source] = n = on_source.get(v.claim.span.source, 0) + 1
        ids.append(f"{v.claim.span.source}:{n}")
    columns: dict[str, list[Any]] = {
        C.SOURCE: [v.claim.span.source for v in results], C.ID: ids,
        C.CLAIM: [d[0] for d in described], C.CLAIM_FA: [d[1] for d in described],
        C.KIND: [v.claim.kind for v in results],
        C.COMPARATOR: [v.claim.comparator for v in results],
        C.STATED: [float(v.claim.stated.value) for v in results],
        C.STATED_TEXT: [v.claim.stated.text for v in results],
        C.STATED_LOW: [float(v.claim.low.value) if v.claim.low else None for v in results],
        C.STATED_LOW_TEXT: [v.claim.low.text if v.claim.low else None for v in results],
        C.UNIT: [v.claim.unit or V.PERCENT for v in results],
        C.COMPUTED: [_float(v.point) for v in results],
        C.COMPUTED_LOW: [_float(v.low) for v in results],
        C.COMPUTED_HIGH: [_float(v.high) for v in results],
        C.COMPUTED_EXACT: [_exact(v.point) for v in results],
        C.ACCEPTED_LOW: [a[0] for a in accepted], C.ACCEPTED_HIGH: [a[1] for a in accepted],
        C.VERDICT: [v.verdict for v in results],
        C.EXPLANATION: [e[0] for e in explained], C.EXPLANATION_FA: [e[1] for e in explained],
        C.LIKELY_CAUSE: [v.cause or None for v in results],
        C.REASON: [v.reason.code.replace("_", " ") if v.reason else None for v in results],
        C.FRAME: [v.claim.frame or None for v in results],
        C.INPUTS: ["; ".join(dict.fromkeys(o.source for o in v.inputs)) or None
                   for v in results],
        C.RAW: [v.claim.stated.raw for v in results],
    }
    order = list(C.VERIFICATION_COLUMNS)
    if against is not None:
        ref_explained = [explain(v) for v, _ in against]
        columns |= {
            C.REF_VERDICT: [v.verdict for v, _ in against],
            C.REF_COMPUTED: [_float(v.point) for v, _ in against],
            C.REF_COMPUTED_LOW: [_float(v.low) for v, _ in against],
            C.REF_COMPUTED_HIGH: [_float(v.high) for v, _ in against],
            C.REF_EXPLANATION: [e[0] for e in ref_explained],
            C.REF_EXPLANATION_FA: [e[1] for e in ref_explained],
            C.REF_SOURCE: [_cited(used) or None for _, used in against],
        }
        order += C.REFERENCE_VERDICT_COLUMNS
    floats = (C.STATED, C.STATED_LOW, C.COMPUTED, C.COMPUTED_LOW, C.COMPUTED_HIGH, C.ACCEPTED_LOW,
              C.ACCEPTED_HIGH, C.REF_COMPUTED, C.REF_COMPUTED_LOW, C.REF_COMPUTED_HIGH)
    return pd.DataFrame({c: _array(columns[c], "float64" if c in floats
                                   else _CATEGORICAL.get(c, TEXT_DTYPE)) for c in order},
                        columns=order)


# ------------------------------------------------------- frames -> records

def _missing(value: Any) -> bool:
    return value is None or bool(pd.isna(value))


def _text(row: dict[Any, Any], column: str) -> str:
    value = row.get(column, "")
    return "" if _missing(value) else str(value)


def _year(value: Any) -> int | None:
    """A year or span; missing (``<NA>``, NaN, or 0 in frames made before nullable years)."""
    return None if _missing(value) or int(value) == 0 else int(value)


def _subject(row: dict[Any, Any]) -> Subject:
    return Subject(_text(row, C.REPORTER), _text(row, C.REPORTER_EN), _text(row, C.PARTNER),
                   _text(row, C.PARTNER_EN), _text(row, C.FLOW))


def _span(row: dict[Any, Any]) -> Span:
    """The row's ``file:line``, kept whole in ``file`` when it has no line part."""
    source = _text(row, C.SOURCE)
    file, _, line = source.rpartition(":")
    return Span(file, int(line)) if file and line.isdigit() else Span(source, 0)


def cells_of(tables: pd.DataFrame) -> list[TableCell]:
    """The records of a tidy table frame (checked by the caller)."""
    return [TableCell(str(row[C.TABLE]),
                      Quantity(ParsedNumber.from_text(row[C.VALUE_TEXT], row[C.RAW]),
                               _text(row, C.UNIT), _subject(row), Period(end=int(row[C.YEAR])),
                               _span(row)),
                      _text(row, C.VALUATION))
            for row in tables.to_dict("records")]


def claims_of(stated: pd.DataFrame) -> list[Claim]:
    """The records of a stated-figures frame (checked by the caller)."""
    return [Claim(str(row[C.KIND]),
                  Quantity(ParsedNumber.from_text(row[C.STATED_TEXT], row[C.RAW]),
                           _text(row, C.UNIT) or V.PERCENT,
                           _subject(row), Period(_year(row[C.YEAR_FROM]), _year(row[C.YEAR_TO]),
                                                 _year(row[C.SPAN_YEARS])),
                           _span(row)),
                  str(row[C.COMPARATOR]), _text(row, C.TABLE), _text(row, C.BASE),
                  _text(row, C.LABEL),
                  ParsedNumber.from_text(_text(row, C.STATED_LOW_TEXT))
                  if _text(row, C.STATED_LOW_TEXT) else None,
                  _operands_of(_text(row, C.OPERANDS)), _text(row, C.FORMULA),
                  _text(row, C.REASON).replace(" ", "_"))
            for row in stated.to_dict("records")]


def reference_of(reference: pd.DataFrame) -> list[ReferenceFigure]:
    """The records of a reference frame (`chile_trade.io.reference.parse_reference`)."""
    return [ReferenceFigure(str(row["series"]), str(row["scope"]), _text(row, C.PARTNER_EN),
                            str(row[C.FLOW]), int(row[C.YEAR]),
                            ParsedNumber.from_text(row[C.VALUE_TEXT]), str(row[C.SOURCE]),
                            _text(row, "citation"))
            for row in reference.to_dict("records")]


def checked_reference(reference: pd.DataFrame) -> list[ReferenceFigure]:
    """The records of a reference frame, after checking it (`verify` says what is refused)."""
    check_frame(reference, "reference", REFERENCE_SPEC)
    check_unique(reference, "reference", ["series", C.YEAR], "one value for each series and year")
    return reference_of(reference)


# ------------------------------------------------------------- the API

def extract(text: str, *, source: str = "<text>") -> Extraction:
    """Extract the tables and the stated percentages from one document.

    Parameters
    ----------
    text : str
        The whole document, any line ends.
    source : str, keyword-only
        The file name recorded as provenance (``file`` column and the
        ``file:line`` of ``source``).

    Returns
    -------
    Extraction
        ``tables`` with columns `chile_trade.columns.TABLE_COLUMNS` and
        ``stated`` with columns `chile_trade.columns.STATED_COLUMNS`; empty
        frames with all their columns where nothing is found.

    Raises
    ------
    InputError
        With file and line, for a malformed table or an unparsable number.

    Examples
    --------
    >>> doc = '''جدول صادرات به ژاپن (میلیون دلار، فوب)
    ... ۲۰۰۴ ۲۰۰۵ درصد تغییرات
    ... ۱۰۰ ۱۱۰ ٪۱۰'''
    >>> result = extract(doc, source="doc.txt")
    >>> result.tables[["partner_en", "flow", "year", "value_text"]].to_numpy().tolist()
    [['Japan', 'export', 2004, '100'], ['Japan', 'export', 2005, '110']]
    >>> result.stated[["source", "kind", "year_from", "year_to", "stated_text"]].to_numpy().tolist()
    [['doc.txt:3', 'change', 2004, 2005, '10']]
    """
    document = read(text, source)
    return Extraction(tables_frame(document.cells), stated_frame(document.claims))


def extract_documents(texts: Iterable[str], *, sources: Iterable[str] | None = None,
                      ) -> Extraction:
    """Extract from several documents and concatenate, rows in document order.

    Parameters
    ----------
    texts : iterable of str
        The documents.
    sources : iterable of str, keyword-only, optional
        Their file names, one per text (default ``<text 1>``, ``<text 2>``…).
    """
    texts = list(texts)
    if any(not isinstance(text, str) for text in texts):
        raise TypeError("extract_documents takes the texts, and their names as sources=")
    names = [f"<text {i}>" for i in range(1, len(texts) + 1)] if sources is None \
        else list(sources)
    if len(names) != len(texts):
        raise ValueError(f"{len(texts)} texts but {len(names)} sources")
    cells: list[TableCell] = []
    claims: list[Claim] = []
    for text, source in zip(texts, names, strict=True):
        document = read(text, source)
        cells += document.cells
        claims += document.claims
    return Extraction(tables_frame(cells), stated_frame(claims))


def verdicts(cells: Sequence[TableCell], claims: Sequence[Claim],
             reference: Sequence[ReferenceFigure] | None = None,
             ) -> tuple[list[Verdict], list[tuple[Verdict, list[ReferenceFigure]]] | None]:
    """Every claim's verdict from the documents' numbers, and with a reference's."""
    docs = checks.Documents(cells, claims)
    results = [checks.check(claim, docs) for claim in claims]
    if reference is None:
        return results, None
    ref = checks.Reference(reference)
    return results, [checks.check_against_reference(claim, docs, ref) for claim in claims]


def verify(tables: pd.DataFrame, stated: pd.DataFrame,
           reference: pd.DataFrame | None = None) -> pd.DataFrame:
    """Give every stated figure one verdict, recomputed exactly.

    Parameters
    ----------
    tables : pandas.DataFrame
        Tidy table rows (`chile_trade.io.dataset.load_tables` or `extract`).
    stated : pandas.DataFrame
        Stated figures from the same documents.
    reference : pandas.DataFrame, optional
        Official figures (`chile_trade.io.dataset.load_reference` or
        `chile_trade.io.reference.parse_reference`). Each figure is then
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
        percent, NaN when unverifiable), ``computed_exact`` (the exact value
        as ``"numerator/denominator"``, for `fractions.Fraction`; missing when
        unverifiable), ``accepted_low`` and ``accepted_high`` (the band the
        stated figure's wording accepts; ±inf for "more/less than"),
        ``verdict`` (ordered categorical), ``explanation`` and
        ``explanation_fa`` (one line each), ``likely_cause`` (``<NA>`` if none),
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
    >>> from chile_trade.io.dataset import load_tables, load_stated
    >>> result = verify(load_tables(), load_stated())
    >>> result.loc[result["kind"] == "change", ["stated_text", "verdict"]].to_numpy().tolist()
    [['18', 'exact'], ['43.8', 'within_rounding']]
    """
    check_frame(tables, "tables", TABLES_SPEC)
    check_unique(tables, "tables", [C.TABLE, C.YEAR], "one value for each table and year")
    check_frame(stated, "stated", STATED_SPEC)
    check_ranges(stated, "stated")
    figures = checked_reference(reference) if reference is not None else None
    results, against = verdicts(cells_of(tables), claims_of(stated), figures)
    return result_frame(results, against)

