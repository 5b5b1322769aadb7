"""The raw WordprocessingML helpers, one behaviour each, checked on the saved XML."""

from __future__ import annotations

import io

from docx import Document
from docx.oxml.ns import qn

from blma.drafting import docx_xml


def reopened(document):
    buffer = io.BytesIO()
    document.save(buffer)
    return Document(io.BytesIO(buffer.getvalue()))


def test_a_list_definition_goes_before_every_num_with_a_fresh_id():
    document = Document()
    numbering = document.part.numbering_part.element
    before = {a.get(qn("w:abstractNumId")) for a in numbering.findall(qn("w:abstractNum"))}
    abstract_id = docx_xml.add_list_definition(document, "decimal", "(%1)", 567)
    assert str(abstract_id) not in before
    children = [c.tag for c in numbering.iterchildren()]
    assert children.index(qn("w:num")) > max(i for i, t in enumerate(children) if t == qn("w:abstractNum"))
    level = numbering.find(f"{qn('w:abstractNum')}[@{qn('w:abstractNumId')}='{abstract_id}']/{qn('w:lvl')}")
    assert level.find(qn("w:lvlText")).get(qn("w:val")) == "(%1)"
    assert level.find(qn("w:numFmt")).get(qn("w:val")) == "decimal"


def test_each_restarted_list_is_a_new_num_starting_at_one():
    document = Document()
    abstract_id = docx_xml.add_list_definition(document, "lowerLetter", "(%1)", 567)
    first, second = docx_xml.restarted_list(document, abstract_id), docx_xml.restarted_list(document, abstract_id)
    assert first != second
    numbering = reopened(document).part.numbering_part.element
    for num_id in (first, second):
        num = numbering.num_having_numId(num_id)
        assert num.abstractNumId.get(qn("w:val")) == str(abstract_id)
        override = num.find(f"{qn('w:lvlOverride')}/{qn('w:startOverride')}")
        assert override.get(qn("w:val")) == "1"


def test_set_list_points_a_paragraph_at_a_num():
    document = Document()
    num_id = docx_xml.restarted_list(document, docx_xml.add_list_definition(document, "decimal", "(%1)", 567))
    docx_xml.set_list(document.add_paragraph("text", style="List Number"), num_id)
    num_pr = reopened(document).paragraphs[0]._p.pPr.numPr
    assert (num_pr.numId.val, num_pr.ilvl.val) == (num_id, 0)


def test_fields_are_simple_fields_word_computes():
    document = Document()
    paragraph = document.add_paragraph("Page ")
    docx_xml.append_field(paragraph, "PAGE")
    field = next(reopened(document).paragraphs[0]._p.iter(qn("w:fldSimple")))
    assert field.get(qn("w:instr")) == " PAGE "


def test_a_header_row_repeats_and_does_not_split():
    document = Document()
    table = document.add_table(rows=2, cols=2)
    docx_xml.repeat_as_header(table.rows[0])
    tr_pr = reopened(document).tables[0].rows[0]._tr.trPr
    assert tr_pr.find(qn("w:tblHeader")) is not None and tr_pr.find(qn("w:cantSplit")) is not None


def test_a_plain_font_replaces_theme_fonts_everywhere():
    document = Document()
    docx_xml.use_plain_font(document, "Times New Roman")
    styles = reopened(document).styles.element
    fonts = list(styles.iter(qn("w:rFonts")))
    assert fonts
    for element in fonts:
        assert element.get(qn("w:asciiTheme")) is None
        assert element.get(qn("w:ascii")) == "Times New Roman"


def test_style_border_and_contextual_spacing_can_be_removed():
    document = Document()
    docx_xml.remove_border(document.styles["Title"])
    docx_xml.remove_contextual_spacing(document.styles["List Number"])
    styles = reopened(document).styles
    assert styles["Title"].element.pPr.find(qn("w:pBdr")) is None
    assert styles["List Number"].element.pPr.find(qn("w:contextualSpacing")) is None
