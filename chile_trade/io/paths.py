"""File names and kinds as they are shown to people: escaped, never raw bytes."""

from __future__ import annotations

import os
import re
import stat

from chile_trade.errors import InputError

__all__ = ["display_path", "file_kind", "require_regular_file"]

_FILE_KINDS = (
    (stat.S_ISREG, "a regular file"), (stat.S_ISDIR, "a folder"),
    (stat.S_ISLNK, "a symbolic link"), (stat.S_ISFIFO, "a FIFO (named pipe)"),
    (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)
# Characters a file name may hold that must not reach a terminal, a log or a
# report as they are: undecodable bytes (lone surrogates from os.fsdecode),
# control characters (C0, DEL, C1), line and paragraph separators, and bidi
# embeddings, overrides and isolates, which could reorder what is shown
# around them.
_UNSHOWABLE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069"
                         "\ud800-\udfff]")


def _escaped(match: re.Match[str]) -> str:
    code = ord(match.group())
    if 0xDC80 <= code <= 0xDCFF:
        return f"\\x{code - 0xDC00:02x}"  # os.fsdecode's stand-in for an undecodable byte
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def display_path(path: str | os.PathLike[str]) -> str:
    r"""A file name as it may be shown: every byte that is not UTF-8 and every
    control, separator or bidi character escaped (``\xff``, ``\x0a``, ``\u202e``).

    Examples
    --------
    >>> display_path(os.fsdecode(b"report-\xff.txt"))
    'report-\\xff.txt'
    >>> display_path("a\nb\u202e.txt")
    'a\\x0ab\\u202e.txt'
    >>> display_path("گزارش\u200cها.txt") == "گزارش\u200cها.txt"  # ZWNJ is a letter joiner
    True
    """
    return _UNSHOWABLE.sub(_escaped, os.fspath(path))


def file_kind(mode: int) -> str:
    """What a file of this ``st_mode`` is, in words ("a FIFO (named pipe)")."""
    for test, name in _FILE_KINDS:
        if test(mode):
            return name
    return "not a regular file"


def require_regular_file(path: str | os.PathLike[str], mode: int | None = None) -> None:
    """Refuse anything but a regular file (a FIFO would block its reader, a device act).

    ``mode`` is the file's ``st_mode`` when the caller has it (from ``fstat``
    of a file it opened); otherwise the path is looked at, following links.

    Raises
    ------
    InputError
        Naming the file and what it is, or why it cannot be looked at.
    """
    if mode is None:
        try:
            mode = os.stat(path).st_mode
        except OSError as exc:
            raise InputError(f"cannot read file: {exc.strerror or exc}",
                             source=display_path(path)) from None
    if not stat.S_ISREG(mode):
        raise InputError(f"this is {file_kind(mode)}, not a regular file; give it as a file",
                         source=display_path(path))
