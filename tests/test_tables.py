"""Tables in the layouts people print them in, and the prose figures tied to them.

Every document here is written for its test; each expected value is the number printed
in its cell, or a formula over those numbers worked out in the comment beside it.
"""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest

from chile_trade.cli import main
from chile_trade.core.grammar import read
from chile_trade.errors import InputError
from chile_trade.frames import verdicts

D = Decimal


def _cells(text: str) -> set[tuple[str, int, Decimal, str]]:
    """(flow, year, value, unit) of every table value of a text document."""
    return {(c.subject.flow, c.year, c.number.value, c.unit) for c in read(text, "doc.txt").cells}


def _verdicts(text: str, *, derived_rows: bool = True) -> list[tuple[Decimal, str, str]]:
    """(stated, verdict, formula or reason) of every figure of a text document; without
    ``derived_rows``, leaving out those of a table's balance and total rows."""
    document = read(text, "doc.txt")
    results, _ = verdicts(document.cells, document.claims, None)
    return [(v.claim.stated.value, v.verdict, v.formula or (v.reason.code if v.reason else ""))
            for v in results if derived_rows or not v.claim.frame.startswith("table.")]


def _unread_with_notice(text: str, said: str) -> None:
    """A text whose table gives no values, with a notice saying ``said``."""
    document = read(text, "doc.txt")
    assert document.cells == []
    assert any(said in str(n) for n in document.notices), document.notices


# ------------------------------------------------------------------ layouts

LABELLED = """جدول ۳- تجارت ایران و ارمنستان (میلیون دلار)
شرح ۱۳۹۹ ۱۴۰۰ ۱۴۰۱
صادرات ۳۱۰ ۳۵۵ ۴۰۲
واردات ۱۲۰ ۱۱۵ ۱۴۰
تراز ۱۹۰ ۲۴۰ ۲۶۲
جمع ۴۳۰ ۴۷۰ ۵۴۲
"""


def test_labelled_rows_with_balance_and_total_rows():
    cells = _cells(LABELLED)
    m = "million USD"
    assert cells == {
        ("export", 1399, D(310), m), ("export", 1400, D(355), m), ("export", 1401, D(402), m),
        ("import", 1399, D(120), m), ("import", 1400, D(115), m), ("import", 1401, D(140), m),
        ("balance", 1399, D(190), m), ("balance", 1400, D(240), m),
        ("balance", 1401, D(262), m),
        ("total", 1399, D(430), m), ("total", 1400, D(470), m), ("total", 1401, D(542), m)}


def test_solar_hijri_years_are_marked_as_such_and_every_cell_is_located():
    document = read(LABELLED, "doc.txt")
    assert {c.quantity.period.calendar for c in document.cells} == {"solar_hijri"}
    assert {c.quantity.period.fiscal for c in document.cells} == {False}
    # Each row's values are on the row's own line: صادرات on line 3 ... جمع on line 6.
    lines = {c.subject.flow: c.span.line for c in document.cells}
    assert lines == {"export": 3, "import": 4, "balance": 5, "total": 6}
    assert {c.subject.partner for c in document.cells} == {"ارمنستان"}


def test_years_down_the_first_column_under_a_year_heading():
    # Two rows only, and a value (۱۴۵۰) that could be a year: the row is a year with its
    # values, not a header of years.
    text = """جدول ۵- تجارت ایران و هند (میلیون دلار)
سال صادرات واردات
۱۴۰۰ ۸۵۰ ۱۲۰۰
۱۴۰۱ ۹۱۰ ۱۴۵۰
"""
    m = "million USD"
    assert _cells(text) == {("export", 1400, D(850), m), ("export", 1401, D(910), m),
                            ("import", 1400, D(1200), m), ("import", 1401, D(1450), m)}


def test_a_pipe_table_with_missing_cells_and_every_way_of_printing_a_negative():
    text = """جدول ۶- تجارت ایران و عمان (میلیون دلار)
| شرح | ۱۳۹۹ | ۱۴۰۰ | ۱۴۰۱ | ۱۴۰۲ |
|---|---|---|---|---|
| صادرات | ۱٬۲۰۵ | - | ۱٬۴۱۰ | ۱٬۵۰۰ |
| واردات | ۶۱۰ | … |  | ۶۴۰ |
| تراز | ۵۹۵- | (۲۰) | −۳۰ | -۴۰ |
"""
    m = "million USD"
    # "-", "…" and an empty cell are missing: no value, never 0.
    assert _cells(text) == {
        ("export", 1399, D(1205), m), ("export", 1401, D(1410), m), ("export", 1402, D(1500), m),
        ("import", 1399, D(610), m), ("import", 1402, D(640), m),
        ("balance", 1399, D(-595), m), ("balance", 1400, D(-20), m),
        ("balance", 1401, D(-30), m), ("balance", 1402, D(-40), m)}


def test_a_pipe_table_with_no_pipe_at_the_ends_of_its_rows():
    text = """جدول ۶- تجارت ایران و عمان (میلیون دلار)
شرح | ۱۴۰۱ | ۱۴۰۲
صادرات | ۱٬۴۱۰ | ۱٬۵۰۰
واردات | ۶۳۰ | ۶۴۰
"""
    m = "million USD"
    assert _cells(text) == {("export", 1401, D(1410), m), ("export", 1402, D(1500), m),
                            ("import", 1401, D(630), m), ("import", 1402, D(640), m)}


def test_words_parted_by_pipes_are_prose():
    # a site's path over a sentence: no table, and the sentence's figure still read
    text = ("اقتصاد | بازار | تجارت\nصادرات ایران به عمان از ۱۰۰ میلیون دلار به ۱۲۰ میلیون "
            "دلار رسید که ۲۰ درصد رشد داشت.\n")
    assert not read(text, "doc.txt").cells
    # (120 − 100) / 100 × 100 = 20
    assert [(stated, verdict) for stated, verdict, _ in _verdicts(text)] == [(D(20), "exact")]


def test_tab_separated_cells_with_the_partner_before_and_the_unit_in_a_footnote():
    text = ("تجارت ایران و عمان در جدول زیر آمده است.\n\n"
            "شرح\t۱۴۰۰\t۱۴۰۱\nصادرات\t۲۰۰\t۲۲۰\nواردات\t۵۰\t۴۵\n\n"
            "ارقام به هزار دلار است.\n")
    k = "thousand USD"
    assert _cells(text) == {("export", 1400, D(200), k), ("export", 1401, D(220), k),
                            ("import", 1400, D(50), k), ("import", 1401, D(45), k)}
    assert {c.subject.partner for c in read(text, "doc.txt").cells} == {"عمان"}


def test_fixed_width_columns_with_labels_of_several_words():
    text = """جدول ۲- تجارت خارجی ایران با ارمنستان (میلیون دلار)

شرح                 ۱۴۰۰     ۱۴۰۱
صادرات غیرنفتی       ۴۱۲      ۴۴۰
واردات کالا           ۹۸      ۱۰۵
"""
    m = "million USD"
    assert _cells(text) == {("export", 1400, D(412), m), ("export", 1401, D(440), m),
                            ("import", 1400, D(98), m), ("import", 1401, D(105), m)}


def test_thousand_tonnes_beside_million_dollars():
    text = """جدول ۴- صادرات پسته ایران به هند
سال    وزن (هزار تن)    ارزش (میلیون دلار)
۱۴۰۰    ۱۲٫۴    ۱۱۰
۱۴۰۱    ۱۵٫۰    ۱۳۲
"""
    t, m = "thousand tonne", "million USD"
    assert _cells(text) == {("export", 1400, D("12.4"), t), ("export", 1401, D("15.0"), t),
                            ("export", 1400, D(110), m), ("export", 1401, D(132), m)}


def test_fiscal_year_pairs_are_read_as_their_first_year_and_marked_fiscal():
    text = FISCAL
    document = read(text, "doc.txt")
    assert {(c.subject.flow, c.year, c.number.value) for c in document.cells} == {
        ("export", 2020, D(4200)), ("export", 2021, D(6300)), ("export", 2022, D(6900)),
        ("import", 2020, D(3100)), ("import", 2021, D(5900)), ("import", 2022, D(5300))}
    assert {(c.quantity.period.calendar, c.quantity.period.fiscal)
            for c in document.cells} == {("gregorian", True)}


def test_two_tables_in_one_document_keep_their_partners_apart():
    text = """جدول ۱- صادرات ایران به عمان (میلیون دلار)
۱۴۰۰ ۱۴۰۱
۲۰۰ ۲۲۰

جدول ۲- صادرات ایران به قطر (میلیون دلار)
۱۴۰۰ ۱۴۰۱
۹۰ ۱۲۰
"""
    document = read(text, "doc.txt")
    assert {(c.subject.partner, c.year, c.number.value) for c in document.cells} == {
        ("عمان", 1400, D(200)), ("عمان", 1401, D(220)),
        ("قطر", 1400, D(90)), ("قطر", 1401, D(120))}


# ------------------------------------------------------------------ figures of the rows

def test_total_trade_printed_in_prose_is_the_tables_total_row_and_its_change():
    text = LABELLED + (
        "\nحجم تجارت ایران و ارمنستان در سال ۱۴۰۱ به ۵۴۲ میلیون دلار رسید.\n"
        # (542 − 470) / 470 × 100 = 15.319… → 15.3
        "تجارت دو کشور در سال ۱۴۰۱ نسبت به سال ۱۴۰۰، ۱۵٫۳ درصد افزایش یافت.\n")
    assert _verdicts(text, derived_rows=False) == [(D(542), "exact", "value"),
                                                   (D("15.3"), "exact", "percent_change")]


def test_total_trade_of_a_place_the_table_is_not_about_is_not_checked_against_it():
    text = LABELLED + "\nحجم تجارت خارجی ایران در سال ۱۴۰۱ به ۱۵۰ میلیارد دلار رسید.\n"
    assert _verdicts(text, derived_rows=False) == []


def test_a_tables_balance_and_total_rows_are_checked_against_its_export_and_import_rows():
    # 310 − 120 = 190, 355 − 115 = 240, 402 − 140 = 262; 310 + 120 = 430, 355 + 115 = 470,
    # 402 + 140 = 542
    assert _verdicts(LABELLED) == [
        (D(190), "exact", "balance"), (D(240), "exact", "balance"), (D(262), "exact", "balance"),
        (D(430), "exact", "sum"), (D(470), "exact", "sum"), (D(542), "exact", "sum")]
    # a misprinted balance: 355 − 115 = 240, not 250
    wrong = LABELLED.replace("تراز ۱۹۰ ۲۴۰ ۲۶۲", "تراز ۱۹۰ ۲۵۰ ۲۶۲")
    assert [v for v in _verdicts(wrong) if v[2] == "balance"] == [
        (D(190), "exact", "balance"), (D(250), "inconsistent", "balance"),
        (D(262), "exact", "balance")]


def test_a_deficit_row_printed_as_sizes_is_judged_by_its_size():
    # imports above exports: deficits 1200 − 850 = 350 and 1450 − 910 = 540, printed unsigned
    text = ("جدول ۵- تجارت ایران و هند (میلیون دلار)\nشرح ۱۴۰۰ ۱۴۰۱\nصادرات ۸۵۰ ۹۱۰\n"
            "واردات ۱۲۰۰ ۱۴۵۰\nکسری ۳۵۰ ۵۴۰\n")
    assert _verdicts(text) == [(D(-350), "exact", "balance"), (D(-540), "exact", "balance")]


def test_a_balance_row_of_another_partner_is_not_checked_against_the_flows():
    # the rows are of India, the balance of Iraq: no claim (850 − 1200 is not Iraq's)
    text = ("جدول ۵- تجارت ایران (میلیون دلار)\nشرح ۱۴۰۰ ۱۴۰۱\nصادرات به هند ۸۵۰ ۹۱۰\n"
            "واردات از هند ۱۲۰۰ ۱۴۵۰\nتراز با عراق ۳۵۰ ۵۴۰\n")
    assert _verdicts(text) == []


INDIA = """جدول ۵- تجارت ایران و هند (میلیون دلار)
سال صادرات واردات
۱۴۰۰ ۸۵۰ ۱۲۰۰
۱۴۰۱ ۹۱۰ ۱۴۵۰
"""


def test_figures_of_a_table_of_exports_and_imports_only():
    text = INDIA + (
        # deficits 1200 − 850 = 350 and 1450 − 910 = 540; (540 − 350) / 350 × 100 = 54.29
        "\nکسری تجاری ایران با هند در سال ۱۴۰۱ نسبت به سال قبل ۵۴٫۳ درصد افزایش یافت.\n"
        # 910 + 1450 = 2360; (2360 − 2050) / 2050 × 100 = 15.12
        "حجم مبادلات ایران و هند در سال ۱۴۰۱ به ۲۳۶۰ میلیون دلار رسید که نسبت به سال "
        "۱۴۰۰، ۱۱ درصد بیشتر بود.\n"
        # 910 / 2360 × 100 = 38.56
        "در این سال ۳۸٫۶ درصد تجارت دو کشور را صادرات ایران تشکیل می‌داد.\n"
        # 910 / 50500 × 100 = 1.802
        "سهم هند از صادرات غیرنفتی ایران در سال ۱۴۰۱ معادل ۱٫۸ درصد بود و کل این صادرات "
        "۵۰۵۰۰ میلیون دلار گزارش شد.\n")
    assert _verdicts(text) == [(D("54.3"), "exact", "change_of_difference"),
                               (D(2360), "exact", "sum"),
                               (D(11), "inconsistent", "change_of_sum"),
                               (D("38.6"), "exact", "share"),
                               (D("1.8"), "exact", "share")]


def test_a_flows_share_of_two_way_trade_from_the_rows_alone():
    # 910 / (910 + 1450) × 100 = 38.56; "در این سال": 1401, named in the line before.
    text = INDIA + ("\nصادرات ایران به هند در سال ۱۴۰۱ نسبت به سال قبل ۷ درصد رشد کرد.\n"
                    "در این سال ۳۸٫۶ درصد تجارت دو کشور را صادرات ایران تشکیل می‌داد.\n")
    # (910 − 850) / 850 × 100 = 7.06 → 7
    assert _verdicts(text) == [(D(7), "exact", "percent_change"),
                               (D("38.6"), "exact", "share_of_two_way")]


def test_the_change_of_a_balance_that_may_have_been_zero_is_unverifiable():
    # 1000 − 1000 printed to the unit is anywhere in [−1, 1]: no sign to divide by.
    text = INDIA.replace("۸۵۰ ۱۲۰۰", "۱۰۰۰ ۱۰۰۰") + (
        "\nکسری تجاری ایران با هند در سال ۱۴۰۱ نسبت به سال قبل ۴۵ درصد افزایش یافت.\n")
    assert _verdicts(text) == [(D(45), "unverifiable", "balance_sign")]


def test_a_deficit_is_not_measured_on_a_table_of_one_flow():
    text = """جدول ۱- صادرات ایران به عمان (میلیون دلار)
۱۴۰۰ ۱۴۰۱
۲۰۰ ۲۲۰

کسری تجاری ایران با عمان در سال ۱۴۰۱ نسبت به سال قبل ۱۰ درصد افزایش یافت.
"""
    assert [v[1] for v in _verdicts(text)] == ["unverifiable"]


FISCAL = """جدول ۲- تجارت هند و برزیل در سال‌های مالی هند (میلیون دلار)
شرح ۲۰۲۰-۲۱ ۲۰۲۱-۲۲ ۲۰۲۲-۲۳
صادرات هند به برزیل ۴۲۰۰ ۶۳۰۰ ۶۹۰۰
واردات هند از برزیل ۳۱۰۰ ۵۹۰۰ ۵۳۰۰
"""


def test_fiscal_years_named_in_prose():
    text = FISCAL + (
        # (6300 − 4200) / 4200 × 100 = 50
        "\nصادرات هند به برزیل در سال مالی ۲۰۲۱-۲۲ نسبت به سال مالی پیش از آن ۵۰ درصد "
        "افزایش یافت.\n"
        # surpluses 6300 − 5900 = 400 and 6900 − 5300 = 1600: (1600 − 400) / 400 × 100 = 300
        "مازاد تجاری هند با برزیل در سال مالی ۲۰۲۲-۲۳ نسبت به سال مالی قبل ۴۰۰ درصد "
        "افزایش یافت.\n")
    assert _verdicts(text) == [(D(50), "exact", "percent_change"),
                               (D(400), "inconsistent", "change_of_difference")]


# ------------------------------------------------------------------ nothing silent

def _json(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, object, str]:
    code = main(list(args))
    captured = capsys.readouterr()
    return code, json.loads(captured.out) if captured.out else None, captured.err


GOOD = "صادرات ایران به عمان در سال ۱۴۰۱ نسبت به سال ۱۴۰۰، ۱۰ درصد افزایش یافت.\n"


def _html(path: Path, cell: str = "۱۲o") -> tuple[Path, str]:
    path.write_text(
        "<html><body>\n<table>\n<caption>صادرات ایران به عمان (میلیون دلار)</caption>\n"
        "<tr><th>شرح</th><th>۱۴۰۰</th><th>۱۴۰۱</th></tr>\n"
        f"<tr><td>صادرات</td><td>{cell}</td><td>۱۵</td></tr>\n</table>\n"
        f"<p>{GOOD}</p>\n</body></html>\n", encoding="utf-8")
    return path, f"{path}:5"  # the line of the row with the bad cell


def _docx(path: Path, cell: str = "۱۲o") -> tuple[Path, str]:
    docx = pytest.importorskip("docx")
    document = docx.Document()
    document.add_paragraph("جدول ۱- صادرات ایران به عمان (میلیون دلار)")
    table = document.add_table(rows=2, cols=3)
    for row, texts in zip(table.rows, (["شرح", "۱۴۰۰", "۱۴۰۱"], ["صادرات", cell, "۱۵"]),
                          strict=True):
        for slot, text in zip(row.cells, texts, strict=True):
            slot.text = text
    document.add_paragraph(GOOD.strip())
    document.save(str(path))
    return path, f"{path}:table1:row2"


def _xlsx(path: Path, cell: str = "۱۲o") -> tuple[Path, str]:
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Sheet1"
    sheet.append(["جدول ۱- صادرات ایران به عمان (میلیون دلار)"])
    sheet.append(["شرح", "۱۴۰۰", "۱۴۰۱"])
    sheet.append(["صادرات", cell, 15])
    sheet.append([])
    sheet.append([GOOD.strip()])
    book.save(path)
    return path, f"{path}:Sheet1!B3"


def _text(path: Path, cell: str = "۱۲o") -> tuple[Path, str]:
    path.write_text("جدول ۱- صادرات ایران به عمان (میلیون دلار)\n| شرح | ۱۴۰۰ | ۱۴۰۱ |\n"
                    f"| صادرات | {cell} | ۱۵ |\n\n{GOOD}", encoding="utf-8")
    return path, f"{path}:3"


FORMATS = [(_text, "doc.md"), (_html, "doc.html"), (_docx, "doc.docx"), (_xlsx, "doc.xlsx")]


@pytest.mark.parametrize(("make", "name"), FORMATS)
def test_tables_rows_carry_calendar_unit_and_the_formats_own_locator(make, name, tmp_path,
                                                                     capsys):
    path, where = make(tmp_path / name, "۱۲")
    code, rows, _ = _json(capsys, "tables", "--format", "json", str(path))
    assert code == 0
    # The row's cells are 12 (1400) and 15 (1401), in the row the bad-cell test names.
    assert [(r["year"], r["value"], r["calendar"], r["fiscal_year"], r["unit"], r["source"])
            for r in rows] == [(1400, 12.0, "solar_hijri", False, "million USD", where),
                               (1401, 15.0, "solar_hijri", False, "million USD",
                                where.replace("!B3", "!C3"))]
    # The sentence after the table: (15 − 12) / 12 × 100 = 25, not the 10 it states.
    code, figures, _ = _json(capsys, "verify", "--format", "json", str(path))
    assert (code, [(f["stated"], f["verdict"]) for f in figures]) == (
        0, [(10.0, "inconsistent")])


@pytest.mark.parametrize(("make", "name"), FORMATS)
def test_a_table_that_cannot_be_read_is_a_located_error_or_with_keep_going_skipped(
        make, name, tmp_path, capsys):
    path, where = make(tmp_path / name)
    code, out, err = _json(capsys, "verify", "--format", "json", str(path))
    assert (code, out) == (2, None)
    assert err.startswith(f"{where}: unparsable number '۱۲o'"), err
    # Going on: the table is skipped, said on stderr with its place, and the sentence
    # after it is still read (no table left to check it against: unverifiable).
    code, out, err = _json(capsys, "verify", "--format", "json", "--keep-going", str(path))
    assert code == 3  # done, something skipped
    assert err == f"{where}: unparsable number '۱۲o' (skipped)\n"
    assert [(r["stated"], r["verdict"]) for r in out] == [(10.0, "unverifiable")]


def test_keep_going_reads_the_tables_after_a_bad_one():
    text = ("جدول ۱- صادرات ایران به عمان (میلیون دلار)\n| شرح | ۱۴۰۰ | ۱۴۰۱ |\n"
            "| صادرات | ۱۲o | ۱۵ |\n\n"
            "جدول ۲- صادرات ایران به قطر (میلیون دلار)\n۱۴۰۰ ۱۴۰۱\n۹۰ ۱۲۰\n")
    with pytest.raises(InputError, match="unparsable number"):
        read(text, "doc.txt")
    document = read(text, "doc.txt", keep_going=True)
    assert [str(e) for e in document.skipped] == ["doc.txt:3: unparsable number '۱۲o'"]
    assert {(c.subject.partner, c.year, c.number.value) for c in document.cells} == {
        ("قطر", 1400, D(90)), ("قطر", 1401, D(120))}


def test_a_change_column_between_fiscal_years_is_named_by_its_pairs():
    from chile_trade.present.explain import describe  # noqa: PLC0415  what a user reads

    text = FISCAL.replace("۲۰۲۲-۲۳\n", "۲۰۲۲-۲۳ درصد تغییر\n").replace(
        "۶۹۰۰\n", "۶۹۰۰ ۹٫۵\n").replace("۵۳۰۰\n", "۵۳۰۰ ۱۰٫۲-\n")
    claims = read(text, "doc.txt").claims
    # (6900 − 6300) / 6300 × 100 = 9.52 and (5300 − 5900) / 5900 × 100 = −10.17
    assert _verdicts(text) == [(D("9.5"), "exact", "percent_change"),
                               (D("-10.2"), "exact", "percent_change")]
    assert describe(claims[0]) == ("Exports to Brazil: percent change 2021-22→2022-23",
                                   "صادرات به برزیل: درصد تغییرات ۲۰۲۱-۲۲ تا ۲۰۲۲-۲۳")


def test_a_header_whose_last_cell_names_two_years_is_still_a_header():
    # "۰۱/۰۰" is a number only in form: it names 1401 and 1400, so the row heads the
    # table; not saying what it holds (a change? a ratio?), its column is kept unknown.
    text = ("جدول ۶- تجارت ایران و عمان (میلیون دلار)\n"
            "شرح\t۱۴۰۰\t۱۴۰۱\t۰۱/۰۰\nصادرات\t۲۰۰\t۲۲۰\t۱۰\n")
    document = read(text, "doc.txt")
    assert {(c.year, c.number.value) for c in document.cells} == {(1400, D(200)), (1401, D(220))}
    assert [str(n) for n in document.notices] == [
        "doc.txt:2: unknown column '۰۱/۰۰' kept as an unknown column; its values are not read"]


def test_total_trade_with_one_of_two_tables_partners():
    text = """جدول ۱- تجارت ایران و عمان (میلیون دلار)
شرح ۱۴۰۰ ۱۴۰۱
صادرات ۲۰۰ ۲۲۰
واردات ۵۰ ۴۵

جدول ۲- تجارت ایران و قطر (میلیون دلار)
شرح ۱۴۰۰ ۱۴۰۱
صادرات ۹۰ ۱۲۰
واردات ۳۰ ۲۵

حجم تجارت ایران و قطر در سال ۱۴۰۱ به ۱۴۵ میلیون دلار رسید.
حجم تجارت ایران با عمان در سال ۱۴۰۱ به ۲۶۰ میلیون دلار رسید.
تجارت دو کشور در سال ۱۴۰۱ نسبت به سال قبل ۵ درصد افزایش یافت.
"""
    # Qatar: 120 + 25 = 145. Oman: 220 + 45 = 265, anywhere in [264, 266] within the
    # rounding of its rows, never 260. "The two countries" of two pairs: which is unsaid.
    assert _verdicts(text) == [(D(145), "exact", "sum"), (D(260), "inconsistent", "sum"),
                               (D(5), "unverifiable", "no_base_value")]


# ------------------------------------------------------------------ what a row is not

SPAIN = """جدول ۱- تجارت شیلی و اسپانیا (میلیون دلار)
شرح ۲۰۲۱ ۲۰۲۲
صادرات ۱۵۸۸ ۱۷۲۳
واردات ۲۰۴۶ ۲۳۸۹
"""


def test_a_deficit_named_beside_exports_leaves_the_exports_change_alone():
    # (910 − 850) / 850 × 100 = 7.06: the sentence is about exports.
    text = INDIA + ("\nبا وجود کسری تجاری، صادرات ایران به هند در سال ۱۴۰۱ نسبت به سال قبل "
                    "۷ درصد افزایش یافت.\n")
    assert _verdicts(text) == [(D(7), "exact", "percent_change")]


def test_the_partners_exports_are_the_reporters_imports():
    # Spain's exports to Chile are Chile's imports: 2389 / (2389 + 1723) × 100 = 58.10.
    text = SPAIN + ("\nدر سال ۲۰۲۲، ۵۸ درصد تجارت دو کشور را صادرات اسپانیا تشکیل می‌داد.\n"
                    "سهم صادرات اسپانیا از تجارت دو کشور در سال ۲۰۲۲ معادل ۵۸ درصد بود.\n")
    assert _verdicts(text) == [(D(58), "exact", "share_of_two_way")] * 2


def test_trade_not_between_the_tables_two_sides_is_not_checked_against_it():
    text = SPAIN + (
        "\nحجم تجارت اسپانیا و پرتغال در سال ۲۰۲۲ به ۴۵۰۰۰ میلیون دلار رسید.\n"  # another pair
        "تجارت اسپانیا با کل جهان در سال ۲۰۲۲ نسبت به سال قبل ۱۲ درصد افزایش یافت.\n"
        "کسری تجاری اسپانیا در سال ۲۰۲۲ نسبت به سال قبل ۶۰ درصد افزایش یافت.\n")  # Spain's own
    assert [v[1] for v in _verdicts(text)] == ["unverifiable", "unverifiable"]


def test_a_countrys_trade_with_the_world_is_no_whole_of_a_partners_row():
    text = INDIA + ("\nحجم تجارت خارجی ایران در سال ۱۴۰۱ به ۱۰۰۰۰۰ میلیون دلار رسید.\n"
                    "در این سال ۴۵ درصد تجارت خارجی ایران را صادرات تشکیل می‌داد.\n")
    assert [v[1] for v in _verdicts(text)] == ["unverifiable"]


def test_a_balance_that_changes_sign_has_no_percent_change():
    # 1401: 910 − 1450 = −540, a deficit; 1402: 1600 − 1500 = +100, a surplus.
    text = INDIA.replace("۱۴۰۱ ۹۱۰ ۱۴۵۰\n", "۱۴۰۱ ۹۱۰ ۱۴۵۰\n۱۴۰۲ ۱۶۰۰ ۱۵۰۰\n") + (
        "\nتراز تجاری ایران با هند در سال ۱۴۰۲ نسبت به سال قبل ۱۱۸٫۵ درصد افزایش یافت.\n"
        "کسری تجاری ایران با هند در سال ۱۴۰۲ نسبت به سال قبل ۱۱۸٫۵ درصد کاهش یافت.\n"
        # A surplus where the rows show a deficit in both years: not what they show.
        "مازاد تجاری ایران با هند در سال ۱۴۰۱ نسبت به سال قبل ۵۴٫۳ درصد افزایش یافت.\n")
    assert _verdicts(text) == [(D("118.5"), "unverifiable", "balance_sign"),
                               (D("-118.5"), "unverifiable", "balance_sign"),
                               (D("54.3"), "unverifiable", "balance_sign")]


def test_part_of_a_year_is_not_the_tables_whole_year():
    text = INDIA + (
        "\nحجم تجارت ایران و هند در ۹ ماهه نخست سال ۱۴۰۱ به ۱۷۰۰ میلیون دلار رسید.\n"
        "صادرات ایران به هند در شش ماه اول سال ۱۴۰۱ نسبت به مدت مشابه سال قبل ۵ درصد "
        "افزایش یافت.\n")
    assert [v[1] for v in _verdicts(text)] == ["unverifiable"]


def test_a_year_of_a_fiscal_table_named_without_its_pair_is_either_fiscal_year():
    text = FISCAL + ("\nحجم تجارت هند و برزیل در سال ۲۰۲۲ به ۱۲۲۰۰ میلیون دلار رسید.\n"
                     "صادرات هند به برزیل در سال ۲۰۲۲ نسبت به سال قبل ۱۰ درصد افزایش یافت.\n")
    assert [v[1] for v in _verdicts(text)] == ["unverifiable"]


def test_a_tables_product_and_a_rows_qualifier_must_be_named():
    steel = INDIA.replace("تجارت ایران و هند", "تجارت محصولات فولادی ایران و هند")
    nonoil = LABELLED.replace("صادرات ۳۱۰", "صادرات غیرنفتی ۳۱۰").replace("\nجمع ۴۳۰ ۴۷۰ ۵۴۲", "")
    sentence = "\nحجم تجارت ایران و {} در سال ۱۴۰۱ به ۲۳۶۰ میلیون دلار رسید.\n"
    assert _verdicts(steel + sentence.format("هند"), derived_rows=False) == []
    assert _verdicts(nonoil + sentence.format("ارمنستان"), derived_rows=False) == []
    # Named: 910 + 1450 = 2360.
    named = "\nحجم تجارت محصولات فولادی ایران و هند در سال ۱۴۰۱ به ۲۳۶۰ میلیون دلار رسید.\n"
    assert _verdicts(steel + named, derived_rows=False) == [(D(2360), "exact", "sum")]


def test_weight_or_value_must_be_said_where_a_table_has_both():
    text = """جدول ۱- تجارت ایران و هند
سال    صادرات (هزار تن)    واردات (هزار تن)    صادرات (میلیون دلار)    واردات (میلیون دلار)
۱۴۰۰    ۲۵۰۰    ۳۰۰    ۸۵۰    ۱۲۰۰
۱۴۰۱    ۲۸۰۰    ۳۵۰    ۹۱۰    ۱۴۵۰

حجم تجارت دو کشور در سال ۱۴۰۱ نسبت به سال قبل ۱۵٫۱ درصد افزایش یافت.
ارزش تجارت دو کشور در سال ۱۴۰۱ نسبت به سال قبل ۱۵٫۱ درصد افزایش یافت.
تجارت دو کشور از نظر وزنی در سال ۱۴۰۱ نسبت به سال قبل ۱۲٫۵ درصد افزایش یافت.
"""
    # Value: (2360 − 2050) / 2050 × 100 = 15.12; weight: (3150 − 2800) / 2800 × 100 = 12.5.
    assert _verdicts(text) == [(D("15.1"), "unverifiable", "no_base_value"),
                               (D("15.1"), "exact", "change_of_sum"),
                               (D("12.5"), "exact", "change_of_sum")]


def test_this_year_after_two_years_or_these_years_is_not_read():
    text = INDIA + (
        "\nصادرات ایران به هند از ۸۵۰ میلیون دلار در سال ۱۴۰۰ به ۹۱۰ میلیون دلار در سال "
        "۱۴۰۱ رسید.\n"
        "در این سال ۳۸٫۶ درصد تجارت دو کشور را صادرات ایران تشکیل می‌داد.\n"
        "در این سال ها به طور متوسط ۴۰ درصد تجارت دو کشور را صادرات ایران تشکیل می‌داد.\n")
    # The first line: (910 − 850) / 850 × 100 is not stated; both shares have no year.
    assert [v[1] for v in _verdicts(text)] == ["unverifiable", "unverifiable"]


def test_a_total_of_another_year_is_not_the_whole_of_a_share():
    text = INDIA + ("\nسهم هند از صادرات غیرنفتی ایران در سال ۱۴۰۱ معادل ۱٫۸ درصد بود و کل "
                    "این صادرات در سال بعد به ۶۰۰۰۰ میلیون دلار رسید.\n")
    assert [v[1] for v in _verdicts(text)] == ["unverifiable"]


def test_a_percent_below_a_target_is_not_a_change_over_the_year():
    # The amount is checked (910 + 1450 = 2360, not 3500); the 10 % is of a target.
    text = INDIA + ("\nحجم تجارت ایران و هند در سال ۱۴۰۱ به ۳۵۰۰ میلیون دلار رسید که ۱۰ درصد "
                    "کمتر از هدف‌گذاری بود.\n")
    assert _verdicts(text) == [(D(3500), "inconsistent", "sum"),
                               (D(-10), "unverifiable", "no_base_value")]


def test_a_year_heading_of_two_words_heads_a_column_of_years():
    # Values that look like years (۱۳۹۹, ۱۴۰۰) are values under "سال شمسی".
    text = ("جدول ۱- تجارت ایران و هند (میلیون دلار)\nسال شمسی\tصادرات\tواردات\n"
            "۱۳۹۸\t۱۳۹۹\t۱۴۰۰\n۱۳۹۹\t۹۱۰\t۱۴۵۰\n")
    m = "million USD"
    assert _cells(text) == {("export", 1398, D(1399), m), ("export", 1399, D(910), m),
                            ("import", 1398, D(1400), m), ("import", 1399, D(1450), m)}


def test_a_title_whose_flow_word_stands_after_a_bracket_is_read_not_a_crash():
    # Found by the fuzz test: "جدول(…)جدول میزان صادرات …" has no flow word before "(".
    text = ("جدول(میلیون دلار)جدول میزان صادرات بآمریکا (میلیون دلار)\n\n"
            "۱۹۹۲ ۱۹۹۳ درصدتغییرات\n۱۶۴۹ ۱۶۵۵ %۰٫۴\n")
    document = read(text, "doc.txt")  # no StopIteration
    assert {(c.year, c.number.value) for c in document.cells} == {(1992, D(1649)),
                                                                  (1993, D(1655))}


def test_a_line_of_thousands_of_digits_and_no_quantity_is_read_in_linear_time():
    # Found by the fuzz test: a line with no quantity is still scanned for the year a
    # later "در این سال" means; a run of 5,000 digits is no year, and is never converted
    # to an integer (Python refuses strings of over 4,300 digits).
    document = read("۱" * 5000 + "\n", "doc.txt")
    assert (document.cells, document.claims) == ([], [])


# ------------------------------------------------------------------ one period

ONE_YEAR = """جدول ۴- صادرات ایران به عراق در سال ۱۴۰۲
| کالا | وزن (هزار تن) | ارزش (میلیون دلار) | سهم از کل (درصد) |
|---|---|---|---|
| سیمان | ۹۰۰ | ۴۵ | ۶۰ |
| لبنیات | ۱۲۰ | ۳۰ | ۴۰ |
"""


def test_a_table_of_one_year_named_in_its_title_reads_its_measures_per_row():
    document = read(ONE_YEAR, "doc.txt")
    assert {(c.subject.partner, c.subject.product, c.year, c.number.value, c.unit)
            for c in document.cells} == {
        ("عراق", "سیمان", 1402, D(900), "thousand tonne"),
        ("عراق", "سیمان", 1402, D(45), "million USD"),
        ("عراق", "لبنیات", 1402, D(120), "thousand tonne"),
        ("عراق", "لبنیات", 1402, D(30), "million USD")}


def test_a_one_year_tables_shares_are_of_its_rows_values():
    # The share column: 45 / (45 + 30) = 60 % and 30 / 75 = 40 %, each row's share
    # implying the same total as the other's (45 / 0.60 = 75 = 30 / 0.40).
    assert [(stated, verdict) for stated, verdict, _ in _verdicts(ONE_YEAR)] == [
        (D(60), "exact"), (D(40), "exact")]


def test_a_one_year_tables_shares_divide_by_its_totals_row(monkeypatch):
    # 2 860 / 17 250 = 16.58 %, printed 16.6; 2 570 / 17 250 = 14.90 %, printed 14.8 (a
    # truncation); 11 820 / 17 250 = 68.5 %. The wrong cell gives no other row a whole
    # (2 860 / 0.148 would imply 19 324); the totals row is the whole.
    monkeypatch.setenv("CHILE_TRADE_READER", "core")
    text = ("جدول ۱- واردات جمهوری آذربایجان به تفکیک مبدأ در سال ۲۰۲۳ (میلیون دلار)\n"
            "مبدأ\tارزش\tسهم (درصد)\nروسیه\t۲٬۸۶۰\t۱۶٫۶\nچین\t۲٬۵۷۰\t۱۴٫۸\n"
            "سایر\t۱۱٬۸۲۰\t۶۸٫۵\nکل\t۱۷٬۲۵۰\t۱۰۰٫۰\n")
    assert [(stated, verdict) for stated, verdict, _ in _verdicts(text)] == [
        (D("16.6"), "exact"), (D("14.8"), "inconsistent"), (D("68.5"), "exact"),
        (D("100.0"), "exact")]


def test_a_table_whose_title_names_months_holds_the_months_not_the_year():
    text = ONE_YEAR.replace("در سال ۱۴۰۲", "در شش ماهه نخست ۱۴۰۲")
    document = read(text, "doc.txt")
    assert {(c.year, c.quantity.period.months) for c in document.cells} == {(1402, (1, 6))}
    # the whole year's exports are not the table's six months: 45 + 30 = 75 is not tied
    whole_year = text + "\nصادرات ایران به عراق در سال ۱۴۰۲ به ۷۵ میلیون دلار رسید.\n"
    assert [v for v in _verdicts(whole_year) if v[0] == 75] == []


@pytest.mark.parametrize("periods", [("نیمه نخست ۲۰۲۳", "نیمه نخست ۲۰۲۴"),
                                     ("۹ ماهه ۱۴۰۱", "۹ ماهه ۱۴۰۲"),
                                     ("سه ماهه سوم ۲۰۲۳", "سه ماهه سوم ۲۰۲۴")])
def test_columns_of_the_same_months_of_two_years_are_a_header(periods):
    # (73 − 67) / 67 × 100 = 8.96 → 9
    text = (f"| کشور | {periods[0]} | {periods[1]} | تغییر (درصد) |\n|---|---|---|---|\n"
            "| هند | ۶۷ | ۷۳ | ۹ |\n")
    assert [(stated, verdict) for stated, verdict, _ in _verdicts(text)] == [(D(9), "exact")]


def test_columns_of_different_months_are_not_read_as_years():
    text = ("جدول صادرات (میلیون دلار)\n| کشور | نیمه نخست ۲۰۲۳ | نیمه دوم ۲۰۲۴ |\n"
            "|---|---|---|\n| هند | ۶۷ | ۷۳ |\n")
    document = read(text, "doc.txt")  # (the document is read: the table is said unread)
    assert document.cells == []
    assert [str(n) for n in document.notices] == [
        "doc.txt:2: not read as a table (header columns are periods of different months of the "
        "year; only the same months of several years are read); read as prose"]


def test_a_table_of_places_of_one_year_reads_each_row_as_a_partner():
    text = ("جدول ۲- واردات ایران در سال ۱۴۰۲ (میلیارد دلار)\n| کشور | ارزش |\n|---|---|\n"
            "| امارات | ۱۸٫۳ |\n| چین | ۱۷٫۴ |\n")
    assert {(c.subject.flow, c.subject.partner, c.year, c.number.value, c.unit)
            for c in read(text, "doc.txt").cells} == {
        ("import", "امارات", 1402, D("18.3"), "billion USD"),
        ("import", "چین", 1402, D("17.4"), "billion USD")}


def test_prose_after_a_one_year_table_takes_its_year_and_its_rows_as_a_list(monkeypatch):
    monkeypatch.setenv("CHILE_TRADE_READER", "core")
    text = ("جدول ۴- صادرات ایران به عراق در سال ۱۴۰۲\n"
            "| کالا | وزن (هزار تن) | ارزش (میلیون دلار) |\n|---|---|---|\n"
            "| سیمان | ۹۰۰ | ۴۵ |\n| لبنیات | ۱۲۰ | ۳۰ |\n| میوه | ۶۰ | ۲۵ |\n"
            # 45 / (45 + 30 + 25) = 45 %; 120 / (900 + 120 + 60) = 11.1 %, printed 15:
            # not reachable in the box (120.5 / 1079.5 = 11.2 %); 900 + 120 + 60 = 1080
            "سیمان با ۴۵ میلیون دلار ۴۵ درصد ارزش صادرات این سه گروه را تشکیل داد و سهم "
            "لبنیات از وزن صادرات آنها ۱۵ درصد بود.\n"
            "مجموع وزن این سه گروه به یک میلیون و ۸۰ هزار تن رسید.\n")
    assert [(stated, verdict) for stated, verdict, _ in _verdicts(text)] == [
        (D(45), "exact"), (D(15), "inconsistent"), (D(1080), "exact")]


def test_a_line_of_a_tatweel_before_a_table_is_no_header():
    # folding leaves nothing of «ـ»: the line is no header, the table under it is read
    text = "جدول صادرات ایران به عمان (میلیون دلار)\nـ\nشرح ۱۴۰۱ ۱۴۰۲\nصادرات ۱۲۰ ۱۳۰\n"
    m = "million USD"
    assert _cells(text) == {("export", 1401, D(120), m), ("export", 1402, D(130), m)}


def test_a_totals_row_with_its_share_cell_left_empty_is_the_whole_of_the_shares():
    # «کل ۳۳۳» alone on its line under the rows is the table's totals row, not prose
    text = ("ارزش واردات نفت خام چین به تفکیک تامین‌کننده در سال ۲۰۲۳\n"
            "تامین‌کننده          ارزش (میلیارد دلار)    سهم (درصد)\n"
            "روسیه                ۶۰                     ۱۸٫۰\n"
            "عربستان سعودی        ۵۰                     ۱۴٫۷\n"
            "سایر کشورها          ۲۲۳                    ۶۷٫۰\n"
            "کل                   ۳۳۳\n")
    found = {stated: verdict for stated, verdict, _ in _verdicts(text)}
    # 60 / 333 × 100 = 18.02 → 18.0; 50 / 333 × 100 = 15.02, not 14.7; 223 / 333 = 66.97 → 67.0
    assert found == {D("18.0"): "exact", D("14.7"): "inconsistent", D("67.0"): "exact"}


def test_two_shares_of_one_column_are_not_checked_against_each_other():
    # no totals row: Russia's 18.0 implies a total of 60.64 / 0.180 = 336.9, by which
    # Saudi Arabia's 49.87 is 14.80 %, not 14.7 (and 14.7 implies 339.3, by which Russia's
    # is 17.87, not 18.0); one of the two is wrong, the table does not say which
    text = ("ارزش واردات نفت خام چین به تفکیک تامین‌کننده در سال ۲۰۲۳\n"
            "تامین‌کننده          ارزش (میلیارد دلار)    سهم (درصد)\n"
            "روسیه                ۶۰٫۶۴                  ۱۸٫۰\n"
            "عربستان سعودی        ۴۹٫۸۷                  ۱۴٫۷\n")
    assert {verdict for _, verdict, _ in _verdicts(text)} == {"unverifiable"}


def test_a_pipe_table_with_no_outer_pipes_and_its_alignment_row():
    # «--- | ---» under the header is of the table, not prose that ends it
    text = ("واردات نفت خام چین از روسیه (میلیون تن)\n"
            "کشور | 2022 | 2023 | درصد تغییر\n--- | --- | --- | ---\n"
            "روسیه | 86.25 | 107.02 | 24.1\n")
    # (107.02 − 86.25) / 86.25 × 100 = 24.08 → 24.1
    assert [(stated, verdict) for stated, verdict, _ in _verdicts(text)] == [
        (D("24.1"), "exact")]


def test_a_totals_row_of_years_with_its_share_cell_left_empty_is_read():
    # «جمع 1885.7 1888.2» under a header of two years and a share: the totals row's
    # share cell is missing, not a row the reader cannot line up with its header
    text = ("تولید فولاد خام کشورهای بزرگ (میلیون تن)\n"
            "کشور           2022     2023     سهم 2023 (درصد)\n"
            "چین            1018.0   1019.1   54.0\n"
            "جمع            1885.7   1888.2\n")
    document = read(text, "doc.txt")
    assert {(c.year, c.number.value) for c in document.cells} == {
        (2022, D("1018.0")), (2023, D("1019.1")), (2022, D("1885.7")), (2023, D("1888.2"))}


def test_a_share_column_naming_no_whole_divides_by_the_totals_row():
    # «سهم 2023 (درصد)» names no whole; the table's «جمع» row is it:
    # 1019.1 / 1888.2 × 100 = 53.97 → 54.0; 76.0 / 1888.2 × 100 = 4.02, printed 4.1
    text = ("تولید فولاد خام کشورهای بزرگ (میلیون تن)\n"
            "کشور           2022     2023     سهم 2023 (درصد)\n"
            "چین            1018.0   1019.1   54.0\n"
            "روسیه          71.5     76.0     4.1\n"
            "سایر کشورها    796.2    793.1    42.0\n"
            "جمع            1885.7   1888.2\n")
    found = {stated: verdict for stated, verdict, _ in _verdicts(text)}
    # 793.1 / 1888.2 × 100 = 42.00
    assert found == {D("54.0"): "exact", D("4.1"): "inconsistent", D("42.0"): "exact"}


@pytest.mark.parametrize("label", ["۲۰۲۳ نسبت به ۲۰۲۲ (درصد)", "۲۰۲۳ به ۲۰۲۲ (درصد)",
                                   "۲۰۲۳ نسبت به ۲۰۲۲"])
def test_a_column_naming_a_pair_of_years_is_a_change(label):
    # (2540 − 2310) / 2310 × 100 = 9.96 → 10.0
    text = (f"جدول صادرات مس (هزار تن)\nشرح\t۲۰۲۲\t۲۰۲۳\t{label}\n"
            "صادرات\t۲٬۳۱۰\t۲٬۵۴۰\t۱۰٫۰\n")
    assert [(stated, verdict) for stated, verdict, _ in _verdicts(text)] == [
        (D("10.0"), "exact")]


@pytest.mark.parametrize("years", [("۲۰۲۲-۲۰۲۳", "۲۰۲۳-۲۰۲۴"), ("۲۰۲۲-۲۳", "۲۰۲۳-۲۴")])
def test_fiscal_years_printed_with_four_digit_ends_head_columns(years):
    # (35.63 − 31.61) / 31.61 × 100 = 12.72 → 12.7
    text = ("تجارت هند و امارات\nارقام به میلیارد دلار\n"
            f"شرح            {years[0]}    {years[1]}    تغییر (درصد)\n"
            "صادرات هند      ۳۱٫۶۱        ۳۵٫۶۳        ۱۲٫۷\n")
    document = read(text, "doc.txt")
    assert [(c.year, c.subject.reporter_en, c.subject.partner_en) for c in document.cells] == [
        (2022, "India", "United Arab Emirates"), (2023, "India", "United Arab Emirates")]
    assert [(stated, verdict) for stated, verdict, _ in _verdicts(text)] == [
        (D("12.7"), "exact")]


MONTHS = """صادرات برنج تایلند در سه ماه نخست سال ۲۰۲۴
ارقام به هزار تن
ماه\tصادرات\tواردات\tتراز
ژانویه\t۸۰۰\t۲۰\t۷۸۰
فوریه\t۷۵۰\t۲۵\t۷۲۵
مارس\t۹۱۰\t۳۰\t۸۷۰
جمع\t۲۴۶۰\t۷۵\t۲۳۷۵
"""


def test_months_down_the_rows_take_their_year_from_the_title():
    # (the «جمع» row is a value the table prints too: the three months together)
    document = read(MONTHS, "doc.txt")
    assert sorted({(c.year, c.quantity.period.months) for c in document.cells}) == [
        (2024, (1, 1)), (2024, (1, 3)), (2024, (2, 2)), (2024, (3, 3))]


def test_the_balance_column_and_totals_row_of_months_are_checked():
    # balances 800 − 20 = 780, 750 − 25 = 725, 910 − 30 = 880 (printed 870: wrong);
    # totals 800 + 750 + 910 = 2460, 20 + 25 + 30 = 75, 780 + 725 + 870 = 2375 as printed
    found = _verdicts(MONTHS)
    assert [v for v in found if v[2] == "balance"] == [
        (D(780), "exact", "balance"), (D(725), "exact", "balance"),
        (D(870), "inconsistent", "balance")]
    assert [v for v in found if v[2] == "sum"] == [
        (D(2460), "exact", "sum"), (D(75), "exact", "sum"), (D(2375), "exact", "sum")]


def test_months_down_the_rows_with_no_year_said_are_not_read():
    text = MONTHS.replace(" در سه ماه نخست سال ۲۰۲۴", "")
    document = read(text, "doc.txt")
    assert document.cells == []
    assert len(document.notices) == 1


@pytest.mark.parametrize("cells", [("۲۰۲۲ (میلیون تن)", "۲۰۲۳ (میلیون تن)"),
                                   ("صادرات ۲۰۲۲", "صادرات ۲۰۲۳"),
                                   ("وزن ۲۰۲۲ (میلیون تن)", "وزن ۲۰۲۳ (میلیون تن)")])
def test_header_years_with_a_flow_measure_or_unit_beside_them(cells):
    # (10.5 − 8.2) / 8.2 × 100 = 28.05 → 28
    text = (f"صادرات گندم روسیه (میلیون تن)\n| کشور | {cells[0]} | {cells[1]} | تغییر (درصد) |\n"
            "|---|---|---|---|\n| مصر | ۸٫۲ | ۱۰٫۵ | ۲۸ |\n")
    assert [(stated, verdict) for stated, verdict, _ in _verdicts(text)] == [(D(28), "exact")]
    assert {c.unit for c in read(text, "doc.txt").cells} == {"million tonne"}


def test_the_unit_of_a_table_may_stand_in_its_year_headers():
    text = ("صادرات گندم روسیه\n| کشور | ۲۰۲۲ (میلیون تن) | ۲۰۲۳ (میلیون تن) |\n"
            "|---|---|---|\n| مصر | ۸٫۲ | ۱۰٫۵ |\n")
    assert {c.unit for c in read(text, "doc.txt").cells} == {"million tonne"}


def test_a_table_whose_one_value_column_names_its_year():
    # shares of the total row: 10.5 / 52.3 = 20.08 → 20; 9.8 / 52.3 = 18.74 → 19
    text = ("صادرات گندم روسیه به تفکیک مقصد\n| کشور | صادرات ۲۰۲۳ (میلیون تن) | سهم (درصد) |\n"
            "|---|---|---|\n| مصر | ۱۰٫۵ | ۲۰ |\n| ترکیه | ۹٫۸ | ۱۹ |\n| سایر | ۳۲ | ۶۱ |\n"
            "| جمع | ۵۲٫۳ | ۱۰۰ |\n")
    found = _verdicts(text)
    assert (D(20), "exact", "share") in found
    assert (D(19), "exact", "share") in found
    assert {c.year for c in read(text, "doc.txt").cells} == {2023}


def test_years_followed_by_a_sentences_comma_head_no_column():
    # «۲۰۲۲،»: a year of a sentence, before its comma, is no header cell
    text = "صادرات گندم روسیه\n| کشور | ۲۰۲۲، | ۲۰۲۳، |\n|---|---|---|\n| مصر | ۸٫۲ | ۱۰٫۵ |\n"
    document = read(text, "doc.txt")
    assert document.cells == []
    assert len(document.notices) == 1


def test_quarters_of_one_year_across_take_their_year_from_the_title():
    # balances 79 020 − 74 880 = 4140 … ; the year's total 79 020 + 85 110 + 96 020 + 95 350
    # = 355 500
    text = ("جدول ۱- تجارت کالایی ویتنام در سال ۲۰۲۳ به تفکیک فصل (میلیون دلار)\n"
            "شرح       فصل اول     فصل دوم     فصل سوم     فصل چهارم     جمع سال\n"
            "صادرات    ۷۹٬۰۲۰      ۸۵٬۱۱۰      ۹۶٬۰۲۰      ۹۵٬۳۵۰      ۳۵۵٬۵۰۰\n"
            "واردات    ۷۴٬۸۸۰      ۷۸٬۰۴۰      ۸۴٬۶۶۰      ۸۹٬۹۲۰      ۳۲۷٬۵۰۰\n")
    document = read(text, "doc.txt")
    assert sorted({(c.year, c.quantity.period.months) for c in document.cells}) == [
        (2023, (1, 3)), (2023, (4, 6)), (2023, (7, 9)), (2023, (10, 12))]
    # imports: 74 880 + 78 040 + 84 660 + 89 920 = 327 500
    assert [v for v in _verdicts(text) if v[2] == "sum"] == [
        (D(355500), "exact", "sum"), (D(327500), "exact", "sum")]


def test_months_whose_names_are_words_too_are_months_in_a_column_of_months():
    # «تیر» (also «arrow») between خرداد and مرداد; 142 + 135 + 158 + 176 = 611
    text = ("جدول ۱- صادرات افغانستان در سال ۱۴۰۲ (میلیون دلار)\nماه\tصادرات\n"
            "فروردین\t۱۴۲\nاردیبهشت\t۱۳۵\nخرداد\t۱۵۸\nتیر\t۱۷۶\nجمع\t۶۱۱\n")
    assert _verdicts(text) == [(D(611), "exact", "sum")]
    # a month missing from the column: its total is not the sum of the rows read
    gap = text.replace("تیر\t۱۷۶\n", "مرداد\t۱۷۶\n")
    assert _verdicts(gap) == []


def test_a_balance_column_beside_years_down_the_rows_is_checked():
    # 850 − 1200 = −350; 910 − 1450 = −540 (printed −530: wrong)
    text = ("جدول ۵- تجارت ایران و هند (میلیون دلار)\nسال صادرات واردات تراز\n"
            "۱۴۰۰ ۸۵۰ ۱۲۰۰ ۳۵۰-\n۱۴۰۱ ۹۱۰ ۱۴۵۰ ۵۳۰-\n")
    assert [v for v in _verdicts(text) if v[2] == "balance"] == [
        (D(-350), "exact", "balance"), (D(-530), "inconsistent", "balance")]


def test_a_deficit_row_of_sizes_stays_sizes_beside_a_negative_change_cell():
    # deficits 402 − 140 = 262 and 402 − 162 = 240, printed unsigned; the change column's
    # minus («-۸٫۴») is no sign of the row's values
    text = ("جدول ۳- تجارت ایران و ارمنستان (میلیون دلار)\n| شرح | ۱۴۰۰ | ۱۴۰۱ | تغییر (درصد) |\n"
            "|---|---|---|---|\n| صادرات | ۱۴۰ | ۱۶۲ | ۱۵٫۷ |\n| واردات | ۴۰۲ | ۴۰۲ | ۰ |\n"
            "| کسری | ۲۶۲ | ۲۴۰ | -۸٫۴ |\n")
    assert [v for v in _verdicts(text) if v[2] == "balance"] == [
        (D(-262), "exact", "balance"), (D(-240), "exact", "balance")]


def test_a_balance_row_with_words_in_another_column_is_read():
    # 355 − 115 = 240, 402 − 140 = 262; the words of the «توضیح» column are no number
    text = ("جدول ۳- تجارت ایران و ارمنستان (میلیون دلار)\n| شرح | ۱۴۰۰ | ۱۴۰۱ | توضیح |\n"
            "|---|---|---|---|\n| صادرات | ۳۵۵ | ۴۰۲ | برآورد |\n| واردات | ۱۱۵ | ۱۴۰ | قطعی |\n"
            "| تراز | ۲۴۰ | ۲۶۲ | محاسبه شده |\n")
    assert [v for v in _verdicts(text) if v[2] == "balance"] == [
        (D(240), "exact", "balance"), (D(262), "exact", "balance")]


def test_a_totals_row_beside_other_rows_than_the_two_flows_is_not_their_sum():
    # «ترانزیت» 15: the «جمع» 145 = 100 + 30 + 15 is no sum of exports and imports alone
    text = ("جدول ۳- حمل کالا (میلیون تن)\nشرح ۱۴۰۰ ۱۴۰۱\nصادرات ۱۰۰ ۱۲۰\nواردات ۳۰ ۳۵\n"
            "ترانزیت ۱۵ ۱۸\nجمع ۱۴۵ ۱۷۳\n")
    assert [v for v in _verdicts(text) if v[2] == "sum"] == []


@pytest.mark.parametrize("header", [
    "شرح فصل_اول فصل_دوم جمع_نیمه_اول فصل_سوم فصل_چهارم جمع_سال",
    "شرح فصل_اول فصل_دوم فصل_سوم جمع_سال"])
def test_a_total_column_is_checked_only_after_every_part_of_the_whole_year(header):
    # «جمع نیمه اول» (10 + 20 = 30) stands between the parts: not checked as the sum of
    # them all; «جمع سال» after four quarters is 10 + 20 + 30 + 40 = 100; after three
    # quarters it is of a year the table does not print whole: not checked
    cells = {6: "۱۰ ۲۰ ۳۰ ۳۰ ۴۰ ۱۰۰", 4: "۱۰ ۲۰ ۳۰ ۱۰۰"}[len(header.split()) - 1]
    row = cells.replace(" ", "    ")
    text = (f"جدول ۱- صادرات ایران در سال ۱۴۰۲ (میلیون دلار)\n"
            f"{header.replace(' ', '    ').replace('_', ' ')}\nصادرات    {row}\n")
    expected = [(D(100), "exact", "sum")] if "نیمه" in header else []
    assert [v for v in _verdicts(text) if v[2] == "sum"] == expected


def test_gregorian_months_are_no_months_of_a_solar_year():
    text = ("جدول ۱- صادرات ایران در سال ۱۴۰۲ (میلیون دلار)\n| کالا | ژانویه | فوریه | مارس |\n"
            "|---|---|---|---|\n| فرش | ۱۰ | ۱۵ | ۲۰ |\n")
    assert {c.quantity.period.months for c in read(text, "doc.txt").cells} <= {None}


def test_the_older_reader_is_given_no_values_of_layouts_it_did_not_read(monkeypatch):
    # A product's growth in prose beside a table of products whose header the older reader
    # did not read («ارزش ۲۰۲۲ (میلیارد دلار)»): it would take the «جمع» row for the
    # product's exports ((166.6 − 159.1) / 159.1 = 4.7 %, not 46 %); the table is read,
    # and the sentence is left unverifiable, not called wrong.
    monkeypatch.delenv("CHILE_TRADE_READER", raising=False)
    text = ("جدول- صادرات محصولات کشاورزی برزیل\n"
            "| محصول | ارزش ۲۰۲۲ (میلیارد دلار) | ارزش ۲۰۲۳ (میلیارد دلار) |\n|---|---|---|\n"
            "| شکر | ۱۱٫۰ | ۱۶٫۰ |\n| سایر | ۱۴۸٫۱ | ۱۵۰٫۶ |\n| جمع | ۱۵۹٫۱ | ۱۶۶٫۶ |\n"
            "صادرات شکر برزیل با رشد ۴۶ درصدی رکورد زد.\n")
    document = read(text, "doc.txt")
    assert {c.inferred for c in document.cells} == {True}
    assert [v for v in _verdicts(text) if v[1] == "inconsistent"] == []


def test_a_tab_row_ending_in_an_empty_cell_keeps_its_columns_and_a_change_column_no_amount():
    # «۲۰۲۱⇥۱۰۰۰⇥۲۰۰۰⇥»: the change cell of the first year is empty, not a short row; the
    # change column («تغییر ۲۲/۲۱ (درصد)») holds percents and is no series of amounts.
    text = ("تجارت ایران و چین (میلیون دلار)\n\nسال\tصادرات\tواردات\tتغییر ۲۲/۲۱ (درصد)\n"
            "۲۰۲۱\t۱۰۰۰\t۲۰۰۰\t\n۲۰۲۲\t۱۲۰۰\t۲۵۰۰\t۲۰\n")
    m = "million USD"
    assert _cells(text) == {("export", 2021, D(1000), m), ("export", 2022, D(1200), m),
                            ("import", 2021, D(2000), m), ("import", 2022, D(2500), m)}
    assert any("unknown column" in str(n) for n in read(text, "doc.txt").notices)


def test_years_down_with_one_value_column_and_no_header_take_the_titles_flow(monkeypatch):
    # «۲۰۲۳ ۱۵۰۰» is a year and its value, not a header of two years of two calendars;
    # (1500 − 1200) / 1200 × 100 = 25 %.
    monkeypatch.setenv("CHILE_TRADE_READER", "core")
    text = ("صادرات ایران به هند (میلیون دلار)\n\n۲۰۲۱\t۱۰۰۰\n۲۰۲۲\t۱۲۰۰\n۲۰۲۳\t۱۵۰۰\n\n"
            "صادرات ایران به هند در سال ۲۰۲۳ نسبت به ۲۰۲۲ به میزان ۲۵ درصد افزایش داشت.\n")
    m = "million USD"
    assert _cells(text) == {("export", 2021, D(1000), m), ("export", 2022, D(1200), m),
                            ("export", 2023, D(1500), m)}
    assert [v[:2] for v in _verdicts(text)] == [(D(25), "exact")]


def test_years_down_with_two_unnamed_value_columns_are_a_notice_not_a_refusal():
    text = ("تجارت ایران و هند (میلیون دلار)\n\n۲۰۲۱\t۱۰۰۰\t۲۰۰۰\n۲۰۲۲\t۱۲۰۰\t۲۵۰۰\n\n"
            "صادرات ایران به هند در سال ۲۰۲۲ به ۱۲۰۰ میلیون دلار رسید.\n")
    _unread_with_notice(text, "no header row naming its columns")


def test_goods_down_the_rows_of_one_flow_to_one_partner_are_products(monkeypatch):
    # «صادرات کالاهای ایران به عراق»: «کالاهای» names no product; each row is one, and the
    # sentence's product is its row: (1500 − 1200) / 1200 × 100 = 25 %.
    monkeypatch.setenv("CHILE_TRADE_READER", "core")
    text = ("صادرات کالاهای ایران به عراق (میلیون دلار)\n\n"
            "کالا                 ۱۴۰۱     ۱۴۰۲\nمصالح ساختمانی       ۱۲۰۰     ۱۵۰۰\n"
            "محصولات پتروشیمی     ۶۰۰      ۴۵۰\n\n"
            "صادرات مصالح ساختمانی به عراق در سال ۱۴۰۲ نسبت به سال قبل ۲۵ درصد رشد کرد.\n")
    products = {c.subject.product for c in read(text, "doc.txt").cells}
    assert products == {"مصالح ساختمانی", "محصولات پتروشیمی"}
    assert [v[:2] for v in _verdicts(text)] == [(D(25), "exact")]


def test_a_goods_row_with_its_unit_is_goods_too_and_no_total(monkeypatch):
    # «پسته (هزار تن)» is a row of pistachios in tonnes, not the exports of all goods: the
    # sentence on all exports to China has no value to tie to (1500 vs 1200 is pistachios)
    monkeypatch.setenv("CHILE_TRADE_READER", "core")
    text = ("صادرات ایران به چین (میلیون دلار)\n\nکالا                 ۱۴۰۱     ۱۴۰۲\n"
            "زعفران       ۶۰۰      ۴۵۰\nپسته (هزار تن)       ۱۲۰۰     ۱۵۰۰\n\n"
            "صادرات ایران به چین در سال ۱۴۰۲ نسبت به سال قبل ۲۵ درصد رشد کرد.\n")
    assert [v[1] for v in _verdicts(text)] == ["unverifiable"]


@pytest.mark.parametrize("rows", [
    "سال\tصادرات\tواردات\n۲۰۲۱\t۱۰۰۰\t۲۰۰۰\t\n۲۰۲۲\t۱۲۰۰\t۲۵۰۰\n",  # a stray TAB at a row's end
    "سال\tصادرات\tواردات\t\n۲۰۲۱\t۱۰۰۰\t۲۰۰۰\n۲۰۲۲\t۱۲۰۰\t۲۵۰۰\n",  # at the header's end
    "\tسال\tصادرات\tواردات\n\t۲۰۲۱\t۱۰۰۰\t۲۰۰۰\n\t۲۰۲۲\t۱۲۰۰\t۲۵۰۰\n",  # every line indented
])
def test_tabs_that_hold_no_cell_change_no_column(rows):
    m = "million USD"
    text = f"تجارت ایران و چین (میلیون دلار)\n\n{rows}"
    assert _cells(text) == {("export", 2021, D(1000), m), ("export", 2022, D(1200), m),
                            ("import", 2021, D(2000), m), ("import", 2022, D(2500), m)}


def test_years_down_with_no_header_under_a_title_of_percents_are_not_amounts():
    text = "رشد صادرات ایران به هند (درصد)\n\n۲۰۲۱\t۱۰\n۲۰۲۲\t۱۲\n"
    _unread_with_notice(text, "no header row naming its columns")


def test_months_down_take_their_year_from_the_headline_and_a_span_row_is_their_total(
        monkeypatch):
    # The words just before the table name no year; the headline names the first quarter
    # of 2024, which holds the three months. «ژانویه تا مارس» is their total:
    # 36.92 + 41.40 + 41.68 = 120.00 (imports 54.41 + 60.11 + 57.28 = 171.80); March's
    # share of the quarter's exports: 41.68 / 120.00 = 34.73 %.
    monkeypatch.setenv("CHILE_TRADE_READER", "core")
    text = ("صادرات شیلی در سه ماه نخست ۲۰۲۴ افزایش یافت\n"
            "صادرات این کشور در هر ماه بیشتر از ماه قبل بود.\n"
            "ارقام به میلیارد دلار\n"
            "ماه              صادرات   واردات\n"
            "ژانویه           ۳۶٫۹۲    ۵۴٫۴۱\n"
            "فوریه            ۴۱٫۴۰    ۶۰٫۱۱\n"
            "مارس             ۴۱٫۶۸    ۵۷٫۲۸\n"
            "ژانویه تا مارس   ۱۲۰٫۰۰   ۱۷۱٫۸۰\n"
            "سهم ماه مارس از صادرات سه ماه نخست ۲۰۲۴ حدود ۳۵ درصد بود.\n")
    cells = read(text, "doc.txt").cells
    assert sorted((c.year, c.quantity.period.months, c.number.value) for c in cells
                  if c.subject.flow == "export") == [
        (2024, (1, 1), D("36.92")), (2024, (1, 3), D("120.00")), (2024, (2, 2), D("41.40")),
        (2024, (3, 3), D("41.68"))]
    found = _verdicts(text)
    assert [v for v in found if v[2] == "sum"] == [(D(120), "exact", "sum"),
                                                  (D("171.80"), "exact", "sum")]
    assert (D(35), "exact") in [v[:2] for v in found]


def test_a_headline_whose_months_do_not_hold_the_tables_gives_them_no_year():
    # the headline's first quarter does not hold April–June: the months stay unread
    text = ("صادرات شیلی در سه ماه نخست ۲۰۲۴ افزایش یافت\nارقام به میلیارد دلار\n"
            "ماه      صادرات   واردات\nآوریل    ۳۶٫۹۲    ۵۴٫۴۱\nمه       ۴۱٫۴۰    ۶۰٫۱۱\n"
            "ژوئن     ۴۱٫۶۸    ۵۷٫۲۸\n")
    assert read(text, "doc.txt").cells == []
    # (the same table under a headline of the first half is read: it holds the months)
    half = text.replace("سه ماه نخست", "نیمه نخست")
    assert {c.quantity.period.months for c in read(half, "doc.txt").cells} == {
        (4, 4), (5, 5), (6, 6)}


def test_months_down_take_their_year_from_a_note_on_the_table(monkeypatch):
    # «ارقام جدول مربوط به سال ۲۰۲۴ است»: 893 + 812 + 941 = 2646; 592 + 536 + 629 = 1757
    monkeypatch.setenv("CHILE_TRADE_READER", "core")
    text = ("جدول- صادرات ماهانه برنج تایلند\nماه       حجم (هزار تن)    ارزش (میلیون دلار)\n"
            "ژانویه    ۸۹۳              ۵۹۲\nفوریه     ۸۱۲              ۵۳۶\n"
            "مارس      ۹۴۱              ۶۲۹\nجمع       ۲۶۴۶             ۱۷۵۷\n"
            "ارقام جدول مربوط به سال ۲۰۲۴ است.\n")
    cells = read(text, "doc.txt").cells
    assert {(c.year, c.quantity.period.months) for c in cells} >= {
        (2024, (1, 1)), (2024, (2, 2)), (2024, (3, 3))}
    assert [v for v in _verdicts(text) if v[2] == "sum"] == [(D(2646), "exact", "sum"),
                                                             (D(1757), "exact", "sum")]


def test_a_short_totals_row_aligned_by_spaces_is_put_under_its_column(monkeypatch):
    # «جمع ۱٬۸۶۰» under the first of two value columns: 560 + 615 + 685 = 1860; the price
    # column has no total
    monkeypatch.setenv("CHILE_TRADE_READER", "core")
    text = ("صادرات زغال سنگ افغانستان در سال ۱۴۰۲\n"
            "ماه      حجم (هزار تن)    قیمت هر تن (دلار)\n"
            "حمل      ۵۶۰              ۱۸۲\n"
            "ثور      ۶۱۵              ۱۷۶\n"
            "جوزا     ۶۸۵              ۱۶۸\n"
            "جمع      ۱٬۸۶۰\n")
    assert [v for v in _verdicts(text) if v[2] == "sum"] == [(D(1860), "exact", "sum")]
    # a cell that starts under no header cell leaves the row short: the grid is reported
    shifted = text.replace("جمع      ۱٬۸۶۰", "جمع   ۱٬۸۶۰")
    with pytest.raises(InputError, match="row has 2 cells"):
        read(shifted, "doc.txt")


def test_a_table_whose_rows_are_the_exporters_is_a_notice_not_a_table_of_partners():
    # the rows are exporters, each its own reporter, not partners of one (the share column
    # is of world exports, not of one country's)
    text = ("صادرات جهانی گندم در سال زراعی ۲۰۲۳/۲۴\n"
            "| صادرکننده | صادرات ۲۰۲۳/۲۴ (میلیون تن) | سهم از صادرات جهانی (درصد) |\n"
            "|---|---|---|\n| روسیه | ۵۵/۵ | ۲۵/۲ |\n| کانادا | ۲۴/۷ | ۱۱/۲ |\n")
    _unread_with_notice(text, "sellers or buyers")


def test_a_crop_year_with_a_slash_heads_a_column_of_one_period(monkeypatch):
    # «۲۰۲۳/۲۴» is the crop year 2023-24, not the number 2023.24
    monkeypatch.setenv("CHILE_TRADE_READER", "core")
    text = ("صادرات گندم روسیه به تفکیک مقصد\n"
            "| کشور | صادرات ۲۰۲۳/۲۴ (میلیون تن) |\n|---|---|\n| مصر | ۱۰٫۵ |\n| ترکیه | ۸٫۲ |\n")
    cells = read(text, "doc.txt").cells
    assert {(c.year, c.quantity.period.fiscal) for c in cells} == {(2023, True)}


def test_a_title_sentence_names_no_goods_in_its_period_words_and_no_partner_after_a_base():
    # «صادرات این کشور در سه ماه نخست … نسبت به مدت مشابه سال قبل»: neither «این کشور در
    # سه ماه …» goods nor «مدت مشابه سال» a partner
    text = ("صادرات ترکیه در سه ماه نخست سال ۲۰۲۴ نسبت به مدت مشابه سال قبل افزایش یافت.\n"
            "ارقام به میلیون دلار\n"
            "کشور\tژانویه-مارس ۲۰۲۳\tژانویه-مارس ۲۰۲۴\nآلمان\t۵۳۱۲\t۵۱۰۴\nکل\t۶۱۶۹۰\t۶۳۹۷۲\n")
    cells = read(text, "doc.txt").cells
    assert {c.quantity.period.months for c in cells} == {(1, 3)}
    assert {c.subject.product for c in cells} == {""}
    assert {c.subject.partner for c in cells} <= {"آلمان", ""}


def test_rows_of_measures_under_a_title_of_one_flow_are_its_measures_not_partners(monkeypatch):
    # «حجم (هزار تن)», «ارزش (میلیون دلار)» are the title's flow in two units; the price row
    # («دلار در تن») holds no amounts. The prose rate of the tonnage: (2540 − 2310) / 2310
    # = 9.96 % ≈ 10 %; of the value: (21 650 − 19 614) / 19 614 = 10.38 % ≈ 10.4 %.
    monkeypatch.setenv("CHILE_TRADE_READER", "core")
    text = ("وزن صادرات مس پرو در سال ۲۰۲۳ با ۱۰ درصد رشد به ۲ میلیون و ۵۴۰ هزار تن رسید.\n"
            "درآمد صادراتی این کشور از مس نیز ۱۰٫۴ درصد افزایش یافت.\n"
            "جدول صادرات مس پرو\n"
            "شرح\t۲۰۲۲\t۲۰۲۳\n"
            "حجم (هزار تن)\t۲٬۳۱۰\t۲٬۵۴۰\n"
            "ارزش (میلیون دلار)\t۱۹٬۶۱۴\t۲۱٬۶۵۰\n"
            "قیمت متوسط (دلار در تن)\t۸٬۴۹۱\t۸٬۵۲۴\n")
    cells = read(text, "doc.txt").cells
    assert {(c.subject.partner, c.subject.flow, c.unit) for c in cells} >= {
        ("", "export", "thousand tonne"), ("", "export", "million USD")}
    assert not any(c.unit == "USD" for c in cells)  # (a price is no amount of dollars)
    assert [v[:2] for v in _verdicts(text) if v[0] in (D(10), D("10.4"))] == [
        (D(10), "exact"), (D("10.4"), "exact")]


def test_a_price_column_of_a_table_of_one_period_holds_no_amounts():
    text = ("جدول- صادرات زغال سنگ افغانستان در سال ۱۴۰۲\n"
            "| کالا | وزن (هزار تن) | قیمت هر تن (دلار) |\n|---|---|---|\n"
            "| زغال سنگ | ۵۶۰ | ۱۸۲ |\n| سنگ کرومیت | ۴۰ | ۳۱۰ |\n")
    cells = read(text, "doc.txt").cells
    assert {c.unit for c in cells} == {"thousand tonne"}


def test_two_prose_lines_cut_like_a_grid_are_prose(monkeypatch):
    # glued numbers («۶ماهه», «سال۱۴۰۱») cut two sentences into cells: they are prose, with
    # a located notice, and the balance they state is a figure of the text
    monkeypatch.setenv("CHILE_TRADE_READER", "core")
    text = ("ارزش تجارت ایران و ترکیه در ۶ماهه نخست سال۱۴۰۱ حدود ۵/ ۳میلیارد دلار بوده است؛ "
            "۸/ ۱میلیارد دلار از این رقم به صادرات مربوط است.\n"
            "در پی رشد صادرات، تراز تجاری دو کشور در ۶ماهه ۱۴۰۱ حدود ۱۰۰میلیون دلار به سود "
            "ایران مثبت شده است.\n")
    _unread_with_notice(text, "read as prose")
    assert any(c.stated.value == 100 for c in read(text, "doc.txt").claims)


def test_rows_under_a_title_of_goods_groups_are_goods_not_partners():
    # «صادرات سه گروه کالایی بزرگ ویتنام»: the rows are goods; no partner is named
    text = ("جدول ۳- صادرات سه گروه کالایی بزرگ ویتنام (میلیون دلار)\n"
            "| گروه کالایی | ۲۰۲۲ | ۲۰۲۳ |\n|---|---|---|\n"
            "| تلفن همراه و قطعات | ۵۷٬۹۹۰ | ۵۲٬۳۸۰ |\n| منسوجات و پوشاک | ۳۷٬۵۷۰ | ۳۳٬۳۰۰ |\n")
    cells = read(text, "doc.txt").cells
    assert {(c.subject.partner, c.subject.product) for c in cells} == {
        ("", "تلفن همراه و قطعات"), ("", "منسوجات و پوشاک")}


def test_a_share_column_after_each_year_is_of_that_year():
    # «۲۰۲۲ | سهم | ۲۰۲۳ | سهم»: 56.4 / 134.2 = 42.03 % (2022), 61.2 / 133.7 = 45.77 % (2023)
    text = ("جدول واردات گاز اتحادیه اروپا به تفکیک تأمین‌کننده (میلیارد متر مکعب)\n"
            "| تأمین‌کننده | ۲۰۲۲ | سهم (درصد) | ۲۰۲۳ | سهم (درصد) |\n|---|---|---|---|---|\n"
            "| آمریکا | ۵۶٫۴ | ۴۲٫۰ | ۶۱٫۲ | ۴۵٫۸ |\n| سایر | ۷۷٫۸ | ۵۸٫۰ | ۷۲٫۵ | ۵۴٫۲ |\n"
            "| جمع | ۱۳۴٫۲ | ۱۰۰ | ۱۳۳٫۷ | ۱۰۰ |\n")
    shares = [v for v in _verdicts(text) if v[0] in (D("42.0"), D("45.8"))]
    assert [v[:2] for v in shares] == [(D("42.0"), "exact"), (D("45.8"), "exact")]


def test_rows_of_months_under_years_across_are_months_of_each_year(monkeypatch):
    # Afghan months down, Solar years across: each value is of its month of its column's
    # year; «جمع» is their sum (142.6 + 165.3 + 171.8 = 479.7; 118.4 + 151.9 + 186.2 =
    # 456.5); the unit is the note's after the table, not that of the amount in the
    # sentence before it («۱٫۳ میلیارد دلار»)
    monkeypatch.setenv("CHILE_TRADE_READER", "core")
    text = ("کسری تجاری افغانستان در این سه ماه به ۱٫۳ میلیارد دلار رسید.\n"
            "جدول صادرات افغانستان در سه ماه نخست سال‌های ۱۴۰۱ و ۱۴۰۲\n"
            "ماه    ۱۴۰۱    ۱۴۰۲\nحمل    ۱۴۲٫۶   ۱۱۸٫۴\nثور    ۱۶۵٫۳   ۱۵۱٫۹\n"
            "جوزا   ۱۷۱٫۸   ۱۸۶٫۲\nجمع    ۴۷۹٫۷   ۴۵۶٫۵\nارقام به میلیون دلار\n")
    cells = read(text, "doc.txt").cells
    assert {(c.year, c.quantity.period.months, c.unit, c.subject.partner) for c in cells
            if c.number.value in (D("142.6"), D("456.5"))} == {
        (1401, (1, 1), "million USD", ""), (1402, (1, 3), "million USD", "")}
    assert [v for v in _verdicts(text) if v[2] == "sum"] == [
        (D("479.7"), "exact", "sum"), (D("456.5"), "exact", "sum")]


def test_rows_that_are_months_of_another_calendar_than_the_years_are_not_months():
    # Gregorian months under Solar years: no month of those years; read as before
    text = ("جدول صادرات افغانستان (میلیون دلار)\n"
            "ماه    ۱۴۰۱    ۱۴۰۲\nژانویه    ۱۴۲٫۶   ۱۱۸٫۴\nفوریه    ۱۶۵٫۳   ۱۵۱٫۹\n")
    assert {c.quantity.period.months for c in read(text, "doc.txt").cells} == {None}


@pytest.mark.parametrize(("title", "note"), [
    # the title counts the year from the present: the headline's 2023 is not it
    ("جدول ۱- صادرات ماهانه ایران به چین در سال جاری (میلیون دلار)", ""),
    # the note names 2023 only as a base it compares with
    ("جدول ۱- صادرات ماهانه ایران به چین (میلیون دلار)",
     "ارقام جدول بالا از ارقام مشابه سال ۲۰۲۳ بیشتر است."),
    # a headline naming a whole year names no months the table's are part of
    ("جدول ۱- صادرات ماهانه ایران به چین (میلیون دلار)", ""),
])
def test_months_down_take_no_year_the_words_do_not_give_them(title, note):
    text = (f"صادرات ایران به چین در سال ۲۰۲۳ به ۱۰ میلیارد دلار رسید\n\n{title}\n"
            "ماه\tصادرات\tواردات\nژانویه\t۹۰۰\t۳۰۰\nفوریه\t۸۰۰\t۳۵۰\nمارس\t۱۰۰۰\t۴۰۰\n"
            f"{note}\n")
    assert read(text, "doc.txt").cells == []


def test_an_others_row_of_a_table_of_partners_stays_a_partner():
    # «سایر کشورها» under «صادرات کالاهای غیرنفتی ایران به کشورهای همسایه»: a partner (the
    # rest), not the total of all partners
    text = ("جدول ۱- صادرات کالاهای غیرنفتی ایران به کشورهای همسایه (میلیون دلار)\n"
            "کشور\t۱۴۰۱\t۱۴۰۲\nعراق\t۸۰۰۰\t۹۰۰۰\nسایر کشورها\t۱۵۰۰\t۱۴۰۰\n")
    partners = {c.subject.partner for c in read(text, "doc.txt").cells}
    assert "سایر کشورها" in partners


def test_month_rows_written_with_mah_are_months(monkeypatch):
    # «فروردین‌ماه»: the month with «ماه» joined to it; 10 + 20 + 30 = 60, 12 + 30 + 20 = 62
    monkeypatch.setenv("CHILE_TRADE_READER", "core")
    text = ("جدول صادرات کیوی ایران (هزار تن)\nماه\t۱۴۰۱\t۱۴۰۲\nفروردین‌ماه\t۱۰\t۱۲\n"
            "اردیبهشت‌ماه\t۲۰\t۳۰\nخرداد‌ماه\t۳۰\t۲۰\nجمع\t۶۰\t۶۲\n")
    assert [v for v in _verdicts(text) if v[2] == "sum"] == [
        (D(60), "exact", "sum"), (D(62), "exact", "sum")]
