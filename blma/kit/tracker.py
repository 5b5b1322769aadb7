"""The implementation tracker: every commitment of the instrument, article by article.

Built from the analyzer's reading of each sentence (``Analyzer.observe``): a sentence is a
commitment when the deontic reader finds an obligation or a prohibition in it; recitals,
definitions and the instrument's own final clauses (entry into force, amendment) are not
things a joint committee implements. The protections a sentence serves come from the rule
cues that fired on it, and give the tracker its indicator.
"""

from __future__ import annotations

import re
from functools import cache

import yaml

from blma.analysis import Analyzer
from blma.kit.models import Obligation, Strength
from blma.kit.roles import Roles
from blma.library import Library
from blma.reading.models import AgreementText
from blma.resources import package_path

COMMITMENTS = ("obligation", "prohibition")
#: The instrument's own life (entry into force, renewal, amendment) and its statement of purpose are
#: not something the committee implements.
NOT_IMPLEMENTED = re.compile(
    r"^\s*the\s+(?:purpose|objective|aim|object)s?\s+of\b"
    r"|^\s*(?:this|the present)\s+(?:agreement|memorandum|arrangement|protocol|mou)\b"
    r"|\b(?:enter|entry|come|coming)\s+into\s+(?:force|effect)\b|\b(?:amended|renewed|denounced)\b",
    re.I,
)
STRENGTHS: dict[str, Strength] = {
    "firm": "firm",
    "qualified": "qualified",
    "soft": "best efforts",
    "national_law": "by reference to national law",
}


@cache
def _indicators() -> tuple[str, dict[str, str]]:
    data = yaml.safe_load(package_path("kit/indicators.yaml").read_text(encoding="utf-8"))
    return data["default"], data["indicators"]


@cache
def _timings() -> tuple[str, list[tuple[re.Pattern[str], str]]]:
    data = yaml.safe_load(package_path("kit/timing.yaml").read_text(encoding="utf-8"))
    return data["default"], [(re.compile(t["pattern"], re.I), t["label"]) for t in data["timings"]]


def timing_of(text: str) -> str:
    """The deadline or frequency a provision states, or "Continuing"."""
    default, timings = _timings()
    for pattern, label in timings:
        match = pattern.search(text)
        if match:
            return label.format(None, *match.groups())
    return default


def indicator_for(protection_ids: list[str]) -> str:
    default, indicators = _indicators()
    found = [indicators[pid] for pid in protection_ids if pid in indicators]
    return "; ".join(dict.fromkeys(found)) if found else default


def build_tracker(doc: AgreementText, analyzer: Analyzer, roles: Roles, library: Library) -> list[Obligation]:
    """One row per commitment, in the order of the text."""
    final_clause = analyzer.book.modality.final_clause
    rows: list[Obligation] = []
    for seen in analyzer.observe(doc):
        provision = seen.provision
        if provision is None or provision.norm not in COMMITMENTS or seen.modality not in STRENGTHS:
            continue
        if not seen.block.unit or final_clause.search(seen.sentence) or NOT_IMPLEMENTED.search(seen.sentence):
            continue
        text = f"{seen.lead_in} {seen.sentence}" if seen.lead_in else seen.sentence
        # the reader saw the lead-in and the item as one text, so its subject may stand in the lead-in
        subject = provision.text[: provision.modal_at[0]] if provision.modal_at[1] else ""
        party, responsible = roles.answerable(subject)
        ids = [pid for pid in seen.hits if pid in library.protections]
        rows.append(
            Obligation(
                article=seen.block.location,
                heading=seen.block.heading,
                text=text,
                party=party,
                responsible=responsible,
                timing=timing_of(text),
                indicator=indicator_for(ids),
                protections=[library.protections[pid].title for pid in ids],
                strength=STRENGTHS[seen.modality],
                against_workers=any(seen.hits[pid].contrary for pid in ids),
            )
        )
    return rows
