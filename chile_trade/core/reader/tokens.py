"""One line of running Persian text as tokens with the lexicon's features.

The first step of the reader. A line is folded (`chile_trade.core.numbers.fold`:
Arabic yeh and kaf read as Persian ones, ZWNJ, tatweel and harakat dropped; here also
``ۀ ة`` read as ``ه``, ``أ إ`` as ``ا``, and slashes an OCR left inside a word, ``اس//ت``,
dropped) and cut into numbers (digits of any of the three scripts with their
separators, ``۴۳/۸``, ``441,380``, ``۲۷،۴۸۱``, ``۴/ ۳``), words and single marks. A
number glued to a word is two tokens (``۲میلیارد``, ``سال۱۴۰۰``); a word the lexicon
does not know that is two words it knows glued together is split (``میلیارددلاری``,
``ازهفت``, ``ونیم``); and the longest phrase of the lexicon at each place becomes one
token (``نسبت به``, ``مدت مشابه``, ``کره جنوبی``).

Every pattern here is linear: one scan of the line.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from chile_trade.core.numbers import fold_with_map, to_ascii_digits
from chile_trade.core.reader.lexicon import Features, Lexicon, lexicon

__all__ = ["NUM", "PUNCT", "WORD", "Line", "Token", "tokenize"]

NUM, WORD, PUNCT = "num", "word", "punct"

_EXTRA_FOLDS = str.maketrans({"ۀ": "ه", "ة": "ه", "أ": "ا", "إ": "ا", "ٱ": "ا"})
# Slashes an OCR left between two letters of one word ("ميلي//ون").
_INNER_SLASHES = re.compile(r"(?<=[^\W\d_])/{2,}+(?=[^\W\d_])")
_TOKEN = re.compile(
    # digits with their separators; a slash may be followed by one space ("۴/ ۳")
    r"(?P<num>\d++(?:(?:[٬,،./٫]|/[ ])\d++)*+)"
    r"|(?P<word>[^\W\d_]++)"
    r"|(?P<punct>\S)"
)
# A Gregorian year, a slash and the next year's last two digits: «۲۰۲۳/۲۴» (no leading
# zero, which a date's month has: «2008/09» may be September 2008).
_FISCAL_SLASH = re.compile(r"(19[5-9]\d|20\d\d)/(1[3-9]|[2-9]\d)")  # (not «2010/11»: a month)
_NEXT_WORD = re.compile(r"\s*+([^\W\d_]++)")
# a scale, unit or percent after it makes «۲۰۱۵/۱۶» a number: «۲۰۱۵/۱۶ میلیون دلار»
_AMOUNT_WORDS = frozenset({"scale", "unit", "percent_word", "currency"})
_MAX_GLUED_PARTS = 3
# A decimal point followed by a space, «۲۵. ۸ درصد»: one number only where its unit follows
# and the part before the point is short (a year ends a sentence: «… در ۱۴۰۲. ۸ درصد …»).
_SPACED_DECIMAL = re.compile(r"[.٫] (\d{1,3}+)(?!\d)(?![٬,،./٫]\d)\s*+([^\W\d_]++)")
_SPACED_INTEGER = re.compile(r"\d{1,3}+")
# What a glued "و" may stand before: a number, scale or flow word.
_GLUED_AFTER_AND = frozenset({"number_word", "half_word", "scale", "flow_noun"})
# Words that are only ever written apart: «ین» (yen) is the ending of «بیشترین».
_NEVER_GLUED = frozenset({"ین", "ینی"})


@dataclass(frozen=True, slots=True)
class Token:
    """A number, word, phrase of the lexicon or mark of a folded line.

    ``start`` and ``end`` are offsets in the folded line; ``glued`` says that no space
    stands between it and the token before it.
    """

    text: str
    kind: str  # NUM, WORD or PUNCT
    start: int
    end: int
    features: Features
    glued: bool = False
    words: int = 1  # how many words of the line a phrase token stands for
    type: str = ""  # a token is no mention (`chile_trade.core.reader.mentions.Mention`)


@dataclass(frozen=True, slots=True)
class Line:
    """A folded line, its tokens, and the raw text behind each folded offset."""

    raw: str
    folded: str
    index_map: Sequence[int]
    tokens: tuple[Token, ...]

    def raw_text(self, start: int, end: int) -> str:
        """The raw text of the folded span ``[start, end)``."""
        if start >= end:
            return ""
        return self.raw[self.index_map[start]:self.index_map[end - 1] + 1]

    def column(self, start: int) -> int:
        """The 1-based column in the raw line of a folded offset."""
        return self.index_map[start] + 1


def _fold(raw: str) -> tuple[str, list[int] | range]:
    folded, index_map = fold_with_map(raw)
    folded = folded.translate(_EXTRA_FOLDS)
    if "//" not in folded:
        return folded, index_map
    keep = [True] * len(folded)
    for m in _INNER_SLASHES.finditer(folded):
        for i in range(m.start(), m.end()):
            keep[i] = False
    mapped = [index_map[i] for i in range(len(folded)) if keep[i]]
    mapped.append(index_map[len(folded)])
    return "".join(ch for ch, k in zip(folded, keep, strict=True) if k), mapped


def _split_glued(text: str, lex: Lexicon, parts: int = _MAX_GLUED_PARTS) -> list[str] | None:
    """``text`` as known words glued together (the longest first word first), or None."""
    if parts < 2:
        return None
    for cut in range(len(text) - 1, 0, -1):
        head, tail = text[:cut], text[cut:]
        if (len(head) < 2 and head != "و") or not lex.features(head):
            continue
        if head == "و" and not _GLUED_AFTER_AND.intersection(lex.features(tail)):
            continue  # "وزیر" is no "و زیر"; "ونیم", "ودو", "وصادرات" are
        if head in _NEVER_GLUED or tail in _NEVER_GLUED:
            continue
        if len(tail) >= 2 and lex.features(tail):
            return [head, tail]
        rest = _split_glued(tail, lex, parts - 1)
        if rest is not None:
            return [head, *rest]
    return None


def _raw_tokens(folded: str, lex: Lexicon) -> list[tuple[str, str, int, int, bool]]:
    out: list[tuple[str, str, int, int, bool]] = []
    previous_end = -1
    for m in _TOKEN.finditer(folded):
        kind = m.lastgroup or PUNCT
        start, end, text = m.start(), m.end(), m.group()
        if start < previous_end:
            continue  # (read already, as the decimals of a spaced decimal point)
        glued = start == previous_end
        previous_end = end
        if kind == WORD and not lex.features(text):
            pieces = _split_glued(text, lex)
            if pieces is not None:
                at = start
                for n, piece in enumerate(pieces):
                    out.append((piece, WORD, at, at + len(piece), glued or n > 0))
                    at += len(piece)
                continue
        pair = _FISCAL_SLASH.fullmatch(to_ascii_digits(text)) if kind == NUM else None
        following = _NEXT_WORD.match(folded, end) if pair is not None else None
        if pair is not None and int(pair[2]) == (int(pair[1]) + 1) % 100 and not (
                following is not None and _AMOUNT_WORDS & lex.features(following[1]).keys()):
            # «۲۰۲۳/۲۴»: a fiscal or crop year, not the decimal 2023.24
            out += [(text[:4], NUM, start, start + 4, glued),
                    ("/", PUNCT, start + 4, start + 5, True),
                    (text[5:], NUM, start + 5, end, True)]
            continue
        spaced = _SPACED_DECIMAL.match(folded, end) if kind == NUM else None
        if spaced is not None and _SPACED_INTEGER.fullmatch(text) and not glued and (
                _AMOUNT_WORDS & lex.features(spaced[2]).keys()) and folded[:start].strip():
            # (not at the start of a line: «۱. ۱۱ درصد رشد …» is an item numbered 1)
            out.append((folded[start:spaced.end(1)], NUM, start, spaced.end(1), glued))
            previous_end = spaced.end(1)
            continue
        out.append((text, kind, start, end, glued))
    return out


def _unwrapped(pieces: list[tuple[str, str, int, int, bool]], lex: Lexicon,
               ) -> list[tuple[str, str, int, int, bool]]:
    """A number in parentheses before its scale word or unit, «بیش از(٣۵٠) میلیون دالر»,
    «( ٣٢۶)هزار تن»: the parentheses are dropped."""
    out = list(pieces)
    i = 0
    while i + 3 < len(out):
        if out[i][0] == "(" and out[i + 1][1] == NUM and out[i + 2][0] == ")" and (
                {"scale", "unit"} & lex.features(out[i + 3][0]).keys()):
            del out[i + 2]
            del out[i]
        i += 1
    return out


def tokenize(raw: str, lex: Lexicon | None = None) -> Line:
    """The tokens of one line of text.

    Examples
    --------
    >>> [t.text for t in tokenize("صادرات ۲میلیارد و ۷۲۰میلیون دلاری نسبت به سال۱۴۰۰").tokens]
    ['صادرات', '۲', 'میلیارد', 'و', '۷۲۰', 'میلیون', 'دلاری', 'نسبت به', 'سال', '۱۴۰۰']
    >>> [t.text for t in tokenize("ازهفت ميليارددلار، ۴/ ۳ درصد").tokens]
    ['از', 'هفت', 'میلیارد', 'دلار', '،', '۴/ ۳', 'درصد']
    """
    lex = lexicon() if lex is None else lex
    folded, index_map = _fold(raw)
    pieces = _unwrapped(_raw_tokens(folded, lex), lex)
    texts = [text for text, *_ in pieces]
    tokens: list[Token] = []
    i = 0
    while i < len(pieces):
        text, kind, start, end, glued = pieces[i]
        if kind == WORD:
            found = lex.longest(texts, i)
            # A phrase is words of the line side by side (no mark between them).
            if found is not None and found[0] > 1 and all(
                    pieces[j][1] == WORD for j in range(i, i + found[0])):
                n, features = found
                last_end = pieces[i + n - 1][3]
                tokens.append(Token(" ".join(texts[i:i + n]), WORD, start, last_end, features,
                                    glued, n))
                i += n
                continue
            # (a phrase broken by a mark leaves the word its own features)
            features = found[1] if found is not None and found[0] == 1 else lex.features(text)
        else:
            features = lex.features(text) if kind == PUNCT else {}
        tokens.append(Token(text, kind, start, end, features, glued))
        i += 1
    return Line(raw, folded, index_map, tuple(tokens))
