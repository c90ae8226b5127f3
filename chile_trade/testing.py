"""A pytest helper for regression tests on a report's figures.

>>> from chile_trade.testing import assert_figures_consistent
>>> assert_figures_consistent("reports/")  # doctest: +SKIP

fails with every inconsistent figure of the documents (``file:line``, the figure
as stated and as computed from the documents' own numbers), and with every file
that could not be read; a figure that cannot be checked (``unverifiable``) does
not fail it.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from chile_trade import columns as C
from chile_trade.errors import InputError

__all__ = ["assert_figures_consistent"]

_PathLike = str | os.PathLike[str]


def assert_figures_consistent(path: _PathLike | Sequence[_PathLike], *,
                              reference: _PathLike | None = None) -> None:
    """Fail (``AssertionError``) unless every figure the documents state follows from
    their own numbers, exactly or within the rounding of the printed values.

    Parameters
    ----------
    path : path or sequence of paths
        Documents (any supported format) or folders of them, searched recursively.
    reference : path, optional
        A reference table (CSV: ``series,year,value_musd,valuation,source``); a
        figure inconsistent with it fails too.

    Raises
    ------
    AssertionError
        Listing each inconsistent figure (``file:line: stated S, computed C
        (explanation)``), or each file that could not be read (``file:line: what
        is wrong``).
    """
    # Imported here: the helper is importable (for pytest's collection) without pandas.
    from chile_trade.io.archive import collect_paths, process_files  # noqa: PLC0415
    from chile_trade.io.paths import display_path  # noqa: PLC0415
    from chile_trade.io.reading import read_document  # noqa: PLC0415
    from chile_trade.io.reference import parse_reference  # noqa: PLC0415
    from chile_trade.present.ci import inconsistencies  # noqa: PLC0415

    given = [path] if isinstance(path, (str, os.PathLike)) else list(path)
    try:
        table = (parse_reference(read_document(Path(reference)), display_path(reference))
                 if reference is not None else None)
        result = process_files(collect_paths([Path(p) for p in given]), reference=table,
                               jobs=1, keep_going=True)
    except InputError as exc:
        raise AssertionError(f"cannot check the figures: {exc}") from None
    problems = [f"{error} (not read)" for error in result.errors]
    for row in result.result.to_dict(orient="records"):
        problems += [f"{row[C.SOURCE]}: {message} ({explanation})"
                     for message, explanation in inconsistencies(row)]
    if problems:
        raise AssertionError(f"{len(problems)} figure(s) or file(s) fail:\n  "
                             + "\n  ".join(problems))
