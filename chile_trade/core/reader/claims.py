"""Claims of running text: the frames' readings as claim records, every figure reported.

The last step of the reader. Every percentage, multiple and percentage-points figure is
a claim; an amount is one where a frame reads it as derived (a balance, a total, a
restatement …) or where it is introduced as derived (``تراز``, ``مجموع``) and could not be
tied. Each claim names the frame that read it (``frame``); one no frame could tie has a
reason (`chile_trade.core.reader.frames.REASONS`) and no operands.

A number printed in a way that reads two ways (a slash decimal that may be mirrored, a dot
before three digits) is checked under each reading; the claim keeps its operands only
where the document settles the reading (`settled_forms`) or every reading gives the same
verdict, else it is ``ambiguous_number``.
"""

from __future__ import annotations

import dataclasses
import itertools
from collections.abc import Sequence
from decimal import Decimal

from chile_trade.core import vocabulary as V
from chile_trade.core.checks import Documents, check
from chile_trade.core.numbers import ParsedNumber, to_ascii_digits
from chile_trade.core.quantities import dot_is_decimal
from chile_trade.core.reader.context import REPORTER, Document, Figure, read_lines
from chile_trade.core.reader.frames import (
    Outcome,
    agreement,
    contradicts_itself,
    days_of,
    read_figure,
    whole_of,
)
from chile_trade.core.reader.numerals import (
    DOT_DECIMAL,
    DOT_THOUSANDS,
    LOGICAL,
    PLAIN,
    REVERSED,
    Reading,
    digit_readings,
)
from chile_trade.core.reader.patterns import Item
from chile_trade.core.reader.tokens import Line
from chile_trade.core.records import Claim, Period, Quantity, Span, Subject, TableCell

__all__ = ["read_claims"]

_MAX_READINGS = 16
_SETTLING_CLAIMS = 2  # figures that must all hold under one slash order to settle it
_AMOUNT_CLAIM_CUES = frozenset({"balance_word", "sum_word", "difference_word"})
_FAMILIES = {LOGICAL: "slash", REVERSED: "slash", DOT_DECIMAL: "dot", DOT_THOUSANDS: "dot"}


def _figure_number(figure: Figure, reading: Reading, sign: int) -> ParsedNumber:
    value = figure.value
    raw = figure.sentence.source.raw_text(value.number_start, value.number_end) or \
        figure.mention.text
    quantum = Decimal(10) ** -reading.decimals
    number = ParsedNumber((reading.value * sign).quantize(quantum), reading.decimals, raw,
                          figure.type == "Percent")
    if value.exact is not None:
        exact = value.exact * sign
        object.__setattr__(number, "_bounds", (exact, exact, exact))
    return number


def _unit(figure: Figure) -> str:
    return {"Percent": V.PERCENT, "Points": V.POINTS, "Times": V.TIMES}.get(
        figure.type, figure.value.unit)


def _unit_per(figure: Figure) -> str:
    """A figure's unit, a price's per the unit of mass after «هر» (``USD/tonne``)."""
    unit = _unit(figure)
    return f"{unit}/{figure.per[0]}" if figure.per is not None and figure.per[0] else unit


def _subject(figure: Figure) -> Subject:
    subject = figure.subject
    if subject.flow == "goods":
        reporter = "" if subject.exporter in (None, REPORTER) else subject.exporter or ""
        partner = "" if subject.importer in (None, REPORTER) else subject.importer or ""
        return Subject(reporter, reporter, partner, partner, V.EXPORT, subject.product)
    names = sorted(p for p in subject.pair if p != REPORTER)
    return Subject(partner=" و ".join(names), partner_en=" و ".join(names),
                   product=subject.product)


def _period(figure: Figure, start: Figure | None = None) -> Period:
    period = figure.period
    calendar = period.calendar if period is not None and period.calendar else V.GREGORIAN
    if period is not None and period.year is not None and period.last_year is not None:
        # a span of years («طی سه سال»): its first and last, and how many years apart
        return Period(period.year, period.last_year, period.last_year - period.year,
                      calendar=calendar, fiscal=period.fiscal)
    end = period.year if period is not None else None
    begin = start.period.year if start is not None and start.period is not None else None
    return Period(begin, end, calendar=calendar,
                  fiscal=bool(period is not None and period.fiscal))


def _span(source: str, figure: Figure) -> Span:
    if figure.cell is not None:
        return figure.cell.span
    value = figure.value
    return Span(source, figure.line, figure.sentence.source.column(value.number_start))


def _unread_sign(outcome: Outcome) -> int:
    """An unread figure's sign, as its words give it: «۴٫۳ واحد درصد کاهش», «کسری … ۵٫۲»."""
    ctx = outcome.context
    if ctx is None:
        return 1
    if outcome.figure.type in ("Percent", "Points") and "direction" in ctx.cues:
        return ctx.sign
    if outcome.figure.type == "Amount" and "balance_word" in ctx.cues:
        return _balance_sign(outcome.figure) or 1
    return 1


def _sign(outcome: Outcome) -> int:
    ctx = outcome.context
    if ctx is None or outcome.reading is None:
        return _unread_sign(outcome)
    rule = outcome.reading.frame.sign
    figure = outcome.figure
    if rule == "direction":
        if figure.value.minus:
            return 1  # a signed figure says its own sign
        return ctx.sign
    if rule == "balance":
        subject = figure.subject
        unowned = subject.owner == REPORTER and len(subject.pair) == 2 and \
            REPORTER not in subject.pair  # whose balance the text does not show
        said = None if unowned else _balance_sign(figure)
        if said is not None:
            return said
        # "تراز … ۱۵ میلیارد دلار", "اختلاف … ۱۵ میلیارد دلار": no sign said, the size read
        exports, imports = outcome.reading.operands[:2]
        return -1 if exports.value.readings[0].value * 10 ** exports.value.power < \
            imports.value.readings[0].value * 10 ** imports.value.power else 1
    return 1


def _is_figure(item: Item) -> bool:
    return getattr(item, "type", "") in ("Amount", "Percent", "Points", "Times")


def _balance_sign(figure: Figure) -> int | None:
    """The sign a balance's words give it: a deficit (``کسری``, ``منفی``, ``به نفع`` the
    other side) is negative, a surplus (``مازاد``, ``مثبت``, ``به سود`` its owner)
    positive; None where the words say neither."""
    items = figure.sentence.items
    window = items[max(0, figure.position - 8):figure.position + 6]
    # its own words: back to the figure before it, then on to the next («کسری تجاری
    # فرانسه X و مازاد تجاری آلمان Y»: Y's is «مازاد»)
    before = list(itertools.takewhile(lambda item: not _is_figure(item),
                                      reversed(items[max(0, figure.position - 8):figure.position])))
    after = list(itertools.takewhile(lambda item: not _is_figure(item),
                                     items[figure.position + 1:figure.position + 6]))
    for part in (before, after, window):  # (else any of the sentence's near words)
        signs = [item.features["sign_word"] for item in part if "sign_word" in item.features]
        balance = [item.features["balance_word"] for item in part
                   if "balance_word" in item.features]
        for value in (*signs, *balance):
            if isinstance(value, int) and value:
                return value
    for k, item in enumerate(window[:-1]):
        if "favour_word" in item.features:
            name = getattr(getattr(window[k + 1], "value", None), "name", None)
            owner = figure.subject.owner
            if name is not None and owner is not None:
                return 1 if name == owner else -1
    return None


def _claim(source: str, outcome: Outcome, readings: Sequence[Reading]) -> Claim:
    """One claim, its figure and operands under ``readings`` (one per number)."""
    figure = outcome.figure
    reading = outcome.reading
    sign = _sign(outcome)
    number = _figure_number(figure, readings[0], sign)
    low = None
    if figure.value.low:
        low = _figure_number(figure, figure.value.low[0], sign)
        if sign < 0:
            low, number = number, low
    operands: tuple[Quantity, ...] = ()
    unit_of = _unit_per
    if reading is not None and len({_unit_per(f) for f in reading.operands}) > 1 and \
            len({_unit(f) for f in reading.operands}) == 1:
        # «۷۶٫۸ دلار [هر بشکه] … ۱۷ درصد کمتر از میانگین ۹۲٫۵ دلاری سال قبل»: prices of
        # one money, one printed per barrel and one not, are of one unit
        unit_of = _unit
    formula, frame, reason = "", "", outcome.reason
    kind = reading.frame.kind if reading is not None else _kind_of(figure)
    start: Figure | None = None
    if reading is not None:
        formula, frame, reason = reading.frame.formula, reading.frame.id, ""
        operands = tuple(Quantity(_figure_number(f, r, 1), unit_of(f), _subject(f),
                                  _period(f), _span(source, f))
                         for f, r in zip(reading.operands, readings[1:], strict=True))
        if kind == V.CHANGE:
            start = reading.operands[0]
    elif outcome.frame:
        frame = outcome.frame
    quantity = Quantity(number, unit_of(figure), _subject(figure), _period(figure, start),
                        _span(source, figure))
    # «کاهش بیش از ۲۰ درصدی», «کسری … از ۷۰ میلیارد دلار گذشت»: the comparison is of the
    # size printed, so a figure made negative compares the other way (less than −20)
    comparator = V.MIRRORED.get(figure.comparator, figure.comparator) if sign < 0 else \
        figure.comparator
    days = (days_of(figure) or 0) if formula == "per_day" else 0
    return Claim(kind, quantity, comparator, label=figure.mention.text,
                 low=low, operands=operands, formula=formula, reason=reason, frame=frame,
                 days=days)


def _kind_of(figure: Figure) -> str:
    if figure.type == "Points":
        return V.POINTS_KIND
    if figure.type == "Times":
        return V.MULTIPLE
    return V.CHANGE if figure.type == "Percent" else V.PROSE_OTHER


def settled_forms(doc: Document) -> set[str]:
    """The readings the document itself settles: a leading zero rules one order of a
    slash decimal out (``۰۵/ ۱``) for every slash decimal of the text; a decimal dot before
    other than three digits, or commas between groups of three, make every dot a decimal
    point."""
    settled: set[str] = set()
    for figure in doc.figures:
        if figure.cell is not None:
            settled |= _table_form(figure)
            continue
        for reading in (*figure.value.readings, *figure.value.low):
            family = _FAMILIES.get(reading.form)
            if family is None:
                continue
            if len(figure.value.readings) == 1 and reading.form in (LOGICAL, REVERSED):
                settled.add(reading.form)
    raw = "\n".join(s.source.folded for s in doc.sentences)
    if _dots_decimal(raw):
        settled.add(DOT_DECIMAL)
    return settled


def _settled_by_checks(source: str, outcomes: Sequence[Outcome], settled: set[str],
                       ) -> set[str]:
    """A slash decimal's order settled by the text's own figures: where at least two
    figures use numbers that read both ways, and every one of them holds under one order
    and some fail under the other, the text is written in the first order."""
    if settled & {LOGICAL, REVERSED}:
        return set()
    both = [o for o in outcomes if o.reading is not None and any(
        {r.form for r in f.value.readings} >= {LOGICAL, REVERSED}
        for f in (o.figure, *o.reading.operands))]
    if len(both) < _SETTLING_CLAIMS:
        return set()
    holds = {}
    for form in (LOGICAL, REVERSED):
        verdicts = []
        for outcome in both:
            assert outcome.reading is not None
            figures = (outcome.figure, *outcome.reading.operands)
            readings = [next((r for r in f.value.readings if r.form == form),
                             f.value.readings[0]) for f in figures]
            verdicts.append(_verdict(_claim(source, outcome, readings)))
        holds[form] = all(v in (V.EXACT, V.WITHIN_ROUNDING) for v in verdicts), \
            any(v == V.INCONSISTENT for v in verdicts)
    for form, other in ((LOGICAL, REVERSED), (REVERSED, LOGICAL)):
        if holds[form][0] and holds[other][1]:
            return {form}
    return set()


def _table_form(figure: Figure) -> set[str]:
    """The order a table's slash decimal was read in (``۴۱۲/۵`` as 412.5): the text's
    tables and sentences are printed one way."""
    number = figure.cell.number if figure.cell is not None else None
    if number is None or "/" not in number.raw:
        return set()
    forms = {r.form for r in digit_readings(number.raw) if r.value == abs(number.value)
             and r.form in (LOGICAL, REVERSED)}
    return forms if len(forms) == 1 else set()


def _dots_decimal(text: str) -> bool:
    return dot_is_decimal(to_ascii_digits(text))


def _choices(figure: Figure, settled: set[str]) -> list[Reading]:
    readings = list(figure.value.readings)
    kept = [r for r in readings if r.form == PLAIN or _FAMILIES.get(r.form) is None
            or not any(_FAMILIES.get(s) == _FAMILIES[r.form] for s in settled)
            or r.form in settled]
    return kept or readings[:1]


def _verdict(claim: Claim) -> str:
    return check(claim, Documents([], [])).verdict


def _resolved(source: str, outcome: Outcome, settled: set[str]) -> Claim:
    figures = [outcome.figure, *(outcome.reading.operands if outcome.reading else ())]
    options = [_choices(f, settled) for f in figures]
    combinations = list(itertools.islice(itertools.product(*options), _MAX_READINGS + 1))
    first = _claim(source, outcome, combinations[0])
    if outcome.reading is not None and outcome.reading.partial and any(
            _verdict(_claim(source, outcome, c)) == V.INCONSISTENT
            for c in combinations[:_MAX_READINGS]):
        # parts that may be some of the whole only: their sum is no verdict where it
        # misses; nor is a mean over periods, which may weight them by their days
        reason = "weighted_mean" if outcome.reading.frame.formula == "mean" else "partial_parts"
        return dataclasses.replace(first, operands=(), formula="", reason=reason)
    if len(combinations) == 1 or outcome.reading is None:
        return first
    if len(combinations) > _MAX_READINGS:
        return dataclasses.replace(first, operands=(), formula="", reason="ambiguous_number")
    verdicts = {_verdict(_claim(source, outcome, c)) for c in combinations}
    if len(verdicts) == 1:
        return first
    return dataclasses.replace(first, operands=(), formula="", reason="ambiguous_number")


def _is_claim(outcome: Outcome) -> bool:
    figure = outcome.figure
    if figure.type != "Amount":
        return True
    if outcome.reading is not None or (figure.per is not None and figure.per[0]
                                       and not figure.group):
        return True  # a price per unit is derived, read or not (not one of a list printed)
    if outcome.reason == "ambiguous_frame" and outcome.frame:
        return True  # read by a frame two ways (`_one_year_fits`): a derived figure
    ctx = outcome.context
    return ctx is not None and not _AMOUNT_CLAIM_CUES.isdisjoint(ctx.cues) and \
        outcome.reason != "no_frame"


def read_claims(source: str, lines: Sequence[tuple[int, str]],
                cells: Sequence[TableCell] = (), table_claims: Sequence[Claim] = (),
                ) -> list[Claim]:
    """Every claim of a document's prose lines, in order.

    Examples
    --------
    >>> claims = read_claims("t.txt", [(1, "صادرات از ۲۰۰ میلیون دلار به ۲۵۰ میلیون دلار رسید "
    ...                                    "که رشد ۲۵ درصدی نشان می‌دهد.")])
    >>> [(c.kind, c.frame, c.stated.text, [o.number.text for o in c.operands]) for c in claims]
    [('change', 'change.from_to', '25', ['200', '250'])]
    """
    memo: dict[int, tuple[Line, tuple[Item, ...]]] = {}
    doc = read_lines(lines, cells, memo=memo)
    outcomes = [read_figure(doc, figure) for figure in doc.figures if figure.cell is None]
    if doc.anchor_doubt:
        later = read_lines(lines, cells, later=True, memo=memo)
        counted = {a.order for a, b in zip(doc.figures, later.figures, strict=True)
                   if a.period != b.period}
        wrong_now, wrong_later = (contradicts_itself(d, counted) for d in (doc, later))
        if wrong_now and not wrong_later:
            doc = later  # (one value per subject and period only as written the year after)
            outcomes = [read_figure(doc, figure) for figure in doc.figures
                        if figure.cell is None]
        elif wrong_now or not wrong_later:
            outcomes = [_one_year_fits(a, read_figure(later, figure)) for a, figure in zip(
                outcomes, (f for f in later.figures if f.cell is None), strict=True)]
    outcomes = [_restated_headline(o, outcomes) for o in outcomes]
    outcomes = _one_reading_each(outcomes)
    settled = settled_forms(doc)
    settled |= _settled_by_checks(source, outcomes, settled)
    tied = [_tied_column(source, doc, claim) for claim in table_claims]
    return tied + [_resolved(source, o, settled) for o in outcomes if _is_claim(o)]


def _one_year_fits(first: Outcome, second: Outcome) -> Outcome:
    """A figure read with the text's year in doubt (`Document.anchor_doubt`): the
    reading with the year it seems to be written in, or with the year after; judged only
    where one of them ties it, or both tie it to the same values."""
    a, b = first.reading, second.reading
    if a is not None and b is not None:
        if [f.order for f in a.operands] == [f.order for f in b.operands] and \
                a.frame.id == b.frame.id:
            return first
        return dataclasses.replace(first, reading=None, reason="ambiguous_frame",
                                   frame=a.frame.id)
    one, other = (first, second) if a is not None else (second, first)
    if one.reading is not None and other.reason in ("ambiguous_frame", "ambiguous_candidate"):
        return dataclasses.replace(one, reading=None, reason=other.reason, frame=other.frame)
    return one if one.reading is not None else first


def _one_reading_each(outcomes: Sequence[Outcome]) -> list[Outcome]:
    """Two figures of one sentence with different values read by one formula over the
    same operands in the same unit («… به ترتیب ۱۳٫۶ و ۱۸٫۲ درصد» both tied to one pair)
    cannot both be what the text computes: the link is wrong for at least one, so neither
    is judged. (In other units, «۰٫۱ دلار … بر حسب تن ۱۰۰ دلار», they restate each other.)"""
    def key(outcome: Outcome) -> tuple[object, ...] | None:
        reading = outcome.reading
        if reading is None:
            return None
        return (outcome.figure.sentence.index, reading.frame.formula,
                tuple(f.order for f in reading.operands), outcome.figure.value.unit,
                outcome.figure.per)

    values: dict[tuple[object, ...], set[object]] = {}
    for outcome in outcomes:
        k = key(outcome)
        if k is not None:
            values.setdefault(k, set()).add(outcome.figure.value.readings[:1])
    return [dataclasses.replace(outcome, reading=None, reason="ambiguous_candidate",
                                frame=outcome.reading.frame.id)
            if outcome.reading is not None and len(values[key(outcome)]) > 1  # type: ignore[index]
            else outcome for outcome in outcomes]


def _restated_headline(outcome: Outcome, outcomes: Sequence[Outcome]) -> Outcome:
    """A headline's figure the frames could not tie, printed again in the body with the
    same value and an agreeing subject («… ۵۳ درصد رشد کرد» over «… ۵۳ درصد در ارزش …
    بیشتر شده»), is read as the body reads it: the one reading its restatements share."""
    figure = outcome.figure
    if outcome.reading is not None or not figure.sentence.headline:
        return outcome
    same = [o for o in outcomes if o.figure is not figure and not o.figure.sentence.headline
            and o.figure.type == figure.type and o.figure.value.unit == figure.value.unit
            and o.figure.value.readings[:1] == figure.value.readings[:1]
            and agreement(o.figure.subject, figure.subject) is not None]
    lead = min((o.figure.line for o in outcomes if not o.figure.sentence.headline), default=0)
    if any(o.figure.line == lead for o in same):
        same = [o for o in same if o.figure.line == lead]  # a headline sums up the lead
    readings = {tuple(f.order for f in o.reading.operands): o for o in same
                if o.reading is not None}
    if len(same) != len(readings) or len(readings) != 1:
        return outcome  # none, or one printed again without a reading, or read two ways
    body = next(iter(readings.values()))
    return dataclasses.replace(outcome, reading=body.reading, reason="", frame="")


def _tied_column(source: str, doc: Document, claim: Claim) -> Claim:
    """A table's share column («سهم از کل صادرات») whose whole the table does not print,
    tied to the one figure of the text that is that whole: the series' flow with all
    partners, in the same period («کل صادرات … در سال ۱۴۰۲ به ۷۹۴ میلیون دلار رسید»)."""
    if claim.kind != V.SHARE or claim.formula:
        return claim
    part = next((f for f in doc.figures if f.cell is not None and f.cell.table == claim.table
                 and f.cell.quantity.period.end == claim.year_to), None)
    if part is None:
        return claim
    whole = whole_of(doc, part)
    if whole is None:
        return claim
    operands = tuple(Quantity(_figure_number(f, f.value.readings[0], 1), f.value.unit,
                              _subject(f), _period(f), _span(source, f)) for f in (part, whole))
    return dataclasses.replace(claim, operands=operands, formula="share",
                               frame="share.table_column")
