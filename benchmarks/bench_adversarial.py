"""Benchmark: is the work linear in the size of hostile inputs?

Builds each hostile input at 1×, 4× and 16× its base size and times the whole
pipeline on it: `chile_trade.frames.extract`, then
`chile_trade.frames.verify`. An `InputError` is a legitimate outcome and
is timed too; the table says which outcome each input had (anything else is a
bug and is shown as ``error: TYPE``). Prints a Markdown table: the input, its
size in characters at 1×, the median seconds at each size and the ratios
4×/1× and 16×/1×, which are about 4 and 16 when the work is linear and 16 and
256 when it is quadratic.

The inputs are those of the issue on hostile input (a long digit run in
prose, the same followed by a percent sign, a run of ZWNJ in prose and beside
a digit, many growth claims in one sentence, a table of thousands of years, a
table of very long numbers whose stated change is wrong, and many tables of
twelve-digit numbers whose stated change is wrong), and probes: each of
a few pieces of the grammar repeated to fill a line. A probe is shown only
when its 16×/1× ratio exceeds 32 or it timed out; the linear ones are named
below the table. The 1× size is ``--base`` characters for the longest line
(12,000 by default), so 16× stays under the line limit
(`chile_trade.io.reading.MAX_LINE_CHARS`) and the document far under the size
limit (`chile_trade.io.reading.MAX_FILE_BYTES`).

Each run is made in a worker process, which is killed when the run takes more
than ``--timeout`` seconds; the larger sizes of that input are then skipped
and shown as "> S s", so a quadratic input cannot hang the benchmark. Times
are medians of ``--rounds`` runs, the rounds interleaved so that drift in the
machine hits every input alike.

Run: ``python benchmarks/bench_adversarial.py [--rounds 3] [--base 12000]
[--timeout 60] [--only NAME ...]``; the README's table is
``python benchmarks/bench_adversarial.py --timeout 60``, measured on a 2-core
AMD EPYC virtual machine, Python 3.11.7.
"""

from __future__ import annotations

import argparse
import functools
import math
import multiprocessing
import statistics
import time
from collections.abc import Callable
from multiprocessing.connection import Connection

from chile_trade.errors import InputError
from chile_trade.frames import extract, verify
from chile_trade.io.reading import MAX_LINE_CHARS

FACTORS = (1, 4, 16)
MAX_BASE = (MAX_LINE_CHARS - 1_000) // FACTORS[-1]  # room for the words around a run
NONLINEAR = 32  # a 16×/1× ratio above this is not linear (linear is 16, quadratic 256)
ZWNJ = "\u200c"
_DIGITS = "۱۲۳۴۵۶۷۸۹۰"  # no two neighbours alike: every adjacent swap makes a new number
_TO_PERSIAN = str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")
_TITLE = "جدول صادرات به ژاپن (میلیون دلار)"
_WARM_UP = f"{_TITLE}\n۲۰۰۴ ۲۰۰۵ درصد تغییرات\n۱۰۰ ۱۱۰ ٪۱۰\nتجارت با چین رشدی ۹۰ درصدی داشت.\n"


def _repeat(piece: str, chars: int) -> str:
    """`piece` repeated as often as fits in `chars` characters."""
    return piece * (chars // len(piece))


def digits_in_prose(chars: int) -> str:
    """A sentence with one run of Persian digits, not followed by a percent sign."""
    return f"رقم صادرات در این گزارش {_repeat(_DIGITS, chars)} میلیون دلار آمده است.\n"


def digits_percent(chars: int) -> str:
    """A sentence with one run of Persian digits followed by a percent sign."""
    return f"سهم این کشور از کل صادرات {_repeat(_DIGITS, chars)}٪ بود.\n"


def zwnj_in_prose(chars: int) -> str:
    """A run of ZWNJ inside a word, no digit on the line."""
    return f"این گزارش{ZWNJ * chars}ها را باید خواند.\n"


def zwnj_after_digit(chars: int) -> str:
    """A run of ZWNJ right after a year."""
    return f"در سال ۱۹۹۵{ZWNJ * chars} صادرات افزایش یافت.\n"


def growth_claims(chars: int) -> str:
    """Growth claims one after another on one line, with no sentence break."""
    return _repeat("تجارت با چین رشدی ۹۰ درصدی نسبت به ۳ سال قبل و ", chars) + "\n"


def many_years(chars: int) -> str:
    """A table of ``chars // 24`` years (8,000 at 16× the default, 1000–8999) whose
    stated change matches no pair of years, so the search for a wrong period tries
    every pair."""
    years = range(1000, 1000 + chars // 24)
    header = " ".join(str(year).translate(_TO_PERSIAN) for year in years)
    values = " ".join("۱۰۰" for _ in years)
    return f"{_TITLE}\n{header} درصد تغییرات\n{values} ٪۵۰\n"


def long_numbers(chars: int) -> str:
    """A two-year table of two numbers of ``chars / 2`` digits whose stated change is
    wrong (about −90 %, stated 10 %), so every adjacent swap of their digits is tried."""
    digits = _repeat(_DIGITS, chars // 2 - 10)
    return f"{_TITLE}\n۱۹۹۴ ۱۹۹۵ درصد تغییرات\n{digits} {digits[1:]} ٪۱۰\n"


def transposition_search(chars: int) -> str:
    """Two-year tables of twelve-digit values, as many as fit in ``chars`` characters of
    values, each with a wrong stated change, so every one runs the search for
    transposed digits (twelve digits is `chile_trade.frames.SWAP_DIGIT_LIMIT`)."""
    value = _DIGITS + _DIGITS[:2]
    table = f"{_TITLE}\n۱۹۹۴ ۱۹۹۵ درصد تغییرات\n{value} {value[1:]}۱ ٪۱۰\n\n"
    return table * max(1, chars // 30)


def table_and_sentences(chars: int) -> str:
    """A table of exports and imports, then sentences tied to its rows (the change of the
    deficit, a share of the two-way trade), as many as fit in ``chars`` characters."""
    head = ("جدول ۵- تجارت ایران و هند (میلیون دلار)\nسال صادرات واردات\n"
            "۱۴۰۰ ۸۵۰ ۱۲۰۰\n۱۴۰۱ ۹۱۰ ۱۴۵۰\n\n")
    sentence = ("کسری تجاری ایران با هند در سال ۱۴۰۱ نسبت به سال قبل ۵۴٫۳ درصد افزایش یافت و "
                "در این سال ۳۸٫۶ درصد تجارت دو کشور را صادرات ایران تشکیل می‌داد.\n")
    return head + sentence * max(1, (chars - len(head)) // len(sentence))


def wide_grid(chars: int) -> str:
    """A table of labelled rows whose cells are aligned with runs of spaces, rows enough
    to fill ``chars`` characters."""
    row = "صادرات غیرنفتی        ۳۱۲     ۳۸۷      ۴۵۵\n"
    return ("جدول ۱- تجارت ایران و عمان (میلیون دلار)\nشرح       ۱۳۹۹    ۱۴۰۰    ۱۴۰۱\n"
            + row * max(1, chars // len(row)))


def repeated(piece: str, chars: int) -> str:
    """A line of nothing but `piece`, repeated."""
    return _repeat(piece, chars) + "\n"


ISSUE_INPUTS: dict[str, Callable[[int], str]] = {
    "digits-in-prose": digits_in_prose,
    "digits-percent": digits_percent,
    "zwnj-in-prose": zwnj_in_prose,
    "zwnj-after-digit": zwnj_after_digit,
    "growth-claims": growth_claims,
    "many-years": many_years,
    "long-numbers": long_numbers,
    "transposition-search": transposition_search,
    "table-and-sentences": table_and_sentences,
    "wide-grid": wide_grid,
}
PROBES = {
    "space": " ", "nbsp": "\u00a0", "percent": "%", "arabic-percent": "٪", "dar": "در",
    "dar-sad": "در صد", "slash": "/", "arabic-thousands": "٬", "comma": ",", "hyphen": "-",
    "digit-arabic-comma": "۱،", "bish-az": "بیش از ", "jadval": "جدول ", "year": "۱۹۹۵ ",
    "paren": "(", "ba": "با ", "digit-zwnj": "۱\u200c", "digit-rlm": "۱\u200f ",
    "superscript": "¹", "growth-word": "رشد ",
    # Ranges, qualifiers and partner lists (issue 11): a range's bounds, percentages joined
    # by hyphens, and trade shares with ranges and lists of partners, back to back.
    "range-hyphen": "۱۸-", "percent-hyphen": "۱۸٪-", "range-ta": "۱۸ تا ",
    "range-bein": "بین ۱۸ و ", "at-most": "نه بیش از ",
    "share-range": "۱۸-۲۰٪ کل تجارت در سال ۱۹۹۵ با آمریکا و ",
    "share-partners": "۲۰٪ کل تجارت در سال ۱۹۹۵ با آمریکا و کانادا، ",
    # Prose claims: compound amounts, number words, lists, and sentences whose figures
    # are tied to earlier ones (bases, totals, balances, sums), back to back on one line
    # and on many lines.
    "scale-words": "۴ میلیارد و ۷۹۶ میلیون و ", "number-words": "بیست و پنج و ",
    "amount-list": "۳۱، ", "word-percent": "یک‌سوم و نیم درصد ",
    "change-sentence": "صادرات به عراق از ۱۰ میلیون دلار به ۲۰ میلیون دلار رسید که رشد ۱۰۰ "
                       "درصدی داشت؛ ",
    "base-sentence": "این رقم در مقایسه با ۱۲ میلیون دلار سال قبل ۵ درصد رشد داشت.\n",
    "share-sentence": "کل صادرات ۹۰ میلیون دلار بود و عراق با ۳۰ میلیون دلار ۳۳ درصد آن را "
                      "خرید.\n",
    "balance-sentence": "صادرات به ترکیه ۵ میلیون دلار و واردات از این کشور ۳ میلیون دلار "
                        "بود و تراز تجاری مثبت ۲ میلیون دلار شد.\n",
    "sum-sentence": "به ترتیب ۳۱، ۲۶ و ۱۹ میلیون دلار و در مجموع ۷۶ میلیون دلار بود؛ ",
    # Table layouts (issue 12): cells split by pipes, TABs and runs of spaces, fiscal-year
    # pairs and every way of printing a negative, on one line and as rows.
    "pipe-cell": "| ۱۲ ", "tab-cell": "۱۲\t", "wide-cell": "۱۲    ", "fiscal-pair": "۲۰۲۰-۲۱ ",
    "paren-negative": "(۱۲) ", "trailing-minus": "۱۲- ", "pipe-rule": "|---",
    "pipe-row": "| صادرات | ۱۲ | ۱۳ |\n", "tab-row": "صادرات\t۱۲\t۱۳\n",
    "year-row": "۱۴۰۰ ۸۵۰ ۱۲۰۰\n",
}
INPUTS = {**ISSUE_INPUTS, **{f"repeat-{name}": functools.partial(repeated, piece)
                             for name, piece in PROBES.items()}}


def pipeline(text: str) -> str:
    """Extract and verify `text`; the outcome: ``result``, ``InputError`` or ``error: TYPE``."""
    try:
        result = extract(text, source="adv.txt")
        verify(result.tables, result.stated)
    except InputError:
        return "InputError"
    except Exception as exc:  # a bug, shown in the table rather than stopping the run
        return f"error: {type(exc).__name__}"
    return "result"


def _serve(conn: Connection) -> None:
    """Worker: for each ``(name, chars)`` received, build the input, time `pipeline` on it
    and send back ``(seconds, outcome)``; stop on ``None``."""
    pipeline(_WARM_UP)  # imports and first-call caches
    while (request := conn.recv()) is not None:
        name, chars = request
        text = INPUTS[name](chars)
        start = time.perf_counter()
        outcome = pipeline(text)
        conn.send((time.perf_counter() - start, outcome))


class Worker:
    """A process that times the pipeline, killed and replaced when a run times out."""

    def __init__(self) -> None:
        self._start()

    def _start(self) -> None:
        self.conn, child = multiprocessing.Pipe()
        self.process = multiprocessing.Process(target=_serve, args=(child,), daemon=True)
        self.process.start()
        child.close()

    def measure(self, name: str, chars: int, timeout: float) -> tuple[float, str] | None:
        """``(seconds, outcome)`` of one run, or None if it took over `timeout` seconds."""
        self.conn.send((name, chars))
        if self.conn.poll(timeout):
            seconds, outcome = self.conn.recv()
            return seconds, outcome
        self.process.kill()
        self.process.join()
        self.conn.close()
        self._start()
        return None

    def close(self) -> None:
        self.conn.send(None)
        self.process.join()


Runs = dict[tuple[str, int], list[tuple[float, str]]]


def measure(names: list[str], base: int, rounds: int, timeout: float,
            ) -> tuple[Runs, dict[str, int]]:
    """Time every input at every size, `rounds` times, interleaved.

    Returns
    -------
    runs : dict
        ``(name, factor)`` -> the ``(seconds, outcome)`` of each run.
    timed_out : dict
        name -> the smallest factor at which a run took over `timeout`;
        that size and the larger ones are not run again.
    """
    runs: Runs = {(name, factor): [] for name in names for factor in FACTORS}
    timed_out: dict[str, int] = {}
    worker = Worker()
    for _ in range(rounds):
        for name in names:
            for factor in FACTORS:
                if factor >= timed_out.get(name, FACTORS[-1] + 1):
                    break
                got = worker.measure(name, base * factor, timeout)
                if got is None:
                    timed_out[name] = factor
                    break
                runs[name, factor].append(got)
    worker.close()
    return runs, timed_out


def _outcome(outcomes: dict[int, set[str]]) -> str:
    """One outcome, or the outcome at each size when they differ."""
    seen = set().union(*outcomes.values())
    if len(seen) <= 1:
        return seen.pop() if seen else "timed out"
    return ", ".join(f"{factor}×: {' / '.join(sorted(found))}"
                     for factor, found in outcomes.items())


def _ratios(seconds: dict[int, float], timeout: float) -> tuple[list[str], float]:
    """The 4×/1× and 16×/1× cells, and 16×/1× (a lower bound if 16× timed out)."""
    if FACTORS[0] not in seconds:
        return ["", ""], math.inf
    ratios = {f: seconds.get(f, timeout) / seconds[FACTORS[0]] for f in FACTORS[1:]}
    cells = [f"{r:.1f}" if f in seconds else f"> {r:.0f}" for f, r in ratios.items()]
    return cells, ratios[FACTORS[-1]]


def row(name: str, base: int, runs: Runs, timed_out: dict[str, int], timeout: float,
        ) -> tuple[str, float]:
    """The Markdown row of one input, and its 16×/1× ratio."""
    done = [f for f in FACTORS if f < timed_out.get(name, FACTORS[-1] + 1)]
    seconds = {f: statistics.median(t for t, _ in runs[name, f]) for f in done}
    times = [f"{seconds[f]:.3f}" if f in seconds else f"> {timeout:g} s" for f in FACTORS]
    ratio_cells, ratio = _ratios(seconds, timeout)
    outcome = _outcome({f: {o for _, o in runs[name, f]} for f in done})
    cells = " | ".join([f"{len(INPUTS[name](base)):,}", outcome, *times, *ratio_cells])
    return f"| {name} | {cells} |", ratio


def report(names: list[str], base: int, runs: Runs, timed_out: dict[str, int],
           timeout: float) -> None:
    """Print the Markdown table: every issue input, and the probes that are not linear."""
    print("| input | characters at 1× | outcome | 1× s | 4× s | 16× s | 4×/1× | 16×/1× |")
    print("|---|---|---|---|---|---|---|---|")
    linear = []
    for name in names:
        line, ratio = row(name, base, runs, timed_out, timeout)
        if name in ISSUE_INPUTS or name in timed_out or ratio > NONLINEAR:
            print(line)
        else:
            linear.append(name)
    if linear:
        print(f"\nLinear (16×/1× at most {NONLINEAR}), not shown: {', '.join(linear)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3,
                        help="timed runs per input and size; the median is shown")
    parser.add_argument("--base", type=int, default=12_000,
                        help=f"characters of the longest line at 1× (at most {MAX_BASE:,})")
    parser.add_argument("--only", nargs="+", choices=list(INPUTS), metavar="NAME",
                        help=f"run only these inputs: {', '.join(INPUTS)}")
    parser.add_argument("--timeout", type=float, default=60,
                        help="seconds a run may take; larger sizes of the input are skipped")
    args = parser.parse_args()
    if not 1 <= args.base <= MAX_BASE:
        parser.error(f"--base must be between 1 and {MAX_BASE:,}; got {args.base}")
    names = args.only or list(INPUTS)
    runs, timed_out = measure(names, args.base, args.rounds, args.timeout)
    report(names, args.base, runs, timed_out, args.timeout)


if __name__ == "__main__":
    main()
