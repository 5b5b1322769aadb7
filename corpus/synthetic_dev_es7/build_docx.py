"""Build the .docx texts of this set from sources/<name>.src.txt.

Source markup: ``source_docx.KEYED`` (described there).
In text 03 (a memorandum of understanding) the sections are Heading 1 paragraphs and their numbered
paragraphs («5.2», «9.2») are typed into plain paragraphs; the authorised deductions, the signatures
and the housing standards of Apéndice 1 are Word tables.
In text 06 (an «Acta de Entendimiento») the two parts («ANTECEDENTES», «ACUERDAN») and the appendix
are Heading 1 paragraphs, the points are Heading 2 paragraphs with their ordinals typed in
(«CUARTO. Remuneración»), their sub-points («4.2») are plain paragraphs, and the wage table, the
deductions table, the signatures and the table of certificate equivalences are Word tables.
Run: /work/main/.venv/bin/python corpus/synthetic_dev_es7/build_docx.py
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))  # corpus/source_docx.py, shared by the sets' build scripts
from source_docx import KEYED, main  # noqa: E402

if __name__ == "__main__":
    main(HERE, KEYED)
