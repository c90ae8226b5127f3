"""The one error type the package raises for bad input."""

from __future__ import annotations

__all__ = ["InputError"]


class InputError(ValueError):
    """Bad input, located: ``str(error)`` reads ``file:line: what is wrong``.

    Parameters
    ----------
    message : str
        What is wrong, in one line.
    source : str, optional
        The file (or other name) the input came from.
    line : int, optional
        1-based line number inside ``source``.

    Examples
    --------
    >>> str(InputError("unparsable number '۱۲x'", source="report.txt", line=14))
    "report.txt:14: unparsable number '۱۲x'"
    >>> str(InputError("not a number", line=3))
    '<text>:3: not a number'
    """

    def __init__(self, message: str, *, source: str | None = None, line: int | None = None):
        self.message = message
        self.source = source
        self.line = line
        super().__init__(str(self))

    def located(self, source: str | None = None, line: int | None = None) -> InputError:
        """Return a copy that fills in whatever location this error lacks."""
        return InputError(
            self.message,
            source=self.source if self.source is not None else source,
            line=self.line if self.line is not None else line,
        )

    def __str__(self) -> str:
        where = self.source if self.source is not None else "<text>"
        if self.line is not None:
            where = f"{where}:{self.line}"
        return f"{where}: {self.message}"
