"""Frames handed to verify and the indicators are checked, with the column and row named."""

from __future__ import annotations

import re

import pandas as pd
import pytest

from chile_trade import columns as C
from chile_trade.frames import verify
from chile_trade.indicators import (
    cagr,
    implied_totals,
    share_of_total_trade,
    to_wide,
    trade_balance,
    yoy_growth,
)
from chile_trade.io.dataset import load_reference, load_stated, load_tables, load_wide


def _broken(frame, **changes):
    frame = frame.copy()
    for column, value in changes.items():
        frame[column] = value
    return frame


@pytest.mark.parametrize(
    ("tables", "stated", "message"),
    [
        (load_tables().drop(columns=[C.VALUE_TEXT]), load_stated(),
         "tables lacks the columns ['value_text']; it has ["),
        (load_tables(), load_stated().drop(columns=[C.KIND, C.RAW]),
         "stated lacks the columns ['kind', 'raw']"),
        (load_tables().astype({C.YEAR: "float64"}), load_stated(),
         "tables column 'year' must hold whole numbers (an integer dtype); its dtype is float64"),
        (load_tables().astype({C.YEAR: str}), load_stated(),
         "tables column 'year' must hold whole numbers"),
        (load_tables().astype({C.VALUE: str}), load_stated(),
         "tables column 'value' must hold numbers (a numeric dtype); its dtype is"),
        (_broken(load_tables(), value_text=[*["14,4"], *load_tables()[C.VALUE_TEXT][1:]]),
         load_stated(), "tables row 0: value_text is '14,4'; expected a printed decimal number"),
        (load_tables(), _broken(load_stated(), kind="shares"),
         "stated row 0: kind is 'shares'; expected one of 'change', 'share_of_total'"),
        (load_tables(), _broken(load_stated(), comparator="=>"),
         "stated row 0: comparator is '=>'; expected one of '=', '>', '<', '>=', '<=', '~'"),
        (_broken(load_tables(), table=None), load_stated(), "tables row 0: table is None"),
        # The value must be the value of its printed text (first row: 1649).
        (_broken(load_tables(), value=[1650.0, *load_tables()[C.VALUE][1:]]), load_stated(),
         "tables row 0: value 1650.0 disagrees with value_text '1649' (must be its value)"),
        (load_tables(), _broken(load_stated(), stated=[26.0, *load_stated()[C.STATED][1:]]),
         "stated row 0: stated 26.0 disagrees with stated_text '25'"),
        # Two values for one table and year: which is meant? (row 8 copies row 0; the seed's
        # title line is 11)
        (pd.concat([load_tables(), load_tables().iloc[[0]]], ignore_index=True), load_stated(),
         "tables rows 0 and 8 have the same table, year ('002_be3af3bae581de8e.txt:11', 1992)"
         ": expected one value for each table and year"),
        ("not a frame", load_stated(), "tables must be a pandas DataFrame; got str"),
    ],
)
def test_verify_refuses_a_malformed_frame_naming_the_column_and_row(tables, stated, message):
    with pytest.raises(ValueError, match=re.escape(message)):
        verify(tables, stated)


def test_verify_refuses_a_reference_with_a_series_given_twice():
    reference = load_reference()
    twice = pd.concat([reference, reference.iloc[[0]]], ignore_index=True)
    with pytest.raises(ValueError, match=r"reference rows 0 and 16 have the same series, year"):
        verify(load_tables(), load_stated(), twice)
    with pytest.raises(ValueError, match=r"reference lacks the columns \['citation'\]"):
        verify(load_tables(), load_stated(), reference.drop(columns=["citation"]))


def test_the_indicators_refuse_duplicates_instead_of_keeping_one_row():
    doubled = pd.concat([load_tables(), load_tables().iloc[[0]]], ignore_index=True)
    for function in (yoy_growth, cagr):
        with pytest.raises(ValueError, match=r"tables rows 0 and 8 have the same table, partner"):
            function(doubled)
    # The same value twice (one table in two documents) is one value; two values are refused.
    pd.testing.assert_frame_equal(to_wide(doubled), load_wide())
    disagreeing = doubled.copy()
    disagreeing.loc[8, "value"] += 1
    with pytest.raises(ValueError, match=r"rows 0 and 8 have the same partner, flow, year.*"
                                         r"disagree"):
        to_wide(disagreeing)
    with pytest.raises(ValueError, match=r"rows 0 and 8 have the same table, year"):
        implied_totals(doubled, load_stated())


def test_the_indicators_name_a_wrong_column_kind():
    with pytest.raises(ValueError, match=r"wide column 'export' must hold numbers"):
        trade_balance(load_wide().astype({"export": str}))
    with pytest.raises(ValueError, match=r"tables row 0: flow is 'exports'; expected one of "
                                         r"'export', 'import'"):
        to_wide(_broken(load_tables(), flow="exports"))
    with pytest.raises(ValueError, match=r"totals lacks the columns \['implied_total'\]"):
        share_of_total_trade(load_wide(), pd.DataFrame({"flow": [], "year": []}))


def test_well_formed_frames_built_by_hand_pass():
    tables = pd.DataFrame({C.TABLE: ["t", "t"], C.PARTNER: ["X", "X"], C.FLOW: ["export"] * 2,
                           C.YEAR: [2000, 2001], C.VALUE: [100.0, 110.0],
                           C.VALUE_TEXT: ["100", "110"], C.RAW: ["100", "110"]})
    stated = pd.DataFrame({C.SOURCE: ["f:3"], C.TABLE: ["t"], C.KIND: [C.CHANGE],
                           C.PARTNER: ["X"], C.PARTNER_EN: [""], C.FLOW: ["export"],
                           C.YEAR_FROM: [2000], C.YEAR_TO: [2001], C.SPAN_YEARS: [0],
                           C.BASE: [""], C.COMPARATOR: ["="], C.STATED: [10.0],
                           C.STATED_TEXT: ["10"], C.RAW: ["10%"]})
    # (110 - 100) / 100 = 10 %: exact.
    assert verify(tables, stated)[C.VERDICT].tolist() == [C.EXACT]
