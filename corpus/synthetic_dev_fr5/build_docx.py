"""Build the two .docx texts of the fifth French development set from their plain-text sources.

Source markup: ``source_docx.PREFIXED`` (described there); other paragraphs are Normal.
Text 03 numbers the paragraphs of the annexed model contract's clauses as real Word "List Number"
items ("+ " lines, restarting at 1 under each clause heading) and types "(1)", "(2)" in the
Protocol's articles; text 06 types "1.", "2." in the rules of procedure and uses "List Number"
items for the Commission's decisions in the minutes. Both carry one table.
Kept separate from the texts so the .docx files can be rebuilt identically:
    .venv/bin/python corpus/synthetic_dev_fr5/build_docx.py
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))  # corpus/source_docx.py, shared by the sets' build scripts
from source_docx import PREFIXED, main  # noqa: E402

if __name__ == "__main__":
    main(HERE, PREFIXED)
