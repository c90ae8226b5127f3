"""Fuzzing the reader, the extractor and the verifier.

Every input must end in a result or in the package's `InputError` naming
``file:line`` (or ``file`` for undecodable bytes); any other exception is a
bug. ``make test`` runs a small sample; ``make fuzz`` sets
``CHILE_TRADE_FUZZ_EXAMPLES=100000``. Inputs that ever crashed are kept in
``tests/fuzz_corpus/`` and replayed here on every run.
"""

from __future__ import annotations

import codecs
import os
import re
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from chile_trade.errors import InputError
from chile_trade.frames import extract, verify
from chile_trade.io import reading
from chile_trade.io.reading import decode_document, read_document

EXAMPLES = int(os.environ.get("CHILE_TRADE_FUZZ_EXAMPLES", "300"))
FUZZ = settings(max_examples=EXAMPLES, deadline=None, database=None,
                suppress_health_check=list(HealthCheck))
CORPUS = Path(__file__).parent / "fuzz_corpus"

SEED_TABLE = ("جدول میزان صادرات به آمریکا (میلیون دلار، فوب)\n\n"
              "۱۹۹۲ ۱۹۹۳ ۱۹۹۴ ۱۹۹۵ درصدتغییرات ۹۴/۹۵ میزان مشارکت در کل صادرات\n"
              "۱۶۴۹ ۱۶۵۵ ۲۰۱۲ ۲۳۷۵ %۱۸ ۱۴/۴\n\n"
              "جدول میزان واردات از آمریکا (میلیون دلار، فوب)\n"
              "۱۹۹۲ ۱۹۹۳ ۱۹۹۴ ۱۹۹۵ درصدتغییرات ۹۴/۹۵ میزان مشارکت در کل صادرات\n"
              "۱۹۸۴ ۲۴۷۷ ۲۶۳۸ ۳۷۹۲ %۴۳/۸ ۲۴/۷\n"
              "به گفته این جدول‌ها کمتر از ۳۰% کل تجارت شیلی در سال ۱۹۹۵ با آمریکا بود.\n"
              "تجارت با چین رشدی ۹۰ درصدی نسبت به ۳ سال قبل داشت.\n")
PIECES = [
    "جدول", "صادرات به", "واردات از", "آمریکا", "ژاپن", "(میلیون دلار، فوب)", "(", ")",
    "درصد تغییرات", "درصدتغییرات", "میزان مشارکت در کل صادرات", "سهم از کل واردات",
    "بیش از", "کمتر از", "حدود", "کل مبادلات", "در سال", "با", "رشدی", "نسبت به", "سال قبل",
    "%", "٪", "درصد", "در صدی", "/", "٫", "٬", ",", ".", "-", "−", "۹۴/۹۵", "1994-1995",
    " ", " ", "\n", "\n\n", "\r\n", "\u200c", "\u200f", "\u200e", "\u202e", "\u2066", "\u2069",
    "\u0640", "\u064e", "\u00a0", "\u200b", "\ufeff", "\x00", "\x1b", "ي", "ى", "ك",
    # Hidden characters of every category refused beside a number (Cf, Mn, Me, Cc with C1,
    # Zl, Zp, Co), and look-alike digits: superscript, fullwidth, mathematical, Bengali.
    "\u180e", "\u206f", "\U000e0031", "\u17b4", "\u20dd", "\u0085", "\x9b", "\u2028",
    "\u2029", "\ue000", "\u200d", "\u3164", "\t", "\x0c", "¹", "²", "½", "９", "𝟗", "১",
]
DIGITS = st.sampled_from(list("0123456789۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩"))
# Long runs of one piece: every scan must stay linear in them (see bench_adversarial).
RUN_PIECES = ["۱", "1", "\u200c", " ", "\u00a0", "%", "٪", "در", "/", "٬", ",", "-", "۱،",
              "بیش از ", "جدول ", "۱۹۹۵ ", "(", "با ", "رشدی ۹۰ درصدی نسبت به ۳ سال قبل و ",
              "¹", "\u200b"]
long_runs = st.builds(lambda before, piece, count, after: before + piece * count + after,
                      st.sampled_from(["", "سهم ", "جدول صادرات به ژاپن (میلیون دلار)\n"]),
                      st.sampled_from(RUN_PIECES), st.integers(100, 5000),
                      st.sampled_from(["", "٪", "۱۸٪ از کل", " سال قبل\n۱ ۲\n"]))


def _check_text(text: str) -> None:
    try:
        extracted = extract(text, source="fuzz.txt")
    except InputError as exc:
        assert re.match(r"^fuzz\.txt:\d+: \S", str(exc)), str(exc)
        return
    result = verify(extracted.tables, extracted.stated)
    assert len(result) == len(extracted.stated)


def _check_bytes(data: bytes, chunk: int = reading.CHUNK_BYTES) -> None:
    """Bytes decoded whole and read from a file in chunks of ``chunk`` bytes: the same
    text or an error from both; the error located, the text checked further."""
    try:
        text, _ = decode_document(data, "fuzz.bin")
    except InputError as exc:
        assert re.match(r"^fuzz\.bin(:\d+)?: \S", str(exc)), str(exc)
        text = None
    with tempfile.TemporaryDirectory() as tmp, pytest.MonkeyPatch.context() as patch:
        patch.setattr(reading, "CHUNK_BYTES", chunk)
        path = Path(tmp) / "fuzz.bin"
        path.write_bytes(data)
        try:
            streamed = read_document(path)
        except InputError as exc:
            assert re.match(rf"^{re.escape(str(path))}(:\d+)?: \S", str(exc)), str(exc)
            streamed = None
    assert streamed == text
    if text is not None:
        _check_text(text)


@st.composite
def mutated_documents(draw):
    """The seed's tables with random pieces inserted, deleted and replaced."""
    text = SEED_TABLE
    for _ in range(draw(st.integers(1, 6))):
        at = draw(st.integers(0, len(text)))
        action = draw(st.sampled_from(["insert", "delete", "digit"]))
        if action == "insert":
            text = text[:at] + draw(st.sampled_from(PIECES)) + text[at:]
        elif action == "delete":
            text = text[:at] + text[at + draw(st.integers(1, 8)):]
        else:
            text = text[:at] + draw(st.text(DIGITS, min_size=1, max_size=5)) + text[at:]
    return text


random_documents = st.lists(st.one_of(st.sampled_from(PIECES), st.text(DIGITS, max_size=6)),
                            max_size=40).map("".join)


@FUZZ
@given(st.one_of(mutated_documents(), random_documents, st.text(max_size=200), long_runs))
def test_any_text_ends_in_a_result_or_a_located_error(text):
    _check_text(text)


@FUZZ
@given(st.one_of(st.binary(max_size=300),
                 mutated_documents().map(lambda t: t.encode("utf-8")),
                 mutated_documents().map(lambda t: t.encode("utf-16")),
                 mutated_documents().map(lambda t: codecs.BOM_UTF8 + t.encode("utf-8")),
                 mutated_documents().map(lambda t: t.encode("cp1256", errors="ignore")),
                 st.builds(lambda t, cut: t.encode("utf-8")[:cut], mutated_documents(),
                           st.integers(0, 400))),
       st.sampled_from([1, 2, 3, 5, 64, reading.CHUNK_BYTES]))
def test_any_bytes_end_in_a_result_or_a_located_error(data, chunk):
    _check_bytes(data, chunk)


@pytest.mark.parametrize("path", sorted(p for p in CORPUS.iterdir() if p.suffix != ".md"),
                         ids=lambda p: p.name)
def test_inputs_that_once_crashed_stay_fixed(path):
    _check_bytes(path.read_bytes())
