"""What each figure of a text is about: its period, its subject and its role.

The third step of the reader. The mentions of a document's lines
(`chile_trade.core.reader.mentions`) are cut into sentences, and each quantity becomes a
`Figure` with

* its **period** (`chile_trade.core.reader.periods.Period`): the period written right
  after it (``X در سال ۱۴۰۱``) or before it in its sentence, else the one the text is
  speaking of; ``مدت مشابه سال قبل`` takes the months of the period it is compared with,
  ``در این مدت`` the period spoken of, ``یک سال پیش از آن`` the year before the one named;
* its **subject** (`Subject`): the flow (exports, imports, trade) and its two sides, read
  from the flow word that governs it (``صادرات ایران به ترکیه``, ``فروش ترکیه به
  ایران``, ``X کالا از ایران خرید``), the product traded and the measure (value, weight);
* its **roles** in the sentence (`ROLES`): compared with (``نسبت به X``), from and to (``از X
  به Y رسید``), a total (``کل``, ``مجموع``), each of several (``هر یک``).

Nothing here links figures to one another: that is the frames' work
(`chile_trade.core.reader.frames`), by agreement of these attributes.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from chile_trade.core import records
from chile_trade.core import vocabulary as V
from chile_trade.core.reader.lexicon import OWN_FLOWS
from chile_trade.core.reader.lexicon import lexicon as _lexicon
from chile_trade.core.reader.mentions import (
    PER_DAY,
    QUANTITY_TYPES,
    FlowValue,
    Mention,
    NumberValue,
    PeriodValue,
    PlaceValue,
    QuantityValue,
    mentions,
)
from chile_trade.core.reader.numerals import Reading
from chile_trade.core.reader.patterns import Item
from chile_trade.core.reader.periods import Period, interval, shifted
from chile_trade.core.reader.tokens import PUNCT, WORD, Line, Token, tokenize

__all__ = [
    "MEASURES",
    "OTHER",
    "REPORTER",
    "ROLES",
    "Document",
    "Figure",
    "Sentence",
    "Subject",
    "measure_near",
    "opening_label",
    "read_lines",
]

REPORTER = "@reporter"
"""The side of a flow the text does not name: the reporting country or region."""

ROLES = ("compared", "from", "to", "total", "each", "part", "anaphor", "difference",
         "forecast")

_PER_TIME = frozenset({"روزانه", "ماهانه"})  # a rate per day or month, before its amount
_ATTACHED_TIME = 3
_RATE_REACH = 4  # «با احتساب نرخ ارز ترجیحی X»: the most items from a rate word to its rate
_ORIGIN_REACH = 4  # «از گمرکات استان صادر شد»: the most items from «از» to the verb
_AVERAGE_REACH = 9  # «متوسط مبادلات ماهانه دو کشور به X»: the most items to «متوسط»
_PAIR_WORDS = 3  # «مقصد کالاهای ترکیه»: the most items from a seller word to its place
_SELLER_REACH = 8  # «با X و سهم ۸٫۱ درصدی نخستین مقصد»: the most items to a seller word
_SUPERLATIVE_WORDS = 2  # «مهم‌ترین مقاصد», «عمده‌ترین بازارهای»: words before a seller word
_SENTENCE_END = frozenset({".", "؛", ";", "!", "؟", "?"})
_CLAUSE_END = frozenset({"،", ",", ":"}) | _SENTENCE_END
MEASURES = {"USD": "value", "EUR": "value", "rial": "value", "kg": "weight",
             "barrel": "weight", "barrel/day": "weight", "person": "count",
             "m3": "weight", "ounce": "weight", "litre": "weight", "unit": "count",
             "hectare": "area", "kWh": "weight", "W": "weight",
             **dict.fromkeys(("yuan", "rupee", "lira", "ruble", "pound", "dirham", "dinar",
                              "won", "yen", "ringgit", "afghani"), "value")}
_PREPOSITIONS = frozenset({"به", "از", "با", "در", "برای", "طی", "تا"})
_TIME_NOUNS = frozenset({"روز", "روزهای", "هفته", "ماه", "سال"})  # «هفته گذشته»: no goods
_MAX_PRODUCT_WORDS = 3
_SOURCE_REACH = 4  # «بر اساس آمار گمرک چین»: the place within three words of the source
OTHER = "other:"  # the flow of a figure of a quantity of no goods: «other:population»
WORLD = "جهان"  # the world: «جهان», «جهانی», «دنیا»
_BASIS_BEFORE, _BASIS_AFTER = 6, 4  # how far «بر حسب یوان» may stand from its figure
_THIS = "@this:"  # a product named by «این …»: resolved against those named before
_IT = "@it"  # the goods «سهم آن از …» is a share of: the figure's own
_DEMONSTRATIVES = frozenset({"این", "همین", "آن", "همان"})
_ALSO = frozenset({"نیز", "هم"})
_CODE = "تعرفه "  # the product of a customs code: «تعرفه 57011090»
_PAIR = 2
_LIGHT_VERBS = frozenset({"شد", "شده", "شود", "میشود", "کرد", "کرده", "کند", "میکند",
                          "گردید", "گردیده", "است", "بود", "داشت", "داد"})
_GOODS_NEIGHBOURS = frozenset({"تولید", "تولیدکننده", "تولیدکنندگان", "قیمت", "بهای",
                               "ذخایر", "موجودی", "عرضه", "تقاضای", "مصرف"})
FUTURE = "خواهد"  # the future tense's auxiliary: «خواهد بود», «خواهد رسید»
_STEM = 3  # the fewest letters a product word keeps when compared without its ending
_MONTHS_RULE = "period.months_between"  # «ژانویه تا ژوئن»: from one month to another
_COMPARATIVES = frozenset({"بیشتر", "کمتر", "افزونتر"})
_MEASURE_WINDOW = 3  # how far a measure word beside a percentage may stand
_PRICE_REACH = 6  # the most items a price phrase («هر تن کالای صادراتی») runs before its number
_ASIDE_ITEMS = 16  # the most items an aside in brackets is looked through for
_HEADLINE_WORDS = 16
_TOPIC_LINES = 2  # a text says what it is about in its title or first sentence


# ------------------------------------------------------------------ records

@dataclass(frozen=True, slots=True)
class Subject:
    """Whose trade of what a figure is, as far as its sentence says.

    ``exporter`` and ``importer`` are the two sides of a flow of goods (`REPORTER` for an
    unnamed side of the reporting country, ``None`` where the text leaves it open);
    ``pair`` the two sides of a trade total or balance; ``party`` a place the figure is
    about whose side the sentence does not tell.
    """

    flow: str = ""  # "goods", "trade", "balance" or ""
    exporter: str | None = None
    importer: str | None = None
    pair: frozenset[str] = frozenset()
    party: str | None = None
    product: str = ""
    measure: str = ""  # "value", "weight", "count" or ""
    total: bool = False  # the whole: "کل صادرات"
    owner: str | None = None  # whose a trade total or balance is: «کسری تجاری ایران با امارات»
    each: tuple[str, ...] = ()  # the places whose flows it adds: «صادرات مس شیلی و پرو»
    each_side: str = ""  # their side of those flows: "exporter" or "importer"
    source: str | None = None  # whose statistics, where not the text's own: «بر اساس آمار ترکیه»
    basis: str | None = None  # the prices a value is at: «به قیمت‌های ثابت ۱۳۹۵», «جاری»
    route: str | None = None  # the one customs house, border or port: «از گمرک بازرگان»


@dataclass(slots=True)
class Sentence:
    line: int
    index: int
    items: list[Item]
    source: Line
    headline: bool = False
    figures: list[Figure] = field(default_factory=list)
    compared: list[tuple[int, Period]] = field(default_factory=list)  # periods compared with
    own: Period | None = None  # the latest period it names that is not compared with
    before: Period | None = None  # the own period of the clause before it on its line
    drawn_from: Period | None = None  # that of the clause it follows from («به این ترتیب»)
    topic_after: Subject | None = None  # a flow named after its last figure
    instants: list[Period] = field(default_factory=list)  # «در پایان مارس»: a day, no span
    # spans to date from within a period, «از اواسط سال ۲۰۲۳»: the text goes on with that
    # period, its figures are of the span only
    since: list[Period] = field(default_factory=list)
    asides: list[Period] = field(default_factory=list)  # «در ماه ژوئن به تنهایی»: a part


@dataclass(slots=True)
class Figure:
    """A quantity of the text with what the text says about it."""

    mention: Mention
    sentence: Sentence
    position: int  # its index in the sentence's items
    order: int  # its place in the document
    subject: Subject = field(default_factory=Subject)
    period: Period | None = None
    own_period: Period | None = None  # the period its sentence names for it, if any
    roles: set[str] = field(default_factory=set)
    said_of: Figure | None = None  # the amount a figure of a respectively list goes with
    per: tuple[str, str] | None = None  # a price's unit: «قیمت هر تن» (name, dimension)
    group: tuple[Figure, ...] = ()  # the amounts listed side by side with it, in order
    whole: Subject | None = None  # a share's whole as the words after it name it
    last_of_list: Figure | None = None  # the last of the list it is a member of
    agent: str | None = None  # the place a rate is of, named just before it: «عراق ۲۰ درصد»
    agent_product: str = ""  # the goods a share is of: «سهم فولاد از کل صادرات»
    period_after: bool = False  # its period is written right after it: «X در سال ۱۴۰۱»
    antecedent: Figure | None = None  # the figure «این رقم» before it names
    same_share: Figure | None = None  # the share «این سهم» names: of the same goods and whole
    whole_of: Figure | None = None  # the share before on its line whose whole it shares
    cell: records.TableCell | None = None  # the table value it is (`table_figure`)
    versus: Subject | None = None  # what a multiple is of, named after it: «۸ برابر ایران»
    trade_part: Subject | None = None  # the flow a share of a two-way trade is of
    versus_period: Period | None = None  # the year a multiple is of: «سه برابر سال ۲۰۲۱»
    # the part of a period a share is of: «سهم ماه مارس از صادرات سه ماهه» (its whole is
    # then ``period``, the same flow over a longer span)
    part_period: Period | None = None

    @property
    def value(self) -> QuantityValue:
        value = self.mention.value
        assert isinstance(value, QuantityValue)
        return value

    @property
    def type(self) -> str:
        return self.mention.type

    @property
    def comparator(self) -> str:
        """The comparison the figure states: written before it (``بیش از``), or a
        threshold passed after it («از X فراتر رفت», «از X گذشت»: more than X)."""
        comparator = self.value.comparator
        items = self.sentence.items
        p = self.position
        if comparator != V.EQUAL or p == 0:
            return comparator
        if items[p - 1].text == "از" and any(
                "passed_word" in item.features for item in items[p + 1:p + 3]):
            return V.MORE
        if p > 1 and "target_word" in items[p - 1].features and items[p - 2].text == "از" \
                and any("passed_word" in item.features for item in items[p + 1:]):
            return V.MORE  # «از هدف ۲۰۰ میلیارد دلاری که … تعیین کرده بودند فراتر رفت»
        return comparator

    @property
    def line(self) -> int:
        return self.sentence.line


@dataclass(slots=True)
class Document:
    sentences: list[Sentence]
    figures: list[Figure]
    anchor: dict[str, int] = field(default_factory=dict)  # calendar: the text's own year
    # the text's year is its latest printed year, or the one after it: «در سال گذشته» of
    # a text on a whole year may be that year (written after it) or the one before
    anchor_doubt: bool = False


# ------------------------------------------------------------------ helpers

def _is(item: Item, type_: str) -> bool:
    return item.kind == "mention" and item.type == type_


def _period_of(item: Item) -> PeriodValue:
    value = getattr(item, "value")  # noqa: B009
    assert isinstance(value, PeriodValue)
    return value


def _place(item: Item) -> str | None:
    if _is(item, "Place"):
        value = getattr(item, "value")  # noqa: B009
        assert isinstance(value, PlaceValue)
        return value.name
    return None


def place_of(item: Item) -> str | None:
    """The place an item names, or None."""
    return _place(item)


def _split(items: Sequence[Item]) -> list[list[Item]]:
    sentences: list[list[Item]] = [[]]
    for item in items:
        sentences[-1].append(item)
        if item.kind == PUNCT and item.text in _SENTENCE_END:
            sentences.append([])
    return [s for s in sentences if s]


def _merge_periods(items: list[Item]) -> list[Item]:
    """A year and a span side by side are one period: «امسال در بازه مشابه», «پارسال در
    همین دو ماه», «همین چهار ماه از سال قبل» (the span spoken of, of another year)."""
    out: list[Item] = []
    for item in items:
        if _is(item, "Period") and out:
            k = len(out) - 1
            of = out[k].text == "از"
            if out[k].text in ("در", "از") and k > 0:
                k -= 1
            previous = out[k]
            if _is(previous, "Period"):
                a, b = _period_of(previous), _period_of(item)
                merged = _merged(a, b) if not of or (
                    a.refers in ("same_span", "this") and not _compares_after(items, item)) \
                    else None
                if merged is not None:
                    start, end = getattr(previous, "start"), getattr(item, "end")  # noqa: B009
                    out[k:] = [replace(item, start=start, end=end, value=merged)]  # type: ignore[type-var]
                    continue
        out.append(item)
    return out


def _compares_after(items: Sequence[Item], period: Item) -> bool:
    """Whether a comparative or change word follows a period after «از» in its clause:
    «همین چهار ماه از سال قبل ۲۰ درصد بیشتر بود» compares with the year before, it does
    not name its months."""
    after = list(itertools.dropwhile(lambda item: item is not period, items))[1:]
    for item in after:
        if item.kind == PUNCT:
            return False
        if "direction" in item.features or item.text in _COMPARATIVES:
            return True
    return False


_COMPARATIVES = frozenset({"بیشتر", "کمتر", "بالاتر", "پایینتر", "پایین‌تر", "فراتر"})


def _without_speaker(items: list[Item]) -> list[Item]:
    """A sentence without who says it: «ناظر گمرکات استان گفت …», «به گفته وی، …» name
    no goods and no side of the figures after them."""
    for k, item in enumerate(items):
        if _is_quantity(item) or _is(item, "Period"):
            return items
        if "speech_verb" in item.features:
            return items[k + 1:]
    return items


def _without_asides(items: list[Item]) -> list[Item]:
    """A sentence without its asides in brackets that hold no figure, period nor place:
    «شمش فولادی (اسلب، بلوم و بیلت) صادر شد» is «شمش فولادی صادر شد»."""
    out: list[Item] = []
    k = 0
    while k < len(items):
        item = items[k]
        if item.kind == PUNCT and item.text == "(":
            end = next((j for j in range(k + 1, min(len(items), k + _ASIDE_ITEMS))
                        if items[j].kind == PUNCT and items[j].text in "()"), None)
            if end is not None and items[end].text == ")" and not any(
                    x.kind == "mention" or _place(x) is not None for x in items[k + 1:end]):
                k = end + 1
                continue
        out.append(item)
        k += 1
    return out


def _merged(a: PeriodValue, b: PeriodValue) -> PeriodValue | None:
    """«امسال» + «در بازه مشابه» (a year, then the months of another period); «پارسال» +
    «در پنج ماه نخست» (a year, then months of no year); «همین دوره» + «در سال ۱۳۹۲»
    (the months spoken of, then their year)."""
    pa, pb = a.period, b.period

    def year_only(value: PeriodValue) -> bool:
        period = value.period
        return not value.refers and period.months is None and period.last_year is None \
            and (period.year is not None or period.relative is not None)

    def no_year(period: Period) -> bool:
        return period.year is None and period.relative is None

    if year_only(a) and b.refers in ("same_span", "this") and no_year(pb):
        return PeriodValue(replace(pb, year=pa.year, relative=pa.relative,
                                   calendar=pa.calendar or pb.calendar), "same_span")
    if year_only(a) and not b.refers and pb.months is not None and no_year(pb):
        return PeriodValue(replace(pb, year=pa.year, relative=pa.relative,
                                   calendar=pa.calendar or pb.calendar))
    if a.refers in ("same_span", "this") and no_year(pa) and year_only(b):
        return PeriodValue(replace(pa, year=pb.year, relative=pb.relative,
                                   calendar=pb.calendar or pa.calendar), "same_span")
    return None


# ------------------------------------------------------------------ periods

@dataclass(slots=True)
class _Discourse:
    """The period the text is speaking of, and the last year it named."""

    period: Period | None = None
    named: Period | None = None
    first: Period | None = None  # the first period the body speaks of: its headline's
    spans: list[Period] = field(default_factory=list)  # spans of years named, and tables'
    asides: list[Period] = field(default_factory=list)  # parts named «به تنهایی»

    def speak_of(self, period: Period) -> None:
        """A sentence's own period: the text now speaks of it, unless it is earlier than
        the period spoken of (a sentence that gives a base: «این رقم در ۱۴۰۱ X بود»)."""
        current = self.period
        if current is not None and period.relative is not None and period.relative < 0 \
                and period.year is None:
            return  # "پارسال X بود": a base, not what the text goes on to speak of
        if current is not None and period.last_year is not None:
            return  # "طی سه سال": a span looked back over, not what the text goes on with
        if current is None or not _earlier(period, current):
            self.period = period
        if self.first is None:
            self.first = period


def _speak(sentence: Sentence, spoken: Sequence[Period], discourse: _Discourse) -> None:
    """The text now speaks of the periods a sentence names for its figures: not a day a
    price is of («در پایان مارس»), but the months between its first and last such day."""
    discourse.asides += sentence.asides
    for period in spoken:
        # (nor a part named alone, «در ماه ژوئن به تنهایی …؛ رقمی که …»: the text goes on
        # with the whole it is a part of; a later sentence naming it goes on with it)
        aside = period in sentence.asides or (period in discourse.asides
                                             and sentence.own is None)
        if period not in sentence.instants and not aside:
            discourse.speak_of(replace(period, rolling=False) if period in sentence.since
                               else period)
    between = _between_instants(sentence.instants)
    if between is not None and all(p in sentence.instants for p in spoken):
        discourse.speak_of(between)


def _counted_apart(counted: Period, printed: Period) -> bool:
    """Whether ``counted`` is counted from the text's own year and ``printed`` names its
    year: which is later the text alone does not say."""
    return counted.year is None and counted.relative is not None and printed.year is not None


def _between_instants(instants: Sequence[Period]) -> Period | None:
    """The months from the first day a sentence names to its last, in one year: «از X در
    ابتدای ژانویه ۲۰۲۴ به Y در پایان مارس» is of the first quarter of 2024."""
    if len(instants) < _PAIR or any(p.months is None for p in instants):
        return None
    first, last = instants[0], instants[-1]
    if last.year is None and first.year is not None and not last.relative:
        last = replace(last, year=first.year, relative=None,  # «… پایان مارس»: of that year
                       calendar=last.calendar or first.calendar)
    if (first.year, first.relative, first.calendar) != (last.year, last.relative, last.calendar):
        return None
    assert first.months is not None
    assert last.months is not None
    if first.months[0] >= last.months[1]:
        return None
    return replace(first, months=(first.months[0], last.months[1]))


def _length(period: Period) -> int:
    first, last = period.months or (1, 12)
    return last - first + 1


def _earlier(a: Period, b: Period) -> bool:
    """Whether ``a`` ends before ``b`` begins, where the text says."""
    days_a, days_b = interval(a), interval(b)
    if days_a is not None and days_b is not None:
        return days_a[1] <= days_b[0]
    if a.relative is not None and b.relative is not None:
        return a.relative < b.relative
    if a.year is not None and b.year is not None and a.calendar == b.calendar:
        return a.year < b.year
    return False


def _apart(a: Period, b: Period) -> bool:
    """Whether one period is of the text's own year and the other named by its number
    («امسال», «۲۰۲۴»): which is later the text does not say."""
    return (a.year is None and a.relative == 0 and b.year is not None) or \
        (b.year is None and b.relative == 0 and a.year is not None)


def _relative_to(period: Period, base: Period | None) -> Period:
    """A year counted back from another period's (``مدت مشابه سال قبل``, ``در قیاس با
    سال پیش``): the base's year less as many years, in the base's months where the
    period names none."""
    months = period.months if period.months is not None else (
        base.months if base is not None else None)
    if base is None or period.relative is None:
        return replace(period, months=months)
    offset = period.relative
    if base.year is not None:
        return replace(base, year=base.year + offset, relative=None, months=months,
                       last_year=None, rolling=False)
    if base.relative is not None:
        return replace(base, relative=base.relative + offset, months=months,
                       last_year=None, rolling=False)
    return replace(period, months=months)


def _complete(value: PeriodValue, discourse: _Discourse, own: Period | None,  # noqa: PLR0911, PLR0912  one case per kind of period
              compared: bool) -> Period | None:
    """A period mention as a full period, with what the text around it supplies
    (``own``: the sentence's latest own period before it, if any; ``compared``: the
    mention is what something is compared with)."""
    period = value.period
    if value.refers == "this":
        # "در ۱۰ ماهه امسال، در این مدت …": the period the sentence has just named
        return own if own is not None and not compared else discourse.period
    if value.refers == "these_years":
        # "این پنج سال": the span of that many years named last
        spans = [p for p in discourse.spans if p.year is not None and p.last_year is not None
                 and p.last_year - p.year + 1 == value.offset]
        return spans[-1] if spans else None
    if value.refers == "years_back":
        # "طی سه سال": the years up to the one named, else to the one spoken of
        end = period if period.year is not None else discourse.period
        if end is None or end.year is None or end.last_year is not None or \
                end.months not in (None, (1, 12)):
            return None
        return Period(end.calendar, end.year - value.offset, last_year=end.year,
                      fiscal=end.fiscal)
    if value.refers == "span":
        spoken = own or discourse.period
        if spoken is None or _length(spoken) != _length(period):
            return None
        return spoken
    if value.refers == "to_date":
        spoken = discourse.period
        if spoken is not None and (spoken.months or (1, 12))[0] == 1 and (
                (period.year is not None and spoken.year == period.year)
                or (period.relative is not None and spoken.relative == period.relative)):
            return spoken
        return replace(period, rolling=True)
    if value.refers == "month_before":
        # "نسبت به ماه قبل": the month before the one spoken of (December of the year
        # before January's); not compared with, «در ماه قبل» may be the month before the
        # text's or the text's last month itself: a period the words do not fix
        if not compared:
            return Period()
        base = own or discourse.period
        if base is None or base.months is None or base.months[0] != base.months[1] or \
                base.last_year is not None:
            return None
        month = base.months[0]
        earlier = shifted(base, -1) if month == 1 else base
        return replace(earlier, months=(12, 12) if month == 1 else (month - 1, month - 1))
    if value.refers == "named_before":
        named = discourse.named
        return None if named is None else shifted(named, value.offset)
    if value.refers == "same_span":
        base = own or discourse.period
        if period.year is not None:
            months = period.months if period.months is not None else (
                base.months if base is not None else None)
            return replace(period, months=months)
        if period.relative is not None and period.relative < 0:
            return _relative_to(period, base)  # "مدت مشابه سال قبل": a year before the base
        if period.relative is not None:  # "امسال در بازه مشابه": this year, the base's months
            return replace(period, months=period.months or (base.months if base else None))
        if base is None:
            return None
        return replace(shifted(base, -1), months=period.months or base.months)
    if compared and period.relative is not None and period.year is None:
        # "در قیاس با سال پیش": a year counted from the text's own (settled with the
        # text's year, `_settle`), in the months of the period compared
        base = own or discourse.period
        return replace(period, months=period.months or (base.months if base else None))
    if period.year is None and period.relative is None:
        # Months with no year: the year the text is speaking of, else the present one.
        base = discourse.period
        if base is None or (base.year is None and base.relative is None):
            return replace(period, relative=0)
        calendar = period.calendar or base.calendar
        if period.calendar and base.calendar and period.calendar != base.calendar:
            return None
        return replace(period, year=base.year, relative=base.relative, calendar=calendar,
                       last_year=None, fiscal=base.fiscal)
    return period


def _governed_by_marker(items: Sequence[Item], position: int) -> bool:
    """Whether the item at ``position`` is what something is compared with: right after
    «نسبت به», «در مقایسه با», «در برابر», or the «از» of «بیشتر از»/«کمتر از»."""
    k = position - 1
    while k >= 0 and items[k].text in ("رقم", "مقدار", "میزان", "دوره", "مدت", "بازه"):
        k -= 1  # "در قیاس با دوره ژانویه تا اکتبر سال قبل"
    if k < 0:
        return False
    item = items[k]
    if item.text == "در مقابل" and k > 0 and items[k - 1].text == "و":
        return False  # "… فروخته‌اند و در مقابل X صادر شده": on the other side, no base
    if "base_marker" in item.features or item.features.get("comparator") in (V.MORE, V.LESS):
        return True
    if item.kind == "mention" and item.type == "Times":
        return True  # "۶.۲۵ برابر مدت مشابه سال قبل"
    return item.text == "از" and k > 0 and "direction" in items[k - 1].features


def _in_parentheses(items: Sequence[Item], position: int) -> bool:
    depth = 0
    for k in range(position - 1, max(-1, position - 6), -1):
        if items[k].text == ")":
            depth += 1
        elif items[k].text == "(":
            if depth == 0:
                return True
            depth -= 1
    return False


def _since_within(items: Sequence[Item], position: int, item: Item) -> bool:
    """«از اواسط سال ۲۰۲۳ … به X رسیده است»: from a time within a period to date, a span
    the calendar does not fix (not «از اوایل سال ۱۴۰۲ تا پایان شهریور», which ends)."""
    return position >= 2 and "within_part" in items[position - 1].features and \
        items[position - 2].text == "از" and "تا" not in item.text.split() and not (
            position + 1 < len(items) and items[position + 1].text == "تا")


def _resolve_periods(sentence: Sentence, discourse: _Discourse,
                     ) -> dict[int, tuple[Period | None, bool]]:
    """Each period mention of the sentence: (its full period, whether it is a period
    compared with)."""
    out: dict[int, tuple[Period | None, bool]] = {}
    own: Period | None = None
    for position, item in enumerate(sentence.items):
        if not _is(item, "Period") or _in_parentheses(sentence.items, position):
            continue
        value = _period_of(item)
        compared = _governed_by_marker(sentence.items, position)
        period = _complete(value, discourse, own, compared)
        if period is not None and _since_within(sentence.items, position, item):
            period = replace(period, rolling=True)
            sentence.since.append(period)
        out[position] = (period, compared)
        if period is not None and position > 0 and \
                {"year_start", "year_end"} & sentence.items[position - 1].features.keys():
            sentence.instants.append(period)
        if period is not None and any("alone_word" in item.features
                                      for item in sentence.items[position + 1:position + 3]):
            sentence.asides.append(period)  # «در ماه ژوئن ۲۰۲۴ به تنهایی»
        if compared and period is not None:
            sentence.compared.append((position, period))
        if period is not None and (period.year is not None or period.relative is not None):
            discourse.named = period
        if period is not None and period.last_year is not None:
            discourse.spans.append(period)
        if period is not None and not compared and (own is None or (
                not _earlier(period, own) and period.last_year is None
                and not _counted_apart(own, period))):
            # (a span after a period «در ده سال گذشته» does not replace it; nor does a year
            # printed after one counted from the text's own, «سال گذشته … در سال ۲۰۲۲»,
            # which the text does not say is later)
            own = period
    sentence.own = own
    return out


# ------------------------------------------------------------------ subjects

def _content(item: Item) -> bool:
    """A word that may name a product: no mark, number, mention, lexicon word, nor a
    comparative («جلوتر», «بیشترین»)."""
    return item.kind == WORD and item.features.keys() <= {"qualifier", "product_alias"} and \
        len(item.text) > 1 and not item.text.endswith(("تر", "ترین"))


def _generic(item: Item) -> bool:
    """A word for goods in general or a sector («کالاهای», «محصولات», «این بخش»)."""
    return "goods_word" in item.features


def product_stem(word: str) -> str:
    """A product word without its plural or adjective ending, for comparing names only:
    «لبنیات», «لبنی» → «لبن»."""
    for suffix in ("های", "ها", "ات", "ی"):
        if word.endswith(suffix) and len(word) - len(suffix) >= _STEM:
            word = word[:-len(suffix)]
    return word


def _product_word(item: Item) -> str:
    """A word of a product's name as compared: the goods a figure of speech stands for
    («طلای سرخ» is copper), else the word without an adjective's «ی»."""
    alias = item.features.get("product_alias")
    return alias if isinstance(alias, str) else _normal_word(item.text)


def _normal_word(word: str) -> str:
    return word[:-1] if len(word) > 4 and word.endswith("ی") else word


def _product_after(items: Sequence[Item], start: int, stop: int) -> tuple[str, int]:
    """The product named from ``items[start]`` (skipping words for goods in general):
    its words, and where it ends."""
    k = start
    if k + 1 < stop and "code_word" in items[k].features and _is(items[k + 1], "Number"):
        # "صادرات در تعرفه ۵۷۰۱۱۰۹۰": the goods of a customs code
        code = getattr(items[k + 1], "value")  # noqa: B009
        assert isinstance(code, NumberValue)
        return f"{_CODE}{code.digits}", k + 2
    if k + 2 < stop and items[k].text in _DEMONSTRATIVES and _is(items[k + 1], "Number") \
            and _generic(items[k + 2]):
        # "این دو کالا": the last two goods named (`_resolve_product`)
        count = getattr(items[k + 1], "value")  # noqa: B009
        assert isinstance(count, NumberValue)
        return f"{_THIS}#{count.readings[0].value}", k + 3
    if k + 1 < stop and items[k].text in _DEMONSTRATIVES and (
            _content(items[k + 1]) or _generic(items[k + 1])):
        # "این خوراک", "این بخش": the product named before (`_resolve_product`)
        return f"{_THIS}{_normal_word(items[k + 1].text)}", k + 2
    while k < stop and (_generic(items[k]) or items[k].text in _DEMONSTRATIVES):
        k += 1
    words: list[str] = []
    while k < stop and len(words) < _MAX_PRODUCT_WORDS:
        item = items[k]
        if _content(item) and not _generic(item):
            words.append(_product_word(item))
            k += 1
            continue
        if item.text == "و" and words and k + 1 < stop and _content(items[k + 1]) \
                and not _generic(items[k + 1]):
            words.append("و")
            k += 1
            continue
        break
    return " ".join(words), k


@dataclass(slots=True)
class _Sides:
    owner: str | None = None  # a place right after the flow noun: its own
    referred: bool = False  # the owner is «این کشور»
    this: bool = False  # «این داد و ستد»: the flow named before
    to: str | None = None
    from_: str | None = None
    with_: list[str] = field(default_factory=list)
    product: str = ""
    both: bool = False  # "دو کشور"
    total: bool = False
    also: list[str] = field(default_factory=list)  # owners after the first: «شیلی و پرو»
    origin: str | None = None  # the place a demonym names the goods of: «کالاهای ایرانی»


class _Places:
    """The places of a sentence, for «این کشور» (the place named last) and «دو کشور»
    (the two sides named)."""

    def __init__(self, sentence: Sentence, last: str | None, pair: frozenset[str],
                 owners: dict[str, int]):
        self.positions = [(k, place) for k, item in enumerate(sentence.items)
                          if (place := _place(item)) is not None]
        self.last, self.pair = last, pair
        self.owners = owners  # places named as whose a flow is, with how often

    def owner(self, place: str | None) -> None:
        if place is not None and place != REPORTER:
            self.owners[place] = self.owners.get(place, 0) + 1

    def before(self, position: int, other_than: str | None = None) -> str | None:
        """The place «این کشور» at ``position`` names: the last named before it, but the
        text's own side (its leading owner so far), which it calls «کشور», not «این کشور»."""
        named = [place for k, place in self.positions if k < position and place != other_than]
        if other_than is not None and not named and self.last != other_than:
            return self.last
        home = _reporter(self.owners)
        others = [place for place in named if place != home]
        if others:
            return others[-1]
        return named[-1] if named else self.last

    def other(self, place: str) -> str | None:
        """The side of the two named that is not ``place``, for «این کشور» where the last
        place named is the other side of the same flow."""
        others = [p for p in self.pair if p != place]
        return others[0] if len(self.pair) == 2 and len(others) == 1 else None


def _place_or_reference(items: Sequence[Item], k: int, places: _Places,
                        ) -> tuple[str | None, int]:
    """A place at ``items[k]``: a place mention, «این کشور» (the place named last), or
    «کشور» (the reporter); (None, k) where there is none."""
    item = items[k] if k < len(items) else None
    if item is None:
        return None, k
    place = _place(item)
    if place is not None:
        return place, k + 1
    governed = k > 0 and items[k - 1].text in ("از", "به", "با")
    if "this_place" in item.features or (item.text == "آن" and governed):
        # "واردات از این کشور", "واردات از آن": the place named before; "کل صادرات این
        # کشور": whose the flows are, the text's own side
        home = _reporter(places.owners)
        owned = k > 0 and _is(items[k - 1], "Flow") and _flow_of(items[k - 1]).noun
        opener = _place(items[0])
        if owned and opener is not None and opener != home and k > 1 and not (
                len(items) > 2 and items[1].text in ("و", "،") and _place(items[2])):
            # "فرانسه نیز … و واردات این کشور": the place the sentence is about (not
            # «ژاپن و کره جنوبی نیز …»: two places open it)
            return opener, k + 1
        last = home if owned and home is not None else places.before(k)
        return (last, k + 1) if last is not None else (None, k)
    if "home_word" in item.features and not (k > 0 and _is(items[k - 1], "Number")):
        return REPORTER, k + 1  # "وارد کشور شد" (not "به ۶۰ کشور جهان")
    return None, k


def _stops(item: Item) -> bool:
    return _is(item, "Period") or (item.kind == "mention" and item.type in QUANTITY_TYPES) \
        or _is(item, "Flow") or "verb" in item.features


_GROUP_WORDS = 5  # the most words a group of places is named by: «کشورهای عضو اتحادیه …»
LISTED_BEFORE = frozenset({"مذکور", "یادشده", "نامبرده", "فوق"})
"""Words that name places as the ones listed before: «کشورهای مذکور»."""
_FUNCTION_WORDS = frozenset({"در", "به", "از", "با", "طی", "تا", "و", "که", "را", "برای", "بر",
                             "این", "آن", "نیز", "هم", "همین", "بین", "میان"})
_THEM = "@them"  # a group named before by «این کشورها», «آنها»: which, the reader does not say


def _group_named(items: Sequence[Item], at: int, stop: int) -> tuple[str, int] | None:
    """A group of places after a preposition, and where its words end: «کشورهای همسایه»,
    «کشورهای عضو اتحادیه اقتصادی اوراسیا» (by its words: words of no category of the
    lexicon but stop words, and no preposition), «این کشورها», «آنها» (a group named
    before, `_THEM`); not «کشورهای مذکور», the places listed, nor «کشورهای عضو اتحادیه
    اروپا», the place named."""
    if at >= stop:
        return None
    item = items[at]
    if item.text in ("آنها", "آن\u200cها") or (
            item.text in ("این", "همین") and at + 1 < stop
            and "group_word" in items[at + 1].features):
        return _THEM, at + (1 if item.text.startswith("آن") else 2)
    if "group_word" not in item.features:
        return None
    end = at + 1
    while end < stop and end < at + _GROUP_WORDS and items[end].kind == "word" and \
            items[end].features.keys() <= {"stop"} and \
            items[end].text not in LISTED_BEFORE | _FUNCTION_WORDS:
        end += 1
    if end == at + 1 or (end < stop and _place(items[end]) is not None):
        # words the reader knows («کشورهای منطقه …»), or a place that names the group
        # («به کشورهای عضو اتحادیه اروپا»: to the union): not read as a group of its own
        return None
    return " ".join(x.text for x in items[at:end]), end


def _side(sides: _Sides, preposition: str, place: str, item: Item) -> None:
    """A place after a flow word, by the preposition before it: the destination («به»),
    the origin («از»), a partner («با»), else the flow's owner (the first) or a partner."""
    if preposition == "به":
        sides.to = place
    elif preposition == "از":
        sides.from_ = place
    elif preposition == "با" or sides.owner is not None:
        sides.with_.append(place)
    else:
        sides.owner = place
        sides.referred = "this_place" in item.features
        if "demonym" in item.features:
            sides.origin = place


def _sides_after(items: Sequence[Item], start: int, stop: int, places: _Places) -> _Sides:
    """The places and product after a flow word, up to ``stop``."""
    sides = _Sides()
    k = start
    product, k = _product_after(items, k, stop)
    sides.product = product
    while k < stop:
        item = items[k]
        if item.kind == PUNCT and item.text in _CLAUSE_END:
            break
        if "both_places" in item.features:
            sides.both = True
            k += 1
            continue
        if "total_word" in item.features:
            sides.total = True
            k += 1
            continue
        if item.text == "در" and not sides.product and k + 1 < stop and (
                _generic(items[k + 1]) or "code_word" in items[k + 1].features):
            # "مازاد تجاری مکزیک با آمریکا در بخش خودرو": the goods after the places
            sides.product, k = _product_after(items, k + 1, stop)
            continue
        preposition = item.text if item.text in ("به", "از", "با") else ""
        at = k + 1 if preposition else k
        group = _group_named(items, at, stop) if preposition else None
        if group is not None:
            # «تجارت چین با کشورهای عضو ابتکار کمربند و جاده», «صادرات به این کشورها»: with
            # a group of places the reader does not list, named by its words (no place's
            # trade with all its partners)
            _side(sides, preposition, group[0], items[at])
            k = group[1]
            continue
        place, after = _place_or_reference(items, at, places)
        if place is None:
            if _stops(item) and not _is(item, "Period"):
                break
            k += 1
            continue
        if place == sides.owner and "this_place" in items[at].features:
            # "صادرات ایران به آن کشور": not the owner just named, the place before it
            place = places.before(at, other_than=place) or place
        _side(sides, preposition, place, items[at])
        k = after
        if place == WORLD and not sides.product:  # "تولید جهانی مس": the goods after it
            sides.product, k = _product_after(items, k, stop)
        # "ایران و ترکیه", "آلمان، سوئیس، ایتالیا و هلند"
        while k + 1 < stop and items[k].text in ("و", "،", ",") and _place(items[k + 1]):
            more = _place(items[k + 1])
            assert more is not None
            (sides.also if place == sides.owner and not preposition else
             sides.with_).append(more)
            k += 2
    return sides


def _trade(sides: _Sides, places: _Places, balance: bool = False) -> Subject:
    flow = "balance" if balance else "trade"
    named = [p for p in (sides.owner, *sides.also, sides.to, sides.from_, *sides.with_) if p]
    product, total = sides.product, sides.total
    if len(places.pair) == 2 and (
            (sides.this and not {sides.to, sides.from_, *sides.with_} - {None})
            or (sides.both and not named)):
        # "این داد و ستد", "تجارت دو کشور": the trade of the two sides named before
        owner = sides.owner if sides.owner in places.pair else (
            REPORTER if balance and not sides.this else None)
        return Subject(flow, pair=places.pair, product=product, total=total, owner=owner)
    places.owner(sides.owner)
    owner = sides.owner
    if len(named) == 2:
        return Subject(flow, pair=frozenset(named), product=product, total=total,
                       owner=owner if owner in named else None)
    if len(named) == 1 and named[0] == owner:
        # "تراز تجاری ایران", "کسری تجاری کشور": the owner's trade with all partners
        return Subject(flow, product=product, total=total, owner=owner)
    if len(named) == 1 and named[0] != REPORTER:
        return Subject(flow, pair=frozenset({named[0], REPORTER}), party=named[0],
                       product=product, total=total, owner=REPORTER)
    if len(named) == 2 and balance and owner not in named:
        # "تراز دو کشور": the balance of the text's reporter
        return Subject(flow, pair=frozenset(named), product=product, total=total,
                       owner=REPORTER)
    return Subject(flow, product=product, total=total,
                   owner=REPORTER if balance else None)


def _goods(flow: str, sides: _Sides, places: _Places, *, bilateral: bool = False) -> Subject:
    """A flow noun's subject from the places after it. A sale or purchase («فروش ترکیه»,
    «هنگ کنگ با خرید X») is with the reporting side where the text names no other;
    exports or imports of a place («صادرات ترکیه») are its trade with all partners."""
    if flow == V.TRADE:
        return _trade(sides, places)
    product, total = sides.product, sides.total
    if flow in OWN_FLOWS:  # "تولید مس شیلی": a place's own, between no two sides
        owner = sides.owner or (sides.with_[0] if len(sides.with_) == 1 else None)
        return Subject(flow, None if sides.also or sides.both else owner or REPORTER,
                       product=product, total=total)
    if sides.also or sides.both:
        # "صادرات مس شیلی و پرو", "صادرات دو کشور": the exports of each, no one side
        # ("صادرات مس دو کشور": the two sides of the trade named, else the two places
        # named last as whose flows are)
        both = places.pair if len(places.pair) == _PAIR else \
            [p for p in places.owners if p != REPORTER][-_PAIR:]
        each = (sides.owner, *sides.also) if sides.also and sides.owner else \
            tuple(sorted(both)) if sides.both and len(both) == _PAIR else ()
        return Subject("goods", product=product, total=total,
                       each=tuple(p for p in each if p),
                       each_side="exporter" if flow == V.EXPORT else "importer")
    owner = sides.owner
    if owner is not None and sides.referred and owner in (sides.to, sides.from_):
        owner = places.other(owner)  # "فروش ترکیه به ایران، خرید این کشور از ایران"
    if not bilateral:
        places.owner(owner)
    exporter: str | None
    importer: str | None
    other = REPORTER if bilateral and owner not in (None, REPORTER) else None
    if flow == V.EXPORT:
        exporter = owner or sides.from_ or REPORTER
        importer = sides.to or (sides.with_[0] if len(sides.with_) == 1 else other)
    else:
        importer = owner or sides.to or REPORTER
        exporter = sides.from_ or (sides.with_[0] if len(sides.with_) == 1 else other)
    return Subject("goods", exporter, importer, product=product, total=total)


def _flow_of(item: Item) -> FlowValue:
    value = getattr(item, "value")  # noqa: B009
    assert isinstance(value, FlowValue)
    return value


def _clause_start(items: Sequence[Item], position: int) -> int:
    start = position
    while start > 0 and not (items[start - 1].kind == PUNCT
                             and items[start - 1].text in _CLAUSE_END):
        start -= 1
    return start


def _agent_before(items: Sequence[Item], position: int, places: _Places) -> str | None:
    """The place a clause is about, before ``position``: the place right before «با» in
    «امارات با X …»; the place before «که» of a clause «به چین رسید که X … خرید»; else the
    clause's first place with no preposition before it («ترکیه در فوریه X کالا به ایران
    فروخت»)."""
    start = _clause_start(items, position)
    verbs = [k for k in range(start, position) if "verb" in items[k].features]
    if verbs:
        start = verbs[-1] + 1  # "امارات … صادرکننده به ایران است و X کالا …": a new clause
    for k in range(position - 1, start - 1, -1):
        if items[k].text == "با" and k > start:
            place, _ = _place_or_reference(items, k - 1, places)
            if place is not None:
                return place
        if items[k].text == "که" and k > start:
            for j in range(k - 1, max(start - 1, k - 4), -1):
                place, _ = _place_or_reference(items, j, places)
                if place is not None:
                    return place
            break
    for k in range(start, position):
        place, _ = _place_or_reference(items, k, places)
        if place is not None and (k == start or items[k - 1].text not in _PREPOSITIONS):
            return place
    # "پاکستان، رقیب اصلی ایران در بازار خرما، در سال ۲۰۲۲ X … صادر کرد": the place
    # the sentence opens on, set off by a comma, with no verb before the figure
    if len(items) > 1 and _place(items[0]) is not None and items[1].text in ("،", ",") and \
            not any("verb" in items[k].features for k in range(2, position)):
        return _place(items[0])
    return None


def _verb_subject(items: Sequence[Item], position: int, verb: int, places: _Places,
                  ) -> Subject:
    """The subject of a figure governed by a flow verb («X کالا به ایران فروخت», «کالاهایی
    که ایران به ترکیه فروخت X بود»)."""
    flow = _flow_of(items[verb]).flow
    low, high = (position + 1, verb) if verb > position else (
        _clause_start(items, verb), verb)
    sides = _sides_after(items, low, high, places)
    after = _sides_after(items, verb + 1, min(len(items), verb + 4), places)
    agent = _agent_before(items, min(position, verb), places)
    if "bilateral_flow" not in items[verb].features and flow not in OWN_FLOWS:
        places.owner(agent)  # (a place's production makes it no side of the text's trade)
    if flow == V.TRADE:
        return _trade(sides, places)
    if flow in OWN_FLOWS:  # "شیلی ۵ میلیون تن مس تولید کرد"
        return Subject(flow, agent or REPORTER, product=sides.product)
    # "کشورهای منطقه … کالا وارد کرده‌اند", "این چهار کشور … فروختند": a group of
    # countries does it, not the reporter
    doer = None if _group_before(items, min(position, verb)) else REPORTER
    exporter: str | None
    importer: str | None
    if flow == V.EXPORT:  # "کالاهای ایرانی فروخته شده به کره": from Iran, to Korea
        exporter = sides.from_ or agent or sides.origin or doer
        importer = sides.to or after.to or after.owner
    else:
        importer = sides.to or agent or doer
        exporter = sides.from_ or sides.origin
    if exporter == importer:
        exporter = REPORTER if flow == V.EXPORT else exporter
    # "X کالا وارد کشور شد": the country's flow with all partners, named as a whole
    home = any("home_word" in items[j].features
               for j in range(verb + 1, min(len(items), verb + 3)))
    total = home and (importer is None if flow == V.EXPORT else exporter is None)
    return Subject("goods", exporter, importer, product=sides.product, total=total)


def _group_before(items: Sequence[Item], position: int) -> bool:
    """Whether the clause before ``position`` names a group of countries: «کشورهای
    منطقه», «این چهار کشور»."""
    start = _clause_start(items, position)
    return any("group_word" in items[j].features or (
        items[j].text == "کشور" and j > start and _is(items[j - 1], "Number"))
        for j in range(start, position))


def _described_before(items: Sequence[Item], position: int) -> bool:
    """Whether a flow word describes the amount from before it in its clause, no other
    amount between («سهم فروش ایران به هند از این رقم X»), and it is not the description
    of an amount before it («X سهم صادرات ایران و Y سهم …»). A description right after
    the amount «X آن به …», «X از این رقم …» is the amount's own."""
    if any(items[j].text == "آن" or "anaphor" in items[j].features
           for j in range(position + 1, min(len(items), position + 3))):
        return False
    start = _clause_start(items, position)
    for k in range(position - 1, start - 1, -1):
        if _is_quantity(items[k]):
            return False
        if _flow_anchor(items[k]):
            introduced = k > 0 and items[k - 1].text in ("سهم", "به", "مربوط", "آن")
            return not (introduced and any(_is_quantity(items[j])
                                           for j in range(max(start, k - 5), k)))
    return False


def _is_quantity(item: Item) -> bool:
    return item.kind == "mention" and item.type in QUANTITY_TYPES


def _other_measure(a: Item, b: Item) -> bool:
    """Two amounts of different measures (a weight and a value of the same goods)."""
    va, vb = getattr(a, "value", None), getattr(b, "value", None)
    if not isinstance(va, QuantityValue) or not isinstance(vb, QuantityValue):
        return False
    ma, mb = MEASURES.get(va.dimension, ""), MEASURES.get(vb.dimension, "")
    return a.type == b.type == "Amount" and bool(ma) and bool(mb) and ma != mb


def _flow_anchor(item: Item) -> bool:
    return (_is(item, "Flow") and _flow_of(item).noun) or "balance_word" in item.features \
        or "difference_word" in item.features


def _flow_before(items: Sequence[Item], position: int) -> bool:
    """Whether a flow is named before ``position`` in its clause."""
    return any(_flow_anchor(items[k]) for k in range(_clause_start(items, position), position))


def _versus_flow(items: Sequence[Item], figure: Figure, places: _Places) -> None:
    """«ارزش صادرات مس شیلی ۱٫۸ برابر صادرات مس پرو»: the flow named right after a
    multiple whose own flow is named before it is what it is a multiple of."""
    end = figure.position + 1
    if figure.type != "Times" or end >= len(items) or not _flow_anchor(items[end]) or \
            not _flow_before(items, figure.position):
        return
    if any(_is(item, "Period") for item in
           itertools.takewhile(lambda item: item.kind != PUNCT and "verb" not in item.features,
                               items[end + 1:])):
        return  # «۳۰ برابر واردات از آن در سال ۱۳۹۰»: of a period the figure does not have
    own = figure.subject
    flows = [_flow_of(items[k]).flow for k in range(_clause_start(items, figure.position),
                                                    figure.position) if _is(items[k], "Flow")]
    pronoun = _pronoun_after(items, end)
    if pronoun is not None and not _other_place_after(items, pronoun + 1, own) and \
            own.flow == "goods" and own.exporter and own.importer and flows and \
            {flows[-1], _flow_of(items[end]).flow} == {V.EXPORT, V.IMPORT}:
        # «واردات هند از امارات ۱٫۳ برابر صادرات آن», «صادرات به این کشور سی برابر
        # واردات از آن»: the other flow between the same two sides
        figure.versus = replace(own, exporter=own.importer, importer=own.exporter)
        return
    versus = _noun_subject(items, end, len(items), places)
    if versus.flow == figure.subject.flow and versus != figure.subject:
        figure.versus = replace(versus, measure=versus.measure or figure.subject.measure)


def _pronoun_after(items: Sequence[Item], flow: int) -> int | None:
    """Where the pronoun for the other side stands after a flow noun: «صادرات آن», or
    after the flow's own preposition, «واردات از آن», «صادرات به آن»."""
    if not _is(items[flow], "Flow") or flow + 1 >= len(items):
        return None
    at = flow + 1 if "pronoun" in items[flow + 1].features else None
    preposition = {V.IMPORT: "از", V.EXPORT: "به"}.get(_flow_of(items[flow]).flow)
    if flow + 2 < len(items) and items[flow + 1].text == preposition and \
            "pronoun" in items[flow + 2].features:
        at = flow + 2
    return at


def _other_place_after(items: Sequence[Item], k: int, own: Subject) -> bool:
    """Whether a place other than the two sides of ``own`` follows at ``k``, after a
    preposition: «صادرات آن به چین» (not «واردات آن از این کشور»)."""
    if k + 1 >= len(items) or items[k].text not in ("به", "از", "با"):
        return False
    place = _place(items[k + 1])
    return place is not None and place not in (own.exporter, own.importer)


def _in_place_list(items: Sequence[Item], k: int, j: int) -> bool:
    """Whether the comma at ``j`` parts two places of a list that names whose the flow
    at ``k`` is: «صادرات مس شیلی، پرو و کنگو» (not «… وارد شده و هند، سریلانکا …»)."""
    return items[j].text in ("،", ",") and k < j < len(items) - 1 and \
        _place(items[j - 1]) is not None and _place(items[j + 1]) is not None and \
        not any(items[x].text == "و" or "verb" in items[x].features for x in range(k + 1, j))


_HAD = frozenset({"داشت", "داشتند", "داشته"})


def _had_by(items: Sequence[Item], k: int, places: _Places, sides: _Sides) -> None:
    """"فرانسه نیز ۶۰۷ میلیارد یورو صادرات داشت": the place that had the flow named
    after the amount is whose it is."""
    if sides.owner is None and k > 0 and _is_quantity(items[k - 1]) and \
            not sides.to and not sides.from_ and \
            k + 1 < len(items) and items[k + 1].text in _HAD:
        sides.owner = _agent_before(items, k - 1, places)


def _noun_subject(items: Sequence[Item], k: int, position: int, places: _Places) -> Subject:
    stop = position if k < position else len(items)
    for j in range(k + 1, stop):
        if _is_quantity(items[j]) or (items[j].kind == PUNCT and items[j].text in _CLAUSE_END
                                      and not (k < position and _in_place_list(items, k, j))):
            stop = j
            break
    sides = _sides_after(items, k + 1, stop, places)
    sides.this = k > 0 and items[k - 1].text in _DEMONSTRATIVES
    if "flow_adjective" in items[k].features and not sides.product:
        sides.product = _product_before(items, k)  # "میگوی صادراتی", "خرمای صادرشده"
    if stop == k + 1 == position:
        # "چین با فروش X کالا به ایران": the places follow the amount
        end = position + 1
        while end < len(items) and not _is_quantity(items[end]) and not (
                items[end].kind == PUNCT and items[end].text in _CLAUSE_END):
            end += 1
        after = _sides_after(items, position + 1, end, places)
        sides.to, sides.from_ = sides.to or after.to, sides.from_ or after.from_
        sides.with_ = sides.with_ or after.with_
        sides.product = sides.product or after.product
    if sides.owner is None and k > 0 and items[k - 1].text == "با":
        sides.owner = _agent_before(items, k, places)  # "هنگ کنگ با خرید X"
    if k > 0 and "total_word" in items[k - 1].features:
        sides.total = True
    item = items[k]
    balance = any("balance_word" in items[j].features for j in range(max(0, k - 3), k))
    if balance and _flow_of(item).flow == V.TRADE if _is(item, "Flow") else False:
        # "تراز ۱۰ ماهه داد و ستد دو کشور": the balance of that trade
        return replace(_trade(sides, places), flow="balance", owner=REPORTER)
    if "balance_word" in item.features or "difference_word" in item.features:
        if sides.owner is None and not sides.both:
            # "ایران که … مازاد … با هند داشت", "حاصل این داد و ستد برای ایران … تراز منفی"
            sides.owner = _agent_before(items, k, places) or _for_place(items, k, places)
        start = _clause_start(items, k)
        sides.this = sides.this or any(  # "حاصل این داد و ستد …": of the trade named before
            items[j].text in _DEMONSTRATIVES and _is(items[j + 1], "Flow")
            and _flow_of(items[j + 1]).flow == V.TRADE for j in range(start, k - 1))
        return _trade(sides, places, balance=True)
    _had_by(items, k, places, sides)
    subject = _goods(_flow_of(item).flow, sides, places,
                     bilateral="bilateral_flow" in item.features)
    if subject.flow == "goods" and subject.importer is None and not sides.total and \
            sides.owner is None:  # (not of «… و صادرات سنگ آهن هند»: India's own)
        party = _agent_before(items, k, places)
        if party is not None and party not in (subject.exporter,):
            subject = replace(subject, party=party)
    return subject


def _subject_of(sentence: Sentence, position: int, places: _Places) -> Subject:  # noqa: PLR0911, PLR0912  one return per construction
    items = sentence.items
    # A flow verb after the figure, before the next figure: "X کالا به ایران فروخت".
    figure = items[position]
    # (not «صادرات مس شیلی ۱٫۸ برابر صادرات مس پرو»: the flow after is what it is a
    # multiple of, `_versus_flow`)
    versus = figure.type == "Times" and _flow_before(items, position)
    if figure.type in ("Percent", "Times", "Points") and not versus:
        for k in range(position + 1, min(len(items), position + 3)):
            if "total_word" in items[k].features:
                break  # "۵٫۵ درصد کل صادرات استان": the whole, not what the rate is of
            if items[k].text == "و":
                break  # "صادرات X ۴ درصد و واردات Y ۹ درصد": the next conjunct's flow
            if _flow_anchor(items[k]):  # "رشد ۴۰ درصدی فروش کالاهای ایرانی به چین"
                return _noun_subject(items, k, len(items), places)
    following = items[position + 1] if position + 1 < len(items) else None
    if following is not None and _flow_anchor(following) and not versus and not (
            _is(following, "Flow") and _flow_of(following).verb):
        # "X تن صادرات", "X میلیارد دلار مازاد تجاری"
        return _noun_subject(items, position + 1, len(items), places)
    for k in range(position + 1, min(len(items), position + 12)):
        item = items[k]
        if item.kind == PUNCT and item.text in _SENTENCE_END:
            break
        if _is_quantity(item):
            if not _other_measure(figure, item):
                break
            continue  # "X تن کالا به ارزش Y دلار وارد شد": one verb for both
        if _is(item, "Flow") and _flow_of(item).verb and not (
                _flow_of(item).noun and k + 1 < len(items) and (
                    _place(items[k + 1]) or _content(items[k + 1]))):
            # (not «… و تولید گندله به Y»: a noun naming its goods, another clause)
            return _verb_subject(items, position, k, places)
        if _flow_anchor(item) and k > 0 and items[k - 1].text in ("سهم", "به", "مربوط", "آن") \
                and not _described_before(items, position) and not any(
                    "ratio_noun" in items[j].features for j in range(position + 1, k)):
            # "X از این رقم سهم صادرات ایران به ترکیه", "X به واردات مربوط است"
            return _noun_subject(items, k, position, places)
    # The flow noun before it in its clause, or a flow verb before it with no noun
    # between: "صادرات ترکیه به ایران طی ... به X رسید", "کالاهایی که ایران به ترکیه
    # فروخت X بود".
    for k in range(position - 1, -1, -1):
        item = items[k]
        if "pronoun" in item.features and k > 0 and "measure" in items[k - 1].features:
            referent = _share_part_before(items, k, places)
            if referent is not None:
                return referent  # "سهم واردات انرژی از کل واردات … و ارزش آن … X"
        if _flow_anchor(item) and _noun_of_amount(items, k) and \
                any(x.kind == PUNCT or x.text == "و" for x in items[k + 1:position]):
            continue  # "۱۳۷ هزار تن واردات، X": the noun of the amount before it
        if _flow_anchor(item) and _whole_of_rate(items, k) and \
                any(x.text == "و" for x in items[k + 1:position]):
            continue  # "… که ۱۸ درصد کل تجارت بود و ۲۵ درصد رشد": the other rate's whole
        if _flow_anchor(item):
            return _noun_subject(items, k, position, places)
        if _is(item, "Flow") and _flow_of(item).verb:
            return _verb_subject(items, position, k, places)
    party = _agent_before(items, position, places)
    return Subject(party=party, product=_product_near(items, position)
                   or _product_for(items, position))


def _whole_of_rate(items: Sequence[Item], k: int) -> bool:
    """Whether the flow noun at ``k`` is the whole of a percentage just before it, with
    only «از» or a total word between («۱۸ درصد کل تجارت», «۳۰ درصد از صادرات»)."""
    j = k - 1
    while j >= 0 and (items[j].text == "از" or "total_word" in items[j].features):
        j -= 1
    return j >= 0 and _is(items[j], "Percent")


def _seller_after(items: Sequence[Item], position: int) -> tuple[str | None, str | None]:
    """The side a seller word after the figure gives the place before «با»: «… با X …
    نخستین مقصد …» (the importer), «… بزرگترین تامین‌کننده …» (the exporter); and the
    place whose goods it names right after it («مقصد کالاهای ترکیه»), if any."""
    for j in range(position + 1, min(len(items), position + _SELLER_REACH)):
        side = items[j].features.get("seller_word")
        if isinstance(side, str):
            owner = next((p for k in range(j + 1, min(len(items), j + _PAIR_WORDS))
                          if (p := _place(items[k])) is not None), None)
            return side, owner
        if _is(items[j], "Flow") or "verb" in items[j].features or (
                items[j].kind == PUNCT and items[j].text in _SENTENCE_END):
            break
    return None, None


def _share_part_before(items: Sequence[Item], k: int, places: _Places) -> Subject | None:
    """The part of the share «سهم P از W» before ``k`` where P is a flow: what «ارزش آن»
    after it is the value of, not the whole W."""
    for j in range(k - 1, 0, -1):
        if "share_word" in items[j - 1].features and _is(items[j], "Flow"):
            end = next((m for m in range(j + 1, k) if items[m].text == "از"), None)
            return None if end is None else _noun_subject(items, j, end, places)
    return None


def _noun_of_amount(items: Sequence[Item], k: int) -> bool:
    """Whether the flow noun at ``k`` names the amount just before it («۸۹۵ هزار تن کالا
    صادرات», «۱۳۷ هزار تن واردات»)."""
    j = k - 1
    if j >= 0 and _generic(items[j]):
        j -= 1
    return (j >= 0 and _is_quantity(items[j])) or (
        k + 1 < len(items) and _is_quantity(items[k + 1]))  # "با صادرات ۸۹۵ هزار تن …"



def _for_place(items: Sequence[Item], k: int, places: _Places) -> str | None:
    """«برای ایران» in the clause before ``k``: whose a balance is."""
    start = _clause_start(items, k)
    for j in range(start, k - 1):
        if items[j].text == "برای":
            place, _ = _place_or_reference(items, j + 1, places)
            if place is not None:
                return place
    return None


def _product_before(items: Sequence[Item], k: int) -> str:
    """The product an adjective of a flow follows: «میگوی صادراتی» → میگو."""
    words: list[str] = []
    j = k - 1
    while j >= 0 and _content(items[j]) and not _generic(items[j]) and \
            len(words) < _MAX_PRODUCT_WORDS:
        words.insert(0, _product_word(items[j]))
        j -= 1
    return " ".join(words)


def _product_near(items: Sequence[Item], position: int) -> str:
    """A product named right after an amount's unit («۶۳۳ هزار تن شمش فولادی»)."""
    product, end = _product_after(items, position + 1, min(len(items), position + 5))
    if product and end < len(items) and items[end].text in _LIGHT_VERBS:
        return ""  # "… ۸۶۰۰ دلار محاسبه شد": the verb's noun, no goods
    return product


def _product_for(items: Sequence[Item], position: int) -> str:
    """The goods a clause with no flow word names after «برای» or «در مورد» before the
    figure: «برای آهن اسفنجی هم … افتی ۱۰۰ درصدی»."""
    for k in range(_clause_start(items, position), position):
        if items[k].text in ("برای", "درباره") or items[k].text == "در مورد":
            product, _ = _product_after(items, k + 1, position)
            if product and not product.startswith(_THIS):
                return product
    return ""


def measure_near(items: Sequence[Item], position: int, bases: frozenset[int] = frozenset(),
                 ) -> str:
    """The measure a percentage is of: a measure word beside it with no «و» between
    («از نظر وزن ۳۹ درصد», «۵۳ درصد در ارزش و ۲۷ درصد در وزن»)."""
    found: list[tuple[int, str]] = []
    for step in (-1, 1):
        k = position + step
        for distance in range(1, _MEASURE_WINDOW + 1):
            if not 0 <= k < len(items):
                break
            item = items[k]
            if item.text == "و" or (item.kind == "mention" and item.type in QUANTITY_TYPES):
                break
            measure = item.features.get("measure")
            if isinstance(measure, str):
                found.append((distance, measure))
                break
            k += step
    if not found:
        # "ارزش صادرات زعفران در سه ماهه نخست ۱۴۰۳، ۳۰ درصد رشد کرد": the measure its
        # sentence names before it, with no figure or «و» between
        for k in range(position - 1, -1, -1):
            item = items[k]
            if item.text == "و" or (item.kind == "mention" and item.type in QUANTITY_TYPES
                                    and k not in bases):
                break  # (past a base: «این میزان از نظر وزن نسبت به … که X بود، ۲۰ درصد»)
            measure = item.features.get("measure")
            if isinstance(measure, str):
                return measure
        return ""
    measures = {m for _, m in found}
    return found[0][1] if len(measures) == 1 else min(found)[1]


def _anaphoric(sentence: Sentence, figure: Figure) -> bool:
    """Whether the figure's clause opens with «این رقم», «رقم مشابه»: it is of the
    figure named just before."""
    items = sentence.items
    start = _clause_start(items, figure.position)
    after = range(figure.position + 1, min(len(items), figure.position + 3))
    if any("anaphor" in items[k].features for k in (*range(start, figure.position), *after)):
        return True
    # "این میزان … نسبت به … که X بود، بیست درصد افزایش داشته": the sentence's subject
    opening = any("anaphor" in item.features for item in items[:2])
    return opening and all("compared" in f.roles for f in sentence.figures
                           if f.position < figure.position)


# ------------------------------------------------------------------ the pass

def _period_after(items: Sequence[Item], figure: Figure, positions: Sequence[int],
                  resolved: dict[int, tuple[Period | None, bool]]) -> int | None:
    """The period written right after a figure («X در سال ۱۴۰۱»; not «X و در اسفند Y»:
    the next one's), after the figures printed beside it of another measure («X و Y در
    ۱۴۰۱»: a weight and a value share it)."""
    last = figure.position
    while True:
        following = next((j for j in range(last + 1, min(len(items), last + 5))
                          if _is_quantity(items[j]) or _is(items[j], "Period")), None)
        if following is None or not _is_quantity(items[following]) or \
                not _other_measure(items[last], items[following]):
            break
        last = following
    for q in positions:
        between = items[last + 1:q]
        reach = 5 if all(_place(x) is not None or x.text in ("به", "از", "در", "با")
                         for x in between) else 3
        if last < q <= last + reach and not any(
                _is_quantity(x) or x.text in ("و", "،", ",") for x in between) \
                and not (resolved[q][1] and figure.type != "Amount"):
            return q
    return None


def _periods_for(sentence: Sentence, resolved: dict[int, tuple[Period | None, bool]],
                 discourse: _Discourse) -> None:
    """Each figure's own period: written right after it, else the last before it in the
    sentence that is not a period compared with, else the one spoken of. A period
    compared with is an amount's own only when it follows the amount (``در مقایسه با
    ۱۸۶ میلیون دلار سال ۹۶``); a percentage's never."""
    items = sentence.items
    positions = sorted(resolved)
    taken: set[int] = set()
    for figure in sentence.figures:
        p = figure.position
        own = _period_after(items, figure, positions, resolved)
        if own is None and figure.type == "Amount":
            # "دوره مشابه ۱۴۰۱ که حدود X": the amount of a period compared with
            near = [q for q in positions if p - 4 <= q < p and resolved[q][1]
                    and not any(_is_quantity(items[j]) or items[j].text == "به"
                                for j in range(q + 1, p))]
            own = near[-1] if near else None
        if own is None:
            before = [q for q in positions if q < p and not resolved[q][1] and q not in taken]
            if figure.type != "Amount" and not _of_it(items, p) and \
                    not any("share_word" in items[k].features for k in range(p)):
                # "این رقم در ۱۴۰۱ X بود و … ۵٫۵ درصد کاهش": the period of X, not the rate's
                # (but "کل صادرات در ۱۴۰۲ X بود و … ۴۷ درصد آن را", "سهم … از کل صادرات
                # سال ۱۴۰۲ که X بود، ۲۸٫۶ درصد": a share of X, of its period)
                before = [q for q in before if not any(
                    _is(items[j], "Amount") for j in range(q + 1, p))]
            own = before[-1] if before else None
        if own is not None:
            period, compared = resolved[own]
            if compared:
                figure.roles.add("compared")
            if own > p:
                taken.add(own)
                figure.period_after = True
                base = discourse.period or sentence.own
                if period is not None and period.relative is not None and \
                        period.months is None and base is not None and \
                        _governed_by_marker(items, p):
                    # "در مقایسه با X سال گذشته": the base of the months compared
                    period = replace(period, months=base.months)
            figure.period = figure.own_period = period
        elif not _perfect_after(items, p):
            # the period spoken of; in a text's first sentence with one, the sentence's own;
            # a rate's in a sentence that goes on to a later period than the one spoken of
            # («… ۱۴۰۱ … . صادرات در سال ۱۴۰۲ به X رسید که … ۴۱ درصد رشد داشت»)
            spoken = discourse.period
            later = figure.type != "Amount" and sentence.own is not None and \
                spoken is not None and (_earlier(spoken, sentence.own)
                                        or _apart(spoken, sentence.own))
            drawn = sentence.drawn_from if figure.type == "Amount" else None
            figure.period = sentence.before or drawn or (sentence.own if later else None) \
                or discourse.period or sentence.own


def _period_parts(sentence: Sentence, resolved: dict[int, tuple[Period | None, bool]],
                  ) -> None:
    """A share whose part is a period, «سهم ماه مارس از صادرات سه ماهه ۲۴ درصد بود»,
    «سهم ژوئیه از این رقم»: the period right after the share word is the part's; the
    figure's own period is the whole's, the one its clause names after it (none where
    the whole is «این رقم»). A part with no year takes the whole's."""
    items = sentence.items
    for figure in sentence.figures:
        if figure.type != "Percent":
            continue
        start = _clause_start(items, figure.position)
        shares = [k for k in range(start, figure.position - 1)
                  if "share_word" in items[k].features and k + 1 in resolved]
        if len(shares) != 1 or resolved[shares[0] + 1][1]:
            continue
        part = resolved[shares[0] + 1][0]
        wholes = [resolved[q][0] for q in resolved if shares[0] + 1 < q < figure.position
                  and not resolved[q][1]]
        if part is None or part.months is None or len(wholes) > 1 or None in wholes:
            continue
        whole = wholes[0] if wholes else None
        if whole is not None and (whole.months or (1, 12)) != part.months and \
                (part.year is None or part.relative is not None) and \
                (whole.year is not None or whole.relative is not None) and \
                (not part.calendar or not whole.calendar or part.calendar == whole.calendar):
            part = replace(part, year=whole.year, relative=whole.relative,
                           calendar=part.calendar or whole.calendar, fiscal=whole.fiscal)
        figure.part_period = part
        figure.period = figure.own_period = whole


def _from_periods(sentence: Sentence) -> None:
    """«در سال ۱۴۰۲ از X به Y رسید»: X is the value the year began from, of no period
    the sentence names, unless one is written right after it («از X در سال ۱۴۰۱»)."""
    ends = [f for f in sentence.figures if "to" in f.roles]
    for figure in sentence.figures:
        if "from" in figure.roles and not figure.period_after and any(
                f.period == figure.period and f.type == figure.type for f in ends):
            figure.period = figure.own_period = None


def _roles(sentence: Sentence) -> None:
    items = sentence.items
    for figure in sentence.figures:
        p = figure.position
        if figure.type == "Amount":
            figure.per = _per_unit(items, p)
        before = [items[k] for k in range(max(0, p - 3), p)]
        if _governed_by_marker(items, p):
            figure.roles.add("compared")
        if before and before[-1].text == "از" and figure.comparator == V.EQUAL:
            figure.roles.add("from")  # not «از X فراتر رفت»: a threshold passed
        if before and before[-1].text == "به":
            figure.roles.add("to")
        if _anaphoric(sentence, figure) and "compared" not in figure.roles:
            figure.roles.add("anaphor")  # not the base «نسبت به … که X بود» after it
        if figure.type == "Amount":
            _amount_roles(items, figure)
        _clause_roles(items, figure)
        after = [items[k].text for k in range(p + 1, min(len(items), p + 3))]
        if after[:1] == ["از"] and len(after) > 1 and (
                "pronoun" in items[p + 2].features or "anaphor" in items[p + 2].features):
            figure.roles.add("part")  # "۱۳٫۵ میلیارد دلار از آن", "X از این رقم"
    # "از X تن و Y دلار به Z تن و W دلار": the roles of a weight go with its value
    for a, b in _measure_pairs(sentence):
        shared = (a.roles | b.roles) & {"from", "to", "compared"}
        if not ({"from", "to"} <= shared):
            a.roles |= shared
            b.roles |= shared


def _clause_roles(items: Sequence[Item], figure: Figure) -> None:
    """The roles the words around a figure give it: each, total, a forecast."""
    before = items[max(0, figure.position - 3):figure.position]
    if any("each_word" in item.features for item in before):
        figure.roles.add("each")
    if any("total_word" in item.features or "sum_word" in item.features
           for item in before[-2:]):
        figure.roles.add("total")
    if _forecast(items, figure.position):
        figure.roles.add("forecast")  # «… ۱۰ درصد کمتر خواهد بود»: no fact yet


def _forecast(items: Sequence[Item], position: int) -> bool:
    """Whether the clause of the figure at ``position`` is in the future tense after it."""
    for item in items[position + 1:]:
        if item.text in _CLAUSE_END or item.text in ("و", "که"):
            return False  # (not «… ۱۰ درصد کاهش یافت و سال آینده … خواهد رسید»)
        if item.text.startswith(FUTURE):
            return True
    return False


def _amount_roles(items: Sequence[Item], figure: Figure) -> None:
    """The roles of an amount that is no level: a change by how much, an average, the size
    of each thing counted, an aim."""
    if figure.position and "target_word" in items[figure.position - 1].features:
        figure.roles.add("target")  # «هدف ۲۰۰ میلیارد دلاری»: an amount aimed at, not reached
    if _difference(items, figure):
        figure.roles.add("difference")
    p = figure.position
    if figure.mention.text.endswith("ی") and p >= 2 and items[p - 1].kind == WORD and \
            _counted(items[p - 2]):
        figure.roles.add("size")  # "۱۰ میلیون کیسه ۶۰ کیلوگرمی": the size of each thing counted
    if _averaged(items, figure.position) and not figure.value.dimension.endswith(PER_DAY):
        # (not a rate in a unit per day, «روزانه X بشکه»: that is its own quantity)
        figure.roles.add("average")  # "متوسط مبادلات ماهانه دو کشور X"
    if any("rate_word" in items[k].features
           for k in range(max(0, figure.position - _RATE_REACH), figure.position)):
        figure.roles.add("rate")  # "با احتساب نرخ ارز ۲۸ هزار و ۵۰۰ تومان برای هر دلار"


def _same_producer(sentence: Sentence, figure: Figure, subject: Subject) -> Subject:
    """«عربستان … X بشکه تولید کرد که در مقایسه با Y بشکه …»: a production whose
    producer its words do not name is that of the one before it in the sentence, where
    no place is named between them."""
    if subject.flow not in OWN_FLOWS or subject.exporter != REPORTER:
        return subject
    for other in reversed(sentence.figures[:sentence.figures.index(figure)]):
        if other.subject.flow != subject.flow:
            continue
        if other.subject.exporter in (None, REPORTER) or any(
                _is(sentence.items[k], "Place")
                for k in range(other.position + 1, figure.position)):
            return subject
        return replace(subject, exporter=other.subject.exporter)
    return subject


def _counted(item: Item) -> bool:
    """A number of things with no unit of its own: «۱۰ میلیون (کیسه)»."""
    if _is(item, "Number"):
        return True
    value = getattr(item, "value", None)
    return _is(item, "Amount") and isinstance(value, QuantityValue) and not value.unit


def _averaged(items: Sequence[Item], position: int) -> bool:
    """Whether the words before an amount in its clause call it an average per month or
    year («متوسط مبادلات ماهانه»), with no other quantity between (not «به طور میانگین
    X بشکه در روز», a rate of its own)."""
    per_time = False  # «ماهانه»: an average over the months of a period, not its total
    for k in range(position - 1, max(-1, position - _AVERAGE_REACH), -1):
        if _is_quantity(items[k]) or items[k].text in _CLAUSE_END:
            return False
        per_time = per_time or "time_adjective" in items[k].features
        if "average_word" in items[k].features:
            return per_time
        if items[k].text in _PER_TIME and position - k <= _ATTACHED_TIME:
            return True  # "روزانه ۴ میلیون و ۶۰۰ هزار بشکه": a day's, not the year's
    return False


def _difference(items: Sequence[Item], figure: Figure) -> bool:
    """An amount that is a change, not a level: «این رقم پارسال ۱۰۰۰ تن بیشتر بود» (by
    how much), «افت ۵ میلیارد یورویی» (an adjective of a fall)."""
    p = figure.position
    if p + 1 < len(items) and items[p + 1].text in _COMPARATIVES:
        return True
    if p + 1 < len(items) and items[p + 1].features.get("comparator") in (V.MORE, V.LESS) and \
            items[p + 1].text.split()[-1] == "از" and not (p > 0 and items[p - 1].text == "از"):
        return True  # "… ۸ دلار کمتر از نفت عراق": by how much one is below the other
    if p + 1 < len(items) and "direction" in items[p + 1].features and \
            not (p > 0 and items[p - 1].text in ("به", "از")):
        return True  # "… نسبت به سال قبل ۱۴۶ میلیون دلار افزایش یافت" (not «به X افزایش»)
    return figure.mention.text.endswith("ی") and any(
        "direction" in items[k].features for k in (p - 1, p + 1) if 0 <= k < len(items))


def _measure_pairs(sentence: Sentence) -> list[tuple[Figure, Figure]]:
    """A weight and a value of the same goods side by side: «X تن آبزی به ارزش Y دلار»."""
    items = sentence.items
    return [(a, b) for a, b in zip(sentence.figures, sentence.figures[1:], strict=False)
            if b.position - a.position <= 6 and _other_measure(a.mention, b.mention)
            and not any(_is(items[k], "Period") or _is(items[k], "Flow")
                        for k in range(a.position + 1, b.position))]


def _per_unit(items: Sequence[Item], position: int) -> tuple[str, str] | None:
    """The unit an amount is a price of: «قیمت هر تن …», «… دلار در هر کیلوگرم», «بر حسب
    تن», «سرانه …», «سهم هر نفر …», in its clause before it or just after it."""
    start = _clause_start(items, position)
    end = position + 1
    while end < len(items) and end < position + 4 and not (
            items[end].kind == PUNCT and items[end].text in (*_CLAUSE_END, "(")) \
            and "verb" not in items[end].features:
        end += 1  # "… دلار در هر کیلوگرم", not "… دلار بود (ارزش واحد هر کیلو …)"
    found: list[tuple[int, tuple[str, str]]] = []
    priced = False
    own = getattr(getattr(items[position], "value", None), "dimension", "")
    for k in range(start, end):
        item = items[k]
        priced = priced or "price_word" in item.features
        if "per_head" in item.features:
            found.append((abs(k - position), ("person", "person")))
        elif "per_word" in item.features and k + 1 < len(items):
            unit = items[k + 1].features.get("unit")
            if isinstance(unit, tuple) and unit[1] == own:
                pass  # «بر حسب یوان … ۳٫۷۵ تریلیون یوان»: counted in yuan, not per yuan
            elif isinstance(unit, tuple):
                found.append((abs(k - position), (str(unit[0]), str(unit[1]))))
            elif _place(items[k + 1]) is not None:  # "هر ایرانی": per person
                found.append((abs(k - position), ("person", "person")))
            elif _content(items[k + 1]) or _generic(items[k + 1]):
                # "ارزش هر خودروی صادراتی ۸۶ هزار یورو": per item of no unit the reader has
                found.append((abs(k - position), ("", "")))
    adjective = unit_adjective(items[position - 1]) if position else None
    if adjective is not None and _priced_here(items, position, adjective[1]):
        found.append((1, adjective))  # «بشکه‌ای ۷۳ دلار», «تنی ۵۰۰ دلار»: per barrel, per tonne
    if found:
        return min(found)[1]
    return ("", "") if priced else None  # "قیمت جهانی … ۱۰۰ دلار": a price of no unit said


def _priced_here(items: Sequence[Item], position: int, dimension: str) -> bool:
    """Whether a price «بشکه‌ای X دلار» sums up its own sentence: the value and the
    quantity it divides stand before it there (or it follows them with «یعنی»), no number
    right before the word («نفتکش دو میلیون بشکه‌ای» is a size); not a price of one
    market, a discount or a freight said on its own («… در بازار چین کیلویی ۹ دلار»)."""
    before = items[position - 2] if position > 1 else None
    if before is not None and (_is(before, "Number") or _is_quantity(before)):
        return False
    dimensions = {getattr(getattr(item, "value", None), "dimension", "")
                  for item in items[:position - 1] if _is(item, "Amount")}
    money = getattr(getattr(items[position], "value", None), "dimension", "")
    # («…؛ یعنی بشکه‌ای X دلار»: the clause it draws from is before its «یعنی»)
    return (dimension in dimensions and money in dimensions) or items[0].text == "یعنی"


def unit_adjective(item: Item) -> tuple[str, str] | None:
    """The unit of mass or volume a word names with the ending «‌ای»/«ی» it takes before
    a price («بشکه‌ای», «تنی», «کیلویی»): (unit name, dimension); not a currency."""
    if item.kind != WORD:
        return None
    for ending in ("ای", "یی", "ی"):
        if item.text.endswith(ending) and len(item.text) > len(ending) + 1:
            features = _lexicon().features(item.text[:-len(ending)])
            unit = features.get("unit")
            if isinstance(unit, tuple) and "currency" not in features:
                return str(unit[0]), str(unit[1])
    return None


def _background(sentence: Sentence) -> bool:
    """A sentence in the past perfect («… رسیده بود», «… صادر شده بود») gives a base, not
    the period the text goes on to speak of."""
    return any(_past_perfect(sentence.items, k) for k in range(len(sentence.items)))


def _past_perfect(items: Sequence[Item], k: int) -> bool:
    return items[k].text == "بود" and k > 0 and (
        items[k - 1].kind == WORD or _is(items[k - 1], "Flow")) and \
        items[k - 1].text.endswith("ه")


def _of_it(items: Sequence[Item], position: int) -> bool:
    """Whether a rate is a share of «آن», the amount before it: «۴۷ درصد آن را»."""
    return any("pronoun" in items[k].features
               for k in range(position + 1, min(len(items), position + 3)))


def _perfect_after(items: Sequence[Item], position: int) -> bool:
    """Whether a figure is said in the past perfect («… X کیوی صادر شده بود»): a base
    whose period the text must name, not the one it speaks of."""
    for k in range(position + 1, len(items)):
        if _is_quantity(items[k]) or (items[k].kind == PUNCT and items[k].text in _CLAUSE_END):
            return False
        if _past_perfect(items, k):
            return True
    return False


def _lists(sentence: Sentence) -> None:
    """The members of a list of figures («۲۶، ۱۸ و ۱۶ درصد») share what the words around
    its last member say (its whole, its cues)."""
    members: dict[int, list[Figure]] = {}
    for figure in sentence.figures:
        member = figure.value.member
        if member is not None:
            members.setdefault(member[0], []).append(figure)
    for listed in members.values():
        last = listed[-1]
        for figure in listed:
            figure.last_of_list = last
            if figure.whole is None:
                figure.whole = last.whole
    rates = [f for f in sentence.figures if f.type == "Percent"]
    for rate, following in itertools.pairwise(rates):
        between = sentence.items[rate.position + 1:following.position]
        if rate.whole is None and following.whole is not None and any(
                x.text == "و" for x in between) and not any(
                x.kind == PUNCT and x.text in _SENTENCE_END for x in between) and not any(
                "verb" in x.features or "direction" in x.features for x in between):
            # (not «۲۱ درصد رشد نشان می‌دهد، … بود و ۴۴ درصد ارزش صادرات را»: a clause each)
            rate.whole = following.whole  # "متانول با X ۲۷٫۴ درصد و … ۱۳ درصد از صادرات"
            rate.last_of_list = rate.last_of_list or following  # … and its verb
    for figure in sentence.figures:
        if figure.type == "Times":
            _versus(sentence, figure)


def _versus(sentence: Sentence, figure: Figure) -> None:
    """«این سه کشور به ترتیب ۸، ۳/۲ و ۱/۷ برابر ایران به اتحادیه اروپا کالا
    فروخته‌اند»: a multiple of the same flow of the place named after «برابر», to the
    partner named after it (else its own)."""
    items = sentence.items
    end = (figure.last_of_list or figure).position + 1
    place = _place(items[end]) if end < len(items) else None
    own = figure.said_of.subject if figure.said_of is not None else figure.subject
    if place is not None and own.flow in OWN_FLOWS and own.exporter != place:
        figure.versus = replace(own, exporter=place)  # "تولید این کشور ۷ برابر هند"
        return
    if place is None or own.flow != "goods":
        return
    to = next((p for k in range(end + 1, min(len(items), end + 3))
               if items[k - 1].text == "به" and (p := _place(items[k])) is not None), None)
    if own.exporter not in (None, REPORTER) and own.exporter != place:
        figure.versus = replace(own, exporter=place, importer=own.importer or to)
    elif own.importer not in (None, REPORTER) and own.importer != place:
        figure.versus = replace(own, importer=place)


def _groups(sentence: Sentence) -> None:
    """Amounts of one dimension listed side by side, each with its name: «سیمان با ۲۷
    میلیون دلار، مواد پلاستیکی با ۲۳ میلیون دلار و مرکبات با ۸ میلیون دلار», «چین ۳.۵
    میلیارد دلار، عراق ۲.۳ میلیارد دلار», «با ۳۸۰ و ۱۹۰ میلیون دلار»."""
    items = sentence.items
    amounts = [f for f in sentence.figures if f.type == "Amount" and f.per is None]
    groups: list[list[Figure]] = []
    for figure in amounts:
        previous = groups[-1][-1] if groups else None
        if previous is not None and previous.value.dimension == figure.value.dimension and \
                _listed(items[previous.position + 1:figure.position]):
            groups[-1].append(figure)
        else:
            groups.append([figure])
    for group in groups:
        if len(group) > 1:
            for figure in group:
                figure.group = tuple(group)
            _listed_places(items, group)
            _places_before_list(items, group)


def _places_before_list(items: Sequence[Item], group: Sequence[Figure]) -> None:
    """«روسیه و هند با خرید X و Y»: as many places listed before «با» as amounts after it,
    each amount of its place, on the side the last place is of."""
    k = group[0].position - 1
    while k >= 0 and (_is(items[k], "Flow") or items[k].text in ("حدود", "بیش از")):
        k -= 1
    if k < 1 or items[k].text != "با":
        return
    places: list[str] = []
    j = k - 1
    while j >= 0:
        place = _place(items[j])
        if place is not None:
            places.insert(0, place)
        elif items[j].text not in ("و", "،", ","):
            break
        j -= 1
    subject = group[-1].subject
    if len(places) != len(group) or subject.flow != "goods":
        return
    side = "importer" if subject.importer == places[-1] else \
        "exporter" if subject.exporter == places[-1] else None
    if side is None:
        return
    for member, place in zip(group, places, strict=True):
        named = replace(member.subject, importer=place) if side == "importer" else \
            replace(member.subject, exporter=place)
        member.subject = replace(named, party=None)


def _listed_places(items: Sequence[Item], group: Sequence[Figure]) -> None:
    """«صادرات ترکیه X، عربستان Y و عراق Z»: each member named by a place of its own is
    of that place, on the side the first member's place is of."""
    first = group[0]
    named = _place(items[first.position - 1]) if first.position > 0 else None
    subject = first.subject
    if named is None or subject.flow != "goods":
        return
    side = "exporter" if subject.exporter == named else \
        "importer" if subject.importer == named else None
    if side is None:
        return
    for member, previous in zip(group[1:], group, strict=False):
        between = items[previous.position + 1:member.position]
        places = [p for p in map(_place, between) if p is not None]
        if len(places) == 1:
            named_side = replace(subject, exporter=places[0]) if side == "exporter" else \
                replace(subject, importer=places[0])
            member.subject = replace(named_side, measure=member.subject.measure)


def _listed(between: Sequence[Item]) -> bool:
    """Whether what stands between two amounts only lists them: a comma or «و», and the
    name of the next (a place or product, with «با»)."""
    if not between or not any(item.text in ("،", ",", "و") for item in between):
        return False
    # («… ۳۲٫۵ میلیارد دلار و به ترکیه ۲۳٫۸ …»: a preposition before the next one's place)
    return all(item.text in ("،", ",", "و", "با") or _place(item) is not None
               or _content(item) or _generic(item)
               or (item.text in ("به", "از") and k + 1 < len(between)
                   and _place(between[k + 1]) is not None)
               for k, item in enumerate(between))


def _is_headline(items: Sequence[Item], lineno: int) -> bool:
    words = sum(1 for item in items if item.kind != PUNCT)
    return lineno == 1 and words <= _HEADLINE_WORDS and not any(
        item.kind == PUNCT and item.text in _SENTENCE_END for item in items)


def _local_partner(items: Sequence[Item], position: int, subject: Subject) -> Subject:
    """A place written just before the figure, «به فیلیپین ۲۸ درصد», «و از چین به X
    رسید»: the other side of its flow, for this figure of a list."""
    if subject.flow != "goods" or position < 2:
        return subject
    if position >= 4 and items[position - 1].text == "به" and items[position - 4].text == "و":
        position -= 1  # «… و از چین به ۱۵ میلیارد دلار رسید»: the value it reached
    place = _place(items[position - 1])
    preposition = items[position - 2].text
    if place is None or preposition not in ("به", "از"):
        return subject
    if preposition == "به" and subject.exporter != place:
        return replace(subject, importer=place)
    if preposition == "از" and subject.importer != place:
        return replace(subject, exporter=place)
    return subject


def _foreign_subject(sentence: Sentence, position: int, places: _Places) -> Subject | None:
    """The quantity of no goods the figure's sentence names before it (``quantity_noun``):
    «درآمد دولت قطر در سال ۲۰۲۳، ۲۰ درصد», «اقتصاد نروژ»; or right after it, as what it
    counts («۴۹ میلیون گردشگر خارجی»); or that of the figure before it («درآمد … به ۹٫۴
    میلیارد دلار رسید که ۳۵ درصد بیشتر …»). Its place and goods are those the noun's own
    words name («گردشگران ایرانی», «سرمایه‌گذاری خارجی در بخش معدن اندونزی»)."""
    items = sentence.items
    after = position + 1
    if after < len(items) and isinstance(items[after].features.get("quantity_noun"), str):
        return _of_quantity_noun(items, after, places)
    for k in range(position - 1, -1, -1):
        if isinstance(items[k].features.get("quantity_noun"), str):
            return _of_quantity_noun(items, k, places)
        if _is_quantity(items[k]):
            before = next((f for f in sentence.figures if f.position == k), None)
            if before is not None and before.subject.flow.startswith(OTHER):
                return before.subject
            return None
    return None


def _foreign_before(figure: Figure, previous: Sequence[Figure]) -> Subject | None:
    """«… ۱۱٫۶ تریلیون روبل بود؛ یعنی ۲۴ درصد کاهش»: the quantity of no goods of the
    figure just before on its line."""
    same_line = [f for f in previous if f.line == figure.line]
    if same_line and same_line[-1].subject.flow.startswith(OTHER):
        return same_line[-1].subject
    return None


def _ratio_before(items: Sequence[Item], position: int, places: _Places) -> Subject | None:
    """A ratio the figure's clause names before it («نسبت پوشش صادرات به واردات»): the
    figure is that ratio, not a figure of the flows named as its terms."""
    for k in range(position - 1, _clause_start(items, position) - 1, -1):
        if isinstance(items[k].features.get("ratio_noun"), str):
            return _of_quantity_noun(items, k, places)
        if _is(items[k], "Amount"):  # (not a rate of the ratio: «با ۸ واحد درصد افزایش»)
            return None
    return None


def _of_quantity_noun(items: Sequence[Item], k: int, places: _Places) -> Subject:
    stop = k + 1
    while stop < len(items) and not _is_quantity(items[stop]) and \
            "verb" not in items[stop].features and items[stop].text not in _CLAUSE_END:
        stop += 1
    sides = _sides_after(items, k + 1, stop, places)
    place = sides.owner or sides.to or sides.from_ or next(iter(sides.with_), None)
    if place is None:  # "سرمایه‌گذاری خارجی در بخش معدن اندونزی": a place after «در»
        place = next((p for j in range(k + 1, stop)
                      if (p := _place_or_reference(items, j, places)[0]) is not None), None)
    noun = items[k].features.get("quantity_noun") or items[k].features.get("ratio_noun")
    assert isinstance(noun, str)
    # («جمعیت کشور»: the text's own place, which it names by no other name)
    return Subject(f"{OTHER}{noun}", party=None if place == REPORTER else place,
                   product=sides.product)


def _topical(subject: Subject, topic: Subject) -> Subject:
    """A figure whose sentence names no flow is of the flow the text speaks of: «امارات با
    X کیلوگرم … خریدار دوم بود» in a text on saffron exports is the exports to the UAE;
    «یعنی ۷۰ درصد رشد ارزشی» after «واردات تخم مرغ از X به Y رسید» is of the egg imports."""
    if topic.flow != "goods":
        return subject
    exporter, importer = topic.exporter, topic.importer
    party = subject.party
    if party is not None and party not in (exporter, importer):
        if exporter in (REPORTER, None) or importer not in (REPORTER, None):
            importer = party
        else:
            exporter = party
    return replace(subject, flow="goods", exporter=exporter, importer=importer, party=None,
                   product=subject.product or topic.product)


def _resolve_product(product: str, previous: Sequence[Figure]) -> str:
    """«این خوراک»: the last product named that has the word; «این بخش», «این محصولات»
    (a word for goods in general): the first product the text named."""
    word = product[len(_THIS):]
    named = [f.subject.product for f in previous if f.subject.product
             and not f.subject.product.startswith(_THIS)]
    if word.startswith("#"):  # "این دو کالا": the last two named, together
        count = int(word[1:]) if word[1:].isdigit() else 0
        last = list(dict.fromkeys(reversed(named)))[:count]
        return " و ".join(reversed(last)) if count > 1 and len(last) == count else ""
    for earlier in reversed(named):
        if word in earlier.split(" "):
            return earlier
    if _lexicon().features(word).get("goods_word") and named:
        return named[0]
    return ""


def _product_before_with(items: Sequence[Item], position: int) -> str:
    """The product a clause opens with before «با» + the figure: «سیمان با X تن»,
    «مقاطع طویل با X تن»; or before «سهم»: «فرش ابریشم سهم ۱۵ درصدی»; or before «با» and
    a customs code: «گبه با تعرفه ۵۷۰۱۱۰۱۰ سهم ۱۳٫۱ درصدی …»."""
    start = _clause_start(items, position)
    if position >= 2 and (items[position - 1].text == "با"
                          or "share_word" in items[position - 1].features):
        label = _label_before(items, start, position - 1)
        if label:
            return label
    opening = opening_label_of(items, position)  # "انگور ۵۲ درصد ارزش صادرات …"
    if opening:
        return opening
    coded = next((k for k in range(position - 2, start, -1) if items[k].text == "با"
                  and "code_word" in items[k + 1].features), None)
    if coded is None or any(items[k].text == "و" for k in range(coded, position)):
        return ""
    return _label_before(items, start, coded)


def _source_of(items: Sequence[Item], position: int, places: _Places) -> str | None:
    """The place whose statistics the figure's sentence says it is, before it: «صادرات
    ترکیه به ایران بر اساس آمار ترکیه …», «طبق آمار گمرک چین»."""
    for k in range(position - 1, -1, -1):
        if "source_word" not in items[k].features:
            continue
        for j in range(k + 1, min(position, k + _SOURCE_REACH)):
            if items[j].kind == PUNCT:
                break  # "بر اساس آمار گمرک، چین …": the source names no place
            place, _ = _place_or_reference(items, j, places)
            if place is not None:
                return None if place == REPORTER else place  # («آمار گمرک کشور»: its own)
        return None
    return None


def _qualified(items: Sequence[Item], position: int, places: _Places, subject: Subject,
               ) -> Subject:
    """A subject with what its clause says of where its figure is from: whose statistics,
    which customs house or port, at which prices."""
    source = _source_of(items, position, places)
    if source is not None:
        subject = replace(subject, source=source)
    route = _route_of(items, position)
    if route is not None:
        subject = replace(subject, route=route)
    basis = _price_basis(items, position)
    if basis is not None:
        subject = replace(subject, basis=basis)
    return subject


_ROUTE_WORDS = frozenset({"گمرک", "گمرکات", "مرز", "مرزهای", "بندر", "بنادر", "بازارچه",
                          "بازارچههای", "پایانه", "پایانههای"})
"""Words for the ways goods leave or enter by: named after them, one of them is a part of
the flow («صادرات از گمرک بازرگان»), not the place's whole."""


def _route_of(items: Sequence[Item], position: int) -> str | None:
    """The one customs house, border or port a figure's clause names before it, goods
    leaving or entering by it: «صادرات کالا از گمرک بازرگان … X» (not «از گمرکات
    استان», «از بازارچه‌های مرزی استان»: all of a place's; not «در بندر چابهار»)."""
    for k in range(max(1, _clause_start(items, position)), position - 1):
        if items[k].text not in _ROUTE_WORDS or items[k - 1].text != "از":
            continue
        name = [item.text for item in itertools.takewhile(
            _content, items[k + 1:min(position, k + 3)]) if item.text not in _BORDER]
        after = k + 1 + len(name)
        if name and not (after < len(items) and (
                "home_word" in items[after].features or _place(items[after]) is not None)):
            return " ".join(name)
    return None


_BORDER = frozenset({"مرزی", "رسمی", "مشترک"})  # «بازارچه‌های مرزی استان»: no name


def _per_product(items: Sequence[Item], position: int) -> str:
    """The goods a second unit price names after its unit, with no figure between: «… و
    هر کیلوگرم سیب ۱٫۱ دلار»."""
    for j in range(position - 1, _clause_start(items, position) - 1, -1):
        if _is_quantity(items[j]):
            return ""
        if "per_word" in items[j].features and j + 2 < position and j > 0 and \
                items[j - 1].text == "و" and isinstance(items[j + 1].features.get("unit"), tuple):
            product, _ = _product_after(items, j + 2, position)
            return "" if product.startswith(_THIS) else product
    return ""


def opening_label(sentence: Sentence, position: int) -> str:
    """The goods a clause opens with right before its figure: «انگور ۵۲ درصد …»."""
    return opening_label_of(sentence.items, position)


def opening_label_of(items: Sequence[Item], position: int) -> str:
    start = _clause_start(items, position)
    if position > start and all(_content(x) for x in items[start:position]):
        return _label_before(items, start, position)
    return ""


def _label_before(items: Sequence[Item], start: int, end: int) -> str:
    """The words naming goods that end just before ``items[end]``, from ``start``."""
    if end - 1 >= start and items[end - 1].text in _ALSO:
        end -= 1  # "سوخت و فرآورده‌های نفتی نیز با X"
    label: list[Item] = []
    k = end - 1
    while k >= start:
        item = items[k]
        if not (_content(item) or _generic(item) or (
                item.text == "و" and label and k > start
                and (_content(items[k - 1]) or _generic(items[k - 1])))):
            break
        label.append(item)
        k -= 1
    if k >= start and items[k].text in _TIME_NOUNS:
        return ""  # «در هفته گذشته با X»: the words of a time, no goods
    # "مواد غذایی و محصولات کشاورزی": its words, less those for goods in general
    words = [item.text if item.text == "و" else _normal_word(item.text)
             for item in reversed(label) if not _generic(item)]
    while words and words[0] == "و":
        words.pop(0)
    if not words or sum(1 for w in words if w != "و") > _MAX_PRODUCT_WORDS:
        return ""  # no name, or more words than a product's name: a clause, not a label
    return " ".join(words)


def _open_sides(subject: Subject) -> bool:
    """A flow of goods the sentence names no partner of (``این صادرات``, ``فروش ۳ ماهه``);
    not the flows of several places each («صادرات مس شیلی، پرو و کنگو»)."""
    return subject.flow == "goods" and not subject.total and not subject.each and (
        subject.importer is None or subject.exporter is None)


def _inherited(subject: Subject, topics: list[Subject], home: str | None = None) -> Subject:
    """The partner an elided flow keeps from the last flow of the same way the text
    named it for: «صادرات ایران به عراق …؛ فروش ۳ ماهه امسال …». (``home``: the text's
    own side so far, which an unnamed reporter's side must be.)"""
    for topic in reversed(topics):
        if topic.flow != "goods":
            continue
        if subject.importer is None and topic.importer is not None and \
                _same_side(subject.exporter, topic.exporter, home):
            return replace(subject, importer=topic.importer, exporter=topic.exporter)
        if subject.exporter is None and topic.exporter is not None and \
                _same_side(subject.importer, topic.importer, home):
            return replace(subject, exporter=topic.exporter, importer=topic.importer)
    return subject


def _owner_named(items: Sequence[Item], position: int) -> bool:
    """Whether the flow before the figure names whose it is and nothing more: «ارزش
    صادرات استان در سال ۱۴۰۱ X» is all the province's exports, not those to the partner
    of the flow named before."""
    after = next((k for k in range(position + 1, len(items)) if _is(items[k], "Flow")
                  or (items[k].kind == PUNCT and items[k].text in _CLAUSE_END)), None)
    before = [k for k in range(position) if _is(items[k], "Flow")]
    verb = after if after is not None and _is(items[after], "Flow") else \
        (before[-1] if before else None)
    if verb is not None and _flow_of(items[verb]).verb and not _flow_of(items[verb]).noun \
            and any(items[k].text == "از" and any(
                "home_word" in items[j].features or _place(items[j]) is not None
                for j in range(k + 1, min(verb, k + 3)))
                for k in range(max(0, verb - _ORIGIN_REACH), verb)):
        return True  # "X کالا … از گمرکات استان صادر شد": all the province's exports
    flows = [k for k in range(position) if _is(items[k], "Flow")]
    if not flows or flows[-1] + 1 >= position:
        return False
    k = flows[-1] + 1
    owner = _place(items[k]) is not None or "home_word" in items[k].features
    return owner and (k + 1 >= position or items[k + 1].text not in ("به", "از", "با"))


def _same_side(open_flow: str | None, topic: str | None, home: str | None = None) -> bool:
    """The named side of an elided flow is the topic's: the same place, or the unnamed
    reporter where the topic names the reporter's own side (a named place that is no
    partner of the two)."""
    return open_flow == topic or (open_flow == REPORTER and topic is not None
                                  and home in (None, topic))


def _topics_before(sentence: Sentence, position: int, places: _Places, start: int,
                   topics: list[Subject]) -> None:
    """The flows the sentence names with their partners between ``start`` and
    ``position``, as topics an elided flow later keeps its partner from."""
    items = sentence.items
    for k in range(start, position):
        if _is(items[k], "Flow") and _flow_of(items[k]).noun:
            subject = _noun_subject(items, k, len(items), places)
            if subject.flow == "goods" and not _open_sides(subject):
                topics.append(subject)
                if position == len(items) and sentence.figures:
                    sentence.topic_after = subject  # named after its last figure


def _subjects(sentence: Sentence, places: _Places, previous: list[Figure],  # noqa: PLR0912
              topics: list[Subject]) -> None:
    done = 0
    for figure in sentence.figures:
        _topics_before(sentence, figure.position, places, done, topics)
        done = figure.position
        subject = _subject_of(sentence, figure.position, places)
        subject = _local_partner(sentence.items, figure.position, subject)
        subject = _agent_with(sentence.items, figure.position, subject)
        if "anaphor" in figure.roles and previous:
            subject = _of_antecedent(figure, subject, previous)
        ratio = _ratio_before(sentence.items, figure.position, places)
        if ratio is not None:
            subject = ratio  # "نسبت پوشش صادرات به واردات … به ۷۷٫۴ درصد رسید"
        if not subject.flow and _these_goods(sentence.items, figure.position):
            # "ارزش این محموله‌ها X": the goods of the figure before
            goods = [f.subject for f in previous if f.subject.flow == "goods"]
            if goods:
                subject = replace(goods[-1], measure="")
        # (a figure per head or per unit is of what is shared out, not of the population)
        foreign = None if subject.flow or figure.per is not None else \
            _foreign_subject(sentence, figure.position, places) or _foreign_before(figure, previous)
        if foreign is not None:
            # "درآمد دولت از نفت ۱۵ درصد کاهش یافت": a quantity of no goods is no flow
            # named before; it agrees only with figures of the same noun and place
            subject = replace(foreign, measure=subject.measure)
        if not subject.flow:
            recent = [f.subject for f in previous if f.subject.flow == "goods"
                      and f.line == figure.line]
            clause = _clause_before(sentence, previous)
            if clause is not None and clause.topic_after is not None:
                # "… و صادرات ایران به آن کشور؛ ۳۰۲ میلیون دلار ارزش داشت"
                recent = [clause.topic_after]
            if recent:
                subject = _topical(subject, recent[-1])
            elif topics:
                subject = _topical(subject, topics[-1])
        if _open_sides(subject) and not _owner_named(sentence.items, figure.position):
            subject = _inherited(subject, topics, _reporter(places.owners))
        for a, b in _measure_pairs(sentence):
            if b is figure and not subject.product and a.subject.product:
                subject = replace(subject, product=a.subject.product)
        if subject.product.startswith(_THIS):
            subject = replace(subject, product=_resolve_product(subject.product, previous))
        if not subject.product and figure.type != "Amount":
            # a rate is of the goods of the amounts beside it: «مقاطع طویل با X … ۳۵ درصد»
            local = [f.subject.product for f in sentence.figures
                     if f.type == "Amount" and f.position < figure.position and f.subject.product]
            if local:
                subject = replace(subject, product=local[-1])
        subject = _named_goods(sentence, figure, subject)
        subject = _same_producer(sentence, figure, subject)
        subject = _qualified(sentence.items, figure.position, places, subject)
        figure.subject = replace(subject, measure=_measure_of(sentence, figure) or
                                 subject.measure)
        _versus_flow(sentence.items, figure, places)
        if figure.type == "Percent":
            _share_sides(figure, places, topics, previous)
        previous.append(figure)


def _sides_of_pair(sentence: Sentence) -> None:
    """A flow of one side, given with «با» inside the words of a trade of two places
    before its figure, is with the other: «حجم تجارت دو کشور، با X واردات چین و Y
    صادرات، Z بود» (China's imports from its partner, not from all); not a flow the
    sentence names on its own («… در حالی که کل صادرات هند X بود»)."""
    items = sentence.items
    for trade in sentence.figures:
        pair = trade.subject.pair
        if trade.subject.flow != "trade" or len(pair) != _PAIR:
            continue
        nouns = [k for k in range(trade.position) if _is(items[k], "Flow")
                 and _flow_of(items[k]).flow == V.TRADE]
        if not nouns:
            continue
        for figure in sentence.figures:
            subject = figure.subject
            if not nouns[-1] < figure.position < trade.position or \
                    subject.flow != "goods" or subject.each or subject.total or \
                    not any(items[k].text == "با"
                            for k in range(nouns[-1] + 1, figure.position)):
                continue
            if subject.exporter in pair and subject.importer is None:
                other = next(p for p in pair if p != subject.exporter)
                figure.subject = replace(subject, importer=other, party=None)
            elif subject.importer in pair and subject.exporter is None:
                other = next(p for p in pair if p != subject.importer)
                figure.subject = replace(subject, exporter=other, party=None)


def _measure_of(sentence: Sentence, figure: Figure) -> str:
    """What a figure measures: an amount by its unit, a rate by the words near it; a
    forecast's figures are forecasts («پیش‌بینی می‌شود … به ۱۴ میلیون تن برسد که ۱۰ درصد …»)."""
    if any(item.features.get("measure") == "forecast"
           for item in sentence.items[:figure.position]):
        return "forecast"
    if figure.type == "Amount":
        return MEASURES.get(figure.value.dimension, "")
    return measure_near(sentence.items, figure.position, frozenset(
        f.position for f in sentence.figures if "compared" in f.roles))


def _price_basis(items: Sequence[Item], position: int) -> str | None:
    """«تولید ناخالص داخلی به قیمت‌های ثابت … X رسید که … ۳٫۵ درصد رشد»: the prices the
    sentence's values are at, as it names them last before the figure."""
    for k in range(position - 1, -1, -1):
        basis = items[k].features.get("price_basis")
        if isinstance(basis, str):
            return basis
    return None


_CONSEQUENCES = (("به", "این", "ترتیب"), ("بدین", "ترتیب"), ("بنابراین",),
                 ("با", "این", "حساب"), ("در", "نتیجه"))


def consequence(items: Sequence[Item]) -> bool:
    """Whether a sentence opens on «به این ترتیب», «بنابراین» …: it draws on the one before."""
    texts = tuple(item.text for item in items[:3])
    return any(texts[:len(phrase)] == phrase for phrase in _CONSEQUENCES)


def _per_origin(items: Sequence[Item], position: int) -> str | None:
    """The place a demonym in a price's unit phrase names the goods of, with no figure
    between: «هر کیلوگرم خرمای پاکستانی … ۲۸ سنت»."""
    for j in range(position - 1, _clause_start(items, position) - 1, -1):
        if _is_quantity(items[j]):
            return None
        if "per_word" in items[j].features:
            return next((str(place) for k in range(j + 1, position)
                         if isinstance(place := items[k].features.get("demonym"), str)), None)
    return None


def _named_goods(sentence: Sentence, figure: Figure, subject: Subject) -> Subject:
    """The goods the words next to a figure name, before any the text's topic."""
    labelled = _product_before_with(sentence.items, figure.position) or (
        _per_product(sentence.items, figure.position) if figure.per else "")
    if labelled:  # "متانول با X": the goods the label names
        subject = replace(subject, product=labelled)
    owned = _belongs_to(sentence.items, figure.position)
    if owned:
        subject = replace(subject, product=owned)  # "X به خرمای مضافتی تعلق داشت"
    origin = _per_origin(sentence.items, figure.position) if figure.per else None
    if origin is not None and subject.flow == "goods" and subject.exporter != origin:
        # "هر کیلوگرم خرمای پاکستانی ۲۸ سنت": the price of Pakistan's goods
        subject = replace(subject, exporter=origin, importer=None, party=None)
    if not subject.product and "compared" in figure.roles:
        # "مقاطع طویل با X در برابر Y": the base is of the goods it is compared with
        local = [f.subject.product for f in sentence.figures
                 if f.position < figure.position and f.type == figure.type]
        if local:
            subject = replace(subject, product=local[-1])
    return subject


def _daily_bases(sentence: Sentence) -> None:
    """«روزانه X بشکه بود که نسبت به Y بشکه …»: the value compared with a day's amount,
    or the other end of its change, is a day's too, where its unit is the same but for
    the day."""
    daily = {f.value.dimension for f in sentence.figures
             if f.type == "Amount" and f.value.dimension.endswith(PER_DAY)}
    for figure in sentence.figures:
        value = figure.mention.value
        if figure.type != "Amount" or f"{value.dimension}{PER_DAY}" not in daily or \
                not {"compared", "from", "to"} & figure.roles:
            continue
        figure.mention = replace(figure.mention, value=replace(
            value, unit=f"{value.unit}{PER_DAY}", dimension=f"{value.dimension}{PER_DAY}"))


def _shared_measures(sentence: Sentence) -> None:
    """«سهم وزنی … از ۲۴٫۵ درصد … به ۲۷٫۸ درصد رسید»: the start and end of a change of a
    rate are of one measure."""
    ends = [f for f in sentence.figures if f.type != "Amount" and {"from", "to"} & f.roles]
    measures = {f.subject.measure for f in ends} - {""}
    if len(measures) == 1:
        measure = measures.pop()
        for figure in ends:
            figure.subject = replace(figure.subject, measure=measure)


def _of_antecedent(figure: Figure, subject: Subject, previous: Sequence[Figure]) -> Subject:
    """«این رقم …»: the figure before it of its dimension is what it speaks of; its
    subject where the words name none, its period where they name none."""
    # "این رقم … ۴ درصد کاهش": a rate's «این رقم» is an amount, unless an amount stands
    # between them («این رقم در ۱۴۰۱ X بود و … ۵٫۵ درصد کاهش»: X is what it names)
    items = figure.sentence.items
    at = next((k for k in (*range(_clause_start(items, figure.position), figure.position),
                            *range(min(2, figure.position)))
               if "anaphor" in items[k].features), None)
    if figure.type != "Amount" and at is not None and any(
            f.type == "Amount" and at < f.position < figure.position
            and "compared" not in f.roles for f in figure.sentence.figures):
        return subject
    same = [f for f in previous if (f.value.dimension == figure.value.dimension
                                     or (figure.type != "Amount" and f.type == "Amount"))
            and (f.sentence is not figure.sentence or at is None or f.position < at)]
    if not same:
        return subject
    antecedent = same[-1]
    # "X در ۲۰۲۳ … در مقایسه با Y در ۲۰۲۲ …. از این رقم …", "… X رسید، در حالی که این رقم
    # در ۲۰۲۲ Y بود. از این رقم …": the figure or the base beside it, texts mean either
    # (the parts add up to one or the other): of which period the words do not say
    unsure = figure.own_period is None and figure.period is not None and \
        _base_of(antecedent, figure.period) and any(
            f.sentence is antecedent.sentence and not _base_of(f, figure.period)
            for f in same)
    figure.antecedent = antecedent
    if at is not None and figure.type == "Amount" and (
            items[at].text.startswith("از ") or (at > 0 and items[at - 1].text == "از")):
        figure.roles.add("part")  # "از این مقدار X از گمرکات و Y از بازارچه‌ها …"
    if not subject.flow:
        subject = replace(antecedent.subject, measure="")
    if figure.own_period is None:
        figure.period = None if unsure else antecedent.period
    own = figure.period
    if own is not None and own.months is None and antecedent.period is not None and \
            antecedent.period.months is not None:
        # "این رقم سال قبل X بود": the same months of that year
        figure.period = figure.own_period = replace(own, months=antecedent.period.months)
    return subject


def _base_of(figure: Figure, spoken: Period) -> bool:
    """Whether a figure is a base its sentence compares with: one compared with, or of
    a period earlier than the one the text speaks of."""
    return "compared" in figure.roles or (
        figure.period is not None and _earlier(figure.period, spoken))


def _trade_part(items: Sequence[Item], position: int, whole: Subject) -> Subject | None:
    """«۸۵ درصد تجارت دو کشور را صادرات ایران تشکیل می‌داد»: the flow of one side that
    is the part of the two sides' trade."""
    if len(whole.pair) != _PAIR:
        return None
    start = _clause_start(items, position)
    for k in range(start, position - 1):
        # "سهم صادرات ایران از تجارت دو کشور … ۳۰ درصد": the flow the share is of
        if "share_word" in items[k].features and _is(items[k + 1], "Flow"):
            return _side_flow(items, k + 1, whole)
    for k in range(position + 1, len(items) - 1):
        if items[k].kind == PUNCT and items[k].text in _CLAUSE_END:
            return None
        if items[k].text == "را" and _is(items[k + 1], "Flow"):
            return _side_flow(items, k + 1, whole)
    for k in range(position - 1, start - 1, -1):
        # "… و صادرات ایران حداقل ۵۵ درصد حجم تجارت دو کشور را تشکیل داد"
        if _is_quantity(items[k]):
            break
        if _is(items[k], "Flow") and k + 1 < position:
            return _side_flow(items, k, whole)
    return None


def _side_flow(items: Sequence[Item], k: int, whole: Subject) -> Subject | None:
    """The flow named at ``k`` of one of a trade's two sides («صادرات ایران»), to or from
    the other."""
    flow = _flow_of(items[k]).flow
    side = _place(items[k + 1]) if k + 1 < len(items) else None
    if side not in whole.pair or flow not in (V.EXPORT, V.IMPORT):
        return None
    other = next(p for p in whole.pair if p != side)
    exporter, importer = (side, other) if flow == V.EXPORT else (other, side)
    return Subject("goods", exporter, importer, product=whole.product, measure=whole.measure)


def _share_sides(figure: Figure, places: _Places, topics: list[Subject],
                 previous: Sequence[Figure] = ()) -> None:
    """A rate's whole, named after it, and the place or goods it is the share of; «این
    سهم» is the share named before, of the goods and whole it was of."""
    items = figure.sentence.items
    if len(items) > 1 and items[0].text in _DEMONSTRATIVES and "share_word" in items[1].features:
        shares = [f for f in previous if f.type == "Percent" and f.sentence is not figure.sentence
                  and (f.agent or f.agent_product) and f.whole is not None]
        if shares:
            named = shares[-1]
            figure.agent, figure.agent_product = named.agent, named.agent_product
            figure.whole = named.whole
            figure.same_share = named
            return
    figure.whole = _whole_after(items, figure.position, places) or \
        _whole_of_listed(items, figure.position, places)
    if figure.whole is None:
        # "… سهم ۷۰٫۸ درصد از کل صادرات بود؛ گبه … سهم ۱۳٫۱ درصدی …": the whole of the
        # share before it on its line
        shares = [f for f in previous if f.type == "Percent" and f.line == figure.line
                  and f.whole is not None and not f.agent and f.period == figure.period]
        if shares and _share_word_near(items, figure.position) and not _flow_between(
                shares[-1], figure):
            figure.whole, figure.whole_of = shares[-1].whole, shares[-1]
    if figure.whole is not None and figure.whole.flow == "trade":
        figure.trade_part = _trade_part(items, figure.position, figure.whole)
    if figure.whole is not None and _open_sides(figure.whole):
        figure.whole = _inherited(figure.whole, topics)  # "یک‌سوم این صادرات"
    figure.agent = _agent_near(items, figure.position, places)
    if figure.whole is None and figure.agent is not None:
        figure.whole = _whole_of_partners(items, figure.position, places)
    whole = figure.whole
    if whole is not None and whole.product.startswith(_THIS):
        whole = figure.whole = replace(whole, product=_resolve_product(whole.product, previous))
    if whole is not None and whole.flow == "goods" and figure.agent is not None and \
            figure.agent in (whole.exporter, whole.importer):
        # "سهم روسیه از واردات این دو کالا": of the imports from every side, not Russia's
        figure.whole = replace(whole, exporter=None, total=True) \
            if whole.exporter == figure.agent else replace(whole, importer=None, total=True)
    share = _share_of(items, figure.position)
    if share is not None and share[1] == _IT:
        figure.agent_product = figure.subject.product  # the goods of the amounts before it
    elif share is not None and share[1]:
        figure.agent_product = share[1]
    elif share is None and (figure.whole is not None or any(
            "share_word" in items[k].features
            for k in range(max(0, figure.position - 2), figure.position))):
        _part_before(figure)  # "آلمان با X سهمی بیش از ۴۰ درصدی از این رقم داشت"


def _whole_of_listed(items: Sequence[Item], position: int, places: _Places) -> Subject | None:
    """"سهم این سه کشور از صادرات کاشی ایران … ۲۰ درصد": the whole after «از»."""
    share_of = _share_of(items, position)
    if share_of is not None and share_of[2] < position:
        return _whole_from(items, share_of[2], places)
    return None


def _whole_of_partners(items: Sequence[Item], position: int, places: _Places,
                       ) -> Subject | None:
    """«عراق با ۴۸ درصد، افغانستان با ۱۷ درصد … مهم‌ترین مقاصد صادراتی لبنیات ایران
    بودند»: the flow the places listed are the destinations (or origins) of, named after
    the list; the rate before a place is its share of that flow."""
    k = position + 1
    while k < len(items) and (items[k].text in ("با", "،", ",", "و") or _is_quantity(items[k])
                              or _place(items[k]) is not None):
        k += 1
    for j in range(k, min(len(items), k + _SUPERLATIVE_WORDS + 1)):
        side = items[j].features.get("seller_word")
        if side is not None:
            whole = _whole_from(items, j + 1, places)
            if whole is None or whole.flow != "goods":
                return None
            # a destination is the importer of the exports named, an origin the exporter
            # of the imports: the side the place is must be the one the whole leaves open
            open_ = whole.importer is None and whole.exporter is not None if side == V.IMPORT \
                else whole.exporter is None and whole.importer is not None
            return whole if open_ else None
        if items[j].kind == PUNCT or "stop" in items[j].features or _is(items[j], "Flow"):
            return None
    return None


def _flow_between(earlier: Figure, figure: Figure) -> bool:
    """Whether a flow is named between two figures of a line: «… ۱۷ درصد بود …؛ در بخش
    صادرات نیز … سهم ۸٫۱ درصدی»: the later share is no longer of the earlier's whole."""
    if earlier.sentence is figure.sentence:
        between = figure.sentence.items[earlier.position + 1:figure.position]
    else:
        between = [*earlier.sentence.items[earlier.position + 1:],
                   *figure.sentence.items[:figure.position]]
    # (but the whole the earlier share names: a flow right after it, or after «از» or
    # «کل»: «۷۰٫۸ درصد از کل صادرات دو ماهه»)
    return any(_is(item, "Flow") and k > 0 and "total_word" not in between[k - 1].features
               and between[k - 1].text != "از" for k, item in enumerate(between))


def _share_word_near(items: Sequence[Item], position: int) -> bool:
    return any("share_word" in items[k].features
               for k in range(max(0, position - 2), min(len(items), position + 2)))


def _agent_with(items: Sequence[Item], position: int, subject: Subject) -> Subject:  # noqa: PLR0911  one return per side
    """«… کالا به ایران فروختند و آلمان با X …»: the place before «با» is the side of the
    flow named before it that does it (the seller of a sale, the buyer of a purchase)."""
    if position < 2 or items[position - 1].text != "با" or \
            subject.flow not in ("goods", *OWN_FLOWS):
        return subject
    place = _place(items[position - 2])
    flows = [_flow_of(x) for x in items[:position - 2] if _is(x, "Flow")]
    if place is None or not flows or (
            position >= 3 and items[position - 3].text in _PREPOSITIONS):
        # (not «واردات ترکیه از روسیه با X»: the place is the flow's other side, named
        # with its preposition, not a place that does it)
        return subject
    if subject.flow in OWN_FLOWS:  # "… تولید جهانی …، شیلی با ۴۴ هزار تن": Chile's own
        return replace(subject, exporter=place, party=None)
    # the other side: as the words name it, else the destination or origin named before
    named = [p for k in range(position - 3, 0, -1) if items[k - 1].text in ("به", "از")
             and (p := _place(items[k])) is not None and p != place]
    seller, owner = _seller_after(items, _end_of_with_list(items, position))
    if seller is not None and flows[-1].flow == V.EXPORT:
        # "در بخش صادرات، آلمان با X … نخستین مقصد کالاهای ترکیه بود": the buyer, of
        # the goods of the place named after the seller word
        exporter = owner or (subject.exporter if subject.exporter != place else None)
        return replace(subject, importer=place, exporter=exporter, party=None) \
            if seller == V.IMPORT else replace(subject, exporter=place, party=None)
    if flows[-1].flow == V.EXPORT and subject.exporter != place:
        other = subject.importer if subject.importer != place else \
            (named[0] if named else None)
        return replace(subject, exporter=place, importer=other, party=None)
    if flows[-1].flow == V.IMPORT and subject.importer != place:
        other = subject.exporter if subject.exporter != place else \
            (named[0] if named else None)
        return replace(subject, importer=place, exporter=other, party=None)
    return subject


def _end_of_with_list(items: Sequence[Item], position: int) -> int:
    """The last amount of a list of places each with its amount that the one at
    ``position`` opens: «عراق با X، روسیه با Y … و پاکستان با Z پنج مقصد نخست بودند»
    (the words after the list are of every member)."""
    end = position
    while end + 4 < len(items) and items[end + 1].text in ("،", ",", "و") and \
            _place(items[end + 2]) is not None and items[end + 3].text == "با" and \
            _is(items[end + 4], "Amount"):
        end += 4
    return end


def _these_goods(items: Sequence[Item], position: int) -> bool:
    """Whether the clause names the goods before it: «ارزش این محموله‌ها», «این کالاها»."""
    start = _clause_start(items, position)
    return any(items[k].text in _DEMONSTRATIVES and _generic(items[k + 1])
               for k in range(start, position - 1))


def _belongs_to(items: Sequence[Item], position: int) -> str:
    """The goods an amount is said to belong to: «X به خرمای مضافتی تازه یا خشک تعلق
    داشت», «X به قطعات خودرو اختصاص داشت»."""
    k = position + 1
    if k >= len(items) or items[k].text != "به":
        return ""
    end = next((j for j in range(k + 1, min(len(items), k + 2 + _MAX_PRODUCT_WORDS * 2))
                if items[j].text in ("تعلق", "اختصاص")), None)
    if end is None:
        return ""
    product, _ = _product_after(items, k + 1, end)
    return product if product and not product.startswith(_THIS) else ""


def _clause_before(sentence: Sentence, previous: Sequence[Figure]) -> Sentence | None:
    """The clause before a sentence on its line, if its last figure is in it."""
    if not previous or (sentence.figures and previous[-1].sentence is sentence):
        return None
    clause = previous[-1].sentence
    return clause if clause.line == sentence.line and clause.index == sentence.index - 1 \
        else None


def _whole_after(items: Sequence[Item], position: int, places: _Places) -> Subject | None:
    """The whole a share names after it: «۲۶ درصد ارزش صادرات به عراق», «۵۹ درصد ارزش
    صادرات آبزیان», «۳۰ درصد از کل واردات»; or after «سهم P از» before it: «سهم چین از
    صادرات غیرنفتی ایران از ۳۲٫۷ درصد …»."""
    share = _share_of(items, position)
    if share is not None:
        return _whole_from(items, share[2], places)
    return _whole_from(items, position + 1, places)


def _share_of(items: Sequence[Item], position: int) -> tuple[str | None, str, int] | None:
    """«سهم P از …» before a rate in its clause: (the place P, or the goods P where it
    names goods: «سهم فولاد از کل صادرات»; where «از» is followed)."""
    start = _clause_start(items, position)
    if start == position and start > 1:
        start = _clause_start(items, start - 2)  # "سهم X از … که Y بود، ۲۸٫۶ درصد است"
    joined = False
    for k in range(position - 1, start - 1, -1):
        joined = joined or items[k].text == "و"
        if joined and _is(items[k], "Percent"):
            return None  # "سهم استرالیا … ۴۸ درصد است و شیلی … ۲۴ درصد": the rate before's
        if "share_word" in items[k].features:
            place = _place(items[k + 1]) if k + 1 < position else None
            product, at = ("", k + 2) if place is not None else \
                _product_after(items, k + 1, position)
            if k + 1 < position and _is(items[k + 1], "Flow"):
                # "سهم صادرات ایران از تجارت دو کشور": a flow's share (`_trade_part`);
                # "سهم واردات انرژی از کل واردات": of the goods after the flow
                at = next((j for j in range(k + 2, position) if items[j].text == "از"), at)
                product = _product_after(items, k + 2, at)[0]
            if k + 1 < position and "pronoun" in items[k + 1].features:
                product, at = _IT, k + 2  # "سهم آن از وزن صادرات": of the goods named before
            if k + 1 < position and "each_word" in items[k + 1].features:
                product, at = "", k + 2  # "سهم هر کدام از صادرات جهان": of the parts listed
            if k + 3 < position and items[k + 1].text in _DEMONSTRATIVES and \
                    _is(items[k + 2], "Number"):
                product, at = "", k + 4  # "سهم این سه کشور از …": of the parts listed
            if at < position and items[at].text == "از":
                return place, "" if product.startswith(_THIS) else product, at + 1
            return None
    return None


def _part_before(figure: Figure) -> None:
    """A rate whose whole the words after it name («X … که ۶۰ درصد صادرات فولاد را
    تشکیل می‌دهد») is of the amount before it: it takes that amount's subject."""
    items = figure.sentence.items
    before = [f for f in figure.sentence.figures if f.type == "Amount"
              and f.position < figure.position and not {"compared", "from"} & f.roles]
    if before and not any(_is(x, "Flow") for x in items[before[-1].position:figure.position]) \
            and not _product_before_with(items, figure.position):  # («… و فرش ابریشم سهم ۱۵»)
        figure.subject = replace(before[-1].subject, measure=figure.subject.measure)


def _whole_from(items: Sequence[Item], k: int, places: _Places) -> Subject | None:
    """The whole named from ``items[k]``: «کل واردات», «ارزش صادرات به عراق», «این
    صادرات». It is a total (``total``) where the words say so («کل»)."""
    position = k
    measure = ""
    total = False
    while k < len(items) and k <= position + 4:
        item = items[k]
        found = item.features.get("measure")
        if isinstance(found, str):
            measure = found
        elif not (item.text in ("از", "این", "همین") or "total_word" in item.features):
            break
        total = total or "total_word" in item.features
        k += 1
    if k < len(items) and _flow_anchor(items[k]):
        subject = _noun_subject(items, k, len(items), places)
        return replace(subject, measure=measure or subject.measure, total=total, party=None)
    # "زعفران صادراتی", "کالاهای صادراتی استان": goods before the adjective of their flow
    j = k
    while j < len(items) and j < k + _MAX_PRODUCT_WORDS + 1 and (
            _content(items[j]) or _generic(items[j])):
        j += 1
    if j > k and j < len(items) and "flow_adjective" in items[j].features:
        subject = _noun_subject(items, j, len(items), places)
        return replace(subject, measure=measure or subject.measure, total=total, party=None)
    return None


def _agent_near(items: Sequence[Item], position: int, places: _Places) -> str | None:
    """A place right before a rate, its clause's subject: «و عراق بیش از ۲۰ درصد آن را …»,
    «این کشور سهم ۲۲٫۸ درصدی از …»; or the place of «سهم P از …»."""
    share = _share_of(items, position)
    if share is not None and share[0] is not None:
        return share[0]
    for k in range(position - 1, max(-1, position - 4), -1):
        item = items[k]
        if _is_quantity(item) or (item.kind == PUNCT and item.text in _CLAUSE_END):
            return None
        if _place(item) is None and "this_place" not in item.features:
            continue
        place, _ = _place_or_reference(items, k, places)
        if place is not None:
            # (not the owner of a flow before it: «از صادرات کاشی ایران کمتر از …»)
            owned = k > 0 and (_is(items[k - 1], "Flow") or _content(items[k - 1]))
            return place if k == 0 or (items[k - 1].text not in _PREPOSITIONS
                                       and not owned) else None
    return None


def _list_members(items: Sequence[Item], end: int, n: int, test: str,
                  ) -> list[int] | None:
    """The positions of a list of ``n`` items that pass ``test`` ending just before
    ``end``, joined by «و», «،» or «,» («آلمان، آمریکا و عراق», «صادرات و واردات»)."""
    k = end - 1
    while k >= 0 and not _list_item(items[k], test):
        if items[k].kind == PUNCT and items[k].text in _SENTENCE_END:
            return None
        k -= 1
    members: list[int] = []
    while k >= 0 and _list_item(items[k], test):
        members.append(k)
        if len(members) == n:
            break
        if k >= 2 and items[k - 1].text in ("و", "،", ",") and _list_item(items[k - 2], test):
            k -= 2
            continue
        break
    return list(reversed(members)) if len(members) == n else None


def _list_item(item: Item, test: str) -> bool:
    if test == "place":
        return _place(item) is not None
    if test == "flow":
        return _is(item, "Flow") and _flow_of(item).noun
    return isinstance(item.features.get("measure"), str)


def _respectively(sentence: Sentence, places: _Places) -> None:
    """A list after «به ترتیب» goes member by member with the list of as many names,
    flows, measures or amounts before it: «آلمان، آمریکا و عراق به ترتیب با ۸٫۴، ۶٫۱ و ۵٫۲
    درصد», «صادرات و واردات … به ترتیب X و Y», «وزن و ارزش آن به ترتیب ۲۶۶ و ۲۴۰ درصد»,
    «X، Y و Z … که به ترتیب ۲۶، ۱۸ و ۱۶ درصد»."""
    items = sentence.items
    for r, item in enumerate(items):
        if "respectively" not in item.features:
            continue
        group = [f for f in sentence.figures if f.position > r]
        if not group:
            continue
        kind = group[0].type
        members = [group[0]]
        for figure in group[1:]:
            between = items[members[-1].position + 1:figure.position]
            if figure.type != kind or any(
                    x.kind != PUNCT and x.text not in ("و", "با") for x in between):
                break
            members.append(figure)
        n = len(members)
        if n < 2:
            continue
        for member in members[1:]:
            # "در مقایسه با سال قبل که به ترتیب X و Y بود": of one period, both bases
            if member.own_period is None or not member.period_after:
                member.period = member.own_period = members[0].period
                member.roles |= members[0].roles & {"compared"}
        lists = {test: _list_members(items, r, n, test) for test in ("place", "flow", "measure")}
        found = [(test, at) for test, at in lists.items() if at is not None]
        amounts = [f for f in sentence.figures if f.position < r and f.type != kind][-n:]
        _one_verb(members)
        _respective_goods(members)
        if found:
            test, at = max(found, key=lambda pair: pair[1][-1])
            _pair_members(members, items, at, test, places)
            _destinations(members, [_place(items[k]) for k in at] if test == "place" else [],
                          places)
        elif len(amounts) == n:
            for figure, amount in zip(members, amounts, strict=True):
                figure.said_of = amount  # "X، Y و Z … به ترتیب ۸، ۳/۲ و ۱/۷ برابر"
                figure.subject = replace(amount.subject,
                                         measure=figure.subject.measure or amount.subject.measure)
        else:
            _month_by_month(members, items[:r])


def _destinations(members: Sequence[Figure], named: Sequence[str | None],
                  places: _Places) -> None:
    """«عراق، ترکیه و ارمنستان به ترتیب با X، Y و Z میلیون دلار عمده‌ترین مقاصد صادراتی
    استان بودند»: each amount is the flow to (or from) its place that the words after
    the list name the places the destinations (or origins) of."""
    if not named or members[-1].type != "Amount" or any(f.subject.flow for f in members):
        return
    whole = _whole_of_partners(members[-1].sentence.items, members[-1].position, places)
    if whole is None:
        return
    for figure, place in zip(members, named, strict=True):
        sides = (whole.exporter, place) if whole.importer is None else (place, whole.importer)
        figure.subject = replace(whole, exporter=sides[0], importer=sides[1], total=False,
                                 measure=figure.subject.measure)


def _respective_goods(members: Sequence[Figure]) -> None:
    """«واردات گندم و جو … به ترتیب X و Y»: goods named together, as many as the members,
    go member by member (and so do the goods of the whole they are shares of, which the
    list shares: «سهم روسیه از واردات این دو کالا به ترتیب X و Y درصد»)."""
    n = len(members)
    joined = next((f.subject.product for f in members
                   if len(f.subject.product.split(" و ")) == n), "")
    whole = next((f.whole for f in members if f.whole is not None), None)
    wholes = whole.product.split(" و ") if whole is not None else []
    if whole is not None and len(wholes) == 1 and joined and wholes[0] in joined.split(" و "):
        wholes = joined.split(" و ")  # "… از واردات این دو کالا": the goods named before
    agent = next((f.agent for f in members if f.agent), None)
    for k, figure in enumerate(members):
        figure.agent = figure.agent or agent  # "سهم روسیه … به ترتیب X و Y درصد": both Russia's
        if joined and all(joined.split(" و ")):
            figure.subject = replace(figure.subject, product=joined.split(" و ")[k])
        if whole is not None and figure.whole in (None, whole):
            figure.whole = replace(whole, product=wholes[k]) if len(wholes) == n and all(
                wholes) else whole


def _one_verb(members: Sequence[Figure]) -> None:
    """«به ترتیب ۶۴۰۰ و ۳۱۰۰ تن نقره تولید کردند»: the verb after the list is of all its
    members, the first as the last."""
    flows = [f.subject for f in members if f.subject.flow]
    for figure in members:
        if not figure.subject.flow and flows:
            figure.subject = replace(flows[-1], measure=figure.subject.measure)


def _month_by_month(members: Sequence[Figure], before: Sequence[Item]) -> None:
    """«صادرات … در ژانویه تا ژوئن به ترتیب ۶۸۰، ۷۹۰، … و ۹۸۰ میلیون دلار»: as many
    amounts as the months of the span named before them from one month to another,
    listed «به ترتیب» with no names of their own, are each a month's."""
    span = members[0].period
    if span is None or span.months is None or members[0].type != "Amount" or \
            any(m.period != span or m.period_after for m in members) or not any(
                _is(item, "Period") and getattr(item, "rule", "") == _MONTHS_RULE
                for item in before):
        return
    first, last = span.months
    if last - first + 1 != len(members) or len(members) < _PAIR:
        return
    for k, member in enumerate(members):
        member.period = member.own_period = replace(span, months=(first + k, first + k))


def _pair_members(members: Sequence[Figure], items: Sequence[Item], at: Sequence[int],
                  test: str, places: _Places) -> None:
    """Each member of a list with the name at its place in the list of names."""
    # "سهم شیلی و پرو از … به ترتیب X و Y درصد": the places the shares are of
    shares = test == "place" and members[0].type == "Percent" and any(
        "share_word" in items[k].features for k in range(max(0, at[0] - 2), at[0]))
    # "مصر، ترکیه و ایران به ترتیب با X، Y و Z بزرگ‌ترین خریداران گندم روسیه بودند": the
    # buyers (or sellers) of one place's goods, the flow the amounts name none of
    side, owner = _seller_after(items, members[-1].position) if test == "place" and all(
        f.type == "Amount" and not f.subject.flow for f in members) else (None, None)
    for figure, position in zip(members, at, strict=True):
        place = _place(items[position])
        if shares:
            figure.agent = place
        elif side is not None and owner is not None and place is not None:
            exporter, importer = (owner, place) if side == V.IMPORT else (place, owner)
            figure.subject = replace(figure.subject, flow="goods", exporter=exporter,
                                     importer=importer, party=None)
        else:
            _pair_with(figure, items, position, test, places)


def _pair_with(figure: Figure, items: Sequence[Item], position: int, test: str,
               places: _Places) -> None:
    subject = figure.subject
    if test == "flow":
        subject = _noun_subject(items, position, len(items), places)
        stop = position
        while stop < len(items) and (_is(items[stop], "Flow") or items[stop].text in ("و", "،")):
            stop += 1
        sides = _sides_after(items, stop, len(items), places)
        if sides.owner and subject.flow == "goods":
            owner = sides.owner
            subject = replace(subject, exporter=owner if _flow_of(items[position]).flow ==
                              V.EXPORT else subject.exporter,
                              importer=owner if _flow_of(items[position]).flow == V.IMPORT
                              else subject.importer)
        figure.subject = replace(subject, measure=figure.subject.measure)
    elif test == "measure":
        measure = items[position].features["measure"]
        assert isinstance(measure, str)
        figure.subject = replace(subject, measure=measure)
    else:
        place = _place(items[position])
        if subject.flow in OWN_FLOWS:
            figure.subject = replace(subject, exporter=place, party=None)
        elif subject.each and subject.each_side in ("exporter", "importer"):
            # "صادرات مس شیلی، پرو و کنگو به ترتیب X، Y و Z": each place's own
            exporter = place if subject.each_side == "exporter" else subject.exporter
            importer = place if subject.each_side == "importer" else subject.importer
            figure.subject = replace(subject, each=(), each_side="", party=None,
                                     exporter=exporter, importer=importer)
        elif subject.flow == "goods" and subject.exporter not in (None, place) and \
                subject.importer != place:
            figure.subject = replace(subject, importer=place, party=None)
        elif subject.flow == "goods" and subject.importer not in (None, place):
            figure.subject = replace(subject, exporter=place, party=None)
        else:
            figure.subject = replace(subject, party=place)


def _reporter(owners: dict[str, int]) -> str | None:
    """The reporting side of the text: the place named as whose the flows are («صادرات
    ایران», «کسری تجاری ایران با امارات», «ایران … کالا وارد کرد») more often than any
    other."""
    if not owners:
        return None
    ranked = sorted(owners.items(), key=lambda kv: -kv[1])
    if len(ranked) > 1 and ranked[1][1] == ranked[0][1]:
        return None
    return ranked[0][0]


def _named_reporter(subject: Subject, reporter: str) -> Subject:
    def named(side: str | None) -> str | None:
        return reporter if side == REPORTER else side
    pair = frozenset(named(p) or p for p in subject.pair)
    return replace(subject, exporter=named(subject.exporter), importer=named(subject.importer),
                   pair=pair, party=named(subject.party), owner=named(subject.owner))


def _anchor(document: Document, later: bool = False) -> tuple[str, int] | None:
    """The year the text is written in, where the text shows it: a year counted back
    (``پارسال``) compared with a printed one is the year after it (a change is of one
    year over the one before); failing that, the latest year printed as a figure's own."""
    found: set[tuple[str, int]] = set()
    for figure in document.figures:
        own = figure.own_period or figure.period
        if own is None or own.relative is None or own.year is not None:
            continue
        # (the period compared with, or that of the amount compared with: «… سال گذشته
        # X … نسبت به Y در سال ۲۰۲۲»)
        bases = [c for _, c in figure.sentence.compared] + [
            f.own_period for f in figure.sentence.figures
            if "compared" in f.roles and f.own_period is not None and f.type == figure.type]
        for compared in bases:
            if compared.year is not None and compared.calendar and compared.relative is None:
                found.add((compared.calendar, compared.year + 1 - own.relative))
    if len(found) == 1:
        return found.pop()
    if found:
        return None
    # A year printed for a flow the text also counts from its own year («ایران در ۱۴۰۲
    # X به افغانستان … این رقم در بهار امسال Y»), not one of another subject (a region's
    # imports in 2017 beside Iran's exports «امسال»).
    relative = [f.subject for f in document.figures
                if f.period is not None and f.period.relative is not None]
    printed = [f for f in document.figures
               if f.own_period is not None and f.period is not None and f.period.year is not None
               and "compared" not in f.roles and f.period.calendar and not f.period.fiscal
               and not _background(f.sentence)]
    years = {(f.period.calendar, f.period.year) for f in printed  # type: ignore[union-attr]
             if any(_same_flow(f.subject, other) for other in relative)}
    loose = not years  # (of other flows only: the text's year is in doubt, see below)
    if loose:
        years = {(f.period.calendar, f.period.year) for f in printed}  # type: ignore[union-attr]
    # (and, where the body prints one, the year its headline names: «رشد … در نیمه نخست
    # ۲۰۲۴» over «… سال جاری میلادی … در نیمه نخست ۲۰۲۳»: the news is of its headline's
    # year, not of the base's)
    headlined = {(own.calendar, own.last_year or own.year) for sentence in document.sentences
                 if sentence.headline and (own := sentence.own) is not None
                 and own.year is not None and own.calendar and not own.fiscal}
    if years:
        years |= headlined
    calendars = {calendar for calendar, _ in years}
    if len(calendars) != 1:
        return None
    calendar = calendars.pop()
    latest = max(year for _, year in years if year is not None)
    # A text whose latest year is printed whole, with no «امسال», may be written in that
    # year or after it: its «سال گذشته» is the year before or that year itself. Both are
    # read (`chile_trade.core.reader.claims`); a figure is judged only where one fits.
    now = any(f.period is not None and f.period.relative == 0 and f.period.year is None
              for f in document.figures)
    whole = all(f.period.months in (None, (1, 12)) for f in document.figures
                if f.period is not None and f.period.year == latest
                and f.period.calendar == calendar)
    back = any(f.own_period is not None and f.own_period.year is None
               and f.own_period.relative is not None and f.own_period.relative < 0
               and "compared" not in f.roles for f in document.figures)
    # (and only where no later year is printed for another flow: «صادرات … در سال ۲۰۲۳»
    # beside imports of 2022 and «سال گذشته» is written in 2024 at the earliest)
    later_printed = any(p.year is not None and p.year > latest and p.calendar == calendar
                        for p in (f.period for f in printed) if p is not None)
    document.anchor_doubt = whole and back and not now and not later_printed
    if later_printed and not loose:
        return None  # (which year «سال گذشته» counts from, the text does not show)
    if loose and not document.anchor_doubt and (calendar, latest) not in headlined:
        # (years of other flows only, and no «سال گذشته» to read both ways; but a
        # headline's year, the latest printed, is the text's: «… در اکتبر ۲۰۲۴»)
        return None
    return calendar, latest + (1 if later and document.anchor_doubt else 0)


def _same_flow(a: Subject, b: Subject) -> bool:
    """Whether two subjects are of one flow between the same sides (a product aside; the
    reporting side, not named yet, matches any)."""
    def same(x: str | None, y: str | None) -> bool:
        return x == y or REPORTER in (x, y)
    return a.flow == b.flow and same(a.exporter, b.exporter) and \
        same(a.importer, b.importer) and (a.pair == b.pair or not a.pair or not b.pair)


def _anchored(period: Period | None, anchor: tuple[str, int]) -> Period | None:
    if period is None or period.relative is None or period.year is not None:
        return period
    calendar, year = anchor
    if period.calendar and period.calendar != calendar:
        return period
    return replace(period, calendar=calendar, year=year + period.relative, relative=None)


def _topic_product(document: Document) -> tuple[str, Subject | None]:
    """The product a text opens with, and the flow it opens with it where a figure names
    both; else the one product of its tables («بر اساس این جدول، صادرات …»: the goods of
    the table)."""
    # its title and lead; a text with no title opens with its lead
    lines = _TOPIC_LINES if document.sentences and document.sentences[0].headline else 1
    opening = next((f for f in document.figures if f.subject.product
                    and f.line <= lines and f.cell is None), None)
    if opening is not None:
        return opening.subject.product, opening.subject
    # «X با ۴۱ درصد … مقاصد صادرات میوه بودند»: goods named after a flow noun, with no
    # figure, that the text names again for a figure
    named = {f.subject.product for f in document.figures if f.cell is None}
    topic = next((product for s in document.sentences if s.line <= lines
                  for k, item in enumerate(s.items)
                  if _is(item, "Flow") and _flow_of(item).noun
                  for product in [_product_after(s.items, k + 1, len(s.items))[0]]
                  if product in named and not product.startswith(_THIS)), "")
    tabled = {f.subject.product for f in document.figures if f.cell is not None}
    if not topic and len(tabled) == 1:
        topic = tabled.pop()
    return topic, None


def _same_direction(subject: Subject, topic: Subject | None) -> bool:
    """Whether a flow goes the way the text's opening flow of its goods goes (a text that
    opens on India's oil imports from Russia speaks of no oil in India's exports)."""
    if topic is None or topic.flow != "goods" or subject.flow != "goods":
        return True
    reversed_ = (subject.exporter is not None and subject.exporter == topic.importer) or (
        subject.importer is not None and subject.importer == topic.exporter)
    return not reversed_ or (subject.exporter == topic.exporter
                             and subject.importer == topic.importer)


def _parts_of_pairs(document: Document) -> None:
    """"X از این رقم به صادرات و Y به واردات مربوط است": the figures of a sentence that
    names one as a part of a trade are its parts (`_within_pair`); those of a sentence
    on a trade are its sides' (`_sides_of_pair`)."""
    for sentence in document.sentences:
        _sides_of_pair(sentence)
        named = next((f.antecedent for f in sentence.figures if f.antecedent), None)
        if named is None:
            continue
        for figure in sentence.figures:
            figure.subject = _within_pair(figure.subject, named.subject)


def _within_pair(subject: Subject, whole: Subject) -> Subject:
    """A flow that is part of a trade between two sides («تجارت ایران و هند … X از این
    رقم به صادرات … مربوط است») is between those two: its open side is the other one."""
    if subject.flow != "goods" or whole.flow != "trade" or len(whole.pair) != 2:
        return subject
    if subject.importer is None and subject.exporter in whole.pair:
        other = next(p for p in whole.pair if p != subject.exporter)
        return replace(subject, importer=other)
    if subject.exporter is None and subject.importer in whole.pair:
        other = next(p for p in whole.pair if p != subject.importer)
        return replace(subject, exporter=other)
    return subject


def _settle(document: Document, owners: dict[str, int], later: bool = False) -> None:
    """The text's own year and reporter, where it shows them, put into every figure
    (``later``: the year after the one it seems to be, where that is in doubt)."""
    anchor = _anchor(document)
    if anchor is not None:
        # (read as written a year later, a period a figure is compared with, «نسبت به سال
        # قبل», still counts from the figure's year: only the text's own periods move)
        moved = _anchor(document, later) or anchor
        for figure in document.figures:
            shift = anchor if "compared" in figure.roles else moved
            figure.period = _anchored(figure.period, shift)
            figure.own_period = _anchored(figure.own_period, shift)
        for sentence in document.sentences:
            sentence.compared = [(k, p) for k, p in ((k, _anchored(c, anchor))
                                                     for k, c in sentence.compared)
                                 if p is not None]
    else:
        # With no year of its own, «در قیاس با سال پیش» counts from the sentence's year.
        for sentence in document.sentences:
            own = sentence.own
            if own is not None and own.year is not None:
                sentence.compared = [(k, _relative_to(c, own) if c.relative is not None
                                      and c.year is None else c)
                                     for k, c in sentence.compared]
    reporter = _reporter(owners)
    if reporter is not None:
        _name_reporter(document, reporter)
    _parts_of_pairs(document)
    _topic_goods(document)
    _goods_named_here(document)
    _prices_per_unit(document)
    _currency_bases(document)


def _name_reporter(document: Document, reporter: str) -> None:
    """The text's reporter put in place of the side its figures leave to it."""
    for figure in document.figures:
        if reporter == WORLD and figure.subject.flow in ("balance", "trade"):
            continue  # the world has no balance nor trade of its own: some place's
        figure.subject = _named_reporter(figure.subject, reporter)
        if figure.subject.flow == f"{OTHER}coverage" and figure.subject.party is None:
            # "نسبت پوشش صادرات به واردات": of the text's own trade
            figure.subject = replace(figure.subject, party=reporter)
        if figure.subject.source == reporter:  # its own statistics: as the rest
            figure.subject = replace(figure.subject, source=None)
        if figure.whole is not None:
            figure.whole = _named_reporter(figure.whole, reporter)
        if figure.versus is not None:
            figure.versus = _named_reporter(figure.versus, reporter)


def _currency_bases(document: Document) -> None:
    """«رقمی که بر حسب یوان ۲۳ درصد بیشتر بود»: a change counted in a currency none of
    the text's amounts is in is not a change of those amounts; it gets a measure of its
    own, which no amount agrees with."""
    money = {f.value.dimension for f in document.figures
             if f.type == "Amount" and MEASURES.get(f.value.dimension) == "value"}
    for figure in document.figures:
        if figure.type != "Percent":
            continue
        currency = _basis_near(figure.sentence.items, figure.position)
        if currency and currency not in money:
            figure.subject = replace(figure.subject, measure=f"in {currency}")


def _basis_near(items: Sequence[Item], position: int) -> str:
    """The currency named by «بر حسب X» in the figure's clause, with no other quantity
    between."""
    for step, window in ((-1, _BASIS_BEFORE), (1, _BASIS_AFTER)):
        k = position + step
        while 0 <= k < len(items) and abs(k - position) <= window:
            item = items[k]
            if (item.kind == "mention" and item.type in QUANTITY_TYPES) or \
                    item.text in _CLAUSE_END:
                break
            if "basis_word" in item.features and k + 1 < len(items):
                currency = items[k + 1].features.get("currency")
                if isinstance(currency, str):
                    return currency
            k += step
    return ""


def _topic_goods(document: Document) -> None:
    """The product the text opens with is the product of the figures (and wholes: «…
    ۱۳ درصد از صادرات زمستانی») that name none, but for totals of all goods («کل صادرات
    غیرنفتی») and trade totals."""
    topic, opening = _topic_product(document)
    if not topic:
        return
    _goods_of_topic(document, topic, opening)
    for figure in document.figures:
        if figure.whole_of is not None:
            figure.whole = figure.whole_of.whole


def _prices_per_unit(document: Document) -> None:
    """A price its sentence gives no unit of mass for («میانگین قیمت سنگ آهن … ۸۷۸ یوآن»)
    is per the unit the text's earlier prices of the same goods are (all one: «قیمت هر تن
    سنگ آهن …»)."""
    for figure in document.figures:
        items = figure.sentence.items
        start = _clause_start(items, figure.position)
        if start == figure.position or figure.group:
            # «میانگین قیمت … که به ترتیب ۹۴۸، ۹۱۲ …، ۸۷۸ یوآن»: a clause of the figure
            # alone, or a list, goes with the words its sentence opens with
            start = 0
        if figure.type != "Amount" or figure.per is not None or figure.cell is not None or \
                not figure.subject.product or not any(
                    "price_word" in item.features for item in items[start:figure.position]):
            continue  # (not «با افزایش قیمت مس، ارزش صادرات … X دلار»: a price's clause)
        stem = product_stem(figure.subject.product)
        units = {f.per for f in document.figures[:figure.order] if f.per is not None
                 and f.per[0] and f.value.dimension == figure.value.dimension
                 and product_stem(f.subject.product) == stem}
        if len(units) == 1:
            figure.per = units.pop()


def _goods_named_here(document: Document) -> None:
    """A figure given goods its sentence does not name, where the sentence names other
    goods the text gives figures of («… تولید طلا … مکزیک با ۶ هزار تن دو برابر پرو نقره
    تولید کرد»): of those goods (of both, where it names two)."""
    known: dict[str, str] = {}
    for figure in document.figures:
        product = figure.subject.product
        if product and " " not in product and figure.cell is None and \
                not product.startswith((_THIS, _CODE)):
            known.setdefault(product_stem(product), product)
    if len(known) < _PAIR:
        return
    for figure in document.figures:
        product = figure.subject.product
        if figure.cell is not None or not product or product.startswith((_THIS, _CODE)):
            continue
        items = figure.sentence.items
        words = {product_stem(item.text) for item in items if item.kind == "word"}
        if any(product_stem(w) in words for w in product.split(" ")):
            continue  # (its own goods are named here)
        # goods named beside a flow or output word («… پرو نقره تولید کرد», «تولید نقره»),
        # not any word that reads as goods («برخلاف مس،», «روی ناوگان»)
        named = {known[stem] for k, item in enumerate(items) if item.kind == "word"
                 and (stem := product_stem(item.text)) in known and any(
                     _is(items[j], "Flow") or items[j].text in _GOODS_NEIGHBOURS
                     for j in (k - 1, k + 1) if 0 <= j < len(items))}
        if not named:
            continue
        # (two goods named: of both together, as «صادرات مس و طلا» is, which agrees with
        # neither alone nor with all goods)
        goods = " و ".join(sorted(named))
        figure.subject = replace(figure.subject, product=goods)
        if figure.versus is not None and figure.versus.product == product:
            figure.versus = replace(figure.versus, product=goods)


def _goods_of_topic(document: Document, topic: str, opening: Subject | None) -> None:
    qualifier = bool(_lexicon().features(topic).get("qualifier"))  # «غیرنفتی»: of all flows
    for figure in document.figures:
        subject, whole = figure.subject, figure.whole
        # (a place's share of a total «سهم مصر از کل صادرات»: of all the topic goods)
        placed = figure.type == "Percent" and figure.agent is not None and \
            not figure.agent_product
        if not subject.product and (not subject.total or placed) and \
                subject.flow != "trade" and not subject.flow.startswith(OTHER) and (
                    qualifier or _same_direction(subject, opening)):
            figure.subject = replace(subject, product=topic)
            versus = figure.versus
            if versus is not None and not versus.product and versus.flow == subject.flow:
                # «صادرات شیلی بیش از سه برابر پرو»: the other place's flow of the same goods
                figure.versus = replace(versus, product=topic)
        coded = subject.product.startswith(_CODE)
        if whole is not None and not whole.product and whole.flow != "trade" and (
                not whole.total or placed or (
                    (subject.party or coded) and not figure.agent_product)):
            # (a customs line's share «در تعرفه … ۷۰٫۸ درصد از کل صادرات»: of the goods
            # it is a line of)
            # (a partner's share «هند با … ۵۴ درصد از کل واردات»: of all the topic goods)
            figure.whole = replace(whole, product=topic)


def _table_subject(subject: records.Subject, dimension: str) -> Subject | None:
    """A table series' subject as the reader's: its reporter the text's own where the
    table names none, its product in the words prose names it by («محصولات پتروشیمی» →
    «پتروشیم»)."""
    product_items = mentions(tokenize(subject.product)) if subject.product else []
    product, _ = _product_after(product_items, 0, len(product_items))
    reporter = subject.reporter or REPORTER
    partner = subject.partner or None
    measure = MEASURES.get(dimension, "")
    if subject.flow == V.EXPORT:
        return Subject("goods", reporter, partner, product=product, measure=measure)
    if subject.flow == V.IMPORT:
        return Subject("goods", partner, reporter, product=product, measure=measure)
    if subject.flow == V.TRADE and partner is not None:
        return Subject("trade", pair=frozenset({reporter, partner}), product=product,
                       measure=measure)
    return None


def table_figure(cell: records.TableCell, index: int, order: int) -> Figure | None:
    """A table's value as a figure prose may refer to: its number, unit, period and
    subject as the table's headers give them; ``index`` is the sentence it follows."""
    scale = V.unit_scale(cell.unit)
    period = cell.quantity.period
    if scale is None or period.end is None:
        return None
    dimension, power = scale
    subject = _table_subject(cell.subject, dimension)
    if subject is None:
        return None
    number = cell.number
    line = tokenize(number.raw or number.text)
    value = QuantityValue((Reading(abs(number.value), number.decimals),), cell.unit, dimension,
                          power, number_start=0, number_end=len(line.folded),
                          minus=number.value < 0)
    mention = Mention("Amount", 0, len(line.folded), "table.cell", value, text=line.folded)
    sentence = Sentence(cell.span.line, index, [mention], line)
    own = Period(period.calendar, period.end, months=period.months, fiscal=period.fiscal)
    figure = Figure(mention, sentence, 0, order, subject, own, own, cell=cell)
    sentence.figures.append(figure)
    return figure


@dataclass(slots=True)
class _Reading:
    """What the reader carries from one sentence to the next."""

    sentences: list[Sentence] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    topics: list[Subject] = field(default_factory=list)
    owners: dict[str, int] = field(default_factory=dict)
    discourse: _Discourse = field(default_factory=_Discourse)
    last_place: str | None = None
    pair: frozenset[str] = frozenset()

    def table(self, cell: records.TableCell) -> None:
        figure = table_figure(cell, len(self.sentences) - 1, len(self.figures))
        if figure is not None and figure.period is not None and cell.titled:
            self.discourse.speak_of(figure.period)  # "جدول ۶- … در سال ۱۴۰۲": the text's period
        if figure is not None:
            self.figures.append(figure)
            self._table_years(figure)
            if cell.subject.reporter:  # a table's reporter is the text's own side too
                self.owners[cell.subject.reporter] = self.owners.get(cell.subject.reporter, 0) + 1

    def sentence(self, sentence: Sentence) -> None:
        self.sentences.append(sentence)
        sentence.items = _priced_numbers(_per_amounts(sentence.items))
        discourse = self.discourse
        resolved = _resolve_periods(sentence, discourse)
        for position, item in enumerate(sentence.items):
            if _is_quantity(item):
                assert isinstance(item, Mention)
                figure = Figure(item, sentence, position, len(self.figures))
                sentence.figures.append(figure)
                self.figures.append(figure)
        for figure in sentence.figures:
            after = resolved.get(figure.position + 1)
            if figure.type == "Times" and after is not None:
                figure.versus_period = after[0]  # "سه برابر سال ۲۰۲۱"
        clause = self.sentences[-2] if len(self.sentences) > 1 else None
        if clause is not None and clause.line == sentence.line and not clause.figures:
            # "… در سال ۱۹۹۸ ثبت شده؛ رقمی نزدیک به X": a clause after «؛» is of the period
            # the one before it names with no figure of its own
            sentence.before = clause.own
        elif clause is not None and clause.line == sentence.line and clause.own is not None \
                and consequence(sentence.items):
            # "… در سال ۲۰۲۲ … صادر کرد؛ به این ترتیب هر کیلوگرم … ۲۸ سنت": an amount that
            # follows from the clause before is of its period (a change, of the later one)
            sentence.drawn_from = clause.own
        elif clause is not None and clause.line < sentence.line and clause.own is not None \
                and not clause.headline and clause.items and \
                clause.items[-1].text not in _SENTENCE_END | {":"}:
            # a sentence broken over two lines («… ۱۳٫۵ میلیارد دلار از آن⏎مربوط به …»)
            # goes on in the period its first line names
            sentence.before = clause.own
        _periods_for(sentence, resolved, discourse)
        _period_parts(sentence, resolved)
        _roles(sentence)
        _daily_bases(sentence)
        _from_periods(sentence)
        places = _Places(sentence, self.last_place, self.pair, self.owners)
        previous = self.figures[:sentence.figures[0].order] if sentence.figures else []
        known = len(self.topics)
        owners = dict(self.owners)
        _subjects(sentence, places, previous, self.topics)
        if any(f.subject.source is not None for f in sentence.figures):
            # "صادرات ترکیه به ایران بر اساس آمار ترکیه": the other side's statistics do
            # not make it the text's own side
            self.owners.clear()
            self.owners.update(owners)
        _shared_measures(sentence)
        last = sentence.figures[-1].position if sentence.figures else 0
        _topics_before(sentence, len(sentence.items), places, last, self.topics)
        _groups(sentence)
        _respectively(sentence, places)
        _lists(sentence)
        _corresponding(sentence, previous)
        partners = {(f.subject.exporter, f.subject.importer) for f in sentence.figures
                    if f.type == "Amount" and f.subject.flow == "goods"}
        if any(f.group or f.said_of for f in sentence.figures) or len(partners) > 1:
            # "روسیه و هند با خرید X و Y", «به عراق X، به افغانستان Y …»: a list of
            # partners names none the text goes on with
            del self.topics[known:]
        self._places(places)
        if sentence.headline or _background(sentence):
            return
        own = [f.period for f in sentence.figures
               if f.period is not None and "compared" not in f.roles]
        _speak(sentence, own or [p for p, compared in resolved.values()
                                 if p is not None and not compared], discourse)

    def _table_years(self, figure: Figure) -> None:
        """The years of a table's series, as a span the text may name («این پنج سال»)."""
        period = figure.period
        table = figure.cell.table if figure.cell is not None else None
        if period is None or period.year is None or table is None:
            return
        years = sorted({f.period.year for f in self.figures if f.cell is not None
                        and f.cell.table == table and f.period is not None
                        and f.period.year is not None and f.period.calendar == period.calendar})
        if len(years) > 1 and years[-1] - years[0] + 1 == len(years):
            span = Period(period.calendar, years[0], last_year=years[-1], fiscal=period.fiscal)
            spans = self.discourse.spans
            if spans and spans[-1].calendar == span.calendar and spans[-1].year == span.year:
                spans[-1] = span  # the same table, one more year
            else:
                spans.append(span)

    def _places(self, places: _Places) -> None:
        named = [place for _, place in places.positions]
        if named:
            self.last_place = named[-1]
        if len(set(named)) >= 2:
            first = named[0]
            second = next(p for p in named if p != first)
            self.pair = frozenset({first, second})


def _per_amounts(items: list[Item]) -> list[Item]:
    """«متوسط ارزش هر هزار مترمکعب گاز ۴۷۴ یورو»: an amount after «هر» is the unit a
    price is of, no figure of the text; it stands as a unit word."""
    out = list(items)
    for k, item in enumerate(items):
        label = 0 < k < len(items) - 1 and items[k - 1].text == "(" and \
            items[k + 1].text == ")" and not any(ch.isdigit() for ch in item.text)
        if (label or (k > 0 and "per_word" in items[k - 1].features)) and _is(item, "Amount"):
            # (and «وزن (هزار تن)»: a header's unit in brackets, no amount)
            assert isinstance(item, Mention)
            value = item.value
            assert isinstance(value, QuantityValue)
            out[k] = Token(item.text, WORD, item.start, item.end,
                           {"unit": (value.unit, value.dimension, value.power)})
    return out


def _priced_numbers(items: list[Item]) -> list[Item]:
    """A bare number a price phrase introduces, its money left unsaid: «ارزش واحد هر
    کیلو ۵٫۵۱», «ارزش هر تن کالای صادراتی ۶۰۷ و …»: an amount of no unit yet
    (`_implied_money` gives it the text's money)."""
    out = list(items)
    for k, item in enumerate(items):
        if not isinstance(item, Mention) or item.type != "Number":
            continue
        start = max(_clause_start(items, k), k - _PRICE_REACH)
        per = [j for j in range(start, k) if "per_word" in items[j].features
               and j + 1 < k and isinstance(items[j + 1].features.get("unit"), tuple)]
        if not per or any(_is_quantity(x) or _is(x, "Number") for x in items[per[-1]:k]):
            continue
        number = item.value
        assert isinstance(number, NumberValue)
        start_at, end_at = getattr(item, "start"), getattr(item, "end")  # noqa: B009
        out[k] = replace(item, type="Amount", rule="context.priced_number", value=QuantityValue(
            number.readings, "", "", number.scale, number_start=start_at, number_end=end_at))
    return out


def _implied_money(figures: Sequence[Figure]) -> None:
    """An amount printed with a scale or in a price phrase but no money («به ارزش ۳۰۱
    میلیون و ۵۱۶ هزار», «هر کیلو ۵٫۵۱») is in the one money the text uses elsewhere;
    where it uses none or several, it stays an amount of no unit."""
    money = {f.value.dimension for f in figures if f.type == "Amount"
             and f.value.dimension in ("USD", "EUR")}
    if len(money) != 1:
        return
    currency = money.pop()
    for figure in figures:
        value = figure.value
        if figure.type != "Amount" or value.dimension or value.power not in V.SCALE_NAMES:
            continue
        items = figure.sentence.items
        valued = any(items[k].features.get("measure") == "value"
                     for k in range(max(0, figure.position - 2), figure.position))
        if not valued and figure.per is None:
            continue
        unit = f"{V.SCALE_NAMES[value.power]} {currency}".strip()
        figure.mention = replace(figure.mention, value=replace(
            value, unit=unit, dimension=currency))
        figure.subject = replace(figure.subject, measure="value")


_FIGURES_WORDS = frozenset({"ارقام", "رقم", "اعداد", "مقادیر"})
_CORRESPONDING_REACH = 12  # the figures before it a «ارقام …» sentence may take sides from


def _corresponding(sentence: Sentence, previous: Sequence[Figure]) -> None:
    """«ارقام (متناظر) سال ۲۰۲۲ برای صادرات و واردات چین به ترتیب X و Y», «این ارقام در سال
    ۱۴۰۱ برای واردات X …»: figures that stand for those named before, in another period;
    a flow whose other side the sentence does not name takes it from the one flow of the
    same direction and side named before (none where several are)."""
    items = sentence.items
    if not any(item.text in _FIGURES_WORDS or "anaphor" in item.features
               for item in items[:2]) or not any(
            items[k].text == "برای" and _is(items[k + 1], "Flow")
            for k in range(len(items) - 1)):
        return  # (figures said to be «برای صادرات …»: for the flows named before)
    earlier = [f.subject for f in previous[-_CORRESPONDING_REACH:]
               if f.type == "Amount" and f.subject.flow == "goods" and f.subject.exporter
               and f.subject.importer and REPORTER not in (f.subject.exporter,
                                                           f.subject.importer)]
    for figure in sentence.figures:
        subject = figure.subject
        if figure.type != "Amount" or subject.flow != "goods" or subject.total or \
                (subject.exporter is None) == (subject.importer is None) or \
                REPORTER in (subject.exporter, subject.importer):
            continue  # (the side named must be a place: which way «صادرات» goes is its)
        sides: set[tuple[str | None, str | None]] = {
            (s.exporter, s.importer) for s in earlier
            if (s.exporter == subject.exporter if subject.exporter is not None
                else s.importer == subject.importer)}
        if len(sides) == 1:
            exporter, importer = sides.pop()
            figure.subject = replace(subject, exporter=exporter, importer=importer)


def read_lines(lines: Sequence[tuple[int, str]],
               cells: Sequence[records.TableCell] = (), *, later: bool = False,
               memo: dict[int, tuple[Line, tuple[Item, ...]]] | None = None) -> Document:
    """The figures of a document's prose lines, each with its period, subject and roles;
    with ``cells``, its tables' values too, as figures prose may refer to. With ``later``,
    a text whose own year is in doubt (`Document.anchor_doubt`) is read as written in the
    year after the latest it prints. ``memo`` keeps each line's tokens and mentions (by
    its place in ``lines``) for a second reading of the same lines."""
    reading = _Reading()
    pending = sorted(cells, key=lambda cell: cell.span.line)
    for index, (lineno, raw) in enumerate(lines):
        while pending and pending[0].span.line < lineno:
            reading.table(pending.pop(0))
        if memo is not None and index in memo:  # (by place: lines may share a number)
            line, kept = memo[index]
            items = list(kept)
        else:
            line = tokenize(raw)
            items = mentions(line)
            if memo is not None:
                memo[index] = (line, tuple(items))
        headline = _is_headline(items, lineno)
        for chunk in _split(items):
            reading.sentence(Sentence(lineno, len(reading.sentences), _without_speaker(
                _without_asides(_merge_periods(chunk))), line, headline))
    for rest in pending:
        reading.table(rest)
    for figure in reading.figures:
        if figure.sentence.headline and figure.period is None:
            figure.period = reading.discourse.first  # a headline speaks of what its body does
    owners = reading.owners
    _implied_money(reading.figures)
    document = Document(reading.sentences, reading.figures)
    _settle(document, owners, later)
    return document
