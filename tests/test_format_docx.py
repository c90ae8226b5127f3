"""Word documents are read as blocks: body paragraphs and tables in document order,
merged cells repeated, each piece located by paragraph or table row."""

from __future__ import annotations

import io
import sys
import zipfile
from pathlib import Path

import docx
import pytest
from docx.enum.table import WD_TABLE_DIRECTION
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn

from chile_trade.core.blocks import Grid, Paragraph
from chile_trade.errors import InputError
from chile_trade.io import reading
from chile_trade.io.formats import docx as docx_format
from chile_trade.io.formats.docx import read_docx

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "tables"
TITLE = "جدول ۱- تجارت شیلی و اسپانیا (میلیون دلار)"


def mark_header(row) -> None:
    row._tr.get_or_add_trPr().append(OxmlElement("w:tblHeader"))


def build(path: Path, *, header_rows: bool = True) -> Path:
    """A title, an empty paragraph, a right-to-left table with a header cell merged
    across three columns and one merged down two rows, then a paragraph of two lines."""
    document = docx.Document()
    document.add_paragraph(TITLE)
    document.add_paragraph("")
    table = document.add_table(rows=3, cols=4)
    table.table_direction = WD_TABLE_DIRECTION.RTL
    table.cell(0, 1).merge(table.cell(0, 3)).text = "سال"
    table.cell(0, 0).merge(table.cell(1, 0)).text = "شرح"
    for column, text in enumerate(["۲۰۲۱", "۲۰۲۲", "۲۰۲۳"], start=1):
        table.cell(1, column).text = text
    for column, text in enumerate(["صادرات", "۱۴۲۵", "  ۱۲۶۰ ", "۸٫۵-"]):
        table.cell(2, column).text = text
    if header_rows:
        mark_header(table.rows[0])
        mark_header(table.rows[1])
    after = document.add_paragraph("کسری تجاری ۴۵٫۴ درصد افزایش یافت.")
    after.add_run().add_break()
    after.add_run("سهم اسپانیا ۱۲ درصد بود.")
    document.save(str(path))
    return path


def texts(grid: Grid) -> list[list[str]]:
    return [[cell.text for cell in row] for row in grid.rows]


@pytest.fixture
def blocks(tmp_path: Path) -> list[Paragraph | Grid]:
    return read_docx(build(tmp_path / "t.docx"), "t.docx")


def test_paragraphs_and_tables_come_in_document_order(blocks):
    assert [type(block).__name__ for block in blocks] == ["Paragraph", "Grid", "Paragraph"]
    first, grid, last = blocks
    assert isinstance(first, Paragraph)
    assert isinstance(grid, Grid)
    assert isinstance(last, Paragraph)
    # paragraphs 1 and 2 (empty, not a block), rows 3 to 5, then paragraph 3
    assert [first.lines[0].span.line, grid.span.line, last.lines[0].span.line] == [1, 3, 6]


def test_a_paragraph_is_located_by_its_number_in_the_body(blocks):
    first, _, last = blocks
    assert [(line.span.source, line.text) for line in first.lines] == [("t.docx:paragraph1", TITLE)]
    assert [(line.span.source, line.text) for line in last.lines] == [
        ("t.docx:paragraph3", "کسری تجاری ۴۵٫۴ درصد افزایش یافت."),
        ("t.docx:paragraph3", "سهم اسپانیا ۱۲ درصد بود."),
    ]


def test_a_table_is_a_grid_with_merged_cells_repeated(blocks):
    grid = blocks[1]
    assert grid.span.source == "t.docx:table1"
    assert texts(grid) == [
        ["شرح", "سال", "سال", "سال"],
        ["شرح", "۲۰۲۱", "۲۰۲۲", "۲۰۲۳"],
        ["صادرات", "۱۴۲۵", "۱۲۶۰", "۸٫۵-"],
    ]
    rows = grid.rows
    assert {len(row) for row in rows} == {4}
    assert rows[0][1] is rows[0][2] is rows[0][3]
    assert rows[0][0] is rows[1][0]


def test_cells_are_located_by_table_row_and_column(blocks):
    rows = blocks[1].rows
    assert [cell.span.source for cell in rows[1]] == ["t.docx:table1:row1"] + [
        "t.docx:table1:row2"] * 3
    assert [(cell.span.line, cell.span.column) for cell in rows[1]] == [(3, 1), (4, 2), (4, 3),
                                                                         (4, 4)]
    assert rows[0][3].span.column == 2  # where the merged cell starts
    assert [cell.span.source for cell in rows[2]] == ["t.docx:table1:row3"] * 4


def test_rows_marked_as_header_rows_hold_headers(blocks, tmp_path):
    assert [[cell.header for cell in row] for row in blocks[1].rows] == [
        [True] * 4, [True] * 4, [False] * 4]
    unmarked = read_docx(build(tmp_path / "u.docx", header_rows=False), "u.docx")[1]
    assert isinstance(unmarked, Grid)
    assert not any(cell.header for row in unmarked.rows for cell in row)


def test_short_rows_are_padded(tmp_path):
    document = docx.Document()
    table = document.add_table(rows=2, cols=3)
    table.cell(0, 0).text = "شرح"
    table.cell(1, 0).text = "۵"
    row = table.rows[1]._tr
    for cell in row.tc_lst[1:]:  # a row that ends early
        row.remove(cell)
    gap = OxmlElement("w:gridBefore", attrs={qn("w:val"): "1"})
    row.get_or_add_trPr().append(gap)  # and starts late
    document.save(str(tmp_path / "t.docx"))
    [grid] = read_docx(tmp_path / "t.docx", "t.docx")
    assert isinstance(grid, Grid)
    assert texts(grid) == [["شرح", "", ""], ["", "۵", ""]]
    assert grid.rows[1][0] is grid.rows[1][2]
    assert (grid.rows[1][0].span.source, grid.rows[1][0].span.column) == ("t.docx:table1:row2", 0)
    assert grid.rows[1][1].span.column == 2


def test_printed_text_of_runs_insertions_links_and_content_controls(tmp_path):
    document = docx.Document()
    body = document.element.body
    paragraph = parse_xml(
        f"<w:p {nsdecls('w', 'r')}><w:r><w:t xml:space='preserve'>صادرات </w:t></w:r>"
        "<w:ins w:id='1' w:author='a'><w:r><w:t>۱۲</w:t></w:r></w:ins>"
        "<w:del w:id='2' w:author='a'><w:r><w:delText>۱۳</w:delText></w:r></w:del>"
        "<w:r><w:rPr><w:vanish/></w:rPr><w:t>پنهان</w:t></w:r>"
        "<w:hyperlink r:id='rId99'><w:r><w:t>٪</w:t></w:r></w:hyperlink>"
        "<w:r><w:tab/><w:t>درصد</w:t></w:r></w:p>")
    control = parse_xml(f"<w:sdt {nsdecls('w')}><w:sdtContent><w:p><w:r><w:t>درون کنترل</w:t>"
                        "</w:r></w:p></w:sdtContent></w:sdt>")
    body.insert(0, control)
    body.insert(0, paragraph)
    document.save(str(tmp_path / "t.docx"))
    first, second = read_docx(tmp_path / "t.docx", "t.docx")
    assert isinstance(first, Paragraph)
    assert isinstance(second, Paragraph)
    assert first.lines[0].text == "صادرات ۱۲٪\tدرصد"
    assert (second.lines[0].span.source, second.lines[0].text) == ("t.docx:paragraph2",
                                                                   "درون کنترل")


def test_a_table_inside_a_table_cell_is_refused_at_its_row(tmp_path):
    document = docx.Document()
    table = document.add_table(rows=2, cols=2)
    table.cell(1, 1).add_table(rows=1, cols=1)
    document.save(str(tmp_path / "t.docx"))
    with pytest.raises(InputError) as info:
        read_docx(tmp_path / "t.docx", "t.docx")
    assert str(info.value) == "t.docx:table1:row2: a table inside a table cell is not supported"


@pytest.mark.parametrize("value", ["abc", "0", "5000", "-2"])
def test_a_bad_grid_span_is_refused_at_its_row(tmp_path, value):
    document = docx.Document()
    document.add_paragraph("پیش")
    document.add_table(rows=1, cols=1)
    table = document.add_table(rows=2, cols=2)
    span = OxmlElement("w:gridSpan", attrs={qn("w:val"): value})
    table.cell(1, 0)._tc.get_or_add_tcPr().append(span)
    document.save(str(tmp_path / "t.docx"))
    with pytest.raises(InputError, match=r"^t\.docx:table2:row2: w:gridSpan .* is not a whole"):
        read_docx(tmp_path / "t.docx", "t.docx")


def rezip(source: Path, target: Path, change) -> Path:
    with zipfile.ZipFile(source) as original, zipfile.ZipFile(target, "w") as copy:
        for item in original.infolist():
            data = change(item.filename, original.read(item.filename))
            if data is not None:
                copy.writestr(item, data)
    return target


def test_a_file_that_is_not_a_zip_archive_is_refused(tmp_path):
    path = tmp_path / "t.docx"
    path.write_bytes("گزارش".encode())
    with pytest.raises(InputError) as info:
        read_docx(path, "t.docx")
    assert str(info.value) == "t.docx: not a Word (.docx) file: it is not a ZIP archive"


def test_a_truncated_docx_is_refused(tmp_path):
    data = build(tmp_path / "whole.docx").read_bytes()
    path = tmp_path / "t.docx"
    path.write_bytes(data[: len(data) // 2])
    with pytest.raises(InputError, match=r"^t\.docx: not a Word \(\.docx\) file"):
        read_docx(path, "t.docx")


def test_a_docx_with_broken_xml_is_refused(tmp_path):
    whole = build(tmp_path / "whole.docx")
    path = rezip(whole, tmp_path / "t.docx",
                 lambda name, data: data[:300] if name == "word/document.xml" else data)
    with pytest.raises(InputError, match=r"^t\.docx: not a readable Word \(\.docx\) file: "):
        read_docx(path, "t.docx")


def test_a_docx_with_a_part_missing_is_refused(tmp_path):
    whole = build(tmp_path / "whole.docx")
    path = rezip(whole, tmp_path / "t.docx",
                 lambda name, data: None if name == "[Content_Types].xml" else data)
    with pytest.raises(InputError, match=r"^t\.docx: not a readable Word \(\.docx\) file: "
                                         r"a part is missing"):
        read_docx(path, "t.docx")


def test_a_damaged_compressed_part_is_refused(tmp_path):
    data = bytearray(build(tmp_path / "whole.docx").read_bytes())
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as archive:
        item = archive.getinfo("word/document.xml")
    start = item.header_offset + 30 + len(item.filename.encode()) + len(item.extra)
    for i in range(start + 20, start + 60):
        data[i] ^= 0x5A
    path = tmp_path / "t.docx"
    path.write_bytes(bytes(data))
    with pytest.raises(InputError, match=r"^t\.docx: not a readable Word \(\.docx\) file: "):
        read_docx(path, "t.docx")


def test_another_office_file_is_refused(tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    path = tmp_path / "t.docx"
    openpyxl.Workbook().save(str(path))
    with pytest.raises(InputError, match=r"^t\.docx: not a readable Word \(\.docx\) file: "
                                         r".*not a Word file"):
        read_docx(path, "t.docx")


def test_an_archive_that_unpacks_to_too_much_is_refused(tmp_path, monkeypatch):
    path = build(tmp_path / "t.docx")
    monkeypatch.setattr(docx_format, "MAX_UNPACKED_BYTES", 1000)
    with pytest.raises(InputError, match=r"^t\.docx: the \.docx archive unpacks to [\d,]+ bytes; "
                                         r"the limit is 1,000$"):
        read_docx(path, "t.docx")


def test_a_file_over_the_size_limit_is_refused(tmp_path, monkeypatch):
    path = build(tmp_path / "t.docx")
    monkeypatch.setattr(reading, "MAX_FILE_BYTES", 100)
    with pytest.raises(InputError, match=r"^t\.docx: file is [\d,]+ bytes; the limit is 100$"):
        read_docx(path, "t.docx")


def test_without_python_docx_the_error_names_the_extra(tmp_path, monkeypatch):
    path = build(tmp_path / "t.docx")
    monkeypatch.setitem(sys.modules, "docx", None)
    with pytest.raises(InputError, match=r"^t\.docx: .*'docx' support: pip install "
                                         r"'chile_trade\[docx\]'"):
        read_docx(path, "t.docx")


@pytest.fixture
def corpus() -> Path:
    if not (CORPUS / "t15_table.docx").is_file():
        pytest.skip(f"the tables corpus is not in {CORPUS}")
    return CORPUS


def test_the_corpus_document_t15(corpus):
    blocks = read_docx(corpus / "t15_table.docx", "t15_table.docx")
    assert [type(block).__name__ for block in blocks] == [
        "Paragraph", "Grid", "Paragraph", "Paragraph"]
    title, grid, change, share = blocks
    assert isinstance(title, Paragraph)
    assert isinstance(grid, Grid)
    assert isinstance(change, Paragraph)
    assert isinstance(share, Paragraph)
    assert (title.lines[0].span.source, title.lines[0].text) == (
        "t15_table.docx:paragraph1", "جدول ۱۵- تجارت شیلی و اسپانیا (میلیون دلار)")
    assert texts(grid) == [
        ["شرح", "۲۰۱۹", "۲۰۲۰", "۲۰۲۱", "۲۰۲۲", "درصد تغییر ۲۰۲۲"],
        ["صادرات", "۱۴۲۵", "۱۲۶۰", "۱۵۸۸", "۱۷۲۳", "۸٫۵"],
        ["واردات", "۱۹۱۲", "۱۷۰۴", "۲۰۴۶", "۲۳۸۹", "۱۶٫۴"],
    ]
    assert not any(cell.header for row in grid.rows for cell in row)  # no w:tblHeader
    assert grid.rows[1][5].span.source == "t15_table.docx:table1:row2"
    assert change.lines[0].span.source == "t15_table.docx:paragraph2"
    assert change.lines[0].text.startswith("کسری تجاری شیلی در مبادله با اسپانیا")
    assert share.lines[0].span.source == "t15_table.docx:paragraph3"
    lines = [title.lines[0].span.line, grid.span.line, change.lines[0].span.line,
             share.lines[0].span.line]
    assert lines == sorted(lines)
