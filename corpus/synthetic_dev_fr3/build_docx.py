"""Build the two .docx texts of the third French development set from their plain-text sources.

Source markup: ``source_docx.PREFIXED`` (described there); other paragraphs are Normal
("1.", "2." and "a)", "b)" numbers are typed in the text).
Kept separate from the texts so the .docx files can be rebuilt identically:
    .venv/bin/python corpus/synthetic_dev_fr3/build_docx.py
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))  # corpus/source_docx.py, shared by the sets' build scripts
from source_docx import PREFIXED, main  # noqa: E402

if __name__ == "__main__":
    main(HERE, PREFIXED)
