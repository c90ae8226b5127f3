"""A font with full Persian coverage, found without network.

Persian labels use a typeface made for Persian when one is installed
(Vazirmatn first; ``make report`` and ``make test`` install it from the npm
registry into the user's font folder), found through matplotlib's font list
or, for a font installed after matplotlib built that list, in the system and
user font folders. Otherwise, and for English labels, DejaVu Sans, which
ships with matplotlib and covers Persian letters, digits and the Arabic
presentation forms. A user can pass a font file. A character the chosen font
lacks is an error naming the character, never an empty box.
"""

from __future__ import annotations

import functools
import unicodedata
from pathlib import Path

import matplotlib
from matplotlib import font_manager
from matplotlib.ft2font import FT2Font

from chile_trade.io.paths import require_regular_file

__all__ = ["PREFERRED_FAMILIES", "check_coverage", "find_font", "font_properties",
           "installed_persian_font"]

PREFERRED_FAMILIES = ("Vazirmatn", "Vazir", "Noto Sans Arabic", "Noto Naskh Arabic", "Sahel")
# Their regular faces' file names, for a font installed after matplotlib's font list was made.
_PREFERRED_FILES = {"Vazirmatn-Regular": "Vazirmatn", "Vazir-Regular": "Vazir", "Vazir": "Vazir",
                    "NotoSansArabic-Regular": "Noto Sans Arabic",
                    "NotoNaskhArabic-Regular": "Noto Naskh Arabic", "Sahel": "Sahel"}
BUNDLED_FONT = Path(matplotlib.get_data_path(), "fonts", "ttf", "DejaVuSans.ttf")
# Characters that are never drawn as glyphs: controls that only steer layout.
_INVISIBLE = set("\u200c\u200d\u200e\u200f\u061c\n")


def find_font(font_file: str | Path | None = None, *, lang: str = "fa") -> Path:
    """The font file for labels in ``lang``.

    Parameters
    ----------
    font_file : str or Path, optional
        A font file to use; it must exist and be readable by FreeType.
    lang : {'fa', 'en'}, default 'fa'
        Persian labels prefer a Persian typeface (`installed_persian_font`);
        English ones use DejaVu Sans.

    Returns
    -------
    Path
        ``font_file``, else for Persian the first installed family of
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
    if lang not in ("fa", "en"):
        raise ValueError(f"lang must be one of ('fa', 'en'); got {lang!r}")
    if lang == "fa":
        return installed_persian_font() or BUNDLED_FONT
    return BUNDLED_FONT


@functools.cache
def installed_persian_font() -> Path | None:
    """The regular face of the first of `PREFERRED_FAMILIES` installed, or None.

    matplotlib's font list is asked first; a font installed after that list
    was made is found by its file name in the system and user font folders
    (`matplotlib.font_manager.findSystemFonts`) and checked by its family name.
    """
    for family in PREFERRED_FAMILIES:
        try:
            found = font_manager.findfont(font_manager.FontProperties(family=family),
                                          fallback_to_default=False)
        except ValueError:
            continue
        return Path(found)
    on_disk = {Path(p).stem: Path(p) for p in sorted(font_manager.findSystemFonts())}
    for stem, family in _PREFERRED_FILES.items():
        path = on_disk.get(stem)
        if path is None:
            continue
        try:
            if FT2Font(str(path)).family_name == family:
                return path
        except (OSError, RuntimeError, ValueError):
            continue
    return None


def font_properties(font_file: str | Path | None = None, *,
                    lang: str = "fa") -> font_manager.FontProperties:
    """`matplotlib.font_manager.FontProperties` for the font `find_font` picks."""
    return font_manager.FontProperties(fname=str(find_font(font_file, lang=lang)))


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
