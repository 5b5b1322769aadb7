"""The draft specification: what a negotiator decides, validated where it enters.

A spec names the parties, the style, the sectors, the final-provision terms and, per
protection, a clause choice or an omission with its reason. Anything left out falls back
to the library's recommendation, so a spec with two parties and a sector is complete.
Specs are saved and loaded as YAML or JSON (chosen by the file suffix).

A spec comes from a user, so it is read defensively: every text value is one line of
characters a document can hold (whitespace runs become one space; a control character or
a lone surrogate is refused, naming the field), and the YAML is checked for depth and for
alias expansion before it is built, so a hostile file gets one clear line, not a
``RecursionError`` or an exhausted memory.
"""

from __future__ import annotations

import datetime as dt
import json
import unicodedata
from pathlib import Path
from typing import Annotated, Literal

import yaml
from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    ValidationError,
    model_validator,
)

from blma.errors import SpecError
from blma.library.grammar import DRAFT_LANGUAGES, LANGUAGE_NAMES
from blma.library.models import AGREEMENT_SECTORS, StructuralRole

#: The value of ``clause`` that leaves a protection out of the draft.
OMIT = "omit"

#: The sectors a draft may cover: the library's sectors, less the wildcard "all".
DraftSector = Literal[AGREEMENT_SECTORS]  # type: ignore[valid-type]
DraftStyle = Literal["agreement", "mou"]
DraftLanguage = Literal[DRAFT_LANGUAGES]  # type: ignore[valid-type]

#: A spec is a few kilobytes of a few levels; these bounds only stop hostile files.
MAX_SPEC_BYTES = 1024 * 1024
MAX_DEPTH = 20
MAX_VALUES = 20_000  # scalars and collections, with every alias expanded

#: Whitespace control characters (tab, line ends, Word's line break): one space each.
_SPACING_CONTROLS = frozenset("\t\n\r\x0b\x0c\x85")

#: Left-to-right and right-to-left overrides (and the embeddings that work like them): a name
#: holding one shows its letters in another order than the text stores them. Marks and isolates,
#: which right-to-left names may need, are kept.
_BIDI_OVERRIDES = frozenset({0x202A, 0x202B, 0x202D, 0x202E})

_SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _scalar_to_text(value: object) -> object:
    """YAML reads ``90`` as an int and ``yes`` as a bool; a clause value is always text."""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, int | float | dt.date):
        return str(value)
    return value


def _writable(value: str) -> str:
    """Refuse control characters and lone surrogates (the error names the field)."""
    for ch in value:
        problem = _unwritable(ch)
        if problem:
            why = (
                "which would show the text in another order than it reads"
                if ord(ch) in _BIDI_OVERRIDES
                else "which a document cannot hold"
            )
            raise ValueError(f"contains {problem}, {why}; remove it")
    return value


def _clean_text(value: str) -> str:
    """One line of text a document can hold: whitespace runs become one space."""
    cleaned = " ".join(_writable(value).split())
    if not cleaned:
        raise ValueError("is blank")
    return cleaned


def _unwritable(ch: str) -> str | None:
    """What is wrong with a character no DOCX (XML) or terminal should receive, if anything."""
    code = ord(ch)
    if 0xD800 <= code <= 0xDFFF:
        return f"a lone surrogate (U+{code:04X}, half of a character)"
    if unicodedata.category(ch) == "Cc" and ch not in _SPACING_CONTROLS:
        return f"the control character U+{code:04X}"
    if code & 0xFFFE == 0xFFFE or 0xFDD0 <= code <= 0xFDEF:
        return f"the non-character U+{code:04X}"
    if code in _BIDI_OVERRIDES:
        return f"the bidirectional override U+{code:04X}"
    return None


Text = Annotated[str, BeforeValidator(_scalar_to_text), Field(min_length=1), AfterValidator(_clean_text)]
#: A key the library must know (a protection or variable id); checked so that errors can quote it.
Key = Annotated[str, AfterValidator(_writable)]


class SpecModel(BaseModel):
    """Base: unknown keys in a spec are typos, so they are errors."""

    model_config = ConfigDict(extra="forbid")


class PartyNames(SpecModel):
    """A party's names in one language; in French and Spanish a name carries its article
    ("la République de Sundara", "le ministère du Travail", "el Ministerio de Trabajo")."""

    country: Text = Field(description='Name as used in the text, e.g. "the Republic of Sundara"')
    authority: Text = Field(description="Competent authority, e.g. Ministry of Overseas Employment")
    short_name: Text | None = Field(default=None, description="Short name; defaults to the country name")

    @property
    def short(self) -> str:
        return self.short_name or self.country


class Party(PartyNames):
    """One signatory country and the authority that implements the instrument for it, named in
    the draft's language, with its names in the other languages of a bilingual draft."""

    en: PartyNames | None = Field(default=None, description="The names in an English text")
    fr: PartyNames | None = Field(default=None, description="The names in a French text")
    es: PartyNames | None = Field(default=None, description="The names in a Spanish text")

    def names(self, language: str) -> PartyNames:
        """The names a text in ``language`` uses: its own block, else the names given above."""
        return getattr(self, language, None) or self


class Parties(SpecModel):
    origin: Party
    destination: Party


class Duration(SpecModel):
    """How long the instrument runs and the notice to end it; empty keeps the clause's own terms.

    The renewal terms (automatic extension or renewal by consent) are the wording of the
    chosen ``duration_termination`` clause; see the starter spec for the choices.
    """

    years: int | None = Field(default=None, ge=1, le=50)
    notice_months: int | None = Field(default=None, ge=1, le=36, description="Notice to end the instrument")


class Signature(SpecModel):
    """Where, when and in which languages it is signed; anything unset stays a visible blank."""

    place: Text | None = None
    date: dt.date | None = None
    languages: list[Text] | None = Field(default=None, min_length=1)


class ProtectionChoice(SpecModel):
    """The choice for one protection: a clause id, several clause ids combined in its article
    (e.g. notice and dues, then death and repatriation), or ``omit`` with the reason recorded."""

    clause: Text | list[Text] | None = Field(
        default=None, description='A clause id, a list of clause ids, "omit", or empty for the default'
    )
    reason: Text | None = Field(default=None, description="Why the protection is omitted")
    values: dict[Key, Text] = Field(default_factory=dict, description="Values for the clauses' variables")

    @model_validator(mode="before")
    @classmethod
    def _shorthand(cls, data: object) -> object:
        """Allow ``no_worker_fees: no_worker_fees.employer_pays`` (or a list of ids) as a one-line choice."""
        return {"clause": data} if isinstance(data, str | list) else data

    @model_validator(mode="after")
    def _omission_has_reason(self) -> ProtectionChoice:
        if isinstance(self.clause, list):
            if not self.clause:
                raise ValueError("`clause` lists no clause; give at least one clause id, or leave it out")
            if OMIT in self.clause:
                raise ValueError(f'"{OMIT}" cannot be combined with clause ids; give it alone, with a `reason`')
            if len(set(self.clause)) != len(self.clause):
                raise ValueError("a clause id is listed twice in `clause`")
            if len(self.clause) == 1:
                self.clause = self.clause[0]  # one id in a list is the ordinary choice
        if self.omitted and not self.reason:
            raise ValueError("an omitted protection needs a `reason`, which the coverage summary records")
        if self.omitted and self.values:
            raise ValueError("an omitted protection takes no `values`")
        if self.reason and not self.omitted:
            raise ValueError('`reason` is only for an omission (clause: "omit")')
        return self

    @property
    def omitted(self) -> bool:
        return self.clause == OMIT

    @property
    def clause_ids(self) -> list[str]:
        """The chosen clause ids in the order their text appears; empty for the default or an omission."""
        if self.clause is None or self.omitted:
            return []
        return list(self.clause) if isinstance(self.clause, list) else [self.clause]


class StructuralChoice(SpecModel):
    """Another library text for a structural role (title, preamble, final provisions...)."""

    clause: Text | None = None
    values: dict[Key, Text] = Field(default_factory=dict)

    @model_validator(mode="before")
    @classmethod
    def _shorthand(cls, data: object) -> object:
        return {"clause": data} if isinstance(data, str) else data


class Authority(SpecModel):
    """An extra row of the competent-authorities annex."""

    party: Literal["origin", "destination"]
    name: Text
    responsibilities: Text


class Annexes(SpecModel):
    model_contract: bool = True  # a table of the minimum terms every contract carries
    standard_contract: bool = False  # a contract form the Parties make binding (a real contract, not a table)
    competent_authorities: bool = True
    other_authorities: list[Authority] = Field(default_factory=list)


class DraftSpec(SpecModel):
    """Everything ``blma draft`` needs; only the parties are required."""

    parties: Parties
    style: DraftStyle = "agreement"
    language: DraftLanguage = Field(default="en", description="The language of the text: en, fr or es")
    second_language: DraftLanguage | None = Field(
        default=None, description="A bilingual draft: the second authentic text, after the first"
    )
    sectors: list[DraftSector] = Field(default_factory=lambda: ["general"], min_length=1)
    duration: Duration = Field(default_factory=Duration)
    signature: Signature = Field(default_factory=Signature)
    protections: dict[Key, ProtectionChoice] = Field(default_factory=dict)
    structural: dict[StructuralRole, StructuralChoice] = Field(default_factory=dict)
    annexes: Annexes = Field(default_factory=Annexes)

    @model_validator(mode="after")
    def _sectors_unique(self) -> DraftSpec:
        if len(set(self.sectors)) != len(self.sectors):
            raise ValueError("sectors: a sector is listed twice")
        if self.second_language is not None and self.second_language == self.language:
            raise ValueError(
                f"second_language: is the draft's language ('{self.language}'); name another language, or leave it out"
            )
        return self

    @property
    def languages(self) -> list[str]:
        """The draft's languages in order: its language, then the second text's, if any."""
        return [self.language] + ([self.second_language] if self.second_language else [])

    def borrowed_names(self) -> list[str]:
        """A notice for each French or Spanish text that names a party with the names given
        for another text (the starter spec's English names in a French draft read "le
        Gouvernement de the Republic of Sundara"): the user should give that text's names."""
        notices = []
        for language in self.languages:
            if language == "en":
                continue
            for side in ("origin", "destination"):
                party: Party = getattr(self.parties, side)
                shared = "en" in self.languages or party.country.lower().startswith("the ")
                if getattr(party, language) is None and shared:
                    name = LANGUAGE_NAMES[language]
                    where = (
                        f"give its {name} names (parties.{side}.{language} in a spec, or the names for "
                        f"the {name} text on the Draft page)"
                        if language == self.second_language or "en" in self.languages
                        else f"write its names as the {name} text writes them, with their article "
                        f"(or give them under parties.{side}.{language} in a spec)"
                    )
                    notices.append(f"the {name} text names the country of {side} '{party.country}'; {where}")
        return notices

    # -- io --------------------------------------------------------------------------------
    @classmethod
    def from_data(cls, data: object, source: str = "spec") -> DraftSpec:
        """Validate parsed data; errors name the source and the field."""
        if not isinstance(data, dict):
            raise SpecError(
                f"{source}: expected a mapping with at least `parties:`, got {type(data).__name__}"
            )
        try:
            return cls.model_validate(data)
        except ValidationError as exc:
            lines = [f"{_field(err['loc'])}: {_message(err['msg'])}" for err in exc.errors()]
            raise SpecError(f"{source}: " + "; ".join(lines)) from None

    @classmethod
    def from_text(cls, text: str, source: str = "spec", *, as_json: bool = False) -> DraftSpec:
        """Parse and validate a spec's text; errors name the source and the line or field."""
        data = _parse_json(text, source) if as_json else _parse_yaml(text, source)
        return cls.from_data(data, source)

    @classmethod
    def load(cls, path: Path | str) -> DraftSpec:
        path = Path(path)
        try:
            if path.stat().st_size > MAX_SPEC_BYTES:
                raise SpecError(
                    f"{path}: is {path.stat().st_size // 1024} KB; a draft spec is a few KB "
                    f"(the limit is {MAX_SPEC_BYTES // 1024} KB)"
                )
            text = path.read_text(encoding="utf-8")
        except OSError as exc:
            raise SpecError(f"{path}: cannot be read: {exc.strerror or exc}") from None
        except UnicodeDecodeError:
            raise SpecError(f"{path}: cannot be read: not UTF-8 text") from None
        return cls.from_text(text, str(path), as_json=path.suffix.lower() == ".json")

    def to_text(self, *, as_json: bool = False) -> str:
        data = self.model_dump(mode="json", exclude_defaults=True)
        if as_json:
            return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
        return yaml.safe_dump(data, sort_keys=False, allow_unicode=True)

    def save(self, path: Path | str) -> None:
        from blma.outputs import write_atomic

        path = Path(path)
        write_atomic(path, self.to_text(as_json=path.suffix.lower() == ".json").encode("utf-8"))


def _parse_json(text: str, source: str) -> object:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        problem = f"line {exc.lineno}, column {exc.colno}: {exc.msg}"
    except RecursionError:
        problem = f"nested more than {MAX_DEPTH} levels deep"
    else:
        if _depth(data) <= MAX_DEPTH:
            return data
        problem = f"nested more than {MAX_DEPTH} levels deep"
    raise SpecError(f"{source}: cannot be read as JSON: {problem}")


def _depth(data: object) -> int:
    """How deeply lists and mappings nest in parsed data (without recursion)."""
    deepest, pending = 0, [(data, 0)]
    while pending:
        item, level = pending.pop()
        if isinstance(item, dict | list):
            deepest = max(deepest, level + 1)
            if deepest > MAX_DEPTH:
                break
            children = item.values() if isinstance(item, dict) else item
            pending.extend((child, level + 1) for child in children)
    return deepest


def _parse_yaml(text: str, source: str) -> object:
    """Safe YAML (no objects), after a pass over its events that bounds the nesting and the
    values that aliases expand to; a syntax error names its line."""
    try:
        _check_yaml_events(text, source)
        return yaml.load(text, Loader=_SafeLoader)
    except yaml.YAMLError as exc:
        raise SpecError(f"{source}: cannot be read as YAML: {_yaml_problem(exc, text)}") from None


def _check_yaml_events(text: str, source: str) -> None:
    """Walk the parser's events (no recursion, nothing built): a collection nested more than
    ``MAX_DEPTH`` deep, or aliases expanding to more than ``MAX_VALUES`` values (the "billion
    laughs"), is refused with its line."""
    loader = _SafeLoader(text)
    sizes: dict[str, int] = {}  # values under each anchor, aliases expanded
    open_: list[list] = []  # per open collection: [anchor, values so far]
    try:
        while loader.check_event():
            event = loader.get_event()
            line = event.start_mark.line + 1 if event.start_mark else "?"
            if isinstance(event, yaml.MappingStartEvent | yaml.SequenceStartEvent):
                if len(open_) >= MAX_DEPTH:
                    raise SpecError(
                        f"{source}: line {line}: nested more than {MAX_DEPTH} levels deep; a draft spec needs four"
                    )
                open_.append([event.anchor, 1])
                continue
            if isinstance(event, yaml.MappingEndEvent | yaml.SequenceEndEvent):
                anchor, size = open_.pop()
            elif isinstance(event, yaml.ScalarEvent):
                anchor, size = event.anchor, 1
            elif isinstance(event, yaml.AliasEvent):
                anchor, size = None, sizes.get(event.anchor, 1)
            else:
                continue
            if anchor:
                sizes[anchor] = size
            if open_:
                open_[-1][1] += size
            if size > MAX_VALUES or (open_ and open_[-1][1] > MAX_VALUES):
                raise SpecError(
                    f"{source}: line {line}: holds more than {MAX_VALUES:,} values once its aliases "
                    "are expanded; a draft spec needs a few hundred"
                )
    finally:
        loader.dispose()


def _yaml_problem(exc: yaml.YAMLError, text: str) -> str:
    """The parser's complaint with its line and column (and where the construct it was
    reading began), on one line."""
    if isinstance(exc, yaml.MarkedYAMLError) and exc.problem_mark is not None:
        mark = exc.problem_mark
        message = f"line {mark.line + 1}, column {mark.column + 1}: {exc.problem}"
        if exc.context and exc.context_mark is not None:
            message += f" ({exc.context} that began on line {exc.context_mark.line + 1})"
        return message
    if isinstance(exc, yaml.reader.ReaderError):
        line = text[: exc.position].count("\n") + 1
        code = f" (U+{exc.character:04X})" if isinstance(exc.character, int) else ""
        return f"line {line}: {exc.reason}{code}"
    return " ".join(str(exc).split()) or type(exc).__name__


def _field(loc: tuple) -> str:
    return ".".join(_printable(str(part)) for part in loc) or "(root)"


def _printable(text: str) -> str:
    """A key from the spec as it can be shown: unprintable characters as escapes."""
    return "".join(ch if ch.isprintable() else f"\\u{ord(ch):04x}" for ch in text)


def _message(msg: str) -> str:
    return msg.removeprefix("Value error, ")
