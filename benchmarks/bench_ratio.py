"""Benchmark: the pipeline's throughput as a ratio to a raw pass, and start-up time.

Two ratios, each measured in one run so that the machine's speed cancels out:

* **Throughput.** Over the same files, a *raw pass* reads each file, decodes
  it as UTF-8 and finds every number with one regex
  (`chile_trade.core.numbers.NUMBER_PATTERN`); the *pipeline* is
  ``archive.process_files(paths, jobs=1)`` (read, extract, verify, one frame
  per batch). The figure is pipeline documents/s ÷ raw documents/s (1.0 would
  be as fast as reading), taken within each round (the raw pass, being short,
  as the median of seven passes). Two
  corpora: generated documents in the seed's style
  (`bench_archive.document`), and the three seed documents copied until there
  are ``--copies`` files. Runs are interleaved and the median is shown.
* **Start-up.** ``python -c "import chile_trade"`` against
  ``python -c "import pandas"``, in fresh processes, paired and interleaved;
  the figure is the ratio of the medians. Also the time of
  ``chile-trade verify`` on one seed document against ``import pandas``.

Run: ``python benchmarks/bench_ratio.py [--generated 1000] [--copies 5100]``
(``make bench-ratio``). To measure another version of the package in the same
conditions, put its checkout first on the path and leave out the editable
install (``-S``): ``PYTHONPATH=../old:.venv/lib/python3.11/site-packages
python -S benchmarks/bench_ratio.py``.
"""

from __future__ import annotations

import argparse
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench_archive import corpus

try:
    from chile_trade.io.archive import process_files
except ImportError:  # a version before the io package: for before/after runs
    from chile_trade.archive import process_files  # type: ignore[no-redef]

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"
# The number pattern as it stood before the core package existed, so that the
# raw pass is the same on every version of the package it is run against.
RAW_PASSES = 7
RAW_NUMBER = re.compile(r"(?<![\d٬,/٫.])[-−]?+\d++(?:[٬,]++\d++)*+(?:[/٫.]\d++)?+")


def raw_pass(paths: list[Path]) -> int:
    """Read, decode and find every number; returns the count (so nothing is optimised away)."""
    found = 0
    for path in paths:
        found += len(RAW_NUMBER.findall(path.read_bytes().decode("utf-8")))
    return found


def pipeline(paths: list[Path]) -> int:
    result = process_files(paths, jobs=1)
    assert not result.errors, result.errors[:3]
    return len(result.result)


def ratio(paths: list[Path], rounds: int) -> tuple[float, float, float]:
    """(raw docs/s, pipeline docs/s, pipeline ÷ raw): medians over interleaved rounds, the
    ratio taken within each round (so a slow moment of the machine hits both passes)."""
    raw, full, ratios = [], [], []
    pipeline(paths[:50])  # imports and first-call caches
    for _ in range(rounds):
        passes = []
        for _ in range(RAW_PASSES):  # a raw pass is short: its median of several
            start = time.perf_counter()
            raw_pass(paths)
            passes.append(time.perf_counter() - start)
        raw.append(statistics.median(passes))
        start = time.perf_counter()
        pipeline(paths)
        full.append(time.perf_counter() - start)
        ratios.append(raw[-1] / full[-1])
    return (len(paths) / statistics.median(raw), len(paths) / statistics.median(full),
            statistics.median(ratios))


def seed_copies(folder: Path, count: int) -> list[Path]:
    seeds = sorted(SEEDS.glob("*.txt"))
    paths = []
    for i in range(count):
        path = folder / f"copy{i:05d}_{seeds[i % len(seeds)].name}"
        shutil.copyfile(seeds[i % len(seeds)], path)
        paths.append(path)
    return paths


def _run(argv: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(argv, check=True, capture_output=True)
    return time.perf_counter() - start


def startup(rounds: int) -> tuple[float, float, float]:
    """(median import pandas, median import chile_trade, median verify of one seed), seconds."""
    seed = str(sorted(SEEDS.glob("*.txt"))[0])
    python = [sys.executable, *(["-S"] if sys.flags.no_site else [])]  # as this run was started
    pandas, package, verify = [], [], []
    for _ in range(rounds):  # paired and interleaved
        pandas.append(_run([*python, "-c", "import pandas"]))
        package.append(_run([*python, "-c", "import chile_trade"]))
        verify.append(_run([*python, "-m", "chile_trade", "verify", seed]))
    return statistics.median(pandas), statistics.median(package), statistics.median(verify)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--generated", type=int, default=1000)
    parser.add_argument("--copies", type=int, default=5100)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--startup-rounds", type=int, default=15)
    args = parser.parse_args()
    print("corpus                         files   raw docs/s  pipeline docs/s  pipeline/raw")
    with tempfile.TemporaryDirectory() as tmp:
        generated = Path(tmp) / "generated"
        copies = Path(tmp) / "copies"
        generated.mkdir()
        copies.mkdir()
        for name, paths in (("generated (bench_archive)", corpus(generated, args.generated)),
                            ("seed documents, copied", seed_copies(copies, args.copies))):
            raw_rate, full_rate, share = ratio(paths, args.rounds)
            print(f"{name:29s} {len(paths):6d} {raw_rate:12.0f} {full_rate:16.0f} "
                  f"{share:13.4f}", flush=True)
    pandas, package, verify = startup(args.startup_rounds)
    print(f"\nstart-up (median of {args.startup_rounds}, paired):  import pandas {pandas:.3f} s, "
          f"import chile_trade {package:.3f} s ({package / pandas:.2f}x), "
          f"chile-trade verify on one seed {verify:.3f} s ({verify / pandas:.2f}x)")


if __name__ == "__main__":
    main()
