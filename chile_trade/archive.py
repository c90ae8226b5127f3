"""Whole archives: many files and folders, every core, bad files reported and skipped.

Each file is read, extracted and verified on its own (a document's stated
figures are checked against that document's tables), in a pool of worker
processes when there is more than one file; results come back in file order
and are concatenated.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from chile_trade import columns as C
from chile_trade.errors import InputError
from chile_trade.extraction import Extraction, extract, typed
from chile_trade.reading import read_document
from chile_trade.verification import verify

__all__ = ["ArchiveResult", "collect_paths", "process_files"]

DOCUMENT_SUFFIXES = (".txt",)
"""Files taken from a folder; a file named on the command line is taken whatever its name."""


@dataclass(frozen=True)
class ArchiveResult:
    """What a run over many files found.

    Attributes
    ----------
    tables, stated, result : pandas.DataFrame
        Concatenated over the files that could be read, in file order.
    errors : list of InputError
        One per file that was refused, located ``file:line``.
    files : int
        Files attempted.
    """

    tables: pd.DataFrame
    stated: pd.DataFrame
    result: pd.DataFrame
    errors: list[InputError]
    files: int


def collect_paths(paths: Sequence[str | Path]) -> list[Path]:
    """Expand folders (recursively, ``*.txt``, sorted) and keep files as given.

    Raises
    ------
    InputError
        For a path that does not exist, or a folder with no documents.
    """
    found: list[Path] = []
    for given in map(Path, paths):
        if given.is_dir():
            inside = sorted(p for p in given.rglob("*")
                            if p.is_file() and p.suffix.lower() in DOCUMENT_SUFFIXES)
            if not inside:
                raise InputError("folder holds no *.txt documents", source=str(given))
            found += inside
        elif given.exists():
            found.append(given)
        else:
            raise InputError("no such file or folder", source=str(given))
    return found


def _one(job: tuple[str, pd.DataFrame | None]) -> tuple[Extraction, pd.DataFrame] | InputError:
    path, reference = job
    try:
        extraction = extract(read_document(path), path)
    except InputError as exc:
        return exc
    return extraction, verify(extraction.tables, extraction.stated, reference)


def process_files(paths: Sequence[Path], *, reference: pd.DataFrame | None = None,
                  jobs: int = 0, keep_going: bool = False,
                  progress: Callable[[int, int], None] | None = None) -> ArchiveResult:
    """Read, extract and verify every file.

    Parameters
    ----------
    paths : sequence of Path
        Files (see `collect_paths`).
    reference : pandas.DataFrame, optional
        Passed to `chile_trade.verification.verify`.
    jobs : int
        Worker processes; 0 means one per core, 1 means none.
    keep_going : bool
        Report a bad file and go on; otherwise the first bad file (in file
        order) raises.
    progress : callable, optional
        Called with (files done, files in all) after each file.

    Raises
    ------
    InputError
        For the first bad file, unless ``keep_going``.
    """
    work = [(str(p), reference) for p in paths]
    workers = (os.cpu_count() or 1) if jobs == 0 else jobs
    outcomes: list[tuple[Extraction, pd.DataFrame] | InputError] = []
    if workers > 1 and len(work) > 1:
        with ProcessPoolExecutor(max_workers=min(workers, len(work))) as pool:
            for outcome in pool.map(_one, work, chunksize=max(1, len(work) // (workers * 8))):
                outcomes.append(outcome)
                if progress is not None:
                    progress(len(outcomes), len(work))
    else:
        for job in work:
            outcomes.append(_one(job))
            if progress is not None:
                progress(len(outcomes), len(work))
    errors = [o for o in outcomes if isinstance(o, InputError)]
    if errors and not keep_going:
        raise errors[0]
    good = [o for o in outcomes if not isinstance(o, InputError)]
    empty = extract("", "")
    tables = typed(pd.concat([empty.tables] + [e.tables for e, _ in good], ignore_index=True))
    stated = typed(pd.concat([empty.stated] + [e.stated for e, _ in good], ignore_index=True))
    results = [r for _, r in good]
    result = (pd.concat(results, ignore_index=True) if results
              else verify(empty.tables, empty.stated, reference))
    for col in (C.STATED, C.COMPUTED, C.COMPUTED_LOW, C.COMPUTED_HIGH):
        result[col] = result[col].astype("float64")
    return ArchiveResult(tables, stated, result, errors, len(work))
