"""Raw WordprocessingML helpers for what python-docx has no API for.

Kept in one module so the rest of the drafting code never touches XML (see STYLE.md):
restarting paragraph numbering per article, fields (PAGE, NUMPAGES), repeated table
header rows, plain (non-theme) fonts and a style without its border. Element and
attribute names follow the OOXML spec (ECMA-376 Part 1, §17).
"""

from __future__ import annotations

from docx.document import Document
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.styles.style import ParagraphStyle
from docx.table import _Row
from docx.text.paragraph import Paragraph

_THEME_FONT_ATTRS = ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme")


def use_plain_font(document: Document, name: str) -> None:
    """Make ``name`` the font everywhere: theme font attributes win over ``w:ascii`` in Word,
    so they are removed from the document defaults and from every style."""
    styles = document.styles.element
    r_pr_default = styles.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}")
    if r_pr_default is not None and r_pr_default.find(qn("w:rFonts")) is None:
        r_pr_default.insert(0, OxmlElement("w:rFonts"))
    for fonts in styles.iter(qn("w:rFonts")):
        for attr in _THEME_FONT_ATTRS:
            fonts.attrib.pop(qn(attr), None)
        for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
            fonts.set(qn(attr), name)


def remove_border(style: ParagraphStyle) -> None:
    """Drop a paragraph style's border (the default Title has a coloured rule under it)."""
    _remove_property(style, "w:pBdr")


def remove_contextual_spacing(style: ParagraphStyle) -> None:
    """Let paragraphs of ``style`` keep their spacing between each other (the default List
    Number style suppresses it, which runs numbered paragraphs together)."""
    _remove_property(style, "w:contextualSpacing")


def _remove_property(style: ParagraphStyle, tag: str) -> None:
    p_pr = style.element.find(qn("w:pPr"))
    found = p_pr.find(qn(tag)) if p_pr is not None else None
    if found is not None:
        p_pr.remove(found)


def add_list_definition(document: Document, num_format: str, level_text: str, indent_twips: int) -> int:
    """Add a one-level ``w:abstractNum`` (e.g. decimal "(%1)") and return its id."""
    numbering = document.part.numbering_part.element
    ids = [int(a.get(qn("w:abstractNumId"))) for a in numbering.findall(qn("w:abstractNum"))]
    abstract_id = max(ids, default=0) + 1
    abstract = parse_xml(
        f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{abstract_id}">'
        '<w:multiLevelType w:val="singleLevel"/>'
        '<w:lvl w:ilvl="0"><w:start w:val="1"/>'
        f'<w:numFmt w:val="{num_format}"/><w:lvlText w:val="{level_text}"/><w:lvlJc w:val="left"/>'
        f'<w:pPr><w:ind w:left="{indent_twips}" w:hanging="{indent_twips}"/></w:pPr>'
        "</w:lvl></w:abstractNum>"
    )
    # the schema wants every abstractNum before the first num
    first_num = numbering.find(qn("w:num"))
    if first_num is not None:
        first_num.addprevious(abstract)
    else:
        numbering.append(abstract)
    return abstract_id


def restarted_list(document: Document, abstract_id: int) -> int:
    """A new ``w:num`` over ``abstract_id`` whose count starts again at 1; returns its numId.

    Paragraphs sharing one numId count on across the whole document (1, 2, then 3, 4 after a
    heading), so each article gets its own numId with a ``w:startOverride``.
    """
    numbering = document.part.numbering_part.element
    num = numbering.add_num(abstract_id)
    override = parse_xml(
        f'<w:lvlOverride {nsdecls("w")} w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride>'
    )
    num.append(override)
    return int(num.get(qn("w:numId")))


def set_list(paragraph: Paragraph, num_id: int) -> None:
    """Number ``paragraph`` in the list ``num_id`` at level 0."""
    num_pr = paragraph._p.get_or_add_pPr().get_or_add_numPr()
    num_pr.get_or_add_ilvl().val = 0
    num_pr.get_or_add_numId().val = num_id


def append_field(paragraph: Paragraph, instruction: str, placeholder: str = "1") -> None:
    """Append a simple field (``w:fldSimple``), e.g. PAGE; Word and LibreOffice compute it."""
    field = parse_xml(
        f'<w:fldSimple {nsdecls("w")} w:instr=" {instruction} "><w:r><w:t>{placeholder}</w:t></w:r></w:fldSimple>'
    )
    paragraph._p.append(field)


def repeat_as_header(row: _Row) -> None:
    """Repeat ``row`` at the top of each page the table runs onto, and keep it whole."""
    tr_pr = row._tr.get_or_add_trPr()
    for tag in ("w:cantSplit", "w:tblHeader"):
        tr_pr.append(OxmlElement(tag))
