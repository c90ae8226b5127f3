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
from matplotlib.ticker import FixedLocator, FuncFormatter

from chile_trade import columns as C
from chile_trade.core.vocabulary import (
    FLOW_NAMES,
    UNIT_NAMES_FA,
    VALUATION_NAMES_FA,
    VERDICT_NAMES,
)
from chile_trade.indicators import GROWTH_PCT, to_wide, trade_balance, yoy_growth
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
    "balance_chart",
    "growth_chart",
    "render_charts",
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
        "deviation": "فاصله از رقم گزارش (واحد درصد)",
        "accepted": "پذیرفته در رقم گزارش",
        "report_title": "تجارت {reporter} با {partner}، {start}–{end}: ارقام و راستی‌آزمایی",
        "report_title_anon": "تجارت با {partner}، {start}–{end}: ارقام و راستی‌آزمایی",
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
        "deviation": "percentage points from the stated figure",
        "accepted": "accepted by the stated figure",
        "report_title": "{reporter}'s trade with {partner}, {start}–{end}: figures and checks",
        "report_title_anon": "Trade with {partner}, {start}–{end}: figures and checks",
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
        partners = frame[C.PARTNER if self.lang == "fa" else C.PARTNER_EN].unique()
        if len(partners) != 1:
            raise ValueError(f"the data must hold one partner; got {list(partners)}")
        return str(partners[0])

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
    return _Writer(lang, find_font(font))


def _axes(ax: Axes | None, figsize: tuple[float, float] = (6.4, 4.0)) -> Axes:
    if ax is not None:
        return ax
    _, new = plt.subplots(figsize=figsize, layout="constrained")
    return new


def _formatter(fmt: Callable[[float], str]) -> FuncFormatter:
    return FuncFormatter(lambda value, _pos: fmt(value))


def _year_axis(ax: Axes, years: list[int], w: _Writer) -> None:
    ax.xaxis.set_major_locator(FixedLocator(years))
    ax.xaxis.set_major_formatter(_formatter(w.year))


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
        A font file; default `chile_trade.present.fonts.find_font`.
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
    wide = to_wide(tables).droplevel(C.PARTNER)
    years = [int(y) for y in wide.index]
    width = 0.38
    handles = []
    for offset, flow in ((-width / 2, C.EXPORT), (width / 2, C.IMPORT)):
        values = wide[flow]
        bars = ax.bar(np.array(years) + offset, values, width, color=COLORS[flow],
                      **bar_kwargs)
        handles.append(bars)
        for x, v in zip(np.array(years) + offset, values, strict=True):
            if not np.isnan(v):
                w.put(ax, x, v, format_number(v, lang=lang), xytext=(0, 2),
                      textcoords="offset points", ha="center", va="bottom", fontsize=8)
    _year_axis(ax, years, w)
    ax.yaxis.set_major_formatter(_formatter(w.number))
    ax.set_ylabel(w.unit(tables), fontproperties=w.properties)
    ax.set_ylim(0, float(np.nanmax(wide.to_numpy())) * 1.3)
    _legend(ax, w, handles, [w.label(C.EXPORT, partner=partner),
                             w.label(C.IMPORT, partner=partner)])
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
    balance = trade_balance(to_wide(tables)).droplevel(C.PARTNER)
    years = [int(y) for y in balance.index]
    ax.bar(years, balance, 0.6, color=COLORS["balance"], **bar_kwargs)
    ax.axhline(0, color="#333333", linewidth=0.8)
    for x, v in zip(years, balance, strict=True):
        below = v < 0
        w.put(ax, x, v, format_number(v, lang=lang), xytext=(0, -2 if below else 2),
              textcoords="offset points", ha="center", va="top" if below else "bottom",
              fontsize=8)
    _year_axis(ax, years, w)
    ax.yaxis.set_major_formatter(_formatter(w.number))
    ax.set_ylabel(w.unit(tables), fontproperties=w.properties)
    low, high = float(balance.min()), float(balance.max())
    ax.set_ylim(min(low, 0) * 1.2, max(high, 0) * 1.2 + (abs(low) * 0.05))
    _legend(ax, w, [Patch(color=COLORS["balance"])], [w.label("balance")], loc="lower left")
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
    growth = yoy_growth(tables).dropna(subset=[GROWTH_PCT])
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
    labels = [w.label(C.EXPORT, partner=partner), w.label(C.IMPORT, partner=partner)]
    top = float(growth[GROWTH_PCT].max())
    if stated is not None:
        changes = stated[(stated[C.KIND] == C.CHANGE) & stated[C.FLOW].isin(list(offsets))]
        for row in changes.itertuples(index=False):
            x = int(getattr(row, C.YEAR_TO)) + offsets[getattr(row, C.FLOW)]
            value = float(getattr(row, C.STATED))
            decimals = decimals_of(getattr(row, C.STATED_TEXT))
            ax.plot([x], [value], marker="D", color=COLORS["stated"], markersize=6,
                    linestyle="none", zorder=3)
            w.put(ax, x, value, w.raw_label("stated") + " " + format_percent(
                value, decimals, lang=lang), xytext=(-8, 0), textcoords="offset points",
                ha="right", va="center", fontsize=8,
                bbox={"boxstyle": "round,pad=0.2", "facecolor": "white", "edgecolor": "none",
                      "alpha": 0.85})
            top = max(top, value)
        if len(changes):
            handles.append(Line2D([], [], marker="D", color=COLORS["stated"], linestyle="none"))
            labels.append(w.label("stated"))
    _year_axis(ax, years, w)
    ax.yaxis.set_major_formatter(_formatter(lambda v: w.percent(v, 0)))
    ax.set_ylabel(w.label("growth_unit"), fontproperties=w.properties)
    bottom = min(0.0, float(growth[GROWTH_PCT].min()) * 1.3)
    ax.set_ylim(bottom, top * 1.3)
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
    ax.xaxis.set_major_formatter(_formatter(lambda v: w.percent(v, 0)))
    ax.set_xlim(0, float(shares[C.STATED].max()) * 1.25 if len(shares) else 1)
    ax.set_ylim(-0.6, len(shares) - 0.4)
    years = sorted(set(shares[C.YEAR_TO]))
    year = "، ".join(format_year(y, lang=lang) for y in years) if lang == "fa" else ", ".join(
        map(str, years))
    w.style(ax, w.titled("share_title", shares, partner=partner, year=year))
    return ax


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
    checked = result[result[C.VERDICT] != C.UNVERIFIABLE].reset_index(drop=True)
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


def _draw(name: str, *, tables: pd.DataFrame, stated: pd.DataFrame, result: pd.DataFrame,
          lang: str, font: Path) -> Figure:
    if name == "report":
        return report_figure(tables, stated, result, lang=lang, font=font)
    ax = {
        "trade": lambda: trade_chart(tables, lang=lang, font=font),
        "balance": lambda: balance_chart(tables, lang=lang, font=font),
        "growth": lambda: growth_chart(tables, stated, lang=lang, font=font),
        "shares": lambda: share_chart(stated, lang=lang, font=font),
        "verification": lambda: verification_chart(result, lang=lang, font=font),
    }[name]()
    figure = ax.figure
    assert isinstance(figure, Figure)
    return figure


def render_charts(tables: pd.DataFrame, stated: pd.DataFrame, result: pd.DataFrame, *,
                  langs: tuple[str, ...] = LANGS, formats: tuple[str, ...] = FORMATS,
                  font: str | Path | None = None, dpi: int = 150) -> dict[str, bytes]:
    """Every chart in every language and format, as file name → file content.

    Nothing is written to disk: the caller writes the files, all or none.

    Returns
    -------
    dict of str to bytes
        Keys like ``'report_fa.png'``, in chart, language, format order.
    """
    for value, allowed, name in ((langs, LANGS, "langs"), (formats, FORMATS, "formats")):
        bad = [v for v in value if v not in allowed]
        if bad or not value:
            raise ValueError(f"{name} must be a non-empty selection of {allowed}; got {value}")
    font_path = find_font(font)
    files: dict[str, bytes] = {}
    with plt.rc_context(FIGURE_RC):  # type: ignore[arg-type]
        for name in CHARTS:
            for lang in langs:
                figure = _draw(name, tables=tables, stated=stated, result=result, lang=lang,
                               font=font_path)
                try:
                    for fmt in formats:
                        buffer = io.BytesIO()
                        figure.savefig(buffer, format=fmt, dpi=dpi,
                                       metadata=_METADATA[fmt])
                        files[f"{name}_{lang}.{fmt}"] = buffer.getvalue()
                finally:
                    plt.close(figure)
    return files


# Fixed metadata, so that the same charts give the same bytes on every run.
_METADATA: dict[str, dict[str, Any]] = {
    "png": {"Software": None},
    "svg": {"Date": None},
    "pdf": {"CreationDate": None, "ModDate": None},
}
