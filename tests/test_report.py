"""The main job: chile-trade report, its HTML page in a real browser, and its exports."""

from __future__ import annotations

import html
import re
import shutil
import subprocess
import sys
from pathlib import Path

import numpy as np
import openpyxl
import pandas as pd
import pytest
from PIL import Image
from selenium import webdriver
from selenium.webdriver.chrome.service import Service

from chile_trade.cli import main

CHROMIUM, CHROMEDRIVER = "/usr/bin/chromium", "/usr/bin/chromedriver"


@pytest.fixture(scope="module")
def report_dir(tmp_path_factory):
    out = tmp_path_factory.mktemp("report")
    assert main(["report", "--out", str(out), "--lang", "fa"]) == 0
    return out


def test_the_report_writes_page_figures_and_exports(report_dir):
    names = {p.relative_to(report_dir).as_posix() for p in report_dir.rglob("*") if p.is_file()}
    assert {"report.html", "verification.csv", "tables.csv", "reference_check.csv",
            "chile_trade.xlsx", "figures/report_fa.png", "figures/trade_fa.svg"} <= names
    assert not [n for n in names if n.endswith(".tmp")]


def test_the_page_is_self_contained(report_dir):
    page = (report_dir / "report.html").read_text(encoding="utf-8")
    assert '<html lang="fa" dir="rtl">' in page
    assert "Content-Security-Policy" in page
    # Nothing is loaded from elsewhere: every src is a data URI, no link or script tag.
    assert re.findall(r'src="(?!data:)', page) == []
    assert "<link" not in page
    assert "<script" not in page
    assert page.count('src="data:image/png;base64,') == 5


def test_the_excel_workbook_has_right_to_left_persian_sheets(report_dir):
    book = openpyxl.load_workbook(report_dir / "chile_trade.xlsx")
    assert book.sheetnames == ["verification", "tables", "reference_check"]
    assert all(sheet.sheet_view.rightToLeft for sheet in book.worksheets)
    # headers in the report's language, one per column of the CSV export
    heads = [cell.value for cell in book["verification"][1]]
    assert heads[:4] == ["منبع (پرونده:سطر)", "شناسه رقم", "رقم (انگلیسی)", "رقم"]
    assert len(heads) == len(pd.read_csv(report_dir / "verification.csv").columns)
    csv = pd.read_csv(report_dir / "verification.csv")
    assert book["verification"].max_row == len(csv) + 1  # header + one row per figure


def test_the_csv_exports_hold_both_verdicts(report_dir):
    verdicts = pd.read_csv(report_dir / "verification.csv")
    assert {"verdict", "reference_verdict", "reference_source"} <= set(verdicts.columns)


def _chromium(tmp_path):
    """Headless Chromium (Debian's, which make test installs), with no network chatter."""
    if shutil.which(CHROMIUM) is None or shutil.which(CHROMEDRIVER) is None:
        pytest.fail("Chromium is needed: apt-get install chromium chromium-driver "
                    "(make test installs it)")
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run",
                 f"--user-data-dir={tmp_path / 'profile'}", "--window-size=1280,1600"):
        options.add_argument(flag)
    return webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)


def test_the_page_renders_in_headless_chromium(report_dir, tmp_path):
    driver = _chromium(tmp_path)
    try:
        driver.get((report_dir / "report.html").as_uri())
        title = driver.execute_script("return document.getElementById('title').innerText")
        assert title.startswith("تجارت شیلی با آمریکا")
        assert driver.execute_script(
            "return getComputedStyle(document.body).direction") == "rtl"
        images = driver.execute_script(
            "return [...document.images].map(i => [i.complete, i.naturalWidth])")
        assert len(images) == 5
        assert all(done and width > 500 for done, width in images)
        rows = driver.execute_script(
            "return document.querySelectorAll('#verdicts tbody tr').length")
        assert rows == 7
        visible = driver.execute_script(
            "const t = document.querySelector('#verdicts table').getBoundingClientRect();"
            "return t.width > 0 && t.height > 0")
        assert visible
        requests = driver.execute_script(
            "return performance.getEntriesByType('resource').map(e => e.name)"
            ".filter(n => !n.startsWith('data:'))")
        assert requests == []
        screenshot = tmp_path / "report.png"
        driver.save_screenshot(str(screenshot))
    finally:
        driver.quit()
    # The screenshot is a real picture of the page, not a blank one.
    pixels = np.asarray(Image.open(screenshot).convert("L"))
    assert pixels.shape[1] >= 1000
    assert len(np.unique(pixels)) > 50


def test_progress_is_shown_on_a_terminal_only(tmp_path):
    done = subprocess.run([sys.executable, "-m", "chile_trade", "report", "--out",
                           str(tmp_path / "r"), "--lang", "en"],
                          capture_output=True, text=True, encoding="utf-8", check=False)
    assert done.returncode == 0, done.stderr
    assert "[1/4]" not in done.stderr  # stderr is a pipe here, not a terminal
    assert (tmp_path / "r" / "report.html").read_text(encoding="utf-8").startswith(
        '<!DOCTYPE html>\n<html lang="en" dir="ltr">')


# --- the user's documents ---------------------------------------------------------------

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "tables"
# Several partners and reporters, Solar Hijri and fiscal years, two units in one document,
# partners down the rows, two tables in one document (read off the documents' titles).
USER_DOCUMENTS = ("t02_transposed.txt", "t05_fixed_width.txt", "t08_weight_value.txt",
                  "t11_totals_shares.txt", "t12_two_partners.txt", "t20_fiscal_years.txt")


@pytest.fixture(scope="module")
def user_report(tmp_path_factory):
    if not CORPUS.is_dir():
        pytest.fail(f"the tables corpus is expected in {CORPUS}")
    folder = tmp_path_factory.mktemp("documents")
    for name in USER_DOCUMENTS:
        shutil.copy(CORPUS / name, folder / name)
    out = tmp_path_factory.mktemp("user-report")
    assert main(["report", str(folder), "--out", str(out), "--lang", "fa"]) == 0
    return folder, out


def test_the_report_of_the_users_documents_names_their_reporters_and_partners(user_report):
    folder, out = user_report
    page = (out / "report.html").read_text(encoding="utf-8")
    # every document has its section, and each panel's caption names its reporter,
    # partner, unit and calendar as the document gives them
    for name in USER_DOCUMENTS:
        assert f'<h3><bdi dir="ltr">{folder / name}</bdi></h3>' in page
    for caption in ("ترکیه – آلمان · میلیون یورو",
                    "ایران – قزاقستان · میلیون دلار · سال‌های هجری شمسی",
                    "شیلی – چین · هزار تن", "شیلی – چین · میلیون دلار",
                    "شیلی – برزیل · میلیون دلار", "شیلی – پرو · میلیون دلار",
                    "بولیوی · میلیون دلار، فوب", "پاراگوئه · میلیون دلار، سیف",
                    "هند – شیلی · هزار دلار · سال‌های مالی"):
        assert f"<figcaption>{caption}</figcaption>" in page, caption
    # the tables name years in their calendar
    assert "۱۴۰۱ شمسی" in page
    assert "۲۰۱۹-۲۰" in page
    # every figure is listed with its verdict and place
    verdicts = pd.read_csv(out / "verification.csv")
    assert len(verdicts) > 10
    for figure_id in verdicts["id"]:
        assert f'<bdi dir="ltr">{figure_id}</bdi>' in page


def test_the_users_figures_are_numbered_by_panel(user_report):
    _, out = user_report
    names = {p.name for p in (out / "figures").iterdir()}
    # t08 gives two panels (tonnes and dollars): its trade charts are two files
    assert {"trade_1_fa.png", "trade_2_fa.svg", "verification_1_fa.pdf"} <= names
    assert not [n for n in names if n.startswith("report_")]  # no one-page composite
    pngs = sorted(n for n in names if n.endswith(".png"))
    page = (out / "report.html").read_text(encoding="utf-8")
    assert page.count('src="data:image/png;base64,') == len(pngs)


def test_the_users_report_renders_in_headless_chromium(user_report, tmp_path):
    _, out = user_report
    driver = _chromium(tmp_path)
    try:
        driver.get((out / "report.html").as_uri())
        title = driver.execute_script("return document.getElementById('title').innerText")
        images = driver.execute_script(
            "return [...document.images].map(i => [i.complete, i.naturalWidth])")
        rows = driver.execute_script(
            "return document.querySelectorAll('#verdicts tbody tr').length")
        sections = driver.execute_script("return document.querySelectorAll('h3').length")
        wide = driver.execute_script("return document.body.scrollWidth > window.innerWidth")
    finally:
        driver.quit()
    # Six documents; Iran, Turkey, Chile, India and unnamed reporters: a count of partners
    assert title.startswith("تجارت با ")
    assert "طرف تجاری" in title
    assert images
    assert all(done and width > 500 for done, width in images)
    assert rows == len(pd.read_csv(out / "verification.csv"))
    assert sections == len(USER_DOCUMENTS)
    assert not wide  # nothing spills sideways


def test_documents_with_nothing_to_report_get_a_clear_message(tmp_path, capsys):
    empty = tmp_path / "note.txt"
    empty.write_text("این یادداشت جدول و رقم ندارد.\n", encoding="utf-8")
    assert main(["report", str(empty), "--out", str(tmp_path / "out")]) == 2
    err = capsys.readouterr().err
    assert "hold no table and no stated figure" in err
    assert str(empty) in err
    assert not (tmp_path / "out").exists()


def test_a_report_without_tables_still_lists_its_figures(tmp_path, capsys):
    prose = tmp_path / "prose.txt"
    # 120 -> 150 is +25 %, stated as 25 %: exact, without any table
    prose.write_text("صادرات ایران به عمان از ۱۲۰ میلیون دلار در سال ۱۴۰۰ به ۱۵۰ میلیون "
                     "دلار در سال ۱۴۰۱ رسید که ۲۵ درصد افزایش نشان می‌دهد.\n", encoding="utf-8")
    assert main(["report", str(prose), "--out", str(tmp_path / "out"), "--lang", "en"]) == 0
    page = html.unescape((tmp_path / "out" / "report.html").read_text(encoding="utf-8"))
    assert "The documents' stated figures, checked" in page
    assert ">exact<" in page
    assert "The report's tables" not in page


def test_a_wide_table_scrolls_in_its_box_with_its_first_column_in_view(tmp_path):
    from chile_trade import load_reference, load_stated, load_tables, show, verify  # noqa: PLC0415

    result = verify(load_tables(), load_stated(), load_reference())
    page = tmp_path / "show.html"
    page.write_text('<!DOCTYPE html><html><head><meta charset="utf-8"></head><body>'
                    f'{show(result, lang="fa")._repr_html_()}</body></html>', encoding="utf-8")
    driver = _chromium(tmp_path)
    try:
        driver.set_window_size(700, 900)  # an ordinary notebook column, narrower than the table
        driver.get(page.as_uri())
        wide, moved, in_view, lines, spill = driver.execute_script("""
            const box = document.querySelector('.ct-wrap');
            const wide = box.scrollWidth > box.clientWidth;
            box.scrollLeft = -box.scrollWidth;  // right to left: to the far, left end
            const first = box.querySelector('tbody tr td').getBoundingClientRect();
            const frame = box.getBoundingClientRect();
            return [wide, box.scrollLeft, first.left >= frame.left - 1
                    && first.right <= frame.right + 1,
                    [...box.querySelectorAll('span[style*="nowrap"]')].map(s => new Set(
                        [...s.getClientRects()].map(r => Math.round(r.top))).size),
                    document.documentElement.scrollWidth > window.innerWidth];""")
    finally:
        driver.quit()
    assert wide  # the table is wider than its box ...
    assert moved < 0  # ... which scrolled ...
    assert in_view  # ... and the first column is still inside it
    assert lines
    assert set(lines) == {1}  # every formula on one line (its bidi runs share one top)
    assert not spill  # the page itself does not scroll sideways
