"""Choosing library clauses that would close a gap, with a one-line reason each."""

from __future__ import annotations

from blma.analysis.models import AgreementFacts, Suggestion
from blma.library import Library

MAX_SUGGESTIONS = 3
WHY = {
    "missing": "adds the protection the agreement lacks",
    "partial": "replaces soft or incomplete wording with a binding provision",
    "contrary": "replaces the provision that works against workers",
}


def suggest(library: Library, protection_id: str, status: str, facts: AgreementFacts) -> list[Suggestion]:
    """The best clauses for this agreement's sector and style; strongest wording first for a gap."""
    sector = next((s for s in facts.sectors if s != "general"), None)
    ranked = library.ranked_for(protection_id, sector, facts.instrument)
    if not ranked:
        ranked = library.ranked_for(protection_id, None, facts.instrument) or library.ranked_for(
            protection_id, None, None
        )
    found = []
    for clause in ranked[:MAX_SUGGESTIONS]:
        fit = (
            f"written for {sector.replace('_', ' ')}"
            if sector and sector in clause.sectors
            else "suits any sector"
        )
        found.append(
            Suggestion(
                clause_id=clause.id,
                title=clause.title,
                strength=clause.strength,
                reason=f"{WHY[status]}; {clause.strength} wording, {fit}",
            )
        )
    return found
