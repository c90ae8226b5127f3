"""A font with full Persian coverage, found without network.

Well-known Persian fonts are used when installed; otherwise DejaVu Sans,
which ships with matplotlib and covers Persian letters, digits and the
Arabic presentation forms. A user can pass a font file. A character the
chosen font lacks is an error naming the character, never an empty box.
"""

from __future__ import annotations

import functools
import unicodedata
from pathlib import Path

import matplotlib
from matplotlib import font_manager
from matplotlib.ft2font import FT2Font

from chile_trade.io.paths import require_regular_file

__all__ = ["PREFERRED_FAMILIES", "check_coverage", "find_font", "font_properties"]

PREFERRED_FAMILIES = ("Vazirmatn", "Vazir", "Noto Sans Arabic", "Noto Naskh Arabic", "Sahel")
BUNDLED_FONT = Path(matplotlib.get_data_path(), "fonts", "ttf", "DejaVuSans.ttf")
# Characters that are never drawn as glyphs: controls that only steer layout.
_INVISIBLE = set("\u200c\u200d\u200e\u200f\u061c\n")


def find_font(font_file: str | Path | None = None) -> Path:
    """The font file for Persian labels.

    Parameters
    ----------
    font_file : str or Path, optional
        A font file to use; it must exist and be readable by FreeType.

    Returns
    -------
    Path
        ``font_file``, else the first installed family of
        `PREFERRED_FAMILIES`, else matplotlib's own DejaVu Sans.

    Raises
    ------
    ValueError
        If ``font_file`` is given but is not a readable font.
    """
    if font_file is not None:
        path = Path(font_file)
        require_regular_file(path)  # FreeType would wait on a FIFO
        try:
            FT2Font(str(path))
        except (OSError, RuntimeError, ValueError) as exc:
            raise ValueError(f"font_file {str(path)!r} is not a readable font: {exc}") from None
        return path
    for family in PREFERRED_FAMILIES:
        try:
            found = font_manager.findfont(font_manager.FontProperties(family=family),
                                          fallback_to_default=False)
        except ValueError:
            continue
        return Path(found)
    return BUNDLED_FONT


def font_properties(font_file: str | Path | None = None) -> font_manager.FontProperties:
    """`matplotlib.font_manager.FontProperties` for the font `find_font` picks."""
    return font_manager.FontProperties(fname=str(find_font(font_file)))


@functools.cache
def _charmap(path: str) -> frozenset[int]:
    return frozenset(FT2Font(path).get_charmap())


@functools.lru_cache(maxsize=8192)
def check_coverage(text: str, font_file: str | Path) -> None:
    """Raise if ``font_file`` lacks a glyph for a character of ``text``.

    Raises
    ------
    ValueError
        Naming the first missing character, its code point and the font.

    Examples
    --------
    >>> check_coverage("صادرات ۱۹۹۵ ٪", BUNDLED_FONT)
    >>> check_coverage("漢", BUNDLED_FONT)
    Traceback (most recent call last):
    ...
    ValueError: font DejaVuSans.ttf has no glyph for '漢' (U+6F22 CJK UNIFIED IDEOGRAPH-6F22)
    """
    charmap = _charmap(str(font_file))
    for ch in text:
        if ch not in _INVISIBLE and ord(ch) not in charmap:
            name = unicodedata.name(ch, "unnamed")
            raise ValueError(f"font {Path(font_file).name} has no glyph for {ch!r} "
                             f"(U+{ord(ch):04X} {name})")
