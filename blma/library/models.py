"""Typed shapes of the rubric (``clauses/guidance.yaml``) and the clause library.

These models are the boundary where YAML becomes data: everything downstream
(drafting, analysis, comparison, the app) receives validated objects only.
"""

from __future__ import annotations

from typing import Literal, get_args

from pydantic import BaseModel, ConfigDict, Field, field_validator

Group = Literal["worker_protection", "governance"]
Priority = Literal["core", "recommended"]
Strength = Literal["baseline", "recommended", "strongest"]
Style = Literal["agreement", "mou"]
Status = Literal["present", "partial", "missing", "contrary"]

#: Sectors a clause or overlay may name; ``all`` means the clause suits any sector.
Sector = Literal[
    "all",
    "general",
    "domestic_work",
    "seasonal_agriculture",
    "health_care",
    "construction",
    "manufacturing",
    "hospitality",
]
SECTORS: tuple[str, ...] = get_args(Sector)
#: The sectors an agreement or a draft may cover: every sector but the wildcard ``all``. The one
#: list of sectors; the analysis, the drafting form, the wording tables and the tests follow it.
AGREEMENT_SECTORS: tuple[str, ...] = tuple(s for s in SECTORS if s != "all")

#: Drafting order of the chapters a protection's article sits in.
Chapter = Literal[
    "recruitment",
    "contract",
    "conditions_of_work",
    "social_protection",
    "mobility",
    "remedies",
    "return",
    "governance",
    "final",
]
CHAPTERS: tuple[str, ...] = get_args(Chapter)

STRENGTH_RANK: dict[str, int] = {"baseline": 1, "recommended": 2, "strongest": 3}


class Strict(BaseModel):
    """Base for data-file models: unknown keys are typos, so they are errors."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class Source(Strict):
    """One authority a protection or clause rests on, e.g. ILO C181, Art. 7."""

    instrument: str = Field(min_length=2)
    provision: str = Field(min_length=1, description="Article, paragraph, principle or objective")
    verified: bool = Field(
        default=False,
        description="The provision was checked against the instrument's published text and says what it is cited for",
    )

    def __str__(self) -> str:
        return f"{self.instrument}, {self.provision}"


class Examples(Strict):
    """Short illustrative wordings a trainer can show; the project's own text."""

    strong: str
    weak: str
    contrary: str = ""


class Protection(Strict):
    """One protection of the rubric: what an agreement should secure and how to judge it."""

    id: str = Field(pattern=r"^[a-z][a-z_]+$")
    title: str
    group: Group
    priority: Priority
    chapter: Chapter
    article_heading: str = Field(description="Heading of the article that carries it in a draft")
    explanation: str = Field(description="Plain language a trainer can read out")
    why_it_matters: str
    present: str = Field(description="What a strong provision must secure")
    elements: list[str] = Field(min_length=1, description="The elements a strong provision covers")
    partial: str = Field(description="What makes a provision only partial")
    contrary: str = Field(description="Typical provisions that work against the protection")
    boundaries: str = Field(default="", description="What it is not; where a neighbour begins")
    sources: list[Source] = Field(min_length=1)
    sector_overlays: dict[Sector, str] = Field(default_factory=dict)
    examples: Examples


class Variable(Strict):
    """A value a clause template needs from the negotiator."""

    description: str
    example: str
    default: str | None = None


ClauseKind = Literal["protection", "structural"]
StructuralRole = Literal[
    "title",
    "preamble",
    "purpose_scope",
    "definitions",
    "competent_authorities",
    "relation_to_law",
    "annexes",
    "amendment",
    "entry_into_force",
    "signature_block",
]


#: Who a title or preamble names as the parties to the instrument, and so who signs it.
Signatories = Literal["governments", "competent_authorities"]


class Clause(Strict):
    """A clause of the library: a Jinja2 template with its metadata."""

    id: str = Field(pattern=r"^[a-z][a-z0-9_.]+$")
    title: str
    kind: ClauseKind = "protection"
    role: StructuralRole | None = None
    signatories: Signatories | None = Field(
        default=None, description="For a title or preamble: whom it names as the parties, who then sign"
    )
    protections: list[str] = Field(default_factory=list)
    strength: Strength
    sectors: list[Sector] = Field(min_length=1)
    styles: list[Style] = Field(min_length=1)
    text: str = Field(min_length=10)
    variables: dict[str, Variable] = Field(default_factory=dict)
    note: str = Field(description="For negotiators: why, likely objections, fallback")
    sources: list[Source] = Field(min_length=1)

    @field_validator("sectors")
    @classmethod
    def _all_alone(cls, value: list[str]) -> list[str]:
        if "all" in value and len(value) > 1:
            raise ValueError("'all' cannot be combined with named sectors")
        return value

    def suits(self, sector: str | None = None, style: str | None = None) -> bool:
        """True when the clause may be used for this sector and agreement style."""
        sector_ok = sector is None or "all" in self.sectors or sector in self.sectors
        style_ok = style is None or style in self.styles
        return sector_ok and style_ok
