"""The reader recovers an agreement's structure from Word files, so evidence can be cited
as a reviewer would ("Article 7(2)", "Article 6, table row 2", "Annex I, paragraph 1").

Each test builds its DOCX with python-docx; what python-docx cannot write (numbering
definitions, tracked changes, text boxes, content controls, footnotes) is added as raw
WordprocessingML by the helpers in the first section, and nowhere else.
"""

from __future__ import annotations

import io

import pytest
from docx import Document
from docx.document import Document as DocumentObject
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from docx.text.paragraph import Paragraph

from blma.api import analyze_bytes
from blma.reading import AgreementText, read_bytes
from tests.docx_tables import table_document

# -- raw WordprocessingML for what python-docx cannot write ------------------------------------
W = nsdecls("w")
MC = (
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:wps="http://schemas.microsoft.com/office/2010/wordprocessingShape" '
    'xmlns:v="urn:schemas-microsoft-com:vml"'
)
FOOTNOTES_CT = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"


def add_list(
    document: DocumentObject, abstract_id: int, level_texts: list[str], num_ids: dict[int, bool]
) -> None:
    """An abstract numbering with one level per text ("(%1)", "Article %1"), and a ``w:num``
    over it per id; ``num_ids[id]`` True restarts the count with a startOverride."""
    levels = "".join(
        f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="{text}"/></w:lvl>'
        for i, text in enumerate(level_texts)
    )
    numbering = document.part.numbering_part.element
    numbering.insert(
        0, parse_xml(f'<w:abstractNum {W} w:abstractNumId="{abstract_id}">{levels}</w:abstractNum>')
    )
    for num_id, restart in num_ids.items():
        override = '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride>' if restart else ""
        numbering.append(
            parse_xml(
                f'<w:num {W} w:numId="{num_id}"><w:abstractNumId w:val="{abstract_id}"/>{override}</w:num>'
            )
        )


def numbered(paragraph: Paragraph, num_id: int, level: int = 0) -> Paragraph:
    paragraph._p.get_or_add_pPr().append(
        parse_xml(f'<w:numPr {W}><w:ilvl w:val="{level}"/><w:numId w:val="{num_id}"/></w:numPr>')
    )
    return paragraph


def append_xml(paragraph: Paragraph, xml: str) -> None:
    paragraph._p.append(parse_xml(xml))


def tracked_insert(text: str) -> str:
    return f'<w:ins {W} w:id="1" w:author="R"><w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:ins>'


def tracked_delete(text: str) -> str:
    return f'<w:del {W} w:id="2" w:author="R"><w:r><w:delText xml:space="preserve">{text}</w:delText></w:r></w:del>'


def text_box(text: str) -> str:
    """A modern text box: the DrawingML choice and the VML fallback copy Word writes beside it."""
    box = f"<w:txbxContent><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:txbxContent>"
    return (
        f'<w:r {W} {MC}><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:txbx>{box}'
        f"</wps:txbx></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox>{box}</v:textbox>"
        "</v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>"
    )


def add_content_control(document: DocumentObject, text: str) -> None:
    """A block-level content control (w:sdt) holding one paragraph, before the section properties."""
    sdt = f'<w:sdt {W}><w:sdtPr><w:alias w:val="Clause"/></w:sdtPr><w:sdtContent><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:sdtContent></w:sdt>'
    document.element.body[-1].addprevious(parse_xml(sdt))


def add_footnote(document: DocumentObject, paragraph: Paragraph, text: str) -> None:
    append_xml(paragraph, f'<w:r {W}><w:footnoteReference w:id="1"/></w:r>')
    notes = (
        f'<w:footnotes {W}><w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p>'
        f'</w:footnote><w:footnote w:id="1"><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:footnote></w:footnotes>'
    )
    part = Part(PackURI("/word/footnotes.xml"), FOOTNOTES_CT, notes.encode(), document.part.package)
    document.part.relate_to(part, RT.FOOTNOTES)


# -- helpers ---------------------------------------------------------------------------------
def read(document: DocumentObject) -> AgreementText:
    buffer = io.BytesIO()
    document.save(buffer)
    return read_bytes("agreement.docx", buffer.getvalue())


def located(doc: AgreementText) -> list[tuple[str, str]]:
    """(location, text) of every block that is not a heading or the title."""
    return [(b.location, b.text) for b in doc.blocks if b.kind not in ("heading", "title")]


def where(doc: AgreementText, text: str) -> str:
    return next(b.location for b in doc.blocks if b.text == text)


# -- structure -------------------------------------------------------------------------------
def test_article_headings_written_four_ways_are_cited_one_way():
    document = Document()
    document.add_paragraph("Agreement between Aland and Bland on Labour Migration", style="Title")
    for heading in ("Article 1 Scope", "ARTICLE IV Wages", "Art. 3 Fees", "Section 2.1 Housing"):
        document.add_paragraph(heading, style="Heading 2")
        document.add_paragraph(f"1. First paragraph under {heading.split()[0]}.")
        document.add_paragraph(f"2. Second paragraph under {heading.split()[0]}.")
    doc = read(document)
    assert doc.title == "Agreement between Aland and Bland on Labour Migration"
    assert [loc for loc, _ in located(doc)] == [
        "Article 1(1)",
        "Article 1(2)",
        "Article IV(1)",
        "Article IV(2)",
        "Article 3(1)",
        "Article 3(2)",
        "Section 2.1(1)",
        "Section 2.1(2)",
    ]
    assert doc.units == ["Article 1", "Article IV", "Article 3", "Section 2.1"]
    wages = next(b for b in doc.blocks if b.unit == "Article IV" and b.kind == "paragraph")
    assert wages.heading == "Wages"


def test_chapters_without_articles_cite_their_own_paragraphs():
    """A manual whose chapters each number their paragraphs from 1: "Chapter 3, paragraph 2", not
    a paragraph of the last paragraph of the chapter before ("Paragraph 3(2)")."""
    document = Document()
    document.add_paragraph("Operations Manual for Labour Attachés", style="Title")
    for chapter in ("Chapter 1. Purpose", "Chapter 2. Verification", "Chapter 3. Shelter"):
        document.add_paragraph(chapter, style="Heading 2")
        for n in (1, 2, 3):
            document.add_paragraph(f"{n}. The officer shall act under {chapter.split('.')[0]}, step {n}.")
    cited = [loc for loc, _ in located(read(document))]
    assert cited[:4] == ["Chapter 1, paragraph 1", "Chapter 1, paragraph 2", "Chapter 1, paragraph 3", "Chapter 2, paragraph 1"]
    assert cited[-1] == "Chapter 3, paragraph 3"
    # numbers that run on through the chapters are the document's own: "Paragraph 4"
    running = Document()
    running.add_paragraph("Operations Manual", style="Title")
    for chapter, numbers in (("Chapter 1. Purpose", (1, 2)), ("Chapter 2. Verification", (3, 4))):
        running.add_paragraph(chapter, style="Heading 2")
        for n in numbers:
            running.add_paragraph(f"{n}. The officer shall act, step {n}.")
    assert [loc for loc, _ in located(read(running))] == ["Paragraph 1", "Paragraph 2", "Paragraph 3", "Paragraph 4"]


def test_parts_lettered_a_to_i_are_one_series():
    """"Part A" to "Part I": every letter is a part, C, D and I included (once read as Roman
    numerals while A and B were not parts at all), so each chapter-less paragraph has its part."""
    document = Document()
    document.add_paragraph("Terms of Employment Attached to the Work Permit", style="Title")
    for letter, topic in zip("ABCDI", ("Permit", "Wages", "Hours", "Housing", "Acknowledgement"), strict=True):
        document.add_paragraph(f"Part {letter}. {topic}", style="Heading 2")
        document.add_paragraph(f"1. The employer shall respect the rules on {topic.lower()}.")
    doc = read(document)
    headings = [b.location for b in doc.blocks if b.kind == "heading"]
    assert headings == ["Part A", "Part B", "Part C", "Part D", "Part I"]
    assert [loc for loc, _ in located(doc)][:2] == ["Part A, paragraph 1", "Part B, paragraph 1"]


def test_a_binding_standard_is_cited_by_standard_and_paragraph():
    """A regulator's standard numbers its parts "Standard 7 Charges and deductions" with numbered
    paragraphs: cited "Standard 7(3)", as the text cites itself, not by the whole heading."""
    document = Document()
    document.add_paragraph("Binding Standard on Accommodation Provided for Workers", style="Title")
    for number, topic in ((1, "Status and application"), (7, "Charges and deductions")):
        document.add_paragraph(f"Standard {number} {topic}", style="Heading 2")
        for n in (1, 2, 3):
            document.add_paragraph(f"{n}. The provider shall keep rule {n} of Standard {number}.")
    doc = read(document)
    assert [b.location for b in doc.blocks if b.kind == "heading"] == ["Standard 1", "Standard 7"]
    assert [loc for loc, _ in located(doc)][-1] == "Standard 7(3)"


def test_a_sentence_that_mentions_an_article_is_not_a_heading():
    document = Document()
    document.add_paragraph("Article 5 Transport", style="Heading 2")
    document.add_paragraph("Article 5 shall apply to the cost of the return journey.")
    doc = read(document)
    assert located(doc) == [("Article 5", "Article 5 shall apply to the cost of the return journey.")]


def test_word_auto_numbering_is_computed_and_restarts_per_article():
    document = Document()
    add_list(document, 90, ["(%1)"], {91: False, 92: True})
    document.add_paragraph("Article 1 Wages", style="Heading 2")
    numbered(document.add_paragraph("Wages shall be paid monthly."), 91)
    numbered(document.add_paragraph("Wages shall be paid into a bank account."), 91)
    document.add_paragraph("Article 2 Hours", style="Heading 2")
    numbered(document.add_paragraph("Hours shall not exceed eight a day."), 92)
    numbered(document.add_paragraph("Workers shall have one day of rest a week."), 92)
    doc = read(document)
    assert located(doc) == [
        ("Article 1(1)", "Wages shall be paid monthly."),
        ("Article 1(2)", "Wages shall be paid into a bank account."),
        ("Article 2(1)", "Hours shall not exceed eight a day."),
        ("Article 2(2)", "Workers shall have one day of rest a week."),
    ]


def test_article_numbers_that_word_generates_for_headings_are_read():
    document = Document()
    add_list(document, 80, ["Article %1", "%2."], {81: False})
    numbered(document.add_paragraph("Wages", style="Heading 2"), 81, 0)
    numbered(document.add_paragraph("Wages shall be paid monthly."), 81, 1)
    numbered(document.add_paragraph("Wages shall be paid in full."), 81, 1)
    numbered(document.add_paragraph("Hours", style="Heading 2"), 81, 0)
    numbered(document.add_paragraph("Hours shall be limited."), 81, 1)
    doc = read(document)
    assert [(b.location, b.text) for b in doc.blocks if b.kind == "heading"] == [
        ("Article 1", "Article 1 Wages"),
        ("Article 2", "Article 2 Hours"),
    ]
    assert [loc for loc, _ in located(doc)] == ["Article 1(1)", "Article 1(2)", "Article 2(1)"]


def test_a_two_column_obligations_table_is_cited_by_article_and_row():
    document = Document()
    document.add_paragraph("Article 6 Obligations of the Parties", style="Heading 2")
    table = document.add_table(rows=3, cols=2)
    rows = [
        ("Obligations of the Sending Party", "Obligations of the Receiving Party"),
        ("Licence recruitment agencies.", "Ensure that the employer pays all recruitment fees."),
        ("Run pre-departure orientation.", "Inspect workplaces."),
    ]
    for r, texts in enumerate(rows):
        for c, text in enumerate(texts):
            table.cell(r, c).text = text
    doc = read(document)
    fees = next(b for b in doc.blocks if b.text.startswith("Ensure that the employer"))
    assert fees.location == "Article 6, table row 2"
    assert fees.kind == "table_cell" and fees.unit == "Article 6"
    assert fees.context == "Obligations of the Receiving Party"
    assert where(doc, "Inspect workplaces.") == "Article 6, table row 3"


def test_articles_set_side_by_side_with_a_translation_are_cited_as_articles():
    """A bilingual standard contract: each row one article, English beside its translation, from
    the first row on. That first row is a provision, not the columns' header, and both cells of a
    row are cited by the article they hold."""
    rows = [
        ("Article 1. The Employer shall pay the Worker a monthly wage by bank transfer.", "المادة 1. يدفع صاحب العمل الأجر شهريا."),
        ("Article 2. The Worker shall keep his or her passport.", "المادة 2. يحتفظ العامل بجواز سفره."),
    ]
    doc = read(table_document(rows, title="STANDARD EMPLOYMENT CONTRACT"))
    assert located(doc) == [
        ("Article 1", "The Employer shall pay the Worker a monthly wage by bank transfer."),
        ("Article 1", "المادة 1. يدفع صاحب العمل الأجر شهريا."),
        ("Article 2", "The Worker shall keep his or her passport."),
        ("Article 2", "المادة 2. يحتفظ العامل بجواز سفره."),
    ]
    assert {b.context for b in doc.blocks} == {""}  # no provision governs the cells below it
    assert {b.unit for b in doc.blocks if b.kind == "table_cell"} == {"Article 1", "Article 2"}


def test_a_translation_in_the_first_column_is_cited_with_the_article_beside_it():
    """Right-to-left layouts put the Arabic text first: the row is still the English article's."""
    rows = [
        ("المادة 1. يدفع صاحب العمل الأجر الشهري.", "Article 1. The Employer shall pay the monthly wage."),
        ("المادة 2. يحتفظ العامل بجواز سفره.", "Article 2. The Worker shall keep his or her passport."),
    ]
    doc = read(table_document(rows))
    assert [loc for loc, _ in located(doc)] == ["Article 1", "Article 1", "Article 2", "Article 2"]
    assert where(doc, "The Worker shall keep his or her passport.") == "Article 2"


def test_a_heading_cell_beside_its_translation_opens_the_article_and_labels_no_row():
    """Arabic first, each cell a heading paragraph over its text: the English heading opens the
    article, and the Arabic heading is not taken for a row label prefixed to the English text."""
    document = Document()
    table = document.add_table(rows=0, cols=2)
    cells = table.add_row().cells
    cells[0].text = "المادة 3: الراحة"
    cells[0].add_paragraph("يحق للعامل يوم راحة أسبوعي.")
    cells[1].text = "Article 3: Rest"
    cells[1].add_paragraph("The Worker shall be entitled to a weekly rest day.")
    doc = read(document)
    assert where(doc, "The Worker shall be entitled to a weekly rest day.") == "Article 3"
    assert {b.location for b in doc.blocks} == {"Article 3"}
    assert next(b for b in doc.blocks if b.text == "Article 3: Rest").kind == "heading"


def test_an_article_number_in_its_own_column_names_the_row():
    doc = read(table_document([("Article 1", "The Employer shall pay the wage monthly."), ("Article 2 Passports", "The Worker shall keep his or her passport.")]))
    assert located(doc) == [("Article 1", "The Employer shall pay the wage monthly."), ("Article 2", "The Worker shall keep his or her passport.")]
    assert next(b for b in doc.blocks if b.location == "Article 2" and b.kind == "table_cell").heading == "Passports"


def test_a_long_first_row_is_a_provision_and_a_short_one_a_header():
    for first, header in (
        ("The Employer shall provide the Worker with suitable accommodation, meals and medical care free of charge throughout the contract.", ""),
        ("1. The employer shall pay the wage monthly.", ""),
        ("ARTICLE ONE - WAGES", ""),
        ("Obligations of the Receiving Party", "Obligations of the Receiving Party"),
    ):
        document = Document()
        table = document.add_table(rows=2, cols=1)
        table.cell(0, 0).text = first
        table.cell(1, 0).text = "The worker shall keep his or her passport."
        doc = read(document)
        assert next(b for b in doc.blocks if b.text.startswith("The worker shall keep")).context == header


@pytest.mark.parametrize(
    ("cells", "cited"),
    [
        (("The employer shall pay all recruitment fees.", "The worker keeps the passport."), "Table row 2"),
        (("L'employeur paie tous les frais de recrutement.", "Le travailleur garde son passeport."), "Tableau, ligne 2"),
        (("El empleador pagará todos los gastos de contratación.", "El trabajador conserva su pasaporte."), "Tabla, fila 2"),
    ],
)
def test_a_table_outside_any_article_is_cited_once_as_a_table(cells: tuple[str, str], cited: str):
    """Not "Table, table row 2": the unit is named once, in the text's own language."""
    document = Document()
    table = document.add_table(rows=2, cols=1)
    table.cell(0, 0).text = "Duties"
    for r, text in enumerate(cells[:1], start=1):
        table.cell(r, 0).text = text
    document.add_paragraph(cells[1])
    doc = read(document)
    assert where(doc, cells[0]) == cited


def test_sections_marked_with_the_section_sign_are_units_not_preamble():
    """Texts in the German and Nordic tradition number their provisions "§ 1": once read as
    preamble, whatever they secured looked like a recital."""
    text = (
        "AGREEMENT ON SEASONAL WORKERS\n\n§ 1 Scope\n\nThis Agreement applies to seasonal workers.\n\n"
        "§ 2 Wages\n\n(1) The employer shall pay the wage monthly.\n\n(2) The worker shall keep the passport.\n\n"
        "§3. No fee shall be charged to the worker.\n"
    )
    doc = read_bytes("agreement.txt", text.encode())
    assert located(doc) == [
        ("§ 1", "This Agreement applies to seasonal workers."),
        ("§ 2(1)", "The employer shall pay the wage monthly."),
        ("§ 2(2)", "The worker shall keep the passport."),
        ("§ 3", "No fee shall be charged to the worker."),
    ]
    assert not [b for b in doc.blocks if b.kind == "preamble"]


def test_provisions_numbered_with_capital_roman_numerals_are_cited_as_printed():
    """'I.', 'II.' number an older treaty's provisions, not items of a list: they were cited
    "Subparagraph (ii)" and then nested "(b)(iii)"."""
    text = (
        "AGREEMENT BETWEEN ARLAND AND BELMOOR CONCERNING THE EMPLOYMENT OF WORKERS\n\n"
        "The two Governments have agreed as follows:\n\n"
        "I. The workers shall receive the same wages as nationals.\n\n"
        "II. (a) The employer shall bear the cost of travel.\n(b) The worker shall keep the passport.\n\n"
        "III. This Agreement shall remain in force for five years.\n"
    )
    doc = read_bytes("agreement.txt", text.encode())
    assert located(doc)[1:] == [
        ("Paragraph I", "The workers shall receive the same wages as nationals."),
        ("Paragraph II(a)", "The employer shall bear the cost of travel."),
        ("Paragraph II(b)", "The worker shall keep the passport."),
        ("Paragraph III", "This Agreement shall remain in force for five years."),
    ]


def test_provisions_numbered_by_an_ordinal_word_alone_are_cited_by_their_number():
    """Translated memoranda number their provisions "FIRST:", "SECOND.-": they were cited
    "Preamble", whatever they secured."""
    text = (
        "MEMORANDUM OF UNDERSTANDING ON THE EMPLOYMENT OF WORKERS\n\n"
        "FIRST PARTY: The Ministry of Labour of Arland.\n\n"
        "The two Parties have agreed as follows:\n\n"
        "FIRST: The employer shall pay the wage every month.\n\n"
        "Second.- WAGES\n\n"
        "The worker shall keep the passport.\n\n"
        "THIRD - First, the Parties shall meet once a year.\n\n"
        "FIFTH: This Memorandum shall remain in force for five years.\n"
    )
    doc = read_bytes("memorandum.txt", text.encode())
    assert located(doc)[-5:] == [
        ("Preamble", "The two Parties have agreed as follows:"),
        ("Paragraph 1", "The employer shall pay the wage every month."),
        ("Paragraph 2", "The worker shall keep the passport."),
        ("Paragraph 3", "First, the Parties shall meet once a year."),
        ("Paragraph 3", "FIFTH: This Memorandum shall remain in force for five years."),  # out of series
    ]
    assert [b.heading for b in doc.blocks if b.location == "Paragraph 2"] == ["WAGES", "WAGES"]


def test_ordinal_words_inside_named_articles_stay_their_paragraphs():
    text = (
        "AGREEMENT\n\nArticle 1\n\nThe employer undertakes:\n\nFIRST: to pay the wage monthly;\n\n"
        "SECOND: to bear the cost of travel.\n"
    )
    assert {b.location for b in read_bytes("a.txt", text.encode()).blocks if b.kind == "paragraph"} == {"Article 1"}


def test_spanish_clauses_numbered_in_words_are_cited_by_number():
    text = (
        "CONTRATO DE TRABAJO\n\nCLÁUSULA PRIMERA. Objeto\n\nEl empleador contrata al trabajador.\n\n"
        "CLÁUSULA SEGUNDA. Salario\n\nEl salario se pagará cada mes.\n"
    )
    doc = read_bytes("contrato.txt", text.encode())
    assert located(doc)[-2:] == [
        ("Cláusula 1", "El empleador contrata al trabajador."),
        ("Cláusula 2", "El salario se pagará cada mes."),
    ]


def test_a_plain_first_line_naming_the_instrument_is_its_title():
    """A retyped or plain-text agreement opens with its name and no markup; a first line that
    states a provision is no title."""
    titled = read_bytes("a.txt", b"Agreement between Arland and Bellmoor on seasonal workers\n\nArticle 1\n\nWages shall be paid monthly.\n")
    assert titled.title == "Agreement between Arland and Bellmoor on seasonal workers"
    untitled = read_bytes("b.txt", b"The Agreement between the Parties shall apply to seasonal workers.\n\nWages shall be paid monthly.\n")
    assert untitled.title == ""


def test_annex_paragraphs_are_cited_within_the_annex():
    document = Document()
    document.add_paragraph("Article 1 Scope", style="Heading 2")
    document.add_paragraph("This Agreement applies to domestic workers.")
    document.add_paragraph("Annex I Model Employment Contract", style="Heading 1")
    document.add_paragraph("1. The employer shall pay the wage monthly.")
    document.add_paragraph("2. The worker shall keep his or her passport.")
    doc = read(document)
    assert located(doc)[1:] == [
        ("Annex I, paragraph 1", "The employer shall pay the wage monthly."),
        ("Annex I, paragraph 2", "The worker shall keep his or her passport."),
    ]
    assert {b.annex for b in doc.blocks if b.kind == "paragraph"} == {"", "Annex I"}


# -- what python-docx's own text leaves out or gets wrong -------------------------------------
def test_tracked_changes_are_read_as_accepted_and_flagged():
    document = Document()
    document.add_paragraph("Article 1 Fees", style="Heading 2")
    paragraph = document.add_paragraph("Workers shall ")
    append_xml(paragraph, tracked_insert("never "))
    append_xml(paragraph, tracked_delete("sometimes "))
    paragraph.add_run("pay recruitment fees.")
    deleted = document.add_paragraph()
    append_xml(deleted, tracked_delete("A paragraph deleted whole."))
    doc = read(document)
    assert located(doc) == [("Article 1", "Workers shall never pay recruitment fees.")]
    assert doc.tracked_changes is True
    assert "read as if all changes were accepted" in doc.warnings[0]


def test_a_document_without_revisions_is_not_flagged():
    document = Document()
    document.add_paragraph("Article 1 Fees", style="Heading 2")
    document.add_paragraph("Workers shall pay no fees.")
    doc = read(document)
    assert doc.tracked_changes is False and doc.warnings == []


def test_text_in_a_text_box_is_read_once():
    document = Document()
    document.add_paragraph("Article 1 Housing", style="Heading 2")
    anchor = document.add_paragraph("Employers shall provide accommodation.")
    append_xml(anchor, text_box("Each worker shall have a bed of his or her own."))
    doc = read(document)
    boxed = [b for b in doc.blocks if b.text == "Each worker shall have a bed of his or her own."]
    assert len(boxed) == 1  # the VML fallback copy is skipped
    assert (boxed[0].location, boxed[0].origin) == ("Article 1", "textbox")


def test_text_in_content_controls_is_read():
    document = Document()
    document.add_paragraph("Article 1 Wages", style="Heading 2")
    add_content_control(document, "Wages shall be paid monthly into a bank account.")
    inline = document.add_paragraph("The minimum wage is ")
    append_xml(
        inline, f"<w:sdt {W}><w:sdtPr/><w:sdtContent><w:r><w:t>500 units</w:t></w:r></w:sdtContent></w:sdt>"
    )
    inline.add_run(" a month.")
    doc = read(document)
    block = next(b for b in doc.blocks if b.text.startswith("Wages shall be paid"))
    assert (block.location, block.origin) == ("Article 1", "content_control")
    assert where(doc, "The minimum wage is 500 units a month.") == "Article 1"


def test_a_footnote_is_read_after_its_paragraph_and_cited_as_such():
    document = Document()
    document.add_paragraph("Article 3 Wages", style="Heading 2")
    paragraph = document.add_paragraph("Workers shall be paid the minimum wage.")
    add_footnote(document, paragraph, "Including overtime at the legal rate.")
    doc = read(document)
    assert located(doc) == [
        ("Article 3", "Workers shall be paid the minimum wage."),
        ("Article 3, footnote 1", "Including overtime at the legal rate."),
    ]
    assert doc.blocks[-1].kind == "note"


def test_headers_and_footers_are_kept_out_of_the_text():
    document = Document()
    section = document.sections[0]
    section.header.paragraphs[0].text = "CONFIDENTIAL DRAFT"
    section.footer.paragraphs[0].text = "Page 1"
    document.add_paragraph("Article 1 Scope", style="Heading 2")
    document.add_paragraph("This Agreement applies to all migrant workers.")
    doc = read(document)
    assert "CONFIDENTIAL" not in doc.full_text and "Page 1" not in doc.full_text
    assert doc.headers_footers == ["CONFIDENTIAL DRAFT", "Page 1"]


def test_a_title_on_two_bold_lines_is_read_whole():
    document = Document()
    document.add_paragraph().add_run("AGREEMENT").bold = True
    second = (
        "between the Government of the Republic of Kestria and the Government of the Republic of "
        "Tenebria on the Recruitment and Employment of Domestic Workers"
    )
    document.add_paragraph().add_run(second).bold = True
    document.add_paragraph("The Parties, desiring to protect domestic workers, have agreed as follows.")
    document.add_paragraph("Article 1 Scope", style="Heading 2")
    document.add_paragraph("This Agreement applies to domestic workers.")
    doc = read(document)
    assert doc.title == f"AGREEMENT {second}"
    assert where(doc, second) == "Title"


# -- forms ticked by hand ------------------------------------------------------------------
@pytest.mark.parametrize(
    ("line", "read"),
    [
        ("Safekeeping of passport by: ☐ Employer ☒ Employee", "Safekeeping of passport by: ☒ Employee"),
        ("Rest day: [X] one day every week [ ] one day every month", "Rest day: [X] one day every week"),
        ("Safekeeping of passport by: ☐ Employer ☐ Employee", "Safekeeping of passport by: ☐ Employer ☐ Employee"),
        ("☒ The employer pays the fare.", "☒ The employer pays the fare."),
    ],
)
def test_only_the_ticked_options_of_a_form_are_read(line: str, read: str):
    """A blank form keeps every option (nothing says which will apply); a filled one only those ticked."""
    doc = read_bytes("contract.txt", f"EMPLOYMENT CONTRACT\n\n1. The employer shall pay the wage monthly.\n\n2. {line}\n".encode())
    assert located(doc)[-1] == ("Paragraph 2", read)
    assert any("form options" in w for w in doc.warnings) == (line != read)


def test_struck_through_markdown_is_deleted_text_and_not_read() -> None:
    """A consolidated text strikes out what an amendment deleted: it is no longer in force."""
    text = (
        "# Protocol (consolidated)\n\n## Article 6\n\n"
        "1. ~~An agency may collect a service charge of one month's wage from the worker.~~ [deleted]\n\n"
        "2. No agency shall charge the worker any fee.\n"
    )
    doc = read_bytes("consolidated.md", text.encode())
    words = " ".join(block.text for block in doc.blocks)
    assert "service charge" not in words and "No agency shall charge the worker any fee." in words
    assert "~~" not in words


def test_struck_through_words_in_a_word_file_are_deleted_text_and_not_read() -> None:
    """Word's strike (single or double) marks repealed or withdrawn wording in a consolidated text
    or a marked-up draft: not read, not analysed, and a paragraph struck whole disappears."""
    document = Document()
    document.add_paragraph("Article 6")
    repealed = document.add_paragraph()
    repealed.add_run("An agency may collect a service charge of one month's wage from the worker.").font.strike = True
    amended = document.add_paragraph("No agency shall charge the worker ")
    amended.add_run("a service charge above one month's wage").font.double_strike = True
    amended.add_run("any fee")
    amended.add_run(".")
    kept = document.add_paragraph()
    kept.add_run("Workers keep their passports.").font.strike = False  # strike switched off is no strike
    data = io.BytesIO()
    document.save(data)
    doc = read_bytes("consolidated.docx", data.getvalue())
    words = [block.text for block in doc.blocks]
    assert "No agency shall charge the worker any fee." in words
    assert "Workers keep their passports." in words
    assert not any("service charge" in text for text in words)
    report = analyze_bytes("consolidated.docx", data.getvalue())
    assert report.finding("no_worker_fees").status != "contrary"


def test_quoted_markdown_is_read_as_paragraphs_of_text() -> None:
    """An amending protocol quotes each article's new wording in a block quote ("> "): the quoted
    paragraphs are text of their own, without the markers, and a "> " line alone separates them."""
    text = (
        "# Protocol\n\n## Article 3\n\nArticle 6 of the Agreement is replaced by the following:\n\n"
        "> **Article 6 - Recruitment Costs**\n>\n"
        "> (1) No recruitment costs shall be charged to a worker.\n>\n"
        "> > (2) Costs shall be borne by the employer.\n"
    )
    doc = read_bytes("protocol.md", text.encode())
    texts = [block.text for block in doc.blocks]
    assert not any(t.startswith(">") or " > " in t for t in texts)
    assert "No recruitment costs shall be charged to a worker." in texts
    assert "Costs shall be borne by the employer." in texts
