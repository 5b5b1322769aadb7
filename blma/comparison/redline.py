"""Back into Word: the reviewer's own DOCX with the gap analysis written into it.

- One comment per finding that needs attention, anchored on the sentence it rests on (the
  inserted article for a missing protection): its status, what is missing in plain words,
  the standard it rests on ("C189, Article 9") and what was done
  (:mod:`blma.comparison.redline_comments`). Protections the text secures share a single
  summary comment on the title.
- Suggested wording as tracked changes, fitted to the agreement (its parties in their roles,
  its authorities, its words; :mod:`blma.library.fitting`) and in its language (the library's
  French or Spanish text, new articles headed in that language; the comments, read by the
  reviewer, stay English):
  a contrary provision is marked deleted and its remedy inserted in its place; a partial one
  gets stronger wording right after it in its article (soft wording is replaced); the
  clauses for missing protections are gathered as one new chapter of articles before the
  final provisions, numbered after the article they follow ("Article 17A", "17B", ...), so
  no existing number moves and no number repeats.

Only the paragraphs concerned change; every other part of the package is copied byte
for byte (see :func:`blma.ooxml.package.write_package`).
"""

from __future__ import annotations

import io
import re
from datetime import datetime
from pathlib import PurePath

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from pydantic import BaseModel, Field

from blma.analysis import GapReport, default_analyzer
from blma.analysis.models import AgreementFacts, Finding
from blma.analysis.suggest import suggest
from blma.comparison.anchors import locate
from blma.comparison.articles import block_key, evidence_block
from blma.comparison.redline_comments import gap_comment, summary_comment, words
from blma.comparison.suggestions import facts_with_terms
from blma.docx_properties import set_package_properties
from blma.errors import DocumentError
from blma.library import Library, default_library
from blma.library.fitting import fitted_clause, paragraphs, remedy, suggestion_library
from blma.library.models import Clause
from blma.numerals import from_roman, to_letters
from blma.ooxml.comments import comment_deletion, comment_paragraph, comment_sentence
from blma.ooxml.ns import Element
from blma.ooxml.package import members, rels_name, write_package
from blma.ooxml.revisions import Marks, delete_paragraph, insert_paragraph, rewrite
from blma.ooxml.runs import raw_text
from blma.ooxml.tree import body_level
from blma.reading import open_docx, read_bytes
from blma.reading.models import AgreementText

AUTHOR = "BLMA review"
INITIALS = "BLMA"
#: The statuses that get suggested wording.
FIXED = ("missing", "contrary", "partial")
FINAL_PROTECTIONS = ("duration_termination",)
#: Headings of the final provisions, by the language of the agreement.
FINAL_HEADINGS = {
    "en": re.compile(
        r"final provisions|entry into force|duration|effect|termination of the (?:agreement|memorandum)", re.I
    ),
    "fr": re.compile(r"dispositions finales|entrée en vigueur|durée|prise d'effet|dénonciation", re.I),
    "es": re.compile(r"disposiciones finales|entrada en vigor|duración|vigencia|denuncia", re.I),
}
TYPED_LABEL = re.compile(r"^\s*(\(?)(\d+|[a-z])([.)]?)\t")
CHAPTER = re.compile(r"^\s*(?:chapter|part|title)\s+(?:[IVXLC]+|\d+)\b", re.I)


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
            f"{self.count('deleted')} contrary or soft provisions marked deleted"
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
    facts = facts_with_terms(doc, report)
    editor = _Editor(doc, report, facts, part, library, Marks.for_document(part.element, author, date), author)
    fixes = [f for f in report.protections if f.final_status in FIXED]
    if protections:
        fixes = [f for f in fixes if f.id in protections]
        for pid in protections:
            status = report.finding(pid).final_status
            if status not in FIXED:
                editor.notes.append(f"{pid} is {status}: no clause inserted (only gaps get one)")
    for finding in fixes:
        if finding.final_status != "missing":
            editor.fix_in_place(finding)
    editor.add_chapter([f for f in fixes if f.final_status == "missing" or f.id in editor.unplaced])
    editor.comment_all()
    changed = set_package_properties(
        package,
        title=f"{PurePath(name).name}: gap analysis comments and suggested clauses",
        subject="Gap analysis against the rubric's protections: comments on the evidence, "
        "suggested clauses as tracked changes",
    )
    saved = io.BytesIO()
    package.save(saved)
    names = [part.partname.lstrip("/"), "[Content_Types].xml", rels_name(part.partname), *changed]
    names += [
        rel.target_part.partname.lstrip("/") for rel in part.rels.values() if rel.reltype == RT.COMMENTS
    ]
    out = write_package(data, members(saved.getvalue(), names))
    return Redline(file=name, data=out, actions=editor.actions, notes=editor.notes)


class _Editor:
    """Holds the document and its block-to-paragraph map while fixes and comments are written."""

    def __init__(
        self,
        doc: AgreementText,
        report: GapReport,
        facts: AgreementFacts,
        part,
        library: Library,
        marks: Marks,
        author: str,
    ):
        self.doc, self.report, self.facts, self.part, self.library = doc, report, facts, part, library
        self.quoted = suggestion_library(library, facts)  # clauses and headings in the agreement's language
        self.final_heading = FINAL_HEADINGS.get(facts.language, FINAL_HEADINGS["en"])
        self.marks, self.author = marks, author
        self.paragraphs = locate(doc, part.element.body)
        self.actions: list[RedlineAction] = []
        self.notes: list[str] = []
        self.unplaced: set[str] = set()  # contrary or partial findings with no paragraph to fix in place
        self.by_key: dict[str, list[int]] = {}  # article key -> its blocks' indexes, built once (no n² scans)
        for k, block in enumerate(doc.blocks):
            self.by_key.setdefault(block_key(block), []).append(k)
        self.tails: dict[Element, Element] = {}  # a fixed paragraph -> the last paragraph inserted after it
        self.done: dict[str, tuple[str, Element | None, Clause | None]] = {}  # pid -> (action, anchor, clause)

    # -- where things are ----------------------------------------------------------------------
    def _evidence(
        self, finding: Finding, kinds: tuple[str, ...], *, each: bool = False
    ) -> list[tuple[Element, str]]:
        """(paragraph, cited sentence) of the evidence items of these kinds: the first in each
        paragraph, or ``each`` of them (two contrary sentences in one paragraph)."""
        found: list[tuple[Element, str]] = []
        for evidence in finding.evidence:
            if evidence.kind not in kinds:
                continue
            k = evidence_block(self.doc, evidence.location, evidence.text)
            p = self.paragraphs[k] if k is not None else None
            if p is not None and (each or not any(p is x for x, _ in found)):
                found.append((p, evidence.text))
        return found

    def _article_paragraphs(self, key: str) -> list[tuple[int, Element]]:
        seen: list[tuple[int, Element]] = []
        for k in self.by_key.get(key, []):
            p = self.paragraphs[k]
            if p is not None and not any(p is x for _, x in seen):
                seen.append((k, p))
        return seen

    def _is_body_article(self, key: str) -> bool:
        first = self.doc.blocks[self.by_key[key][0]] if key in self.by_key else None
        return first is not None and bool(first.unit) and not first.annex

    def _final_article(self) -> str | None:
        """The first body article of the final provisions (entry into force, duration)."""
        by_article: dict[str, set[str]] = {}
        for finding in self.report.protections:
            for evidence in finding.evidence:
                k = evidence_block(self.doc, evidence.location, evidence.text)
                if k is not None:
                    by_article.setdefault(block_key(self.doc.blocks[k]), set()).add(finding.id)
        body = [key for key in self.doc.units if self._is_body_article(key)]
        finals = []
        for key in body:
            heading = next((self.doc.blocks[k].heading for k in self.by_key[key] if self.doc.blocks[k].heading), "")
            if self.final_heading.search(heading) or set(FINAL_PROTECTIONS) & by_article.get(key, set()):
                finals.append(key)
        # the final provisions close the text: take the first of the trailing run of final articles
        while len(finals) > 1 and body.index(finals[-2]) == body.index(finals[-1]) - 1:
            finals.pop()
        return finals[-1] if finals else None

    def _after(self, p: Element) -> Element:
        """Where the next paragraph inserted after ``p`` goes: after what was already put there."""
        return self.tails.get(p, p)

    # -- fixes in place: contrary and partial provisions -------------------------------------------
    def _clause(self, finding: Finding) -> Clause | None:
        clause = remedy(self.quoted, finding, self.facts.instrument)
        if clause is None:  # a gap only a reviewer saw: the analysis suggested nothing, so ask now
            found = suggest(self.library, finding.id, finding.final_status, self.facts)
            clause = self.quoted.clause(found[0].clause_id) if found else None
        if clause is None:
            self.notes.append(f"{finding.title}: the library suggests no clause; nothing inserted")
        return clause

    def fix_in_place(self, finding: Finding) -> None:
        """Contrary: delete the provision and insert its remedy there. Partial: stronger wording
        after it (soft wording struck). With no paragraph to fix, the finding joins the new articles."""
        clause = self._clause(finding)
        if clause is None:
            return
        contrary = finding.final_status == "contrary"
        # only soft wording ("where feasible") is struck: other partial wording stays, and is completed
        soft = not contrary and finding.reason.startswith("soft wording") and not any(
            e.kind == "supports" for e in finding.evidence
        )
        kinds = ("contrary",) if contrary else ("weak",) if soft else ("supports", "weak")
        targets = self._evidence(finding, kinds)
        replace = contrary or soft
        if not targets and not contrary:  # a reviewer's "partial" for what the tool found contrary
            targets, replace = self._evidence(finding, ("contrary",)), False
        if not targets:
            self.unplaced.add(finding.id)
            return
        if replace:
            for p, sentence in self._evidence(finding, kinds, each=True):
                if _delete_sentence(p, sentence, self.marks):
                    self.actions.append(
                        RedlineAction(protection=finding.id, action="deleted", location=self._location(p))
                    )
        anchor = targets[-1][0]
        at = self._after(anchor)
        for text in paragraphs(fitted_clause(clause, self.facts, self.quoted.language)):
            at = insert_paragraph(at, text, anchor, self.marks, keep_numbering=False)
        self.tails[anchor] = at
        self.done[finding.id] = ("replaced", targets[0][0], clause) if replace else ("strengthened", anchor, clause)
        self.actions.append(
            RedlineAction(
                protection=finding.id, action="inserted", clause_id=clause.id, location=self._location(anchor)
            )
        )

    # -- the new articles: missing protections ----------------------------------------------------
    def add_chapter(self, findings: list[Finding]) -> None:
        """The new articles, together, before the final provisions (else after the last article).

        In a text divided into chapters they form a chapter of their own ("Chapter IV bis"),
        placed before the chapter that opens with the final provisions (or at the end); in a
        text without chapters, or whose final provisions sit inside a chapter, they stand as
        one run of articles with no heading of their own, so no existing article seems to
        fall under a new heading.
        """
        clauses = [(f, c) for f in findings if (c := self._clause(f)) is not None]
        if not clauses:
            return
        body = [key for key in self.doc.units if self._is_body_article(key) and self._article_paragraphs(key)]
        final = self._final_article()
        if final in body and body.index(final) > 0:
            base, before = body[body.index(final) - 1], final
        elif body:
            base, before = body[-1], None
        else:
            for finding, _ in clauses:
                self.notes.append(f"{finding.title}: no article to place the clause near; nothing inserted")
            return
        article = self._article_paragraphs(base)
        heads = [p for k, p in article if self.doc.blocks[k].kind == "heading"] or [article[0][1]]
        bodies = [p for k, p in article if self.doc.blocks[k].kind == "paragraph"] or [article[-1][1]]
        upper = any(b.heading and b.heading.isupper() for b in self.doc.blocks if block_key(b) == base)
        opening = self._chapter_opening(before) if before is not None else None
        chapters = self._chapters(self.by_key[base][0])
        if before is not None:
            first = opening if opening is not None else self._article_paragraphs(before)[0][1]
            anchor, ahead = body_level(first), True
        else:
            anchor, ahead = body_level(self._after(article[-1][1])), False
        if chapters and (before is None or opening is not None):
            label, template = chapters[-1]
            title = words()["new_chapter"]
            title = f"{label} bis – {title.upper() if label.isupper() else title}"
            anchor = insert_paragraph(anchor, title, template, self.marks, before=ahead, keep_numbering=False)
            ahead = False
        number = base.split()[-1] if _numbered(base) else ""
        for n, (finding, clause) in enumerate(clauses, start=1):
            label = _next_number(number, n) if number else ""
            title = self.quoted.protection(finding.id).article_heading
            created = []
            for text, template in _heading_texts(heads, number, label, title, self.doc, base, upper):
                anchor = insert_paragraph(anchor, text, template, self.marks, before=ahead, keep_numbering=False)
                created.append(anchor)
                ahead = False
            template = bodies[0]
            texts = paragraphs(fitted_clause(clause, self.facts, self.quoted.language))
            numbered = len(texts) > 1 and _restarts(raw_text(template))
            for k, text in enumerate(texts, start=1):
                if numbered:
                    text = _typed_label(raw_text(template), k) + text
                anchor = insert_paragraph(anchor, text, template, self.marks, keep_numbering=False)
            self.done[finding.id] = ("inserted_article", created[0], clause)
            where = f"{base.rsplit(' ', 1)[0]} {label}" if label else title
            self.actions.append(
                RedlineAction(protection=finding.id, action="inserted", location=where, clause_id=clause.id)
            )

    def _chapters(self, until: int) -> list[tuple[str, Element]]:
        """The chapter headings before block ``until``: (label such as "Chapter IV", paragraph)."""
        found = []
        for block, p in zip(self.doc.blocks[:until], self.paragraphs[:until], strict=True):
            match = CHAPTER.match(block.text)
            if p is not None and not block.unit and block.kind == "heading" and match:
                found.append((match.group(0).strip(), p))
        return found

    def _chapter_opening(self, key: str) -> Element | None:
        """The heading of the chapter that article ``key`` opens, if it opens one."""
        for k in range(self.by_key[key][0] - 1, -1, -1):
            block = self.doc.blocks[k]
            if block.unit:
                return None  # another article comes first: ``key`` sits inside its chapter
            if block.kind == "heading" and CHAPTER.match(block.text):
                return self.paragraphs[k]
        return None

    # -- comments ---------------------------------------------------------------------------------
    def _location(self, p: Element | None) -> str:
        return next(
            (b.location for b, q in zip(self.doc.blocks, self.paragraphs, strict=True) if q is p),
            "inserted clause",
        )

    def comment_all(self) -> None:
        """One comment per finding that needs attention; one summary for the protections secured."""
        secured: list[tuple[str, str]] = []
        for finding in self.report.protections:
            if finding.final_status == "present" and not finding.reviewer_status:
                where = next((e.location for e in finding.evidence if e.kind == "supports"), "")
                secured.append((finding.title, where))
                continue
            self._comment(finding)
        first = next((p for p in self.paragraphs if p is not None), None)
        if secured and first is not None and comment_paragraph(
            self.part.document, first, summary_comment(secured), self.author, INITIALS
        ):
            self.actions.append(RedlineAction(protection="", action="comment", location=self._location(first)))

    def _comment(self, finding: Finding) -> None:
        protection = self.library.protection(finding.id)
        action, anchor, clause = self.done.get(finding.id, ("none", None, None))
        text = gap_comment(finding, protection, clause, action)
        document = self.part.document
        if action == "inserted_article" and anchor is not None:
            written = comment_paragraph(document, anchor, text, self.author, INITIALS)
        elif action == "replaced" and anchor is not None:
            written = comment_deletion(document, anchor, text, self.author, INITIALS)
        else:
            kinds = ("contrary",) if finding.final_status == "contrary" else ("weak", "supports")
            cited = self._evidence(finding, kinds) or self._evidence(finding, ("supports", "weak", "contrary"))
            if action == "strengthened" and anchor is not None:
                cited = [c for c in cited if c[0] is anchor] or cited
            if not cited:
                self.notes.append(f"{finding.title}: no sentence to anchor its comment on")
                return
            p, sentence = cited[0]
            written = comment_sentence(document, p, sentence, text, self.author, INITIALS)
            anchor = p
        if written:
            self.actions.append(
                RedlineAction(protection=finding.id, action="comment", location=self._location(anchor))
            )


def _numbered(key: str) -> bool:
    return bool(re.search(r"\d|\b[IVXLC]+$", key))


def _next_number(number: str, n: int) -> str:
    """ "17A", "17B" after Article 17; "XIII-A" after Article XIII (a letter run into a Roman numeral
    would read as a numeral): numbers no existing article has, however many are added."""
    letter = to_letters(n).upper()
    return f"{number}-{letter}" if from_roman(number) else f"{number}{letter}"


def _heading_texts(heads, number, label, title, doc, base, upper) -> list[tuple[str, Element]]:
    """The new article's heading lines, shaped like ``base``'s (label and title on one line or two)."""
    first = raw_text(heads[0])
    title = title.upper() if upper else title
    if not label:
        return [(title, heads[0])]
    if len(heads) >= 2:
        return [(_relabel(first, number, label), heads[0]), (title, heads[1])]
    heading = next((b.heading for b in doc.blocks if block_key(b) == base and b.heading), "")
    line = _relabel(first, number, label)
    line = line.replace(heading, title) if heading and heading in line else f"{line} {title}"
    return [(line, heads[0])]


def _relabel(text: str, number: str, label: str) -> str:
    """ "Article 17 — Wages" becomes "Article 17A — Wages", keeping the text's own casing and layout."""
    match = re.search(rf"\b{re.escape(number)}\b", text)
    if match:
        return text[: match.start()] + label + text[match.end() :]
    return label


def _restarts(template_text: str) -> bool:
    """True when the template's typed label is a first one ("1.", "(a)"): the article numbers its
    paragraphs afresh, so a new article may too. A text numbering paragraphs straight through
    ("16.", "17.") would get duplicate numbers: new paragraphs then carry none."""
    match = TYPED_LABEL.match(template_text)
    return bool(match) and match.group(2) in ("1", "a")


def _typed_label(template_text: str, n: int) -> str:
    match = TYPED_LABEL.match(template_text)
    if not match:
        return ""
    opening, core, closing = match.groups()
    value = to_letters(n) if core.isalpha() else str(n)
    return f"{opening}{value}{closing}\t"


def _delete_sentence(p: Element, sentence: str, marks: Marks) -> bool:
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
