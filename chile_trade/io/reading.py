"""The I/O layer: bytes on disk to text, with the encoding found or refused.

Persian documents arrive in UTF-8 (with or without BOM), UTF-16 and
Windows-1256. Every file is either decoded correctly or refused with an
`InputError` that says why; no byte is ever guessed into a wrong letter or
digit.

Files are read in chunks of `CHUNK_BYTES` through an incremental decoder and
checked line by line as they arrive, so an over-long line or a control
character is refused as soon as it is read, and the file's bytes are never
held beside its text. Only a file that is not valid UTF-8 or UTF-16 (a
Windows-1256 candidate, or an error to locate) is read whole, which the size
limit bounds.
"""

from __future__ import annotations

import codecs
import contextlib
import os
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from chile_trade.errors import InputError
from chile_trade.io.paths import display_path, require_regular_file

__all__ = ["CHUNK_BYTES", "MAX_FILE_BYTES", "MAX_LINE_CHARS", "decode_document", "read_bytes",
           "read_document"]

_UTF8_SEQUENCE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}"
)
# In Windows-1256 Persian, nearly every byte above 0x7F is an Arabic-script
# letter, and letters are mostly Arabic-script, not Latin. Bytes that decode to
# something else are not Windows-1256 Persian and are refused, not read as
# mojibake.
_ARABIC_LETTER = re.compile("[\u0621-\u064a\u0671-\u06d3\u06f0-\u06f9\u200c]")
_LATIN_LETTER = re.compile("[A-Za-z]")
# C0 controls but tab, line feed, form feed and carriage return; DEL; C1 controls.
_CONTROL = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")
_MIN_ARABIC_SHARE = 0.9
MAX_FILE_BYTES = 8 * 1024 * 1024
"""Documents larger than this (8 MiB) are refused before they are read.

Extracting and verifying a document takes about 35 times its size in memory
when it is dense with tables (see the README's benchmark), so this bounds a
worker at a few hundred MiB."""
MAX_LINE_CHARS = 200_000
"""Lines longer than this many characters are refused, with their line number."""
CHUNK_BYTES = 1024 * 1024
"""Bytes read at a time."""
_NONBLOCK = getattr(os, "O_NONBLOCK", 0)  # opening a FIFO must not wait for a writer
# UTF-32's marks are looked for first: the little-endian one starts like UTF-16's.
_UTF32_MARKS = (codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)
_MARKED_ENCODINGS = (
    (codecs.BOM_UTF8, "utf-8-sig", "UTF-8"),
    (codecs.BOM_UTF16_LE, "utf-16", "UTF-16"),
    (codecs.BOM_UTF16_BE, "utf-16", "UTF-16"),
)


def _refuse(source: str, message: str) -> InputError:
    return InputError(message, source=source)


def _decode_unmarked(data: bytes, source: str) -> tuple[str, str]:
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        utf8_error = exc
    high_bytes = sum(1 for b in data if b >= 0x80)
    in_utf8_sequences = sum(len(m.group()) for m in _UTF8_SEQUENCE.finditer(data))
    if high_bytes and in_utf8_sequences / high_bytes >= 0.5:
        raise _refuse(
            source,
            f"invalid UTF-8 at byte offset {utf8_error.start}: "
            f"byte 0x{data[utf8_error.start]:02x} ({utf8_error.reason})",
        )
    text = data.decode("cp1256")
    non_ascii = [ch for ch in text if ord(ch) >= 0x80]
    arabic = sum(1 for ch in non_ascii if _ARABIC_LETTER.match(ch))
    latin = len(_LATIN_LETTER.findall(text))
    if not non_ascii or arabic / len(non_ascii) < _MIN_ARABIC_SHARE or arabic <= latin:
        raise _refuse(
            source,
            f"not UTF-8 (invalid byte 0x{data[utf8_error.start]:02x} at offset "
            f"{utf8_error.start}) and not Persian text in Windows-1256; "
            "save the file as UTF-8",
        )
    return text, "cp1256"


def _looks_like_utf32(data: bytes) -> bool:
    """Whether unmarked bytes are UTF-32 text: four bytes a character, the two high
    ones (little-endian) or the two low ones (big-endian) all zero."""
    if len(data) < 4 or len(data) % 4:
        return False
    little_endian = not any(data[2::4]) and not any(data[3::4])
    return little_endian or (not any(data[0::4]) and not any(data[1::4]))


def decode_document(data: bytes, source: str) -> tuple[str, str]:
    """Decode a document's bytes and name the encoding that was used.

    Parameters
    ----------
    data : bytes
        The whole file.
    source : str
        Name used in error messages.

    Returns
    -------
    text : str
        The text with line ends normalised to ``\\n`` and no BOM.
    encoding : str
        ``'utf-8'``, ``'utf-8-sig'``, ``'utf-16'`` or ``'cp1256'``.

    Raises
    ------
    InputError
        If the bytes are not text in one of those encodings.

    Examples
    --------
    >>> decode_document("۱۸٪\\r\\n".encode("utf-16"), "a.txt")
    ('۱۸٪\\n', 'utf-16')
    >>> decode_document("سهم ۱۸".encode("utf-8"), "b.txt")[1]
    'utf-8'
    """
    if data.startswith(_UTF32_MARKS) or _looks_like_utf32(data):
        raise _refuse(source, "the file is UTF-32, which is not supported; save it as UTF-8")
    for bom, encoding, name in _MARKED_ENCODINGS:
        if data.startswith(bom):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError as exc:
                raise _refuse(
                    source, f"invalid {name} at byte offset {exc.start}: {exc.reason}"
                ) from None
            break
    else:
        if (nul := data.find(b"\x00")) >= 0:
            raise _refuse(
                source,
                f"NUL byte at offset {nul}: binary data or UTF-16 without "
                "a byte-order mark; save the file as UTF-8",
            )
        text, encoding = _decode_unmarked(data, source)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    _Lines(source).check([text])
    return text, encoding


class _Lines:
    """Checks text, piece by piece, for over-long lines and control characters.

    Pieces have ``\\n`` line ends; the first problem in reading order is raised
    with its line number, whether the text comes whole or in chunks.
    """

    def __init__(self, source: str):
        self.source = source
        self.line = 1
        self.length = 0  # characters so far in the current line

    def check(self, pieces: Iterable[str]) -> None:
        for piece in pieces:
            parts = piece.split("\n")
            for i, part in enumerate(parts):
                self.length += len(part)
                if self.length > MAX_LINE_CHARS:
                    raise InputError(f"line is longer than the limit of {MAX_LINE_CHARS:,} "
                                     "characters", source=self.source, line=self.line)
                control = _CONTROL.search(part)
                if control is not None:
                    raise InputError(f"control character U+{ord(control.group()):04X} in text",
                                     source=self.source, line=self.line)
                if i < len(parts) - 1:
                    self.line += 1
                    self.length = 0


class _NeedsWholeFileError(Exception):
    """The streamed bytes are not plain UTF-8 or UTF-16: decode the file whole."""


def _stream(handle: BinaryIO, source: str) -> str:
    chunk = handle.read(max(CHUNK_BYTES, 4))  # a byte-order mark is never split
    if chunk.startswith(_UTF32_MARKS):
        raise _NeedsWholeFileError
    encoding = next((enc for bom, enc, _ in _MARKED_ENCODINGS if chunk.startswith(bom)), None)
    decoder = codecs.getincrementaldecoder(encoding or "utf-8")("strict")
    lines = _Lines(source)
    pieces: list[str] = []
    held = ""  # a final "\r" waits for the next chunk, which may start with "\n"
    read = 0
    while True:
        read += len(chunk)
        if read > MAX_FILE_BYTES:
            raise _refuse(source, f"file is over the limit of {MAX_FILE_BYTES:,} bytes")
        if encoding is None and b"\x00" in chunk:
            raise _NeedsWholeFileError
        try:
            piece = held + decoder.decode(chunk, final=not chunk)
        except UnicodeDecodeError:
            raise _NeedsWholeFileError from None
        held = piece[-1:] if chunk and piece.endswith("\r") else ""
        piece = piece[:len(piece) - len(held)].replace("\r\n", "\n").replace("\r", "\n")
        lines.check([piece])
        pieces.append(piece)
        if not chunk:
            return "".join(pieces)
        chunk = handle.read(CHUNK_BYTES)


@contextlib.contextmanager
def _opened(path: Path, source: str) -> Iterator[BinaryIO]:
    """A regular file opened for reading, refused over `MAX_FILE_BYTES`.

    A FIFO or a device is refused before it is opened (opening one may block or act),
    and the file opened is checked again, in case it was swapped meanwhile.
    """
    def regular(mode: int | None = None) -> None:
        try:
            require_regular_file(path, mode)
        except InputError as exc:
            raise _refuse(source, exc.message) from None

    try:
        regular()
        descriptor = os.open(path, os.O_RDONLY | _NONBLOCK | getattr(os, "O_CLOEXEC", 0))
        with open(descriptor, "rb") as handle:
            info = os.fstat(descriptor)
            regular(info.st_mode)
            if _NONBLOCK:
                os.set_blocking(descriptor, True)
            if info.st_size > MAX_FILE_BYTES:
                raise _refuse(source, f"file is {info.st_size:,} bytes; "
                                      f"the limit is {MAX_FILE_BYTES:,}")
            yield handle
    except OSError as exc:
        raise _refuse(source, f"cannot read file: {exc.strerror or exc}") from None


def _whole(handle: BinaryIO, source: str) -> bytes:
    data = handle.read(MAX_FILE_BYTES + 1)  # never more than the limit, even if it grew
    if len(data) > MAX_FILE_BYTES:
        raise _refuse(source, f"file is over the limit of {MAX_FILE_BYTES:,} bytes")
    return data


def read_bytes(path: str | Path, source: str) -> bytes:
    """A regular file's bytes, as every format reader takes them.

    Raises
    ------
    InputError
        Located at ``source``: not a regular file, unreadable, or over `MAX_FILE_BYTES`.
    """
    with _opened(Path(path), source) as handle:
        return _whole(handle, source)


def read_document(path: str | Path) -> str:
    """Read a Persian document from disk as text.

    Raises
    ------
    InputError
        If the file cannot be read or decoded (see `decode_document`).
    """
    path = Path(path)
    source = display_path(path)
    with _opened(path, source) as handle:
        try:
            return _stream(handle, source)
        except _NeedsWholeFileError:
            handle.seek(0)
            data = _whole(handle, source)
    return decode_document(data, source)[0]
