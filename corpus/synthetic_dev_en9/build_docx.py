"""Build the .docx texts of this development set from their plain-text sources.

Source markup: ``source_docx.HASHED`` (described there): "# " Title, "## " / "### " Heading 1 / 2,
"+ " List Number (a run restarts at 1 after any other line or a table), "| a | b |" table rows
(the first row is the header), anything else a Normal paragraph. Both texts put "List Number"
items under each heading, so item 3 under "Section 4" of text 03 is cited "Section 4(3)" and
item 2 under "Article 7" of text 06 is cited "Article 7(2)"; in text 06 the employer's
obligations of Annex A are one list ("Annex A, item 5") and the Standard Terms of Annex B a real
Word table cited by its numbered rows ("Annex B, row 6"). Text 03's information table is cited
"Section 9, table row 6".

Run with: /work/main/.venv/bin/python corpus/synthetic_dev_en9/build_docx.py
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))  # corpus/source_docx.py, shared by the sets' build scripts
from source_docx import HASHED, main  # noqa: E402

if __name__ == "__main__":
    main(HERE, HASHED)
