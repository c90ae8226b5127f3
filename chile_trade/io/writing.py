"""The output edge: files written whole or not at all, never over anything the user has.

Nothing the package writes may destroy an input or a file that is not a
plain file, leave half a result behind, or hand a spreadsheet a formula:

* `check_output_file` refuses an output path that is one of the inputs,
  would be read back as an input by the next scan of an input folder, or is
  not a regular file (a symbolic link, a FIFO, a device, a folder);
* `write_folder` writes a set of files into a staging folder and moves them
  into place only when every one is written, so a full disk, an error or a
  signal leaves the old files as they were and no temporary behind;
* `spreadsheet_text` neutralises a text cell that a spreadsheet would run as
  a formula (OWASP "CSV injection").

Functions here raise `InputError` naming the path and what is wrong.
"""

from __future__ import annotations

import os
import re
import shutil
import stat
import tempfile
from collections.abc import Callable, Collection, Iterable, Mapping
from pathlib import Path

from chile_trade.errors import InputError
from chile_trade.io.paths import display_path, file_kind

__all__ = ["check_output_file", "spreadsheet_text", "write_folder"]

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_PLAIN_NUMBER = re.compile(r"-?[0-9]++(?:\.[0-9]++)?")


def _refuse(path: str | os.PathLike[str], message: str) -> InputError:
    return InputError(message, source=display_path(path))


def _same_input(info: os.stat_result, inputs: Iterable[Path]) -> Path | None:
    """The input that is the file ``info`` describes (same device and inode), if any."""
    for path in inputs:
        try:
            other = os.stat(path)
        except OSError:
            continue
        if (other.st_dev, other.st_ino) == (info.st_dev, info.st_ino):
            return path
    return None


def check_output_file(output: str | os.PathLike[str], *, inputs: Iterable[Path] = (),
                      folders: Iterable[Path] = (),
                      scanned_suffixes: Collection[str] = ()) -> None:
    """Refuse an output path whose writing could destroy something or be read back.

    Parameters
    ----------
    output : path
        Where the output is to be written.
    inputs : iterable of Path
        Every file the run reads.
    folders : iterable of Path
        Folders given as input: an output inside one of them, with a suffix
        the scan reads (``scanned_suffixes``), would be read as a document
        by the next run over that folder.
    scanned_suffixes : collection of str
        Lower-case suffixes a folder scan reads (``'.txt'``).

    Raises
    ------
    InputError
        If ``output`` is a symbolic link or exists and is not a regular file,
        is the same file as an input (also through another name or a hard
        link), or lies inside an input folder with a scanned suffix.
    """
    try:
        info = os.lstat(output)
    except FileNotFoundError:
        info = None
    except OSError as exc:
        raise _refuse(output, f"cannot write: {exc.strerror or exc}") from None
    if info is not None:
        if not stat.S_ISREG(info.st_mode):  # a symbolic link too: lstat does not follow it
            raise _refuse(output, f"the output is {file_kind(info.st_mode)}, not a regular file; "
                                  "leave out --output to write to stdout")
        same = _same_input(info, inputs)
        if same is not None:
            raise _refuse(output, "the output is an input of this run "
                                  f"({display_path(same)}); choose another name")
    real = Path(os.path.realpath(output))
    if real.suffix.lower() in scanned_suffixes:
        for folder in folders:
            if real.is_relative_to(os.path.realpath(folder)):
                raise _refuse(output, f"the output lies inside the input folder "
                                      f"{display_path(folder)} and would be read as a document "
                                      "by the next run over it; write it elsewhere")


def _write_file(path: Path, content: bytes) -> None:
    with open(path, "xb") as handle:
        handle.write(content)
        handle.flush()
        os.fsync(handle.fileno())


def _check_target(out: Path, name: str, inputs: Iterable[Path]) -> None:
    """Refuse a path under ``out`` where an output file cannot go, or would replace an
    input, before anything is written."""
    target = out / name
    for folder in target.relative_to(out).parents[:-1]:  # figures/ of figures/a.png
        if (out / folder).exists() and not (out / folder).is_dir():
            raise _refuse(out / folder, "a file stands where an output folder goes; move it away")
    try:
        info = os.lstat(target)
    except FileNotFoundError:
        return
    if not stat.S_ISREG(info.st_mode):
        raise _refuse(target, f"{file_kind(info.st_mode)} stands where an output file goes; "
                              "move it away")
    same = _same_input(info, inputs)
    if same is not None:
        raise _refuse(target, f"writing here would replace an input of this run "
                              f"({display_path(same)})")


def write_folder(out_dir: str | os.PathLike[str], files: Mapping[str, bytes], *,
                 inputs: Iterable[Path] = (),
                 before_moving: Callable[[], None] = lambda: None) -> None:
    """Write every file into ``out_dir``, all of them or none.

    The files are written (and synced) into a staging folder first: beside
    ``out_dir`` when it does not exist yet, which is then renamed to it; or
    inside it, from where each file is renamed into place once all are
    written. A failure or a signal before that point removes the staging
    folder and leaves ``out_dir`` as it was. Files in ``out_dir`` that are not
    among ``files`` are kept.

    Parameters
    ----------
    out_dir : path
        The output folder; created with its parents if missing.
    files : mapping of str to bytes
        Relative path (``figures/a.png``) to content.
    inputs : iterable of Path
        Files the run read: none of them may be replaced.
    before_moving : callable
        Called when every file is written, before any is moved into place; an
        exception it raises leaves ``out_dir`` as it was.

    Raises
    ------
    InputError
        If ``out_dir`` is not a folder, a path the files go to holds
        something other than a regular file or holds an input, or a file
        cannot be written (the operating system's reason).
    """
    out = Path(out_dir)
    inputs = list(inputs)
    exists = out.exists()
    if exists and not out.is_dir():
        raise _refuse(out, "the output folder exists and is not a folder")
    if exists:
        for name in files:
            _check_target(out, name, inputs)
    staging: Path | None = None
    try:
        parent = out if exists else out.absolute().parent
        parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(dir=parent, prefix=f".{out.name}.", suffix=".staging"))
        for name, content in files.items():
            (staging / name).parent.mkdir(parents=True, exist_ok=True)
            _write_file(staging / name, content)
        before_moving()
        if not exists:
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(staging, 0o777 & ~umask)  # as a newly made folder would be
            os.rename(staging, out)
            staging = None
            return
        for name in files:
            (out / name).parent.mkdir(parents=True, exist_ok=True)
            os.replace(staging / name, out / name)
    except OSError as exc:
        raise _refuse(out, f"cannot write: {exc.strerror or exc}") from None
    finally:
        if staging is not None:
            shutil.rmtree(staging, ignore_errors=True)


def spreadsheet_text(text: str) -> str:
    """Text for a CSV cell that no spreadsheet runs as a formula.

    A cell starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage
    return is a formula to Excel, LibreOffice and Google Sheets (OWASP "CSV
    injection"); it gets a leading ``'``, which they show as text. A plain
    decimal number (``-12``, ``-3.5``) is left as it is: it is the number it
    reads as.

    Examples
    --------
    >>> spreadsheet_text("=cmd|' /C calc'!A0"), spreadsheet_text("@SUM(A1)")
    ("'=cmd|' /C calc'!A0", "'@SUM(A1)")
    >>> spreadsheet_text("-12"), spreadsheet_text("-9075/503"), spreadsheet_text("آمریکا")
    ('-12', "'-9075/503", 'آمریکا')
    """
    if text.startswith(_FORMULA_START) and not _PLAIN_NUMBER.fullmatch(text):
        return "'" + text
    return text
