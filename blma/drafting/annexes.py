"""The optional annexes: the minimum terms of the employment contract, a standard contract form
the Parties make binding, and a list of competent authorities.

The minimum-terms rows and the contract's sections come from the protections the draft actually
secures, so omitting a protection also drops its term, and each cites the article that governs it.
"""

from __future__ import annotations

from blma.drafting.content import Annex, AnnexTable
from blma.drafting.spec import DraftSpec
from blma.drafting.wording import Wording, environment
from blma.library.grammar import cap


def build_annexes(spec: DraftSpec, article_numbers: dict[str, int], w: Wording) -> list[Annex]:
    """Annexes in order, numbered I, II..., worded in ``w``'s language; ``article_numbers`` maps
    a protection id to the article that secures it (absent when the draft does not secure it)."""
    builders = []
    if spec.annexes.model_contract:
        builders.append(_model_contract)
    if spec.annexes.standard_contract:
        builders.append(_standard_contract)
    if spec.annexes.competent_authorities:
        builders.append(_competent_authorities)
    return [build(spec, article_numbers, w.say("roman", n), w) for n, build in enumerate(builders, start=1)]


def _words(spec: DraftSpec, w: Wording) -> dict[str, str]:
    """The style words, with ``shall`` as the English word of the style: the French and Spanish
    macros read it only as a flag for the style (one text of theirs serves both)."""
    return {"shall": "will" if spec.style == "mou" else "shall"} | w.style_words(spec.style)


def _names(spec: DraftSpec, w: Wording) -> dict[str, str]:
    origin, destination = spec.parties.origin.names(w.language), spec.parties.destination.names(w.language)
    return {
        "origin": origin.country,
        "destination": destination.country,
        "origin_short": origin.short,
        "destination_short": destination.short,
    }


def _model_contract(spec: DraftSpec, numbers: dict[str, int], numeral: str, w: Wording) -> Annex:
    words, names = _words(spec, w), _names(spec, w)
    rows = [[term, content, ""] for term, content in w.setting("model_contract_fixed_rows")]
    terms = w.setting("model_contract_terms")
    drawn = sorted((numbers[pid], pid) for pid in terms if pid in numbers)
    rows += [[*terms[pid], str(article)] for article, pid in drawn]
    intro = w.say(
        "model_contract_intro",
        words["instrument"],
        words["shall"],
        names["origin_short"],
        names["destination_short"],
    )
    return Annex(
        key="model_contract",
        numeral=numeral,
        heading=w.say("annex_heading", numeral, w.setting("annex_titles")["model_contract"]),
        paragraphs=[p.strip() for p in intro.split("\n\n") if p.strip()],
        table=AnnexTable(
            headers=w.setting("model_contract_headers"),
            rows=rows,
            widths_cm=w.setting("model_contract_widths_cm"),
        ),
    )


def _standard_contract(spec: DraftSpec, numbers: dict[str, int], numeral: str, w: Wording) -> Annex:
    """A contract form: numbered sections, then the lines employer, worker and both authorities sign."""
    words, names = _words(spec, w), _names(spec, w)
    values = {"instrument": words["instrument"], **names}
    env = environment(w.language)
    sections = [
        (section, numbers.get(section.get("protection", "")))
        for section in w.setting("standard_contract_sections")
        if "protection" not in section or section["protection"] in numbers
    ]
    paragraphs = [
        w.say(
            "standard_contract_intro",
            words["instrument"],
            words["shall"],
            names["origin_short"],
            names["destination_short"],
        )
    ]
    for number, (section, article) in enumerate(sections, start=1):
        text = env.from_string(section["text"]).render(values | {"article": article})
        paragraphs.append(w.say("standard_contract_section", number, section["title"], text))
    paragraphs += [env.from_string(line).render(values) for line in w.setting("standard_contract_signature")]
    return Annex(
        key="standard_contract",
        numeral=numeral,
        heading=w.say("annex_heading", numeral, w.setting("annex_titles")["standard_contract"]),
        paragraphs=paragraphs,
    )


def _competent_authorities(spec: DraftSpec, numbers: dict[str, int], numeral: str, w: Wording) -> Annex:
    words = _words(spec, w)
    role = w.say("main_authority_role", words["instrument"])
    parties = {side: getattr(spec.parties, side).names(w.language) for side in ("origin", "destination")}
    rows = [
        [cap(parties["origin"].short), cap(parties["origin"].authority), role],
        [cap(parties["destination"].short), cap(parties["destination"].authority), role],
    ]
    rows += [  # a cell opens with a capital, also when a French name opens with its article
        [cap(parties[extra.party].short), cap(extra.name), extra.responsibilities]
        for extra in spec.annexes.other_authorities
    ]
    return Annex(
        key="competent_authorities",
        numeral=numeral,
        heading=w.say("annex_heading", numeral, w.setting("annex_titles")["competent_authorities"]),
        paragraphs=[w.say("authorities_intro", words["instrument"], words["parties"])],
        table=AnnexTable(
            headers=w.setting("authorities_headers"), rows=rows, widths_cm=w.setting("authorities_widths_cm")
        ),
    )
