"""Build the two .docx texts of the third French development set from their plain-text sources.

Source markup (one block per paragraph, blank lines between blocks):
  "= "  Title            "# "  Heading 1        "## " Heading 2
  "+ "  List Number (a run of items restarts at 1 after any other line)
  "| a | b |" lines form one table (first row is the header row)
Anything else is a Normal paragraph ("1.", "2." and "a)", "b)" numbers are typed in the text).
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
