"""Tables shown to people: right-to-left HTML in Jupyter, text in a terminal."""

from __future__ import annotations

import pandas as pd
import pytest

from chile_trade.frames import verify
from chile_trade.io.dataset import load_reference, load_stated, load_tables
from chile_trade.io.reference import compare_with_reference
from chile_trade.present.display import VERDICT_COLORS, html_table, show


@pytest.fixture(scope="module")
def result():
    return verify(load_tables(), load_stated(), load_reference())


def test_persian_html_is_right_to_left_with_persian_headers_digits_and_colours(result):
    page = show(result, lang="fa")._repr_html_()
    assert page.startswith('<table class="ct-table" dir="rtl" lang="fa">')
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


def test_an_unknown_frame_is_refused():
    with pytest.raises(ValueError, match="must be a verification result"):
        show(pd.DataFrame({"x": [1]}))
