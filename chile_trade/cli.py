"""The command line: ``chile-trade verify``, ``tables``, ``figures`` and ``report``.

Exit codes (`EXIT_CODES`, also in ``--help``), the first that applies: 2 for bad
input (``file:line: what is wrong`` on stderr, nothing written); 3 with
``--keep-going`` when files or tables were skipped (each reported on stderr), even
where a figure is inconsistent; 1 with ``--strict`` when a verdict, or with
``--reference`` a reference verdict, is ``inconsistent``; 0 success; 128 + N when
signal N stopped the run (130 Ctrl-C, 143 SIGTERM, 129 SIGHUP).

This module is light: it reads the arguments and makes SIGINT, SIGTERM and
SIGHUP stop the run cleanly before it imports what the commands need
(`chile_trade.commands`, with pandas), so that even a Ctrl-C during those
imports ends in one line, not a traceback.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import signal
import sys
from collections.abc import Callable, Sequence

from chile_trade._version import __version__
from chile_trade.interrupts import Interrupted, deferred, stop_on_signals

__all__ = ["main"]

FORMATS = ("text", "json", "csv")
EXIT_CODES = """exit codes (the first that applies):
  2    bad input or an output that cannot be written: file:line: what is wrong, on
       stderr; nothing written
  3    --keep-going and a file or table was skipped (each named on stderr); the rest
       written
  1    --strict and a figure is inconsistent (with --reference, against the
       reference too)
  0    done
  128+N  stopped by signal N (130 Ctrl-C, 143 SIGTERM, 129 SIGHUP); nothing written"""


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


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="chile-trade",
        description="Read the tables and stated percentages of Persian trade reports and "
                    "check each percentage against the report's own numbers.",
        epilog=EXIT_CODES, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    subcommands = parser.add_subparsers(dest="command", required=True)
    verify_cmd = subcommands.add_parser(
        "verify", help="give every stated percentage a verdict",
        description="Recompute every stated percentage exactly and give it a verdict: "
                    "exact, within_rounding, inconsistent or unverifiable.",
        epilog=EXIT_CODES, formatter_class=argparse.RawDescriptionHelpFormatter)
    tables_cmd = subcommands.add_parser("tables", help="print the extracted tables as tidy rows",
                                        epilog=EXIT_CODES,
                                        formatter_class=argparse.RawDescriptionHelpFormatter)
    for command in (verify_cmd, tables_cmd):
        command.add_argument("files", nargs="*", metavar="FILE",
                             help="Persian documents (.txt .md .html .htm .docx .xlsx .pdf) "
                                  "or folders of them (recursively); default: the shipped "
                                  "seed data")
        command.add_argument("--output", metavar="FILE", default=None,
                             help="write the result here (atomically) instead of stdout")
        command.add_argument("--jobs", type=_jobs, default=0, metavar="N",
                             help="worker processes (default 0: one per usable core; 1: none); "
                                  "at most one per usable core")
        command.add_argument("--keep-going", action="store_true",
                             help="report a bad file on stderr and go on with the others "
                                  "(exit 3 when any was skipped)")
    verify_cmd.add_argument("--format", choices=(*FORMATS, "github", "junit"), default="text",
                            help="output format (default: text; github: workflow commands, "
                                 "::error for an inconsistent figure, ::warning for a "
                                 "skipped file or table; junit: JUnit XML, one test case "
                                 "per figure, failure when inconsistent, skipped when "
                                 "unverifiable, error for a skipped file or table)")
    tables_cmd.add_argument("--format", choices=FORMATS, default="text",
                            help="output format (default: text)")
    verify_cmd.add_argument("--strict", action="store_true",
                            help="exit 1 when any verdict is inconsistent")
    verify_cmd.add_argument("--lang", choices=("en", "fa"), default="en",
                            help="language of the text output's explanations (default: en)")
    verify_cmd.add_argument("--reference", metavar="CSV",
                            help="also check every figure against this reference table "
                                 "(columns series,year,value_musd,valuation,source)")
    figures_cmd = subcommands.add_parser(
        "figures", help="write every chart of the documents (default: the shipped report)",
        epilog=EXIT_CODES, formatter_class=argparse.RawDescriptionHelpFormatter,
        description="Write every chart (and the one-page report) of the documents' tables "
                    "and figures, with Persian labels shaped for the running matplotlib. "
                    "SVG and PDF carry the glyphs as outlines.")
    figures_cmd.add_argument("--out", default="figures", help="output folder (default: figures)")
    figures_cmd.add_argument("--lang", type=_selection(("fa", "en")), default=("fa", "en"),
                             help="languages, comma-separated (default: fa,en)")
    figures_cmd.add_argument("--format", type=_selection(("png", "svg", "pdf")),
                             default=("png", "svg", "pdf"),
                             help="formats, comma-separated (default: png,svg,pdf)")
    figures_cmd.add_argument("--font", default=None, metavar="FILE",
                             help="font file for the labels (default: Vazirmatn or Noto Sans "
                                  "Arabic if installed, else DejaVu Sans)")
    report_cmd = subcommands.add_parser(
        "report", help="the main job: figures, a self-contained HTML report and exports",
        epilog=EXIT_CODES, formatter_class=argparse.RawDescriptionHelpFormatter,
        description="Verify every stated figure against the documents' own numbers and "
                    "against official statistics, draw the figures, and write report.html "
                    "(self-contained, opens offline), CSV files and an Excel workbook.")
    for command in (figures_cmd, report_cmd):
        command.add_argument("files", nargs="*", metavar="FILE",
                             help="Persian documents (.txt .md .html .htm .docx .xlsx .pdf) "
                                  "or folders of them (recursively); default: the shipped "
                                  "seed data")
        command.add_argument("--jobs", type=_jobs, default=0, metavar="N",
                             help="worker processes (default 0: one per usable core; 1: none)")
        command.add_argument("--keep-going", action="store_true",
                             help="report a bad file on stderr and go on with the others "
                                  "(exit 3 when any was skipped)")
    report_cmd.add_argument("--out", default="out", help="output folder (default: out)")
    report_cmd.add_argument("--lang", choices=("fa", "en"), default="fa",
                            help="language of the report (default: fa)")
    report_cmd.add_argument("--reference", metavar="CSV", default=None,
                            help="reference table (default: the shipped official figures)")
    report_cmd.add_argument("--font", default=None, metavar="FILE",
                            help="font file for the figures' labels")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code.

    The first that applies: 2: bad input, nothing written; 3: ``--keep-going``
    and at least one file or table was skipped (reported on stderr), the rest
    written, whatever the verdicts; 1: ``--strict`` and a figure is inconsistent
    (or, with ``--reference``, its reference verdict is); 0: done. 128 + N:
    stopped by signal N (130 for Ctrl-C, 143 for SIGTERM), nothing written.
    """
    args = _parser().parse_args(argv)
    try:
        with stop_on_signals():
            with deferred():  # pandas and the rest, once a signal is answered
                from chile_trade import commands  # noqa: PLC0415

            return commands.run(args)
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
