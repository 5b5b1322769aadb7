"""The gap report: pydantic models that are also the JSON contract of ``blma analyze``."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field, SerializerFunctionWrapHandler, model_serializer

Status = Literal["present", "partial", "missing", "contrary"]
STATUSES: tuple[str, ...] = ("present", "partial", "missing", "contrary")


class Evidence(BaseModel):
    location: str
    text: str
    kind: Literal["supports", "weak", "contrary"] = "supports"
    note: str = ""
    cue: str = Field("", description="The rule cue that found it: '<protection>/<cue name>'")
    lead_in: str = Field(
        "",
        description="The words a list item completes, as the document writes them (the first and last "
        "ones around '…' when long), when the quoted text is such an item; empty otherwise",
    )


class Suggestion(BaseModel):
    clause_id: str
    title: str
    strength: str
    reason: str


class Finding(BaseModel):
    """The verdict on one protection in one agreement."""

    id: str
    title: str = ""
    group: str = ""
    priority: str = ""
    status: Status
    reason: str = ""
    evidence: list[Evidence] = Field(default_factory=list)
    suggestions: list[str] = Field(default_factory=list, description="Library clause ids, best first")
    suggestion_details: list[Suggestion] = Field(default_factory=list)
    reviewer_status: Status | None = None
    reviewer_reason: str = ""
    confidence: float = Field(1.0, ge=0, le=1, description="How sure the tool is of its status (0-1)")
    check: bool = Field(False, description="Low confidence: a reviewer should check this finding")

    @property
    def final_status(self) -> Status:
        return self.reviewer_status or self.status


class AgreementTerms(BaseModel):
    """How the agreement names what a suggested clause must name the same way (empty: it does not say)."""

    origin: str = Field("", description="Short name of the party workers come from")
    destination: str = Field("", description="Short name of the party where they work")
    origin_name: str = Field("", description="The origin as the text names it: 'the Republic of X'")
    destination_name: str = ""
    origin_authority: str = Field("", description="The origin's designated (competent) authority")
    destination_authority: str = ""
    parties_term: str = Field("", description="What it calls its signatories: 'Parties', 'Participants'")
    committee: str = Field("", description="Its joint committee's name, e.g. 'Joint Working Committee'")
    contract_annex: str = Field("", description="The annex holding the employment contract, e.g. 'Annex I'")


class AgreementFacts(BaseModel):
    instrument: Literal["agreement", "mou"]
    title_kind: str = Field(
        "", description="What the title calls the text when it is neither an agreement nor an MoU ('Convention')"
    )
    title: str = ""
    parties: list[str] = Field(default_factory=list)
    sectors: list[str] = Field(default_factory=list)
    annexes: dict[str, Literal["mandatory", "indicative", "unknown"]] = Field(default_factory=dict)
    tracked_changes: bool = False
    word_count: int = 0
    articles: int = 0
    language: str = Field("en", description="The language analysed (ISO 639-1)")
    binding: bool = Field(True, description="False when the instrument says it creates no legal obligations")
    non_binding_statement: str = ""
    other_languages: list[str] = Field(
        default_factory=list, description="Other languages the text holds, not analysed (ISO 639-1)"
    )
    terms: AgreementTerms = Field(default_factory=AgreementTerms)

    @model_serializer(mode="wrap")
    def _without_empty_other_languages(self, handler: SerializerFunctionWrapHandler) -> dict:
        """A one-language text's JSON stays as it was before other languages were read."""
        data = handler(self)
        if isinstance(data, dict) and not data.get("other_languages"):
            data.pop("other_languages", None)
        return data


class GapReport(BaseModel):
    """One agreement's gap analysis; ``protections`` always lists all 34 ids in rubric order."""

    file: str
    facts: AgreementFacts
    protections: list[Finding]
    warnings: list[str] = Field(default_factory=list)
    counts: dict[str, int] = Field(default_factory=dict)
    core_score: float = Field(0.0, description="Share of core protections present (0-1)")

    def finding(self, protection_id: str) -> Finding:
        for f in self.protections:
            if f.id == protection_id:
                return f
        raise KeyError(protection_id)

    def statuses(self) -> dict[str, str]:
        return {f.id: f.final_status for f in self.protections}

    def contract_dict(self) -> dict:
        """The JSON object of the CLI contract (all fields, the contract's first)."""
        data = self.model_dump(mode="json")
        ordered = {"file": data.pop("file"), "protections": data.pop("protections")}
        ordered.update(data)
        return ordered
