"""Tables and stated figures come out of Persian text with their provenance."""

from __future__ import annotations

import re
from decimal import Decimal

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from chile_trade import columns as C
from chile_trade.core.checks import Documents, check
from chile_trade.core.grammar import read
from chile_trade.core.numbers import DIGIT_SYSTEMS
from chile_trade.errors import InputError
from chile_trade.frames import extract, extract_documents
from chile_trade.io.dataset import load_stated, load_tables
from chile_trade.io.reading import read_document


def _listed(frame):
    """Rows as lists, a missing value (<NA>) as None."""
    return frame.astype(object).where(frame.notna(), None).to_numpy().tolist()


def test_extraction_from_the_seeds_equals_the_shipped_data(seeds_dir):
    paths = sorted(seeds_dir.glob("*.txt"))
    extracted = extract_documents([read_document(p) for p in paths],
                                  sources=[p.name for p in paths])
    pd.testing.assert_frame_equal(extracted.tables, load_tables())
    pd.testing.assert_frame_equal(extracted.stated, load_stated())


def test_every_extracted_number_carries_file_line_and_raw_text(seeds_dir):
    path = seeds_dir / "002_be3af3bae581de8e.txt"
    lines = read_document(path).split("\n")
    extracted = extract(read_document(path), source=path.name)
    for frame in (extracted.tables, extracted.stated):
        for row in frame.itertuples():
            assert row.source == f"{row.file}:{row.line}"
            assert row.raw in lines[row.line - 1]


SIMPLE = """مقدمه بدون عدد.

جدول ارزش واردات از ژاپن (هزار دلار، سیف)

2001 2002 2003 رشد 2002-2003 سهم از کل واردات
1.5 2.25 3 33.3% 0.7
"""


def test_a_document_about_another_partner_in_ascii_digits_extracts_without_code_changes():
    extracted = extract(SIMPLE, source="japan.txt")
    tables = extracted.tables
    assert tables[C.PARTNER_EN].unique().tolist() == ["Japan"]
    assert tables[C.FLOW].unique().tolist() == ["import"]
    assert tables[C.UNIT].unique().tolist() == ["thousand USD"]
    assert tables[C.VALUATION].unique().tolist() == ["CIF"]
    assert tables[C.VALUE_TEXT].tolist() == ["1.5", "2.25", "3"]
    assert tables[C.SOURCE].unique().tolist() == ["japan.txt:6"]
    stated = extracted.stated
    assert stated[C.KIND].tolist() == [C.CHANGE, C.SHARE]
    # A share has no base year and a change no base: missing, <NA>, not 0 or ''.
    assert _listed(stated[[C.YEAR_FROM, C.YEAR_TO]]) == [[2002, 2003], [None, 2003]]
    assert _listed(stated[[C.BASE]]) == [[None], [C.IMPORT]]


def test_the_prose_claim_forms_are_typed():
    text = ("کمتر از ۱۵٫۵ درصد کل تجارت شیلی در سال ۲۰۰۱ با ژاپن بود و "
            "حدود ۳۰% کل مبادلات در سال ۲۰۰۲ با ایالات متحده؛ "
            "تجارت با چین با رشدی ۹۰ درصدی نسبت به ۳ سال قبل. "
            "روزنامه مورخ ۹/۱/۹۳ و ۱۲٪ دیگر.")
    stated = extract(text, source="p.txt").stated
    got = _listed(stated[[C.KIND, C.PARTNER_EN, C.YEAR_TO, C.SPAN_YEARS, C.COMPARATOR,
                          C.STATED_TEXT]])
    assert got == [
        [C.TRADE_SHARE, "Japan", 2001, None, "<", "15.5"],
        [C.TRADE_SHARE, "United States", 2002, None, "~", "30"],
        [C.GROWTH, "China", None, 3, "=", "90"],
        [C.OTHER, None, None, None, "=", "12"],
    ]


def test_nothing_found_is_empty_frames_with_all_columns():
    extracted = extract("متنی بدون جدول و بدون درصد.", source="empty.txt")
    assert extracted.tables.empty
    assert list(extracted.tables.columns) == C.TABLE_COLUMNS
    assert extracted.stated.empty
    assert list(extracted.stated.columns) == C.STATED_COLUMNS


TITLE = "جدول صادرات به آمریکا (میلیون دلار)"


def test_an_unknown_column_is_kept_as_unknown_and_said_so():
    doc = read(f"{TITLE}\n۱۹۹۴ ۱۹۹۵ ستون ناشناخته\n۲۰۱۲ ۲۳۷۵ ۱\n", "doc.txt")
    # The two years are values; the unknown column's "۱" is neither a value nor a figure.
    assert [(c.year, c.number.text) for c in doc.cells] == [(1994, "2012"), (1995, "2375")]
    assert doc.claims == []
    assert [str(n) for n in doc.notices] == [
        "doc.txt:2: unknown column 'ستون ناشناخته' kept as an unknown column; its values are "
        "not read"]


@pytest.mark.parametrize(
    ("header", "values", "line", "message"),
    [
        ("۱۹۹۴ ۱۹۹۵ درصد تغییرات", "۲۰۱۲ ۲۳۷۵", 3,
         "value line has 2 values but the header at line 2 has 3 columns (2 years, 1 labelled)"),
        ("۱۹۹۴ ۱۹۹۵", "۲۰۱۲ ۲۳x۵", 3, "unparsable number '۲۳x۵'"),
        ("۱۹۹۴ ۱۹۹۵", "۲۰۱۲ ۲3۷۵", 3, "mixes digit systems"),
        ("۱۹۹۵ ۱۹۹۴", "۲۰۱۲ ۲۳۷۵", 2, "not in increasing order"),
        ("۱۹۹۴ ۱۹۹۵ درصد تغییرات ۹۲/۹۳", "۲۰۱۲ ۲۳۷۵ ۱۸", 2, "not in the header"),
        ("۱۹۹۴ ۱۹۹۵", "۲۰۱۲ %۲۳۷۵", 3, "carries a percent sign"),
    ],
)
def test_a_malformed_table_is_an_error_at_its_line(header, values, line, message):
    with pytest.raises(InputError) as info:
        extract(f"{TITLE}\n{header}\n{values}\n", source="bad.txt")
    assert str(info.value).startswith(f"bad.txt:{line}: ")
    assert message in str(info.value)


def test_a_table_title_with_the_wrong_preposition_is_an_error():
    with pytest.raises(InputError, match=r"^bad\.txt:1: table title says صادرات از"):
        extract("جدول صادرات از آمریکا (میلیون دلار)\n۱۹۹۴\n۱\n", source="bad.txt")


def test_a_header_with_no_value_line_is_an_error():
    with pytest.raises(InputError, match=r"^bad\.txt:2: table header is not followed"):
        extract(f"{TITLE}\n۱۹۹۴ ۱۹۹۵\n\n", source="bad.txt")


# --- property: a table written in random supported styles extracts back

_PARTNERS = {"آمریکا": "United States", "آمريکا": "United States", "ژاپن": "Japan",
             "ايالات متحده": "United States", "كانادا": "Canada"}


def _digits(text: str, system: str) -> str:
    return text.translate(str.maketrans("0123456789", DIGIT_SYSTEMS[system]))


@st.composite
def styled_number(draw, value: Decimal, system: str, *, percent: bool = False) -> str:
    sign = value.is_signed()
    text = f"{abs(value):f}"
    integer, _, fraction = text.partition(".")
    thousands = draw(st.sampled_from(["", "٬", ","]))
    integer = f"{int(integer):,}".replace(",", thousands)
    text = integer + (draw(st.sampled_from(["/", "٫", "."])) + fraction if fraction else "")
    text = _digits(text, system)
    if sign:
        text = draw(st.sampled_from(["-", "−"])) + text
    if percent:
        text = draw(st.sampled_from(["%{}", "{}%", "{}٪", "{} درصد", "{} %"])).format(text)
    return text


@st.composite
def styled_tables(draw):
    partner = draw(st.sampled_from(sorted(_PARTNERS)))
    flow = draw(st.sampled_from(["export", "import"]))
    n_years = draw(st.integers(min_value=2, max_value=6))
    first = draw(st.integers(min_value=1950, max_value=2020))
    years = list(range(first, first + n_years))
    places = st.integers(min_value=0, max_value=2)
    values = [Decimal(draw(st.integers(1, 10**6))).scaleb(-draw(places)) for _ in years]
    change = Decimal(draw(st.integers(-999, 9999))).scaleb(-draw(places))
    share = Decimal(draw(st.integers(1, 999))).scaleb(-1)
    system = draw(st.sampled_from(sorted(DIGIT_SYSTEMS)))
    zwnj = draw(st.sampled_from(["", "\u200c", " "]))
    yeh = draw(st.sampled_from(["ی", "ي"]))
    word, prep = ("صادرات", "به") if flow == "export" else ("واردات", "از")
    title = f"جدول ميزان {word} {prep} {partner} (ميليون دلار، فوب)".replace("ي", yeh)
    y0, y1 = years[-2], years[-1]
    period = draw(st.sampled_from([
        "", f" {str(y0)[2:]}/{str(y1)[2:]}", f" {y0}-{y1}"]))
    base = draw(st.sampled_from(["صادرات", "واردات"]))
    header = " ".join(_digits(str(y), system) for y in years)
    header += f" درصد{zwnj}تغییرات{_digits(period, system)} میزان مشارکت در کل {base}"
    cells = [draw(styled_number(v, system)) for v in values]
    cells.append(draw(styled_number(change, system, percent=draw(st.booleans()))))
    cells.append(draw(styled_number(share, system)))
    gap = draw(st.sampled_from(["\n", "\n\n", "\r\n"]))
    text = gap.join([title, header.replace("ی", yeh), " ".join(cells)]) + "\n"
    return text, {"partner_en": _PARTNERS[partner], "flow": flow, "years": years,
                  "values": values, "change": change, "period": (y0, y1), "share": share,
                  "base": "export" if base == "صادرات" else "import"}


@settings(max_examples=150, deadline=None)
@given(styled_tables())
def test_a_table_in_random_supported_styles_extracts_back_to_the_same_data(case):
    text, expected = case
    extracted = extract(text, source="gen.txt")
    tables, stated = extracted.tables, extracted.stated
    assert tables[C.PARTNER_EN].unique().tolist() == [expected["partner_en"]]
    assert tables[C.FLOW].unique().tolist() == [expected["flow"]]
    assert tables[C.YEAR].tolist() == expected["years"]
    assert [Decimal(v) for v in tables[C.VALUE_TEXT]] == expected["values"]
    assert [len(v.partition(".")[2]) for v in tables[C.VALUE_TEXT]] == [
        max(0, -v.as_tuple().exponent) for v in expected["values"]]
    change, share = stated.to_dict("records")
    assert (change[C.KIND], Decimal(change[C.STATED_TEXT])) == (C.CHANGE, expected["change"])
    assert (change[C.YEAR_FROM], change[C.YEAR_TO]) == expected["period"]
    assert (share[C.KIND], Decimal(share[C.STATED_TEXT])) == (C.SHARE, expected["share"])
    assert share[C.BASE] == expected["base"]


@pytest.mark.parametrize(
    ("text", "line", "code_point", "column"),
    [
        # "۲۰۱۲ ۲۳ـ۷۵": four digits, a space, two digits, then the tatweel at column 8.
        (f"{TITLE}\n۱۹۹۴ ۱۹۹۵\n۲۰۱۲ ۲۳\u0640۷۵\n", 3, "U+0640", 8),  # tatweel inside a value
        ("سطر اول\nسهم ۱\u200f۸٪ از کل\n", 2, "U+200F", 6),  # RLM inside a prose percentage
        ("سهم ۱\u0301۸٪\n", 1, "U+0301", 6),  # a combining mark on a digit
        ("سهم ۱۸\u200b٪\n", 1, "U+200B", 7),  # a zero-width space before the percent sign
        (f"{TITLE}\n۱۹۹۴ ۱۹۹۵\n۲۰۱۲ \u2212\u200e۲۳۷۵\n", 3, "U+200E", 7),  # LRM after a minus
    ],
)
def test_a_hidden_character_inside_a_number_is_refused_not_dropped(text, line, code_point,
                                                                   column):
    # Folding would drop these characters and read 2375 or 18; a reader may see another number.
    with pytest.raises(InputError) as info:
        extract(text, source="hidden.txt")
    assert re.match(rf"hidden\.txt:{line}: character {re.escape(code_point)} \([A-Z -]+\) "
                    rf"inside or beside a number at column {column}:", str(info.value))


@pytest.mark.parametrize("control", ["\u202a", "\u202b", "\u202c", "\u202d", "\u202e",
                                     "\u2066", "\u2067", "\u2068", "\u2069"])
def test_a_bidi_control_on_a_line_with_a_number_is_reported_with_its_place(control):
    # "Trojan Source": an override can show ۸۱ where the text says ۱۸.
    text = f"سطر اول\nسهم {control}۱۸٪ از کل\n"
    with pytest.raises(InputError) as info:
        extract(text, source="trojan.txt")
    assert str(info.value).startswith(
        f"trojan.txt:2: bidi control U+{ord(control):04X} at column 5: it can change the order")


@pytest.mark.parametrize("space", ["\u00a0", "\u202f", "\u2009", "\u2007", "\u3000"])
def test_a_special_space_between_digits_is_refused_with_its_place(space):
    # "۱<NBSP>۰۰۰ ۱۱۰۰" under a two-year header reads 1000 and 1100 to one reader and
    # 1, 000 and 1100 to another; with a year fewer in the header it would parse silently.
    text = f"{TITLE}\n۱۹۹۴ ۱۹۹۵ ۱۹۹۶\n۱{space}۰۰۰ ۱۱۰۰\n"
    with pytest.raises(InputError) as info:
        extract(text, source="space.txt")
    assert str(info.value).startswith(
        f"space.txt:3: space U+{ord(space):04X} between digits at column 2: "
        "a thousands separator or two numbers?")


def test_direction_marks_beside_a_number_are_harmless():
    # RLM, LRM and ZWNJ just outside a number do not change its digits.
    stated = extract("سهم \u200f۱۸٪\u200e از کل و \u200e\u2212۵٪\n", source="ok.txt").stated
    assert stated["stated_text"].tolist() == ["18", "-5"]


@pytest.mark.parametrize(
    ("piece", "code_point"),
    [
        # By Unicode category, not from a list: none of these was in the old list, and each
        # was dropped, so "۱X۸٪" read as 18 % (or, with the superscript, as 8 %).
        ("\u180e", "U+180E"),  # MONGOLIAN VOWEL SEPARATOR, Cf
        ("\u206f", "U+206F"),  # NOMINAL DIGIT SHAPES, Cf
        ("\U000e0031", "U+E0031"),  # TAG DIGIT ONE, Cf
        ("\u17b4", "U+17B4"),  # KHMER VOWEL INHERENT AQ, Mn
        ("\u0085", "U+0085"),  # NEXT LINE, a C1 control, Cc
        ("\u2028", "U+2028"),  # LINE SEPARATOR, Zl
        ("\u2029", "U+2029"),  # PARAGRAPH SEPARATOR, Zp
        ("\ue000", "U+E000"),  # private use, Co
        ("\u20dd", "U+20DD"),  # COMBINING ENCLOSING CIRCLE, Me
        ("\u200d", "U+200D"),  # ZERO WIDTH JOINER, Cf
        ("\u3164", "U+3164"),  # HANGUL FILLER, an invisible letter
    ],
)
def test_an_invisible_character_of_any_kind_inside_a_prose_number_is_refused(piece,
                                                                             code_point):
    # "سهم ۱X۸٪": the character stands at column 6 (three letters, a space, a digit).
    with pytest.raises(InputError) as info:
        extract(f"سطر\nسهم ۱{piece}۸٪ از کل\n", source="hidden.txt")
    assert str(info.value).startswith(f"hidden.txt:2: character {code_point} (")
    assert "at column 6:" in str(info.value)


@pytest.mark.parametrize(
    ("text", "code_point", "column"),
    [
        ("سهم ۱¹۹٪", "U+00B9", 6),  # SUPERSCRIPT ONE inside a percentage
        ("سهم ۱۹²٪", "U+00B2", 7),  # a superscript before the percent sign
        ("سهم ٪¹۹", "U+00B9", 6),  # after a leading percent sign
        ("سهم ۱٢۹٪", "U+0662", 6),  # an Arabic-Indic digit among Persian ones: mixed systems
        ("سهم ۱９٪", "U+FF19", 6),  # FULLWIDTH DIGIT NINE
        ("سهم ۱𝟗٪", "U+1D7D7", 6),  # MATHEMATICAL BOLD DIGIT NINE
        ("سهم ১৯", "U+09E7", 5),  # Bengali digits, no percent sign: still a number
        ("سهم ۱½", "U+00BD", 6),  # VULGAR FRACTION ONE HALF
    ],
)
def test_a_look_alike_digit_touching_a_number_is_refused(text, code_point, column):
    with pytest.raises(InputError) as info:
        extract(text + "\n", source="digits.txt")
    message = str(info.value)
    if code_point == "U+0662":  # a supported digit: the number mixes digit systems
        assert message == "digits.txt:1: number '۱٢۹٪' mixes digit systems (arabic, persian)"
        return
    assert message.startswith(f"digits.txt:1: digit-like character {code_point} (")
    assert f"at column {column}, beside a number" in message


def test_look_alike_digits_apart_from_numbers_and_plain_whitespace_are_accepted():
    # A unit with a superscript, a footnote mark, a tab between numbers, a page break.
    text = "مساحت ۱۰۰ km² بود¹ و سهم ۱۸٪\tو ۲۰٪\n\x0c۱۲٪ از کل\n"
    assert extract(text, source="ok.txt").stated["stated_text"].tolist() == ["18", "20", "12"]


def test_a_bidi_control_on_a_title_line_without_digits_is_refused():
    # The title's partner and unit travel into every output beside the numbers.
    text = "جدول صادرات به \u202eژاپن (میلیون دلار)\n۲۰۰۴ ۲۰۰۵\n۱۰۰ ۱۱۰\n"
    with pytest.raises(InputError) as info:
        extract(text, source="title.txt")
    assert str(info.value).startswith("title.txt:1: bidi control U+202E at column 16:")
    # On a line that holds neither a number nor a table title, it changes nothing read.
    assert extract("متن \u202bبی عدد\u202c\n", source="prose.txt").stated.empty


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        (f"{TITLE}\n۱۹۹۴ ۱۹۹۵\n۲۰۱۲ ۱{'۰' * 307}\n", 3,
         "… (308 characters) has 308 digits; the limit is 30"),
        (f"{TITLE}\n۱۹۹۴ ۱۹۹۵\n۲۰۱۲ ۱/{'۵' * 5000}\n", 3, "has 5,001 digits; the limit is 30"),
        ("سهم " + "۹" * 400 + "٪ بود.\n", 1, "has 400 digits; the limit is 30"),
        ("تجارت با چین رشدی ۹۰ درصدی نسبت به ۱۲۳۴۵۶۷۸۹۰۱۲۳۴۵۶۷۸۹۰ سال قبل داشت.\n", 1,
         "is not a number of years: it has 20 digits, more than 4"),
        (f"تجارت با چین رشدی ۹۰ درصدی نسبت به {'۱' * 5000} سال قبل داشت.\n", 1,
         "is not a number of years: it has 5,000 digits, more than 4"),
        ("تجارت با چین رشدی ۹۰ درصدی نسبت به ১২ سال قبل داشت.\n", 1,
         "digit-like character U+09E7 (BENGALI DIGIT ONE) at column 36, beside a number"),
        (f"{TITLE}\n۱۹۹۴ ۱۹۹۵ ۱{'۹' * 5000}\n۱ ۲ ۳\n", 2, "is not a four-digit year"),
    ],
)
def test_a_number_too_long_to_be_a_figure_is_a_located_error(text, line, message):
    # Python refuses to turn over 4,300 digits into an int, and a float cannot hold 10^308:
    # each of these used to end in a traceback, an infinity or a wrong number.
    with pytest.raises(InputError) as info:
        extract(text, source="long.txt")
    assert str(info.value).startswith(f"long.txt:{line}: ")
    assert message in str(info.value)


@pytest.mark.parametrize("printed", ["۱۲-", "(۱۲)", "−۱۲", "-۱۲", "%۱۲-"])
def test_a_negative_change_as_tables_print_it(printed):
    doc = read("جدول صادرات ایران به ترکیه (میلیون دلار)\n۲۰۲۱ ۲۰۲۲ درصد تغییرات\n"
               f"۱۰۰ ۸۸ {printed}\n", "neg.txt")
    # (88 − 100) / 100 × 100 = −12: a trailing minus or parentheses is a minus sign
    (claim,) = doc.claims
    assert (claim.stated.text, claim.stated.raw) == ("-12", printed)
    assert check(claim, Documents(doc.cells, doc.claims)).verdict == "exact"


@pytest.mark.parametrize("printed", ["(-۱۲)", "--۱۲", "۱۲--"])
def test_a_value_negative_twice_is_refused_with_its_line(printed):
    with pytest.raises(InputError, match=r"^neg\.txt:3: "):
        extract("جدول صادرات ایران به ترکیه (میلیون دلار)\n۲۰۲۱ ۲۰۲۲ درصد تغییرات\n"
                f"۱۰۰ ۸۸ {printed}\n", source="neg.txt")
