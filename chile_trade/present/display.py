"""Tables for people: right-to-left HTML in Jupyter, plain text in a terminal.

`show` wraps any frame (or series) the package returns in an object that
Jupyter displays as an HTML table — right to left with Persian headers and
digits for ``lang="fa"``, verdicts coloured, explanations in the reader's
language — and that prints as readable text elsewhere. Verification results,
table rows and reference comparisons get their own layout; any column
such a frame has beyond its layout (an indicator's ``growth_pct``) is shown
after it, and the frame's own columns left out are named under the table.
Every other frame (stated figures, the reference, the wide table, the
indicators) is shown column by column. The table scrolls sideways inside
its box with its first column kept in view; an explanation wraps between
words and never inside a formula. `html_table` gives the same HTML as a
string, for the report page; `column_title` names a column in either
language (the Excel export's headers).
"""

from __future__ import annotations

import html
import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pandas as pd

from chile_trade import columns as C
from chile_trade.core.vocabulary import COMPARATOR_NAMES, FLOW_NAMES, UNIT_NAMES_FA, VERDICT_NAMES
from chile_trade.present.numbers import LANGS, decimals_of, format_number, format_percent

__all__ = ["VERDICT_COLORS", "DisplayTable", "column_title", "html_table", "show"]

VERDICT_COLORS = {  # light tints of the charts' verdict colours, readable behind text
    C.EXACT: "#d4efe6", C.WITHIN_ROUNDING: "#dceffa", C.INCONSISTENT: "#f8dccb",
    C.UNVERIFIABLE: "#eeeeee", "matched": "#d4efe6", "differs": "#f8dccb",
}
_WORDS = {
    "fa": {
        **{code: names["fa"] for code, names in VERDICT_NAMES.items()},
        **{code: names["fa"] for code, names in FLOW_NAMES.items()},
        "matched": "مطابق", "differs": "متفاوت",
        "source": "منبع (پرونده:سطر)", "id": "رقم در (پرونده:سطر:شماره)", "claim": "رقم",
        "stated": "اعلام‌شده",
        "computed": "محاسبه از گزارش", "range": "بازه با گرد شدن", "verdict": "داوری",
        "explanation": "توضیح", "ref_computed": "محاسبه با مرجع", "ref_verdict": "داوری با مرجع",
        "ref_explanation": "توضیح (مرجع)", "ref_source": "مرجع",
        "partner": "طرف تجاری", "flow": "جریان", "year": "سال", "value": "ارزش",
        "unit": "واحد", "valuation": "مبنا", "reference_value": "ارزش در مرجع",
        "difference": "تفاوت", "status": "وضعیت", "citation": "مرجع",
    },
    "en": {
        **{code: names["en"] for code, names in VERDICT_NAMES.items()},
        **{code: names["en"] for code, names in FLOW_NAMES.items()},
        "matched": "matched", "differs": "differs",
        "source": "source (file:line)", "id": "id (file:line:n)", "claim": "figure",
        "stated": "stated",
        "computed": "from the report", "range": "range with rounding", "verdict": "verdict",
        "explanation": "explanation", "ref_computed": "with the reference",
        "ref_verdict": "verdict vs reference", "ref_explanation": "explanation (reference)",
        "ref_source": "reference", "partner": "partner", "flow": "flow", "year": "year",
        "value": "value", "unit": "unit", "valuation": "valuation",
        "reference_value": "reference value", "difference": "difference", "status": "status",
        "citation": "reference",
    },
}


_TITLES_FA = {
    C.SOURCE: "منبع (پرونده:سطر)", C.ID: "شناسه رقم", C.FILE: "پرونده", C.LINE: "سطر",
    C.TABLE: "جدول", C.RAW: "متن چاپ‌شده", C.REPORTER: "گزارشگر",
    C.REPORTER_EN: "گزارشگر (انگلیسی)", C.PARTNER: "طرف تجاری",
    C.PARTNER_EN: "طرف تجاری (انگلیسی)", C.FLOW: "جریان", C.YEAR: "سال", C.VALUE: "ارزش",
    C.VALUE_TEXT: "ارزش چاپ‌شده", C.UNIT: "واحد", C.VALUATION: "مبنا", C.CALENDAR: "تقویم",
    C.FISCAL_YEAR: "سال مالی", C.SERIES: "سطر یا ستون جدول", C.KIND: "نوع رقم",
    C.YEAR_FROM: "از سال", C.YEAR_TO: "تا سال", C.SPAN_YEARS: "طول دوره (سال)",
    C.BASE: "پایه سهم", C.COMPARATOR: "مقایسه", C.STATED: "اعلام‌شده",
    C.STATED_TEXT: "اعلام‌شده (چاپ‌شده)", C.STATED_LOW: "کران پایین اعلام‌شده",
    C.STATED_LOW_TEXT: "کران پایین (چاپ‌شده)", C.LABEL: "برچسب", C.FORMULA: "فرمول",
    C.OPERANDS: "عملوندها", C.REASON: "دلیل", C.INPUTS: "ارقام به‌کاررفته",
    C.CLAIM: "رقم (انگلیسی)", C.CLAIM_FA: "رقم", C.COMPUTED: "محاسبه از گزارش",
    C.COMPUTED_LOW: "کمینه با گرد شدن", C.COMPUTED_HIGH: "بیشینه با گرد شدن",
    C.COMPUTED_EXACT: "مقدار دقیق (کسر)", C.ACCEPTED_LOW: "کمینه پذیرفته",
    C.ACCEPTED_HIGH: "بیشینه پذیرفته", C.VERDICT: "داوری", C.EXPLANATION: "توضیح (انگلیسی)",
    C.EXPLANATION_FA: "توضیح", C.LIKELY_CAUSE: "علت محتمل",
    C.REF_VERDICT: "داوری با مرجع", C.REF_COMPUTED: "محاسبه با مرجع",
    C.REF_COMPUTED_LOW: "کمینه با مرجع", C.REF_COMPUTED_HIGH: "بیشینه با مرجع",
    C.REF_EXPLANATION: "توضیح مرجع (انگلیسی)", C.REF_EXPLANATION_FA: "توضیح (مرجع)",
    C.REF_SOURCE: "مرجع", "reference_value": "ارزش در مرجع",
    "reference_valuation": "مبنای مرجع", "difference": "تفاوت",
    "relative_difference": "تفاوت نسبی", "status": "وضعیت", "citation": "منبع مرجع",
    "scope": "دامنه", "growth_pct": "رشد (درصد)", "cagr_pct": "رشد مرکب سالانه (درصد)",
    "share_pct": "سهم (درصد)", "implied_total": "کل ضمنی", "balance": "تراز",
    "total_trade": "کل تجارت", "coverage_pct": "پوشش صادرات به واردات (درصد)",
    "export": "صادرات", "import": "واردات", "value_musd": "ارزش (میلیون دلار)",
}


def column_title(name: object, lang: str = "fa") -> str:
    """A column's title for people: Persian for ``lang="fa"``, else its name in words.

    Examples
    --------
    >>> column_title("growth_pct"), column_title("growth_pct", "en")
    ('رشد (درصد)', 'growth pct')
    >>> column_title("my_column")
    'my_column'
    """
    text = str(name)
    if lang == "fa":
        return _TITLES_FA.get(text, text)
    return text.replace("_", " ")


@dataclass(frozen=True)
class _Cell:
    text: str
    color: str = ""
    ltr: bool = False  # a file name or citation: isolated as left to right
    nowrap: bool = False  # a number or a verdict: kept on one line
    prose: bool = False  # an explanation: wraps between words, never inside a formula
    min_rem: float = 0  # a short text that should not be squeezed to a word a line


Row = list[_Cell]


def _shown(value: object) -> str:
    """A cell's text; a missing value (``<NA>``) shows as nothing."""
    return "" if value is None or value is pd.NA else str(value)


def _pct(value: float, decimals: int, lang: str) -> str:
    return "—" if math.isnan(value) else format_percent(value, decimals, lang=lang)


_Layout = tuple[list[str], list["Row"], set[str]]  # heads, rows, the columns they show


def _verification_rows(frame: pd.DataFrame, lang: str) -> _Layout:
    w = _WORDS[lang]
    fa = lang == "fa"
    has_reference = C.REF_VERDICT in frame.columns
    used = {C.ID if C.ID in frame.columns else C.SOURCE, C.CLAIM_FA if fa else C.CLAIM,
            C.COMPARATOR, C.STATED, C.STATED_TEXT, C.COMPUTED, C.COMPUTED_LOW, C.COMPUTED_HIGH,
            C.VERDICT, C.EXPLANATION_FA if fa else C.EXPLANATION}
    if has_reference:
        used |= {C.REF_COMPUTED, C.REF_VERDICT, C.REF_SOURCE,
                 C.REF_EXPLANATION_FA if fa else C.REF_EXPLANATION}
    heads = [w["id" if C.ID in frame.columns else "source"], w["claim"], w["stated"],
             w["computed"], w["range"], w["verdict"], w["explanation"]]
    if has_reference:
        heads += [w["ref_computed"], w["ref_verdict"], w["ref_explanation"], w["ref_source"]]
    rows = []
    for r in frame.to_dict(orient="records"):
        decimals = decimals_of(r[C.STATED_TEXT])
        stated = (COMPARATOR_NAMES[r[C.COMPARATOR]][lang]
                  + format_percent(r[C.STATED], decimals, lang=lang))
        low, high = r[C.COMPUTED_LOW], r[C.COMPUTED_HIGH]
        span = "—" if math.isnan(low) else (
            f"{_pct(low, decimals + 2, lang)} – {_pct(high, decimals + 2, lang)}")
        row = [_Cell(_shown(r.get(C.ID, r[C.SOURCE])), ltr=True),
               _Cell(_shown(r[C.CLAIM_FA if fa else C.CLAIM]), min_rem=11),
               _Cell(stated, nowrap=True),
               _Cell(_pct(r[C.COMPUTED], decimals + 2, lang), nowrap=True),
               _Cell(span, nowrap=True),
               _Cell(w[r[C.VERDICT]], VERDICT_COLORS[r[C.VERDICT]], nowrap=True),
               _Cell(_shown(r[C.EXPLANATION_FA if fa else C.EXPLANATION]), prose=True)]
        if has_reference:
            row += [_Cell(_pct(r[C.REF_COMPUTED], decimals + 2, lang), nowrap=True),
                    _Cell(w[r[C.REF_VERDICT]], VERDICT_COLORS[r[C.REF_VERDICT]], nowrap=True),
                    _Cell(_shown(r[C.REF_EXPLANATION_FA if fa else C.REF_EXPLANATION]),
                          prose=True),
                    _Cell(_shown(r[C.REF_SOURCE]), ltr=True)]
        rows.append(row)
    return heads, rows, used


_FA_DIGITS = str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")


def _year(row: dict[Any, Any], lang: str) -> str:
    """A table row's year in its calendar: ``2019-20`` for a fiscal year (by its first
    year), ``1400 SH`` / ``۱۴۰۰ شمسی`` for a Solar Hijri one."""
    year = int(str(row[C.YEAR]))
    if row.get(C.FISCAL_YEAR) is True:
        text = f"{year}-{(year + 1) % 100:02d}"  # a hyphen keeps the digits in order
        return text.translate(_FA_DIGITS) if lang == "fa" else text
    shown = format_number(year, lang=lang, grouping=False)
    if row.get(C.CALENDAR) == "solar_hijri":
        return f"{shown} شمسی" if lang == "fa" else f"{shown} SH"
    return shown


def _table_rows(frame: pd.DataFrame, lang: str) -> _Layout:
    w = _WORDS[lang]
    used = {C.SOURCE, C.PARTNER if lang == "fa" else C.PARTNER_EN, C.FLOW, C.YEAR, C.CALENDAR,
            C.FISCAL_YEAR, C.VALUE, C.VALUE_TEXT, C.UNIT, C.VALUATION}
    heads = [w["source"], w["partner"], w["flow"], w["year"], w["value"], w["unit"],
             w["valuation"]]
    rows = []
    for r in frame.to_dict(orient="records"):
        decimals = decimals_of(r[C.VALUE_TEXT])
        rows.append([_Cell(_shown(r[C.SOURCE]), ltr=True),
                     _Cell(_shown(r[C.PARTNER if lang == "fa" else C.PARTNER_EN])),
                     _Cell(w[r[C.FLOW]]),
                     _Cell(_year(r, lang), nowrap=True),
                     _Cell(format_number(r[C.VALUE], decimals, lang=lang)),
                     _Cell(_shown(UNIT_NAMES_FA.get(r[C.UNIT], r[C.UNIT])) if lang == "fa"
                           else _shown(r[C.UNIT])),
                     _Cell(_shown(r[C.VALUATION]))])
    return heads, rows, used


def _comparison_rows(frame: pd.DataFrame, lang: str) -> _Layout:
    w = _WORDS[lang]
    used = {C.SOURCE, C.FLOW, C.YEAR, C.VALUE, C.VALUATION, "reference_value",
            "reference_valuation", "difference", "status", "series", "reference_source",
            "citation"}
    heads = [w["source"], w["flow"], w["year"], w["value"], w["reference_value"],
             w["difference"], w["status"], w["citation"]]
    rows = []
    for r in frame.to_dict(orient="records"):
        rows.append([
            _Cell(_shown(r[C.SOURCE]), ltr=True), _Cell(w[r[C.FLOW]]),
            _Cell(format_number(r[C.YEAR], lang=lang, grouping=False)),
            _Cell(f"{format_number(r[C.VALUE], lang=lang)} {r[C.VALUATION]}"),
            _Cell(f"{format_number(r['reference_value'], lang=lang)} {r['reference_valuation']}"),
            _Cell(format_number(r["difference"], lang=lang, sign=True)),
            _Cell(w[r["status"]], VERDICT_COLORS[r["status"]]),
            _Cell(f"{r['series']} ({r['reference_source']}): {r['citation']}", ltr=True),
        ])
    return heads, rows, used


_TABLE_ROWS = {C.SOURCE, C.PARTNER, C.PARTNER_EN, C.FLOW, C.YEAR, C.VALUE, C.VALUE_TEXT,
               C.UNIT, C.VALUATION}
_COMPARISON = {C.SOURCE, C.PARTNER_EN, C.FLOW, C.YEAR, C.VALUE, C.VALUATION, "reference_value",
               "reference_valuation", "difference", "relative_difference", "status", "series",
               "citation", "reference_source"}
_YEARS = {C.YEAR, C.YEAR_FROM, C.YEAR_TO, C.LINE}  # whole numbers shown without grouping
_LTR = {C.SOURCE, C.ID, C.FILE, C.TABLE, C.INPUTS, C.OPERANDS, C.REF_SOURCE, "citation",
        "reference_source", C.COMPUTED_EXACT}
_WORD_COLUMNS = {C.FLOW: FLOW_NAMES, C.VERDICT: VERDICT_NAMES, C.REF_VERDICT: VERDICT_NAMES}


def _kind(frame: pd.DataFrame) -> tuple[Callable[[pd.DataFrame, str], _Layout] | None,
                                        set[str]]:
    """The layout for a frame of the package, and the columns that layout owns."""
    columns = set(frame.columns)
    if C.VERDICT in columns and set(C.VERIFICATION_COLUMNS) - {C.ID} <= columns:
        return _verification_rows, set(C.VERIFICATION_COLUMNS) | set(
            C.REFERENCE_VERDICT_COLUMNS)
    if columns >= _COMPARISON:
        return _comparison_rows, _COMPARISON
    if columns >= _TABLE_ROWS:
        return _table_rows, set(C.TABLE_COLUMNS)
    return None, set()


def _number(value: float, column: str, lang: str) -> str:
    if not math.isfinite(value):
        return {math.inf: "∞", -math.inf: "−∞"}.get(value, "—")
    if abs(value) >= 1e15:  # beyond what digits and separators make readable
        text = f"{value:.6g}".replace("e+", "e")
        return text.translate(_FA_DIGITS) if lang == "fa" else text
    if column.removesuffix(" (index)") in _YEARS and value.is_integer():
        return format_number(value, lang=lang, grouping=False)
    if column.endswith("_pct"):
        return _pct(value, 2, lang)
    return format_number(value, 0 if value.is_integer() else 2, lang=lang)


def _generic_cell(value: object, column: str, lang: str) -> _Cell:
    """Any value as people read it: numbers in the language's digits, codes in words."""
    if hasattr(value, "item"):  # numpy scalars
        value = value.item()
    if value is None or value is pd.NA or value is pd.NaT or (
            isinstance(value, float) and math.isnan(value)):
        return _Cell("—", nowrap=True)
    if isinstance(value, bool):
        return _Cell({"fa": ("خیر", "بله"), "en": ("no", "yes")}[lang][value])
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return _Cell(_number(float(value), column, lang), nowrap=True)
    text = str(value)
    words = _WORD_COLUMNS.get(column)
    if words is not None and text in words:
        return _Cell(words[text][lang], VERDICT_COLORS.get(text, ""), nowrap=True)
    return _Cell(text, ltr=column in _LTR)


def _generic_rows(frame: pd.DataFrame, lang: str) -> _Layout:
    columns = [str(c) for c in frame.columns]
    rows = [[_generic_cell(v, c, lang) for v, c in zip(values, columns, strict=True)]
            for values in frame.itertuples(index=False, name=None)]
    return [column_title(c, lang) for c in columns], rows, set(columns)


def _flat(frame: pd.DataFrame | pd.Series) -> pd.DataFrame:
    """A frame with its index as columns (``partner``, ``year`` of the wide table; the
    labels of ``describe()``), except an unnamed integer index, which a filter leaves and
    which is not data; and text column names."""
    if isinstance(frame, pd.Series):
        frame = frame.to_frame(frame.name if frame.name is not None else "value")
    named = any(name is not None for name in frame.index.names)
    if named or not pd.api.types.is_integer_dtype(frame.index.dtype):
        taken = {str(c) for c in frame.columns}
        bases = ["index" if name is None else str(name) for name in frame.index.names]
        frame = frame.rename_axis([f"{b} (index)" if b in taken else b for b in bases])
        frame = frame.reset_index()
    if isinstance(frame.columns, pd.MultiIndex):
        frame = frame.set_axis([" / ".join(map(str, c)) for c in frame.columns], axis=1)
    return frame


def _layout(frame: pd.DataFrame | pd.Series, lang: str,
            ) -> tuple[list[str], list[Row], list[str]]:
    """Heads and rows of any frame, and the frame's own columns its layout leaves out.

    A known frame gets its layout, then every column that is not its own
    (``growth_pct`` on table rows); any other frame is shown column by column.
    """
    frame = _flat(frame)
    rows_of, owned = _kind(frame)
    if rows_of is None:
        heads, rows, _ = _generic_rows(frame, lang)
        return heads, rows, []
    heads, rows, used = rows_of(frame, lang)
    extra = [c for c in frame.columns if c not in owned]
    if extra:
        more_heads, more_rows, _ = _generic_rows(frame[extra], lang)
        heads = heads + more_heads
        rows = [row + more for row, more in zip(rows, more_rows, strict=True)]
    hidden = [str(c) for c in frame.columns if c in owned and c not in used]
    return heads, rows, hidden


_MATH = frozenset("0123456789۰۱۲۳۴۵۶۷۸۹.,،٫٬()%٪−-+×÷/=–→<>≈")
_OPERATORS = frozenset("−-+×÷/=–→")


def _prose_html(text: str) -> str:
    """An explanation as HTML: it wraps between words, and each formula in it
    (a run of numbers and operators, ``(2375 − 2012) / 2012 × 100 = 18.042%,``)
    is kept on one line."""
    out: list[str] = []
    run: list[str] = []

    def close() -> None:
        if len(run) > 1 and any(token in _OPERATORS for token in run):
            out.append(f'<span style="white-space:nowrap">{html.escape(" ".join(run))}</span>')
        else:
            out.extend(html.escape(token) for token in run)
        run.clear()

    for token in text.split(" "):
        if token and all(ch in _MATH for ch in token) and any(
                ch.isdigit() or ch in _OPERATORS for ch in token):
            run.append(token)
        else:
            close()
            out.append(html.escape(token))
    close()
    return " ".join(out)


def html_table(frame: pd.DataFrame | pd.Series, *, lang: str = "fa", caption: str = "",
               note: bool = False) -> str:
    """The frame as an HTML table: right to left with Persian digits for ``lang="fa"``.

    The first column stays in view while the table scrolls sideways inside its
    box (``position: sticky``); explanations wrap between words, with each
    formula on one line. With ``note``, the frame's own columns its layout
    leaves out are named under the table.

    Examples
    --------
    >>> from chile_trade.io.dataset import load_tables
    >>> page = html_table(load_tables().head(1), lang="fa")
    >>> 'dir="rtl"' in page, "۱٬۶۴۹" in page
    (True, True)
    """
    if lang not in LANGS:
        raise ValueError(f"lang must be one of {LANGS}; got {lang!r}")
    heads, rows, hidden = _layout(frame, lang)
    direction = "rtl" if lang == "fa" else "ltr"
    side = "right" if lang == "fa" else "left"
    sticky = f"position:sticky;{side}:0;z-index:1;"
    out = [f'<table class="ct-table" dir="{direction}" lang="{lang}">']
    if caption:
        out.append(f"<caption>{html.escape(caption)}</caption>")
    out.append("<thead><tr>" + "".join(
        f'<th style="{sticky}background:#f4f4f4">{html.escape(h)}</th>' if i == 0
        else f"<th>{html.escape(h)}</th>" for i, h in enumerate(heads)) + "</tr></thead><tbody>")
    for row in rows:
        cells = []
        for i, cell in enumerate(row):
            css = ([f"background:{cell.color}"] if cell.color else []) + (
                ["white-space:nowrap"] if cell.nowrap else []) + (
                ["min-width:16rem", "overflow-wrap:normal"] if cell.prose else []) + (
                [f"min-width:{cell.min_rem:g}rem"] if cell.min_rem else [])
            if i == 0:
                css = [sticky + f"background:{cell.color or '#ffffff'}"] + [
                    c for c in css if not c.startswith("background")]
            style = f' style="{";".join(css)}"' if css else ""
            text = _prose_html(cell.text) if cell.prose else html.escape(cell.text)
            cells.append(f'<td class="ltr"{style}><bdi dir="ltr">{text}</bdi></td>' if cell.ltr
                         else f"<td{style}>{text}</td>")
        out.append("<tr>" + "".join(cells) + "</tr>")
    out.append("</tbody></table>")
    if note and hidden:
        words = {"fa": "ستون‌های دیگر این جدول (نشان داده نشده): ",
                 "en": "Also in the frame, not shown: "}[lang]
        out.append(f'<p class="ct-note" dir="{direction}" style="color:#555;font-size:0.85em">'
                   f"{html.escape(words)}<bdi dir=\"ltr\">{html.escape(', '.join(hidden))}"
                   "</bdi></p>")
    return "".join(out)


def text_table(frame: pd.DataFrame | pd.Series, *, lang: str = "en") -> str:
    """The frame as plain text, one block per row, for a terminal.

    Examples
    --------
    >>> from chile_trade.io.dataset import load_tables
    >>> print(text_table(load_tables().head(1)).replace(" | ", "\\n  "))
    source (file:line): 002_be3af3bae581de8e.txt:14
      partner: United States
      flow: exports
      year: 1992
      value: 1,649
      unit: million USD
      valuation: FOB
    (also in the frame, not shown: file, line, table, reporter, reporter_en, partner, raw, series)
    """
    heads, rows, hidden = _layout(frame, lang)
    blocks = []
    for row in rows:
        first = f"{heads[0]}: {row[0].text}"
        rest = " | ".join(f"{h}: {c.text}" for h, c in zip(heads[1:], row[1:], strict=True))
        blocks.append(f"{first}\n  {rest}")
    if hidden:
        blocks.append(f"(also in the frame, not shown: {', '.join(hidden)})")
    return "\n".join(blocks) if rows else "(empty)"


@dataclass(frozen=True)
class DisplayTable:
    """A frame that Jupyter shows as an HTML table and a terminal as text."""

    frame: pd.DataFrame | pd.Series
    lang: str = "fa"

    def _repr_html_(self) -> str:
        direction = "rtl" if self.lang == "fa" else "ltr"
        return (f'<div class="ct-wrap" dir="{direction}" '
                'style="overflow-x:auto;max-width:100%">'
                f"{html_table(self.frame, lang=self.lang, note=True)}</div>")

    def __repr__(self) -> str:
        # Terminals rarely lay out right-to-left text; the text form is in English.
        return text_table(self.frame, lang="en")


def show(frame: pd.DataFrame | pd.Series, *, lang: str = "fa") -> DisplayTable:
    """Wrap any frame or series for display: Jupyter shows HTML, a terminal text.

    Parameters
    ----------
    frame : pandas.DataFrame or pandas.Series
        Anything the package returns as a frame or series (verification
        results, table rows, stated figures, the reference and its
        comparison, the wide table, the indicators) or any other frame; an
        index other than the default one is shown as columns.
    lang : {'fa', 'en'}

    Raises
    ------
    TypeError
        For anything that is not a frame or series, saying what to pass
        instead (an `Extraction` holds two frames: ``.tables`` and ``.stated``).

    Examples
    --------
    >>> from chile_trade.io.dataset import load_tables
    >>> shown = show(load_tables(), lang="fa")
    >>> shown._repr_html_().startswith('<div class="ct-wrap" dir="rtl"')
    True
    """
    if lang not in LANGS:
        raise ValueError(f"lang must be one of {LANGS}; got {lang!r}")
    if not isinstance(frame, (pd.DataFrame, pd.Series)):
        hint = (": it holds two frames, show(x.tables) and show(x.stated)"
                if hasattr(frame, "tables") and hasattr(frame, "stated") else "")
        raise TypeError(f"show takes a pandas DataFrame or Series; got "
                        f"{type(frame).__name__}{hint}")
    return DisplayTable(frame, lang)
