"""Every word the package knows, Persian and English, and the codes they stand for.

The grammar reads the Persian words here; the explanations, tables, charts
and report write the Persian and English ones. Nothing else in the package
spells a flow, unit, partner, comparator or verdict. Persian words are kept
folded (Persian ``ی ک``, no ZWNJ; see `chile_trade.core.numbers.fold`).
"""

from __future__ import annotations

# ------------------------------------------------------------------ codes

EXPORT, IMPORT, TRADE = "export", "import", "trade"
FLOWS = (EXPORT, IMPORT)
BASES = (EXPORT, IMPORT, TRADE)

CHANGE = "change"  # percent change of a table's values between two of its years
SHARE = "share_of_total"  # a table value as a percent of the reporter's total flow
TRADE_SHARE = "share_of_total_trade"  # prose: a partner's share of total trade
GROWTH = "growth_over_years"  # prose: growth over N years, base year not given
OTHER = "other_percentage"  # prose: a percentage the package does not interpret
KINDS = (CHANGE, SHARE, TRADE_SHARE, GROWTH, OTHER)

EQUAL, MORE, LESS, AT_LEAST, AT_MOST, ABOUT, RANGE = "=", ">", "<", ">=", "<=", "~", "range"
COMPARATORS = (EQUAL, MORE, LESS, AT_LEAST, AT_MOST, ABOUT, RANGE)

EXACT, WITHIN_ROUNDING, INCONSISTENT, UNVERIFIABLE = (
    "exact", "within_rounding", "inconsistent", "unverifiable")
VERDICTS = (EXACT, WITHIN_ROUNDING, INCONSISTENT, UNVERIFIABLE)

TRUNCATION = "truncation"
DOUBLE_ROUNDING = "double rounding"
TRANSPOSED_DIGITS = "transposed digits"
MISLABELLED_COLUMN = "mislabelled column"
WRONG_PERIOD = "wrong period"
CAUSES = (TRUNCATION, DOUBLE_ROUNDING, TRANSPOSED_DIGITS, MISLABELLED_COLUMN, WRONG_PERIOD)

GREGORIAN, SOLAR_HIJRI = "gregorian", "solar_hijri"
CALENDARS = (GREGORIAN, SOLAR_HIJRI)
PERCENT = "percent"  # the unit of a stated percentage

# --------------------------------------------------------------- digits

PERSIAN_DIGITS = "۰۱۲۳۴۵۶۷۸۹"
ARABIC_INDIC_DIGITS = "٠١٢٣٤٥٦٧٨٩"
ASCII_DIGITS = "0123456789"
DIGIT_SYSTEMS = {"persian": PERSIAN_DIGITS, "arabic": ARABIC_INDIC_DIGITS, "ascii": ASCII_DIGITS}
DECIMAL_SEPARATORS = "/٫."
THOUSANDS_SEPARATORS = "٬,"
PERCENT_SIGNS = "%٪"
MINUS_SIGNS = "-−"  # hyphen-minus and U+2212 MINUS SIGN

TO_PERSIAN = str.maketrans("0123456789.,%-", "۰۱۲۳۴۵۶۷۸۹٫٬٪−")
"""The one table from an ASCII-formatted number to Persian style: Persian digits,
``٫`` for the decimal point, ``٬`` for grouping, ``٪``, and U+2212 for minus."""

# ---------------------------------------------------------------- words

FLOW_WORDS = {"صادرات": EXPORT, "واردات": IMPORT}
FLOW_PREPOSITIONS = {EXPORT: "به", IMPORT: "از"}  # exports go to (به), imports come from (از)
BASE_WORDS = {"صادرات": EXPORT, "واردات": IMPORT, "تجارت": TRADE, "مبادلات": TRADE}

UNIT_WORDS = {
    "هزار دلار": "thousand USD",
    "میلیون دلار": "million USD",
    "میلیارد دلار": "billion USD",
}
VALUATION_WORDS = {"فوب": "FOB", "سیف": "CIF"}
UNIT_SCALES = {"USD": ("USD", 0), "thousand USD": ("USD", 3), "million USD": ("USD", 6),
               "billion USD": ("USD", 9)}
"""Units one converts into another by a power of ten: (base unit, exponent)."""

PLACES = {
    "آمریکا": "United States",
    "ایالات متحده": "United States",
    "ایالات متحده آمریکا": "United States",
    "کانادا": "Canada",
    "مکزیک": "Mexico",
    "آرژانتین": "Argentina",
    "برزیل": "Brazil",
    "پرو": "Peru",
    "کوبا": "Cuba",
    "شیلی": "Chile",
    "ژاپن": "Japan",
    "چین": "China",
    "هند": "India",
    "کره جنوبی": "South Korea",
    "ترکیه": "Turkey",
    "روسیه": "Russia",
    "عراق": "Iraq",
    "افغانستان": "Afghanistan",
    "امارات": "United Arab Emirates",
    "امارات متحده عربی": "United Arab Emirates",
    "پاکستان": "Pakistan",
    "آسیای دور": "East Asia",
    "آسیای جنوب شرقی": "Southeast Asia",
    "اتحادیه اروپا": "European Union",
    "اروپا": "Europe",
    "آلمان": "Germany",
    "انگلیس": "United Kingdom",
    "فرانسه": "France",
    "ایتالیا": "Italy",
    "ایران": "Iran",
    "مرکوسور": "Mercosur",
}
"""Countries and groups, by their folded Persian names, with their English names.
A name not here is kept in Persian in both languages."""
PLACE_ALIASES = {"ایالات متحده": "آمریکا", "ایالات متحده آمریکا": "آمریکا",
                 "امارات متحده عربی": "امارات"}

PLACE_CODES = {
    "us": "United States", "usa": "United States", "japan": "Japan", "china": "China",
    "eu": "European Union", "mexico": "Mexico", "argentina": "Argentina", "brazil": "Brazil",
    "canada": "Canada", "cuba": "Cuba",
}
"""The partner codes of a reference table's series names (``chile_exports_to_us``)."""

COMPARATOR_WORDS = {
    "بیش از": MORE, "بیشتر از": MORE, "متجاوز از": MORE, "بالغ بر": EQUAL,
    "کمتر از": LESS, "کم تر از": LESS,
    # A negated comparison is its converse with equality: "not more than 20 %" is "at
    # most 20 %". Longer words are tried first, so "نه بیش از" is never read as "بیش از".
    "حداقل": AT_LEAST, "دست کم": AT_LEAST, "نه کمتر از": AT_LEAST, "نه کم تر از": AT_LEAST,
    "حداکثر": AT_MOST, "نه بیش از": AT_MOST, "نه بیشتر از": AT_MOST, "نه متجاوز از": AT_MOST,
    "حدود": ABOUT, "در حدود": ABOUT, "نزدیک به": ABOUT, "تقریبا": ABOUT, "قریب به": ABOUT,
}

# ------------------------------------------------------ names, by language

LANGS = ("fa", "en")

FLOW_NAMES = {EXPORT: {"fa": "صادرات", "en": "exports"},
              IMPORT: {"fa": "واردات", "en": "imports"},
              TRADE: {"fa": "مبادلات", "en": "trade"}}
FLOW_TITLES = {EXPORT: {"fa": "صادرات به {}", "en": "Exports to {}"},
               IMPORT: {"fa": "واردات از {}", "en": "Imports from {}"}}
COMPARATOR_NAMES = {EQUAL: {"fa": "", "en": ""},
                    MORE: {"fa": "بیش از ", "en": "more than "},
                    LESS: {"fa": "کمتر از ", "en": "less than "},
                    AT_LEAST: {"fa": "حداقل ", "en": "at least "},
                    AT_MOST: {"fa": "حداکثر ", "en": "at most "},
                    ABOUT: {"fa": "حدود ", "en": "about "},
                    RANGE: {"fa": "", "en": ""}}
RANGE_WORDS = ("تا", "الی")  # ۱۸ تا ۲۰ درصد; بین ۱۸ و ۲۰ درصد and ۱۸-۲۰٪ are ranges too
VERDICT_NAMES = {EXACT: {"fa": "دقیق", "en": "exact"},
                 WITHIN_ROUNDING: {"fa": "در حد گرد کردن", "en": "within rounding"},
                 INCONSISTENT: {"fa": "ناسازگار", "en": "inconsistent"},
                 UNVERIFIABLE: {"fa": "غیرقابل بررسی", "en": "unverifiable"}}
UNIT_NAMES_FA = {english: persian for persian, english in UNIT_WORDS.items()}
VALUATION_NAMES_FA = {english: persian for persian, english in VALUATION_WORDS.items()}
UNKNOWN_REPORTER = {"fa": "گزارشگر", "en": "the reporter"}
"""Who a total belongs to when the document does not name its reporter."""
