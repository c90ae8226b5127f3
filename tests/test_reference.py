"""Official reference figures: expected values worked out by hand from the CSV."""

from __future__ import annotations

import json
from fractions import Fraction as F

import pytest

from chile_trade import columns as C
from chile_trade.cli import main
from chile_trade.errors import InputError
from chile_trade.frames import verify
from chile_trade.io.dataset import load_reference, load_stated, load_tables
from chile_trade.io.reference import compare_with_reference, parse_reference

HEADER = "series,year,value_musd,valuation,source\n"


@pytest.fixture(scope="module")
def checked():
    result = verify(load_tables(), load_stated(), load_reference())
    return {(r[C.SOURCE].rsplit(":", 1)[1], r[C.KIND]): r for r in result.to_dict("records")}


def test_the_shipped_reference_keeps_both_sources_apart():
    ref = load_reference()
    assert len(ref) == 16
    exports_1992 = ref[(ref["scope"] == "total") & (ref[C.FLOW] == "export")
                       & (ref[C.YEAR] == 1992)]
    # BoP table 8.4 says 10007, the State Department 9986: two rows, never averaged.
    assert sorted(exports_1992[C.VALUE]) == [9986.0, 10007.0]
    assert exports_1992["citation"].str.contains("lanic|dosfan").all()


def test_export_share_against_the_official_total_is_inconsistent(checked):
    row = checked[("14", C.SHARE)]
    # 2375 / 16025 (BoP exports 1995) * 100 = 14.8206 %, not 14.4 %.
    assert row[C.REF_COMPUTED] == pytest.approx(float(F(2375, 16025) * 100))
    assert row[C.REF_VERDICT] == C.INCONSISTENT
    assert row[C.VERDICT] == C.UNVERIFIABLE  # against the report's own numbers
    assert "chile_total_exports" in row[C.REF_SOURCE]
    assert "lanic.utexas.edu" in row[C.REF_SOURCE]


def test_import_share_as_labelled_against_the_official_total(checked):
    row = checked[("19", C.SHARE)]
    # The label says total exports: 3792 / 16025 * 100 = 23.6630 %, not 24.7 %.
    assert row[C.REF_COMPUTED] == pytest.approx(float(F(3792, 16025) * 100))
    assert row[C.REF_VERDICT] == C.INCONSISTENT


def test_more_than_20_percent_of_total_trade_holds_against_official_totals(checked):
    row = checked[("22", C.TRADE_SHARE)]
    # (2375 + 3792) / (16025 + 14657) * 100 = 6167 / 30682 * 100 = 20.0997 % > 20.
    assert row[C.REF_COMPUTED] == pytest.approx(float(F(6167, 30682) * 100))
    assert row[C.REF_VERDICT] == C.EXACT
    assert row[C.VERDICT] == C.INCONSISTENT  # side by side: the report's own numbers disagree


def test_changes_1994_to_1995_cannot_be_checked_against_the_reference(checked):
    # The reference's bilateral series stop in 1993.
    assert checked[("14", C.CHANGE)][C.REF_VERDICT] == C.UNVERIFIABLE
    assert "1994" in checked[("14", C.CHANGE)][C.REF_EXPLANATION]


def test_the_bilateral_1992_1993_values_match_the_state_department_series():
    comparison = compare_with_reference(load_tables(), load_reference())
    got = {(r[C.FLOW], r[C.YEAR]): (r["difference"], r["status"])
           for r in comparison.to_dict("records")}
    # report - reference: 1649-1649, 1655-1655, 1984-1985, 2477-2477
    assert got == {("export", 1992): (0.0, "matched"), ("export", 1993): (0.0, "matched"),
                   ("import", 1992): (-1.0, "matched"), ("import", 1993): (0.0, "matched")}
    imports = comparison[comparison[C.FLOW] == "import"]
    assert set(imports["reference_valuation"]) == {"CIF"}  # shown beside the report's FOB


def test_a_users_own_reference_table_is_used(tmp_path, capsys):
    own = tmp_path / "own.csv"
    own.write_text(HEADER + "chile_total_exports,1995,16493,FOB,my source\n", encoding="utf-8")
    assert main(["verify", "--format", "json", "--reference", str(own)]) == 0
    records = {(r["source"], r["kind"]): r for r in json.loads(capsys.readouterr().out)}
    row = records[("002_be3af3bae581de8e.txt:14", C.SHARE)]
    # 2375 / 16493 * 100 = 14.39999... which rounds to the stated 14.4.
    assert row[C.REF_VERDICT] == C.EXACT
    assert row[C.REF_SOURCE].startswith(f"chile_total_exports ({own}:2): my source")


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("series,year,value\n", 1, "reference header must be"),
        (HEADER + "chile_gdp,1995,1,FOB,x\n", 2, "unknown series name 'chile_gdp'"),
        (HEADER + "chile_total_exports,95,1,FOB,x\n", 2, "not a four-digit year"),
        (HEADER + "chile_total_exports,1995,1.2.3,FOB,x\n", 2, "is not a number"),
        (HEADER + "chile_total_exports,1995,1,FOB,x\nchile_total_exports,1995,2,FOB,y\n", 3,
         "given twice"),
        # A quoted citation over three physical lines (2-4): the bad row after it is line 5.
        (HEADER + 'chile_total_exports,1994,1,FOB,"a\nb\nc"\nchile_gdp,1995,1,FOB,x\n', 5,
         "unknown series name 'chile_gdp'"),
        (HEADER + 'chile_gdp,1995,1,FOB,"x\ny"\n', 2, "unknown series name"),
        (HEADER + 'chile_total_exports,1995,1,FOB,"x"y\n', 2, "not valid CSV"),
        (HEADER + "chile_total_exports,1995," + "1" * 5000 + ",FOB,x\n", 2,
         "has more than 30 digits"),
        (HEADER + "chile_total_exports,1995,1." + "5" * 3000 + ",FOB,x\n", 2,
         "has more than 30 digits"),
        (HEADER + "chile_total_exports,١٩٩٥,1,FOB,x\n", 2, "not a four-digit year"),
        (HEADER + "chile_total_exports,1995,١٢,FOB,x\n", 2, "is not a number"),
    ],
)
def test_a_bad_reference_table_is_refused_at_its_line(text, line, message):
    with pytest.raises(InputError) as info:
        parse_reference(text, "ref.csv")
    assert str(info.value).startswith(f"ref.csv:{line}: ")
    assert message in str(info.value)
