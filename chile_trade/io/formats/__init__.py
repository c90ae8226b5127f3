"""Format readers: a file on disk to blocks (`chile_trade.core.blocks`), with provenance.

`load_blocks` picks the reader by the file's suffix. The readers of HTML, Word,
Excel and PDF need optional libraries, installed as extras
(``pip install 'chile_trade[formats]'``, or one of ``[html]``, ``[docx]``,
``[xlsx]``, ``[pdf]``); a missing one is an `InputError` naming the extra.
"""

from __future__ import annotations

import importlib
from types import ModuleType

from chile_trade.errors import InputError

__all__ = ["require"]


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
