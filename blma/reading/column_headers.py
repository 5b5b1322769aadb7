"""Whether a table's first row names its columns or already holds a provision.

Both readers (Word tables and Markdown tables) hand each cell its column's header, which the
analysis reads as the lead-in governing the cell ("The Receiving Party will endeavour to").
"""

from __future__ import annotations

import re

#: A first-row cell that opens with an article's number ("Article 1. The employer shall ...",
#: "1. ...") is a provision, as is a full sentence or a cell too long to name a column.
_PROVISION_START = re.compile(
    r"^(?:(?:Article|Art\.|Art[ií]culo|Clause|Cl[aá]usula|Section|Paragraph)\s*\(?(?:\d+|[IVXLC]+\b)|\d+(?:\.\d+)*[.)]\s)",
    re.I,
)
HEADER_MAX_WORDS = 20
SENTENCE_MIN_WORDS = 10  # "The Receiving Party will endeavour to" heads a column; a closed sentence this long does not


def column_headers(first_row: list[str]) -> list[str]:
    """The first row's cells as the columns' headers, or none when that row is already a provision:
    bilingual agreements and standard contracts set their articles side by side from the first row
    on, and a provision read as a header would govern every cell below it."""
    for text in (cell.strip() for cell in first_row):
        words = len(text.split())
        if words > HEADER_MAX_WORDS or _PROVISION_START.match(text) or (text.endswith(".") and words >= SENTENCE_MIN_WORDS):
            return []
    return first_row
