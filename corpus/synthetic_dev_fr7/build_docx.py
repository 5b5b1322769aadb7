"""Build the two .docx texts of the seventh French development set from their plain-text sources.

Source markup: ``source_docx.PREFIXED`` (described there); other paragraphs are Normal.
Text 03 (a seasonal farm-work contract of a province-to-State programme) puts its « PARTIE »
headings in Heading 1 and its articles in Heading 2, types the paragraphs « 1. », « 2. » in the
text, gives the authorised deductions of article 6, paragraphe 1 as real "List Number" items and
carries the table of maximum deductions. Text 06 (the minutes of a joint commission) puts its
sections in Heading 1 and the agenda points in Heading 2, gives the agenda and the list of pending
points as "List Number" items, carries a statistics table under point 1 and ends with the annexed
« Relevé de conclusions », whose conclusions are "List Number" items (cited « point 5 »).
Kept separate from the texts so the .docx files can be rebuilt identically:
    .venv/bin/python corpus/synthetic_dev_fr7/build_docx.py
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))  # corpus/source_docx.py, shared by the sets' build scripts
from source_docx import PREFIXED, main  # noqa: E402

if __name__ == "__main__":
    main(HERE, PREFIXED)
