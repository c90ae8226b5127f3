"""The grammar: the statistical tables and the stated percentages of a Persian text.

A table is three non-empty lines::

    جدول میزان صادرات به آمریکا (میلیون دلار، فوب)      <- title
    ۱۹۹۲ ۱۹۹۳ ... درصد تغییرات ۹۴/۹۵ میزان مشارکت در کل صادرات   <- header
    ۱۶۴۹ ۱۶۵۵ ... %۱۸ ۱۴/۴                                       <- values

The title names the flow (صادرات به / واردات از), optionally the reporter
(``صادرات ایران به ترکیه``; a place `chile_trade.core.vocabulary.PLACES`
knows), the partner and, in parentheses, the unit and
valuation. The header lists years, then labelled columns: a percent change
(``درصد تغییرات``, optionally with its year pair) and a share of the
reporter's total (``میزان مشارکت در کل صادرات``). Any number of years, any
partner, any supported digit style works.

Prose lines are read twice: two typed forms here (a partner's share of the
reporter's total trade in a year, growth over N years), then every other
stated figure by `chile_trade.core.prose`, which also ties figures to the
tables' values.

The reporter is whoever the document names: in a table's title, a share's
label (``کل صادرات شیلی``) or a total-trade claim (``کل مبادلات شیلی``).
Where these agree on one reporter, a table or claim that names none is
taken to be about it; otherwise the reporter stays unknown.

`read` takes a string and returns records (`chile_trade.core.records`); it
never touches the disk and builds no DataFrame.
"""

from __future__ import annotations

import bisect
import dataclasses
import re
from collections.abc import Sequence
from dataclasses import dataclass

from chile_trade.core import vocabulary as V
from chile_trade.core.numbers import (
    DROPPED_CHARACTERS,
    NUMBER_PATTERN,
    ParsedNumber,
    check_label_text,
    check_number_integrity,
    fold,
    fold_with_map,
    parse_integer,
    parse_number,
    parse_period,
    quoted,
)
from chile_trade.core.prose import prose_claims
from chile_trade.core.records import Claim, Period, Quantity, Span, Subject, TableCell
from chile_trade.errors import InputError

__all__ = ["Document", "read", "resolve_place"]

# Place names, longest first, so that the longest name wins.
_PLACES_LONGEST_FIRST = sorted(V.PLACES, key=len, reverse=True)

_UNIT_SPLIT_RE = re.compile(r"[،,؛;]")
_SPACES_RE = re.compile(r"\s++")

# Every quantifier in these patterns is possessive or bounded, and a number can
# only start where no number part stands before it (`NUMBER_PATTERN`): a search
# over any line is linear in its length.
_FLOWS = "|".join(V.FLOW_WORDS)  # صادرات|واردات
_PREPOSITIONS = "|".join(V.FLOW_PREPOSITIONS.values())  # به|از
_BASES = "|".join(V.BASE_WORDS)
_TRADE_WORDS = "|".join(w for w, code in V.BASE_WORDS.items() if code == V.TRADE)
_NAME_WORD = rf"(?!(?:{_PREPOSITIONS})\s)[^\s()]++"  # a word of a name, not the preposition
_TITLE_RE = re.compile(
    rf"^جدول\s++(?:(?:میزان|ارزش|حجم|وزن)\s++)?+(?P<flow>{_FLOWS})\s++"
    rf"(?:(?P<reporter>{_NAME_WORD}(?:\s++{_NAME_WORD}){{0,2}}+)\s++)?+"
    rf"(?P<prep>{_PREPOSITIONS})\s++(?P<partner>[^()]++)\((?P<unit>[^()]*+)\)\s*+$"
)
# A title naming what is traded rather than a reporter: "جدول صادرات مصنوعات پلاستیکی به
# عراق (میلیون دلار)", "جدول ارزش صادرات محصولات پتروشیمی (میلیون دلار)", "جدول وزن صادرات
# از گمرکات استان … (هزار تن)". The partner is a known place after the flow's preposition.
_PRODUCT_TITLE_RE = re.compile(
    rf"^جدول\s++(?:(?:میزان|ارزش|حجم|وزن)\s++)?+(?P<flow>{_FLOWS})\s++"
    rf"(?P<rest>[^()]++)\((?P<unit>[^()]*+)\)\s*+$"
)
_YEAR_RE = re.compile(r"\d{4}")
_HEADER_START_RE = re.compile(r"\s*+\d{4}(?:\s|$)")
_HEADER_NUMBER_RE = re.compile(r"(\d++)(?:\s++|$)")
_PERIOD = r"\d{2,4}+\s*+[/\-–]\s*+\d{2,4}+"
_WORD = r"[^\s.،؛:()]++"
_WORDS = rf"{_WORD}(?:\s++{_WORD}){{0,2}}+"  # up to three words: a place's name
_CONJUNCTIONS = ("و", "،", ",")
_PHRASE_END_RE = re.compile(r"[.؛;:()!?؟\n]")
_PARTNER_LOOKAHEAD = 80  # characters read past a partner's name for a second partner
_CHANGE_LABEL = (
    rf"(?:درصد\s*+)?+(?:تغییرات|تغییر|رشد)(?:\s*+درصد)?+(?:\s*+(?P<period>{_PERIOD}))?+"
)
# The reporter after a share's base is at most one word (``کل صادرات شیلی``); a
# longer name would run into the next column's label.
_SHARE_LABEL = (
    r"(?:میزان\s*+)?+(?:مشارکت|سهم)\s*+(?:از|در)\s*+(?:کل\s*+)?+"
    rf"(?P<base>{_BASES})"
    r"(?:\s++(?P<owner>(?!(?:درصد|تغییرات|تغییر|رشد|میزان|مشارکت|سهم)(?!\S))[^\s\d]++))?+"
)
_LABEL_RE = re.compile(rf"(?P<change>{_CHANGE_LABEL})|(?P<share>{_SHARE_LABEL})")

_PERCENT = rf"(?:[%٪]\s*+{NUMBER_PATTERN}|{NUMBER_PATTERN}\s*+(?:[%٪]|در\s*+صدی?+(?!\w)))"
_COMPARATOR = "|".join(sorted(map(re.escape, V.COMPARATOR_WORDS), key=len, reverse=True))
# The first bound of a range before a percentage: "بین ۱۸ و" or "۱۸ تا", "۱۸ الی", "۱۸-"
# (a hyphen between two numbers is a range, not a minus sign).
_RANGE_START = (
    rf"(?:بین\s*+(?P<lo>{NUMBER_PATTERN})\s*+(?:[%٪]|درصد)?+\s*+و\s*+"
    rf"|(?P<lo2>{NUMBER_PATTERN})\s*+(?:[%٪]|درصد)?+\s*+(?:{'|'.join(V.RANGE_WORDS)}|[-–])\s*+)"
)
_TRADE_SHARE_RE = re.compile(
    rf"(?:(?P<cmp>{_COMPARATOR})\s*+)?+(?:{_RANGE_START})?+(?P<pct>{_PERCENT})\s*+(?:از\s*+)?+"
    r"(?:حجم\s*+)?+کل\s*+"
    rf"(?:{_TRADE_WORDS})(?:\s*+(?:خارجی|تجاری|بازرگانی))?+"
    rf"(?:\s++(?P<reporter>(?!در\s)(?!با\s){_WORD}))?+\s*+"
    rf"در\s*+سال\s*+(?P<year>\d{{4}}+)\s*+با\s*+(?P<partner>{_WORDS})"
)
_GROWTH_RE = re.compile(
    rf"رشد(?:ی)?+\s*+(?:(?P<cmp>{_COMPARATOR})\s*+)?+(?P<pct>{_PERCENT})\s*+نسبت\s*+به\s*+"
    r"(?P<years>\d++)\s*+سال\s*+(?:قبل|پیش|گذشته)"
)
_WITH_PARTNER_RE = re.compile(rf"با\s++({_WORDS})")
_CLAUSE_BREAK_RE = re.compile("[.،]")
_DIGIT_RE = re.compile(r"\d")
# A folded line starting with جدول starts, unfolded, with its first letter or with a
# character folding drops.
_TABLE_WORD_STARTS = frozenset({"ج", *DROPPED_CHARACTERS})
_MAX_SPAN_DIGITS = 4
"""A number of years ("growth over N years") has at most this many digits."""
_DETACHED_PERCENT = ("%", "٪", "درصد", "درصدی", "در", "صد", "صدی")
_DETACHED_STARTS = frozenset({"%", "٪", "د", "ص", *DROPPED_CHARACTERS})


@dataclass(frozen=True, slots=True)
class Document:
    """What one document states: its table cells and its claims, in document order."""

    cells: list[TableCell]
    claims: list[Claim]


def _place_at(folded: str) -> tuple[int, str, str] | None:
    """The known place ``folded`` starts with (longest name): (its length, name, English)."""
    for name in _PLACES_LONGEST_FIRST:
        if folded == name or folded.startswith(name + " "):
            return len(name), V.PLACE_ALIASES.get(name, name), V.PLACES[name]
    return None


def _partner_phrase(text: str) -> tuple[str, str]:
    """The partner a phrase after ``با`` names: a known place; a place joined by ``و`` to
    more (``آمریکا و کانادا``), kept whole, so that a claim about several partners is
    never checked against the first alone; or the first word as written."""
    phrase = _PHRASE_END_RE.split(fold(text), maxsplit=1)[0]  # a sentence's end ends the list
    folded = _SPACES_RE.sub(" ", phrase.replace("،", " ، ").replace(",", " , ").strip())
    first = _place_at(folded)
    if first is None:
        return _named(folded.split()[0])
    length, name, english = first
    rest = folded[length:].split()
    if rest and rest[0] in _CONJUNCTIONS:
        second = _place_at(" ".join(rest[1:]))
        if second is not None:
            return f"{name} و {second[1]}", f"{english} and {second[2]}"
        if rest[0] == "و" and len(rest) == 1:  # a sentence cut off after "و"
            return f"{name} و …", f"{english} and …"
    # Otherwise "و" or "،" joins another clause ("با آمریکا، که ...").
    return name, english


def resolve_place(text: str) -> tuple[str, str] | None:
    """Match the start of ``text`` to a known country or group; the longest name wins.

    Returns
    -------
    (persian, english) or None

    Examples
    --------
    >>> resolve_place("ايالات متحده بوده است")
    ('آمریکا', 'United States')
    >>> resolve_place("جایی دیگر") is None
    True
    """
    found = _place_at(fold(text).strip())
    return None if found is None else (found[1], found[2])


def _named(text: str) -> tuple[str, str]:
    """A whole name: a known place with its English name, or the name as written,
    kept in Persian in both languages."""
    folded = _SPACES_RE.sub(" ", fold(text).strip())
    if folded in V.PLACES:
        return V.PLACE_ALIASES.get(folded, folded), V.PLACES[folded]
    return folded, folded


def _product_and_partner(rest: str) -> tuple[str, str, tuple[str, str]]:
    """What a product title names: (product, preposition, partner). The partner is a
    known place after the last ``به``/``از``; the words before it are the product. With
    no known place there, the whole is the product (``از گمرکات استان …``)."""
    words = _SPACES_RE.sub(" ", rest.strip()).split(" ")
    for i in range(len(words) - 1, 0, -1):
        if words[i - 1] in V.FLOW_PREPOSITIONS.values():
            place = " ".join(words[i:])
            if place in V.PLACES:
                return " ".join(words[:i - 1]), words[i - 1], _named(place)
    return " ".join(words), "", ("", "")


def _parse_unit(raw: str) -> tuple[str, str]:
    parts = [p.strip() for p in _UNIT_SPLIT_RE.split(fold(raw)) if p.strip()]
    unit, valuation = [], ""
    for part in parts:
        if part in V.VALUATION_WORDS:
            valuation = V.VALUATION_WORDS[part]
        else:
            unit.append(V.UNIT_WORDS.get(part, part))
    return ", ".join(unit), valuation


def _value_tokens(line: str) -> list[str]:
    """Split a value line on spaces, joining a detached percent sign or word to its number."""
    tokens: list[str] = []
    for token in line.split():
        if tokens and token[0] in _DETACHED_STARTS and fold(token) in _DETACHED_PERCENT:
            tokens[-1] = f"{tokens[-1]} {token}"
        else:
            tokens.append(token)
    return tokens


@dataclass(frozen=True, slots=True)
class _Column:
    kind: str  # "year", V.CHANGE or V.SHARE
    label: str
    year: int = 0
    period: tuple[int, int] | None = None
    base: str = ""
    owner: tuple[str, str] = ("", "")  # the reporter a share's label names


_YEAR = "year"


def _header_years(folded: str, source: str, lineno: int) -> tuple[list[int], str]:
    """The leading years of a header line, and the rest of the line."""
    years: list[int] = []
    position = 0
    while (m := _HEADER_NUMBER_RE.match(folded, position)) is not None:
        token = m.group(1)
        if not _YEAR_RE.fullmatch(token):
            raise InputError(f"header column {quoted(token)} is not a four-digit year",
                             source=source, line=lineno)
        try:
            years.append(parse_integer(token, "a year", max_digits=4))
        except InputError as exc:
            raise exc.located(source, lineno) from None
        position = m.end()
    rest = folded[position:]
    if not years:
        raise InputError("table header does not start with a year", source=source, line=lineno)
    if years != sorted(set(years)):
        raise InputError(f"header years {years} are not in increasing order",
                         source=source, line=lineno)
    return years, rest


def _parse_header(line: str, where: tuple[str, int]) -> list[_Column]:
    source, lineno = where
    years, rest = _header_years(fold(line).strip(), source, lineno)
    cols = [_Column(_YEAR, str(y), year=y) for y in years]
    position = 0
    for m in _LABEL_RE.finditer(rest):
        gap = rest[position:m.start()].strip()
        if gap:
            raise InputError(f"unrecognised column label {gap!r} in table header",
                             source=source, line=lineno)
        position = m.end()
        label = m.group().strip()
        if m["change"]:
            if m["period"]:
                try:
                    period = parse_period(m["period"], years)
                except InputError as exc:
                    raise exc.located(source, lineno) from None
            elif len(years) >= 2:
                period = (years[-2], years[-1])
            else:
                raise InputError("a percent-change column needs two years",
                                 source=source, line=lineno)
            cols.append(_Column(V.CHANGE, label, period=period))
        else:
            owner = _named(m["owner"]) if m["owner"] else ("", "")
            if owner[0] and owner[0] not in V.PLACES:
                owner = ("", "")  # "سهم از کل صادرات پلاستیک": a product's total, no reporter
            cols.append(_Column(V.SHARE, label, year=years[-1], base=V.BASE_WORDS[m["base"]],
                                owner=owner))
    gap = rest[position:].strip()
    if gap:
        raise InputError(f"unrecognised column label {gap!r} in table header",
                         source=source, line=lineno)
    return cols


def _table_number(token: str) -> ParsedNumber:
    """A table's value as printed, with the ways tables print a negative number: a
    leading or trailing minus (``-۱۲``, ``۱۲-``, ``−۱۲``) or parentheses (``(۱۲)``)."""
    text = token.strip()
    negative = False
    if len(text) > 2 and text[0] == "(" and text[-1] == ")":
        text, negative = text[1:-1], True
    elif len(text) > 1 and text[-1] in V.MINUS_SIGNS and text[-2] not in V.MINUS_SIGNS:
        text, negative = text[:-1], True
    number = parse_number(text)
    if not negative:
        return number
    if number.value < 0:
        raise InputError(f"number {quoted(token)} is negative twice")
    return ParsedNumber(-number.value, number.decimals, token, number.is_percent)


def _parse_values(line: str, cols: list[_Column], where: tuple[str, int],
                  header_line: int) -> list[ParsedNumber]:
    source, lineno = where
    tokens = _value_tokens(line)
    if len(tokens) != len(cols):
        n_years = sum(c.kind == _YEAR for c in cols)
        raise InputError(
            f"value line has {len(tokens)} values but the header at line {header_line} has "
            f"{len(cols)} columns ({n_years} years, {len(cols) - n_years} labelled)",
            source=source, line=lineno)
    values = []
    for token, col in zip(tokens, cols, strict=True):
        try:
            number = _table_number(token)
        except InputError as exc:
            raise exc.located(source, lineno) from None
        if col.kind == _YEAR and number.is_percent:
            raise InputError(f"value {token!r} in the {col.year} column carries a percent sign",
                             source=source, line=lineno)
        values.append(number)
    return values


def _next_nonempty(lines: list[str]) -> list[int | None]:
    """For each line, the index of the next non-blank line after it (one pass, so a
    document of many blank lines costs no more than its length)."""
    following: list[int | None] = [None] * len(lines)
    after: int | None = None
    for j in range(len(lines) - 1, -1, -1):
        following[j] = after
        if lines[j].strip():
            after = j
    return following


def _starts_with_table_word(line: str) -> bool:
    """Whether a line starts with ``جدول`` (folded); most lines are refused on their
    first letter, without folding."""
    stripped = line.lstrip()
    if stripped[:1] not in _TABLE_WORD_STARTS:
        return False
    return fold(line).lstrip().startswith("جدول")


def _looks_like_header(line: str) -> bool:
    return _HEADER_START_RE.match(fold(line)) is not None


class _Reporters:
    """The reporters a document names, to give a table or claim that names none the
    document's one reporter (when all that are named agree)."""

    def __init__(self) -> None:
        self.named: dict[str, str] = {}

    def note(self, reporter: tuple[str, str]) -> tuple[str, str]:
        if reporter[0]:
            self.named[reporter[0]] = reporter[1]
        return reporter

    def only(self) -> tuple[str, str] | None:
        return next(iter(self.named.items())) if len(self.named) == 1 else None


@dataclass(frozen=True, slots=True)
class _Title:
    flow: str
    reporter: tuple[str, str]
    partner: tuple[str, str]
    product: str
    unit: str  # as written, in the title's parentheses


def _title(text: str, where: tuple[str, int], reporters: _Reporters) -> _Title:
    """What a table's title names: its flow, reporter, partner or product, and unit."""
    source, title_line = where
    try:  # the title's words travel into every output, beside the numbers
        check_label_text(text)
    except InputError as exc:
        raise exc.located(source, title_line) from None
    folded_title = fold(text).strip()
    title = _TITLE_RE.match(folded_title)
    # A reporter is a place the vocabulary knows: other words there (a product) are not
    # read as a reporter.
    if title is not None and title["reporter"] and _named(title["reporter"])[0] not in V.PLACES:
        title = None
    # "صادرات از گمرکات استان …": a place of origin, not an import partner.
    if title is not None and title["prep"] != V.FLOW_PREPOSITIONS[V.FLOW_WORDS[title["flow"]]] \
            and _named(title["partner"])[0] not in V.PLACES:
        title = None
    if title is not None:
        flow, prep, product = V.FLOW_WORDS[title["flow"]], title["prep"], ""
        partner = _named(title["partner"])
        reporter = reporters.note(_named(title["reporter"]) if title["reporter"] else ("", ""))
    else:
        title = _PRODUCT_TITLE_RE.match(folded_title)
        if title is None:
            raise InputError("table title must read 'جدول ... صادرات [REPORTER] به PARTNER "
                             "(UNIT)' or 'جدول ... واردات [REPORTER] از PARTNER (UNIT)'",
                             source=source, line=title_line)
        flow, reporter = V.FLOW_WORDS[title["flow"]], ("", "")
        product, prep, partner = _product_and_partner(title["rest"])
    if prep and prep != V.FLOW_PREPOSITIONS[flow]:
        raise InputError(f"table title says {title['flow']} {prep}: exports go to "
                         "('به') a partner, imports come from ('از') one",
                         source=source, line=title_line)
    return _Title(flow, reporter, partner, product, title["unit"])


def _table(lines: list[str], following: list[int | None], title_index: int, source: str,
           reporters: _Reporters) -> tuple[list[TableCell], list[Claim], int]:
    title_line = title_index + 1
    title = _title(lines[title_index], (source, title_line), reporters)
    flow, reporter, partner, product = title.flow, title.reporter, title.partner, title.product
    unit, valuation = _parse_unit(title.unit)
    header_index = following[title_index]
    assert header_index is not None  # the caller checked that a header follows
    cols = _parse_header(lines[header_index], (source, header_index + 1))
    value_index = following[header_index]
    if value_index is None:
        raise InputError("table header is not followed by a value line",
                         source=source, line=header_index + 1)
    lineno = value_index + 1
    values = _parse_values(lines[value_index], cols, (source, lineno), header_index + 1)
    for col in cols:
        if col.kind == V.SHARE and col.owner[0] and not reporter[0]:
            reporter = reporters.note(col.owner)
    table_id = f"{source}:{title_line}"
    span = Span(source, lineno)
    subject = Subject(reporter[0], reporter[1], partner[0], partner[1], flow, product)
    cells, claims = [], []
    for col, number in zip(cols, values, strict=True):
        if col.kind == _YEAR:
            cells.append(TableCell(table_id, Quantity(number, unit, subject, Period(end=col.year),
                                                      span), valuation))
        elif col.kind == V.CHANGE:
            assert col.period is not None
            period = Period(col.period[0], col.period[1])
            claims.append(Claim(V.CHANGE, Quantity(number, V.PERCENT, subject, period, span),
                                table=table_id, label=col.label))
        else:
            claims.append(Claim(V.SHARE, Quantity(number, V.PERCENT, subject,
                                                  Period(end=col.year), span),
                                table=table_id, base=col.base, label=col.label))
    return cells, claims, value_index


def _raw_span(raw_line: str, index_map: Sequence[int], start: int, end: int) -> str:
    return raw_line[index_map[start]:index_map[end - 1] + 1]


class _Partners:
    """The known places named after ``با`` on a line, found once, for look-ups
    of the last one named in the clause before a position."""

    def __init__(self, folded: str):
        self.starts: list[int] = []
        self.partners: list[tuple[str, str]] = []
        for m in _WITH_PARTNER_RE.finditer(folded):
            partner = resolve_place(m.group(1))
            if partner is not None:
                self.starts.append(m.start())
                self.partners.append(partner)
        self.breaks = [m.start() for m in _CLAUSE_BREAK_RE.finditer(folded)]

    def before(self, position: int) -> tuple[str, str]:
        """The last place named in the clause before ``position`` (after its last
        ``.`` or ``،``), or ``("", "")``."""
        clause = bisect.bisect_left(self.breaks, position)
        clause_start = self.breaks[clause - 1] if clause else -1
        last = bisect.bisect_left(self.starts, position) - 1
        if last >= 0 and self.starts[last] > clause_start:
            return self.partners[last]
        return ("", "")


def _comparator(word: str | None) -> str:
    return V.COMPARATOR_WORDS.get(word or "", V.EQUAL)


class _Line:
    """One prose line being read: its folded text, the raw text behind each folded
    position (mapped when a claim is first found), and the spans its claims took."""

    def __init__(self, raw_line: str, source: str, lineno: int):
        self.raw, self.source, self.lineno = raw_line, source, lineno
        self.folded = fold(raw_line)
        self._map: Sequence[int] | None = None
        self.taken: list[tuple[int, int]] = []  # spans of numbers already read

    def index_map(self) -> Sequence[int]:
        if self._map is None:
            self._map = fold_with_map(self.raw)[1]
        return self._map

    def raw_text(self, start: int, end: int) -> str:
        return _raw_span(self.raw, self.index_map(), start, end)

    def parsed(self, start: int, end: int) -> ParsedNumber:
        try:
            return parse_number(self.raw_text(start, end))
        except InputError as exc:
            raise exc.located(self.source, self.lineno) from None

    def number_of(self, m: re.Match[str]) -> ParsedNumber:
        self.taken.append(m.span("pct"))
        return self.parsed(*m.span("pct"))

    def range_low(self, m: re.Match[str]) -> ParsedNumber | None:
        """A range's low bound, taken so that it is not read as a figure of its own."""
        group = "lo" if m["lo"] else "lo2" if m["lo2"] else None
        if group is None:
            return None
        self.taken.append(m.span(group))
        return self.parsed(*m.span(group))

    def whole(self, text: str, what: str, max_digits: int) -> int:
        try:
            return parse_integer(text, what, max_digits=max_digits)
        except InputError as exc:
            raise exc.located(self.source, self.lineno) from None

    def at(self, start: int) -> Span:
        return Span(self.source, self.lineno, self.index_map()[start] + 1)


def _trade_shares(line: _Line, reporters: _Reporters) -> list[Claim]:
    claims = []
    folded = line.folded
    for m in _TRADE_SHARE_RE.finditer(folded):
        # A list of partners may go on past the captured words: "با آمریکا، کانادا و ...".
        end = m.end("partner")
        partner = _partner_phrase(folded[m.start("partner"):end + _PARTNER_LOOKAHEAD])
        reporter = reporters.note(_named(m["reporter"]) if m["reporter"] else ("", ""))
        number = line.number_of(m)
        low = line.range_low(m)
        subject = Subject(reporter[0], reporter[1], partner[0], partner[1])
        period = Period(end=line.whole(m["year"], "a year", 4))
        claims.append(Claim(
            V.TRADE_SHARE, Quantity(number, V.PERCENT, subject, period, line.at(m.start("pct"))),
            V.RANGE if low else _comparator(m["cmp"]), base=V.TRADE,
            label=folded[m.start():m.end("pct")].strip(), low=low))
    return claims


def _growths(line: _Line) -> list[Claim]:
    claims = []
    partners = _Partners(line.folded)
    for m in _GROWTH_RE.finditer(line.folded):
        number = line.number_of(m)
        partner = partners.before(m.start())
        period = Period(years=line.whole(m["years"], "a number of years", _MAX_SPAN_DIGITS))
        claims.append(Claim(
            V.GROWTH, Quantity(number, V.PERCENT, Subject(partner=partner[0],
                                                          partner_en=partner[1]),
                               period, line.at(m.start("pct"))),
            _comparator(m["cmp"]), label=f"{m['cmp'] or ''} {number.raw}".strip()))
    return claims


def _typed(raw_line: str, source: str, lineno: int, reporters: _Reporters,
           ) -> tuple[list[Claim], list[tuple[int, int]]]:
    """The typed forms of a prose line (a partner's share of total trade, growth over
    N years), and the folded spans of the numbers they took."""
    if _DIGIT_RE.search(raw_line) is None:
        return [], []
    line = _Line(raw_line, source, lineno)
    # Each typed form has a word without which it cannot match: most lines skip its scan.
    claims = _trade_shares(line, reporters) if "کل" in line.folded else []
    if "رشد" in line.folded:
        claims += _growths(line)
    return claims, line.taken





def _about(quantity: Quantity, subject: Subject) -> Quantity:
    """The same quantity, of another subject."""
    return Quantity(quantity.number, quantity.unit, subject, quantity.period, quantity.span)


def read(text: str, source: str = "<text>") -> Document:
    """The table cells and claims of one document, as records.

    Parameters
    ----------
    text : str
        The whole document, any line ends.
    source : str
        The file name recorded as provenance.

    Raises
    ------
    InputError
        With file and line, for a malformed table or an unparsable number.

    Examples
    --------
    >>> doc = read("جدول صادرات ایران به ترکیه (میلیون دلار)\\n۲۰۰۴ ۲۰۰۵ درصد تغییرات\\n"
    ...            "۱۰۰ ۱۱۰ ٪۱۰", "doc.txt")
    >>> [(c.subject.reporter_en, c.subject.partner_en, c.year, c.number.text) for c in doc.cells]
    [('Iran', 'Turkey', 2004, '100'), ('Iran', 'Turkey', 2005, '110')]
    >>> [(c.kind, c.span.source, c.year_from, c.year_to, c.stated.text) for c in doc.claims]
    [('change', 'doc.txt:3', 2004, 2005, '10')]
    """
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    cells: list[TableCell] = []
    claims: list[Claim] = []
    reporters = _Reporters()
    for lineno, line in enumerate(lines, start=1):
        try:
            check_number_integrity(line)
        except InputError as exc:
            raise exc.located(source, lineno) from None
    following = _next_nonempty(lines)
    prose_lines: list[tuple[int, str]] = []
    taken_by_line: dict[int, list[tuple[int, int]]] = {}
    index = 0
    while index < len(lines):
        line = lines[index]
        next_index = following[index]
        is_title = (next_index is not None and _starts_with_table_word(line)
                    and _looks_like_header(lines[next_index]))
        if is_title:
            table_cells, table_claims, last = _table(lines, following, index, source, reporters)
            cells += table_cells
            claims += table_claims
            index = last + 1
            continue
        typed, taken = _typed(line, source, index + 1, reporters)
        claims += typed
        if taken:
            taken_by_line[index + 1] = taken
        prose_lines.append((index + 1, line))
        index += 1
    table_claims = [c for c in claims if c.table]
    prose, tied = prose_claims(source, prose_lines, taken_by_line, cells, table_claims)
    claims = [c for c in claims if not c.table] + tied + prose
    claims.sort(key=lambda claim: claim.span.line)  # in the document's order
    only = reporters.only()
    if only is not None:
        rehomed: dict[int, Subject] = {}  # the records of one table share one subject

        def subject_of(subject: Subject) -> Subject:
            if subject.reporter:
                return subject
            if id(subject) not in rehomed:
                rehomed[id(subject)] = Subject(only[0], only[1], subject.partner,
                                               subject.partner_en, subject.flow)
            return rehomed[id(subject)]

        cells = [TableCell(c.table, _about(c.quantity, subject_of(c.subject)), c.valuation)
                 for c in cells]
        claims = [c if c.kind not in (V.CHANGE, V.SHARE, V.TRADE_SHARE) or c.formula
                  or c.reason or c.subject.reporter
                  else dataclasses.replace(c, quantity=_about(c.quantity, subject_of(c.subject)))
                  for c in claims]
    return Document(cells, claims)
