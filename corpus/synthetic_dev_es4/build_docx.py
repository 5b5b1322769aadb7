"""Build the .docx texts of this set from sources/<name>.src.txt.

Source markup: ``source_docx.KEYED`` (described there).
Text 02 types its paragraph numbers ("1.", "2.") and items ("a)", "b)") into the text.
In text 04 the numbers of the worker's declarations (section III) exist only in Word's list
numbering, and the filled-in form fields are a table.
Run: /work/main/.venv/bin/python corpus/synthetic_dev_es4/build_docx.py
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))  # corpus/source_docx.py, shared by the sets' build scripts
from source_docx import KEYED, main  # noqa: E402

if __name__ == "__main__":
    main(HERE, KEYED)
