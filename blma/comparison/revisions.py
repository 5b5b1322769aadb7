"""Raw WordprocessingML for Word revisions and comment anchors: the only writer of revision XML.

python-docx has no API for tracked changes, so this module writes them as the standard
defines them (ECMA-376 Part 1, 17.13.5): inserted runs inside ``w:ins``, deleted runs
inside ``w:del`` with their text in ``w:delText``, and an inserted or deleted paragraph
mark as ``w:pPr/w:rPr/w:ins`` or ``w:del``. Every mark carries ``w:id``, ``w:author`` and
``w:date``. Paragraph text is handled "raw": ``w:t`` text, ``w:tab`` as a tab and
``w:br``/``w:cr`` as a line break, so a paragraph rewritten from a diff keeps each
untouched stretch in its original run formatting. Callers hand in lxml elements of a
document opened with python-docx and never build XML themselves.
"""

from __future__ import annotations

import copy
import io
import re
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime

from docx.oxml.parser import OxmlElement
from docx.text.paragraph import Paragraph
from docx.text.run import Run
from lxml import etree

from blma.reading.ooxml import w

W_R, W_T, W_TAB, W_BR, W_CR = w("r"), w("t"), w("tab"), w("br"), w("cr")
W_INS, W_DEL, W_DEL_TEXT, W_PPR, W_RPR = w("ins"), w("del"), w("delText"), w("pPr"), w("rPr")
W_INSTR, W_DEL_INSTR = w("instrText"), w("delInstrText")
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
#: Run children that carry text as this module reads it; any other child makes a run "special".
TEXT_CHILDREN = {W_T, W_TAB, W_BR, W_CR, W_RPR}
#: Paragraph children that hold runs elsewhere than directly (links, fields, controls, revisions).
NESTED_RUN_HOLDERS = {
    w("hyperlink"),
    w("fldSimple"),
    w("smartTag"),
    w("sdt"),
    w("customXml"),
    W_INS,
    W_DEL,
    w("moveFrom"),
    w("moveTo"),
}

#: What may precede ``w:numPr`` in ``w:pPr`` (the schema fixes the order of its children).
NUMPR_PREDECESSORS = {
    w(t) for t in ("pStyle", "keepNext", "keepLines", "pageBreakBefore", "framePr", "widowControl")
}


@dataclass
class Marks:
    """Who and when every revision is attributed to, and the next free ``w:id``."""

    author: str = "BLMA"
    date: datetime = field(default_factory=lambda: datetime.now(UTC).replace(microsecond=0))
    next_id: int = 1

    @classmethod
    def for_document(cls, root: etree._Element, author: str, date: datetime | None = None) -> Marks:
        """Ids start above every ``w:id`` already used, so no mark clashes with the document's."""
        ids = (el.get(w("id"), "") for el in root.iter(etree.Element))  # not comments or PIs
        used = [int(v) for v in ids if v.isascii() and v.lstrip("-").isdigit() and len(v) <= 18]
        marks = cls(author=author, next_id=max(used, default=0) + 1)
        if date is not None:
            marks.date = date.replace(microsecond=0)
        return marks

    def mark(self, tag: str) -> etree._Element:
        el = OxmlElement(tag)
        el.set(w("id"), str(self.next_id))
        el.set(w("author"), self.author)
        el.set(w("date"), self.date.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"))
        self.next_id += 1
        return el


# -- reading runs -------------------------------------------------------------------------------
def _is_plain(run: etree._Element) -> bool:
    for child in run:
        if child.tag not in TEXT_CHILDREN:
            return False
        if child.tag == W_BR and child.get(w("type")) not in (None, "textWrapping"):
            return False
    return True


def run_text(run: etree._Element) -> str:
    parts = []
    for child in run:
        if child.tag in (W_T, W_DEL_TEXT):
            parts.append(child.text or "")
        elif child.tag == W_TAB:
            parts.append("\t")
        elif child.tag in (W_BR, W_CR):
            parts.append("\n")
    return "".join(parts)


def is_simple(p: etree._Element) -> bool:
    """True when all the paragraph's text sits in its own runs (no links, fields or revisions)."""
    return not any(child.tag in NESTED_RUN_HOLDERS for child in p)


def raw_text(p: etree._Element) -> str:
    """The paragraph's text with tabs and breaks kept, as :func:`rewrite` counts characters.

    Deleted text is left out; text boxes anchored in the paragraph are not its text.
    """
    if is_simple(p):
        return "".join(run_text(r) for r in p if r.tag == W_R and _is_plain(r))
    return "".join(run_text(r) for r in _visible_runs(p))


def _visible_runs(p: etree._Element) -> list[etree._Element]:
    found = []
    for run in p.iter(W_R):
        parent, hidden = run.getparent(), False
        while parent is not None and parent is not p:
            if parent.tag in (W_DEL, w("moveFrom"), w("txbxContent")):
                hidden = True
                break
            parent = parent.getparent()
        if not hidden:
            found.append(run)
    return found


# -- building runs ------------------------------------------------------------------------------
def _new_run(text: str, rpr: etree._Element | None, deleted: bool = False) -> etree._Element:
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


def _as_deleted(run: etree._Element) -> etree._Element:
    for t in run.iter(W_T):
        t.tag = W_DEL_TEXT
    for t in run.iter(W_INSTR):
        t.tag = W_DEL_INSTR
    return run


def _wrap(marks: Marks, tag: str, runs: Iterable[etree._Element]) -> etree._Element:
    wrapper = marks.mark(tag)
    for run in runs:
        wrapper.append(run)
    return wrapper


# -- rewriting paragraphs -----------------------------------------------------------------------
Op = tuple[str, str]  # ("equal" | "delete" | "insert", text)


def rewrite(p: etree._Element, ops: Sequence[Op], marks: Marks) -> None:
    """Rewrite ``p`` as tracked changes: equal stretches keep their runs' formatting,
    deleted ones go into ``w:del``, inserted ones into ``w:ins`` formatted like the text
    before them. The ops' equal and deleted texts must spell :func:`raw_text` of ``p``.
    """
    if not is_simple(p):
        _rewrite_coarsely(p, ops, marks)
        return
    runs = [r for r in p if r.tag == W_R]
    pieces: list[tuple[int, etree._Element, str | None]] = []  # (offset, run, text or None if special)
    offset = 0
    for run in runs:
        if _is_plain(run):
            text = run_text(run)
            pieces.append((offset, run, text))
            offset += len(text)
        else:
            pieces.append((offset, run, None))
    out: list[etree._Element] = []
    cursor = 0
    last_rpr = next((r.find(W_RPR) for _, r, t in pieces if t), None)
    emitted_special: set[int] = set()
    for op, text in ops:
        if op == "insert":
            out.append(_wrap(marks, "w:ins", [_new_run(text, last_rpr)]))
            continue
        start, end = cursor, cursor + len(text)
        segment: list[etree._Element] = []
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
            segment.append(_new_run(run_txt[lo - at : hi - at], rpr, deleted=op == "delete"))
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


def _rewrite_coarsely(p: etree._Element, ops: Sequence[Op], marks: Marks) -> None:
    """For paragraphs with links or fields: delete every visible run in place, insert the new text at the end."""
    new_text = "".join(t for op, t in ops if op != "delete")
    last_rpr = None
    for run in _visible_runs(p):
        if not run_text(run):
            continue
        last_rpr = run.find(W_RPR)
        parent = run.getparent()  # inside another reviewer's w:ins, the w:del nests in it, as Word does
        wrapper = marks.mark("w:del")
        parent.replace(run, wrapper)
        wrapper.append(_as_deleted(run))
    if new_text:
        p.append(_wrap(marks, "w:ins", [_new_run(new_text, last_rpr)]))


def delete_paragraph(p: etree._Element, marks: Marks) -> None:
    """Mark all of ``p`` deleted, its paragraph mark included (accepting removes the paragraph)."""
    text = raw_text(p)
    if text:
        rewrite(p, [("delete", text)], marks)
    parent = p.getparent()
    last_in_cell = parent is not None and parent.tag == w("tc") and p is parent.findall(w("p"))[-1]
    if not last_in_cell:  # a table cell must keep one paragraph
        _mark_paragraph(p, marks.mark("w:del"))


def insert_paragraph(
    anchor: etree._Element,
    text: str,
    template: etree._Element,
    marks: Marks,
    *,
    before: bool = False,
    keep_numbering: bool = True,
) -> etree._Element:
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
        p.append(_wrap(marks, "w:ins", [_new_run(text, rpr)]))
    _mark_paragraph(p, marks.mark("w:ins"))
    if before:
        anchor.addprevious(p)
    else:
        anchor.addnext(p)
    return p


def _mark_paragraph(p: etree._Element, mark: etree._Element) -> None:
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


# -- comments -----------------------------------------------------------------------------------
def comment_paragraph(document, p: etree._Element, text: str, author: str, initials: str = "") -> bool:
    """Anchor a Word comment on the visible text of ``p`` (python-docx writes the comments part).

    Returns False, writing nothing, when the paragraph has no visible text to anchor on.
    """
    runs = [r for r in _visible_runs(p) if run_text(r).strip()]
    runs = runs or [r for r in p.iter(W_R) if run_text(r).strip()]  # wholly deleted: anchor on the deletion
    if not runs:
        return False
    paragraph = Paragraph(p, None)
    document.add_comment(
        [Run(runs[0], paragraph), Run(runs[-1], paragraph)], text=text, author=author, initials=initials
    )
    return True


# -- accepting ------------------------------------------------------------------------------------
def accept_all(root: etree._Element) -> None:
    """Accept every tracked change under ``root`` in place: what Word's "Accept All" leaves."""
    for el in list(root.iter(W_DEL, w("moveFrom"))):
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
    for el in list(root.iter(W_INS, w("moveTo"))):
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


def _merge_deleted_paragraph(p: etree._Element) -> None:
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


# -- packages -------------------------------------------------------------------------------------
def write_package(original: bytes, replaced: dict[str, bytes]) -> bytes:
    """A copy of the package ``original`` with the members in ``replaced`` changed or added.

    Every other member is copied byte for byte, in its original order and compression, so
    styles, numbering, headers, images and macros stay exactly as they were.
    """
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(original)) as zin,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout,
    ):
        names = set()
        for info in zin.infolist():
            names.add(info.filename)
            data = replaced.get(info.filename)
            zout.writestr(info, data if data is not None else zin.read(info.filename))
        for name, data in replaced.items():
            if name not in names:
                zout.writestr(
                    zipfile.ZipInfo(name, date_time=(2024, 1, 1, 0, 0, 0)),
                    data,
                    compress_type=zipfile.ZIP_DEFLATED,
                )
    return out.getvalue()


def members(package_bytes: bytes, names: Iterable[str]) -> dict[str, bytes]:
    """The named members of a package that exist in it (names without a leading slash)."""
    with zipfile.ZipFile(io.BytesIO(package_bytes)) as package:
        present = set(package.namelist())
        return {name: package.read(name) for name in names if name in present}
