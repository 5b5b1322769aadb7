"""Word documents whose text sits in a table, row by row, as bilingual contracts set it."""

from __future__ import annotations

import io

from docx import Document
from docx.document import Document as DocumentObject


def table_document(rows: list[tuple[str, ...]], title: str = "") -> DocumentObject:
    """A document (with ``title`` as its Title paragraph, if any) holding one table: a row per
    tuple, a cell per string."""
    document = Document()
    if title:
        document.add_paragraph(title, style="Title")
    table = document.add_table(rows=0, cols=max(len(row) for row in rows))
    for row in rows:
        for cell, text in zip(table.add_row().cells, row, strict=False):
            cell.text = text
    return document


def docx_bytes(document: DocumentObject) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
