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
from chile_trade.present.display import column_title, html_table
from chile_trade.present.numbers import LANGS, format_number

__all__ = ["excel_workbook", "report_html"]

_TEXT = {
    "fa": {
        "title": "تجارت {reporter} با {partner}، {start}–{end}: ارقام گزارش و راستی‌آزمایی آن‌ها",
        "title_anon": "تجارت با {partner}، {start}–{end}: ارقام گزارش و راستی‌آزمایی آن‌ها",
        "intro": ("ارقامی که اسناد اعلام کرده‌اند، یک‌بار با ارقام جدول‌های خود اسناد و یک‌بار "
                  "با آمار مرجع دوباره محاسبه شده‌اند."),
        "intro_alone": "ارقامی که اسناد اعلام کرده‌اند، با ارقام جدول‌های خود اسناد دوباره محاسبه "
                       "شده‌اند.",
        "summary": "خلاصه: {n} رقم اعلام‌شده؛ {exact} دقیق، {within} در حد گرد کردن، "
                   "{inconsistent} ناسازگار، {unverifiable} غیرقابل بررسی (با ارقام خود گزارش).",
        "figures": "نمودارها", "verdicts": "راستی‌آزمایی ارقام اعلام‌شده",
        "tables": "جدول‌های گزارش", "reference": "مقایسه با آمار رسمی",
        "sources": "منابع", "seed": "اسناد: {files}، با شمارهٔ سطر هر رقم.", "and": "، ",
        "alt": "نمودار",
        "title_many": "تجارت {reporters} با {n} طرف تجاری: ارقام گزارش و راستی‌آزمایی آن‌ها",
        "title_many_anon": "تجارت با {n} طرف تجاری: ارقام گزارش و راستی‌آزمایی آن‌ها",
        "title_nothing": "ارقام اعلام‌شده در اسناد و راستی‌آزمایی آن‌ها",
        "no_figures": "اسناد جدولی برای رسم ندارند و هیچ رقمی از آن‌ها قابل بررسی نیست.",
        "calendars": "سال‌ها همان‌گونه که در اسناد آمده‌اند (میلادی، هجری شمسی یا سال مالی).",
    },
    "en": {
        "title": "{reporter}'s trade with {partner}, {start}–{end}: the report's figures, checked",
        "title_anon": "Trade with {partner}, {start}–{end}: the report's figures, checked",
        "intro": ("Every figure the documents state is recomputed twice: from the documents' "
                  "own tables, and from the reference statistics."),
        "intro_alone": "Every figure the documents state is recomputed from their own tables.",
        "summary": "Summary: {n} stated figures; {exact} exact, {within} within rounding, "
                   "{inconsistent} inconsistent, {unverifiable} unverifiable (against the "
                   "report's own numbers).",
        "figures": "Figures", "verdicts": "The stated figures, checked",
        "tables": "The report's tables", "reference": "Against official statistics",
        "sources": "Sources",
        "seed": "Documents: {files}, with each figure's line.", "and": ", ",
        "alt": "chart",
        "title_many": "{reporters}'s trade with {n} partners: the report's figures, checked",
        "title_many_anon": "Trade with {n} partners: the report's figures, checked",
        "title_nothing": "The documents' stated figures, checked",
        "no_figures": "The documents hold no table to draw and no figure that can be checked.",
        "calendars": "Years as the documents give them (Gregorian, Solar Hijri or fiscal).",
    },
}

_STYLE = """
body { font-family: Vazirmatn, "Noto Sans Arabic", "DejaVu Sans", Tahoma, sans-serif;
       margin: 2rem auto; max-width: 1200px; padding: 0 1rem; color: #222; line-height: 1.6; }
h1 { font-size: 1.6rem; }
h2 { font-size: 1.25rem; margin-top: 2rem; border-bottom: 1px solid #ccc; }
.figure-grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(480px, 1fr));
                gap: 0 1rem; }
figure { margin: 1rem 0; } figcaption { color: #555; font-size: 0.9rem; }
figure img { max-width: 100%; height: auto; border: 1px solid #eee; }
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


def _names(frame: pd.DataFrame, column: str) -> list[str]:
    return [str(name) for name in dict.fromkeys(frame[column].fillna("")) if name]


def _title(tables: pd.DataFrame, lang: str) -> str:
    """The documents' reporters, partners and years, as the page's title.

    Years are given only when every table counts them in one calendar; more
    than three partners are counted, not listed.
    """
    t = _TEXT[lang]
    fa = lang == "fa"
    if tables.empty:
        return t["title_nothing"]
    reporters = _names(tables, C.REPORTER if fa else C.REPORTER_EN) \
        if C.REPORTER in tables else []
    partners = _names(tables, C.PARTNER if fa else C.PARTNER_EN)
    calendars = {(str(c), bool(f)) for c, f in zip(
        tables.get(C.CALENDAR, pd.Series("gregorian", tables.index)).fillna(""),
        tables.get(C.FISCAL_YEAR, pd.Series(False, tables.index)).fillna(False), strict=True)}
    if len(partners) > 3 or len(calendars) > 1:
        n = format_number(len(partners), lang=lang)
        if len(reporters) == 1:
            return t["title_many"].format(reporters=reporters[0], n=n)
        return t["title_many_anon"].format(n=n)
    years = sorted(int(y) for y in tables[C.YEAR])
    values = {"partner": t["and"].join(partners),
              "start": format_number(years[0], lang=lang, grouping=False),
              "end": format_number(years[-1], lang=lang, grouping=False)}
    if len(reporters) == 1:
        return t["title"].format(reporter=reporters[0], **values)
    return t["title_anon"].format(**values)


def _images(figures: dict[str, list[tuple[str, bytes]]], lang: str) -> str:
    """The figures, each document's under its name (none for the documents as a whole),
    each with its caption."""
    t = _TEXT[lang]
    out = []
    for heading, pngs in figures.items():
        if heading:
            out.append(f'<h3><bdi dir="ltr">{html.escape(heading)}</bdi></h3>')
        out.append('<div class="figure-grid">')
        for caption, png in pngs:
            label = html.escape(caption or t["alt"])
            out.append(f'<figure><img src="data:image/png;base64,'
                       f'{base64.b64encode(png).decode()}" alt="{label}">'
                       + (f"<figcaption>{label}</figcaption>" if caption else "")
                       + "</figure>")
        out.append("</div>")
    if not out:
        out.append(f'<p class="summary">{html.escape(t["no_figures"])}</p>')
    return "".join(out)


def report_html(*, tables: pd.DataFrame, stated: pd.DataFrame, result: pd.DataFrame,
                comparison: pd.DataFrame | None, reference: pd.DataFrame | None,
                figures: dict[str, list[tuple[str, bytes]]],
                lang: str = "fa") -> str:
    """One self-contained HTML page: figures inline, tables, every verdict with its source.

    Parameters
    ----------
    tables : pandas.DataFrame
        Tidy table rows; the title names their reporter, partners and years.
    stated : pandas.DataFrame
        The stated figures (the list of documents comes from both).
    result : pandas.DataFrame
        `chile_trade.frames.verify` output, with the reference columns.
    comparison : pandas.DataFrame or None
        `chile_trade.io.reference.compare_with_reference` output; None (no
        reference) leaves the comparison out.
    reference : pandas.DataFrame or None
        The reference table (for the list of sources).
    figures : dict of str to list of (str, bytes)
        PNG images by document (``""``: no heading) with their captions,
        embedded as data URIs in this order; none at all says so on the page.
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
    images = _images(figures, lang)
    citations = "".join(f"<li>{html.escape(c)}</li>"
                        for c in dict.fromkeys(reference["citation"])) \
        if reference is not None else ""
    against = (f"<h2>{html.escape(t['reference'])}</h2>"
               f'<div class="table-wrap">{html_table(comparison, lang=lang)}</div>'
               if comparison is not None else "")
    direction = "rtl" if lang == "fa" else "ltr"
    title = _title(tables, lang)
    intro = t["intro"] if reference is not None else t["intro_alone"]
    files = t["and"].join(dict.fromkeys([*tables[C.FILE], *stated[C.FILE]]))
    documents = t["seed"].format(files=files)
    other_calendars = (C.CALENDAR in tables and (tables[C.CALENDAR] != "gregorian").any()) or (
        C.FISCAL_YEAR in tables and bool(tables[C.FISCAL_YEAR].fillna(False).any()))
    calendars = f"<p>{html.escape(t['calendars'])}</p>" if other_calendars else ""
    table_section = (f"<h2>{html.escape(t['tables'])}</h2>{calendars}"
                     f'<div id="tables" class="table-wrap">{html_table(tables, lang=lang)}</div>'
                     if not tables.empty else "")
    return (
        f'<!DOCTYPE html>\n<html lang="{lang}" dir="{direction}"><head><meta charset="utf-8">'
        '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
        'img-src data:; style-src \'unsafe-inline\'">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{html.escape(title)}</title><style>{_STYLE}</style></head><body>"
        f"<h1 id=\"title\">{html.escape(title)}</h1><p>{html.escape(intro)}</p>"
        f"<p class=\"summary\">{html.escape(summary)}</p>"
        f"<h2>{html.escape(t['verdicts'])}</h2>"
        f'<div id="verdicts" class="table-wrap">{html_table(result, lang=lang)}</div>'
        f"<h2>{html.escape(t['figures'])}</h2><div id=\"figures\">{images}</div>"
        f"{table_section}"
        f"{against}"
        f"<h2>{html.escape(t['sources'])}</h2><ul><li>{html.escape(documents)}</li>{citations}</ul>"
        "</body></html>\n")


def _excel_value(value: object) -> object:
    """A cell value for openpyxl: numbers as numbers, empty for missing, the rest text."""
    if hasattr(value, "item"):  # numpy scalars
        value = value.item()
    if value is None or value is pd.NA or (isinstance(value, float)
                                           and not math.isfinite(value)):
        return None
    if isinstance(value, (bool, int, float)):
        return value
    return str(value)


def excel_workbook(sheets: dict[str, pd.DataFrame], *, rtl: bool,
                   lang: str | None = None) -> bytes:
    """An Excel workbook, one sheet per frame; right-to-left sheets when ``rtl``.

    With ``lang``, each column's header is its title in that language
    (`chile_trade.present.display.column_title`: Persian for ``"fa"``); without,
    the frame's column names. Sheet names stay as given, for scripts.

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
        heads = tuple(column_title(c, lang) if lang else c for c in frame.columns)
        for r, values in enumerate(itertools.chain([heads], rows), start=1):
            for c, value in enumerate(values, start=1):
                cell = sheet.cell(row=r, column=c)
                cell.value = _excel_value(value)
                if isinstance(cell.value, str):
                    cell.data_type = "s"  # openpyxl takes a leading "=" for a formula
                    cell.quotePrefix = spreadsheet_text(cell.value) != cell.value
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
