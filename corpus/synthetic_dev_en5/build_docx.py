"""Build the .docx texts of this development set from their plain-text sources.

The sources in ``sources/<name>.src.txt`` use a tiny markup so that the Word files
carry real structures (Title and Heading styles, numbered lists, tables) rather
than typed-in look-alikes:

- ``# text``   -> Title
- ``## text``  -> Heading 1
- ``### text`` -> Heading 2
- ``+ text``   -> "List Number" paragraph; each run of items restarts at 1
- ``| a | b |`` -> table row; consecutive rows form one table, the first is the header
- anything else -> Normal paragraph

Run with: /work/main/.venv/bin/python corpus/synthetic_dev_en5/build_docx.py
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))  # corpus/source_docx.py, shared by the sets' build scripts
from source_docx import Markup, main  # noqa: E402

MARKUP = Markup(
    prefixes=(("+ ", "numbered"), ("### ", "heading2"), ("## ", "heading1"), ("# ", "title")),
    restart="after_other",
    tables_restart=True,
)


if __name__ == "__main__":
    main(HERE, MARKUP)
