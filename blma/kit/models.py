"""The joint-committee kit: its terms of reference and its implementation tracker."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

Strength = Literal["firm", "qualified", "best efforts", "by reference to national law"]


class Obligation(BaseModel):
    """One commitment of the instrument, as the joint committee follows it up."""

    article: str = Field(description='Where it stands, as a reader cites it: "Article 7(2)"')
    heading: str = ""
    text: str
    party: str = Field(description='Who answers for it: one Party by name, or "Both Parties"')
    responsible: str = Field(description="The authority or body that carries it out")
    timing: str = Field(description='Deadline or frequency: "Within 30 days", "Annually", "Continuing"')
    indicator: str
    protections: list[str] = Field(default_factory=list, description="Titles of the protections it serves")
    strength: Strength = "firm"
    against_workers: bool = Field(False, description="The gap analysis reads it as working against workers")


class Section(BaseModel):
    heading: str
    paragraphs: list[str]


class TermsOfReference(BaseModel):
    title: str
    sections: list[Section]


class Kit(BaseModel):
    """What a joint committee needs to start work on one instrument."""

    source: str = Field(description="The draft specification or agreement the kit was made from")
    instrument_title: str
    instrument: Literal["agreement", "mou"]
    parties: list[str]
    committee: str
    terms: TermsOfReference
    tracker: list[Obligation]
