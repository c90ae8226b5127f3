"""The record core: no country built in, no heavy imports, frames that serialise."""

import decimal
import inspect
import io
import json
import re
import subprocess
import sys
import unicodedata
from decimal import Decimal
from fractions import Fraction as F

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import chile_trade as ct
from chile_trade import columns as C
from chile_trade.cli import main
from chile_trade.core import numbers
from chile_trade.core.checks import Ratio, round_half_up
from chile_trade.core.formulas import FORMULAS
from chile_trade.core.grammar import read
from chile_trade.core.numbers import ParsedNumber
from chile_trade.frames import extract, verify
from chile_trade.present import charts

# Iran's exports to Turkey and to Iraq; each table's share of Iran's total exports
# implies the total the other share is checked against.
IRAN = """گزارش تجارت خارجی
جدول صادرات ایران به ترکیه (میلیون دلار)
۲۰۲۱ ۲۰۲۲ درصد تغییرات سهم از کل صادرات
۵۰۰۰ ۵۵۰۰ ٪۱۰ ۱۰

جدول صادرات ایران به عراق (میلیون دلار)
۲۰۲۱ ۲۰۲۲ درصد تغییرات سهم از کل صادرات
۸۰۰۰ ۹۹۰۰ ٪۲۴ ۱۸
"""


def test_a_document_on_iran_and_turkey_names_iran_and_turkey_everywhere():
    extraction = extract(IRAN, source="iran.txt")
    tables = extraction.tables
    assert set(tables[C.REPORTER_EN]) == {"Iran"}
    assert set(tables[C.PARTNER_EN]) == {"Turkey", "Iraq"}
    result = verify(tables, extraction.stated)
    # Turkey: (5500 - 5000) / 5000 * 100 = 10 exactly; share 5500 / (9900 / 18 %) = 10 %.
    # Iraq: (9900 - 8000) / 8000 * 100 = 23.75, printed 24; share 9900 / (5500 / 10 %) = 18 %.
    assert [F(x) for x in result[C.COMPUTED_EXACT]] == [F(10), F(10), F(95, 4), F(18)]
    assert result[C.VERDICT].tolist() == [C.EXACT] * 4
    text = " ".join(result[C.CLAIM].tolist() + result[C.EXPLANATION].tolist())
    text_fa = " ".join(result[C.CLAIM_FA].tolist() + result[C.EXPLANATION_FA].tolist())
    assert "Iran's total exports" in text
    assert "Turkey" in text
    assert "ایران" in text_fa
    assert "ترکیه" in text_fa
    assert "Chile" not in text
    assert "شیلی" not in text_fa
    for lang, names in (("en", ("Iran", "Turkey")), ("fa", ("ایران", "ترکیه"))):
        turkey = tables[tables[C.PARTNER_EN] == "Turkey"]
        ax = charts.trade_chart(turkey, lang=lang)
        title = ax.get_title(loc="right" if lang == "fa" else "left")
        from chile_trade.present.text import logical_text  # noqa: PLC0415
        logical = logical_text(title) or title
        assert all(name in logical for name in names), logical
        assert "شیلی" not in logical
        assert "Chile" not in logical
        assert "US$" not in ax.get_ylabel()
        assert "FOB" not in ax.get_ylabel()


def test_a_document_without_a_reporter_says_the_reporter():
    unnamed = IRAN.replace("صادرات ایران به", "صادرات به")
    result = verify(*extract(unnamed, source="x.txt").__dict__.values())
    assert "the reporter's total exports" in " ".join(result[C.CLAIM])
    assert "Chile" not in " ".join(result[C.EXPLANATION])


def test_a_partner_without_an_english_name_keeps_its_persian_name():
    # (a place neither the vocabulary nor the reader's lexicon knows)
    doc = read("جدول صادرات ایران به توالو (میلیون دلار)\n۲۰۲۱ ۲۰۲۲\n۱ ۲\n")
    assert {(c.subject.partner, c.subject.partner_en) for c in doc.cells} == {
        ("توالو", "توالو")}


def test_a_partner_the_readers_lexicon_knows_has_its_english_name():
    # Tables and prose know the same places: «گینه» is in the lexicon only.
    doc = read("جدول صادرات ایران به گینه (میلیون دلار)\n۲۰۲۱ ۲۰۲۲\n۱ ۲\n")
    assert {(c.subject.partner, c.subject.partner_en) for c in doc.cells} == {
        ("گینه", "Guinea")}


def test_a_product_before_the_preposition_is_not_a_reporter():
    # The words before "به" are what is traded, not who reports it.
    doc = read("جدول صادرات مصنوعات پلاستیکی به عراق (میلیون دلار)\n۲۰۲۱ ۲۰۲۲\n۱ ۲\n")
    assert {(c.subject.reporter, c.subject.partner_en, c.subject.product, c.unit)
            for c in doc.cells} == {("", "Iraq", "مصنوعات پلاستیکی", "million USD")}


def test_a_title_with_no_partner_or_a_place_of_origin_names_a_product():
    doc = read("جدول وزن صادرات از گمرکات استان خراسان (هزار تن)\n۱۴۰۱ ۱۴۰۲\n۵۸۶۰ ۶۴۳۰\n")
    assert {(c.subject.partner, c.subject.product, c.unit) for c in doc.cells} == {
        ("", "از گمرکات استان خراسان", "thousand tonne")}
    # A title naming no flow and no place: the values are read, of no known flow.
    doc = read("جدول بدون جریان (میلیون دلار)\n۲۰۲۱ ۲۰۲۲\n۱ ۲\n")
    assert [(c.subject.flow, c.year, c.number.text, c.unit) for c in doc.cells] == [
        ("", 2021, "1", "million USD"), ("", 2022, "2", "million USD")]


def _imported_by(code: str) -> set[str]:
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True)
    return set(done.stdout.split())


HEAVY = ("matplotlib", "arabic_reshaper", "bidi", "openpyxl")


@pytest.mark.parametrize("command", ["verify", "tables"])
def test_verify_and_tables_never_import_matplotlib_or_the_shaping_libraries(command, seeds_dir):
    code = (f"import sys\nfrom chile_trade.cli import main\n"
            f"try:\n    main([{command!r}, '--format', 'json', {str(seeds_dir)!r}])\n"
            "except SystemExit:\n    pass\n"
            f"print('imported:', *(m for m in {HEAVY!r} if m in sys.modules), file=sys.stderr)\n"
            "sys.stdout.flush()")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True)
    assert json.loads(done.stdout)  # the command ran and wrote its result
    assert done.stderr.splitlines()[-1] == "imported:"


def test_the_core_imports_neither_pandas_nor_matplotlib():
    modules = ["numbers", "vocabulary", "records", "grammar", "formulas", "checks"]
    code = ("import sys\n" + "".join(f"import chile_trade.core.{m}\n" for m in modules)
            + "import chile_trade.present.explain\n"
            "print(' '.join(m for m in ('pandas', 'numpy', 'matplotlib') if m in sys.modules))")
    assert _imported_by(code) == set()


def _every_returned_frame() -> dict[str, pd.DataFrame]:
    tables, stated = ct.load_tables(), ct.load_stated()
    wide = ct.load_wide()
    totals = ct.implied_totals(tables, stated)
    return {
        "tables": tables, "stated": stated, "wide": wide,
        "verify": ct.verify(tables, stated),
        "verify_reference": ct.verify(tables, stated, ct.load_reference()),
        "reference": ct.load_reference(),
        "compare": ct.compare_with_reference(tables, ct.load_reference()),
        "yoy": ct.yoy_growth(tables), "cagr": ct.cagr(tables), "totals": totals,
        "share": ct.share_of_total_trade(wide, totals).to_frame(),
        "balance": ct.trade_balance(wide).to_frame(),
    }


@pytest.mark.parametrize("name", list(_every_returned_frame()))
def test_every_returned_frame_serialises_to_json_and_excel(name):
    frame = _every_returned_frame()[name]
    back = pd.read_json(io.StringIO(frame.to_json(orient="records")), orient="records")
    assert len(back) == len(frame)
    buffer = io.BytesIO()
    frame.to_excel(buffer)
    assert len(pd.read_excel(io.BytesIO(buffer.getvalue()))) == len(frame)


_POSITIVE = st.fractions(min_value=F(1, 1000), max_value=F(10**9), max_denominator=10**6)


@settings(max_examples=300, deadline=None)
@given(data=st.data())
def test_ratio_arithmetic_equals_fractions_on_every_formula(data):
    # Fraction, reduced at every step, is the oracle for the unreduced pairs the corner
    # search uses.
    for name, formula in FORMULAS.items():
        parameters = inspect.signature(formula).parameters.values()
        variadic = any(p.kind is p.VAR_POSITIONAL for p in parameters)
        arity = data.draw(st.integers(2, 6)) if variadic else len(parameters)
        values = [data.draw(_POSITIVE) for _ in range(arity)]
        if name == "share_of_remainder":  # defined where the total exceeds what it less
            values[1] += values[2]
        if name == "change_of_difference" and values[0] == values[1]:
            values[1] += 1  # defined where the earlier difference is not 0
        if name == "rate_of_rise":  # defined where the value after exceeds the rise
            values[1] += values[0]
        expected = formula(*values)
        got = formula(*(Ratio.of(v) for v in values))
        assert got.fraction() == expected, name
        other = data.draw(_POSITIVE)
        assert (Ratio.of(other) < got) == (other < expected)
        assert (Ratio.of(other) > got) == (other > expected)
    assert (3 - Ratio(1, 2)).fraction() == F(5, 2)
    assert (3 / Ratio(-1, 2)).fraction() == F(-6)
    with pytest.raises(ZeroDivisionError):
        Ratio(1) / Ratio(0, 5)


@settings(max_examples=500, deadline=None)
@given(value=st.fractions(min_value=F(-(10**25)), max_value=F(10**25), max_denominator=10**12),
       decimals=st.integers(0, 8))
def test_round_half_up_equals_decimal_quantize(value, decimals):
    # decimal's ROUND_HALF_UP in a context wide enough to be exact is the oracle.
    with decimal.localcontext(prec=200) as context:
        exact = Decimal(value.numerator) / Decimal(value.denominator)
        # 200 digits of n/d decide the rounding unless n/d is within 10^-150 of a tie,
        # which a denominator below 10^12 cannot be (ties are exact in decimals).
        expected = exact.quantize(Decimal(1).scaleb(-decimals), rounding=decimal.ROUND_HALF_UP,
                                  context=context)
    assert round_half_up(value, decimals) == expected


IRAN_TURKEY = IRAN.replace("جدول صادرات ایران به عراق", "جدول واردات ایران از ترکیه")


def test_report_of_the_users_documents_names_their_reporter_and_partner(tmp_path, capsys):
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "iran.txt").write_text(IRAN_TURKEY, encoding="utf-8")
    out = tmp_path / "out"
    assert main(["report", str(tmp_path / "docs"), "--out", str(out), "--lang", "en"]) == 0
    page = (out / "report.html").read_text(encoding="utf-8")
    title = page.split("<title>")[1].split("</title>")[0]
    assert title == "Iran&#x27;s trade with Turkey, 2021–2022: the report&#x27;s figures, checked"
    assert "Chile" not in page
    assert "FOB" not in page
    # No reference was given: the shipped one (about Chile) is not applied to Iran's trade.
    assert not (out / "reference_check.csv").exists()
    verification = pd.read_csv(out / "verification.csv")
    assert verification["verdict"].tolist() == [C.EXACT, C.UNVERIFIABLE, C.EXACT, C.EXACT]


def test_figures_of_the_users_documents_and_clear_refusals(tmp_path, capsys):
    one = tmp_path / "iran.txt"
    one.write_text(IRAN_TURKEY, encoding="utf-8")
    assert main(["figures", str(one), "--out", str(tmp_path / "f"), "--lang", "fa",
                 "--format", "png"]) == 0
    assert (tmp_path / "f" / "trade_fa.png").stat().st_size > 0
    two = tmp_path / "two.txt"
    two.write_text(IRAN, encoding="utf-8")  # Turkey and Iraq: a panel each, numbered
    assert main(["figures", str(two), "--out", str(tmp_path / "g"), "--lang", "en",
                 "--format", "svg"]) == 0
    written = sorted(p.name for p in (tmp_path / "g").iterdir())
    assert {"trade_1_en.svg", "trade_2_en.svg"} <= set(written)
    capsys.readouterr()
    empty = tmp_path / "prose.txt"
    empty.write_text("متنی بدون جدول.\n", encoding="utf-8")
    assert main(["report", str(empty), "--out", str(tmp_path / "h")]) == 2
    assert "the documents hold no table and no stated figure" in capsys.readouterr().err
    assert main(["figures", str(empty), "--out", str(tmp_path / "i")]) == 2
    assert "hold no table and no stated figure" in capsys.readouterr().err
    assert not (tmp_path / "h").exists()
    assert not (tmp_path / "i").exists()


def test_frames_a_pandas_user_expects():
    tables, stated = ct.load_tables(), ct.load_stated()
    result = ct.verify(tables, stated)
    verdicts = pd.CategoricalDtype(list(C.VERDICTS), ordered=True)
    # a table's rows may also be a balance or a total (exports + imports)
    flows = pd.CategoricalDtype(["export", "import", "balance", "total"], ordered=True)
    assert result[C.VERDICT].dtype == verdicts
    assert tables[C.FLOW].dtype == flows
    assert stated[C.FLOW].dtype == flows
    # exact < within_rounding < inconsistent < unverifiable: sorting by verdict groups them.
    assert result.sort_values(C.VERDICT)[C.VERDICT].iloc[0] == C.EXACT
    for column in (C.YEAR_FROM, C.YEAR_TO, C.SPAN_YEARS):
        assert stated[column].dtype == "Int64"
    prose = stated[stated[C.KIND] == C.OTHER].iloc[0]
    # A prose percentage has no table, partner, flow, base or years: all <NA>, none 0 or ''.
    for column in (C.TABLE, C.PARTNER, C.PARTNER_EN, C.BASE, C.YEAR_FROM, C.YEAR_TO):
        assert prose[column] is pd.NA, column
    assert pd.isna(prose[C.FLOW])  # a categorical's missing value is NaN in pandas
    exact = result[result[C.VERDICT] == C.EXACT]
    assert len(exact) > 0
    assert exact[C.LIKELY_CAUSE].isna().all()
    assert F(result[C.COMPUTED_EXACT].dropna().iloc[0]) > 0


@settings(max_examples=300, deadline=None)
@given(digits=st.integers(-(10**30) + 1, 10**30 - 1), exponent=st.integers(-12, 3),
       decimals=st.integers(0, 12))
def test_a_numbers_interval_equals_fraction_arithmetic(digits, exponent, decimals):
    # The interval is built from integers; Fraction arithmetic on the Decimal is the oracle.
    value = Decimal(digits).scaleb(exponent, context=decimal.Context(prec=60))
    number = ParsedNumber(value, decimals, "x")
    half = F(1, 2 * 10**decimals)
    assert (number.exact, number.low, number.high) == (F(value), F(value) - half,
                                                        F(value) + half)


def test_the_characters_passed_over_beside_numbers_are_neither_hidden_nor_digit_like():
    # The integrity check skips these without judging them: every one of them must be a
    # character the judgement would pass (by Unicode category, the independent test).
    plain = re.compile(f"[{numbers._PLAIN}]")
    skipped = [c for c in map(chr, range(0x110000)) if plain.fullmatch(c)]
    assert len(skipped) > 100
    for char in skipped:
        assert unicodedata.category(char)[0] in "LP" or char in "+−%٪", repr(char)
        assert not char.isnumeric(), repr(char)
        assert char != "\u0640"  # tatweel is a letter that shows nothing
