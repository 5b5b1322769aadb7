"""The optional annexes: the minimum terms of the employment contract, a standard contract form
the Parties make binding, and a list of competent authorities.

The minimum-terms rows and the contract's sections come from the protections the draft actually
secures, so omitting a protection also drops its term, and each cites the article that governs it.
"""

from __future__ import annotations

from blma.drafting.content import Annex, AnnexTable
from blma.drafting.spec import DraftSpec
from blma.drafting.wording import environment, say, setting


def build_annexes(spec: DraftSpec, article_numbers: dict[str, int]) -> list[Annex]:
    """Annexes in order, numbered I, II...; ``article_numbers`` maps a protection id to the
    article that secures it (absent when the draft does not secure it)."""
    builders = []
    if spec.annexes.model_contract:
        builders.append(_model_contract)
    if spec.annexes.standard_contract:
        builders.append(_standard_contract)
    if spec.annexes.competent_authorities:
        builders.append(_competent_authorities)
    return [build(spec, article_numbers, say("roman", n)) for n, build in enumerate(builders, start=1)]


def _words(spec: DraftSpec) -> dict[str, str]:
    return setting("style_words")[spec.style]


def _model_contract(spec: DraftSpec, numbers: dict[str, int], numeral: str) -> Annex:
    words = _words(spec)
    rows = [[term, content, ""] for term, content in setting("model_contract_fixed_rows")]
    terms = setting("model_contract_terms")
    drawn = sorted((numbers[pid], pid) for pid in terms if pid in numbers)
    rows += [[*terms[pid], str(article)] for article, pid in drawn]
    intro = say(
        "model_contract_intro",
        words["instrument"],
        words["shall"],
        spec.parties.origin.short,
        spec.parties.destination.short,
    )
    return Annex(
        key="model_contract",
        numeral=numeral,
        heading=say("annex_heading", numeral, setting("annex_titles")["model_contract"]),
        paragraphs=[p.strip() for p in intro.split("\n\n") if p.strip()],
        table=AnnexTable(
            headers=setting("model_contract_headers"),
            rows=rows,
            widths_cm=setting("model_contract_widths_cm"),
        ),
    )


def _standard_contract(spec: DraftSpec, numbers: dict[str, int], numeral: str) -> Annex:
    """A contract form: numbered sections, then the lines employer, worker and both authorities sign."""
    words = _words(spec)
    parties = spec.parties
    values = {
        "instrument": words["instrument"],
        "origin": parties.origin.country,
        "destination": parties.destination.country,
        "origin_short": parties.origin.short,
        "destination_short": parties.destination.short,
    }
    env = environment()
    sections = [
        (section, numbers.get(section.get("protection", "")))
        for section in setting("standard_contract_sections")
        if "protection" not in section or section["protection"] in numbers
    ]
    paragraphs = [
        say(
            "standard_contract_intro",
            words["instrument"],
            words["shall"],
            parties.origin.short,
            parties.destination.short,
        )
    ]
    for number, (section, article) in enumerate(sections, start=1):
        text = env.from_string(section["text"]).render(values | {"article": article})
        paragraphs.append(say("standard_contract_section", number, section["title"], text))
    paragraphs += [env.from_string(line).render(values) for line in setting("standard_contract_signature")]
    return Annex(
        key="standard_contract",
        numeral=numeral,
        heading=say("annex_heading", numeral, setting("annex_titles")["standard_contract"]),
        paragraphs=paragraphs,
    )


def _competent_authorities(spec: DraftSpec, numbers: dict[str, int], numeral: str) -> Annex:
    words = _words(spec)
    role = say("main_authority_role", words["instrument"])
    parties = spec.parties
    rows = [
        [parties.origin.short, parties.origin.authority, role],
        [parties.destination.short, parties.destination.authority, role],
    ]
    rows += [
        [getattr(parties, extra.party).short, extra.name, extra.responsibilities]
        for extra in spec.annexes.other_authorities
    ]
    return Annex(
        key="competent_authorities",
        numeral=numeral,
        heading=say("annex_heading", numeral, setting("annex_titles")["competent_authorities"]),
        paragraphs=[say("authorities_intro", words["instrument"], words["parties"])],
        table=AnnexTable(
            headers=setting("authorities_headers"), rows=rows, widths_cm=setting("authorities_widths_cm")
        ),
    )
