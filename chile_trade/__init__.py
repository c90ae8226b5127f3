"""chile_trade: numbers out of Persian trade reports, computed and checked.

The pipeline runs one way, and the folders show it::

    io.reading (bytes -> text)
    core: numbers (text -> exact numbers) -> grammar (text -> records)
          -> formulas -> checks (records -> verdict records)
    frames (records -> DataFrames, once, at the edge) -> indicators
    present: explain (verdicts -> sentences), numbers, text, charts,
             display, report

``io`` also holds the shipped dataset, reference tables, whole archives and
atomic output; ``cli`` and ``commands`` are the command line.

The names below are loaded when first used, so that importing the package
(as the command line does before anything else) costs nothing: pandas and
the rest come in with the first function that needs them.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from chile_trade._version import __version__

if TYPE_CHECKING:
    from chile_trade.core.numbers import ParsedNumber, parse_number, parse_period
    from chile_trade.errors import InputError
    from chile_trade.frames import Extraction, extract, extract_documents, verify
    from chile_trade.indicators import (
        cagr,
        coverage_ratio,
        implied_totals,
        share_of_total_trade,
        to_wide,
        total_trade,
        trade_balance,
        yoy_growth,
    )
    from chile_trade.io.dataset import (
        load_extraction,
        load_reference,
        load_stated,
        load_tables,
        load_wide,
    )
    from chile_trade.io.reading import read_document
    from chile_trade.io.reference import compare_with_reference, parse_reference
    from chile_trade.present.display import show
    from chile_trade.present.figure import persian_figure, persian_figures

_HOME = {
    "io.dataset": ("load_extraction", "load_reference", "load_stated", "load_tables",
                   "load_wide"),
    "present.display": ("show",),
    "present.figure": ("persian_figure", "persian_figures"),
    "errors": ("InputError",),
    "frames": ("Extraction", "extract", "extract_documents", "verify"),
    "indicators": ("cagr", "coverage_ratio", "implied_totals", "share_of_total_trade",
                   "to_wide", "total_trade", "trade_balance", "yoy_growth"),
    "core.numbers": ("ParsedNumber", "parse_number", "parse_period"),
    "io.reading": ("read_document",),
    "io.reference": ("compare_with_reference", "parse_reference"),
}
_MODULE_OF = {name: module for module, names in _HOME.items() for name in names}

__all__ = [
    "Extraction",
    "InputError",
    "ParsedNumber",
    "__version__",
    "cagr",
    "compare_with_reference",
    "coverage_ratio",
    "extract",
    "extract_documents",
    "implied_totals",
    "load_extraction",
    "load_reference",
    "load_stated",
    "load_tables",
    "load_wide",
    "parse_number",
    "parse_period",
    "parse_reference",
    "persian_figure",
    "persian_figures",
    "read_document",
    "share_of_total_trade",
    "show",
    "to_wide",
    "total_trade",
    "trade_balance",
    "verify",
    "yoy_growth",
]


def __getattr__(name: str) -> Any:
    module = _MODULE_OF.get(name)
    if module is None:
        raise AttributeError(f"module 'chile_trade' has no attribute {name!r}")
    value = getattr(importlib.import_module(f"chile_trade.{module}"), name)
    globals()[name] = value  # found once
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_MODULE_OF})
