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

import copy
from pathlib import Path

from docx import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph

HERE = Path(__file__).resolve().parent
SOURCES = HERE / "sources"


def _list_number_num_id(doc: Document) -> int:
    """Return the numId that the built-in 'List Number' style points at."""
    style = doc.styles["List Number"]
    num_pr = style.element.pPr.find(qn("w:numPr"))
    return int(num_pr.find(qn("w:numId")).get(qn("w:val")))


def _new_restarted_num(doc: Document, base_num_id: int) -> int:
    """Create a numbering instance that shares the list definition but restarts at 1."""
    numbering = doc.part.numbering_part.element
    base = next(n for n in numbering.findall(qn("w:num")) if int(n.get(qn("w:numId"))) == base_num_id)
    abstract_id = base.find(qn("w:abstractNumId")).get(qn("w:val"))
    new_id = max(int(n.get(qn("w:numId"))) for n in numbering.findall(qn("w:num"))) + 1
    num = OxmlElement("w:num")
    num.set(qn("w:numId"), str(new_id))
    abstract = OxmlElement("w:abstractNumId")
    abstract.set(qn("w:val"), abstract_id)
    num.append(abstract)
    override = OxmlElement("w:lvlOverride")
    override.set(qn("w:ilvl"), "0")
    start = OxmlElement("w:startOverride")
    start.set(qn("w:val"), "1")
    override.append(start)
    num.append(override)
    numbering.append(num)
    return new_id


def _set_num(paragraph: Paragraph, num_id: int) -> None:
    p_pr = paragraph._p.get_or_add_pPr()
    num_pr = OxmlElement("w:numPr")
    ilvl = OxmlElement("w:ilvl")
    ilvl.set(qn("w:val"), "0")
    nid = OxmlElement("w:numId")
    nid.set(qn("w:val"), str(num_id))
    num_pr.append(ilvl)
    num_pr.append(nid)
    p_pr.append(copy.deepcopy(num_pr))


def _flush_table(doc: Document, rows: list[list[str]]) -> None:
    width = max(len(r) for r in rows)
    table = doc.add_table(rows=len(rows), cols=width)
    table.style = "Table Grid"
    for i, row in enumerate(rows):
        for j in range(width):
            cell = table.cell(i, j)
            cell.text = row[j] if j < len(row) else ""
            if i == 0:
                for run in cell.paragraphs[0].runs:
                    run.bold = True


def build(src: Path, out: Path) -> None:
    doc = Document()
    base_num = _list_number_num_id(doc)
    current_num: int | None = None
    table_rows: list[list[str]] = []
    for raw in src.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if table_rows and not line.startswith("|"):
            _flush_table(doc, table_rows)
            table_rows = []
        if not line:
            continue
        if line.startswith("|"):
            cells = [c.strip() for c in line.strip("|").split("|")]
            table_rows.append(cells)
        elif line.startswith("### "):
            doc.add_heading(line[4:], level=2)
            current_num = None
        elif line.startswith("## "):
            doc.add_heading(line[3:], level=1)
            current_num = None
        elif line.startswith("# "):
            doc.add_heading(line[2:], level=0)
            current_num = None
        elif line.startswith("#. "):
            if current_num is None:
                current_num = _new_restarted_num(doc, base_num)
            para = doc.add_paragraph(line[3:], style="List Number")
            _set_num(para, current_num)
        elif line.startswith("- "):
            doc.add_paragraph(line[2:], style="List Bullet")
        else:
            doc.add_paragraph(line)
    if table_rows:
        _flush_table(doc, table_rows)
    doc.save(out)


def main() -> None:
    for src in sorted(SOURCES.glob("*.src.txt")):
        out = HERE / (src.name.removesuffix(".src.txt") + ".docx")
        build(src, out)
        print(f"built {out.name}")


if __name__ == "__main__":
    main()
