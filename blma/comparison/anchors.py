"""Where each block of an agreement sits in its DOCX: the ``w:p`` element that holds it.

The reader gives text and citations; writing comments and revisions needs the paragraph
elements. Both walk the body in the same order (paragraphs, table cells, text boxes), so
each block is matched to the next paragraph whose text ends with the block's text (the
reader strips typed labels such as "(2)" from the front). Footnote blocks have no body
paragraph; they anchor on the paragraph that cites the note.
"""

from __future__ import annotations

from blma.ooxml.ns import Element
from blma.ooxml.text import paragraph_text, reading_order_paragraphs
from blma.reading.models import AgreementText

#: How far ahead of the last match a block's paragraph may be (skipped empty or "PREAMBLE" lines).
LOOKAHEAD = 40


def _norm(text: str) -> str:
    return " ".join(text.split()).lower()


def locate(doc: AgreementText, body: Element) -> list[Element | None]:
    """The paragraph element of each block of ``doc`` (same order), or None where none is found."""
    candidates = [(p, _norm(paragraph_text(p))) for p in reading_order_paragraphs(body)]
    candidates = [(p, t) for p, t in candidates if t]
    found: list[Element | None] = []
    cursor = 0
    last: Element | None = None
    for block in doc.blocks:
        if block.origin == "footnote":
            found.append(last)
            continue
        target = _norm(block.text)
        hit = None
        for k in range(cursor, min(cursor + LOOKAHEAD, len(candidates))):
            text = candidates[k][1]
            if text == target or text.endswith(target):
                hit = k
                break
        if hit is None:
            found.append(None)
            continue
        last = candidates[hit][0]
        found.append(last)
        cursor = hit + 1
    return found
