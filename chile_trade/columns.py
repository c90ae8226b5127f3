"""Column names and vocabularies, defined once and used by code and tests."""

from __future__ import annotations

# Provenance, on every frame.
SOURCE = "source"  # "file:line"
FILE = "file"
LINE = "line"
RAW = "raw"  # the text as printed
TABLE = "table"  # "file:line" of the table's title line; "" for prose

# Tidy table rows: one per partner x flow x year.
PARTNER = "partner"  # Persian name, letters folded (ی ک)
PARTNER_EN = "partner_en"
FLOW = "flow"  # one of FLOWS
YEAR = "year"
VALUE = "value"  # float, for computing
VALUE_TEXT = "value_text"  # exact printed value, ASCII ("14.4"), precision kept
UNIT = "unit"
VALUATION = "valuation"  # "FOB", "CIF" or ""

TABLE_COLUMNS = [SOURCE, FILE, LINE, TABLE, PARTNER, PARTNER_EN, FLOW, YEAR,
                 VALUE, VALUE_TEXT, UNIT, VALUATION, RAW]

# Stated figures: one per percentage the documents state.
KIND = "kind"  # one of KINDS
YEAR_FROM = "year_from"  # 0 where the figure has no base year
YEAR_TO = "year_to"  # 0 where the document gives no year
SPAN_YEARS = "span_years"  # growth over this many years, base year not given; else 0
BASE = "base"  # what a share is a share of: one of BASES, or ""
COMPARATOR = "comparator"  # one of COMPARATORS
STATED = "stated"  # float
STATED_TEXT = "stated_text"  # exact printed value, ASCII, precision kept
LABEL = "label"  # the Persian column label or phrase the figure came with

STATED_COLUMNS = [SOURCE, FILE, LINE, TABLE, KIND, PARTNER, PARTNER_EN, FLOW, YEAR_FROM,
                  YEAR_TO, SPAN_YEARS, BASE, COMPARATOR, STATED, STATED_TEXT, LABEL, RAW]

EXPORT, IMPORT, TRADE = "export", "import", "trade"
FLOWS = (EXPORT, IMPORT)
BASES = (EXPORT, IMPORT, TRADE)

CHANGE = "change"  # percent change of a table's values between two of its years
SHARE = "share_of_total"  # a table value as a percent of the reporter's total flow
TRADE_SHARE = "share_of_total_trade"  # prose: a partner's share of total trade
GROWTH = "growth_over_years"  # prose: growth over N years, base year not given
OTHER = "other_percentage"  # prose: a percentage the package does not interpret
KINDS = (CHANGE, SHARE, TRADE_SHARE, GROWTH, OTHER)

COMPARATORS = ("=", ">", "<", "~")

# Verification results.
CLAIM = "claim"  # short English description
CLAIM_FA = "claim_fa"
COMPUTED = "computed"
COMPUTED_LOW = "computed_low"
COMPUTED_HIGH = "computed_high"
COMPUTED_EXACT = "computed_exact"  # fractions.Fraction, or None
VERDICT = "verdict"
EXPLANATION = "explanation"
EXPLANATION_FA = "explanation_fa"
LIKELY_CAUSE = "likely_cause"

EXACT, WITHIN_ROUNDING, INCONSISTENT, UNVERIFIABLE = (
    "exact", "within_rounding", "inconsistent", "unverifiable")
VERDICTS = (EXACT, WITHIN_ROUNDING, INCONSISTENT, UNVERIFIABLE)

VERIFICATION_COLUMNS = [SOURCE, CLAIM, CLAIM_FA, KIND, COMPARATOR, STATED, STATED_TEXT,
                        COMPUTED, COMPUTED_LOW, COMPUTED_HIGH, COMPUTED_EXACT, VERDICT,
                        EXPLANATION, EXPLANATION_FA, LIKELY_CAUSE, RAW]

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
