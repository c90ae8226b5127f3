"""Signals stop a run even where Python drops the exception they raise."""

from __future__ import annotations

import os
import signal
import sys

import pytest

from chile_trade import commands, interrupts
from chile_trade.cli import main
from chile_trade.interrupts import Interrupted, check, deferred, stop_on_signals


class _SignalledWhileDeleted:
    """An object whose destructor receives SIGTERM: the handler's exception is raised
    inside ``__del__``, where Python prints it and drops it."""

    def __del__(self):
        os.kill(os.getpid(), signal.SIGTERM)


def test_a_signal_whose_exception_python_drops_still_stops_the_run(monkeypatch):
    dropped = []
    monkeypatch.setattr(sys, "unraisablehook", dropped.append)
    with stop_on_signals():
        _SignalledWhileDeleted()  # deleted at once: the signal lands in __del__
        assert [type(d.exc_value) for d in dropped] == [Interrupted]
        with pytest.raises(Interrupted) as info:
            check()  # the run's next commit point raises it again
    assert info.value.signum == signal.SIGTERM
    # Outside the block the previous handlers are back, and nothing is remembered.
    assert signal.getsignal(signal.SIGTERM) is not interrupts._stop
    with stop_on_signals():
        check()


def test_a_signal_during_an_import_is_raised_when_the_import_is_done():
    # Libraries turn an exception raised inside their import into another error: a signal
    # there is only noted, and raised once the block of imports ends.
    steps = []

    def imports():
        with deferred():
            os.kill(os.getpid(), signal.SIGHUP)  # the handler runs here, and only notes it
            steps.append("the import went on")

    with stop_on_signals():
        with pytest.raises(Interrupted) as info:
            imports()
        steps.append("after the block")
    assert steps == ["the import went on", "after the block"]
    assert info.value.signum == signal.SIGHUP


def test_a_report_whose_signal_was_dropped_leaves_the_old_report(tmp_path, monkeypatch,
                                                                capsys):
    monkeypatch.setattr(sys, "unraisablehook", lambda _: None)
    out = tmp_path / "out"
    out.mkdir()
    (out / "report.html").write_text("old report", encoding="utf-8")
    drawn = commands.excel_workbook

    def workbook_then_signal(*args, **kwargs):
        _SignalledWhileDeleted()
        return drawn(*args, **kwargs)

    monkeypatch.setattr(commands, "excel_workbook", workbook_then_signal)
    assert main(["report", "--out", str(out), "--lang", "en"]) == 128 + signal.SIGTERM
    assert capsys.readouterr().err == "chile-trade: stopped by SIGTERM; nothing written\n"
    assert [p.name for p in out.iterdir()] == ["report.html"]
    assert (out / "report.html").read_text(encoding="utf-8") == "old report"
    assert [p.name for p in tmp_path.iterdir()] == ["out"]
