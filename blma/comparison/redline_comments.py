"""The words of the redline's comments: what is missing, in plain words, and the standard cited.

A comment goes to the other government with the annotated text, so it names the standard
by its usual short name ("C189, Article 9(c)"), says what the provision lacks in words a
negotiator reads without the tool ("The wording is soft ("where feasible")"), and carries
no internal id. The phrases are data (``redline_words.yaml``).
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from blma.analysis.models import Finding
from blma.library.models import Clause, Protection, Source
from blma.yamlio import load_yaml

WORDS = Path(__file__).with_name("redline_words.yaml")
MAX_SOURCES = 2
ILO_NUMBER = re.compile(r"\b(?P<kind>Convention|Recommendation)\b.*\(No\.\s*(?P<number>\d+)\)")
SOFT = re.compile(r"^soft wording \('(?P<cue>[^']+)'\)")
INCOMPLETE = re.compile(r"nothing found on: (?P<what>.+)$")
CONTRARY = re.compile(r"^works against workers: '(?P<text>.+)'$")


@cache
def words() -> dict:
    with WORDS.open(encoding="utf-8") as stream:
        return load_yaml(stream)


def cite(source: Source) -> str:
    """ "C189, Article 9(c)" for "ILO Domestic Workers Convention, 2011 (No. 189)", "Art. 9(c)"."""
    instrument = source.instrument
    match = ILO_NUMBER.search(instrument)
    if match and instrument.startswith("ILO"):
        instrument = f"{match['kind'][0]}{match['number']}"
    else:
        for long, short in words()["short_names"].items():
            if instrument.startswith(long):
                instrument = short
                break
    provision = re.sub(r"\bArts\.?(?=\s)", "Articles", source.provision.strip())
    provision = re.sub(r"\bArt\.(?=\s)", "Article", provision)
    return f"{instrument}, {provision}"


def citations(protection: Protection, clause: Clause | None) -> str:
    """The suggested clause's own sources first (they fit the sector), then the rubric's."""
    found: list[str] = []
    for source in [*(clause.sources if clause else []), *protection.sources]:
        text = cite(source)
        if text not in found and not any(text.split(",")[0] == f.split(",")[0] for f in found):
            found.append(text)
        if len(found) == MAX_SOURCES:
            break
    return "; ".join(found)


def problem(finding: Finding, protection: Protection) -> str:
    """What is wrong with the provision (or its absence), in plain words."""
    table = words()["problem"]
    status, reason = finding.final_status, finding.reason.strip().rstrip(".")
    if status == "present":  # only a reviewer's decision makes a comment on a secured protection
        return ""
    if status == "missing":
        text = table["missing"]
    elif status == "contrary" and (match := CONTRARY.match(reason)):
        text = table["contrary"].format(detail=match["text"])
    elif match := SOFT.match(reason):
        text = table["soft"].format(detail=match["cue"])
    elif match := INCOMPLETE.search(reason):
        text = table["incomplete"].format(detail=match["what"])
    else:
        text = table["other"].format(detail=reason[:1].upper() + reason[1:])
    if status in ("missing", "partial"):
        text += " " + words()["needs"].format(elements="; ".join(protection.elements))
    return text


def gap_comment(finding: Finding, protection: Protection, clause: Clause | None, action: str) -> str:
    """One finding's comment: title and status, what is wrong, the standard, what was done."""
    table = words()
    parts = [f"{protection.title}: {table['status'][finding.final_status]}.", problem(finding, protection)]
    sources = citations(protection, clause)
    if sources:
        parts.append(table["standard"].format(sources=sources))
    if table["action"].get(action):
        parts.append(table["action"][action])
    if finding.reviewer_status:
        parts.append(
            table["reviewer"].format(
                status=finding.reviewer_status,
                reason=finding.reviewer_reason.strip().rstrip("."),
                tool_status=f"{finding.status}, {finding.reason.rstrip('.')}",
            )
        )
    return " ".join(p for p in parts if p)


def summary_comment(items: list[tuple[str, str]]) -> str:
    """One comment for every protection the text secures: "title (where)", in rubric order."""
    listed = "; ".join(f"{title} ({where})" if where else title for title, where in items)
    return words()["summary"].format(items=listed)
