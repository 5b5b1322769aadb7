"""The kit on paper: one Word document (terms of reference, tracker annexed), and the tracker as
a spreadsheet (XLSX, with a status column the committee fills in) and as CSV."""

from __future__ import annotations

import csv
import io

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.shared import Cm, Pt
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.worksheet.datavalidation import DataValidation

from blma.docx_properties import AUTHOR, property_text, set_properties
from blma.kit.models import Kit

COLUMNS = (
    ("No.", 5),
    ("Article", 14),
    ("Commitment", 60),
    ("Party", 18),
    ("Responsible body", 28),
    ("Deadline or frequency", 18),
    ("Indicator", 45),
    ("Protections served", 30),
    ("Strength", 14),
    ("Status", 14),
    ("Notes", 30),
)
PROGRESS = ("Not started", "In progress", "Done", "Blocked")
AGAINST = "The gap analysis reads this provision as working against workers: see the gap report"


def tracker_rows(kit: Kit) -> list[list[str]]:
    """The tracker as rows of text, in the order of ``COLUMNS``; status and notes left blank."""
    return [
        [
            str(n),
            o.article,
            o.text,
            o.party,
            o.responsible,
            o.timing,
            o.indicator,
            "; ".join(o.protections),
            o.strength,
            "",
            AGAINST if o.against_workers else "",
        ]
        for n, o in enumerate(kit.tracker, start=1)
    ]


def csv_bytes(kit: Kit) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow([name for name, _ in COLUMNS])
    writer.writerows(tracker_rows(kit))
    return out.getvalue().encode("utf-8-sig")  # the BOM lets spreadsheet programs read UTF-8


def xlsx_bytes(kit: Kit) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = "Implementation tracker"
    sheet.append([name for name, _ in COLUMNS])
    for row in tracker_rows(kit):
        sheet.append(row)
    header_fill = PatternFill("solid", fgColor="DCE6F2")
    for cell in sheet[1]:
        cell.font, cell.fill = Font(bold=True), header_fill
    for index, (_name, width) in enumerate(COLUMNS, start=1):
        sheet.column_dimensions[sheet.cell(row=1, column=index).column_letter].width = width
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    sheet.freeze_panes = "C2"
    sheet.auto_filter.ref = sheet.dimensions
    status_col = sheet.cell(row=1, column=len(COLUMNS) - 1).column_letter
    choice = DataValidation(type="list", formula1='"' + ",".join(PROGRESS) + '"', allow_blank=True)
    sheet.add_data_validation(choice)
    if kit.tracker:
        choice.add(f"{status_col}2:{status_col}{len(kit.tracker) + 1}")
    book.properties.creator = book.properties.lastModifiedBy = AUTHOR
    book.properties.title = property_text(f"Implementation tracker: {kit.instrument_title}")
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def docx_bytes(kit: Kit) -> bytes:
    document = Document()
    document.styles["Normal"].font.name = "Calibri"
    document.styles["Normal"].font.size = Pt(11)
    document.add_heading(kit.terms.title, level=0)
    document.add_paragraph().add_run(kit.instrument_title).italic = True
    for number, section in enumerate(kit.terms.sections, start=1):
        document.add_heading(f"{number}. {section.heading}", level=1)
        for paragraph in section.paragraphs:
            document.add_paragraph(paragraph)
    annex = document.add_section()
    annex.orientation = WD_ORIENT.LANDSCAPE
    annex.page_width, annex.page_height = annex.page_height, annex.page_width
    document.add_heading("Annex: Implementation tracker", level=1)
    document.add_paragraph(
        f"Each commitment of the instrument, the Party and body that answer for it, when it falls due, "
        f"and what the {kit.committee} looks at to see that it works. Status and notes are for the "
        "committee to fill in at each meeting."
    )
    shown = (0, 1, 2, 3, 4, 5, 6, 9)  # the columns that fit a landscape page
    table = document.add_table(rows=1, cols=len(shown))
    table.style = "Table Grid"
    for cell, index in zip(table.rows[0].cells, shown, strict=True):
        cell.text = COLUMNS[index][0]
        for run in cell.paragraphs[0].runs:
            run.bold = True
    for row in tracker_rows(kit):
        cells = table.add_row().cells
        for cell, index in zip(cells, shown, strict=True):
            cell.text = row[index]
    for cell in (c for r in table.rows for c in r.cells):
        for run in cell.paragraphs[0].runs:
            run.font.size = Pt(9)
    widths = (0.8, 2.4, 6.0, 2.2, 3.1, 2.5, 4.4, 1.6)  # cm: fills a landscape Letter or A4 page
    table.autofit = False
    for column, width in zip(table.columns, widths, strict=True):
        column.width = Cm(width)  # the grid, which LibreOffice reads
        for cell in column.cells:
            cell.width = Cm(width)  # each cell, which Word reads
    set_properties(
        document.core_properties, title=kit.terms.title, subject=f"Joint committee kit: {kit.instrument_title}"
    )
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


#: The files of a kit, by name, and how each is made.
FILES = {
    "joint_committee_kit.docx": docx_bytes,
    "implementation_tracker.xlsx": xlsx_bytes,
    "implementation_tracker.csv": csv_bytes,
}
