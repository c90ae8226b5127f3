"""Report charts with correctly shaped Persian (or English) labels.

Each chart is an axes-level function in the manner of seaborn: the package's
DataFrame first, keyword-only options, ``ax=None``, and the Axes returned.
`report_figure` composes them into one page. Numbers come from
`chile_trade.indicators`; nothing here computes a verdict. Every string
drawn goes through `chile_trade.present.text.display_text` and is checked
against the font (`chile_trade.present.fonts.check_coverage`).

Colours are the Okabe–Ito palette, which stays distinct under the common
colour-vision deficiencies.
"""

from __future__ import annotations

import dataclasses
import functools
import io
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib import font_manager
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch
from matplotlib.ticker import FixedLocator, Formatter, FuncFormatter

from chile_trade import columns as C
from chile_trade.core.vocabulary import (
    BALANCE_FLOW,
    FLOW_NAMES,
    PERCENT,
    UNIT_NAMES_FA,
    VALUATION_NAMES_FA,
    VERDICT_NAMES,
)
from chile_trade.indicators import GROWTH_PCT, to_wide, trade_balance, yoy_growth
from chile_trade.present.ci import split_source
from chile_trade.present.fonts import check_coverage, find_font
from chile_trade.present.numbers import (
    LANGS,
    decimals_of,
    format_number,
    format_percent,
    format_year,
)
from chile_trade.present.text import display_text

__all__ = [
    "CHARTS",
    "COLORS",
    "FIGURE_RC",
    "PANEL_CHARTS",
    "Panel",
    "PlannedChart",
    "balance_chart",
    "chart_plan",
    "growth_chart",
    "panels",
    "render_charts",
    "render_plan",
    "report_figure",
    "share_chart",
    "trade_chart",
    "verification_chart",
]

COLORS = {
    C.EXPORT: "#0072B2",  # blue
    C.IMPORT: "#E69F00",  # orange
    "balance": "#D55E00",  # vermillion
    "stated": "#000000",
    C.EXACT: "#009E73",  # bluish green
    C.WITHIN_ROUNDING: "#56B4E9",  # sky blue
    C.INCONSISTENT: "#D55E00",  # vermillion
    C.UNVERIFIABLE: "#999999",
}

FIGURE_RC: dict[str, Any] = {
    "svg.fonttype": "path",  # SVG text as glyph outlines: same look without the font
    "svg.hashsalt": "chile_trade",  # the same ids, so the same bytes, on every run
    "pdf.fonttype": 3,  # PDF glyphs embedded as Type 3 outline procedures
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.titlesize": 12,
    "axes.labelsize": 10,
    "xtick.labelsize": 9,
    "ytick.labelsize": 9,
    "legend.frameon": False,
    "figure.dpi": 100,
}
"""rcParams the package's figures are written with (see `chile_trade.cli`)."""

_LABELS = {
    "fa": {
        "trade_title": "تجارت {reporter} با {partner}",
        "trade_title_anon": "تجارت با {partner}",
        C.EXPORT: "صادرات به {partner}",
        C.IMPORT: "واردات از {partner}",
        "balance_title": "تراز تجاری {reporter} با {partner}",
        "balance_title_anon": "تراز تجاری با {partner}",
        "balance": "صادرات منهای واردات",
        "growth_title": "رشد سالانه تجارت با {partner}",
        "growth_unit": "درصد تغییر نسبت به سال قبل",
        "computed": "محاسبه‌شده از جدول",
        "stated": "رقم گزارش",
        "share_title": "سهم {partner} از کل تجارت {reporter}، {year} (به گفته گزارش)",
        "share_title_anon": "سهم {partner} از کل تجارت گزارشگر، {year} (به گفته گزارش)",
        "share_row": "{flow}: سهم از کل {base}",
        "percent": "درصد",
        "verify_title": "راستی‌آزمایی ارقام گزارش",
        "verify_note": "{n} رقم دیگر با داده‌های اسناد قابل بررسی نیست",
        "amount_note": "{n} مقدار بررسی‌شده (نه درصد) در جدول راستی‌آزمایی آمده است",
        "deviation": "فاصله از رقم گزارش (واحد درصد)",
        "accepted": "پذیرفته در رقم گزارش",
        "report_title": "تجارت {reporter} با {partner}، {start}–{end}: ارقام و راستی‌آزمایی",
        "report_title_anon": "تجارت با {partner}، {start}–{end}: ارقام و راستی‌آزمایی",
        "no_partner": "طرف تجاری نام‌برده‌نشده",
        "solar_hijri": "سال (هجری شمسی)",
        "fiscal_year": "سال مالی",
        "solar_hijri_years": "سال‌های هجری شمسی",
        "fiscal_years": "سال‌های مالی",
        "printed_balance": "تراز چاپ‌شده در جدول",
        **{code: names["fa"] for code, names in VERDICT_NAMES.items()},
        **{"base_" + code: names["fa"] for code, names in FLOW_NAMES.items()},
        **{"flow_" + code: FLOW_NAMES[code]["fa"]
           for code in C.FLOWS},
    },
    "en": {
        "trade_title": "{reporter}'s trade with {partner}",
        "trade_title_anon": "Trade with {partner}",
        C.EXPORT: "Exports to {partner}",
        C.IMPORT: "Imports from {partner}",
        "balance_title": "{reporter}'s trade balance with {partner}",
        "balance_title_anon": "Trade balance with {partner}",
        "balance": "exports minus imports",
        "growth_title": "Year-over-year growth of trade with {partner}",
        "growth_unit": "percent change on the year before",
        "computed": "computed from the table",
        "stated": "stated in the report",
        "share_title": "{partner} share of {reporter}'s totals, {year} (as stated)",
        "share_title_anon": "{partner} share of the reporter's totals, {year} (as stated)",
        "share_row": "{flow}: share of total {base}",
        "percent": "percent",
        "verify_title": "The report's figures, checked",
        "verify_note": "{n} more figures cannot be checked with the documents' data",
        "amount_note": "{n} checked amounts (not percentages) are in the table of checks",
        "deviation": "percentage points from the stated figure",
        "accepted": "accepted by the stated figure",
        "report_title": "{reporter}'s trade with {partner}, {start}–{end}: figures and checks",
        "report_title_anon": "Trade with {partner}, {start}–{end}: figures and checks",
        "no_partner": "a partner not named",
        "solar_hijri": "year (Solar Hijri)",
        "fiscal_year": "fiscal year",
        "solar_hijri_years": "Solar Hijri years",
        "fiscal_years": "fiscal years",
        "printed_balance": "balance as printed in the table",
        **{code: names["en"] for code, names in VERDICT_NAMES.items()},
        **{"base_" + code: names["en"] for code, names in FLOW_NAMES.items()},
        **{"flow_" + code: FLOW_NAMES[code]["en"].capitalize()
           for code in C.FLOWS},
    },
}


@dataclass
class _Writer:
    """Strings and numbers for one language and one font, shaped and checked."""

    lang: str
    font: Path
    properties: font_manager.FontProperties = field(init=False)
    family: str = field(init=False)

    def __post_init__(self) -> None:
        if self.lang not in LANGS:
            raise ValueError(f"lang must be one of {LANGS}; got {self.lang!r}")
        self.properties = font_manager.FontProperties(fname=str(self.font))
        known = {Path(f.fname) for f in font_manager.fontManager.ttflist}
        if self.font not in known:
            font_manager.fontManager.addfont(str(self.font))
        self.family = self.properties.get_name()

    def text(self, logical: str) -> str:
        shown = display_text(logical, rtl=self.lang == "fa")
        check_coverage(shown, self.font)
        return shown

    def label(self, key: str, **values: object) -> str:
        return self.text(_LABELS[self.lang][key].format(**values))

    def raw_label(self, key: str, **values: object) -> str:
        return _LABELS[self.lang][key].format(**values)

    def number(self, value: float, decimals: int = 0) -> str:
        return self.text(format_number(value, decimals, lang=self.lang))

    def percent(self, value: float, decimals: int = 1) -> str:
        return self.text(format_percent(value, decimals, lang=self.lang))

    def year(self, year: float) -> str:
        return self.text(format_year(int(year), lang=self.lang))

    def partner(self, frame: pd.DataFrame) -> str:
        partners = frame[C.PARTNER if self.lang == "fa" else C.PARTNER_EN].fillna("").unique()
        if len(partners) != 1:
            raise ValueError(f"the data must hold one partner; got {list(partners)}")
        return str(partners[0]) or self.raw_label("no_partner")

    def titled(self, key: str, frame: pd.DataFrame, **values: object) -> str:
        """A title naming the data's reporter, or the title for an unnamed one."""
        column = C.REPORTER if self.lang == "fa" else C.REPORTER_EN
        reporters = set(frame[column].dropna()) - {""} if column in frame else set()
        if len(reporters) == 1:
            return self.label(key, reporter=reporters.pop(), **values)
        return self.label(key + "_anon", **values)

    def unit(self, frame: pd.DataFrame) -> str:
        """The data's unit and valuation (``میلیون دلار، فوب``, ``million USD, FOB``)."""
        pairs = set(zip(frame[C.UNIT].fillna(""), frame[C.VALUATION].fillna(""), strict=True))
        if len(pairs) != 1:
            raise ValueError(f"the data must hold one unit and valuation; got {sorted(pairs)}")
        unit, valuation = (str(p) if not pd.isna(p) else "" for p in pairs.pop())
        if self.lang == "fa":
            unit = UNIT_NAMES_FA.get(unit, unit)
            valuation = VALUATION_NAMES_FA.get(valuation, valuation)
        return self.text(("، " if self.lang == "fa" else ", ").join(p for p in (unit, valuation)
                                                                    if p))

    def style(self, ax: Axes, title: str) -> None:
        ax.set_title(title, loc="right" if self.lang == "fa" else "left",
                     fontproperties=self.properties, fontsize=12)
        ax.tick_params(labelfontfamily=self.family, length=3, color="#666666")
        ax.spines[["top", "right"]].set_visible(False)
        for side in ("left", "bottom"):
            ax.spines[side].set_color("#666666")

    def put(self, ax: Axes, x: float, y: float, logical: str, **kwargs: Any) -> None:
        ax.annotate(self.text(logical), (x, y), fontproperties=self.properties,
                    annotation_clip=False, **kwargs)


def _writer(lang: str, font: str | Path | None) -> _Writer:
    return _Writer(lang, find_font(font, lang=lang))


def _axes(ax: Axes | None, figsize: tuple[float, float] = (6.4, 4.0)) -> Axes:
    if ax is not None:
        return ax
    _, new = plt.subplots(figsize=figsize, layout="constrained")
    return new


class _TickFormatter(Formatter):
    """Tick labels in the writer's language, with as many decimals as the ticks' step
    needs (0.5 apart: one decimal), so that no two ticks read the same."""

    def __init__(self, w: _Writer, *, percent: bool = False) -> None:
        super().__init__()
        self.w, self.percent, self.decimals = w, percent, 0

    def set_locs(self, locs: Any) -> None:
        super().set_locs(locs)
        self.decimals = next((d for d in range(4) if all(
            abs(v * 10 ** d - round(v * 10 ** d)) < 1e-6 for v in locs)), 4)

    def __call__(self, x: float, pos: int | None = None) -> str:
        return self.w.percent(x, self.decimals) if self.percent else self.w.number(
            x, self.decimals)


def _value_decimals(tables: pd.DataFrame) -> int:
    """The most decimals a value of the tables is printed with (bar labels show as many)."""
    return max((decimals_of(str(t)) for t in tables[C.VALUE_TEXT].dropna()), default=0) \
        if C.VALUE_TEXT in tables else 0


def _formatter(fmt: Callable[[float], str]) -> FuncFormatter:
    return FuncFormatter(lambda value, _pos: fmt(value))


_ASCII_TO_FA_DIGITS = str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")


def _year_axis(ax: Axes, years: list[int], w: _Writer, tables: pd.DataFrame) -> None:
    """Years on the x axis in the tables' calendar: a Solar Hijri axis says so, and a
    fiscal year is shown as its pair (``2019-20``)."""
    ax.xaxis.set_major_locator(FixedLocator(years))
    fiscal = C.FISCAL_YEAR in tables and bool(tables[C.FISCAL_YEAR].fillna(False).any())
    if fiscal:
        def pair(year: float) -> str:
            text = f"{int(year)}-{(int(year) + 1) % 100:02d}"  # a hyphen keeps digits in order
            return w.text(text.translate(_ASCII_TO_FA_DIGITS) if w.lang == "fa" else text)
        ax.xaxis.set_major_formatter(_formatter(pair))
        ax.set_xlabel(w.label("fiscal_year"), fontproperties=w.properties)
        return
    ax.xaxis.set_major_formatter(_formatter(w.year))
    if C.CALENDAR in tables and (tables[C.CALENDAR] == "solar_hijri").any():
        ax.set_xlabel(w.label("solar_hijri"), fontproperties=w.properties)


def _legend(ax: Axes, w: _Writer, handles: list[Any], labels: list[str], **kwargs: Any) -> None:
    ax.legend(handles, labels, prop=w.properties, loc=kwargs.pop("loc", "upper left"),
              frameon=False, **kwargs)


def trade_chart(tables: pd.DataFrame, *, lang: str = "fa", font: str | Path | None = None,
                ax: Axes | None = None, **bar_kwargs: Any) -> Axes:
    """Exports and imports by year, as grouped bars with their values.

    Parameters
    ----------
    tables : pandas.DataFrame
        Tidy table rows of one partner (`chile_trade.io.dataset.load_tables`).
    lang : {'fa', 'en'}
        Language of every label; Persian uses Persian digits.
    font : str or Path, optional
        A font file; default `chile_trade.present.fonts.find_font`: a Persian
        typeface for Persian labels when one is installed, else DejaVu Sans.
    ax : matplotlib.axes.Axes, optional
        Draw here; default a new figure.
    **bar_kwargs
        Passed to `matplotlib.axes.Axes.bar`.

    Returns
    -------
    matplotlib.axes.Axes
    """
    w = _writer(lang, font)
    ax = _axes(ax)
    partner = w.partner(tables)
    wide = to_wide(tables[tables[C.FLOW].isin(C.FLOWS)]).droplevel(C.PARTNER)
    places = _value_decimals(tables)
    years = [int(y) for y in wide.index]
    flows = [f for f in C.FLOWS if wide[f].notna().any()]
    width = 0.38 if len(flows) == 2 else 0.6
    handles = []
    offsets = (-width / 2, width / 2) if len(flows) == 2 else (0.0,)
    for offset, flow in zip(offsets, flows, strict=True):
        values = wide[flow]
        bars = ax.bar(np.array(years) + offset, values, width, color=COLORS[flow],
                      **bar_kwargs)
        handles.append(bars)
        for x, v in zip(np.array(years) + offset, values, strict=True):
            if not np.isnan(v):
                w.put(ax, x, v, format_number(v, places, lang=lang), xytext=(0, 2),
                      textcoords="offset points", ha="center", va="bottom", fontsize=8)
    _year_axis(ax, years, w, tables)
    ax.yaxis.set_major_formatter(_TickFormatter(w))
    ax.set_ylabel(w.unit(tables), fontproperties=w.properties)
    ax.set_ylim(0, float(np.nanmax(wide.to_numpy())) * 1.3)
    _legend(ax, w, handles, [w.label(flow, partner=partner) for flow in flows])
    w.style(ax, w.titled("trade_title", tables, partner=partner))
    return ax


def balance_chart(tables: pd.DataFrame, *, lang: str = "fa", font: str | Path | None = None,
                  ax: Axes | None = None, **bar_kwargs: Any) -> Axes:
    """Trade balance (exports − imports) by year, with its values.

    Parameters and return as `trade_chart`.
    """
    w = _writer(lang, font)
    ax = _axes(ax)
    partner = w.partner(tables)
    flows = set(tables[C.FLOW])
    places = _value_decimals(tables)
    legend = "balance"
    if set(C.FLOWS) <= flows:
        balance = trade_balance(to_wide(tables[tables[C.FLOW].isin(C.FLOWS)]))
        balance = balance.droplevel(C.PARTNER).dropna()
    else:  # a table of one flow and its balance row: the balance as printed
        printed = tables[tables[C.FLOW] == BALANCE_FLOW]
        balance = printed.drop_duplicates(C.YEAR).set_index(C.YEAR)[C.VALUE].sort_index()
        legend = "printed_balance"
    if balance.empty:
        raise ValueError("the tables give no balance: neither both flows of a year nor a "
                         "balance row")
    years = [int(y) for y in balance.index]
    ax.bar(years, balance, 0.6, color=COLORS["balance"], **bar_kwargs)
    ax.axhline(0, color="#333333", linewidth=0.8)
    for x, v in zip(years, balance, strict=True):
        below = v < 0
        w.put(ax, x, v, format_number(v, places, lang=lang), xytext=(0, -2 if below else 2),
              textcoords="offset points", ha="center", va="top" if below else "bottom",
              fontsize=8)
    _year_axis(ax, years, w, tables)
    ax.yaxis.set_major_formatter(_TickFormatter(w))
    ax.set_ylabel(w.unit(tables), fontproperties=w.properties)
    low, high = float(balance.min()), float(balance.max())
    if high <= 0:  # deficits only: the legend below the bars' labels
        ax.set_ylim(low * 1.2, abs(low) * 0.05)
        place = "lower left"
    else:  # room above the tallest surplus for the legend
        ax.set_ylim(min(low, 0) * 1.2, high * 1.35)
        place = "upper left" if low >= 0 else "best"
    _legend(ax, w, [Patch(color=COLORS["balance"])], [w.label(legend)], loc=place)
    w.style(ax, w.titled("balance_title", tables, partner=partner))
    return ax


def growth_chart(tables: pd.DataFrame, stated: pd.DataFrame | None = None, *, lang: str = "fa",
                 font: str | Path | None = None, ax: Axes | None = None,
                 **bar_kwargs: Any) -> Axes:
    """Year-over-year growth recomputed from the tables, with the stated figures marked.

    Parameters
    ----------
    tables : pandas.DataFrame
        Tidy table rows of one partner.
    stated : pandas.DataFrame, optional
        Stated figures; each percent change (kind ``change``) between
        consecutive years is marked at its year as a black diamond.
    lang, font, ax, **bar_kwargs
        As `trade_chart`.

    Returns
    -------
    matplotlib.axes.Axes
    """
    w = _writer(lang, font)
    ax = _axes(ax)
    partner = w.partner(tables)
    growth = yoy_growth(tables[tables[C.FLOW].isin(C.FLOWS)]).dropna(subset=[GROWTH_PCT])
    if growth.empty:
        raise ValueError("the tables give no growth: no series has two years")
    years = sorted(int(y) for y in growth[C.YEAR].unique())
    width = 0.38
    offsets = {C.EXPORT: -width / 2, C.IMPORT: width / 2}
    handles: list[Any] = []
    tall = float(growth[GROWTH_PCT].abs().max()) * 0.15  # room for a label inside the bar
    for flow, offset in offsets.items():
        rows = growth[growth[C.FLOW] == flow]
        xs = rows[C.YEAR].to_numpy() + offset
        handles.append(ax.bar(xs, rows[GROWTH_PCT], width, color=COLORS[flow], **bar_kwargs))
        for x, v in zip(xs, rows[GROWTH_PCT], strict=True):
            label = format_percent(v, 1, lang=lang)
            if abs(v) >= tall:  # inside the bar, clear of the stated marker at its top
                w.put(ax, x, v / 2, label, ha="center", va="center", fontsize=8,
                      color="white", fontweight="bold")
            else:
                w.put(ax, x, v, label, xytext=(0, 2 if v >= 0 else -2),
                      textcoords="offset points", ha="center",
                      va="bottom" if v >= 0 else "top", fontsize=8)
    drawn = [f for f in offsets if (growth[C.FLOW] == f).any()]
    handles = [h for h, f in zip(handles, offsets, strict=True) if f in drawn]
    labels = [w.label(flow, partner=partner) for flow in drawn]
    top = max(float(growth[GROWTH_PCT].max()), 0.0)
    low = 0.0  # the lowest stated change: a wrong fall must be on the chart too
    if stated is not None:
        changes = stated[(stated[C.KIND] == C.CHANGE) & stated[C.FLOW].isin(list(offsets))]
        for row in changes.itertuples(index=False):
            x = int(getattr(row, C.YEAR_TO)) + offsets[getattr(row, C.FLOW)]
            value = float(getattr(row, C.STATED))
            decimals = decimals_of(getattr(row, C.STATED_TEXT))
            ax.plot([x], [value], marker="D", color=COLORS["stated"], markersize=6,
                    linestyle="none", zorder=3)
            # the value alone, just above (below, for a fall) its diamond: the legend says
            # what a diamond is, and neighbouring bars' markers leave room for nothing wider
            w.put(ax, x, value, format_percent(value, decimals, lang=lang),
                  xytext=(0, 6 if value >= 0 else -6), textcoords="offset points",
                  ha="center", va="bottom" if value >= 0 else "top", fontsize=8,
                  bbox={"boxstyle": "round,pad=0.2", "facecolor": "white", "edgecolor": "none",
                        "alpha": 0.85})
            top, low = max(top, value), min(low, value)
        if len(changes):
            handles.append(Line2D([], [], marker="D", color=COLORS["stated"], linestyle="none"))
            labels.append(w.label("stated"))
    _year_axis(ax, years, w, tables)
    ax.yaxis.set_major_formatter(_TickFormatter(w, percent=True))
    ax.set_ylabel(w.label("growth_unit"), fontproperties=w.properties)
    bottom = min(0.0, min(float(growth[GROWTH_PCT].min()), low) * 1.3)
    ax.set_ylim(bottom, top * 1.3 if top > 0 else -bottom * 0.15)
    ax.axhline(0, color="#333333", linewidth=0.8)
    _legend(ax, w, handles, labels)
    w.style(ax, w.label("growth_title", partner=partner))
    return ax


def share_chart(stated: pd.DataFrame, *, lang: str = "fa", font: str | Path | None = None,
                ax: Axes | None = None, **bar_kwargs: Any) -> Axes:
    """The partner's stated share of the reporter's total exports and imports.

    Each stated ``share_of_total`` figure is a bar, labelled with its flow
    and with the total its column label names, as printed.

    Parameters and return as `trade_chart`, with ``stated`` the stated
    figures (`chile_trade.io.dataset.load_stated`).
    """
    w = _writer(lang, font)
    ax = _axes(ax)
    shares = stated[stated[C.KIND] == C.SHARE].reset_index(drop=True)
    partner = w.partner(shares)
    positions = np.arange(len(shares))[::-1]
    ax.barh(positions, shares[C.STATED], 0.55,
            color=[COLORS[f] for f in shares[C.FLOW]], **bar_kwargs)
    for y, row in zip(positions, shares.itertuples(index=False), strict=True):
        value = float(getattr(row, C.STATED))
        decimals = decimals_of(getattr(row, C.STATED_TEXT))
        w.put(ax, value, y, format_percent(value, decimals, lang=lang), xytext=(3, 0),
              textcoords="offset points", ha="left", va="center", fontsize=9)
    ax.yaxis.set_major_locator(FixedLocator(list(positions)))
    ax.set_yticklabels([
        w.label("share_row", flow=w.raw_label("flow_" + f), base=w.raw_label("base_" + b))
        for f, b in zip(shares[C.FLOW], shares[C.BASE], strict=True)])
    right = float(shares[C.STATED].max()) * 1.25 if len(shares) else 1.0
    ax.xaxis.set_major_formatter(_TickFormatter(w, percent=True))
    ax.set_xlim(0, right)
    ax.set_ylim(-0.6, len(shares) - 0.4)
    years = sorted(set(shares[C.YEAR_TO]))
    year = "، ".join(format_year(y, lang=lang) for y in years) if lang == "fa" else ", ".join(
        map(str, years))
    w.style(ax, w.titled("share_title", shares, partner=partner, year=year))
    return ax


def _charted(result: pd.DataFrame) -> pd.Series:
    """The figures the verification chart draws: checked percentages (an amount's
    deviation is not in percentage points; the report's table lists it)."""
    return (result[C.VERDICT] != C.UNVERIFIABLE) & (result[C.UNIT].fillna(PERCENT) == PERCENT)


def _accepted(row: dict[Any, Any]) -> tuple[float, float]:
    """The deviations from the stated figure that its wording accepts (for shading)."""
    return row[C.ACCEPTED_LOW] - row[C.STATED], row[C.ACCEPTED_HIGH] - row[C.STATED]


def verification_chart(result: pd.DataFrame, *, lang: str = "fa",
                       font: str | Path | None = None, ax: Axes | None = None) -> Axes:
    """Each checkable stated figure against its recomputed rounding interval.

    One row per figure, on a common axis of percentage points from the
    stated figure: a grey band for what the stated figure's own rounding (or
    its "more than"/"less than"/"about") accepts; a bar for the range the
    rounding of the table's printed values allows; a dot for the value
    recomputed from the printed numbers; bar and dot coloured by verdict.
    Figures that cannot be checked are counted in a note.

    Parameters
    ----------
    result : pandas.DataFrame
        `chile_trade.frames.verify` output.
    lang, font, ax
        As `trade_chart`.

    Returns
    -------
    matplotlib.axes.Axes
    """
    w = _writer(lang, font)
    ax = _axes(ax, (9.5, 6.0))
    checked = result[_charted(result)].reset_index(drop=True)
    claim = C.CLAIM_FA if lang == "fa" else C.CLAIM
    step = 1.5
    rows = checked.to_dict(orient="records")
    lows = [r[C.COMPUTED_LOW] - r[C.STATED] for r in rows] + [-0.25]
    highs = [r[C.COMPUTED_HIGH] - r[C.STATED] for r in rows] + [0.25]
    span = max(highs) - min(lows)
    left, right = min(lows) - 0.12 * span, max(highs) + 0.12 * span
    for i, row in enumerate(rows):
        y = (len(rows) - 1 - i) * step
        color = COLORS[row[C.VERDICT]]
        band_low, band_high = _accepted(row)
        ax.fill_betweenx([y - 0.22, y + 0.22], max(band_low, left), min(band_high, right),
                         color="#DDDDDD", linewidth=0)
        ax.plot([row[C.COMPUTED_LOW] - row[C.STATED], row[C.COMPUTED_HIGH] - row[C.STATED]],
                [y, y], color=color, linewidth=7, solid_capstyle="butt", alpha=0.55)
        ax.plot([row[C.COMPUTED] - row[C.STATED]], [y], marker="o", color=color,
                markeredgecolor="black", markeredgewidth=0.6, markersize=7)
        decimals = decimals_of(row[C.STATED_TEXT])
        comparator = {">": "> ", "<": "< ", "~": "≈ "}.get(row[C.COMPARATOR], "")
        note = (f"{w.raw_label('stated')} {comparator}"
                f"{format_percent(row[C.STATED], decimals, lang=lang)} · "
                f"{w.raw_label('computed')} "
                f"{format_percent(row[C.COMPUTED], decimals + 2, lang=lang)} · "
                f"{w.raw_label(row[C.VERDICT])}")
        x_text, ha = (right, "right") if lang == "fa" else (left, "left")
        backing = {"boxstyle": "square,pad=0.1", "facecolor": "white", "edgecolor": "none",
                   "alpha": 0.85}
        w.put(ax, x_text, y + 0.3, str(row[claim]), ha=ha, va="bottom", fontsize=8.5,
              bbox=backing)
        w.put(ax, x_text, y - 0.3, note, ha=ha, va="top", fontsize=8, color=color,
              bbox=backing)
    ax.axvline(0, color="black", linewidth=0.8)
    ax.set_xlim(left, right)
    ax.set_ylim(-0.9, (len(rows) - 1) * step + 0.9)
    ax.set_yticks([])
    ax.spines["left"].set_visible(False)
    ax.xaxis.set_major_formatter(_formatter(lambda v: w.number(v, 1)))
    xlabel = w.raw_label("deviation")
    unverifiable = int((result[C.VERDICT] == C.UNVERIFIABLE).sum())
    if unverifiable:
        xlabel += "\n" + w.raw_label("verify_note", n=format_number(unverifiable, lang=lang))
    if amounts := len(result) - len(checked) - unverifiable:
        xlabel += "\n" + w.raw_label("amount_note", n=format_number(amounts, lang=lang))
    ax.set_xlabel(w.text(xlabel), fontproperties=w.properties)
    verdicts = [v for v in C.VERDICTS[:3] if (checked[C.VERDICT] == v).any()]
    handles: list[Any] = [Patch(color=COLORS[v], alpha=0.7) for v in verdicts]
    handles.append(Patch(color="#DDDDDD"))
    labels = [w.label(v) for v in verdicts] + [w.label("accepted")]
    _legend(ax, w, handles, labels, loc="upper center", bbox_to_anchor=(0.5, -0.2),
            ncol=len(handles))
    w.style(ax, w.label("verify_title"))
    return ax


def report_figure(tables: pd.DataFrame, stated: pd.DataFrame, result: pd.DataFrame, *,
                  lang: str = "fa", font: str | Path | None = None) -> Figure:
    """All charts on one report page.

    Parameters
    ----------
    tables, stated : pandas.DataFrame
        Tidy table rows and stated figures (`chile_trade.io.dataset`).
    result : pandas.DataFrame
        Their verification (`chile_trade.frames.verify`).
    lang, font
        As `trade_chart`.

    Returns
    -------
    matplotlib.figure.Figure
    """
    w = _writer(lang, font)
    fig = plt.figure(figsize=(12, 14), layout="constrained")
    grid = fig.add_gridspec(3, 2, height_ratios=[1, 1, 1.3])
    trade_chart(tables, lang=lang, font=w.font, ax=fig.add_subplot(grid[0, 0]))
    balance_chart(tables, lang=lang, font=w.font, ax=fig.add_subplot(grid[0, 1]))
    growth_chart(tables, stated, lang=lang, font=w.font, ax=fig.add_subplot(grid[1, 0]))
    share_chart(stated, lang=lang, font=w.font, ax=fig.add_subplot(grid[1, 1]))
    verification_chart(result, lang=lang, font=w.font, ax=fig.add_subplot(grid[2, :]))
    years = sorted(int(y) for y in tables[C.YEAR].unique())
    start, end = (format_year(years[0], lang=lang), format_year(years[-1], lang=lang))
    fig.suptitle(w.titled("report_title", tables, partner=w.partner(tables), start=start,
                          end=end),
                 fontproperties=w.properties, fontsize=15)
    return fig


CHARTS = ("trade", "balance", "growth", "shares", "verification", "report")
FORMATS = ("png", "svg", "pdf")
PANEL_CHARTS = ("trade", "balance", "growth", "shares")
"""The charts drawn for each panel: one document's series of one reporter and partner
in one unit, valuation and calendar."""

# A panel is one document's series of one reporter and partner, in one unit, valuation
# and calendar: what one chart can draw without mixing what must not be mixed.
_PANEL_KEYS = (C.FILE, C.REPORTER, C.PARTNER, C.UNIT, C.VALUATION, C.CALENDAR, C.FISCAL_YEAR)


@dataclass(frozen=True)
class Panel:
    """What one set of charts draws, and the stated figures that go with it.

    ``number`` is 1, 2, … in document order, or 0 when the documents make one
    panel (the file names then carry no number). ``series`` is set where one
    document gives the same partner, flow and unit under several row labels
    (``سایر`` and ``جمع``): each label is then a panel of its own.
    """

    tables: pd.DataFrame
    stated: pd.DataFrame
    number: int = 0
    series: str = ""

    def stem(self, chart: str) -> str:
        return f"{chart}_{self.number}" if self.number else chart

    def charts(self) -> tuple[str, ...]:
        """The `PANEL_CHARTS` its data can draw."""
        flows = set(self.tables[C.FLOW])
        trade = self.tables[self.tables[C.FLOW].isin(C.FLOWS)]
        return tuple(name for name, drawable in (
            ("trade", not trade.empty),
            ("balance", set(C.FLOWS) <= flows or BALANCE_FLOW in flows),
            ("growth", not trade.empty
             and yoy_growth(trade)[GROWTH_PCT].notna().any()),
            ("shares", not _shares(self.stated).empty)) if drawable)

    def caption(self, lang: str, *, with_file: bool = True) -> str:
        """The panel's heading: reporter and partner, unit, calendar, series and file."""
        fa = lang == "fa"
        labels = _LABELS[lang]
        first = self.tables.iloc[0]
        reporter = _text(first.get(C.REPORTER if fa else C.REPORTER_EN))
        partner = _text(first.get(C.PARTNER if fa else C.PARTNER_EN)) or labels["no_partner"]
        unit, valuation = _text(first.get(C.UNIT)), _text(first.get(C.VALUATION))
        if fa:
            unit = UNIT_NAMES_FA.get(unit, unit)
            valuation = VALUATION_NAMES_FA.get(valuation, valuation)
        parts = [f"{reporter} – {partner}" if reporter else partner,
                 ("، " if fa else ", ").join(p for p in (unit, valuation) if p)]
        if bool(first.get(C.FISCAL_YEAR)) is True:
            parts.append(labels["fiscal_years"])
        elif first.get(C.CALENDAR) == "solar_hijri":
            parts.append(labels["solar_hijri_years"])
        parts += [self.series, _text(first.get(C.FILE)) if with_file else ""]
        return " · ".join(p for p in parts if p)


def _text(value: object) -> str:
    return "" if value is None or value is pd.NA or (isinstance(value, float)
                                                     and np.isnan(value)) else str(value)


def _shares(stated: pd.DataFrame) -> pd.DataFrame:
    """The stated shares of total exports or imports a share chart can draw."""
    return stated[(stated[C.KIND] == C.SHARE) & stated[C.FLOW].isin(C.FLOWS)
                  & stated[C.BASE].isin(list(FLOW_NAMES))]


def _conflicts(rows: pd.DataFrame) -> bool:
    """Whether two rows give one flow and year different values."""
    agreed = rows.drop_duplicates([C.FLOW, C.YEAR, C.VALUE])
    return bool(agreed.duplicated([C.FLOW, C.YEAR]).any())


def panels(tables: pd.DataFrame, stated: pd.DataFrame) -> list[Panel]:
    """The documents' table rows cut into `Panel` s, in document order.

    A document's rows are grouped by reporter, partner, unit, valuation and
    calendar; a group whose rows give one flow and year two values is cut
    further by its row label (``series``), then by table, then by line. Each
    panel's stated figures are those printed in its own tables. A panel with
    nothing to draw (a lone total row) is left out; its rows stay in the
    report's table.

    Examples
    --------
    >>> from chile_trade.io.dataset import load_stated, load_tables
    >>> [(p.number, len(p.tables), p.charts()) for p in panels(load_tables(), load_stated())]
    [(0, 8, ('trade', 'balance', 'growth', 'shares'))]
    """
    keys = [k for k in _PANEL_KEYS if k in tables.columns]
    keyed = tables.assign(**{k: tables[k].astype("object").where(tables[k].notna(), "")
                             for k in keys})
    found: list[tuple[pd.DataFrame, str]] = []
    for _, group in keyed.groupby(keys, sort=False, dropna=False, observed=True):
        rows = tables.loc[group.index]
        if not _conflicts(rows):
            found.append((rows, ""))
            continue
        labels = rows[C.SERIES].fillna("") if C.SERIES in rows else pd.Series("", rows.index)
        cuts = ([labels], [labels, rows[C.TABLE].fillna("")],
                [labels, rows[C.TABLE].fillna(""), rows[C.SOURCE]])
        for attempt, by in enumerate(cuts, start=1):
            parts = [rows.loc[p.index] for _, p in rows.groupby(by, sort=False, dropna=False)]
            # by line at last: one line never gives one flow and year twice
            if attempt == len(cuts) or not any(_conflicts(p) for p in parts):
                found += [(p, _text(p[C.SERIES].iloc[0]) if C.SERIES in p else "")
                          for p in parts]
                break
    drawable = []
    for rows, series in found:
        # The stated figures printed in the panel's own tables (a labelled row or column
        # is a table of its own): never another unit's, row's or document's.
        own = stated[stated[C.TABLE].isin(set(rows[C.TABLE].dropna()))] \
            if C.TABLE in stated and C.TABLE in rows else stated.iloc[0:0]
        panel = Panel(rows.reset_index(drop=True), own.reset_index(drop=True), 0, series)
        if panel.charts():  # a panel with nothing to draw is not numbered
            drawable.append(panel)
    if len(drawable) < 2:
        return drawable
    return [dataclasses.replace(p, number=n) for n, p in enumerate(drawable, start=1)]


@dataclass(frozen=True)
class PlannedChart:
    """One chart to draw: its file stem, the document and panel it belongs to
    (``file`` "" and ``panel`` None: all documents), and how to draw it in a
    language with a font."""

    stem: str
    panel: Panel | None
    draw: Callable[[str, Path], Figure]
    file: str = ""

    def caption(self, lang: str) -> str:
        """What the chart shows, beyond its title: the panel, without its file."""
        return self.panel.caption(lang, with_file=False) if self.panel is not None else ""


def _figure_of(ax: Axes) -> Figure:
    figure = ax.figure
    assert isinstance(figure, Figure)
    return figure


def _draw_panel(name: str, panel: Panel, lang: str, font: Path) -> Figure:
    tables, stated = panel.tables, panel.stated
    ax = {"trade": lambda: trade_chart(tables, lang=lang, font=font),
          "balance": lambda: balance_chart(tables, lang=lang, font=font),
          "growth": lambda: growth_chart(tables, stated, lang=lang, font=font),
          "shares": lambda: share_chart(_shares(stated), lang=lang, font=font)}[name]()
    figure = _figure_of(ax)
    if panel.number:  # one of several: the file says which (unit, row, calendar) too
        w = _writer(lang, font)
        fa = lang == "fa"
        figure.suptitle(w.text(panel.caption(lang, with_file=False)),
                        fontproperties=w.properties, fontsize=8, color="#555555",
                        x=0.99 if fa else 0.01, ha="right" if fa else "left")
    return figure


def _draw_whole(name: str, panel: Panel | None, result: pd.DataFrame, lang: str,
                font: Path) -> Figure:
    if name == "report" and panel is not None:
        return report_figure(panel.tables, panel.stated, result, lang=lang, font=font)
    return _figure_of(verification_chart(result, lang=lang, font=font))


def chart_plan(tables: pd.DataFrame, stated: pd.DataFrame,
               result: pd.DataFrame) -> list[PlannedChart]:
    """Every chart the documents' data can draw, panel by panel, then the checks.

    Each `Panel` gets the `PANEL_CHARTS` its data hold; the verification
    chart covers every checkable figure of all documents; the one-page
    ``report`` figure is drawn when the documents make a single panel with
    every chart.
    """
    plan = []
    cut = panels(tables, stated)
    for panel in cut:
        file = _text(panel.tables[C.FILE].iloc[0]) if C.FILE in panel.tables else ""
        for name in panel.charts():
            plan.append(PlannedChart(panel.stem(name), panel,
                                     functools.partial(_draw_panel, name, panel), file))
    files = result[C.SOURCE].map(lambda source: split_source(str(source))[0])
    by_file = list(dict.fromkeys(files[_charted(result)]))
    for number, file in enumerate(by_file, start=1):  # one chart per document: readable
        plan.append(PlannedChart(
            f"verification_{number}" if len(by_file) > 1 else "verification", None,
            functools.partial(_draw_whole, "verification", None,
                              result[files == file].reset_index(drop=True)), file))
    if len(cut) == 1 and cut[0].charts() == PANEL_CHARTS and len(by_file) == 1:
        plan.append(PlannedChart("report", None,
                                 functools.partial(_draw_whole, "report", cut[0], result),
                                 by_file[0]))
    return plan


def render_charts(tables: pd.DataFrame, stated: pd.DataFrame, result: pd.DataFrame, *,
                  langs: tuple[str, ...] = LANGS, formats: tuple[str, ...] = FORMATS,
                  font: str | Path | None = None, dpi: int = 150) -> dict[str, bytes]:
    """Every chart the data can draw (`chart_plan`), in every language and format.

    Nothing is written to disk: the caller writes the files, all or none.

    Returns
    -------
    dict of str to bytes
        Keys like ``'report_fa.png'`` (one panel) or ``'trade_3_en.svg'`` (the
        third of several), in plan, language, format order.

    Raises
    ------
    ValueError
        If the data hold nothing to draw, or a selection is not known.
    """
    return render_plan(chart_plan(tables, stated, result), langs=langs, formats=formats,
                       font=font, dpi=dpi)


def render_plan(plan: list[PlannedChart], *, langs: tuple[str, ...] = LANGS,
                formats: tuple[str, ...] = FORMATS, font: str | Path | None = None,
                dpi: int = 150) -> dict[str, bytes]:
    """The charts of a `chart_plan` in every language and format, as file name → content."""
    for value, allowed, name in ((langs, LANGS, "langs"), (formats, FORMATS, "formats")):
        bad = [v for v in value if v not in allowed]
        if bad or not value:
            raise ValueError(f"{name} must be a non-empty selection of {allowed}; got {value}")
    if not plan:
        raise ValueError("the documents hold nothing to draw: no table and no figure that "
                         "can be checked")
    fonts = {lang: find_font(font, lang=lang) for lang in langs}
    files: dict[str, bytes] = {}
    with plt.rc_context(FIGURE_RC):  # type: ignore[arg-type]
        for chart in plan:
            for lang in langs:
                figure = chart.draw(lang, fonts[lang])
                try:
                    for fmt in formats:
                        buffer = io.BytesIO()
                        figure.savefig(buffer, format=fmt, dpi=dpi,
                                       metadata=_METADATA[fmt])
                        files[f"{chart.stem}_{lang}.{fmt}"] = buffer.getvalue()
                finally:
                    plt.close(figure)
    return files


# Fixed metadata, so that the same charts give the same bytes on every run.
_METADATA: dict[str, dict[str, Any]] = {
    "png": {"Software": None},
    "svg": {"Date": None},
    "pdf": {"CreationDate": None, "ModDate": None},
}
