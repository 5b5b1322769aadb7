"""Holding a document's text to the limits while it is read, and shaping it for analysis.

Readers count paragraphs and characters as they produce them (:class:`TextBudget`), so an
oversized document is refused when the limit is reached, not after all of it was built.
:func:`shape_for_analysis` then gives the analysis text it can always handle: whitespace
collapsed and runs of symbols shortened (layout only: no word is lost, so nothing is said),
and paragraphs over the length limit split at sentence ends, else between words (said in the
document's warnings). The tokenizer slows down with the square of a symbol run's length, and
spaCy refuses texts of a million characters: neither can reach the analysis.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache

from blma.errors import DocumentError
from blma.reading.limits import limits
from blma.reading.models import RawParagraph

#: Where a long paragraph is best split: after a sentence's end and its space.
SENTENCE_END = re.compile(r"[.;:!?][\"'”’)\]]*\s")


class TextBudget:
    """Counts paragraphs and characters as a reader produces them; refuses past the limits."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.paragraphs = 0
        self.chars = 0

    def add(self, text: str, paragraph: bool = True) -> None:
        """Count ``text``: a paragraph, or (``paragraph=False``) a page of a PDF, say."""
        cap = limits()
        self.paragraphs += paragraph
        self.chars += len(text)
        if self.paragraphs > cap.paragraphs:
            raise DocumentError(
                self.name,
                f"the document has more than {cap.paragraphs:,} paragraphs, over the limit for one "
                "agreement; split it into parts",
            )
        if self.chars > cap.document_chars:
            raise DocumentError(
                self.name,
                f"the document has more than {cap.document_chars:,} characters of text, over the limit "
                "for one agreement; split it into parts",
            )


@cache
def _symbol_run(length: int) -> re.Pattern[str]:
    return re.compile(rf"[^\w\s]{{{length + 1},}}")


def shape_for_analysis(raw: list[RawParagraph]) -> tuple[list[RawParagraph], list[str]]:
    """The paragraphs as the analysis can take them, and the warnings that say what changed."""
    cap = limits()
    runs = _symbol_run(cap.symbol_run)
    shaped: list[RawParagraph] = []
    split = 0
    for para in raw:
        text = " ".join(para.text.split())
        if len(text) > cap.symbol_run:
            text = runs.sub(lambda m: m.group()[: cap.symbol_run], text)
        if len(text) <= cap.paragraph_chars:
            shaped.append(para if text == para.text else replace(para, text=text))
            continue
        split += 1
        pieces = split_text(text, cap.paragraph_chars)
        shaped.append(replace(para, text=pieces[0]))
        shaped.extend(
            replace(para, text=piece, label="", heading_level=None, is_title=False, note_refs=(), after_break=False)
            for piece in pieces[1:]
        )
    warnings = []
    if split:
        warnings.append(
            f"{split} paragraph{'s' if split > 1 else ''} longer than {cap.paragraph_chars:,} characters "
            f"{'were' if split > 1 else 'was'} split for analysis (at sentence ends where possible)"
        )
    return shaped, warnings


def split_text(text: str, size: int) -> list[str]:
    """``text`` in pieces of at most ``size`` characters: cut after the last sentence end in each
    window, else at the last space, else (one enormous word) at ``size``."""
    pieces = []
    while len(text) > size:
        window = text[: size + 1]
        cut = 0
        for match in SENTENCE_END.finditer(window, size // 2):
            cut = match.end()
        if not cut:
            cut = window.rfind(" ") + 1
        if cut <= 0:
            cut = size
        pieces.append(text[:cut].strip())
        text = text[cut:]
    if text.strip():
        pieces.append(text.strip())
    return [p for p in pieces if p]
