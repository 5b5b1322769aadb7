"""DOCX gap report with real Word styles, for a reviewer to attach to a memo.

Title, then per agreement a Heading 1 section: the facts, any warnings, a Heading 2
summary with a status table whose cells are shaded by status (the status word is always
written too: colour alone fails in greyscale print and for colour-blind readers), and a
Heading 2 part with a Heading 3 per gap. The words come from ``gap_report_words.j2``.
"""

from __future__ import annotations

import io

from docx import Document
from docx.document import Document as DocumentObject
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_BREAK
from docx.shared import Cm, Pt, RGBColor

from blma.docx_properties import set_properties
from blma.ooxml.tables import keep_on_one_page, repeat_as_header, shade
from blma.reports.view import FileView, ProtectionRow
from blma.reports.words import say, table

#: Cell fill by status: green, amber, grey (nothing there), red (works against workers).
STATUS_FILL = {"present": "C6EFCE", "partial": "FFEB9C", "missing": "D9D9D9", "contrary": "FFC7CE"}
SUMMARY_WIDTHS_CM = (1.2, 7.0, 3.0, 3.3, 3.0)
FACTS_WIDTHS_CM = (4.0, 13.5)
DARK_RED = RGBColor(0x9C, 0x00, 0x06)


def docx_report(files: list[FileView]) -> bytes:
    """The whole report as DOCX bytes: one document, one section per agreement."""
    document = Document()
    _set_up(document)
    labels = table("labels")
    subject = f"{labels['report_title']}: {', '.join(view.heading for view in files)}"
    set_properties(document.core_properties, title=labels["report_title"], subject=subject)
    document.add_paragraph(labels["report_title"], style="Title")
    for index, view in enumerate(files, start=1):
        if index > 1:
            document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        heading = f"{index}. {view.heading}" if len(files) > 1 else view.heading
        document.add_heading(heading, level=1)
        _Section(document, labels).write(view)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _set_up(document: DocumentObject) -> None:
    normal = document.styles["Normal"]
    normal.font.size = Pt(10.5)
    normal.paragraph_format.space_after = Pt(6)
    for section in document.sections:
        section.left_margin = section.right_margin = Cm(2)


class _Section:
    """Writes one agreement's part of the report."""

    def __init__(self, document: DocumentObject, labels: dict) -> None:
        self.document = document
        self.labels = labels

    def write(self, view: FileView) -> None:
        self.facts(view)
        for warning in view.warnings:
            paragraph = self.document.add_paragraph(style="Intense Quote")
            for text, bold in ((f"{self.labels['warning']}: ", True), (warning, False)):
                run = paragraph.add_run(text)
                run.bold, run.font.color.rgb = bold, DARK_RED
        self.document.add_heading(self.labels["summary"], level=2)
        self.document.add_paragraph().add_run(view.core_line).bold = True
        self.document.add_paragraph(view.counts_line)
        self.summary_table(view.rows)
        self.document.add_heading(self.labels["gaps"], level=2)
        gaps = view.gaps
        if not gaps:
            self.document.add_paragraph(self.labels["no_gaps"])
            return
        self.document.add_paragraph().add_run(self.labels["placeholders"]).italic = True
        for row in gaps:
            self.gap(row)

    def facts(self, view: FileView) -> None:
        items = [
            ("file", view.file),
            *([("title", view.title)] if view.title else []),
            ("instrument", view.instrument),
            ("parties", view.parties),
            ("sectors", view.sectors),
            ("analysed_on", view.analysed_on),
            ("tracked_changes", view.tracked_changes),
        ]
        grid = self.document.add_table(rows=0, cols=2)
        grid.style = self.document.styles["Table Grid"]
        for key, value in items:
            cells = grid.add_row().cells
            cells[0].text, cells[1].text = self.labels[key], value
            cells[0].paragraphs[0].runs[0].bold = True
        _widths(grid, FACTS_WIDTHS_CM)

    def summary_table(self, rows: list[ProtectionRow]) -> None:
        keys = ("number", "protection", "group", "priority", "status")
        grid = self.document.add_table(rows=1, cols=len(keys))
        grid.style = self.document.styles["Table Grid"]
        grid.alignment = WD_TABLE_ALIGNMENT.CENTER
        for cell, key in zip(grid.rows[0].cells, keys, strict=True):
            cell.text = self.labels[key]
            cell.paragraphs[0].runs[0].bold = True
        repeat_as_header(grid.rows[0])
        for row in rows:
            line = grid.add_row()
            keep_on_one_page(line)
            cells = line.cells
            for cell, text in zip(
                cells, (str(row.number), row.title, row.group_title, row.priority), strict=False
            ):
                cell.text = text
            cells[4].paragraphs[0].add_run(row.status_text).bold = True
            shade(cells[4], STATUS_FILL[row.final_status])
        _widths(grid, SUMMARY_WIDTHS_CM)

    def gap(self, row: ProtectionRow) -> None:
        doc = self.document
        doc.add_heading(say("gap_heading", row.number, row.title, row.status_text), level=3)
        doc.add_paragraph(say("finding", row.status, row.reason))
        if row.reviewer_status:
            paragraph = doc.add_paragraph()
            paragraph.add_run(f"{self.labels['reviewer']}: ").bold = True
            paragraph.add_run(say("reviewer", row.reviewer_status, row.reviewer_reason))
        paragraph = doc.add_paragraph()
        paragraph.add_run(f"{self.labels['evidence']}:").bold = True
        if not row.evidence:
            paragraph.add_run(f" {self.labels['no_evidence']}")
        for evidence in row.evidence:
            quote = doc.add_paragraph(style="Quote")
            # a list item is quoted after the words it completes, so that who is bound shows
            lead_in = f"{evidence.lead_in} … " if evidence.lead_in else ""
            quote.add_run(f"“{lead_in}{evidence.text}”")
            source = quote.add_run(
                f" — {say('evidence_source', evidence.location, evidence.kind, evidence.note)}"
            )
            source.italic = False
            if evidence.kind == "contrary":
                source.font.color.rgb = DARK_RED
        if row.final_status == "present":
            return
        paragraph = doc.add_paragraph()
        paragraph.add_run(f"{self.labels['suggested']}:").bold = True
        if not row.suggestions:
            paragraph.add_run(f" {self.labels['no_suggestion']}")
        for clause in row.suggestions:
            lead = doc.add_paragraph(style="List Bullet")
            lead.add_run(say("clause_heading", clause.title, clause.strength)).bold = True
            if clause.reason:
                lead.add_run(f": {clause.reason}")
            if clause.render_error:
                note = doc.add_paragraph(f"{self.labels['render_failed']} ({clause.render_error}).")
                note.runs[0].italic = True
            for text in (t.strip() for t in clause.text.split("\n\n")):
                if text:
                    body = doc.add_paragraph(" ".join(text.split()))
                    body.paragraph_format.left_indent = Cm(1)


def _widths(grid, widths_cm: tuple[float, ...]) -> None:
    """Word reads each cell's width, LibreOffice the grid's: set both."""
    grid.autofit = False
    for column, width in zip(grid.columns, widths_cm, strict=False):
        column.width = Cm(width)
    for row in grid.rows:
        for cell, width in zip(row.cells, widths_cm, strict=False):
            cell.width = Cm(width)
