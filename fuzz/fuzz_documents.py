"""Coverage-guided fuzzing (atheris / libFuzzer) of the reader, extractor and verifier.

The Hypothesis tests in ``tests/test_fuzz.py`` generate inputs from a grammar
of the seed's pieces; this target instead mutates bytes and keeps the
mutations that reach new branches of ``chile_trade``, starting from
``tests/fuzz_corpus/`` and the seed documents. Every input must end in a
result or an `InputError` naming ``file`` or ``file:line``; anything else,
an input slower than libFuzzer's ``-timeout``, or memory past
``-rss_limit_mb`` is a finding: libFuzzer writes it to ``.fuzz-work/`` and
stops. Keep each one in ``tests/fuzz_corpus/`` with the fix.

Run: ``make fuzz-atheris`` (``-runs=100000``), or
``python fuzz/fuzz_documents.py .fuzz-work/corpus [libFuzzer flags]``.
"""

from __future__ import annotations

import re
import sys

import atheris

with atheris.instrument_imports(include=["chile_trade"]):
    from chile_trade.errors import InputError
    from chile_trade.extraction import extract
    from chile_trade.reading import decode_document
    from chile_trade.verification import verify

_LOCATED = re.compile(r"^fuzz\.bin(:\d+)?: \S")


def _check(text: str) -> None:
    try:
        extraction = extract(text, "fuzz.bin")
        result = verify(extraction.tables, extraction.stated)
    except InputError as exc:
        if not _LOCATED.match(str(exc)):
            raise AssertionError(f"error without its location: {exc}") from None
        return
    if len(result) != len(extraction.stated):
        raise AssertionError("a stated figure without a verdict")


def test_one_input(data: bytes) -> None:
    """The bytes as a file, then (so that mutations which break the encoding still
    reach the extractor) their UTF-8 characters with the invalid bytes dropped."""
    try:
        text, _ = decode_document(data, "fuzz.bin")
    except InputError as exc:
        if not _LOCATED.match(str(exc)):
            raise AssertionError(f"error without its location: {exc}") from None
    else:
        _check(text)
    _check(data.decode("utf-8", errors="ignore"))


def main() -> None:
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
