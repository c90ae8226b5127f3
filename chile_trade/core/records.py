"""The records that flow from text to verdict.

Each is a frozen dataclass with slots: what the grammar found
(`TableCell`, `Claim`, both carrying a `Subject` and a `Span`), what a
check concluded (`Verdict`, with the `Operand` values it used and the
`Note` facts an explanation tells), and an official figure to check
against (`ReferenceFigure`). Numbers stay `ParsedNumber` all the way: exact
value, printed text, decimals and rounding interval. Nothing here imports
pandas or holds a sentence; `chile_trade.frames` turns records into the
documented DataFrames and `chile_trade.present.explain` into sentences.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from fractions import Fraction

from chile_trade.core.numbers import ParsedNumber
from chile_trade.core.vocabulary import EQUAL

__all__ = ["Claim", "Note", "Operand", "ReferenceFigure", "Span", "Subject", "TableCell",
           "Verdict"]


@dataclass(frozen=True, slots=True)
class Span:
    """Where something was read: ``file:line`` (1-based), with its column when known."""

    file: str
    line: int
    column: int = 0  # 1-based; 0: not recorded

    @property
    def source(self) -> str:
        """``file:line``."""
        return f"{self.file}:{self.line}"


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


@dataclass(frozen=True, slots=True)
class TableCell:
    """One value of a table: a subject's flow in one year."""

    table: str  # the table's id: ``file:line`` of its title line
    subject: Subject
    year: int
    number: ParsedNumber
    unit: str
    valuation: str
    span: Span


@dataclass(frozen=True, slots=True)
class Claim:
    """A figure the text states, with what it refers to.

    ``table`` and the years are the operand references: a change refers to
    the values of its table in ``year_from`` and ``year_to``, a share to its
    table's value in ``year_to`` over the reporter's total ``base``.
    """

    kind: str  # one of vocabulary.KINDS
    stated: ParsedNumber
    span: Span
    subject: Subject = field(default_factory=Subject)
    comparator: str = EQUAL
    table: str = ""  # the table the figure belongs to; "" for prose
    year_from: int | None = None
    year_to: int | None = None
    span_years: int | None = None  # growth over this many years, base year not given
    base: str = ""  # what a share is a share of: one of vocabulary.BASES, or ""
    label: str = ""  # the Persian column label or phrase the figure came with


@dataclass(frozen=True, slots=True)
class Operand:
    """A printed number a check used, and where it came from."""

    number: ParsedNumber
    source: str  # "file:line" of the value, or of the stated share it came from


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
