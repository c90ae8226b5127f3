"""The command line: ``chile-trade verify``, ``tables``, ``figures`` and ``report``.

Exit codes: 0 success; 1 with ``--strict`` when a verdict is ``inconsistent``;
2 for bad input (``file:line: what is wrong`` on stderr, nothing written);
3 with ``--keep-going`` when files were skipped (each reported on stderr).
Output is written to a temporary file as it is made, a batch of documents at
a time, and moved to ``--output`` (a rename) or copied to stdout only when the
run succeeds, so a failed or interrupted run writes nothing partial; files of
``figures`` and ``report`` are each written through a temporary name and a
rename.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import math
import os
import shutil
import signal
import sys
import tempfile
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from fractions import Fraction
from pathlib import Path
from types import FrameType
from typing import IO, cast

import pandas as pd

from chile_trade import columns as C
from chile_trade._version import __version__
from chile_trade.archive import (
    DOCUMENT_SUFFIXES,
    ArchiveResult,
    collect_paths,
    iter_batches,
    usable_cores,
)
from chile_trade.dataset import load_extraction, load_reference
from chile_trade.errors import InputError
from chile_trade.paths import display_path
from chile_trade.reading import read_document
from chile_trade.reference import compare_with_reference, parse_reference
from chile_trade.report import excel_workbook, report_html
from chile_trade.verification import verify
from chile_trade.writing import check_output_file, spreadsheet_text, write_folder

__all__ = ["main"]

FORMATS = ("text", "json", "csv")
TABLE_OUTPUT_COLUMNS = [C.SOURCE, C.PARTNER, C.PARTNER_EN, C.FLOW, C.YEAR, C.VALUE,
                        C.VALUE_TEXT, C.UNIT, C.VALUATION, C.RAW]


def _progress_bar(done: int, total: int) -> None:
    end = "\n" if done == total else ""
    print(f"\rchile-trade: {done}/{total} files", end=end, file=sys.stderr, flush=True)


def _archive(args: argparse.Namespace, reference: pd.DataFrame | None,
             ) -> Iterator[ArchiveResult]:
    """Every FILE and folder given, extracted and verified, a batch of files at a time."""
    batches = iter_batches(args.paths, reference=reference, jobs=args.jobs,
                           keep_going=args.keep_going,
                           progress=_progress_bar if sys.stderr.isatty() else None)
    with contextlib.closing(batches):  # stopped early, the workers stop at once
        for part in batches:
            args.skipped += part.errors
            yield part


def _json_value(value: object) -> object:
    """A cell as JSON has it: fractions as ``"n/d"``; NaN, and a float out of range
    (which the digit limits of `chile_trade.numerals` rule out), as null."""
    if isinstance(value, Fraction):
        return f"{value.numerator}/{value.denominator}"
    if hasattr(value, "item"):  # numpy scalars
        value = value.item()
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return value


def _csv_value(value: object) -> object:
    value = _json_value(value)
    return spreadsheet_text(value) if isinstance(value, str) else value


def _records(frame: pd.DataFrame) -> list[dict[str, object]]:
    return [{str(k): _json_value(v) for k, v in row.items()}
            for row in frame.to_dict(orient="records")]


def _as_csv(frame: pd.DataFrame, *, header: bool = True) -> str:
    """CSV of a frame; no text cell can act as a formula in a spreadsheet."""
    buffer = io.StringIO()
    safe = frame.map(_csv_value).rename(columns=lambda c: spreadsheet_text(str(c)))
    safe.to_csv(buffer, index=False, header=header, lineterminator="\n")
    return buffer.getvalue()


def _formatted(frames: Iterable[pd.DataFrame], fmt: str) -> Iterator[str]:
    """JSON or CSV of the frames' rows, a frame at a time: the same text as
    formatting their concatenation at once (a JSON list of objects indented by
    2, or CSV with one header)."""
    started = False
    for frame in frames:
        if fmt == "csv":
            yield _as_csv(frame, header=not started)
            started = True
            continue
        for record in _records(frame):
            item = json.dumps(record, ensure_ascii=False, indent=2, allow_nan=False
                              ).replace("\n", "\n  ")
            yield ("[\n  " if not started else ",\n  ") + item
            started = True
    if fmt == "json":
        yield "\n]\n" if started else "[]\n"


def _verify_text(results: Iterable[pd.DataFrame], lang: str) -> Iterator[str]:
    explanation = C.EXPLANATION_FA if lang == "fa" else C.EXPLANATION
    claim = C.CLAIM_FA if lang == "fa" else C.CLAIM
    counts = dict.fromkeys(C.VERDICTS, 0)
    for result in results:
        for row in result.to_dict(orient="records"):
            counts[row[C.VERDICT]] += 1
            yield (f"{row[C.SOURCE]}  {row[C.VERDICT].upper()}  {row[claim]}\n"
                   f"    {row[explanation]}\n")
    summary = ", ".join(f"{counts[v]} {v}" for v in C.VERDICTS)
    yield f"{sum(counts.values())} stated figures: {summary}\n"


def _tables_text(tables: pd.DataFrame) -> str:
    if tables.empty:
        return "no tables found\n"
    shown = tables[[C.SOURCE, C.PARTNER_EN, C.PARTNER, C.FLOW, C.YEAR, C.VALUE_TEXT, C.UNIT,
                    C.VALUATION]]
    return shown.to_string(index=False) + "\n"


def _reference(path: str | None) -> pd.DataFrame:
    if path is None:
        return load_reference()
    return parse_reference(read_document(path), display_path(path))


def _run_verify(args: argparse.Namespace, write: Callable[[str], object]) -> int:
    reference = _reference(args.reference) if args.reference else None
    results: Iterable[pd.DataFrame]
    if args.files:
        results = (part.result for part in _archive(args, reference))
    else:
        shipped = load_extraction()
        results = [verify(shipped.tables, shipped.stated, reference)]
    inconsistent = False

    def noted(frames: Iterable[pd.DataFrame]) -> Iterator[pd.DataFrame]:
        nonlocal inconsistent
        for frame in frames:
            inconsistent = inconsistent or bool((frame[C.VERDICT] == C.INCONSISTENT).any())
            yield frame

    chunks = (_verify_text(noted(results), args.lang) if args.format == "text"
              else _formatted(noted(results), args.format))
    for chunk in chunks:
        write(chunk)
    return 1 if args.strict and inconsistent else 0


def _run_tables(args: argparse.Namespace, write: Callable[[str], object]) -> int:
    tables: Iterable[pd.DataFrame] = (
        (part.tables for part in _archive(args, None)) if args.files
        else [load_extraction().tables])
    if args.format == "text":  # aligned columns: the whole table first
        write(_tables_text(pd.concat(list(tables), ignore_index=True)))
    else:
        for chunk in _formatted((t[TABLE_OUTPUT_COLUMNS] for t in tables), args.format):
            write(chunk)
    return 0


def _jobs(text: str) -> int:
    try:
        jobs = int(text)
    except ValueError:
        jobs = -1
    if jobs < 0:
        raise argparse.ArgumentTypeError(f"expected 0 (one per core) or a positive number; "
                                         f"got {text!r}")
    return jobs


def _selection(allowed: tuple[str, ...]) -> Callable[[str], tuple[str, ...]]:
    def parse(text: str) -> tuple[str, ...]:
        chosen = tuple(part.strip() for part in text.split(",") if part.strip())
        bad = [part for part in chosen if part not in allowed]
        if bad or not chosen:
            raise argparse.ArgumentTypeError(
                f"choose from {','.join(allowed)} (comma-separated); got {text!r}")
        return chosen
    return parse


def _inputs(args: argparse.Namespace) -> list[Path]:
    """Files other than documents that the command reads: a reference table, a font."""
    return [Path(p) for p in (getattr(args, "reference", None), getattr(args, "font", None))
            if p]


def _render(tables: pd.DataFrame, stated: pd.DataFrame, result: pd.DataFrame, *,
            langs: tuple[str, ...], formats: tuple[str, ...],
            font: str | None) -> dict[str, bytes]:
    # Imported here: the verify and tables commands do not need matplotlib.
    from chile_trade.charts import render_charts  # noqa: PLC0415

    try:
        return render_charts(tables, stated, result, langs=langs, formats=formats, font=font)
    except ValueError as exc:  # a font that cannot be read or lacks a character
        raise InputError(str(exc), source=font or "font") from None


def _run_figures(args: argparse.Namespace, write: Callable[[str], object]) -> int:
    extraction = load_extraction()
    result = verify(extraction.tables, extraction.stated)
    files = _render(extraction.tables, extraction.stated, result, langs=args.lang,
                    formats=args.format, font=args.font)
    out_dir = Path(args.out)
    write_folder(out_dir, files, inputs=_inputs(args))
    write("".join(f"{display_path(out_dir / name)}\n" for name in files))
    return 0


def _progress(step: int, steps: int, what: str) -> None:
    """Say which long step is running, on a terminal only."""
    if sys.stderr.isatty():
        print(f"[{step}/{steps}] {what}", file=sys.stderr, flush=True)


def _run_report(args: argparse.Namespace, write: Callable[[str], object]) -> int:
    from chile_trade.charts import CHARTS  # noqa: PLC0415

    _progress(1, 4, "verifying the stated figures against the report and the reference")
    extraction = load_extraction()
    tables, stated = extraction.tables, extraction.stated
    reference = _reference(args.reference)
    result = verify(tables, stated, reference)
    comparison = compare_with_reference(tables, reference)
    _progress(2, 4, "drawing the figures")
    figures = _render(tables, stated, result, langs=(args.lang,),
                      formats=("png", "svg", "pdf"), font=args.font)
    _progress(3, 4, "writing the HTML report")
    page = report_html(tables=tables, result=result, comparison=comparison,
                       reference=reference, lang=args.lang,
                       figures={name: figures[f"{name}_{args.lang}.png"]
                                for name in CHARTS if name != "report"})
    _progress(4, 4, "writing CSV and Excel exports")
    sheets = {"verification": result, "tables": tables, "reference_check": comparison}
    files = {f"figures/{name}": content for name, content in figures.items()}
    files["report.html"] = page.encode("utf-8")
    for name, frame in sheets.items():
        files[f"{name}.csv"] = _as_csv(frame).encode("utf-8")
    files["chile_trade.xlsx"] = excel_workbook(sheets, rtl=args.lang == "fa")
    out_dir = Path(args.out)
    write_folder(out_dir, files, inputs=_inputs(args))
    write(f"{display_path(out_dir / 'report.html')}\n")
    return 0


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="chile-trade",
        description="Read the tables and stated percentages of Persian trade reports and "
                    "check each percentage against the report's own numbers.")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", required=True)
    verify_cmd = commands.add_parser(
        "verify", help="give every stated percentage a verdict",
        description="Recompute every stated percentage exactly and give it a verdict: "
                    "exact, within_rounding, inconsistent or unverifiable.")
    tables_cmd = commands.add_parser("tables", help="print the extracted tables as tidy rows")
    for command in (verify_cmd, tables_cmd):
        command.add_argument("files", nargs="*", metavar="FILE",
                             help="Persian text documents or folders of them (*.txt, "
                                  "recursively); default: the shipped seed data")
        command.add_argument("--format", choices=FORMATS, default="text",
                             help="output format (default: text)")
        command.add_argument("--output", metavar="FILE", default=None,
                             help="write the result here (atomically) instead of stdout")
        command.add_argument("--jobs", type=_jobs, default=0, metavar="N",
                             help="worker processes (default 0: one per usable core; 1: none); "
                                  "at most one per usable core")
        command.add_argument("--keep-going", action="store_true",
                             help="report a bad file on stderr and go on with the others "
                                  "(exit 3 when any was skipped)")
    verify_cmd.add_argument("--strict", action="store_true",
                            help="exit 1 when any verdict is inconsistent")
    verify_cmd.add_argument("--lang", choices=("en", "fa"), default="en",
                            help="language of the text output's explanations (default: en)")
    verify_cmd.add_argument("--reference", metavar="CSV",
                            help="also check every figure against this reference table "
                                 "(columns series,year,value_musd,valuation,source)")
    verify_cmd.set_defaults(run=_run_verify)
    tables_cmd.set_defaults(run=_run_tables)
    figures_cmd = commands.add_parser(
        "figures", help="write every chart of the shipped report",
        description="Write every chart (and the one-page report) of the shipped data, with "
                    "Persian labels shaped for the running matplotlib. SVG and PDF carry "
                    "the glyphs as outlines.")
    figures_cmd.add_argument("--out", default="figures", help="output folder (default: figures)")
    figures_cmd.add_argument("--lang", type=_selection(("fa", "en")), default=("fa", "en"),
                             help="languages, comma-separated (default: fa,en)")
    figures_cmd.add_argument("--format", type=_selection(("png", "svg", "pdf")),
                             default=("png", "svg", "pdf"),
                             help="formats, comma-separated (default: png,svg,pdf)")
    figures_cmd.add_argument("--font", default=None, metavar="FILE",
                             help="font file for the labels (default: Vazirmatn or Noto Sans "
                                  "Arabic if installed, else DejaVu Sans)")
    figures_cmd.set_defaults(run=_run_figures)
    report_cmd = commands.add_parser(
        "report", help="the main job: figures, a self-contained HTML report and exports",
        description="Verify every stated figure against the report and against official "
                    "statistics, draw the figures, and write report.html (self-contained, "
                    "opens offline), CSV files and an Excel workbook.")
    report_cmd.add_argument("--out", default="out", help="output folder (default: out)")
    report_cmd.add_argument("--lang", choices=("fa", "en"), default="fa",
                            help="language of the report (default: fa)")
    report_cmd.add_argument("--reference", metavar="CSV", default=None,
                            help="reference table (default: the shipped official figures)")
    report_cmd.add_argument("--font", default=None, metavar="FILE",
                            help="font file for the figures' labels")
    report_cmd.set_defaults(run=_run_report)
    return parser


def _spool(output: str | None) -> IO[str]:
    """A temporary file for the output: beside ``output`` (so that a rename can
    replace it), or anywhere for stdout."""
    if output:
        target = Path(output)
        return tempfile.NamedTemporaryFile(  # the caller closes it
            "w+", encoding="utf-8", newline="", dir=target.parent,
            prefix=f".{target.name}.", suffix=".tmp", delete=False)
    return tempfile.TemporaryFile("w+", encoding="utf-8", newline="")


class Interrupted(BaseException):
    """A signal asked the run to stop; ``signum`` says which."""

    def __init__(self, signum: int):
        super().__init__(signum)
        self.signum = signum


_STOPPING_SIGNALS = (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)


def _stop(signum: int, frame: FrameType | None) -> None:
    # Further signals are ignored while the run cleans up after this one.
    for other in _STOPPING_SIGNALS:
        signal.signal(other, signal.SIG_IGN)
    raise Interrupted(signum)


@contextlib.contextmanager
def _signals_stop_the_run() -> Iterator[None]:
    """SIGINT, SIGTERM and SIGHUP raise `Interrupted` in the main thread, so that every
    ``finally`` runs: temporary files removed, workers stopped."""
    if threading.current_thread() is not threading.main_thread():
        yield  # only the main thread may set handlers; the caller's stay
        return
    previous = {signum: signal.signal(signum, _stop) for signum in _STOPPING_SIGNALS}
    try:
        yield
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)


def _capped_jobs(args: argparse.Namespace) -> None:
    cores = usable_cores()
    if args.jobs > cores:
        print(f"chile-trade: --jobs {args.jobs} is more than the {cores} usable cores; "
              f"using {cores}", file=sys.stderr)
        args.jobs = cores


def _prepare(args: argparse.Namespace) -> None:
    """Every check that needs no reading, before anything is read or written."""
    args.skipped = []
    args.paths = []
    if args.command not in ("verify", "tables"):
        return
    args.paths = collect_paths(args.files) if args.files else []
    _capped_jobs(args)
    if args.output:
        check_output_file(args.output, inputs=[*args.paths, *_inputs(args)],
                          folders=[Path(f) for f in args.files if Path(f).is_dir()],
                          scanned_suffixes=DOCUMENT_SUFFIXES)


def _run(args: argparse.Namespace) -> int:
    try:
        _prepare(args)
    except InputError as exc:
        print(exc, file=sys.stderr)
        return 2
    output = getattr(args, "output", None)
    # Output goes to a temporary file as it is made, and only a finished run
    # moves it to --output (a rename) or copies it to stdout: a failed or
    # interrupted run writes nothing, and memory does not grow with it.
    try:
        spool = _spool(output)
    except OSError as exc:
        print(f"{display_path(output or '')}: cannot write: {exc.strerror or exc}",
              file=sys.stderr)
        return 2
    with spool:
        try:
            code = cast("int", args.run(args, spool.write))
            spool.flush()
            if output:
                spool.close()
                umask = os.umask(0)
                os.umask(umask)
                os.chmod(spool.name, 0o666 & ~umask)  # as a newly written file would be
                os.replace(spool.name, output)
        except InputError as exc:
            print(exc, file=sys.stderr)
            return 2
        except OSError as exc:
            where = display_path(output) if output else "temporary file for stdout"
            print(f"{where}: cannot write: {exc.strerror or exc}", file=sys.stderr)
            return 2
        finally:
            if output and os.path.exists(spool.name):
                os.unlink(spool.name)
        for skipped in args.skipped:
            print(f"{skipped} (skipped)", file=sys.stderr)
        if not output:
            spool.seek(0)
            args.copying = True  # a signal from here on cuts stdout short
            shutil.copyfileobj(spool, sys.stdout)
    sys.stdout.flush()
    return 3 if args.skipped and code == 0 else code


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code.

    0: done; 1: ``--strict`` and a figure is inconsistent; 2: bad input,
    nothing written; 3: ``--keep-going`` and at least one file was skipped
    (reported on stderr), the rest written; 128 + N: stopped by signal N
    (130 for Ctrl-C, 143 for SIGTERM), nothing written.
    """
    args = _parser().parse_args(argv)
    try:
        with _signals_stop_the_run():
            return _run(args)
    except (Interrupted, KeyboardInterrupt) as exc:
        signum = exc.signum if isinstance(exc, Interrupted) else signal.SIGINT
        written = "output cut short" if getattr(args, "copying", False) else "nothing written"
        print(f"chile-trade: stopped by {signal.Signals(signum).name}; {written}",
              file=sys.stderr)
        return 128 + signum
    except BrokenPipeError:
        # The reader of stdout went away (`chile-trade verify | head`): stop quietly.
        with contextlib.suppress(OSError):
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 128 + signal.SIGPIPE


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
