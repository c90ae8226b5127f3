"""The shipped dataset: the seed report's tables and stated figures.

The data files in ``chile_trade/data/`` were written by hand from the seed
document ``002_be3af3bae581de8e.txt`` (numbers and short labels only), each row
with the file and line it comes from. The test suite extracts the same rows
from the seed documents and checks that both agree.
"""

from __future__ import annotations

from importlib import resources

import pandas as pd

from chile_trade import columns as C
from chile_trade.frames import Extraction, typed
from chile_trade.indicators import to_wide
from chile_trade.io.reference import parse_reference

__all__ = ["load_extraction", "load_reference", "load_stated", "load_tables", "load_wide"]

REFERENCE_FILE = "reference_chile_1992_1995.csv"
TABLES_FILE = "chile_us_tables.csv"
STATED_FILE = "chile_us_stated.csv"


def _read(name: str, cols: list[str]) -> pd.DataFrame:
    path = resources.files("chile_trade").joinpath("data").joinpath(name)
    with path.open(encoding="utf-8") as fh:
        frame = pd.read_csv(fh, dtype=str, keep_default_na=False)
    if list(frame.columns) != cols:
        raise RuntimeError(f"shipped data file {name} has columns {list(frame.columns)}")
    return typed(frame)


def load_tables() -> pd.DataFrame:
    """Chile's exports to and imports from the United States, 1992–1995.

    Returns
    -------
    pandas.DataFrame
        One row per partner × flow × year, columns
        `chile_trade.columns.TABLE_COLUMNS`: ``source`` (``file:line``),
        ``file``, ``line``, ``table`` (``file:line`` of the table title),
        ``partner``, ``partner_en``, ``flow`` (``export``/``import``),
        ``year``, ``value`` (float), ``value_text`` (exact printed value),
        ``unit``, ``valuation``, ``raw`` (the printed text).

    Examples
    --------
    >>> tables = load_tables()
    >>> tables.loc[tables["year"] == 1995, ["flow", "value_text", "raw"]].to_numpy().tolist()
    [['export', '2375', '۲۳۷۵'], ['import', '3792', '۳۷۹۲']]
    """
    return _read(TABLES_FILE, C.TABLE_COLUMNS)


def load_stated() -> pd.DataFrame:
    """Every percentage the seed documents state, typed where understood.

    Returns
    -------
    pandas.DataFrame
        Columns `chile_trade.columns.STATED_COLUMNS`; ``kind`` is one of
        `chile_trade.columns.KINDS`, ``comparator`` one of ``= > < ~``,
        ``stated_text`` the exact printed value (``'43.8'``).

    Examples
    --------
    >>> load_stated()[["kind", "stated_text"]].head(3).to_numpy().tolist()
    [['other_percentage', '25'], ['change', '18'], ['share_of_total', '14.4']]
    """
    return _read(STATED_FILE, C.STATED_COLUMNS)


def load_extraction() -> Extraction:
    """The shipped tables and stated figures together, as `extract` returns them."""
    return Extraction(load_tables(), load_stated())


def load_wide() -> pd.DataFrame:
    """The shipped tables as one row per partner and year (see `to_wide`).

    Examples
    --------
    >>> load_wide().loc[("آمریکا", 1992)].tolist()
    [1649.0, 1984.0]
    """
    return to_wide(load_tables())


def load_reference() -> pd.DataFrame:
    """Official figures for Chile's trade, 1992–1995, each with its citation.

    A copy of ``shared/reference/chile_official_1992_1995.csv``: Chile's
    total exports and imports (balance of payments, FOB) and the US State
    Department's series, parsed by `chile_trade.io.reference.parse_reference`.

    Examples
    --------
    >>> ref = load_reference()
    >>> ref.loc[(ref["series"] == "chile_total_exports") & (ref["year"] == 1995), "value"].item()
    16025.0
    """
    path = resources.files("chile_trade").joinpath("data").joinpath(REFERENCE_FILE)
    return parse_reference(path.read_text(encoding="utf-8"), REFERENCE_FILE)
