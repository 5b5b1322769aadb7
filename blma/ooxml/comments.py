"""Comments (``w:comment``): anchoring one on a paragraph, a sentence or a deletion, and checking a comments part.

python-docx 1.2 writes the comments part and the range marks (``document.add_comment``);
what it needs from here is the runs to anchor on, and a part whose ids it can convert.
"""

from __future__ import annotations

import re

from docx.document import Document
from docx.text.paragraph import Paragraph
from docx.text.run import Run

from blma.ooxml.ns import W_DEL, W_R, Element, w
from blma.ooxml.parts import MAX_DIGITS, MalformedPart, whole_number
from blma.ooxml.runs import isolate, raw_text, run_text, visible_runs


def comment_paragraph(document: Document, p: Element, text: str, author: str, initials: str = "") -> bool:
    """Anchor a Word comment on the visible text of ``p``.

    Returns False, writing nothing, when the paragraph has no visible text to anchor on.
    """
    runs = [r for r in visible_runs(p) if run_text(r).strip()]
    runs = runs or [r for r in p.iter(W_R) if run_text(r).strip()]  # wholly deleted: anchor on the deletion
    if not runs:
        return False
    paragraph = Paragraph(p, None)
    document.add_comment(
        [Run(runs[0], paragraph), Run(runs[-1], paragraph)], text=text, author=author, initials=initials
    )
    return True


def comment_sentence(
    document: Document, p: Element, sentence: str, text: str, author: str, initials: str = ""
) -> bool:
    """Anchor a Word comment on ``sentence`` within ``p`` (its runs split at the sentence's
    ends); on the whole paragraph when the sentence cannot be isolated (links, revisions)."""
    words = [re.escape(x) for x in sentence.split()]
    match = re.search(r"\s+".join(words), raw_text(p)) if words else None
    runs = isolate(p, match.start(), match.end()) if match else []
    if not runs:
        return comment_paragraph(document, p, text, author, initials)
    paragraph = Paragraph(p, None)
    document.add_comment(
        [Run(runs[0], paragraph), Run(runs[-1], paragraph)], text=text, author=author, initials=initials
    )
    return True


def comment_deletion(document: Document, p: Element, text: str, author: str, initials: str = "") -> bool:
    """Anchor a Word comment on the text ``author`` marked deleted in ``p`` (a struck-out
    sentence; another reviewer's deletions are not it), else on ``p``."""
    dels = [d for d in p.iter(W_DEL) if d.get(w("author")) == author]
    runs = [r for d in dels for r in d.iter(W_R) if run_text(r).strip()]
    if not runs:
        return comment_paragraph(document, p, text, author, initials)
    paragraph = Paragraph(p, None)
    comment = document.add_comment(
        [Run(runs[0], paragraph), Run(runs[-1], paragraph)], text=text, author=author, initials=initials
    )
    _out_of_deletions(p, str(comment.comment_id))
    return True


def _out_of_deletions(p: Element, comment_id: str) -> None:
    """Move a comment's range marks and reference out of the ``w:del`` they were put in, so that
    accepting the deletion does not take the comment's anchor with it."""
    # the reference goes first, so that the range end, moved next, lands before it
    for tag, after in (("commentRangeStart", False), ("commentReference", True), ("commentRangeEnd", True)):
        mark = next((m for m in p.iter(w(tag)) if m.get(w("id")) == comment_id), None)
        if mark is None:
            continue
        if tag == "commentReference":
            mark = mark.getparent()  # the run that holds the reference
        deletion = _outermost_deletion(mark, p)
        if deletion is not None:
            (deletion.addnext if after else deletion.addprevious)(mark)


def _outermost_deletion(el: Element, p: Element) -> Element | None:
    found, parent = None, el.getparent()
    while parent is not None and parent is not p:
        if parent.tag == W_DEL:
            found = parent
        parent = parent.getparent()
    return found


def check_comment_ids(comments: Element, what: str) -> None:
    """Every ``w:comment``'s ``w:id`` a number python-docx can convert with ``int``, else
    :class:`~blma.ooxml.parts.MalformedPart` naming ``what``."""
    for comment in comments.iter(w("comment")):
        if abs(whole_number(comment, "id", 0, f"{what} (a comment's id)")) >= 10**MAX_DIGITS:
            raise MalformedPart(f"{what} (a comment's id): w:id is out of range")
