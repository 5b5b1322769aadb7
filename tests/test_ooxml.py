"""The raw WordprocessingML package (blma.ooxml), one helper at a time: build a document with
python-docx and the helper, save it, open it again and read what Word would read."""

from __future__ import annotations

import io
import zipfile
from datetime import UTC, datetime

import docx
import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

from blma.ooxml.comments import check_comment_ids, comment_paragraph
from blma.ooxml.fields import append_field
from blma.ooxml.ns import qn, w
from blma.ooxml.numbering import (
    Numbering,
    NumberingLimits,
    add_list_definition,
    format_number,
    restarted_list,
    set_list,
)
from blma.ooxml.package import members, rels_name, write_package
from blma.ooxml.parts import MalformedPart, deeper_than, parse_part, whole_number, xml_content_types
from blma.ooxml.revisions import Marks, accept_all, delete_paragraph, insert_paragraph, rewrite
from blma.ooxml.runs import raw_text
from blma.ooxml.styles import remove_border, remove_contextual_spacing, style_names, use_plain_font
from blma.ooxml.tables import cell_fill, keep_on_one_page, repeat_as_header, shade, table_nesting, table_rows
from blma.ooxml.text import (
    footnotes,
    has_revisions,
    is_bold,
    iter_block_items,
    paragraph_text,
    reading_order_paragraphs,
)
from blma.ooxml.tree import body_level, in_content_control

DATE = datetime(2025, 3, 4, 5, 6, 7, tzinfo=UTC)


def saved(document) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def reopened(document):
    return docx.Document(io.BytesIO(saved(document)))


def body(inner: str):
    return parse_xml(f"<w:body {nsdecls('w')}>{inner}</w:body>")


# -- numbering ----------------------------------------------------------------------------------
def numbered_document():
    """Two articles of numbered paragraphs, each list restarting at (1)."""
    document = docx.Document()
    abstract = add_list_definition(document, "decimal", "(%1)", 567)
    for article in ("Article 1", "Article 2"):
        document.add_heading(article, level=2)
        num_id = restarted_list(document, abstract)
        for text in ("First duty.", "Second duty."):
            set_list(document.add_paragraph(text, style="List Number"), num_id)
    return reopened(document)


def labels(document) -> list[tuple[str, str]]:
    numbering = Numbering.from_parts(document.part.numbering_part.element, document.styles.element)
    return [(numbering.label(p._p), paragraph_text(p._p)) for p in document.paragraphs]


def test_numbered_paragraphs_read_back_with_the_labels_word_shows_restarting_per_article():
    assert labels(numbered_document()) == [
        ("", "Article 1"),
        ("(1)", "First duty."),
        ("(2)", "Second duty."),
        ("", "Article 2"),
        ("(1)", "First duty."),
        ("(2)", "Second duty."),
    ]


def test_a_list_definition_goes_before_every_num_with_a_fresh_id():
    document = docx.Document()
    numbering = document.part.numbering_part.element
    before = {a.get(qn("w:abstractNumId")) for a in numbering.findall(qn("w:abstractNum"))}
    abstract_id = add_list_definition(document, "lowerLetter", "(%1)", 567)
    assert str(abstract_id) not in before
    children = [c.tag for c in numbering.iterchildren()]
    assert children.index(qn("w:num")) > max(i for i, t in enumerate(children) if t == qn("w:abstractNum"))
    level = numbering.find(f"{qn('w:abstractNum')}[@{qn('w:abstractNumId')}='{abstract_id}']/{qn('w:lvl')}")
    assert level.find(qn("w:numFmt")).get(qn("w:val")) == "lowerLetter"


def test_word_number_formats():
    assert [format_number(n, "lowerRoman") for n in (1, 4, 9, 14, 40)] == ["i", "iv", "ix", "xiv", "xl"]
    assert format_number(1994, "upperRoman") == "MCMXCIV"
    assert [format_number(n, "lowerLetter") for n in (1, 26, 27, 28)] == ["a", "z", "aa", "bb"]
    assert format_number(3, "upperLetter") == "C" and format_number(7, "decimalZero") == "07"
    assert format_number(2, "bullet") == "" and format_number(10**9, "lowerRoman") == str(10**9)


def test_list_values_word_would_refuse_are_brought_into_range_or_refused_in_words():
    numbering = parse_xml(
        f"<w:numbering {nsdecls('w')}><w:abstractNum w:abstractNumId='1'><w:lvl w:ilvl='0'>"
        "<w:start w:val='99999999'/><w:numFmt w:val='decimal'/><w:lvlText w:val='%1.'/></w:lvl></w:abstractNum>"
        "<w:num w:numId='1'><w:abstractNumId w:val='1'/></w:num></w:numbering>"
    )
    p = parse_xml(f"<w:p {nsdecls('w')}><w:pPr><w:numPr><w:ilvl w:val='0'/><w:numId w:val='1'/></w:numPr></w:pPr></w:p>")
    assert Numbering.from_parts(numbering, None, NumberingLimits(start=500)).label(p) == "500."
    bad = parse_xml(f"<w:lvl {nsdecls('w')} w:ilvl='1e5'/>")
    with pytest.raises(MalformedPart, match='the numbering definitions are corrupt: w:ilvl="1e5"'):
        whole_number(bad, "ilvl", 0, "the numbering definitions are corrupt")


# -- revisions ----------------------------------------------------------------------------------
def test_a_tracked_insertion_and_deletion_read_back_as_revisions_word_can_accept():
    document = docx.Document()
    first = document.add_paragraph("Workers may change employer.")
    gone = document.add_paragraph("The employer keeps the passport.")
    marks = Marks.for_document(document.element, "Reviewer", DATE)
    rewrite(first._p, [("equal", "Workers "), ("delete", "may"), ("insert", "shall be free to"), ("equal", " change employer.")], marks)
    delete_paragraph(gone._p, marks)
    insert_paragraph(first._p, "Wages are paid monthly.", first._p, marks)

    again = reopened(document).element.body
    assert has_revisions(again)
    inserted = ["".join(t.text for t in m.iter(w("t"))) for m in again.iter(w("ins"))]
    deleted = ["".join(t.text for t in m.iter(w("delText"))) for m in again.iter(w("del"))]
    assert "shall be free to" in inserted and "Wages are paid monthly." in inserted
    assert "may" in deleted and "The employer keeps the passport." in deleted
    for mark in [*again.iter(w("ins")), *again.iter(w("del"))]:
        assert mark.get(w("author")) == "Reviewer" and mark.get(w("date")) == "2025-03-04T05:06:07Z"
    ids = [m.get(w("id")) for m in [*again.iter(w("ins")), *again.iter(w("del"))]]
    assert len(ids) == len(set(ids))

    # what Word shows with every change accepted, read two ways
    shown = [paragraph_text(p) for p in again.iter(w("p")) if paragraph_text(p)]
    assert shown == ["Workers shall be free to change employer.", "Wages are paid monthly."]
    accept_all(again)
    assert [raw_text(p) for p in again.iter(w("p"))] == [
        "Workers shall be free to change employer.",
        "Wages are paid monthly.",
    ]
    assert not has_revisions(again)


def test_an_inserted_paragraph_can_leave_the_list_it_copies_its_format_from():
    document = numbered_document()
    template = document.paragraphs[1]._p
    new = insert_paragraph(template, "A new duty.", template, Marks(date=DATE), keep_numbering=False)
    num_id = new.find(f"{w('pPr')}/{w('numPr')}/{w('numId')}")
    assert num_id.get(w("val")) == "0"
    assert labels(document)[1:4] == [("(1)", "First duty."), ("", "A new duty."), ("(2)", "Second duty.")]


# -- comments -----------------------------------------------------------------------------------
def test_a_comment_anchors_on_the_paragraph_and_reads_back_with_python_docx():
    document = docx.Document()
    paragraph = document.add_paragraph("Recruitment fees are charged to workers.")
    empty = document.add_paragraph("")
    assert comment_paragraph(document, paragraph._p, "Contrary to no_worker_fees", "BLMA review", "BLMA")
    assert not comment_paragraph(document, empty._p, "nothing to anchor on", "BLMA review")
    again = reopened(document)
    (comment,) = list(again.comments)
    assert (comment.text, comment.author, comment.initials) == ("Contrary to no_worker_fees", "BLMA review", "BLMA")
    tags = [child.tag for child in again.paragraphs[0]._p]
    assert tags.index(w("commentRangeStart")) < tags.index(w("r")) < tags.index(w("commentRangeEnd"))


def test_comment_ids_python_docx_cannot_convert_are_refused_in_words():
    comments = parse_xml(f"<w:comments {nsdecls('w')}><w:comment w:id='x1'/></w:comments>")
    with pytest.raises(MalformedPart, match="the comments are corrupt"):
        check_comment_ids(comments, "the comments are corrupt")


# -- tables -------------------------------------------------------------------------------------
def test_a_header_row_repeats_stays_whole_and_each_flag_is_written_once():
    document = docx.Document()
    table = document.add_table(rows=3, cols=2)
    for _ in range(2):
        repeat_as_header(table.rows[0])
        keep_on_one_page(table.rows[0])
    tr_pr = reopened(document).tables[0].rows[0]._tr.trPr
    assert len(tr_pr.findall(qn("w:tblHeader"))) == 1 and len(tr_pr.findall(qn("w:cantSplit"))) == 1
    assert reopened(document).tables[0].rows[1]._tr.trPr is None


def test_a_shaded_cell_reads_back_its_last_fill():
    document = docx.Document()
    cell = document.add_table(rows=1, cols=1).cell(0, 0)
    assert cell_fill(cell) is None
    shade(cell, "FFC7CE")
    shade(cell, "C6EFCE")
    again = reopened(document).tables[0].cell(0, 0)
    assert cell_fill(again) == "C6EFCE" and len(again._tc.tcPr.findall(qn("w:shd"))) == 1


def test_tables_are_read_row_by_row_with_nested_tables_flattened_into_their_cell():
    tree = body(
        "<w:p><w:r><w:t>Before</w:t></w:r></w:p>"
        "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>A1</w:t></w:r></w:p>"
        "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>inner</w:t></w:r></w:p></w:tc></w:tr></w:tbl>"
        "</w:tc><w:tc><w:p><w:r><w:t>B1</w:t></w:r></w:p></w:tc></w:tr></w:tbl>"
    )
    table = tree[1]
    rows = table_rows(table)
    assert [[[paragraph_text(p) for p in cell] for cell in row] for row in rows] == [[["A1", "inner"], ["B1"]]]
    assert table_nesting(tree) == 2
    inner = next(p for p in tree.iter(w("p")) if paragraph_text(p) == "inner")
    assert body_level(inner) is table
    assert [paragraph_text(p) for p in reading_order_paragraphs(tree)] == ["Before", "A1", "inner", "B1"]


# -- text ---------------------------------------------------------------------------------------
def test_paragraph_text_is_what_word_shows_with_changes_accepted():
    tree = body(
        "<w:sdt><w:sdtContent><w:p>"
        "<w:r><w:rPr><w:b/></w:rPr><w:t>Article</w:t><w:tab/><w:t>5</w:t></w:r>"
        "<w:ins w:id='1' w:author='A' w:date='2024-01-01T00:00:00Z'><w:r><w:rPr><w:b/></w:rPr><w:t> bis</w:t></w:r></w:ins>"
        "<w:del w:id='2' w:author='A' w:date='2024-01-01T00:00:00Z'><w:r><w:delText> old</w:delText></w:r></w:del>"
        "</w:p></w:sdtContent></w:sdt>"
    )
    (p,) = list(iter_block_items(tree))
    assert paragraph_text(p) == "Article 5 bis"
    assert raw_text(p) == "Article\t5 bis"
    assert is_bold(p) and in_content_control(p)


def test_footnotes_skip_separators():
    notes = parse_xml(
        f"<w:footnotes {nsdecls('w')}><w:footnote w:type='separator' w:id='-1'><w:p><w:r><w:t>--</w:t></w:r></w:p></w:footnote>"
        "<w:footnote w:id='1'><w:p><w:r><w:t>ILO Convention No. 97.</w:t></w:r></w:p></w:footnote></w:footnotes>"
    )
    assert footnotes(notes) == {"1": ["ILO Convention No. 97."]}


# -- parts, styles, fields, packages ------------------------------------------------------------
def test_parts_are_parsed_without_expanding_entities_and_depth_is_measured():
    root = parse_part(b'<!DOCTYPE r [<!ENTITY big "EXPANDED">]><r><a><b>&big;</b></a></r>')
    assert "EXPANDED" not in "".join(root.itertext())
    assert deeper_than(root, 2) and not deeper_than(root, 3)


def test_content_types_declare_which_parts_are_xml():
    declared = xml_content_types(
        b'<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        b'<Default Extension="XML" ContentType="application/xml"/><Default Extension="png" ContentType="image/png"/>'
        b'<Override PartName="/word/data.bin" ContentType="application/vnd.custom+xml"/></Types>'
    )
    assert declared == {".xml", "word/data.bin"}
    assert xml_content_types(b"<Types") is None


def test_styles_fonts_and_fields():
    document = docx.Document()
    use_plain_font(document, "Times New Roman")
    remove_border(document.styles["Title"])
    remove_contextual_spacing(document.styles["List Number"])
    append_field(document.add_paragraph("Page "), "PAGE")
    again = reopened(document)
    fonts = list(again.styles.element.iter(qn("w:rFonts")))
    assert fonts and all(f.get(qn("w:ascii")) == "Times New Roman" and f.get(qn("w:asciiTheme")) is None for f in fonts)
    assert again.styles["Title"].element.pPr.find(qn("w:pBdr")) is None
    assert again.styles["List Number"].element.pPr.find(qn("w:contextualSpacing")) is None
    assert next(again.paragraphs[0]._p.iter(qn("w:fldSimple"))).get(qn("w:instr")) == " PAGE "
    assert style_names(again.styles.element)["Heading2"] == "heading 2"


def test_a_package_copy_changes_only_the_members_given():
    original = saved(numbered_document())
    copy = write_package(original, {"word/document.xml": b"<changed/>", "customXml/new.xml": b"<new/>"})
    with zipfile.ZipFile(io.BytesIO(original)) as a, zipfile.ZipFile(io.BytesIO(copy)) as b:
        assert b.namelist() == [*a.namelist(), "customXml/new.xml"]
        for name in a.namelist():
            if name != "word/document.xml":
                assert a.read(name) == b.read(name), name
    assert members(copy, ["word/document.xml", "missing.xml"]) == {"word/document.xml": b"<changed/>"}
    assert rels_name("/word/document.xml") == "word/_rels/document.xml.rels"
