"""Build the .docx texts of this set from sources/<name>.src.txt.

Source markup: ``source_docx.KEYED`` (described there).
In text 02 (a seasonal employment contract for a berry harvest under a bilateral circular-migration
programme) the contract's name is the Title, «REUNIDOS», «EXPONEN» and «CLÁUSULAS» are Heading 1
paragraphs, the eighteen clauses are Heading 2 paragraphs with their ordinals typed in («SÉPTIMA.
JORNADA Y DESCANSOS»), their lettered points («e)») are plain paragraphs, and the piece-rate scale,
the deductions table and the signatures are Word tables.
In text 06 (the internal rules of a binational commission with the minutes of its first meeting
annexed) the rules' name is the Title, the chapters and the annex are Heading 1 paragraphs, the
articles are Heading 2 paragraphs («Artículo 12. Falta de acuerdo»), the paragraphs of an article
are "List Number" paragraphs numbered by Word (each article restarts at 1), and the attendance list,
the table of decisions of the minutes and the signatures are Word tables.
Run: /work/main/.venv/bin/python corpus/synthetic_dev_es10/build_docx.py
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))  # corpus/source_docx.py, shared by the sets' build scripts
from source_docx import KEYED, main  # noqa: E402

if __name__ == "__main__":
    main(HERE, KEYED)
