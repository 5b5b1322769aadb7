"""Build the .docx texts of this development set from their plain-text sources.

Source markup: ``source_docx.HASHED`` (described there): "# " Title, "## " / "### " Heading 1 / 2,
"+ " List Number (a run restarts at 1 after any other line or a table), "| a | b |" table rows
(the first row is the header), anything else a Normal paragraph. Text 01 numbers its clauses by
hand ("3.4") in Normal paragraphs; text 04 uses "List Number" items under each clause heading, so
item 3 under "Clause 3" is cited "Clause 3(3)".

Run with: /work/main/.venv/bin/python corpus/synthetic_dev_en8/build_docx.py
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))  # corpus/source_docx.py, shared by the sets' build scripts
from source_docx import HASHED, main  # noqa: E402

if __name__ == "__main__":
    main(HERE, HASHED)
