"""Numbers as Persian writers write them: exact value and printed precision."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from chile_trade.core.numbers import (
    DIGIT_SYSTEMS,
    fold,
    parse_number,
    parse_period,
    to_ascii_digits,
)
from chile_trade.errors import InputError


@pytest.mark.parametrize(
    ("raw", "value", "decimals", "is_percent"),
    [
        ("۱۶۴۹", "1649", 0, False),
        ("۱۴/۴", "14.4", 1, False),
        ("%۴۳/۸", "43.8", 1, True),
        ("۱۸%", "18", 0, True),
        ("۱۸٪", "18", 0, True),
        ("٪۱۸", "18", 0, True),
        ("۱۸ درصد", "18", 0, True),
        ("۱۶۰ درصدی", "160", 0, True),
        ("۱۶۰ در صدی", "160", 0, True),
        ("۱۶۰ در صدى", "160", 0, True),  # alef maksura for yeh
        ("٤٣٫٨", "43.8", 1, False),  # Arabic-Indic digits, Arabic decimal separator
        ("۲٬۳۷۵", "2375", 0, False),
        ("2,375.50", "2375.50", 2, False),
        ("۰/۰۵", "0.05", 2, False),
        ("-۱۴۱۷", "-1417", 0, False),
        ("−3.0", "-3.0", 1, False),  # U+2212 MINUS SIGN, trailing zero kept
    ],
)
def test_a_printed_number_keeps_its_exact_value_and_precision(raw, value, decimals, is_percent):
    number = parse_number(raw)
    assert number.value == Decimal(value)
    assert number.decimals == decimals
    assert number.is_percent is is_percent
    assert number.raw == raw


def test_a_printed_value_stands_for_its_rounding_interval():
    # ۴۳/۸ stands for [43.75, 43.85]; ۲۶۳۸ for [2637.5, 2638.5].
    assert parse_number("۴۳/۸").interval() == (Fraction(4375, 100), Fraction(4385, 100))
    assert parse_number("۲۶۳۸").interval() == (Fraction(26375, 10), Fraction(26385, 10))


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ("۱2۳", "mixes digit systems"),
        ("1,5", "groups of three"),
        ("۱٬۲۳٬۴۵۶", "groups of three"),
        ("1,234٬567", "groups of three"),
        ("%۱۸%", "both sides"),
        ("۱۸x", "unparsable number"),
        ("", "unparsable number"),
        ("१२", "unsupported digit"),  # Devanagari
        ("۱۲/۳/۴", "unparsable number"),  # a date, not a number
    ],
)
def test_a_malformed_number_is_refused_with_a_reason(raw, message):
    with pytest.raises(InputError, match=message):
        parse_number(raw)


def test_a_year_pair_in_a_header_is_a_period_not_a_number():
    assert parse_period("۹۴/۹۵", [1992, 1993, 1994, 1995]) == (1994, 1995)
    assert parse_period("۱۹۹۴-۱۹۹۵", [1994, 1995]) == (1994, 1995)
    with pytest.raises(InputError, match="not in the header"):
        parse_period("۹۶/۹۷", [1994, 1995])
    with pytest.raises(InputError, match="forward"):
        parse_period("۹۵/۹۴", [1994, 1995])


def test_folding_ignores_arabic_letter_variants_and_zwnj():
    assert fold("درصد\u200cتغييرات") == fold("درصدتغییرات")
    assert fold("كل") == "کل"
    assert to_ascii_digits("۱۹۹۵/٠٥") == "1995/05"


# --- property: any supported style parses back to the same value and precision

_PERCENT_STYLES = ["", "%{}", "{}%", "{}٪", "٪{}", "{} درصد", "{} درصدی", "{} در صدی", "{}\u00a0%"]


@st.composite
def printed_numbers(draw):
    integer = draw(st.integers(min_value=0, max_value=10**9))
    decimals = draw(st.integers(min_value=0, max_value=4))
    fraction = draw(st.integers(min_value=0, max_value=10**decimals - 1)) if decimals else 0
    negative = draw(st.booleans())
    digits = draw(st.sampled_from(sorted(DIGIT_SYSTEMS)))
    decimal_sep = draw(st.sampled_from(["/", "٫", "."]))
    thousands = draw(st.sampled_from(["", "٬", ","]))
    percent = draw(st.sampled_from(_PERCENT_STYLES))
    int_text = f"{integer:,}".replace(",", thousands)
    text = int_text + (decimal_sep + str(fraction).zfill(decimals) if decimals else "")
    text = text.translate(str.maketrans("0123456789", DIGIT_SYSTEMS[digits]))
    sign = draw(st.sampled_from(["-", "−"])) if negative else ""
    raw = (percent.format(sign + text) if percent else sign + text)
    expected = Decimal(f"{'-' if negative else ''}{integer}"
                       + (f".{str(fraction).zfill(decimals)}" if decimals else ""))
    return raw, expected, decimals, bool(percent)


@given(printed_numbers())
def test_a_number_in_any_supported_style_parses_back_exactly(case):
    raw, expected, decimals, is_percent = case
    number = parse_number(raw)
    assert number.value == expected
    assert number.decimals == decimals
    assert number.is_percent is is_percent
