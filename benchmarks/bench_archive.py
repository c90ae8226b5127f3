"""Benchmark: reading, extracting and verifying a generated archive of Persian reports.

Generates N documents in the seed's style (prose, two tables with a percent
change and a share column, a share-of-total-trade claim; random partners,
years, digit styles and values), then times ``archive.process_files`` over
them in this process with one worker and with one worker per core, at 1,000
and 10,000 documents: documents per second, MB per second, the speed-up of
all cores over one worker, and the time per document at the largest size
against the smallest (1.00 is linear growth). Memory is measured in fresh
processes (see `memory`): the resident size of a process that handles the
documents one at a time, at three points of the run (flat if nothing is
kept); the peak of the command line writing CSV (it writes results as they
come: flat); and the peak of `process_files`, which returns them combined
(grows with the result). Last, single documents of 1 to 8 MiB (the limit,
`reading.MAX_FILE_BYTES`), each timed with its peak memory in a fresh
process: seconds per MiB should not grow with the size. Then the document formats: the
same generated reports (`format_documents`) as text, HTML, Word and PDF, each timed
with one worker, as documents per second and the ratio to the text pipeline.

Run: ``python benchmarks/bench_archive.py [--sizes 1000 10000] [--rounds 3]``
(``make bench-archive``).
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

try:
    from chile_trade.io.archive import process_files
except ImportError:  # a version before the io package: for before/after runs (bench_ratio)
    from chile_trade.archive import process_files  # type: ignore[no-redef]

PARTNERS = ["آمریکا", "ژاپن", "چین", "آلمان", "برزیل", "مکزیک", "کانادا", "آرژانتین"]
DIGITS = {"fa": "۰۱۲۳۴۵۶۷۸۹", "ar": "٠١٢٣٤٥٦٧٨٩", "en": "0123456789"}


def _digits(text: str, style: str) -> str:
    return text.translate(str.maketrans("0123456789", DIGITS[style]))


def document(rng: random.Random) -> str:
    partner = rng.choice(PARTNERS)
    style = rng.choice(list(DIGITS))
    first = rng.randint(1980, 2015)
    years = list(range(first, first + rng.randint(2, 6)))
    lines = ["روابط تجاری شیلی با " + partner + " در این سال‌ها گسترش یافت.", ""]
    flows = []
    for word, prep in (("صادرات", "به"), ("واردات", "از")):
        values = [rng.randint(100, 9000) for _ in years]
        change = (values[-1] - values[-2]) / values[-2] * 100
        share = rng.randint(50, 400) / 10
        flows.append((values[-1], share))
        header = " ".join(_digits(str(y), style) for y in years)
        period = _digits(f"{str(years[-2])[2:]}/{str(years[-1])[2:]}", style)
        lines += [f"جدول میزان {word} {prep} {partner} (میلیون دلار، فوب)", "",
                  f"{header} درصدتغییرات {period} میزان مشارکت در کل {word}",
                  " ".join(_digits(str(v), style) for v in values)
                  + f" %{_digits(f'{change:.1f}'.replace('.', '/'), style)}"
                  + f" {_digits(str(share).replace('.', '/'), style)}", ""]
    lines.append(f"در این دوره حدود {_digits(str(rng.randint(5, 40)), style)}% کل تجارت شیلی "
                 f"در سال {_digits(str(years[-1]), style)} با {partner} انجام شد.")
    return "\n".join(lines) + "\n"


def corpus(folder: Path, count: int, seed: int = 1) -> list[Path]:
    rng = random.Random(seed)
    paths = []
    for i in range(count):
        path = folder / f"doc{i:05d}.txt"
        path.write_text(document(rng), encoding="utf-8")
        paths.append(path)
    return paths


_MEMORY = """
import sys
from pathlib import Path
from chile_trade.io.archive import _one, process_files

def status(field):
    with open("/proc/self/status") as f:
        return next(int(line.split()[1]) for line in f if line.startswith(field))

paths = sorted(Path(sys.argv[2]).glob("*.txt")) if sys.argv[1] != "one" else []
if sys.argv[1] == "one":
    import time
    start = time.perf_counter()
    outcome = _one((sys.argv[2], None, False))
    assert not isinstance(outcome, Exception), outcome
    print(time.perf_counter() - start, end=" ")
elif sys.argv[1] == "stream":
    marks = {len(paths) // 10, len(paths) // 2, len(paths)}
    for i, path in enumerate(paths, start=1):
        _one((str(path), None, False))
        if i in marks:
            print(status("VmRSS:"), end=" ")
elif sys.argv[1] == "cli":
    from chile_trade.cli import main
    main(["verify", "--format", "csv", "--jobs", "1", "--output", sys.argv[3], sys.argv[2]])
else:
    process_files(paths, jobs=1)
print(status("VmHWM:"))
"""


def memory(path: Path, mode: str) -> list[float]:
    """Resident memory (MiB) of a fresh process over the documents at `path`.

    ``one``: `path` is one document; returns the seconds it takes and the peak.
    ``stream``: `path` is a folder; read, extract and verify each document and
    keep nothing; returns the resident size after 10 %, 50 % and 100 % of the
    documents, then the peak.
    ``cli``: ``chile-trade verify --format csv --jobs 1 --output FILE`` on the
    folder, which writes results as they come; returns the peak.
    ``api``: `process_files` with one process, which returns one combined
    result; returns the peak.
    Peaks are ``VmHWM``, the process's own high-water mark (``ru_maxrss``
    would carry over the parent's size through fork and exec).
    """
    with tempfile.TemporaryDirectory() as tmp:
        done = subprocess.run([sys.executable, "-c", _MEMORY, mode, str(path),
                               str(Path(tmp) / "out.csv")], check=True,
                              capture_output=True, text=True)
    *before, peak = done.stdout.split()
    return [float(x) if mode == "one" else int(x) / 1024 for x in before] + [int(peak) / 1024]


def large_document(path: Path, mebibytes: float, seed: int = 2) -> float:
    """Write one document of generated reports back to back, just under `mebibytes` MiB;
    returns its size in MiB."""
    rng = random.Random(seed)
    parts, size = [], 0
    while True:
        part = document(rng)
        length = len(part.encode("utf-8"))
        if size + length > mebibytes * 2**20:
            break
        parts.append(part)
        size += length
    path.write_text("".join(parts), encoding="utf-8")
    return size / 2**20


def formats(count: int, rounds: int) -> None:
    """Documents per second of each format, and the ratio to text, on the same reports."""
    import format_documents  # noqa: PLC0415  beside this script

    print(f"\nformats: {count:,} generated reports (one table, two sentences), 1 worker")
    print("format   seconds  docs/s   ÷ text")
    with tempfile.TemporaryDirectory() as tmp:
        rates = {}
        for suffix in format_documents.WRITERS:
            folder = Path(tmp) / suffix
            folder.mkdir()
            paths = format_documents.corpus(folder, suffix, count)
            process_files(paths[:20], jobs=1)  # the reader's imports and first-call caches
            times = []
            for _ in range(rounds):
                start = time.perf_counter()
                result = process_files(paths, jobs=1)
                times.append(time.perf_counter() - start)
                assert not result.errors, result.errors[:3]
                # Four figures a report: two change columns, a change and a total in prose.
                assert len(result.result) == 4 * count, (suffix, len(result.result))
            elapsed = statistics.median(times)
            rates[suffix] = count / elapsed
            print(f"{suffix:6s} {elapsed:9.2f} {rates[suffix]:7.0f}   "
                  f"{rates[suffix] / rates['txt']:6.2f}", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--large", type=float, nargs="*", default=[1, 2, 4, 8],
                        help="sizes in MiB of single large documents to time (8 is the limit)")
    parser.add_argument("--formats", type=int, default=500,
                        help="reports per document format (text, HTML, Word, PDF); 0 skips")
    parser.add_argument("--rounds", type=int, default=3,
                        help="timed runs per size and number of workers; the median is shown")
    args = parser.parse_args()
    print("documents  workers    seconds  docs/s    MB/s  speed-up   (medians)")
    memory_rows = []
    per_document = {}
    with tempfile.TemporaryDirectory() as tmp:
        warm = Path(tmp) / "warm-up"
        warm.mkdir()
        process_files(corpus(warm, 50, seed=0), jobs=1)  # imports and first-call caches
        for count in args.sizes:
            folder = Path(tmp) / str(count)
            folder.mkdir()
            paths = corpus(folder, count)
            megabytes = sum(p.stat().st_size for p in paths) / 1e6
            runs: dict[int, list[float]] = {1: [], 0: []}
            for _ in range(args.rounds):  # interleaved, so drift in the machine hits both
                for jobs, times in runs.items():
                    start = time.perf_counter()
                    result = process_files(paths, jobs=jobs)
                    times.append(time.perf_counter() - start)
                    assert not result.errors, result.errors[:3]
            timings = {jobs: statistics.median(times) for jobs, times in runs.items()}
            for jobs, elapsed in timings.items():
                label = "1" if jobs == 1 else f"{os.cpu_count()} (all)"
                print(f"{count:9d}  {label:9s} {elapsed:8.2f} {count / elapsed:7.0f} "
                      f"{megabytes / elapsed:7.3f}  {timings[1] / elapsed:6.2f}x", flush=True)
            per_document[count] = timings[1] / count
            memory_rows.append((count, memory(folder, "stream"), memory(folder, "cli"),
                                memory(folder, "api")))
    print("\nresident MiB (1 worker)  one at a time: after 10% / 50% / 100%, peak"
          "   CLI to CSV: peak   process_files: peak")
    for count, stream, cli, api in memory_rows:
        print(f"{count:9d}    {stream[0]:6.1f} {stream[1]:6.1f} {stream[2]:6.1f} {stream[3]:6.1f}"
              f"        {cli[0]:6.1f}          {api[0]:6.1f}")
    print("\none large document (generated reports back to back), fresh process:")
    print("     MiB  seconds  s/MiB  peak RSS MiB")
    with tempfile.TemporaryDirectory() as tmp:
        for mebibytes in args.large:
            path = Path(tmp) / f"large{mebibytes}.txt"
            size = large_document(path, mebibytes)
            seconds, peak = memory(path, "one")
            print(f"{size:8.2f} {seconds:8.1f} {seconds / size:6.2f}  {peak:8.1f}", flush=True)
    if len(per_document) > 1:
        sizes = sorted(per_document)
        print(f"\ntime per document, {sizes[-1]:,} against {sizes[0]:,} documents "
              f"(1 worker): {per_document[sizes[-1]] / per_document[sizes[0]]:.2f}")
    if args.formats:
        formats(args.formats, args.rounds)


if __name__ == "__main__":
    main()
