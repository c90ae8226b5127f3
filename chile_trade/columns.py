"""The column names of the frames the package returns, defined once.

The codes the frames hold (flows, kinds, comparators, verdicts) are those of
`chile_trade.core.vocabulary`, imported here for the frames' users."""

from __future__ import annotations

from chile_trade.core.vocabulary import (  # the codes the frames hold, re-exported
    BASES,
    CHANGE,
    COMPARATORS,
    EXACT,
    EXPORT,
    FLOWS,
    GROWTH,
    IMPORT,
    INCONSISTENT,
    KINDS,
    OTHER,
    RANGE,
    SHARE,
    TABLE_FLOWS,
    TRADE,
    TRADE_SHARE,
    UNVERIFIABLE,
    VERDICTS,
    WITHIN_ROUNDING,
)

# Provenance, on every frame.
SOURCE = "source"  # "file:line"
FILE = "file"
LINE = "line"
RAW = "raw"  # the text as printed
TABLE = "table"  # "file:line" of the table's title line; "" for prose

# Tidy table rows: one per partner x flow x year.
REPORTER = "reporter"  # Persian name, letters folded; "" where the document names none
REPORTER_EN = "reporter_en"  # English name; the Persian one where none is known
PARTNER = "partner"  # Persian name, letters folded (ی ک)
PARTNER_EN = "partner_en"
FLOW = "flow"  # one of FLOWS; a table row or column may also be a balance or total
YEAR = "year"
VALUE = "value"  # float, for computing
VALUE_TEXT = "value_text"  # exact printed value, ASCII ("14.4"), precision kept
UNIT = "unit"
VALUATION = "valuation"  # "FOB", "CIF" or ""
CALENDAR = "calendar"  # "gregorian" or "solar_hijri": years are kept as printed
FISCAL_YEAR = "fiscal_year"  # the year is a fiscal-year pair's first ("۲۰۱۹-۲۰": 2019)
SERIES = "series"  # the table's row or column label the value is under, as printed

TABLE_COLUMNS = [SOURCE, FILE, LINE, TABLE, REPORTER, REPORTER_EN, PARTNER, PARTNER_EN, FLOW,
                 YEAR, VALUE, VALUE_TEXT, UNIT, VALUATION, RAW, CALENDAR, FISCAL_YEAR, SERIES]

# Stated figures: one per percentage the documents state.
KIND = "kind"  # one of KINDS
YEAR_FROM = "year_from"  # 0 where the figure has no base year
YEAR_TO = "year_to"  # 0 where the document gives no year
SPAN_YEARS = "span_years"  # growth over this many years, base year not given; else 0
BASE = "base"  # what a share is a share of: one of BASES, or ""
COMPARATOR = "comparator"  # one of COMPARATORS
STATED = "stated"  # float
STATED_TEXT = "stated_text"  # exact printed value, ASCII, precision kept
STATED_LOW = "stated_low"  # a range's first bound (float); <NA> otherwise
STATED_LOW_TEXT = "stated_low_text"  # its printed value, as STATED_TEXT
LABEL = "label"  # the Persian column label or phrase the figure came with
REASON = "reason"  # why a figure is unverifiable ("no table value"); <NA> otherwise
FORMULA = "formula"  # a prose figure's formula (chile_trade.core.formulas); <NA> otherwise
OPERANDS = "operands"  # a prose figure's operands: "file:line:column=text unit" joined by "; "
INPUTS = "inputs"  # the "file:line" of each number a verdict used, joined by "; "
FRAME = "frame"  # the construction frame that read a prose figure (README); <NA> otherwise

STATED_COLUMNS = [SOURCE, FILE, LINE, TABLE, KIND, REPORTER, REPORTER_EN, PARTNER, PARTNER_EN,
                  FLOW, YEAR_FROM, YEAR_TO, SPAN_YEARS, BASE, COMPARATOR, STATED, STATED_TEXT,
                  STATED_LOW, STATED_LOW_TEXT, UNIT, LABEL, FORMULA, OPERANDS, REASON, FRAME,
                  RAW]

# Verification results.
ID = "id"  # "file:line:n": the source, and the figure's place among those on it (1, 2, ...)
CLAIM = "claim"  # short English description
CLAIM_FA = "claim_fa"
COMPUTED = "computed"
COMPUTED_LOW = "computed_low"
COMPUTED_HIGH = "computed_high"
COMPUTED_EXACT = "computed_exact"  # "numerator/denominator" (fractions.Fraction(text)), or None
ACCEPTED_LOW = "accepted_low"  # the band the stated figure's wording accepts (float;
ACCEPTED_HIGH = "accepted_high"  # -inf/inf for "less than"/"more than")
VERDICT = "verdict"
EXPLANATION = "explanation"
EXPLANATION_FA = "explanation_fa"
LIKELY_CAUSE = "likely_cause"

VERIFICATION_COLUMNS = [SOURCE, ID, CLAIM, CLAIM_FA, KIND, COMPARATOR, STATED, STATED_TEXT,
                        STATED_LOW, STATED_LOW_TEXT, UNIT,
                        COMPUTED, COMPUTED_LOW, COMPUTED_HIGH, COMPUTED_EXACT, ACCEPTED_LOW,
                        ACCEPTED_HIGH, VERDICT, EXPLANATION, EXPLANATION_FA, LIKELY_CAUSE, REASON,
                        FRAME, INPUTS, RAW]

# Verification against a reference table (verify(..., reference=...)).
REF_VERDICT = "reference_verdict"
REF_COMPUTED = "reference_computed"
REF_COMPUTED_LOW = "reference_computed_low"
REF_COMPUTED_HIGH = "reference_computed_high"
REF_EXPLANATION = "reference_explanation"
REF_EXPLANATION_FA = "reference_explanation_fa"
REF_SOURCE = "reference_source"
REFERENCE_VERDICT_COLUMNS = [REF_VERDICT, REF_COMPUTED, REF_COMPUTED_LOW, REF_COMPUTED_HIGH,
                             REF_EXPLANATION, REF_EXPLANATION_FA, REF_SOURCE]

__all__ = [
    "ACCEPTED_HIGH",
    "ACCEPTED_LOW",
    "BASE",
    "BASES",
    "CALENDAR",
    "CHANGE",
    "CLAIM",
    "CLAIM_FA",
    "COMPARATOR",
    "COMPARATORS",
    "COMPUTED",
    "COMPUTED_EXACT",
    "COMPUTED_HIGH",
    "COMPUTED_LOW",
    "EXACT",
    "EXPLANATION",
    "EXPLANATION_FA",
    "EXPORT",
    "FILE",
    "FISCAL_YEAR",
    "FLOW",
    "FLOWS",
    "FORMULA",
    "FRAME",
    "GROWTH",
    "ID",
    "IMPORT",
    "INCONSISTENT",
    "INPUTS",
    "KIND",
    "KINDS",
    "LABEL",
    "LIKELY_CAUSE",
    "LINE",
    "OPERANDS",
    "OTHER",
    "PARTNER",
    "PARTNER_EN",
    "RANGE",
    "RAW",
    "REASON",
    "REFERENCE_VERDICT_COLUMNS",
    "REF_COMPUTED",
    "REF_COMPUTED_HIGH",
    "REF_COMPUTED_LOW",
    "REF_EXPLANATION",
    "REF_EXPLANATION_FA",
    "REF_SOURCE",
    "REF_VERDICT",
    "REPORTER",
    "REPORTER_EN",
    "SERIES",
    "SHARE",
    "SOURCE",
    "SPAN_YEARS",
    "STATED",
    "STATED_COLUMNS",
    "STATED_LOW",
    "STATED_LOW_TEXT",
    "STATED_TEXT",
    "TABLE",
    "TABLE_COLUMNS",
    "TABLE_FLOWS",
    "TRADE",
    "TRADE_SHARE",
    "UNIT",
    "UNVERIFIABLE",
    "VALUATION",
    "VALUE",
    "VALUE_TEXT",
    "VERDICT",
    "VERDICTS",
    "VERIFICATION_COLUMNS",
    "WITHIN_ROUNDING",
    "YEAR",
    "YEAR_FROM",
    "YEAR_TO",
]
