"""Documents in every encoding Persian writers use are read right or refused."""

from __future__ import annotations

import codecs
import io
import os
import subprocess
import sys

import pytest

from chile_trade.errors import InputError
from chile_trade.frames import extract
from chile_trade.io import reading
from chile_trade.io.reading import decode_document, read_document

# Windows-1256 has no Persian yeh (ی) and no Persian digits: documents in it
# use Arabic yeh (ي) and ASCII digits, which the package reads as the same thing.
DOC_1256 = ("جدول ميزان صادرات به آمريکا (ميليون دلار، فوب)\r\n"
            "1994 1995 درصدتغييرات\r\n2012 2375 %18\r\n")
DOC = "جدول میزان صادرات به آمریکا (میلیون دلار، فوب)\n۱۹۹۴ ۱۹۹۵ درصد تغییرات\n۲۰۱۲ ۲۳۷۵ %۱۸\n"


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (DOC.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + DOC.encode("utf-8"), "utf-8-sig"),
        (DOC.replace("\n", "\r\n").encode("utf-16"), "utf-16"),
        (codecs.BOM_UTF16_BE + DOC.encode("utf-16-be"), "utf-16"),
        (DOC_1256.encode("cp1256"), "cp1256"),
    ],
)
def test_every_supported_encoding_gives_the_same_numbers(data, encoding):
    text, used = decode_document(data, "doc.txt")
    assert used == encoding
    assert "\r" not in text
    assert "\ufeff" not in text
    tables = extract(text, source="doc.txt").tables
    assert tables["value_text"].tolist() == ["2012", "2375"]
    assert tables["year"].tolist() == [1994, 1995]


def test_corrupt_utf8_is_refused_with_the_byte_offset():
    data = DOC.encode("utf-8")
    broken = data[:9] + b"\xff" + data[10:]  # byte 9 starts the letter م
    with pytest.raises(InputError) as info:
        decode_document(broken, "doc.txt")
    assert str(info.value) == (
        "doc.txt: invalid UTF-8 at byte offset 9: byte 0xff (invalid start byte)")


def test_text_that_is_neither_utf8_nor_persian_cp1256_is_refused():
    latin1 = "Exportaciones de Chile: año 1995, crecieron un 18 %".encode("latin-1")
    with pytest.raises(InputError, match=r"not UTF-8 .* and not Persian text in Windows-1256"):
        decode_document(latin1, "es.txt")


def test_utf16_without_a_byte_order_mark_is_refused():
    # UTF-16-LE of "جدول " is 2C 06 2F 06 48 06 44 06 20 00: the first NUL is byte 9.
    with pytest.raises(InputError, match="NUL byte at offset 9"):
        decode_document(DOC.encode("utf-16-le"), "doc.txt")


def test_a_control_character_is_refused_with_its_line():
    with pytest.raises(InputError, match=r"^doc\.txt:2: control character U\+001B"):
        decode_document(b"a\nb\x1bc\n", "doc.txt")


def test_a_missing_file_is_refused(tmp_path):
    with pytest.raises(InputError, match="cannot read file"):
        read_document(tmp_path / "absent.txt")


class _CountingReader(io.BytesIO):
    """A file that records how many bytes were read from it."""

    taken = 0

    def read(self, size: int | None = -1) -> bytes:
        data = super().read(size)
        self.taken += len(data)
        return data


def test_an_over_long_line_is_refused_before_the_rest_of_the_file_is_read(monkeypatch):
    monkeypatch.setattr(reading, "CHUNK_BYTES", 1024)
    monkeypatch.setattr(reading, "MAX_LINE_CHARS", 1000)
    # Line 2 is 5,000 letters of 2 UTF-8 bytes; the file goes on for 1.5 MB after it.
    data = ("سطر\n" + "ا" * 5000 + "\n" + "ب\n" * 500_000).encode("utf-8")
    handle = _CountingReader(data)
    with pytest.raises(InputError, match=r"^doc\.txt:2: line is longer than the limit of 1,000"):
        reading._stream(handle, "doc.txt")
    # Line 2 passes 1,000 characters at its 1,001st letter, byte 7 + 1,001 × 2 = 2,009 of the
    # file (line 1 is 3 letters × 2 + a newline = 7), so the refusal comes with the chunk
    # holding that byte: at most 2,009 + 1,024 bytes of the 1,510,008 are read.
    assert handle.taken <= 2009 + 1024


@pytest.mark.parametrize("chunk", [1, 2, 3, 7])
def test_chunk_boundaries_change_nothing(tmp_path, monkeypatch, chunk):
    # CRLF split across chunks, a letter's bytes split across chunks, and a BOM
    # longer than a chunk: each file reads as the document it holds.
    monkeypatch.setattr(reading, "CHUNK_BYTES", chunk)
    for data, expected in (
            (DOC.replace("\n", "\r\n").encode("utf-8"), DOC),
            (codecs.BOM_UTF8 + DOC.replace("\n", "\r").encode("utf-8"), DOC),
            (DOC.replace("\n", "\r\n").encode("utf-16"), DOC),
            (DOC_1256.encode("cp1256"), DOC_1256.replace("\r\n", "\n"))):
        path = tmp_path / "doc.txt"
        path.write_bytes(data)
        assert read_document(path) == expected


@pytest.mark.parametrize("data", [
    DOC.encode("utf-32"),  # with a byte-order mark, which starts like UTF-16's
    DOC.encode("utf-32-be"),
    DOC.encode("utf-32-le"),
    codecs.BOM_UTF32_BE + DOC.encode("utf-32-be"),
])
def test_utf32_is_refused_by_name(tmp_path, data):
    expected = "doc.txt: the file is UTF-32, which is not supported; save it as UTF-8"
    with pytest.raises(InputError) as info:
        decode_document(data, "doc.txt")
    assert str(info.value) == expected
    path = tmp_path / "doc.txt"
    path.write_bytes(data)
    with pytest.raises(InputError) as info:
        read_document(path)
    assert str(info.value) == expected.replace("doc.txt", str(path), 1)


@pytest.mark.parametrize("control", ["\x80", "\x85", "\x9b", "\x9f"])
def test_a_c1_control_is_refused_like_a_c0_control(control):
    with pytest.raises(InputError, match=rf"^doc\.txt:2: control character U\+{ord(control):04X}"):
        decode_document(f"سطر\nسهم ۱۸٪{control}\n".encode(), "doc.txt")


def test_a_fifo_is_refused_without_waiting_for_a_writer(tmp_path):
    # Opening a FIFO to read waits for a writer: the reader must refuse it first. The check
    # runs in a child process, so that a regression ends in a timeout, not a hung test run.
    fifo = tmp_path / "doc.txt"
    os.mkfifo(fifo)
    done = subprocess.run(
        [sys.executable, "-c", "import sys; from chile_trade.io.reading import read_document\n"
         "try:\n read_document(sys.argv[1])\nexcept Exception as e:\n print(e)", str(fifo)],
        capture_output=True, text=True, timeout=60, check=False)
    assert done.stdout == (f"{fifo}: this is a FIFO (named pipe), not a regular file; "
                           "give it as a file\n")


def test_a_file_name_that_is_not_utf8_is_shown_escaped(tmp_path):
    name = os.fsdecode(b"gozaresh-\xff\xfe.txt")
    path = tmp_path / name
    path.write_bytes(b"\xff\xfe\x00")  # not a document either
    with pytest.raises(InputError) as info:
        read_document(path)
    assert str(info.value).startswith(f"{tmp_path}/gozaresh-\\xff\\xfe.txt: ")
    str(info.value).encode("utf-8")  # printable: no lone surrogate left
