"""Generated reports, one table and its sentences each, written as text, HTML, Word and PDF.

The same report in every format, so a format's reading speed can be set against the
text pipeline's on the same content (`bench_archive.py`). A report: a numbered title
naming two places and the unit, a header of Solar Hijri years and a change column, the
export and import rows, and two sentences with a change and a total trade.
"""

from __future__ import annotations

import ctypes
import random
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

PARTNERS = ["ترکیه", "چین", "هند", "عراق", "ارمنستان", "عمان", "قطر", "روسیه", "آلمان", "ژاپن"]
_FA = str.maketrans("0123456789.", "۰۱۲۳۴۵۶۷۸۹٫")


def _fa(value: object) -> str:
    return str(value).translate(_FA)


@dataclass(frozen=True)
class Report:
    title: str
    rows: list[list[str]]  # the header first; cells in reading order
    sentences: list[str]


def report(rng: random.Random, number: int) -> Report:
    partner = rng.choice(PARTNERS)
    first = rng.randint(1390, 1398)
    years = list(range(first, first + rng.randint(3, 5)))
    header = ["شرح", *(_fa(y) for y in years), "درصد تغییر"]
    rows, last = [header], {}
    for label in ("صادرات", "واردات"):
        values = [rng.randint(100, 9000) for _ in years]
        change = round((values[-1] - values[-2]) / values[-2] * 100, 1)
        rows.append([label, *(_fa(v) for v in values), _fa(abs(change)) + ("-" if change < 0
                                                                             else "")])
        last[label] = values
    exports, imports = last["صادرات"], last["واردات"]
    change = round((exports[-1] - exports[-2]) / exports[-2] * 100, 1)
    word = "افزایش" if change >= 0 else "کاهش"
    sentences = [
        f"صادرات ایران به {partner} در سال {_fa(years[-1])} نسبت به سال قبل "
        f"{_fa(abs(change))} درصد {word} یافت.",
        f"حجم تجارت ایران و {partner} در سال {_fa(years[-1])} به "
        f"{_fa(exports[-1] + imports[-1])} میلیون دلار رسید."]
    return Report(f"جدول {_fa(number)}- تجارت ایران و {partner} (میلیون دلار)", rows, sentences)


def write_text(path: Path, doc: Report) -> None:
    """TAB-separated cells under the title, the sentences after a blank line."""
    lines = [doc.title, *("\t".join(row) for row in doc.rows), "", *doc.sentences]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def write_html(path: Path, doc: Report) -> None:
    head, *body = doc.rows
    cells = "".join(f"<th>{c}</th>" for c in head)
    rows = "\n".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in body)
    paragraphs = "\n".join(f"<p>{s}</p>" for s in doc.sentences)
    path.write_text(
        f'<!doctype html>\n<html lang="fa" dir="rtl"><head><meta charset="utf-8"></head>\n'
        f"<body>\n<table>\n<caption>{doc.title}</caption>\n<thead><tr>{cells}</tr></thead>\n"
        f"<tbody>\n{rows}\n</tbody>\n</table>\n{paragraphs}\n</body></html>\n",
        encoding="utf-8")


def write_docx(path: Path, doc: Report) -> None:
    import docx  # noqa: PLC0415  the [docx] extra, needed only here

    document = docx.Document()
    document.add_paragraph(doc.title)
    table = document.add_table(rows=len(doc.rows), cols=len(doc.rows[0]))
    for row, texts in zip(table.rows, doc.rows, strict=True):
        for cell, text in zip(row.cells, texts, strict=True):
            cell.text = text
    for sentence in doc.sentences:
        document.add_paragraph(sentence)
    document.save(str(path))


def pdf_writer() -> Callable[[Path, Report], None]:
    """A writer of one-page PDFs whose text layer is in visual order, each cell drawn
    right-aligned in its column (as Chromium and Word print right-to-left text)."""
    import matplotlib  # noqa: PLC0415  its DejaVu Sans has the Arabic letters
    import pypdfium2 as pdfium  # noqa: PLC0415  the [pdf] extra
    from bidi.algorithm import get_display  # noqa: PLC0415
    from pypdfium2 import raw  # noqa: PLC0415

    data = (Path(matplotlib.get_data_path()) / "fonts" / "ttf" / "DejaVuSans.ttf").read_bytes()
    font_bytes = (ctypes.c_uint8 * len(data)).from_buffer_copy(data)

    def write(path: Path, doc: Report) -> None:
        document = pdfium.PdfDocument.new()
        font = raw.FPDFText_LoadFont(document.raw, font_bytes, len(data),
                                     raw.FPDF_FONT_TRUETYPE, 1)
        try:
            page = document.new_page(612, 792)
            runs = [(560.0, 750.0, doc.title)]
            for k, row in enumerate(doc.rows):
                runs += [(560.0 - 70.0 * j, 720.0 - 20.0 * k, cell) for j, cell in enumerate(row)]
            runs += [(560.0, 600.0 - 16.0 * k, s) for k, s in enumerate(doc.sentences)]
            for right, baseline, text in runs:
                item = raw.FPDFPageObj_CreateTextObj(document.raw, font, 9.0)
                drawn = get_display(text, base_dir="R")
                chars = ctypes.create_string_buffer((drawn + "\0").encode("utf-16-le"))
                raw.FPDFText_SetText(item, ctypes.cast(chars, raw.FPDF_WIDESTRING))
                left, bottom = ctypes.c_float(), ctypes.c_float()
                end, top = ctypes.c_float(), ctypes.c_float()
                raw.FPDFPageObj_GetBounds(item, left, bottom, end, top)
                raw.FPDFPageObj_Transform(item, 1, 0, 0, 1, right - (end.value - left.value),
                                          baseline)
                raw.FPDFPage_InsertObject(page.raw, item)
            raw.FPDFPage_GenerateContent(page.raw)
            page.close()
            document.save(path)
        finally:
            raw.FPDFFont_Close(font)
            document.close()

    return write


WRITERS: dict[str, Callable[[], Callable[[Path, Report], None]]] = {
    "txt": lambda: write_text, "html": lambda: write_html, "docx": lambda: write_docx,
    "pdf": pdf_writer}


def corpus(folder: Path, suffix: str, count: int, seed: int = 3) -> list[Path]:
    """``count`` reports in one format; the same reports for every format (one seed)."""
    rng = random.Random(seed)
    write = WRITERS[suffix]()
    paths = []
    for i in range(count):
        path = folder / f"report{i:05d}.{suffix}"
        write(path, report(rng, i + 1))
        paths.append(path)
    return paths
