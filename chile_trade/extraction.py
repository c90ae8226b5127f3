"""Find the statistical tables and the stated percentages in a Persian text.

A table is three non-empty lines::

    جدول میزان صادرات به آمریکا (میلیون دلار، فوب)      <- title
    ۱۹۹۲ ۱۹۹۳ ... درصد تغییرات ۹۴/۹۵ میزان مشارکت در کل صادرات   <- header
    ۱۶۴۹ ۱۶۵۵ ... %۱۸ ۱۴/۴                                       <- values

The title names the flow (صادرات به / واردات از), the partner and, in
parentheses, the unit and valuation. The header lists years, then labelled
columns: a percent change (``درصد تغییرات``, optionally with its year pair)
and a share of the reporter's total (``میزان مشارکت در کل صادرات``). Any
number of years, any partner, any supported digit style works.

Prose lines are scanned for percentages; the forms the package understands
become typed claims (a partner's share of total trade in a year, growth over
N years), every other percentage is kept as ``other_percentage``.

Functions here take strings and return DataFrames; they never touch the disk.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from dataclasses import dataclass

import pandas as pd

from chile_trade import columns as C
from chile_trade.errors import InputError
from chile_trade.numerals import (
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

__all__ = ["Extraction", "extract", "extract_documents", "resolve_partner"]

# Canonical Persian partner names (letters folded) and their English names.
PARTNER_NAMES = {
    "آمریکا": "United States",
    "ایالات متحده": "United States",
    "ایالات متحده آمریکا": "United States",
    "کانادا": "Canada",
    "مکزیک": "Mexico",
    "آرژانتین": "Argentina",
    "برزیل": "Brazil",
    "پرو": "Peru",
    "کوبا": "Cuba",
    "ژاپن": "Japan",
    "چین": "China",
    "کره جنوبی": "South Korea",
    "آسیای دور": "East Asia",
    "آسیای جنوب شرقی": "Southeast Asia",
    "اتحادیه اروپا": "European Union",
    "اروپا": "Europe",
    "آلمان": "Germany",
    "انگلیس": "United Kingdom",
    "فرانسه": "France",
    "ایران": "Iran",
    "مرکوسور": "Mercosur",
}
_PARTNER_ALIASES = {"ایالات متحده": "آمریکا", "ایالات متحده آمریکا": "آمریکا"}

_FLOW_WORDS = {"صادرات": C.EXPORT, "واردات": C.IMPORT}
_BASE_WORDS = {"صادرات": C.EXPORT, "واردات": C.IMPORT, "تجارت": C.TRADE, "مبادلات": C.TRADE}
_UNIT_WORDS = {
    "هزار دلار": "thousand USD",
    "میلیون دلار": "million USD",
    "میلیارد دلار": "billion USD",
}
_VALUATION_WORDS = {"فوب": "FOB", "سیف": "CIF"}

# Every quantifier in these patterns is possessive or bounded, and a number can
# only start where no number part stands before it (`NUMBER_PATTERN`): a search
# over any line is linear in its length.
_TITLE_RE = re.compile(
    r"^جدول\s++(?:(?:میزان|ارزش|حجم)\s++)?+(?P<flow>صادرات|واردات)\s++(?:شیلی\s++)?+"
    r"(?P<prep>به|از)\s++(?P<partner>[^()]++)\((?P<unit>[^()]*+)\)\s*+$"
)
_YEAR_RE = re.compile(r"\d{4}")
_HEADER_NUMBER_RE = re.compile(r"(\d++)(?:\s++|$)")
_PERIOD = r"\d{2,4}+\s*+[/\-–]\s*+\d{2,4}+"
_CHANGE_LABEL = (
    rf"(?:درصد\s*+)?+(?:تغییرات|تغییر|رشد)(?:\s*+درصد)?+(?:\s*+(?P<period>{_PERIOD}))?+"
)
_SHARE_LABEL = (
    r"(?:میزان\s*+)?+(?:مشارکت|سهم)\s*+(?:از|در)\s*+(?:کل\s*+)?+"
    r"(?P<base>صادرات|واردات|تجارت|مبادلات)(?:\s*+شیلی)?+"
)
_LABEL_RE = re.compile(rf"(?P<change>{_CHANGE_LABEL})|(?P<share>{_SHARE_LABEL})")

_PERCENT = rf"(?:[%٪]\s*+{NUMBER_PATTERN}|{NUMBER_PATTERN}\s*+(?:[%٪]|در\s*+صدی?+(?!\w)))"
_COMPARATOR_WORDS = {
    "بیش از": ">", "بیشتر از": ">", "متجاوز از": ">", "بالغ بر": "=",
    "کمتر از": "<", "کم تر از": "<",
    "حدود": "~", "در حدود": "~", "نزدیک به": "~", "تقریبا": "~", "قریب به": "~",
}
_COMPARATOR = "|".join(sorted(map(re.escape, _COMPARATOR_WORDS), key=len, reverse=True))
_WORD = r"[^\s.،؛:()]++"
_WORDS = rf"{_WORD}(?:\s++{_WORD}){{0,2}}+"  # up to three words: a partner's name
_TRADE_SHARE_RE = re.compile(
    rf"(?:(?P<cmp>{_COMPARATOR})\s*+)?+(?P<pct>{_PERCENT})\s*+(?:از\s*+)?+(?:حجم\s*+)?+کل\s*+"
    rf"(?:مبادلات|تجارت)(?:\s*+(?:خارجی|تجاری|بازرگانی))?+(?:\s*+شیلی)?+\s*+"
    rf"در\s*+سال\s*+(?P<year>\d{{4}}+)\s*+با\s*+(?P<partner>{_WORDS})"
)
_GROWTH_RE = re.compile(
    rf"رشد(?:ی)?+\s*+(?:(?P<cmp>{_COMPARATOR})\s*+)?+(?P<pct>{_PERCENT})\s*+نسبت\s*+به\s*+"
    r"(?P<years>\d++)\s*+سال\s*+(?:قبل|پیش|گذشته)"
)
_PERCENT_RE = re.compile(_PERCENT)
_WITH_PARTNER_RE = re.compile(rf"با\s++({_WORDS})")
_CLAUSE_BREAK_RE = re.compile("[.،]")
_MAX_SPAN_DIGITS = 4
"""A number of years ("growth over N years") has at most this many digits."""


@dataclass(frozen=True)
class Extraction:
    """What one or more documents state.

    Attributes
    ----------
    tables : pandas.DataFrame
        Tidy table values, columns `chile_trade.columns.TABLE_COLUMNS`.
    stated : pandas.DataFrame
        Stated percentages, columns `chile_trade.columns.STATED_COLUMNS`.
    """

    tables: pd.DataFrame
    stated: pd.DataFrame


def resolve_partner(text: str) -> tuple[str, str] | None:
    """Match the start of ``text`` to a known partner; longest name wins.

    Returns
    -------
    (persian, english) or None

    Examples
    --------
    >>> resolve_partner("ايالات متحده بوده است")
    ('آمریکا', 'United States')
    >>> resolve_partner("جایی دیگر") is None
    True
    """
    folded = fold(text).strip()
    for name in sorted(PARTNER_NAMES, key=len, reverse=True):
        if folded == name or folded.startswith(name + " "):
            return _PARTNER_ALIASES.get(name, name), PARTNER_NAMES[name]
    return None


def _partner_from_title(text: str) -> tuple[str, str]:
    known = resolve_partner(text)
    if known is not None and fold(text).strip() in PARTNER_NAMES:
        return known
    return re.sub(r"\s+", " ", fold(text).strip()), ""


def _parse_unit(raw: str) -> tuple[str, str]:
    parts = [p.strip() for p in re.split(r"[،,؛;]", fold(raw)) if p.strip()]
    unit, valuation = [], ""
    for part in parts:
        if part in _VALUATION_WORDS:
            valuation = _VALUATION_WORDS[part]
        else:
            unit.append(_UNIT_WORDS.get(part, part))
    return ", ".join(unit), valuation


_DETACHED_PERCENT = ("%", "٪", "درصد", "درصدی", "در", "صد", "صدی")


def _value_tokens(line: str) -> list[str]:
    """Split a value line on spaces, joining a detached percent sign or word to its number."""
    tokens: list[str] = []
    for token in line.split():
        if tokens and fold(token) in _DETACHED_PERCENT:
            tokens[-1] = f"{tokens[-1]} {token}"
        else:
            tokens.append(token)
    return tokens


@dataclass(frozen=True)
class _Column:
    kind: str  # C.YEAR, C.CHANGE or C.SHARE
    label: str
    year: int = 0
    period: tuple[int, int] | None = None
    base: str = ""


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
    cols = [_Column(C.YEAR, str(y), year=y) for y in years]
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
            cols.append(_Column(C.CHANGE, label, period=period))
        else:
            cols.append(_Column(C.SHARE, label, year=years[-1], base=_BASE_WORDS[m["base"]]))
    gap = rest[position:].strip()
    if gap:
        raise InputError(f"unrecognised column label {gap!r} in table header",
                         source=source, line=lineno)
    return cols


def _parse_values(line: str, cols: list[_Column], where: tuple[str, int],
                  header_line: int) -> list[ParsedNumber]:
    source, lineno = where
    tokens = _value_tokens(line)
    if len(tokens) != len(cols):
        n_years = sum(c.kind == C.YEAR for c in cols)
        raise InputError(
            f"value line has {len(tokens)} values but the header at line {header_line} has "
            f"{len(cols)} columns ({n_years} years, {len(cols) - n_years} labelled)",
            source=source, line=lineno)
    values = []
    for token, col in zip(tokens, cols, strict=True):
        try:
            number = parse_number(token)
        except InputError as exc:
            raise exc.located(source, lineno) from None
        if col.kind == C.YEAR and number.is_percent:
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


def _looks_like_header(line: str) -> bool:
    return re.match(r"\s*\d{4}(?:\s|$)", fold(line)) is not None


def _stated_row(source: str, lineno: int, table: str, kind: str, number: ParsedNumber,
                *, partner: tuple[str, str] = ("", ""), flow: str = "", year_from: int = 0,
                year_to: int = 0, span_years: int = 0, base: str = "", comparator: str = "=",
                label: str = "") -> dict[str, object]:
    return {
        C.SOURCE: f"{source}:{lineno}", C.FILE: source, C.LINE: lineno, C.TABLE: table,
        C.KIND: kind, C.PARTNER: partner[0], C.PARTNER_EN: partner[1], C.FLOW: flow,
        C.YEAR_FROM: year_from, C.YEAR_TO: year_to, C.SPAN_YEARS: span_years, C.BASE: base,
        C.COMPARATOR: comparator,
        C.STATED: float(number.value), C.STATED_TEXT: number.text, C.LABEL: label,
        C.RAW: number.raw,
    }


def _table_rows(lines: list[str], following: list[int | None], title_index: int, source: str,
                ) -> tuple[list[dict[str, object]], list[dict[str, object]], int]:
    title_line = title_index + 1
    try:  # the title's words travel into every output, beside the numbers
        check_label_text(lines[title_index])
    except InputError as exc:
        raise exc.located(source, title_line) from None
    title = _TITLE_RE.match(fold(lines[title_index]).strip())
    if title is None:
        raise InputError("table title must read 'جدول ... صادرات به PARTNER (UNIT)' or "
                         "'جدول ... واردات از PARTNER (UNIT)'", source=source, line=title_line)
    flow = _FLOW_WORDS[title["flow"]]
    if (flow, title["prep"]) not in ((C.EXPORT, "به"), (C.IMPORT, "از")):
        raise InputError(f"table title says {title['flow']} {title['prep']}: exports go to "
                         "('به') a partner, imports come from ('از') one",
                         source=source, line=title_line)
    partner = _partner_from_title(title["partner"])
    unit, valuation = _parse_unit(title["unit"])
    header_index = following[title_index]
    assert header_index is not None  # the caller checked that a header follows
    cols = _parse_header(lines[header_index], (source, header_index + 1))
    value_index = following[header_index]
    if value_index is None:
        raise InputError("table header is not followed by a value line",
                         source=source, line=header_index + 1)
    lineno = value_index + 1
    values = _parse_values(lines[value_index], cols, (source, lineno), header_index + 1)
    table_id = f"{source}:{title_line}"
    rows, stated = [], []
    for col, number in zip(cols, values, strict=True):
        if col.kind == C.YEAR:
            rows.append({
                C.SOURCE: f"{source}:{lineno}", C.FILE: source, C.LINE: lineno,
                C.TABLE: table_id, C.PARTNER: partner[0], C.PARTNER_EN: partner[1],
                C.FLOW: flow, C.YEAR: col.year, C.VALUE: float(number.value),
                C.VALUE_TEXT: number.text, C.UNIT: unit, C.VALUATION: valuation,
                C.RAW: number.raw,
            })
        elif col.kind == C.CHANGE:
            assert col.period is not None
            stated.append(_stated_row(source, lineno, table_id, C.CHANGE, number,
                                      partner=partner, flow=flow, year_from=col.period[0],
                                      year_to=col.period[1], label=col.label))
        else:
            stated.append(_stated_row(source, lineno, table_id, C.SHARE, number,
                                      partner=partner, flow=flow, year_to=col.year,
                                      base=col.base, label=col.label))
    return rows, stated, value_index


def _raw_span(raw_line: str, index_map: list[int], start: int, end: int) -> str:
    return raw_line[index_map[start]:index_map[end - 1] + 1]


class _Partners:
    """The known partners named after ``با`` on a line, found once, for look-ups
    of the last one named in the clause before a position."""

    def __init__(self, folded: str):
        self.starts: list[int] = []
        self.partners: list[tuple[str, str]] = []
        for m in _WITH_PARTNER_RE.finditer(folded):
            partner = resolve_partner(m.group(1))
            if partner is not None:
                self.starts.append(m.start())
                self.partners.append(partner)
        self.breaks = [m.start() for m in _CLAUSE_BREAK_RE.finditer(folded)]

    def before(self, position: int) -> tuple[str, str]:
        """The last partner named in the clause before ``position`` (after its last
        ``.`` or ``،``), or ``("", "")``."""
        clause = bisect.bisect_left(self.breaks, position)
        clause_start = self.breaks[clause - 1] if clause else -1
        last = bisect.bisect_left(self.starts, position) - 1
        if last >= 0 and self.starts[last] > clause_start:
            return self.partners[last]
        return ("", "")


def _prose_rows(raw_line: str, source: str, lineno: int) -> list[dict[str, object]]:
    folded, index_map = fold_with_map(raw_line)
    rows: list[dict[str, object]] = []
    taken: list[tuple[int, int]] = []  # spans of typed claims' numbers, in increasing order

    def located(error: InputError) -> InputError:
        return error.located(source, lineno)

    def parsed(start: int, end: int) -> ParsedNumber:
        try:
            return parse_number(_raw_span(raw_line, index_map, start, end))
        except InputError as exc:
            raise located(exc) from None

    def number_of(m: re.Match[str]) -> ParsedNumber:
        taken.append(m.span("pct"))
        return parsed(*m.span("pct"))

    def whole(text: str, what: str, max_digits: int) -> int:
        try:
            return parse_integer(text, what, max_digits=max_digits)
        except InputError as exc:
            raise located(exc) from None

    for m in _TRADE_SHARE_RE.finditer(folded):
        partner = resolve_partner(m["partner"]) or (m["partner"].split()[0], "")
        number = number_of(m)
        rows.append(_stated_row(
            source, lineno, "", C.TRADE_SHARE, number, partner=partner, base=C.TRADE,
            year_to=whole(m["year"], "a year", 4),
            comparator=_COMPARATOR_WORDS.get(m["cmp"] or "", "="),
            label=f"{m['cmp'] or ''} {number.raw}".strip()))
    partners: _Partners | None = None
    for m in _GROWTH_RE.finditer(folded):
        partners = partners or _Partners(folded)
        number = number_of(m)
        rows.append(_stated_row(
            source, lineno, "", C.GROWTH, number, partner=partners.before(m.start()),
            span_years=whole(m["years"], "a number of years", _MAX_SPAN_DIGITS),
            comparator=_COMPARATOR_WORDS.get(m["cmp"] or "", "="),
            label=f"{m['cmp'] or ''} {number.raw}".strip()))
    taken.sort()
    taken_starts = [start for start, _ in taken]
    for m in _PERCENT_RE.finditer(folded):
        inside = bisect.bisect_right(taken_starts, m.start()) - 1
        if inside >= 0 and m.start() < taken[inside][1]:
            continue
        # A date such as ۹/۱/۹۳ or a range is not a percentage.
        if folded[m.end():m.end() + 1].isdigit():
            continue
        number = parsed(*m.span())
        rows.append(_stated_row(source, lineno, "", C.OTHER, number, label=number.raw.strip()))
    return rows


def extract(text: str, source: str = "<text>") -> Extraction:
    """Extract the tables and the stated percentages from one document.

    Parameters
    ----------
    text : str
        The whole document, any line ends.
    source : str
        The file name recorded as provenance (``file`` column and the
        ``file:line`` of ``source``).

    Returns
    -------
    Extraction
        ``tables`` with columns `chile_trade.columns.TABLE_COLUMNS` and
        ``stated`` with columns `chile_trade.columns.STATED_COLUMNS`; empty
        frames with all their columns where nothing is found.

    Raises
    ------
    InputError
        With file and line, for a malformed table or an unparsable number.

    Examples
    --------
    >>> doc = '''جدول صادرات به ژاپن (میلیون دلار، فوب)
    ... ۲۰۰۴ ۲۰۰۵ درصد تغییرات
    ... ۱۰۰ ۱۱۰ ٪۱۰'''
    >>> result = extract(doc, "doc.txt")
    >>> result.tables[["partner_en", "flow", "year", "value_text"]].to_numpy().tolist()
    [['Japan', 'export', 2004, '100'], ['Japan', 'export', 2005, '110']]
    >>> result.stated[["source", "kind", "year_from", "year_to", "stated_text"]].to_numpy().tolist()
    [['doc.txt:3', 'change', 2004, 2005, '10']]
    """
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    table_rows: list[dict[str, object]] = []
    stated_rows: list[dict[str, object]] = []
    index = 0
    for lineno, line in enumerate(lines, start=1):
        try:
            check_number_integrity(line)
        except InputError as exc:
            raise exc.located(source, lineno) from None
    following = _next_nonempty(lines)
    while index < len(lines):
        line = lines[index]
        next_index = following[index]
        is_title = (fold(line).lstrip().startswith("جدول") and next_index is not None
                    and _looks_like_header(lines[next_index]))
        if is_title:
            rows, stated, last = _table_rows(lines, following, index, source)
            table_rows += rows
            stated_rows += stated
            index = last + 1
            continue
        stated_rows += _prose_rows(line, source, index + 1)
        index += 1
    return Extraction(_frame(table_rows, C.TABLE_COLUMNS), _frame(stated_rows, C.STATED_COLUMNS))


def _frame(rows: list[dict[str, object]], cols: list[str]) -> pd.DataFrame:
    frame = pd.DataFrame(rows, columns=cols)
    return typed(frame)


_INT_COLUMNS = (C.LINE, C.YEAR, C.YEAR_FROM, C.YEAR_TO, C.SPAN_YEARS)
_FLOAT_COLUMNS = (C.VALUE, C.STATED)
_TEXT_DTYPE = pd.Series([], dtype=str).dtype  # "str" on pandas 3, object before


def typed(frame: pd.DataFrame) -> pd.DataFrame:
    """Give a table or stated-figures frame its documented dtypes."""
    text = [c for c in frame.columns if c not in _INT_COLUMNS and c not in _FLOAT_COLUMNS]
    if frame[text].isna().to_numpy().any():
        frame = frame.fillna(dict.fromkeys(text, ""))
    # Only columns not yet of their dtype are converted: converting is slow.
    changes = {c: _TEXT_DTYPE if c in text else "int64" if c in _INT_COLUMNS else "float64"
               for c in frame.columns}
    changes = {c: t for c, t in changes.items() if frame[c].dtype != t}
    return frame.astype(changes) if changes else frame


def extract_documents(documents: Iterable[tuple[str, str]]) -> Extraction:
    """Extract from several ``(source, text)`` documents and concatenate.

    Returns
    -------
    Extraction
        Rows in document order, index reset.
    """
    parts = [extract(text, source) for source, text in documents]
    if not parts:
        parts = [extract("", "")]
    return Extraction(
        typed(pd.concat([p.tables for p in parts], ignore_index=True)),
        typed(pd.concat([p.stated for p in parts], ignore_index=True)),
    )
