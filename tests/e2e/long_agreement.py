"""A long agreement (about 40 pages in Word) for timing the Review page.

Built from the drafting API's model agreement: its articles are repeated, renumbered and
reworded a little (another party, weaker verbs) until the text reaches the page count, so
the analyzer meets realistic clause wording at realistic length.

    python tests/e2e/long_agreement.py out.docx   # writes the file and prints its word count
"""

from __future__ import annotations

import io
import sys

from docx import Document
from docx.shared import Pt

from blma import api

WORDS_PER_PAGE = 250  # measured: python-docx default styles with headings, checked with LibreOffice


def long_agreement_docx(pages: int = 40) -> bytes:
    """A DOCX of about ``pages`` pages: numbered articles under chapter headings."""
    spec = {
        "parties": {
            "origin": {"country": "the Republic of Sundara", "short_name": "Sundara", "authority": "Ministry of Overseas Employment"},
            "destination": {"country": "the Kingdom of Valdoria", "short_name": "Valdoria", "authority": "Ministry of Labour"},
        },
        "sectors": ["general"],
    }
    model = api.draft(spec)
    document = Document()
    document.styles["Normal"].font.size = Pt(11)
    document.add_heading(model.title, level=0)
    for paragraph in model.preamble:
        document.add_paragraph(paragraph)
    words, number, round_ = 0, 0, 0
    variants = [lambda t: t, lambda t: t.replace("shall ", "shall endeavour to "), lambda t: t.replace("Valdoria", "the Receiving Country")]
    while words < pages * WORDS_PER_PAGE:
        reword = variants[round_ % len(variants)]
        for chapter in model.chapters:
            document.add_heading(f"Chapter {chapter.numeral}{'' if round_ == 0 else f'-{round_}'}: {chapter.title}", level=1)
            for article in chapter.articles:
                number += 1
                document.add_heading(f"Article {number}: {article.heading}", level=2)
                for i, paragraph in enumerate(article.paragraphs, start=1):
                    text = reword(paragraph)
                    document.add_paragraph(f"({i}) {text}" if len(article.paragraphs) > 1 else text)
                    words += len(text.split())
        round_ += 1
    for paragraph in model.signature.paragraphs:
        document.add_paragraph(paragraph)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


if __name__ == "__main__":
    data = long_agreement_docx()
    with open(sys.argv[1], "wb") as fh:
        fh.write(data)
    print(f"{len(data):,} bytes, {api.read_bytes(sys.argv[1], data).word_count:,} words")
