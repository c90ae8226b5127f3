"""Figures as Persian economic writing states them: qualifiers, several partners."""

import json
import shlex
import subprocess
import sys
from fractions import Fraction as F
from pathlib import Path

import pandas as pd
import pytest

from chile_trade import columns as C
from chile_trade.core.checks import judge, truncate
from chile_trade.core.numbers import parse_number
from chile_trade.frames import extract, verify

# Exports 250 of an implied total 250 / 10 % = 2500; imports 350 of 350 / 25 % = 1400.
# The US's share of total trade in 1995 is (250 + 350) / (2500 + 1400) = 600 / 3900
# = 15.385 %. Over the rounding box of the printed values (values ±0.5, shares ±0.5):
# min (249.5 + 349.5) / (249.5 / 10.5 % + 349.5 / 25.5 %) ... at the corners, by hand
# with fractions: 14.766 % to 15.997 %.
TABLES = """جدول صادرات شیلی به آمریکا (میلیون دلار)
۱۹۹۴ ۱۹۹۵ سهم از کل صادرات
۲۰۰ ۲۵۰ ۱۰
جدول واردات شیلی از آمریکا (میلیون دلار)
۱۹۹۴ ۱۹۹۵ سهم از کل واردات
۳۰۰ ۳۵۰ ۲۵
"""
US_SHARE = F(600, 3900) * 100


def _trade_share(phrase: str) -> dict:
    doc = TABLES + f"{phrase} کل تجارت شیلی در سال ۱۹۹۵ با آمریکا بود.\n"
    extraction = extract(doc, source="t.txt")
    result = verify(extraction.tables, extraction.stated)
    rows = result[result[C.KIND] == C.TRADE_SHARE]
    assert len(rows) == 1
    return rows.iloc[0].to_dict()


@pytest.mark.parametrize(("phrase", "comparator", "verdict"), [
    ("نه بیش از ۲۰٪", "<=", C.EXACT),  # 15.385 <= 20; read as "more than 20" it was inconsistent
    ("نه بیشتر از ۲۰ درصد", "<=", C.EXACT),
    ("حداکثر ۲۰٪", "<=", C.EXACT),  # was read as "= 20" (inconsistent)
    ("حداکثر ۱۰٪", "<=", C.INCONSISTENT),  # 14.766 at the least, more than 10
    ("حداقل ۱۵٪", ">=", C.EXACT),  # 15.385 >= 15
    ("حداقل ۱۶٪", ">=", C.INCONSISTENT),  # 15.997 at the most, less than 16
    ("حداقل ۱۵٫۵٪", ">=", C.WITHIN_ROUNDING),  # 15.385 < 15.5 <= 15.997
    ("نه کمتر از ۱۵٪", ">=", C.EXACT),
    ("بیش از ۱۵٪", ">", C.EXACT),
    ("کمتر از ۱۵٪", "<", C.WITHIN_ROUNDING),  # 15.385 >= 15 but 14.766 < 15
    ("کمتر از ۱۴٪", "<", C.INCONSISTENT),  # 14.766 at the least
])
def test_qualifiers_keep_their_meaning(phrase, comparator, verdict):
    row = _trade_share(phrase)
    assert row[C.COMPARATOR] == comparator
    assert row[C.VERDICT] == verdict
    assert F(row[C.COMPUTED_EXACT]) == US_SHARE


def test_at_least_and_at_most_include_their_bound():
    stated = parse_number("20")
    twenty = F(20)
    assert judge(twenty, twenty, twenty, stated, ">=") == C.EXACT
    assert judge(twenty, twenty, twenty, stated, "<=") == C.EXACT
    assert judge(twenty, twenty, twenty, stated, ">") == C.INCONSISTENT
    # Only the rounding of the printed values reaches the bound: within rounding.
    assert judge(F(199, 10), F(198, 10), F(201, 10), stated, ">=") == C.WITHIN_ROUNDING
    assert judge(F(201, 10), F(199, 10), F(202, 10), stated, "<=") == C.WITHIN_ROUNDING


@pytest.mark.parametrize("partners", ["آمریکا و کانادا", "آمریکا، کانادا", "ایالات متحده و کانادا",
                                      "ایالات متحده آمریکا و کانادا"])
def test_a_share_with_two_partners_is_never_checked_against_one(partners):
    doc = TABLES + f"بیش از ۲۰٪ کل تجارت شیلی در سال ۱۹۹۵ با {partners} بود.\n"
    extraction = extract(doc, source="t.txt")
    result = verify(extraction.tables, extraction.stated)
    row = result[result[C.KIND] == C.TRADE_SHARE].iloc[0]
    # The documents give the US alone: the claim about the US and Canada cannot be checked.
    assert row[C.VERDICT] == C.UNVERIFIABLE
    assert "United States and Canada" in row[C.CLAIM]


def test_a_clause_after_the_partner_is_not_a_second_partner():
    row = _trade_share("بیش از ۱۵٪")
    assert row[C.VERDICT] == C.EXACT
    doc = TABLES + "بیش از ۱۵٪ کل تجارت شیلی در سال ۱۹۹۵ با آمریکا، که بزرگترین شریک است، بود.\n"
    extraction = extract(doc, source="t.txt")
    result = verify(extraction.tables, extraction.stated)
    assert result[result[C.KIND] == C.TRADE_SHARE][C.VERDICT].tolist() == [C.EXACT]


# Exports to the US in thousand dollars, to Japan in million dollars. Each share implies
# total exports of 2,500 million: 250,000 thousand / 10 % and 500 million / 20 %.
MIXED_UNITS = """جدول صادرات شیلی به آمریکا (هزار دلار)
۱۹۹۴ ۱۹۹۵ سهم از کل صادرات
۲۰۰۰۰۰ ۲۵۰۰۰۰ ۱۰
جدول صادرات شیلی به ژاپن (میلیون دلار)
۱۹۹۴ ۱۹۹۵ سهم از کل صادرات
۴۰۰ ۵۰۰ ۲۰
"""


def test_tables_in_thousand_and_million_dollars_are_converted_never_mixed():
    extraction = extract(MIXED_UNITS, source="m.txt")
    result = verify(extraction.tables, extraction.stated)
    shares = result[result[C.KIND] == C.SHARE]
    # US: 250 (million) / (500 / 20 %) = 10 %; Japan: 500 / (250 / 10 %) = 20 %. Mixed
    # without conversion they came out as 10,000 % and 0.02 %: inconsistent.
    assert [F(x) for x in shares[C.COMPUTED_EXACT]] == [F(10), F(20)]
    assert shares[C.VERDICT].tolist() == [C.EXACT, C.EXACT]
    assert "250.000" in shares[C.EXPLANATION].iloc[0]
    assert "Amounts are in million USD" in shares[C.EXPLANATION].iloc[0]
    # The changes stay within one table and one unit: (250000 − 200000) / 200000 = 25 %.
    changes = result[result[C.KIND] == C.CHANGE]
    assert changes.empty


def test_amounts_in_units_that_do_not_convert_are_unverifiable():
    doc = MIXED_UNITS.replace("(هزار دلار)", "(هزار تن)")
    extraction = extract(doc, source="m.txt")
    result = verify(extraction.tables, extraction.stated)
    shares = result[result[C.KIND] == C.SHARE]
    assert shares[C.VERDICT].tolist() == [C.UNVERIFIABLE, C.UNVERIFIABLE]
    assert "no way to convert" in shares[C.EXPLANATION].iloc[0]


def test_a_table_in_thousand_dollars_against_the_reference_in_million_dollars():
    from chile_trade.io.dataset import load_reference  # noqa: PLC0415

    # 2,375 million printed as 2,375,000 thousand: the reference share check must give
    # what it gives for the table in million dollars.
    seed = """جدول صادرات شیلی به آمریکا (میلیون دلار، فوب)
۱۹۹۴ ۱۹۹۵ میزان مشارکت در کل صادرات
۲۰۱۲ ۲۳۷۵ ۱۴/۴
"""
    thousand = seed.replace("میلیون دلار", "هزار دلار").replace("۲۰۱۲ ۲۳۷۵", "۲۰۱۲۰۰۰ ۲۳۷۵۰۰۰")
    results = []
    for doc in (seed, thousand):
        extraction = extract(doc, source="r.txt")
        results.append(verify(extraction.tables, extraction.stated, load_reference()))
    assert results[1][C.REF_VERDICT].tolist() == results[0][C.REF_VERDICT].tolist()
    assert results[1][C.REF_COMPUTED].tolist() == results[0][C.REF_COMPUTED].tolist()


@pytest.mark.parametrize(("phrase", "verdict"), [
    # 15.385 % (box 14.766–15.997 %) against a range of [low − ½, high + ½] of its bounds.
    ("بین ۱۵ و ۱۶ درصد", C.EXACT),  # 14.5 <= 15.385 <= 16.5
    ("۱۵ تا ۱۶ درصد", C.EXACT),
    ("۱۵-۱۶٪", C.EXACT),  # a hyphen between two numbers is a range, not a minus
    ("۱۶ تا ۲۰ درصد", C.WITHIN_ROUNDING),  # 15.385 < 15.5, but 15.997 reaches it
    ("۱۸ تا ۲۰ درصد", C.INCONSISTENT),  # 15.997 < 17.5: read as "= 20 %" it said the same
    ("بین ۱۰ و ۱۲ درصد", C.INCONSISTENT),  # 14.766 > 12.5
])
def test_a_range_accepts_anything_inside_it(phrase, verdict):
    row = _trade_share(phrase)
    assert row[C.COMPARATOR] == "range"
    assert row[C.VERDICT] == verdict
    assert F(row[C.COMPUTED_EXACT]) == US_SHARE


def test_the_bounds_of_a_range_are_both_kept():
    row = _trade_share("بین ۱۸ و ۲۰ درصد")
    assert (row[C.STATED_LOW_TEXT], row[C.STATED_TEXT]) == ("18", "20")
    assert "18–20%" in row[C.CLAIM]
    doc = "سهم ۱۸-۲۰٪ و ۱۸ تا ۲۰ درصد و بین ۱۸ و ۲۰٪ و ۲۵٪.\n"
    stated = extract(doc, source="r.txt").stated
    # Never −20 or 20 alone: three ranges of 18 to 20, then 25.
    assert stated[C.COMPARATOR].tolist() == ["range", "range", "range", "="]
    assert stated[C.STATED].tolist() == [20.0, 20.0, 20.0, 25.0]
    assert stated[C.STATED_LOW].tolist()[:3] == [18.0, 18.0, 18.0]
    assert pd.isna(stated[C.STATED_LOW].iloc[3])


def test_a_range_survives_the_frames():
    # verify() on frames reads the range's low bound back from stated_low_text.
    doc = TABLES + "بین ۱۵ و ۱۶ درصد کل تجارت شیلی در سال ۱۹۹۵ با آمریکا بود.\n"
    extraction = extract(doc, source="t.txt")
    result = verify(extraction.tables, extraction.stated)
    row = result[result[C.KIND] == C.TRADE_SHARE].iloc[0]
    assert (row[C.ACCEPTED_LOW], row[C.ACCEPTED_HIGH]) == (14.5, 16.5)


def test_a_figure_cut_off_instead_of_rounded_is_named_truncation():
    # (259100 − 200000) / 200000 × 100 = 29.55 (box ±0.0006): printed 29, which cutting
    # off gives; rounding gives 30 and rounding twice (29.6, then 30) too.
    doc = ("جدول صادرات ایران به ترکیه (میلیون دلار)\n۲۰۲۱ ۲۰۲۲ درصد تغییرات\n"
           "۲۰۰۰۰۰ ۲۵۹۱۰۰ ٪۲۹\n")
    extraction = extract(doc, source="c.txt")
    row = verify(extraction.tables, extraction.stated).iloc[0]
    assert F(row[C.COMPUTED_EXACT]) == F(591, 20)
    assert row[C.VERDICT] == C.INCONSISTENT
    assert row[C.LIKELY_CAUSE] == "truncation"
    assert "29.550 cut off to 29 instead of rounded" in row[C.EXPLANATION]
    # Rounded correctly (30), there is no cause to name.
    fixed = extract(doc.replace("٪۲۹", "٪۳۰"), source="c.txt")
    assert verify(fixed.tables, fixed.stated)[C.VERDICT].tolist() == [C.EXACT]


@pytest.mark.parametrize(("value", "decimals", "expected"), [
    (F(2955, 100), 0, "29"), (F(-2955, 100), 0, "-29"), (F(2955, 100), 1, "29.5"),
    (F(1, 3), 2, "0.33"), (F(-1, 1000), 1, "0.0"), (F(7), 2, "7.00"),
])
def test_truncate_cuts_toward_zero(value, decimals, expected):
    from decimal import Decimal  # noqa: PLC0415

    assert truncate(value, decimals) == Decimal(expected)
    assert str(truncate(value, decimals)) == expected


CLAIMS_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "claims"
SCORE_REACHED = 201
"""Claims scored right on the claims corpus (``make eval``) when this test was last raised."""


def test_the_claims_corpus_score_never_drops_and_nothing_is_wrong():
    if not (CLAIMS_CORPUS / "score.py").is_file():
        pytest.fail(f"the claims corpus is expected in {CLAIMS_CORPUS} (beside the project)")
    done = subprocess.run(
        [sys.executable, str(CLAIMS_CORPUS / "score.py"), "--json", "--cmd",
         f"{shlex.quote(sys.executable)} -m chile_trade", str(CLAIMS_CORPUS)],
        capture_output=True, text=True, check=True, timeout=600)
    totals = json.loads(done.stdout)["totals"]
    # A wrong verdict or a false flag is the worst this product can do: none, ever.
    assert totals["wrong"] == 0
    assert totals["false_flags"] == 0
    assert totals["right"] >= SCORE_REACHED


def test_every_file_is_summed_up_and_a_file_with_nothing_says_so(tmp_path, capsys):
    from chile_trade.cli import main  # noqa: PLC0415

    (tmp_path / "prose.txt").write_text("متنی بدون جدول و بدون درصد.\n", encoding="utf-8")
    (tmp_path / "t.txt").write_text(TABLES + "حداکثر ۲۰٪ کل تجارت شیلی در سال ۱۹۹۵ با "
                                    "آمریکا بود و ۳٪ دیگر.\n", encoding="utf-8")
    assert main(["verify", str(tmp_path), "--jobs", "1"]) == 0
    out, err = capsys.readouterr()
    assert f"{tmp_path / 'prose.txt'}: no table and no stated figure found" in err
    # t.txt: the two shares (each its table's only total: unverifiable), the trade share
    # (15.385 % <= 20: exact) and the 3 % (no figures it refers to).
    assert (f"{tmp_path / 't.txt'}: 4 figures, 1 checked (1 exact), 3 unverifiable "
            "(1 no figures, 2 total only through share)") in out


def test_an_unverifiable_figure_has_a_machine_readable_reason():
    extraction = extract(TABLES + "۳٪ دیگر.\n", source="t.txt")
    result = verify(extraction.tables, extraction.stated)
    assert result[C.REASON].tolist() == ["total only through share"] * 2 + ["no figures"]
    checked = _trade_share("حداکثر ۲۰٪")
    assert pd.isna(checked[C.REASON])


def test_a_range_without_its_first_bound_is_refused_naming_the_row():
    doc = TABLES + "بین ۱۵ و ۱۶ درصد کل تجارت شیلی در سال ۱۹۹۵ با آمریکا بود.\n"
    extraction = extract(doc, source="t.txt")
    stated = extraction.stated.drop(columns=[C.STATED_LOW, C.STATED_LOW_TEXT])
    with pytest.raises(ValueError, match=r"stated row 2: a range needs stated_low_text"):
        verify(extraction.tables, stated)
