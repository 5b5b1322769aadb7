"""Edited copies of a sample agreement, made with python-docx, for the comparison tests.

``a_few_articles_edited`` is a version of the manufacturing sample: Article 6(1) reworded
with new punctuation ("employer, and by the worker's representative"), Article 8 softened,
Article 16 (Complaints) emptied out, which removes it; access to justice then goes from
present to missing. ``another_partner`` is the same model text made for another country.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

import docx

SAMPLES = Path(__file__).resolve().parent.parent / "sample_agreements"
MANUFACTURING = SAMPLES / "sundara_kestria_manufacturing.docx"
CONTRACT = "(1)\tThe employment contract shall be in writing"
REWORDED = (
    "(1)\tThe employment contract shall be in writing and shall be signed by the employer, and by the worker's "
    "representative where the worker so wishes."
)
COMPLAINTS = ("Art. 16 – Complaints", "(1)\tWorkers shall have the right to submit complaints", "(2)\tNo worker shall")
WORKING_TIME = "Hours of work, rest periods and leave shall be"


def edited_copy(source: Path, edit: Callable[[str], str]) -> bytes:
    """``source`` with each paragraph (tables included) replaced by ``edit(its text)`` where that differs."""
    document = docx.Document(str(source))
    paragraphs = list(document.paragraphs)
    paragraphs += [p for t in document.tables for r in t.rows for c in r.cells for p in c.paragraphs]
    for paragraph in paragraphs:
        text = edit(paragraph.text)
        if text != paragraph.text:
            paragraph.text = text
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _a_few_articles(text: str) -> str:
    if text.startswith(CONTRACT):
        return REWORDED
    if text.startswith(COMPLAINTS):
        return ""
    if text.startswith(WORKING_TIME):
        return f"{WORKING_TIME} agreed between the employer and the worker."
    return text


def a_few_articles_edited() -> bytes:
    return edited_copy(MANUFACTURING, _a_few_articles)


def another_partner() -> bytes:
    """The manufacturing sample with Kestria (and Kestrian) made Marovia (Marovian) throughout."""
    return edited_copy(MANUFACTURING, lambda text: text.replace("Kestria", "Marovia"))
