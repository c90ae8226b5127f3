"""Benchmark: the package's own cost of writing every figure.

Writes all charts (every language and format, as ``chile-trade figures``
does) twice per round, interleaved in one process:

* package: the charts as shipped, every label through
  ``present.text.display_text`` and the font coverage check;
* baseline: the same charts drawn by plain matplotlib with the text left
  untouched (``display_text`` replaced by the identity, no coverage check).

The ratio package / baseline of the median times is the package's overhead
(the brief's target: under 1.10). A second section times `persian_figure`
the same way: a pandas bar chart with Persian labels written as PNG, SVG and
PDF, marked and not, interleaved. Run: ``python benchmarks/bench_figures.py
[--rounds N]`` (``make bench``).
"""

from __future__ import annotations

import argparse
import io
import statistics
import time
from contextlib import contextmanager
from unittest import mock

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import pandas as pd

from chile_trade import load_stated, load_tables, persian_figure, verify
from chile_trade.present import charts
from chile_trade.present.text import matplotlib_shapes_text


@contextmanager
def _plain_text():
    def untouched(text: str, rtl: bool = True) -> str:
        return text

    with mock.patch.object(charts, "display_text", untouched), \
            mock.patch.object(charts, "check_coverage", return_value=None):
        yield


def _write_all(tables, stated, result) -> float:
    start = time.perf_counter()
    files = charts.render_charts(tables, stated, result)
    elapsed = time.perf_counter() - start
    assert len(files) == len(charts.CHARTS) * 2 * 3
    return elapsed


def _pandas_chart(marked: bool) -> float:
    """Seconds to write one pandas bar chart with Persian labels in three formats."""
    frame = pd.DataFrame({"صادرات": [1649, 1655, 2012, 2375],
                          "واردات": [1984, 2477, 2638, 3792]},
                         index=pd.Index([1992, 1993, 1994, 1995], name="سال"))
    ax = frame.plot.bar(title="تجارت شیلی با آمریکا (میلیون دلار)", rot=0)
    ax.set_ylabel("میلیون دلار، فوب")
    ax.legend(title="جریان")
    if marked:
        persian_figure(ax)
    start = time.perf_counter()
    for fmt in ("png", "svg", "pdf"):
        ax.figure.savefig(io.BytesIO(), format=fmt, dpi=100)
    elapsed = time.perf_counter() - start
    plt.close(ax.figure)
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    tables, stated = load_tables(), load_stated()
    result = verify(tables, stated)
    _write_all(tables, stated, result)  # warm-up: font cache, capability check, imports
    package, baseline = [], []
    for _ in range(args.rounds):
        package.append(_write_all(tables, stated, result))
        with _plain_text():
            baseline.append(_write_all(tables, stated, result))
    p, b = statistics.median(package), statistics.median(baseline)
    path = "shaping in matplotlib (>= 3.11)" if matplotlib_shapes_text() else "reshaping path"
    print(f"matplotlib {matplotlib.__version__}, {path}; {args.rounds} rounds, "
          f"{len(charts.CHARTS) * 6} files per run")
    print(f"baseline (plain matplotlib, text untouched): median {b:.3f} s")
    print(f"package (shaped, checked labels):            median {p:.3f} s")
    print(f"ratio package / baseline: {p / b:.3f}")
    _pandas_chart(True)  # warm-up
    marked, plain = [], []
    for _ in range(args.rounds * 4):
        marked.append(_pandas_chart(True))
        plain.append(_pandas_chart(False))
    m, q = statistics.median(marked), statistics.median(plain)
    print(f"persian_figure: a pandas chart in 3 formats, {args.rounds * 4} rounds: "
          f"plain {q:.3f} s, marked {m:.3f} s, ratio {m / q:.3f}")


if __name__ == "__main__":
    main()
