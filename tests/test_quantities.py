"""Quantities in running Persian text: a number with its scale words, unit and comparator."""

from __future__ import annotations

from fractions import Fraction

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from num2words import num2words

from chile_trade.core.numbers import fold
from chile_trade.core.quantities import Amount, parse_number_words, quantities
from chile_trade.core.vocabulary import TO_PERSIAN
from chile_trade.errors import InputError


def _one(text: str) -> Amount:
    amounts = quantities(fold(text))
    assert len(amounts) == 1, amounts
    return amounts[0]


def _persian(n: int) -> str:
    return str(n).translate(TO_PERSIAN)


# ------------------------------------------------ number words, against num2words


def test_zero_spelled_by_num2words_is_read_as_zero():
    assert num2words(0, lang="fa") == "صفر"
    assert parse_number_words(fold("صفر")) == 0


def test_every_number_below_two_thousand_spelled_by_num2words_parses_back():
    wrong = [n for n in range(2000) if parse_number_words(fold(num2words(n, lang="fa"))) != n]
    assert wrong == []


@settings(max_examples=500, deadline=None)
@given(st.integers(min_value=0, max_value=10**12))
@example(10**12)  # «یک تریلیون»
@example(1_001_000)  # num2words writes «یک میلیون و هزار»: a bare هزار after a larger scale
def test_any_number_up_to_a_trillion_spelled_by_num2words_parses_back(n):
    assert parse_number_words(fold(num2words(n, lang="fa"))) == n


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=1, max_value=999))
def test_a_percentage_in_words_is_an_integer(a):
    amount = _one(num2words(a, lang="fa") + " درصد")
    assert (amount.number.exact, amount.number.decimals) == (a, 0)
    assert (amount.unit, amount.in_words) == ("percent", True)


# ------------------------------------------------ scale words mixed with digits

_TEMPLATES = [
    # a billion is a thousand million: a*1000 + b million dollars, power 6
    ("{a} میلیارد و {b} میلیون دلار", "million USD", "USD", 6),
    # a thousand tonnes and b tonnes: a*1000 + b tonnes, a tonne is 10**3 kg
    ("{a} هزار و {b} تن", "tonne", "kg", 3),
    # a million tonnes and b thousand: a*1000 + b thousand tonnes, 10**3 * 10**3 kg
    ("{a} میلیون و {b} هزار تن", "thousand tonne", "kg", 6),
]


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(_TEMPLATES), st.integers(1, 999), st.integers(1, 999))
def test_a_compound_amount_takes_the_precision_of_its_last_part(template, a, b):
    text, unit, dimension, power = template
    amount = _one(text.format(a=_persian(a), b=_persian(b)))
    value = a * 1000 + b
    assert amount.number.exact == value
    assert (amount.number.low, amount.number.high) == (value - Fraction(1, 2),
                                                      value + Fraction(1, 2))
    assert (amount.unit, amount.dimension, amount.power) == (unit, dimension, power)


# ------------------------------------------------ cases worked by hand


@pytest.mark.parametrize(
    ("text", "number", "unit", "comparator"),
    [
        # 4 billion = 4000 million; + 796 million = 4796 million, 10**6 dollars
        ("۴ میلیارد و ۷۹۶ میلیون دلار", ("4796", 0), ("million USD", 6), "="),
        # one and a half: 1 + 0.5 = 1.5 billion; نیم has one decimal
        ("یک و نیم میلیارد دلار", ("1.5", 1), ("billion USD", 9), "="),
        ("3.7 میلیارد دلار", ("3.7", 1), ("billion USD", 9), "="),
        # a slash is the Persian decimal point: 11/6 is 11.6
        ("11/6 میلیارد دلار", ("11.6", 1), ("billion USD", 9), "="),
        # a comma between groups of three: 441,380 is 441380
        ("441,380 میلیون دلار", ("441380", 0), ("million USD", 6), "="),
        # thousand billion = 10**3 * 10**9 = 10**12 rials
        ("۲۸۵ هزار میلیارد ریال", ("285", 0), ("thousand billion rial", 12), "="),
        # a cent is 10**-2 dollars; نزدیک به is "about"
        ("نزدیک به ۵۵ سنت", ("55", 0), ("cent", -2), "~"),
        # 1 million = 1000 thousand; + 420 thousand = 1420 thousand barrels a day
        ("یک میلیون و ۴۲۰ هزار بشکه در روز", ("1420", 0), ("thousand barrel/day", 3), "="),
        ("نیم درصد", ("0.5", 1), ("percent", 0), "="),
        # twenty and five: 20 + 5 = 25
        ("بیست و پنج درصد", ("25", 0), ("percent", 0), "="),
        ("یازده درصد", ("11", 0), ("percent", 0), "="),
        # three and a half: 3 + 0.5 = 3.5 times
        ("سه و نیم برابر", ("3.5", 1), ("x", 0), "="),
        ("بیش از سه و نیم برابر", ("3.5", 1), ("x", 0), ">"),
        # واحد درصد: percentage points; ٫ is the decimal point
        ("۴٫۳ واحد درصد", ("4.3", 1), ("pp", 0), "="),
        # "not more than" is "at most"
        ("نه بیش از ۳۰ درصد", ("30", 0), ("percent", 0), "<="),
        ("حداقل ۱۵ درصد", ("15", 0), ("percent", 0), ">="),
        ("حداکثر ۸ درصد", ("8", 0), ("percent", 0), "<="),
        # U+2212 attached to the number: minus five
        ("−۵٪", ("-5", 0), ("percent", 0), "="),
    ],
)
def test_a_quantity_is_read_with_its_unit_precision_and_comparator(text, number, unit, comparator):
    (value, decimals), (name, power) = number, unit
    amount = _one(text)
    exact = Fraction(value)
    half = Fraction(1, 2 * 10**decimals)  # half a unit of the last printed digit
    assert (amount.number.exact, amount.number.decimals) == (exact, decimals)
    assert (amount.number.low, amount.number.high) == (exact - half, exact + half)
    assert (amount.unit, amount.power, amount.comparator) == (name, power, comparator)


def test_one_and_a_half_billion_stands_for_one_point_four_five_to_one_point_five_five():
    # 1.5 with one decimal: 1.5 ∓ 0.05
    number = _one("یک و نیم میلیارد دلار").number
    assert (number.low, number.high) == (Fraction("1.45"), Fraction("1.55"))


@pytest.mark.parametrize(
    ("text", "share", "comparator"),
    [
        ("بیش از یک‌سوم", Fraction(100, 3), ">"),  # 1/3 of 100 % = 100/3 %
        ("حدود یک‌چهارم", Fraction(25), "~"),  # 1/4 of 100 % = 25 %
    ],
)
def test_a_fraction_word_is_an_exact_threshold(text, share, comparator):
    amount = _one(text)
    assert amount.number.exact == amount.number.low == amount.number.high == share
    assert (amount.unit, amount.comparator) == ("percent", comparator)


def test_a_bare_member_of_a_respectively_list_takes_the_lists_scale():
    amounts = quantities(fold("به ترتیب ۳۱۰ و ۹۵ هزار تن"))
    # 310 is not smaller than a thousand, so it is no part of 95 thousand: two amounts
    assert [(a.number.exact, a.unit, a.power) for a in amounts] == [
        (310, "thousand tonne", 6), (95, "thousand tonne", 6)]


def test_the_members_of_a_list_share_the_last_members_percent():
    amounts = quantities(fold("۲۶، ۱۸ و ۱۶ درصد"))
    assert [(a.number.exact, a.unit) for a in amounts] == [
        (26, "percent"), (18, "percent"), (16, "percent")]


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("بین ۴۵ و ۵۰ درصد", 45, 50),
        ("۱۸ تا ۲۰ درصد", 18, 20),
        ("۱۹-۲۲٪", 19, 22),  # a hyphen between numbers is never a minus: not 19 and −22
    ],
)
def test_a_range_is_one_amount_with_both_bounds(text, low, high):
    amount = _one(text)
    assert amount.comparator == "range"
    assert amount.low is not None
    assert (amount.low.exact, amount.number.exact, amount.unit) == (low, high, "percent")


@pytest.mark.parametrize(
    "text",
    [
        "در سال ۱۴۰۲",  # a year standing alone
        "سال ۹۸",  # a two-digit year
        "۹ ماهه",  # a number with no unit
        "۲ هزار درصد",  # a percent with a scale word is not a form the package reads
        "1,5 نفر",  # malformed (1,5 is no group of three) but bare: left alone
    ],
)
def test_text_without_a_readable_quantity_yields_none(text):
    assert quantities(fold(text)) == []


# ------------------------------------------------ unreadable numbers


@pytest.mark.parametrize(
    "text",
    [
        "۱۲٫۳٫۴ درصد",  # two decimal points
        "۱٢۹٪",  # a Persian ۱ and ۹ around an Arabic-Indic ٢
    ],
)
def test_a_number_that_cannot_be_read_beside_a_unit_is_an_error(text):
    with pytest.raises(InputError):
        quantities(fold(text))
