"""Indicators: expected values worked out by hand from the seed tables."""

from __future__ import annotations

import pandas as pd
import pytest

from chile_trade.indicators import (
    cagr,
    coverage_ratio,
    implied_totals,
    share_of_total_trade,
    total_trade,
    trade_balance,
    yoy_growth,
)
from chile_trade.io.dataset import load_stated, load_tables, load_wide


def test_year_over_year_growth_of_the_seed_tables():
    growth = yoy_growth(load_tables()).set_index(["flow", "year"])["growth_pct"]
    assert pd.isna(growth[("export", 1992)])
    assert growth[("export", 1993)] == pytest.approx((1655 - 1649) / 1649 * 100)  # 0.3639
    assert growth[("export", 1995)] == pytest.approx((2375 - 2012) / 2012 * 100)  # 18.0417
    assert growth[("import", 1995)] == pytest.approx((3792 - 2638) / 2638 * 100)  # 43.7453
    assert growth[("import", 1993)] == pytest.approx(24.848790, abs=1e-6)  # 493 / 1984


def test_compound_annual_growth_over_the_whole_period_and_a_sub_period():
    full = cagr(load_tables()).set_index("flow")
    assert full.loc["export", "cagr_pct"] == pytest.approx(((2375 / 1649) ** (1 / 3) - 1) * 100)
    assert full.loc["import", ["year_from", "year_to"]].tolist() == [1992, 1995]
    part = cagr(load_tables(), 1993, 1995).set_index("flow")
    assert part.loc["import", "cagr_pct"] == pytest.approx(((3792 / 2477) ** 0.5 - 1) * 100)


def test_cagr_refuses_an_empty_period():
    with pytest.raises(ValueError, match="end must be after start"):
        cagr(load_tables(), 1995, 1995)


def test_balance_total_and_coverage_per_year():
    wide = load_wide()
    # balance = exports - imports: 1649-1984, 1655-2477, 2012-2638, 2375-3792
    assert trade_balance(wide).tolist() == [-335, -822, -626, -1417]
    assert total_trade(wide).tolist() == [3633, 4132, 4650, 6167]
    assert coverage_ratio(wide).tolist() == pytest.approx(
        [1649 / 1984 * 100, 1655 / 2477 * 100, 2012 / 2638 * 100, 2375 / 3792 * 100])


def test_totals_implied_by_the_stated_shares():
    totals = implied_totals(load_tables(), load_stated()).set_index("flow")
    assert totals.loc["export", "implied_total"] == pytest.approx(2375 / 0.144)  # 16493.06
    assert totals.loc["import", "implied_total"] == pytest.approx(3792 / 0.247)  # 15352.23
    assert totals.loc["import", "base"] == "export"  # the label as printed


def test_the_us_share_of_chiles_total_trade_in_1995():
    wide = load_wide()
    share = share_of_total_trade(wide, implied_totals(load_tables(), load_stated()))
    # (2375 + 3792) / (2375 / 0.144 + 3792 / 0.247) * 100 = 19.3655
    assert share.loc[("آمریکا", 1995)] == pytest.approx(
        (2375 + 3792) / (2375 / 0.144 + 3792 / 0.247) * 100)
    assert share.loc[("آمریکا", 1992)] != share.loc[("آمریکا", 1992)]  # NaN: no shares stated


def test_a_frame_without_the_needed_columns_is_refused_by_name():
    with pytest.raises(ValueError, match=r"wide lacks the columns \['import'\]"):
        trade_balance(pd.DataFrame({"export": [1.0]}))
