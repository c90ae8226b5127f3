"""Every word the package knows, Persian and English, and the codes they stand for.

The grammar reads the Persian words here; the explanations, tables, charts
and report write the Persian and English ones. Nothing else in the package
spells a flow, unit, partner, comparator or verdict. Persian words are kept
folded (Persian ``ی ک``, no ZWNJ; see `chile_trade.core.numbers.fold`).
"""

from __future__ import annotations

from fractions import Fraction

# ------------------------------------------------------------------ codes

EXPORT, IMPORT, TRADE = "export", "import", "trade"
FLOWS = (EXPORT, IMPORT)
BALANCE_FLOW, TOTAL_FLOW = "balance", "total"  # a table's exports − imports, exports + imports
TABLE_FLOWS = (EXPORT, IMPORT, BALANCE_FLOW, TOTAL_FLOW)
BASES = (EXPORT, IMPORT, TRADE)

CHANGE = "change"  # percent change of a table's values between two of its years
SHARE = "share_of_total"  # a table value as a percent of the reporter's total flow
TRADE_SHARE = "share_of_total_trade"  # prose: a partner's share of total trade
GROWTH = "growth_over_years"  # prose: growth over N years, base year not given
OTHER = "other_percentage"  # prose: a percentage the package does not interpret
POINTS_KIND = "points"  # prose: a difference of two percentages, in percentage points
MULTIPLE = "multiple"  # prose: "دو برابر"
CAGR = "cagr"  # prose: average annual growth over N years
BALANCE = "balance"  # prose: exports − imports ("تراز", "کسری", "مازاد")
SUM = "sum"  # prose: a total introduced as such ("مجموع", "در مجموع")
PROSE_SHARE = "share"  # prose: a part as a percent of a whole
PROSE_OTHER = "other"  # prose: a derived amount the grammar does not interpret
KINDS = (CHANGE, SHARE, TRADE_SHARE, GROWTH, OTHER, POINTS_KIND, MULTIPLE, CAGR, BALANCE, SUM,
         PROSE_SHARE, PROSE_OTHER)

EQUAL, MORE, LESS, AT_LEAST, AT_MOST, ABOUT, RANGE = "=", ">", "<", ">=", "<=", "~", "range"
COMPARATORS = (EQUAL, MORE, LESS, AT_LEAST, AT_MOST, ABOUT, RANGE)
MIRRORED = {MORE: LESS, LESS: MORE, AT_LEAST: AT_MOST, AT_MOST: AT_LEAST}
"""The comparison of a figure made negative: «کاهش بیش از ۲۰ درصدی» is below −20."""

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
POINTS = "pp"  # percentage points: the unit of a difference of two percentages
TIMES = "x"  # the unit of a multiple ("دو برابر")

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

NUMBER_WORDS = {
    "یک": 1, "دو": 2, "سه": 3, "چهار": 4, "پنج": 5, "شش": 6, "شیش": 6, "هفت": 7, "هشت": 8,
    "نه": 9, "ده": 10, "یازده": 11, "دوازده": 12, "سیزده": 13, "چهارده": 14, "پانزده": 15,
    "پونزده": 15, "شانزده": 16, "شونزده": 16, "هفده": 17, "هیفده": 17, "هجده": 18,
    "هیجده": 18, "نوزده": 19,
    "بیست": 20, "سی": 30, "چهل": 40, "پنجاه": 50, "شصت": 60, "هفتاد": 70, "هشتاد": 80,
    "نود": 90, "صد": 100, "یکصد": 100, "دویست": 200, "سیصد": 300, "چهارصد": 400,
    "پانصد": 500, "ششصد": 600, "هفتصد": 700, "هشتصد": 800, "نهصد": 900,
}
"""Number words below a thousand; larger numbers are written with `SCALE_WORDS`."""
HALF_WORD = "نیم"  # 0.5, one decimal: "نیم درصد", "یک و نیم میلیارد"
ZERO_WORD = "صفر"
SCALE_WORDS = {"هزار": 3, "میلیون": 6, "میلیارد": 9, "بیلیون": 9, "تریلیون": 12}
"""Scale words, by their power of ten (``هزار میلیارد`` is 10**12)."""
SCALE_NAMES = {0: "", 3: "thousand", 6: "million", 9: "billion", 12: "thousand billion"}
FRACTION_WORDS = {"نصف": Fraction(1, 2), "یکسوم": Fraction(1, 3), "یکچهارم": Fraction(1, 4),
                  "یکپنجم": Fraction(1, 5), "یکدهم": Fraction(1, 10), "دوسوم": Fraction(2, 3),
                  "سهچهارم": Fraction(3, 4), "ربع": Fraction(1, 4)}
"""Fraction words (folded: ``یک‌سوم`` is ``یکسوم``), exact shares of a whole."""
ORDINAL_DENOMINATORS = {"سوم": 3, "چهارم": 4, "پنجم": 5, "ششم": 6, "هفتم": 7, "هشتم": 8,
                        "دهم": 10}
"""``یک سوم`` written apart: a number word, then the denominator."""
PERCENT_WORDS = ("درصد", "درصدی")
POINTS_WORD = "واحد"  # "واحد درصد", "واحد درصدی": percentage points
TIMES_WORDS = ("برابر",)
AMOUNT_UNITS = {
    "دلار": ("USD", "USD", 0), "دلاری": ("USD", "USD", 0),
    "سنت": ("cent", "USD", -2),
    "یورو": ("EUR", "EUR", 0), "یورویی": ("EUR", "EUR", 0),
    "ریال": ("rial", "rial", 0), "ریالی": ("rial", "rial", 0),
    "تومان": ("toman", "rial", 1), "تومانی": ("toman", "rial", 1),
    "تن": ("tonne", "kg", 3), "تنی": ("tonne", "kg", 3),
    "کیلوگرم": ("kg", "kg", 0), "کیلوگرمی": ("kg", "kg", 0),
    "بشکه در روز": ("barrel/day", "barrel/day", 0),
}
"""Units of amounts, by their Persian words: (name, dimension, power of ten of the
dimension's base unit). Amounts of one dimension convert exactly; of two, never."""
_UNIT_NOUNS = ("دلار", "سنت", "یورو", "ریال", "تومان", "تن", "کیلوگرم", "بشکه در روز")
UNIT_WORDS = {f"{scale} {noun}".strip(): f"{SCALE_NAMES[power]} {AMOUNT_UNITS[noun][0]}".strip()
              for noun in _UNIT_NOUNS for scale, power in (("", 0), *SCALE_WORDS.items())
              if power in SCALE_NAMES and scale not in ("بیلیون", "تریلیون")}
"""A table's unit as its title writes it (``میلیون دلار``, ``هزار تن``), by its name."""

_CURRENCIES_FA = {"yuan": "یوان", "rupee": "روپیه", "lira": "لیر", "ruble": "روبل",
                  "pound": "پوند", "dirham": "درهم", "dinar": "دینار", "won": "وون", "yen": "ین",
                  "ringgit": "رینگیت", "afghani": "افغانی"}
"""The reader's other currencies (each its own dimension) and their Persian names."""
UNIT_BASES = {name: (dimension, power) for name, dimension, power in AMOUNT_UNITS.values()}
# the reader's other units
UNIT_BASES.update({name: (name, 0) for name in ("barrel", "person", "m3", "ounce", "litre",
                                                 "unit", "hectare", "day", *_CURRENCIES_FA,
                                                 "kWh", "point")})
UNIT_BASES.update({"MWh": ("kWh", 3), "GWh": ("kWh", 6), "TWh": ("kWh", 9), "MW": ("W", 6),
                   "GW": ("W", 9)})
"""Each unit name with its dimension and power of ten (``tonne``: kg, 3)."""


def unit_scale(unit: str) -> tuple[str, int] | None:
    """A unit name's dimension and power of ten of the dimension's base unit, or ``None``.

    >>> unit_scale("million USD"), unit_scale("thousand tonne"), unit_scale("percent")
    (('USD', 6), ('kg', 6), None)
    >>> unit_scale("thousand yuan/tonne")  # a price: per a unit of mass
    ('yuan/tonne', 3)
    """
    if "/" in unit:
        head, per = unit.split("/", 1)
        scaled = unit_scale(head)
        return None if scaled is None or not per else (f"{scaled[0]}/{per}", scaled[1])
    for power, prefix in SCALE_NAMES.items():
        if prefix and unit.startswith(prefix + " "):
            base = UNIT_BASES.get(unit[len(prefix) + 1:])
            if base is not None and (power == 12 or not unit.startswith("thousand billion")):
                return base[0], base[1] + power
    return UNIT_BASES.get(unit)


MONEY = ("USD", "EUR", "rial")  # the dimensions of money (AMOUNT_UNITS)

# Prose claims (chile_trade.core.prose): the words that tie a figure to others.
FLOW_NOUNS = {"صادرات": EXPORT, "صادراتی": EXPORT, "واردات": IMPORT, "وارداتی": IMPORT,
              "تجارت": TRADE, "مبادلات": TRADE}
"""Flow nouns: they name the flow of the amounts written after them."""
FLOW_VERBS = {"صادر": EXPORT, "وارد": IMPORT}
"""Flow verbs (``صادر کرد``, ``وارد شد``): they name the flow of the amount before them."""
PLACE_PREPOSITIONS = ("به", "از", "با")
THIS_COUNTRY = "این کشور"  # after a preposition: the partner named last
RESPECTIVELY = "به ترتیب"
BASE_BEFORE = ("مقایسه با", "نسبت به", "سال قبل", "سال گذشته", "مدت مشابه", "فصل گذشته",
               "ماه قبل", "سال پیش")
"""Words before an amount that make it the earlier value of a comparison."""
BASE_AFTER = ("سال قبل", "مدت مشابه", "سال گذشته", "در سال قبل", "در مدت مشابه")
"""Words right after an amount that make it the earlier value of a comparison."""
THIS_FIGURE = "این رقم"  # "این رقم ... X بود": X is the earlier value; "... به X رسید": the new
CHANGE_WORDS = frozenset({"رشد", "رشدی", "افزایش", "افزایشی", "کاهش", "کاهشی", "افت", "تنزل",
                          "کمتر", "بیشتر", "کم", "کوچک", "سقوط", "نزول", "بزرگتر"})
DECREASE_WORDS = frozenset({"کاهش", "کاهشی", "افت", "تنزل", "کمتر", "کم", "کوچک", "سقوط",
                            "نزول"})
WHOLE_WORDS = frozenset({"کل", "ارزش", "وزن", "حجم", "صادرات", "واردات", "تجارت", "مبادلات"})
"""Words that, right after a percentage, name the whole it is a share of."""
SHARE_NOUNS = frozenset({"مقصد", "مقاصد", "خریدار", "خریداران", "بازار", "بازارهای"})
"""Words after a list of percentages that make them shares (``… مهم‌ترین مقاصد …``)."""
SHARE_VERBS = frozenset({"تشکیل", "اختصاص", "جذب", "خرید", "خریداری", "شامل", "تامین",
                         "اختیار", "را"})
AVERAGE_WORDS = frozenset({"متوسط", "میانگین"})
ANNUAL_WORDS = frozenset({"سالانه", "سالیانه"})
PASSED_WORDS = frozenset({"گذشت", "فراتر"})  # "از ۴۸ میلیارد دلار گذشت": more than
BALANCE_WORDS = frozenset({"تراز", "کسری", "مازاد"})
DEFICIT_WORDS = frozenset({"کسری", "منفی"})
SUM_WORDS = frozenset({"مجموع", "مجموعا"})
STOP_WORDS = frozenset({"از", "به", "در", "و", "را", "این", "آن", "که", "با", "هر", "کل", "نیز",
                        "صادرات", "واردات", "صادراتی", "وارداتی", "ارزش", "وزن", "حجم",
                        "تجارت", "کشور", "سال", "بود", "است", "شد"})
"""Words that name no product or subject of their own."""

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
    "عمان": "Oman", "قطر": "Qatar", "کویت": "Kuwait", "عربستان": "Saudi Arabia",
    "عربستان سعودی": "Saudi Arabia", "بحرین": "Bahrain", "سوریه": "Syria", "لبنان": "Lebanon",
    "مصر": "Egypt", "ارمنستان": "Armenia", "گرجستان": "Georgia",
    "جمهوری آذربایجان": "Azerbaijan", "ترکمنستان": "Turkmenistan", "ازبکستان": "Uzbekistan",
    "قزاقستان": "Kazakhstan", "تاجیکستان": "Tajikistan", "قرقیزستان": "Kyrgyzstan",
    "بلاروس": "Belarus", "اوکراین": "Ukraine", "ویتنام": "Vietnam", "تایلند": "Thailand",
    "مالزی": "Malaysia", "اندونزی": "Indonesia", "بنگلادش": "Bangladesh",
    "سریلانکا": "Sri Lanka", "هنگ کنگ": "Hong Kong", "سنگاپور": "Singapore",
    "اسپانیا": "Spain", "هلند": "Netherlands", "بلژیک": "Belgium", "سوئیس": "Switzerland",
    "اتریش": "Austria", "سوئد": "Sweden", "لهستان": "Poland", "یونان": "Greece",
    "استرالیا": "Australia", "آفریقای جنوبی": "South Africa", "کلمبیا": "Colombia",
    "ونزوئلا": "Venezuela", "اکوادور": "Ecuador", "بولیوی": "Bolivia", "اروگوئه": "Uruguay",
    "پاراگوئه": "Paraguay",
}
"""Countries and groups, by their folded Persian names, with their English names.
A name not here is kept in Persian in both languages."""
PLACE_ALIASES = {"ایالات متحده": "آمریکا", "ایالات متحده آمریکا": "آمریکا",
                 "امارات متحده عربی": "امارات", "جمهوری اسلامی ایران": "ایران",
                 "جمهوری کره": "کره جنوبی", "کره": "کره جنوبی", "کوریای جنوبی": "کره جنوبی",
                 "جاپان": "ژاپن", "عربستان سعودی": "عربستان", "اتحادیه": "اتحادیه اروپا"}

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
              TRADE: {"fa": "مبادلات", "en": "trade"},
              BALANCE_FLOW: {"fa": "تراز تجاری", "en": "trade balance"},
              TOTAL_FLOW: {"fa": "صادرات و واردات", "en": "total trade"},
              "": {"fa": "ارقام", "en": "values"}}  # a table series of no known flow
FLOW_TITLES = {EXPORT: {"fa": "صادرات به {}", "en": "Exports to {}"},
               IMPORT: {"fa": "واردات از {}", "en": "Imports from {}"},
               BALANCE_FLOW: {"fa": "تراز تجاری با {}", "en": "Trade balance with {}"},
               TOTAL_FLOW: {"fa": "تجارت با {}", "en": "Trade with {}"},
               "": {"fa": "{}", "en": "{}"}}  # a table series of no known flow
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


_OTHER_UNITS_FA = {"barrel": "بشکه", "ounce": "اونس", "m3": "متر مکعب", "litre": "لیتر",
                   "hectare": "هکتار", "person": "نفر", "unit": "دستگاه", "day": "روز",
                   "kWh": "کیلووات ساعت", "MWh": "مگاوات ساعت", "GWh": "گیگاوات ساعت",
                   "TWh": "تراوات ساعت", "MW": "مگاوات", "GW": "گیگاوات", "point": "واحد",
                   **_CURRENCIES_FA}
"""The Persian names of the reader's units that tables do not print (`UNIT_BASES`)."""
_SCALES_FA = {name: word for word, power in SCALE_WORDS.items()
              if (name := SCALE_NAMES.get(power)) and word not in ("بیلیون", "تریلیون")}


def _one_unit_fa(unit: str) -> str:
    if unit in UNIT_NAMES_FA:
        return UNIT_NAMES_FA[unit]
    scale, _, noun = unit.rpartition(" ")
    if noun in _OTHER_UNITS_FA and (not scale or scale in _SCALES_FA):
        return f"{_SCALES_FA[scale]} {_OTHER_UNITS_FA[noun]}" if scale else _OTHER_UNITS_FA[noun]
    return unit


def unit_name_fa(unit: str) -> str:
    """A unit's Persian name: ``million USD`` → ``میلیون دلار``, ``USD/tonne`` →
    ``دلار در هر تن``, ``million barrel/day`` → ``میلیون بشکه در روز``; a unit with no
    Persian name is kept as it is.

    >>> unit_name_fa("million barrel/day"), unit_name_fa("USD/tonne")
    ('میلیون بشکه در روز', 'دلار در هر تن')
    """
    top, per, bottom = unit.partition("/")
    if per and bottom == "day":
        return f"{_one_unit_fa(top)} در روز"
    if per:
        return f"{_one_unit_fa(top)} در هر {_one_unit_fa(bottom)}"
    return _one_unit_fa(unit)
VALUATION_NAMES_FA = {english: persian for persian, english in VALUATION_WORDS.items()}
UNKNOWN_REPORTER = {"fa": "گزارشگر", "en": "the reporter"}
"""Who a total belongs to when the document does not name its reporter."""
