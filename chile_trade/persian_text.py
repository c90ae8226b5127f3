"""Persian strings as the running matplotlib needs them, and Persian numbers.

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
right-to-left text.

This module is public: pass your own titles and annotations through
`display_text` before handing them to matplotlib.
"""

from __future__ import annotations

import functools
import re
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import matplotlib
from arabic_reshaper import ArabicReshaper
from bidi.algorithm import get_display
from matplotlib.ft2font import FT2Font
from matplotlib.textpath import TextToPath

__all__ = [
    "LANGS",
    "display_text",
    "format_number",
    "format_percent",
    "format_year",
    "logical_text",
    "matplotlib_shapes_text",
    "visual_order",
]

LANGS = ("fa", "en")
RLM, LRM, ZWNJ = "\u200f", "\u200e", "\u200c"
MINUS = "\u2212"
_PERSIAN = str.maketrans("0123456789.,%", "۰۱۲۳۴۵۶۷۸۹٫٬٪")
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


def _check_lang(lang: str) -> None:
    if lang not in LANGS:
        raise ValueError(f"lang must be one of {LANGS}; got {lang!r}")


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
    elif matplotlib_shapes_text():
        shown = RLM + text.replace("$", r"\$")
    else:
        shown = visual_order(text).replace("$", r"\$")
    if len(_ORIGINS) >= _MAX_ORIGINS:
        _ORIGINS.clear()
    _ORIGINS[shown] = text  # cached calls skip this; the entry stays until a clear
    return shown


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


def format_number(value: float | Decimal, decimals: int = 0, *, lang: str = "fa",
                  grouping: bool = True, sign: bool = False) -> str:
    """Format a number for a chart label in Persian or English style.

    Persian: Persian digits, ``٫`` decimal separator, ``٬`` thousands
    separator, and a minus sign (U+2212) preceded by an LRM so that it stays
    at the left of the digits inside right-to-left text. English: ASCII
    digits, ``,`` and ``.``, and U+2212 for minus.

    Parameters
    ----------
    value : float or Decimal
    decimals : int
        Places after the decimal separator (rounded half away from zero).
    lang : {'fa', 'en'}
    grouping : bool
        Use a thousands separator.
    sign : bool
        Show ``+`` on positive values.

    Examples
    --------
    >>> format_number(-1417, lang="fa") == "\\u200e\\u2212۱٬۴۱۷"
    True
    >>> format_number(43.745, 1, lang="fa"), format_number(1234.5, 1, lang="en")
    ('۴۳٫۷', '1,234.5')
    """
    _check_lang(lang)
    quantum = Decimal(1).scaleb(-decimals)
    number = Decimal(str(value)).quantize(quantum, rounding=ROUND_HALF_UP)
    text = f"{abs(number):,.{decimals}f}" if grouping else f"{abs(number):.{decimals}f}"
    if lang == "fa":
        text = text.translate(_PERSIAN)
    if number < 0:
        text = (LRM if lang == "fa" else "") + MINUS + text
    elif sign and number > 0:
        text = (LRM if lang == "fa" else "") + "+" + text
    return text


def format_percent(value: float | Decimal, decimals: int = 1, *, lang: str = "fa",
                   sign: bool = False) -> str:
    """Format a percentage: ``۴۳٫۸٪`` in Persian, ``43.8%`` in English.

    Examples
    --------
    >>> format_percent(18.04, 0), format_percent(-2.5, 1, lang="en")
    ('۱۸٪', '−2.5%')
    """
    number = format_number(value, decimals, lang=lang, grouping=False, sign=sign)
    return number + ("٪" if lang == "fa" else "%")


def format_year(year: int, *, lang: str = "fa") -> str:
    """A year without grouping: ``۱۹۹۵`` or ``1995``.

    Examples
    --------
    >>> format_year(1995)
    '۱۹۹۵'
    """
    return format_number(year, 0, lang=lang, grouping=False)
