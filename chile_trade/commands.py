"""What each command does, once `chile_trade.cli` has read the arguments.

Output is written to a temporary file as it is made, a batch of documents at
a time, and moved to ``--output`` (a rename) or copied to stdout only when
the run succeeds, so a failed or interrupted run writes nothing partial; the
files of ``figures`` and ``report`` are written into a staging folder and
moved into place together (`chile_trade.io.writing.write_folder`). Everything
that needs no reading (the output path, ``--jobs``) is checked first.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import math
import os
import shutil
import sys
import tempfile
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import IO, TYPE_CHECKING

import pandas as pd

from chile_trade import columns as C
from chile_trade import interrupts
from chile_trade.errors import InputError
from chile_trade.frames import verify
from chile_trade.io.archive import (
    ArchiveResult,
    collect_paths,
    iter_batches,
    usable_cores,
)
from chile_trade.io.dataset import load_extraction, load_reference
from chile_trade.io.formats import DOCUMENT_SUFFIXES
from chile_trade.io.paths import display_path, require_regular_file
from chile_trade.io.reading import read_document
from chile_trade.io.reference import compare_with_reference, parse_reference
from chile_trade.io.writing import check_output_file, spreadsheet_text, write_folder
from chile_trade.present.ci import github_commands, junit_xml
from chile_trade.present.report import excel_workbook, report_html

if TYPE_CHECKING:  # matplotlib is imported only by the commands that draw
    from chile_trade.present.charts import PlannedChart

__all__ = ["run"]

TABLE_OUTPUT_COLUMNS = [C.SOURCE, C.REPORTER, C.REPORTER_EN, C.PARTNER, C.PARTNER_EN, C.FLOW,
                        C.SERIES, C.YEAR, C.CALENDAR, C.FISCAL_YEAR, C.VALUE, C.VALUE_TEXT,
                        C.UNIT, C.VALUATION, C.RAW]


def _progress_bar(done: int, total: int) -> None:
    end = "\n" if done == total else ""
    print(f"\rchile-trade: {done}/{total} files", end=end, file=sys.stderr, flush=True)


@contextlib.contextmanager
def _archive(args: argparse.Namespace, reference: pd.DataFrame | None,
             ) -> Iterator[Iterator[ArchiveResult]]:
    """Every FILE and folder given, extracted and verified, a batch of files at a time
    (nothing without FILE). However the run leaves this block, a signal included, the
    workers are stopped before it goes on."""
    if not args.files:
        yield iter(())
        return
    batches = iter_batches(args.paths, reference=reference, jobs=args.jobs,
                           keep_going=args.keep_going,
                           progress=_progress_bar if sys.stderr.isatty() else None)

    def noted() -> Iterator[ArchiveResult]:
        for part in batches:
            interrupts.check()
            args.skipped += part.errors
            for name in part.empty:  # nothing silent: a file that held nothing says so
                print(f"{name}: no table and no stated figure found", file=sys.stderr)
            for notice in part.notices:  # nor a column read but not used
                print(f"{notice} (note)", file=sys.stderr)
            yield part

    try:
        yield noted()
    finally:
        batches.close()


def _json_value(value: object) -> object:
    """A cell as JSON has it: ``<NA>``, NaN, and a float out of range (which the digit
    limits of `chile_trade.core.numbers` rule out), as null."""
    if value is pd.NA or value is None:  # missing text or year
        return None
    if hasattr(value, "item"):  # numpy scalars
        value = value.item()
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return value


def _csv_value(value: object) -> object:
    value = _json_value(value)
    return spreadsheet_text(value) if isinstance(value, str) else value


def _records(frame: pd.DataFrame) -> list[dict[str, object]]:
    records = [{str(k): _json_value(v) for k, v in row.items()}
               for row in frame.to_dict(orient="records")]
    if C.INPUTS in frame.columns:  # a list in JSON, "a; b" in a CSV cell
        for record in records:
            inputs = record[C.INPUTS]
            record[C.INPUTS] = str(inputs).split("; ") if inputs else []
    return records


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
    per_file: dict[str, dict[str, int]] = {}  # file -> verdict or reason -> figures
    for result in results:
        for row in result.to_dict(orient="records"):
            counts[row[C.VERDICT]] += 1
            tally = per_file.setdefault(str(row[C.SOURCE]).rpartition(":")[0], {})
            key = row[C.VERDICT] if row[C.VERDICT] != C.UNVERIFIABLE else f"- {row[C.REASON]}"
            tally[key] = tally.get(key, 0) + 1
            yield (f"{row[C.ID]}  {row[C.VERDICT].upper()}  {row[claim]}\n"
                   f"    {row[explanation]}\n")
            if isinstance(row.get(C.REF_VERDICT), str):  # with --reference: its verdict too
                ref_explanation = row[C.REF_EXPLANATION_FA if lang == "fa"
                                      else C.REF_EXPLANATION]
                yield (f"    reference: {row[C.REF_VERDICT].upper()}  "
                       f"{ref_explanation if isinstance(ref_explanation, str) else ''}\n")
    for name, tally in per_file.items():
        yield _file_summary(name, tally)
    summary = ", ".join(f"{counts[v]} {v}" for v in C.VERDICTS)
    yield f"{sum(counts.values())} stated figures: {summary}\n"


def _file_summary(name: str, tally: dict[str, int]) -> str:
    """``file: 7 figures, 4 checked (1 exact, ...), 3 unverifiable (2 no figures, ...)``."""
    checked = [(v, tally[v]) for v in C.VERDICTS[:3] if v in tally]
    reasons = sorted((key[2:], n) for key, n in tally.items() if key.startswith("- "))
    parts = [f"{sum(tally.values())} figures",
             f"{sum(n for _, n in checked)} checked"
             + (f" ({', '.join(f'{n} {v}' for v, n in checked)})" if checked else "")]
    if reasons:
        parts.append(f"{sum(n for _, n in reasons)} unverifiable "
                     f"({', '.join(f'{n} {reason}' for reason, n in reasons)})")
    return f"{name}: {', '.join(parts)}\n"


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
    inconsistent = False

    def noted(frames: Iterable[pd.DataFrame]) -> Iterator[pd.DataFrame]:
        nonlocal inconsistent
        for frame in frames:
            verdicts = [frame[C.VERDICT]] + ([frame[C.REF_VERDICT]]
                                             if C.REF_VERDICT in frame.columns else [])
            inconsistent = inconsistent or any(bool((v == C.INCONSISTENT).any())
                                               for v in verdicts)
            yield frame

    with _archive(args, reference) as parts:
        results: Iterable[pd.DataFrame]
        if args.files:
            results = (part.result for part in parts)
        else:
            shipped = load_extraction()
            results = [verify(shipped.tables, shipped.stated, reference)]
        chunks = (_verify_text(noted(results), args.lang) if args.format == "text"
                  else github_commands(noted(results), args.skipped) if args.format == "github"
                  else junit_xml(noted(results), args.skipped, lang=args.lang)
                  if args.format == "junit"
                  else _formatted(noted(results), args.format))
        for chunk in chunks:
            write(chunk)
    return 1 if args.strict and inconsistent else 0


def _run_tables(args: argparse.Namespace, write: Callable[[str], object]) -> int:
    with _archive(args, None) as parts:
        tables: Iterable[pd.DataFrame] = (
            (part.tables for part in parts) if args.files else [load_extraction().tables])
        if args.format == "text":  # aligned columns: the whole table first
            write(_tables_text(pd.concat(list(tables), ignore_index=True)))
        else:
            for chunk in _formatted((t[TABLE_OUTPUT_COLUMNS] for t in tables), args.format):
                write(chunk)
    return 0


def _inputs(args: argparse.Namespace) -> list[Path]:
    """Files other than documents that the command reads: a reference table, a font."""
    return [Path(p) for p in (getattr(args, "reference", None), getattr(args, "font", None))
            if p]


def _documents(args: argparse.Namespace, reference: pd.DataFrame | None,
               ) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """The tables, stated figures and verdicts of the FILEs (default: the shipped data)."""
    if not args.files:
        shipped = load_extraction()
        return shipped.tables, shipped.stated, verify(shipped.tables, shipped.stated, reference)
    with _archive(args, reference) as parts:
        done = list(parts)
    tables, stated, result = (pd.concat([getattr(p, name) for p in done], ignore_index=True)
                              for name in ("tables", "stated", "result"))
    if tables.empty and result.empty:
        raise InputError("the documents hold no table and no stated figure (a table is a "
                         "'جدول ...' title or a sentence naming the trade, a header of years "
                         "and lines of values; a stated figure is a percentage or amount in "
                         "the text)", source=_sources(args))
    return tables, stated, result


def _plan(tables: pd.DataFrame, stated: pd.DataFrame,
          result: pd.DataFrame) -> list[PlannedChart]:
    # Imported here: the verify and tables commands do not need matplotlib.
    with interrupts.deferred():
        from chile_trade.present.charts import chart_plan  # noqa: PLC0415

    return chart_plan(tables, stated, result)


def _render(plan: list[PlannedChart], *, langs: tuple[str, ...], formats: tuple[str, ...],
            font: str | None, source: str) -> dict[str, bytes]:
    with interrupts.deferred():
        from chile_trade.present.charts import render_plan  # noqa: PLC0415

    if not plan:
        raise InputError("the documents hold nothing to draw: no table, and no stated figure "
                         "that could be checked", source=source)
    try:
        return render_plan(plan, langs=langs, formats=formats, font=font)
    except ValueError as exc:  # a font that cannot be read or lacks a character, or data
        # the charts cannot draw
        about_font = str(exc).startswith(("font ", "font_file "))
        raise InputError(str(exc), source=(font or "font") if about_font else source) from None


def _sources(args: argparse.Namespace) -> str:
    paths = getattr(args, "paths", [])
    return (", ".join(display_path(p) for p in paths[:3]) + (" …" if len(paths) > 3 else "")
            if paths else "shipped data")


def _run_figures(args: argparse.Namespace, write: Callable[[str], object]) -> int:
    tables, stated, result = _documents(args, None)
    files = _render(_plan(tables, stated, result), langs=args.lang, formats=args.format,
                    font=args.font, source=_sources(args))
    out_dir = Path(args.out)
    write_folder(out_dir, files, inputs=[*args.paths, *_inputs(args)],
                 before_moving=interrupts.check)
    write("".join(f"{display_path(out_dir / name)}\n" for name in files))
    return 0


def _progress(step: int, steps: int, what: str) -> None:
    """Say which long step is running, on a terminal only."""
    if sys.stderr.isatty():
        print(f"[{step}/{steps}] {what}", file=sys.stderr, flush=True)


def _run_report(args: argparse.Namespace, write: Callable[[str], object]) -> int:
    _progress(1, 4, "verifying the stated figures against the report and the reference")
    # The shipped reference is about the shipped report; the user's documents are checked
    # against a reference only when one is given.
    reference = _reference(args.reference) if args.reference or not args.files else None
    tables, stated, result = _documents(args, reference)
    comparison = (compare_with_reference(tables, reference)
                  if reference is not None and not tables.empty else None)
    _progress(2, 4, "drawing the figures")
    plan = _plan(tables, stated, result)
    figures = _render(plan, langs=(args.lang,), formats=("png", "svg", "pdf"),
                      font=args.font, source=_sources(args)) if plan else {}
    _progress(3, 4, "writing the HTML report")
    several_files = len({chart.file for chart in plan}) > 1
    several_panels = any(chart.panel is not None and chart.panel.number for chart in plan)
    sections: dict[str, list[tuple[str, bytes]]] = {}
    for chart in plan:  # the composite page figure repeats the others: not on the page
        if chart.stem != "report":
            sections.setdefault(chart.file if several_files else "", []).append(
                (chart.caption(args.lang) if several_panels else "",
                 figures[f"{chart.stem}_{args.lang}.png"]))
    page = report_html(tables=tables, stated=stated, result=result, comparison=comparison,
                       reference=reference, lang=args.lang, figures=sections)
    _progress(4, 4, "writing CSV and Excel exports")
    sheets = {"verification": result, "tables": tables}
    if comparison is not None:
        sheets["reference_check"] = comparison
    files = {f"figures/{name}": content for name, content in figures.items()}
    files["report.html"] = page.encode("utf-8")
    for name, frame in sheets.items():
        files[f"{name}.csv"] = _as_csv(frame).encode("utf-8")
    files["chile_trade.xlsx"] = excel_workbook(sheets, rtl=args.lang == "fa", lang=args.lang)
    out_dir = Path(args.out)
    write_folder(out_dir, files, inputs=[*args.paths, *_inputs(args)],
                 before_moving=interrupts.check)
    write(f"{display_path(out_dir / 'report.html')}\n")
    return 0


def _spool(output: str | None) -> IO[str]:
    """A temporary file for the output: beside ``output`` (so that a rename can
    replace it), or anywhere for stdout."""
    if output:
        target = Path(output)
        return tempfile.NamedTemporaryFile(  # the caller closes it
            "w+", encoding="utf-8", newline="", dir=target.parent,
            prefix=f".{target.name}.", suffix=".tmp", delete=False)
    return tempfile.TemporaryFile("w+", encoding="utf-8", newline="")


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
    for path in _inputs(args):  # a reference table, a font: never a FIFO to wait on
        require_regular_file(path)
    args.paths = collect_paths(args.files) if getattr(args, "files", None) else []
    if not hasattr(args, "jobs"):
        return
    _capped_jobs(args)
    if getattr(args, "output", None):
        check_output_file(args.output, inputs=[*args.paths, *_inputs(args)],
                          folders=[Path(f) for f in args.files if Path(f).is_dir()],
                          scanned_suffixes=DOCUMENT_SUFFIXES)


_COMMANDS: dict[str, Callable[[argparse.Namespace, Callable[[str], object]], int]] = {
    "verify": _run_verify, "tables": _run_tables, "figures": _run_figures,
    "report": _run_report,
}


def run(args: argparse.Namespace) -> int:
    """Run the command ``args`` name; return its exit code (see `chile_trade.cli`)."""
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
            code = _COMMANDS[args.command](args, spool.write)
            spool.flush()
            interrupts.check()  # a signal whose exception Python dropped still stops here
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
            interrupts.check()
            args.copying = True  # a signal from here on cuts stdout short
            shutil.copyfileobj(spool, sys.stdout)
    sys.stdout.flush()
    return 3 if args.skipped and code in (0, 1) else code  # a skipped file is never hidden
