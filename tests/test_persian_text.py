"""Persian labels for the running matplotlib, and Persian number formatting."""

from __future__ import annotations

import unicodedata

import matplotlib as mpl
import pytest
from matplotlib import cbook

from chile_trade.present.numbers import LRM, RLM, format_number, format_percent, format_year
from chile_trade.present.text import (
    display_text,
    logical_text,
    matplotlib_shapes_text,
    visual_order,
)


def _has_presentation_forms(text):
    return any(0xFB50 <= ord(ch) <= 0xFDFF or 0xFE70 <= ord(ch) <= 0xFEFF for ch in text)


def test_one_path_is_taken_never_both():
    label = "صادرات به آمریکا"
    shown = display_text(label)
    if matplotlib_shapes_text():
        assert shown == RLM + label  # logical order, unshaped: matplotlib shapes it
        assert not _has_presentation_forms(shown)
    else:
        assert shown == visual_order(label)
        assert _has_presentation_forms(shown)
        assert not any("\u0621" <= ch <= "\u06d3" for ch in shown)  # no unshaped letter left


def test_the_reshaping_path_forms_the_lam_alef_ligature_and_respects_zwnj():
    assert visual_order("لا") == "\ufefb"
    # ZWNJ stops می joining کند, so the two strings take different letter forms.
    with_zwnj = visual_order("می\u200cکند")
    without = visual_order("میکند")
    assert with_zwnj != without
    assert "\u200c" not in with_zwnj  # spent controls are not left for matplotlib to draw


def test_the_reshaping_path_keeps_harakat():
    assert "\u064e" in visual_order("مَن")  # arabic-reshaper would delete it by default


def test_brackets_are_mirrored_in_visual_order():
    # Logical "(فوب)" in a right-to-left line: the visual string reads ")...(" left to right
    # mirrored back to "(...)".
    shown = visual_order("ارزش (فوب)")
    assert shown.startswith("(")
    assert shown.index("(") < shown.index(")")


def test_a_label_starting_with_digits_or_latin_reads_right_to_left():
    # Without an RTL base, "1995 صادرات" would put the year on the left.
    shown = visual_order("۱۹۹۵ صادرات")
    assert shown.endswith("۱۹۹۵")  # the first logical word is rightmost
    assert visual_order("US سهم").endswith("US")


def test_a_dollar_sign_never_switches_a_label_into_mathtext():
    for rtl in (True, False):
        shown = display_text("هزینه $5 تا $6", rtl=rtl)
        assert not cbook.is_math_text(shown)


def test_multiline_labels_get_a_base_direction_per_line():
    shown = display_text("سطر یک\n۱۹۹۵ سطر دو")
    assert len(shown.split("\n")) == 2
    if matplotlib_shapes_text():
        assert all(line.startswith(RLM) for line in shown.split("\n"))


def test_logical_text_recovers_what_a_label_said():
    assert logical_text(display_text("تجارت شیلی")) == "تجارت شیلی"
    assert logical_text("never made") is None


@pytest.mark.parametrize(
    ("value", "decimals", "lang", "expected"),
    [
        (2375, 0, "fa", "۲٬۳۷۵"),
        (-1417, 0, "fa", LRM + "\u2212۱٬۴۱۷"),  # LRM keeps the minus left of the digits
        (43.745, 1, "fa", "۴۳٫۷"),
        (43.75, 1, "fa", "۴۳٫۸"),  # half away from zero, like the verification
        (-1417, 0, "en", "\u22121,417"),
        (0.5, 2, "en", "0.50"),
    ],
)
def test_numbers_are_formatted_in_each_language(value, decimals, lang, expected):
    assert format_number(value, decimals, lang=lang) == expected


def test_percentages_and_years():
    assert format_percent(18.04, 0) == "۱۸٪"
    assert format_percent(18.04, 1, lang="en") == "18.0%"
    assert format_year(1995) == "۱۹۹۵"
    assert format_year(1995, lang="en") == "1995"


def test_the_minus_sign_renders_left_of_the_digits_inside_rtl_text():
    # Visual order of a Persian label with a negative number: the minus sign must sit
    # immediately left of the number's first digit.
    shown = visual_order("تراز " + format_number(-1417))
    minus = shown.index("\u2212")
    assert shown[minus + 1] == "۱"


def test_a_bad_lang_is_refused_by_name():
    with pytest.raises(ValueError, match=r"lang must be one of \('fa', 'en'\); got 'ar'"):
        format_number(1, lang="ar")


def test_persian_digits_are_used_in_persian_labels():
    assert all(unicodedata.name(ch).startswith("EXTENDED ARABIC-INDIC DIGIT")
               for ch in format_number(1234567890, grouping=False))


def test_the_capability_check_agrees_with_the_layout_engine():
    major, minor = (int(p) for p in mpl.__version__.split(".")[:2])
    assert matplotlib_shapes_text() is ((major, minor) >= (3, 11))
