"""Coverage-guided fuzzing (atheris / libFuzzer) of the reader, extractor and verifier.

The Hypothesis tests in ``tests/test_fuzz.py`` generate inputs from a grammar
of the seed's pieces; this target instead mutates bytes and keeps the
mutations that reach new branches of ``chile_trade``, starting from
``tests/fuzz_corpus/`` and the seed documents. Every input must end in a
result or an `InputError` naming ``file`` or ``file:line``; anything else,
an input slower than libFuzzer's ``-timeout``, or memory past
``-rss_limit_mb`` is a finding: libFuzzer writes it to ``.fuzz-work/`` and
stops. Keep each one in ``tests/fuzz_corpus/`` with the fix.

Mutations draw on ``fuzz/documents.dict``: the words of a table and the
hidden and look-alike characters of every class the reader refuses. A
quarter of the inputs (those whose first byte is a multiple of 4) are also
read as a long run of one piece (a digit, ZWNJ, a percent sign, a growth
claim...) repeated to up to 50,000 characters inside the input's text, so
that a scan that is not linear shows as a timeout.

Run: ``make fuzz-atheris`` (``-runs=100000``), or
``python fuzz/fuzz_documents.py .fuzz-work/corpus -dict=fuzz/documents.dict [libFuzzer flags]``.
"""

from __future__ import annotations

import re
import sys

import atheris

with atheris.instrument_imports(include=["chile_trade"]):
    from chile_trade.errors import InputError
    from chile_trade.frames import extract, verify
    from chile_trade.io.reading import decode_document

_LOCATED = re.compile(r"^fuzz\.bin(:\d+)?: \S")
RUN_PIECES = ["۱", "1", "\u200c", " ", "\u00a0", "%", "٪", "در", "/", "٬", ",", "-", "۱،",
              "بیش از ", "جدول ", "۱۹۹۵ ", "(", "با ", "رشدی ۹۰ درصدی نسبت به ۳ سال قبل و ",
              "¹", "\u200b", "\u180e"]
_RUN_CHARS = 50_000  # a quadratic scan of this many characters outlasts -timeout=20


def _check(text: str) -> None:
    try:
        extraction = extract(text, source="fuzz.bin")
        result = verify(extraction.tables, extraction.stated)
    except InputError as exc:
        if not _LOCATED.match(str(exc)):
            raise AssertionError(f"error without its location: {exc}") from None
        return
    if len(result) != len(extraction.stated):
        raise AssertionError("a stated figure without a verdict")


def _long_run(data: bytes) -> str:
    """The input as text with one piece, chosen by its first bytes, repeated many times
    in its middle."""
    provider = atheris.FuzzedDataProvider(data)
    piece = provider.PickValueInList(RUN_PIECES)
    count = provider.ConsumeIntInRange(1, _RUN_CHARS // len(piece))
    rest = provider.ConsumeUnicodeNoSurrogates(provider.remaining_bytes())
    middle = len(rest) // 2
    return rest[:middle] + piece * count + rest[middle:]


def test_one_input(data: bytes) -> None:
    """The bytes as a file, then (so that mutations which break the encoding still
    reach the extractor) their UTF-8 characters with the invalid bytes dropped, and
    for a quarter of the inputs as a long run of one piece."""
    try:
        text, _ = decode_document(data, "fuzz.bin")
    except InputError as exc:
        if not _LOCATED.match(str(exc)):
            raise AssertionError(f"error without its location: {exc}") from None
    else:
        _check(text)
    _check(data.decode("utf-8", errors="ignore"))
    if data and data[0] % 4 == 0:  # a quarter of the inputs: long runs cost the most
        _check(_long_run(data))


def main() -> None:
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
