"""DOCX (and DOCM) to raw paragraphs, in reading order, as Word shows them.

The package is opened through python-docx's ``Package`` so that a macro-enabled .docm
is read like a .docx: its text is read, its macros are never loaded or run.

:func:`open_docx` is the one way in for every DOCX the tool reads (analysis, redline,
comparison): it checks the package (``safety.check_package``), and turns what python-docx
or the XML parser cannot read into a :class:`DocumentError` naming the part in words.
Only the parsing calls sit inside its ``try``, so a bug elsewhere still shows as a bug.
"""

from __future__ import annotations

import io
import re
import zipfile

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.exceptions import PackageNotFoundError
from docx.opc.part import PartFactory
from docx.package import Package
from docx.parts.comments import CommentsPart
from docx.parts.document import DocumentPart

from blma.errors import DocumentError
from blma.ooxml.comments import check_comment_ids
from blma.ooxml.ns import RT_FOOTNOTES, W_DOCUMENT, Element, XMLSyntaxError
from blma.ooxml.numbering import Numbering, NumberingLimits
from blma.ooxml.parts import MalformedPart, deeper_than, parse_part
from blma.ooxml.styles import style_names
from blma.ooxml.tables import table_nesting, table_rows
from blma.ooxml.text import (
    footnote_refs,
    footnotes,
    has_revisions,
    is_bold,
    is_paragraph,
    iter_block_items,
    paragraph_style_id,
    paragraph_text,
    part_text,
    text_boxes,
)
from blma.ooxml.tree import in_content_control
from blma.reading.bounds import TextBudget
from blma.reading.column_headers import column_headers
from blma.reading.limits import limits
from blma.reading.models import RawParagraph
from blma.reading.safety import check_package

HEADING_STYLE = re.compile(r"heading\s*(\d)", re.I)

# A macro-enabled main part is WordprocessingML like any other: let python-docx build its
# proxy so the text can be read. The VBA project is another part that is never loaded.
MACRO_ENABLED_MAIN = "application/vnd.ms-word.document.macroEnabled.main+xml"
PartFactory.part_type_for.setdefault(MACRO_ENABLED_MAIN, DocumentPart)

#: What a user is told when a part cannot be parsed, by part name (see :func:`part_problem`).
PART_PROBLEMS = {
    "word/document.xml": "the document body is corrupt",
    "word/numbering.xml": "the numbering definitions are corrupt",
    "word/styles.xml": "the styles are corrupt",
    "word/stylesWithEffects.xml": "the styles are corrupt",
    "word/footnotes.xml": "the footnotes are corrupt",
    "word/endnotes.xml": "the endnotes are corrupt",
    "word/comments.xml": "the comments are corrupt",
    "word/settings.xml": "the document settings are corrupt",
    "word/fontTable.xml": "the font table is corrupt",
    "[Content_Types].xml": "the package's list of content types is corrupt",
    "docProps/core.xml": "the document properties are corrupt",
    "docProps/app.xml": "the document properties are corrupt",
}
PATTERN_PROBLEMS = (
    (re.compile(r"word/header\d*\.xml$"), "a page header is corrupt"),
    (re.compile(r"word/footer\d*\.xml$"), "a page footer is corrupt"),
    (re.compile(r"\.rels$"), "the package's relationships are corrupt"),
)


def part_problem(part: str) -> str:
    """'the numbering definitions are corrupt' for word/numbering.xml; 'part X is corrupt' else."""
    part = part.lstrip("/")
    if part in PART_PROBLEMS:
        return PART_PROBLEMS[part]
    return next((said for pattern, said in PATTERN_PROBLEMS if pattern.search(part)), f"part {part} is corrupt")


def open_docx(name: str, data: bytes) -> Package:
    """python-docx's package of a DOCX, checked whole; its main part has a body."""
    check_package(name, data)
    try:
        package = Package.open(io.BytesIO(data))
        part = package.main_document_part
    except XMLSyntaxError as exc:
        raise DocumentError(name, _unparsable(data, exc)) from None
    except PackageNotFoundError:
        raise DocumentError(name, "not a Word document: the package lists no content types") from None
    except KeyError as exc:
        missing = str(exc.args[0]) if exc.args else "a part"
        raise DocumentError(
            name, f"the Word document is corrupt: a part it refers to is missing ({missing[:120]})"
        ) from None
    except (ValueError, TypeError) as exc:  # part names and relationships python-docx cannot follow
        raise DocumentError(name, f"the Word document is corrupt ({str(exc)[:120]})") from None
    if not isinstance(part, DocumentPart) or part.element.tag != W_DOCUMENT:
        raise DocumentError(name, "the Word document is corrupt: its main part is not a Word document")
    if part.element.body is None:
        raise DocumentError(name, "the document has no body (word/document.xml holds no w:body)")
    if deeper_than(part.element, limits().xml_depth):
        raise DocumentError(
            name, f"the document body nests XML more than {limits().xml_depth} levels deep; refused"
        )
    try:
        _check_comments(part)
    except MalformedPart as exc:
        raise DocumentError(name, str(exc)) from None
    return package


def _check_comments(part: DocumentPart) -> None:
    """The comments part as python-docx needs it to add a comment (the redline does): its own
    kind of part, every ``w:id`` a number (python-docx converts each with ``int``)."""
    what = "the comments are corrupt"
    for rel in part.rels.values():
        if rel.reltype != RT.COMMENTS or rel.is_external:
            continue
        if not isinstance(rel.target_part, CommentsPart):
            raise MalformedPart(f"{what} (their part is not a comments part)")
        check_comment_ids(rel.target_part.element, what)


def _unparsable(data: bytes, error: XMLSyntaxError) -> str:
    """Which part python-docx failed to parse, and why, in words (found by parsing each again)."""
    with zipfile.ZipFile(io.BytesIO(data)) as package:  # checked by check_package: reads safely
        for member in package.infolist():
            blob = package.read(member)
            if blob.lstrip(b"\xef\xbb\xbf \t\r\n")[:1] != b"<":
                continue
            try:
                parse_part(blob)
            except XMLSyntaxError as exc:
                return f"{part_problem(member.filename)} ({member.filename}: {_why(exc)})"
    return f"the Word document is corrupt (an XML part cannot be read: {_why(error)})"


def _why(error: XMLSyntaxError) -> str:
    if "depth" in str(error.msg).lower():
        return f"XML nested more than {limits().xml_depth} levels deep"
    return f"not well-formed XML, line {error.lineno}"


def read_docx(name: str, data: bytes) -> tuple[list[RawParagraph], list[str], bool]:
    """Return the paragraphs, the header/footer texts, and whether tracked changes were present."""
    part = open_docx(name, data).main_document_part
    body = part.element.body
    nesting = table_nesting(body)
    if nesting > limits().table_nesting:
        raise DocumentError(
            name, f"tables are nested {nesting} deep, over the limit of {limits().table_nesting}; refused"
        )
    try:
        paragraphs = _body_paragraphs(name, part, body)
        headers = _headers_footers(name, part)
    except MalformedPart as exc:
        raise DocumentError(name, str(exc)) from None
    return paragraphs, headers, has_revisions(body)


def _body_paragraphs(name: str, part, body) -> list[RawParagraph]:
    styles_xml = _related_xml(name, part, RT.STYLES)
    cap = limits()
    numbering = Numbering.from_parts(
        _related_xml(name, part, RT.NUMBERING),
        styles_xml,
        NumberingLimits(levels=cap.numbering_levels, start=cap.numbering_start, label_chars=cap.label_chars),
    )
    names = style_names(styles_xml)
    notes_xml = _related_xml(name, part, RT_FOOTNOTES)
    notes = footnotes(notes_xml) if notes_xml is not None else {}

    budget = TextBudget(name)
    paragraphs: list[RawParagraph] = []
    table_index = 0
    for item in iter_block_items(body):
        if is_paragraph(item):
            found = _paragraph(item, numbering, names)
        else:
            table_index += 1
            found = _table(item, table_index, numbering, names)
        for para in found:
            budget.add(para.text)
            paragraphs.append(para)
            for ref in para.note_refs:  # the note's text follows the paragraph that cites it
                for text in notes.get(ref, []):
                    budget.add(text)
                    paragraphs.append(RawParagraph(text=text, origin="footnote", note_id=ref))
    return paragraphs


def _related_xml(name: str, part, reltype: str) -> Element | None:
    for rel in part.rels.values():
        if rel.reltype == reltype and not rel.is_external:
            target = rel.target_part
            element = getattr(target, "element", None)
            return element if element is not None else _parse(name, target)
    return None


def _parse(name: str, target) -> Element:
    """A part python-docx keeps as bytes (footnotes), parsed here with the same safeguards."""
    try:
        return parse_part(target.blob)
    except XMLSyntaxError as exc:
        partname = str(target.partname).lstrip("/")
        raise DocumentError(name, f"{part_problem(partname)} ({partname}: {_why(exc)})") from None


def _paragraph(p, numbering: Numbering, style_names: dict[str, str], **extra) -> list[RawParagraph]:
    text = paragraph_text(p)
    style = style_names.get(paragraph_style_id(p), "")
    label = numbering.label(p) if text else ""
    found: list[RawParagraph] = []
    if text:
        heading = HEADING_STYLE.search(style)
        origin = extra.pop("origin", "content_control" if in_content_control(p) else "body")
        found.append(
            RawParagraph(
                text=text,
                label=label,
                heading_level=int(heading.group(1)) if heading else None,
                is_title=style in ("title", "subtitle"),
                bold=is_bold(p),
                origin=origin,
                note_refs=footnote_refs(p),
                **extra,
            )
        )
    for inner in text_boxes(p):
        inner_text = paragraph_text(inner)
        if inner_text:
            found.append(RawParagraph(text=inner_text, origin="textbox", bold=is_bold(inner)))
    return found


def _table(tbl, index: int, numbering: Numbering, names: dict[str, str]) -> list[RawParagraph]:
    rows = table_rows(tbl)
    headers = column_headers([" ".join(paragraph_text(p) for p in cell) for cell in rows[0]]) if rows else []
    found: list[RawParagraph] = []
    for r, cells in enumerate(rows, start=1):
        for c, cell in enumerate(cells, start=1):
            header = headers[c - 1] if r > 1 and c - 1 < len(headers) else ""
            for p in cell:
                found.extend(
                    _paragraph(
                        p, numbering, names, origin="table", table=(index, r, c), column_header=header
                    )
                )
    return found


def _headers_footers(name: str, part) -> list[str]:
    texts: list[str] = []
    for rel in part.rels.values():
        if rel.reltype in (RT.HEADER, RT.FOOTER) and not rel.is_external:
            element = getattr(rel.target_part, "element", None)
            if element is None:
                element = _parse(name, rel.target_part)
            text = part_text(element)
            if text and text not in texts:
                texts.append(text)
    return texts
