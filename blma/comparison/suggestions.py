"""The library clause suggested for a gap, rendered for the agreement under review.

Clause templates need the parties' names and the instrument's words ("shall" or "will",
"Parties" or "Participants"). They are taken from the analyzer's facts and the text;
what the text does not say becomes a visible placeholder such as "[competent authority
of Valdoria]" for the negotiator to fill, never an invented value.
"""

from __future__ import annotations

import re

from blma.analysis.models import Finding, GapReport
from blma.drafting.wording import setting
from blma.library import Clause, Library, render_clause
from blma.reading.models import AgreementText

FULL_NAME = r"(?:the )?(?:(?:Federal |United |Democratic |Socialist |Islamic )*(?:Republic|Kingdom|State|Federation|Commonwealth|Principality|Sultanate|Emirate)|Government) of (?:the )?{name}\b"


def _origin_first(text: str, a: str, b: str) -> bool:
    """True when ``a`` reads as the country workers come from (they come *from* it, work *in* the other)."""

    def lean(name: str) -> int:
        leaving = len(
            re.findall(
                rf"\b(?:from|to return to|returning to|return to|nationals? of)\s+(?:the\s+)?(?:\w+\s+of\s+)?{re.escape(name)}\b",
                text,
            )
        )
        staying = len(
            re.findall(
                rf"\b(?:in|to|employ\w* in|work\w* in)\s+(?:the\s+)?(?:\w+\s+of\s+)?{re.escape(name)}\b", text
            )
        )
        return leaving - staying

    return lean(a) >= lean(b)


COUNTRY = re.compile(
    r"\b(?:Republic|Kingdom|State|Federation|Commonwealth|Principality|Sultanate|Emirate)\s+of\s+(?:the\s+)?"
    r"(?P<name>[A-Z][\w'-]+(?:\s+[A-Z][\w'-]+)?)"
)


def country_names(doc: AgreementText, report: GapReport) -> list[str]:
    """The two parties' short names: "the Republic of X" in the opening text, else the analyzer's parties."""
    found: list[str] = []
    for text in [doc.title, *(b.text for b in doc.blocks[:15])]:
        for match in COUNTRY.finditer(text or ""):
            if match["name"] not in found:
                found.append(match["name"])
    return found[:2] if len(found) >= 2 else list(report.facts.parties)


def clause_context(doc: AgreementText, report: GapReport) -> dict[str, str]:
    """Values for the library's global template variables (``clauses/variables.yaml``)."""
    parties = country_names(doc, report)
    text = doc.full_text
    if len(parties) == 2 and not _origin_first(text, *parties):
        parties.reverse()
    origin = parties[0] if parties else "[country of origin]"
    destination = parties[1] if len(parties) > 1 else "[country of destination]"
    style = report.facts.instrument
    words = setting("style_words")[style]
    labels = setting("sector_labels")
    sectors = [labels.get(s, s.replace("_", " ")) for s in report.facts.sectors] or [labels["general"]]
    return {
        "origin": _full_name(text, origin),
        "destination": _full_name(text, destination),
        "origin_short": origin,
        "destination_short": destination,
        "origin_authority": f"[competent authority of {origin}]",
        "destination_authority": f"[competent authority of {destination}]",
        "sector_label": " and ".join(sectors),
        "instrument": words["instrument"],
        "parties": words["parties"],
        "shall": words["shall"],
    }


def _full_name(text: str, short: str) -> str:
    if short.startswith("["):
        return short
    match = re.search(FULL_NAME.format(name=re.escape(short)), text)
    return match.group(0) if match else short


def suggested_clause(library: Library, finding: Finding) -> Clause | None:
    """The analyzer's first suggestion for this finding, if it made one."""
    return library.clause(finding.suggestions[0]) if finding.suggestions else None


def render_suggestion(clause: Clause, context: dict[str, str]) -> list[str]:
    """The clause's paragraphs; a clause variable without a default becomes a placeholder."""
    values = {
        name: var.default
        if var.default is not None
        else f"[{var.description[:1].lower()}{var.description[1:]}]"
        for name, var in clause.variables.items()
    }
    text = render_clause(clause, context, values)
    return [p.strip() for p in re.split(r"\n[ \t]*\n", text) if p.strip()]
