"""Build the two .docx texts of the French development set from their plain-text sources.

Source markup (one block per paragraph, blank lines between blocks):
  "= "  Title            "# "  Heading 1        "## " Heading 2
  "+ "  List Number      "- "  List Bullet
  "| a | b |" lines form one table (first row is the header row)
Anything else is a Normal paragraph. Kept separate from the texts so the .docx
files can be rebuilt identically: .venv/bin/python corpus/synthetic_dev_fr/build_docx.py
"""

from pathlib import Path

from docx import Document
from docx.shared import Pt

HERE = Path(__file__).resolve().parent
SOURCES = HERE / "sources"


def _table(doc: Document, rows: list[list[str]]) -> None:
    table = doc.add_table(rows=len(rows), cols=len(rows[0]))
    table.style = "Table Grid"
    for r, cells in enumerate(rows):
        for c, text in enumerate(cells):
            cell = table.cell(r, c)
            cell.text = text
            if r == 0:
                for run in cell.paragraphs[0].runs:
                    run.bold = True


def build(src: Path, out: Path) -> None:
    doc = Document()
    doc.styles["Normal"].font.size = Pt(11)
    pending: list[list[str]] = []
    for raw in src.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if line.startswith("|"):
            pending.append([c.strip() for c in line.strip("|").split("|")])
            continue
        if pending:
            _table(doc, pending)
            pending = []
        if not line:
            continue
        if line.startswith("= "):
            doc.add_paragraph(line[2:], style="Title")
        elif line.startswith("## "):
            doc.add_heading(line[3:], level=2)
        elif line.startswith("# "):
            doc.add_heading(line[2:], level=1)
        elif line.startswith("+ "):
            doc.add_paragraph(line[2:], style="List Number")
        elif line.startswith("- "):
            doc.add_paragraph(line[2:], style="List Bullet")
        else:
            doc.add_paragraph(line)
    if pending:
        _table(doc, pending)
    doc.save(out)


def main() -> None:
    for src in sorted(SOURCES.glob("*.src.txt")):
        out = HERE / (src.name.removesuffix(".src.txt") + ".docx")
        build(src, out)
        print(f"built {out.name}")


if __name__ == "__main__":
    main()
