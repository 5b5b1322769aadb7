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

from pathlib import Path

from docx import Document

HERE = Path(__file__).resolve().parent
SOURCES = HERE / "sources"


def _cells(line: str) -> list[str]:
    return [cell.strip() for cell in line.strip().strip("|").split("|")]


def _add_table(document: Document, rows: list[list[str]]) -> None:
    width = max(len(row) for row in rows)
    table = document.add_table(rows=len(rows), cols=width)
    table.style = "Table Grid"
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            cell = table.cell(r, c)
            cell.text = text
            if r == 0:
                for run in cell.paragraphs[0].runs:
                    run.bold = True


def build(source: Path, target: Path) -> None:
    """Convert one marked-up source file into a Word document."""
    document = Document()
    pending_rows: list[list[str]] = []
    for raw in source.read_text(encoding="utf-8").splitlines():
        line = raw.rstrip()
        if line.startswith("|"):
            pending_rows.append(_cells(line))
            continue
        if pending_rows:
            _add_table(document, pending_rows)
            pending_rows = []
        if not line:
            continue
        if line.startswith("= "):
            document.add_paragraph(line[2:], style="Title")
        elif line.startswith("## "):
            document.add_heading(line[3:], level=2)
        elif line.startswith("# "):
            document.add_heading(line[2:], level=1)
        elif line.startswith("+ "):
            document.add_paragraph(line[2:], style="List Number")
        else:
            document.add_paragraph(line)
    if pending_rows:
        _add_table(document, pending_rows)
    document.save(str(target))


def main() -> None:
    for source in sorted(SOURCES.glob("*.src.txt")):
        target = HERE / (source.name.removesuffix(".src.txt") + ".docx")
        build(source, target)
        print(f"wrote {target.name}")


if __name__ == "__main__":
    main()
