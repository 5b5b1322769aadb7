"""DOCX export with real Word styles: Title, Heading 1 (chapters, annexes), Heading 2
(articles), Normal body, List Number paragraphs that restart in each article, a borderless
signature table, Table Grid annex tables and a footer with PAGE / NUMPAGES fields.

Wording comes from the draft and ``templates/wording.j2``; XML details from :mod:`blma.ooxml`.
"""

from __future__ import annotations

import io
import re

from docx import Document
from docx.document import Document as DocumentObject
from docx.enum.section import WD_SECTION
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm, Pt, RGBColor
from docx.table import _Row
from docx.text.paragraph import Paragraph

from blma.docx_properties import set_properties
from blma.drafting.content import Annex, Article, DraftContent
from blma.drafting.wording import PAGE_MARK, PAGES_MARK, Wording, wording
from blma.ooxml.fields import append_field
from blma.ooxml.numbering import add_list_definition, restarted_list, set_list
from blma.ooxml.sections import restart_page_numbers
from blma.ooxml.styles import remove_border, remove_contextual_spacing, use_plain_font
from blma.ooxml.tables import keep_on_one_page, repeat_as_header

FONT = "Times New Roman"
TABLE_TEXT = "Table Text"
BODY_PT = 12
INDENT_TWIPS = 567  # 1 cm: room for "(10)"
BLACK = RGBColor(0, 0, 0)


def docx_bytes(draft: DraftContent) -> bytes:
    """The draft as a Word document; a bilingual draft's second text follows in a section of its
    own, starting on a new page, with its own footer."""
    document = Document()
    _set_up(document, draft)
    writer = _Writer(document, wording(draft.language))
    for index, text in enumerate(draft.texts):
        if index:
            section = document.add_section(WD_SECTION.NEW_PAGE)
            section.footer.is_linked_to_previous = False
            restart_page_numbers(section)
            _footer(section.footer.paragraphs[0], text, document)
            writer = _Writer(document, wording(text.language))
        writer.text(text)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _set_up(document: DocumentObject, draft: DraftContent) -> None:
    """Page, styles and footer: the look of an intergovernmental instrument."""
    section = document.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.left_margin = section.right_margin = Cm(2.5)
    section.top_margin, section.bottom_margin = Cm(2.5), Cm(2.2)

    use_plain_font(document, FONT)
    styles = document.styles
    normal = styles["Normal"]
    normal.font.size = Pt(BODY_PT)
    normal.paragraph_format.space_after = Pt(8)
    normal.paragraph_format.line_spacing = 1.1
    normal.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    for name, size, before, after in (
        ("Title", 15, 0, 18),
        ("Heading 1", 12.5, 18, 8),
        ("Heading 2", BODY_PT, 12, 6),
    ):
        style = styles[name]
        style.font.size = Pt(size)
        style.font.bold = True
        style.font.color.rgb = BLACK
        style.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
        style.paragraph_format.space_before = Pt(before)
        style.paragraph_format.space_after = Pt(after)
        style.paragraph_format.keep_with_next = True
    remove_border(styles["Title"])
    remove_contextual_spacing(styles["List Number"])
    styles["List Number"].paragraph_format.space_after = Pt(6)
    styles["Title"].font.all_caps = False
    table_text = styles.add_style(TABLE_TEXT, WD_STYLE_TYPE.PARAGRAPH)
    table_text.base_style = normal
    table_text.font.size = Pt(BODY_PT - 1)
    table_text.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.LEFT
    table_text.paragraph_format.space_before = Pt(2)
    table_text.paragraph_format.space_after = Pt(2)
    table_text.paragraph_format.line_spacing = 1.0
    styles["Footer"].paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    styles["Footer"].font.size = Pt(9)

    _footer(section.footer.paragraphs[0], draft, document)
    subject = wording(draft.language).say("document_subject", draft.spec.style)
    set_properties(document.core_properties, title=draft.title, subject=subject)


def _footer(footer: Paragraph, draft: DraftContent, document: DocumentObject) -> None:
    """The footer line of one text, its page marks as PAGE and NUMPAGES fields."""
    footer.style = document.styles["Footer"]
    for piece in re.split(f"({re.escape(PAGE_MARK)}|{re.escape(PAGES_MARK)})", draft.footer):
        if piece == PAGE_MARK:
            append_field(footer, "PAGE")
        elif piece == PAGES_MARK:
            append_field(footer, "NUMPAGES")
        elif piece:
            footer.add_run(piece)


class _Writer:
    """Adds the parts of a draft to a document, keeping the two list definitions."""

    def __init__(self, document: DocumentObject, w: Wording) -> None:
        self.document = document
        self.w = w
        self.paragraph_list = add_list_definition(
            document, "decimal", w.say("paragraph_label", "%1"), INDENT_TWIPS
        )
        self.item_list = add_list_definition(document, "lowerLetter", w.say("item_label", "%1"), INDENT_TWIPS)

    def text(self, draft: DraftContent) -> None:
        """One authentic text: title and preamble, chapters, signatures, annexes."""
        self.front(draft)
        for chapter in draft.chapters:
            self.heading(self.w.say("chapter_heading", chapter.numeral, chapter.title), level=1)
            for article in chapter.articles:
                self.article(article)
        self.signature(draft)
        for annex in draft.annexes:
            self.annex(annex)

    def front(self, draft: DraftContent) -> None:
        self.document.add_paragraph(draft.title, style="Title")
        for text in draft.preamble:
            self.document.add_paragraph(text)

    def heading(self, text: str, level: int, *, new_page: bool = False) -> None:
        paragraph = self.document.add_heading(text, level=level)
        paragraph.paragraph_format.page_break_before = new_page

    def article(self, article: Article) -> None:
        self.heading(self.w.say("article_heading", article.number, article.heading), level=2)
        numbering = article.numbering
        list_id = None
        if numbering != "none":
            abstract = self.paragraph_list if numbering == "paragraphs" else self.item_list
            list_id = restarted_list(self.document, abstract)
        for index, text in enumerate(article.paragraphs):
            numbered = numbering == "paragraphs" or (numbering == "items" and index > 0)
            paragraph = self.document.add_paragraph(text, style="List Number" if numbered else "Normal")
            if numbered and list_id is not None:
                set_list(paragraph, list_id)
            if numbering == "items" and index == 0:
                paragraph.paragraph_format.keep_with_next = True

    def signature(self, draft: DraftContent) -> None:
        for text in draft.signature.paragraphs:
            paragraph = self.document.add_paragraph(text)
            paragraph.paragraph_format.keep_with_next = True
            paragraph.paragraph_format.space_before = Pt(12)
        columns = draft.signature.signatories
        table = self.document.add_table(rows=1, cols=len(columns))
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        for cell, lines in zip(table.rows[0].cells, columns, strict=True):
            label_end = lines.index("") if "" in lines else len(lines)
            label = cell.paragraphs[0]
            label.style = self.document.styles[TABLE_TEXT]
            label.add_run("\n".join(lines[:label_end])).bold = True
            for line in lines[label_end:]:
                cell.add_paragraph(line, style=TABLE_TEXT)
        keep_on_one_page(table.rows[0])  # the signatories' lines stay together
        repeat_as_header(table.rows[0])

    def annex(self, annex: Annex) -> None:
        self.heading(annex.heading, level=1, new_page=True)
        for text in annex.paragraphs:
            self.document.add_paragraph(text)
        data = annex.table
        if data is None:
            return
        table = self.document.add_table(rows=1, cols=len(data.headers))
        table.style = self.document.styles["Table Grid"]
        table.autofit = not data.widths_cm
        for column, width in zip(table.columns, data.widths_cm, strict=False):
            column.width = Cm(width)  # the grid, which LibreOffice reads; cells carry it for Word
        self._fill_row(table.rows[0], data.headers, data.widths_cm, bold=True)
        keep_on_one_page(table.rows[0])
        repeat_as_header(table.rows[0])
        for row in data.rows:
            self._fill_row(table.add_row(), row, data.widths_cm)

    def _fill_row(self, row: _Row, texts: list[str], widths_cm: list[float], *, bold: bool = False) -> None:
        for index, (cell, text) in enumerate(zip(row.cells, texts, strict=True)):
            paragraph = cell.paragraphs[0]
            paragraph.style = self.document.styles[TABLE_TEXT]
            paragraph.add_run(text).bold = bold
            if widths_cm:
                cell.width = Cm(widths_cm[index])
