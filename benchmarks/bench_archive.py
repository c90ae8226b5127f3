"""Benchmark: reading, extracting and verifying a generated archive of Persian reports.

Generates N documents in the seed's style (prose, two tables with a percent
change and a share column, a share-of-total-trade claim; random partners,
years, digit styles and values), then times ``archive.process_files`` over
them with one process and with one worker per core, at 1,000 and 10,000
documents. Reports documents per second, MB per second, and the peak
traced memory (``tracemalloc``) of processing the documents one at a time
in a fresh process that handles the documents one at a time without keeping
results (``ru_maxrss``; it should not grow with N), all in one run.

Run: ``python benchmarks/bench_archive.py [--sizes 1000 10000]`` (``make bench-archive``).
"""

from __future__ import annotations

import argparse
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from chile_trade.archive import process_files

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


_STREAM = """
import resource, sys
from pathlib import Path
from chile_trade.archive import _one
for path in sorted(Path(sys.argv[1]).glob("*.txt")):
    _one((str(path), None))
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


def streaming_peak(folder: Path) -> int:
    """Peak resident memory (KiB) of a fresh process that reads, extracts and verifies
    every document one at a time, keeping nothing."""
    done = subprocess.run([sys.executable, "-c", _STREAM, str(folder)], check=True,
                          capture_output=True, text=True)
    return int(done.stdout.strip())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    args = parser.parse_args()
    print("documents  jobs       seconds  docs/s    MB/s   peak RSS MiB (one process, streaming)")
    with tempfile.TemporaryDirectory() as tmp:
        for count in args.sizes:
            folder = Path(tmp) / str(count)
            folder.mkdir()
            paths = corpus(folder, count)
            megabytes = sum(p.stat().st_size for p in paths) / 1e6
            peak = streaming_peak(folder) / 1024
            for jobs in (1, 0):
                start = time.perf_counter()
                result = process_files(paths, jobs=jobs)
                elapsed = time.perf_counter() - start
                assert not result.errors, result.errors[:3]
                label = "1" if jobs == 1 else "all cores"
                print(f"{count:9d}  {label:9s} {elapsed:9.2f} {count / elapsed:7.0f} "
                      f"{megabytes / elapsed:7.3f}   {peak:6.1f}")


if __name__ == "__main__":
    main()
