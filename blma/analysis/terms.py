"""How an agreement names what a suggested clause must name the same way.

Which party workers come from is decided here once, at analysis time, so that every output
(the gap report's suggested clauses, the redline) agrees: the party named first is not
always the country of origin. The cues, strongest first:

- a defined role after the party's name: ``the Republic of Kestria (the "Sending Party")``;
- workers called by the party's people (``Kestrian domestic workers``), ``nationals of X``,
  coming ``from X`` or returning ``to X``: the origin;
- employment, admission or households ``in X``: the destination.

Also read: the competent (or implementing) authorities the agreement designates, what it
calls its signatories ("Parties", "Participants", "Contracting Parties"), the name of its
joint committee, and the annex holding the employment contract, if any. What the text does
not say stays empty; suggested clauses then show a placeholder, never an invented value.
"""

from __future__ import annotations

import re

from blma.analysis.models import AgreementTerms
from blma.reading.models import AgreementText

ORIGIN_ROLE = r"sending|origin|source"
DESTINATION_ROLE = r"receiving|destination|host|employing"
ROLE = re.compile(
    r"\(\s*(?:hereinafter\s+(?:referred\s+to\s+as\s+)?)?(?:the\s+)?[\"“']?(?P<role>[A-Z][\w ]{0,30}?)[\"”']?\s*\)"
)
ORGANISATION = (
    r"Ministry|Department|Office|Agency|Authority|Bureau|Service|Administration|Directorate|Commission|Board"
)
AUTHORITY_SENTENCE = re.compile(
    r"competent authorit|implementing authorit|implementing agenc|designated authorit", re.I
)
#: An organisation's name: capitalised words around an organisation noun, "of"/"for"/"and" joining them.
AUTHORITY_NAME = re.compile(
    rf"(?:[A-Z][\w'’-]+\s+){{0,4}}(?:{ORGANISATION})\b(?:\s+(?:of|for|and|of the)\s+[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)*)*"
    rf"(?:,\s+(?:{ORGANISATION})\s+of\s+[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)*)?"
)
COMMITTEE = re.compile(r"\bJoint\s+(?:[A-Z][\w-]+\s+){0,2}(?:Committee|Commission|Working Group|Board|Council)\b")
PARTIES_TERM = re.compile(r"\b(?:Contracting\s+Parties|Participants|Parties|Sides)\b")
FULL_NAME = (
    r"(?:(?:Federal |United |Democratic |Socialist |Islamic |People's )*"
    r"(?:Republic|Kingdom|State|Federation|Commonwealth|Principality|Sultanate|Emirate|Grand Duchy)) of (?:the )?{name}\b"
)


def agreement_terms(doc: AgreementText, parties: list[str]) -> AgreementTerms:
    """The agreement's own names for its parties' roles, authorities, signatories and committee."""
    text = doc.full_text
    origin, destination = _roles(text, parties)
    authorities = _authorities(doc, [p for p in (origin, destination) if p])
    return AgreementTerms(
        origin=origin,
        destination=destination,
        origin_name=_full_name(text, origin),
        destination_name=_full_name(text, destination),
        origin_authority=authorities.get(origin, ""),
        destination_authority=authorities.get(destination, ""),
        parties_term=_most_common(PARTIES_TERM.findall(text)),
        committee=_most_common(COMMITTEE.findall(text)),
        contract_annex=_contract_annex(doc),
    )


def _roles(text: str, parties: list[str]) -> tuple[str, str]:
    if len(parties) != 2:
        return "", ""
    a, b = parties
    return (a, b) if _lean(text, a) >= _lean(text, b) else (b, a)


def _lean(text: str, name: str) -> int:
    """How strongly the text reads ``name`` as the country of origin (negative: destination)."""
    n = re.escape(name)
    score = 0
    for match in re.finditer(rf"\b{n}\b[^()]{{0,40}}?{ROLE.pattern}", text):
        role = match["role"].lower()
        score += 10 if re.search(ORIGIN_ROLE, role) else -10 if re.search(DESTINATION_ROLE, role) else 0
    stem = re.escape(name[:-1] if len(name) > 4 and name[-1] in "aey" else name)
    people = rf"\b{stem}\w*(?:ian|an|ese|i|ish)\b"  # "Kestrian", "Sundaran", "Nuvarian"
    score += 2 * len(re.findall(rf"{people}\s+(?:\w+\s+){{0,2}}(?:workers?|nationals?|nurses|citizens)", text))
    score += len(
        re.findall(rf"\b(?:from|to return to|returning to|return to|nationals? of|citizens? of)\s+(?:the\s+)?(?:\w+\s+of\s+)?{n}\b", text)
    )
    score -= len(
        re.findall(
            rf"\b(?:in|employ\w* in|work\w* in|admitted to|admission to|arrival in|households? in|employers? in)\s+(?:the\s+)?(?:\w+\s+of\s+)?{n}\b",
            text,
        )
    )
    return score


def _full_name(text: str, short: str) -> str:
    """ "the Republic of Kestria" where the text says so, else the short name."""
    if not short:
        return ""
    match = re.search(FULL_NAME.format(name=re.escape(short)), text)
    return f"the {match.group(0)}" if match else short


def _authorities(doc: AgreementText, parties: list[str]) -> dict[str, str]:
    """Each party's authority: the one a designating sentence names ("The competent authorities
    are ..."), else the one the text names most often for it ("the Labour Office of Pelora").

    A name belongs to the party it names ("Ministry of Labour of Kestria", "Kestrian Labour
    Department") or, in a designating sentence, that precedes it ("for Azuria, the Ministry of ...").
    """
    found: dict[str, str] = {}
    named: dict[str, list[str]] = {}
    for block in doc.blocks:
        designating = bool(AUTHORITY_SENTENCE.search(block.text) or AUTHORITY_SENTENCE.search(block.heading))
        for match in AUTHORITY_NAME.finditer(block.text):
            name = re.sub(r"^(?:The|the)\s+", "", match.group(0).strip())
            if name.split()[0] in ("Each", "Both") or len(name.split()) < 2:
                continue
            own = _party_named_in(name, parties)
            party = own or (_party_before(block.text[: match.start()], parties) if designating else "")
            if not party:
                continue
            if designating and party not in found:
                found[party] = name
            if own:
                named.setdefault(party, []).append(name)
    for party, names in named.items():
        found.setdefault(party, _most_common(names))
    return found


def _party_named_in(name: str, parties: list[str]) -> str:
    """The party a name names by its name or its people ("Kestrian", "Drellish"), or ""."""
    for party in parties:
        prefix = re.escape(party[: max(4, len(party) - 3)])
        if re.search(rf"\b{re.escape(party)}\b|\b{prefix}\w*(?:ian|an|ish|ese|ic|i)\b", name):
            return party
    return ""


def _party_before(before: str, parties: list[str]) -> str:
    tail = before[-60:]
    named = [(tail.rfind(p), p) for p in parties if p in tail]
    return max(named)[1] if named else ""


def _most_common(found: list[str]) -> str:
    return max(dict.fromkeys(found), key=found.count) if found else ""


def _contract_annex(doc: AgreementText) -> str:
    """The annex that holds an employment contract ("Annex I"), or "" when there is none."""
    for block in doc.blocks:
        if block.annex and re.search(r"contract", block.heading, re.I):
            return block.annex if re.search(r"\s", block.annex) else f"the {block.annex}"
    return ""
