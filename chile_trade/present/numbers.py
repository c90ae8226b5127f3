"""Persian and English number formatting, without matplotlib.

Persian: Persian digits, ``٫`` decimal separator, ``٬`` thousands separator,
``٪``, and a minus sign (U+2212) preceded by an LRM so that it stays at the
left of the digits inside right-to-left text (as CLDR's Persian locale does).
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from chile_trade.core.vocabulary import LANGS, TO_PERSIAN

__all__ = ["LANGS", "LRM", "MINUS", "RLM", "check_lang", "decimals_of", "format_number",
           "format_percent", "format_year", "persian_digits"]

RLM, LRM = "\u200f", "\u200e"
MINUS = "\u2212"


def check_lang(lang: str) -> None:
    """Refuse a language the package does not write."""
    if lang not in LANGS:
        raise ValueError(f"lang must be one of {LANGS}; got {lang!r}")


def persian_digits(text: str) -> str:
    """An ASCII-formatted number in Persian style (digits, ``٫``, ``٬``, ``٪``, ``−``).

    Examples
    --------
    >>> persian_digits("-43.8")
    '−۴۳٫۸'
    """
    return text.translate(TO_PERSIAN)


def decimals_of(text: str) -> int:
    """The printed decimals of a canonical number text (``'43.8'`` → 1).

    Examples
    --------
    >>> decimals_of("43.80"), decimals_of("1649")
    (2, 0)
    """
    return len(str(text).partition(".")[2])


def format_number(value: float | Decimal, decimals: int = 0, *, lang: str = "fa",
                  grouping: bool = True, sign: bool = False) -> str:
    """Format a number in Persian or English style.

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
    check_lang(lang)
    quantum = Decimal(1).scaleb(-decimals)
    number = Decimal(str(value)).quantize(quantum, rounding=ROUND_HALF_UP)
    text = f"{abs(number):,.{decimals}f}" if grouping else f"{abs(number):.{decimals}f}"
    if lang == "fa":
        text = persian_digits(text)
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
