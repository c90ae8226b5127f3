"""Persian strings as the running matplotlib needs them.

matplotlib 3.11 and later lay text out with libraqm (HarfBuzz shaping plus
the Unicode bidi algorithm): a logical Persian string renders correctly as
it is. Earlier versions draw characters one by one, left to right: they need
the string reshaped into presentation forms and reordered into visual order
first. Doing that on a shaping matplotlib reverses every label, so
`display_text` decides by a capability check of the running matplotlib
(`matplotlib_shapes_text`), never by version number or by the user, and
never does both.

Every label is given a right-to-left base direction with a leading RLM, so a
label that starts with a digit or a Latin word still reads right to left.
``$`` is escaped so that no label switches into mathtext, which does not
shape. Negative numbers carry an LRM before the minus sign (as CLDR's
Persian locale does), so the minus stays at the left of the digits inside
right-to-left text (`chile_trade.present.numbers`).

This module is public: pass your own titles and annotations through
`display_text` before handing them to matplotlib.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

import matplotlib
from arabic_reshaper import ArabicReshaper
from bidi.algorithm import get_display
from matplotlib.ft2font import FT2Font
from matplotlib.textpath import TextToPath

from chile_trade.present.numbers import RLM

__all__ = [
    "display_text",
    "logical_text",
    "matplotlib_shapes_text",
    "ordered_line",
    "visual_order",
]

# Marks that steer the bidi algorithm or joining; once the string is in
# visual order with presentation forms, they have done their work and would
# only be drawn as glyphs by a matplotlib that does not shape.
_LAYOUT_CONTROLS = re.compile("[\u200c\u200d\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]")
_RESHAPER = ArabicReshaper(configuration={"delete_harakat": False, "support_ligatures": True})
_ORIGINS: dict[str, str] = {}
_MAX_ORIGINS = 10_000
_PROBE_FONT = Path(matplotlib.get_data_path(), "fonts", "ttf", "DejaVuSans.ttf")


@functools.cache
def matplotlib_shapes_text() -> bool:
    """Whether the running matplotlib shapes and reorders complex text itself.

    The check lays out lam + alef (``لا``) with DejaVu Sans, which ships with
    matplotlib: a shaping layout engine turns the pair into one lam-alef
    ligature glyph, a character-by-character one draws two glyphs.
    """
    glyphs = TextToPath().get_glyphs_with_font(FT2Font(str(_PROBE_FONT)), "لا")[0]
    return len(glyphs) == 1


@functools.lru_cache(maxsize=8192)
def display_text(text: str, *, rtl: bool = True) -> str:
    """Turn a logical string into what the running matplotlib must be given.

    Parameters
    ----------
    text : str
        The string in logical (typing) order, as a Persian writer types it.
    rtl : bool, default True
        Give the label a right-to-left base direction (for Persian labels).
        With ``False`` the text is left to right and passed through as is,
        apart from the ``$`` escape.

    Returns
    -------
    str
        On a matplotlib that shapes text: the logical string behind an RLM.
        On one that does not: reshaped into presentation forms (lam-alef
        ligature, ZWNJ respected, harakat kept), reordered by the bidi
        algorithm with brackets mirrored, and stripped of the now-spent
        control marks. ``$`` is escaped in both cases.

    Examples
    --------
    >>> out = display_text("صادرات (۱۹۹۵)")
    >>> out == ("\\u200fصادرات (۱۹۹۵)" if matplotlib_shapes_text() else "(۱۹۹۵) ﺕﺍﺭﺩﺎﺻ")
    True
    >>> display_text("US$ 5", rtl=False)
    'US\\\\$ 5'
    """
    if "\n" in text:  # each line is its own paragraph, with its own base direction
        shown = "\n".join(display_text(line, rtl=rtl) for line in text.split("\n"))
    elif not rtl:
        shown = text.replace("$", r"\$")
    else:
        shown = ordered_line(text).replace("$", r"\$")
    if len(_ORIGINS) >= _MAX_ORIGINS:
        _ORIGINS.clear()
    _ORIGINS[shown] = text  # cached calls skip this; the entry stays until a clear
    return shown


def ordered_line(line: str) -> str:
    """One right-to-left line in the form the running matplotlib draws as plain text.

    Behind an RLM on a matplotlib that shapes text, in `visual_order` on one
    that does not. Unlike `display_text`, ``$`` is not escaped: this is for
    text that reaches the renderer as plain text (`chile_trade.present.figure`).

    Examples
    --------
    >>> ordered_line("صادرات") == ("\u200fصادرات" if matplotlib_shapes_text()
    ...                             else visual_order("صادرات"))
    True
    >>> "\\\\$" in ordered_line("US$ ۵"), "\\\\$" in display_text("US$ ۵")
    (False, True)
    """
    return RLM + line if matplotlib_shapes_text() else visual_order(line)


def logical_text(shown: str) -> str | None:
    """The logical string `display_text` turned into ``shown``, if it made it.

    Lets a test or a user check what a drawn label was meant to say.

    Examples
    --------
    >>> logical_text(display_text("تراز تجاری"))
    'تراز تجاری'
    """
    return _ORIGINS.get(shown)


def visual_order(text: str) -> str:
    """Reshape and reorder a logical right-to-left string for a non-shaping renderer.

    Presentation forms from arabic-reshaper (harakat kept), visual order
    from python-bidi's ``bidi.algorithm`` (which mirrors brackets) with a
    right-to-left base, then the spent control marks removed.

    Examples
    --------
    >>> visual_order("صادرات (۱۹۹۵)") == "(۱۹۹۵) \ufe95\ufe8d\ufead\ufea9\ufe8e\ufebb"
    True
    >>> visual_order("لا") == "\ufefb"  # the lam-alef ligature
    True
    """
    visual = get_display(_RESHAPER.reshape(RLM + text), base_dir="R")
    return _LAYOUT_CONTROLS.sub("", str(visual))
