"""Whether a table's first row names its columns or already holds a provision.

Both readers (Word tables and Markdown tables) hand each cell its column's header, which the
analysis reads as the lead-in governing the cell ("The Receiving Party will endeavour to").
"""

from __future__ import annotations

import re

from blma.reading.headings import cell_article

NUMBERED = re.compile(r"^\d+(?:\.\d+)*[.)]\s")  # "1. The employer shall ..."
HEADER_MAX_WORDS = 20
SENTENCE_MIN_WORDS = 10  # "The Receiving Party will endeavour to" heads a column; a closed sentence this long does not


def column_headers(first_row: list[str]) -> list[str]:
    """The first row's cells as the columns' headers, or none when that row is already a provision:
    bilingual agreements and standard contracts set their articles side by side from the first row
    on, and a provision read as a header would govern every cell below it. A provision here opens
    with an article's number ("Article 1. The employer ...", "ARTICLE ONE - WAGES", "1. ..."), is
    a closed sentence, or is too long to name a column."""
    for text in (cell.strip() for cell in first_row):
        words = len(text.split())
        if words > HEADER_MAX_WORDS or (text.endswith(".") and words >= SENTENCE_MIN_WORDS) or _opens_an_article(text):
            return []
    return first_row


def _opens_an_article(text: str) -> bool:
    return cell_article(text) is not None or bool(NUMBERED.match(text))
