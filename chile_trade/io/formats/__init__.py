"""Format readers: a file on disk to blocks (`chile_trade.core.blocks`), with provenance.

`load_blocks` picks the reader by the file's suffix. The readers of HTML, Word,
Excel and PDF need optional libraries, installed as extras
(``pip install 'chile_trade[formats]'``, or one of ``[html]``, ``[docx]``,
``[xlsx]``, ``[pdf]``); a missing one is an `InputError` naming the extra.
"""

from __future__ import annotations

import importlib
from pathlib import Path
from types import ModuleType

from chile_trade.core.blocks import Block
from chile_trade.errors import InputError

__all__ = ["DOCUMENT_SUFFIXES", "FORMAT_SUFFIXES", "TEXT_SUFFIXES", "load_blocks", "require"]


def require(module: str, extra: str, source: str) -> ModuleType:
    """Import ``module`` for a format reader, or say which extra installs it.

    Raises
    ------
    InputError
        Located at ``source``, naming the extra, when the module is missing.
    """
    try:
        return importlib.import_module(module)
    except ImportError:
        raise InputError(f"reading this file needs the optional '{extra}' support: "
                         f"pip install 'chile_trade[{extra}]' (or 'chile_trade[formats]')",
                         source=source) from None


TEXT_SUFFIXES = (".txt", ".md")
"""Text documents: UTF-8, UTF-16 or Windows-1256 (`chile_trade.io.reading`)."""
FORMAT_SUFFIXES = {".html": "html", ".htm": "html", ".docx": "docx", ".xlsx": "xlsx",
                   ".pdf": "pdf"}
"""The other formats, by suffix, with the reader module that reads them."""
DOCUMENT_SUFFIXES = (*TEXT_SUFFIXES, *FORMAT_SUFFIXES)
"""Every suffix a folder scan picks."""


def load_blocks(path: Path, source: str) -> list[Block]:
    """A document on disk as blocks, read by the reader its suffix names.

    Text files (and files of any other suffix given by name) are read as text;
    ``.html``/``.htm``, ``.docx``, ``.xlsx`` and ``.pdf`` by their format's reader.

    Raises
    ------
    InputError
        Located, for a file that cannot be read, or a missing extra (named).
    """
    kind = FORMAT_SUFFIXES.get(path.suffix.lower())
    if kind is None:
        from chile_trade.core.tables import text_blocks  # noqa: PLC0415
        from chile_trade.io.reading import read_document  # noqa: PLC0415

        return text_blocks(read_document(path), source)
    reader = importlib.import_module(f"chile_trade.io.formats.{kind}")
    blocks: list[Block] = getattr(reader, f"read_{kind}")(path, source)
    return blocks
