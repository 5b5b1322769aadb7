"""Tracked changes (ECMA-376 Part 1, 17.13.5): writing them, and accepting them all.

python-docx has no API for revisions, so they are written as the standard defines them:
inserted runs inside ``w:ins``, deleted runs inside ``w:del`` with their text in
``w:delText``, and an inserted or deleted paragraph mark as ``w:pPr/w:rPr/w:ins`` or
``w:del``. Every mark carries ``w:id``, ``w:author`` and ``w:date`` (:class:`Marks`). A
paragraph rewritten from a diff keeps each untouched stretch in its original runs'
formatting (see :mod:`blma.ooxml.runs` for how its text is counted).
"""

from __future__ import annotations

import copy
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime

from docx.oxml.parser import OxmlElement
from lxml import etree

from blma.ooxml.ns import W_DEL, W_INS, W_MOVE_FROM, W_MOVE_TO, W_P, W_PPR, W_R, W_RPR, W_TC, Element, w
from blma.ooxml.runs import (
    as_deleted,
    direct_runs,
    is_plain,
    is_simple,
    new_run,
    raw_text,
    run_text,
    visible_runs,
)

#: What may precede ``w:numPr`` in ``w:pPr`` (the schema fixes the order of its children).
NUMPR_PREDECESSORS = {
    w(t) for t in ("pStyle", "keepNext", "keepLines", "pageBreakBefore", "framePr", "widowControl")
}

Op = tuple[str, str]  # ("equal" | "delete" | "insert", text)


@dataclass
class Marks:
    """Who and when every revision is attributed to, and the next free ``w:id``."""

    author: str = "BLMA"
    date: datetime = field(default_factory=lambda: datetime.now(UTC).replace(microsecond=0))
    next_id: int = 1

    @classmethod
    def for_document(cls, root: Element, author: str, date: datetime | None = None) -> Marks:
        """Ids start above every ``w:id`` already used, so no mark clashes with the document's."""
        ids = (el.get(w("id"), "") for el in root.iter(etree.Element))  # not comments or PIs
        used = [int(v) for v in ids if v.isascii() and v.lstrip("-").isdigit() and len(v) <= 18]
        marks = cls(author=author, next_id=max(used, default=0) + 1)
        if date is not None:
            marks.date = date.replace(microsecond=0)
        return marks

    def mark(self, tag: str) -> Element:
        """A new, empty ``tag`` ("w:ins", "w:del") with the next id, the author and the date."""
        el = OxmlElement(tag)
        el.set(w("id"), str(self.next_id))
        el.set(w("author"), self.author)
        el.set(w("date"), self.date.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"))
        self.next_id += 1
        return el


def _wrap(marks: Marks, tag: str, runs: Iterable[Element]) -> Element:
    wrapper = marks.mark(tag)
    for run in runs:
        wrapper.append(run)
    return wrapper


# -- rewriting paragraphs -----------------------------------------------------------------------
def rewrite(p: Element, ops: Sequence[Op], marks: Marks) -> None:
    """Rewrite ``p`` as tracked changes: equal stretches keep their runs' formatting,
    deleted ones go into ``w:del``, inserted ones into ``w:ins`` formatted like the text
    before them. The ops' equal and deleted texts must spell :func:`raw_text` of ``p``.
    """
    if not is_simple(p):
        _rewrite_coarsely(p, ops, marks)
        return
    runs = direct_runs(p)
    pieces: list[tuple[int, Element, str | None]] = []  # (offset, run, text or None if special)
    offset = 0
    for run in runs:
        if is_plain(run):
            text = run_text(run)
            pieces.append((offset, run, text))
            offset += len(text)
        else:
            pieces.append((offset, run, None))
    out: list[Element] = []
    cursor = 0
    last_rpr = next((r.find(W_RPR) for _, r, t in pieces if t), None)
    emitted_special: set[int] = set()
    for op, text in ops:
        if op == "insert":
            out.append(_wrap(marks, "w:ins", [new_run(text, last_rpr)]))
            continue
        start, end = cursor, cursor + len(text)
        segment: list[Element] = []
        for k, (at, run, run_txt) in enumerate(pieces):
            if run_txt is None:
                if start <= at <= end and k not in emitted_special and (at < end or end == offset):
                    emitted_special.add(k)
                    if segment and op == "delete":
                        out.append(_wrap(marks, "w:del", segment))
                        segment = []
                    (out if op == "delete" else segment).append(copy.deepcopy(run))
                continue
            lo, hi = max(start, at), min(end, at + len(run_txt))
            if lo >= hi:
                continue
            rpr = run.find(W_RPR)
            last_rpr = rpr
            segment.append(new_run(run_txt[lo - at : hi - at], rpr, deleted=op == "delete"))
        if op == "delete" and segment:
            out.append(_wrap(marks, "w:del", segment))
        else:
            out.extend(segment)
        cursor = end
    for k, (_at, run, run_txt) in enumerate(pieces):  # specials after the last character
        if run_txt is None and k not in emitted_special:
            out.append(copy.deepcopy(run))
    position = p.index(runs[0]) if runs else (1 if p.find(W_PPR) is not None else 0)
    for run in runs:
        p.remove(run)
    for k, el in enumerate(out):
        p.insert(position + k, el)


def _rewrite_coarsely(p: Element, ops: Sequence[Op], marks: Marks) -> None:
    """For paragraphs with links or fields: delete every visible run in place, insert the new text at the end."""
    new_text = "".join(t for op, t in ops if op != "delete")
    last_rpr = None
    for run in visible_runs(p):
        if not run_text(run):
            continue
        last_rpr = run.find(W_RPR)
        parent = run.getparent()  # inside another reviewer's w:ins, the w:del nests in it, as Word does
        wrapper = marks.mark("w:del")
        parent.replace(run, wrapper)
        wrapper.append(as_deleted(run))
    if new_text:
        p.append(_wrap(marks, "w:ins", [new_run(new_text, last_rpr)]))


def delete_paragraph(p: Element, marks: Marks) -> None:
    """Mark all of ``p`` deleted, its paragraph mark included (accepting removes the paragraph)."""
    text = raw_text(p)
    if text:
        rewrite(p, [("delete", text)], marks)
    parent = p.getparent()
    last_in_cell = parent is not None and parent.tag == W_TC and p is parent.findall(W_P)[-1]
    if not last_in_cell:  # a table cell must keep one paragraph
        _mark_paragraph(p, marks.mark("w:del"))


def insert_paragraph(
    anchor: Element,
    text: str,
    template: Element,
    marks: Marks,
    *,
    before: bool = False,
    keep_numbering: bool = True,
) -> Element:
    """A new paragraph after (or ``before``) ``anchor``, formatted like ``template``, wholly a
    tracked insertion. ``keep_numbering=False`` drops the template's list numbering, so the
    new paragraph does not renumber the list it is copied from."""
    p = OxmlElement("w:p")
    ppr = template.find(W_PPR)
    if ppr is not None:
        ppr = copy.deepcopy(ppr)
        for stale in ppr.findall(W_RPR):
            ppr.remove(stale)
        if not keep_numbering:  # numId 0 also stops numbering that the paragraph style carries
            for numpr in ppr.findall(w("numPr")):
                ppr.remove(numpr)
            numpr = OxmlElement("w:numPr")
            num_id = OxmlElement("w:numId")
            num_id.set(w("val"), "0")
            numpr.append(num_id)
            earlier = [c for c in ppr if c.tag in NUMPR_PREDECESSORS]
            (earlier[-1].addnext(numpr) if earlier else ppr.insert(0, numpr))
        for change in ppr.findall(w("pPrChange")) + ppr.findall(w("sectPr")):
            ppr.remove(change)
        p.append(ppr)
    rpr = next((r.find(W_RPR) for r in template.iter(W_R) if run_text(r)), None)
    if text:
        p.append(_wrap(marks, "w:ins", [new_run(text, rpr)]))
    _mark_paragraph(p, marks.mark("w:ins"))
    if before:
        anchor.addprevious(p)
    else:
        anchor.addnext(p)
    return p


def _mark_paragraph(p: Element, mark: Element) -> None:
    """Put an ins/del mark on the paragraph mark (``w:pPr/w:rPr``, where it must come first)."""
    ppr = p.find(W_PPR)
    if ppr is None:
        ppr = OxmlElement("w:pPr")
        p.insert(0, ppr)
    rpr = ppr.find(W_RPR)
    if rpr is None:
        rpr = OxmlElement("w:rPr")
        tail = [c for c in ppr if c.tag in (w("sectPr"), w("pPrChange"))]
        if tail:
            tail[0].addprevious(rpr)
        else:
            ppr.append(rpr)
    rpr.insert(0, mark)


# -- accepting ------------------------------------------------------------------------------------
def accept_all(root: Element) -> None:
    """Accept every tracked change under ``root`` in place: what Word's "Accept All" leaves."""
    for el in list(root.iter(W_DEL, W_MOVE_FROM)):
        parent = el.getparent()
        if (
            parent is not None
            and parent.tag == W_RPR
            and parent.getparent() is not None
            and parent.getparent().tag == W_PPR
        ):
            _merge_deleted_paragraph(parent.getparent().getparent())
            continue
        if parent is not None:
            parent.remove(el)
    for el in list(root.iter(W_INS, W_MOVE_TO)):
        parent = el.getparent()
        if parent is None:
            continue
        if parent.tag == W_RPR:
            parent.remove(el)
            continue
        index = parent.index(el)
        for k, child in enumerate(list(el)):
            parent.insert(index + k, child)
        parent.remove(el)


def _merge_deleted_paragraph(p: Element) -> None:
    """A paragraph whose mark is deleted joins the next one; left empty, it simply goes."""
    parent = p.getparent()
    if parent is None:
        return
    ppr = p.find(W_PPR)
    if ppr is not None:
        rpr = ppr.find(W_RPR)
        if rpr is not None:
            for mark in rpr.findall(W_DEL):
                rpr.remove(mark)
    content = [c for c in p if c.tag != W_PPR and c.tag != W_DEL]
    following = p.getnext()
    if content and following is not None and following.tag == p.tag:
        fppr = following.find(W_PPR)
        at = 1 if fppr is not None else 0
        for k, child in enumerate(content):
            following.insert(at + k, child)
    parent.remove(p)
