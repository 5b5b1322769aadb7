"""Build the .docx texts of this development set from their plain-text sources.

Source markup: ``source_docx.HASHED`` (described there).

Run with: /work/main/.venv/bin/python corpus/synthetic_dev_en6/build_docx.py
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))  # corpus/source_docx.py, shared by the sets' build scripts
from source_docx import HASHED, main  # noqa: E402

if __name__ == "__main__":
    main(HERE, HASHED)
