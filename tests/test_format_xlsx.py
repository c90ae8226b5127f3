"""The Excel reader: sheets to prose lines and grids, numbers as their formats print them.

Every expected text below is worked out by hand from the value stored and its
number format (the derivation is in the comment beside it), never copied
from the reader's output.
"""

from __future__ import annotations

import datetime
import os
import sys
import zipfile
from pathlib import Path

import pytest

from chile_trade.core.blocks import Grid, Paragraph
from chile_trade.errors import InputError
from chile_trade.io.formats import xlsx
from chile_trade.io.formats.xlsx import NOTE_FORMULA, NOTE_GENERAL, format_number, read_xlsx
from chile_trade.io.reading import MAX_FILE_BYTES

openpyxl = pytest.importorskip("openpyxl")

CORPUS_XLSX = Path("/work/shared/corpus/tables/t16_table.xlsx")
TITLE = "جدول ۱- تجارت شیلی و ایران (میلیون دلار)"
SENTENCE = "صادرات   شیلی به ایران\nدر سال ۲۰۲۲ افزایش یافت."
NOTE_SENTENCE = "ارقام به میلیون دلار است."
UNREADABLE = r"not a readable Excel \.xlsx workbook"


def _put(sheet: object, reference: str, value: object, number_format: str | None = None) -> None:
    cell = sheet[reference]  # type: ignore[index]
    cell.value = value
    if number_format is not None:
        cell.number_format = number_format


def _report_book(path: Path) -> Path:
    """A right-to-left sheet laid out as trade reports are (see the test below)."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Sheet1"
    sheet.sheet_view.rightToLeft = True
    _put(sheet, "A1", TITLE)
    sheet.merge_cells("A1:F1")
    # row 2 empty
    _put(sheet, "A3", "شرح")
    for reference, year in (("B3", 2020), ("C3", 2021), ("D3", 2022)):
        _put(sheet, reference, year, "0")
    _put(sheet, "E3", "درصد تغییر")
    _put(sheet, "F3", "میانگین")
    _put(sheet, "A4", "صادرات")
    _put(sheet, "B4", 1248, "#,##0")
    _put(sheet, "C4", 195.6, "0.0")
    _put(sheet, "D4", 1234.5, "#,##0")
    _put(sheet, "E4", 0.139, "0.0%")
    _put(sheet, "F4", 195.6)  # General
    _put(sheet, "A5", "واردات")
    _put(sheet, "B5", -508, "#,##0")
    # C5 left empty inside the grid
    _put(sheet, "D5", 2.25, "0.0")
    _put(sheet, "E5", -0.0345, "0.0%")
    _put(sheet, "F5", -1528, "#,##0;(#,##0)")
    _put(sheet, "A6", SENTENCE)  # a sentence right under the grid
    _put(sheet, "A7", NOTE_SENTENCE)
    book.save(path)
    return path


def test_report_sheet_title_grid_and_sentences(tmp_path: Path) -> None:
    blocks = read_xlsx(_report_book(tmp_path / "report.xlsx"), "report.xlsx")
    # Rows 1 (title), 3-5 (table), 6-7 (two sentences), row 2 empty: a paragraph, a
    # grid, a paragraph.
    assert [type(block) for block in blocks] == [Paragraph, Grid, Paragraph]
    title, grid, prose = blocks
    assert isinstance(title, Paragraph)
    assert isinstance(grid, Grid)
    assert isinstance(prose, Paragraph)
    # The merged title A1:F1 is one prose line located at its top-left cell, the
    # first row read (line 1).
    assert [line.text for line in title.lines] == [TITLE]
    assert title.lines[0].span.locator == "Sheet1!A1"
    assert (title.lines[0].span.line, title.lines[0].span.column) == (1, 1)
    assert title.lines[0].span.source == "report.xlsx:Sheet1!A1"

    texts = [[cell.text for cell in row] for row in grid.rows]
    assert texts == [
        # years stored as numbers with format '0': no decimals
        ["شرح", "2020", "2021", "2022", "درصد تغییر", "میانگین"],
        # 1248 '#,##0' -> 1248, no thousands separator; 195.6 '0.0' -> 195.6;
        # 1234.5 '#,##0' -> 1235 (half away from zero; Python's round() would give 1234);
        # 0.139 '0.0%': 0.139 x 100 = 13.9 -> 13.9%; 195.6 General -> its digits, 195.6
        ["صادرات", "1248", "195.6", "1235", "13.9%", "195.6"],
        # -508 '#,##0' -> -508; C5 empty -> ''; 2.25 '0.0' -> 2.3 (half away, not to
        # even); -0.0345 '0.0%': -0.0345 x 100 = -3.45 exactly in decimal -> -3.5%
        # (the float product is -3.4499999999999997); -1528 in '#,##0;(#,##0)' takes
        # the negative section -> (1528)
        ["واردات", "-508", "", "2.3", "-3.5%", "(1528)"],
    ]
    # Only the General number says its precision was assumed.
    notes = {cell.span.locator: cell.note for row in grid.rows for cell in row if cell.note}
    assert notes == {"Sheet1!F4": NOTE_GENERAL}
    # Rows 3, 4, 5 are the 2nd, 3rd and 4th rows read; columns A..F are 1..6.
    assert grid.span.locator == "Sheet1!A3"
    assert grid.rows[1][2].span.locator == "Sheet1!C4"
    assert (grid.rows[1][2].span.line, grid.rows[1][2].span.column) == (3, 3)
    assert grid.rows[2][2].span.locator == "Sheet1!C5"
    assert [row[0].span.line for row in grid.rows] == [2, 3, 4]
    assert all(len(row) == 6 for row in grid.rows)
    assert not any(cell.header for row in grid.rows for cell in row)
    # The sentence's line break and run of spaces fold to single spaces; both
    # sentence rows (6 and 7, read 5th and 6th) make one paragraph.
    assert [line.text for line in prose.lines] == [
        "صادرات شیلی به ایران در سال ۲۰۲۲ افزایش یافت.", NOTE_SENTENCE]
    assert [line.span.locator for line in prose.lines] == ["Sheet1!A6", "Sheet1!A7"]
    assert [line.span.line for line in prose.lines] == [5, 6]


def test_merged_header_is_repeated_in_every_slot(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "داده"
    _put(sheet, "A1", "شرح")
    sheet.merge_cells("A1:A2")  # the label column's header over both header rows
    _put(sheet, "B1", "سال")
    sheet.merge_cells("B1:D1")  # one header over the three years
    for reference, year in (("B2", 1400), ("C2", 1401), ("D2", 1402)):
        _put(sheet, reference, year, "0")
    _put(sheet, "A3", "صادرات")
    for reference, value in (("B3", 10.25), ("C3", 11), ("D3", 12.5)):
        _put(sheet, reference, value, "0.0")
    path = tmp_path / "merged.xlsx"
    book.save(path)

    [grid] = read_xlsx(path, "merged.xlsx")
    assert isinstance(grid, Grid)
    assert [[cell.text for cell in row] for row in grid.rows] == [
        ["شرح", "سال", "سال", "سال"],  # B1:D1 repeated in B1, C1, D1
        ["شرح", "1400", "1401", "1402"],  # A1:A2 repeated in A2
        # 10.25 '0.0' -> 10.3 (half away from zero); 11 -> 11.0; 12.5 -> 12.5
        ["صادرات", "10.3", "11.0", "12.5"],
    ]
    # A repeated slot is located at its own cell.
    assert grid.rows[0][2].span.locator == "داده!C1"
    assert grid.rows[1][0].span.locator == "داده!A2"


def _rewrite_part(path: Path, part: str, old: bytes, new: bytes) -> None:
    """Replace bytes in one part of a saved workbook (what openpyxl cannot write)."""
    with zipfile.ZipFile(path) as archive:
        parts = {info.filename: archive.read(info) for info in archive.infolist()}
    assert parts[part].count(old) == 1
    parts[part] = parts[part].replace(old, new)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)


def test_formulas_are_never_evaluated(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    _put(sheet, "A1", "صادرات")
    _put(sheet, "B1", 1, "0")
    _put(sheet, "C1", 2, "0")
    _put(sheet, "D1", "=B1+C1", "0")  # saved with a value below
    _put(sheet, "E1", "=B1*C1", "0")  # saved without one
    path = tmp_path / "formulas.xlsx"
    book.save(path)
    # As Excel would save it: D1 with its value stored, and (to show the value is the
    # one stored, never computed) a stored 7 where B1+C1 is 3.
    _rewrite_part(path, "xl/worksheets/sheet1.xml", b"<f>B1+C1</f><v></v>",
                  b"<f>B1+C1</f><v>7</v>")

    [grid] = read_xlsx(path, "formulas.xlsx")
    assert isinstance(grid, Grid)
    [row] = grid.rows
    assert [cell.text for cell in row] == ["صادرات", "1", "2", "7", ""]
    assert row[3].note == ""
    assert row[4].note == NOTE_FORMULA
    assert row[4].span.locator == "Sheet!E1"


def test_dates_booleans_and_several_sheets(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    first = book.active
    first.title = "اول"
    _put(first, "A1", "تاریخ")
    _put(first, "B1", datetime.datetime(2022, 3, 21))
    _put(first, "C1", True)
    second = book.create_sheet("دوم")
    _put(second, "B2", "  یادداشت  ")
    path = tmp_path / "kinds.xlsx"
    book.save(path)

    grid, prose = read_xlsx(path, "kinds.xlsx")
    assert isinstance(grid, Grid)
    assert isinstance(prose, Paragraph)
    [row] = grid.rows
    # str() of the values, each with a note
    assert [cell.text for cell in row] == ["تاریخ", "2022-03-21 00:00:00", "True"]
    assert row[1].note
    assert row[2].note
    # The second sheet's row is the second row read in the workbook.
    [line] = prose.lines
    assert (line.text, line.span.line, line.span.column) == ("یادداشت", 2, 2)
    assert line.span.locator == "دوم!B2"


@pytest.mark.parametrize(("value", "number_format", "printed"), [
    (1234567, "#,##0", "1234567"),  # separators are not printed
    (2.675, "0.00", "2.68"),  # Decimal('2.675') half away; the float is 2.67499...
    (-2.5, "0", "-3"),  # half away from zero on the negative side too
    (0.005, "0.0%", "0.5%"),  # 0.005 x 100 = 0.5
    (0.12345, "0.00%", "12.35%"),  # 12.345 -> 12.35 (half away)
    (-1528, "#,##0_);(#,##0)", "(1528)"),  # the negative section; '_)' prints a space
    (-8.7, "0.0", "-8.7"),  # one section: a leading minus
    (1234.5, "\"$\"#,##0.00", "$1234.50"),
    (5, "[$€-407] #,##0", "€ 5"),
    (3.14159, "[Red]0.0", "3.1"),  # a colour prints nothing
    (1.5, "0.0#", "1.5"),  # the '#' decimal is left out when it is 0
    (1.25, "0.0#", "1.25"),
    (0.3, "00.0", "00.3"),  # '0' placeholders always print a digit
])
def test_number_formats(value: float, number_format: str, printed: str) -> None:
    assert format_number(value, number_format) == (printed, "")


def test_number_formats_with_notes() -> None:
    # 0.1 + 0.2 is stored as 0.30000000000000004; Excel keeps 15 digits: 0.3.
    assert format_number(0.1 + 0.2, "General") == ("0.3", NOTE_GENERAL)
    assert format_number(2019, "General") == ("2019", NOTE_GENERAL)
    # A trailing comma prints thousands: 1234567 / 1000 = 1234.567 -> 1235.
    text, note = format_number(1234567, "#,##0,")
    assert text == "1235"
    assert "1,000" in note
    # A date format on a plain number is not read: the digits stored, with a note.
    text, note = format_number(44641.5, "yyyy-mm-dd")
    assert text == "44641.5"
    assert "yyyy-mm-dd" in note
    # The zero section's text stands in for the number, and says so.
    text, note = format_number(0, '0;-0;"-"')
    assert text == "-"
    assert note
    # Scientific notation is not read either.
    assert format_number(1250, "0.00E+00")[0] == "1250"


def test_corpus_workbook() -> None:
    if not CORPUS_XLSX.is_file():
        pytest.skip(f"{CORPUS_XLSX} is not here")
    blocks = read_xlsx(CORPUS_XLSX, "t16_table.xlsx")
    # Checked by hand with openpyxl: one sheet 'تجارت', right to left, A1:F1 merged
    # with the title; row 3 a header (years 2019..2022 as General numbers); rows 4-5
    # exports and imports ('#,##0') with a change in F ('0.0%'); row 6 empty; row 7 a
    # share's label in A7 and 0.011 ('0.0%') in F7.
    assert [type(block) for block in blocks] == [Paragraph, Grid, Grid]
    title, table, share = blocks
    assert isinstance(title, Paragraph)
    assert isinstance(table, Grid)
    assert isinstance(share, Grid)
    assert title.lines[0].text == "جدول ۱۶- تجارت شیلی و ویتنام (میلیون دلار)"
    assert title.lines[0].span.locator == "تجارت!A1"
    header, exports, imports = table.rows
    assert [cell.text for cell in header[1:5]] == ["2019", "2020", "2021", "2022"]
    assert header[1].note == NOTE_GENERAL  # years in General
    # 689, 742, 918, 1046 in '#,##0'; 0.139 in '0.0%' -> 13.9%
    assert [cell.text for cell in exports] == ["صادرات", "689", "742", "918", "1046", "13.9%"]
    # 0.153 in '0.0%' -> 15.3%
    assert imports[5].text == "15.3%"
    assert imports[5].span.locator == "تجارت!F5"
    # Row 7 spans A..F like any grid row: B7..E7 are empty slots; 0.011 -> 1.1%.
    [row] = share.rows
    assert [cell.text for cell in row] == [
        "سهم ویتنام از کل صادرات شیلی در سال ۲۰۲۲", "", "", "", "", "1.1%"]


def test_missing_extra_names_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = _report_book(tmp_path / "report.xlsx")
    monkeypatch.setitem(sys.modules, "openpyxl", None)
    with pytest.raises(InputError, match=r"chile_trade\[xlsx\]") as caught:
        read_xlsx(path, "report.xlsx")
    assert caught.value.source == "report.xlsx"


@pytest.mark.parametrize("content", [
    b"not a workbook at all\n",
    b"PK\x03\x04 truncated zip",
    b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504),  # an old .xls (OLE2) header
])
def test_not_a_workbook(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "broken.xlsx"
    path.write_bytes(content)
    with pytest.raises(InputError, match=UNREADABLE) as caught:
        read_xlsx(path, "broken.xlsx")
    assert str(caught.value).startswith("broken.xlsx: ")


def test_zip_without_a_workbook(tmp_path: Path) -> None:
    path = tmp_path / "empty.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("hello.txt", "سلام")
    with pytest.raises(InputError, match=UNREADABLE):
        read_xlsx(path, "empty.xlsx")


def test_damaged_sheet_xml(tmp_path: Path) -> None:
    path = _report_book(tmp_path / "report.xlsx")
    _rewrite_part(path, "xl/worksheets/sheet1.xml", b"<sheetData>", b"<sheetData><row")
    with pytest.raises(InputError, match=UNREADABLE):
        read_xlsx(path, "report.xlsx")


def test_file_over_the_size_limit_is_not_opened(tmp_path: Path) -> None:
    path = tmp_path / "big.xlsx"
    with path.open("wb") as handle:
        handle.truncate(MAX_FILE_BYTES + 1)  # sparse: nothing written
    with pytest.raises(InputError, match="the limit is"):
        read_xlsx(path, "big.xlsx")


def test_a_folder_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "folder.xlsx"
    folder.mkdir()
    with pytest.raises(InputError, match="a folder"):
        read_xlsx(folder, "folder.xlsx")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_fifo_is_refused_without_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.xlsx"
    os.mkfifo(fifo)
    with pytest.raises(InputError, match="FIFO"):
        read_xlsx(fifo, "pipe.xlsx")


def test_sheet_over_the_cell_limit_is_named(tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(xlsx, "MAX_SHEET_CELLS", 10)
    book = openpyxl.Workbook()
    book.active.title = "کوچک"
    _put(book.active, "A1", "عنوان")
    big = book.create_sheet("بزرگ")
    for row in range(1, 4):
        for column in range(1, 5):  # 12 cells
            big.cell(row=row, column=column, value=row * column)
    path = tmp_path / "big.xlsx"
    book.save(path)
    with pytest.raises(InputError, match="sheet 'بزرگ' stores more than 10 cells"):
        read_xlsx(path, "big.xlsx")


def test_huge_merged_range_is_refused_before_loading(tmp_path: Path) -> None:
    # openpyxl makes an object of every slot of a merged range: a whole-sheet merge
    # (17 billion slots) must be refused from the file's XML, unread by openpyxl.
    book = openpyxl.Workbook()
    _put(book.active, "A1", "عنوان")
    path = tmp_path / "merged.xlsx"
    book.save(path)
    _rewrite_part(path, "xl/worksheets/sheet1.xml", b"</sheetData>",
                  b'</sheetData><mergeCells count="1"><mergeCell ref="A1:XFD1048576"/>'
                  b"</mergeCells>")
    with pytest.raises(InputError, match="stores more than 100,000 cells"):
        read_xlsx(path, "merged.xlsx")
