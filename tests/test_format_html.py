"""HTML pages are read as blocks: tables as grids with spans expanded, prose as lines,
each located at its element's source line."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from chile_trade.core.blocks import Cell, Grid, Paragraph
from chile_trade.errors import InputError
from chile_trade.io import reading
from chile_trade.io.formats import html as html_format
from chile_trade.io.formats.html import MAX_SPAN, read_html

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "tables"

# One element a line, so each expected line number can be read off this list (1-based).
PAGE = [
    "<!DOCTYPE html>",                                                    # 1
    '<html lang="fa" dir="rtl"><head><meta charset="utf-8">',             # 2
    "<title>عنوان</title><style>p { color: red }</style></head>",         # 3
    "<body>",                                                             # 4
    "<h1>  تجارت   ایران\tو ترکیه </h1>",                                 # 5
    "<p>سطر اول<br>سطر <b>دوم</b></p>",                                   # 6
    "<script>var x = '۱۲';</script><!-- یادداشت -->",                     # 7
    '<table dir="rtl">',                                                  # 8
    "<caption>جدول ۱- صادرات (میلیون دلار)</caption>",                    # 9
    "<thead>",                                                            # 10
    '<tr><th rowspan="2">شرح</th><th colspan="2">سال</th><th>تغییر</th></tr>',  # 11
    "<tr><th>۱۴۰۱</th><th>۱۴۰۲</th></tr>",                               # 12
    "</thead>",                                                           # 13
    "<tfoot><tr><td>جمع</td><td>۳۰</td></tr></tfoot>",                   # 14
    "<tbody>",                                                            # 15
    "<tr><td>صادرات</td><td> ۱٬۲۰۰\t</td><td>۹۸۰</td><td>۱۸٫۴-</td></tr>",  # 16
    "</tbody>",                                                           # 17
    "</table>",                                                           # 18
    "<ul><li>بند یک</li><li>بند دو</li></ul>",                            # 19
    "<div>پیش از پاراگراف<p>درون</p></div>",                              # 20
    "</body></html>",                                                     # 21
]


def write(tmp_path: Path, text: str, name: str = "t.html") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode("utf-8"))
    return path


def texts(grid: Grid) -> list[list[str]]:
    return [[cell.text for cell in row] for row in grid.rows]


def lines(block: Paragraph) -> list[tuple[str, str]]:
    return [(line.span.source, line.text) for line in block.lines]


@pytest.fixture
def page(tmp_path: Path) -> list[Paragraph | Grid]:
    return read_html(write(tmp_path, "\n".join(PAGE)), "t.html")


def test_blocks_come_in_document_order(page):
    assert [type(block).__name__ for block in page] == [
        "Paragraph", "Paragraph", "Grid", "Paragraph", "Paragraph", "Paragraph", "Paragraph"]


def test_prose_is_one_paragraph_an_element_one_line_a_br(page):
    assert lines(page[0]) == [("t.html:5", "تجارت ایران و ترکیه")]
    assert lines(page[1]) == [("t.html:6", "سطر اول"), ("t.html:6", "سطر دوم")]
    assert lines(page[3]) == [("t.html:19", "بند یک")]
    assert lines(page[4]) == [("t.html:19", "بند دو")]
    assert lines(page[5]) == [("t.html:20", "پیش از پاراگراف")]
    assert lines(page[6]) == [("t.html:20", "درون")]


def test_head_script_style_and_comments_are_not_read(page):
    read = " ".join(line.text for block in page if isinstance(block, Paragraph)
                    for line in block.lines)
    for hidden in ("عنوان", "color", "var", "یادداشت"):
        assert hidden not in read


def test_a_table_is_a_grid_with_its_caption_and_spans_expanded(page):
    grid = page[2]
    assert isinstance(grid, Grid)
    assert grid.span.source == "t.html:8"
    assert grid.caption is not None
    assert (grid.caption.text, grid.caption.span.source) == ("جدول ۱- صادرات (میلیون دلار)",
                                                             "t.html:9")
    # thead, then tbody, then tfoot (printed last though written before the body)
    assert texts(grid) == [
        ["شرح", "سال", "سال", "تغییر"],
        ["شرح", "۱۴۰۱", "۱۴۰۲", ""],
        ["صادرات", "۱٬۲۰۰", "۹۸۰", "۱۸٫۴-"],
        ["جمع", "۳۰", "", ""],
    ]
    assert {len(row) for row in grid.rows} == {4}


def test_a_spanning_cell_is_the_same_cell_in_every_slot(page):
    rows = page[2].rows
    assert rows[0][1] is rows[0][2]  # colspan="2"
    assert rows[0][0] is rows[1][0]  # rowspan="2"
    assert rows[1][0].span.source == "t.html:11"


def test_cells_know_their_line_and_header_flag(page):
    rows = page[2].rows
    assert [cell.span.source for cell in rows[1]] == ["t.html:11", "t.html:12", "t.html:12",
                                                      "t.html:12"]
    assert [cell.span.source for cell in rows[2]] == ["t.html:16"] * 4
    assert [cell.span.source for cell in rows[3]] == ["t.html:14"] * 4  # padding: its row's
    assert all(cell.header for cell in rows[0] + rows[1])  # <thead>, padding included
    assert not any(cell.header for cell in rows[2] + rows[3])
    assert rows[2][0].span.column == 0
    assert rows[2][0].span.locator == ""


def test_th_outside_thead_is_a_header_and_short_rows_are_padded(tmp_path):
    path = write(tmp_path, "<table>\n<tr><th>شرح</th><th>۲۰۲۲</th></tr>\n"
                           "<tr><td>صادرات</td></tr>\n"
                           "<tr><td>واردات</td><td>۱</td><td>اضافه</td></tr>\n</table>")
    [grid] = read_html(path, "t.html")
    assert isinstance(grid, Grid)
    assert texts(grid) == [["شرح", "۲۰۲۲", ""], ["صادرات", "", ""], ["واردات", "۱", "اضافه"]]
    assert [cell.header for cell in grid.rows[0]] == [True, True, False]
    assert grid.rows[1][1] == Cell("", grid.rows[1][0].span)


def test_a_rowspan_ends_with_its_row_group(tmp_path):
    path = write(tmp_path, '<table><thead><tr><th rowspan="3">شرح</th><th>۲۰۲۲</th></tr>'
                           "</thead><tbody><tr><td>صادرات</td><td>۵</td></tr></tbody></table>")
    [grid] = read_html(path, "t.html")
    assert isinstance(grid, Grid)
    assert texts(grid) == [["شرح", "۲۰۲۲"], ["صادرات", "۵"]]


def test_cell_text_is_printed_text_with_digits_and_signs_kept(tmp_path):
    path = write(tmp_path, "<table><tr><td>\n  −۸٫۶ <sup>*</sup>\n</td>"
                           "<td>(۱۵۲۸)</td><td>۱۲\u00a0۳۴۵</td><td>الف<br>ب</td>"
                           "<td><p>یک</p><p>دو</p></td></tr></table>")
    [grid] = read_html(path, "t.html")
    assert isinstance(grid, Grid)
    assert texts(grid) == [["−۸٫۶ *", "(۱۵۲۸)", "۱۲\u00a0۳۴۵", "الف ب", "یک دو"]]


def test_a_table_inside_a_table_cell_is_refused_at_its_line(tmp_path):
    path = write(tmp_path, "<p>پیش</p>\n<table><tr><td>بیرون\n\n"
                           "<table><tr><td>درون</td></tr></table></td></tr></table>")
    with pytest.raises(InputError) as info:
        read_html(path, "t.html")
    assert str(info.value) == "t.html:4: a table inside a table cell is not supported"


@pytest.mark.parametrize("value", ["0", "-1", "abc", "2.5", "", str(MAX_SPAN + 1), "99999999"])
def test_a_span_that_is_not_a_small_whole_number_is_refused_at_its_line(tmp_path, value):
    path = write(tmp_path, f'<table>\n<tr><td>۱</td></tr>\n<tr><td colspan="{value}">۲</td>'
                           "</tr></table>")
    with pytest.raises(InputError, match=r"^t\.html:3: colspan=.* is not a whole number from 1 "):
        read_html(path, "t.html")


def test_the_largest_span_is_read(tmp_path):
    path = write(tmp_path, f'<table><tr><td rowspan=" 2 " colspan="{MAX_SPAN}">۱</td></tr>'
                           "</table>")
    [grid] = read_html(path, "t.html")
    assert isinstance(grid, Grid)
    assert len(grid.rows) == 1
    assert len(grid.rows[0]) == MAX_SPAN


def test_spans_that_would_fill_too_many_cells_are_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(html_format, "MAX_GRID_CELLS", 50)
    row = '<tr><td colspan="30">۱</td></tr>'
    path = write(tmp_path, f"<table>\n{row}\n{row}\n</table>")
    with pytest.raises(InputError, match=r"^t\.html:3: the tables fill more than 50 cells"):
        read_html(path, "t.html")


def test_pre_keeps_its_lines_and_spacing(tmp_path):
    path = write(tmp_path, "<pre>\nسال  ۱۴۰۱  ۱۴۰۲\nصادرات  ۵  ۶\n\nپانویس\n</pre>")
    first, second = read_html(path, "t.html")
    assert isinstance(first, Paragraph)
    assert isinstance(second, Paragraph)
    assert lines(first) == [("t.html:2", "سال  ۱۴۰۱  ۱۴۰۲"), ("t.html:3", "صادرات  ۵  ۶")]
    assert lines(second) == [("t.html:5", "پانویس")]


def test_hidden_elements_are_not_read(tmp_path):
    path = write(tmp_path, "<p hidden>پنهان</p><p>پیدا</p>")
    [block] = read_html(path, "t.html")
    assert isinstance(block, Paragraph)
    assert [line.text for line in block.lines] == ["پیدا"]


def test_lines_past_65535_are_counted(tmp_path):
    path = write(tmp_path, "<html><body>" + "\n" * 70_000 + "<p>دور</p>\n"
                 + "\n" * 70_000 + "<table>\n<tr><td>۱</td></tr></table>")
    paragraph, grid = read_html(path, "t.html")
    assert isinstance(paragraph, Paragraph)
    assert isinstance(grid, Grid)
    assert paragraph.lines[0].span.line == 70_001
    assert grid.span.line == 140_002
    assert grid.rows[0][0].span.line == 140_003


def test_the_declared_charset_is_used(tmp_path):
    text = ('<html><head><meta http-equiv="Content-Type" '
            'content="text/html; charset=windows-1256"></head>'
            "<body><p>صادرات 1402</p></body></html>")
    path = tmp_path / "t.html"
    path.write_bytes(text.replace("ی", "ي").encode("cp1256"))
    [block] = read_html(path, "t.html")
    assert isinstance(block, Paragraph)
    assert block.lines[0].text == "صادرات 1402"


def test_bytes_not_in_the_encoding_are_refused_at_their_line(tmp_path):
    path = tmp_path / "t.html"
    path.write_bytes("<p>سطر</p>\n<p>".encode() + "صادرات".encode("cp1256") + b"</p>")
    with pytest.raises(InputError, match=r"^t\.html:2: invalid UTF-8 at byte offset 17"):
        read_html(path, "t.html")


def test_an_unknown_declared_charset_is_refused(tmp_path):
    path = write(tmp_path, '<meta charset="klingon-8"><p>x</p>')
    with pytest.raises(InputError, match=r"^t\.html: the page declares an unknown encoding"):
        read_html(path, "t.html")


def test_a_utf16_page_with_a_byte_order_mark_is_read(tmp_path):
    path = tmp_path / "t.html"
    path.write_bytes("<p>سهم ۱۸٪</p>".encode("utf-16"))
    [block] = read_html(path, "t.html")
    assert isinstance(block, Paragraph)
    assert block.lines[0].text == "سهم ۱۸٪"


def test_an_empty_page_has_no_blocks(tmp_path):
    assert read_html(write(tmp_path, ""), "t.html") == []
    assert read_html(write(tmp_path, "<!-- -->\n"), "t.html") == []


def test_no_entity_is_loaded(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("محرمانه", encoding="utf-8")
    path = write(tmp_path, f'<!DOCTYPE html [<!ENTITY x SYSTEM "{secret.as_uri()}">]>'
                           "<p>&x;</p>")
    read = [line.text for block in read_html(path, "t.html") if isinstance(block, Paragraph)
            for line in block.lines]
    assert not any("محرمانه" in text for text in read)


def test_nesting_past_the_parser_limit_is_refused_not_cut_short(tmp_path):
    path = write(tmp_path, "<div>" * 300 + "x" + "</div>" * 300 + "<p>بعد</p>")
    with pytest.raises(InputError, match=r"^t\.html:1: cannot read the HTML past this point"):
        read_html(path, "t.html")


def test_a_file_over_the_size_limit_is_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(reading, "MAX_FILE_BYTES", 10)
    path = write(tmp_path, "<p>۱۲۳۴۵۶۷۸۹</p>")
    with pytest.raises(InputError, match=r"^t\.html: file is \d+ bytes; the limit is 10$"):
        read_html(path, "t.html")


def test_a_fifo_is_refused_without_waiting_for_a_writer(tmp_path):
    fifo = tmp_path / "t.html"
    os.mkfifo(fifo)
    done = subprocess.run(
        [sys.executable, "-c", "import sys; from pathlib import Path\n"
         "from chile_trade.io.formats.html import read_html\n"
         "try:\n read_html(Path(sys.argv[1]), 't.html')\nexcept Exception as e:\n print(e)",
         str(fifo)],
        capture_output=True, text=True, timeout=60, check=False)
    assert done.stdout == ("t.html: this is a FIFO (named pipe), not a regular file; "
                           "give it as a file\n")


def test_without_lxml_the_error_names_the_extra(tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "lxml.etree", None)
    path = write(tmp_path, "<p>x</p>")
    with pytest.raises(InputError, match=r"^t\.html: .*'html' support: pip install "
                                         r"'chile_trade\[html\]'"):
        read_html(path, "t.html")


@pytest.fixture
def corpus() -> Path:
    if not (CORPUS / "t14_table.html").is_file():
        pytest.skip(f"the tables corpus is not in {CORPUS}")
    return CORPUS


def test_the_corpus_page_t14(corpus):
    blocks = read_html(corpus / "t14_table.html", "t14_table.html")
    assert [type(block).__name__ for block in blocks] == [
        "Paragraph", "Paragraph", "Grid", "Paragraph"]
    heading, before, grid, after = blocks
    assert isinstance(heading, Paragraph)
    assert isinstance(before, Paragraph)
    assert isinstance(grid, Grid)
    assert isinstance(after, Paragraph)
    assert lines(heading) == [("t14_table.html:8", "تجارت ایران و ترکیه در چهار سال اخیر")]
    assert before.lines[0].span.source == "t14_table.html:9"
    assert before.lines[0].text.startswith("حجم مبادلات تجاری ایران و ترکیه در سال ۱۴۰۲ به ۶٬۰۱۰")
    assert after.lines[0].span.source == "t14_table.html:22"
    assert grid.span.source == "t14_table.html:10"
    assert grid.caption is not None
    assert grid.caption.text == "جدول ۱۴- تجارت ایران و ترکیه (میلیون دلار)"
    assert texts(grid) == [
        ["شرح", "سال", "سال", "سال", "سال", "درصد تغییر ۱۴۰۲ نسبت به ۱۴۰۱"],
        ["شرح", "۱۳۹۹", "۱۴۰۰", "۱۴۰۱", "۱۴۰۲", "درصد تغییر ۱۴۰۲ نسبت به ۱۴۰۱"],
        ["صادرات", "۲٬۲۴۰", "۲٬۶۸۵", "۲٬۹۱۰", "۲٬۵۹۰", "۱۱-"],
        ["واردات", "۲٬۸۴۰", "۳٬۱۲۰", "۳٬۲۸۰", "۳٬۴۲۰", "۴٫۳"],
        ["تراز", "-۶۰۰", "-۴۳۵", "-۳۷۰", "-۸۳۰", "-"],
    ]
    headers = [[cell.header for cell in row] for row in grid.rows]
    assert headers == [[True] * 6] * 2 + [[False] * 6] * 3
    assert [row[1].span.source for row in grid.rows] == [
        "t14_table.html:13", "t14_table.html:14", "t14_table.html:17", "t14_table.html:18",
        "t14_table.html:19"]
