"""Sentences, in English and Persian, from claim and verdict records.

`describe` names a claim; `explain` says what a check found: the formula with
the printed numbers filled in, the value it gives, how that compares with the
stated figure, the likely cause, and what the totals were taken from. The
reporter and partner are those of the records (the document's own); where
the document names no reporter, the sentences say "the reporter".

Every `Note` code a check writes has its sentence pair here:

==========================  ==========================================
reason (unverifiable)       values
==========================  ==========================================
``non_positive_input``      —
``balance_sign``            —
``no_table_value``          year
``total_only_through_share`` base, year
``shares_disagree``         base, year
``no_series``               flow, year
``no_total``                flow, year
``growth_base_missing``     —
``no_figures``              —
``ref_no_series``           flow, year
``ref_no_total``            base, year
``ref_no_totals``           year
``ref_no_figures``          —
``incompatible_units``      the units
``part_exceeds_whole``      —
==========================  ==========================================

Notes: ``implied_total`` (base, source), ``totals_implied``, ``in_unit`` (the
unit amounts were converted into),
``share_read_as`` (source, flow, label's base), ``reference_total``
(series), ``reference_totals``; causes: ``double rounding`` (point, once,
twice), ``transposed_stated`` (swap), ``transposed_input`` (swap, printed),
``wrong period`` (from, to, point), ``mislabelled column`` (base, flow),
``truncation`` (point, the value cut off).
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

from chile_trade.core import vocabulary as V
from chile_trade.core.checks import round_half_up
from chile_trade.core.records import Claim, Note, Verdict
from chile_trade.present.numbers import persian_digits as _fa

__all__ = ["describe", "explain"]

# The formulas with the printed numbers filled in, operands in the formula's order.
_EXPRESSIONS = {
    "percent_change": ("({1} − {0}) / {0} × 100", "({1} − {0}) ÷ {0} × ۱۰۰"),
    "share": ("{0} / {1} × 100", "{0} ÷ {1} × ۱۰۰"),
    "share_via_implied_total": ("{0} / ({1} / {2}%) × 100", "{0} ÷ ({1} ÷ {2}٪) × ۱۰۰"),
    "share_of_total_trade": ("({0} + {1}) / ({2} + {3}) × 100",
                             "({0} + {1}) ÷ ({2} + {3}) × ۱۰۰"),
    "share_of_implied_total_trade": ("({0} + {3}) / ({1} / {2}% + {4} / {5}%) × 100",
                                     "({0} + {3}) ÷ ({1} ÷ {2}٪ + {4} ÷ {5}٪) × ۱۰۰"),
    "points": ("{1}% − {0}%", "{1}٪ − {0}٪"),
    "multiple": ("{1} / {0}", "{1} ÷ {0}"),
    "balance": ("{0} − {1}", "{0} − {1}"),
    "difference": ("{1} − {0}", "{1} − {0}"),
    "balance_of_trade_total": ("{0} − ({1} − {0})", "{0} − ({1} − {0})"),
    "unit_price": ("{0} / {1}", "{0} ÷ {1}"),
    "value": ("{0}", "{0}"),
    "rate_of_rise": ("{0} / ({1} − {0}) × 100", "{0} ÷ ({1} − {0}) × ۱۰۰"),
    "rate_of_fall": ("−{0} / ({1} + {0}) × 100", "−{0} ÷ ({1} + {0}) × ۱۰۰"),
    "share_of_remainder": ("{0} / ({1} − {2}) × 100", "{0} ÷ ({1} − {2}) × ۱۰۰"),
    "change_of_sum": ("(({2} + {3}) − ({0} + {1})) / ({0} + {1}) × 100",
                      "(({2} + {3}) − ({0} + {1})) ÷ ({0} + {1}) × ۱۰۰"),
    "change_of_difference": ("(({2} − {3}) − ({0} − {1})) / ({0} − {1}) × 100",
                             "(({2} − {3}) − ({0} − {1})) ÷ ({0} − {1}) × ۱۰۰"),
    "share_of_two_way": ("{0} / ({0} + {1}) × 100", "{0} ÷ ({0} + {1}) × ۱۰۰"),
    "cagr": ("(({1} / {0})^(1/{n}) − 1) × 100", "(({1} ÷ {0})^(۱/{n}) − ۱) × ۱۰۰"),
    "per_day": ("{0} / {n} days", "{0} ÷ {n} روز"),
}


def _expression(formula: str, count: int) -> tuple[str, str]:
    """The expression of a formula with ``count`` operands (sums take any number)."""
    if formula == "sum":
        terms = " + ".join(f"{{{i}}}" for i in range(count))
        return terms, terms
    if formula == "mean":
        terms = " + ".join(f"{{{i}}}" for i in range(count))
        return f"({terms}) / {count}", f"({terms}) ÷ {_fa(str(count))}"
    if formula == "share_of_sum":
        terms = " + ".join(f"{{{i}}}" for i in range(count - 1))
        return (f"({terms}) / {{{count - 1}}} × 100", f"({terms}) ÷ {{{count - 1}}} × ۱۰۰")
    if formula == "share_of_listed":  # the part, then every listed part (itself among them)
        terms = " + ".join(f"{{{i}}}" for i in range(1, count))
        return f"{{0}} / ({terms}) × 100", f"{{0}} ÷ ({terms}) × ۱۰۰"
    return _EXPRESSIONS[formula]


_SUFFIXES = {V.PERCENT: ("%", "٪"), V.POINTS: (" pp", " واحد درصد"), V.TIMES: ("×", " برابر")}


def _suffix(unit: str) -> tuple[str, str]:
    """What follows a number of ``unit``: ``%`` for a percentage, `` million USD`` ..."""
    if unit in _SUFFIXES:
        return _SUFFIXES[unit]
    return f" {unit}", f" {V.unit_name_fa(unit)}"


def _num(value: Fraction | Decimal, places: int) -> str:
    return f"{round_half_up(Fraction(value), places):f}"


def _ltr(text: str) -> str:
    """Isolate a left-to-right name (a file:line) inside Persian text (LRI ... PDI)."""
    return f"\u2066{text}\u2069"


def _year(value: object, fiscal: bool = False) -> str:
    """A year as printed; a fiscal year as its pair (2021 → ``2021-22``)."""
    if value is None:
        return "?"
    return f"{value}-{(int(str(value)) + 1) % 100:02d}" if fiscal else str(value)


def _year_fa(value: object, fiscal: bool = False) -> str:
    """`_year` in Persian digits, a fiscal pair joined by a hyphen (not a minus sign)."""
    return "-".join(_fa(part) for part in _year(value, fiscal).split("-"))


def _months(claim: Claim) -> tuple[str, str]:
    """The months of each year a claim's period holds, as a suffix («نیمه نخست»: months
    1–6); empty for whole years."""
    months = claim.quantity.period.months
    if months is None:
        return "", ""
    first, last = months
    if first == last:
        return f", month {first}", f"، ماه {_fa(str(first))}"
    return f", months {first}–{last}", f"، ماه‌های {_fa(str(first))} تا {_fa(str(last))}"


def _flow(code: object, lang: str) -> str:
    return V.FLOW_NAMES[str(code)][lang]


def _stated(claim: Claim) -> str:
    """The stated figure as printed, a range as ``18–20``."""
    if claim.low is not None:
        return f"{claim.low.text}–{claim.stated.text}"
    return claim.stated.text


def _partner(claim: Claim) -> tuple[str, str]:
    subject = claim.subject
    return subject.partner_en or subject.partner, subject.partner


def _owner(claim: Claim) -> tuple[str, str]:
    """The reporter, as the owner of a total: ("Chile's", "شیلی") or the unknown one."""
    subject = claim.subject
    if subject.reporter:
        return f"{subject.reporter_en or subject.reporter}'s", subject.reporter
    return f"{V.UNKNOWN_REPORTER['en']}'s", V.UNKNOWN_REPORTER["fa"]


def _series_title(flow: str, partner: str, lang: str) -> str:
    """A table series' name before a colon: «Exports to Turkey: », «Exports: » where no
    partner is named, nothing for a series of no known flow."""
    if partner:
        return f"{V.FLOW_TITLES[flow][lang].format(partner)}: "
    return f"{_flow(flow, lang).capitalize()}: " if flow else ""


def describe(claim: Claim) -> tuple[str, str]:
    """A short name of a claim: (English, Persian).

    Examples
    --------
    >>> from chile_trade.core.grammar import read
    >>> doc = read("جدول صادرات ایران به ترکیه (میلیون دلار)\\n"
    ...            "۲۰۰۴ ۲۰۰۵ سهم از کل صادرات\\n۱۰۰ ۱۱۰ ٪۱۰")
    >>> describe(doc.claims[0])[0]
    "Exports to Turkey: share of Iran's total exports, 2005"
    """
    kind, flow = claim.kind, claim.subject.flow
    partner_en, partner_fa = _partner(claim)
    owner_en, owner_fa = _owner(claim)
    cmp_en, cmp_fa = (V.COMPARATOR_NAMES[claim.comparator][lang] for lang in ("en", "fa"))
    stated = _stated(claim)
    prose = kind in _PROSE_KINDS or (kind == V.CHANGE and bool(claim.formula or claim.reason))
    if prose:  # a prose figure: its kind, flow and value with its unit
        name_en, name_fa = _PROSE_KINDS.get(kind, ("percent change", "درصد تغییر"))
        if kind == V.PROSE_OTHER and claim.unit.endswith("/day"):
            name_en, name_fa = "amount per day", "مقدار روزانه"
        elif kind == V.PROSE_OTHER and "/" in claim.unit:
            name_en, name_fa = "unit price", "قیمت واحد"
        u_en, u_fa = _suffix(claim.unit or V.PERCENT)
        what_en = f"{_flow(flow, 'en').capitalize()}: " if flow else ""
        what_fa = f"{_flow(flow, 'fa')}: " if flow else ""
        english = f"{what_en}{name_en} {cmp_en}{stated}{u_en}"
        return (english[0].upper() + english[1:],
                f"{what_fa}{name_fa} {cmp_fa}{_fa(stated)}{u_fa}")
    fiscal = claim.quantity.period.fiscal
    months_en, months_fa = _months(claim)
    if kind == V.CHANGE:
        y0, y1 = _year(claim.year_from, fiscal), _year(claim.year_to, fiscal)
        title_en, title_fa = (_series_title(flow, partner, lang)
                              for partner, lang in ((partner_en, "en"), (partner_fa, "fa")))
        english = f"{title_en}percent change {y0}→{y1}{months_en}"
        return (english[0].upper() + english[1:],
                (f"{title_fa}درصد تغییرات "
                 f"{_year_fa(claim.year_from, fiscal)} تا {_year_fa(claim.year_to, fiscal)}"
                 if fiscal else f"{title_fa}درصد تغییرات "
                 f"{_fa(y0)}–{_fa(y1)}") + months_fa)
    if kind == V.SHARE:
        year = _year(claim.year_to, fiscal)
        return (f"{_series_title(flow, partner_en, 'en')}share of {owner_en} total "
                f"{_flow(claim.base, 'en')}, {year}{months_en}",
                f"{_series_title(flow, partner_fa, 'fa')}سهم از کل "
                f"{_flow(claim.base, 'fa')} {owner_fa}، {_year_fa(claim.year_to, fiscal)}"
                f"{months_fa}")
    if kind == V.TRADE_SHARE:
        year = _year(claim.year_to)
        return (f"{partner_en}: {cmp_en}{stated}% of {owner_en} total trade in {year}",
                f"{partner_fa}: {cmp_fa}{_fa(stated)}٪ کل مبادلات {owner_fa} در {_fa(year)}")
    if kind == V.GROWTH:
        who_en = f" of trade with {partner_en}" if partner_en else ""
        who_fa = f" تجارت با {partner_fa}" if partner_fa else ""
        span = _year(claim.span_years)
        return (f"Growth{who_en} of {stated}% over {span} years",
                f"رشد{who_fa} {_fa(stated)}٪ در {_fa(span)} سال")
    return (f"A percentage in the text: {stated}%", f"درصدی در متن: {_fa(stated)}٪")


_PROSE_KINDS = {
    V.POINTS_KIND: ("change in percentage points", "تغییر به واحد درصد"),
    V.MULTIPLE: ("multiple", "چند برابر"),
    V.CAGR: ("average annual growth", "رشد متوسط سالانه"),
    V.BALANCE: ("trade balance", "تراز تجاری"),
    V.SUM: ("total", "مجموع"),
    V.PROSE_SHARE: ("share", "سهم"),
    V.PROSE_OTHER: ("derived amount", "رقم محاسبه‌شده"),
}
"""Names of the prose kinds; a prose change is named as a change."""


_REASONS = {
    "non_positive_input": (
        "a value the figure is computed from is zero or negative within its rounding",
        "مقداری که رقم از آن محاسبه می‌شود با گرد شدنش صفر یا منفی است"),
    "no_table_value": ("the table has no value for {year}", "جدول برای {year_fa} مقداری ندارد"),
    "total_only_through_share": (
        "the documents give {owner_en} total {flow_en} in {year} only through this share",
        "اسناد کل {flow_fa} {owner_fa} در {year_fa} را فقط از راه همین سهم می‌دهند"),
    "part_exceeds_whole": (
        "the part tied to this share comes out larger than the whole tied to it, so the "
        "whole is not the one the text means",
        "جزئی که به این سهم پیوند خورد از کلی که به آن پیوند خورد بزرگ‌تر درآمد؛ پس این کل "
        "آن کلی نیست که متن در نظر دارد"),
    "shares_disagree": (
        "this share and another of its column imply different totals of {flow_en} in {year}, "
        "and the table prints no total to say which of the two is wrong",
        "این سهم و سهم دیگری از همین ستون کل‌های متفاوتی برای {flow_fa} در {year_fa} نتیجه "
        "می‌دهند و جدول کلی چاپ نکرده است که نشان دهد کدام نادرست است"),
    "no_series": ("the documents give no {flow_en} with {partner_en} in {year}",
                  "اسناد رقمی برای {flow_fa} با {partner_fa} در {year_fa} ندارند"),
    "no_total": ("the documents give no {owner_en} total {flow_en} in {year}",
                 "اسناد رقمی برای کل {flow_fa} {owner_fa} در {year_fa} ندارند"),
    "growth_base_missing": (
        "the documents give neither the base year nor the values this growth is measured on",
        "اسناد نه سال پایه و نه ارقامی را که این رشد بر آن سنجیده شده به دست می‌دهند"),
    "no_figures": ("the documents hold no figures this percentage refers to",
                   "اسناد رقمی که این درصد به آن اشاره دارد ندارند"),
    "ref_no_series": ("the reference has no series for {flow_en} with {partner_en} in {year}",
                      "مرجع رقمی برای {flow_fa} با {partner_fa} در {year_fa} ندارد"),
    "ref_no_total": ("the reference has no total for {owner_en} {flow_en} in {year}",
                     "مرجع کل {flow_fa} {owner_fa} در {year_fa} را ندارد"),
    "ref_no_totals": ("the reference has no totals for {owner_en} trade in {year}",
                      "مرجع کل تجارت {owner_fa} در {year_fa} را ندارد"),
    "balance_sign": (
        "the balance is not the deficit or surplus the text names in both years (it changes "
        "sign, or may be zero within the rounding of the values): its change is not defined",
        "تراز در هر دو سال همان کسری یا مازادی نیست که متن می‌گوید (علامتش عوض می‌شود یا با "
        "گرد شدن ارقام ممکن است صفر باشد): تغییر آن تعریف‌شده نیست"),
    "no_base_value": ("the text gives no earlier value this change is measured from",
                      "متن مقدار پیشینی را که این تغییر از آن سنجیده شده به دست نمی‌دهد"),
    "no_whole": ("the text gives no total this share is a share of",
                 "متن کلی را که این سهم از آن است به دست نمی‌دهد"),
    "no_operands": ("the text does not print the values this figure is computed from",
                    "متن مقادیری را که این رقم از آن‌ها محاسبه می‌شود چاپ نکرده است"),
    "no_years": ("the text does not say over how many years this growth is averaged",
                 "متن نمی‌گوید این رشد در چند سال میانگین گرفته شده است"),
    "ambiguous_number": (
        "a number of the figure may be read two ways (a slash decimal printed in mirrored "
        "order, a dot before three digits) that give different verdicts, and the document "
        "does not say which",
        "یکی از اعداد این رقم دو خوانش دارد (ممیز اسلش وارونه چاپ‌شده، نقطه پیش از سه رقم) "
        "که حکم‌های متفاوتی می‌دهند و سند نمی‌گوید کدام"),
    "unknown_construction": (
        "the grammar does not know how this sentence ties the figure to its values",
        "دستور زبان بسته نمی‌داند این جمله رقم را چگونه به مقادیرش پیوند می‌دهد"),
    "ref_no_figures": ("the reference holds no figures this refers to",
                       "مرجع رقمی که این به آن اشاره دارد ندارد"),
    "no_frame": ("no construction the reader knows states this figure",
                 "این رقم در هیچ ساختاری که خواننده می‌شناسد بیان نشده است"),
    "ambiguous_frame": (
        "the sentence reads two ways, which tie the figure to different values",
        "جمله دو خوانش دارد که رقم را به مقادیر متفاوتی پیوند می‌دهند"),
    "no_candidate": (
        "could not tie the values this figure is computed from: the text prints none "
        "that agrees with it in flow, partner, product, measure and period",
        "مقادیری که این رقم از آن‌ها محاسبه می‌شود پیدا نشد: متن مقداری که از نظر جریان، "
        "طرف تجاری، کالا، سنجه و دوره با آن بخواند چاپ نکرده است"),
    "ambiguous_candidate": (
        "several printed values agree with this figure equally, and nothing says which "
        "one it is computed from",
        "چند مقدار چاپ‌شده به یک اندازه با این رقم می‌خوانند و متن نمی‌گوید رقم از کدام "
        "محاسبه شده است"),
    "partial_parts": (
        "the values the text breaks this total into do not add up to it, and nothing says "
        "they are all of it (no «سایر», not the two flows of a trade)",
        "مقادیری که متن این کل را به آن‌ها تقسیم می‌کند جمعشان برابر آن نیست و متن نمی‌گوید "
        "که همه آن‌اند (نه «سایر» آمده و نه دو جریان یک تجارت‌اند)"),
    "weighted_mean": (
        "this mean over a period is not the plain mean of the values printed for its "
        "parts, and a mean over periods may weight each by its days",
        "این میانگین دوره برابر میانگین ساده مقادیر چاپ‌شده برای بخش‌های آن نیست و میانگین "
        "دوره‌ها ممکن است هر بخش را به نسبت روزهایش وزن دهد"),
    "attribute_conflict": (
        "the values the sentence ties this figure to are of different flows, partners, "
        "products or periods",
        "مقادیری که جمله این رقم را به آن‌ها پیوند می‌دهد از جریان، طرف، کالا یا دوره‌های "
        "متفاوتند"),
}
"""Why a figure is unverifiable, by reason code: a flow (or base) first where the
reason names one, the year last."""


def reason_text(code: str) -> tuple[str, str]:
    """A reason code's sentence, English and Persian, as the README lists it (its
    placeholders left as written)."""
    return _REASONS[code]


def _reason(claim: Claim, note: Note) -> tuple[str, str]:
    if note.code == "incompatible_units":
        units = [str(unit) for unit in note.values]
        names_fa = [V.UNIT_NAMES_FA.get(unit, unit) for unit in units]
        return (f"the figure would combine amounts in {' and '.join(units)}, which the "
                "documents give no way to convert",
                f"رقم مقادیری به {' و '.join(names_fa)} را با هم ترکیب می‌کند که اسناد راهی "
                "برای تبدیلشان به دست نمی‌دهند")
    partner_en, partner_fa = _partner(claim)
    owner_en, owner_fa = _owner(claim)
    values = note.values
    year = _year(values[-1]) if values else ""
    flow = str(values[0]) if len(values) > 1 else V.TRADE
    fields = {"year": year, "year_fa": _fa(year), "flow_en": _flow(flow, "en"),
              "flow_fa": _flow(flow, "fa"), "partner_en": partner_en, "partner_fa": partner_fa,
              "owner_en": owner_en, "owner_fa": owner_fa}
    en, fa = _REASONS[note.code]
    return en.format(**fields), fa.format(**fields)


_CAUSES = {
    V.TRUNCATION: (("point", "cut"),
                   "truncation: {point} cut off to {cut} instead of rounded",
                   "بریدن به جای گرد کردن: {point_fa} به {cut_fa} بریده شده است"),
    V.DOUBLE_ROUNDING: (("point", "once", "twice"),
                        "double rounding ({point} → {once} → {twice})",
                        "گرد کردن دوباره ({point_fa} → {once_fa} → {twice_fa})"),
    "transposed_stated": (("swap",),
                          "transposed digits: the value computes to {swap}, printed {stated}",
                          "جابه‌جایی ارقام: مقدار محاسبه‌شده {swap_fa} و چاپ‌شده {stated_fa} است"),
    "transposed_input": (("swap", "printed"),
                         "transposed digits: with {swap} in place of the table's {printed} the "
                         "figure comes out as stated",
                         "جابه‌جایی ارقام: با {swap_fa} به جای {printed_fa} جدول، رقم اعلام‌شده "
                         "به دست می‌آید"),
    V.WRONG_PERIOD: (("a", "b", "point"),
                     "wrong period: the figure matches the change {a}→{b} ({point}%)",
                     "دوره نادرست: رقم با تغییرات {a_fa}–{b_fa} ({point_fa}٪) می‌خواند"),
    V.MISLABELLED_COLUMN: (("base", "flow"),
                           "mislabelled column: the label names total {base} but the table is "
                           "of {flow}; as a share of total {flow} the figure contradicts nothing "
                           "in the documents",
                           "برچسب نادرست ستون: برچسب از کل {base_fa} می‌گوید اما جدول {flow_fa} "
                           "است؛ به عنوان سهم از کل {flow_fa} با اسناد تناقضی ندارد"),
}
"""A likely cause's sentence pair, by cause code, with the names of the note's values."""


def _cause(verdict: Verdict, note: Note, places: int) -> tuple[str, str] | None:
    if note.code not in _CAUSES:
        return None
    names, english, persian = _CAUSES[note.code]
    fields = {"stated": verdict.claim.stated.text,
              "stated_fa": _fa(verdict.claim.stated.text)}
    for name, value in zip(names, note.values, strict=True):
        if name in ("base", "flow"):
            fields[name], fields[name + "_fa"] = _flow(value, "en"), _flow(value, "fa")
            continue
        text = _num(value, places) if isinstance(value, Fraction) else str(value)
        fields[name], fields[name + "_fa"] = text, _fa(text)
    return english.format(**fields), persian.format(**fields)


def _note(claim: Claim, note: Note) -> tuple[str, str]:
    owner_en, owner_fa = _owner(claim)
    values = note.values
    if note.code == "implied_total":
        base, source = values
        return (f"{owner_en[0].upper()}{owner_en[1:]} total {_flow(base, 'en')} implied by the "
                f"share at {source}.",
                f"کل {_flow(base, 'fa')} {owner_fa} از سهم اعلام‌شده در {_ltr(str(source))} به "
                "دست آمده است.")
    if note.code == "totals_implied":
        return (f"{owner_en[0].upper()}{owner_en[1:]} totals are those implied by the tables' "
                "stated shares.",
                f"کل صادرات و واردات {owner_fa} از سهم‌های اعلام‌شده جدول‌ها به دست آمده است.")
    if note.code == "share_read_as":
        source, flow, base = values
        return (f"The share at {source} is read as a share of total {_flow(flow, 'en')}, "
                f"though its label names total {_flow(base, 'en')}.",
                f"سهم اعلام‌شده در {_ltr(str(source))} سهم از کل {_flow(flow, 'fa')} گرفته "
                f"شده، هرچند برچسبش از کل {_flow(base, 'fa')} می‌گوید.")
    if note.code == "reference_total":
        series = values[0]
        return (f"The table's value over the reference total ({series}).",
                f"رقم جدول تقسیم بر کل مرجع ({series}).")
    if note.code == "in_unit":
        unit = str(values[0])
        return (f"Amounts are in {unit}, the tables' largest unit.",
                f"مقادیر به {V.UNIT_NAMES_FA.get(unit, unit)}، بزرگ‌ترین واحد جدول‌ها، است.")
    if note.code == "reference_totals":
        return ("The tables' values over the reference totals.",
                "ارقام جدول‌ها تقسیم بر کل‌های مرجع.")
    raise ValueError(f"no sentence for the note {note.code!r}")


def explain(verdict: Verdict) -> tuple[str, str]:
    """What a check found, in one line each: (English, Persian).

    Examples
    --------
    >>> from chile_trade.core.checks import Documents, check
    >>> from chile_trade.core.grammar import read
    >>> doc = read("جدول صادرات ایران به ترکیه (میلیون دلار)\\n۲۰۰۴ ۲۰۰۵ درصد تغییرات\\n"
    ...            "۱۰۰ ۱۱۰ ٪۱۰")
    >>> explain(check(doc.claims[0], Documents(doc.cells, doc.claims)))[0]
    '(110 − 100) / 100 × 100 = 10.000%, which rounds to the stated 10%.'
    """
    claim = verdict.claim
    if verdict.verdict == V.UNVERIFIABLE:
        assert verdict.reason is not None
        return _reason(claim, verdict.reason)
    assert verdict.point is not None
    assert verdict.low is not None
    assert verdict.high is not None
    stated, comparator = claim.stated, claim.comparator
    places = stated.decimals + 3
    pt, lo, hi = (_num(x, places) for x in (verdict.point, verdict.low, verdict.high))
    s = _stated(claim)
    cmp_en, cmp_fa = (V.COMPARATOR_NAMES[comparator][lang] for lang in ("en", "fa"))
    texts = [number.number.text for number in verdict.inputs]
    texts_fa = [_fa(text) for text in texts]
    if verdict.formula == "unit_price":  # money over mass: the units say which is which
        texts = [f"{o.number.text} {o.unit}" for o in verdict.inputs]
        texts_fa = [f"{_fa(o.number.text)} {V.UNIT_NAMES_FA.get(o.unit, o.unit)}"
                    for o in verdict.inputs]
    expression_en, expression_fa = _expression(verdict.formula, len(texts))
    years = next((str(n.values[0]) for n in verdict.notes if n.code in ("years", "days")), "")
    u_en, u_fa = _suffix(claim.unit or V.PERCENT)
    head_en = f"{expression_en.format(*texts, n=years)} = {pt}{u_en}"
    head_fa = f"{expression_fa.format(*texts_fa, n=_fa(years))} = {_fa(pt)}{u_fa}"
    if verdict.verdict == V.EXACT:
        tail_en = (f"which rounds to the stated {s}{u_en}" if comparator == V.EQUAL
                   else f"which agrees with the stated {cmp_en}{s}{u_en}")
        tail_fa = (f"که به رقم اعلام‌شده {_fa(s)}{u_fa} گرد می‌شود" if comparator == V.EQUAL
                   else f"که با «{cmp_fa}{_fa(s)}{u_fa}» سازگار است")
    elif verdict.verdict == V.WITHIN_ROUNDING:
        tail_en = (f"which is not {cmp_en}{s}{u_en}, but the rounding of the printed values "
                   f"allows {lo}–{hi}{u_en}, which reaches it")
        tail_fa = (f"که {cmp_fa}{_fa(s)}{u_fa} نیست، اما گرد شدن ارقام چاپ‌شده بازه "
                   f"{_fa(lo)} تا {_fa(hi)}{u_fa} را ممکن می‌کند که به آن می‌رسد")
    else:
        tail_en = (f"no values within the rounding of the printed values give "
                   f"{cmp_en}{s}{u_en}: they allow only {lo}–{hi}{u_en}")
        tail_fa = (f"هیچ مقداری در بازه گرد شدن ارقام چاپ‌شده {cmp_fa}{_fa(s)}{u_fa} "
                   f"نمی‌دهد؛ بازه ممکن فقط {_fa(lo)} تا {_fa(hi)}{u_fa} است")
    en, fa = [f"{head_en}, {tail_en}."], [f"{head_fa}، {tail_fa}."]
    for note in verdict.notes:
        if note.code in ("years", "days"):
            continue  # in the expression
        cause = _cause(verdict, note, places)
        if cause is not None:
            en.append(f"Likely cause: {cause[0]}.")
            fa.append(f"علت محتمل: {cause[1]}.")
        else:
            note_en, note_fa = _note(claim, note)
            en.append(note_en)
            fa.append(note_fa)
    return " ".join(en), " ".join(fa)

