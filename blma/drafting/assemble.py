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
from blma.drafting.wording import Wording, wording
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


def assemble(spec: DraftSpec, library: Library, language: str | None = None) -> Draft:
    """The draft in ``language`` (default: the spec's), with its second text when the spec asks
    for a bilingual draft. ``library`` is the English library; the coverage reads its titles."""
    language = language or spec.language
    second = None
    if language == spec.language and spec.second_language:
        second = assemble(spec, library, spec.second_language)
    english, library = library, library.in_language(language)
    w = wording(language)
    slots, reasons = _slots(spec, library, w)
    numbers = {slot.key: n for n, slot in enumerate(slots, start=1)}
    for pid in library.protections:  # an omitted protection secured by another clause cites that article
        carrier = next((s for s in slots if pid in s.secures), None)
        if carrier is not None:
            numbers.setdefault(pid, numbers[carrier.key])
    annexes = build_annexes(spec, {k: v for k, v in numbers.items() if k in library.protections}, w)
    context = (
        document_context(spec, w)
        | final_terms(spec, w)
        | cross_references(numbers, annexes, w)
        | annex_terms(annexes, w)
    )

    chapters: list[Chapter] = []
    for number, slot in enumerate(slots, start=1):
        if number == 1 or slots[number - 2].part != slot.part:  # a chapter with no article is left out
            title = w.setting("chapter_titles")[slot.part]
            chapters.append(Chapter(numeral=w.say("roman", len(chapters) + 1), title=title, articles=[]))
        chapters[-1].articles.append(
            Article(
                number=number,
                heading=slot.heading,
                key=slot.key,
                clause_id=slot.clauses[0].id,
                clause_ids=[c.id for c in slot.clauses],
                secures=slot.secures,
                paragraphs=[p for c in slot.clauses for p in _render(c, context, slot.values, slot.field, w)],
            )
        )

    def structural(role: str) -> list[str]:
        clause, values = structural_clause(role, spec, library)
        return _render(clause, context, values, f"structural.{role}", w)

    placed = [
        (a.number, cid, library.clause(cid).strength, list(library.clause(cid).protections))
        for c in chapters
        for a in c.articles
        for cid in a.clause_ids
    ]
    signatories = named_parties(spec, library)
    return Draft(
        spec=spec,
        language=language,
        second=second,
        title=" ".join(structural("title")),
        preamble=structural("preamble"),
        chapters=chapters,
        signature=SignatureBlock(
            paragraphs=structural("signature_block"),
            signatories=[
                _signatory(spec, "origin", signatories, w),
                _signatory(spec, "destination", signatories, w),
            ],
        ),
        annexes=annexes,
        footer=w.say(
            "footer",
            context["instrument"],
            context["origin_short"],
            context["destination_short"],
            count=not spec.second_language,
        ),
        coverage=build_coverage(
            [(p.id, p.title, p.priority) for p in english.protections.values()], placed, reasons
        ),
    )


def document_context(spec: DraftSpec, w: Wording) -> dict[str, str]:
    """The global template variables every clause may use (``clauses/variables.yaml``), and
    the style words of the language (``shall`` in English, the party words in French and Spanish)."""
    origin = spec.parties.origin.names(w.language)
    destination = spec.parties.destination.names(w.language)
    labels, titles = w.setting("sector_labels"), w.setting("sector_titles")
    return w.style_words(spec.style) | {
        "origin": origin.country,
        "destination": destination.country,
        "origin_short": origin.short,
        "destination_short": destination.short,
        "origin_authority": origin.authority,
        "destination_authority": destination.authority,
        "sector_label": w.say("word_list", [labels[s] for s in spec.sectors]),
        "sector_title": w.say("word_list", [titles[s] for s in spec.sectors]),
    }


def final_terms(spec: DraftSpec, w: Wording) -> dict[str, str]:
    """Duration and signature terms, under the variable names the library's clauses use.

    Only terms the spec sets are passed, so an unset one keeps the clause's own default
    (e.g. "[place]" for a place of signature still to be agreed). A bilingual draft whose spec
    names no languages of signature is signed in its own two, each text naming them in its language.
    """
    terms: dict[str, str] = {}
    if spec.duration.years is not None:
        terms["duration_years"] = w.say("in_words", spec.duration.years)
    if spec.duration.notice_months is not None:
        terms["notice_months"] = w.say("in_words", spec.duration.notice_months)
    signature = spec.signature
    if signature.place:
        terms["place_of_signature"] = signature.place
    if signature.date:
        terms["date_of_signature"] = w.say("date_text", signature.date)
    languages = signature.languages
    if not languages and spec.second_language:
        languages = [w.setting("language_names")[code] for code in spec.languages]
    if languages:
        terms["languages"] = w.say("languages_phrase", languages)
        terms["language_count"] = str(len(languages))
    return terms


def cross_references(numbers: dict[str, int], annexes: list[Annex], w: Wording) -> dict[str, str]:
    refs = {f"article_{key}": str(n) for key, n in numbers.items()}
    refs |= {f"annex_{a.key}": a.numeral for a in annexes}
    numerals = {a.key: a.numeral for a in annexes}
    for alias, key in ANNEX_ALIASES.items():
        if key in numerals:
            refs[alias] = w.say("annex_reference", numerals[key])
    return refs


def annex_terms(annexes: list[Annex], w: Wording) -> dict[str, str]:
    """``annex_list``: the annexes by number and title, as the article on annexes names them."""
    titles = w.setting("annex_titles")
    return {"annex_list": w.say("word_list", [w.say("annex_entry", a.numeral, titles[a.key]) for a in annexes])}


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


def _slots(spec: DraftSpec, library: Library, w: Wording) -> tuple[list[_Slot], dict[str, str]]:
    """The articles in order, and the recorded reason of each omitted protection."""
    headings = w.setting("role_headings")[spec.style]
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


def _render(clause: Clause, context: dict[str, str], values: dict[str, str], field: str, w: Wording) -> list[str]:
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
        text = render_clause(clause, context, spelled_values(clause, values, context, w), w.language)
    except TemplateError as exc:
        raise SpecError(f"{field}: {exc}") from None
    return split_paragraphs(text)


def spelled_values(clause: Clause, values: dict[str, str], context: dict[str, str], w: Wording) -> dict[str, str]:
    """The clause's own values, whole numbers written in words: "30" days reads "thirty days".

    The spec's values win over the document context, which wins over the clause's defaults,
    as in :func:`render_clause`; cross-references keep their digits ("Article 12").
    """
    own = {n: v.default for n, v in clause.variables.items() if v.default is not None and n not in context}
    own |= {name: value for name, value in values.items() if name in clause.variables}
    return {
        name: w.say("in_words", int(value)) if re.fullmatch(r"\d{1,3}", value.strip()) else value
        for name, value in own.items()
        if not name.startswith(CROSS_REFERENCE_PREFIXES) and name not in ANNEX_ALIASES
    }


def split_paragraphs(text: str) -> list[str]:
    """Clause texts separate paragraphs by blank lines; single newlines stay inside one."""
    return [p.strip() for p in re.split(r"\n[ \t]*\n", text) if p.strip()]


def _signatory(spec: DraftSpec, side: str, signatories: str, w: Wording) -> list[str]:
    party = getattr(spec.parties, side).names(w.language)
    return w.say("signatory", signatories, party.country, party.authority).splitlines()
