"""PDFs are read from their text layer, put back in reading order by the glyphs'
positions: Persian words and numbers in logical order, digits as printed, tables
as grids, each line located as ``file:pageP:lineK``; scans, damaged and
encrypted files are refused."""

from __future__ import annotations

import ctypes
import json
import sys
import unicodedata
from collections.abc import Sequence
from pathlib import Path

import arabic_reshaper
import matplotlib
import numpy as np
import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_raw
import pytest
from bidi import get_display
from hypothesis import given, settings
from hypothesis import strategies as st
from matplotlib.figure import Figure

from chile_trade.core.blocks import Block, Grid, Paragraph
from chile_trade.errors import InputError
from chile_trade.io import reading
from chile_trade.io.formats import pdf as pdf_format
from chile_trade.io.formats.pdf import (
    NO_TEXT_LAYER,
    fold_presentation_forms,
    read_pdf,
    visual_to_logical,
)

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "tables"
FONT = Path(matplotlib.get_data_path()) / "fonts" / "ttf" / "DejaVuSans.ttf"
SIZE = 12.0
RIGHT = 560.0  # the right margin of the generated pages

# A generated page: what each line says, in logical order, as a reader reads it.
TITLE = "جدول ۳- صادرات شیلی به ایتالیا (میلیون دلار، فوب)"
HEADER = ["شرح", "۲۰۲۱", "۲۰۲۲", "درصد تغییر"]
ROWS = [["صادرات", "۱٬۲۷۶", "۱۴۱۲٫۵", "۱۰٫۷"], ["واردات", "۶۹۰", "۷۲۱", "۴٫۵-"]]
PROSE = ["صادرات شیلی به ایتالیا در سال ۲۰۲۲ نسبت به سال قبل ۱۰٫۷ درصد افزایش یافت و",
         "واردات به ۷۲۱ میلیون دلار (۴٫۵ درصد کاهش) رسید."]
PAGE_TWO = "سهم شیلی در سال ۱۴۰۱/۱۴۰۰ برابر ۱۸٫۵٪ بود."
COLUMNS = [RIGHT, 470.0, 400.0, 330.0]  # the right edge of each column, first column first


# ----------------------------------------------------------------- making PDFs ----------------
Run = tuple[float, float, str]  # a right edge, a baseline and the characters drawn, left to right


def make_pdf(path: Path, pages: Sequence[Sequence[Run]], *, quarter_turn: bool = False) -> Path:
    """A PDF whose pages draw each run's characters left to right, in the order given,
    ending at the run's right edge: the text layer holds exactly what is drawn, where
    it is drawn. ``quarter_turn`` turns every page's text a quarter turn."""
    document = pdfium.PdfDocument.new()
    data = FONT.read_bytes()
    buffer = (ctypes.c_uint8 * len(data)).from_buffer_copy(data)
    font = pdfium_raw.FPDFText_LoadFont(document.raw, buffer, len(data),
                                        pdfium_raw.FPDF_FONT_TRUETYPE, 1)
    try:
        for runs in pages:
            page = document.new_page(612, 792)
            for right, baseline, text in runs:
                item = pdfium_raw.FPDFPageObj_CreateTextObj(document.raw, font, SIZE)
                chars = ctypes.create_string_buffer((text + "\0").encode("utf-16-le"))
                pdfium_raw.FPDFText_SetText(item, ctypes.cast(chars, pdfium_raw.FPDF_WIDESTRING))
                left, top = ctypes.c_float(), ctypes.c_float()
                end, bottom = ctypes.c_float(), ctypes.c_float()
                pdfium_raw.FPDFPageObj_GetBounds(item, left, bottom, end, top)
                pdfium_raw.FPDFPageObj_Transform(item, 1, 0, 0, 1,
                                                 right - (end.value - left.value), baseline)
                if quarter_turn:
                    pdfium_raw.FPDFPageObj_Transform(item, 0, 1, -1, 0, 700, 0)
                pdfium_raw.FPDFPage_InsertObject(page.raw, item)
            pdfium_raw.FPDFPage_GenerateContent(page.raw)
            page.close()
        document.save(path)
    finally:
        pdfium_raw.FPDFFont_Close(font)
        document.close()
    return path


def drawn(text: str) -> str:
    """A right-to-left line's characters in the order they are drawn, left to right
    (python-bidi's UAX #9, brackets mirrored), as a text layer in visual order has them."""
    return str(get_display(text, base_dir="R"))


def report_runs() -> list[list[Run]]:
    first = [(RIGHT, 750.0, drawn(TITLE))]
    for k, row in enumerate([HEADER, *ROWS]):
        first += [(edge, 720.0 - 20 * k, drawn(cell)) for edge, cell in zip(COLUMNS, row,
                                                                               strict=True)]
    first += [(RIGHT, 640.0 - 16 * k, drawn(line)) for k, line in enumerate(PROSE)]
    return [first, [(RIGHT, 750.0, drawn(PAGE_TWO))]]


def texts(block: Block) -> list[str] | list[list[str]]:
    if isinstance(block, Grid):
        return [[cell.text for cell in row] for row in block.rows]
    return [line.text for line in block.lines]


@pytest.fixture
def report(tmp_path: Path) -> Path:
    return make_pdf(tmp_path / "report.pdf", report_runs())


# ----------------------------------------------------------------- the corpus document -------
@pytest.fixture(scope="module")
def t17() -> list[Block]:
    path = CORPUS / "t17_table.pdf"
    if not path.is_file():
        pytest.skip(f"the tables corpus is not in {CORPUS}")
    return read_pdf(path, "t17_table.pdf")


def test_t17_title_reads_in_logical_order_with_its_number_as_printed(t17):
    # Its text layer has "جدول -۱۷ تجارت یلیش و ایلاتیا) میلیون دلار، فوب(".
    title = t17[0]
    assert isinstance(title, Paragraph)
    assert [line.text for line in title.lines] == [
        "جدول ۱۷- تجارت شیلی و ایتالیا (میلیون دلار، فوب)"]
    assert title.lines[0].text.startswith("جدول ۱۷")


def test_t17_table_is_a_grid_read_right_to_left(t17):
    grid = t17[1]
    assert isinstance(grid, Grid)
    assert texts(grid) == [
        ["شرح", "۲۰۱۹", "۲۰۲۰", "۲۰۲۱", "۲۰۲۲", "درصد تغییر ۲۰۲۲"],
        ["صادرات", "۱۱۳۴", "۹۸۷", "۱۲۷۶", "۱۴۱۲", "۱۰٫۷"],
        ["واردات", "۶۱۲", "۵۴۸", "۶۹۰", "۷۲۱", "۵٫۴"],
    ]
    assert [row[0].span.source for row in grid.rows] == [
        "t17_table.pdf:page1:line2", "t17_table.pdf:page1:line3", "t17_table.pdf:page1:line4"]
    assert grid.span == grid.rows[0][0].span


def test_t17_sentence_reads_in_logical_order(t17):
    sentence = t17[2]
    assert isinstance(sentence, Paragraph)
    assert [line.text for line in sentence.lines] == [
        "صادرات شیلی به ایتالیا در سال ۲۰۲۰ نسبت به سال قبل ۱۳ درصد کاهش یافت."]
    span = sentence.lines[0].span
    assert (span.file, span.line, span.column, span.locator) == (
        "t17_table.pdf", 5, 0, "page1:line5")
    assert len(t17) == 3


# ----------------------------------------------------------------- generated documents -------
def test_a_text_layer_in_visual_order_reads_as_blocks_in_logical_order(report):
    blocks = read_pdf(report, "report.pdf")
    assert [type(block) for block in blocks] == [Paragraph, Grid, Paragraph, Paragraph]
    assert texts(blocks[0]) == [TITLE]
    assert texts(blocks[1]) == [HEADER, *ROWS]
    assert texts(blocks[2]) == PROSE
    assert texts(blocks[3]) == [PAGE_TWO]


def test_every_line_is_located_by_page_and_line_and_numbered_through_the_document(report):
    blocks = read_pdf(report, "report.pdf")
    spans = [blocks[0].lines[0].span, *(row[0].span for row in blocks[1].rows),
             *(line.span for line in blocks[2].lines), blocks[3].lines[0].span]
    assert [(span.line, span.locator) for span in spans] == [
        (1, "page1:line1"), (2, "page1:line2"), (3, "page1:line3"), (4, "page1:line4"),
        (5, "page1:line5"), (6, "page1:line6"), (7, "page2:line1")]
    assert all(span.file == "report.pdf" and span.column == 0 for span in spans)
    assert spans[-1].source == "report.pdf:page2:line1"


def test_text_turned_a_quarter_turn_reads_as_if_upright(tmp_path):
    path = make_pdf(tmp_path / "landscape.pdf", report_runs(), quarter_turn=True)
    blocks = read_pdf(path, "landscape.pdf")
    assert [texts(block) for block in blocks] == [[TITLE], [HEADER, *ROWS], PROSE, [PAGE_TWO]]


def test_shaped_text_drawn_in_visual_order_reads_as_plain_letters(tmp_path):
    # How older producers write Persian: letters shaped to presentation forms (the
    # lam-alef a ligature) and put in visual order before they are drawn.
    lines = ["جدول ۱۲- صادرات کالا به شیلی (میلیون دلار، فوب)",
             "سهم لاستیک ۱۸٫۵٪ و الکل ۳ درصد کاهش یافت."]
    runs = [(RIGHT, 700.0 - 16 * k, drawn(arabic_reshaper.reshape(line)))
            for k, line in enumerate(lines)]
    assert any("\ufb50" <= ch <= "\ufeff" for _, _, text in runs for ch in text)
    blocks = read_pdf(make_pdf(tmp_path / "shaped.pdf", [runs]), "shaped.pdf")
    assert [texts(block) for block in blocks] == [lines]


def test_cells_without_a_column_of_their_own_are_left_empty_and_isolated_wide_gaps_kept(
        tmp_path):
    page = [(RIGHT, 720.0, drawn("شرح")), (400.0, 720.0, drawn("۲۰۲۲")),
            (RIGHT, 700.0, drawn("صادرات")), (470.0, 700.0, drawn("۹۸۷")),
            (400.0, 700.0, drawn("۱۴۱۲")),
            (RIGHT, 600.0, drawn("منبع:")), (470.0, 600.0, drawn("گمرک"))]
    blocks = read_pdf(make_pdf(tmp_path / "gaps.pdf", [page]), "gaps.pdf")
    assert texts(blocks[0]) == [["شرح", "", "۲۰۲۲"], ["صادرات", "۹۸۷", "۱۴۱۲"]]
    assert texts(blocks[1]) == ["منبع:\tگمرک"]


def test_header_cells_over_several_columns_or_rows_are_repeated_and_tables_kept_apart(
        tmp_path):
    edges = [RIGHT, 470.0, 430.0, 330.0]
    page = [(465.0, 720.0, drawn("سال میلادی")),  # over the two year columns
            (edges[0], 710.0, drawn("شرح")), (edges[3], 710.0, drawn("تغییر")),  # two rows high
            (edges[1], 700.0, drawn("۱۴۰۰")), (edges[2], 700.0, drawn("۱۴۰۱"))]
    for k, row in enumerate([["صادرات", "۱۲", "۱۳", "۸٫۳"], ["واردات", "۵", "۶", "۲۰"]]):
        page += [(edge, 680.0 - 20 * k, drawn(cell)) for edge, cell in zip(edges, row,
                                                                             strict=True)]
    # Another table a little further down: not more rows of the first.
    page += [(edges[0], 620.0, drawn("الف")), (edges[1], 620.0, drawn("۱")),
             (edges[0], 600.0, drawn("ب")), (edges[1], 600.0, drawn("۲"))]
    blocks = read_pdf(make_pdf(tmp_path / "headers.pdf", [page]), "headers.pdf")
    assert [texts(block) for block in blocks] == [
        [["شرح", "سال میلادی", "سال میلادی", "تغییر"], ["شرح", "۱۴۰۰", "۱۴۰۱", "تغییر"],
         ["صادرات", "۱۲", "۱۳", "۸٫۳"], ["واردات", "۵", "۶", "۲۰"]],
        [["الف", "۱"], ["ب", "۲"]],
    ]
    first = blocks[0]
    assert isinstance(first, Grid)
    assert first.span.locator == "page1:line1"
    assert first.rows[1][0].span.locator == "page1:line2"  # where شرح is printed


def test_a_number_whose_digits_cannot_be_put_in_printed_order_is_refused(report, monkeypatch):
    # A reordering that loses the numbers' runs would print ۲۲۰۲ for ۲۰۲۲: refused.
    monkeypatch.setattr(pdf_format, "_reorder", lambda levels: list(range(len(levels)))[::-1])
    with pytest.raises(InputError, match=r"^report\.pdf:page1:line2: the digits of the number "
                                         r"'۲۲۰۲' could not be put in their printed order"):
        read_pdf(report, "report.pdf")


def test_text_drawn_backwards_is_refused_not_read_as_reversed_words(tmp_path):
    # A producer that draws Persian left to right in logical order: read by position,
    # the words come out backwards (لودج, تارداص), which the reader will not return.
    line = "جدول صادرات و واردات سال ۱۴۰۲ (میلیون دلار)"
    path = make_pdf(tmp_path / "backwards.pdf", [[(RIGHT, 700.0, line)]])
    with pytest.raises(InputError, match="could not be put in reading order"):
        read_pdf(path, "backwards.pdf")


# ----------------------------------------------------------------- refusals ------------------
def image_only_pdf(path: Path) -> Path:
    figure = Figure(figsize=(2, 2))
    figure.figimage(np.random.default_rng(0).random((50, 50)))
    figure.savefig(path, format="pdf")
    return path


def blank_pdf(path: Path) -> Path:
    document = pdfium.PdfDocument.new()
    try:
        document.new_page(612, 792).close()
        document.save(path)
    finally:
        document.close()
    return path


@pytest.mark.parametrize("make", [image_only_pdf, blank_pdf])
def test_a_pdf_without_a_text_layer_is_refused_as_needing_ocr(tmp_path, make):
    path = make(tmp_path / "scan.pdf")
    with pytest.raises(InputError) as caught:
        read_pdf(path, "scan.pdf")
    assert str(caught.value) == f"scan.pdf: {NO_TEXT_LAYER}"
    assert "OCR is not supported" in NO_TEXT_LAYER


@pytest.mark.parametrize("data", [b"", b"%PDF-1.7\n\x00\x01 not a pdf at all", b"<html></html>"])
def test_a_damaged_pdf_or_another_kind_of_file_is_refused(tmp_path, data):
    path = tmp_path / "bad.pdf"
    path.write_bytes(data)
    with pytest.raises(InputError, match=r"^bad\.pdf: not a readable PDF"):
        read_pdf(path, "bad.pdf")


def encrypted_pdf() -> bytes:
    """A one-page PDF encrypted with a user password (the standard security handler)."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>",
        b"<< /Filter /Standard /V 1 /R 2 /O <" + b"11" * 32 + b"> /U <" + b"22" * 32
        + b"> /P -4 >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += (b"trailer\n<< /Size %d /Root 1 0 R /Encrypt 4 0 R /ID [<%s> <%s>] >>\n"
            b"startxref\n%d\n%%%%EOF\n" % (len(objects) + 1, b"ab" * 16, b"ab" * 16, xref))
    return bytes(out)


def test_an_encrypted_pdf_is_refused_with_the_reason(tmp_path):
    path = tmp_path / "locked.pdf"
    path.write_bytes(encrypted_pdf())
    with pytest.raises(InputError, match=r"^locked\.pdf: the PDF is encrypted"):
        read_pdf(path, "locked.pdf")


def test_a_file_over_the_size_limit_is_refused_before_it_is_parsed(report, monkeypatch):
    monkeypatch.setattr(reading, "MAX_FILE_BYTES", 100)
    with pytest.raises(InputError, match=r"^report\.pdf: file is [\d,]+ bytes; the limit is 100"):
        read_pdf(report, "report.pdf")


def test_a_folder_is_refused(tmp_path):
    with pytest.raises(InputError, match="a folder, not a regular file"):
        read_pdf(tmp_path, "folder.pdf")


def test_a_pdf_over_the_character_or_page_limit_is_refused(report, monkeypatch):
    monkeypatch.setattr(pdf_format, "MAX_PDF_CHARS", 100)
    with pytest.raises(InputError, match="holds over 100 characters, the limit"):
        read_pdf(report, "report.pdf")
    monkeypatch.setattr(pdf_format, "MAX_PDF_PAGES", 1)
    with pytest.raises(InputError, match="the PDF has 2 pages; the limit is 1"):
        read_pdf(report, "report.pdf")


def test_the_document_is_closed_whether_it_is_read_or_refused(report, monkeypatch):
    opened: list[pdfium.PdfDocument] = []

    class Recorded(pdfium.PdfDocument):
        def __init__(self, *args: object, **kwargs: object):
            super().__init__(*args, **kwargs)
            opened.append(self)

    monkeypatch.setattr(pdfium, "PdfDocument", Recorded)
    read_pdf(report, "report.pdf")
    monkeypatch.setattr(pdf_format, "_reorder", lambda levels: list(range(len(levels)))[::-1])
    with pytest.raises(InputError):
        read_pdf(report, "report.pdf")
    assert len(opened) == 2
    assert all(document.raw is None for document in opened)


def test_without_pypdfium2_the_error_names_the_pdf_extra(report, monkeypatch):
    monkeypatch.setitem(sys.modules, "pypdfium2", None)
    with pytest.raises(InputError) as caught:
        read_pdf(report, "report.pdf")
    assert "'pdf'" in str(caught.value)
    assert "chile_trade[pdf]" in str(caught.value)


# ----------------------------------------------------------------- the repairs ---------------
def test_presentation_forms_become_letters_and_nothing_else_changes():
    forms = "\ufe9f\ufeaa\ufeed\ufedd \ufee3\ufbff\ufee0\ufbff\ufeee\ufee5 \ufea9\ufefb\ufead"
    assert fold_presentation_forms(forms) == "جدول میلیون دلار"
    assert fold_presentation_forms("\ufeff\ufb8f\ufbfd") == "کی"  # keheh, farsi yeh; BOM gone
    plain = "۰۱۲۳۴۵۶۷۸۹ ٠١٢٣٤٥٦٧٨٩ ۱۲٫۵ ۱٬۲۰۰ ٪ ك ي گ \u200c 12.5"
    assert fold_presentation_forms(plain) == plain  # digits and separators untouched
    persian_digits = "".join(chr(c) for c in range(0x06F0, 0x06FA))
    assert unicodedata.normalize("NFKC", persian_digits) == persian_digits


@pytest.mark.parametrize(("visual", "logical"), [
    ("تادراو و تارداص", "صادرات و واردات"),  # a reversed word list
    ("۲۰۲۲ رییغت دصرد", "درصد تغییر ۲۰۲۲"),
    ("-۱۷ لودج", "جدول ۱۷-"),
    (")بوف ،رالد نویلیم( ۱۴۰۲ لاس", "سال ۱۴۰۲ (میلیون دلار، فوب)"),
    (".دوب ٪۱۸٫۵ مهس", "سهم ۱۸٫۵٪ بود."),
    ("۱۴۰۲/۱۴۰۱ هرود", "دوره ۱۴۰۲/۱۴۰۱"),
    ("-۸٫۷", "۸٫۷-"),
    ("۸٫۶−", "−۸٫۶"),
    ("دوب FOB Value شزرا", "ارزش FOB Value بود"),
])
def test_visual_order_to_logical(visual, logical):
    assert visual_to_logical(visual) == logical


def test_a_left_to_right_line_keeps_its_order_and_turns_its_persian_back():
    assert visual_to_logical("Exports to یلیش rose 12%", rtl=False) == "Exports to شیلی rose 12%"


_WORD = st.sampled_from(["صادرات", "واردات", "سال", "درصد", "میلیون", "دلار", "تغییر", "نسبت",
                         "به", "و", "شیلی", "کاهش", "فوب،", "یافت"])
_DIGITS = st.text("۰۱۲۳۴۵۶۷۸۹", min_size=1, max_size=4)
_NUMBER = st.one_of(
    _DIGITS,
    st.builds("{}٫{}".format, _DIGITS, _DIGITS),
    st.builds("{}٬{}".format, _DIGITS, st.text("۰۱۲۳۴۵۶۷۸۹", min_size=3, max_size=3)),
    st.builds("{}/{}".format, _DIGITS, _DIGITS),
    st.builds("{}-{}".format, _DIGITS, _DIGITS),
    st.builds("{}٪".format, _DIGITS),
    st.builds("{}-".format, _DIGITS),
    st.builds("−{}".format, _DIGITS),
)
# Latin words are followed by a Persian word: "FOB ۱۲" and "۱۲ FOB" draw alike.
_LATIN = st.builds("{} {}".format, st.sampled_from(["FOB", "CIF value", "in 2022",
                                                    "rose 4.5% in 2022"]), _WORD)
_ATOM = st.one_of(_WORD, _WORD, _NUMBER, _LATIN)
_GROUP = st.one_of(_ATOM, st.builds(lambda items: f"({' '.join(items)})",
                                    st.lists(_ATOM, min_size=1, max_size=3)))
_SENTENCE = st.builds(lambda first, rest, end: " ".join([first, *rest]) + end,
                      _WORD, st.lists(_GROUP, max_size=8), st.sampled_from(["", ".", ":"]))


@settings(max_examples=300, deadline=None)
@given(_SENTENCE)
def test_undoing_the_bidi_algorithm_gives_back_the_sentence(sentence):
    # python-bidi (UAX #9) draws the sentence; reading the drawing back gives it again.
    assert visual_to_logical(drawn(sentence), rtl=True) == sentence


def glyphs(*placed: tuple[str, float]) -> list[pdf_format._Glyph]:
    return [pdf_format._Glyph(text, x, x + 5, 0.0, 10.0, 0, k)
            for k, (text, x) in enumerate(placed)]


def test_the_digit_check_finds_a_number_read_against_its_printing():
    assert pdf_format._disordered_number(glyphs(("۱", 0), ("۲", 5), ("٫", 10), ("۵", 15))) is None
    assert pdf_format._disordered_number(glyphs(("۲", 5), ("۱", 0))) == "۲۱"
    # Two numbers side by side in right-to-left order are two numbers, not one reversed.
    assert pdf_format._disordered_number(
        glyphs(("۲", 40), ("۰", 45), (" ", 50), ("۱", 0), ("۹", 5))) is None


def test_a_table_that_cannot_be_read_is_a_located_error_or_with_keep_going_skipped(
        tmp_path, capsys):
    from chile_trade.cli import main  # noqa: PLC0415  the command a user runs

    first = [(RIGHT, 750.0, drawn(TITLE))]
    rows = [HEADER, ["صادرات", "۱۲o", "۱۴۱۲٫۵", "۱۰٫۷"]]
    for k, row in enumerate(rows):
        first += [(edge, 720.0 - 20 * k, drawn(cell))
                  for edge, cell in zip(COLUMNS, row, strict=True)]
    first += [(RIGHT, 640.0 - 16 * k, drawn(line)) for k, line in enumerate(PROSE)]
    path = make_pdf(tmp_path / "bad.pdf", [first])
    assert main(["verify", "--format", "json", str(path)]) == 2
    err = capsys.readouterr().err
    # Line 1 is the title, line 2 the header, line 3 the row with the bad cell.
    assert err.startswith(f"{path}:page1:line3: unparsable number '۱۲o'"), err
    assert main(["verify", "--format", "json", "--keep-going", str(path)]) == 3
    captured = capsys.readouterr()
    assert captured.err == f"{path}:page1:line3: unparsable number '۱۲o' (skipped)\n"
    # The sentences after the table are still read: 10.7 % and 4.5 % are stated there.
    assert {abs(r["stated"]) for r in json.loads(captured.out)} >= {10.7, 4.5}


def test_tables_rows_carry_calendar_unit_and_page_and_line(report, capsys):
    from chile_trade.cli import main  # noqa: PLC0415  the command a user runs

    assert main(["tables", "--format", "json", str(report)]) == 0
    rows = json.loads(capsys.readouterr().out)
    # ROWS: exports 1276 and 1412.5 on the page's third line, imports 690 and 721 on its
    # fourth; the title's unit (million dollars) and Gregorian years.
    assert [(r["flow"], r["year"], r["value_text"], r["calendar"], r["unit"], r["source"])
            for r in rows] == [
        ("export", 2021, "1276", "gregorian", "million USD", f"{report}:page1:line3"),
        ("export", 2022, "1412.5", "gregorian", "million USD", f"{report}:page1:line3"),
        ("import", 2021, "690", "gregorian", "million USD", f"{report}:page1:line4"),
        ("import", 2022, "721", "gregorian", "million USD", f"{report}:page1:line4")]
