"""An agreement as a list of articles: the units that alignment pairs and diffs compare.

Articles are the reader's units; blocks outside any article are grouped under the title,
the preamble, an annex or their own location ("Chapter II"), so that nothing is left out
of a comparison. An article in an annex is keyed "Annex I, Article 2" to keep it apart
from the body's Article 2.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from blma.analysis.models import GapReport
from blma.reading.models import AgreementText, Block


@dataclass
class Article:
    key: str
    heading: str = ""
    blocks: list[Block] = field(default_factory=list)
    protections: set[str] = field(default_factory=set)

    @property
    def body(self) -> str:
        """The article's text without its heading lines: what word differences compare."""
        return "\n".join(b.text for b in self.blocks if b.kind != "heading")

    @property
    def text(self) -> str:
        """Heading and body (or, for a heading alone, its lines): what text similarity compares."""
        if not self.body:
            return "\n".join(b.text for b in self.blocks)
        return f"{self.heading}\n{self.body}".strip()


def block_key(block: Block) -> str:
    if block.unit:
        return f"{block.annex}, {block.unit}" if block.annex else block.unit
    if block.annex:
        return block.annex
    if block.kind == "title":
        return "Title"
    if block.kind == "preamble" or not block.location:
        return "Preamble"
    return block.location.split(",")[0]


def split_articles(doc: AgreementText, report: GapReport | None = None) -> list[Article]:
    """Articles in reading order, each with the protections whose evidence it holds."""
    found: dict[str, Article] = {}
    for block in doc.blocks:
        key = block_key(block)
        article = found.setdefault(key, Article(key))
        article.blocks.append(block)
        if not article.heading and block.heading:
            article.heading = block.heading
    if report is not None:
        for key, pids in protections_by_article(doc, report).items():
            if key in found:
                found[key].protections |= pids
    return list(found.values())


def protections_by_article(doc: AgreementText, report: GapReport) -> dict[str, set[str]]:
    """Map each finding's evidence location back to the article that holds it.

    The analyzer cites locations such as "Article 7(2)" or "Annex I, table row 4"; the block
    with that location (and the cited sentence) names the article.
    """
    by_location: dict[str, list[Block]] = {}
    for block in doc.blocks:
        by_location.setdefault(block.location, []).append(block)
    found: dict[str, set[str]] = {}
    for finding in report.protections:
        for evidence in finding.evidence:
            candidates = by_location.get(evidence.location, [])
            block = next((b for b in candidates if evidence.text[:40] in b.text), None)
            block = block or (candidates[0] if candidates else None)
            if block is not None:
                found.setdefault(block_key(block), set()).add(finding.id)
    return found


def evidence_block(doc: AgreementText, location: str, text: str) -> int | None:
    """Index in ``doc.blocks`` of the block an evidence item cites (its location and sentence)."""
    candidates = [k for k, b in enumerate(doc.blocks) if b.location == location]
    for k in candidates:
        if text[:40] in doc.blocks[k].text:
            return k
    return candidates[0] if candidates else None
