"""Construction frames as data, and the linking of their slots by agreement.

The fourth step of the reader. Each row of ``data/frames.toml`` is a construction of
Persian economic writing (a change «از X به Y رسید … رشد Z درصدی», a share, a balance,
a sum, a restatement …) with named slots, the formula over them, and how the stated
figure's sign is read. Every frame is tried on every stated figure of its type; no kind
is decided first.

A slot is filled only by the one figure that agrees with what the slot asks for
(`agreement`): its flow and sides, product, measure and period
(`chile_trade.core.reader.periods.same`). Where none agrees the frame fails with
``no_candidate``; where several agree (and they are not one quantity printed twice) with
``ambiguous_candidate``. A figure is read by the frames of the highest priority that
read it at all; where they read it in more than one way, it is ``ambiguous_frame``.

`read_figure` returns the outcome as data (`Outcome`); `chile_trade.core.reader.claims`
turns it into a claim record.
"""

from __future__ import annotations

import functools
import itertools
import math
import tomllib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from importlib import resources

from chile_trade.core import formulas as F
from chile_trade.core import vocabulary as V
from chile_trade.core.reader.context import (
    FUTURE,
    LISTED_BEFORE,
    MEASURES,
    OTHER,
    REPORTER,
    WORLD,
    Document,
    Figure,
    Sentence,
    Subject,
    consequence,
    measure_near,
    opening_label,
    place_of,
    unit_adjective,
)
from chile_trade.core.reader.context import product_stem as _stem
from chile_trade.core.reader.lexicon import CATEGORIES, OWN_FLOWS, LexiconError, lexicon
from chile_trade.core.reader.mentions import (
    PER_DAY,
    QUANTITY_TYPES,
    Mention,
    NumberValue,
    QuantityValue,
)
from chile_trade.core.reader.patterns import Item
from chile_trade.core.reader.periods import YES, Period, interval, same, shifted
from chile_trade.core.reader.tokens import PUNCT

__all__ = [
    "FINDERS",
    "REASONS",
    "Frame",
    "Outcome",
    "Reading",
    "Slot",
    "contradicts_itself",
    "frames",
    "read_figure",
]

FINDERS = ("role", "near", "other", "antecedent", "group", "goods", "shares", "periods",
           "places", "breakdown", "member", "rate", "same_share", "joined", "search")
SIGNS = ("printed", "direction", "balance")
UNITS = ("stated", "operands", "per")
SUBJECT_ASKS = ("claim", "whole", "exports", "imports", "trade", "agent", "versus",
                "trade_part", "trade_other", "any", "part_named")
_ATTACHED = 3  # the most items a word stands after the figure it goes with
_PAIR = 2
_EITHER = "~"  # a product asked for where the words may name it or leave it unnamed
_SAME_PRODUCT = 3  # `_products_agree` of one product named alike
_TOTAL_LABELS = frozenset({"جمع", "مجموع", "جمع کل", "کل"})  # a table's totals row
_PAIR_GAP = 4  # the most items between a value and a weight printed as one pair
_OWNED_CUES = frozenset({"average_word", "annual_word"})  # see `_cues_of_others`
PERIOD_ASKS = ("claim", "compared", "any", "start", "end", "part")
REASONS = ("no_frame", "ambiguous_frame", "no_candidate", "ambiguous_candidate",
           "attribute_conflict", "ambiguous_number", "partial_parts", "weighted_mean")
"""Why a figure is unverifiable (`Outcome.reason`)."""

_CUE_BEFORE = 6
# amounts that are no level of what they count: by how much, an average, each one's size
_NO_LEVEL = frozenset({"difference", "average", "size", "target"})
_COVERAGE = f"{OTHER}coverage"  # the flow of a ratio of exports to imports (``ratio_noun``)
_CUE_AFTER = 8
_CLAUSE_MARKS = frozenset({"،", ",", "؛", ";", ".", ":"})
_RESTATED_RATIO = 1.1


# ------------------------------------------------------------------ the schema

@dataclass(frozen=True, slots=True)
class Slot:
    name: str
    find: str
    role: str = ""
    side: str = ""
    of: str = ""
    subject: str = "claim"
    period: str = ""  # "": any for a figure of the sentence, the claim's for a search
    restates: bool = False
    comparator: bool = False  # a near figure written with «بیش از»/«کمتر از»
    of_type: str = "Amount"  # the type of figure it takes (a change of shares takes Percent)
    # "top", "bottom": the measure of a unit price's money, or its mass; "daily": the
    # total over the period of an amount per day
    measure: str = ""


@dataclass(frozen=True, slots=True)
class Frame:
    id: str
    kind: str
    doc: str
    stated: frozenset[str]
    cue: frozenset[str]
    no_cue: frozenset[str]
    cue_all: frozenset[str]
    cue_after: int  # where above 0: the cue stands within this many words after the figure
    cue_before: int  # where above 0: the cue stands within this many words before it
    flows: frozenset[str]  # where not empty: the stated figure is of one of these flows
    no_roles: frozenset[str]  # roles the stated figure must not have (a part is no total)
    formula: str
    sign: str
    unit: str
    priority: int
    slots: tuple[Slot, ...]


FRAME_SCHEMA: dict[str, type | tuple[type, ...]] = {
    "id": str, "kind": str, "doc": str, "stated": list, "cue": list, "no_cue": list,
    "cue_all": list, "cue_after": int, "cue_before": int, "flows": list, "no_roles": list,
    "formula": str, "sign": str, "unit": str, "priority": int, "slots": list,
}
"""Each key of a frame row and its type (``cue`` and ``no_cue`` may be left out)."""
_SLOT_KEYS = {"name", "find", "role", "side", "of", "subject", "period", "restates",
              "comparator", "measure", "of_type"}
_OPTIONAL = {"cue", "no_cue", "cue_all", "cue_after", "cue_before", "flows", "no_roles"}


def _check_slot(where: str, row: Mapping[str, object], names: list[str]) -> Slot:
    unknown = set(row) - _SLOT_KEYS
    if unknown or "name" not in row or "find" not in row:
        raise LexiconError(f"{where}: a slot has name, find and some of "
                           f"{sorted(_SLOT_KEYS - {'name', 'find'})}; got {sorted(row)}")
    slot = Slot(**dict(row))  # type: ignore[arg-type]
    if slot.find not in FINDERS:
        raise LexiconError(f"{where}: find must be one of {FINDERS}")
    if slot.find == "role" and slot.role not in ("from", "to", "compared", "total", "each"):
        raise LexiconError(f"{where}: a role slot names a role (from, to, compared, total)")
    if slot.find == "near" and slot.side not in ("before", "after"):
        raise LexiconError(f"{where}: a near slot has side before or after")
    if slot.find == "search" and slot.side not in ("", "elsewhere"):
        raise LexiconError(f"{where}: a search slot has no side, or side elsewhere (on "
                           "another line than the stated figure's)")
    if slot.of and slot.of not in names:
        raise LexiconError(f"{where}: of names another slot of the frame, one of {names}")
    if slot.find == "other" and not slot.of:
        raise LexiconError(f"{where}: an other slot says of which slot")
    if slot.measure not in ("", "top", "bottom", "daily"):
        raise LexiconError(f"{where}: measure must be top or bottom (of a unit price), or "
                           "daily (the total of an amount per day)")
    subject_ok = slot.subject in SUBJECT_ASKS or any(
        slot.subject.startswith(prefix) and slot.subject[len(prefix):] in names
        for prefix in ("slot:", "agent_of:"))
    period_ok = slot.period in ("", *PERIOD_ASKS) or any(
        slot.period.startswith(prefix) and slot.period[len(prefix):] in names
        for prefix in ("slot:", "earlier:", "later:", "around:"))
    if not subject_ok or not period_ok:
        raise LexiconError(f"{where}: subject must be one of {SUBJECT_ASKS} or slot:<name>, "
                           f"period one of {PERIOD_ASKS} or slot:<name> (another slot)")
    return slot


def load_frames(text: str, source: str = "frames.toml") -> tuple[Frame, ...]:  # noqa: PLR0912  one check per key
    """Frames from TOML text, checked against `FRAME_SCHEMA`.

    Raises
    ------
    LexiconError
        Naming the frame and what is wrong.
    """
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise LexiconError(f"{source}: {exc}") from None
    rows = data.get("frame")
    if set(data) != {"frame"} or not isinstance(rows, list):
        raise LexiconError(f"{source}: the file holds [[frame]] tables only")
    out: list[Frame] = []
    seen: set[str] = set()
    for n, row in enumerate(rows, start=1):
        where = f"{source}: frame {n} ({row.get('id', '?')})"
        missing = set(FRAME_SCHEMA) - _OPTIONAL - set(row)
        unknown = set(row) - set(FRAME_SCHEMA)
        if missing or unknown:
            raise LexiconError(f"{where}: missing {sorted(missing)}, unknown {sorted(unknown)}")
        for key, kind in FRAME_SCHEMA.items():
            if key in row and not isinstance(row[key], kind):
                raise LexiconError(f"{where}: {key} must be a {kind}")
        if row["id"] in seen:
            raise LexiconError(f"{where}: the id is used twice")
        seen.add(row["id"])
        if row["kind"] not in V.KINDS:
            raise LexiconError(f"{where}: kind must be one of {V.KINDS}")
        if row["formula"] not in F.FORMULAS and \
                row["formula"] not in ("unit_price", "cagr", "per_day"):
            raise LexiconError(f"{where}: no formula {row['formula']!r} in "
                               "chile_trade.core.formulas")
        if row["sign"] not in SIGNS or row["unit"] not in UNITS:
            raise LexiconError(f"{where}: sign must be one of {SIGNS}, unit one of {UNITS}")
        stated = frozenset(row["stated"])
        if not stated or not stated <= QUANTITY_TYPES:
            raise LexiconError(f"{where}: stated must list types among {sorted(QUANTITY_TYPES)}")
        cues = frozenset(row.get("cue", ())) | frozenset(row.get("no_cue", ())) | \
            frozenset(row.get("cue_all", ()))
        if not cues <= set(CATEGORIES):
            unknown_cues = sorted(cues - set(CATEGORIES))
            raise LexiconError(f"{where}: unknown lexicon categories {unknown_cues}")
        rows_ = row["slots"]
        if not rows_ or not all(isinstance(slot_row, dict) for slot_row in rows_):
            raise LexiconError(f"{where}: slots is a list of at least one table")
        names = [str(slot_row.get("name", "")) for slot_row in rows_]
        slots = [_check_slot(f"{where}, slot {m}", slot_row, names)
                 for m, slot_row in enumerate(rows_, start=1)]
        _fill_order(where, slots)
        out.append(Frame(row["id"], row["kind"], row["doc"], stated,
                         frozenset(row.get("cue", ())), frozenset(row.get("no_cue", ())),
                         frozenset(row.get("cue_all", ())), row.get("cue_after", 0),
                         row.get("cue_before", 0),
                         frozenset(row.get("flows", ())), frozenset(row.get("no_roles", ())),
                         row["formula"], row["sign"], row["unit"], row["priority"],
                         tuple(slots)))
    return tuple(out)


def _needs(slot: Slot) -> set[str]:
    return {ask.partition(":")[2] for ask in (slot.subject, slot.period)
            if ask.startswith(("slot:", "earlier:", "later:", "agent_of:"))} | (
        {slot.of} if slot.of else set())


def _fill_order(where: str, slots: Sequence[Slot]) -> tuple[Slot, ...]:
    """The slots in an order that fills each after the slots it refers to."""
    ordered: list[Slot] = []
    left = list(slots)
    while left:
        ready = [s for s in left if _needs(s) <= {o.name for o in ordered}]
        if not ready:
            raise LexiconError(f"{where}: the slots refer to one another in a circle")
        ordered.append(ready[0])
        left.remove(ready[0])
    return tuple(ordered)


@functools.cache
def frames() -> tuple[Frame, ...]:
    """The package's frames, loaded and checked once, the highest priority first."""
    text = resources.files("chile_trade.core.reader").joinpath("data/frames.toml").read_text(
        encoding="utf-8")
    loaded = load_frames(text, "chile_trade/core/reader/data/frames.toml")
    return tuple(sorted(loaded, key=lambda frame: -frame.priority))


# ------------------------------------------------------------------ agreement

def _side_agrees(a: str | None, b: str | None) -> int | None:
    """Two sides of a flow: 2 for the same side, None where they differ. An open side
    (all partners, or a partner the text does not name) agrees only with an open side,
    the unnamed reporter (where the text does not show who it is) only with itself."""
    return 2 if a == b else None


def _products_agree(a: str, b: str) -> int | None:  # noqa: PLR0911  one rule per case
    """3 for one product, 2 where one names it more fully («شمش» and «شمش فولاد»), 1
    where neither says, None for two products, or one named against all goods. A part of
    a whole qualified («~غیرنفت», `_agent_subject`) is of the qualified goods or unnamed."""
    either = next(((one, other) for one, other in ((a, b), (b, a))
                   if one.startswith(_EITHER)), None)
    if either is not None:
        return 1 if either[1] in ("", either[0][len(_EITHER):]) else None
    if not a and not b:
        return 1
    if not a or not b:
        return None
    if a == b:
        return 3
    wa, wb = [_stem(w) for w in a.split(" ")], [_stem(w) for w in b.split(" ")]
    if wa == wb:
        return 3  # "لبنیات" and "لبنی": one product, in its plural and adjective
    if "و" in wa or "و" in wb:
        return None
    shorter, longer = sorted((wa, wb), key=len)
    return 2 if longer[:len(shorter)] == shorter else None


def agreement(a: Subject, b: Subject) -> int | None:  # noqa: PLR0911, PLR0912  one rule per attribute
    """How well two subjects agree (higher is closer), or None where they conflict.

    Examples
    --------
    >>> # the same flow (2), the same exporter (1) and importer (1), no product said (1),
    >>> # neither a total (1)
    >>> agreement(Subject("goods", "ایران", "ترکیه"), Subject("goods", "ایران", "ترکیه"))
    6
    >>> agreement(Subject("goods", "ایران", "ترکیه"), Subject("goods", "ایران", None)) is None
    True
    >>> agreement(Subject("goods", "ایران", "ترکیه"), Subject("goods", "ترکیه", "ایران")) is None
    True
    """
    score = 0
    if a.each != b.each:
        return None  # the flows of several places together are none of them
    if a.source != b.source:
        return None  # mirror statistics: «بر اساس آمار ترکیه» is not the text's own
    if a.basis != b.basis:
        return None  # a value at constant prices is none at current prices, or unsaid
    if a.route != b.route:
        return None  # what left by one customs house is not what the place exported
    if (a.flow.startswith(OTHER) or b.flow.startswith(OTHER)) and (
            a.flow != b.flow or a.party != b.party or a.product != b.product):
        # a quantity of no goods («جمعیت فعال») is only the same quantity, of the same
        # place and goods; a figure whose sentence names nothing is not it
        return None
    if a.flow and b.flow:
        if a.flow != b.flow:
            return None
        score += 2
    if a.owner and b.owner and a.owner != b.owner and REPORTER not in (a.owner, b.owner):
        return None  # «تجارت غیرنفتی عربستان» is not the UAE's
    if a.measure and b.measure:
        if a.measure != b.measure:
            return None
        score += 1
    for x, y in ((a.exporter, b.exporter), (a.importer, b.importer)):
        if a.flow == b.flow and a.flow in ("goods", *OWN_FLOWS):  # (whose production)
            got = _side_agrees(x, y)
            if got is None:
                return None
            score += got - 1
    if a.pair and b.pair:
        if a.pair != b.pair and not (REPORTER in a.pair or REPORTER in b.pair):
            return None
        score += 1
    elif a.flow == b.flow and a.flow in ("trade", "balance") and any(
            one.party and not other.pair and not other.party and (other.owner or other.total)
            for one, other in ((a, b), (b, a))):
        return None  # «مبادلات با ترکیه» is no side's trade with all its partners
    for one, other in ((a, b), (b, a)):
        if one.party and other.flow in ("goods", *OWN_FLOWS) and other.party != one.party:
            sides = {other.exporter, other.importer}
            if one.party not in sides and REPORTER not in sides:
                return None  # a partner's figure is no figure of another partner or of all
        if one.party and other.pair and one.party not in other.pair and \
                REPORTER not in other.pair:
            return None
        if one.pair and other.total and not other.pair and not other.party:
            return None  # two places' trade is not one of them's trade with all («کل تجارت»)
    if a.party and b.party:
        if a.party != b.party:
            return None
        score += 1
    got = _products_agree(a.product, b.product)
    if got is None:
        return None
    # a total («کل صادرات استان») is nearer a total than a part of it («صادرات از بازارچه‌ها»)
    return score + got + (a.total == b.total)


# ------------------------------------------------------------------ the claim's context

@dataclass(frozen=True, slots=True)
class ClaimContext:
    """What the stated figure's sentence says of it."""

    subject: Subject
    period: Period | None
    compared: Period | None  # the period it is compared with
    sign: int  # -1 where a decrease word goes with it
    cues: frozenset[str]
    after: tuple[frozenset[str], ...]  # the categories of each word after it, in order
    per: tuple[str, str] | None = None  # a unit price's «هر تن»: (unit name, dimension)
    dimension: str = ""  # the stated figure's own
    before: tuple[frozenset[str], ...] = ()  # the categories of each word before it, nearest first
    whole: Subject | None = None  # a share's whole, as the words after it name it
    agent: str | None = None  # the place a rate is of, named just before it
    agent_product: str = ""  # the goods a share is of: «سهم فولاد از کل صادرات»
    versus: Subject | None = None  # what a multiple is of: «۸ برابر ایران»
    trade_part: Subject | None = None  # the flow a share of a two-way trade is of
    label: str = ""  # the goods its clause opens with, right before it: «انگور ۵۲ درصد»
    versus_period: Period | None = None  # a multiple's base year: «سه برابر سال ۲۰۲۱»
    part_period: Period | None = None  # the period a share's part is of: «سهم ماه مارس»


def _window(sentence: Sentence, position: int) -> tuple[list[Item], list[Item]]:
    """The words that go with a figure: its clause up to it (at least `_CUE_BEFORE`
    words), and `_CUE_AFTER` words after it."""
    items = sentence.items
    start, _ = _clause_bounds(sentence, position)
    if start == position and start > 1:
        # "سهم پتروشیمی از کل صادرات … که X بود، ۲۸٫۶ درصد است": a clause of the figure
        # alone is said of the clause before it
        start, _ = _clause_bounds(sentence, start - 2)
    # «با کاهش ۲۲ درصدی به X رسید و سهم آن از کل واردات ۱۸ درصد بود»: a verb and «و»
    # end a clause; the words past them, where they name a subject of their own, are the
    # next clause's
    ends = [k + 2 for k in range(start, position - 1) if "verb" in items[k].features
            and items[k + 1].text == "و" and any(
                _OWN_SUBJECT & x.features.keys() for x in items[k + 2:position])]
    if ends:
        start = max(ends)
    after = items[position + 1:position + 1 + _CUE_AFTER]
    cut = next((k for k in range(1, len(after)) if after[k].text == "و"
                and "verb" in after[k - 1].features
                and any(_OWN_SUBJECT & x.features.keys() for x in after[k + 1:])), len(after))
    after = after[:cut]
    kind = items[position].type
    for k, item in enumerate(after):
        if item.kind == "mention" and item.type in QUANTITY_TYPES and (
                item.type not in (kind, "Amount") or (item.type == kind and any(
                    "verb" in x.features or "share_verb" in x.features for x in after[:k]))):
            # "۳۳٫۵ درصد بود و … ۴٫۹ واحد درصد کاهش", "که ۶۰٪ صادرات را تشکیل می‌دهد، ۱۱٪
            # رشد کرد": the words after the next one, past a verb of its own, are its own
            after = after[:k]
            break
    if kind == "Amount":
        # "حجم تجارت X و مازاد تجاری چین Y بود": the words of the next amount's conjunct
        # are its own
        for k, item in enumerate(after[:-1]):
            if item.text in ("و", "،") and _NEW_SUBJECT & after[k + 1].features.keys() and \
                    any(_is_amount(x) for x in after[k + 2:]):
                after = after[:k]
                break
    return items[start if ends else min(start, max(0, position - _CUE_BEFORE)):position], after


_NEW_SUBJECT = frozenset({"balance_word", "flow_noun"})
_OWN_SUBJECT = frozenset({"balance_word", "flow_noun", "share_word"})


def _direction(sentence: Sentence, position: int) -> int:
    """The sign a change word beside the figure gives it: the nearest one, the one after
    it first among equals."""
    items = sentence.items
    named = _change_named(items, position)
    if named is not None:
        return named  # «این کاهش ۲٫۶ واحد درصدی بیشتر به دلیل …»: the change named
    best: tuple[int, int, int] | None = None
    for k in range(max(0, position - _CUE_BEFORE), min(len(items), position + _CUE_AFTER)):
        item = items[k]
        direction = item.features.get("direction")
        comparing = item.features.get("comparator")
        if k == position + 1 and comparing in (V.MORE, V.LESS):
            direction = 1 if comparing == V.MORE else -1  # "۱٫۶ درصد کمتر از سال قبل"
        if k == position + 1 and isinstance(item, Mention) and item.type == "Amount":
            comparator = item.value.comparator  # "۴۰ درصد بیش از X"
            direction = 1 if comparator == V.MORE else -1 if comparator == V.LESS else None
        if not isinstance(direction, int) or k == position:
            continue
        key = (abs(k - position), 0 if k > position else 1, direction)
        if best is None or key[:2] < best[:2]:
            best = key
    return best[2] if best is not None else 1


def _compared_period(figure: Figure) -> Period | None:
    """The period a figure is compared with: the one its sentence names after «نسبت به»,
    «در مقایسه با» … last before it (else first after it), else the same months a year
    before its own («در بهمن نسبت به دی ۱۵ درصد و در اسفند نسبت به بهمن ۵ درصد»)."""
    compared = figure.sentence.compared
    before = [p for k, p in compared if k < figure.position]
    # not one after the next figure of its kind: "… ۱۵٫۲ درصد و در اسفند نسبت به بهمن ۴٫۸"
    following = [f.position for f in figure.sentence.figures
                 if f.type == figure.type and f.position > figure.position]
    after = [p for k, p in compared if k > figure.position
             and not (following and k > following[0])]
    own = figure.period
    beyond = [(k, p) for k, p in compared if k > figure.position and following
              and k > following[0]]
    if not before and not after and beyond:
        # "صادرات ۹٫۴ درصد و واردات ۱۵٫۱ درصد نسبت به ماه قبل افزایش یافت": one adjunct
        # of both where no verb of the first stands before it; else no period the words fix
        k = beyond[0][0]
        items = figure.sentence.items
        if not any({"verb", "direction", "become_verb", "reach_verb"} & item.features.keys()
                   or (item.kind == PUNCT and item.text in _CLAUSE_MARKS)
                   for item in items[figure.position + 1:k]):
            after = [beyond[0][1]]
        # (else a change word or a mark of its own: the adjunct is the next one's)
    last_before = max((k for k, _ in compared if k < figure.position), default=-1)
    first_after = min((k for k, _ in compared if k > figure.position), default=-1)
    items = figure.sentence.items
    if after and before and any("verb" in item.features
                                for item in items[last_before + 1:figure.position]) and \
            not any("verb" in item.features for item in items[figure.position + 1:first_after]):
        # "صادرات ۸ درصد کمتر از مدت مشابه سال قبل بود و واردات ۲۰ درصد نسبت به ماه قبل
        # افزایش یافت": an adjunct before the verb of the rate before is that rate's,
        # where this one's own follows it before its verb
        before = []
    if before or after:
        chosen = before[-1] if before else after[0]
        if chosen.year is None and chosen.relative is not None and own is not None and \
                own.year is not None and own.relative is None:
            # "این رقم [۲۰۲۳] در قیاس با … سال قبل": a year before the figure's own
            # (of a span to date, «از اواسط سال ۲۰۲۳ … تاکنون», none the calendar fixes)
            return replace(chosen, calendar=chosen.calendar or own.calendar,
                           year=own.year + chosen.relative, relative=None,
                           months=chosen.months or own.months, rolling=own.rolling)
        return chosen
    based = [f.period for f in figure.sentence.figures if "compared" in f.roles
             and f.type == "Amount" and f.period is not None]
    if len(based) == 1:
        return based[0]  # "دو برابر رقم ۲۱۵ میلیون دلاری سال ۱۳۹۹": the base's own period
    return None if own is None else shifted(own, -1)


def context_of(figure: Figure) -> ClaimContext:
    sentence = figure.sentence
    before, after = _window(sentence, figure.position)
    last = figure.last_of_list
    if last is not None and last is not figure:
        # a member of a list goes with the words after the list («۲۶، ۱۸ و ۱۶ درصد … را
        # تشکیل دادند»)
        after = _window(sentence, last.position)[1]
    cues = frozenset(category for item in (*before, *after) for category in item.features)
    cues -= _cues_of_others(figure)
    if figure.whole is not None and figure.agent is not None and any(
            "seller_word" in item.features for item in sentence.items[figure.position:]):
        cues |= {"seller_word"}  # «عراق با ۴۸ درصد، … مهم‌ترین مقاصد صادراتی …»: after the list
    if "anaphor" in figure.roles:
        cues |= {"anaphor"}  # "این میزان … نسبت به …، بیست درصد افزایش"
    if _average_of_list(figure):
        cues |= {"average_word"}
    if figure.per is not None and figure.position and \
            unit_adjective(sentence.items[figure.position - 1]) is not None:
        cues |= {"per_word"}  # «بشکه‌ای ۷۳ دلار»: per barrel
    following = after[0] if after else None
    if isinstance(following, Mention) and \
            following.type == "Amount" and following.value.comparator in (
                V.MORE, V.LESS):
        cues |= {"comparator", "direction"}  # "۴۰.۳ درصد بیش از ۳۵۷ هزار تن"
    if following is not None and following.features.get("comparator") in (V.MORE, V.LESS):
        cues |= {"direction"}  # "۱٫۶ درصد کمتر از سال قبل"
    measure = measure_near(sentence.items, figure.position, frozenset(
        f.position for f in sentence.figures if "compared" in f.roles))
    subject = figure.subject
    if figure.type != "Amount":
        subject = replace(subject, measure=subject.measure or measure)
    return ClaimContext(subject, figure.period,
                        _compared_period(figure),
                        _direction(sentence, figure.position), cues,
                        tuple(frozenset(item.features) for item in after),
                        figure.per, figure.value.dimension,
                        tuple(frozenset(item.features) for item in reversed(before)),
                        figure.whole, figure.agent, figure.agent_product, figure.versus,
                        figure.trade_part, opening_label(sentence, figure.position),
                        figure.versus_period, figure.part_period)


def _average_of_list(figure: Figure) -> bool:
    """Whether the figure is the average its sentence opens with, the values averaged
    listed between («میانگین قیمت … که به ترتیب ۹۴۸، ۹۱۲ و ۸۳۰ یوآن بود، ۸۹۷ یوآن»)."""
    items = figure.sentence.items
    opening = next((k for k in range(figure.position)
                    if "average_word" in items[k].features), None)
    if figure.type != "Amount" or opening is None:
        return False
    between = [f for f in figure.sentence.figures if opening < f.position < figure.position]
    if not between or not all(f.group and f.group == between[0].group for f in between) \
            or len(between) != len(between[0].group):
        return False
    # of one thing over periods, or at one time: not prices of several partners or goods
    # (a mean price of several markets is weighted by what each sold)
    sides = {(f.subject.product, f.subject.exporter, f.subject.importer, f.subject.flow)
             for f in between}
    if len(sides) != 1:
        return False
    # the months it names, one after another with no gap («ژانویه، فوریه و مارس»), not
    # months sampled from a year («ژانویه، ژوئن و دسامبر»)
    named = [p for item in items[opening:figure.position]
             if isinstance(p := getattr(getattr(item, "value", None), "period", None), Period)]
    if len(named) < _PAIR:
        return True
    months = sorted(p.months for p in named if p.months is not None)
    # (of one year: «ژانویه، فوریه و مارس ۲۰۲۴» names it once)
    years = {(p.year, p.relative) for p in named if p.year is not None or p.relative is not None}
    return len(months) == len(named) and len(years) <= 1 and \
        all(a[1] + 1 == b[0] for a, b in itertools.pairwise(months))


def _is_amount(item: Item) -> bool:
    return item.kind == "mention" and item.type == "Amount"


def _names_level(item: Item) -> bool:
    """Whether an item names what is measured (a price, a value, a flow): «میانگین» before
    it is the average of that level, not of the change a percentage states."""
    return bool({"measure", "price_word"} & item.features.keys()) or (
        item.kind == "mention" and item.type == "Flow")


def _cues_of_others(figure: Figure) -> frozenset[str]:
    """The words that go with one figure only, where they stand nearer another figure of
    its kind: «۲۰ درصد کاهش یافته و میانگین کاهش سالانه آن ۵٫۷ درصد» (the average is the
    second's), or an amount («میانگین تولید … به X بشکه رسید که ۱٫۲ درصد کمتر …»: the
    average is the amount's, the rate a plain change)."""
    items = figure.sentence.items
    positions = [f.position for f in figure.sentence.figures if f.type == figure.type]
    theirs: set[str] = set()
    mine: set[str] = set()
    for k, item in enumerate(items):
        owned = _OWNED_CUES & item.features.keys()
        if not owned:
            continue
        before = [p for p in positions if p < k]
        after = [p for p in positions if p > k]
        # the figure the word follows closely, with no «و» or comma between; else the one
        # after it («… افزایش یافت و متوسط رشد سالانه آن X درصد بود»)
        attached = before and k - before[-1] <= _ATTACHED and not any(
            x.text in ("و", "،", ",") for x in items[before[-1] + 1:k])
        if figure.type != "Amount" and "average_word" in owned and (
                any(_is_amount(x) for x in items[k + 1:k + 3])
                or (k + 1 < len(items) and _names_level(items[k + 1]))
                or _averaged_amount(items, k, figure.position)):
            # «کمتر از میانگین ۹۲٫۵ دلاری», «میانگین قیمت هر اونس … با ۲۳ درصد افزایش»,
            # «میانگین تولید … به X بشکه رسید»: the average of an amount, not of the rate
            theirs.add("average_word")
            owned = owned - {"average_word"}
            if not owned:
                continue
        owner = before[-1] if attached or not after else after[0]
        (mine if owner == figure.position else theirs).update(owned)
    return frozenset(theirs - mine)


def _averaged_amount(items: Sequence[Item], k: int, position: int) -> bool:
    """Whether the average word at ``k`` opens the noun of an amount printed after it and
    before the figure at ``position``, no rate word, «و» or mark between («میانگین
    دستمزد ماهانه … به X روبل رسید که ۱۷ درصد بیشتر …»)."""
    for j in range(k + 1, min(position, k + _AVERAGE_REACH)):
        item = items[j]
        if _is_amount(item):
            return True
        if item.text in ("و", "،", ",") or (item.kind == "mention" and item.type in
                                            QUANTITY_TYPES) or \
                {"direction", "change_word"} & item.features.keys():
            return False
    return False


_BOUNDS = frozenset({V.MORE, V.LESS, V.AT_LEAST, V.AT_MOST})
_AVERAGE_REACH = 10  # the most words between «میانگین» and the amount it is the noun of


# ------------------------------------------------------------------ finding slots

@dataclass(frozen=True, slots=True)
class Reading:
    """One frame's reading of a figure: its operands by slot, in the formula's order."""

    frame: Frame
    operands: tuple[Figure, ...]
    # the parts may be some of the whole only (a breakdown with no «سایر»): a sum that
    # does not match them is no verdict (`partial_parts`)
    partial: bool = False


@dataclass(frozen=True, slots=True)
class Outcome:
    """How the frames read one stated figure: its one reading, or why there is none."""

    figure: Figure
    reading: Reading | None
    reason: str = ""  # one of REASONS
    frame: str = ""  # the frame the reason is about
    context: ClaimContext | None = None


@dataclass(slots=True)
class _Attempt:
    frame: Frame
    filled: dict[str, Figure] = field(default_factory=dict)
    many: dict[str, tuple[Figure, ...]] = field(default_factory=dict)  # a group slot's all
    failed: str = ""
    partial: bool = False


def _amounts(sentence: Sentence) -> list[Figure]:
    return [f for f in sentence.figures if f.type == "Amount"]


def _same_dimension(a: Figure, b: Figure) -> bool:
    return a.value.dimension == b.value.dimension and bool(a.value.dimension)


def _wanted_subject(slot: Slot, ctx: ClaimContext, filled: Mapping[str, Figure]) -> Subject:
    if slot.subject.startswith("slot:"):
        return filled[slot.subject[5:]].subject
    if slot.subject == "any":
        return Subject(measure=ctx.subject.measure)  # "سهم ارزشی … ۵٫۱ واحد درصد"
    return ctx.subject


def _wanted_period(slot: Slot, ctx: ClaimContext, filled: Mapping[str, Figure],  # noqa: PLR0911  one return per ask
                   ) -> Period | _Earlier | _Later | _Around | str | None:
    if slot.period == "any" or (not slot.period and slot.find != "search"):
        return "any"
    if slot.period == "compared":
        return ctx.compared
    if slot.period in ("start", "end"):
        return _end_of_span(ctx.period, slot.period == "start")
    if slot.period == "part":
        return ctx.part_period
    ask, _, name = slot.period.partition(":")
    if ask == "around":
        # the whole of a part of a period: a longer span holding it, the one the clause
        # names where it names one
        part = filled[name].period
        return None if part is None else _Around(part, ctx.period)
    if name:
        # "slot:X" X's period; "earlier:X" one before it; "later:X" one after it
        period = filled[name].period
        if period is None or ask == "slot":
            return period
        # ("تقریباً سه برابر سال ۲۰۲۱": the earlier is that year's, no other)
        return (ctx.versus_period or _Earlier(period)) if ask == "earlier" else _Later(period)
    return ctx.period


def _end_of_span(span: Period | None, first: bool) -> Period | None:
    """The first or last year of a span of years («طی سه سال»); None for no span."""
    if span is None or span.year is None or span.last_year is None:
        return None
    return Period(span.calendar, span.year if first else span.last_year, fiscal=span.fiscal)


@dataclass(frozen=True, slots=True)
class _Later:
    """A period asked for only as after another: the later value of a change."""

    earlier: Period


@dataclass(frozen=True, slots=True)
class _Earlier:
    """A period asked for only as before another: the base of a change in its sentence."""

    later: Period


@dataclass(frozen=True, slots=True)
class _Around:
    """A period asked for as holding another and longer than it (the whole of a share
    of a part of a period), the one named where the words name one."""

    part: Period
    named: Period | None


def _period_fits(candidate: Figure,
                 wanted: Period | _Earlier | _Later | _Around | str | None) -> bool:
    if wanted == "any":
        return True
    if wanted is None or candidate.period is None or isinstance(wanted, str):
        return False
    if isinstance(wanted, _Around):
        days, part = interval(candidate.period), interval(wanted.part)
        return days is not None and part is not None and days != part and \
            days[0] <= part[0] and part[1] <= days[1] and (
                wanted.named is None or same(candidate.period, wanted.named) == YES)
    if isinstance(wanted, _Earlier):
        return _before(candidate.period, wanted.later)
    if isinstance(wanted, _Later):
        return _before(wanted.earlier, candidate.period)
    return same(candidate.period, wanted) == YES


def _before(a: Period, b: Period) -> bool:
    """Whether ``a`` ends before ``b`` begins."""
    days_a, days_b = interval(a), interval(b)
    if days_a is not None and days_b is not None:
        return days_a[1] <= days_b[0]
    if a.relative is not None and b.relative is not None:
        return a.relative < b.relative
    return a.year is not None and b.year is not None and a.calendar == b.calendar and \
        a.year < b.year


def _flows(ctx: ClaimContext, exports: bool) -> Subject | None:
    """The subject of one flow of a balance or a two-way total: the two sides of the
    stated figure's pair, one way or the other."""
    subject = ctx.subject
    pair = sorted(subject.pair)
    if subject.flow == _COVERAGE:
        # "نسبت پوشش صادرات به واردات": the exports and imports of one side, with all
        owner = subject.party or REPORTER
        return Subject("goods", owner if exports else None, None if exports else owner,
                       product=subject.product)
    if not pair and subject.flow in ("balance", "trade", "") and not subject.party:
        # the owner's trade with the world: «تراز تجاری کشور», «اختلاف این دو شاخص»,
        # «مجموع تجارت خارجی کشور»
        owner = subject.owner or REPORTER
        return Subject("goods", owner if exports else None,
                       None if exports else owner, product=subject.product,
                       measure=subject.measure)
    if len(pair) != 2:
        return None
    first, second = pair
    if subject.owner == REPORTER and REPORTER not in subject.pair:
        # whose balance it is the text does not show: one way round, read for its size
        # (`chile_trade.core.reader.claims`), which is the same either way
        exporter, importer = (first, second) if exports else (second, first)
        return Subject("goods", exporter, importer, product=subject.product,
                       measure=subject.measure)
    if subject.owner in subject.pair:
        first = subject.owner
        second = next(p for p in subject.pair if p != first)
    elif subject.party and subject.party in subject.pair:
        second = subject.party
        first = next(p for p in subject.pair if p != second)
    elif subject.flow == "balance":
        return None  # whose balance it is the text does not say
    exporter, importer = (first, second) if exports else (second, first)
    return Subject("goods", exporter, importer, product=subject.product,
                   measure=subject.measure)


def _candidates(doc: Document, figure: Figure, slot: Slot, ctx: ClaimContext,
                filled: Mapping[str, Figure]) -> list[Figure] | str:
    """The figures that may fill a slot, before agreement is scored; or a reason."""
    taken = {f.order for f in filled.values()} | {figure.order}
    if slot.find in ("role", "rate"):
        return _in_clause(doc, figure, slot, taken)
    if slot.find in ("near", "joined"):
        return _near(figure, slot, ctx, taken) if slot.find == "near" else \
            _joined(figure, taken)
    if slot.find in ("antecedent", "group", "same_share"):
        named = _antecedent(doc, figure, taken) if slot.find == "antecedent" else \
            list(_group(doc, figure)) if slot.find == "group" else \
            [f for f in (filled[slot.of].same_share,) if f is not None]  # «این سهم»
        return [f for f in named if f.order not in taken]
    if slot.find == "member":  # "سهم مصالح ساختمانی از وزن صادرات آنها": the one listed
        listed = [f for key, f in filled.items() if key.startswith(f"{slot.of}#")]
        return [f for f in listed if _named_member(f, ctx)]  # (one of those taken)
    if slot.find == "other":
        first = filled[slot.of]  # in the sentence of the figure it is another of
        # (a price with a price of the same unit: «از ۷۵ دلار … به ۸۲ دلار در هر بشکه»)
        return [f for f in _amounts(first.sentence) if f.order not in taken
                and _same_dimension(f, first) and f.per == first.per]
    # A price is no total, a total no price: a search takes only figures of its kind;
    # a difference («۱۰۰۰ تن بیشتر») is no level.
    return [f for f in doc.figures if f.type == "Amount" and f.order not in taken
            and (f.per is None or slot.restates) and not _NO_LEVEL & f.roles
            and not _subset(f)
            and (slot.side != "elsewhere" or f.sentence.line != figure.sentence.line)]


def _in_clause(doc: Document, figure: Figure, slot: Slot, taken: set[int]) -> list[Figure]:
    """The figures of a role in the stated figure's sentence («از X به Y»), or the rate
    just before it («… ۳۳٫۵ درصد بود و …»); else in the clause before it on its line
    («… ۲۵٫۱ درصد بود؛ یعنی ۲٫۶ واحد درصد»)."""
    def typed(s: Sentence, before: int) -> list[Figure]:
        # (a difference «۶ دلار بیشتر از ماه قبل» is by how much, no value of a role)
        return [f for f in s.figures if f.type == slot.of_type and f.order not in taken
                and f.position < before and (slot.find == "rate" or slot.role in f.roles)
                and "difference" not in f.roles]
    limit = figure.position if slot.find == "rate" else len(figure.sentence.items)
    found = typed(figure.sentence, limit)
    previous = _previous_sentence(doc, figure.sentence)
    if previous is None and _this_change(figure) and figure.sentence.index > 0:
        # «… از ۳۴٫۸ درصد به ۳۱٫۵ درصد کاهش یافت. این کاهش ۳٫۳ واحد درصدی …»: the change
        # the sentence before it ends on, on its line or the line before
        previous = doc.sentences[figure.sentence.index - 1]
    if not found and previous is not None and (
            figure.own_period is None or figure.own_period == previous.own):
        # (not where the figure names a period of its own: «…؛ صادرات ماه دسامبر اما ۶
        # درصد کمتر شد» is no change of the year's figures before it)
        found = typed(previous, len(previous.items))
    return found[-1:] if slot.find == "rate" else found


def _change_named(items: Sequence[Item], position: int) -> int | None:
    """The direction of the change «این» and a change word name right before a figure
    («این کاهش ۳٫۳ واحد درصدی»: −1), or None."""
    if position < _PAIR or items[position - 2].text != "این":
        return None
    direction = items[position - 1].features.get("direction")
    return direction if isinstance(direction, int) else None


def _this_change(figure: Figure) -> bool:
    """Whether a figure is named as the change just told of, at its clause's start: «این
    کاهش ۳٫۳ واحد درصدی …»."""
    p = figure.position
    return _change_named(figure.sentence.items, p) is not None and \
        _clause_bounds(figure.sentence, p)[0] == p - _PAIR


def _subset(figure: Figure) -> bool:
    """A part of a figure named before that the words tell apart by nothing the reader
    keeps («از این مقدار ۲۵۳ هزار تن از گمرکات …»): no level of that subject."""
    whole = figure.antecedent
    return "part" in figure.roles and whole is not None and \
        agreement(figure.subject, whole.subject) is not None and \
        figure.subject.product == whole.subject.product


def _previous_sentence(doc: Document, sentence: Sentence) -> Sentence | None:
    """The sentence before, where it is of the same line (a clause after «؛»)."""
    if sentence.index == 0:
        return None
    previous = doc.sentences[sentence.index - 1]
    return previous if previous.line == sentence.line else None


def _clause_bounds(sentence: Sentence, position: int) -> tuple[int, int]:
    items = sentence.items
    start = position
    while start > 0 and not (items[start - 1].kind == PUNCT
                             and items[start - 1].text in _CLAUSE_MARKS):
        start -= 1
    end = position + 1
    while end < len(items) and not (items[end].kind == PUNCT
                                     and items[end].text in _CLAUSE_MARKS):
        end += 1
    return start, end


def _near(figure: Figure, slot: Slot, ctx: ClaimContext, taken: set[int]) -> list[Figure]:
    """The amount a stated figure is said of: the one right after it (``Z درصد بیش از X``
    with ``comparator``; ``با رشد Z درصدی به Y رسید``), or the nearest before it in its
    sentence that is not a base, of the claim's period where that is known."""
    # (a difference «۲۲ میلیارد دلار بیشتر از …» is by how much, no level a rate is of)
    amounts = [f for f in _amounts(figure.sentence) if f.order not in taken and f.per is None
               and not _NO_LEVEL & f.roles]
    if figure.said_of is not None and slot.side == "before":
        return [figure.said_of] if figure.said_of.order not in taken else []
    if slot.side == "after":
        if slot.comparator:
            return [f for f in amounts if 0 < f.position - figure.position <= 2
                    and f.value.comparator in (V.MORE, V.LESS)][:1]
        _, end = _clause_bounds(figure.sentence, figure.position)
        return [f for f in amounts if figure.position < f.position < end
                and f.value.comparator not in (V.MORE, V.LESS)
                and "compared" not in f.roles]
    items = figure.sentence.items
    # not across the name of another flow: «تراز … X مثبت بود و صادرات ایران ۵۵ درصد …»
    # nor across «و» and the name of other goods: «… ۶۲۱ هزار دلار و فرش ابریشم سهم ۱۵ درصدی»
    before = [f for f in reversed(amounts) if f.position < figure.position
              and not {"compared", "from"} & f.roles and not any(
                  _other_flow(x, f) for x in items[f.position + 1:figure.position])
              and not _new_conjunct(items, f.position, figure.position)
              and not _of_share_whole(items, f.position)]
    if before and len(before[0].group) > 1:
        return []  # "عراق و سوریه با X و Y، ۶۷ درصد": said of the parts listed together
    if ctx.period is not None:
        # a rate is of the amount of its own period: not of the base before it
        before = [f for f in before if f.period is None or same(f.period, ctx.period) == YES]
    if before or "anaphor" in figure.roles:
        return before
    return [f for f in amounts if f.position > figure.position and f.period is not None
            and ctx.period is not None and same(f.period, ctx.period) == YES]


_RATE_OF_CHANGE = {"rate_of_rise": 1, "rate_of_fall": -1}
"""The formulas of a rate restating a change's amount, by the direction each is of."""
_JOINERS = frozenset({"یا", "معادل", "برابر", "(", "،", ","})


def _joined(figure: Figure, taken: set[int]) -> list[Figure]:
    """The amount a rate restates, joined to it by «یا», «معادل» or a bracket: «با ۹۲
    یوآن یا ۲٫۲ درصد کاهش», «۲۷۲ دلار معادل ۲٫۰۲ درصد» (whether it is a change, not a
    level, the value reached right after the rate says: `_reached_right_after`)."""
    items = figure.sentence.items
    before = [f for f in figure.sentence.figures if f.type == "Amount"
              and f.position < figure.position and f.order not in taken]
    if not before:
        return []
    last = before[-1]
    between = items[last.position + 1:figure.position]
    if not between or len(between) > _PAIR or not all(
            item.text in _JOINERS for item in between) or not any(
            item.text in ("یا", "معادل", "برابر", "(") for item in between):
        return []
    if last.value.comparator != V.EQUAL or last.roles & {"to", "from", "compared"}:
        return []  # not a level reached («به X یا Y درصد …»), nor «بیش از X»
    return [last]


def _new_conjunct(items: Sequence[Item], start: int, end: int) -> bool:
    """Whether «و» and a word naming goods or a place stand right after the figure at
    ``start`` (before ``end``)."""
    return start + 2 < end and items[start + 1].text == "و" and (
        (items[start + 2].kind == "word" and not items[start + 2].features)
        or "place" in items[start + 2].features)


def _of_share_whole(items: Sequence[Item], position: int) -> bool:
    """Whether the amount at ``position`` is the value of a share's whole named before it
    («سهم روسیه از کل تجارت خارجی چین که … به X رسیده بود، حدود ۴ درصد»), no part."""
    for k in range(position - 1, -1, -1):
        if isinstance(items[k], Mention) and items[k].type in QUANTITY_TYPES:
            return False
        if "share_word" in items[k].features:
            return any(items[j].text == "از" for j in range(k + 1, position))
    return False


def _other_flow(item: Item, figure: Figure) -> bool:
    """Whether ``item`` names a flow of another kind than ``figure``'s (exports against a
    balance; not «داد و ستد» after a trade total)."""
    if not (isinstance(item, Mention) and item.type == "Flow" and "flow_noun" in item.features):
        return False
    flow = item.value.flow
    return ("trade" if flow == V.TRADE else "goods") != figure.subject.flow


def _group(doc: Document, figure: Figure, member: bool = False) -> tuple[Figure, ...]:
    """The amounts listed together just before a stated figure («سیمان با X، کلینکر با Y
    … که سهم ۷۳ درصدی داشتند»), in its sentence or the two before it; as many as a count
    beside the figure says where it says one («این سه گروه», «پنج قلم»). With ``member``,
    those a share of one of them names («سهم شیلی از صادرات این سه کشور»)."""
    if (figure.value.member is not None or figure.said_of is not None or figure.agent) and \
            not (member and _points_at_list(figure)):
        # a member of a list of figures is said of one part, not of them all; so is the
        # share of one place («سهم مکزیک از تولید جهانی ۲۵ درصد»)
        return ()
    sentences = [figure.sentence]
    for _ in range(2):
        previous = _previous_in_text(doc, sentences[-1])
        if previous is None:
            break
        sentences.append(previous)
    for sentence in sentences:
        listed = [f for f in sentence.figures if f.group and (
            sentence is not figure.sentence or f.position < figure.position)]
        if listed:
            group = listed[-1].group
            count = _count_near(figure.sentence, figure.position)
            if count is not None and count != len(group):
                return ()
            return group if listed[-1] is group[-1] else ()
    return ()


def _one_member(figure: Figure, group: Sequence[Figure]) -> bool:
    """Whether the figure's own sentence names one member of a list before it as what it
    is of («… و صادرات به ارمنستان که ۵٫۵ درصد کل صادرات استان …»): the partner or goods
    the members differ in, one of theirs."""
    subject = figure.subject
    for mine, theirs in ((subject.importer, {f.subject.importer for f in group}),
                         (subject.exporter, {f.subject.exporter for f in group}),
                         (subject.product or None, {f.subject.product for f in group})):
        if mine is not None and len(theirs) > 1 and mine in theirs:
            return True
    return False


def _table_group(doc: Document, figure: Figure, ctx: ClaimContext) -> tuple[Figure, ...]:
    """The rows of the table just before a figure whose words point back at them («این سه
    گروه», «این سه محصول»): one value per row, of the figure's period and measure; as many
    rows as a count beside the figure says."""
    if not _points_at_list(figure):
        return ()
    cells = [f for f in doc.figures[:figure.order] if f.cell is not None]
    if not cells:
        return ()
    table = cells[-1].cell.table.split("#")[0]  # type: ignore[union-attr]
    measure = ctx.subject.measure or (MEASURES.get(figure.value.dimension, "")
                                      if figure.type == "Amount" else "")
    rows: dict[str, list[Figure]] = {}
    for f in cells:
        assert f.cell is not None
        if f.cell.table.split("#")[0] != table or f.cell.series.strip() in _TOTAL_LABELS:
            continue
        if ctx.period is not None and (f.period is None or same(f.period, ctx.period) != YES):
            continue
        if measure and f.subject.measure != measure:
            continue
        rows.setdefault(f.cell.series, []).append(f)
    count = _count_near(figure.sentence, figure.position)
    if len(rows) < _PAIR or any(len(found) != 1 for found in rows.values()) or (
            count is not None and count != len(rows)):
        return ()
    group = tuple(found[0] for found in rows.values())
    flow = ctx.subject.flow
    if flow and any(f.subject.flow != flow for f in group):
        return ()  # («سهم صادرات این سه کشور» of a table of imports: not these)
    return group


def _points_at_list(figure: Figure) -> bool:
    """Whether the figure's clause points at a list named before, on either side of it:
    «این سه گروه», «این سه محصول», «آنها»."""
    items = figure.sentence.items
    start, end = _clause_bounds(figure.sentence, figure.position)
    for k in range(start, min(end, len(items) - 1)):
        if items[k].text in ("این", "همین"):
            following = items[k + 1]
            if isinstance(getattr(following, "value", None), NumberValue) or \
                    "goods_word" in following.features or "both_places" in following.features:
                return True
        if items[k].text == "آنها":
            return True
    return False


def _share_of_listed(figure: Figure) -> bool:
    """Whether a share's clause names what it is of as a list named before: «سهم این دو
    کشور», «سهم این سه گروه» (the part, not the whole after «از»)."""
    items = figure.sentence.items
    start, _ = _clause_bounds(figure.sentence, figure.position)
    return any("share_word" in items[k].features and items[k + 1].text in ("این", "همین")
               and (isinstance(getattr(items[k + 2], "value", None), NumberValue)
                    or "both_places" in items[k + 2].features)
               for k in range(start, figure.position - 2))


def _named_member(figure: Figure, ctx: ClaimContext) -> bool:
    """Whether a listed part is the one a share names: its goods («سهم مصالح ساختمانی»)
    or its place («سهم امارات از واردات این سه کشور»)."""
    subject = figure.subject
    if ctx.agent_product:
        return _products_agree(subject.product, ctx.agent_product) in (2, 3)
    if ctx.agent is not None:
        return ctx.agent in (subject.exporter, subject.importer, subject.party)
    # "انگور ۵۲ درصد ارزش صادرات این سه محصول": the goods its clause opens with
    label = ctx.label
    return bool(label) and _products_agree(subject.product, label) == _SAME_PRODUCT


def _group_agrees(group: Sequence[Figure], wanted: Subject, referred: bool = False,
                  period: Period | None = None) -> bool:
    """Whether listed parts are parts of what the stated figure is of: they agree with it
    in all but what tells them apart (their products, or their partners). Where the
    words point back at the list («صادرات این سه گروه»), the sides they leave open are
    the list's."""
    varies = {name for name in ("product", "exporter", "importer", "party")
              if len({getattr(f.subject, name) for f in group}) > 1}
    wanted = replace(wanted, each=(), each_side="")  # (the places listed are the parts)
    for figure in group:
        subject = figure.subject
        if referred and wanted.flow == subject.flow == "goods":
            # (and the goods: «سهم شیلی از صادرات این سه کشور» is of the goods listed)
            wanted = replace(wanted, exporter=wanted.exporter or subject.exporter,
                             importer=wanted.importer or subject.importer,
                             product=wanted.product or subject.product)
        if "product" in varies:
            subject = replace(subject, product=wanted.product)
        if {"exporter", "importer", "party"} & varies:
            subject = replace(subject, exporter=wanted.exporter, importer=wanted.importer,
                              party=wanted.party)
        if agreement(subject, replace(wanted, total=False)) is None:
            return False
        if period is not None and (figure.period is None or same(figure.period, period) != YES):
            return False  # parts of another period
    return True


def _goods_parts(doc: Document, figure: Figure, ctx: ClaimContext,
                 ) -> tuple[Figure, ...] | str:
    """The figures of each of two goods a total names together («مجموع صادرات سیمان و
    کلینکر»): for each, the one figure of that product that agrees with the total in all
    else and its period; or why there is none."""
    names = ctx.subject.product.split(" و ")
    if len(names) != _PAIR or not all(names):
        return "no_candidate"
    parts: list[Figure] = []
    for name in names:
        slot = Slot("part", "search", subject="claim", period="claim")
        one = replace(ctx, subject=replace(ctx.subject, product=name, total=False))
        got = _fill(doc, figure, slot, one, {f"part{k}": f for k, f in enumerate(parts)})
        if isinstance(got, str):
            return got
        if got.subject.product != name:
            return "no_candidate"  # only the goods named, not a wider or narrower name
        parts.append(got)
    return tuple(parts)


def _places_parts(doc: Document, figure: Figure, ctx: ClaimContext,
                  ) -> tuple[Figure, ...] | str:
    """The figures of each of the places a total names together («صادرات مس دو کشور در
    مجموع», «صادرات مس شیلی و پرو»): for each, the one figure of its flow that agrees
    with the total in all else and its period; or why there is none."""
    subject = ctx.subject
    if len(subject.each) < _PAIR or subject.each_side not in ("exporter", "importer"):
        return "no_candidate"
    parts: list[Figure] = []
    for place in subject.each:
        wanted = replace(subject, each=(), each_side="", total=False)
        wanted = replace(wanted, exporter=place) if subject.each_side == "exporter" else \
            replace(wanted, importer=place)
        slot = Slot("part", "search", subject="claim", period="claim")
        got = _fill(doc, figure, slot, replace(ctx, subject=wanted),
                    {f"part{k}": f for k, f in enumerate(parts)})
        if isinstance(got, str):
            return got
        if getattr(got.subject, subject.each_side) != place:
            return "no_candidate"
        parts.append(got)
    return tuple(parts)


def _shares_of_places(doc: Document, figure: Figure) -> tuple[Figure, ...] | str:
    """The shares printed before of each of the places a joint share names: «صادرات به
    عراق و افغانستان در مجموع ۶۵ درصد» (Iraq's and Afghanistan's), «سهم مشترک این دو
    کشور» (the last two places given a share)."""
    items = figure.sentence.items
    start, _ = _clause_bounds(figure.sentence, figure.position)
    earlier = [f for f in doc.figures[:figure.order] if f.type == "Percent"
               and f.period is not None and figure.period is not None
               and same(f.period, figure.period) == YES]
    count = _count_near(figure.sentence, figure.position)
    if count is not None and _points_back(figure):
        shared = [p for p in (_share_place(f) for f in reversed(earlier)) if p is not None]
        named = list(dict.fromkeys(shared))[:count][::-1]
    else:
        named = [p for item in items[start:figure.position]
                 if (p := getattr(getattr(item, "value", None), "name", None)) is not None
                 and getattr(item, "type", "") == "Place"]
    if len(named) < _PAIR:
        return "no_candidate"
    parts: list[Figure] = []
    for place in named:
        found = [f for f in earlier if _share_place(f) == place and
                 _products_agree(f.subject.product, figure.subject.product) is not None]
        if len(found) != 1:
            return "no_candidate" if not found else "ambiguous_candidate"
        parts.append(found[0])
    return tuple(parts)


_REST_WORDS = frozenset({"سایر", "بقیه", "باقی", "باقیمانده", "مابقی"})
_OF_IT = frozenset({"آن", "آنها"})


_WITHIN_WORDS = frozenset({"شامل", "ویژه", "جمله", "مانند", "نظیر", "خصوص"})


def _nested(items: Sequence[Item], position: int) -> bool:
    """Whether a part is said within another («۳۰ میلیارد دلار (شامل ۱۵ میلیارد دلار
    به چین) به آسیا», «… به ویژه ۱۵ میلیارد دلار به چین»): in brackets, or right after
    «شامل», «به ویژه», «از جمله»."""
    before = items[max(0, position - 2):position]
    opened = sum(1 for item in items[:position] if item.text == "(") > \
        sum(1 for item in items[:position] if item.text == ")")
    return opened or any(item.text in _WITHIN_WORDS for item in before)


def _rest_after(items: Sequence[Item], position: int) -> bool:
    """Whether the last part is the rest («… ۴ میلیون تن در سایر مناطق»): «سایر» in the
    words after it, before a verb, «و» or a mark (not «… صادر شد و سایر کشورها …»)."""
    for item in items[position + 1:]:
        if item.text in _REST_WORDS:
            return True
        if item.text in ("و", *_CLAUSE_MARKS) or "verb" in item.features or \
                "flow_verb" in item.features:
            return False
    return False


def _parts_after(doc: Document, figure: Figure,
                 ) -> tuple[list[Figure], Sequence[Item], Sequence[Item]] | None:
    """The amounts of the figure's dimension after it in its sentence (or in the next,
    after «؛», or on the next line where it opens «از این رقم»), up to one of another
    kind or period; with the items they stand in and those before the first."""
    items = figure.sentence.items
    later = [f for f in figure.sentence.figures if f.position > figure.position
             and f.type == "Amount" and f.value.dimension == figure.value.dimension]
    gap: Sequence[Item] = items[figure.position + 1:later[0].position] if later else ()
    if not later and figure.sentence.index + 1 < len(doc.sentences):
        following = doc.sentences[figure.sentence.index + 1]
        items = following.items
        later = [f for f in following.figures
                 if f.type == "Amount" and f.value.dimension == figure.value.dimension]
        gap = items[:later[0].position] if later else ()
        if _previous_sentence(doc, following) is not figure.sentence and (
                not later or later[0].antecedent is not figure):
            return None  # (on the next line, only where it opens «از این رقم»)
    # the parts end where a figure of another kind begins («… و مازاد تجاری X بود») or
    # one of another period («… در حالی که این رقم در سال ۲۰۲۲ معادل Y بود»)
    end = next((n for n, f in enumerate(later) if n and (any(
        "balance_word" in item.features
        for item in items[later[n - 1].position + 1:f.position]) or (
            f.own_period is not None and figure.period is not None
            and same(f.own_period, figure.period) != YES))), len(later))
    return later[:end], items, gap


def _breakdown_parts(doc: Document, figure: Figure) -> tuple[tuple[Figure, ...], bool] | str:
    """The amounts a total is broken into right after it (`_parts_after`): «X … که از
    این میزان A در …، B در … و C در … بود», «X … که A آن صادرات و B آن واردات بود»; and
    whether they may be some of it only (not the two flows of a trade, no last part
    «سایر …»). The first part points back at the total («از این میزان», «… آن»)."""
    found = _parts_after(doc, figure)
    if found is None:
        return "no_candidate"
    later, items, gap = found
    if len(later) < _PAIR or any(f.value.comparator != V.EQUAL for f in later) or any(
            f.roles & {"compared", "from", "to", "total"} for f in later) or any(
            _nested(items, f.position) for f in later):
        # (and «بیش از ۲۰ … به چین»: no sum of the printed parts; a change or a total of
        # its own among them: no breakdown)
        return "no_candidate"
    first = later[0]
    before = sum(1 for f in figure.sentence.figures if f.type == "Amount"
                 and f.value.dimension == figure.value.dimension
                 and (first.sentence is not figure.sentence or f.position < first.position))
    pointed = first.antecedent is figure and "part" in first.roles
    of_it = first.position + 1 < len(items) and items[first.position + 1].text in _OF_IT \
        and any(item.text == "که" for item in gap)
    if before != 1 or not (pointed or of_it) or len(gap) > _CUE_BEFORE or any(
            isinstance(getattr(item, "value", None), QuantityValue) for item in gap):
        # (which amount before «از این رقم» is broken down is unsure where there are two)
        return "no_candidate"
    sides = [(bool(f.subject.exporter), bool(f.subject.importer)) for f in later]
    of_trade = figure.subject.flow == "trade" and all(
        f.subject.flow == "goods" and side in ((True, False), (False, True))
        for f, side in zip(later, sides, strict=True))
    # (a trade is its two flows; with a third part, «صادرات مجدد», the flows may overlap;
    # «۷۰ میلیارد دلار واردات انرژی» is some of the imports only)
    whole = of_trade and len(later) == _PAIR and len(set(sides)) == _PAIR and all(
        f.subject.product == figure.subject.product for f in later)
    if not of_trade and any(f.subject.flow not in ("", figure.subject.flow) for f in later):
        return "attribute_conflict"
    return tuple(later), not (whole or _rest_after(items, later[-1].position))


def _periods_parts(doc: Document, figure: Figure, ctx: ClaimContext,
                   ) -> tuple[Figure, ...] | str:
    """The figures of the same flow whose periods together are the stated figure's,
    with no gap and no overlap: «X در دی … در بهمن Y و در اسفند Z … مجموع … در زمستان»."""
    whole = interval(ctx.period) if ctx.period is not None else None
    if whole is None:
        return "no_candidate"
    by_days: dict[tuple[int, int], list[Figure]] = {}
    for other in doc.figures:
        days = interval(other.period) if other.period is not None else None
        if other is figure or other.type != "Amount" or days is None or \
                not _same_dimension(other, figure) or days == whole or \
                not whole[0] <= days[0] < days[1] <= whole[1] or \
                agreement(other.subject, replace(ctx.subject, total=False)) is None:
            continue
        by_days.setdefault(days, []).append(other)
    parts: list[Figure] = []
    end = whole[0]
    for days in sorted(by_days):
        if days[0] != end:
            return "no_candidate"  # a gap or an overlap: not the whole period's parts
        one = _one_quantity(by_days[days])
        if one is None:
            return "ambiguous_candidate"
        parts.append(one)
        end = days[1]
    return tuple(parts) if end == whole[1] and len(parts) >= _PAIR else "no_candidate"


def _share_place(figure: Figure) -> str | None:
    """The place a share is of: «عراق با ۴۸ درصد», «۵۳ درصد … چین»."""
    subject = figure.subject
    if subject.party:
        return subject.party
    if subject.importer not in (None, REPORTER):
        return subject.importer
    return None


def _whole_words(figure: Figure) -> tuple[int, ...]:
    """The positions of the words naming a share's whole: from its share word to it, and
    after it up to «و», a mark or a verb."""
    items = figure.sentence.items
    start = max((k for k in range(figure.position) if "share_word" in items[k].features),
                default=figure.position)
    end = figure.position + 1
    while end < len(items) and items[end].text not in ("و", *_CLAUSE_MARKS) and \
            "verb" not in items[end].features:
        end += 1
    return (*range(start, figure.position), *range(figure.position + 1, end))


_RANKED = frozenset({"نخست", "اول", "برتر", "بزرگ", "عمده", "اصلی"})  # «سه کشور نخست»


def _share_of_a_place(figure: Figure) -> bool:
    """Whether the words before a figure make it one part's share, not the list's: «… سه
    خریدار اصلی بودند و سهم عراق در میان آنها ۵۷ درصد بود» is Iraq's, «ایران با ۳۱
    میلیون تن … سهم آن از تولید جهان ۱٫۶ درصد» is the one place's; «ژاپن با X و کره
    با Y … سهم هر کدام از صادرات جهان ۳ درصد», «هر یک حدود ۲٫۸ درصد» is each one's."""
    items = figure.sentence.items
    start = _clause_bounds(figure.sentence, figure.position)[0]
    return any("each_word" in items[k].features for k in range(start, figure.position)) or \
        any("share_word" in items[k].features and (
            place_of(items[k + 1]) is not None or items[k + 1].text == "آن")
            for k in range(start, figure.position - 1))


def _whole_is_listed_places(figure: Figure) -> bool:
    """Whether a share's whole is named as the places listed, by their count and role or
    as the ones named: «سهم چین از صادرات به چهار مقصد نخست», «… به کشورهای مذکور»,
    «… به این کشورها», «… به سه کشور یادشده»."""
    items = figure.sentence.items
    return any(_names_listed(items, k) for k in _whole_words(figure))


def _names_listed(items: Sequence[Item], k: int) -> bool:
    if k + 1 >= len(items):
        return False
    word, after = items[k], items[k + 1]
    counted = isinstance(getattr(word, "value", None), NumberValue)
    if counted and "seller_word" in after.features:
        return True  # «چهار مقصد نخست»
    if "group_word" in word.features and after.text in LISTED_BEFORE:
        return True  # «کشورهای مذکور»
    if word.text in ("این", "همین") and "group_word" in after.features:
        return True  # «این کشورها»
    return counted and "home_word" in after.features and k + 2 < len(items) and \
        items[k + 2].text in LISTED_BEFORE | _RANKED  # «سه کشور یادشده», «سه کشور نخست»


def _total_of_a_list(figure: Figure) -> bool:
    """Whether the words of a figure's clause before it name it the total of places or
    goods listed: «مجموع صادرات سه کشور نخست ۷۰۸۸ …», «صادرات این کشورها …»."""
    items = figure.sentence.items
    start, _ = _clause_bounds(figure.sentence, figure.position)
    return any(_names_listed(items, k) or _this_list_at(items, k)
               for k in range(start, figure.position))


def _whole_is_them(figure: Figure) -> bool:
    """Whether the whole of a share is named as the parts listed: «سهم میوه از صادرات
    آنها», «سهم شیلی از صادرات این سه کشور», «فولاد ۲۵ درصد صادرات این سه گروه را»,
    «… به چهار مقصد نخست»; not «سهم ترکیه از صادرات استان ۱۵ درصد و سهم این چهار کشور
    …», of another whole."""
    items = figure.sentence.items
    return _whole_is_listed_places(figure) or any(
        items[k].text == "آنها" or _this_list_at(items, k) for k in _whole_words(figure))


def _points_back(figure: Figure) -> bool:
    """Whether the words before a figure point back at a list: «این سه گروه», «این
    اقلام», «این دو کشور»."""
    items = figure.sentence.items
    start, _ = _clause_bounds(figure.sentence, figure.position)
    return any(_this_list_at(items, k)
               for k in range(max(start, figure.position - _CUE_BEFORE), figure.position - 1))


def _this_list_at(items: Sequence[Item], k: int) -> bool:
    """Whether «این/همین» at ``k`` names a list by its count or kind: «این سه گروه»,
    «این اقلام», «این دو کشور»."""
    if items[k].text not in ("این", "همین") or k + 1 >= len(items):
        return False
    following = items[k + 1]
    return isinstance(getattr(following, "value", None), NumberValue) or \
        "goods_word" in following.features or "both_places" in following.features


def _previous_in_text(doc: Document, sentence: Sentence) -> Sentence | None:
    return doc.sentences[sentence.index - 1] if sentence.index > 0 else None


def _count_near(sentence: Sentence, position: int) -> int | None:
    """A count of things beside a figure: «این سه گروه», «پنج قلم عمده», «این چهار کشور»."""
    items = sentence.items
    start, end = _clause_bounds(sentence, position)
    for k in range(max(start, position - _CUE_BEFORE), min(end, position + _CUE_AFTER)):
        item = items[k]
        if "both_places" in item.features:
            return _PAIR  # "این دو کشور"
        value = getattr(item, "value", None)
        if isinstance(value, NumberValue) and k + 1 < len(items) and \
                items[k + 1].kind == "word" and len(value.readings) == 1:
            reading = value.readings[0]
            if reading.decimals == 0 and value.scale == 0 and 1 < reading.value <= 20:
                return int(reading.value)
    return None


def _antecedent(doc: Document, figure: Figure, taken: set[int]) -> list[Figure]:
    """The amount «این رقم», «از این رقم» refers to: the last one before the anaphor in
    the text."""
    sentence = figure.sentence
    items = sentence.items
    anaphors = [k for k, item in enumerate(items)
                if ("anaphor" in item.features or "pronoun" in item.features)
                and abs(k - figure.position) <= _CUE_AFTER]
    if not anaphors and "anaphor" in figure.roles:
        # "این میزان … نسبت به …، بیست درصد افزایش": the sentence opens with it
        anaphors = [k for k, item in enumerate(items[:2]) if "anaphor" in item.features]
    if not anaphors:
        return []
    at = anaphors[0]
    earlier = [f for f in doc.figures[:figure.order + 1] if f.type == "Amount"
               and f.order not in taken and (f.sentence.index < sentence.index or (
                   f.sentence is sentence and f.position < at))]
    if len(earlier) >= _PAIR and earlier[-2].sentence is earlier[-1].sentence and \
            earlier[-2].value.dimension != earlier[-1].value.dimension and \
            earlier[-1].position - earlier[-2].position <= _PAIR_GAP:
        return earlier[-2:]  # "۱۰ میلیارد دلار و ۲۰ میلیون تن … این رقم": either, by measure
    return earlier[-1:]


def _agent_subject(slot: Slot, ctx: ClaimContext, filled: Mapping[str, Figure],
                   ) -> Subject | None:
    """"کل صادرات … X بود و عراق ۲۰ درصد آن را": the whole's flow, to the place named;
    "سهم چین از صادرات ایران": the whole the words name, to the place named."""
    whole = filled[slot.subject[9:]].subject if slot.subject != "agent" else ctx.whole
    agent = ctx.agent
    if whole is not None and ctx.agent_product and agent is None:
        return replace(whole, product=ctx.agent_product, total=False)  # "سهم فولاد از …"
    if whole is not None and agent is not None and whole.flow in OWN_FLOWS:
        # "سهم شیلی از تولید جهانی مس": the production of the place named
        return replace(whole, exporter=agent, total=False) if whole.exporter != agent \
            else None
    if whole is None or agent is None or whole.flow != "goods":
        return None
    if _qualifier(whole.product):
        # "کل صادرات غیرنفتی … و افغانستان ۵ درصد آن را": the exports to Afghanistan, of
        # the goods the whole is of, whether the words name them so or not
        whole = replace(whole, product=_EITHER + whole.product)
    if whole.importer is None:
        return replace(whole, importer=agent, total=False)
    if whole.exporter is None:
        return replace(whole, exporter=agent, total=False)
    return None


def _qualifier(product: str) -> bool:
    return bool(product) and bool(lexicon().features(product).get("qualifier"))


def _subject_for(slot: Slot, ctx: ClaimContext, filled: Mapping[str, Figure],  # noqa: PLR0911
                 ) -> Subject | None:
    if slot.subject in ("exports", "imports"):
        return _flows(ctx, slot.subject == "exports")
    if slot.subject.startswith("agent_of:") or slot.subject == "agent":
        return _agent_subject(slot, ctx, filled)
    if slot.subject in ("versus", "trade_part", "trade_other"):
        part = ctx.versus if slot.subject == "versus" else ctx.trade_part
        if part is None or slot.subject != "trade_other":
            return part
        return replace(part, exporter=part.importer, importer=part.exporter)
    if slot.subject == "trade":
        pair = ctx.subject.pair
        if len(pair) != 2:
            return None
        return Subject("trade", pair=pair, product=ctx.subject.product,
                       measure=ctx.subject.measure)
    if slot.measure:
        return _priced_subject(slot, ctx, filled)
    if slot.subject == "part_named":
        return _part_named(ctx)
    if slot.subject == "whole":
        # The whole the words after the share name; else the part with its partner
        # opened: all partners, or the flow as a whole.
        part = filled[slot.of].subject
        if ctx.whole is not None:
            return replace(ctx.whole, measure=part.measure or ctx.whole.measure)
        if part.flow == "goods" and part.importer not in (None, REPORTER):
            return replace(part, importer=None, party=None, total=True)
        if part.flow == "goods" and part.exporter not in (None, REPORTER):
            return replace(part, exporter=None, party=None, total=True)
        return replace(part, party=None, total=True)
    return _wanted_subject(slot, ctx, filled)


def _part_named(ctx: ClaimContext) -> Subject | None:
    """«صادرات به ارمنستان که ۵٫۵ درصد کل صادرات استان را تشکیل می‌داد»: the flow the
    words name the rate of, where it is a part of the whole named after the rate: the
    same flow, narrower by a partner or by goods."""
    part, whole = ctx.subject, ctx.whole
    if whole is None or ctx.agent is not None or part.flow != "goods" or \
            whole.flow != "goods" or part.source != whole.source:
        return None
    same_goods = part.product == whole.product
    narrower = (same_goods and part.exporter == whole.exporter and whole.importer is None
                and part.importer not in (None, REPORTER)) or (
        same_goods and part.importer == whole.importer and whole.exporter is None
        and part.exporter not in (None, REPORTER)) or (
        not whole.product and part.product and not part.product.startswith(_EITHER)
        and (part.exporter, part.importer) == (whole.exporter, whole.importer))
    return replace(part, total=False, measure=whole.measure or part.measure) \
        if narrower else None


def _priced_subject(slot: Slot, ctx: ClaimContext, filled: Mapping[str, Figure],
                    ) -> Subject | None:
    """The money (``top``) or the mass (``bottom``) of a unit price's goods; the total
    of an amount per day (``daily``)."""
    if slot.measure == "daily":
        dimension = ctx.dimension.removesuffix(PER_DAY)
        return replace(_wanted_subject(slot, ctx, filled),
                       measure=MEASURES.get(dimension, ""))
    if ctx.per is None or not ctx.per[0]:
        return None
    dimension = ctx.per[1] if slot.measure == "bottom" else ctx.dimension
    if slot.measure == "bottom" and dimension == "person":
        # "سهم هر نفر ۱۵ کیلوگرم": per head of the population, of no goods
        return Subject(f"{OTHER}population", measure=MEASURES["person"])
    subject = _wanted_subject(slot, ctx, filled)
    return replace(subject, measure=MEASURES.get(dimension, "?"))


def _measure_agrees(a: Subject, b: Subject) -> int | None:
    """For a slot that asks for any subject: only the measure must not conflict."""
    return None if a.measure and b.measure and a.measure != b.measure else 0


def _score(doc: Document, candidate: Figure, subject: Subject, slot: Slot,  # noqa: PLR0917  a slot's whole context
           ctx: ClaimContext, filled: Mapping[str, Figure]) -> int | None:
    """How well a candidate agrees with the subject a slot wants, or None."""
    if slot.subject == "any":
        return _measure_agrees(candidate.subject, subject)
    score = agreement(candidate.subject, subject)
    if score is None and slot.subject == "whole" and slot.find == "antecedent" and \
            slot.of == "part" and ctx.whole is None:
        # «… سهمی ۴۰ درصدی از این رقم»: the figure it names, where the part is of it
        part = filled["part"]
        return _holds(candidate.subject, part.subject) \
            if _listed_with(doc, candidate, part) else None
    return score


def _listed_with(doc: Document, whole: Figure, part: Figure) -> bool:
    """Whether the places of the part's sides are named on the line of the whole before
    it («آلمان، ایتالیا و هلند …؛ این سه کشور در مجموع X»), so the part is one of its
    group (not «کشورهای آسیایی X … آلمان با Y … از این رقم»)."""
    named: set[str | None] = set()
    for sentence in doc.sentences:
        if sentence.line == whole.sentence.line and sentence.index <= whole.sentence.index:
            end = whole.position if sentence is whole.sentence else len(sentence.items)
            named |= {place_of(item) for item in sentence.items[:end]}
    sides = {part.subject.exporter, part.subject.importer} - {None, REPORTER}
    return bool(sides) and sides <= named


def _holds(whole: Subject, part: Subject) -> int | None:
    """Whether a figure «این رقم» names can be the whole of a part: the same flow, goods
    and source, and each side the part's or left open («این چهار کشور در مجموع X دلار
    کالا به ایران فروختند و آلمان با Y …»: Germany's sales to Iran are of it)."""
    if whole.flow != "goods" or part.flow != "goods" or whole.each or part.each or \
            whole.source != part.source or whole.basis != part.basis or whole.party or \
            (whole.measure and part.measure and whole.measure != part.measure) or \
            (whole.product and whole.product != part.product):
        return None
    sides = ((whole.exporter, part.exporter), (whole.importer, part.importer))
    if any(w is not None and w != p for w, p in sides) or all(w == p for w, p in sides):
        return None
    return 1


def _is_whole(candidate: Figure, part: Figure) -> bool:
    """A whole has no partner of its own where the part has one."""
    c, p = candidate.subject, part.subject
    if c.party and c.party == p.party:
        return False
    if p.product and not c.product:
        return True  # "مصالح ساختمانی … ۲۶ درصد ارزش صادرات به عراق": all goods
    if p.flow == "goods" and c.flow == "goods":
        return (p.importer not in (None, REPORTER) and c.importer in (None, REPORTER)) or \
            (p.exporter not in (None, REPORTER) and c.exporter in (None, REPORTER)) or \
            bool(p.party and not c.party)
    return bool(p.party and not c.party) or (c.total and not p.total)


def _fill(doc: Document, figure: Figure, slot: Slot, ctx: ClaimContext,  # noqa: PLR0911, PLR0912, PLR0917  one test per ask of the slot
          filled: Mapping[str, Figure], formula: str = "") -> Figure | str:
    found = _candidates(doc, figure, slot, ctx, filled)
    if isinstance(found, str):
        return found
    subject = _subject_for(slot, ctx, filled)
    if subject is None:
        return "no_candidate"
    period = _wanted_period(slot, ctx, filled)
    scored: list[tuple[int, Figure]] = []
    for candidate in found:
        if formula in _IN_ITS_MONEY and figure.type == "Amount" and \
                candidate.value.dimension and figure.value.dimension and \
                candidate.value.dimension != figure.value.dimension:
            continue  # a balance in dollars is of amounts in dollars, not of yuan
        if any(_same_dimension(candidate, other) is False and other.value.dimension
               and candidate.value.dimension != other.value.dimension
               and slot.subject.startswith("slot:") for other in filled.values()):
            continue
        score = _score(doc, candidate, subject, slot, ctx, filled)
        if score is None or not _period_fits(candidate, period):
            continue
        if slot.subject == "whole" and not _whole_fits(candidate, slot, ctx, filled):
            continue
        if slot.subject == "whole" and slot.find != "antecedent" and \
                _total_of_a_list(candidate) and not _whole_is_them(figure):
            # the total of places listed («مجموع صادرات سه کشور نخست») is the whole only
            # of a share whose words name them («… از صادرات این سه کشور»); where the
            # words name another whole, the reading is in doubt
            return "ambiguous_candidate"
        if slot.restates and not _restates(figure, candidate):
            continue
        if not _unfit(candidate, slot, subject, ctx):
            scored.append((score, candidate))
    unfilled = _unfilled(slot, subject, scored)
    if unfilled:
        return unfilled
    if slot.find == "near":  # the nearest that agrees
        return _refined(doc, scored[0][1], filled)
    best = max(score for score, _ in scored)
    top = [c for score, c in scored if score == best]
    if len(top) > 1:
        one = _one_quantity(top)
        if one is None:
            return "ambiguous_candidate"
        return _refined(doc, one, filled)
    return _refined(doc, top[0], filled)


_IN_ITS_MONEY = frozenset({"balance", "balance_of_trade_total", "sum", "difference", "mean"})
"""Formulas whose stated amount is in its operands' own unit."""


def _whole_fits(candidate: Figure, slot: Slot, ctx: ClaimContext,
                filled: Mapping[str, Figure]) -> bool:
    """Whether a candidate may be the whole of the part filled before: a whole (where the
    words name none) in the part's money (not the whole restated in rials: «ارزش ریالی
    این قراردادها … ریال»)."""
    part = filled.get(slot.of)
    if part is None:
        return True
    if ctx.whole is None and not _is_whole(candidate, part):
        return False
    return not candidate.value.dimension or part.value.dimension in (
        "", candidate.value.dimension)


def _unfilled(slot: Slot, subject: Subject, scored: Sequence[tuple[int, Figure]]) -> str:
    """Why candidates that agree fill no slot: there are none; or the figure names no
    measure and they are of several («صادرات نفت ۳٫۷ درصد کاهش یافت», tonnes and dollars
    of both years printed: which the words do not say, and a closer name is no measure)."""
    if not scored:
        return "no_candidate"
    if slot.find == "search" and not subject.measure and \
            len({c.subject.measure for _, c in scored}) > 1:
        return "ambiguous_candidate"
    return ""


def _unlinked(frame: Frame, figure: Figure, operands: Iterable[Figure]) -> bool:
    """Operands that agree only because the words say nothing: a change whose sentence
    names no flow, or an operand whose sentence names none, ties nothing on another line;
    a place's own production takes no amount the words do not call so; a restatement
    restates only a value of a named flow."""
    if frame.kind == V.CHANGE:
        return any((not f.subject.flow or not figure.subject.flow) and f.line != figure.line
                   for f in operands) or (figure.subject.flow in OWN_FLOWS and any(
                       not f.subject.flow for f in operands))
    if frame.id == "other.restated":
        return not figure.subject.flow or any(not f.subject.flow for f in operands)
    return False


def _unfit(candidate: Figure, slot: Slot, subject: Subject, ctx: ClaimContext) -> bool:
    """A candidate that agrees yet cannot fill the slot: a price's money or mass in
    another unit («هر بشکه»: barrels, not barrels a day); a share's part that is the
    whole of its goods («سهم گندم آبی از تولید»: all the wheat is no part of it)."""
    if candidate.comparator in _BOUNDS and candidate.value.comparator == V.EQUAL and \
            candidate.sentence.headline and not slot.comparator and not slot.restates:
        # a headline's «… از ۴٫۶ هزار میلیارد گذشت»: a threshold passed, which sums up the
        # value its body prints, no value to compute with (in the body, a value written so
        # is read as the number printed, as writers compute with it)
        return True
    if slot.measure == "daily":
        return candidate.value.dimension != ctx.dimension.removesuffix(PER_DAY)
    if slot.measure and ctx.per is not None and candidate.value.dimension != (
            ctx.per[1] if slot.measure == "bottom" else ctx.dimension):
        return True
    return slot.name == "part" and _broader(candidate.subject.product, subject.product)


def _broader(candidate: str, wanted: str) -> bool:
    """Whether a candidate's goods are the wanted goods less their qualifier («گندم» for
    «گندم آبی»): the whole of them, no part."""
    have, want = candidate.split(), wanted.lstrip(_EITHER).split()
    return 0 < len(have) < len(want) and [_stem(w) for w in have] == \
        [_stem(w) for w in want[:len(have)]]


def _refined(doc: Document, figure: Figure, filled: Mapping[str, Figure]) -> Figure:
    """The most precise printing of the same quantity: a figure of the same subject and
    period whose interval meets this one's and is narrower («حدود ۷.۵ میلیارد» → 7.492)."""
    if figure.period is None:
        return figure
    best = figure
    low, high = _scaled(figure.value)
    taken = {f.order for f in filled.values()}
    for other in doc.figures:
        if other is figure or other.type != "Amount" or other.order in taken or \
                not _same_dimension(other, figure) or other.period is None:
            continue
        if same(other.period, figure.period) != YES or \
                agreement(other.subject, figure.subject) is None:
            continue
        other_low, other_high = _scaled(other.value)
        if other_low <= high and other_high >= low and \
                other_high - other_low < _scaled(best.value)[1] - _scaled(best.value)[0]:
            best = other
    return best


def _scaled(value: QuantityValue) -> tuple[float, float]:
    """The interval a quantity's default reading stands for, in its dimension's base
    unit (floats are enough to tell restatements apart; verdicts never use them)."""
    reading = value.readings[0]
    half = 0.5 * 10.0 ** -reading.decimals
    scale = 10.0 ** value.power
    return (float(reading.value) - half) * scale, (float(reading.value) + half) * scale


def _one_quantity(figures: Sequence[Figure]) -> Figure | None:
    """Where several agreeing figures are one quantity printed more than once (their
    intervals meet), the most precise of them; else None."""
    intervals = [_bounds(f) for f in figures]
    low = max(lo for lo, _ in intervals)
    high = min(hi for _, hi in intervals)
    if low > high:
        return None
    middles = [sum(_scaled(f.value)) / 2 for f in figures]
    if min(middles) <= 0 or max(middles) / min(middles) > _RESTATED_RATIO:
        return None  # "از ۷ میلیون دلار بالغ شد" and 302 million: two quantities
    return min(figures, key=lambda f: _bounds(f)[1] - _bounds(f)[0])


def _bounds(figure: Figure) -> tuple[float, float]:
    """What a printed quantity allows, its comparator read: «از ۴۸ میلیارد دلار گذشت»
    is more than 48 billion, «کمتر از X» less than X."""
    low, high = _scaled(figure.value)
    if figure.comparator in (V.MORE, V.AT_LEAST):
        return low, math.inf
    if figure.comparator in (V.LESS, V.AT_MOST):
        return -math.inf, high
    return low, high


def contradicts_itself(doc: Document, counted: set[int]) -> bool:
    """Whether a reading of a text gives one subject two values for one period: a figure
    whose period is counted from the text's year (``counted``, by order: «سال گذشته این
    رقم X بود») beside another of the same flow, sides, goods and measure in that period
    with a value its rounding does not reach. Such a reading is not the text's."""
    for figure in doc.figures:
        if figure.order not in counted or figure.type != "Amount" or figure.period is None:
            continue
        low, high = _bounds(figure)
        for other in doc.figures:
            if other is figure or other.type != "Amount" or other.period is None or \
                    other.value.dimension != figure.value.dimension or \
                    other.subject != figure.subject or \
                    same(other.period, figure.period) != YES:
                continue
            other_low, other_high = _bounds(other)
            if other_high < low or high < other_low:
                return True
    return False


def _restates(figure: Figure, candidate: Figure) -> bool:
    """Whether ``figure`` restates ``candidate`` less precisely, or as a threshold: the
    candidate is more precise, and the two are of one dimension; in one sentence only as a
    threshold («به ۱۰۳۰ میلیون دلار رسید و از یک میلیارد دلار فراتر رفت»; not «در ماه‌های
    ژوئیه، اوت و سپتامبر به ترتیب X، Y و Z»: quantities side by side, none the others)."""
    comparator = figure.comparator
    if not _same_dimension(figure, candidate) or (
            figure.sentence is candidate.sentence and comparator == V.EQUAL):
        return False
    stated, printed = _scaled(figure.value), _scaled(candidate.value)
    width_stated, width_printed = stated[1] - stated[0], printed[1] - printed[0]
    middle_stated, middle_printed = sum(stated) / 2, sum(printed) / 2
    if middle_stated <= 0 or not (1 / _RESTATED_RATIO <= middle_printed / middle_stated
                                  <= _RESTATED_RATIO):
        return False  # far apart: two quantities, not one printed twice
    return width_printed < width_stated or (comparator != V.EQUAL and
                                            width_printed <= width_stated)


def _applies(frame: Frame, ctx: ClaimContext) -> bool:
    """Whether the figure has what a frame's slots start from: two goods named for their
    total, a place named after «برابر», the flow of a two-way trade, a percentage."""
    finds = {slot.find for slot in frame.slots}
    asks = {slot.subject for slot in frame.slots}
    measures = {slot.measure for slot in frame.slots}
    parted = any(slot.period == "part" for slot in frame.slots)
    return parted == (ctx.part_period is not None) and not (
        ("shares" in finds and ctx.dimension != "percent")
        or ("daily" in measures and not ctx.dimension.endswith(PER_DAY))
        or ("goods" in finds and len(ctx.subject.product.split(" و ")) != _PAIR)
        or ("versus" in asks and ctx.versus is None)
        or ("trade_part" in asks and ctx.trade_part is None))


def _bare_enough(frame: Frame, figure: Figure, ctx: ClaimContext) -> bool:
    """A frame whose values are all on other lines reads only a figure whose clause names
    nothing it could be of instead: no period of its own, no base («نسبت به عراق»), no
    other flow or place after it, no span of years («طی دو سال سه برابر شد»)."""
    if not any(slot.side == "elsewhere" for slot in frame.slots):
        return True
    periods = [item for item in figure.sentence.items
               if item.kind == "mention" and item.type == "Period"]
    # (none, or only the figure's own, one whole year: «صادرات … در سال ۲۰۲۳ دو برابر شد»
    # is against the year before; a month, quarter or half may be against the one before
    # it, «تا پایان سال» against the year's start, which the words do not say)
    own = figure.own_period
    named = not periods or (len(periods) == 1 and own is not None and own.last_year is None
                            and not own.rolling and own.relative is None
                            and own.months is None
                            and getattr(periods[0], "rule", "") == "period.year"
                            and not _bounded(figure.sentence.items, periods[0]))
    return named and ctx.versus is None and \
        ctx.versus_period is None and not ctx.cues & _NAMES_A_BASE


def _bounded(items: Sequence[Item], period: Item) -> bool:
    """Whether a period is the end or start of a stretch («تا پایان سال ۲۰۲۳», «از سال
    ۲۰۲۲»), not the span a figure is of."""
    k = next(i for i, item in enumerate(items) if item is period)
    before = items[max(0, k - 2):k]
    return any({"year_start", "year_end"} & item.features.keys()
               or item.text in ("تا", "از", "طی", "ظرف") for item in before)


_NAMES_A_BASE = frozenset({"base_marker", "years_word", "between_word", "relative_to_named",
                           "relative_year", "this_period", "same_period"})


def _cues_ok(frame: Frame, ctx: ClaimContext) -> bool:
    if (frame.flows and ctx.subject.flow not in frame.flows) or not _applies(frame, ctx):
        return False
    cues = ctx.cues
    if frame.cue_after:
        cues = frozenset().union(*ctx.after[:frame.cue_after])
    elif frame.cue_before:
        cues = frozenset().union(*ctx.before[:frame.cue_before])
    if frame.cue and frame.cue.isdisjoint(cues):
        return False
    return frame.cue_all <= ctx.cues and frame.no_cue.isdisjoint(ctx.cues)


def _attempt(doc: Document, figure: Figure, frame: Frame, ctx: ClaimContext) -> _Attempt:
    attempt = _Attempt(frame)
    for slot in _fill_order(frame.id, frame.slots):
        if slot.find in ("goods", "shares", "periods", "places"):
            parts = _goods_parts(doc, figure, ctx) if slot.find == "goods" else \
                _shares_of_places(doc, figure) if slot.find == "shares" else \
                _places_parts(doc, figure, ctx) if slot.find == "places" else \
                _periods_parts(doc, figure, ctx)
            if isinstance(parts, str):
                attempt.failed = parts
                return attempt
            attempt.many[slot.name] = parts
            attempt.filled |= {f"{slot.name}#{n}": f for n, f in enumerate(parts)}
            attempt.filled[slot.name] = parts[-1]  # (each part is taken: no whole of them)
            # (a mean over periods may weight each by its days: only a match is a verdict)
            attempt.partial = slot.find == "periods" and frame.formula == "mean"
            continue
        if slot.find == "breakdown":
            found = _breakdown_parts(doc, figure)
            if isinstance(found, str):
                attempt.failed = found
                return attempt
            parts, attempt.partial = found
            attempt.many[slot.name] = parts
            attempt.filled |= {f"{slot.name}#{n}": f for n, f in enumerate(parts)}
            attempt.filled[slot.name] = parts[-1]
            continue
        if slot.find == "group":
            group = _group(doc, figure, any(s.find == "member" for s in frame.slots))
            tabled = () if group else _table_group(doc, figure, ctx)  # (its rows are the list)
            if tabled:
                group = tabled
            elif len(group) < 2 or not _group_agrees(group, ctx.subject,
                                                     _points_at_list(figure), ctx.period) or (
                    frame.formula == "share_of_sum" and
                    group[0].sentence is not figure.sentence and _one_member(figure, group)):
                attempt.failed = "no_candidate"
                return attempt
            attempt.many[slot.name] = group
            attempt.filled |= {f"{slot.name}#{n}": f for n, f in enumerate(group)}
            attempt.filled[slot.name] = group[-1]
            continue
        got = _fill(doc, figure, slot, ctx, attempt.filled, frame.formula)
        if isinstance(got, str):
            attempt.failed = got
            return attempt
        attempt.filled[slot.name] = got
    attempt.failed = _misfit(attempt, figure, ctx) or _trade_holds_more(doc, figure, attempt, ctx)
    return attempt


_MORE_THAN_GOODS = frozenset({"خدمات", "خدماتی", "ترانزیت", "ترانزیتی"})
"""Words that make a trade more than goods («تجارت کالا و خدمات», «با احتساب ترانزیت»),
looked for in the whole line, asides in brackets too; they stay goods' names, as
«صادرات خدمات» is of services."""


def _trade_holds_more(doc: Document, figure: Figure, attempt: _Attempt, ctx: ClaimContext) -> str:
    """Trade taken as exports plus imports, where the words say it holds more than goods
    («تجارت کالا و خدمات», «با احتساب کالاهای ترانزیتی»); or is the world's (whose
    exports are its imports); or is a place's with all its partners and the text prints
    another flow of that place for the period, of other goods («صادرات غیرنفتی X، صادرات
    مجدد Y و واردات Z»): which flows the total holds the words do not say."""
    exports, imports = attempt.filled.get("exports"), attempt.filled.get("imports")
    if attempt.frame.formula != "sum" or exports is None or imports is None:
        return ""
    if any(token.text in _MORE_THAN_GOODS for token in figure.sentence.source.tokens) or \
            WORLD in (exports.subject.exporter, imports.subject.importer):
        return "no_candidate"
    return "ambiguous_candidate" if not ctx.subject.pair and \
        _another_flow_printed(doc, exports, imports) else ""


def _another_flow_printed(doc: Document, exports: Figure, imports: Figure) -> bool:
    """Whether the text prints, for the period of ``exports``, a flow of the same sides
    as one of the two but of other goods and another value."""
    for other in doc.figures:
        subject = other.subject
        if other.type != "Amount" or other is exports or other is imports or \
                subject.flow != "goods" or \
                not _same_dimension(other, exports) or other.period is None or \
                exports.period is None or same(other.period, exports.period) != YES:
            continue
        if any((subject.exporter, subject.importer) == (
                taken.subject.exporter, taken.subject.importer)
                and subject.product != taken.subject.product
                and (other.value.readings, other.value.power) != (
                    taken.value.readings, taken.value.power) for taken in (exports, imports)):
            return True
    return False


_INSTITUTIONS = (("گمرک",), ("بانک", "مرکزی"), ("مرکز", "آمار"), ("سازمان", "توسعه", "تجارت"),
                 ("وزارت", "صمت"), ("اتاق", "بازرگانی"), ("یورواستات",), ("یورو", "استات"),
                 ("بانک", "جهانی"), ("صندوق", "بینالمللی", "پول"), ("اوپک",))
"""The bodies whose statistics a text may set side by side («به گزارش گمرک …؛ بانک
مرکزی اما … را X اعلام کرد»), as folded words."""


def _institutions(figure: Figure) -> frozenset[tuple[str, ...]]:
    """The bodies a figure's line names."""
    words = [token.text for token in figure.sentence.source.tokens]
    return frozenset(name for name in _INSTITUTIONS for k in range(len(words))
                     if tuple(words[k:k + len(name)]) == name)


def _other_body(attempt: _Attempt, figure: Figure) -> bool:
    """Whether an amount restating another is said by another body than it: customs'
    and the central bank's figures of one flow differ and are no error."""
    value = attempt.filled.get("value")
    if attempt.frame.formula != "value" or value is None:
        return False
    mine, theirs = _institutions(figure), _institutions(value)
    return bool(mine) and bool(theirs) and not mine & theirs


def _misfit(attempt: _Attempt, figure: Figure, ctx: ClaimContext) -> str:
    """Why a reading with every slot filled does not hold after all ("" where it does)."""
    frame = attempt.frame
    old, new = attempt.filled.get("old"), attempt.filled.get("new")
    whole = attempt.filled.get("whole")
    # (a listed part is put in the list's place first: `_part_listed`)
    # (a share of the parts listed is of them, not of another whole: «سهم چین از صادرات
    # به چهار مقصد نخست»; and of them only where the words name them so)
    misfit = (frame.formula == "share_of_listed" and (
        not _part_listed(attempt) or not _whole_is_them(figure))) or (
            frame.formula == "share" and figure.type == "Percent"
            and _whole_is_listed_places(figure)
            # (not of the total printed for them: «سهم چین از مجموع صادرات سه کشور نخست»)
            and not (whole is not None and _total_of_a_list(whole))) or \
        (_formula_misfit(frame.formula, figure, ctx)
         and not any(slot.find == "periods" for slot in frame.slots)) or (
            # a rate of a change whose value after it is of another clause or period
            frame.formula in _RATE_OF_CHANGE and new is not None
            and not _reached_right_after(new, figure)) or (
            # a change as an amount of another subject, day or part after «از X به Y»
            frame.formula == "difference" and old is not None and new is not None
            and "from" in old.roles and not _follows_directly(new, figure)) or (
            # «سهم این دو کشور»: of the two, not of one part
            frame.formula == "share" and _share_of_listed(figure)) or \
        _other_period_named(frame, figure) or _other_body(attempt, figure) or \
        _whole_is_listed(attempt) or _prices_not_flows(attempt, figure) or (
            # nor is the share of one named part «سهم لبنیات از … آنها» that of them all
            frame.formula == "share_of_sum" and bool(ctx.agent or ctx.agent_product
                                                     or _share_of_a_place(figure)))
    return "no_candidate" if misfit else ""


def _prices_not_flows(attempt: _Attempt, figure: Figure) -> bool:
    """Whether a unit price is of no flow its words name: a price quote and a stock
    («آلومینیوم … به ۲۲۴۸ دلار رسید», «موجودی مس انبارها … ۱۲۴ هزار تن») are not a
    value and a weight of the same sales, nor is a market's price («قیمت مس در بورس لندن
    ۸۴۰۰ دلار») the value of one country's exports over their weight: a unit price names
    its flow («قیمت هر کیلوگرم میگوی صادراتی», «هر بشکه … فروخته شد»), is per head, or
    is drawn from the sentence before («بر این اساس متوسط قیمت هر بشکه …»)."""
    if attempt.frame.formula != "unit_price":
        return False
    per_head = figure.per is not None and figure.per[1] == "person"
    items = figure.sentence.items
    drawn = consequence(items) or tuple(x.text for x in items[:3]) == ("بر", "این", "اساس") \
        or (bool(items) and items[0].text == "یعنی")
    return not figure.subject.flow and not per_head and not drawn


def _other_period_named(frame: Frame, figure: Figure) -> bool:
    """A multiple of another place or goods whose sentence names a period it is not read
    as of («در سال ۲۰۲۲ صادرات مس شیلی ۲۴ میلیارد دلار بود که دو برابر پرو بود», the
    text speaking of 2023): which year's values it compares the words do not make sure."""
    own = figure.sentence.own
    return any(slot.subject == "versus" for slot in frame.slots) and own is not None and (
        figure.period is None or same(figure.period, own) != YES)


_CONSEQUENCE = frozenset({"و", "،", ",", "؛", ";", "یعنی", "بنابراین", "پس"})


def _follows_directly(reached: Figure, figure: Figure) -> bool:
    """Whether a change as an amount follows right on the value reached, nothing but a
    verb and «و»/«یعنی» between («به Y رسید؛ یعنی Z کاسته شد», «به Y رسید و Z کاهش
    یافت»): not «… و ذخایر شانگهای Z کاهش یافت», «… در حالی که در هفته قبل Z …», nor a
    part of it («… که Z از این کاهش …»)."""
    items = figure.sentence.items
    after = [item.text for item in items[figure.position + 1:figure.position + 3]]
    if "part" in figure.roles or (after[:1] == ["از"] and after[1:] in (["این"], ["آن"])):
        return False  # («… که ۵ هزار تن از این کاهش مربوط به …»: a part of it)
    if reached.sentence is figure.sentence:
        between = list(items[reached.position + 1:figure.position])
    else:
        between = [*reached.sentence.items[reached.position + 1:], *items[:figure.position]]
    if between and between[-1].text == "که":
        between = between[:-1]  # «… به Y رسید که Z کمتر شده است»
    # and after it its change word and verb only, «از ذخایر» between at most: not «۳
    # هزار تن کاهش در روز جمعه ثبت شد», a part of the change on a day of its own
    tail = list(itertools.takewhile(lambda item: item.text not in _CLAUSE_MARKS,
                                    items[figure.position + 1:]))
    loose = [item for k, item in enumerate(tail) if not (
        {"direction", "verb", "reach_verb", "become_verb"} & item.features.keys()
        or item.text == "از" or (k and tail[k - 1].text == "از"))]
    return not loose and all(item.text in _CONSEQUENCE or {
        "verb", "reach_verb", "become_verb"} & item.features.keys() for item in between)


def _reached_right_after(reached: Figure, figure: Figure) -> bool:
    """Whether the value a change led to is written right after its rate, in its clause,
    with nothing but the change word, its verb, «و» and «به» between («… ۱٫۸ درصد
    افزایش به ۸۷۵۵ دلار رسید»), and is reached then (not «رسیده بود», «خواهد رسید»)."""
    if reached.sentence is not figure.sentence or reached.position < figure.position:
        return False
    items = figure.sentence.items
    # («… ۳٫۷ درصد کاهش یافت و به ۴۸۶ هزار تن رسید»: its change word, a verb and «و»)
    if not all({"direction", "verb"} & item.features.keys()
               or item.text in ("به", "و", "درصدی", ")", "یافت", "داشت", "شد")
               for item in items[figure.position + 1:reached.position]):
        return False
    after = [item.text for item in items[reached.position + 1:reached.position + 3]]
    return after[:2] != ["رسیده", "بود"] and not any(
        text.startswith(FUTURE) for text in after)


def _formula_misfit(formula: str, figure: Figure, ctx: ClaimContext) -> bool:
    """Whether what a formula needs of the stated figure is missing: the days of its
    period (per day), its direction (a rate of a rise or of a fall), a list it is the
    mean of («میانگین ماهانه …» of a year is no mean of a list)."""
    if formula == "per_day":
        return days_of(figure) is None
    if formula in _RATE_OF_CHANGE:
        return ctx.sign != _RATE_OF_CHANGE[formula]
    return formula == "mean" and not _average_of_list(figure)


def _whole_is_listed(attempt: _Attempt) -> bool:
    """Whether a whole found for listed parts is one of them, or of the goods of one of
    them («سیمان با ۴۵۰ … ۴۵ درصد … این سه گروه»: the part restated, not their whole)."""
    whole = attempt.filled.get("whole")
    listed = attempt.many.get("parts", ())
    if whole is None or not listed:
        return False
    products = {f.subject.product for f in listed}
    return whole in listed or (len(products) == len(listed) and whole.subject.product in products)


def _part_listed(attempt: _Attempt) -> bool:
    """Whether the part of «X با ۶۹۰ میلیون دلار ۶۳ درصد … این سه گروه» is one of the
    parts listed: itself, or the listed value it restates (the same goods and number),
    which then stands for it."""
    part, listed = attempt.filled.get("part"), attempt.many.get("parts", ())
    if part is None or part in listed:
        return part is not None
    same_value = [f for f in listed if f.value.readings == part.value.readings
                  and f.value.unit == part.value.unit
                  and f.subject.product == part.subject.product]
    if len(same_value) != 1:
        return False
    attempt.filled["part"] = same_value[0]
    return True


def _against_rate(figure: Figure) -> bool:
    """Whether a percentage is one rate set against another: «۳٫۳ درصد سریع‌تر از رشد کل
    تجارت», «۲ درصد بیشتر از افزایش صادرات», «۵ درصد پایین‌تر از نرخ رشد واردات» (a gap
    in points, which the text prints as «درصد»)."""
    if figure.type != "Percent":
        return False
    items = figure.sentence.items[figure.position + 1:figure.position + 4]
    if not items:
        return False
    first = items[0]
    if "rate_comparative" in first.features:
        return True  # «سریع‌تر از کل تجارت … رشد کرد»: a speed is a rate's
    if first.text.endswith(" از") and "comparator" in first.features:
        rest = items[1:]  # «بیشتر از»: one word
    elif "direction" in first.features and len(items) > 1 and items[1].text == "از":
        rest = items[2:]
    else:
        return False
    # «… از رشد کل تجارت», «… پایین‌تر از نرخ رشد واردات»
    return bool(rest) and ("direction" in rest[0].features or rest[0].text == "نرخ")


def _against_other_place(figure: Figure) -> bool:
    """Whether a percentage sets an amount against another place's in the same period:
    «ترکیه … ۱۸٫۵ میلیون تن تولید کرد که ۱۸٫۶ درصد بیشتر از تولید ایران است», «… که
    ۹٫۷ درصد از تولید ایران بیشتر است», «این رقم ۹٫۷ درصد بیشتر از تولید ایران است»
    (Turkey's over Iran's, no change of either over time); not «… بیشتر از صادرات ایران
    در سال قبل», a period named, nor a place of the amount before it."""
    if figure.type != "Percent":
        return False
    items = figure.sentence.items
    k = figure.position + 1
    first = k < len(items) and "comparator" in items[k].features and \
        items[k].text.endswith(" از")  # «بیشتر از»: one word
    if first:
        k += 1
    elif k + 1 < len(items) and "direction" in items[k].features and items[k + 1].text == "از":
        first, k = True, k + 2
    elif k < len(items) and items[k].text == "از":
        k += 1  # «… درصد از تولید ایران بیشتر است»
    else:
        return False
    while k < len(items) and k <= figure.position + _CUE_AFTER and place_of(items[k]) is None \
            and (items[k].type == "Flow" or (items[k].kind == "word" and
                 "stop" not in items[k].features)):
        k += 1  # «… از تولید فولاد ایران»
    other = place_of(items[k]) if k < len(items) else None
    end = k + 1
    while end < len(items) and not (items[end].kind == PUNCT and items[end].text in _CLAUSE_MARKS) \
            and "verb" not in items[end].features and items[end].text != "و":
        end += 1
    clause = items[figure.position + 1:end]
    if other is None or any(x.type == "Period" for x in clause) or not (
            first or any("direction" in x.features for x in items[k + 1:end])):
        return False
    before = [f for f in figure.sentence.figures
              if f.type == "Amount" and f.position < figure.position]
    if not before:
        return True  # «این رقم … بیشتر از تولید ایران»: of the amount named before
    mine = before[-1].subject
    return other not in (mine.exporter, mine.importer, mine.party, mine.owner, *mine.pair)


def read_figure(doc: Document, figure: Figure) -> Outcome:
    """Every frame tried on one stated figure; its one reading, or why none."""
    ctx = context_of(figure)
    if "forecast" in figure.roles or ("target" in figure.roles
                                      and figure.comparator == V.EQUAL) or \
            _against_rate(figure) or _against_other_place(figure):
        # an aim is no claim of fact; a rate against another rate («۳ درصد سریع‌تر از
        # رشد کل تجارت»), or an amount against another place's («… ۱۸٫۶ درصد بیشتر از
        # تولید ایران»), is no rate of anything the frames read
        return Outcome(figure, None, "no_frame", context=ctx)
    attempts: list[_Attempt] = []
    for frame in frames():
        if figure.type not in frame.stated or not _cues_ok(frame, ctx) or \
                frame.no_roles & figure.roles or not _bare_enough(frame, figure, ctx):
            continue
        attempts.append(_attempt(doc, figure, frame, ctx))
    if not attempts:
        return Outcome(figure, None, "no_frame", context=ctx)
    for attempt in attempts:
        if not attempt.failed and _unlinked(attempt.frame, figure, attempt.filled.values()):
            attempt.failed = "no_candidate"
    done = [a for a in attempts if not a.failed]
    if not done:
        # The attempt that came furthest says best why the figure is not tied.
        # (among those as far, one that found several candidates says more than none)
        deepest = max(attempts, key=lambda a: (len(a.filled), a.failed.startswith("ambiguous"),
                                               a.frame.priority))
        return Outcome(figure, None, deepest.failed, deepest.frame.id, ctx)
    top = max(a.frame.priority for a in done)
    best = [a for a in done if a.frame.priority == top]
    distinct = {tuple(f.order for f in _operands(a)) for a in best}
    if len(distinct) > 1:
        return Outcome(figure, None, "ambiguous_frame", best[0].frame.id, ctx)
    chosen = best[0]
    return Outcome(figure, Reading(chosen.frame, _operands(chosen), chosen.partial),
                   context=ctx)


def days_of(figure: Figure) -> int | None:
    """How many days the period of an amount per day has: «۲٫۵ میلیون تن در روز» of 2023
    is of 365; None where its period is not one the calendar fixes."""
    days = interval(figure.period) if figure.period is not None else None
    return None if days is None else days[1] - days[0]


def whole_of(doc: Document, part: Figure) -> Figure | None:
    """The one figure of the document that is the whole ``part`` is a share of: its flow
    with every partner (or of all goods), in its period; None where none or several
    agree."""
    ctx = ClaimContext(part.subject, part.period, None, 1, frozenset(), (), None,
                       part.value.dimension, (), None, None)
    slot = Slot("whole", "search", subject="whole", of="part", period="slot:part")
    got = _fill(doc, part, slot, ctx, {"part": part})
    return got if isinstance(got, Figure) else None


def _operands(attempt: _Attempt) -> tuple[Figure, ...]:
    """A reading's operands in the formula's order, a group slot giving all its figures."""
    out: list[Figure] = []
    for slot in attempt.frame.slots:
        out.extend(attempt.many.get(slot.name, (attempt.filled[slot.name],)))
    return tuple(out)


