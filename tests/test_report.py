"""The main job: chile-trade report, its HTML page in a real browser, and its exports."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys

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
    csv = pd.read_csv(report_dir / "verification.csv")
    assert book["verification"].max_row == len(csv) + 1  # header + one row per figure


def test_the_csv_exports_hold_both_verdicts(report_dir):
    verdicts = pd.read_csv(report_dir / "verification.csv")
    assert {"verdict", "reference_verdict", "reference_source"} <= set(verdicts.columns)


def test_the_page_renders_in_headless_chromium(report_dir, tmp_path):
    if shutil.which(CHROMIUM) is None or shutil.which(CHROMEDRIVER) is None:
        pytest.fail("Chromium is needed: apt-get install chromium chromium-driver "
                    "(make test installs it)")
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run",
                 f"--user-data-dir={tmp_path / 'profile'}", "--window-size=1280,1600"):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
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
