"""The reader's example corpus (`tests/corpus/`): one file per mention rule and per
construction frame, each with examples that must be read and examples that must not,
every example also tried in the variants a writer may print it in.

``tests/corpus/rules/<rule id>.toml``::

    rule = "quantity.amount"
    [[positive]]
    text = "صادرات به ۲ میلیارد دلار رسید"
    mentions = ["Amount 2 billion USD ="]     # what the rule makes, in order (`summary`)
    [[negative]]
    text = "..."                               # the rule makes nothing here

``tests/corpus/frames/<frame id>.toml``::

    frame = "change.from_to"
    [[positive]]
    text = "... از ۲۰۰ میلیون دلار به ۲۵۰ میلیون دلار رسید که رشد ۲۵ درصدی ..."
    stated = "25"                    # the stated figure, as a number (its sign as read)
    verdict = "exact"                # (250 − 200) / 200 × 100 = 25
    operands = ["200", "250"]        # as printed, in the formula's order
    same = ["... another wording ..."]                  # the same reading and verdict
    [[positive.changed]]                                # another fact: another verdict
    text = "..."
    verdict = "inconsistent"
    [[negative]]
    text = "..."
    stated = "25"
    verdict = "unverifiable"         # or no claim at all: verdict = "none"
    reason = "no_candidate"          # optional

Every example is also read after each `VARIANTS` rewrite (Arabic-Indic or ASCII digits,
Arabic yeh and kaf, no ZWNJ, numbers glued to their words) and must give the same.
Every rule and frame id has a file with at least one positive and one negative.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable, Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from chile_trade.core import checks
from chile_trade.core.reader.claims import read_claims
from chile_trade.core.reader.frames import frames
from chile_trade.core.reader.mentions import Mention, mentions, rules
from chile_trade.core.reader.readme import rewrite
from chile_trade.core.reader.tokens import tokenize

CORPUS = Path(__file__).parent / "corpus"
_PERSIAN = "۰۱۲۳۴۵۶۷۸۹"
_TO_ARABIC = str.maketrans(_PERSIAN, "٠١٢٣٤٥٦٧٨٩")
_TO_ASCII = str.maketrans(_PERSIAN + "٫٬", "0123456789.,")
_GLUE_RE = re.compile(r"(?<=[۰-۹0-9]) (?=(?:درصد|میلیون|میلیارد|هزار|دلار|تن|برابر)\b)")


def _ascii(text: str) -> str:
    # ASCII digits read the Persian separators as their ASCII twins; a slash decimal
    # («۴۵/۱») stays a slash.
    return text.translate(_TO_ASCII)


VARIANTS: dict[str, Callable[[str], str]] = {
    "as printed": lambda text: text,
    "arabic-indic digits": lambda text: text.translate(_TO_ARABIC),
    "ascii digits": _ascii,
    "arabic yeh and kaf": lambda text: text.replace("ی", "ي").replace("ک", "ك"),
    "no zwnj": lambda text: text.replace("\u200c", ""),
    "glued numbers": lambda text: _GLUE_RE.sub("", text),
}


def _load(kind: str) -> dict[str, dict[str, Any]]:
    out: dict[str, dict[str, Any]] = {}
    for path in sorted((CORPUS / kind).glob("*.toml")):
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        out[path.stem] = data
    return out


RULE_FILES = _load("rules")
FRAME_FILES = _load("frames")


# ------------------------------------------------------------------ coverage

def test_every_rule_and_frame_has_examples() -> None:
    """One file per id, each with a positive and a negative; no file for no id."""
    rule_ids = {rule.id for rule in rules()}
    frame_ids = {frame.id for frame in frames()}
    assert set(RULE_FILES) == rule_ids, (sorted(rule_ids - set(RULE_FILES)),
                                         sorted(set(RULE_FILES) - rule_ids))
    assert set(FRAME_FILES) == frame_ids, (sorted(frame_ids - set(FRAME_FILES)),
                                           sorted(set(FRAME_FILES) - frame_ids))
    for name, data in (*RULE_FILES.items(), *FRAME_FILES.items()):
        assert data.get("positive"), name
        assert data.get("negative"), name


def test_the_readme_lists_every_construction() -> None:
    """The README's list of constructions is the frame rows as they are (`make readme`)."""
    text = (Path(__file__).parents[1] / "README.md").read_text(encoding="utf-8")
    assert rewrite(text) == text, "run `make readme`"


# ------------------------------------------------------------------ mention rules

def summary(mention: Mention) -> str:
    """A mention in a few words: its type and value («Amount 2 billion USD =», «Percent
    25», «Period 1401 months 1-5», «Place ترکیه», «Flow export»)."""
    value = mention.value
    if mention.type in ("Amount", "Percent", "Points", "Times"):
        numbers = ",".join(str(r.value) for r in value.readings)
        head = f"{mention.type} {numbers}"
        if value.low:
            head = f"{mention.type} {value.low[0].value}-{numbers}"
        unit = f" {value.unit}" if mention.type == "Amount" else ""
        return f"{head}{unit} {value.comparator}"
    if mention.type == "Period":
        refers = f" ({value.refers})" if value.refers else ""
        return f"Period {value.period.label()}{refers}"
    if mention.type == "Number":
        return f"Number {','.join(str(r.value) for r in value.readings)}"
    if mention.type == "Place":
        return f"Place {value.name}"
    if mention.type == "Flow":
        return f"Flow {value.flow}"
    return f"{mention.type} {mention.text}"


def _made_by(rule: str, text: str) -> list[str]:
    return [summary(item) for item in mentions(tokenize(text))
            if isinstance(item, Mention) and item.rule == rule]


def _rule_cases() -> Iterator[Any]:
    for rule, data in RULE_FILES.items():
        for n, case in enumerate(data.get("positive", [])):
            for variant in VARIANTS:
                yield pytest.param(rule, case["text"], case["mentions"], variant,
                                   id=f"{rule}+{n}-{variant}")
        for n, case in enumerate(data.get("negative", [])):
            for variant in VARIANTS:
                yield pytest.param(rule, case["text"], [], variant, id=f"{rule}-{n}-{variant}")


@pytest.mark.parametrize(("rule", "text", "expected", "variant"), list(_rule_cases()))
def test_rule(rule: str, text: str, expected: list[str], variant: str) -> None:
    assert _made_by(rule, VARIANTS[variant](text)) == expected


# ------------------------------------------------------------------ frames

def _verdicts(text: str) -> list[tuple[Any, Any]]:
    lines = list(enumerate(text.split("\n"), start=1))
    claims = read_claims("t.txt", lines)
    docs = checks.Documents([], claims)
    return [(claim, checks.check(claim, docs)) for claim in claims]


def _stated(text: str, stated: str) -> list[tuple[Any, Any]]:
    want = Decimal(stated)
    return [(c, v) for c, v in _verdicts(text) if c.stated.value == want]


def _frame_cases() -> Iterator[Any]:
    for frame, data in FRAME_FILES.items():
        for n, case in enumerate(data.get("positive", [])):
            texts = [case["text"], *case.get("same", [])]
            for k, text in enumerate(texts):
                for variant in VARIANTS:
                    yield pytest.param(frame, text, case, variant, True,
                                       id=f"{frame}+{n}.{k}-{variant}")
            for k, changed in enumerate(case.get("changed", [])):
                recomputed = {key: value for key, value in case.items() if key != "operands"}
                yield pytest.param(frame, changed["text"], {**recomputed, **changed},
                                   "as printed", True, id=f"{frame}+{n}~{k}")
        for n, case in enumerate(data.get("negative", [])):
            for variant in VARIANTS:
                yield pytest.param(frame, case["text"], case, variant, False,
                                   id=f"{frame}-{n}-{variant}")


@pytest.mark.parametrize(("frame", "text", "case", "variant", "positive"),
                         list(_frame_cases()))
def test_frame(frame: str, text: str, case: dict[str, Any], variant: str,
               positive: bool) -> None:
    found = _stated(VARIANTS[variant](text), case["stated"])
    if case["verdict"] == "none":
        assert found == [], [(c.frame, v.verdict) for c, v in found]
        return
    assert len(found) == 1, [(c.frame, v.verdict, c.reason) for c, v in found]
    claim, verdict = found[0]
    assert verdict.verdict == case["verdict"], (claim.frame, claim.reason, verdict.point)
    if positive and case["verdict"] != "unverifiable":
        assert claim.frame == frame
        if "operands" in case:
            assert [o.number.value for o in claim.operands] == \
                [Decimal(x) for x in case["operands"]]
    elif "reason" in case:
        assert claim.reason == case["reason"]


@pytest.mark.parametrize("word", ["کمترین", "بیشترین", "بالاترین", "پایین‌ترین"])
def test_a_superlative_is_one_word_not_a_comparative_and_a_unit(word: str) -> None:
    # «کمترین» is no «کمتر» (a comparison) glued to «ین» (a currency's name)
    assert [t.text for t in tokenize(f"صادرات {word} رشد را داشت").tokens][1] == \
        word.replace("\u200c", "")


def test_lines_that_share_a_number_are_each_read():
    # two paragraphs an HTML page prints on one source line share its number: each is
    # read for itself ((25 − 10) / 10 × 100 = 150 %, Iraq's, not Russia's 80 %)
    from chile_trade.core.reader.claims import read_claims  # noqa: PLC0415
    years = "در سال ۱۴۰۱ معادل {} هزار تن و در سال ۱۴۰۲ معادل {} هزار تن بود."
    lines = [(1, "صادرات کیوی به روسیه " + years.format("۲۰", "۳۶")),
             (1, "صادرات کیوی به عراق " + years.format("۱۰", "۲۵")),
             (2, "بدین ترتیب صادرات کیوی به این کشور در سال ۱۴۰۲ ۱۵۰ درصد افزایش یافت.")]
    claims = [c for c in read_claims("t.html", lines) if c.stated.value == 150]
    assert [[o.number.value for o in c.operands] for c in claims] == [[10, 25]]
