"""Build the .docx texts of this development set from their plain sources.

The sources in ``sources/<name>.src.txt`` use a small line markup so that the
Word files carry real structures (Title and Heading styles, auto-numbered
"List Number" paragraphs restarting under each heading, tables) rather than
typed numbers:

    # text      -> Title
    ## text     -> Heading 1
    ### text    -> Heading 2
    #. text     -> List Number paragraph (numbering restarts after a heading)
    - text      -> List Bullet paragraph
    | a | b     -> table row (consecutive rows form one table; first row bold)
    other text  -> Normal paragraph

Run: /work/main/.venv/bin/python corpus/synthetic_dev_en3/build_docx.py
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))  # corpus/source_docx.py, shared by the sets' build scripts
from source_docx import Markup, main  # noqa: E402

MARKUP = Markup(
    prefixes=(
        ("### ", "heading2"),
        ("## ", "heading1"),
        ("# ", "title"),
        ("#. ", "numbered"),
        ("- ", "bullet"),
    ),
    restart="after_heading",
    strip=str.strip,
)


if __name__ == "__main__":
    main(HERE, MARKUP)
