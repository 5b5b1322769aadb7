"""The version comparison as a Word document with tracked changes.

The first version's DOCX is the base (a plain DOCX is made from its text when it came as
PDF or text), so the negotiator sees the old text with every difference from the new one
as a revision: accepting all gives the second version's wording, rejecting all the first.
Aligned articles are compared paragraph by paragraph and word by word; an article only in
the first version is deleted, one only in the second is inserted after the article that
precedes it in the second version. Each protection the second version weakens carries a
Word comment on the first version's provision (or, when it had none, on the article it
became), as the Markdown report lists them.
"""

from __future__ import annotations

import io
from datetime import datetime
from pathlib import PurePath

from docx import Document
from docx.opc.constants import RELATIONSHIP_TYPE as RT

from blma.comparison.anchors import locate
from blma.comparison.articles import block_key
from blma.comparison.models import ComparisonData, StatusChange
from blma.comparison.sources import Source
from blma.comparison.wordiff import pair_paragraphs, word_diff
from blma.docx_properties import set_package_properties, set_properties
from blma.ooxml.comments import comment_deletion
from blma.ooxml.ns import Element
from blma.ooxml.package import members, rels_name, write_package
from blma.ooxml.revisions import Marks, delete_paragraph, insert_paragraph, rewrite
from blma.ooxml.runs import raw_text
from blma.reading import open_docx
from blma.reading.models import AgreementText

ZIP_MAGIC = b"PK\x03\x04"
AUTHOR = "BLMA compare"


def _is_docx(source: Source) -> bool:
    return source.data is not None and source.data.startswith(ZIP_MAGIC)


def plain_docx(doc: AgreementText) -> bytes:
    """A DOCX holding the blocks of ``doc`` as paragraphs (headings bold), for non-DOCX inputs."""
    document = Document()
    set_properties(document.core_properties, title=doc.name, subject="")  # a new document, dated now
    for block in doc.blocks:
        if block.origin == "footnote":
            continue
        run = document.add_paragraph().add_run(block.text)
        run.bold = block.kind in ("title", "heading") or None
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _paragraphs_by_article(doc: AgreementText, anchors: list) -> dict[str, list[Element]]:
    found: dict[str, list[Element]] = {}
    for block, p in zip(doc.blocks, anchors, strict=True):
        if p is None or block.origin == "footnote":
            continue
        group = found.setdefault(block_key(block), [])
        if not any(x is p for x in group):
            group.append(p)
    return found


def tracked_docx(comparison: ComparisonData, *, author: str = AUTHOR, date: datetime | None = None) -> bytes:
    """The first version with the second version's differences as Word revisions."""
    first, second = comparison._sources
    base = first.data if _is_docx(first) else plain_docx(first.doc)
    package = open_docx(first.name, base)  # the reader's boundary, as for the analysis
    part = package.main_document_part
    body = part.element.body
    marks = Marks.for_document(part.element, author, date)
    anchors_a = locate(first.doc, body)
    paras_a = _paragraphs_by_article(first.doc, anchors_a)
    texts_b = _texts_of_second(second)

    pair_of_b = {p.b: p.a for p in comparison.alignment}
    end_of_a: dict[str, Element] = {}
    for pair in comparison.alignment:
        end_of_a[pair.a] = _apply_pair(paras_a.get(pair.a, []), texts_b.get(pair.b, []), marks)
    for key in comparison.unmatched.a:
        for p in paras_a.get(key, []):
            delete_paragraph(p, marks)
    _insert_new_articles(comparison, paras_a, texts_b, pair_of_b, end_of_a, marks)
    for change in comparison.changes:
        if change.direction == "weakening":
            _comment_weakening(part.document, change, first.doc, anchors_a, paras_a, comparison, author)

    old, new = (PurePath(str(f)).name for f in comparison.files)
    changed = set_package_properties(
        package,
        title=f"Changes from {old} to {new}",
        subject=f"Version comparison: {new} against {old}, its differences as tracked changes",
    )
    saved = io.BytesIO()
    package.save(saved)
    name = part.partname.lstrip("/")
    names = [name, *changed, "[Content_Types].xml", rels_name(part.partname)]
    names += [r.target_part.partname.lstrip("/") for r in part.rels.values() if r.reltype == RT.COMMENTS]
    return write_package(base, members(saved.getvalue(), names))


def _comment_weakening(
    document, change: StatusChange, doc: AgreementText, anchors: list, paras_a: dict, comparison, author: str
) -> None:
    """A comment on the first version's provision of a protection the second version weakens."""
    target = None
    for location in change.a_locations:
        target = next(
            (p for b, p in zip(doc.blocks, anchors, strict=True) if p is not None and b.location == location), None
        )
        if target is not None:
            break
    if target is None:  # the first version had no provision: the article that became the weaker one
        pair_of_b = {pair.b: pair.a for pair in comparison.alignment}
        for location in change.b_locations:
            key = pair_of_b.get(location.split("(")[0].split(",")[0].strip())
            if key and paras_a.get(key):
                target = paras_a[key][0]
                break
    if target is None:
        return
    where = f" (now: {'; '.join(change.b_locations)})" if change.b_locations else ""
    steps = f"{change.severity} step{'s' if change.severity > 1 else ''}"
    text = f"{change.title or change.id}: weakened from {change.from_} to {change.to}{where}, {steps} down."
    comment_deletion(document, target, text, author)  # on the words struck out, if any


def _texts_of_second(second: Source) -> dict[str, list[str]]:
    if _is_docx(second):
        body = open_docx(second.name, second.data).main_document_part.element.body
        return {
            k: [raw_text(p) for p in ps]
            for k, ps in _paragraphs_by_article(second.doc, locate(second.doc, body)).items()
        }
    found: dict[str, list[str]] = {}
    for block in second.doc.blocks:
        if block.origin != "footnote":
            found.setdefault(block_key(block), []).append(block.text)
    return found


def _apply_pair(paras: list[Element], new_texts: list[str], marks: Marks) -> Element | None:
    """Turn one article's paragraphs into the new version's; returns the region's last paragraph."""
    if not paras:
        return None
    old_texts = [raw_text(p) for p in paras]
    last: Element | None = None
    for i, j in pair_paragraphs(old_texts, new_texts):
        if i is not None and j is not None:
            if old_texts[i] != new_texts[j]:
                rewrite(paras[i], [(o.op, o.text) for o in word_diff(old_texts[i], new_texts[j])], marks)
            last = paras[i]
        elif i is not None:
            delete_paragraph(paras[i], marks)
            last = paras[i]
        elif j is not None:
            template = last if last is not None else paras[0]
            if last is None:
                insert_paragraph(paras[0], new_texts[j], template, marks, before=True)
            else:
                last = insert_paragraph(last, new_texts[j], template, marks)
    return last if last is not None else paras[-1]


def _insert_new_articles(comparison, paras_a, texts_b, pair_of_b, end_of_a, marks: Marks) -> None:
    """Articles only in the second version, each after its predecessor in the second version."""
    order_b = list(texts_b)
    unmatched = set(comparison.unmatched.b)
    anchor: Element | None = None
    first_a = next((ps[0] for ps in paras_a.values() if ps), None)
    for key in order_b:
        if key not in unmatched:
            a_key = pair_of_b.get(key)
            anchor = end_of_a.get(a_key, anchor) if a_key else anchor
            continue
        heading_template = _template(paras_a, heading=True)
        body_template = _template(paras_a, heading=False)
        # an element with no children is falsy: test for None, not truth
        heading_template = first_a if heading_template is None else heading_template
        body_template = first_a if body_template is None else body_template
        for n, text in enumerate(texts_b.get(key, [])):
            template = heading_template if n == 0 else body_template
            if template is None:
                continue
            if anchor is None:
                anchor = insert_paragraph(first_a, text, template, marks, before=True)
            else:
                anchor = insert_paragraph(anchor, text, template, marks, keep_numbering=n > 0)


def _template(paras_a: dict[str, list[Element]], heading: bool) -> Element | None:
    """A paragraph of the first version to copy formatting from: an article's first (heading) or second."""
    for key, ps in paras_a.items():
        if key in ("Title", "Preamble") or len(ps) < 2:
            continue
        return ps[0] if heading else ps[1]
    return None
