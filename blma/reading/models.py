"""What reading produces: an agreement's text as located blocks, plus document facts."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Origin = Literal["body", "table", "textbox", "footnote", "content_control"]
BlockKind = Literal["title", "preamble", "heading", "paragraph", "table_cell", "note"]


@dataclass
class RawParagraph:
    """One paragraph as a format reader sees it, before structure is recovered.

    ``label`` is the number the reader sees in front of the text when it does not live in
    the text itself (Word's automatic numbering); ``heading_level`` comes from a heading
    style or Markdown ``#`` marks, ``None`` when the format says nothing.
    """

    text: str
    label: str = ""
    heading_level: int | None = None
    is_title: bool = False
    bold: bool = False
    origin: Origin = "body"
    table: tuple[int, int, int] | None = None  # (table index, row, column), 1-based rows
    column_header: str = ""
    note_id: str = ""  # footnote number, for origin == "footnote"
    note_refs: tuple[str, ...] = ()  # footnotes referenced from this paragraph
    after_break: bool = False  # a horizontal rule (Markdown "---") comes before it: a new part begins
    quoted: bool = False  # inside a Markdown block quote (">"): an amendment's new wording, as a rule


@dataclass
class Block:
    """A located piece of agreement text: the unit of analysis and of evidence."""

    text: str
    location: str  # as a reader would cite it: "Article 7(2)", "Annex I, table row 4"
    unit: str = ""  # the article or section it belongs to: "Article 7"
    heading: str = ""  # that unit's heading, e.g. "Wages"
    annex: str = ""  # "Annex I" when the block stands in an annex
    kind: BlockKind = "paragraph"
    origin: Origin = "body"
    context: str = ""  # e.g. the table column header "Obligations of the Receiving Party"


@dataclass
class AgreementText:
    """An agreement as read: its blocks in reading order and what was learned on the way."""

    name: str
    format: str
    title: str = ""
    blocks: list[Block] = field(default_factory=list)
    headers_footers: list[str] = field(default_factory=list)
    tracked_changes: bool = False
    warnings: list[str] = field(default_factory=list)

    @property
    def units(self) -> list[str]:
        """Articles or sections in order of appearance."""
        seen: dict[str, None] = {}
        for block in self.blocks:
            if block.unit:
                seen.setdefault(block.unit, None)
        return list(seen)

    def text_of(self, unit: str) -> str:
        return "\n".join(b.text for b in self.blocks if b.unit == unit and b.kind != "heading")

    @property
    def full_text(self) -> str:
        return "\n".join(b.text for b in self.blocks)

    @property
    def word_count(self) -> int:
        return sum(len(b.text.split()) for b in self.blocks)
