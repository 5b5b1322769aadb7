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

Run with: /work/main/.venv/bin/python corpus/synthetic_dev_en4/build_docx.py
"""

from __future__ import annotations

from pathlib import Path

from docx import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph

HERE = Path(__file__).resolve().parent
SOURCES = HERE / "sources"


def _restart_numbering(document: Document, paragraph: Paragraph) -> None:
    """Give a list its own numbering instance so that it starts again at 1."""
    numbering = document.part.numbering_part.element
    style = document.styles["List Number"]
    style_num = style.element.pPr.numPr.numId.val
    abstract_id = None
    for num in numbering.findall(qn("w:num")):
        if int(num.get(qn("w:numId"))) == int(style_num):
            abstract_id = num.find(qn("w:abstractNumId")).get(qn("w:val"))
            break
    if abstract_id is None:
        return
    new_id = max(int(n.get(qn("w:numId"))) for n in numbering.findall(qn("w:num"))) + 1
    num = OxmlElement("w:num")
    num.set(qn("w:numId"), str(new_id))
    abstract = OxmlElement("w:abstractNumId")
    abstract.set(qn("w:val"), str(abstract_id))
    num.append(abstract)
    override = OxmlElement("w:lvlOverride")
    override.set(qn("w:ilvl"), "0")
    start = OxmlElement("w:startOverride")
    start.set(qn("w:val"), "1")
    override.append(start)
    num.append(override)
    numbering.append(num)
    num_pr = paragraph._p.get_or_add_pPr().get_or_add_numPr()
    num_pr.get_or_add_ilvl().val = 0
    num_pr.get_or_add_numId().val = new_id


def _add_table(document: Document, rows: list[list[str]]) -> None:
    width = max(len(r) for r in rows)
    table = document.add_table(rows=0, cols=width)
    table.style = "Table Grid"
    for index, cells in enumerate(rows):
        row = table.add_row().cells
        for col, text in enumerate(cells):
            run = row[col].paragraphs[0].add_run(text)
            run.bold = index == 0


def build(source: Path, target: Path) -> None:
    document = Document()
    table_rows: list[list[str]] = []
    list_open = False
    for raw in source.read_text(encoding="utf-8").splitlines():
        line = raw.rstrip()
        if line.startswith("|"):
            table_rows.append([c.strip() for c in line.strip("|").split("|")])
            list_open = False
            continue
        if table_rows:
            _add_table(document, table_rows)
            table_rows = []
        if not line:
            continue
        if line.startswith("+ "):
            paragraph = document.add_paragraph(line[2:], style="List Number")
            if not list_open:
                _restart_numbering(document, paragraph)
                first_list_num = paragraph._p.pPr.numPr.numId.val
                list_open = True
            else:
                num_pr = paragraph._p.get_or_add_pPr().get_or_add_numPr()
                num_pr.get_or_add_ilvl().val = 0
                num_pr.get_or_add_numId().val = first_list_num
            continue
        list_open = False
        if line.startswith("### "):
            document.add_heading(line[4:], level=2)
        elif line.startswith("## "):
            document.add_heading(line[3:], level=1)
        elif line.startswith("# "):
            document.add_heading(line[2:], level=0)
        else:
            document.add_paragraph(line)
    if table_rows:
        _add_table(document, table_rows)
    document.save(target)


def main() -> None:
    for source in sorted(SOURCES.glob("*.src.txt")):
        target = HERE / (source.name.removesuffix(".src.txt") + ".docx")
        build(source, target)
        print(f"wrote {target.relative_to(HERE)}")


if __name__ == "__main__":
    main()
