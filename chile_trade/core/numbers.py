"""Persian text and numbers as Persian writers actually write them.

The first step of the core: strings into exact numbers. Nothing here reads
files, knows about tables, or imports pandas.

* Digits: Persian (``۰``–``۹``), Arabic-Indic (``٠``–``٩``) or ASCII, one
  system per number.
* Decimal separator: ``/``, ``٫`` or ``.``; thousands separator: ``٬`` or
  ``,`` (groups of three digits only, so ``1,5`` is refused, never guessed).
* Percentages: ``%۱۸``, ``۱۸%``, ``۱۸٪``, ``۱۸ درصد``, ``۱۶۰ درصدی``,
  ``۱۶۰ در صدی``.
* A parsed value keeps its printed precision: ``۴۳/۸`` is 43.8 with one
  decimal and stands for the interval [43.75, 43.85].
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction

from chile_trade.core.vocabulary import (
    ARABIC_INDIC_DIGITS,
    ASCII_DIGITS,
    DECIMAL_SEPARATORS,
    DIGIT_SYSTEMS,
    MINUS_SIGNS,
    PERCENT_SIGNS,
    PERSIAN_DIGITS,
    THOUSANDS_SEPARATORS,
)
from chile_trade.errors import InputError

__all__ = [
    "DROPPED_CHARACTERS",
    "MAX_DIGITS",
    "ParsedNumber",
    "check_label_text",
    "check_number_integrity",
    "fold",
    "fold_with_map",
    "parse_integer",
    "parse_number",
    "parse_period",
    "quoted",
    "to_ascii_digits",
]

MAX_DIGITS = 30
"""Most digits a printed number may have (integer and decimals together).

A trade figure in rials has about 20; a longer run is refused rather than
read: it keeps exact arithmetic cheap and every value in a float's range."""

_DIGIT_SYSTEM_OF = {ch: name for name, digits in DIGIT_SYSTEMS.items() for ch in digits}
_TO_ASCII = str.maketrans(PERSIAN_DIGITS + ARABIC_INDIC_DIGITS, ASCII_DIGITS * 2)

ZWNJ = "\u200c"

# Letters that Persian text written with an Arabic keyboard or code page uses
# in place of the Persian ones.
_LETTER_FOLDS = {
    "ي": "ی",  # ARABIC LETTER YEH
    "ى": "ی",  # ARABIC LETTER ALEF MAKSURA
    "ك": "ک",  # ARABIC LETTER KAF
    "ە": "ه",  # ARABIC LETTER AE
    "\u00a0": " ",  # NO-BREAK SPACE
    "\u202f": " ",  # NARROW NO-BREAK SPACE
}
_DROPPED = {ZWNJ, "\u0640"}  # ZWNJ, TATWEEL
# parse_number folds only letters and spaces: a character that folding would
# drop (tatweel, a mark, ZWNJ) inside a number makes it unparsable, never a
# different number.
_LIGHT_FOLD = str.maketrans(_LETTER_FOLDS)
DROPPED_CHARACTERS = frozenset({*_DROPPED, *map(chr, range(0x064B, 0x0660)), "\u0670"})  # + harakat
_FOLD_TABLE = str.maketrans({**_LETTER_FOLDS, **dict.fromkeys(DROPPED_CHARACTERS)})

# One number as it appears in running text (``\d`` matches every script's
# digits; parse_number refuses the scripts the package does not support). It
# starts only where no number part stands before it, so a scan never starts
# inside a number, and every quantifier is possessive: a search over any text
# is linear in its length.
NUMBER_PATTERN = r"(?<![\d٬,/٫.])[-−]?+\d++(?:[٬,]++\d++)*+(?:[/٫.]\d++)?+"
_PERCENT_WORD = r"در[\s\u200c]*+صدی?+(?!\w)"
_NUMBER_RE = re.compile(
    rf"^(?P<pre>[{PERCENT_SIGNS}])?+\s*+(?P<sign>[{MINUS_SIGNS}+])?+"
    rf"(?P<int>\d++(?:[{THOUSANDS_SEPARATORS}]\d++)*+)"
    rf"(?:(?P<sep>[{re.escape(DECIMAL_SEPARATORS)}])(?P<frac>\d++))?+"
    rf"\s*+(?P<post>[{PERCENT_SIGNS}]|{_PERCENT_WORD})?+$"
)
_THOUSANDS_RE = re.compile(f"[{THOUSANDS_SEPARATORS}]")
_PERIOD_RE = re.compile(r"^(\d{2}|\d{4})\s*[/\-–]\s*(\d{2}|\d{4})$")


def fold_with_map(text: str) -> tuple[str, list[int] | range]:
    """Fold ``text`` for matching and map each folded index to the raw one.

    Folding turns Arabic letter variants into Persian ones (``ي ى`` → ``ی``,
    ``ك`` → ``ک``), no-break spaces into spaces, and drops ZWNJ, tatweel and
    harakat, so that a pattern matches whether or not a writer typed ZWNJ.

    Returns
    -------
    folded : str
    index_map : list of int (or a range, where nothing was dropped)
        ``index_map[i]`` is the index in ``text`` of ``folded[i]``; one extra
        entry maps ``len(folded)`` to ``len(text)``.

    Examples
    --------
    >>> folded, index_map = fold_with_map("سهم‌ها ۱۸٪")
    >>> folded, index_map[3], index_map[len(folded)]
    ('سهمها ۱۸٪', 4, 10)
    """
    folded = text.translate(_FOLD_TABLE)
    if len(folded) == len(text):  # nothing dropped: letters fold one to one
        return folded, range(len(text) + 1)
    index_map = [i for i, ch in enumerate(text) if ch not in DROPPED_CHARACTERS]
    index_map.append(len(text))
    return folded, index_map


def fold(text: str) -> str:
    """Fold ``text`` for matching (see `fold_with_map`).

    Examples
    --------
    >>> fold("مي\u200cكند") == fold("می‌کند") == "میکند"
    True
    """
    return text.translate(_FOLD_TABLE)


# Categories of characters that do not show, or only join, mark or steer
# others, or mean nothing agreed (private use): format characters (zero-width
# characters, bidi marks and controls, soft hyphen, tags), combining marks
# (harakat), controls, line and paragraph separators, private use. One of them
# touching a number lets a reader see another number than a program reads.
_HIDDEN_CATEGORIES = frozenset({"Cf", "Mn", "Me", "Cc", "Zl", "Zp", "Co"})
# Characters of other categories that show nothing either, or only stretch a
# joined letter: tatweel, the Hangul fillers, the blank Braille pattern.
_INVISIBLE_LETTERS = frozenset("\u0640\u115f\u1160\u3164\uffa0\u2800")
_WHITESPACE_CONTROLS = frozenset("\t\x0c")  # a tab or a page break is a space
# Marks that only steer direction or stop letters joining, harmless beside a
# number (not inside one): RLM, LRM, ALM, ZWNJ.
_HARMLESS_BESIDE = frozenset("\u200e\u200f\u061c\u200c")
_SUPPORTED_DIGITS = frozenset(PERSIAN_DIGITS + ARABIC_INDIC_DIGITS + ASCII_DIGITS)
_NUMBER_PARTS = frozenset(DECIMAL_SEPARATORS + THOUSANDS_SEPARATORS + PERCENT_SIGNS
                          + MINUS_SIGNS)
# A character next to a digit, or a digit of a script the package does not read;
# found in one linear pass, then judged by its Unicode category.
# (Other whitespace is looked at too: U+0085 and U+2028 are whitespace to ``\s``.)
# Letters and punctuation that are seen beside numbers all the time and are neither
# hidden nor digit-like are passed over by the pattern itself (no \s: some whitespace
# characters are controls).
_PLAIN = (r"A-Za-z\u0621-\u063a\u0641-\u064a\u067e\u0686\u0698\u06a9\u06af\u06cc"
          r"%٪٫٬/.,\-−+()\[\]:;،؛«»\"'!?؟")
_NEAR_NUMBER = re.compile(rf"(?<=\d)[^\d {_PLAIN}]|[^\d {_PLAIN}](?=\d)|(?![0-9۰-۹٠-٩])\d")
# Embeddings, overrides and isolates can reorder the digits a reader sees
# (the "Trojan Source" trick).
_ANY_DIGIT = re.compile(r"\d")
_BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")
# Spaces other than U+0020 and tab between two digits: a group separator to one
# reader ("۱ ۰۰۰" as 1000) and a column break to another (1 and 000).
_SPACE_BETWEEN_DIGITS = re.compile(
    "(?<=\\d)[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]++(?=\\d)")


def _is_hidden(char: str) -> bool:
    return char in _INVISIBLE_LETTERS or (unicodedata.category(char) in _HIDDEN_CATEGORIES
                                          and char not in _WHITESPACE_CONTROLS)


def _is_digit_like(char: str) -> bool:
    """A digit, superscript, fraction, circled or Roman numeral... of any script."""
    return char.isnumeric()


def _is_number_part(char: str) -> bool:
    return char.isdigit() or char in _NUMBER_PARTS


def _describe(char: str) -> str:
    """``U+0640 (ARABIC TATWEEL)``; a character with no name by its category."""
    name = unicodedata.name(char, "") or f"category {unicodedata.category(char)}"
    return f"U+{ord(char):04X} ({name})"


def _check_hidden_run(line: str, at: int) -> int:
    """Judge the run of hidden characters around ``line[at]``; return where it ends."""
    start, end = at, at + 1
    while start > 0 and _is_hidden(line[start - 1]):
        start -= 1
    while end < len(line) and _is_hidden(line[end]):
        end += 1
    inside = (start > 0 and _is_number_part(line[start - 1])
              and end < len(line) and _is_number_part(line[end]))
    offending = [i for i in range(start, end) if inside or line[i] not in _HARMLESS_BESIDE]
    if offending:
        where = offending[0]
        raise InputError(f"character {_describe(line[where])} inside or beside a number at "
                         f"column {where + 1}: it does not show, and a program may read "
                         "another number than a reader sees")
    return end


def check_number_integrity(line: str) -> None:
    """Refuse a line where a hidden or look-alike character could make a number read two ways.

    A reader sees ``۱ـ۸`` or ``1\u200f8`` as one number, ``\u202e۱۸`` as 81,
    and ``۱¹۹`` as one number; a program that silently dropped or ignored the
    character would read another. Refused, by Unicode category rather than
    from a list:

    * any character of category Cf, Mn, Me, Cc, Zl, Zp or Co (format
      characters, combining marks, controls but tab and page break,
      separators, private use) inside or beside a number;
    * any digit-like character other than Persian, Arabic-Indic and ASCII
      digits (superscripts, fullwidth and mathematical digits, other
      scripts) beside a digit or a number's sign, separator or percent sign;
    * a bidi embedding, override or isolate anywhere on a line with a digit;
    * a no-break, narrow, thin or other special space between two digits (a
      thousands separator or a break between two numbers?).

    An RLM, LRM, ALM or ZWNJ just outside a number is harmless, and so is a
    no-break space before a percent sign.

    Raises
    ------
    InputError
        Naming the character and its column (1-based); the caller adds file
        and line.

    Examples
    --------
    >>> check_number_integrity("سهم \u200f۱۸٪")
    >>> check_number_integrity("سهم ۱\u0640۸٪")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    chile_trade.errors.InputError: <text>: character U+0640 (ARABIC TATWEEL) inside or beside ...
    >>> check_number_integrity("سهم ۱¹۹٪")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    chile_trade.errors.InputError: <text>: digit-like character U+00B9 (SUPERSCRIPT ONE) ...
    """
    if _ANY_DIGIT.search(line) is None:
        return  # nothing here can be read as a number
    check_label_text(line)
    space = _SPACE_BETWEEN_DIGITS.search(line)
    if space is not None:
        raise InputError(
            f"space U+{ord(space.group()[0]):04X} between digits at column {space.start() + 1}: "
            "a thousands separator or two numbers? Write ٬ in a number, a plain space "
            "between numbers")
    checked_to = 0  # a run of hidden characters is judged once
    for match in _NEAR_NUMBER.finditer(line):
        at = match.start()
        char = line[at]
        if at < checked_to:
            continue
        if _is_hidden(char):
            checked_to = _check_hidden_run(line, at)
        elif char not in _SUPPORTED_DIGITS and _is_digit_like(char) and (
                (at > 0 and (_is_digit_like(line[at - 1]) or line[at - 1] in _NUMBER_PARTS))
                or (at + 1 < len(line)
                    and (_is_digit_like(line[at + 1]) or line[at + 1] in _NUMBER_PARTS))):
            raise InputError(
                f"digit-like character {_describe(char)} at column {at + 1}, beside a number: "
                "only Persian, Arabic-Indic and ASCII digits are read")


def check_label_text(line: str) -> None:
    """Refuse a bidi embedding, override or isolate in text that reaches an output.

    Such a control reorders what is shown after it ("Trojan Source"): on a line
    with a number it changes the digits a reader sees; in a title or label it
    would travel into every output beside the numbers.

    Raises
    ------
    InputError
        Naming the control and its column; the caller adds file and line.
    """
    control = _BIDI_CONTROLS.search(line)
    if control is not None:
        raise InputError(
            f"bidi control U+{ord(control.group()):04X} at column {control.start() + 1}: "
            "it can change the order of the characters and digits a reader sees")


def to_ascii_digits(text: str) -> str:
    """Replace Persian and Arabic-Indic digits by ASCII ones.

    Examples
    --------
    >>> to_ascii_digits("۱۹۹۵ و ٢٠")
    '1995 و 20'
    """
    return text.translate(_TO_ASCII)


@dataclass(frozen=True, slots=True)
class ParsedNumber:
    """A number as printed: its exact value, its precision and its raw text.

    Attributes
    ----------
    value : Decimal
        The exact printed value (``Decimal("43.8")`` for ``۴۳/۸``).
    decimals : int
        Number of printed decimals.
    raw : str
        The text the number was read from.
    is_percent : bool
        Whether the text carried a percent sign or word.
    exact : Fraction
        The printed value as a fraction (computed once, when first used).
    low, high : Fraction
        The values that print as this number, ``value ∓ half_unit``; both ends
        are included so that a tie counts under any rounding rule.
    """

    value: Decimal
    decimals: int
    raw: str
    is_percent: bool = False
    # (exact, low, high), computed when first asked for: most numbers a document prints
    # are never checked.
    _bounds: tuple[Fraction, Fraction, Fraction] | None = field(
        default=None, init=False, repr=False, compare=False)

    def _computed(self) -> tuple[Fraction, Fraction, Fraction]:
        if self._bounds is None:
            # value = m / 10^k, printed with k decimals: the interval is (2m ∓ 1) / (2·10^k),
            # in integers (Decimal arithmetic would round past its 28 digits).
            sign, digits, exponent = self.value.as_tuple()
            shift = int(exponent) + self.decimals
            scale = 10**self.decimals
            if shift >= 0:
                m = int("".join(map(str, digits))) * 10**shift * (-1 if sign else 1)
                bounds = (Fraction(m, scale), Fraction(2 * m - 1, 2 * scale),
                          Fraction(2 * m + 1, 2 * scale))
            else:  # more digits than the printed decimals (not made by parse_number)
                exact, half = Fraction(self.value), Fraction(1, 2 * scale)
                bounds = (exact, exact - half, exact + half)
            object.__setattr__(self, "_bounds", bounds)
        assert self._bounds is not None
        return self._bounds

    @property
    def exact(self) -> Fraction:
        """The printed value as a fraction."""
        return self._computed()[0]

    @property
    def low(self) -> Fraction:
        """The least value that prints as this number: ``value − half_unit``."""
        return self._computed()[1]

    @property
    def high(self) -> Fraction:
        """The greatest value that prints as this number: ``value + half_unit``."""
        return self._computed()[2]

    @classmethod
    def from_text(cls, text: str, raw: str | None = None) -> ParsedNumber:
        """The number whose canonical text (`text`) is ``text``, e.g. ``'43.8'``.

        Examples
        --------
        >>> ParsedNumber.from_text("-12.50", "۱۲/۵۰-").decimals
        2
        """
        value = Decimal(text)
        exponent = value.as_tuple().exponent
        decimals = -exponent if isinstance(exponent, int) and exponent < 0 else 0
        return cls(value, decimals, text if raw is None else raw)

    @property
    def half_unit(self) -> Fraction:
        """Half a unit of the last printed digit: 0.05 for ``43.8``."""
        return Fraction(1, 2 * 10**self.decimals)

    def interval(self) -> tuple[Fraction, Fraction]:
        """The values that print as this number: ``[v - h, v + h]``.

        Examples
        --------
        >>> [str(x) for x in parse_number("۴۳/۸").interval()]
        ['175/4', '877/20']
        """
        return self.low, self.high

    @property
    def text(self) -> str:
        """Canonical ASCII text keeping the precision (``'43.8'``, ``'1649'``)."""
        return f"{self.value:f}"


_DIGIT_SETS = {name: frozenset(digits) for name, digits in DIGIT_SYSTEMS.items()}


def _digit_system(digits: str, raw: str) -> str:
    present = set(digits)
    for name, allowed in _DIGIT_SETS.items():  # the usual case: one system
        if present <= allowed:
            return name
    systems = set()
    for ch in digits:
        system = _DIGIT_SYSTEM_OF.get(ch)
        if system is None:
            raise InputError(f"unsupported digit {ch!r} (U+{ord(ch):04X}) in number {quoted(raw)}")
        systems.add(system)
    if len(systems) > 1:
        raise InputError(f"number {quoted(raw)} mixes digit systems ({', '.join(sorted(systems))})")
    return systems.pop()


def parse_number(raw: str) -> ParsedNumber:
    """Parse one printed number, keeping its exact value and precision.

    Parameters
    ----------
    raw : str
        The number as printed, e.g. ``'۱۴/۴'``, ``'%۱۸'``, ``'۲٬۳۷۵'``,
        ``'۱۶۰ در صدی'``.

    Returns
    -------
    ParsedNumber

    Raises
    ------
    InputError
        If ``raw`` is not one number in a supported style (no location yet:
        the caller adds file and line).

    Examples
    --------
    >>> parse_number("۴۳/۸")
    ParsedNumber(value=Decimal('43.8'), decimals=1, raw='۴۳/۸', is_percent=False)
    >>> parse_number("%۱۸").is_percent, parse_number("۱۸ درصد").value
    (True, Decimal('18'))
    >>> parse_number("۲٬۳۷۵").value, parse_number("1,649.50").decimals
    (Decimal('2375'), 2)
    """
    match = _NUMBER_RE.match(raw.strip().translate(_LIGHT_FOLD))
    if match is None:
        raise InputError(f"unparsable number {quoted(raw)}")
    if match["pre"] and match["post"]:
        raise InputError(f"number {quoted(raw)} has a percent sign on both sides")
    integer, frac = match["int"], match["frac"] or ""
    groups = _THOUSANDS_RE.split(integer)
    digits = "".join(groups) + frac
    if len(digits) > MAX_DIGITS:
        raise InputError(f"number {quoted(raw)} has {len(digits):,} digits; "
                         f"the limit is {MAX_DIGITS}")
    _digit_system(digits, raw)
    if len(groups) > 1:
        separators = set(_THOUSANDS_RE.findall(integer))
        if len(separators) > 1 or not 1 <= len(groups[0]) <= 3 or any(
            len(g) != 3 for g in groups[1:]
        ):
            raise InputError(f"number {quoted(raw)} has a thousands separator that does not "
                             "split groups of three")
    sign = "-" if match["sign"] in tuple(MINUS_SIGNS) else ""
    ascii_text = to_ascii_digits("".join(groups) + ("." + frac if frac else ""))
    return ParsedNumber(
        value=Decimal(sign + ascii_text),
        decimals=len(frac),
        raw=raw,
        is_percent=bool(match["pre"] or match["post"]),
    )


def parse_integer(raw: str, what: str, *, max_digits: int) -> int:
    """Read a whole number of at most ``max_digits`` digits, such as a number of years.

    Raises
    ------
    InputError
        Saying that ``raw`` is not ``what`` (``"a number of years"``): not a
        whole number in one supported digit system, or too long.

    Examples
    --------
    >>> parse_integer("۱۲", "a number of years", max_digits=4)
    12
    >>> parse_integer("۱۲۳۴۵", "a number of years", max_digits=4)  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    chile_trade.errors.InputError: <text>: '۱۲۳۴۵' is not a number of years: it has 5 digits...
    """
    digits = raw.strip()
    if not digits.isdecimal():
        raise InputError(f"{quoted(raw)} is not {what}")
    if len(digits) > max_digits:
        raise InputError(f"{quoted(raw)} is not {what}: it has {len(digits):,} digits, "
                         f"more than {max_digits}")
    _digit_system(digits, raw)
    return int(to_ascii_digits(digits))


def quoted(raw: str, limit: int = 24) -> str:
    """``raw`` quoted for a message, cut short if long.

    Examples
    --------
    >>> quoted("۱۲x"), quoted("۱" * 100)
    ("'۱۲x'", "'۱۱۱۱۱۱۱۱۱۱۱۱۱۱۱۱۱۱۱۱۱۱۱۱'… (100 characters)")
    """
    return repr(raw) if len(raw) <= limit else f"{raw[:limit]!r}… ({len(raw):,} characters)"


def parse_period(raw: str, years: list[int] | tuple[int, ...]) -> tuple[int, int]:
    """Read a year pair such as ``۹۴/۹۵`` as a period, resolved against ``years``.

    A two-digit year takes its century from the table's own header years, so
    ``۹۴/۹۵`` in a table of 1992–1995 is (1994, 1995), never the number 94.95.

    Examples
    --------
    >>> parse_period("۹۴/۹۵", [1992, 1993, 1994, 1995])
    (1994, 1995)
    >>> parse_period("2004-2005", [2003, 2004, 2005])
    (2004, 2005)
    """
    match = _PERIOD_RE.match(to_ascii_digits(fold(raw.strip())))
    if match is None:
        raise InputError(f"unparsable year pair {raw!r}")
    _digit_system(re.sub(r"\D", "", fold(raw)), raw)
    resolved = []
    for part in match.groups():
        candidates = [y for y in years if str(y).endswith(part)] if len(part) == 2 else [int(part)]
        if len(candidates) != 1 or candidates[0] not in years:
            raise InputError(f"year pair {raw!r} names a year that is not in the header {years}")
        resolved.append(candidates[0])
    start, end = resolved
    if start >= end:
        raise InputError(f"year pair {raw!r} does not run forward in time")
    return start, end
