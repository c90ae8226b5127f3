"""Tables shown to people: right-to-left HTML in Jupyter, text in a terminal."""

from __future__ import annotations

import re

import pandas as pd
import pytest

from chile_trade.frames import verify
from chile_trade.indicators import (
    cagr,
    coverage_ratio,
    implied_totals,
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
from chile_trade.io.reference import compare_with_reference
from chile_trade.present.display import VERDICT_COLORS, column_title, html_table, show


@pytest.fixture(scope="module")
def result():
    return verify(load_tables(), load_stated(), load_reference())


def test_persian_html_is_right_to_left_with_persian_headers_digits_and_colours(result):
    page = show(result, lang="fa")._repr_html_()
    assert page.startswith('<div class="ct-wrap" dir="rtl" style="overflow-x:auto;'
                           'max-width:100%"><table class="ct-table" dir="rtl" lang="fa">')
    assert "<th>داوری</th>" in page
    assert "۴۳٫۸٪" in page  # the stated import change, in Persian digits
    assert f"background:{VERDICT_COLORS['inconsistent']}" in page
    assert "گرد کردن دوباره" in page  # the explanation in the reader's language
    assert "double rounding" not in page


def test_english_html_is_left_to_right_with_english_explanations(result):
    page = html_table(result, lang="en")
    assert 'dir="ltr"' in page
    assert "double rounding" in page
    assert "43.8%" in page


def test_file_names_are_isolated_left_to_right_inside_persian_tables(result):
    page = html_table(load_tables(), lang="fa")
    assert '<bdi dir="ltr">002_be3af3bae581de8e.txt:14</bdi>' in page
    assert "میلیون دلار" in page  # the unit in Persian too


def test_the_terminal_form_is_plain_text(result):
    text = repr(show(result))
    assert "<" not in text
    assert "verdict: within rounding" in text
    assert "verdict vs reference: exact" in text


def test_the_reference_comparison_displays_its_status():
    page = html_table(compare_with_reference(load_tables(), load_reference()), lang="fa")
    assert "مطابق" in page  # matched
    assert "\u200e\u2212۱" in page  # 1984 - 1985 = -1, minus kept left of the digit


def test_what_is_not_a_frame_is_refused_saying_what_to_pass():
    extraction = load_extraction()
    with pytest.raises(TypeError, match=r"got Extraction: it holds two frames, "
                                        r"show\(x.tables\) and show\(x.stated\)"):
        show(extraction)
    with pytest.raises(TypeError, match="takes a pandas DataFrame or Series; got list"):
        show([1, 2])


def _heads(page):
    return re.findall(r"<th[^>]*>([^<]*)</th>", page)


def test_every_frame_the_package_returns_is_shown_with_all_its_columns():
    tables, stated, reference = load_tables(), load_stated(), load_reference()
    wide = load_wide()
    frames = {
        "tables": tables, "stated": stated, "verify": verify(tables, stated, reference),
        "reference": reference, "comparison": compare_with_reference(tables, reference),
        "wide": wide, "yoy_growth": yoy_growth(tables), "cagr": cagr(tables),
        "implied_totals": implied_totals(tables, stated),
        "trade_balance": trade_balance(wide), "coverage_ratio": coverage_ratio(wide),
    }
    for name, frame in frames.items():
        page = show(frame, lang="fa")._repr_html_()
        flat = frame.reset_index() if name in {"wide", "trade_balance", "coverage_ratio"} \
            else frame
        rows = len(flat)
        assert page.count("<tr>") == rows + 1, name  # the head and one row each
        shown = set(_heads(page))
        note = re.search(r'<bdi dir="ltr">([^<]*)</bdi></p>', page)
        hidden = set(note.group(1).split(", ")) if note else set()
        # every column is shown under its title, or named under the table: none is lost
        columns = list(flat.columns) if isinstance(flat, pd.DataFrame) else [flat.name]
        for column in columns:
            assert column_title(column, "fa") in shown or column in hidden or (
                name in {"tables", "verify", "comparison", "yoy_growth"}), (name, column)
    # the indicators' own columns are shown beside the table rows' layout
    assert "رشد (درصد)" in _heads(show(yoy_growth(tables))._repr_html_())
    assert "۰٫۳۶٪" in show(yoy_growth(tables))._repr_html_()  # (1655 - 1649) / 1649 = 0.36 %
    assert "رشد مرکب سالانه (درصد)" in _heads(show(cagr(tables))._repr_html_())


def test_a_filtered_frame_shows_its_rows_and_no_index(result):
    chosen = result[result["verdict"] == "inconsistent"]  # rows 4 and 5: an unnamed index
    page = show(chosen, lang="en")._repr_html_()
    assert page.count("<tr>") == len(chosen) + 1 == 3
    assert "index" not in _heads(page)


def test_a_layout_names_the_columns_it_leaves_out(result):
    page = show(result, lang="en")._repr_html_()
    assert "Also in the frame, not shown: " in page
    note = re.search(r'not shown: <bdi dir="ltr">([^<]*)</bdi>', page).group(1).split(", ")
    assert {"kind", "computed_exact", "claim_fa", "explanation_fa"} <= set(note)
    assert "verdict" not in note  # shown


def test_the_first_column_stays_in_view_and_formulas_are_not_broken(result):
    page = show(result, lang="fa")._repr_html_()
    assert page.count("position:sticky;right:0") == len(result) + 1
    # (2375 − 2012) / 2012 × 100 = 18.042…: the formula is one unbreakable span
    assert '<span style="white-space:nowrap">(۲۳۷۵ − ۲۰۱۲) ÷ ۲۰۱۲ × ۱۰۰ = ۱۸٫۰۴۲٪،</span>' in page
    assert ('<span style="white-space:nowrap">(2375 − 2012) / 2012 × 100 = 18.042%,</span>'
            in html_table(result, lang="en"))
    assert "position:sticky;left:0" in html_table(result, lang="en")


def test_odd_values_and_indexes_are_shown_not_lost_or_crashed():
    odd = pd.DataFrame({"a": [float("inf"), -float("inf"), 1e30, float("nan")],
                        "t": [pd.Timestamp("2020-01-01"), pd.NaT, None, None]})
    text = repr(show(odd))
    assert [line.split(": ", 1)[1] for line in text.splitlines() if line.startswith("a: ")] \
        == ["∞", "−∞", "1e30", "—"]
    assert "t: —" in text  # NaT, like any missing value
    # describe()'s row labels are data: kept, as an "index" column
    described = show(pd.DataFrame({"x": [1.0, 2.0, 3.0]}).describe(), lang="en")._repr_html_()
    assert _heads(described)[0] == "index"
    assert ">mean<" in described
    # an index named like a column is kept beside it, not a crash
    both = pd.DataFrame({"year": [2020, 2021]}).set_index("year", drop=False)
    assert _heads(show(both, lang="en")._repr_html_()) == ["year (index)", "year"]
