"""Any matplotlib figure with Persian text, made right in one call.

`persian_figure` marks a figure so that, whenever it is drawn or measured,
every line of Persian text it holds — titles, axis and tick labels, legend
entries, annotations, table cells, text pandas made from column names — is
given to matplotlib the way the running version needs it
(`chile_trade.present.text.display_text`'s rules), and numbers get Persian
digits if asked. Nothing the user set is changed: the conversion happens in
a thin wrapper around the renderer the figure is drawn with, so
``get_text()`` still returns the logical string and the data keep their
labels. Lines that matplotlib draws as mathtext (``$...$``) or with TeX are
left alone.

`persian_figures` is a context manager for figures made inside it with
pyplot (or pandas, which uses pyplot): it sets matplotlib's
``figure.hooks`` for its duration, so each new figure is marked as it is
made, and stays marked after the block.
"""

from __future__ import annotations

import contextlib
import re
import unicodedata
from collections.abc import Iterator
from typing import Any

import matplotlib as mpl
from matplotlib.axes import Axes
from matplotlib.figure import Figure, SubFigure

from chile_trade.core.vocabulary import TO_PERSIAN
from chile_trade.present.text import logical_text, ordered_line

__all__ = ["DIGITS", "drawn_line", "persian_figure", "persian_figures"]

DIGITS = ("fa", "latin")
_MARK = "_chile_trade_persian"
# A line that is only a number, as tick formatters and bar labels write it.
_NUMBER = re.compile(r"[-+\u2212]?+[0-9]++(?:[.,][0-9]++)*+%?+")
# An ASCII number inside Persian text: digits, and separators between digits; not the
# digits of a Latin word ("CO2", "COVID-19").
_DIGITS_IN_TEXT = re.compile(r"(?<![A-Za-z0-9])(?<![A-Za-z]-)[0-9]++(?:[.,][0-9]++)*+%?+")
# A line of a date or a time as tick formatters write them ("2020-01", "12:30").
_DATE = re.compile(r"[0-9]++(?:[-/:.][0-9]++)++")
_FA_DIGITS = str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")
_BASE_BLOCKS = ((0x0600, 0x06FF), (0x0750, 0x077F), (0x0870, 0x08FF))


def _has_logical_letter(line: str) -> bool:
    """Whether the line holds an Arabic-script letter in logical form.

    A line already shaped (by ``display_text`` or by hand) holds presentation
    forms and no such letter; a symbol of the presentation blocks (the Rial
    sign ﷼) beside logical letters does not make a line shaped.
    """
    return any(any(lo <= ord(ch) <= hi for lo, hi in _BASE_BLOCKS)
               and unicodedata.category(ch) == "Lo" for ch in line)


def drawn_line(line: str, *, digits: str = "fa") -> str:
    """What a Persian figure hands the renderer for one drawn line of plain text.

    Parameters
    ----------
    line : str
        One line as matplotlib draws it (after ``\\$`` unescaping; never
        mathtext).
    digits : {'fa', 'latin'}
        ``'fa'``: a line that is only a number, and the numbers inside a
        Persian line, get Persian digits and separators (``۱٬۲۳۴٫۵``,
        ``۱۸٪``). ``'latin'``: digits are drawn as written.

    Returns
    -------
    str
        A Persian line in the order and form the running matplotlib needs
        (`chile_trade.present.text.ordered_line`); a number, left to right;
        anything else, including text already made by ``display_text`` or
        already in presentation forms, unchanged.

    Examples
    --------
    >>> drawn_line("-1,234.5")
    '−۱٬۲۳۴٫۵'
    >>> drawn_line("1995", digits="latin"), drawn_line("Exports 1995")
    ('1995', 'Exports 1995')
    >>> drawn_line("سهم 18%") == ordered_line("سهم ۱۸٪")
    True
    >>> drawn_line("2020-01"), drawn_line("انتشار CO2") == ordered_line("انتشار CO2")
    ('۲۰۲۰-۰۱', True)
    """
    if digits not in DIGITS:
        raise ValueError(f"digits must be one of {DIGITS}; got {digits!r}")
    if _NUMBER.fullmatch(line):
        return line.translate(TO_PERSIAN) if digits == "fa" else line
    if _DATE.fullmatch(line):  # digits only: a date's hyphens are not minus signs
        return line.translate(_FA_DIGITS) if digits == "fa" else line
    if not _has_logical_letter(line):
        return line  # not Persian, or already shaped (presentation forms only)
    if logical_text(line) is not None or logical_text(line.replace("$", r"\$")) is not None:
        return line  # made by display_text already
    if digits == "fa":
        line = _DIGITS_IN_TEXT.sub(lambda m: m.group().translate(TO_PERSIAN), line)
    return ordered_line(line)


class _ShapingTextToPath:
    """A renderer's ``_text2path`` that shapes the strings it turns into paths.

    Text drawn with path effects reaches the renderer through
    `matplotlib.patheffects.PathEffectRenderer`, which turns it into a path
    with the renderer's ``_text2path`` rather than calling ``draw_text``.
    """

    def __init__(self, inner: Any, digits: str) -> None:
        self._inner, self._digits = inner, digits

    def __getattr__(self, name: str) -> Any:
        return getattr(self._inner, name)

    def get_text_path(self, prop: Any, s: str, ismath: bool | str = False,
                      **kwargs: Any) -> Any:  # matplotlib 3.11 adds features, language
        if ismath is False:
            s = drawn_line(s, digits=self._digits)
        return self._inner.get_text_path(prop, s, ismath=ismath, **kwargs)


class _PersianRenderer:
    """A renderer that draws and measures plain text lines through `drawn_line`.

    Everything else, attribute writes included, goes to the renderer it wraps.
    """

    def __init__(self, inner: Any, digits: str) -> None:
        object.__setattr__(self, "_inner", inner)
        object.__setattr__(self, "_digits", digits)

    def __getattr__(self, name: str) -> Any:
        if name == "_inner":  # not set yet (a copy being made): no recursion
            raise AttributeError(name)
        return getattr(self._inner, name)

    def __setattr__(self, name: str, value: Any) -> None:
        setattr(self._inner, name, value)

    def _line(self, s: str, ismath: bool | str) -> str:
        return drawn_line(s, digits=self._digits) if ismath is False else s

    def draw_text(self, gc: Any, x: float, y: float, s: str, prop: Any,  # noqa: PLR0917
                  angle: float, ismath: bool | str = False, mtext: Any = None) -> Any:
        # matplotlib's own signature, which callers use positionally
        return self._inner.draw_text(gc, x, y, self._line(s, ismath), prop, angle,
                                     ismath=ismath, mtext=mtext)

    def get_text_width_height_descent(self, s: str, prop: Any, ismath: bool | str) -> Any:
        return self._inner.get_text_width_height_descent(self._line(s, ismath), prop, ismath)

    @property
    def _text2path(self) -> _ShapingTextToPath:
        return _ShapingTextToPath(self._inner._text2path, self._digits)


def _wrapped(renderer: Any, digits: str) -> Any:
    """The shaping wrapper of ``renderer``, one per renderer and digit style.

    Reusing it keeps matplotlib's text-metrics cache, which is keyed on the
    renderer object, warm across redraws.
    """
    if renderer is None or isinstance(renderer, _PersianRenderer):
        return renderer
    slots = getattr(renderer, "__dict__", None)  # a renderer written in C may have none
    kept = slots.get(_MARK) if slots is not None else None
    if kept is None or kept._digits != digits:
        kept = _PersianRenderer(renderer, digits)
        if slots is not None:
            slots[_MARK] = kept
    return kept


class _Through:
    """One of a figure's methods, called with its renderer wrapped.

    Defined at module level (not a closure) so that a marked figure still
    pickles.
    """

    def __init__(self, figure: Figure, name: str) -> None:
        self.figure, self.name = figure, name

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        digits = getattr(self.figure, _MARK)
        method = getattr(type(self.figure), self.name)
        if self.name == "_get_renderer":
            return _wrapped(method(self.figure), digits)
        if args:
            args = (_wrapped(args[0], digits), *args[1:])
        elif kwargs.get("renderer") is not None:
            kwargs["renderer"] = _wrapped(kwargs["renderer"], digits)
        return method(self.figure, *args, **kwargs)


# draw: every drawing; get_tightbbox: savefig(bbox_inches="tight"), which measures
# after drawing; _get_renderer: the layout engines and text measured with no renderer.
_THROUGH = ("draw", "get_tightbbox", "_get_renderer")


def persian_figure(fig: Figure | SubFigure | Axes, *, digits: str = "fa") -> Figure:
    """Make every Persian text of a matplotlib figure draw correctly.

    Parameters
    ----------
    fig : Figure, SubFigure or Axes
        The figure, or any part of it (pandas' ``.plot()`` returns an Axes).
    digits : {'fa', 'latin'}, default 'fa'
        ``'fa'`` draws numeric labels (ticks, bar labels, table cells) and the
        numbers inside Persian text with Persian digits and separators;
        ``'latin'`` draws digits as they are written.

    Returns
    -------
    Figure
        The whole figure, marked. Calling again only updates ``digits``.

    Notes
    -----
    The conversion happens when the figure is drawn or measured, so text
    added later is covered too and ``get_text()`` keeps the logical string.
    Every line with a Persian letter is laid out right to left, even one
    that starts with a Latin word (a Persian figure's labels are Persian
    paragraphs). Lines in Latin script are drawn as they are; mathtext and
    TeX (log-axis ticks among them) are left alone, and a string already
    passed through ``display_text`` is not converted twice. Drawing that goes
    around the figure's own ``draw`` (``draw_artist`` and blitting in
    animations, a renderer taken from ``canvas.get_renderer()``) is not
    converted: pass such labels through ``display_text``.

    Examples
    --------
    >>> import matplotlib.pyplot as plt
    >>> fig, ax = plt.subplots()
    >>> _ = ax.set_title("صادرات (میلیون دلار)")
    >>> persian_figure(ax) is fig, ax.get_title()
    (True, 'صادرات (میلیون دلار)')
    >>> plt.close(fig)
    """
    if digits not in DIGITS:
        raise ValueError(f"digits must be one of {DIGITS}; got {digits!r}")
    root: Any = fig
    while isinstance(root, Axes | SubFigure):
        root = root.figure  # up to the root figure, which draws its subfigures
    if not isinstance(root, Figure):
        raise TypeError(f"persian_figure needs a matplotlib Figure or Axes; got "
                        f"{type(fig).__name__}")
    fig = root
    first = not hasattr(fig, _MARK)
    setattr(fig, _MARK, digits)
    if first:
        for name in _THROUGH:
            setattr(fig, name, _Through(fig, name))
    fig.stale = True
    return fig


def _hook_fa(fig: Figure) -> None:
    persian_figure(fig, digits="fa")


def _hook_latin(fig: Figure) -> None:
    persian_figure(fig, digits="latin")


@contextlib.contextmanager
def persian_figures(*, digits: str = "fa") -> Iterator[None]:
    """Within the block, every figure pyplot (or pandas) makes is a `persian_figure`.

    Examples
    --------
    >>> import matplotlib.pyplot as plt
    >>> with persian_figures():
    ...     fig = plt.figure()
    >>> fig.draw.__class__.__name__
    '_Through'
    >>> plt.close(fig)
    """
    if digits not in DIGITS:
        raise ValueError(f"digits must be one of {DIGITS}; got {digits!r}")
    hook = f"{__name__}:_hook_{digits}"
    mpl.rcParams["figure.hooks"] = [*mpl.rcParams["figure.hooks"], hook]
    try:
        yield
    finally:  # only the hook goes: other settings made in the block stay
        hooks = list(mpl.rcParams["figure.hooks"])
        if hook in hooks:
            hooks.remove(hook)
        mpl.rcParams["figure.hooks"] = hooks
