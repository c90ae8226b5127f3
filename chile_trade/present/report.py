"""The self-contained HTML report and the analyst's exports (CSV, Excel).

Everything here returns strings and bytes; the command line writes them.
The HTML page embeds its figures as data URIs and its styles inline, and a
Content-Security-Policy forbids loading anything else, so it opens offline
and makes no request.
"""

from __future__ import annotations

import base64
import html
import io
import itertools
import math

import pandas as pd

from chile_trade import columns as C
from chile_trade import interrupts
from chile_trade.io.writing import spreadsheet_text
from chile_trade.present.display import html_table
from chile_trade.present.numbers import LANGS, format_number

__all__ = ["excel_workbook", "report_html"]

_TEXT = {
    "fa": {
        "title": "تجارت شیلی با آمریکا، ۱۹۹۲–۱۹۹۵: ارقام گزارش و راستی‌آزمایی آن‌ها",
        "intro": ("ارقامی که گزارش فارسی دربارهٔ روابط شیلی اعلام کرده، یک‌بار با ارقام جدول‌های "
                  "خود گزارش و یک‌بار با آمار رسمی دوباره محاسبه شده‌اند."),
        "summary": "خلاصه: {n} رقم اعلام‌شده؛ {exact} دقیق، {within} در حد گرد کردن، "
                   "{inconsistent} ناسازگار، {unverifiable} غیرقابل بررسی (با ارقام خود گزارش).",
        "figures": "نمودارها", "verdicts": "راستی‌آزمایی ارقام اعلام‌شده",
        "tables": "جدول‌های گزارش", "reference": "مقایسه با آمار رسمی",
        "sources": "منابع", "seed": "گزارش: پرونده‌های ../shared/seeds، با شمارهٔ سطر هر رقم.",
        "alt": "نمودار",
    },
    "en": {
        "title": "Chile's trade with the United States, 1992–1995: the report's figures, checked",
        "intro": ("Every figure the Persian report on Chile's foreign relations states is "
                  "recomputed twice: from the report's own tables, and from official statistics."),
        "summary": "Summary: {n} stated figures; {exact} exact, {within} within rounding, "
                   "{inconsistent} inconsistent, {unverifiable} unverifiable (against the "
                   "report's own numbers).",
        "figures": "Figures", "verdicts": "The stated figures, checked",
        "tables": "The report's tables", "reference": "Against official statistics",
        "sources": "Sources",
        "seed": "Report: the files in ../shared/seeds, with each figure's line.",
        "alt": "chart",
    },
}

_STYLE = """
body { font-family: Vazirmatn, "Noto Sans Arabic", "DejaVu Sans", Tahoma, sans-serif;
       margin: 2rem auto; max-width: 1200px; padding: 0 1rem; color: #222; line-height: 1.6; }
h1 { font-size: 1.6rem; }
h2 { font-size: 1.25rem; margin-top: 2rem; border-bottom: 1px solid #ccc; }
figure { margin: 1rem 0; } figure img { max-width: 100%; height: auto; border: 1px solid #eee; }
.table-wrap { overflow-x: auto; }
.ct-table { border-collapse: collapse; width: 100%; font-size: 0.85rem; margin: 1rem 0; }
.ct-table th, .ct-table td { border: 1px solid #ddd; padding: 0.3rem 0.5rem; vertical-align: top;
                             overflow-wrap: break-word; }
.ct-table td { min-width: 4.5rem; }
.ct-table td.ltr { min-width: 11rem; } .ct-table bdi { word-break: break-all; }
.ct-table th { background: #f4f4f4; }
.ct-table[dir="rtl"] th, .ct-table[dir="rtl"] td { text-align: right; }
.summary { background: #f7f7f7; padding: 0.6rem 1rem; border-radius: 4px; }
"""


def report_html(*, tables: pd.DataFrame, result: pd.DataFrame, comparison: pd.DataFrame,
                reference: pd.DataFrame, figures: dict[str, bytes], lang: str = "fa") -> str:
    """One self-contained HTML page: figures inline, tables, every verdict with its source.

    Parameters
    ----------
    tables : pandas.DataFrame
        Tidy table rows.
    result : pandas.DataFrame
        `chile_trade.frames.verify` output, with the reference columns.
    comparison : pandas.DataFrame
        `chile_trade.io.reference.compare_with_reference` output.
    reference : pandas.DataFrame
        The reference table (for the list of sources).
    figures : dict of str to bytes
        PNG images by title, embedded as data URIs in this order.
    lang : {'fa', 'en'}
        ``fa`` gives a right-to-left page in Persian with Persian digits.

    Returns
    -------
    str
    """
    if lang not in LANGS:
        raise ValueError(f"lang must be one of {LANGS}; got {lang!r}")
    t = _TEXT[lang]
    counts = result[C.VERDICT].value_counts()
    summary = t["summary"].format(
        n=format_number(len(result), lang=lang),
        **{key: format_number(int(counts.get(verdict, 0)), lang=lang) for key, verdict in (
            ("exact", C.EXACT), ("within", C.WITHIN_ROUNDING),
            ("inconsistent", C.INCONSISTENT), ("unverifiable", C.UNVERIFIABLE))})
    images = "".join(
        f'<figure><img src="data:image/png;base64,{base64.b64encode(png).decode()}" '
        f'alt="{html.escape(t["alt"])}: {html.escape(name)}"></figure>'
        for name, png in figures.items())
    citations = "".join(f"<li>{html.escape(c)}</li>"
                        for c in dict.fromkeys(reference["citation"]))
    direction = "rtl" if lang == "fa" else "ltr"
    return (
        f'<!DOCTYPE html>\n<html lang="{lang}" dir="{direction}"><head><meta charset="utf-8">'
        '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
        'img-src data:; style-src \'unsafe-inline\'">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{html.escape(t['title'])}</title><style>{_STYLE}</style></head><body>"
        f"<h1 id=\"title\">{html.escape(t['title'])}</h1><p>{html.escape(t['intro'])}</p>"
        f"<p class=\"summary\">{html.escape(summary)}</p>"
        f"<h2>{html.escape(t['verdicts'])}</h2>"
        f'<div id="verdicts" class="table-wrap">{html_table(result, lang=lang)}</div>'
        f"<h2>{html.escape(t['figures'])}</h2><div id=\"figures\">{images}</div>"
        f"<h2>{html.escape(t['tables'])}</h2>"
        f'<div class="table-wrap">{html_table(tables, lang=lang)}</div>'
        f"<h2>{html.escape(t['reference'])}</h2>"
        f'<div class="table-wrap">{html_table(comparison, lang=lang)}</div>'
        f"<h2>{html.escape(t['sources'])}</h2><ul><li>{html.escape(t['seed'])}</li>{citations}</ul>"
        "</body></html>\n")


def _excel_value(value: object) -> object:
    """A cell value for openpyxl: numbers as numbers, empty for missing, the rest text."""
    if hasattr(value, "item"):  # numpy scalars
        value = value.item()
    if value is None or (isinstance(value, float) and not math.isfinite(value)):
        return None
    if isinstance(value, (bool, int, float)):
        return value
    return str(value)


def excel_workbook(sheets: dict[str, pd.DataFrame], *, rtl: bool) -> bytes:
    """An Excel workbook, one sheet per frame; right-to-left sheets when ``rtl``.

    Numbers stay numbers; NaN is an empty cell; every other value (fractions
    included) is stored as text, never as a formula: a text that starts with
    ``=``, ``+``, ``-`` or ``@`` is a string cell marked with a quote prefix,
    which Excel keeps as text even when the cell is edited.
    """
    with interrupts.deferred():  # only the report writes workbooks
        from openpyxl import Workbook  # noqa: PLC0415

    book = Workbook()
    book.remove(book.active)
    for name, frame in sheets.items():
        sheet = book.create_sheet(name)
        sheet.sheet_view.rightToLeft = rtl
        sheet.freeze_panes = "A2"
        rows = frame.itertuples(index=False, name=None)
        for r, values in enumerate(itertools.chain([tuple(frame.columns)], rows), start=1):
            for c, value in enumerate(values, start=1):
                cell = sheet.cell(row=r, column=c)
                cell.value = _excel_value(value)
                if isinstance(cell.value, str):
                    cell.data_type = "s"  # openpyxl takes a leading "=" for a formula
                    cell.quotePrefix = spreadsheet_text(cell.value) != cell.value
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
