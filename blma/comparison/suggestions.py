"""The library clause suggested for a gap, rendered for the agreement under review.

The values and the fitting are :mod:`blma.library.fitting`'s, shared with the gap report;
here they are read from a report whose facts may predate the agreement's terms (a report
saved by an older version), in which case the terms are read from the text now.
"""

from __future__ import annotations

from blma.analysis.models import AgreementFacts, GapReport
from blma.analysis.terms import agreement_terms
from blma.library import Clause, render_clause
from blma.library.fitting import clause_context as fitted_context
from blma.library.fitting import paragraphs
from blma.reading.models import AgreementText


def facts_with_terms(doc: AgreementText, report: GapReport) -> AgreementFacts:
    """The report's facts, with the agreement's terms read from ``doc`` if the report lacks them."""
    facts = report.facts
    if facts.terms.origin or len(facts.parties) != 2:
        return facts
    return facts.model_copy(update={"terms": agreement_terms(doc, list(facts.parties))})


def clause_context(doc: AgreementText, report: GapReport) -> dict[str, str]:
    """Values for the library's global template variables (``clauses/variables.yaml``)."""
    return fitted_context(facts_with_terms(doc, report))


def render_suggestion(clause: Clause, context: dict[str, str]) -> list[str]:
    """The clause's paragraphs for ``context``; a clause variable without a default becomes a placeholder."""
    values = {
        name: var.default
        if var.default is not None
        else f"[{var.description[:1].lower()}{var.description[1:]}]"
        for name, var in clause.variables.items()
    }
    return paragraphs(render_clause(clause, context, values))
