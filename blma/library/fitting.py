"""A library clause fitted to the agreement under review: the one text every output suggests.

The gap report (Markdown, DOCX), the redline and the app's Review page all render a suggested
clause here, so they cannot disagree on who the origin is or what the authority is called.
The clause is quoted in the agreement's own language (``facts.language``: the library's French
or Spanish text for a French or Spanish agreement), since a negotiator pastes it into that
agreement. Values come from the analysis's :class:`~blma.analysis.models.AgreementTerms`
(decided once, at analysis time), then the clause is made to speak the agreement's language:

- its parties as the text names them, whichever is named first;
- its authorities where the agreement designates them, else a visible placeholder
  ("[competent authority of Tenebria]", "l'[autorité compétente de l'Italie]") for the
  negotiator to fill, never an invented name;
- its word for the signatories ("Participants", "Contracting Parties", "Parties
  contractantes") and its committee's name ("Joint Working Committee", "Commission mixte");
- no reference to an annex the agreement does not have: the reference becomes neutral.

What each language says where the agreement is silent, and which library words give way to
the agreement's, is data: the ``suggestion_words`` table of ``templates/wording*.j2``
(:class:`FittingWords`). One code path serves every language.

Which clause: for a contrary provision, the remedy listed in ``clauses/remedies.yaml`` for
the cue that found it (a pregnancy test calls for a ban on pregnancy testing), else the
analysis's first suggestion.
"""

from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING

from pydantic import BaseModel, ConfigDict, Field, model_validator

from blma.errors import DataError
from blma.library.grammar import DRAFT_LANGUAGES
from blma.library.loader import Library
from blma.library.models import Clause
from blma.library.remedies import read_remedies
from blma.library.render import render_clause

if TYPE_CHECKING:
    from blma.analysis.models import AgreementFacts, Finding
    from blma.drafting.wording import Wording

#: The key under which a suggestion context (:func:`blma.comparison.suggestions.clause_context`)
#: says which language its values are in; no clause template may read it.
LANGUAGE = "language"


class FittingWords(BaseModel):
    """One language's words for fitting a clause to an agreement (``suggestion_words``)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    origin: str = Field(description="the country of origin where the agreement names none")
    destination: str = Field(description="the country of destination where the agreement names none")
    authority: str = Field(
        description="template of an authority the agreement does not name, given `country`"
    )
    sector_joiner: str | None = Field(
        None, description="joins sector labels; None: the language's word_list macro"
    )
    party_qualifiers_before: list[str] = Field(default_factory=list, description='"Contracting" (Parties)')
    party_qualifiers_after: list[str] = Field(default_factory=list, description='(Parties) "contractantes"')
    singular_endings: list[tuple[str, str]] = Field(description="plural ending -> singular, word by word")
    agreeing_party_words: list[str] = Field(
        default_factory=list,
        description="style words that follow the agreement's own word for its parties (gender, number)",
    )
    committee: str = Field(description="the library's name for the joint committee")
    committee_genders: dict[str, str] = Field(default_factory=dict, description="head noun -> gender")
    committee_articles: dict[str, list[str]] = Field(
        default_factory=dict, description="gender -> the article forms before the committee, aligned"
    )
    annex_citation: str = Field(description="template citing the agreement's annex (`annex`, as read)")
    annex_participles: list[str] = Field(default_factory=list, description='"set out" (in Annex I)')
    annex_before: list[str] = Field(description='what introduces an annex: "in ", "à l\'", "en el "')
    annex_word: str
    neutral_annex: str = Field(description="what a reference to an annex the agreement lacks becomes")

    @model_validator(mode="after")
    def _articles_for_every_gender(self) -> FittingWords:
        forms = {len(articles) for articles in self.committee_articles.values()}
        if len(forms) > 1:
            raise ValueError(
                "committee_articles: every gender needs the same article forms, in the same order"
            )
        unknown = set(self.committee_genders.values()) - set(self.committee_articles)
        if unknown:
            raise ValueError(f"committee_genders: no committee_articles for {', '.join(sorted(unknown))}")
        return self


@cache
def fitting_words(language: str) -> FittingWords:
    """The fitting words of a drafting language (a :class:`DataError` naming the file if they are wrong)."""
    from pydantic import ValidationError

    from blma.drafting.wording import wording  # the wording tables load Jinja2: only when rendering

    w = wording(language)
    try:
        return FittingWords.model_validate(w.setting("suggestion_words"))
    except ValidationError as exc:
        where = "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors())
        raise DataError(f"templates/{w.file}: suggestion_words: {where}") from None


@cache
def _annex_reference(language: str) -> re.Pattern[str]:
    """A reference to an annex in a rendered clause: "set out in Annex I", "à l'annexe I"."""
    words = fitting_words(language)
    participles = "|".join(map(re.escape, words.annex_participles))
    optional = f"(?:(?:{participles}) )?" if participles else ""
    before = "|".join(map(re.escape, words.annex_before))
    return re.compile(rf"\b{optional}(?:{before})(?P<annex>{re.escape(words.annex_word)}(?: [IVXLC\d]+)?)\b")


@cache
def _small_template(text: str, language: str):
    """A table's one-line template, compiled once (suggestions render it for every clause)."""
    from blma.library.render import environment

    return environment(language).from_string(text)


def _fill(text: str, language: str, **values: str) -> str:
    return _small_template(text, language).render(**values)


def suggestion_language(facts: AgreementFacts) -> str:
    """The language suggestions are quoted in: the agreement's, if the library drafts in it."""
    return facts.language if facts.language in DRAFT_LANGUAGES else "en"


def suggestion_library(library: Library, facts: AgreementFacts) -> Library:
    """The library in the agreement's language, whose clauses a suggestion quotes; the English
    library when that language's translation or fitting words have a defect (a broken data file
    must not cost the reviewer the report: ``blma library check`` names the defect)."""
    language = suggestion_language(facts)
    try:
        fitting_words(language)
        return library.in_language(language)
    except DataError:
        return library


def clause_context(facts: AgreementFacts, language: str | None = None) -> dict[str, str]:
    """Values for the library's global template variables (``clauses/variables.yaml``) and the
    style words, in ``language`` (default: the agreement's)."""
    from blma.drafting.wording import wording  # the wording tables load Jinja2: only when rendering

    language = language or suggestion_language(facts)
    w, words, terms = wording(language), fitting_words(language), facts.terms
    labels = w.setting("sector_labels")
    sectors = [labels.get(s, s.replace("_", " ")) for s in facts.sectors if s != "general"]
    joined = (
        words.sector_joiner.join(sectors) if words.sector_joiner is not None else w.say("word_list", sectors)
    )
    origin = terms.origin or words.origin
    destination = terms.destination or words.destination
    return {
        "origin": terms.origin_name or origin,
        "destination": terms.destination_name or destination,
        "origin_short": origin,
        "destination_short": destination,
        "origin_authority": terms.origin_authority
        or _authority(words, terms.origin or words.origin, language),
        "destination_authority": terms.destination_authority
        or _authority(words, terms.destination or words.destination, language),
        "sector_label": joined or labels["general"],
        **w.style_words(facts.instrument),
        **_agreeing_party_words(terms.parties_term, words, w),
    }


def _authority(words: FittingWords, country: str, language: str) -> str:
    """A visible blank for an authority the agreement does not name, naming its country (a
    country placeholder loses its brackets: "[competent authority of country of origin]")."""
    return _fill(words.authority, language, country=country.replace("[", "").replace("]", ""))


def _agreeing_party_words(term: str, words: FittingWords, w: Wording) -> dict[str, str]:
    """The style words that agree with the agreement's own word for its parties: a French MoU
    whose signatories are "Parties" says "chacune des Parties", not "chacun des Participants"."""
    if not term or not words.agreeing_party_words:
        return {}
    for style in w.setting("style_words").values():
        if style["parties"] in term.split():
            return {key: style[key] for key in words.agreeing_party_words}
    return {}


def fitted_clause(clause: Clause, facts: AgreementFacts, language: str | None = None) -> str:
    """The clause's text for this agreement (paragraphs separated by a blank line); ``clause``
    is the library's text in ``language`` (default: the agreement's, see :func:`suggestion_library`)."""
    from blma.drafting.wording import wording

    language = language or suggestion_language(facts)
    words = fitting_words(language)
    values: dict[str, str] = {}
    for name, var in clause.variables.items():
        if name.endswith("_annex"):
            values[name] = (
                _annex_citation(facts.terms.contract_annex, words, language)
                if facts.terms.contract_annex
                else (var.default or var.example)
            )
        elif var.default is None:
            values[name] = f"[{var.description[:1].lower()}{var.description[1:]}]"
    context = clause_context(facts, language)
    text = render_clause(clause, context, values, language)
    return fit_words(text, facts, wording(language).style_words(facts.instrument)["parties"], language)


def _annex_citation(annex: str, words: FittingWords, language: str) -> str:
    """The agreement's annex ("Annexe I") as the language's clause texts cite it ("l'annexe I")."""
    return _fill(words.annex_citation, language, annex=annex)


def fit_words(text: str, facts: AgreementFacts, style_parties: str, language: str = "en") -> str:
    """The agreement's own words in a rendered clause: its signatories, its committee, its annexes.

    ``style_parties`` is the library's word for the signatories in the instrument's style
    ("Parties", "Participants", "Partes"); the agreement's word replaces it and its singular.
    """
    from blma.drafting.wording import wording

    words = fitting_words(language)
    terms = facts.terms
    term = terms.parties_term
    if term and term != style_parties:
        nouns = {style["parties"] for style in wording(language).setting("style_words").values()}
        bare = _head(term, nouns | {style_parties})  # also written in templates as is
        guard = "".join(f"(?<!{re.escape(q)} )" for q in words.party_qualifiers_before)
        after = "".join(f"(?! {re.escape(q)})" for q in words.party_qualifiers_after)
        for plural in dict.fromkeys([style_parties, bare]):
            text = re.sub(rf"{guard}\b{plural}\b{after}", term, text)
            text = re.sub(rf"{guard}\b{_singular(plural, words)}\b{after}", _singular(term, words), text)
    if terms.committee and terms.committee != words.committee:
        text = _rename_committee(text, terms.committee, words)
    present = {a.casefold() for a in facts.annexes}
    if terms.contract_annex:
        present.add(terms.contract_annex.removeprefix("the ").casefold())

    def neutral(match: re.Match[str]) -> str:
        return match.group(0) if match["annex"].casefold() in present else words.neutral_annex

    return _annex_reference(language).sub(neutral, text)


def _head(term: str, nouns: set[str]) -> str:
    """The noun of the agreement's word for its parties: the library's word where the term holds
    it ("Parties" in "Parties contractantes"), else its last word ("Contracting Parties", "Sides")."""
    parts = term.split()
    return next((part for part in parts if part in nouns), parts[-1])


def _singular(term: str, words: FittingWords) -> str:
    """Word by word: "Contracting Parties" -> "Contracting Party", "Parties contractantes" ->
    "Partie contractante"."""
    return " ".join(_singular_word(part, words.singular_endings) for part in term.split(" "))


def _singular_word(word: str, endings: list[tuple[str, str]]) -> str:
    for plural, singular in endings:
        if word.endswith(plural):
            return word[: len(word) - len(plural)] + singular
    return word


def _rename_committee(text: str, name: str, words: FittingWords) -> str:
    """The library's committee called by the agreement's name, the articles before it agreeing
    ("du Comité mixte" -> "de la Commission mixte")."""
    library = words.committee
    old = words.committee_genders.get(library.split()[0])
    new = words.committee_genders.get(name.split()[0], old)
    if old and new and old != new:
        for before, after in zip(words.committee_articles[old], words.committee_articles[new], strict=True):
            for a, b in ((before, after), (before.capitalize(), after.capitalize())):
                text = re.sub(rf"\b{re.escape(a)} {re.escape(library)}\b", lambda _, b=b: f"{b} {name}", text)
    return re.sub(rf"\b{re.escape(library)}\b", lambda _: name, text)


def paragraphs(text: str) -> list[str]:
    """A rendered clause's paragraphs."""
    return [p.strip() for p in re.split(r"\n[ \t]*\n", text) if p.strip()]


def remedy(library: Library, finding: Finding, style: str) -> Clause | None:
    """The clause to suggest for a finding: the remedy for the contrary cue that fired, if the
    library lists one that suits the style, else the analysis's first suggestion. ``library``
    may be the library in the agreement's language (:func:`suggestion_library`): the clause
    comes in that language."""
    if finding.final_status == "contrary":
        listed = read_remedies(library.root)
        for evidence in finding.evidence:
            for clause_id in listed.get(evidence.cue, []) if evidence.kind == "contrary" else []:
                clause = library.clause(clause_id)
                if clause.suits(style=style):
                    return clause
    return library.clause(finding.suggestions[0]) if finding.suggestions else None
