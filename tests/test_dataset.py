"""The shipped dataset loads as tidy and wide frames."""

from __future__ import annotations

from chile_trade import columns as C
from chile_trade.io.dataset import load_stated, load_tables, load_wide


def test_the_tidy_frame_has_one_row_per_partner_flow_and_year():
    tables = load_tables()
    assert list(tables.columns) == C.TABLE_COLUMNS
    assert len(tables) == 8  # 1 partner x 2 flows x 4 years
    assert not tables.duplicated([C.PARTNER, C.FLOW, C.YEAR]).any()
    assert tables[C.YEAR].dtype == "int64"
    assert tables[C.VALUE].dtype == "float64"


def test_the_wide_view_has_exports_and_imports_per_year():
    wide = load_wide()
    assert list(wide.columns) == ["export", "import"]
    # The seed's tables, by hand: exports 1649 1655 2012 2375; imports 1984 2477 2638 3792.
    assert wide["export"].tolist() == [1649, 1655, 2012, 2375]
    assert wide["import"].tolist() == [1984, 2477, 2638, 3792]
    assert wide.index.get_level_values("year").tolist() == [1992, 1993, 1994, 1995]


def test_the_stated_figures_keep_their_printed_precision():
    stated = load_stated()
    assert list(stated.columns) == C.STATED_COLUMNS
    assert stated[C.STATED_TEXT].tolist() == ["25", "18", "14.4", "43.8", "24.7", "20", "160"]
