"""Build the .docx texts of this set from sources/<name>.src.txt.

Source markup: ``source_docx.KEYED`` (described there).
In text 03 (a ministerial agreement issuing a «Reglamento») the Reglamento is a Heading 1 paragraph and
its nine chapters are Heading 2 paragraphs; the articles and their lettered points («a)», «b)») are
typed into plain paragraphs; the authorised deductions, the sanctions and the signatures are Word tables.
In text 06 (a seafarers' «Contrato de Enrolamiento») the clauses are Heading 2 paragraphs with their
ordinals typed in («CLÁUSULA 6.ª DELEGACIÓN DE HABERES»), their sub-clauses («6.1») are plain
paragraphs, and the wage table and the signatures are Word tables.
Run: /work/main/.venv/bin/python corpus/synthetic_dev_es8/build_docx.py
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))  # corpus/source_docx.py, shared by the sets' build scripts
from source_docx import KEYED, main  # noqa: E402

if __name__ == "__main__":
    main(HERE, KEYED)
