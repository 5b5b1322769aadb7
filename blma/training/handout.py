"""The printed exercise and its answer key (DOCX), for a workshop without screens.

Both list the same protections in the same order as the exercise on screen. The exercise
has a box per status and room for where and why; the key gives each answer, the reason and
the agreement's words. Written with python-docx's public API only.
"""

from __future__ import annotations

import io

from docx import Document
from docx.shared import Cm, Pt

from blma.docx_properties import set_properties
from blma.training.exercise import STATUSES, Exercise

BOX = "☐"
STATUS_MEANING = {
    "present": "secured in firm, binding wording",
    "partial": "addressed only softly or incompletely",
    "missing": "not addressed at all",
    "contrary": "a provision works against the protection",
}

COLUMN_WIDTHS = (Cm(1), Cm(6.5), Cm(3), Cm(6))


def _document(title: str, subject: str):
    document = Document()
    set_properties(document.core_properties, title=title, subject=subject)
    style = document.styles["Normal"]
    style.font.name = "Calibri"
    style.font.size = Pt(10.5)
    return document


def _bytes(document) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _legend(document) -> None:
    for status in STATUSES:
        paragraph = document.add_paragraph(style="List Bullet")
        paragraph.add_run(status.capitalize()).bold = True
        paragraph.add_run(f": {STATUS_MEANING[status]}.")


def exercise_docx(exercise: Exercise) -> bytes:
    """The trainee's sheet: each protection with a box per status and room for where and why."""
    document = _document(f"Exercise: {exercise.title}", "BLMA training exercise")
    document.add_heading("Exercise: classify the protections", level=1)
    document.add_paragraph(exercise.title).runs[0].italic = True
    document.add_paragraph(
        f"Read the agreement. For each of the {len(exercise.items)} protections below, tick one box and "
        "note the article that decides it. A protection left without a tick counts as wrong."
    )
    _legend(document)
    table = document.add_table(rows=1, cols=4)
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, ("#", "Protection", "Your answer", "Where, and why"), strict=True):
        cell.paragraphs[0].add_run(text).bold = True
    for number, item in enumerate(exercise.items, start=1):
        cells = table.add_row().cells
        cells[0].text = str(number)
        cells[1].text = item.title
        cells[2].text = "\n".join(f"{BOX} {s}" for s in STATUSES)
        cells[3].text = ""
    for row in table.rows:  # Word reads each cell's width; LibreOffice the grid's
        for cell, width in zip(row.cells, COLUMN_WIDTHS, strict=True):
            cell.width = width
    for column, width in zip(table.columns, COLUMN_WIDTHS, strict=True):
        column.width = width
    return _bytes(document)


def answer_key_docx(exercise: Exercise) -> bytes:
    """The trainer's key: each answer with its reason and the agreement's own words."""
    document = _document(f"Answer key: {exercise.title}", "BLMA training exercise, answer key")
    document.add_heading("Answer key", level=1)
    document.add_paragraph(exercise.title).runs[0].italic = True
    counts = {s: sum(i.expected == s for i in exercise.items) for s in STATUSES}
    document.add_paragraph(
        f"{len(exercise.items)} protections: " + ", ".join(f"{n} {s}" for s, n in counts.items() if n) + "."
    )
    for number, item in enumerate(exercise.items, start=1):
        heading = document.add_paragraph()
        heading.add_run(f"{number}. {item.title}: ").bold = True
        heading.add_run(item.expected.upper()).bold = True
        document.add_paragraph(item.why())
        if item.quote:
            quote = document.add_paragraph(style="Quote")
            quote.add_run(f"“{item.quote}”")
        if item.trap:
            document.add_paragraph(f"What makes it easy to misread: {item.trap.replace('_', ' ')}.")
    return _bytes(document)
