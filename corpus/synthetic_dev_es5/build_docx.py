"""Build the .docx texts of this set from sources/<name>.src.txt.

Source markup: ``source_docx.KEYED`` (described there).
In text 03 the thirteen points of the first Note are "List Number" paragraphs, so the point
numbers the labels cite («Nota I, punto 4») exist only in Word's list numbering; the second
Note's understandings are plain paragraphs.
In text 06 the model contract's data, conditions and authorised deductions are Word tables, and
its clauses are Heading 2 paragraphs with their ordinals typed into the text.
Run: /work/main/.venv/bin/python corpus/synthetic_dev_es5/build_docx.py
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))  # corpus/source_docx.py, shared by the sets' build scripts
from source_docx import KEYED, main  # noqa: E402

if __name__ == "__main__":
    main(HERE, KEYED)
