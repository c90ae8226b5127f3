"""Whole archives: folders, many files, bad files skipped, limits, atomic output."""

from __future__ import annotations

import json
import os
import stat

import pandas as pd
import pytest

from chile_trade.cli import main
from chile_trade.errors import InputError
from chile_trade.io import archive, reading
from chile_trade.io.reading import read_document

GOOD = "جدول صادرات به ژاپن (میلیون دلار، فوب)\n۲۰۰۴ ۲۰۰۵ درصد تغییرات\n۱۰۰ ۱۱۰ ٪۱۰\n"


def _archive(root):
    (root / "a").mkdir()
    (root / "a" / "b").mkdir()
    (root / "a" / "one.txt").write_text(GOOD, encoding="utf-8")
    (root / "a" / "b" / "two.txt").write_text(GOOD.replace("۱۱۰ ٪۱۰", "۱۲۰ ٪۲۰"),
                                              encoding="utf-8")
    (root / "a" / "b" / "bad.txt").write_text(GOOD.replace("۱۱۰", "۱۱o"), encoding="utf-8")
    (root / "a" / "notes.json").write_text("not a document", encoding="utf-8")  # not scanned
    return root / "a"


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_a_folder_is_read_recursively_and_a_bad_file_is_skipped(tmp_path, capsys):
    folder = _archive(tmp_path)
    code, out, err = run(capsys, "verify", "--format", "json", "--keep-going", str(folder))
    assert code == 3  # done, with a file skipped
    assert err == f"{folder / 'b' / 'bad.txt'}:3: unparsable number '۱۱o' (skipped)\n"
    records = json.loads(out)
    # b/two.txt before one.txt (sorted paths); (120 - 100) / 100 = 20 % and 10 %: both exact
    assert [(r["source"], r["verdict"]) for r in records] == [
        (f"{folder / 'b' / 'two.txt'}:3", "exact"), (f"{folder / 'one.txt'}:3", "exact")]


def test_without_keep_going_a_bad_file_stops_the_run_and_nothing_is_written(tmp_path, capsys):
    folder = _archive(tmp_path)
    target = tmp_path / "out.json"
    code, out, err = run(capsys, "tables", "--format", "json", "--output", str(target),
                         str(folder))
    assert (code, out) == (2, "")
    assert err.startswith(f"{folder / 'b' / 'bad.txt'}:3: ")
    assert not target.exists()


def test_output_is_written_atomically_and_the_same_with_any_number_of_workers(tmp_path, capsys):
    folder = _archive(tmp_path)
    (folder / "b" / "bad.txt").unlink()
    outputs = []
    for jobs in ("1", "2"):
        target = tmp_path / f"out{jobs}.csv"
        assert run(capsys, "verify", "--format", "csv", "--jobs", jobs, "--output",
                   str(target), str(folder))[0] == 0
        outputs.append(target.read_text(encoding="utf-8"))
    assert outputs[0] == outputs[1]
    assert not list(tmp_path.glob(".*.tmp"))
    # The output gets the permissions of any file the user writes, not a temporary's 0600.
    plain = tmp_path / "plain.txt"
    plain.write_text("", encoding="utf-8")
    assert stat.S_IMODE(target.stat().st_mode) == stat.S_IMODE(plain.stat().st_mode)


def test_a_file_over_the_size_limit_is_refused_before_reading(tmp_path, monkeypatch):
    monkeypatch.setattr(reading, "MAX_FILE_BYTES", 64)
    big = tmp_path / "big.txt"
    big.write_text(GOOD * 3, encoding="utf-8")
    with pytest.raises(InputError, match=r"big\.txt: file is 3\d\d bytes; the limit is 64"):
        read_document(big)


def test_a_very_long_line_is_refused_with_its_number(tmp_path, monkeypatch):
    monkeypatch.setattr(reading, "MAX_LINE_CHARS", 100)
    long = tmp_path / "long.txt"
    long.write_text("سطر\n" + "ا" * 101 + "\n", encoding="utf-8")
    with pytest.raises(InputError,
                       match=r"long\.txt:2: line is longer than the limit of 100 characters"):
        read_document(long)


@pytest.mark.parametrize("fmt", ["json", "csv", "text"])
def test_output_does_not_depend_on_how_files_are_batched(tmp_path, capsys, monkeypatch, fmt):
    folder = _archive(tmp_path)
    (folder / "b" / "bad.txt").unlink()
    for i in range(3):
        (folder / f"more{i}.txt").write_text(GOOD, encoding="utf-8")
    outputs = []
    for size in (1, 2, 64):
        monkeypatch.setattr(archive, "BATCH_FILES", size)
        code, out, _ = run(capsys, "verify", "--format", fmt, "--jobs", "1", str(folder))
        assert code == 0
        outputs.append(out)
    assert outputs[0] == outputs[1] == outputs[2]
    if fmt == "json":
        # b/two.txt, more0-2.txt, one.txt: five documents with one stated change each.
        records = json.loads(outputs[0])
        assert len(records) == 5
        # Written a record at a time, the text is what dumping the whole list gives.
        assert outputs[0] == json.dumps(records, ensure_ascii=False, indent=2) + "\n"
    elif fmt == "csv":
        assert len(outputs[0].splitlines()) == 1 + 5  # one header
    else:
        assert outputs[0].endswith("5 stated figures: 5 exact, 0 within_rounding, "
                                   "0 inconsistent, 0 unverifiable\n")


def test_a_bad_file_after_written_batches_still_leaves_nothing(tmp_path, capsys, monkeypatch):
    monkeypatch.setattr(archive, "BATCH_FILES", 1)
    folder = tmp_path / "docs"
    folder.mkdir()
    for name in ("a.txt", "b.txt", "c.txt"):
        (folder / name).write_text(GOOD, encoding="utf-8")
    (folder / "d.txt").write_text(GOOD.replace("۱۱۰", "۱۱o"), encoding="utf-8")
    target = tmp_path / "out.json"
    for extra in ([], ["--output", str(target)]):
        code, out, err = run(capsys, "verify", "--format", "json", "--jobs", "1", *extra,
                             str(folder))
        assert (code, out) == (2, "")
        assert err.startswith(f"{folder / 'd.txt'}:3: ")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["docs"]  # no output, no temporary


@pytest.mark.parametrize(("fmt", "expected"), [("json", "[]\n"), ("csv", None)])
def test_when_every_file_is_skipped_the_output_is_still_well_formed(tmp_path, capsys, fmt,
                                                                   expected):
    bad = tmp_path / "bad.txt"
    bad.write_text(GOOD.replace("۱۱۰", "۱۱o"), encoding="utf-8")
    code, out, _ = run(capsys, "verify", "--format", fmt, "--keep-going", str(bad))
    assert code == 3
    if expected is not None:
        assert out == expected
    else:
        assert out.splitlines()[0].startswith("source,id,claim,claim_fa,")
        assert len(out.splitlines()) == 1


def test_every_kind_of_bad_file_is_skipped_with_its_name_and_the_run_goes_on(tmp_path, capsys):
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "a_good.txt").write_text(GOOD, encoding="utf-8")
    bad = {
        "digits308.txt": GOOD.replace("۱۰۰ ", "۱" + "۰" * 307 + " "),
        "decimals.txt": GOOD.replace("۱۰۰ ", "۱۰۰/" + "۵" * 5000 + " "),
        "years20.txt": "رشدی ۹۰ درصدی نسبت به ۱۲۳۴۵۶۷۸۹۰۱۲۳۴۵۶۷۸۹۰ سال قبل\n",
        "years5000.txt": f"رشدی ۹۰ درصدی نسبت به {'۱' * 5000} سال قبل\n",
        "superscript.txt": "سهم ۱¹۹٪ از کل\n",
        "utf32.txt": GOOD.encode("utf-32"),
    }
    for name, content in bad.items():
        path = folder / name
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    os.mkfifo(folder / "pipe.txt")
    # A good document whose name is not UTF-8: read, and named with the byte escaped.
    (folder / os.fsdecode(b"z-\xff.txt")).write_text(GOOD, encoding="utf-8")
    code, out, err = run(capsys, "verify", "--format", "json", "--keep-going", "--jobs", "1",
                         str(folder))
    assert code == 3
    skipped = sorted(line.split(":", 1)[0].rsplit("/", 1)[1] for line in err.splitlines())
    assert skipped == sorted([*bad, "pipe.txt"])
    assert all(line.endswith(" (skipped)") for line in err.splitlines())
    assert [r["source"].rsplit("/", 1)[1] for r in json.loads(out)] == [
        "a_good.txt:3", "z-\\xff.txt:3"]


def test_json_output_has_no_bare_infinity_or_nan(capsys):
    from chile_trade.commands import _formatted  # noqa: PLC0415 - the writer itself

    frame = pd.DataFrame({"computed": [float("inf"), float("-inf"), float("nan"), 1.5]})
    text = "".join(_formatted([frame], "json"))

    def refuse(constant):
        raise AssertionError(f"not JSON: {constant}")

    assert [r["computed"] for r in json.loads(text, parse_constant=refuse)] == [
        None, None, None, 1.5]
