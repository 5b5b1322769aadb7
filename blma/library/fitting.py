"""A library clause fitted to the agreement under review: the one text every output suggests.

The gap report (Markdown, DOCX) and the redline both render a suggested clause here, so
they cannot disagree on who the origin is or what the authority is called. Values come
from the analysis's :class:`~blma.analysis.models.AgreementTerms` (decided once, at analysis
time), then the clause is made to speak the agreement's language:

- its parties as the text names them, whichever is named first;
- its authorities where the agreement designates them, else a visible placeholder
  ("[competent authority of Tenebria]") for the negotiator to fill, never an invented name;
- its word for the signatories ("Participants", "Contracting Parties") and its committee's
  name ("Joint Working Committee");
- no reference to an annex the agreement does not have: the reference becomes neutral.

Which clause: for a contrary provision, the remedy listed in ``clauses/remedies.yaml`` for
the cue that found it (a pregnancy test calls for a ban on pregnancy testing), else the
analysis's first suggestion.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from blma.library.loader import Library
from blma.library.models import Clause
from blma.library.remedies import read_remedies
from blma.library.render import render_clause

if TYPE_CHECKING:
    from blma.analysis.models import AgreementFacts, Finding

#: What an annex reference the agreement cannot honour becomes.
NEUTRAL_ANNEX = "agreed by the competent authorities"
ANNEX_REFERENCE = re.compile(r"\b(?:(?:set out|laid down|contained|specified) )?in (?P<annex>Annex(?: [IVXLC\d]+)?)\b")


def clause_context(facts: AgreementFacts) -> dict[str, str]:
    """Values for the library's global template variables (``clauses/variables.yaml``)."""
    from blma.drafting.wording import setting  # the wording tables load Jinja2: only when rendering

    terms = facts.terms
    words = setting("style_words")[facts.instrument]
    labels = setting("sector_labels")
    sectors = [labels.get(s, s.replace("_", " ")) for s in facts.sectors if s != "general"]
    origin = terms.origin or "[country of origin]"
    destination = terms.destination or "[country of destination]"
    return {
        "origin": terms.origin_name or origin,
        "destination": terms.destination_name or destination,
        "origin_short": origin,
        "destination_short": destination,
        "origin_authority": terms.origin_authority or f"[competent authority of {origin.strip('[]')}]",
        "destination_authority": terms.destination_authority
        or f"[competent authority of {destination.strip('[]')}]",
        "sector_label": " and ".join(sectors) or labels["general"],
        "instrument": words["instrument"],
        "parties": words["parties"],
        "shall": words["shall"],
    }


def fitted_clause(clause: Clause, facts: AgreementFacts) -> str:
    """The clause's text for this agreement (paragraphs separated by a blank line)."""
    values: dict[str, str] = {}
    for name, var in clause.variables.items():
        if name.endswith("_annex"):
            values[name] = facts.terms.contract_annex or (var.default or var.example)
        elif var.default is None:
            values[name] = f"[{var.description[:1].lower()}{var.description[1:]}]"
    context = clause_context(facts)
    text = render_clause(clause, context, values)
    return fit_words(text, facts, context["parties"])


def fit_words(text: str, facts: AgreementFacts, style_parties: str) -> str:
    """The agreement's own words in a rendered clause: its signatories, its committee, its annexes."""
    terms = facts.terms
    term = terms.parties_term
    if term and term != style_parties:
        bare = term.split()[-1]  # "Parties" in "Contracting Parties", also written in templates as is
        for plural in dict.fromkeys([style_parties, bare]):
            text = re.sub(rf"(?<!Contracting )\b{plural}\b", term, text)
            text = re.sub(rf"(?<!Contracting )\b{_singular(plural)}\b", _singular(term), text)
    if terms.committee and terms.committee != "Joint Committee":
        text = re.sub(r"\bJoint Committee\b", terms.committee, text)
    present = set(facts.annexes) | ({terms.contract_annex.removeprefix("the ")} if terms.contract_annex else set())

    def neutral(match: re.Match[str]) -> str:
        return match.group(0) if match["annex"] in present else NEUTRAL_ANNEX

    return ANNEX_REFERENCE.sub(neutral, text)


def _singular(term: str) -> str:
    return term[:-3] + "y" if term.endswith("ies") else term[:-1] if term.endswith("s") else term


def paragraphs(text: str) -> list[str]:
    """A rendered clause's paragraphs."""
    return [p.strip() for p in re.split(r"\n[ \t]*\n", text) if p.strip()]


def remedy(library: Library, finding: Finding, style: str) -> Clause | None:
    """The clause to suggest for a finding: the remedy for the contrary cue that fired, if the
    library lists one that suits the style, else the analysis's first suggestion."""
    if finding.final_status == "contrary":
        listed = read_remedies(library.root)
        for evidence in finding.evidence:
            for clause_id in listed.get(evidence.cue, []) if evidence.kind == "contrary" else []:
                clause = library.clause(clause_id)
                if clause.suits(style=style):
                    return clause
    return library.clause(finding.suggestions[0]) if finding.suggestions else None


