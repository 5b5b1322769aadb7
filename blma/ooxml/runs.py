"""Runs (``w:r``) and a paragraph's raw text: tabs and breaks kept, deleted text left out.

Raw text is what a rewrite counts characters in (:mod:`blma.ooxml.revisions`): ``w:t``
text, ``w:tab`` as a tab, ``w:br``/``w:cr`` as a line break. A run holding anything else (a
picture, a field character, a page break) is "special": kept whole, never split.
"""

from __future__ import annotations

import copy
import itertools
import re

from docx.oxml.parser import OxmlElement

from blma.ooxml.ns import (
    W_BR,
    W_CR,
    W_CUSTOM_XML,
    W_DEL,
    W_DEL_INSTR,
    W_DEL_TEXT,
    W_INS,
    W_INSTR,
    W_MOVE_FROM,
    W_MOVE_TO,
    W_R,
    W_RPR,
    W_SDT,
    W_T,
    W_TAB,
    W_TXBX,
    XML_SPACE,
    Element,
    w,
)

#: Run children that carry text as this module reads it; any other child makes a run "special".
TEXT_CHILDREN = {W_T, W_TAB, W_BR, W_CR, W_RPR}
#: Paragraph children that hold runs elsewhere than directly (links, fields, controls, revisions).
NESTED_RUN_HOLDERS = {
    w("hyperlink"),
    w("fldSimple"),
    w("smartTag"),
    W_SDT,
    W_CUSTOM_XML,
    W_INS,
    W_DEL,
    W_MOVE_FROM,
    W_MOVE_TO,
}


def is_plain(run: Element) -> bool:
    """True when the run holds only text, tabs and line breaks (no picture, field or page break)."""
    for child in run:
        if child.tag not in TEXT_CHILDREN:
            return False
        if child.tag == W_BR and child.get(w("type")) not in (None, "textWrapping"):
            return False
    return True


def run_text(run: Element) -> str:
    """The run's text, deleted text included, with tabs and breaks as ``\\t`` and ``\\n``."""
    parts = []
    for child in run:
        if child.tag in (W_T, W_DEL_TEXT):
            parts.append(child.text or "")
        elif child.tag == W_TAB:
            parts.append("\t")
        elif child.tag in (W_BR, W_CR):
            parts.append("\n")
    return "".join(parts)


def is_simple(p: Element) -> bool:
    """True when all the paragraph's text sits in its own runs (no links, fields or revisions)."""
    return not any(child.tag in NESTED_RUN_HOLDERS for child in p)


def raw_text(p: Element) -> str:
    """The paragraph's text with tabs and breaks kept, as a rewrite counts characters.

    Deleted text is left out; text boxes anchored in the paragraph are not its text.
    """
    if is_simple(p):
        return "".join(run_text(r) for r in p if r.tag == W_R and is_plain(r))
    return "".join(run_text(r) for r in visible_runs(p))


def visible_runs(p: Element) -> list[Element]:
    """The paragraph's runs that Word shows: not deleted, moved away or in a text box."""
    found = []
    for run in p.iter(W_R):
        parent, hidden = run.getparent(), False
        while parent is not None and parent is not p:
            if parent.tag in (W_DEL, W_MOVE_FROM, W_TXBX):
                hidden = True
                break
            parent = parent.getparent()
        if not hidden:
            found.append(run)
    return found


def direct_runs(p: Element) -> list[Element]:
    """The runs that are children of ``p`` itself."""
    return [r for r in p if r.tag == W_R]


def new_run(text: str, rpr: Element | None, deleted: bool = False) -> Element:
    """A run of ``text`` formatted by a copy of ``rpr``; tabs and line breaks become
    ``w:tab`` and ``w:br``; ``deleted`` writes ``w:delText`` for a ``w:del``."""
    run = OxmlElement("w:r")
    if rpr is not None:
        run.append(copy.deepcopy(rpr))
    # split once at tabs and breaks (adding a character at a time took minutes on a long paragraph)
    for piece in re.split(r"([\t\n])", text):
        if piece == "\t":
            run.append(OxmlElement("w:tab"))
        elif piece == "\n":
            run.append(OxmlElement("w:br"))
        elif piece:
            t = OxmlElement("w:delText" if deleted else "w:t")
            t.set(XML_SPACE, "preserve")
            t.text = piece
            run.append(t)
    return run


def as_deleted(run: Element) -> Element:
    """The run turned into deleted text (``w:t`` to ``w:delText``, field code likewise), in place."""
    for t in run.iter(W_T):
        t.tag = W_DEL_TEXT
    for t in run.iter(W_INSTR):
        t.tag = W_DEL_INSTR
    return run


def isolate(p: Element, start: int, end: int) -> list[Element]:
    """The paragraph's own runs holding exactly ``raw_text(p)[start:end]``, split where needed.

    Only a simple paragraph's plain runs are split (each piece keeps the run's formatting);
    returns [] when the paragraph is not simple or the stretch does not fall on its text.
    """
    if not is_simple(p) or start >= end:
        return []
    offset, found = 0, []
    for run in direct_runs(p):
        if not is_plain(run):
            continue
        text = run_text(run)
        lo, hi = offset, offset + len(text)
        offset = hi
        if hi <= start or lo >= end or not text:
            continue
        rpr = run.find(W_RPR)
        cuts = sorted({0, len(text), *(c - lo for c in (start, end) if lo < c < hi)})
        pieces = [new_run(text[a:b], rpr) for a, b in itertools.pairwise(cuts)]
        if len(pieces) > 1:
            for piece in pieces:
                run.addprevious(piece)
            p.remove(run)
        else:
            pieces = [run]
        at = lo
        for piece in pieces:
            size = len(run_text(piece))
            if at >= start and at + size <= end:
                found.append(piece)
            at += size
    return found
