"""Build the two .docx texts of the sixth French development set from their plain-text sources.

Source markup: ``source_docx.PREFIXED`` (described there); other paragraphs are Normal.
Text 04 (an arrêté interministériel) types "Article 3" headings as Heading 2 under Heading 1
"TITRE" headings, gives the bureau's duties of article 12 as real Word "List Number" items and
ends with a table of the fees that may be charged to candidates. Text 06 (a model seasonal
contract) types "Article 1", "Article 2" as Heading 2 and the paragraphs "1.", "2." in the text,
gives the deductions of article 7 as "List Number" items, and carries the wage table.
Kept separate from the texts so the .docx files can be rebuilt identically:
    .venv/bin/python corpus/synthetic_dev_fr6/build_docx.py
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))  # corpus/source_docx.py, shared by the sets' build scripts
from source_docx import PREFIXED, main  # noqa: E402

if __name__ == "__main__":
    main(HERE, PREFIXED)
