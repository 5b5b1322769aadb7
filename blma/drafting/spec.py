"""The draft specification: what a negotiator decides, validated where it enters.

A spec names the parties, the style, the sectors, the final-provision terms and, per
protection, a clause choice or an omission with its reason. Anything left out falls back
to the library's recommendation, so a spec with two parties and a sector is complete.
Specs are saved and loaded as YAML or JSON (chosen by the file suffix).
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Annotated, Literal

import yaml
from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, ValidationError, model_validator

from blma.errors import SpecError
from blma.library.models import SECTORS, StructuralRole

#: The value of ``clause`` that leaves a protection out of the draft.
OMIT = "omit"

#: The sectors a draft may cover: the library's sectors, less the wildcard "all".
DraftSector = Literal[tuple(s for s in SECTORS if s != "all")]  # type: ignore[valid-type]
DraftStyle = Literal["agreement", "mou"]


def _scalar_to_text(value: object) -> object:
    """YAML reads ``90`` as an int and ``yes`` as a bool; a clause value is always text."""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, int | float | dt.date):
        return str(value)
    return value


Text = Annotated[str, BeforeValidator(_scalar_to_text), Field(min_length=1)]


class SpecModel(BaseModel):
    """Base: unknown keys in a spec are typos, so they are errors."""

    model_config = ConfigDict(extra="forbid")


class Party(SpecModel):
    """One signatory country and the authority that implements the instrument for it."""

    country: Text = Field(description='Name as used in the text, e.g. "the Republic of Sundara"')
    authority: Text = Field(description="Competent authority, e.g. Ministry of Overseas Employment")
    short_name: Text | None = Field(default=None, description="Short name; defaults to the country name")

    @property
    def short(self) -> str:
        return self.short_name or self.country


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
    """The choice for one protection: a clause id, or ``omit`` with the reason recorded."""

    clause: Text | None = Field(default=None, description='A clause id, "omit", or empty for the default')
    reason: Text | None = Field(default=None, description="Why the protection is omitted")
    values: dict[str, Text] = Field(default_factory=dict, description="Values for the clause's variables")

    @model_validator(mode="before")
    @classmethod
    def _shorthand(cls, data: object) -> object:
        """Allow ``no_worker_fees: no_worker_fees.employer_pays`` as a one-line choice."""
        return {"clause": data} if isinstance(data, str) else data

    @model_validator(mode="after")
    def _omission_has_reason(self) -> ProtectionChoice:
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


class StructuralChoice(SpecModel):
    """Another library text for a structural role (title, preamble, final provisions...)."""

    clause: Text | None = None
    values: dict[str, Text] = Field(default_factory=dict)

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
    model_contract: bool = True
    competent_authorities: bool = True
    other_authorities: list[Authority] = Field(default_factory=list)


class DraftSpec(SpecModel):
    """Everything ``blma draft`` needs; only the parties are required."""

    parties: Parties
    style: DraftStyle = "agreement"
    sectors: list[DraftSector] = Field(default_factory=lambda: ["general"], min_length=1)
    duration: Duration = Field(default_factory=Duration)
    signature: Signature = Field(default_factory=Signature)
    protections: dict[str, ProtectionChoice] = Field(default_factory=dict)
    structural: dict[StructuralRole, StructuralChoice] = Field(default_factory=dict)
    annexes: Annexes = Field(default_factory=Annexes)

    @model_validator(mode="after")
    def _sectors_unique(self) -> DraftSpec:
        if len(set(self.sectors)) != len(self.sectors):
            raise ValueError("sectors: a sector is listed twice")
        return self

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
        try:
            data = json.loads(text) if as_json else yaml.safe_load(text)
        except (json.JSONDecodeError, yaml.YAMLError) as exc:
            kind = "JSON" if as_json else "YAML"
            raise SpecError(f"{source}: cannot be read as {kind}: {_first_line(exc)}") from None
        return cls.from_data(data, source)

    @classmethod
    def load(cls, path: Path | str) -> DraftSpec:
        path = Path(path)
        try:
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
        from blma.drafting.output import write_atomic

        path = Path(path)
        write_atomic(path, self.to_text(as_json=path.suffix.lower() == ".json").encode("utf-8"))


def _field(loc: tuple) -> str:
    return ".".join(str(part) for part in loc) or "(root)"


def _message(msg: str) -> str:
    return msg.removeprefix("Value error, ")


def _first_line(exc: Exception) -> str:
    return str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
