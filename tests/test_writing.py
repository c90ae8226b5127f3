"""Outputs never destroy an input or a non-file, are whole or absent, and hold no formula."""

from __future__ import annotations

import csv
import errno
import io
import os
import re
import socket
import stat
import subprocess
import sys
import zipfile
from pathlib import Path

import openpyxl
import pytest

from chile_trade.cli import main
from chile_trade.errors import InputError
from chile_trade.io import writing
from chile_trade.io.writing import check_output_file, spreadsheet_text, write_folder

GOOD = "جدول صادرات به ژاپن (میلیون دلار، فوب)\n۲۰۰۴ ۲۰۰۵ درصد تغییرات\n۱۰۰ ۱۱۰ ٪۱۰\n"
# A table whose partner is a spreadsheet formula (it opens the calculator in old Excel).
FORMULA = "=cmd|' /C calc'!A0"
HOSTILE = GOOD.replace("ژاپن", FORMULA)
# What a spreadsheet takes for the start of a formula (OWASP, "CSV injection").
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def _document(folder, name="doc.txt", text=GOOD):
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


# ------------------------------------------------------------------ --output


def test_an_output_that_names_an_input_is_refused_and_the_input_left_as_it_was(tmp_path,
                                                                              capsys):
    doc = _document(tmp_path)
    before = doc.read_bytes()
    for args in (["verify", str(doc), "--output", str(doc)],
                 ["tables", "--format", "csv", str(doc), "--output", str(doc)],
                 # The same file by another name: a path with "..", and a hard link.
                 ["verify", str(doc), "--output", str(tmp_path / "x" / ".." / doc.name)]):
        (tmp_path / "x").mkdir(exist_ok=True)
        code, out, err = run(capsys, *args)
        assert (code, out) == (2, "")
        assert "the output is an input of this run" in err
    os.link(doc, tmp_path / "same.json")
    code, _, err = run(capsys, "verify", str(doc), "--output", str(tmp_path / "same.json"))
    assert code == 2
    assert err.startswith(f"{tmp_path / 'same.json'}: the output is an input of this run")
    assert doc.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["doc.txt", "same.json", "x"]


def test_an_output_that_names_the_reference_table_is_refused(tmp_path, capsys):
    doc = _document(tmp_path)
    reference = tmp_path / "ref.csv"
    reference.write_text("series,year,value_musd,valuation,source\n", encoding="utf-8")
    code, _, err = run(capsys, "verify", str(doc), "--reference", str(reference),
                       "--output", str(reference))
    assert code == 2
    assert "the output is an input of this run" in err
    assert reference.read_text(encoding="utf-8") == "series,year,value_musd,valuation,source\n"


def test_an_output_inside_an_input_folder_that_the_next_scan_would_read_is_refused(tmp_path,
                                                                                  capsys):
    folder = tmp_path / "docs"
    folder.mkdir()
    _document(folder)
    code, _, err = run(capsys, "verify", str(folder), "--output", str(folder / "result.txt"))
    assert code == 2
    assert "would be read as a document by the next run" in err
    assert sorted(p.name for p in folder.iterdir()) == ["doc.txt"]
    # A JSON file there is not a document: the next scan leaves it alone.
    assert run(capsys, "verify", str(folder), "--format", "json",
               "--output", str(folder / "result.json"))[0] == 0
    assert run(capsys, "verify", str(folder))[0] == 0


def _special_files(folder):
    """A FIFO, a socket, a symbolic link to a file and, where allowed, a device."""
    fifo = folder / "fifo"
    os.mkfifo(fifo)
    sock = folder / "sock"
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(sock))
    target = _document(folder, "target.txt", "kept\n")
    link = folder / "link.json"
    link.symlink_to(target)
    found = {"a FIFO": fifo, "a socket": sock, "a symbolic link": link, "a folder": folder}
    try:
        device = folder / "null"
        os.mknod(device, stat.S_IFCHR | 0o666, os.makedev(1, 3))
        found["a character device"] = device
    except PermissionError:  # not root: the FIFO and the socket stand for every special file
        pass
    return found, server


def test_an_output_that_is_not_a_regular_file_is_refused_and_left_in_place(tmp_path, capsys):
    doc = _document(tmp_path)
    special = tmp_path / "special"
    special.mkdir()
    found, server = _special_files(special)
    try:
        for kind, path in found.items():
            mode = os.lstat(path).st_mode
            code, out, err = run(capsys, "verify", str(doc), "--output", str(path))
            assert (code, out) == (2, ""), kind
            assert err.startswith(f"{path}: the output is {kind}"), err
            assert os.lstat(path).st_mode == mode  # the node itself is still there
    finally:
        server.close()
    assert (special / "target.txt").read_text(encoding="utf-8") == "kept\n"


def test_check_output_file_accepts_a_new_name_and_an_existing_regular_file(tmp_path):
    existing = _document(tmp_path, "old.json", "[]")
    check_output_file(tmp_path / "new.json", inputs=[tmp_path / "in.txt"])
    check_output_file(existing, inputs=[tmp_path / "in.txt"])


# ---------------------------------------------------------------- report --out


def _old_report(out):
    out.mkdir()
    (out / "report.html").write_text("old report", encoding="utf-8")
    (out / "mine.txt").write_text("the user's own file", encoding="utf-8")
    return {p.name: p.read_bytes() for p in out.iterdir()}


def test_a_report_that_fails_half_way_leaves_the_old_report_and_no_temporary(
        tmp_path, capsys, monkeypatch):
    out = tmp_path / "out"
    before = _old_report(out)
    written = []

    def disk_fills_up(path, content):
        if len(written) == 3:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(path))
        written.append(path)
        path.write_bytes(content)

    monkeypatch.setattr(writing, "_write_file", disk_fills_up)
    code, out_text, err = run(capsys, "report", "--out", str(out), "--lang", "en")
    assert (code, out_text) == (2, "")
    assert err == f"{out}: cannot write: No space left on device\n"
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]


def test_a_finished_report_replaces_its_own_files_and_keeps_the_users(tmp_path, capsys):
    out = tmp_path / "out"
    _old_report(out)
    assert run(capsys, "report", "--out", str(out), "--lang", "en")[0] == 0
    assert (out / "report.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert (out / "mine.txt").read_text(encoding="utf-8") == "the user's own file"
    assert [p.name for p in out.iterdir() if p.name.startswith(".")] == []


def test_a_new_output_folder_appears_whole_with_a_folders_usual_permissions(tmp_path):
    out = tmp_path / "a" / "new"
    write_folder(out, {"x.txt": b"x", "sub/y.txt": b"y"})
    assert (out / "x.txt").read_bytes() == b"x"
    assert (out / "sub" / "y.txt").read_bytes() == b"y"
    plain = tmp_path / "plain"
    plain.mkdir()
    assert stat.S_IMODE(out.stat().st_mode) == stat.S_IMODE(plain.stat().st_mode)
    assert sorted(p.name for p in (tmp_path / "a").iterdir()) == ["new"]


def test_write_folder_refuses_to_replace_an_input_or_a_special_file(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    font = _document(out, "font.ttf", "not really a font")
    with pytest.raises(InputError, match="would replace an input of this run"):
        write_folder(out, {"a.txt": b"a", "font.ttf": b"b"}, inputs=[font])
    os.mkfifo(out / "b.txt")
    with pytest.raises(InputError, match=r"b\.txt: a FIFO \(named pipe\) stands where"):
        write_folder(out, {"a.txt": b"a", "b.txt": b"b"})
    with pytest.raises(InputError, match="exists and is not a folder"):
        write_folder(font, {"a.txt": b"a"})
    assert sorted(p.name for p in out.iterdir()) == ["b.txt", "font.ttf"]
    assert font.read_text(encoding="utf-8") == "not really a font"


# ---------------------------------------------------------------- formulas


@pytest.mark.parametrize(("text", "expected"), [
    ("=1+1", "'=1+1"), ("+1+1", "'+1+1"), ("-2+3", "'-2+3"), ("@SUM(A1)", "'@SUM(A1)"),
    ("\t=1", "'\t=1"), ("\r=1", "'\r=1"), ("-9075/503", "'-9075/503"),
    # Plain decimal numbers read as themselves; anything else is left alone.
    ("-12", "-12"), ("-3.25", "-3.25"), ("12", "12"), ("", ""), ("آمریکا", "آمریکا"),
    ("a=1", "a=1"), ("-", "'-"), ("-1e5", "'-1e5"), ("-.5", "'-.5"),
])
def test_a_text_a_spreadsheet_would_run_gets_a_quote(text, expected):
    assert spreadsheet_text(text) == expected


def _cells(csv_text):
    return [cell for row in csv.reader(io.StringIO(csv_text)) for cell in row]


def _formula_cells(cells):
    """Cells a spreadsheet would run: a formula start, unless a plain decimal number."""
    return [c for c in cells
            if c.startswith(FORMULA_START) and not re.fullmatch(r"-?\d+(\.\d+)?", c)]


def test_no_csv_cell_written_from_a_hostile_document_can_act_as_a_formula(tmp_path, capsys,
                                                                         monkeypatch):
    monkeypatch.chdir(tmp_path)
    _document(tmp_path, "=HYPERLINK(1).txt", HOSTILE)
    for command in ("verify", "tables"):
        code, out, _ = run(capsys, command, "--format", "csv", "=HYPERLINK(1).txt")
        assert code == 0
        cells = _cells(out)
        assert "'=HYPERLINK(1).txt:3" in cells  # the source, kept readable
        assert _formula_cells(cells) == []
    assert f"'{FORMULA}" in cells  # the partner, in the tables


def test_a_csv_with_a_formula_title_opens_in_a_spreadsheet_reader_as_text(tmp_path, capsys):
    # openpyxl stands in for the spreadsheet: a cell it reads as a formula has type "f".
    doc = _document(tmp_path, "doc.txt", HOSTILE)
    code, out, _ = run(capsys, "tables", "--format", "csv", str(doc))
    assert code == 0
    book = openpyxl.Workbook()
    for row in csv.reader(io.StringIO(out)):
        book.active.append(row)
    kinds = {cell.data_type for row in book.active.iter_rows() for cell in row}
    assert "f" not in kinds


def test_report_exports_hold_no_formula_from_a_hostile_reference(tmp_path, capsys):
    shipped = (Path(__file__).resolve().parents[1] / "chile_trade" / "data"
               / "reference_chile_1992_1995.csv").read_text(encoding="utf-8").splitlines()
    rows = list(csv.reader(shipped))
    for row in rows[1:]:
        row[3], row[4] = "@SUM(1+1)*cmd|' /C calc'!A0", "=HYPERLINK(\"http://x\",\"y\")"
    reference = tmp_path / "ref.csv"
    with reference.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(rows)
    out = tmp_path / "out"
    code, _, err = run(capsys, "report", "--out", str(out), "--lang", "en",
                       "--reference", str(reference))
    assert code == 0, err
    for name in ("verification.csv", "tables.csv", "reference_check.csv"):
        cells = _cells((out / name).read_text(encoding="utf-8"))
        assert _formula_cells(cells) == [], name
    assert "'=HYPERLINK(\"http://x\",\"y\")" in _cells(
        (out / "reference_check.csv").read_text(encoding="utf-8"))
    with zipfile.ZipFile(out / "chile_trade.xlsx") as book:
        sheets = [book.read(n).decode() for n in book.namelist() if n.startswith("xl/worksheets/")]
    assert sheets
    assert not any("<f>" in sheet or "<f " in sheet for sheet in sheets)  # no formula element
    book = openpyxl.load_workbook(out / "chile_trade.xlsx")
    risky = [cell for sheet in book.worksheets for row in sheet.iter_rows() for cell in row
             if isinstance(cell.value, str) and cell.value.startswith(FORMULA_START)]
    assert risky  # the citations are there, as text
    assert all(cell.data_type == "s" and cell.quotePrefix for cell in risky)


# ---------------------------------------------------------------- a new user


def test_verify_with_its_own_input_as_output_leaves_the_file_untouched(tmp_path):
    doc = _document(tmp_path, "x.txt")
    before = doc.read_bytes()
    done = subprocess.run([sys.executable, "-m", "chile_trade", "verify", "x.txt",
                           "--output", "x.txt"], cwd=tmp_path, capture_output=True,
                          text=True, encoding="utf-8", check=False)
    assert done.returncode == 2
    assert done.stderr == "x.txt: the output is an input of this run (x.txt); " \
                          "choose another name\n"
    assert doc.read_bytes() == before


def test_a_file_where_an_output_folder_goes_is_refused_before_anything_is_written(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (out / "figures").write_text("mine", encoding="utf-8")
    with pytest.raises(InputError, match=r"out/figures: a file stands where an output folder"):
        write_folder(out, {"a.txt": b"a", "figures/b.png": b"b"})
    assert sorted(p.name for p in out.iterdir()) == ["figures"]
