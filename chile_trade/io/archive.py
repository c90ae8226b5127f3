"""Whole archives: many files and folders, every core, bad files reported and skipped.

Each file is read, extracted and verified on its own (a document's stated
figures are checked against that document's tables), as records
(`chile_trade.core`). Files go in batches to a pool of worker processes when
there is more than one worker; a batch's records become frames once, in its
worker (`chile_trade.frames`), and the batches are concatenated in file order
in the main process.
"""

from __future__ import annotations

import contextlib
import ctypes
import dataclasses
import os
import signal
import sys
from collections import deque
from collections.abc import Callable, Generator, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from chile_trade.core.grammar import Document, read, read_blocks
from chile_trade.core.records import Claim, ReferenceFigure, TableCell, Verdict
from chile_trade.errors import InputError
from chile_trade.frames import (
    checked_reference,
    result_frame,
    stated_frame,
    tables_frame,
    typed,
    verdicts,
)
from chile_trade.io.formats import DOCUMENT_SUFFIXES, FORMAT_SUFFIXES, load_blocks
from chile_trade.io.paths import display_path
from chile_trade.io.reading import read_document

__all__ = ["BATCH_FILES", "ArchiveResult", "collect_paths", "iter_batches", "process_files",
           "usable_cores"]

"""Files taken from a folder; a file named on the command line is taken whatever its name."""
BATCH_FILES = 64
"""Most files handed to a worker at once."""


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
    empty : list of str
        The files read in which nothing was found: no table and no stated figure.
    """

    tables: pd.DataFrame
    stated: pd.DataFrame
    result: pd.DataFrame
    errors: list[InputError]
    files: int
    empty: list[str] = dataclasses.field(default_factory=list)
    notices: list[InputError] = dataclasses.field(default_factory=list)
    """Located notes on what was read but not used (an unknown column kept as unknown)."""

    def _replace_files(self, files: int) -> ArchiveResult:
        return dataclasses.replace(self, files=files)


def collect_paths(paths: Sequence[str | Path]) -> list[Path]:
    """Expand folders (recursively, every supported suffix: `DOCUMENT_SUFFIXES`, sorted)
    and keep files as given.

    Raises
    ------
    InputError
        For a path that does not exist, or a folder with no documents.
    """
    found: list[Path] = []
    for given in map(Path, paths):
        if given.is_dir():
            # Anything named like a document but a folder is taken, so that a FIFO, a
            # device or a broken link is refused by the reader with its name, not skipped.
            inside = sorted(p for p in given.rglob("*")
                            if p.suffix.lower() in DOCUMENT_SUFFIXES and not p.is_dir())
            if not inside:
                raise InputError("folder holds no documents (" + ", ".join(
                    f"*{suffix}" for suffix in DOCUMENT_SUFFIXES) + ")", source=display_path(given))
            found += inside
        elif given.exists():
            found.append(given)
        else:
            raise InputError("no such file or folder", source=display_path(given))
    return found


def usable_cores() -> int:
    """The number of cores this process may run on (its CPU affinity), at least 1."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


_Job = tuple[str, list[ReferenceFigure] | None, bool]
_Checked = tuple[Document, list[Verdict], list[tuple[Verdict, list[ReferenceFigure]]] | None]


def _one(job: _Job) -> _Checked | InputError:
    """Read, extract and check one file, as records (with ``keep_going``, a table that
    cannot be read is left out and listed in the document's ``skipped``)."""
    path, reference, keep_going = job
    try:
        source = display_path(path)
        document = (read(read_document(path), source, keep_going=keep_going)
                    if Path(path).suffix.lower() not in FORMAT_SUFFIXES
                    else read_blocks(load_blocks(Path(path), source), source,
                                     keep_going=keep_going))
    except InputError as exc:
        return exc
    results, against = verdicts(document.cells, document.claims, reference)
    return document, results, against


def _batch(job: tuple[list[str], list[ReferenceFigure] | None, bool]) -> ArchiveResult:
    """Process a run of files and build the batch's frames where they were processed, once:
    a worker sends back three frames per batch rather than three per document. A table
    skipped with ``keep_going`` is an error of the batch, beside the files' own."""
    paths, reference, keep_going = job
    cells: list[TableCell] = []
    claims: list[Claim] = []
    results: list[Verdict] = []
    against: list[tuple[Verdict, list[ReferenceFigure]]] = []
    errors: list[InputError] = []
    empty: list[str] = []
    notices: list[InputError] = []
    for path in paths:
        outcome = _one((path, reference, keep_going))
        if isinstance(outcome, InputError):
            errors.append(outcome)
            continue
        document, checked, checked_against = outcome
        errors += document.skipped
        if not document.cells and not document.claims and not document.skipped:
            empty.append(display_path(path))
        notices += document.notices
        cells += document.cells
        claims += document.claims
        results += checked
        against += checked_against or []
    return ArchiveResult(tables_frame(cells), stated_frame(claims),
                         result_frame(results, against if reference is not None else None),
                         errors, len(paths), empty, notices)


def _combine(parts: Sequence[ArchiveResult], files: int,
             reference: list[ReferenceFigure] | None) -> ArchiveResult:
    if not parts:
        return _batch(([], reference, False))._replace_files(files)
    if len(parts) == 1:
        return parts[0]._replace_files(files)
    return ArchiveResult(typed(pd.concat([p.tables for p in parts], ignore_index=True)),
                         typed(pd.concat([p.stated for p in parts], ignore_index=True)),
                         pd.concat([p.result for p in parts], ignore_index=True),
                         [e for p in parts for e in p.errors], files,
                         [name for p in parts for name in p.empty],
                         [n for p in parts for n in p.notices])


def _batches(paths: Sequence[Path], workers: int) -> list[list[str]]:
    # Enough batches to keep every worker busy to the end, few enough that the
    # cost of sending frames back stays small against the work.
    size = max(1, min(BATCH_FILES, -(-len(paths) // (workers * 4))))
    names = [str(p) for p in paths]
    return [names[i:i + size] for i in range(0, len(names), size)]


def _die_with_parent(parent: int) -> None:
    """Ask Linux to kill this process when its parent dies, however the parent dies."""
    if sys.platform.startswith("linux"):
        try:
            prctl = ctypes.CDLL(None, use_errno=True).prctl
        except (OSError, AttributeError):  # pragma: no cover - a libc without prctl
            return
        prctl(ctypes.c_int(1), ctypes.c_ulong(signal.SIGKILL),  # PR_SET_PDEATHSIG
              ctypes.c_ulong(0), ctypes.c_ulong(0), ctypes.c_ulong(0))
    if os.getppid() != parent:  # the parent died before the request took effect
        os._exit(1)


def _worker_started(parent: int) -> None:
    """Set up a worker: the main process alone answers signals and writes output.

    Ctrl-C reaches every process of the terminal's group: workers ignore it and
    the main process stops them. A worker is forked with the stopping signals
    blocked (`_forking`), so a Ctrl-C while it starts up waits, and is dropped
    here once it is ignored. A worker's standard streams point nowhere, so that
    no worker, even an orphan, holds open the pipe the caller reads.
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    for signum in (signal.SIGTERM, signal.SIGHUP):
        signal.signal(signum, signal.SIG_DFL)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, _STOPPING)
    nowhere = os.open(os.devnull, os.O_RDWR)
    for stream in (0, 1, 2):
        os.dup2(nowhere, stream)
    os.close(nowhere)
    _die_with_parent(parent)


_STOPPING = {signal.SIGINT, signal.SIGTERM, signal.SIGHUP}


@contextlib.contextmanager
def _forking() -> Iterator[None]:
    """Block the stopping signals while a worker may be forked (a submit can start one).

    A signal that arrives meanwhile is delivered to the main process when the block
    ends; a worker starts with it blocked, so a Ctrl-C sent to the whole group cannot
    interrupt the worker's start-up before `_worker_started` ignores it (it printed
    a traceback from the worker).
    """
    signal.pthread_sigmask(signal.SIG_BLOCK, _STOPPING)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_UNBLOCK, _STOPPING)


def _stop_workers(pool: ProcessPoolExecutor) -> None:
    """Stop the workers now, whatever they are doing (the run is abandoned)."""
    terminate = getattr(pool, "terminate_workers", None)  # Python 3.14
    if terminate is not None:
        terminate()
        return
    for process in list((getattr(pool, "_processes", None) or {}).values()):
        process.terminate()


def iter_batches(paths: Sequence[Path], *, reference: pd.DataFrame | None = None,
                 jobs: int = 0, keep_going: bool = False,
                 progress: Callable[[int, int], None] | None = None,
                 ) -> Generator[ArchiveResult, None, None]:
    """Read, extract and verify every file, a batch at a time, in file order.

    Files go in batches of up to `BATCH_FILES`, each concatenated where it
    was processed; with more than one worker, the batches go to a pool of
    processes, with at most two per worker running or waiting to be taken,
    so memory does not grow with the number of files. At least one batch is
    yielded (with no rows if there are no files). Parameters as for
    `process_files`; ``progress`` is called after each batch.

    Raises
    ------
    InputError
        For the first bad file, unless ``keep_going``; batches after it are
        not started.
    """
    if jobs < 0:
        raise ValueError(f"jobs must be 0 (one per core) or a positive number; got {jobs}")
    workers = max(1, min(jobs or usable_cores(), usable_cores(), len(paths)))
    batches = _batches(paths, workers)
    figures = checked_reference(reference) if reference is not None else None
    if not batches:
        yield _combine([], 0, figures)
        return
    files_done = 0

    def taken(part: ArchiveResult) -> ArchiveResult:
        nonlocal files_done
        if part.errors and not keep_going:
            raise part.errors[0]
        files_done += part.files
        if progress is not None:
            progress(files_done, len(paths))
        return part

    if workers == 1:
        for batch in batches:
            yield taken(_batch((batch, figures, keep_going)))
        return
    pool = ProcessPoolExecutor(max_workers=workers, initializer=_worker_started,
                               initargs=(os.getpid(),))
    finished = False
    try:
        waiting: deque[tuple[list[str], Future[ArchiveResult]]] = deque()

        def next_done() -> ArchiveResult:
            batch, future = waiting.popleft()
            try:
                return future.result()
            except BrokenProcessPool:
                raise InputError(f"a worker process died while reading this batch of "
                                 f"{len(batch)} files (out of memory, or killed)",
                                 source=display_path(batch[0])) from None

        for batch in batches:
            with _forking():
                future = pool.submit(_batch, (batch, figures, keep_going))
            waiting.append((batch, future))
            if len(waiting) >= 2 * workers:
                yield taken(next_done())
        while waiting:
            yield taken(next_done())
        finished = True
    finally:
        # Abandoned (a bad file, a signal, the caller stopped reading): stop the
        # workers rather than wait for the batches they are on.
        if not finished:
            _stop_workers(pool)
        pool.shutdown(wait=True, cancel_futures=True)


def process_files(paths: Sequence[Path], *, reference: pd.DataFrame | None = None,
                  jobs: int = 0, keep_going: bool = False,
                  progress: Callable[[int, int], None] | None = None) -> ArchiveResult:
    """Read, extract and verify every file; one combined result.

    Results are in file order whatever the number of workers. To write
    results as they come, without holding them all, use `iter_batches`.

    Parameters
    ----------
    paths : sequence of Path
        Files (see `collect_paths`).
    reference : pandas.DataFrame, optional
        Passed to `chile_trade.frames.verify`.
    jobs : int
        Worker processes; 0 means one per usable core, 1 means none. At most
        one per usable core (`usable_cores`) and one per batch are started.
    keep_going : bool
        Report a bad file and go on; otherwise the first bad file (in file
        order) raises and the files not yet started are not read.
    progress : callable, optional
        Called with (files done, files in all) after each batch.

    Raises
    ------
    InputError
        For the first bad file, unless ``keep_going``.
    """
    done = list(iter_batches(paths, reference=reference, jobs=jobs, keep_going=keep_going,
                             progress=progress))
    return _combine(done, len(paths), None)
