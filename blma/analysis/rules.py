"""Detection rules as data: loading, validating and compiling ``analysis/rules/*.yaml``.

Each protection's detector is a :class:`Rule` read from a YAML file; adding a protection or
refining one means editing data, not code. Patterns may use the named fragments of
``vocabulary.yaml`` as ``{NAME}``; everything is compiled once, case-insensitively.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from blma.analysis.prefilter import Guarded, LiteralSet, Sentence, literal_set
from blma.errors import DataError
from blma.yamlio import load_yaml

RULES_DIR = Path(__file__).with_name("rules")
MACRO = re.compile(r"\{([A-Z_]+)\}")

Cue = list[str]  # regexes that must all match


class ContraryCue(BaseModel):
    """A provision working against the protection.

    Either ``pattern`` (an ordered phrase) or ``all`` (concepts that must all appear in the
    sentence, in any order: sturdier against paraphrase). ``negation`` says where a negator
    reverses it: just ``before`` the match, also ``within`` it, anywhere in the ``sentence``,
    or ``none`` when the harm is itself phrased as a negation ("may not join a union").
    """

    model_config = ConfigDict(extra="forbid")

    pattern: str | None = None
    all: list[str] = Field(default_factory=list)
    negation: Literal["before", "within", "sentence", "none"] = "before"
    and_: str | None = Field(default=None, alias="and")
    unless: str | None = None  # a sentence matching this is not contrary ("only for serious misconduct")


class RuleSpec(BaseModel):
    """One protection's detector as written in a rules file."""

    model_config = ConfigDict(extra="forbid")

    id: str
    topic: list[Cue] = Field(min_length=1)
    weak_topic: list[Cue] = Field(default_factory=list)
    mask: list[str] = Field(default_factory=list)
    elements: dict[str, list[str]] = Field(default_factory=dict)
    require: list[list[str]] = Field(default_factory=list)
    sector_require: dict[str, list[list[str]]] = Field(default_factory=dict)
    restrict: list[str] = Field(default_factory=list)
    contrary: list[ContraryCue] = Field(default_factory=list)
    preamble_counts: bool = False
    may_is_firm: bool = False  # "either Party may terminate" is how such rights are written
    generic_contrary: list[Literal["denied", "pays"]] = Field(default_factory=list)

    @field_validator("contrary")
    @classmethod
    def _one_form(cls, value: list[ContraryCue]) -> list[ContraryCue]:
        for cue in value:
            if bool(cue.pattern) == bool(cue.all):
                raise ValueError("a contrary cue needs either 'pattern' or 'all'")
        return value

    @field_validator("contrary", mode="before")
    @classmethod
    def _plain_strings(cls, value: list) -> list:
        return [{"pattern": v} if isinstance(v, str) else v for v in value]


class ModalitySpec(BaseModel):
    model_config = ConfigDict(extra="forbid")

    soft: list[str]
    may: str
    worker_right_may: str
    rights: str
    national_law: str
    bare_reference: str
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


@dataclass(frozen=True)
class CompiledContrary:
    pattern: Guarded | None
    concepts: tuple[Guarded, ...]
    negation: str
    also: Guarded | None
    unless: Guarded | None


@dataclass(frozen=True)
class Rule:
    """A compiled detector for one protection."""

    id: str
    topic: tuple[tuple[Guarded, ...], ...]
    weak_topic: tuple[tuple[Guarded, ...], ...]
    mask: Guarded | None
    elements: dict[str, Guarded]
    require: tuple[tuple[str, ...], ...]
    sector_require: dict[str, tuple[tuple[str, ...], ...]]
    restrict: Guarded | None
    contrary: tuple[CompiledContrary, ...]
    preamble_counts: bool
    may_is_firm: bool
    generic_contrary: tuple[str, ...]
    gate: LiteralSet | None = field(repr=False)  # one literal of it occurs in any sentence a cue matches

    def possible(self, sentence: Sentence) -> bool:
        """Whether any cue of this rule could match: one literal search, no pattern matching."""
        return self.gate is None or sentence.has(self.gate)


@dataclass(frozen=True)
class Modality:
    soft: Guarded
    may: Guarded
    worker_right_may: Guarded
    rights: Guarded
    national_law: Guarded
    bare_reference: Guarded
    floor: Guarded
    recital: Guarded
    definition: Guarded
    negators: Guarded
    annex_mandatory: Guarded
    annex_indicative: Guarded
    worker_denied: Guarded
    worker_pays: Guarded
    denial_subjects: Guarded
    enumeration: Guarded


@dataclass(frozen=True)
class RuleBook:
    rules: dict[str, Rule]
    modality: Modality


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
    topic = tuple(tuple(_compile(p, vocabulary, f"{where}.topic") for p in cue) for cue in spec.topic)
    weak = tuple(
        tuple(_compile(p, vocabulary, f"{where}.weak_topic") for p in cue) for cue in spec.weak_topic
    )
    for group in [*spec.require, *(g for gs in spec.sector_require.values() for g in gs)]:
        for name in group:
            if name not in spec.elements:
                raise DataError(f"{where}.require: '{name}' is not one of its elements")
    contrary = tuple(
        CompiledContrary(
            _compile(c.pattern, vocabulary, f"{where}.contrary") if c.pattern else None,
            tuple(_compile(p, vocabulary, f"{where}.contrary.all") for p in c.all),
            c.negation,
            _compile(c.and_, vocabulary, f"{where}.contrary.and") if c.and_ else None,
            _compile(c.unless, vocabulary, f"{where}.contrary.unless") if c.unless else None,
        )
        for c in spec.contrary
    )
    return Rule(
        id=spec.id,
        topic=topic,
        weak_topic=weak,
        mask=_union(spec.mask, vocabulary, f"{where}.mask"),
        elements={n: _union(ps, vocabulary, f"{where}.elements.{n}") for n, ps in spec.elements.items()},  # type: ignore[misc]
        require=tuple(tuple(g) for g in spec.require),
        sector_require={s: tuple(tuple(g) for g in gs) for s, gs in spec.sector_require.items()},
        restrict=_union(spec.restrict, vocabulary, f"{where}.restrict"),
        contrary=contrary,
        preamble_counts=spec.preamble_counts,
        may_is_firm=spec.may_is_firm,
        generic_contrary=tuple(spec.generic_contrary),
        gate=rule_gate(
            [*topic, *weak, *((c.pattern,) if c.pattern is not None else c.concepts for c in contrary)]
        ),
    )


def vocabulary_pattern(name: str, rules_dir: Path = RULES_DIR) -> re.Pattern[str]:
    """One named fragment of vocabulary.yaml, compiled on its own (e.g. what counts as a worker)."""
    vocabulary = {
        str(k): str(v)
        for k, v in load_yaml((rules_dir / "vocabulary.yaml").read_text(encoding="utf-8")).items()
    }
    return re.compile(r"\b" + _expand(f"{{{name}}}", vocabulary, f"vocabulary.yaml: {name}"), re.I)


@cache
def load_rulebook(rules_dir: Path = RULES_DIR) -> RuleBook:
    """Read every rules file; errors name the file and the rule."""
    vocabulary_raw = _load(rules_dir / "vocabulary.yaml")
    if not isinstance(vocabulary_raw, dict):
        raise DataError("vocabulary.yaml: expected a mapping of NAME: regex")
    vocabulary = {str(k): str(v) for k, v in vocabulary_raw.items()}
    try:
        modality_spec = ModalitySpec.model_validate(_load(rules_dir / "modality.yaml"))
    except ValidationError as exc:
        raise DataError(f"modality.yaml: {exc.errors()[0]['loc']}: {exc.errors()[0]['msg']}") from None
    m = modality_spec
    modality = Modality(
        soft=_union(m.soft, vocabulary, "modality.yaml: soft"),  # type: ignore[arg-type]
        **{
            name: _compile(getattr(m, name), vocabulary, f"modality.yaml: {name}")
            for name in (
                "may",
                "worker_right_may",
                "rights",
                "national_law",
                "bare_reference",
                "floor",
                "recital",
                "definition",
                "negators",
                "annex_mandatory",
                "annex_indicative",
                "worker_denied",
                "worker_pays",
                "denial_subjects",
                "enumeration",
            )
        },
    )
    rules: dict[str, Rule] = {}
    for path in sorted(rules_dir.glob("*.yaml")):
        if path.name in ("vocabulary.yaml", "modality.yaml", "pipeline.yaml"):
            continue
        data = _load(path)
        if not isinstance(data, dict) or not isinstance(data.get("rules"), list):
            raise DataError(f"{path.name}: expected a top-level 'rules:' list")
        for i, entry in enumerate(data["rules"]):
            try:
                spec = RuleSpec.model_validate(entry)
            except ValidationError as exc:
                err = exc.errors()[0]
                label = entry.get("id", f"#{i + 1}") if isinstance(entry, dict) else f"#{i + 1}"
                raise DataError(
                    f"{path.name}: {label}.{'.'.join(map(str, err['loc']))}: {err['msg']}"
                ) from None
            if spec.id in rules:
                raise DataError(f"{path.name}: duplicate rule for '{spec.id}'")
            rules[spec.id] = compile_rule(spec, vocabulary, path.name)
    return RuleBook(rules, modality)
