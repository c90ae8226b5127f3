"""Verdicts in the formats CI systems read: GitHub workflow commands and JUnit XML.

Both take the verification frames as they are made (one per document or
batch) and the errors of the files and tables ``--keep-going`` skipped.
GitHub's commands are written as the frames come; JUnit XML needs its
totals first, so `junit_xml` keeps one small record per figure and writes
the document at the end.
"""

from __future__ import annotations

import math
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from chile_trade import columns as C
from chile_trade.errors import InputError

__all__ = ["github_commands", "github_escape", "inconsistencies", "junit_xml", "split_source"]

_DOCUMENT_SOURCE_RE = re.compile(r"(.*?\.(?:txt|md|html?|docx|xlsx|pdf))(?::(.*+))?+",
                                 re.IGNORECASE)
# Characters XML 1.0 cannot carry, even escaped (C0 controls but TAB, LF, CR; surrogates;
# U+FFFE and U+FFFF). A document's raw text may hold them.
_NOT_XML = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def split_source(source: str) -> tuple[str, str]:
    """(file, locator) of a source: ``doc.txt:12`` → (``doc.txt``, ``12``)."""
    found = _DOCUMENT_SOURCE_RE.fullmatch(source)
    return (found[1], found[2] or "") if found else source.rpartition(":")[::2]


def github_escape(text: str, *, prop: bool = False) -> str:
    """Text as a GitHub workflow command carries it: ``%``, CR and LF percent-encoded,
    and in a property ``:`` and ``,`` too.

    Examples
    --------
    >>> github_escape("a%b\\nc:d"), github_escape("c:d,e", prop=True)
    ('a%25b%0Ac:d', 'c%3Ad%2Ce')
    """
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return text.replace(":", "%3A").replace(",", "%2C") if prop else text


def _github_place(source: str, line: int | None = None) -> tuple[str, str]:
    """``file=…[,line=…]`` of a source (``doc.txt:12``, ``doc.docx:table1:row2``), and
    the format's own locator where it has no line."""
    file, place = split_source(source)
    if line is None and place.isdigit():
        line, place = int(place), ""
    where = f"file={github_escape(file, prop=True)}"
    return (where + (f",line={line}" if line is not None else ""),
            f"{place}: " if place else "")


def github_commands(results: Iterable[pd.DataFrame],
                    skipped: list[InputError]) -> Iterator[str]:
    """GitHub workflow commands: ``::error`` for each inconsistent figure (and each one
    inconsistent with the reference), then ``::warning`` for each file or table skipped
    with ``--keep-going``."""
    for result in results:
        for row in result.to_dict(orient="records"):
            where, locator = _github_place(str(row[C.SOURCE]))
            for verdict, explanation, title in (
                    (C.VERDICT, C.EXPLANATION, "inconsistent figure"),
                    (C.REF_VERDICT, C.REF_EXPLANATION, "inconsistent with the reference")):
                if row.get(verdict) == C.INCONSISTENT:
                    message = f"{locator}{row[C.CLAIM]}: {row[explanation]}"
                    yield (f"::error {where},title={github_escape(title, prop=True)}::"
                           f"{github_escape(message)}\n")
    for error in skipped:  # complete once every batch has been read
        where, locator = _github_place(error.source or "", error.line)
        yield (f"::warning {where},title=skipped::"
               f"{github_escape(locator + error.message)}\n")


# ------------------------------------------------------------------ JUnit XML


@dataclass
class _Case:
    name: str
    outcome: str = ""  # "", "failure", "skipped" or "error"
    message: str = ""
    kind: str = ""
    detail: str = ""


@dataclass
class _Suite:
    cases: list[_Case] = field(default_factory=list)


def _xml(text: object) -> str:
    return _NOT_XML.sub("\ufffd", str(text))


def inconsistencies(row: Mapping[Any, Any], lang: str = "en") -> list[tuple[str, str]]:
    """``(stated S, computed C[ against the reference], explanation)`` for each of a
    verification row's verdicts (its own, the reference's) that is inconsistent."""
    found = []
    for verdict, computed, explanation, what in (
            (C.VERDICT, C.COMPUTED, C.EXPLANATION, ""),
            (C.REF_VERDICT, C.REF_COMPUTED, C.REF_EXPLANATION, " against the reference")):
        if row.get(verdict) == C.INCONSISTENT:
            value = row.get(computed)
            shown = f"{value:.6g}" if isinstance(value, float) and math.isfinite(value) else "?"
            text = row[explanation + "_fa" if lang == "fa" else explanation]
            found.append((f"stated {row[C.STATED_TEXT]}, computed {shown}{what}", str(text)))
    return found


def _case(row: Mapping[Any, Any], lang: str) -> _Case:
    claim = row[C.CLAIM_FA if lang == "fa" else C.CLAIM]
    explanation = str(row[C.EXPLANATION_FA if lang == "fa" else C.EXPLANATION])
    case = _Case(name=f"{row[C.ID]}  {claim}", detail=explanation)
    broken = inconsistencies(row, lang)
    if broken:
        case.outcome, case.kind = "failure", "inconsistent"
        case.message = "; ".join(message for message, _ in broken)
        case.detail = "\n".join(f"{message}: {text}" for message, text in broken)
    elif row[C.VERDICT] == C.UNVERIFIABLE:
        case.outcome, case.kind = "skipped", "unverifiable"
        case.message = f"unverifiable: {row[C.REASON]}"
    return case


def junit_xml(results: Iterable[pd.DataFrame], skipped: list[InputError], *,
              lang: str = "en") -> Iterator[str]:
    """JUnit XML: one test suite per document, one test case per stated figure.

    An inconsistent figure (or one inconsistent with the reference) is a
    ``<failure>``, an unverifiable one ``<skipped>`` with its reason, and a
    file or table skipped with ``--keep-going`` an ``<error>`` in its file's
    suite. Each case is named by the figure's id (``file:line:n``) and claim.
    The output validates against the JUnit schema Jenkins and Maven Surefire
    read (``junit-10.xsd``).
    """
    suites: dict[str, _Suite] = {}
    for result in results:
        for row in result.to_dict(orient="records"):
            file = split_source(str(row[C.SOURCE]))[0]
            suites.setdefault(file, _Suite()).cases.append(_case(row, lang))
    for error in skipped:  # complete once every batch has been read
        where = error.source or "<input>"
        file = split_source(where)[0] or where  # a Word table's error goes to its file
        if error.line is not None:
            where = f"{where}:{error.line}"
        suites.setdefault(file, _Suite()).cases.append(
            _Case(name=f"{where}  not read", outcome="error", kind="input error",
                  message=error.message, detail=str(error)))
    root = ET.Element("testsuites", name="chile-trade verify")
    totals = dict.fromkeys(("tests", "failures", "errors", "skipped"), 0)
    for file, suite in suites.items():
        counts = {"tests": len(suite.cases),
                  "failures": sum(c.outcome == "failure" for c in suite.cases),
                  "errors": sum(c.outcome == "error" for c in suite.cases),
                  "skipped": sum(c.outcome == "skipped" for c in suite.cases)}
        for key, n in counts.items():
            totals[key] += n
        element = ET.SubElement(root, "testsuite", {"name": _xml(file), "file": _xml(file),
                                                    "time": "0"} | {k: str(n) for k, n
                                                                    in counts.items()})
        for case in suite.cases:
            test = ET.SubElement(element, "testcase", name=_xml(case.name),
                                 classname=_xml(file), time="0")
            if case.outcome:
                outcome = ET.SubElement(test, case.outcome, message=_xml(case.message),
                                        type=case.kind)
                outcome.text = _xml(case.detail)
            elif case.detail:
                ET.SubElement(test, "system-out").text = _xml(case.detail)
    root.set("time", "0")
    for key in ("tests", "failures", "errors"):  # the schema has no "skipped" here
        root.set(key, str(totals[key]))
    ET.indent(root)
    yield '<?xml version="1.0" encoding="UTF-8"?>\n'
    yield ET.tostring(root, encoding="unicode") + "\n"
