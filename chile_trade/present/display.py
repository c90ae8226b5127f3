"""Tables for people: right-to-left HTML in Jupyter, plain text in a terminal.

`show` wraps a frame of the package (verification result, table rows, or
the comparison with a reference) in an object that Jupyter displays as an
HTML table — right to left with Persian headers and digits for ``lang="fa"``,
verdicts coloured, explanations in the reader's language — and that prints
as readable text elsewhere. `html_table` gives the same HTML as a string,
for the report page.
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

__all__ = ["VERDICT_COLORS", "DisplayTable", "html_table", "show"]

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


@dataclass(frozen=True)
class _Cell:
    text: str
    color: str = ""
    ltr: bool = False  # a file name or citation: isolated as left to right
    nowrap: bool = False  # a number or a verdict: kept on one line


Row = list[_Cell]


def _shown(value: object) -> str:
    """A cell's text; a missing value (``<NA>``) shows as nothing."""
    return "" if value is None or value is pd.NA else str(value)


def _pct(value: float, decimals: int, lang: str) -> str:
    return "—" if math.isnan(value) else format_percent(value, decimals, lang=lang)


def _verification_rows(frame: pd.DataFrame, lang: str) -> tuple[list[str], list[Row]]:
    w = _WORDS[lang]
    fa = lang == "fa"
    has_reference = C.REF_VERDICT in frame.columns
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
               _Cell(_shown(r[C.CLAIM_FA if fa else C.CLAIM])),
               _Cell(stated, nowrap=True),
               _Cell(_pct(r[C.COMPUTED], decimals + 2, lang), nowrap=True),
               _Cell(span, nowrap=True),
               _Cell(w[r[C.VERDICT]], VERDICT_COLORS[r[C.VERDICT]], nowrap=True),
               _Cell(_shown(r[C.EXPLANATION_FA if fa else C.EXPLANATION]))]
        if has_reference:
            row += [_Cell(_pct(r[C.REF_COMPUTED], decimals + 2, lang), nowrap=True),
                    _Cell(w[r[C.REF_VERDICT]], VERDICT_COLORS[r[C.REF_VERDICT]], nowrap=True),
                    _Cell(_shown(r[C.REF_EXPLANATION_FA if fa else C.REF_EXPLANATION])),
                    _Cell(_shown(r[C.REF_SOURCE]), ltr=True)]
        rows.append(row)
    return heads, rows


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


def _table_rows(frame: pd.DataFrame, lang: str) -> tuple[list[str], list[Row]]:
    w = _WORDS[lang]
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
    return heads, rows


def _comparison_rows(frame: pd.DataFrame, lang: str) -> tuple[list[str], list[Row]]:
    w = _WORDS[lang]
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
    return heads, rows


def _kind(frame: pd.DataFrame) -> Callable[[pd.DataFrame, str], tuple[list[str], list[Row]]]:
    if C.VERDICT in frame.columns:
        return _verification_rows
    if "reference_value" in frame.columns:
        return _comparison_rows
    if C.VALUE_TEXT in frame.columns:
        return _table_rows
    raise ValueError("frame must be a verification result, table rows or a reference "
                     f"comparison; it has the columns {list(frame.columns)}")


def html_table(frame: pd.DataFrame, *, lang: str = "fa", caption: str = "") -> str:
    """The frame as an HTML table: right to left with Persian digits for ``lang="fa"``.

    Examples
    --------
    >>> from chile_trade.io.dataset import load_tables
    >>> page = html_table(load_tables().head(1), lang="fa")
    >>> 'dir="rtl"' in page, "۱٬۶۴۹" in page
    (True, True)
    """
    if lang not in LANGS:
        raise ValueError(f"lang must be one of {LANGS}; got {lang!r}")
    heads, rows = _kind(frame)(frame, lang)
    direction = "rtl" if lang == "fa" else "ltr"
    out = [f'<table class="ct-table" dir="{direction}" lang="{lang}">']
    if caption:
        out.append(f"<caption>{html.escape(caption)}</caption>")
    out.append("<thead><tr>" + "".join(f"<th>{html.escape(h)}</th>" for h in heads)
               + "</tr></thead><tbody>")
    for row in rows:
        cells = []
        for cell in row:
            css = ([f"background:{cell.color}"] if cell.color else []) + (
                ["white-space:nowrap"] if cell.nowrap else [])
            style = f' style="{";".join(css)}"' if css else ""
            text = html.escape(cell.text)
            cells.append(f'<td class="ltr"{style}><bdi dir="ltr">{text}</bdi></td>' if cell.ltr
                         else f"<td{style}>{text}</td>")
        out.append("<tr>" + "".join(cells) + "</tr>")
    out.append("</tbody></table>")
    return "".join(out)


def text_table(frame: pd.DataFrame, *, lang: str = "en") -> str:
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
    """
    heads, rows = _kind(frame)(frame, lang)
    blocks = []
    for row in rows:
        first = f"{heads[0]}: {row[0].text}"
        rest = " | ".join(f"{h}: {c.text}" for h, c in zip(heads[1:], row[1:], strict=True))
        blocks.append(f"{first}\n  {rest}")
    return "\n".join(blocks) if blocks else "(empty)"


@dataclass(frozen=True)
class DisplayTable:
    """A package frame that Jupyter shows as an HTML table and a terminal as text."""

    frame: pd.DataFrame
    lang: str = "fa"

    def _repr_html_(self) -> str:
        return html_table(self.frame, lang=self.lang)

    def __repr__(self) -> str:
        # Terminals rarely lay out right-to-left text; the text form is in English.
        return text_table(self.frame, lang="en")


def show(frame: pd.DataFrame, *, lang: str = "fa") -> DisplayTable:
    """Wrap a verification result, table rows or reference comparison for display.

    Examples
    --------
    >>> from chile_trade.io.dataset import load_tables
    >>> shown = show(load_tables(), lang="fa")
    >>> shown._repr_html_().startswith('<table class="ct-table" dir="rtl"')
    True
    """
    if lang not in LANGS:
        raise ValueError(f"lang must be one of {LANGS}; got {lang!r}")
    _kind(frame)
    return DisplayTable(frame, lang)
