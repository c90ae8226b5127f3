"""The records that flow from text to verdict.

Each is a frozen dataclass with slots: what the grammar found
(`TableCell`, `Claim`, each holding a `Quantity`: a number with its unit,
`Subject`, `Period` and `Span`), what a
check concluded (`Verdict`, with the `Operand` values it used and the
`Note` facts an explanation tells), and an official figure to check
against (`ReferenceFigure`). Numbers stay `ParsedNumber` all the way: exact
value, printed text, decimals and rounding interval. Nothing here imports
pandas or holds a sentence; `chile_trade.frames` turns records into the
documented DataFrames and `chile_trade.present.explain` into sentences.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

from chile_trade.core.numbers import ParsedNumber
from chile_trade.core.vocabulary import EQUAL, GREGORIAN

__all__ = ["Claim", "Note", "Operand", "Period", "Quantity", "ReferenceFigure", "Span", "Subject",
           "TableCell", "Verdict"]


@dataclass(frozen=True, slots=True)
class Span:
    """Where something was read: ``file:line`` (1-based), with its column when known.

    A format without lines names its place in ``locator`` (``Sheet1!C4``,
    ``table1:row2``, ``page1:line12``); ``line`` then orders the document's
    blocks and the source reads ``file:locator``.
    """

    file: str
    line: int
    column: int = 0  # 1-based; 0: not recorded
    locator: str = ""

    @property
    def source(self) -> str:
        """``file:line``, or ``file:locator`` where the format has one."""
        return f"{self.file}:{self.locator or self.line}"


@dataclass(frozen=True, slots=True)
class Subject:
    """Whose trade a number is about. Empty strings: the document does not say.

    Names are Persian (letters folded) with their English names; a place
    without a known English name keeps its Persian name in both.
    """

    reporter: str = ""
    reporter_en: str = ""
    partner: str = ""
    partner_en: str = ""
    flow: str = ""  # one of vocabulary.FLOWS, or ""
    product: str = ""  # what is traded, where the document says; "" for all goods


@dataclass(frozen=True, slots=True)
class Period:
    """When a quantity holds: a year (``end``), a span from ``start`` to ``end``, or
    ``years`` years back from an unnamed base; ``None`` where the text does not say."""

    start: int | None = None
    end: int | None = None
    years: int | None = None
    calendar: str = GREGORIAN  # years as printed: vocabulary.CALENDARS
    fiscal: bool = False  # a fiscal year, named by its first calendar year
    months: tuple[int, int] | None = None  # the first and last month of each year; None: all


@dataclass(frozen=True, slots=True)
class Quantity:
    """A printed number with what it measures: unit, subject, period, and where it is.

    ``unit`` is as the document gives it, scale included (``million USD``;
    ``percent`` for a percentage); ``""`` where none is given.
    """

    number: ParsedNumber
    unit: str
    subject: Subject
    period: Period
    span: Span


@dataclass(frozen=True, slots=True)
class TableCell:
    """One value of a table: a subject's flow in one year."""

    table: str  # the series' id: ``file:line`` of its table's title (``#n``: its nth series)
    quantity: Quantity
    valuation: str = ""  # "FOB", "CIF" or ""
    series: str = ""  # the row or column label it is under (``صادرات``, ``برزیل``)
    titled: bool = False  # of a table of one period, the one its title names
    # its period read from header words by the prose reader's period rules («نیمه نخست
    # ۲۰۲۳», «فصل اول», months down the rows), not from a header of plain years
    inferred: bool = False

    @property
    def number(self) -> ParsedNumber:
        return self.quantity.number

    @property
    def subject(self) -> Subject:
        return self.quantity.subject

    @property
    def year(self) -> int:
        year = self.quantity.period.end
        assert year is not None  # a table's value is of a year of its header
        return year

    @property
    def unit(self) -> str:
        return self.quantity.unit

    @property
    def span(self) -> Span:
        return self.quantity.span


@dataclass(frozen=True, slots=True)
class Claim:
    """A figure the text states (``quantity``), with what it refers to.

    ``table`` and the quantity's period are the operand references: a change
    refers to the values of its table at the period's start and end, a share
    to its table's value at the end over the reporter's total ``base``.
    """

    kind: str  # one of vocabulary.KINDS
    quantity: Quantity
    comparator: str = EQUAL
    table: str = ""  # the table the figure belongs to; "" for prose
    base: str = ""  # what a share is a share of: one of vocabulary.BASES, or ""
    label: str = ""  # the Persian column label or phrase the figure came with
    low: ParsedNumber | None = None  # a range's first bound ("18" of "18 to 20 %")
    # A prose claim tied to printed numbers: its operands, in the order of ``formula``
    # (a `chile_trade.core.formulas` name); or why it could not be tied (``reason``).
    operands: tuple[Quantity, ...] = ()
    formula: str = ""
    reason: str = ""
    frame: str = ""  # the id of the construction frame that read it (prose), or ""
    days: int = 0  # an amount per day: the days of its period, its total's divisor

    @property
    def unit(self) -> str:
        """The stated figure's unit: ``percent``, ``pp``, ``x``, ``million USD`` ..."""
        return self.quantity.unit

    @property
    def stated(self) -> ParsedNumber:
        return self.quantity.number

    @property
    def subject(self) -> Subject:
        return self.quantity.subject

    @property
    def span(self) -> Span:
        return self.quantity.span

    @property
    def year_from(self) -> int | None:
        return self.quantity.period.start

    @property
    def year_to(self) -> int | None:
        return self.quantity.period.end

    @property
    def span_years(self) -> int | None:
        return self.quantity.period.years


@dataclass(frozen=True, slots=True)
class Operand:
    """A printed number a check used, and where it came from."""

    number: ParsedNumber
    source: str  # "file:line" of the value, or of the stated share it came from
    unit: str = ""  # the value's unit (``million USD``), ``percent`` for a share


@dataclass(frozen=True, slots=True)
class Note:
    """A fact an explanation tells, by code, with the values it needs.

    Codes and their values are listed in `chile_trade.present.explain`.
    """

    code: str
    values: tuple[object, ...] = ()


@dataclass(frozen=True, slots=True)
class Verdict:
    """What a check concluded about one claim.

    ``formula`` names the `chile_trade.core.formulas` definition used and
    ``inputs`` its operands in the formula's order; ``point`` is its value at
    the printed numbers, ``low``/``high`` its range over their rounding
    intervals, and ``accepted`` the band the stated figure accepts (``None``
    for *more than*/*less than*, which accept a half-line). An unverifiable
    verdict has no numbers and a ``reason``; a likely cause comes with the
    facts behind it in ``notes``.
    """

    claim: Claim
    verdict: str  # one of vocabulary.VERDICTS
    formula: str = ""
    inputs: tuple[Operand, ...] = ()
    point: Fraction | None = None
    low: Fraction | None = None
    high: Fraction | None = None
    accepted: tuple[Fraction, Fraction] | None = None
    cause: str = ""  # one of vocabulary.CAUSES, or ""
    reason: Note | None = None  # why a figure is unverifiable
    notes: tuple[Note, ...] = ()


@dataclass(frozen=True, slots=True)
class ReferenceFigure:
    """One official figure: a series' value in a year, with its citation."""

    series: str
    scope: str  # "total" (the reporter's) or "bilateral"
    partner_en: str
    flow: str
    year: int
    number: ParsedNumber
    source: str  # "file:line" in the reference table
    citation: str
    unit: str = "million USD"
