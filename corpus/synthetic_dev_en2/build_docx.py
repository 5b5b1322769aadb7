"""Build the .docx texts of this development set from their plain sources.

The sources in ``sources/<name>.src.txt`` use a small line markup so that the
Word files carry real structures (Title, Heading 1/2, List Number, tables)
rather than typed-in formatting:

- ``= text``   Title
- ``# text``   Heading 1
- ``## text``  Heading 2
- ``+ text``   List Number item (Word numbers it; the number is not in the text)
- ``| a | b |`` table row; consecutive rows form one table, the first is bold
- any other non-blank line is a Normal paragraph

Run: ``/work/main/.venv/bin/python corpus/synthetic_dev_en2/build_docx.py``
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))  # corpus/source_docx.py, shared by the sets' build scripts
from source_docx import Markup, main  # noqa: E402

MARKUP = Markup(
    prefixes=(("= ", "title"), ("## ", "heading2"), ("# ", "heading1"), ("+ ", "numbered")),
)


if __name__ == "__main__":
    main(HERE, MARKUP)
