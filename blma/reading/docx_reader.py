"""DOCX (and DOCM) to raw paragraphs, in reading order, as Word shows them.

The package is opened through python-docx's ``Package`` so that a macro-enabled .docm
is read like a .docx: its text is read, its macros are never loaded or run.
"""

from __future__ import annotations

import io
import re

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.exceptions import PackageNotFoundError
from docx.opc.part import PartFactory
from docx.package import Package
from docx.parts.document import DocumentPart
from lxml import etree

from blma.errors import DocumentError
from blma.reading import ooxml
from blma.reading.models import RawParagraph
from blma.reading.safety import open_package

HEADING_STYLE = re.compile(r"heading\s*(\d)", re.I)

# A macro-enabled main part is WordprocessingML like any other: let python-docx build its
# proxy so the text can be read. The VBA project is another part that is never loaded.
MACRO_ENABLED_MAIN = "application/vnd.ms-word.document.macroEnabled.main+xml"
PartFactory.part_type_for.setdefault(MACRO_ENABLED_MAIN, DocumentPart)


def read_docx(name: str, data: bytes) -> tuple[list[RawParagraph], list[str], bool]:
    """Return the paragraphs, the header/footer texts, and whether tracked changes were present."""
    open_package(name, data).close()
    try:
        package = Package.open(io.BytesIO(data))
        part = package.main_document_part
        body = part.element.body
    except (PackageNotFoundError, KeyError, ValueError, etree.XMLSyntaxError, AttributeError) as exc:
        raise DocumentError(
            name, f"the Word document is corrupt and cannot be read ({exc.__class__.__name__})"
        ) from None

    styles_xml = _related_xml(part, RT.STYLES)
    numbering = ooxml.Numbering.from_parts(_related_xml(part, RT.NUMBERING), styles_xml)
    style_names = _style_names(styles_xml)
    notes_xml = _related_xml(part, ooxml.RT_FOOTNOTES)
    notes = ooxml.footnotes(notes_xml) if notes_xml is not None else {}

    paragraphs: list[RawParagraph] = []
    table_index = 0
    for item in ooxml.iter_block_items(body):
        if item.tag == ooxml.W_P:
            paragraphs.extend(_paragraph(item, numbering, style_names))
        else:
            table_index += 1
            paragraphs.extend(_table(item, table_index, numbering, style_names))
    for para in list(paragraphs):
        for ref in para.note_refs:
            for text in notes.get(ref, []):
                paragraphs.insert(
                    paragraphs.index(para) + 1, RawParagraph(text=text, origin="footnote", note_id=ref)
                )
    return paragraphs, _headers_footers(part), ooxml.has_revisions(body)


def _related_xml(part, reltype: str) -> etree._Element | None:
    for rel in part.rels.values():
        if rel.reltype == reltype and not rel.is_external:
            target = rel.target_part
            element = getattr(target, "element", None)
            return element if element is not None else ooxml.parse_part(target.blob)
    return None


def _style_names(styles: etree._Element | None) -> dict[str, str]:
    """styleId to lower-case name, built once: python-docx's per-paragraph lookup is slow."""
    if styles is None:
        return {}
    names = {}
    for style in styles.iter(ooxml.w("style")):
        name_el = style.find(ooxml.w("name"))
        names[style.get(ooxml.w("styleId"), "")] = (
            name_el.get(ooxml.w("val"), "") if name_el is not None else ""
        ).lower()
    return names


def _paragraph(p, numbering: ooxml.Numbering, style_names: dict[str, str], **extra) -> list[RawParagraph]:
    text = ooxml.paragraph_text(p)
    style = style_names.get(ooxml.paragraph_style_id(p), "")
    label = numbering.label(p) if text else ""
    found: list[RawParagraph] = []
    if text:
        heading = HEADING_STYLE.search(style)
        origin = extra.pop("origin", "content_control" if ooxml.in_content_control(p) else "body")
        found.append(
            RawParagraph(
                text=text,
                label=label,
                heading_level=int(heading.group(1)) if heading else None,
                is_title=style in ("title", "subtitle"),
                bold=ooxml.is_bold(p),
                origin=origin,
                note_refs=ooxml.footnote_refs(p),
                **extra,
            )
        )
    for inner in ooxml.text_boxes(p):
        inner_text = ooxml.paragraph_text(inner)
        if inner_text:
            found.append(RawParagraph(text=inner_text, origin="textbox", bold=ooxml.is_bold(inner)))
    return found


def _table(tbl, index: int, numbering: ooxml.Numbering, style_names: dict[str, str]) -> list[RawParagraph]:
    rows = ooxml.table_rows(tbl)
    headers = [" ".join(ooxml.paragraph_text(p) for p in cell) for cell in rows[0]] if rows else []
    found: list[RawParagraph] = []
    for r, cells in enumerate(rows, start=1):
        for c, cell in enumerate(cells, start=1):
            header = headers[c - 1] if r > 1 and c - 1 < len(headers) else ""
            for p in cell:
                found.extend(
                    _paragraph(
                        p, numbering, style_names, origin="table", table=(index, r, c), column_header=header
                    )
                )
    return found


def _headers_footers(part) -> list[str]:
    texts: list[str] = []
    for rel in part.rels.values():
        if rel.reltype in (RT.HEADER, RT.FOOTER) and not rel.is_external:
            element = getattr(rel.target_part, "element", None)
            if element is None:
                element = ooxml.parse_part(rel.target_part.blob)
            text = " ".join(t for t in (ooxml.paragraph_text(p) for p in element.iter(ooxml.W_P)) if t)
            if text and text not in texts:
                texts.append(text)
    return texts
