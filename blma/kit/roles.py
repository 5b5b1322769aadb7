"""Who answers for a provision: the Party and the body named as its subject.

A provision's subject is the text before its modal verb ("The Ministry of Labour of Azuria shall
..."). It names one Party (by country, short name, authority or role word such as "country of
origin"), both Parties ("the Parties", "each Party"), or a body such as employers, agencies or the
joint committee; a passive provision ("wages shall be paid ...") names nobody, and then both
Parties answer for it, through their competent authorities.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

BOTH = re.compile(
    r"\b(?:the\s+(?:two\s+)?(?:contracting\s+)?(?:parties|participants|governments|sides)|each\s+(?:contracting\s+)?(?:party|participant|government|side)|both\s+(?:parties|participants|countries|governments|sides)|either\s+(?:party|participant))\b",
    re.I,
)
BODIES = (
    (re.compile(r"\bjoint\s+(?:working\s+)?(?:committee|commission|group)\b", re.I), "{committee}"),
    (
        re.compile(  # employers' organisations are not employers
            r"\b(?:household\s+)?(?:employers?|growers?|compan(?:y|ies)|undertakings?|enterprises?)\b"
            r"(?!['’]?\s+(?:and\s+\w+['’]?\s+)?organi[sz]ations)",
            re.I,
        ),
        "Employers",
    ),
    (
        re.compile(
            r"\b(?:recruitment\s+|employment\s+|placement\s+|private\s+)?agenc(?:y|ies)\b|\brecruiters?\b",
            re.I,
        ),
        "Recruitment agencies",
    ),
)
AUTHORITY = re.compile(
    r"\b(?:the\s+)?(?:[A-Z][\w'’-]*\s+)*(?:Ministry|Department|Office|Authority|Agency|Bureau|Commission|Service|"
    r"Directorate|Embassy|Consulate|Inspectorate|Administration|Institute)\b(?:\s+(?:of|for|and|on)\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*)*"
)


@dataclass
class PartyNames:
    """How one Party is named in the text: its names, its authority, its role words."""

    name: str
    authority: str = ""
    aliases: list[str] = field(default_factory=list)

    def pattern(self) -> re.Pattern[str]:
        words = sorted({w for w in (self.name, *self.aliases) if w}, key=len, reverse=True)
        # "Azuria" also names the Party in "the Azurian Ministry"; a name after "to", "in" or "from"
        # is where something happens ("travel costs to Azuria"), not who acts
        names = "|".join(re.escape(w) for w in words)
        return re.compile(r"(?<!\bto )(?<!\bin )(?<!\bfrom )(?<!\binto )\b(?:" + names + r")\w*\b", re.I)


ORIGIN_ROLES = ["country of origin", "sending country", "sending party", "sending state", "origin country"]
DESTINATION_ROLES = [
    "country of destination",
    "receiving country",
    "receiving party",
    "receiving state",
    "host country",
    "destination country",
    "country of employment",
]


@dataclass
class Roles:
    origin: PartyNames | None
    destination: PartyNames | None
    committee: str = "Joint Committee"
    both: str = "Both Parties"  # "Both Participants" in an MoU

    def answerable(self, subject: str) -> tuple[str, str]:
        """(Party, responsible body) for a provision whose subject is ``subject``."""
        named = [p for p in (self.origin, self.destination) if p is not None and p.pattern().search(subject)]
        authority = AUTHORITY.search(subject)
        body = next((label for pattern, label in BODIES if pattern.search(subject)), "")
        body = body.format(committee=self.committee)
        if len(named) == 1 and not BOTH.search(subject):
            party = named[0]
            if authority:
                return party.name, _tidy(authority.group(0))
            return party.name, body or party.authority or f"Competent authority of {party.name}"
        if body == "Employers" and self.destination is not None:
            return self.destination.name, "Employers, under the supervision of " + authority_of(
                self.destination
            )
        if not named and not BOTH.search(subject):
            for words, label in (
                (ORIGIN_ROLES, "Country of origin"),
                (DESTINATION_ROLES, "Country of destination"),
            ):
                if any(w in subject.lower() for w in words):
                    return label, body or (
                        _tidy(authority.group(0))
                        if authority
                        else f"Competent authority of the {label.lower()}"
                    )
        if body:
            return self.both, body
        if authority and not BOTH.search(subject):
            return self.both, _tidy(authority.group(0))
        return self.both, self.both_authorities()

    def both_authorities(self) -> str:
        names = [p.authority for p in (self.origin, self.destination) if p is not None and p.authority]
        return " and ".join(names) if names else "Competent authorities of both Parties"


def authority_of(party: PartyNames | None) -> str:
    """The Party's authority as it reads inside a sentence: "the Ministry of Labour"."""
    if party is None:
        return "its competent authority"
    if not party.authority:
        return f"the competent authority of {party.name}"
    return party.authority if party.authority.lower().startswith("the ") else f"the {party.authority}"


def _tidy(words: str) -> str:
    words = re.sub(r"^the\s+", "", words.strip(), flags=re.I)
    return words[:1].upper() + words[1:]
