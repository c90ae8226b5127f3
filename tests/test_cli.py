"""The command line as users and CI pipelines call it."""

from __future__ import annotations

import codecs
import contextlib
import json
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from chile_trade.cli import main

SEED = "002_be3af3bae581de8e.txt"
JSON_KEYS = {"source", "claim", "stated", "computed", "computed_low", "computed_high",
             "verdict", "explanation"}
GOOD = "جدول صادرات به ژاپن (میلیون دلار، فوب)\n۲۰۰۴ ۲۰۰۵ درصد تغییرات\n۱۰۰ ۱۱۰ ٪۱۰\n"


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_verify_json_reports_every_stated_figure_of_the_shipped_data(capsys):
    code, out, err = run(capsys, "verify", "--format", "json")
    assert (code, err) == (0, "")
    records = json.loads(out)
    assert all(set(r) >= JSON_KEYS for r in records)
    verdicts = {(r["source"], r["stated"]): r["verdict"] for r in records}
    assert verdicts == {
        (f"{SEED}:5", 25): "unverifiable",
        (f"{SEED}:14", 18): "exact",
        (f"{SEED}:14", 14.4): "unverifiable",
        (f"{SEED}:19", 43.8): "within_rounding",
        (f"{SEED}:19", 24.7): "inconsistent",
        (f"{SEED}:22", 20): "inconsistent",
        (f"{SEED}:22", 160): "unverifiable",
    }
    export_change = next(r for r in records if r["stated"] == 18)
    assert export_change["computed_exact"] == "9075/503"  # 36300 / 2012 in lowest terms
    assert export_change["computed"] == pytest.approx(36300 / 2012)


def test_verify_on_the_seed_files_gives_what_the_shipped_data_gives(capsys, seeds_dir):
    _, shipped, _ = run(capsys, "verify", "--format", "csv")
    code, from_files, err = run(capsys, "verify", "--format", "csv",
                                *sorted(str(p) for p in seeds_dir.glob("*.txt")))
    # The two seed documents of prose alone are named on stderr, nothing else is said.
    assert code == 0
    assert err == "".join(f"{seeds_dir / name}: no table and no stated figure found\n"
                          for name in ("000_46cd74784f4a867c.txt", "001_fe855e31085db1d2.txt"))
    prefix = f"{seeds_dir}/"
    assert from_files.replace(prefix, "") == shipped


def test_strict_exits_1_on_an_inconsistent_figure_and_0_otherwise(capsys, tmp_path):
    assert run(capsys, "verify", "--strict")[0] == 1
    assert run(capsys, "verify")[0] == 0
    good = tmp_path / "good.txt"
    good.write_text(GOOD, encoding="utf-8")
    code, out, _ = run(capsys, "verify", "--strict", str(good))
    assert code == 0
    assert "1 stated figures: 1 exact" in out


def test_tables_prints_tidy_rows(capsys, tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(GOOD, encoding="utf-8")
    code, out, _ = run(capsys, "tables", "--format", "json", str(good))
    assert code == 0
    rows = json.loads(out)
    assert [(r["source"], r["partner_en"], r["flow"], r["year"], r["value"], r["unit"])
            for r in rows] == [
        (f"{good}:3", "Japan", "export", 2004, 100.0, "million USD"),
        (f"{good}:3", "Japan", "export", 2005, 110.0, "million USD"),
    ]
    code, out, _ = run(capsys, "tables", "--format", "csv", str(good))
    assert out.splitlines()[0] == ("source,reporter,reporter_en,partner,partner_en,flow,series,"
                                   "year,calendar,fiscal_year,value,value_text,unit,valuation,raw")


@pytest.mark.parametrize(
    ("content", "where", "message"),
    [
        (GOOD.replace("۱۰۰ ۱۱۰ ٪۱۰", "۱۰۰ ۱۱۰"), ":3: ",
         "value line has 2 values but the header at line 2 has 3 columns"),
        (GOOD.replace("۱۱۰", "۱۱o"), ":3: ", "unparsable number '۱۱o'"),
        (GOOD.encode("utf-8")[:9] + b"\xff" + GOOD.encode("utf-8")[10:], ": ",
         "invalid UTF-8 at byte offset 9"),
        ("Ventas: 18 % más en 2005".encode("cp1252"), ": ", "not Persian text in Windows-1256"),
    ],
)
def test_bad_input_exits_2_with_file_line_and_writes_nothing(capsys, tmp_path, content, where,
                                                            message):
    good = tmp_path / "a_good.txt"
    good.write_text(GOOD, encoding="utf-8")
    bad = tmp_path / "bad.txt"
    if isinstance(content, bytes):
        bad.write_bytes(content)
    else:
        bad.write_text(content, encoding="utf-8")
    for command in ("verify", "tables"):
        code, out, err = run(capsys, command, "--format", "json", str(good), str(bad))
        assert code == 2
        assert out == ""
        assert err.startswith(f"{bad}{where}")
        assert message in err


def test_an_unreadable_path_exits_2(capsys, tmp_path):
    for path, message in ((tmp_path / "absent.txt", "no such file or folder"),
                          (tmp_path, "folder holds no documents (*.txt, *.md, *.html")):
        code, out, err = run(capsys, "verify", str(path))
        assert (code, out) == (2, "")
        assert err.startswith(f"{path}: {message}")


@pytest.mark.parametrize(
    "data",
    [
        codecs.BOM_UTF8 + GOOD.replace("\n", "\r\n").encode("utf-8"),
        GOOD.encode("utf-16"),
        GOOD.translate(str.maketrans("۰۱۲۳۴۵۶۷۸۹٪ی", "0123456789%ي")).encode("cp1256"),
    ],
)
def test_documents_in_other_encodings_give_the_same_tables(capsys, tmp_path, data):
    path = tmp_path / "doc.txt"
    path.write_bytes(data)
    code, out, err = run(capsys, "tables", "--format", "json", str(path))
    assert (code, err) == (0, "")
    assert [r["value"] for r in json.loads(out)] == [100.0, 110.0]


def test_python_dash_m_runs_the_same_command():
    done = subprocess.run([sys.executable, "-m", "chile_trade", "verify", "--lang", "fa"],
                          capture_output=True, text=True, encoding="utf-8", check=False)
    assert done.returncode == 0, done.stderr
    assert "گرد می‌شود" in done.stdout
    assert done.stdout.rstrip().endswith(
        "7 stated figures: 1 exact, 1 within_rounding, 2 inconsistent, 3 unverifiable")


# ---------------------------------------------------------------- signals


def _children(pid):
    """Processes whose parent is ``pid`` (from /proc)."""
    found = []
    for stat_file in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat_file.read_text().rsplit(")", 1)[1].split()
        except OSError:  # gone meanwhile
            continue
        if int(fields[1]) == pid:
            found.append(int(stat_file.parent.name))
    return found


def _running(pid):
    """Whether ``pid`` is a live process (a zombie waiting to be reaped is not)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def _catches(pid, signum):
    """Whether process ``pid`` has a handler for ``signum`` (the kernel's SigCgt mask)."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return False
    caught = int(re.search(r"^SigCgt:\s*([0-9a-f]+)$", status, re.MULTILINE).group(1), 16)
    return bool(caught >> (signum - 1) & 1)


def _signalled_once_ready(argv, signum):
    """Run the command line and send it ``signum`` as soon as it answers signals:
    (exit code, stdout bytes, stderr text)."""
    proc = subprocess.Popen([sys.executable, "-m", "chile_trade", *argv],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        _wait_until(lambda: _catches(proc.pid, signal.SIGTERM), proc)
        proc.send_signal(signum)
        out, err = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    return proc.returncode, out, err.decode()


def _wait_until(condition, proc, seconds=60):
    deadline = time.monotonic() + seconds
    while not condition():
        assert proc.poll() is None, proc.communicate()
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.05)


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP, signal.SIGINT])
def test_a_signal_stops_an_archive_run_its_workers_and_its_temporary_output(tmp_path, signum):
    folder = _long_archive(tmp_path / "docs")
    target = tmp_path / "out.csv"
    proc = subprocess.Popen(
        [sys.executable, "-m", "chile_trade", "verify", str(folder), "--jobs", "2",
         "--format", "csv", "--output", str(target)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)
    try:
        _wait_until(lambda: list(tmp_path.glob(".out.csv.*.tmp"))
                    and len(_children(proc.pid)) >= 2, proc)
        workers = _children(proc.pid)
        if signum == signal.SIGINT:
            os.killpg(proc.pid, signum)  # Ctrl-C in a terminal reaches the whole group
        else:
            proc.send_signal(signum)
        # communicate() reads to the end of both pipes: a process still holding one open
        # (an orphaned worker) would make it time out.
        out, err = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
    assert proc.returncode == 128 + signum
    assert err.decode() == f"chile-trade: stopped by {signal.Signals(signum).name}; " \
                           "nothing written\n"
    assert out == b""
    assert sorted(p.name for p in tmp_path.iterdir()) == ["docs"]  # no output, no temporary
    deadline = time.monotonic() + 10
    while any(_running(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not [pid for pid in workers if _running(pid)]


def test_jobs_beyond_the_usable_cores_are_capped_and_said_so(tmp_path, capsys):
    good = tmp_path / "good.txt"
    good.write_text(GOOD, encoding="utf-8")
    cores = len(os.sched_getaffinity(0))
    code, out, err = run(capsys, "verify", "--jobs", str(cores + 5), str(good))
    assert code == 0
    assert err == (f"chile-trade: --jobs {cores + 5} is more than the {cores} usable cores; "
                   f"using {cores}\n")
    assert out.endswith("1 stated figures: 1 exact, 0 within_rounding, 0 inconsistent, "
                        "0 unverifiable\n")
    with pytest.raises(SystemExit) as info:
        main(["verify", "--jobs", "-1", str(good)])
    assert info.value.code == 2
    assert "expected 0 (one per core) or a positive number; got '-1'" in capsys.readouterr().err


def test_a_signal_during_a_report_leaves_the_old_report_as_it_was(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (out / "report.html").write_text("old report", encoding="utf-8")
    code, out_text, err = _signalled_once_ready(["report", "--out", str(out)], signal.SIGTERM)
    assert (code, out_text) == (128 + signal.SIGTERM, b"")
    assert err == "chile-trade: stopped by SIGTERM; nothing written\n"
    assert [p.name for p in out.iterdir()] == ["report.html"]
    assert (out / "report.html").read_text(encoding="utf-8") == "old report"
    assert [p.name for p in tmp_path.iterdir()] == ["out"]  # no staging folder beside it


def _long_archive(folder, documents=200):
    folder.mkdir()
    for i in range(documents):  # 200 tables each: about 0.2 s a document
        (folder / f"{i:03}.txt").write_text((GOOD + "\n") * 200, encoding="utf-8")
    return folder


def test_workers_die_with_a_parent_killed_outright(tmp_path):
    # SIGKILL leaves no time to clean up: the workers must not live on as orphans.
    folder = _long_archive(tmp_path / "docs")
    proc = subprocess.Popen(
        [sys.executable, "-m", "chile_trade", "verify", str(folder), "--jobs", "2",
         "--format", "csv", "--output", str(tmp_path / "out.csv")],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        _wait_until(lambda: len(_children(proc.pid)) >= 2, proc)
        workers = _children(proc.pid)
        proc.kill()
        proc.wait()
        deadline = time.monotonic() + 10
        while any(_running(pid) for pid in workers) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not [pid for pid in workers if _running(pid)]
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)


def test_a_reader_that_stops_reading_ends_the_run_quietly(tmp_path):
    # `chile-trade verify docs | head -1`: no traceback when the pipe closes.
    folder = _long_archive(tmp_path / "docs", documents=20)  # megabytes of JSON
    proc = subprocess.Popen([sys.executable, "-m", "chile_trade", "verify", str(folder),
                             "--format", "json", "--jobs", "1"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    with proc.stderr:
        assert proc.stdout.readline() == b"[\n"
        proc.stdout.close()
        err = proc.stderr.read()
    proc.wait(timeout=120)
    assert proc.returncode == 128 + signal.SIGPIPE
    assert err == b""


def test_the_command_line_answers_signals_before_it_imports_pandas():
    # Everything heavy comes after the signal handlers, so even a Ctrl-C while pandas is
    # being imported ends in one line (and the package's names load when first used).
    code = ("import sys, chile_trade, chile_trade.cli\n"
            "print(sorted(m for m in ('pandas', 'numpy', 'matplotlib') if m in sys.modules))\n"
            "print(all(getattr(chile_trade, name) is not None for name in chile_trade.__all__))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True)
    assert done.stdout == "[]\nTrue\n"


def test_ctrl_c_while_the_command_starts_prints_one_line(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(GOOD, encoding="utf-8")
    # As soon as the handlers are set: pandas is still being imported, or just done.
    code, out, err = _signalled_once_ready(["verify", str(good)], signal.SIGINT)
    assert (code, out) == (130, b"")
    assert err == "chile-trade: stopped by SIGINT; nothing written\n"


@pytest.mark.parametrize("option", ["--reference", "--font"])
def test_a_fifo_given_as_reference_or_font_is_refused_without_waiting(tmp_path, option):
    fifo = tmp_path / "input"
    os.mkfifo(fifo)
    command = "verify" if option == "--reference" else "report"
    # In a child process: a regression would block on the FIFO, and time out here.
    done = subprocess.run([sys.executable, "-m", "chile_trade", command, option, str(fifo)],
                          capture_output=True, text=True, timeout=60, check=False,
                          cwd=tmp_path)
    assert (done.returncode, done.stdout) == (2, "")
    assert done.stderr == f"{fifo}: this is a FIFO (named pipe), not a regular file; " \
                          "give it as a file\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["input"]


US_SHARE = ("جدول میزان صادرات شیلی به آمریکا (میلیون دلار، فوب)\n"
            "۱۹۹۴ ۱۹۹۵ درصدتغییرات ۹۴/۹۵ میزان مشارکت در کل صادرات\n"
            "۲۰۱۲ ۲۳۷۵ %۱۸ ۱۴/۴\n")


@pytest.mark.parametrize("command", ["verify", "tables", "report", "figures"])
def test_help_lists_the_exit_codes_in_the_order_they_win(command, capsys):
    with pytest.raises(SystemExit) as stopped:
        main([command, "--help"])
    assert stopped.value.code == 0
    out = capsys.readouterr().out
    at = [out.index(f"\n  {code} ") for code in ("2", "3", "1", "0")]
    assert at == sorted(at), "2 bad input > 3 skipped > 1 inconsistent > 0"
    assert "128+N" in out


def test_a_skipped_file_is_never_hidden_behind_an_inconsistent_figure(capsys, tmp_path):
    inconsistent = tmp_path / "a.txt"  # (2375 − 2012) / 2012 × 100 = 18.04, not 25
    inconsistent.write_text(US_SHARE.replace("%۱۸", "%۲۵"), encoding="utf-8")
    (tmp_path / "b.md").write_text(  # a table with an unreadable cell
        "جدول ۱- صادرات ایران به عمان (میلیون دلار)\n| شرح | ۱۴۰۰ | ۱۴۰۱ |\n"
        "| صادرات | ۱۲o | ۱۵ |\n", encoding="utf-8")
    code, _, err = run(capsys, "verify", "--strict", "--keep-going", str(tmp_path))
    assert code == 3
    assert err.endswith("(skipped)\n")
    code, _, _ = run(capsys, "verify", "--strict", str(inconsistent))
    assert code == 1


def test_strict_counts_a_figure_inconsistent_with_the_reference(capsys, tmp_path):
    doc = tmp_path / "us.txt"
    doc.write_text(US_SHARE, encoding="utf-8")
    reference = tmp_path / "ref.csv"
    # The document alone: 18 % exact, the share unverifiable (no total): exit 0.
    assert run(capsys, "verify", "--strict", str(doc))[0] == 0
    # 2375 / 20000 × 100 = 11.875, not 14.4: inconsistent against the reference.
    reference.write_text("series,year,value_musd,valuation,source\n"
                         "chile_total_exports,1995,20000,FOB,a test\n", encoding="utf-8")
    code, out, _ = run(capsys, "verify", "--strict", "--reference", str(reference), str(doc))
    assert code == 1
    assert "    reference: INCONSISTENT  2375 / 20000 × 100 = 11.8750%" in out
    assert run(capsys, "verify", "--reference", str(reference), str(doc))[0] == 0
    # 2375 / 16493 × 100 = 14.39999…, which rounds to 14.4.
    reference.write_text("series,year,value_musd,valuation,source\n"
                         "chile_total_exports,1995,16493,FOB,a test\n", encoding="utf-8")
    code, out, _ = run(capsys, "verify", "--strict", "--reference", str(reference), str(doc))
    assert code == 0
    assert "    reference: EXACT" in out


BAD_TABLE = ("جدول ۱- صادرات ایران به عمان (میلیون دلار)\n| شرح | ۱۴۰۰ | ۱۴۰۱ |\n"
             "| صادرات | ۱۲o | ۱۵ |\n")  # '۱۲o': a Latin o for a zero


_COMMAND_RE = re.compile(r"::(error|warning) file=([^,:]+)(?:,line=(\d+))?,title=([^:]+)::(.+)")


def _unescaped(text: str) -> str:
    # GitHub's runner decodes %0D, %0A, %3A, %2C and %25 (the last, last).
    for code, char in (("%0D", "\r"), ("%0A", "\n"), ("%3A", ":"), ("%2C", ","), ("%25", "%")):
        text = text.replace(code, char)
    return text


def test_github_annotations_for_inconsistent_figures_and_skipped_tables(capsys, tmp_path):
    from chile_trade.present.ci import github_escape  # noqa: PLC0415  the escaping itself

    # The workflow-command rules: data escapes %, CR, LF; a property also ":" and ",".
    assert github_escape("a%b\r\nc:d,e") == "a%25b%0D%0Ac:d,e"
    assert github_escape("a%b\r\nc:d,e", prop=True) == "a%25b%0D%0Ac%3Ad%2Ce"
    inconsistent = tmp_path / "a.txt"  # (2375 − 2012) / 2012 × 100 = 18.04, not 25
    inconsistent.write_text(US_SHARE.replace("%۱۸", "%۲۵"), encoding="utf-8")
    bad = tmp_path / "b.md"
    bad.write_text(BAD_TABLE, encoding="utf-8")
    code, out, _ = run(capsys, "verify", "--format", "github", "--keep-going", str(tmp_path))
    assert code == 3
    commands = [_COMMAND_RE.fullmatch(line) for line in out.splitlines()]
    assert all(commands), out
    got = [(m[1], m[2], m[3], m[4], _unescaped(m[5])) for m in commands if m]
    assert got[0][:4] == ("error", str(inconsistent), "3", "inconsistent figure")
    assert got[0][4].startswith("Exports to United States: percent change 1994→1995: "
                                "(2375 − 2012) / 2012 × 100 = 18.042%, no values")
    assert got[1:] == [("warning", str(bad), "3", "skipped", "unparsable number '۱۲o'")]


def test_github_annotation_of_a_word_table_names_its_row(capsys, tmp_path):
    docx = pytest.importorskip("docx")
    document = docx.Document()
    document.add_paragraph("جدول ۱- صادرات ایران به عمان (میلیون دلار)")
    table = document.add_table(rows=2, cols=4)
    # (1500 − 1200) / 1200 × 100 = 25 (24.92 to 25.08 within rounding), not 30.
    for row, texts in zip(table.rows, (["شرح", "۱۴۰۰", "۱۴۰۱", "درصد تغییر"],
                                       ["صادرات", "۱۲۰۰", "۱۵۰۰", "۳۰"]), strict=True):
        for slot, text in zip(row.cells, texts, strict=True):
            slot.text = text
    path = tmp_path / "r.docx"
    document.save(str(path))
    code, out, _ = run(capsys, "verify", "--format", "github", str(path))
    match = _COMMAND_RE.fullmatch(out.strip())
    assert code == 0
    assert match is not None, out
    assert (match[1], match[2], match[3]) == ("error", str(path), None)  # no line in a .docx
    assert _unescaped(match[5]).startswith("table1:row2: Exports to Oman: percent change")


# --- JUnit XML ---------------------------------------------------------------------------

JUNIT_XSD = Path(__file__).resolve().parents[1] / ".cache" / "junit-10.xsd"


@pytest.fixture(scope="module")
def junit_schema():
    etree = pytest.importorskip("lxml.etree")
    if not JUNIT_XSD.is_file():
        pytest.fail(f"{JUNIT_XSD} is fetched by `make test` (pytest's sdist on PyPI carries it)")
    return etree.XMLSchema(etree.parse(str(JUNIT_XSD)))


def _junit(schema, text):
    from lxml import etree  # noqa: PLC0415  (the [html] extra, installed with the tests)

    root = etree.fromstring(text.encode("utf-8"))
    schema.assertValid(root)
    return root


def test_junit_output_validates_and_has_one_case_per_figure(capsys, junit_schema):
    code, out, _ = run(capsys, "verify", "--format", "junit")
    assert code == 0
    root = _junit(junit_schema, out)
    (suite,) = root.findall("testsuite")
    cases = suite.findall("testcase")
    # the seed's seven stated figures; two on line 14, 19 and 22 each get :1 and :2
    assert [c.get("name").split("  ")[0] for c in cases] == [
        f"{SEED}:5:1", f"{SEED}:14:1", f"{SEED}:14:2", f"{SEED}:19:1", f"{SEED}:19:2",
        f"{SEED}:22:1", f"{SEED}:22:2"]
    outcome = [next((child.tag for child in c if child.tag != "system-out"), "passed")
               for c in cases]
    assert outcome == ["skipped", "passed", "skipped", "passed", "failure", "failure",
                       "skipped"]
    assert (suite.get("tests"), suite.get("failures"), suite.get("skipped"),
            suite.get("errors")) == ("7", "2", "3", "0")
    assert (root.get("tests"), root.get("failures"), root.get("errors")) == ("7", "2", "0")
    # 3792 / (2375 / 0.144) × 100 = 22.99149…, to six significant digits
    assert cases[4].find("failure").get("message") == "stated 24.7, computed 22.9915"
    assert cases[0].find("skipped").get("message") == "unverifiable: no figures"


def test_junit_reports_a_skipped_file_as_an_error_and_stays_valid(capsys, tmp_path,
                                                                  junit_schema):
    good = tmp_path / "a\x0b.txt"  # a name with a character XML 1.0 cannot carry, shown escaped
    good.write_text(US_SHARE.replace("%۱۸", "%۲۵"), encoding="utf-8")
    bad = tmp_path / "b.md"
    bad.write_text(BAD_TABLE, encoding="utf-8")
    code, out, _ = run(capsys, "verify", "--format", "junit", "--keep-going", str(tmp_path))
    assert code == 3
    root = _junit(junit_schema, out)
    errors = root.findall("testsuite/testcase/error")
    assert [e.get("message") for e in errors] == ["unparsable number '۱۲o'"]
    assert root.find(f"testsuite[@file='{bad}']/testcase").get("name") == f"{bad}:3  not read"
    # (2375 − 2012) / 2012 × 100 = 18.0417, not 25
    (failure,) = root.findall("testsuite/testcase/failure")
    assert failure.get("message") == "stated 25, computed 18.0417"
    assert failure.getparent().getparent().get("file") == str(good).replace("\x0b", "\\x0b")


def test_junit_counts_a_figure_inconsistent_with_the_reference(capsys, tmp_path, junit_schema):
    doc = tmp_path / "us.txt"
    doc.write_text(US_SHARE, encoding="utf-8")
    reference = tmp_path / "ref.csv"  # 2375 / 20000 × 100 = 11.875, not 14.4
    reference.write_text("series,year,value_musd,valuation,source\n"
                         "chile_total_exports,1995,20000,FOB,a test\n", encoding="utf-8")
    out = run(capsys, "verify", "--format", "junit", "--reference", str(reference),
              str(doc))[1]
    failures = _junit(junit_schema, out).findall("testsuite/testcase/failure")
    assert [f.get("message") for f in failures] == [
        "stated 14.4, computed 11.875 against the reference"]


def test_the_junit_schema_check_can_fail(junit_schema):
    from lxml import etree  # noqa: PLC0415

    # a test case without its required name, and an attribute the schema does not know
    for wrong in ('<testsuites><testsuite name="a" tests="1" failures="0" errors="0">'
                  '<testcase classname="a"/></testsuite></testsuites>',
                  '<testsuites skipped="1"/>'):
        assert not junit_schema.validate(etree.fromstring(wrong))


def test_junit_replaces_characters_xml_cannot_carry(junit_schema):
    from chile_trade.frames import verify  # noqa: PLC0415
    from chile_trade.io.dataset import load_stated, load_tables  # noqa: PLC0415
    from chile_trade.present.ci import junit_xml  # noqa: PLC0415

    result = verify(load_tables(), load_stated())
    result.loc[0, "claim"] = "a\x01b\ud800c"  # a C0 control and a lone surrogate
    root = _junit(junit_schema, "".join(junit_xml([result], [])))
    assert root.find("testsuite/testcase").get("name").endswith("  a\ufffdb\ufffdc")


def test_junit_puts_a_skipped_word_table_in_its_files_suite(capsys, tmp_path, junit_schema):
    docx = pytest.importorskip("docx")
    document = docx.Document()
    for title, cells in (("جدول ۱- صادرات ایران به عمان (میلیون دلار)", ["۱۲۰۰", "۱۵۰۰"]),
                         ("جدول ۲- واردات ایران از عمان (میلیون دلار)", ["۸۰۰", "۷۶x"])):
        document.add_paragraph(title)
        table = document.add_table(rows=2, cols=3)
        for row, texts in zip(table.rows, (["شرح", "۱۴۰۰", "۱۴۰۱"], ["مقدار", *cells]),
                              strict=True):
            for slot, text in zip(row.cells, texts, strict=True):
                slot.text = text
    path = tmp_path / "mixed.docx"
    document.save(str(path))
    code, out, _ = run(capsys, "verify", "--format", "junit", "--keep-going", str(path))
    assert code == 3
    root = _junit(junit_schema, out)
    assert [s.get("file") for s in root.findall("testsuite")] == [str(path)]
    (error,) = root.findall("testsuite/testcase/error")
    assert error.getparent().get("name").startswith(f"{path}:table2")
