"""The library clause suggested for a gap, rendered for the agreement under review.

The values and the fitting are :mod:`blma.library.fitting`'s, shared with the gap report;
here they are read from a report whose facts may predate the agreement's terms (a report
saved by an older version), in which case the terms are read from the text now. The values
are in the agreement's language, and say which under :data:`~blma.library.fitting.LANGUAGE`,
so that the clause quoted with them is the library's text in that language.
"""

from __future__ import annotations

from collections.abc import Mapping

from blma.analysis.models import AgreementFacts, GapReport
from blma.analysis.terms import agreement_terms
from blma.library import Clause, default_library, render_clause
from blma.library.fitting import LANGUAGE, paragraphs, suggestion_language, suggestion_library
from blma.library.fitting import clause_context as fitted_context
from blma.reading.models import AgreementText


def facts_with_terms(doc: AgreementText, report: GapReport) -> AgreementFacts:
    """The report's facts, with the agreement's terms read from ``doc`` if the report lacks them."""
    facts = report.facts
    if facts.terms.origin or len(facts.parties) != 2:
        return facts
    terms = agreement_terms(doc, list(facts.parties), suggestion_language(facts))
    return facts.model_copy(update={"terms": terms})


def clause_context(doc: AgreementText, report: GapReport) -> dict[str, str]:
    """Values for the library's global template variables (``clauses/variables.yaml``), in the
    agreement's language (English if its translation has a defect), which
    :data:`~blma.library.fitting.LANGUAGE` names."""
    facts = facts_with_terms(doc, report)
    language = suggestion_library(default_library(), facts).language
    return fitted_context(facts, language) | {LANGUAGE: language}


def context_language(context: Mapping[str, str]) -> str:
    """The language a suggestion context is in (English for a context made before languages)."""
    return context.get(LANGUAGE, "en")


def render_suggestion(clause: Clause, context: Mapping[str, str]) -> list[str]:
    """The clause's paragraphs for ``context``; a clause variable without a default becomes a
    placeholder. ``clause`` is the library's text in the context's language."""
    values = {
        name: var.default
        if var.default is not None
        else f"[{var.description[:1].lower()}{var.description[1:]}]"
        for name, var in clause.variables.items()
    }
    language = context_language(context)
    return paragraphs(render_clause(clause, dict(context), values, language))
