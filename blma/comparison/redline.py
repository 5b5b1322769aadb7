"""Back into Word: the reviewer's own DOCX with the gap analysis written into it.

- A comment on each finding's evidence paragraph: "Freedom to change employer
  (employer_change) - partial: soft wording ('endeavour'), see rubric".
- For each missing or contrary protection (or only those the reviewer names), the library's
  first suggested clause as a tracked insertion. A missing protection gets a new article,
  numbered "bis" so no existing number moves, placed after the article that addresses the
  nearest neighbouring protection in rubric order (or before the final provisions). A
  contrary provision is marked deleted and the clause inserted in its place.

Only the paragraphs concerned change; every other part of the package is copied byte
for byte (see :func:`blma.comparison.revisions.write_package`).
"""

from __future__ import annotations

import io
import re
from datetime import datetime
from pathlib import PurePath

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from lxml import etree
from pydantic import BaseModel, Field

from blma.analysis import GapReport, default_analyzer
from blma.analysis.models import Finding
from blma.comparison.anchors import locate
from blma.comparison.articles import block_key, evidence_block, protections_by_article
from blma.comparison.revisions import (
    Marks,
    comment_paragraph,
    delete_paragraph,
    insert_paragraph,
    members,
    raw_text,
    rewrite,
    write_package,
)
from blma.comparison.suggestions import clause_context, render_suggestion, suggested_clause
from blma.docx_properties import set_package_properties
from blma.errors import DocumentError
from blma.library import Library, default_library
from blma.reading import open_docx, read_bytes
from blma.reading.models import AgreementText

AUTHOR = "BLMA review"
INITIALS = "BLMA"
LATIN = ["bis", "ter", "quater", "quinquies", "sexies", "septies", "octies", "novies", "decies"]
FINAL_PROTECTIONS = ("duration_termination",)
FINAL_HEADING = re.compile(
    r"final provisions|entry into force|duration|effect|termination of the (?:agreement|memorandum)", re.I
)
BODY = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}body"
TYPED_LABEL = re.compile(r"^\s*(\(?)(\d+|[a-z])([.)]?)\t")


class RedlineAction(BaseModel):
    protection: str
    action: str = Field(description="comment, inserted or deleted")
    location: str = ""
    clause_id: str = ""


class Redline(BaseModel):
    """The annotated agreement and what was done to it."""

    file: str
    data: bytes = Field(exclude=True, repr=False)
    actions: list[RedlineAction] = Field(default_factory=list)
    notes: list[str] = Field(default_factory=list)

    def count(self, action: str) -> int:
        return sum(a.action == action for a in self.actions)

    def summary(self) -> str:
        return (
            f"{self.count('comment')} comments, {self.count('inserted')} suggested clauses inserted, "
            f"{self.count('deleted')} contrary provisions marked deleted"
        )


def redline(
    data: bytes,
    protections: list[str] | None = None,
    *,
    name: str = "agreement.docx",
    author: str = AUTHOR,
    date: datetime | None = None,
    library: Library | None = None,
    report: GapReport | None = None,
) -> Redline:
    """Annotate a DOCX; ``protections`` limits the inserted and deleted fixes to those ids.

    ``report`` is the analysis of ``data`` to write in, e.g. with a reviewer's decisions
    (:func:`blma.review_file.with_decisions`); by default ``data`` is analysed here.
    """
    library = library or default_library()
    if protections:
        library.validate_protection_ids(protections)
    if not data.startswith(b"PK\x03\x04"):
        raise DocumentError(name, "redline needs a Word document (.docx); save the agreement as .docx first")
    doc = read_bytes(name, data)
    report = report or default_analyzer().analyze(doc)
    package = open_docx(name, data)  # the reader's boundary: checked, and corrupt parts named
    part = package.main_document_part
    editor = _Editor(doc, report, part, library, Marks.for_document(part.element, author, date), author)
    fixes = [f for f in report.protections if f.final_status in ("missing", "contrary")]
    if protections:
        fixes = [f for f in fixes if f.id in protections]
        for pid in protections:
            status = report.finding(pid).final_status
            if status not in ("missing", "contrary"):
                editor.notes.append(
                    f"{pid} is {status}: no clause inserted (only missing or contrary ones are)"
                )
    for finding in fixes:
        editor.fix(finding)
    for finding in report.protections:
        editor.comment(finding)
    changed = set_package_properties(
        package,
        title=f"{PurePath(name).name}: gap analysis comments and suggested clauses",
        subject="Gap analysis against the rubric's protections: comments on the evidence, "
        "suggested clauses as tracked changes",
    )
    saved = io.BytesIO()
    package.save(saved)
    names = [part.partname.lstrip("/"), "[Content_Types].xml", _rels_name(part.partname), *changed]
    names += [
        rel.target_part.partname.lstrip("/") for rel in part.rels.values() if rel.reltype == RT.COMMENTS
    ]
    out = write_package(data, members(saved.getvalue(), names))
    return Redline(file=name, data=out, actions=editor.actions, notes=editor.notes)


def _rels_name(partname: str) -> str:
    folder, _, file = partname.lstrip("/").rpartition("/")
    return f"{folder}/_rels/{file}.rels"


class _Editor:
    """Holds the document and its block-to-paragraph map while fixes and comments are written."""

    def __init__(
        self, doc: AgreementText, report: GapReport, part, library: Library, marks: Marks, author: str
    ):
        self.doc, self.report, self.part, self.library = doc, report, part, library
        self.marks, self.author = marks, author
        self.paragraphs = locate(doc, part.element.body)
        self.context = clause_context(doc, report)
        self.actions: list[RedlineAction] = []
        self.notes: list[str] = []
        self.by_article = protections_by_article(doc, report)
        self.by_key: dict[str, list[int]] = {}  # article key -> its blocks' indexes, built once (no n² scans)
        for k, block in enumerate(doc.blocks):
            self.by_key.setdefault(block_key(block), []).append(k)
        self.after: dict[str, list[etree._Element]] = {}  # "after Article 5" -> new paragraphs put there
        self.inserted_heads: dict[str, etree._Element] = {}  # protection -> first inserted paragraph

    # -- where things are ----------------------------------------------------------------------
    def _evidence_paragraphs(self, finding: Finding, kind: str | None = None) -> list[etree._Element]:
        found: list[etree._Element] = []
        for evidence in finding.evidence:
            if kind and evidence.kind != kind:
                continue
            k = evidence_block(self.doc, evidence.location, evidence.text)
            p = self.paragraphs[k] if k is not None else None
            if p is not None and not any(p is x for x in found):
                found.append(p)
        return found

    def _article_paragraphs(self, key: str) -> list[tuple[int, etree._Element]]:
        seen: list[tuple[int, etree._Element]] = []
        for k in self.by_key.get(key, []):
            p = self.paragraphs[k]
            if p is not None and not any(p is x for _, x in seen):
                seen.append((k, p))
        return seen

    def _final_article(self) -> str | None:
        """The last body article that reads as final provisions (entry into force, duration)."""
        found = None
        for key in self.doc.units:
            blocks = [self.doc.blocks[k] for k in self.by_key.get(key, [])]
            heading = next((b.heading for b in blocks if b.heading), "")
            if self._is_body_article(key) and (
                FINAL_HEADING.search(heading) or set(FINAL_PROTECTIONS) & self.by_article.get(key, set())
            ):
                found = key
        return found

    def _is_body_article(self, key: str) -> bool:
        first = self.doc.blocks[self.by_key[key][0]] if key in self.by_key else None
        return first is not None and bool(first.unit) and not first.annex

    def _neighbour_article(self, pid: str) -> str | None:
        order = list(self.library.protections)
        at = order.index(pid)
        final = self._final_article()
        units = self.doc.units
        for distance in range(1, len(order)):
            for k in (at - distance, at + distance):
                if 0 <= k < len(order):
                    keys = [
                        key
                        for key, pids in self.by_article.items()
                        if order[k] in pids and self._is_body_article(key) and key != final
                    ]
                    if keys:
                        return max(
                            keys, key=units.index if all(x in units for x in keys) else len
                        )
        return None

    # -- fixes ------------------------------------------------------------------------------------
    def fix(self, finding: Finding) -> None:
        clause = suggested_clause(self.library, finding)
        if clause is None:
            self.notes.append(f"{finding.id}: the library suggests no clause; nothing inserted")
            return
        paragraphs = render_suggestion(clause, self.context)
        if finding.final_status == "contrary":
            targets = self._evidence_paragraphs(finding, "contrary")
            if targets:
                self._replace_contrary(finding, targets, paragraphs, clause.id)
                return
        self._insert_article(finding, paragraphs, clause.id)

    def _replace_contrary(
        self, finding: Finding, targets: list[etree._Element], paragraphs: list[str], clause_id: str
    ) -> None:
        for evidence in finding.evidence:
            if evidence.kind != "contrary":
                continue
            k = evidence_block(self.doc, evidence.location, evidence.text)
            p = self.paragraphs[k] if k is not None else None
            if p is None:
                continue
            if _delete_sentence(p, evidence.text, self.marks):
                self.actions.append(
                    RedlineAction(protection=finding.id, action="deleted", location=evidence.location)
                )
        anchor = targets[-1]
        template = anchor
        first = None
        for text in paragraphs:
            anchor = insert_paragraph(anchor, text, template, self.marks, keep_numbering=False)
            first = first if first is not None else anchor
        self.inserted_heads[finding.id] = first
        self.actions.append(
            RedlineAction(
                protection=finding.id,
                action="inserted",
                clause_id=clause_id,
                location=finding.evidence[0].location if finding.evidence else "",
            )
        )

    def _insert_article(self, finding: Finding, paragraphs: list[str], clause_id: str) -> None:
        neighbour = self._neighbour_article(finding.id)
        before_final = False
        if neighbour is None:
            neighbour, before_final = self._final_article(), True
        if neighbour is None:
            self.notes.append(f"{finding.id}: no article to place the clause near; nothing inserted")
            return
        article = self._article_paragraphs(neighbour)
        if not article:
            return
        heads = [p for k, p in article if self.doc.blocks[k].kind == "heading"] or [article[0][1]]
        bodies = [p for k, p in article if self.doc.blocks[k].kind == "paragraph"] or [article[-1][1]]
        label_key = self._previous_article(neighbour) if before_final else neighbour
        count = self.after.setdefault(f"{'before' if before_final else 'after'} {neighbour}", [])
        label = self._label(label_key, len(count)) if label_key else ""
        title = self.library.protection(finding.id).article_heading
        new_heads = _heading_texts(heads, label_key or neighbour, label, title, self.doc, neighbour)
        if before_final:
            anchor, before = (count[-1], False) if count else (_top_level(heads[0]), True)
        else:
            anchor, before = (count[-1] if count else _top_level(article[-1][1])), False
        created: list[etree._Element] = []
        for text, template in new_heads:
            new = insert_paragraph(anchor, text, template, self.marks, before=before, keep_numbering=False)
            created.append(new)
            anchor, before = new, False
        template = bodies[0]
        numbered = len(paragraphs) > 1 and TYPED_LABEL.match(raw_text(template))
        for n, text in enumerate(paragraphs, start=1):
            if numbered:
                text = _typed_label(raw_text(template), n) + text
            anchor = insert_paragraph(anchor, text, template, self.marks, keep_numbering=False)
            created.append(anchor)
        count.append(anchor)
        self.inserted_heads[finding.id] = created[0]
        where = f"{label or title}, {'before' if before_final else 'after'} {neighbour}"
        self.actions.append(
            RedlineAction(protection=finding.id, action="inserted", location=where, clause_id=clause_id)
        )

    def _previous_article(self, key: str) -> str | None:
        units = self.doc.units
        return units[units.index(key) - 1] if key in units and units.index(key) > 0 else None

    def _label(self, key: str, already: int) -> str:
        if not re.search(r"\d|\b[IVXLC]+$", key):
            return ""  # articles headed by words only: the new one is too
        return f"{key} {LATIN[min(already, len(LATIN) - 1)]}"

    # -- comments ---------------------------------------------------------------------------------
    def comment(self, finding: Finding) -> None:
        status = finding.final_status
        text = f"{finding.title} ({finding.id}) - {status}: {finding.reason}, see rubric"
        if finding.reviewer_status:
            text = (
                f"{finding.title} ({finding.id}) - {status}, the reviewer's decision: {finding.reviewer_reason} "
                f"(the tool found it {finding.status}: {finding.reason})"
            )
        targets = self._evidence_paragraphs(finding)
        head = self.inserted_heads.get(finding.id)
        if head is not None:
            clause = finding.suggestions[0] if finding.suggestions else ""
            if status == "missing":
                targets = [head]
            text += f"; suggested clause {clause} inserted as a tracked change"
        for p in targets:
            if comment_paragraph(self.part.document, p, text, self.author, INITIALS):
                location = next(
                    (b.location for b, q in zip(self.doc.blocks, self.paragraphs, strict=True) if q is p),
                    "inserted clause",
                )
                self.actions.append(RedlineAction(protection=finding.id, action="comment", location=location))


def _top_level(p: etree._Element) -> etree._Element:
    """The body-level element holding ``p`` (its table, say), so a new article goes after it, not into it."""
    node = p
    while node.getparent() is not None and node.getparent().tag != BODY:
        node = node.getparent()
    return node


def _heading_texts(heads, key, label, title, doc, neighbour) -> list[tuple[str, etree._Element]]:
    """The new article's heading lines, shaped like the neighbour's (label and title on one line or two)."""
    first = raw_text(heads[0])
    upper = any(b.heading and b.heading.isupper() for b in doc.blocks if block_key(b) == neighbour)
    title = title.upper() if upper else title
    if not label:
        return [(title, heads[0])]
    number = key.split()[-1]
    if len(heads) >= 2:
        return [(_relabel(first, number, label), heads[0]), (title, heads[1])]
    heading = next((b.heading for b in doc.blocks if block_key(b) == neighbour and b.heading), "")
    line = _relabel(first, number, label)
    line = line.replace(heading, title) if heading and heading in line else f"{line} {title}"
    return [(line, heads[0])]


def _relabel(text: str, number: str, label: str) -> str:
    """ "Article 11" becomes "Article 11 bis", keeping the text's own casing and layout."""
    suffix = label.split()[-1]
    match = re.search(rf"\b{re.escape(number)}\b", text)
    if match:
        return text[: match.end()] + f" {suffix}" + text[match.end() :]
    return label


def _typed_label(template_text: str, n: int) -> str:
    match = TYPED_LABEL.match(template_text)
    if not match:
        return ""
    opening, core, closing = match.groups()
    value = chr(ord("a") + n - 1) if core.isalpha() else str(n)
    return f"{opening}{value}{closing}\t"


def _delete_sentence(p: etree._Element, sentence: str, marks: Marks) -> bool:
    """Mark ``sentence`` deleted in ``p``; the whole paragraph when little else is left in it."""
    text = raw_text(p)
    words = [re.escape(x) for x in sentence.split()]
    match = re.search(r"\s+".join(words), text) if words else None
    if match is None:
        return False
    rest = (text[: match.start()] + text[match.end() :]).strip()
    if not rest or (TYPED_LABEL.match(text[: match.start()] + "\t") and len(rest) <= 6):
        delete_paragraph(p, marks)
        return True
    ops = [
        ("equal", text[: match.start()]),
        ("delete", text[match.start() : match.end()]),
        ("equal", text[match.end() :]),
    ]
    rewrite(p, [o for o in ops if o[1]], marks)
    return True
