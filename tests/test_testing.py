"""The pytest helper: passes on consistent figures, fails naming each inconsistent one."""

from __future__ import annotations

import re

import pytest

from chile_trade.testing import assert_figures_consistent

# (2375 − 2012) / 2012 × 100 = 18.04: 18 is exact; the share has no total (unverifiable).
US_SHARE = ("جدول میزان صادرات شیلی به آمریکا (میلیون دلار، فوب)\n"
            "۱۹۹۴ ۱۹۹۵ درصدتغییرات ۹۴/۹۵ میزان مشارکت در کل صادرات\n"
            "۲۰۱۲ ۲۳۷۵ %۱۸ ۱۴/۴\n")


def test_consistent_and_unverifiable_figures_pass(tmp_path):
    doc = tmp_path / "us.txt"
    doc.write_text(US_SHARE, encoding="utf-8")
    assert_figures_consistent(doc)
    assert_figures_consistent([str(tmp_path)])


def test_an_inconsistent_figure_fails_with_its_place_stated_and_computed_values(tmp_path):
    doc = tmp_path / "us.txt"
    doc.write_text(US_SHARE.replace("%۱۸", "%۲۵"), encoding="utf-8")
    with pytest.raises(AssertionError) as failed:
        assert_figures_consistent(tmp_path)
    # 363 / 2012 × 100 = 18.0417 (six significant digits).
    assert re.search(rf"^  {re.escape(str(doc))}:3: stated 25, computed 18\.0417 \(",
                     str(failed.value), re.MULTILINE)
    assert str(failed.value).startswith("1 figure(s) or file(s) fail:")


def test_a_figure_inconsistent_with_the_reference_fails(tmp_path):
    doc = tmp_path / "us.txt"
    doc.write_text(US_SHARE, encoding="utf-8")
    reference = tmp_path / "ref.csv"
    reference.write_text("series,year,value_musd,valuation,source\n"
                         "chile_total_exports,1995,20000,FOB,a test\n", encoding="utf-8")
    # 2375 / 20000 × 100 = 11.875, not 14.4.
    with pytest.raises(AssertionError, match=r"stated 14\.4, computed 11\.875 against the "
                                             r"reference"):
        assert_figures_consistent(doc, reference=reference)


def test_a_table_that_cannot_be_read_fails_with_its_place(tmp_path):
    doc = tmp_path / "bad.md"
    doc.write_text("جدول ۱- صادرات ایران به عمان (میلیون دلار)\n| شرح | ۱۴۰۰ | ۱۴۰۱ |\n"
                   "| صادرات | ۱۲o | ۱۵ |\n", encoding="utf-8")
    with pytest.raises(AssertionError, match=re.escape(f"{doc}:3: unparsable number '۱۲o' "
                                                       "(not read)")):
        assert_figures_consistent(doc)


def test_a_path_that_does_not_exist_fails(tmp_path):
    with pytest.raises(AssertionError, match="cannot check the figures"):
        assert_figures_consistent(tmp_path / "missing.txt")
