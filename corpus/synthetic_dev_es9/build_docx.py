"""Build the .docx texts of this set from sources/<name>.src.txt.

Source markup: ``source_docx.KEYED`` (described there).
In text 02 (a memorandum of understanding between two ministries, in Spanish translation) the preamble
and the annex are Heading 1 paragraphs, the fourteen sections are Heading 2 paragraphs with their
numbers typed in («SECCIÓN 6. DEBERES DE LOS TRABAJADORES»), the paragraphs («6.2») are plain
paragraphs, and the signatures and the annex «Obligaciones del Empleador» (two columns: obligation,
minimum scope) are Word tables.
In text 05 (a mandatory model domestic-work contract in the employer's first-person voice) the contract
title is a Heading 1 paragraph, the clauses are Heading 2 paragraphs with their ordinals typed in
(«CLÁUSULA 5.ª JORNADA Y DESCANSO»), the sub-clauses («5.3») are plain paragraphs with blanks to fill,
and the particulars of the parties and the signatures are Word tables.
Run: /work/main/.venv/bin/python corpus/synthetic_dev_es9/build_docx.py
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))  # corpus/source_docx.py, shared by the sets' build scripts
from source_docx import KEYED, main  # noqa: E402

if __name__ == "__main__":
    main(HERE, KEYED)
