"""Making the kit from a draft specification or from an agreement that has been read."""

from __future__ import annotations

import re

from blma.analysis import Analyzer, default_analyzer
from blma.analysis.facts import collect_facts
from blma.drafting import DraftSpec, draft
from blma.drafting.docx_writer import docx_bytes
from blma.kit.models import Kit
from blma.kit.roles import DESTINATION_ROLES, ORIGIN_ROLES, PartyNames, Roles, authority_of
from blma.kit.terms import terms_of_reference
from blma.kit.tracker import build_tracker
from blma.reading import AgreementText, read_bytes

COMMITTEE = re.compile(
    r"\bjoint\s+(?:working\s+|technical\s+|monitoring\s+)?(?:committee|commission|group)\b", re.I
)


def kit_from_spec(
    spec: DraftSpec, source: str = "draft specification", analyzer: Analyzer | None = None
) -> Kit:
    """The kit for the instrument a specification drafts, read back from the draft itself."""
    made = draft(spec)
    doc = read_bytes("draft.docx", docx_bytes(made))
    origin, destination = spec.parties.origin, spec.parties.destination
    roles = Roles(
        PartyNames(origin.short, origin.authority, [origin.country, *ORIGIN_ROLES]),
        PartyNames(destination.short, destination.authority, [destination.country, *DESTINATION_ROLES]),
        _committee_name(doc),
    )
    return _kit(doc, spec.style, made.title, roles, source, analyzer)


def kit_from_agreement(doc: AgreementText, analyzer: Analyzer | None = None) -> Kit:
    """The kit for an existing agreement: the Parties come from its own text."""
    analyzer = analyzer or default_analyzer()
    facts = collect_facts(doc, analyzer.book.modality)  # parties and instrument; the tracker reads the rest
    names = [*facts.parties, "", ""][:2]
    roles = Roles(
        PartyNames(names[0]) if names[0] else None,
        PartyNames(names[1]) if names[1] else None,
        _committee_name(doc),
    )
    return _kit(doc, facts.instrument, facts.title or doc.title or doc.name, roles, doc.name, analyzer)


def _kit(
    doc: AgreementText, style: str, title: str, roles: Roles, source: str, analyzer: Analyzer | None
) -> Kit:
    analyzer = analyzer or default_analyzer()
    mou = style == "mou"
    roles.both = "Both Participants" if mou else "Both Parties"
    parties = [p.name for p in (roles.origin, roles.destination) if p is not None]
    values = {
        "committee": roles.committee,
        "instrument": "Memorandum of Understanding" if mou else "Agreement",
        "parties_word": "Participants" if mou else "Parties",
        "party_word": "Participant" if mou else "Party",
        "will": "will" if mou else "shall",
        "origin": parties[0] if parties else "the first Party",
        "destination": parties[1] if len(parties) > 1 else "the second Party",
        "origin_authority": authority_of(roles.origin),
        "destination_authority": authority_of(roles.destination),
        "meetings_per_year": "twice",
    }
    return Kit(
        source=source,
        instrument_title=title,
        instrument="mou" if mou else "agreement",
        parties=parties,
        committee=roles.committee,
        terms=terms_of_reference(values),
        tracker=build_tracker(doc, analyzer, roles, analyzer.library),
    )


def _committee_name(doc: AgreementText) -> str:
    """The joint body as the text names it ("Joint Working Committee"), else "Joint Committee"."""
    match = COMMITTEE.search(doc.full_text)
    return " ".join(w.capitalize() for w in match.group(0).split()) if match else "Joint Committee"
