"""Paragraphs as Word shows them, in reading order.

python-docx's ``paragraph.text`` skips runs inside tracked insertions (``w:ins``) and text
boxes, and it has no footnotes API; these helpers read a ``w:p`` with all tracked changes
accepted, look through block-level content controls, and find text boxes and footnotes.
"""

from __future__ import annotations

from collections.abc import Iterator

from blma.ooxml.ns import (
    W_BR,
    W_CR,
    W_CUSTOM_XML,
    W_DEL,
    W_DSTRIKE,
    W_INS,
    W_MOVE_FROM,
    W_MOVE_TO,
    W_P,
    W_R,
    W_RPR,
    W_SDT,
    W_SDT_CONTENT,
    W_STRIKE,
    W_T,
    W_TAB,
    W_TBL,
    W_TXBX,
    Element,
    w,
)
from blma.ooxml.tables import table_rows
from blma.ooxml.tree import visible

NOTE_SEPARATORS = ("separator", "continuationSeparator", "continuationNotice")


def is_paragraph(el: Element) -> bool:
    """True for a ``w:p``; :func:`iter_block_items` also yields tables."""
    return el.tag == W_P


def struck(run: Element | None) -> bool:
    """Whether a run is formatted as struck through (``w:strike`` or ``w:dstrike`` on): how a
    consolidated text or a marked-up draft shows wording repealed or proposed for deletion."""
    props = run.find(W_RPR) if run is not None and run.tag == W_R else None
    if props is None:
        return False
    for tag in (W_STRIKE, W_DSTRIKE):
        mark = props.find(tag)
        if mark is not None and mark.get(w("val")) not in ("0", "false", "off"):
            return True
    return False


def paragraph_text(p: Element) -> str:
    """A paragraph's text as Word shows it with all tracked changes accepted, less the text
    struck through (deleted wording, as :func:`struck` says)."""
    parts: list[str] = []
    for node in p.iter(W_T, W_TAB, W_BR, W_CR):
        if not visible(node, p) or struck(node.getparent()):
            continue
        if node.tag == W_T:
            parts.append(node.text or "")
        else:
            parts.append(" ")
    return " ".join("".join(parts).split())


def part_text(root: Element) -> str:
    """The text of every paragraph with text in a part (a header, say), joined by spaces."""
    return " ".join(t for t in (paragraph_text(p) for p in root.iter(W_P)) if t)


def is_bold(p: Element) -> bool:
    """True when every visible run with text is bold (a typical unnumbered heading)."""
    runs = [r for r in p.iter(w("r")) if visible(r, p) and "".join(r.itertext()).strip()]
    if not runs:
        return False
    for run in runs:
        b = run.find(f"{w('rPr')}/{w('b')}")
        if b is None or b.get(w("val")) in ("0", "false", "off"):
            return False
    return True


def text_boxes(p: Element) -> list[Element]:
    """Paragraphs inside the text boxes anchored in ``p`` (the fallback copy is skipped)."""
    found = []
    for box in p.iter(W_TXBX):
        if visible(box, p):
            found.extend(box.iter(W_P))
    return found


def footnote_refs(p: Element) -> tuple[str, ...]:
    """The ids of the footnotes ``p`` cites, in order."""
    return tuple(ref.get(w("id"), "") for ref in p.iter(w("footnoteReference")) if visible(ref, p))


def footnotes(part_xml: Element) -> dict[str, list[str]]:
    """Footnote id to its paragraphs' text, separators left out."""
    notes: dict[str, list[str]] = {}
    for note in part_xml.iter(w("footnote")):
        if note.get(w("type")) in NOTE_SEPARATORS:
            continue
        texts = [t for t in (paragraph_text(p) for p in note.iter(W_P)) if t]
        if texts:
            notes[note.get(w("id"), "")] = texts
    return notes


def has_revisions(root: Element) -> bool:
    """Whether ``root`` holds any tracked insertion, deletion or move."""
    return any(next(root.iter(tag), None) is not None for tag in (W_INS, W_DEL, W_MOVE_FROM, W_MOVE_TO))


def paragraph_style_id(p: Element) -> str:
    """The paragraph's own style id ("" when it has the default style)."""
    style = p.find(f"{w('pPr')}/{w('pStyle')}")
    return style.get(w("val"), "") if style is not None else ""


def iter_block_items(container: Element) -> Iterator[Element]:
    """Paragraphs and tables in reading order, looking through block-level content controls."""
    for child in container:
        if child.tag in (W_P, W_TBL):
            yield child
        elif child.tag == W_SDT:
            content = child.find(W_SDT_CONTENT)
            if content is not None:
                yield from iter_block_items(content)
        elif child.tag in (W_INS, W_CUSTOM_XML):
            yield from iter_block_items(child)


def reading_order_paragraphs(body: Element) -> Iterator[Element]:
    """Every paragraph in the reader's order: body, table cells, text boxes after their paragraph."""
    for item in iter_block_items(body):
        if item.tag == W_P:
            yield item
            yield from text_boxes(item)
        else:
            for row in table_rows(item):
                for cell in row:
                    for p in cell:
                        yield p
                        yield from text_boxes(p)
