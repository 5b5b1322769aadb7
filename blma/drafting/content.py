"""What an assembled draft says: numbered articles grouped in chapters, signature block, annexes.

This is what the writers (DOCX, Markdown) receive; it holds finished text only, so a writer
never needs the library or the spec's rules. :class:`blma.drafting.document.Draft` adds the
exports on top, so the writers depend on this module and the draft on the writers, one way.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel

from blma.drafting.coverage import Coverage
from blma.drafting.spec import DraftSpec


class Article(BaseModel):
    number: int
    heading: str
    key: str  # the protection id or structural role the article is placed for
    clause_id: str  # the main clause (the first, when several are combined)
    clause_ids: list[str] = []  # every clause whose text the article holds, in order
    secures: list[str]  # every protection id its clauses secure
    paragraphs: list[str]  # rendered text, in order

    @property
    def numbering(self) -> Literal["none", "paragraphs", "items"]:
        """How the paragraphs are numbered: a lone paragraph is not; a first paragraph ending
        with a colon (as in definitions) introduces items (a), (b)...; otherwise (1), (2)..."""
        if len(self.paragraphs) < 2:
            return "none"
        if len(self.paragraphs) > 2 and self.paragraphs[0].rstrip().endswith(":"):
            return "items"
        return "paragraphs"


class Chapter(BaseModel):
    numeral: str
    title: str
    articles: list[Article]


class AnnexTable(BaseModel):
    headers: list[str]
    rows: list[list[str]]
    widths_cm: list[float] = []  # column widths on paper; empty lets the writer decide


class Annex(BaseModel):
    key: Literal["model_contract", "standard_contract", "competent_authorities"]
    numeral: str
    heading: str
    paragraphs: list[str]
    table: AnnexTable | None = None  # a contract form is paragraphs only


class SignatureBlock(BaseModel):
    paragraphs: list[str]  # the witness and "done at" wording
    signatories: list[list[str]]  # one list of lines per column: origin, destination


class DraftContent(BaseModel):
    """A complete model instrument and what it secures: the text the writers lay out."""

    spec: DraftSpec
    language: str = "en"  # the language of this text (a code of blma.library.grammar.DRAFT_LANGUAGES)
    second: DraftContent | None = None  # a bilingual draft's second authentic text, written after this one
    title: str
    preamble: list[str]
    chapters: list[Chapter]
    signature: SignatureBlock
    annexes: list[Annex]
    footer: str  # may hold the page-number marks of blma.drafting.wording
    coverage: Coverage

    @property
    def texts(self) -> list[DraftContent]:
        """Every authentic text of the draft in order: this one, then the second, if any."""
        return [self] + ([self.second] if self.second else [])

    @property
    def articles(self) -> list[Article]:
        return [a for chapter in self.chapters for a in chapter.articles]

    def article(self, key: str) -> Article:
        """The article placed for a protection id or structural role (KeyError if none)."""
        for article in self.articles:
            if article.key == key:
                return article
        raise KeyError(key)
