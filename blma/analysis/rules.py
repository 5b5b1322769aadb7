"""Detection rules as data: loading, validating and compiling the rule files.

One file per protection (``rules/protections/<id>.yaml``, format in ``rules/README.md``);
every cue is named, so a finding can say which one fired. Patterns use a language's concept
lists (``lexicon/<language>/concepts.yaml``) as ``{NAME}``; the deontic lexicon beside it says
how firmly a sentence commits. Everything is compiled once, case-insensitively, and kept in the
user's cache folder under a hash of the rule files, the lexicon and this code, so that a later
process reads it back (its patterns then compile on first use) instead of compiling it again.
"""

from __future__ import annotations

import hashlib
import pickle
import re
import sys
from dataclasses import dataclass, field
from functools import cache, cached_property
from pathlib import Path
from typing import Literal

import pydantic
import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from blma import user_cache, yamlio
from blma.analysis import precheck
from blma.analysis.party_labels import FIRST_PERSON, SECOND_PERSON_FORMS
from blma.analysis.precheck import PatternSet
from blma.analysis.prefilter import Guarded, LiteralSet, Sentence, literal_set, use_precheck
from blma.analysis.spelling import Spelling, load_spelling
from blma.errors import DataError
from blma.resources import package_path
from blma.yamlio import load_yaml

RULES_DIR = package_path("analysis/rules")
LEXICON_DIR = package_path("analysis/lexicon")
MACRO = re.compile(r"\{([A-Z_]+)\}")
NAME = r"^[a-z][a-z0-9_]*$"


class Examples(BaseModel):
    """Sentences a cue must find (``match``) and must leave alone (``no_match``); a test runs them."""

    model_config = ConfigDict(extra="forbid")

    match: list[str] = Field(default_factory=list)
    no_match: list[str] = Field(default_factory=list)


class _Cue(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str = Field(pattern=NAME)
    comment: str = ""
    examples: Examples = Field(default_factory=Examples)


class TopicCue(_Cue):
    """The sentence addresses the protection when every regex of ``all`` matches.

    ``unambiguous``: the words cannot be about anything else (the Universal Declaration cited, the
    sale of employment prohibited), so the trained second opinion's reading of the sentence as
    about another topic does not undo the finding, as it does not for a weak-topic cue.
    """

    all: list[str] = Field(min_length=1)
    unambiguous: bool = False


class PatternCue(_Cue):
    """One regex: a false friend to blank out (mask) or words that narrow a protection (restrict)."""

    pattern: str
    # restrict only: the narrowing belongs to the whole provision ("the Committee shall meet at the
    # request of either Party" narrows "shall establish a Committee"), so it makes the firm
    # sentences of its article partial too
    article_wide: bool = False


class ElementCue(_Cue):
    """A named part of a strong provision, found when any of its regexes matches.

    ``says``: what a reviewer is told is missing when a ``require`` group names it and nothing
    in the text has it ("what happens to workers already deployed", not "deployed").
    """

    any: list[str] = Field(min_length=1)
    says: str | None = None


class ContraryCue(_Cue):
    """A provision working against the protection.

    Either ``pattern`` (an ordered phrase) or ``all`` (concepts that must all appear in the
    sentence, in any order: sturdier against paraphrase). ``negation`` says where a negator
    reverses it: just ``before`` the match, also ``within`` it, anywhere in the ``sentence``,
    or ``none`` when the harm is itself phrased as a negation ("may not join a union").
    """

    pattern: str | None = None
    all: list[str] = Field(default_factory=list)
    negation: Literal["before", "within", "sentence", "none"] = "before"
    and_: str | None = Field(default=None, alias="and")
    unless: str | None = None  # a sentence matching this is not contrary ("only for serious misconduct")


class RuleSpec(BaseModel):
    """One protection's detector as written in ``rules/protections/<id>.yaml``."""

    model_config = ConfigDict(extra="forbid")

    id: str
    topic: list[TopicCue] = Field(min_length=1)
    weak_topic: list[TopicCue] = Field(default_factory=list)
    mask: list[PatternCue] = Field(default_factory=list)
    elements: list[ElementCue] = Field(default_factory=list)
    require: list[list[str]] = Field(default_factory=list)
    sector_require: dict[str, list[list[str]]] = Field(default_factory=dict)
    restrict: list[PatternCue] = Field(default_factory=list)
    contrary: list[ContraryCue] = Field(default_factory=list)
    preamble_counts: bool = False
    # with preamble_counts, the elements a recital may supply (the standards it cites); a savings
    # clause only recited ("Recalling that ... in no case shall ...") is not the instrument's own
    preamble_elements: list[str] | None = None
    may_is_firm: bool = False  # "either Party may terminate" is how such rights are written
    generic_contrary: list[Literal["denied", "pays"]] = Field(default_factory=list)
    # a sentence matching this shows no shared harm for this protection ("exempt from the host
    # State's social security" where the staff are covered by their organisation's own scheme)
    generic_unless: str | None = None
    # equal treatment with nationals secures this protection itself (equal_treatment, ...), rather
    # than leaving it to national law (for the others it is partial)
    reference_to_nationals_secures: bool = False
    final_clauses_count: bool = False  # ratification, entry into force, denunciation: the instrument's life
    worker_context: bool = False  # a topic counts only in an article (or sentence) about workers
    # the protection concerns the agreement between the Parties: in a document that is itself an
    # employment contract, only a sentence naming that agreement counts ("this Contract may be
    # terminated by one month's notice" is the contract's own term, contract_termination's matter)
    about_the_agreement: bool = False
    # the required elements stand apart by nature (standards cited in the preamble, a savings clause
    # in an article): a "present" they make together is not put to the model's check of each
    # sentence alone, which no single sentence can pass
    elements_apart: bool = False

    @field_validator("contrary")
    @classmethod
    def _one_form(cls, value: list[ContraryCue]) -> list[ContraryCue]:
        for cue in value:
            if bool(cue.pattern) == bool(cue.all):
                raise ValueError(f"contrary cue '{cue.name}' needs either 'pattern' or 'all'")
        return value

    def cue_names(self) -> list[str]:
        groups = (self.topic, self.weak_topic, self.mask, self.elements, self.restrict, self.contrary)
        return [cue.name for group in groups for cue in group]


class ModalitySpec(BaseModel):
    model_config = ConfigDict(extra="forbid")

    soft: list[str]
    may: str
    worker_right_may: str
    rights: str
    national_law: str
    bare_reference: str
    floor: str
    recital: str
    definition: str
    negators: str
    annex_mandatory: str
    annex_indicative: str
    worker_denied: str
    worker_pays: str
    denial_subjects: str
    enumeration: str
    qualifiers: dict[str, str]
    conditional_opening: str
    definition_lead: str
    non_binding: str
    bearers: dict[str, str]
    norms: dict[str, str]
    by_reference_to_nationals: str
    modal_negation: str
    final_clause: str
    worker_context: str
    comparative: str
    relative_modal: str
    denied_burden: str
    labour_migration_title: str
    # Clause grammar the engine needs beyond English; a lexicon without them gets the English
    # forms written in the code (components.py, deontic.py), so English reads exactly as before.
    clause_break: str | None = None  # where a negator's reach ends (", but", "; mais")
    unnegate: str | None = None  # a modal's negation removed ("not", "ne ... pas")
    double_negative: str | None = None  # a second negation that cancels the first ("without", "sans")
    proviso: str | None = None  # a trailing proviso ("provided that"): its negator limits a harm, not reverses it
    opening_condition: str | None = None  # "If ..., ": a negated modal in it is the condition's, not the harm's
    clause_start: str | None = None  # where the clause holding a modal verb starts
    passive_agent: str | None = None  # "by the employer", "par l'employeur"
    condition_before: str | None = None  # "where", "if" just before a harm: it states a case
    for_worker: str | None = None  # "for workers" just after a denial names who is refused
    # the denials that are an exclusion or exemption ("excluded from", "exclus de"): a negator
    # before one ("are not excluded from") makes it a protection, not a harm
    exclusion: str | None = None
    # a sentence that leaves its subject to the one before ("Podrán cambiar de empleador", "Ils
    # peuvent ..."): what it matches at the start (a pronoun, or nothing) stands for that subject
    subjectless: str | None = None
    # a sentence that deletes or repeals a provision it quotes ("..., which provides that workers
    # shall not change employer, is hereby deleted"): the harm it names is removed, not imposed
    repealed: str | None = None
    # words an amendment takes out of a provision it quotes ('the words "wages, accommodation and
    # meals" are replaced by the word "wages"'): no longer in force, so no rule reads them (named
    # groups ``words...``; ``components.without_removed_words``)
    removed_words: str | None = None
    # a provision limiting other parts of the text it names ("Chapter III does not apply to domestic
    # workers", "The Minister may exempt any employer from Sections 6.1 and 7.2"): named groups
    # ``ref...`` hold the references (``limitations.py``)
    limits_part: str | None = None
    # a provision deleted with nothing in its place ("Article 17 (Family Reunification) is deleted"):
    # the protection it named is not in the text (``components.only_repeals``)
    provision_deleted: str | None = None
    # a lead-in that brings a provision's new wording ("... is replaced by the following:"): the text
    # under it is in force, so its harms stand even though the lead-in matches ``repealed``
    replacement: str | None = None
    # a lead-in whose list names acts to be prevented or punished ("Workers shall enjoy protection
    # against acts calculated to -", "The following shall be prohibited:"): a harm in its items is
    # what the text forbids, not what it imposes
    forbidding_lead_in: str | None = None
    # a cost met "at his own expense": the possessive belongs to the clause's subject, so it is the
    # worker's cost only when the worker, not an employer or agency, is the last party named before it
    own_cost_of_subject: str | None = None
    # a recital that recalls another instrument ("Having noted that the Protection of Wages
    # Convention, 1949, provides that wages shall be paid regularly"): it is about that instrument,
    # so it counts only where a rule reads preambles (the reference to standards)
    recital_cites_instrument: str | None = None
    # the labels a contract gives its two sides ("First Party"); where the text defines one as the
    # employer or the worker, it is read as that role (blma.analysis.party_labels)
    party_labels: str | None = None
    # a heading that lists one party's duties ("Obligations of the Employer"): its bare items
    # ("To pay ...", "Sufragar ...") are read with the lead-in ``duties_lead_in`` gives for that
    # party ("worker", "employer"; "worker_to"/"employer_to" for items opening on "to")
    duties_heading: str | None = None
    duties_lead_in: dict[str, str] | None = None
    # a table column or a heading that names what is counted ("Indicator", "Statistics"): its cells
    # and items are measures of how the agreement works ("Cases of passport retention found at
    # inspection"), not provisions, and no rule reads them (``Analyzer.observe``)
    measure_heading: str | None = None
    # a lead-in listing fields of technical cooperation between institutions ("The Parties shall
    # develop technical cooperation in the following fields:"), and the words that put workers in
    # an item: an item naming none ("labour inspection systems, including the training of
    # inspectors") is a subject for officials, not a protection, and no rule reads it
    capacity_lead_in: str | None = None
    capacity_item_for_workers: str | None = None
    # a line that frames or closes the text and secures nothing (testimonium, signatures, place and
    # date, a blank to fill): never read by the trained second opinion for paraphrases
    closing_line: str | None = None
    # a paragraph of a contract's unnumbered opening lines that binds ("The contract shall be written
    # in English and in the worker's language ..."): a provision, not a recital of the preamble
    operative_front_matter: str | None = None
    # a title that makes the document itself an employment contract ("Standard Employment Contract
    # for ..."), and the words that name the agreement behind it ("this Agreement", "the
    # Programme"): see ``RuleSpec.about_the_agreement``
    employment_contract_title: str | None = None
    names_the_agreement: str | None = None
    # a cost put on someone other than the worker, a burden the worker is spared, and a sentence that
    # asks or labels rather than rules: none is read by the trained second opinion for a harm
    # (analyzer ``_harms``)
    pays_for_the_worker: str | None = None
    paid_by: str | None = None  # its group "payer": who a present-tense statement says pays
    spares_the_worker: str | None = None
    asks: str | None = None
    # what narrows a right granted to the worker ("only", "subject to", "with the consent of"): a
    # right with none of these is read as protective, and not by the second opinion for a harm
    narrows_a_right: str | None = None
    # a text written to employers in the second person ("a condition of your sponsor licence", "the
    # workers you employ"): its "you" is the employer, where a handbook's "you" is the worker; the
    # analysis then reads each "you" as ``employer_you`` says (blma.analysis.party_labels)
    employer_addressed: str | None = None
    worker_addressed: str | None = None  # ... and what shows the "you" is the worker after all
    employer_you: dict[str, str] | None = None
    # the heading of a part that speaks to the employer ("Conditions for you, the employer") and of
    # one that speaks to the worker: "you" is the employer between the first and the second
    employer_part: str | None = None
    worker_part: str | None = None
    # minutes narrating what a delegation reported ("The ... delegation reported cases of ..."):
    # the harm described is on record, not imposed (``blma.analysis.analyzer``)
    narration: str | None = None
    # an editorial note in a consolidated text quoting or describing wording no longer in force
    # ("Article 11, as originally adopted, read: ...", "Before that amendment, Article 9 made ..."):
    # neither a protection nor a harm (``blma.analysis.analyzer``)
    superseded_wording: str | None = None
    # a text one side signs alone and writes in the first person: a worker's declaration ("I, the
    # undersigned worker ...") whose "I", "me", "my" are the worker (``worker_me``), and an
    # employer's undertaking or offer letter ("We, ... a company ...", "we are pleased to offer
    # you") whose "we", "us", "our" are the employer (``employer_we``)
    worker_speaks: str | None = None
    employer_speaks: str | None = None
    worker_me: dict[str, str] | None = None
    employer_we: dict[str, str] | None = None

    @field_validator("employer_you", "worker_me", "employer_we")
    @classmethod
    def _known_pronouns(cls, value: dict[str, str] | None, info) -> dict[str, str] | None:
        """A pronoun the reading does not know would be silently left as written: say so."""
        known = SECOND_PERSON_FORMS if info.field_name == "employer_you" else tuple(FIRST_PERSON)
        unknown = sorted(set(value or ()) - set(known))
        if unknown:
            raise ValueError(f"unknown pronoun(s) {', '.join(unknown)}; known: {', '.join(known)}")
        return value


@dataclass(frozen=True)
class CompiledTopic:
    """A named topic cue: every pattern must match."""

    name: str
    patterns: tuple[Guarded, ...]
    unambiguous: bool = False

    def __iter__(self):
        return iter(self.patterns)


@dataclass(frozen=True)
class CompiledContrary:
    name: str
    pattern: Guarded | None
    concepts: tuple[Guarded, ...]
    negation: str
    also: Guarded | None
    unless: Guarded | None


@dataclass(frozen=True)
class Rule:
    """A compiled detector for one protection."""

    id: str
    topic: tuple[CompiledTopic, ...]
    weak_topic: tuple[CompiledTopic, ...]
    mask: Guarded | None
    elements: dict[str, Guarded]
    require: tuple[tuple[str, ...], ...]
    sector_require: dict[str, tuple[tuple[str, ...], ...]]
    restrict: Guarded | None
    article_restrict: Guarded | None  # the restrict cues that narrow their whole article
    contrary: tuple[CompiledContrary, ...]
    preamble_counts: bool
    preamble_elements: frozenset[str] | None
    may_is_firm: bool
    generic_contrary: tuple[str, ...]
    generic_unless: Guarded | None
    reference_to_nationals_secures: bool
    final_clauses_count: bool
    worker_context: bool
    about_the_agreement: bool
    elements_apart: bool
    gate: LiteralSet | None = field(repr=False)  # one literal of it occurs in any sentence a cue matches
    contrary_gate: LiteralSet | None = field(default=None, repr=False)  # the same for the contrary cues
    topic_gate: LiteralSet | None = field(default=None, repr=False)  # ... for the topic and weak-topic cues
    says: dict[str, str] = field(default_factory=dict)  # what a reviewer reads for a missing required element

    def missing(self, group: tuple[str, ...]) -> str:
        """A ``require`` group nothing in the text meets, in a reviewer's words: "x or y"."""
        return " or ".join(self.says.get(name, name.replace("_", " ")) for name in group)

    def possible(self, sentence: Sentence) -> bool:
        """Whether any cue of this rule could match: one literal search, no pattern matching."""
        return self.gate is None or sentence.has(self.gate)

    def topic_possible(self, sentence: Sentence) -> bool:
        """Whether the literal prefilter lets any topic or weak-topic cue match (all its patterns)."""
        if self.topic_gate is not None and not sentence.has(self.topic_gate):
            return False
        cues = self._topic_cues
        return any(
            all(p.possible(sentence) for p in cues[i]) for i in self._topic_literals.candidates(sentence.found)
        )

    def contrary_cues(self, sentence: Sentence) -> tuple[CompiledContrary, ...] | list[CompiledContrary]:
        """The contrary cues, in order, less those the literal gate or the pre-check rules out
        for the sentence (which would not have matched it)."""
        if not self.contrary or (self.contrary_gate is not None and not sentence.has(self.contrary_gate)):
            return ()
        index = self._contrary_pieces
        found = sentence.pieces(index.checks) if index is not None else None
        if found is None:
            return self.contrary
        return [self.contrary[i] for i in index.candidates(found)]

    def topic_may_match(self, sentence: Sentence) -> bool:
        """Whether the pre-check lets any topic or weak-topic cue match (False only when none can)."""
        index = self._topic_pieces
        found = sentence.pieces(index.checks) if index is not None else None
        return found is None or bool(index.candidates(found))

    def __getstate__(self) -> dict:
        """Pickled without the indexes below: literal ids are numbered anew in each process."""
        return {k: v for k, v in self.__dict__.items() if k in self.__dataclass_fields__}

    @cached_property
    def undoubted_cues(self) -> frozenset[str]:
        """The cues whose findings the trained second opinion's "unrelated" doubt never undoes:
        the weak-topic cues (written for the passing mention) and the topic cues marked
        ``unambiguous``."""
        return frozenset(cue.name for cue in (*self.weak_topic, *(c for c in self.topic if c.unambiguous)))

    @cached_property
    def _topic_cues(self) -> tuple[CompiledTopic, ...]:
        return (*self.topic, *self.weak_topic)

    @cached_property
    def _topic_literals(self) -> CueIndex:
        # a cue needs all its patterns' literal sets: it is filed under its smallest one
        needs = [[ids for p in cue for ids in p.literal_ids] for cue in self._topic_cues]
        return CueIndex([min(sets, key=len) if sets else None for sets in needs])

    @cached_property
    def _contrary_pieces(self) -> CueIndex | None:
        # a concept cue needs all its concepts: its first one stands for it
        return CueIndex.of_pieces([c.pattern if c.pattern is not None else c.concepts[0] for c in self.contrary])

    @cached_property
    def _topic_pieces(self) -> CueIndex | None:
        # a topic cue needs all its patterns: its first one stands for it
        return CueIndex.of_pieces([cue.patterns[0] for cue in self._topic_cues])


class CueIndex:
    """Which of a list of cues can match a sentence, in one set intersection.

    Each cue is filed under keys (literal ids or pre-check pieces) of which at least one occurs
    in any sentence it matches; a sentence's candidates are the cues filed under what was found
    in it, in their order. A cue filed under nothing (None) is always a candidate.
    """

    def __init__(self, keys: list[frozenset[int] | None], checks: PatternSet | None = None) -> None:
        self.checks = checks
        self.always = frozenset(i for i, k in enumerate(keys) if k is None)
        index: dict[int, list[int]] = {}
        for i, cue_keys in enumerate(keys):
            for key in cue_keys or ():
                index.setdefault(key, []).append(i)
        self.index = {key: tuple(cues) for key, cues in index.items()}
        self.keys = frozenset(self.index)

    @classmethod
    def of_pieces(cls, heads: list[Guarded]) -> CueIndex | None:
        """Cues filed under one piece of each alternative of their head pattern (the piece with
        the longest expression, the likeliest to be rare); None when a head is not pre-checked."""
        checks = heads[0].checks if heads else None
        if checks is None or any(h.checks is not checks or not h.options for h in heads):
            return None
        longest = checks.expressions
        return cls(
            [frozenset(max(option, key=lambda n: len(longest[n])) for option in h.options) for h in heads],
            checks,
        )

    def candidates(self, found: frozenset[int] | set[int]) -> list[int]:
        hits = set(self.always)
        for key in self.keys.intersection(found):
            hits.update(self.index[key])
        return sorted(hits)


#: The deontic lexicon's entries every language must give (the others fall back on English code).
REQUIRED_LEXICON = tuple(name for name, f in ModalitySpec.model_fields.items() if f.is_required())


class Modality:
    """The compiled deontic lexicon: one attribute per field of :class:`ModalitySpec`, holding its
    :class:`Guarded` pattern (a name -> pattern map for ``qualifiers``, ``bearers`` and ``norms``).

    The fields are declared once, in ``ModalitySpec``; a new lexicon entry needs no second list here.
    """

    def __init__(self, **patterns: Guarded | dict[str, Guarded]) -> None:
        missing = set(REQUIRED_LEXICON) - set(patterns)
        if missing:
            raise DataError(f"deontic lexicon: no pattern for {', '.join(sorted(missing))}")
        self.__dict__.update(patterns)

    def __getattr__(self, name: str) -> Guarded:  # only reached for a name the lexicon lacks
        raise AttributeError(f"the deontic lexicon has no entry '{name}'")


@dataclass(frozen=True)
class RuleBook:
    """Every protection's compiled detector, the shared deontic lexicon, and where they came from."""

    rules: dict[str, Rule]
    modality: Modality
    source: Path = RULES_DIR
    language: str = "en"
    spelling: Spelling | None = None  # how misspelt words are read (None: as written)


def _expand(pattern: str, vocabulary: dict[str, str], where: str) -> str:
    for _ in range(5):
        if not MACRO.search(pattern):
            return pattern

        def sub(match: re.Match[str]) -> str:
            name = match.group(1)
            if name not in vocabulary:
                raise DataError(f"{where}: unknown vocabulary name {{{name}}}")
            return f"(?:{vocabulary[name]})"

        pattern = MACRO.sub(sub, pattern)
    raise DataError(f"{where}: vocabulary names nest too deeply")


def _compile(pattern: str, vocabulary: dict[str, str], where: str) -> Guarded:
    try:
        return Guarded(re.compile(_expand(pattern, vocabulary, where), re.I))
    except re.error as exc:
        raise DataError(f"{where}: invalid regular expression ({exc})") from None


def _union(patterns: list[str], vocabulary: dict[str, str], where: str) -> Guarded | None:
    if not patterns:
        return None
    return _compile("|".join(f"(?:{p})" for p in patterns), vocabulary, where)


def _load(path: Path) -> object:
    try:
        return load_yaml(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise DataError(f"{path.name}: cannot be read as YAML ({exc})") from None


def rule_gate(alternatives: list[tuple[Guarded, ...]]) -> LiteralSet | None:
    """A single literal set that every alternative needs one of: the union, over the rule's
    cues, of each cue's most selective required set (fewest and longest literals)."""
    union: set[str] = set()
    for patterns in alternatives:
        sets = [s for p in patterns for s in p.literal_sets]
        if not sets:
            return None
        best = min(sets, key=lambda s: (len(s.literals), -min(map(len, s.literals))))
        union |= set(best.literals)
    return literal_set(frozenset(union))


def compile_rule(spec: RuleSpec, vocabulary: dict[str, str], file: str) -> Rule:
    where = f"{file}: {spec.id}"
    names = spec.cue_names()
    duplicates = sorted({n for n in names if names.count(n) > 1})
    if duplicates:
        raise DataError(f"{where}: cue names must be unique ({', '.join(duplicates)})")

    def topic_cues(cues: list[TopicCue], kind: str) -> tuple[CompiledTopic, ...]:
        return tuple(
            CompiledTopic(
                c.name, tuple(_compile(p, vocabulary, f"{where}.{kind}.{c.name}") for p in c.all), c.unambiguous
            )
            for c in cues
        )

    topic, weak = topic_cues(spec.topic, "topic"), topic_cues(spec.weak_topic, "weak_topic")
    elements = {e.name: e for e in spec.elements}
    for name in spec.preamble_elements or ():
        if name not in elements:
            raise DataError(f"{where}.preamble_elements: '{name}' is not one of its elements")
    for group in [*spec.require, *(g for gs in spec.sector_require.values() for g in gs)]:
        for name in group:
            if name not in elements:
                raise DataError(f"{where}.require: '{name}' is not one of its elements")
            if not elements[name].says:
                raise DataError(f"{where}.elements.{name}: a required element needs 'says' (what a reviewer is told is missing)")
    contrary = tuple(
        CompiledContrary(
            c.name,
            _compile(c.pattern, vocabulary, f"{where}.contrary.{c.name}") if c.pattern else None,
            tuple(_compile(p, vocabulary, f"{where}.contrary.{c.name}") for p in c.all),
            c.negation,
            _compile(c.and_, vocabulary, f"{where}.contrary.{c.name}.and") if c.and_ else None,
            _compile(c.unless, vocabulary, f"{where}.contrary.{c.name}.unless") if c.unless else None,
        )
        for c in spec.contrary
    )
    return Rule(
        id=spec.id,
        topic=topic,
        weak_topic=weak,
        mask=_union([m.pattern for m in spec.mask], vocabulary, f"{where}.mask"),
        elements={
            name: _union(e.any, vocabulary, f"{where}.elements.{name}")  # type: ignore[misc]
            for name, e in elements.items()
        },
        require=tuple(tuple(g) for g in spec.require),
        says={name: e.says for name, e in elements.items() if e.says},
        sector_require={s: tuple(tuple(g) for g in gs) for s, gs in spec.sector_require.items()},
        restrict=_union([r.pattern for r in spec.restrict], vocabulary, f"{where}.restrict"),
        article_restrict=_union(
            [r.pattern for r in spec.restrict if r.article_wide], vocabulary, f"{where}.restrict"
        ),
        contrary=contrary,
        preamble_counts=spec.preamble_counts,
        preamble_elements=frozenset(spec.preamble_elements) if spec.preamble_elements is not None else None,
        may_is_firm=spec.may_is_firm,
        generic_contrary=tuple(spec.generic_contrary),
        generic_unless=_compile(spec.generic_unless, vocabulary, f"{where}.generic_unless")
        if spec.generic_unless
        else None,
        reference_to_nationals_secures=spec.reference_to_nationals_secures,
        final_clauses_count=spec.final_clauses_count,
        worker_context=spec.worker_context,
        about_the_agreement=spec.about_the_agreement,
        elements_apart=spec.elements_apart,
        gate=rule_gate(
            [*topic, *weak, *((c.pattern,) if c.pattern is not None else c.concepts for c in contrary)]
        ),
        contrary_gate=rule_gate([(c.pattern,) if c.pattern is not None else c.concepts for c in contrary])
        if contrary
        else None,
        topic_gate=rule_gate([*topic, *weak]),
    )


def load_concepts(language: str = "en", lexicon_dir: Path = LEXICON_DIR) -> dict[str, str]:
    """A language's concept lists (WORKER, EMPLOYER, FEE, ...): the words rules refer to as {NAME}."""
    path = lexicon_dir / language / "concepts.yaml"
    raw = _load(path)
    if not isinstance(raw, dict):
        raise DataError(f"{path.name}: expected a mapping of NAME: regex")
    return {str(k): str(v) for k, v in raw.items()}


def vocabulary_pattern(name: str, language: str = "en") -> re.Pattern[str]:
    """One concept compiled on its own (e.g. what counts as a worker)."""
    vocabulary = load_concepts(language)
    return re.compile(r"\b" + _expand(f"{{{name}}}", vocabulary, f"concepts.yaml: {name}"), re.I)


def load_modality(vocabulary: dict[str, str], language: str = "en", lexicon_dir: Path = LEXICON_DIR) -> Modality:
    """The deontic lexicon: what makes wording soft, a bare reference, a recital, a negation."""
    path = lexicon_dir / language / "deontic.yaml"
    try:
        m = ModalitySpec.model_validate(_load(path))
    except ValidationError as exc:
        raise DataError(f"{path.name}: {exc.errors()[0]['loc']}: {exc.errors()[0]['msg']}") from None
    named = ("qualifiers", "bearers", "norms")  # name -> regex, order kept (norms: first match wins)
    words = ("duties_lead_in", "employer_you", "worker_me", "employer_we")  # plain words, not patterns
    single = [
        name
        for name in ModalitySpec.model_fields
        if name != "soft" and name not in named and name not in words and getattr(m, name) is not None
    ]
    return Modality(
        **{name: getattr(m, name) for name in words if getattr(m, name) is not None},
        soft=_union(m.soft, vocabulary, f"{path.name}: soft"),  # type: ignore[arg-type]
        **{name: _compile(getattr(m, name), vocabulary, f"{path.name}: {name}") for name in single},
        **{
            group: {
                key: _compile(value, vocabulary, f"{path.name}: {group}.{key}")
                for key, value in getattr(m, group).items()
            }
            for group in named
        },
    )


def read_rule_spec(path: Path) -> RuleSpec:
    """One protection's rule file, validated; errors name the file and the field."""
    data = _load(path)
    try:
        spec = RuleSpec.model_validate(data)
    except ValidationError as exc:
        err = exc.errors()[0]
        raise DataError(f"{path.name}: {'.'.join(map(str, err['loc']))}: {err['msg']}") from None
    if spec.id != path.stem:
        raise DataError(f"{path.name}: the rule's id '{spec.id}' must match its file name")
    return spec


def load_rulebook(
    rules_dir: Path = RULES_DIR, language: str = "en", protection_ids: tuple[str, ...] | None = None
) -> RuleBook:
    """Read one rule file per protection; a rubric protection without a rule, or a rule for an
    unknown protection, is a load error naming it. Loaded once per folder and language."""
    if protection_ids is None:
        from blma.library import default_library

        protection_ids = tuple(default_library(templates=False).protections)
    # one cache key however the caller spells the arguments (positional, keyword or default)
    return _load_rulebook(Path(rules_dir).resolve(), language, protection_ids)


@cache
def _load_rulebook(rules_dir: Path, language: str, protection_ids: tuple[str, ...]) -> RuleBook:
    """The rulebook from the user's cache when its files are unchanged, else compiled and cached."""
    key = _cache_key(rules_dir, language, protection_ids)
    book = _cached_rulebook(key) if key else None
    if book is None:
        book = _compile_rulebook(rules_dir, language, protection_ids)
        if key:
            user_cache.write(f"rulebook-{key}.pickle", pickle.dumps(book, protocol=pickle.HIGHEST_PROTOCOL))
    return book


#: The code whose output is cached: a change to it is a new cache key.
_CODE = (
    *(
        Path(__file__).with_name(name)
        for name in ("rules.py", "rule_languages.py", "prefilter.py", "precheck.py", "spelling.py")
    ),
    Path(yamlio.__file__),
)


def _cache_key(rules_dir: Path, language: str, protection_ids: tuple[str, ...]) -> str | None:
    """A hash of everything a compiled rulebook depends on, or None when a file cannot be read."""
    digest = hashlib.sha256()
    versions = f"python {sys.version}, pyyaml {yaml.__version__}, pydantic {pydantic.VERSION}"
    for part in (versions, precheck.signature(), str(rules_dir), language, " ".join(protection_ids)):
        digest.update(part.encode() + b"\0")
    lexicon = LEXICON_DIR / language
    try:
        sources = [*_CODE, lexicon / "concepts.yaml", lexicon / "deontic.yaml"]
        sources += [lexicon / "spelling.yaml"] if (lexicon / "spelling.yaml").is_file() else []
        forms = sorted((rules_dir / "languages" / language).glob("*.yaml")) if language != "en" else []
        for path in [*sources, *sorted((rules_dir / "protections").glob("*.yaml")), *forms]:
            digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    except OSError:
        return None
    return digest.hexdigest()[:32]


def _cached_rulebook(key: str) -> RuleBook | None:
    data = user_cache.read(f"rulebook-{key}.pickle")
    if data is None:
        return None
    try:
        book = pickle.loads(data)  # our own file, named by the hash of its sources and sealed
    except Exception:  # any unreadable pickle is simply rebuilt
        return None
    return book if isinstance(book, RuleBook) else None


def _compile_rulebook(rules_dir: Path, language: str, protection_ids: tuple[str, ...]) -> RuleBook:
    vocabulary = load_concepts(language)
    modality = load_modality(vocabulary, language)
    files = sorted((rules_dir / "protections").glob("*.yaml"))
    found = {path.stem for path in files}
    missing = [pid for pid in protection_ids if pid not in found]
    if missing:
        raise DataError(f"rules/protections: no rule file for {', '.join(missing)}")
    unknown = sorted(found - set(protection_ids))
    if unknown:
        raise DataError(f"rules/protections: {', '.join(unknown)} not in the rubric (clauses/guidance.yaml)")
    specs = {path.stem: (read_rule_spec(path), path.name) for path in files}
    if language != "en":  # the English logic with the language's words (rule_languages.py)
        from blma.analysis.rule_languages import language_files, localise, read_forms

        for pid, path in language_files(rules_dir, language, protection_ids).items():
            where = f"languages/{language}/{path.name}"
            specs[pid] = (localise(specs[pid][0], read_forms(path), where), where)
    rules = {pid: compile_rule(specs[pid][0], vocabulary, specs[pid][1]) for pid in protection_ids}
    use_precheck(book_patterns(rules, modality))
    spelling = load_spelling(LEXICON_DIR / language / "spelling.yaml")
    return RuleBook(rules, modality, rules_dir, language, spelling)


def book_patterns(rules: dict[str, Rule], modality: Modality) -> list[Guarded]:
    """Every compiled pattern of a rulebook, rules first, in a fixed order."""
    found: list[Guarded] = []

    def add(value: object) -> None:
        if isinstance(value, Guarded):
            found.append(value)
        elif isinstance(value, dict):
            for item in value.values():
                add(item)
        elif isinstance(value, tuple | list):
            for item in value:
                add(item)
        elif isinstance(value, Rule | CompiledTopic | CompiledContrary):
            for name in value.__dataclass_fields__:
                add(getattr(value, name))

    add(list(rules.values()))
    add(vars(modality))
    return found
