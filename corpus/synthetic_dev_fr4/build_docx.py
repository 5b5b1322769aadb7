"""Build the two .docx texts of the fourth French development set from their plain-text sources.

Source markup: ``source_docx.PREFIXED`` (described there); other paragraphs are Normal.
Text 03 numbers the paragraphs of its articles as real Word "List Number" items ("+ " lines,
restarting at 1 under each article heading); text 06 types its paragraph numbers ("1.", "2.")
in Normal paragraphs. Both carry one table.
Kept separate from the texts so the .docx files can be rebuilt identically:
    .venv/bin/python corpus/synthetic_dev_fr4/build_docx.py
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))  # corpus/source_docx.py, shared by the sets' build scripts
from source_docx import PREFIXED, main  # noqa: E402

if __name__ == "__main__":
    main(HERE, PREFIXED)
