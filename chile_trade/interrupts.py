"""Signals that stop a run: raised where they land, and looked for again before
anything is committed.

While `stop_on_signals` is active, SIGINT, SIGTERM and SIGHUP raise
`Interrupted` in the main thread, so that every ``finally`` runs (temporary
files removed, workers stopped). Python cannot always deliver that exception:

* raised while a destructor or a weak-reference callback runs, it is printed
  and dropped, and the run would go on to write its output; so the signal is
  also remembered, and `check` raises it again where a run commits what it
  wrote (renaming the output into place, copying it to stdout) and between
  batches;
* raised inside the import of a library, it may come out as another error
  (pandas reports a failed numpy import as an `ImportError`); so heavy
  imports run inside `deferred`, where a signal is only remembered, and
  raised when the block ends.
"""

from __future__ import annotations

import contextlib
import signal
import threading
from collections.abc import Iterator
from types import FrameType

__all__ = ["STOPPING_SIGNALS", "Interrupted", "check", "deferred", "stop_on_signals"]

STOPPING_SIGNALS = (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)


class Interrupted(BaseException):
    """A signal asked the run to stop; ``signum`` says which."""

    def __init__(self, signum: int):
        super().__init__(signum)
        self.signum = signum


class _Run:
    """What the handlers know of the run: whether they are set, whether they may raise
    now, and the signal that stopped it (0 for none yet)."""

    active = False
    raising = True
    received = 0


_run = _Run()


def _stop(signum: int, frame: FrameType | None) -> None:
    if _run.received:
        return  # already stopping: let the clean-up finish
    _run.received = signum
    if _run.raising:
        raise Interrupted(signum)


def check() -> None:
    """Raise `Interrupted` if a signal asked the run to stop (see the module's text)."""
    if _run.received:
        raise Interrupted(_run.received)


@contextlib.contextmanager
def deferred() -> Iterator[None]:
    """A block in which a signal is only remembered, and raised when the block ends."""
    if not _run.active or not _run.raising:
        yield
        return
    _run.raising = False
    try:
        yield
    finally:
        _run.raising = True
    check()


@contextlib.contextmanager
def stop_on_signals() -> Iterator[None]:
    """SIGINT, SIGTERM and SIGHUP stop the run inside this block (main thread only;
    elsewhere the caller's handlers stay); the previous handlers come back after it."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    _run.active, _run.raising, _run.received = True, True, 0
    previous = {signum: signal.signal(signum, _stop) for signum in STOPPING_SIGNALS}
    try:
        yield
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)
        _run.active = False
