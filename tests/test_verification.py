"""Verdicts on the stated figures, with expected values derived by hand."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction as F

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from chile_trade import columns as C
from chile_trade.core.checks import judge, round_half_up
from chile_trade.core.numbers import ParsedNumber, parse_number
from chile_trade.frames import extract, verify
from chile_trade.io.dataset import load_stated, load_tables


@pytest.fixture(scope="module")
def seed_result():
    return verify(load_tables(), load_stated())


def _row(result, line, kind):
    return result[(result[C.SOURCE] == f"002_be3af3bae581de8e.txt:{line}")
                  & (result[C.KIND] == kind)].iloc[0]


def test_export_change_18_percent_is_exact(seed_result):
    row = _row(seed_result, 14, C.CHANGE)
    # (2375 - 2012) / 2012 * 100 = 36300 / 2012 = 18.0417..., which rounds to 18.
    assert F(row[C.COMPUTED_EXACT]) == F(2375 - 2012, 2012) * 100
    # Extremes over the rounding box: (2374.5 - 2012.5) / 2012.5 and (2375.5 - 2011.5) / 2011.5.
    assert row[C.COMPUTED_LOW] == pytest.approx(float((F(47490, 20) / F(40250, 20) - 1) * 100))
    assert row[C.COMPUTED_HIGH] == pytest.approx(float((F(23755, 10) / F(20115, 10) - 1) * 100))
    assert row[C.VERDICT] == C.EXACT


def test_import_change_43_8_is_within_rounding_by_double_rounding(seed_result):
    row = _row(seed_result, 19, C.CHANGE)
    # (3792 - 2638) / 2638 * 100 = 43.7453: rounds to 43.7, not 43.8.
    assert F(row[C.COMPUTED_EXACT]) == F(1154, 2638) * 100
    # But 2637.5 -> 3792.5 gives (3792.5 / 2637.5 - 1) * 100 = 43.7915, inside [43.75, 43.85].
    assert row[C.COMPUTED_HIGH] == pytest.approx(float((F(37925, 26375) - 1) * 100))
    assert row[C.COMPUTED_LOW] == pytest.approx(float((F(37915, 26385) - 1) * 100))
    assert row[C.VERDICT] == C.WITHIN_ROUNDING
    # 43.7453 -> 43.75 (two places) -> 43.8 (one place).
    assert row[C.LIKELY_CAUSE] == "double rounding"


def test_export_share_of_total_exports_is_unverifiable(seed_result):
    row = _row(seed_result, 14, C.SHARE)
    assert row[C.VERDICT] == C.UNVERIFIABLE
    assert row[C.COMPUTED] != row[C.COMPUTED]  # NaN
    assert pd.isna(row[C.COMPUTED_EXACT])


def test_import_share_labelled_as_share_of_exports_is_inconsistent(seed_result):
    row = _row(seed_result, 19, C.SHARE)
    # Read as labelled: imports / (total exports implied by 14.4%) = 3792 / (2375 / 0.144)
    # = 3792 * 14.4 / 2375 = 22.9915 %, far from 24.7.
    assert F(row[C.COMPUTED_EXACT]) == F(3792) * F(144, 10) / 2375
    assert row[C.COMPUTED_HIGH] == pytest.approx(float(F(37925, 10) * F(1445, 100) / F(23745, 10)))
    assert row[C.VERDICT] == C.INCONSISTENT
    assert row[C.LIKELY_CAUSE] == "mislabelled column"


def test_more_than_20_percent_of_total_trade_is_inconsistent(seed_result):
    row = _row(seed_result, 22, C.TRADE_SHARE)
    # (X + M) / (X / sx + M / sm) * 100 with X=2375, M=3792, sx=14.4%, sm=24.7%:
    # 6167 / (16493.06 + 15352.23) * 100 = 19.3655 %, and at most 19.42 % within rounding.
    expected = F(2375 + 3792) / (F(2375) / F(144, 1000) + F(3792) / F(247, 1000)) * 100
    assert F(row[C.COMPUTED_EXACT]) == expected
    # The share is a harmonic mean of sx and sm weighted by X and M, so it is largest with
    # both shares high and the weight on the larger share sm: X=2374.5, M=3792.5,
    # sx=14.45%, sm=24.75% -> 6167 / (16432.53 + 15323.23) = 19.4200 %.
    high = F(23745 + 37925, 10) / (F(23745, 10) / F(1445, 10000) + F(37925, 10) / F(2475, 10000))
    assert row[C.COMPUTED_HIGH] == pytest.approx(float(high * 100))
    assert row[C.COMPARATOR] == ">"
    assert row[C.VERDICT] == C.INCONSISTENT


def test_figures_without_data_are_unverifiable(seed_result):
    assert _row(seed_result, 22, C.GROWTH)[C.VERDICT] == C.UNVERIFIABLE
    assert _row(seed_result, 5, C.OTHER)[C.VERDICT] == C.UNVERIFIABLE


def test_every_verdict_explains_itself_in_english_and_persian(seed_result):
    for row in seed_result.to_dict("records"):
        assert row[C.VERDICT] in C.VERDICTS
        for text in (row[C.EXPLANATION], row[C.EXPLANATION_FA]):
            assert text
            assert "\n" not in text
        assert any("\u0600" <= ch <= "\u06ff" for ch in row[C.EXPLANATION_FA])


def _one_table(values: str, change: str, header_extra: str = "درصد تغییرات") -> str:
    years = " ".join(str(y) for y in range(2001, 2001 + len(values.split())))
    return f"جدول صادرات به ژاپن (میلیون دلار)\n{years} {header_extra}\n{values} {change}\n"


def test_transposed_digits_in_the_stated_figure_are_named():
    # (118 - 100) / 100 = 18 %, printed as 81 %.
    stated = extract(_one_table("100 118", "81%"), source="t.txt")
    row = verify(stated.tables, stated.stated).iloc[0]
    assert (row[C.VERDICT], row[C.LIKELY_CAUSE]) == (C.INCONSISTENT, "transposed digits")


def test_a_figure_matching_another_pair_of_years_is_named_wrong_period():
    # Change 2002 -> 2003 is (150 - 120) / 120 = 25 %; 20 % is 2001 -> 2002: (120 - 100) / 100.
    stated = extract(_one_table("100 120 150", "20%"), source="t.txt")
    row = verify(stated.tables, stated.stated).iloc[0]
    assert (row[C.VERDICT], row[C.LIKELY_CAUSE]) == (C.INCONSISTENT, "wrong period")


def test_a_zero_base_value_is_unverifiable_not_a_crash():
    stated = extract(_one_table("0 5", "10%"), source="t.txt")
    assert verify(stated.tables, stated.stated).iloc[0][C.VERDICT] == C.UNVERIFIABLE


@pytest.mark.parametrize(
    ("comparator", "point", "low", "high", "verdict"),
    [
        (">", F(21), F(20), F(22), C.EXACT),
        (">", F(19), F(18), F(21), C.WITHIN_ROUNDING),
        (">", F(19), F(18), F(20), C.INCONSISTENT),  # 20 is not more than 20
        ("<", F(19), F(18), F(21), C.EXACT),
        ("<", F(21), F(19), F(22), C.WITHIN_ROUNDING),
        ("~", F(21), F(21), F(21), C.EXACT),  # about 20: within 5 % of 20 is [19, 21]
        ("~", F(22), F(20), F(23), C.WITHIN_ROUNDING),
        ("~", F(22), F(22), F(23), C.INCONSISTENT),
    ],
)
def test_comparisons_are_claims_too(comparator, point, low, high, verdict):
    assert judge(point, low, high, parse_number("20"), comparator) == verdict


def test_an_unknown_comparator_is_refused_by_name():
    with pytest.raises(ValueError, match=r"comparator must be one of .* got '=>'"):
        judge(F(1), F(1), F(1), parse_number("1"), "=>")


def test_round_half_up_is_exact_at_ties():
    # 43.745 is exactly halfway: half-up gives 43.75; 0.125 -> 0.13; -2.5 -> -3.
    assert round_half_up(F(43745, 1000), 2) == Decimal("43.75")
    assert round_half_up(F(1, 8), 2) == Decimal("0.13")
    assert round_half_up(F(-5, 2), 0) == Decimal("-3")


def test_round_half_up_keeps_every_digit_past_the_decimal_contexts_28():
    # (10^40 + 1) / 3 = 3333...3333.666... (forty threes): 2 places give ...33.67, all 42 digits.
    assert str(round_half_up(F(10**40 + 1, 3), 2)) == "3" * 40 + ".67"
    # -(10^30 + 1) / 10^30 = -1.000...0001, the 1 in the 30th place: 31 digits kept.
    assert str(round_half_up(F(-(10**30) - 1, 10**30), 30)) == "-1." + "0" * 29 + "1"


@given(
    st.fractions(min_value=-10**6, max_value=10**6),
    st.integers(min_value=0, max_value=6),
)
def test_a_value_rounded_to_d_decimals_is_exact_against_itself(value, decimals):
    stated_value = round_half_up(value, decimals)
    stated = ParsedNumber(stated_value, decimals, str(stated_value))
    assert judge(value, value, value, stated) == C.EXACT
