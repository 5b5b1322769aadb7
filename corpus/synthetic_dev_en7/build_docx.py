"""Build the .docx texts of this development set from their plain-text sources.

Source markup: ``source_docx.HASHED`` (described there) with one addition for the bullet lists of
text 06: a line starting "- " becomes a "List Bullet" paragraph (and, like any other line, ends a
"List Number" run).

Run with: /work/main/.venv/bin/python corpus/synthetic_dev_en7/build_docx.py
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))  # corpus/source_docx.py, shared by the sets' build scripts
from source_docx import HASHED, Markup, main  # noqa: E402

HASHED_BULLETS = Markup(
    prefixes=(("- ", "bullet"), *HASHED.prefixes),
    restart=HASHED.restart,
    tables_restart=HASHED.tables_restart,
)

if __name__ == "__main__":
    main(HERE, HASHED_BULLETS)
