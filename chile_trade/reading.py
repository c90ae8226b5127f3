"""The I/O layer: bytes on disk to text, with the encoding found or refused.

Persian documents arrive in UTF-8 (with or without BOM), UTF-16 and
Windows-1256. Every file is either decoded correctly or refused with an
`InputError` that says why; no byte is ever guessed into a wrong letter or
digit.
"""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from chile_trade.errors import InputError

__all__ = ["MAX_FILE_BYTES", "MAX_LINE_CHARS", "decode_document", "read_document"]

_UTF8_SEQUENCE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}"
)
# In Windows-1256 Persian, nearly every byte above 0x7F is an Arabic-script
# letter, and letters are mostly Arabic-script, not Latin. Bytes that decode to
# something else are not Windows-1256 Persian and are refused, not read as
# mojibake.
_ARABIC_LETTER = re.compile("[\u0621-\u064a\u0671-\u06d3\u06f0-\u06f9\u200c]")
_LATIN_LETTER = re.compile("[A-Za-z]")
_CONTROL = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f]")  # \t \n \f \r allowed
_MIN_ARABIC_SHARE = 0.9
MAX_FILE_BYTES = 32 * 1024 * 1024
"""Documents larger than this (32 MiB) are refused before they are read."""
MAX_LINE_CHARS = 200_000
"""Lines longer than this many characters are refused, with their line number."""
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
    for number, row in enumerate(text.split("\n"), start=1):
        if len(row) > MAX_LINE_CHARS:
            raise InputError(f"line is {len(row):,} characters long; the limit is "
                             f"{MAX_LINE_CHARS:,}", source=source, line=number)
    control = _CONTROL.search(text)
    if control is not None:
        line = text.count("\n", 0, control.start()) + 1
        raise InputError(
            f"control character U+{ord(control.group()):04X} in text", source=source, line=line
        )
    return text, encoding


def read_document(path: str | Path) -> str:
    """Read a Persian document from disk as text.

    Raises
    ------
    InputError
        If the file cannot be read or decoded (see `decode_document`).
    """
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise _refuse(str(path), f"file is {size:,} bytes; the limit is {MAX_FILE_BYTES:,}")
        with path.open("rb") as handle:  # never more than the limit, even if the file grows
            data = handle.read(MAX_FILE_BYTES + 1)
        if len(data) > MAX_FILE_BYTES:
            raise _refuse(str(path), f"file is over the limit of {MAX_FILE_BYTES:,} bytes")
    except OSError as exc:
        raise _refuse(str(path), f"cannot read file: {exc.strerror or exc}") from None
    return decode_document(data, str(path))[0]
