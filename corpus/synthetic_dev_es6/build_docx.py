"""Build the .docx texts of this set from sources/<name>.src.txt.

Source markup: ``source_docx.KEYED`` (described there).
In text 02 the articles are Heading 1 paragraphs and their numbered paragraphs («3.2.a)», «6.4.c)»,
«22.4.») are typed into the text as plain paragraphs; the composition of the Comisión de
Seguimiento and the signatures are Word tables.
In text 05 the model contract's party data, wage scale, authorised deductions and signatures are
Word tables, its clauses are Heading 2 paragraphs with their ordinals typed in («CLÁUSULA DÉCIMA»),
and the three steps of the complaints procedure of «CLÁUSULA DECIMOQUINTA» are "List Number"
paragraphs, so their numbers («paso 3») exist only in Word's list numbering.
Run: /work/main/.venv/bin/python corpus/synthetic_dev_es6/build_docx.py
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))  # corpus/source_docx.py, shared by the sets' build scripts
from source_docx import KEYED, main  # noqa: E402

if __name__ == "__main__":
    main(HERE, KEYED)
