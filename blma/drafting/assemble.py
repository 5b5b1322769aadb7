"""Assembly: order the articles, number them, render every clause with the spec's values.

Order: the opening articles (purpose and scope, definitions, competent authorities), one
article per protection by chapter (rubric order within a chapter), then the final
provisions: implementation, the annexes (when the draft has any), amendment, entry into
force, and last the protections the rubric places among the final clauses (duration and
termination), so that a reader meets entry into force before the instrument's end.

Numbers are fixed before any text is rendered, so a clause can cite another article through
an ``article_<protection id or role>`` variable (or an annex through ``annex_<key>`` /
``contract_annex``) and the citation follows renumbering when a protection is omitted.
Whole numbers given as clause values ("30" days) are written in words, as in the rest of the
text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from blma.drafting.annexes import build_annexes
from blma.drafting.content import Annex, Article, Chapter, SignatureBlock
from blma.drafting.coverage import build_coverage
from blma.drafting.document import Draft
from blma.drafting.selection import CROSS_REFERENCE_PREFIXES, select_clauses, structural_clause
from blma.drafting.spec import DraftSpec
from blma.drafting.wording import say, setting
from blma.errors import SpecError, TemplateError
from blma.library import Clause, Library
from blma.library.models import CHAPTERS
from blma.library.render import render_clause, template_variables

OPENING_ROLES = ("purpose_scope", "definitions", "competent_authorities")
FINAL_ROLES = ("relation_to_law", "annexes", "amendment", "entry_into_force")
#: The rubric chapter whose protections close the final provisions.
FINAL_CHAPTER = "final"
#: Clause variables that cite an annex by a fixed name rather than ``annex_<key>``.
ANNEX_ALIASES = {"contract_annex": "model_contract", "standard_contract_annex": "standard_contract"}


@dataclass(frozen=True)
class _Slot:
    """An article before rendering: where it goes and what fills it."""

    part: str  # "opening", a chapter id, or "final"
    key: str
    heading: str
    clauses: tuple[Clause, ...]
    values: dict[str, str]
    field: str  # the spec field to blame if rendering fails

    @property
    def secures(self) -> list[str]:
        return list(dict.fromkeys(pid for clause in self.clauses for pid in clause.protections))


def assemble(spec: DraftSpec, library: Library) -> Draft:
    slots, reasons = _slots(spec, library)
    numbers = {slot.key: n for n, slot in enumerate(slots, start=1)}
    for pid in library.protections:  # an omitted protection secured by another clause cites that article
        carrier = next((s for s in slots if pid in s.secures), None)
        if carrier is not None:
            numbers.setdefault(pid, numbers[carrier.key])
    annexes = build_annexes(spec, {k: v for k, v in numbers.items() if k in library.protections})
    context = (
        document_context(spec) | final_terms(spec) | cross_references(numbers, annexes) | annex_terms(annexes)
    )

    chapters: list[Chapter] = []
    for number, slot in enumerate(slots, start=1):
        if number == 1 or slots[number - 2].part != slot.part:  # a chapter with no article is left out
            title = setting("chapter_titles")[slot.part]
            chapters.append(Chapter(numeral=say("roman", len(chapters) + 1), title=title, articles=[]))
        chapters[-1].articles.append(
            Article(
                number=number,
                heading=slot.heading,
                key=slot.key,
                clause_id=slot.clauses[0].id,
                clause_ids=[c.id for c in slot.clauses],
                secures=slot.secures,
                paragraphs=[p for c in slot.clauses for p in _render(c, context, slot.values, slot.field)],
            )
        )

    def structural(role: str) -> list[str]:
        clause, values = structural_clause(role, spec, library)
        return _render(clause, context, values, f"structural.{role}")

    placed = [
        (a.number, cid, library.clause(cid).strength, list(library.clause(cid).protections))
        for c in chapters
        for a in c.articles
        for cid in a.clause_ids
    ]
    signatories = named_parties(spec, library)
    return Draft(
        spec=spec,
        title=" ".join(structural("title")),
        preamble=structural("preamble"),
        chapters=chapters,
        signature=SignatureBlock(
            paragraphs=structural("signature_block"),
            signatories=[
                _signatory(spec, "origin", signatories),
                _signatory(spec, "destination", signatories),
            ],
        ),
        annexes=annexes,
        footer=say("footer", context["instrument"], context["origin_short"], context["destination_short"]),
        coverage=build_coverage(
            [(p.id, p.title, p.priority) for p in library.protections.values()], placed, reasons
        ),
    )


def document_context(spec: DraftSpec) -> dict[str, str]:
    """The global template variables every clause may use (``clauses/variables.yaml``)."""
    origin, destination = spec.parties.origin, spec.parties.destination
    words = setting("style_words")[spec.style]
    labels, titles = setting("sector_labels"), setting("sector_titles")
    return {
        "origin": origin.country,
        "destination": destination.country,
        "origin_short": origin.short,
        "destination_short": destination.short,
        "origin_authority": origin.authority,
        "destination_authority": destination.authority,
        "sector_label": say("word_list", [labels[s] for s in spec.sectors]),
        "sector_title": say("word_list", [titles[s] for s in spec.sectors]),
        "instrument": words["instrument"],
        "parties": words["parties"],
        "shall": words["shall"],
    }


def final_terms(spec: DraftSpec) -> dict[str, str]:
    """Duration and signature terms, under the variable names the library's clauses use.

    Only terms the spec sets are passed, so an unset one keeps the clause's own default
    (e.g. "[place]" for a place of signature still to be agreed).
    """
    terms: dict[str, str] = {}
    if spec.duration.years is not None:
        terms["duration_years"] = say("in_words", spec.duration.years)
    if spec.duration.notice_months is not None:
        terms["notice_months"] = say("in_words", spec.duration.notice_months)
    signature = spec.signature
    if signature.place:
        terms["place_of_signature"] = signature.place
    if signature.date:
        terms["date_of_signature"] = say("date_text", signature.date)
    if signature.languages:
        terms["languages"] = say("languages_phrase", signature.languages)
        terms["language_count"] = str(len(signature.languages))
    return terms


def cross_references(numbers: dict[str, int], annexes: list[Annex]) -> dict[str, str]:
    refs = {f"article_{key}": str(n) for key, n in numbers.items()}
    refs |= {f"annex_{a.key}": a.numeral for a in annexes}
    numerals = {a.key: a.numeral for a in annexes}
    for alias, key in ANNEX_ALIASES.items():
        if key in numerals:
            refs[alias] = say("annex_reference", numerals[key])
    return refs


def annex_terms(annexes: list[Annex]) -> dict[str, str]:
    """``annex_list``: the annexes by number and title, as the article on annexes names them."""
    titles = setting("annex_titles")
    return {"annex_list": say("word_list", [say("annex_entry", a.numeral, titles[a.key]) for a in annexes])}


def named_parties(spec: DraftSpec, library: Library) -> str:
    """Whom the title and preamble name as the parties ("governments" or "competent_authorities"),
    who then sign; a title and a preamble that name different parties are refused."""
    title, _ = structural_clause("title", spec, library)
    preamble, _ = structural_clause("preamble", spec, library)
    if title.signatories != preamble.signatories:
        words = {"governments": "the Governments", "competent_authorities": "the competent authorities"}
        raise SpecError(
            f"structural.preamble: the preamble '{preamble.id}' names {words[str(preamble.signatories)]} "
            f"as the parties but the title '{title.id}' names {words[str(title.signatories)]}; "
            "choose a title and a preamble that name the same parties, who also sign"
        )
    return title.signatories or "governments"


def _slots(spec: DraftSpec, library: Library) -> tuple[list[_Slot], dict[str, str]]:
    """The articles in order, and the recorded reason of each omitted protection."""
    headings = setting("role_headings")[spec.style]
    has_annexes = (
        spec.annexes.model_contract or spec.annexes.standard_contract or spec.annexes.competent_authorities
    )

    def structural(part: str, role: str) -> _Slot:
        clause, values = structural_clause(role, spec, library)
        return _Slot(part, role, headings[role], (clause,), values, f"structural.{role}")

    selections = select_clauses(spec, library)
    used: set[str] = set()

    def protection_slots(chapter: str, part: str) -> list[_Slot]:
        found = []
        for sel in selections:
            if not sel.clauses or sel.protection.chapter != chapter:
                continue
            clauses = tuple(c for c in sel.clauses if c.id not in used)
            if not clauses:
                continue  # one article per clause, even when it is chosen for several protections
            used.update(c.id for c in clauses)
            found.append(
                _Slot(
                    part,
                    sel.protection.id,
                    sel.protection.article_heading,
                    clauses,
                    sel.values,
                    f"protections.{sel.protection.id}",
                )
            )
        return found

    slots = [structural("opening", role) for role in OPENING_ROLES]
    for chapter in CHAPTERS:
        if chapter != FINAL_CHAPTER:
            slots += protection_slots(chapter, chapter)
    slots += [structural("final", role) for role in FINAL_ROLES if role != "annexes" or has_annexes]
    slots += protection_slots(FINAL_CHAPTER, "final")
    return slots, {s.protection.id: s.reason for s in selections if s.reason}


def _render(clause: Clause, context: dict[str, str], values: dict[str, str], field: str) -> list[str]:
    cited = template_variables(clause.text)
    dangling = sorted(
        name
        for name in cited
        if (name.startswith(CROSS_REFERENCE_PREFIXES) or name in ANNEX_ALIASES)
        and name not in context
        and name not in values
    )
    if dangling:  # a default such as "Annex I" would cite something the draft does not have
        raise SpecError(
            f"{field}: clause '{clause.id}' cites {', '.join(dangling)}, which this draft leaves out; "
            "keep the article or annex it cites, or choose another clause"
        )
    try:
        text = render_clause(clause, context, spelled_values(clause, values, context))
    except TemplateError as exc:
        raise SpecError(f"{field}: {exc}") from None
    return split_paragraphs(text)


def spelled_values(clause: Clause, values: dict[str, str], context: dict[str, str]) -> dict[str, str]:
    """The clause's own values, whole numbers written in words: "30" days reads "thirty days".

    The spec's values win over the document context, which wins over the clause's defaults,
    as in :func:`render_clause`; cross-references keep their digits ("Article 12").
    """
    own = {n: v.default for n, v in clause.variables.items() if v.default is not None and n not in context}
    own |= {name: value for name, value in values.items() if name in clause.variables}
    return {
        name: say("in_words", int(value)) if re.fullmatch(r"\d{1,3}", value.strip()) else value
        for name, value in own.items()
        if not name.startswith(CROSS_REFERENCE_PREFIXES) and name not in ANNEX_ALIASES
    }


def split_paragraphs(text: str) -> list[str]:
    """Clause texts separate paragraphs by blank lines; single newlines stay inside one."""
    return [p.strip() for p in re.split(r"\n[ \t]*\n", text) if p.strip()]


def _signatory(spec: DraftSpec, side: str, signatories: str) -> list[str]:
    party = getattr(spec.parties, side)
    return say("signatory", signatories, party.country, party.authority).splitlines()
